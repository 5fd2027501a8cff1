"""The hiring questionnaire as one table: every question, its wording and choices, in the order
asked.

The Slack modal and `rolefit recommend` both walk `QUESTIONS`, and the advisor words its reasons
from the same choices, so a leader meets one set of questions in one order wherever they answer.
Each question's `name` is the `HiringAnswers` field it fills (the free-text `anything_else` adds
to `needs`); the Literal types below are those fields' values, and a test keeps the choices equal
to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal, Protocol, get_args

from knowledge.models import KnowledgeBase

Step = Literal["company", "work", "needs"]
CompanyStage = Literal["startup", "small-business", "scale-up", "enterprise"]
Goal = Literal["deliver-product", "build-business", "both"]
Headcount = Literal[1, 2]
RoleId = Literal["product-owner", "product-manager"]

PRODUCT_OWNER: RoleId = "product-owner"
PRODUCT_MANAGER: RoleId = "product-manager"
ROLE_IDS: tuple[RoleId, RoleId] = get_args(RoleId)
QUESTION_STEPS: tuple[Step, ...] = get_args(Step)

COMPANY_STAGE = "company_stage"
HEADCOUNT = "headcount"
EXISTING_ROLES = "existing_roles"
GOAL = "goal"
USES_SCRUM = "uses_scrum"
NEEDS = "needs"
ANYTHING_ELSE = "anything_else"

AnswerValue = str | int | bool


def key_of(value: AnswerValue) -> str:
    """An answer as text: "yes"/"no" for a yes-no, the value itself otherwise."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@dataclass(frozen=True)
class Choice:
    """One answer a person can pick: the value the advisor gets, and the words they read."""

    value: AnswerValue
    label: str
    description: str | None = None

    @property
    def key(self) -> str:
        """The value as text, for front ends that carry strings (a Slack option's value)."""
        return key_of(self.value)


@dataclass(frozen=True)
class Question:
    """One question. `many` takes several choices; no `choices` means a knowledge-base list
    (`needs`) or the person's own words (`anything_else`)."""

    name: str
    step: Step
    prompt: str
    choices: tuple[Choice, ...] = ()
    optional: bool = False
    many: bool = False

    def choice(self, key: str | None) -> Choice | None:
        """The choice a front end's text `key` stands for, or None for anything else."""
        return next((choice for choice in self.choices if choice.key == key), None)


#: Who is already on staff names the roles as the knowledge base does (see `choices_for`).
_ON_STAFF = "We already have a {role}"

QUESTIONS: tuple[Question, ...] = (
    Question(
        COMPANY_STAGE,
        "company",
        "What stage is your company at?",
        (
            Choice("startup", "Startup", "A few people building a first product"),
            Choice("small-business", "Small business", "An established business with a small team"),
            Choice("scale-up", "Scale-up", "Growing fast, several teams"),
            Choice("enterprise", "Enterprise", "A large company with many departments"),
        ),
    ),
    Question(
        HEADCOUNT,
        "company",
        "How many product hires can you make now?",
        (Choice(1, "One", "One product hire now"), Choice(2, "Two", "Two product hires now")),
    ),
    Question(
        EXISTING_ROLES,
        "company",
        "Who is already on staff?",
        tuple(Choice(role, _ON_STAFF) for role in ROLE_IDS),
        optional=True,
        many=True,
    ),
    Question(
        GOAL,
        "work",
        "What is the hire mainly for?",
        (
            Choice("deliver-product", "Deliver the product", "Ship features sprint by sprint"),
            Choice(
                "build-business",
                "Build a business around it",
                "Strategy, market, go-to-market, money",
            ),
            Choice("both", "Both", "Deliver the product and grow the business"),
        ),
    ),
    Question(
        USES_SCRUM,
        "work",
        "Does your team run Scrum?",
        (
            Choice(True, "Yes", "Scrum or a similar Agile process"),
            Choice(False, "No"),
            Choice("unsure", "Not sure", "We don't know yet"),
        ),
    ),
    Question(NEEDS, "needs", "Which work must the hire cover?", optional=True, many=True),
    Question(ANYTHING_ELSE, "needs", "Anything else?", optional=True),
)
QUESTION_NAMED = {question.name: question for question in QUESTIONS}

