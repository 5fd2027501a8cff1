"""The Home tab, put together and published for one person: wherever it is refreshed from (a
visit, an admin's change of set-up), it shows the same things."""

from __future__ import annotations

import logging

from slack_sdk.web.async_client import AsyncWebClient

from bot.admins import is_admin
from bot.blocks.home import home_view
from bot.delivery import WEB_API_FAILURES, error_code
from bot.deps import Deps
from bot.store.insights import INSIGHTS_DAYS

logger = logging.getLogger(__name__)


async def publish_home_tab(client: AsyncWebClient, deps: Deps, team: str, user: str) -> None:
    """Publish `user`'s Home tab: their recent hiring advice and, for admins, the workspace's
    set-up and its insights of the last 30 days. A refusal leaves their previous Home tab (or
    Slack's empty one) in place, so it is logged, not retried."""
    recent = await deps.store.recommended_to(team, user)
    admin = bool(await is_admin(client, team, user))  # unknown (Slack could not say): not shown
    insights = await deps.store.insights(team, INSIGHTS_DAYS) if admin else None
    workspace = await deps.workspaces.of(team)
    view = home_view(workspace.kb, recent=recent, insights=insights, admin=admin)
    try:
        await client.views_publish(user_id=user, view=view)
    except WEB_API_FAILURES as error:
        logger.warning("views.publish failed for the Home tab: %s", error_code(error))
