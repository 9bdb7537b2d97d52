"""The build on scraped pages: debris yields no candidates, and only numbers that matter."""

from __future__ import annotations

from pathlib import Path

from bot.extraction import Extraction, extract
from bot.text.seed import Seed

SCRAPED = """\
Hawks top Owls 4-1

Loading Photo Gallery

Marco Lind scored two goals, and the Hawks beat the Owls 4-1 on Tuesday night.

Marco Lind (11) celebrates his second goal against the Owls. (AP Photo/Jane Roe)

“We just kept going to the net,” Lind said.

“We just kept going to the net”

Read more: Owls fire their coach after a 0-5 start

Lind, 34, has 14 goals this season. Hawks goalie Petra Novak made 31 saves, and Jake Ellis
scored for the Owls with 1:12 left. The Hawks host the Falcons on Nov. 19.

Marco Lind (11) celebrates his second goal against the Owls. (AP Photo/Jane Roe)

Contact Ann Lee at alee@example.com.
"""


def _extract(tmp_path: Path, text: str) -> Extraction:
    path = tmp_path / "scraped.txt"
    path.write_text(text, encoding="utf-8")
    return extract(Seed.load(path))


def test_debris_gives_no_candidates(tmp_path: Path) -> None:
    """No section from "Loading Photo Gallery", one quote for a pull-quoted line, no contacts."""
    found = _extract(tmp_path, SCRAPED)
    assert found.of("heading") == []
    assert [q.evidence[0].quote for q in found.of("quote")] == ["We just kept going to the net"]
    assert {p.details["name"] for p in found.of("person")} == {
        "Marco Lind",
        "Petra Novak",
        "Jake Ellis",
    }


def test_numbers_that_matter(tmp_path: Path) -> None:
    """Score, goals and saves; not the age, jersey number, clock time, date or caption twice."""
    found = _extract(tmp_path, SCRAPED)
    numbers = [(n.details["number"], n.details["unit"]) for n in found.of("number")]
    assert numbers == [("two", "goals"), ("4-1", None), ("14", "goals"), ("31", "saves")]
