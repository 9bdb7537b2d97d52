"""The answering engine on a small hand-made store, so the rules are visible in the cases."""

import pytest

from bot.engine import AliasBook, Candidate, Engine
from bot.engine.analyzer import Analyzer
from bot.engine.decision import Thresholds, decide
from bot.engine.result import Verdict
from bot.models import Entry, Evidence


def entry(entry_id: str, kind: str, question: str, *alternates: str, answer: str = "") -> Entry:
    evidence = (Evidence("seed.txt", answer or question, 0, len(answer or question)),)
    return Entry(entry_id, "a", kind, question, alternates, answer or question, evidence)


ENTRIES = [
    entry(
        "person-flynn",
        "person",
        "Who is Michael Flynn?",
        "flynn",
        "national security advisor",
        answer="A retired general appointed National Security Advisor.",
    ),
    entry(
        "quote-trust",
        "quote",
        "Who said mutual trust takes years to achieve?",
        "trust takes years",
        "peskov quote about trust",
        answer="Peskov said an atmosphere of mutual trust takes years to achieve.",
    ),
    entry(
        "champagne",
        "number",
        "How many bottles of champagne were ordered?",
        "how many bottles",
        "champagne bottles",
        answer="130 bottles of champagne.",
    ),
    entry(
        "banquet",
        "event",
        "What did Zhirinovsky do to celebrate?",
        "zhirinovsky banquet",
        "zhirinovsky party",
        answer="He ordered a banquet in Trump's honor.",
    ),
    entry(
        "person-peskov",
        "person",
        "Who is Dmitry Peskov?",
        "peskov",
        "kremlin spokesman",
        answer="A Kremlin spokesman.",
    ),
    entry(
        "person-zhirinovsky",
        "person",
        "Who is Vladimir Zhirinovsky?",
        "zhirinovsky mp",
        "russian mp",
        answer="A Russian MP.",
    ),
]
ALIASES = {"peskov": ["kremlin spokesman", "dmitry peskov"], "champagne": ["bubbly"]}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(ENTRIES, ALIASES)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who is flynn", "person-flynn"),
        ("flynn?", "person-flynn"),
        ("FLYNN!!!", "person-flynn"),
        ("flyn", "person-flynn"),  # typo
        ("<@123456789012345678> **who is flynn** 🤔 :thinking:", "person-flynn"),  # chat noise
        ("who said trust takes years", "quote-trust"),
        ("who said mutual trust takes yeras", "quote-trust"),  # typo
        ("Who said “mutual trust takes years”?", "quote-trust"),  # typographic quotes
        ("how many bottles of bubbly", "champagne"),  # alias
        ("who is the kremlin spokesman", "person-peskov"),  # alias to the name
        ("who is peskof", "person-peskov"),  # typo in a name
        ("what did peskof say about trust", "quote-trust"),  # typo in the asked speaker
        ("wat did zhirinovsky do to celebrate", "banquet"),  # chat's spelling of "what"
        ("hwo is flynn in the artcle", "person-flynn"),  # of "who", and a stopword's typo
    ],
)
def test_answers(engine: Engine, question: str, expected: str) -> None:
    """Paraphrases, typos, aliases and chat noise reach the right entry."""
    result = engine.answer(question)
    assert result.answered, (question, result)
    assert result.entry_id == expected
    assert 0.0 <= result.confidence <= 1.0


@pytest.mark.parametrize(
    "question",
    [
        "what is the capital of france",
        "when was flynn born",  # the same person, a fact we don't have
        "how many bottles of vodka did he drink",  # near miss on a number
        "what happened in 2020",  # a number the store never mentions
        "how long did the zhirinovsky banquet last",  # the topic, not the asked duration
        "wat year did zhirinovsky celebrate",  # chat's "what": still a time asked for
        "when did zhirinovsky celebrate",  # the entry states no time
        "how many times did zhirinovsky celebrate",  # nor a count
        "'; DROP TABLE entries; --",
        "asdkjh qwe zxc",
    ],
)
def test_declines(engine: Engine, question: str) -> None:
    """Unrelated questions and near misses are declined, never guessed."""
    assert not engine.answer(question).answered


