"""`:team` in the console: the same person speaks from a second workspace, so per-workspace set-up
(`/rolefit set`, `/rolefit teach`) can be tried offline and seen not to cross over."""

from __future__ import annotations

import pytest

from tests.bot.sandbox.console.test_console import after, run_console


def test_each_workspace_keeps_its_own_set_up(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script = [
        ":team",
        "/rolefit set product-owner @dana",
        "/rolefit teach po-backlog : zorblax ritual",
        "who owns the product backlog?",
        ":team T_OTHER",
        "who owns the backlog?",
        "who runs the zorblax ritual?",
        ":team not a team",
    ]
    out = run_console(script, monkeypatch, capsys)
    assert "You are in workspace T_ROLEFIT." in after(out, ":team")
    assert "Saved: the Product Owner here is @dana." in after(out, script[1])
    assert "here that's @dana" in after(out, script[3])
    assert "You are now in workspace T_OTHER" in after(out, script[4])
    elsewhere = after(out, script[5])[: after(out, script[5]).index(f"> {script[6]}")]
    assert "Product Owner" in elsewhere and "@dana" not in elsewhere
    assert "Managing and ordering the product backlog" not in after(out, script[6])
    assert "Which workspace?" in after(out, script[7])


def test_the_holders_form_shows_who_holds_each_role_and_takes_people_by_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # found by an admin tester: Enter in the Home tab's form named nobody, and "@zoe" was dropped
    script = [
        "/rolefit set product-owner @dana",
        "/rolefit set product-manager @erin",
        ":home",
        ":click Change",
        "",
        "@zoe @dana",
        ":home",
        ":click Change",
        "nobody",
        "",
        ":home",
    ]
    out = run_console(script, monkeypatch, capsys)
    form = after(out, script[3])
    assert "(Enter keeps: @dana)" in form and "(Enter keeps: @erin)" in form
    saved = out[out.index("> @zoe @dana\n") : out.rindex("> :click Change\n")]
    assert "Product Owner: @dana" in saved
    assert "Product Manager: @zoe and @dana" in saved
    cleared = out[out.rindex("> :home\n") :]  # "nobody" empties a picker
    assert "Product Owner: nobody named yet" in cleared
    assert "Product Manager: @zoe and @dana" in cleared
