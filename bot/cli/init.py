"""`briefbot init [DIR]`: a new site folder with the sample article and its curated store."""

from __future__ import annotations

import sys
from importlib.resources.abc import Traversable
from pathlib import Path

from bot.site import sample_parts
from bot.text.plural import count

# Written once, never overwritten: the settings a site usually needs, commented out.
ENV_TEMPLATE = """\
# briefbot reads this file from its site folder; keep it private (never commit it).
# DISCORD_TOKEN=your-token-here
# BRIEFBOT_LOG_FORMAT=json
# BRIEFBOT_HEALTH_PORT=8080
"""

# Which files of the sample each part copies: curated knowledge (not build candidates), the
# articles and the note that they are third-party text.
PATTERNS = {"knowledge": ("*.yaml",), "seeds": ("*.txt", "README.md")}


def _files(folder: Traversable, patterns: tuple[str, ...]) -> list[Traversable]:
    found = [
        f for f in folder.iterdir() if f.is_file() and any(Path(f.name).match(p) for p in patterns)
    ]
    return sorted(found, key=lambda f: f.name)


def run_init(target: Path) -> int:
    target = target.resolve()
    if target.exists() and not target.is_dir():
        print(f"briefbot: {target} is a file, not a folder; nothing changed.", file=sys.stderr)
        return 2
    taken = [name for name in ("knowledge", "seeds") if (target / name).exists()]
    if taken:
        print(
            f"briefbot: {target} already has {'/ and '.join(taken)}/; nothing changed.",
            file=sys.stderr,
        )
        return 2
    sample = sample_parts()
    plan = {part: _files(sample[part], PATTERNS[part]) for part in PATTERNS}
    if not plan["knowledge"] or not plan["seeds"]:
        print(
            "briefbot: this installation carries no sample site; nothing changed.", file=sys.stderr
        )
        return 2
    try:
        for part, files in plan.items():
            (target / part).mkdir(parents=True)
            for item in files:
                (target / part / item.name).write_bytes(item.read_bytes())
        (target / "data").mkdir(exist_ok=True)
        env = target / ".env"
        if not env.exists():
            env.write_text(ENV_TEMPLATE, encoding="utf-8")
            env.chmod(0o600)
    except OSError as exc:
        print(f"briefbot: cannot create the site folder {target}: {exc.strerror}", file=sys.stderr)
        return 2
    print(f"Created a briefbot site folder in {target}:")
    print(f"  knowledge/  {count(len(plan['knowledge']), 'curated article')}")
    print(f"  seeds/      {count(sum(f.name.endswith('.txt') for f in plan['seeds']), 'article')}")
    print("  data/       the database, made on first use")
    print("  .env        settings (put DISCORD_TOKEN here for `briefbot run`)")
    print(f"Try it: cd {target} && briefbot chat")
    return 0
