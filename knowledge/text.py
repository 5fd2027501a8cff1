"""Turning free text (often Slack text) into plain lowercase words the matcher can compare.

Kept separate from the matcher because the same cleaning applies to the knowledge phrases and to
questions, and because it is the part most worth testing with odd input.
"""

from __future__ import annotations

import gzip
import html
import re
import unicodedata
from functools import cache, lru_cache
from importlib.resources import files

import snowballstemmer  # Snowball's English stemmer: "prioritising"/"prioritize" meet, in C-speed

# Slack markup: <@U123|name> mentions, <!channel>/<!subteam^S1|@x> broadcasts, <#C1|name>
# channels (keep the name), <https://x|label> links (keep the label), bare <https://x> links.
_MENTION = re.compile(r"<[@!][^>]*>")
_CHANNEL = re.compile(r"<#[A-Z0-9]+(?:\|([^>]*))?>")
_LINK = re.compile(r"<[a-z][a-z0-9+.-]*:[^>|]*(?:\|([^>]*))?>", re.IGNORECASE)
EMOJI_CODE = re.compile(r":[a-z0-9_+'-]+:(?::skin-tone-\d:)?")  # Slack's ":tada:"
_BARE_URL = re.compile(r"\bhttps?://\S+")
# "P&L", "R & D", "M&A" become one word ("pnl", "rnd") before punctuation is dropped.
_AMPERSAND_ABBREVIATION = re.compile(r"\b([a-z])\s*&\s*([a-z])\b")
_POSSESSIVE = re.compile(r"(?<=[a-z0-9])'s\b")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Curly and other apostrophes typed for a straight one (phones type curly ones).
STRAIGHT_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_FORMATTING_MARKS = ("*", "_", "~")  # mrkdwn bold, italic, strike: read as spaces

# Naming a role in the question says nothing about who owns the work ("should our PO run the
# competitor review?" is still Product Manager work), so these word runs are dropped.
ROLE_NAMES: tuple[tuple[str, ...], ...] = (
    ("product", "owner"),
    ("product", "owners"),
    ("product", "manager"),
    ("product", "managers"),
    ("product", "mgr"),
    ("product", "mgrs"),
    ("po",),
    ("pos",),
    ("pm",),
    ("pms",),
    ("ppo",),
)

_ROLE_NAME_STARTS = frozenset(name[0] for name in ROLE_NAMES)

# Function words plus the words every "who owns X?" question shares; they carry no topic.
_STOPWORD_TEXT = """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each either else etc ever every few for from further had
    hadn't has hasn't have haven't having he her here hers herself him himself his how i i'd
    i'm i've if in into is isn't it it's its itself just let's me might mine more most must
    mustn't my myself neither no nor not now of off on once only or other ought our ours
    ourselves out over own owns owned owning ownership owner owners per quite rather really
    same shall she should shouldn't so some such than that that's the their theirs them
    themselves then there there's these they they'd they're this those though through thus to
    too under until up upon us very was wasn't we we'd we're we've were weren't what what's
    whatever when where which while who who's whoever whom whose will with within without
    won't would wouldn't yes yet you you'd you're your yours yourself yourselves job jobs task
    tasks duty duties role roles responsible responsable responsibility responsibilities accountable
    accountability charge care handle handles handled handling manage manages managed managing
    management run runs running ran oversee oversees overseeing drive drives driving person
    people someone somebody anyone anybody everyone something anything everything nothing
    we'll i'll you'll they'll it'll lol haha guy guys folks team's hey hi hello thanks
    thank thx please pls plz fyi btw imo afaik tbh question quick q ask asking wondering wonder
    curious actually basically purely solely exclusively mainly mostly typically usually
    normally generally probably maybe perhaps kind sort thing things stuff like lot lots really
    truly supposed expected meant ok okay sure get gets got getting go goes going take takes
    taking make makes making help helps helping work works working worked one ones whether
    think thought know knows say says said tell told right wrong correct belong belongs fall
    falls under part side bit area realm domain vs versus specifically exactly precisely
    particularly especially toward towards
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def clean_text(text: str) -> str:
    """Lowercase plain text with Slack markup, emoji codes, URLs and odd Unicode forms removed.

    Each step runs only when its text could be there (NFKC leaves ASCII as it is; markup needs
    "<", entities "&", URLs "://", emoji ":"), so plain text costs a few substring tests and a
    lower()."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    if "<" in text:
        text = _MENTION.sub(" ", text)
        text = _CHANNEL.sub(lambda m: f" {m.group(1) or ''} ", text)
        text = _LINK.sub(lambda m: f" {m.group(1) or ''} ", text)
    if "&" in text:
        text = html.unescape(text)  # Slack escapes &, < and > as entities
    if "://" in text:
        text = _BARE_URL.sub(" ", text)
    if text.isascii():  # of the quotes to straighten only the backtick is ASCII
        text = (text.replace("`", "'") if "`" in text else text).lower()
    else:
        text = text.translate(STRAIGHT_QUOTES).lower()
    if ":" in text:
        text = EMOJI_CODE.sub(" ", text)
    for mark in _FORMATTING_MARKS:  # str.replace beats str.translate on short text
        if mark in text:
            text = text.replace(mark, " ")
    if "&" in text:
        text = _AMPERSAND_ABBREVIATION.sub(r"\1n\2", text)
    if "'s" in text:
        text = _POSSESSIVE.sub("", text)
    return text


