"""The `briefbot` command, run as a real subprocess against a store in a temp folder."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import KNOWLEDGE, SEEDS

QUESTION_CAP = 500


def run(
    tmp_path: Path, *args: str, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "BRIEFBOT_DATA_DIR": str(tmp_path / "data"),
        "BRIEFBOT_KNOWLEDGE_DIR": str(KNOWLEDGE),
        "BRIEFBOT_SEEDS_DIR": str(SEEDS),
        **env,
    }
    environment.pop("DISCORD_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=60,
    )


def logged(tmp_path: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(tmp_path / "data" / "briefbot.sqlite3") as db:
        return db.execute("SELECT question, reply = 'answer' FROM asks ORDER BY id").fetchall()


def test_ask_prints_answer_quote_and_source(tmp_path: Path) -> None:
    """A person sees the answer, the verbatim quote and where it comes from."""
    result = run(tmp_path, "ask", "who said mutual trust takes years?")
    assert result.returncode == 0, result.stderr
    assert "Peskov" in result.stdout
    assert "> “An atmosphere of mutual trust takes years to achieve." in result.stdout
    assert "source: Trump: Russia’s Chance for Friendship?" in result.stdout
    assert "If it was only so simple…" in result.stdout


def test_ask_json_has_exactly_the_contract_keys(tmp_path: Path) -> None:
    """--json prints one object whose evidence offsets index the seed's text."""
    result = run(tmp_path, "ask", "--json", "who is flynn")
    data = json.loads(result.stdout)
    assert list(data) == [
        "question",
        "answered",
        "answer",
        "confidence",
        "entry_id",
        "evidence",
        "suggestions",
        "article",
        "reply",
        "message",
    ]
    assert data["answered"] is True and data["entry_id"] == "person-flynn"
    assert data["reply"] == "answer" and data["message"] is None
    assert data["article"]["id"] == "trump-russia"
    assert data["article"]["title"] == "Trump: Russia’s Chance for Friendship?"
    assert 0.0 <= data["confidence"] <= 1.0
    for evidence in data["evidence"]:
        text = (SEEDS / evidence["seed"]).read_text(encoding="utf-8")
        assert text[evidence["start"] : evidence["end"]] == evidence["quote"]


def test_declined_question_suggests_and_is_queued(tmp_path: Path) -> None:
    """An unanswerable question is declined honestly and queued for review."""
    result = run(tmp_path, "ask", "--json", "when was peskov born")
    data = json.loads(result.stdout)
    assert data["answered"] is False and data["answer"] is None and data["entry_id"] is None
    assert len(data["suggestions"]) <= 3
    assert data["reply"] in {"suggest", "decline"} and data["message"]
    for suggestion in data["suggestions"]:
        assert suggestion["answer"] and suggestion["article"]["id"] == "trump-russia"
    with sqlite3.connect(tmp_path / "data" / "briefbot.sqlite3") as db:
        assert db.execute("SELECT question FROM review_queue").fetchall() == [
            ("when was peskov born",)
        ]


def test_batch_keeps_order_one_line_each(tmp_path: Path) -> None:
    """--batch - answers each stdin line, in order, one JSON object per line."""
    questions = ["who is flynn", "", "what is the capital of france", "how many bottles"]
    result = run(tmp_path, "ask", "--json", "--batch", "-", stdin="\n".join(questions) + "\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["question"] for line in lines] == questions
    assert [line["answered"] for line in lines] == [True, False, False, True]


def test_batch_from_a_file(tmp_path: Path) -> None:
    """--batch FILE reads the questions from a file."""
    path = tmp_path / "questions.txt"
    path.write_text("who is peskov\nwho is bolton\n", encoding="utf-8")
    result = run(tmp_path, "ask", "--json", "--batch", str(path))
    assert [json.loads(x)["entry_id"] for x in result.stdout.splitlines()] == [
        "person-peskov",
        "person-bolton",
    ]


def test_no_log_leaves_the_store_untouched(tmp_path: Path) -> None:
    """--no-log answers without recording the ask."""
    run(tmp_path, "ask", "--no-log", "who is flynn")
    assert logged(tmp_path) == []


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", "Please type a question"),
        ("   \t  ", "Please type a question"),
        ("x" * (QUESTION_CAP + 1), "capped at 500 characters"),
        ("who is\x07 flynn", "control characters"),
    ],
)
def test_bad_questions_get_a_message_and_change_nothing(
    tmp_path: Path, question: str, message: str
) -> None:
    """Empty, over-long and control-character questions are refused and not logged."""
    result = run(tmp_path, "ask", question)
    assert result.returncode == 2
    assert message in result.stdout
    assert logged(tmp_path) == []


