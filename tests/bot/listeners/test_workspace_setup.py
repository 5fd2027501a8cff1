"""`/rolefit set` and `/rolefit teach` end to end: signed commands from an admin (U_LEADER) or not,
the private reply they get through the response_url, and the answers that change afterwards.
Each test speaks for a workspace of its own, so what one saves cannot reach another test."""

from __future__ import annotations

import itertools
import json
from typing import Any

from bot.blocks import ids
from bot.sandbox import LiveRoleFit, SlackRequests
from bot.sandbox.live import TEST_SIGNING_SECRET
from tests.bot.blocks.helpers import rendered
from tests.bot.listeners.helpers import command, event_of, only_post

_TEAMS = itertools.count(1)
TAUGHT = "who runs the zorblax ritual?"
BACKLOG = "Managing and ordering the product backlog"


def workspace(live: LiveRoleFit) -> SlackRequests:
    return SlackRequests(
        TEST_SIGNING_SECRET,
        team_id=f"T_SETUP{next(_TEAMS)}",
        response_url_base=live.api.response_url(""),
    )


def change(live: LiveRoleFit, requests: SlackRequests, text: str, user: str = "U_LEADER") -> str:
    """Run `/rolefit TEXT`: acknowledged empty at once, then answered privately."""
    before = len(live.api.calls_to("response_url"))
    status, _, body = live.post(requests.slash_command(text, user_id=user))
    assert (status, body) == (200, b"")
    reply = live.api.wait_for("response_url", before + 1)[-1].body
    assert reply["response_type"] == "ephemeral"
    return rendered(reply)


def ask(live: LiveRoleFit, requests: SlackRequests, question: str) -> str:
    live.requests, saved = requests, live.requests
    try:
        return rendered(command(live, question))
    finally:
        live.requests = saved


def test_an_admin_names_the_holders_and_answers_say_here_thats(live: LiveRoleFit) -> None:
    here = workspace(live)
    assert "here that's" not in ask(live, here, "who owns the product backlog?")
    saved = change(live, here, "set product-owner <@U0DANA|dana>")
    assert "Saved: the Product Owner here is <@U0DANA>" in saved
    answer = ask(live, here, "who owns the product backlog?")
    assert "work for the Product Owner (here that's <@U0DANA>)." in answer
    change(live, here, "set PM <@U0ERIN|erin>, <@U0SAM> and <!subteam^S0PMS|@pms>")
    answer = ask(live, here, "who builds the go-to-market plan?")
    assert "here that's <@U0ERIN>, <@U0SAM> and <!subteam^S0PMS>" in answer
    assert "<@U0DANA>" in ask(live, here, "roles")


def test_nobody_clears_a_role(live: LiveRoleFit) -> None:
    here = workspace(live)
    change(live, here, "set product-owner <@U0DANA|dana>")
    assert "Nobody is named as the Product Owner" in change(live, here, "set product-owner nobody")
    assert "here that's" not in ask(live, here, "who owns the product backlog?")


def test_direct_messages_in_the_workspace_name_its_holders(live: LiveRoleFit) -> None:
    here = workspace(live)
    change(live, here, "set product-owner <@U0DANA|dana>")
    live.api.reset()
    dm = here.dm("who writes the user stories?")
    live.post(dm)
    posted = only_post(live)
    assert posted["channel"] == event_of(dm)["channel"]
    assert "here that's <@U0DANA>" in rendered(posted)


def test_someone_who_is_not_an_admin_is_refused_politely(live: LiveRoleFit) -> None:
    here = workspace(live)
    refused = change(live, here, "set product-owner <@U0MALLORY>", user="U_SOMEONE")
    assert "Only a workspace admin or owner" in refused
    refused = change(live, here, "teach po-backlog : zorblax ritual", user="U_SOMEONE")
    assert "Only a workspace admin or owner" in refused
    assert "here that's" not in ask(live, here, "who owns the product backlog?")
    assert BACKLOG not in ask(live, here, TAUGHT)


