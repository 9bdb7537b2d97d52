"""The sample site for `briefbot init`: the repository's knowledge/ and seeds/ stay the source,
and the wheel carries them as bot/sample/ (pyproject.toml cannot map folders outside bot/)."""

from setuptools import find_packages, setup

SAMPLE = {"bot.sample.knowledge": "knowledge", "bot.sample.seeds": "seeds"}

setup(packages=[*find_packages(include=["bot*"]), *SAMPLE], package_dir=SAMPLE)