def split_words(cleaned: str) -> list[str]:
    """The words of already-cleaned text; punctuation, emoji and symbols are separators.

    A word starts and ends with a letter or digit (an apostrophe only joins "don't"), and an
    underscore is never part of one."""
    words: list[str] = _WORD.findall(cleaned)
    return words


# Where one clause of a message ends: punctuation, a spaced dash, or a joining word that starts a
# side remark ("…, so who…", "who… if I'm in sprint planning"). Words are never cut in two. The
# marks and words are also tested on their own first (`asking_sides`): most questions have none.
_BREAK_MARKS = frozenset(",;:.!?()\u2014\u2013")
_BREAKING_WORDS = frozenset({"so", "but", "if", "while", "because", "since", "although"})
_CLAUSE_BREAK = re.compile(
    rf"[{''.join(sorted(_BREAK_MARKS))}]+|\s-+\s|(?=\b(?:{'|'.join(sorted(_BREAKING_WORDS))})\b)"
)
_ASKING_WORDS = frozenset({"who", "whose", "whom", "whos"})
# "…the backlog is a mess, who cleans it up?": the ask points back at what came before it.
POINTING_BACK = frozenset({"it", "its", "them", "they", "that", "this", "those", "these"})
# A listed piece opening with one of these is more of the piece before it: "our suppliers and
# their delivery schedules" is one piece of work.
_BELONGS_BACK = frozenset({"its", "their"})
# A quoted span ('as a user i want to reset my password') is the thing asked about, not the ask;
# the opening quote may not follow a letter, so plural possessives ("customers' needs") stay.
_QUOTED = re.compile(r"(?<![a-z0-9])['\"]([^'\"]*[a-z0-9?!.])['\"](?![a-z0-9])")

# Where each word sits relative to the clause that asks "who…".
BEFORE, ASKED, AFTER = -1, 0, 1