@pytest.mark.parametrize(
    "question", ["?", "@everyone", "   ", "🤔🤔", "<@123456789012345678>", "the"]
)
def test_nothing_to_match(engine: Engine, question: str) -> None:
    """Noise, punctuation and stopwords alone are recognised as no question at all."""
    result = engine.answer(question)
    assert result.verdict is Verdict.EMPTY and not result.suggestions


def test_suggestions_are_close_and_at_most_three(engine: Engine) -> None:
    """An ambiguous question gets up to 3 suggestions, best first."""
    result = engine.answer("zhirinovsky")
    assert not result.answered
    assert 2 <= len(result.suggestions) <= 3
    assert {s.entry_id for s in result.suggestions[:2]} == {"banquet", "person-zhirinovsky"}


def test_deterministic(engine: Engine) -> None:
    """Same question, same result, also from a freshly built engine."""
    questions = ["who is flynn", "zhirinovsky", "peskov trust", "what is love"]
    first = [engine.answer(q) for q in questions]
    again = Engine(list(reversed(ENTRIES)), ALIASES)
    assert [engine.answer(q) for q in questions] == first
    assert [again.answer(q) for q in questions] == first


def test_an_answer_does_not_depend_on_what_was_asked_before() -> None:
    """The gate's kept work (per question, per entry text) never carries one question's focus
    into another's: asked in either order, each question gets the same result."""
    questions = [
        "who said trust takes years",
        "who threw the banquet",
        "what did peskov say about trust",
        "where was the banquet",
        "who is flynn",
        "how many bottles of champagne",
    ]
    forward = Engine(ENTRIES, ALIASES)
    backward = Engine(ENTRIES, ALIASES)
    first = [forward.answer(q) for q in questions]
    assert [backward.answer(q) for q in reversed(questions)][::-1] == first


@pytest.mark.parametrize(
    ("scores", "verdict"),
    [
        ([0.9, 0.5], Verdict.CONFIDENT),  # good and clearly ahead
        ([0.9, 0.88], Verdict.AMBIGUOUS),  # good but a runner-up is as good
        ([0.4, 0.1], Verdict.UNSURE),  # ahead but not good enough
        ([0.2, 0.1], Verdict.NO_MATCH),  # nothing worth suggesting
        ([], Verdict.NO_MATCH),
    ],
)
def test_decision_rule(scores: list[float], verdict: Verdict) -> None:
    """Answer only above the threshold AND with a margin over the runner-up."""
    ranked = [Candidate(f"e{i}", f"q{i}", s) for i, s in enumerate(scores)]
    assert decide(ranked, Thresholds(answer=0.55, margin=0.06, suggest=0.3)).verdict is verdict


@pytest.mark.parametrize(
    ("unexplained", "holds_focus", "answered"),
    [(0.1, True, True), (0.5, True, False), (0.1, False, False)],
)
def test_the_gate_declines_what_the_entry_does_not_explain(
    unexplained: float, holds_focus: bool, answered: bool
) -> None:
    """However good and clear, an entry leaving much of the question unexplained, or not stating
    the time or count asked for, is offered as a suggestion, not answered."""
    best = Candidate("e0", "q0", 0.9, "a", unexplained, holds_focus)
    result = decide([best, Candidate("e1", "q1", 0.3)], Thresholds())
    assert result.answered is answered
    assert answered or result.suggestions[0].entry_id == "e0"


def test_autocomplete_suggest_is_fuzzy_and_bounded(engine: Engine) -> None:
    """Suggestions for a half-typed question are fuzzy, deduplicated and at most the limit."""
    found = engine.suggest("champ", limit=2)
    assert [c.entry_id for c in found][:1] == ["champagne"]
    assert len(engine.suggest("", limit=3)) == 3


def test_vague_questions_get_suggestions_but_names_are_answered() -> None:
    """Only common words ("russia?") is too vague to answer; a bare common name asks who."""
    entries = [
        entry("fact-0", "event", "What did Russia do about sanctions?", "russia", "sanctions"),
        entry("fact-1", "event", "What did Russia do in Syria?", "russia syria", "syria"),
        entry("fact-2", "event", "What did Russia do for peace?", "russia peace", "peace"),
        entry("person-trump", "person", "Who is Trump?", "trump", "donald trump"),
        entry("trump-0", "event", "What did Trump say on TV?", "trump tv", "television"),
        entry("trump-1", "event", "What did Trump say on radio?", "trump radio", "radio"),
    ]
    engine = Engine(entries, {})
    assert engine.rank("russia?")[0].entry_id == "fact-0"  # type: ignore[index]
    vague = engine.answer("russia?")
    assert not vague.answered and vague.suggestions
    assert vague.confidence <= engine.thresholds.answer
    assert engine.answer("trump").entry_id == "person-trump"
    assert engine.answer("russia sanctions").entry_id == "fact-0"


