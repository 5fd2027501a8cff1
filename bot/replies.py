"""Text in, message out: what RoleFit says to whatever someone typed. Pure — no Slack calls — so
`/rolefit`, direct messages and mentions all answer the same words the same way."""

from __future__ import annotations

from cachetools import LRUCache

from bot.blocks.answer import AnswerRef, answer_message
from bot.blocks.help import help_message
from bot.blocks.kit import Message
from bot.blocks.roles import roles_message
from bot.intent import Intent, read, words_of
from knowledge import Answer, KnowledgeBase, Matcher


def reply_for(text: str, kb: KnowledgeBase, matcher: Matcher, *, shareable: bool) -> Message:
    """Help, the roles, or an answer. The questionnaire needs a modal, so here "hire" gets help
    (whose button starts it)."""
    reading = read(text)
    if reading.intent is Intent.ROLES:
        return roles_message(kb)
    if reading.intent is Intent.QUESTION:
        answer = matcher.answer(reading.text)
        placed = answer.owners or answer.outside_owner or answer.alternatives
        if placed or len(words_of(reading.text)) > 1:
            return answer_message(
                answer, kb, share=AnswerRef(answer.question) if shareable else None
            )
        return help_message(unknown=reading.text)
    return help_message(unknown=reading.unknown, suggestion=reading.suggestion)


class RecentReplies:
    """`reply_for` with a memory. A reply depends only on the text and the knowledge base, which
    never changes while the app runs, and teams ask the same things again: reusing recent replies
    keeps `/rolefit` answers close to the cost of a bare acknowledgement. Replies are shared, so
    callers must not mutate them."""

    def __init__(
        self, kb: KnowledgeBase, matcher: Matcher, *, size: int = 2048, longest: int = 500
    ) -> None:
        self._kb = kb
        self._matcher = matcher
        self._longest = longest  # longer texts rarely repeat and would bloat the memory
        self._recent: LRUCache[tuple[str, bool], Message] = LRUCache(maxsize=size)

    def __call__(self, text: str, *, shareable: bool) -> Message:
        key = (text, shareable)
        reply = self._recent.get(key)
        if reply is None:
            reply = reply_for(text, self._kb, self._matcher, shareable=shareable)
            if len(text) <= self._longest:
                self._recent[key] = reply
        return reply


def rebuild_answer(ref: AnswerRef, matcher: Matcher) -> Answer:
    """The answer a button refers to: the picked responsibility if it still exists (the knowledge
    base may have changed since the button was sent), else the question answered afresh."""
    if ref.responsibility_id:
        try:
            return matcher.answer_for(ref.responsibility_id, ref.question)
        except KeyError:
            pass
    return matcher.answer(ref.question)
