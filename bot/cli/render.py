"""Answers rendered for a person reading a terminal."""

from __future__ import annotations

import textwrap

from bot.service import Answer

_WIDTH = 88


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent)


def render_answer(answer: Answer) -> str:
    if answer.entry is None:
        return render_decline(answer)
    entry = answer.entry
    lines = [_wrap(entry.answer, "")]
    title = answer.article.title if answer.article else entry.article_id
    if not entry.evidence:
        lines.append("")
        lines.append(f"    (a note from the moderators; the article “{title}” is not quoted)")
    for evidence in entry.evidence:
        lines.append("")
        lines.append(_wrap(evidence.display, "  > "))
        where = f" — section “{evidence.section}”" if evidence.section else ""
        lines.append(
            f"    source: {title}{where} ({evidence.seed}, characters"
            f" {evidence.start}-{evidence.end})"
        )
    if answer.article is not None and answer.article.url:
        lines.append(f"    read it: {answer.article.url}")
    lines.append("")
    lines.append(f"[{entry.article_id}/{entry.id} · confidence {answer.confidence:.2f}]")
    return "\n".join(lines)


def render_decline(answer: Answer) -> str:
    lines = [answer.message or ""]
    several = len({s.entry.article_id for s in answer.suggestions}) > 1
    for number, suggestion in enumerate(answer.suggestions, 1):
        label = f" ({suggestion.article.title})" if several and suggestion.article else ""
        lines.append(f"  {number}. {suggestion.entry.question}{label}")
    return "\n".join(lines)
