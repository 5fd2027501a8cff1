"""The facts a hiring message gives, read from free text: stage, goal, Scrum, roles on staff,
how many hires. Each is optional; the advisor needs the goal, and the rest has safe defaults."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

from knowledge.advisor import LARGER_STAGES, HiringAnswers, ScrumAnswer
from knowledge.questionnaire import PRODUCT_MANAGER, PRODUCT_OWNER, CompanyStage, Goal, RoleId
from knowledge.text import STRAIGHT_QUOTES

Fact = Literal["goal", "headcount", "uses_scrum"]
# A hiring story longer than this is read up to here: enough for any team's facts.
MAX_STORY = 2000

# Work that means delivering the product, and work that means building a business around it.
_DELIVERY = re.compile(
    # A supplier's delivery dates are no delivery need.
    r"\b(backlog|user stor|stories|story|sprints?|scrum|pbis?|acceptance criteria|\bac\b|"
    r"refine|refinement|grooming|groom|test plan|delivery(?! (?:schedules?|dates?|times?|"
    r"windows?))|deliver(?:s|ed|ing|ables?)?\b|ship(?:ping)?|"
    r"tickets?|dev team|engineers? (?:keep|need)|requirements? (?:go|for)|"
    r"features? shipped|definition of ready|\bdor\b|jira|specs?\b|execution|velocity|"
    r"releases?|shipping|(?:build|ship|finish)\w* (?:the |our |an |a )?mvp|"
    r"build(?:ing)? the product|engineering (?:team )?needs|"
    # "building our first app": the article's own case for a Product Owner
    r"build(?:ing)? (?:our |the |a |an )?(?:first |new )(?:product|app|platform)(?! lines?)|"
    r"priorit\w* (?:for|of) the (?:build|team|sprints?|devs?)|prioriti[sz]\w* "
    r"(?:the )?(?:backlog|features|tickets|work|requirements)|day[- ]to[- ]day|"
    r"keep (?:the |our )?(?:devs|developers|engineers|dev team|team) (?:busy|fed|going)|"
    # the work not made ready before the team plans it: refining the backlog
    r"sort\w* (?:out )?the work|(?:^|sprint |release |our )planning is (?:chaos|a mess|messy|"
    r"broken))"
)
# A team, after a word that grows it: "we need to grow the team", "need grow our dev team".
_A_TEAM = (
    r" (?:the |our |my |a )?(?:\w+ )?(?:team|teams|dev|devs|developers|engineering|engineers|"
    r"headcount|staff)\b"
)
_BUSINESS = re.compile(
    r"\b(pricing|price|competit\w*|gtm|go[- ]to[- ]market|market(?!place)(?:s| research| share)?|"
    r"strategy|strategic|positioning|suppliers?|supply chain|margins?|costs?|financials?|"
    r"(?<!pre-)(?<!pre )revenue(?! yet)|(?<!non-)(?<!non )(?<!not-for-)(?<!not for )profit\w*|"
    rf"p&l|growth|grow (?:it|the)\b(?!{_A_TEAM})|"
    r"(?:grow|grows|growing|scale|scaling) (?:the |our |a )?marketplace|"
    r"(?:need|needs|want|wants|have|"
    rf"trying) to (?:both )?(?:\w+ and )?grow\b(?!{_A_TEAM})|(?:need|needs|want|wants) grow\b"
    rf"(?!{_A_TEAM})|"
    r"(?<!small )(?<!family )business(?!es)|launch|compet(?:e|es|ing) (?:with|against)\b|"
    r"sales|portfolio|product lines?|c-suite|financials? for the board|executives|"
    r"what (?:\w+ ){0,2}build\w*(?: \w+)? and why|customers? (?:sites|visits)|conferences|"
    r"commercial|monetis\w*|monetiz\w*|"
    r"vision|partnerships?|distribution|marketing|brand(?:ing| strategy| awareness)|"
    r"expansion|churn|"
    # "expand to germany" (a market), not "expand to three teams" (the company)
    r"expand(?:s|ing)? (?:in)?to (?!(?:\w+ ){0,3}(?:teams?|squads?|people|engineers|devs|"
    r"developers|staff|headcount)\b|(?:a |an )?(?:bigger|larger|more)\b)|"
    # (money to spend is funding, not a goal: "our investor gave us more money")
    r"sell(?:s|ing)?|(?:make|makes|making|bring(?:ing)? in) (?:more |enough |some |extra |good |"
    r"decent |great |a lot of |lots of )?money|"
    # (people's pay is no goal, "our devs earn good money"; what the product earns is)
    r"(?:(?<=to )|(?<=product )|(?<=app )|(?<=company )|(?<=business ))earn(?:s|ing)? (?:more |"
    r"enough |some |good )?money|"
    r"(?<!more )(?<!raised )(?<!raise )(?<!some )(?<!enough )(?<!extra )(?<!good )(?<!decent )"
    r"(?<!great )(?<!a lot of )money(?! for\b)|"
    r"who (?:actually )?pays|multi-?year|long[- ]term|"
    r"\d[- ]years? (?:plan|strategy|roadmap)|(?:in front of|to|for) the board|board (?:meetings?|"
    r"members|deck)|why we(?:'re| are)? build\w*|on[- ]site|who (?:the |our )?(?:customers?|"
    r"buyers?|users) (?:\w+ )?are|(?:talk|talks|talking|speak|meet|meets|meeting|visit\w*|"
    r"interview\w*) (?:to |with )?(?:our |the |real |actual )?(?:customers?|clients?|buyers)|"
    r"new markets?|international|profitab\w*|vendors?|positioning|segments?|declin\w*|"
    r"customer personas?|customer (?:research|interviews|discovery)|competitors?|business case)"
)
# A clause saying the business side is already taken care of, or not wanted.
_NO_BUSINESS = re.compile(
    r"(?:business|commercial|sales|market\w*|strategy)(?: side| stuff| part)? (?:is |are )?"
    r"(?:honestly |already |pretty )?(?:fine|handled|covered|sorted|nailed|solid|taken care of|"
    r"belongs to|(?:sits?|stays?|lives?|rests?) with|(?:owned|done|run|handled|looked after) by|"
    r"in hand|under control)|\bnothing (?:\w+ )?(?:business|commercial|strateg)|"
    r"\b(?:we|i|founders?|ceo|cpo|cofounder|co-founder|my cofounder and i|the founders|our \w+|"
    r"exec(?:utive)? team|execs|leadership|the owner|sales team|cro|coo|cmo) "
    r"(?:already )?(?:handles?|owns?|covers?|does|do|takes? care of|runs?)\b"
    # (not across "and want…": "we run scrum and (we) want both delivery and business growth")
    # (nor into a clause about the hire: "we run scrum, the hire is mainly for the business side")
    r"(?:(?!(?:,| and)(?: we| also| now)* (?:want|need|would like|are looking)\b|"
    r"[,;] (?:the|a|our|this|that) (?:new )?(?:hire|role|person|job|position)\b)[^.]){0,40}"
    r"(?:market|sales|business|commercial|strategy|gtm|pricing|fundraising)|"
    r"\bno need for\b|\bnot looking for\b|\bdon'?t need\b|\bnot (?:a|the) (?:business|"
    r"growth|strategy) problem\b|\bclients are locked in\b|\bknow exactly what\b|"
    r"(?<!nobody )(?<!no one )(?<!nobody is )(?<!have )(?<!has )\bno (?:market|pricing|sales|"
    r"go-to-market|gtm|competitors?|business|strategy|commercial)\b"
    r"(?! (?:plan|strategy|owner|process))|\bsolved problem\b|"
    r"(?:\b(?:ceo|cpo|cro|coo|cmo|founders?|head of product|growth team|business units?|clients|"
    r"the business|management|exec(?:utive)? team|execs|leadership|the owner|owner of (?:the )?"
    r"company)\b|i \(founder\))"
    r"(?: [\w+&/]+){0,3} (?:handles?|owns?|makes?|make|runs?|run|"
    r"defines?|define|does|do|covers?|is doing|live with|lives with|takes? care of)\b|"
    r"\b(?:strategy|business|market|pricing|sales|commercial)\b[^.]{0,20}\b(?:isn'?t|is not|"
    r"are not|aren'?t) (?:the|a|our) (?:problem|issue)|\bno (?:\w+ )?(?:market|pricing) questions"
    r"\b|"
    r"\bproduct-market fit\b|\bnot with us\b|"
    r"\b(?:business|commercial|sales|selling|market\w*|strategy|pricing)\b[^.,]{0,25}\b(?:is|are) "
    r"(?:\w+ )?(?:done|handled|owned|run|covered|taken care of|looked after) by\b|"
    r"\b(?:market|customers?) (?:is|are) (?:known|signed|fixed|locked)|already signed|fixed contra"
    r"ct|"
    # "the business side is ok", "sales are going really well", "strategy is the CEO's"
    r"\b(?:business|commercial|sales|selling|market\w*|strategy|pricing)(?: side| stuff| part)? "
    r"(?:is|are) (?:\w+ )?(?:ok|okay|good|going (?:\w+ )?well|working|strong)\b|"
    r"\b(?:business|commercial|sales|market\w*|strategy|pricing)(?: side| stuff| part)? (?:is|are) "
    r"(?:the |our |my )?(?:ceo|founders?|cofounders?|co-founders?|owners?|director|boss|"
    r"clients?)'s?|"
    r"\b(?:director|clients?|customer|cofounder|co-founder|partner|agency|boss|sales director)"
    r"(?: [\w+&/]+){0,3} (?:decides?|makes?|make|owns?|does|do|handles?|runs?)\b[^.]{0,30}"
    r"(?:market|sales|business|commercial|strategy|pricing)|\bstrong (?:ceo|founder|cofounder)\b|"
    r"(?<!n't )(?<!not )\b(?:know|knows) (?:our|the) (?:customers|market|numbers)\b"
)
# "Delivery is going well" (not "keeps the scrum team fed with well-written stories").
_NO_DELIVERY = re.compile(
    r"(?:devs?|dev team|engineering|eng|developers|delivery|sprints|backlog|scrum|team)\b"
    r"[^.,;]{0,40}"
    r"\b(?:fine|well(?!-)|great|solid|good|sorted|handled|covered|no problem|not (?:a|the) problem|"
    r"smooth\w*|under control|ok|okay|humming)\b|great dev team|not a delivery problem|"
    r"\b(?:already )?(?:has|have|with) (?:a |an |their )?(?:po|pos|product owners?|backlog owners?"
    r")\b|"
    # "our CTO currently runs the backlog and sprints"
    r"\b(?:cto|ceo|founders?|co-?founders?|tech lead|lead dev\w*|engineering manager|head of "
    r"engineering)\b(?: \w+){0,2} (?:already |currently )?(?:handles?|owns?|covers?|does|takes? "
    r"care of|runs?|manages?)\b[^.,;]{0,30}\b(?:backlog|sprints?|stories|delivery|tickets)"
)
# Saying how the team works inside a clause ("our revenue is flat and we use scrum", "devs do
# scrum"): a fact about the team, not a delivery need.
# Who works a way, how they say they do, and the cadence it comes in: the parts both
# `_HOW_IT_WORKS` (a phrase in a clause) and `_PROCESS_ONLY` (a whole message) are made of.
_TEAM = (
    # ("the app team", "one of our teams", "the other team")
    r"(?:we|(?:our|the|one of (?:our|the)|the other|one|each|every) (?:[\w-]+ )?(?:team|teams|"
    r"squad|squads|devs|developers|engineers)|devs|engineering)"
)
_WORKS_IN = (
    r"(?:run|runs|use|uses|do|does|follow|follows|work in|are on|practi[cs]e|ship in|ships in|"
    r"deliver in|release in)"
)
_CADENCE = r"(?:\w+[- ]week|weekly|fortnightly)"
# How closely a team keeps to Scrum ("loose scrum", "scrum-ish"): said of a team that runs it;
# nobody asks for a loose Scrum.
_LOOSELY = (
    r"(?:loose|loosely|light|lite|lightweight|informal|relaxed|kind of|sort of|a bit of|some "
    r"sort of|some kind of|a loose|a light|a lightweight)"
)
# A team grown ("we need to grow our dev team", "scale the engineering team"): hiring for it,
# neither side's goal.
_GROWS_A_TEAM = re.compile(
    rf"\b(?:grow|grows|growing|expand|expanding|scale|scaling|build out|building out){_A_TEAM}"
)
_HOW_IT_WORKS = re.compile(
    rf"\b{_TEAM} (?:(?:already|also|all|actually|really|still|do|does) ){{0,2}}{_WORKS_IN} "
    rf"(?:{_CADENCE} |{_LOOSELY} )?(?:scrum|sprints|agile)\b|"
    # (said of a team, never wanted: "we need some kind of scrum", "we want scrum-lite")
    r"\b(?:we|devs?|developers|engineers|team|teams|ppl|people)\b(?:(?!\b(?:need|want|introduc|"
    r"adopt|start|try|like|get|move|switch|bring)\w*)[^,.;]){0,20}?"
    rf"(?:\b{_LOOSELY} scrum\b|\bscrum[- ]?(?:ish|lite|light)\b)|"
    r"\bscrum (?:is|feels) (?:\w+ )?(?:loose|light|lightweight|informal|relaxed)\b|"
    # "we have 3 teams doing scrum": how they work, not a wish for delivery
    r"(?<!get )(?<!get our )(?<!get the )(?<!help )(?<!help our )(?<!have our )"
    # someone wanted to lead them ("need someone to lead our devs doing scrum"), not a teller
    # who does ("I manage devs doing scrum")
    r"(?<!to lead )(?<!to lead our )(?<!to lead the )(?<!to coach )(?<!to coach our )"
    r"(?<!to coach the )(?<!to guide )(?<!to guide our )(?<!to manage )(?<!to manage our )"
    r"(?<!to manage the )(?<!to support )(?<!to support our )"
    r"\b(?:teams?|engineers|devs|developers) (?:are |all )?(?:doing|running|using|practi[cs]ing|"
    r"working in) (?:scrum|sprints)\b"
    # "a 25-person startup running Scrum": the company's way of working, no need of delivery
    r"|(?<!get the )(?<!get our )(?<!start the )(?<!start our )(?<!make the )(?<!move the )"
    r"\b(?:startup|company|business|shop|firm|org|organi[sz]ation|scale-?up) (?:already |also )?"
    r"(?:running|doing|using|practi[cs]ing|on) (?:scrum|sprints)\b"
    # "our startup does scrum": the company itself the one that does, at the clause's start, and
    # doing it well enough ("…runs sprints badly and needs help" wants delivery)
    r"|(?:^|[,;]\s*|\b(?:and|but|so)\s+)(?:our|my|the) (?:startup|company|business|shop|firm|org|"
    r"organi[sz]ation|scale-?up) (?:already |also )?(?:runs|does|uses|follows|practi[cs]es) "
    r"(?:scrum|sprints)\b(?! (?:badly|poorly|properly|better|wrong|well)\b)"
    # "we are a scale-up that runs Scrum", "I run a startup that uses scrum": what the company
    # is now (not what it would become: "turn into a company that runs sprints")
    r"|(?<!into )(?<!become )(?<!becoming )(?<!be )(?<!being )(?<!like )(?<!want )(?<!need )"
    # (after "to" a company is one to become, unless moved to: "I just moved to a startup that…")
    r"(?<!grow to )(?<!grows to )(?<!growing to )(?<!transition to )(?<!transitioning to )"
    r"(?<!switch to )(?<!switching to )(?<!change to )(?<!changing to )(?<!evolve to )"
    r"(?<!move to )(?<!get to )(?<!towards )\b(?:a|an) "
    r"(?:[\w-]+ ){0,3}?(?:startup|company|business|shop|firm|org|"
    r"organi[sz]ation|scale-?up) (?:that|which) (?:already |also )?(?:runs|does|uses|follows|"
    r"practi[cs]es) (?:scrum|sprints)\b(?! (?:badly|poorly|properly|better|wrong|well)\b)"
)
_TWO_MORE = re.compile(
    r"\b(?:two|2|zwei|deux|dos)\b[^.]{0,25}\b(?:people|persons|roles|reqs|hires|heads|leute|"
    r"personnes|personas|positions|seats|open reqs)\b|headcount:? (?:two|2)|can hire (?:two|2)|"
    r"(?:two|2) hires? approved|funding for (?:two|2)(?! (?:\w+ )?(?:years?|months?|weeks?|days?|"
    r"quarters?|rounds?)\b)|\b(?:two|2) headcount\b"
)
_TWO = re.compile(
    r"\b(two|2) (?:hires|heads|people|persons?|product (?:people|hires|roles)|positions|roles)\b|"
    r"budget (?:for|covers) (?:two|2|a second|both)|second (?:hire|person|head)|"
    r"separate (?:people|person)|another person|headcount for (?:two|2|both|se)|"
    r"(?<!n't )(?<!cant )(?<!cannot )(?<!not )afford (?:two|2|a second)|"
    r"\b(?:two|2) (?:product )?(?:folks|reqs|roles|seats|heads)\b|\bcouple of (?:hires|people)\b|"
    r"\bboth hires\b|\b2 headcount\b|"
    # hiring both as a plan or a what-if, never as a wish denied ("can't afford to hire both")
    r"\b(?:what if|suppose|say) (?:we |i )?(?:hire|hired|get|got|bring in) both\b|"
    r"\b(?:we|i)(?:(?:'ll|'re|'m| will| can| could| are| am)(?: going to| want to| plan to| "
    r"afford to| able to)?| want to| plan to| would like to|'d like to| intend to| decided to) "
    r"(?:hire|hiring|get|bring in) both\b(?![^.;]*\bbut\b)|"  # "…but can only afford one"
    r"\bpo \+ pm\b|\bpm \+ po\b|one for .* one for|split .* across 2|(?:2|two) hires|"
    # "and if I could hire two?", "what if the budget allowed two?" (supposed, and two of what was
    # asked: not "hire two devs", nor "we'd love to hire two, but can't")
    r"\bif (?:i|we) (?:could|can|were able to|had (?:the )?budget to) (?:hire|afford|get) (?:two|2)"
    r"(?=\s*(?:[?.!]|$|(?:instead|then|now)\b))|"
    r"\bbudget (?:allowed|allows|would allow|could allow) (?:for )?(?:two|2)\b|"
    # "one person for delivery, one for strategy"; "we don't want one person doing both"
    r"\bone (?:\w+ ){0,2}(?:for|facing|to|on|doing|running|owning)\b[^.]*,? (?:and )?"
    r"(?:one|another|the other|a second)(?: \w+){0,2} (?:for|facing|to|on|doing|running|owning)\b|"
    r"\b(?:don'?t|do not|not) want (?:\w+ )?(?:one|a single|the same) person\b"
)
_ONE = re.compile(
    r"\b(one|1|a single|single|only one) (?:(?:senior|junior|new|good) )?"
    r"(?:hire|head|person|product (?:person|hire)|position|budget|headcount|req|opening|seat)\b|"
    r"can only (?:afford|hire) one|just one|"
    r"\b(?:hire|afford|budget for|pay for|room for|money for) only one\b|"
    r"\bonly (?:afford|hire|pay for|have (?:the )?(?:budget|money|room) for) (?:one|1)\b|"
    # "can't afford 2", "only budget for one", "nah, back to one"
    r"\b(?:can'?t|cannot|can not) afford (?:two|2|both|a second)\b|"
    r"\bonly (?:the )?(?:budget|money|room|headcount) for (?:one|1)\b|\bback to (?:one|1)\W*$"
)
# How many Scrum teams there are ("one scrum team", "a 6-person scrum team"; growing "to 4 scrum
# teams" is delivery work to come), and whom the company sells to ("we sell to enterprises"):
# the company described, not what the hire is for.
_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|several|\d+)"
_WORK_BY = r"(?:do|does|use|uses|run|runs|are on|is on|on|work in|works in)"
# Teams counted by how they work ("2 scrum 2 kanban", "two of our teams do scrum", "the other
# runs scrum"), before the method's name.
_SOME_TEAMS = (
    r"\b(?:(?:one|two|three|four|five|six|seven|eight|several|some|half|most|\d+) "
    rf"(?:of (?:our|the|them) )?(?:teams? )?(?:{_WORK_BY} )?|"
    rf"(?:the other|the others|the rest|others|other teams)(?: \w+)? {_WORK_BY} )"
)
_TEAMS_COUNTED = re.compile(
    rf"(?<!to )(?<!from )\b{_NUMBER}(?:[- ](?:person|people|dev|engineer))? "
    r"(?:scrum|agile|dev|kanban) teams?(?: of \d+)?\b(?! (?:that|which|who) )|"
    rf"(?<!to )(?<!from ){_SOME_TEAMS}(?:scrum|kanban)\b|"
    # uncounted: "a 40-person scale-up with scrum teams", "we have agile teams"
    r"\b(?:with|have|has|got) (?:several |multiple |many |some |our |its )?(?:scrum|agile|kanban) "
    r"teams\b(?! (?:that|which|who) )"
)
# Some teams on Scrum beside some that are not: a Scrum team is there for a Product Owner.
_SOME_ON_SCRUM = re.compile(rf"{_SOME_TEAMS}scrum\b")
_SELLS_TO = re.compile(r"^\s*(?:and |so |but )?we sell (?:\w+ ){0,3}to \w+\b")
# Departments the company has ("a 60-person company with sales and marketing teams", "we have
# marketing"): what the company is, not what the hire is for.
_DEPARTMENT = r"(?:sales|marketing|support|finance|operations|ops|hr|legal|design)"
_HAS_DEPARTMENTS = re.compile(
    r"(?:\b(?:company|startup|business|firm|org|organi[sz]ation|scale-?up|people|ppl|employees) "
    r"with|\b(?:have|has|got)) (?:an? |our |its |separate |dedicated |small |big |(?:\d+|some|"
    rf"a few) )*{_DEPARTMENT}(?:(?:,| and| &|/) ?{_DEPARTMENT})*(?: (?:teams?|departments?|depts?|"
    # (bare, "sales" may be what is sold: "we have sales but no strategy")
    r"people|folks|staff)(?= *(?:[,.;!?]|$| and\b| but\b| so\b))|(?<!sales) *(?=[,.;!?]|$))"
)
# A clause that wants something done ("we need a PO for our 3 scrum teams"): not only described.
_WANTS = re.compile(
    r"\b(?:need|needs|needed|want|wants|looking for|help|hire|hiring|someone|"
    r"somebody|figure out|how we)\b"
)
_NO_SCRUM = re.compile(
    # ("we do not do waterfall" says the team is agile, not that it runs no Scrum)
    # (what a team moves from is not how it works: "switching from kanban to scrum")
    r"\b(?:no scrum|no sprints|(?<!from )kanban|(?<!not )(?<!n't )(?<!not do )(?<!n't do )"
    r"(?<!from )waterfall|"
    # "shape up rather than scrum", "we moved away from scrum" (not "instead of scrum
    # ceremonies", "instead of sprints dragging on": Scrum itself ends the phrase)
    r"(?:rather than|instead of|in place of|away from|not) (?:doing |using |running )?"
    r"(?:scrum|sprints)(?=\s*(?:$|[,.;:!?)]|(?:and|but|so|now|anymore|any more|today|these days|"
    r"last year|this year|for|because|though|to)\b))|"
    # ("moved from scrum to kanban", "we switched from scrum last year"; not "we learned a lot
    # from scrum", "the request came from scrum of scrums", "moved from sprints of two weeks…")
    r"from (?:scrum|sprints) to\b|(?:switched|moved|migrated|transitioned|went|switching|moving|"
    r"migrating) (?:away )?from (?:scrum|sprints)(?=\s*(?:$|[,.;:!?]|(?:last|this|a|an|two|"
    r"three|some|years?|months?|recently|now)\b))|"
    r"not (?:an? )?agile|"
    # "kein scrum", "sin scrum", "pas de scrum": said in German, Spanish or French
    r"(?:kein|keine|keinen|ohne|sin|sans|pas de) (?:scrum|sprints)|"
    r"(?:dropped|ditched|abandoned|quit|stopped doing|stopped using) (?:(?!and\b|but\b|so\b)\w+ )?"
    r"(?:scrum|sprints)(?! master)|"
    r"(?:don'?t|dont|do not|doesn'?t|does not|didn'?t|did not|aren'?t|are not|not|never|"
    r"no longer|stopped) (?:really |actually |even |formally |strictly |currently |ever )?"
    r"(?:do|doing|did|use|using|used|run|running|ran|practi[cs]e|practi[cs]ing|follow|following|"
    r"work in) (?:\w+ )?(?:scrum|sprints)(?: or scrum)?(?! (?:until|till|before)\b)|"
    # "we tried scrum and hated it", "we're not a scrum shop", "scrum isn't something we do"
    r"tried (?:\w+ )?scrum (?:and|but) (?:hated|dropped|ditched|gave up on|stopped|abandoned) "
    r"(?:it|scrum)\b|"
    r"not an? scrum (?:shop|team|house|company|org|organi[sz]ation)|"
    r"scrum (?:isn'?t|is not) (?:something we (?:do|use|run)|for us|our thing))\b"
)
# Scrum, named before, said not run by a pronoun: "…scrum, we actually do not run it".
_NOT_RUN_IT = re.compile(
    r"\b(?:don'?t|dont|do not|no longer|never) (?:really |actually |even )?(?:run|do|use|"
    r"practi[cs]e|follow) (?:it|that)\b(?! (?:well|properly|right|correctly|fully|by the book|"
    r"stuff|board|part|tool)\b)"
)
# What was said of Scrum taken back: "forget that we run scrum", "ignore what I said about
# scrum" (a clause opening on it; "don't forget we run scrum" keeps it).
_SCRUM_TAKEN_BACK = re.compile(
    r"(?:^|[.!?;,]\s*)(?:(?:oh|ok|okay|please|actually|wait)\W+)*(?:forget|ignore|scratch|"
    r"disregard|never ?mind)\b"
    # up to five words ("forget I mentioned", "ignore my earlier"), a "we" only as reported
    # ("forget that we run scrum"; "never mind my typo we do scrum" says it again)
    r"(?:\s+(?!(?:don'?t|not|never)\b)(?:(?<=that )we\S*|(?<=said )we\S*|(?<=mentioned )we\S*|"
    r"(?!we\b)[\w']+)){0,5}?\s+(?:scrum|sprints|agile)\b"
    r"(?! (?:question|master|masters|values|guide)\b)"
)
# The team said to run Scrum, in so many words: "we run scrum", "we do sprints".
_RUNS_SCRUM = re.compile(
    r"\b(?:we|our (?:team|teams|devs|developers|engineers)) (?:all |still |also |do )?(?:run|do|"
    r"use|follow|practi[cs]e|work in) (?:[\w-]+ )?(?:scrum|sprints)\b|"
    r"\bwe(?:'re| are) (?:all |still |also )?(?:running|doing|using|following|practi[cs]ing) "
    r"(?:[\w-]+ )?(?:scrum|sprints)\b"
)
# Scrum said run here, in so many words, beside where it is not ("we run scrum, though marketing
# doesn't use scrum"): "scrum" itself right after the verb ("we do no scrum", "we do sprints" are
# not).
_RUNS_SCRUM_HERE = re.compile(
    r"\b(?:we|we're|we are|our (?:\w+ )?(?:team|teams|devs|developers|engineers|squads?)) "
    r"(?:all |still |also )?(?:runs?|running|uses?|using|follows?|following|practi[cs]es?|"
    r"practi[cs]ing|works? in|working in|do|does|doing) (?:(?!no\b|not\b|zero\b)[\w-]+ ){0,2}"
    r"scrum\b"
)
# Not knowing whether the team runs Scrum ("I have no idea if we use scrum"): said as such.
_DOUBT = r"\b(?:no idea|not sure|unsure|(?:don'?t|dont|do not) know|no clue|not certain|dunno)\b"
_UNSURE_OF_SCRUM = re.compile(
    rf"{_DOUBT} (?:\w+ ){{0,2}}(?:if|whether) (?:we|our (?:team|teams|devs|developers|engineers)|"
    r"the (?:team|devs|developers|engineers)|they) (?:\w+ ){0,2}(?:use|run|do|work in|practi[cs]e|"
    r"follow)\w* (?:\w+ )?(?:scrum|sprints|agile)\b|"
    rf"{_DOUBT} what (?:scrum|agile|a sprint|sprints) (?:is|are|means)\b"
)
# Asking whether Scrum fits ("does scrum even apply to us?", "should we do scrum?"): a doubt,
# unless the team is said to run it ("we run scrum… is scrum right for a PO hire?").
_ASKS_IF_SCRUM_FITS = re.compile(
    r"\b(?:does|would|will|can) (?:scrum|agile) (?:\w+ )?(?:apply|work|fit|make sense)\b|"
    r"\b(?:should|must|do) (?:we|i) (?:\w+ )?(?:use|do|adopt|try|need|start|switch to) "
    r"(?:scrum|sprints|agile)\b|\bis (?:scrum|agile) (?:\w+ )?(?:right|for us|a fit|worth)\b"
)
# A clause that says in so many words what is wanted ("what we really need is growth"): where
# one names work, the team's other clauses ("we do scrum") describe the team, not the hire.
_ASKED_FOR = re.compile(
    r"\bwhat (?:we|i) (?:really |actually |most |mostly )?(?:need|want|lack|miss)\b|"
    r"\bwhat'?s (?:really |actually )?missing\b|\bwe(?:'re| are) missing\b|\bwe lack\b|"
    r"\b(?:we|i) (?:really |actually )?(?:need|want) (?:is|are)\b"
)
_HAVE = (
    r"(?:we (?:already |also )?have|there'?s already|already have|"
    r"we(?:'ve| have) (?:already |also )?got|our existing|"
    r"our current|we already hired|we hired|we just hired|we(?:'ve| have) just hired|"
    r"already employ)"
)
# Each role's names in a lower-cased message.
_ROLE_NAMES: dict[RoleId, str] = {
    "product-owner": r"(?:product owner|po)",
    "product-manager": r"(?:product manager|pm)",
}
_PO, _PM = _ROLE_NAMES["product-owner"], _ROLE_NAMES["product-manager"]
# How many of a role are on staff, where more than one ("we have 4 PMs", "three product managers").
_SEVERAL = r"(?:[1-9]\d*|two|three|four|five|six|seven|eight|nine|ten|several|a few|a couple of) "


# "1 pm" followed by what makes it a time of day ("1 pm standup", "1 pm tomorrow"), not a PM.
_ONE_PM_AS_TIME = (
    r"1 (?=product |pos?\b)|1 (?!pms? (?:stand-?ups?|syncs?|meetings?|calls?|reviews?|retros?|"
    r"deadlines?|slot|sharp|start|lunch|check-?ins?|demos?|tomorrow|today|tonight|to \d|"
    r"(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)days?|\w*ish)\b)"
)


def _one_of(role: str) -> str:
    """One of a role on staff: "a PM", "our PO", "1 PM" (not "1 pm" as a time of day)."""
    return rf"{_HAVE} (?:a |an |one |our |{_ONE_PM_AS_TIME})?{role}s?\b|{_HAVE} {_SEVERAL}{role}s\b"


# "Our PM (, Sarah,) handles strategy": someone in the role doing work now; not one hoped for
# ("ideally our PM owns strategy", "our PM, ideally, …"), to come ("so our PM runs…" after the
# advice) or absent ("our PM does not exist yet").
_HEDGES = r"ideally|hopefully|maybe|probably|eventually|however|whoever|if|when|once|who|which"
_AT_WORK = (
    rf"(?:, (?!(?:{_HEDGES})\b)[a-z]+,)? (?:already |also )?(?:handles|does|owns|runs|covers|"
    r"leads|manages|takes care of|looks after)\b(?! not\b| no\b)"
)
_STAFF: dict[RoleId, re.Pattern[str]] = {
    "product-owner": re.compile(
        rf"{_one_of(_PO)}|\bthe po we hired\b|\ball with pos\b|\bgot our po\b"
    ),
    "product-manager": re.compile(rf"{_one_of(_PM)}|\bthe pm we hired\b|\bgot our pm\b"),
}
_AT_WORK_NOW = {role: re.compile(rf"\bour {name}{_AT_WORK}") for role, name in _ROLE_NAMES.items()}
# Before it in its clause, a role only hoped for or planned: "ideally, our PM owns…", "the plan:
# our PO runs…", "once hired, our PM…", "so our PM runs…" (after the advice).
_NOT_YET = re.compile(
    r"\b(?:ideal\w*|hopefully|plan\w*|setup|set-up|once|later|eventually|would|should|want\w*|"
    r"like|where|if|when|will|so|then|future)\b"
)
# ... or said to be "already" there or "in place", in a clause that does not want one there ("we
# want a PO and a PM in place by January", "do we need a PO and a PM already?").
_IN_PLACE = {
    "product-owner": re.compile(r"\band a po already\b|\bpos? (?:already|in place)\b"),
    "product-manager": re.compile(r"\band a pm already\b|\bpm (?:already|in place)\b"),
}
_WANTED_THERE = re.compile(r"\b(?:want|wants|need|needs|get|hire|hiring)\b")
# A role said to be vacant now ("our PM just quit", "so we have no PO"): no longer on staff.
_VACATED = {
    role: re.compile(
        rf"\b(?:we have no|we don'?t have an?|no longer have an?|we(?:'re| are) without an?|"
        rf"lost (?:our|the)) {name}s?\b(?!'s)|\b{name}(?:, [a-z]+,)? (?:just |has |already )?"
        r"(?:quit|resigned|"
        r"is leaving|(?:was|got) (?:fired|let go)|left(?= the (?:company|team)\b|"
        r" last \w+|\s*(?:$|[,.;!?]| and | so | recently)))"
    )
    for role, name in _ROLE_NAMES.items()
}
# Suppliers said to be absent ("we have no suppliers"): no work for the hire. (A plan said to be
# missing, "we have no GTM plan", is a need: the hire would make one.)
_ABSENT = re.compile(
    r"\b(?:no|without|zero|(?:don'?t|dont|do not|never) (?:have|need|use|work with))\s+(?:any |"
    r"external |outside )?(?:suppliers?|vendors?|supply chain|manufacturers?|factories)\b"
)
# Scrum's work said absent beside Scrum said not run ("we do not run sprints and have no
# backlog"): how the team works, where nothing is wanted. (Alone, "we have no backlog and the
# devs are idle" is a need.)
_NO_SCRUM_WORK = re.compile(
    r"\b(?:no|without|(?:don'?t|dont|do not|never) (?:have|use))\s+(?:a |any )?(?:product )?"
    r"(?:backlogs?|sprints?)\b"
)
# Both on staff, said in one breath: "we already have a PO and a PM" (not "a PO and a PM role
# open", "a PO and PM budget", "a PM and a PM intern").
_TWO_ROLES = (
    rf"{_HAVE} (?:a |an |one |our )?(?:{_PO}s? (?:and|&|\+|plus) (?:a |an |one |our )?{_PM}s?|"
    rf"{_PM}s? (?:and|&|\+|plus) (?:a |an |one |our )?{_PO}s?)\b"
)
_VACANT = r"[- ]?(?:roles?|positions?|vacanc\w*|openings?|budgets?|reqs?|interns?|shaped)\b"
# ... or "we already have both" (said of the two roles asked about).
_BOTH_STAFF = re.compile(
    rf"{_TWO_ROLES}(?!{_VACANT})|{_HAVE} both(?: roles| of them)?(?: already| actually| too)*\W*$|"
    # "a scale-up with a PO and a PM already" (not "we want a PO and a PM in place")
    r"\b(?:with|have|has|got|there is|there's|there are) (?:a |an |one )?"
    rf"(?:{_PO}s? (?:and|&) (?:a |an |one )?{_PM}s?|{_PM}s? (?:and|&) (?:a |an |one )?{_PO}s?) "
    r"(?:already|in place)\b"
)
_BOTH_VACANT = re.compile(rf"{_TWO_ROLES}{_VACANT}")
# What a company is, in three kinds of evidence, the first found deciding: what the person
# calls it ("a 40 person payments startup" is a startup, whatever its size), then its size in
# people, then hints of its stage (funding, industry, revenue).
# (what a company is said no longer to be, or only to feel like, is not what it is called)
_NOT_ANY_MORE = (
    r"(?<!not a )(?<!not an )(?<!no longer a )(?<!no longer an )(?<!used to be a )"
    r"(?<!used to be an )(?<!was a )(?<!was an )(?<!were a )(?<!were an )"
)
_ONLY_LIKE = r"(?! (?:mindset|culture|vibe|feel|spirit|energy|within|inside)\b)"
_CALLED = (
    (
        re.compile(
            # ("pricing for enterprise", "selling to enterprise": whom it sells to)
            r"(?<!for )(?<!sell to )(?<!sells to )(?<!selling to )(?<!into )(?<!target )"
            r"(?<!targeting )(?<!serve )(?<!serving )"
            rf"{_NOT_ANY_MORE}\b(?:enterprise|corporation|corp|large company|multinational)\b"
            # "an enterprise SaaS startup" sells to enterprises
            r"(?! (?:saas|software|clients?|customers?|sales|b2b|products?|market|tools?|"
            r"prospects?|deals?|accounts?|buyers?|segment|tier|contracts?|features?|plans?|"
            r"pricing|packag\w*|editions?|versions?|offerings?|licen[cs]\w*|support|sso)\b)"
        ),
        "enterprise",
    ),
    (re.compile(rf"{_NOT_ANY_MORE}\bscale-?up\b{_ONLY_LIKE}"), "scale-up"),
    (
        re.compile(rf"{_NOT_ANY_MORE}\b(?:small business|smb|family business|small company)\b"),
        "small-business",
    ),
    (re.compile(rf"{_NOT_ANY_MORE}\bstart-?up\b{_ONLY_LIKE}"), "startup"),
)
_PEOPLE = r"[- ](?:people|ppl|person|employees|staff|folks)\b"
# (people to hire are no size: "no money for 2 people", "we can hire 2 people")
_NOT_HIRED = (
    r"(?<!for )(?<!hire )(?<!hiring )(?<!afford )(?<!add )"
    # (a size planned or past is not the company's now: "plan to be 300 people", "we had 300")
    # ("what if we grow to 300 people?" supposes a size: read as one)
    r"(?<!plan to be )(?<!planning to be )(?<!aim to be )(?<!aiming to be )(?<!hope to be )"
    r"(?<!expect to be )(?<!'ll be )(?<! will be )(?<!used to be )(?<!used to have )"
    r"(?<!(?<!if )we had )"  # ("what if we had 300 people?" supposes one)
)
_SIZED = (
    # (a company of a few hundred is a large one with many departments, not one growing into
    # several teams: "a 400 person insurance company")
    (re.compile(rf"{_NOT_HIRED}\b(?:\d{{4,}}|[3-9]\d\d|2[5-9]\d){_PEOPLE}"), "enterprise"),
    (re.compile(rf"{_NOT_HIRED}\b(?:[3-9]\d|1\d\d|2[0-4]\d){_PEOPLE}"), "scale-up"),
    (re.compile(rf"{_NOT_HIRED}\b(?:[1-9]|[12]\d){_PEOPLE}"), "startup"),
)
_HINTED = (
    (
        re.compile(r"(\$?\d{3,}\s?(?:m\b|million)|billion|old-school|established co|industrial)"),
        "enterprise",
    ),
    (
        re.compile(
            r"(scaling|series [b-e]\b|raising a [b-e]\b|hypergrowth|several teams|"
            r"\b[3-9] (?:scrum )?teams)"
        ),
        "scale-up",
    ),
    (re.compile(r"(agency|\bshop\b)"), "small-business"),
    (re.compile(r"(seed|pre-seed|series a\b|founders?|cofounder|co-founder|mvp)"), "startup"),
)


_MANUFACTURING = re.compile(r"\bmanufactur\w*")
# Words before "manufacturer" in its clause that make it a supplier or a customer, not the
# company.
_SUPPLIER_FRAME = re.compile(
    r"\b(?:with|to|from|for|outsourc\w*|contract|third[- ]party|partner\w*|suppliers?|vendors?|"
    r"helps?|serves?|sells?|customers|clients|users|away)\b"
)
# Words after it that make it someone the company works with: "our manufacturing partner".
_SUPPLIER_NAMED = re.compile(
    r"\s+(?:partners?|vendors?|suppliers?|contractors?|(?:builds|makes|produces|assembles) "
    r"(?:our|the))\b"
)
# "our|the|their manufacturer" said of a supplier, unless the company says it is one ("we're the
# manufacturer of the device").
_THEIRS = re.compile(r"^(?!.*\bwe(?:'re| are)\b).*\b(?:our|the|their)\s+(?:[\w-]+\s+)?$")


class HiringFacts(BaseModel):
    """What is known so far about a hire; None where nothing was said."""

    model_config = ConfigDict(frozen=True)

    company_stage: CompanyStage | None = None
    goal: Goal | None = None
    uses_scrum: ScrumAnswer | None = None
    existing_roles: tuple[RoleId, ...] = ()
    headcount: Literal[1, 2] | None = None
    # The work the hire is for, as the questionnaire's needs (ids or the leader's words).
    needs: tuple[str, ...] = ()

    @classmethod
    def of_answers(cls, answers: HiringAnswers) -> HiringFacts:
        """The questionnaire's answers as facts, so a conversation can go on from its advice."""
        return cls(
            company_stage=answers.company_stage,
            goal=answers.goal,
            uses_scrum=answers.uses_scrum,
            existing_roles=tuple(answers.existing_roles),
            headcount=answers.headcount,
            needs=tuple(answers.needs),
        )

    def merged(self, newer: HiringFacts) -> HiringFacts:
        """These facts updated with what a later message said; goals add up to "both"."""
        goal = self.goal if newer.goal is None else newer.goal
        if self.goal and newer.goal and self.goal != newer.goal:
            goal = "both"
        return HiringFacts(
            company_stage=newer.company_stage or self.company_stage,
            goal=goal,
            uses_scrum=self.uses_scrum if newer.uses_scrum is None else newer.uses_scrum,
            existing_roles=tuple(dict.fromkeys([*self.existing_roles, *newer.existing_roles])),
            headcount=newer.headcount or self.headcount,
            needs=tuple(dict.fromkeys([*self.needs, *newer.needs])),
        )

    def corrected(self, newer: HiringFacts) -> HiringFacts:
        """These facts with what a correction says put in their place ("no wait, growth"
        replaces the goal rather than adding up to "both")."""
        return self.model_copy(
            update={name: value for name, value in newer if value is not None and value != ()}
        )

    def missing(self) -> Fact | None:
        """The one fact worth asking for next, or None when there is enough to advise."""
        if self.goal is None:
            return "goal"
        if self.goal == "both" and self.headcount is None and not self.existing_roles:
            return "headcount"
        return None

    def unstated(self) -> set[str]:
        """The facts nobody gave, which `answers` fills with defaults."""
        return {name for name, value in self if value is None or value == ()}

    def answers(self) -> HiringAnswers:
        """Answers for the advisor, with defaults for what was not said: a startup, Scrum when
        the goal is delivery, one hire."""
        goal = self.goal or "both"
        scrum = self.uses_scrum if self.uses_scrum is not None else goal == "deliver-product"
        return HiringAnswers(
            company_stage=self.company_stage or "startup",
            goal=goal,
            uses_scrum=scrum,
            existing_roles=list(self.existing_roles),
            # Two only where both sides are wanted and the company is big enough that two is
            # usual; startups and small businesses usually hire one product person.
            headcount=self.headcount
            or (2 if self.goal == "both" and self.company_stage in LARGER_STAGES else 1),
            needs=list(self.needs),
        )


