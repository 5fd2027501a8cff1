"""The app factory: settings and knowledge in, a ready Bolt app out. Nothing touches the network
here; `serving` opens the store and runs the outbox while the app serves."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from weakref import WeakKeyDictionary

from slack_bolt.async_app import AsyncApp
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.deps import Deps
from bot.installs import Clients, oauth_flow
from bot.listeners import register
from bot.outbox import Outbox
from bot.settings import SlackSettings
from bot.store.store import Store
from knowledge import KnowledgeBase, load_knowledge
from knowledge.index_cache import matcher_for


def web_client(settings: SlackSettings) -> AsyncWebClient:
    """A Web API client set up as the app's own is (see `configure_web_client`)."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return configure_web_client(AsyncWebClient(token=token), settings)


def configure_web_client(client: AsyncWebClient, settings: SlackSettings) -> AsyncWebClient:
    """Point the client at SLACK_API_URL and retry connection errors, 5xx and 429 (after
    Retry-After) once. Bolt copies these onto the client it makes for each request."""
    url = settings.slack_api_url
    client.base_url = url if url.endswith("/") else f"{url}/"
    client.retry_handlers = [
        AsyncConnectionErrorRetryHandler(max_retry_count=1),
        AsyncServerErrorRetryHandler(max_retry_count=1),
        AsyncRateLimitErrorRetryHandler(max_retry_count=1),
    ]
    return client


def build_app(settings: SlackSettings, kb: KnowledgeBase | None = None) -> AsyncApp:
    """RoleFit's Bolt app: for the one workspace SLACK_BOT_TOKEN belongs to, or, with the
    client id and secret instead, for every workspace that installs it (bot.installs).
    process_before_response=True: the HTTP response is the listener's acknowledgement, and slow
    work runs after it, under HTTP and Socket Mode alike. Requests are verified once, on their
    raw bytes, by the HTTP front door (bot.server.guard) before Bolt parses them, so Bolt's own
    check is off."""
    knowledge = kb if kb is not None else load_knowledge(settings.overlay_paths)
    store = Store(settings.database_url.get_secret_value())
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    flow = oauth_flow(settings, store) if token is None else None
    app = AsyncApp(
        name="rolefit",
        # The token, not a ready client: given a client while SLACK_BOT_TOKEN is set, Bolt logs
        # "token will be unused" at every start, though that client holds that very token.
        token=token,
        oauth_flow=flow,
        signing_secret=settings.slack_signing_secret.get_secret_value(),
        request_verification_enabled=False,
        process_before_response=True,
        # RoleFit is not an AI-assistant app: without this, Bolt treats a DM thread as an
        # assistant thread and swaps `say` for one that first calls conversations.replies.
        attaching_conversation_kwargs_enabled=False,
    )
    clients = Clients(settings, flow.settings.installation_store if flow else None)
    configure_web_client(app.client, settings)
    matcher = matcher_for(knowledge, settings.index_cache)
    deps = Deps(kb=knowledge, matcher=matcher, store=store, outbox=Outbox(store, clients))
    register(app, deps)
    _DEPS[app] = deps
    return app


# How long shutting down waits for work after the ack, then for sends in flight.
SHUTDOWN_GRACE_SECONDS = 5
# Each built app's Deps, for `serving`: listeners read theirs from the request context instead.
_DEPS: WeakKeyDictionary[AsyncApp, Deps] = WeakKeyDictionary()


def deps_of_app(app: AsyncApp) -> Deps | None:
    """The Deps `build_app` gave `app` (None for an app it did not build)."""
    return _DEPS.get(app)


@contextlib.asynccontextmanager
async def serving(app: AsyncApp) -> AsyncIterator[None]:
    """While the app serves: the store migrated and open, the outbox sending (it resumes what
    is pending at once), sharing the app client's connection pool. On the way out the outbox
    stops taking work and hands back what it did not finish."""
    deps = _DEPS.get(app)
    if deps is None:  # an app built elsewhere (a test's or a benchmark's): nothing to run
        yield
        return
    await deps.store.upgrade()
    if isinstance(deps.outbox.clients, Clients):
        deps.outbox.clients.session = app.client.session
    deps.outbox.start()
    try:
        yield
    finally:
        await deps.after_ack.drain(SHUTDOWN_GRACE_SECONDS)  # it may still owe the store a write
        await deps.outbox.stop(SHUTDOWN_GRACE_SECONDS)
        await deps.store.close()
