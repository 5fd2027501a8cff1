"""The real app, served for real: uvicorn on a free loopback port, talking to a Web API stand-in.

Tests post signed requests to `url` the way Slack would and read what the app sent to Slack from
`api`. Everything runs in background threads, so plain (sync) tests drive it.
"""

from __future__ import annotations

import asyncio
import http.client
import tempfile
import threading
import time
from collections.abc import Callable, Coroutine, Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from urllib.parse import urlsplit

from pydantic import SecretStr

from bot.sandbox.payloads import SignedRequest, SlackRequests
from bot.sandbox.slack_api import BackgroundService, FakeSlackApi
from bot.settings import SlackSettings

if TYPE_CHECKING:
    import uvicorn
    from slack_bolt.async_app import AsyncApp

    from bot.deps import Deps
    from knowledge import KnowledgeBase

TEST_BOT_TOKEN = "xoxb-rolefit-test-token"
TEST_SIGNING_SECRET = "rolefit-test-signing-secret"
TEST_CLIENT_SECRET = "rolefit-test-client-secret"
STARTUP_TIMEOUT_SECONDS = 10.0

AppFactory = Callable[[SlackSettings], "AsyncApp"]
Reply = tuple[int, dict[str, str], bytes]
T = TypeVar("T")


def settings_for(
    api_url: str,
    bot_token: str = TEST_BOT_TOKEN,
    signing_secret: str = TEST_SIGNING_SECRET,
    read_timeout: float = 10.0,
    database_url: str | None = None,
    client_id: str | None = None,
) -> SlackSettings:
    """Settings with test secrets, pointing the app at `api_url` (ignores the environment); the
    store is `database_url`, else a new SQLite file in a temporary directory. With `client_id`,
    RoleFit installs with OAuth ("Add to Slack") instead of using one bot token."""
    if database_url is None:
        database_url = f"sqlite:///{tempfile.mkdtemp(prefix='rolefit-')}/rolefit.db"
    return SlackSettings(
        database_url=SecretStr(database_url),
        slack_bot_token=None if client_id else SecretStr(bot_token),
        slack_client_id=client_id,
        slack_client_secret=SecretStr(TEST_CLIENT_SECRET) if client_id else None,
        slack_signing_secret=SecretStr(signing_secret),
        slack_app_token=None,
        slack_api_url=api_url,
        rolefit_knowledge="",
        rolefit_read_timeout=read_timeout,
        _env_file=None,
    )


class LiveRoleFit(BackgroundService):
    """Starts the stand-in and the app (build_app + create_asgi_app under uvicorn); stops both."""

    def __init__(
        self,
        *,
        kb: KnowledgeBase | None = None,
        app_factory: AppFactory | None = None,
        bot_token: str = TEST_BOT_TOKEN,
        signing_secret: str = TEST_SIGNING_SECRET,
        read_timeout: float = 10.0,
        database_url: str | None = None,
        client_id: str | None = None,
    ) -> None:
        self._client_id = client_id
        self._read_timeout = read_timeout
        # A store of its own unless told otherwise, gone when the app stops.
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        if database_url is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="rolefit-")
            database_url = f"sqlite:///{self._scratch.name}/rolefit.db"
        self.database_url = database_url
        self.deps: Deps | None = None
        self._kb = kb
        self._app_factory = app_factory
        self._bot_token = bot_token
        self._signing_secret = signing_secret
        self.api = FakeSlackApi()
        self.requests = SlackRequests(signing_secret)
        self.url = ""
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._resident: set[asyncio.Task[object]] = set()

    def start(self) -> Self:
        from bot.app import deps_of_app
        from bot.server.guard import create_asgi_app
        from bot.server.runners import bind_socket, build_server

        self.api.start()
        try:
            settings = settings_for(
                self.api.base_url,
                self._bot_token,
                self._signing_secret,
                self._read_timeout,
                self.database_url,
                self._client_id,
            )
            bolt_app = self._build(settings)
            self.deps = deps_of_app(bolt_app)
            asgi_app = create_asgi_app(bolt_app, signing_secret=self._signing_secret)
            sock = bind_socket("127.0.0.1", 0)
            self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
            ready = threading.Event()

            def on_ready() -> None:  # runs on the server's loop, before any request
                self._loop = asyncio.get_running_loop()
                self._resident = asyncio.all_tasks()
                ready.set()

            self._server = build_server(
                asgi_app, bolt_app, settings, on_ready=on_ready, configure_logging=False
            )
            self._thread = threading.Thread(
                target=self._server.run,
                kwargs={"sockets": [sock]},
                name="rolefit-live",
                daemon=True,
            )
            self._thread.start()
            if not ready.wait(STARTUP_TIMEOUT_SECONDS):
                raise RuntimeError("the app did not start serving in time")
        except BaseException:
            self.stop()
            raise
        self.requests = SlackRequests(
            self._signing_secret, response_url_base=self.api.response_url("")
        )
        return self

    def _build(self, settings: SlackSettings) -> AsyncApp:
        if self._app_factory is not None:
            return self._app_factory(settings)
        from bot.app import build_app

        return build_app(settings, self._kb)

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join()
        self._server = None
        self._thread = None
        self.api.stop()
        if self._scratch is not None:
            self._scratch.cleanup()

    def call(self, work: Coroutine[Any, Any, T], timeout: float = 10.0) -> T:
        """Run `work` on the app's own loop (say, a store call) and return its result."""
        if self._loop is None:
            raise RuntimeError("start() the app first")
        return asyncio.run_coroutine_threadsafe(work, self._loop).result(timeout)

    def wait_until_idle(self, timeout: float = 5.0) -> None:
        """Block until every request is answered, all work after the ack has finished and the
        outbox has sent everything due: what to wait on (instead of sleeping) before reading
        what the app did after its ack."""
        loop = self._loop
        if loop is None:
            raise RuntimeError("start() the app first")

        async def busy() -> bool:
            current = asyncio.current_task()
            if any(t is not current and t not in self._resident for t in asyncio.all_tasks()):
                return True
            return self.deps is not None and not await self.deps.outbox.idle()

        deadline = time.monotonic() + timeout
        while asyncio.run_coroutine_threadsafe(busy(), loop).result(timeout):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the app was still working after {timeout}s")
            time.sleep(0.001)

    # -- talking to the app ------------------------------------------------------------------

    def post(self, signed: SignedRequest, path: str = "/slack/events") -> Reply:
        """POST a (signed) request as Slack would; returns (status, headers, body)."""
        return send(self.url, "POST", path, signed.body, signed.headers)

    def get(self, path: str, headers: Mapping[str, str] | None = None) -> Reply:
        return send(self.url, "GET", path, headers=headers)


def send(
    base_url: str,
    method: str,
    path: str,
    body: bytes = b"",
    headers: Mapping[str, str] | None = None,
) -> Reply:
    """One HTTP request to a running app (ours or a `rolefit serve` process)."""
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=dict(headers or {}))
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()
