"""Refusals as Discord messages: a list of problems goes in a code block, clipped to fit."""

from __future__ import annotations

from collections.abc import Sequence

from bot.app.render import MESSAGE_MAX, clip
from bot.curation.context import ProblemsFound
from bot.curation.errors import CurationError
from bot.knowledge.loader import Problem
from bot.text.plural import count


def refusal(error: CurationError) -> str:
    """The message for a refusal; a list of problems goes in a code block, clipped to fit."""
    if not isinstance(error, ProblemsFound):
        return clip(error.message, MESSAGE_MAX)
    return problems_text(error.message, error.problems)


def problems_text(headline: str, problems: Sequence[Problem], limit: int = MESSAGE_MAX) -> str:
    head, tail = f"{clip(headline, 300)}\n```text\n", "\n```"
    body: list[str] = []
    used = len(head) + len(tail)
    for number, problem in enumerate(problems):
        # Backticks would close the code block early.
        line = clip(str(problem).replace("`", "'"), 400)
        after = len(problems) - number - 1
        reserve = len(f"\n… and {count(after, 'more problem')}") if after else 0
        if used + len(line) + 1 + reserve > limit:
            body.append(f"… and {count(after + 1, 'more problem')}")
            break
        body.append(line)
        used += len(line) + 1
    return head + "\n".join(body) + tail
