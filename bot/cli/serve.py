"""`rolefit serve` (production HTTP) and `rolefit socket` (Socket Mode): the same Bolt app.

Slack, uvicorn and the knowledge base load inside the handlers, so other subcommands stay fast.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import TYPE_CHECKING

from bot.cli.errors import CliError

if TYPE_CHECKING:
    from slack_bolt.async_app import AsyncApp

    from bot.settings import SlackSettings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `serve` and `socket`."""
    serve = subparsers.add_parser(
        "serve",
        help="serve the Slack app over HTTP (Slack posts to /slack/events; /healthz for checks)",
        description="Production HTTP mode: put it behind HTTPS and point the manifest's request "
        "URLs at https://YOUR-HOST/slack/events. Needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.",
    )
    serve.add_argument("--host", default="0.0.0.0", help="address to bind (default 0.0.0.0)")
    serve.add_argument(
        "--port",
        type=int,
        default=None,
        help="port to bind; 0 picks a free one (default: the PORT setting, else 3000)",
    )
    serve.set_defaults(handler=_serve)
    socket_mode = subparsers.add_parser(
        "socket",
        help="run the Slack app in Socket Mode (needs SLACK_APP_TOKEN, no public URL)",
        description="Socket Mode: Slack delivers over a WebSocket the app opens, so no public URL "
        "is needed. Needs SLACK_APP_TOKEN (xapp-…) besides SLACK_BOT_TOKEN and "
        "SLACK_SIGNING_SECRET.",
    )
    socket_mode.set_defaults(handler=_socket)


def _build_app(settings: SlackSettings) -> AsyncApp:
    """The Slack app over built-in knowledge plus the overlays, once Slack has accepted the bot
    token: a wrong token is one line at start, not a 500 on every request later."""
    from bot.app import build_app
    from bot.cli.shared import load_knowledge_base
    from bot.logs import configure_logging

    configure_logging(settings.rolefit_log_level)
    app = build_app(settings, load_knowledge_base(settings.overlay_paths))
    if not settings.installs_with_oauth:
        asyncio.run(_check_bot_token(app))
    return app


# Slack failing for a moment at start (a 5xx, a rate limit) is asked again after these pauses,
# then said to be Slack's trouble: only Slack's word on the token itself blames the token.
_START_PAUSES_SECONDS = (1.0, 2.0, 4.0)


async def _check_bot_token(app: AsyncApp) -> None:
    import aiohttp
    from slack_sdk.errors import SlackApiError

    for pause in (*_START_PAUSES_SECONDS, None):
        try:
            await app.client.auth_test()
            return
        except SlackApiError as error:
            reason = error.response.get("error") or f"HTTP {error.response.status_code}"
            if not _slack_in_trouble(error.response.status_code, reason):
                raise CliError(
                    f"Slack refused SLACK_BOT_TOKEN ({reason}); check the bot token"
                ) from None
            if pause is None:
                status = f"HTTP {error.response.status_code}"
                said = reason if reason == status else f"{reason}, {status}"
                raise CliError(
                    f"Slack is not answering at start ({said}); try again shortly"
                ) from None
        except (aiohttp.ClientError, TimeoutError) as error:
            raise CliError(
                f"cannot reach Slack at SLACK_API_URL ({type(error).__name__}); check the address"
            ) from None
        await asyncio.sleep(pause)


def _slack_in_trouble(status: int, reason: str) -> bool:
    """Whether Slack's answer says it failed for a while, not that the token is wrong."""
    return status >= 500 or status == 429 or reason in _SLACK_TROUBLE


_SLACK_TROUBLE = frozenset(
    {"fatal_error", "internal_error", "service_unavailable", "request_timeout", "ratelimited"}
)


def _serve(args: argparse.Namespace) -> int:
    from bot.server.guard import create_asgi_app
    from bot.server.runners import serve
    from bot.settings import SlackSettings, load_settings

    settings = load_settings(SlackSettings)
    port = settings.port if args.port is None else args.port
    if not 0 <= port <= 65535:
        raise CliError(f"port {port} is outside 0-65535")
    bolt_app = _build_app(settings)
    asgi_app = create_asgi_app(
        bolt_app, signing_secret=settings.slack_signing_secret.get_secret_value()
    )
    try:
        serve(asgi_app, bolt_app, args.host, port, settings)
    except OSError as error:
        raise CliError(f"cannot listen on {args.host}:{port}: {error.strerror}") from None
    return 0


def _socket(args: argparse.Namespace) -> int:
    import aiohttp
    from slack_sdk.errors import SlackApiError

    from bot.server.runners import run_socket_mode
    from bot.settings import SlackSettings, load_settings
    from bot.store.store import STORE_FAILURES, cannot_use_the_database

    settings = load_settings(SlackSettings, require=("slack_app_token",))
    assert settings.slack_app_token is not None  # required above
    try:
        run_socket_mode(_build_app(settings), settings.slack_app_token.get_secret_value())
    except SlackApiError as error:
        reason = error.response.get("error")
        raise CliError(f"Slack refused the Socket Mode connection: {reason}") from None
    except (aiohttp.ClientError, TimeoutError) as error:
        raise CliError(
            f"cannot reach Slack for Socket Mode: {error or type(error).__name__}"
        ) from None
    except STORE_FAILURES as error:
        raise CliError(cannot_use_the_database(error)) from None
    return 0
