"""The sample site for `briefbot init`: the repository's knowledge/ and seeds/ stay the source,
and the wheel carries them as bot/sample/ (pyproject.toml cannot map folders outside bot/)."""

from setuptools import find_packages, setup

SAMPLE = {"bot.sample.knowledge": "knowledge", "bot.sample.seeds": "seeds"}

# The migrations folder holds only SQL, so find_packages skips it: name it, as setuptools asks.
PACKAGES = [*find_packages(include=["bot*"]), "bot.store.migrations", *SAMPLE]

setup(packages=PACKAGES, package_dir=SAMPLE)
