"""Placeholder until its issue lands."""

import argparse


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add this module's subcommands (none yet)."""