def asking_sides(cleaned: str) -> list[int]:
    """For each word of `split_words(cleaned)`: ASKED in the clause that asks "who…", BEFORE or
    AFTER it otherwise (a quoted example inside the ask counts as AFTER: detail, not the ask).

    The rest is context ("our PM is busy with pricing, so who handles the backlog?"; "who picks
    up my kid if I'm in sprint planning?"): it says why someone asks, not what they ask about.
    With no "who", or a who-clause that points back ("…, who cleans it up?"), the words before
    it are the ask too."""
    # Each run of words with its clause number and whether it is quoted, in order.
    runs: list[tuple[list[str], int, bool]] = []
    if "'" not in cleaned and '"' not in cleaned:  # nothing quoted: clauses are the runs
        body = cleaned.rstrip(" .!?")
        if _BREAK_MARKS.isdisjoint(body) and "-" not in body:
            words = split_words(cleaned)
            if _BREAKING_WORDS.isdisjoint(words):
                return [ASKED] * len(words)  # nothing a clause breaks at (no apostrophe, so a
                # word of the text is one of the joining words exactly where the pattern finds it)
        runs = [
            (split_words(part), n, False) for n, part in enumerate(_CLAUSE_BREAK.split(cleaned))
        ]
        if not any(words for words, _, _ in runs[1:]):
            # One clause ("who owns the backlog?"): every word is in it, asking or not.
            return [ASKED] * len(runs[0][0])
    clause = 0
    pieces = _QUOTED.split(cleaned) if not runs else []
    for number, piece in enumerate(pieces):
        if number % 2:  # re.split puts each quoted span at an odd index
            runs.append((split_words(piece), clause, True))
            continue
        for part_number, part in enumerate(_CLAUSE_BREAK.split(piece)):
            clause += part_number > 0
            runs.append((split_words(part), clause, False))
    asking = next(
        (c for words, c, quoted in runs if not quoted and not _ASKING_WORDS.isdisjoint(words)),
        None,
    )
    if asking is None:
        return [ASKED] * sum(len(words) for words, _, _ in runs)
    points_back = any(
        c == asking and not quoted and not POINTING_BACK.isdisjoint(words)
        for words, c, quoted in runs
    )
    sides: list[int] = []
    for words, c, quoted in runs:
        if c > asking or (c == asking and quoted):
            side = AFTER
        else:
            side = ASKED if c == asking or points_back else BEFORE
        sides += [side] * len(words)
    return sides


# Where a short question lists several pieces of work: "who owns the backlog, pricing and the
# budget?", "sprint planning + supplier contracts, whose job?".
_LIST_JOIN = re.compile(
    r"\s*(?:[,;&+\n]|\s/\s|(?<=\w\w)/(?=\w\w)|\b(?:and|plus|as well as|along with)\b)\s*",
    re.IGNORECASE,  # `may_list_work` tests text before it is cleaned (lower-cased)
)
# What every match of `_LIST_JOIN` holds: most questions hold none, and these substring tests
# cost a third of the pattern's search.
_LIST_JOIN_HINTS = (",", ";", "&", "+", "\n", "/", "and", "plus", "as well as", "along with")
# "X vs Y" sets two pieces of work side by side only where each is asked about ("backlog vs gtm
# - who owns which?"); elsewhere it is one piece weighing the two ("customer requests versus
# tech debt").
_VERSUS = re.compile(r"\s*\b(?:vs|versus)\b\.?\s*", re.IGNORECASE)
_EACH_ASKED = re.compile(r"\b(?:which|each|respectively)\b", re.IGNORECASE)
# Work weighed against work: one piece of work ("balances speed vs quality").
_WEIGHED = re.compile(
    r"\b(?:weigh\w*|balanc\w*|trade\w*|choos\w*|chose|decid\w*|priorit\w*|compar\w*|pick\w*|"
    r"between|against)\b",
    re.IGNORECASE,
)


def _asked_of_each(text: str) -> bool:
    """Whether work set against work ("X vs Y") is asked of each ("which of pricing vs the
    backlog…", "who owns discovery vs delivery?"), not weighed as one piece of work ("who
    weighs customer requests versus tech debt?")."""
    return bool(_EACH_ASKED.search(text) or (WHO.search(text) and not _WEIGHED.search(text)))


def _joins_a_list(text: str) -> bool:
    """Whether `text` holds what joins a list (`_LIST_JOIN`). Only ASCII text is tested for
    the hints first: IGNORECASE folds letters (a dotted İ) that casefold() does not."""
    if text.isascii():
        lowered = text.lower()
        if not any(hint in lowered for hint in _LIST_JOIN_HINTS):
            return False
    return _LIST_JOIN.search(text) is not None


