"""The Home tab, built from the knowledge base without Slack."""

from __future__ import annotations

import json

from bot.blocks import ids
from bot.blocks.help import EXAMPLE_QUESTIONS
from bot.blocks.home import HOME_BLOCKS_MAX, home_view
from bot.blocks.kit import escape
from knowledge import KnowledgeBase
from tests.bot.blocks.helpers import buttons, rendered
from tests.slack_schemas import assert_valid_view


def staffed(kb: KnowledgeBase, role_id: str, *holders: str) -> KnowledgeBase:
    """The knowledge base as a workspace overlay leaves it: `holders` hold `role_id`."""
    role = kb.roles[role_id].model_copy(update={"holders": list(holders)})
    return kb.model_copy(update={"roles": {**kb.roles, role_id: role}})


def test_home_says_what_rolefit_does_and_what_to_ask(kb: KnowledgeBase) -> None:
    view = home_view(kb)
    assert_valid_view(view)
    assert view["type"] == "home"
    shown = rendered(view)
    assert "Product Owner" in shown and "Product Manager" in shown
    assert "questionnaire" in shown
    assert all(question in shown for question in EXAMPLE_QUESTIONS)
    assert "/rolefit who owns" in shown and "Messages" in shown


def test_home_briefs_each_role_from_the_knowledge_base(kb: KnowledgeBase) -> None:
    shown = rendered(home_view(kb))
    for role in kb.roles.values():
        for text in (role.name, role.summary, role.when_to_hire):
            assert escape(text) in shown


def test_home_offers_the_three_buttons_the_help_message_has(kb: KnowledgeBase) -> None:
    assert [b["action_id"] for b in buttons(home_view(kb))] == [
        ids.OPEN_ASK_MODAL,
        ids.OPEN_QUESTIONNAIRE,
        ids.SHOW_ROLES,
    ]


def test_holders_named_by_the_workspace_are_mentioned(kb: KnowledgeBase) -> None:
    workspace = staffed(staffed(kb, "product-owner", "U0PO"), "product-manager", "U0PM", "S0PMS")
    view = home_view(workspace)
    assert_valid_view(view)
    shown = rendered(view)
    assert "Your PO here: <@U0PO>" in shown
    assert "Your PM here: <@U0PM> and <!subteam^S0PMS>" in shown


def test_without_holders_home_mentions_no_one(kb: KnowledgeBase) -> None:
    text = json.dumps(home_view(kb))
    assert "<@" not in text and "<!" not in text


def test_knowledge_text_is_escaped_and_kept_within_slacks_limits(kb: KnowledgeBase) -> None:
    loud = "<!channel> " + "x" * 5000
    owner = kb.roles["product-owner"].model_copy(update={"summary": loud, "when_to_hire": loud})
    view = home_view(kb.model_copy(update={"roles": {**kb.roles, "product-owner": owner}}))
    assert_valid_view(view)
    assert "<!channel>" not in json.dumps(view)
    assert len(view["blocks"]) <= HOME_BLOCKS_MAX
    assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in view["blocks"])


def test_many_roles_still_fit_the_home_tab(kb: KnowledgeBase) -> None:
    role = kb.roles["product-owner"].model_copy(update={"holders": ["U0PO"]})
    many = {f"role-{n}": role.model_copy(update={"id": f"role-{n}"}) for n in range(80)}
    view = home_view(kb.model_copy(update={"roles": many}))
    assert_valid_view(view)
    assert len(view["blocks"]) == HOME_BLOCKS_MAX
    assert buttons(view), "the buttons come before anything that can be cut"
