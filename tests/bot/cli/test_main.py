"""The `rolefit` entry point itself: what every subcommand shares."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROLEFIT = str(Path(sys.executable).with_name("rolefit"))


def test_a_reader_that_leaves_early_gets_no_traceback() -> None:
    """`rolefit knowledge list | head -1` must end quietly, like other Unix tools."""
    pipeline = subprocess.run(
        f"{ROLEFIT} knowledge list | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert pipeline.returncode == 0
    assert pipeline.stdout.startswith("Product Owner")
    assert "Traceback" not in pipeline.stderr and "BrokenPipe" not in pipeline.stderr


def test_an_unknown_subcommand_is_one_usage_error() -> None:
    result = subprocess.run([ROLEFIT, "dance"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "invalid choice: 'dance'" in result.stderr
    assert "Traceback" not in result.stderr
