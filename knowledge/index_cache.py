"""The matcher's built index, kept on disk so that a start loads it instead of building it again.

Building the index reads every phrasing (~90 ms at today's knowledge, ~450 ms at ten times it);
loading it back is a tenth of that. A file is keyed by what the index is made from: the knowledge
base's content (built-in files, overlays, additions alike) and this package's code, Python's and
the stemmer's versions. Any change to either makes a new key, so a stale index is never read;
the newest few files are kept and older ones go.

The files are pickles, which can run code when loaded: the folder is made private to the user
(0700) and should be one only RoleFit writes to. A file that cannot be read back (cut short,
from another build) is built again and replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
import time
from functools import cache
from importlib.metadata import version
from pathlib import Path

from knowledge.matcher import Matcher, collector_paused
from knowledge.models import KnowledgeBase

FILES_KEPT = 4  # indexes of recent knowledge (a deploy's and the one before) stay, older go
PART_ABANDONED_AFTER = 60.0  # seconds: a `.part` this old was left by a writer that died
_PREFIX, _SUFFIX = "matcher-", ".pickle"


def matcher_for(kb: KnowledgeBase, folder: Path | None) -> Matcher:
    """The matcher over `kb`: loaded from `folder` if it holds an index built from the same
    knowledge and code, else built and saved there. No folder: built, nothing kept."""
    if folder is None:
        return Matcher(kb)
    path = folder / f"{_PREFIX}{_key(kb)}{_SUFFIX}"
    loaded = _load(path, kb)
    if loaded is not None:
        return loaded
    matcher = Matcher(kb)
    _save(matcher, path)
    return matcher


def _key(kb: KnowledgeBase) -> str:
    digest = hashlib.sha256(_code_fingerprint())
    digest.update(kb.model_dump_json().encode())
    return digest.hexdigest()[:32]


@cache
def _code_fingerprint() -> bytes:
    """This package's source, Python's version and the stemmer's: what else shapes an index."""
    digest = hashlib.sha256(f"{sys.version}\n{version('snowballstemmer')}\n".encode())
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.digest()


def _load(path: Path, kb: KnowledgeBase) -> Matcher | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        with collector_paused():
            matcher = pickle.loads(data)
    except Exception:  # cut short, or written by code this one cannot read: build it again
        return None
    if not isinstance(matcher, Matcher):
        return None
    matcher.kb = kb
    return matcher


def _save(matcher: Matcher, path: Path) -> None:
    """Write the index next to its final name, then move it there: a reader sees a whole file
    or none. A folder that cannot be written costs the cache, never the start."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as file:
            pickle.dump(matcher, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, path)
        _prune(path.parent)


def _prune(folder: Path) -> None:
    """Remove all but the FILES_KEPT newest indexes, and `.part` files a writer left behind
    (one still being written, by another process starting now, is younger)."""
    indexes = sorted(
        folder.glob(f"{_PREFIX}*{_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    now = time.time()
    parts = [p for p in folder.glob("*.part") if now - p.stat().st_mtime > PART_ABANDONED_AFTER]
    for stale in [*indexes[FILES_KEPT:], *parts]:
        with contextlib.suppress(OSError):
            stale.unlink()
