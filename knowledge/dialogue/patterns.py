"""The patterns `intents` reads messages with: how people ask for each intent, in the
words and shapes they use. Data, kept apart from the reading logic."""

from __future__ import annotations

import re

# Past this many words a message that mentions hiring is a hiring story, whatever else it says.
LONG_MESSAGE_WORDS = 25
ONE_FOR_BOTH = re.compile(
    r"\bboth hats\b|\bone (?:person|human|hire)\b[^.]*\bboth\b|\bone (?:'|\")?product "
    r"(?:lead|person|hire)\b[^.]*(?:\bboth\b|\band\b|[+&])|\bsame person\b|\bcan one person\b"
)
PRODUCT_WORDS = re.compile(
    r"\b(?:product|backlog|scrum|sprint|roadmap|market|strateg\w*|horizons?|stakeholders?|"
    r"customers?|requirements?|stor(?:y|ies)|goal|proposition|value|profiles?|web|suppliers?|"
    r"portfolio|gtm|go[- ]to[- ]market|pm|po|owner|manager|c-suite|competit\w*|analysis|"
    r"r&d|technolog\w*|business|agile|cross-functional|persona|positioning|margins?|ceo)\b"
)
# Slack markup, emoji codes and channel names ("#product" names a channel, not product work).
MARKUP = re.compile(r"<[^>]*>|:[a-z0-9_+'-]+:|#[\w-]+")
# A message in runs of Slack markup (`<…>`) and of the text between.
MARKUP_OR_TEXT = re.compile(r"<[^>]*>|[^<]+|<")
# "=" and "≠" stay: "PO = how, PM = why" sets the roles side by side.
NOT_WORDS = re.compile(r"[^\w\s&+/'?=≠-]")


def any_of(*patterns: str) -> re.Pattern[str]:
    """One pattern that matches where any of `patterns` does. The alternatives that begin at a
    word boundary share a single `\\b`, so the search tries them at the start of a word only,
    not at every character (several times faster on the long lists below)."""
    branches = [branch for pattern in patterns for branch in _alternatives(pattern)]
    at_word = [branch.removeprefix(r"\b") for branch in branches if branch.startswith(r"\b")]
    elsewhere = [branch for branch in branches if not branch.startswith(r"\b")]
    grouped = [rf"\b(?:{'|'.join(at_word)})"] if at_word else []
    return re.compile("|".join(grouped + elsewhere))


def _alternatives(pattern: str) -> list[str]:
    """`pattern` split at its top-level `|` (not inside a group or a character class)."""
    branches, start, depth, in_class, escaped = [], 0, 0, False, False
    for position, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:position])
            start = position + 1
    return [*branches, pattern[start:]]


PO = r"(?:po|pos|product owners?|p\.o\.|product ownership)"
PM = r"(?:pm|pms|product managers?|p\.m\.|product management)"
NAMES_PO = re.compile(rf"\b{PO}\b")
NAMES_PM = re.compile(rf"\b{PM}\b")
PO_OR_PM = re.compile(rf"\b{PO} or {PM}\b|\b{PM} or {PO}\b")
OWNERSHIP_WORDS = re.compile(r"\b(?:job|thing|task|duty|responsib\w*|owns?|owner of|in charge)\b")
BOTH_ROLES = re.compile(
    rf"(\b{PO}\b.*\b{PM}\b|\b{PM}\b.*\b{PO}\b|\bboth (?:roles|hats|jobs)\b|"
    r"\bthe two roles\b|\btwo roles\b|\bowner ?(?:/|&|and) ?manager\b|\bp-roles\b|\bthe two p\b|"
    # "Which role faces the market and which the team?" sets the two side by side unnamed.
    r"\bwhich (?:role|one|of (?:the two|them|these|the roles))\b.*\band which\b)"
)
# A role as a job title (not "product management", the whole field the article writes about),
# and "the other one": the role the previous answer did not name.
_TITLE_PO = r"(?:pos?|product owners?|p\.o\.)"
_TITLE_PM = r"(?:pms?|product managers?|p\.m\.)"
_ROLE_TITLE = rf"(?:{_TITLE_PO}|{_TITLE_PM})"
_OTHER = r"other (?:one|role|side|person|guy|hat)"
TITLE_PO = re.compile(rf"\b{_TITLE_PO}(?!\w)")
TITLE_PM = re.compile(rf"\b{_TITLE_PM}(?!\w)")
OTHER_ROLE = re.compile(rf"\b(?:the )?{_OTHER}\b")
# Words that ask what a role is, not about a piece of work: "explain the PO role".
ABOUT_A_ROLE = re.compile(
    r"\b(?:explain\w*|defin\w*|describ\w*|roles?|jobs?|titles?|positions?|mean\w*|"
    r"responsibilit\w*|duties|exactly|actually|really|anyway)\b"
)
# Asking what to do once advised: "so what do I do tomorrow?", "next steps?".
NEXT_STEPS = re.compile(
    r"\b(?:next steps?|what (?:do|should|can) (?:i|we) do (?:now|next|tomorrow|first|today)|"
    r"where do (?:i|we) (?:start|begin)|what now|how do (?:i|we) (?:start|begin|proceed)|"
    r"which (?:one|role|hire|of them) (?:first|should (?:i|we) hire first)|(?:who|which) (?:do|"
    r"should) (?:i|we) hire first|which (?:role|hire|one) should (?:i|we) (?:make|start) first)\b"
)
# A role's day, which says nothing of what work: "what does a PO do all day?".
DAY_IN_THE_LIFE = re.compile(
    r"\b(?:all day(?: long)?|day[- ]to[- ]day|(?:on|in) an? (?:typical|normal|average|usual) day|"
    r"(?:a |the )?typical day|daily|every day)\b"
)
# Asking to hear about something, which says nothing of what: "tell me about product owners".
ASKS_ABOUT = re.compile(
    r"\b(?:tell (?:me|us) (?:a bit |more |a little )?about|talk (?:me|us) through|more about|"
    r"(?:give|show) (?:me|us)|(?:an?|the|quick|short|brief) (?:overview|summary|rundown|lowdown|"
    r"intro|introduction) (?:of|on|to)|summari[sz]e|what'?s the deal with|(?:according to|in|per|"
    r"from) (?:the|this) article)\b"
)
_THE_ROLE = rf"(?:the |our |a |an )?(?:{_TITLE_PO}|{_TITLE_PM}|{_OTHER})(?:'s)?"
# Something said to come on top of what was said before: "I mean, we also have a PM".
ALSO = re.compile(r"\b(?:also|too|as well)\b", re.IGNORECASE)
# Both roles asked after, and nothing else, once one was advised: "so both?", "why not both?".
BOTH_ASKED = re.compile(
    r"^(?:(?:so|and|or|but|why not|what about|how about|hire|just)\s+)*both"
    r"(?:\s+(?:then|instead|roles))?\W*$"
)
# A role asked after, and nothing else: "and the PO?", "what about the other one?".
_NEXT_ROLE = (
    rf"^(?:(?:and|so|but|ok|okay|or|what about|how about|then),?\s+)*(?:for\s+)?{_THE_ROLE}"
    r"(?:\s+(?:then|too|instead|either))?\s*\??$"
)
NEXT_ROLE = re.compile(_NEXT_ROLE)
# A follow-up that asks only whether a role does the work just discussed: "and the PO?", "what
# about the other one?", "is that the PM's job?", "does the PO own it?". Not "what does the PO
# own?" (the role itself) nor "can the PO help?" (not whose work it is).
ROLE_FOLLOW_UP = re.compile(
    rf"{_NEXT_ROLE}|"
    r"^(?:(?:and|so|but)\s+)?(?:does|do|would|should|is|isn't|doesn't|will)\s+"
    rf"(?:(?:that|it|this)\s+)?(?:(?:on|for)\s+)?{_THE_ROLE}\s*"
    r"(?:own|owns|do|handle|handles|job|responsible for|accountable for|on)?\s*"
    r"(?:(?:it|that|this|job|too|then)\s*)*\??$"
)
ANY_ROLE = re.compile(rf"\b({PO}|{PM})\b|\bproduct (?:person|role|people|lead)\b")

