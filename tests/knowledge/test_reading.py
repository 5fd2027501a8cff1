"""Reading a question fast gives what reading it plainly gave, and no message can make it slow.

The `_plain_*` functions are the straightforward versions the fast ones replaced, kept here as
the definition of what the fast ones must return. Nothing here is timed: bounds are counted.
"""

from __future__ import annotations

import gzip
import html
import json
import random
import string
import unicodedata
from collections.abc import Iterator
from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge import KnowledgeBase, Matcher
from knowledge import reading as reading_module
from knowledge import text as text_module
from knowledge.matcher import phrases_of
from knowledge.reading import (
    CORRECTIONS_KEPT,
    NEW_WORDS_CHECKED,
    READ_CHARACTERS,
    Reader,
    Term,
)
from knowledge.text import (
    _AMPERSAND_ABBREVIATION,
    _ASKING_WORDS,
    _BARE_URL,
    _CHANNEL,
    _CLAUSE_BREAK,
    _LINK,
    _MENTION,
    _POSSESSIVE,
    _QUOTED,
    AFTER,
    ASKED,
    BEFORE,
    COMMON_WORD_MIN_COUNT,
    EMOJI_CODE,
    POINTING_BACK,
    STOPWORDS,
    STRAIGHT_QUOTES,
    CommonWords,
    asking_sides,
    clean_text,
    common_english_words,
    split_words,
    stem,
)

_FORMATTING = str.maketrans({"*": " ", "_": " ", "~": " "})


def _plain_clean_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _MENTION.sub(" ", text)
    text = _CHANNEL.sub(lambda m: f" {m.group(1) or ''} ", text)
    text = _LINK.sub(lambda m: f" {m.group(1) or ''} ", text)
    text = html.unescape(text)
    text = _BARE_URL.sub(" ", text)
    text = EMOJI_CODE.sub(" ", text.translate(STRAIGHT_QUOTES).lower())
    text = text.translate(_FORMATTING)
    text = _AMPERSAND_ABBREVIATION.sub(r"\1n\2", text)
    return _POSSESSIVE.sub("", text)


def _plain_asking_sides(cleaned: str) -> list[int]:
    words: list[tuple[str, int, bool]] = []
    clause = 0
    for number, piece in enumerate(_QUOTED.split(cleaned)):
        if number % 2:
            words += [(word, clause, True) for word in split_words(piece)]
            continue
        for part_number, part in enumerate(_CLAUSE_BREAK.split(piece)):
            clause += part_number > 0
            words += [(word, clause, False) for word in split_words(part)]
    asking = next((c for w, c, quoted in words if w in _ASKING_WORDS and not quoted), None)
    if asking is None:
        return [ASKED] * len(words)
    points_back = any(c == asking and not q and w in POINTING_BACK for w, c, q in words)

    def side(clause: int, quoted: bool) -> int:
        if clause > asking or (clause == asking and quoted):
            return AFTER
        return ASKED if clause == asking or points_back else BEFORE

    return [side(clause, quoted) for _, clause, quoted in words]


def _plain_correct(reader: Reader, word: str) -> str:
    """Every known word of four letters or more searched, as the matcher first did."""
    if word in reader.known_words or len(word) < 5 or not word.isalpha():
        return word
    common = common_english_words()
    if stem(word) in reader.known_stems or word in common:
        return word
    if word.endswith("s") and word[:-1] in common:
        return word  # the plural of an everyday word the list has in the singular only
    allowed = 1 if len(word) < 8 else 2
    choices = sorted(w for w in reader.known_words if len(w) >= 4 and w.isalpha())
    found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=allowed, limit=8)
    if not found:
        return word
    return min(found, key=lambda f: (f[1], f[0][0] != word[0], f[0]))[0]


# Pieces of Slack text: letters, quotes of every kind, punctuation, markup, entities, emoji.
PIECES = [
    *"abcdefghijklmnopqrstuvwxyzWHO0129 ",
    *"'\"`\u2019\u2018*_~.,;:!?()-\u2014<>|@#&/\n\u00e9\uff21",
    *["who ", "whose ", " so ", " but ", " if ", " it ", "'s ", "r & d", "p&l", "&amp;"],
    *["<@U1|sam>", "<!here>", "<#C1|team>", "<https://x.io|doc>", "https://x.io/a ", ":tada:"],
]
SLACK_TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(SLACK_TEXT)
def test_cleaning_skips_only_steps_with_nothing_to_do(text: str) -> None:
    assert clean_text(text) == _plain_clean_text(text)


