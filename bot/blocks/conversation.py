"""A conversation reply in Block Kit. Ownership answers and hiring advice keep their own rich
layouts; every other reply is its text, escaped, with the buttons that move the conversation on
(answers RoleFit asked for, posting the advice, the prefilled questionnaire)."""

from __future__ import annotations

import json

from pydantic import ValidationError

from bot.blocks import ids
from bot.blocks.answer import ANSWER_TEXT_BLOCKS, AnswerRef, answer_message
from bot.blocks.help import help_message
from bot.blocks.kit import (
    BUTTON_VALUE_MAX,
    Block,
    Message,
    actions,
    button,
    escape,
    message,
    section,
)
from bot.blocks.recommendation import recommendation_blocks
from bot.blocks.roles import roles_message
from knowledge import KnowledgeBase
from knowledge.dialogue import HiringFacts, Intent, Reply
from knowledge.dialogue.facts import Fact


def facts_value(facts: HiringFacts | None, **more: object) -> str:
    """A button value carrying the hiring facts (and `more`), so a click needs no stored state."""
    payload = {"s": facts.model_dump(mode="json", exclude_defaults=True) if facts else {}, **more}
    value = json.dumps(payload, separators=(",", ":"))
    return value if len(value) <= BUTTON_VALUE_MAX else json.dumps(more)


def facts_from_value(value: object) -> tuple[HiringFacts, dict[str, object]]:
    """The facts and extras a button carried; empty facts for anything that is not ours."""
    try:
        data = json.loads(value) if isinstance(value, str) else {}
        facts = HiringFacts.model_validate(data.get("s") or {}) if isinstance(data, dict) else None
    except (ValueError, ValidationError):
        return HiringFacts(), {}
    if facts is None or not isinstance(data, dict):
        return HiringFacts(), {}
    return facts, {key: item for key, item in data.items() if key != "s"}


def conversation_message(
    reply: Reply, kb: KnowledgeBase, *, shareable: bool = False, can_post: bool = False
) -> Message:
    """The reply as a message. `shareable` adds "Share in channel" to ownership answers (for
    replies only the asker sees); `can_post` offers to post hiring advice to the channel. The
    reply's note comes first, in a block of its own wherever the blocks are not its text."""
    if reply.intent is Intent.OWNERSHIP and reply.answer is not None:
        answer = reply.answer
        share = AnswerRef(answer.question) if shareable else None
        shown = answer_message(answer, kb, share=share, lead=reply.lead)
        return _followed(_noted(shown, reply.note), reply.after)
    if reply.intent is Intent.COMPARE and not reply.in_short:
        return _noted(roles_message(kb), reply.note)
    if reply.intent is Intent.HELP:
        return _noted(help_message(), reply.note)
    blocks: list[Block] = []
    if reply.recommendation is not None:
        if reply.note:  # the text below holds it already
            blocks.append(section(escape(reply.note)))
        blocks += recommendation_blocks(reply.recommendation, kb)
        if reply.after:  # the text above holds it already
            blocks.append(section(escape(reply.after)))
        buttons = [questionnaire_button(reply.facts, "Adjust it in the questionnaire")]
        if can_post:
            buttons.insert(
                0, button("Post it to the channel", ids.POST_ADVICE, facts_value(reply.facts))
            )
        blocks.append(actions("rolefit_advice_actions", *buttons))
    else:
        blocks.append(section(escape(reply.text)))
        for ask in reply.asks:
            blocks.append(
                actions(
                    "rolefit_hire_asks",
                    *(
                        button(
                            label,
                            f"{ids.HIRE_FACT_PREFIX}{index}",
                            _ask_value(reply, ask.fact, value),
                        )
                        for index, (value, label) in enumerate(ask.options)
                    ),
                    questionnaire_button(reply.facts, "Full questionnaire"),
                )
            )
    return message(escape(reply.text), blocks)


def _followed(shown: Message, after: str) -> Message:
    """`shown` (an answer) with `after` after its own words, before what it asked and its
    buttons, in its blocks and its notification text."""
    if not after:
        return shown
    blocks = list(shown.get("blocks", []))
    said = [n for n, block in enumerate(blocks) if block.get("block_id") in ANSWER_TEXT_BLOCKS]
    blocks.insert(said[-1] + 1 if said else len(blocks), section(escape(after)))
    return message(f"{shown['text']} {escape(after)}", blocks)


def _noted(shown: Message, note: str) -> Message:
    """`shown` with `note` before it, in its blocks and its notification text."""
    if not note:
        return shown
    blocks = [section(escape(note)), *shown.get("blocks", [])]
    return message(f"{escape(note)} {shown['text']}", blocks)


def questionnaire_button(facts: HiringFacts | None, label: str) -> Block:
    """Opens the hiring questionnaire, prefilled with the facts understood so far."""
    return button(label, ids.OPEN_QUESTIONNAIRE, facts_value(facts))


def _ask_value(reply: Reply, fact: Fact, value: str) -> str:
    return facts_value(reply.facts, f=fact, v=value, a=reply.memory.asked)
