"""Logging for a service people operate: levels, timestamps, the Slack ids a line is about, and
JSON lines when nobody is watching a terminal (log collectors parse them as they are).

The ids come from a context variable that `TagLogs` (bot.middleware) sets for each request;
work after the acknowledgement runs in a task that inherits it. Message text never goes into a
log at info or above, and anything shaped like a Slack token is masked as a last guard.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

REQUEST_IDS: ContextVar[dict[str, str] | None] = ContextVar("rolefit_request_ids", default=None)
_TOKEN_SHAPES = re.compile(r"\b(?:xox[abeoprs]|xapp)-[A-Za-z0-9-]+")


class TagWithRequestIds(logging.Filter):
    """Adds the current request's Slack ids to every record, and masks token-shaped text."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.slack = REQUEST_IDS.get() or {}
        message = record.getMessage()
        if _TOKEN_SHAPES.search(message):
            record.msg, record.args = _TOKEN_SHAPES.sub("[token]", message), None
        return True


class JsonLines(logging.Formatter):
    """One JSON object a line: time, level, logger, message, Slack ids, exception."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            **getattr(record, "slack", {}),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


class Text(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s: %(message)s%(ids)s")

    def format(self, record: logging.LogRecord) -> str:
        ids = getattr(record, "slack", {})
        record.ids = "".join(f" {key}={value}" for key, value in ids.items())
        return super().format(record)


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever `sys.stderr` is at the time, not the stream it was created with."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def configure_logging(level: str, *, as_json: bool | None = None) -> None:
    """Log to stderr at `level`: JSON lines unless stderr is a terminal (or `as_json` says).
    Calling it again replaces RoleFit's handler; other handlers are left alone."""
    handler = _Stderr()
    json_lines = not sys.stderr.isatty() if as_json is None else as_json
    handler.setFormatter(JsonLines() if json_lines else Text())
    handler.addFilter(TagWithRequestIds())
    root = logging.getLogger()
    root.handlers[:] = [*(h for h in root.handlers if not isinstance(h, _Stderr)), handler]
    root.setLevel(level)
    # uvicorn's own loggers carry handlers of their own; send them through ours instead.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
    logging.getLogger("uvicorn.access").disabled = True
