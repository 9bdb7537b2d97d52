"""The focus of a question (what the answering entry must hold), and the gate's check of it."""

import pytest

from bot.engine import Engine
from bot.engine import focus as f
from bot.engine.textproc import words
from bot.models import Entry, Evidence


@pytest.mark.parametrize(
    ("question", "kind", "held"),
    [
        ("when was the cbs interview", f.TIME, ()),
        ("when exactly did they talk", f.DATE, ()),
        ("what year was obama's reset", f.DATE, ()),
        ("how long did the reset last", f.DURATION, ()),
        ("how long did the reset last exactly", f.SPAN, ()),  # a number of units, not "brief"
        ("what share of russian experts think so", f.SHARE, ()),  # a proportion
        ("what percentage of americans agree", f.SHARE, ()),
        ("how many months did it last", f.SPAN, ()),  # a number of months, not "brief"
        ("how many bottles of champagne", f.COUNT, ("bottles",)),  # a count of bottles
        ("how many languages does putin speak", f.COUNT, ("languages",)),
        ("how much did it cost", f.COUNT, ()),
        ("who is the kremlin spokesman", f.AGENT, ("kremlin", "spokesman")),  # a role to name
        ("whats the name of the british spokesperson", f.AGENT, ()),
        ("did peskov say anything about flynn", f.SPEECH, ("flynn",)),
        ("who did trump appoint as national security advisor", f.AGENT, ()),
        ("who is michael flynn", None, ()),  # about flynn, not an agent to name
        ("which country was the only one backing trump", f.AGENT, ()),
        ("which middle east places did he talk about", f.AGENT, ("middle", "east")),  # names
        ("which other countries did it name", f.NAMED, ("countries",)),  # beyond its own
        ("what does the misplaced optimism section say", None, ()),  # its content: no speaker
        ("where was the banquet held", f.PLACE, ()),
        ("was there any place where a poll had him ahead", None, ()),  # whether, not where
        ("where does he stand on nato", None, ()),  # a position, not a place
        ("why was flynn criticised", f.REASON, ()),
        ("how come they agree", f.REASON, ()),
        ("what did peskov say about trust", f.SPEECH, ("trust",)),
        ("what did zhirinovsky actually say about trump", f.SPEECH, ("trump",)),
        # the speaker stands before the preposition; the topic must still be held
        ("what did the kremlin statement on the call say about syria", f.SPEECH, ("syria",)),
        ("which hawks might become secretary of state", f.NAMED, ("hawks",)),
        ("what other promises did he drop", f.NAMED, ("promises",)),  # names beyond its own
        ("what is the reset", None, ()),  # a description: nothing to hold
    ],
)
def test_focus_of_a_question(question: str, kind: str | None, held: tuple[str, ...]) -> None:
    """The first words say what is asked for, and which words the entry must hold itself."""
    found = f.focus_of(words(question))
    assert (found.kind, found.held) == (kind, held)


def _entry(
    entry_id: str, question: str, *alternates: str, answer: str, kind: str = "event"
) -> Entry:
    evidence = (Evidence("seed.txt", answer, 0, len(answer)),)
    return Entry(entry_id, "a", kind, question, alternates, answer, evidence)


@pytest.fixture(scope="module")
def engine() -> Engine:
    survey = _entry(
        "survey",
        "What did the global survey find?",
        "which country supported trump in the global survey",
        "who favored trump",
        answer="A global survey found that Russia alone supported Trump.",
    )
    other = _entry("other", "What did Trump say on TV?", "trump tv", answer="He praised NATO.")
    return Engine([survey, other], {})


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        # its "which country" phrasing asks about the same support: it vouches for the entry
        ("which country supported trump in the global survey", True),
        # "who favored trump" asks "who" about something else; the entry names nobody new
        ("who ran the global survey that found russia supported trump", False),
    ],
)
def test_an_entry_phrasing_vouches_only_for_what_it_asks_about(
    engine: Engine, question: str, holds: bool
) -> None:
    """A phrasing asking for the same kind of fact counts only when it is about the question."""
    best = engine.rank(question)[0]  # type: ignore[index]
    assert (best.entry_id, best.holds_focus) == ("survey", holds)


