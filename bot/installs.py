"""Installing RoleFit in many workspaces ("Add to Slack", OAuth v2), and the Web API client each
workspace's messages go out with.

With SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (and no SLACK_BOT_TOKEN) Bolt's OAuth flow serves
`/slack/install` and `/slack/oauth_redirect`, keeps each workspace's bot token in the store
(slack_sdk's SQLAlchemy installation store) and the one-use `state` values beside it, and
rotates tokens that expire. With SLACK_BOT_TOKEN RoleFit serves that one workspace, as before.
"""

from __future__ import annotations

import html
import logging

from aiohttp import ClientSession
from slack_bolt.oauth.async_callback_options import (
    AsyncCallbackOptions,
    AsyncFailureArgs,
    AsyncSuccessArgs,
)
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.token_rotation.async_rotator import AsyncTokenRotator
from slack_sdk.web.async_client import AsyncWebClient

from bot.settings import SlackSettings
from bot.store.store import Store

logger = logging.getLogger(__name__)

# What RoleFit asks each workspace for: manifest.yml's bot scopes (a test keeps them equal).
SCOPES = (
    "commands",
    "chat:write",
    "im:history",
    "app_mentions:read",
    "im:write",
    "channels:join",
    "users:read",
)
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
STATE_SECONDS = 10 * 60  # how long an "Add to Slack" click may take to come back
ROTATE_MINUTES_BEFORE = 120  # rotate a token this long before it expires
SEND_TIMEOUT_SECONDS = 15

# Why an install failed, in words for the person who tried (Bolt's reasons as keys).
FAILURES = {
    "access_denied": "You cancelled the installation, so nothing was changed.",
    "invalid_state": "This installation link has expired or was already used.",
    "invalid_browser": "This installation was started in another browser.",
    "missing_code": "Slack did not send the installation code back.",
    "invalid_code": "Slack did not accept the installation code.",
    "storage_error": "RoleFit could not save the installation.",
}


class RoleFitOAuthFlow(AsyncOAuthFlow):
    """Bolt's flow with RoleFit's own plain pages for "Add to Slack", success and failure."""

    async def build_install_page_html(self, url: str, request: AsyncBoltRequest) -> str:
        return page(
            "Add RoleFit to Slack",
            "RoleFit tells a Product Owner's work from a Product Manager's, and advises whom "
            "to hire. It answers <code>/rolefit</code>, direct messages and mentions.",
            f'<a class="button" href="{html.escape(url, quote=True)}">Add to Slack</a>',
        )


def oauth_flow(settings: SlackSettings, store: Store) -> RoleFitOAuthFlow:
    client_id = str(settings.slack_client_id)
    secret = settings.slack_client_secret.get_secret_value() if settings.slack_client_secret else ""
    return RoleFitOAuthFlow(
        settings=AsyncOAuthSettings(
            client_id=client_id,
            client_secret=secret,
            scopes=list(SCOPES),
            redirect_uri=settings.slack_redirect_uri,
            install_path=INSTALL_PATH,
            redirect_uri_path=REDIRECT_PATH,
            installation_store=store.installation_store(client_id),
            installation_store_bot_only=True,
            state_store=store.oauth_state_store(STATE_SECONDS),
            state_expiration_seconds=STATE_SECONDS,
            token_rotation_expiration_minutes=ROTATE_MINUTES_BEFORE,
            callback_options=AsyncCallbackOptions(success=_installed, failure=_not_installed),
        )
    )


async def _installed(args: AsyncSuccessArgs) -> BoltResponse:
    team = args.installation.team_name or "your workspace"
    logger.info("installed in a workspace")
    return _html(
        200,
        page(
            "RoleFit is installed",
            f"RoleFit is now in {html.escape(team)}. Try <code>/rolefit help</code> in any "
            "channel, or send RoleFit a direct message.",
        ),
    )


async def _not_installed(args: AsyncFailureArgs) -> BoltResponse:
    logger.warning("an installation failed: %s", args.reason)
    reason = FAILURES.get(args.reason, "Something went wrong with the installation.")
    again = f'<a class="button" href="{INSTALL_PATH}">Start again</a>'
    return _html(args.suggested_status_code, page("RoleFit was not installed", reason, again))


def page(title: str, text: str, action: str = "") -> str:
    """A small, plain HTML page (`text` and `action` are trusted HTML; `title` is escaped)."""
    title = html.escape(title)
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>body{{font:16px/1.5 system-ui,sans-serif;max-width:36em;"
        "margin:4em auto;padding:0 1em;color:#1d1c1d}.button{display:inline-block;padding:.6em "
        "1.2em;background:#4a154b;color:#fff;border-radius:6px;text-decoration:none}</style>"
        f"</head><body><h1>{title}</h1><p>{text}</p><p>{action}</p></body></html>"
    )


def _html(status: int, body: str) -> BoltResponse:
    return BoltResponse(
        status=status, body=body, headers={"Content-Type": "text/html; charset=utf-8"}
    )


class Clients:
    """The Web API client a workspace's owed messages go out with: the one bot token's, or with
    OAuth the workspace's installed bot token, rotated shortly before it expires. None where
    RoleFit is no longer installed."""

    def __init__(
        self, settings: SlackSettings, installations: AsyncInstallationStore | None = None
    ) -> None:
        self.session: ClientSession | None = None  # shared with the app's client while serving
        self._base_url = settings.slack_api_url
        self._token = (
            settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
        )
        self._installations = installations
        self._rotator = (
            AsyncTokenRotator(
                client_id=str(settings.slack_client_id),
                client_secret=settings.slack_client_secret.get_secret_value(),
                client=self._client(None),
            )
            if installations is not None and settings.slack_client_secret is not None
            else None
        )

    async def __call__(self, team: str, enterprise: str | None = None) -> AsyncWebClient | None:
        if self._installations is None:
            return self._client(self._token)
        bot = await self._installations.async_find_bot(enterprise_id=enterprise, team_id=team)
        if bot is None:
            return None
        if self._rotator is not None and bot.bot_refresh_token:
            rotated = await self._rotator.perform_bot_token_rotation(
                bot=bot, minutes_before_expiration=ROTATE_MINUTES_BEFORE
            )
            if rotated is not None:
                await self._installations.async_save_bot(rotated)
                bot = rotated
        return self._client(bot.bot_token)

    def _client(self, token: str | None) -> AsyncWebClient:
        """No retries of its own: the outbox decides when to try again, so a post that timed out
        is not sent twice by two layers of retries."""
        return AsyncWebClient(
            token=token,
            base_url=self._base_url,
            timeout=SEND_TIMEOUT_SECONDS,
            session=self.session,
            retry_handlers=[],  # without this the SDK adds one for connection errors
        )