HELLO = frozenset(
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
# Words that go with a thank-you ("thank you so much", "thanks a lot"): alone ("so?") they thank
# no one.
THANKS_FILLERS = frozenset(
    [
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
        "kind",
        "of",
        "many",
        "million",
    ]
)
THANKS = THANKS_FILLERS | frozenset(
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
        "great",
        "perfect",
        "nice",
        "cool",
        "awesome",
        "ok",
        "okay",
    ]
)
BYE = frozenset(
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

# A reaction in place of words: a thumbs up, thanks hands, a heart (as emoji or Slack codes,
# skin tones included).
THANKS_EMOJI = re.compile(
    r"(?:\s|[\U0001F44D\U0001F64F\U0001F64C\U0001F44C\U0001F389\u2705\u2764\uFE0F\U0001F4AF]|"
    r"[\U0001F3FB-\U0001F3FF]|:(?:\+1|thumbsup|pray|raised_hands|ok_hand|tada|"
    r"white_check_mark|heart|100)(?:::skin-tone-[2-6])?:)+"
)
# Thanks or an "ok" opening a message that goes on to ask something else ("thanks! also who
# runs retros?", "nice. what about release planning?"): `rest` is what is asked. The rest must
# open as a follow-up does, or be a question ending in "?" (not "what a lifesaver"), so "thanks
# for the help" stays thanks; the opening must hold THANKED (a thanks, or a mark after the
# "ok"), so "ok so which one…" is read whole.
ACKNOWLEDGED_THEN = re.compile(
    r"^(?:(?:ok(?:ay)?|k|cool|nice|great|perfect|awesome|brilliant|sweet|super|thanks|thank you|"
    r"thank u|thx|ty|tysm|cheers|got it|gotcha|makes sense|understood|noted|fair enough|"
    r"good to know|that'?s (?:a )?(?:nice|good|great|useful|helpful|interesting|fair|cool)"
    r"(?: (?:distinction|point|answer|one|question))?)(?: (?:so much|a lot|very much))?\b"
    r"[\s,!.;:\-\u2013\u2014]*)+"
    r"(?P<rest>(?:and|also|plus|btw|so|one more(?: thing| question)?|one last thing|"
    r"another (?:one|question)|what about|how about)\b.+|"
    r"(?:who|whose|what(?! an?\b)|which|how(?! (?:nice|cool|great|kind|helpful)\b)|why|when|"
    r"where|is|are|do|does|did|can|could|should|would|will)\b.*\?\W*)$",
    re.IGNORECASE | re.DOTALL,
)
THANKED = re.compile(
    r"\b(?:thanks|thank|thx|ty|tysm|cheers)\b|[,.!;:\-\u2013\u2014]", re.IGNORECASE
)
# An answer said not to help ("thanks but that did not help at all", "useless"): no thanks. Said
# of the answer itself, never of a role ("what if the PM won't help with the roadmap?").
_THE_ANSWER = r"(?:that|this|it|you|your answer|the answer)"
NOT_HELPFUL = any_of(
    rf"^(?:\w+,? )?(?:but )?(?:{_THE_ANSWER}(?:'?s| is| was)? )?(?:not|wasn'?t|isn'?t) "
    r"(?:very |really |at all )?(?:helpful|useful)\b",
    rf"\b{_THE_ANSWER} (?:did ?n[o']t|does ?n[o']t|didnt|doesnt|does not|did not) (?:really )?"
    r"(?:help|answer)",
    r"^(?:useless|unhelpful)\b|\b(?:useless|unhelpful) (?:answer|reply)\b|\bnot (?:really )?"
    r"what i (?:asked|meant|needed|wanted|was after)(?: tho| though)?\W*$",
    # said as the whole message, not before a question of its own
    r"\b(?:i'?m|im|i am) still (?:confused|lost|unsure|not sure)\W*$|"
    r"^(?:thanks|thank you|thx|cheers|ty)(?:,? but no|,? anyway)\W*$",
)
THANKS_FEEDBACK = any_of(
    r"^(?:ok(?:ay)?,? |oh,? |ah,? |great,? |perfect,? )?(?:thanks|thank you|thank u|thx|ty|tysm|"
    r"cheers|great thanks|perfect|makes sense|that (?:helps|helped|clears it up|makes sense)|"
    r"got it|gotcha|understood|clear|very clear|that'?s clear|helpful|super helpful|awesome|"
    r"brilliant|nice|great|good to know|noted|fair enough|ok(?:ay)? cool|super clear|"
    r"c'?est clair|merci|very helpful|much appreciated)\b",
    r"(?:that|this) (?:helps|helped|clears it up|was useful|is useful)\b",
    r"\b(?:thanks|thank you|thx|ty|cheers)\W*$",
)
HELP = any_of(
    r"^(?:help|halp|usage|commands?|menu|instructions|tutorial|getting started|manual|\?+)\b",
    r"^(?:help|halp)\W*$|\bhelp (?:pls|please|me out)\b|^can you help(?: me)?\W*$",
    r"\bi need help\W*$",
    r"what (?:\w+ )?(?:can|could|do) (?:you|rolefit|this bot|the bot) (?:\w+ )?(?:do|help|know|ans"
    r"wer|tell me about)\b",
    r"\b(?:not sure|no idea|don'?t know|explain|tell me|wondering) what you(?:'re| are)? (?:\w+ )?"
    r"(?:do|for|about)\b",
    r"\b(?:what'?s|what is|what are|which is|remind me of) the (?:\w+ )?commands?\b|\bslash comm"
    r"ands?\b|\bthe commands? (?:to|for)\b",
    # What RoleFit covers: "can you answer questions about salaries too, or just the roles?"
    r"\b(?:can|could|do|will) you (?:also |even |only |just )?(?:answer|cover|handle|talk about|"
    r"help with|do) (?:\w+ )?(?:questions |stuff |things )?(?:about|on)\b",
    r"what (?:kind of |sort of )?(?:things|stuff|questions) (?:can|could|should|do) (?:i|you) (?:a"
    r"sk|do|help)",
    r"what (?:kind of )?things (?:can )?you (?:can )?(?:do|help)",
    r"how (?:does|do) (?:this|it|rolefit|the bot|you) work",
    r"^how to use(?: (?:this|it|you|rolefit|the bot))?\W*$",
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
    r"\bwhat (?:else )?(?:can|could|should) i ask(?: you| rolefit| here)?\W*$",
    r"\b(?:get|make) the most (?:out )?of (?:you|rolefit|it)\b",
    r"\bwhat (?:this bot|the bot|rolefit|this app) (?:does|do|is for)\b",
)
# Asking how sure RoleFit is: "how confident are you (about that)?".
HOW_SURE_ASKED = r"how (?:sure|confident|certain) are (?:you|u)(?: (?:about|of) (?:that|this|it))?"
WHY = any_of(
    r"^(?:but |wait,? |so |hmm+,? |ok(?:ay)?,? |and |still confused,? )?(?:why|how come|how so)\b",
    r"^(?:but |so |ok(?:ay)?,? )?(?:explain|elaborate|tell me more|more detail|more info)",
    r"^(?:reasons?|source|sources|really|says who|based on what|on what basis)\W*$",
    # How sure RoleFit is of its last answer: "for sure?", "how confident are you?".
    r"^(?:(?:but|so|and|hmm+|ok(?:ay)?)[, ]+)?(?:for sure|certain|definitely|on paper|seriousl"
    rf"y|{HOW_SURE_ASKED}|is that (?:certain|definite|for sure))\W*$",
    r"what makes you (?:say|think)|can you (?:elaborate|explain|go deeper|say it)|could you (?:ela"
    r"borate|explain)",
    r"where does (?:it|the article) say|is that (?:in|from) the article|justify|go deeper|deeper o"
    r"n",
    r"more simply|simpler|plain(?:er)? (?:words|english)|reasoning|rationale|still confused",
    r"don'?t (?:get|understand)(?: it| that)?\W*$|say (?:it|that) again",
)
# Saying an answer is wrong, or doubting it, in so many words: pushback however it is read.
_SAYS_WRONG = (
    r"(?:that'?s|thats|this is|it'?s|that is) (?:wrong|not right|incorrect|not true|not how|bs|"
    r"nonsense)"
)
_DOUBTS = r"you'?re wrong|\bwrong\b|(?:are |^)you sure"
DISAGREE = any_of(
    _SAYS_WRONG,
    _DOUBTS + r"|\bno way\b|^nah\b|^no[,.! ]|^nope\b|^hmm+,? no\b",
    r"i'?d say",
    r"i (?:always )?thought|not how it works|disagree|doesn'?t sound right|don'?t think so|"
    r"i don'?t (?:think|agree|buy)|pretty sure (?:it'?s|that'?s)|^actually\b",
    r"in our (?:company|team|org)",
    r"we do it differently|in my experience|^but (?:our|my|the)\b|doubt (?:it|that)|not convinced",
    r"can'?t be right|doesn'?t (?:match|fit|apply)|don'?t even|not how we|\bhere\W*$",
    # Someone else's word against the answer ("our scrum master said otherwise", "isn't that
    # the PO, since…").
    r"\b(?:says?|said|think|thinks|thought) otherwise\b|\bisn'?t (?:that|it) (?:the|a|our) "
    r"(?:po|pm|product owner|product manager)\b|\b(?:coach|scrum master|cto|ceo|boss|manager|lead) "
    r"(?:says|said|thinks|disagrees)\b",
    r"\bour (?:pm|po|cto|ceo|cfo|qa|head|lead|marketing|sales)\b[^.]{0,30}\b(?:does|do|did|owns?|h"
    r"andles?)",
)
COMBINE = any_of(
    # "One person" as the head count ("we can hire one person") is no question of combining.
    r"(?<!hire )(?<!afford )(?<!budget for )(?<!room for )\bone person\b",
    r"\bsame (?:person|guy|people|human|individual)\b|\bboth hats\b|\btwo hats\b",
    r"\bwear (?:both|two)\b|\bdouble as\b|\bmerg\w*|\bcombin\w*|\bfold\b|\bhybrid\b|\bcombo\b",
    r"\bsplit\b(?! between)|\bseparate (?:the )?(?:people|persons|hires|jobs|roles|po|pm|product)",
    r"\bseparately\b",
    r"\bcovering\b|\bworkable\b|\bburn ?out\b|\bhold both\b|\bdo both\b|\bboth at once\b",
    r"\balso (?:be|take on|do|cover|act as|play)\b|\bcover both\b|\bbe both\b|\bpart[- ]time\b",
    r"\bboth (?:the )?(?:po and pm|pm and po|roles?|jobs?) (?:duties|work|at once)",
    r"\bone (?:product )?(?:person|lead|human|hire|guy) (?:covering|doing|for) both|\bdual role\b",
    r"\bsingle person\b|\btogether\b|\bbreaking down\b|\bgo(?:es)? against scrum\b",
    r"\bcan (?:a|the|my|our|one) (?:pm|po|product manager|product owner) (?:act as|be|play|take|"
    r"do|fill in|cover|step in)\b|\bdifferent (?:people|persons)\b|\bshare (?:the )?roles?\b",
    r"\bshould (?:they|those|these|the roles|the two) be (?:separate|different|split|two)",
    r"\b(?:at the )?same time\b|\bgleichzeitig\b",
    r"\bdouble[- ]?hat\w*|\bplaying (?:po|pm)\b|\bgrow into\b|\bone job\b|\bkeep doing\b",
    r"\bboth the (?:po|pm)\b|\bseparat\w+ (?:the )?(?:po|pm|roles|product)\b",
    r"\bone human\b|\bto be the (?:po|pm)\b",
    r"\balso (?:acts? as|the|is)\b|\bconsolidat\w*|\bone head\b|\bon the side\b|\bdual[- ]?role",
    r"\ba la vez\b|\ben même temps\b|\bal mismo tiempo\b|\bao mesmo tempo\b|\bmisma persona\b",
    r"\bseule personne\b|\bcover (?:\w+ ){0,3}both\b|\bhandle both\b|\b(?:po|pm) title\b",
    r"\bsingle job description\b|\bowner ?& ?manager\b|\btake on\b|\b(?:be|as) one (?:role|job)\b",
    r"\bdoes it break scrum\b|\bbreak scrum\b|\bscrum guide allow\b|\bkeep (?:\w+ ){0,5}(?:separ"
    r"ate|apart)\b",
)
# Cues that combine the roles only when no piece of work is named: "does the PO do it too?"
# and "both roles translate needs into requirements, right?" ask who does that work.
COMBINE_UNLESS_WORK = any_of(
    r"\btoo\W*$|\btoo\b(?=.*\b(?:po|pm)\b)|\bas well\b|\bis both\b|\balso owns?\b",
    r"\bone ['\"]?product person\b|\bboth roles\b",
)
# Splitting or merging the product role, whether or not the roles are named.
SPLITS_ROLE = any_of(
    r"\bsplit\w* (?:up )?(?:the |our |her |his |their |this |that |my )?(?:\w+(?:'s)? ){0,2}(?:role"
    r"|job|position)s? (?:in two|into)\b|\bsplit\w* (?:the|our) (?:product )?roles?\b",
    r"\bseparat\w* (?:the )?(?:product )?roles\b|\b(?:one|a single) (?:role|person|job) or two\b",
    r"^(?:so |then |ok )?(?:should|can|could) we (?:combine|merge|split) them\b",
    r"\bsame (?:guy|person|human|individual)\b.*\bdifferent (?:people|persons)\b",
)
# One role stretched over the other's work, said outright.
ROLE_STRETCHED = re.compile(
    r"\bsplit (?:up )?(?:the|her|his|their|our|this|that|my) (?:role|job|position)s?\b|"
    r"\b(?:fold|add|merge|bolt|absorb) (?:\w+ ){0,4}(?:into|to|onto) (?:her|his|their|the|our) "
    r"(?:role|job|plate)\b"
)
# Taking on more work, and asking whether that can work: together, combining the roles.
STRETCH = re.compile(
    r"\b(?:too|also|as well|on top|in addition|take on|takes on|taking on|take over|takes over|"
    r"pick up|absorb)\b"
)
# Whether stretching a role works out, in the words people ask it with.
WORKS_OUT = re.compile(
    r"\b(?:allow\w*|is it (?:ok|okay|fine)|wise|realistic\w*|unrealistic|reasonable|workable|"
    r"doable|feasible|normal|sustainable|trouble|burn ?out|burning out|too much|good idea|"
    r"bad idea|risky|recipe for|red flag|anti-?pattern|(?:break|against) scrum|any reason not)\b"
)
# The same, or only asking whether it can be done ("can", "should").
FEASIBLE = re.compile(
    r"\b(?:can|could|should|would|may|might|ok|okay|fine|possible|makes? sense)\b|"
    + WORKS_OUT.pattern
)
_DIFFERENCE = r"\bdifferen\w*|\bdiffer\b|\bdiff\b|\bvs\.?\b|\bversus\b|\bcompar\w*|\bcontrast\b"
COMPARE = any_of(
    _DIFFERENCE,
    r"\bside by side\b|\bsame thing\b|\bsame (?:job|role)\b|\binterchangeab\w*|\bdistinguish\w*",
    r"\bseparates?\b|\bscope\b|\bfocus on\b|\bscrum name for\b",
    r"\bjust (?:a|the) (?:scrum|fancy|agile)\b",
    r"\bwhat does (?:a|the) (?:pm|po|product \w+) do that\b|\bhow do they\b|\bsimilar\b",
    r"\boverlap\w*",
    r"\bmore senior\b|\bseniority\b|\bhigher\b|\bthe boss\b|\bwhat'?s the deal\b|\bhow are they\b",
    r"\bexplain (?:the )?(?:two|both|these) roles\b|\bis there (?:a|any) difference\b|\bconfus\w*",
    r"\bmix (?:them )?up\b|\bwhich is which\b|\btell (?:\w+ ){0,5}apart\b|\bin a nutshell\b",
    r"\btl;?dr\b",
    r"\bmean by\b|\bis not a\b|\bisn'?t a\b|\bidentical\b|\bone-liners?\b|\beach\b|\bsit under\b",
    r"\bnext to\b|\bstrategic\b|\btactical\b|\bfaces?\b|\bwhich\b.*\band which\b",
    r"\bwho does what\b|\bwho'?s who\b|≠|\b(?:split|divided|shared) between\b",
    rf"\bthat (?:a|an|the) (?:{PO}|{PM}) (?:has|does|doesn'?t|hasn'?t|has not|does not)\b",
    r"\bmixing up\b|\bscrum thing\b|\bbusiness thing\b|\bjunior\b|\bdifférence\b|\bunterschied\b",
    r"違い|=|\bwhat agile shops call\b|\bjust what\b|\banalogy\b|\bwhich of the two is\b",
    r"\bboss\b|\bpromotion\b|\bcertificat\w*|\boversimplif\w*|\bsimplistic\b",
    r"\bright,? or (?:is|am|are|not|wrong)\b",
    r"\bmore (?:business|tech\w*|strategic)\b|\bin one (?:tweet|line|sentence)\b|\bdiferen\w*",
    r"\bexplain like\b|\beli5\b|\breports? to\b|\bwhat separates\b",
)
_ADVERT = r"(?:ad|advert|listing|posting|opening|vacancy|req|position)"
HIRE = any_of(
    r"(?<!new )(?<!the )\bhir(?:e|es|ed|ing)\b(?! (?:paperwork|onboarding|laptops?))",
    r"\brecruit\w*|\bheadcount\b|\btitle\b|\bjd\b|\bjob (?:description|ad|post\w*|spec)\b",
    r"\bfirst product\b|\bnext hire\b|\bproduct hire\b|\bnext (?:product )?(?:person|role)\b",
    r"\bwhat role (?:do|should|to)\b|\bwhat (?:should|do) (?:i|we) (?:get|hire|look for)\b",
    r"\bwhich product role (?:should|do) (?:we|i)\b|\bdo (?:we|i) need (?:a|an|both)\b",
    r"\bneed (?:a |an )?(?:po|pm|product (?:owner|manager|person|help|lead))\b",
    r"\bneeds? (?:someone|somebody|a person|people|product help)\b|\bbring (?:in|on)\b",
    r"\b(?:add|get) (?:a|an) (?:po|pm)\b|\bthe right hire\b|\bbudget for\b|\bwhat titles?\b",
    r"\bwho do (?:we|i) (?:hire|get|need)\b|\bwho should (?:we|i) (?:hire|get|bring)\b",
    rf"\b{PO} or {PM} for (?:a|an|our|my|the)\b|\b{PM} or {PO} for (?:a|an|our|my|the)\b",
    r"\bproduct leadership\b|\bseparate people\b|\breplac\w+ (?:her|him|them|our|the)\b",
    r"\bbrauche\b|\bfunding for\b|\bcan afford\b|\bopen (?:a |an |the )?(?:\w+ )?reqs?\b|\ba req\b",
    r"\bcontrat\w*|\beinstellen\b|\bembaucher\b",
    r"\b(?:hires?|reqs?|headcount|roles?|positions?) (?:was |were |is |are |got |been )?approved\b",
    r"\bbackfill\w*|\bwhat should each role be\b",
    r"\b(?:which|what) (?:product )?(?:role|person|hire) (?:do |should )?(?:we|i) "
    r"(?:need|get|hire)\b",
    # "should the ad be for a PO, a PM or both?": the role a job advert is for
    # (not "is the ad for the PM to sign off?", work given to a role)
    rf"\b(?:{_ADVERT}(?: \w+){{0,3}} (?:be|is)|(?:is|are|should) (?:the|our|this|that) "
    rf"{_ADVERT}(?: \w+){{0,3}}?(?: be)?) for (?:a |an )?(?:{_TITLE_PO}|{_TITLE_PM})(?!\w)"
    r"(?! to\b)",
    # "is the opening a PO or a PM role?"
    rf"\b{_ADVERT} (?:be |is )?(?:a |an )(?:{_TITLE_PO}|{_TITLE_PM}) or (?:a |an )?"
    rf"(?:{_TITLE_PO}|{_TITLE_PM})\b",
)
# A pushback that corrects what was asked, before the work it meant ("no, I meant legal review",
# "sorry, I was asking about the launch plan"). A claim with a reason ("I thought the PM talks to
# customers, so…") is pushback on the answer, not a new question.
MEANT = re.compile(
    r"^\W*(?:(?:no|nope|nah|hmm|wait|oh|ah|oops|sorry|my bad|actually|ok|okay|not that(?: one)?|"
    r"(?:that'?s )?not what i (?:asked|meant))\b\W*|not [^,;.?!]{1,40}[,;]\s*)*"
    r"(?:i meant|i mean|meant|i was (?:asking|talking) about|i'?m (?:asking|talking) about)\b\W*",
    re.IGNORECASE,
)
# A correction that opens with what was not meant, in at most three words: "not the backlog,
# the budget" (a correction only where the rest names work RoleFit places).
NOT_THIS_BUT = re.compile(
    r"^\W*(?:(?:no|nope|nah)\W+)?not (?:the |a |an |our )?(?:\w+ ){0,2}\w+[,;]\s*(?:but |rather )?",
    re.IGNORECASE,
)
# A short correction naming what was meant, then what was not: "sorry — budget, not backlog".
MEANT_NOT_THAT = re.compile(
    r"^\W*(?:(?:sorry|oops|no|nope|wait|actually|my bad)\W+)*([^,;.?!—]{1,40}?)\s*(?:[,;—]|\s-)\s*"
    r"not (?:the )?[^,;.?!]{1,40}\W*$",
    re.IGNORECASE,
)
# What a correction says was not meant, at its end: "I meant the product roadmap, not the tech
# one", "pricing rather than suppliers".
NOT_MEANT = re.compile(
    r"(?:,|;|\s-)?\s+(?:not|rather than|instead of)\s+[^,;.?!]+\W*$", re.IGNORECASE
)
# "What's the difference?" asked of nothing else: between the two roles RoleFit is about.
BARE_DIFFERENCE = re.compile(
    r"^(?:so |ok |okay |and |but |wait )?(?:what'?s|what is|whats) the (?:real |actual |main )?"
    r"difference(?: (?:first|again|exactly|then|tho|though|anyway))?\W*$"
)
# A sentence that asks who does something, at the start of the message or after another one.
WHO_ASKED_ANEW = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:so|and|but|ok|then),?\s+)?who(?:'s|s|se)?\s+\w+", re.IGNORECASE
)
# A role, or a hire, named in the clause that asks: the question is about the roles.
ROLE_OR_HIRE = re.compile(rf"\b(?:roles?|{_TITLE_PO}|{_TITLE_PM}|hires?|hiring)(?!\w)")
# Asking for a role or person, which makes "what's the role that…" an ownership question.
ASKS_WHO = re.compile(r"\b(?:who|whose|whos|who's)\b|\brole that\b|\bw(?:h)?ich role\b")
PRONOUN = re.compile(r"\b(?:it|them|that|those|this|these|they)\b")
ROLE_WORDS = re.compile(
    r"\b(?:product owners?|product managers?|po|pm|pos|pms|roles?|junior|senior|the two|each)\b"
)
ABOUT_THE_BOT = re.compile(
    r"\b(?:you|your|yourself|u|rolefit|this bot|the bot|this app|this thing|this tool|ce bot|"
    r"here|i type|i tell)\b"
)
ABOUT_THE_BOT_WHO = re.compile(
    r"\bwho (?:are you|built|made|maintains|created|runs|owns|wrote) "
    r"(?:you|this bot|the bot|this app|rolefit|it)\b|\bwho are you\b"
)
BOT_ITSELF = re.compile(
    r"\b(?:remember\w*|history|private|privacy|stored?|storing|reading what|see (?:them|what|my)|"
    r"reset (?:our|the|this) chat|trust (?:your|you)|reliable|your limits|limitations|scope of|"
    r"documentation|docs|sample prompts?|get started|slash command|blank slate|only (?:about|po|pm|"
    r"product)|anything (?:else|about)|how does this thing work|utiliser ce bot|the bot itself)\b"
)
META = re.compile(
    r"\b(?:commands?|topics?|cover|know (?:about|anything|everything|much)|answer\w*|based on|"
    r"info\w*|sources?|built|made|maintains?|purpose|languages?|mention|dm|channels?|tour|"
    r"bot or a person|a person|human|"
    r"ask you|use you|talk to you|options|features|capabilit\w*|examples?|understand|tips?|"
    r"best answers|first|only answer|how (?:do|does) (?:it|this|you) work|what is this|"
    r"what are you)\b"
)
# "Who" questions that are not about anyone's work.
OFF_TOPIC_WHO = re.compile(
    r"\bwho(?:'s| is)? (?:won|wins|will win|going to win|gonna win|scored|invented|sang|"
    r"directed|wrote the|is the (?:president|king|queen|prime minister))\b"
)
ROLE_QUESTION = re.compile(
    rf"(?:\b{PO}\b|\b{PM}\b)[^.?]*\bor\b[^.?]*(?:\b{PO}\b|\b{PM}\b|\bboth\b)|"
    r"\b(?:who|which one|which role|what role|what title|title|which roles|what roles|which type|"
    r"what type|who'?s next|who should we add|what do we call them|whom|which product role|"
    r"(?:what'?s|what is|which is) (?:that|this|the) role|which role is (?:that|this|it))\W*$|"
    r"\bwhich (?:one|role) first\b|\bwho (?:should|do) (?:we|i) (?:add|get|hire|bring)\b|"
    r"\b(?:po|pm) oder (?:po|pm)\b|\bgo\W*$"
)
# Telling about one's own company, which makes "which role?" a hiring question. "Our market"
# or "our app" names work, not the team; "reqs" are requirements unless they are open.
TEAM_STORY = re.compile(
    r"\b(?:we|we'?re|us|my (?:ceo|company|team|startup|cto|cofounder)|i'?m (?:a|an|the)|"
    r"our (?:\w+ )?(?:team|company|startup|org\w*|devs?|developers|engineers|engineering|ceo|cto|"
    r"cpo|founders?|cofounder|agency|business|budget|headcount|squad|marketplace|saas)|"
    r"i \(founder\)|somos|wir|nous|company|startup|headcount|funding|open reqs?|a req|founders?|"
    r"pre-seed|seed|series [a-e])\b"
)
HIRING_VERBS = (
    r"(?:hire|add|get|bring|recruit|need(?! to)|look for|replace \w+ with|staff|open|go for|pick)"
)
# Asking whom to hire, in the shapes people ask it: "who should we add?", "which hires?", "what
# should they be?", "which one do we need?".
HIRE_ASK = any_of(
    # (of a kind too, of a hire: "what kind should we get?", "what type of product person do we
    # need?"; not "what kind of backlog tool should we get?")
    r"\b(?:who|whom|(?:what|which)(?:(?: \w+)? (?:one|role|roles|hire|hires|person|people|"
    r"titles?|(?:type|kind|sort)(?: of (?:(?:a|an|the) )?(?:product |senior |junior )?(?:person|"
    r"people|hire|role|profile|pm|po|manager|owner|candidate|background))?)s?)?) "
    rf"(?:do|should|would|shall|can|must) (?:we|i) (?:\w+ )?{HIRING_VERBS}\b",
    r"\bwhich (?:\w+ )?(?:one|role|roles|person|people|type|kind) (?:we|i) (?:\w+ )?(?:need|hire|"
    r"should hire)\b",
    r"\b(?:which|what) (?:\w+ )?(?:role|hire|one|person) (?:should )?(?:comes?|goes?|be) first\b",
    r"\bwho (?:should|would|will) be (?:our|the|my) (?:first|next)\b",
    r"\bwhich (?:two )?hires?\b|\bwhich two roles\b|\b(?:right|correct|best) titles?\b",
    r"\b(?:who|what) should (?:they|these|those|the two|the hires?|it|that person|this person|"
    r"the new one) be\b",
    # "do we need another PM?": one more person in a role
    rf"\b(?:do|should|would) (?:we|i) (?:\w+ )?(?:need|get|add) (?:another|a second|one more) "
    rf"(?:{_TITLE_PO}|{_TITLE_PM}|product (?:person|hire))\b",
    # "should it be a second PM instead?": the hire asked about
    rf"\bshould (?:it|that|the hire|the (?:first|next) hire|they) be (?:a |an |the )?(?:second |"
    rf"another |other )?(?:{_TITLE_PO}|{_TITLE_PM})\b(?!'|(?: (?:job|task|work|thing|call|area|"
    r"responsibility|remit)))",
)
# Asking whether a named role does the work described: an ownership question, even after "we
# need someone to…", unless hiring is said outright.
# Whether one named role owns some work, asked or claimed plainly, to be answered yes or no
# first: "does the PO own the backlog?", "is pricing the PO's job?", "is the backlog owned by
# the PM?", "is the PO responsible for sprints?", "the PM writes user stories, right?", "PM owns
# pricing?" (`ROLE_CHECKED` names the shapes; `NOT_A_PLAIN_CHECK` rules out what a yes or no
# would misread). Read from a normalised message: no commas, lower case.
_OPENING = (
    r"^(?:(?:so|and|but|also|ok|okay|wait|hmm|um|uh|hey|hi|hello|yo|rolefit|quick q|q|"
    r"quick question|question)\s+)*"
)
_A_ROLE = rf"(?:the |our |a |an )?(?:{_TITLE_PO}|{_TITLE_PM})"
# What owning work is said with: not "does the PM need / know / like …", which ask of the role.
_OWNING = (
    r"(?:own|owns|do|handle|run|write|decide|set|plan|lead|drive|take|prioriti[sz]e|order|"
    r"groom|refine|negotiate|research|analy[sz]e|define|create|make|manage|maintain|track|"
    r"build|look after|take care of|deal with|cover|care (?:for|about)|go to|visit|meet|"
    r"travel|talk to|speak to|present|sell|pitch|price|ship|launch|report)"
)
ROLE_CHECKED = re.compile(
    rf"{_OPENING}(?:does|do|should|would|will|can)\s+{_A_ROLE}\s+{_OWNING}\b|"
    # "is pricing the PO's (job)?", "is the backlog owned by the PM?", "is pricing on the PM?"
    rf"{_OPENING}is\s+\S.*\s{_A_ROLE}(?:(?:'s|s)?\s+(?:job|work|responsibility|task|call|area|"
    r"remit|thing)|'s)\s*\?*$|"
    rf"{_OPENING}is\s+\S.*\s(?:(?:owned|done|handled|run|decided|set|written|managed|led|"
    rf"driven|covered|planned|taken care of) by|on|up to)\s+{_A_ROLE}\s*\?*$|"
    rf"{_OPENING}is\s+{_A_ROLE}\s+(?:responsible|accountable|in charge)\s+(?:for|of)\b|"
    rf"{_OPENING}{_A_ROLE}\s+[a-z].*\s(?:right|correct|yes|yeah|yep|true|ok|okay|agreed?)\s*\?+\s*$|"
    rf"{_OPENING}{_A_ROLE}\s+(?:{_OWNING}s?|does|is responsible for)\s+\S.*\?\s*$"
)
# A role as the one who hires: "does the PM hire engineers?", "is the PO the one who recruits?",
# "is hiring part of the PM role?" ask about the role's work, not whom to hire (hiring as a noun,
# "does a PM hire make sense?", "should a PM hire be technical?", is not).
_HIRING_WORK = r"(?:hir(?:e|es|ing)|recruit\w*|interview\w*|onboard\w*)"
ROLE_HIRES = re.compile(
    rf"\b(?:does|do|can|could|will|would|should|may|must)\s+{_A_ROLE}\s+(?:\w+\s+)?"
    r"(?:hire|recruit|interview)\b(?!\s+(?:make|makes|come|comes|need|needs|cost|costs|help|"
    r"helps|matter|matters|be|is|worth|work|works|pay|pays|fit|fits|sense|first|now|or)\b)|"
    rf"\b{_A_ROLE}\s+(?:the (?:one|person) )?(?:who|that)\s+(?:hires|recruits|interviews|"
    r"does the (?:hiring|recruiting|interviewing))\b|"
    rf"\b{_HIRING_WORK}\s+(?:\w+\s+)?(?:part of|in|within|on)\s+{_A_ROLE}(?:'?s)?\s*(?:role|job|"
    r"remit|plate)?\b|"
    rf"\b{_A_ROLE}\s+(?:be|get|stay)\s+involved\s+in\s+(?:the\s+)?{_HIRING_WORK}"
)
# Which role ranks higher, who reports to whom or manages whom: the article never says. A role
# reporting to a person, not reporting on work: "does the PM report to the CEO?".
_ROLE = rf"(?:{_A_ROLE}|they|she|he)"
_A_ROLE_ALONE = rf"{_A_ROLE}(?!'|\w)"
_SUPERIOR = (
    r"(?:the |a |an |our |their )?(?:ceo|cto|cfo|coo|cpo|cmo|vps?|vice president|head of \w+|"
    rf"directors?|founders?|c-suite|execs?|executives?|managers?|boss|engineering manager|{PO}|"
    rf"{PM})\b(?!\s+(?:on|about|with|regarding|every|each|weekly|monthly|quarterly)\b)"
)
ASKS_RANK = re.compile(
    r"\b(?:more senior|(?:more|higher|greater) seniority|senior to|junior to|more junior|outranks?|"
    r"ranks? (?:higher|above)|higher (?:up|ranked)|superior to|take orders from|reporting lines?|"
    r"reports? to whom|an? exec(?:utive)? (?:role|position)|exec(?:utive)?-level|promotion from|"
    r"junior (?:pm|po|product manager|product owner|version)|(?:has|have|gets?) the (?:final|last) "
    r"(?:say|word)(?! (?:on|over|about|for|in) )|tie-?break\w*)\b|"
    r"\b(?:who|which(?: one| role)?)(?:'s| is) (?:better|more important|the better (?:one|role))\b|"
    rf"\b{_ROLE}\s+(?:\w+\s+)?reports?\s+(?:in)?to\s+{_SUPERIOR}|"
    rf"\bwho\s+(?:does|do|should|would|will|must|shall)\s+{_A_ROLE}\s+report\b|"
    rf"\b(?:{_TITLE_PO}|{_TITLE_PM})'?s\s+(?:line\s+)?(?:manager|boss)\b|"
    rf"\bwho'?s\s+their\s+(?:manager|boss)\b|\bboss\s+of\s+{_A_ROLE_ALONE}|"
    r"\bboss of (?:the )?(?:engineers|engineering|devs|developers|dev team|scrum team|team)\b|"
    rf"\bmanages?\s+{_A_ROLE}(?:\s+directly)?\s*\?*$|\b(?:above|below)\s+{_A_ROLE_ALONE}|"
    rf"\b(?:is|are)\s+{_A_ROLE}\s+under\s+{_A_ROLE_ALONE}|"
    rf"\b(?:is|are)\s+{_A_ROLE}\s+(?:\w+\s+)?(?:an?\s+(?:vp|exec|executive|director)|c-level)\b|"
    r"\blike an? vp\b"
)
# The difference asked for in so many words ("so both? then what's the difference").
ASKS_DIFFERENCE = re.compile(_DIFFERENCE)
# The article's own example or its author, which only a concept explains ("what did the author
# do in the $250M company example?" is no hiring story).
OF_THE_ARTICLE = re.compile(
    r"\b(?:the article'?s author|the author(?! of)|author'?s|"
    r"(?:the|that) (?:\S+ ){0,3}(?:example|case study))\b(?!:)"
)
# Asking which things of a kind the article names ("what misconceptions does the article
# mention?", "which mistakes does it point out?"): a question of the article's own ideas.
KINDS_IN_THE_ARTICLE = re.compile(
    r"^(?:so |and |ok |okay )?(?:what|which) (?:\w+ ){1,3}(?:does|did|do) (?:the|this|that|your) "
    r"(?:article|piece|post|author) (?:mention|name|list|discuss|describe|cover|talk about|point "
    r"out|bring up|clear up|warn about)\b"
)
# Asking for the article in short, of nothing else: "tl;dr", "summary please", "give me a
# summary of the article" (a summary of anything else is no question of the article's).
ASKS_SUMMARY = re.compile(
    r"^(?:hey |so |ok |okay )?(?:(?:can|could|would) you |just |please |pls )?(?:give me |gimme "
    r"|send me |i'?d like |i want |what'?s )?(?:a |an |the |your )?(?:quick |short |brief |one[- "
    r"]line )?(?:tl ?dr|tldr|summary|summari[sz]e(?: it)?|sum (?:it |this )?up|recap|gist|short "
    r"version|key (?:points|takeaways?)|main (?:points?|idea|message|takeaway)|big idea)"
    r"(?: of (?:the|this|that|your) (?:article|piece|"
    r"post|source|text))?(?: please| pls| thanks)?\W*$"
)
# Whether the answer changes for a company of another size: "what about a 50-person company?",
# "and for a big company?".
ASKS_SIZE = re.compile(
    r"^(?:and |so |ok |okay |but |hmm )?(?:what|how) about (?:for |in |at |with )?(?:a |an |our |"
    r"the )?(?:\d+|small|smaller|big|bigger|large|larger|tiny|huge|mid-?size\w*)(?:[- ](?:person|"
    r"people|employee|staff|man))?s? (?:company|companies|startups?|teams?|orgs?|organi[sz]ations?|"
    r"business(?:es)?|firms?|scale-?ups?|enterprises?)\b[^?]{0,20}\?*$|"
    # "what if we grow to 50 ppl": the company's size supposed, not growth work
    r"^(?:and |so |ok |okay |but |hmm )?(?:what|how about) if (?:we|i|the company|our company|our "
    r"team) (?:grow|grows|grew|scale|scales|scaled|get|got|double|doubled|reach|hit|expand|"
    r"expanded)(?: up)?(?: to)? (?:a |an )?(?:\d+|a hundred|hundreds of|a few hundred)"
    r"(?:[- ](?:person|people|employee|staff)(?: company| startup| team| org)?|"
    r" (?:people|persons|employees|staff|heads|folks))"
    r"(?: (?:next year|this year|soon|by next year))?\W*$"
)
# Asking where the article says what RoleFit just said: "quote the article", "where exactly
# does it say that?", "source?", "who said that?".
# The end of a question asked on its own, or before "quote it" ("where does it say that? quote
# it."): nothing else is asked beside it.
_ASKED_ALONE = (
    r"(?=\W*(?:(?:please |pls |and |can you |could you )?(?:quote|cite) (?:it|that|the article|"
    r"them|me|the line)\W*)?$)"
)
ASKS_SOURCE = re.compile(
    r"^(?:(?:and|so|ok|okay|but|hmm|can you|could you|please|pls|then|really)[ ,]+)*"
    r"(?:quote (?:the article|it|that|me|them)|cite (?:it|that|the article|them)|"
    r"(?:where|which part|what part|which section|what section|which line)(?: exactly)? "
    r"(?:of the article |in the article )?(?:does|did|do) (?:it|the article|they|you) "
    rf"(?:say|mention|state|talk about|write)(?: (?:that|this|it|so))?{_ASKED_ALONE}|"
    r"(?:what'?s|what is|what are) (?:your|the) sources?(?: for (?:that|this|it))?"
    rf"{_ASKED_ALONE}|sources?{_ASKED_ALONE}|"
    r"where (?:is|does) (?:that|it|this)(?: distinction| idea)? (?:come )?from"
    rf"{_ASKED_ALONE}|where in the article(?: (?:is (?:that|it|this)|does it say (?:that|so)))?"
    rf"{_ASKED_ALONE}|"
    r"(?:which|what) (?:section|part|paragraph)(?: of the article| is (?:that|it) (?:in|from))?"
    rf"{_ASKED_ALONE}|"
    r"show me (?:the |that |where )?(?:exact |actual )?(?:sentence|quote|line|passage|words|part|"
    r"it says|in the article)|(?:the |an )?exact (?:sentence|quote|words|line)|says who|"
    rf"who (?:said|says|claims|claimed) (?:that|this|so|it){_ASKED_ALONE})\b"
)
# Asking whether the article itself says what RoleFit just said, or names some work: "is that in
# the article?", "the article mentions pricing?", "so you made that up?". `work` is the work
# asked about, if named.
ASKS_IF_IN_ARTICLE = re.compile(
    r"^(?:(?:and|so|ok|okay|but|hmm|wait|really|seriously|are you sure)[ ,?!.]+)*(?:"
    r"(?:does|did|is) (?:the article|it|the author) (?:really |actually |even )?(?P<verb>say|"
    r"mention|name|cover|talk about|list|discuss)(?P<openly> anything about)?"
    r"(?P<work>(?: [^?]*)?)"
    r"|(?:is|was) (?:that|this|it|your answer|that answer) (?:really |actually )?(?:in|from|"
    r"said in|named in|mentioned in|based on) the article"
    r"(?P<or_mine> or (?:is (?:that|it) |was (?:that|it) |just )?(?:your (?:own )?(?:opinion|view|"
    r"take|idea|guess|interpretation)|(?:did )?you (?:make|made) (?:it|that) up|(?:are )?you "
    r"guessing|(?:an? )?(?:guess|inference)|made up|something else))?"
    r"|the article (?:really |actually )?(?:says (?:that|this|it|so)|(?:mentions|names|covers|"
    r"talks about) (?P<claim>[\w&-]+(?: [\w&-]+){0,4}))(?=\?)"
    r"|(?P<either>(?:is|was) (?:that|this|it) (?:just )?(?:your (?:own )?(?:opinion|view|take|"
    r"interpretation|reading)|you) or (?:the article'?s?|(?:from |in )?the article|what the "
    r"article says)(?: opinion| view)?)"
    r"|(?P<made_up>(?:did|do) you (?:just )?make (?:that|it|this) up|you (?:just )?made (?:that|"
    r"it|this) up|you(?:'re| are) (?:just )?making (?:that|it|this|all this|this all|these) up|"
    r"(?:is|was) (?:that|this|it) (?:just )?your (?:own )?(?:opinion|view|take|guess|"
    r"interpretation))"
    r")\W*$",
    re.IGNORECASE,
)
# A claim about what the article says, for RoleFit to check: "the article says startups should
# always hire a PM first, right?".
ARTICLE_CLAIM = re.compile(
    r"^(?:so |and |but |ok |okay )?(?:the article|the author|it) (?:says|said|claims|argues|"
    r"recommends|suggests|thinks)\b[^?]*(?:\?|\b(?:right|yeah|yes|correct|true|no))\W*$"
)
# Whether a role is Scrum's: "is the product owner a scrum role?", "is the PM part of scrum?".
ROLE_OF_SCRUM = re.compile(
    r"^\W*(?:(?:so|and|but|wait|ok|okay)\s+)*(?:is|isn'?t|are|aren'?t) (?:the |a |an )?"
    rf"(?P<role>{_TITLE_PO}|{_TITLE_PM}) (?:(?:a|an|really|actually|just|only|also) )*"
    r"(?:(?:scrum|agile)(?:[- ]specific|[- ]only)? (?:role|thing|position|job|title|"
    r"accountability)|(?:part of|from|in) (?:the )?scrum)(?=\W*$)|"
    # "does the PM belong to scrum?", "is the PM role from scrum?"
    r"^\W*(?:(?:so|and|but)\s+)*(?:does|do|is) (?:the |a |an )?"
    rf"(?P<belongs>{_TITLE_PO}|{_TITLE_PM})(?: role)? (?:belong to|come from|from|part of) scrum"
    r"(?=\W*$)"
)
# Who wrote the article: "who wrote this article?", "who's the author?".
ASKS_AUTHOR = re.compile(
    r"\bwho (?:wrote|authored|writes|penned) (?:this|the|that) (?:article|piece|post|text)\b|"
    r"\bwho(?:'s| is| was) the (?:article'?s )?(?:author|writer)\b|"
    r"\bwho(?:'s| is| was) the (?:author|writer) of (?:this|the|that) (?:article|piece|post)\b"
)
# Asking for a real case of the advice at work: "is there any example of this working?".
ASKS_EXAMPLE = re.compile(
    r"\bexamples? of (?:this|that|it|hiring|a pm|a product manager)\b[^?.]{0,30}"
    r"\b(?:work\w*|help\w*|succe\w*|right)|\b(?:a |any )?real(?:[- ]world| life)? examples?\b|"
    r"\b(?:is there|are there|got|any) (?:an? |any )?(?:examples?|case stud(?:y|ies))\W*$|"
    r"\bwhat (?:examples?|case stud(?:y|ies)) (?:does|did) (?:the article|it|the author) (?:give|"
    r"use|offer|have)\b"
)
# Whether a Scrum Master is needed too, which the article never mentions.
ASKS_SCRUM_MASTER = re.compile(
    r"\b(?:do|should|would|must|will) (?:we|i|you|they) (?:also |still )?(?:need|hire|get|have)\b"
    r"[^.?!]{0,30}\bscrum masters?\b|"
    r"\bscrum masters?\b (?:as well|too|also|instead)\W*$|"
    # "what about a scrum master?", asked on its own
    r"^(?:(?:and|so|but|ok|okay)\s+)?(?:what|how) about (?:a |the |our )?scrum masters?\W*$"
)
# A role set against a Scrum Master: "what's the difference between a PO and a scrum master?".
_SET_AGAINST = (
    r"(?: role)? (?:vs\.?|versus|or|compared (?:to|with)|(?:is )?differ(?:ent|s)? from) "
    r"(?:a |the )?"
)
SCRUM_MASTER_COMPARED = re.compile(
    rf"\b{_ROLE_TITLE}{_SET_AGAINST}scrum masters?\b|"
    rf"\bscrum masters?{_SET_AGAINST}{_ROLE_TITLE}(?!\w)|"
    rf"\bdifference between (?:a |the )?{_ROLE_TITLE}(?: role)? and (?:a |the )?"
    r"scrum masters?\b|"
    r"\bdifference between (?:a |the )?scrum masters?(?: role)? and (?:a |the )?"
    rf"{_ROLE_TITLE}(?!\w)|"
    rf"\bis (?:a |the )?{_ROLE_TITLE} (?:(?:the same as|same as|just|also|basically|like) )?"
    r"(?:a |the )?scrum masters?\b|"
    rf"\bscrum masters? (?:is |are )?(?:the )?same (?:as|like) (?:a |the )?{_ROLE_TITLE}(?!\w)|"
    rf"\b{_ROLE_TITLE} and (?:a |the )?scrum masters? (?:are )?(?:the )?same\b|"
    # said without the verb: "PO is same as scrum master?", "PO same as SM?"
    rf"^\W*(?:a |the )?{_ROLE_TITLE} (?:is )?(?:the )?same (?:as|like) (?:a |the )?scrum masters?\b"
)
# How the team itself splits the work, said or asked about: "our PO does pricing", "sometimes
# the PM helps with the backlog", "our PM also runs sprint planning, is that bad?".
_OUR_ROLE = r"(?:our|my) (?:po|pm|product owner|product manager)"
TEAM_ARRANGEMENT = re.compile(
    r"^(?:(?:so|and|but|well|sometimes|usually|currently|right now|at the moment|here),? )*"
    r"(?:our|my|(?<=sometimes )the|(?<=here )the) (?:po|pm|product owner|product manager) "
    r"(?:(?:also|sometimes|currently|"
    r"usually|often|already|actually|mostly) )*(?:does|runs|owns|handles|helps|writes|takes care "
    r"of|is doing|has been doing|leads|sets|decides|manages)\b[^?]*$|"
    rf"\bis (?:it|that) (?:ok|okay|fine|bad|wrong|normal|weird)\b.*\b{_OUR_ROLE}\b|"
    rf"\b{_OUR_ROLE}\b.*\bis (?:that|this|it) (?:ok|okay|fine|bad|wrong|normal|weird)\b|"
    # "who owns the backlog if we don't have a PO?"
    r"\bif (?:we|you|i) (?:don'?t have|do not have|have no|lack|haven'?t got) (?:a |an |any )?"
    r"(?:po|pm|product owner|product manager)\b"
)
# The role someone says they need, in pushback on advice: "I disagree, I think we need a PM".
WANTS_ROLE = re.compile(
    rf"\b(?:need|needs|want|wants|should hire|should get)\s+(?:a |an |the )?"
    rf"(?P<role>{_TITLE_PO}|{_TITLE_PM})(?!\w)"
)
# Whom to hire, asked beside something else ("can our founder be the PM, or should we hire
# a PO?").
ASKS_TO_HIRE = re.compile(
    r"\b(?:should|do|would|can|must) (?:we|i) (?:also |still |just )?"
    r"(?:hire|get|bring in|recruit)\b"
)
# How many of one role per the other: "how many POs per PM?", "what ratio of POs to PMs?".
ASKS_RATIO = re.compile(
    rf"\bratio (?:of|between) (?:{PO}|{PM})\b|"
    rf"\bhow many (?:{PO}|{PM}) (?:per|for (?:each|every)|to) (?:an? |one |each |every )?"
    rf"(?:{PO}|{PM})\b"
)
# How many Product Owners teams need: "one PO or three?", "should we hire 3 POs?", "does each
# team need its own PO?".
# Whether a role takes part in some work it may not own: "should the PM attend sprint planning?",
# "does the PO join the go-to-market meetings?" (`work`: what is attended; going to conferences
# is the work itself).
ROLE_ATTENDS = re.compile(
    rf"^\W*(?:so |and |but )?(?:should|does|do|must|can|could|would|will|is) (?:the |a |our |an )?"
    rf"(?P<role>{_ROLE_TITLE}) (?:(?:also|even|really|ever|normally|usually) )?(?:attend|join|"
    r"sit in on|sit in|take part in|participate in|be (?:at|in|part of|present at|involved in)|"
    r"be invited to|get invited to|show up (?:at|to|for)) (?P<work>.+?)\W*$"
)
PO_COUNT = re.compile(
    r"\b(?:one po or (?:two|three|four|\d)(?! pms?\b| product managers?\b)|(?:hire|need|get) "
    r"(?:two|2|three|3|four|4|five|5|several|multiple) (?:more )?(?:pos|product owners)|each "
    r"(?:team|squad) (?:need|needs|get|gets) (?:its|their) own po|(?:need|have) a po (?:for|per) "
    r"(?:each|every)? ?(?:team|scrum team|squad)|how many (?:pos|product owners) (?:do|does|should)"
    r" (?:we|i|a company|you) (?:need|have|hire))\b"
)
# More ways of asking how many teams one Product Owner serves ("how many teams can one PO
# serve?", "is one PO enough for 3 teams?", "do we need 9 POs?"), apart from `PO_COUNT` so that
# each has strings a message must hold before it is searched (`literals.py`): "team" or
# "squad", or a number of POs.
PO_COUNT_ASKED = re.compile(
    r"\bhow many(?:\s+scrum)?\s+(?:teams|squads)\s+(?:can|should|does|do|could|per)\b|"
    r"\b(?:is it|should it be|should there be|do we need|do you need|do i need)\s+(?:one|a|1)\s+"
    r"(?:po|product owner)\s+(?:per|for each|for every)\s+(?:scrum\s+)?(?:team|squad)\b|"
    r"^\W*(?:one|a|1)\s+(?:po|product owner)\s+(?:per|for each|for every)\s+(?:scrum\s+)?"
    r"(?:team|squad)(?:\s+(?:enough|ok|okay|right|or not))?\W*\?\W*$|"
    r"\bis one\s+(?:po|product owner)\s+(?:per\s+(?:scrum\s+)?(?:team|squad)\s+)?enough\b|"
    r"\b(?:every|each)(?:\s+scrum)?\s+(?:team|squad)\s+(?:have|has|get|gets|need|needs)\s+(?:a|an|"
    r"its|their|its own|their own)\s+(?:po|product owner)\b|"
    r"\b(?:one|a|1|a single)\s+(?:po|product owner)\s+(?:is\s+)?(?:enough\s+)?(?:for|to cover|to "
    r"handle)\s+(?:\d+|two|three|four|five|several|multiple|many|all|our)(?:\s+scrum)?\s+"
    r"(?:teams|squads)\b|"
    r"\b(?:can|could|should)\s+(?:one|a|a single|our)\s+(?:po|product owner)\s+(?:cover|handle|"
    r"serve|manage|run|own|support|take on|work with|work across)\s+(?:\d+|two|three|four|five|"
    r"several|multiple|many|more than one)(?:\s+scrum)?\s+(?:teams|squads)\b|"
    r"\bhow many\s+(?:pos|product owners)\s+(?:for|per|across)\s+(?:\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten|several|multiple|our)(?:\s+scrum)?\s+(?:teams|squads)\b|"
    r"\b(?:need|hire|get|have)\s+(?:\d+|six|seven|eight|nine|ten)\s+(?:pos|product owners)"
    r"(?:\s+or|\s*\?|$)"
)
# Hiring for a job that is no product role: "we need to hire more salespeople, any tips?".
OTHER_HIRE = re.compile(
    r"\bhir(?:e|es|ing) (?:(?:more|a|an|some|new|another|our|the|\d+|two|three|few|senior|"
    r"junior) )*(?:sales ?(?:people|persons?|reps?|team)|salespeople|"
    r"designers?|engineers?|developers?|devs|marketers?|recruiters?|accountants?|"
    r"data scientists?|testers?|support (?:staff|agents?)|scrum masters?)\b"
)
# A question of one of the two roles without naming either: "which role pays more?".
WHICH_ROLE = re.compile(r"\bwhich (?:role|one|of the two|of them)\b")
# What the article is said to say, before the claim itself: "the article says POs own the
# go-to-market plan".
ARTICLE_SAYS = re.compile(
    r"^(?:so |and |but |ok |okay |wait )?(?:the article|the author|it) (?:says|said|claims|argues|"
    r"states) (?:that )?"
)
# The article's own names for things, which only its ideas explain: "what did McKinsey say?".
ARTICLE_NAMES = re.compile(r"\b(?:mckinsey|scrum guide|three[- ]horizons?|savant)\b")
# What the two roles share: "what do they have in common?".
IN_COMMON = re.compile(
    r"\b(?:have|has) in common\b|\bwhat (?:do|does) (?:they|both|the two|po and pm|pm and po) "
    r"(?:both )?share\b|\boverlap between\b|\bwhere do (?:they|the roles) overlap\b"
)
# Who belongs to a team, not who does some work: "who is on the scrum team?".
ASKS_MEMBERS = re.compile(
    r"\bwho(?:'s| is| are| sits?| belongs?)(?: (?:usually|typically|actually|normally))? (?:on|in|"
    r"part of|a member of|members of) (?:the |a |an |our |my )?(?:\w+ )?team\b"
)
# Someone with another job taking one of the roles: "can our CTO double as the PO?", "we have a
# business analyst; could she fill the PO role?".
_ANOTHER_JOB = (
    r"(?:cto|ceo|coo|cfo|founders?|co-?founders?|(?:lead |senior )?(?:engineers?|developers?|"
    r"devs?)|tech leads?|engineering managers?|(?:(?<=our )|(?<=the )|(?<=my ))ems?|designers?|"
    r"scrum masters?|qa leads?|"
    r"architects?|head of "
    r"\w+|vp of \w+|(?:business |data )?analysts?|(?:project|program|delivery) managers?|"
    r"marketing manager|sales (?:lead|manager)|customer success (?:lead|manager)|support lead)"
)
ANOTHER_JOB_AS_ROLE = re.compile(
    # (asked as "is X the role?", the job needs no verb: "is the tech lead the PO?"; but "is the
    # CEO the PMs boss?" ranks them, and "is a project manager a PM?" asks what PM stands for)
    rf"\b(?P<asked>(?:is|isn't|isnt) (?:the |our |a |an |my )?"
    rf"(?!(?:project|program|delivery) managers? (?:also |just )?(?:the |our |a |an )?pms?\b))?"
    rf"(?P<job>{_ANOTHER_JOB}) "
    # (or a pronoun after the job: "we have a BA; could she fill the PO role?")
    r"(?P<pronoun>(?:\w+ ){0,6}?(?:can|could|should|would|might) (?:she|he|they) )?"
    rf"(?:also |just |simply )?(?:(?:(?:doubles?|acts?|serves?|fills? in) "
    rf"as|be|fill|fills|make(?: a)?(?: good| great| decent)?|"
    rf"(?P<moves>become|grow into|move into|step into|transition (?:in)?to|turn into)|"
    rf"take on|take over|play|wear|as) |(?(asked)|(?!)))(?:the |our |a |an )?"
    rf"(?:role of (?:the |a )?)?"
    rf"(?P<role>{_TITLE_PO}|{_TITLE_PM})(?!\w)"
    r"(?(asked)(?!'?s?'? (?:line |direct )?(?:boss|manager|supervisor|superior|lead)\b)|)"
    r"(?(pronoun)(?!'))"
    # (not a hire made, "can our CEO make a PM hire?", nor "fill the PO in on the roadmap")
    r"(?! (?:hire|hires|hiring|in on)\b)"
)
# The asker taking one of the roles on: "should I be the PO myself? I'm the CEO", "can I act as
# PM for now?".
SELF_AS_ROLE = re.compile(
    r"\b(?:can|could|should|shall) i (?:just |also |not )?(?:(?:double|act|serve|fill in) as|be|"
    r"(?P<moves>become|step into)|take on|play|wear) (?:the |a |an |our )?(?:role of (?:the |a )?)?"
    rf"(?P<role>{_TITLE_PO}|{_TITLE_PM})(?!\w)"
)
# Someone with another job, or the asker, taking on the work just answered: "can my CTO do it?",
# "can i just do it myself?".
TAKES_IT_ON = re.compile(
    rf"^(?:(?:so|ok|okay|and|but|well|hmm)\W+)*(?:can|could|should|shall) (?:(?:my|our|the) "
    rf"(?P<job>{_ANOTHER_JOB})|(?P<asker>i|we)) (?:just |also |not )?(?:do|take on|take|handle|own|"
    r"cover|run) (?:it|that|this)(?: (?:myself|ourselves|too|instead|as well|then|for now))*\W*$"
)
# A follow-up asking for more about the work just answered: "how often?", "what do they look
# at?", "what does that involve?".
ASKS_MORE = re.compile(
    r"^(?:and |so |ok |okay |but |hmm )?(?:how often|how so|how exactly|how do (?:they|you|we)|"
    r"when do (?:they|you|we)|"
    r"like what|such as|examples?|tell me more|more detail\w*|"
    r"what do (?:they|you|we) (?:look at|compare|check|use|measure)|"
    r"what does (?:that|it|this) (?:involve|mean|look like|cover)|"
    r"how does (?:that|it|this) work|in what way)\b[^.?!]{0,25}\?*$"
)
# The opening of a question about something told, asking no one's work (no "who") and nothing
# of RoleFit's ("can you go deeper?").
_OF_WHAT_WAS_TOLD = r"^(?!.*\b(?:who(?:se|m)?|you)\b)"
# A question about what was just explained, pointing back at it ("did it work?", "how big was
# the company?", "what's the lesson?"), and no new topic ("what about remote?").
ABOUT_WHAT_WAS_EXPLAINED = re.compile(
    rf"{_OF_WHAT_WAS_TOLD}(?:and |so |ok |okay |but |hmm )?(?!(?:what|how) about\b)"
    r"(?:what|how|why|did|does|do|was|were|is|are|can|could)\b.*"
    r"\b(?:it|they|them|their|that|this|industry|sector|the (?:company|firm|business|case|"
    r"example|story|lesson|takeaway|point|moral|result|outcome)s?)\b[^.!]*\?*$",
    re.IGNORECASE,
)
# A question in the past tense ("would a PO have worked?", "what did the PM do there?"): about
# a story told, such as the article's case.
ASKED_IN_THE_PAST = re.compile(
    rf"{_OF_WHAT_WAS_TOLD}(?:and |so |but )?(?:(?:was|were|did|had)\b|"
    r"(?:what|how|why)\b.*\b(?:was|were|did|had|would (?:\w+ )?have)\b|would\b.*\bhave\b)"
    r"[^.!]*\?\s*$",
    re.IGNORECASE,
)
# A question of its own, not pushback on the answer before ("does a PM need to be technical?",
# not "are you sure? …" or "why is the PO limited to scrum?").
FRESH_QUESTION = re.compile(
    r"^\s*(?:does|do|is|can|should|must|will|would|what|how)\b(?![^?]*\byou\b)[^?]*\?\s*$",
    re.IGNORECASE,
)
# A role said to do a piece of work, in pushback ("that's wrong, our PO does competitive
# analysis"): the work it names.
ROLE_DOES = re.compile(
    rf"\b(?:{_TITLE_PO}|{_TITLE_PM})s? (?:(?:actually|really|usually|always|also|already) )?"
    r"(?:does|do|owns?|handles?|runs?|writes?|leads?|manages?|decides?|takes care of|"
    r"is (?:responsible|in charge) (?:for|of)|is doing) (?P<work>.+)"
)
# A message opening on a plain "no", which may answer a question as well as push back.
BARE_NO = re.compile(r"^(?:no|nope|nah|hmm+,? no)\b")
# Pushback in so many words: "that's wrong", "are you sure?" (a plain "no, …" may be an answer).
PUSHBACK = any_of(_SAYS_WRONG, _DOUBTS, r"\bdisagree\b|\bnot convinced\b|\bdoubt (?:it|that)\b")
# Where a pushback's reason begins ("…, since it affects go-to-market"), and work that points
# back to the work answered ("that", "it").
GIVEN_REASON = re.compile(r"\s*(?:,\s*)?\b(?:since|because|as it|as that|given|cause|cuz)\b")
POINTS_BACK = re.compile(r"\s*(?:that|it|this|those|them|these)\b")
# Pushback about how the team itself splits the work: "our PM does that", "we don't even have
# a PO", "is our PM doing it wrong?".
TEAM_SETUP = re.compile(
    r"\b(?:our (?:po|pm|product (?:owner|manager)|cto|ceo|founders?|team|engineering "
    r"managers?|ems?|engineers|devs|developers|designers?|tech leads?|leads?)|we (?:don'?t|dont|do "
    r"not) (?:even )?have|we only have|at (?:our|my) (?:company|work)|on our team|doing it "
    r"wrong)\b"
)
# Asking about a role away from Scrum: "can we have a product owner without doing scrum?".
WITHOUT_SCRUM = re.compile(
    r"\b(?:without (?:doing |using |running )?scrum|outside (?:of )?scrum)\b"
)
# Product people in general, or the two roles unnamed: "do startups need both?", "how many
# product people do big companies have?".
PRODUCT_PEOPLE = re.compile(r"\bboth\b|\bproduct (?:people|person|folks|hires?|teams?)\b")
# The field itself: "why is product management a training ground for CEOs?"
PRODUCT_MANAGEMENT = re.compile(r"\bproduct management\b")
# A project (or programme) manager: not the PM the article means.
PROJECT_MANAGER = re.compile(r"\b(?:project|program|programme) manag\w*")
# A role or the job itself spoken of without its name: "is the job stressful?", "do they…".
THE_JOB = re.compile(r"\b(?:they|she|he|role|roles|job|jobs|position)\b")
# Pay, hours, stress and other conditions of the job, which the article does not cover.
# Pay asked as a range, a band or total compensation ("TC range?", "pay range for a PO?"): pay,
# with or without a role named.
PAY_ASKED = re.compile(
    r"\b(?:pay|comp|compensation|tc) (?:range|band|package)s?\b|\btotal comp(?:ensation)?\b|"
    r"(?<!decides )(?<!decide )(?<!sets )(?<!set )\bwhat tc\b|\btc (?:for|of)\b"
)
WORKING_CONDITIONS = re.compile(
    rf"\b(?:{_ROLE}|pms|pos)\s+(?:\w+\s+)?(?:(?:get|gets|is|are) )?"
    r"(?:paid|earn|earns|burn(?:s|ing)? out)\b|\b(?:paid|earns?) (?:more|less|better|well)\b|"
    r"\bsalar(?:y|ies)\b|\bpays? (?:more|less|better)\b|"
    rf"{PAY_ASKED.pattern}|"
    rf"\bpay\s+(?:a |an |our |my |the )?(?:{_ROLE}|pms|pos)\b|"
    r"\b(?:stressful|stressed|(?:working|long) hours|work (?:long hours|weekends|overtime|remotely|"
    r"remote|from home)|(?:fully|be|go) remote|remote (?:work|job|role|position)|"
    r"(?:what|how) about remote|wfh|work-?life|work life|job security|perks)\b|"
    # what the role costs: "isn't a PM more expensive than a PO?"
    rf"\b(?:{_ROLE}|pms|pos)s? (?:\w+ )?(?:(?:more|less) expensive|cheaper|costs? (?:more|less))\b|"
    # "which would cost us less, a PO or a PM?", "is it cheaper to hire a PO than a PM?"
    r"\b(?:cheaper|pricier|costlier|(?:more|less) expensive|costs? (?:us )?(?:more|less))"
    rf"(?: to (?:hire|get|have))?\W+(?:\w+\W+)?(?:a |an |the )?(?:{_ROLE}|pms|pos)\b|"
    # "how much does a PM cost?", "what does a PO cost us?", "how much is a product owner?",
    # "how expensive are PMs?" (not "how much is the PO involved in…", which asks of work)
    rf"\bhow much (?:does |do |would |will |is |are )?(?:a |an |one |the )?(?:{_A_ROLE}|pms|pos)s?"
    r"(?: (?:cost(?: us| a company)?|costs|run|set us back|make|earn)(?: in [a-z ]{2,20})?)?"
    r"(?: (?:a year|per year|per month|these days|nowadays))?(?: in (?:the )?[a-z]{2,15})?\W*$|"
    # "which one is more expensive?", "which costs less?"
    # (each with few strings every match holds, so most messages are never searched for it)
    r"\b(?:which|who|what)(?: one| role| of (?:them|the two))?(?:'s|s| is| would be) (?:more "
    r"expensive|"
    r"cheaper|less expensive|pricier|costlier)\b(?! to\b)|\bwhich(?:\s+one|\s+role)?\s+"
    r"(?:costs?|pays?)\s+(?:more|less)\b|"
    # "what does it cost to hire a PO?", "how much does hiring a PM cost?", "how much budget for
    # a product manager?"
    r"\b(?:what|how much)\s+(?:does|would|will|do)\s+it\s+cost\s+to\s+(?:hire|have|get|add)\b|"
    rf"\bhow much (?:does|would|will) hiring (?:a |an |one )?(?:{_A_ROLE}|pms|pos)s? cost\b|"
    r"\b(?:how much|what)(?:\s+(?:should|do|would|we|i))*\s+budget\b[^?.]{0,30}?\s(?:for|on)\s+"
    rf"(?:a |an |one |the )?(?:{_A_ROLE}|pms|pos)\W*$|"
    rf"\bwhat (?:does|do|would|will) (?:a |an |one |the )?(?:{_A_ROLE}|pms|pos)s? cost\b|"
    rf"\bhow expensive (?:is|are) (?:a |an |one |the )?(?:{_A_ROLE}|pms|pos)s?\W*$|"
    rf"\b(?:the )?cost of (?:hiring )?(?:a |an |one )?(?:{_A_ROLE}|pms|pos)s?\W*$"
)
# The words that ask a claim to be confirmed, at its end: "…, right?", "…, yeah?".
CONFIRM_TAIL = re.compile(r"[,\s]*\b(?:right|correct|yes|yeah|yep|true|ok|okay|agreed?)\W*$")
# Negation, "only", someone else, either/or, likes and fitness, conditions, another question:
# a yes or no to any of these would answer something the message did not ask.
NOT_A_PLAIN_CHECK = re.compile(
    r"\b(?:not|no|never|no longer|stop\w*|only|just|solely|alone|exclusively|besides|except|"
    r"other than|else|anyone|anybody|someone|somebody|or|either|nor|like|love|hate|enjoy|want|"
    r"good at|better|suited|happy|problem|issue|risk|if|whether|who|what|which|how|why|when|"
    r"affect\w*|manage (?:the |our )?(?:engineers|developers|devs|people|staff|team)|doesnt|"
    r"dont|isnt|arent|wont|shouldnt|wouldnt|cant|didnt|hasnt|havent)\b|n't\b|"
    r"\b\d+\s*[ap]m\b"  # "done by 5 pm": a time, not a role
)
# What follows "I meant" that asks a question of its own: "I mean, should we hire a PM?".
ASKS_ITS_OWN = re.compile(
    r"^(?:should|shall|can|could|do|does|did|is|are|was|were|will|would|who|whom|whose|what|"
    r"which|where|when|how|whether)\b(?! so\b| come\b)"
)
# A correction that asks why, of the work already answered: "no, I meant why?".
ASKS_WHY_AGAIN = re.compile(
    r"^(?:(?:like|um|uh|just|so|well|but)\s+)*(?:why(?: not| though| tho| so)?|how come|how so|"
    r"what do you mean|on what basis)\s*\?*\s*$"
)
# What a correction narrows rather than names ("no, I meant in practice", "… at a startup",
# "… for our team", "… last week"): the same work, asked again, not other work.
NARROWS = re.compile(
    r"^(?:in|at|for|on|with|within|during|by|from|as|like|when|where|how|why|if|seriously|"
    r"literally|really|actually|generally|honestly|just|only|last|this|next|day|days|daily|"
    r"today|tomorrow|yesterday|now|here|there|practice|theory|general|reality)\b"
)
# The work last asked about, asked of another product, platform, team or place ("for mobile?",
# "and in the EU team?"); "in practice", "for sure", "in 2 years" ask something else.
SOMEWHERE_ELSE = re.compile(
    r"^(?:(?:what|how) about |and )?(?:for|on|in|at|within|across) "
    r"(?!practice|theory|reality|general|real\b|fact|sure|paper|the (?:long|short|end|future)|"
    r"most|\d|a (?:year|month|week)|(?:a|one|two|few) (?:years?|months?|weeks?))\w"
)
# A place that names only a product or its platform ("and for the app?", "what about on
# mobile?"): the same work there, whatever work the words alone would read as ("the website").
_SURFACE = (
    r"mobile|web|ios|android|desktop|native|b2b|b2c|saas|hardware|software|firmware|embedded|"
    r"device|devices|apps?|applications?|websites?|site|backend|back end|frontend|front end|"
    r"platforms?"
)
ONLY_A_PRODUCT_SURFACE = re.compile(
    r"^(?:(?:what|how) about |and )?(?:(?:the )?same )?(?:"
    # after for/on/in…: any product, platform or team ("for the firmware team", "on v2")
    r"(?:for|on|in|at|within|across|with) (?:(?:the|our|their|a|an|new|next|same|"
    rf"{_SURFACE}|apis?|products?|versions?|v\d+|side|one|ones|too|as well|teams?|squads?)"
    r"\b\W*)+|"
    # named alone, only a platform ("and the app?", "what about mobile?"; not "the API")
    rf"(?:(?:the|our|their|a|an|new|next)\s+)*(?:{_SURFACE})\b(?:\W+(?:{_SURFACE}|one|version|"
    r"too|as well)\b)*\W*"
    r")$"
)
# Taking part in work rather than owning it ("does the PO help with pricing?"): the article
# says whose work it is, not who else may lend a hand, so no yes or no.
TAKES_PART = re.compile(
    r"\b(?:help\w*|assist\w*|support\w*|contribut\w*|involv\w*|input|weigh in|consult\w*|"
    r"participat\w*|join\w*|attend\w*|chip in|pitch in|part of|a say|informed|aware|review\w*|"
    r"approv\w*|work with|works with|collaborat\w*|sign\w* off)\b"
)
OWNER_CHECK = any_of(
    rf"\bis (?:that|this|it) (?:the |a |an |more )?(?:{PO}|{PM})\b",
    rf"\b(?:that'?s|thats|it'?s|this is) (?:the |a |an )?(?:{PO}|{PM})\b",
    rf"\b(?:{PO}|{PM}) (?:is |would be )?(?:fine|ok|okay|right|good|enough) for (?:that|this|it)\b",
    rf"\b(?:{PO}|{PM}),? (?:right|yes|correct)\W*$",
    rf"\b(?:territory|remit|wheelhouse|domain)\b|\b(?:{PO}|{PM}|whose|\w+'s) call\b",
)
HIRE_STRONG = re.compile(
    r"\b(?:hires?|hiring|recruit\w*|headcount|reqs?|title)\b(?! \w+ (?:contracts?|paperwork))"
)
HIRE_CONTEXT = re.compile(
    r"\b(?:we'?re|we are|our company|our startup|we have|we've got|my company|our team is)\b"
)
FOLLOW_UP = re.compile(
    r"^(?:and|&|plus|also|ok(?:ay)?,? and|so|what about|how about|what if|and if|if we|"
    r"same (?:for|with|question "
    r"for|goes for)|and what about|and for|then)\b"
)
CONCEPT_ANYWHERE = any_of(
    r"\bwhat (?:is|does) (?:it|that|this)\b.*\bmean|\bsupposed to mean\b|\bin plain (?:words|engli"
    r"sh)\b|"
    r"\bwhat'?s meant by\b|\bhow is that different from\b|\bwhy did (?:mckinsey|the article)\b|"
    r"\bwhat'?s (?:a|an) ['\"]|c'?est quoi|qu'?est-ce que|\bwas ist\b|\bqu[eé] es\b|\bjargon\b"
)
# Asking for an explanation, in any of the ways people do; a concept question when it names one.
EXPLAIN = re.compile(
    r"\b(?:explain\w*|expliquer|erklär\w*|plain english|simply|eli5|what happens|what happened|"
    r"what was|the same (?:thing )?as|mean\w*|how do you (?:measure|decide|know|do)|why would|why "
    r"does|"
    r"why do|quote|difference|vs|versus|what'?s|what is|what are|keep hearing|heard|idea behind|"
    r"point of|purpose of|in practice|look like|tell me about|according to|the scrum guide|"
    r"summari[sz]e|sum up|tl;?dr|the gist|main point|key takeaways|in a nutshell)\b"
)
CONCEPT = re.compile(
    r"^(?:so |ok |and )?(?:what(?:'?s| is| are| does| do| mean|s)\b|whats\b|explain\b|eli5\b|"
    r"define\b|definition\b|meaning of\b|tell me about\b|what do you mean\b|"
    r"how does the scrum guide\b|why (?:would|does|do|should|is) (?:a |the )?(?:pm|po|product "
    r"(?:manager|owner)))|\bwhat (?:does|do) .+ mean\b|\bwhat counts as\b"
)
OWNERSHIP = any_of(
    r"\bwho(?:'?s|se|m| is| are| should| does| do| owns?| handles?| decides?| writes?| takes?"
    r"| runs?)?\b",
    r"\bw(?:h)?ich (?:role|of the two|product role|one)\b|(?<!product )\bowner\?$|\brole that\b",
    r"\bwhose\b|\bis (?:it|that|this) (?:a|the|on|my|our)\b|\bjob\b|\bresponsib\w*|\bowns?\b",
    r"\bin charge\b|\bthing\b|\bduty\b|\btask\b|\bshould (?:our|the|my|a)\b",
)
# A greeting a message may open with: "hi, ", "hello there! ".
_HELLO = r"^(?:(?:hi|hey|hello|hiya)\b[\s,!.]*(?:there\b[\s,!.]*)?)?"
# A message that opens by introducing its sender, then asks ("Hi, I'm head of people at a
# 60-person scale-up. What does a product owner actually do?"): the question is the message.
INTRODUCTION = re.compile(
    rf"{_HELLO}"
    r"(?:i['\u2019]?m|i am|we['\u2019]?re|we are|my name is|i work|i lead|i run|i head|"
    r"i manage)\b"
    r"[^?]*?[.!]\s+(?P<question>[^?]+\?)\s*$",
    re.IGNORECASE,
)
# Someone saying only who they are, by job title: "I'm the CTO.", "hi, I'm the scrum master on
# team blue", "I'm head of marketing at Acme". Nothing more ("I'm the PO and I write the stories"
# asks of that work; "I'm good, thanks" is no title).
_JOB_TITLE = (
    r"(?:ceo|cto|cfo|coo|cpo|cmo|cio|ciso|vp(?: of [\w&]+(?: [\w&]+)?)?|vice president(?: of \w+)?|"
    r"(?:co-?)?founder|head of [\w&]+(?: [\w&]+)?|director(?: of \w+)?|(?:\w+ )?manager|"
    r"(?:\w+ )?lead|(?:\w+ )?engineer|developer|dev|designer|scrum master|agile coach|coach|"
    r"recruiter|hr (?:partner|business partner|lead)|pm|po|product owner|product manager|"
    r"analyst|consultant|marketer|intern|owner)"
)
SELF_INTRODUCTION = re.compile(
    rf"{_HELLO}"
    r"(?:my name is\s+[\w'-]+(?:\s+[\w'-]+)?|"  # "my name is Sam"
    r"(?:i['\u2019]?m|i am)\s+"
    r"(?:\w+,\s+|\w+\s+(?=(?:a|an|the|our)\s))?"  # a name first: "I'm Ana, product owner here"
    rf"(?:(?:a|an|the|our|their|your)\s+)?(?:new\s+|interim\s+|acting\s+|senior\s+)?"
    rf"(?!hiring\b){_JOB_TITLE}"
    # where, but not what for: "I'm the CEO at a startup and we need to hire a PM" asks
    r"(?:\s+here|\s+(?:at|of|on|for|in|with)\s+(?![^.?!,]*\b(?:need|needs|want|wants|hire|"
    r"hiring|looking|we|our|us|who|po|pm|product owner|product manager)\b)[^.?!,]{1,40})?)"
    r"\s*[.!]*\s*$",
    re.IGNORECASE,
)
# What to look for in a candidate ("what should I look for when interviewing product owners?",
# "red flags in a PM candidate?"): the article's strengths for each role answer it.
CANDIDATE_QUALITIES = re.compile(
    r"\blook(?:ing)? for (?:in|when (?:interviewing|hiring|screening)) (?:a |an |the |our |my )?"
    r"(?:\w+ )?(?:candidates?|hires?|applicants?|(?:product (?:owner|manager)|po|pm)s?)\b|"
    r"\bwhat makes (?:a |an |someone )?(?:good|great|strong|bad) (?:candidate|hire|applicant|"
    r"po|pm|product owner|product manager)s?\b"
)
# One role grown into the other ("can a PO grow into a PM later?"), careers the article leaves
# out; not one person holding both ("…and keep doing the PO work at the same time?").
CAREER_MOVE = re.compile(
    r"\b(?:grow|grows|growing|move|moves|moving|transition\w*|progress\w*|step up|switch\w*)\s+"
    r"(?:\w+\s+){0,2}(?:into|to)\s+(?:a |an |the )?(?:pm|po|product manager|product owner)s?\b"
    r"(?![^?]*\b(?:same time|keep doing|still do\w*|as well|also)\b)"
)
# Warning signs in a candidate, which the article never lists (not those of a role shared).
RED_FLAGS = re.compile(
    r"\b(?:red flags?|warning signs?)\b[^.?!]{0,30}\b(?:candidates?|applicants?|interviews?|"
    r"interviewing|cvs?|resumes?)\b"
)
# What a hire should bring on paper ("how many years of experience should a PM have?", "CSPO
# or PSPO?"): the article names strengths, never credentials.
CREDENTIALS = re.compile(
    r"\b(?:years? of experience|how (?:many years|experienced)|qualifications?|certifi\w*|"
    r"degrees?|mba|cspo|pspo)\b"
)
# Ways of working other than Scrum, which the article never mentions ("and for the kanban
# teams?"): what it says of the Product Owner is said of Scrum teams.
WAYS_OF_WORKING = re.compile(r"\b(?:kanban|scrumban|waterfall|shape ?up)\b")
# Scrum said to be how a team works now ("we use scrum, not kanban", "we moved from waterfall
# to scrum", "our scrum teams"), not what it left or does without ("we dropped scrum for
# kanban", "kanban, not scrum").
ON_SCRUM = re.compile(
    r"\b(?:(?:we|team|teams|devs|developers|engineers|engineering)(?: \w+)? (?:use|uses|run|runs|"
    r"do|does|practi[cs]e|practi[cs]es|follow|follows|work in|works in|are on|is on)|(?:moved|"
    r"switched|changed|went|migrated|switching|moving) (?:\w+ ){0,3}to|now (?:on|use|run|do)) "
    r"scrum\b|\bscrum teams?\b"
)
# A role said to take part in work, asked how much: "how much is the PO involved in sprint
# planning?", "how much does the PM work with sales?" ask of the work, not of pay.
_ROLE_TAKES_PART = (
    rf"\s+(?:the |a |an |our |my )?{_ROLE_TITLE}\s+(?:be |get |really )?(?:involved|work|works|"
    r"spend|care|help|do|need|own|handle|decide|deal|take|know|in|on|with)\b"
)
ROLE_TAKES_PART = re.compile(rf"\bhow much (?:should|do|does|is|are){_ROLE_TAKES_PART}")
OFF_TOPIC = any_of(
    r"\bsalar\w*|\bpay (?:a|an|our|my)\b|\bcompensation\b|"
    rf"\bhow much (?:should|do|does|is|are)\b(?!{_ROLE_TAKES_PART})",
    r"\bweather\b|\bforecast\b|\brain\b|\braining\b|\bsnow\w*|\bjoke\b|\bkanban\b|"
    r"\brecipes?\b(?! for (?:disaster|burn ?out|trouble|failure|chaos))",
    r"\bsushi\b|\brestaurant\b|\blunch\b|\bdinner\b|\bcoffee\b|\bpizza\b|\bcapital of\b",
    r"\btranslate (?:this|that|it|to|into (?:spanish|french|german|english))\b|\bcenter a div\b",
    r"\b(?:write|fix|debug|review) (?:my |this |some )?code\b",
    r"\bjira (?:alternative|vs)\b|\bnotion vs\b|\bresume\b|\btweet\b|\bmusic\b|\bsong\b",
    r"\bmovie\b|\bfilm\b|\bnetflix\b|\bfrom aws\b|\bto gcp\b|\bbook a meeting\b|\bfootball\b",
    r"\bsoccer\b|\bworld cup\b|\bnba\b|\bnfl\b|\bmatch last night\b|\bgame last night\b",
    r"\bfavou?rite\b|\bstocks?\b|\bcrypto\b|\bbitcoin\b|\bpoem\b|\briddle\b|\bhoroscope\b",
    r"\bmeaning of life\b|\b(?:python|javascript|typescript|java|sql|regex|css|html|docker)\b",
    r"\bdraft (?:an? |me )?(?:email|tweet|post|message|letter)\b|\bwrite me\b",
    r"\bsummari[sz]e\b(?! (?:the |this )?article)",
    r"\bvacation policy\b|\bleave policy\b|\bhow many (?:days|holidays)\b|\bsafe framework\b",
    r"\bhow should i handle\b|\bwhich is better\b|\b\d-week sprints\b|\b4-day week\b|\bswitch to\b",
    r"\bplace in\b|\bgood (?:place|restaurant|bar)\b|\bbank holiday\b",
    r"\b(?:office|canteen|cafeteria|gym|building|kitchen) (?:is |be )?(?:open|closed)\b",
)


