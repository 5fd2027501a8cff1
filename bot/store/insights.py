"""What the store records about questions and feedback, and the one set of figures it computes from
them. Plain data: `/rolefit stats`, the admins' Home tab and `rolefit insights` all render the
same `Insights`, so they cannot disagree."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, computed_field

# Days a workspace keeps question texts unless it says otherwise; 0 keeps counts and no text.
DEFAULT_RETENTION_DAYS = 90
# What `rolefit insights` and the Home tab look back over unless told otherwise.
INSIGHTS_DAYS = 30
# The corrections a 👎 can name ("which role should it be?").
CORRECTIONS = ("product-owner", "product-manager", "both", "neither")


# What a hiring question's button ended in: kept with the person's recent recommendations, not
# counted as a question asked (the question that led to it was).
ADVICE_ONLY = "advice"


class Asked(BaseModel):
    """One question as it is recorded: who asked, what, and what RoleFit answered."""

    model_config = ConfigDict(frozen=True)

    team: str
    user: str
    text: str
    intent: str
    owners: list[str] | None = None  # None: not an ownership answer; []: neither role
    confidence: float | None = None
    responsibility: str | None = None
    recommendation: str | None = None  # hiring advice given, if any


class Vote(BaseModel):
    """One person's feedback on one answer: 👍, or 👎 with the role it should have been."""

    model_config = ConfigDict(frozen=True)

    team: str
    user: str
    question_id: int
    helpful: bool
    role: str | None = None
    comment: str | None = None

    @property
    def key(self) -> str:
        return vote_key(self.team, self.question_id, self.user)


def vote_key(team: str, question_id: int, user: str) -> str:
    """One vote per person per answer, per workspace."""
    return f"{team}:{question_id}:{user}"


class TopQuestion(BaseModel):
    text: str
    count: int


class Comment(BaseModel):
    """What a person typed in the 👎 form, the role they said it should be, and the question."""

    text: str
    role: str | None = None
    question: str | None = None  # None once the question's text is past retention


class Insights(BaseModel):
    """A workspace's figures over the last `days` days."""

    team: str
    days: int
    asked: int = 0
    answered: int = 0
    unanswered: int = 0  # off-topic, or no role could be named
    low_confidence: int = 0  # a role named, but "not sure"
    helpful: int = 0
    not_helpful: int = 0
    corrections: dict[str, int] = Field(default_factory=dict)  # role → 👎 naming it
    top_questions: list[TopQuestion] = Field(default_factory=list)  # unanswered or disputed
    comments: list[Comment] = Field(default_factory=list)  # the latest 👎 comments, newest first

    @property
    def votes(self) -> int:
        return self.helpful + self.not_helpful

    @computed_field  # type: ignore[prop-decorator]
    @property
    def helpful_rate(self) -> float | None:
        """👍 / (👍 + 👎); None before anyone voted."""
        return self.helpful / self.votes if self.votes else None


class Recommended(BaseModel):
    """Hiring advice RoleFit gave a person, for their Home tab."""

    at: float
    recommendation: str
    text: str | None = None