def _lowered(text: str) -> str:
    """A message as the patterns read it: lower case, one space between words, apostrophes
    straight (a phone types a curly one in "don't")."""
    return " ".join(text[:MAX_STORY].translate(STRAIGHT_QUOTES).lower().split())


# A clause asking whose some work is ("also who owns the pricing page"): a question of its own,
# no need of the hire's.
_ASKS_WHOSE_WORK = re.compile(
    r"^\s*(?:(?:and|also|plus|oh|btw|but|so|separately|unrelated|side q),? )*who(?:'s| is)? "
    r"(?:owns?|does|handles?|runs?|writes?|decides?|is responsible for|responsible for|"
    r"is in charge of|(?:will|should|would) (?:own|do|handle|run|write|decide))\b"
)


def _clauses(said: str) -> list[str]:
    """A (lowered) message's clauses, without the work said to be absent ("we have no
    suppliers")."""
    return [
        _ABSENT.sub(" ", c)
        for c in re.split(
            r"[.;!?\n]|—| - |, but | but |, (?:(?:and|also|plus|so) )?(?=who\b)|"
            r", (?=not |no |we |i |what we |which )",
            said,
        )
        if c.strip()
    ]


def _needed(clauses: list[str], said: str) -> list[str]:
    """The clauses of `said` that may say what the hire is for: not work said to be covered,
    not only how the team works ("we run scrum": the article has the goal decided first), not a
    question of whose some work is ("…? also who owns pricing?"; a relative "who", "we need a PM,
    who handles pricing.", is no question)."""
    return [
        c
        for c in clauses
        if not _covered(c)
        and not only_process(c)
        and not (_ASKS_WHOSE_WORK.match(c) and _asked(c, said))
    ]