# Chat shorthand read as the words it stands for ("can u help", "what's ur scope", "who shld i
# hire", "wat is a po", "we're 9 ppl").
SHORTHAND = {
    "u": "you",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "shld": "should",
    "shud": "should",
    "shd": "should",
    "wat": "what",
    "wht": "what",
    "ppl": "people",
    "abt": "about",
    # the word that asks for a comparison, as often mistyped
    "diffrence": "difference",
    "differnce": "difference",
    "diference": "difference",
    "difrence": "difference",
    "diffrent": "different",
}
# The roles' names, letters swapped or dropped by fast typing ("prodcut owner vs manageer"): read
# as shorthand is, by every reading of a message.
_MISTYPED_NAMES = {
    "prodcut": "product",
    "porduct": "product",
    "proudct": "product",
    "prodct": "product",
    "prduct": "product",
    "onwer": "owner",
    "owenr": "owner",
    "manageer": "manager",
    "manaer": "manager",
}
SHORTHAND |= _MISTYPED_NAMES
_MISTYPED = "|".join(_MISTYPED_NAMES)
SHORTHAND_WORDS = re.compile(
    r"\b(?:u|ur|pls|plz|shld|shud|shd|wat|wht|ppl|abt|diffrence|differnce|diference|difrence|"
    rf"diffrent|{_MISTYPED})\b(?!')"
)
# Of those, the ones no word or name is spelled as ("U.S.", "UR" for user research are): written
# out in the message itself, so every reading of it (the concepts', the matcher's) sees the word.
SPELLED_OUT_WORDS = re.compile(
    rf"\b(?:shld|shud|shd|wat|wht|ppl|abt|diffrence|differnce|diference|difrence|diffrent|"
    rf"{_MISTYPED})\b"
    r"(?![.'/])",
    re.IGNORECASE,
)

