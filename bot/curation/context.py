"""What every curation step needs: who acts and where, the articles' text, finding entries."""

from __future__ import annotations

from dataclasses import dataclass

from bot.curation.clashes import clashes
from bot.curation.errors import CurationError
from bot.curation.evidence import Source
from bot.curation.text import shown
from bot.knowledge.loader import Problem
from bot.models import Entry
from bot.service import Audience, BriefingService
from bot.text.seed import Seed, SeedError


class ProblemsFound(CurationError):
    """A refusal with a list of problems (file:line: entry: reason) to show."""

    def __init__(self, headline: str, problems: list[Problem]) -> None:
        super().__init__(headline)
        self.problems = problems


@dataclass(frozen=True)
class Actor:
    """Who is making a change and in which server, as the audit log records it. A change in a
    server is that server's only; `owner` marks the bot's owner, who alone changes the base."""

    user_id: int
    guild_id: int | None = None
    owner: bool = False

    @property
    def name(self) -> str:
        return str(self.user_id)

    @property
    def audience(self) -> Audience:
        return Audience(self.guild_id)

    def server(self) -> int:
        """The server a change applies to; changes are never made outside a server."""
        if self.guild_id is None:
            raise CurationError("Changes are made in a server, for that server.")
        return self.guild_id


def sources(
    service: BriefingService, audience: Audience, article_id: str | None = None
) -> list[Source]:
    """The audience's articles with their seeds, to search for evidence (small files, read each
    time so an updated seed is seen without a restart)."""
    found = []
    for article in service.articles(audience):
        if article_id is not None and article.id != article_id:
            continue
        try:
            found.append(Source(article, Seed.load(service.settings.seeds_dir / article.seed)))
        except SeedError as exc:
            raise CurationError(f"I can't read the article's text: {exc}") from None
    if not found:
        raise CurationError(
            "There is no active article here yet: turn one on with `/config articles`."
        )
    return found


def entry_or_refuse(service: BriefingService, audience: Audience, ref: str) -> Entry:
    """An entry by `article/id` (what autocomplete gives) or by its id alone when only one active
    article has it."""
    ref = ref.strip()
    view = service.view(audience)
    article_id, slash, entry_id = ref.partition("/")
    found = [view.entry((article_id, entry_id))] if slash else view.by_id(ref)
    entries = [e for e in found if e is not None]
    if len(entries) == 1:
        return entries[0]
    if len(entries) > 1:
        raise CurationError(
            f"Several articles have an entry {shown(ref, 80)}; pick it from the list as you type."
        )
    raise CurationError(
        f"There is no entry {shown(ref, 80)} here. Pick one from the list as you type,"
        " or find it with /qa list."
    )


def refuse_clashes(
    service: BriefingService,
    audience: Audience,
    article_id: str,
    phrasings: list[str],
    besides: Entry | None,
) -> None:
    """Refuse, naming the other entry, if a phrasing already stands under another entry of the
    same article (as this audience sees it)."""
    view = service.view(audience)
    same = [e for e in view.entries.values() if e.article_id == article_id]
    found = clashes(phrasings, same, besides=besides.id if besides else None)
    if found:
        phrasing, owner = found[0]
        other = view.entry((article_id, owner))
        question = f" ({shown(other.question)})" if other else ""
        raise CurationError(
            f"{shown(phrasing)} already stands under `{owner}`{question}. A phrasing belongs to"
            f" one entry only: reword it, or change `{owner}` instead."
        )
