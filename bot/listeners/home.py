"""App Home: the Home tab is published whenever someone opens it.

Publishing on every visit is one cheap call, and it means a deploy or a new overlay (holders) shows
up on the next visit with no cache to invalidate. The Messages tab needs nothing from us.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.deps import deps_of
from bot.home_tab import publish_home_tab


async def is_home_tab(event: dict[str, Any]) -> bool:
    """Matcher: a person opened the Home tab (not the Messages tab, which we leave alone)."""
    return event.get("tab") == "home" and bool(event.get("user"))


async def publish_home(
    event: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    """Publish the Home tab for the person who opened it (`publish_home_tab`)."""
    await publish_home_tab(client, deps_of(context), context.team_id or "", str(event["user"]))