def test_phrasings_with_the_same_words_in_another_order_do_not_compete() -> None:
    """An entry never ties with itself when two of its phrasings have the same words."""
    twin = entry("next-steps", "argument", "What are the next steps?", "steps next", "next steps")
    engine = Engine([twin, *ENTRIES], ALIASES)
    ranked = engine.rank("next steps") or []
    assert [c.entry_id for c in ranked].count("next-steps") == 1
    assert engine.answer("next steps").entry_id == "next-steps"


@pytest.mark.parametrize(
    ("question", "holds_talks"),
    [
        ("what's the golden opportunity the article talks about", False),  # framing: the topic
        ("how did the peace talks go", True),  # the noun: what the question is about
        ("when she talks about going edgy what does she mean", True),  # a speaker, not framing
    ],
)
def test_the_article_talking_about_is_framing(question: str, holds_talks: bool) -> None:
    """ "The article talks about X" asks about X; "talks" (here an alias of dialogue) is not
    left over for an entry to explain."""
    analyzer = Analyzer(AliasBook.of({"dialogue": ["talks"]}))
    assert ("dialogu" in analyzer.query(question).terms) is holds_talks


def test_words_a_phrase_alias_absorbs_still_explain_a_question() -> None:
    """ "Kremlin spokesman" is indexed as Peskov; "the kremlin on mutual trust" is still
    explained by the entry whose text says "Kremlin"."""
    quote = entry(
        "trust",
        "quote",
        "What did Peskov say about trust?",
        answer="Dmitry Peskov, a Kremlin spokesman, said mutual trust takes years.",
    )
    engine = Engine([quote, *ENTRIES], {"peskov": ("kremlin spokesman",)})
    best = (engine.rank("the kremlin on mutual trust") or [])[0]
    assert (best.entry_id, best.unexplained) == ("trust", 0.0)
    absorbed: set[str] = set()
    assert engine.stats.analyzer.terms("a Kremlin spokesman said", absorbed=absorbed) == ("peskov",)
    assert absorbed == {"kremlin", "spokesman"}


def test_a_name_is_not_a_paraphrase_of_another_name() -> None:
    """ "How did europe react" is not explained by an entry about Russia's reaction, however
    close the two names' vectors; a word close to one of its plain words still is."""
    reaction = entry(
        "reactions",
        "event",
        "How did Russia react to the election?",
        answer="Russia cheered the election result with champagne.",
    )
    engine = Engine([reaction, *ENTRIES], {})
    europe = (engine.rank("how did europe cheer the election") or [])[0]
    # "europe" is a quarter of the question: left whole (soft credit from "Russia" left ~0.15)
    assert (europe.entry_id, europe.unexplained > 0.2) == ("reactions", True)
    assert not engine.answer("how did europe cheer the election").answered


@pytest.mark.parametrize(
    ("thaw_quotes", "answered"),
    [
        ((0, 60), True),  # the same sentence: either entry holds the fact
        ((100, 160), False),  # another sentence: a real doubt, did you mean
    ],
)
def test_siblings_quoting_the_same_passage_do_not_block_each_other(
    thaw_quotes: tuple[int, int], answered: bool
) -> None:
    """Two entries alike for the question are answered when they quote the same passage."""
    text = "A phone call between Trump and Putin on Monday seemed to confirm a thaw."

    def quoting(entry_id: str, span: tuple[int, int]) -> Entry:
        evidence = (Evidence("seed.txt", text, *span),)
        return Entry(entry_id, "a", "event", "When did Trump and Putin talk?", (), text, evidence)

    engine = Engine([quoting("call", (0, 60)), quoting("thaw", thaw_quotes), *ENTRIES], ALIASES)
    assert engine.answer("when did trump and putin talk").answered is answered
