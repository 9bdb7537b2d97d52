"""`briefbot add PATH_OR_URL`: a saved page or a text file becomes a seed and a served draft;
adding it again is a new revision; bad input gets one line and changes nothing."""

from __future__ import annotations

import gzip
import html
import json
from pathlib import Path

import pytest
import yaml

from bot.draft.add import add_article
from bot.settings import PROJECT_ROOT
from tests.cli.test_cli import run

FIXTURES = Path(__file__).resolve().parents[1] / "extraction" / "fixtures" / "articles"
SHARED = PROJECT_ROOT.parent / "shared" / "articles"
URL = "https://news.example.com/2026/03/03/lind-scores-twice/"


def page(paragraphs: list[str], title: str = "Lind scores twice as Hawks top Owls 4-1") -> str:
    """A saved news page of our own: navigation, a share bar and a newsletter box around it."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html><html><head><title>{title} | The Harbour Gazette</title>
<link rel="canonical" href="{URL}">
<meta property="og:site_name" content="The Harbour Gazette">
<meta name="author" content="Ann Reporter">
<meta property="article:published_time" content="2026-03-03T21:40:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sports">Sports</a></li></ul></nav>
<article><h1>{title}</h1>
<div class="share">Share this: Facebook Twitter Email</div>
{body}
</article>
<aside class="newsletter">Sign up for our sports newsletter. Get the scores in your inbox.</aside>
<footer>Copyright 2026 The Harbour Gazette. All rights reserved.</footer>
</body></html>"""


def hockey_paragraphs() -> list[str]:
    text = (FIXTURES / "hockey.txt").read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n")[1:] if p.strip()]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "knowledge").mkdir()
    return tmp_path


def _env(site: Path) -> dict[str, str]:
    return {
        "BRIEFBOT_KNOWLEDGE_DIR": str(site / "knowledge"),
        "BRIEFBOT_SEEDS_DIR": str(site / "seeds"),
    }


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_saved_page_becomes_a_seed_and_a_served_draft(site: Path) -> None:
    """Paragraphs kept, chrome dropped, metadata in the article block, answered at once."""
    saved = site / "saved.html.gz"
    saved.write_bytes(gzip.compress(page(hockey_paragraphs()).encode()))
    result = run(site, "add", str(saved), **_env(site))
    assert result.returncode == 0, result.stderr
    assert "[3/3] drafting lind-scores-twice.txt" in result.stderr
    assert "added seeds/lind-scores-twice.txt" in result.stdout
    seed = (site / "seeds" / "lind-scores-twice.txt").read_text(encoding="utf-8")
    assert seed.startswith("Lind scores twice as Hawks top Owls 4-1\n\nMarco Lind scored two")
    assert "\n\n“We just kept going to the net,” Lind said." in seed
    for chrome in ("Sports", "Share this", "newsletter", "Copyright", "Harbour Gazette"):
        assert chrome not in seed
    article = yaml.safe_load((site / "knowledge" / "lind-scores-twice.yaml").read_text())["article"]
    assert (article["url"], article["outlet"], article["author"], str(article["published"])) == (
        URL,
        "The Harbour Gazette",
        "Ann Reporter",
        "2026-03-03",
    )
    assert article["status"] == "draft"
    answer = run(site, "ask", "--json", "who said they kept going to the net", **_env(site))
    data = json.loads(answer.stdout)
    assert "Marco Lind" in data["answer"]
    assert data["article"]["url"] == URL


@pytest.mark.parametrize(
    ("name", "outlet", "author", "published", "first_words"),
    [
        ("wild-parise-sabres", "Twin Cities", "Bill Hoppe", "2019-11-19", "BUFFALO, N.Y."),
        ("us-israeli-settlements", "Al Bawaba", None, "2019-11-20", "The United States faced"),
        ("spokane-meth-campaign", "The Spokesman-Review", "Megan Rowe", "2019-11-19", "UPDATED"),
    ],
)
def test_real_saved_pages(
    site: Path, name: str, outlet: str, author: str | None, published: str, first_words: str
) -> None:
    """Each real page gives its article's paragraphs, in order, and its metadata."""
    if not SHARED.is_dir():
        print(f"skipped: the shared articles are not in {SHARED}")
        pytest.skip(f"the shared articles are not in {SHARED}")
    report = add_article(
        str(SHARED / "html" / f"{name}.html.gz"), site / "seeds", site / "knowledge"
    )
    seed = (site / "seeds" / report.seed).read_text(encoding="utf-8")
    body = seed.split("\n\n", 1)[1]
    assert body.startswith(first_words)
    truth = (SHARED / f"{name}.txt").read_text(encoding="utf-8").split("\n\n")[1:]
    paragraphs = [p for p in seed.split("\n\n")]
    found = [p for p in truth if p.strip() in paragraphs]
    assert len(found) >= len(truth) - 1, f"{len(found)} of {len(truth)} paragraphs"
    meta = report.page.meta()
    assert (meta.get("outlet"), meta.get("author"), str(meta.get("published"))) == (
        outlet,
        author,
        published,
    )
    assert report.draft is not None and report.draft.entries > 20
    # What the page adds around the article (an "UPDATED:" line, a newsletter box) stays in
    # the seed as given, but no entry quotes it.
    draft = yaml.safe_load(report.draft.path.read_text(encoding="utf-8"))
    article = " ".join((SHARED / f"{name}.txt").read_text(encoding="utf-8").split())
    for entry in draft["entries"]:
        for passage in entry["evidence"]:
            assert " ".join(passage.split()) in article or passage == report.page.title