def test_mistakes_get_a_line_saying_what_is_valid(live: LiveRoleFit) -> None:
    here = workspace(live)
    unknown = change(live, here, "set scrum-master <@U0DANA>")
    assert "I don't know the role `scrum-master`" in unknown
    assert "`product-owner` or `product-manager`" in unknown
    assert "I couldn't tell who `@dana` is" in change(live, here, "set product-owner @dana")
    # a platform reviewer's find: shown as "`amp co`", what was typed picked apart (and a
    # review's: as "`and lee`", the words joining names kept)
    assert "I couldn't tell who `co` is" in change(
        live, here, "set product-owner <@U0DANA> &amp; co"
    )
    assert "Saved" in change(live, here, "set product-owner <@U0DANA>;and <@U0SAM>")
    typed = "set product-owner <@U0DANA> and &lt;script&gt;"
    assert "I couldn't tell who `&lt;script&gt;` is" in change(live, here, typed)
    assert "/rolefit set product-owner nobody" in change(live, here, "set")
    unknown = change(live, here, "teach juggling : clubs in the air")
    assert "I don't know the responsibility `juggling`" in unknown and "`po-backlog`" in unknown
    assert "a colon, then the phrase" in change(live, here, "teach po-backlog")


def test_an_admin_teaches_a_phrasing_and_answers_change_here(live: LiveRoleFit) -> None:
    here = workspace(live)
    assert BACKLOG not in ask(live, here, TAUGHT)
    taught = change(live, here, "teach po-backlog : zorblax ritual")
    assert "“zorblax ritual” means *Managing and ordering the product backlog*" in taught
    answer = ask(live, here, TAUGHT)
    assert "work for the Product Owner" in answer
    assert BACKLOG in answer
    again = change(live, here, "teach Managing and ordering the product backlog : zorblax ritual")
    assert "already taught me" in again


def test_a_phrasing_taught_in_capitals_is_the_same_and_can_be_taken_back(
    live: LiveRoleFit,
) -> None:
    # found by an admin tester: "THE BIG WALL" was taught again for other work, and a slip
    # could never be undone
    here = workspace(live)
    change(live, here, "teach po-backlog : zorblax ritual")
    assert "already taught me" in change(live, here, "teach pm-go-to-market : ZORBLAX Ritual")
    taken = change(live, here, "unteach Zorblax ritual")
    assert "Taken back: “zorblax ritual” as *Managing and ordering the product backlog*" in taken
    assert BACKLOG not in ask(live, here, TAUGHT)
    assert "never taught me" in change(live, here, "unteach zorblax ritual")


def test_a_phrasing_is_kept_without_the_stops_around_it_and_a_near_miss_is_pointed_to(
    live: LiveRoleFit,
) -> None:
    # found by a tester: "the Kanban Board!!" was kept with its "!!", so "unteach kanban board"
    # and even "unteach the kanban board" said it was never taught
    here = workspace(live)
    assert "“the zorblax board” means" in change(
        live, here, "teach po-backlog : the Zorblax Board!!"
    )
    near = change(live, here, "unteach zorblax board")
    assert "but it did teach “the zorblax board”" in near
    assert "`/rolefit unteach the zorblax board`" in near
    assert "Taken back" in change(live, here, "unteach “the zorblax board.”")


def test_at_most_five_people_are_named_for_a_role(live: LiveRoleFit) -> None:
    # found by a tester: 60 people were accepted, and every answer mentioned them all
    people = " ".join(f"<@U0P{n}>" for n in range(6))
    assert "Name at most 5 people" in change(live, workspace(live), f"set product-owner {people}")


def test_a_phrasing_nothing_can_match_or_the_article_already_places_is_refused(
    live: LiveRoleFit,
) -> None:
    # found by an admin tester: "product backlog" taught as go-to-market turned the backlog into
    # Product Manager work, and "🦄" or "@dana" were "Taught"
    here = workspace(live)
    overturned = change(live, here, "teach pm-go-to-market : product backlog")
    assert "already reads as *Managing and ordering the product backlog*" in overturned
    assert "the Product Owner's work" in overturned
    assert "finance or HR's work" in change(live, here, "teach po-backlog : payroll")
    # (a workspace admin's find: Slack's emoji codes, ":tada:", were taught as the word "tada")
    for unreadable in ("🦄", "the", ":tada:", ":white_check_mark: :memo:"):
        assert "I can't match" in change(live, here, f"teach po-backlog : {unreadable}")
    # a Slack admin's finds: a mention beside words was called "no words I read", and a
    # 400-word phrasing was taught and quoted whole in answers
    mentioned = change(live, here, "teach po-backlog : the launch wall <@U0DANA|dana>")
    assert "can't hold mentions" in mentioned
    assert "12 words at most" in change(live, here, "teach po-backlog : " + "word " * 400)
    listed = change(live, here, "teach po-backlog : pricing, the go-to-market plan and payroll")
    assert "several pieces of work" in listed
    # a team's word for shared work, or for a narrower part of it, is theirs to teach
    assert "Taught" in change(live, here, "teach both-customer-needs : customer interviews")
    assert "work for the Product Owner" in ask(live, here, "who owns the product backlog?")


