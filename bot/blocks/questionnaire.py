"""The hiring questionnaire's modal: one view per step, built from the flow's state.

The questions, their order and their wording come from `knowledge.questionnaire.QUESTIONS`, so
the modal asks exactly what `rolefit recommend` asks. Block ids are the questions' names (the
`HiringAnswers` fields), so an error about a field lands under the input that asked for it. The
state each view carries lives in `bot.questionnaire_state`.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from bot.blocks.kit import (
    MODAL_TITLE_MAX,
    Block,
    actions,
    button,
    context,
    escape,
    plain,
    section,
)
from bot.blocks.recommendation import recommendation_blocks
from bot.questionnaire_state import (
    ANYTHING_ELSE_MAX,
    NEEDS_SELECTED_MAX,
    STEPS,
    QuestionnaireState,
    Step,
)
from knowledge.advisor import HiringAnswers, Recommendation
from knowledge.dialogue import HiringFacts
from knowledge.models import KnowledgeBase
from knowledge.questionnaire import (
    ANYTHING_ELSE,
    COMPANY_STAGE,
    GOAL,
    HEADCOUNT,
    INTRO,
    NEEDS,
    QUESTION_NAMED,
    USES_SCRUM,
    AnswerValue,
    Question,
    choices_for,
    in_step,
    key_of,
    need_groups,
    told_parts,
    who_to_hire,
)
from knowledge.questionnaire import Step as QuestionStep

CALLBACK_PREFIX = "rolefit_hire_"
CALLBACK_ID = re.compile(rf"^{CALLBACK_PREFIX}({'|'.join(STEPS)})$")
BACK = "rolefit_hire_back"
NAV_BLOCK = "rolefit_hire_nav"

# Slack's limits on options and static selects:
# https://api.slack.com/reference/block-kit/composition-objects#option
# https://api.slack.com/reference/block-kit/block-elements#static_multi_select
OPTION_TEXT_MAX = 75
SELECT_OPTIONS_MAX = 100


# -- validation --------------------------------------------------------------------------------


def step_errors(state: QuestionnaireState, step: Step) -> dict[str, str]:
    """Errors for `response_action: errors`, keyed by the block they belong under."""
    errors: dict[str, str] = {}
    if step == "company":
        if not _offered(COMPANY_STAGE, state.company_stage):
            errors[COMPANY_STAGE] = "Choose the stage your company is at."
        if not _offered(HEADCOUNT, state.headcount):
            errors[HEADCOUNT] = "Choose how many product hires you can make now."
    elif step == "work":
        if not _offered(GOAL, state.goal):
            errors[GOAL] = "Choose what the hire is mainly for."
        if not _offered(USES_SCRUM, state.uses_scrum):
            errors[USES_SCRUM] = "Tell RoleFit whether your team runs Scrum."
    elif step == "needs":
        if not state.needs and not state.anything_else:
            elsewhere = QUESTION_NAMED[ANYTHING_ELSE].prompt
            errors[NEEDS] = f"Pick at least one piece of work, or describe it under “{elsewhere}”."
        else:
            errors.update(_advisor_errors(state))
    return errors


def _offered(name: str, value: AnswerValue | None) -> bool:
    return value is not None and QUESTION_NAMED[name].choice(key_of(value)) is not None


def _advisor_errors(state: QuestionnaireState) -> dict[str, str]:
    """The advisor's own checks on the needs, shown under the input they came from."""
    try:
        state.answers()
    except ValidationError as error:
        problems = [e for e in error.errors() if e["loc"] and e["loc"][0] == "needs"]
        if problems:
            block = ANYTHING_ELSE if state.anything_else else NEEDS
            return {block: f"Too much to place: {problems[0]['msg']}."}
        raise
    return {}


# -- views -------------------------------------------------------------------------------------


def company_view(state: QuestionnaireState, kb: KnowledgeBase) -> dict[str, Any]:
    """Step 1, the first a person sees: what the questionnaire is for, then the company."""
    intro = section(f"*{escape(who_to_hire(kb))}* {INTRO}")
    return _modal("company", state, [intro, *_inputs("company", state, kb)])


def work_view(state: QuestionnaireState, kb: KnowledgeBase) -> dict[str, Any]:
    """Step 2: what the hire is for and how the team works."""
    return _modal("work", state, [*_inputs("work", state, kb), _back()])


