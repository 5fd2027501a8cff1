"""`rolefit insights`: a workspace's figures from the store DATABASE_URL names, as text or JSON."""

from __future__ import annotations

import asyncio
import json

import pytest

from bot.cli import main
from bot.store.insights import Asked, Vote
from bot.store.store import Store


async def seed(url: str) -> None:
    store = Store(url)
    try:
        await store.upgrade()
        asked = Asked(team="T1", user="U1", text="who waters \x1b[31mplants?", intent="off-topic")
        question = store.record_question(asked)
        await store.record_vote(
            Vote(team="T1", user="U1", question_id=question, helpful=False, role="neither")
        )
    finally:
        await store.close()


def test_insights_print_the_figures_as_text_and_json(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path}/rolefit.db"
    asyncio.run(seed(url))
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["insights", "--team", "T1"]) == 0
    text = capsys.readouterr().out
    assert "Questions asked: 1" in text and "Unanswered: 1" in text
    assert "👎 said it should be: Neither role 1" in text
    assert "\x1b" not in text and "plants?" in text  # typed text cannot drive the terminal
    assert main(["insights", "--team", "T1", "--days", "7", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert (figures["days"], figures["asked"], figures["helpful_rate"]) == (7, 1, 0.0)
    assert main(["insights", "--team", "T_OTHER", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["asked"] == 0


@pytest.mark.parametrize("days", ["0", "-3", "a week"])
def test_a_look_back_of_no_days_is_refused_not_read_as_one(
    capsys: pytest.CaptureFixture[str], days: str
) -> None:
    # found by an admin tester: "--days 0" printed "in the last 1 days"
    with pytest.raises(SystemExit) as exited:
        main(["insights", "--team", "T1", "--days", days])
    assert exited.value.code == 2
    assert "is not a number of days (1 or more)" in capsys.readouterr().err