# "PO o PM?", "PO oder PM?": "or" between the roles' names, said in another language.
_ROLE_NAME = r"(?:po|pm|product owner|product manager)"
ROLES_OR = re.compile(rf"\b({_ROLE_NAME}) (?:o|oder|ou|eller) (?={_ROLE_NAME}\b)")

ROLE_FIXES = {
    "produkt": "product",
    "produit": "product",
    "producto": "product",
    "prod": "product",
    "manger": "manager",
    "プロダクトオーナー": " product owner ",
    "プロダクトマネージャー": " product manager ",
}
ROLE_TYPOS = re.compile(
    r"\b(?:produkt|produit|producto|prod|manger)\b|プロダクトオーナー|プロダクトマネージャー"
)


# Intents whose follow-ups ("and at 50 engineers?") stay on the same subject.
TOPIC_FOLLOWED = ("concept", "compare", "combine")

# A "why would a PM …" question is about a concept, not feedback on the last answer.
CONCEPT_TOPIC = re.compile(r"^why (?:would|does|do|should) (?:a |the )?(?:pm|po|product)")

FOREIGN_THANKS = re.compile(
    r"\b(?:thank\w*|thx|merci|dzi[eę]k\w*|danke|gracias|grazie|obrigad\w*|спасибо|"
    r"ありがとう|谢谢|tack|kiitos|dank je)"
)

