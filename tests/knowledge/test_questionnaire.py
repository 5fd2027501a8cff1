"""The questionnaire table against `HiringAnswers`: every field asked, every value offered."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import pytest

from knowledge import KnowledgeBase
from knowledge.advisor import HiringAnswers
from knowledge.questionnaire import (
    ANYTHING_ELSE,
    EXISTING_ROLES,
    QUESTION_STEPS,
    QUESTIONS,
    Question,
    RoleId,
    choices_for,
    in_step,
    label_of,
    who_to_hire,
    with_article,
)

FIELDS = HiringAnswers.model_fields
README = Path(__file__).resolve().parents[2] / "README.md"
ASKED = [question for question in QUESTIONS if question.name != ANYTHING_ELSE]


def test_every_answer_field_is_asked_once_and_nothing_else() -> None:
    assert sorted(question.name for question in ASKED) == sorted(FIELDS)


@pytest.mark.parametrize("question", [q for q in ASKED if q.choices], ids=lambda q: q.name)
def test_the_choices_are_exactly_the_fields_values(question: Question) -> None:
    annotation = FIELDS[question.name].annotation
    if question.many:  # list[RoleId]
        (annotation,) = get_args(annotation)
    values = [choice.value for choice in question.choices]
    assert values == _values_of(annotation)


def _values_of(annotation: Any) -> list[Any]:
    """The values a field's type allows: a Literal's, a bool's, a union's in turn."""
    if annotation is bool:
        return [True, False]
    if get_origin(annotation) is Literal:
        return list(get_args(annotation))
    return [value for arg in get_args(annotation) for value in _values_of(arg)]


def test_optional_questions_are_the_fields_with_a_default() -> None:
    optional = {question.name for question in ASKED if question.optional}
    assert optional == {name for name, field in FIELDS.items() if not field.is_required()}


def test_questions_are_asked_step_by_step_in_order() -> None:
    steps = [question.step for question in QUESTIONS]
    assert list(dict.fromkeys(steps)) == list(QUESTION_STEPS)
    assert [q for step in QUESTION_STEPS for q in in_step(step)] == list(QUESTIONS)


def test_choice_keys_are_unique_text(kb: KnowledgeBase) -> None:
    for question in QUESTIONS:
        keys = [choice.key for choice in choices_for(question, kb)]
        assert len(set(keys)) == len(keys)
        assert all(question.choice(key) is not None for key in keys)
        assert question.choice("nonsense") is None


def test_roles_are_named_as_the_knowledge_base_names_them(kb: KnowledgeBase) -> None:
    (on_staff,) = [q for q in QUESTIONS if q.name == EXISTING_ROLES]
    renamed = {"product-owner": "Delivery Lead", "product-manager": "Business Lead"}
    roles = {
        role: kb.roles[role].model_copy(update={"name": name}) for role, name in renamed.items()
    }
    other = kb.model_copy(update={"roles": roles})
    labels = [choice.label for choice in choices_for(on_staff, other)]
    assert labels == [f"We already have a {renamed[role]}" for role in get_args(RoleId)]
    assert who_to_hire(other) == "Who should you hire: a Delivery Lead, a Business Lead, or both?"


def test_answers_already_given_read_as_their_choices() -> None:
    assert label_of("company_stage", "small-business") == "Small business"
    assert label_of("goal", "both") == "Both"
    assert label_of("uses_scrum", False) == "No"
    assert [with_article(noun) for noun in ("startup", "enterprise")] == [
        "a startup",
        "an enterprise",
    ]


def test_the_readme_shows_the_questions_as_they_are_asked(kb: KnowledgeBase) -> None:
    """README's questionnaire tables list each fixed-choice question as "label (description)"."""
    section = README.read_text().split("## The hiring questionnaire")[1].split("\n## ")[0]
    rows = dict(re.findall(r"^\| (.+?)(?: \*\(optional\)\*)? \| (.+) \|$", section, re.M))
    for question in (q for q in QUESTIONS if q.choices):
        shown = [
            f"{c.label} ({c.description[:1].lower()}{c.description[1:]})"
            if c.description
            else c.label
            for c in choices_for(question, kb)
        ]
        assert rows[question.prompt].casefold() == " · ".join(shown).casefold(), question.name
