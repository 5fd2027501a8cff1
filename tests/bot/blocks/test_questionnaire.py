"""The questionnaire's steps as views: valid, inside Slack's limits, and carrying their state."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.blocks.kit import PRIVATE_METADATA_MAX
from bot.blocks.questionnaire import (
    BACK,
    answers_summary,
    company_view,
    needs_view,
    preview_view,
    step_errors,
    work_view,
)
from bot.questionnaire_state import (
    ANYTHING_ELSE_MAX,
    NEEDS_SELECTED_MAX,
    QuestionnaireState,
)
from knowledge import KnowledgeBase, Matcher
from knowledge.advisor import advise
from knowledge.models import Responsibility
from knowledge.questionnaire import (
    ANYTHING_ELSE,
    COMPANY_STAGE,
    EXISTING_ROLES,
    GOAL,
    HEADCOUNT,
    NEEDS,
    QUESTIONS,
    USES_SCRUM,
    choices_for,
)
from tests.bot.test_questionnaire_state import ANSWERED, answered, fresh
from tests.slack_schemas import assert_valid_view


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
        company_view(state, kb),
        work_view(state, kb),
        needs_view(state, kb),
        preview_view(state, kb, recommendation),
    ]


# -- the state each view carries ----------------------------------------------------------


def test_the_largest_possible_state_fits_slacks_3000_characters(kb: KnowledgeBase) -> None:
    longest_ids = sorted((r.id for r in kb.responsibilities), key=len)[-NEEDS_SELECTED_MAX:]
    state = answered(
        needs=longest_ids,
        anything_else='"\\' * (ANYTHING_ELSE_MAX // 2),  # every character needs a JSON escape
        existing_roles=["product-manager"],
    ).model_copy(
        update={
            "channel_name": "x" * 80,
            "channel": "C" + "9" * 20,
            "thread": "9" * 12 + "." + "9" * 9,
        }
    )
    views = [company_view(state, kb), work_view(state, kb), needs_view(state, kb)]
    for view in views:
        assert len(view["private_metadata"]) <= PRIVATE_METADATA_MAX
        assert_valid_view(view)


# -- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "changes", "block_id", "says"),
    [
        ("company", {"company_stage": None}, COMPANY_STAGE, "stage"),
        ("company", {"headcount": None}, HEADCOUNT, "how many"),
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


def test_the_needs_step_says_one_of_its_two_optional_inputs_is_needed(kb: KnowledgeBase) -> None:
    """Slack labels each input "(optional)"; the step still wants one of them."""
    hints = [b["hint"]["text"] for b in needs_view(fresh(), kb)["blocks"] if b["type"] == "input"]
    assert "one of the two is needed" in hints[0]
    assert "needed only if you picked nothing above" in hints[1]


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


def test_the_modal_asks_the_questionnaires_questions_in_order(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    inputs = [
        block
        for view in all_views(answered(), kb, matcher)[:3]
        for block in view["blocks"]
        if block["type"] == "input"
    ]
    assert [block["block_id"] for block in inputs] == [q.name for q in QUESTIONS]
    assert [block["label"]["text"] for block in inputs] == [q.prompt for q in QUESTIONS]
    assert [block.get("optional", False) for block in inputs] == [q.optional for q in QUESTIONS]
    for block, question in zip(inputs, QUESTIONS, strict=True):
        shown = [
            (option["value"], option["text"]["text"], option.get("description", {}).get("text"))
            for option in block["element"].get("options", [])
        ]
        assert shown == [(c.key, c.label, c.description) for c in choices_for(question, kb)]


def test_who_is_on_staff_names_the_roles_as_the_knowledge_base_does(kb: KnowledgeBase) -> None:
    labels = [
        o["text"]["text"] for o in element(company_view(fresh(), kb), EXISTING_ROLES)["options"]
    ]
    assert labels == ["We already have a Product Owner", "We already have a Product Manager"]


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


def test_a_fresh_flow_preselects_nothing(kb: KnowledgeBase) -> None:
    view = company_view(fresh(), kb)
    assert all(chosen(view, block) == [] for block in (COMPANY_STAGE, HEADCOUNT, EXISTING_ROLES))


def test_needs_are_grouped_by_the_role_that_owns_them(kb: KnowledgeBase) -> None:
    groups = element(needs_view(fresh(), kb), NEEDS)["option_groups"]
    labels = [group["label"]["text"] for group in groups]
    assert labels == ["Product Owner work", "Product Manager work", "Shared by both roles"]
    owners = {r.id: r.owners for r in kb.responsibilities}
    for group, expected in zip(groups, (["product-owner"], ["product-manager"]), strict=False):
        assert all(owners[option["value"]] == expected for option in group["options"])


def test_a_long_storys_needs_prefill_no_more_than_the_select_takes(kb: KnowledgeBase) -> None:
    # a review's find: a story naming 13 pieces of work prefilled 13 of at most 10
    every = [r.id for r in kb.responsibilities]
    select = element(needs_view(fresh().model_copy(update={"needs": every}), kb), NEEDS)
    assert len(select["initial_options"]) == select["max_selected_items"] == NEEDS_SELECTED_MAX


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


def test_the_answers_summary_escapes_and_reads_naturally(kb: KnowledgeBase) -> None:
    answers = answered(existing_roles=["product-owner"], headcount=1).answers()
    assert (
        answers_summary(answers, kb)
        == "Scale-up · 1 hire · goal: both · runs Scrum · has a Product Owner"
    )