# "ok", "got it": the conversation goes on, nothing said of it ending.
ACKNOWLEDGED_ONLY = re.compile(r"^ok(?:ay)?(?: then)?\W*$")
# Rudeness about RoleFit itself ("ur useless lol", "this bot sucks"): it didn't help.
INSULT = re.compile(
    r"\b(?:you(?:'re| are)?|your|this (?:bot|thing|app)|the bot|rolefit|this)(?: is| are)? (?:so |"
    r"really |totally |completely |pretty )?(?:useless|unhelpful|dumb|stupid|terrible|awful|"
    r"rubbish|garbage|trash|broken|sucks?)\b|^wtf\b"
)
# Not knowing the answer to a question RoleFit asked ("no idea", "dunno").
DONT_KNOW = re.compile(
    r"^(?:i |we |honestly |tbh )?(?:have )?(?:no idea|not sure|dunno|idk|(?:don'?t|do not) know|"
    r"no clue|unsure|hard to say|can'?t say)(?: yet| tbh| honestly)?\W*$"
)
# An answer offered picked by its place: "the second one", "option 2", "#1", "the last".
OPTION_PICKED = re.compile(
    r"^(?:(?:actually|hmm|ok|okay|i'?d say|i think|i guess|let'?s (?:say|go with)|go with|"
    r"i pick|i choose|pick)\W+)*(?:the )?(?:(?P<ordinal>first|1st|second|2nd|third|3rd|last)"
    r"(?: one| option| choice)?|(?:option|number|no\.?|#) ?(?P<number>[123]))(?: please)?\W*$"
)
# Back to the hire after a question in between, naming nothing: "so whom then?", "which one then?"
WHOM_THEN = re.compile(
    r"^(?:so |ok(?:ay)? |and )?(?:whom|who|which(?: one| role)?)(?: (?:should|do|would) (?:we|i) "
    r"(?:hire|pick|go with|get))?,? then\W*$"
)
# Puzzled by the last answer, and nothing else: "?", "hmm", "really?", "both?".
PUZZLED = re.compile(
    r"^(?:\?+|h+m+|huh|really|seriously|are you sure|how so|is (?:it|that) so|both|wdym|wym|"
    r"what do (?:you|u|ya) mean|meaning|come again)\W*$"
)
# Asking what RoleFit remembers of the conversation: "what did I tell you about my team?".
ASKS_WHAT_TOLD = re.compile(
    r"^(?:so |ok |and |hey |wait |remind me,? )?(?:what (?:did|have) (?:i|we) (?:tell|told|say|"
    r"said)(?: you)?|what do you (?:remember|recall|keep|store)|what (?:did|have) you "
    r"(?:remember|kept|stored)|do you remember what (?:i|we) (?:said|told you))(?: (?:about|of) "
    r"(?:me|us|myself|ourselves|(?:my|our) (?:team|company|hire|hiring|startup|business)))?"
    r"(?: so far| now| then)?\W*$|^what was my (?:last )?question\W*$"
)
# Asking RoleFit to drop the conversation so far, alone or before a new question: "start over",
# "forget all that", "new question: who owns pricing?".
START_OVER = re.compile(
    r"^\W*(?:ok(?:ay)?\W+|so\W+|please\W+|can we\W+|let'?s\W+)*(?:start(?:ing)? (?:over|again|"
    r"afresh|from scratch|anew)|(?:a )?new (?:question|topic|conversation|chat)|reset|fresh start|"
    r"forget (?:all (?:of )?(?:that|this)|everything(?: i (?:said|told you))?|what i (?:said|told "
    r"you))|clear (?:that|everything|the (?:conversation|chat)))(?:\W+please)?"
    # the question after it set off by a stop ("new question: who…") or asking ("reset, who…"),
    # not words of its own ("reset my password", "start over with the backlog")
    r"(?:\W*$|\s*[.:;,!?\u2013\u2014-]+\s*(?P<rest>.+)|\s+(?P<asked>(?:who|what|whom|which|"
    r"should|can|do|does|is|are|how|why)\b.*))$",
    re.IGNORECASE | re.DOTALL,
)
# An ownership question taken back in the same message for another: "who owns the backlog?
# actually never mind that, who owns the go-to-market plan?", "who owns sprint planning - no wait,
# I mean the quarterly planning meeting". `ask` is the question's opening, for a rest naming only
# work. Not a clarification ("who should we hire? I meant for a startup"), a condition ("never
# mind it if you're not sure"), "I meant to ask", nor work dropped ("never mind the backlog").
ASK_TAKEN_BACK = re.compile(
    r"^\W*(?:(?:so|ok|okay),?\s+)?(?P<ask>who(?:'s|s)?\s+(?:(?:should )?(?:owns?|does|do|"
    r"handles?|writes?|runs?|decides?|manages?|plans?|sets?|leads?)|looks after|takes care of|"
    r"(?:is )?in charge of|(?:is )?responsible for))\b.*?(?:\b(?:actually,?\s+)?(?:never ?mind"
    r"(?: that| this)?|scratch that|(?<!n't )(?<!not )(?<!never )forget (?:that|it))\s*"
    r"[,.;:!?\u2013\u2014-]|\b(?:no,? wait|wait,? no|oops|sorry),?\s+i mean(?:t)?\b(?! to\b)|"
    r"\bi meant\b(?! to\b))[\W_]*(?P<rest>\w.*)$",
    re.IGNORECASE | re.DOTALL,
)
# What a question taken back leaves that asks on its own ("…, who owns the go-to-market plan?").
ASKS_ON_ITS_OWN = re.compile(
    r"^(?:so |and |ok |then )?(?:who|whose|whom|which|what|does|do|is|are|should|can)\b",
    re.IGNORECASE,
)
BYE_PHRASES = re.compile(r"\b(?:bye|good ?night|have a (?:good|nice|great) (?:one|day|weekend))")

