"""The hiring advisor: a leader's answers in; Product Owner, Product Manager, or both out.

It follows the article's logic. Delivery work (backlog, user stories, sprints) in a Scrum team
points to a Product Owner; building a business around the product (strategy, market and
competitive research, go-to-market, financials, suppliers, all departments) points to a Product
Manager; work both roles do counts lightly for each. Every point a role earns comes with a reason
tied to an answer, a responsibility or an article section, so the advice can always explain
itself. Pure: no Slack, no I/O, deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from knowledge import Answer, Matcher
from knowledge.confidence import CLEARLY, MOST_LIKELY, PLACEMENT_CONFIDENCE
from knowledge.questionnaire import (
    COMPANY_STAGE,
    PRODUCT_MANAGER,
    PRODUCT_OWNER,
    ROLE_IDS,
    CompanyStage,
    Goal,
    Headcount,
    RoleId,
    label_of,
    with_article,
)

MAX_NEEDS = 40
MAX_NEED_LENGTH = 300

#: How much each kind of evidence weighs. The goal is the article's first question, so it weighs
#: most; a need owned by one role is worth a point; shared work counts lightly for both.
GOAL_WEIGHT = 2.0
SCRUM_WEIGHT = 1.0
NO_SCRUM_WEIGHT = 0.5
LARGER_STAGE_WEIGHT = 0.5
NEED_WEIGHT = 1.0
SHARED_NEED_WEIGHT = 0.5

#: The advice: one role, or both.
Decision = Literal[RoleId, "both"]
# Whether the team runs Scrum: yes, no, or "unsure" (a founder who does not know yet).
ScrumAnswer = bool | Literal["unsure"]

GOAL_SIDES: dict[Goal, tuple[RoleId, ...]] = {
    "deliver-product": (PRODUCT_OWNER,),
    "build-business": (PRODUCT_MANAGER,),
    "both": ROLE_IDS,
}
LARGER_STAGES: frozenset[CompanyStage] = frozenset({"scale-up", "enterprise"})
# How sure advice for a second person in the role already on staff is below a scale-up: a
# close call, since the article has small companies hire one product person.
SMALL_COMPANY_SECOND_HIRE_CONFIDENCE = 0.4

# Article sections the reasons point to (titles as the article spells them).
SECTION_IDENTIFY_NEED = "Identify the Need"
SECTION_RESPONSIBILITIES = "Product Manager vs. Product Owner: Responsibilities"


class HiringAnswers(BaseModel):
    """What a leader tells RoleFit about the hire: one field per question in
    `knowledge.questionnaire.QUESTIONS`, whose choices are these fields' values."""

    model_config = ConfigDict(extra="forbid")

    company_stage: CompanyStage
    goal: Goal
    uses_scrum: ScrumAnswer
    existing_roles: list[RoleId] = []
    needs: list[str] = Field(default=[], max_length=MAX_NEEDS)
    headcount: Headcount

    @field_validator("headcount", mode="before")
    @classmethod
    def _headcount_is_a_number(cls, value: object) -> object:
        # Lax mode would read `true` as 1 hire; a yes/no is not a headcount.
        if isinstance(value, bool):
            raise ValueError("headcount must be the number 1 or 2")
        return value

    @field_validator("existing_roles")
    @classmethod
    def _each_role_once(cls, roles: list[RoleId]) -> list[RoleId]:
        return list(dict.fromkeys(roles))

    @field_validator("needs")
    @classmethod
    def _clean_needs(cls, needs: list[str]) -> list[str]:
        """Trim, drop blanks and repeats (case-insensitively), and refuse essays."""
        cleaned: dict[str, str] = {}
        for need in needs:
            text = " ".join(need.split())
            if len(text) > MAX_NEED_LENGTH:
                raise ValueError(f"each need must be at most {MAX_NEED_LENGTH} characters")
            if text:
                cleaned.setdefault(text.casefold(), text)
        return list(cleaned.values())


