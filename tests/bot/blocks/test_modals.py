"""The "Ask a question" form and the answer it becomes."""

from __future__ import annotations

import json

from bot.blocks import ids
from bot.blocks.modals import answer_modal, ask_question_modal
from knowledge import KnowledgeBase, Matcher
from tests.slack_schemas import assert_valid_view


def test_the_form_has_one_question_input_and_remembers_the_channel() -> None:
    view = ask_question_modal("C_GENERAL")
    assert_valid_view(view)
    assert view["callback_id"] == ids.ASK_MODAL
    assert view["private_metadata"] == "C_GENERAL"
    (question,) = [b for b in view["blocks"] if b["type"] == "input"]
    assert question["block_id"] == ids.ASK_INPUT_BLOCK
    assert question["element"]["action_id"] == ids.ASK_INPUT


def test_the_answer_view_shows_the_answer(kb: KnowledgeBase, matcher: Matcher) -> None:
    view = answer_modal(matcher.answer("<!here> who owns the product backlog?"), kb, "C_GENERAL")
    assert_valid_view(view)
    text = json.dumps(view)
    assert "Product Owner" in text and "<!here>" not in text
    assert "submit" not in view  # nothing left to submit: only "Done"
