"""Read the built-in YAML plus any overlays into one validated `KnowledgeBase`.

Every problem is collected (not just the first) and reported as `FILE: KIND 'ID': message`, so a
person editing an overlay can fix them all in one go: schema errors, duplicate ids and unknown
owners across all files come out of one run, because an entry that fails its schema still takes
part in the cross-file checks as far as its `id` and `owners` can be read.

Overlays come from whoever sets ROLEFIT_KNOWLEDGE, so files are read defensively
(`knowledge.yaml_files`). A file that cannot be read safely is *refused*: it is listed in
`KnowledgeError.refused` as well as in `problems`, so the CLI can tell "fix these entries" from
"this is not a knowledge file".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from knowledge.models import (
    ENTRY_ID,
    ENTRY_ID_MAX,
    Concept,
    EntryId,
    Holders,
    KnowledgeBase,
    KnowledgeFile,
    Language,
    Neighbour,
    Phrases,
    Responsibility,
    Role,
    UnrelatedTopic,
    Unsettled,
)
from knowledge.yaml_files import Refused, parse, read_bytes

DATA_DIR = Path(__file__).resolve().parent / "data"
BUILTIN_LABEL = "knowledge/data"

_ENTRY_KIND = {
    "roles": "role",
    "responsibilities": "responsibility",
    "neighbours": "neighbour",
    "unsettled": "unsettled work",
    "concepts": "concept",
    "unrelated": "unrelated topic",
    "add_phrases": "add_phrases",
    "holders": "holders",
}
_Entry = Role | Responsibility | Neighbour | Unsettled | Concept | UnrelatedTopic
_LIST_MODELS: dict[str, type[_Entry]] = {
    "roles": Role,
    "responsibilities": Responsibility,
    "neighbours": Neighbour,
    "unsettled": Unsettled,
    "concepts": Concept,
    "unrelated": UnrelatedTopic,
}
_MAP_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "add_phrases": TypeAdapter(dict[EntryId, Phrases]),
    "holders": TypeAdapter(dict[EntryId, Holders]),
}


class KnowledgeError(Exception):
    """The knowledge files are broken; `problems` holds one readable line per problem.

    `refused` is the subset of `problems` about files that could not be read at all (missing,
    not a regular file, too large, using YAML aliases), as opposed to files read and found wrong.
    """

    def __init__(self, problems: Sequence[str], refused: Sequence[str] = ()) -> None:
        self.problems = list(problems)
        self.refused = list(refused)
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} in the knowledge files:"
        super().__init__("\n".join([header, *(f"  {p}" for p in self.problems)]))


@dataclass(frozen=True)
class _Stub:
    """What the cross-file checks can still read from an entry that failed its schema."""

    kind: str
    id: str
    owners: tuple[str, ...] = ()


_Listed = _Entry | _Stub
_Problems = dict[str, list[str]]  # file label -> its problem lines, in source order


@dataclass(frozen=True)
class _ParsedFile:
    """One file's usable content: valid entries, plus stubs for invalid ones, in source order."""

    label: str
    data: KnowledgeFile
    entries: tuple[_Listed, ...]  # every list section's entries, in _LIST_MODELS order


def builtin_files() -> list[Path]:
    """The YAML shipped with RoleFit, in a stable order."""
    return sorted(DATA_DIR.glob("*.yaml"))


def load_knowledge(overlays: Sequence[str | Path] = ()) -> KnowledgeBase:
    """Built-in knowledge plus overlays (applied in order); raises KnowledgeError on any problem."""
    sources: list[tuple[str, Path]] = [(f"{BUILTIN_LABEL}/{p.name}", p) for p in builtin_files()]
    sources += [(str(p), Path(p)) for p in overlays]
    problems: _Problems = {label: [] for label, _ in sources}  # reported file by file
    refused: list[str] = []
    parsed: list[_ParsedFile] = []
    for label, path in sources:
        parsed_file = _read_file(label, path, problems[label], refused)
        if parsed_file is not None:
            parsed.append(parsed_file)
    kb = _merge(parsed, problems)
    every = [line for lines in problems.values() for line in lines]
    if every:
        raise KnowledgeError(every, refused)
    return kb


