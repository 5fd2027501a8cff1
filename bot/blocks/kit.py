"""Block Kit primitives that keep every payload inside Slack's limits and every echo harmless.

Slack rejects a whole message for one over-long field (`invalid_blocks`), and any `<!channel>`
left in mrkdwn pings a channel. So all text passes through here: mrkdwn is escaped and cut to
size, plain text is cut to the limit of the field it lands in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Literal, TypedDict

Block = dict[str, Any]

# Slack's limits (https://api.slack.com/reference/block-kit/blocks and .../surfaces).
SECTION_TEXT_MAX = 3000
FIELD_TEXT_MAX = 2000
HEADER_TEXT_MAX = 150
BUTTON_TEXT_MAX = 75
BUTTON_VALUE_MAX = 2000
MODAL_TITLE_MAX = 24
PRIVATE_METADATA_MAX = 3000
MESSAGE_BLOCKS_MAX = 50
# chat.postMessage asks for at most 4,000 characters of `text`; keep a margin.
FALLBACK_TEXT_MAX = 3000

ELLIPSIS = "…"
_PARTIAL_ENTITY = re.compile(r"&[a-z]{0,4}$")


class Message(TypedDict):
    """A message as chat.postMessage, respond() and ack() take it: blocks plus a plain fallback."""

    text: str
    blocks: list[Block]


def unescape(text: str) -> str:
    """Text as the person typed it: Slack delivers typed `&`, `<` and `>` as entities."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def escape(text: str) -> str:
    """Escape Slack's three control characters so user text can never become a mention or link.

    Slack delivers typed text with `&`, `<` and `>` already escaped, so those entities are read
    back first: the text ends up escaped exactly once ("R&D", never "R&amp;D" on screen)."""
    return unescape(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shorten(text: str, limit: int) -> str:
    """Cut text to `limit` characters, marking the cut; never splits an escape like `&amp;`."""
    if len(text) <= limit:
        return text
    cut = _PARTIAL_ENTITY.sub("", text[: limit - len(ELLIPSIS)])
    return cut + ELLIPSIS


def quote_code(user_text: str, limit: int = 500) -> str:
    """User text for inside a `code span`: quoted, and without backticks, which would end it.
    What was typed stays as typed (nothing in a code span is a mention or a link), so a command
    quoted there can be copied and run as it is."""
    return quote(user_text.replace("`", "'"), limit, typed=str)


# What Slack sends for a person, group, special mention, channel, date or link in a message (as
# opposed to text typed, which arrives escaped): `<@U1|dana>`, `<!here>`, `<#C1|general>`,
# `<https://x|label>`, `<mailto:a@b.c|a@b.c>`. No "<" inside one, so a search stays linear.
SLACK_TOKEN = re.compile(
    r"<([@#!])([^|<>]*)(?:\|([^<>]*))?>|<((?:https?|mailto):[^|<>]+)(?:\|([^<>]*))?>"
)
# After an @ or a # (not a keycap's, "#️⃣"), "://" and "www.": the text can never be read back as
# a mention, a channel or a link, whatever parses it (Slack links bare addresses and may parse
# "@here" in mrkdwn that is not verbatim).
_WORD_JOINER = "\u2060"
_PINGING = frozenset({"here", "channel", "everyone"})
_LINKING = re.compile(r"@|#(?!\ufe0f?\u20e3)|(?<=:/)/|(?<=www)\.", re.IGNORECASE)
# Characters that make text read otherwise than it is (direction overrides, zero-width spaces,
# a word joiner pasted back from an earlier reply): dropped from what is quoted. (The zero-width
# joiner stays: emoji are built with it.)
_MISLEADING = (
    dict.fromkeys(map(ord, "\u200b\u200e\u200f\u061c\ufeff\u2060"), None)
    | dict.fromkeys(range(0x202A, 0x202F))
    | dict.fromkeys(range(0x2066, 0x206A))
)


def _unlinkable(text: str) -> str:
    return _LINKING.sub(lambda found: f"{found.group()}{_WORD_JOINER}", text)


def _readable(found: re.Match[str]) -> str:
    """A Slack token as its readers see it, minus the ping: "@dana", "@here", "#general"."""
    sign, target, label, address, link_label = found.groups()
    if address is not None:
        return _unlinkable(link_label or address.removeprefix("mailto:"))
    if sign == "#":
        return _unlinkable(f"#{label or 'channel'}")
    if sign == "!":
        special = target.split("^")[0]
        if special in _PINGING:
            return _unlinkable(f"@{special}")
        if special == "subteam":
            return _unlinkable(f"@{(label or 'group').lstrip('@')}")
        return _unlinkable(label or special)  # a date, shown as its fallback text
    return _unlinkable(f"@{label or 'someone'}")


def quote(user_text: str, limit: int = 500, *, typed: Callable[[str], str] = _unlinkable) -> str:
    """User text made safe to show inside mrkdwn: one line, escaped, and short. Mentions and
    links Slack sent as tokens are shown as people read them ("@dana", "@here"), never live;
    so is what was typed raw into a form ("@channel", "https://…", which Slack does not turn
    into tokens: `typed` makes it inert), and nothing in it may change the text's direction or
    hide in it."""
    said = user_text.translate(_MISLEADING)
    pieces, start = [], 0
    for token in SLACK_TOKEN.finditer(said):
        pieces += [typed(said[start : token.start()]), _readable(token)]
        start = token.end()
    one_line = " ".join("".join([*pieces, typed(said[start:])]).split())
    return shorten(escape(one_line), limit) if one_line else ELLIPSIS


def plain(text: str, limit: int = SECTION_TEXT_MAX) -> dict[str, Any]:
    """A plain_text object (no mrkdwn parsing, so nothing in it can ping anyone)."""
    return {"type": "plain_text", "text": shorten(text, limit) or ELLIPSIS, "emoji": True}


def mrkdwn(text: str, limit: int = SECTION_TEXT_MAX) -> dict[str, Any]:
    """A mrkdwn object; callers escape user text first (see `quote`)."""
    return {"type": "mrkdwn", "text": shorten(text, limit) or ELLIPSIS}


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text, HEADER_TEXT_MAX)}


