"""The knowledge base's shapes, validated by pydantic so a typo in YAML fails loudly and early.

Everything is strict (`extra="forbid"`): an unknown key is far more likely a misspelt field than a
deliberate addition, and silently ignoring it would make a phrase or a holder vanish.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from knowledge.confidence import confidence_words
from knowledge.text import MOST_LISTED

# Slack ids: users are U…/W… (W for Enterprise Grid), user groups are S….
SLACK_HOLDER_ID = re.compile(r"^[UWS][A-Z0-9]{2,}$")
ENTRY_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

ARTICLE_TITLE = "Your Product Owner Is Not Your Product Manager"
# The seed article's section headings, which every built-in `section` refers to.
ARTICLE_SECTIONS = (
    "Your Product Owner Is Not Your Product Manager",  # the title: the opening paragraphs
    "Identify the Need",
    "Product Manager vs. Product Owner: Responsibilities",
    "The Value of a Product Manager",
    "Strategic Thinking",
    "Research and Competitive Analysis",
    "Business and Financial Analysis",
    "The Product Manager in Action",
    "Understanding the basics",
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Ids travel to Slack as select-option values (at most 150 characters) and, ten at a time, in the
# questionnaire's private_metadata (3,000); 64 keeps both well inside, and twice today's longest.
ENTRY_ID_MAX = 64
EntryId = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=ENTRY_ID, max_length=ENTRY_ID_MAX)
]


def _non_empty_phrases(phrases: list[str]) -> list[str]:
    if not phrases:
        raise ValueError("phrases must not be empty")
    return phrases


def _slack_holders(holders: list[str]) -> list[str]:
    bad = [holder for holder in holders if not SLACK_HOLDER_ID.match(holder)]
    if bad:
        raise ValueError(
            f"holders must be Slack user ids (U…/W…) or user-group ids (S…), got {bad!r}"
        )
    return holders


Phrases = Annotated[list[Text], AfterValidator(_non_empty_phrases)]
Holders = Annotated[list[str], AfterValidator(_slack_holders)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Role(_Strict):
    """One of the two hires RoleFit tells apart."""

    id: EntryId
    name: Text
    short: Text
    summary: Text
    owns: list[Text] = Field(min_length=1)
    when_to_hire: Text
    why: Text  # why the work it owns is its own, as the article reasons: "why?" after its card
    why_section: Text  # the article's section that reasoning rests on
    holders: Holders = []


class Inferred(_Strict):
    """Work that goes with a responsibility though the article never names it ("pricing" with
    the business and financial analysis): RoleFit says so, and is never more than "most likely"
    sure of it."""

    why: Text  # what the article does not name, and what it gives the role that it follows from
    phrases: Phrases


class Responsibility(_Strict):
    """A piece of work the article assigns to one role, or to both when it is shared."""

    id: EntryId
    title: Text
    owners: list[EntryId] = Field(min_length=1)
    phrases: Phrases
    section: Text
    why: Text
    inferred: Inferred | None = None
    # Shared work the article divides, each role doing its own side (the roadmap), rather than
    # work both do: "the PO owns it" is then only partly so.
    split: bool = False

    @property
    def every_phrase(self) -> list[str]:
        """Every phrasing the work is matched on; those the article never names last."""
        return [*self.phrases, *(self.inferred.phrases if self.inferred else [])]

    @model_validator(mode="after")
    def _named_or_inferred(self) -> Responsibility:
        """A phrase is either work the article names or work it does not, never both."""
        both = set(self.phrases) & set(self.inferred.phrases if self.inferred else [])
        if both:
            raise ValueError(f"phrases both named and inferred: {', '.join(sorted(both))}")
        return self


class Neighbour(_Strict):
    """Work the article hands to someone else, so RoleFit can say "neither — ask them"."""

    id: EntryId
    title: Text
    owner: Text
    phrases: Phrases
    section: Text
    why: Text


class Unsettled(_Strict):
    """Common product-team work the article does not settle (the Scrum Master's events,
    engineering architecture, A/B tests…): RoleFit says so instead of guessing a role, and names
    who usually does it where common practice is clear."""

    id: EntryId
    title: Text
    usually: Text | None = None
    phrases: Phrases
    why: Text


class Concept(_Strict):
    """An idea the article discusses (three horizons, go-to-market…), explained in our words.
    `defined: false` marks one the article names without explaining (its explanation says so
    in its own words); for such an idea, `outside` may say what it commonly means in practice,
    which RoleFit says is outside the article."""

    id: EntryId
    title: Text
    phrases: Phrases
    section: Text
    explanation: Text
    defined: bool = True
    outside: Text | None = None

    @model_validator(mode="after")
    def _outside_only_where_undefined(self) -> Concept:
        """Practice outside the article fills in only what the article leaves undefined."""
        if self.outside is not None and self.defined:
            raise ValueError("outside is for an idea the article does not define (defined: false)")
        return self


class UnrelatedTopic(_Strict):
    """Everyday work outside product management (payroll, VPN, snacks) so it is not forced
    onto a role just because one word looks familiar."""

    id: EntryId
    title: Text
    owner: Text
    phrases: Phrases


class Language(_Strict):
    """How people say things: abbreviations expand, synonyms collapse onto one concept word."""

    abbreviations: dict[str, Text] = {}
    synonyms: dict[str, list[Text]] = {}
    weak_words: list[Text] = []


class KnowledgeFile(_Strict):
    """One YAML file, built-in or overlay. Overlays usually use only the last three keys."""

    roles: list[Role] = []
    responsibilities: list[Responsibility] = []
    neighbours: list[Neighbour] = []
    unsettled: list[Unsettled] = []
    concepts: list[Concept] = []
    unrelated: list[UnrelatedTopic] = []
    language: Language = Language()
    add_phrases: dict[EntryId, Phrases] = {}
    holders: dict[EntryId, Holders] = {}


class KnowledgeBase(_Strict):
    """Everything RoleFit knows, merged from the built-in files and any overlays."""

    roles: dict[str, Role]
    responsibilities: list[Responsibility]
    neighbours: list[Neighbour] = []
    unsettled: list[Unsettled] = []
    concepts: list[Concept] = []
    unrelated: list[UnrelatedTopic] = []
    language: Language = Language()

    def responsibility(self, responsibility_id: str) -> Responsibility | None:
        """The responsibility with this id, or None."""
        return next((r for r in self.responsibilities if r.id == responsibility_id), None)


class MatchRef(BaseModel):
    """The responsibility an answer rests on."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str


