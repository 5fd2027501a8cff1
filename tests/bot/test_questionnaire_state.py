"""The questionnaire's state: made where a flow starts, carried in private_metadata, and read
from what the user entered on each step."""

from __future__ import annotations

from typing import Any

import pytest

from bot.questionnaire_state import (
    ANYTHING_ELSE_MAX,
    NEEDS_SELECTED_MAX,
    QuestionnaireState,
    StateError,
)
from knowledge.questionnaire import (
    ANYTHING_ELSE,
    COMPANY_STAGE,
    EXISTING_ROLES,
    GOAL,
    HEADCOUNT,
    NEEDS,
    USES_SCRUM,
)

ANSWERED = {
    "company_stage": "scale-up",
    "headcount": 2,
    "goal": "both",
    "uses_scrum": True,
    "needs": ["po-backlog", "pm-go-to-market"],
    "anything_else": "pricing, supplier deals",
}


def fresh(channel: str = "C_GENERAL", name: str = "general") -> QuestionnaireState:
    return QuestionnaireState.start(channel, "U_LEADER", name)


def answered(**changes: Any) -> QuestionnaireState:
    return fresh().model_copy(update={**ANSWERED, **changes})


# -- the state in private_metadata -----------------------------------------------------------


def test_origin_kind_follows_where_the_flow_started() -> None:
    assert fresh("C_GENERAL").origin == "channel"
    assert fresh("G_SECRET").origin == "channel"
    assert fresh("D_LEADER", "directmessage").origin == "dm"
    assert fresh("").origin == "home"
    assert fresh("D_LEADER", "directmessage").channel_name == ""


@pytest.mark.parametrize("placeholder", ["privategroup", "mpdm-ann--bob-1"])
def test_slacks_placeholder_channel_names_are_not_shown(placeholder: str) -> None:
    assert fresh("G_SECRET", placeholder).channel_name == ""
    assert fresh("C_GENERAL", "general").channel_name == "general"


def test_state_survives_the_round_trip_through_private_metadata() -> None:
    state = answered(existing_roles=["product-owner"], headcount=1)
    assert QuestionnaireState.decode(state.encode()) == state


def test_each_flow_gets_its_own_id() -> None:
    assert fresh().flow != fresh().flow


@pytest.mark.parametrize(
    "metadata", ["", "not json", '{"u": "U1"}', '{"f":"x","u":"U","o":"mars"}']
)
def test_unreadable_metadata_is_a_state_error(metadata: str) -> None:
    with pytest.raises(StateError):
        QuestionnaireState.decode(metadata)


def test_answers_turn_free_text_into_separate_needs() -> None:
    answers = answered(anything_else="pricing, supplier deals;\n\n  writing specs ").answers()
    assert answers.needs == [
        "po-backlog",
        "pm-go-to-market",
        "pricing",
        "supplier deals",
        "writing specs",
    ]


# -- reading what the user entered -----------------------------------------------------------


def radio(value: str) -> dict[str, Any]:
    return {"type": "radio_buttons", "selected_option": {"value": value}}


def test_values_are_read_per_step_and_missing_ones_stay_unset() -> None:
    values = {
        COMPANY_STAGE: {COMPANY_STAGE: radio("startup")},
        HEADCOUNT: {HEADCOUNT: {"type": "radio_buttons", "selected_option": None}},
        EXISTING_ROLES: {EXISTING_ROLES: {"type": "checkboxes", "selected_options": []}},
    }
    state = fresh().with_values("company", values)
    assert (state.company_stage, state.headcount, state.existing_roles) == ("startup", None, [])
    assert state.with_values("work", {}).goal is None


def test_free_text_and_selections_are_bounded_so_the_state_stays_small() -> None:
    values = {
        NEEDS: {
            NEEDS: {
                "selected_options": [{"value": f"need-{n}"} for n in range(NEEDS_SELECTED_MAX + 5)]
            }
        },
        ANYTHING_ELSE: {ANYTHING_ELSE: {"type": "plain_text_input", "value": "x" * 5000}},
    }
    state = fresh().with_values("needs", values)
    assert len(state.needs) == NEEDS_SELECTED_MAX
    assert len(state.anything_else) == ANYTHING_ELSE_MAX


def checked(*values: str) -> dict[str, Any]:
    return {"type": "checkboxes", "selected_options": [{"value": value} for value in values]}


def test_option_values_become_the_advisors_answers_and_unknown_ones_are_dropped() -> None:
    company = {
        COMPANY_STAGE: {COMPANY_STAGE: radio("mars")},
        HEADCOUNT: {HEADCOUNT: radio("2")},
        EXISTING_ROLES: {EXISTING_ROLES: checked("product-owner", "astronaut", "product-owner")},
    }
    work = {GOAL: {GOAL: radio("build-business")}, USES_SCRUM: {USES_SCRUM: radio("no")}}
    state = fresh().with_values("company", company).with_values("work", work)
    assert (state.company_stage, state.headcount, state.existing_roles) == (
        None,
        2,
        ["product-owner"],
    )
    assert (state.goal, state.uses_scrum) == ("build-business", False)
    assert state.with_values("preview", {}) == state