# A bulleted or numbered line ("who owns:\n- the backlog\n- pricing") is a listed piece too.
_BULLET = re.compile(r"(?m)^\s*(?:[-\u2022\u00b7]|\d{1,2}[.)])\s+")
# So is each item numbered in a line ("who owns: 1) backlog 2) pricing"), where two or more are.
_NUMBERED = re.compile(r"(?:^|\s)\(?(?:\d{1,2}|[a-h])\)\s+")
# And each item bulleted in a line ("who owns these? • backlog • pricing").
_BULLETS = "\u2022\u00b7"
_BULLETED = re.compile(rf"(?:^|\s)[{_BULLETS}]\s+")
# One example in a list of people named by example: "the CFO", "sales" (one word, or "the" and
# one: "does pricing" is work, not a person).
_EXAMPLE = r"(?:the )?\w+"
# A list set in dashes or brackets gives examples of one thing ("the hard numbers — market share,
# figures — on the market").
_NOT_A_LIST = re.compile(
    r"[(\[]|[\u2014\u2013].*[\u2014\u2013]|\s-+\s.*\s-+\s|"
    # people named by example to the end of the list ("represents stakeholders such as risk,
    # compliance and finance to the team"; not "meets customers like banks and insurers, and
    # runs the launch", where the list goes on), or named to the last ("talking to finance, ops,
    # sales, legal, basically everyone")
    r"\b(?:stakeholders|teams|departments|people|groups|partners|customers|clients) (?:such as|"
    rf"like|including|e\.?g\.?)\s+{_EXAMPLE}(?:,\s*{_EXAMPLE})*,?\s+(?:and|or)\s+{_EXAMPLE}"
    # (and ends its clause, or the message: nothing listed after it)
    r"(?=\s*(?:$|[?.!]\s*$|(?:to|for|in|on|at|about|with|across|when|while|if)\b[^,;]*$))|"
    r",\s*(?:basically |pretty much |and |or )?(?:everyone|everybody)\b|"
    # two things set side by side to be told apart ("the difference between a sprint goal and a
    # product goal"): one question about both
    r"\b(?:difference|differences|distinction) between\b"
)
# Where one sentence ends and the next begins (the conversation splits messages on it too).
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
# Sentences and lines; a line that goes on from the one before ("…checklist,\nand who owns…")
# only wraps it.
_SENTENCE_OR_LINE = re.compile(r"(?<=[.!?])\s+|\s*\n\s*")
_GOES_ON = re.compile(r"(?:and|or|&|but|plus)\b")
# Who a list of work is wanted from, before the work: "(this week) I need someone to groom the
# backlog, talk to suppliers and plan the sprint".
_SOMEONE_TO = re.compile(
    r"^(?:[^,]{0,20},\s*)?[^,]*?\b(?:i|we)(?: need| want| am looking for| are looking for|'?m "
    r"looking for|'?re looking for) (?:someone|somebody|a person|a product person) to\s+"
)
# Who does a list of work today, before the work: "my cto is doing backlog + sprint planning +
# talks to customers", "our founder handles pricing, hiring and the roadmap".
_SOMEONE_DOES = re.compile(
    r"^(?:(?:my|our|the) (?:\w+ )?(?:cto|ceo|coo|cfo|founders?|co-?founders?|tech lead|lead dev|"
    r"engineering manager|head of \w+|team lead|dev lead)|(?:he|she)) (?:is |'?s )?(?:currently |"
    r"already |now |still |also )?(?:doing|does|handles|handling|runs|running|owns|covers|"
    r"takes care of|taking care of|juggles|juggling)\s+"
)
# "Who", "whose", "whom": where a question asks about someone.
WHO = re.compile(r"\bwho(?:se|m)?\b")
# Beside the sentence that lists work, a sentence this short is a greeting, thanks or an aside
# ("Hey!", "thx", "asking for a friend"); a longer one is a story the question sits in.
ASIDE_WORDS = 4
# A question that starts like this asks of its list whether it is a role's ("are user stories and
# pricing PM work?").
_YES_NO_STARTS = frozenset(["is", "are", "does", "do", "should", "would", "can", "could"])
# A listed piece starting with one of these follows a clause break, not a list ("…, but who…").
_CLAUSE_WORDS = _BREAKING_WORDS | {"when"}
# A listed piece that says something of the asker, the team or a state of things ("our PM is busy
# with pricing", "it keeps slipping", "not just the features") is a sentence around the question,
# not a piece of work.
_SENTENCE_WORD_TEXT = """
    then not just only instead except rather is are was were be been being am has have had
    keep keeps kept i me mine we us ours you yours he she they them it this that i'm we're
    you're they're it's there
"""
_SENTENCE_WORDS = _CLAUSE_WORDS | frozenset(_SENTENCE_WORD_TEXT.split())
# Words that name no work in a listed piece: function words, the roles' own names ("sprint
# planning: PO or PM?") and the question around the list ("…, and why?").
_ROLE_WORDS = frozenset(word for name in ROLE_NAMES for word in name)
_ROLE_ENDS = frozenset(name[-1] for name in ROLE_NAMES)  # "…the PO", "…our product manager"
_NOT_WORK = STOPWORDS | _ROLE_WORDS | {"why", "how", "what", "which", "each", "exactly", "thx"}
# The question around a listed piece's own words: "who is responsible for the backlog", "who
# runs payroll", "pricing: PO or PM?", "supplier contracts, whose job?".
_ASKING_VERB_TEXT = """
    own owns owning do does should would could can will is are handle handles run runs manage
    manages take takes care of responsible for in charge supposed to be look looks after deal
    deals with actually really usually typically normally
"""
_LEADING_ASK = (
    frozenset(_ASKING_VERB_TEXT.split())
    | _ROLE_WORDS
    | {"or", "and", "anyone", "someone", "somebody", "erm", "um", "uh", "hey", "hi", "so", "also"}
    | {"ok", "okay", "what", "how", "about", "both", "either"}
)
_TRAILING_ASK = _ROLE_WORDS | {
    *["whose", "who", "job", "jobs", "is", "it", "that", "this", "then", "or", "each", "the"],
    *["work", "task", "lol", "pls", "please", "thx", "thanks"],
    *["on", "in", "at", "our", "my", "team", "company", "org", "startup"],  # "…on our team?"
}
_A_ROLE_OPENS = [["the", word] for word in sorted(_ROLE_WORDS)] + [
    ["our", word] for word in sorted(_ROLE_WORDS)
]
NAME_CHARACTERS = 60  # a listed piece's name beside its answer, at most
LIST_CHARACTERS = 200  # a longer message is notes around one question, not a list of work
MOST_LISTED = 8  # pieces a list is answered in, at most (`Answer.parts`)
# A piece outside the asking clause is a bare piece of work ("competitor research", "the
# supplier contracts"): this many words at most, besides function words and the roles' names.
LISTED_WORDS = 4