class Alternative(BaseModel):
    """A runner-up worth offering as "did you mean…"."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    owners: list[str]
    confidence: float = Field(ge=0.0, le=1.0)


class Answer(BaseModel):
    """Who owns the work a question describes; `owners == []` means neither role."""

    model_config = ConfigDict(frozen=True)

    question: str
    owners: list[str]
    confidence: float = Field(ge=0.0, le=1.0)
    responsibility: MatchRef | None = None
    alternatives: list[Alternative] = Field(default_factory=list, max_length=3)
    explanation: str
    section: str | None = None
    why: str | None = None
    outside_owner: str | None = None
    # False when the work is common but the article does not say whose it is.
    settled: bool = True
    # False when the article never names the work itself: RoleFit placed it by the work it does
    # name (a responsibility's `inferred` phrasings).
    named: bool = True
    # True when the person picked this work from the "did you mean" runners-up: the answer is
    # about that work, not about the question as asked.
    picked: bool = False
    # A question listing pieces of work that belong to different roles ("the backlog and
    # pricing?"): each piece's own answer, in the order asked (`owners` is then every role named).
    parts: list[Answer] = Field(default_factory=list, max_length=MOST_LISTED)

    def offers_alternatives(self) -> bool:
        """Whether the answer comes with "did you mean" choices: when RoleFit is unsure or found
        neither role, and the matcher has runners-up."""
        unsure = not self.owners or confidence_words(self.confidence) == "not sure"
        return unsure and bool(self.alternatives)

    def details(self) -> list[tuple[str, str]]:
        """What the answer rests on, as (label, text) pairs, in the order people read them."""
        pairs = [
            ("Matched responsibility", self.responsibility.title if self.responsibility else ""),
            ("Article section", self.section or ""),
            ("Why", self.why or ""),
        ]
        return [(label, text) for label, text in pairs if text]
