"""Every listener RoleFit has, registered in this one place: read it as the app's routing table.

Each Slack request is acknowledged at once. A message RoleFit then owes (an answer, advice, a
share) is claimed and stored first, and the outbox sends it (bot.outbox). Other work that calls
the Web API (opening views, private notes) is wrapped in `acknowledged_first`: the
acknowledgement goes back, then the listener runs on the app's `AfterAck` runner (see
bot.after_ack for why not Bolt's lazy listeners).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext

from bot.blocks import ids
from bot.blocks.questionnaire import BACK, CALLBACK_PREFIX
from bot.deps import Deps, deps_of
from bot.listeners import actions, commands, errors, home, mentions, messages, uninstall, views
from bot.middleware import ProvideDeps, RefuseMalformedActions, TagLogs
from bot.questionnaire_state import STEPS

# What manifest.yml must subscribe to for these listeners to hear anything.
BOT_EVENTS = ("app_home_opened", "app_mention", "app_uninstalled", "message.im", "tokens_revoked")

Listener = Callable[..., Coroutine[Any, Any, None]]


def register(app: AsyncApp, deps: Deps) -> None:
    app.error(errors.apologise)
    app.middleware(TagLogs())
    app.middleware(RefuseMalformedActions())
    app.middleware(ProvideDeps(deps))

    app.command(commands.COMMAND)(commands.answer_command)

    # What RoleFit owes is stored (bot.outbox) before these acknowledge; the outbox sends it.
    app.event("message", matchers=[messages.is_direct_question])(messages.answer_direct_message)
    app.event("app_mention", matchers=[mentions.is_mention_by_a_person])(mentions.answer_mention)
    app.event("app_home_opened", matchers=[home.is_home_tab])(acknowledged_first(home.publish_home))
    app.event("app_uninstalled")(uninstall.forget_workspace)
    app.event("tokens_revoked")(uninstall.forget_workspace)
    # Everything else those subscriptions bring (edits, deletions, bots, other subtypes) is
    # acknowledged and ignored; unacknowledged events would be retried by Slack.
    app.event("message")(acknowledge)
    app.event("app_mention")(acknowledge)
    app.event("app_home_opened")(acknowledge)  # the Messages tab

    app.action(ids.SHARE_ANSWER)(actions.share_answer)
    app.action(ids.DID_YOU_MEAN)(acknowledged_first(actions.answer_chosen_alternative))
    app.action(ids.SHOW_ROLES)(acknowledged_first(actions.show_roles))
    app.action(ids.OPEN_ASK_MODAL)(acknowledged_first(actions.open_ask_modal))
    app.action(ids.OPEN_QUESTIONNAIRE)(acknowledged_first(actions.open_questionnaire_for_click))
    app.action(BACK)(acknowledged_first(actions.go_back_a_step))
    app.action(ids.HIRE_FACT)(acknowledged_first(actions.answer_hiring_question))
    app.action(ids.POST_ADVICE)(actions.post_advice_to_channel)
    app.action(ids.HELP_ME_CHOOSE)(acknowledged_first(actions.help_me_choose))
    app.action(ids.FEEDBACK_HELPFUL)(actions.record_helpful)  # recorded, then acknowledged
    app.action(ids.FEEDBACK_NOT_HELPFUL)(acknowledged_first(actions.open_not_helpful_form))
    app.action(ids.OPEN_HOLDERS_MODAL)(acknowledged_first(actions.open_holders_modal))

    app.view(ids.ASK_MODAL)(views.answer_asked_question)
    app.view(ids.FEEDBACK_MODAL)(views.record_not_helpful)
    app.view(ids.HOLDERS_MODAL)(views.save_holders)
    for step in STEPS[:-1]:
        app.view(f"{CALLBACK_PREFIX}{step}")(views.submit_questionnaire_step)
    app.view(f"{CALLBACK_PREFIX}{STEPS[-1]}")(views.finish_questionnaire)


async def acknowledge(ack: AsyncAck) -> None:
    """Acknowledge and do nothing more."""
    await ack()


def acknowledged_first(listener: Listener) -> Listener:
    """`listener` run after an empty acknowledgement. Bolt passes the arguments `listener` names
    (it reads them through `functools.wraps`), so `listener` must name `context`."""

    @functools.wraps(listener)
    async def acknowledge_then_run(**arguments: Any) -> None:
        context: AsyncBoltContext = arguments["context"]
        await context.ack()
        deps_of(context).after_ack(
            listener(**arguments), on_failure=lambda: errors.tell_it_failed(context)
        )

    return acknowledge_then_run
