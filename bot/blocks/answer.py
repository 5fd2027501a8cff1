"""An answer to "who owns X?": the owning role(s) with their holders, confidence in words, the
matched responsibility, the article section and why — plus "did you mean" and "share" buttons."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.blocks import ids
from bot.blocks.help import EXAMPLE_QUESTIONS
from bot.blocks.kit import (
    BUTTON_VALUE_MAX,
    Block,
    Message,
    actions,
    button,
    context,
    escape,
    message,
    quote,
    section,
)
from knowledge import Answer, KnowledgeBase
from knowledge.confidence import Sureness, confidence_words
from knowledge.dialogue.wording import (
    LISTED,
    NOT_PLACED,
    UNSETTLED,
    USUALLY,
    ownership,
    piece_owner,
    piece_sureness,
    split_topic,
)

# A button value holds the question so a click can rebuild the answer; this much is plenty.
_QUESTION_IN_VALUE = 1000

_LEADS: dict[Sureness, str] = {
    "clearly": "{this} is *clearly* work for",
    "most likely": "{this} is *most likely* work for",
    "not sure": "I'm *not sure*, but {this} looks like work for",
}


@dataclass(frozen=True)
class AnswerRef:
    """What a button carries so its click can rebuild an answer without any server-side state:
    the question, and the responsibility only when the person picked one ("did you mean")."""

    question: str
    responsibility_id: str | None = None

    def to_value(self) -> str:
        question = self.question[:_QUESTION_IN_VALUE]
        while True:
            value = json.dumps({"q": question, "r": self.responsibility_id}, ensure_ascii=False)
            if len(value) <= BUTTON_VALUE_MAX:
                return value
            question = question[: len(question) // 2]

    @classmethod
    def from_value(cls, value: object) -> AnswerRef | None:
        """The reference a button carried, or None when the value is not one of ours."""
        return cls.from_data(json_object(value))

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> AnswerRef | None:
        """The reference in a value's JSON object (`q` and `r`), or None."""
        if data is None or not isinstance(data.get("q"), str):
            return None
        responsibility_id = data.get("r")
        if responsibility_id is not None and not isinstance(responsibility_id, str):
            return None
        return cls(data["q"], responsibility_id)


def json_object(value: object) -> dict[str, Any] | None:
    """A button value or private_metadata read as a JSON object; None for anything else."""
    try:
        data = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def holder_mentions(holders: list[str]) -> str:
    """Mentions for the people (U…/W…) or user groups (S…) an overlay names as a role's holders."""
    mentions = [
        f"<!subteam^{h}>" if h.startswith("S") else f"<@{h}>" for h in holders if h.isalnum()
    ]
    if len(mentions) > 1:
        return f"{', '.join(mentions[:-1])} and {mentions[-1]}"
    return "".join(mentions)


def role_phrase(kb: KnowledgeBase, role_id: str) -> str:
    """ "the Product Manager (here that's <@U…>)", the holder part only when one is configured:
    in brackets, so two roles with their holders read apart ("the Product Owner (here that's
    @dana) and the Product Manager (here that's @erin and @sam)")."""
    role = kb.roles.get(role_id)
    if role is None:
        return escape(role_id)
    phrase = f"the {escape(role.name)}"
    mentions = holder_mentions(role.holders)
    return f"{phrase} (here that's {mentions})" if mentions else phrase


def _headline(answer: Answer, kb: KnowledgeBase) -> str:
    if answer.parts:
        return f"{LISTED}:"
    if not answer.settled:
        owner = answer.outside_owner
        usual = f" {USUALLY.format(owner=f'*{escape(owner)}*')}" if owner else ""
        return f"{UNSETTLED}{usual}"
    # Work picked from "did you mean" is named: the answer is about it, not what was asked.
    picked = answer.responsibility if answer.picked else None
    this = f"*{escape(picked.title)}*" if picked else "this"
    lead = _LEADS[confidence_words(answer.confidence)].format(this=this)
    lead = lead[0].upper() + lead[1:]
    phrases = [role_phrase(kb, owner) for owner in answer.owners]
    if len(phrases) == 1:
        return f"{lead} {phrases[0]}."
    if len(phrases) > 1:
        return f"{lead} both {' and '.join(phrases)}: it is shared work."
    if answer.outside_owner:
        return (
            f"This sounds like work for *{escape(answer.outside_owner)}*: neither the "
            "Product Owner nor the Product Manager."
        )
    return NOT_PLACED


def _details(answer: Answer, kb: KnowledgeBase) -> str:
    """What the answer rests on; for a list of work, each piece, whose it is and what it matched."""
    if answer.parts:
        return "\n".join(_piece(part, kb) for part in answer.parts)
    return "\n".join(f"*{label}:* {escape(text)}" for label, text in answer.details())