def _asked(clause: str, said: str) -> bool:
    """Whether a clause of `said` is asked: a question mark after it, or it ends the message
    (a Slack line asks without one: "…. who owns pricing")."""
    told = clause.strip()
    return re.search(rf"{re.escape(told)}\s*\?", said) is not None or said.rstrip(" .!").endswith(
        told
    )


# Where a clause lists pieces of work: "suppliers, pricing and the launch in mexico".
_PIECE_BREAK = re.compile(r",|;|\band\b|&|\+|\s/\s|\balso\b|\bplus\b")


# What places a piece of work: its responsibility's id and owners, or None where it names no
# role's work (the matcher, in the conversation).
Place = Callable[[str], tuple[str, tuple[RoleId, ...]] | None]


# A piece of a story that tells of the company or its people rather than of work wanted: "we
# sell to banks", "our CEO is ex-sales", "i'm the founder" (not "we need someone for pricing",
# nor "our sprint planning is chaos": work missing, `_MISSING`).
_TELLS_OF_US = re.compile(
    r"^\s*(?:we|we're|we are|we've|our|i|i'm|i am|i've|my)\b(?!.*\b(?:need\w*|wants?|"
    r"want(?:ed|ing)|looking for|can'?t|cannot)\b)"
)
# A piece naming the hire itself: "our CTO said we need a product person" (not "a PM for
# pricing", "a PM with go-to-market experience").
_THE_HIRE = re.compile(
    r"\b(?:need|needs|want|wants|hire|hiring|get|looking for) (?:a |an |one |another |some )?"
    r"(?:product (?:person|hire|role|manager|owner)|pm|po|someone|somebody|a person|person)\b"
    r"(?! (?:to|for|who|that|on|doing|owning|running|with|experienced|skilled|good|strong)\b)"
)
# A piece naming only a side of the work: "growth", "the delivery side", "the business side".
_A_SIDE = re.compile(
    r"^\s*(?:(?:we|i) )?(?:(?:also|really|just) )?(?:(?:need|want|and|more|some)\s+)?"
    r"(?:(?:them|someone|a person|it) )?(?:for )?(?:both )?(?:the )?"
    r"(?:growth|to grow|grow(?:ing)? the business|business|the business side|business side|"
    r"delivery|to deliver|the delivery side|delivery side|scale|scaling|revenue)"
    r"(?: stuff| things| side| part| work)?\W*$"  # "business stuff" names a side, not work
)
# A piece taking work back: "forget pricing", "scratch that", "we no longer need pricing", "drop
# the backlog from the list" (not "we can't forget the backlog", "build it from scratch",
# "remove blockers from the team", "the roadmap is no longer working").
_TAKEN_BACK = re.compile(
    r"(?:^|\b(?:actually|oh|ok|okay|and|so|wait|also|please|pls|hmm|no)\W+)(?:forget|scratch)\b|"
    r"(?<!from )\bscratch (?:that|this|the|our)\b|\bno longer need\b|"
    r"\b(?:don'?t|do not|doesn'?t) need (?:the |our |any )?\w|"
    r"\b(?:drop|remove) (?:it|that|this)\b|"
    r"\b(?:drop|remove) (?:the |our )?[\w-]+(?: [\w-]+)? (?:from|off) (?:the |our |my )?"
    r"(?:list|needs|plan)\b"
)


