"""Help: what RoleFit does, what to ask, and a button for each thing it offers."""

from __future__ import annotations

import json

from bot.blocks import ids
from bot.blocks.help import help_message
from tests.slack_schemas import assert_valid_blocks


def test_help_explains_and_offers_the_three_buttons() -> None:
    message = help_message()
    assert_valid_blocks(message["blocks"])
    text = json.dumps(message)
    assert "Product Owner" in text and "Product Manager" in text
    assert "/rolefit roles" in text and "/rolefit hire" in text
    actions = [b for b in message["blocks"] if b["type"] == "actions"]
    assert [e["action_id"] for e in actions[0]["elements"]] == [
        ids.OPEN_ASK_MODAL,
        ids.OPEN_QUESTIONNAIRE,
        ids.SHOW_ROLES,
    ]
    assert message["text"]


def test_an_unknown_word_gets_a_did_you_mean() -> None:
    message = help_message(unknown="rols", suggestion="roles")
    assert_valid_blocks(message["blocks"])
    assert "I don't know `rols`. Did you mean `/rolefit roles`?" in json.dumps(message)
    assert message["text"].startswith("Did you mean /rolefit roles?")


def test_the_unknown_word_is_escaped() -> None:
    message = help_message(unknown="<!channel>" * 100)
    assert_valid_blocks(message["blocks"])
    assert "<!channel>" not in json.dumps(message)


def test_a_backtick_cannot_end_the_code_span_around_the_unknown_word() -> None:
    message = help_message(unknown="x` <!channel> `y")
    shown = json.dumps(message)
    assert "<!channel>" not in shown and "x` " not in shown
