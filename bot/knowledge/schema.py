"""The schema of a curated knowledge file (see docs/knowledge-format.md)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from bot.knowledge.kinds import KINDS as KINDS

Kind = Literal[
    "quote", "person", "risk", "cooperation", "event", "number", "background", "argument"
]

MAX_ANSWER_CHARS = 600
MAX_PHRASING_CHARS = 300
MIN_ALTERNATES = 3
ENTRY_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,79}$"
STATUSES = ("reviewed", "draft")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Phrasing = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_PHRASING_CHARS)
]
EntryId = Annotated[str, StringConstraints(pattern=ENTRY_ID_PATTERN)]
Url = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://\S+$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ArticleMeta(_Strict):
    id: EntryId
    seed: Text
    title: Text
    # Where the article states them; shown with answers and by /about.
    url: Url | None = None
    outlet: Text | None = None
    author: Text | None = None
    published: date | None = None
    # A draft (from `briefbot build --draft`) is served only where a server turns it on.
    status: Literal["reviewed", "draft"] = "reviewed"
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
    key_points: Annotated[
        list[
            Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
        ],
        Field(min_length=3, max_length=7),
    ]


class EntryModel(_Strict):
    id: EntryId
    kind: Kind
    question: Phrasing
    alternates: Annotated[list[Phrasing], Field(min_length=MIN_ALTERNATES)]
    answer: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_ANSWER_CHARS)
    ]
    evidence: Annotated[list[Text], Field(min_length=1)]
    tags: list[Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True)]] = []
    # False for an entry `briefbot build --draft` wrote and no curator has looked at yet.
    reviewed: bool = True


Aliases = dict[Text, list[Text]]


def _lowercase(value: dict[str, list[str]]) -> dict[str, list[str]]:
    return {k.lower(): [v.lower() for v in vs] for k, vs in value.items()}


class AliasesModel(_Strict):
    """`knowledge/aliases.yaml`: aliases that hold for every article."""

    aliases: Aliases = {}

    @field_validator("aliases")
    @classmethod
    def _lowercase_aliases(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return _lowercase(value)


class KnowledgeModel(_Strict):
    article: ArticleMeta
    aliases: Aliases = {}
    entries: Annotated[list[EntryModel], Field(min_length=1)]

    @field_validator("aliases")
    @classmethod
    def _lowercase_aliases(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return _lowercase(value)