INTRO = "Answer a few quick questions and RoleFit recommends one, with its reasons."


def who_to_hire(kb: KnowledgeBase) -> str:
    """The question the whole questionnaire answers, in the knowledge base's role names."""
    po, pm = (kb.roles[role].name for role in ROLE_IDS)
    return f"Who should you hire: a {po}, a {pm}, or both?"


def in_step(step: Step) -> tuple[Question, ...]:
    """The questions one step asks, in order."""
    return tuple(question for question in QUESTIONS if question.step == step)


def choices_for(question: Question, kb: KnowledgeBase) -> tuple[Choice, ...]:
    """The question's choices as a person reads them: roles go by the knowledge base's names."""
    if question.name != EXISTING_ROLES:
        return question.choices
    return tuple(
        replace(choice, label=choice.label.format(role=kb.roles[str(choice.value)].name))
        for choice in question.choices
    )


def label_of(name: str, value: AnswerValue) -> str:
    """The words for an answer already given (a stage, a goal), as its question offered it."""
    choice = QUESTION_NAMED[name].choice(key_of(value))
    return choice.label if choice is not None else key_of(value)


class Told(Protocol):
    """What a leader said of the hire: the questionnaire's answers, or facts from a chat."""

    @property
    def company_stage(self) -> str | None: ...
    @property
    def headcount(self) -> int | None: ...
    @property
    def goal(self) -> str | None: ...
    @property
    def uses_scrum(self) -> bool | str | None: ...
    @property
    def existing_roles(self) -> Sequence[str]: ...


def told_parts(told: Told, kb: KnowledgeBase) -> list[str]:
    """What a leader said of the hire, a few words each ("Startup", "goal: both", "no
    Scrum"): only what they actually said. A recommendation's basis, and "what did I tell you?"."""
    parts = []
    if told.company_stage is not None:
        parts.append(label_of(COMPANY_STAGE, told.company_stage))
    if told.headcount is not None:
        parts.append(f"{told.headcount} hire{'s' if told.headcount == 2 else ''}")
    if told.goal is not None:
        parts.append(f"goal: {label_of(GOAL, told.goal).lower()}")
    scrum = {True: "runs Scrum", False: "no Scrum", "unsure": "not sure about Scrum"}
    if told.uses_scrum is not None:
        parts.append(scrum[told.uses_scrum])
    parts += [f"has a {kb.roles[role].name}" for role in told.existing_roles]
    return parts


def with_article(noun: str) -> str:
    """ "a startup", "an enterprise"."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


@dataclass(frozen=True)
class NeedGroup:
    """Responsibilities offered as needs, under one heading (a role, or both for shared work)."""

    label: str
    owners: tuple[str, ...]
    responsibilities: tuple[tuple[str, str], ...]  # (id, title)


def need_groups(kb: KnowledgeBase) -> list[NeedGroup]:
    """The choices for `needs`: the knowledge base's responsibilities grouped by owner — PO, PM,
    then shared — as every front end offers them."""
    groups: list[NeedGroup] = []
    for owners, heading in (
        ((PRODUCT_OWNER,), f"{kb.roles[PRODUCT_OWNER].name} work"),
        ((PRODUCT_MANAGER,), f"{kb.roles[PRODUCT_MANAGER].name} work"),
        (ROLE_IDS, "Shared by both roles"),
    ):
        items = tuple(
            (item.id, item.title)
            for item in kb.responsibilities
            if tuple(sorted(item.owners)) == tuple(sorted(owners))
        )
        if items:
            groups.append(NeedGroup(label=heading, owners=owners, responsibilities=items))
    return groups
