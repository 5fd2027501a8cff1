"""`rolefit chat`: JSON lines in, exactly one JSON line out for each, conversations by id."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
