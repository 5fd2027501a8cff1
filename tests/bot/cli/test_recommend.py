"""`rolefit recommend` as scripts and people use it: the real command in a subprocess for the
contract (JSON lines, exit codes, EOF, Ctrl-C) and in-process streams for the conversation."""

from __future__ import annotations

import io
import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bot.cli.recommend import run_interactive
from knowledge import KnowledgeBase, Matcher
from knowledge.questionnaire import QUESTIONS, choices_for

REPO_ROOT = Path(__file__).resolve().parents[3]
ROLEFIT = [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())"]

PO, PM = "product-owner", "product-manager"
ARTICLE_CASE = {
    "company_stage": "enterprise",
    "goal": "build-business",
    "uses_scrum": False,
    "existing_roles": [],
    "needs": ["market research", "competitive analysis", "product positioning"],
    "headcount": 1,
}


def rolefit(*args: str, stdin: bytes, **env_vars: str) -> subprocess.CompletedProcess[bytes]:
    env = {key: value for key, value in os.environ.items() if key != "ROLEFIT_KNOWLEDGE"}
    env |= env_vars
    return subprocess.run(
        [*ROLEFIT, *args], input=stdin, capture_output=True, cwd=REPO_ROOT, env=env, timeout=60
    )


def json_lines(*objects: Any) -> bytes:
    return b"".join(json.dumps(item).encode() + b"\n" for item in objects)


# --- --json: the scripts' contract --------------------------------------------------------------


def test_json_mode_answers_every_line_and_keeps_going_after_bad_ones() -> None:
    lines = [
        json.dumps(ARTICLE_CASE).encode(),
        b"{not json",
        b"",
        json.dumps(ARTICLE_CASE | {"headcount": 3}).encode(),
        b"[1, 2]",
        json.dumps(ARTICLE_CASE | {"existing_roles": ["scrum-master"]}).encode(),
        json.dumps(ARTICLE_CASE | {"colour": "blue"}).encode(),
        b"   ",
        json.dumps(
            ARTICLE_CASE
            | {"goal": "both", "uses_scrum": True, "existing_roles": ["product-manager"]}
        ).encode(),
    ]
    done = rolefit("recommend", "--json", stdin=b"\n".join(lines) + b"\n")

    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert len(results) == len(lines)
    first, bad_json, blank, headcount, array, unknown_role, extra, spaces, last = results
    assert first["recommendation"] == "product-manager"
    assert {"recommendation", "confidence", "scores", "reasons", "unplaced_needs"} <= set(first)
    assert first == json.loads(json.dumps(first)), "output is plain JSON"
    assert "invalid JSON" in bad_json["error"]
    assert "blank" in blank["error"] and "blank" in spaces["error"]
    assert headcount["error"].startswith("headcount:")
    assert "object" in array["error"]
    assert unknown_role["error"].startswith("existing_roles")
    assert extra["error"].startswith("colour:")
    assert last["recommendation"] == "product-owner"
    assert all(set(result) == {"error"} for result in results[1:-1])


def test_json_mode_reads_a_last_line_without_newline_and_nothing_from_nothing() -> None:
    done = rolefit("recommend", "--json", stdin=json.dumps(ARTICLE_CASE).encode())
    assert [json.loads(line)["recommendation"] for line in done.stdout.splitlines()] == [
        "product-manager"
    ]
    assert rolefit("recommend", "--json", stdin=b"").stdout == b""


def test_json_mode_survives_odd_bytes_and_text() -> None:
    unicode_needs = ARTICLE_CASE | {"needs": ["市场调研 🚀", "<!channel> <@U123> market research"]}
    lines = [
        b"\xff\xfe{broken utf-8",
        json.dumps(unicode_needs, ensure_ascii=False).encode(),
        b"[" * 100_000,
        json.dumps(ARTICLE_CASE).encode() + b"\r",
        json.dumps(ARTICLE_CASE | {"needs": ["x" * 5000]}).encode(),
    ]
    done = rolefit("recommend", "--json", stdin=b"\n".join(lines))

    assert done.returncode == 0, done.stderr
    broken, emoji, deep, crlf, huge = (json.loads(line) for line in done.stdout.splitlines())
    assert "error" in broken and "error" in deep
    assert emoji["recommendation"] == "product-manager"
    assert "市场调研 🚀" in emoji["unplaced_needs"] + [p["need"] for p in emoji["placed_needs"]]
    assert crlf["recommendation"] == "product-manager"
    assert huge["error"].startswith("needs")


def test_broken_knowledge_overlay_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    overlay = tmp_path / "team.yaml"
    overlay.write_text("responsibilities: [{id: Bad Id}]\n")
    env = os.environ | {"ROLEFIT_KNOWLEDGE": str(overlay)}
    done = subprocess.run(
        [*ROLEFIT, "recommend", "--json"],
        input=b"",
        capture_output=True,
        cwd=REPO_ROOT,
        env=env,
        timeout=60,
    )

    assert done.returncode == 2
    assert done.stderr.decode().startswith("rolefit: ")
    assert "Traceback" not in done.stderr.decode()


# --- the terminal questionnaire -----------------------------------------------------------------


def converse(replies: list[str], kb: KnowledgeBase, matcher: Matcher) -> tuple[int, str]:
    stdout = io.StringIO()
    code = run_interactive(kb, matcher, io.StringIO("".join(f"{r}\n" for r in replies)), stdout)
    return code, stdout.getvalue()


def need_number(transcript_so_far: str, title: str) -> str:
    """The number the questionnaire printed next to a responsibility's title."""
    for line in transcript_so_far.splitlines():
        number, _, rest = line.strip().partition(". ")
        if rest == title and number.isdigit():
            return number
    raise AssertionError(f"{title!r} was not offered")


