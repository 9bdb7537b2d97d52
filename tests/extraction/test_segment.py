"""Sentence segmentation: abbreviations, quotes, missing spaces and debris."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.extraction.doc import Doc
from bot.extraction.segment import split_sentences
from bot.text.seed import Seed


def _split(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Peskov spoke. Mrs. Smith left.", ["Mr. Peskov spoke.", "Mrs. Smith left."]),
        (
            "Dr. Raman and Lt. Gen. Michael Flynn met Sen. Gray and Gov. Hale. Then they left.",
            [
                "Dr. Raman and Lt. Gen. Michael Flynn met Sen. Gray and Gov. Hale.",
                "Then they left.",
            ],
        ),
        (
            "Presidents George W. Bush and Barack Obama tried. Both failed.",
            ["Presidents George W. Bush and Barack Obama tried.", "Both failed."],
        ),
        (
            "Critics in the U.S. foreign policy establishment objected. The U.K. agreed.",
            ["Critics in the U.S. foreign policy establishment objected.", "The U.K. agreed."],
        ),
        (
            "He lives in the U.S. The weather is fine.",
            ["He lives in the U.S.", "The weather is fine."],
        ),
        (
            "Some items, e.g. bread, i.e. food, sold. Others not.",
            ["Some items, e.g. bread, i.e. food, sold.", "Others not."],
        ),
        ("They met on St. Anne's Day. It rained.", ["They met on St. Anne's Day.", "It rained."]),
        (
            "Martin Luther King Jr. spoke. He was brief.",
            ["Martin Luther King Jr. spoke.", "He was brief."],
        ),
        (
            "“It is phenomenal” said Dmitry Peskov, after Trump’s election.“And that is good.”",
            [
                "“It is phenomenal” said Dmitry Peskov, after Trump’s election.",
                "“And that is good.”",
            ],
        ),
        (
            "“Wouldn’t it be great?” he asked. “Yes!” she said. Then silence.",
            ["“Wouldn’t it be great?” he asked.", "“Yes!” she said.", "Then silence."],
        ),
        (
            '"Is it over?" Trump asked. Nobody answered.',
            ['"Is it over?" Trump asked.', "Nobody answered."],
        ),
        (
            'Raman disagreed."The pumps work," she said.',
            ["Raman disagreed.", '"The pumps work," she said.'],
        ),
        (
            "Some called it “Cold War 2.0.” It stuck.",
            ["Some called it “Cold War 2.0.”", "It stuck."],
        ),
        ("If only it were simple… But it is not.", ["If only it were simple…", "But it is not."]),
        (
            "“We played well.” Lind said. “Too cautious.” He said the data would decide.",
            ["“We played well.” Lind said.", "“Too cautious.”", "He said the data would decide."],
        ),
        ("He paused… and went on.", ["He paused… and went on."]),
        ("Wait... What happened?", ["Wait...", "What happened?"]),
        ("It grew 2.4 percent. Prices rose.", ["It grew 2.4 percent.", "Prices rose."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    """Each text splits into exactly the expected sentences."""
    assert _split(text) == expected


def test_footnotes_and_captcha_are_skipped(tmp_path: Path) -> None:
    """A footnote marker never ends a sentence and a CAPTCHA line yields none."""
    path = tmp_path / "a.txt"
    path.write_text(
        "Title here\n\nThe statement [8]said so. It ended.[3]\n\n"
        "Time limit is exhausted. Please reload the CAPTCHA.",
        encoding="utf-8",
    )
    seed = Seed.load(path)
    doc = Doc.of(seed)
    sentences = [seed.raw[s.start : s.end] for s in doc.sentences]
    assert sentences == ["The statement [8]said so.", "It ended."]


def test_real_seed_sentences(real_seed: Seed) -> None:
    """The real seed: Peskov's two quotes are two sentences, no sentence touches debris."""
    doc = Doc.of(real_seed)
    texts = [real_seed.raw[s.start : s.end] for s in doc.sentences]
    assert any(t.endswith("a Kremlin spokesman, after Trump’s election.") for t in texts)
    assert any(t.startswith("“And that is probably a good basis") for t in texts)
    assert any(t.startswith("“During the conversation") and t.endswith("[8]said.") for t in texts)
    assert not any("CAPTCHA" in t for t in texts)
    for sentence in doc.sentences:
        for start, end in real_seed.debris_spans:
            assert not start <= sentence.start < end
            assert not start < sentence.end <= end