class Reason(BaseModel):
    """One short sentence for the user, and what it rests on."""

    text: str
    source: Literal["answer", "responsibility", "article"]
    ref: str


class PlacedNeed(BaseModel):
    """A need the knowledge base recognised, and who owns that work."""

    need: str
    responsibility_id: str
    title: str
    owners: list[str]


class Recommendation(BaseModel):
    """The advice. `scores` measure fit to the answers, before any role already on staff is
    ruled out; `confidence` comes from the margin between them."""

    recommendation: Decision
    confidence: float = Field(ge=0.0, le=1.0)
    scores: dict[str, float]
    reasons: list[Reason]  # what the advice rests on: never a point for the role not hired
    # Points for the role not hired, weighed and outweighed ("your team runs Scrum" when the
    # advice is a Product Manager): said as such, never as a reason for the advice.
    against: list[Reason] = []
    unplaced_needs: list[str]
    # Those of the unplaced needs that are someone else's work outside product: a reason says so.
    outside_needs: list[str] = []
    placed_needs: list[PlacedNeed]
    # The roles already on staff: the work of the role not hired is theirs.
    on_staff: list[RoleId] = []
    # The leader did not know whether the team runs Scrum: the next steps say what it changes.
    scrum_unknown: bool = False

    def not_covered(self) -> list[PlacedNeed]:
        """Needs the team named that belong only to a role this advice does not hire."""
        hired = set(ROLE_IDS) if self.recommendation == "both" else {self.recommendation}
        return [need for need in self.placed_needs if not hired & set(need.owners)]


@dataclass
class _Evidence:
    """A reason and the points it gives each role."""

    reason: Reason
    points: dict[RoleId, float]


def advise(answers: HiringAnswers, matcher: Matcher) -> Recommendation:
    """Score both roles from the answers and the placed needs, then decide."""
    kb = matcher.kb
    names = {role: kb.roles[role].name for role in ROLE_IDS}
    placed, unplaced, outside, need_evidence = _place_needs(answers.needs, matcher, names)
    answered = _answer_evidence(answers, names)
    evidence = answered + need_evidence

    scores = {role: sum(item.points.get(role, 0.0) for item in evidence) for role in ROLE_IDS}
    decision, confidence, decision_reasons = _decide(answers, scores, placed, names)

    supporting = ROLE_IDS if decision == "both" else (decision,)
    if decision == "both":  # each side's work in turn, so a short list of reasons shows both
        evidence = [*answered, *_in_turn(need_evidence)]

    def weighs_against(item: _Evidence) -> bool:
        """A point for neither hire; or, hiring both, the team running no Scrum, which counts
        for the Product Manager but is said as a caution for the Product Owner."""
        if decision == "both" and item.reason.ref == "uses_scrum" and answers.uses_scrum is False:
            return True
        return bool(item.points) and not any(item.points.get(r) for r in supporting)

    backs = [
        item.reason
        for item in evidence
        if any(item.points.get(r) for r in supporting) and not weighs_against(item)
    ]
    neutral = [item.reason for item in evidence if not item.points]  # work for someone else
    against = [item.reason for item in evidence if weighs_against(item)]
    if decision == "both" and answers.company_stage not in LARGER_STAGES:
        against.insert(0, _usually_one())  # the article's note on size, against two hires
    return Recommendation(
        recommendation=decision,
        confidence=round(confidence, 2),
        scores={role: round(score, 2) for role, score in scores.items()},
        reasons=decision_reasons + backs + neutral,
        against=against,
        unplaced_needs=unplaced,
        outside_needs=outside,
        placed_needs=placed,
        on_staff=answers.existing_roles,
        scrum_unknown=answers.uses_scrum == "unsure",
    )


def _in_turn(evidence: list[_Evidence]) -> list[_Evidence]:
    """Need evidence with each role's in turn (a Product Owner's, a Product Manager's, …), shared
    work after; each role's in its own order."""
    alone = [[item for item in evidence if list(item.points) == [role]] for role in ROLE_IDS]
    shared = [item for item in evidence if len(item.points) != 1]
    turns = [item for pair in zip_longest(*alone) for item in pair if item is not None]
    return [*turns, *shared]


