"""Reading messages the way a person sees them, for assertions in the bot tests."""

from __future__ import annotations

from typing import Any


def rendered(node: object) -> str:
    """Everything Slack would display: all text, but not button values (never shown)."""
    if isinstance(node, dict):
        return " ".join(rendered(v) for k, v in node.items() if k != "value")
    if isinstance(node, list):
        return " ".join(rendered(v) for v in node)
    return node if isinstance(node, str) else ""


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    """The buttons of a message or view, in order."""
    return [
        element
        for block in message.get("blocks", [])
        if block["type"] == "actions"
        for element in block["elements"]
    ]


def button(message: dict[str, Any], action_id: str) -> dict[str, Any]:
    """The one button with this action_id."""
    (found,) = [b for b in buttons(message) if b["action_id"] == action_id]
    return found
