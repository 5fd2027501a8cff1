"""The schema checks themselves: present where ../shared is, and catching what Slack rejects."""

from __future__ import annotations

import pytest

from tests.slack_schemas import assert_valid_blocks, assert_valid_view, shared_file


@pytest.fixture(autouse=True)
def _needs_the_block_kit_schema() -> None:
    shared_file("slack", "blockkit.schema.json")


def test_an_empty_section_is_rejected() -> None:
    with pytest.raises(AssertionError, match="not valid Block Kit"):
        assert_valid_blocks([{"type": "section", "text": {"type": "mrkdwn", "text": ""}}])


def test_a_modal_title_over_24_characters_is_rejected() -> None:
    view = {
        "type": "modal",
        "title": {"type": "plain_text", "text": "A title far too long for Slack"},
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "hi"}}],
    }
    with pytest.raises(AssertionError, match="too long"):
        assert_valid_view(view)


def test_more_than_50_blocks_in_a_message_is_rejected() -> None:
    blocks = [{"type": "divider"}] * 51
    with pytest.raises(AssertionError, match="50"):
        assert_valid_blocks(blocks)