def _describes(piece: str) -> bool:
    """Whether a piece of a story describes the company (its stage: "we're a scale-up", or
    itself: "we sell to banks") or names the hire itself, rather than work wanted."""
    if _stage(piece) is not None or _THE_HIRE.search(piece) is not None:
        return True
    return _TELLS_OF_US.match(piece) is not None and _MISSING.search(piece) is None


class WorkTold(NamedTuple):
    """The work a hiring message names, placed: wanted (the hire's needs) and taken back."""

    wanted: tuple[str, ...]
    taken_back: tuple[str, ...]


def work_told(text: str, place: Place) -> WorkTold:
    """The work a hiring message wants done, as the hire's needs (the questionnaire's third
    step, by responsibility id): each piece of the clauses `read_facts` reads a goal from, split
    where they list, that `place` gives to a role; and the work it takes back ("actually forget
    pricing"). Not wanted: a side's work where that side is said to be taken care of ("our CEO
    handles the commercial stuff - pricing, partners"), work said to be fine ("pricing is
    fine"), and any where the story names a side only by name ("user stories, and the business
    side"): one side's tasks would outweigh the other side's name, which the goal weighs."""
    said = _lowered(text)
    clauses = _clauses(said)
    # (a side is done where a clause naming its work says so: "we don't need help with the
    # backlog, we need pricing" leaves pricing wanted)
    sides = ((PRODUCT_MANAGER, _NO_BUSINESS, _BUSINESS), (PRODUCT_OWNER, _NO_DELIVERY, _DELIVERY))
    done = {
        role
        for role, said_done, its_work in sides
        if any(_says_done(said_done, c) and its_work.search(c) for c in clauses)
    }
    wanted: dict[str, None] = {}
    taken_back: dict[str, None] = {}
    side_named = False
    for clause in clauses:
        # (how the team works, or does not, and whom it sells to describe the company: "3 scrum
        # teams", "we do not run sprints")
        described = _GROWS_A_TEAM.sub(
            " ",
            _NO_SCRUM.sub(
                " ", _how_it_works_out(_described(_TEAMS_COUNTED, _described(_SELLS_TO, clause)))
            ),
        )
        for piece in _PIECE_BREAK.split(described):
            if _A_SIDE.match(piece):
                side_named = True
                continue
            placed = place(piece) if piece.strip() and not _describes(piece) else None
            if placed is None:
                continue
            if _TAKEN_BACK.search(clause):
                taken_back[placed[0]] = None
            elif (
                clause in _needed([clause], said)
                and not _covered(piece)
                and not (len(placed[1]) == 1 and placed[1][0] in done)
            ):
                wanted[placed[0]] = None
    return WorkTold(() if side_named else tuple(wanted), tuple(taken_back))


