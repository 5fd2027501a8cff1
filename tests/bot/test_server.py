"""Serving: what Slack and a platform's health checks see at the HTTP edge of `rolefit serve`."""

from __future__ import annotations

import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from bot.app import build_app
from bot.cli import build_parser, main
from bot.sandbox import FakeSlackApi, LiveRoleFit, SignedRequest, SlackRequests
from bot.sandbox.live import TEST_BOT_TOKEN, TEST_SIGNING_SECRET, send, settings_for
from bot.server.guard import MAX_BODY_BYTES
from bot.server.runners import shared_http_session

REPO_ROOT = Path(__file__).resolve().parents[2]
APP_TOKEN = "xapp-rolefit-test-token"
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


def test_healthz_answers_ok(live: LiveRoleFit) -> None:
    status, headers, body = live.get("/healthz")
    assert (status, body) == (200, b"ok")
    assert headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/"), ("GET", "/slack/events"), ("POST", "/healthz"), ("POST", "/slack/other")],
)
def test_anything_else_is_404(live: LiveRoleFit, method: str, path: str) -> None:
    signed = live.requests.slash_command("help")
    status, _, _ = live.get(path) if method == "GET" else live.post(signed, path)
    assert status == 404
    assert live.api.calls == []


def test_a_signed_command_is_answered_in_the_acknowledgement(live: LiveRoleFit) -> None:
    status, headers, body = live.post(live.requests.slash_command("who owns the backlog?"))
    assert status == 200
    assert headers["content-type"].startswith("application/json")
    assert json.loads(body)["text"]


def test_url_verification_echoes_the_challenge(live: LiveRoleFit) -> None:
    body = json.dumps({"token": "t", "challenge": "c-123", "type": "url_verification"}).encode()
    status, _, answer = live.post(live.requests.signed(body, JSON))
    assert (status, json.loads(answer)) == (200, {"challenge": "c-123"})


def _good(requests: SlackRequests) -> SignedRequest:
    return requests.slash_command("who owns pricing?")


def _resigned(requests: SlackRequests, age: int) -> SignedRequest:
    return requests.signed(_good(requests).body, FORM, int(time.time()) + age)


UNSIGNED: dict[str, Callable[[SlackRequests], SignedRequest]] = {
    "foreign secret": lambda _: SlackRequests("not-our-secret").slash_command("hi"),
    # Slack's window is 5 minutes either way; 30 s past it, so a slow machine between signing and
    # checking cannot bring the request back inside it (at +301 a second's delay did).
    "stale timestamp": lambda requests: _resigned(requests, -330),
    "future timestamp": lambda requests: _resigned(requests, +330),
    "no signature": lambda requests: _good(requests).with_headers(X_Slack_Signature=None),
    "no timestamp": lambda requests: _good(requests).with_headers(X_Slack_Request_Timestamp=None),
    "junk timestamp": lambda requests: _good(requests).with_headers(
        X_Slack_Request_Timestamp="soon"
    ),
    "tampered body": lambda requests: SignedRequest(
        _good(requests).body.replace(b"pricing", b"payroll"), _good(requests).headers
    ),
    "malformed and unsigned": lambda _: SignedRequest(b"{not json", {"Content-Type": JSON}),
}


@pytest.mark.parametrize("variant", list(UNSIGNED))
def test_requests_without_a_valid_signature_get_401_and_do_nothing(
    live: LiveRoleFit, variant: str
) -> None:
    status, _, answer = live.post(UNSIGNED[variant](live.requests))
    assert (status, json.loads(answer)) == (401, {"error": "invalid request"})
    assert live.api.calls == []


MALFORMED = {
    "broken JSON": (b'{"type": "event_callback", "event": ', JSON),
    "JSON that is not an object": (b"[1, 2, 3]", JSON),
    "payload that is not JSON": (b"payload=%7Bnot-json", FORM),
    "payload that is a list": (b"payload=%5B1%5D", FORM),
    "not UTF-8": (b"\xff\xfe\xfd", JSON),
    "event that is a string": (b'{"type": "event_callback", "event": "message"}', JSON),
    "actions that are not a list": (b'{"type": "block_actions", "actions": "x"}', JSON),
    "action without an id": (b'payload={"type": "block_actions", "actions": [{}]}', FORM),
    "command without its fields": (b"command=%2Frolefit", FORM),
    "view without a type": (
        b'payload={"type": "view_submission", "view": {"callback_id": "rolefit_ask_modal"}}',
        FORM,
    ),
    "view whose callback_id is a number": (
        b'payload={"type": "view_submission", "view": {"type": "modal", "callback_id": 5}}',
        FORM,
    ),
}