def needs_view(state: QuestionnaireState, kb: KnowledgeBase) -> dict[str, Any]:
    """Responsibilities from the knowledge base, grouped by the role that owns them."""
    groups: list[dict[str, Any]] = []
    offered: dict[str, dict[str, Any]] = {}
    for group in need_groups(kb):
        room = SELECT_OPTIONS_MAX - len(offered)
        options = [_option(rid, title) for rid, title in group.responsibilities[:room]]
        if options:
            offered.update((option["value"], option) for option in options)
            groups.append({"label": plain(group.label, OPTION_TEXT_MAX), "options": options})
    select: dict[str, Any] = {
        "type": "multi_static_select",
        "action_id": NEEDS,
        "placeholder": plain("Pick the work the hire must cover"),
        "option_groups": groups,
        "max_selected_items": NEEDS_SELECTED_MAX,
    }
    # (Slack refuses more initial options than the select allows: a long story's needs)
    chosen = [offered[need] for need in state.needs if need in offered][:NEEDS_SELECTED_MAX]
    if chosen:
        select["initial_options"] = chosen
    free_text: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": ANYTHING_ELSE,
        "multiline": True,
        "max_length": ANYTHING_ELSE_MAX,
        "placeholder": plain("e.g. pricing, supplier deals, writing acceptance criteria"),
    }
    if state.anything_else:
        free_text["initial_value"] = state.anything_else
    hints = {
        # Each input is optional on its own, and Slack labels it so; one of the two is needed.
        NEEDS: f"Up to {NEEDS_SELECTED_MAX}, grouped by the role that owns it. Pick some here or "
        "describe the work below: one of the two is needed.",
        ANYTHING_ELSE: "In your own words, separated by commas or new lines; needed only if you "
        "picked nothing above.",
    }
    elements = {NEEDS: select, ANYTHING_ELSE: free_text}
    inputs = [
        _input(question, elements[question.name], hint=hints[question.name])
        for question in in_step("needs")
    ]
    return _modal("needs", state, [*inputs, _back()])


def preview_view(
    state: QuestionnaireState, kb: KnowledgeBase, recommendation: Recommendation
) -> dict[str, Any]:
    """The advice as it will be posted, and where it will go."""
    if state.origin == "channel":
        where = f"Submitting posts this in <#{state.channel}>, mentioning you."
    else:
        where = "Submitting sends this to you in your direct messages with RoleFit."
    blocks = [*recommendation_blocks(recommendation, kb), context(where), _back()]
    return _modal("preview", state, blocks)


def expired_view() -> dict[str, Any]:
    """Shown when a submission's state cannot be read: start again rather than guess."""
    return {
        "type": "modal",
        "title": plain("Who to hire?", MODAL_TITLE_MAX),
        "close": plain("Close", MODAL_TITLE_MAX),
        "blocks": [
            section(
                "This questionnaire can't continue (it may come from an older RoleFit). "
                "Please start again with `/rolefit hire`."
            )
        ],
    }


def submit_label(state: QuestionnaireState, step: Step) -> str:
    """ "Next" until the preview, then where the advice goes ("Post to #general")."""
    if step in ("company", "work"):
        return "Next"
    if step == "needs":
        return "See the advice"
    if state.origin != "channel":
        return "Send it to me"
    named = f"Post to #{state.channel_name}"
    return named if state.channel_name and len(named) <= MODAL_TITLE_MAX else "Post to channel"


def answers_summary(answers: HiringAnswers | HiringFacts, kb: KnowledgeBase) -> str:
    """The answers in one line (escaped mrkdwn), so a posted recommendation shows its basis.
    Facts from a conversation show only what the person actually said."""
    return escape(" · ".join(told_parts(answers, kb)))


def _modal(step: Step, state: QuestionnaireState, blocks: list[Block]) -> dict[str, Any]:
    number = STEPS.index(step) + 1
    return {
        "type": "modal",
        "callback_id": f"{CALLBACK_PREFIX}{step}",
        "title": plain(f"Who to hire? · {number} of {len(STEPS)}", MODAL_TITLE_MAX),
        "submit": plain(submit_label(state, step), MODAL_TITLE_MAX),
        "close": plain("Cancel", MODAL_TITLE_MAX),
        "private_metadata": state.encode(),
        "blocks": blocks,
    }


def _back() -> Block:
    return actions(NAV_BLOCK, button("← Back", BACK, "back"))


def _inputs(step: QuestionStep, state: QuestionnaireState, kb: KnowledgeBase) -> list[Block]:
    """One input per question of a step with fixed choices: radio buttons for one answer,
    checkboxes for several, the answers given so far already picked."""
    blocks: list[Block] = []
    for question in in_step(step):
        options = [_option(c.key, c.label, c.description) for c in choices_for(question, kb)]
        given = getattr(state, question.name)
        keys = {
            key_of(value) for value in (given if question.many else [given]) if value is not None
        }
        chosen = [option for option in options if option["value"] in keys]
        element: dict[str, Any] = {"action_id": question.name, "options": options}
        if question.many:
            element["type"] = "checkboxes"
            if chosen:
                element["initial_options"] = chosen
        else:
            element["type"] = "radio_buttons"
            if chosen:
                element["initial_option"] = chosen[0]
        blocks.append(_input(question, element))
    return blocks


def _input(question: Question, element: dict[str, Any], *, hint: str | None = None) -> Block:
    block: Block = {"type": "input", "block_id": question.name}
    if question.optional:
        block["optional"] = True
    block["label"] = plain(question.prompt)
    if hint:
        block["hint"] = plain(hint)
    block["element"] = element
    return block


def _option(value: str, text: str, description: str | None = None) -> dict[str, Any]:
    option: dict[str, Any] = {"text": plain(text, OPTION_TEXT_MAX), "value": value}
    if description:
        option["description"] = plain(description, OPTION_TEXT_MAX)
    return option
