"""Read the built-in YAML plus any overlays into one validated `KnowledgeBase`.

Every problem is collected (not just the first) and reported as `FILE: KIND 'ID': message`, so a
person editing an overlay can fix them all in one go.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from knowledge.models import (
    KnowledgeBase,
    KnowledgeFile,
    Language,
    Neighbour,
    Responsibility,
    Role,
    UnrelatedTopic,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
BUILTIN_LABEL = "knowledge/data"

# The C loader is several times faster; fall back quietly where libyaml is missing.
_YamlLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# How each list section names its entries in error messages.
_ENTRY_KIND = {
    "roles": "role",
    "responsibilities": "responsibility",
    "neighbours": "neighbour",
    "unrelated": "unrelated topic",
    "add_phrases": "add_phrases",
    "holders": "holders",
}


class KnowledgeError(Exception):
    """The knowledge files are broken; `problems` holds one readable line per problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} in the knowledge files:"
        super().__init__("\n".join([header, *(f"  {p}" for p in self.problems)]))


def builtin_files() -> list[Path]:
    """The YAML shipped with RoleFit, in a stable order."""
    return sorted(DATA_DIR.glob("*.yaml"))


def load_knowledge(overlays: Sequence[str | Path] = ()) -> KnowledgeBase:
    """Built-in knowledge plus overlays (applied in order); raises KnowledgeError on any problem."""
    sources: list[tuple[str, Path]] = [(f"{BUILTIN_LABEL}/{p.name}", p) for p in builtin_files()]
    sources += [(str(p), Path(p)) for p in overlays]
    problems: list[str] = []
    parsed: list[tuple[str, KnowledgeFile]] = []
    for label, path in sources:
        knowledge_file = _read_file(label, path, problems)
        if knowledge_file is not None:
            parsed.append((label, knowledge_file))
    kb = _merge(parsed, problems)
    if problems:
        raise KnowledgeError(problems)
    return kb


def _read_file(label: str, path: Path, problems: list[str]) -> KnowledgeFile | None:
    try:
        raw = yaml.load(path.read_bytes(), Loader=_YamlLoader)
    except OSError as error:
        problems.append(f"{label}: cannot read file ({error.strerror or error})")
        return None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        at = f" at line {where.line + 1}, column {where.column + 1}" if where else ""
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        problems.append(f"{label}: invalid YAML{at}: {reason}")
        return None
    if raw is None:
        return KnowledgeFile()
    if not isinstance(raw, dict):
        problems.append(
            f"{label}: expected a mapping with keys {', '.join(KnowledgeFile.model_fields)}"
        )
        return None
    try:
        return KnowledgeFile.model_validate(raw)
    except ValidationError as error:
        problems.extend(_describe(label, raw, error))
        return None


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


def _merge(files: list[tuple[str, KnowledgeFile]], problems: list[str]) -> KnowledgeBase:
    """Combine files in order, checking what only makes sense across files: unique ids, owners
    that are real roles, phrases and holders that point at something that exists."""
    roles: dict[str, Role] = {}
    entries: dict[str, Responsibility | Neighbour | UnrelatedTopic] = {}
    order: list[str] = []
    abbreviations: dict[str, str] = {}
    synonyms: dict[str, list[str]] = {}
    weak_words: list[str] = []
    seen_in: dict[str, str] = {}

    def claim(label: str, kind: str, entry_id: str) -> bool:
        if entry_id in seen_in:
            problems.append(
                f"{label}: {kind} '{entry_id}': duplicate id "
                f"(already defined in {seen_in[entry_id]})"
            )
            return False
        seen_in[entry_id] = label
        return True

    for label, data in files:
        for role in data.roles:
            if claim(label, "role", role.id):
                roles[role.id] = role
        listed: list[Responsibility | Neighbour | UnrelatedTopic] = [
            *data.responsibilities,
            *data.neighbours,
            *data.unrelated,
        ]
        for entry in listed:
            if claim(label, _kind(entry), entry.id):
                entries[entry.id] = entry
                order.append(entry.id)
        abbreviations.update(data.language.abbreviations)
        for concept, words in data.language.synonyms.items():
            synonyms.setdefault(concept, []).extend(words)
        weak_words.extend(data.language.weak_words)

    for label, data in files:
        for entry in data.responsibilities:
            unknown = [owner for owner in entry.owners if owner not in roles]
            if unknown:
                problems.append(
                    f"{label}: responsibility '{entry.id}': owners {unknown} are not defined roles"
                    f" (known: {', '.join(sorted(roles))})"
                )
        for entry_id, phrases in data.add_phrases.items():
            target = entries.get(entry_id)
            if target is None:
                problems.append(f"{label}: add_phrases '{entry_id}': no such responsibility")
                continue
            extra = [p for p in phrases if p not in target.phrases]
            entries[entry_id] = target.model_copy(update={"phrases": [*target.phrases, *extra]})
        for role_id, holders in data.holders.items():
            held = roles.get(role_id)
            if held is None:
                problems.append(
                    f"{label}: holders '{role_id}': no such role "
                    f"(known: {', '.join(sorted(roles))})"
                )
                continue
            merged = [*held.holders, *(h for h in holders if h not in held.holders)]
            roles[role_id] = held.model_copy(update={"holders": merged})

    picked = [entries[entry_id] for entry_id in order]
    return KnowledgeBase(
        roles=roles,
        responsibilities=[e for e in picked if isinstance(e, Responsibility)],
        neighbours=[e for e in picked if isinstance(e, Neighbour)],
        unrelated=[e for e in picked if isinstance(e, UnrelatedTopic)],
        language=Language(abbreviations=abbreviations, synonyms=synonyms, weak_words=weak_words),
    )


def _kind(entry: Responsibility | Neighbour | UnrelatedTopic) -> str:
    if isinstance(entry, Responsibility):
        return "responsibility"
    return "neighbour" if isinstance(entry, Neighbour) else "unrelated topic"