# The ways of working a message must name to say anything of Scrum.
_WAYS_NAMED = ("scrum", "sprint", "agile", "kanban", "waterfall")


def runs_no_scrum(text: str) -> bool:
    """Whether a message says the team runs no Scrum ("we don't use Scrum. who manages our
    backlog?"), as `read_facts` reads it, without reading the rest of its facts."""
    return _scrum_of(_lowered(text)) is False


def _scrum_of(said: str) -> ScrumAnswer | None:
    """What a (lowered) message says of the team running Scrum (nothing, where it names no way
    of working: every rule below needs one of these words)."""
    if not any(word in said for word in _WAYS_NAMED):
        return None
    if _UNSURE_OF_SCRUM.search(said):
        return "unsure"
    if (
        _NO_SCRUM.search(said)
        and not _RUNS_SCRUM_HERE.search(said)  # "we run scrum, though marketing doesn't use it"
        and not (
            _SOME_ON_SCRUM.search(said) and not _NO_SCRUM.search(_TEAMS_COUNTED.sub(" ", said))
        )
    ):
        return False
    if re.search(r"\b(scrum|sprints?|agile)\b", said):
        doubted = _ASKS_IF_SCRUM_FITS.search(said) and not _HOW_IT_WORKS.search(said)
        # "we tried scrum but no longer use it": named, and said not run ("we run scrum; the
        # devs don't use that board" runs it)
        not_run = _NOT_RUN_IT.search(said) and not _RUNS_SCRUM.search(said)
        return False if not_run else "unsure" if doubted else True
    return None


