"""The roles side by side, from the knowledge base."""

from __future__ import annotations

import json

from bot.blocks import ids
from bot.blocks.roles import roles_message
from knowledge import KnowledgeBase
from tests.slack_schemas import assert_valid_blocks


def test_each_role_shows_what_it_owns_and_when_to_hire_it(kb: KnowledgeBase) -> None:
    message = roles_message(kb)
    assert_valid_blocks(message["blocks"])
    columns = [b["fields"] for b in message["blocks"] if "fields" in b]
    assert len(columns) == 2 and all(len(pair) == 2 for pair in columns)
    text = json.dumps(message, ensure_ascii=False)
    for role in kb.roles.values():
        assert role.name in text
        assert role.owns[0] in text
        assert role.when_to_hire in text
    assert ids.OPEN_QUESTIONNAIRE in text
    assert "Product Owner" in message["text"]
    assert ".;" not in message["text"]  # a platform reviewer's find, in the notification


def test_holders_show_under_their_role(kb: KnowledgeBase) -> None:
    owner = kb.roles["product-owner"].model_copy(update={"holders": ["U0PO"]})
    staffed = kb.model_copy(update={"roles": {**kb.roles, "product-owner": owner}})
    assert "_Here: <@U0PO>_" in json.dumps(roles_message(staffed))