def _answer_evidence(answers: HiringAnswers, names: dict[RoleId, str]) -> list[_Evidence]:
    po, pm = names[PRODUCT_OWNER], names[PRODUCT_MANAGER]
    evidence: list[_Evidence] = []
    if answers.goal == "deliver-product":
        text = f"You want the product delivered: features, stories and the backlog are {po} work."
        evidence.append(_answer(text, "goal", {PRODUCT_OWNER: GOAL_WEIGHT}))
    elif answers.goal == "build-business":
        text = f"You want to build a business around the product, which is what a {pm} does."
        evidence.append(_answer(text, "goal", {PRODUCT_MANAGER: GOAL_WEIGHT}))
    else:
        text = (
            "You want the product delivered and a business built around it, "
            "so that counts for both roles."
        )
        half = GOAL_WEIGHT / 2
        evidence.append(_answer(text, "goal", {PRODUCT_OWNER: half, PRODUCT_MANAGER: half}))

    if answers.uses_scrum is True:
        text = f"Your team runs Scrum, and the {po} is a Scrum role."
        evidence.append(_answer(text, "uses_scrum", {PRODUCT_OWNER: SCRUM_WEIGHT}))
    elif answers.uses_scrum is False:
        text = f"Your team doesn't run Scrum, where the {po} role comes from."
        evidence.append(_answer(text, "uses_scrum", {PRODUCT_MANAGER: NO_SCRUM_WEIGHT}))
    else:  # counts for neither: said, with how to find out
        text = (
            f"You're not sure whether your team runs Scrum. The {po} is a Scrum role, so if it "
            "does, that would count for one. (Outside the article: your engineers will know "
            "whether they work in sprints from an ordered backlog.)"
        )
        evidence.append(_answer(text, "uses_scrum", {}))

    if answers.company_stage in LARGER_STAGES:
        stage = with_article(label_of(COMPANY_STAGE, answers.company_stage).lower())
        # (how many product people larger companies have says nothing of which role: the
        # head count's reasons say that)
        # (an inference, said to be one: the article ties a company's size to its number of
        # product people, never to which role)
        text = (
            f"Yours is {stage}, with more departments and levels, and the article has the {pm} "
            "working with all of them (RoleFit's reading: it never ties company size to the role)."
        )
        evidence.append(_answer(text, "company_stage", {PRODUCT_MANAGER: LARGER_STAGE_WEIGHT}))
    return evidence


def _answer(text: str, field: str, points: dict[RoleId, float]) -> _Evidence:
    return _Evidence(Reason(text=text, source="answer", ref=field), points)


def _place_needs(
    needs: list[str], matcher: Matcher, names: dict[RoleId, str]
) -> tuple[list[PlacedNeed], list[str], list[str], list[_Evidence]]:
    """Resolve each need to a responsibility; each responsibility counts once however it is
    phrased. Work the article gives to someone else, or nothing recognisable, stays unplaced;
    the former (with a reason saying whose it is) is also listed as outside."""
    placed: list[PlacedNeed] = []
    unplaced: list[str] = []
    outside: list[str] = []
    evidence: list[_Evidence] = []
    seen: set[str] = set()
    for need, answer in (piece for asked in needs for piece in _resolve(asked, matcher)):
        if answer is None or answer.responsibility is None:
            unplaced.append(need)
            if answer is not None and answer.outside_owner:
                outside.append(need)
                evidence.append(_outside_work(need, answer))
            continue
        ref = answer.responsibility
        owners = [role for role in ROLE_IDS if role in answer.owners]
        placed.append(
            PlacedNeed(need=need, responsibility_id=ref.id, title=ref.title, owners=owners)
        )
        if ref.id not in seen:
            seen.add(ref.id)
            evidence.append(_need_evidence(ref.id, ref.title, owners, answer.why, names))
    return placed, unplaced, outside, evidence


