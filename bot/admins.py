"""Who may change a workspace's RoleFit settings: its Slack admins and owners (users.info), asked
once and remembered for a few minutes, so a settings screen does not cost a Web API call per
click. Anyone else gets a polite refusal."""

from __future__ import annotations

import logging

from cachetools import TTLCache
from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery import WEB_API_FAILURES, error_code

logger = logging.getLogger(__name__)

NOT_AN_ADMIN = "Only a workspace admin or owner can change RoleFit's settings here."
_NO_SUCH_PERSON = frozenset({"user_not_found", "user_not_visible"})
# When Slack cannot say who administers the workspace (rate limited, down): no refusal on a guess.
CANNOT_CHECK = (
    "I couldn't check with Slack whether you're a workspace admin or owner just now. "
    "Try again in a minute; if it keeps happening, RoleFit's install may lack the users:read "
    "scope."
)
_REMEMBER_SECONDS = 5 * 60
_known: TTLCache[tuple[str, str], bool] = TTLCache(maxsize=10_000, ttl=_REMEMBER_SECONDS)


async def is_admin(client: AsyncWebClient, team: str, user: str) -> bool | None:
    """Whether `user` administers (or owns) workspace `team`; None when Slack cannot say (not
    remembered: the next request asks again)."""
    if (team, user) in _known:
        return _known[(team, user)]
    try:
        response = await client.users_info(user=user)
    except WEB_API_FAILURES as error:
        code = error_code(error)
        logger.warning("users.info failed: %s", code)
        # Only Slack's word that there is no such person says "not an admin"; anything else
        # (a rate limit, a 5xx, no connection, a missing users:read scope) is no answer
        return False if code in _NO_SUCH_PERSON else None
    person = response.get("user") or {}
    admin = any(bool(person.get(flag)) for flag in ("is_admin", "is_owner", "is_primary_owner"))
    _known[(team, user)] = admin
    return admin


def refusal(admin: bool | None, not_an_admin: str) -> str:
    """Why a change is refused to someone `is_admin` did not find an admin: `not_an_admin`, or,
    where Slack could not say, that it could not check (an admin must not be told they are not)."""
    return not_an_admin if admin is False else CANNOT_CHECK
