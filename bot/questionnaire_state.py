"""Where a hiring questionnaire in Slack has got to: who runs it, where it started, and every
answer so far.

The state rides in each modal's `private_metadata` (compact JSON, well under Slack's 3,000
characters: https://api.slack.com/reference/surfaces/views), so whichever server process
receives the next submission can carry on without keeping anything between requests.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.blocks.kit import input_element
from knowledge.advisor import MAX_NEED_LENGTH, HiringAnswers
from knowledge.questionnaire import (
    ANYTHING_ELSE,
    NEEDS,
    AnswerValue,
    Question,
    in_step,
)
from knowledge.questionnaire import Step as QuestionStep

#: The modal's steps: the questionnaire's own, then a preview of the advice.
Step = Literal[QuestionStep, "preview"]
STEPS: tuple[Step, ...] = get_args(Step)
OriginKind = Literal["channel", "dm", "home"]

# Our own bounds, which keep private_metadata small (a test checks the largest state fits).
NEEDS_SELECTED_MAX = 10
ANYTHING_ELSE_MAX = MAX_NEED_LENGTH

_NEED_SEPARATORS = re.compile(r"[\n;,]+")
# What slash commands send as channel_name for private channels and DMs.
_PLACEHOLDER_NAMES = frozenset({"privategroup", "directmessage"})


class StateError(ValueError):
    """private_metadata that is not a questionnaire state (tampered with, or too old)."""


class QuestionnaireState(BaseModel):
    """Where the flow started, who runs it, and every answer so far (short keys keep it small)."""

    model_config = ConfigDict(populate_by_name=True, frozen=True, extra="forbid")

    flow: str = Field(alias="f", pattern=r"^[0-9a-f]{1,32}$")
    # Slack ids only: these land in mrkdwn (`<@user>`) and in API calls.
    user: str = Field(alias="u", pattern=r"^[UW][A-Z0-9_]{1,30}$")
    channel: str = Field("", alias="c", pattern=r"^([CDG][A-Z0-9_]{1,30})?$")
    origin: OriginKind = Field(alias="o")
    channel_name: str = Field("", alias="n")
    # The channel thread the flow was started from, where the advice goes too ("" for none).
    thread: str = Field("", alias="t", pattern=r"^(\d{1,12}\.\d{1,9})?$")
    company_stage: str | None = Field(None, alias="cs")
    headcount: int | None = Field(None, alias="hc")
    existing_roles: list[str] = Field([], alias="er")
    goal: str | None = Field(None, alias="g")
    uses_scrum: bool | Literal["unsure"] | None = Field(None, alias="sc")
    needs: list[str] = Field([], alias="nd")
    anything_else: str = Field("", alias="ae")

    @classmethod
    def start(
        cls, channel: str, user: str, channel_name: str = "", thread: str = ""
    ) -> QuestionnaireState:
        """A fresh flow. A `D…` channel is a DM, no channel at all is App Home; `thread`, a
        channel thread's ts, where it was started in one. Slack's placeholder names for private
        and group conversations are not worth showing."""
        origin: OriginKind = "home" if not channel else "dm" if channel[0] == "D" else "channel"
        placeholder = channel_name in _PLACEHOLDER_NAMES or channel_name.startswith("mpdm-")
        return cls(
            flow=uuid.uuid4().hex[:12],
            user=user,
            channel=channel,
            origin=origin,
            channel_name="" if origin != "channel" or placeholder else channel_name,
            thread=thread if origin == "channel" else "",
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
        Lenient: anything missing or not offered stays unset, so going back never loses or
        invents answers."""
        if step == "preview":
            return self
        read = _ValueReader(values)
        return self.model_copy(update={q.name: read.answer(q) for q in in_step(step)})


class _ValueReader:
    """Reads `view.state.values`, whose block and action ids are the questions' names."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = values

    def answer(self, question: Question) -> AnswerValue | list[str] | list[AnswerValue] | None:
        """The answer to one question: a choice it offers, the needs picked, or free text."""
        if question.name == ANYTHING_ELSE:
            return self._text(question.name)[:ANYTHING_ELSE_MAX]
        if question.name == NEEDS:  # the knowledge base's ids; the advisor checks them
            return self._selected_many(question.name)[:NEEDS_SELECTED_MAX]
        if question.many:
            chosen = (question.choice(key) for key in self._selected_many(question.name))
            return list(dict.fromkeys(choice.value for choice in chosen if choice is not None))
        choice = question.choice(self._selected(question.name))
        return None if choice is None else choice.value

    def _element(self, block_id: str) -> Mapping[str, Any]:
        return input_element(self._values, block_id, block_id)

    def _selected(self, block_id: str) -> str | None:
        option = self._element(block_id).get("selected_option")
        return str(option["value"]) if isinstance(option, Mapping) and "value" in option else None

    def _selected_many(self, block_id: str) -> list[str]:
        options = self._element(block_id).get("selected_options")
        if not isinstance(options, list):
            return []
        return [str(o["value"]) for o in options if isinstance(o, Mapping) and "value" in o]

    def _text(self, block_id: str) -> str:
        return str(self._element(block_id).get("value") or "").strip()
