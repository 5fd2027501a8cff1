"""Feedback on an answer: 👍 / 👎 buttons under it, the small "which role should it be?" form a 👎
opens, and the answer again with a thank-you in place of the buttons once they voted."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from bot.blocks import ids
from bot.blocks.answer import AnswerRef, answer_message, json_object
from bot.blocks.kit import (
    BUTTON_VALUE_MAX,
    MESSAGE_BLOCKS_MAX,
    MODAL_TITLE_MAX,
    PRIVATE_METADATA_MAX,
    Block,
    Message,
    actions,
    button,
    context,
    message,
    plain,
)
from bot.store.insights import CORRECTIONS
from knowledge import Answer, KnowledgeBase

View = dict[str, Any]
COMMENT_MAX = 500
THANKS = "Thanks for the feedback: it helps RoleFit answer better."
# A second vote from the same person on an answer others read (its buttons stay).
ALREADY_VOTED = "You already gave feedback on this answer; your first vote is the one kept."
_CORRECTION_LABELS = {
    "product-owner": "Product Owner",
    "product-manager": "Product Manager",
    "both": "Both roles",
    "neither": "Neither role",
}


@dataclass(frozen=True)
class FeedbackRef:
    """What a feedback button (and the 👎 form) carries: the recorded question's id, and what it
    takes to show the answer again with a thank-you (where Slack does not send the message)."""

    question_id: int
    answer: AnswerRef
    ephemeral: bool = False  # the answer only its asker sees (so it keeps "Share in channel")
    response_url: str | None = None  # the 👎 click's, for thanking them after the form
    # Clicked where others read the answer too (a channel's thread): the voter is thanked alone,
    # and the buttons stay for everyone else.
    public: bool = False

    def to_value(self, limit: int = BUTTON_VALUE_MAX) -> str:
        """The question as Slack sent it, typed entities and mention tokens apart (escaping it
        and reading it back made a typed "<https://x|y>" a link), with its angle brackets as
        JSON escapes: no mention token, even in a value."""
        question = self.answer.question
        while True:
            data = {
                "i": self.question_id,
                "q": question,
                "r": self.answer.responsibility_id,
                "e": self.ephemeral,
                "u": self.response_url,
                **({"p": True} if self.public else {}),
            }
            value = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            value = value.replace("<", "\\u003c").replace(">", "\\u003e")
            if len(value) <= limit or not question:
                return value
            question = question[: len(question) // 2]

    @classmethod
    def from_value(cls, value: object) -> FeedbackRef | None:
        """The reference a button or form carried; None when it is not one of ours."""
        data = json_object(value)
        ref = AnswerRef.from_data(data)
        if data is None or ref is None:
            return None
        question_id, url = data.get("i"), data.get("u")
        if not isinstance(question_id, int) or isinstance(question_id, bool) or question_id < 1:
            return None
        url = url if isinstance(url, str) and url else None
        return cls(question_id, ref, bool(data.get("e")), url, bool(data.get("p")))


def feedback_ref_in(shown: Mapping[str, Any]) -> FeedbackRef | None:
    """The reference a message's feedback buttons carry, if it has them and they are ours."""
    for block in shown.get("blocks") or []:
        if isinstance(block, dict) and block.get("block_id") == ids.FEEDBACK_BLOCK:
            for element in block.get("elements") or []:
                if isinstance(element, dict) and element.get("action_id") == ids.FEEDBACK_HELPFUL:
                    return FeedbackRef.from_value(element.get("value"))
    return None


def feedback_actions(ref: FeedbackRef) -> Block:
    value = ref.to_value()
    return actions(
        ids.FEEDBACK_BLOCK,
        button("👍 Helpful", ids.FEEDBACK_HELPFUL, value),
        button("👎 Not quite", ids.FEEDBACK_NOT_HELPFUL, value),
    )


def with_feedback(shown: Message, ref: FeedbackRef) -> Message:
    """`shown` (left as it is: replies are shared) with the feedback buttons under it. Its "did
    you mean" choices carry the reference too: a click on an ephemeral answer comes without the
    message, and the answer picked is rated as the one it replaces."""
    blocks = [_rated_choices(block, ref) for block in shown["blocks"][: MESSAGE_BLOCKS_MAX - 1]]
    return {"text": shown["text"], "blocks": [*blocks, feedback_actions(ref)]}


def _rated_choices(block: Block, ref: FeedbackRef) -> Block:
    """A "did you mean" block whose choices carry `ref` for the work each picks; any other
    block as it is."""
    if block.get("block_id") != ids.DID_YOU_MEAN_CHOICES:
        return block
    elements = []
    for element in block["elements"]:
        picked = AnswerRef.from_value(element.get("value"))
        if picked is not None:
            element = {**element, "value": replace(ref, answer=picked).to_value()}
        elements.append(element)
    return {**block, "elements": elements}


def thanked_answer(answer: Answer, kb: KnowledgeBase, ref: FeedbackRef) -> Message:
    """The answer again, its feedback buttons replaced by thanks (and still shareable if it was
    only the asker's)."""
    shown = answer_message(answer, kb, share=ref.answer if ref.ephemeral else None)
    return message(shown["text"], [*shown["blocks"], context(THANKS)])


def not_helpful_modal(ref: FeedbackRef) -> View:
    """ "Which role should it be?" and an optional comment; the reference rides in
    private_metadata so the submission knows which answer, and where to thank them."""
    options = [{"text": plain(correction_label(key)), "value": key} for key in CORRECTIONS]
    return {
        "type": "modal",
        "callback_id": ids.FEEDBACK_MODAL,
        "title": plain("Not quite right?", MODAL_TITLE_MAX),
        "submit": plain("Send", MODAL_TITLE_MAX),
        "close": plain("Cancel", MODAL_TITLE_MAX),
        "private_metadata": ref.to_value(PRIVATE_METADATA_MAX),
        "blocks": [
            {
                "type": "input",
                "block_id": ids.FEEDBACK_ROLE_BLOCK,
                "label": plain("Which role should it be?"),
                "element": {
                    "type": "radio_buttons",
                    "action_id": ids.FEEDBACK_ROLE,
                    "options": options,
                },
            },
            {
                "type": "input",
                "block_id": ids.FEEDBACK_COMMENT_BLOCK,
                "optional": True,
                "label": plain("Anything else?"),  # Slack marks optional inputs itself
                "element": {
                    "type": "plain_text_input",
                    "action_id": ids.FEEDBACK_COMMENT,
                    "multiline": True,
                    "max_length": COMMENT_MAX,
                },
            },
            context("Admins see these corrections in RoleFit's insights."),
        ],
    }


def correction_label(key: str) -> str:
    return _CORRECTION_LABELS.get(key, key)
