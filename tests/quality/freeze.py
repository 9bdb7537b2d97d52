"""Freeze a blind writer's questions into a question set of tests/quality/ (run once per set).

    python tests/quality/freeze.py WRITER.yaml ARTICLE.txt ARTICLE_ID OUT.yaml [--keep-passages]

The writer (a person or helper who read only the article) gives each answerable question the
verbatim passage that answers it; from it this computes `paraphrase` (the question shares at
most one content word with the passage) and `spans` (the passage's character offsets), then
drops the passage's text unless asked to keep it (the real articles in ../shared/articles are
other people's text: no sentence of theirs is copied here). Prints counts only, never a
question: held-out sets are read as aggregates.
"""

from __future__ import annotations

import sys
from pathlib import Path

import snowballstemmer
import yaml

from bot.engine.stopwords import QUESTION_WORDS, STOPWORDS
from bot.engine.textproc import words

_STEM = snowballstemmer.stemmer("english")


def content(text: str) -> set[str]:
    return {_STEM.stemWord(w) for w in words(text) if w not in STOPWORDS | QUESTION_WORDS}


def shared_words(question: str, passages: list[str]) -> int:
    passage_words = set().union(*(content(p) for p in passages))
    return len(content(question) & passage_words)


def freeze(source: Path, article_text: str, article_id: str, keep_passages: bool) -> dict:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    in_scope, decline = [], []
    for item in data["answerable"]:
        passages = item["passage"] if isinstance(item["passage"], list) else [item["passage"]]
        missing = [p for p in passages if p not in article_text]
        if missing:
            raise SystemExit(f"{len(missing)} passage(s) not verbatim in the article")
        frozen = {
            "q": item["q"],
            # Where the answer stands, as character offsets into the article: the draft
            # articles are scored by whether the answer's evidence covers it.
            "spans": [[article_text.index(p), article_text.index(p) + len(p)] for p in passages],
            "style": item.get("style", "direct"),
            "asks": item.get("asks", "?"),
            "paraphrase": shared_words(item["q"], passages) <= 1,
            "answer": item.get("answer", ""),
        }
        if keep_passages:
            frozen["passages"] = passages
        in_scope.append(frozen)
    for item in data["decline"]:
        decline.append(
            {
                "q": item["q"],
                "near_miss": item.get("decline") == "near_miss",
                "topic": item.get("topic", ""),
            }
        )
    return {"article": article_id, "in_scope": in_scope, "decline": decline}


def main(argv: list[str]) -> int:
    keep = "--keep-passages" in argv
    source, article, article_id, out = [a for a in argv if not a.startswith("--")]
    frozen = freeze(Path(source), Path(article).read_text(encoding="utf-8"), article_id, keep)
    header = (
        f"# Frozen question set for article {article_id!r}, written blind (from the article"
        " alone, never the store or the engine).\n"
        "# Scored by `briefbot report`; `expect` lists the entries that answer a question.\n"
    )
    Path(out).write_text(
        header + yaml.safe_dump(frozen, allow_unicode=True, sort_keys=False, width=100),
        encoding="utf-8",
    )
    scope, dec = frozen["in_scope"], frozen["decline"]
    print(
        f"{out}: {len(scope)} in scope ({sum(i['paraphrase'] for i in scope)} paraphrases),"
        f" {len(dec)} to decline ({sum(i['near_miss'] for i in dec)} near misses)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
