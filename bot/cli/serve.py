"""`rolefit serve` (production HTTP) and `rolefit socket` (Socket Mode): the same Bolt app.

Slack, uvicorn and the knowledge base load inside the handlers, so other subcommands stay fast.
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from bot.cli.errors import CliError

if TYPE_CHECKING:
    from slack_bolt.async_app import AsyncApp

    from bot.settings import SlackSettings

DEFAULT_PORT = 3000


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
        help=f"port to bind; 0 picks a free one (default $PORT, else {DEFAULT_PORT})",
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


def _port(requested: int | None) -> int:
    if requested is None:
        configured = os.environ.get("PORT", "").strip()
        if not configured:
            return DEFAULT_PORT
        if not configured.isdigit():
            raise CliError(f"PORT must be a number, not {configured!r}")
        requested = int(configured)
    if not 0 <= requested <= 65535:
        raise CliError(f"port {requested} is outside 0-65535")
    return requested


def _build_app(settings: SlackSettings) -> AsyncApp:
    """The Slack app over built-in knowledge plus the overlays, or one line on a broken overlay."""
    from bot.app import build_app
    from bot.cli.ask import load_knowledge_base

    return build_app(settings, load_knowledge_base(settings.overlay_paths))


def _serve(args: argparse.Namespace) -> int:
    from bot.server.guard import create_asgi_app
    from bot.server.runners import serve
    from bot.settings import SlackSettings, load_settings

    port = _port(args.port)
    settings = load_settings(SlackSettings)
    bolt_app = _build_app(settings)
    asgi_app = create_asgi_app(
        bolt_app, signing_secret=settings.slack_signing_secret.get_secret_value()
    )
    try:
        serve(asgi_app, bolt_app, args.host, port)
    except OSError as error:
        raise CliError(f"cannot listen on {args.host}:{port}: {error.strerror}") from None
    return 0


def _socket(args: argparse.Namespace) -> int:
    import aiohttp
    from slack_sdk.errors import SlackApiError

    from bot.server.runners import run_socket_mode
    from bot.settings import SlackSettings, load_settings

    settings = load_settings(SlackSettings)
    if settings.slack_app_token is None:
        raise CliError(
            "missing setting: SLACK_APP_TOKEN (Socket Mode needs an app-level token, xapp-…; "
            "see README)"
        )
    app_token = settings.slack_app_token.get_secret_value()
    if not app_token.startswith("xapp-"):
        raise CliError("SLACK_APP_TOKEN must be an app-level token (it starts with xapp-)")
    try:
        run_socket_mode(_build_app(settings), app_token)
    except SlackApiError as error:
        reason = error.response.get("error")
        raise CliError(f"Slack refused the Socket Mode connection: {reason}") from None
    except (aiohttp.ClientError, TimeoutError) as error:
        raise CliError(
            f"cannot reach Slack for Socket Mode: {error or type(error).__name__}"
        ) from None
    return 0
