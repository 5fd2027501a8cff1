"""One turn of a conversation: read the intent, answer it from the knowledge base, remember
what the next turn needs. Every answer rests on the article (cited by section) or says plainly
that the article does not cover it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from knowledge.advice_words import headline, not_covered, verdict
from knowledge.advisor import Recommendation, advise
from knowledge.confidence import CLEARLY, MOST_LIKELY, confidence_words
from knowledge.dialogue.concepts import ConceptFinder
from knowledge.dialogue.facts import Fact, HiringFacts, read_facts
from knowledge.dialogue.intents import Intent, Reading, classify
from knowledge.dialogue.memory import Memory
from knowledge.matcher import Matcher
from knowledge.models import Answer, Concept, KnowledgeBase
from knowledge.questionnaire import ROLE_IDS

# RoleFit asks back at most this many times before it recommends with what it has.
MAX_ASKS = 3
SECTION_BASICS = "Understanding the basics"
SECTION_NEED = "Identify the Need"

ASK_WORDING: dict[Fact, tuple[str, tuple[tuple[str, str], ...]]] = {
    "goal": (
        "What is the hire mostly for?",
        (
            ("deliver-product", "Delivering the product (backlog, sprints)"),
            ("build-business", "Building the business (market, strategy, go-to-market)"),
            ("both", "Both"),
        ),
    ),
    "headcount": (
        "How many product people can you hire now?",
        (("1", "One"), ("2", "Two")),
    ),
    "uses_scrum": (
        "Does your team work in Scrum (or want to)?",
        (("yes", "Yes"), ("no", "No")),
    ),
}


class Ask(BaseModel):
    """A question RoleFit asks back, with the answers offered as buttons."""

    model_config = ConfigDict(frozen=True)

    fact: Fact
    question: str
    options: tuple[tuple[str, str], ...]


class Reply(BaseModel):
    """What RoleFit says to one message, as plain data, and what it remembers after."""

    model_config = ConfigDict(frozen=True)

    intent: Intent
    text: str
    memory: Memory
    follow_up: bool = False
    answer: Answer | None = None
    recommendation: Recommendation | None = None
    facts: HiringFacts | None = None
    asks: tuple[Ask, ...] = ()
    concept: Concept | None = None
    kind: str = ""  # feedback or smalltalk kind

    @property
    def owners(self) -> list[str] | None:
        return None if self.answer is None else list(self.answer.owners)


class Chat:
    """Answers every turn of a conversation from one knowledge base."""

    def __init__(self, kb: KnowledgeBase, matcher: Matcher) -> None:
        self.kb = kb
        self.matcher = matcher
        self.concepts = ConceptFinder(kb)
        po, pm = (kb.roles[role] for role in ROLE_IDS)
        self._po, self._pm = po, pm

    def reply(self, text: str, memory: Memory | None = None) -> Reply:
        reading = classify(text, memory, self._knows_work)
        answer_to = {
            Intent.OWNERSHIP: self._ownership,
            Intent.HIRE: self._hire,
            Intent.COMPARE: self._compare,
            Intent.COMBINE: self._combine,
            Intent.CONCEPT: self._concept,
            Intent.SMALLTALK: self._smalltalk,
            Intent.HELP: self._help,
            Intent.FEEDBACK: self._feedback,
            Intent.OFF_TOPIC: self._off_topic,
        }[reading.intent]
        return answer_to(reading, memory)

    def _knows_work(self, text: str) -> bool:
        answer = self.matcher.answer(text)
        known = bool(answer.owners) or bool(answer.outside_owner) or not answer.settled
        return known and answer.confidence >= MOST_LIKELY / 2

    # -- ownership -----------------------------------------------------------------------------

    def _ownership(self, reading: Reading, memory: Memory | None) -> Reply:
        answer = self.matcher.answer(reading.text)
        return Reply(
            intent=Intent.OWNERSHIP,
            text=self.ownership_text(answer),
            answer=answer,
            follow_up=reading.follow_up,
            memory=Memory(intent="ownership", question=reading.text),
        )

    def ownership_text(self, answer: Answer) -> str:
        """The answer in words, leading with who does the work."""
        names = [self.kb.roles[o].name for o in answer.owners if o in self.kb.roles]
        if not answer.settled:
            usual = f" Commonly it is {answer.outside_owner}'s." if answer.outside_owner else ""
            return f"The article doesn't settle who does this.{usual} {answer.why or ''}".strip()
        if names:
            who = " and the ".join(names)
            shared = " (both roles share it)" if len(names) > 1 else ""
            word = confidence_words(answer.confidence)
            lead = {
                "clearly": f"That's clearly work for the {who}{shared}.",
                "most likely": f"Most likely the {who}{shared}.",
                "not sure": f"I'm not sure, but it leans towards the {who}{shared}.",
            }[word]
            why = f" {answer.why}" if answer.why else ""
            section = f" (Article: {answer.section}.)" if answer.section else ""
            return f"{lead}{why}{section}"
        if answer.outside_owner:
            return (
                f"That's usually {answer.outside_owner}'s work, not a product role's. "
                f"{answer.why or ''}".strip()
            )
        return (
            "Neither the Product Owner nor the Product Manager owns that, as far as the article "
            "goes."
        )

    # -- hiring --------------------------------------------------------------------------------

    def _hire(self, reading: Reading, memory: Memory | None) -> Reply:
        known = memory.facts if memory is not None and memory.facts is not None else HiringFacts()
        facts = known.merged(read_facts(reading.text))
        asked = memory.asked if memory is not None and memory.intent == "hire" else 0
        missing = facts.missing()
        if missing is not None and asked < MAX_ASKS:
            question, options = ASK_WORDING[missing]
            lead = "Happy to help you choose." if asked == 0 else "Thanks."
            return Reply(
                intent=Intent.HIRE,
                text=f"{lead} {question} (Or run the full questionnaire: `/rolefit hire`.)",
                facts=facts,
                asks=(Ask(fact=missing, question=question, options=options),),
                follow_up=reading.follow_up,
                memory=Memory(intent="hire", facts=facts, asked=asked + 1),
            )
        recommendation = self.advise(facts)
        return Reply(
            intent=Intent.HIRE,
            text=self.advice_text(recommendation),
            recommendation=recommendation,
            facts=facts,
            follow_up=reading.follow_up,
            memory=Memory(intent="hire", facts=facts, asked=asked),
        )

    def advise(self, facts: HiringFacts) -> Recommendation:
        """The advisor's advice on these facts, without reasons about facts nobody gave (the
        defaults fill them, but "your team doesn't run Scrum" must not be said unasked)."""
        recommendation = advise(facts.answers(), self.matcher)
        unstated = facts.unstated()
        reasons = [
            reason
            for reason in recommendation.reasons
            if not (reason.source == "answer" and reason.ref in unstated)
        ]
        return recommendation.model_copy(update={"reasons": reasons})

    def advice_text(self, recommendation: Recommendation) -> str:
        lines = [verdict(recommendation, self.kb)]
        lines += [f"- {reason.text}" for reason in recommendation.reasons[:4]]
        uncovered = not_covered(recommendation, self.kb)
        if uncovered:
            lines.append(f"Not covered by this hire: {uncovered}")
        return "\n".join(lines)

    def start_hiring(self) -> Reply:
        """ "Which do I need?": the hiring conversation from its first question."""
        return self._hire(Reading(Intent.HIRE, ""), None)

    def answer_fact(self, facts: HiringFacts, fact: Fact, value: str, asked: int) -> Reply:
        """A button answer to a question RoleFit asked: the facts updated, then the next step."""
        update: dict[str, object] = {}
        if fact == "goal":
            update["goal"] = value
        elif fact == "headcount":
            update["headcount"] = 2 if value == "2" else 1
        else:
            update["uses_scrum"] = value == "yes"
        memory = Memory(intent="hire", facts=facts.model_copy(update=update), asked=asked)
        return self._hire(Reading(Intent.HIRE, "", follow_up=True), memory)

    # -- the roles, side by side ---------------------------------------------------------------

    def _compare(self, reading: Reading, memory: Memory | None) -> Reply:
        po, pm = self._po, self._pm
        text = (
            f"{po.name} ({po.short}): {po.summary} Owns: {'; '.join(po.owns[:4])}.\n"
            f"{pm.name} ({pm.short}): {pm.summary} Owns: {'; '.join(pm.owns[:4])}.\n"
            "Both find out what customers need and turn it into technical requirements; past "
            f"that they diverge. Which do you need? Tell me about your team, or run "
            f"`/rolefit hire`. (Article: {SECTION_NEED}; {SECTION_BASICS}.)"
        )
        return Reply(intent=Intent.COMPARE, text=text, memory=Memory(intent="compare"))

    def _combine(self, reading: Reading, memory: Memory | None) -> Reply:
        po, pm = self._po.name, self._pm.name
        text = (
            f"The article treats them as two distinct roles needing different skills: the {po} "
            f"is a Scrum role that delivers the product, the {pm} a business role that builds "
            "the business around it. Startups and small businesses usually hire a single "
            "product person, so pick by what you need most: delivery points to a "
            f"{po}, growth to a {pm}. Larger companies usually have several product people. "
            "The article says nothing about one person holding both titles. "
            f"(Article: {SECTION_NEED}; {SECTION_BASICS}.)"
        )
        return Reply(intent=Intent.COMBINE, text=text, memory=Memory(intent="combine"))

    # -- concepts ------------------------------------------------------------------------------

    def _concept(self, reading: Reading, memory: Memory | None) -> Reply:
        concept = self.concepts.find(reading.text)
        if concept is None:
            text = (
                "The article doesn't explain that. It covers the two roles, what each owns, "
                "and whom to hire; ask me about any of those."
            )
            return Reply(intent=Intent.CONCEPT, text=text, memory=Memory(intent="concept"))
        caveat = "" if concept.defined else " (The article names this without defining it.)"
        text = f"{concept.title}: {concept.explanation}{caveat} (Article: {concept.section}.)"
        return Reply(
            intent=Intent.CONCEPT,
            text=text,
            concept=concept,
            follow_up=reading.follow_up,
            memory=Memory(intent="concept", concept=concept.id),
        )

    # -- the rest of a conversation ------------------------------------------------------------

    def _smalltalk(self, reading: Reading, memory: Memory | None) -> Reply:
        text = {
            "thanks": "You're welcome!",
            "bye": "Bye! Ask me any time who owns a piece of product work.",
        }.get(
            reading.kind,
            "Hi! I tell Product Owner work from Product Manager work. Try “who owns the "
            "backlog?” or “should we hire a PO or a PM?”",
        )
        return Reply(
            intent=Intent.SMALLTALK, text=text, kind=reading.kind, memory=Memory(intent="smalltalk")
        )

    def _help(self, reading: Reading, memory: Memory | None) -> Reply:
        text = (
            "I answer questions about the Product Owner and Product Manager roles, from the "
            f"article “{self.kb_title}”: who owns a piece of work (“who owns pricing?”), the "
            "difference between the roles, whether one person can be both, what a concept in "
            "the article means, and whom to hire (“we're a 12-person startup, who should we "
            "hire?”). `/rolefit hire` runs the hiring questionnaire."
        )
        return Reply(intent=Intent.HELP, text=text, memory=Memory(intent="help"))

    @property
    def kb_title(self) -> str:
        from knowledge.models import ARTICLE_TITLE

        return ARTICLE_TITLE

    def _feedback(self, reading: Reading, memory: Memory | None) -> Reply:
        kept = memory or Memory(intent="feedback")
        if reading.kind == "thanks":
            return Reply(intent=Intent.FEEDBACK, text="Glad it helped!", kind="thanks", memory=kept)
        previous = self._previous_answer(kept)
        why = reading.kind == "why"
        text = self._why(kept, previous) if why else self._disagreement(previous)
        return Reply(
            intent=Intent.FEEDBACK, text=text, kind=reading.kind, answer=previous, memory=kept
        )

    def _previous_answer(self, memory: Memory) -> Answer | None:
        return self.matcher.answer(memory.question) if memory.question else None

    def _why(self, memory: Memory, previous: Answer | None) -> str:
        if previous is not None:
            parts = [self.ownership_text(previous)]
            if previous.responsibility is not None:
                parts.append(f"I matched it to “{previous.responsibility.title}”.")
            parts.append(f"How I read it: {previous.explanation}")
            return " ".join(parts)
        if memory.facts is not None and memory.intent == "hire":
            recommendation = self.advise(memory.facts)
            reasons = " ".join(reason.text for reason in recommendation.reasons)
            return f"{headline(recommendation, self.kb)} because: {reasons}"
        return "Ask me who owns a piece of work, and I'll tell you why."

    def _disagreement(self, previous: Answer | None) -> str:
        teach = (
            " If your team splits the work differently, an admin can teach RoleFit with a "
            "knowledge overlay (`ROLEFIT_KNOWLEDGE`: add phrases or your own responsibilities)."
        )
        if previous is None:
            return "Thanks for telling me." + teach
        others = ", ".join(
            f"{alt.title} ({' and '.join(self.kb.roles[o].name for o in alt.owners)})"
            for alt in previous.alternatives
        )
        sure = "" if previous.confidence >= CLEARLY else " I wasn't certain either."
        alternatives = f" Other readings: {others}." if others else ""
        return (
            f"Thanks for pushing back.{sure} Going by the article: {self.ownership_text(previous)}"
            f"{alternatives}{teach}"
        )

    def _off_topic(self, reading: Reading, memory: Memory | None) -> Reply:
        text = (
            "That's outside what I know: I only cover the Product Owner and Product Manager "
            "roles (who owns what, and whom to hire)."
        )
        return Reply(intent=Intent.OFF_TOPIC, text=text, memory=Memory(intent="off-topic"))
