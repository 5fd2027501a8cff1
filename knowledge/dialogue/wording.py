"""What RoleFit says, in words: one place for each reply's text, grounded in the article (cited
by section) or saying plainly where the article is silent."""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge import advice_words
from knowledge.advice_words import not_covered, verdict, weighed_against
from knowledge.advisor import Recommendation
from knowledge.confidence import CLEARLY, confidence_words
from knowledge.models import ARTICLE_TITLE, Answer, Concept, KnowledgeBase, Role
from knowledge.questionnaire import ROLE_IDS

SECTION_BASICS = "Understanding the basics"
SECTION_NEED = "Identify the Need"
SECTION_VALUE = "The Value of a Product Manager"
SECTION_RESPONSIBILITIES = "Product Manager vs. Product Owner: Responsibilities"
INTRODUCED = (
    "Nice to meet you! I tell Product Owner work from Product Manager work: ask me who owns a "
    "piece of work, what either role does, or whom to hire."
)
HELLO = (
    "Hi! I tell Product Owner work from Product Manager work. Try “who owns the backlog?” or "
    "“should we hire a PO or a PM?”"
)
SMALLTALK = {
    "thanks": "You're welcome!",
    "bye": "Bye! Ask me any time who owns a piece of product work.",
}
# Rudeness with no answer to be sorry about: what RoleFit can do, in a line.
INSULTED = (
    "Sorry I haven't been useful yet. I answer who owns a piece of product work (“who owns "
    "pricing?”) and whom to hire (“PO or PM for a 10-person startup?”); try me on one."
)


def remembered(told: Sequence[str], advice: str | None, question: str) -> str:
    """ "What did I tell you?": what the conversation holds, and how to drop it."""
    if not told and not question:
        return (
            "You haven't told me anything about your team or your hire in this conversation, "
            "and I keep nothing else about you."
        )
    held = []
    if told:
        held.append(f"About your hire you told me: {', '.join(told)}.")
    if advice:
        held.append(f"On that, my advice: {advice[:1].lower()}{advice[1:]}.")
    if question:
        held.append(f"The last work you asked about: “{question.rstrip(' ?')}”.")
    return f"{' '.join(held)} Say “start over” and I'll forget it."


STARTED_OVER = (
    "Starting afresh: nothing you told me before counts now. Ask me who owns a piece of work, "
    "or whom to hire."
)
# "ok" in the middle of a conversation: it goes on.
ACKNOWLEDGED = "👍 Anything else, just ask: who owns a piece of work, or whom to hire."
HELP = (
    "I answer questions about the Product Owner and Product Manager roles, from the article "
    f"“{ARTICLE_TITLE}”: who owns a piece of work (“who owns pricing?”), the difference between "
    "the roles, whether one person can be both, what a concept in the article means, and whom "
    "to hire (“we're a 12-person startup, who should we hire?”). `/rolefit hire` runs the hiring "
    "questionnaire."
)
# "Why?" after the roles were set side by side: the article's reasoning, in our words.
WHY_TWO_ROLES = (
    "Because the article sets them apart by what each one is for. The Product Owner comes from "
    "Scrum and answers for delivering the product: the backlog, stories, sprints and test "
    "planning. The Product Manager is a business role that answers for building a profitable "
    "business around the product, across every department: strategy, research, go-to-market, "
    "financials and suppliers. Different work needs different skills, so the article asks which "
    "of the two your business needs most; startups and small businesses usually hire one product "
    f"person. (Article: {SECTION_NEED}; {SECTION_BASICS}.)"
)
NO_CREDENTIALS = "That's not in the article, only the strengths each role needs."
NO_CAREERS = (
    "The article doesn't cover careers, or moving from one role to the other; what it does say "
    "is what each role needs."
)
NO_RED_FLAGS = "Red flags aren't in the article, only what each role needs."
ENGLISH_ONLY = (
    "Sorry, I can only read English so far. Ask me in English, for example: who owns the "
    "product backlog?"
)
OFF_TOPIC = (
    "That's outside what I know: I only cover the Product Owner and Product Manager roles (who "
    "owns what, and whom to hire)."
)
WAYS_OF_WORKING = (
    "The article doesn't cover Kanban or other ways of working, nor which to choose. What it does "
    "say: the Product Owner is a Scrum role, as the Scrum Guide defines it, so what it says of the "
    "Product Owner is said of Scrum teams; the Product Manager's work (strategy, the market, "
    "go-to-market, financials, suppliers) doesn't hang on how the team works. Outside the "
    "article: a team without sprints still needs someone to keep its work in order, and many "
    f"teams give that to a product owner anyway. (Article: {SECTION_RESPONSIBILITIES}.)"
)
# Before the first question back, when a hire is asked about for a team on Kanban.
HIRE_WITHOUT_SCRUM = (
    "The article's Product Owner is a Scrum role and it says nothing of Kanban or other ways of "
    "working, so whether you need one turns on what the hire is for."
)
# "One PO or three?", "should we hire 3 POs?": the article gives no number.
POS_PER_TEAM = (
    "The article doesn't say how many Product Owners a company needs, or how many teams one can "
    "serve. It makes the Product Owner the Scrum role answerable for the value of what a Scrum "
    "team delivers, and notes that big companies often have several product people. (Article: "
    f"{SECTION_RESPONSIBILITIES}.) Outside the article: the Scrum Guide gives a product one "
    "Product Owner, however many Scrum teams build it, with one product backlog and one product "
    "goal between them; teams working on separate products often have a Product Owner each."
)
# Before the Product Owner's role, asked of as a day: the article pictures only the PM's.
ONLY_THE_PMS_DAY = (
    "The article pictures a working day only for the Product Manager; what it gives the Product "
    "Owner is this."
)
# Before an answer about work, asked of a team that doesn't run Scrum.
OUTSIDE_SCRUM = (
    "The article's Product Owner is a Scrum role, and it says nothing of teams that work "
    "another way; here is what it says of the work itself."
)
NO_CONCEPT = (
    "The article doesn't explain that. It covers the two roles, what each owns, and whom to "
    "hire; ask me about any of those."
)
TEACH = (
    " I answer from the article, so a team that splits the work another way isn't wrong, just "
    "not what the article describes. A workspace admin can teach RoleFit your team's own words "
    "for a piece of work (`/rolefit teach`) and name who holds each role here (`/rolefit set`)."
)


