"""mrkdwn as a person reads it in a terminal: markers gone or kept where they carry meaning,
tokens turned into names and links, entities decoded — and no colour unless asked for."""

from __future__ import annotations

import pytest

from bot.sandbox.console.mrkdwn import Names, Style, mrkdwn, strip_ansi, text_object

PLAIN = Style.plain()
NAMES = Names(users={"U_ROLEFIT": "RoleFit"}, channels={"C_GENERAL": "general"})


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("*Product Owner*", "Product Owner"),
        ("_most likely_", "most likely"),
        ("~old~", "~old~"),
        ("run `/rolefit help`", "run `/rolefit help`"),
        ("snake_case_name and 2*3*4", "snake_case_name and 2*3*4"),
        ("<https://example.com|the article>", "the article (https://example.com)"),
        ("<https://example.com>", "https://example.com"),
        ("<mailto:a@b.co|a@b.co>", "a@b.co"),
        ("ask <@U_ROLEFIT>", "ask @RoleFit"),
        ("ask <@U_OTHER>", "ask @U_OTHER"),
        ("ask <@U_OTHER|sam>", "ask @sam"),
        ("in <#C_GENERAL>", "in #general"),
        ("in <#C_X|product>", "in #product"),
        ("<!here> and <!channel>", "@here and @channel"),
        ("<!subteam^S123|@pms>", "@pms"),
        ("R&amp;D &lt;!channel&gt;", "R&D <!channel>"),
        ("&amp;lt;", "&lt;"),
        ("> quoted", "│ quoted"),
    ],
)
def test_plain_rendering(source: str, shown: str) -> None:
    assert mrkdwn(source, PLAIN, NAMES) == shown


def test_code_is_left_alone() -> None:
    assert mrkdwn("`*not bold*` *bold*", PLAIN) == "`*not bold*` bold"
    assert mrkdwn("```a &amp; *b*\nc```", PLAIN) == "`    a & *b*`\n`    c`"


def test_plain_style_never_emits_escapes() -> None:
    text = mrkdwn("*b* _i_ ~s~ `c` <https://x.io|x> <@U1> > q", PLAIN)
    assert "\x1b" not in text


def test_ansi_style_colours_emphasis_but_keeps_the_words() -> None:
    coloured = mrkdwn("*bold* and <https://x.io|link>", Style.ansi())
    assert "\x1b[1mbold\x1b[22m" in coloured
    assert strip_ansi(coloured) == "bold and link (https://x.io)"


def test_text_objects() -> None:
    assert text_object({"type": "plain_text", "text": "*as is*"}, PLAIN) == "*as is*"
    assert text_object({"type": "mrkdwn", "text": "*bold*"}, PLAIN) == "bold"
    assert text_object(None, PLAIN) == ""
