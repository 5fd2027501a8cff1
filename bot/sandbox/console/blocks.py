"""Block Kit (messages and the read-only parts of modals) to terminal lines.

Interactive elements get numbers so a person can click them by typing the number; numbering
continues across the transcript, so the caller passes the next free number in and gets back
the `Control`s it handed out. Pure functions: plain data in, text out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.sandbox.console.mrkdwn import Names, Style, mrkdwn, text_object, visible_len

Json = dict[str, Any]

DIVIDER_WIDTH = 40
FIELD_COLUMN = 38


@dataclass(frozen=True)
class Control:
    """Something clickable on screen: a button, or one option of a select/overflow/radio."""

    number: int
    element: Json
    block_id: str
    option: Json | None = None

    @property
    def label(self) -> str:
        source = self.option if self.option is not None else self.element
        text = source.get("text")
        return str(text.get("text", "")) if isinstance(text, dict) else ""

    def action(self, action_ts: str) -> Json:
        """The `actions[0]` entry Slack sends when this control is used."""
        element = self.element
        action: Json = {
            "type": element.get("type", "button"),
            "action_id": element.get("action_id", ""),
            "block_id": self.block_id,
            "action_ts": action_ts,
        }
        if self.option is not None:
            action["selected_option"] = self.option
        else:
            action["text"] = element.get("text", {"type": "plain_text", "text": ""})
            for key in ("value", "url", "style"):
                if key in element:
                    action[key] = element[key]
        return action


@dataclass
class Rendered:
    """Lines to print and the controls they introduced (numbered from the caller's start)."""

    lines: list[str] = field(default_factory=list)
    controls: list[Control] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


class _Renderer:
    def __init__(self, style: Style, names: Names, first_number: int) -> None:
        self.style = style
        self.names = names
        self.next_number = first_number
        self.out = Rendered()

    def text(self, obj: object) -> str:
        return text_object(obj, self.style, self.names)

    def emit(self, text: str, indent: str = "") -> None:
        self.out.lines.extend(indent + line for line in text.split("\n"))

    def control(self, element: Json, block_id: str, option: Json | None = None) -> str:
        number = self.next_number
        self.next_number += 1
        made = Control(number, element, block_id, option)
        self.out.controls.append(made)
        return self.chip(number, made.label, element.get("style"))

    def chip(self, number: int, label: str, style_name: object = None) -> str:
        shown = f"[{number}] {label}"
        if style_name == "primary":
            return self.style.colour_named(self.style.bold(shown), "green")
        if style_name == "danger":
            return self.style.colour_named(self.style.bold(shown), "red")
        return self.style.bold(shown)

    def element(self, element: Json, block_id: str) -> str:
        """An interactive element inside an actions block or a section accessory."""
        kind = element.get("type")
        if kind == "button":
            chip = self.control(element, block_id)
            url = element.get("url")
            return f"{chip} ↗ {self.style.link(str(url))}" if url else chip
        if kind in {"static_select", "overflow", "radio_buttons"}:
            label = self.text(element.get("placeholder")) or "choose"
            chips = [self.control(element, block_id, option) for option in options_of(element)]
            return f"{self.style.dim(label + ':')} " + "  ".join(chips)
        if kind == "image":
            return self.style.dim(f"[image: {element.get('alt_text', '')}]")
        # Anything else (a multi-select, say) cannot be clicked from a prompt: name it.
        placeholder = self.text(element.get("placeholder"))
        return self.style.dim(f"[{kind}{': ' + placeholder if placeholder else ''}]")

    def block(self, block: Json, index: int) -> None:
        kind = block.get("type")
        block_id = str(block.get("block_id") or f"block-{index}")
        if kind == "header":
            self.emit(self.style.header(self.text(block.get("text"))))
        elif kind == "section":
            self.section(block, block_id)
        elif kind == "context":
            parts = [
                self.style.dim(f"[image: {part.get('alt_text', '')}]")
                if part.get("type") == "image"
                else self.style.dim(self.text(part))
                for part in block.get("elements", [])
            ]
            self.emit(self.style.dim("  ".join(parts)))
        elif kind == "divider":
            self.emit(self.style.dim("─" * DIVIDER_WIDTH))
        elif kind == "actions":
            chips = [self.element(element, block_id) for element in block.get("elements", [])]
            self.emit("  ".join(chips))
        elif kind == "image":
            title = self.text(block.get("title"))
            self.emit(self.style.dim(f"[image: {title or block.get('alt_text', '')}]"))
        elif kind == "markdown":
            self.emit(mrkdwn(str(block.get("text", "")), self.style, self.names))
        elif kind == "rich_text":
            self.emit(rich_text(block, self.style, self.names))
        elif kind == "input":
            self.emit(self.style.dim(f"[input: {self.text(block.get('label'))}]"))
        else:
            self.emit(self.style.dim(f"[{kind} block]"))

    def section(self, block: Json, block_id: str) -> None:
        if block.get("text"):
            self.emit(self.text(block["text"]))
        fields = [self.text(item) for item in block.get("fields", [])]
        for row in _field_rows(fields):
            self.emit(row, indent="  ")
        accessory = block.get("accessory")
        if isinstance(accessory, dict):
            self.emit(self.element(accessory, block_id), indent="  ")


def options_of(element: Json) -> list[Json]:
    """A select's options, option groups flattened in order."""
    options = list(element.get("options", []))
    for group in element.get("option_groups", []):
        options.extend(group.get("options", []))
    return options


def _field_rows(fields: list[str]) -> Iterable[str]:
    """Fields two to a row, as Slack lays them out, when both are short one-liners."""
    for start in range(0, len(fields), 2):
        pair = fields[start : start + 2]
        if len(pair) == 2 and all("\n" not in f and visible_len(f) < FIELD_COLUMN for f in pair):
            left, right = pair
            yield left + " " * (FIELD_COLUMN - visible_len(left)) + right
        else:
            yield from (line for item in pair for line in item.split("\n"))


def rich_text(block: Json, style: Style, names: Names) -> str:
    """The common rich_text shapes: sections, lists, quotes and preformatted text."""
    out: list[str] = []
    for part in block.get("elements", []):
        kind = part.get("type")
        text = "".join(_rich_inline(item, style, names) for item in part.get("elements", []))
        if kind == "rich_text_list":
            out.extend(
                "• " + "".join(_rich_inline(i, style, names) for i in item.get("elements", []))
                for item in part.get("elements", [])
            )
        elif kind == "rich_text_quote":
            out.extend(style.dim("│ ") + line for line in text.split("\n"))
        elif kind == "rich_text_preformatted":
            out.extend(style.code("    " + line) for line in text.split("\n"))
        else:
            out.append(text)
    return "\n".join(out)


def _rich_inline(item: Json, style: Style, names: Names) -> str:
    kind = item.get("type")
    if kind == "text":
        text = str(item.get("text", ""))
        marks = item.get("style") or {}
        if marks.get("code"):
            text = style.code(text)
        if marks.get("bold"):
            text = style.bold(text)
        if marks.get("italic"):
            text = style.italic(text)
        if marks.get("strike"):
            text = style.strike(text)
        return text
    if kind == "link":
        label, url = item.get("text"), str(item.get("url", ""))
        return f"{style.link(str(label))} ({url})" if label else style.link(url)
    if kind == "user":
        return style.mention("@" + names.user(str(item.get("user_id", ""))))
    if kind == "channel":
        return style.mention("#" + names.channel(str(item.get("channel_id", ""))))
    if kind == "broadcast":
        return style.mention("@" + str(item.get("range", "")))
    if kind == "emoji":
        return f":{item.get('name', '')}:"
    return str(item.get("text", ""))


def render_blocks(
    blocks: list[Json], style: Style, names: Names | None = None, first_number: int = 1
) -> Rendered:
    """Blocks as lines; interactive elements numbered from `first_number`."""
    renderer = _Renderer(style, names or Names(), first_number)
    for index, block in enumerate(blocks):
        if isinstance(block, dict):
            renderer.block(block, index)
    return renderer.out


def render_message(
    message: Json, style: Style, names: Names | None = None, first_number: int = 1
) -> Rendered:
    """A message body as Slack shows it: its blocks, else its text; then any attachments."""
    names = names or Names()
    blocks = message.get("blocks")
    if isinstance(blocks, str):  # the Web API accepts blocks as a JSON string too
        blocks = json.loads(blocks)
    if blocks:
        rendered = render_blocks(blocks, style, names, first_number)
    else:
        rendered = Rendered(lines=mrkdwn(str(message.get("text") or ""), style, names).split("\n"))
    for attachment in message.get("attachments") or []:
        inner = render_message(attachment, style, names, first_number + len(rendered.controls))
        rendered.lines.extend(style.dim("┃ ") + line for line in inner.lines)
        rendered.controls.extend(inner.controls)
    return rendered
