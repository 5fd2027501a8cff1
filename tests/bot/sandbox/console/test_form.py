"""A modal as questions, and the answers as Slack's view.state.values."""

from __future__ import annotations

from typing import Any

import pytest

from bot.sandbox.console.form import REQUIRED_MESSAGE, AnswerError, Form
from bot.sandbox.console.mrkdwn import Style

PLAIN = Style.plain()


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def _option(text: str, value: str) -> dict[str, Any]:
    return {"text": _plain(text), "value": value}


def _input(block_id: str, label: str, element: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "type": "input",
        "block_id": block_id,
        "label": _plain(label),
        "element": element,
        **extra,
    }


STAGES = [_option("Startup", "startup"), _option("Enterprise", "enterprise")]
VIEW = {
    "type": "modal",
    "id": "V1",
    "callback_id": "hiring",
    "title": _plain("Hiring"),
    "submit": _plain("Next"),
    "blocks": [
        {"type": "section", "text": {"type": "mrkdwn", "text": "Step *1* of 2"}},
        _input(
            "stage",
            "Company stage",
            {"type": "radio_buttons", "action_id": "stage", "options": STAGES},
        ),
        _input(
            "needs",
            "What do you need?",
            {
                "type": "multi_static_select",
                "action_id": "needs",
                "option_groups": [
                    {"label": _plain("Delivery"), "options": [_option("Backlog", "backlog")]},
                    {"label": _plain("Business"), "options": [_option("Pricing", "pricing")]},
                ],
            },
            optional=True,
        ),
        _input(
            "notes",
            "Anything else?",
            {"type": "plain_text_input", "action_id": "notes", "max_length": 5},
            optional=True,
        ),
        {
            "type": "actions",
            "elements": [{"type": "button", "text": _plain("Back"), "action_id": "back"}],
        },
    ],
}


def test_questions_and_their_prompts() -> None:
    form = Form.from_view(VIEW)
    assert [q.block_id for q in form.questions] == ["stage", "needs", "notes"]
    stage, needs, notes = form.questions
    assert stage.lines(PLAIN) == ["Company stage", "  1) Startup", "  2) Enterprise"]
    assert stage.prompt() == "Company stage [1-2]"
    assert needs.lines(PLAIN) == [
        "What do you need? (optional — Enter skips)",
        "  Delivery",
        "  1) Backlog",
        "  Business",
        "  2) Pricing",
        "  (numbers separated by commas)",
    ]
    assert notes.prompt() == "Anything else?"


def test_answers_become_state_values() -> None:
    form = Form.from_view(VIEW)
    stage, needs, _notes = form.questions
    form.answers["stage"] = stage.parse("2")
    form.answers["needs"] = needs.parse("2, 1, 2")
    assert form.state_values() == {
        "stage": {
            "stage": {
                "type": "radio_buttons",
                "selected_option": _option("Enterprise", "enterprise"),
            }
        },
        "needs": {
            "needs": {
                "type": "multi_static_select",
                "selected_options": [_option("Pricing", "pricing"), _option("Backlog", "backlog")],
            }
        },
        "notes": {"notes": {"type": "plain_text_input", "value": None}},
    }


def test_options_can_be_named_instead_of_numbered() -> None:
    stage = Form.from_view(VIEW).questions[0]
    assert stage.parse("startup")["selected_option"]["value"] == "startup"


@pytest.mark.parametrize(
    ("index", "answer", "message"),
    [
        (0, "", REQUIRED_MESSAGE),
        (0, "3", "Choose a number from 1 to 2."),
        (1, "1, 9", "Choose a number from 1 to 2."),
        (2, "toolong", "Please enter no more than 5 characters."),
    ],
)
def test_slack_client_checks(index: int, answer: str, message: str) -> None:
    question = Form.from_view(VIEW).questions[index]
    with pytest.raises(AnswerError, match=message):
        question.parse(answer)


def test_optional_fields_can_be_skipped() -> None:
    needs = Form.from_view(VIEW).questions[1]
    assert needs.parse("  ") == {"type": "multi_static_select", "selected_options": []}


def test_initial_values_and_kept_answers() -> None:
    initial = {
        **VIEW,
        "blocks": [
            _input(
                "stage",
                "Company stage",
                {
                    "type": "static_select",
                    "action_id": "stage",
                    "options": STAGES,
                    "initial_option": STAGES[0],
                },
            ),
        ],
    }
    form = Form.from_view(initial)
    assert form.answers["stage"]["selected_option"] == STAGES[0]
    form.answers["stage"] = form.questions[0].parse("2")
    updated = Form.from_view(initial, previous=form)
    assert updated.answers["stage"]["selected_option"] == STAGES[1]


def test_blocks_without_ids_get_stable_ones() -> None:
    view = {
        "type": "modal",
        "title": _plain("x"),
        "blocks": [
            {"type": "input", "label": _plain("Q"), "element": {"type": "plain_text_input"}}
        ],
    }
    form = Form.from_view(view)
    assert form.state_values() == {
        "block-0": {"action-0": {"type": "plain_text_input", "value": None}}
    }


def test_the_intro_holds_text_and_buttons() -> None:
    intro = Form.from_view(VIEW).intro(PLAIN, None, first_number=4)
    assert intro.lines == ["Step 1 of 2", "[4] Back"]
    assert intro.controls[0].block_id == "block-4"
