"""RoleFit removed from a workspace (app_uninstalled), or its bot token revoked (tokens_revoked):
it can no longer act there, so everything it kept for that workspace goes at once: the
installation and tokens, settings, role holders, phrasings, questions, feedback, conversations
and any message it still owed there. Other workspaces are untouched."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext

from bot.deps import deps_of

logger = logging.getLogger(__name__)


async def forget_workspace(
    ack: AsyncAck, body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
) -> None:
    revoked_bot = event.get("type") != "tokens_revoked" or bool(
        (event.get("tokens") or {}).get("bot")
    )
    team = context.team_id or str(body.get("team_id") or "")
    if revoked_bot and team:
        deps = deps_of(context)
        await deps.store.delete_team(team)
        deps.workspaces.changed(team)  # a reinstall at once finds none of it in this process
        logger.info("forgot a workspace that removed RoleFit")
    await ack()