GREETING_PHRASES = re.compile(
    r"\b(?:hi|hey|hello|hiya|hallo|hola|bonjour|salut|ciao|guten (?:morgen|tag)|good "
    r"(?:morning|afternoon|evening)|nice to meet you|hope (?:your|you)|how are you|ça va|"
    r"привет|こんにちは|你好|namaste|yo)\b"
)

WHO_DOES = re.compile(
    r"(?<!someone )(?<!somebody )(?<!person )(?<!anyone )(?<!one )(?<!people )"
    rf"\bwho(?:'s| is)? (?!(?:should|do|would|shall|can) (?:we|i) (?:\w+ )?{HIRING_VERBS}|"
    r"should (?:they|these|those) be\b|(?:should|would) be (?:our|the|my) (?:first|next)\b|"
    r"(?:is )?next\b|(?:to )?hire\b|right\b|correct\b)[a-z]+"
)

# A "who" question inside a story: "our devs keep asking who orders the backlog".
EMBEDDED_WHO = re.compile(r"\b(?:ask\w*|wonder\w*|unclear|sure|decid\w*|argu\w*|debat\w*) who\b")

# Where one sentence ends and the next begins, in the message as written.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")

# How short the answer should be ("what's a PO in one line?"): no part of what is asked, and
# "line" would read as a product line.
HOW_SHORT = re.compile(
    r"[\s,]*\b(?:in (?:one|a single|a|1) (?:line|sentence|phrase)|in a nutshell|in brief|in short|"
    r"briefly)\b",
    re.IGNORECASE,
)
# Which role leads to the top job: "which one becomes CEO?", "is a PO on the path to CEO?".
BECOMES_CEO = re.compile(
    r"\b(?:becomes?|becoming|path to|grow into|turn into) (?:a |the )?ceos?\b(?!')"
)
# Asking what the article says of something: "what does it say about margins?".
SAYS_ABOUT = re.compile(
    r"\bwhat (?:does|did) (?:it|the article|the author|the piece) (?:say|said|mention|tell us) "
    r"(?:about|of|on)\b"
)
# Asking what to put in the advert for the hire advised: "what should the job ad say?".
JOB_AD = re.compile(
    r"\bjob (?:ad|ads|advert|advertisement|description|post|posting|listing|spec)s?\b|\bjd\b|"
    r"\b(?:write|draft) (?:the |a )?(?:ad|posting|listing)\b"
)
# Whether a company needs a product person at all yet: "do we even need a product person yet?".
NEEDS_ONE_YET = re.compile(
    r"\b(?:do|does) (?:we|i) (?:even |really |actually |still )?need (?:a |any |one )?"
    r"(?:product (?:person|people|hire|role|manager|owner)|pm|po)\b[^.?!]{0,20}\byet\b|"
    r"\b(?:too early|too soon) (?:for|to hire) (?:a |any )?(?:product|pm|po)\b|"
    # "do we even need one?", "do we need one at all?"
    r"\b(?:do|does) (?:we|i) (?:(?:even|really|actually) need (?:one|a product person|any)(?: at "
    r"all| yet)?|need (?:one|a product person|any) (?:at all|yet))(?=\s*(?:[?.!,;]|$))|"
    # "what if we hire neither?", "can we skip both?"
    r"\bhire neither\b|\bskip both\b|\bdo without (?:either|both)\b"
)
# After "can one person do both?": which side such a person would let go ("what would they drop
# first?").
WHAT_TO_DROP = re.compile(
    r"\b(?:drop|give up|let go|leave out|skip|sacrifice|neglect|deprioriti[sz]e|suffer|fall "
    r"through|slip)\b"
)
# Whether to run Scrum at all: "do we need scrum?", "should we adopt scrum?".
NEEDS_SCRUM = re.compile(
    r"^(?:(?:and|so|but|ok|okay|hmm)\s+)*(?:do|should|must|would) (?:we|i) (?:even |really |"
    r"also |still )?(?:need|use|adopt|do|run|start|start using|switch to|move to) scrum\W*$|"
    r"^(?:(?:and|so|but|ok|okay)\s+)*is scrum (?:right|good|necessary|needed|required|worth it) "
    r"for (?:us|our team|a startup|small teams?)\W*$"
)
# The other of the two roles, after one was described or answered: "and the other one?", "what
# about the other role?", "and the other one, what does she do".
THE_OTHER_ROLE = re.compile(
    r"^(?:(?:and|so|but|ok|okay|what about|how about)\s+)*the other(?: one| role| guy| person| "
    r"title)?(?P<does>\s+(?:what|wat) (?:does|do) (?:she|he|they|it|that one) do)?\W*$"
)
# Who else does the work just answered: "who else?", "anyone else involved?".
WHO_ELSE = re.compile(
    r"^(?:(?:and|so|ok|okay|but|hmm)\s+)*(?:who|anyone|anybody|any one|someone|somebody) else"
    r"(?: (?:is |would be |should be |gets )?(?:helps?|does|do|involved|has a say|takes part|"
    r"works on it|on it|too)(?: (?:in|with|on) (?:it|that|this))?)?\W*$"
)
# Which parts of the work just answered go where ("which parts exactly?" after the roadmap).
WHICH_PARTS = re.compile(
    r"^(?:and |so |ok |okay |but |hmm )?(?:which|what) (?:parts?|bits?|pieces?|sides?|halves|half)"
    r"(?: exactly| of it| is whose| go where)?\W*$"
)
# One piece of a list just answered, by its place ("and the second one?", "what about the last
# item?").
NTH_PIECE = re.compile(
    r"^(?:and |so |ok |okay |but |what about |how about )?(?:the )?(?P<nth>first|second|third|"
    r"fourth|fifth|last|1st|2nd|3rd|4th|5th)(?: one| item| piece| bit| thing)?"
    # (its answer gives its reason: "and the second one again, why?")
    r"(?:\W+(?:again|please|then|why))*\W*$"
)
# How a role is staffed rather than what it does: part-time, contract, fractional.
_STAFFED = r"(?:part[- ]time|freelance|fractional|interim|contract(?:ed)?|contractor)"
STAFFED_AS = re.compile(
    rf"\b{_STAFFED} {_ROLE_TITLE}(?!\w)|"
    rf"\b{_STAFFED}s? as (?:our |the |a |an )?{_ROLE_TITLE}(?!\w)|"
    rf"\b{_ROLE_TITLE} (?:\w+ ){{0,2}}(?:as (?:a |an )?|on (?:a )?)?"
    rf"(?:{_STAFFED}|freelancer|contract)\b"
)
# What someone costs by the day or hour ("the going day rate for a freelance PO"): a price.
RATE = re.compile(r"\b(?:day|daily|hourly|going) rates?\b|\bhow much\b")
# Where to advertise a role or find people for it ("where should we post our PM job ad?").
WHERE_TO_POST = re.compile(
    r"\bwhere (?:should |do |can |to )?(?:we |i )?(?:post|advertise|list|find)\b"
)
# Asking what goes in an ad or an interview: "what should I put in it?", "how do I write a job
# ad…", "what do I ask?".
ASKS_WHAT_TO_PUT = re.compile(
    r"\bwhat (?:should|do|to|would|can|must) (?:i |we )?(?:put|write|say|include|ask|cover|list|"
    r"look for|mention|probe)\b|"
    r"\bhow (?:do|should|would|can) (?:i |we )?(?:write|draft|word|phrase)\b|"
    r"\bhow to (?:write|draft|word)\b|\b(?:give|write|draft|suggest) (?:me )?(?:a |an |some |\d+ )?"
    r"(?:job|interview)\b|\bwhat (?:are )?(?:good |the best )?interview questions\b|"
    r"\binterview questions (?:for|to)\b"
)
# Interviews with customers or users rather than candidates: product research, not hiring.
CUSTOMER_INTERVIEWS = re.compile(
    r"\binterview(?:s|ing)? (?:our |some |the |with )?(?:customers?|users?|clients?|buyers?|"
    r"prospects?)\b|\b(?:customer|user|client|buyer|discovery) interviews?\b|"
    r"\bask (?:our |the |some )?(?:customers?|users?|clients?|buyers?)\b"
)
# Asking what to ask a candidate for a role ("what interview questions for a PO?").
ASKS_INTERVIEW = re.compile(
    r"\binterview (?:questions?|process|loop)\b|\b(?:interview|screen)(?:ing)? (?:a |the )?"
    r"(?:\w+ )?candidates?\b|\bwhat (?:should i|to|do i) (?:ask|probe) (?:\w+ ){0,2}(?:in|at|"
    r"during) (?:the |an |my )?interviews?\b"
)
# Whether a company of some size needs both roles ("do I need both at a 200 person company?").
BOTH_AT_A_SIZE = re.compile(r"\b(?:need|hire|get)\w* both\b|\b(?:need|hire)\w* both roles\b")
# A later hire after the one just advised ("once that person's in, who's next?").
# A role or another hire, and a time to come, of a hire planned for later.
_LATER_ROLE = r"(?:pm|po|product manager|product owner|another|second)\b"
LATER = r"\b(?:next (?:year|quarter)|in (?:a|one|two|six|\d+) (?:years?|months?|quarters?))\b"
NEXT_HIRE = re.compile(
    r"\bnext (?:hire|one|role)\b|\bonce (?:that person|they|she|he)\b|\blater\b|\bwhat then\b|"
    r"\bafter that\b|\bthen what\b|"
    # "hire a PO now and a PM next year", "and a PM in six months?" (a hire then: not "expand to
    # germany next year", "make the hire in six months" or "our PO leaves next year")
    rf"\b(?:hir\w*|add\w*|bring\w* on)\b[^.?!]{{0,40}}\b{_LATER_ROLE}[^.?!]{{0,40}}{LATER}|"
    rf"^(?:and |what about |then )?(?:an? )?{_LATER_ROLE}[^.?!]{{0,15}}{LATER}"
)

