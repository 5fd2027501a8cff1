"""Logs an operator can use: JSON lines off a terminal, levels and timestamps, the Slack ids of
the request, no token and no message text."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from bot.logs import REQUEST_IDS, configure_logging
from bot.sandbox import LiveRoleFit


@pytest.fixture
def json_logs() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    configure_logging("INFO", as_json=True)
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def lines(err: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in err.splitlines() if line.startswith("{")]


def test_a_line_is_json_with_time_level_and_the_requests_ids(
    json_logs: None, capsys: pytest.CaptureFixture[str]
) -> None:
    REQUEST_IDS.set({"team": "T1", "user": "U1", "event": "Ev1"})
    logging.getLogger("rolefit.test").warning("something odd")
    REQUEST_IDS.set(None)
    (line,) = lines(capsys.readouterr().err)
    assert line["level"] == "warning" and line["message"] == "something odd"
    assert (line["team"], line["user"], line["event"]) == ("T1", "U1", "Ev1")
    assert str(line["time"]).endswith("+00:00")


def test_token_shaped_text_is_masked(json_logs: None, capsys: pytest.CaptureFixture[str]) -> None:
    logging.getLogger("rolefit.test").error("bad %s and xapp-1-A0-123-abc", "xoxb-123-456-secret")
    err = capsys.readouterr().err
    assert "xoxb-123" not in err and "xapp-1" not in err and "[token]" in err


def test_serving_a_dm_logs_ids_but_never_the_text_or_the_token(
    json_logs: None, live: LiveRoleFit, capsys: pytest.CaptureFixture[str]
) -> None:
    live.api.fail("chat.postMessage", "channel_not_found")  # something worth a warning
    live.post(live.requests.dm("my secret plan: who owns the backlog?"))
    live.wait_until_idle()
    err = capsys.readouterr().err
    assert "secret plan" not in err and "xoxb-" not in err
    logged = lines(err)
    assert logged, "the failed post should have been logged"
    assert any(line.get("user") == "U_LEADER" for line in logged)
