"""The primitives every message goes through: escaping, cutting to Slack's limits."""

from __future__ import annotations

import pytest

from bot.blocks.kit import (
    BUTTON_TEXT_MAX,
    HEADER_TEXT_MAX,
    MESSAGE_BLOCKS_MAX,
    SECTION_TEXT_MAX,
    button,
    escape,
    header,
    message,
    plain,
    quote,
    quote_code,
    section,
    shorten,
)
from tests.slack_schemas import assert_valid_blocks


def test_escape_disarms_every_slack_token() -> None:
    hostile = "<!channel> <!here> <!subteam^S123> <@U123> <#C1|general> <https://x|y> & co"
    escaped = escape(hostile)
    assert "<" not in escaped and ">" not in escaped
    assert escaped.startswith("&lt;!channel&gt;")
    assert escaped.endswith("&amp; co")


def test_text_slack_already_escaped_is_escaped_exactly_once() -> None:
    """Slack sends typed `R&D <!channel>` as `R&amp;D &lt;!channel&gt;`: shown as typed, no ping."""
    assert escape("R&amp;D &lt;!channel&gt;") == "R&amp;D &lt;!channel&gt;"
    assert escape("R&D") == "R&amp;D"
    assert escape(escape("<@U123> & co")) == escape("<@U123> & co")


def test_shorten_marks_the_cut_and_never_splits_an_entity() -> None:
    assert shorten("short", 10) == "short"
    cut = shorten(escape("a" * 8 + "<b"), 11)  # "aaaaaaaa&lt;b" cut inside "&lt;"
    assert len(cut) <= 11
    assert cut.endswith("…") and "&l" not in cut


def test_quote_is_one_escaped_line_within_its_limit() -> None:
    quoted = quote("line one\nline <!here>\t two " + "x" * 1000, 100)
    assert "\n" not in quoted and "<" not in quoted
    assert len(quoted) <= 100
    assert quote("   ") == "…"


def test_fields_are_cut_to_their_limits() -> None:
    assert len(header("h" * 500)["text"]["text"]) == HEADER_TEXT_MAX
    assert len(button("b" * 500, "act")["text"]["text"]) == BUTTON_TEXT_MAX
    assert len(section("s" * 10_000)["text"]["text"]) == SECTION_TEXT_MAX
    assert plain("")["text"]  # Slack rejects empty text


def test_message_keeps_within_the_block_count() -> None:
    built = message("fallback", [section(f"block {i}") for i in range(80)])
    assert len(built["blocks"]) == MESSAGE_BLOCKS_MAX
    assert_valid_blocks(built["blocks"])


def test_mentions_slack_sent_are_quoted_as_people_read_them_and_never_ping() -> None:
    # found by a team-lead tester: "<@U999> says…" came back as a literal "<@U999>"
    said = "<@U999|dana> and <!here>, see <#C1|general> and <https://x.io|the doc>, <@U2>"
    shown = quote(said)
    assert shown == ("@\u2060dana and @\u2060here, see #\u2060general and the doc, @\u2060someone")
    assert "<" not in shown and ">" not in shown
    # typed as text, they arrive escaped and are shown as typed
    assert quote("&lt;!channel&gt;") == "&lt;!channel&gt;"


@pytest.mark.parametrize(
    ("token", "shown"),
    [
        ("<!date^123^{date}|Feb 18>", "Feb 18"),
        ("<mailto:bob@acme.com|bob@acme.com>", "bob@\u2060acme.com"),
        ("<https://x.io|@here>", "@\u2060here"),
        ("<@U1|<!channel>>", "&lt;@\u2060U1|@\u2060channel&gt;"),
    ],
)
def test_dates_emails_and_nested_tokens_read_as_text_and_never_ping(token: str, shown: str) -> None:
    # found in review
    assert quote(token) == shown


def test_what_was_typed_raw_into_a_form_is_quoted_never_live() -> None:
    # a security tester's finds: a form's free text arrives raw, so "@channel" and addresses
    # reached the channel as typed; direction overrides and zero-width spaces were kept too
    typed = "@channel, see #general or https://evil.example/login and www.evil.com"
    shown = quote(typed)
    assert shown == (
        "@\u2060channel, see #\u2060general or https://\u2060evil.example/login and "
        "www.\u2060evil.com"
    )
    assert quote("<https://evil.example>") == "https://\u2060evil.example"
    assert quote("pay\u202eroll\u200b\ufeff") == "payroll"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert quote(family) == family  # emoji keep the joiners they are built with
    assert quote("#\ufe0f\u20e3 first") == "#\ufe0f\u20e3 first"  # a keycap stays one
    # a review's finds: a command quoted in a code span got the joiner (copied, it never
    # matched), and a joiner pasted back in was kept
    assert quote_code("/rolefit unteach zorblax c# board") == "/rolefit unteach zorblax c# board"
    assert quote("c#\u2060 board") == "c#\u2060 board"
    assert quote_code("c#\u2060 board") == "c# board"


def test_quoting_unclosed_tokens_stays_linear() -> None:
    assert quote("<@" * 20_000).startswith("&lt;@\u2060&lt;@\u2060")
