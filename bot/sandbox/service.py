"""Servers the sandbox runs behind a test or the console, each in a background thread so plain
synchronous code can drive them: `with` starts one and stops it.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from types import TracebackType
from typing import Self

from aiohttp import web


class BackgroundService:
    """Something served from a background thread: `with` starts it and stops it."""

    def start(self) -> Self:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


class LoopbackServer(BackgroundService):
    """An aiohttp app on 127.0.0.1 (a free port) with its own thread and event loop."""

    description = "the loopback server"

    def __init__(self) -> None:
        self._socket: socket.socket | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def add_routes(self, app: web.Application) -> None:
        """What the server answers; subclasses add their routes."""
        raise NotImplementedError

    def start(self) -> Self:
        """Bind 127.0.0.1 on a free port and serve from a background thread; returns self."""
        if self._thread is not None:
            return self
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        ready = threading.Event()
        failure: list[BaseException] = []
        self._thread = threading.Thread(
            target=self._serve, args=(ready, failure), name=self.description, daemon=True
        )
        self._thread.start()
        ready.wait()
        if failure:
            self._thread.join()
            self._thread = None
            raise RuntimeError(f"{self.description} could not start") from failure[0]
        return self

    def stop(self) -> None:
        """Stop serving and release the port. Safe to call twice."""
        if self._thread is None or self._loop is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._thread = None

    def _serve(self, ready: threading.Event, failure: list[BaseException]) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        app = web.Application()
        self.add_routes(app)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        try:
            loop.run_until_complete(runner.setup())
            assert self._socket is not None
            loop.run_until_complete(web.SockSite(runner, self._socket).start())
        except BaseException as error:
            failure.append(error)
            ready.set()
            loop.close()
            return
        ready.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    @property
    def url(self) -> str:
        """The server's root, e.g. "http://127.0.0.1:PORT"."""
        if self._socket is None:
            raise RuntimeError(f"start() {self.description} first")
        host, port = self._socket.getsockname()[:2]
        return f"http://{host}:{port}"
