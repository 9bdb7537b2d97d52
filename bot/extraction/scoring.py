"""How well the build's candidates match an article's answer key (`X.truth.json` beside `X.txt`).

Per article: a quotation's speaker is right when it names the same person or organisation (the
full name, or the surname the article uses, titles aside); a person's role is right when the key's
role words appear, in order, in one of the roles found (after folding case, quotes and
punctuation); a person found that the key does not list is a non-person; a quotation is found when
one of the build's quote passages is the key's text. Quotations the build missed count as wrong
speakers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.extraction.extract import Extraction
from bot.extraction.lexicon import HONORIFICS
from bot.text.normalize import fold
from bot.text.seed import SeedError

TRUTH_SUFFIX = ".truth.json"
_NON_WORD = re.compile(r"[^\w]+")
_POSSESSIVE = re.compile(r"'s\b")
_ARTICLES = frozenset({"a", "an", "the"})


class TruthError(SeedError):
    """An answer key is missing, unreadable or not in the expected format."""


def words(text: str) -> list[str]:
    """Lower-case words with typography, possessives and punctuation folded away."""
    folded = _POSSESSIVE.sub("", fold(text).lower())
    return [w for w in _NON_WORD.split(folded) if w]


def _contains(outer: list[str], inner: list[str]) -> bool:
    if not inner or len(inner) > len(outer):
        return False
    return any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def same_speaker(found: str | None, truth: str, *, is_person: bool) -> bool:
    """Whether a found speaker names the key's speaker (see the module docstring)."""
    if not found:
        return False
    got = [w for w in words(found) if w not in HONORIFICS]
    want = words(truth)
    if got and got[0] in _ARTICLES and want and want[0] not in _ARTICLES:
        got = got[1:]
    if _contains(got, want):
        return True
    return is_person and bool(got) and got[-1] == want[-1] and set(got) <= set(want)


def role_right(roles: list[str], truth: str) -> bool:
    want = words(truth)
    return any(_contains(words(role), want) for role in roles)


@dataclass
class ArticleScore:
    """The figures for one article, and the misses behind them."""

    article: str
    quotations: int = 0
    found: int = 0
    speakers_right: int = 0
    with_role: int = 0
    roles_right: int = 0
    non_persons: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    seconds: float = 0.0  # time to extract and score

    def line(self) -> str:
        return (
            f"{self.article}: speakers {_ratio(self.speakers_right, self.quotations)}, "
            f"roles {_ratio(self.roles_right, self.with_role)}, "
            f"non-persons {len(self.non_persons)}, "
            f"quotations found {_ratio(self.found, self.quotations)}; {self.seconds:.2f} s"
        )

    def as_dict(self, *, details: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "article": self.article,
            "quotations": self.quotations,
            "found": self.found,
            "speakers_right": self.speakers_right,
            "persons_with_role": self.with_role,
            "roles_right": self.roles_right,
            "non_persons": len(self.non_persons),
            "seconds": round(self.seconds, 3),
        }
        if details:
            data["misses"] = self.misses
        return data


def _ratio(part: int, whole: int) -> str:
    share = f"{part / whole:.0%}" if whole else "n/a"
    return f"{part}/{whole} ({share})"


def load_truth(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TruthError(f"cannot read the answer key {path}: {exc}") from None
    quotes, persons = data.get("quotes"), data.get("persons") if isinstance(data, dict) else None
    if not isinstance(quotes, list) or not isinstance(persons, list):
        raise TruthError(f"answer key {path} needs the lists 'quotes' and 'persons'")
    for item in quotes + persons:
        if not isinstance(item, dict):
            raise TruthError(f"answer key {path}: every quote and person is an object")
    return data


def score_article(extraction: Extraction, truth: dict[str, Any], article: str) -> ArticleScore:
    """Score one extraction against its answer key."""
    result = ArticleScore(article)
    quotes = extraction.of("quote")
    passages = [(words(p.quote), q) for q in quotes for p in q.evidence]
    persons = extraction.of("person")
    truth_names = [str(p.get("name", "")) for p in truth["persons"]]
    for item in truth["quotes"]:
        text, speaker = str(item.get("text", "")), str(item.get("speaker", ""))
        want = words(text)
        match = next((q for got, q in passages if got == want), None)
        result.quotations += 1
        if match is None:
            result.misses.append(f"quotation not found: “{_short(text)}” ({speaker})")
            continue
        result.found += 1
        found = match.details.get("speaker")
        if same_speaker(found, speaker, is_person=speaker in truth_names):
            result.speakers_right += 1
        else:
            result.misses.append(f"speaker of “{_short(text)}”: expected {speaker}, got {found}")
    for item in truth["persons"]:
        name, role = str(item.get("name", "")), item.get("role")
        person = next(
            (p for p in persons if same_speaker(p.details["name"], name, is_person=True)), None
        )
        if role is None:
            continue
        result.with_role += 1
        roles = list(person.details.get("roles") or []) if person else []
        if role_right(roles, str(role)):
            result.roles_right += 1
        else:
            got = "person not found" if person is None else roles or "no role"
            result.misses.append(f"role of {name}: expected “{role}”, got {got}")
    for person in persons:
        name = person.details["name"]
        if not any(same_speaker(name, t, is_person=True) for t in truth_names):
            result.non_persons.append(name)
            result.misses.append(f"not a person in the key: {name}")
    return result


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def articles_in(folder: Path) -> list[tuple[Path, Path]]:
    """(text, answer key) pairs in a folder: every `X.txt` with an `X.truth.json`."""
    if not folder.is_dir():
        raise TruthError(f"no such folder: {folder}")
    pairs = [
        (text, text.with_name(text.stem + TRUTH_SUFFIX))
        for text in sorted(folder.glob("*.txt"))
        if text.with_name(text.stem + TRUTH_SUFFIX).is_file()
    ]
    if not pairs:
        raise TruthError(
            f"no article with an answer key (X.txt beside X{TRUTH_SUFFIX}) in {folder}"
        )
    return pairs