LISTED = "Those are separate pieces of work, each with its own answer"


# An answer that names no role and no one else: RoleFit found no work of the article's in it,
# which is not the same as the article saying neither role does it.
NOT_PLACED = (
    "I couldn't match that to any work the article describes, so I can't say it belongs to the "
    "Product Owner or the Product Manager. Try naming the work another way, like “who writes "
    "user stories?”"
)


def piece_owner(part: Answer, kb: KnowledgeBase) -> str:
    """Whose one listed piece of work is, in a few words ("clearly the Product Owner")."""
    if not part.settled:
        usual = f", commonly {part.outside_owner}" if part.outside_owner else ""
        return f"the article doesn't settle it{usual}"
    names = [kb.roles[o].name for o in part.owners if o in kb.roles]
    if names:
        shared = " (shared work)" if len(names) > 1 else ""
        return f"{piece_sureness(part.confidence)} the {' and the '.join(names)}{shared}"
    if part.outside_owner is None:
        return "nothing in the article matches it"  # an item RoleFit could not place
    return f"neither role, usually {part.outside_owner}"


def piece_sureness(confidence: float) -> str:
    """How sure RoleFit is of one listed piece's role, in words that go before it."""
    sureness = confidence_words(confidence)
    return "perhaps" if sureness == "not sure" else sureness


# Work the article leaves unplaced, and where it usually sits outside the article (general
# practice, said as such).
UNSETTLED = "The article doesn't say whose work this is, so I can't place it with either role."
USUALLY = "Outside the article, it usually falls to {owner}."


def with_topic(text: str, topic: str) -> str:
    """A follow-up ("who writes them?") as the matcher reads it: with the topic it points back
    to, in brackets of a form people do not type ("(about: …)")."""
    return f"{text} (about: {topic})"


def split_topic(question: str) -> tuple[str, str | None]:
    """A question made by `with_topic` taken apart (what was asked, and the topic), so that
    people are shown what they wrote; (question, None) for any other question."""
    composed = _WITH_TOPIC.fullmatch(question)
    return (composed.group(1), composed.group(2)) if composed else (question, None)


_WITH_TOPIC = re.compile(r"(.*) \(about: (.+)\)")


def who_else(answer: Answer, kb: KnowledgeBase) -> str:
    """Who else does the work just answered ("who else?"): no one the article names."""
    names = [kb.roles[o].name for o in answer.owners if o in kb.roles]
    if not answer.settled or not names:
        usual = (
            f" Outside it, that usually falls to {answer.outside_owner}."
            if answer.outside_owner
            else ""
        )
        return f"The article names no one for that work.{usual}"
    who = " and the ".join(names)
    alone = " alone" if len(names) == 1 else ""
    given = (
        f"The article gives it to the {who}{alone}"
        if answer.named
        else f"The article doesn't name that work; going by it, it's the {who}'s"
    )
    return (
        f"{given}, and it names no one else for it. Others may well help in practice; the "
        "article doesn't say who."
    )


def ownership(answer: Answer, kb: KnowledgeBase) -> str:
    """The answer in words, leading with who does the work (for a list of work, each piece's)."""
    if answer.parts:
        pieces = "; ".join(f"{part.question}: {piece_owner(part, kb)}" for part in answer.parts)
        return f"{LISTED}: {pieces}."
    names = [kb.roles[o].name for o in answer.owners if o in kb.roles]
    if not answer.settled:
        usual = f" {USUALLY.format(owner=answer.outside_owner)}" if answer.outside_owner else ""
        return f"{UNSETTLED}{usual} {answer.why or ''}".strip()
    if names:
        who = " and the ".join(names)
        shared = " (both roles share it)" if len(names) > 1 else ""
        lead = {
            "clearly": f"That's clearly work for the {who}{shared}.",
            "most likely": f"Most likely the {who}{shared}.",
            "not sure": f"I'm not sure, but it leans towards the {who}{shared}.",
        }[confidence_words(answer.confidence)]
        why = f" {answer.why}" if answer.why else ""
        section = f" (Article: {answer.section}.)" if answer.section else ""
        return f"{lead}{why}{section}"
    if answer.outside_owner:
        # (work the article touches on says where; other work outside product is RoleFit's own
        # reading, said so: "who owns HIPAA?")
        usually = "That's usually" if answer.section else "Outside the article, that's usually"
        return (
            f"{usually} work for {answer.outside_owner}, not for a product role. "
            f"{answer.why or ''}".strip()
        )
    return NOT_PLACED


def reason(answer: Answer, kb: KnowledgeBase) -> str:
    """Why the answer is what it is, for "why?": a role's work led by its reason ("Why the
    Product Owner: …"), rather than the answer said again; other answers as they were said."""
    names = [kb.roles[o].name for o in answer.owners if o in kb.roles]
    sure = confidence_words(answer.confidence)
    if not names or not answer.settled or answer.parts or not answer.why or sure == "not sure":
        return ownership(answer, kb)  # (an unsure answer keeps its "not sure" first)
    section = f" (Article: {answer.section}.)" if answer.section else ""
    hedge = "most likely " if sure == "most likely" else ""
    return f"Why {hedge}the {' and the '.join(names)}: {answer.why}{section}"


def explained(concept: Concept) -> str:
    """A concept's explanation (one the article never defines says so in its own words), then
    what it commonly means in practice, said to be outside the article."""
    outside = f" Outside the article: {concept.outside}" if concept.outside else ""
    return f"{concept.explanation} (Article: {concept.section}.){outside}"