def _read_file(
    label: str, path: Path, problems: list[str], refused: list[str]
) -> _ParsedFile | None:
    try:
        raw = parse(read_bytes(path))
    except Refused as refusal:
        line = f"{label}: {refusal}"
        problems.append(line)
        refused.append(line)
        return None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        at = f" at line {where.line + 1}, column {where.column + 1}" if where else ""
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        problems.append(f"{label}: invalid YAML{at}: {reason}")
        return None
    except RecursionError:  # only the pure-Python loader; libyaml stops at depth 1000 itself
        problems.append(f"{label}: invalid YAML: nested too deeply")
        return None
    if raw is None:
        return _ParsedFile(label, KnowledgeFile(), ())
    if not isinstance(raw, dict):
        problems.append(
            f"{label}: expected a mapping with keys {', '.join(KnowledgeFile.model_fields)}"
        )
        return None
    try:
        data = KnowledgeFile.model_validate(raw)
    except ValidationError as error:
        problems.extend(_describe(label, raw, error))
        return _salvage(label, raw)
    entries: tuple[_Listed, ...] = (
        *data.roles,
        *data.responsibilities,
        *data.neighbours,
        *data.unsettled,
        *data.concepts,
        *data.unrelated,
    )
    return _ParsedFile(label, data, entries)


def _salvage(label: str, raw: dict[str, Any]) -> _ParsedFile:
    """What can be used of a file that failed its schema (its problems are already reported):
    every entry that is valid on its own, and a `_Stub` for each invalid entry whose id is
    readable, so that duplicate ids and unknown owners are reported in the same run."""
    kept: dict[str, Any] = {}
    entries: list[_Listed] = []
    for section, model in _LIST_MODELS.items():
        listed = raw.get(section)
        good: list[Any] = []
        for entry in listed if isinstance(listed, list) else []:
            try:
                good.append(model.model_validate(entry))
                entries.append(good[-1])
            except ValidationError:
                stub = _stub(_ENTRY_KIND[section], entry)
                if stub is not None:
                    entries.append(stub)
        kept[section] = good
    for section, adapter in _MAP_ADAPTERS.items():
        mapping = raw.get(section)
        valid: dict[str, Any] = {}
        for key, value in mapping.items() if isinstance(mapping, dict) else []:
            try:
                valid.update(adapter.validate_python({key: value}))
            except ValidationError:
                continue  # reported already; a reference check on it would say the same twice
        kept[section] = valid
    try:
        kept["language"] = Language.model_validate(raw.get("language") or {})
    except ValidationError:
        kept["language"] = Language()
    return _ParsedFile(label, KnowledgeFile.model_validate(kept), tuple(entries))


def _stub(kind: str, entry: Any) -> _Stub | None:
    entry_id = entry.get("id") if isinstance(entry, dict) else None
    if not isinstance(entry_id, str) or not _is_entry_id(entry_id.strip()):
        return None
    owners = entry.get("owners")
    readable = [o.strip() for o in owners if isinstance(o, str)] if isinstance(owners, list) else []
    return _Stub(kind, entry_id.strip(), tuple(o for o in readable if _is_entry_id(o)))


def _is_entry_id(value: str) -> bool:
    return len(value) <= ENTRY_ID_MAX and re.fullmatch(ENTRY_ID, value) is not None


def _describe(label: str, raw: dict[str, Any], error: ValidationError) -> Iterable[str]:
    """Turn pydantic's locations into "FILE: responsibility 'ID': field: message" lines."""
    for problem in error.errors():
        loc = [part for part in problem["loc"] if part != "[key]"]  # pydantic's dict-key marker
        where = _entry_name(raw, loc)
        field = ".".join(str(part) for part in loc)
        message = str(problem["msg"]).removeprefix("Value error, ")
        if problem["type"] == "extra_forbidden":
            message = f"unknown key '{loc[-1]}'"
            field = ".".join(str(part) for part in loc[:-1])
        elif problem["type"] == "string_pattern_mismatch":
            message = "must be lowercase words joined by hyphens, like 'po-backlog'"
        elif problem["type"] == "missing":
            message = f"missing key '{loc[-1]}'"
            field = ".".join(str(part) for part in loc[:-1])
        if field and not message.startswith(field.split(".")[-1]):
            message = f"{field}: {message}"
        yield f"{label}: {where}{message}"


def _entry_name(raw: dict[str, Any], loc: list[Any]) -> str:
    """'responsibility 'po-backlog': ' for a problem inside a list entry, and trims `loc` to the
    field inside that entry."""
    if not loc or loc[0] not in _ENTRY_KIND:
        return ""
    section = loc.pop(0)
    kind = _ENTRY_KIND[section]
    if not loc:
        return ""
    key = loc.pop(0)
    if isinstance(key, int):
        entries = raw.get(section)
        entry = entries[key] if isinstance(entries, list) and key < len(entries) else None
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        return f"{kind} '{entry_id}': " if entry_id else f"{kind} #{key + 1}: "
    return f"{kind} '{key}': "


