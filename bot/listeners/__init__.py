"""Every listener RoleFit has, registered in this one place: read it as the app's routing table.

Each Slack request is acknowledged at once. Work that calls the Web API (posting, opening views)
runs in a lazy listener after the acknowledgement, because with process_before_response=True the
HTTP response waits for the ack function to finish.
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.blocks import ids
from bot.blocks.questionnaire import BACK, CALLBACK_PREFIX
from bot.dedupe import SkipRedeliveries
from bot.listeners import actions, commands, home, mentions, messages, questionnaire
from bot.listeners.common import Deps, ProvideDeps, RefuseMalformedActions, acknowledge
from bot.questionnaire_state import STEPS

# What manifest.yml must subscribe to for these listeners to hear anything.
BOT_EVENTS = ("app_home_opened", "app_mention", "message.im")


def register(app: AsyncApp, deps: Deps) -> None:
    app.middleware(RefuseMalformedActions())
    app.middleware(ProvideDeps(deps))
    app.middleware(SkipRedeliveries(deps.seen_events))

    app.command(commands.COMMAND)(commands.answer_command)

    app.event("message", matchers=[messages.is_direct_question])(
        ack=acknowledge, lazy=[messages.answer_direct_message]
    )
    app.event("app_mention", matchers=[mentions.is_mention_by_a_person])(
        ack=acknowledge, lazy=[mentions.answer_mention]
    )
    app.event("app_home_opened", matchers=[home.is_home_tab])(
        ack=acknowledge, lazy=[home.publish_home]
    )
    # Everything else those subscriptions bring (edits, deletions, bots, other subtypes) is
    # acknowledged and ignored; unacknowledged events would be retried by Slack.
    app.event("message")(acknowledge)
    app.event("app_mention")(acknowledge)
    app.event("app_home_opened")(acknowledge)  # the Messages tab

    app.action(ids.SHARE_ANSWER)(ack=acknowledge, lazy=[actions.share_answer])
    app.action(ids.DID_YOU_MEAN)(ack=acknowledge, lazy=[actions.answer_chosen_alternative])
    app.action(ids.SHOW_ROLES)(ack=acknowledge, lazy=[actions.show_roles])
    app.action(ids.OPEN_ASK_MODAL)(ack=acknowledge, lazy=[actions.open_ask_modal])
    app.action(ids.OPEN_QUESTIONNAIRE)(ack=acknowledge, lazy=[actions.open_questionnaire_for_click])
    app.view(ids.ASK_MODAL)(actions.answer_asked_question)

    # The hiring questionnaire: each step's submission answers in its ack (the next step or its
    # errors); the last closes the modal and posts the advice after the ack.
    flow = questionnaire.Questionnaire(deps.kb, deps.matcher)
    for step in STEPS[:-1]:
        app.view(f"{CALLBACK_PREFIX}{step}")(flow.next_step)
    app.view(f"{CALLBACK_PREFIX}{STEPS[-1]}")(ack=acknowledge, lazy=[flow.post])
    app.action(BACK)(ack=acknowledge, lazy=[flow.back])
