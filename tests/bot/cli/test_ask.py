"""`rolefit ask`: the contract scripts rely on (through a real subprocess) and the readable answers
people see (in-process)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

RUN_CLI = "import sys; from bot.cli import main; sys.exit(main())"


def rolefit(
    *args: str, stdin: bytes = b"", cwd: Path, hash_seed: str | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed `rolefit` command (or the same entry point) with a clean environment."""
    script = Path(sys.executable).with_name("rolefit")
    command = [str(script)] if script.exists() else [sys.executable, "-c", RUN_CLI]
    env = {k: v for k, v in os.environ.items() if k != "ROLEFIT_KNOWLEDGE"}
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = hash_seed
    return subprocess.run(
        [*command, *args], input=stdin, capture_output=True, cwd=cwd, env=env, timeout=60
    )


@pytest.fixture(autouse=True)
def clean_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ROLEFIT_KNOWLEDGE", raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_json_one_shot_prints_one_object(tmp_path: Path) -> None:
    done = rolefit("ask", "--json", "who owns backlog grooming?", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode().splitlines()
    assert len(lines) == 1
    answer = json.loads(lines[0])
    assert answer["question"] == "who owns backlog grooming?"
    assert answer["owners"] == ["product-owner"]
    assert 0 <= answer["confidence"] <= 1
    assert answer["responsibility"]["id"] == "po-backlog"
    assert set(answer["responsibility"]) == {"id", "title"}
    assert isinstance(answer["alternatives"], list) and answer["explanation"]


def test_json_batch_answers_every_line_in_order_split_on_newline_only(tmp_path: Path) -> None:
    lines = [
        b"who owns backlog grooming?",
        b"",
        b"who runs payroll \xff\xfe\xc3(?",  # not UTF-8
        b"form\x0cfeed \x1c\x1d\x1e group seps \xc2\x85 next-line \xe2\x80\xa8 line-sep: GTM?",
        b"   ",
        b"who does the competitor teardown\r",  # a CRLF file
        b"who writes user stories (no final newline)",
    ]
    done = rolefit("ask", "--json", stdin=b"\n".join(lines), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("ascii").split("\n")
    assert out[-1] == "" and len(out) == len(lines) + 1
    answers = [json.loads(line) for line in out[:-1]]
    assert [a["owners"] for a in answers] == [
        ["product-owner"],
        [],
        [],
        ["product-manager"],
        [],
        ["product-manager"],
        ["product-owner"],
    ]
    assert answers[2]["question"].startswith("who runs payroll \ufffd")
    assert "\x0c" in answers[3]["question"] and "\u2028" in answers[3]["question"]
    assert answers[5]["question"] == "who does the competitor teardown"


def test_answers_do_not_depend_on_hash_seed(tmp_path: Path) -> None:
    questions = b"who owns pricing and margins?\nwho writes specs from customer feedback?\n"
    outputs = {
        rolefit("ask", "--json", stdin=questions, cwd=tmp_path, hash_seed=seed).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_batch_handles_thousands_of_lines_in_one_process(tmp_path: Path) -> None:
    questions = [b"who plans sprint %d?" % i for i in range(3000)]
    done = rolefit("ask", "--json", stdin=b"\n".join(questions) + b"\n", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode().splitlines()
    assert len(out) == 3000
    assert json.loads(out[-1])["question"] == "who plans sprint 2999?"


def test_empty_question_is_one_clear_line_and_exit_2(tmp_path: Path) -> None:
    done = rolefit("ask", "  ", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == b""
    error = done.stderr.decode()
    assert error.count("\n") == 1 and error.startswith("rolefit: the question is empty")
    assert "Traceback" not in error


def test_ask_never_loads_slack_code(tmp_path: Path) -> None:
    probe = (
        "import sys; from bot.cli import main; main(['ask', '--json', 'who owns the roadmap?']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('slack_bolt', 'slack_sdk', 'aiohttp', 'uvicorn')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, cwd=tmp_path, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().splitlines()[-1] == "[]"


def test_readable_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "who", "writes", "the", "user", "stories?"]) == 0
    out = capsys.readouterr().out
    assert "A: Product Owner (clearly, confidence" in out
    assert "Matched responsibility: Writing user stories" in out
    assert "Why: " in out and "Article section: " in out


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who figures out what customers need?", "A: Both: Product Owner and Product Manager"),
        ("who shoots the TV commercial for the campaign?", "work for the creative team"),
        # (a newcomer's find: it said "not sure" beside its firm "neither role")
        ("who resets my VPN?", "Neither role: this is work for IT (confidence"),
        # found by an admin tester: no match and unsettled work read as "outside product"
        ("who handles the zorblax?", "A: No match: no work the article describes matches this"),
        ("who writes release notes?", "A: The article doesn't settle this"),
        ("🙂🙂🙂", "I could not find a piece of work"),
        ("who\x00 owns\x1b the\x7f backlog", "A: Product Owner"),
        ("who owns the backlog and pricing?", "   - pricing: most likely the Product Manager"),
    ],
)
def test_readable_verdicts(
    capsys: pytest.CaptureFixture[str], question: str, expected: str
) -> None:
    assert main(["ask", question]) == 0
    assert expected in capsys.readouterr().out


def test_huge_question_is_answered(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "x" * 100_000]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["owners"] == [] and len(answer["question"]) == 100_000


def test_readable_batch_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"who grooms the backlog\nwho owns pricing\n"))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["ask"]) == 0
    out = capsys.readouterr().out
    assert out.count("Q: ") == 2
    assert out.index("A: Product Owner") < out.index("A: Product Manager")


def test_holders_from_an_overlay_are_named(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    overlay = tmp_path / "team.yaml"
    overlay.write_text("holders:\n  product-manager: [U0PMALICE]\n", encoding="utf-8")
    monkeypatch.setenv("ROLEFIT_KNOWLEDGE", str(overlay))
    assert main(["ask", "who owns the P&L?"]) == 0
    assert "A: Product Manager (here: U0PMALICE)" in capsys.readouterr().out


def test_broken_overlay_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    overlay = tmp_path / "broken.yaml"
    overlay.write_text("holders:\n  product-manager: [alice]\n  po: [U1]\n", encoding="utf-8")
    monkeypatch.setenv("ROLEFIT_KNOWLEDGE", str(overlay))
    assert main(["ask", "who owns the P&L?"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert error.startswith(f"rolefit: broken knowledge: {overlay}: holders 'product-manager'")
    assert "(and 1 more; run `rolefit knowledge validate`)" in error


def test_text_mode_never_echoes_terminal_control_sequences(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bot.cli import main

    assert main(["ask", "who owns the \x1b]0;pwned\x07 backlog \x1b[2J?"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "backlog" in out