def may_list_work(text: str) -> bool:
    """Whether `text`, cleaned or not (Slack markup makes it longer), may list pieces of work:
    short, with what joins a list, more than one question, or numbered or bulleted items ("1) …
    2) …", "• … • …"). A cheap test before cleaning it again for `listed_work`."""
    if len(text) > 2 * LIST_CHARACTERS:
        return False
    if text.count("?") > 1 or text.count(")") > 1 or _joins_a_list(text):
        return True
    if sum(text.count(bullet) for bullet in _BULLETS) > 1:
        return True
    return bool(_VERSUS.search(text) and _asked_of_each(text))


def question_at_the_end(cleaned: str) -> str | None:
    """The question a long message ends on, where it asks "who…" in a sentence of its own short
    enough to be a list ("…long story… Bottom line: who owns the release checklist, and who owns
    competitor tracking?"); None for a short message, or one whose last sentence asks nothing.
    The story's own "who"s ("we argued about who talks to customers") are no question."""
    if len(cleaned) <= LIST_CHARACTERS:
        return None
    sentences: list[str] = []
    for line in _SENTENCE_OR_LINE.split(cleaned.strip()):
        if not split_words(line):
            continue
        if sentences and (sentences[-1].rstrip().endswith(",") or _GOES_ON.match(line)):
            sentences[-1] = f"{sentences[-1]} {line}"  # a line break that only wraps a sentence
        else:
            sentences.append(line)
    for sentence in reversed(sentences):
        if sentence.rstrip().endswith("?") and WHO.search(sentence):
            break
        if len(split_words(sentence)) > ASIDE_WORDS:  # "…? Thanks!", "…? PO or PM?" are asides
            return None
    else:
        return None
    _, colon, after = sentence.rpartition(":")  # "bottom line: who owns…?"
    asked = after.strip() if colon else sentence.strip()
    words = split_words(asked)
    if len(asked) > LIST_CHARACTERS or not POINTING_BACK.isdisjoint(words):
        return None  # "…so who owns this and pricing?": the story is part of the question
    return asked


