"""Text in, message out: what RoleFit says to whatever someone typed, in the context of the
conversation it belongs to. No Slack calls, so `/rolefit`, direct messages, mentions and the Home
tab's Ask box all answer the same words the same way."""

from __future__ import annotations

import json
from dataclasses import dataclass

from cachetools import LRUCache

from bot.blocks.answer import AnswerRef
from bot.blocks.conversation import conversation_message
from bot.blocks.help import help_message
from bot.blocks.kit import Message
from bot.blocks.roles import roles_message
from bot.intent import Intent, read, words_of
from knowledge import Answer, KnowledgeBase, Matcher
from knowledge.dialogue import Chat, Memory, Reply


class Replies:
    """Answers each message given its conversation's memory (the caller recalls and stores it).

    A first turn depends only on the text, and teams ask the same things again, so recent
    first-turn replies are reused: `/rolefit` answers then cost close to a bare acknowledgement.
    Replies are shared, so callers must not mutate them."""

    def __init__(
        self,
        kb: KnowledgeBase,
        matcher: Matcher,
        *,
        size: int = 2048,
        longest: int = 500,
        chat: Chat | None = None,
    ) -> None:
        self.kb = kb
        # `chat`: one already made for a knowledge base that reads the same (only holders differ).
        self.chat = chat if chat is not None else Chat(kb, matcher)
        self._longest = longest  # longer texts rarely repeat and would bloat the memory
        self._first_turns: LRUCache[tuple[str, bool, bool], Turn] = LRUCache(maxsize=size)

    def turn(
        self,
        text: str,
        memory: Memory | None,
        *,
        shareable: bool = False,
        can_post: bool = False,
    ) -> Turn:
        """The reply to `text` after `memory` (None: a new conversation), and what to remember."""
        key = (text, shareable, can_post)
        if memory is None and (cached := self._first_turns.get(key)) is not None:
            return cached
        reply = self.chat.reply(text, memory)
        shown = conversation_message(reply, self.kb, shareable=shareable, can_post=can_post)
        turn = Turn(reply.memory, shown)
        if memory is None and len(text) <= self._longest:
            self._first_turns[key] = turn
        return turn

    def show(self, reply: Reply, *, can_post: bool = False) -> Message:
        """A reply made elsewhere (a button's answer), rendered."""
        return conversation_message(reply, self.kb, can_post=can_post)

    def command_ack(
        self, text: str, memory: Memory | None, *, can_post: bool
    ) -> tuple[str, Memory | None]:
        """`/rolefit TEXT`'s acknowledgement body, as JSON, and the memory to keep (None: keep
        none): its subcommands (help, roles, and their typos) first, then the conversation.
        `hire` never gets here: it opens the questionnaire. A repeated first question reuses the
        bytes already made."""
        reading = read(text)
        if reading.intent is Intent.ROLES:
            return _ephemeral(roles_message(self.kb)), None
        if reading.intent is Intent.HELP:
            help_text = help_message(unknown=reading.unknown, suggestion=reading.suggestion)
            return _ephemeral(help_text), None
        if len(words_of(text)) == 1 and self.chat.reply(text).intent == "off-topic":
            return _ephemeral(help_message(unknown=text.strip())), None  # an unknown subcommand
        turn = self.turn(text, memory, shareable=True, can_post=can_post)
        if turn.ack is None:
            turn.ack = _ephemeral(turn.message)
        return turn.ack, turn.memory


@dataclass
class Turn:
    memory: Memory
    message: Message
    ack: str | None = None  # the message as `/rolefit`'s acknowledgement body, once made


def _ephemeral(message: Message) -> str:
    return json.dumps({"response_type": "ephemeral", **message}, ensure_ascii=False)


def rebuild_answer(ref: AnswerRef, matcher: Matcher) -> Answer:
    """The answer a button refers to: the picked responsibility if it still exists (the knowledge
    base may have changed since the button was sent), else the question answered afresh."""
    if ref.responsibility_id:
        try:
            return matcher.answer_for(ref.responsibility_id, ref.question)
        except KeyError:
            pass
    return matcher.answer(ref.question)
