"""The index kept on disk: a start that finds it answers exactly as one that built it, and
knowledge or files that changed are never answered from a stale or broken index."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from knowledge import KnowledgeBase, Matcher, load_knowledge
from knowledge.additions import with_additions
from knowledge.index_cache import FILES_KEPT, PART_ABANDONED_AFTER, matcher_for

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


def labelled_questions() -> list[str]:
    return [
        str(item["q"])
        for name in ("questions_dev", "questions_probe", "ownership_hard_dev")
        for item in yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
    ]


def indexes(folder: Path) -> list[Path]:
    return sorted(folder.glob("matcher-*.pickle"))


def test_a_loaded_index_answers_every_labelled_question_as_a_built_one(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    matcher_for(kb, tmp_path)  # builds and keeps it
    loaded = matcher_for(kb, tmp_path)
    built = Matcher(kb)
    questions = labelled_questions()
    assert len(questions) > 300
    for question in [*questions, "who owns the bakclog grooming?", "who handles prcing?"]:
        assert loaded.answer(question) == built.answer(question), question
    assert loaded.kb is kb


def test_a_second_start_reads_the_kept_index_instead_of_writing_one(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    matcher_for(kb, folder)
    [kept] = indexes(folder)
    written = kept.stat().st_mtime_ns
    matcher_for(kb, folder)
    assert indexes(folder) == [kept]
    assert kept.stat().st_mtime_ns == written
    assert folder.stat().st_mode & 0o077 == 0  # a pickle is code: the folder is the user's alone


def test_changed_knowledge_gets_its_own_index(kb: KnowledgeBase, tmp_path: Path) -> None:
    question = "who runs the zorblax ceremony?"
    before = matcher_for(kb, tmp_path)
    taught = with_additions(kb, {}, [("po-backlog", "zorblax ceremony")])
    after = matcher_for(taught, tmp_path)
    assert len(indexes(tmp_path)) == 2
    assert before.answer(question).responsibility is None
    answer = after.answer(question)
    assert answer.responsibility is not None and answer.responsibility.id == "po-backlog"


def test_a_broken_index_is_built_again_and_replaced(kb: KnowledgeBase, tmp_path: Path) -> None:
    matcher_for(kb, tmp_path)
    [kept] = indexes(tmp_path)
    kept.write_bytes(kept.read_bytes()[:1000])  # cut short, as by a full disk
    matcher = matcher_for(kb, tmp_path)
    assert matcher.answer("who owns pricing?").owners == ["product-manager"]
    assert matcher_for(kb, tmp_path).answer("who owns pricing?").owners == ["product-manager"]
    assert kept.stat().st_size > 100_000


def test_no_folder_or_one_that_cannot_be_written_still_gives_a_matcher(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    assert matcher_for(kb, None).answer("who owns pricing?").owners == ["product-manager"]
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    matcher = matcher_for(kb, blocked / "cache")
    assert matcher.answer("who owns pricing?").owners == ["product-manager"]


def test_only_the_newest_indexes_and_live_part_files_are_kept(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    abandoned, live = tmp_path / "old.part", tmp_path / "being-written.part"
    abandoned.write_bytes(b"")
    live.write_bytes(b"")
    long_ago = abandoned.stat().st_mtime - PART_ABANDONED_AFTER - 1
    os.utime(abandoned, (long_ago, long_ago))
    for number in range(FILES_KEPT + 2):
        matcher_for(with_additions(kb, {}, [("po-backlog", f"phrase {number}")]), tmp_path)
    assert len(indexes(tmp_path)) == FILES_KEPT
    assert not abandoned.exists() and live.exists()