def _piece(part: Answer, kb: KnowledgeBase) -> str:
    """One listed piece: its words, whose it is (with the holders a workspace named), and the
    responsibility it matched."""
    if part.owners and part.settled:
        roles = " and ".join(role_phrase(kb, owner) for owner in part.owners)
        whose = f"{piece_sureness(part.confidence)} {roles}"
    else:
        whose = escape(piece_owner(part, kb))
    matched = f" ({escape(part.responsibility.title)})" if part.responsibility else ""
    return f"• *{escape(part.question)}*: {whose}{matched}"


def _fallback(answer: Answer, kb: KnowledgeBase) -> str:
    if answer.parts:
        return escape(f"RoleFit — {ownership(answer, kb)}")
    names = [kb.roles[o].name if o in kb.roles else o for o in answer.owners]
    if not answer.settled:
        usual = f"; commonly {answer.outside_owner}" if answer.outside_owner else ""
        return escape(f"RoleFit — the article doesn't settle this{usual}")
    if names:
        # ("not sure the Product Manager" reads badly in a notification)
        sureness = confidence_words(answer.confidence).replace("not sure", "perhaps")
        who = f"{sureness} the {' and the '.join(names)}"
    elif answer.outside_owner:
        who = f"neither role ({answer.outside_owner})"
    else:
        who = "no work in the article matches this"
    what = f": {answer.responsibility.title}" if answer.responsibility else ""
    return escape(f"RoleFit — {who}{what}")


# The blocks an answer says itself in: its headline, then its details.
ANSWER_TEXT_BLOCKS = ("rolefit_answer", "rolefit_answer_details")


def answer_blocks(
    answer: Answer,
    kb: KnowledgeBase,
    *,
    share: AnswerRef | None = None,
    lead: str = "",
    shared: bool = False,
) -> list[Block]:
    """The answer's blocks. With `share` (for answers only the asker sees), a "Share in channel"
    button that rebuilds this same answer from the reference; with `lead`, the yes or no a
    follow-up about one role gets before it ("Not the Product Owner."); `shared`, posted for a
    channel by someone who asked it: the question is "Asked", not "You asked", by every reader."""
    headline = _headline(answer, kb)
    if lead:
        headline = f"*{escape(lead)}* {headline}"
    blocks = [section(headline, block_id=ANSWER_TEXT_BLOCKS[0])]
    details = _details(answer, kb)
    if details:
        blocks.append(section(details, block_id=ANSWER_TEXT_BLOCKS[1]))
    # (nothing matched: no one's work to share, and the reading's own "try…" said once)
    no_match = not answer.owners and not answer.outside_owner and not answer.parts
    if no_match:
        examples = "; ".join(f"_{q}_" for q in EXAMPLE_QUESTIONS[:3])
        blocks.append(
            section(
                "I answer who owns product work — the Product Owner, the Product Manager or both. "
                f"For example: {examples} `/rolefit roles` compares the two roles."
            )
        )
    if answer.offers_alternatives():
        blocks.append(section("*Did you mean…*", block_id="rolefit_did_you_mean"))
        choices = [
            button(
                alternative.title,
                f"{ids.DID_YOU_MEAN_PREFIX}{index}",
                AnswerRef(answer.question, alternative.id).to_value(),
            )
            for index, alternative in enumerate(answer.alternatives[:3])
        ]
        blocks.append(actions(ids.DID_YOU_MEAN_CHOICES, *choices))
    # A list's pieces already show what each matched; its explanation would say it again.
    explained = answer.explanation and not answer.parts and not no_match
    how = f" · {quote(answer.explanation, 1000)}" if explained else ""
    asked, topic = split_topic(answer.question)
    about = f" (about “{quote(topic)}”)" if topic else ""
    who_asked = "Asked" if shared else "You asked"
    blocks.append(context(f"{who_asked}: “{quote(asked)}”{about}{how}"))
    if share is not None and not no_match:
        blocks.append(
            actions("rolefit_share", button("Share in channel", ids.SHARE_ANSWER, share.to_value()))
        )
    return blocks


def answer_message(
    answer: Answer,
    kb: KnowledgeBase,
    *,
    share: AnswerRef | None = None,
    lead: str = "",
    shared: bool = False,
) -> Message:
    fallback = _fallback(answer, kb)
    if lead:
        fallback = f"{escape(lead)} {fallback}"
    return message(fallback, answer_blocks(answer, kb, share=share, lead=lead, shared=shared))