def section(text: str, *, block_id: str | None = None) -> Block:
    block: Block = {"type": "section", "text": mrkdwn(text)}
    if block_id:
        block["block_id"] = block_id
    return block


def fields(*texts: str) -> Block:
    """A section of side-by-side mrkdwn fields (Slack shows them in two columns)."""
    return {"type": "section", "fields": [mrkdwn(text, FIELD_TEXT_MAX) for text in texts[:10]]}


def context(text: str) -> Block:
    return {"type": "context", "elements": [mrkdwn(text)]}


def divider() -> Block:
    return {"type": "divider"}


def button(
    text: str,
    action_id: str,
    value: str | None = None,
    style: Literal["primary", "danger"] | None = None,
) -> Block:
    element: Block = {
        "type": "button",
        "text": plain(text, BUTTON_TEXT_MAX),
        "action_id": action_id,
    }
    if value:
        element["value"] = value[:BUTTON_VALUE_MAX]
    if style:
        element["style"] = style
    return element


def actions(block_id: str, *elements: Block) -> Block:
    return {"type": "actions", "block_id": block_id, "elements": list(elements[:25])}


def message(text: str, blocks: list[Block]) -> Message:
    """Assemble a message, enforcing the block count and the fallback length."""
    return {"text": shorten(text, FALLBACK_TEXT_MAX), "blocks": blocks[:MESSAGE_BLOCKS_MAX]}


def submitted_values(view: Mapping[str, Any]) -> Mapping[str, Any]:
    """A submitted view's `state.values`; {} when the payload is not shaped like Slack's."""
    state = view.get("state")
    values = state.get("values") if isinstance(state, Mapping) else None
    return values if isinstance(values, Mapping) else {}


def input_element(values: Mapping[str, Any], block_id: str, action_id: str) -> Mapping[str, Any]:
    """One input's entry in `state.values`. {} for anything malformed, so a bad payload reads as
    unanswered (and gets the form's inline errors) instead of raising into a 500."""
    block = values.get(block_id)
    element = block.get(action_id) if isinstance(block, Mapping) else None
    return element if isinstance(element, Mapping) else {}
