"""One turn of a conversation: read the intent, answer it from the knowledge base, remember
what the next turn needs. Every answer rests on the article (cited by section) or says plainly
that the article does not cover it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from cachetools import LRUCache
from pydantic import BaseModel, ConfigDict

from knowledge.advice_words import headline, not_covered, verdict, weighed_against
from knowledge.advisor import GOAL_SIDES, Reason, Recommendation, advise, placeable
from knowledge.confidence import CLEARLY, MOST_LIKELY, confidence_words
from knowledge.dialogue import wording
from knowledge.dialogue.concepts import ConceptFinder
from knowledge.dialogue.facts import (
    Fact,
    HiringFacts,
    WorkTold,
    only_process,
    read_answer,
    read_correction,
    read_facts,
    read_vacated,
    runs_no_scrum,
    says_how_the_team_works,
    scrum_taken_back,
    without_questions,
    work_told,
)
from knowledge.dialogue.intents import Intent, Reading, classify
from knowledge.dialogue.memory import Memory
from knowledge.dialogue.message import (
    Text,
    asks_in_another_language,
    asks_in_another_script,
    bounded,
    message_of,
    normalise,
    spelled_out,
)
from knowledge.dialogue.patterns import (
    ABOUT_A_ROLE,
    ABOUT_WHAT_WAS_EXPLAINED,
    ACKNOWLEDGED_ONLY,
    ACKNOWLEDGED_THEN,
    ALSO,
    ANOTHER_JOB_AS_ROLE,
    ARTICLE_CLAIM,
    ARTICLE_NAMES,
    ARTICLE_SAYS,
    ASK_TAKEN_BACK,
    ASKED_IN_THE_PAST,
    ASKS_ABOUT,
    ASKS_AUTHOR,
    ASKS_DIFFERENCE,
    ASKS_EXAMPLE,
    ASKS_IF_IN_ARTICLE,
    ASKS_INTERVIEW,
    ASKS_ITS_OWN,
    ASKS_MEMBERS,
    ASKS_MORE,
    ASKS_ON_ITS_OWN,
    ASKS_RANK,
    ASKS_RATIO,
    ASKS_SCRUM_MASTER,
    ASKS_SIZE,
    ASKS_SOURCE,
    ASKS_SUMMARY,
    ASKS_TO_HIRE,
    ASKS_WHAT_TO_PUT,
    ASKS_WHAT_TOLD,
    ASKS_WHY_AGAIN,
    BECOMES_CEO,
    BOTH_ASKED,
    BOTH_AT_A_SIZE,
    CANDIDATE_QUALITIES,
    CAREER_MOVE,
    COMBINE,
    CONFIRM_TAIL,
    CREDENTIALS,
    CUSTOMER_INTERVIEWS,
    DAY_IN_THE_LIFE,
    DONT_KNOW,
    EXPLAIN,
    FRESH_QUESTION,
    GIVEN_REASON,
    HIRE_ASK,
    HIRE_STRONG,
    HOW_SHORT,
    HOW_SURE_ASKED,
    IN_COMMON,
    INSULT,
    INTRODUCTION,
    JOB_AD,
    LATER,
    MARKUP,
    MEANT,
    MEANT_NOT_THAT,
    NARROWS,
    NEEDS_ONE_YET,
    NEEDS_SCRUM,
    NEXT_HIRE,
    NEXT_ROLE,
    NEXT_STEPS,
    NOT_A_PLAIN_CHECK,
    NOT_COVERED_ASK,
    NOT_MEANT,
    NOT_THIS_BUT,
    NTH_PIECE,
    ON_SCRUM,
    ONLY_A_PRODUCT_SURFACE,
    OPTION_PICKED,
    OTHER_HIRE,
    OTHER_ROLE,
    PAY_ASKED,
    PO_COUNT,
    PO_COUNT_ASKED,
    PO_OR_PM,
    POINTS_BACK,
    PRODUCT_MANAGEMENT,
    PRODUCT_PEOPLE,
    PROJECT_MANAGER,
    PRONOUN,
    PUZZLED,
    RATE,
    RED_FLAGS,
    ROLE_ATTENDS,
    ROLE_CHECKED,
    ROLE_DOES,
    ROLE_FOLLOW_UP,
    ROLE_OF_SCRUM,
    SAYS_ABOUT,
    SCRUM_MASTER_COMPARED,
    SELF_AS_ROLE,
    SELF_INTRODUCTION,
    SOMEWHERE_ELSE,
    STAFFED_AS,
    START_OVER,
    STARTS_QUESTIONNAIRE,
    TAKES_IT_ON,
    TAKES_PART,
    TEAM_ARRANGEMENT,
    TEAM_SETUP,
    THANKED,
    THANKS_EMOJI,
    THE_JOB,
    THE_OTHER_ROLE,
    TITLE_PM,
    TITLE_PO,
    WANTS_ROLE,
    WAYS_OF_WORKING,
    WHAT_TO_DROP,
    WHERE_TO_POST,
    WHICH_PARTS,
    WHICH_ROLE,
    WHO_ELSE,
    WHOM_THEN,
    WITHOUT_SCRUM,
    WORKING_CONDITIONS,
)
from knowledge.dialogue.scorer import default_scorer
from knowledge.matcher import UNRELATED_CONFIDENCE, Matcher
from knowledge.models import Answer, Concept, KnowledgeBase
from knowledge.questionnaire import (
    PRODUCT_MANAGER,
    PRODUCT_OWNER,
    ROLE_IDS,
    Goal,
    RoleId,
    told_parts,
)
from knowledge.text import (
    POINTING_BACK,
    SENTENCE_BREAK,
    WHO,
    clean_text,
    listed_work,
    lists_item_by_item,
    named_work,
    split_words,
)

# Where a message's list breaks into pieces of work ("pricing, hiring engineers and backlog").
_LIST_BREAK = re.compile(r"[,;.]|\band\b", re.IGNORECASE)
# A question of its own after the advice, not a correction of it ("wait, what about growth?").
_ASKS_OF_ITS_OWN = re.compile(r"\b(?:who|whose|what about|how about|why)\b")
# A negation, with or without its apostrophe: a claim said in the negative ("PMs don't write
# the final ad campaign", "is not the genius"), a side set aside ("delivery isnt our main focus").
_NEGATED = re.compile(
    r"n't\b|\b(?:not|never|no|nor|neither|dont|doesnt|isnt|arent|wont|cant)\b", re.IGNORECASE
)
# A tag asking for a yes ("…, no?", "…, right?"), which is no negation of the claim.
_TAG_ASKED = re.compile(r"[,\s]+(?:no|right|yes|yeah|correct|true|ok|okay|eh)\W*$", re.IGNORECASE)
# A "who…?" to its question mark, within a clause: "ok so if we hire a PM, who writes the user
# stories?" -> "who writes the user stories?".
_WHO_CLAUSE = re.compile(r"\bwho\b[^.?!;,]*\?", re.IGNORECASE)
# What opens a question of its own before its "who": the start, a break, a word that goes on.
_QUESTION_OPENS = re.compile(
    r"(?:^|[.?!;:,\u2014-]|\b(?:and|also|but|so|then|ok|okay|plus|btw|now|wait|hmm|oh))\s*$",
    re.IGNORECASE,
)
# …or the role a hire is supposed to be: "if i hire a pm who plans sprints??".
_SUPPOSED_ROLE_OPENS = re.compile(r"\b(?:pm|po|product manager|product owner)\s*$", re.IGNORECASE)
# A hire supposed in a question after the advice: "if we hire a PM", "if we go with a PO".
_SUPPOSED_HIRE = re.compile(
    r"\b(?:if|when|once|say|suppose) (?:we|i) (?:only )?(?:hire|get|go with|pick|choose|bring in) "
    r"(?:a |an |the |just a |only a )?[\w ]{2,20}?(?=,| who\b| then\b|$)"
)
# RoleFit asks back at most this many times before it recommends with what it has.
MAX_ASKS = 3
# What is left of "and in one sentence?" once the "in one sentence" is read: nothing new asked.
_ONLY_GOING_ON = frozenset({"", "and", "so", "ok", "now", "but", "again", "say it", "now say it"})
# A question whether a role owns some work, or a claim to confirm, is a line, not a page: a
# longer message is not read for one.
CLAIM_CHARACTERS = 300
# A list this short, asking nothing of what its items are, is a list of work: "backlog +
# pricing + roadmap?".
BARE_LIST_WORDS = 6
# Words that ask who ("whose job is pricing?", "who's going to own it?").
_WHO_WORDS = frozenset({"who", "whose", "who's", "whos", "whom"})
# Matcher answers kept for the turn being read (and a few before it).
RECENT_ANSWERS = 64
# Asking for the reasons themselves: "why?", "how come?", "what's the reason?".
_ASKS_FOR_REASONS = re.compile(r"\b(?:why|how come|reasons?|reasoning|explain)\b")
# A claim and the reasons given for it: "X since Y", "Y, so X".
_REASON_AFTER = re.compile(r"^(?P<claim>.+?)\s*,?\s+(?:since|because|cause|cuz|given that)\s+.+$")
# ("…, so the PM owns it", not "…so the PM can do strategy", which says what for)
_REASON_BEFORE = re.compile(
    r"^.+?\s*,?\s+(?:so|therefore|hence|thus)\s+(?P<claim>(?!.*\b(?:can|could|will|would|may|"
    r"might|has time|have time|gets to)\b).+)$"
)
# A bare no: "no", "nope", "nah, wrong".
_BARE_NO = re.compile(r"^(?:no|nope|nah|wrong)(?: (?:no|nope|wrong))*\W*$")
# A question about work named only by a pronoun at its end: "who communicates it?".
_WHO_DOES_IT = re.compile(r"^\W*(?P<ask>who (?:[\w']+ ){0,2}[\w']+) (?:it|them|this|that)\W*$")
# Messages asking one of the article's questions in other words than its concepts' phrasings,
# and the question each stands for.
# The article's idea of how many product people a company has, as a question it answers (asked
# about a company's size, or a ratio of the roles).
_COMPANY_SIZE = "does the size of the company matter"
# The article's idea of Scrum, as a question it answers (asked whether to run Scrum at all).
_SCRUM = "what is scrum"
# The ideas a role's being Scrum's, or not, rests on.
_SCRUM_GUIDE_PO = "concept-scrum-guide-po"
_CROSS_FUNCTIONAL_PM = "concept-cross-functional-pm"
# The article's idea of what each hire should be good at, as a question it answers.
_STRENGTHS = "what skills should i look for"
_STANDS_FOR = (
    (ASKS_SUMMARY, "summarize the article"),
    (ASKS_SIZE, _COMPANY_SIZE),
    (ASKS_EXAMPLE, "what was the example in the article"),
    (BECOMES_CEO, "can a product manager become a ceo"),
)
# What a question after thanks reads as when it asks RoleFit nothing (see
# `_asks_nothing_after_thanks`): the thanks is answered.
_NOT_ASKED_AFTER_THANKS = frozenset({Intent.OFF_TOPIC, Intent.HELP, Intent.SMALLTALK})
# Job titles said in capitals.
_ACRONYMS = frozenset({"cto", "ceo", "coo", "cfo", "vp", "qa", "em"})

# The patterns below serve answering only. They live here, not in `patterns`, because every
# pattern there is a cue the intent scorer weighs (`cues.py`), and these must not move intents.
# The words a question opens on, where it asks rather than claims.
_QUESTION_WORDS = "who|whom|whose|what|which|whether|how|why|when|where"
# Pay for the hire just advised, the role not named: "how much should we pay them?".
_PAY_THE_HIRE = re.compile(
    r"\bpay (?:them|him|her|this person|that person|the hire|the new hire|someone like that)\b|"
    r"\bhow much (?:to|should (?:we|i)|do (?:we|i)|would (?:we|i)|will (?:we|i)) pay"
    # for the hire, not a thing ("…pay for jira licenses?", "…pay attention to velocity?")
    r"(?:\W*$|\W+(?:roughly|approximately|about|them|him|her|for (?:this|that|the|our|the new) "
    r"(?:hire|person|role))\b)"
)
# "Does the article mention that <thing>?": a thing pointed at, not a claim.
_THAT_THING = re.compile(
    r"^that (?:[\w'-]+ ){0,3}(?:study|thing|idea|bit|part|section|quote|report|framework|example|"
    r"case|model|story|remark|line|list)\W*$",
    re.IGNORECASE,
)
# "Is there a case study in the article?", "is there anything about pricing in the article?":
# whether the article covers something, asked the other way round ("…in it?" may mean the advice).
_IS_THERE_IN_ARTICLE = re.compile(
    r"^(?:(?:and|so|ok|but)[ ,]+)?(?:is|are) there (?:an?|any|anything (?:about|on)|some) "
    r"(?P<thing>[^?]{1,60}?) (?:in|from) the article\W*$",
    re.IGNORECASE,
)
# Asking what the person to hire would do: "what would they do?", "what will the hire work on?".
_THEIR_WORK = re.compile(
    r"^(?:(?:so|and|ok|okay)\W+)*what (?:would|will|do|does|should) (?:they|he|she|the hire|the "
    r"new hire|this person|that person|the role) (?:do|own|work on|be doing)(?: all day| exactly"
    r"| then| there| here| for us| first| in (?:their|the) first \w+ (?:days|weeks|months))?\W*$"
)
# Asking what to look for in the person to hire: "what skills should I screen for?".
_SKILLS_ASKED = re.compile(
    r"\b(?:skills?|qualities|strengths|traits)\b.*\b(?:look for|screen for|hire for|test for|"
    r"interview for|need|want)\b|^what (?:skills?|qualities|strengths|traits)\b"
)
# What "the article says …" is followed by when it claims nothing, or asks: "it says no".
_NO_CLAIM = frozenset({"", "no", "yes", "so", "that", "it", "this", "what"})
_ASKS_WORD = re.compile(rf"^(?:{_QUESTION_WORDS})\b")
# A claim that only says the article covers something: "it says a lot about the backlog".
_VAGUELY = re.compile(
    r"^(?:something|anything|a lot|a bit|much|little|more|plenty) (?:about|on|of) "
)
# Roles alone, as a claim names them: "anything about POs".
_ONLY_ROLES = re.compile(
    r"(?:anything |something )?(?:about |on )?(?:the |a |an )?(?:pos?|pms?|product owners?|"
    r"product managers?)(?: (?:and|or) (?:the |a |an )?(?:pos?|pms?|product owners?|product "
    r"managers?))?"
)
# Asking for the article's own words: "quote the exact words", "can you cite it?".
_QUOTE_ASKED = re.compile(
    r"^(?:(?:can|could) you |please |pls )?(?:quote|cite)(?: (?:the|it|that|this|its|from|your))?"
    r"(?: article'?s?)?(?: (?:exact|actual|precise|original))?(?: (?:words|wording|text|passage|"
    r"line|lines|sentence|source|sources))?(?: (?:please|exactly|for me|word for word|"
    r"verbatim))?\W*$"
)
# A clause that asks or bids ("explain scrum", "tell me about…"): what a statement never opens on.
_ASKS_OR_BIDS = re.compile(
    r"^(?:(?:so|and|but|ok|hi|hey|hello)\W+)*(?:should|shall|can|could|do|does|did|is|are|was|"
    r"were|will|would|who|whom|whose|what|which|where|when|how|whether|why|explain|tell|define|"
    r"describe|help|please|give|show|compare)\b"
)
# Asking who does not do some work: "who does NOT own the backlog?", "which role shouldn't…".
_NOT_WHO = re.compile(
    r"^(?:so |and |but )?(?:who|which role|which one)\s+(?:does not|do not|doesn'?t|don'?t|"
    r"should not|shouldn'?t|is not|isn'?t)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
# Asking for the advice again in other words: "ok so final answer?", "bottom line?".
_FINAL_ANSWER = re.compile(
    r"^(?:(?:ok|okay|so|and|well)\W+)*(?:(?:give me |what(?:'s| is) )?(?:the |your )?(?:final "
    r"answer|bottom line|verdict)(?: (?:here|then|please|for us))?(?:\W+(?:po|pm|both|po or pm|"
    r"pm or po))?|which one (?:then|is it)|which is it)\W*$"
)
# Asking whether to add a role to the team: whom to hire, however else its words read.
_ADDS_A_ROLE = re.compile(
    r"\b(?:(?:should|shall|do|would|could) (?:i|we)|(?:i|we) (?:want|plan|would like|'d like|"
    r"am planning|are planning|am thinking|are thinking|am looking|are looking) to) "
    r"(?:also |now |still )?(?:add|hire|bring in|bring on) (?:a |an |more |some |any |a few |"
    r"dedicated )?(?:product owners?|pos?|"
    r"product managers?|pms?)\b"
    # (added to a meeting or a place is no hire: "…POs to the backlog refinement sessions?")
    r"(?!\s+(?:to|into|in|on) (?:the |this |that |our |a |every |each )?(?:\w+ ){0,2}?"
    r"(?:sprint|review|meeting|stand-?up|retro|call|channel|demo|planning|slack|thread|invite|"
    r"refinement|grooming|session|board|ceremon(?:y|ies)|workshop|backlog)s?\b)"
)
# Tools teams keep their work in, none of which the article names, as people write them.
_TOOLS = {
    "jira": "Jira",
    "productboard": "Productboard",
    "trello": "Trello",
    "figma": "Figma",
    "clickup": "ClickUp",
    "azure devops": "Azure DevOps",
    "confluence": "Confluence",
    "asana": "Asana",
    "miro": "Miro",
}
# Either role, by its title or its initials, singular or plural.
_ROLE_NAME = r"(?:pos?|pms?|product owners?|product managers?)"
# (names that are also words or names, "my colleague Miro", only with what the tool holds)
_TOOL = re.compile(
    r"\b(?:jira|productboard|trello|figma|clickup|azure devops)(?!\w)|"
    r"\b(?:confluence|asana|miro)(?= (?:board|space|page|wiki|workspace|project|doc)s?\b)"
)
# The yes or no a reply about the article opens on ("Yes. It's in…", "No, not in so many words.").
_YES_OR_NO = re.compile(r"^(?:Yes|No)[.,] ")
# A question, or a clause, asking whose some work is ("who owns the roadmap then"), not what
# the article says of it.
_ASKS_WHOSE = re.compile(r"\b(?:who|whose|whom|which role|which one)\b")
# Asking what the article says of something: "what does the article say about company size?".
_WHAT_IT_SAYS = re.compile(
    r"^(?:(?:so|and|ok|okay|but|then|hmm)[ ,]+)*what does (?:the|this|that|your) (?:article|text) "
    r"(?:say|tell us|have to say|mention) (?:about|of|on|regarding) (?P<topic>[^?]*\w)\W*$"
)
# A role's duties asked for as a list ("list the PO's responsibilities", "what does the article
# list as the PM's duties?", "what does the article say the PM does?"): the role, described.
_ROLE = rf"(?:the |a |an |our )?{_ROLE_NAME}"
_DUTIES_LISTED = re.compile(
    r"^(?:(?:please|pls|can you|could you|ok|okay|so)[ ,]+)*"
    r"(?:(?:list|name|give me|show me|tell me|what are|what's|what is)(?: all(?: of)?)?|"
    r"what does (?:the|this|your) article (?:list|give|name|say)(?: as| are| is)?) "
    rf"(?P<role>{_ROLE})(?:'s|s')? (?:main |key |core |day to day )?"
    r"(?:responsibilities|responsibility|duties|tasks|jobs?)"
    r"(?: (?:according to|in|per|from|under) (?:the|this|your) article)?\W*$|"
    rf"^what does (?:the|this|your) article say (?P<doer>{_ROLE}) (?:does|do)\W*$"
)
# Asking how to pass the advice on, as the whole message: "what do I tell the CEO?", "how do I
# explain this to my boss?", "a short summary I can paste to the board" (not "what do I tell my
# boss about sprint planning?", nor "I need to explain to my boss why we need a PM").
_TO_PASS_ON = re.compile(
    r"^(?:(?:ok|okay|so|and|but|then|hmm|right|great|thanks)[ ,]+)*(?:(?:what|how) (?:do|should|"
    r"can|would) (?:i|we) (?:tell|say to|write to|explain (?:this |it |that )?to|pitch (?:this |"
    r"it |that )?to|justify (?:this |it |that )?to|sell (?:this |it |that )?to|put (?:this |it |"
    r"that )?to)|(?:please |pls |can you |could you )?(?:explain|pitch|justify|summari[sz]e|sum "
    r"up)(?: this| it| that)? (?:to|for)|(?:a |an )?(?:short |quick |brief )?(?:summary|message|"
    r"msg|note|email|blurb|update|tl;?dr)(?: (?:i|we) can (?:paste|send|forward|share))? (?:to|"
    r"for)) (?P<who>(?:the |my |our )?(?:ceo|cto|cfo|coo|boss|board|founders?|co-?founders?|"
    r"manager|leadership(?: team)?|execs?|exec team|management|hiring manager|investors?))"
    r"(?: about (?:this|it|that|the advice|the hire|our hire|the hiring))?\W*$"
)
# A question setting the roles side by side ("which one does more strategy?"), not a need of the
# person's own: after the advice it is answered as whose work it is, the advice kept.
_WHICH_DOES_MORE = re.compile(
    r"^(?:(?:and|so|ok|okay|but|then)[ ,]+)*(?:which (?:one|role|of (?:the two|them|the roles))|"
    r"who) (?:does|do|is|has|handles?|spends?|owns?|cares? about|talks? to|works? with|deals? "
    r"with)\b[^?]*\b(?:more|most|closer|less)\b"
)
# Where a pushback says what the article says: "that's wrong, it clearly says PMs must be…".
_SAYS_OF_THE_ARTICLE = re.compile(
    r"\b(?:the article|the author|it) (?:clearly |actually |explicitly |literally |even )?"
    r"(?:says|said|claims|states|argues) (?:that )?",
    re.IGNORECASE,
)
# What a pushback says the article says that claims nothing: "it says nothing like that".
_NOTHING_CLAIMED = re.compile(
    r"(?:nothing|no|not|otherwise|so|that|this|it|something|the opposite|different)\b",
    re.IGNORECASE,
)
# "Why not the PO?" after work given to the PM: what the role named is for, in the article.
_WHY_NOT_ROLE = re.compile(
    r"^(?:(?:but|and|so|ok|hmm)[ ,]+)*why (?:not|isn'?t it|is it not|wouldn'?t it be|not rather) "
    r"(?:the |a |our )?(?P<role>product owners?|product managers?|pos?|pms?)\b\W*$"
)
# The last answer called wrong in so many words ("you are wrong", "that's not right"), not
# "I was wrong" or "when it goes wrong".
_CALLED_WRONG = re.compile(
    r"\b(?:you(?:'re| are)|(?:that'?s|thats|this is|that is|it'?s|it is)) (?:(?:just|so|totally|"
    r"completely|simply|absolutely|plain|flat out) )?(?:wrong|mistaken|not right|incorrect|"
    r"not true)\b|\bi disagree\b|\bi doubt (?:it|that)\b|\bnot convinced\b"
)
# What links a claim to the pushback after it: "…owns the backlog, so you're wrong".
_LINKING_MARKS = " \t\n,;."
# (stops and spaces are stripped first: two runs of them side by side would backtrack)
_TRAILING_LINK = re.compile(r"\b(?:so|and|but|which means)$")
# Characters a correction setting what was meant against what was not has at most ("not the
# backlog, the budget"): longer messages ask or tell something else.
_CORRECTION_CHARACTERS = 300
# What narrows a question rather than asking another: "… I meant at a startup".
_NARROWS = re.compile(
    r"(?:at|in|for|with|on|as|when|if|by|during|within|inside|like)\b", re.IGNORECASE
)
# Words every question taken back in its own message holds one of (`ASK_TAKEN_BACK`).
_TAKING_BACK = ("mind", "scratch", "forget", "mean")
# "Exactly" in asking where the article says something ("which section exactly?") asks no more.
_EXACTLY = re.compile(r"\s+exactly\b", re.IGNORECASE)
# Asking for the last reply again: "what did you just say?", "say that again", "come again?".
_SAID_AGAIN = re.compile(
    r"^(?:(?:sorry|ok|okay|so|wait|hm+|uh+|um+)[ ,]+)*(?:what did you (?:just )?(?:tell me|say)|"
    r"what was that|(?:can you |could you |please )?(?:repeat|say) (?:that|it)(?: again)?"
    r"(?: please)?|come again|pardon)\W*$"
)
# Asking for a yes or no of what was said: "is that a problem?", "so it's fine?", "yes or no?".
_ASKS_IF_FINE = re.compile(
    r"\b(?:yes or no|is (?:that|it|this) (?:a problem|ok|okay|fine|allowed|bad|wrong)|"
    r"(?:is|are) (?:that|it|this|they) fine|(?:fine|ok|okay) with (?:it|that))\b"
)
# Only a yes or no asked of what was just said: "yes or no?", "so the article is fine with it?",
# "that's not an answer. yes or no?".
_YES_OR_NO_ALONE = re.compile(
    r"^(?:[\w' ]{0,30}?[.!,]?\s)?(?:so |ok |okay |and |but )?(?:yes or no|(?:is|so) (?:that|it|"
    r"this) (?:a problem|ok|okay|fine|allowed|bad|wrong)|(?:the article is |it'?s |is it |"
    r"so it'?s )?(?:fine|ok|okay) with (?:it|that))\W*$"
)
# One person holding both roles, in so many words.
_ONE_IN_BOTH = re.compile(r"\b(?:one|same|single) person\b|\bboth\b")
# One of the two roles taking on the other: "can my PO also be our PM?", "…be combined?".
_ONE_HOLDS_BOTH = re.compile(
    r"\b(?:one|same|single) (?:person|hire|human|individual)\b|\bcombin\w*|\bmerg\w*|"
    r"\bdouble as\b|\b(?:be|do|hold|wear) both\b|\bboth (?:hats|titles|jobs)\b|"
    r"\balso be\b|\balso (?:the|a|an) (?:po|pm|product owner|product manager)\b"
)
_ONE_TAKES_BOTH = re.compile(r"\balso be\b|\bcombin\w*|\bmerg\w*|\bdouble as\b")
# A role's own work, right after it: "…take over the PM's responsibilities" (the role taken).
_ROLES_WORK = re.compile(
    r"['\u2019]s\s+(?:responsibilit\w*|duties|duty|job|work|tasks?|role|hat|part)\b"
)
# A yes or no asked for at the end of a question: "…, yes or no?".
_YES_OR_NO_AT_THE_END = re.compile(r"\byes or no\W*$")
# One role said to do the other's job: "our PMs act as POs too".
_ACTS_AS = re.compile(
    rf"\b(?:act|acts|acting|double|doubles|doubling) as (?:the |a |our )?{_ROLE_NAME}\b"
)
# A short follow-up asking the same of another role: "what about for a PO instead?".
_FOR_ANOTHER_ROLE = re.compile(
    r"^(?:(?:and|ok|okay|so|now)[ ,]+)?(?:(?:what|how) about |and |same )?(?:for )?(?:a |an |the )?"
    rf"{_ROLE_NAME}(?: instead| then| too)?\W*$"
)
# Product leaders' titles the article never names: "Head of Product", "VP of Product", "CPO".
_PRODUCT_LEADER_TITLES = (
    r"head of product|vp of product|vp product|product vp|vice president of product|"
    r"chief product officer|cpos?|director of product|product director"
)
_PRODUCT_LEADERS = re.compile(rf"\b(?:{_PRODUCT_LEADER_TITLES})\b")
# Other jobs the article never names, asked about as if it did: "…mention business analysts?".
_JOB_NOT_IN_ARTICLE = re.compile(
    r"\b(?:business analysts?|project managers?|program(?:me)? managers?|delivery managers?|"
    r"engineering managers?|data scientists?|(?:ux |ui |product )?designers?)\b"
)
# Product titles the article never uses, which people ask about as if it did.
_TITLE_NOT_IN_ARTICLE = re.compile(
    rf"\b(?:{_PRODUCT_LEADER_TITLES}|"
    r"(?:technical|growth|platform|data|ai) (?:product manager|pm)|product lead)\b"
)
# Frameworks for scaling Scrum, which the article never mentions ("SAFe" and "LeSS" as written:
# "is it safe to…" and "less" are everyday words).
_SCALED_FRAMEWORK = re.compile(
    r"\bSAFe\b|\bLeSS\b|\b(?:[Ss]caled [Aa]gile|[Ll]arge[- ][Ss]cale [Ss]crum|[Ss]potify model)\b"
)
_FRAMEWORK_NAMES = {
    "scaled agile": "scaled agile frameworks",
    "large-scale scrum": "LeSS",
    "large scale scrum": "LeSS",
    "spotify model": "the Spotify model",
}
# Replies saying the article has nothing on what was asked.
_NOTHING_FOUND = frozenset({wording.NOT_IN_ARTICLE, wording.NO_CONCEPT})
# A title offered beside one of the two roles: "the growth PM or the PO?".
_OFFERED_AS_A_ROLE = re.compile(
    r"\bor (?:the |a |an )?(?:po|pm|product owner|product manager)\b|"
    r"\b(?:po|pm|product owner|product manager) or\b"
)
# A wish to take a role, read as taking it: "our CTO wants to be the PO" ("our CTO be the PO").
_WISHED = re.compile(
    r"\b(?:wants|want|would like|'d like|offered|offers|plans|hopes|is keen) to (?=\w)"
)
# An order of hires, which the article never gives: "which one to hire first?".
_HIRE_ORDER = re.compile(
    r"\bhire (?:first|next|second)\b|\b(?:which|what) (?:one|role|person) (?:to hire |should "
    r"(?:i|we) hire |(?:i|we) should hire |do (?:i|we) hire )?(?:first|next|second)\b|"
    r"\bin (?:what|which) order\b|"
    r"\b(?:first|next|second) hire\b|"
    # a role named as the first hire: "…should always hire a PM first?"
    r"\bhire (?:a |an |the )?(?:pm|po|pms|pos|product managers?|product owners?) first\b"
)
# Whom to hire asked of the article: "does it say who to hire?" (not "who is responsible for
# hiring?").
_WHOM_TO_HIRE = re.compile(
    r"\b(?:who|whom|which (?:role|one|person)|what role)(?: (?:to|(?:i|we) (?:should|need to|must|"
    r"ought to)|should (?:i|we)|do (?:i|we)|must (?:i|we)))? hire\b"
)
# Hiring named in a claim about the article: "…says startups should always hire a PM first?".
_HIRING_WORD = re.compile(r"\b(?:hire|hires|hired|hiring)\b")
# The Product Owner taken, by its name, for whoever owns the product or the company.
_OWNER_BY_NAME = re.compile(
    r"\b(?:is|isn'?t) (?:the |a )?(?:po|product owner) (?:the |a |just )?(?:person|one|guy|owner|"
    r"someone) (?:who|that) owns (?:the |our |a )?(?:product|company|business|startup)"
    r"\s*(?:[,?.!]|$|like\b|as\b|or\b)|"
    # ("PO means the owner of the backlog" is the backlog, not the company)
    r"(?:^|\b(?:so|does|doesn'?t|isn'?t|is) )(?:the )?(?:po|product owner) (?:just )?means "
    r"(?:the )?(?:owner|founder)(?: of (?:the |our )?(?:company|business|startup|product))?"
    r"\s*(?:[,?.!]|$|right\b)"
)
# Asking what others do, in place of an answer: "no idea, what do most startups do?".
_WHAT_OTHERS_DO = re.compile(
    r"\bwhat do (?:most|other|typical|usual) (?:startups|companies|teams|founders|people) do\b"
)
# A need said to come on top of the one told: "we also need go-to-market", "growth too" (not "too
# many people on delivery", "our CTO also handles delivery").
_ALSO_NEEDED = re.compile(
    r"\b(?:also|too) (?:need|want|have to)\b|\b(?:growth|business|delivery|backlog|strategy|"
    r"market\w*|sales|go-to-market|gtm|sprints?|stories|pricing)(?: side| work| stuff)? "
    r"(?:too|as well)\b(?! (?:many|much))"
)
# A side named rather than work: "our priority is the business side", "growth matters most".
_NAMES_A_SIDE = re.compile(r"\b(?:side|sides|growth|business|delivery|delivering)\b")
# Where a clause ends, for reading one on its own.
_CLAUSE_BREAK = re.compile(r"[,;.!?]|\b(?:since|because|as|but|though)\b")
# Work set against what was ranked: ", not the backlog", "rather than sprints".
_NOT_THIS_ONE = re.compile(
    r"(?:[,;]|\b(?:and|but))\s*(?:not|rather than|instead of)\s+(?!(?:the )?only\b|just\b|all\b)\w"
)
# A pushback whose last clause gives the work to a role, and says nothing else of it: "that's
# wrong, user stories are PO work", "no, it's the PO's job" (not "PO work is only the backlog").
_AGREES = re.compile(
    r"(?:^|[,;:.!]\s*|\s-\s)(?:(?:but|well|actually|surely|clearly)\s+)?(?:it|that|this|they|those|"
    r"these|[a-z][\w ]{0,30}?)(?:'s| is| are) (?:the |a |an |obviously |clearly |definitely )*"
    r"(?:po|pm|product owner|product manager)(?:'s|s')?(?: (?:work|job|task|thing|responsibility|"
    r"call|area|domain|territory))?\W*$"
)
# A pushback that takes a role away or doubts it ("it's not the PO's", "the PO never does that"):
# no agreeing with it because it names the role answered.
_DENIES = re.compile(r"\b(?:not|never|no|nor|neither|isn'?t|aren'?t|doesn'?t|don'?t|shouldn'?t)\b")
# A doubt, not a disagreement: "are you sure?", "really?".
_DOUBTED = re.compile(
    r"^\W*(?:(?:hmm+|but|so)\W+)?(?:(?:are|r) (?:you|u) (?:sure|certain)(?: about (?:that|it|"
    r"this))?|really|sure|you sure|certain)\W*$",
    re.IGNORECASE,
)
# After "can one person be both?", the same asked of the person: "so that person does both,
# right?", "so they'd cover both?".
_BOTH_AGAIN = re.compile(
    r"\b(?:do|does|doing|cover|covers|covering|handle|handles|take|takes|be|is|hold|holds|"
    r"wear|wears)\s+(?:on\s+)?both(?:\s+(?:roles|jobs|hats|of them|titles))?"
    # (both roles, not both pieces of work: "handle both the backlog and pricing")
    r"\s*(?:[,.;:!?]|(?:right|correct|then|too|yeah)\b|$)"
)
# Which of the two roles the work just answered is, asked of "that": "is that more PO or PM?",
# "so which one is it?", "PO or PM then?".
_ROLE_NAMED = r"(?:(?:a|the) )?(?:po|pm|product owner|product manager)(?: work| thing| job)?"
_WHICH_OF_IT = re.compile(
    rf"^\W*(?:so |and |ok |but )?(?:(?:is|would) (?:that|it|this)(?: be)? )?(?:more |mostly |"
    rf"rather )?{_ROLE_NAMED} or {_ROLE_NAMED}(?: then)?\W*$|"
    r"^\W*(?:so |ok |and )?which (?:one|role)(?: is it| then)?\W*$"
)
# How sure the last answer is, asked: "how confident are you?", "how sure are you about that?".
_HOW_SURE = re.compile(
    rf"^\W*(?:(?:ok|so|and|but|you said [\w ]{{1,20}})\W+)?(?:{HOW_SURE_ASKED}|how (?:confident|"
    r"sure|certain) is (?:that|it|rolefit)(?: (?:about|of) (?:that|it|this))?)\W*$"
)
# The roles asked for by name alone, as `/rolefit roles` asks: "roles", "show me the roles".
_ROLES_ALONE = re.compile(
    r"^\W*(?:(?:show|list|compare|see)(?: me)?\s+)?(?:the\s+)?roles?"
    r"(?:\s+(?:please|pls|plz|again))?\W*$",
    re.IGNORECASE,
)
# A correction that ranks the work rather than setting a side aside: "the backlog is the most
# important part for us" leaves the other side's work wanted.
_RANKS_THE_WORK = re.compile(
    r"\b(?:most important|more important|matters? (?:the )?most|main (?:thing|priority|focus)|"
    r"(?:top|first|biggest|main) priority|priorit(?:y|ise|ize)|above all|first and foremost|"
    r"mostly|mainly|primarily)\b"
)
# Asking how to answer a hiring question: "not sure, how do I decide?".
_HOW_TO_DECIDE = re.compile(
    r"^(?:(?:not sure|unsure|no idea|idk|dunno|hmm+|um+|well)\W+)*(?:so |but |and )?how "
    r"(?:do|should|would|can|could) (?:i|we) (?:decide|choose|pick|know|tell|"
    r"figure (?:it|that) out)(?: (?:it|that|between them|between the two)| (?:which|what)\b[^?]*)?"
    r"\W*$"
)
# Asking where to begin: "ok so what should I do first?".
_WHAT_FIRST = re.compile(
    r"^(?:(?:ok|okay|so|and|well|then)[ ,]+)*(?:what should (?:i|we) do first|where do (?:i|we) "
    r"(?:start|begin)|where should (?:i|we) (?:start|begin)|what(?:'s| is) the first step)\W*$"
)
# "PO or PM?" after the facts, in so many words: "given all that, PO or PM?".
_WHICH_ROLE_THEN = re.compile(
    r"^(?:(?:so|ok|okay|then|given (?:all )?(?:that|this)|in that case|based on (?:all )?(?:that|"
    r"this)|with all that|knowing that)[ ,]+)+(?:po or pm|pm or po|product owner or product "
    r"manager|product manager or product owner)\W*$"
)
# Words a message saying only how the team works has at most ("we dont use scrum at all").
_NO_SCRUM_NOTE_WORDS = 8
# Asking what would change the advice: "what would change your mind?".
_CHANGES_YOUR_MIND = re.compile(
    r"\bwhat (?:would|could|might|will) (?:change|alter|flip) (?:your|the) (?:mind|advice|answer|"
    r"recommendation)\b"
)
# A Product Manager set beside a project manager: "is a PM the same as a project manager?".
_PM_SET_BESIDE = re.compile(
    r"\bproduct managers?\b|(?<!project manager )(?<!project managers )(?<!\()\bpms?\b(?!\))"
)
# Setting the two roles side by side: "PO vs PM", "the difference between…".
_SETS_APART = re.compile(r"\b(?:vs|versus|difference|differ|differs|compare|compared)\b")
# Asking whom a role reports to: "the reporting line for a PM", "the PO's reporting structure".
_REPORTS = re.compile(
    r"\breporting (?:lines?|structures?|chains?|hierarch\w*|relationships?)\b|"
    r"\bwho reports? to (?:who|whom)\b|\breports? to (?:the other|each other)\b"
)
# A role's seniority named, which ranks nothing: "does a junior PM need to be technical?".
_JUNIOR_OR_SENIOR = re.compile(r"\b(?:junior|senior) (?:pm|po|product manager|product owner)s?\b")
# "So who?", "so which one?": the last answer again, or the advice where there is none.
_SO_WHO = re.compile(r"^(?:(?:ok|okay|well)\W+)*so (?:who|whom|which(?: one)?)\W*$")
# A nudge after the advice, asking what now: "so?", "and?", "now what?".
_SO_WHAT = re.compile(r"^(?:ok(?:ay)? )?(?:so|and|and so|then|so then|now what|and now)\W*$")
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|we|we're|our|us|my)\b")
# Who the person or the company is: "I'm the CEO of…", "we're a 15-person startup".
_INTRODUCES = re.compile(
    r"^(?:(?:hi|hey|hello)\W+)?(?:i'?m|i am|we'?re|we are|our (?:company|startup|team) is) "
    r"(?:the |a |an |\d)"
)
# A time to come a hire is planned for: "next year", "in six months".
_LATER_TIME = re.compile(LATER)
# A fact of the hire supposed, not told: "what if we grow to 300 people?", "suppose we…".
_WHAT_IF = re.compile(
    r"^(?:and |but |so |ok,? |hmm,? )?(?:what if|what about if|and if|suppose|supposing|imagine|"
    r"hypothetically)\b",
    re.IGNORECASE,
)
# What "does the article say …" asks when it asks, not claims: "…who owns the backlog?".
_ASKED_OPENLY = re.compile(
    rf"^(?:{_QUESTION_WORDS}|anything|something|much|a lot|if|about|more|enough|little|nothing)\b",
    re.IGNORECASE,
)
# Words a "why" of the last answer takes at most ("why not the PM?", "but why is that?").
_WHY_OF_THE_LAST_ANSWER = 4
_WHY_WORD = re.compile(r"\bwhy\b", re.IGNORECASE)
_SAYS_OTHERWISE = re.compile(
    r"^(?:(?:but|no|nope|hmm|um|well)\W+)*(?:the |that |your )?article (?:says|said|states) "
    r"(?:the )?(?:opposite|otherwise|something else|different\w*|the reverse)\b"
)
# "The first one", "option 2": an answer offered, by its place in the list ("last": the end).
_ORDINALS = {
    **dict.fromkeys(("first", "1st", "1"), 1),
    **dict.fromkeys(("second", "2nd", "2"), 2),
    **dict.fromkeys(("third", "3rd", "3"), 3),
}

# The goal a hire of each role is for, when a message names the role and not the goal.
_ROLE_GOAL: dict[str, Goal] = {PRODUCT_OWNER: "deliver-product", PRODUCT_MANAGER: "build-business"}

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
    # An ownership answer's first words when a follow-up asked about one role ("and the PO?"):
    # "Yes." or "Not the Product Owner.", before the answer it asked about.
    lead: str = ""
    # What comes before the reply itself (its text starts with it too): that the article never
    # ranks the roles ("which is more senior?"), that PM here means Product Manager.
    note: str = ""
    # What comes after the reply itself (its text ends with it too): whether the hire advised
    # covers the work just answered, a question asked beside the hire answered.
    after: str = ""
    kind: str = ""  # feedback or smalltalk kind; "draft" for a job ad or interview drafted
    in_short: bool = False  # asked for in a line ("PO vs PM in one line"): the text, no card

    @property
    def owners(self) -> list[str] | None:
        return None if self.answer is None else list(self.answer.owners)


class Chat:
    """Answers every turn of a conversation from one knowledge base."""

    def __init__(self, kb: KnowledgeBase, matcher: Matcher, *, learned: bool = True) -> None:
        """`learned=False` reads intents by the rules alone (what the scorer is trained on)."""
        self.kb = kb
        self.matcher = matcher
        self.scorer = default_scorer() if learned else None
        self.concepts = ConceptFinder(kb)
        self._recent: LRUCache[str, Answer] = LRUCache(maxsize=RECENT_ANSWERS)

    def reply(self, text: str, memory: Memory | None = None) -> Reply:
        # fullwidth letters, ligatures: plain ones; and bounded, however long or hostile
        text = spelled_out(bounded(unicodedata.normalize("NFKC", text)))
        if asks_in_another_script(text):
            return _english_only(memory)
        reply = self._reply(text, memory)
        if asks_in_another_language(text) and not _read_something(reply, text):
            # "wer entscheidet was gebaut wird?": read as English, nothing in it was found;
            # some words of other languages are read ("PO oder PM?", "Unterschied zwischen…")
            return _english_only(memory)
        lowered = text.lower()
        if (
            (title := _TITLE_NOT_IN_ARTICLE.search(lowered))
            # asked about, not someone on staff ("our product lead is swamped, …"); beside an
            # answer of work, only where it is offered as the one who might do it ("the growth
            # PM or the PO?")
            and not re.search(rf"\b(?:our|my|their|your) {re.escape(title[0])}", lowered)
            and (reply.intent is not Intent.OWNERSHIP or _OFFERED_AS_A_ROLE.search(lowered))
            and title[0] not in reply.text.lower()
            and wording.NO_PRODUCT_LEADERS not in reply.text  # said of them already
        ):
            # "should we hire a growth PM or a regular PM?": answered, said to go by the work
            written = re.sub(r"\b(?:pm|vp|ai|cpos?)\b", lambda m: m[0].upper(), title[0])
            reply = _noting(wording.title_not_in_article(written), reply)
        scaled = _SCALED_FRAMEWORK.search(text)
        if scaled is not None and scaled[0].lower() not in reply.text.lower():
            # "in SAFe, who owns the program backlog?": the article knows no scaled framework;
            # what it says of the roles still stands ("what is a PO in SAFe?" had been read as
            # outside RoleFit)
            framework = _FRAMEWORK_NAMES.get(scaled[0].lower(), scaled[0])
            note = wording.framework_not_in_article(framework)
            if reply.intent is Intent.OFF_TOPIC or reply.text in _NOTHING_FOUND:
                # nothing else asked: what the article does say of the roles named, if any
                named = _roles_named(_SCALED_FRAMEWORK.sub(" ", lowered))
                roles = " and ".join(self.kb.roles[role].name.lower() for role in named)
                described = self._roles_described(f"what is the {roles}") if named else None
                if described is None:
                    return reply.model_copy(update={"text": note, "note": ""})  # (memory kept)
                if reply.memory is not None and reply.memory.facts is not None:
                    described = described.model_copy(update={"memory": reply.memory})  # the hire
                reply = described
            reply = _noting(note, reply)
        if memory is not None and memory.facts is not None and _WHAT_IF.match(text.strip()):
            return _supposed(reply, memory.facts)  # "what if we grow to 300 people?"
        if reply.kind != "draft" and reply.memory is not None and reply.memory.drafted:
            # the ad or interview just drafted is what "and for a PO?" redrafts, and only next
            kept = reply.memory.model_copy(update={"drafted": ""})
            return reply.model_copy(update={"memory": kept})
        return reply

    def _reply(self, text: str, memory: Memory | None) -> Reply:
        if (instead := _ask_taken_back(text)) is not None:
            return self._reply(instead, memory)  # the question asked instead
        if START_OVER.match(text.strip()):
            # "forget all that", "new question: who owns pricing?": nothing said before counts
            after = text.strip()
            while (again := START_OVER.match(after)) and (again["rest"] or again["asked"]):
                # in a loop, not by recursion: "reset, reset, …" said a few hundred times
                after = after[again.start("rest" if again["rest"] else "asked") :]
            if not START_OVER.match(after):
                return self.reply(after, None)
            afresh = Memory(intent="smalltalk")
            return Reply(intent=Intent.SMALLTALK, text=wording.STARTED_OVER, memory=afresh)
        if memory is not None and memory.intent == "combine" and _BOTH_AGAIN.search(text.lower()):
            # "…, so that person does both, right?": whether one can be both, asked again (read
            # as a hire for "startups hire one product person")
            return self._combine(Reading(Intent.COMBINE, text), memory)
        if (
            memory is not None
            and memory.question
            and not _hiring_question_waits(memory)
            and _WHICH_OF_IT.match(normalise(text))
        ):
            # "is that more PO or PM?" after an answer: whose that work is, again (it had been
            # the two roles side by side)
            return self._ownership(Reading(Intent.OWNERSHIP, memory.question), memory)
        if (
            memory is not None
            and memory.question
            and _HOW_SURE.match(normalise(text))
            and (previous := self._previous_answer(memory)) is not None
        ):
            # "how confident are you?": how sure, and what the sureness rests on
            return Reply(
                intent=Intent.FEEDBACK,
                text=wording.how_sure(previous),
                kind="why",
                answer=previous,
                memory=memory,
            )
        if _ROLES_ALONE.match(text) and not (memory and _hiring_question_waits(memory)):
            # "roles" typed as `/rolefit roles` is: the two side by side (it was read as "which
            # role do we hire?")
            return self._compare(Reading(Intent.COMPARE, text), memory)
        if ASKS_WHAT_TOLD.search(message_of(text).said):
            return self._remembered(memory)  # "what did I tell you about my team?"
        if STARTS_QUESTIONNAIRE.match(normalise(text)):
            # "start the questionnaire": the hiring questions from the start (the word alone
            # read as a security questionnaire)
            return self._hire(Reading(Intent.HIRE, ""), None)
        if (duties := _DUTIES_LISTED.match(normalise(text))) is not None:
            # "list the PO's responsibilities": the role's card ("list" read as work)
            described = self._roles_described(duties["role"] or duties["doer"])
            if described is not None:
                return described
        if (about := _WHAT_IT_SAYS.match(normalise(text))) is not None:
            # "what does the article say about company size?", even after the advice: a
            # question of the article, not a fact about the person's company
            topic = about["topic"]
            if _one_in_both(topic):  # "…about one person doing both roles?"
                return _keeping_the_hire(
                    self._combine(Reading(Intent.COMBINE, text), memory), memory
                )
            concept = self.concepts.find(topic, all_of_it=True)
            work = self._answer(topic)  # work the article leaves open ("OKRs") says so first
            if concept is not None and work.settled and work.confidence < MOST_LIKELY:
                reading = Reading(Intent.CONCEPT, text)
                return _keeping_the_hire(self._concept_reply(reading, concept), memory)
            checked = self._in_the_article(topic, memory)
            told = _without_yes_or_no(checked.text)  # asked what it says, not whether
            return _keeping_the_hire(checked.model_copy(update={"text": told}), memory)
        if memory and memory.intent == "combine" and _YES_OR_NO_ALONE.match(message_of(text).said):
            return self._combine(Reading(Intent.COMBINE, text), memory)  # "yes or no?"
        if _OWNER_BY_NAME.search(message_of(text).said):
            # "is the product owner the person who owns the product, like me as founder?"
            kept = memory or Memory(intent="concept")
            return _keeping_the_hire(
                Reply(intent=Intent.CONCEPT, text=wording.NOT_THE_OWNER, memory=kept), memory
            )
        if memory is not None and _SAID_AGAIN.match(normalise(text)):
            repeated = self._said_again(memory)  # "what did you just tell me?"
            if repeated is not None:
                return repeated
        if (plain := HOW_SHORT.sub("", text)) != text:
            return self._in_short(text, plain, memory)
        if (rest := _after_thanks(text)) is not None:
            then = self.reply(rest, memory)  # "thanks! also who runs retros?"
            if memory is None or not self._asks_nothing_after_thanks(rest, then, memory):
                return then
            # "thanks, should I ask my boss?": nothing RoleFit answers, so the thanks is the point
        if (introduced := INTRODUCTION.match(text.strip())) is not None:
            # "Hi, I'm head of people at a scale-up. What does a PO do?": the question is the
            # message where it asks what something is ("we're 12 people. PO or PM?" asks whom
            # to hire, which may turn on what was said)
            asked = introduced["question"]
            alone = classify(asked, memory, self._work_owners, self._knows_concept, self.scorer)
            if alone.intent is Intent.CONCEPT and self._stands_alone(introduced):
                return self.reply(asked, memory)
        if memory is not None and THANKS_EMOJI.fullmatch(text) and text.strip(" \ufe0f"):
            return self._feedback(Reading(Intent.FEEDBACK, text, kind="thanks"), memory)
        if (
            memory is not None
            and (memory.question or memory.concept)
            and not _hiring_question_waits(memory)
            and _BARE_NO.match(normalise(text))
        ):
            # "no" alone after an answer or an idea explained: pushback on it, not a piece of
            # work called "no"
            return self._feedback(Reading(Intent.FEEDBACK, text, kind="disagree"), memory)
        if memory is not None and memory.facts and self._advice_put_right(text, memory):
            # "actually we can make two hires", "we don't do scrum, we do kanban", even after a
            # question in between: the advice put right, and given again
            return self._advice_disputed(text, memory.facts, memory)
        if SELF_INTRODUCTION.match(text.strip()) and not _awaits_hiring_answer(memory):
            # "I'm the CTO.": a job title alone is neither a piece of work nor a hire
            kept = memory or Memory(intent="smalltalk")
            said_hello = wording.INTRODUCED
            return Reply(intent=Intent.SMALLTALK, text=said_hello, kind="hello", memory=kept)
        corrected = _corrected(text) if memory is not None and memory.question else None
        if corrected is None and memory is not None and memory.question:
            rest = _not_this_but(text)  # "not the backlog, the budget": if it names placed work
            if rest is not None and (_DOES_IT.search(rest.lower()) or _SOMEONE.match(rest.lower())):
                rest = None  # someone said to do it: "no, our CFO does that, not the PM"
            corrected = rest if rest and self._answer(rest).confidence >= MOST_LIKELY else None
        if memory is not None and corrected:
            if ASKS_ITS_OWN.match(normalise(corrected)):
                return self.reply(corrected, memory)  # "no, I meant should we hire a PM?"
            # "Oops, I meant the backlog": a correction of what was asked, whatever else its
            # words might read as (they read as hiring advice).
            return self._correction(text, corrected, memory)
        heard = message_of(text).said
        # ("both" while a hiring question is open may answer it: what the hire is for)
        hiring_open = memory is not None and memory.facts is not None and memory.facts.missing()
        puzzled = PUZZLED.match(heard) and not (hiring_open and "both" in heard)
        if memory is not None and memory.question and puzzled:
            # "?", "hmm", "really?", "both?" after an answer: why it is what it is
            why = self._feedback(Reading(Intent.FEEDBACK, text, kind="why"), memory)
            previous = self._previous_answer(memory)
            if "both" not in heard or previous is None or not previous.owners:
                return why
            # each piece of a list said of on its own ("pricing and the backlog": not both)
            shared = all(len(part.owners) == 2 for part in previous.parts or [previous])
            return _noting("Yes, both." if shared else "Not both.", why)
        if memory is not None and memory.question and (taker := TAKES_IT_ON.match(heard)):
            previous = self._previous_answer(memory)
            if previous is not None and previous.owners and not previous.parts:
                # "can my CTO do it?": the work just answered, by someone else (not one person
                # in both roles)
                job = taker["job"] and _as_titled(taker["job"])
                text = wording.taken_on(job, previous, self.kb)
                return Reply(intent=Intent.COMBINE, text=text, memory=memory)
        if memory is not None and memory.question and _SAYS_OTHERWISE.match(heard):
            # "the article says the opposite": pushback on the last answer (read as hiring)
            return self._feedback(Reading(Intent.FEEDBACK, text, kind="disagree"), memory)
        if memory is None and ASKS_WHY_AGAIN.match(heard):
            # a bare "why?" with nothing said before it (its words read as "what to build and why")
            return self._feedback(Reading(Intent.FEEDBACK, text, kind="why"), memory)
        if (asks := ASKS_IF_IN_ARTICLE.match(text.strip())) is not None:
            said = (asks["work"] or asks["claim"] or "").strip()
            if _one_in_both(said):  # "does the article say one person can be both PO and PM?"
                return _keeping_the_hire(
                    self._combine(Reading(Intent.COMBINE, text), memory), memory
                )
            named = _roles_named(said.lower())
            # (a claim about whom to hire, "…startups should always hire a PM first?", is checked
            # against what the article says of hiring, not answered as a hire)
            of_hiring = bool(_HIRING_WORD.search(said.lower())) and not _ASKED_OPENLY.match(said)
            if (
                not named
                or of_hiring
                or self.matcher.reads_no_words(said)
                or self._names_an_idea(said)
            ):
                # ("does it say POs own the backlog?" reads on: whose work it is, yes or no)
                verb = (asks["verb"] or "").lower()
                # "…mention that agile is dead?" claims; "…mention that McKinsey study?" points
                that = said.lower().startswith("that ") and not _THAT_THING.match(said)
                claims = (verb == "say" and not asks["openly"]) or that
                claimed = claims and bool(said) and not _ASKED_OPENLY.match(said)
                checked = self._in_the_article(
                    said,
                    memory,
                    made_up=bool(asks["made_up"]),
                    either=bool(asks["or_mine"] or asks["either"]),
                    claimed=claimed,
                )
                return _keeping_the_hire(checked, memory)
        if (there := _IS_THERE_IN_ARTICLE.match(text.strip())) is not None:
            return _keeping_the_hire(self._in_the_article(there["thing"], memory), memory)
        if (
            (claim := self._put_to_confirm(heard))
            and not self._of_roles_standing(claim)
            # (what the article says given as the reason for a claim about the work last asked
            # about: "the article says the PO keeps the team on the roadmap, so the PO owns it?")
            and not (memory is not None and memory.question and _without_reasons(heard))
        ):
            # "the article says the project grew revenue by 40 percent, correct?": a claim to
            # check, never a story of the person's company (nor a yes); "…says something about
            # pricing, right?" asks whether it covers pricing
            vague = _VAGUELY.match(claim)
            if vague is not None:
                checked = self._in_the_article(claim[vague.end() :], memory)
            else:
                checked = self._in_the_article(claim, memory, claimed=True)
            return _keeping_the_hire(checked, memory)
        if _QUOTE_ASKED.match(heard):
            return self._source(memory)  # "quote the exact words"
        if message_of(_EXACTLY.sub("", text)).said.finds(ASKS_SOURCE):
            return self._source(memory)  # "quote the article", "where does it say that?"
        # While a hiring question waits it may be the answer, and after the advice most
        # messages are about it ("tl;dr?"); someone else taking the role is not ("can my CTO be
        # the PO?")
        advised = _advised(memory)
        if memory is not None and advised and (heard.finds(NEXT_STEPS) or WHOM_THEN.match(heard)):
            return self._hire(Reading(Intent.HIRE, text, follow_up=True), memory)
        final = memory is not None and bool(_FINAL_ANSWER.match(heard))
        so_who = memory is not None and bool(_SO_WHO.match(heard))
        if memory is not None and (final or so_who):
            # "ok so final answer?": the advice as it stands, even after a question in between;
            # "so who?": the last answer, else the advice
            if advised and (final or not memory.question):
                return self._hire(Reading(Intent.HIRE, "", follow_up=True), memory)
            repeated = self._said_again(memory)
            if repeated is not None:
                return repeated
        of_the_hire = self._asked_of_the_hire(heard, memory) if memory and advised else None
        if of_the_hire is not None:  # "what would they do day to day?", "what skills…?"
            return of_the_hire
        if (
            memory is not None
            and advised
            and _CHANGES_YOUR_MIND.search(heard)
            and read_facts(text) == HiringFacts()  # "…if we grew to 200 people?" re-advises
        ):
            assert memory.facts is not None  # advised on these
            reasons = " ".join(reason.text for reason in self.advise(memory.facts).reasons)
            text = wording.advice_rests_on(reasons)  # "what would change your mind?"
            return Reply(intent=Intent.HIRE, text=text, facts=memory.facts, memory=memory)
        if memory is not None and advised and (passed_on := _TO_PASS_ON.search(heard)):
            assert memory.facts is not None  # advised on these
            who = re.sub(r"^(?:my|our) ", "your ", passed_on["who"])
            who = who if who.startswith(("the ", "your ")) else f"your {who}"
            who = _as_titled(who)
            text = wording.for_someone(self.advise(memory.facts), self.kb, who)
            return Reply(intent=Intent.HIRE, text=text, facts=memory.facts, memory=memory)
        if (
            memory is not None
            and advised
            and _WHICH_DOES_MORE.match(heard)
            and not _HIRING_WORD.search(heard)
            # (the work compared may read as a goal; "…when the team uses kanban?" tells a fact)
            and read_facts(text).model_copy(update={"goal": None, "needs": ()}) == HiringFacts()
            and (whose := self.reply(text, None)).answer is not None
            and whose.answer.owners
        ):
            # "which one does more strategy?" after the advice: whose work, not a new need
            return _keeping_the_hire(whose, memory)
        if _WHAT_FIRST.match(heard):
            if memory is not None and advised:  # "what should I do first?" after the advice
                assert memory.facts is not None  # advised on these
                steps = wording.next_steps(self.advise(memory.facts), self.kb)
                return Reply(intent=Intent.HIRE, text=steps, facts=memory.facts, memory=memory)
            kept = memory or Memory(intent="help")
            return Reply(intent=Intent.HELP, text=wording.FIRST_STEP, memory=kept)
        if memory is not None and advised and _SO_WHAT.match(heard):
            assert memory.facts is not None  # advised on these
            steps = wording.next_steps(self.advise(memory.facts), self.kb)  # "so?": what now
            return Reply(intent=Intent.HIRE, text=steps, facts=memory.facts, memory=memory)
        if advised and FRESH_QUESTION.match(text) and heard.finds(COMBINE):
            # "can one person be both PO and PM here?" after the advice: a question of its own
            combined = self._combine(Reading(Intent.COMBINE, text), memory)
            return _keeping_the_hire(combined, memory)
        if NEEDS_SCRUM.match(heard) and (idea := self.concepts.find(_SCRUM)):
            # "do we need scrum?", after any turn: not whom to hire
            of_scrum = self._concept_reply(Reading(Intent.CONCEPT, text), idea)
            return _keeping_the_hire(_noting(wording.NO_SCRUM_ADVICE, of_scrum), memory)
        if memory is not None and (other := self._other_role(text, memory)):
            return _keeping_the_hire(other, memory)  # "what does a PM do?", "and the other one?"
        if memory is not None and memory.intent == "concept" and (role := self._role_next(text)):
            return _keeping_the_hire(role, memory)
        # (who wrote the article is asked of the article whatever the conversation; a Scrum
        # Master, or someone with another job in a role, once the advice is given)
        after_advice = (ASKS_SCRUM_MASTER, SCRUM_MASTER_COMPARED, ANOTHER_JOB_AS_ROLE)
        of_its_own = heard.finds(ASKS_AUTHOR) or (advised and any(map(heard.finds, after_advice)))
        if memory is not None and memory.facts is not None and not of_its_own:
            # a Scrum Master asked of while a hiring question waits, telling nothing else
            scrum_master = heard.finds(ASKS_SCRUM_MASTER) or heard.finds(SCRUM_MASTER_COMPARED)
            # one question, nothing before it ("1, and do we need a scrum master?" answers too)
            asked_alone = ASKS_ITS_OWN.match(heard) and not re.search(r"[.,;:!]", text.strip(" ?!"))
            of_its_own = bool(scrum_master and asked_alone)
        if memory is None or memory.facts is None or of_its_own:
            asked = self._asked_in_other_words(text)
            if asked is not None:
                return _keeping_the_hire(asked, memory)
        if memory is not None and (explained := self._asked_of_last_concept(text, memory)):
            return self._concept_reply(Reading(Intent.CONCEPT, text, follow_up=True), explained)
        if self._only_rude(text):
            # "this is garbage, f*** off": rudeness and nothing else, whatever its words read as
            return self._help(Reading(Intent.HELP, text), memory)
        reading = classify(text, memory, self._work_owners, self._knows_concept, self.scorer)
        unknown = _cannot_say(text)
        if _awaits_hiring_answer(memory) and unknown:
            reading = Reading(Intent.HIRE, text, follow_up=True)  # "no idea": an answer
        if (
            reading.intent in (Intent.CONCEPT, Intent.OWNERSHIP)
            and (memory is None or memory.facts is None)
            and self._tells_the_company(text, reading.intent)
        ):
            # "I'm the CEO of a 15-person startup and we run scrum.", "we are 20 ppl, no scrum,
            # our CEO does product today": the company told, not Scrum or work asked about; its
            # facts are kept for the hire
            reading = Reading(Intent.HIRE, text)
        if (
            reading.intent is Intent.COMPARE
            and heard.finds(ARTICLE_NAMES)
            and not _SETS_APART.search(heard)  # "PO vs PM according to the scrum guide?"
            and (idea := self.concepts.find(text, all_of_it=True)) is not None
        ):
            # "McKinsey says the PO is the training ground for CEOs, yes?": one of the
            # article's ideas, named by the article's own names, not the two roles compared
            return self._concept_reply(Reading(Intent.CONCEPT, text), idea)
        one_role = "po" in heard or "pm" in heard or "product" in heard  # (cheap test first)
        one_role = one_role and len(_roles_named(heard)) == 1
        set_against = reading.intent in (Intent.COMBINE, Intent.CONCEPT, Intent.COMPARE)
        if set_against and "scrum master" in heard and one_role:
            # "can the PO also be the scrum master?": the article has no Scrum Master
            text = wording.SCRUM_MASTER_COMPARED
            return Reply(intent=Intent.CONCEPT, text=text, memory=Memory(intent="concept"))
        ranks = heard.finds(ASKS_RANK) or _REPORTS.search(heard)
        ranked = ranks and not _JUNIOR_OR_SENIOR.search(heard)
        if reading.intent is Intent.CONCEPT and ranked and one_role:
            reading = Reading(Intent.COMPARE, text)  # "the reporting line for a PM?": no idea
        # (a hiring question waiting, even after a question in between, takes it as its answer)
        told_only = not _hiring_question_waits(memory) and (
            memory is None or memory.facts is None or memory.intent == "combine"
        )
        if told_only and _says_only_no_scrum(text):
            # "we dont use scrum at all": a fact kept for the hire (beside any told before a
            # question of combining the roles), and what it weighs
            known = memory.facts if memory is not None and memory.facts else HiringFacts()
            kept = (memory or Memory(intent="feedback")).model_copy(
                update={"facts": known.merged(HiringFacts(uses_scrum=False))}
            )
            text = wording.TEAM_RUNS_NO_SCRUM
            return Reply(intent=Intent.FEEDBACK, text=text, kind="fact", memory=kept)
        if reading.intent is not Intent.HIRE and _WHICH_ROLE_THEN.match(heard):
            reading = Reading(Intent.HIRE, text)  # "given all that, PO or PM?"
        if reading.intent is not Intent.HIRE and _ADDS_A_ROLE.search(heard):
            reading = Reading(Intent.HIRE, text)  # "we have 4 PMs. should I add POs?"
        if reading.intent is Intent.OWNERSHIP and self._disputes_at_length(text, memory):
            # "but the PO prioritises the backlog, so the PO decides what gets built. you are
            # wrong": pushback on the last answer, the other work named its reason
            reading = Reading(Intent.FEEDBACK, text, kind="disagree")
        if reading.intent in (Intent.OFF_TOPIC, Intent.CONCEPT) and self._lists_work(reading):
            reading = Reading(Intent.OWNERSHIP, text)  # "- roadmap\n- release notes\n- OKRs"
        if memory is not None and (redrafted := self._drafted_again(text, memory)):
            return redrafted  # "and for a PO instead?" after the PM's interview questions
        if ad := self._ad_or_interview(text, memory):
            return ad  # "what should I put in the job ad for the PM?", "what do I ask them?"
        if memory is not None and (piece := self._nth_piece(text, memory)):
            # "the second one?": that piece answered, the list kept for "and the fourth?"
            answered = self._ownership(Reading(Intent.OWNERSHIP, piece), memory)
            kept = answered.memory.model_copy(update={"listed": memory.listed or memory.question})
            return answered.model_copy(update={"memory": kept})
        # ("the first one" while a hiring question waits, even after a question, answers it)
        if (
            memory is not None
            and memory.question
            and not _hiring_question_waits(memory)
            and NTH_PIECE.match(normalise(text))
        ):
            # "the first one" after an answer that listed nothing: nothing to count in (not a
            # head count of one for a hire)
            return Reply(intent=Intent.FEEDBACK, text=wording.NOTHING_LISTED, memory=memory)
        if memory is not None and memory.question and WHO_ELSE.match(normalise(text)):
            previous = self._previous_answer(memory)
            if previous is not None and not _names_no_work(previous) and not previous.parts:
                text = wording.who_else(previous, self.kb)
                return Reply(intent=Intent.FEEDBACK, text=text, answer=previous, memory=memory)
        if memory is not None and memory.question and WHICH_PARTS.match(normalise(text)):
            # "which parts exactly?" after the roadmap: why the answer is what it is
            return self._feedback(Reading(Intent.FEEDBACK, text, kind="why"), memory)
        if reading.intent in (Intent.OFF_TOPIC, Intent.CONCEPT) and memory and memory.question:
            more = message_of(text).said.finds(ASKS_MORE)
            if more and (concept := self.concepts.find(f"{memory.question} {text}")):
                # "how often?" after "who does competitive analysis?": what the article says
                return self._concept_reply(Reading(Intent.CONCEPT, text, follow_up=True), concept)
        if memory is not None and memory.question and not memory.facts and only_process(text):
            return self._told_how_the_team_works(memory)  # "we ship in two-week sprints btw"
        asks_of_its_own = reading.intent is Intent.FEEDBACK or (
            reading.intent is Intent.HIRE and message_of(text).said.finds(WITHOUT_SCRUM)
        )
        if asks_of_its_own and FRESH_QUESTION.match(text) and (concept := self._explained(text)):
            # "does a PM need to be technical?" after an answer, "can we have a PO without
            # doing scrum?": a question of the article's, not pushback or hiring advice
            return self._concept_reply(Reading(Intent.CONCEPT, text), concept)
        advised = memory is not None and memory.facts is not None and not memory.facts.missing()
        if advised and reading.intent is Intent.HIRE and (asked := self._work_asked(text)):
            # "ok so if we hire a PM, who writes the user stories?": whose work it is, and
            # whether that hire covers it; the advice stands
            reading = Reading(Intent.OWNERSHIP, asked)
        if advised and memory is not None and memory.facts is not None and memory.facts.needs:
            taken_back = work_told(text, self._placed).taken_back
            if set(taken_back) & set(memory.facts.needs):
                reading = Reading(Intent.HIRE, text)  # "actually forget pricing": advised again
        if advised and memory is not None and NOT_COVERED_ASK.search(heard):
            return self._left_uncovered(heard, memory)  # "what would that person NOT cover?"
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
        reply = answer_to(reading, memory)
        if message_of(text).said.finds(PROJECT_MANAGER):
            said_pm = message_of(text).said
            set_apart = _SETS_APART.search(said_pm) or _PM_SET_BESIDE.search(said_pm)
            if reply.text == wording.NO_CONCEPT and set_apart:  # "… vs product manager?": the PM
                reply = self._roles_described("product manager") or reply
            reply = _noting(wording.NOT_PROJECT_MANAGERS, reply)  # "PM or project manager?"
        if advised and memory is not None and reading.intent is Intent.OWNERSHIP:
            reply = self._beside_the_hire(reply, heard, memory)
        elif (
            reply.intent is Intent.OWNERSHIP
            and PRODUCT_OWNER in (reply.owners or ())
            and runs_no_scrum(text)
        ):
            # "we don't use Scrum. who should manage our backlog?": the article's split, said
            # with what it means for a team without Scrum
            reply = _followed(wording.PO_WITHOUT_SCRUM, reply)
        if reading.intent is Intent.HIRE and reply.intent is Intent.HIRE:
            reply = self._with_work_asked(reply, text)
        return _keeping_the_hire(reply, memory)

    def _with_work_asked(self, reply: Reply, text: str) -> Reply:
        """A hiring reply to a message that also asks whose some work is ("should we hire a PO
        or a PM? also who owns the pricing page?"): that answered too, before a question asked
        back, after advice."""
        asked = self._work_asked(text)
        if asked is None:
            return reply
        answered = self._ownership(Reading(Intent.OWNERSHIP, asked), None).text
        if reply.asks:
            return reply.model_copy(update={"text": f"{answered} As for the hire: {reply.text}"})
        return _followed(f"And {asked.strip()} {answered}", reply)

    def _work_asked(self, text: str) -> str | None:
        """The "who…?" a hiring message asks of work the knowledge base places ("if we hire a
        PM, who writes the user stories?" -> "who writes the user stories?"); None where it asks
        whom to hire, or of no work."""
        supposed = _SUPPOSED_HIRE.search(normalise(text)) is not None
        for clause in _WHO_CLAUSE.finditer(text):
            before = text[: clause.start()]
            opens = _QUESTION_OPENS.search(before) or (
                supposed and _SUPPOSED_ROLE_OPENS.search(before)
            )
            if not opens:  # a relative "who": "we need a PM who handles pricing?"
                continue
            asked = clause.group(0)
            said = message_of(asked).said
            # ("who's the next hire then?" asks of the hire, not of work)
            of_a_hire = said.finds(HIRE_ASK) or said.finds(HIRE_STRONG)
            if not of_a_hire and self._work_owners(asked) is not None:
                return asked
        return None

    def _hired(self, heard: str, memory: Memory) -> tuple[str, ...]:
        """The roles hired, as a question after the advice supposes ("if we go with a PM, …"),
        else as advised."""
        supposed = _SUPPOSED_HIRE.search(heard)
        if supposed is not None and (named := _roles_named(supposed.group(0))):
            return tuple(named)
        assert memory.facts is not None
        advised = self.advise(memory.facts).recommendation
        return ROLE_IDS if advised == "both" else (advised,)

    def _beside_the_hire(self, reply: Reply, heard: str, memory: Memory) -> Reply:
        """An ownership answer after hiring advice, with whether the hire covers the work: a
        role's work the hire would not do is said to be left over ("who writes the user stories
        then?" after advice to hire a PM)."""
        answer = reply.answer
        if answer is None or not answer.owners or answer.parts or not answer.settled:
            return reply
        hired = self._hired(heard, memory)
        if set(answer.owners) & set(hired):
            return reply
        names = [self.kb.roles[role].name for role in hired]
        owner = self.kb.roles[answer.owners[0]].name
        left = wording.left_by_the_hire(" or a ".join(names), owner)
        return _followed(left, reply)

    def _left_uncovered(self, heard: str, memory: Memory) -> Reply:
        """What the hire advised (or the one role the question names: "what would a PO not
        cover?") will not cover, and who should, the advice kept."""
        assert memory.facts is not None
        recommendation = self.advise(memory.facts)
        # (the role supposed is named before "cover": "what would a PO not cover?"; not "what
        # would they not cover that a PO would?")
        asked = NOT_COVERED_ASK.search(heard)
        span = asked.group(0) if asked else heard
        cut = span.rfind("cover")
        named = _roles_named(span[:cut] if cut >= 0 else span)
        if len(named) == 1 and (role := next(iter(named))) != recommendation.recommendation:
            beside = recommendation.recommendation == "both"
            text = wording.uncovered_by(role, self.kb, beside=beside)
        else:
            text = not_covered(recommendation, self.kb) or wording.uncovered_by(
                recommendation.recommendation, self.kb
            )
        return Reply(intent=Intent.HIRE, text=text, facts=memory.facts, memory=memory)

    @staticmethod
    def _asks_of_scrum(text: str) -> bool:
        """Whether a question names Scrum only in asking of a Scrum Master ("what would a scrum
        master do day to day?"): Scrum asked about, not told of the team."""
        said = text.lower()
        return "?" in said and not read_facts(said.replace("scrum master", " ")).uses_scrum

    def _tells_the_company(self, text: str, intent: Intent) -> bool:
        """Whether a message read as an idea or as work only tells of the person's company: its
        stage said, no role named, nothing asked (`_states_only`), and, read as an idea, no idea
        of the article named but in saying who the person or company is and how the team works
        ("…, curious about scrum" asks of it)."""
        if _roles_named(text.lower()) or not _states_only(text):
            return False
        if read_facts(text).company_stage is None:
            return False
        return intent is not Intent.CONCEPT or not any(
            not _INTRODUCES.match(clause)
            and not says_how_the_team_works(clause)
            and self.concepts.find(clause)
            for clause in _clauses(text)
        )

    @staticmethod
    def _stands_alone(introduced: re.Match[str]) -> bool:
        """Whether the question after an introduction needs nothing from it: it points back to
        nothing ("…the backlog. What is it?") and the introduction says nothing of how the team
        works ("we're a kanban shop. What does a PO do?" hangs on it)."""
        question = message_of(introduced["question"]).said
        before = message_of(introduced.string[: introduced.start("question")]).said
        points_back = not POINTING_BACK.isdisjoint(question.split())
        return not points_back and not before.finds(WAYS_OF_WORKING) and "scrum" not in before

    def _advice_put_right(self, text: str, memory: Memory) -> bool:
        """Whether, after the advice, a message puts a fact of it right: a correction of the
        goal or head count ("actually we can make two hires"), or a team said to run no Scrum.
        Right after the advice the hiring turn reads a correction itself; a question of its own,
        or a correction of the question just answered that tells no fact of the hire ("I meant
        growth", not "I meant we can make two hires"), is not one; nor is one that changes
        nothing."""
        if not _advised(memory) or memory.facts is None or _ASKS_OF_ITS_OWN.search(text.lower()):
            return False  # ("wait, what about business growth?" asks)
        meant = _corrected(text) if memory.question else None
        if meant is not None and not _hiring_fact(read_facts(meant)):
            return False  # "sorry, I meant growth" after an answer: the question put right
        correction = read_correction(text) if memory.intent != "hire" else HiringFacts()
        changes = memory.facts.corrected(correction) != memory.facts
        taken_back = scrum_taken_back(text) and memory.facts.uses_scrum is not None
        return changes or taken_back or self._scrum_told_otherwise(text, memory)

    @staticmethod
    def _scrum_told_otherwise(text: str, memory: Memory) -> bool:
        """Whether a message tells that the team runs no Scrum where the advice took it to ("we
        do kanban actually"). A question tells nothing of the team, and a team said to run Scrum
        is often a what-if ("and if the devs later need someone for the sprints?"), which the
        hiring questions read as such."""
        if "?" in text or FRESH_QUESTION.match(f"{text}?"):
            return False  # "what does a PO do in kanban?" asks; it tells nothing of the team
        told = read_facts(text).uses_scrum
        return memory.facts is not None and told is False and memory.facts.uses_scrum is not False

    def _role_next(self, text: str) -> Reply | None:
        """The role a bare "and a PO?" names, described, after a concept ("what does a PM do
        day to day?"): it asks the same of the other role. None for any other message."""
        said = message_of(text).said
        if len(_roles_named(said)) != 1 or not said.finds(NEXT_ROLE):
            return None
        return self._roles_described(text)

    def _other_role(self, text: str, memory: Memory) -> Reply | None:
        """The other role described ("and the other one?"), after one role was described, or
        answered as the owner of work ("and the other one, what does she do?"; without asking
        what it does, it asks whether the other role owns the work); None for any other
        message."""
        asked = THE_OTHER_ROLE.match(normalise(text))
        if asked is None or not (memory.roles or asked["does"]):
            return None
        previous = self._previous_answer(memory) if not memory.roles else None
        said_of = memory.roles or (tuple(previous.owners) if previous is not None else ())
        if len(said_of) != 1:
            return None
        other = next(role for role in ROLE_IDS if role != said_of[0])
        return self._roles_described(f"what does a {self.kb.roles[other].name} do?")

    def _only_rude(self, text: str) -> bool:
        """Whether a message is rudeness about RoleFit and nothing else: no question, no fact
        of a hire, no work named beside it ("this is awful, no scrum here" tells of the team;
        "you are useless. pricing" asks of pricing)."""
        said = message_of(text).said
        if "?" in text or not said.finds(INSULT) or read_facts(text) != HiringFacts():
            return False
        rest = INSULT.sub(" ", said)
        return self.matcher.reads_no_words(rest) or _names_no_work(self._answer(rest))

    def _in_short(self, text: str, plain: str, memory: Memory | None) -> Reply:
        """A message asking for a line (`plain`: without "in one line"): what it asks, or the
        last answer or comparison ("and in one sentence?"), kept to a line."""
        asks_nothing_else = plain.strip(" ?.!,").lower() in _ONLY_GOING_ON
        if asks_nothing_else and memory is not None and memory.intent == "compare":
            reply = self._compare(Reading(Intent.COMPARE, text), memory)
        elif asks_nothing_else and memory is not None and memory.question:
            reply = self._ownership(Reading(Intent.OWNERSHIP, memory.question), memory)
            reply = reply.model_copy(update={"text": wording.first_sentence(reply.text)})
        elif asks_nothing_else:
            kept = memory or Memory(intent="help")
            reply = Reply(intent=Intent.HELP, text=wording.IN_SHORT_OF_WHAT, memory=kept)
        else:
            reply = self.reply(plain, memory)  # "what's a PO in one line?"
        if reply.intent is Intent.COMPARE and not reply.note:  # "PO vs PM in one line"
            return reply.model_copy(update={"text": wording.COMPARED_IN_SHORT, "in_short": True})
        return reply

    @staticmethod
    def _asks_nothing_after_thanks(rest: str, then: Reply, memory: Memory) -> bool:
        """Whether what follows a thanks asks RoleFit nothing: it reads as off-topic, help or
        small talk, or it would start hiring questions without asking whom to hire."""
        if then.intent in _NOT_ASKED_AFTER_THANKS:
            return True
        message = message_of(rest)
        asks_to_hire = message.asked.finds(HIRE_ASK) or message.said.finds(ASKS_TO_HIRE)
        starts_hiring = then.intent is Intent.HIRE and then.asks and memory.facts is None
        return bool(starts_hiring and not asks_to_hire)

    def _nth_piece(self, text: str, memory: Memory) -> str | None:
        """The piece of work a message points to by its place in the list last answered ("and
        the second one?"), counted as the person listed it (a piece answered with no part of
        its own, "SEO", still counts), or among the work an unsure answer offered, or None."""
        nth = NTH_PIECE.match(normalise(text))
        if nth is None or not memory.question:
            return None
        pieces = self._pieces(memory.listed)
        if memory.question not in pieces:  # the list's pieces no longer being answered
            pieces = self._pieces(memory.question)
        place = _PLACES[nth["nth"]]
        # ("the last one" is place -1, nothing where no pieces were listed)
        return pieces[place] if -len(pieces) <= place < len(pieces) else None

    def _pieces(self, listing: str) -> list[str]:
        """The pieces of work a question lists, as the person listed them, whether answered apart
        or whole; for a question of one piece, the work its "did you mean" buttons offer, in
        their order ("who owns customer stuff?" then "the second one": a button typed)."""
        previous = self._answer(listing) if listing else None
        if previous is None:
            return []
        pieces = [named_work(piece) for piece in listed_work(clean_text(listing))]
        if not previous.parts and previous.offers_alternatives():
            return [alternative.title for alternative in previous.alternatives]
        if not previous.parts:  # two pieces of one role's work answered whole, each placed alone
            # (the article's own heading, "research and competitive analysis", is one piece)
            heading = " and ".join(pieces).lower() == (previous.section or "").lower()
            clear = not heading and all(_places_a_role(self._answer(piece)) for piece in pieces)
            return pieces if len(pieces) > 1 and clear else []
        if len(pieces) < len(previous.parts):  # pieces told in steps, answered together
            return [part.question for part in previous.parts]
        return pieces

    def _asked_in_other_words(self, text: str) -> Reply | None:
        """A question the article answers, asked in words its concepts' phrasings and the rules
        read otherwise: the article in short ("tl;dr"), whether a company's size changes
        anything ("what about a 50-person company?"), who is on a team (no one's work), someone
        with another job taking a role ("can our CTO double as the PO?"); and what the article
        leaves out: its author, Scrum Masters, what either role costs, how a role is staffed."""
        message = message_of(text)
        said = message.said
        # A message that also asks whom to hire is a hiring question, whatever else it says
        # ("we have a scrum master too, should we hire a PO or a PM?").
        hiring = bool(message.asked.finds(HIRE_ASK) or said.finds(ASKS_TO_HIRE))
        # ... unless it asks about a hire of another kind ("a scrum master instead of a PO?")
        choosing = hiring and bool(said.finds(PO_OR_PM))
        named, asks_who = _roles_named(said), not _WHO_WORDS.isdisjoint(said.split())
        scrums = ROLE_OF_SCRUM.search(said) if len(named) == 1 else None
        if scrums is not None:  # "is the product owner a scrum role?" (both: a comparison)
            of_po = named == [PRODUCT_OWNER]
            text = wording.SCRUM_ROLE if of_po else wording.NOT_SCRUM_ROLE
            # (the idea it rests on kept, for "does the article say that?" or "why?" next)
            idea = _SCRUM_GUIDE_PO if of_po else _CROSS_FUNCTIONAL_PM
            kept = Memory(intent="concept", concept=idea, roles=tuple(named))
            return Reply(intent=Intent.CONCEPT, text=text, memory=kept)
        for pattern, said_of_it in (
            (ASKS_AUTHOR, wording.AUTHOR),
            (SCRUM_MASTER_COMPARED, wording.SCRUM_MASTER_COMPARED),
            (ASKS_SCRUM_MASTER, wording.SCRUM_MASTER),
        ):
            if said.finds(pattern) and not choosing:
                return Reply(
                    intent=Intent.CONCEPT, text=said_of_it, memory=Memory(intent="concept")
                )
        # (both roles named: a comparison, unless one grows into the other)
        of_one = len(named) < 2 or said.finds(CAREER_MOVE)
        # ("who owns lead qualification?" asks of work, not of a candidate's qualifications)
        asks_of_hires = of_one and not (choosing or asks_who)
        strengths = self._strengths_asked(said) if asks_of_hires else None
        if strengths is not None:
            return strengths
        # "the article says POs own the go-to-market plan": checked, yes or no (not one of "it",
        # which only the conversation tells: "…so the PO owns it, right?")
        if (
            (claim := self._claimed_of_the_article(said))
            and not self._of_it_only(_without_reasons(claim) or claim)
            and _places_a_role(self._answer(claim))
        ):
            return self.reply(f"{claim}, right?")
        # Read as written: in "we can hire two. The devs need…" nobody hires devs.
        other_hire = OTHER_HIRE.search(text.lower())
        if other_hire and not named and not asks_who and not self._product_hire_too(text):
            # "we need to hire more salespeople, any tips?": not a hire the article covers
            text = wording.NOT_A_PRODUCT_HIRE
            return Reply(intent=Intent.OFF_TOPIC, text=text, memory=Memory(intent="off-topic"))
        counted = said.finds(PO_COUNT) or said.finds(PO_COUNT_ASKED)
        if counted and not asks_who:  # "one PO or three?": the article has none
            return Reply(
                intent=Intent.CONCEPT, text=wording.POS_PER_TEAM, memory=Memory(intent="concept")
            )
        if said.finds(ASKS_RATIO) and (sizes := self.concepts.find(_COMPANY_SIZE)):
            reply = self._concept_reply(Reading(Intent.CONCEPT, text), sizes)
            return _noting(wording.NO_RATIO, reply)  # "how many POs per PM?"
        if said.finds(IN_COMMON) and not hiring:  # "what do they have in common?"
            return self._compare(Reading(Intent.COMPARE, text), None)
        of_a_role = named or said.finds(WHICH_ROLE) or said.finds(PAY_ASKED)  # "TC range?"
        if of_a_role and not asks_who and said.finds(WORKING_CONDITIONS):
            return _working_conditions()  # "isn't a PM more expensive than a PO?"
        wished = _WISHED.sub("", said)
        taken = None if hiring else ANOTHER_JOB_AS_ROLE.search(wished)
        owned = taken is not None and _ranks_over(wished[taken.end() :])
        if taken is not None and not owned and not ANOTHER_JOB_AS_ROLE.search(said):
            return self._another_job(taken)  # "my CTO wants to be the PO": no idea of the CEO's
        concept = self.concepts.find(text, all_of_it=True) if said.finds(ASKS_MEMBERS) else None
        for pattern, question in _STANDS_FOR:
            if concept is None and said.finds(pattern):
                concept = self.concepts.find(question)
        claimed_work = self._answer(text) if said.finds(ARTICLE_CLAIM) else None
        if claimed_work is not None and concept is None and not _places_a_role(claimed_work):
            # "the article says startups should…, right?"; a claim about a role's work ("it says
            # the PO owns the backlog, right?") is answered yes or no as an ownership question
            claimed = self.concepts.find(text)
            if claimed is not None:
                return _noting(
                    wording.CLAIM, self._concept_reply(Reading(Intent.CONCEPT, text), claimed)
                )
        if concept is not None:
            return self._concept_reply(Reading(Intent.CONCEPT, text), concept)
        staffed = said.finds(STAFFED_AS) and not (
            said.finds(WORKING_CONDITIONS) or said.finds(RATE)
        )
        if len(named) == 1 and staffed and not asks_who:
            # "is a part-time PM a good idea?": how the role is staffed, which the article
            # leaves alone, beside what it takes
            text = wording.staffed_as(self.kb.roles[named[0]])
            return Reply(intent=Intent.COMBINE, text=text, memory=Memory(intent="combine"))
        taken = None if hiring else ANOTHER_JOB_AS_ROLE.search(said) or SELF_AS_ROLE.search(said)
        if taken is None or _ranks_over(said[taken.end() :]):
            return None  # ("can our CTO be the PO's boss?" asks of a ranking)
        return self._another_job(taken)

    def _another_job(self, taken: re.Match[str]) -> Reply:
        """Someone with another job taking a role ("can our CTO double as the PO?"): what the
        article says the role takes, and that it says nothing of who else may take it."""
        asked_of = taken.groupdict().get("job")  # none: the asker ("should I be the PO?")
        job = _as_titled(asked_of.replace("scrum master", "Scrum Master")) if asked_of else None
        described = self.kb.roles[_roles_named(taken["role"])[0]]
        return Reply(
            intent=Intent.COMBINE,
            text=wording.another_job(job, described, moves=taken["moves"] is not None),
            memory=Memory(intent="combine"),
        )

    def _product_hire_too(self, text: str) -> bool:
        """Whether a message naming another hire is a product hire all the same: a head count
        and a role's work listed beside the other hire ("we can hire one person… pricing,
        hiring engineers and the backlog")."""
        return read_facts(text).headcount is not None and self._names_roles_work(text)

    def _names_roles_work(self, text: str) -> bool:
        """Whether a message lists work a product role owns beside the other hire ("we need
        pricing strategy, hiring engineers and backlog refinement" is a product hire); work the
        other hire is for ("hire developers to clear the backlog") is not."""
        pieces = (
            piece for piece in _LIST_BREAK.split(text) if not OTHER_HIRE.search(piece.lower())
        )
        return any(_places_a_role(self._answer(piece)) for piece in pieces if piece.strip())

    def _strengths_asked(self, said: Text) -> Reply | None:
        """What to look for in a candidate ("red flags in a PM candidate?") or what one should
        bring on paper ("how many years of experience should a PM have?"): the article names
        strengths only, so those, after saying what it leaves out."""
        credentials = said.finds(CREDENTIALS)
        career = said.finds(CAREER_MOVE) and len(_roles_named(said)) == 2  # PO into PM
        if not (credentials or career or said.finds(CANDIDATE_QUALITIES) or said.finds(RED_FLAGS)):
            return None
        strengths = self.concepts.find(_STRENGTHS)
        if strengths is None:
            return None
        if credentials:  # a question the article leaves out, answered with what it does say
            text = f"{wording.NO_CREDENTIALS} {wording.explained(strengths)}"
            return Reply(intent=Intent.OFF_TOPIC, text=text, memory=Memory(intent="off-topic"))
        reply = self._concept_reply(Reading(Intent.CONCEPT, said), strengths)
        if career:
            return _noting(wording.NO_CAREERS, reply)
        return _noting(wording.NO_RED_FLAGS, reply) if said.finds(RED_FLAGS) else reply

    def _source(self, memory: Memory | None) -> Reply:
        """Where the last answer comes from: the article's sections it rests on and what they
        give, in RoleFit's own words (it never quotes the article)."""
        kept = memory or Memory(intent="feedback")
        previous = self._previous_answer(kept)
        concept = self._concept_of(kept)
        if previous is not None:
            placed = [part for part in previous.parts or [previous] if part.section]
            text = wording.source(
                [part.section or "" for part in placed],
                " ".join(part.why for part in placed if part.why),
            )
        elif concept is not None:
            text = wording.source([concept.section], concept.explanation)
        elif kept.intent == "combine":  # "can one person be both?", then "does it say that?"
            text = wording.COMBINE_SOURCE
        elif kept.facts is not None:
            text = wording.source([wording.SECTION_NEED], wording.WHY_ASKED["goal"])
        else:
            text = f"{wording.NO_QUOTES} Ask me about a piece of work, and I'll name the section "
            text += "of the article my answer rests on."
        return Reply(intent=Intent.FEEDBACK, text=text, kind="why", answer=previous, memory=kept)

    def _in_the_article(
        self,
        asked: str,
        memory: Memory | None,
        *,
        made_up: bool = False,
        either: bool = False,
        claimed: bool = False,
    ) -> Reply:
        """Whether the article itself covers what is `asked` about (or, when it names nothing,
        what was just answered): one of its ideas or roles, yes, with what it says; work, yes
        with its section, or no and what an answer rested on instead; anything else, not found.
        `made_up`: asked as "did you make that up?", so the yes and no are the other way round;
        `either`: asked as "the article or your opinion?", which no yes or no answers;
        `claimed`: asked as "does it say <a claim>?" ("…the project raised revenue by 40%?"),
        which finding the idea or the work does not make true: what the article says of it is
        given to check the claim against, never a yes."""
        kept = memory or Memory(intent="feedback")
        if _WHOM_TO_HIRE.search(asked.lower()) or _HIRE_ORDER.search(asked.lower()):
            # "does the article say who to hire?": its own question, though never in what order
            ordered = _HIRE_ORDER.search(asked.lower())
            text = (
                wording.NO_HIRE_ORDER
                if ordered
                else f"Yes, that's the article's own question. {wording.FIRST_STEP}"
            )
            return Reply(intent=Intent.CONCEPT, text=text, memory=Memory(intent="concept"))
        if _PRODUCT_LEADERS.search(asked.lower()):  # "…mention a VP of Product?": no such role
            text = f"No. {wording.NO_PRODUCT_LEADERS}"
            return Reply(intent=Intent.CONCEPT, text=text, memory=Memory(intent="concept"))
        if (job := _JOB_NOT_IN_ARTICLE.search(asked.lower())) is not None:
            # "…say anything about business analysts?": a job it never names, not its nearest idea
            text = wording.job_not_in_article(job[0])
            return Reply(intent=Intent.CONCEPT, text=text, memory=Memory(intent="concept"))
        if message_of(asked).said.finds(ASKS_DIFFERENCE):  # "… about the difference?"
            text = f"Yes. {wording.compare(self.kb)}"
            return Reply(intent=Intent.COMPARE, text=text, memory=Memory(intent="compare"))
        # (a claim naming only a role, "…say anything about POs?", is asked of it: yes)
        claims_of_it = claimed and not _ONLY_ROLES.fullmatch(asked.lower().strip(" ?.!"))
        if described := self._roles_described(
            asked, lead=wording.CLAIM if claims_of_it else "Yes."
        ):
            return described
        if not asked or self.matcher.reads_no_words(asked):
            previous = self._previous_answer(kept)
            if previous is None or previous.parts:
                return self._source(memory)  # an idea explained, a list: the sections
            text = wording.in_the_article(previous, answered=True, made_up=made_up, either=either)
            return Reply(
                intent=Intent.FEEDBACK, text=text, kind="why", answer=previous, memory=kept
            )
        if message_of(asked).said.finds(WAYS_OF_WORKING):  # "… anything about kanban?"
            text = f"No. {wording.WAYS_OF_WORKING}"
            return Reply(intent=Intent.CONCEPT, text=text, memory=Memory(intent="concept"))
        answer = self._answer(asked)
        # (work the article leaves open, "OKRs", is said to be; no idea sharing a word with it)
        left_open = (
            not claimed
            and not answer.settled
            and answer.confidence >= MOST_LIKELY
            and not _HIRING_WORD.search(asked.lower())  # whom to hire is the article's question
        )
        # (work the article never names, "the sprint goal", is said not to be in it, though an
        # idea it does name shares a word with it, "the product goal"; unless the question names
        # that idea itself: "technology roadmaps")
        inferred = (
            bool(answer.owners)
            and not answer.named
            and answer.confidence >= MOST_LIKELY
            and not self.concepts.titled(asked)
        )
        if not (left_open or inferred) and (concept := self.concepts.find(asked)) is not None:
            reply = self._concept_reply(Reading(Intent.CONCEPT, asked), concept)
            lead = wording.CLAIM if claimed else "Yes."
            return reply.model_copy(update={"text": f"{lead} {reply.text}"})
        if answer.confidence < MOST_LIKELY and not answer.parts:
            return Reply(
                intent=Intent.CONCEPT, text=wording.NOT_IN_ARTICLE, memory=Memory(intent="concept")
            )
        return Reply(
            intent=Intent.FEEDBACK,
            text=wording.in_the_article(
                answer,
                answered=False,
                claimed=claimed,
                by_name=_by_the_articles_name(asked, answer, self.kb.language.abbreviations),
                # (a claim said in the negative may be the article's own: "…PMs don't make it")
                of_a_role=bool(_roles_named(normalise(asked)))
                and not _NEGATED.search(_TAG_ASKED.sub("", asked)),
            ),
            kind="why",
            answer=answer,
            memory=kept.model_copy(update={"question": answer.question}),
        )

    def _lists_work(self, reading: Reading) -> bool:
        """Whether a message read as off-topic or as a concept is a list of work for different
        roles, which one word in it ("OKRs", "C-suite", "backlog") had read otherwise: set out
        item by item ("- roadmap\n- release notes\n- OKRs"), or bare ("backlog + pricing +
        roadmap?"). A longer list in a sentence may be a request to do the work ("write user
        stories for login + password reset"), and one asking what things are a comparison
        ("scrum vs kanban, …")."""
        text = reading.text
        if reading.follow_up:
            return False
        bare = len(text.split()) <= BARE_LIST_WORDS and not message_of(text).said.finds(EXPLAIN)
        if not (bare or lists_item_by_item(clean_text(text))):
            return False
        return bool(self._answer(text).parts)

    def _answer(self, text: str) -> Answer:
        """The matcher's answer, remembered briefly: reading a turn may ask about the same text
        that answering it asks about again."""
        answer = self._recent.get(text)
        if answer is None:
            answer = self._recent[text] = self.matcher.answer(text)
        return answer

    def _knows_concept(self, text: str) -> bool:
        return self.concepts.find(text) is not None

    def _explained(self, text: str) -> Concept | None:
        """The concept a message read as no work or as off-topic asks of a role (or of product
        people), where the article explains it in so many words ("does a PM need to be
        technical?", "do PMs travel?", "do startups need both?")."""
        said = message_of(text).said
        if not (
            _roles_named(text.lower())
            or said.finds(PRODUCT_PEOPLE)
            or said.finds(PRODUCT_MANAGEMENT)
            or said.finds(ARTICLE_NAMES)  # "what did McKinsey say?"
        ):
            return None
        return self.concepts.find(text, all_of_it=True)

    def _placed(self, piece: str) -> tuple[str, tuple[RoleId, ...]] | None:
        """The responsibility a piece of a hiring story names, and its owners, where the advisor
        would place it as a need typed in the questionnaire (`placeable`)."""
        answer = self._answer(piece)
        if answer.responsibility is None or not answer.owners or answer.parts:
            return None
        if placeable(answer) is None:
            return None
        return answer.responsibility.id, tuple(role for role in ROLE_IDS if role in answer.owners)

    def _work_owners(self, text: str) -> tuple[str, ...] | None:
        """Who owns the work `text` names (none, one or both roles); None when it names no work
        the knowledge base knows."""
        answer = self._answer(text)
        known = not _names_no_work(answer)
        return tuple(answer.owners) if known and answer.confidence >= MOST_LIKELY / 2 else None

    # -- ownership -----------------------------------------------------------------------------

    def _ownership(self, reading: Reading, memory: Memory | None) -> Reply:
        if (negated := _NOT_WHO.match(reading.text.strip())) is not None:
            # "who does NOT own the backlog?": whose it is, and so whose it is not
            flipped = Reading(Intent.OWNERSHIP, f"who does {negated['rest']}")
            answered = self._ownership(flipped, memory)
            lead = self._not_whose(answered.answer)
            return _noting(lead, answered) if lead else answered
        if (
            not reading.follow_up
            and ASKS_ITS_OWN.match(message_of(reading.text).said)
            and (concept := self.concepts.phrased(reading.text))
        ):
            # "which product line was declining?": a question of the article's, asked in its
            # words (a piece of work named alone, "quarterly competitor monitoring", is work)
            return self._concept_reply(reading, concept)
        asked, _, story = reading.text.partition("?")
        if (
            not reading.follow_up
            and story.strip()
            and "?" not in story
            and (concept := self._explained(f"{asked}?"))
            and _names_no_work(self._answer(asked))
        ):
            # "PM must be technical? our product is kinda complex (billing codes)": the question
            # the article explains, asked before the story around it
            return self._concept_reply(reading, concept)
        attending = None if reading.follow_up else ROLE_ATTENDS.match(normalise(reading.text))
        if attending is not None and (role := _roles_named(attending["role"])):
            # "should the PM attend sprint planning?": whose work it is, and that the article
            # never says who else takes part (it had read "join" as hiring)
            attended = self._answer(attending["work"])
            if attended.confidence >= MOST_LIKELY and not _names_no_work(attended):
                answered = self._ownership(Reading(Intent.OWNERSHIP, attending["work"]), None)
                return _noting(wording.attends(role[0], attended, self.kb), answered)
        roles = self._roles_asked_about(reading, memory)
        said = message_of(reading.text).said
        if roles is None and said.finds(ASKS_RANK):
            return self._compare(reading, memory)  # "does the PM report to the CEO?"
        if (
            roles is None
            and said.finds(WORKING_CONDITIONS)
            and (_about_a_role(said) or _names_no_work(self._answer(reading.text)))
        ):
            # "does the PM work weekends?", "who gets paid more?": no work of either role's
            return _working_conditions()
        lead = ""
        if roles is not None and memory is not None:
            answer = self._answer(memory.question)
            lead = wording.for_roles(roles, answer, self.kb)
        elif not self._refers_back(reading, memory) and (
            described := self._roles_described(reading.text)
        ):
            return described
        else:
            answer = self._answer(self._with_topic(reading, memory))
            claim, asked = reading.text, message_of(reading.text).asked
            if (reasoned := _without_reasons(said)) is not None and _checks_a_claim(reasoned):
                # "the PO does it since the PO represents stakeholders, right?": the claim is
                # the one before "since" (after "so"), whatever its reasons name
                asked = message_of(reasoned).said
            if asked != said and _checks_a_claim(asked):
                # "the PO represents stakeholders… so the PO talks to customers, right?": the
                # claim checked is the one asked, whatever its reasons name
                claim = question = str(asked)
                if memory is not None and memory.question and asked.finds(PRONOUN):
                    # "…so PO owns it right?": "it" is the work last asked about, whatever
                    # the reasons before it name (that work itself, where "it" is all it names)
                    alone = self.matcher.reads_no_words(asked)
                    question = (
                        memory.question if alone else wording.with_topic(asked, memory.question)
                    )
                claimed = self._answer(question)
                if claimed.owners and claimed.confidence >= MOST_LIKELY:
                    answer = claimed  # a role's work; else the reasons say what the work is
            # (looked for only where the answer is unsure: most turns place work clearly)
            unsure = _names_no_work(answer) or answer.confidence < MOST_LIKELY
            concept = self.concepts.find(reading.text, all_of_it=True) if unsure else None
            # (an unsure answer to "who…" stays the answer where only the company's size calls
            # up an idea: "who owns churn in a small business?")
            sized = concept is not None and concept == self.concepts.find(_COMPANY_SIZE)
            if sized and not _names_no_work(answer) and _ASKS_WHOSE.search(said):
                concept = None
            if concept is not None:
                # "Does a PM need to be technical?", "and for a 5-person startup?": no work of
                # either role, but something the article explains.
                return self._concept_reply(reading, concept)
            if _names_no_work(answer) and said.finds(ASKS_DIFFERENCE):
                return self._compare(reading, memory)  # "so both? then what's the difference"
            lead = _yes_or_no(claim, answer, self.kb)
            somewhere = normalise(reading.text)
            if (
                reading.follow_up
                and memory is not None
                and memory.question
                and _names_no_work(answer)
                and answer.outside_owner is None  # ("and payroll?" is finance's work)
                and (together := self._answer(f"{memory.question} {reading.text}")).confidence
                >= MOST_LIKELY
                and together.responsibility != self._answer(memory.question).responsibility
            ):
                # "and who decides in what order?" after "who decides what gets built?": the
                # work before, asked of another part of it
                answer = together
            elif (
                reading.follow_up
                and memory is not None
                and memory.question
                and (
                    (_names_no_work(answer) and SOMEWHERE_ELSE.match(somewhere))
                    or ONLY_A_PRODUCT_SURFACE.match(somewhere)
                )
                and not _names_no_work(asked_before := self._answer(memory.question))
            ):
                # "what about for mobile?": the same work somewhere else
                answer, lead = asked_before, wording.SAME_ANYWHERE
        reply = Reply(
            intent=Intent.OWNERSHIP,
            text=f"{lead} {wording.ownership(answer, self.kb)}".strip(),
            lead=lead,
            answer=answer,
            follow_up=reading.follow_up,
            memory=Memory(intent="ownership", question=answer.question),
        )
        if (tool := _TOOL.search(said)) is not None:
            # "who owns the Jira board?": the article names no tools, only work
            name = _TOOLS[tool[0]]
            if _names_no_work(answer):
                return reply.model_copy(update={"text": wording.tool_alone(name)})
            reply = _noting(wording.tool_named(name), reply)
        if said.finds(TEAM_ARRANGEMENT) and not _names_no_work(answer):
            return _noting(wording.TEAM_ARRANGED, reply)  # "our PO does pricing"
        if _off_scrum(said) and "product-owner" in answer.owners:
            return _noting(wording.OUTSIDE_SCRUM, reply)  # "our kanban teams… who orders…?"
        return reply

    def _asked_of_the_hire(self, said: Text, memory: Memory) -> Reply | None:
        """After the advice, a question about the person to hire: what they would do day to
        day (the advised role described), what to look for in them (the strengths the article
        names); None for anything else. The hire's facts are kept."""
        assert memory.facts is not None  # advised on these
        asks = "?" in said or ASKS_ITS_OWN.match(said)  # ("our devs need direction day to day")
        if not asks or _roles_named(said) or "scrum master" in said:
            return None  # "what does a PO do day to day?" names its own role
        if _SKILLS_ASKED.search(said) and (strengths := self.concepts.find(_STRENGTHS)):
            reply = self._concept_reply(Reading(Intent.CONCEPT, said), strengths)
            return _keeping_the_hire(reply, memory)
        if not (said.finds(DAY_IN_THE_LIFE) or _THEIR_WORK.match(said)):
            return None
        advised = self.advise(memory.facts).recommendation
        roles = list(self.kb.roles) if advised == "both" else [advised]
        asked = "what do " + " and ".join(self.kb.roles[role].name for role in roles) + " do"
        described = self._roles_described(asked)
        return None if described is None else _keeping_the_hire(described, memory)

    @classmethod
    def _put_to_confirm(cls, said: Text) -> str:
        """The claim about the article a message puts to be confirmed ("…, right?", "…?"), if
        it claims something ("it says no" claims nothing; "it says who owns X?" asks)."""
        if not (said.rstrip().endswith("?") or CONFIRM_TAIL.search(said)):
            return ""
        claim = cls._claimed_of_the_article(said)
        if claim in _NO_CLAIM or _ASKS_WORD.match(claim):
            return ""  # "it says no", "it says who owns the backlog?"
        return claim

    @staticmethod
    def _claimed_of_the_article(said: Text) -> str:
        """What a message says the article says ("the article says PMs run the standup,
        right?" → "pms run the standup"), or ""."""
        says = ARTICLE_SAYS.match(said) if said.finds(ARTICLE_SAYS) else None
        if says is None:
            return ""
        return CONFIRM_TAIL.sub("", said[says.end() :]).rstrip(" ?.!")

    def _of_it_only(self, claim: str) -> bool:
        """Whether a claim names its work only as "it" or "them" ("the PO owns it"): which work,
        only the conversation tells."""
        return bool(PRONOUN.search(claim)) and self.matcher.reads_no_words(claim)

    def _of_roles_standing(self, claim: str) -> bool:
        """Whether a claim names a role and says whose some placed work is, or how the roles
        rank ("…the PM owns go-to-market", "…the PO reports to the PM"): asked as such, it is
        answered yes or no, or with the ranking the article never makes."""
        if not _roles_named(claim.lower()):
            return False
        if message_of(claim).said.finds(ASKS_RANK):
            return True
        if self._names_an_idea(claim):
            return False  # "…PMs are mini CEOs?": one of the article's ideas, checked as such
        answer = self._answer(claim)
        return bool(answer.owners) and answer.confidence >= MOST_LIKELY

    def _names_an_idea(self, claim: str) -> bool:
        """Whether a claim about the roles is one of the article's ideas, read whole ("PMs make
        better CEOs"), rather than work it places clearly."""
        if self.concepts.find(claim, all_of_it=True) is None:
            return False
        return self._answer(claim).confidence < CLEARLY

    def _not_whose(self, answer: Answer | None) -> str:
        """Who does not own the work `answer` places, said before it to "who does NOT own …?":
        going by the article where it names the work, as RoleFit reads it otherwise; "" where
        nothing was placed, or the article leaves it open (the answer says so)."""
        if answer is None or answer.parts or not answer.settled:
            return ""  # a list says it piece by piece; work left open says so itself
        if not (answer.owners or answer.outside_owner):
            return ""
        if answer.owners and answer.confidence < MOST_LIKELY:
            return ""  # "not sure" whose it is, so not sure whose it is not
        source = "Going by the article" if answer.named and answer.owners else "As I read it"
        if len(answer.owners) == 1:
            (owner,) = answer.owners
            other = next(role for role in self.kb.roles.values() if role.id != owner)
            # (the article gives the work to one role; it never says the other may not help)
            return f"{source}, it isn't the {other.name}'s work:"
        if answer.owners:
            return f"{source}, it is work for both roles:"
        return f"{source}, it is neither role's work:"

    def _roles_asked_about(self, reading: Reading, memory: Memory | None) -> tuple[str, ...] | None:
        """A follow-up that only asks whether a role does the work last asked about ("and the
        PO?", "what about the other one?", "is that the PM's job?": `ROLE_FOLLOW_UP`): the roles
        it means (none when "the other one" has no single other), or None for any other turn."""
        said = reading.text.lower().strip()
        if not reading.follow_up or memory is None or not memory.question:
            return None
        if not ROLE_FOLLOW_UP.match(said):
            return None
        named = _roles_named(said)
        if not named and OTHER_ROLE.search(said):
            before = self._answer(memory.question).owners
            named = [role for role in ROLE_IDS if len(before) == 1 and role not in before]
        elif not named:
            return None  # "and the team?": neither a role nor any work
        return tuple(named)

    @staticmethod
    def _refers_back(reading: Reading, memory: Memory | None) -> bool:
        """A follow-up that says "it" or "them" ("does the PO help with it?"), or, after a
        concept was explained, a question whose work is only "it" ("who communicates it?")."""
        if memory is None:
            return False
        said = reading.text.lower()
        if memory.concept is not None and _WHO_DOES_IT.search(said):
            return True
        return reading.follow_up and bool(PRONOUN.search(said))

    def _ranks_work(self, text: str, said: HiringFacts) -> bool:
        """Whether a correction puts a piece of work it names first ("the backlog is the most
        important part for us"), which leaves the other work told wanted; not one that ranks a
        side ("our priority is the business side") or sets one aside ("delivery isn't our main
        focus")."""
        ranked = next(
            (
                clause
                for clause in _CLAUSE_BREAK.split(text.lower())
                if _RANKS_THE_WORK.search(clause)
            ),
            None,
        )  # (only the ranking's own clause: "pricing matters most since we don't have anyone")
        return (
            bool(said.needs)
            and ranked is not None
            and not _NEGATED.search(ranked)
            and not _NAMES_A_SIDE.search(ranked)
            and not _NOT_THIS_ONE.search(text.lower())  # "…most important part, not the backlog"
        )

    def _with_topic(self, reading: Reading, memory: Memory | None) -> str:
        """A follow-up that says "it" or "them" ("who writes them?") asks about the previous
        turn's topic: the concept explained, or the work last asked about."""
        if not self._refers_back(reading, memory) or memory is None:
            return reading.text
        concept = self._concept_of(memory)
        if concept is not None and (asked := _WHO_DOES_IT.search(reading.text.lower())):
            # "who communicates it?" after the product goal: the concept in the pronoun's place,
            # so the question is read as asked of it ("who executes the product backlog?")
            return f"{asked['ask']} {concept.title.lower()}"
        topic: str | None = concept.title if concept is not None else memory.question
        while topic and (earlier := wording.split_topic(topic)[1]):
            topic = earlier  # a follow-up of a follow-up: the work first asked about
        return wording.with_topic(reading.text, topic) if topic else reading.text

    # -- hiring --------------------------------------------------------------------------------

    def _hire(self, reading: Reading, memory: Memory | None) -> Reply:
        known = memory.facts if memory is not None and memory.facts is not None else HiringFacts()
        said = read_facts(reading.text)
        if (
            said.uses_scrum is True
            and known.uses_scrum is not None
            and self._asks_of_scrum(reading.text)
        ):
            said = said.model_copy(update={"uses_scrum": None})
        if (
            memory is None
            and said == HiringFacts()
            and (concept := self.concepts.phrased(reading.text))
        ):
            return self._concept_reply(reading, concept)  # "does the job title matter?"
        named, message = _roles_named(reading.text.lower()), message_of(reading.text)
        asks_whom = message.asked.finds(HIRE_ASK) or message.said.finds(ASKS_TO_HIRE)
        if (
            memory is None
            and len(named) == 1
            and said.goal is None
            and message.said.finds(JOB_AD)
            and not asks_whom
        ):
            # "I'm writing a job ad for a Product Owner": the role chosen, what it does (a job ad
            # whose duties are said is a hiring story: whether the title fits them)
            text = self._for_the_ad(reading.text, None)
            return Reply(intent=Intent.CONCEPT, text=text, memory=Memory(intent="concept"))
        asked = memory.asked if memory is not None else 0  # kept across a question between
        asked_for = known.missing() if asked else None
        # a story (not a reply to a question asked): the work it wants, or takes back
        told = work_told(reading.text, self._placed) if asked_for is None else WorkTold((), ())
        said = said.model_copy(update={"needs": told.wanted})
        if asked_for is not None and (picked := OPTION_PICKED.match(normalise(reading.text))):
            # "the second one": of the answers offered, as a click on it would
            options = ASK_WORDING[asked_for][1]
            said_place = picked["ordinal"] or picked["number"]
            place = _ORDINALS.get(said_place, len(options))  # "the last one": the end
            if place <= len(options):
                return self.answer_fact(known, asked_for, options[place - 1][0], asked)
        unknown = _cannot_say(reading.text)
        if asked_for is not None and unknown:
            # "no idea": straight to the last try, which says why it matters; after it, advice
            # on what is known, the rest assumed and said so
            asked = max(asked, MAX_ASKS - 1)
        if asked_for is not None and getattr(said, asked_for) is None:
            said = said.merged(read_answer(reading.text, asked_for))  # a reply in words
        facts = known.merged(said)
        if said.existing_roles and MEANT.match(reading.text) and not ALSO.search(reading.text):
            # "sorry, I meant we already have a PM": in place of the role said before ("I mean,
            # we also have a PM" adds one)
            facts = facts.model_copy(update={"existing_roles": said.existing_roles})
        if known.missing() is None:  # "actually we can hire two", after the advice
            correction = read_correction(reading.text)
            if (
                correction.goal not in (None, known.goal)
                and known.goal is not None
                and _ALSO_NEEDED.search(reading.text.lower())
            ):
                # "…, and we also need go-to-market": a need added to the one told, not put
                # in its place
                correction = correction.model_copy(update={"goal": "both"})
            if correction != HiringFacts():
                facts = known.corrected(correction)
            if (
                correction.goal not in (None, known.goal)
                and facts.goal is not None
                and not self._ranks_work(reading.text, said)
            ):
                # "actually it's growth we need": the work told for the goal set aside goes too
                sides = GOAL_SIDES[facts.goal]
                kept_needs = tuple(
                    need
                    for need in facts.needs
                    if (work := self.kb.responsibility(need)) is None
                    or set(work.owners) & set(sides)
                )
                facts = facts.model_copy(update={"needs": kept_needs})
            # the work a correction names is wanted too ("actually we need pricing as well")
            facts = facts.merged(HiringFacts(needs=said.needs))
        if told.taken_back:  # "actually forget pricing"
            kept = tuple(need for need in facts.needs if need not in told.taken_back)
            facts = facts.model_copy(update={"needs": kept})
        next_hire = known.goal is not None and bool(NEXT_HIRE.search(reading.text.lower()))
        if next_hire:
            # "a PO now and a PM next year": the role said for later is the next hire
            made = _made_first(reading.text.lower(), named)
            facts = self._next_hire(known, said, made)
            later = [r for r in named if r not in facts.existing_roles]
            if facts.goal is None and len(later) == 1:
                facts = facts.model_copy(update={"goal": _ROLE_GOAL[later[0]]})
        if vacated := read_vacated(reading.text):  # "our PM just quit": off the staff
            staff = tuple(role for role in facts.existing_roles if role not in vacated)
            facts = facts.model_copy(update={"existing_roles": staff})
        # After the advice, a message with no new fact (a button's answer has no text: the fact
        # it gives is in `memory` already).
        if (
            memory is not None
            and known.missing() is None
            and facts == known
            and reading.text
            and (stands := self._advice_stands(reading.text, memory))
        ):
            return stands
        missing = facts.missing()
        if missing is not None and asked < MAX_ASKS:
            question, options = ASK_WORDING[missing]
            if known.missing() is None:
                lead = "Got it."  # advised before: a new fact reopened a question
            elif asked == 0:
                lead = "Happy to help you choose."
            else:
                lead = "Thanks." if facts != known else ""
            if missing == asked_for and asked == MAX_ASKS - 1:
                # the last try: why the question matters, so an answer can be given
                lead = f"{wording.WHY_ASKED[missing]} So:"
            elif (
                NEEDS_ONE_YET.search(reading.text.lower())  # (asked first, or after a question)
                and not facts.existing_roles
                and facts.company_stage not in ("scale-up", "enterprise")
            ):
                lead = wording.NEEDS_ONE_YET  # "do we even need a product person yet?"
            elif missing == "goal" and (
                (asked == 0 and _off_scrum(message.said))
                or (said.uses_scrum is False and known.uses_scrum is not False)
            ):
                # "we use kanban, do we still need a PO?", "we build sites for clients, no Scrum"
                lead = wording.HIRE_WITHOUT_SCRUM
            elif asked == 0 and said.company_stage and BOTH_AT_A_SIZE.search(reading.text.lower()):
                # "do I need both at a 200 person company?": what the article says of size first
                sizes = self.concepts.find(_COMPANY_SIZE)
                lead = f"{wording.explained(sizes)} For your hire:" if sizes else lead
            if next_hire:  # "what about later?": the hire advised counts as made
                names = " and a ".join(self.kb.roles[role].name for role in facts.existing_roles)
                lead = f"For the hire after that, with a {names} on staff:"
            return Reply(
                intent=Intent.HIRE,
                text=f"{lead} {question} {wording.OR_THE_QUESTIONNAIRE}".lstrip(),
                facts=facts,
                asks=(Ask(fact=missing, question=question, options=options),),
                follow_up=reading.follow_up,
                memory=Memory(intent="hire", facts=facts, asked=asked + 1),
            )
        recommendation = self.advise(facts)
        advice = Reply(
            intent=Intent.HIRE,
            text=wording.advice(recommendation, self.kb),
            recommendation=recommendation,
            facts=facts,
            follow_up=reading.follow_up,
            memory=Memory(intent="hire", facts=facts, asked=asked),
        )
        if facts.goal is None:  # asked and never told: advice on the defaults, said so
            return _noting(wording.NO_GOAL_GIVEN, advice)
        if facts.missing() == "headcount":  # asked and never told ("no idea"): assumed, said so
            # and kept as given, so the advice stands for what follows ("next steps?")
            headcount = facts.answers().headcount
            assumed = facts.model_copy(update={"headcount": headcount})
            advice = advice.model_copy(update={"memory": Memory(intent="hire", facts=assumed)})
            return _noting(wording.HEADCOUNT_ASSUMED[headcount], advice)
        if next_hire:
            return _noting(wording.NEXT_ADVISED, advice)  # "and a PM next year?"
        if known.missing() is None and facts != known:
            return _noting(wording.READVISED, advice)  # "actually we can hire two"
        return advice

    def _advice_stands(self, text: str, memory: Memory) -> Reply | None:
        """After the advice, a message that neither gives a new fact nor asks again whom to hire
        ("what should the job ad say?", "ok I see"): the advice in a line, and how to change it,
        not the whole advice again. None when it asks whom to hire: that gets the advice."""
        message = message_of(text)
        steps = message.said.finds(NEXT_STEPS)  # "who should we hire first?" asks for them too
        if not steps and (message.asked.finds(HIRE_ASK) or message.said.finds(ASKS_TO_HIRE)):
            return None
        assert memory.facts is not None  # advised on these
        recommendation = self.advise(memory.facts)
        interview = _asks_job_interview(message.said)
        if message.said.finds(JOB_AD) or interview:
            text = self._for_the_ad(text, recommendation.recommendation, interview=interview)
        elif steps:  # "so what do I do tomorrow?"
            text = wording.next_steps(recommendation, self.kb)
        elif message.said.finds(BOTH_ASKED):  # "so both?"
            text = wording.both_asked(recommendation, self.kb, memory.facts.headcount)
        else:
            text = wording.ADVICE_STANDS.format(verdict=verdict(recommendation, self.kb))
        return Reply(intent=Intent.HIRE, text=text, facts=memory.facts, memory=memory)

    def _ad_or_interview(self, text: str, memory: Memory | None) -> Reply | None:
        """A job ad or interview for the one role a message names, or for the hire just advised:
        outside the article, but what it says the role owns is what an ad or an interview must
        get right. None for any other message, or one asking whom to hire; the conversation
        stays where it was (a hiring question still waits)."""
        message = message_of(text)
        said = message.said
        interview = _asks_job_interview(said)
        if not (said.finds(JOB_AD) or interview) or said.finds(WHERE_TO_POST):
            return None
        if not said.finds(ASKS_WHAT_TO_PUT) or "who" in said.split():
            return None  # a story about an ad ("I was about to post a PM job ad but…")
        if message.asked.finds(HIRE_ASK) or said.finds(ASKS_TO_HIRE):
            return None
        facts = memory.facts if memory is not None and memory.intent == "hire" else None
        advised = None
        if facts is not None and facts.missing() is None:
            advised = self.advise(facts).recommendation
        if advised is None and len(_roles_named(text.lower())) != 1:
            return None
        text = self._for_the_ad(text, advised, interview=interview)
        kept = (memory or Memory(intent="off-topic")).model_copy(
            update={"drafted": "interview" if interview else "ad"}
        )
        return Reply(intent=Intent.OFF_TOPIC, text=text, kind="draft", memory=kept)

    def _drafted_again(self, text: str, memory: Memory) -> Reply | None:
        """The job ad or interview last drafted, for the one role a short follow-up names ("what
        about for a product owner instead?"); None for any other message."""
        said = message_of(text).said
        named = _roles_named(said)
        if not memory.drafted or len(named) != 1 or not _FOR_ANOTHER_ROLE.match(said):
            return None
        text = self._for_the_ad(text, None, interview=memory.drafted == "interview")
        return Reply(intent=Intent.OFF_TOPIC, text=text, kind="draft", memory=memory)

    def _for_the_ad(self, text: str, advised: str | None, *, interview: bool = False) -> str:
        """What the article says of the role a job ad (or an interview) is for: the one the
        message names, else the one advised (both roles side by side for two hires)."""
        named = _roles_named(text.lower())
        role = named[0] if len(named) == 1 else advised
        if interview and role in ROLE_IDS:
            return wording.interview(self.kb.roles[role])
        described = wording.role(self.kb.roles[role]) if role in ROLE_IDS else None
        return wording.job_ad(described or wording.compare(self.kb), interview=interview)

    def _next_hire(
        self, known: HiringFacts, said: HiringFacts, made: str | None = None
    ) -> HiringFacts:
        """ "Once that person is in, who's next?": the hire just advised (or `made`, the one the
        message says comes first) counts as on staff beside those already there, and the new
        message alone says what the next one is for."""
        advised = made or self.advise(known).recommendation
        hired = (advised,) if advised in ROLE_IDS else ROLE_IDS
        staff = tuple(dict.fromkeys([*known.existing_roles, *hired]))
        return said.model_copy(
            update={
                "company_stage": said.company_stage or known.company_stage,
                "uses_scrum": known.uses_scrum if said.uses_scrum is None else said.uses_scrum,
                "existing_roles": staff,
            }
        )

    def advise(self, facts: HiringFacts) -> Recommendation:
        """The advisor's advice on these facts, without reasons about facts nobody gave (the
        defaults fill them, but "your team doesn't run Scrum" must not be said unasked), and
        with Scrum unknown where nobody said (the next steps say to find out, not to look for
        Scrum experience)."""
        recommendation = advise(facts.answers(), self.matcher)
        unstated = facts.unstated()

        def stated(reasons: list[Reason]) -> list[Reason]:
            return [r for r in reasons if not (r.source == "answer" and r.ref in unstated)]

        return recommendation.model_copy(
            update={
                "reasons": stated(recommendation.reasons),
                "against": stated(recommendation.against),
                "scrum_unknown": recommendation.scrum_unknown or "uses_scrum" in unstated,
            }
        )

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
        if concept := self.concepts.phrased(reading.text):
            return self._concept_reply(reading, concept)  # "is a PM a mini CEO?": the article's
        said = message_of(reading.text).said
        note = (
            wording.rank(self.kb)
            if said.finds(ASKS_RANK) or _REPORTS.search(said)
            else wording.WORKING_CONDITIONS
            if said.finds(WORKING_CONDITIONS)  # "do PMs earn more than POs?"
            else ""
        )
        text = f"{note}\n{wording.compare(self.kb)}".strip()
        return Reply(intent=Intent.COMPARE, text=text, note=note, memory=Memory(intent="compare"))

    def _combine(self, reading: Reading, memory: Memory | None) -> Reply:
        if message_of(reading.text).said.finds(WORKING_CONDITIONS):
            return _working_conditions()  # "can they be remote?": no one holding both roles
        told = read_facts(reading.text)
        if told.headcount == 1 and told.goal == "both" and _states_only(reading.text):
            # "we can only afford one product person. need delivery AND strategy.": told, not
            # asked whether one can do both; what is left to say is which one to hire
            return self._hire(Reading(Intent.HIRE, reading.text), memory)
        said = message_of(reading.text).said
        again = memory is not None and memory.intent == "combine"
        doubling = _ACTS_AS.search(said) and _ASKS_IF_FINE.search(said)
        # "can one person be both, yes or no?" (not "are they separate roles, yes or no?")
        yes_or_no = _YES_OR_NO_AT_THE_END.search(said) and (
            _ONE_IN_BOTH.search(said)
            or (len(_roles_named(said)) == 2 and _ONE_TAKES_BOTH.search(said))
        )
        # what the message told of the team, outside its question, is kept for "so who should we
        # hire?" ("we're 8 people, one hire. can one person do both?")
        stated = read_facts(without_questions(reading.text))
        known = memory.facts if memory is not None and memory.facts is not None else HiringFacts()
        asked = memory.asked if memory is not None else 0
        facts = known.merged(stated) if stated != HiringFacts() else memory and memory.facts
        kept = Memory(intent="combine", facts=facts, asked=asked)
        at_size = again and self._combined_again(reading.text)  # "and at 300 people, right?"
        confirming = again and (_YES_OR_NO_ALONE.match(said) or _TAG_ASKED.search(said))
        if (doubling or yes_or_no or confirming) and not at_size:
            # "my PMs act as POs too, is that a problem?": a yes or no the article never gives
            return Reply(intent=Intent.COMBINE, text=wording.COMBINED_YES_OR_NO, memory=kept)
        text = at_size or wording.combine(self.kb)
        return Reply(intent=Intent.COMBINE, text=text, memory=kept)

    def _combined_again(self, text: str) -> str | None:
        """A follow-up to "can one person do both?" that asks something new of it: what such a
        person would drop, or whether it holds at a size ("and for 4 teams?", "at 25 people,
        would you?"); None for one that asks it again."""
        if message_of(text).said.finds(WHAT_TO_DROP):
            return wording.COMBINED_DROPS
        stage = read_facts(text).company_stage
        if stage is None:
            return None
        return wording.COMBINED_AT_SIZE[stage in ("startup", "small-business")]

    # -- concepts ------------------------------------------------------------------------------

    def _concept(self, reading: Reading, memory: Memory | None) -> Reply:
        # A role asked about in a sentence of its own, the others only telling why ("what does
        # a PO do? the investors asked"): the role, whatever the telling names
        if (
            (apart := _the_only_question(reading.text))
            and not _places_clearly(self._answer(apart[1]))  # "…? we have lots of suppliers"
            and (described := self._roles_described(apart[0]))
        ):
            return described
        # A phrasing word for word first: "why both and not just a PM?" is all stopwords and
        # role names to the concepts' matcher
        concept = self.concepts.phrased(reading.text)
        if concept is None and (concept := self.concepts.find(reading.text)) is not None:
            work = self._answer(reading.text)
            if (
                not work.settled
                and work.confidence >= CLEARLY
                and not _title_said(concept, reading.text)
            ):
                # "what are OKRs?": work the article leaves open, not the idea nearest in words
                # (the product goal); "teach me scrum" names its idea
                return self._ownership(reading, memory)
        if (
            concept is not None
            and DAY_IN_THE_LIFE.search(reading.text.lower())
            and _the_other_role(concept, reading.text)
            and (described := self._roles_described(reading.text, lead=wording.ONLY_THE_PMS_DAY))
        ):
            # "what does a PO do all day?": the article pictures only the PM's day; the role
            return described
        if concept is not None:
            return self._concept_reply(reading, concept)
        if described := self._roles_described(reading.text):
            return described
        said = reading.text.lower()
        # "and pricing?" after a concept, "what does it say about margins?": no concept of that
        # name, but work someone owns; "what does a PM do about pricing?": a role's work
        of_work = reading.follow_up or bool(SAYS_ABOUT.search(said))
        named = _roles_named(said)
        if of_work or named:
            work = self._answer(reading.text)
            if _places_a_role(work) or (of_work and not _names_no_work(work)):
                answered = self._ownership(reading, memory)
                if len(named) == 1 and named[0] not in work.owners:
                    # "what does a PM do about the release?": not the PM's, first
                    return _noting(wording.for_roles(tuple(named), work, self.kb), answered)
                return answered
        # nothing else to answer: words besides a role are only context
        return self._roles_described(reading.text, around=True) or Reply(
            intent=Intent.CONCEPT, text=wording.NO_CONCEPT, memory=Memory(intent="concept")
        )

    def _asked_of_last_concept(self, text: str, memory: Memory) -> Concept | None:
        """The concept just explained, when `text` asks about it ("did it work?", "how big was the
        company?" after the case study): what the article says of it is the answer it has. Not
        when it asks whom to hire, says something of the hire, or names a role, another idea or
        work RoleFit can place, unless it asks in the past tense, of the story just told ("what
        did the PM do there?")."""
        if memory.concept is None:
            return None
        told = text.strip()
        past = bool(ASKED_IN_THE_PAST.match(told))
        if not past and not ABOUT_WHAT_WAS_EXPLAINED.match(told):
            return None
        message = message_of(text)
        if message.said.finds(ARTICLE_NAMES) and (named := self.concepts.find(text)) is not None:
            # "what did McKinsey say?" after another idea: the idea it names, by the article's name
            return named if named.id == memory.concept else None
        if message.asked.finds(HIRE_ASK) or message.said.finds(ASKS_TO_HIRE):
            return None
        if read_facts(text) != HiringFacts():
            return None
        if message.said.finds(COMBINE):  # "can they do both?": one person in both roles
            return None
        if not past:
            found = self.concepts.find(text)
            answer = self._answer(text)
            placed = bool(answer.owners) and answer.confidence >= MOST_LIKELY
            if _roles_named(text.lower()) or placed or (found and found.id != memory.concept):
                return None
        return self._concept_of(memory)

    def _concept_of(self, memory: Memory) -> Concept | None:
        """The idea a conversation last explained, if any."""
        return next((c for c in self.kb.concepts if c.id == memory.concept), None)

    def _concept_reply(self, reading: Reading, concept: Concept) -> Reply:
        text = f"{concept.title}: {wording.explained(concept)}"
        if other := _the_other_role(concept, reading.text):
            # "What does a PO do all day?", "is the PO technical?": the article says it of the PM
            text = f"{wording.told_of(other, self.kb)} {text}"
        return Reply(
            intent=Intent.CONCEPT,
            text=text,
            concept=concept,
            follow_up=reading.follow_up,
            memory=Memory(intent="concept", concept=concept.id),
        )

    def _about_roles(self, text: str, *, around: bool = False) -> str | None:
        """ "What does a product manager do?", "define PO": no concept of the article's, but the
        roles themselves, which it describes (both named: side by side). None when the message
        names work too ("what does a PM do about pricing?"): that is whose work it is. With
        `around`, words around the ask in which RoleFit finds nothing at all are only context
        ("what does a PM do? our board keeps asking")."""
        said = text.lower()
        named = _roles_named(said)
        asked = DAY_IN_THE_LIFE.sub(" ", ASKS_ABOUT.sub(" ", ABOUT_A_ROLE.sub(" ", said)))
        if not named or not (
            self.matcher.reads_no_words(asked) or (around and _finds_nothing(self._answer(asked)))
        ):
            return None
        if len(named) == 2:
            return wording.compare(self.kb)
        return wording.role(self.kb.roles[named[0]])

    def _roles_described(self, text: str, *, lead: str = "", around: bool = False) -> Reply | None:
        """`_about_roles` as a reply after `lead`, remembering the roles it described: "why?"
        next asks why that work is theirs."""
        described = self._about_roles(text, around=around)
        if described is None:
            return None
        memory = Memory(intent="concept", roles=tuple(_roles_named(text.lower())))
        return Reply(intent=Intent.CONCEPT, text=f"{lead} {described}".strip(), memory=memory)

    # -- the rest of a conversation ------------------------------------------------------------

    def _smalltalk(self, reading: Reading, memory: Memory | None) -> Reply:
        said = normalise(reading.text)
        if reading.kind == "bye" and ACKNOWLEDGED_ONLY.match(said):
            # "ok": nothing ends, so a follow-up still has what it follows
            kept = memory or Memory(intent="smalltalk")
            return Reply(intent=Intent.SMALLTALK, text=wording.ACKNOWLEDGED, kind="ok", memory=kept)
        text = wording.SMALLTALK.get(reading.kind, wording.HELLO)
        return Reply(
            intent=Intent.SMALLTALK, text=text, kind=reading.kind, memory=Memory(intent="smalltalk")
        )

    def _help(self, reading: Reading, memory: Memory | None) -> Reply:
        if message_of(reading.text).said.finds(INSULT):  # "ur useless lol"
            if memory is not None and memory.question:
                return self._feedback(
                    Reading(Intent.FEEDBACK, reading.text, kind="unhelpful"), memory
                )
            return Reply(intent=Intent.HELP, text=wording.INSULTED, memory=Memory(intent="help"))
        return Reply(intent=Intent.HELP, text=wording.HELP, memory=Memory(intent="help"))

    def _told_how_the_team_works(self, memory: Memory) -> Reply:
        """After an answer (no hiring talk yet), a message saying only that the team runs Scrum:
        a fact about the team, kept for hiring advice later, and what the article says of it."""
        return Reply(
            intent=Intent.FEEDBACK,
            text=wording.TEAM_RUNS_SCRUM,
            kind="fact",
            memory=memory.model_copy(update={"facts": HiringFacts(uses_scrum=True)}),
        )

    def _feedback(self, reading: Reading, memory: Memory | None) -> Reply:
        kept = memory or Memory(intent="feedback")
        if reading.kind == "thanks":
            return Reply(intent=Intent.FEEDBACK, text="Glad it helped!", kind="thanks", memory=kept)
        facts = kept.facts if kept.intent == "hire" else None
        advised = facts is not None and not facts.missing()
        if reading.kind in ("disagree", "unhelpful") and facts is not None and advised:
            return self._advice_disputed(reading.text, facts, kept)  # pushback on the advice
        pending = facts.missing() if facts is not None and kept.asked else None
        if pending is not None and _DOUBTED.match(reading.text.strip()):
            # "are you sure?" while a hiring question waits: why it is asked, and it again
            text = f"Yes. {wording.WHY_ASKED[pending]} So: {ASK_WORDING[pending][0]}"
            return Reply(intent=Intent.FEEDBACK, text=text, kind="why", memory=kept)
        if reading.kind == "disagree" and (says := _SAYS_OF_THE_ARTICLE.search(reading.text)):
            # "that is wrong, the article says POs own the roadmap": the claim checked, not
            # taken for how the person's team splits the work
            claimed = reading.text[says.end() :]
            if (wrong := _CALLED_WRONG.search(claimed.lower())) is not None:
                before = claimed[: wrong.start()].rstrip(_LINKING_MARKS)  # "…, so you're wrong"
                claimed = _TRAILING_LINK.sub("", before).rstrip(_LINKING_MARKS)
            claimed = claimed.strip(" .!?")
            checked = self._claim_checked(claimed, kept) if claimed else None
            if checked is not None:
                return checked
        answer = self._previous_answer(kept)
        if reading.kind == "why" and (asked := self._why_of_its_own(reading.text, answer, kept)):
            return asked
        if reading.kind == "disagree" and (named := self._named_instead(reading.text, answer)):
            # "that's wrong, our PO does competitive analysis": about the work it names
            answer = named
            kept = kept.model_copy(update={"intent": "ownership", "question": named.question})
        explains = answer is None or message_of(reading.text).said.finds(EXPLAIN)
        if reading.kind == "why" and explains and (role := self._roles_described(reading.text)):
            return role  # "explain the PM": a role named and nothing else, so the role itself
        setup = message_of(reading.text).said.finds(TEAM_SETUP)
        if reading.kind == "unhelpful":
            text = wording.unhelpful(answer, self.kb)
        elif reading.kind == "why" and kept.intent == "combine" and not setup:
            text = self._combined_again(reading.text) or self._why(kept, answer)
        elif reading.kind == "disagree" and kept.intent == "combine" and not setup:
            # of whether one can be both: no answer of work to push back on ("are you sure?" is
            # answered yes; "that's wrong" with what the article does and doesn't say)
            doubted = _DOUBTED.match(reading.text.strip())
            text = wording.COMBINED_SURE if doubted else wording.COMBINED_PUSHED_BACK
        elif reading.kind == "why" and not setup and answer and _why_not(reading.text, answer):
            # "why not the PO?" of PM work, even after its reasons were told: a question of its own
            other = _why_not(reading.text, answer) or ""
            text = wording.why_not(self.kb.roles[other], answer)
        elif reading.kind == "why" and not setup and answer and kept.why_told_of == kept.question:
            text = wording.why_again(answer)  # "really?" after "why?": not the same reasons again
        elif reading.kind == "why" and not setup:
            # "why?" is told the reasons first; "for sure?", "how confident?" how sure, first
            reasons = bool(_ASKS_FOR_REASONS.search(reading.text.lower()))
            text = self._why(kept, answer, reasons_first=reasons)
            kept = kept.model_copy(update={"why_told_of": kept.question if answer else ""})
        elif (
            reading.kind == "disagree"
            and answer is None
            and not setup
            and (concept := self._concept_of(kept))
        ):
            # "no, I'm sure it was about POs" of an idea explained: what the article says of it,
            # stood by (not the note on teaching RoleFit a team's own split of the work); "no, I
            # meant the product goal" names the idea meant
            meant = self.concepts.find(reading.text)
            if meant is not None and meant.id != concept.id:
                return self._concept_reply(Reading(Intent.CONCEPT, reading.text), meant)
            text = wording.idea_stood_by(concept)
        elif (
            reading.kind == "disagree"
            and answer is not None
            and len(answer.owners) == 1
            and not answer.parts
            and _roles_named(message_of(reading.text).said) == answer.owners
            and _AGREES.search(reading.text.lower())
            and not _DENIES.search(reading.text.lower())
        ):
            # "that's wrong, user stories are PO work" of an answer that said the PO
            text = wording.agreed(answer, self.kb)
        else:  # pushback, or a why that says how the team itself splits the work
            text = wording.disagreement(answer, self.kb, team_setup=setup)
        return Reply(
            intent=Intent.FEEDBACK, text=text, kind=reading.kind, answer=answer, memory=kept
        )

    def _advice_disputed(self, text: str, facts: HiringFacts, memory: Memory) -> Reply:
        """Pushback on hiring advice: what it says of the hire put in place of what was known
        ("that's wrong, we just need someone to manage the backlog"), and the advice again;
        otherwise what the advice rests on, and what to say to change it."""
        told = read_facts(text)
        corrected = facts.corrected(
            HiringFacts(
                company_stage=read_correction(text).company_stage,
                goal=told.goal,
                headcount=told.headcount,
                uses_scrum=told.uses_scrum,
            )
        )
        if scrum_taken_back(text):  # "forget that we run scrum": not known any more
            corrected = corrected.model_copy(update={"uses_scrum": None})
        if corrected != facts:
            recommendation = self.advise(corrected)
            return Reply(
                intent=Intent.FEEDBACK,
                text=f"{wording.READVISED} {wording.advice(recommendation, self.kb)}",
                kind="disagree",
                recommendation=recommendation,
                facts=corrected,
                memory=memory.model_copy(update={"facts": corrected}),
            )
        advised = self.advise(facts)
        wanted = WANTS_ROLE.search(message_of(text).said)
        if wanted is not None and _roles_named(wanted["role"]) == [advised.recommendation]:
            # "I disagree, I think we need a PM", told to hire a PM: no disagreement at all
            text = wording.advice_agreed(self.kb.roles[advised.recommendation].name)
        else:
            text = wording.advice_disputed(" ".join(reason.text for reason in advised.reasons))
        return Reply(intent=Intent.FEEDBACK, text=text, kind="disagree", memory=memory)

    def _correction(self, text: str, corrected: str, memory: Memory) -> Reply:
        """A correction of the question last answered (`corrected`: what it says was meant):
        the work it names answered; "no, I meant why?" the reasoning; else the answer again."""
        if ASKS_WHY_AGAIN.match(normalise(corrected)):
            return self._feedback(Reading(Intent.FEEDBACK, text, kind="why"), memory)
        previous = self._previous_answer(memory)
        meant = self._meant(corrected, previous)
        if meant is None:
            return self._feedback(Reading(Intent.FEEDBACK, text, kind="disagree"), memory)
        if _says_the_same(meant, previous) and _restates(corrected, previous):
            # "no, I meant the launch plan" right after the launch plan: that is what it answered
            text = f"{wording.ANSWERED_ALREADY} {wording.ownership(meant, self.kb)}"
            return Reply(intent=Intent.FEEDBACK, text=text, kind="disagree", memory=memory)
        # "No, I meant the test plan for the launch": the work it names is answered, as any
        # answer of whose work it is (Slack asks whether it helped, and insights count it).
        kept = memory.model_copy(update={"intent": "ownership", "question": meant.question})
        text = f"{wording.REANSWERED} {wording.ownership(meant, self.kb)}"
        return Reply(intent=Intent.OWNERSHIP, text=text, answer=meant, memory=kept)

    def _meant(self, rest: str, previous: Answer | None) -> Answer | None:
        """The answer about the work a correction says was meant (`rest` of "no, I meant legal
        review"), where RoleFit can place it; else None."""
        if previous is None:
            return None
        answer = self._answer(rest)
        placed = (
            answer.parts
            or (answer.confidence >= MOST_LIKELY and (answer.responsibility or not answer.settled))
            or (answer.outside_owner is not None and answer.confidence >= UNRELATED_CONFIDENCE)
            # work the article does not place ("legal review") is still what was meant, where
            # the correction names it ("no, I meant in practice" only narrows the question)
            or (
                _names_no_work(answer)
                and not self.matcher.reads_no_words(answer.question)
                and not NARROWS.match(normalise(answer.question))
            )
        )
        return answer if placed else None

    def _named_instead(self, pushback: str, previous: Answer | None) -> Answer | None:
        """The answer about other work a pushback says a role does ("our PO does competitive
        analysis"), where RoleFit places that work with a role; None when it names only the
        work answered, or nothing placed ("our PM does it all the time")."""
        does = ROLE_DOES.search(message_of(pushback).said)
        if previous is None or does is None:
            return None
        # "shouldn't the PM own that since it affects go-to-market?": the work answered, and why
        work = GIVEN_REASON.split(does["work"], maxsplit=1)[0]
        if POINTS_BACK.match(work):
            return None
        answer = self._answer(work)
        placed = answer.parts or (answer.responsibility and answer.confidence >= MOST_LIKELY)
        other = (answer.responsibility, answer.owners) != (previous.responsibility, previous.owners)
        return answer if placed and other and not self._disputes(pushback, previous) else None

    def _claim_checked(self, claim: str, memory: Memory) -> Reply | None:
        """A claim a pushback says the article makes ("…, the article says POs own the roadmap")
        checked as the claim put alone would be: whose the work is, yes or no, or the idea it
        names with what the article says of it; None where it names neither ("it says the PO
        does it", "it says both"), which is pushback on the answer."""
        if _NOTHING_CLAIMED.match(claim) or _SAYS_OF_THE_ARTICLE.search(claim):
            return None  # (nor a claim of a claim: "…it says it says…")
        if self._of_roles_standing(claim):
            return self.reply(f"{claim}, right?", memory)  # as "POs own the roadmap, right?"
        if self.concepts.find(claim, all_of_it=True) is not None:
            return self._in_the_article(claim, memory, claimed=True)
        return None

    def _disputes_at_length(self, text: str, memory: Memory | None) -> bool:
        """Whether a message asking nothing says the last answer is wrong in so many words and
        names its work again: pushback however long, not a question about other work."""
        said = message_of(text).said
        if memory is None or not memory.question or "?" in text or not _CALLED_WRONG.search(said):
            return False
        if any(_ASKS_WHOSE.match(clause) for clause in _clauses(text)):
            return False  # "ok maybe I am wrong. who owns the roadmap then": a question
        previous = self._previous_answer(memory)
        return previous is not None and self._disputes(text, previous)

    def _disputes(self, pushback: str, previous: Answer) -> bool:
        """Whether a clause of the pushback names the work last answered again ("the PO
        prioritises the backlog, so the PO decides what gets built"): the other work it names
        is a reason given against that answer, not a question of its own."""
        if previous.responsibility is None:
            return False
        for clause in _clauses(pushback):
            said = self._answer(clause)
            if said.responsibility == previous.responsibility and said.confidence >= MOST_LIKELY:
                return True
        return False

    def _said_again(self, memory: Memory) -> Reply | None:
        """The last reply given again, as it stands: the answer to the question last asked, the
        advice, or the idea last explained; None where nothing was said that can be."""
        previous = self._previous_answer(memory) if memory.question else None
        if previous is not None:
            text = wording.ownership(previous, self.kb)
            return Reply(intent=Intent.OWNERSHIP, text=text, answer=previous, memory=memory)
        if _advised(memory):
            return self._hire(Reading(Intent.HIRE, "", follow_up=True), memory)
        concept = self._concept_of(memory)
        if concept is not None:
            reading = Reading(Intent.CONCEPT, concept.title, follow_up=True)
            return self._concept_reply(reading, concept)
        return None

    def _remembered(self, memory: Memory | None) -> Reply:
        """What this conversation holds: the facts of the hire told, the advice on them, the
        question last answered; nothing else is kept of anyone."""
        kept = memory or Memory(intent="smalltalk")
        facts = kept.facts if kept.facts is not None and kept.facts != HiringFacts() else None
        told = told_parts(facts, self.kb) if facts is not None else []
        advice = (
            headline(self.advise(facts), self.kb)
            if facts is not None and facts.missing() is None
            else None
        )
        text = wording.remembered(told, advice, kept.question)
        return Reply(intent=Intent.SMALLTALK, text=text, memory=kept)

    def _why_of_its_own(self, text: str, previous: Answer | None, memory: Memory) -> Reply | None:
        """A "why" asked at length of something other than the last answer: work of other owners
        ("why is the GTM plan PM work and not PO?" after the stories), or one of the article's ideas
        ("why is product management a training ground for CEOs?"), answered as that question.
        None for a "why" of the last answer ("why not the PM?", "why is the backlog the PO's?")."""
        said = message_of(text)
        if previous is None or len(said.words) <= _WHY_OF_THE_LAST_ANSWER:
            return None
        if said.said.finds(PRONOUN):
            return None  # "why does the PO write them and not…": of the last answer still
        asked = self._answer(_WHY_WORD.sub(" ", text))  # "why" alone reads as "what and why"
        placed = asked.confidence >= MOST_LIKELY and not _names_no_work(asked)
        # other owners ("why is it not finance?" of the PM's analysis asks why of it still), and
        # not the last answer's work named beside ("why is the backlog not with whoever…")
        named_beside = {alt.id for alt in asked.alternatives} | {
            part.responsibility.id for part in asked.parts if part.responsibility
        }
        last = previous.responsibility.id if previous.responsibility else None
        if placed and asked.owners != previous.owners and last not in named_beside:
            return self._ownership(Reading(Intent.OWNERSHIP, text), memory)
        concept = self.concepts.find(text)
        if concept is None or concept.id == memory.concept or placed or _roles_named(said.said):
            return None  # "why not the PO, who talks to the devs?" asks of the answer
        return self._concept_reply(Reading(Intent.CONCEPT, text), concept)

    def _previous_answer(self, memory: Memory) -> Answer | None:
        return self._answer(memory.question) if memory.question else None

    def _why(self, memory: Memory, previous: Answer | None, *, reasons_first: bool = False) -> str:
        if previous is not None:
            said = wording.reason if reasons_first else wording.ownership
            parts = [said(previous, self.kb)]
            parts += [
                f"{part.question.capitalize()}: {part.why}" for part in previous.parts if part.why
            ]
            # (the reading names the work matched: "Matched “…” (your words: …) → Title.")
            parts.append(f"How I read it: {previous.explanation}")
            return " ".join(parts)
        if memory.facts is not None and memory.intent == "hire":
            pending = memory.facts.missing() if memory.asked else None
            if pending is not None:  # "why?" of the question just asked: no advice given yet
                return f"{wording.WHY_ASKED[pending]} So: {ASK_WORDING[pending][0]}"
            recommendation = self.advise(memory.facts)
            reasons = " ".join(reason.text for reason in recommendation.reasons)
            against = weighed_against(recommendation)
            return f"{headline(recommendation, self.kb)} because: {reasons} {against}".strip()
        if len(memory.roles) == 1:
            return wording.why_role(self.kb.roles[memory.roles[0]])
        if memory.intent in ("compare", "combine") or memory.roles:
            return wording.WHY_TWO_ROLES
        concept = self._concept_of(memory)
        if concept is not None:
            return f"Going by the article: {wording.explained(concept)}"
        return "Ask me who owns a piece of work, and I'll tell you why."

    def _off_topic(self, reading: Reading, memory: Memory | None) -> Reply:
        if concept := self._explained(reading.text) or self.concepts.phrased(reading.text):
            return self._concept_reply(reading, concept)  # "do PMs travel a lot?": it says
        said = message_of(reading.text).said
        if said.finds(WORKING_CONDITIONS) or _PAY_THE_HIRE.search(said):
            # "how much should I pay a PM?": the article leaves it out (the hire talked of kept)
            return _keeping_the_hire(_working_conditions(), memory)
        if (strengths := self._strengths_asked(said)) is not None:
            # "how many years of experience should they have?" while hiring: what it does say
            return _keeping_the_hire(strengths, memory)
        if said.finds(WAYS_OF_WORKING):  # "scrum or kanban?": not covered, but what it implies
            text = wording.WAYS_OF_WORKING
            return Reply(intent=Intent.OFF_TOPIC, text=text, memory=Memory(intent="off-topic"))
        return Reply(
            intent=Intent.OFF_TOPIC, text=wording.OFF_TOPIC, memory=Memory(intent="off-topic")
        )


def _without_yes_or_no(text: str) -> str:
    """A reply about the article without the yes or no it opens on, for "what does it say…?"."""
    rest = _YES_OR_NO.sub("", text, count=1)
    return rest[:1].upper() + rest[1:]


def _says_only_no_scrum(text: str) -> bool:
    """Whether a short message only says the team runs no Scrum ("we dont use scrum at all")."""
    said = message_of(text).said
    return (
        "?" not in text
        and len(said.split()) <= _NO_SCRUM_NOTE_WORDS
        and ("scrum" in said or "sprint" in said or "agile" in said)
        and read_facts(text) == HiringFacts(uses_scrum=False)
    )


def _ranks_over(rest: str) -> bool:
    """Whether what follows a role taken ("…be the PO") makes it someone over or beside the
    role ("…'s boss", "…'s direct manager", "…'s mentor") rather than the role itself."""
    return rest.startswith(("'s", "\u2019s")) and not _ROLES_WORK.match(rest)


def _why_not(text: str, answer: Answer) -> str | None:
    """The role a "why not the PO?" asks of, where the answer gives the work to the other role
    only; else None."""
    asked = _WHY_NOT_ROLE.match(normalise(text))
    if asked is None or not answer.owners or answer.parts:
        return None
    named = _roles_named(asked["role"])
    return named[0] if len(named) == 1 and named[0] not in answer.owners else None


def _restates(said: str, previous: Answer | None) -> bool:
    """Whether every word of `said` was in the question last answered ("the launch plan" after
    "who owns the launch plan?"): the same work, not other work placed alike."""
    return previous is not None and set(split_words(said)) <= set(split_words(previous.question))


def _clauses(text: str) -> list[str]:
    """A message's clauses, lower-cased: split at stops, commas, dashes and "and"."""
    said = text.lower().replace("\u2019", "'")
    return [c.strip() for c in re.split(r"[.!;,:\n]+| - | — |\band\b", said) if c.strip()]


def _states_only(text: str) -> bool:
    """Whether a message only tells of the person's own company: it speaks of "we" or "I", has no
    question mark, and no clause of it opens on a question or a request."""
    return (
        "?" not in text
        and _FIRST_PERSON.search(text.lower().replace("\u2019", "'")) is not None
        and not any(_ASKS_OR_BIDS.match(clause) for clause in _clauses(text))
    )


def _hiring_fact(told: HiringFacts) -> bool:
    """Whether facts tell of the hire itself: its head count, Scrum, or who is on staff."""
    return told.headcount is not None or told.uses_scrum is not None or bool(told.existing_roles)


def _says_the_same(answer: Answer, previous: Answer | None) -> bool:
    """Whether two answers place the same work with the same roles."""
    return previous is not None and (
        answer.responsibility,
        answer.owners,
        answer.outside_owner,
        answer.settled,
        confidence_words(answer.confidence),
    ) == (
        previous.responsibility,
        previous.owners,
        previous.outside_owner,
        previous.settled,
        confidence_words(previous.confidence),
    )


def _english_only(memory: Memory | None) -> Reply:
    """Asked in a language RoleFit can't read: said so, and the conversation goes on."""
    kept = memory if memory is not None else Memory(intent="off-topic")
    return Reply(intent=Intent.OFF_TOPIC, text=wording.ENGLISH_ONLY, memory=kept)


def _read_something(reply: Reply, text: str) -> bool:
    """Whether a reply rests on something read in the message: the roles compared or combined,
    help or small talk, work matched, a concept found or a fact of a hire. Pushback or a
    hiring question begun on nothing read in it does not."""
    if reply.intent in (Intent.COMPARE, Intent.COMBINE, Intent.HELP, Intent.SMALLTALK):
        return True
    if reply.intent is Intent.OWNERSHIP:
        return reply.answer is not None and not _names_no_work(reply.answer)
    if reply.intent is Intent.CONCEPT:
        return reply.concept is not None
    return reply.intent is Intent.HIRE and read_facts(text) != HiringFacts()


def _advised(memory: Memory | None) -> bool:
    """Whether the conversation has had hiring advice: every fact it needs is known."""
    return memory is not None and memory.facts is not None and memory.facts.missing() is None


def _title_said(concept: Concept, text: str) -> bool:
    """Whether `text` says a word of the concept's title ("scrum" of Scrum)."""
    said = set(split_words(clean_text(text)))
    return any(len(word) > 3 and word in said for word in split_words(clean_text(concept.title)))


def _cannot_say(text: str) -> bool:
    """Whether a reply to a hiring question says the person cannot answer it ("no idea", "what
    do other startups do?", "not sure, how do I decide?"): why it matters is the help."""
    heard = text.lower()
    return bool(
        DONT_KNOW.match(normalise(text))
        or _WHAT_OTHERS_DO.search(heard)
        or _HOW_TO_DECIDE.match(heard.strip())
    )


def _one_in_both(topic: str) -> bool:
    """Whether `topic` is one person holding both roles ("one person can be both PO and PM",
    "combining the roles"); not the two roles splitting or sharing work ("how the two roles
    split the roadmap")."""
    said = message_of(topic).said
    either = "both" in said or " roles" in f" {said}" or len(_roles_named(said)) == 2
    return bool(_ONE_HOLDS_BOTH.search(said)) and either


def _keeping_the_hire(reply: Reply, memory: Memory | None) -> Reply:
    """A reply to a question between hiring turns ("who owns the backlog?", "can my CTO be the
    PO?"), with what was said of the hire kept, so "so, whom do we hire?" or "what are the next
    steps?" goes on from there."""
    if memory is None or memory.facts is None or reply.memory.facts is not None:
        return reply
    kept = reply.memory.model_copy(update={"facts": memory.facts, "asked": memory.asked})
    return reply.model_copy(update={"memory": kept})


def _off_scrum(said: Text) -> bool:
    """Whether a (normalised) message speaks of a team working some other way than Scrum ("our
    kanban teams…", "we use kanban, not scrum"), not of one that runs Scrum beside or after
    another way ("we use scrum, not kanban", "we moved from waterfall to scrum")."""
    return said.finds(WAYS_OF_WORKING) and not said.finds(ON_SCRUM)


def _as_titled(job: str) -> str:
    """A job as written in a reply: "cto" as "CTO", "ems" as "EMs", "head of product" as it is."""
    return " ".join(
        w.upper() if w in _ACRONYMS else f"{w[:-1].upper()}s" if w[:-1] in _ACRONYMS else w
        for w in job.split()
    )


def _hiring_question_waits(memory: Memory | None) -> bool:
    """Whether a hiring question RoleFit asked is still unanswered, even after a question of
    the person's own in between (`_awaits_hiring_answer` asks of the last turn alone)."""
    return (
        memory is not None
        and memory.asked > 0
        and memory.facts is not None
        and memory.facts.missing() is not None
    )


def _awaits_hiring_answer(memory: Memory | None) -> bool:
    """Whether RoleFit's last turn asked something about the hire that is still unanswered."""
    return memory is not None and memory.intent == "hire" and _hiring_question_waits(memory)


def _after_thanks(text: str) -> str | None:
    """What a message asks after thanking or an "ok" (ACKNOWLEDGED_THEN), or None."""
    then = ACKNOWLEDGED_THEN.match(text.strip())
    if then is None or not THANKED.search(then.string[: then.start("rest")]):
        return None
    return then["rest"]


def _working_conditions() -> Reply:
    """Pay, hours, stress, what a role costs: conditions of the job, which the article leaves
    alone."""
    return Reply(
        intent=Intent.OFF_TOPIC, text=wording.WORKING_CONDITIONS, memory=Memory(intent="off-topic")
    )


def _made_first(said: str, roles: list[str]) -> str | None:
    """Of both roles named with a time to come ("hire a PO now and a PM next year", "a PM next
    year, but the PO first"), the one hired first: not the one named nearest before that time.
    None unless both are named and the time is said."""
    times = list(_LATER_TIME.finditer(said))
    if len(roles) != 2 or not times:
        return None
    later = times[-1]  # "a PO in six months and a PM next year": the last is the later hire
    titles: dict[str, re.Pattern[str]] = {PRODUCT_OWNER: TITLE_PO, PRODUCT_MANAGER: TITLE_PM}

    def nearest_before(role: str) -> int:
        starts = [m.start() for m in titles[role].finditer(said) if m.start() < later.start()]
        return max(starts, default=-1)

    for_later = max(roles, key=nearest_before)
    return next(role for role in roles if role != for_later)


def _roles_named(said: str) -> list[str]:
    """The roles a (lower-cased) message names, Product Owner first."""
    return [
        role
        for role, names in ((ROLE_IDS[0], TITLE_PO), (ROLE_IDS[1], TITLE_PM))
        if names.search(said)
    ]


def _supposed(reply: Reply, told: HiringFacts) -> Reply:
    """The reply to a fact of the hire supposed ("what if we grow to 300 people?"): advice given
    again on it is said to be supposing it, and the facts told are kept as they were (the
    advice's turn goes on as any other). Any other reply ("how many can you hire?", the hire
    after that) is as for a fact told: its buttons carry the facts it rests on."""
    if not reply.text.startswith(wording.READVISED):
        return reply
    kept = reply.memory.model_copy(update={"facts": told})
    text = reply.text.removeprefix(wording.READVISED).lstrip()
    note = reply.note.removeprefix(wording.READVISED).strip()
    return reply.model_copy(
        update={
            "text": f"{wording.SUPPOSED} {text}",
            "note": f"{wording.SUPPOSED} {note}".strip(),
            "memory": kept,
        }
    )


def _followed(after: str, reply: Reply) -> Reply:
    """The reply with `after` after it, and after anything that already followed it."""
    return reply.model_copy(
        update={"text": f"{reply.text} {after}", "after": f"{reply.after} {after}".strip()}
    )


def _without_reasons(said: str) -> str | None:
    """A (normalised) claim put to confirm without the reasons given for it ("the po does it
    since the po represents stakeholders, right?" -> "the po does it right?"; "the pm leads the
    team, so the pm manages the backlog, right?" -> "the pm manages the backlog right?"), or None
    where no reason is given."""
    tail = CONFIRM_TAIL.search(said)
    body = said[: tail.start()] if tail else said
    ending = tail.group().strip(" ,") if tail else ""
    after = _REASON_AFTER.match(body)
    claim = (
        after["claim"]
        if after
        else (before["claim"] if (before := _REASON_BEFORE.match(body)) else None)
    )
    if claim is None or not _roles_named(claim):
        return None
    return f"{claim.strip(' ,')} {ending}".strip()


def _by_the_articles_name(asked: str, answer: Answer, abbreviations: Mapping[str, str]) -> bool:
    """Whether work asked about is named as the article names it: not by an abbreviation the
    article never spells out that way ("PRDs" for its technical requirements; "GTM" is its
    go-to-market)."""
    told = f"{answer.responsibility.title if answer.responsibility else ''} {answer.why or ''}"
    plain = " ".join(split_words(clean_text(told)))
    return not any(
        (spelled := abbreviations.get(word)) is not None
        and " ".join(split_words(spelled)) not in plain
        for word in split_words(clean_text(asked))
    )


def _places_clearly(answer: Answer) -> bool:
    """An answer sure of whose work it is, a role's or someone else's."""
    return answer.confidence >= CLEARLY and bool(answer.owners or answer.outside_owner)


def _the_only_question(text: str) -> tuple[str, str] | None:
    """The one sentence of several that asks something, and the others, where they ask nothing
    and name no role ("what does a PO do? the investors asked" -> ("what does a PO do?", "the
    investors asked")); else None."""
    sentences = [s for s in SENTENCE_BREAK.split(text.strip()) if s]
    if len(sentences) < 2:
        return None
    asking = [s for s in sentences if s.endswith("?")]
    if len(asking) != 1:
        return None
    others = " ".join(s for s in sentences if s is not asking[0]).lower()
    if _roles_named(others) or WHO.search(others):
        return None
    return asking[0], others


def _noting(note: str, reply: Reply) -> Reply:
    """The reply with `note` before it, and before any note it had."""
    return reply.model_copy(
        update={"text": f"{note} {reply.text}", "note": f"{note} {reply.note}".strip()}
    )


def _about_a_role(said: Text) -> bool:
    """A (normalised) message about a role or the job itself: it names one, says "they", "she"
    or "he", or speaks of the role, job or position ("who sets the PM's pay?" asks of work)."""
    return bool(_roles_named(said) or said.finds(THE_JOB)) and "who" not in said.split()


def _yes_or_no(text: str, answer: Answer, kb: KnowledgeBase) -> str:
    """A plain question or claim that one role owns some work answered yes or no first ("is
    pricing the PO's job?", "the PM writes user stories, right?"), as a claim over a list is
    piece by piece ("PO does backlog, PM does pricing, right?"); "" for any other message
    ("PO or PM?" asks which; "does the PO help with it?" asks of a hand, not of whose work it
    is; "is the PO the only one…" of something a yes or no would misread)."""
    if len(text) > CLAIM_CHARACTERS:
        return ""
    said = normalise(text)
    if not _checks_a_claim(said):
        return ""
    named = _roles_named(said)
    if len(named) == 1:
        return wording.for_roles(tuple(named), answer, kb)
    pieces = listed_work(clean_text(CONFIRM_TAIL.sub("?", text)))  # "…, yeah?" is no piece
    claimed = [_roles_named(piece) for piece in pieces]
    if not claimed or any(len(roles) != 1 for roles in claimed):
        return ""
    return wording.for_claimed_pieces([roles[0] for roles in claimed], answer)


def _checks_a_claim(said: str) -> bool:
    """Whether a (normalised) message asks or claims, plainly, that a role owns some work."""
    return bool(
        ROLE_CHECKED.search(said)
        and not NOT_A_PLAIN_CHECK.search(said)
        and not TAKES_PART.search(said)
    )


def _ask_taken_back(text: str) -> str | None:
    """The question a message asks instead of the one it took back ("who owns the backlog?
    actually never mind that, who owns pricing?" -> "who owns pricing?"; "who owns sprint
    planning - no wait, I mean quarterly planning" -> "who owns quarterly planning"), or None."""
    lowered = text.lower()
    if "who" not in lowered or not any(mark in lowered for mark in _TAKING_BACK):
        return None  # most messages: no scan
    taken_back = ASK_TAKEN_BACK.match(text)
    if taken_back is None:
        return None
    rest = taken_back["rest"].strip()
    if _NARROWS.match(rest) and read_facts(rest).company_stage is not None:
        return None  # "who should own pricing? I meant at a startup": said more precisely
    return rest if ASKS_ON_ITS_OWN.match(rest) else f"{taken_back['ask']} {rest}"


def _corrected(text: str) -> str | None:
    """What a correction says was meant ("no, I meant legal review" -> "legal review"), without
    mentions or emphasis marks, or what it says was not ("the product roadmap, not the tech
    one"); None for any other message."""
    plain = _without_marks(text)
    meant = MEANT.match(plain)
    if meant is None:
        return None
    said = plain[meant.end() :].strip()
    return NOT_MEANT.sub("", said).strip() or said


# Someone named as the one who does the work, not work ("no, the CTO, not the PO", "the CFO
# does pricing").
_SOMEONE = re.compile(
    r"^\W*(?:no\W+)?(?:the |our |my )?(?:cto|ceo|cfo|coo|cmo|cpo|founders?|co-?founders?|"
    r"tech lead|engineering manager|head of \w+|vp(?: of)? \w+|boss|team lead)"
    # the person alone, or doing it: not work of theirs named ("the ceo dashboard")
    r"(?:\W*$|\s+(?:does|do|handles?|owns?|runs?|covers?|decides?|sets?|is|takes care of)\b)"
)
# Someone said to do the work just answered: "our CFO does that", "she handles it".
_DOES_IT = re.compile(
    r"\b(?:does|do|handles?|owns?|runs?|covers?|takes care of|is doing|are doing) "
    r"(?:that|it|this|those|these|them)\b"
)


def _not_this_but(text: str) -> str | None:
    """What a short message setting what was meant against what was not names as meant ("not
    the backlog, the budget", "sorry — budget, not backlog" -> the budget); None for any other
    message. Only a correction if that is work."""
    plain = _without_marks(text).strip()
    if len(plain) > _CORRECTION_CHARACTERS:
        return None  # (a wall of text is no short correction, and would cost the patterns time)
    if opening := NOT_THIS_BUT.match(plain):
        return plain[opening.end() :].strip() or None
    if meant := MEANT_NOT_THAT.fullmatch(plain):
        return meant.group(1).strip() or None
    return None


def _without_marks(text: str) -> str:
    """The text without mentions or emphasis marks."""
    return MARKUP.sub(" ", text).replace("_", " ").replace("*", " ")


def _the_other_role(concept: Concept, text: str) -> tuple[str, str] | None:
    """(the role a concept tells of, the role the message asks of) where they differ, else None:
    "what does a PO do all day?" asks of the PO what the article tells of the PM."""
    asked_of = _roles_named(text.lower())
    told_of = _roles_named(f"{concept.title} {concept.explanation}".lower())
    if len(asked_of) != 1 or len(told_of) != 1 or asked_of == told_of:
        return None
    return told_of[0], asked_of[0]


# Where each word for a place in a list points (-1: the last).
_PLACES = {
    **dict.fromkeys(("first", "1st"), 0),
    **dict.fromkeys(("second", "2nd"), 1),
    **dict.fromkeys(("third", "3rd"), 2),
    **dict.fromkeys(("fourth", "4th"), 3),
    **dict.fromkeys(("fifth", "5th"), 4),
    "last": -1,
}


def _asks_job_interview(said: Text) -> bool:
    """What to ask a candidate in an interview, not what to ask customers in one."""
    return bool(said.finds(ASKS_INTERVIEW)) and not said.finds(CUSTOMER_INTERVIEWS)


def _places_a_role(answer: Answer) -> bool:
    """An answer that gives work to a role, at least "most likely"."""
    return bool(answer.owners) and answer.confidence >= MOST_LIKELY


def _finds_nothing(answer: Answer) -> bool:
    """An answer that found nothing at all: no work of the article's, nor anyone else's."""
    return _names_no_work(answer) and answer.outside_owner is None


def _names_no_work(answer: Answer) -> bool:
    """An answer that found no work of the article's in the question: none at all, or only
    everyday work outside product ("travel" in "do PMs travel?" reads as booking trips), which
    names whose it usually is but no section of the article (work the article hands to someone
    else names its section)."""
    placed_outside = answer.outside_owner is not None and answer.section is not None
    return not answer.owners and answer.settled and not placed_outside and not answer.parts