def told_of(roles: tuple[str, str], kb: KnowledgeBase) -> str:
    """Said before a concept the article tells of one role, asked of the other."""
    told, asked = (kb.roles[role].name for role in roles)
    return f"The article says this of the {told}, not the {asked}:"


def attends(role: str, answer: Answer, kb: KnowledgeBase) -> str:
    """Whether a role takes part in some work ("should the PM attend sprint planning?"), said
    before whose work it is: yes where it is the role's own; else that the article never says
    who takes part in work besides whoever owns it."""
    if role in answer.owners and not answer.parts:
        return "Yes."
    return f"The article doesn't say whether the {kb.roles[role].name} attends or takes part."


def for_roles(roles: tuple[str, ...], answer: Answer, kb: KnowledgeBase) -> str:
    """A follow-up's "and the PO?" answered first, yes or no (probably, below a clear answer;
    "Partly." where only some listed pieces are theirs, or the article divides the work), before
    the answer it asks about. Work the answer gives to someone outside product ("is the PM the
    creative genius behind the campaign?": the creative team's) is no role's: "No."; nothing
    where the answer names no one (it says why)."""
    if not roles:
        return ""
    if not answer.owners:
        return "No." if answer.settled and answer.outside_owner and not answer.parts else ""
    if any(not set(roles) <= set(part.owners) for part in answer.parts):
        return "Partly." if set(roles) <= set(answer.owners) else f"Not the {_names(roles, kb)}."
    probably = answer.confidence < CLEARLY
    if set(roles) < set(answer.owners) and _split(answer, kb):
        return "Partly."  # one role named of work the article divides: only their side of it
    if set(roles) <= set(answer.owners):
        return "Probably." if probably else "Yes."
    names = _names(roles, kb)
    return f"Probably not the {names}." if probably else f"Not the {names}."


def _split(answer: Answer, kb: KnowledgeBase) -> bool:
    """Whether an answer rests on shared work the article divides between the roles."""
    matched = answer.responsibility and kb.responsibility(answer.responsibility.id)
    return bool(matched and matched.split)


def for_claimed_pieces(claimed: Sequence[str], answer: Answer) -> str:
    """A claim over a list ("PO does backlog, PM does pricing, right?") confirmed or not first,
    before each piece's answer: `claimed` holds the role said to own each of `answer.parts`."""
    if not claimed or len(claimed) != len(answer.parts):
        return ""
    pairs = list(zip(claimed, answer.parts, strict=True))
    if any(part.settled and role not in part.owners for role, part in pairs):
        return "Not quite."
    if any(not part.settled for part in answer.parts):
        return ""  # the article does not say whose that piece is, so neither yes nor no
    return "Probably." if any(part.confidence < CLEARLY for part in answer.parts) else "Yes."


def _names(roles: tuple[str, ...], kb: KnowledgeBase) -> str:
    return " and the ".join(kb.roles[role].name for role in roles)


def next_steps(recommendation: Recommendation, kb: KnowledgeBase) -> str:
    """ "So what do I do tomorrow?" after the advice: its next steps, numbered."""
    steps = advice_words.next_steps(recommendation, kb)
    numbered = " ".join(f"{number}. {step}" for number, step in enumerate(steps, start=1))
    return f"To hire {advice_words.hired(recommendation, kb)}: {numbered}"


def for_someone(recommendation: Recommendation, kb: KnowledgeBase, who: str) -> str:
    """The advice in a few sentences to pass on ("what do I tell the CEO?"): the hire, the
    reasons as one sentence, and what the article rests it on; the person's own words to them
    are theirs to write."""
    said = [reason.text.rstrip(".") for reason in recommendation.reasons[:3]]
    reasons = "; ".join([*said[:1], *(f"{text[:1].lower()}{text[1:]}" for text in said[1:])])
    return (
        f"In short, for {who}: RoleFit advises hiring {advice_words.hired(recommendation, kb)}. "
        f"{reasons}. This follows the article's own test: a team that "
        "needs the product delivered needs a Product Owner, one that needs a business built "
        f"around it a Product Manager. (Article: {SECTION_NEED}.)"
    )


def advice(recommendation: Recommendation, kb: KnowledgeBase) -> str:
    lines = [verdict(recommendation, kb)]
    lines += [f"- {reason.text}" for reason in recommendation.reasons[:4]]
    if against := weighed_against(recommendation):
        lines.append(against)
    uncovered = not_covered(recommendation, kb)
    if uncovered:
        lines.append(f"Not covered by this hire: {uncovered}")
    return "\n".join(lines)


def _role_line(role: Role, most: int = 4) -> str:
    return f"{role.name} ({role.short}): {role.summary} Owns: {'; '.join(role.owns[:most])}."


def role(described: Role) -> str:
    """ "What does a product manager do?": the role on its own, all it owns, when to hire one."""
    return (
        f"{_role_line(described, len(described.owns))} When to hire one: "
        f"{described.when_to_hire} Ask me who owns any piece of work, or how the two roles "
        f"differ. (Article: {SECTION_BASICS}.)"
    )


def why_role(described: Role) -> str:
    """ "Why?" after a role's card: why its work is its own, as the article reasons."""
    return f"{described.why} (Article: {described.why_section}.)"


def another_job(job: str | None, described: Role, moves: bool = False) -> str:
    """ "Can our CTO double as the PO?", "could our business analyst become a PO?": the article
    never says who else may take a role, so say so, and what the role takes, for the reader to
    weigh against the other job (or, for someone moving into the role, against what they do)."""
    # (the asker, "should I be the PM myself?", is told of themselves: "you", "your")
    they, their = ("they", "their") if job else ("you", "your")
    also, weigh = (
        (
            "become",
            f"Whether {they} have the skills for it, and how much of it {they} do already, is",
        )
        if moves
        else (
            "also be",
            f"Whether {they} have the time and the skills for that beside {their} own job is",
        )
    )
    who = f"your {job}" if job else "you"
    return (
        f"The article doesn't say whether {who} can {also} the {described.name}: it "
        "describes the two roles, not who else on a team may take one on. What the role takes, "
        f"going by the article: {_role_line(described, len(described.owns))} {weigh} yours to "
        f"weigh. (Article: {SECTION_BASICS}.)"
    )


