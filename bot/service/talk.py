"""Talk that is not a question about the article: greetings, thanks, help, "who are you", and
questions about the article itself (who wrote it, when, where to read it).

Recognised only when the whole message is such talk (after a greeting or "please" is set
aside): "help" is help, "help me understand the iran deal" is a question for the article.
Pure text rules, run before the answering engine, so "help" can never match "helped usher".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.text.normalize import fold


class Talk(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    HELP = "help"
    AUTHOR = "author"
    PUBLISHED = "published"
    LINK = "link"
    OUTLET = "outlet"
    ARTICLES = "articles"

    @property
    def about_the_article(self) -> bool:
        return self in {Talk.AUTHOR, Talk.PUBLISHED, Talk.LINK, Talk.OUTLET, Talk.ARTICLES}


@dataclass(frozen=True)
class Heard:
    talk: Talk | None  # None: a question for the article (or a follow-up)
    rest: str  # what is left to answer once a greeting or thanks is set aside
    words: str  # the message as the rules read it (folded, no punctuation)


_BOT = r"(?:briefbot|brief bot|bot|buddy|mate|friend|there|everyone|all|folks|guys)"
_GREETING = (
    r"(?:hi+|hello+|hey+|heya|hiya|howdy|yo|hola|hallo|greetings|sup|wassup|whats up|"
    r"good (?:morning|afternoon|evening|day))"
)
_THANKS = (
    r"(?:thanks?(?: you)?(?: (?:so|very) much| a lot| a ton| again)?|thx|thnx|ty|tysm|"
    r"cheers|much appreciated|appreciate it|many thanks|thank u)"
)
# Said alone, these close a turn; at the start of a question they may be part of it.
_ALONE = r"(?:ok(?:ay)?|k|cool|great|nice|awesome|perfect|got it|i see|alright|good|wow|neat)"
_SALUTE = rf"(?:{_GREETING}|morning|evening|gm)"
_FILLER = r"(?:please|pls|plz|can you|could you|would you|tell me|so|um+|uh+|well)"
_HELP = (
    r"(?:help|help me|help please|i need help|commands|menu|usage|instructions|info|start|"
    r"how does this work|how do (?:i|you|we) use (?:this|you|it|briefbot)|"
    r"how (?:does|do) (?:this|you|it|briefbot) work|how does briefbot work|"
    r"what can (?:you|i) do|what can you do for me|what do you do|what are you|who are you|"
    r"who r u|what is this|what is briefbot|who is briefbot|what are you for|"
    r"what are you good for|what is this bot|what kind of bot are you|are you a bot|"
    r"are you (?:a )?human|are you real|what can you tell me|what do you know|"
    r"what (?:can|could|should|do) i ask(?: you)?(?: about)?|what questions can i ask|"
    r"tell me about yourself|introduce yourself|who made you|who built you|who created you|"
    r"what is your name|whats your name)"
)
# The article by name ("the article", "the sabres story") and, in a reply about it, "it".
_ARTICLE = (
    r"(?:the article|this article|that article|the piece|this piece|the story|this story|"
    r"the text|the original(?: article)?|the (?:full|whole) (?:article|story|text)|"
    r"the source|the (?:[a-z0-9]+ ){1,5}(?:article|piece|story))"
)
_REF = rf"(?:it|this|that|{_ARTICLE})"
_TALK_RULES: tuple[tuple[Talk, str], ...] = (
    (
        Talk.AUTHOR,
        rf"who (?:wrote|writes|authored|penned|is behind) {_REF}"
        rf"|who (?:is|was) {_REF} (?:by|written by|from)"
        rf"|(?:who is |who was |whos |what is |whats )?the (?:author|writer|journalist|"
        rf"reporter|byline)(?: of {_REF})?(?: called| named)?"
        rf"|(?:author|writer|byline|authors name|name of the author)"
        rf"|whose (?:article|piece|story) is (?:this|it)"
        rf"|by whom|written by whom|{_REF} (?:was |is )?written by (?:whom|who)"
        rf"|{_REF} is by who",
    ),
    (
        Talk.PUBLISHED,
        rf"when (?:was|is|were) {_REF} (?:published|written|posted|released|put out|dated|"
        rf"out|from)"
        rf"|when did {_REF} (?:come out|appear|get published|go out|run)"
        rf"|(?:what|which) (?:date|day|year|month) (?:was|is) {_REF} (?:published|from|"
        rf"written|dated|out)"
        rf"|(?:the )?(?:publication|publishing|publish|published|release) date(?: of {_REF})?"
        rf"|date|dated|when published|how (?:old|recent) is {_ARTICLE}"
        rf"|is {_ARTICLE} (?:recent|old|new|current)",
    ),
    (
        Talk.OUTLET,
        rf"(?:who|which (?:outlet|newspaper|paper|site|website|publication|magazine|media))"
        rf" (?:published|ran|printed|posted|put out) {_REF}"
        rf"|(?:what|which) (?:outlet|newspaper|paper|site|website|publication|magazine|"
        rf"media outlet|news site) (?:is|was) {_REF}(?: from| in| on| published (?:in|on|by))?"
        rf"|where (?:was|is) {_REF} (?:published|from|posted|printed)"
        rf"|outlet|newspaper|publication|publisher",
    ),
    (
        Talk.LINK,
        rf"(?:where|how) (?:can|do|could|would|should|might) (?:i|we|one) (?:read|find|see|"
        rf"get|access|open) {_REF}(?: online| in full| myself)?"
        rf"|where can i find {_REF}"
        rf"|(?:(?:give|send|show|share|post|drop) (?:me |us )?)?(?:a |the )?(?:link|url|"
        rf"web address|source link)(?: (?:to|for|of) {_REF})?"
        rf"|(?:is there|do you have|have you got|got|can i (?:have|get)) (?:a |the )?"
        rf"(?:link|url)(?: (?:to|for|of) {_REF})?"
        rf"|(?:read|open) {_REF}(?: online| in full)?"
        rf"|(?:original|full) (?:article|story|text)|read more|sources?",
    ),
    (
        Talk.ARTICLES,
        r"(?:what|which) articles?(?: (?:are|do) you (?:brief|briefing|cover|covering|know|"
        r"have|about))?(?: here)?|what are you (?:briefing|covering)(?: here)?"
        r"|what (?:do you|can you) brief(?: on)?(?: here)?|list (?:the )?articles",
    ),
    (Talk.HELP, _HELP),
)


def _pattern(body: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{_FILLER} )*(?:{body})(?: {_FILLER})*(?: {_BOT})?$")


_RULES = tuple((talk, _pattern(body)) for talk, body in _TALK_RULES)
_SMALL = re.compile(rf"^(?:(?:{_SALUTE}|{_THANKS}|{_ALONE})(?: {_BOT})? ?)+$")
_GREETED = re.compile(rf"^(?:{_SALUTE}(?: {_BOT})? ?)+$")
# A greeting or thanks before a question, then a space or punctuation: set aside.
_OPENING = re.compile(rf"^(?:(?:{_GREETING}|{_THANKS})(?:\s+{_BOT})?(?:[\s,.!:;-]+|$))+")
_CLOSING = re.compile(rf"[\s,.!;-]+(?:{_THANKS})(?:\s+{_BOT})?[\s!.]*$")
_MENTION = re.compile(r"<[@#][!&]?\d+>")
_NON_WORD = re.compile(r"[^\w]+")


def _lowered(text: str) -> str:
    return fold(_MENTION.sub(" ", text)).lower().replace("\u2019", "'")


def words_of(text: str) -> str:
    """The message as plain lowercase words: mentions, apostrophes and punctuation go."""
    return " ".join(_NON_WORD.sub(" ", _lowered(text).replace("'", "")).split())


def _rule(words: str) -> Talk | None:
    for talk, pattern in _RULES:
        if pattern.match(words):
            return talk
    return None


def hear(text: str) -> Heard:
    """What kind of talk a message is; `rest` is the question left once a greeting or thanks
    around it is set aside ("hi! who is flynn?" -> "who is flynn?")."""
    words = words_of(text)
    if not words:
        return Heard(None, text, words)
    talk = _rule(words)
    if talk is not None:
        return Heard(talk, "", words)
    if _SMALL.match(words):
        return Heard(Talk.GREETING if _GREETED.match(words) else Talk.THANKS, "", words)
    lowered = _lowered(text)
    opening = _OPENING.match(lowered)
    core = lowered[opening.end() :] if opening else lowered
    core = _CLOSING.sub("", core).strip()
    if core == lowered.strip():
        return Heard(None, text, words)
    core_words = words_of(core)
    talk = _rule(core_words)
    return Heard(talk, "" if talk else core, core_words)