def _resolve(need: str, matcher: Matcher) -> list[tuple[str, Answer | None]]:
    """A knowledge-base id resolves directly; a free phrase goes through the matcher, a list of
    work for different roles piece by piece, each kept only when it lands on a responsibility
    with enough confidence (or names who outside product does it)."""
    if matcher.kb.responsibility(need.lower()) is not None:
        return [(need, matcher.answer_for(need.lower(), need))]
    answer = matcher.answer(need)
    return [(part.question, placeable(part)) for part in answer.parts] or [
        (need, placeable(answer))
    ]


def placeable(answer: Answer) -> Answer | None:
    """The answer, where it places a need: work outside product said whose it is, or a role's
    work at least most likely (a need typed in the questionnaire, or named in a conversation's
    hiring story); None for a guess."""
    if answer.outside_owner:
        return answer
    if answer.owners and answer.confidence >= PLACEMENT_CONFIDENCE:
        return answer
    return None


def _need_evidence(
    responsibility_id: str,
    title: str,
    owners: list[RoleId],
    why: str | None,
    names: dict[RoleId, str],
) -> _Evidence:
    detail = f" {why}" if why else ""
    if len(owners) == 1:
        text = f"{title} is {names[owners[0]]} work.{detail}"
        points = {owners[0]: NEED_WEIGHT}
    else:
        text = f"{title} is work both roles do, so it counts a little for each.{detail}"
        points = {role: SHARED_NEED_WEIGHT for role in owners}
    return _Evidence(Reason(text=text, source="responsibility", ref=responsibility_id), points)


def _outside_work(need: str, answer: Answer) -> _Evidence:
    if answer.settled:
        text = f"“{need}” is work for {answer.outside_owner}, not for a product hire."
    else:  # commonly someone's, but the article never says: said as such
        text = (
            f"The article doesn't settle whose work “{need}” is (commonly "
            f"{answer.outside_owner}'s), so it counts for neither hire."
        )
    ref = answer.section or SECTION_RESPONSIBILITIES
    return _Evidence(Reason(text=text, source="article", ref=ref), {})


def _decide(
    answers: HiringAnswers,
    scores: dict[RoleId, float],
    placed: list[PlacedNeed],
    names: dict[RoleId, str],
) -> tuple[Decision, float, list[Reason]]:
    """Pick the hire. With both roles on staff, another in the role the answers call for
    (`_another`); with one, the other role, or a second of it (`_beside`); two hires go to both
    roles only when there is work on both sides and the goal or the company's size calls for
    it."""
    total = sum(scores.values()) or 1.0
    if len(answers.existing_roles) == len(ROLE_IDS):
        return _another(answers, scores, names)
    if answers.existing_roles:
        (employed,) = answers.existing_roles
        other = PRODUCT_MANAGER if employed == PRODUCT_OWNER else PRODUCT_OWNER
        decision, confidence, reasons = _beside(employed, other, answers, scores, names)
        if answers.headcount == 2:
            # Two hires were offered and one is advised: said why, rather than left unsaid.
            text = (
                _one_covers_it(f"a second {names[employed]}")
                if decision == employed
                else f"You could make two hires, but with a {names[employed]} on staff, a "
                f"{names[other]} covers the side left."
            )
            reasons.append(_headcount_reason(text))
        return decision, confidence, reasons

    sides = _sides(answers, placed)
    wants_both = answers.goal == "both" or answers.company_stage in LARGER_STAGES
    if answers.headcount == 2 and len(sides) == 2 and wants_both:
        low, high = sorted(scores.values())
        text = (
            f"You can make two hires and have work on both sides: a {names[PRODUCT_OWNER]} "
            f"to deliver the product and a {names[PRODUCT_MANAGER]} to build the business."
        )
        # (two product hires are unusual at a smaller company: weighed against it in `advise`)
        return "both", 0.5 + 0.5 * low / (high or 1.0), [_headcount_reason(text)]

    best = _best_fit(answers, scores)
    other = PRODUCT_MANAGER if best == PRODUCT_OWNER else PRODUCT_OWNER
    confidence = _from_margin(scores[best] - scores[other], total)
    reasons = [_article_rule(best, names)]
    if answers.headcount == 2:
        if sides == {other}:
            # the work named is the other role's, the rest of the answers this one's: one hire
            # does not cover it all, and the other role is the second
            text = (
                f"You could make two hires; this advice is for the first. The rest of your "
                f"answers point to a {names[best]}, but the work you picked is {names[other]} "
                f"work, so a {names[other]} could be the second."
            )
        else:
            text = _one_covers_it(f"one {names[best]}")
        reasons.append(_headcount_reason(text))
        if answers.company_stage not in LARGER_STAGES:
            reasons.append(_usually_one())
    elif len(sides) == 2:
        listed = {role: sum(need.owners == [role] for need in placed) for role in (best, other)}
        no_rule = "the article gives no rule for that"
        rests_on = "headcount"
        if listed[best] > listed[other]:
            why = f"more of the work you listed is {names[best]} work"
        elif best == PRODUCT_OWNER and answers.uses_scrum is True:
            why = f"{no_rule}, so the Scrum your team runs tips it"  # said on its own below
            # (resting on the Scrum told: unsaid where a conversation only presumed it)
            rests_on = "uses_scrum"
        elif best == PRODUCT_MANAGER:
            why = f"{no_rule}, and a {names[best]}'s brief is the broader one"
        else:
            why = f"{no_rule}, and on what you told RoleFit a {names[best]} fits slightly better"
        text = f"You can make one hire and need work from both sides; {why}."
        reasons.append(_headcount_reason(text, rests_on))
    return best, confidence, reasons


