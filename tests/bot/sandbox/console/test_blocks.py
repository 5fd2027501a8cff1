"""Block Kit messages as terminal lines, with every clickable thing numbered."""

from __future__ import annotations

from typing import Any

from bot.sandbox.console.blocks import render_blocks, render_message
from bot.sandbox.console.mrkdwn import Style

PLAIN = Style.plain()


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def _md(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text}


ANSWER = [
    {"type": "header", "text": _plain("Who owns it?")},
    {"type": "section", "text": _md("This is *clearly* work for the *Product Owner*.")},
    {"type": "section", "fields": [_md("*Confidence*"), _md("clearly")]},
    {"type": "context", "elements": [_md("From _Scrum roles_"), _md("92%")]},
    {"type": "divider"},
    {
        "type": "actions",
        "block_id": "more",
        "elements": [
            {"type": "button", "text": _plain("Share"), "action_id": "share", "value": "v1"},
            {"type": "button", "text": _plain("Docs"), "action_id": "docs", "url": "https://x.io"},
        ],
    },
]


def test_a_message_reads_top_to_bottom() -> None:
    rendered = render_blocks(ANSWER, PLAIN)
    assert rendered.lines[0] == "== Who owns it? =="
    assert rendered.lines[1] == "This is clearly work for the Product Owner."
    assert rendered.lines[2].split() == ["Confidence", "clearly"]
    assert rendered.lines[3] == "From Scrum roles  92%"
    assert set(rendered.lines[4]) == {"─"}
    assert rendered.lines[5] == "[1] Share  [2] Docs ↗ https://x.io"
    assert "\x1b" not in rendered.text


def test_buttons_are_numbered_from_where_the_transcript_is() -> None:
    rendered = render_blocks(ANSWER, PLAIN, first_number=7)
    assert [(c.number, c.label) for c in rendered.controls] == [(7, "Share"), (8, "Docs")]
    action = rendered.controls[0].action("1.2")
    assert action == {
        "type": "button",
        "action_id": "share",
        "block_id": "more",
        "action_ts": "1.2",
        "text": _plain("Share"),
        "value": "v1",
    }


def test_select_options_are_clickable_one_by_one() -> None:
    select = {
        "type": "static_select",
        "action_id": "pick",
        "placeholder": _plain("Did you mean"),
        "options": [
            {"text": _plain("Backlog"), "value": "b"},
            {"text": _plain("Pricing"), "value": "p"},
        ],
    }
    rendered = render_blocks(
        [{"type": "section", "block_id": "s", "text": _md("Hmm"), "accessory": select}], PLAIN
    )
    assert rendered.lines == ["Hmm", "  Did you mean: [1] Backlog  [2] Pricing"]
    assert rendered.controls[1].action("1.0")["selected_option"] == {
        "text": _plain("Pricing"),
        "value": "p",
    }


def test_long_fields_stack() -> None:
    long = "x" * 60
    rendered = render_blocks([{"type": "section", "fields": [_md(long), _md("short")]}], PLAIN)
    assert rendered.lines == ["  " + long, "  short"]


def test_text_only_messages_and_unknown_blocks() -> None:
    assert render_message({"text": "hi *there*"}, PLAIN).lines == ["hi there"]
    assert render_message({"blocks": [{"type": "video"}]}, PLAIN).lines == ["[video block]"]


def test_blocks_may_arrive_as_a_json_string() -> None:
    message = {
        "text": "fallback",
        "blocks": '[{"type": "section", "text": {"type": "mrkdwn", "text": "real"}}]',
    }
    assert render_message(message, PLAIN).lines == ["real"]


def test_rich_text() -> None:
    block = {
        "type": "rich_text",
        "elements": [
            {
                "type": "rich_text_section",
                "elements": [
                    {"type": "text", "text": "hi ", "style": {"bold": True}},
                    {"type": "user", "user_id": "U1"},
                    {"type": "link", "url": "https://x.io", "text": "x"},
                ],
            },
            {
                "type": "rich_text_list",
                "elements": [
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": "one"}]}
                ],
            },
        ],
    }
    assert render_blocks([block], PLAIN).lines == ["hi @U1x (https://x.io)", "• one"]
