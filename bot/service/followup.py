"""Follow-ups resolved against the conversation's last answer: "what else did he say?", "and
who is he?", "tell me more", "why?".

A pronoun is replaced by the name of the person the last answer was about, and the question
is then answered like any other; "what else / tell me more / why" pick the entry most related
to the last one (same people first, then shared tags) that this conversation has not seen.
What still can't be resolved gets a short clarifying question with suggestions. Everything
here reads entries (kind, tags, question) and asks the answering path; the engine is not
touched.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from bot.models import Entry
from bot.service.answer import Answer, Suggestion
from bot.service.conversation import Turn
from bot.service.people import People, Person
from bot.service.views import View

ONE = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
MANY = frozenset({"they", "them", "their", "theirs", "themselves"})
MORE = frozenset({"else", "more", "other", "another", "also", "further", "continue"})
GO_ON = ("go on", "tell me more", "keep going", "and then")
WHY = frozenset({"why", "reason", "reasons"})
# Words a bare follow-up is made of: "so tell me more about that please", "why is that?".
_BARE = frozenset(
    {
        *MORE,
        *WHY,
        *"and so ok okay but then please pls tell me about that this it is was the a an what"
        " anything something can you could would give go on us some any how come for do does"
        " did know of there thing things info information details detail elaborate explain"
        " expand really hmm interesting keep going yes yeah say said sure".split(),
    }
)
_ASKING = frozenset({"tell", "more", "else", "why", "elaborate", "explain", "expand", "details"})
# Tags that say what an entry is rather than what it is about.
_GENERIC = frozenset({"person", "quote", "section", "number", "event", "risk", "argument"})
_BY_VERB = (
    (
        frozenset({"say", "said", "says", "quote", "quoted", "tell", "told", "call", "called"}),
        "quote",
    ),
    (frozenset({"who"}), "person"),
)
_WHY_KINDS = ("argument", "risk", "background")
SUGGESTED = 3


@dataclass(frozen=True)
class Ask:
    """A question as the follow-up rules read it."""

    text: str
    words: tuple[str, ...]

    @classmethod
    def of(cls, text: str, words: str) -> Ask:
        return cls(text, tuple(words.split()))

    @property
    def pronoun(self) -> frozenset[str]:
        return (ONE | MANY) & set(self.words)

    @property
    def more(self) -> bool:
        joined = " ".join(self.words)
        return bool(MORE & set(self.words)) or any(p in joined for p in GO_ON)

    @property
    def why(self) -> bool:
        return bool(WHY & set(self.words)) or "how come" in " ".join(self.words)

    @property
    def bare(self) -> bool:
        """Nothing but follow-up words: no subject of its own."""
        words = set(self.words)
        return bool(words) and words <= _BARE and bool(words & _ASKING or self.why)

    @property
    def kind_wanted(self) -> str | None:
        words = set(self.words)
        if any(w == "tell" and n in ("me", "us") for w, n in itertools.pairwise(self.words)):
            words.discard("tell")  # "tell me more about him" asks for more, not for his words
        for verbs, kind in _BY_VERB:
            if verbs & words:
                return kind
        return None


Match = Callable[[str], Answer]


class FollowUps:
    """Resolves follow-ups in one view; `match` answers a question there (no context)."""

    def __init__(self, view: View, people: People, match: Match) -> None:
        self.view = view
        self.people = people
        self.match = match

    def resolve(self, ask: Ask, turn: Turn | None) -> Answer | None:
        """The reply to a follow-up, or None if the question is not one."""
        if not ask.pronoun and not ask.bare:
            return self._more_about_named(ask, turn) if ask.more else None
        plain = self.match(ask.text)
        if turn is None or turn.entry is None or self.view.entry(turn.entry) is None:
            if plain.entry is not None:
                return plain
            return self._no_context(ask)
        if ask.pronoun:
            return self._pronoun(ask, turn, plain)
        return self._bare(ask, turn)

    # -- "what else did he say?" -------------------------------------------------------------

    def _pronoun(self, ask: Ask, turn: Turn, plain: Answer) -> Answer:
        persons = self._persons(turn)
        plural = bool(ask.pronoun & MANY) and not ask.pronoun & ONE
        chosen = persons if plural else persons[:1] if len(persons) == 1 else []
        if not chosen:
            if plain.entry is not None:
                return plain
            return self._who_do_you_mean(ask, persons)
        names = " and ".join(p.name for p in chosen)
        tags = {p.tag for p in chosen}
        rewritten = _replace_pronouns(ask.text, names)
        found = replace(self.match(rewritten), question=rewritten)
        entry, wanted = found.entry, ask.kind_wanted
        if (
            entry is not None
            and entry.key not in turn.shown
            and entry.kind == (wanted or entry.kind)
        ):
            return self._about(found, tags)
        if ask.more or wanted is not None or entry is None:
            pick = self._related(turn, tags, wanted, same_people=True)
            if pick is not None:
                return self._about(self._answer_with(pick), tags)
        if entry is not None and entry.key not in turn.shown:
            return self._about(found, tags)
        if ask.more:
            # Nothing more of the kind asked ("what else did he say?" of a man never quoted):
            # what the article does say about them comes first, other questions only after.
            others = self._related_all(turn, tags, same_people=True)
            if others and wanted is not None:
                message = f"The article has nothing more of that kind about {names}. You could ask:"
                return self._clarify(ask.text, message, others)
            return self._clarify(
                ask.text,
                f"That's all I can find about {names} in the article. You could ask:",
                self._examples(exclude=tags),
            )
        if entry is None and not found.suggestions:
            return replace(found, message=f"Sorry — the article doesn't say that about {names}.")
        return self._about(found, tags)

    @staticmethod
    def _about(answer: Answer, tags: set[str]) -> Answer:
        """The answer, remembering who "he" turned out to be for the next follow-up."""
        return replace(answer, extra={**answer.extra, "people": tuple(sorted(tags))})

    def _more_about_named(self, ask: Ask, turn: Turn | None) -> Answer | None:
        """ "what else did peskov say?": something about the people it names that this
        conversation has not seen yet (None: answer it as it stands)."""
        plain = self.match(ask.text)
        shown = turn.shown if turn else ()
        words = set(ask.words)
        named = {tag for (_, tag) in self.people.by_tag if set(tag.split()) <= words}
        wanted = ask.kind_wanted
        entry = plain.entry
        if not named or (
            entry is not None and entry.key not in shown and entry.kind == (wanted or entry.kind)
        ):
            return None
        pick = self._related(turn or Turn(None), named, wanted, same_people=True)
        return self._about(self._answer_with(pick), named) if pick is not None else None

    def _who_do_you_mean(self, ask: Ask, persons: Sequence[Person]) -> Answer:
        if not persons:
            return self._no_context(ask)
        names = [p.name for p in persons[:4]]
        listed = ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
        entries = [e for p in persons for e in self._person_entries(p)][:SUGGESTED]
        return self._clarify(ask.text, f"Who do you mean: {listed}?", entries)

    # -- "tell me more", "why?" ----------------------------------------------------------------

    def _bare(self, ask: Ask, turn: Turn) -> Answer:
        tags = set(turn.people)
        if ask.why:
            for kind in _WHY_KINDS:
                pick = self._related(turn, tags, kind)
                if pick is not None:
                    return self._answer_with(pick)
            related = self._related_all(turn, tags)[:SUGGESTED]
            return self._clarify(
                ask.text,
                "Why what, exactly? Ask me a whole question, or try one of these:",
                related or self._examples(),
            )
        if ask.more:
            pick = self._related(turn, tags, None)
            if pick is not None:
                return self._answer_with(pick)
            return self._clarify(
                ask.text,
                "That's all I can find on that in the article. You could ask:",
                self._examples(exclude=tags),
            )
        return self._clarify(
            ask.text, "What would you like to know? For example:", self._examples()
        )

    # -- finding entries ---------------------------------------------------------------------

    def _persons(self, turn: Turn) -> list[Person]:
        article = turn.article_id or ""
        found = (self.people.by_tag.get((article, tag)) for tag in turn.people)
        return [p for p in found if p is not None]

    def _person_entries(self, person: Person) -> list[Entry]:
        return [
            e for e in self.view.entries.values() if e.kind == "person" and person.tag in e.tags
        ][:1]

    def _related_all(self, turn: Turn, tags: set[str], *, same_people: bool = False) -> list[Entry]:
        """Entries related to the last one, most related first; never one already shown.
        With `same_people`, only entries about those people."""
        last = self.view.entry(turn.entry) if turn.entry else None
        topic = {t for t in (last.tags if last else ()) if t not in _GENERIC}
        scored: list[tuple[float, int, Entry]] = []
        for order, entry in enumerate(self.view.entries.values()):
            if entry.key in turn.shown or entry.key == turn.entry:
                continue
            about = {p.tag for p in self.people.of(entry)}
            if same_people and not about & tags:
                continue
            score = 3.0 * len(about & tags) + len(topic & set(entry.tags) - tags)
            if score <= 0:
                continue
            score += 0.5 if entry.article_id == turn.article_id else 0.0
            scored.append((score, order, entry))
        scored.sort(key=lambda s: (-s[0], s[1]))
        return [e for _, _, e in scored]

    def _related(
        self, turn: Turn, tags: set[str], kind: str | None, *, same_people: bool = False
    ) -> Entry | None:
        found = self._related_all(turn, tags, same_people=same_people)
        if kind is not None:
            found = [e for e in found if e.kind == kind]
        return found[0] if found else None

    def _examples(self, exclude: set[str] | frozenset[str] = frozenset()) -> list[Entry]:
        return examples(self.view, exclude=exclude)[:SUGGESTED]

    # -- replies -----------------------------------------------------------------------------

    def _answer_with(self, entry: Entry) -> Answer:
        return Answer(entry.question, "confident", 1.0, entry, self.view.article_of(entry))

    def _clarify(self, question: str, message: str, entries: Sequence[Entry]) -> Answer:
        suggestions = tuple(
            Suggestion(e, self.view.article_of(e), 0.0) for e in entries[:SUGGESTED]
        )
        return Answer(
            question, "unsure", suggestions=suggestions, message=message, extra={"clarify": True}
        )

    def _no_context(self, ask: Ask) -> Answer:
        if ask.pronoun:
            word = sorted(ask.pronoun)[0]
            persons = [e for e in self.view.entries.values() if e.kind == "person"]
            return self._clarify(
                ask.text,
                f"Who do you mean by “{word}”? Ask about someone by name, for example:",
                persons or self._examples(),
            )
        return self._clarify(
            ask.text, "What would you like to know more about? For example:", self._examples()
        )


_PRONOUN = re.compile(r"\b(" + "|".join(sorted(ONE | MANY, key=len, reverse=True)) + r")\b", re.I)


def _replace_pronouns(text: str, name: str) -> str:
    return _PRONOUN.sub(name, text)


EXAMPLE_KINDS = ("person", "quote", "event", "number", "argument", "risk", "background")


def examples(view: View, exclude: set[str] | frozenset[str] = frozenset()) -> list[Entry]:
    """Example questions from the store: one of each kind in turn, article by article, so
    that they show the range of what can be asked."""
    by_kind: dict[str, list[Entry]] = {}
    for entry in view.entries.values():
        if entry.tags and set(entry.tags) & exclude:
            continue
        by_kind.setdefault(entry.kind, []).append(entry)
    found: list[Entry] = []
    for depth in range(3):
        for kind in EXAMPLE_KINDS:
            entries = by_kind.get(kind, [])
            if depth < len(entries):
                found.append(entries[depth])
    return found
