"""The built wheel, installed in a fresh environment, makes a site folder and answers offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from bot import __version__
from bot.settings import PROJECT_ROOT

# What a build needs, as an sdist would hold it.
SOURCES = ("pyproject.toml", "setup.py", "README.md", "LICENSE", "bot", "knowledge", "seeds")


def _offline() -> list[str]:
    """A prefix that cuts the network off (a new network namespace), where the machine allows it."""
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    return ["unshare", "-n"] if shutil.which("unshare") and probe.returncode == 0 else []


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment holding only the wheel; its dependencies come from this one."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    source.mkdir()
    for name in SOURCES:
        if (PROJECT_ROOT / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "candidates")
            shutil.copytree(PROJECT_ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy2(PROJECT_ROOT / name, source / name)
    pip: list[str | Path] = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    build = [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", root / "dist"]
    subprocess.run([*build, source], check=True, capture_output=True)
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    # The dependencies, not briefbot: a .pth line adds a folder but runs none of its .pth files,
    # so this environment's editable install stays out.
    python = venv / "bin" / "python"
    purelib: list[str | Path] = [
        python,
        "-c",
        "import sysconfig; print(sysconfig.get_path('purelib'))",
    ]
    site = Path(subprocess.run(purelib, capture_output=True, text=True, check=True).stdout.strip())
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    (wheel,) = (root / "dist").glob("briefbot-*.whl")
    install = [*pip, "--python", python, "install", "--no-deps", "--no-index"]
    subprocess.run([*install, wheel], check=True, capture_output=True)
    where: list[str | Path] = [python, "-c", "import bot; print(bot.__file__)"]
    assert str(venv) in subprocess.run(where, capture_output=True, text=True, cwd=root).stdout
    return venv


def briefbot(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
    env.pop("DISCORD_TOKEN", None)
    command = [*_offline(), str(venv / "bin" / "briefbot"), *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=60)


def test_wheel_carries_the_sample_and_the_licences(installed: Path) -> None:
    """The wheel holds the sample article, its curated store and the licence notes."""
    (wheel,) = installed.parent.joinpath("dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    sample = ("knowledge/trump-russia.yaml", "knowledge/aliases.yaml", "seeds/README.md")
    for expected in (f"bot/sample/{name}" for name in sample):
        assert expected in names
    assert any(n.startswith("bot/sample/seeds/") and n.endswith(".txt") for n in names)
    assert any(n.endswith("licenses/LICENSE") for n in names)
    thesaurus = ("thesaurus.npz", "LICENSE-WordNet-3.0.txt", "NOTICE")
    assert all(f"bot/engine/thesaurus/data/{name}" in names for name in thesaurus)
    assert not any("candidates" in n for n in names)


def test_init_then_ask_in_an_empty_folder(installed: Path, tmp_path: Path) -> None:
    """From the installed wheel: init an empty folder, ask offline, nothing written elsewhere."""
    version = briefbot(installed, tmp_path, "--version")
    assert version.stdout.strip() == f"briefbot {__version__}"
    made = briefbot(installed, tmp_path, "init")
    assert made.returncode == 0, made.stderr
    answer = briefbot(installed, tmp_path, "ask", "who is flynn")
    assert answer.returncode == 0, answer.stderr
    assert "National Security Advisor" in answer.stdout
    assert (tmp_path / "data" / "briefbot.sqlite3").is_file()
    package = next(installed.glob("lib/python*/site-packages/bot"))
    assert not list(package.rglob("*.sqlite3*")) and not (package.parent / "data").exists()
