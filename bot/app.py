"""The app factory: settings and knowledge in, a ready Bolt app out. Nothing touches the network
here; the first request checks the token with auth.test (once, then cached by Bolt)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.listeners import register
from bot.listeners.common import Deps
from bot.settings import SlackSettings
from knowledge import KnowledgeBase, Matcher, load_knowledge


def web_client(settings: SlackSettings) -> AsyncWebClient:
    """The Web API client; retries connection errors, 5xx and 429 (after Retry-After) once."""
    base_url = (
        settings.slack_api_url
        if settings.slack_api_url.endswith("/")
        else f"{settings.slack_api_url}/"
    )
    return AsyncWebClient(
        token=settings.slack_bot_token.get_secret_value(),
        base_url=base_url,
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(max_retry_count=1),
            AsyncServerErrorRetryHandler(max_retry_count=1),
            AsyncRateLimitErrorRetryHandler(max_retry_count=1),
        ],
    )


def build_app(settings: SlackSettings, kb: KnowledgeBase | None = None) -> AsyncApp:
    """RoleFit's Bolt app. process_before_response=True acknowledges without Bolt's ack poll and
    keeps working under FaaS and Socket Mode alike; slow work lives in lazy listeners."""
    knowledge = kb if kb is not None else load_knowledge(settings.overlay_paths)
    app = AsyncApp(
        name="rolefit",
        client=web_client(settings),
        signing_secret=settings.slack_signing_secret.get_secret_value(),
        process_before_response=True,
        # RoleFit is not an AI-assistant app: without this, Bolt treats a DM thread as an
        # assistant thread and swaps `say` for one that first calls conversations.replies.
        attaching_conversation_kwargs_enabled=False,
    )
    register(app, Deps(kb=knowledge, matcher=Matcher(knowledge)))
    return app
