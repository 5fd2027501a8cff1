"""Configuration from the environment (and an optional, gitignored `.env`), via pydantic-settings.

`SlackSettings` is the one model of every variable RoleFit reads; the README's table of variables
is checked against it. A missing or malformed setting becomes one `SettingsError` line naming
every variable at fault — never a traceback, and never a secret's value.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import OneLineError
from bot.store.urls import DEFAULT_DATABASE_URL, engine_url

SLACK_API_URL = "https://slack.com/api/"
# A bot token, and one with token rotation turned on
# (https://api.slack.com/authentication/rotation).
BOT_TOKEN_PREFIXES = ("xoxb-", "xoxe.xoxb-")


def _user_cache_folder(name: str) -> str:
    """`name` in the user's cache folder: $XDG_CACHE_HOME if it is absolute (the XDG spec
    ignores a relative one), else ~/.cache."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return os.path.join(xdg if os.path.isabs(xdg) else "~/.cache", name)


class SettingsError(OneLineError):
    """A setting is missing or invalid; the message names it and never holds its value."""


class KnowledgeSettings(BaseSettings):
    """What every command reads: where overlays live, and how to log."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    rolefit_knowledge: str = Field("", description="overlay YAML files, separated by `:`")
    rolefit_log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="how much RoleFit logs"
    )

    rolefit_index_cache: str = Field(
        default_factory=lambda: _user_cache_folder("rolefit"),
        description="folder where the matcher's built index is kept between starts; empty: none",
    )

    @field_validator("rolefit_log_level", mode="before")
    @classmethod
    def _upper_case(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @property
    def overlay_paths(self) -> list[Path]:
        return [Path(part) for part in self.rolefit_knowledge.split(os.pathsep) if part.strip()]

    @property
    def index_cache(self) -> Path | None:
        """The folder, or None: set empty, or "~" with no home directory to expand it to."""
        folder = self.rolefit_index_cache.strip()
        try:
            return Path(folder).expanduser() if folder else None
        except RuntimeError:  # no HOME, and no passwd entry for this user
            return None


class StoreSettings(KnowledgeSettings):
    """Where RoleFit keeps claims, owed messages and conversations (`rolefit db`, `outbox`)."""

    database_url: SecretStr = Field(
        SecretStr(DEFAULT_DATABASE_URL),
        description="`sqlite:///FILE` (default `sqlite:///rolefit.db`) or `postgresql://…`",
    )

    @field_validator("database_url")
    @classmethod
    def _a_database_url(cls, url: SecretStr) -> SecretStr:
        engine_url(url.get_secret_value())  # raises ValueError naming what is wrong
        return url


class SlackSettings(StoreSettings):
    """Everything the Slack app reads. Tokens are SecretStr so they never print by accident."""

    # Never empty: an empty signing secret would accept any request signed with an empty key.
    # One workspace: its bot token. Many ("Add to Slack"): the client id and secret instead.
    slack_bot_token: SecretStr | None = Field(
        min_length=1, description="the bot token, `xoxb-…` (one workspace)"
    )
    slack_client_id: str | None = Field(
        None, min_length=1, description="the app's client id (Add to Slack, many workspaces)"
    )
    slack_client_secret: SecretStr | None = Field(
        None, min_length=1, description="the app's client secret (Add to Slack)"
    )
    slack_redirect_uri: str | None = Field(
        None, description="`https://YOUR-HOST/slack/oauth_redirect`, as in the manifest"
    )
    slack_signing_secret: SecretStr = Field(min_length=1, description="the signing secret")
    slack_app_token: SecretStr | None = Field(
        None, min_length=1, description="Socket Mode's app-level token, `xapp-…`"
    )
    slack_api_url: str = Field(SLACK_API_URL, description="Slack's Web API address")
    port: int = Field(3000, ge=0, le=65535, description="the port `rolefit serve` listens on")
    rolefit_read_timeout: float = Field(
        10.0, gt=0, le=300, description="seconds a client has to send a whole request"
    )
    rolefit_max_connections: int = Field(
        1000, ge=1, description="open connections before new requests get 503"
    )

    @field_validator(
        "slack_bot_token",
        "slack_client_id",
        "slack_client_secret",
        "slack_signing_secret",
        "slack_app_token",
        mode="before",
    )
    @classmethod
    def _without_spaces_around(cls, secret: object) -> object:
        """A secret never starts or ends with a space or a line break: one copied with them (a
        secrets file's last newline) would refuse every request, and one of spaces alone is
        empty."""
        return secret.strip() if isinstance(secret, str) else secret

    @model_validator(mode="before")
    @classmethod
    def _a_token_or_oauth(cls, values: Any) -> Any:
        """With a client id and secret and no bot token, RoleFit installs with OAuth: the bot
        token is then not needed (each workspace's comes from its installation)."""
        oauth = isinstance(values, dict) and not values.get("slack_bot_token")
        if oauth and values.get("slack_client_id") and values.get("slack_client_secret"):
            return {**values, "slack_bot_token": None}
        return values

    @model_validator(mode="after")
    def _one_way_to_install(self) -> SlackSettings:
        """A bot token beside a client id and secret: Bolt would take the OAuth settings and
        ignore the token, so RoleFit would start healthy and answer no one."""
        if self.slack_bot_token is not None and self.slack_client_id and self.slack_client_secret:
            raise ValueError(
                "SLACK_BOT_TOKEN is set beside SLACK_CLIENT_ID and SLACK_CLIENT_SECRET: unset the "
                "bot token to install in many workspaces (Add to Slack), or the client id and "
                "secret for one"
            )
        return self

    @property
    def installs_with_oauth(self) -> bool:
        return self.slack_bot_token is None

    @field_validator("slack_api_url")
    @classmethod
    def _an_http_url(cls, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http(s) URL")
        return url if url.endswith("/") else f"{url}/"

    @field_validator("slack_bot_token")
    @classmethod
    def _a_bot_token(cls, token: SecretStr | None) -> SecretStr | None:
        """A user token (`xoxp-`) or a stray value would start RoleFit and fail only when it
        first reaches Slack, told as Slack being unreachable where Slack cannot be reached."""
        if token is not None and not token.get_secret_value().startswith(BOT_TOKEN_PREFIXES):
            raise ValueError("must be a bot token (it starts with xoxb-)")
        return token

    @field_validator("slack_app_token")
    @classmethod
    def _an_app_level_token(cls, token: SecretStr | None) -> SecretStr | None:
        if token is not None and not token.get_secret_value().startswith("xapp-"):
            raise ValueError("must be an app-level token (it starts with xapp-)")
        return token


SettingsT = TypeVar("SettingsT", bound=KnowledgeSettings)


def load_settings(settings_class: type[SettingsT], *, require: tuple[str, ...] = ()) -> SettingsT:
    """Build settings, turning every problem (and every unset name in `require`) into one line
    that names each variable and what is wrong with it, never its value."""
    problems: dict[str, str] = {}
    try:
        settings: SettingsT | None = settings_class()
    except ValidationError as error:
        settings = None
        for problem in error.errors():
            if not problem["loc"]:  # a rule across settings: its message names them
                problems[""] = problem["msg"].removeprefix("Value error, ")
                continue
            name = str(problem["loc"][0]).upper()
            missing = problem["type"] == "missing" or "at least 1 character" in problem["msg"]
            problems[name] = "missing" if missing else _reason(problem["msg"])
    if settings is None:  # what else is wrong says nothing of whether these are set
        given = _set_at_all(settings_class, (*require, "slack_client_id", "slack_client_secret"))
        if problems.get("SLACK_BOT_TOKEN") == "missing":
            del problems["SLACK_BOT_TOKEN"]
            problems.update(_how_to_install(given))
        unset = [name for name in require if not given.get(name)]
    else:
        unset = [name for name in require if getattr(settings, name) is None]
    for name in unset:
        problems.setdefault(name.upper(), "missing")
    if settings is None or problems:
        said = "; ".join(f"{name} {reason}".strip() for name, reason in sorted(problems.items()))
        raise SettingsError(f"setting {said} (set it in the environment or in .env; see README)")
    return settings


def _set_at_all(settings_class: type[BaseSettings], names: tuple[str, ...]) -> dict[str, Any]:
    """`names` as the environment and .env give them, unchecked: where another setting is
    wrong, these are still read."""
    given = type(
        "Given",
        (BaseSettings,),
        {
            "__annotations__": dict.fromkeys(names, str | None),
            **dict.fromkeys(names),
            # every other setting, in the environment or .env, is none of its business
            "model_config": SettingsConfigDict(
                **{**settings_class.model_config, "extra": "ignore"}
            ),
        },
    )
    try:
        return dict(given())
    except ValidationError:  # never shown: it may hold a value
        return {}


def _how_to_install(given: dict[str, Any]) -> dict[str, str]:
    """What is missing where no bot token is set: the token, or the half of Add to Slack's
    client id and secret that is not set."""
    if given.get("slack_client_id") and not given.get("slack_client_secret"):
        return {"SLACK_CLIENT_SECRET": "missing (Add to Slack needs it beside SLACK_CLIENT_ID)"}
    if given.get("slack_client_secret") and not given.get("slack_client_id"):
        return {"SLACK_CLIENT_ID": "missing (Add to Slack needs it beside SLACK_CLIENT_SECRET)"}
    return {
        "SLACK_BOT_TOKEN": "missing (or, for Add to Slack, SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)"
    }


def _reason(message: str) -> str:
    """pydantic's message without its prefix ("Value error, must be…" → "must be…")."""
    reason = message.removeprefix("Value error, ")
    return (
        reason
        if reason.startswith(("must", "is"))
        else f"is invalid: {reason[:1].lower()}{reason[1:]}"
    )
