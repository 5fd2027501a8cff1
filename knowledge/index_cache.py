"""The matcher's built index, kept on disk so that a start loads it instead of building it again.

Building the index reads every phrasing (~75 ms at today's knowledge, ~480 ms at ten times it);
loading it back costs a sixth to a third of that (benchmarks/matcher.py). A file is keyed by what
the index is made from: the knowledge base's content (built-in files, overlays, additions alike),
this package's code, Python's version and the stemmer in use (its class and its package's
version). A change to any of them makes a new key, so an index built from other inputs is never
read. Each use refreshes a file's time; the FILES_KEPT most recently used stay.

The files are pickles, and loading a pickle can run code: a folder is used only if it is a real
directory of this user's that no one else may write to (it is made 0700 when RoleFit makes it).
Otherwise, or when a file cannot be read back or written, the index is built as if there were no
folder, and one warning says why.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import pickle
import stat
import sys
import tempfile
import time
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any

from knowledge import text
from knowledge.matcher import Matcher, collector_paused
from knowledge.models import KnowledgeBase

logger = logging.getLogger(__name__)

FILES_KEPT = 4  # the indexes of recent knowledge (a deploy's and the one before) stay
PART_ABANDONED_AFTER = 60.0  # seconds: a `.part` this old was left by a writer that died
_PREFIX, _SUFFIX, _PART = "matcher-", ".pickle", ".part"
# Objects an index refers to but does not hold: the knowledge base (the key already stands for
# it; the caller hands it back) and the process's common-word list (2.7 MB, loaded once).
_KB, _COMMON_WORDS = "knowledge base", "common words"


class IndexNotKept(Exception):
    """The index could not be loaded from or kept in the folder; the message says why."""


def matcher_for(kb: KnowledgeBase, folder: Path | None, *, must_keep: bool = False) -> Matcher:
    """The matcher over `kb`: loaded from `folder` if it holds an index built from the same
    inputs, else built and kept there. No folder: built, nothing kept. If the folder cannot be
    used, the matcher is built all the same and a warning says why; with `must_keep` (a deploy
    step that exists to fill the folder) `IndexNotKept` is raised instead."""
    if folder is None:
        return Matcher(kb)
    try:  # whatever fails costs the cache, never the start
        _check_private(folder)
        path = folder / f"{_PREFIX}{_key(kb)}{_SUFFIX}"
        loaded = _load(path, kb)
    except Exception as error:
        _not_kept(folder, error, must_keep)
        return Matcher(kb)
    if loaded is not None:
        return loaded
    matcher = Matcher(kb)
    try:
        _save(matcher, path)
    except Exception as error:
        _not_kept(folder, error, must_keep)
    return matcher


def _not_kept(folder: Path, error: Exception, must_keep: bool) -> None:
    reason = str(error) or type(error).__name__
    if must_keep:
        raise IndexNotKept(f"cannot keep the matcher's index in {folder}: {reason}") from None
    logger.warning("The matcher's index is not kept in %s: %s", folder, reason)


def _check_private(folder: Path) -> None:
    """Make `folder` (0700) if it is missing; refuse one that is not a directory of this user's
    that only its owner may write to: anyone else able to write there could plant code."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    found = os.lstat(folder)
    if not stat.S_ISDIR(found.st_mode):
        raise IndexNotKept("it is not a directory")
    if hasattr(os, "geteuid") and found.st_uid != os.geteuid():
        raise IndexNotKept("it belongs to another user")
    if found.st_mode & 0o022:
        raise IndexNotKept("others may write to it (chmod go-w, or use a private folder)")


def _key(kb: KnowledgeBase) -> str:
    digest = hashlib.sha256(_code_fingerprint())
    digest.update(kb.model_dump_json().encode())
    return digest.hexdigest()[:32]


@cache
def _code_fingerprint() -> bytes:
    """What shapes an index besides the knowledge: this package's source, Python's version, and
    the stemmer in use (snowballstemmer hands over to PyStemmer's C build when it is installed)
    with both packages' versions."""
    parts = [sys.version, text.stemmer_in_use()]
    for package in ("snowballstemmer", "PyStemmer"):
        try:
            parts.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            parts.append(f"{package} absent")
    digest = hashlib.sha256("\n".join(parts).encode())
    package_folder = Path(__file__).resolve().parent
    for source in sorted(package_folder.rglob("*.py")):
        digest.update(source.relative_to(package_folder).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.digest()


class _Pickler(pickle.Pickler):
    def __init__(self, file: IO[bytes]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._common = text.common_english_words()

    def persistent_id(self, obj: Any) -> str | None:
        if isinstance(obj, KnowledgeBase):
            return _KB
        return _COMMON_WORDS if obj is self._common else None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, kb: KnowledgeBase) -> None:
        super().__init__(file)
        self._kb = kb

    def persistent_load(self, pid: Any) -> Any:
        if pid == _KB:
            return self._kb
        if pid == _COMMON_WORDS:
            return text.common_english_words()
        raise pickle.UnpicklingError(f"unknown reference {pid!r}")


def _load(path: Path, kb: KnowledgeBase) -> Matcher | None:
    """The matcher kept at `path`, or None if there is none or it cannot be read back (cut
    short, or written by code this one cannot read): then it is built again and replaced."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        with collector_paused():
            matcher = _Unpickler(io.BytesIO(data), kb).load()
    except Exception:
        return None
    if not isinstance(matcher, Matcher):
        return None
    os.utime(path)  # used now: pruning keeps the most recently used
    return matcher


def _save(matcher: Matcher, path: Path) -> None:
    """Write the index beside its final name, then move it there: a reader sees a whole file or
    none. A `.part` left by a failed write is removed."""
    handle, part = tempfile.mkstemp(dir=path.parent, prefix=_PREFIX, suffix=_PART)
    try:
        with os.fdopen(handle, "wb") as file:
            _Pickler(file).dump(matcher)
        os.replace(part, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(part)
        raise
    _prune(path.parent)


def _prune(folder: Path) -> None:
    """Remove all but the FILES_KEPT most recently used indexes, and `.part` files a writer left
    behind (one still being written, by another process starting now, is younger)."""
    now = time.time()
    used: list[tuple[float, Path]] = []
    for found in folder.glob(f"{_PREFIX}*"):
        with contextlib.suppress(OSError):  # another process may be pruning too
            at = found.stat().st_mtime
            if found.name.endswith(_SUFFIX):
                used.append((at, found))
            elif found.name.endswith(_PART) and now - at > PART_ABANDONED_AFTER:
                found.unlink()
    used.sort(reverse=True)
    for _, stale in used[FILES_KEPT:]:
        with contextlib.suppress(OSError):
            stale.unlink()