# Cues the scorer weighs (`cues.py`) that the rules do not check.
# Subjects around the two roles that the article does not cover: pay, certificates, recruiting
# logistics, tools, Scrum's own mechanics, frameworks, creative writing and translation.
OFF_TOPIC_SUBJECT = any_of(
    r"\b(?:salar\w*|pay(?:ing|s)?|paid|equity|stock options?|cliff|vesting|bonus\w*|raise|"
    r"negotiat\w*|offer letter|compensation|rates?|day rate|earns?|earning)\b",
    r"\b(?:certif\w*|cspo|pspo|csm|psm|aipmm|pragmatic institute|course|courses|bootcamp|mba|"
    r"training|trainer|coach|coaching|book|books|podcast\w*|conference talk)\b",
    r"\b(?:job (?:ad|ads|post\w*|description template)|linkedin|wellfound|indeed|recruiter\w*|"
    r"background checks?|reference checks?|interview (?:questions|loop|process|case)|case study|"
    r"take-home|onboarding plan|notice period|visa)\b",
    r"\b(?:jira|notion|confluence|trello|asana|linear|figma|miro|slack workflow|spreadsheet|"
    r"excel|google sheets|productboard|aha)\b",
    r"\b(?:velocity|story points?|estimat\w*|planning poker|t-shirt siz\w*|burn ?(?:down|up)|"
    r"wip limits?|sprint length|(?:one|two|1|2|3)[- ]week sprints?|retros?|retrospectives?|"
    r"stand-?ups?|ceremon\w*)\b",
    r"\b(?:safe|kanban|less|nexus|okrs?|kpis?|shape ?up|scrumban|xp|devops|six sigma)\b",
    r"\b(?:haiku|poem|song|limerick|joke|story about|translate\w*|in (?:german|french|spanish|"
    r"japanese|chinese|italian|portuguese))\b",
    r"\bhow many (?:pms|pos|product managers|product owners) (?:does|do|at)\b|\bsentient\b|"
    r"\b(?:pr|pull request|merge conflict|git|bug|stack trace|deploy\w*)\b",
)
# One person carrying several roles or many kinds of work: combining the roles, whatever words.
ONE_PERSON_ALL = any_of(
    r"\b(?:one|single|only|a single|the only|sole|lone) (?:product )?(?:person|human|guy|gal|"
    r"lead|hire|pm|po|manager|owner)\b",
    r"\b(?:does|do|doing|did|handles?|handling|covers?|covering|owns?|owning|runs?|running) "
    r"(?:everything|it all|all of it|all that|all of that|both|the lot)\b",
    r"\bde facto\b|\babsorb\w*|\bon top of\b|\bplus (?:all|the|also)\b|\bas well as\b|"
    r"\bfounder[- ]as\b|\b(?:as|is) (?:both|also)\b|\bboth (?:pm|po) and (?:pm|po)\b",
)
# Asking whether an arrangement is sound, or when it stops being: "fine for now?", "at what size".
ARRANGEMENT_JUDGED = any_of(
    r"\bis (?:it|that|this) (?:ok|okay|normal|weird|fine|reasonable|realistic|sustainable|sane|"
    r"healthy|common|standard|a bad idea|a good idea|wise|a problem|a red flag)\b",
    r"\b(?:yay or nay|y/n|red flag|sanity check|works until|stops? working|fine for now|for now|"
    r"reasonable|realistic|sustainable|normal setup)\b",
    r"\bat what (?:size|point|stage|team size|headcount)\b|\bwhen (?:is|should|do) (?:\w+ ){0,6}"
    r"(?:split|separate|right time|right moment|time to)\b|\bwarning signs?\b",
)
# Asking to start the hiring questionnaire: "start the questionnaire", "full questionnaire pls" (in
# `/rolefit` too, where it opens the form).
STARTS_QUESTIONNAIRE = re.compile(
    r"^(?:(?:ok|okay|so|please|pls|can you|could you|can we|can i|let'?s|i want to|i'd like to|"
    r"we want to|i wanna)[ ,]+)*(?:(?:start|run|open|take|do|begin|launch|fill in|fill out|"
    r"go through|redo|restart|try)(?: me)? )?(?:the |a |your |that )?(?:(?:full|hiring|hire|"
    r"whole) )*(?:questionnaire|quiz)(?: (?:again|please|pls|plz|now|for me))*\W*$"
)


