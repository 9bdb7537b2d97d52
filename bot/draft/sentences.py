"""The article's sentences for drafting: the extraction's, with one repair.

A quoted name or slogan with a full stop inside it ("South Dakota’s viral “Meth. We’re on it.”
awareness campaign has been facing backlash …") is cut by the segmenter at its inner full stop;
the sentence goes on after the closing quotation mark in lower case, so the two halves are one
sentence again here.
"""

from __future__ import annotations

import re

from bot.extraction.doc import Doc
from bot.extraction.segment import Sentence

# After the closing mark, the outer sentence goes on with a lower-case word.
_GOES_ON = re.compile(r"^[^”\"]*[”\"]\s*[,;:]?\s*[a-z]")


def _open_quotes(text: str) -> int:
    return text.count("“") - text.count("”") + text.count('"') % 2


def repaired(doc: Doc) -> Doc:
    """The document with sentences cut inside a quotation joined again."""
    joined: list[Sentence] = []
    for sentence in doc.sentences:
        last = joined[-1] if joined else None
        text = doc.seed.raw[sentence.start : sentence.end]
        if (
            last is not None
            and last.block == sentence.block
            and _open_quotes(doc.seed.raw[last.start : last.end]) > 0
            and _GOES_ON.match(text)
        ):
            joined[-1] = Sentence(last.index, last.start, sentence.end, last.block)
            continue
        joined.append(Sentence(len(joined), sentence.start, sentence.end, sentence.block))
    if len(joined) == len(doc.sentences):
        return doc
    return Doc(doc.seed, doc.text, joined, [s.start for s in joined])