def listed_work(cleaned: str) -> list[str]:
    """The pieces of work a short question lists, in order, each with its own words ("who owns
    the backlog and pricing?" -> "who owns the backlog", "pricing?"); [] when it lists fewer than
    two. A piece outside the clauses that ask "who…" must read as a bare piece of work: one that
    does not is a clause about the piece before it ("…, and turns them into requirements"), or,
    before any piece, a sentence around the question ("our PM is busy with pricing, so who…"),
    and then nothing is split. Items set out on lines or numbered, and a list after the ask and
    a colon ("which of these are PM work: backlog, pricing?"), are read without the ask."""
    if len(cleaned) > LIST_CHARACTERS:
        return []
    if _asked_of_each(cleaned):
        cleaned = _VERSUS.sub(" and ", cleaned)
    questions = _questions_apart(cleaned)
    if questions:
        return questions
    items = _items(cleaned)
    if items:
        return _pieces(items)
    if not _joins_a_list(cleaned) or _NOT_A_LIST.search(cleaned):
        return []
    ask, colon, listed = cleaned.partition(":")
    if colon and _joins_a_list(listed) and _asks(split_words(ask)):
        pieces = _pieces(_LIST_JOIN.split(listed))
        if pieces:
            return pieces
    sentences = [s for s in SENTENCE_BREAK.split(cleaned) if split_words(s)]
    if len(sentences) > 1:
        listing = [s for s in sentences if _joins_a_list(s)]
        asides = [s for s in sentences if s not in listing]
        if len(listing) != 1 or any(len(split_words(s)) > ASIDE_WORDS for s in asides):
            return []
        cleaned = listing[0]
    listed = _SOMEONE_DOES.sub("", _SOMEONE_TO.sub("", cleaned, count=1), count=1)
    return _pieces(_LIST_JOIN.split(_from_the_ask(listed)))


def _from_the_ask(sentence: str) -> str:
    """The sentence from its "who…" on, where a list follows it: what comes before is the
    story it sits in ("we just reorged and nobody knows who owns sprint planning and competitive
    analysis"), not a piece of work."""
    ask = WHO.search(sentence)
    if ask is None or ask.start() == 0 or not _joins_a_list(sentence[ask.start() :]):
        return sentence
    return sentence[ask.start() :]


def _items(cleaned: str) -> list[str]:
    """The items a message sets out on bulleted or numbered lines, or numbered in a line ("who
    owns: 1) backlog 2) pricing", "(a) … (b) …"), without the ask before them; [] if fewer than
    two, or where the items are context for a question after them ("context:\n- B2B SaaS\n-
    scrum\nwho owns the backlog?") and nothing before them asks about them."""
    if "\n" not in cleaned and ")" not in cleaned and not any(b in cleaned for b in _BULLETS):
        return []  # no lines, numbers or bullets: the common case, at once
    lines = [line for line in cleaned.split("\n") if split_words(line)]
    marked = [i for i, line in enumerate(lines) if _BULLET.match(line)]
    if len(marked) > 1:
        before, after = lines[: marked[0]], " ".join(lines[marked[-1] + 1 :])
        asked_after = after.rstrip().endswith("?") or _asks(split_words(after))
        if asked_after and not _asks(split_words(" ".join(before))):
            return []  # the bullets are the story the question after them sits in
        return [_BULLET.sub("", lines[i]) for i in marked]
    ask, *numbered = _NUMBERED.split(cleaned)
    if len(numbered) > 1 and _asks_or_nothing(ask):
        return numbered
    ask, *bulleted = _BULLETED.split(cleaned)
    if len(bulleted) < 2 or not _asks_or_nothing(ask):
        return []
    # "who owns user stories • pricing • the roadmap?": the ask may hold the first item
    names_work = any(w not in _NOT_WORK and w not in _ASKING_WORDS for w in split_words(ask))
    return [ask, *bulleted] if names_work else bulleted


def _asks_or_nothing(text: str) -> bool:
    """Whether the text before a list asks about it ("who owns the following:"), or is none."""
    words = split_words(text)
    return not words or _asks(words)


def _asks(words: list[str]) -> bool:
    """Whether these words ask about the work beside them ("who owns", "which of these are…",
    "is it…", "can you tell me…")."""
    return bool(words) and (
        not _ASKING_WORDS.isdisjoint(words)
        or words[0] in _YES_NO_STARTS | {"which", "what", "hey", "hi"}
    )


