"""`briefbot check`: the knowledge files against their schema, each other and their seeds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge.loader import Problem, load_aliases_file, load_knowledge_file
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
    # Entry id -> why it cannot be served (evidence not found in the seed as it now stands).
    withheld: dict[str, str] = field(default_factory=dict)


# Aliases that hold for every article; every other YAML file in knowledge/ is one article.
GLOBAL_ALIASES_FILE = "aliases.yaml"


@dataclass(frozen=True)
class Knowledge:
    """Everything `knowledge/` holds, checked: the articles and the aliases shared by all."""

    articles: tuple[CheckedArticle, ...]
    aliases: dict[str, tuple[str, ...]]


def knowledge_files(knowledge_dir: Path) -> list[Path]:
    found = sorted(knowledge_dir.glob("*.yaml")) + sorted(knowledge_dir.glob("*.yml"))
    return [p for p in found if p.name != GLOBAL_ALIASES_FILE]


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
    withheld: dict[str, str] = {}
    for item in model.entries:
        evidence = []
        for passage in item.evidence:
            found = resolve_evidence(seed, passage)
            if found is None:
                reason = f"evidence not found verbatim in {seed.name}: {passage[:80]!r}"
                problems.append(Problem(name, reason, entry=item.id, blocking=False))
                withheld.setdefault(item.id, reason)
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
                item.reviewed,
            )
        )
    meta = model.article
    article = Article(
        meta.id,
        meta.seed,
        meta.title,
        meta.summary,
        tuple(meta.key_points),
        {k: tuple(v) for k, v in model.aliases.items()},
        url=meta.url,
        outlet=meta.outlet,
        author=meta.author,
        published=meta.published,
        status=meta.status,
    )
    return CheckedArticle(path, article, tuple(entries), seed, withheld), problems


def check_knowledge(knowledge_dir: Path, seeds_dir: Path) -> tuple[Knowledge, list[Problem]]:
    """Every knowledge file checked. The knowledge comes back unless a problem is blocking; an
    entry whose evidence is not in its seed (a seed that changed, say) is only withheld."""
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
            if article is not None and not any(p.blocking for p in more):
                checked.append(article)
        problems += file_problems
    aliases_path = knowledge_dir / GLOBAL_ALIASES_FILE
    aliases, alias_problems = load_aliases_file(aliases_path)
    problems += alias_problems
    problems += cross_file_problems(checked)
    problems += alias_problems_of(aliases, aliases_path, checked)
    if any(p.blocking for p in problems):
        return Knowledge((), {}), problems
    return Knowledge(tuple(checked), {k: tuple(v) for k, v in aliases.items()}), problems


def cross_file_problems(articles: list[CheckedArticle]) -> list[Problem]:
    """Clashes between files (article ids, seeds) and, within each article, between entries:
    ids, phrasings and aliases are scoped to their article."""
    problems: list[Problem] = []
    seen_articles: dict[str, Path] = {}
    seen_seeds: dict[str, Path] = {}
    for checked in articles:
        name = str(checked.path)
        article = checked.article
        if article.id in seen_articles:
            problems.append(
                Problem(
                    name, f"article id {article.id!r} already used in {seen_articles[article.id]}"
                )
            )
        seen_articles.setdefault(article.id, checked.path)
        if article.seed in seen_seeds:
            problems.append(
                Problem(
                    name,
                    f"seed {article.seed!r} is already the article of {seen_seeds[article.seed]}",
                )
            )
        seen_seeds.setdefault(article.seed, checked.path)
        problems += _entry_problems(checked)
        problems += _variant_problems(name, article.aliases)
    return problems


def _entry_problems(checked: CheckedArticle) -> list[Problem]:
    problems: list[Problem] = []
    name = str(checked.path)
    seen_ids: set[str] = set()
    phrasing_owner: dict[str, str] = {}
    for entry in checked.entries:
        if entry.id in seen_ids:
            problems.append(Problem(name, "duplicate id in this article", entry=entry.id))
        seen_ids.add(entry.id)
        for phrasing in entry.phrasings:
            owner = phrasing_owner.setdefault(phrasing_key(phrasing), entry.id)
            if owner != entry.id:
                problems.append(
                    Problem(
                        name, f"phrasing {phrasing!r} also stands under {owner!r}", entry=entry.id
                    )
                )
    return problems


def _variant_problems(
    name: str, aliases: dict[str, tuple[str, ...]] | dict[str, list[str]]
) -> list[Problem]:
    problems: list[Problem] = []
    variant_owner: dict[str, str] = {}
    for canonical, variants in aliases.items():
        for variant in variants:
            owner = variant_owner.setdefault(phrasing_key(variant), canonical)
            if owner != canonical:
                problems.append(
                    Problem(
                        name, f"alias {variant!r} is listed under both {owner!r} and {canonical!r}"
                    )
                )
    return problems


def alias_problems_of(
    shared: dict[str, list[str]], shared_path: Path, articles: list[CheckedArticle]
) -> list[Problem]:
    """The shared aliases against themselves and against each article's: a variant may not mean
    one thing everywhere and another in one article (the problem names both files)."""
    problems = _variant_problems(str(shared_path), shared)
    meaning = {phrasing_key(v): c for c, vs in shared.items() for v in vs}
    for checked in articles:
        for canonical, variants in checked.article.aliases.items():
            for variant in variants:
                other = meaning.get(phrasing_key(variant))
                if other is not None and other != canonical:
                    problems.append(
                        Problem(
                            str(checked.path),
                            f"alias {variant!r} means {canonical!r} here but {other!r} in"
                            f" {shared_path}",
                        )
                    )
    return problems
