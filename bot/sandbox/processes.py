"""Real `rolefit serve` processes, as a platform runs them, pointed at a Web API stand-in and a
database: for the scale-out and crash tests and the soak benchmark. Each binds a free port and is
stopped as a platform stops it (SIGTERM), or killed (SIGKILL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Self

from bot.sandbox.live import TEST_BOT_TOKEN, TEST_SIGNING_SECRET, Reply, send
from bot.sandbox.payloads import SignedRequest, SlackRequests
from bot.sandbox.slack_api import BackgroundService, FakeSlackApi

ANNOUNCEMENT = "RoleFit listening on "


class ServeProcess(BackgroundService):
    """`rolefit serve --port 0` in a child process; `url` once it listens."""

    def __init__(
        self,
        api: FakeSlackApi,
        database_url: str,
        *,
        signing_secret: str = TEST_SIGNING_SECRET,
        env: Mapping[str, str] | None = None,
        start_timeout: float = 30.0,
    ) -> None:
        self.api = api
        self.database_url = database_url
        self.requests = SlackRequests(signing_secret, response_url_base=api.response_url(""))
        self._signing_secret = signing_secret
        self._env = dict(env or {})
        self._start_timeout = start_timeout
        self.url = ""
        self.output: list[str] = []  # everything it printed, stdout and stderr
        self._process: subprocess.Popen[str] | None = None

    def start(self) -> Self:
        rolefit = Path(sys.executable).with_name("rolefit")
        self._process = subprocess.Popen(
            [str(rolefit), "serve", "--host", "127.0.0.1", "--port", "0"],
            env={
                **os.environ,
                "SLACK_BOT_TOKEN": TEST_BOT_TOKEN,
                "SLACK_SIGNING_SECRET": self._signing_secret,
                "SLACK_API_URL": self.api.base_url,
                "DATABASE_URL": self.database_url,
                **self._env,
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        listening = threading.Event()
        threading.Thread(target=self._read, args=(listening,), daemon=True).start()
        if not listening.wait(self._start_timeout) or not self.url:
            self.kill()
            raise RuntimeError("rolefit serve did not start:\n" + "".join(self.output))
        return self

    def _read(self, listening: threading.Event) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            self.output.append(line)
            if line.startswith(ANNOUNCEMENT) and not self.url:
                self.url = line.removeprefix(ANNOUNCEMENT).strip()
                listening.set()
        listening.set()  # it exited

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    def post(self, signed: SignedRequest, path: str = "/slack/events") -> Reply:
        return send(self.url, "POST", path, signed.body, signed.headers)

    def stop(self, signal_number: int = signal.SIGTERM, timeout: float = 30.0) -> None:
        """Signal it and wait for it to exit."""
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.send_signal(signal_number)
        self._process.wait(timeout)
        self._process = None

    def kill(self) -> None:
        """SIGKILL: no shutdown at all, as when a machine dies."""
        self.stop(signal.SIGKILL)
