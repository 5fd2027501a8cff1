"""Questions, feedback and the insights figures on SQLite and PostgreSQL: one vote per person per
answer however often it arrives, texts kept only as long as the workspace says, and figures that
count what was recorded."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from bot.store.insights import Asked, Vote
from bot.store.owed import Kind, Owed
from bot.store.schema import feedback, questions
from bot.store.store import DAY, Store
from knowledge.dialogue import Memory
from tests.bot.store.conftest import Clock


def owner_answer(text: str, owners: list[str], confidence: float = 0.9, team: str = "T1") -> Asked:
    return Asked(
        team=team, user="U1", text=text, intent="ownership", owners=owners, confidence=confidence
    )


async def texts(store: Store) -> list[str | None]:
    """The recorded questions' texts, by time asked and then workspace."""
    await store.flush()
    async with store.engine.connect() as connection:
        order = (questions.c.asked_at, questions.c.team)
        rows = await connection.execute(select(questions.c.text).order_by(*order))
        return [row[0] for row in rows]


async def test_a_question_is_recorded_with_its_owed_answer_in_one_step(store: Store) -> None:
    owed = Owed(kind=Kind.ANSWER, team="T1", channel="D1", user="U1", text="hi", blocks=[])
    ids: list[int | None] = []

    def message(question_id: int | None) -> Owed:
        ids.append(question_id)
        return owed.model_copy(update={"text": f"answer {question_id}"})

    asked = owner_answer("who owns the backlog?", ["product-owner"])
    memory = Memory(intent="ownership", question="who owns the backlog?")
    assert await store.owe("answer:1", message, remember=("T1:D1:", memory), asked=asked)
    assert not await store.owe("answer:1", message, asked=asked)  # a redelivery records nothing
    (row,) = await store.outbox_rows()
    assert ids and ids[0] is not None and row.owed.text == f"answer {ids[0]}"
    assert await texts(store) == ["who owns the backlog?"]
    assert (await store.insights("T1", 30)).asked == 1


async def test_a_vote_counts_once_however_many_clicks_race(database_url: str) -> None:
    stores = [Store(database_url) for _ in range(3)]
    await stores[0].upgrade()
    try:
        question = stores[0].record_question(owner_answer("who owns pricing?", ["x"]))
        vote = Vote(team="T1", user="U1", question_id=question, helpful=True)
        won = await asyncio.gather(*(stores[i % 3].record_vote(vote) for i in range(12)))
        assert sorted(won) == [False] * 11 + [True]
        again = vote.model_copy(update={"helpful": False})  # a change of mind is a repeat too
        assert not await stores[1].record_vote(again)
        assert await stores[1].has_voted(vote.key)  # seen from any process
        assert not await stores[1].has_voted(vote.model_copy(update={"user": "U2"}).key)
        figures = await stores[2].insights("T1", 30)
        assert (figures.helpful, figures.not_helpful, figures.helpful_rate) == (1, 0, 1.0)
    finally:
        for store in stores:
            await store.close()


