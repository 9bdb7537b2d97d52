"""`briefbot ask` and `briefbot chat`."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from bot.cli.render import render_answer
from bot.service import Audience, BriefingService
from bot.service.conversation import ConversationKey

_CHAT_INTRO = (
    "briefbot — ask anything about {titles}.\n"
    "Type a question and press Enter ('help' for examples; follow-ups such as 'tell me more'"
    " work); 'quit' or Ctrl-D to leave."
)
# One terminal, one person: the chat is one conversation.
CHAT: ConversationKey = (None, None, None)


def _decoded(handle: BinaryIO, name: str) -> Iterator[str]:
    """Lines as text; a line that is not UTF-8 is reported on stderr and read with its bad
    bytes replaced, so one bad line never costs the rest."""
    for number, raw in enumerate(handle, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            print(
                f"briefbot: {name} line {number} is not UTF-8 (byte {exc.start + 1});"
                " undecodable bytes replaced",
                file=sys.stderr,
            )
            line = raw.decode("utf-8", errors="replace")
        yield line.rstrip("\r\n")


def _lines(source: str) -> Iterator[str]:
    if source == "-":
        yield from _decoded(sys.stdin.buffer, "stdin")
        return
    try:
        handle = Path(source).open("rb")
    except OSError as exc:
        raise SystemExit(f"briefbot: cannot read {source}: {exc.strerror}") from None
    with handle:
        yield from _decoded(handle, source)


def _json_line(answer: object) -> str:
    return json.dumps(answer.to_json(), ensure_ascii=False) + "\n"  # type: ignore[attr-defined]


async def run_ask(
    service: BriefingService,
    question: str | None,
    *,
    as_json: bool,
    batch: str | None,
    log: bool,
    out: TextIO = sys.stdout,
) -> int:
    audience = Audience.cli()
    if batch is not None:
        for line in _lines(batch):
            answer = await service.ask(line, audience=audience, source="cli", log_ask=log)
            out.write(_json_line(answer))
            out.flush()
        return 0
    answer = await service.ask(question or "", audience=audience, source="cli", log_ask=log)
    out.write(_json_line(answer) if as_json else render_answer(answer) + "\n")
    return 0 if answer.verdict != "rejected" else 2


async def run_chat(service: BriefingService, *, log: bool) -> int:
    audience = Audience.cli()
    titles = ", ".join(f"“{a.title}”" for a in service.articles(audience)) or "the article"
    print(_CHAT_INTRO.format(titles=titles))
    while True:
        try:
            question = await asyncio.to_thread(input, "\nyou> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if question.strip().lower() in {"quit", "exit", ":q"}:
            return 0
        answer = await service.ask(
            question, audience=audience, source="cli", log_ask=log, conversation=CHAT
        )
        text = render_answer(answer)
        if answer.entry is not None and answer.question != question.strip():
            text = f"({answer.question})\n{text}"  # a follow-up, as it was understood
        print("\nbriefbot> " + text.replace("\n", "\n          "))
