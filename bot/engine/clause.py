"""The words of a question that carry what it asks: the wh-phrase's head ("what *brand*", "how
many *troops*") and its main clause (subject, verb, object: "how did *russian markets react*").

Everything after the main clause (a prepositional phrase, a "when" clause: "...*when trump won*")
and the stopwords are its framing: paraphrases reword them freely ("according to the moscow
readout", "in the kremlin statement"), while a near miss keeps the topic and changes the asked
detail, which stands in the head or the main clause. `gate.refine` counts a word the entry lacks
less when it is framing (`Weights.framing`). A question without a question word or a leading
auxiliary (a keyword query: "cold war 2.0 meaning") has no structure to read: every word counts.
"""

from __future__ import annotations

from bot.engine.focus import head_words
from bot.engine.stopwords import QUESTION_WORDS, STOPWORDS

# Words opening what follows the main clause: prepositions, conjunctions, relatives.
_BOUNDARY = frozenset(
    """in at near from inside outside across into on to with for of about by after before when
    while if because and or but than that who whom which where whose during since against between
    over under toward towards like as so until unless whether""".split()
)
_LEADING = frozenset(
    "did does do is was are were can could will would has have had should shall may might".split()
)


def core_words(tokens: list[str]) -> tuple[str, ...] | None:
    """The head and main-clause words of a question given as its lower-case words (None: a
    keyword query, nothing to read)."""
    start = next((i for i, t in enumerate(tokens) if t in QUESTION_WORDS), None)
    if start is None:
        start = next((i for i, t in enumerate(tokens[:3]) if t in _LEADING), None)
        if start is None:
            return None
    rest = tokens[start:]
    core: list[str] = []
    skip = 1
    if rest[0] in ("what", "which", "whats"):
        head = head_words(rest[1:])
        core += head
        skip += len(head)
    elif rest[:2] in (["how", "many"], ["how", "much"]):
        head = head_words(rest[2:])
        core += head
        skip += 1 + len(head)
    clause: list[str] = []
    for token in rest[skip:]:
        if token in _BOUNDARY or token in QUESTION_WORDS:
            if clause:
                break  # the main clause ends here
            continue
        if token not in STOPWORDS:
            clause.append(token)
    return (*core, *clause)