def read_facts(text: str) -> HiringFacts:
    """The facts a message states. Lower-cased matching; nothing is guessed from tone. A clause
    saying one side is already covered ("the commercial side belongs to our CPO") does not count
    as a need on that side, nor does work said to be absent ("we have no suppliers")."""
    said = _lowered(text)
    clauses = _clauses(said)
    needed = _needed(clauses, said)
    asked_for = [c for c in needed if _ASKED_FOR.search(c)]
    if any(_DELIVERY.search(c) or _BUSINESS.search(c) for c in asked_for):
        needed = asked_for
    # "no scrum" says how the team works, not that delivery is wanted
    needed = [_GROWS_A_TEAM.sub(" ", c) for c in needed]
    delivery = any(
        _DELIVERY.search(_NO_SCRUM.sub(" ", _how_it_works_out(_scrum_as_said(c))))
        and not _says_done(_NO_DELIVERY, c)
        for c in needed
    )
    business = any(
        _BUSINESS.search(_described(_HAS_DEPARTMENTS, _described(_SELLS_TO, c)))
        and not _says_done(_NO_BUSINESS, c)
        for c in needed
    )
    # One side said to be taken care of, and the other wanted: the story is about the other
    # side, and the covered side's work it lists ("our CEO handles the commercial stuff -
    # pricing, partners") describes what is covered, not a need.
    if delivery and business:
        delivery_done = any(_says_done(_NO_DELIVERY, c) for c in clauses)
        business_done = any(_says_done(_NO_BUSINESS, c) for c in clauses)
        if delivery_done != business_done:
            delivery, business = not delivery_done, not business_done
    goal: Goal | None = None
    if delivery and business:
        goal = "both"
    elif delivery:
        goal = "deliver-product"
    elif business:
        goal = "build-business"
    # What is stated outweighs what is asked: "do I need two people? we only have money for one"
    headcount = _head_count(without_questions(said)) or _head_count(said)
    scrum = _scrum_of(said)
    if (
        goal is None
        and scrum is True
        and any(_says_done(_NO_BUSINESS, c) for c in clauses)
        and not any(_says_done(_NO_DELIVERY, c) for c in clauses)
    ):
        # "devs do scrum, founders do strategy": the business side is taken, the team runs
        # Scrum, so what is left for the hire is delivery (unless someone is said to run that).
        goal = "deliver-product"
    both = _BOTH_STAFF.search(said)
    in_place = [c for c in clauses if not _WANTED_THERE.search(c)]
    staff = (
        ()
        if _BOTH_VACANT.search(said)
        else tuple(
            role
            for role in _STAFF
            if both
            or _STAFF[role].search(said)
            or any(_IN_PLACE[role].search(c) for c in in_place)
            or any(_at_work_now(role, c) for c in clauses)
        )
    )
    return HiringFacts(
        company_stage=_stage(said),
        goal=goal,
        uses_scrum=scrum,
        existing_roles=staff,
        headcount=headcount,
    )


# Short replies to the question RoleFit asked back ("the delivery side", "just one", "yep").
_BOTH_SIDES = re.compile(
    r"\b(?:both|all of (?:it|that|the above)|everything|a bit of both|a mix)\b"
)
_DELIVERY_SIDE = re.compile(
    r"\b(?:deliver\w*|the build|build side|building it|devs?|developers?|dev team|development|"
    r"tech side|technical side|engineering|product side|team side|backlog|sprints?|"
    r"stor(?:y|ies)|execution|shipping)\b"
)
_BUSINESS_SIDE = re.compile(
    r"\b(?:(?<!small )(?<!family )business(?!es)|commercial|market(?!place)\w*|strateg\w*|sales|"
    r"selling|"
    r"growth|customers?|money|"
    # ("someone to grow our marketplace")
    r"(?:grow|grows|growing|scale|scaling) (?:the |our |a )?marketplace|"
    r"(?<!pre-)(?<!pre )revenue|pricing|go[- ]to[- ]market|gtm)\b"
)
# A side of the work named only to be ruled out: "not the business side", "nothing about
# revenue", "no delivery".
_NOT_THIS_SIDE = re.compile(
    r"\b(?:not|nothing (?:about|on|to do with)|no|never mind|forget(?: about)?) (?:the |our |any )?"
    r"[\w-]+(?: side| stuff| part| work)?"
)
_YES = re.compile(r"^(?:yes|yep|yeah|yup|ya|sure|of course|we do|correct|absolutely|si|oui|ja)\b")
_NO = re.compile(r"^(?:no|nope|nah|not really|we don'?t|never)\b|\b(?:kanban|waterfall)\b")
# A count that is of something else: "two-week sprints", "our 2 founders", "1 scrum team".
_NOT_A_HEAD_COUNT = (
    r"(?![- ](?:week|weeks|month|months|day|days|year|years|founders?|teams?|squads?|sprints?|"
    r"engineers?|devs?|developers?|products|product lines?|employees|members)\b)"
)
# …nor is a team's or company's size: "team size is 8", "we are 8".
_A_SIZE_BEFORE = (
    r"(?<!size is )(?<!size of )(?<!size )(?<!size: )(?<!we are )(?<!we r )(?<!we're )"
    r"(?<!there are )"
)
# One hire for each of several teams: room for both roles ("one per team, we have two teams").
_ONE_PER_TEAM = re.compile(
    r"\bone (?:each|apiece)\b|\b(?:one|a|1) (?:per|for each(?: of)?|for every|in each)\b"
    r"[^.?!]{0,25}\b(?:teams?|squads?)\b"
)
# …unless there is one team: "one per team, but we only have one team".
_ONE_TEAM = re.compile(r"\b(?:only (?:have )?one|a single|just one|one) (?:team|squad)\b(?! each)")
_ONE_ANSWER = re.compile(
    rf"{_A_SIZE_BEFORE}\b(?:one|1|single|just one|only one)\b{_NOT_A_HEAD_COUNT}"
)
# Two said to be out of reach: "no $$ for 2", "not enough budget for two", "can't pay for both".
# (the two must be hires: "no funding for 2 years", "no budget for a second round" are not)
_HIRED_TWO = (
    r"(?:two|2|both|a second)(?!\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|quarters?|"
    r"rounds?|desks?|offices?|designers?|engineers?|devs?|developers?|sales\w*|marketers?|"
    r"recruiters?|seats? at|laptops?|licen[cs]es?)\b)"
)
_TWO_DENIED = re.compile(
    r"(?:\bno|\bnot enough|\bwithout (?:the )?)\s*(?:\$+|money|budget|cash|funds?|funding|room|"
    rf"headcount)\s*(?:for |to hire |to pay )?{_HIRED_TWO}|"
    rf"\b(?:can'?t|cannot|can not|won'?t|unable to) (?:afford|pay for|fund|hire)\s*{_HIRED_TWO}"
)
# Two or more: RoleFit advises one hire or two, so "3" or "a few" is room for both roles.
_TWO_ANSWER = re.compile(
    rf"{_A_SIZE_BEFORE}(?:\b(?:two|2|both|a couple|a few|several|second)\b|"
    # (three or more of a team is its size: "we are a team of 8"; "a team of two" may be hires)
    rf"(?<!team of )(?<!company of )\b(?:[3-9]|three|four|five)\b){_NOT_A_HEAD_COUNT}"
)