def test_chat_answers_until_quit(tmp_path: Path) -> None:
    """The chat loop answers each line and stops at 'quit'."""
    result = run(tmp_path, "chat", stdin="who is flynn\nquit\nwho is peskov\n")
    assert result.returncode == 0
    assert "National Security Advisor" in result.stdout
    assert [q for q, _ in logged(tmp_path)] == ["who is flynn"]


def test_chat_follows_up_on_the_last_answer(tmp_path: Path) -> None:
    """In the chat, "what else did he say?" continues "who is peskov"; help is no answer."""
    result = run(tmp_path, "chat", stdin="help\nwho is peskov\nwhat else did he say?\n")
    assert result.returncode == 0, result.stderr
    replies = result.stdout.split("briefbot> ")[1:]
    assert "I'm briefbot." in replies[0] and "Try, for example:" in replies[0]
    assert "Kremlin spokesman" in replies[1]
    assert replies[2].startswith("(Who ") and "Peskov" in replies[2]
    assert "couldn't find a question" not in result.stdout


@pytest.mark.parametrize(
    ("question", "reply", "says"),
    [
        ("help", "help", "I'm briefbot."),
        ("hi", "help", "Hi! I'm briefbot."),
        ("who wrote this article?", "about", "The article doesn't name its author"),
        ("when was it published?", "about", "The article doesn't say when it was published"),
    ],
)
def test_talk_is_never_an_answer_in_json(
    tmp_path: Path, question: str, reply: str, says: str
) -> None:
    """Help and the article's metadata stay `answered: false`, with `reply` and `message`."""
    data = json.loads(run(tmp_path, "ask", "--json", question).stdout)
    assert (data["answered"], data["entry_id"], data["reply"]) == (False, None, reply)
    assert data["message"].startswith(says)


def test_chat_ends_at_end_of_input(tmp_path: Path) -> None:
    """Ctrl-D (EOF) ends the chat cleanly."""
    result = run(tmp_path, "chat", stdin="@everyone\n")
    assert result.returncode == 0
    assert "couldn't find a question" in result.stdout
    assert "@everyone" not in result.stdout.split("you>")[-1]


def test_check_reports_bad_knowledge_with_exit_1(tmp_path: Path) -> None:
    """check exits 1 and names the file and line of broken YAML."""
    folder = tmp_path / "knowledge"
    folder.mkdir()
    (folder / "bad.yaml").write_text("entries:\n  - id: [\n", encoding="utf-8")
    result = run(tmp_path, "check", BRIEFBOT_KNOWLEDGE_DIR=str(folder))
    assert result.returncode == 1
    assert "bad.yaml:" in result.stderr and "malformed YAML" in result.stderr


def test_check_passes_on_the_curated_files(tmp_path: Path) -> None:
    """The shipped knowledge checks clean."""
    result = run(tmp_path, "check")
    assert result.returncode == 0, result.stderr
    assert "evidence passages verified" in result.stdout


