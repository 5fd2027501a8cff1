"""Running the app: HTTP under uvicorn, or Socket Mode; one Web API connection pool either way.

uvloop and httptools are used when installed (uvicorn's "auto"), and plain asyncio otherwise, so
RoleFit runs wherever Python does. `benchmarks/serve.py` measures this set-up against a bare Bolt
app served the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import socket
from collections.abc import AsyncIterator, Callable

import aiohttp
import uvicorn
from slack_bolt.async_app import AsyncApp
from uvicorn.protocols.http.auto import AutoHTTPProtocol

from bot.app import SHUTDOWN_GRACE_SECONDS, serving
from bot.errors import OneLineError
from bot.server.guard import AsgiApp, Receive, Scope, Send
from bot.settings import SlackSettings
from bot.store.store import STORE_FAILURES, cannot_use_the_database


@contextlib.asynccontextmanager
async def shared_http_session(bolt_app: AsyncApp) -> AsyncIterator[None]:
    """Give the app's Web API client one keep-alive aiohttp session while the loop runs.

    Without it the SDK opens and closes a session, so a TCP (and, against Slack, a TLS)
    connection, for every call. Bolt passes this session on to the client it builds for each
    request.
    """
    client = bolt_app.client
    if client.session is not None:
        yield
        return
    session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=client.timeout))
    client.session = session
    try:
        yield
    finally:
        client.session = None
        await session.close()


class StartupFailed(OneLineError):
    """The server could not start serving (its store cannot be used): why, in one line."""


class WithSharedSession:
    """`asgi_app`, holding `shared_http_session` and `serving` (the store and the outbox) from
    start-up to shutdown (ASGI lifespan). A store that cannot be used at start-up fails the
    start-up with `failed` saying why, not with a traceback."""

    def __init__(self, asgi_app: AsgiApp, bolt_app: AsyncApp) -> None:
        self._asgi_app, self._bolt_app = asgi_app, bolt_app
        self.failed: str | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "lifespan":
            await self._asgi_app(scope, receive, send)
            return
        await receive()  # lifespan.startup
        async with contextlib.AsyncExitStack() as held:
            try:
                await held.enter_async_context(shared_http_session(self._bolt_app))
                await held.enter_async_context(serving(self._bolt_app))
            except STORE_FAILURES as error:
                self.failed = cannot_use_the_database(error)
                await send({"type": "lifespan.startup.failed", "message": ""})
                return
            await send({"type": "lifespan.startup.complete"})
            await receive()  # lifespan.shutdown
        await send({"type": "lifespan.shutdown.complete"})


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind before uvicorn starts, so port 0 becomes a real port we can announce."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


class _AnnouncingServer(uvicorn.Server):
    """uvicorn's server, calling `on_ready` once it accepts connections."""

    def __init__(self, config: uvicorn.Config, on_ready: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_ready = on_ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            self._on_ready()


def with_read_deadline(seconds: float) -> type[asyncio.Protocol]:
    """uvicorn's HTTP protocol, closing a connection whose request is not wholly received within
    `seconds` of the connection opening or of the previous response. uvicorn has no read
    timeout of its own, so half-sent requests would otherwise hold a connection for ever."""

    class ReadDeadlineProtocol(AutoHTTPProtocol):  # type: ignore[misc,valid-type]
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            super().connection_made(transport)
            self._arm_read_deadline()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm_read_deadline()

        def connection_lost(self, exc: Exception | None) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
            super().connection_lost(exc)

        def _arm_read_deadline(self) -> None:
            # One timer per connection, holding no request: a finished request must not stay
            # alive for the whole deadline (it did, and full garbage collections grew with it).
            if self._deadline is not None:
                self._deadline.cancel()
            armed = id(self.cycle) if self.cycle is not None else None
            self._deadline = self.loop.call_later(seconds, self._enforce_read_deadline, armed)

        def _enforce_read_deadline(self, armed: int | None) -> None:
            cycle = self.cycle
            current = id(cycle) if cycle is not None else None
            waiting = current == armed or (cycle is not None and cycle.more_body)
            if waiting and not self.transport.is_closing():
                self.transport.close()

    return ReadDeadlineProtocol


def build_server(
    asgi_app: AsgiApp,
    bolt_app: AsyncApp,
    settings: SlackSettings,
    *,
    on_ready: Callable[[], None],
    configure_logging: bool = True,
) -> uvicorn.Server:
    """uvicorn with its fastest loop and parser when installed, a read deadline and a cap on
    connections (503 past it), access log off (tokens never appear)."""
    config = uvicorn.Config(
        WithSharedSession(asgi_app, bolt_app),
        loop="auto",
        http=with_read_deadline(settings.rolefit_read_timeout),
        limit_concurrency=settings.rolefit_max_connections,
        lifespan="on",
        access_log=False,
        log_level="warning",
        log_config=uvicorn.config.LOGGING_CONFIG if configure_logging else None,
        server_header=False,
        timeout_graceful_shutdown=SHUTDOWN_GRACE_SECONDS,
    )
    return _AnnouncingServer(config, on_ready)


# Middle-generation collections between full ones (Python's default is 10, each after 10 young
# ones). A full collection walks every object the caches hold (conversations, recent replies:
# about 100,000 once they fill), 15-50 ms in which no request moves. With the default one came
# every ~1,000 DMs, and benchmarks/serve.py measured a DM ack's p99 at c=32 at 48-114 ms; with
# this, one in 10,000 DMs and 31-32 ms. What dies young (almost everything a request makes) is
# collected as often as before.
MIDDLE_COLLECTIONS_PER_FULL = 100


def settle_the_heap() -> None:
    """Before serving: what start-up built (the knowledge base, the matcher's index) lives as
    long as the process, so it is frozen and no collection walks it again; and full collections
    come a tenth as often (`MIDDLE_COLLECTIONS_PER_FULL`)."""
    gc.collect()
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, MIDDLE_COLLECTIONS_PER_FULL)


