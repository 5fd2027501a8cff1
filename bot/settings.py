"""Configuration from the environment (and an optional, gitignored `.env`), via pydantic-settings.

A missing or malformed setting becomes one `SettingsError` line naming the variable (the CLI
prints it as is) — never a traceback, and never the secret's value.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import OneLineError

SLACK_API_URL = "https://slack.com/api/"


class SettingsError(OneLineError):
    """A setting is missing or invalid; the message names it and never holds its value."""


class KnowledgeSettings(BaseSettings):
    """Where overlays live: ROLEFIT_KNOWLEDGE, paths split by os.pathsep."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    rolefit_knowledge: str = ""

    @property
    def overlay_paths(self) -> list[Path]:
        return [Path(part) for part in self.rolefit_knowledge.split(os.pathsep) if part.strip()]


class SlackSettings(KnowledgeSettings):
    """Everything the Slack app needs. Tokens are SecretStr so they never print by accident."""

    # Never empty: an empty signing secret would accept any request signed with an empty key.
    slack_bot_token: SecretStr = Field(min_length=1)
    slack_signing_secret: SecretStr = Field(min_length=1)
    slack_app_token: SecretStr | None = None
    slack_api_url: str = SLACK_API_URL


SettingsT = TypeVar("SettingsT", bound=BaseSettings)


def load_settings(settings_class: type[SettingsT]) -> SettingsT:
    """Build settings, turning validation failures into one line that names each variable."""
    try:
        return settings_class()
    except ValidationError as error:
        names = sorted({str(problem["loc"][0]).upper() for problem in error.errors()})
        raise SettingsError(
            f"missing or invalid setting: {', '.join(names)} "
            "(set it in the environment or in .env; see README)"
        ) from None