@pytest.mark.parametrize(
    ("kind", "text", "states"),
    [
        (f.SPAN, "it was brief", False),  # a duration, but no number of months
        (f.SPAN, "the reset of 2009 gave way", False),  # a year is no count of months
        (f.SPAN, "the reset lasted 18 months", True),
        (f.SPAN, "for two years", True),
        (f.DURATION, "it was brief", True),
        (f.SHARE, "both presidents made overtures, many commentators doubt it", False),
        (f.SHARE, "the 2016 survey", False),  # a year is no proportion
        (f.SHARE, "60 percent of russians", True),
        (f.SHARE, "a majority backed him", True),
        (f.REASON, "the worst period since the end of the cold war", False),  # "since" dates
        (f.REASON, "the worst period since 2009", False),
        (f.REASON, "since he wanted allies against isis", True),
        (f.REASON, "because of the sanctions", True),
    ],
)
def test_an_entry_states_the_kind_of_fact_asked_for(kind: str, text: str, states: bool) -> None:
    """A count of units, or a reason, must be stated, not a word that merely looks like one."""
    assert f.stated(kind, words(text), frozenset()) is states


@pytest.mark.parametrize(
    ("sequence", "speaks"),
    [
        ("peskov said it was phenomenal", True),
        ("said peskov", True),
        ("the kremlin mantra when speaking about syria", False),  # "when": someone else speaks
        ("the kremlin mantra while speaking about syria", False),
    ],
)
def test_a_speaker_speaks_only_beside_the_speech_verb(sequence: str, speaks: bool) -> None:
    """The speaker and the speech verb stand together with no clause or preposition between."""
    verbs = {"said", "speaking"}
    assert f.speaks(sequence.split(), {"peskov", "kremlin"}, verbs, 6) is speaks


def _phenomenal() -> Entry:
    """Peskov's quote, its lead naming him as its speaker."""
    return _entry(
        "phenomenal",
        "What did Peskov say about their closeness?",
        answer="Dmitry Peskov, a Kremlin spokesman, after Trump's election: "
        '"It is phenomenal how close they are."',
        kind="quote",
    )


@pytest.fixture(scope="module")
def speakers() -> Engine:
    return Engine([_phenomenal()], {})


@pytest.mark.parametrize(
    ("question", "entry_id", "holds"),
    [
        ("what did peskov say about their closeness", "phenomenal", True),
        # the quote's lead names Trump only after "after": Peskov is its speaker
        ("what did trump say about their closeness", "phenomenal", False),
    ],
)
def test_the_speaker_asked_about_must_be_the_one_speaking(
    speakers: Engine, question: str, entry_id: str, holds: bool
) -> None:
    """An entry that names the asked speaker but has someone else speaking does not answer."""
    best = speakers.rank(question)[0]  # type: ignore[index]
    assert (best.entry_id, best.holds_focus) == (entry_id, holds)


@pytest.mark.parametrize(
    ("question", "text", "dated"),
    [
        ("what year did the cold war end", "the cold war came to an end in 1991", True),
        # the year dates the reset, far from the end of the Cold War
        (
            "what year did the cold war end",
            "obama's brief 2009 reset gave way to the worst period in relations since the end "
            "of the cold war",
            False,
        ),
        ("what year did the cold war end", "some called it cold war 2.0", False),  # no date
        ("what date was the call", "the call came on monday", True),
    ],
)
def test_a_date_stands_near_the_event_asked_about(question: str, text: str, dated: bool) -> None:
    """A year or a month answers "what year did X happen" only beside the words of X."""
    asked = set(f.event_words(words(question)))
    tokens = words(text)
    anchors = {i for i, t in enumerate(tokens) if t in asked}
    assert f.dates_near(tokens, anchors, 6) is dated


@pytest.mark.parametrize(
    ("question", "role", "modal"),
    [
        ("who interviewed trump on cbs", ("interviewed",), False),
        ("who ended up being picked as secretary of state", ("picked",), False),
        (
            "which foreign policy establishment people criticized flynn, names pls",
            ("criticized",),
            False,
        ),
        ("who said it was phenomenal", ("said",), False),  # "said" is a stopword, still a verb
        ("can you name the russian academics who are skeptical", ("russian", "academics"), False),
        ("who might become secretary of state", ("become",), True),
        ("which russian academics were skeptical, any names", ("academics",), False),
        ("who did parise strip in the neutral zone", ("strip",), False),  # not the subject
    ],
)
def test_an_agent_question_names_the_role_asked_about(
    question: str, role: tuple[str, ...], modal: bool
) -> None:
    """The verb (or the noun of "name the X") the agent must stand by, and any supposition."""
    found = f.focus_of(words(question))
    assert (found.kind, found.role, found.modal) == (f.AGENT, role, modal)