# Asked after hiring advice, of what the hire leaves to others: "what would that person NOT
# cover, and who should?", "what gaps would a PM leave?".
_THE_HIRE = (
    r"(?:that person|this person|the person|the hire|this hire|that hire|they|he|she|them|it|"
    r"that|this|we|(?:a|an|the|our|that|this) (?:new )?(?:pm|po|product manager|product owner|"
    r"hire|person))"
)
# (asked of the hire alone: "…not cover, and who should?", not "…not cover in the article?")
_ENDS_THE_ASK = (
    r"(?: (?:then|now|exactly|at all|anyway))?\s*(?:[?.!,]|$|and\b|then\b|"
    r"(?:that|which) (?:a|an|the|our) (?:po|pm|product owner|product manager)\b)"
)
NOT_COVERED_ASK = re.compile(
    rf"\b(?:what|which)\b[^?]*\b{_THE_HIRE} (?:would |will |does |do |could )?(?:not|n't|"
    rf"wont|wouldnt|doesnt|dont|never) (?:\w+ )?cover\b{_ENDS_THE_ASK}|"
    rf"\b(?:what|which) (?:gaps?|work) (?:would|will|does) {_THE_HIRE} leave\b{_ENDS_THE_ASK}|"
    rf"\bwhat(?:'s| is| would be) left (?:over|uncovered)\b{_ENDS_THE_ASK}"
)
