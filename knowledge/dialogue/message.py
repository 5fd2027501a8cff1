"""A message as the intent reading sees it: Slack markup and emoji codes gone, lower-case,
typos of the role names fixed, and the part that asks set apart from the story around it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from knowledge.dialogue import patterns as P
from knowledge.dialogue.literals import Prefilter


class Text(str):
    """A normalised message text that remembers which patterns it was searched with: the rules
    and the scorer's cues look for many of the same patterns in the same text."""

    @cached_property
    def possible(self) -> int:
        """The bits (`PREFILTER.bit_of`) of the patterns that could match this text, from one
        scan of it."""
        return PREFILTER.possible(self)

    def finds(self, pattern: re.Pattern[str]) -> bool:
        # Keyed by id: the patterns are module constants, and hashing a Pattern rehashes its
        # source every time (slower than most searches).
        found: dict[int, bool] | None = self.__dict__.get("found")
        if found is None:
            found = self.__dict__["found"] = {}
        key = id(pattern)
        hit = found.get(key)
        if hit is None:
            could = self.possible & _BITS.get(key, PREFILTER.always)  # PREFILTER.bit_of, inline
            hit = found[key] = bool(could) and pattern.search(self) is not None
        return hit


# Every pattern the reading has: one scan of a text tells which of them could match it.
PREFILTER = Prefilter(value for value in vars(P).values() if isinstance(value, re.Pattern))
_BITS = PREFILTER.bits


@dataclass(frozen=True)
class Message:
    """A message as the reading sees it: normalised whole, what it asks, and its words."""

    text: str
    said: Text
    asked: Text
    words: tuple[str, ...]


@lru_cache(maxsize=16)
def message_of(text: str) -> Message:
    """The message as read, kept for the few texts read last: a reply reads its message for
    the intent and again for the answer's shape."""
    read = window(text)
    said = normalise(read)
    words = tuple(said.replace("?", " ").split())
    return Message(text, Text(said), Text(question_of(read)), words)


@lru_cache(maxsize=16)
def normalise(text: str) -> str:
    """Lower-case words, without Slack markup or emoji codes, single-spaced; kept for the few
    texts read last, as a reply reads its message's words in several checks."""
    said = " ".join(P.NOT_WORDS.sub(" ", _plain(text)).split())
    said = P.ROLE_TYPOS.sub(lambda m: P.ROLE_FIXES[m.group(0)], said)
    said = P.SHORTHAND_WORDS.sub(lambda m: P.SHORTHAND[m.group(0)], said)
    said = P.ROLES_OR.sub(r"\1 or ", said)
    return said.removeprefix("/rolefit ").removeprefix("rolefit ")


def spelled_out(text: str) -> str:
    """Chat shorthand no word is spelled as written out ("who shld i hire", "wat is a po"),
    outside Slack's markup (links, mentions), so that every reading of a message sees it."""
    return P.MARKUP_OR_TEXT.sub(
        lambda part: (
            part.group(0)
            if part.group(0).startswith("<")
            else P.SPELLED_OUT_WORDS.sub(lambda m: P.SHORTHAND[m.group(0).lower()], part.group(0))
        ),
        text,
    )


def _plain(text: str) -> str:
    """Lower-case text without Slack markup or emoji codes, its punctuation kept."""
    unescaped = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    # Phones and Macs type a curly apostrophe (U+2019); every pattern spells the straight one.
    return P.MARKUP.sub(" ", unescaped).replace("\u2019", "'").lower()


def follow_up_topic(message: Message) -> str:
    """What a follow-up asks about, as written: "and pricing, payroll and legal?" -> "pricing,
    payroll and legal". Its commas stay, so the matcher reads a list as one. Where its opening
    reads otherwise once normalised (an emoji first), the normalised words."""
    topic = P.FOLLOW_UP.sub("", message.said).strip(" ?")
    written = P.FOLLOW_UP.sub("", " ".join(_plain(window(message.text)).split())).strip(" ?.!")
    return written if normalise(written).strip(" ?") == topic else topic


def question_of(text: str) -> str:
    """What a message asks: its sentences that end in a question mark, else its last one. In
    "our clients, who already pay us, … PO or PM?" the story's "who" asks nothing."""
    sentences = [s for s in P.SENTENCE_END.split(text) if s.strip()]
    asked = [s for s in sentences if s.rstrip().endswith("?")] or sentences[-1:]
    return normalise(" ".join(asked))


# A long message is read by its opening and its end, where people say what they want; the
# work a message costs then stays bounded however long it is.
WINDOW_HEAD, WINDOW_TAIL = 700, 300


def window(text: str) -> str:
    """A long message's opening and end."""
    if len(text) <= WINDOW_HEAD + WINDOW_TAIL:
        return text
    return f"{text[:WINDOW_HEAD]} … {text[-WINDOW_TAIL:]}"


# What a reply reads of a message at most: Slack's advice for a message's length. A longer one is
# read by its opening and its end (a paste's question comes last).
MOST_READ, MOST_READ_TAIL = 4000, 1000
# A run of stops, commas, dashes or spaces in a line longer than this says no more than this
# much of it, and no pattern then backtracks through more of it (40,000 commas took 19 s,
# quadratically); nor do more than this many line breaks with only those between them. Line
# breaks are never cut from a line: lists and questions are read line by line.
_LONG_RUN = re.compile(r"(?:[^\S\n]|[,.;:!?\-_*~]){9,}")
_LINE_BREAKS = re.compile(r"\n(?:[^\S\n]|[,.;:!?\-_*~])*(?:\n(?:[^\S\n]|[,.;:!?\-_*~])*){8,}")
_RUN_KEPT = 8
# Whether a text has any such run at all: one character class, so the common text is told at once.
_ANY_RUN = re.compile(r"[\s,.;:!?\-_*~]{9}")


