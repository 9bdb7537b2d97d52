"""An article to add, from a plain-text file, a saved web page (.html, .html.gz) or a URL.

A page's article text is extracted with trafilatura (paragraphs kept, page chrome such as
navigation, newsletter boxes and share lines dropped) and its metadata (URL, outlet, author,
date) read with it. Every failure is a `PageError` with a one-line reason.
"""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bot.extraction.candidate import slug

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
_TEXT_SUFFIXES = (".txt",)
_FETCH_TIMEOUT = 15
_MAX_BYTES = 20_000_000
# Fewer words than this is a page with no article on it (an index, an error page, a stub).
MIN_WORDS = 60
_AGENT = "briefbot (+https://github.com/) article import"


class PageError(Exception):
    """The input is not an article briefbot can add (the message is one line)."""


@dataclass(frozen=True)
class Page:
    """An article as it will be written to seeds/: its text (title first) and metadata."""

    text: str
    title: str
    name: str  # the seed's file stem
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None

    def meta(self) -> dict[str, Any]:
        found = {
            "url": self.url,
            "outlet": self.outlet,
            "author": self.author,
            "published": self.published,
        }
        return {k: v for k, v in found.items() if v}


def is_url(source: str) -> bool:
    return bool(_URL.match(source.strip()))


def read_page(source: str) -> Page:
    """The article in a file or at a URL; raises PageError for anything else."""
    if is_url(source):
        return page_from_html(fetch(source.strip()), source.strip())
    path = Path(source)
    if not path.exists():
        raise PageError(f"no such file: {source}")
    if not path.is_file():
        raise PageError(f"not a file: {source}")
    name = path.name.lower()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PageError(f"cannot read {source}: {exc.strerror}") from None
    if name.endswith(".gz"):
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise PageError(f"{source} is not a readable .gz file ({exc})") from None
    if name.endswith(_HTML_SUFFIXES):
        return page_from_html(raw, None, path)
    if name.endswith(_TEXT_SUFFIXES):
        return page_from_text(raw, path)
    raise PageError(f"{source}: give a .txt article, a saved page (.html, .html.gz) or a URL")


def fetch(url: str) -> bytes:
    """The page at a URL, or a PageError saying why not (no network, refused, not found)."""
    request = urllib.request.Request(url, headers={"User-Agent": _AGENT})
    try:
        with urllib.request.urlopen(request, timeout=_FETCH_TIMEOUT) as response:
            body: bytes = response.read(_MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise PageError(f"cannot fetch {url}: the site answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = getattr(exc.reason, "strerror", None) or exc.reason
        raise PageError(
            f"cannot fetch {url}: {reason} (no network? save the page and add the file)"
        ) from None
    except (TimeoutError, OSError, ValueError) as exc:
        raise PageError(f"cannot fetch {url}: {exc} (save the page and add the file)") from None
    if len(body) > _MAX_BYTES:
        raise PageError(f"cannot add {url}: the page is over {_MAX_BYTES // 1_000_000} MB")
    return body


def page_from_text(raw: bytes, path: Path) -> Page:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PageError(f"{path} is not UTF-8 text") from None
    if not text.strip():
        raise PageError(f"{path} is empty")
    title = text.strip().splitlines()[0].strip()
    _check_words(text, str(path))
    return Page(text, title, _stem(path.name))


def page_from_html(raw: bytes, url: str | None, path: Path | None = None) -> Page:
    import trafilatura  # a quarter of a second to import: only when a page is added

    where = url or str(path)
    if not raw.strip():
        raise PageError(f"{where} is empty")
    extracted = trafilatura.bare_extraction(
        raw,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
    )
    document: dict[str, Any] = {}
    if isinstance(extracted, dict):
        document = extracted
    elif extracted is not None:
        document = extracted.as_dict()
    if not (document.get("text") or "").strip():
        raise PageError(f"{where} does not look like an article: no article text found in it")
    paragraphs = [p.strip() for p in document["text"].splitlines() if p.strip()]
    outlet = _text(document.get("sitename"))
    title = _title(_text(document.get("title")) or paragraphs[0], outlet)
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline is the seed's first line already
    body = "\n\n".join(paragraphs)
    _check_words(body, where)
    page_url = url or _url(document.get("url"))
    name = _stem(page_url.rstrip("/").rsplit("/", 1)[-1]) if page_url else ""
    if not name and path is not None:
        name = _stem(path.name)
    return Page(
        f"{title}\n\n{body}\n",
        title,
        name or slug(title, 8) or "article",
        page_url,
        outlet,
        _text(document.get("author")),
        _date(document.get("date")),
    )


def _check_words(text: str, where: str) -> None:
    if len(text.split()) < MIN_WORDS:
        raise PageError(
            f"{where} does not look like an article: fewer than {MIN_WORDS} words of text"
        )


def _text(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _url(value: Any) -> str | None:
    return value if isinstance(value, str) and _URL.match(value) else None


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _title(title: str, outlet: str | None) -> str:
    """The headline without the outlet a page appends to it ("… | Al Bawaba")."""
    if outlet:
        for separator in (" | ", " - ", " – ", " — "):
            suffix = f"{separator}{outlet}"
            if title.lower().endswith(suffix.lower()):
                return title[: -len(suffix)].strip()
    return title


def _stem(name: str) -> str:
    for suffix in (".gz", ".html", ".htm", ".txt"):
        name = name.removesuffix(suffix)
    return slug(name.replace("_", "-"), 12)[:60].strip("-")
