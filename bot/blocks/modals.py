"""The "Ask a question" modal and the answer it turns into once submitted."""

from __future__ import annotations

from typing import Any

from bot.blocks import ids
from bot.blocks.answer import answer_blocks
from bot.blocks.conversation import conversation_message
from bot.blocks.help import EXAMPLE_QUESTIONS
from bot.blocks.kit import MODAL_TITLE_MAX, PRIVATE_METADATA_MAX, context, plain
from knowledge import Answer, KnowledgeBase
from knowledge.dialogue import Intent, Reply

View = dict[str, Any]
QUESTION_MAX = 500
# Slack shows at most 100 blocks in a modal (https://api.slack.com/reference/surfaces/views).
MODAL_BLOCKS_MAX = 100


def _modal(title: str, blocks: list[dict[str, Any]], origin_channel: str, **extra: Any) -> View:
    return {
        "type": "modal",
        "callback_id": ids.ASK_MODAL,
        "title": plain(title, MODAL_TITLE_MAX),
        "close": plain("Done", MODAL_TITLE_MAX),
        "private_metadata": origin_channel[:PRIVATE_METADATA_MAX],
        "blocks": blocks,
        **extra,
    }


def ask_question_modal(origin_channel: str) -> View:
    """A one-field form; the channel it came from rides along in private_metadata."""
    question_input = {
        "type": "input",
        "block_id": ids.ASK_INPUT_BLOCK,
        "label": plain("Which piece of work are you wondering about?"),
        "element": {
            "type": "plain_text_input",
            "action_id": ids.ASK_INPUT,
            "max_length": QUESTION_MAX,
            "focus_on_load": True,
            "placeholder": plain(f"e.g. {EXAMPLE_QUESTIONS[0]}", 150),
        },
    }
    return _modal(
        "Ask RoleFit",
        [question_input, context("Only you will see the answer.")],
        origin_channel,
        submit=plain("Ask", MODAL_TITLE_MAX),
    )


def answer_modal(answer: Answer, kb: KnowledgeBase, origin_channel: str) -> View:
    """The answer shown in place of the form (response_action "update"), so nothing is lost."""
    return _modal("RoleFit answer", answer_blocks(answer, kb), origin_channel)


def reply_modal(reply: Reply, kb: KnowledgeBase, origin_channel: str) -> View:
    """Any conversation reply shown in place of the form: an ownership answer as above, the rest
    as the same blocks a message would carry (buttons included, they work in a modal too)."""
    if reply.answer is not None and reply.intent is Intent.OWNERSHIP:
        return answer_modal(reply.answer, kb, origin_channel)
    blocks = conversation_message(reply, kb)["blocks"][:MODAL_BLOCKS_MAX]
    return _modal("RoleFit", blocks, origin_channel)