def taken_on(who: str | None, previous: Answer, kb: KnowledgeBase) -> str:
    """ "Can my CTO do it?" (`who` "CTO"; None for the asker) after an answer: whose work it is
    going by the article, which never says who else may do it, for the reader to weigh."""
    taker, their = (f"your {who}", "their") if who else ("you", "your")
    names = " and the ".join(kb.roles[role].name for role in previous.owners)
    return (
        f"The article doesn't say whether {taker} can take that on: it says whose work it is, not "
        f"who else may do it. Going by the article, that is the {names}'s work: {previous.why} "
        f"Whether {taker} {'has' if who else 'have'} the time and the skills for it "
        f"beside {their} own job is yours to weigh."
    )


def staffed_as(described: Role) -> str:
    """ "Is a part-time PM a good idea?": the article says what a role owns, not how it is
    staffed, so say so, and what the role takes, for the reader to weigh against part of a week
    or a contract."""
    return (
        f"The article doesn't say whether a {described.name} can be part-time, contracted or "
        "fractional: it describes what each role owns, not how it is staffed. What the role "
        f"takes, going by the article: {_role_line(described, len(described.owns))} Whether "
        "that fits in the time you can buy is yours to weigh. (Article: "
        f"{SECTION_BASICS}.)"
    )


def compare(kb: KnowledgeBase) -> str:
    po, pm = (kb.roles[role] for role in ROLE_IDS)
    return (
        f"{_role_line(po)}\n{_role_line(pm)}\n"
        "Both find out what customers need and turn it into technical requirements; past that "
        "they diverge. Which do you need? Tell me about your team, or run `/rolefit hire`. "
        f"(Article: {SECTION_NEED}; {SECTION_BASICS}.)"
    )


def rank(kb: KnowledgeBase) -> str:
    """Which role is senior, or who reports to whom: the article does not say, so say so, and
    what it does compare (their scope), before the two roles side by side."""
    po, pm = (kb.roles[role].name for role in ROLE_IDS)
    return (
        "The article never ranks the two roles or says who reports to whom. What it compares is "
        f"their scope: the {po} works in the detailed Scrum processes of delivery, while the {pm} "
        "keeps a long-range view of the business around the product line and works with every "
        f"department, executives included. A wider remit is not authority over the {po}: where "
        f"you have both, the reporting line is your organisation's choice. (Article: "
        f"{SECTION_VALUE}.)"
    )


# Before any reply to a message that speaks of project managers.
NOT_PROJECT_MANAGERS = (
    "A note first: here PM means Product Manager. The article says nothing about project "
    "managers, so I can't tell you what it thinks of them."
)
# Pay, hours, stress, remote work: conditions of the job, which the article leaves alone.
WORKING_CONDITIONS = (
    "The article doesn't cover pay, hours, stress, remote work or other conditions of either job. "
    "It is about what each role owns and whom to hire: ask me about either."
)


def combine(kb: KnowledgeBase) -> str:
    po, pm = (kb.roles[role].name for role in ROLE_IDS)
    return (
        f"The article treats them as two distinct roles needing different skills: the {po} is a "
        f"Scrum role that delivers the product, the {pm} a business role that builds the "
        "business around it. Startups and small businesses usually hire a single product "
        f"person, so pick by what you need most: delivery points to a {po}, growth to a {pm}. "
        "Larger companies often have several product people. The article says nothing about "
        f"one person holding both titles. (Article: {SECTION_NEED}; {SECTION_BASICS}.)"
    )


# Whether to run Scrum at all, which the article leaves to the team.
NO_SCRUM_ADVICE = (
    "The article doesn't say whether a team should run Scrum; it matters here only because the "
    "Product Owner is a Scrum role."
)
# Asked whether the article says what was said of one person taking on a role, or both.
COMBINE_SOURCE = (
    "Partly. The article treats the two as distinct roles needing different skills, and says "
    "startups and small businesses usually hire a single product person; it says nothing about "
    "one person holding both titles, who else may take a role on, or how a role is staffed "
    f"(part-time, contract). (Article: {SECTION_NEED}; {SECTION_BASICS}.)"
)


# Asked of a product leader's title (Head of Product, VP of Product, CPO): not in the article.
NO_PRODUCT_LEADERS = (
    "The article names only two product roles, the Product Owner and the Product Manager; it "
    "says nothing of a Head of Product, a VP of Product or a Chief Product Officer. The nearest "
    "it comes is the Product Manager, whom it has lead the product team during development. "
    f"(Article: {ARTICLE_TITLE}.)"
)


def title_not_in_article(title: str) -> str:
    """Said before an answer about a product title the article never uses."""
    return (
        f"The article never uses the title “{title}”: it names only the Product Owner and the "
        "Product Manager, so RoleFit goes by the work each does."
    )


