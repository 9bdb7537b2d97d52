"""Entry point of the `briefbot` command."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot import __version__
from bot.knowledge.problems import KnowledgeError
from bot.lifetime import lasting
from bot.redaction import log_to_stderr, redact
from bot.service import BriefingService
from bot.settings import Settings
from bot.site import not_a_site
from bot.store import StoreError
from bot.text.errors import SeedError


class _NotAsked:
    """A command not asked for: its arguments are not made (all fourteen cost a call ~5 ms)."""

    def add_argument(self, *args: Any, **kwargs: Any) -> None:
        return None


def _parser(only: str | None = None) -> tuple[argparse.ArgumentParser, set[str]]:
    """The parser, and the commands it knows. `only`: only that command's arguments are made
    (another command given is then unknown to it: ask again with `only=None`)."""
    parser = argparse.ArgumentParser(
        prog="briefbot",
        description="Answers questions about a news article from a curated, verified store.",
    )
    parser.add_argument("--version", action="version", version=f"briefbot {__version__}")
    parser.add_argument(
        "--home",
        type=Path,
        metavar="DIR",
        help="the site folder (default: $BRIEFBOT_HOME, else the current directory)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    made: set[str] = set()

    def command(name: str, help: str) -> argparse.ArgumentParser | _NotAsked:
        if only is not None and name != only:
            return _NotAsked()
        made.add(name)
        return sub.add_parser(name, help=help)

    init = command("init", help="make a site folder with the sample article, ready to chat")
    init.add_argument("dir", nargs="?", type=Path, help="where (default: the site folder)")

    ask = command("ask", help="answer one question (or a batch) and exit")
    ask.add_argument("question", nargs="?", help="the question, in quotes")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--batch", metavar="FILE", help="one question per line ('-' for stdin)")
    ask.add_argument("--no-log", action="store_true", help="do not record the asks in the store")

    chat = command("chat", help="ask questions interactively in the terminal")
    chat.add_argument("--no-log", action="store_true", help="do not record the asks in the store")

    build = command(
        "build", help="extract candidates from seeds/; --draft: draft knowledge files too"
    )
    build.add_argument("--out", type=Path, help="where candidates go (knowledge/candidates/)")
    build.add_argument(
        "--draft",
        action="store_true",
        help="write a draft knowledge file for every seed without one (served at once)",
    )

    add = command(
        "add", help="add an article (text file, saved page or URL) and draft its knowledge"
    )
    add.add_argument("source", metavar="PATH_OR_URL", help="a .txt, .html or .html.gz, or a URL")

    command("check", help="validate the curated knowledge files")
    command("sync", help="sync knowledge/ into the store and report what changed")

    report = command(
        "report", help="score answer quality on the question sets, or the build's extraction"
    )
    report.add_argument(
        "--devset", type=Path, action="append", help="a question set (default: tests/quality/)"
    )
    report.add_argument(
        "--extraction",
        type=Path,
        metavar="DIR",
        help="score the build on every X.txt in DIR against its answer key X.truth.json",
    )
    report.add_argument(
        "--drafts",
        type=Path,
        metavar="DIR",
        help="draft every X.txt in DIR that has a question set and score the drafts",
    )
    report.add_argument("--details", action="store_true", help="with --extraction: list misses")
    report.add_argument("--json", action="store_true", help="print the figures as JSON")
    report.add_argument(
        "--failures", action="store_true", help="list the development sets' failures"
    )
    report.add_argument(
        "--breakdown", action="store_true", help="figures per kind and style of question"
    )

    bench = command("bench", help="measure engine latency, throughput and memory")
    bench.add_argument("--json", action="store_true", help="print the figures as JSON")
    bench.add_argument(
        "--sizes",
        default="1000,10000,30000,100000",
        help="realistic store sizes (comma separated)",
    )
    bench.add_argument("--questions", type=int, default=1000, help="questions per realistic store")
    bench.add_argument(
        "--cli-samples",
        type=int,
        default=15,
        help="`briefbot ask` processes timed (and as many doing only its imports)",
    )

    digest = command("digest", help="show the daily digest")
    digest.add_argument("--preview", action="store_true", help="print it here (the default)")
    digest.add_argument("--guild", type=int, help="a guild id, for its activity figures")

    command("stats", help="the bot owner's view: figures for every server together")

    retire = command("retire", help="take an article out of service (history is kept)")
    retire.add_argument("article", help="the article's id")
    retire.add_argument("--undo", action="store_true", help="put a retired article back")

    migrate = command(
        "migrate-db", help="copy the store into an empty database (PostgreSQL), all of it"
    )
    migrate.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="postgresql://USER@HOST:PORT/DB (the password may come from PGPASSWORD instead)",
    )

    command("run", help="start the Discord bot (needs DISCORD_TOKEN)")
    return parser, made


async def _with_service(
    settings: Settings, action: Callable[[BriefingService], Awaitable[int]]
) -> int:
    with lasting():  # a command's process: its store and index are kept to its end
        service = await BriefingService.start(settings)
    try:
        code = await action(service)
    except BaseException:
        await service.close()
        raise
    # Closing writes the asks still waiting in memory: if the database refuses, say so.
    await service.close()
    failure = service.log_failure()
    if failure is not None:
        print(f"briefbot: answered, but the ask was not logged: {failure}", file=sys.stderr)
        return 2
    return code


def _settings(home: Path | None) -> Settings | None:
    try:
        return Settings.for_site(home)
    except ValidationError as exc:
        # The message only, never the value given (BRIEFBOT_DATABASE_URL holds a password).
        for error in exc.errors():
            name = "_".join(str(part) for part in error["loc"]).upper()
            message = str(error["msg"]).removeprefix("Value error, ")
            where = f"setting BRIEFBOT_{name}: " if name else ""
            print(f"briefbot: {where}{message}", file=sys.stderr)
        return None


def _asked_command(argv: list[str]) -> str | None:
    """The command word of the arguments, when no help or version is asked for."""
    words = iter(argv)
    for word in words:
        if word == "--home":
            next(words, None)
        elif word in ("-h", "--help", "--version"):
            return None
        elif not word.startswith("-"):
            return word
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    asked = _asked_command(argv)
    parser, known = _parser(asked)
    if asked not in known:  # no command, or not one of ours: argparse lists them all
        parser, _ = _parser()
    args = parser.parse_args(argv)
    settings = _settings(args.home)
    if settings is None:
        return 2
    if args.command != "run":
        # The commands speak for themselves: library chatter stays out of their output, and
        # what does get out is redacted like the bot's log.
        log_to_stderr(logging.Formatter("briefbot: %(message)s"), logging.ERROR, settings.secrets)
    if args.command == "init":
        from bot.cli.init import run_init

        return run_init(args.dir or settings.home)
    no_site = not_a_site(settings)
    if no_site is not None:
        print(no_site, file=sys.stderr)
        return 2
    try:
        return _dispatch(args, settings)
    except KnowledgeError as exc:
        print("briefbot: the knowledge files have problems:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except (StoreError, SeedError) as exc:
        print(f"briefbot: {redact(str(exc), settings.secrets)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "ask":
        from bot.cli.ask import run_ask

        if args.question is None and args.batch is None:
            print("briefbot: give a question in quotes, or --batch FILE", file=sys.stderr)
            return 2
        if args.question is not None and args.batch is not None:
            print("briefbot: give either a question or --batch, not both", file=sys.stderr)
            return 2
        if args.batch is not None and not args.json:
            print("briefbot: --batch prints JSON lines; add --json", file=sys.stderr)
            return 2
        return asyncio.run(
            _with_service(
                settings,
                lambda s: run_ask(
                    s, args.question, as_json=args.json, batch=args.batch, log=not args.no_log
                ),
            )
        )
    if args.command == "chat":
        from bot.cli.ask import run_chat

        return asyncio.run(_with_service(settings, lambda s: run_chat(s, log=not args.no_log)))
    if args.command == "check":
        from bot.cli.knowledge import run_check

        return run_check(settings)
    if args.command == "sync":
        from bot.cli.knowledge import run_sync

        return asyncio.run(run_sync(settings))
    if args.command == "build":
        from bot.cli.knowledge import run_build_command

        return run_build_command(settings, args.out, draft=args.draft)
    if args.command == "add":
        from bot.cli.knowledge import run_add

        return run_add(settings, args.source)
    if args.command == "report" and args.extraction is not None:
        from bot.cli.extraction_report import run_extraction_report

        if args.devset is not None:
            print("briefbot: give either --devset or --extraction, not both", file=sys.stderr)
            return 2
        return run_extraction_report(args.extraction, details=args.details, as_json=args.json)
    if args.command == "report" and args.drafts is not None:
        from bot.quality.drafts import run_drafts_report

        return run_drafts_report(
            settings,
            args.drafts,
            as_json=args.json,
            failures=args.failures,
            breakdown=args.breakdown,
        )
    if args.command == "report":
        from bot.quality.report import run_report

        if args.details:
            print("briefbot: --details goes with --extraction DIR", file=sys.stderr)
            return 2
        return run_report(
            settings,
            args.devset,
            as_json=args.json,
            failures=args.failures,
            breakdown=args.breakdown,
        )
    if args.command == "bench":
        from bot.bench import run_bench

        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        return run_bench(
            settings,
            sizes,
            as_json=args.json,
            questions=args.questions,
            cli_samples=max(args.cli_samples, 1),
        )
    if args.command == "digest":
        from bot.cli.digest import run_digest_preview

        return asyncio.run(_with_service(settings, lambda s: run_digest_preview(s, args.guild)))
    if args.command == "stats":
        from bot.cli.owner import run_stats

        return asyncio.run(_with_service(settings, run_stats))
    if args.command == "retire":
        from bot.cli.owner import run_retire

        return asyncio.run(
            _with_service(settings, lambda s: run_retire(s, args.article, undo=args.undo))
        )
    if args.command == "migrate-db":
        from bot.cli.migrate import run_migrate_db

        return asyncio.run(run_migrate_db(settings, args.to))
    if args.command == "run":
        from bot.app.runner import run_from_cli

        return run_from_cli(settings)
    raise AssertionError(args.command)


if __name__ == "__main__":
    sys.exit(main())
