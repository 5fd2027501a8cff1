"""`rolefit chat`: JSON lines in, exactly one JSON line out for each, conversations by id."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROLEFIT = str(Path(sys.executable).with_name("rolefit"))


def chat_json(*lines: str) -> list[dict[str, object]]:
    done = subprocess.run(
        [ROLEFIT, "chat", "--json"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_each_line_gets_one_answer_and_turns_share_their_conversation() -> None:
    out = chat_json(
        json.dumps({"text": "who owns the backlog?", "conversation": "a"}),
        json.dumps({"text": "should we hire a PO or a PM?", "conversation": "b"}),
        "not json at all",
        json.dumps({"conversation": "a"}),
        json.dumps({"text": "and pricing?", "conversation": "a"}),
        json.dumps({"text": "mostly growing the business and pricing", "conversation": "b"}),
    )
    assert len(out) == 6
    assert out[0]["intent"] == "ownership" and out[0]["owners"] == ["product-owner"]
    assert out[1]["intent"] == "hire" and out[1]["asks"] and out[1]["recommendation"] is None
    assert "error" in out[2] and "error" in out[3]
    assert out[4]["owners"] == ["product-manager"]
    assert out[5]["recommendation"] == "product-manager"
    for line in (out[0], out[1], out[4], out[5]):
        assert set(line) == {"intent", "owners", "recommendation", "asks", "text"}


def run_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, *args: str
) -> str:
    from bot.cli import main

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    assert main(["chat", *args]) == 0
    return capsys.readouterr().out


def test_json_turns_in_process_keep_each_conversation(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        {"text": "who owns the backlog?", "conversation": 1},
        {"text": "and pricing?", "conversation": 1},
        {"text": "and pricing?"},
        ["not", "an", "object"],
    ]
    out = run_in_process(monkeypatch, capsys, "\n".join(map(json.dumps, lines)) + "\n", "--json")
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a.get("owners") for a in answers[:2]] == [["product-owner"], ["product-manager"]]
    assert answers[2]["intent"] and "error" in answers[3]


def test_interactive_chat_answers_a_question_asked_back_by_number_or_words(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run_in_process(
        monkeypatch,
        capsys,
        "who should we hire first?\n2\n\n"
        "we need the backlog run and go-to-market done. whom to hire?\ntwo\n",
    )
    assert "1) Delivering the product" in out
    assert "hire a Product Manager" in out
    assert "How many product people can you hire now?" in out
    assert "hire both a Product Owner and a Product Manager" in out


def test_a_number_answers_the_question_asked_back_after_why_or_are_you_sure(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a founder tester's find: "2" after "why?" was read as a greeting
    out = run_in_process(monkeypatch, capsys, "should i hire PO or PM?\nwhy?\nare you sure?\n2\n")
    assert "Yes. It's the article's first question for any product hire" in out
    assert "hire a Product Manager" in out