# "What should I do first?" before any advice: the article's first question for a product hire.
FIRST_STEP = (
    "Going by the article, first work out whether you need someone to get a product delivered, "
    "or someone to build a business around it: delivery points to a Product Owner, the business "
    "to a Product Manager. Tell me which it is for you (or run `/rolefit hire`), and I'll "
    f"advise. (Article: {SECTION_NEED}.)"
)
# "Does the article say which one to hire first?": it gives no order of hires.
NO_HIRE_ORDER = (
    "No. The article never says which role to hire first, or in what order. What it does say: "
    "first work out whether you need a product delivered or a business built around it "
    "(delivery points to a Product Owner, the business to a Product Manager); startups and small "
    "businesses usually hire a single product person, and larger companies often have several. "
    f"(Article: {SECTION_NEED}.)"
)
# "Is the product owner the person who owns the product, like me?": not in the article's sense.
NOT_THE_OWNER = (
    "No, despite the name. In the article the Product Owner doesn't own the company or the "
    "product the way a founder does: it is a Scrum role, accountable, as the Scrum Guide puts it, "
    "for getting the most value out of what the team builds, through the backlog, user stories, "
    "sprints and test planning. (Article: Product Manager vs. Product Owner: Responsibilities.)"
)
# "The first one" after an answer that listed no pieces of work, nor any to choose from.
NOTHING_LISTED = (
    "My last answer listed nothing to count in. Name the work you mean, and I'll say whose it is."
)
# "Is it a problem that our PMs act as POs too? Yes or no?": the article says neither.
COMBINED_YES_OR_NO = (
    "Neither, going by the article: it never says whether one person may hold both roles. It "
    "calls them distinct roles whose scopes differ and need different skills and experience (as "
    "I read it, one person in both is doing two jobs), says startups and small businesses "
    "usually hire a single product person picked for what they need most, and leaves leaders to "
    f"work out which product people their business needs. (Article: {ARTICLE_TITLE}.)"
)


# "Are you sure?" (COMBINED_SURE), and pushback (COMBINED_PUSHED_BACK), of whether one person
# can be both.
COMBINED_SURE = (
    "Yes, going by the article: it never says whether one person may hold both roles. What it "
    "does say is that startups and small businesses usually hire a single product person, "
    f"picked for what they need most. (Article: {ARTICLE_TITLE}.)"
)
COMBINED_PUSHED_BACK = (
    "Thanks for pushing back. Going by the article: it never says whether one person may hold "
    "both roles. It calls them distinct roles that need different skills, and says startups "
    "and small businesses usually hire a single product person, picked for what they need most. "
    f"(Article: {ARTICLE_TITLE}.)"
)
# After "can one person do both?": what such a person would let go, and whether the answer
# holds at a company's size (True: small; False: larger).
COMBINED_DROPS = (
    "The article doesn't say what one person in both roles should drop. Its rule is to hire for "
    "what you need most; going by that, delivery puts the Product Owner's work first (the "
    "backlog, user stories, sprints and test planning), growth the Product Manager's (strategy, "
    "market and competitive research, go-to-market, the numbers). Ask me whom to hire, saying "
    f"which you need most, and I'll pick one. (Article: {SECTION_NEED}.)"
)
COMBINED_AT_SIZE = {
    True: (
        "The article gives no head count, but it says startups and small businesses usually "
        "hire a single product person, picked for what they need most (delivery points to a "
        "Product Owner, growth to a Product Manager). It never says one person should hold both "
        f"titles. (Article: {ARTICLE_TITLE}.)"
    ),
    False: (
        "The article gives no head count, but it says large companies often have more than one "
        "person doing product work, so as you grow each role can have its own person. It says "
        f"nothing about one person holding both titles. (Article: {ARTICLE_TITLE}.)"
    ),
}


# "Do we even need a product person yet?": what the article says of small companies' first one.
NEEDS_ONE_YET = (
    "The article doesn't say when a company needs its first product person. It says startups and "
    "small businesses need the right product people in place, and usually hire a single one, "
    f"picked by what they need most. (Article: {ARTICLE_TITLE}.) For your hire:"
)


# "Why?" while a hiring question waits for its answer: why the article makes it matter.
WHY_ASKED = {
    "goal": (
        "It's the article's first question for any product hire: do you need someone to deliver "
        "a product, or to build a business around it? Delivery points to a Product Owner, the "
        f"business to a Product Manager. (Article: {SECTION_NEED}.)"
    ),
    "headcount": (
        "Startups and small businesses usually hire a single product person, who then has to fit "
        f"what you need most; with two, each side can have its own. (Article: {ARTICLE_TITLE}.)"
    ),
    "uses_scrum": (
        "The article calls the Product Owner a Scrum role (the backlog, user stories, sprints), "
        f"so whether your team runs Scrum weighs on that hire. (Article: {SECTION_BASICS}.)"
    ),
}


# Asked for the article's own words: RoleFit puts its points in its own words.
NO_QUOTES = "I don't quote the article word for word; I put its points in my own words."


def source(sections: Sequence[str], basis: str) -> str:
    """Where an answer comes from: the article's sections it rests on, and what they give."""
    if not sections:
        return f"{NO_QUOTES} That answer rests on no section of it: nothing there matched."
    named = "; ".join(f"“{section}”" for section in dict.fromkeys(sections))
    return f"{NO_QUOTES} That rests on the article's section {named}: {basis}"


# Asked whether the article covers something RoleFit cannot find in it.
NOT_IN_ARTICLE = (
    "I can't find that in the article. It covers the two roles, what each owns, and whom to "
    "hire; ask me about any of those."
)


