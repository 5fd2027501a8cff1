"""The index kept on disk: a start that finds it answers exactly as one that built it; knowledge,
code or a stemmer that changed is never answered from an index built before; and a broken file or
a folder others could plant code in costs the cache, never the start."""

from __future__ import annotations

import json
import logging
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from knowledge import KnowledgeBase, Matcher, index_cache, load_knowledge, text
from knowledge.additions import with_additions
from knowledge.index_cache import PART_ABANDONED_AFTER, IndexNotKept, matcher_for

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


def test_another_process_with_another_hash_seed_answers_from_it_as_a_built_one(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    """Sets and dicts of strings iterate in an order each process draws at random: an index
    that depended on it would answer differently in the next process."""
    questions = labelled_questions()[::7]
    matcher_for(kb, tmp_path)
    script = (
        "import json, sys; from pathlib import Path; from knowledge import load_knowledge; "
        "from knowledge.index_cache import matcher_for; "
        "m = matcher_for(load_knowledge(), Path(sys.argv[1])); "
        "print(json.dumps([m.answer(q).model_dump(mode='json') for q in json.load(sys.stdin)]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        input=json.dumps(questions),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        check=True,
    )
    built = Matcher(kb)
    assert json.loads(done.stdout) == [built.answer(q).model_dump(mode="json") for q in questions]
    assert len(indexes(tmp_path)) == 1  # it loaded the index, rather than keeping its own


def test_a_second_start_reads_the_kept_index_instead_of_writing_one(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    matcher_for(kb, folder)
    [kept] = indexes(folder)
    written = kept.stat().st_ino
    matcher_for(kb, folder)
    assert indexes(folder) == [kept]
    assert kept.stat().st_ino == written  # the same file: a new one is written beside, then moved
    assert kept.stat().st_size < 2_000_000  # the common-word list (2.7 MB) is not in it
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


def test_the_most_recently_used_indexes_and_live_part_files_are_kept(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    abandoned = tmp_path / "matcher-old.part"
    live = tmp_path / "matcher-being-written.part"
    someone_elses = tmp_path / "download.part"
    for part in (abandoned, live, someone_elses):
        part.write_bytes(b"")
    long_ago = abandoned.stat().st_mtime - PART_ABANDONED_AFTER - 1
    os.utime(abandoned, (long_ago, long_ago))
    os.utime(someone_elses, (long_ago, long_ago))
    knowledge = [with_additions(kb, {}, [("po-backlog", f"phrase {n}")]) for n in range(6)]
    long_ago = time.time() - 100
    for age, each in enumerate(knowledge[:5]):  # written a second apart, the fifth prunes one
        matcher_for(each, tmp_path)
        written = tmp_path / f"matcher-{index_cache._key(each)}.pickle"
        os.utime(written, (long_ago + age, long_ago + age))
    matcher_for(knowledge[1], tmp_path)  # the oldest one kept, used now
    matcher_for(knowledge[5], tmp_path)
    kept = {p.name for p in indexes(tmp_path)}
    assert kept == {f"matcher-{index_cache._key(knowledge[n])}.pickle" for n in (1, 3, 4, 5)}
    assert not abandoned.exists() and live.exists() and someone_elses.exists()


def test_other_code_or_another_stemmer_gets_its_own_index(
    kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    matcher_for(kb, tmp_path)
    uncached = index_cache._code_fingerprint.__wrapped__
    monkeypatch.setattr(index_cache, "_code_fingerprint", uncached)
    matcher_for(kb, tmp_path)
    assert len(indexes(tmp_path)) == 1  # the same inputs, worked out afresh: the same key
    monkeypatch.setattr(text, "stemmer_in_use", lambda: "another.Stemmer")
    matcher_for(kb, tmp_path)
    assert len(indexes(tmp_path)) == 2
    monkeypatch.setattr(index_cache, "__file__", str(tmp_path / "elsewhere" / "index_cache.py"))
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "matcher.py").write_text("# other code\n", encoding="utf-8")
    matcher_for(kb, tmp_path)
    assert len(indexes(tmp_path)) == 3


def test_a_file_of_something_else_is_replaced_by_a_built_index(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    matcher_for(kb, tmp_path)
    [kept] = indexes(tmp_path)
    kept.write_bytes(pickle.dumps({"not": "a matcher"}))
    assert matcher_for(kb, tmp_path).answer("who owns pricing?").owners == ["product-manager"]
    assert kept.stat().st_size > 100_000


def test_a_failed_write_leaves_nothing_behind_and_warns(
    kb: KnowledgeBase, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    name = f"matcher-{index_cache._key(kb)}.pickle"
    (tmp_path / name).mkdir()  # where the index would go, something that cannot be replaced
    with caplog.at_level(logging.WARNING):
        matcher = matcher_for(kb, tmp_path)
    assert matcher.answer("who owns pricing?").owners == ["product-manager"]
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert f"The matcher's index is not kept in {tmp_path}" in caplog.text
    with pytest.raises(IndexNotKept, match="cannot keep the matcher's index in"):
        matcher_for(kb, tmp_path, must_keep=True)


class _Planted:
    """A pickle that, if loaded, leaves a mark: what an attacker would plant."""

    def __init__(self, mark: Path) -> None:
        self.mark = mark

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Path.touch, (str(self.mark),))  # type: ignore[return-value]


def test_a_folder_others_may_write_to_is_never_read(
    kb: KnowledgeBase, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    mark = tmp_path / "planted code ran"
    (shared / f"matcher-{index_cache._key(kb)}.pickle").write_bytes(pickle.dumps(_Planted(mark)))
    with caplog.at_level(logging.WARNING):
        matcher = matcher_for(kb, shared)
    assert not mark.exists()
    assert matcher.answer("who owns pricing?").owners == ["product-manager"]
    assert "others may write to it" in caplog.text
    with pytest.raises(IndexNotKept, match="others may write to it"):
        matcher_for(kb, shared, must_keep=True)
