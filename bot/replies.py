"""Text in, message out: what RoleFit says to whatever someone typed, in the context of the
conversation it belongs to. No Slack calls, so `/rolefit`, direct messages, mentions and the Home
tab's Ask box all answer the same words the same way."""

from __future__ import annotations

import json
from dataclasses import dataclass

from cachetools import LRUCache

from bot.blocks.answer import AnswerRef
from bot.blocks.conversation import conversation_message
from bot.blocks.feedback import FeedbackRef, with_feedback
from bot.blocks.help import help_message
from bot.blocks.kit import Message
from bot.blocks.roles import roles_message
from bot.intent import Intent, command_in_a_message, read, words_of
from bot.store.insights import Asked
from knowledge import Answer, KnowledgeBase, Matcher
from knowledge.dialogue import Chat, Memory, Reply
from knowledge.dialogue import Intent as ChatIntent
from knowledge.dialogue.intents import is_greeting

COMMAND_IN_A_MESSAGE = (
    "`{command}` runs only as the slash command: type `/rolefit {command} …` in the message box "
    "(it is for workspace admins). In a message I answer questions, as below."
)


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
        command: bool = False,
    ) -> Turn:
        """The reply to `text` after `memory` (None: a new conversation), and what to remember.
        `command`: typed after `/rolefit`, whose subcommands never get here; a message written
        as one ("stats" in a DM) is told where it runs."""
        key = (text, shareable, can_post)
        if memory is None and (cached := self._first_turns.get(key)) is not None:
            return cached
        if not command and (subcommand := command_in_a_message(text)):
            # "@RoleFit stats", "teach po-backlog : the wall" in a DM: told where it runs, the
            # conversation kept (it was answered as a question, or as outside what RoleFit knows)
            told = COMMAND_IN_A_MESSAGE.format(command=subcommand)
            kept = memory or Memory(intent="help")
            reply = Reply(intent=ChatIntent.HELP, text=told, note=told, memory=kept)
        else:
            reply = self.chat.reply(text, memory)
        shown = conversation_message(reply, self.kb, shareable=shareable, can_post=can_post)
        turn = Turn(reply, shown)
        if memory is None and len(text) <= self._longest:
            self._first_turns[key] = turn
        return turn

    def show(self, reply: Reply, *, can_post: bool = False) -> Message:
        """A reply made elsewhere (a button's answer), rendered."""
        return conversation_message(reply, self.kb, can_post=can_post)

    def command_turn(self, text: str, memory: Memory | None, *, can_post: bool) -> str | Turn:
        """`/rolefit TEXT`: its subcommands' acknowledgement body (help, roles, and their typos)
        as JSON, else the conversation's turn (`command_ack` makes its body). `hire` and `stats`
        never get here: they answer after the acknowledgement."""
        reading = read(text)
        if reading.intent is Intent.ROLES:
            return _ephemeral(roles_message(self.kb))
        if reading.intent is Intent.HELP:
            return _ephemeral(help_message(unknown=reading.unknown, suggestion=reading.suggestion))
        if len(words_of(text)) == 1 and self._unknown_word(text):
            return _ephemeral(help_message(unknown=text.strip()))  # an unknown subcommand
        return self.turn(text, memory, shareable=True, can_post=can_post, command=True)

    def _unknown_word(self, text: str) -> bool:
        """A lone word that is no question and no greeting: after `/rolefit`, a subcommand
        RoleFit does not have."""
        intent = self.chat.reply(text).intent
        return intent is ChatIntent.OFF_TOPIC or (
            intent is ChatIntent.SMALLTALK and not is_greeting(text)
        )

    def command_ack(self, turn: Turn, question_id: int | None = None) -> str:
        """A turn as `/rolefit`'s acknowledgement body; with `question_id`, with feedback
        buttons. A first question asked again reuses the bytes already made: with feedback, those
        made, once it is asked a second time, with a stand-in id, the question's own id put in
        its place (the same bytes as made afresh, which `_with_id` checks). A question asked
        once (most are) costs no second making, and keeps no second copy."""
        if question_id is None or not _takes_feedback(turn):
            if turn.ack is None:
                turn.ack = _ephemeral(turn.message)
            return turn.ack
        turn.acks_with_id += 1
        if turn.acks_with_id == 2:
            turn.ack_with_id = self._with_id(turn)
        if turn.ack_with_id is None:
            return _ephemeral(self.with_feedback(turn, question_id, ephemeral=True))
        return turn.ack_with_id.replace(_ID_MARK, _ID_SPOT.format(question_id))

    def _with_id(self, turn: Turn) -> str | None:
        """The ack with feedback under a stand-in id, or None where the id cannot simply be put
        in its place (a value shortened to fit: a shorter id would shorten it less)."""
        made = _ephemeral(self.with_feedback(turn, _STAND_IN_ID, ephemeral=True))
        other = _ephemeral(self.with_feedback(turn, 1, ephemeral=True))
        return made if made.replace(_ID_MARK, _ID_SPOT.format(1)) == other else None

    def with_feedback(self, turn: Turn, question_id: int | None, *, ephemeral: bool) -> Message:
        """The turn's message, with 👍 / 👎 under an ownership answer once its question is
        recorded (`question_id`); any other message as it is."""
        answer = turn.reply.answer
        if question_id is None or answer is None or not _takes_feedback(turn):
            return turn.message
        ref = FeedbackRef(question_id, AnswerRef(answer.question), ephemeral=ephemeral)
        return with_feedback(turn.message, ref)


