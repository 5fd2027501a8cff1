"""Slack mrkdwn to terminal text: *bold*, _italic_, ~strike~, `code`, links, mentions, entities.

A `Style` decides how emphasis looks: ANSI escapes on a terminal, nothing when piped (so a
transcript reads cleanly in a file or a test). Everything here is a pure function of its input.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

_RESET = "\x1b[0m"


@dataclass(frozen=True)
class Style:
    """How emphasis is shown. `Style.plain()` for pipes and files, `Style.ansi()` for a TTY."""

    colour: bool = False

    @classmethod
    def plain(cls) -> Style:
        return cls(colour=False)

    @classmethod
    def ansi(cls) -> Style:
        return cls(colour=True)

    def _wrap(self, text: str, start: str, end: str) -> str:
        return f"\x1b[{start}m{text}\x1b[{end}m" if self.colour and text else text

    def bold(self, text: str) -> str:
        return self._wrap(text, "1", "22")

    def header(self, text: str) -> str:
        return self._wrap(text, "1;4", "22;24") if self.colour else f"== {text} =="

    def italic(self, text: str) -> str:
        return self._wrap(text, "3", "23")

    def strike(self, text: str) -> str:
        # Without colour the tildes are the only way to say "struck out", so they stay.
        return self._wrap(text, "9", "29") if self.colour else f"~{text}~"

    def code(self, text: str) -> str:
        return self._wrap(text, "36", "39") if self.colour else f"`{text}`"

    def link(self, text: str) -> str:
        return self._wrap(text, "4;34", "24;39")

    def mention(self, text: str) -> str:
        return self._wrap(text, "1;35", "22;39")

    def dim(self, text: str) -> str:
        return self._wrap(text, "2", "22")

    def colour_named(self, text: str, name: str) -> str:
        codes = {"green": "32", "red": "31", "yellow": "33", "cyan": "36", "magenta": "35"}
        return self._wrap(text, codes[name], "39") if name in codes else text


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def visible_len(text: str) -> int:
    """Width of text as shown, ignoring ANSI escapes."""
    return len(_ANSI.sub("", text))


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


@dataclass
class Names:
    """Display names for ids the console knows (the person, RoleFit, channels it has joined)."""

    users: dict[str, str] = field(default_factory=dict)
    channels: dict[str, str] = field(default_factory=dict)

    def user(self, user_id: str) -> str:
        return self.users.get(user_id, user_id)

    def channel(self, channel_id: str) -> str:
        return self.channels.get(channel_id, channel_id)


def decode_entities(text: str) -> str:
    """Slack escapes only &, < and > (https://api.slack.com/reference/surfaces/formatting#escaping);
    &amp; goes last so "&amp;lt;" stays "&lt;"."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


# Emphasis opens after a non-word character and closes before one, as Slack's parser does,
# so snake_case words and 2*3*4 stay untouched.
_EMPHASIS = {
    "*": re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"),
    "_": re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"),
    "~": re.compile(r"(?<![\w~])~(?=\S)([^~\n]+?)(?<=\S)~(?![\w~])"),
}
_CODE = re.compile(r"```(.*?)```|`([^`\n]+)`", re.DOTALL)
_TOKEN = re.compile(r"<([^<>\n]+)>")
# Private-use characters mark a placeholder for an already rendered piece.
_HOLD = re.compile("\ue000(\\d+)\ue001")


def _render_token(inner: str, style: Style, names: Names) -> str:
    """One angle-bracket token: a mention, a channel, a special mention, a date or a link."""
    target, _, label = inner.partition("|")
    if target.startswith("@"):
        return style.mention("@" + (label or names.user(target[1:])))
    if target.startswith("#"):
        return style.mention("#" + (label or names.channel(target[1:])))
    if target.startswith("!subteam^"):
        return style.mention(label or "@" + target.removeprefix("!subteam^"))
    if target.startswith("!date^"):
        return label or target
    if target.startswith("!"):
        return style.mention("@" + target[1:])
    url = decode_entities(target)
    shown = url.removeprefix("mailto:")
    if not label or decode_entities(label) == shown:
        return style.link(shown)
    return f"{style.link(decode_entities(label))} ({shown})"


def _render_prose(text: str, style: Style, names: Names, held: list[str]) -> str:
    """Text outside code: tokens first (held aside), then emphasis, then entities."""

    def hold(rendered: str) -> str:
        held.append(rendered)
        return f"\ue000{len(held) - 1}\ue001"

    text = _TOKEN.sub(lambda m: hold(_render_token(m.group(1), style, names)), text)
    text = decode_entities(text)
    emphasis: dict[str, Callable[[str], str]] = {
        "*": style.bold,
        "_": style.italic,
        "~": style.strike,
    }
    for marker, pattern in _EMPHASIS.items():
        text = _apply(pattern, emphasis[marker], text)
    return text


def _apply(pattern: re.Pattern[str], decorate: Callable[[str], str], text: str) -> str:
    return pattern.sub(lambda match: decorate(match.group(1)), text)


def mrkdwn(text: str, style: Style, names: Names | None = None) -> str:
    """Render one mrkdwn string for a terminal."""
    names = names or Names()
    held: list[str] = []
    pieces: list[str] = []
    position = 0
    for match in _CODE.finditer(text):
        pieces.append(_render_prose(text[position : match.start()], style, names, held))
        block, inline = match.group(1), match.group(2)
        if block is not None:
            lines = decode_entities(block.strip("\n")).splitlines() or [""]
            pieces.append("\n".join(style.code("    " + line) for line in lines))
        else:
            pieces.append(style.code(decode_entities(inline)))
        position = match.end()
    pieces.append(_render_prose(text[position:], style, names, held))
    joined = "".join(pieces)
    while _HOLD.search(joined):
        joined = _HOLD.sub(lambda m: held[int(m.group(1))], joined)
    return _quote_lines(joined, style)


def _quote_lines(text: str, style: Style) -> str:
    """Slack shows lines starting with ">" as a quote; a bar reads the same in a terminal."""
    return "\n".join(
        style.dim("│ ") + line[1:].lstrip() if line.startswith(">") else line
        for line in text.split("\n")
    )


def text_object(obj: object, style: Style, names: Names | None = None) -> str:
    """A Block Kit text object (plain_text or mrkdwn) as terminal text."""
    if not isinstance(obj, dict):
        return "" if obj is None else str(obj)
    text = str(obj.get("text", ""))
    if obj.get("type") == "mrkdwn":
        return mrkdwn(text, style, names)
    return text
