"""RoleFit the advisor: the whole conversation a leader has with it, not only "who owns X?".

`Chat.reply(text, memory)` reads a message as one intent (`intents`), answers it from the
knowledge base (the matcher, the advisor, the concepts), and returns a `Reply`: plain data that
the Slack side renders and `rolefit chat` prints, plus the `Memory` to keep for the next turn of
the same conversation. Pure: no Slack, no I/O, deterministic.
"""

from knowledge.dialogue.chat import Chat, Reply
from knowledge.dialogue.facts import HiringFacts
from knowledge.dialogue.intents import Intent
from knowledge.dialogue.memory import Memory

__all__ = ["Chat", "HiringFacts", "Intent", "Memory", "Reply"]