def in_the_article(
    answer: Answer,
    *,
    answered: bool,
    made_up: bool = False,
    either: bool = False,
    claimed: bool = False,
    of_a_role: bool = False,
    by_name: bool = True,
) -> str:
    """Whether the article itself names the work an answer is about, said plainly first;
    `answered`: the answer was just given, so its "most likely" is RoleFit's own; `made_up`:
    asked as "did you make that up?", so its yes is a no; `either`: asked as "the article or
    your opinion?", so it is said which rather than yes or no; `claimed`: asked whether it says
    a claim, which the work named does not make true, so what it says is given to check; a
    claim naming a role (`of_a_role`) of work the article gives to someone else is a plain no;
    work asked about in words that are not the article's (`by_name` False: "PRDs") is in it, but
    not by that name."""
    if not answer.settled:
        lead = (
            "The article" if either else "No: I said the article" if made_up else "No, the article"
        )
        return f"{lead} doesn't settle whose work this is. {answer.why}"
    if not answer.owners and answer.section:  # work the article hands to someone else
        lead = (
            "It's in the article"
            if either
            else "No, it's in the article"
            if made_up
            else "The article touches on it"
        )
        if claimed and of_a_role and not either:  # "the article says PMs make the campaign?"
            lead = "No. The article gives that work to someone else"
        elif claimed and not either:
            return f"{CLAIM} {answer.why} (Article: {answer.section}.)"
        return f"{lead}, in its section “{answer.section}”: {answer.why}"
    if not answer.owners and (made_up or either):  # everyday work outside product
        return f"My own reading: the article doesn't cover that work. {answer.explanation}"
    if not answer.owners:
        return "No. The article doesn't cover that as either role's work."
    if not answer.named:
        said = " That's why I said “most likely”, not “clearly”." if answered else ""
        lead = (
            "Not made up, but inferred."
            if made_up
            else "My own inference, not the article's words."
            if either
            else "No, not in so many words."
        )
        return f"{lead} {answer.why}{said}"
    if claimed:
        return f"{CLAIM} {answer.why} (Article: {answer.section}.)"
    lead = "It's" if either else "No, it's" if made_up else "Yes. It's"
    if not by_name and not (either or made_up):
        lead = "Not by that name, but the work is"
    return f"{lead} in the article's section “{answer.section}”: {answer.why}"


def advice_agreed(role_name: str) -> str:
    """Pushback that asks for the very role advised."""
    return (
        f"We agree, then: the advice is a {role_name} too. Ask me what the role would own, or "
        "tell me more about the hire if something else worries you."
    )


def advice_disputed(reasons: str) -> str:
    """Pushback on hiring advice that says nothing new of the hire: what it rests on, and what
    would change it."""
    return f"Thanks for pushing back. {advice_rests_on(reasons)}"


def advice_rests_on(reasons: str) -> str:
    """What the advice rests on, and what would change it ("what would change your mind?")."""
    return (
        f"The advice rests on this: {reasons} If that isn't your situation, tell me what the hire "
        "is mostly for (delivering the product, or building the business around it), how many "
        "product people you can hire, and whether your team runs Scrum, and I'll advise again."
    )


# "Who wrote the article?": the text RoleFit works from names no author.
AUTHOR = (
    "The article as I have it doesn't name its author. All it says of them is that they were "
    "brought in as the Product Manager on the case it describes; ask me about the $250 million "
    "company case."
)
# "Do we need a Scrum Master as well?": the article never mentions one.
SCRUM_MASTER = (
    "The article never mentions Scrum Masters, so it can't tell you whether you need one as well. "
    "What it does say: the Product Owner is the Scrum role it describes, with the backlog, user "
    "stories, sprints and test planning."
)
# Whether a role is Scrum's, asked of the Product Owner and of the Product Manager.
SCRUM_ROLE = (
    "Yes. The article calls the Product Owner a Scrum-specific role, and quotes the Scrum Guide: "
    "it is accountable for getting the most value out of the Scrum team's work."
)
NOT_SCRUM_ROLE = (
    "No. In the article the Product Owner is the Scrum role; the Product Manager is a business "
    "role, more and more cross-functional, working with every department."
)
# A role set against a Scrum Master, which the article never mentions.
SCRUM_MASTER_COMPARED = (
    "The article never mentions Scrum Masters, so it can't set one against either role. What it "
    "does say: the Product Owner is the Scrum role it describes, prioritising what the team "
    "builds (the backlog, user stories, sprints and test planning), and the Product Manager a "
    "business role. Outside the article, a Scrum Master looks after how the team works (the "
    "Scrum process, clearing what blocks it), not what gets built."
)
# Before the article's idea a claim about the article is checked against.
CLAIM = "Here is what the article says on that, in my words, to check the claim against:"
# Asked to help hire for a job that is no product role.
NOT_A_PRODUCT_HIRE = (
    "I only advise on product hires: a Product Owner, a Product Manager, or both. The article "
    "says nothing about hiring for other jobs. Ask me who owns a piece of work, or whether you "
    "need a PO or a PM."
)
# Asked how many of one role per the other: the article gives no numbers, only this.
NO_RATIO = "The article gives no ratio of one role to the other. What it says of numbers:"


# The work last asked about, asked of another product, platform or team ("what about for
# mobile?"): the article splits the work by role only.
SAME_ANYWHERE = (
    "The article doesn't split the work by product, platform or team, so the answer is the same "
    "there:"
)
# The roles side by side, asked for in a line ("PO vs PM in one line").
COMPARED_IN_SHORT = (
    "In a line: the Product Owner delivers the product (a Scrum role: backlog, user stories, "
    "sprints), the Product Manager builds the business around it (strategy, market research, "
    f"go-to-market, the numbers). (Article: {SECTION_BASICS}.)"
)
# Asked for something "in one line" with nothing said before it to shorten.
IN_SHORT_OF_WHAT = (
    "Tell me what to put in a line: the two roles (“PO vs PM in one line”) or a piece of work "
    "(“who owns pricing, in one line?”)."
)


def first_sentence(text: str) -> str:
    """The answer in a line: its first sentence."""
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


# Before advice given when the goal was asked for and never told: it rests on the defaults.
# The head count asked for and never given: what the advice takes instead.
HEADCOUNT_ASSUMED = {
    1: "Taking one hire, as startups and small businesses usually make; say if you can make two.",
    2: "Taking two hires, as is usual at your size; say if you can make only one.",
}
NO_GOAL_GIVEN = (
    "You haven't said what the hire is for, so this rests only on the defaults (a startup, one "
    "hire); tell me whether you need the product delivered or a business built around it and "
    "I'll advise properly."
)
OR_THE_QUESTIONNAIRE = "(Or run the full questionnaire: `/rolefit hire`.)"
# Before the answer about the work a pushback names instead ("no, I meant…").
REANSWERED = "Got it, about that work:"
# Before the answer again, when a correction names the work just answered.
ANSWERED_ALREADY = "That is the work I just answered, and the answer stands:"
# Before the advice again, when pushback on it says something new of the hire.
READVISED = "Got it. Taking that into account:"
SUPPOSED = "Supposing that (what you told me stays as it was):"
NEXT_ADVISED = "For the hire after that, with the first one made:"