def _pieces(parts: list[str]) -> list[str]:
    """The listed pieces among a list's parts, each a bare piece of work or a clause asking
    about one; [] where a part reads as a sentence around the question instead."""
    pieces: list[str] = []
    for piece in parts:
        words = split_words(piece)
        if not words:
            continue
        if words[0] in _CLAUSE_WORDS:  # ", but who…": a clause break, not a list
            return []
        if len(parts) == 2 and pieces and words[0] in _BELONGS_BACK:
            # "our suppliers and their schedules": one piece of work; in a longer list "its" and
            # "their" may as well be pieces of their own ("interviews, pricing and its rollout")
            pieces[-1] = f"{pieces[-1]} and {piece}"
            continue
        content = [word for word in words if word not in _NOT_WORK]
        asks = not _ASKING_WORDS.isdisjoint(words) or (not pieces and words[0] in _YES_NO_STARTS)
        if not content and not asks:
            continue  # "…, and why?": no piece of work
        if asks and pieces and len(content) <= 1 and not POINTING_BACK.isdisjoint(words):
            pieces[-1] = f"{pieces[-1]} {piece}"  # "…, who files it?": the piece before again
        elif asks or (len(content) <= LISTED_WORDS and _SENTENCE_WORDS.isdisjoint(words)):
            pieces.append(piece)
        elif pieces:
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            return []
    return pieces if 2 <= len(pieces) <= MOST_LISTED else []


# Semicolons, at least, that set a message's items apart one by one ("A; B; C").
ITEMS_BY_SEMICOLONS = 2


def lists_item_by_item(cleaned: str) -> bool:
    """Whether a message sets its list out item by item, on bulleted or numbered lines, numbered
    in a line ("who owns: 1) backlog 2) pricing") or between semicolons ("who owns A; B; C?"):
    each item is meant as a piece of work of its own."""
    return cleaned.count(";") >= ITEMS_BY_SEMICOLONS or bool(_items(cleaned))


# A question that goes on from the one before ("and competitor analysis?", "what about pricing?").
_FOLLOW_UP_OPENING = re.compile(r"\s*(?:(?:and|also|plus|what about|how about)\b|&)")


def _questions_apart(cleaned: str) -> list[str]:
    """The questions of a message asking of several pieces of work one question at a time ("who
    writes user stories? and who does pricing?", "who owns sprint planning? and competitor
    analysis?", "does the PO write stories? does the PM do pricing?"), beside asides at most; []
    otherwise. A question pointing back ("who owns the backlog? who grooms it?") asks about the
    same work."""
    if cleaned.count("?") < 2:
        return []
    questions: list[str] = []
    for sentence in SENTENCE_BREAK.split(cleaned):
        words = split_words(sentence)
        asks = (
            not _ASKING_WORDS.isdisjoint(words)
            or (bool(words) and words[0] in _YES_NO_STARTS)
            or (bool(questions) and _FOLLOW_UP_OPENING.match(sentence) is not None)
        )
        if sentence.rstrip().endswith("?") and asks:
            if not POINTING_BACK.isdisjoint(words):
                return []
            questions.append(sentence)
        elif len(words) > ASIDE_WORDS:
            return []
    return questions if 2 <= len(questions) <= MOST_LISTED else []


def named_work(piece: str) -> str:
    """A listed piece's own words, without the question around them ("who owns the backlog?" ->
    "the backlog", "supplier contracts, whose job?" -> "supplier contracts"), to show beside
    its answer."""
    words = split_words(piece)
    asking = next((i for i, word in enumerate(words) if word in _ASKING_WORDS), -1)
    opening = words[1:2] if words[:1] == ["and"] else words[:1]
    if asking < 0 and opening and opening[0] in _YES_NO_STARTS:
        # "does the PO write user stories": the ask ends with the role it names.
        asking = next((i for i, word in enumerate(words[:5]) if word in _ROLE_ENDS), -1)
    after, before = words[asking + 1 :], words[: max(asking, 0)]
    for side in (after, before):
        # "our PO writes user stories" names "user stories": the role it opens with is the ask's
        while side and (side[0] in _LEADING_ASK or side[:1] + side[1:2] in _A_ROLE_OPENS):
            side.pop(0)
        while side and side[-1] in _TRAILING_ASK:
            side.pop()
    if _NOT_WORK.issuperset(after):  # "gtm - who owns which?": the words before name it
        after = []
    named = " ".join(after or before or words)
    return named if len(named) <= NAME_CHARACTERS else f"{named[: NAME_CHARACTERS - 1]}…"