def _agents(text: str, given: set[str], role: set[str], modal: bool = False) -> list[str]:
    def strip(word: str) -> str:
        return word.removesuffix("’s").removesuffix("'s")

    return f.agents(
        text,
        lambda word: word in {"the", "if"},
        lambda word: strip(word) in given,
        lambda word: strip(word) in role,
        3,
        modal,
    )


@pytest.mark.parametrize(
    ("text", "given", "role", "modal", "agents"),
    [
        # "US" modifies the establishment the question names: it is no agent
        (
            "Many in the US foreign policy establishment criticised it.",
            {"foreign", "establishment"},
            {"criticised"},
            False,
            [],
        ),
        # a name in an "if" clause was not chosen, unless the question supposes too
        ("If hardliners such as John Bolton were chosen, it fails.", set(), {"chosen"}, False, []),
        (
            "If hardliners such as John Bolton were chosen, it fails.",
            set(),
            {"chosen"},
            True,
            ["John", "Bolton"],
        ),
        # far from the asked verb: what the interview was about, not who gave it
        (
            "A televised interview last week on the Middle East.",
            {"cbs"},
            {"interview"},
            False,
            [],
        ),
        (
            "He was interviewed by Lesley Stahl of CBS.",
            {"cbs"},
            {"interviewed"},
            False,
            ["Lesley", "Stahl"],
        ),
        # a possessive before a noun says whose thing, not who acted
        ("Once chosen, Trump’s rhetoric could dissolve.", set(), {"chosen"}, False, []),
        # a weekday beside the asked verb is when it happened, not who did it
        ("Trump and Putin spoke on Monday.", set(), {"spoke"}, False, ["Trump", "Putin"]),
        # no asked verb in the text: any name may be the agent
        ("Zhirinovsky threw a banquet.", set(), {"bought"}, False, ["Zhirinovsky"]),
    ],
)
def test_an_agent_stands_in_the_role_asked_about(
    text: str, given: set[str], role: set[str], modal: bool, agents: list[str]
) -> None:
    """A name answers "who X" only beside X, not as a modifier and not in a supposition."""
    assert _agents(text, given, role, modal) == agents


@pytest.mark.parametrize(
    ("text", "role", "agents"),
    [
        # the Cold War stands in another clause than the sanctions
        ("The worst period since the Cold War, resulting in mutual sanctions.", {"sanctions"}, []),
        ("The sanctions on Gazprom bit hard.", {"sanctions"}, ["Gazprom"]),
        # an apposition keeps its name's clause: Oyelaran criticised it, not Bend
        (
            "Marcus Oyelaran, a Republican from Bend, criticised the measure.",
            {"criticised"},
            ["Marcus", "Oyelaran"],
        ),
    ],
)
def test_which_x_names_one_in_the_clause_of_x(text: str, role: set[str], agents: list[str]) -> None:
    """The name answering "which X" stands in X's own clause, an apposition aside."""
    found = f.agents(
        text,
        lambda word: word == "the",
        lambda word: False,
        role.__contains__,
        3,
        False,
        clause=True,
    )
    assert found == agents


@pytest.fixture(scope="module")
def interview() -> Engine:
    tv = _entry(
        "tv",
        "What did Trump say about Libya on TV?",
        answer="On TV Trump seemed to echo the Kremlin mantra. "
        "He said that US actions in Libya were a total mistake.",
    )
    trump = _entry(
        "person-trump", "Who is Donald Trump?", answer="The president-elect.", kind="person"
    )
    return Engine([tv, trump], {})


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        ("what did trump say about libya", True),  # "he said": a person speaks
        ("what did the kremlin say about libya", False),  # the Kremlin is never "he"
    ],
)
def test_he_said_stands_only_for_a_person(interview: Engine, question: str, holds: bool) -> None:
    """ "He said" in an entry answers what a person said, not what an institution said."""
    best = interview.rank(question)[0]  # type: ignore[index]
    assert (best.entry_id, best.holds_focus) == ("tv", holds)


