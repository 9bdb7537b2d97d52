"""`briefbot build --draft`: a draft knowledge file for every seed that has none, and the
unreviewed part of every draft rewritten; reviewed entries and the article block stay."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.draft.aliasing import acronyms, lexicon_aliases, us_aliases
from bot.draft.entries import DraftBuilder
from bot.draft.gist import aliases_of, article_id_for, gist_of
from bot.draft.sentences import repaired
from bot.draft.write import HEADER, write_atomically
from bot.extraction.doc import Doc
from bot.extraction.extract import Extraction, extract
from bot.knowledge.check import GLOBAL_ALIASES_FILE, knowledge_files
from bot.knowledge.loader import YAML_LOADER, load_aliases_file
from bot.text.seed import Seed, SeedError, load_seeds


@dataclass(frozen=True)
class DraftResult:
    """What the draft build did with one seed."""

    seed: str
    path: Path
    article_id: str
    action: str  # written | updated | kept (a reviewed article: never touched)
    entries: int = 0
    reviewed: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        if self.action == "kept":
            return f"{self.seed}: {self.path.name} is reviewed; left as it is"
        kept = f", {self.reviewed} reviewed kept" if self.reviewed else ""
        return (
            f"{self.seed} -> {self.path.name} ({self.action}): {self.entries} draft entries"
            f"{kept} ({self.seconds:.2f} s)"
        )


@dataclass(frozen=True)
class DraftReport:
    results: tuple[DraftResult, ...]
    seconds: float = 0.0

    def summary(self) -> str:
        lines = [r.line() for r in self.results]
        drafted = [r for r in self.results if r.action != "kept"]
        lines.append(
            f"{len(drafted)} draft(s) written, {len(self.results) - len(drafted)} reviewed left"
            f" alone, in {self.seconds:.2f} s"
        )
        return "\n".join(lines)


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("article"), dict) else None


def files_by_seed(knowledge_dir: Path) -> dict[str, tuple[Path, dict[str, Any]]]:
    """Every readable knowledge file, by the seed it is about."""
    found: dict[str, tuple[Path, dict[str, Any]]] = {}
    if not knowledge_dir.is_dir():
        return found
    for path in knowledge_files(knowledge_dir):
        data = _read(path)
        if data is not None and isinstance(data["article"].get("seed"), str):
            found.setdefault(data["article"]["seed"], (path, data))
    return found


def _free_article_id(stem: str, knowledge_dir: Path, used: set[str]) -> str:
    base = article_id_for(stem)
    candidate, number = base, 1
    while candidate in used or (knowledge_dir / f"{candidate}.yaml").exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def draft_seed(
    seed: Seed,
    extraction: Extraction,
    article_id: str,
    existing: dict[str, Any] | None = None,
    meta: dict[str, Any] | None = None,
    shared: dict[str, list[str]] | None = None,
) -> tuple[dict[str, Any], int, int]:
    """The draft file's data for one seed: (data, draft entries, reviewed entries kept).

    `existing` is the article's file so far: its article block and its reviewed entries are
    kept; `meta` (url, outlet, author, published) fills what the block does not say yet;
    `shared` are the site's aliases for every article (the lexicon never contradicts them)."""
    doc = repaired(Doc.of(seed))
    old_entries = [e for e in (existing or {}).get("entries") or [] if isinstance(e, dict)]
    reviewed = [e for e in old_entries if e.get("reviewed", True)]
    builder = DraftBuilder(extraction, doc, old_entries)
    gist = gist_of(seed, doc)
    article: dict[str, Any]
    if existing is not None:
        article = dict(existing["article"])
    else:
        article = {
            "id": article_id,
            "seed": seed.name,
            "title": gist.title,
            "status": "draft",
            "summary": gist.summary,
            "key_points": gist.key_points,
        }
    for key, value in (meta or {}).items():
        if value and not article.get(key):
            article[key] = value
    article = _ordered(article)
    aliases: dict[str, list[str]] = {
        k: list(v) for k, v in ((existing or {}).get("aliases") or {}).items()
    }
    taken = {v for vs in aliases.values() for v in vs}
    for canonical, variants in aliases_of(seed, builder.people).items():
        new = [v for v in variants if v not in taken and v not in aliases]
        if new and canonical not in taken:
            aliases.setdefault(canonical, []).extend(new)
            taken.update(new)
    reserved = {
        *aliases,
        *taken,
        *(shared or {}),
        *(v for vs in (shared or {}).values() for v in vs),
    }
    for canonical, variants in acronyms(_body(seed), builder.people, reserved).items():
        aliases.setdefault(canonical, []).extend(variants)
        reserved.update([canonical, *variants])
    for canonical, variants in us_aliases(_body(seed), reserved).items():
        aliases.setdefault(canonical, []).extend(variants)
        reserved.update([canonical, *variants])
    for canonical, variants in lexicon_aliases(seed.raw, reserved).items():
        aliases[canonical] = variants
    fresh = builder.build(gist, aliases)
    data = {
        "article": article,
        "aliases": aliases,
        "entries": [*reviewed, *(e.as_dict() for e in fresh)],
    }
    return data, len(fresh), len(reviewed)


