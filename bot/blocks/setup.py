"""A workspace's set-up, as its admins see it: who holds each role here (on the Home tab, with a
button to change it) and the small modal that changes it."""

from __future__ import annotations

from typing import Any

from bot.blocks import ids
from bot.blocks.answer import holder_mentions
from bot.blocks.kit import MODAL_TITLE_MAX, Block, button, context, divider, escape, plain, section
from knowledge import KnowledgeBase

View = dict[str, Any]
# Slack's multi_users_select holds people only; user groups set with `/rolefit set` are kept.
_PEOPLE = ("U", "W")
# People named for one role at most: every answer about the role mentions each of them (a tester
# named 60).
MOST_HOLDERS = 5


def holders_block_id(role_id: str) -> str:
    return f"{ids.HOLDERS_BLOCK_PREFIX}{role_id}"


def setup_blocks(kb: KnowledgeBase) -> list[Block]:
    """The Home tab's set-up section, for admins: the holders, how to change them, and how to
    teach a phrasing."""
    lines = [
        f"• {escape(role.name)}: {holder_mentions(role.holders) or '_nobody named yet_'}"
        for role in kb.roles.values()
    ]
    who = section("*Who holds each role here* (admins see this)\n" + "\n".join(lines))
    who["accessory"] = button("Change", ids.OPEN_HOLDERS_MODAL, "holders")
    return [
        divider(),
        who,
        context(
            "Answers here name them: “here that's …”. Or type `/rolefit set product-owner @dana`; "
            "teach a way your people say some work with `/rolefit teach po-backlog : the big wall`."
        ),
    ]


def holders_modal(kb: KnowledgeBase) -> View:
    """A people picker per role, filled with today's holders; submitted, it replaces them."""
    blocks: list[Block] = []
    for role in kb.roles.values():
        element: dict[str, Any] = {
            "type": "multi_users_select",
            "action_id": ids.HOLDERS_INPUT,
            "placeholder": plain("Pick people", 150),
            "max_selected_items": MOST_HOLDERS,
        }
        people = [h for h in role.holders if h.startswith(_PEOPLE)]
        if people:
            element["initial_users"] = people[:MOST_HOLDERS]
        blocks.append(
            {
                "type": "input",
                "block_id": holders_block_id(role.id),
                "optional": True,
                "label": plain(role.name, 2000),
                "element": element,
            }
        )
    blocks.append(context("Leave a role empty to name nobody. User groups set by command stay."))
    return {
        "type": "modal",
        "callback_id": ids.HOLDERS_MODAL,
        "title": plain("Role holders", MODAL_TITLE_MAX),
        "submit": plain("Save", MODAL_TITLE_MAX),
        "close": plain("Cancel", MODAL_TITLE_MAX),
        "blocks": blocks,
    }
