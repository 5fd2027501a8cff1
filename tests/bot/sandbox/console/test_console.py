"""`rolefit console` driven by a script, as a newcomer's demo would drive it: the real app answers
through signed requests, and the transcript shows what a Slack user would see."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import console as console_cli
from bot.cli import main

ROLEFIT = Path(sys.executable).with_name("rolefit")
SECRETS = iter(f"console-secret-{n}-0123456789abcdef" for n in range(1000))
# Into the hiring questionnaire and through its first questions (tests/bot/sandbox/console/
# test_questionnaire.py follows it to the end, whatever its steps).
INTO_THE_QUESTIONNAIRE = ["/rolefit hire", "1", "1", "", "1", "1"]


@pytest.fixture(autouse=True)
def known_secrets(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every secret the console generates, so tests can prove none is ever printed."""
    made: list[str] = []

    def remembered() -> str:
        made.append(next(SECRETS))
        return made[-1]

    monkeypatch.setattr(console_cli, "new_secret", remembered)
    return made


def run_console(
    lines: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *args: str,
) -> str:
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(line + "\n" for line in lines)))
    assert main(["console", *args]) == 0
    return capsys.readouterr().out


def after(transcript: str, line: str) -> str:
    """The transcript from an input line on (the first time it was typed)."""
    return transcript[transcript.index(f"> {line}\n") :]


def test_a_direct_message_is_answered_in_the_dm(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_console(["who owns the product backlog?"], monkeypatch, capsys)
    reply = after(out, "who owns the product backlog?")
    assert "RoleFit · DM\n" in reply
    assert "Product Owner" in reply
    assert "\x1b[" not in out  # piped: no colour


def test_the_slash_command_answers_only_the_person(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_console(["/rolefit help"], monkeypatch, capsys)
    assert "RoleFit · DM · only visible to you" in out
    assert "/rolefit hire" in out
    assert "[1] " in out  # its buttons are numbered


def test_clicking_a_button_sends_it_to_the_app(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_console(["/rolefit help", ":click Compare the roles"], monkeypatch, capsys)
    clicked = after(out, ":click Compare the roles")
    assert "RoleFit · DM" in clicked
    assert "Product Owner" in clicked and "Product Manager" in clicked


def test_the_home_tab_and_its_buttons(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_console([":home", ":click Compare the roles"], monkeypatch, capsys)
    assert "RoleFit · Home tab" in after(out, ":home")
    clicked = after(out, ":click Compare the roles")
    assert "RoleFit · DM" in clicked  # a Home tab has no conversation; the answer goes to the DM
    assert "Product Owner" in clicked and "Product Manager" in clicked


def test_a_mention_is_answered_in_a_thread(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script = [":channel general", "@RoleFit who negotiates with suppliers?", "hello all"]
    out = run_console(script, monkeypatch, capsys)
    assert "RoleFit · #general · in thread" in after(out, script[1])
    assert "Product Manager" in after(out, script[1])
    assert "RoleFit only hears @RoleFit mentions" in after(out, "hello all")


def test_json_prints_the_web_api_calls(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_console(
        ["who owns the product backlog?", "/rolefit help"], monkeypatch, capsys, "--json"
    )
    records = [json.loads(line) for line in out.splitlines()]
    posts = [r for r in records if r.get("method") == "chat.postMessage"]
    assert posts and posts[0]["body"]["channel"] == "D_YOU"
    acks = [r for r in records if r.get("ack") == "slash_command"]
    assert acks and acks[0]["status"] == 200 and acks[0]["body"]["blocks"]


def test_colour_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.delenv("NO_COLOR", raising=False)
    run_console(["/rolefit help"], monkeypatch, capsys)
    assert "\x1b[1m" in terminal.getvalue()


def test_typed_mentions_reach_the_app_as_slack_sends_them_and_never_ping(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_console(["@channel who owns the backlog?"], monkeypatch, capsys, "--json")
    records = [json.loads(line) for line in out.splitlines()]
    posted = json.dumps([r["body"] for r in records if r.get("method") == "chat.postMessage"])
    assert posted and "<!channel>" not in posted


def test_nothing_printed_holds_a_secret(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], known_secrets: list[str]
) -> None:
    script = ["who owns the roadmap?", "/rolefit help", ":click 1", "x", *INTO_THE_QUESTIONNAIRE]
    out = run_console(script, monkeypatch, capsys) + run_console(
        script, monkeypatch, capsys, "--json"
    )
    assert known_secrets
    assert not [secret for secret in known_secrets if secret in out]
    assert "xoxb-" not in out


def _console_process() -> subprocess.Popen[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.Popen(
        [str(ROLEFIT), "console"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_end_of_input_exits_cleanly() -> None:
    process = _console_process()
    out, err = process.communicate("who owns the product backlog?\n", timeout=30)
    assert process.returncode == 0
    assert "Product Owner" in out
    assert err == ""


def test_ctrl_c_exits_cleanly() -> None:
    process = _console_process()
    assert process.stdout is not None
    assert "RoleFit console" in process.stdout.readline()  # started and waiting for input
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 0
    assert "Traceback" not in err