def mid_sentence(text: str, kept: tuple[str, ...] = ()) -> str:
    """`text` going on inside a sentence: its first letter in lower case, unless it opens on
    an abbreviation ("IT helpdesk…") or on one of `kept` (names that keep their capitals)."""
    first = text.split(" ", 1)[0]
    if (len(first) > 1 and first.isupper()) or (kept and text.startswith(kept)):
        return text
    return text[:1].lower() + text[1:]


def without_role_names(words: list[str]) -> list[int]:
    """Positions of the words that are not part of a mention of the two roles themselves."""
    if _ROLE_NAME_STARTS.isdisjoint(words):
        return list(range(len(words)))
    kept: list[int] = []
    index = 0
    while index < len(words):
        if words[index] in _ROLE_NAME_STARTS:
            name = next((n for n in ROLE_NAMES if tuple(words[index : index + len(n)]) == n), None)
            if name is not None:
                index += len(name)
                continue
        kept.append(index)
        index += 1
    return kept


_STEMMER = snowballstemmer.stemmer("english")
_BRITISH_ISE = re.compile(r"is(e|es|ed|ing|ation|ations)$")


def stemmer_in_use() -> str:
    """The stemmer `stem` runs: snowballstemmer's own, or PyStemmer's C build it hands over to
    when that is installed (what a kept index depends on, see knowledge.index_cache)."""
    kind = type(_STEMMER)
    return f"{kind.__module__}.{kind.__qualname__}"


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem; British "-ise" spellings are folded to "-ize" first so both meet."""
    if len(word) > 4 and "is" in word:
        word = _BRITISH_ISE.sub(r"iz\1", word)
    return str(_STEMMER.stemWord(word))


# A word seen this often in pyspellchecker's English corpus is a real word, not a typo.
COMMON_WORD_MIN_COUNT = 100


class CommonWords:
    """Everyday English words: `word in words` for a word seen at least `min_count` times.

    pyspellchecker ships its word frequencies as one JSON object, a `"word": count` line per word
    in byte order. Parsing it builds 160,000 entries (about 100 ms); instead the decompressed text
    is kept (2.7 MB, less than a set of its 47,000 common words) and each look-up is a binary
    search over its lines: about 17 steps, so loading costs one decompression."""

    def __init__(self, text: bytes, min_count: int = COMMON_WORD_MIN_COUNT) -> None:
        if not (text.startswith(b'{\n"') and text.rstrip().endswith(b"\n}")):
            raise ValueError("not a JSON object with one word per line")
        self._text = text
        self._min_count = min_count
        self._first = text.index(b"\n") + 1  # where the first word's line starts
        self._end = text.rstrip().rindex(b"\n") + 1  # where the closing brace's line starts

    def __contains__(self, word: object) -> bool:
        count = self.count(word) if isinstance(word, str) else 0
        return count >= self._min_count

    def count(self, word: str) -> int:
        """How often the corpus saw this word (0 if never)."""
        key = word.encode()
        if b'"' in key or b"\\" in key:
            return 0  # JSON would have escaped it; no such word is in the list
        text, low, high = self._text, self._first, self._end
        while low < high:  # lines starting in [low, high) are still in play
            middle = (low + high) // 2
            start = text.rfind(b"\n", low, middle) + 1 or low
            end = text.index(b"\n", start)
            quote = text.index(b'"', start + 1, end)
            found = text[start + 1 : quote]
            if found == key:
                return int(text[quote + 2 : end].strip(b" :,"))
            if found < key:
                low = end + 1
            else:
                high = start
        return 0


@cache
def common_english_words() -> CommonWords:
    """Everyday English words, so "submit" is never "fixed" into the knowledge base's "summit".

    Read once per process from pyspellchecker's bundled frequency list, when the first Matcher is
    built (benchmarks/matcher.py times it)."""
    resource = files("spellchecker").joinpath("resources", "en.json.gz")
    return CommonWords(gzip.decompress(resource.read_bytes()))