def both_asked(recommendation: Recommendation, kb: KnowledgeBase, headcount: int | None) -> str:
    """ "So both?" after the advice: yes where it is both, else why one (one hire said, two
    said, or none said), and how to get two."""
    said = verdict(recommendation, kb)
    if recommendation.recommendation == "both":
        return f"Yes. {said}"
    if headcount == 1:
        return f"Not with one hire. {said} {ONE_HIRE_USUALLY}"
    if headcount == 2:
        return f"Not on what you told me. {said} {ONE_OF_TWO}"
    return f"Not on what you told me. {said} {TWO_HIRES_UNSAID}"


ONE_OF_TWO = "Tell me what a second hire would be for, and I'll weigh both."
ONE_HIRE_USUALLY = (
    "The article notes that startups and small businesses usually hire one product person; if "
    "you can make two hires, say so and I'll weigh both."
)
TWO_HIRES_UNSAID = "If you can make two hires, say so and I'll weigh both."
# After the advice, a message that gives no new fact and does not ask again whom to hire.
ADVICE_STANDS = (
    "That doesn't change the advice. {verdict} If something about your team differs from what "
    "you told me (its size, what the hire is for, whether it runs Scrum, who is already on it), "
    "say so and I'll advise again; or ask me who owns any piece of work."
)


def job_ad(described: str, *, interview: bool = False) -> str:
    """ "What should the job ad say?" (or "what should I ask in the interview?"): the article
    writes no job ads or interview questions, but it says what the role (or both) owns, which is
    what an advert and an interview have to get right."""
    if interview:
        return (
            "The article doesn't give interview questions, but this is what it says of the "
            "hire (outside the article, a common way in is to ask candidates how they have done "
            f"each part): {described}"
        )
    return f"The article doesn't write job ads, but this is what it says of the hire: {described}"


def interview(described: Role) -> str:
    """ "What should I ask in the interview?" for one role: the article gives no questions, so
    one per piece of work it says the role owns, marked as RoleFit's own."""
    asked = "\n".join(
        f"• Tell me about your experience with {item[0].lower()}{item[1:]}: what did you do, "
        "and what came of it?"
        for item in described.owns
    )
    return (
        "The article doesn't give interview questions. Outside the article, a common way in is "
        f"to ask how candidates have done each part of what it says the {described.name} owns:"
        f"\n{asked}\n(Article: {SECTION_BASICS}.)"
    )


# Told, after an answer, only that the team runs Scrum or sprints.
TEAM_RUNS_SCRUM = (
    "Noted: your team runs Scrum. The article calls the Product Owner a Scrum role, so the "
    "backlog, user stories, sprints and test planning are where one would work; it does not "
    "change who owns the work. Ask me whom to hire, and I'll take it into account."
)
# Product Owner work asked of by a team that says it runs no Scrum.
PO_WITHOUT_SCRUM = (
    "You said your team doesn't run Scrum: the article's Product Owner is a Scrum role, so take "
    "this as the article's split of the work, whoever does it on your team."
)
# Told, before any hiring talk, only that the team runs no Scrum.
TEAM_RUNS_NO_SCRUM = (
    "Noted: your team doesn't run Scrum. The article calls the Product Owner a Scrum role, so as "
    "I read it that weighs against hiring one; it says nothing of Kanban or other ways of "
    "working. Ask me whom to hire, and I'll take it into account."
)
# Pushback saying the team splits the work its own way ("our PM does that", "we don't even
# have a PO"): what the article does and does not say about that.
TEAM_SETUP = (
    "The article says what each role is for; it never says who on your team must do the work. "
    "Startups and small businesses usually have one product person, who takes on whatever the "
    "business needs most."
)


# Before the article's answer, when a message tells or asks about the team's own split.
TEAM_ARRANGED = f"{TEAM_SETUP} Going by the article:"


def why_not(role: Role, answer: Answer) -> str:
    """A "why not the PO?" of work the answer gives the other role: what the article makes the
    role named, then the answer's own reason."""
    made = role.summary[0].lower() + role.summary[1:].rstrip(".")
    if answer.named and answer.confidence >= CLEARLY:
        because = (
            f"The article makes the {role.name} {made}, and gives this work to the other role."
        )
    else:  # work the article never names, or an unsure reading: only what the article leaves out
        because = f"The article makes the {role.name} {made}; nothing in it gives them this work."
    return f"{because} {answer.why or answer.explanation}".strip()


def framework_not_in_article(framework: str) -> str:
    """Said before an answer about a framework for scaling Scrum: the article has none."""
    return (
        f"The article never mentions {framework} or any way of scaling Scrum: it describes the "
        "Product Owner as a Scrum role and the Product Manager as a business role, and I go by "
        "that."
    )


def tool_named(tool: str) -> str:
    """Said before an answer about work kept in a tool: the article names none."""
    return f"The article names no tools, {tool} included; going by the work kept in it:"


def tool_alone(tool: str) -> str:
    """A tool asked about with no work named: the article names none, so ask for the work."""
    return (
        f"The article names no tools, {tool} included. Tell me what your team uses it for (the "
        "backlog, the roadmap, customer feedback…) and I'll say whose work that is."
    )


