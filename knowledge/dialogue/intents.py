"""Reading a message as one intent, in the context of the conversation's previous turn.

Rules, not a model: each intent has a few patterns of how people ask for it, checked in an order
that settles overlaps ("can my PO also do the PM work?" is about combining the roles, not who
owns a task). The matcher decides the ownership questions' topic; here only their shape counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from knowledge.dialogue.memory import Memory


class Intent(StrEnum):
    OWNERSHIP = "ownership"
    COMPARE = "compare"
    HIRE = "hire"
    COMBINE = "combine"
    CONCEPT = "concept"
    SMALLTALK = "smalltalk"
    HELP = "help"
    FEEDBACK = "feedback"
    OFF_TOPIC = "off-topic"


@dataclass(frozen=True)
class Reading:
    intent: Intent
    text: str  # what to answer: the message, or a follow-up's topic
    follow_up: bool = False
    kind: str = ""  # feedback: why / disagree / thanks; smalltalk: hello / thanks / bye


# Past this many words a message that mentions hiring is a hiring story, whatever else it says.
LONG_MESSAGE_WORDS = 25
_ONE_FOR_BOTH = re.compile(
    r"\bboth hats\b|\bone (?:person|human|hire)\b[^.]*\bboth\b|\bone (?:'|\")?product "
    r"(?:lead|person|hire)\b[^.]*\b(?:both|and)\b|\bsame person\b|\bcan one person\b"
)
_PRODUCT_WORDS = re.compile(
    r"\b(?:product|backlog|scrum|sprint|roadmap|market|strateg\w*|horizons?|stakeholders?|"
    r"customers?|requirements?|stor(?:y|ies)|goal|proposition|value|profiles?|web|suppliers?|"
    r"portfolio|gtm|go[- ]to[- ]market|pm|po|owner|manager|c-suite|competit\w*|analysis|"
    r"r&d|technolog\w*|business|agile|cross-functional|persona|positioning|margins?|ceo)\b"
)
_MARKUP = re.compile(r"<[^>]*>|:[a-z0-9_+'-]+:")
_NOT_WORDS = re.compile(r"[^\w\s&+/'?-]")


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns))


_PO = r"(?:po|pos|product owners?|p\.o\.)"
_PM = r"(?:pm|pms|product managers?|p\.m\.)"
_PO_OR_PM = re.compile(rf"\b{_PO} or {_PM}\b|\b{_PM} or {_PO}\b")
_OWNERSHIP_WORDS = re.compile(r"\b(?:job|thing|task|duty|responsib\w*|owns?|owner of|in charge)\b")
_BOTH_ROLES = re.compile(
    rf"(\b{_PO}\b.*\b{_PM}\b|\b{_PM}\b.*\b{_PO}\b|\bboth (?:roles|hats|jobs)\b|"
    r"\bthe two roles\b|\btwo roles\b|\bowner ?/ ?manager\b|\bp-roles\b|\bthe two p\b)"
)
_ANY_ROLE = re.compile(rf"\b({_PO}|{_PM})\b|\bproduct (?:person|role|people|lead)\b")

_HELLO = frozenset(
    [
        "hi",
        "hey",
        "hello",
        "hiya",
        "yo",
        "sup",
        "hallo",
        "howdy",
        "greetings",
        "hola",
        "morning",
        "afternoon",
        "evening",
        "good",
        "there",
        "all",
        "team",
        "everyone",
        "rolefit",
        "bot",
        "how's",
        "hows",
        "it",
        "going",
        "how",
        "are",
        "you",
        "doing",
        "ok",
        "okay",
        "night",
        "day",
        "folks",
        "mate",
        "again",
        "gm",
        "hey-hey",
        "heya",
        "wassup",
        "whats",
        "up",
        "what's",
        "bonjour",
        "salut",
        "hej",
        "moin",
        "servus",
        "ciao",
        "namaste",
        "ola",
        "oi",
        "g'day",
        "gday",
        "today",
        "u",
        "r",
        "ya",
        "y'all",
        "yall",
        "friend",
        "buddy",
        "pal",
        "dear",
        "sir",
        "madam",
    ]
)
_THANKS = frozenset(
    [
        "thanks",
        "thank",
        "thx",
        "ty",
        "tysm",
        "ta",
        "cheers",
        "merci",
        "gracias",
        "danke",
        "obrigado",
        "grazie",
        "appreciated",
        "appreciate",
        "it",
        "you",
        "u",
        "so",
        "much",
        "very",
        "a",
        "lot",
        "ton",
        "tons",
        "mate",
        "great",
        "perfect",
        "nice",
        "cool",
        "awesome",
        "ok",
        "okay",
        "kind",
        "of",
        "many",
        "million",
    ]
)
_BYE = frozenset(
    [
        "bye",
        "bye-bye",
        "goodbye",
        "later",
        "see",
        "ya",
        "you",
        "cya",
        "ciao",
        "good",
        "night",
        "ok",
        "take",
        "care",
        "for",
        "now",
        "then",
        "catch",
        "have",
        "a",
        "nice",
        "day",
        "great",
        "weekend",
        "gn",
        "ttyl",
        "adios",
        "tschuss",
        "tschüss",
        "au",
        "revoir",
    ]
)

_THANKS_FEEDBACK = _any(
    r"^(?:ok(?:ay)?,? |oh,? |ah,? |great,? |perfect,? )?(?:thanks|thank you|thank u|thx|ty|tysm|"
    r"cheers|great thanks|perfect|makes sense|that (?:helps|helped|clears it up|makes sense)|"
    r"got it|gotcha|understood|clear|very clear|that'?s clear|helpful|super helpful|awesome|"
    r"brilliant|nice|great|good to know|noted|fair enough|ok(?:ay)? cool|super clear|"
    r"c'?est clair|merci|very helpful|much appreciated)\b",
    r"(?:that|this) (?:helps|helped|clears it up|was useful|is useful)\b",
    r"\b(?:thanks|thank you|thx|ty)\W*$",
)
_HELP = _any(
    r"^(?:help|halp|usage|commands?|menu|instructions|tutorial|getting started|manual|\?+)\b",
    r"^(?:help|halp)\W*$|\bhelp (?:pls|please|me out)\b|^can you help(?: me)?\W*$",
    r"\bi need help\W*$",
    r"what (?:can|could|do) you (?:do|help|know|answer|tell me about)\b",
    r"what (?:kind of |sort of )?(?:things|stuff|questions) (?:can|could|should|do) (?:i|you) (?:a"
    r"sk|do|help)",
    r"what (?:kind of )?things (?:can )?you (?:can )?(?:do|help)",
    r"how (?:does|do) (?:this|it|rolefit|the bot|you) work",
    r"how (?:do|can|should) i (?:use|talk to|ask|work with|get started with) (?:you|this|the bot|i"
    r"t|rolefit)",
    r"how (?:do|can|should) i ask (?:you )?(?:something|a question|questions)",
    r"how (?:do|can) i (?:use|run) the (?:slash )?command|how am i supposed to use",
    r"how to use (?:you|this|rolefit|the bot)",
    r"what (?:is|are) (?:this bot|you|this|this app|this thing|rolefit) (?:for|good for|about)\b",
    r"what are you good (?:for|at)|what'?s this (?:bot|app|thing)\b|who are you\b|what are you\W*$",
    r"(?:list of |your |available )(?:commands|features|capabilities|options)\b",
    r"example questions|some examples|give me (?:an )?examples?|show me (?:what|how)",
    r"what do you do\b|how do i talk to you|what'?s rolefit|how can you help",
    r"\bany commands\b|^options\W*$|\binstructions\b|\bwhat do i type\b|\bhow does this thing work"
    r"|\bare you (?:a )?(?:bot|human|person|ai|real)\b|\bis this a bo"
    r"t\b",
    r"what (?:exactly |actually |really )?can you (?:do|help)|qu[eé] puedes hacer|que peux-tu fair"
    r"e",
    r"was kannst du|cosa puoi fare",
)
_WHY = _any(
    r"^(?:but |wait,? |so |hmm+,? |ok(?:ay)?,? |and |still confused,? )?(?:why|how come|how so)\b",
    r"^(?:but |so |ok(?:ay)?,? )?(?:explain|elaborate|tell me more|more detail|more info)",
    r"^(?:reasons?|source|sources|really|says who|based on what|on what basis)\W*$",
    r"what makes you (?:say|think)|can you (?:elaborate|explain|go deeper|say it)|could you (?:ela"
    r"borate|explain)",
    r"where does (?:it|the article) say|is that (?:in|from) the article|justify|go deeper|deeper o"
    r"n",
    r"more simply|simpler|plain(?:er)? (?:words|english)|reasoning|rationale|still confused",
    r"don'?t (?:get|understand)(?: it| that)?\W*$|say (?:it|that) again",
)
_DISAGREE = _any(
    r"(?:that'?s|thats|this is|it'?s|that is) (?:wrong|not right|incorrect|not true|not how|bs|non"
    r"sense)",
    r"you'?re wrong|\bwrong\b|are you sure|\bno way\b|^nah\b|^no[,.! ]|^nope\b|^hmm+,? no\b",
    r"i'?d say",
    r"i (?:always )?thought|not how it works|disagree|doesn'?t sound right|don'?t think so|"
    r"i don'?t (?:think|agree|buy)|pretty sure (?:it'?s|that'?s)|^actually\b",
    r"in our (?:company|team|org)",
    r"we do it differently|in my experience|^but (?:our|my|the)\b|doubt (?:it|that)|not convinced",
    r"can'?t be right|doesn'?t (?:match|fit|apply)|don'?t even|not how we|\bhere\W*$",
    r"\bour (?:pm|po|cto|ceo|cfo|qa|head|lead|marketing|sales)\b[^.]{0,30}\b(?:does|do|did|owns?|h"
    r"andles?)",
)
_COMBINE = _any(
    r"\bone person\b|\bsame (?:person|guy|people|human|individual)\b|\bboth hats\b|\btwo hats\b",
    r"\bwear (?:both|two)\b|\bdouble as\b|\bmerg\w*|\bcombin\w*|\bfold\b|\bhybrid\b|\bcombo\b",
    r"\bsplit\b|\bseparate (?:the )?(?:people|persons|hires|jobs|roles|po|pm|product)",
    r"\bseparately\b",
    r"\bcovering\b|\bworkable\b|\bburn ?out\b|\bhold both\b|\bdo both\b|\bboth at once\b",
    r"\balso (?:be|take on|do|cover|act as|play)\b|\bcover both\b|\bbe both\b|\bpart[- ]time\b",
    r"\bboth (?:the )?(?:po and pm|pm and po|roles?|jobs?) (?:duties|work|at once)",
    r"\bone (?:product )?(?:person|lead|human|hire|guy) (?:covering|doing|for) both|\bdual role\b",
    r"\bsingle person\b|\btogether\b|\bbreaking down\b|\bgo(?:es)? against scrum\b",
    r"\bcan (?:a|the|my|our|one) (?:pm|po|product manager|product owner) (?:act as|be|play|take|"
    r"do|fill in|cover|step in)\b|\bdifferent (?:people|persons)\b|\bshare (?:the )?roles?\b",
    r"\bshould (?:they|those|these|the roles|the two) be (?:separate|different|split|two)",
    r"\btoo\W*$|\btoo\b(?=.*\b(?:po|pm)\b)|\bas well\b|\b(?:at the )?same time\b|\bgleichzeitig\b",
    r"\bdouble[- ]?hat\w*|\bplaying (?:po|pm)\b|\bgrow into\b|\bone job\b|\bkeep doing\b",
    r"\bis both\b|\bboth the (?:po|pm)\b|\bseparat\w+ (?:the )?(?:po|pm|roles|product)\b",
    r"\bone human\b|\bto be the (?:po|pm)\b",
    r"\balso (?:acts? as|the|owns?|is)\b|\bconsolidat\w*|\bone head\b|\bon the side\b|\bdual[- ]?r"
    r"ole",
    r"\ba la vez\b|\ben même temps\b|\bal mismo tiempo\b|\bao mesmo tempo\b|\bmisma persona\b",
    r"\bseule personne\b|\bcover (?:\w+ ){0,3}both\b|\bhandle both\b|\b(?:po|pm) title\b",
    r"\bsingle job description\b|\bowner ?& ?manager\b|\btake on\b|\bone product person\b",
    r"\bdoes it break scrum\b|\bbreak scrum\b|\bscrum guide allow\b|\bboth roles\b",
)
_COMPARE = _any(
    r"\bdifferen\w*|\bdiffer\b|\bdiff\b|\bvs\.?\b|\bversus\b|\bcompar\w*|\bcontrast\b",
    r"\bside by side\b|\bsame thing\b|\bsame (?:job|role)\b|\binterchangeab\w*|\bdistinguish\w*",
    r"\bseparates?\b|\bscope\b|\bfocus on\b|\bscrum name for\b",
    r"\bjust (?:a|the) (?:scrum|fancy|agile)\b",
    r"\bwhat does (?:a|the) (?:pm|po|product \w+) do that\b|\bhow do they\b|\bsimilar\b",
    r"\boverlap\w*",
    r"\bmore senior\b|\bseniority\b|\bhigher\b|\bthe boss\b|\bwhat'?s the deal\b|\bhow are they\b",
    r"\bexplain (?:the )?(?:two|both|these) roles\b|\bis there (?:a|any) difference\b|\bconfus\w*",
    r"\bmix (?:them )?up\b|\bwhich is which\b|\btell (?:them )?apart\b|\bin a nutshell\b",
    r"\btl;?dr\b",
    r"\bmean by\b|\bis not a\b|\bisn'?t a\b|\bidentical\b|\bone-liners?\b|\beach\b|\bsit under\b",
    r"\bnext to\b|\bstrategic\b|\btactical\b|\bfaces?\b|\bwhich one\b.*\band which\b",
    r"\bmixing up\b|\bscrum thing\b|\bbusiness thing\b|\bjunior\b|\bdifférence\b|\bunterschied\b",
    r"違い|=|\bwhat agile shops call\b|\bjust what\b|\banalogy\b|\bwhich of the two is\b",
    r"\bboss\b|\bpromotion\b|\bcertificat\w*|\boversimplif\w*|\bsimplistic\b|\bright,? or\b",
    r"\bmore (?:business|tech\w*|strategic)\b|\bin one (?:tweet|line|sentence)\b|\bdiferen\w*",
    r"\bexplain like\b|\beli5\b|\breports? to\b|\bwhat separates\b",
)
_HIRE = _any(
    r"(?<!new )(?<!the )\bhir(?:e|es|ed|ing)\b(?! (?:paperwork|onboarding|laptops?))",
    r"\brecruit\w*|\bheadcount\b|\btitle\b|\bjd\b|\bjob (?:description|ad|post\w*|spec)\b",
    r"\bfirst product\b|\bnext hire\b|\bproduct hire\b|\bnext (?:product )?(?:person|role)\b",
    r"\bwhat role (?:do|should|to)\b|\bwhat (?:should|do) (?:i|we) (?:get|hire|look for)\b",
    r"\bwhich product role (?:should|do) (?:we|i)\b|\bdo (?:we|i) need (?:a|an|both)\b",
    r"\bneed (?:a |an )?(?:po|pm|product (?:owner|manager|person|help|lead))\b",
    r"\bneeds? (?:someone|somebody|a person|people|product help)\b|\bbring (?:in|on)\b",
    r"\b(?:add|get) (?:a|an) (?:po|pm)\b|\bthe right hire\b|\bbudget for\b|\bwhat titles?\b",
    r"\bwho do (?:we|i) (?:hire|get|need)\b|\bwho should (?:we|i) (?:hire|get|bring)\b",
    rf"\b{_PO} or {_PM} for (?:a|an|our|my|the)\b|\b{_PM} or {_PO} for (?:a|an|our|my|the)\b",
    r"\bproduct leadership\b|\bseparate people\b|\breplac\w+ (?:her|him|them|our|the)\b",
    r"\bbrauche\b|\bfunding for\b|\bcan afford\b|\bopen reqs?\b|\bapproved\b|\ba req\b",
    r"\bbackfill\w*|\bwhat should each role be\b",
    r"\b(?:which|what) (?:product )?(?:role|person|hire) (?:do |should )?(?:we|i) "
    r"(?:need|get|hire)\b",
)
# Asking for a role or person, which makes "what's the role that…" an ownership question.
_ASKS_WHO = re.compile(r"\b(?:who|whose|whos|who's)\b|\brole that\b|\bw(?:h)?ich role\b")
PRONOUN = re.compile(r"\b(?:it|them|that|those|this|these|they)\b")
_ROLE_WORDS = re.compile(
    r"\b(?:product owners?|product managers?|po|pm|pos|pms|roles?|junior|senior|the two|each)\b"
)
_ABOUT_THE_BOT = re.compile(
    r"\b(?:you|your|yourself|u|rolefit|this bot|the bot|this app|this thing|this tool|ce bot|"
    r"here|i type|i tell)\b"
)
_ABOUT_THE_BOT_WHO = re.compile(
    r"\bwho (?:are you|built|made|maintains|created|runs|owns|wrote) "
    r"(?:you|this bot|the bot|this app|rolefit|it)\b|\bwho are you\b"
)
_BOT_ITSELF = re.compile(
    r"\b(?:remember\w*|history|private|privacy|stored?|storing|reading what|see (?:them|what|my)|"
    r"reset (?:our|the|this) chat|trust (?:your|you)|reliable|your limits|limitations|scope of|"
    r"documentation|docs|sample prompts?|get started|slash command|blank slate|only (?:about|po|pm|"
    r"product)|anything (?:else|about)|how does this thing work|utiliser ce bot|the bot itself)\b"
)
_META = re.compile(
    r"\b(?:commands?|topics?|cover|know|answer\w*|based on|info\w*|sources?|built|made|"
    r"maintains?|purpose|languages?|mention|dm|channels?|tour|bot or a person|a person|human|"
    r"ask you|use you|talk to you|options|features|capabilit\w*|examples?|understand|tips?|"
    r"best answers|first|only answer|how (?:do|does) (?:it|this|you) work|what is this|"
    r"what are you)\b"
)
# "Who" questions that are not about anyone's work.
_OFF_TOPIC_WHO = re.compile(
    r"\bwho(?:'s| is)? (?:won|wins|will win|going to win|gonna win|scored|invented|sang|"
    r"directed|wrote the|is the (?:president|king|queen|prime minister))\b"
)
_ROLE_QUESTION = re.compile(
    rf"(?:\b{_PO}\b|\b{_PM}\b)[^.?]*\bor\b[^.?]*(?:\b{_PO}\b|\b{_PM}\b|\bboth\b)|"
    r"\b(?:who|which one|which role|what role|what title|title|which roles|what roles|which type|"
    r"what type|who'?s next|who should we add|what do we call them|whom)\W*$|"
    r"\bwhich (?:one|role) first\b|\bwho (?:should|do) (?:we|i) (?:add|get|hire|bring)\b|"
    r"\b(?:po|pm) oder (?:po|pm)\b|\bcontrat\w*|\beinstellen\b|\bembaucher\b|\bgo\W*$"
)
_TEAM_STORY = re.compile(
    r"\b(?:we|we'?re|our|us|my (?:ceo|company|team|startup|cto|cofounder)|i'?m (?:a|an|the)|"
    r"i \(founder\)|somos|wir|nous|company|startup|headcount|funding|reqs?|founders?|pre-seed|"
    r"seed|series [a-e])\b"
)
_HIRE_STRONG = re.compile(
    r"\b(?:hire|hiring|recruit\w*|headcount|reqs?|title)\b(?! \w+ (?:contracts?|paperwork))"
)
_HIRE_CONTEXT = re.compile(
    r"\b(?:we'?re|we are|our company|our startup|we have|we've got|my company|our team is)\b"
)
_FOLLOW_UP = re.compile(
    r"^(?:and|&|plus|also|ok(?:ay)?,? and|so|what about|how about|what if|and if|if we|"
    r"same (?:for|with|question "
    r"for|goes for)|and what about|and for|then)\b"
)
_CONCEPT_ANYWHERE = re.compile(
    r"\bwhat (?:is|does) (?:it|that|this)\b.*\bmean|\bsupposed to mean\b|\bin plain (?:words|engli"
    r"sh)\b|"
    r"\bwhat'?s meant by\b|\bhow is that different from\b|\bwhy did (?:mckinsey|the article)\b|"
    r"\bwhat'?s (?:a|an) ['\"]|c'?est quoi|qu'?est-ce que|\bwas ist\b|\bqu[eé] es\b|\bjargon\b"
)
# Asking for an explanation, in any of the ways people do; a concept question when it names one.
_EXPLAIN = re.compile(
    r"\b(?:explain\w*|expliquer|erklär\w*|plain english|simply|eli5|what happens|what happened|"
    r"what was|the same (?:thing )?as|mean\w*|how do you (?:measure|decide|know|do)|why would|why "
    r"does|"
    r"why do|quote|difference|vs|versus|what'?s|what is|what are|keep hearing|heard|idea behind|"
    r"point of|purpose of|in practice|look like|tell me about|according to|the scrum guide)\b"
)
_CONCEPT = re.compile(
    r"^(?:so |ok |and )?(?:what(?:'?s| is| are| does| do| mean|s)\b|whats\b|explain\b|eli5\b|"
    r"define\b|definition\b|meaning of\b|tell me about\b|what do you mean\b|"
    r"how does the scrum guide\b|why (?:would|does|do|should|is) (?:a |the )?(?:pm|po|product "
    r"(?:manager|owner)))|\bwhat (?:does|do) .+ mean\b|\bwhat counts as\b"
)
_OWNERSHIP = _any(
    r"\bwho(?:'?s|se|m| is| are| should| does| do| owns?| handles?| decides?| writes?| takes?"
    r"| runs?)?\b",
    r"\bw(?:h)?ich (?:role|of the two|product role|one)\b|(?<!product )\bowner\?$|\brole that\b",
    r"\bwhose\b|\bis (?:it|that|this) (?:a|the|on|my|our)\b|\bjob\b|\bresponsib\w*|\bowns?\b",
    r"\bin charge\b|\bthing\b|\bduty\b|\btask\b|\bshould (?:our|the|my|a)\b",
)
_OFF_TOPIC = _any(
    r"\bsalar\w*|\bpay (?:a|an|our|my)\b|\bcompensation\b|\bhow much (?:should|do|does|is|are)\b",
    r"\bweather\b|\bforecast\b|\brain\b|\braining\b|\bsnow\w*|\bjoke\b|\bkanban\b|\brecipe\b",
    r"\bsushi\b|\brestaurant\b|\blunch\b|\bdinner\b|\bcoffee\b|\bpizza\b|\bcapital of\b",
    r"\btranslate (?:this|that|it|to|into (?:spanish|french|german|english))\b|\bcenter a div\b",
    r"\b(?:write|fix|debug|review) (?:my |this |some )?code\b",
    r"\bjira (?:alternative|vs)\b|\bnotion vs\b|\bresume\b|\btweet\b|\bmusic\b|\bsong\b",
    r"\bmovie\b|\bfilm\b|\bnetflix\b|\bfrom aws\b|\bto gcp\b|\bbook a meeting\b|\bfootball\b",
    r"\bsoccer\b|\bworld cup\b|\bnba\b|\bnfl\b|\bmatch last night\b|\bgame last night\b",
    r"\bfavou?rite\b|\bstocks?\b|\bcrypto\b|\bbitcoin\b|\bpoem\b|\briddle\b|\bhoroscope\b",
    r"\bmeaning of life\b|\b(?:python|javascript|typescript|java|sql|regex|css|html|docker)\b",
    r"\bdraft (?:an? |me )?(?:email|tweet|post|message|letter)\b|\bsummari[sz]e\b|\bwrite me\b",
    r"\bvacation policy\b|\bleave policy\b|\bhow many (?:days|holidays)\b|\bsafe framework\b",
    r"\bhow should i handle\b|\bwhich is better\b|\b\d-week sprints\b|\b4-day week\b|\bswitch to\b",
    r"\bplace in\b|\bgood (?:place|restaurant|bar)\b|\boffice (?:is )?open\b|\bbank holiday\b",
)


_ROLE_FIXES = {
    "produkt": "product",
    "produit": "product",
    "producto": "product",
    "prod": "product",
    "manger": "manager",
    "プロダクトオーナー": " product owner ",
    "プロダクトマネージャー": " product manager ",
}
_ROLE_TYPOS = re.compile(
    r"\b(?:produkt|produit|producto|prod|manger)\b|プロダクトオーナー|プロダクトマネージャー"
)


def normalise(text: str) -> str:
    """Lower-case words, without Slack markup or emoji codes, single-spaced."""
    plain = _MARKUP.sub(" ", text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
    said = " ".join(_NOT_WORDS.sub(" ", plain.lower()).split())
    said = _ROLE_TYPOS.sub(lambda m: _ROLE_FIXES[m.group(0)], said)
    return said.removeprefix("/rolefit ").removeprefix("rolefit ")


def classify(
    text: str,
    previous: Memory | None = None,
    knows_work: Callable[[str], bool] | None = None,
    knows_concept: Callable[[str], bool] | None = None,
) -> Reading:
    """Which intent `text` is, given the conversation's previous turn (None at its start).
    `knows_work` tells whether a message names product work the knowledge base knows."""
    said = normalise(text)
    words = said.replace("?", " ").split()
    answered = previous is not None and previous.intent not in ("smalltalk", "help", "off-topic")
    who = bool(_ASKS_WHO.search(said))
    if answered and _THANKS_FEEDBACK.search(said) and len(words) <= 8:
        return Reading(Intent.FEEDBACK, text, kind="thanks")
    small = _smalltalk(words, said, fuzzy=False)
    if small:
        return Reading(Intent.SMALLTALK, text, kind=small)
    short = len(words) <= LONG_MESSAGE_WORDS // 2
    about_roles = bool(_BOTH_ROLES.search(said) or _ONE_FOR_BOTH.search(said))
    if short and _OFF_TOPIC.search(said) and not (who or about_roles or _HELP.search(said)):
        return Reading(Intent.OFF_TOPIC, text)
    if _is_help(said, who):
        return Reading(Intent.HELP, text)
    small = _smalltalk(words, said, fuzzy=True)
    if small:
        return Reading(Intent.SMALLTALK, text, kind=small)
    if (
        who
        and previous is not None
        and PRONOUN.search(said)
        and (previous.concept or previous.question)
        and not _names_work(text, said, knows_work)
    ):
        return Reading(Intent.OWNERSHIP, text, follow_up=True)  # "and who writes them?"
    if answered and len(words) <= 14:
        if _WHY.search(said) and not _CONCEPT_TOPIC.search(said):
            return Reading(Intent.FEEDBACK, text, kind="why")
        if _DISAGREE.search(said):
            return Reading(Intent.FEEDBACK, text, kind="disagree")
    if len(words) > LONG_MESSAGE_WORDS and _is_hiring(said, words):
        return Reading(Intent.HIRE, text)
    if about_roles and _COMBINE.search(said):
        return Reading(Intent.COMBINE, text)
    compares = _COMPARE.search(said) or not _names_work(text, said, knows_work)
    if about_roles and compares and not _is_hiring(said, words):
        return Reading(Intent.COMPARE, text)
    if previous is not None and previous.facts is not None and _continues_hiring(said, previous):
        return Reading(Intent.HIRE, text, follow_up=True)
    if _is_hiring(said, words):
        return Reading(Intent.HIRE, text)
    topic = _FOLLOW_UP.sub("", said).strip(" ?")
    fragment = bool(_FOLLOW_UP.search(said)) or (len(words) <= 4 and not who)
    if previous is not None and fragment and not who and previous.intent in _TOPIC_FOLLOWED:
        return Reading(Intent(previous.intent), topic or text, follow_up=True)
    if previous is not None and previous.question and fragment and not _OFF_TOPIC.search(said):
        return Reading(Intent.OWNERSHIP, topic or text, follow_up=True)
    if (_OFF_TOPIC.search(said) and not who) or _OFF_TOPIC_WHO.search(said):
        return Reading(Intent.OFF_TOPIC, text)
    asks_concept = _CONCEPT.search(said) or _CONCEPT_ANYWHERE.search(said)
    if asks_concept and not who and _PRODUCT_WORDS.search(said):
        return Reading(Intent.CONCEPT, text)
    explains = _EXPLAIN.search(said) and not _WHO_DOES.search(said)
    if explains and knows_concept is not None and knows_concept(text):
        return Reading(Intent.CONCEPT, text)
    if _OWNERSHIP.search(said) or _ANY_ROLE.search(said):
        follow = (
            previous is not None
            and bool(PRONOUN.search(said))
            and not _names_work(text, said, knows_work)
        )
        return Reading(Intent.OWNERSHIP, text, follow_up=follow)
    if knows_work is not None and knows_work(text):
        return Reading(Intent.OWNERSHIP, text)
    return Reading(Intent.OFF_TOPIC, text)


# Intents whose follow-ups ("and at 50 engineers?") stay on the same subject.
_TOPIC_FOLLOWED = ("concept", "compare", "combine")


def _names_work(text: str, said: str, knows_work: Callable[[str], bool] | None) -> bool:
    """Whether the message names a piece of work, not only the roles."""
    without_roles = _ROLE_WORDS.sub(" ", said)
    return knows_work is not None and knows_work(without_roles)


def _is_help(said: str, who: bool) -> bool:
    if _HELP.search(said) and not (who and not _ABOUT_THE_BOT_WHO.search(said)):
        return True
    if _ABOUT_THE_BOT.search(said) and _BOT_ITSELF.search(said):
        return True  # memory, privacy, scope, trust: about RoleFit whatever words it uses
    # A question about RoleFit itself rather than about product work.
    about_work = _PRODUCT_WORDS.search(_ROLE_WORDS.sub(" ", said))
    return bool(_ABOUT_THE_BOT.search(said) and _META.search(said)) and not (
        about_work or (who and not _ABOUT_THE_BOT_WHO.search(said))
    )


# A "why would a PM …" question is about a concept, not feedback on the last answer.
_CONCEPT_TOPIC = re.compile(r"^why (?:would|does|do|should) (?:a |the )?(?:pm|po|product)")


def _smalltalk(words: list[str], said: str, *, fuzzy: bool) -> str:
    """ "hello", "thanks" or "bye" when the message is only that; "" otherwise. Short messages
    in other languages or scripts with no product word count as a hello or a thank-you."""
    if not words:
        return "hello"
    for kind, vocabulary in (("thanks", _THANKS), ("bye", _BYE), ("hello", _HELLO)):
        if all(word in vocabulary for word in words) and (kind != "bye" or words[0] in _BYE):
            if kind == "thanks" and not any(w in _THANKS - _HELLO for w in words):
                continue
            return kind
    if fuzzy and len(words) <= 8 and not _PRODUCT_WORDS.search(said) and not _ASKS_WHO.search(said):
        if _FOREIGN_THANKS.search(said) or _BYE_PHRASES.search(said):
            return "thanks" if _FOREIGN_THANKS.search(said) else "bye"
        if _GREETING_PHRASES.search(said) or not re.search(r"[a-z]", said):
            return "hello"
    return ""


_FOREIGN_THANKS = re.compile(
    r"\b(?:thank\w*|thx|merci|dzi[eę]k\w*|danke|gracias|grazie|obrigad\w*|спасибо|"
    r"ありがとう|谢谢|tack|kiitos|dank je)"
)
_BYE_PHRASES = re.compile(r"\b(?:bye|good ?night|have a (?:good|nice|great) (?:one|day|weekend))")
_GREETING_PHRASES = re.compile(
    r"\b(?:hi|hey|hello|hiya|hallo|hola|bonjour|salut|ciao|guten (?:morgen|tag)|good "
    r"(?:morning|afternoon|evening)|nice to meet you|hope (?:your|you)|how are you|ça va|"
    r"привет|こんにちは|你好|namaste|yo)\b"
)


_WHO_DOES = re.compile(
    r"(?<!someone )(?<!somebody )(?<!person )(?<!anyone )(?<!one )(?<!people )"
    r"\bwho(?:'s| is)? (?!should (?:we|i) (?:hire|add|get|bring)|do (?:we|i) (?:hire|need|get)|"
    r"(?:is )?next\b|(?:to )?hire\b)[a-z]+"
)


def _is_hiring(said: str, words: list[str]) -> bool:
    if _WHO_DOES.search(said) and not _HIRE_STRONG.search(said):
        return False  # "who is doing the user story in our team, PM or PO?" asks about a task
    if (
        _ROLE_QUESTION.search(said)
        and _TEAM_STORY.search(said)
        and not _OWNERSHIP_WORDS.search(said)
    ):
        return True  # "we're 8 people, founders handle sales, devs need stories. who?"
    if re.match(r"who(?:'?s| is| are| does| do| approves?| handles?)?\b", said) and not re.search(
        r"\bwho (?:should|do|would|shall) (?:we|i) (?:hire|get|bring|recruit)", said
    ):
        return False  # "who is recruiting the designer?" asks about a task
    if _HIRE.search(said):
        return True
    # "PO or PM?" about the company itself ("we're a B2B SaaS"), not about a task.
    return bool(
        _PO_OR_PM.search(said)
        and _HIRE_CONTEXT.search(said)
        and "who" not in words
        and not _OWNERSHIP_WORDS.search(said)
    )


# A later hire after the one just advised ("once that person's in, who's next?").
NEXT_HIRE = re.compile(
    r"\bnext (?:hire|one|role)\b|\bonce (?:that person|they|she|he)\b|\blater\b|\bwhat then\b|"
    r"\bafter that\b|\bthen what\b"
)


def _continues_hiring(said: str, previous: Memory) -> bool:
    """A reply to RoleFit's question, or more facts about the same hire."""
    if previous.asked and previous.intent == "hire":
        return True
    return bool(NEXT_HIRE.search(said)) or bool(
        re.search(
            r"^(?:and |but |ok |what )?(?:if|what if)\b|\bsecond (?:hire|person)\b|"
            r"\bbudget for\b|\bafford\b|\bcontext\b",
            said,
        )
    )