def test_a_phrasing_that_would_change_nothing_or_the_articles_named_work_is_refused(
    live: LiveRoleFit,
) -> None:
    # found by a Slack power user: "pricing" was confirmed as taught and changed no answer,
    # "margins" (named PM work, "most likely") became "clearly" the backlog, and a typed
    # "<!channel>" was kept as the words "channel gt"
    here = workspace(live)
    unchanged = change(live, here, "teach po-backlog : pricing")
    assert unchanged.startswith("Teaching “pricing” would change no answer here")
    assert "Taught" not in unchanged
    assert "Product Manager" in ask(live, here, "who owns pricing?")
    assert "never taught me" in change(live, here, "unteach pricing")  # not kept either
    overturned = change(live, here, "teach po-backlog : margins")
    assert "already reads as *Improving margins" in overturned
    typed = change(live, here, "teach po-backlog : &lt;!channel&gt;")
    assert "can't hold mentions" in typed
    # a review's finds: what reads as the work already is said so, and "&" reads the same in
    # teach and unteach
    assert "already reads as *Managing" in change(live, here, "teach po-backlog : product backlog")
    assert "Taught" in change(live, here, "teach po-backlog : the B&amp;Q wall")
    assert "Taken back" in change(live, here, "unteach the B&amp;Q wall")


def test_help_tells_how_to_set_holders_and_teach(live: LiveRoleFit) -> None:
    shown = rendered(command(live, "help"))
    assert "/rolefit set product-owner @dana" in shown and "/rolefit teach" in shown


def open_home(live: LiveRoleFit, requests: SlackRequests, user: str) -> dict[str, Any]:
    published = len(live.api.calls_to("views.publish"))
    live.post(requests.home_opened(user_id=user))
    call = live.api.wait_for("views.publish", published + 1)[-1]
    live.wait_until_idle()
    view: dict[str, Any] = call.response["view"]
    return view


def test_an_admin_sees_the_holders_on_home_and_changes_them_in_a_modal(
    live: LiveRoleFit,
) -> None:
    here = workspace(live)
    change(live, here, "set product-manager <!subteam^S0PMS|@pms>")
    home = open_home(live, here, "U_LEADER")
    shown = rendered(home)
    assert "Who holds each role here" in shown and "Product Owner: _nobody named yet_" in shown
    assert "Product Manager: <!subteam^S0PMS>" in shown
    assert "Who holds each role here" not in rendered(open_home(live, here, "U_VISITOR"))

    live.post(here.block_action(ids.OPEN_HOLDERS_MODAL, "holders", view=home))
    (opened,) = live.api.wait_for("views.open")
    modal = opened.body["view"]
    picked = {
        f"{ids.HOLDERS_BLOCK_PREFIX}product-owner": {
            ids.HOLDERS_INPUT: {"type": "multi_users_select", "selected_users": ["U0DANA"]}
        },
        f"{ids.HOLDERS_BLOCK_PREFIX}product-manager": {
            ids.HOLDERS_INPUT: {"type": "multi_users_select", "selected_users": ["U0ERIN"]}
        },
    }
    status, _, body = live.post(here.view_submission(modal, picked))
    assert (status, body) == (200, b"")
    republished = live.api.wait_for("views.publish", 3)[-1]
    assert "Product Owner: <@U0DANA>" in rendered(republished.body)
    # found by a Slack power user: the refreshed tab lost the advice and the insights a visit
    # shows; it is the whole tab again
    for part in ("Your recent recommendations", "RoleFit in the last 30 days"):
        assert part in shown and part in rendered(republished.body)
    assert "here that's <@U0DANA>" in ask(live, here, "who owns the product backlog?")
    gtm = ask(live, here, "who builds the go-to-market plan?")
    assert "here that's <@U0ERIN> and <!subteam^S0PMS>" in gtm  # the group set by command stays