def _beside(
    employed: RoleId,
    other: RoleId,
    answers: HiringAnswers,
    scores: dict[RoleId, float],
    names: dict[RoleId, str],
) -> tuple[Decision, float, list[Reason]]:
    """One role on staff (`employed`): a second of it only when the hire is for its side alone
    and what was described is its work; otherwise the other role (whose side the one on staff
    leaves uncovered, however many hires are offered)."""
    total = sum(scores.values()) or 1.0
    larger = answers.company_stage in LARGER_STAGES
    if GOAL_SIDES[answers.goal] == (employed,) and scores[employed] > scores[other]:
        text = (
            f"With a {names[employed]} on staff and the hire for their side of the work "
            f"alone, the hire to make is a second {names[employed]}: larger companies "
            "often have more than one person in product."
        )
        confidence = _from_margin(scores[employed] - scores[other], total)
        if not larger:
            # A close call at most: a second product person is unusual this size.
            text += " Startups and small businesses usually have just one, so weigh it."
            confidence = min(confidence, SMALL_COMPANY_SECOND_HIRE_CONFIDENCE)
        return employed, confidence, [Reason(text=text, source="answer", ref="existing_roles")]
    confidence = _from_margin(scores[other] - scores[employed], total)
    if other in GOAL_SIDES[answers.goal]:
        # The side wanted that the one on staff leaves is the other's: no close call, and
        # clear unless most of the work described is what the one on staff already covers.
        confidence = max(confidence, MOST_LIKELY if scores[employed] > scores[other] else CLEARLY)
    text = f"With a {names[employed]} on staff, the hire to make is a {names[other]}."
    if scores[employed] > scores[other]:
        text += f" Most of what you described is {names[employed]} work they already cover."
    return other, confidence, [Reason(text=text, source="answer", ref="existing_roles")]