# A correction this short is read like a reply to a button ("no wait, growth", "actually 2").
SHORT_CORRECTION_WORDS = 2
# How a message opens when it corrects what the advice rested on.
_CORRECTION = re.compile(
    r"^\W*(?:(?:hmm+|um+|well|ok|oh),? )?(?:actually|no|nope|nah|wait|correction|sorry|oops|"
    r"scratch that|forget|never ?mind|that'?s wrong|thats wrong|wrong|"
    # a head count supposed in so few words: "what if only one (again)?"
    r"(?:what|and) if(?= (?:(?:only|just) )?(?:one|two|1|2)\b)|"
    # or taken back in a few: "back to one", "can't afford 2", "only budget for one"
    r"(?=back to (?:one|two|1|2)\b|(?:we |i )?(?:can'?t|cannot) afford\b|"
    r"only (?:the )?(?:budget|money|room|headcount) for\b))\b"
)


_SAID_AGAIN = re.compile(r"\s+(?:again|then|instead|now)\W*$")


def read_vacated(text: str) -> tuple[RoleId, ...]:
    """The roles a message says are vacant now ("our PM just quit"): off the staff the advice
    counts."""
    said = _lowered(text)
    return tuple(role for role, pattern in _VACATED.items() if pattern.search(said))


def _scrum_as_said(clause: str) -> str:
    """A clause without its doubts or its words taking Scrum back: what is left may want
    delivery ("forget what I said about scrum" wants nothing)."""
    return _SCRUM_TAKEN_BACK.sub(" ", _without_doubts(clause))


# A head count told in a correction's words: "budget got cut, only 1 now".
_HEADCOUNT_TOLD = re.compile(
    r"\b(?:budget|headcount|hires?|reqs?|seats?)\b.*\b(?:only|just) (?:one|1|two|2)\b(?! of)|"
    r"\b(?:only|just) (?:one|1|two|2)\b(?! of).*\b(?:budget|headcount|hires?|reqs?|seats?)\b"
)
_OTHERS = re.compile(
    r"\b(?:clients?|customers?|partners?|vendors?|competitors?|accounts?|the team|our team)\b"
)


# A clause set beside the one before it: "…our biggest account, a bank with 5000 employees".
_APPOSED = re.compile(r"^\s*(?:a|an|the)\b")


def _of_the_company(text: str) -> str:
    """A correction without the clauses about others ("…, our clients are enterprises"), a
    team ("the team is 8 people") or what follows them ("…our biggest account, a bank with 5000
    employees"): what is left speaks of the company itself."""
    kept: list[str] = []
    dropped = False
    for clause in re.split(r"[,;.]", text.lower().replace("\u2019", "'")):
        dropped = bool(_OTHERS.search(clause)) or (dropped and bool(_APPOSED.match(clause)))
        if not dropped:
            kept.append(clause)
    return " ".join(kept)


def scrum_taken_back(text: str) -> bool:
    """Whether a message takes back what was said of Scrum, saying nothing in its place
    ("forget that we run scrum"; "…, we actually don't run it" says none instead, and "scratch
    that, we do run scrum" says it again)."""
    said = text[:MAX_STORY].translate(STRAIGHT_QUOTES).lower()
    taken = _SCRUM_TAKEN_BACK.search(said)
    if taken is None or read_facts(said).uses_scrum is False:
        return False
    rest = said[: taken.start()] + " " + said[taken.end() :]
    return read_facts(rest).uses_scrum is None


def read_correction(text: str) -> HiringFacts:
    """What a message correcting the advice's goal, head count or company stage says
    ("actually we can hire two", "no wait, growth", "actually we are only 15 people"); nothing
    unless it opens as a correction. Pushback on anything else ("no, we're not even agile") is
    pushback, not new facts."""
    opening = _CORRECTION.match(text[:MAX_STORY].translate(STRAIGHT_QUOTES).lower())
    if opening is None:
        return HiringFacts()
    found = read_facts(text)
    # the stage put right is their own company's ("actually we are only 15 people"), not a
    # client's ("actually our biggest client is a 5000 person bank")
    corrected = HiringFacts(
        company_stage=_stage(_of_the_company(text)),
        goal=found.goal,
        headcount=found.headcount,
        existing_roles=found.existing_roles,  # "actually we already have a PM — she…"
    )
    rest = _SAID_AGAIN.sub("", text[opening.end() :].lower())  # "…only one again?"
    if corrected.headcount is None and _HEADCOUNT_TOLD.search(rest):
        # "actually budget got cut, only 1 now": the head count, said in passing
        corrected = corrected.merged(read_answer(rest, "headcount"))
    if len(rest.split()) > SHORT_CORRECTION_WORDS:
        return corrected  # "no, we have 5 devs" says nothing of the hire's head count or goal
    for fact in ("goal", "headcount"):
        if getattr(corrected, fact) is None:
            corrected = corrected.merged(read_answer(text, fact))
    return corrected


def read_answer(text: str, fact: Fact) -> HiringFacts:
    """What a reply to RoleFit's question about `fact` says of it, in words instead of the
    buttons: "the delivery side", "both, and we can afford two", "just one", "yep"."""
    said = _lowered(text)
    if fact == "goal":
        if only_process(said):
            return HiringFacts()  # "we ship in two-week sprints": how the team works, no goal
        # A side said not to be it ("not the business side, delivery", "nothing about
        # revenue") or to be fine ("the teams are fine on delivery") is read out first, and so
        # is how the team works, or does not ("two teams doing scrum, 2 week sprints", "we do
        # not run sprints and have no backlog"): that is no answer to what the hire is for.
        delivery = business = False
        # (a reply that wants anything wants what it names: "we run 2 week sprints and need
        # help running them", "we have two developers but nobody prioritises")
        wanted = bool(_WANTS.search(said) or _NOBODY.search(said))
        for clause in (part for c in _clauses(said) for part in c.split(",")):
            if wanted:
                kept, delivery_done, business_done = _NOT_THIS_SIDE.sub(" ", clause), False, False
            else:
                kept = _NOT_THIS_SIDE.sub(" ", _NO_SCRUM.sub(" ", _how_it_works_out(clause)))
                delivery_done = _says_done(_NO_DELIVERY, kept) or bool(_FINE_ON.search(kept))
                business_done = _says_done(_NO_BUSINESS, kept)
            delivery |= bool(_DELIVERY_SIDE.search(kept)) and not delivery_done
            business |= bool(_BUSINESS_SIDE.search(kept)) and not business_done
        kept = _NOT_THIS_SIDE.sub(" ", said)
        if _BOTH_SIDES.search(kept) or (delivery and business):
            return HiringFacts(goal="both")
        if delivery or business:
            return HiringFacts(goal="deliver-product" if delivery else "build-business")
    elif fact == "headcount":
        per_team = _ONE_PER_TEAM.search(said) and not _ONE_TEAM.search(_ONE_PER_TEAM.sub(" ", said))
        if _TWO_DENIED.search(said):
            return HiringFacts(headcount=1)
        if _TWO_ANSWER.search(said) or per_team:
            return HiringFacts(headcount=2)
        if _ONE_ANSWER.search(said):
            return HiringFacts(headcount=1)
    elif _YES.search(said) or _NO.search(said):
        return HiringFacts(uses_scrum=not _NO.search(said))
    return HiringFacts()


# A clause saying its work is already done or not wanted, and one saying it is missing.
_COVERED = re.compile(
    r"n't\b|\b(?:dont|doesnt|didnt|isnt|arent|not|no|nothing (?:about|on|to do with)|covered|"
    r"handled|locked|set by|already|"
    r"myself|ourselves|fine|clear|solved|"
    r"figured out|nailed down|is set|are set|brilliant at|strong at|excellent at|"
    r"decides|belongs|sorted|love it|great at|good at|has a|have a)\b|"
    # someone on staff doing it already: "she's been doing pricing", "he already handles the
    # backlog" (not the hire described: "ideally they handle pricing")
    r"\b(?:she|he|they)(?:(?:'s| is| has|'ve| have) been| already|(?:'s| is| has|'ve| have) "
    r"already(?: been)?) (?:doing|does|do|handles?|handling|handled|covers?|covering|covered|"
    r"runs?|running|owns?|owning|takes? care of|taking care of)\b|"
    # someone on staff doing it now: "she talks to customers", "our CEO currently does the
    # product stuff" (not the hire: "they'd talk to customers")
    r"^\W*(?:and |but |so )?(?:she|he|our (?:ceo|cto|coo|founder|co-?founder|cpo))"
    r"(?: currently| still| also| now)? (?:talks|handles|does|runs|owns|writes|sets|manages|"
    r"covers|takes care of|deals with|looks after)\b"
)
_MISSING = re.compile(
    r"\b(?:nobody|no one|no-one|missing|lack\w*|gap|chaos|mess|broken|drowning|blocked|"
    r"struggl\w*|hate|problem|zero time|no time|never gets?)\b|\b(?:have|has|with) no\b|"
    r"\bno (?:[\w-]+ )?(?:plan|owner|one|strategy|process|product person|clue|idea)\b|"
    r"\b(?:don'?t|do not|doesn'?t|does not) (?:\w+ )?(?:know|have)\b|\bunclear\b|"
    # Describing the person wanted: "the one who decides what we build and why"
    r"\b(?:someone|somebody|the one|one person|a person) (?:who|to|that)\b|"
    r"\b(?:need|needs|want|wants|looking for)\b(?! (?:for|to hire)? ?(?:a )?(?:po|pm)\b)"
)
_NOT_NEEDED = re.compile(
    r"\b(?:don'?t|do not|doesn'?t|does not|no) (?:need|want)\b|\bnot need\b|"
    r"\bno help (?:on|with)\b|\bwants? to keep\b|\bkeep (?:those|that)\b|"
    r"^\W*(?:forget|never ?mind)(?: about)? \w"  # "forget shipping."
)