def test_someone_else_clicking_change_is_told_no_in_their_dm(live: LiveRoleFit) -> None:
    here = workspace(live)
    home = open_home(live, here, "U_LEADER")
    live.post(here.block_action(ids.OPEN_HOLDERS_MODAL, "holders", view=home, user_id="U_VISITOR"))
    posted = only_post(live)
    assert "Only a workspace admin or owner" in rendered(posted)
    assert live.api.calls_to("views.open") == []


def test_an_admin_sets_how_long_question_texts_are_kept(live: LiveRoleFit) -> None:
    here = workspace(live)
    assert "kept for 30 days" in change(live, here, "set retention 30 days")
    assert "only the counts" in change(live, here, "set retention 0")
    assert live.deps is not None
    assert live.call(live.deps.store.retention_days(here.team_id)) == 0
    assert "/rolefit set retention 90" in change(live, here, "set retention forever")
    assert "Only a workspace admin" in change(live, here, "set retention 5", user="U_SOMEONE")
    assert live.call(live.deps.store.retention_days(here.team_id)) == 0


def test_the_questionnaire_counts_the_named_holders_as_on_staff(live: LiveRoleFit) -> None:
    # a Slack admin's find: @dana named as the PO, and the questionnaire still asked from scratch
    here = workspace(live)
    change(live, here, "set product-owner <@U0DANA|dana>")
    before = len(live.api.calls_to("views.open"))
    status, _, _ = live.post(here.slash_command("hire", trigger_id="trigger-1"))
    assert status == 200
    opened = live.api.wait_for("views.open", before + 1)[-1]
    state = json.loads(opened.body["view"]["private_metadata"])
    assert state["er"] == ["product-owner"]


def test_the_start_button_also_counts_the_named_holders_as_on_staff(live: LiveRoleFit) -> None:
    # a review's find: the "Start the hiring questionnaire" button (help, App Home) lost them
    here = workspace(live)
    change(live, here, "set product-owner <@U0DANA|dana>")
    before = len(live.api.calls_to("views.open"))
    live.post(here.block_action(ids.OPEN_QUESTIONNAIRE, "hire"))
    opened = live.api.wait_for("views.open", before + 1)[-1]
    assert json.loads(opened.body["view"]["private_metadata"])["er"] == ["product-owner"]


def test_a_conversation_that_said_who_is_on_staff_keeps_it_over_the_holders(
    live: LiveRoleFit,
) -> None:
    # a review's find: a conversation's button opened the form with the holders on staff
    here = workspace(live)
    change(live, here, "set product-owner <@U0DANA|dana>")
    understood = json.dumps({"s": {"company_stage": "startup"}})
    before = len(live.api.calls_to("views.open"))
    live.post(here.block_action(ids.OPEN_QUESTIONNAIRE, understood))
    opened = live.api.wait_for("views.open", before + 1)[-1]
    state = json.loads(opened.body["view"]["private_metadata"])
    assert state["cs"] == "startup" and "er" not in state


def test_a_question_starting_with_set_or_teach_is_answered_not_refused(live: LiveRoleFit) -> None:
    # a workspace admin's find: "/rolefit teach me about the three horizons" from anyone got
    # "Only a workspace admin or owner can change RoleFit's settings here"
    for question in ("teach me about the three horizons", "set up the sprint planning"):
        reply = rendered(command(live, question, user_id="U_SOMEONE"))
        assert "Only a workspace admin" not in reply
    assert "three horizons" in rendered(command(live, "teach me about the three horizons"))


def test_an_admin_is_not_told_they_are_not_one_when_slack_cannot_say(live: LiveRoleFit) -> None:
    # a workspace admin's find: with users.info rate limited, an admin was told only admins may
    here = workspace(live)
    live.api.fail("users.info", "fatal_error")
    refused = change(live, here, "set retention 30")
    assert "couldn't check with Slack" in refused and "Only a workspace admin" not in refused
    assert "30 days" in change(live, here, "set retention 30")  # asked again, not remembered
    # only Slack's word that there is no such person is a "no" (a second review's find: a
    # missing users:read scope told an admin they were not one)
    live.api.fail("users.info", "missing_scope")
    assert "users:read" in change(live, workspace(live), "set retention 30")
    live.api.fail("users.info", "user_not_found")
    assert "Only a workspace admin" in change(live, workspace(live), "set retention 30")