def command_conversation(team: str, user: str) -> str:
    """The key one person's `/rolefit` conversation is remembered by (its replies are private)."""
    return f"{team}:{user}{COMMAND_SUFFIX}"


def thread_conversation(team: str, channel: str, thread: str | None) -> str:
    """The key a conversation in a channel or DM is remembered by: its thread, or the top level
    (no thread)."""
    return f"{team}:{channel}:{thread or ''}"


# What ends a `/rolefit` conversation's key.
COMMAND_SUFFIX = ":command"


def asked_in(reply: Reply, team: str, user: str, text: str) -> Asked | None:
    """What insights record of a turn: every question RoleFit tried to answer, with its answer
    and confidence (greetings, help and thanks are not questions). An answer naming neither
    role records no owners: it counts as unanswered."""
    if reply.intent in (ChatIntent.HELP, ChatIntent.SMALLTALK, ChatIntent.FEEDBACK):
        return None
    answer = reply.answer if reply.intent is ChatIntent.OWNERSHIP else None
    advice = reply.recommendation
    return Asked(
        team=team,
        user=user,
        text=text,
        intent=str(reply.intent),
        owners=None if answer is None else list(answer.owners),
        confidence=None if answer is None else answer.confidence,
        responsibility=answer.responsibility.id if answer and answer.responsibility else None,
        recommendation=None if advice is None else advice.recommendation,
    )


@dataclass
class Turn:
    reply: Reply
    message: Message
    ack: str | None = None  # the message as `/rolefit`'s acknowledgement body, once made
    acks_with_id: int = 0  # acknowledgements with feedback made of it so far
    # Made at the second of them: the same with feedback for a stand-in id (None: not reused)
    ack_with_id: str | None = None

    @property
    def memory(self) -> Memory:
        return self.reply.memory


def _takes_feedback(turn: Turn) -> bool:
    return turn.reply.answer is not None and turn.reply.intent is ChatIntent.OWNERSHIP


# A question id as long as any (ids have 63 bits: up to 19 digits), where it stands in a
# feedback button's value, as that value reads inside the acknowledgement's JSON: the value
# opens with the id, so nothing a person typed can read the same.
_STAND_IN_ID = 9_000_000_000_000_000_009
_ID_SPOT = '{{\\"i\\":{},'
_ID_MARK = _ID_SPOT.format(_STAND_IN_ID)


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