@pytest.mark.parametrize("kind", list(MALFORMED))
def test_signed_but_malformed_bodies_get_400_and_do_nothing(live: LiveRoleFit, kind: str) -> None:
    body, content_type = MALFORMED[kind]
    status, _, answer = live.post(live.requests.signed(body, content_type))
    assert (status, json.loads(answer)) == (400, {"error": "malformed request body"})
    assert live.api.calls == []


def test_an_oversized_body_gets_413(live: LiveRoleFit) -> None:
    body = b"text=" + b"x" * MAX_BODY_BYTES
    status, _, _ = live.post(live.requests.signed(body, FORM))
    assert status == 413


async def test_web_api_calls_share_one_connection_pool_while_serving(
    slack_api: FakeSlackApi,
) -> None:
    app = build_app(settings_for(slack_api.base_url))
    async with shared_http_session(app):
        session = app.client.session
        assert session is not None
        await app.client.auth_test()
    assert app.client.session is None and session.closed


def test_the_procfile_runs_the_web_process_with_our_cli() -> None:
    process, command = (REPO_ROOT / "Procfile").read_text().strip().split(": ", 1)
    assert process == "web"
    program, *arguments = shlex.split(command.replace("$PORT", "5000"))
    assert program == "rolefit"
    args = build_parser().parse_args(arguments)
    assert (args.command, args.port) == ("serve", 5000)


