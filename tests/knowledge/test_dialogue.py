"""The conversation layer with plain data: each intent, follow-ups, feedback, hiring facts and
asking back, concepts and the article's edges."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from knowledge import KnowledgeBase, Matcher
from knowledge.advisor import advise
from knowledge.confidence import CLEARLY
from knowledge.dialogue import Chat, HiringFacts, Intent, Memory, Reply, wording
from knowledge.dialogue.facts import (
    read_answer,
    read_correction,
    read_facts,
    read_vacated,
    scrum_taken_back,
)
from knowledge.dialogue.message import MOST_READ, bounded
from knowledge.dialogue.wording import with_topic


@pytest.fixture(scope="module")
def chat(kb: KnowledgeBase, matcher: Matcher) -> Chat:
    return Chat(kb, matcher)


def turns(chat: Chat, *texts: str) -> list[Reply]:
    memory: Memory | None = None
    replies = []
    for text in texts:
        reply = chat.reply(text, memory)
        memory = reply.memory
        replies.append(reply)
    return replies


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what's the difference between a PO and a PM?", "compare"),
        ("PO vs PM", "compare"),
        ("so PM = why, PO = how?", "compare"),
        ("which role looks at the market and which one looks at the sprint?", "compare"),
        ("who handles the laptops for the product team, PO or PM?", "ownership"),
        ("can one person be both?", "combine"),
        ("is it ok for the PM to also run the backlog?", "combine"),
        ("our PM is overloaded with refinement, should we split her role?", "combine"),
        ("keep PO and PM apart or merge them?", "combine"),
        ("does the PM write the user stories or does the PO too?", "ownership"),
        ("is it time to split our product lead's role into two?", "combine"),
        ("should product ownership and product management be one role or two?", "combine"),
        ("how are the duties divided between the PO and the PM?", "compare"),
        ("PO ≠ PM, right?", "compare"),
        ("what could I ask you?", "help"),
        ("should I hire a PO or a PM?", "hire"),
        ("we're a 12-person startup, who should we hire first?", "hire"),
        ("do we need both?", "hire"),
        ("what can you do?", "help"),
        ("not sure what u do, can u help?", "help"),
        ("do you also answer questions about Scrum Masters?", "help"),
        ("what's the slash command for the questionnaire?", "help"),
        ("do you know whether the canteen is open today?", "off-topic"),
        ("help me tell a PO and a PM apart", "compare"),
        ("thanks!", "smalltalk"),
        ("hi", "smalltalk"),
        ("what's the weather in London", "off-topic"),
        ("scrum vs kanban, which is better?", "off-topic"),
        ("who owns the product backlog?", "ownership"),
    ],
)
def test_each_message_is_read_as_its_intent(chat: Chat, text: str, intent: str) -> None:
    assert chat.reply(text).intent == intent


def test_a_follow_up_is_answered_against_the_previous_turn(chat: Chat) -> None:
    first, second, third = turns(
        chat, "who owns the backlog?", "and pricing?", "same for test plans"
    )
    assert first.owners == ["product-owner"]
    assert second.follow_up and second.owners == ["product-manager"]
    assert third.follow_up and third.owners == ["product-owner"]


def test_follow_ups_to_one_person_in_both_roles_ask_something_new_of_it(chat: Chat) -> None:
    # found by two testers: the same paragraph three times, word for word
    _, small, drops = turns(
        chat,
        "can one person do both jobs?",
        "ok but realisticly at 25 ppl, would u do that",
        "what would they drop first",
    )
    assert small.text.startswith("The article gives no head count, but it says startups and")
    assert drops.text.startswith("The article doesn't say what one person in both roles should")
    _, teams = turns(chat, "can one person be both PO and PM for 8 engineers?", "and for 4 teams?")
    assert teams.text.startswith("The article gives no head count, but it says large companies")
    _, again = turns(chat, "can one person do both jobs?", "can they really do both?")
    assert again.text.startswith("The article treats them as two distinct roles")


def test_a_follow_up_pointing_into_the_last_answer_is_about_that_answer(chat: Chat) -> None:
    # found by an engineering-manager tester: "second line support" and "parts" (supply chain)
    listed, second = turns(
        chat, "who owns bug triage, release decisions and documentation?", "and the second one?"
    )
    assert listed.answer is not None and listed.answer.parts[1].question == "release decisions"
    assert second.memory.question == "release decisions"
    assert second.owners == ["product-owner"]
    _, parts = turns(chat, "who owns the roadmap?", "which parts exactly?")
    assert parts.kind == "why" and "each role holds a side of it" in parts.text


def test_combining_them_after_the_comparison_is_about_the_roles(chat: Chat) -> None:
    _, combine = turns(chat, "PO vs PM?", "so should we merge them?")
    assert combine.intent == "combine"


def test_why_and_pushback_are_about_the_previous_answer(chat: Chat) -> None:
    _, why, wrong, thanks = turns(
        chat, "who owns go-to-market?", "why?", "that's wrong, our PO does that", "thanks!"
    )
    assert why.intent == "feedback" and "Product Manager" in why.text
    assert wrong.intent == "feedback" and "`/rolefit teach`" in wrong.text
    assert thanks.intent == "feedback" and thanks.kind == "thanks"


@pytest.mark.parametrize("asked", ["wdym", "what do you mean?"])
def test_asking_what_rolefit_means_gets_why(chat: Chat, asked: str) -> None:
    # found by a founder-style tester: "I couldn't match that to any work"
    _, meant = turns(chat, "who owns go-to-market?", asked)
    assert meant.intent == "feedback" and meant.kind == "why" and "Product Manager" in meant.text


@pytest.mark.parametrize(
    ("asked", "taker"),
    [("can my cto do it?", "your CTO"), ("can i just do it myself", "you")],
)
def test_someone_else_taking_on_the_work_just_answered_is_weighed_against_its_owner(
    chat: Chat, asked: str, taker: str
) -> None:
    # found by a founder-style tester: the block on one person in both roles, whatever the work
    _, taken = turns(chat, "who owns pricing?", asked)
    assert taken.text.startswith(f"The article doesn't say whether {taker} can take that on")
    assert "the Product Manager's work" in taken.text
    assert taken.memory.question == "who owns pricing?"  # "and the backlog?" goes on from it


def test_the_team_told_beside_asking_if_one_person_can_do_both_is_kept_for_the_hire(
    chat: Chat,
) -> None:
    # found by a hiring tester: "OK so who should we hire?" asked again what the hire is for
    combined, advice = turns(
        chat,
        "We're 8 people, Scrum, we need both backlog work and go-to-market but can only afford "
        "one hire. Can one person do both?",
        "OK so who should we hire?",
    )
    assert combined.intent == "combine"
    assert advice.recommendation is not None and not advice.asks


def test_asking_how_to_decide_while_a_hiring_question_waits_says_why_it_matters(
    chat: Chat,
) -> None:
    # found by a hiring tester: "That's outside what I know"
    _, how = turns(
        chat, "We're a 15-person startup, who should we hire?", "not sure, how do I decide?"
    )
    assert how.intent == "hire" and how.asks
    assert how.text.startswith("It's the article's first question for any product hire")


def test_saying_the_article_says_the_opposite_is_pushback(chat: Chat) -> None:
    # found by a sceptical PM: it was read as a hiring question ("What is the hire mostly for?")
    _, opposite = turns(chat, "who owns the go-to-market plan?", "the article says the opposite")
    assert opposite.intent == "feedback" and "pushing back" in opposite.text


@pytest.mark.parametrize(
    "asked",
    [
        "does the article say one person can be both PO and PM?",
        "what does the article say about one person doing both roles?",
        "does the article mention combining the roles?",
    ],
)
def test_asking_the_article_about_one_person_in_both_roles_gets_its_answer(
    chat: Chat, asked: str
) -> None:
    # found by a sceptical PM: the roles side by side, or "I don't quote the article"
    combined = chat.reply(asked)
    assert combined.intent == "combine"
    assert "says nothing about one person holding both titles" in combined.text
    # (a review's find: the roles splitting or sharing work is no one person in both)
    split = chat.reply("what does the article say about how the two roles split the roadmap?")
    assert "one person holding both titles" not in split.text


@pytest.mark.parametrize(
    ("asked", "idea"),
    [
        ("how much revenue did the company in the article have?", "manufacturer case"),
        ("what kind of data goes into a good analysis?", "Hard data"),
        ("what's the point of the article in one sentence?", "The article in short"),
        ("what is the product life cycle in the article?", "logistics managers"),
    ],
)
def test_what_the_article_does_say_is_answered_not_refused(
    chat: Chat, asked: str, idea: str
) -> None:
    # found by a sceptical PM: each got "The article doesn't explain that" or "outside what I
    # know", though the article says it
    assert idea in chat.reply(asked).text


def test_what_okrs_are_is_answered_as_work_the_article_never_names(chat: Chat) -> None:
    # found by a sceptical PM: OKRs were explained as the product goal
    okrs = chat.reply("what are OKRs?")
    assert "OKRs do not appear in the article" in okrs.text
    assert "product goal" not in okrs.text


def test_asking_how_sure_rolefit_is_gets_its_reasoning_not_a_failed_match(chat: Chat) -> None:
    for asked in ("for sure?", "how confident are you?", "on paper?"):
        _, sure = turns(chat, "who owns pricing?", asked)
        assert sure.intent == "feedback" and sure.kind == "why", asked
        # ("how confident are you?" says how sure, out of 100: "Most likely: about 70…")
        assert sure.text.startswith("Most likely"), asked
    _, doubted = turns(chat, "who owns pricing?", "you sure?")
    assert doubted.kind == "disagree" and "Most likely the Product Manager" in doubted.text


def test_a_follow_up_naming_a_role_asks_whether_it_owns_the_work_before(chat: Chat) -> None:
    _, po, pm, other = turns(
        chat, "who owns pricing?", "and the PO?", "what about the PM?", "what about the other one?"
    )
    assert po.owners == ["product-manager"]
    # pricing, which the article never names: "most likely", and a yes or no as sure
    assert po.text.startswith("Probably not the Product Owner. Most likely the Product Manager")
    assert pm.text.startswith("Probably. Most likely the Product Manager")
    assert other.text.startswith("Probably not the Product Owner.")
    _, other_than_po, why = turns(chat, "who owns the backlog", "what about the other one?", "why?")
    assert other_than_po.text.startswith("Not the Product Manager.")
    assert other_than_po.owners == ["product-owner"] and "backlog" in why.text.lower()
    _, new_work = turns(chat, "who owns the backlog", "and the PO for pricing?")
    assert new_work.owners == ["product-manager"] and not new_work.text.startswith("Yes")
    _, hedged = turns(chat, "who handles the developers?", "and the PO?")
    assert hedged.text.startswith("Probably. I'm not sure")


def test_a_list_of_work_is_answered_piece_by_piece_and_followed_up(chat: Chat) -> None:
    asked, po, why = turns(chat, "who owns the backlog and pricing?", "and the PO?", "why?")
    assert asked.text == (
        "Those are separate pieces of work, each with its own answer: the backlog: clearly the "
        "Product Owner; pricing: most likely the Product Manager."
    )
    assert po.text.startswith("Partly. Those are separate pieces of work")
    assert "The backlog: " in why.text and "Pricing: " in why.text  # each piece's reason
    _, every_piece = turns(chat, "who owns the product roadmap and pricing?", "and the PM?")
    assert every_piece.text.startswith("Probably.")  # in both; pricing only "most likely"


def test_a_bare_list_of_work_is_answered_piece_by_piece(chat: Chat) -> None:
    reply = chat.reply("- roadmap\n- release notes\n- customer interviews\n- OKRs")
    assert reply.intent == "ownership" and reply.answer is not None
    assert len(reply.answer.parts) == 4  # one word ("OKRs") no longer makes it off-topic
    in_a_line = chat.reply("backlog + pricing + roadmap?")  # "backlog" alone reads as its idea
    assert in_a_line.answer is not None
    assert [part.question for part in in_a_line.answer.parts] == ["backlog", "pricing", "roadmap"]
    assert chat.reply("scrum vs kanban, which one for a 5 person team?").intent == "off-topic"


def test_items_set_out_one_by_one_say_how_sure_each_is(chat: Chat) -> None:
    reply = chat.reply("who owns these?\n- the roadmap\n- jira hygiene\n- zorblax")
    assert reply.text.endswith(
        "jira hygiene: perhaps the Product Owner; zorblax: nothing in the article matches it."
    )


@pytest.mark.parametrize(
    "follow_up", ["and pricing, payroll and legal?", "OK, and pricing; payroll; legal?"]
)
def test_a_follow_up_listing_work_keeps_its_list(chat: Chat, follow_up: str) -> None:
    _, listed = turns(chat, "who owns the backlog?", follow_up)
    assert listed.text == (
        "Those are separate pieces of work, each with its own answer: pricing: most likely the "
        "Product Manager; payroll: neither role, usually finance or HR; legal: neither role, "
        "usually legal or compliance."
    )


@pytest.mark.parametrize(
    ("follow_up", "starts"),
    [
        ("so what does the PO own?", "Product Owner (PO): "),  # the role, not pricing
        ("and if we don't have a PM?", "Product Manager (PM): "),
        ("does the PO help with it?", "Most likely the Product Manager"),
        ("is that the PO's job?", "Probably not the Product Owner."),
        ("does the PM own it?", "Probably."),
    ],
)
def test_a_follow_up_asking_whose_work_it_is_gets_a_yes_or_no(
    chat: Chat, follow_up: str, starts: str
) -> None:
    _, reply = turns(chat, "who owns pricing?", follow_up)
    assert reply.text.startswith(starts)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("what does a product manager do?", "Product Manager (PM): "),
        ("what is a product owner?", "Product Owner (PO): "),
        ("explain the PO role", "Product Owner (PO): "),
        ("tell me about product owners", "Product Owner (PO): "),
        ("give me an overview of the PM", "Product Manager (PM): "),
        # found by a tester: after an introduction, "The article doesn't explain that", the
        # hiring questions, or the C-suite (for "I'm the CTO")
        ("Hi, I'm head of people at a 60-person scale-up. What does a PO do?", "Product Owner"),
        ("I'm a recruiter. What does a product owner do?", "Product Owner (PO): "),
        ("I'm the CTO. What does a PM do?", "Product Manager (PM): "),
        ("We are a startup. What does a product manager do?", "Product Manager (PM): "),
        # context after or around the ask names no work: still the role, not "doesn't explain"
        ("what does a PM do? our board keeps asking", "Product Manager (PM): "),
        ("our board keeps asking what a PM does", "Product Manager (PM): "),
        ("what does a PO do? we have 3 teams", "Product Owner (PO): "),
    ],
)
def test_asked_what_a_role_is_it_describes_the_role(chat: Chat, text: str, role: str) -> None:
    reply = chat.reply(text)
    assert reply.text.startswith(role) and "When to hire one:" in reply.text


def test_saying_the_team_runs_scrum_after_the_goal_adds_no_second_goal(chat: Chat) -> None:
    _, business, scrum, why = turns(
        chat, "who should we hire first?", "building the business", "we run scrum", "why?"
    )
    assert business.recommendation is not None
    assert business.recommendation.recommendation == "product-manager"
    assert scrum.recommendation is not None
    assert scrum.recommendation.recommendation == "product-manager"
    assert why.text.startswith("Hire a Product Manager because:")
    assert why.text.endswith(
        "Weighed against it: Your team runs Scrum, and the Product Owner is a Scrum role."
    )
    assert scrum.text.endswith(
        "Weighed against it: Your team runs Scrum, and the Product Owner is a Scrum role."
    )


@pytest.mark.parametrize(
    "said",
    [
        "we run scrum, sprints keep slipping",  # a need: both sides now
        "once that person is in, who's next? we run scrum",  # the next hire
    ],
)
def test_scrum_said_with_a_need_or_a_next_hire_still_counts(chat: Chat, said: str) -> None:
    *_, reply = turns(chat, "we're a startup, who should we hire?", "building the business", said)
    advised = reply.recommendation.recommendation if reply.recommendation else None
    assert advised != "product-manager" or reply.asks


@pytest.mark.parametrize(
    "text",
    [
        "кто отвечает за бэклог?",
        "誰がバックログを管理しますか\uff1f",
        # found by a tester: with no question mark, no spaces to count words by, it was greeted
        "バックログは誰が管理しますか",
        "谁负责定价",
        "すみません、バックログは誰が管理しますか",  # a review's find: greeted for its courtesy
    ],
)
def test_a_message_in_another_script_is_told_english_only_and_the_thread_goes_on(
    chat: Chat, text: str
) -> None:
    _, other, follow_up = turns(chat, "who owns pricing?", text, "and the backlog?")
    assert other.text.startswith("Sorry, I can only read English so far.")
    assert follow_up.follow_up and follow_up.owners == ["product-owner"]
    for greeting in ("привет", "こんにちは", "你好吗", "안녕하세요", "よろしくお願いいたします"):
        assert chat.reply(greeting).intent == "smalltalk"  # a greeting is greeted
    _, thanks = turns(chat, "who owns pricing?", "спасибо большое")
    assert not thanks.text.startswith("Sorry")
    fullwidth = chat.reply(
        "\uff57\uff48\uff4f \uff4f\uff57\uff4e\uff53 \uff50\uff52\uff49\uff43\uff49\uff4e\uff47?"
    )
    assert fullwidth.owners == ["product-manager"]  # "who owns pricing?" in fullwidth letters


@pytest.mark.parametrize("reaction", ["👍", "🙏🏽", ":+1::skin-tone-3:", ":pray:"])
def test_a_thumbs_up_after_an_answer_is_thanks(chat: Chat, reaction: str) -> None:
    _, thanks = turns(chat, "who owns pricing?", reaction)
    assert thanks.kind == "thanks" and thanks.text == "Glad it helped!"
    assert chat.reply(reaction).intent == "smalltalk"  # nothing to thank for yet: a hello


def test_why_after_the_roles_or_a_concept_gives_the_articles_reasoning(chat: Chat) -> None:
    _, after_compare = turns(chat, "PO vs PM?", "why?")
    _, after_combine = turns(chat, "can one person be both?", "why?")
    concept, after_concept = turns(chat, "what does go-to-market mean?", "why?")
    assert after_compare.text.startswith("Because the article sets them apart")
    assert "startups and small businesses usually hire one product person" in after_compare.text
    assert after_combine.text == after_compare.text
    assert concept.concept is not None
    assert after_concept.text.startswith(f"Going by the article: {concept.concept.explanation}")


def test_why_after_a_roles_card_gives_why_that_work_is_the_roles(chat: Chat) -> None:
    # found by a session's review: "why?" after "what does a PO do?" got "Ask me who owns a
    # piece of work, and I'll tell you why."
    _, after_po = turns(chat, "what does a product owner do?", "why?")
    *_, after_next = turns(chat, "what does a PM do day to day?", "and a PO?", "why?")
    _, after_pm = turns(chat, "define PM", "why?")
    _, after_both = turns(chat, "what do a PO and a PM do?", "why?")
    assert after_po.text.startswith("Because the article makes the Product Owner a Scrum role")
    assert "(Article: Product Manager vs. Product Owner: Responsibilities.)" in after_po.text
    assert after_next.text == after_po.text  # the role last described, not the first
    assert after_pm.text.startswith("Because the article makes the Product Manager a business")
    assert after_both.text.startswith("Because the article sets them apart")


def test_hiring_with_too_few_facts_asks_back_then_recommends(chat: Chat) -> None:
    first = chat.reply("who should we hire first?")
    assert first.recommendation is None and [a.fact for a in first.asks] == ["goal"]
    assert first.facts is not None
    second = chat.answer_fact(first.facts, "goal", "deliver-product", first.memory.asked)
    assert second.recommendation is not None
    assert second.recommendation.recommendation == "product-owner"


def test_a_correction_of_what_was_asked_gets_that_work_answered(chat: Chat) -> None:
    _, meant, why = turns(chat, "who owns the backlog?", "no, I meant pricing and payroll", "why?")
    assert meant.intent == "ownership" and meant.owners == ["product-manager"]
    assert meant.text.startswith("Got it, about that work: Those are separate pieces of work")
    assert "Pricing: " in why.text  # "why?" is now about the work it meant


def test_a_correction_answers_what_was_meant_not_what_was_not(chat: Chat) -> None:
    _, meant = turns(chat, "who owns the backlog?", "no i meant pricing, not suppliers")
    assert meant.memory.question == "pricing"
    assert meant.owners == ["product-manager"]


def test_a_correction_to_work_the_article_does_not_place_says_so(chat: Chat) -> None:
    _, meant = turns(chat, "who owns pricing?", "no, I meant legal review")
    assert meant.text.startswith(
        "Got it, about that work: Outside the article, that's usually work for legal or "
        "compliance, not for a product"
    )
    assert meant.memory.question == "legal review"  # "and why?" is about legal review now


def test_a_correction_is_read_however_it_opens_and_asking_why_is_no_correction(
    chat: Chat,
) -> None:
    _, meant = turns(chat, "who owns pricing?", "not that, I meant competitor research")
    assert meant.text.startswith("Got it, about that work: That's clearly work for the Product")
    for asks_why in ("no, I meant why?", "no, I meant, like, why?", "no, I meant <@U123> why?"):
        _, why = turns(chat, "who owns pricing?", asks_why)
        assert why.text.startswith("Why most likely the Product Manager:")  # the why
    _, other = turns(chat, "who owns pricing?", "not that one, I meant the backlog")
    assert other.text.startswith("Got it, about that work: That's clearly work for the Product")
    _, oops = turns(chat, "who owns pricing?", "oops, I meant the backlog")  # was hiring advice
    assert oops.text.startswith("Got it, about that work: That's clearly work for the Product")


def test_a_correction_that_asks_a_question_of_its_own_gets_it_answered(chat: Chat) -> None:
    _, hire = turns(chat, "who owns pricing?", "no I meant should I hire a PM for it")
    assert hire.intent == "hire"
    _, roadmap = turns(chat, "who owns pricing?", "no, I meant who owns the roadmap?")
    assert roadmap.intent == "ownership" and "roadmap" in roadmap.text


@pytest.mark.parametrize(
    "narrowed", ["no, I meant in practice", "no, I meant at a startup", "no, I meant last week"]
)
def test_a_correction_that_only_narrows_the_question_keeps_the_work(
    chat: Chat, narrowed: str
) -> None:
    _, reply = turns(chat, "who owns the backlog?", narrowed)
    assert "clearly work for the Product Owner" in reply.text
    assert not reply.text.startswith("Got it")


@pytest.mark.parametrize(
    "pushback",
    [
        "no, the PM orders the backlog here",
        "I thought the PM talks to customers, so should write them?",  # a claim with a reason
        "not convinced, why?",
        "that's wrong, the PM does it",
        "our scrum master said otherwise",
        "hmm, isn't that the PM since they know the market?",
        # opening "not …," and no work named after it: no correction
        "not 100% sure about that, the PM does it at my company",
        "not a fan of this answer, seems wrong",
    ],
)
def test_pushback_with_a_claim_gets_the_articles_answer_again(chat: Chat, pushback: str) -> None:
    _, pushed = turns(chat, "who owns the backlog?", pushback)
    assert pushed.owners == ["product-owner"]  # never agrees with the claim by answering it


def test_a_correction_after_the_advice_advises_again(chat: Chat) -> None:
    *_, two = turns(chat, "who should we hire?", "both", "1", "actually we can hire two")
    assert two.recommendation is not None and two.recommendation.recommendation == "both"
    *_, devs = turns(chat, "who should we hire?", "both", "1", "no, we have 5 devs")
    assert devs.recommendation is None  # the team's size, not a second hire
    *_, growth = turns(chat, "who should we hire?", "delivery", "no wait, growth")
    assert growth.recommendation is not None
    assert growth.recommendation.recommendation == "product-manager"  # replaced, not "both"


def test_a_typed_reply_to_the_hiring_question_is_read_as_one(chat: Chat) -> None:
    _, _, headcount = turns(chat, "who should we hire?", "both", "1")
    assert headcount.recommendation is not None  # "1" is one hire, not a greeting
    _, _, three = turns(chat, "who should we hire?", "both", "3")
    assert three.recommendation is not None and three.recommendation.recommendation == "both"
    _, no_scrum = turns(chat, "who should we hire?", "no scrum, we do kanban")
    assert no_scrum.intent == "hire" and [a.fact for a in no_scrum.asks] == ["goal"]
    assert no_scrum.facts is not None and no_scrum.facts.uses_scrum is False


def test_the_hiring_question_stays_asked_across_a_question_in_between(chat: Chat) -> None:
    *_, detour, back = turns(
        chat, "po or pm for our team?", "both", "hmm can one person do both jobs?", "ok 2 then"
    )
    assert detour.intent == "combine"
    assert back.recommendation is not None and back.recommendation.recommendation == "both"


def test_both_kinds_of_work_and_one_hire_without_scrum_said_is_the_broader_pm(
    chat: Chat,
) -> None:
    *_, one = turns(chat, "who should be our first product hire", "both", "just one")
    assert one.recommendation is not None
    assert one.recommendation.recommendation == "product-manager"
    assert "Scrum" not in one.text  # nobody said whether the team runs Scrum


def test_a_process_the_team_does_not_run_is_no_need_for_it() -> None:
    said = "we dont do scrum. so the business side i guess, we need someone on strategy"
    assert read_facts(said).goal == "build-business"


@pytest.mark.parametrize(
    "said",
    [
        "hmm we don't actually do scrum",
        "we're not an agile shop, no sprints",
        "we stopped doing scrum",
        "we use kanban not scrum",
        # found by a tester writing in German: "kein scrum" was read as a Scrum team
        "brauchen wir einen PO oder PM? kein scrum",
        "PO o PM? sin scrum",
        # found by a tester: Scrum named as what the team does not run, read as run and wanted
        "Some of our teams run Shape Up rather than Scrum. Do they need a Product Owner?",
        "We use Kanban rather than Scrum; should we hire a Product Manager?",
        "Our teams use Kanban instead of Scrum. Do we need a Product Owner?",
        "We have moved away from Scrum to Kanban. PO or PM?",
        "we moved from scrum to kanban",
        "we moved away from Scrum last year, do we need a product owner?",
    ],
)
def test_a_team_that_says_it_runs_no_scrum_is_read_so(said: str) -> None:
    facts = read_facts(said)
    assert facts.uses_scrum is False and facts.goal is None


def test_a_team_running_scrum_asks_what_the_hire_is_for(chat: Chat) -> None:
    # found by a tester: "the app team does scrum" was read as wanting delivery
    assert read_facts("we make hardware and an app. the app team does scrum").goal is None
    _, told = turns(chat, "should i hire a PO or a PM", "the app team does scrum")
    assert "What is the hire mostly for?" in told.text and told.recommendation is None


@pytest.mark.parametrize(
    "said",
    [
        "we have 2 scrum 2 kanban. should i hire a PO or PM?",
        "two of our teams do scrum and two do kanban. who should we hire",
        "one team on kanban, the other runs scrum",
    ],
)
def test_some_teams_on_scrum_beside_kanban_ones_run_scrum_and_want_nothing_yet(said: str) -> None:
    # found by a COO tester: "2 scrum 2 kanban" read as no Scrum and as wanting delivery
    facts = read_facts(said)
    assert facts.uses_scrum is True
    assert facts.goal is None


@pytest.mark.parametrize(
    ("said", "headcount"),
    [
        ("what if we hire both", 2),
        ("we can hire both", 2),
        (
            "12 person startup, we need pricing and the backlog, but can't afford to hire both",
            None,
        ),
        ("we don't want to hire both.", None),
        ("we hired both a PO and a PM last year, who should we hire next?", None),
    ],
)
def test_hiring_both_counts_two_only_as_a_plan(said: str, headcount: int | None) -> None:
    # found in review: "can't afford to hire both" had become two hires
    assert read_facts(said).headcount == headcount


@pytest.mark.parametrize(
    ("said", "told"),
    [
        # an engineering manager tester's finds: "we run scrum" read as running the business,
        # uncounted Scrum teams as wanting delivery, customers as the company's stage, and two
        # out of reach as two hires
        (
            "startup, 40 people, one hire, we run scrum, the hire is mainly for the business side",
            HiringFacts(
                company_stage="startup", goal="build-business", uses_scrum=True, headcount=1
            ),
        ),
        (
            "we're a 40 person scale-up with scrum teams, we can hire two people",
            HiringFacts(company_stage="scale-up", uses_scrum=True, headcount=2),
        ),
        (
            "we're 40 people, CEO wants pricing and packaging for enterprise",
            HiringFacts(company_stage="scale-up", goal="build-business"),
        ),
        ("we have no money for 2 people", HiringFacts(headcount=1)),
    ],
)
def test_what_a_story_says_of_the_company_is_not_read_as_more(said: str, told: HiringFacts) -> None:
    assert read_facts(said) == told


@pytest.mark.parametrize(
    "asked",
    [
        "my CEO wants a product person. what kind should we get?",  # read as the CEO concept
        "what type of product person do we need?",
        "who shld i hire",  # a phone tester's: read as "who does the hiring"
        "we r 9 ppl, who shud we hire?",
        # a recruiter's: the ad read as the creative team's work
        "should the ad be for a PO, a PM, or both?",
        "so is the opening for a PM or a PO?",
        "is the opening a PO or a PM role?",
        "should the listing on LinkedIn be for a product owner or a product manager?",
    ],
)
def test_whom_to_hire_asked_in_other_words_is_a_hiring_question(chat: Chat, asked: str) -> None:
    reply = chat.reply(asked)
    assert reply.intent is Intent.HIRE
    assert "What is the hire mostly for?" in reply.text


ADVISED_GTM = (
    "we're a 20 person startup, one hire, we need someone for go-to-market. who should we hire?"
)


@pytest.mark.parametrize(
    "asked",
    [
        # testers' finds: each read as a correction, which made the goal "both" and the advice
        # a close call, and never answered
        "ok so if we hire a PM, who writes the user stories?",
        "ok but if i hire a pm who plans sprints for my 3 devs??",
        "who writes the user stories then?",
    ],
)
def test_work_asked_of_after_the_advice_is_answered_with_whether_the_hire_covers_it(
    chat: Chat, asked: str
) -> None:
    advice, answer, again = turns(chat, ADVISED_GTM, asked, "so who should we hire?")
    assert advice.recommendation is not None
    assert advice.recommendation.recommendation == "product-manager"
    assert answer.text.startswith("That's clearly work for the Product Owner.")
    assert answer.text.endswith(
        "A Product Manager won't cover this: keep it with whoever does it today, or plan a "
        "Product Owner as a later hire."
    )
    assert again.recommendation == advice.recommendation  # the advice stands


def test_work_the_hire_covers_gets_no_note(chat: Chat) -> None:
    _, answer = turns(chat, ADVISED_GTM, "who builds the go-to-market plan?")
    assert "won't cover" not in answer.text


def test_what_the_hire_leaves_uncovered_is_said(chat: Chat) -> None:
    _, left = turns(chat, ADVISED_GTM, "what would that person NOT cover, and who should?")
    assert left.text.startswith("A Product Manager won't cover the backlog, user stories")


def test_a_role_on_staff_told_as_a_correction_counts_and_its_work_is_no_need(chat: Chat) -> None:
    # an engineering manager tester's find: the PM told in a correction was dropped, and the
    # work she does read as the need, so a second PM was advised
    told = "40-person B2B SaaS, we run scrum, CEO wants enterprise pricing, one hire. who to hire?"
    first, corrected = turns(
        chat, told, "wait, actually we already have a PM — she's been doing pricing"
    )
    assert first.facts is not None and first.facts.company_stage == "scale-up"
    assert corrected.facts is not None and corrected.facts.existing_roles == ("product-manager",)
    assert corrected.recommendation is not None
    assert corrected.recommendation.recommendation == "product-owner"
    assert "With a Product Manager on staff" in corrected.text


def test_whom_to_hire_and_whose_work_asked_together_are_both_answered(chat: Chat) -> None:
    # an engineering manager tester's finds: the work asked about became the hire's goal, and
    # "clear" advice came from no facts; the work's question was never answered
    asked = chat.reply("should we hire a PO or a PM? also who owns the backlog?")
    assert asked.text.startswith("That's clearly work for the Product Owner.")
    assert "As for the hire: Happy to help you choose. What is the hire mostly for?" in asked.text
    advised = chat.reply(
        "we're 20 people, one hire, need go-to-market. who should we hire? "
        "also who owns the backlog?"
    )
    assert advised.recommendation is not None
    assert advised.recommendation.recommendation == "product-manager"
    assert advised.text.endswith(
        "And who owns the backlog? That's clearly work for the Product Owner. Managing the product "
        "backlog heads the article's list of Product Owner duties, and backlog prioritisation is "
        "part of the delivery work it gives them. (Article: Product Manager vs. Product Owner: "
        "Responsibilities.)"
    )


def test_the_work_a_hiring_story_names_is_weighed_as_the_questionnaire_weighs_it(
    chat: Chat, matcher: Matcher
) -> None:
    # a phone tester's find: chat ignored the work listed, so one sprint task tipped a story of
    # four Product Manager tasks to a Product Owner, where the questionnaire said PM
    story = (
        "need 1 person to handle suppliers, factory, pricing and launch in mexico, and also "
        "sprint planning for 3 devs, we r 9 ppl startup. who do i hire"
    )
    reply = chat.reply(story)
    assert reply.facts is not None and reply.recommendation is not None
    assert {"pm-supplier-orchestration", "pm-go-to-market", "po-sprint-planning"} <= set(
        reply.facts.needs
    )
    assert reply.recommendation.recommendation == "product-manager"
    assert advise(reply.facts.answers(), matcher).recommendation == "product-manager"
    covered = chat.reply(
        "our CEO handles the commercial stuff - pricing, partners. we need someone for the backlog"
    )
    assert covered.facts is not None and covered.facts.needs == ("po-backlog",)


@pytest.mark.parametrize(
    ("said", "told"),
    [
        # a review's finds in this stop's fixes
        (
            "we've had no funding for 2 years. now we can hire two people",
            HiringFacts(headcount=2),
        ),
        (
            "no headcount for a second designer, but we can hire two product people",
            HiringFacts(headcount=2),
        ),
        (
            "we're hiring one product person; ideally they handle pricing and go-to-market",
            HiringFacts(goal="build-business", headcount=1),
        ),
        (
            "we went from startup to enterprise, now 900 people",
            HiringFacts(company_stage="enterprise"),
        ),
    ],
)
def test_a_review_of_this_stops_fact_readings_holds(said: str, told: HiringFacts) -> None:
    assert read_facts(said) == told


def test_a_review_of_this_stops_conversation_fixes_holds(chat: Chat) -> None:
    for asked in (
        "what kind of user stories should we add to the backlog?",
        "what kind of backlog tool should we get?",
    ):
        assert chat.reply(asked).intent is not Intent.HIRE, asked  # no hire asked of a kind
    negated = "the article says PMs don't write the final ad campaign, right?"
    assert chat.reply(negated).text.startswith(wording.CLAIM)  # the article's own claim
    for story in (
        "our CTO said we need a product person.",
        "one hire, we need delivery and growth",
    ):
        facts = chat.reply(story).facts
        assert facts is not None and facts.needs == (), story  # the hire, the sides: no needs
    advised, relative = turns(
        chat,
        "we're a 20 person startup, one hire, we run scrum and need someone for the backlog. "
        "who should we hire?",
        "actually we need someone who owns pricing and go-to-market too",
    )
    assert advised.recommendation is not None and relative.recommendation is not None  # re-advised
    assert relative.facts is not None
    assert {"po-backlog", "pm-go-to-market"} <= set(relative.facts.needs)
    _, article = turns(chat, ADVISED_GTM, "what does the article not cover?")
    assert "won't cover the backlog" not in article.text
    _, po = turns(chat, ADVISED_GTM, "what would a PO not cover?")
    assert po.text.startswith("A Product Owner won't cover strategy")
    quoted = chat.reply("who discusses technology roadmaps with R and D?").answer
    assert quoted is not None and quoted.question.endswith("with R and D?")  # as typed


def test_a_second_review_of_this_stops_fixes_holds(chat: Chat) -> None:
    # a relative "who" is no question of its own, in a story or after the advice
    story = chat.reply(
        "we need a product person, who handles pricing and go-to-market. who to hire?"
    )
    assert story.recommendation is not None
    assert story.recommendation.recommendation == "product-manager"
    # work said to be fine is no need; work wanted that is "chaos" is
    fine = chat.reply("small startup, one hire. our sprint planning is chaos, and pricing is fine.")
    assert fine.facts is not None and fine.facts.needs == ("po-sprint-planning",)
    # a side named only by its name takes no one side's tasks as the weight
    sided = chat.reply("one hire, we need user stories, and the business side")
    assert sided.facts is not None and sided.facts.needs == ()
    # an ops lead tester's find: "business stuff" was work, "more of the work you listed"
    stuff = chat.reply(
        "we are a 25 person startup and can hire one product person. we need them for both "
        "delivery and business stuff. we have no idea if we run scrum"
    )
    assert stuff.facts is not None and stuff.facts.needs == ()
    assert "work you listed" not in stuff.text
    # work taken back in a correction goes, and is no reason
    told = "small startup, one hire, we need the backlog, user stories and pricing. who to hire?"
    _, dropped = turns(chat, told, "actually forget pricing, we don't need that")
    assert dropped.facts is not None
    assert dropped.facts.needs == ("po-backlog", "po-user-stories")
    assert "Business and financial analysis" not in dropped.text
    # what the hire leaves, asked in the words the feature was named for
    for asked in (
        "what would it not cover?",
        "what's left uncovered?",
        "what gaps would that leave?",
    ):
        _, left = turns(chat, ADVISED_GTM, asked)
        assert left.text.startswith("A Product Manager won't cover"), asked
    _, other = turns(chat, ADVISED_GTM, "what would they not cover that a PO would?")
    assert other.text.startswith("A Product Manager won't cover")
    # two out of reach, said with a time or adjectives
    for said in ("no headcount for 2 until next year", "no budget for 2 full-time people"):
        assert read_facts(said).headcount == 1, said
    assert read_facts("no funding for 2 years").headcount is None
    # a tag asking for a yes is no negation
    claim = "the article says PMs write the final ad campaign, no?"
    assert chat.reply(claim).text.startswith("No. The article gives that work to someone else")


def test_a_third_review_of_this_stops_fixes_holds(chat: Chat) -> None:
    # work is taken back only in so many words: "from scratch", "can't forget", "no longer
    # working", "remove blockers from the team" take nothing back
    for story, goal in (
        ("startup, one hire: we need someone to build the backlog from scratch", "deliver-product"),
        (
            "startup, one hire, our roadmap is no longer working and pricing is a mess",
            "build-business",
        ),
        (
            "one hire, we need someone to remove blockers from the team and own the backlog",
            "deliver-product",
        ),
    ):
        facts = chat.reply(f"{story}. who should we hire?").facts
        assert facts is not None and facts.goal == goal, story
    told = "small startup, one hire, we need the backlog, user stories and pricing. who to hire?"
    _, kept = turns(chat, told, "we can't forget the backlog")
    assert kept.facts is not None and "po-backlog" in kept.facts.needs
    _, asked = turns(chat, told, "who owns the backlog now that our PO no longer works here?")
    assert asked.text.startswith("That's clearly work for the Product Owner.")
    # asked of the hire alone
    for other in (
        "what does that not cover in the article?",
        "what would this not cover for us legally?",
    ):
        _, reply = turns(chat, ADVISED_GTM, other)
        assert "won't cover the backlog" not in reply.text, other
    _, po = turns(chat, ADVISED_GTM, "given what we discovered, what would a PO not cover?")
    assert po.text.startswith("A Product Owner won't cover")
    # a question without its mark, or with a space before it, is no need
    for asked_last in ("also who owns pricing ?", "who owns pricing"):
        facts = chat.reply(f"one hire, we need the backlog and user stories. {asked_last}").facts
        assert facts is not None and facts.goal == "deliver-product", asked_last


def test_chat_shorthand_is_read_as_the_words_it_stands_for(chat: Chat) -> None:
    assert chat.reply("wat is a po").text.startswith("Product Owner (PO):")


@pytest.mark.parametrize(
    "said",
    [
        "we have 3 teams, two of them do scrum, one does kanban",
        "one on scrum and the rest on kanban",
    ],
)
def test_teams_counted_with_any_verb_run_scrum(said: str) -> None:
    assert read_facts(said).uses_scrum is True


@pytest.mark.parametrize(
    "said",
    [
        "we are a hardware company, does scrum even apply to us?",
        "we make smart home sensors, 9 people. do I need a PO if I dont know what a sprint is?",
    ],
)
def test_asking_whether_scrum_fits_is_a_doubt_and_wants_no_delivery(said: str) -> None:
    # found by a first-time founder tester: "does scrum even apply to us?" got "Your team runs
    # Scrum" and a clear Product Owner
    facts = read_facts(said)
    assert facts.uses_scrum == "unsure"
    assert facts.goal is None


def test_or_between_the_roles_in_another_language_asks_which(chat: Chat) -> None:
    # found by a tester writing in Spanish: "PO o PM?" after an answer repeated that answer
    _, reply = turns(
        chat,
        "who owns the backlog?",
        "necesitamos contratar a alguien para GTM y pricing, PO o PM?",
    )
    assert reply.intent == Intent.HIRE
    assert reply.recommendation is not None
    assert reply.recommendation.recommendation == "product-manager"


def test_an_opinion_of_scrum_is_no_saying_the_team_runs_none() -> None:
    assert read_facts(
        "we're not great at doing scrum yet; our devs need a backlog owner"
    ).uses_scrum


def test_what_a_team_says_it_needs_outweighs_how_it_works() -> None:
    said = "we do scrum but what we really need is growth and a go-to-market plan"
    assert read_facts(said).goal == "build-business"


@pytest.mark.parametrize(
    "said",
    [
        "our revenue has been declining for 3 years while the market grows. we run scrum. who?",
        "we want to grow revenue and find growth opportunities, we do scrum, who should we hire",
        "nobody owns strategy and we use scrum. one hire",
        "our revenue is flat and we use scrum. one hire. PO or PM?",
    ],
)
def test_running_scrum_says_how_the_team_works_not_what_the_hire_is_for(said: str) -> None:
    facts = read_facts(said)
    assert facts.goal == "build-business" and facts.uses_scrum


@pytest.mark.parametrize(
    "said",
    [
        "we do loose scrum. PO or PM?",
        "our scrum is loose. should we hire PO or PM?",
        "we are 12 ppl, 5 devs loose scrum. PO or PM?",
        "the devs run a scrum-ish process, who should we hire?",
    ],
)
def test_a_loosely_kept_scrum_says_how_the_team_works_not_what_the_hire_is_for(said: str) -> None:
    facts = read_facts(said)
    assert facts.goal is None and facts.uses_scrum


@pytest.mark.parametrize(
    "said",
    [
        "we need grow, find new clinics. PO or PM?",  # written by someone new to English
        "we compete with bigger players and keep losing. who should we hire?",
    ],
)
def test_growth_and_competing_said_plainly_are_business_goals(said: str) -> None:
    assert read_facts(said).goal == "build-business"


@pytest.mark.parametrize(
    "said",
    [
        "we're a 60-person company with sales and marketing teams, who should we hire first?",
        "we're 60 people, we have marketing, who should we hire first?",
    ],
)
def test_departments_the_company_has_are_no_goal(said: str) -> None:
    assert read_facts(said).goal is None


@pytest.mark.parametrize(
    "said",
    [
        "we have sales and marketing teams but no go-to-market plan. who should we hire?",
        "we need help with sales and marketing, who should we hire?",
        "we have sales but no strategy. who should we hire?",
    ],
)
def test_departments_beside_business_work_missing_keep_the_goal(said: str) -> None:
    assert read_facts(said).goal == "build-business"


def test_a_product_owner_per_team_told_is_no_question_of_how_many(chat: Chat) -> None:
    told = "we're 120 people, each team runs scrum with a PO per team. who owns pricing?"
    assert chat.reply(told).text != wording.POS_PER_TEAM


def test_competing_priorities_are_no_business_goal() -> None:
    assert read_facts("the devs juggle competing priorities, who should we hire?").goal is None


@pytest.mark.parametrize(
    "told",
    [
        "we ship in two-week sprints btw",
        "we run scrum",
        # testers': each had been read as wanting the product delivered ("clear: hire a PO")
        "we have two product teams doing scrum, 2 week sprints",
        "we are 6 ppl, fitness app, 2 freelance devs",
        "we already have two developers",
        "we do not run sprints and have no backlog",
    ],
)
def test_told_how_the_team_works_when_asked_the_goal_it_asks_the_goal_again(
    chat: Chat, told: str
) -> None:
    _, reply = turns(chat, "who should we hire first?", told)
    assert reply.recommendation is None
    assert [ask.fact for ask in reply.asks] == ["goal"]


def test_a_team_said_to_run_no_sprints_adds_no_sprint_work_to_the_hire(chat: Chat) -> None:
    _, advice, again = turns(
        chat,
        "we use Kanban, no sprints. should we hire a PO?",
        "the delivery side",
        "but we have no sprints",
    )
    assert advice.recommendation is not None
    assert advice.recommendation.recommendation == "product-owner"
    assert "sprint planning" not in again.text and "most likely a Product Owner" in again.text


@pytest.mark.parametrize(
    "reply",
    ["the backlog is a mess", "the backlog is not ok", "sprints are fine, the backlog isn't"],
)
def test_a_reply_naming_a_side_in_trouble_wants_that_side(reply: str) -> None:
    assert read_answer(reply, "goal").goal == "deliver-product"


def test_saying_the_team_runs_no_scrum_after_advice_changes_it(chat: Chat) -> None:
    *_, advice = turns(chat, "PO or PM?", "both", "just one", "hmm we don't actually do scrum")
    assert advice.recommendation is not None
    assert advice.recommendation.recommendation == "product-manager"
    assert "Your team runs Scrum" not in advice.text


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("who owns the backlog?", "ownership"),
        ("who owns competitor analysis?", "ownership"),
        ("what is the difference first?", "compare"),
        ("help", "help"),
    ],
)
def test_a_question_of_its_own_while_hiring_is_answered_and_the_facts_wait(
    chat: Chat, question: str, intent: str
) -> None:
    asking, detour, back = turns(
        chat, "we're a 12-person startup, who should we hire first?", question, "so whom to hire?"
    )
    assert asking.asks and detour.intent == intent and detour.recommendation is None
    assert back.intent == "hire" and back.facts == asking.facts  # the startup is remembered


def test_hiring_with_enough_facts_recommends_at_once(chat: Chat) -> None:
    reply = chat.reply(
        "budget for two heads. eng needs help with sprints and stories; the commercial team "
        "needs someone on competitors + go-to-market. PO + PM?"
    )
    assert reply.recommendation is not None and reply.recommendation.recommendation == "both"


def test_the_articles_manufacturer_case_needs_a_product_manager(chat: Chat) -> None:
    reply = chat.reply(
        "We're a $250 million engineering and manufacturing company. Revenue and profit from "
        "our largest product line have fallen for five years while the market grows at double "
        "digits. Whom should we hire?"
    )
    assert reply.recommendation is not None
    assert reply.recommendation.recommendation == "product-manager"


def test_unsure_what_the_hire_is_for_it_gets_the_articles_rule_then_advice_said_to_rest_on_defaults(
    chat: Chat,
) -> None:
    *_, last_ask, advice = turns(chat, "who should we hire?", "hmm", "not sure", "dunno")
    assert last_ask.recommendation is None
    assert "Delivery points to a Product Owner, the business to a Product Manager" in last_ask.text
    assert advice.recommendation is not None
    assert advice.text.startswith("You haven't said what the hire is for")


def test_facts_said_in_passing_are_read_and_covered_sides_are_not_needs() -> None:
    facts = read_facts(
        "CTO here. engineering runs scrum, 3 teams. we need someone who writes stories. the "
        "commercial side belongs to our CPO."
    )
    assert (facts.goal, facts.uses_scrum) == ("deliver-product", True)
    merged = facts.merged(HiringFacts(goal="build-business", headcount=2))
    assert (merged.goal, merged.headcount) == ("both", 2)


@pytest.mark.parametrize(
    ("reply", "advice"),
    [
        ("the delivery side mostly", "product-owner"),
        ("business side. sales and marketing are lost", "product-manager"),
        ("both, and we can afford two", "both"),
    ],
)
def test_a_reply_in_words_answers_the_question_asked_back(
    chat: Chat, reply: str, advice: str
) -> None:
    first, second = turns(chat, "which role should a 30 person saas hire?", reply)
    assert first.asks and first.asks[0].fact == "goal"
    assert second.intent == "hire"
    got = second.recommendation.recommendation if second.recommendation else "ask"
    assert got == advice


def test_one_side_said_to_be_covered_leaves_the_other_as_the_need() -> None:
    facts = read_facts(
        "our CEO handles all the commercial stuff - pricing, partners, the big accounts. what's "
        "missing is someone who sits with our engineers and turns her ideas into stories."
    )
    assert facts.goal == "deliver-product"


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        (
            "Our devs have nothing to work on and nobody writes the stories. The founders run "
            "sales and strategy. Whom do we add?",
            "product-owner",
        ),
        (
            "we have no idea what our competitors charge and no go-to-market plan. engineering "
            "is humming along. which hire?",
            "product-manager",
        ),
        (
            "budget for two: one person to run sprints and the backlog, another for pricing and "
            "market research. titles?",
            "both",
        ),
        ("we have a PM already but nobody owns the backlog. what do we add?", "product-owner"),
        ("we're pre-revenue with 3 devs, what product role should come first?", "ask"),
    ],
)
def test_the_question_asks_whom_to_hire_and_the_story_gives_the_facts(
    chat: Chat, text: str, advice: str
) -> None:
    reply = chat.reply(text)
    assert reply.intent == "hire"
    got = reply.recommendation.recommendation if reply.recommendation else "ask"
    assert got == advice


@pytest.mark.parametrize(
    "text",
    [
        "who sets the prices for the new tier, the PM right?",
        "someone has to talk to the R&D folks about the technology roadmap. is that the PO?",
        "our devs keep asking who orders the backlog. which role?",
    ],
)
def test_asking_which_role_does_described_work_is_not_hiring(chat: Chat, text: str) -> None:
    assert chat.reply(text).intent == "ownership"


def test_advice_never_claims_a_fact_nobody_gave(chat: Chat) -> None:
    reply = chat.reply("we need someone on pricing, competitive analysis and GTM. who?")
    assert reply.recommendation is not None
    assert "Scrum" not in reply.text


def test_concepts_are_explained_or_said_to_be_missing(chat: Chat) -> None:
    unknown = chat.reply("what is a product zorblax?")
    assert unknown.intent == "concept" and "doesn't explain" in unknown.text


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("does a PM need to be technical?", "concept-pm-not-technical-expert"),
        ("how technical should a product manager be?", "concept-pm-not-technical-expert"),
        ("do PMs travel a lot?", "concept-pm-visits-customers"),
        ("do product managers travel much?", "concept-pm-visits-customers"),
        # an engineering manager tester's finds: "the article doesn't explain that", and the
        # company's size
        (
            "what does 'representing stakeholders' mean for a PO in practice?",
            "concept-representing-stakeholders",
        ),
        ("what would a PM at our size actually do week to week?", "concept-cross-functional-pm"),
    ],
)
def test_a_question_about_a_role_the_article_explains_gets_the_explanation(
    chat: Chat, text: str, concept: str
) -> None:
    reply = chat.reply(text)
    assert reply.intent == "concept" and reply.concept is not None
    assert reply.concept.id == concept


@pytest.mark.parametrize(
    "text",
    [
        "unrelated, but what's a fair salary for a PM in Toronto these days?",  # one word shared
        "who approves my vacation days in the HR tool",
    ],
)
def test_a_concept_sharing_one_word_with_a_question_is_not_its_answer(
    chat: Chat, text: str
) -> None:
    assert chat.reply(text).concept is None


@pytest.mark.parametrize("text", ["is the PO technical?", "does the product owner travel?"])
def test_a_concept_asked_of_the_other_role_says_whose_the_article_makes_it(
    chat: Chat, text: str
) -> None:
    reply = chat.reply(text)
    assert reply.concept is not None
    assert reply.text.startswith(
        "The article says this of the Product Manager, not the Product Owner: "
    )


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("does the PO own the backlog?", "Yes. That's clearly work for the Product Owner."),
        ("is pricing the PO's job?", "Probably not the Product Owner. Most likely the Product"),
        ("the PM writes user stories, right?", "Not the Product Manager. That's clearly"),
        ("<@U123> does the PO own the backlog?", "Yes."),
        ("so the PO owns the backlog, right?", "Yes."),
        ("does the PO or the PM own pricing?", "Most likely"),  # which, not whether
        ("does the PO help with pricing?", "Most likely"),  # a hand, not whose work it is
        ("does the PO review pricing?", "Most likely"),
        # what a yes or no would misread (found by an independent review)
        ("is the backlog owned by someone other than the PO?", "That's clearly"),
        ("does anyone besides the PO touch the backlog?", "That's clearly"),
        ("is the PO the only one who owns the roadmap?", "Most likely"),
        ("should the PO stop owning the backlog?", "That's clearly"),
        ("does the PO not own the backlog?", "That's clearly"),
        ("the PM doesn't write user stories, right?", "That's clearly"),
        ("is pricing the PM's job or marketing's?", "Most likely"),
        ("would a PO be good at pricing?", "Most likely"),
        ("is it ok if I ask something? who owns pricing on a team with a PO?", "Most likely"),
        # found by an independent tester: plain checks written other ways get their yes or no
        ("is the backlog the PO\u2019s job?", "Yes."),
        ("is the PO responsible for the backlog?", "Yes."),
        ("hey rolefit, does the PO own the backlog?", "Yes."),
        ("PM owns backlog?", "Not the Product Manager."),
        # ... and questions of a role's skills or ways are not read as whose work it is
        ("does the PM need to know Scrum?", "That's clearly"),
        ("is the roadmap solely the PO's responsibility?", "Most likely"),
        # found by a second review: negation without an apostrophe, a time, another verb
        ("the PO doesnt own the backlog, yeah?", "That's clearly"),
        ("is the backlog hidden from the PO?", "That's clearly"),
        ("is pricing done by 5 pm?", "Most likely"),
        ("does the PO go to conferences?", "Not the Product Owner."),
        ("is pricing on the PM?", "Probably."),  # the article never names pricing
    ],
)
def test_a_question_whether_one_role_owns_work_is_answered_yes_or_no_first(
    chat: Chat, question: str, starts: str
) -> None:
    assert chat.reply(question).text.startswith(starts)


@pytest.mark.parametrize(
    "question",
    [
        "does the PM own hiring?",
        "does the PO do recruiting?",
        "does the PM hire engineers?",
        "can the PO handle hiring for the dev team?",
        "is the PM in charge of recruiting?",
        # found by an independent tester
        "can a product owner hire people",
        "whose job is hiring?",
        "is the PO the one who hires?",
        "should the product manager be involved in hiring?",
        "is hiring part of the product manager role",
        "which role writes job descriptions for engineers",
        "does the PO get to pick who joins the team",
        "who hires the scrum master",
    ],
)
def test_whether_a_role_does_the_hiring_is_a_question_of_work_not_whom_to_hire(
    chat: Chat, question: str
) -> None:
    reply = chat.reply(question)
    assert reply.intent == Intent.OWNERSHIP
    assert "hiring manager" in reply.text


@pytest.mark.parametrize("question", ["should I hire a PM?", "does a PM hire make sense for us?"])
def test_whom_to_hire_is_still_hiring_advice(chat: Chat, question: str) -> None:
    assert chat.reply(question).intent == Intent.HIRE


RANK_QUESTIONS = ("which is more senior?", "who is more senior, PO or PM?", "who reports to whom?")
REPORTING_LINES = (
    "does the PM report to the CEO?",
    "who manages the product owner?",
    "who's the boss of the engineers, po or pm?",
)


@pytest.mark.parametrize(
    "question",
    [
        *RANK_QUESTIONS,
        *REPORTING_LINES,
        "does the PO report to the PM?",
        "is the PM the PO's boss?",
        "is a PM like a VP of product?",
    ],
)
def test_which_role_ranks_higher_is_answered_honestly_beside_the_comparison(
    chat: Chat, question: str
) -> None:
    reply = chat.reply(question)
    assert reply.intent == Intent.COMPARE
    # (after, where a title the article never uses is said to be so: "a VP of product")
    assert reply.text.startswith("The article never")
    assert "The article never ranks the two roles" in reply.text
    assert "Product Owner (PO):" in reply.text  # then the two roles side by side


def test_a_follow_up_naming_work_after_a_concept_says_whose_work_it_is(chat: Chat) -> None:
    *_, reply = turns(chat, "what's a user story?", "and pricing?")
    assert reply.intent == Intent.OWNERSHIP
    assert reply.text.startswith("Most likely the Product Manager")


@pytest.mark.parametrize(
    "question", ["who reports to the board on financials?", "does the PM report to execs on cost?"]
)
def test_reporting_on_work_is_still_work(chat: Chat, question: str) -> None:
    assert chat.reply(question).text.startswith(("That's clearly", "Yes."))


@pytest.mark.parametrize(
    "conversation",
    [
        ("does the PM work weekends?",),
        ("is the PM paid more since they're cross functional?",),
        ("does the PM travel?", "what about remote, can they do that?"),
    ],
)
def test_the_jobs_conditions_are_not_mistaken_for_work(
    chat: Chat, conversation: tuple[str, ...]
) -> None:
    *_, reply = turns(chat, *conversation)
    assert reply.text.startswith("The article doesn't cover pay, hours, stress, remote work")


def test_who_decides_pay_is_still_a_question_of_work(chat: Chat) -> None:
    assert chat.reply("who sets the PM's salary?").text.startswith(
        "The article doesn't say whose work this is"
    )


@pytest.mark.parametrize(
    "question",
    [
        "whats the difference between a PM and a project manager",
        "do we need a project manager or a product owner",
        "who owns the backlog, the PO or the project manager?",
    ],
)
def test_project_managers_are_told_apart_from_product_managers(chat: Chat, question: str) -> None:
    reply = chat.reply(question)
    assert reply.text.startswith("A note first: here PM means Product Manager.")
    assert reply.note.startswith("A note first")  # where Slack shows blocks, not the text


def test_whether_a_role_does_some_work_is_asked_whatever_came_before(chat: Chat) -> None:
    *_, reply = turns(chat, "do PMs work in scrum too?", "does the PO do strategy at all?")
    assert reply.intent == Intent.OWNERSHIP
    assert reply.text.startswith("Not the Product Owner.")


ABOUT_THE_EXAMPLE = (
    "what did the author do in the $250M company example",
    "in the example, why was a PM hired and not a PO?",
)


@pytest.mark.parametrize("question", ABOUT_THE_EXAMPLE)
def test_the_articles_own_example_is_explained_not_taken_for_a_hiring_story(
    chat: Chat, question: str
) -> None:
    reply = chat.reply(question)
    assert reply.intent == Intent.CONCEPT
    assert reply.text.startswith("The $250 million manufacturer case")


def test_a_question_naming_a_role_is_not_off_topic_for_a_word_like_kanban(chat: Chat) -> None:
    assert chat.reply("we use kanban not scrum, do we even need a PO?").intent == Intent.HIRE
    assert chat.reply("scrum or kanban for a 4 person team?").intent == Intent.OFF_TOPIC


def test_the_articles_narrower_jobs_are_explained(chat: Chat) -> None:
    reply = chat.reply("what does the article say about the logistics manager?")
    assert reply.concept is not None and "logistics manager in Operations" in reply.text


def test_asking_for_more_about_the_work_just_answered_explains_it(chat: Chat) -> None:
    *_, reply = turns(chat, "who does competitive analysis?", "how often?")
    assert reply.intent == Intent.CONCEPT
    assert "every quarter" in reply.text


def test_an_unrelated_question_after_an_answer_is_still_off_topic(chat: Chat) -> None:
    *_, reply = turns(chat, "who does competitive analysis?", "what's the weather like?")
    assert reply.intent == Intent.OFF_TOPIC


def test_asking_the_difference_after_an_answer_compares_the_roles(chat: Chat) -> None:
    *_, reply = turns(chat, "who owns the roadmap", "so both? then what's the difference")
    assert reply.intent == Intent.COMPARE


def test_a_plain_comparison_says_nothing_of_rank(chat: Chat) -> None:
    assert chat.reply("what's the difference between a PO and a PM?").text.startswith(
        "Product Owner (PO):"
    )


def test_a_follow_up_on_a_roles_skills_gets_no_yes_or_no(chat: Chat) -> None:
    _, reply = turns(chat, "who owns pricing?", "does the PM need to be technical for that?")
    assert not reply.text.startswith(("Yes.", "Not the", "Probably"))


@pytest.mark.parametrize(
    ("claim", "starts"),
    [
        ("PO does backlog, PM does pricing, right?", "Probably. Those are separate pieces"),
        ("PM does backlog, PO does pricing, right?", "Not quite. Those are separate pieces"),
        ("the PO owns the backlog and the PM owns pricing, correct?", "Probably."),
        ("PM does backlog, PO does pricing, yeah?", "Not quite."),
        ("who owns the backlog and pricing?", "Those are separate pieces"),  # no claim made
    ],
)
def test_a_claim_over_a_list_is_confirmed_or_not_before_each_piece(
    chat: Chat, claim: str, starts: str
) -> None:
    reply = chat.reply(claim)
    assert reply.text.startswith(starts)
    assert "the po owns" not in reply.text  # each piece is named by its work, not the claim


# Questions about the article itself, and the idea of it each is answered with.
ARTICLE_IDEAS = {
    "what is agile?": "concept-agile",
    "is agile the same as scrum?": "concept-agile",
    "what is a scrum team?": "concept-scrum-team",
    "what is scrum?": "concept-scrum",
    "summarize the article": "concept-article-in-short",
    "do startups need both?": "concept-one-product-person",
    "tell me about the case study with the manufacturing company": "concept-manufacturer-case",
    "can we have a product owner without doing scrum?": "concept-scrum-guide-po",
    "what skills should I look for in a product manager?": "concept-what-to-look-for",
    "give me a summary of the article": "concept-article-in-short",
    "tl;dr": "concept-article-in-short",
    "summary please": "concept-article-in-short",
    "who is on the scrum team?": "concept-scrum-team",
    "what about a 50-person company?": "concept-one-product-person",
    "what if we grow to 50 ppl": "concept-one-product-person",  # a founder's: growth work
    "what if our team grows to 50 people?": "concept-one-product-person",
}


@pytest.mark.parametrize("text", list(ARTICLE_IDEAS))
def test_questions_about_the_article_get_its_idea(chat: Chat, text: str) -> None:
    reply = chat.reply(text)
    assert reply.concept is not None and reply.concept.id == ARTICLE_IDEAS[text]


def test_asking_to_summarise_something_else_is_still_off_topic(chat: Chat) -> None:
    assert chat.reply("summarize this email for me").intent == "off-topic"


@pytest.mark.parametrize(
    "follow_up", ["what about for a 5-person startup?", "what about a 50-person company?"]
)
def test_a_follow_up_about_team_size_gets_what_the_article_says_of_it(
    chat: Chat, follow_up: str
) -> None:
    _, size = turns(chat, "who owns the backlog?", follow_up)
    assert size.concept is not None and size.concept.id == "concept-one-product-person"


def test_a_company_size_said_while_hiring_is_a_fact_of_the_hire(chat: Chat) -> None:
    _, size = turns(
        chat, "we are 12 people, should we hire a PO or PM?", "what about a 50-person company?"
    )
    assert size.intent == "hire" and size.concept is None


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("can our CTO double as the PO?", "Product Owner"),
        ("could the engineering managers act as PO instead?", "Product Owner"),
        ("could our founder be the product manager?", "Product Manager"),
        # a tester's: "she" read as work, and answered with the PM's research
        ("we have a business analyst; could she fill the PO role?", "Product Owner"),
        ("our scrum master is great. can they also be the PO?", "Product Owner"),
        ("we've got a business analyst, would she make a good PO?", "Product Owner"),
    ],
)
def test_someone_with_another_job_taking_a_role_is_not_in_the_article(
    chat: Chat, question: str, role: str
) -> None:
    for reply in (chat.reply(question), turns(chat, "who owns the backlog?", question)[1]):
        assert reply.text.startswith("The article doesn't say whether your "), reply.text
        assert f"can also be the {role}" in reply.text


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        # found by an HR-lead tester: these got hiring advice and "performance reviews"
        (
            "Could our business analyst become a product owner?",
            "The article doesn't say whether your business analyst can become the Product Owner",
        ),
        (
            "could our project manager grow into a product manager role?",
            "The article doesn't say whether your project manager can become the Product Manager",
        ),
        # found by a phone tester: the C-suite's work answered, "most likely the PM"
        (
            "shld i be the po myself? im the ceo",
            "The article doesn't say whether you can also be the Product Owner",
        ),
        # found by an HR-lead tester: "can one person do both?" answered
        (
            "Is a part-time product manager a good idea for a 60 person company?",
            "The article doesn't say whether a Product Manager can be part-time",
        ),
        (
            "Can I hire a product owner as a contractor?",
            "The article doesn't say whether a Product Owner can be part-time",
        ),
    ],
)
def test_who_takes_a_role_and_how_it_is_staffed_are_not_in_the_article(
    chat: Chat, question: str, starts: str
) -> None:
    reply = chat.reply(question)
    assert reply.text.startswith(starts), reply.text
    assert "What the role takes, going by the article" in reply.text
    if starts.endswith("whether you can also be the Product Owner"):  # the asker: "you", "your"
        assert "Whether you have the time and the skills for that beside your own job" in reply.text


@pytest.mark.parametrize(
    "question", ["what is a sprint", "sprint planning — what happens in it?", "what are sprints?"]
)
def test_what_a_sprint_is_gets_the_idea_not_who_plans_it(chat: Chat, question: str) -> None:
    # found by a founder-style tester: "clearly work for the Product Owner", nothing on what it is
    reply = chat.reply(question)
    assert reply.concept is not None and reply.concept.id == "concept-sprint"
    assert "Outside the article: in Scrum a sprint is a short, fixed stretch of work" in reply.text
    assert chat.reply("who plans the sprints?").owners == ["product-owner"]


@pytest.mark.parametrize(
    "question",
    ["what's the difference between a PO and a scrum master?", "scrum master vs product owner?"],
)
def test_a_role_set_against_a_scrum_master_says_the_article_has_none(
    chat: Chat, question: str
) -> None:
    # found by two testers: the Product Owner and Product Manager side by side
    reply = chat.reply(question)
    assert reply.text.startswith("The article never mentions Scrum Masters, so it can't set one")
    assert "Outside the article, a Scrum Master looks after how the team works" in reply.text


def test_a_correction_opening_with_what_was_not_meant_answers_what_was(chat: Chat) -> None:
    _, meant = turns(chat, "who handles pricing", "no not pricing, i meant positioning")
    assert meant.answer is not None and meant.answer.owners == ["product-manager"]
    assert "positioned" in meant.text
    for correction in (
        "not the backlog, the budget",
        "sorry — budget, not backlog",
        "actually meant the budget",
    ):
        _, budget = turns(chat, "who owns the backlog?", correction)
        assert budget.text.startswith("Got it, about that work:"), correction
        assert budget.answer is not None and budget.answer.owners == ["product-manager"]


def test_a_question_of_its_own_after_an_answer_is_answered_not_taken_as_pushback(
    chat: Chat,
) -> None:
    _, technical = turns(chat, "who owns the backlog?", "does a PM need to be technical?")
    assert (
        technical.concept is not None and technical.concept.id == "concept-pm-not-technical-expert"
    )


@pytest.mark.parametrize(
    "pushback",
    [
        "that's wrong, our PM does that",
        "so is our PM doing it wrong?",
        "no, on our team the PM does",
    ],
)
def test_pushback_about_the_teams_own_split_gets_what_the_article_says_of_it(
    chat: Chat, pushback: str
) -> None:
    _, reply = turns(chat, "who writes user stories", pushback)
    assert reply.text.startswith("The article says what each role is for; it never says who")
    assert "Product Owner" in reply.text  # and still the article's answer


def test_told_the_team_runs_sprints_after_an_answer_it_notes_it_for_the_hire(chat: Chat) -> None:
    _, told, hire = turns(
        chat, "who should write user stories?", "we ship in two-week sprints btw", "whom to hire?"
    )
    assert told.text.startswith("Noted: your team runs Scrum.")
    assert hire.facts is not None and hire.facts.uses_scrum


def test_a_why_that_says_how_the_team_splits_the_work_gets_what_the_article_says_of_it(
    chat: Chat,
) -> None:
    _, reply = turns(chat, "who does test planning", "we dont have a PO, only a PM and 4 devs")
    assert reply.text.startswith("The article says what each role is for")


def test_follow_ups_of_follow_ups_ask_about_the_work_first_asked_about(chat: Chat) -> None:
    *_, third = turns(
        chat,
        "who turns customer needs into technical requirements?",
        "ok, who does it in practice?",
        "hmm so if I can only afford one, who does it?",
    )
    assert third.memory.question == with_topic(
        "hmm so if I can only afford one, who does it?",
        "who turns customer needs into technical requirements?",
    )


def test_who_has_the_final_say_between_the_roles_is_not_in_the_article(chat: Chat) -> None:
    assert chat.reply("who has the final say if the PO and PM disagree?").text.startswith(
        "The article never ranks the two roles"
    )
    assert chat.reply("who has the final say on pricing?").owners == ["product-manager"]


@pytest.mark.parametrize(
    "said",
    ["our business planning is a mess, who should we hire?", "our strategic planning is chaos"],
)
def test_planning_that_is_not_the_teams_is_no_delivery_need(said: str) -> None:
    assert read_facts(said).goal == "build-business"


def test_a_team_fact_said_as_a_correction_adds_no_goal() -> None:
    facts = read_facts("actually we run scrum too")
    assert facts.goal is None and facts.uses_scrum


def test_with_the_business_side_taken_a_scrum_team_needs_delivery() -> None:
    facts = read_facts("We're a 15-person startup, devs do scrum, founders do strategy. Who?")
    assert facts.goal == "deliver-product"


@pytest.mark.parametrize(
    "text",
    [
        "how much should I pay a PM?",
        "what salary for a product owner?",
        # what the role costs (they had been read as outside RoleFit altogether)
        "how much does a product manager cost?",
        "what does a PM cost us per year?",
        "how much is a product owner?",
        "how expensive are PMs?",
        # a founder tester's: the first started the hiring questions
        "which one is more expensive?",
        "how much a PO cost in germany?",
    ],
)
def test_pay_is_said_to_be_outside_the_article(chat: Chat, text: str) -> None:
    assert chat.reply(text).text.startswith("The article doesn't cover pay")


@pytest.mark.parametrize(
    "asked",
    [
        "PM must be technical? our product is kinda complex (billing codes)",
        "does a PM need to be technical? we build payroll software",
    ],
)
def test_a_question_the_article_explains_is_answered_before_the_story_after_it(
    chat: Chat, asked: str
) -> None:
    assert chat.reply(asked).text.startswith("The Product Manager need not be a technical expert")


def test_work_asked_before_a_story_is_still_work(chat: Chat) -> None:
    assert chat.reply("does the PM own pricing? we are a startup").intent == Intent.OWNERSHIP


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("how much is the PO involved in sprint planning?", "That's clearly work for the Product"),
        (
            "how much does the PM get involved in the backlog?",
            "That's clearly work for the Product",
        ),
        ("what is a PM?", "Product Manager (PM):"),
        ("how much does pizza cost?", "That's outside what I know"),
    ],
)
def test_how_much_a_role_takes_part_in_work_is_a_question_of_work(
    chat: Chat, text: str, starts: str
) -> None:
    assert chat.reply(text).text.startswith(starts)


@pytest.mark.parametrize(
    ("story", "goal"),
    [
        ("we're 300 people, need to both deliver and grow. who should we hire?", "both"),
        (
            "our component suppliers are all over the place with delivery schedules and our "
            "margins are thin. who should we hire?",
            "build-business",
        ),
        # Both sides said to be run by someone already: what the hire is for is asked.
        (
            "our CTO currently runs the backlog and sprints, and I as CEO do strategy and "
            "sales. who should we hire?",
            None,
        ),
        ("we want to expand into europe", "build-business"),
        ("we will expand to three teams next year", None),  # the company grows, no market
        ("we have 3 teams doing scrum", None),  # how they work, no wish for delivery
        ("we also plan to expand to a bigger team next year", None),
        ("we need someone to get our teams running sprints properly", "deliver-product"),
        # a CEO tester's find: the Scrum read as a wish for delivery outweighed the work named
        (
            "We're a 25-person B2B SaaS startup running Scrum. We can hire one person. We need "
            "someone to own pricing and the go-to-market with sales, and to talk to customers.",
            "build-business",
        ),
        ("we need someone running our sprints", "deliver-product"),
        ("our startup does scrum", None),
        ("our company uses scrum and we need someone to run the backlog", "deliver-product"),
        # a review's finds: the company doing it, but done badly, or wanted done
        ("we need someone to make sure our startup runs sprints properly", "deliver-product"),
        ("our company runs scrum badly and needs help", "deliver-product"),
    ],
)
def test_a_hiring_story_gives_the_goal_it_states(story: str, goal: str | None) -> None:
    assert read_facts(story).goal == goal


def test_why_while_a_hiring_question_waits_says_why_it_is_asked(chat: Chat) -> None:
    _, why = turns(chat, "should we hire a PO or a PM?", "why?")
    assert why.recommendation is None
    assert "deliver a product, or to build a business around it" in why.text
    assert why.text.endswith("What is the hire mostly for?")


def test_forgetting_the_goal_advised_on_replaces_it(chat: Chat) -> None:
    _, changed = turns(
        chat,
        "12 ppl, need to ship faster, who to hire",
        "forget shipping. our real problem is we don't know what market to go after",
    )
    assert changed.recommendation is not None
    assert changed.recommendation.recommendation == "product-manager"


@pytest.mark.parametrize(
    "asked", ["quote the article", "where exactly does it say that?", "source?", "who said that?"]
)
def test_asked_for_the_source_it_names_the_section_in_its_own_words(chat: Chat, asked: str) -> None:
    _, source = turns(chat, "who owns sprint planning?", asked)
    assert source.text.startswith("I don't quote the article word for word")
    assert "“The Value of a Product Manager”" in source.text


def test_who_said_what_a_concept_cites_is_answered_with_whom_it_cites(chat: Chat) -> None:
    # an ops lead tester's find: "who said that?" was read as work and given to the PM
    _, source = turns(
        chat,
        "why does the article say product management is a training ground for CEOs?",
        "who said that?",
    )
    assert "McKinsey" in source.text


def test_asked_for_the_source_of_work_nothing_matched_it_claims_no_section(chat: Chat) -> None:
    _, source = turns(chat, "who ownz the go2market???", "where does it say that?")
    assert "rests on no section of it" in source.text


def test_a_source_of_truth_is_no_question_about_the_articles_source(chat: Chat) -> None:
    assert not chat.reply("what's the source of truth for our roadmap?").text.startswith(
        "I don't quote"
    )


def test_pushback_on_hiring_advice_says_what_it_rests_on(chat: Chat) -> None:
    _, disputed = turns(chat, "we're 12 people, need to ship faster, who to hire", "that's wrong")
    assert disputed.text.startswith("Thanks for pushing back. The advice rests on this:")
    assert "I'll advise again" in disputed.text and "/rolefit teach" not in disputed.text


def test_pushback_on_hiring_advice_that_says_what_the_hire_is_for_advises_again(
    chat: Chat,
) -> None:
    advised, again = turns(
        chat,
        "we're 12 people, revenue is falling, who to hire",
        "that's wrong, we actually just need someone to manage the backlog",
    )
    assert advised.recommendation is not None
    assert advised.recommendation.recommendation == "product-manager"
    assert again.text.startswith("Got it. Taking that into account:")
    assert again.recommendation is not None
    assert again.recommendation.recommendation == "product-owner"


def test_told_after_the_advice_that_the_team_runs_no_scrum_it_advises_again(chat: Chat) -> None:
    _, again = turns(chat, "we're 12 people, need to ship faster, who to hire", "we use kanban btw")
    assert again.recommendation is not None and again.facts is not None
    assert again.facts.uses_scrum is False
    assert "doesn't run Scrum" in again.text


@pytest.mark.parametrize(
    "told", ["actually we have 3 teams doing scrum", "actually we do use scrum"]
)
def test_told_after_the_advice_that_the_team_runs_scrum_keeps_the_goal(
    chat: Chat, told: str
) -> None:
    # found by two founder testers: the Scrum was read as a wish for delivery, so the goal
    # (growth) was replaced and the advice turned to a Product Owner
    asked = "we are a 200 person fintech, we want to grow revenue and launch in 2 new markets"
    first, again = turns(chat, f"{asked}. PO or PM?", told)
    assert first.recommendation is not None and again.recommendation is not None
    assert again.facts is not None and again.facts.uses_scrum is True
    assert again.facts.goal == "build-business"
    assert again.recommendation.recommendation == "product-manager"


def test_a_new_market_wanted_after_the_advice_adds_growth_to_the_hire(chat: Chat) -> None:
    # found by a founder tester: "That doesn't change the advice"
    asked = "we're 15 people going to 200, we run scrum and need features shipped. PO or PM?"
    _, again = turns(chat, asked, "and we want to expand to germany next year")
    assert again.facts is not None and again.facts.goal == "both"
    assert again.text.startswith("Got it. How many product people can you hire now?")


@pytest.mark.parametrize(
    "claim",
    [
        # ("…should always hire a PM first" names an order of hires: a plain no, tested below)
        "so the article says every company over 50 people needs both, yeah?",
        "the article says big companies need both roles, right?",
    ],
)
def test_a_claim_about_the_article_gets_what_it_says_to_check_against(
    chat: Chat, claim: str
) -> None:
    reply = chat.reply(claim)
    assert reply.text.startswith("Here is what the article says on that")
    assert reply.concept is not None and reply.concept.id == "concept-one-product-person"


def test_and_the_other_role_after_work_outside_product_is_no_too(chat: Chat) -> None:
    _, other = turns(chat, "is payroll the PM's job?", "and the PO?")
    assert other.text.startswith("No. Outside the article")


@pytest.mark.parametrize(
    "question",
    [
        # found by last stop's sceptical PM: the article names misconceptions; this got the help
        "what misconceptions does the article mention?",
        "which myths does the article clear up?",
        "what confusion does the article talk about?",
    ],
)
def test_the_misconceptions_the_article_clears_up_are_told(chat: Chat, question: str) -> None:
    reply = chat.reply(question)
    assert reply.concept is not None and reply.concept.id == "concept-misconceptions"
    assert "not the creative genius" not in reply.text  # in our words, not the article's
    assert "final marketing campaign" in reply.text


@pytest.mark.parametrize("question", ["who wrote this article?", "who's the author?"])
def test_the_author_is_said_to_be_unnamed(chat: Chat, question: str) -> None:
    assert chat.reply(question).text.startswith("The article as I have it doesn't name its author")


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("isn't a PM more expensive than a PO?", "The article doesn't cover pay"),
        ("do we need a scrum master as well as a PO?", "The article never mentions Scrum Masters"),
        # a founder's: "The article doesn't explain that."
        ("what about a scrum master", "The article never mentions Scrum Masters"),
        ("is there any example of this working?", "The $250 million manufacturer case"),
        ("does the article have a real example of hiring a PM?", "The $250 million"),
    ],
)
def test_what_the_article_leaves_out_or_shows_by_example_is_said_so(
    chat: Chat, question: str, starts: str
) -> None:
    assert chat.reply(question).text.startswith(starts)


@pytest.mark.parametrize(
    "told",
    [
        "our PO does pricing",
        "sometimes the PM helps with the backlog",
        "our PM also runs sprint planning, is that bad?",
    ],
)
def test_the_teams_own_split_gets_that_the_article_never_says_who_must_do_it(
    chat: Chat, told: str
) -> None:
    reply = chat.reply(told)
    assert reply.text.startswith("The article says what each role is for; it never says who")
    assert "Going by the article:" in reply.text and reply.answer is not None


@pytest.mark.parametrize(
    ("answer", "goal"),
    [("pre-revenue startup", None), ("building our first app", "deliver-product")],
)
def test_a_reply_about_the_company_gives_no_goal_it_does_not_state(
    chat: Chat, answer: str, goal: str | None
) -> None:
    _, reply = turns(chat, "who should I hire?", answer)
    assert reply.facts is not None and reply.facts.goal == goal


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("what are the PO responsibilities according to the article?", "Product Owner (PO): "),
        ("can a PM become a CEO?", "Product management as a training ground"),
        ("the article says POs are not needed anymore, right?", "Here is what the article says"),
    ],
)
def test_what_the_article_does_say_is_found_however_it_is_asked(
    chat: Chat, question: str, starts: str
) -> None:
    assert chat.reply(question).text.startswith(starts)


@pytest.mark.parametrize("asked", ["which section?", "where in the article?"])
def test_asked_which_section_it_names_it(chat: Chat, asked: str) -> None:
    _, source = turns(chat, "who owns sprint planning?", asked)
    assert "“The Value of a Product Manager”" in source.text


def test_being_a_small_business_is_no_business_goal(chat: Chat) -> None:
    _, reply = turns(
        chat,
        "we already have a PO. who should we hire next?",
        "we are a small business, 1 hire, no scrum",
    )
    assert reply.recommendation is None and reply.asks  # what the hire is for is asked again


def test_pushback_asking_for_the_role_advised_is_met_with_agreement(chat: Chat) -> None:
    _, agreed = turns(
        chat, "we're 12 people, revenue is falling, who to hire", "I disagree, I think we need a PM"
    )
    assert agreed.text.startswith("We agree, then: the advice is a Product Manager too.")


def test_asked_whose_work_it_is_without_a_role_on_staff_the_article_never_says_who_must(
    chat: Chat,
) -> None:
    reply = chat.reply("who owns the backlog if we don't have a PO?")
    assert reply.text.startswith("The article says what each role is for; it never says who")


# Found by an independent review of this session's changes.
@pytest.mark.parametrize(
    ("story", "goal"),
    [
        (
            "should we hire a PO or a PM? we need someone who delivers features, and we can "
            "hire one person",
            "deliver-product",
        ),
        ("drop in revenue is our main problem, who should we hire?", "build-business"),
    ],
)
def test_delivery_and_a_drop_in_revenue_still_read_as_goals(story: str, goal: str) -> None:
    assert read_facts(story).goal == goal


@pytest.mark.parametrize(
    "question",
    [
        "can our founder be the PM, or should we hire a PO?",
        "we have a scrum master too, should we hire a PO or a PM?",
    ],
)
def test_a_hiring_question_beside_another_is_not_swallowed_by_it(chat: Chat, question: str) -> None:
    reply = chat.reply(question)
    assert "never mentions Scrum Masters" not in reply.text
    assert not reply.text.startswith("The article doesn't say whether your")


@pytest.mark.parametrize(
    ("question", "owner"),
    [
        ("it says the PO owns the backlog, right?", "product-owner"),  # a claim about work
        ("where in the article does it talk about pricing?", "product-manager"),  # new work
        ("should the PM decide which vendor is cheaper?", "product-manager"),  # no pay question
    ],
)
def test_questions_about_work_stay_questions_about_work(
    chat: Chat, question: str, owner: str
) -> None:
    reply = chat.reply(question)
    assert reply.answer is not None and reply.answer.owners == [owner]


def test_a_general_statement_of_a_roles_work_is_no_team_arrangement(chat: Chat) -> None:
    assert not chat.reply("the PO writes the user stories").text.startswith("The article says what")


@pytest.mark.parametrize(
    ("answer", "goal"),
    [("nothing about revenue", None), ("not the business side, delivery", "deliver-product")],
)
def test_a_side_ruled_out_in_a_reply_is_no_goal(chat: Chat, answer: str, goal: str | None) -> None:
    _, reply = turns(chat, "should we hire a PO or a PM?", answer)
    assert reply.facts is not None and reply.facts.goal == goal


def test_a_statement_of_what_the_article_says_is_checked_yes_or_no(chat: Chat) -> None:
    _, claim = turns(
        chat, "who does test planning?", "the article says POs own the go-to-market plan"
    )
    assert claim.text.startswith("Not the Product Owner.")
    assert claim.answer is not None and claim.answer.owners == ["product-manager"]


def test_hiring_a_scrum_master_instead_is_said_to_be_outside_the_article(chat: Chat) -> None:
    reply = chat.reply("should we hire a scrum master instead of a PO?")
    assert reply.text.startswith("The article never mentions Scrum Masters")


def test_the_articles_own_names_find_its_ideas(chat: Chat) -> None:
    reply = chat.reply("what did McKinsey say?")
    assert reply.concept is not None and reply.concept.id == "concept-training-ground-for-ceos"


def test_what_the_roles_have_in_common_gets_the_comparison_that_says_it(chat: Chat) -> None:
    reply = chat.reply("what do they have in common?")
    assert reply.intent == "compare"
    assert "Both find out what customers need" in reply.text


@pytest.mark.parametrize(
    "follow_up", ["what industry was the company in?", "how long was the revenue decline?"]
)
def test_questions_about_the_case_study_get_the_case(chat: Chat, follow_up: str) -> None:
    _, reply = turns(chat, "tell me about the case study", follow_up)
    assert reply.concept is not None and reply.concept.id == "concept-manufacturer-case"


@pytest.mark.parametrize(
    ("follow_up", "starts"),
    [
        ("thanks! also who runs retros?", "The article doesn't say whose work this is"),
        ("perfect. one more: who talks to customers?", "That's clearly work for the Product Man"),
        ("got it. and sprint planning?", "That's clearly work for the Product Owner"),
        ("nice. what about release planning?", "Most likely the Product Owner"),
        ("thanks for the help!", "Glad it helped!"),
    ],
)
def test_thanks_then_a_question_gets_the_question_answered(
    chat: Chat, follow_up: str, starts: str
) -> None:
    # found by an independent tester: all of these got "Glad it helped!" or hiring advice
    _, reply = turns(chat, "who owns pricing?", follow_up)
    assert reply.text.startswith(starts), reply.text


@pytest.mark.parametrize(
    "follow_up",
    ["how big was the company?", "did it work?", "what went wrong for them?", "what's the lesson?"],
)
def test_a_question_about_what_was_just_explained_gets_it_again(chat: Chat, follow_up: str) -> None:
    _, reply = turns(chat, "tell me about the case study", follow_up)
    assert reply.concept is not None and reply.concept.id == "concept-manufacturer-case"


def test_a_question_naming_work_after_an_idea_is_still_about_the_work(chat: Chat) -> None:
    _, reply = turns(chat, "what's a user story?", "how do they relate to the backlog?")
    assert reply.concept is not None and reply.concept.id == "concept-product-backlog"


@pytest.mark.parametrize(
    ("after", "starts"),
    [
        ("we're a software company, we have no suppliers", "That doesn't change the advice."),
        ("what should the job ad say?", "The article doesn't write job ads"),
        ("alright, cheers", "Glad it helped!"),
        ("so who should we hire?", "RoleFit's advice is clear"),
    ],
)
def test_after_the_advice_a_message_with_no_new_fact_does_not_repeat_it_whole(
    chat: Chat, after: str, starts: str
) -> None:
    # found by a founder-style tester: each of these repeated the whole advice
    _, reply = turns(chat, "we're 12 people, revenue is falling, who to hire", after)
    assert reply.text.startswith(starts), reply.text


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("what's a product owner in one line?", "Product Owner (PO): "),  # not a product line
        ("explain the PM", "Product Manager (PM): "),
        ("which one becomes CEO?", "Product management as a training ground"),
        ("what does it say about margins?", "That's clearly work for the Product Manager"),
        ("why?", "Ask me who owns a piece of work"),  # not "what to build and why"
        ("what example does the article give?", "The $250 million manufacturer case"),
        ("which role pays more?", "The article doesn't cover pay"),
        ("who is better, PO or PM?", "The article never ranks the two roles"),
        ("how many POs per PM does the article suggest?", "The article gives no ratio"),
        ("we need to hire more salespeople, any tips?", "I only advise on product hires"),
        ("what's the main idea of the article?", "The article in short"),
        # a false claim was met with "The article touches on it…"
        (
            "the article says PMs are the creative genius, right?",
            "No. The article gives that work to someone else",
        ),
        ("the article says the creative team makes the final campaign, right?", wording.CLAIM),
        ("is payroll the PM's job?", "No. Outside the article, that's usually work for finance"),
    ],
)
def test_questions_a_tester_found_answered_as_another_are_answered_as_asked(
    chat: Chat, question: str, starts: str
) -> None:
    assert chat.reply(question).text.startswith(starts)


def test_a_compliment_then_where_it_comes_from_gets_the_source(chat: Chat) -> None:
    _, reply = turns(chat, "who owns the backlog?", "that's a nice distinction, where is it from?")
    assert reply.text.startswith("I don't quote the article word for word")


@pytest.mark.parametrize(
    ("asked", "starts"),
    [
        ("is that in the article?", "No, not in so many words."),
        ("so you made that up?", "Not made up, but inferred."),
        ("the article mentions pricing?", "No, not in so many words."),
        ("does the article mention margins?", "Yes. It's in the article's section"),
        ("the article mentions the go to market plan?", "Yes. The go-to-market plan: "),
        ("does the article talk about retros?", "No, the article doesn't settle whose work"),
        ("does it say anything about payroll?", "I can't find that in the article."),
        # found by an independent review: ideas and roles are in the article too
        ("does the article talk about startups?", "Yes. How many product people"),
        ("does the article mention the case study?", "Yes. The $250 million manufacturer case"),
        ("does it say anything about the difference between the roles?", "Yes. Product Owner"),
        ("does the article mention the PM?", "Yes. Product Manager (PM): "),
    ],
)
def test_whether_the_article_itself_names_the_work_is_said_plainly(
    chat: Chat, asked: str, starts: str
) -> None:
    # found by a founder-style tester: "the article mentions pricing?" repeated the answer,
    # "so you made that up?" got the help text
    _, reply = turns(chat, "who owns pricing?", asked)
    assert reply.text.startswith(starts), reply.text


def test_asked_cold_whether_the_article_names_work_it_cites_no_answer_it_never_gave(
    chat: Chat,
) -> None:
    reply = chat.reply("does the article mention acceptance criteria?")
    assert reply.text.startswith("No, not in so many words.")
    assert "That's why I said" not in reply.text


@pytest.mark.parametrize(
    "turns_said",
    [
        ["does the article say anything abt kanban"],
        ["who owns release sign off?", "and for the kanban teams?"],
        ["scrum vs kanban, which is better?"],
    ],
)
def test_kanban_gets_what_the_article_says_of_scrum_not_a_shrug(
    chat: Chat, turns_said: list[str]
) -> None:
    # found by a COO tester with two Scrum and two Kanban teams: "and for the kanban teams?" got
    # "outside what I know", and "does the article say anything abt kanban" tied it to sprints
    reply = turns(chat, *turns_said)[-1]
    assert "doesn't cover Kanban" in reply.text
    assert "the Product Owner is a Scrum role" in reply.text
    assert "Outside the article:" in reply.text


def test_work_asked_of_a_kanban_team_says_the_article_is_about_scrum_first(chat: Chat) -> None:
    reply = chat.reply("our kanban teams dont have sprints tho. who orders their backlog?")
    assert reply.owners == ["product-owner"]
    assert reply.text.startswith("The article's Product Owner is a Scrum role")
    # found in review: teams that do run Scrum got the note too
    for on_scrum in (
        "we moved from waterfall to scrum last year. who owns the backlog now?",
        "we use scrum, not kanban. who runs sprint planning?",
    ):
        assert not chat.reply(on_scrum).text.startswith("The article's Product Owner")


def test_saying_the_team_runs_no_scrum_asks_for_no_delivery(chat: Chat) -> None:
    # found by a founder-style tester: "no scrum" read as a need for Scrum's delivery work
    reply = chat.reply("no scrum, need someone to figure out pricing and GTM - PO or PM?")
    assert reply.facts is not None and reply.facts.goal == "build-business"


def test_both_roles_on_staff_said_in_one_breath_are_both_on_staff(chat: Chat) -> None:
    # found by a founder-style tester: "You already have a Product Owner, so … a Product Manager"
    reply = chat.reply(
        "we're an enterprise, we already have a PO and a PM, we need more help with strategy, "
        "who should we hire?"
    )
    assert reply.recommendation is not None
    assert reply.recommendation.recommendation == "product-manager"
    assert "the hire to make is a second Product Manager" in reply.text


@pytest.mark.parametrize(
    "thanks",
    ["thanks! what a lifesaver", "nice! what a great bot", "thanks, should I ask my boss?"],
)
def test_thanks_with_an_exclamation_or_an_aside_is_thanks(chat: Chat, thanks: str) -> None:
    # found by an independent review: these started hiring questions or went off-topic
    _, reply = turns(chat, "who owns the backlog?", thanks)
    assert reply.text == "Glad it helped!"


@pytest.mark.parametrize(
    ("follow_up", "intent"),
    [("what if it's a startup?", "concept"), ("can they do both?", "combine")],
)
def test_a_new_question_after_an_idea_is_not_taken_for_more_of_it(
    chat: Chat, follow_up: str, intent: str
) -> None:
    _, reply = turns(chat, "tell me about the case study", follow_up)
    assert reply.intent == intent
    assert reply.concept is None or reply.concept.id != "concept-manufacturer-case"


def test_a_future_ceo_asking_is_no_question_about_becoming_one(chat: Chat) -> None:
    reply = chat.reply("our future CEO wants to know who owns pricing")
    assert reply.text.startswith("Most likely the Product Manager")


def test_the_next_hire_keeps_everyone_already_on_staff(chat: Chat) -> None:
    # found by an independent review: the next hire forgot the Product Manager on staff
    first, after = turns(
        chat,
        "we're an enterprise, we already have a PO and a PM, we need more delivery help, who "
        "should we hire?",
        "once that person is in, who's next? the business side",
    )
    assert "a second Product Owner" in first.text
    assert after.recommendation is not None
    assert "With a Product Owner and a Product Manager on staff" in after.text


@pytest.mark.parametrize(
    ("told", "on_staff"),
    [
        ("we have a PO and a PM role open, which should we fill first?", ()),
        ("we have a po and pm budget", ()),
        ("we have no suppliers", ()),
        ("we already have a PO and a PM", ("product-owner", "product-manager")),
        ("we already have both actually", ("product-owner", "product-manager")),
        ("we also have a PM actually", ("product-manager",)),
    ],
)
def test_who_is_on_staff_is_read_from_what_was_said(told: str, on_staff: tuple[str, ...]) -> None:
    assert read_facts(told).existing_roles == on_staff


def test_work_said_to_be_absent_is_no_need(chat: Chat) -> None:
    # found by a founder-style retest: "we have no suppliers" made the hire for both sides
    assert read_facts("we have no suppliers").goal is None
    _, reply = turns(chat, "we are building an MVP with scrum, who first?", "we have no suppliers")
    assert reply.text.startswith("That doesn't change the advice.")


def test_a_role_on_staff_told_after_the_advice_advises_again(chat: Chat) -> None:
    _, reply = turns(
        chat,
        "we need someone for the backlog, we run scrum, who should we hire?",
        "we also have a PM actually",
    )
    assert "With a Product Manager on staff" in reply.text


def test_the_job_ad_for_both_roles_describes_both(chat: Chat) -> None:
    _, reply = turns(
        chat,
        "we're a scale-up, we can hire two, we need delivery and business help",
        "what should the job ad say?",
    )
    assert reply.text.startswith("The article doesn't write job ads")
    assert "Product Owner (PO):" in reply.text and "Product Manager (PM):" in reply.text


def test_a_bare_why_not_with_nothing_before_it_asks_for_work(chat: Chat) -> None:
    assert chat.reply("why not?").text.startswith("Ask me who owns a piece of work")


def test_a_goodbye_after_the_advice_is_a_goodbye(chat: Chat) -> None:
    *_, bye = turns(
        chat,
        "two budgeted roles: one for sprint/backlog, one for market research + go-to-market. "
        "which roles?",
        "perfect, thank you",
        "have a good one :wave:",
    )
    assert bye.intent == "smalltalk"


def test_a_new_question_after_a_fact_about_the_team_is_answered(chat: Chat) -> None:
    # found by a founder-style tester: the backlog answer came back instead
    _, reply = turns(chat, "who owns the backlog?", "we have two PMs. who decides what gets built?")
    assert reply.answer is not None and reply.answer.owners == ["product-manager"]


@pytest.mark.parametrize(
    "text", ["thanks but that did not help at all", "not helpful", "that didn't help"]
)
def test_an_answer_said_not_to_help_gets_an_apology_and_the_other_readings(
    chat: Chat, text: str
) -> None:
    _, reply = turns(chat, "who owns pricing?", text)
    assert reply.text.startswith("Sorry that didn't help.")
    assert "Other readings I weighed" in reply.text
    assert "Glad it helped" not in reply.text


def test_pushback_naming_other_work_answers_that_work(chat: Chat) -> None:
    # found by a founder-style tester: the test-planning answer came back, reading as agreement
    *_, reply = turns(
        chat,
        "who owns the backlog?",
        "and test planning?",
        "that's wrong, our PO does competitive analysis",
    )
    assert reply.answer is not None and reply.answer.owners == ["product-manager"]
    assert "Going by the article: That's clearly work for the Product Manager" in reply.text


@pytest.mark.parametrize(
    "pushback",
    [
        "no, at our company the PM writes them",
        "no, our PM does it all the time",
        "nope, our PM is in charge of it here at our startup",
        # found by an engineering-manager tester: answered about go-to-market, "clearly"
        "that's wrong, shouldn't the PM own that since it affects go-to-market?",
    ],
)
def test_pushback_naming_only_a_role_keeps_the_answer(chat: Chat, pushback: str) -> None:
    _, reply = turns(chat, "who writes user stories?", pushback)
    assert reply.answer is not None and reply.answer.owners == ["product-owner"]
    assert "couldn't match" not in reply.text


@pytest.mark.parametrize(
    "question", ["what if the PM won't help with the roadmap?", "no help needed, thanks"]
)
def test_a_role_that_does_not_help_is_no_unhelpful_answer(chat: Chat, question: str) -> None:
    _, reply = turns(chat, "who owns the backlog?", question)
    assert "Sorry that didn't help" not in reply.text


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("we need someone to run our two scrum teams", "deliver-product"),
        ("we need a PO for our 3 scrum teams", "deliver-product"),
        ("we need help with how we sell to hospitals", "build-business"),
        ("we sell to banks, pricing is a mess", "build-business"),
    ],
)
def test_a_need_beside_a_description_of_the_company_is_still_a_goal(text: str, goal: str) -> None:
    assert read_facts(text).goal == goal


@pytest.mark.parametrize(
    ("text", "vacant"),
    [
        ("our PM just quit", ("product-manager",)),
        ("the PO left, so who should we hire", ("product-owner",)),
        ("the PM left a comment on the ticket", ()),
        ("our po has left us with a mess", ()),
        ("without a pm's input", ()),
    ],
)
def test_a_role_is_vacant_only_when_said_to_be(text: str, vacant: tuple[str, ...]) -> None:
    assert read_vacated(text) == vacant


def test_a_role_said_to_be_vacant_comes_off_the_staff(chat: Chat) -> None:
    *_, reply = turns(
        chat,
        "who should i hire",
        "building the business",
        "actually we already have a PM",
        "wait no, our PM just quit. so we have no PM",
    )
    assert reply.facts is not None and reply.facts.existing_roles == ()
    assert reply.recommendation is not None
    assert "on staff" not in reply.text


def test_the_hire_after_the_advice_counts_the_advised_one_without_claiming_it(chat: Chat) -> None:
    # found by a founder-style tester: "You already have a Product Manager", never said
    *_, later, both = turns(
        chat,
        "should i hire a PO or a PM?",
        "building the business",
        "what about later when we are 60 people?",
        "will we need both at some point?",
    )
    assert later.text.startswith("For the hire after that, with a Product Manager on staff:")
    assert "already have" not in both.text
    assert "With a Product Manager on staff" in both.text


@pytest.mark.parametrize(
    "text", ["we are 15 people, b2b saas, one scrum team", "we sell to enterprises"]
)
def test_describing_the_company_is_no_goal_for_the_hire(chat: Chat, text: str) -> None:
    # found by a founder-style tester: "advice is clear" on one passing fact
    reply = chat.reply(f"{text}. who should we hire?")
    assert [ask.fact for ask in reply.asks] == ["goal"]


@pytest.mark.parametrize("question", ["who gets paid more?", "who earns more?"])
def test_pay_asked_without_naming_a_role_is_said_to_be_outside_the_article(
    chat: Chat, question: str
) -> None:
    assert chat.reply(question).text.startswith("The article doesn't cover pay")


def test_whether_a_company_of_a_size_needs_both_gets_what_the_article_says_of_size(
    chat: Chat,
) -> None:
    reply = chat.reply("do I need both at a 200 person company?")
    assert reply.text.startswith("Big companies often spread product management")
    assert [ask.fact for ask in reply.asks] == ["goal"]


@pytest.mark.parametrize(
    "first", ["can one person do both?", "what's the difference?", "should i hire a PO or a PM?"]
)
def test_and_more_work_after_any_turn_asks_whose_that_work_is(chat: Chat, first: str) -> None:
    _, reply = turns(chat, first, "and pricing?")
    assert reply.intent is Intent.OWNERSHIP
    assert reply.answer is not None and reply.answer.owners == ["product-manager"]


@pytest.mark.parametrize(
    ("asked", "elsewhere"),
    [
        # found by a founder-style tester: "what about for mobile?" got "I couldn't match that"
        ("who owns the backlog?", "what about for mobile?"),
        # an ops lead tester's find: "the app" and "the website" were read as work of their own
        ("who plans testing? I mean QA test plans for the firmware", "and for the app?"),
        ("who plans testing?", "what about on the website?"),
        # a review's finds: without "for", or "the same for", or a team
        ("who plans testing?", "and the same for the app?"),
        ("who plans testing?", "and for the firmware team?"),
        # a third review's finds: a platform named alone
        ("who plans testing?", "what about the website?"),
        ("who plans testing?", "and the app?"),
        ("who plans testing?", "what about mobile?"),
    ],
)
def test_the_same_work_asked_of_another_platform_gets_the_same_answer_said_so(
    chat: Chat, asked: str, elsewhere: str
) -> None:
    _, reply = turns(chat, asked, elsewhere)
    assert reply.text.startswith("The article doesn't split the work by product, platform")
    assert reply.answer is not None and reply.answer.owners == ["product-owner"]


def test_work_asked_for_after_an_answer_is_answered_as_that_work(chat: Chat) -> None:
    _, reply = turns(chat, "who plans testing?", "and for pricing?")
    assert reply.answer is not None and reply.answer.owners == ["product-manager"]


def test_one_hire_read_with_its_seniority_and_scrum_said_once(chat: Chat) -> None:
    reply = chat.reply(
        "we run one scrum team. I do the tickets and sprint planning, and the sales calls and "
        "pricing too. We can afford exactly one senior hire this quarter. Who should it be?"
    )
    assert reply.facts is not None and reply.facts.headcount == 1
    assert reply.text.count("runs Scrum") == 1  # said once, not again as the tie-break


def test_sprints_said_not_to_be_run_are_no_scrum() -> None:
    # found by a founder-style tester: "we dont do sprints or scrum" was advised as a Scrum team
    facts = read_facts("we dont do sprints or scrum. we need someone to manage the backlog")
    assert facts.uses_scrum is False


def test_the_roles_just_compared_asked_again_in_a_sentence_get_a_line(chat: Chat) -> None:
    _, reply = turns(chat, "po vs pm?", "and in one sentence?")
    assert reply.in_short and reply.text.startswith("In a line: the Product Owner delivers")


@pytest.mark.parametrize(
    "text",
    ["thx, not really what i needed tho", "thank you but im still confused", "thanks anyway"],
)
def test_thanks_that_says_it_did_not_help_is_no_thanks(chat: Chat, text: str) -> None:
    _, reply = turns(chat, "who owns the backlog?", text)
    assert reply.text.startswith("Sorry that didn't help.")


@pytest.mark.parametrize(
    "correction",
    [
        "that's wrong, our CEO already does the strategy and market research. we just need "
        "someone to keep the devs busy",
        "hmm no, the founders handle the market side. our devs need direction day to day",
    ],
)
def test_a_correction_handing_the_business_side_to_others_advises_delivery(
    chat: Chat, correction: str
) -> None:
    # found by a founder-style tester: "That doesn't change the advice", or a question for both
    _, reply = turns(chat, "we need someone to grow the business, who should we hire?", correction)
    assert reply.recommendation is not None
    assert reply.recommendation.recommendation == "product-owner"


def test_a_long_story_asking_who_does_two_pieces_of_work_is_about_the_work(chat: Chat) -> None:
    reply = chat.reply(
        "Context: we're a 40 person SaaS with 3 scrum teams, one PM and three POs. Lately there's "
        "a fight about who should visit enterprise customers and who should run the quarterly "
        "competitor review. Thoughts?"
    )
    assert reply.intent is Intent.OWNERSHIP and reply.recommendation is None


def test_another_pm_asked_for_is_a_hiring_question(chat: Chat) -> None:
    # found by a founder-style tester: "The article doesn't explain that"
    _, reply = turns(chat, "who writes acceptance criteria?", "do we need another PM?")
    assert reply.intent is Intent.HIRE


@pytest.mark.parametrize(
    ("question", "concept"),
    [
        ("does the job title matter?", "concept-titles"),
        ("What skills should I look for?", "concept-what-to-look-for"),
        ("how often should competitors be monitored", "concept-competitive-analysis"),
    ],
)
def test_a_question_asked_in_the_words_of_an_idea_gets_the_idea(
    chat: Chat, question: str, concept: str
) -> None:
    # found by a founder-style tester: these got the hiring question or "outside what I know"
    reply = chat.reply(question)
    assert reply.concept is not None and reply.concept.id == concept


def test_a_job_ad_for_a_named_role_gets_what_the_article_says_of_it(chat: Chat) -> None:
    reply = chat.reply("Hi! I am writing a job ad for a Product Owner. What should I put in it?")
    assert "Product Owner (PO):" in reply.text and not reply.asks


@pytest.mark.parametrize(
    ("question", "starts", "role"),
    [
        (
            "How do I write a job ad for a product manager?",
            "The article doesn't write job ads",
            "Product Manager (PM):",
        ),
        (
            "What interview questions should I ask a product owner candidate?",
            "The article doesn't give interview questions",
            "what it says the Product Owner owns",
        ),
    ],
)
def test_a_job_ad_or_interview_for_a_role_gets_what_the_article_says_of_it(
    chat: Chat, question: str, starts: str, role: str
) -> None:
    # found by an HR-lead tester: "That's outside what I know", twice
    reply = chat.reply(question)
    assert reply.intent == "off-topic"  # outside the article, but not a dead end
    assert reply.text.startswith(starts) and role in reply.text
    where = chat.reply("where should we post our PM job ad, linkedin or wellfound?")
    assert where.text.startswith("That's outside what I know")


def test_a_job_ad_or_interview_mid_conversation_is_for_the_role_named_or_advised(
    chat: Chat,
) -> None:
    # found by a founder-style tester: "What to look for in each hire" for a PM ad, then
    # "That's outside what I know" for the interview
    *_, ad, advice, interview = turns(
        chat,
        "we are a 9 person startup, who should I hire?",
        "what should I put in the job ad for the product manager?",
        "building the business",
        "and what should I ask in interviews?",
    )
    assert (
        ad.text.startswith("The article doesn't write job ads")
        and "Product Manager (PM):" in ad.text
    )
    assert advice.recommendation is not None  # the hiring question still waited
    assert interview.text.startswith("The article doesn't give interview questions")
    assert "what it says the Product Manager owns" in interview.text
    story = chat.reply("I was about to post a 'product manager' job ad but the job is the backlog")
    assert not story.text.startswith("The article doesn't write job ads")


def test_one_budget_is_one_hire() -> None:
    assert read_facts("only 1 budget. po or pm").headcount == 1
    assert read_facts("ok and if we hire only one, which one first?").headcount == 1
    assert read_facts("why both? i can only afford one").headcount == 1


@pytest.mark.parametrize(
    "question",
    [
        "ok real talk, do we even NEED a product person yet? we are 9 people, pre-seed",
        "do we need a product manager yet? we're 6 people",
    ],
)
def test_whether_a_product_person_is_needed_yet_gets_the_article_before_the_question(
    chat: Chat, question: str
) -> None:
    # found by a founder-style tester: only "What is the hire mostly for?"
    reply = chat.reply(question)
    assert reply.text.startswith("The article doesn't say when a company needs its first product")
    assert reply.asks  # then the hiring question, as before


def test_a_head_count_stated_outweighs_one_asked_about() -> None:
    # found by a founder-style tester: "hire both… You can make two hires"
    said = "ok but can one person do both or do I need two people? we only have money for one"
    assert read_facts(said).headcount == 1
    assert read_facts("do we need two people?").headcount == 2


def test_a_fact_that_changes_the_advice_is_taken_even_beside_a_question(chat: Chat) -> None:
    # found by a founder-style tester: the same advice, for a team that had just said no Scrum
    *_, changed = turns(
        chat,
        "who should I hire? we are pre-seed, 9 ppl",
        "delivering the product",
        "we dont do scrum though, does that change anything?",
    )
    assert changed.text.startswith("Got it. Taking that into account:")
    assert changed.facts is not None and changed.facts.uses_scrum is False


def test_not_knowing_whether_the_team_runs_scrum_says_nothing_of_it() -> None:
    # found by an HR-lead tester: "no idea if we use scrum" was read as a Scrum team
    facts = read_facts("we have budget for one person and I have no idea if we use scrum")
    assert facts.uses_scrum == "unsure" and facts.headcount == 1
    assert read_facts("I have no idea what scrum is tbh").uses_scrum == "unsure"
    assert (
        read_facts("we run scrum but not sure if the PO should run the sprints").uses_scrum is True
    )
    assert read_facts("we run scrum").uses_scrum is True


@pytest.mark.parametrize(
    "said",
    [
        "We don\u2019t use Scrum.",  # a phone's apostrophe
        "Engineering doesn\u2019t use Scrum.",
        "We never did Scrum.",
        "We tried Scrum and hated it.",
        "We're not a Scrum shop.",
        "Scrum isn't something we do.",
    ],
)
def test_scrum_said_not_run_in_everyday_words_is_no_scrum(chat: Chat, said: str) -> None:
    # found by a hiring tester: each read as a team running Scrum, which tipped one hire for
    # market research and go-to-market to a Product Owner
    assert read_facts(said).uses_scrum is False
    # a review's finds: Scrum not run somewhere, or once, does not unsay it run here and now
    for runs in (
        "we run scrum, though marketing doesn't use scrum",
        "our web team runs scrum; the mobile team doesn't use scrum",
        "we didn't use scrum until this year, now we do",
        "we never used scrum before but we started last month",
        "we tried scrum and dropped the retros but kept the sprints",
    ):
        assert read_facts(runs).uses_scrum is True, runs
    advice = chat.reply(f"{said} We need someone for go-to-market. One hire. Who should we hire?")
    assert advice.recommendation is not None
    assert advice.recommendation.recommendation == "product-manager"


def test_a_head_count_given_beside_a_question_answers_the_question_asked(chat: Chat) -> None:
    # found by a founder-style tester: "why both? i can only afford one" was told why it is asked
    *_, one = turns(
        chat, "should i hire a PO or PM first?", "both", "why both? i can only afford one"
    )
    assert one.recommendation is not None and one.recommendation.recommendation != "both"
    *_, asked = turns(chat, "po or pm for our team?", "both", "hmm can one person do both jobs?")
    assert asked.intent == "combine"  # asking it is no head count


@pytest.mark.parametrize("asked", ["and who talks to customers", "wait who owns the backlog again"])
def test_a_question_led_in_by_and_or_wait_is_answered_while_the_hire_question_waits(
    chat: Chat, asked: str
) -> None:
    # found by a founder-style tester: it was read as the answer to "what is the hire for?"
    *_, answered, then = turns(chat, "who should i hire", asked, "the delivery side")
    assert answered.intent == "ownership" and answered.answer is not None
    assert then.facts is not None and then.facts.goal == "deliver-product"  # the question waited
    # (a review's find: a reply led in so is still a reply)
    *_, stretched = turns(chat, "should we hire a PO or a PM?", "both", "and can stretch to 2")
    assert stretched.recommendation is not None
    assert stretched.recommendation.recommendation == "both"


def test_a_need_added_in_a_correction_adds_to_the_need_told(chat: Chat) -> None:
    # found by a hiring tester: "actually we can hire two, and we also need go-to-market" after
    # advice for the backlog advised a Product Manager alone
    _, both = turns(
        chat,
        "We're a 12-person startup with one Scrum team. We need someone to run the backlog. "
        "One hire. Who should we hire?",
        "actually we can hire two, and we also need go-to-market",
    )
    assert both.recommendation is not None and both.recommendation.recommendation == "both"


@pytest.mark.parametrize(
    "taken_back", ["hmm nah back to one", "cant afford 2", "only budget for one"]
)
def test_two_hires_taken_back_in_a_few_words_advises_one_again(chat: Chat, taken_back: str) -> None:
    # found by a founder-style tester: each got "That doesn't change the advice. … hire both"
    *_, two, one = turns(
        chat,
        "9 person startup, we do scrum, need someone for the backlog and for gtm",
        "2",
        taken_back,
    )
    assert two.recommendation is not None and two.recommendation.recommendation == "both"
    assert one.recommendation is not None and one.recommendation.recommendation != "both"
    assert one.facts is not None and one.facts.headcount == 1


def test_pushback_on_an_answer_given_while_the_hire_question_waits_is_pushback(
    chat: Chat,
) -> None:
    # found by a founder-style tester: it was read as what the hire is for, and advised
    *_, wrong = turns(
        chat,
        "who should i hire first",
        "who owns pricing",
        "thats wrong, our PO does pricing today",
    )
    assert wrong.intent == "feedback" and wrong.kind == "disagree"
    assert wrong.recommendation is None


@pytest.mark.parametrize(
    ("asked", "starts"),
    [
        ("who owns the backlog?", "No, it's in the article's section"),
        ("who owns pricing?", "Not made up, but inferred."),
    ],
)
def test_asked_if_it_made_an_answer_up_its_no_means_no(chat: Chat, asked: str, starts: str) -> None:
    # "did you make that up?" was answered "Yes. It's in the article's section …"
    for doubt in ("did you make that up?", "you are just making this up"):
        _, reply = turns(chat, asked, doubt)
        assert reply.text.startswith(starts), reply.text


@pytest.mark.parametrize(
    "text",
    [
        "thanks, no more questions",
        "thx, nope that's all",
        "i'm still confused, who owns the backlog then?",
    ],
)
def test_thanks_or_a_new_question_is_no_complaint(chat: Chat, text: str) -> None:
    _, reply = turns(chat, "who owns pricing?", text)
    assert not reply.text.startswith("Sorry that didn't help.")


@pytest.mark.parametrize("text", ["which one does our company need", "what should we call it?"])
def test_a_few_words_shared_with_an_idea_do_not_make_the_idea(chat: Chat, text: str) -> None:
    assert chat.reply(text).concept is None


def test_an_answer_asked_again_in_one_sentence_is_its_first_sentence(chat: Chat) -> None:
    _, reply = turns(chat, "who owns pricing?", "and in one sentence?")
    assert reply.text == "Most likely the Product Manager."


@pytest.mark.parametrize(
    ("conversation", "check"),
    [
        # found by an independent review of this session's rules: each read as before them
        (
            ("should I hire a PO or a PM?", "who owns pricing?", "no, it's mostly for growth"),
            lambda reply: reply.recommendation is not None,
        ),
        (
            ("our devs are all contractors, does the PO still do sprint planning?",),
            lambda reply: reply.owners == ["product-owner"],
        ),
        (
            ("PO vs PM, and where does the scrum master fit?",),
            lambda reply: not reply.text.startswith("The article never mentions Scrum Masters"),
        ),
        (
            ("What interview questions should our PM ask customers?",),
            lambda reply: "interview questions" not in reply.text[:60],
        ),
        (
            ("who decides which compliance requirements go into the next sprint?",),
            lambda reply: reply.owners == ["product-owner"],
        ),
        # found by a second review: a doubt about the PO is no doubt about Scrum
        (
            (
                "We run scrum. We can make one hire and need both delivery and growth.",
                "not sure if the PO should also run sprint reviews",
            ),
            lambda reply: "not sure whether your team runs Scrum" not in reply.text,
        ),
        (
            ("We need to hire a product person", "who owns pricing?", "I thought the PO does it"),
            lambda reply: reply.kind == "disagree",
        ),
        (
            ("What interview questions should I ask a PO about user stories?",),
            lambda reply: reply.text.startswith("The article doesn't give interview questions"),
        ),
        (
            ("How is a PO different from a scrum master?",),
            lambda reply: reply.text.startswith("The article never mentions Scrum Masters"),
        ),
        (
            ("We have a PM and 3 scrum teams. Do we even need product owners?",),
            lambda reply: "first product person" not in reply.text,
        ),
        (
            ("Can we hire a contractor as our PO?",),
            lambda reply: "can be part-time, contracted or fractional" in reply.text,
        ),
    ],
)
def test_new_rules_leave_what_they_do_not_target_alone(
    chat: Chat, conversation: tuple[str, ...], check: Callable[[Reply], bool]
) -> None:
    *_, reply = turns(chat, *conversation)
    assert check(reply), reply.text


def test_scrum_stated_beside_a_doubt_about_the_role_is_kept() -> None:
    said = "I'm not sure if a PO makes sense, we do scrum with 2 teams and need help delivering."
    assert read_facts(said).uses_scrum is True


@pytest.mark.parametrize(
    ("asked", "starts"),
    [
        ("who writes acceptance criteria?", "My own inference, not the article's words."),
        ("who owns the backlog?", "It's in the article's section"),
    ],
)
def test_the_article_or_your_opinion_is_answered_with_which(
    chat: Chat, asked: str, starts: str
) -> None:
    # found by a skeptical PM tester: "is that in the article or your opinion?" got the help text
    _, reply = turns(chat, asked, "is that in the article or your opinion?")
    assert reply.text.startswith(starts), reply.text


def test_where_it_says_so_then_quote_it_names_the_section(chat: Chat) -> None:
    _, reply = turns(chat, "who owns the backlog?", "Where does the article say that? Quote it.")
    assert "I don't quote the article word for word" in reply.text
    assert "Product Manager vs. Product Owner: Responsibilities" in reply.text


def test_ok_in_the_middle_keeps_the_conversation_going(chat: Chat) -> None:
    # found by a tester: "ok" got "Bye!" and forgot what "and the roadmap?" follows
    _, ok, follow_up = turns(chat, "who owns pricing?", "ok", "and the roadmap?")
    assert not ok.text.startswith("Bye")
    assert follow_up.intent == Intent.OWNERSHIP and follow_up.follow_up


@pytest.mark.parametrize("reaction", ["?", "hmm", "really?", "both?", "huh?", "how so?"])
def test_a_puzzled_reaction_after_an_answer_asks_why(chat: Chat, reaction: str) -> None:
    # found by a tester: "hmm", "really?" and "both?" got "I couldn't match that" and lost
    # the question they were about
    _, puzzled, follow_up = turns(chat, "who owns pricing?", reaction, "and the backlog?")
    assert puzzled.intent == Intent.FEEDBACK and puzzled.kind == "why"
    assert "pricing" in puzzled.text
    assert follow_up.owners == ["product-owner"]
    assert chat.reply("?").intent == Intent.SMALLTALK  # nothing to ask about: a hello


def test_a_second_why_is_not_told_the_same_reasons_again(chat: Chat) -> None:
    # found by a tester: "why both?", then "which part is the PO part" printed the same
    # paragraph twice
    _, why, again, other = turns(
        chat, "who owns technical requirements?", "why?", "really?", "and pricing? why?"
    )
    assert "How I read it" in why.text
    assert again.text != why.text and "all the article gives me" in again.text
    assert "Identify the Need" in again.text
    assert other.text != again.text  # a new answer's why is told in full


def test_an_introduction_before_a_hiring_question_is_a_fact_of_the_hire(chat: Chat) -> None:
    # what a role is, asked after an introduction, is that question (see above)
    assert chat.reply("we're a 12-person startup. PO or PM?").intent == Intent.HIRE


@pytest.mark.parametrize(
    "text",
    [
        "What should I look for in candidates for the PO role?",
        "What should I look for when interviewing product owners?",
        "What are red flags in a PM candidate?",
    ],
)
def test_what_to_look_for_in_a_candidate_gets_the_articles_strengths(chat: Chat, text: str) -> None:
    # found by a recruiter tester: these started the hiring questions
    reply = chat.reply(text)
    assert (
        reply.concept is not None
        and reply.concept.id == chat.concepts.find("what skills should i look for").id
    )  # type: ignore[union-attr]
    assert ("red flags" in text) == reply.text.startswith("Red flags aren't in the article")
    # asked in the middle of a conversation, too
    _, mid = turns(
        chat, "can one person be both?", "How many years of experience should a PO have?"
    )
    assert mid.text.startswith(wording.NO_CREDENTIALS) and "strengths" in mid.text


@pytest.mark.parametrize(
    "text",
    [
        "wer entscheidet was gebaut wird?",
        "wer macht marktforschung",
        "que significa product owner exactamente?",
        "was macht ein product manager eigentlich?",
        # an admin's find: outside RoleFit in a new DM, the hiring questions after a question
        "¿Quién es responsable del análisis de la competencia?",
    ],
)
def test_a_message_in_another_language_that_reads_as_nothing_is_told_english_only(
    chat: Chat, text: str
) -> None:
    # found by a non-native tester: these started the hiring questions or were called
    # outside the roles
    _, other, follow_up = turns(chat, "who owns pricing?", text, "and the backlog?")
    assert other.text == wording.ENGLISH_ONLY
    assert follow_up.owners == ["product-owner"]  # the thread goes on
    # a word or two of another language is still read
    assert (
        chat.reply("Was ist der Unterschied zwischen Product Owner und Product Manager?").intent
        == Intent.COMPARE
    )


def test_who_a_role_reports_to_is_something_the_article_never_says(chat: Chat) -> None:
    # found by a recruiter tester: "who should the product owner report to?" matched no work
    reply = chat.reply("Who should the product owner report to?")
    assert "never ranks the two roles or says who reports to whom" in reply.text


def test_is_the_po_a_scrum_master_says_the_article_never_mentions_one(chat: Chat) -> None:
    _, reply = turns(chat, "what are the three horizons", "is the PO a scrum master?")
    assert reply.text.startswith("The article never mentions Scrum Masters")


def test_responsable_is_read_as_responsible_not_as_response_times(chat: Chat) -> None:
    # found by a non-native tester: "responsable" matched service-level agreements
    assert chat.reply("who is responsable for pricing").owners == ["product-manager"]
    assert "SLA" not in chat.reply("who is responsable for the product").text


def test_a_role_on_staff_corrected_before_the_advice_replaces_the_one_said(chat: Chat) -> None:
    # found by a tester: "sorry I meant we already have a PM" kept the PO as well
    *_, advice = turns(
        chat,
        "who should we hire?",
        "we are a startup, 1 hire, we already have a PO",
        "sorry I meant we already have a PM",
        "delivery",
    )
    assert advice.facts is not None and advice.facts.existing_roles == ("product-manager",)
    assert advice.recommendation is not None
    assert advice.recommendation.recommendation == "product-owner"


def test_rudeness_gets_an_apology_not_the_help_card(chat: Chat) -> None:
    # found by a tester: "ur useless lol" and "this bot sucks" got the full help, twice
    _, after_answer = turns(chat, "who owns pricing?", "ur useless lol")
    assert after_answer.kind == "unhelpful" and after_answer.text.startswith("Sorry")
    cold = chat.reply("wtf this bot sucks :rage:")
    assert cold.text.startswith("Sorry") and cold.text != wording.HELP


def test_the_article_on_product_managers_as_future_ceos(chat: Chat) -> None:
    # found by a COO tester: "is a PM a mini CEO?" got the role comparison
    reply = chat.reply("is a PM a mini CEO?")
    assert reply.concept is not None and reply.concept.id == "concept-training-ground-for-ceos"


def test_a_claim_after_its_reasons_is_checked_as_claimed(chat: Chat) -> None:
    # found by a skeptical PM tester: the reasons' "stakeholders" turned "so the PO talks to
    # customers too, right?" into "Probably. Most likely the Product Owner"
    _, reply = turns(
        chat,
        "Who talks to customers?",
        "But the PO represents stakeholders, and customers are stakeholders. So the PO talks to "
        "customers too, right?",
    )
    assert reply.lead == "Not the Product Owner."
    assert reply.owners == ["product-manager"]


def test_what_if_we_hire_both_is_advised_again_with_two_hires(chat: Chat) -> None:
    # found by a COO tester: it got "That doesn't change the advice", with no reason
    _, reply = turns(
        chat,
        "we're a startup, we need someone for delivery, scrum team. PO or PM?",
        "what if we hire both",
    )
    assert reply.facts is not None and reply.facts.headcount == 2
    assert "You could make two hires, but one Product Owner covers" in reply.text


def test_why_both_asked_cold_gets_what_the_article_says_of_both(chat: Chat) -> None:
    # found by a COO tester: the "Ask" button after a "hire both" result got "The article
    # doesn't explain that"
    reply = chat.reply("why both and not just a PM?")
    assert reply.concept is not None and reply.concept.id == "concept-need-for-both"


@pytest.mark.parametrize(
    "asked",
    [
        "How many years of experience should a product manager have according to the article?",
        "is CSPO or PSPO the better certification to get?",
    ],
)
def test_credentials_are_said_to_be_outside_the_article_beside_the_strengths_it_names(
    chat: Chat, asked: str
) -> None:
    # found by a skeptical PM tester: "outside what I know", as if the article were silent on
    # what a hire should bring
    reply = chat.reply(asked)
    assert reply.intent == Intent.OFF_TOPIC
    assert reply.text.startswith(f"{wording.NO_CREDENTIALS} The article asks for different")


def test_a_hire_asked_of_a_kanban_team_says_the_article_is_about_scrum(chat: Chat) -> None:
    reply = chat.reply("We use Kanban not Scrum. Do we still need a product owner?")
    assert reply.intent == Intent.HIRE and reply.asks
    assert reply.text.startswith("The article's Product Owner is a Scrum role")


def test_the_work_a_claim_names_outside_product_leaves_its_reasons_to_say_what_it_is(
    chat: Chat,
) -> None:
    # found in review: "handle the feedback", read alone, became the line manager's feedback
    reply = chat.reply(
        "We get tons of customer feedback from sales calls. Should the PO handle the feedback?"
    )
    assert reply.owners == ["product-owner", "product-manager"]


def test_a_complaint_about_something_else_is_no_rudeness(chat: Chat) -> None:
    reply = chat.reply("what can you do? our current process sucks")
    assert reply.text == wording.HELP


def test_the_article_or_your_opinion_of_work_outside_product_says_which(chat: Chat) -> None:
    _, reply = turns(
        chat, "who owns the coffee machine?", "is that in the article or your opinion?"
    )
    assert reply.text.startswith("My own reading: the article doesn't cover that work.")


def test_no_idea_to_a_hiring_question_is_an_answer_that_leads_to_advice(chat: Chat) -> None:
    # found by a first-time founder tester: "no idea" got "Thanks for telling me" and the
    # advice for "hmm", "whatever" was to hire both at a startup
    *_, last_try, advice = turns(chat, "do I need a PO?", "both", "no idea", "no idea")
    assert last_try.asks and "usually hire a single product person" in last_try.text
    assert advice.recommendation is not None
    assert advice.recommendation.recommendation != "both"
    assert advice.text.startswith("Taking one hire")


def test_a_day_of_the_po_is_the_po_not_the_pms_day(chat: Chat) -> None:
    # found by a first-time founder tester: "what does a PO actually do all day?" got the PM's
    # day from the article, said of the PM
    reply = chat.reply("what does a PO actually do all day?")
    assert reply.text.startswith(f"{wording.ONLY_THE_PMS_DAY} Product Owner (PO):")
    pm_day = chat.reply("what does a PM do all day?")
    assert pm_day.concept is not None and pm_day.concept.id == "concept-cross-functional-pm"


def test_another_job_as_the_role_after_the_advice_is_still_about_staffing(chat: Chat) -> None:
    # found by a first-time founder tester: it got the McKinsey CEO remark
    _, reply = turns(
        chat,
        "I can only afford one product hire and we need to build the business. who should I hire?",
        "can my CTO be the PO?",
    )
    assert reply.intent == Intent.COMBINE
    assert "whether your CTO can also be the Product Owner" in reply.text


def test_what_to_do_after_the_advice_gets_its_next_steps(chat: Chat) -> None:
    # found by a first-time founder tester: "so what do I do tomorrow?" got "That doesn't
    # change the advice"
    _, reply = turns(
        chat,
        "I can only afford one product hire and we need to build the business. who should I hire?",
        "so what do I do tomorrow?",
    )
    assert reply.text.startswith("To hire a Product Manager: 1. Write the job around strategy")


@pytest.mark.parametrize(
    ("said", "scrum", "goal"),
    [
        # found in review: a question whether Scrum fits overrode a team said to run it
        (
            "we run scrum and need the product delivered. is scrum right for a PO hire?",
            True,
            "deliver-product",
        ),
        (
            "we need someone to run our sprints, should we do scrum properly or hire a PO?",
            True,
            "deliver-product",
        ),
        ("we are a hardware company, does scrum even apply to us?", "unsure", None),
    ],
)
def test_a_doubt_about_scrum_never_unsays_a_team_running_it(
    said: str, scrum: bool | str, goal: str | None
) -> None:
    facts = read_facts(said)
    assert (facts.uses_scrum, facts.goal) == (scrum, goal)


@pytest.mark.parametrize(
    ("said", "stage"),
    [
        ("we're a 500 person company", "enterprise"),
        ("a 50-person company", "scale-up"),
        # a tester's find: a 400-person insurer was told it is a scale-up ("growing fast")
        ("we are a 400 person insurance company", "enterprise"),
        ("we're 249 people", "scale-up"),
    ],
)
def test_company_sizes_in_the_hundreds_and_hyphenated_are_read(said: str, stage: str) -> None:
    # found in review: "500 person" was no size, so a default startup was assumed
    assert read_facts(said).company_stage == stage


@pytest.mark.parametrize(
    "said",
    [
        "we're hiring both",
        "we can afford to hire both",
        "I'll hire both",
        "we're going to hire both",
    ],
)
def test_hiring_both_said_in_any_tense_is_two_hires(said: str) -> None:
    assert read_facts(said).headcount == 2


@pytest.mark.parametrize(
    "asked", ["should we hire both or just one?", "do we hire both?", "can we afford to hire both?"]
)
def test_asking_whether_to_hire_both_offers_no_two_hires(asked: str) -> None:
    # found in review: the question was read as two hires on offer
    assert read_facts(asked).headcount != 2


@pytest.mark.parametrize(
    "asked",
    [
        "we have 3 scrum teams working on one product. one PO or three?",
        "so should we hire 3 POs?",
        "does each team need its own PO?",
        # a second Scrum coach's finds: read as outside RoleFit, or as hiring advice
        "how many teams can one product owner serve?",
        "we have 9 Scrum teams, do we need 9 POs?",
        "one PO per team?",
    ],
)
def test_how_many_product_owners_gets_what_the_article_and_the_scrum_guide_say(
    chat: Chat, asked: str
) -> None:
    # found by a Scrum coach tester: "one PO or three?" got "what is the hire mostly for?"
    reply = chat.reply(asked)
    assert reply.text == wording.POS_PER_TEAM


@pytest.mark.parametrize(
    ("said", "owners"),
    [
        ("we need two POs and a PM, who owns pricing?", ["product-manager"]),
        ("we have a PO for each team, who owns the roadmap?", ["product-owner", "product-manager"]),
    ],
)
def test_a_count_of_product_owners_beside_a_who_question_is_the_story(
    chat: Chat, said: str, owners: list[str]
) -> None:
    # found in review: the count took over questions about work
    assert chat.reply(said).owners == owners


def test_wanting_or_planning_to_hire_both_is_two_hires() -> None:
    assert read_facts("we want to hire both").headcount == 2
    assert read_facts("we plan to hire both").headcount == 2


def test_advice_given_on_a_head_count_assumed_stands_for_what_follows(chat: Chat) -> None:
    # found in review: "next steps?" after advice on an assumed head count repeated the advice
    *_, steps = turns(
        chat, "do I need a PO?", "both", "no idea", "no idea", "what are the next steps?"
    )
    assert steps.text.startswith("To hire a Product Manager: 1.")


def test_a_side_question_after_the_advice_keeps_the_hire(chat: Chat) -> None:
    # found in review: "can my CTO be the PO?" forgot the advice, so "next steps?" got nothing
    *_, steps = turns(
        chat,
        "I can only afford one product hire and we need to build the business. who should I hire?",
        "can my CTO be the PO?",
        "what are the next steps?",
    )
    assert steps.text.startswith("To hire a Product Manager: 1.")


@pytest.mark.parametrize(
    "said",
    [
        "we dropped scrum for kanban. who orders the backlog?",
        "our team uses kanban, scrum never worked for us. who orders the backlog?",
    ],
)
def test_a_team_that_left_scrum_for_kanban_gets_the_note(chat: Chat, said: str) -> None:
    assert chat.reply(said).text.startswith("The article's Product Owner is a Scrum role")


def test_rudeness_after_an_answer_is_no_hiring_question(chat: Chat) -> None:
    # found by a regression-sweep tester: "this is garbage" after an answer started the hiring
    # questions
    _, rude = turns(chat, "who owns the backlog?", "this is garbage, f*** off")
    assert rude.kind == "unhelpful" and rude.text.startswith("Sorry")


def test_which_one_first_after_advice_to_hire_both_gets_the_steps(chat: Chat) -> None:
    _, first = turns(
        chat,
        "we're a 300 person enterprise, 4 scrum teams, we need delivery and business growth, "
        "can hire two. PO or PM?",
        "which one first?",
    )
    assert first.text.startswith("To hire both a Product Owner and a Product Manager: 1.")
    assert "if only one search can start now" in first.text


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("this is terrible. the roadmap", Intent.OWNERSHIP),
        ("you are useless. pricing", Intent.OWNERSHIP),
        ("this is garbage, f*** off", Intent.FEEDBACK),
    ],
)
def test_rudeness_beside_a_question_of_its_own_is_that_question(
    chat: Chat, said: str, intent: Intent
) -> None:
    # found in review: the first two got "Sorry that didn't help" instead of an answer
    _, reply = turns(chat, "who owns the backlog?", said)
    assert reply.intent == intent


def test_rudeness_beside_a_fact_of_the_hire_is_the_fact(chat: Chat) -> None:
    *_, reply = turns(
        chat, "should we hire a PM or PO", "mostly delivery", "this is awful, no scrum here"
    )
    assert reply.facts is not None and reply.facts.uses_scrum is False


def test_a_wish_to_hire_both_taken_back_is_no_two_hires() -> None:
    assert read_facts("i want to hire both but can only afford one").headcount == 1
    assert read_facts("we would like to hire both but we can't").headcount != 2


def test_whose_asks_like_who_beside_a_count_of_product_owners(chat: Chat) -> None:
    reply = chat.reply("we have a po per team, whose job is pricing?")
    assert reply.owners == ["product-manager"]


def test_who_to_hire_first_after_advice_to_hire_both_gets_the_steps(chat: Chat) -> None:
    _, first = turns(
        chat,
        "we're a 300 person enterprise, 4 scrum teams, we need delivery and business growth, "
        "can hire two. PO or PM?",
        "who should we hire first?",
    )
    assert first.text.startswith("To hire both a Product Owner and a Product Manager: 1.")


def test_meaning_the_work_just_answered_says_the_answer_stands(chat: Chat) -> None:
    # found by a tester: "no I meant the launch plan" after the launch plan got "Thanks for
    # pushing back"
    _, again = turns(chat, "who owns the launch plan", "no I meant the launch plan")
    assert again.text.startswith(wording.ANSWERED_ALREADY)
    assert "Thanks for pushing back" not in again.text


def test_the_other_role_after_a_concept_is_described(chat: Chat) -> None:
    # found by a tester: "and a PO?" after the PM's day started the hiring questions
    _, other = turns(chat, "what does a PM do day to day?", "and a PO?")
    assert other.intent == Intent.CONCEPT and other.text.startswith("Product Owner (PO): ")


ONE_HIRE_ADVISED = "we are a startup, 1 hire, we need go to market. who should we hire?"


def test_after_the_advice_so_both_says_why_one(chat: Chat) -> None:
    # found by a tester: "so both?" got "That doesn't change the advice"
    _, both = turns(chat, ONE_HIRE_ADVISED, "so both?")
    assert both.text.startswith("Not with one hire.") and "two hires" in both.text
    _, two = turns(chat, "we can hire two, we need go to market and we run scrum", "both?")
    assert two.text.startswith("Not on what you told me.")


def test_after_the_advice_one_person_in_both_roles_is_answered_and_the_hire_kept(
    chat: Chat,
) -> None:
    # found by a recruiter tester: it got "Thanks for pushing back" and the reasons again
    _, combined, steps = turns(
        chat, ONE_HIRE_ADVISED, "Can one person be both PO and PM in our company?", "next steps?"
    )
    assert combined.intent == Intent.COMBINE and "two distinct roles" in combined.text
    assert steps.intent == Intent.HIRE and "Product Manager" in steps.text


def test_after_the_advice_a_team_without_scrum_is_advised_again(chat: Chat) -> None:
    # found by a tester: "actually we dont do scrum, we do kanban" got the Kanban explainer
    _, advised_again = turns(chat, ONE_HIRE_ADVISED, "actually we dont do scrum, we do kanban")
    assert advised_again.text.startswith(wording.READVISED)
    assert advised_again.facts is not None and advised_again.facts.uses_scrum is False


def test_the_savant_is_explained_from_its_own_section(chat: Chat) -> None:
    # found by a recruiter tester: it was told as why the PM meets the C-suite
    reply = chat.reply("what does the article mean by the PM being a savant?")
    assert reply.concept is not None and reply.concept.section == "Business and Financial Analysis"


def test_talking_to_investors_is_the_founders_work(chat: Chat) -> None:
    # found by a non-native tester: it was "most likely the Product Manager" (the C-suite)
    reply = chat.reply("who talks to investors")
    assert reply.owners == [] and reply.answer is not None
    assert reply.answer.outside_owner == "the founders or the CEO"


@pytest.mark.parametrize(
    "text",
    [
        "Can a product owner grow into a product manager later?",
        "can our PO switch to the PM job next year?",
    ],
)
def test_one_role_grown_into_the_other_is_a_career_the_article_leaves_out(
    chat: Chat, text: str
) -> None:
    # found by a recruiter tester: it got the canned "one person in both roles" answer
    reply = chat.reply(text)
    assert reply.text.startswith(wording.NO_CAREERS) and "strengths" in reply.text
    held_both = "Could our product owner grow into the PM role and keep doing the PO work too?"
    assert chat.reply(held_both).intent == Intent.COMBINE


PO_ADVISED = (
    "we are a 10 person startup running scrum and can hire one person to manage the backlog and "
    "sprints. should we hire a PO or a PM?"
)


@pytest.mark.parametrize(
    "question", ["who owns the backlog if we don't do scrum?", "what does a PO do in kanban?"]
)
def test_after_the_advice_a_question_about_no_scrum_tells_nothing_of_the_team(
    chat: Chat, question: str
) -> None:
    # found by a review: these were read as the team dropping Scrum and advised again
    _, asked = turns(chat, PO_ADVISED, question)
    assert not asked.text.startswith(wording.READVISED)
    assert asked.memory.facts is not None and asked.memory.facts.uses_scrum is True


@pytest.mark.parametrize(
    "text",
    [
        "what makes a good user story?",
        "who owns lead qualification?",
        "who handles ISO certification?",
        "is it a red flag if our PM does the hiring?",
    ],
)
def test_work_and_ideas_are_not_read_as_what_to_look_for_in_a_candidate(
    chat: Chat, text: str
) -> None:
    # found by a review: these got the article's strengths for each hire
    assert "What to look for in each hire" not in chat.reply(text).text


def test_the_other_role_described_between_hiring_turns_keeps_the_hire(chat: Chat) -> None:
    *_, again = turns(chat, ONE_HIRE_ADVISED, "what does a PM do?", "and a PO?", "so whom then?")
    assert again.intent == Intent.HIRE and "Product Manager" in again.text and not again.asks


def test_a_why_after_a_corrected_question_is_told_in_full(chat: Chat) -> None:
    # found by a review: the second "why?" was of the launch plan, never explained
    *_, why = turns(chat, "who owns pricing?", "why?", "no, I meant the launch plan", "why?")
    assert "How I read it" in why.text and "go-to-market" in why.text


@pytest.mark.parametrize(
    "text", ["This is about the backlog. What is it?", "We're a kanban shop. What does a PO do?"]
)
def test_a_question_that_needs_what_came_before_it_is_read_whole(chat: Chat, text: str) -> None:
    # found by a review: the question was read without the sentence it leans on
    reply = chat.reply(text)
    assert not reply.text.startswith(("The article doesn't explain that", "Product Owner (PO)"))


def test_other_work_placed_alike_is_not_the_work_just_answered(chat: Chat) -> None:
    # found by a review: "no, I meant the parking spaces" after the coffee machine "stood"
    _, other = turns(chat, "who owns the coffee machine?", "no, I meant the parking spaces")
    _, surer = turns(chat, "who owns the roadmap?", "no, I meant the product roadmap")
    assert not other.text.startswith(wording.ANSWERED_ALREADY)
    assert not surer.text.startswith(wording.ANSWERED_ALREADY)


def test_a_role_also_on_staff_is_added_not_put_in_place(chat: Chat) -> None:
    *_, advice = turns(
        chat,
        "we already have a PO, should we hire another PO or a PM?",
        "I mean, we also have a PM",
        "mostly growth",
    )
    assert advice.facts is not None
    assert set(advice.facts.existing_roles) == {"product-owner", "product-manager"}


def test_both_while_a_hiring_question_is_open_answers_it(chat: Chat) -> None:
    # found by a review: "both" after an answer between hiring turns asked why of pricing
    *_, both = turns(chat, "should I hire a PO or a PM?", "who owns pricing?", "both")
    assert both.intent == Intent.HIRE and both.memory.facts is not None
    assert both.memory.facts.goal == "both"


@pytest.mark.parametrize("text", ["Una Das is our PO", "sure, Una and Das agree", "wat? den who?"])
def test_names_and_slang_are_not_another_language(chat: Chat, text: str) -> None:
    assert chat.reply(text).text != wording.ENGLISH_ONLY


@pytest.mark.parametrize(
    "text",
    [
        "I'm the CTO.",
        "hi, I'm the scrum master on team blue",
        "I'm the head of marketing at Acme.",
        "I'm Ana, product owner here",
        "Hi! I'm Ana, the product owner at Acme",
        "my name is Sam",
    ],
)
def test_someone_saying_who_they_are_is_greeted(chat: Chat, text: str) -> None:
    # found by a regression tester: job titles were matched as work ("CTO" -> the C-suite) or
    # as a hire (a scrum master -> "hire a Product Owner")
    _, greeted, asked = turns(chat, "who owns pricing?", text, "and the backlog?")
    assert greeted.text == wording.INTRODUCED and greeted.recommendation is None
    assert asked.owners == ["product-owner"]  # the conversation goes on
    assert chat.reply("I'm trying to decide whom to hire").intent == Intent.HIRE


@pytest.mark.parametrize(
    ("between", "correction"),
    [
        ("who owns pricing?", "actually we can make two hires"),
        ("can one person be both PO and PM in our company?", "actually we don't do scrum"),
    ],
)
def test_the_advice_put_right_after_a_question_in_between_is_given_again(
    chat: Chat, between: str, correction: str
) -> None:
    # found by a regression tester: it was read as pushback on the question in between
    *_, again = turns(chat, ONE_HIRE_ADVISED, between, correction)
    assert again.text.startswith(wording.READVISED)


def test_both_after_an_answer_says_yes_or_no_first(chat: Chat) -> None:
    _, not_both = turns(chat, "who owns sprint planning?", "both?")
    _, both = turns(chat, "who owns technical requirements?", "both?")
    assert not_both.text.startswith("Not both.") and both.text.startswith("Yes, both.")


def test_running_scrum_and_wanting_both_in_one_sentence_wants_both() -> None:
    # found by a hiring-advice auditor: "we run … business" read as the business being run
    said = read_facts(
        "Enterprise, one product hire. We run Scrum and want both delivery and growth."
    )
    assert said.goal == "both" and said.uses_scrum is True
    assert read_facts(
        "our CEO handles the sales and pricing, we need someone for the backlog"
    ).goal == ("deliver-product")


def test_a_po_and_a_pm_already_are_both_on_staff() -> None:
    said = read_facts("We're a scale-up with a PO and a PM already. One more hire, for delivery.")
    assert set(said.existing_roles) == {"product-owner", "product-manager"}


def test_a_product_hire_that_lists_hiring_engineers_is_still_advised(chat: Chat) -> None:
    # found by a hiring-advice auditor: "I only advise on product hires"
    reply = chat.reply(
        "We're an enterprise and can hire one person. We need pricing strategy, hiring engineers "
        "and backlog refinement. We run Scrum and want both delivery and business growth."
    )
    assert reply.recommendation is not None
    assert chat.reply("we can hire two salespeople, any tips?").text.startswith(
        "I only advise on product hires"
    )


def test_advice_with_scrum_unsaid_says_to_find_out(chat: Chat) -> None:
    # found by a hiring-advice auditor: "Look for real Scrum experience" when nobody had said
    # whether the team runs Scrum
    *_, steps = turns(
        chat, "we are a startup, one hire, we need someone to deliver the product", "next steps?"
    )
    assert "Find out whether your team runs Scrum" in steps.text
    *_, said = turns(chat, "startup, one hire, we run scrum and need delivery", "next steps?")
    assert "Look for real Scrum experience" in said.text


@pytest.mark.parametrize(
    "text",
    [
        "I'm the product owner and I write the user stories",
        "I'm a founder looking for a product person to own the roadmap",
        "I'm struggling to decide between a PO and a PM",
        "I'm good, thanks",
        "I'm the CEO at a startup and we need to hire a PM",
        "I'm a recruiter for a company hiring a PM",
        "I'm hiring manager for a PO",
    ],
)
def test_saying_more_than_who_you_are_is_not_a_greeting(chat: Chat, text: str) -> None:
    # found by a review: every "I'm…" without a question was greeted
    assert chat.reply(text).text != wording.INTRODUCED


@pytest.mark.parametrize(
    "follow_up",
    [
        "sorry, I meant growth",
        "actually, who owns the backlog and the sprints?",
        "wait, what about business growth?",
    ],
)
def test_after_the_advice_a_correction_of_a_question_or_a_question_is_not_advised_again(
    chat: Chat, follow_up: str
) -> None:
    # found by a review: each of these redid the advice
    *_, reply = turns(chat, PO_ADVISED, "who owns the roadmap?", follow_up)
    assert not reply.text.startswith((wording.READVISED, "Thanks for pushing back. The advice"))


@pytest.mark.parametrize(
    "text",
    [
        "we need to hire developers to clear the backlog faster",
        "hiring marketers for our go-to-market plan, any tips?",
    ],
)
def test_another_hire_for_product_work_is_still_not_a_product_hire(chat: Chat, text: str) -> None:
    assert chat.reply(text).text.startswith("I only advise on product hires")


@pytest.mark.parametrize(
    "text",
    [
        "we want a PO and a PM in place by January",
        "we're a startup running scrum and we want a PO and a PM in place. which first?",
        "we need a PO and a PM already",
    ],
)
def test_roles_wanted_in_place_put_no_one_on_staff(text: str) -> None:
    assert read_facts(text).existing_roles == ()
    both = read_facts("there is a PO and a PM already").existing_roles
    assert set(both) == {"product-owner", "product-manager"}


@pytest.mark.parametrize(
    "text",
    [
        "we run scrum and we want both delivery and business growth",
        "we run scrum, want both delivery and business growth",
    ],
)
def test_running_scrum_then_wanting_both_wants_both(text: str) -> None:
    assert read_facts(text).goal == "both"


def test_both_after_pieces_with_owners_of_their_own_is_not_both(chat: Chat) -> None:
    _, both = turns(chat, "who owns pricing and the backlog?", "both?")
    assert both.text.startswith("Not both.")


@pytest.mark.parametrize(
    "text",
    [
        "I'm interviewing a PO candidate tomorrow, what should I probe?",
        "what should I ask PM candidates in the interview?",
    ],
)
def test_what_to_ask_in_an_interview_gets_what_the_article_says_of_the_role(
    chat: Chat, text: str
) -> None:
    # found by a final sweep: "work for HR or the hiring manager", or outside what it knows
    assert chat.reply(text).text.startswith("The article doesn't give interview questions")


def test_is_a_pm_a_technical_expert_is_the_articles_answer(chat: Chat) -> None:
    reply = chat.reply("is a product manager a technical expert?")
    assert reply.concept is not None and reply.concept.id == "concept-pm-not-technical-expert"


@pytest.mark.parametrize(
    "correction",
    [
        "sorry, I meant we can make two hires",
        "no, I meant we don't run scrum",
        "actually we can make two hires, does that change anything?",
    ],
)
def test_a_fact_of_the_hire_meant_after_a_question_in_between_advises_again(
    chat: Chat, correction: str
) -> None:
    # found by a review: "I meant we can make two hires" after "who owns pricing?" was taken
    # as a correction of the pricing question
    *_, again = turns(chat, PO_ADVISED, "who owns pricing?", correction)
    assert again.text.startswith(wording.READVISED)


def test_other_hires_with_product_work_for_them_are_not_a_product_hire(chat: Chat) -> None:
    text = "we're hiring designers and developers for the roadmap and user stories"
    assert chat.reply(text).text.startswith("I only advise on product hires")


@pytest.mark.parametrize("said", ["forget all that", "start over", "new question", "reset"])
def test_asked_to_start_over_it_forgets_the_conversation(chat: Chat, said: str) -> None:
    # found by a conversation tester: "forget all that" kept the facts and advised on them,
    # "new question" explained Agile and "start over" was not matched
    _, afresh, hire = turns(
        chat, "we're a 5 person startup, no scrum. who do I hire?", said, "hire?"
    )
    assert afresh.text.startswith("Starting afresh") and afresh.memory.facts is None
    assert hire.facts is not None and hire.facts.uses_scrum is None


def test_a_new_question_after_starting_over_is_answered_without_what_came_before(
    chat: Chat,
) -> None:
    _, answer = turns(chat, "we run scrum, who do I hire?", "ok, new question: who owns pricing?")
    assert answer.answer is not None and answer.memory.facts is None
    for words in ("reset my password", "start over with the backlog"):
        assert not chat.reply(words).text.startswith("Starting afresh")
    many = chat.reply("reset, " * 500 + "who owns pricing?")  # a review's find: it crashed
    assert many.owners == ["product-manager"]


@pytest.mark.parametrize(
    ("said", "hire"),
    [("the second one", "product-manager"), ("option 1", "product-owner")],
)
def test_an_answer_offered_can_be_picked_by_its_place(chat: Chat, said: str, hire: str) -> None:
    # found by a conversation tester: "the second one" asked the same question again
    _, picked = turns(chat, "which do I need?", said)
    assert picked.recommendation is not None and picked.recommendation.recommendation == hire


def test_a_why_asked_of_other_work_or_an_idea_is_answered_as_its_own_question(
    chat: Chat,
) -> None:
    # found by an agile coach: after an answer every question opening with "why" was read as
    # "why?" of that answer, so it said the user stories again
    _, gtm = turns(chat, "who writes user stories?", "why is the GTM plan PM work and not PO?")
    assert gtm.answer is not None and gtm.answer.owners == ["product-manager"]
    asked = "why is product management the training ground for CEOs?"
    _, idea = turns(chat, "who writes user stories?", asked)
    assert idea.concept is not None and idea.concept.id == "concept-training-ground-for-ceos"
    assert chat.reply(asked).concept == idea.concept  # asked first, too
    _, why = turns(chat, "who writes user stories?", "why does the PO write the stories?")
    assert why.intent == Intent.FEEDBACK and "→ Writing user stories." in why.text
    # a review's finds: these still ask why of the answer just given
    for asked, why_of in (
        ("who writes user stories?", "why does the po write them and not the market researcher?"),
        ("who owns the backlog?", "why is the backlog not owned by whoever sets the strategy?"),
        ("who does competitive analysis?", "why not the PO, who talks to the devs every day?"),
    ):
        _, again = turns(chat, asked, why_of)
        assert again.intent == Intent.FEEDBACK, (asked, again.text)


def test_pushback_on_work_outside_product_does_not_say_it_goes_by_the_article(
    chat: Chat,
) -> None:
    # found by a fintech HR lead: "Going by the article: That's usually work for HR", of a visa
    _, pushed = turns(chat, "who sorts out work visas?", "that's wrong")
    assert "As I read it, not the article:" in pushed.text
    assert "Going by the article" not in pushed.text
    _, unmatched = turns(chat, "who handles the zorblax?", "that's wrong")
    assert "As I read it" not in unmatched.text and "couldn't match" in unmatched.text


def test_asked_what_it_remembers_it_says_what_the_conversation_holds(chat: Chat) -> None:
    # found by a conversation tester: "what did I tell you about my team?" got "The article
    # doesn't explain that", and "what do you remember about us?" the help
    told = "we're 12 people, no scrum, and we need someone for growth"
    _, _, held = turns(chat, told, "who owns pricing?", "what do you remember about us?")
    assert held.text.startswith("About your hire you told me: Startup, goal: build a business")
    assert "no Scrum" in held.text and "my advice: hire a Product Manager" in held.text
    assert "The last work you asked about: “who owns pricing”" in held.text
    assert held.memory.facts is not None and held.memory.question  # nothing dropped by asking
    nothing = chat.reply("what did I tell you?")
    assert nothing.text.startswith("You haven't told me anything")
    asked = chat.reply("what did we say about pricing in the last meeting, who owns it")
    assert asked.owners == ["product-manager"]  # a question, not about the conversation


def test_a_second_role_planned_for_later_gets_the_advice_for_that_hire(chat: Chat) -> None:
    # found by a fintech HR lead: "what if we hire a PO now and a PM next year?" got "That
    # doesn't change the advice"
    told = "we're 20 people and need someone to run the backlog, we don't do scrum. who do we hire?"
    _, later = turns(chat, told, "what if we hire a PO now and a PM next year?")
    assert later.text.startswith("For the hire after that, with the first one made:")
    assert later.recommendation is not None
    assert later.recommendation.recommendation == "product-manager"


@pytest.mark.parametrize(
    "claim",
    [
        "Does the article say the project increased revenue by 40 percent?",
        "Does the article say McKinsey studied 500 companies?",
        "Does the article SAY McKinsey studied 500 companies?",  # a review's finds
        "does the article mention that McKinsey studied 500 companies?",
    ],
)
def test_whether_the_article_says_a_claim_is_never_answered_yes(chat: Chat, claim: str) -> None:
    # found by a skeptical PM: "Yes." to made-up claims, because the idea or work was found
    reply = chat.reply(claim)
    assert reply.text.startswith(wording.CLAIM) and "Yes" not in reply.text.split(":")[0]
    assert chat.reply("does the article mention the three horizons?").text.startswith("Yes.")
    assert chat.reply("does the article mention that McKinsey study?").text.startswith("Yes.")
    said = chat.reply("does the article mention that agile is dead?").text
    assert said.startswith(wording.CLAIM)
    assert chat.reply("does the article say who owns the backlog?").text.startswith("Yes.")


def test_asked_whether_an_answer_is_its_opinion_or_the_articles_it_says_which(
    chat: Chat,
) -> None:
    # found by a skeptical PM: the help, four times
    _, inferred = turns(chat, "who owns pricing?", "Is that your opinion or the article's?")
    assert inferred.text.startswith("My own inference, not the article's words.")
    _, named = turns(chat, "who owns the backlog?", "is that your opinion or the article's?")
    assert named.text.startswith("It's in the article's section")


@pytest.mark.parametrize(
    ("said", "headcount"),
    [
        ("we run two-week sprints", None),  # a CEO tester's finds: each read as two hires
        ("honestly our 2 founders do everything now", None),
        ("two people", 2),
        ("2 product managers", 2),
        ("just one", 1),
        ("one per team, we have two teams", 2),  # a review's find: read as one hire
        ("one, across our 3 teams", 1),
        ("we have two teams but budget for one", 1),
        ("two teams, one each", 2),  # a fourth review's finds
        ("one for each of our two squads", 2),
        ("one per team, but we only have one team", 1),
        ("no $$ for 2", 1),  # a phone tester's finds: two out of reach read as two hires
        ("not enough budget for two", 1),
        ("we can't hire both now", 1),
    ],
)
def test_a_count_of_something_else_is_no_head_count(said: str, headcount: int | None) -> None:
    assert read_answer(said, "headcount").headcount == headcount


def test_a_fact_supposed_after_the_advice_is_advised_on_and_not_kept(chat: Chat) -> None:
    # found by a CEO tester: "what if we grow to 200 people?" was kept as told, so every
    # answer after it took the company for a scale-up
    told = "we're a 25 person startup, we run scrum and need delivery. who do we hire?"
    first, supposed = turns(chat, told, "what if we grow to 200 people?")
    assert supposed.text.startswith(wording.SUPPOSED)
    assert "Yours is a scale-up" in supposed.text
    assert supposed.memory.facts == first.memory.facts
    assert supposed.note.startswith("Supposing that")  # what Slack shows above the card
    # a review's finds: what is kept is the facts, not the turn before ("why?" is of the advice)
    *_, why = turns(chat, told, "who owns pricing?", "what if we grow to 200 people?", "why?")
    assert why.text.startswith("Hire a Product Owner because")
    _, later = turns(chat, told, "we can only make the hire in six months")
    assert not later.text.startswith("For the hire after that")
    # a COO's find: two hires supposed got "That doesn't change the advice"
    *_, two = turns(chat, "PO or PM?", "both", "One", "and if I could hire two?")
    assert two.text.startswith(wording.SUPPOSED) and "hire both" in two.text


def test_pay_for_the_hire_advised_is_outside_the_article_and_the_hire_is_kept(
    chat: Chat,
) -> None:
    # found by a CEO tester: "how much should we pay them?" got "outside what I know"
    told = "we're a startup, we run scrum, we need delivery. who to hire?"
    _, pay = turns(chat, told, "how much should we pay them?")
    assert pay.text.startswith("The article doesn't cover pay")
    assert pay.memory.facts is not None and pay.memory.facts.uses_scrum is True
    licences = chat.reply("how much should we pay for jira licenses?")
    assert not licences.text.startswith("The article doesn't cover pay")
    for asked in ("how much should we pay, roughly?", "how much should we pay for this hire?"):
        assert chat.reply(asked).text.startswith("The article doesn't cover pay")
    attention = chat.reply("how much should we pay attention to velocity?")
    assert not attention.text.startswith("The article doesn't cover pay")


@pytest.mark.parametrize(
    "planned",
    [
        "what if we hire a Product Owner now and a Product Manager next year?",
        "we'll hire a PM next year, but we need the PO first",
        "we plan on hiring a PM next year",
        "and a PM in six months?",
        "we'll hire a PO in six months and a PM next year",  # a fourth review's find
    ],
)
def test_a_role_planned_for_later_is_the_next_hire_whichever_way_it_is_said(
    chat: Chat, planned: str
) -> None:
    # a third review's finds: full role names, "hiring", no verb, or the later role named first
    told = "we're a 25 person startup, we run scrum and need delivery. who do we hire?"
    _, later = turns(chat, told, planned)
    assert later.text.startswith(wording.NEXT_ADVISED)
    assert "With a Product Owner on staff, the hire to make is a Product Manager." in later.text


def test_a_question_a_supposed_fact_raises_keeps_it_as_a_click_would(chat: Chat) -> None:
    # a third review's find: the facts were put back, so a typed answer lost the new market
    # while a click (whose button carries the facts) kept it
    told = "we're a 25 person startup, we run scrum and need delivery. who do we hire?"
    _, asked, two = turns(chat, told, "what if we expand to germany?", "we can hire two people")
    assert asked.memory.facts is not None and asked.memory.facts.goal == "both"
    assert two.recommendation is not None and two.recommendation.recommendation == "both"


@pytest.mark.parametrize(
    "asked",
    [
        "tell me about the manufacturer case",
        "which product line was declining?",
        "what was the $250m case about?",
        "is there a case study in the article?",
        "how long had revenue been declining",  # a review's find: kept beside the new ones
        "case study in the article",
    ],
)
def test_the_manufacturer_case_is_found_however_it_is_asked(chat: Chat, asked: str) -> None:
    # found in a tester's notes: "the manufacturer case" read as suppliers, "which product line"
    # as the portfolio of product lines, and "is there a case study…?" as off-topic
    assert "The $250 million manufacturer case" in chat.reply(asked).text


def test_asking_whether_the_article_covers_work_it_never_names_says_no(chat: Chat) -> None:
    reply = chat.reply("is there anything about pricing in the article?")
    assert reply.text.startswith("No, not in so many words.")


@pytest.mark.parametrize(
    "told",
    [
        "I'm the CEO of a 15-person startup and we run scrum.",
        "hello, we are a small startup doing scrum",
    ],
)
def test_an_introduction_that_asks_nothing_keeps_its_facts_for_the_hire(
    chat: Chat, told: str
) -> None:
    # found by a tester: the company told, Scrum explained, and the facts dropped
    introduced, remembered = turns(chat, told, "what did I tell you?")
    assert introduced.intent is Intent.HIRE and introduced.asks
    assert "Startup, runs Scrum" in remembered.text


@pytest.mark.parametrize(
    ("asked", "idea"),
    [
        ("we are an enterprise that runs scrum. explain scrum", "Scrum:"),
        ("scrum at a startup", "Scrum:"),  # no company told
        # a review's finds: asked of an idea without a question word
        ("we're a startup, curious about scrum", "Scrum:"),
        ("we are a startup. scrum meaning", "Scrum:"),
        ("we're a 20-person startup, teach me scrum", "Scrum:"),
        ("we are a startup, pls explain scrum", "Scrum:"),
        ("we're an enterprise, the three horizons confuse me", "The three horizons:"),
    ],
)
def test_a_company_told_beside_an_idea_asked_of_gets_the_idea(
    chat: Chat, asked: str, idea: str
) -> None:
    assert chat.reply(asked).text.startswith(idea)


def test_a_question_in_it_after_the_advice_is_about_the_advice(chat: Chat) -> None:
    # a review's find: "in it" was taken for the article, and the facts dropped
    told = "we are a 20 person startup, we need someone to own pricing and positioning"
    *_, remembered = turns(chat, told, "is there any downside in it?", "what did I tell you?")
    assert "Startup" in remembered.text


def test_work_named_in_a_concepts_words_is_still_work(chat: Chat) -> None:
    # a review's find: a concept's phrasing, said as a piece of work, got the concept
    _, second = turns(
        chat, "who owns: pricing, quarterly competitor monitoring, the backlog", "the second one?"
    )
    assert second.intent is Intent.OWNERSHIP
    assert chat.reply("product marketing campaign").intent is Intent.OWNERSHIP


def test_a_company_told_without_a_question_is_kept_for_the_hire_not_read_as_work(
    chat: Chat,
) -> None:
    # a COO tester's find: "our CEO does product today" was answered as work for the PO
    told, remembered = turns(
        chat, "we are 20 ppl, no scrum, our CEO does product today", "what do you remember?"
    )
    assert told.intent is Intent.HIRE and told.asks
    assert "Startup, no Scrum" in remembered.text


def test_one_hire_for_both_sides_told_as_a_fact_gets_the_advice(chat: Chat) -> None:
    # a COO tester's find: told, not asked, it got the blurb on one person holding both roles
    told = "we can only afford one product person. need delivery AND strategy. 20 ppl, we use scrum"
    reply = chat.reply(told)
    assert reply.recommendation is not None
    asked = chat.reply("is it ok to have just one product person doing delivery and strategy?")
    assert asked.intent is Intent.COMBINE  # asked whether one can do both: still that answer


def test_a_head_count_supposed_in_a_few_words_is_advised_on(chat: Chat) -> None:
    told = "we're 300 people and need delivery and growth. we can hire two. who should we hire?"
    two, one = turns(chat, told, "what if only one again")
    assert two.recommendation is not None and two.recommendation.recommendation == "both"
    assert one.recommendation is not None and one.recommendation.recommendation != "both"


def test_after_starting_over_nothing_is_remembered(chat: Chat) -> None:
    *_, remembered = turns(chat, "we're a startup", "start over", "what do you remember now")
    assert remembered.text.startswith("You haven't told me anything")


@pytest.mark.parametrize(
    ("asked", "idea"),
    [
        ("what does the article say about the 250M company", "manufacturer case"),
        ("does the article say PMs make better CEOs?", "training ground for future tech CEOs"),
    ],
)
def test_the_articles_ideas_are_found_in_a_testers_words(chat: Chat, asked: str, idea: str) -> None:
    reply = chat.reply(asked)
    assert idea in reply.text
    assert not reply.text.startswith("Yes")  # a claim checked, never confirmed


def test_the_nth_piece_counts_in_the_list_as_typed_and_the_list_stays(chat: Chat) -> None:
    # an engineering manager's finds: "SEO" (no part of its own) shifted the count, so "the
    # third?" answered vendor contracts; after one piece, "the fourth one" matched nothing
    listed = "who owns: OKRs, SEO, sprint planning, vendor contracts"
    _, third, fourth, last = turns(chat, listed, "the third?", "the fourth one", "and the last?")
    assert third.answer is not None and third.answer.question == "sprint planning"
    for reply in (fourth, last):
        assert reply.answer is not None and reply.answer.question == "vendor contracts"
    # a review's find: a list put right counts from then on, not the old one
    *_, second = turns(
        chat, listed, "the third?", "no, I meant user stories and pricing", "the second one?"
    )
    assert second.answer is not None and second.answer.question == "pricing"


def test_after_the_advice_the_author_remote_work_and_a_nudge_get_their_own_answers(
    chat: Chat,
) -> None:
    # a COO tester's finds: "who wrote the article" got "that doesn't change the advice", "can
    # they be remote" the blurb on one person in both roles, and "so?" a "you're welcome"
    told = "we need someone to run sprints and the backlog"
    _, author = turns(chat, told, "who wrote the article")
    assert author.text.startswith("The article as I have it doesn't name its author")
    _, remote = turns(chat, told, "can they be remote")
    assert remote.text == wording.WORKING_CONDITIONS
    assert remote.memory.facts is not None  # the hire is kept
    _, nudged = turns(chat, told, "so?")
    assert nudged.text.startswith("To hire a Product Owner:")
    _, final = turns(chat, told, "ok so final answer?")
    assert "hire a Product Owner" in final.text


@pytest.mark.parametrize(
    ("asked", "lead"),
    [
        (
            "who does NOT own the backlog?",
            "Going by the article, it isn't the Product Manager's work:",
        ),
        ("who doesn't do pricing?", "As I read it, it isn't the Product Owner's work:"),  # inferred
        ("who doesn't handle payroll?", "As I read it, it is neither role's work:"),
    ],
)
def test_who_does_not_own_work_says_so_before_whose_it_is(
    chat: Chat, asked: str, lead: str
) -> None:
    # a Slack power user's find: "who does NOT own the backlog?" got "clearly the Product Owner"
    assert chat.reply(asked).text.startswith(lead)
    for open_or_unknown in ("who doesn't estimate stories?", "who does not own the zorblax?"):
        assert not chat.reply(open_or_unknown).text.startswith(("Going by", "As I read"))


@pytest.mark.parametrize(
    ("told", "stage"),
    [
        ("we are a 40 person payments startup", "startup"),  # what they call it, not the size
        ("a startup making industrial sensors", "startup"),
        ("we are 60 people", "scale-up"),
        ("we are a $250m manufacturer", "enterprise"),
        ("mid-size manufacturer, engineering-heavy", "enterprise"),
        # an ops lead tester's find: the manufacturer a company works with made it an enterprise
        ("we need someone to negotiate BOM costs with our manufacturer", None),
        ("the contract manufacturer is late again", None),
        # a review's finds: the company's own manufacturing, and suppliers named otherwise
        ("we're the manufacturer of the device", "enterprise"),
        ("our manufacturing plant runs three shifts", "enterprise"),
        ("we have our manufacturing in-house", "enterprise"),
        ("we work with a manufacturer in Shenzhen", None),
        ("we outsource to a third-party manufacturer", None),
        # a second review's finds: a partner, customers and a supplier building the boards
        ("our manufacturing partner is in Vietnam", None),
        ("we sell an ERP for manufacturers", None),
        ("a manufacturer builds our boards", None),
        # a fourth review's finds: companies serving, buying from or leaving manufacturing
        ("we build AI for manufacturing companies", None),
        ("our customers are in manufacturing", None),
        ("a supplier handles the manufacturing for us", None),
        ("we are moving away from manufacturing", None),
        # a third review's finds: the company's own plant, and software it makes for others
        ("we need a product person for our manufacturing plant", "enterprise"),
        ("we build scheduling software for manufacturing plants", None),
    ],
)
def test_a_company_is_what_its_people_call_it_then_its_size_then_hints(
    told: str, stage: str | None
) -> None:
    # an HR lead tester's find: "40 person payments startup" was told it is a scale-up
    assert read_facts(told).company_stage == stage


@pytest.mark.parametrize(
    ("claimed", "starts"),
    [
        # an agile coach's finds: the first got hiring advice with facts made up for the asker
        ("The article says the $250M company grew revenue by 40 percent, correct?", wording.CLAIM),
        ("it says PMs are mini CEOs?", wording.CLAIM),
        ("The article says PMs run the daily standup, right?", "No, "),
        ("the article says the PO reports to the PM?", "The article never ranks the two roles"),
        ("the article says the PM owns go-to-market, right?", "Yes."),
    ],
)
def test_a_claim_about_the_article_is_checked_never_taken_for_a_hiring_story(
    chat: Chat, claimed: str, starts: str
) -> None:
    reply = chat.reply(claimed)
    assert reply.text.startswith(starts)
    assert reply.recommendation is None and reply.memory.facts is None


def test_quote_the_exact_words_says_how_rolefit_quotes(chat: Chat) -> None:
    # an agile coach's find: "words" matched the words on a pricing page
    assert chat.reply("quote the exact words").text.startswith("I don't quote the article")


@pytest.mark.parametrize(
    ("asked", "starts"),
    [
        # an HR lead's finds, after the advice: a new fact read into a question, "that doesn't
        # change the advice", and the blurb on one person in both roles
        ("do we also need a scrum master?", "The article never mentions Scrum Masters"),
        ("what skills should I screen for?", "What to look for in each hire:"),
        ("what would they do day to day?", "Product Manager (PM):"),
    ],
)
def test_questions_about_the_hire_after_the_advice_are_answered_and_keep_it(
    chat: Chat, asked: str, starts: str
) -> None:
    told = "we are a 120 person fintech, we need someone to own pricing and the go-to-market"
    _, reply = turns(chat, told, asked)
    assert reply.text.startswith(starts)
    assert reply.memory.facts is not None and reply.memory.facts.goal == "build-business"


@pytest.mark.parametrize(
    ("put_right", "stage", "scrum"),
    [
        # an HR lead's finds: each got "that doesn't change the advice" or pushback, and the
        # facts stayed as they were
        ("forget that we run scrum", "scale-up", None),
        ("ignore what I said about scrum, we actually do not run it", "scale-up", False),
        ("actually we are only 15 people", "startup", True),
        ("actually we do not do waterfall, we sort of do agile", "scale-up", True),
    ],
)
def test_facts_put_right_after_the_advice_change_what_is_kept(
    chat: Chat, put_right: str, stage: str, scrum: bool | None
) -> None:
    told = (
        "we're a fintech scale-up. We run Scrum. We can make one hire and need both delivery and "
        "strategy"
    )
    _, reply = turns(chat, told, put_right)
    facts = reply.memory.facts
    assert facts is not None and (facts.company_stage, facts.uses_scrum) == (stage, scrum)
    assert facts.goal == "both"  # what Scrum was said of wants nothing


ADVISED_PM = "we are a 20 person startup, no scrum, we need strategy, one hire"


@pytest.mark.parametrize(
    ("asked", "starts"),
    [
        # a sixth review's finds in f7ff622 and 838a772: each was answered as before them
        ("what does a PO do day to day?", "The article pictures a working day only for"),
        ("what would they do about pricing?", "Most likely the Product Manager."),
        ("what's the bottom line on pricing, who owns it?", "That's clearly work for the"),
        ("which one is it for the backlog, PO or PM?", "That's clearly work for the Product"),
        ("our devs have the skills we need", "That doesn't change the advice."),
    ],
)
def test_after_the_advice_questions_naming_their_own_subject_keep_it(
    chat: Chat, asked: str, starts: str
) -> None:
    _, reply = turns(chat, ADVISED_PM, asked)
    assert reply.text.startswith(starts)


@pytest.mark.parametrize(
    ("said", "scrum"),
    [
        ("scratch that, we do run scrum", True),
        ("don't forget we run scrum", True),
        ("forget what I said about the budget, we run scrum", True),
        ("we run scrum but we don't do it well", True),
        ("ignore what I said about scrum, we actually do not run it", False),
    ],
)
def test_scrum_is_taken_back_only_where_it_is(said: str, scrum: bool) -> None:
    # a sixth review's finds: Scrum said again, or another "it", read as taken back or not run
    assert read_facts(said).uses_scrum is scrum
    assert not scrum_taken_back(said)
    assert scrum_taken_back("forget that we run scrum")


@pytest.mark.parametrize(
    ("told", "stage"),
    [
        ("we are not a startup anymore, 200 people", "scale-up"),
        ("we used to be a startup, now 800 people", "enterprise"),
        ("a 2000 person company with a startup mindset", "enterprise"),
        ("a 20 person enterprise SaaS startup", "startup"),
        ("we run a design workshop every month", None),
    ],
)
def test_a_company_is_not_what_it_no_longer_is_or_only_feels_like(
    told: str, stage: str | None
) -> None:
    assert read_facts(told).company_stage == stage


def test_a_correction_about_clients_does_not_change_the_companys_stage(chat: Chat) -> None:
    for about_others in (
        "actually our biggest client is a 5000 person bank",
        "no wait, our customers are enterprise companies",
    ):
        _, reply = turns(chat, ADVISED_PM, about_others)
        assert reply.memory.facts is not None and reply.memory.facts.company_stage == "startup"


def test_a_claim_checked_after_the_advice_keeps_the_hire(chat: Chat) -> None:
    claimed = "the article says startups should hire a PM first, right?"
    _, checked, again = turns(chat, ADVISED_PM, claimed, "who should we hire?")
    assert checked.text.startswith("No. The article never says which role to hire first")
    assert again.recommendation is not None


@pytest.mark.parametrize(
    ("asked", "starts"),
    [
        ("does the article say PMs earn more than POs?", wording.WORKING_CONDITIONS[:40]),
        ("does the article say anything about POs?", "Yes. Product Owner (PO):"),
        ("cite the section on the backlog", "Most likely the Product Owner."),
        ("it says who owns the backlog?", "That's clearly work for the Product Owner."),
    ],
)
def test_questions_about_the_article_keep_their_answers(
    chat: Chat, asked: str, starts: str
) -> None:
    assert chat.reply(asked).text.startswith(starts)


def test_who_does_not_own_a_list_or_an_unsure_piece_has_no_lead(chat: Chat) -> None:
    for asked in ("who does NOT own sprint planning and pricing?", "who does not need a PO?"):
        assert not chat.reply(asked).text.startswith(("Going by", "As I read"))


@pytest.mark.parametrize(
    ("said", "scrum"),
    [
        # a seventh review's finds in a515a6e: "it" was no longer Scrum said not run
        ("we tried scrum but no longer use it", False),
        ("our CTO loves scrum but we don't use it", False),
        ("scrum? we don't do that", False),
        ("we run scrum; the devs don't use that board", True),
    ],
)
def test_scrum_said_not_run_by_a_pronoun(said: str, scrum: bool) -> None:
    assert read_facts(said).uses_scrum is scrum


@pytest.mark.parametrize(
    "taken_back",
    [
        "forget I said we run scrum",
        "forget the scrum part",
        "never mind the sprints",
        "ignore the scrum thing",
    ],
)
def test_scrum_taken_back_in_other_words(taken_back: str) -> None:
    assert scrum_taken_back(taken_back)


@pytest.mark.parametrize(
    ("put_right", "stage"),
    [
        ("actually it's 2000 employees", "enterprise"),
        ("no wait, the company has 2000 employees", "enterprise"),
        ("actually we\u2019re a 300 person scale-up, our investors want growth", "scale-up"),
    ],
)
def test_the_stage_put_right_in_other_words(chat: Chat, put_right: str, stage: str) -> None:
    _, reply = turns(chat, ADVISED_PM, put_right)
    assert reply.memory.facts is not None and reply.memory.facts.company_stage == stage


@pytest.mark.parametrize(
    "nudge",
    [
        "then?",
        "so, bottom line: PO or PM?",
        "give me the bottom line",
        "what's the bottom line here?",
    ],
)
def test_nudges_after_the_advice_get_it(chat: Chat, nudge: str) -> None:
    _, reply = turns(chat, "we need someone to run sprints and the backlog, we run scrum", nudge)
    assert "Product Owner" in reply.text and "creative team" not in reply.text


@pytest.mark.parametrize(
    "asked", ["what would they do in their first 90 days?", "so what will they work on first?"]
)
def test_what_the_hire_would_do_first_is_the_advised_role(chat: Chat, asked: str) -> None:
    _, reply = turns(chat, "we need someone to run sprints and the backlog, we run scrum", asked)
    assert reply.text.startswith("Product Owner (PO):")


@pytest.mark.parametrize("asked", ["cite your source", "please cite sources"])
def test_asking_for_sources_says_how_rolefit_quotes(chat: Chat, asked: str) -> None:
    assert chat.reply(asked).text.startswith("I don't quote the article")


def test_a_claim_the_article_never_makes_is_never_a_yes(chat: Chat) -> None:
    reply = chat.reply("does the article say one person can be both PO and PM?")
    assert not reply.text.startswith("Yes")
    assert chat.reply("the article says kanban, right?").text.startswith("No.")


def test_a_scrum_master_asked_of_while_a_hiring_question_waits_is_answered(chat: Chat) -> None:
    _, reply = turns(chat, "should we hire a PO or a PM?", "do we also need a scrum master?")
    assert reply.text.startswith("The article never mentions Scrum Masters")
    assert reply.recommendation is None


@pytest.mark.parametrize(
    ("said", "scrum", "goal"),
    [
        # an eighth review's finds in dd55945: each read as before it
        (
            "20 person startup with 6 devs, we run 2-week sprints and need someone for the "
            "backlog; roadmap we do not do that at all yet. Can only hire one.",
            True,
            "deliver-product",
        ),
        ("our PO quit and scrum is falling apart, we need someone", True, "deliver-product"),
        ("we dropped our scrum master and need a PO", True, "deliver-product"),
        (
            "15 person startup, one hire. we need someone to lead our devs doing scrum.",
            True,
            "deliver-product",
        ),
        (
            "12 person startup. We need help, our CEO has sales and strategy under control. What "
            "role should we hire?",
            None,
            None,
        ),
    ],
)
def test_hiring_stories_near_the_new_wordings_read_as_before(
    said: str, scrum: bool | None, goal: str | None
) -> None:
    facts = read_facts(said)
    assert (facts.uses_scrum, facts.goal) == (scrum, goal)
    assert not scrum_taken_back("never mind my typo we do scrum")


@pytest.mark.parametrize(
    "about_others",
    [
        "actually we have a client with 20 employees",
        "actually the team is 8 people",
        "actually the budget is fine, but only one of our teams runs scrum",
    ],
)
def test_a_correction_about_others_or_a_team_keeps_the_company_and_the_hires(
    chat: Chat, about_others: str
) -> None:
    told = "we are a 2000 person enterprise, we need delivery and growth, 2 hires ok"
    _, reply = turns(chat, told, about_others)
    facts = reply.memory.facts
    assert facts is not None and (facts.company_stage, facts.headcount) == ("enterprise", 2)


def test_an_answer_given_with_a_scrum_master_question_is_taken(chat: Chat) -> None:
    _, reply = turns(chat, "should we hire a PO or a PM?", "1, and do we need a scrum master?")
    assert reply.recommendation is not None


def test_a_vague_claim_about_the_article_asks_whether_it_does(chat: Chat) -> None:
    reply = chat.reply("the article says a lot about the backlog, right?")
    assert not reply.text.startswith(wording.CLAIM)


@pytest.mark.parametrize(
    "said",
    [
        # a ninth review's finds in 60405f7: each read as no Scrum before it
        "we tried scrum last year. we don't do it anymore",
        "scrum? no, we don't use it",
        "we were doing scrum but we don't do it anymore",
        "we were running sprints but we no longer do that",
        "we quit scrum last year",
        "we dropped formal scrum a while ago",
    ],
)
def test_scrum_given_up_reads_as_none(said: str) -> None:
    assert read_facts(said).uses_scrum is False


@pytest.mark.parametrize(
    "taken_back",
    [
        "ignore my scrum comment",
        "forget I mentioned scrum",
        "scratch that about scrum",
        "forget that we're doing scrum",
        "disregard my earlier scrum comment",
    ],
)
def test_scrum_taken_back_in_more_words(taken_back: str) -> None:
    assert scrum_taken_back(taken_back)


@pytest.mark.parametrize(
    ("put_right", "stage"),
    [
        ("actually 50 people", "scale-up"),
        ("sorry, 50 person company not 500", "scale-up"),
        ("actually we've got 50 people", "scale-up"),
        ("actually i work for a 50 person startup", "startup"),
        ("actually we are a 50 person startup, our clients are enterprises", "startup"),
        ("actually the hire would work on our biggest account, a bank with 5000 employees", None),
    ],
)
def test_the_stage_put_right_is_the_companys_own(put_right: str, stage: str | None) -> None:
    assert read_correction(put_right).company_stage == stage


def test_under_control_and_managing_devs_read_as_the_teller_means() -> None:
    wanted = read_facts("we need someone to get backlog, sprints under control, one hire")
    assert wanted.goal == "deliver-product"
    told = read_facts("I manage devs doing scrum, we need someone for pricing and sales")
    assert told.goal == "build-business"


def test_a_vague_claim_is_asked_of_the_article(chat: Chat) -> None:
    assert chat.reply("the article says something about pricing, right?").text.startswith("No")
    assert chat.reply("the article says a lot about the backlog, right?").text.startswith("Yes")


def test_the_nth_did_you_mean_choice_can_be_typed(chat: Chat) -> None:
    # a startup CEO's find: "the second one" after the buttons matched nothing
    unsure, second, first = turns(
        chat, "who owns customer stuff", "the second one", "the first one"
    )
    offered = [alternative.title for alternative in unsure.answer.alternatives]  # type: ignore[union-attr]
    assert second.answer is not None and second.answer.question == offered[1]
    assert first.answer is not None and first.answer.question == offered[0]  # the same offer
    _, clear = turns(chat, "who owns the backlog?", "the second one")
    assert clear.text.startswith("My last answer listed nothing")  # no buttons, nothing to count


def test_pushback_naming_the_work_answered_stands_by_the_answer(chat: Chat) -> None:
    # a VP of Product's find: the backlog named as the reason read as a backlog question
    _, pushed = turns(
        chat,
        "Who decides what gets built?",
        "But the PO prioritises the backlog, so the PO decides what gets built. You are wrong.",
    )
    assert pushed.kind == "disagree"
    assert "clearly work for the Product Manager" in pushed.text
    _, other_work = turns(
        chat, "who owns pricing?", "thats wrong, our PO does competitive analysis"
    )
    assert "competitive" in other_work.text.lower()  # other work named: that work answered


def test_several_of_a_role_on_staff_and_adding_one_are_a_hire(chat: Chat) -> None:
    # "4 PMs" was never kept, and "should I add POs?" read as one person holding both roles
    advice, told = turns(
        chat,
        "We have 4 PMs, 40 engineers and two-week sprints. Should I add POs?",
        "what did I tell you?",
    )
    assert advice.intent is Intent.HIRE and [ask.fact for ask in advice.asks] == ["goal"]
    assert "has a Product Manager" in told.text
    assert chat.reply("Should we add product owners?").intent is Intent.HIRE


def test_one_role_said_to_own_shared_work_is_only_partly_right(chat: Chat) -> None:
    assert chat.reply("The article says POs own the roadmap.").text.startswith("Partly.")
    _, po = turns(chat, "who owns the roadmap?", "and the PO?")
    assert po.text.startswith("Partly.")


def test_logistics_is_not_said_to_be_given_to_anyone_by_the_article(chat: Chat) -> None:
    # a logistics founder's find: the article names a logistics manager only in passing
    _, where = turns(chat, "who manages our warehouse?", "why?")
    assert "only in passing" in where.text
    assert "assigns" not in where.text and "gives this to" not in where.text


@pytest.mark.parametrize("again", ["What did you just tell me?", "say that again", "come again?"])
def test_the_last_reply_is_given_again_when_asked(chat: Chat, again: str) -> None:
    listed, repeated = turns(
        chat, "Who does competitive analysis? And who writes user stories?", again
    )
    assert repeated.text == listed.text
    advice, repeated = turns(chat, "we are a 10 person startup, need delivery, we run scrum", again)
    assert repeated.recommendation == advice.recommendation


def test_which_section_exactly_names_the_section(chat: Chat) -> None:
    _, section = turns(chat, "who owns backlog?", "which section exactly?")
    assert "Product Manager vs. Product Owner: Responsibilities" in section.text


def test_shared_work_is_partly_one_roles_only_where_the_article_divides_it(chat: Chat) -> None:
    _, too = turns(
        chat, "who turns customer needs into technical requirements?", "does the PO do that too?"
    )
    assert too.text.startswith("Yes.")  # both do it: the article likens the two
    assert chat.reply("The article says POs own the roadmap.").text.startswith("Partly.")


def test_a_review_of_the_testers_fixes_holds(chat: Chat) -> None:
    # an independent review's finds in the fixes above, each once wrong
    assert chat.reply("should we add PMs to the sprint review?").intent is not Intent.HIRE
    _, roadmap = turns(
        chat,
        "who owns the backlog?",
        "ok maybe I am wrong about the backlog. who owns the roadmap then",
    )
    assert roadmap.kind != "disagree" and "roadmap" in roadmap.text
    syncs = read_facts("we have 2 pm syncs a week with the founders, we need someone to grow")
    assert syncs.existing_roles == ()
    assert read_facts("we have 0 PMs and 3 developers").existing_roles == ()
    _, logistics = turns(chat, "who handles logistics and shipping?", "is that in the article?")
    assert logistics.text.startswith("The article touches on it")
    assert (
        "Miro"
        not in chat.reply(
            "my colleague Miro says the PM writes user stories. who writes them?"
        ).text
    )


def test_tools_are_said_to_be_absent_from_the_article(chat: Chat) -> None:
    board = chat.reply("who owns the Jira board?").text
    assert board.startswith("The article names no tools, Jira included")
    assert "Product Owner" in board
    alone = chat.reply("who owns Productboard?").text
    assert alone.startswith("The article names no tools, Productboard included.")


def test_a_company_that_runs_scrum_wants_no_delivery_for_it() -> None:
    told = read_facts(
        "We are a scale-up that runs Scrum, we already have a product manager, and we need to "
        "grow the business into a new market. Who should we hire?"
    )
    assert (told.goal, told.uses_scrum) == ("build-business", True)
    assert read_facts("we want to become a company that runs scrum").goal == "deliver-product"


def test_what_the_article_says_of_something_is_asked_of_the_article(chat: Chat) -> None:
    sized = chat.reply("we are 25 ppl. is that startup or small business for the article?")
    assert sized.text.startswith("How many product people a company has")
    advice, size, safe = turns(
        chat,
        "we are 25 people, need delivery, one hire, scrum",
        "what does the article say about company size?",
        "what does the article say about SAFe?",
    )
    assert advice.recommendation is not None
    assert size.text.startswith("How many product people a company has")
    assert safe.text.startswith("The article never mentions SAFe")
    assert safe.memory.facts == advice.memory.facts  # the hire is kept


def test_pushback_saying_what_the_article_says_has_that_claim_checked(chat: Chat) -> None:
    # a VP of Product's find: the claim got the canned "a team may split the work another way"
    _, roadmap = turns(
        chat,
        "What is the difference between a PO and a PM?",
        "That is wrong, the article says POs own the roadmap.",
    )
    assert roadmap.text.startswith("Partly.")
    _, technical = turns(
        chat,
        "Does the article say a product manager has to be technical?",
        "That is wrong. It clearly says PMs must be technical content experts.",
    )
    assert "does not have to be an expert" in technical.text
    _, nothing = turns(chat, "who owns pricing?", "that's wrong, it says nothing like that")
    assert nothing.kind == "disagree"


def test_why_not_the_other_role_says_what_the_article_makes_it(chat: Chat) -> None:
    # two testers' find: "why not the PO?" repeated the answer with the matcher's trace
    _, why_not = turns(chat, "who does market research?", "why not the PO?")
    assert why_not.text.startswith("The article makes the Product Owner the Scrum role")
    assert "gives this work to the other role" in why_not.text
    _, shared = turns(chat, "who owns the roadmap?", "why not the PO?")
    assert not shared.text.startswith("The article makes")  # the PO has a side of it


def test_the_nth_of_two_pieces_answered_whole_is_that_piece(chat: Chat) -> None:
    # a founder's find: both pieces the PO's, answered as one, and "the second one" matched nothing
    whole, second, first = turns(
        chat,
        "who is responsible for user stories and sprint planning?",
        "what about the second one?",
        "and the first?",
    )
    assert whole.answer is not None and not whole.answer.parts
    assert second.answer is not None and second.answer.question == "sprint planning"
    assert first.answer is not None and first.answer.question == "user stories"


def test_an_idea_named_by_the_articles_own_names_is_checked_after_another(chat: Chat) -> None:
    # a founder's find: after "what did McKinsey say?" the false premise got the role comparison
    _, premise = turns(
        chat,
        "what did McKinsey say?",
        "McKinsey says product owner is training ground for future CEOs, yes?",
    )
    assert premise.text.startswith("The article says this of the Product Manager, not")


def test_so_who_and_final_answer_give_the_advice_or_the_last_answer(chat: Chat) -> None:
    # a founder's find: "so who?" after the advice was put right matched no work
    advice, _, final = turns(
        chat,
        "we are a 10 person startup, need delivery, scrum",
        "who owns pricing?",
        "ok so final answer?",
    )
    assert final.recommendation == advice.recommendation  # not "the creative team"
    assert not final.text.startswith("That doesn't change")
    pricing, again = turns(chat, "who owns pricing?", "so who?")
    assert again.text == pricing.text


def test_a_scrum_masters_questions_are_read_as_asked(chat: Chat) -> None:
    # a Scrum Master's finds: each was answered as something else
    doubled = chat.reply("can the product owner also be the scrum master?").text
    assert "Scrum Master" in doubled and "one person holding both titles" not in doubled
    line = chat.reply("what is the reporting line for a product manager?").text
    assert line.startswith("The article never ranks the two roles")
    assert "stand-up" not in chat.reply("who talks to customers on the daily?").text


def test_sprint_work_the_article_never_names_says_what_scrum_itself_does(chat: Chat) -> None:
    backlog = chat.reply("who owns the sprint backlog?").text
    assert "In Scrum the developers own the Sprint Backlog" in backlog
    assert "never mentions a sprint backlog" in backlog
    assert "Sprint Goal" not in chat.reply("who sets the product goal?").text


def test_what_would_change_the_advice_says_what_it_rests_on(chat: Chat) -> None:
    # a Scrum Master's find: it got "that doesn't change the advice"
    _, changes = turns(
        chat, "we are a 10 person startup, need delivery, scrum", "what would change your mind?"
    )
    assert changes.text.startswith("The advice rests on this:")
    assert "Scrum" in changes.text and changes.facts is not None


@pytest.mark.parametrize(
    ("said", "role"),
    [
        ("We've already got a Product Manager.", "product-manager"),
        ("Our Product Manager, Sarah, handles strategy.", "product-manager"),
        ("We've already got a Product Owner.", "product-owner"),
    ],
)
def test_a_role_on_staff_said_in_everyday_words_is_on_staff(
    chat: Chat, said: str, role: str
) -> None:
    # found by a hiring tester: the PM on staff was missed, and a PM advised with no word of it
    assert read_facts(said).existing_roles == (role,)
    advice = chat.reply(f"{said} We need go-to-market help. One hire. Who should we hire?")
    assert advice.facts is not None and advice.facts.existing_roles == (role,)
    assert read_facts("our po, dana, does the backlog").existing_roles == ("product-owner",)
    # a review's finds: a PM to come, or hoped for, is no PM on staff
    for not_there in (
        "we need our pm to handle pricing",
        "our PM does not exist yet, we need one",
        "our PM, ideally, owns strategy",
        "ok so our PM runs the go-to-market plan",
    ):
        assert read_facts(not_there).existing_roles == (), not_there


def test_someone_wanted_for_strategy_is_a_business_need_and_a_non_profit_is_no_goal() -> None:
    # found by a hiring tester: "our CEO wants someone to own strategy" read as the CEO owning
    # it (a Product Owner advised, "you want the product delivered"), and a non-profit as profit
    wanted = read_facts("Our CEO wants someone to own strategy. We use Scrum.")
    assert wanted.goal == "build-business"
    assert read_facts("our ceo owns strategy, we run scrum").goal == "deliver-product"
    knows = "our CEO owns strategy, so we need someone who knows our business to run the sprints"
    assert read_facts(knows).goal == "deliver-product"  # a review's find: "both"
    assert read_facts("We're a non-profit. One hire.").goal is None
    assert read_facts("we need profit growth").goal == "build-business"


def test_a_review_of_the_founder_and_hiring_testers_fixes_holds(chat: Chat) -> None:
    # a second review's finds in the fixes above, each once wrong
    for no_scrum in (
        "we do no scrum at all",
        "we run no sprints",
        "we don't do scrum, we do sprints",
    ):
        assert read_facts(no_scrum).uses_scrum is False, no_scrum
    assert read_facts("our PM handles strategy.").existing_roles == ("product-manager",)
    assert read_facts("our PM, Sarah, just quit.").existing_roles == ()
    assert read_vacated("our PM, Sarah, just quit.") == ("product-manager",)
    _, combined = turns(chat, "should we hire a PO or a PM?", "can one person do both")
    assert combined.intent == "combine"  # a question of its own, though without "?"
    _, how = turns(
        chat, "should we hire a PO or a PM?", "how do I know if my PO is doing a good job?"
    )
    assert not how.text.startswith("It's the article's first question")
    _, covered = turns(
        chat,
        "We're a 12-person startup, one Scrum team. We need someone to run the backlog. One "
        "hire. Who should we hire?",
        "actually it's growth we need, our CTO also handles delivery",
    )
    assert covered.recommendation is not None
    assert covered.recommendation.recommendation == "product-manager"
    _, noted = turns(
        chat, "we're 8 people, one hire. can one person do both?", "we dont use scrum at all"
    )
    assert noted.kind == "fact" and noted.memory.facts is not None
    assert noted.memory.facts.headcount == 1 and noted.memory.facts.uses_scrum is False
    # and a third review's, in those fixes
    for runs in (
        "we're doing scrum, but sales doesn't use sprints",
        "we run a scrum process, marketing doesn't use scrum",
    ):
        assert read_facts(runs).uses_scrum is True, runs
    for planned in (
        "ideally, our PM owns strategy and our PO runs the backlog",
        "The plan: our PO runs the backlog, and later our PM owns pricing.",
    ):
        assert read_facts(planned).existing_roles == (), planned
    _, afford = turns(chat, "We're a 12-person startup. Who should we hire?", "can only afford one")
    assert afford.intent == "hire" and afford.facts is not None and afford.facts.headcount == 1
    _, _, waits = turns(
        chat,
        "We're a 12-person startup. Who should we hire?",
        "can one person do both?",
        "we don't use scrum at all",
    )
    assert waits.intent == "hire" and waits.asks  # the hiring question still waits
    _, tell = turns(
        chat, "We're a 12-person startup. Who should we hire?", "how can I tell which one we need?"
    )
    assert tell.text.startswith("It's the article's first question")
    assert "manufacturer case" in chat.reply("what were the results of the case?").text
    people = "what does the article say about the PM and the PO - is the PM also a people manager?"
    assert "one person holding both titles" not in chat.reply(people).text


def test_a_second_review_of_the_testers_fixes_holds(chat: Chat) -> None:
    # an independent review's finds in the fixes above, each once wrong
    _, looped = turns(
        chat, "who owns the backlog?", "that's not true, the article says the PO is wrong for this"
    )
    assert looped.kind == "disagree"  # it recursed without end
    assert chat.reply("who owns churn in a small business?").answer is not None
    assert read_facts("we have 1 PM and 12 devs").existing_roles == ("product-manager",)
    _, totally = turns(
        chat,
        "who decides what gets built?",
        "the PO prioritises the backlog, so the PO decides what gets built. you're totally wrong",
    )
    assert totally.kind == "disagree"
    _, why_not = turns(chat, "who owns pricing?", "why not the PO?")
    assert "nothing in it gives them this work" in why_not.text
    assert chat.reply("we have 4 PMs. should I add POs to the team?").intent is Intent.HIRE
    assert "OKRs do not appear" in chat.reply("what does the article say about OKRs?").text
    assert chat.reply("does the article mention OKRs?").text.startswith("No,")
    assert read_facts("we want to turn into a company that runs sprints").goal == "deliver-product"
    assert "Miro included" in chat.reply("who owns the miro board?").text


def test_whether_one_person_may_hold_both_is_answered_neither(chat: Chat) -> None:
    # a VP of Product's find: the same blurb twice, then "yes or no?" started the questionnaire
    first, fine, yes_or_no = turns(
        chat,
        "My PMs currently act as POs too. Is that a problem according to the article?",
        "So the article is fine with it?",
        "That's not an answer. Yes or no?",
    )
    for reply in (first, fine, yes_or_no):
        assert reply.text.startswith("Neither, going by the article")
    _, unrelated = turns(chat, "who owns pricing?", "is that ok?")
    assert not unrelated.text.startswith("Neither")
    assert chat.reply("I want to add product owners.").intent is Intent.HIRE


def test_interview_questions_are_questions_and_follow_the_role_asked(chat: Chat) -> None:
    # a Scrum Master's find: the interview reply was the role card, and "for a PO instead?"
    # got "that doesn't change the advice"
    _, questions, instead = turns(
        chat,
        "we need someone to grow the business: market research, go to market, pricing. who "
        "should we hire?",
        "what interview questions should I ask?",
        "what about for a product owner instead?",
    )
    assert "Tell me about your experience with market research" in questions.text
    assert "Outside the article" in questions.text
    assert "Tell me about your experience with writing user stories" in instead.text


def test_a_third_review_of_the_testers_fixes_holds(chat: Chat) -> None:
    # an independent review's finds in the fixes above, each once wrong
    assert read_facts("I run a startup that uses scrum. PO or PM?").goal is None
    assert read_facts("we have 1 pm standup every day").existing_roles == ()
    assert chat.reply("who needs to be a savant?").text.startswith(
        "The Product Manager as a savant"
    )
    refinement = chat.reply("should we add POs to the backlog refinement sessions?")
    assert refinement.intent is not Intent.HIRE
    compared = chat.reply("PO vs PM according to the scrum guide?").text
    assert "Product Manager (PM):" in compared
    junior = chat.reply("does a junior PM need to be technical?").text
    assert junior.startswith("The Product Manager need not be a technical expert")
    both = chat.reply("can one person be the PO and the PM? our scrum master wants to").text
    assert "one person holding both titles" in both
    _, grown = turns(
        chat,
        "we are a 10 person startup running scrum, need someone to run the backlog and sprints. "
        "who should we hire?",
        "what would change the answer if we grew to 200 people?",
    )
    assert not grown.text.startswith("The advice rests on this")  # re-advised on 200 people
    _, checked = turns(
        chat,
        "who owns the backlog?",
        "that's wrong, the article says the PM owns the backlog, so you are wrong",
    )
    assert checked.text.startswith("Not the Product Manager.")
    *_, which = turns(
        chat,
        "we are a 10 person startup, need delivery, scrum",
        "who owns customer stuff?",
        "so which one?",
    )
    assert which.recommendation is None  # the last answer again, not the advice


@pytest.mark.parametrize(
    "asked",
    [
        "Does the article say anything about a Head of Product or VP of Product role?",
        "does the article mention a CPO?",
        "the article says the CPO owns the roadmap, right?",
    ],
)
def test_product_leaders_titles_are_said_to_be_absent_from_the_article(
    chat: Chat, asked: str
) -> None:
    # a VP of Product's find: "does it mention a CPO?" got "Yes. It's in the article's section"
    assert chat.reply(asked).text.startswith("No. The article names only two product roles")


def test_a_first_time_founders_messages_are_read_as_meant(chat: Chat) -> None:
    # a first-time founder's finds: each got an answer about something else
    cto = chat.reply("my CTO wants to be the product owner, is that ok?").text
    assert cto.startswith("The article doesn't say whether your CTO can also be the Product Owner")
    noted, advice = turns(
        chat,
        "we dont use scrum at all",
        "we need someone to deliver the product, the app is half built",
    )
    assert noted.text.startswith("Noted: your team doesn't run Scrum")
    assert "Your team doesn't run Scrum" in advice.text  # weighed against the PO
    _, which = turns(chat, "we launched the app 6 months ago", "given all that, PO or PM?")
    assert which.intent is Intent.HIRE
    assert (
        read_facts("actually our investor just gave us more money, we can hire two now").goal
        is None
    )


def test_a_fourth_review_of_the_testers_fixes_holds(chat: Chat) -> None:
    # an independent review's finds in the fixes above, each once wrong
    _, backlog = turns(
        chat, "can one person be both the PO and the PM?", "is it ok if the PM owns the backlog?"
    )
    assert not backlog.text.startswith("Neither")  # not the one-person-in-both yes or no
    assert chat.reply("we have 4 PMs. should I add POs to our scrum teams?").intent is Intent.HIRE
    *_, later = turns(
        chat,
        "we have a growth problem: market research, go to market, pricing. who should we hire?",
        "what interview questions should I ask?",
        "ok",
        "so a PO then?",
    )
    assert "Tell me about your experience" not in later.text  # the draft was two turns ago
    *_, option = turns(
        chat,
        "we are a 10 person startup, who should we hire?",
        "who owns the roadmap?",
        "the first one",
    )
    assert option.recommendation is not None  # the hiring question's first option
    _, first = turns(chat, "who owns pricing and margins?", "the first one")
    assert first.answer is not None and first.answer.question == "pricing"
    assert read_facts("we have 1 PM on staff").existing_roles == ("product-manager",)
    wished = read_facts("we want to transition to a company that runs sprints")
    assert wished.goal == "deliver-product"
    assert chat.reply("is a PM like a VP?").text.startswith("The article never ranks the two roles")
    _, rests = turns(
        chat,
        "we are a 10 person startup, need delivery, scrum",
        "what would change your mind here?",
    )
    assert rests.text.startswith("The advice rests on this:")


def test_a_beginners_questions_get_what_the_article_says(chat: Chat) -> None:
    # a first-time founder's finds, each once answered with something else
    same = chat.reply("is a scrum master the same as a product owner?").text
    assert same.startswith("The article never mentions Scrum Masters")
    _, others = turns(chat, "PO or PM?", "no idea, what do most startups do?")
    assert others.text.startswith("It's the article's first question for any product hire")
    assert chat.reply("ok so what should I do first?").text.startswith(
        "Going by the article, first"
    )
    hire_first = "does the article say startups should always hire a product manager first?"
    assert chat.reply(hire_first).intent is not Intent.HIRE
    assert chat.reply("does the article say who to hire?").text.startswith("Yes, that's the")
    order = chat.reply("does the article say which one to hire first?").text
    assert order.startswith("No. The article never says which role to hire first")
    project = chat.reply("whats the difference between a project manager and a product manager?")
    assert "Product Manager (PM):" in project.text


def test_a_founder_mistaking_the_po_for_the_owner_is_told_otherwise(chat: Chat) -> None:
    # a first-time founder's finds: the PO read as the product's owner, HIPAA unlabelled
    owner = chat.reply("is the product owner the person who owns the product, like me as founder?")
    assert owner.text.startswith("No, despite the name.")
    hipaa = chat.reply("we need to deal with HIPAA and regulators. who owns that?").text
    assert hipaa.startswith("Outside the article, that's usually work for legal")


def test_a_fifth_review_of_the_testers_fixes_holds(chat: Chat) -> None:
    # an independent review's finds in the fixes above, each once wrong
    tomorrow = read_facts(
        "we have 1 pm tomorrow blocked for interviews, we want to build a business"
    )
    assert tomorrow.existing_roles == ()
    assert read_facts("we need someone to help us make more money").goal == "build-business"
    assert read_facts("I just moved to a startup that runs scrum").goal is None
    hiring = chat.reply("does the article say who is responsible for hiring?").text
    assert not hiring.startswith("Yes")
    start = chat.reply("does the article say who to hire when you first start out?").text
    assert start.startswith("Yes, that's the article's own question")
    *_, nothing = turns(chat, "we dont use scrum at all", "who owns the backlog?", "the first one")
    assert nothing.text.startswith("My last answer listed nothing")  # no hiring question asked
    _, heading = turns(chat, "who owns research and competitive analysis?", "the first one")
    assert heading.text.startswith("My last answer listed nothing")  # one heading of the article
    assert "Product Manager (PM):" not in chat.reply("what does a project manager do?").text
    boss = chat.reply("our CTO wants to be the PO's boss").text
    assert boss.startswith("The article never ranks the two roles")
    both = chat.reply("can one person be both PO and PM, yes or no?").text
    assert both.startswith("Neither, going by the article")


def test_a_sixth_review_of_the_testers_fixes_holds(chat: Chat) -> None:
    # an independent review's finds in the fixes above, each once wrong
    backlog = chat.reply("is the PO the one who owns the product backlog?").text
    assert backlog.startswith("That's clearly work for the Product Owner")
    we_should = chat.reply("does the article say who we should hire?").text
    assert we_should.startswith("Yes, that's the article's own question")
    assert read_facts("we have 1 PM working on it").existing_roles == ("product-manager",)
    assert read_facts("our devs earn more money than a PO would").goal is None
    separate = chat.reply("are the PO and PM separate roles, yes or no?").text
    assert not separate.startswith("Neither")
    reports = chat.reply("what reports does a PM prepare?").text
    assert "Product Owner (PO):" not in reports
    structure = chat.reply("what's the PO's reporting structure?").text
    assert structure.startswith("The article never ranks the two roles")
    _, second = turns(chat, "who owns the go-to-market plan and pricing?", "and the second one?")
    assert second.answer is not None and second.answer.question == "pricing"
    _, heading = turns(chat, "who owns research and competitive analysis?", "the first one")
    assert heading.text.startswith("My last answer listed nothing")
    same = chat.reply("is a PM the same as a project manager?").text
    assert "Product Manager (PM):" in same
    boss = chat.reply("can our CTO be the PO's boss?").text
    assert boss.startswith("The article never ranks the two roles")
    assert read_facts("we plan to grow to a company that runs scrum").goal == "deliver-product"


def test_a_seventh_review_of_the_testers_fixes_holds(chat: Chat) -> None:
    # an independent review's finds in the fixes above, each once wrong
    founder = chat.reply("product owner means the founder, right?").text
    assert founder.startswith("No, despite the name.")
    either = chat.reply("is the PO the person who owns the product or is that the founder?").text
    assert either.startswith("No, despite the name.")
    new_to = read_facts("I am new to a startup that runs scrum. should we hire a PO or a PM?")
    assert new_to.goal is None
    assert read_facts("we have 1 pm retro on fridays").existing_roles == ()
    assert read_facts("we need to bring in more money").goal == "build-business"
    assert read_facts("our devs earn good money").goal is None
    takes_over = chat.reply("can our CTO take over the product manager's responsibilities?").text
    assert takes_over.startswith("The article doesn't say whether your CTO can also be")
    scrum_master = chat.reply("is a project manager the same as a scrum master?").text
    assert "Product Manager (PM):" not in scrum_master
    combined = chat.reply("can my PO also be our PM, yes or no?").text
    assert combined.startswith("Neither, going by the article")
    coo = chat.reply("what's the difference between a PO and a PM? our dev team reports to the COO")
    assert not coo.text.startswith("The article never ranks")
    assert chat.reply("what's the PM's reporting hierarchy?").text.startswith("The article never")


def test_an_eighth_review_of_the_testers_fixes_holds(chat: Chat) -> None:
    # an independent review's finds in the fixes above, each once wrong
    fundraising = chat.reply("hiring a PO means the founder can focus on fundraising, right?").text
    assert not fundraising.startswith("No, despite the name")
    stories = chat.reply("product owner means the owner of the user stories?").text
    assert not stories.startswith("No, despite the name")
    backlog = chat.reply("is the product owner the one who owns the product's backlog?").text
    assert backlog.startswith("That's clearly work for the Product Owner")
    assert read_facts("we have 1 PM so far and want to grow revenue").existing_roles == (
        "product-manager",
    )
    assert read_facts("our goal is to make good money from the app").goal == "build-business"
    assert read_facts("our designers earn more money than our devs").goal is None
    reports = chat.reply("PO vs PM, who reports to who?").text
    assert reports.startswith("The article never ranks the two roles")
    developer = chat.reply("can our PM also be a developer, yes or no?").text
    assert not developer.startswith("Neither")
    just = chat.reply("is a PM just a project manager?").text
    assert "Product Manager (PM):" in just
    project = chat.reply("what does a project manager (PM) do?").text
    assert "Product Manager (PM):" not in project


def test_hostile_pushback_and_counting_in_nothing_are_answered(chat: Chat) -> None:
    # a crash hunt's finds: "the last one" after one piece of work raised IndexError; a claim
    # padded with stops before "you are wrong" backtracked for seconds; a wall of spaces too
    _, last = turns(chat, "who owns the roadmap?", "the last one")
    assert last.text.startswith("My last answer listed nothing")
    _, listed_last = turns(chat, "who owns the go-to-market plan and pricing?", "the last one")
    assert listed_last.answer is not None and listed_last.answer.question == "pricing"
    padded = "that is wrong, the article says" + " ," * 450 + " PMs own it, so you are wrong"
    _, pushed = turns(chat, "who owns pricing?", padded)
    assert pushed.kind == "disagree"
    _, spaces = turns(chat, "who owns the roadmap?", " " * 4000)
    assert spaces.text


@pytest.mark.parametrize(
    "asked",
    [
        "TC range?",
        "pay range for PO?",
        "what TC should we offer a PO",
        # a founder's: "the PM" (by cost-cutting with suppliers), and "clear: hire a PM"
        "ok but whats cheaper a po or pm",
        "which one costs less to hire, a po or a pm?",
        "is it cheaper to hire a PO than a PM?",
        "which would cost us less, a PO or a PM?",
    ],
)
def test_pay_asked_as_a_range_or_total_compensation_is_not_in_the_article(
    chat: Chat, asked: str
) -> None:
    # a recruiter's find: "TC range?" got the product line's strategy ("range"), and "pay range
    # for PO?" a PM's work
    assert chat.reply(asked).text == wording.WORKING_CONDITIONS


def test_work_the_article_never_names_is_not_said_to_be_in_it_for_an_idea_sharing_a_word(
    chat: Chat,
) -> None:
    # an agile coach's find: "does the article mention the sprint goal?" got "Yes. The product
    # goal: …"
    sprint_goal = chat.reply("does the article mention the sprint goal?").text
    assert sprint_goal.startswith("No,") and "never mentions a sprint goal" in sprint_goal
    assert chat.reply("does the article mention the product goal?").text.startswith("Yes.")


def test_the_increment_is_never_said_to_be_the_articles(chat: Chat) -> None:
    # an agile coach's find: "who owns the increment?" got "clearly work for the Product Owner",
    # though the article never mentions the Increment
    owned, asked = turns(chat, "who owns the increment?", "is that in the article?")
    assert owned.text.startswith("Most likely the Product Owner. The article doesn't name this")
    assert asked.text.startswith("No, not in so many words.")


@pytest.mark.parametrize(
    ("asked", "job"),
    [("is the tech lead the PO?", "tech lead"), ("is our CTO the PM?", "CTO")],
)
def test_another_job_asked_as_the_role_is_not_in_the_article(
    chat: Chat, asked: str, job: str
) -> None:
    # an agile coach's find: "is the tech lead the PO?" got "Most likely the Product Manager"
    assert chat.reply(asked).text.startswith(f"The article doesn't say whether your {job} can")


@pytest.mark.parametrize("run", [",", " ", "\n", ", ", "-", "?!"])
def test_a_message_padded_with_a_long_run_is_read_as_its_words(chat: Chat, run: str) -> None:
    # a security tester's find: 40,000 commas (or spaces, or line breaks) held the event loop
    # for 19 s, as one pattern backtracked through the run (now each run is read as a few)
    padded = "who owns " + run * (40_000 // len(run)) + " pricing?"
    assert len(bounded(padded)) <= 30
    assert chat.reply(padded).text == chat.reply("who owns pricing?").text


def test_a_message_longer_than_slack_advises_is_read_by_its_opening_and_its_end() -> None:
    pasted = "notes from our offsite. " * 2000 + "so who owns pricing?"
    read = bounded(pasted)
    assert len(read) <= MOST_READ + 3
    assert read.startswith("notes from our offsite.") and read.endswith("so who owns pricing?")


@pytest.mark.parametrize(
    "asked", ["start the questionnaire", "run the full questionnaire", "full questionnaire pls"]
)
def test_asking_for_the_questionnaire_starts_the_hiring_questions(chat: Chat, asked: str) -> None:
    # a recruiter's find: "run the full questionnaire" got security work, "full questionnaire
    # pls" a greeting
    assert chat.reply(asked).text.startswith("Happy to help you choose.")
    assert chat.reply("who owns the security questionnaire?").intent is Intent.OWNERSHIP


@pytest.mark.parametrize(
    ("asked", "card"),
    [
        ("what does the article list as the PO's responsibilities?", "Product Owner (PO):"),
        ("list the PO's responsibilities", "Product Owner (PO):"),
        ("list the product manager's duties according to the article", "Product Manager (PM):"),
        ("what does the article say the PM does?", "Product Manager (PM):"),
    ],
)
def test_a_roles_duties_asked_as_a_list_get_the_role(chat: Chat, asked: str, card: str) -> None:
    # an agile coach's find: these got "The article doesn't explain that" or no match
    assert chat.reply(asked).text.startswith(card)


def test_bounding_a_message_keeps_its_line_breaks_and_what_its_runs_end_on() -> None:
    # a review's finds: trailing spaces before each line of a list, or "?????????" before a
    # second question, lost the line breaks, so only one piece was answered
    assert bounded("Pricing" + " " * 12 + "\nBacklog") == "Pricing" + " " * 8 + "\nBacklog"
    assert bounded("who owns pricing?????????\nwho owns the backlog?").count("\n") == 1
    assert bounded("x" + "\n" * 40 + "y") == "x\n\ny"
    assert bounded("a" + ",," * 20 + " b").endswith(", b")  # the run still ends on its space


def test_a_list_with_trailing_spaces_is_still_answered_piece_by_piece(chat: Chat) -> None:
    padded = "\n".join(f"{piece}{' ' * 10}" for piece in ("Pricing", "Backlog", "Roadmap"))
    listed = chat.reply(f"{padded}\nwho owns these")
    assert listed.answer is not None and len(listed.answer.parts) == 3


@pytest.mark.parametrize(
    ("asked", "opening"),
    [
        ("is the CEO the PMs boss?", "The article never ranks the two roles"),
        ("is a project manager a PM?", "A note first: here PM means Product Manager."),
        ("who decides what tc we offer candidates?", "Outside the article"),
        ("does the article mention technology roadmaps?", "Yes. Technology roadmaps"),
        ("does the article mention tech roadmaps?", "Yes. Technology roadmaps"),
    ],
)
def test_what_this_sessions_patterns_must_not_take(chat: Chat, asked: str, opening: str) -> None:
    # a review's finds: the new "is X the role?", pay and "not in so many words" readings took
    # ranking, terminology, a who-decides question and ideas the article names
    assert chat.reply(asked).text.startswith(opening)


def test_after_the_advice_passing_it_on_and_setting_the_roles_side_by_side(chat: Chat) -> None:
    # a recruiter's finds: "what do i tell the ceo" got McKinsey's line on future CEOs, and
    # "which one does more strategy" was read as a need and turned the advice round
    advice, told, compared, again = turns(
        chat,
        "we have 3 scrum teams and need someone for the backlog. one hire. PO or PM?",
        "ok so what do i tell the ceo",
        "which one does more strategy",
        "so who do we hire?",
    )
    assert advice.recommendation is not None
    assert told.text.startswith("In short, for the CEO: RoleFit advises hiring a Product Owner.")
    assert compared.text.startswith("That's clearly work for the Product Manager.")
    assert again.recommendation is not None
    assert again.recommendation.recommendation == advice.recommendation.recommendation


@pytest.mark.parametrize(
    "asked",
    [
        "which one is more useful for a two person startup?",
        "which one is more relevant when the company has no product-market fit yet?",
        "what do I tell my manager about sprint planning?",
        "I need to explain to my boss why we need a PM, not a PO",
    ],
)
def test_after_the_advice_a_fact_or_a_topic_is_not_taken_for_passing_it_on_or_comparing(
    chat: Chat, asked: str
) -> None:
    # a second review's finds: these dropped what the person had said of the hire (a fresh
    # conversation), or got a summary for the CEO that ignored what followed
    advice, said, again = turns(
        chat,
        "we have 3 scrum teams and need someone for the backlog. one hire. PO or PM?",
        asked,
        "so whom do we hire?",
    )
    assert not said.text.startswith(("In short, for", "Happy to help you choose"))
    assert advice.recommendation is not None and again.recommendation is not None


@pytest.mark.parametrize(
    ("asked", "opening"),
    [
        ("survey?", "That's clearly work for the Product Manager."),
        ("is our project manager also our PO?", "The article doesn't say whether your project"),
        ("so what tc should we offer a PM?", wording.WORKING_CONDITIONS[:40]),
    ],
)
def test_what_the_second_reviews_patterns_must_still_read(
    chat: Chat, asked: str, opening: str
) -> None:
    assert chat.reply(asked).text.startswith(opening)


@pytest.mark.parametrize(
    ("asked", "owners", "about"),
    [
        (
            "who owns the backlog? actually never mind that, who owns the go-to-market plan?",
            ["product-manager"],
            "go-to-market",
        ),
        (
            "who owns sprint planning - no wait, I mean the quarterly planning meeting with the "
            "exec team where we review revenue",
            ["product-manager"],
            "quarterly",
        ),
        ("who writes the user stories, sorry I meant pricing", ["product-manager"], "pricing"),
    ],
)
def test_a_question_taken_back_in_its_own_message_gets_the_one_asked_instead(
    chat: Chat, asked: str, owners: list[str], about: str
) -> None:
    # an ops lead tester's find: the question taken back was the one answered
    reply = chat.reply(asked)
    assert reply.answer is not None and reply.answer.owners == owners
    assert about in reply.answer.question.lower()


@pytest.mark.parametrize(
    ("asked", "starts"),
    [
        ("who owns pricing? never mind the backlog", "Most likely the Product Manager"),
        # a review's finds: a clarification, a condition, "I meant to ask" took the question back
        (
            "who should we hire first? I meant for a 10 person startup that needs growth",
            "RoleFit's advice is clear: hire a Product Manager.",
        ),
        ("who owns the backlog? forget it if the article does not say", "That's clearly"),
        ("Who owns the go-to-market plan? Never mind it if you're not sure", "That's clearly"),
        ("who's responsible for pricing? I meant to ask this yesterday", "Most likely"),
    ],
)
def test_a_message_taking_nothing_back_is_answered_whole(
    chat: Chat, asked: str, starts: str
) -> None:
    assert chat.reply(asked).text.startswith(starts)


@pytest.mark.parametrize("again", ["and the second one again, why?", "the second one again?"])
def test_a_piece_pointed_to_again_with_why_is_that_piece_answered(chat: Chat, again: str) -> None:
    # an ops lead tester's find: "the second one again, why?" gave the first piece's reason
    _, second = turns(
        chat,
        "ok three things: who owns pricing, who owns the backlog, and who does competitor "
        "research?",
        again,
    )
    assert second.answer is not None and second.answer.owners == ["product-owner"]
    assert "backlog" in second.text


def test_work_ranked_first_in_a_correction_leaves_the_other_work_wanted(chat: Chat) -> None:
    # an ops lead tester's find: "the backlog is the most important part" dropped the
    # go-to-market, research and pricing told, and advised a PO "clearly"
    _, ranked = turns(
        chat,
        "we need someone to own the backlog and the go-to-market plan and competitor research "
        "and pricing. one hire. who?",
        "thats wrong, the backlog is the most important part for us",
    )
    assert ranked.facts is not None and "pm-go-to-market" in ranked.facts.needs
    assert ranked.recommendation is not None and ranked.recommendation.confidence < CLEARLY
    assert "Not covered by this hire: Go-to-market plan" in ranked.text
    # Scrum was never told: the close call is not said to be tipped by it
    assert "Scrum your team runs" not in ranked.text


@pytest.mark.parametrize(
    "set_aside",
    [
        "actually its growth we need. delivery isnt our main focus",
        "actually its growth we need - our priority is the business side",
    ],
)
def test_a_side_set_aside_in_ranking_words_takes_its_work_with_it(
    chat: Chat, set_aside: str
) -> None:
    # a review's find: ranking words kept the delivery work the person had just set aside
    _, reply = turns(
        chat,
        "we need someone to own the backlog, user stories and the go-to-market plan. one hire, "
        "20 person startup. who?",
        set_aside,
    )
    assert reply.facts is not None and "po-backlog" not in reply.facts.needs


@pytest.mark.parametrize(
    "asked",
    [
        "does the article say anything about hardware companies specifically?",
        "what does the article say about hardware companies?",
    ],
)
def test_hardware_companies_get_what_the_article_says_that_bears_on_them(
    chat: Chat, asked: str
) -> None:
    # an ops lead tester's find: "I can't find that in the article", though its one example is
    # an engineering and manufacturing company
    reply = chat.reply(asked)
    assert "engineering and manufacturing company" in reply.text
    assert "no part on hardware companies as such" in reply.text


def test_asking_whether_the_article_says_anything_about_a_topic_is_no_claim(chat: Chat) -> None:
    # an ops lead tester's find: "…say anything about hardware companies?" was told its answer
    # was there "to check the claim against"
    assert chat.reply("does the article say anything about scrum?").text.startswith("Yes.")
    assert chat.reply("does the article say that agile is dead?").text.startswith(wording.CLAIM)


def test_margins_of_a_hardware_company_are_no_it_request(chat: Chat) -> None:
    # an ops lead tester's find: "hardware" in the story made it IT's work
    reply = chat.reply(
        "We're a 40 person hardware startup and the margins on our v2 device are awful. who "
        "should own fixing that?"
    )
    assert reply.answer is not None and reply.answer.outside_owner != "IT"
    assert "margins" in reply.text


@pytest.mark.parametrize("asked", ["roles", "show me the roles", "the roles please"])
def test_the_roles_asked_for_by_name_are_shown_side_by_side(chat: Chat, asked: str) -> None:
    # a VP Engineering tester's find: "roles" in a DM started the hiring questions
    reply = chat.reply(asked)
    assert reply.intent is Intent.COMPARE and reply.text.startswith("Product Owner (PO):")


@pytest.mark.parametrize(
    ("asked", "title"),
    [
        ("is a technical product manager a PO or a PM?", "technical product manager"),
        ("should we hire a growth PM or a regular PM?", "growth PM"),
        ("what title should we give them, head of product or VP product?", "head of product"),
    ],
)
def test_a_title_the_article_never_uses_is_said_to_be_so(
    chat: Chat, asked: str, title: str
) -> None:
    # an ops lead tester's find: a growth PM was advised on, a technical PM compared, as if the
    # article named them
    reply = chat.reply(asked)
    assert reply.text.startswith(f"The article never uses the title “{title}”")


@pytest.mark.parametrize(
    "asked",
    ["our product lead is swamped, who owns pricing?", "we have a data PM, who owns the backlog?"],
)
def test_a_title_only_mentioned_gets_no_note(chat: Chat, asked: str) -> None:
    # a review's find: the note came before answers that only mention the title
    assert "never uses the title" not in chat.reply(asked).text


def test_a_title_the_article_is_asked_about_is_not_said_twice(chat: Chat) -> None:
    reply = chat.reply("does the article mention a VP of product?")
    assert reply.text.startswith("No. The article names only two product roles")


def test_why_not_the_other_role_is_answered_after_the_reasons_were_told(chat: Chat) -> None:
    # an ops lead tester's find: after "are you sure?", "why not the product owner?" got
    # "That's all the article gives me"
    *_, why_not = turns(
        chat,
        "who writes the go-to-market plan?",
        "are you sure?",
        "ok but why not the product owner?",
    )
    assert why_not.text.startswith("The article makes the Product Owner")


def test_whether_one_person_does_both_put_again_to_be_confirmed_is_answered_as_such(
    chat: Chat,
) -> None:
    # an ops lead tester's find: it started the hiring questions, then "are you sure?" got a
    # canned line about teaching RoleFit
    _, again, sure = turns(
        chat,
        "can one person be both the PO and the PM at a small company?",
        "but you said earlier startups hire one product person, so that person does both right?",
        "are you sure?",
    )
    assert again.intent is Intent.COMBINE and again.text == wording.COMBINED_YES_OR_NO
    assert sure.text == wording.COMBINED_SURE


@pytest.mark.parametrize(
    ("then", "starts"),
    [
        # a review's finds: "both" of two pieces of work, pushback, a size, a bare "no"
        (
            "ok. we are a 10 person startup, we need someone to handle both the backlog and "
            "pricing. who should we hire?",
            "Happy to help you choose. How many product people",
        ),
        ("who does both market research and user stories?", "Those are separate pieces"),
        ("that is wrong", "Thanks for pushing back. Going by the article"),
        (
            "and at 300 people, one person could still do both, right?",
            "The article gives no head count, but it says large companies",
        ),
        ("no", "The article treats them as two distinct roles"),
    ],
)
def test_after_whether_one_person_can_be_both_each_follow_up_is_read_as_itself(
    chat: Chat, then: str, starts: str
) -> None:
    _, reply = turns(chat, "can one person be both the PO and the PM at a small company?", then)
    assert reply.text.startswith(starts)


def test_credentials_asked_while_hiring_get_what_the_article_says_and_the_hire_goes_on(
    chat: Chat,
) -> None:
    # an ops lead tester's find: asked after the hiring question, "years of experience" was
    # "outside what I know", though asked first it was answered
    _, asked = turns(chat, "who should we hire?", "how many years of experience should they have?")
    assert "says nothing about years of experience" in asked.text
    assert asked.memory is not None and asked.memory.facts is not None


def test_a_third_why_names_the_work_not_the_follow_up_it_was_asked_in(chat: Chat) -> None:
    # a VP Engineering tester's find: "That's all the article gives me on “and the backlog”"
    *_, again = turns(chat, "and the backlog?", "why?", "are you sure?")
    assert "gives me on “Managing and ordering the product backlog”" in again.text


@pytest.mark.parametrize(
    "told",
    [
        "she talks to customers. do we even need a PO or a PM?",
        "our CEO currently does all the product stuff. she talks to customers, sets the roadmap "
        "and the engineers just build. do we even need a PO or a PM?",
    ],
)
def test_work_someone_on_staff_does_now_is_no_goal_for_the_hire(chat: Chat, told: str) -> None:
    # an ops lead tester's find: "she talks to customers" made the advice "clear: hire a PM",
    # "you want to build a business"
    reply = chat.reply(told)
    assert reply.facts is not None and reply.facts.goal is None and reply.facts.needs == ()
    assert "What is the hire mostly for?" in reply.text


def test_work_the_hire_would_do_is_still_wanted(chat: Chat) -> None:
    reply = chat.reply("we need someone who talks to customers. PO or PM?")
    assert reply.facts is not None and reply.facts.goal == "build-business"


def test_the_order_things_get_built_in_is_the_product_owners_after_what_gets_built(
    chat: Chat,
) -> None:
    # a CTO tester's find: the follow-up repeated the PM's "what gets built", word for word (a
    # third review's: taking the phrase back to spare purchase orders brought it back)
    what, order = turns(
        chat, "who decides what gets built?", "and who decides the order it gets built in?"
    )
    assert what.answer is not None and what.answer.owners == ["product-manager"]
    assert order.answer is not None and order.answer.owners == ["product-owner"]
    # purchase orders for parts are the PM's supply side, not the build's order
    parts = chat.reply("who places purchase orders for the parts we build with?")
    assert parts.answer is not None and parts.answer.owners == ["product-manager"]


@pytest.mark.parametrize(
    "which", ["is that more PO or PM?", "so which one is it?", "PO or PM then?"]
)
def test_which_role_the_work_just_answered_is_asked_again_gets_its_owner(
    chat: Chat, which: str
) -> None:
    # a CTO tester's find: it got the two roles side by side, the work forgotten
    _, again = turns(chat, "who does customer interviews?", which)
    assert again.answer is not None and again.answer.owners == ["product-manager"]


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        ("who owns the backlog?", "Clearly: 100 out of 100. The article names this work"),
        ("who writes the epics?", "The article does not name this work itself"),
    ],
)
def test_how_sure_rolefit_is_is_said_in_words_and_out_of_100(
    chat: Chat, asked: str, said: str
) -> None:
    # a CTO tester's find: "how confident are you?" got the answer again, with matching notes
    _, sure = turns(chat, asked, "how confident are you?")
    assert said in sure.text and "How I read it" not in sure.text


def test_a_second_pm_asked_about_while_hiring_is_a_hiring_question(chat: Chat) -> None:
    # a CTO tester's find: "That's outside what I know: … whom to hire"
    _, second = turns(chat, "should I hire a PO or a PM?", "should it be a second PM instead?")
    assert second.intent is Intent.HIRE


def test_an_engineering_manager_named_as_a_choice_is_no_work(chat: Chat) -> None:
    # a review's find: "EM" written out read "the engineering" as a piece of work
    reply = chat.reply("who owns the backlog, the EM or the PO?")
    assert reply.text.startswith("That's clearly work for the Product Owner")
    # … while "EMs" taking the role is another job taking it (a third review's find)
    assert (
        "whether your EMs can also be the Product Owner"
        in chat.reply("should our EMs be POs?").text
    )
    # … but "em" for "them" is no job (a fourth review's find)
    assert "your EM" not in chat.reply("we have 3 devs, can one of em be the PO?").text


def test_a_team_telling_who_does_the_work_today_is_not_thanked_for_pushing_back(
    chat: Chat,
) -> None:
    # a CTO tester's find: "our engineering managers write them today. is that wrong?" got
    # "Thanks for pushing back"
    _, told = turns(
        chat,
        "who writes user stories?",
        "our engineering managers write them today. is that wrong?",
    )
    assert told.text.startswith("The article says what each role is for")


@pytest.mark.parametrize(
    ("asked", "owners"),
    [
        # a second review's finds: "forget that" and "who should own" took nothing back
        ("who owns pricing? actually forget that, who owns the backlog?", ["product-owner"]),
        ("who should own pricing? scratch that, who owns the backlog?", ["product-owner"]),
        # a third review's finds: nothing taken back
        ("who owns pricing? don't forget it, we are a startup", ["product-manager"]),
        ("who should own pricing? I meant at a startup", ["product-manager"]),
        # a fourth review's finds: a new question opening on "for" or "as in" is still one
        ("who owns the backlog? never mind, for pricing who?", ["product-manager"]),
        ("who owns the backlog? sorry i meant for the pricing", ["product-manager"]),
    ],
)
def test_a_retraction_in_other_words_takes_the_question_back(
    chat: Chat, asked: str, owners: list[str]
) -> None:
    reply = chat.reply(asked)
    assert reply.answer is not None and reply.answer.owners == owners


def test_ranking_work_first_keeps_the_rest_whatever_else_the_message_denies(chat: Chat) -> None:
    # a second review's find: "since we don't have anyone on it" read as setting a side aside
    told = (
        "we're a 10 person startup running scrum, we need someone for the backlog, sprints and "
        "pricing. who should we hire?"
    )
    *_, ranked = turns(
        chat, told, "one", "actually pricing matters most since we don't have anyone on it"
    )
    assert ranked.facts is not None and "po-backlog" in ranked.facts.needs
    # a third review's find: the work ranked below, named as not wanted, goes
    *_, aside = turns(
        chat, told, "one", "actually pricing is the most important part, not the backlog"
    )
    assert aside.facts is not None and "po-backlog" not in aside.facts.needs
    # a fourth review's find: "but not the only thing" set nothing aside
    *_, kept = turns(
        chat,
        told,
        "one",
        "actually pricing is the most important part for us, but not the only thing",
    )
    assert kept.facts is not None and "po-backlog" in kept.facts.needs


def test_a_bare_name_after_an_answer_is_asked_as_work_not_as_a_platform(chat: Chat) -> None:
    # a second review's find: "and the API?" after pricing was "the same there"
    _, api = turns(chat, "who owns pricing?", "and the API?")
    assert not api.text.startswith("The article doesn't split the work by product")


@pytest.mark.parametrize(
    ("asked", "noted"),
    [
        ("should we hire a growth PM, or a regular PM?", True),
        ("should we hire a technical PM? we're 30 people.", True),
        # a third review's finds: a title offered as the one who might do it, or on staff
        ("who owns pricing, the growth PM or the PO?", True),
        ("our product lead is swamped. should we hire a PO or a PM?", False),
    ],
)
def test_a_title_asked_about_in_any_clause_gets_the_note(
    chat: Chat, asked: str, noted: bool
) -> None:
    assert ("The article never uses the title" in chat.reply(asked).text) is noted


@pytest.mark.parametrize(
    ("then", "said"),
    [
        ("so they'd cover both, no?", wording.COMBINED_YES_OR_NO),
        ("are you sure about that?", wording.COMBINED_SURE),
    ],
)
def test_whether_one_can_be_both_confirmed_or_doubted_in_other_words(
    chat: Chat, then: str, said: str
) -> None:
    _, reply = turns(chat, "can one person be both PO and PM?", then)
    assert reply.text == said


def test_whether_work_should_be_a_roles_job_is_no_hiring_question(chat: Chat) -> None:
    # a second review's find: "should that be the PM's job instead?" read as a hire
    _, job = turns(chat, "who writes user stories?", "should that be the PM's job instead?")
    assert job.intent is not Intent.HIRE and "How I read it" not in job.text


def test_how_sure_says_no_level_where_no_owner_was_found(chat: Chat) -> None:
    # a second review's find: "Clearly: about 94 out of 100. No work … matched it well."
    _, sure = turns(chat, "who does the OKRs?", "how confident are you?")
    assert "Clearly" not in sure.text


def test_someone_said_to_do_the_work_is_pushback_not_a_correction(chat: Chat) -> None:
    _, pushed = turns(
        chat, "who handles the financial analysis?", "no, our CFO does that, not the PM"
    )
    assert pushed.intent == Intent.FEEDBACK and pushed.text.startswith("Thanks for pushing back")
    _, meant = turns(chat, "who owns pricing?", "not pricing, the backlog")
    assert meant.intent == Intent.OWNERSHIP and meant.owners == ["product-owner"]


@pytest.mark.parametrize(
    ("asked", "starts"),
    [
        # a Scrum coach tester's find: answered "most likely the Product Owner", as if the PM
        # were kept out; "join" had read as hiring
        (
            "should the product manager attend sprint planning?",
            "The article doesn't say whether the Product Manager attends or takes part. That's "
            "clearly work for the Product Owner.",
        ),
        ("should the PO attend sprint planning?", "Yes. That's clearly work for the Product Owner"),
        (
            "does the PM join the sprint review?",
            "The article doesn't say whether the Product Manager attends or takes part. The "
            "article doesn't say whose work this is",
        ),
    ],
)
def test_whether_a_role_takes_part_in_work_is_not_read_as_whose_it_is(
    chat: Chat, asked: str, starts: str
) -> None:
    assert chat.reply(asked).text.startswith(starts)


def test_a_follow_up_asking_of_another_part_of_the_work_before_is_answered(chat: Chat) -> None:
    # a Scrum coach tester's find: "I couldn't match that"
    _, order = turns(chat, "who decides what gets built?", "and who decides in what order?")
    assert order.owners == ["product-owner"]
    _, payroll = turns(chat, "who owns the backlog?", "and who does payroll?")
    assert payroll.owners == []  # work of its own, not more of the backlog
    _, payroll = turns(chat, "who does market research here", "hmm and payroll? 😅")
    assert payroll.owners == [] and payroll.answer is not None
    assert payroll.answer.outside_owner == "finance or HR"


@pytest.mark.parametrize(
    ("asked", "then"),
    [
        # a Scrum coach tester's finds: "clearly the PO" with no word of SAFe, and "outside
        # what I know" for a question about the PO
        ("in SAFe, who owns the program backlog?", "That's clearly work for the Product Owner"),
        ("so what is a PO in SAFe according to the article?", "Product Owner (PO):"),
        ("what does the article say about SAFe?", ""),
        ("we use LeSS, who owns the backlog?", "That's clearly work for the Product Owner"),
    ],
)
def test_scaled_frameworks_are_said_to_be_outside_the_article(
    chat: Chat, asked: str, then: str
) -> None:
    reply = chat.reply(asked)
    assert reply.text.startswith("The article never mentions") and then in reply.text
    assert "I can't find that" not in reply.text and "outside what I know" not in reply.text


@pytest.mark.parametrize(
    "asked", ["is it safe to hire a PO first?", "we have less time, who owns the backlog?"]
)
def test_the_everyday_words_safe_and_less_name_no_framework(chat: Chat, asked: str) -> None:
    assert "never mentions" not in chat.reply(asked).text


@pytest.mark.parametrize(
    "said",
    [
        "PO is same as scrum master?",  # a founder tester's: "doesn't say whose work this is"
        "PM same as scrum master?",
    ],
)
def test_a_role_set_against_a_scrum_master_without_a_verb(chat: Chat, said: str) -> None:
    assert chat.reply(said).text.startswith("The article never mentions Scrum Masters")


def test_doubt_while_a_hiring_question_waits_says_why_it_is_asked(chat: Chat) -> None:
    # a founder tester's find: "are you sure?" got the reply to pushback on an answer
    _, sure = turns(chat, "should i hire PO or PM?", "are you sure?")
    assert sure.text.startswith("Yes. It's the article's first question")
    assert sure.memory.facts is not None and sure.memory.facts.missing() == "goal"


def test_whether_a_product_person_is_needed_at_all_gets_what_the_article_says(
    chat: Chat,
) -> None:
    *_, needed = turns(chat, "we are 8 people, should we hire a PM?", "do we even need one?")
    assert needed.text.startswith(wording.NEEDS_ONE_YET)


# A first review's finds in the fixes above, each both ways.


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("we want to introduce a light scrum, who should we hire?", "deliver-product"),
        ("we need some kind of scrum, PO or PM?", "deliver-product"),
        ("we need scrum-lite, who should we hire?", "deliver-product"),
        ("we struggle with marketing, PO or PM?", "build-business"),
        ("we have trouble with sales and marketing. who should we hire?", "build-business"),
        ("we need to grow the team, PO or PM?", None),
        ("we need to grow the business, PO or PM?", "build-business"),
        # a COO's: the delivery said fine was counted as a need, and the advice a close call
        (
            "the teams are fine on delivery, what we lack is GTM and pricing strategy",
            "build-business",
        ),
        ("We're a 200-person B2B marketplace. Two product teams, 2-week sprints.", None),
        # (the sprints' length is how the team works: what the hire is for is asked)
        ("We have 4 PMs, 40 engineers and two-week sprints. Should I add POs?", None),
        ("3 scrum teams with no backlog ownership, and no one doing competitive analysis", "both"),
    ],
)
def test_the_goal_a_story_wants_is_read_as_said(said: str, goal: str | None) -> None:
    assert read_facts(said).goal == goal


@pytest.mark.parametrize(
    "said",
    ["we're 12 people and plan to be 300 people next year", "we had 300 people, now we're 20"],
)
def test_a_size_planned_or_past_is_not_the_companys_size(said: str) -> None:
    assert read_facts(said).company_stage != "enterprise"


@pytest.mark.parametrize(
    ("asked", "counts"),
    [
        ("one PO per team is what we have, now we need strategy. PO or PM?", False),
        ("1 PO per team, 3 teams, and we need growth. PO or PM?", False),
        ("should every team have its own PO?", True),
        ("can one PO cover 3 teams?", True),
        ("is one PO per team enough?", True),
        ("how many POs for 5 teams?", True),
    ],
)
def test_how_many_product_owners_is_asked_not_told(chat: Chat, asked: str, counts: bool) -> None:
    assert (chat.reply(asked).text == wording.POS_PER_TEAM) == counts


@pytest.mark.parametrize(
    ("asked", "pay"),
    [
        ("what does it cost to hire a PO?", True),  # had been advice to hire a PM
        ("how much does hiring a PM cost?", True),
        ("how much is a PM per year in the US?", True),
        ("how much budget should we set aside for a product manager?", True),
        ("which one is more expensive to get wrong, the backlog or pricing?", False),
    ],
)
def test_what_a_hire_costs_is_outside_the_article(chat: Chat, asked: str, pay: bool) -> None:
    assert (chat.reply(asked).text == wording.WORKING_CONDITIONS) == pay


@pytest.mark.parametrize(
    ("asked", "pushback"),
    [
        ("no, the CTO, not the PO", "who owns the backlog?"),
        ("no, the CFO does pricing, not the PM", "who owns pricing?"),
    ],
)
def test_someone_named_instead_of_a_role_is_pushback(chat: Chat, asked: str, pushback: str) -> None:
    first, reply = turns(chat, pushback, asked)
    assert reply.intent == Intent.FEEDBACK and reply.text.startswith("Thanks for pushing back")
    assert reply.memory.question == first.memory.question  # what was asked stays asked


# A second review's finds in the fixes above, each both ways.


@pytest.mark.parametrize(
    ("asked", "described"),
    [
        ("what is a PO in SAFe?", "Product Owner (PO):"),
        ("what is the PO in LeSS?", "Product Owner (PO):"),
        ("we use the spotify model, who owns the backlog?", "the Spotify model"),
    ],
)
def test_a_role_asked_of_in_a_scaled_framework_is_described(
    chat: Chat, asked: str, described: str
) -> None:
    reply = chat.reply(asked)
    assert reply.text.startswith("The article never mentions") and described in reply.text


@pytest.mark.parametrize(
    "said",
    ["we just raised a SAFE round, should we hire a PM or PO?", "who runs the Scrum of Scrums?"],
)
def test_a_safe_round_and_scrum_of_scrums_name_no_framework(chat: Chat, said: str) -> None:
    assert "never mentions" not in chat.reply(said).text


@pytest.mark.parametrize(
    "said", ["our PM is Le Du", "who is José de la Cruz?", "what about de la Rosa?"]
)
def test_names_from_other_languages_are_no_other_language(chat: Chat, said: str) -> None:
    assert chat.reply(said).text != wording.ENGLISH_ONLY


@pytest.mark.parametrize(
    ("first", "then"),
    [
        # corrections naming work: answered as such, not taken for pushback
        ("who owns the backlog?", "no, we meant the roadmap, not the backlog"),
        ("who owns pricing?", "no, the finance team budget, not pricing"),
    ],
)
def test_corrections_naming_work_are_not_pushback(chat: Chat, first: str, then: str) -> None:
    _, reply = turns(chat, first, then)
    assert reply.text.startswith("Got it, about that work:")


def test_what_if_we_had_a_size_is_supposed(chat: Chat) -> None:
    told = "we're a 25 person startup, we run scrum and need delivery. who do we hire?"
    _, supposed = turns(chat, told, "what if we had 300 people?")
    assert supposed.text.startswith(wording.SUPPOSED) and "enterprise" in supposed.text


@pytest.mark.parametrize(
    "said", ["we expect to be 300 people next year", "we used to have 300 employees"]
)
def test_sizes_expected_or_past_are_not_the_companys(said: str) -> None:
    assert read_facts(said).company_stage != "enterprise"


def test_growing_a_team_is_neither_sides_goal() -> None:
    assert read_facts("we need to grow our dev team, PM or PO?").goal is None


@pytest.mark.parametrize(
    ("asked", "pay"),
    [
        ("how much budget for the PM's go-to-market plan?", False),
        ("how much should we budget for a product owner?", True),
        ("what budget do we need for a PM?", True),
    ],
)
def test_a_budget_for_a_hire_is_pay_and_for_work_is_work(chat: Chat, asked: str, pay: bool) -> None:
    assert (chat.reply(asked).text == wording.WORKING_CONDITIONS) == pay


@pytest.mark.parametrize(
    "asked",
    [
        "is one PO enough for 3 teams?",
        "one PO for 3 teams, ok?",
        "how many teams per PO?",
        "does every team need a PO?",
    ],
)
def test_teams_per_product_owner_asked_any_way(chat: Chat, asked: str) -> None:
    assert chat.reply(asked).text == wording.POS_PER_TEAM


def test_in_what_order_after_what_gets_built_is_the_ordering(chat: Chat) -> None:
    _, order = turns(chat, "who decides what gets built?", "and in what order?")
    assert order.owners == ["product-owner"]
    _, mobile = turns(chat, "who decides what gets built?", "what about for mobile?")
    assert mobile.text.startswith(wording.SAME_ANYWHERE)


@pytest.mark.parametrize("asked", ["do we even need one yet?", "do we even need one? we're 3 devs"])
def test_whether_one_is_needed_yet_gets_what_the_article_says(chat: Chat, asked: str) -> None:
    assert chat.reply(asked).text.startswith(wording.NEEDS_ONE_YET)


@pytest.mark.parametrize("said", ["is PO same as scrum master?", "scrum master is same as PO?"])
def test_more_ways_of_setting_a_role_against_a_scrum_master(chat: Chat, said: str) -> None:
    assert chat.reply(said).text.startswith("The article never mentions Scrum Masters")


def test_asked_what_a_role_does_about_some_work_it_says_whose_work_that_is(chat: Chat) -> None:
    reply = chat.reply("what does a PM do about pricing?")
    assert reply.text.startswith("Most likely the Product Manager.")


@pytest.mark.parametrize(
    ("explained", "asked", "starts"),
    [
        # a tester's find: "it" was not the product goal, and the PM came out
        (
            "what's a product goal",
            "who communicates it",
            "That's clearly work for the Product Owner",
        ),
        ("what are user stories", "who writes them", "That's clearly work for the Product Owner"),
        # a reviewer's finds: "it" after a concept had read "executes" as the C-suite
        (
            "what's the product backlog?",
            "who executes it?",
            "That's clearly work for the Product Owner",
        ),
        (
            "what is the product web?",
            "who maintains it?",
            "That's clearly work for the Product Manager",
        ),
    ],
)
def test_after_a_concept_a_question_about_it_asks_about_the_concept(
    chat: Chat, explained: str, asked: str, starts: str
) -> None:
    _, reply = turns(chat, explained, asked)
    assert reply.text.startswith(starts)


def test_so_alone_is_no_thank_you(chat: Chat) -> None:
    # a CEO tester's find: "so?" while a hiring question waited got "You're welcome!"
    _, _, _, nudged = turns(
        chat,
        "should i hire a PO or a PM",
        "delivering the product",
        "we want to grow revenue, sales are flat",
        "so?",
    )
    assert "How many product people can you hire now?" in nudged.text
    assert chat.reply("thank you so much").text == "You're welcome!"


@pytest.mark.parametrize(
    "said",
    [
        # a reviewer's finds: Scrum's own ceremonies, or sprints said to drag, are not "no Scrum"
        "we run sprints and want to ship faster instead of sprints dragging on. who to hire?",
        "we run sprints instead of scrum ceremonies. should we hire a PO?",
        "we moved away from waterfall to scrum",
        "we are switching from kanban to scrum",
    ],
)
def test_scrum_named_after_instead_of_but_not_alone_still_runs(said: str) -> None:
    assert read_facts(said).uses_scrum is True


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("what does a PO do? the investors asked", "Product Owner (PO): "),
        ("what does a product manager actually do? our CEO is skeptical", "Product Manager (PM): "),
        ("what exactly does a PM do? I'm new here", "Product Manager (PM): "),
    ],
)
def test_a_role_asked_beside_sentences_that_only_tell_why_is_described(
    chat: Chat, text: str, role: str
) -> None:
    assert chat.reply(text).text.startswith(role)


def test_asked_what_a_role_does_about_the_other_roles_work_says_not_theirs_first(
    chat: Chat,
) -> None:
    reply = chat.reply("what does a PM do about the release?")
    assert reply.text.startswith("Probably not the Product Manager. Most likely the Product Owner.")


def test_told_no_scrum_in_answer_to_the_goal_question_says_what_that_means(chat: Chat) -> None:
    # an agency admin tester's find: "Thanks." and the same question, the "no Scrum" unheard
    _, told = turns(
        chat,
        "We are a 60-person digital agency. Do we need a PO or a PM?",
        "We build websites and apps for clients, no Scrum.",
    )
    assert told.text.startswith("The article's Product Owner is a Scrum role")
    assert "What is the hire mostly for?" in told.text


@pytest.mark.parametrize("asked", ["what if we hire neither?", "should we just hire neither?"])
def test_hiring_neither_gets_what_the_article_says_of_a_first_product_hire(
    chat: Chat, asked: str
) -> None:
    # a CEO tester's find: the question asked back as if nothing had been said
    assert chat.reply(asked).text.startswith(
        "The article doesn't say when a company needs its first product person."
    )


def test_why_leads_with_the_reasons_not_the_answer_again(chat: Chat) -> None:
    # a CEO tester's find: "why?" said the answer again, then the matching twice over
    answer, why = turns(chat, "who owns the backlog?", "why?")
    assert why.text.startswith("Why the Product Owner: Managing the product backlog heads")
    assert answer.text not in why.text and why.text.count("Managing and ordering") == 1


@pytest.mark.parametrize(
    ("asked", "claim", "starts"),
    [
        # a sceptical VP's finds: "Yes." to the reason, the claim itself unanswered
        (
            "who does go-to-market planning?",
            "the PO does it since the PO represents stakeholders, right?",
            "Not the Product Owner. That's clearly work for the Product Manager.",
        ),
        (
            "who owns the backlog?",
            "the PM leads the product team during development, so the PM manages the backlog, "
            "right?",
            "Not the Product Manager. That's clearly work for the Product Owner.",
        ),
        (
            "who owns the roadmap",
            "the article says PO helps the team stay aligned with the roadmap. so PO owns it "
            "right?",
            "Partly. Most likely the Product Owner and the Product Manager",
        ),
        (
            "who writes user stories?",
            "the PO writes them because the PO manages the backlog, right?",
            "Yes. That's clearly work for the Product Owner.",
        ),
        # a third review's finds: "as" is no reason, "so … can" says what for
        (
            "who owns the backlog?",
            "the PO serves as the stakeholders' representative, right?",
            "Yes. That's clearly work for the Product Owner.",
        ),
        (
            "who owns pricing?",
            "the PM serves as the scrum backlog manager, right?",
            "Probably not the Product Manager.",
        ),
        (
            "who does go-to-market?",
            "the PO owns the go-to-market plan so the PM can do strategy, right?",
            "That's clearly work for the Product Manager. Creating the go-to-market plan",
        ),
        (
            "who manages the backlog?",
            "the PM leads the team, therefore the PM owns it, right?",
            "Not the Product Manager.",
        ),
    ],
)
def test_a_claim_is_checked_apart_from_the_reasons_given_for_it(
    chat: Chat, asked: str, claim: str, starts: str
) -> None:
    _, checked = turns(chat, asked, claim)
    assert checked.text.startswith(starts)


def test_work_the_article_names_in_other_words_is_not_said_to_be_named(chat: Chat) -> None:
    # a sceptical VP's find: "Yes." to whether the article mentions PRDs, which it never names
    _, named = turns(chat, "who writes PRDs?", "so the article mentions PRDs?")
    assert named.text.startswith("Not by that name, but the work is in the article's section")
    assert chat.reply("does the article mention user stories?").text.startswith("Yes.")


@pytest.mark.parametrize(
    "said",
    [
        # a reviewer's finds: learning from Scrum is no leaving it
        "we get a lot of value from scrum, do we need a PO?",
        "our developers come from scrum and love it. who should we hire?",
    ],
)
def test_what_scrum_gave_a_team_is_no_saying_it_runs_none(said: str) -> None:
    assert read_facts(said).uses_scrum is not False


def test_a_role_asked_beside_a_sentence_telling_clear_work_answers_with_it(chat: Chat) -> None:
    # a reviewer's find: the context had been dropped for the plain role card
    reply = chat.reply("what does a PM do? we are a hardware company with lots of suppliers.")
    assert reply.text.startswith("Hardware and manufacturing companies")


@pytest.mark.parametrize("size", ["team size is 8", "we r 8 ppl only", "we are 5 people"])
def test_a_teams_size_told_while_hires_are_asked_is_no_count_of_hires(
    chat: Chat, size: str
) -> None:
    # an edtech founder's find: "team size is 8" made it "clear: hire both"
    _, _, told = turns(chat, "whom to hire first", "both", size)
    assert told.recommendation is None
    assert "How many product people can you hire now?" in told.text


@pytest.mark.parametrize(
    ("asked", "starts"),
    [
        # an edtech founder's finds
        ("what is the diffrence between po and pm in simple words", "Product Owner (PO): "),
        ("what is c-suite", "The C-suite: "),
        ("c suite means what", "The C-suite: "),
        ("what is the training ground for CEOs?", "Product management as a training ground"),
    ],
)
def test_a_mistyped_difference_and_the_c_suite_are_explained(
    chat: Chat, asked: str, starts: str
) -> None:
    assert chat.reply(asked).text.startswith(starts)


@pytest.mark.parametrize(
    "claim",
    [
        # a sceptical VP's find: "What is the hire mostly for?" or the sizes, never a "No"
        "the article says startups should always hire a PM first, right?",
        "does the article say startups should hire a PM first?",
    ],
)
def test_a_claim_that_the_article_orders_the_hires_gets_a_no(chat: Chat, claim: str) -> None:
    assert chat.reply(claim).text.startswith("No. The article never says which role to hire first")


def test_a_bare_no_after_an_answer_is_pushback_on_it(chat: Chat) -> None:
    # a sceptical VP's find: "no" was read as work named "no", and the answer forgotten
    _, no = turns(chat, "who writes user stories?", "no")
    assert no.kind == "disagree" and "Product Owner" in no.text
    _, _, waiting = turns(chat, "should we hire a PO or PM?", "we do scrum", "no")
    assert waiting.intent is Intent.HIRE  # an answer to the question waiting, as before


@pytest.mark.parametrize(
    ("asked", "starts"),
    [
        ("does the article mention revenue?", "Yes."),
        ("does the article mention PRDs?", "Not by that name"),
        (
            "the article says POs own the go-to-market plan that sales uses",
            "Not the Product Owner.",
        ),
    ],
)
def test_what_the_article_names_is_told_by_its_name(chat: Chat, asked: str, starts: str) -> None:
    assert chat.reply(asked).text.startswith(starts)


def test_why_of_an_unsure_answer_keeps_it_unsure(chat: Chat) -> None:
    answer, why = turns(chat, "who investigates the cause of churn?", "why?")
    assert answer.text.startswith("I'm not sure") and why.text.startswith("I'm not sure")


@pytest.mark.parametrize(
    "said", ["we switched from scrum last year, PO or PM?", "we migrated from sprints recently"]
)
def test_a_team_that_left_scrum_runs_none(said: str) -> None:
    assert read_facts(said).uses_scrum is False


@pytest.mark.parametrize(
    "said",
    [
        # a fourth review's finds: Scrum named after "from" that is no leaving it
        "we are a 6 person team; the request came from scrum of scrums. who should we hire?",
        "we moved from sprints of two weeks to one-week sprints. who should we hire?",
        "our dev lead came from scrum and loves it, we run two-week sprints. PO or PM?",
    ],
)
def test_scrum_named_after_from_is_still_run(said: str) -> None:
    assert read_facts(said).uses_scrum is True


def test_a_team_of_three_or_more_is_its_size_and_a_team_of_two_may_be_hires(chat: Chat) -> None:
    _, _, sized = turns(chat, "we run scrum, who should we hire?", "both", "we are a team of 8")
    assert sized.recommendation is None
    _, _, two = turns(chat, "whom to hire first", "both", "a team of two, one PO and one PM")
    assert two.recommendation is not None
    assert two.recommendation.recommendation == "both"


def test_pushback_on_an_idea_explained_stands_by_what_the_article_says(chat: Chat) -> None:
    # a sceptical VP's find: the note on teaching RoleFit a team's split, as if it had given way
    _, pushed = turns(
        chat,
        "the article cites McKinsey saying POs are the training ground for CEOs",
        "no, I am sure it was about POs",
    )
    assert pushed.text.startswith("I've checked it again, and this is what the article says:")
    assert "/rolefit teach" not in pushed.text
    _, meant = turns(chat, "what is a user story?", "no, I meant the product goal")
    assert meant.text.startswith("The product goal:")


@pytest.mark.parametrize(
    ("asked", "job"),
    [
        # a recruiter's find: "Yes." and the PM's C-suite meetings, for a job never named
        ("Does the article say anything about business analysts at all?", "business analysts"),
        ("does the article mention engineering managers?", "engineering managers"),
    ],
)
def test_a_job_the_article_never_names_is_said_to_be_missing(
    chat: Chat, asked: str, job: str
) -> None:
    assert chat.reply(asked).text.startswith(f"No. The article never mentions {job}.")


def test_a_bare_no_after_an_idea_explained_stands_by_it(chat: Chat) -> None:
    _, no = turns(chat, "what is a product goal?", "no")
    assert no.text.startswith("I've checked it again")


@pytest.mark.parametrize(
    ("asked", "answer"),
    [
        # an agile coach's finds: "clearly work for the Product Owner", of the PM too
        ("is the product owner a scrum role?", wording.SCRUM_ROLE),
        ("is the PO part of scrum?", wording.SCRUM_ROLE),
        ("is the PM a scrum role?", wording.NOT_SCRUM_ROLE),
        ("isn't the PM also a scrum role?", wording.NOT_SCRUM_ROLE),
        ("does the PM belong to scrum?", wording.NOT_SCRUM_ROLE),
    ],
)
def test_whether_a_role_is_scrums_is_answered_from_the_article(
    chat: Chat, asked: str, answer: str
) -> None:
    assert chat.reply(asked).text == answer
    # (what it rests on is kept: a second review found "does the article say that?" lost)
    assert turns(chat, asked, "does the article say that?")[1].text.startswith("I don't quote")
    assert "rests on the article's section" in turns(chat, asked, "source?")[1].text
    both = chat.reply("is product owner a scrum thing and product manager a business thing?")
    assert both.intent is Intent.COMPARE


def test_asked_if_the_article_says_one_person_can_be_both_it_says_what_it_does_say(
    chat: Chat,
) -> None:
    # an agile coach's find: "I don't quote the article word for word…", where the answer before
    # had said what the article does and does not say
    _, said = turns(chat, "can one person be both PO and PM?", "does the article say that?")
    assert said.text == wording.COMBINE_SOURCE


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        # an agile coach's finds: "who else?" got "I couldn't match that…"
        ("who owns the product backlog?", "The article gives it to the Product Owner alone,"),
        ("who owns pricing?", "The article doesn't name that work; going by it, it's the Product"),
        ("who runs the retro?", "The article names no one for that work. Outside it, that usually"),
    ],
)
def test_who_else_after_an_answer_says_whom_the_article_names(
    chat: Chat, asked: str, said: str
) -> None:
    for follow_up in ("who else?", "anyone else involved?", "and who else is involved in it?"):
        assert turns(chat, asked, follow_up)[1].text.startswith(said)
    # (after no work found, nothing to say who else does)
    assert not turns(chat, "who owns the zorblax?", "who else?")[1].text.startswith("The article")


@pytest.mark.parametrize(
    ("first", "other", "described"),
    [
        # a founder's finds: "The article doesn't explain that." and "I couldn't match that…"
        ("what does a product manager do", "and the other one?", "Product Owner (PO):"),
        ("who owns the backlog", "and the other one, what does she do", "Product Manager (PM):"),
        # (after work answered, "the other one?" asks whether that role owns it)
        ("who owns the backlog", "and the other one?", "Not the Product Manager."),
    ],
)
def test_the_other_one_after_a_role_describes_the_other_role(
    chat: Chat, first: str, other: str, described: str
) -> None:
    assert turns(chat, first, other)[1].text.startswith(described)


@pytest.mark.parametrize(
    "mistyped", ["prodcut owner vs prodcut manager", "porduct owner vs product manger?"]
)
def test_the_roles_names_mistyped_in_a_hurry_are_read_as_the_roles(
    chat: Chat, mistyped: str
) -> None:
    assert chat.reply(mistyped).intent is Intent.COMPARE  # a founder's: "outside what I know"


@pytest.mark.parametrize(
    "pushback", ["that's wrong, user stories are PO work", "that's wrong, it's the PO's job"]
)
def test_pushback_naming_the_role_answered_is_agreed_with(chat: Chat, pushback: str) -> None:
    # a COO's find: "Thanks for pushing back. I wasn't certain either." to someone agreeing
    _, agreed = turns(chat, "who writes the user stories for the supplier portal?", pushback)
    assert agreed.text.startswith("Then we agree: I said the Product Owner too.")
    # a review's finds: pushback naming the role, and disagreeing all the same
    for denied_by in (
        "no, it's not the PO",
        "nope, the PO reviews them, devs write them",
        "wrong, PO work is only the backlog",
        "that's wrong, the PO can't do that without the team",
    ):
        denied = turns(chat, "who writes user stories?", denied_by)[1]
        assert not denied.text.startswith("Then we agree"), denied_by


@pytest.mark.parametrize(
    "reply",
    [
        # a review's finds: delivery wanted, read as delivery in hand or as how the team works
        "someone good with the backlog and sprints",
        "our team needs someone to keep the backlog in good shape",
        "someone solid on delivery",
        "we don't run sprints yet and need someone to start them",
        "someone to plan our 2 week sprints",
        "our three dev teams need priorities",
        # a second review's: the need pointing back at the sprints or the developers
        "we run 2 week sprints and need help running them",
        "two week sprints; we need someone to own them",
        "we already have two developers but nobody prioritises",
    ],
)
def test_delivery_wanted_in_words_near_the_teams_description_is_the_goal(reply: str) -> None:
    assert read_answer(reply, "goal").goal == "deliver-product"


@pytest.mark.parametrize(
    ("story", "goal"),
    [
        ("PO or PM? we have no backlog and the devs are idle", "deliver-product"),
        ("we have no backlog and need one", "deliver-product"),
        ("PO or PM? we work without a backlog and it's chaos", "deliver-product"),
        ("PO or PM? we need someone good with the backlog and sprints", "deliver-product"),
        ("PO or PM? we need someone to grow our marketplace", "build-business"),
    ],
)
def test_a_story_wanting_work_near_what_the_team_lacks_wants_it(story: str, goal: str) -> None:
    assert read_facts(story).goal == goal


@pytest.mark.parametrize(
    "said",
    [
        "we'd love to hire two, but can't",
        "we cannot get two",
        "we need to hire two, a designer and a dev",
        "we might hire 2, not sure yet",
    ],
)
def test_two_said_without_two_product_hires_is_no_head_count(said: str) -> None:
    assert read_facts(said).headcount is None


@pytest.mark.parametrize(
    "asked",
    [
        # a review's finds: work given to a role read as a job advert, a pronoun of work as
        # someone taking the role, an either-or as a yes
        "is the ad for the PM or for marketing to write?",
        "the launch ad is for the PM to sign off, right?",
        "is this req for the PO to write or the PM?",
        "our engineers wrote some user stories; should they be the PO's responsibility instead?",
    ],
)
def test_work_given_to_a_role_is_a_question_of_work(chat: Chat, asked: str) -> None:
    assert chat.reply(asked).intent is Intent.OWNERSHIP


@pytest.mark.parametrize(
    "asked",
    [
        "is PO a scrum role or a business role?",
        "is the PM in the scrum meetings?",
        "is the PM part of the scrum team?",
    ],
)
def test_only_a_plain_yes_or_no_of_a_role_being_scrums_is_answered_so(
    chat: Chat, asked: str
) -> None:
    assert chat.reply(asked).text not in (wording.SCRUM_ROLE, wording.NOT_SCRUM_ROLE)


@pytest.mark.parametrize("before", [(), ("what is scrum",), ("who owns the backlog?",)])
def test_whether_to_run_scrum_is_not_whom_to_hire(chat: Chat, before: tuple[str, ...]) -> None:
    # a founder's find: "do we need scrum?" after "what is scrum" asked what the hire is for
    asked = turns(chat, *before, "do we need scrum?")[-1]
    assert asked.text.startswith(wording.NO_SCRUM_ADVICE)


def test_product_owner_work_asked_by_a_team_without_scrum_says_what_that_means(
    chat: Chat,
) -> None:
    # an agile coach's find: "we don't use Scrum. who should manage our backlog?" got the PO's
    # work with nothing of the Scrum the team had said it does not run
    told = chat.reply("we don't use Scrum. who should manage our backlog?")
    assert told.text.startswith("That's clearly work for the Product Owner.")
    assert told.text.endswith(wording.PO_WITHOUT_SCRUM)
    assert wording.PO_WITHOUT_SCRUM not in chat.reply("who manages the backlog?").text
    assert wording.PO_WITHOUT_SCRUM not in chat.reply("we don't do scrum. who owns pricing?").text


@pytest.mark.parametrize(
    "asked",
    [
        # a second review's finds: growth of the business read as the company's size
        "what if we grow to 10 markets?",
        "what if we expand to 5 countries?",
        "what if we scale to 1000 customers",
    ],
)
def test_growth_of_the_business_supposed_is_not_the_companys_size(chat: Chat, asked: str) -> None:
    reply = chat.reply(asked)
    assert reply.concept is None or reply.concept.id != "concept-one-product-person"


@pytest.mark.parametrize(
    ("asked", "intent"),
    [
        # a second review's finds: read as someone taking the role
        ("can our CEO make a PM hire now?", Intent.HIRE),
        ("can our CTO fill the PO in on the roadmap?", Intent.OWNERSHIP),
    ],
)
def test_a_hire_made_or_a_role_told_is_no_one_taking_the_role(
    chat: Chat, asked: str, intent: Intent
) -> None:
    assert chat.reply(asked).intent is intent