def bounded(text: str) -> str:
    """The message as a reply reads it: runs of stops, commas, dashes and spaces in a line cut
    to their first few, blank lines to one, and at most MOST_READ characters, its opening and
    its end. Whatever the patterns, the work one message costs stays bounded."""
    squeezed = text
    if len(text) > _RUN_KEPT and _ANY_RUN.search(text):
        squeezed = _LONG_RUN.sub(_first_of_run, _LINE_BREAKS.sub("\n\n", text))
    if len(squeezed) <= MOST_READ:
        return squeezed
    return f"{squeezed[: MOST_READ - MOST_READ_TAIL]} … {squeezed[-MOST_READ_TAIL:]}"


def _first_of_run(run: re.Match[str]) -> str:
    """A run's first few characters and its last, so what it ended on still ends it."""
    return run.group()[: _RUN_KEPT - 1] + run.group()[-1]


# Everyday words of other languages that English never uses ("die", "was", "es", "per" are
# English too, and "das", "una", "del", "den", "los" are names, so they are left out).
_EVERYDAY_WORDS = {
    "german": "wer wie warum wieso welche welcher welches und oder ist sind der dem ein "
    "eine einen nicht kein keine wir ich bei uns unser unsere macht machen soll sollen sollte "
    "gibt auch für fuer auf wird werden haben habe aber noch schon jetzt gerade leute "
    "entscheidet zwischen eigentlich brauchen",
    "spanish": "quién quien qué que cómo cuál cual por para nosotros hace hacer "
    "debe debo puede tenemos somos contratar entre significa está están pero también "
    "responsable análisis competencia producto mercado equipo empresa necesitamos",
    "french": "qui quoi une nous fait faire avec dans doit devons embaucher quelle quel mais aussi",
    "italian": "chi cosa sono della nostro dobbiamo assumere",
    "portuguese": "quem faz nós devemos uma",
    "dutch": "doet het een moeten wij onze",
}
_OTHER_LANGUAGES_WORDS = frozenset(" ".join(_EVERYDAY_WORDS.values()).split())


def asks_in_another_language(text: str) -> bool:
    """Whether a message is written mostly in another language in English letters ("wer
    entscheidet was gebaut wird?", "que significa product owner exactamente?"): at least two of
    its words and a third of them are everyday words of another language, which the rules and
    the matcher would misread as English ("wer macht marktforschung" is no hiring question). A
    word or two among English ("PO oder PM?", "danke!") is read as usual."""
    words = message_of(text).words  # read once per message, and kept for the reply
    foreign = sum(map(_OTHER_LANGUAGES_WORDS.__contains__, words))
    return foreign >= 2 and 3 * foreign >= len(words)


# Scripts written without spaces between words (Thai, Japanese kana, Chinese), and the letters
# that make one a sentence rather than a word or a name.
_UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff]")
_UNSPACED_SENTENCE = 4
# What makes such a sentence a question, short as it is: who, what, how, the question particles.
_UNSPACED_QUESTION = re.compile(r"[か誰谁何哪吗呢]|什么|どう|どこ|どの|ไหน|อะไร|ใคร")
# Everyday Japanese courtesies, greeted rather than told "English only".
_JAPANESE_COURTESY = re.compile(
    r"おはよう(?:ございます)?|お疲れ(?:様|さま)?(?:です)?|よろしく(?:お願い|おねがい)?(?:します)?|"
    r"すみません|こんばんは|ありがとう(?:ございます)?|ございます|お願いします"
)


def asks_in_another_script(text: str) -> bool:
    """Whether a message asks something mostly in letters that are not English ("кто отвечает
    за бэклог?", "кто такой PM и чем он занимается?"): the rules and the matcher read English
    only, though a message naming the roles is read for them. A word or two ("привет",
    "спасибо большое") is a greeting or thanks, read as one. `text` is NFKC-normalised already
    (`Chat.reply`), so English in fullwidth letters is English here."""
    if text.isascii():
        return False  # every letter English: the common case, told at once
    said = normalise(text)
    letters = [c for c in said if c.isalpha()]
    english = sum(c.isascii() for c in letters)
    if len(letters) - english <= 2 * english or P.NAMES_PO.search(said) or P.NAMES_PM.search(said):
        return False  # mostly English, or it names the roles: read as usual
    if "?" in text or len(said.split()) > 2:
        return True
    # Written without spaces ("バックログは誰が管理しますか"): a sentence once greetings and thanks
    # are set aside ("すみません、バックログは…" still asks)
    for courtesy in (_JAPANESE_COURTESY, P.GREETING_PHRASES, P.FOREIGN_THANKS):
        said = courtesy.sub(" ", said)
    unspaced = sum(_UNSPACED_SCRIPT.match(c) is not None for c in said)
    asks = _UNSPACED_QUESTION.search(said) or unspaced >= 2 * _UNSPACED_SENTENCE
    return unspaced >= _UNSPACED_SENTENCE and bool(asks)