# "Need backlog + sprints covered": the work wanted done, not said to be done.
_WANTED_DONE = re.compile(
    r"\b(?:need|needs|want|wants)\b[^.]{0,40}\b(?:covered|handled|sorted|taken care of|done)\b|"
    # "we just need the backlog under control" ("we need help, our CEO has X under control": not)
    r"\b(?:need|needs|want|wants)\b(?![^.]{0,40}\b(?:has|have|had|got|keeps?)\b[^.]{0,30}\bunder "
    r"control)[^.]{0,40}\bunder control\b|"
    # "our CEO wants someone to own strategy": someone asked for to do it, not done by the CEO
    r"\b(?:need|needs|want|wants|looking for|hire|hiring)\b (?:\w+ ){0,2}(?:someone|somebody|"
    r"a person|one person) (?:to |who (?:will |would |can |could )?)(?:own|run|do|lead|handle|"
    r"drive|set|build|shape|take over|take care of|look after|figure out) (?:\w+ ){0,2}"
    r"(?:strateg\w*|market\w*|sales|business|commercial|gtm|go-to-market|pricing)\b"
)


# No one doing the work: "nobody prioritises".
_NOBODY = re.compile(r"\b(?:nobody|no one|no-one)\b")
# A side said to be in hand, named after it: "the teams are fine on delivery".
_FINE_ON = re.compile(
    r"\b(?:fine|good|great|solid|ok|okay|sorted|covered) (?:on|with) (?:the )?(?:delivery|"
    r"backlog|sprints|execution)\b"
)
# How long the sprints run ("2 week sprints", "our sprints are two weeks"): how the team works.
_SPRINT_CADENCE = re.compile(
    rf"\b{_CADENCE} sprints\b|\bsprints? (?:are|is|last|lasts|run|runs) (?:\w+ ){{0,2}}weeks?\b"
)
# What a team has ("we already have two developers", "our devs are freelancers", "two product
# teams", "we use jira and have a backlog"): who and what is there, not what the hire is for.
_TEAM_HAS = re.compile(
    r"\b(?:we|i|and) (?:do |already |also )?(?:have|use|got|'ve got) (?:a |an |our )?(?:backlog|"
    r"jira|board|kanban board)(?: already)?\b|"
    r"\b(?:we|i) (?:already |currently |only |also |just )?(?:have|got|'ve got|employ|work with) "
    r"(?:a |an |one |two |three |four |five |\d+ |some |a few |few |several )?(?:freelance |"
    r"full[- ]time |part[- ]time |contract |in-house |offshore |remote |junior |senior )?"
    r"(?:developers?|devs?|engineers?|dev team|engineering team)\b|"
    r"\b(?:\d+|two|three|four|five|six|a few) (?:freelance |full[- ]time |part[- ]time |contract |"
    r"in-house |offshore |remote |junior |senior )?(?:developers|devs|engineers)\b|"
    # ("two product teams")
    r"\b(?:\d+|two|three|four|five|six|several|a few) (?:product|engineering|dev|development) "
    r"teams\b|"
    r"\b(?:our|my|the) (?:devs|developers|engineers) are (?:all )?(?:freelancers?|contractors?|"
    r"remote|offshore|part[- ]time|in-house|juniors?|seniors?|external)\b"
)
# A message that only says how the team works, and nothing else: "we run scrum", "yes, two-week
# sprints", "the devs are agile too".
_PROCESS_ONLY = re.compile(
    r"^(?:(?:yes|yeah|yep|ok|okay|fyi|btw|also|and|oh|well|right|actually|no|wait)[,.!]?\s+)*"
    rf"(?:{_TEAM}\s+)?(?:(?:already|also|all)\s+)?(?:(?:{_WORKS_IN}|are|is)\s+)?"
    rf"(?:{_CADENCE}\s+)?(?:scrum|sprints|agile)"
    r"(?:\s+(?:too|already|here|now|as well|btw|fyi|by the way))*\s*[.!]*$"
)


def says_how_the_team_works(clause: str) -> bool:
    """Whether a clause says how the team works, with Scrum or without it ("we run scrum", "a
    startup doing scrum", "no scrum"), rather than asking of Scrum or wanting it run."""
    said = _lowered(clause)
    return only_process(said) or bool(_HOW_IT_WORKS.search(said) or _NO_SCRUM.search(said))


def _how_it_works_out(clause: str) -> str:
    """The clause without how the team works ("two teams doing scrum, 2 week sprints"), or does
    not ("we do not run sprints and have no backlog"), or what it has ("we already have two
    developers"): facts about the team, not what the hire is for. Where the clause wants
    something ("someone to plan our 2 week sprints"), only `_HOW_IT_WORKS`, which tells the two
    apart itself, is taken out."""
    told = _HOW_IT_WORKS.sub(" ", clause)
    if _WANTS.search(clause):
        return told
    told = _TEAM_HAS.sub(" ", _SPRINT_CADENCE.sub(" ", told))
    return _NO_SCRUM_WORK.sub(" ", told) if _NO_SCRUM.search(clause) else told


def only_process(text: str) -> bool:
    """Whether a message (or a clause) only says the team runs Scrum (or sprints, or agile),
    with nothing else: a fact about the team, never what the hire is for."""
    return bool(_PROCESS_ONLY.match(_lowered(text)))


def _described(description: re.Pattern[str], clause: str) -> str:
    """The clause without what only describes the company (`_TEAMS_COUNTED`, `_SELLS_TO`),
    unless it wants something done."""
    return clause if _WANTS.search(clause) else description.sub(" ", clause)


def _at_work_now(role: RoleId, clause: str) -> bool:
    """Whether the clause has someone in the role doing work now ("our PM handles strategy"),
    with nothing before it saying the role is only hoped for or planned."""
    found = _AT_WORK_NOW[role].search(clause)
    return found is not None and not _NOT_YET.search(clause[: found.start()])


def _says_done(done: re.Pattern[str], clause: str) -> bool:
    """Whether the clause says one side's work is done, rather than asking for it done."""
    return bool(done.search(clause)) and not _WANTED_DONE.search(clause)


def _covered(clause: str) -> bool:
    """Whether a clause says its work is already taken care of, or not wanted (or no longer:
    "actually forget pricing")."""
    if _NOT_NEEDED.search(clause) or _TAKEN_BACK.search(clause):
        return True
    return bool(_COVERED.search(clause)) and not _MISSING.search(clause)


def _without_doubts(clause: str) -> str:
    """A clause without the teams counted by how they work and the doubts about Scrum ("does
    scrum even apply to us?"): neither says the hire is for delivery."""
    described = _described(_TEAMS_COUNTED, clause)
    return _ASKS_IF_SCRUM_FITS.sub(" ", _UNSURE_OF_SCRUM.sub(" ", described))


def _head_count(said: str) -> Literal[1, 2] | None:
    if _TWO_DENIED.search(said):
        return 1
    if _TWO.search(said) or _TWO_MORE.search(said):
        return 2
    return 1 if _ONE.search(said) else None


# The sentences (or the last clause of one) of a message that ask something.
_QUESTIONS = re.compile(r"[^.?!,;]*\?")


def without_questions(text: str) -> str:
    """The sentences of a message that state something, without those that ask."""
    return _QUESTIONS.sub(" ", text)


def _stage(said: str) -> CompanyStage | None:
    """The company's stage: what it is called, else its size, else a hint (`_CALLED`): an
    enterprise's first (a company that manufactures is one, as the article's example is)."""
    for evidence in (_CALLED, _SIZED):
        for pattern, stage in evidence:
            if pattern.search(said):
                return stage  # type: ignore[return-value]
    if _manufactures(said):
        return "enterprise"
    for pattern, stage in _HINTED:
        if pattern.search(said):
            return stage  # type: ignore[return-value]
    return None


def _manufactures(said: str) -> bool:
    """Whether the company manufactures ("we're a mid-size manufacturer", "our manufacturing
    plant"), not a manufacturer it works with ("our contract manufacturer", "we work with a
    manufacturer in Shenzhen")."""
    for found in _MANUFACTURING.finditer(said):
        before = re.split(r"[.,;:!?]", said[max(0, found.start() - 80) : found.start()])[-1]
        if _SUPPLIER_NAMED.match(said, found.end()):
            continue  # "our manufacturing partner", "a manufacturer builds our boards"
        if not found[0].startswith("manufacturer") and re.search(r"\bour (?:own )?$", before):
            return True  # "(a PO for) our manufacturing plant"
        if _SUPPLIER_FRAME.search(before):
            # "…with a manufacturer", "an ERP for manufacturers", "AI for manufacturing
            # companies", "our customers are in manufacturing"
            continue
        if found[0].startswith("manufacturer") and _THEIRS.search(before):
            continue  # "our manufacturer is late": a supplier named as one of theirs
        return True
    return False