# Stage, headcount, who is on staff (Enter: nobody), goal, Scrum: the replies before the needs.
UP_TO_NEEDS = ["1", "1", "", "1", "1"]


def test_a_person_answers_and_reads_the_recommendation(kb: KnowledgeBase, matcher: Matcher) -> None:
    _, offered = converse(UP_TO_NEEDS, kb, matcher)
    po_item = next(r for r in kb.responsibilities if r.owners == ["product-owner"])
    pm_item = next(r for r in kb.responsibilities if r.owners == ["product-manager"])
    picks = f"{need_number(offered, po_item.title)}, {need_number(offered, pm_item.title)}"
    replies = ["3", "2", "", "3", "1", picks, "competitive analysis", ""]

    code, transcript = converse(replies, kb, matcher)

    assert code == 0
    assert "Hire both a Product Owner and a Product Manager" in transcript
    assert "Why:" in transcript
    assert f"{pm_item.title} (Product Manager)" in transcript
    assert "competitive analysis →" in transcript


def test_needs_are_offered_grouped_by_role(kb: KnowledgeBase, matcher: Matcher) -> None:
    _, transcript = converse(UP_TO_NEEDS, kb, matcher)

    headings = [
        line.strip()
        for line in transcript.splitlines()
        if line.startswith("  ") and not line.startswith("    ") and not line.strip()[0].isdigit()
    ]
    assert headings == ["Product Owner work", "Product Manager work", "Shared by both roles"]
    for responsibility in kb.responsibilities:
        need_number(transcript, responsibility.title)


def test_invalid_replies_are_asked_again_kindly(kb: KnowledgeBase, matcher: Matcher) -> None:
    replies = ["0", "startup", "1", "7", "1", "3", "1, 3", "", "9", "2", "maybe", "2"]
    replies += ["1, 999", "abc", "", ""]

    code, transcript = converse(replies, kb, matcher)

    assert code == 0
    assert transcript.count("Please type a number from 1 to 4.") == 2
    assert transcript.count("Please type a number from 1 to 3.") == 2  # the goal, then Scrum
    assert transcript.count("Please type a number from 1 to 2.") == 1
    assert transcript.count("Please use numbers from 1 to") == 4
    assert "Hire a Product Manager" in transcript


def test_the_terminal_asks_the_questionnaires_questions_in_order(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    _, transcript = converse([*UP_TO_NEEDS, "", ""], kb, matcher)

    lines = transcript.splitlines()
    asked = [lines[n + 1] for n, line in enumerate(lines[:-1]) if not line]
    prompts = [f"{q.prompt}{' (optional)' if q.optional else ''}" for q in QUESTIONS]
    assert [line for line in asked if line in prompts] == prompts
    for question in QUESTIONS:
        for number, choice in enumerate(choices_for(question, kb), start=1):
            assert f"  {number}. {choice.label}" in transcript


def test_free_text_needs_the_advisor_cannot_place_are_listed(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    replies = ["1", "1", "", "2", "2", "", "fix the printer 🖨️", ""]
    code, transcript = converse(replies, kb, matcher)

    assert code == 0
    assert "fix the printer 🖨️" in transcript.split("Not product-hire work")[1]


def test_end_of_input_mid_questionnaire_leaves_quietly(kb: KnowledgeBase, matcher: Matcher) -> None:
    code, transcript = converse(["1", "2"], kb, matcher)

    assert code == 0
    assert "nothing was recommended" in transcript
    assert "Hire" not in transcript


def test_the_real_command_talks_to_a_person_over_stdin() -> None:
    done = rolefit("recommend", stdin=b"4\n1\n\n2\n2\n\nmarket research\n\n")

    assert done.returncode == 0, done.stderr
    transcript = done.stdout.decode()
    assert "Hire a Product Manager" in transcript
    assert "> market research\n" in transcript, "piped replies are echoed"
    assert rolefit("recommend", stdin=b"4\n").returncode == 0


def test_a_terminal_that_cannot_print_unicode_still_gets_the_advice() -> None:
    replies = b"1\n1\n\n1\n1\n1\n\xf0\x9f\x9a\x80 launch \xff\n\n"
    done = rolefit("recommend", stdin=replies, PYTHONIOENCODING="ascii")

    assert done.returncode == 0, done.stderr
    assert b"Hire a Product Owner" in done.stdout


def test_json_mode_stops_quietly_when_the_reader_goes_away(tmp_path: Path) -> None:
    answers = tmp_path / "answers.jsonl"
    answers.write_bytes((json.dumps(ARTICLE_CASE).encode() + b"\n") * 1000)
    with (
        answers.open("rb") as stdin,
        subprocess.Popen(
            [*ROLEFIT, "recommend", "--json"],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=REPO_ROOT,
        ) as process,
    ):
        assert process.stdout is not None and process.stderr is not None
        assert json.loads(process.stdout.readline())["recommendation"] == "product-manager"
        process.stdout.close()
        stderr = process.stderr.read()
        process.wait(timeout=30)

    assert process.returncode == 0
    assert b"Traceback" not in stderr


def test_ctrl_c_at_a_prompt_exits_cleanly() -> None:
    with subprocess.Popen(
        [*ROLEFIT, "recommend"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO_ROOT,
    ) as process:
        assert process.stdout is not None
        seen = b""
        deadline = time.monotonic() + 30
        while not seen.endswith(b"> ") and time.monotonic() < deadline:
            ready, _, _ = select.select([process.stdout], [], [], 1)
            if ready:
                seen += os.read(process.stdout.fileno(), 4096)
        assert seen.endswith(b"> "), seen
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)

    assert process.returncode == 0
    assert b"Traceback" not in stderr
