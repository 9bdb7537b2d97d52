"""`briefbot check`: the knowledge files against their schema, each other and their seeds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.loader import Problem, load_knowledge_file
from bot.knowledge.schema import KnowledgeModel
from bot.models import Article, Entry, Evidence
from bot.text.normalize import phrasing_key
from bot.text.seed import Seed, SeedError


@dataclass(frozen=True)
class CheckedArticle:
    path: Path
    article: Article
    entries: tuple[Entry, ...]
    seed: Seed


def knowledge_files(knowledge_dir: Path) -> list[Path]:
    return sorted(knowledge_dir.glob("*.yaml")) + sorted(knowledge_dir.glob("*.yml"))


def resolve_evidence(seed: Seed, passage: str) -> Evidence | None:
    """Locate a passage verbatim in a seed, or None if the article does not contain it."""
    span = seed.locate(passage)
    if span is None:
        return None
    start, end = span
    return Evidence(seed.name, seed.raw[start:end], start, end, seed.section_at(start))


def check_model(
    model: KnowledgeModel, path: Path, seeds_dir: Path
) -> tuple[CheckedArticle | None, list[Problem]]:
    """Check one parsed file against its seed; also used for imports from Discord."""
    name = str(path)
    try:
        seed = Seed.load(seeds_dir / model.article.seed)
    except SeedError as exc:
        return None, [Problem(name, str(exc), entry=None)]
    problems: list[Problem] = []
    entries: list[Entry] = []
    for item in model.entries:
        evidence = []
        for passage in item.evidence:
            found = resolve_evidence(seed, passage)
            if found is None:
                problems.append(
                    Problem(
                        name,
                        f"evidence not found verbatim in {seed.name}: {passage[:80]!r}",
                        entry=item.id,
                    )
                )
            else:
                evidence.append(found)
        entries.append(
            Entry(
                item.id,
                model.article.id,
                item.kind,
                item.question,
                tuple(item.alternates),
                item.answer,
                tuple(evidence),
                tuple(item.tags),
            )
        )
    article = Article(
        model.article.id,
        model.article.seed,
        model.article.title,
        model.article.summary,
        tuple(model.article.key_points),
        {k: tuple(v) for k, v in model.aliases.items()},
    )
    return CheckedArticle(path, article, tuple(entries), seed), problems


def check_knowledge(
    knowledge_dir: Path, seeds_dir: Path
) -> tuple[list[CheckedArticle], list[Problem]]:
    """Every knowledge file checked; the articles are returned only for files without problems."""
    problems: list[Problem] = []
    checked: list[CheckedArticle] = []
    paths = knowledge_files(knowledge_dir)
    if not paths:
        problems.append(Problem(str(knowledge_dir), "no knowledge files (*.yaml) found"))
    for path in paths:
        model, file_problems = load_knowledge_file(path)
        if model is not None:
            article, more = check_model(model, path, seeds_dir)
            file_problems += more
            if article is not None and not more:
                checked.append(article)
        problems += file_problems
    problems += cross_file_problems(checked)
    if problems:
        return [], problems
    return checked, []


def cross_file_problems(articles: list[CheckedArticle]) -> list[Problem]:
    problems: list[Problem] = []
    seen_ids: dict[str, Path] = {}
    seen_articles: dict[str, Path] = {}
    phrasing_owner: dict[str, str] = {}
    for checked in articles:
        if checked.article.id in seen_articles:
            problems.append(
                Problem(
                    str(checked.path),
                    f"article id {checked.article.id!r} already used in "
                    f"{seen_articles[checked.article.id]}",
                )
            )
        seen_articles[checked.article.id] = checked.path
        for entry in checked.entries:
            if entry.id in seen_ids:
                problems.append(
                    Problem(
                        str(checked.path),
                        f"duplicate id (also in {seen_ids[entry.id]})",
                        entry=entry.id,
                    )
                )
            seen_ids[entry.id] = checked.path
            for phrasing in entry.phrasings:
                key = phrasing_key(phrasing)
                owner = phrasing_owner.setdefault(key, entry.id)
                if owner != entry.id:
                    problems.append(
                        Problem(
                            str(checked.path),
                            f"phrasing {phrasing!r} also stands under {owner!r}",
                            entry=entry.id,
                        )
                    )
        variant_owner: dict[str, str] = {}
        for canonical, variants in checked.article.aliases.items():
            for variant in variants:
                owner = variant_owner.setdefault(phrasing_key(variant), canonical)
                if owner != canonical:
                    problems.append(
                        Problem(
                            str(checked.path),
                            f"alias {variant!r} is listed under both {owner!r} and {canonical!r}",
                        )
                    )
    return problems