def disagreement(previous: Answer | None, kb: KnowledgeBase, *, team_setup: bool = False) -> str:
    """Pushback on the last answer: acknowledged (with `team_setup`, that a team's own split is
    not wrong), the article's answer and its runners-up, and how a workspace teaches RoleFit its
    own split."""
    if previous is None:
        return "Thanks for telling me." + TEACH
    # work outside product the article never names ("visa" read as a work visa) is RoleFit's
    # own reading, not the article's; work it could not match is neither
    going_by = "Going by the article: " if previous.section else ""
    if not previous.section and previous.outside_owner:
        going_by = "As I read it, not the article: "
    if team_setup and previous.owners:
        return f"{TEAM_SETUP} {going_by}{ownership(previous, kb)}{TEACH}"
    others = _other_readings(previous, kb)
    sure = "" if previous.confidence >= CLEARLY else " I wasn't certain either."
    alternatives = f" Other readings: {others}." if others else ""
    return (
        f"Thanks for pushing back.{sure} {going_by}{ownership(previous, kb)}{alternatives}{TEACH}"
    )


def agreed(previous: Answer, kb: KnowledgeBase) -> str:
    """ "That's wrong, it's the PO's work" of an answer that said the Product Owner: no
    disagreement about whose it is."""
    name = kb.roles[previous.owners[0]].name
    return f"Then we agree: I said the {name} too. {ownership(previous, kb)}"


def job_not_in_article(job: str) -> str:
    """Asked whether the article says anything of a job it never names ("business analysts")."""
    return (
        f"No. The article never mentions {job}. It describes two product roles, the Product Owner "
        "and the Product Manager, what each owns and whom to hire; ask me whose work something is, "
        "and I'll say which of them the article gives it to."
    )


def idea_stood_by(concept: Concept) -> str:
    """Pushback on an idea explained: what the article says of it, said again as the article's."""
    return (
        f"I've checked it again, and this is what the article says: {concept.explanation} "
        f"(Article: {concept.section}.)"
    )


def how_sure(previous: Answer) -> str:
    """How sure the last answer is of an owner, in words and out of 100, and what that rests
    on; where it names no owner of the article's, there is no such level to give."""
    if not previous.owners and not previous.parts:
        if previous.outside_owner or not previous.settled:
            return (
                "The article doesn't say whose work this is, so there is no level to give: the "
                "owner named is common practice, not the article's."
            )
        return "Not sure at all: no work the article describes matched it well."
    sure = confidence_words(previous.confidence)
    # (rounded down, so a figure never reads as the next band's: 0.746 is "most likely", 74)
    level = f"{sure.capitalize()}: {int(previous.confidence * 100)} out of 100."
    if previous.parts:
        because = "That is the least sure of the pieces you listed."
    elif not previous.named:
        because = (
            "The article does not name this work itself; I placed it by the work it does name, "
            "so never more than most likely."
        )
    elif previous.alternatives and sure != "clearly":
        because = f"Another reading came close: “{previous.alternatives[0].title}”."
    elif len(previous.owners) > 1:
        because = "The article names this work and gives each role a side of it."
    else:
        because = "The article names this work and whose it is."
    return f"{level} {because}"


def why_again(previous: Answer) -> str:
    """A second "why?" of the same answer: the reasons were all given, so not again."""
    where = f" (its section: {previous.section})" if previous.section else ""
    # the work by its name where the article names it, else as asked without a follow-up's
    # opening ("and the backlog")
    work = (
        previous.responsibility.title
        if previous.responsibility is not None and previous.named
        else re.sub(r"^(?:and|so|what about|how about)\s+", "", previous.question)
    )
    return (
        f"That's all the article gives me on “{work.rstrip(' ?')}”{where}: the "
        "reason above is the whole of it. If your team splits the work another way, tell me how; "
        "or ask me about another piece of work."
    )


def unhelpful(previous: Answer | None, kb: KnowledgeBase) -> str:
    """An answer said not to help: sorry, what it answered and the other readings it weighed,
    and how to get a better one; never the same answer again."""
    said = ["Sorry that didn't help."]
    if previous is not None and previous.responsibility is not None:
        said.append(f"I answered whose work “{previous.responsibility.title}” is in the article.")
    if previous is not None and previous.alternatives:
        said.append(f"Other readings I weighed: {_other_readings(previous, kb)}.")
    return " ".join([*said, ASK_IT_AGAIN])


def _other_readings(answer: Answer, kb: KnowledgeBase) -> str:
    """The runners-up an answer weighed, each with its roles."""
    return "; ".join(
        f"{alt.title} ({' and '.join(kb.roles[o].name for o in alt.owners)})"
        for alt in answer.alternatives
    )


ASK_IT_AGAIN = (
    "Tell me more about the work you have in mind, or ask “why?” to see what the answer rests "
    "on; `/rolefit roles` sets the two roles side by side."
)


def left_by_the_hire(hired: str, owner: str) -> str:
    """Said after an ownership answer, when the hire advised (or supposed) would not do it."""
    return (
        f"A {hired} won't cover this: keep it with whoever does it today, or plan a {owner} as a "
        "later hire."
    )


def uncovered_by(advised: str, kb: KnowledgeBase, *, beside: bool = False) -> str:
    """What the hire advised leaves to others, by the article's split of the roles' work;
    `beside`: the other role is advised too, and covers it."""
    po, pm = kb.roles["product-owner"].name, kb.roles["product-manager"].name
    if advised in ("product-owner", "product-manager"):
        other = pm if advised == "product-owner" else po
        work = (
            "strategy, market and competitive research, go-to-market or the product's numbers"
            if advised == "product-owner"
            else "the backlog, user stories, sprint planning or test planning day to day"
        )
        then = (
            f"The {other} advised beside them covers those."
            if beside
            else f"Keep them with whoever does them today, or plan a {other} as a later hire."
        )
        name = po if advised == "product-owner" else pm
        return f"A {name} won't cover {work}: the article gives those to a {other}. {then}"
    return (
        "Between them the two hires cover the work the article describes. Agree up front who "
        "leads the work they share: finding what customers need and turning it into "
        "requirements."
    )
