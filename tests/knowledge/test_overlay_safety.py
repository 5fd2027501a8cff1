"""Overlays come from whoever sets ROLEFIT_KNOWLEDGE: what RoleFit refuses to read, and how every
problem of a run is reported together."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge import KnowledgeError, load_knowledge
from knowledge.yaml_files import MAX_FILE_BYTES

ONE_GIB = 1024**3
# No timing is measured: a run that has not finished after this long has hung.
HANG = 10.0

NEW_RESPONSIBILITY = """\
  - id: {id}
    title: T
    owners: [{owners}]
    phrases: [{id} phrase]
    section: S
    why: W
"""


def write(tmp_path: Path, text: str, name: str = "overlay.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def failure(*overlays: Path) -> KnowledgeError:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(overlays)
    return caught.value


def billion_laughs(path: Path, levels: int = 9) -> Path:
    """The classic: each level lists the previous one ten times, so a file of well under a
    kilobyte stands for 10**levels strings — in a field RoleFit really reads (synonyms)."""
    lines = ["language:", "  synonyms:", f"    lol0: &l0 [{', '.join(['lol'] * 10)}]"]
    lines += [f"    lol{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, levels)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fan_out(path: Path, phrases: int = 2000, entries: int = 2000) -> Path:
    """Alias amplification that passes the schema: one long phrase list reused by many
    responsibilities — four million phrases for the matcher from a file of ~100 kB."""
    words = ", ".join(f"w{n}" for n in range(phrases))
    lines = ["responsibilities:"]
    for n in range(entries):
        reuse = f"&p [{words}]" if n == 0 else "*p"
        lines.append(
            f"  - {{id: pm-fan-{n}, title: T, owners: [product-manager], section: S, why: W, "
            f"phrases: {reuse}}}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def in_thread(work: Callable[[], None]) -> None:
    """Run `work`, failing (instead of hanging the suite) if it has not returned in time."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG)
    assert not thread.is_alive(), f"still running after {HANG} s"
    if errors:
        raise errors[0]


# Size and file type


def test_a_file_over_the_size_cap_is_refused_unread(tmp_path: Path) -> None:
    big = write(tmp_path, "#" * (MAX_FILE_BYTES + 1))
    error = failure(big)
    expected = f"{big}: too large ({MAX_FILE_BYTES + 1:,} bytes; knowledge files may be at most "
    assert error.problems == error.refused
    assert len(error.problems) == 1 and error.problems[0].startswith(expected)


def test_a_file_at_the_size_cap_is_read(tmp_path: Path) -> None:
    holders = "holders: {product-owner: [U0ABCDEF]}\n"
    padded = write(tmp_path, holders + "#" * (MAX_FILE_BYTES - len(holders) - 1) + "\n")
    assert padded.stat().st_size == MAX_FILE_BYTES
    assert load_knowledge([padded]).roles["product-owner"].holders == ["U0ABCDEF"]


def test_a_directory_is_refused(tmp_path: Path) -> None:
    error = failure(tmp_path)
    assert error.refused == [
        f"{tmp_path}: not a regular file (it is a directory); knowledge files must be YAML files"
    ]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_is_refused_without_reading_it(tmp_path: Path) -> None:
    link = tmp_path / "innocent.yaml"
    link.symlink_to("/dev/zero")
    error = failure(Path("/dev/zero"), link)
    assert error.refused == error.problems
    assert error.problems == [
        f"{path}: not a regular file (it is a character device); knowledge files must be YAML files"
        for path in ("/dev/zero", link)
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "overlay.yaml"
    os.mkfifo(fifo)

    def check() -> None:
        assert failure(fifo).refused == [
            f"{fifo}: not a regular file (it is a FIFO); knowledge files must be YAML files"
        ]

    in_thread(check)


def test_a_missing_file_is_refused_too(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    assert failure(missing).refused == [f"{missing}: cannot read file (No such file or directory)"]


# Anchors and aliases


def test_a_billion_laughs_overlay_is_refused_at_its_first_alias(tmp_path: Path) -> None:
    bomb = billion_laughs(tmp_path / "bomb.yaml")

    def check() -> None:
        error = failure(bomb)
        assert error.problems == error.refused
        assert len(error.problems) == 1
        assert error.problems[0].startswith(f"{bomb}: YAML alias *l0 at line 4 refused: ")
        assert "write the value out" in error.problems[0]

    in_thread(check)


def test_alias_fan_out_that_passes_the_schema_is_refused(tmp_path: Path) -> None:
    overlay = fan_out(tmp_path / "fan.yaml")

    def check() -> None:
        assert failure(overlay).refused == [
            f"{overlay}: YAML alias *p at line 3 refused: knowledge files may not use YAML "
            "anchors and aliases (a few lines of them can expand to gigabytes); write the value out"
        ]

    in_thread(check)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Even a harmless-looking alias: overlays are short, so writing it out costs nothing.
        (
            "holders:\n  product-owner: &team [U0AAAAA]\n  product-manager: *team\n",
            "YAML alias *team at line 3 refused",
        ),
        # An alias as a mapping key.
        ("add_phrases:\n  &k po-backlog: [a]\n  *k : [b]\n", "YAML alias *k at line 3 refused"),
        # Merge keys are how YAML reuses a mapping.
        (
            "x: &base {title: T}\nresponsibilities:\n  - <<: *base\n    id: po-extra\n",
            "YAML alias *base at line 3 refused",
        ),
        ("holders:\n  <<: {product-owner: [U0AAAAA]}\n", "YAML merge key (<<) refused"),
    ],
)
def test_every_alias_and_merge_key_is_refused(tmp_path: Path, text: str, expected: str) -> None:
    overlay = write(tmp_path, text)
    refused = failure(overlay).refused
    assert len(refused) == 1 and refused[0].startswith(f"{overlay}: {expected}: "), refused


