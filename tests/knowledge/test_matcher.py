"""The matcher, asked the way people ask in Slack."""

from __future__ import annotations

import pytest

from knowledge import Matcher, load_knowledge

PO = ["product-owner"]
PM = ["product-manager"]
BOTH = ["product-owner", "product-manager"]
NONE: list[str] = []


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_knowledge())


@pytest.mark.parametrize(
    ("question", "owners"),
    [
        ("who decides what goes into the next two-week iteration?", PO),
        ("who writes acceptance critera for the login story", PO),
        ("is backlog grooming purely the PM's job?", PO),
        ("should our PO run the quarterly competitor review?", PM),
        ("<@U123ABC> who owns GTM for the new tier? :thinking_face: <!channel>", PM),
        ("who owns the p&l", PM),
        ("who figures out what our customers actually need", BOTH),
        ("who turns customer needs into technical specs", BOTH),
        ("who designs the final ad campaign visuals", NONE),
        ("who runs payroll this month", NONE),
        ("can someone reset my vpn", NONE),
        ("who orders the office snacks", NONE),
    ],
)
def test_answers_slack_style_questions(matcher: Matcher, question: str, owners: list[str]) -> None:
    assert matcher.answer(question).owners == owners
