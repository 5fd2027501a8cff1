"""Feedback buttons, the 👎 form and the insights' Block Kit: within Slack's limits, references that
survive the round trip, and typed text that can never ping."""

from __future__ import annotations

from bot.blocks.answer import AnswerRef
from bot.blocks.feedback import FeedbackRef, feedback_actions, not_helpful_modal
from bot.blocks.home import HOME_BLOCKS_MAX, home_view
from bot.blocks.insights import stats_message
from bot.blocks.kit import BUTTON_VALUE_MAX, PRIVATE_METADATA_MAX
from bot.store.insights import Insights, Recommended, TopQuestion
from knowledge import KnowledgeBase
from tests.bot.blocks.helpers import rendered
from tests.slack_schemas import assert_valid_blocks, assert_valid_view


def test_a_feedback_reference_survives_the_round_trip_within_slacks_limits() -> None:
    ref = FeedbackRef(7, AnswerRef("<!channel> who owns " + "x" * 5000, "po-backlog"), True, None)
    value = ref.to_value()
    assert len(value) <= BUTTON_VALUE_MAX and "<!channel>" not in value
    back = FeedbackRef.from_value(value)
    assert back is not None and back.question_id == 7 and back.ephemeral
    assert back.answer.question.startswith("<!channel> who owns x")
    assert back.answer.responsibility_id == "po-backlog"
    for not_ours in ("{", "[]", '{"i": true, "q": "x"}', '{"i": 0, "q": "x"}', '{"i": 1}', None):
        assert FeedbackRef.from_value(not_ours) is None
    assert_valid_blocks([feedback_actions(ref)])


def test_a_question_comes_back_from_its_feedback_reference_exactly_as_slack_sent_it() -> None:
    # a platform reviewer's find: escaped and read back, a typed "<https://x|y>" became a link
    # (the answer after a vote quoted "y"), and a typed "&lt;" became "<"
    sent = "who owns this &lt;<@U123|dana>&gt; &lt;https://x|y&gt; &amp;lt; ?"
    value = FeedbackRef(7, AnswerRef(sent)).to_value()
    assert "<" not in value and ">" not in value
    back = FeedbackRef.from_value(value)
    assert back is not None and back.answer.question == sent


def test_the_not_helpful_form_is_valid_and_carries_where_to_thank() -> None:
    ref = FeedbackRef(3, AnswerRef("who owns pricing?"), False, "https://hooks.slack.com/x")
    view = not_helpful_modal(ref)
    assert_valid_view(view)
    assert len(view["private_metadata"]) <= PRIVATE_METADATA_MAX
    assert FeedbackRef.from_value(view["private_metadata"]) == ref


def test_home_with_recommendations_and_insights_stays_valid_and_escaped(
    kb: KnowledgeBase,
) -> None:
    recent = [Recommended(at=1.7e9, recommendation="both", text="<!here> hire?")] * 5
    top = [TopQuestion(text="<@U1> who waters plants?", count=9 - n) for n in range(5)]
    insights = Insights(team="T1", days=30, asked=9, helpful=1, top_questions=top)
    view = home_view(kb, recent=recent, insights=insights)
    assert_valid_view(view)
    assert len(view["blocks"]) <= HOME_BLOCKS_MAX
    shown = rendered(view)
    assert "<!here>" not in shown and "<@U1>" not in shown
    assert "Helpful rate: 100% (1 👍, 0 👎)" in shown


def test_a_question_asked_once_is_said_so() -> None:
    # two testers' find: "(1 times)"
    top = [TopQuestion(text="who waters plants?", count=1), TopQuestion(text="who?", count=3)]
    shown = rendered(stats_message(Insights(team="T1", days=30, asked=4, top_questions=top)))
    assert "(once)" in shown and "(3 times)" in shown and "1 times" not in shown
