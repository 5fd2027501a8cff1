"""App Home: the Home tab is published whenever someone opens it.

Publishing on every visit is one cheap call, and it means a deploy or a new overlay (holders) shows
up on the next visit with no cache to invalidate. The Messages tab needs nothing from us.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.admins import is_admin
from bot.blocks.home import home_view
from bot.delivery import WEB_API_FAILURES, error_code
from bot.deps import deps_of
from bot.store.insights import INSIGHTS_DAYS

logger = logging.getLogger(__name__)


async def is_home_tab(event: dict[str, Any]) -> bool:
    """Matcher: a person opened the Home tab (not the Messages tab, which we leave alone)."""
    return event.get("tab") == "home" and bool(event.get("user"))


async def publish_home(
    event: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    """Publish the Home tab for the person who opened it: their recent hiring advice and, for
    admins, the workspace's set-up and its insights of the last 30 days. A refusal leaves their
    previous Home tab (or Slack's empty one) in place, so it is logged, not retried."""
    deps, team, user = deps_of(context), context.team_id or "", str(event["user"])
    recent = await deps.store.recommended_to(team, user)
    admin = await is_admin(client, team, user)
    insights = await deps.store.insights(team, INSIGHTS_DAYS) if admin else None
    workspace = await deps.workspaces.of(team)
    view = home_view(workspace.kb, recent=recent, insights=insights, admin=admin)
    try:
        await client.views_publish(user_id=user, view=view)
    except WEB_API_FAILURES as error:
        logger.warning("views.publish failed for the Home tab: %s", error_code(error))
