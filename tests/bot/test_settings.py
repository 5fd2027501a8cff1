"""Settings: one model holds every variable, the README's table lists exactly those, and bad
values are refused in one line that never shows a value."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.settings import SettingsError, SlackSettings, load_settings

README = Path(__file__).resolve().parents[2] / "README.md"
SECRET = "xoxb-do-not-print-me"


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    for name in SlackSettings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


def documented_variables() -> list[str]:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| Variable | Where to find it |") :].split("\n\n", 1)[0]
    return re.findall(r"^\| `([A-Z_]+)` \|", table, re.MULTILINE)


def test_the_readme_lists_every_setting_and_nothing_else() -> None:
    assert sorted(documented_variables()) == sorted(n.upper() for n in SlackSettings.model_fields)


def test_dot_env_is_read_for_every_setting(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        f"SLACK_BOT_TOKEN={SECRET}\nSLACK_SIGNING_SECRET=s\nPORT=4321\nROLEFIT_LOG_LEVEL=debug\n"
    )
    settings = load_settings(SlackSettings)
    assert (settings.port, settings.rolefit_log_level) == (4321, "DEBUG")


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("SLACK_API_URL", "not a url", "SLACK_API_URL must be an http(s) URL"),
        ("SLACK_API_URL", "ftp://slack.com/api", "SLACK_API_URL must be an http(s) URL"),
        ("PORT", "70000", "PORT is invalid"),
        ("ROLEFIT_READ_TIMEOUT", "-5", "ROLEFIT_READ_TIMEOUT is invalid"),
        ("ROLEFIT_MAX_CONNECTIONS", "many", "ROLEFIT_MAX_CONNECTIONS is invalid"),
        ("ROLEFIT_LOG_LEVEL", "loud", "ROLEFIT_LOG_LEVEL is invalid"),
        ("SLACK_APP_TOKEN", SECRET, "SLACK_APP_TOKEN must be an app-level token"),
        # an admin's find: a user token, or any stray value, was told as Slack unreachable
        ("SLACK_BOT_TOKEN", "xoxp-1-user-token", "SLACK_BOT_TOKEN must be a bot token"),
        ("SLACK_BOT_TOKEN", "hello", "SLACK_BOT_TOKEN must be a bot token"),
        ("DATABASE_URL", "sqlite://", "DATABASE_URL must name a file"),
        ("DATABASE_URL", "sqlite:///:memory:", "DATABASE_URL must name a file"),
        # a security tester's find: spaces alone passed, and serving ended in a traceback
        ("SLACK_SIGNING_SECRET", "   ", "SLACK_SIGNING_SECRET is invalid"),
        ("SLACK_SIGNING_SECRET", "\t\n", "SLACK_SIGNING_SECRET is invalid"),
    ],
)
def test_a_bad_value_is_named_in_one_line_without_its_value(
    clean_env: pytest.MonkeyPatch, name: str, value: str, said: str
) -> None:
    clean_env.setenv("SLACK_BOT_TOKEN", SECRET)
    clean_env.setenv("SLACK_SIGNING_SECRET", "s")
    clean_env.setenv(name, value)
    with pytest.raises(SettingsError) as refused:
        load_settings(SlackSettings)
    message = str(refused.value)
    assert said in message and "\n" not in message
    assert value not in message and SECRET not in message


def test_a_secret_copied_with_a_line_break_is_read_without_it(
    clean_env: pytest.MonkeyPatch,
) -> None:
    # a security tester's find: a signing secret ending in a newline refused every request
    clean_env.setenv("SLACK_BOT_TOKEN", f" {SECRET}\n")
    clean_env.setenv("SLACK_SIGNING_SECRET", "s3cret\n")
    settings = load_settings(SlackSettings)
    assert settings.slack_signing_secret.get_secret_value() == "s3cret"
    assert settings.slack_bot_token is not None
    assert settings.slack_bot_token.get_secret_value() == SECRET


def test_every_missing_setting_is_named_at_once(clean_env: pytest.MonkeyPatch) -> None:
    with pytest.raises(SettingsError) as refused:
        load_settings(SlackSettings, require=("slack_app_token",))
    message = str(refused.value)
    for name in ("SLACK_APP_TOKEN", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
        assert f"{name} missing" in message


def test_only_the_settings_really_missing_are_named(clean_env: pytest.MonkeyPatch) -> None:
    # a newcomer's find: with the app token set and the signing secret not, it named both
    clean_env.setenv("SLACK_BOT_TOKEN", SECRET)
    clean_env.setenv("SLACK_APP_TOKEN", "xapp-1-A1-123-abc")
    with pytest.raises(SettingsError) as refused:
        load_settings(SlackSettings, require=("slack_app_token",))
    assert "SLACK_SIGNING_SECRET missing" in str(refused.value)
    assert "SLACK_APP_TOKEN" not in str(refused.value)
    # (a review's find: beside a bad value, not a missing one, it was still called missing)
    clean_env.setenv("SLACK_SIGNING_SECRET", "s")
    clean_env.setenv("PORT", "99999")
    with pytest.raises(SettingsError) as refused:
        load_settings(SlackSettings, require=("slack_app_token",))
    assert "PORT is invalid" in str(refused.value)
    assert "SLACK_APP_TOKEN" not in str(refused.value)
    clean_env.delenv("PORT")
    # and half of Add to Slack's pair names the other half, not the bot token
    clean_env.delenv("SLACK_BOT_TOKEN")
    clean_env.setenv("SLACK_SIGNING_SECRET", "s")
    clean_env.setenv("SLACK_CLIENT_ID", "1.2")
    with pytest.raises(SettingsError) as refused:
        load_settings(SlackSettings)
    assert "SLACK_CLIENT_SECRET missing" in str(refused.value)
    assert "SLACK_BOT_TOKEN" not in str(refused.value)


def test_a_bad_value_beside_a_dot_env_is_still_one_line_without_secrets(
    clean_env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # a second review's find: with other settings in .env, reading the required ones raised
    # pydantic's own error, values and all
    (tmp_path / ".env").write_text(
        f"SLACK_APP_TOKEN=xapp-1\nSLACK_SIGNING_SECRET=s\nSLACK_BOT_TOKEN={SECRET}\n"
    )
    clean_env.setenv("PORT", "99999")
    with pytest.raises(SettingsError) as refused:
        load_settings(SlackSettings, require=("slack_app_token",))
    message = str(refused.value)
    assert "PORT is invalid" in message and "SLACK_APP_TOKEN" not in message
    assert SECRET not in message


def test_a_bot_token_beside_add_to_slack_s_client_id_and_secret_is_refused(
    clean_env: pytest.MonkeyPatch,
) -> None:
    # a newcomer's find: Bolt ignored the token, so RoleFit started healthy and answered no one
    clean_env.setenv("SLACK_BOT_TOKEN", SECRET)
    clean_env.setenv("SLACK_SIGNING_SECRET", "s")
    clean_env.setenv("SLACK_CLIENT_ID", "1.2")
    clean_env.setenv("SLACK_CLIENT_SECRET", "client-s3cret")
    with pytest.raises(SettingsError) as refused:
        load_settings(SlackSettings)
    message = str(refused.value)
    assert "SLACK_BOT_TOKEN is set beside SLACK_CLIENT_ID and SLACK_CLIENT_SECRET" in message
    assert "\n" not in message and SECRET not in message and "client-s3cret" not in message


def test_the_index_cache_is_in_the_users_cache_folder_unless_set_empty(
    clean_env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clean_env.setenv("SLACK_BOT_TOKEN", SECRET)
    clean_env.setenv("SLACK_SIGNING_SECRET", "s")
    clean_env.setenv("HOME", str(tmp_path / "home"))
    clean_env.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as the XDG spec says
    assert load_settings(SlackSettings).index_cache == tmp_path / "home" / ".cache" / "rolefit"
    clean_env.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert load_settings(SlackSettings).index_cache == tmp_path / "xdg" / "rolefit"
    clean_env.setenv("ROLEFIT_INDEX_CACHE", " ")
    assert load_settings(SlackSettings).index_cache is None
