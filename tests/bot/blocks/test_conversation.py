"""A conversation's reply as Slack shows it: what the person reads, whichever blocks carry it."""

from __future__ import annotations

import pytest

from bot.blocks.conversation import conversation_message
from knowledge import KnowledgeBase, Matcher
from knowledge.dialogue import Chat
from tests.bot.blocks.helpers import rendered
from tests.slack_schemas import assert_valid_blocks

NOTE = "A note first: here PM means Product Manager."


@pytest.mark.parametrize(
    "question",
    [
        "whats the difference between a PM and a project manager",  # the roles side by side
        "who owns the backlog, the PO or the project manager?",  # an answer
        "what can you do? I'm a project manager",  # the help
        "we're 5 people building an MVP in scrum, the backlog is a mess. project manager or PO?",
    ],
)
def test_a_note_on_project_managers_shows_whatever_the_reply(
    kb: KnowledgeBase, matcher: Matcher, question: str
) -> None:
    message = conversation_message(Chat(kb, matcher).reply(question), kb)
    assert_valid_blocks(message["blocks"])
    assert rendered(message["blocks"]).count(NOTE) == 1
    assert message["text"].startswith(NOTE)
    assert f"*{NOTE}" not in rendered(message["blocks"])  # its own block, not bold in a headline


def test_which_role_is_senior_is_noted_before_the_roles(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    message = conversation_message(Chat(kb, matcher).reply("which is more senior?"), kb)
    assert_valid_blocks(message["blocks"])
    assert message["blocks"][0]["text"]["text"].startswith("The article never ranks the two roles")


def test_the_roles_asked_for_in_a_line_get_a_line_not_the_card(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    # found by a founder-style tester: "PO vs PM in one line" got the 25-line comparison card
    message = conversation_message(Chat(kb, matcher).reply("PO vs PM in one line"), kb)
    assert_valid_blocks(message["blocks"])
    (block,) = message["blocks"]
    assert block["text"]["text"].startswith("In a line: the Product Owner delivers the product")