@pytest.fixture(scope="module")
def named() -> Engine:
    quote = _entry(
        "worse",
        "Who said the rebels are worse than Assad?",
        "who said the anti assad rebels are probably worse than assad",
        answer='Trump on the anti-Assad rebels the US backs: "they are probably worse than Assad."',
        kind="quote",
    )
    sanctions = _entry(
        "sanctions",
        "What went wrong after the reset?",
        "what soured after the reset",
        answer="Relations soured: mutual sanctions and military exercises followed.",
    )
    gazprom = _entry("gazprom", "What hit Gazprom?", answer="The sanctions on Gazprom bit hard.")
    dreadful = _entry(
        "dreadful",
        "How bad have relations been?",
        answer="The worst period since the Cold War, resulting in mutual penalties.",
    )
    dropped = _entry(
        "dropped",
        "Which promises did he drop?",
        "which campaign promises did he drop",
        answer="He dropped his promises on Obamacare and the Wall.",
    )
    return Engine([quote, sanctions, gazprom, dropped, dreadful], {})


@pytest.mark.parametrize(
    ("question", "entry_id", "holds"),
    [
        ("who said the rebels are worse than assad", "worse", True),
        # its "who said" phrasing vouches for a speaker, not for the groups' names
        ("which anti-assad rebel groups does the us back, names?", "worse", False),
        ("which sanctions did they impose after the reset", "sanctions", False),  # none named
        ("which sanctions bit hard", "gazprom", True),  # the sanctions on Gazprom
        # the Cold War stands in another clause: it names no penalty
        ("which penalties resulted from the worst period", "dreadful", False),
        ("which promises did he drop", "dropped", True),
        # its own phrasing asks for the promises it names, not for others
        ("what other promises did he drop besides obamacare and the wall", "dropped", False),
    ],
)
def test_which_x_is_answered_by_an_entry_naming_one(
    named: Engine, question: str, entry_id: str, holds: bool
) -> None:
    """ "Which X" needs a name beside X that the question lacks; a phrasing asking "who said"
    vouches only for questions about who said it."""
    best = named.rank(question)[0]  # type: ignore[index]
    assert (best.entry_id, best.holds_focus) == (entry_id, holds)


@pytest.mark.parametrize(
    ("question", "answer", "holds"),
    [
        ("when were the sanctions imposed", "The sanctions were imposed in 2014.", True),
        ("when will the sanctions end", "The sanctions were imposed in 2014.", False),
        ("when will the sanctions be reviewed", "They will be reviewed next year.", True),
    ],
)
def test_when_will_asks_for_a_time_ahead(question: str, answer: str, holds: bool) -> None:
    """ "When will X happen" is not answered by the date X began."""
    sanctions = _entry("sanctions", "When were the sanctions imposed?", answer=answer)
    best = Engine([sanctions], {}).rank(question)[0]  # type: ignore[index]
    assert (best.entry_id, best.holds_focus) == ("sanctions", holds)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("who's trump", None),  # "who is": about trump, not a verb "trump" asked about
        ("who’s the bench boss", f.AGENT),  # a role: someone to name
        ("who interviewed trump", f.AGENT),
    ],
)
def test_whos_asks_who_someone_is(question: str, kind: str | None) -> None:
    """ "Who's X" keeps its "is" though the word splitter drops the "'s"."""
    assert f.focus_in(question).kind == kind


@pytest.fixture(scope="module")
def banquet() -> Engine:
    party = _entry(
        "banquet",
        "Who threw the banquet?",
        answer="Vladimir Zhirinovsky ordered a banquet in Trump's honour.",
    )
    return Engine([party], {})


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        ("who ordered the banquet", True),
        # the entry never says who came: no name in it is the one who showed up
        ("who showed up to the banquet", False),
    ],
)
def test_an_agent_stands_by_the_verb_asked_about(
    banquet: Engine, question: str, holds: bool
) -> None:
    """ "Who did X" is answered only by an entry saying X (or a word close to it)."""
    best = banquet.rank(question)[0]  # type: ignore[index]
    assert (best.entry_id, best.holds_focus) == ("banquet", holds)


def test_what_someone_said_is_not_answered_with_who_they_are() -> None:
    """ "what did peskov say" is never answered with Peskov's role, however exact the name."""
    person = _entry(
        "person-peskov",
        "Who is Dmitry Peskov?",
        "peskov",
        answer="A Kremlin spokesman: said Dmitry Peskov, a Kremlin spokesman.",
        kind="person",
    )
    engine = Engine([person, _phenomenal()], {})
    assert engine.answer("who is peskov").entry_id == "person-peskov"
    ranked = engine.rank("what did peskov say") or []
    assert [c.holds_focus for c in ranked if c.entry_id == "person-peskov"] == [False]
    assert engine.answer("what did peskov say").entry_id != "person-peskov"
