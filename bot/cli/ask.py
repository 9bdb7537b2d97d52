"""`briefbot ask` and `briefbot chat`."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from bot.cli.render import render_answer
from bot.service import BriefingService

_CHAT_INTRO = (
    "briefbot — ask anything about “{title}”.\n"
    "Type a question and press Enter; 'quit' or Ctrl-D to leave."
)


def _lines(source: str) -> Iterator[str]:
    if source == "-":
        yield from (line.rstrip("\r\n") for line in sys.stdin)
        return
    try:
        handle = Path(source).open(encoding="utf-8")
    except OSError as exc:
        raise SystemExit(f"briefbot: cannot read {source}: {exc.strerror}") from None
    with handle:
        yield from (line.rstrip("\r\n") for line in handle)


async def run_ask(
    service: BriefingService,
    question: str | None,
    *,
    as_json: bool,
    batch: str | None,
    log: bool,
    out: TextIO = sys.stdout,
) -> int:
    if batch is not None:
        for line in _lines(batch):
            answer = await service.ask(line, source="cli", log=log)
            out.write(json.dumps(answer.to_json(), ensure_ascii=False) + "\n")
            out.flush()
        return 0
    answer = await service.ask(question or "", source="cli", log=log)
    if as_json:
        out.write(json.dumps(answer.to_json(), ensure_ascii=False) + "\n")
    else:
        out.write(render_answer(answer) + "\n")
    return 0 if answer.verdict != "rejected" else 2


async def run_chat(service: BriefingService, *, log: bool) -> int:
    titles = ", ".join(a.title for a in service.articles.values()) or "the article"
    print(_CHAT_INTRO.format(title=titles))
    while True:
        try:
            question = await asyncio.to_thread(input, "\nyou> ")
        except EOFError:
            print()
            return 0
        except KeyboardInterrupt:
            print()
            return 0
        if question.strip().lower() in {"quit", "exit", ":q"}:
            return 0
        answer = await service.ask(question, source="cli", log=log)
        print("\nbriefbot> " + render_answer(answer).replace("\n", "\n          "))
