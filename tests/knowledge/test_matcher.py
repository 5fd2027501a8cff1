"""The matcher, asked the way people ask in Slack: paraphrases, typos, markup, rambling, decoys."""

from __future__ import annotations

import pytest

from knowledge import Answer, Matcher, load_knowledge

PO = ["product-owner"]
PM = ["product-manager"]
BOTH = ["product-owner", "product-manager"]
NEITHER: list[str] = []
# "who owns the backlog" in full-width letters, as some keyboards type it.
FULL_WIDTH_BACKLOG_QUESTION = "".join(
    chr(ord(c) + 0xFEE0) if c != " " else c for c in "who owns the backlog"
)


# A small smoke set of our own, written without looking at the labelled question files.
@pytest.mark.parametrize(
    ("question", "owners"),
    [
        # paraphrases sharing few words with the article
        ("who decides what goes into the next two-week iteration?", PO),
        ("who tells the devs which ticket to pick up next", PO),
        ("who signs off that a story is actually done", PO),
        ("who plans UAT with the business users", PO),
        ("who keeps tabs on what rivals are launching", PM),
        ("who flies out to meet big clients and demo the product", PM),
        ("who negotiates better terms with suppliers to protect our margin", PM),
        ("who answers for the product line's profit and loss", PM),
        ("who finds out what our users really need", BOTH),
        ("who writes the spec for engineering from what clients ask for", BOTH),
        # typos and no punctuation
        ("who writes acceptance critera for the login story", PO),
        ("woh owns teh backlgo", PO),
        ("who does the competitve analysis", PM),
        ("who translates custmer needs into technical requirments", BOTH),
        ("sprnt planning who", PO),
        ("WHO OWNS THE GO-TO-MARKET PLAN???", PM),
        (FULL_WIDTH_BACKLOG_QUESTION, PO),
        ("_who owns the p&amp;l_ :+1::skin-tone-2:", PM),
        # abbreviations and jargon
        ("who owns the p&l", PM),
        ("who writes the PRD", BOTH),
        ("who does the TAM SAM SOM analysis", PM),
        ("who owns our definition of done", PO),
        # wrong role named as a decoy, yes/no phrasing
        ("should our PO run the quarterly competitor review?", PM),
        ("is backlog grooming purely the PM's job?", PO),
        ("is sprint planning part of the product manager role?", PO),
        ("is the product owner the one who builds the go-to-market plan?", PM),
        # someone else's work, per the article
        ("who designs the final ad campaign visuals", NEITHER),
        ("who does the CAD drawings for the new housing", NEITHER),
        ("who books the freight to the warehouse", NEITHER),
        # unrelated
        ("who runs payroll this month", NEITHER),
        ("can someone reset my vpn", NEITHER),
        ("who orders the office snacks", NEITHER),
        ("who reviews my pull request", NEITHER),
        ("who orders new monitors", NEITHER),
        ("who approves my holiday", NEITHER),
        ("where do i submit my timesheet", NEITHER),
    ],
)
def test_answers_slack_style_questions(matcher: Matcher, question: str, owners: list[str]) -> None:
    assert matcher.answer(question).owners == owners


def test_slack_markup_is_ignored(matcher: Matcher) -> None:
    plain = matcher.answer("who owns GTM for the new tier?")
    marked = matcher.answer(
        "<!channel> <@U123ABC|sam> who owns GTM for the new tier? :thinking_face: "
        "<#C0PRODUCT|product-team> <https://example.com/plan|plan doc> &amp; <https://x.io>"
    )
    assert plain.owners == marked.owners == PM
    assert marked.responsibility == plain.responsibility


def test_a_long_rambling_message_still_finds_the_work(matcher: Matcher) -> None:
    question = (
        "ok so some context first: we're 14 people, we just closed our seed round and the board "
        "is happy, but the founders keep arguing in standup about random stuff. anyway, the "
        "thing I actually want to know is who should be keeping an eye on what our two main "
        "competitors ship every quarter and comparing their market share with ours? thanks!!"
    )
    assert matcher.answer(question).owners == PM


def test_answer_carries_evidence_and_runners_up(matcher: Matcher) -> None:
    answer = matcher.answer("who runs backlog grooming before sprint planning?")
    assert answer.owners == PO
    assert answer.responsibility is not None
    assert answer.responsibility.id == "po-backlog"
    assert "backlog" in answer.explanation and "grooming" in answer.explanation
    assert answer.section and answer.why
    assert answer.outside_owner is None
    assert len(answer.alternatives) <= 3
    assert all(0 <= alt.confidence <= 1 for alt in answer.alternatives)
    assert answer.responsibility.id not in {alt.id for alt in answer.alternatives}


def test_clear_questions_are_clear(matcher: Matcher) -> None:
    assert matcher.answer("who writes the user stories?").confidence >= 0.75


def test_neighbouring_work_names_who_does_it(matcher: Matcher) -> None:
    answer = matcher.answer("who designs the billboard for the final campaign?")
    assert answer.owners == []
    assert answer.outside_owner == "the creative team"
    assert answer.responsibility is None
    assert "creative team" in answer.explanation


@pytest.mark.parametrize(
    "question", ["who fixes the coffee machine", "who runs payroll", "what's for lunch"]
)
def test_unrelated_work_is_nobodys_with_low_confidence(matcher: Matcher, question: str) -> None:
    answer = matcher.answer(question)
    assert answer.owners == []
    assert answer.responsibility is None
    assert answer.confidence < 0.45


@pytest.mark.parametrize(
    "question",
    ["", "   \t ", "🙂🚀🎉", ":tada: :wave:", "\x00\x07\x1b\x7f\u200b", "?!?!", "<@U123> <!here>"],
)
def test_questions_without_words_get_a_friendly_nothing(matcher: Matcher, question: str) -> None:
    answer = matcher.answer(question)
    assert answer.owners == []
    assert answer.confidence == 0.0
    assert "who owns" in answer.explanation


def test_a_huge_question_is_answered(matcher: Matcher) -> None:
    answer = matcher.answer("who grooms the backlog? " * 5000)
    assert answer.owners == PO


def test_answers_are_deterministic(matcher: Matcher) -> None:
    question = "who should talk to the CFO about margins and pricing?"
    first = matcher.answer(question)
    assert all(Matcher(load_knowledge()).answer(question) == first for _ in range(3))


def test_answer_for_a_picked_responsibility(matcher: Matcher) -> None:
    answer = matcher.answer_for("pm-positioning", "who decides how we sound vs rivals?")
    assert answer.owners == PM
    assert answer.responsibility is not None
    assert answer.responsibility.id == "pm-positioning"
    assert answer.question == "who decides how we sound vs rivals?"
    assert answer.confidence == 1.0
    neighbour = matcher.answer_for("nb-logistics")
    assert neighbour.owners == [] and neighbour.outside_owner
    with pytest.raises(KeyError):
        matcher.answer_for("no-such-responsibility")


def test_json_shape_is_what_the_cli_prints(matcher: Matcher) -> None:
    dumped = matcher.answer("who owns the roadmap alignment?").model_dump(mode="json")
    assert set(dumped) >= {
        "question",
        "owners",
        "confidence",
        "responsibility",
        "alternatives",
        "explanation",
    }
    assert Answer.model_validate(dumped).owners == PO
