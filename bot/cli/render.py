"""Answers rendered for a person reading a terminal."""

from __future__ import annotations

import textwrap

from bot.service import Answer

_WIDTH = 88


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent)


def render_answer(answer: Answer) -> str:
    if answer.message:
        return answer.message
    if answer.entry is None:
        return render_decline(answer)
    entry = answer.entry
    lines = [_wrap(entry.answer, "")]
    for evidence in entry.evidence:
        lines.append("")
        lines.append(_wrap(evidence.display, "  > "))
        title = answer.article.title if answer.article else evidence.seed
        where = f" — section “{evidence.section}”" if evidence.section else ""
        lines.append(
            f"    source: {title}{where} ({evidence.seed}, characters"
            f" {evidence.start}-{evidence.end})"
        )
    lines.append("")
    lines.append(f"[{entry.id} · confidence {answer.confidence:.2f}]")
    return "\n".join(lines)


def render_decline(answer: Answer) -> str:
    if answer.verdict == "empty":
        return "I couldn't find a question in that. Ask me something about the article."
    if answer.suggestions:
        lines = ["I'm not sure the article answers that exactly. Did you mean:"]
        lines += [f"  {i}. {s.question}" for i, s in enumerate(answer.suggestions, 1)]
        return "\n".join(lines)
    return (
        "The article doesn't say anything I can match to that. Try asking who said something, "
        "who someone is, or what the article says about a topic."
    )
