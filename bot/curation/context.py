"""What every curation step needs: who acts, the articles' text, and looking entries up."""

from __future__ import annotations

from dataclasses import dataclass

from bot.curation.clashes import clashes
from bot.curation.errors import CurationError
from bot.curation.evidence import Source
from bot.curation.text import shown
from bot.knowledge.loader import Problem
from bot.models import Entry
from bot.service import BriefingService
from bot.text.seed import Seed, SeedError


class ProblemsFound(CurationError):
    """A refusal with a list of problems (file:line: entry: reason) to show."""

    def __init__(self, headline: str, problems: list[Problem]) -> None:
        super().__init__(headline)
        self.problems = problems


@dataclass(frozen=True)
class Actor:
    """Who is making a change, as the audit log records it."""

    user_id: int
    guild_id: int | None = None

    @property
    def name(self) -> str:
        return str(self.user_id)


def sources(service: BriefingService) -> list[Source]:
    """Every article with its seed, to search for evidence (small files, read each time so
    an updated seed is seen without a restart)."""
    found = []
    for article in service.articles.values():
        try:
            found.append(Source(article, Seed.load(service.settings.seeds_dir / article.seed)))
        except SeedError as exc:
            raise CurationError(f"I can't read the article's text: {exc}") from None
    if not found:
        raise CurationError("There is no article yet: add one to knowledge/ and /qa reload.")
    return found


async def entry_or_refuse(service: BriefingService, entry_id: str) -> Entry:
    entry = await service.store.entry(entry_id.strip())
    if entry is None:
        raise CurationError(
            f"There is no entry {shown(entry_id, 80)}. Pick one from the list as you type,"
            " or find it with /qa list."
        )
    return entry


async def refuse_clashes(
    service: BriefingService, phrasings: list[str], besides: str | None
) -> None:
    """Refuse, naming the other entry, if any phrasing already stands under another entry."""
    found = clashes(phrasings, await service.store.entries(), besides=besides)
    if found:
        phrasing, owner = found[0]
        other = await service.store.entry(owner)
        question = f" ({shown(other.question)})" if other else ""
        raise CurationError(
            f"{shown(phrasing)} already stands under `{owner}`{question}. A phrasing belongs to"
            f" one entry only: reword it, or change `{owner}` instead."
        )
