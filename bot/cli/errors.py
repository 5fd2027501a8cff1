"""Errors the CLI reports in one line (see `bot.errors`)."""

from bot.errors import OneLineError


class CliError(OneLineError):
    """A bad argument, input or file given to a `rolefit` command."""