def _merge(files: list[_ParsedFile], problems: _Problems) -> KnowledgeBase:
    """Combine files in order, checking what only makes sense across files: unique ids, owners
    that are real roles, phrases and holders that point at something that exists. Stubs of
    invalid entries take part in these checks but not in the result."""
    roles: dict[str, Role] = {}
    entries: dict[str, Responsibility | Neighbour | Unsettled | Concept | UnrelatedTopic] = {}
    order: list[str] = []
    abbreviations: dict[str, str] = {}
    synonyms: dict[str, list[str]] = {}
    weak_words: list[str] = []
    seen_in: dict[str, str] = {}
    role_ids: set[str] = set()  # valid roles and role stubs: owners naming either are not unknown
    invalid_ids: set[str] = set()  # stubs of other entries: add_phrases naming them say nothing

    def claim(label: str, kind: str, entry_id: str) -> bool:
        if entry_id in seen_in:
            problems[label].append(
                f"{label}: {kind} '{entry_id}': duplicate id "
                f"(already defined in {seen_in[entry_id]})"
            )
            return False
        seen_in[entry_id] = label
        return True

    for parsed in files:
        for entry in parsed.entries:
            if not claim(parsed.label, _kind(entry), entry.id):
                continue
            if isinstance(entry, Role) or (isinstance(entry, _Stub) and entry.kind == "role"):
                role_ids.add(entry.id)
            if isinstance(entry, Role):
                roles[entry.id] = entry
            elif isinstance(entry, _Stub):
                invalid_ids.add(entry.id)
            else:
                entries[entry.id] = entry
                order.append(entry.id)
        language = parsed.data.language
        abbreviations.update(language.abbreviations)
        for concept, words in language.synonyms.items():
            synonyms.setdefault(concept, []).extend(words)
        weak_words.extend(language.weak_words)

    known_roles = ", ".join(sorted(role_ids))
    for parsed in files:
        label, data = parsed.label, parsed.data
        for entry in parsed.entries:
            if _kind(entry) != "responsibility":
                continue
            owners = entry.owners if isinstance(entry, Responsibility | _Stub) else ()
            unknown = [owner for owner in owners if owner not in role_ids]
            if unknown:
                problems[label].append(
                    f"{label}: responsibility '{entry.id}': owners {unknown} are not defined roles"
                    f" (known: {known_roles})"
                )
        for entry_id, phrases in data.add_phrases.items():
            target = entries.get(entry_id)
            if target is None:
                if entry_id not in invalid_ids:  # an invalid entry: its own error says enough
                    problems[label].append(
                        f"{label}: add_phrases '{entry_id}': no such responsibility"
                    )
                continue
            known = target.every_phrase if isinstance(target, Responsibility) else target.phrases
            extra = [p for p in phrases if p not in known]
            entries[entry_id] = target.model_copy(update={"phrases": [*target.phrases, *extra]})
        for role_id, holders in data.holders.items():
            held = roles.get(role_id)
            if held is None:
                if role_id not in role_ids:
                    problems[label].append(
                        f"{label}: holders '{role_id}': no such role (known: {known_roles})"
                    )
                continue
            merged = [*held.holders, *(h for h in holders if h not in held.holders)]
            roles[role_id] = held.model_copy(update={"holders": merged})

    picked = [entries[entry_id] for entry_id in order]
    return KnowledgeBase(
        roles=roles,
        responsibilities=[e for e in picked if isinstance(e, Responsibility)],
        neighbours=[e for e in picked if isinstance(e, Neighbour)],
        unsettled=[e for e in picked if isinstance(e, Unsettled)],
        concepts=[e for e in picked if isinstance(e, Concept)],
        unrelated=[e for e in picked if isinstance(e, UnrelatedTopic)],
        language=Language(abbreviations=abbreviations, synonyms=synonyms, weak_words=weak_words),
    )


def _kind(entry: _Listed) -> str:
    if isinstance(entry, _Stub):
        return entry.kind
    if isinstance(entry, Role):
        return "role"
    if isinstance(entry, Responsibility):
        return "responsibility"
    kinds = {Neighbour: "neighbour", Unsettled: "unsettled work", Concept: "concept"}
    return kinds.get(type(entry), "unrelated topic")
