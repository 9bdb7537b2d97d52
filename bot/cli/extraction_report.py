"""`briefbot report --extraction DIR`: the build's candidates scored against answer keys."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bot.extraction import extract
from bot.extraction.scoring import ArticleScore, articles_in, load_truth, score_article
from bot.text.seed import Seed


def run_extraction_report(folder: Path, *, details: bool, as_json: bool) -> int:
    """Print one line per article (and its misses with `details`), then the totals."""
    scores: list[ArticleScore] = []
    pairs = [(text, load_truth(key)) for text, key in articles_in(folder)]  # all keys first
    for number, (text, truth) in enumerate(pairs, 1):
        print(f"[{number}/{len(pairs)}] extracting {text.name}…", file=sys.stderr, flush=True)
        started = time.perf_counter()
        extraction = extract(Seed.load(text))
        score = score_article(extraction, truth, text.stem)
        score.seconds = time.perf_counter() - started
        scores.append(score)
    total = ArticleScore("all articles")
    for score in scores:
        total.quotations += score.quotations
        total.found += score.found
        total.speakers_right += score.speakers_right
        total.with_role += score.with_role
        total.roles_right += score.roles_right
        total.non_persons += score.non_persons
        total.seconds += score.seconds
    if as_json:
        data = {"articles": [s.as_dict(details=details) for s in scores], "total": total.as_dict()}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"Extraction against the answer keys in {folder}")
    for score in scores:
        print(f"  {score.line()}")
        if details:
            for miss in score.misses:
                print(f"      - {miss}")
    if len(scores) > 1:
        print(f"  {total.line()}")
    return 0