@settings(max_examples=400, deadline=None)
@given(SLACK_TEXT)
def test_asking_sides_are_what_the_plain_reading_gives(text: str) -> None:
    cleaned = clean_text(text)
    assert asking_sides(cleaned) == _plain_asking_sides(cleaned)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=14))
def test_stemming_skips_the_ise_pattern_only_without_is(word: str) -> None:
    folded = text_module._BRITISH_ISE.sub(r"iz\1", word) if len(word) > 4 else word
    assert stem(word) == str(text_module._STEMMER.stemWord(folded))


def test_common_words_agree_with_the_json_for_every_word() -> None:
    raw = files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    counts: dict[str, int] = json.loads(gzip.decompress(raw))
    words = common_english_words()
    assert all(
        (word in words) == (count >= COMMON_WORD_MIN_COUNT) for word, count in counts.items()
    )
    absent = [f"{word}q" for word in list(counts)[::97]] + ["", "zzzzzzzz", '"', "a\\b", "{"]
    assert not any(words.count(word) for word in absent if word not in counts)


def test_common_words_refuse_a_file_of_another_shape() -> None:
    with pytest.raises(ValueError):
        CommonWords(b'["a", "b"]')


def test_the_common_word_list_loads_when_the_matcher_is_built(kb: KnowledgeBase) -> None:
    common_english_words.cache_clear()
    Matcher(kb)
    assert common_english_words.cache_info().currsize == 1


def _typos(words: list[str], rng: random.Random) -> Iterator[str]:
    for word in words:
        at = rng.randrange(len(word))
        letter = rng.choice(string.ascii_lowercase)
        yield word[:at] + word[at + 1 :]  # a letter dropped
        yield word[:at] + letter + word[at:]  # one added
        yield word[:at] + letter + word[at + 1 :]  # one replaced
        if at < len(word) - 1:
            yield word[:at] + word[at + 1] + word[at] + word[at + 2 :]  # two swapped
        if len(word) >= 7:
            other = rng.randrange(len(word))
            yield word[:at] + letter + word[at + 1 : other] + letter + word[other + 1 :]


def _reader(kb: KnowledgeBase) -> Reader:
    """A reader of the built-in knowledge, with a memory of its own."""
    return Reader(kb.language, [p for r in kb.responsibilities for p in [r.title, *phrases_of(r)]])


def test_typo_fixes_are_what_searching_every_known_word_gives(kb: KnowledgeBase) -> None:
    reader = _reader(kb)
    rng = random.Random(7)
    known = sorted(w for w in reader.known_words if len(w) >= 5 and w.isalpha())
    made_up = [
        "".join(rng.choice("aeiourstlnbk") for _ in range(rng.randint(5, 12))) for _ in range(300)
    ]
    for word in [*_typos(rng.sample(known, 250), rng), *made_up]:
        assert reader.correct(word) == _plain_correct(reader, word), word