def test_an_anchor_without_an_alias_is_harmless(tmp_path: Path) -> None:
    overlay = write(tmp_path, "holders:\n  product-owner: &team [U0AAAAA]\n")
    assert load_knowledge([overlay]).roles["product-owner"].holders == ["U0AAAAA"]


# Duplicate keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "holders:\n  product-owner: [U0AAAAA]\nholders:\n  product-manager: [U0BBBBB]\n",
            "invalid YAML at line 3, column 1: duplicate key 'holders' (first at line 1)",
        ),
        (
            "holders:\n  product-owner: [U0AAAAA]\n  product-owner: [U0BBBBB]\n",
            "invalid YAML at line 3, column 3: duplicate key 'product-owner' (first at line 2)",
        ),
        (
            "responsibilities:\n  - id: po-one\n    title: T\n    id: po-two\n",
            "invalid YAML at line 4, column 5: duplicate key 'id' (first at line 2)",
        ),
        (
            "add_phrases: {po-backlog: [a], po-backlog: [b]}\n",
            "invalid YAML at line 1, column 32: duplicate key 'po-backlog' (first at line 1)",
        ),
    ],
)
def test_duplicate_keys_are_errors_naming_file_and_line(
    tmp_path: Path, text: str, expected: str
) -> None:
    overlay = write(tmp_path, text)
    error = failure(overlay)
    assert error.refused == []
    assert len(error.problems) == 1
    assert error.problems[0].startswith(f"{overlay}: {expected}"), error.problems


# Every problem in one run


def test_schema_errors_duplicate_ids_and_unknown_owners_come_out_in_one_run(
    tmp_path: Path,
) -> None:
    first = write(
        tmp_path,
        "responsibilities:\n"
        # invalid (no phrases), a duplicate of a built-in id, and an owner that is not a role
        "  - id: po-backlog\n    title: T\n    owners: [product-owner, scrum-master]\n"
        "    phrases: []\n    section: S\n    why: W\n"
        + NEW_RESPONSIBILITY.format(id="pm-new", owners="product-manager")
        + "holders:\n  product-owner: [bob]\n",
        "first.yaml",
    )
    second = write(
        tmp_path,
        "responsibilities:\n"
        + NEW_RESPONSIBILITY.format(id="pm-new", owners="product-manager")
        + NEW_RESPONSIBILITY.format(id="pm-other", owners="release-manager")
        + "add_phrases:\n  po-nothing: [x]\nholders:\n  scrum-master: [U0AAAAA]\n",
        "second.yaml",
    )
    missing = tmp_path / "missing.yaml"
    error = failure(first, missing, second)
    known = "(known: product-manager, product-owner)"
    assert error.problems == [
        f"{first}: responsibility 'po-backlog': phrases must not be empty",
        f"{first}: holders 'product-owner': holders must be Slack user ids (U…/W…) or "
        "user-group ids (S…), got ['bob']",
        f"{first}: responsibility 'po-backlog': duplicate id "
        "(already defined in knowledge/data/product_owner.yaml)",
        f"{first}: responsibility 'po-backlog': owners ['scrum-master'] are not defined roles "
        + known,
        f"{missing}: cannot read file (No such file or directory)",
        f"{second}: responsibility 'pm-new': duplicate id (already defined in {first})",
        f"{second}: responsibility 'pm-other': owners ['release-manager'] are not defined roles "
        + known,
        f"{second}: add_phrases 'po-nothing': no such responsibility",
        f"{second}: holders 'scrum-master': no such role " + known,
    ]
    assert error.refused == [f"{missing}: cannot read file (No such file or directory)"]