async def test_insights_count_answers_feedback_and_the_questions_to_look_at(
    store: Store, clock: Clock
) -> None:
    po = store.record_question(owner_answer("who owns the backlog?", ["product-owner"]))
    pm = store.record_question(owner_answer("who sets prices?", ["product-manager"], 0.3))
    for _ in range(2):
        store.record_question(owner_answer("who waters the plants?", []))
    store.record_question(Asked(team="T1", user="U2", text="lunch?", intent="off-topic"))
    store.record_question(owner_answer("who owns the backlog?", ["x"], team="T2"))
    clock.now -= 40 * DAY
    store.record_question(owner_answer("long ago", []))
    clock.now += 40 * DAY
    await store.record_vote(Vote(team="T1", user="U1", question_id=po, helpful=True))
    await store.record_vote(
        Vote(team="T1", user="U1", question_id=pm, helpful=False, role="product-owner")
    )
    await store.record_vote(
        Vote(team="T1", user="U2", question_id=pm, helpful=False, comment="our CEO sets prices")
    )
    figures = await store.insights("T1", 30)
    assert [(c.text, c.role, c.question) for c in figures.comments] == [
        ("our CEO sets prices", None, "who sets prices?")
    ]
    # a review's find: a vote from another workspace (a shared channel) on this question id
    # shows its comment there, never this workspace's question text
    await store.record_vote(
        Vote(team="T2", user="U9", question_id=pm, helpful=False, comment="from T2")
    )
    (theirs,) = (await store.insights("T2", 30)).comments
    assert (theirs.text, theirs.question) == ("from T2", None)
    assert (figures.asked, figures.answered, figures.unanswered) == (5, 2, 3)
    assert figures.low_confidence == 1
    assert (figures.helpful, figures.not_helpful) == (1, 2)
    assert figures.helpful_rate == pytest.approx(1 / 3)
    assert figures.corrections == {"product-owner": 1}
    assert [(t.text, t.count) for t in figures.top_questions] == [
        ("who waters the plants?", 2),
        ("lunch?", 1),
        ("who sets prices?", 1),
    ]
    assert (await store.insights("T1", 60)).asked == 6
    empty = await store.insights("T_NONE", 30)
    assert (empty.asked, empty.helpful_rate, empty.top_questions) == (0, None, [])


async def test_retention_zero_keeps_the_counts_and_no_text(store: Store) -> None:
    assert await store.retention_days("T1") == 90
    await store.set_retention_days("T1", 0)
    question = store.record_question(owner_answer("who waters the plants?", []))
    await store.record_vote(
        Vote(
            team="T1",
            user="U1",
            question_id=question,
            helpful=False,
            role="neither",
            comment="facilities",
        )
    )
    assert await texts(store) == [None]
    async with store.engine.connect() as connection:
        assert await connection.scalar(select(feedback.c.comment)) is None
    figures = await store.insights("T1", 30)
    assert (figures.asked, figures.unanswered, figures.not_helpful) == (1, 1, 1)
    assert figures.corrections == {"neither": 1} and figures.top_questions == []
    assert figures.comments == []


async def test_texts_are_forgotten_past_each_workspace_retention(
    store: Store, clock: Clock
) -> None:
    await store.set_retention_days("T_SHORT", 7)
    for team in ("T_SHORT", "T_DEFAULT"):
        store.record_question(owner_answer(f"{team} asks", ["product-owner"], team=team))
    clock.now += 8 * DAY
    await store.forget_old()
    assert await texts(store) == ["T_DEFAULT asks", None]
    clock.now += 90 * DAY
    await store.forget_old()
    assert await texts(store) == [None, None]
    assert (await store.insights("T_DEFAULT", 100)).asked == 1  # the counts stay


async def test_a_shorter_retention_deletes_the_texts_already_kept_past_it_at_once(
    store: Store, clock: Clock
) -> None:
    # found by a tester: after `set retention 0` the insights still listed the texts kept
    for team in ("T1", "T_OTHER"):
        store.record_question(owner_answer(f"{team} asks", ["product-owner"], team=team))
    clock.now += 2 * DAY
    store.record_question(owner_answer("T1 asks again", ["product-owner"]))
    await store.set_retention_days("T1", 1)
    assert await texts(store) == [None, "T_OTHER asks", "T1 asks again"]
    await store.set_retention_days("T1", 0)
    assert await texts(store) == [None, "T_OTHER asks", None]
    assert (await store.insights("T1", 30)).asked == 2  # the counts stay


async def test_recent_recommendations_are_each_persons_own_newest_first(
    store: Store, clock: Clock
) -> None:
    for user, advice in (("U1", "product-owner"), ("U2", "both"), ("U1", "product-manager")):
        clock.now += 1
        store.record_question(
            Asked(team="T1", user=user, text="whom to hire?", intent="hire", recommendation=advice)
        )
    store.record_question(owner_answer("who owns pricing?", ["product-manager"]))
    recent = await store.recommended_to("T1", "U1")
    assert [r.recommendation for r in recent] == ["product-manager", "product-owner"]
    assert await store.recommended_to("T2", "U1") == []
