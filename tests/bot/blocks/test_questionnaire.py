"""The questionnaire's steps as views: valid, inside Slack's limits, and carrying their state."""

from __future__ import annotations

import json
from typing import Any, get_args

import pytest

from bot.blocks.kit import PRIVATE_METADATA_MAX
from bot.blocks.questionnaire import (
    ANYTHING_ELSE,
    ANYTHING_ELSE_MAX,
    BACK,
    COMPANY_STAGE,
    EXISTING_ROLES,
    GOAL,
    GOAL_CHOICES,
    HEADCOUNT,
    NEEDS,
    NEEDS_SELECTED_MAX,
    STAGE_CHOICES,
    USES_SCRUM,
    QuestionnaireState,
    StateError,
    answers_summary,
    company_view,
    needs_view,
    preview_view,
    step_errors,
    work_view,
)
from knowledge import KnowledgeBase, Matcher
from knowledge.advisor import HiringAnswers, advise
from knowledge.models import Responsibility
from tests.slack_schemas import assert_valid_view

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


def element(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    (block,) = [b for b in view["blocks"] if b.get("block_id") == block_id]
    found: dict[str, Any] = block["element"]
    return found


def chosen(view: dict[str, Any], block_id: str) -> list[str]:
    found = element(view, block_id)
    if "initial_option" in found:
        return [found["initial_option"]["value"]]
    return [option["value"] for option in found.get("initial_options", [])]


def all_views(
    state: QuestionnaireState, kb: KnowledgeBase, matcher: Matcher
) -> list[dict[str, Any]]:
    recommendation = advise(state.answers(), matcher)
    return [
        company_view(state),
        work_view(state),
        needs_view(state, kb),
        preview_view(state, kb, recommendation),
    ]


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


def test_the_largest_possible_state_fits_slacks_3000_characters(kb: KnowledgeBase) -> None:
    longest_ids = sorted((r.id for r in kb.responsibilities), key=len)[-NEEDS_SELECTED_MAX:]
    state = answered(
        needs=longest_ids,
        anything_else='"\\' * (ANYTHING_ELSE_MAX // 2),  # every character needs a JSON escape
        existing_roles=["product-manager"],
    ).model_copy(update={"channel_name": "x" * 80, "channel": "C" + "9" * 20})
    views = [company_view(state), work_view(state), needs_view(state, kb)]
    for view in views:
        assert len(view["private_metadata"]) <= PRIVATE_METADATA_MAX
        assert_valid_view(view)


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


# -- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "changes", "block_id", "says"),
    [
        ("company", {"company_stage": None}, COMPANY_STAGE, "stage"),
        ("company", {"headcount": None}, HEADCOUNT, "how many"),
        (
            "company",
            {"existing_roles": ["product-owner", "product-manager"], "headcount": 1},
            EXISTING_ROLES,
            "both roles",
        ),
        (
            "company",
            {"existing_roles": ["product-manager"], "headcount": 2},
            HEADCOUNT,
            "Product Manager",
        ),
        ("work", {"goal": None}, GOAL, "mainly for"),
        ("work", {"uses_scrum": None}, USES_SCRUM, "Scrum"),
        ("needs", {"needs": [], "anything_else": ""}, NEEDS, "at least one"),
    ],
)
def test_each_problem_is_shown_under_its_own_input(
    step: Any, changes: dict[str, Any], block_id: str, says: str
) -> None:
    errors = step_errors(answered(**changes), step)
    assert list(errors) == [block_id]
    assert says in errors[block_id]


def test_too_many_free_text_needs_are_reported_under_anything_else() -> None:
    many = ",".join(f"task {n}" for n in range(50))
    errors = step_errors(answered(needs=[], anything_else=many), "needs")
    assert list(errors) == [ANYTHING_ELSE]


@pytest.mark.parametrize("step", ["company", "work", "needs"])
def test_complete_answers_pass_every_step(step: Any) -> None:
    assert step_errors(answered(), step) == {}


def test_free_text_alone_is_enough_for_the_needs_step() -> None:
    assert step_errors(answered(needs=[], anything_else="pricing"), "needs") == {}


# -- the views -------------------------------------------------------------------------------


def test_every_step_is_a_valid_modal_with_a_short_title_and_submit(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    for number, view in enumerate(all_views(answered(), kb, matcher), start=1):
        assert_valid_view(view)
        assert view["title"]["text"] == f"Who to hire? · {number} of 4"
        assert len(view["submit"]["text"]) <= 24
        assert QuestionnaireState.decode(view["private_metadata"]) == answered().model_copy(
            update={"flow": QuestionnaireState.decode(view["private_metadata"]).flow}
        )


def test_every_step_after_the_first_has_a_back_button(kb: KnowledgeBase, matcher: Matcher) -> None:
    views = all_views(answered(), kb, matcher)
    for view in views:
        has_back = BACK in json.dumps([b for b in view["blocks"] if b["type"] == "actions"])
        assert has_back == (view is not views[0])


def test_choices_are_exactly_the_advisors_values() -> None:
    fields = HiringAnswers.model_fields
    assert set(STAGE_CHOICES) == set(get_args(fields["company_stage"].annotation))
    assert set(GOAL_CHOICES) == set(get_args(fields["goal"].annotation))


def test_views_show_the_answers_already_given(kb: KnowledgeBase, matcher: Matcher) -> None:
    state = answered(existing_roles=["product-manager"], headcount=1, uses_scrum=False)
    company, work, needs, _ = all_views(state, kb, matcher)
    assert chosen(company, COMPANY_STAGE) == ["scale-up"]
    assert chosen(company, HEADCOUNT) == ["1"]
    assert chosen(company, EXISTING_ROLES) == ["product-manager"]
    assert chosen(work, GOAL) == ["both"]
    assert chosen(work, USES_SCRUM) == ["no"]
    assert chosen(needs, NEEDS) == ["po-backlog", "pm-go-to-market"]
    assert element(needs, ANYTHING_ELSE)["initial_value"] == "pricing, supplier deals"


def test_a_fresh_flow_preselects_nothing() -> None:
    view = company_view(fresh())
    assert all(chosen(view, block) == [] for block in (COMPANY_STAGE, HEADCOUNT, EXISTING_ROLES))


def test_needs_are_grouped_by_the_role_that_owns_them(kb: KnowledgeBase) -> None:
    groups = element(needs_view(fresh(), kb), NEEDS)["option_groups"]
    labels = [group["label"]["text"] for group in groups]
    assert labels == ["Product Owner work", "Product Manager work", "Shared by both roles"]
    owners = {r.id: r.owners for r in kb.responsibilities}
    for group, expected in zip(groups, (["product-owner"], ["product-manager"]), strict=False):
        assert all(owners[option["value"]] == expected for option in group["options"])


def test_a_huge_knowledge_base_stays_inside_slacks_select_limits(kb: KnowledgeBase) -> None:
    extra = [
        Responsibility(
            id=f"overlay-{n}",
            title=f"An organisation-specific responsibility with a very long title number {n} " * 2,
            owners=["product-manager"],
            phrases=["something"],
            section="Overlay",
            why="Because the overlay says so.",
        )
        for n in range(150)
    ]
    big = kb.model_copy(update={"responsibilities": [*kb.responsibilities, *extra]})
    view = needs_view(fresh(), big)
    assert_valid_view(view)
    options = [o for g in element(view, NEEDS)["option_groups"] for o in g["options"]]
    assert len(options) == 100
    assert all(len(option["text"]["text"]) <= 75 for option in options)


def test_the_last_step_names_where_the_advice_goes(kb: KnowledgeBase, matcher: Matcher) -> None:
    recommendation = advise(answered().answers(), matcher)
    in_channel = preview_view(answered(), kb, recommendation)
    assert in_channel["submit"]["text"] == "Post to #general"
    assert "<#C_GENERAL>" in json.dumps(in_channel)

    long_name = answered().model_copy(update={"channel_name": "product-hiring-discussion"})
    assert preview_view(long_name, kb, recommendation)["submit"]["text"] == "Post to channel"

    dm = fresh("D_LEADER", "directmessage").model_copy(update=ANSWERED)
    assert preview_view(dm, kb, recommendation)["submit"]["text"] == "Send it to me"


def test_the_answers_summary_escapes_and_reads_naturally() -> None:
    answers = answered(existing_roles=["product-owner"], headcount=1).answers()
    assert (
        answers_summary(answers)
        == "Scale-up · 1 hire · goal: both · runs Scrum · has a Product Owner"
    )
