"""The hiring recommendation as the team sees it: headline, why, who owns what, next steps."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.blocks import ids
from bot.blocks.recommendation import recommendation_blocks, recommendation_message
from knowledge import KnowledgeBase, Matcher
from knowledge.advice_words import verdict
from knowledge.advisor import HiringAnswers, PlacedNeed, Reason, Recommendation, advise
from tests.slack_schemas import assert_valid_blocks, assert_valid_view

CASES = {
    "product-owner": HiringAnswers(
        company_stage="startup",
        goal="deliver-product",
        uses_scrum=True,
        needs=["po-backlog", "writing user stories"],
        headcount=1,
    ),
    "product-manager": HiringAnswers(
        company_stage="enterprise",
        goal="build-business",
        uses_scrum=False,
        needs=["pm-competitive-analysis", "market research", "supplier relationships"],
        headcount=1,
    ),
    "both": HiringAnswers(
        company_stage="scale-up",
        goal="both",
        uses_scrum=True,
        needs=["po-sprint-planning", "pm-go-to-market"],
        headcount=2,
    ),
}
HEADLINES = {
    "product-owner": "Hire a Product Owner",
    "product-manager": "Hire a Product Manager",
    "both": "Hire both a Product Owner and a Product Manager",
}


def texts(blocks: list[dict[str, Any]]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def section_titled(blocks: list[dict[str, Any]], title: str) -> str:
    (text,) = [
        b["text"]["text"]
        for b in blocks
        if b["type"] == "section" and b["text"]["text"].startswith(title)
    ]
    return str(text)


@pytest.mark.parametrize("expected", list(CASES))
def test_each_kind_of_advice_is_a_valid_message_with_its_headline(
    expected: str, kb: KnowledgeBase, matcher: Matcher
) -> None:
    recommendation = advise(CASES[expected], matcher)
    assert recommendation.recommendation == expected
    posted = recommendation_message(recommendation, kb, user_id="U_LEADER", basis="Startup")
    assert_valid_blocks(posted["blocks"])
    assert posted["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": HEADLINES[expected], "emoji": True},
    }
    assert HEADLINES[expected].lower() in posted["text"].lower() and "<@U_LEADER>" in posted["text"]
    # The same verdict, word for word, in the notification and in the message.
    assert verdict(recommendation, kb) in posted["text"]
    assert f"*{verdict(recommendation, kb)}*" in str(posted["blocks"])


def test_the_message_says_who_ran_it_and_why(kb: KnowledgeBase, matcher: Matcher) -> None:
    recommendation = advise(CASES["product-manager"], matcher)
    blocks = recommendation_message(recommendation, kb, user_id="U_LEADER", basis="Enterprise")[
        "blocks"
    ]
    assert "<@U_LEADER> ran RoleFit's hiring questionnaire. Answers: Enterprise" in texts(blocks)
    why = section_titled(blocks, "*Why*")
    assert why.count("• ") == min(len(recommendation.reasons), 6)
    assert "Product Manager" in why


def test_points_for_the_other_role_are_shown_as_weighed_against_it(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    given = CASES["product-manager"].model_copy(update={"uses_scrum": True})
    recommendation = advise(given, matcher)
    assert recommendation.recommendation == "product-manager"
    why = section_titled(recommendation_blocks(recommendation, kb), "*Why*")
    assert why.endswith(
        "_Weighed against it: Your team runs Scrum, and the Product Owner is a Scrum role._"
    )
    assert why.count("Scrum") == 2  # only there, not among the reasons


def test_a_product_owner_for_a_team_without_scrum_is_not_told_to_look_for_scrum_experience(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    no_scrum = advise(CASES["product-owner"].model_copy(update={"uses_scrum": False}), matcher)
    assert no_scrum.recommendation == "product-owner"
    steps = texts(recommendation_blocks(no_scrum, kb))
    assert "Look for real Scrum experience" not in steps
    assert "your team doesn't run Scrum: agree how the team will plan and deliver" in steps
    scrum = texts(recommendation_blocks(advise(CASES["product-owner"], matcher), kb))
    assert "Look for real Scrum experience" in scrum


def test_what_each_role_would_own_comes_from_the_teams_own_needs(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    blocks = recommendation_blocks(advise(CASES["both"], matcher), kb)
    owner_work = section_titled(blocks, "*What the Product Owner would own for your team*")
    manager_work = section_titled(blocks, "*What the Product Manager would own for your team*")
    assert kb.responsibility("po-sprint-planning").title in owner_work  # type: ignore[union-attr]
    assert kb.responsibility("pm-go-to-market").title in manager_work  # type: ignore[union-attr]


def test_every_need_a_role_owns_is_listed_and_shared_work_says_so(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    # a VP Engineering tester's finds: six of ten needs were listed, sprint and test planning
    # left out, and work the article splits was listed as the Product Owner's alone
    needs = [
        "po-backlog",
        "po-user-stories",
        "po-requirement-priorities",
        "po-roadmap-alignment",
        "po-maximise-value",
        "po-features",
        "po-sprint-planning",
        "po-test-planning",
        "both-customer-needs",
    ]
    answers = CASES["product-owner"].model_copy(update={"needs": needs})
    blocks = recommendation_blocks(advise(answers, matcher), kb)
    owner_work = section_titled(blocks, "*What the Product Owner would own for your team*")
    for need in needs:
        assert kb.responsibility(need).title in owner_work  # type: ignore[union-attr]
    shared = kb.responsibility("both-customer-needs").title  # type: ignore[union-attr]
    assert f"{shared} (its Product Owner side)" in owner_work


def test_work_not_covered_reads_as_one_sentence(kb: KnowledgeBase, matcher: Matcher) -> None:
    answers = CASES["product-manager"].model_copy(
        update={"needs": ["po-backlog", "po-user-stories"]}
    )
    said = texts(recommendation_blocks(advise(answers, matcher), kb))
    assert (
        "Managing and ordering the product backlog and writing user stories: Product Owner" in said
    )
    # a VP Engineering tester's find: the goal outweighed every piece of work named, unsaid
    assert "None of the work you named is this hire's: if it cannot wait, a Product Owner" in said


def test_without_placed_needs_the_roles_usual_work_is_shown(kb: KnowledgeBase) -> None:
    bare = Recommendation(
        recommendation="product-owner",
        confidence=0.9,
        scores={"product-owner": 3.0, "product-manager": 0.0},
        reasons=[Reason(text="You run Scrum.", source="answer", ref="uses_scrum")],
        unplaced_needs=[],
        placed_needs=[],
    )
    work = section_titled(recommendation_blocks(bare, kb), "*What a Product Owner would own*")
    assert kb.roles["product-owner"].owns[0] in work


def test_next_steps_and_buttons_to_run_again_or_ask(kb: KnowledgeBase, matcher: Matcher) -> None:
    blocks = recommendation_message(
        advise(CASES["both"], matcher), kb, user_id="U_LEADER", basis="Scale-up"
    )["blocks"]
    steps = section_titled(blocks, "*Next steps*")
    assert "1. " in steps and "/rolefit who owns" in steps
    (buttons,) = [b for b in blocks if b["type"] == "actions"]
    assert [(e["text"]["text"], e["action_id"]) for e in buttons["elements"]] == [
        ("Run it again", ids.OPEN_QUESTIONNAIRE),
        ("Ask a question", ids.OPEN_ASK_MODAL),
    ]


def test_the_preview_has_the_advice_but_no_buttons(kb: KnowledgeBase, matcher: Matcher) -> None:
    blocks = recommendation_blocks(advise(CASES["product-owner"], matcher), kb)
    assert all(block["type"] != "actions" for block in blocks)
    assert_valid_view(
        {"type": "modal", "title": {"type": "plain_text", "text": "Preview"}, "blocks": blocks}
    )


def test_user_text_never_pings_anyone(kb: KnowledgeBase) -> None:
    hostile = Recommendation(
        recommendation="product-manager",
        confidence=0.3,
        scores={"product-owner": 1.0, "product-manager": 1.5},
        reasons=[Reason(text="“<!channel> ping” is work for <!here>.", source="article", ref="x")],
        unplaced_needs=["<!everyone> & <@U_BOSS>"],
        placed_needs=[
            PlacedNeed(
                need="x",
                responsibility_id="pm-x",
                title="Pricing <!subteam^S1>",
                owners=["product-manager"],
            )
        ],
    )
    posted = recommendation_message(hostile, kb, user_id="U_LEADER", basis="Startup")
    assert_valid_blocks(posted["blocks"])
    shown = texts(posted["blocks"])
    for ping in ("<!channel>", "<!here>", "<!everyone>", "<@U_BOSS>", "<!subteam"):
        assert ping not in shown
    assert "@\u2060everyone &amp; @\u2060someone" in shown  # read as typed, never live
    assert "Ask it about it with" in shown  # one need it could not place: "it", not "them"
    assert "close call" in shown  # low confidence says so


def test_long_advice_stays_inside_slacks_limits(kb: KnowledgeBase) -> None:
    wordy = Recommendation(
        recommendation="both",
        confidence=0.6,
        scores={"product-owner": 5.0, "product-manager": 5.0},
        reasons=[Reason(text="x" * 900, source="answer", ref="goal")] * 20,
        unplaced_needs=["y" * 300] * 40,
        placed_needs=[
            PlacedNeed(
                need="z", responsibility_id=f"r{n}", title="t" * 300, owners=["product-owner"]
            )
            for n in range(40)
        ],
    )
    assert_valid_blocks(recommendation_message(wordy, kb, user_id="U1", basis="b")["blocks"])


def test_needs_outside_product_are_not_listed_as_unplaceable(kb: KnowledgeBase) -> None:
    advice = Recommendation(
        recommendation="product-owner",
        confidence=0.9,
        scores={"product-owner": 3.0, "product-manager": 0.0},
        reasons=[Reason(text="“payroll” is work for finance.", source="article", ref="x")],
        unplaced_needs=["payroll", "xyzzy"],
        outside_needs=["payroll"],
        placed_needs=[],
    )
    shown = texts(recommendation_message(advice, kb, user_id="U1", basis="b")["blocks"])
    assert "RoleFit couldn't place “xyzzy”. Ask it about it" in shown


@pytest.mark.parametrize(
    ("needs", "first"),
    [
        # found by an HR-lead tester: three PO tasks and four PM tasks (with Scrum) were told
        # "more of your answers point to the Product Owner"
        (
            [
                *("po-backlog", "po-user-stories", "po-sprints", "pm-go-to-market"),
                *("pm-market-research", "pm-competitive-analysis", "pm-financial-analysis"),
            ],
            "your answers weigh both sides the same",
        ),
        (
            ["po-backlog", "po-user-stories", "pm-go-to-market"],
            "weigh more towards the Product Owner",
        ),
    ],
)
def test_two_hires_say_which_search_to_start_first_as_the_answers_weigh(
    kb: KnowledgeBase, matcher: Matcher, needs: list[str], first: str
) -> None:
    answers = HiringAnswers(
        company_stage="small-business", goal="both", uses_scrum=True, needs=needs, headcount=2
    )
    advice = advise(answers, matcher)
    assert advice.recommendation == "both"
    assert first in section_titled(recommendation_blocks(advice, kb), "*Next steps*")


def test_reasons_past_the_first_few_are_named_and_work_outside_product_still_named(
    kb: KnowledgeBase,
) -> None:
    # found by a hiring-advice auditor: "hiring engineers", typed in the questionnaire, was in
    # a seventh reason and appeared nowhere; then by a Head of People: "…and 2 more" hid what
    # else the advice weighed
    reasons = [Reason(text=f"reason {n}", source="answer", ref="goal") for n in range(6)]
    reasons.append(
        Reason(text="user stories are PO work", source="responsibility", ref="po-user-stories")
    )
    advice = Recommendation(
        recommendation="product-owner",
        confidence=0.9,
        scores={"product-owner": 3.0, "product-manager": 0.0},
        reasons=[
            *reasons,
            Reason(text="“hiring engineers” is work for HR.", source="article", ref="x"),
        ],
        unplaced_needs=["hiring engineers"],
        outside_needs=["hiring engineers"],
        placed_needs=[],
    )
    blocks = recommendation_message(advice, kb, user_id="U1", basis="b")["blocks"]
    shown = texts(blocks)
    assert "more." not in shown
    assert "Also weighed: Writing user stories: Product Owner." in shown
    assert "Not work for a product hire: “hiring engineers”." in shown
    assert_valid_blocks(blocks)