def _another(
    answers: HiringAnswers, scores: dict[RoleId, float], names: dict[RoleId, str]
) -> tuple[Decision, float, list[Reason]]:
    """Both roles already on staff: the hire is another person in the role the answers point
    to (larger companies often have more than one person in product), or, with two hires, a
    goal on both sides and a larger company, one more of each. A close call below a scale-up."""
    po, pm = names[PRODUCT_OWNER], names[PRODUCT_MANAGER]
    larger = answers.company_stage in LARGER_STAGES
    decision: Decision
    if answers.goal == "both" and answers.headcount == 2 and larger:
        decision, hired = "both", f"one more {po} and one more {pm}"
        low, high = sorted(scores.values())
        confidence = 0.5 + 0.5 * low / (high or 1.0)
    else:
        best = _best_fit(answers, scores)
        other = PRODUCT_MANAGER if best == PRODUCT_OWNER else PRODUCT_OWNER
        decision, hired = best, f"a second {names[best]}"
        confidence = _from_margin(scores[best] - scores[other], sum(scores.values()) or 1.0)
    text = (
        f"With a {po} and a {pm} on staff, the hire to make is {hired}: larger companies "
        "often have more than one person in product."
    )
    if not larger:
        text += " Startups and small businesses usually have just one, so weigh it."
        confidence = min(confidence, SMALL_COMPANY_SECOND_HIRE_CONFIDENCE)
    reasons = [Reason(text=text, source="answer", ref="existing_roles")]
    if answers.headcount == 2 and decision != "both":
        # Two hires were offered and one is advised: said why, rather than left unsaid.
        one_more = f"one more {names[decision]}"
        text = (
            _one_covers_it(one_more)
            if answers.goal != "both"
            else "You could make two hires, but one more of each suits a scale-up or a larger "
            f"company; at your size, {one_more}."
        )
        reasons.append(_headcount_reason(text))
    return decision, confidence, reasons


def _from_margin(lead: float, total: float) -> float:
    """Confidence from one role's lead over the other: a near tie is a close call ("not sure"),
    a clear lead is "clearly"; never below 0.3, since the advisor always has a best fit."""
    return max(0.3, min(1.0, 0.3 + 0.7 * lead / total))


def _sides(answers: HiringAnswers, placed: list[PlacedNeed]) -> set[str]:
    """The roles with work of their own to do: from the needs named, or from the goal when no
    need belongs to a single role; a goal on both sides is both, whatever work was named (an
    enterprise wanting delivery and growth that named only backlog work still wants growth)."""
    from_needs = {role for need in placed if len(need.owners) == 1 for role in need.owners}
    if answers.goal == "both":
        return from_needs | set(GOAL_SIDES[answers.goal])
    return from_needs or set(GOAL_SIDES[answers.goal])


def _best_fit(answers: HiringAnswers, scores: dict[RoleId, float]) -> RoleId:
    """The higher score; on a tie, Scrum teams get their Product Owner and everyone else the
    broader Product Manager (the article's advice for a single product hire)."""
    if scores[PRODUCT_OWNER] != scores[PRODUCT_MANAGER]:
        return max(ROLE_IDS, key=lambda role: scores[role])
    return PRODUCT_OWNER if answers.uses_scrum is True else PRODUCT_MANAGER


def _one_covers_it(hire: str) -> str:
    """Two hires offered, one advised: what it covers."""
    return f"You could make two hires, but {hire} covers what you described."


def _usually_one() -> Reason:
    """The article's note on size, said of a startup's or small business's stage: a reason for
    one hire where two were offered, or weighed against hiring two. Its ref is the stage, so a
    conversation that never gave one can leave it unsaid (`Chat.advise`)."""
    text = "Startups and small businesses usually start with a single product person."
    return Reason(text=text, source="answer", ref="company_stage")


def _headcount_reason(text: str, rests_on: str = "headcount") -> Reason:
    """A reason about the head count (`rests_on` another answer where it rests on that too)."""
    return Reason(text=text, source="answer", ref=rests_on)


def _article_rule(role: RoleId, names: dict[RoleId, str]) -> Reason:
    if role == PRODUCT_MANAGER:
        text = (
            f"A {names[PRODUCT_MANAGER]} decides what to build and why, and builds "
            "the business around the product."
        )
    else:
        text = (
            f"A {names[PRODUCT_OWNER]} turns priorities into a delivered product "
            "through the backlog and sprints."
        )
    return Reason(text=text, source="article", ref=SECTION_IDENTIFY_NEED)
