"""What several `rolefit` subcommands share: the knowledge base, loaded with one-line errors, and
lenient reading of input lines."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from bot.cli.errors import CliError

if TYPE_CHECKING:
    from knowledge import KnowledgeBase, Matcher

# C0 and C1 control characters but tab and newline: ESC sequences could recolour, move or retitle
# a terminal, so text a person typed is never printed with them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def load_matcher() -> tuple[Matcher, KnowledgeBase]:
    """The matcher over built-in knowledge plus ROLEFIT_KNOWLEDGE overlays; one-line errors."""
    from bot.settings import KnowledgeSettings, load_settings
    from knowledge.index_cache import matcher_for

    settings = load_settings(KnowledgeSettings)
    kb = load_knowledge_base(settings.overlay_paths)
    return matcher_for(kb, settings.index_cache), kb


def load_knowledge_base(overlays: Sequence[Path] | None = None) -> KnowledgeBase:
    """Built-in knowledge plus `overlays` (default: ROLEFIT_KNOWLEDGE's). Every command that
    loads knowledge comes here, so a broken overlay is one `CliError` line, never a traceback."""
    from bot.settings import KnowledgeSettings, load_settings
    from knowledge import KnowledgeError, load_knowledge

    if overlays is None:
        overlays = load_settings(KnowledgeSettings).overlay_paths
    try:
        return load_knowledge(overlays)
    except KnowledgeError as error:
        more = len(error.problems) - 1
        extra = f" (and {more} more; run `rolefit knowledge validate`)" if more else ""
        raise CliError(f"broken knowledge: {error.problems[0]}{extra}") from None


def read_lines(stream: BinaryIO) -> Iterator[str]:
    """Each `\\n`-separated line, decoded leniently: other separators (form feed, U+2028, …)
    stay inside their line and undecodable bytes become U+FFFD, so every line gets an answer."""
    for raw in stream:
        line = raw[:-1] if raw.endswith(b"\n") else raw
        yield line.removesuffix(b"\r").decode("utf-8", errors="replace")


def printable(text: str) -> str:
    """`text` safe to print on a terminal: control characters become U+FFFD."""
    return _CONTROL.sub("\ufffd", text)