def test_an_invalid_entry_does_not_cause_follow_on_errors(tmp_path: Path) -> None:
    overlay = write(
        tmp_path,
        # A role missing most of its fields, a responsibility it owns, phrases and holders for
        # both: only the role's own problems are reported, not "no such role" and the like.
        "roles:\n  - id: scrum-master\n    name: Scrum Master\n"
        "responsibilities:\n"
        + NEW_RESPONSIBILITY.format(id="sm-retro", owners="scrum-master")
        + "  - id: sm-daily\n    title: Daily\n    owners: [scrum-master]\n"
        "add_phrases:\n  sm-daily: [stand-up]\n"
        "holders:\n  scrum-master: [U0AAAAA]\n",
    )
    problems = failure(overlay).problems
    assert problems, problems
    assert all(
        p.startswith(f"{overlay}: role 'scrum-master': missing key ")
        or p.startswith(f"{overlay}: responsibility 'sm-daily': missing key ")
        for p in problems
    ), problems


def test_a_malformed_owner_is_reported_once(tmp_path: Path) -> None:
    overlay = write(
        tmp_path,
        "responsibilities:\n" + NEW_RESPONSIBILITY.format(id="po-extra", owners="Product-Owner"),
    )
    problems = failure(overlay).problems
    assert len(problems) == 1 and "must be lowercase words" in problems[0], problems


# The CLI: one clear line, exit 2, no hang, bounded memory


def run_rolefit(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`rolefit ARGS` as a real process capped at 1 GiB of address space; fails if it hangs."""

    def cap_memory() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (ONE_GIB, ONE_GIB))

    base = {k: v for k, v in os.environ.items() if k != "ROLEFIT_KNOWLEDGE"}
    return subprocess.run(
        [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())", *args],
        capture_output=True,
        text=True,
        env={**base, **(env or {})},
        preexec_fn=cap_memory,
        timeout=HANG,
        check=False,
    )


posix_only = pytest.mark.skipif(sys.platform == "win32", reason="needs RLIMIT_AS (POSIX)")


@posix_only
def test_validate_refuses_a_billion_laughs_file_with_one_line_and_exit_2(tmp_path: Path) -> None:
    bomb = billion_laughs(tmp_path / "bomb.yaml")
    done = run_rolefit("knowledge", "validate", str(bomb))
    assert (done.returncode, done.stdout) == (2, ""), done.stderr
    assert done.stderr.startswith(f"rolefit: {bomb}: YAML alias *l0 at line 4 refused: ")
    assert done.stderr.count("\n") == 1


@posix_only
def test_validate_refuses_alias_fan_out_with_exit_2(tmp_path: Path) -> None:
    done = run_rolefit("knowledge", "validate", str(fan_out(tmp_path / "fan.yaml")))
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr


@posix_only
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize(
    ("command", "prefix"),
    [(["knowledge", "validate"], "rolefit: "), (["ask", "backlog"], "rolefit: broken knowledge: ")],
)
def test_rolefit_knowledge_pointing_at_dev_zero_is_one_line(
    command: list[str], prefix: str
) -> None:
    done = run_rolefit(*command, env={"ROLEFIT_KNOWLEDGE": "/dev/zero"})
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"{prefix}/dev/zero: not a regular file (it is a character device); knowledge files "
        "must be YAML files\n"
    )


@posix_only
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_validate_does_not_wait_on_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "overlay.yaml"
    os.mkfifo(fifo)
    done = run_rolefit("knowledge", "validate", str(fifo))
    assert done.returncode == 2
    assert done.stderr == (
        f"rolefit: {fifo}: not a regular file (it is a FIFO); knowledge files must be YAML files\n"
    )


@posix_only
def test_validate_lists_everything_and_exits_2_when_one_of_several_files_is_refused(
    tmp_path: Path,
) -> None:
    broken = write(tmp_path, "holders:\n  product-owner: [bob]\n", "broken.yaml")
    done = run_rolefit("knowledge", "validate", str(broken), str(tmp_path))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "2 problems in the knowledge files:",
        f"  {broken}: holders 'product-owner': holders must be Slack user ids (U…/W…) or "
        "user-group ids (S…), got ['bob']",
        f"  {tmp_path}: not a regular file (it is a directory); knowledge files must be YAML files",
    ]


@posix_only
def test_validate_reports_duplicate_keys_ids_and_owners_in_one_run_with_exit_1(
    tmp_path: Path,
) -> None:
    overlay = write(
        tmp_path,
        "responsibilities:\n"
        "  - id: po-backlog\n    title: Again\n    owners: [product-owner, scrum-master]\n"
        "    phrases: []\n    section: S\n    why: W\n",
    )
    done = run_rolefit("knowledge", "validate", str(overlay))
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == "3 problems in the knowledge files:"
    assert "phrases must not be empty" in done.stderr
    assert "duplicate id" in done.stderr
    assert "owners ['scrum-master'] are not defined roles" in done.stderr
