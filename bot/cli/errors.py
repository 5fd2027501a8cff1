"""The one exception type the CLI turns into a single friendly line (exit 2)."""


class CliError(Exception):
    """An expected failure the user can fix: bad input, missing setting, unreadable file."""