# -- the command itself ------------------------------------------------------------------------


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """No Slack settings in the environment, and no .env in the working directory."""
    for name in (
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_APP_TOKEN",
        "SLACK_API_URL",
        "PORT",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


def test_serve_without_settings_is_one_clear_line(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--port", "0"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "SLACK_BOT_TOKEN" in error and "SLACK_SIGNING_SECRET" in error


@pytest.mark.parametrize("empty", ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"])
def test_an_empty_secret_is_refused_in_one_line(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], empty: str
) -> None:
    clean_env.setenv("SLACK_BOT_TOKEN", TEST_BOT_TOKEN)
    clean_env.setenv("SLACK_SIGNING_SECRET", TEST_SIGNING_SECRET)
    clean_env.setenv(empty, "")
    assert main(["serve", "--host", "127.0.0.1", "--port", "0"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and empty in error


def test_a_bad_port_is_one_clear_line(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clean_env.setenv("PORT", "eighty")
    assert main(["serve"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "PORT is invalid" in error and "eighty" not in error


def test_a_port_in_use_is_one_clear_line(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], slack_api: FakeSlackApi
) -> None:
    clean_env.setenv("SLACK_API_URL", slack_api.base_url)
    clean_env.setenv("SLACK_BOT_TOKEN", TEST_BOT_TOKEN)
    clean_env.setenv("SLACK_SIGNING_SECRET", TEST_SIGNING_SECRET)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert main(["serve", "--host", "127.0.0.1", "--port", str(port)]) == 2
    assert capsys.readouterr().err.startswith(f"rolefit: cannot listen on 127.0.0.1:{port}")


@pytest.mark.parametrize("command", ["serve", "socket"])
def test_a_refused_bot_token_is_one_clear_line_at_start(
    clean_env: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    slack_api: FakeSlackApi,
    command: str,
) -> None:
    slack_api.fail("auth.test", "invalid_auth")
    clean_env.setenv("SLACK_API_URL", slack_api.base_url)
    clean_env.setenv("SLACK_BOT_TOKEN", TEST_BOT_TOKEN)
    clean_env.setenv("SLACK_SIGNING_SECRET", TEST_SIGNING_SECRET)
    clean_env.setenv("SLACK_APP_TOKEN", APP_TOKEN)
    assert main([command]) == 2
    error = capsys.readouterr().err
    assert error == "rolefit: Slack refused SLACK_BOT_TOKEN (invalid_auth); check the bot token\n"


@pytest.mark.parametrize(
    ("app_token", "message"),
    [(None, "SLACK_APP_TOKEN missing"), ("xoxb-not-an-app-token", "starts with xapp-")],
)
def test_socket_mode_needs_an_app_level_token(
    clean_env: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    app_token: str | None,
    message: str,
) -> None:
    clean_env.setenv("SLACK_BOT_TOKEN", TEST_BOT_TOKEN)
    clean_env.setenv("SLACK_SIGNING_SECRET", TEST_SIGNING_SECRET)
    if app_token is not None:
        clean_env.setenv("SLACK_APP_TOKEN", app_token)
    assert main(["socket"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and message in error
    assert TEST_BOT_TOKEN not in error


@pytest.mark.parametrize("command", ["serve", "socket"])
def test_a_broken_overlay_is_one_clear_line(
    clean_env: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    command: str,
) -> None:
    clean_env.setenv("SLACK_BOT_TOKEN", TEST_BOT_TOKEN)
    clean_env.setenv("SLACK_SIGNING_SECRET", TEST_SIGNING_SECRET)
    clean_env.setenv("SLACK_APP_TOKEN", APP_TOKEN)
    clean_env.setenv("ROLEFIT_KNOWLEDGE", str(tmp_path / "missing.yaml"))
    assert main([command, "--port", "0"] if command == "serve" else [command]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert error.startswith("rolefit: broken knowledge:") and "missing.yaml" in error


def test_socket_mode_without_a_route_to_slack_is_one_clear_line(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as closed:
        unreachable = f"http://127.0.0.1:{closed.getsockname()[1]}/api/"
    clean_env.setenv("SLACK_BOT_TOKEN", TEST_BOT_TOKEN)
    clean_env.setenv("SLACK_SIGNING_SECRET", TEST_SIGNING_SECRET)
    clean_env.setenv("SLACK_APP_TOKEN", APP_TOKEN)
    clean_env.setenv("SLACK_API_URL", unreachable)
    assert main(["socket"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("rolefit: cannot reach Slack")
    assert APP_TOKEN not in error and TEST_BOT_TOKEN not in error


def test_slack_failing_for_a_moment_at_start_is_asked_again_and_never_blamed_on_the_token(
    clean_env: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    slack_api: FakeSlackApi,
    tmp_path: Path,
) -> None:
    # an on-call engineer's find: a start during a Slack 5xx said "Slack refused
    # SLACK_BOT_TOKEN (fatal_error); check the bot token"
    clean_env.setenv("SLACK_API_URL", slack_api.base_url)
    clean_env.setenv("SLACK_BOT_TOKEN", TEST_BOT_TOKEN)
    clean_env.setenv("SLACK_SIGNING_SECRET", TEST_SIGNING_SECRET)
    # and a database it cannot use is one line naming why, never a traceback
    clean_env.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/missing-folder/rolefit.db")
    clean_env.setattr("bot.cli.serve._START_PAUSES_SECONDS", (0.01, 0.01, 0.01))  # not 7 s
    slack_api.server_error("auth.test", times=2)
    assert main(["serve", "--host", "127.0.0.1", "--port", "0"]) == 2
    error = capsys.readouterr().err.splitlines()[-1]
    assert error.startswith("rolefit: cannot use the database at DATABASE_URL (")
    slack_api.server_error("auth.test", times=10)
    assert main(["serve", "--host", "127.0.0.1", "--port", "0"]) == 2
    said = capsys.readouterr().err
    assert said.startswith("rolefit: Slack is not answering at start") and "token" not in said


def rolefit(*arguments: str, api: FakeSlackApi, **env: str) -> subprocess.Popen[str]:
    """The real `rolefit` command as a process, configured with test secrets and the stand-in."""
    return subprocess.Popen(
        [str(Path(sys.executable).with_name("rolefit")), *arguments],
        env={
            **os.environ,
            "SLACK_BOT_TOKEN": TEST_BOT_TOKEN,
            "SLACK_SIGNING_SECRET": TEST_SIGNING_SECRET,
            "SLACK_API_URL": api.base_url,
            "DATABASE_URL": f"sqlite:///{tempfile.mkdtemp(prefix='rolefit-')}/rolefit.db",
            **env,
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop(process: subprocess.Popen[str], signal_number: int = signal.SIGINT) -> str:
    """Stop the process as a platform would; returns all it printed, checked to hold no secret.

    uvicorn shuts down gracefully, then re-raises SIGTERM, so dying by it is a clean stop."""
    process.send_signal(signal_number)
    out, err = process.communicate(timeout=10)
    assert process.returncode in (0, -signal_number), err
    for secret in (TEST_BOT_TOKEN, TEST_SIGNING_SECRET, APP_TOKEN):
        assert secret not in out + err
    return out + err


def test_rolefit_serve_runs_the_app_on_a_free_port(slack_api: FakeSlackApi) -> None:
    process = rolefit("serve", "--host", "127.0.0.1", "--port", "0", api=slack_api)
    try:
        assert process.stdout is not None
        announced = process.stdout.readline().strip()
        assert announced.startswith("RoleFit listening on http://127.0.0.1:")
        url = announced.removeprefix("RoleFit listening on ")
        assert int(url.rsplit(":", 1)[1]) > 0
        assert send(url, "GET", "/healthz")[::2] == (200, b"ok")
        dm = SlackRequests(TEST_SIGNING_SECRET).dm("who owns the roadmap?")
        assert send(url, "POST", "/slack/events", dm.body, dm.headers)[0] == 200
        slack_api.wait_for("chat.postMessage")
    finally:
        stop(process, signal.SIGTERM)


def test_rolefit_socket_answers_over_socket_mode(slack_api: FakeSlackApi) -> None:
    process = rolefit("socket", api=slack_api, SLACK_APP_TOKEN=APP_TOKEN)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "RoleFit connected to Slack in Socket Mode"
        [connect] = slack_api.calls_to("apps.connections.open")[-1:]
        assert connect.authorized
        slack_api.wait_for("socket_mode.connect")
        requests = SlackRequests(TEST_SIGNING_SECRET)
        dm = json.loads(requests.dm("who owns the roadmap?").body)
        envelope_id = slack_api.socket_mode_push("events_api", dm)
        [ack] = slack_api.wait_for("socket_mode.ack")
        assert ack.body["envelope_id"] == envelope_id
        [reply] = slack_api.wait_for("chat.postMessage")
        assert reply.body["channel"] == "D_LEADER"
        command = dict(parse_qsl(requests.slash_command("who owns pricing?").body.decode()))
        slack_api.socket_mode_push("slash_commands", command, accepts_response_payload=True)
        answer = slack_api.wait_for("socket_mode.ack", 2)[-1].body
        assert answer["payload"]["text"]
    finally:
        stop(process)


def test_rolefit_socket_stops_at_once_while_slack_s_socket_does_not_answer(
    slack_api: FakeSlackApi,
) -> None:
    # a newcomer's find: while the socket did not answer, SIGTERM and Ctrl-C were ignored and
    # it retried until killed, so a deploy during an outage hung
    slack_api.delay("socket_mode.connect", 30)
    process = rolefit("socket", api=slack_api, SLACK_APP_TOKEN=APP_TOKEN)
    try:
        slack_api.wait_for("apps.connections.open", 2)  # ours, then the SDK's: it is connecting
        started = time.monotonic()
    finally:
        stop(process, signal.SIGTERM)
    assert time.monotonic() - started < 5
    assert not slack_api.calls_to("socket_mode.connect")


def test_rolefit_socket_with_a_refused_token_is_one_clear_line(slack_api: FakeSlackApi) -> None:
    slack_api.fail("apps.connections.open", "invalid_auth")
    process = rolefit("socket", api=slack_api, SLACK_APP_TOKEN=APP_TOKEN)
    _, err = process.communicate(timeout=10)
    assert process.returncode == 2
    assert err.splitlines()[-1] == "rolefit: Slack refused the Socket Mode connection: invalid_auth"
    assert "Traceback" not in err
