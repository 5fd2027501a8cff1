"""The hiring questionnaire's modal: four short steps, each built from the flow's state.

The state travels in the view's `private_metadata` (compact JSON, well under Slack's 3,000
characters), so whichever server process receives the next submission can carry on. Block ids are
`HiringAnswers` field names, so an error about a field lands under the input that asked for it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.blocks.kit import (
    MODAL_TITLE_MAX,
    Block,
    actions,
    button,
    context,
    escape,
    input_element,
    plain,
    section,
)
from bot.blocks.recommendation import recommendation_blocks
from knowledge.advisor import MAX_NEED_LENGTH, HiringAnswers, Recommendation
from knowledge.models import KnowledgeBase
from knowledge.questionnaire import PRODUCT_MANAGER, PRODUCT_OWNER, need_groups

Step = Literal["company", "work", "needs", "preview"]
STEPS: tuple[Step, ...] = get_args(Step)
OriginKind = Literal["channel", "dm", "home"]

CALLBACK_PREFIX = "rolefit_hire_"
CALLBACK_ID = re.compile(rf"^{CALLBACK_PREFIX}({'|'.join(STEPS)})$")
BACK = "rolefit_hire_back"
NAV_BLOCK = "rolefit_hire_nav"

# Block ids (and action ids): the HiringAnswers fields they fill, plus the free-text extra.
COMPANY_STAGE = "company_stage"
HEADCOUNT = "headcount"
EXISTING_ROLES = "existing_roles"
GOAL = "goal"
USES_SCRUM = "uses_scrum"
NEEDS = "needs"
ANYTHING_ELSE = "anything_else"

# Slack's option limits (CONTRACT.md §1) and our own bounds that keep private_metadata small
# (a test checks the largest state fits kit.PRIVATE_METADATA_MAX).
OPTION_TEXT_MAX = 75
SELECT_OPTIONS_MAX = 100
NEEDS_SELECTED_MAX = 10
ANYTHING_ELSE_MAX = MAX_NEED_LENGTH

# The choices, labelled for people; keys are the advisor's values (a test keeps them in step).
STAGE_CHOICES = {
    "startup": ("Startup", "A few people building a first product"),
    "small-business": ("Small business", "An established business with a small team"),
    "scale-up": ("Scale-up", "Growing fast, several teams"),
    "enterprise": ("Enterprise", "A large company with many departments"),
}
HEADCOUNT_CHOICES = {"1": ("One", "One product hire now"), "2": ("Two", "Two product hires now")}
ROLE_NAMES: dict[str, str] = {PRODUCT_OWNER: "Product Owner", PRODUCT_MANAGER: "Product Manager"}
ROLE_CHOICES: dict[str, tuple[str, str | None]] = {
    role: (f"We already have a {name}", None) for role, name in ROLE_NAMES.items()
}
GOAL_CHOICES = {
    "deliver-product": ("Deliver the product", "Ship features sprint by sprint"),
    "build-business": ("Build a business around it", "Strategy, market, go-to-market, money"),
    "both": ("Both", "Deliver the product and grow the business"),
}
SCRUM_CHOICES = {"yes": ("Yes", "Scrum or a similar Agile process"), "no": ("No", None)}

_NEED_SEPARATORS = re.compile(r"[\n;,]+")
# What slash commands send as channel_name for private channels and DMs.
_PLACEHOLDER_NAMES = frozenset({"privategroup", "directmessage"})


class StateError(ValueError):
    """private_metadata that is not a questionnaire state (tampered with, or too old)."""


class QuestionnaireState(BaseModel):
    """Where the flow started, who runs it, and every answer so far (short keys keep it small)."""

    model_config = ConfigDict(populate_by_name=True, frozen=True, extra="forbid")

    flow: str = Field(alias="f", min_length=1)
    user: str = Field(alias="u", min_length=1)
    channel: str = Field("", alias="c")
    origin: OriginKind = Field(alias="o")
    channel_name: str = Field("", alias="n")
    company_stage: str | None = Field(None, alias="cs")
    headcount: int | None = Field(None, alias="hc")
    existing_roles: list[str] = Field([], alias="er")
    goal: str | None = Field(None, alias="g")
    uses_scrum: bool | None = Field(None, alias="sc")
    needs: list[str] = Field([], alias="nd")
    anything_else: str = Field("", alias="ae")

    @classmethod
    def start(cls, channel: str, user: str, channel_name: str = "") -> QuestionnaireState:
        """A fresh flow. A `D…` channel is a DM, no channel at all is App Home. Slack's
        placeholder names for private and group conversations are not worth showing."""
        origin: OriginKind = "home" if not channel else "dm" if channel[0] == "D" else "channel"
        placeholder = channel_name in _PLACEHOLDER_NAMES or channel_name.startswith("mpdm-")
        return cls(
            flow=uuid.uuid4().hex[:12],
            user=user,
            channel=channel,
            origin=origin,
            channel_name="" if origin != "channel" or placeholder else channel_name,
        )

    def encode(self) -> str:
        return self.model_dump_json(by_alias=True, exclude_defaults=True)

    @classmethod
    def decode(cls, metadata: str) -> QuestionnaireState:
        try:
            return cls.model_validate_json(metadata or "{}")
        except ValidationError as error:
            raise StateError(
                f"not a questionnaire state: {error.error_count()} problem(s)"
            ) from None

    def answers(self) -> HiringAnswers:
        """The answers for the advisor; raises ValidationError while any is missing or wrong."""
        extra = [part.strip() for part in _NEED_SEPARATORS.split(self.anything_else)]
        return HiringAnswers.model_validate(
            {
                "company_stage": self.company_stage,
                "goal": self.goal,
                "uses_scrum": self.uses_scrum,
                "existing_roles": self.existing_roles,
                "needs": [*self.needs, *(part for part in extra if part)],
                "headcount": self.headcount,
            }
        )

    def with_values(self, step: Step, values: Mapping[str, Any]) -> QuestionnaireState:
        """Fold what the user entered on `step` (a view's `state.values`) into the state.
        Lenient: anything missing stays unset, so going back never loses or invents answers."""
        read = _ValueReader(values)
        update: dict[str, Any]
        if step == "company":
            headcount = read.selected(HEADCOUNT)
            update = {
                "company_stage": read.selected(COMPANY_STAGE),
                "headcount": int(headcount) if headcount in HEADCOUNT_CHOICES else None,
                # Unique: step_errors reads one role when one is ticked.
                "existing_roles": list(
                    dict.fromkeys(
                        r for r in read.selected_many(EXISTING_ROLES) if r in ROLE_CHOICES
                    )
                ),
            }
        elif step == "work":
            scrum = read.selected(USES_SCRUM)
            update = {
                "goal": read.selected(GOAL),
                "uses_scrum": None if scrum is None else scrum == "yes",
            }
        elif step == "needs":
            update = {
                "needs": read.selected_many(NEEDS)[:NEEDS_SELECTED_MAX],
                "anything_else": read.text(ANYTHING_ELSE)[:ANYTHING_ELSE_MAX],
            }
        else:
            return self
        return self.model_copy(update=update)


class _ValueReader:
    """Reads `view.state.values`, whose block and action ids are the same here."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = values

    def _element(self, block_id: str) -> Mapping[str, Any]:
        return input_element(self._values, block_id, block_id)

    def selected(self, block_id: str) -> str | None:
        option = self._element(block_id).get("selected_option")
        return str(option["value"]) if isinstance(option, Mapping) and "value" in option else None

    def selected_many(self, block_id: str) -> list[str]:
        options = self._element(block_id).get("selected_options")
        if not isinstance(options, list):
            return []
        return [str(o["value"]) for o in options if isinstance(o, Mapping) and "value" in o]

    def text(self, block_id: str) -> str:
        return str(self._element(block_id).get("value") or "").strip()


# -- validation --------------------------------------------------------------------------------


def step_errors(state: QuestionnaireState, step: Step) -> dict[str, str]:
    """Errors for `response_action: errors`, keyed by the block they belong under."""
    errors: dict[str, str] = {}
    if step == "company":
        if state.company_stage not in STAGE_CHOICES:
            errors[COMPANY_STAGE] = "Choose the stage your company is at."
        if state.headcount is None:
            errors[HEADCOUNT] = "Choose how many product hires you can make now."
        if len(set(state.existing_roles)) == len(ROLE_CHOICES):
            errors[EXISTING_ROLES] = (
                "With both roles already on staff there is no product hire left to recommend. "
                "Untick one, or ask RoleFit who owns a task instead."
            )
        elif state.existing_roles and state.headcount == 2:
            (role,) = state.existing_roles
            errors[HEADCOUNT] = (
                f"You already have a {ROLE_NAMES[role]}, so only one product hire is left "
                "to recommend. Choose one."
            )
    elif step == "work":
        if state.goal not in GOAL_CHOICES:
            errors[GOAL] = "Choose what the hire is mainly for."
        if state.uses_scrum is None:
            errors[USES_SCRUM] = "Tell RoleFit whether your team runs Scrum."
    elif step == "needs":
        if not state.needs and not state.anything_else:
            errors[NEEDS] = (
                "Pick at least one piece of work, or describe it under “Anything else?”."
            )
        else:
            errors.update(_advisor_errors(state))
    return errors


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


def company_view(state: QuestionnaireState) -> dict[str, Any]:
    intro = (
        "*Who should you hire: a Product Owner, a Product Manager, or both?* "
        "Answer a few quick questions and RoleFit recommends one, with its reasons."
    )
    return _modal(
        "company",
        state,
        [
            section(intro),
            _radio(
                COMPANY_STAGE, "What stage is your company at?", STAGE_CHOICES, state.company_stage
            ),
            _radio(
                HEADCOUNT,
                "How many product hires can you make now?",
                HEADCOUNT_CHOICES,
                None if state.headcount is None else str(state.headcount),
            ),
            _checkboxes(
                EXISTING_ROLES, "Who is already on staff?", ROLE_CHOICES, state.existing_roles
            ),
        ],
    )


def work_view(state: QuestionnaireState) -> dict[str, Any]:
    scrum = None if state.uses_scrum is None else "yes" if state.uses_scrum else "no"
    return _modal(
        "work",
        state,
        [
            _radio(GOAL, "What is the hire mainly for?", GOAL_CHOICES, state.goal),
            _radio(USES_SCRUM, "Does your team run Scrum?", SCRUM_CHOICES, scrum),
            _back(),
        ],
    )


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
    chosen = [offered[need] for need in state.needs if need in offered]
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
    return _modal(
        "needs",
        state,
        [
            {
                "type": "input",
                "block_id": NEEDS,
                "optional": True,
                "label": plain("Which work must the hire cover?"),
                "hint": plain(f"Up to {NEEDS_SELECTED_MAX}, grouped by the role that owns it."),
                "element": select,
            },
            {
                "type": "input",
                "block_id": ANYTHING_ELSE,
                "optional": True,
                "label": plain("Anything else?"),
                "hint": plain("In your own words, separated by commas or new lines."),
                "element": free_text,
            },
            _back(),
        ],
    )


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


def answers_summary(answers: HiringAnswers) -> str:
    """The answers in one line (escaped mrkdwn), so a posted recommendation shows its basis."""
    parts = [
        STAGE_CHOICES[answers.company_stage][0],
        f"{answers.headcount} hire{'s' if answers.headcount == 2 else ''}",
        f"goal: {GOAL_CHOICES[answers.goal][0].lower()}",
        "runs Scrum" if answers.uses_scrum else "no Scrum",
    ]
    parts += [f"has a {ROLE_NAMES[role]}" for role in answers.existing_roles]
    return escape(" · ".join(parts))


def _modal(step: Step, state: QuestionnaireState, blocks: list[Block]) -> dict[str, Any]:
    number = STEPS.index(step) + 1
    view = {
        "type": "modal",
        "callback_id": f"{CALLBACK_PREFIX}{step}",
        "title": plain(f"Who to hire? · {number} of {len(STEPS)}", MODAL_TITLE_MAX),
        "submit": plain(submit_label(state, step), MODAL_TITLE_MAX),
        "close": plain("Cancel", MODAL_TITLE_MAX),
        "private_metadata": state.encode(),
        "blocks": blocks,
    }
    return view


def _back() -> Block:
    return actions(NAV_BLOCK, button("← Back", BACK, "back"))


def _choice(value: str, label: str, description: str | None) -> dict[str, Any]:
    option: dict[str, Any] = {"text": plain(label, OPTION_TEXT_MAX), "value": value}
    if description:
        option["description"] = plain(description, OPTION_TEXT_MAX)
    return option


def _option(value: str, title: str) -> dict[str, Any]:
    return {"text": plain(title, OPTION_TEXT_MAX), "value": value}


Choices = Mapping[str, tuple[str, str | None]]


def _radio(block_id: str, label: str, choices: Choices, selected: str | None) -> Block:
    options = [_choice(value, *shown) for value, shown in choices.items()]
    element: dict[str, Any] = {"type": "radio_buttons", "action_id": block_id, "options": options}
    if selected is not None and selected in choices:
        element["initial_option"] = options[list(choices).index(selected)]
    return {"type": "input", "block_id": block_id, "label": plain(label), "element": element}


def _checkboxes(block_id: str, label: str, choices: Choices, selected: list[str]) -> Block:
    options = [_choice(value, *shown) for value, shown in choices.items()]
    element: dict[str, Any] = {"type": "checkboxes", "action_id": block_id, "options": options}
    chosen = [option for option in options if option["value"] in selected]
    if chosen:
        element["initial_options"] = chosen
    return {
        "type": "input",
        "block_id": block_id,
        "optional": True,
        "label": plain(label),
        "element": element,
    }