def serve(
    asgi_app: AsgiApp, bolt_app: AsyncApp, host: str, port: int, settings: SlackSettings
) -> None:
    """Serve until interrupted, printing "RoleFit listening on http://HOST:PORT" once bound."""
    sock = bind_socket(host, port)
    bound_port = sock.getsockname()[1]
    shown_host = f"[{host}]" if ":" in host else host

    def announce() -> None:
        print(f"RoleFit listening on http://{shown_host}:{bound_port}", flush=True)

    settle_the_heap()
    server = build_server(asgi_app, bolt_app, settings, on_ready=announce)
    lifespan = server.config.app
    with sock:
        try:
            server.run(sockets=[sock])
        except SystemExit:  # uvicorn's own way out of a failed start-up
            if isinstance(lifespan, WithSharedSession) and lifespan.failed:
                raise StartupFailed(lifespan.failed) from None
            raise


def run_socket_mode(bolt_app: AsyncApp, app_token: str) -> None:
    """Socket Mode: the same app, fed over Slack's WebSocket instead of public HTTP."""
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    async def run() -> None:
        # The SDK retries a refused connection forever; ask once first so a bad token is one
        # clear error (SlackApiError) instead of an endless retry log.
        await bolt_app.client.apps_connections_open(app_token=app_token)
        handler = AsyncSocketModeHandler(bolt_app, app_token)
        stop = asyncio.Event()
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            asyncio.get_running_loop().add_signal_handler(signal_number, stop.set)
        async with shared_http_session(bolt_app), serving(bolt_app):
            # The SDK retries a socket that does not answer forever: a stop ends that too.
            connecting = asyncio.ensure_future(handler.connect_async())  # type: ignore[no-untyped-call]
            stopping = asyncio.ensure_future(stop.wait())
            try:
                await asyncio.wait((connecting, stopping), return_when=asyncio.FIRST_COMPLETED)
                if connecting.done():
                    connecting.result()  # its error, if it failed
                    print("RoleFit connected to Slack in Socket Mode", flush=True)
                    await stopping
            finally:
                connecting.cancel()
                stopping.cancel()
                await handler.close_async()  # type: ignore[no-untyped-call]

    settle_the_heap()
    with asyncio.Runner(loop_factory=_fastest_loop()) as runner:
        runner.run(run())


def _fastest_loop() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's event loop when it is installed, else asyncio's own (None)."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop
