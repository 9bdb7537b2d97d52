"""What scraping leaves in an article that is no part of it, as raw spans to skip.

- footnote markers ("[8]", "[citation needed]") and datelines ("TRENTON, N.J. (AP) — ");
- page-chrome lines: CAPTCHA and cookie notices, "Loading Photo Gallery", "Advertisement",
  "Read more: …", "Related:", share bars, newsletter boxes, photo captions with a credit
  ("(AP Photo/Jim Mone)", "Photo: … / Getty Images"), contact lines ("Contact Ann Lee at
  alee@example.com", "Follow her on Twitter @annlee"), copyright and syndication notes ("This
  article has been adapted from its original source."), bylines and date lines ("By Jane Roe,
  Staff Writer", "Updated: Nov. 19, 2019");
- repeated paragraphs: a paragraph that says again what another says (a caption printed twice, a
  pull quote lifted from the body) is debris wherever it stands, and the other copy is kept.

Spans cover whole lines or paragraphs (or the marker), so nothing is ever edited out: readers
skip them and offsets still point into the file as given.
"""

from __future__ import annotations

import re

from bot.text.normalize import fold

_FOOTNOTE = re.compile(r"\[(\d{1,3}|citation needed|note \d+)\]", re.IGNORECASE)
_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")
# Anywhere in a line: notices that never belong to an article.
_NOTICE = re.compile(
    r"captcha|please enable (javascript|cookies)|time limit is exhausted|"
    r"subscribe to (our|the) newsletter|all rights reserved|cookie (policy|settings)",
    re.IGNORECASE,
)
# A whole short line (see _SHORT_LINE_WORDS).
_CHROME = re.compile(
    r"^\W*(?:"
    r"(?:loading|load|view|see|open|launch|browse)\b.{0,40}\b"
    r"(?:gallery|galleries|slideshow|photos?|images?|videos?)\W*$"
    r"|(?:photo|photos|image|images|video|videos|gallery|slideshow|advertisement|advertising|ad|"
    r"sponsored(?: content)?|story continues below(?: advertisement)?|continue reading(?: below)?|"
    r"scroll (?:down )?to continue|skip (?:to|advertisement)\b.*)\W*$"
    r"|(?:read more|read next|read also|also read|see also|related(?: stories| articles|"
    r" coverage| content| links)?|more (?:from|on|coverage|stories)|recommended(?: for you)?|"
    r"trending(?: now)?|most (?:read|popular|viewed)|don['’]t miss|you may also like|"
    r"further reading|editor['’]s picks?)\b\s*(?:[:|—–-]|$)"
    r"|(?:(?:share|tweet|e-?mail|print|comment|comments|facebook|twitter|linkedin|whatsapp|"
    r"pinterest|reddit|copy link)(?:\s*(?:this|on|story|article|page|\||/|·|•|,))*\s*)+\W*$"
    r"|(?:contact|reach|e-?mail|follow|write to)\b.{0,120}(?:@|\bat\s+\(?\d{3}|\btwitter\b|"
    r"\bphone\b|\bx\.com\b)"
    r"|(?:photo|image|picture|photograph|credit)s?(?:\s+by)?\s*[:|/]"
    r"|this (?:article|story|report|content) (?:has been|was|is|first|originally)\b.*"
    r"\b(?:adapted|published|appeared|updated|produced|syndicated)\b"
    r"|(?:updated|published|posted|last modified)\b:?.{0,40}\d.{0,30}$"
    r"|(?:staff writer|staff reporter|special to the\b.{0,40}|associated press)\W*$"
    r")",
    re.IGNORECASE,
)
# Photo credits at the end of a caption: "(AP Photo/Jim Mone)", "JIM MONE / AP".
_CREDIT = re.compile(
    r"\((?:AP|AFP|Reuters|Getty|EPA|Bloomberg|UPI)\b[^)]{0,60}\)\s*$"
    r"|(?:/|\|)\s*(?:AP|AFP|Reuters|Getty Images|EPA|Shutterstock|The Associated Press|"
    r"Bloomberg|UPI|Staff(?: photographer)?)\s*\)?\s*$"
    r"|\((?:photo|image|picture)s?\s+(?:by|courtesy of|credit)\b[^)]{0,60}\)\s*$"
    r"|(?:\s[—–|]\s|^)(?:photo|image|picture)s?\s+(?:by|courtesy of|credit)\b.{0,60}$"
    r"|©|\bcopyright\s+(?:©\s*)?\d{4}",
    re.IGNORECASE,
)
# Newsletter boxes: what they offer and what they ask for.
# A byline ("By Jane Roe", "By Jane Roe and Tom Lee, Staff Writers") or a bare date line.
_BYLINE = re.compile(
    r"^(?:[Bb]y\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})*(?:,.{0,40})?"
    r"|(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}(?:,?\s+\d{1,2}:\d\d\s*[ap]\.?m\.?)?.{0,12}))$"
)
_NEWSLETTER = re.compile(
    r"(?=.*\b(?:newsletters?|inbox|e-?mail address|e-?mail updates|alerts)\b)"
    r"(?=.*\b(?:sign up|subscribe|get|receive|enter|delivered|register)\b)",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{2,30}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})?"
    r"\s*(?:\((?:AP|Reuters|AFP|UPI|Bloomberg|CNN)\))?\s*(?:—|–|--|-)\s*(?=[A-Z“\"‘])"
)
_DATELINE_BLOCKS = 3
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_SHORT_LINE_WORDS = 30
_CONTACT_WORDS = 20
_BYLINE_WORDS = 12
_CAPTION_WORDS = 70
_REPEAT_MIN_WORDS = 4
_NON_WORD = re.compile(r"[^\w]+")


def debris_spans(raw: str) -> list[tuple[int, int]]:
    """Raw spans that are scraping debris, sorted (see the module docstring)."""
    spans = [(m.start(), m.end()) for m in _FOOTNOTE.finditer(raw)]
    spans.extend(_datelines(raw))
    offset = 0
    for line in raw.splitlines(keepends=True):
        if _is_debris_line(line):
            spans.append((offset, offset + len(line)))
        offset += len(line)
    spans.extend(_repeated_blocks(raw, spans))
    return _merged(spans)


def _datelines(raw: str) -> list[tuple[int, int]]:
    """ "TRENTON, N.J. (AP) — " opening one of the first paragraphs after the title."""
    found = []
    for number, block in enumerate(_BLOCK.finditer(raw)):
        if number > _DATELINE_BLOCKS:
            break
        dateline = _DATELINE.match(raw, block.start(), block.end())
        if number > 0 and dateline:
            found.append((dateline.start(), dateline.end()))
    return found


def _is_debris_line(line: str) -> bool:
    text = line.strip()
    if not text:
        return False
    if _NOTICE.search(text):
        return True
    words = len(text.split())
    if words <= _SHORT_LINE_WORDS and (_CHROME.search(text) or _NEWSLETTER.match(text)):
        return True
    if words <= _BYLINE_WORDS and _BYLINE.match(text):
        return True
    if words <= _CONTACT_WORDS and _EMAIL.search(text):
        return True
    return words <= _CAPTION_WORDS and bool(_CREDIT.search(text))


def _repeated_blocks(raw: str, debris: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraphs whose words another paragraph already holds (duplicates and pull quotes)."""
    blocks = []
    for match in _BLOCK.finditer(raw):
        if any(s <= match.start() and match.end() <= e for s, e in debris):
            continue
        words = _key(match.group())
        if len(words.split()) >= _REPEAT_MIN_WORDS:
            blocks.append((match.start(), match.end(), words))
    everything = "\n".join(words for _, _, words in blocks)
    seen: set[str] = set()
    found: list[tuple[int, int]] = []
    for start, end, words in blocks:
        repeated = words in seen
        seen.add(words)
        if repeated or everything.count(words) > 1:  # a copy, or held by a longer paragraph
            found.append((start, end))
    return [span for span in found if not _first_of_identical(span, blocks, found)]


def _first_of_identical(
    span: tuple[int, int], blocks: list[tuple[int, int, str]], found: list[tuple[int, int]]
) -> bool:
    """Of identical paragraphs, the first is kept (unless a longer one holds them all)."""
    words = next(w for s, _, w in blocks if s == span[0])
    copies = [(s, e) for s, e, w in blocks if w == words]
    if len(copies) < 2 or span != copies[0]:
        return False
    held_elsewhere = any(words in w and w != words for _, _, w in blocks)
    return not held_elsewhere


def _key(text: str) -> str:
    """Words only, folded: a pull quote matches the body whatever its quotation marks."""
    return " " + " ".join(w for w in _NON_WORD.split(fold(text).lower()) if w) + " "


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