def _body(seed: Seed) -> str:
    """The article's text without its headline and headings (they capitalise every word)."""
    return "\n\n".join(b.text for b in seed.blocks[1:] if not b.is_heading)


_ORDER = ("id", "seed", "title", "url", "outlet", "author", "published", "status")


def _ordered(article: dict[str, Any]) -> dict[str, Any]:
    first = {k: article[k] for k in _ORDER if k in article}
    return first | {k: v for k, v in article.items() if k not in first}


def render(data: dict[str, Any], seed: str) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    parts = []
    for key, value in data.items():
        # aliases one line per term ("criticised: [condemned, slammed, …]"); the rest in blocks
        flow = None if key == "aliases" else False
        parts.append(
            yaml.dump(
                {key: value},
                Dumper=dumper,
                allow_unicode=True,
                sort_keys=False,
                width=100,
                default_flow_style=flow,
            )
        )
    return HEADER.format(seed=seed) + "".join(parts)


def run_draft_build(
    seeds_dir: Path,
    knowledge_dir: Path,
    progress: Callable[[str], None] | None = None,
    *,
    only: set[str] | None = None,
    meta: dict[str, dict[str, Any]] | None = None,
) -> DraftReport:
    """Draft every seed of `seeds_dir` (or those named in `only`) that has no knowledge file
    or a draft one; reviewed articles are left alone. `meta` gives page metadata by seed."""
    started = time.perf_counter()
    seeds = load_seeds(seeds_dir)
    if not seeds:
        raise SeedError(f"no seeds (*.txt) in {seeds_dir}")
    files = files_by_seed(knowledge_dir)
    shared, _ = load_aliases_file(knowledge_dir / GLOBAL_ALIASES_FILE)
    used = {str(d["article"].get("id")) for _, d in files.values()}
    chosen = [s for s in seeds.values() if only is None or s.name in only]
    results: list[DraftResult] = []
    for number, seed in enumerate(chosen, 1):
        if progress is not None:
            progress(f"[{number}/{len(chosen)}] drafting {seed.name}")
        one_started = time.perf_counter()
        path, existing = files.get(seed.name, (None, None))
        if existing is not None and existing["article"].get("status", "reviewed") != "draft":
            results.append(DraftResult(seed.name, path or Path(), "", "kept"))
            continue
        extraction = extract(seed)
        article_id = (
            str(existing["article"].get("id"))
            if existing is not None
            else _free_article_id(Path(seed.name).stem, knowledge_dir, used)
        )
        used.add(article_id)
        data, count, kept = draft_seed(
            seed, extraction, article_id, existing, (meta or {}).get(seed.name), shared
        )
        target = path or knowledge_dir / f"{article_id}.yaml"
        knowledge_dir.mkdir(parents=True, exist_ok=True)
        write_atomically(target, render(data, seed.name))
        results.append(
            DraftResult(
                seed.name,
                target,
                article_id,
                "updated" if existing is not None else "written",
                count,
                kept,
                time.perf_counter() - one_started,
            )
        )
    return DraftReport(tuple(results), time.perf_counter() - started)
