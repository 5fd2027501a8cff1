"""Where the console reads the person's lines and writes the transcript.

A terminal gets prompts and line editing; a pipe or file gets no prompts and each line echoed,
so a scripted session reads as a transcript. Whatever is written is redacted first: the console's
secrets are made up, but they must never show.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from typing import Any, Protocol, TextIO

from bot.sandbox.console.mrkdwn import Style

_SECRET_SHAPES = re.compile(r"xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+")


class Lines(Protocol):
    """Where the person's lines come from: None means end of input."""

    def read(self, prompt: str) -> str | None: ...


class TerminalLines:
    """A person at a TTY: a prompt, line editing and history (readline when available)."""

    def __init__(self) -> None:
        self._readline = False
        # Importing readline gives input() line editing and history (absent on Windows).
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401

            self._readline = True

    def read(self, prompt: str) -> str | None:
        if self._readline:  # mark colour codes as zero-width, or line editing miscounts
            prompt = re.sub(r"(\x1b\[[0-9;]*m)", "\x01\\1\x02", prompt)
        try:
            return input(prompt)
        except EOFError:
            print()
            return None


class ScriptLines:
    """Lines from a pipe or file: no prompts; each line is echoed as `> line` for the transcript."""

    def __init__(self, stream: TextIO, echo: Callable[[str], None] | None) -> None:
        self._stream = stream
        self._echo = echo

    def read(self, prompt: str) -> str | None:
        line = self._stream.readline()
        if not line:
            return None
        line = line.rstrip("\r\n")
        if self._echo is not None:
            self._echo(line)
        return line


class Output:
    """The transcript: text lines or JSON lines, never a token or secret."""

    def __init__(self, stream: TextIO, style: Style, secrets: list[str]) -> None:
        self.stream = stream
        self.style = style
        self._secrets = [secret for secret in secrets if secret]

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        return _SECRET_SHAPES.sub("[redacted]", text)

    def line(self, text: str = "") -> None:
        self.stream.write(self.redact(text) + "\n")
        self.stream.flush()

    def lines(self, texts: list[str], indent: str = "") -> None:
        self.line("\n".join(indent + text for text in texts))

    def json(self, record: dict[str, Any]) -> None:
        self.line(json.dumps(record, ensure_ascii=False, default=str))