def test_ask_refuses_to_start_on_bad_knowledge(tmp_path: Path) -> None:
    """ask will not answer from knowledge that fails the check."""
    result = run(tmp_path, "ask", "who is flynn", BRIEFBOT_SEEDS_DIR=str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "seed not found" in result.stderr


def test_locked_database_is_a_clear_error(tmp_path: Path) -> None:
    """Another process holding the database gives a message, not a traceback."""
    run(tmp_path, "ask", "--no-log", "who is flynn")
    holder = sqlite3.connect(tmp_path / "data" / "briefbot.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run(tmp_path, "ask", "who is flynn", BRIEFBOT_DATABASE_TIMEOUT_SECONDS="0.2")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 2
    assert "locked by another process" in result.stderr
    assert "Traceback" not in result.stderr


def test_bench_prints_figures_for_each_store(tmp_path: Path) -> None:
    """bench --json measures the real store and each realistic size beside the baselines, a real
    `briefbot ask` beside its imports alone, the ask log's write and the machine's speed."""
    result = run(
        tmp_path, "bench", "--json", "--sizes", "300", "--questions", "40", "--cli-samples", "2"
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    cli, log = report["cli_ask"], report["ask_log"]
    assert (cli["n"], cli["answer"], cli["store_and_index_unchanged"]) == (2, "person-peskov", True)
    assert cli["imports_wall"]["min_ms"] <= cli["imports_wall"]["max_ms"]
    assert log["n"] >= 1000 and log["p50_ms"] <= log["p99_ms"]
    assert report["generator"]["sizes"] == [300] and report["load_before"]
    speed = report["machine_speed"]
    assert speed["python_loop_ms"] > 0 and speed["float32_product_ms"] > 0
    stores = report["stores"]
    assert [s["name"] for s in stores] == ["real store", "realistic 300"]
    assert stores[1]["entries"] == 300 and stores[1]["cold"]["n"] == 40
    for store in stores:
        for part in ("cold", "warm", "autocomplete", "update", "naive"):
            assert store[part]["p50_ms"] <= store[part]["p99_ms"], part
        assert store["cold"]["raised"] == 0
        assert store["previous_engine"]["warm"]["n"] > 0
        # the restart read every entry back from a real store and reused the whole snapshot
        assert store["restart_reused"] == store["entries"] and store["restart_s"] > 0


def test_report_prints_dev_and_held_out_aggregates(tmp_path: Path) -> None:
    """report scores the development and held-out sets; held-out questions are never shown."""
    result = run(tmp_path, "report", "--failures", "--breakdown")
    assert result.returncode == 0, result.stderr
    assert "Development sets" in result.stdout and "Held-out sets" in result.stdout
    assert "heldout-trump-russia" in result.stdout
    for measure in ("overall", "in_scop", "paraphr", "wrong", "helped"):
        assert measure in result.stdout
    sets = Path(__file__).parents[1] / "quality"
    held = yaml.safe_load((sets / "heldout-trump-russia.yaml").read_text(encoding="utf-8"))
    dev = " ".join(p.read_text(encoding="utf-8").lower() for p in sets.glob("devset*.yaml"))
    shown = result.stdout.lower()
    for item in held["in_scope"] + held["decline"]:
        question = item["q"].lower()[:80]
        # A short, common question may be in a development set too; those may be listed.
        assert question in dev or question not in shown


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["--help"], "migrate-db"),  # every command listed
        (["ask", "--help"], "--batch FILE"),  # the command's own options
        (["--home", ".", "chat", "--help"], "--no-log"),
        (["nosuch"], "invalid choice: 'nosuch' (choose from 'init', 'ask'"),
        ([], "the following arguments are required: COMMAND"),
    ],
)
def test_help_and_errors_name_every_command_or_the_asked_ones_options(
    tmp_path: Path, args: list[str], shown: str
) -> None:
    """Making only the asked command's arguments never hides a command or an option."""
    result = run(tmp_path, *args)
    assert shown in result.stdout + result.stderr