def test_adding_the_same_url_again_is_a_new_revision(site: Path) -> None:
    """Unreviewed entries are drafted again; a reviewed entry whose evidence left the page is
    withheld and listed; the previous seed is kept."""
    paragraphs = hockey_paragraphs()
    first = site / "first.html"
    first.write_text(page(paragraphs), encoding="utf-8")
    add_article(str(first), site / "seeds", site / "knowledge")
    path = site / "knowledge" / "lind-scores-twice.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    saves = next(e for e in data["entries"] if any("31 saves" in p for p in e["evidence"]))
    lind = next(e for e in data["entries"] if e["id"] == "person-lind")
    saves["reviewed"] = lind["reviewed"] = True
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    changed = [p.replace("31 saves", "33 saves") for p in paragraphs]
    second = site / "second.html"
    second.write_text(page(changed), encoding="utf-8")
    result = run(site, "add", str(second), **_env(site))
    assert result.returncode == 0, result.stderr
    assert "updated seeds/lind-scores-twice.txt: a new revision" in result.stdout
    assert f"withheld: {saves['id']} (evidence not found verbatim" in result.stdout
    assert "person-lind" not in result.stdout
    revisions = list((site / "seeds" / "revisions").glob("lind-scores-twice.*.txt"))
    assert len(revisions) == 1 and "31 saves" in revisions[0].read_text(encoding="utf-8")
    again = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [e for e in again["entries"] if e["id"] == saves["id"]] == [saves]
    assert any("33 saves" in e["answer"] for e in again["entries"] if not e.get("reviewed"))
    answer = run(site, "ask", "--json", "how many saves did novak make", **_env(site))
    assert "33 saves" in json.loads(answer.stdout)["answer"]


def test_adding_an_unchanged_page_changes_no_seed(site: Path) -> None:
    """The same page twice: the seed stays as it was written."""
    saved = site / "saved.html"
    saved.write_text(page(hockey_paragraphs()), encoding="utf-8")
    add_article(str(saved), site / "seeds", site / "knowledge")
    seed = (site / "seeds" / "lind-scores-twice.txt").read_bytes()
    report = add_article(str(saved), site / "seeds", site / "knowledge")
    assert report.action == "unchanged"
    assert (site / "seeds" / "lind-scores-twice.txt").read_bytes() == seed
    assert not (site / "seeds" / "revisions").exists()


def test_a_text_article_is_written_as_given(site: Path) -> None:
    """A plain-text article is copied byte for byte and drafted."""
    source = FIXTURES / "politics.txt"
    result = run(site, "add", str(source), **_env(site))
    assert result.returncode == 0, result.stderr
    assert (site / "seeds" / "politics.txt").read_bytes() == source.read_bytes()
    assert (site / "knowledge" / "politics.yaml").is_file()


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda d: str(d / "missing.html"), "no such file:"),
        (lambda d: str(d), "not a file:"),
        (lambda d: _write(d / "article.pdf", b"%PDF-1.4"), "give a .txt article, a saved page"),
        (lambda d: _write(d / "empty.html", b""), "is empty"),
        (lambda d: _write(d / "blank.txt", b"  \n"), "is empty"),
        (lambda d: _write(d / "latin1.txt", "café".encode("latin-1")), "is not UTF-8 text"),
        (lambda d: _write(d / "broken.html.gz", b"not gzip"), "is not a readable .gz file"),
        (
            lambda d: _write(d / "index.html", b"<html><body><nav>Home News</nav></body></html>"),
            "does not look like an article",
        ),
        (
            lambda d: _write(d / "stub.html", page(["Short note."]).encode()),
            "does not look like an article: fewer than 60 words",
        ),
        (lambda d: "http://127.0.0.1:9/article", "cannot fetch http://127.0.0.1:9/article:"),
    ],
)
def test_bad_input_gets_one_line_and_changes_nothing(site: Path, make, says: str) -> None:
    """A missing file, a folder, a PDF, an empty or non-UTF-8 file, a page with no article,
    an unreachable URL: exit 2, one line, nothing written."""
    source = make(site / "seeds")
    before = _snapshot(site)
    result = run(site, "add", source, **_env(site))
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("briefbot:")]
    assert len(errors) == 1 and says in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    assert _snapshot(site) == before


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)
