"""Reading a YAML knowledge file defensively: overlays come from whoever sets ROLEFIT_KNOWLEDGE.

Only regular files of at most `MAX_FILE_BYTES` are read, YAML anchors and aliases are refused (see
`_KnowledgeYamlLoader`) and duplicate mapping keys are errors rather than "last one wins". A file
that cannot be read safely raises `Refused`, whose message is meant for the person who named it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node

# The largest knowledge file RoleFit reads. The biggest built-in file is about 25 kB and an overlay
# is a few holders and phrases, so 1 MiB is generous while keeping a mistaken or hostile path
# (a log file, a disk image) from being read into memory.
MAX_FILE_BYTES = 1024 * 1024

# The C loader is several times faster; fall back quietly where libyaml is missing.
try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - only without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

_MERGE_TAG = "tag:yaml.org,2002:merge"


# How each list section names its entries in error messages.
class Refused(Exception):
    """This file is not read; the message says why, in words for the person who named it."""


class _AliasUsed(Exception):
    """The document reuses a node, which only an alias can do."""


class _KnowledgeYamlLoader(_SafeLoader):
    """SafeLoader that refuses anchors/aliases and duplicate mapping keys.

    Aliases are refused outright rather than counted and capped. Knowledge files are short lists
    written by hand, and no built-in file uses an anchor, so refusing costs nothing. A cap would
    also be hard to get right: PyYAML builds an alias as a shared reference, so loading a "billion
    laughs" file is cheap and the blow-up happens later, in pydantic and the matcher, which walk
    the expanded tree. Even a flat fan-out (a 1 000-phrase list reused by 1 000 entries) is a
    million phrases from a file of a few kilobytes. Refusing is simple and leaves nothing to tune.

    Detection works with the C loader too: libyaml composes an alias as the very node it names,
    so a node reaching `construct_object` a second time means an alias. Every node is constructed
    once otherwise, including keys.
    """

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _AliasUsed
        return super().construct_object(node, deep=deep)

    def flatten_mapping(self, node: MappingNode) -> None:
        # `<<: *base` is how YAML reuses a mapping; refused with the other aliases.
        for key_node, _ in node.value:
            if key_node.tag == _MERGE_TAG:
                raise _AliasUsed

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        if not isinstance(node, MappingNode):
            raise ConstructorError(
                None, None, f"expected a mapping, but found {node.id}", node.start_mark
            )
        self.flatten_mapping(node)
        mapping: dict[Hashable, Any] = {}
        first_line: dict[Hashable, int] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                raise ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found an unhashable key",
                    key_node.start_mark,
                )
            if key in mapping:
                raise ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    f"duplicate key {key!r} (first at line {first_line[key]}); "
                    "YAML would silently keep only the last one",
                    key_node.start_mark,
                )
            first_line[key] = key_node.start_mark.line + 1
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def read_bytes(path: Path) -> bytes:
    """The file's bytes, if it is a regular file of at most MAX_FILE_BYTES; else `Refused`.

    The type is checked on the open descriptor (O_NONBLOCK, so opening a FIFO cannot hang), which
    also covers a symlink to /dev/zero. The read is capped too, in case the file grows meanwhile.
    """
    limit = f"knowledge files may be at most {MAX_FILE_BYTES // (1024 * 1024)} MiB"
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise Refused(f"cannot read file ({error.strerror or error})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(
                f"not a regular file (it is {_file_kind(info.st_mode)}); "
                "knowledge files must be YAML files"
            )
        if info.st_size > MAX_FILE_BYTES:
            raise Refused(f"too large ({info.st_size:,} bytes; {limit})")
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES and (chunk := os.read(fd, MAX_FILE_BYTES + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_FILE_BYTES:
            raise Refused(f"too large (more than {MAX_FILE_BYTES:,} bytes; {limit})")
        return b"".join(chunks)
    except OSError as error:
        raise Refused(f"cannot read file ({error.strerror or error})") from None
    finally:
        os.close(fd)


def _file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a plain file")


def parse(data: bytes) -> Any:
    """One YAML document through `_KnowledgeYamlLoader`; an alias becomes `Refused`."""
    loader = _KnowledgeYamlLoader(data)
    try:
        return loader.get_single_data()
    except _AliasUsed:
        raise Refused(
            f"{_first_alias(data)} refused: knowledge files may not use YAML anchors and "
            "aliases (a few lines of them can expand to gigabytes); write the value out"
        ) from None
    finally:
        loader.dispose()


def _first_alias(data: bytes) -> str:
    """'YAML alias *name at line N' for the first alias, found by a second, event-level pass
    (only on this error path, so valid files pay nothing for the line number)."""
    for event in yaml.parse(data, Loader=_SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            line = f" at line {mark.line + 1}" if mark is not None else ""
            return f"YAML alias *{event.anchor}{line}"
    return "YAML merge key (<<)"
