"""Answers as people see them: who, how sure, what matched, where in the article, and why."""

from __future__ import annotations

import json

from bot.blocks import ids
from bot.blocks.answer import AnswerRef, answer_message, role_phrase
from bot.blocks.kit import BUTTON_VALUE_MAX
from knowledge import Alternative, Answer, KnowledgeBase, Matcher, MatchRef
from knowledge.confidence import MOST_LIKELY
from knowledge.dialogue.wording import with_topic
from tests.bot.blocks.helpers import buttons, rendered
from tests.slack_schemas import assert_valid_blocks


def all_text(message: dict[str, object]) -> str:
    return json.dumps(message, ensure_ascii=False)


def test_a_clear_answer_names_role_responsibility_section_and_why(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    answer = matcher.answer("who owns the product backlog?")
    message = answer_message(answer, kb)
    assert_valid_blocks(message["blocks"])
    text = all_text(message)
    assert "*clearly* work for the Product Owner" in text
    assert "Managing and ordering the product backlog" in text
    assert "*Article section:*" in text and "*Why:*" in text
    assert "Product Owner" in message["text"]
    assert not buttons(message)  # sure, and not shareable: no buttons at all


def test_private_answers_carry_a_share_button_that_remembers_the_question(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    ref = AnswerRef("who owns the product backlog?")
    message = answer_message(matcher.answer(ref.question), kb, share=ref)
    (share,) = buttons(message)
    assert share["action_id"] == ids.SHARE_ANSWER
    assert AnswerRef.from_value(share["value"]) == ref


def test_shared_work_names_both_roles(kb: KnowledgeBase, matcher: Matcher) -> None:
    message = answer_message(
        matcher.answer("turning customer needs into technical requirements"), kb
    )
    assert "both the Product Owner and the Product Manager" in all_text(message)


def test_holders_are_named_with_a_mention(kb: KnowledgeBase) -> None:
    manager = kb.roles["product-manager"].model_copy(update={"holders": ["U0PM", "S0PMS"]})
    staffed = kb.model_copy(update={"roles": {**kb.roles, "product-manager": manager}})
    assert role_phrase(staffed, "product-manager") == (
        "the Product Manager (here that's <@U0PM> and <!subteam^S0PMS>)"
    )
    assert role_phrase(kb, "product-manager") == "the Product Manager"


def unsure_answer(question: str) -> Answer:
    return Answer(
        question=question,
        owners=["product-owner"],
        confidence=0.3,
        responsibility=MatchRef(id="po-backlog", title="Managing the backlog"),
        alternatives=[
            Alternative(
                id=f"alt-{i}", title=f"Alternative {i} " + "x" * 100, owners=[], confidence=0.2
            )
            for i in range(3)
        ],
        explanation="Matched loosely.",
    )


def test_an_unsure_answer_offers_up_to_three_did_you_mean_buttons(kb: KnowledgeBase) -> None:
    message = answer_message(unsure_answer("who does the thing?"), kb)
    assert_valid_blocks(message["blocks"])
    assert "*not sure*" in all_text(message)
    choices = buttons(message)
    assert [b["action_id"] for b in choices] == [f"{ids.DID_YOU_MEAN_PREFIX}{i}" for i in range(3)]
    assert all(ids.DID_YOU_MEAN.match(str(b["action_id"])) for b in choices)
    assert AnswerRef.from_value(choices[2]["value"]) == AnswerRef("who does the thing?", "alt-2")


def test_work_nothing_in_the_article_matches_says_so_with_what_rolefit_answers(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    answer = matcher.answer("who handles the zorblax?")
    message = answer_message(answer, kb, share=AnswerRef(answer.question))
    text = all_text(message)
    assert "I couldn't match that to any work the article describes" in text
    assert "/rolefit roles" in text
    assert message["text"].startswith("RoleFit — no work in the article matches this")
    # a founder's find: the same "try another way" said three times, and a Share button on it
    assert text.count("Try") == 1
    assert not buttons(message)


def test_questions_about_work_the_article_leaves_open_say_so_piece_by_piece(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    question = "Who owns pricing experiments? And who writes the release notes?"
    message = answer_message(matcher.answer(question), kb)
    assert_valid_blocks(message["blocks"])
    text = all_text(message)
    assert "*pricing experiments*: the article doesn't settle it" in text
    assert "*writes the release notes*: the article doesn't settle it" in text


def test_a_notification_reads_well_however_sure_the_answer_is(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    # a platform reviewer's find: "RoleFit — not sure the Product Manager: Go-to-market plan"
    unsure = matcher.answer("who owns the thing with the customers?")
    assert unsure.confidence < MOST_LIKELY and unsure.owners
    assert answer_message(unsure, kb)["text"].startswith("RoleFit — perhaps the ")
    clear = answer_message(matcher.answer("who writes user stories?"), kb)["text"]
    assert clear.startswith("RoleFit — clearly the Product Owner")


def test_everyday_work_outside_product_says_whose_it_usually_is(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    # found by a founder-style tester: "who does the pitch deck for investors" was told that
    # nothing matched, beside "This looks like payroll"
    message = answer_message(matcher.answer("who does the pitch deck for investors?"), kb)
    assert "This sounds like work for *the founders or the CEO*" in all_text(message)
    assert message["text"] == "RoleFit — neither role (the founders or the CEO)"


def test_work_for_someone_else_names_them(kb: KnowledgeBase, matcher: Matcher) -> None:
    answer = matcher.answer("who designs the final creative campaign?")
    assert answer.outside_owner
    assert f"work for *{answer.outside_owner}*" in all_text(answer_message(answer, kb))


def test_user_text_is_escaped_and_cut(kb: KnowledgeBase, matcher: Matcher) -> None:
    question = "<!channel> <!here> <!subteam^S1> <@U1> who owns the backlog? " + "🎉" * 100_000
    message = answer_message(matcher.answer(question), kb, share=AnswerRef(question))
    assert_valid_blocks(message["blocks"])
    text = rendered(message)
    for token in ("<!channel>", "<!here>", "<!subteam", "<@U1>"):
        assert token not in text
    assert "@\u2060channel @\u2060here @\u2060group @\u2060someone who owns" in text
    assert len(text) < 12_000
    for button in buttons(message):
        assert len(str(button["value"])) <= BUTTON_VALUE_MAX


def test_a_value_that_is_not_ours_is_refused() -> None:
    for value in (None, "", "not json", "[]", '{"q": 3}', '{"q": "x", "r": 5}'):
        assert AnswerRef.from_value(value) is None
    assert AnswerRef.from_value('{"q": "x", "r": null}') == AnswerRef("x")


def test_a_list_of_work_shows_each_piece_and_whose_it_is(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    question = "<!channel> who owns the backlog, competitor research & payroll?"
    message = answer_message(matcher.answer(question), kb, share=AnswerRef(question))
    assert_valid_blocks(message["blocks"])
    shown = rendered(message)
    assert "Those are separate pieces of work" in shown
    assert "• *the backlog*: clearly the Product Owner (Managing and ordering" in shown
    assert "• *competitor research*: clearly the Product Manager" in shown
    assert "• *payroll*: neither role, usually" in shown
    assert "I answer who owns product work" not in shown  # not a "neither" answer
    assert "<!channel>" not in shown
    assert "the backlog: clearly the Product Owner" in message["text"]


def test_a_list_of_work_names_the_workspace_holders(kb: KnowledgeBase, matcher: Matcher) -> None:
    roles = {
        **kb.roles,
        "product-owner": kb.roles["product-owner"].model_copy(update={"holders": ["U0DANA"]}),
    }
    here = kb.model_copy(update={"roles": roles})
    shown = rendered(answer_message(matcher.answer("who owns the backlog and pricing?"), here))
    assert "• *the backlog*: clearly the Product Owner (here that's <@U0DANA>)" in shown


def test_work_picked_from_did_you_mean_is_named_in_the_headline(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    # found by a founder-style tester: "who owns OKRs?" then a pick read "This is clearly work
    # for the Product Owner", as if OKRs were
    picked = matcher.answer_for("po-product-goal", "who owns OKRs?")
    text = all_text(answer_message(picked, kb))
    assert "*Communicating the product goal* is *clearly* work for the Product Owner" in text
    assert "This is" not in text


def test_a_follow_up_shows_what_was_asked_and_what_it_was_about(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    # found by a founder-style tester: "You asked" glued the earlier question onto the new one
    answer = matcher.answer(with_topic("who writes them?", "who owns the backlog?"))
    text = all_text(answer_message(answer, kb))
    assert "You asked: “who writes them?” (about “who owns the backlog?”)" in text
