"""`briefbot add PATH_OR_URL`: an article into seeds/ and its draft into knowledge/.

The seed is written once and never edited (debris is skipped by readers, not removed). Adding
the same article again (the same URL, or a text file of the same name) writes a new revision of
its seed, keeping the previous one in seeds/revisions/; the draft's unreviewed entries are
drafted again from it, reviewed ones keep their evidence where it still stands and are
withheld (and listed) where it does not.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.draft.pages import Page, read_page
from bot.draft.run import DraftResult, files_by_seed, run_draft_build
from bot.draft.write import write_atomically
from bot.knowledge.check import check_knowledge
from bot.knowledge.loader import Problem

REVISIONS = "revisions"


@dataclass(frozen=True)
class AddReport:
    seed: str
    action: str  # added | updated | unchanged
    page: Page
    draft: DraftResult | None
    previous: Path | None = None  # the seed's previous revision, when updated
    withheld: list[Problem] = field(default_factory=list)

    def lines(self) -> list[str]:
        words = len(self.page.text.split())
        where = f" from {self.page.url}" if self.page.url else ""
        if self.action == "added":
            out = [f"added seeds/{self.seed} ({words} words){where}"]
        elif self.action == "updated":
            kept = f"; the previous one is {self.previous}" if self.previous else ""
            out = [f"updated seeds/{self.seed}: a new revision ({words} words){kept}"]
        else:
            out = [f"seeds/{self.seed} is unchanged"]
        if self.draft is not None:
            out.append(self.draft.line())
        for problem in self.withheld:
            out.append(f"withheld: {problem.entry} ({problem.message})")
        return out


def _seed_name(page: Page, seeds_dir: Path, knowledge_dir: Path) -> str:
    """The article's seed: the one whose file has this URL, else a new name from the page."""
    if page.url:
        for seed, (_, data) in files_by_seed(knowledge_dir).items():
            if data["article"].get("url") == page.url:
                return seed
    name, number = f"{page.name}.txt", 1
    urls = {s: d["article"].get("url") for s, (_, d) in files_by_seed(knowledge_dir).items()}
    while (seeds_dir / name).exists() and page.url and urls.get(name) not in (None, page.url):
        number += 1
        name = f"{page.name}-{number}.txt"
    return name


def add_article(
    source: str,
    seeds_dir: Path,
    knowledge_dir: Path,
    progress: Callable[[str], None] | None = None,
) -> AddReport:
    """Add (or update) one article and draft it; raises PageError, changing nothing, for
    input that is not an article."""
    say = progress or (lambda _line: None)
    say(f"[1/3] reading {source}")
    page = read_page(source)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    name = _seed_name(page, seeds_dir, knowledge_dir)
    target = seeds_dir / name
    before = target.read_text(encoding="utf-8") if target.exists() else None
    previous: Path | None = None
    if before is None:
        action = "added"
    elif before == page.text:
        action = "unchanged"
    else:
        action = "updated"
    say(f"[2/3] writing seeds/{name}")
    if action == "updated" and before is not None:
        previous = _keep_revision(seeds_dir, name, before)
    if action != "unchanged":
        write_atomically(target, page.text)
    say(f"[3/3] drafting {name}")
    try:
        report = run_draft_build(seeds_dir, knowledge_dir, only={name}, meta={name: page.meta()})
    except BaseException:
        _restore(target, before)
        raise
    result = report.results[0] if report.results else None
    return AddReport(name, action, page, result, previous, _withheld(result, seeds_dir))


def _keep_revision(seeds_dir: Path, name: str, text: str) -> Path:
    folder = seeds_dir / REVISIONS
    folder.mkdir(exist_ok=True)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    path = folder / f"{Path(name).stem}.{digest}.txt"
    if not path.exists():
        write_atomically(path, text)
    return path


def _restore(target: Path, before: str | None) -> None:
    if before is None:
        target.unlink(missing_ok=True)
    else:
        write_atomically(target, before)


def _withheld(result: DraftResult | None, seeds_dir: Path) -> list[Problem]:
    """The entries of the article whose evidence is no longer in its seed."""
    if result is None or not result.path.name:
        return []
    _, problems = check_knowledge(result.path.parent, seeds_dir)
    return [
        p
        for p in problems
        if not p.blocking and p.entry and Path(p.file).resolve() == result.path.resolve()
    ]
