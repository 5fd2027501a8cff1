"""`rolefit knowledge validate|list|index`: checking overlays before they go live, seeing the
base, and building the matcher's index before a start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

GOOD_OVERLAY = """
responsibilities:
  - id: pm-pricing-council
    title: Chairing the pricing council
    owners: [product-manager]
    phrases: [pricing council]
    section: Business and Financial Analysis
    why: Here the Product Manager chairs the monthly pricing council.
holders:
  product-owner: [U0POBOB]
"""
BROKEN_OVERLAY = """
responsibilities:
  - id: po-backlog
    title: Again
    owners: [product-owner, scrum-master]
    phrases: []
    section: S
    why: W
"""


@pytest.fixture(autouse=True)
def clean_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ROLEFIT_KNOWLEDGE", raising=False)
    monkeypatch.chdir(tmp_path)


def overlay(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_builtin_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["knowledge", "validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: 2 roles, ")
    assert "0 overlays" in out


def test_validate_counts_overlays_from_args_and_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    env_overlay = overlay(tmp_path, "holders: {product-manager: [S0PMS]}", "env.yaml")
    monkeypatch.setenv("ROLEFIT_KNOWLEDGE", str(env_overlay))
    assert main(["knowledge", "validate", str(overlay(tmp_path, GOOD_OVERLAY, "good.yaml"))]) == 0
    out = capsys.readouterr().out
    assert "2 role holders" in out and "2 overlays" in out


def test_validate_reports_every_problem_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = overlay(tmp_path, BROKEN_OVERLAY, "broken.yaml")
    assert main(["knowledge", "validate", str(broken)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{broken}: responsibility 'po-backlog': phrases must not be empty" in captured.err
    assert "Traceback" not in captured.err


def test_validate_checks_the_environment_overlays_too(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = overlay(tmp_path, "holders: {product-owner: [bob]}", "env.yaml")
    monkeypatch.setenv("ROLEFIT_KNOWLEDGE", str(broken))
    assert main(["knowledge", "validate"]) == 1
    assert f"{broken}: holders 'product-owner'" in capsys.readouterr().err


def test_validate_exit_code_from_a_real_process(tmp_path: Path) -> None:
    broken = overlay(tmp_path, "roles: [oops", "broken.yaml")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from bot.cli import main; sys.exit(main())",
            "knowledge",
            "validate",
            str(broken),
        ],
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 1
    assert f"{broken}: invalid YAML" in done.stderr.decode()


def test_list_shows_roles_responsibilities_and_neighbours(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["knowledge", "list"]) == 0
    out = capsys.readouterr().out
    assert "Product Owner (PO)" in out and "Product Manager (PM)" in out
    assert "po-backlog" in out and "pm-go-to-market" in out
    assert "PO + PM" in out
    assert "the creative team" in out


def test_list_with_a_broken_overlay_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ROLEFIT_KNOWLEDGE", str(tmp_path / "missing.yaml"))
    assert main(["knowledge", "list"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_index_builds_the_index_once_into_the_cache_folder(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ROLEFIT_INDEX_CACHE", str(folder))
    assert main(["knowledge", "index"]) == 0
    [kept] = folder.glob("matcher-*.pickle")
    written = kept.stat().st_ino
    assert main(["knowledge", "index"]) == 0
    assert capsys.readouterr().out.count(f"Index ready in {folder}") == 2
    assert list(folder.glob("matcher-*")) == [kept] and kept.stat().st_ino == written


def test_index_into_a_folder_others_may_write_to_fails_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    monkeypatch.setenv("ROLEFIT_INDEX_CACHE", str(folder))
    assert main(["knowledge", "index"]) == 2
    assert capsys.readouterr().err == (
        f"rolefit: cannot keep the matcher's index in {folder}: others may write to it "
        "(chmod go-w, or use a private folder)\n"
    )
    assert list(folder.iterdir()) == []


def test_index_without_a_cache_folder_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLEFIT_INDEX_CACHE", "")
    assert main(["knowledge", "index"]) == 2
    assert capsys.readouterr().err == (
        "rolefit: ROLEFIT_INDEX_CACHE is empty: there is nowhere to keep the index\n"
    )