def test_a_message_checks_a_bounded_number_of_new_words_the_ask_first(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = _reader(kb)
    checked: list[str] = []
    check = reader._check
    monkeypatch.setattr(reader, "_check", lambda word: checked.append(word) or check(word))
    rng = random.Random(3)
    noise = " ".join("".join(rng.choice("qwxzjv") for _ in range(8)) for _ in range(60))
    terms = reader.terms(f"{noise}, so who does the backlgo grooming?")
    assert len(checked) == NEW_WORDS_CHECKED
    assert checked[0] == "backlgo"
    assert "backlgo" in {t.written for t in terms}
    assert any(t.concept.startswith("backlog") for t in terms)


def test_corrections_are_remembered_in_a_bounded_memory(matcher: Matcher) -> None:
    assert matcher._reader._corrections.maxsize == CORRECTIONS_KEPT


def test_a_wall_of_text_reads_only_the_part_around_its_ask(
    matcher: Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    split = reading_module.split_words
    monkeypatch.setattr(reading_module, "split_words", lambda t: seen.append(len(t)) or split(t))
    preamble = "our standup ran long again and the coffee machine broke. " * 80
    answer = matcher.answer(
        preamble + "anyway, who grooms the product backlog? " + "thanks! " * 300
    )
    assert answer.owners == ["product-owner"]
    assert max(seen) <= READ_CHARACTERS
    seen.clear()
    assert matcher.answer("lorem ipsum dolor " * 400).owners == []
    assert max(seen) <= READ_CHARACTERS


def test_the_read_part_of_a_long_text_never_cuts_a_word(matcher: Matcher) -> None:
    text = ("supercalifragilistic " * 200) + "who owns backlog grooming? " + "x" * 3000
    whole = set(split_words(clean_text(text)))
    assert {t.written for t in matcher._reader.terms(text)} <= whole


def _plain_concepts(reader: Reader, tokens: list[tuple[str, str, str, int]]) -> list[Term]:
    terms: list[Term] = []
    index = 0
    while index < len(tokens):
        for stems, concept in reader.synonyms_by_start.get(tokens[index][2], ()):
            run = tokens[index : index + len(stems)]
            if tuple(t[2] for t in run) == stems:
                written = " ".join(dict.fromkeys(t[0] for t in run))
                terms.append(Term(concept, written, min(run, key=lambda t: abs(t[3]))[3]))
                index += len(stems)
                break
        else:
            written, word, word_stem, side = tokens[index]
            if word not in STOPWORDS and not word.isdigit():
                terms.append(Term(word_stem, written, side))
            index += 1
    return terms


def test_synonym_runs_collapse_as_reading_token_by_token_did(kb: KnowledgeBase) -> None:
    reader = _reader(kb)
    vocabulary = sorted(
        {w for variants in kb.language.synonyms.values() for v in variants for w in v.split()}
        | set(kb.language.abbreviations)
        | {"the", "who", "3", "owns", "backlog", "and"}
    )
    rng = random.Random(5)
    for _ in range(2000):
        words = rng.choices(vocabulary, k=rng.randint(1, 12))
        sides = rng.choices([BEFORE, ASKED, AFTER], k=len(words))
        tokens = reader._tokens(words, words, sides)
        assert reader._concepts(tokens) == _plain_concepts(reader, tokens), words


@settings(max_examples=400, deadline=None)
@given(SLACK_TEXT)
def test_words_are_what_splitting_and_trimming_gave(text: str) -> None:
    cleaned = clean_text(text)
    plain = [w.strip("'") for w in text_module._WORD.findall(cleaned.replace("_", " "))]
    assert split_words(cleaned) == plain
    assert split_words(text) == [
        w.strip("'") for w in text_module._WORD.findall(text.replace("_", " "))
    ]


@pytest.mark.parametrize(
    ("text", "number_read"),
    [
        ("what about a 5-person startup?", False),
        ("we are five people", False),
        ("a team of 3 devs", False),
        # years ahead are read as the long range, whatever their number
        ("who writes the 5 year plan?", True),
    ],
)
def test_a_number_of_people_is_no_figure_of_the_work(
    kb: KnowledgeBase, text: str, number_read: bool
) -> None:
    concepts = {term.concept for term in _reader(kb).terms(text)}
    assert bool(concepts & {"five", "three", "multiyear~"}) is number_read


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        ("who owns pricing specifically?", "specifically"),  # shares a stem with "specification"
        ("is the article biased towards PMs?", "towards"),
    ],
)
def test_an_everyday_adverb_is_read_as_no_work(kb: KnowledgeBase, text: str, unread: str) -> None:
    assert unread not in {term.written for term in _reader(kb).terms(text)}


def test_a_stopword_the_synonyms_list_keeps_its_meaning(kb: KnowledgeBase) -> None:
    terms = _reader(kb).terms("tell the team the product goal")
    assert "explain~" in {term.concept for term in terms}


def test_a_number_of_product_people_is_no_work(matcher: Matcher) -> None:
    # found by a founder-style tester: "we have 3 POs" read as a three-year strategy
    answer = matcher.answer("we have 3 POs. who decides the order of work?")
    assert answer.responsibility is None or answer.responsibility.id != "pm-product-strategy"
