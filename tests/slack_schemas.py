"""Validation against Slack's schemas in ../shared/slack (found through ROLEFIT_SHARED).

../shared sits beside the clone for developers and CI but not on a stranger's machine. Where it is
absent, the Block Kit checks inside behaviour tests do nothing (the behaviour is still tested),
while the tests that exist only for a schema skip with the reason; the pytest header says which.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator, Draft202012Validator
from jsonschema.protocols import Validator

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """The shared folder: $ROLEFIT_SHARED (default ../shared, relative to the repository root)."""
    configured = Path(os.environ.get("ROLEFIT_SHARED", "../shared"))
    return configured if configured.is_absolute() else (REPO_ROOT / configured).resolve()


def shared_file(*parts: str) -> Path:
    """A file under the shared folder, or skip the calling test with the reason."""
    path = shared_dir().joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"{path} is absent (set ROLEFIT_SHARED to the folder holding slack/ and seed/)")
    return path


def blockkit_schema_path() -> Path:
    return shared_dir() / "slack" / "blockkit.schema.json"


@cache
def _blockkit_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(blockkit_schema_path().read_text())
    return schema


@cache
def _validator(definition: str | None) -> Validator | None:
    """A validator for a message (None) or one $defs entry; None when ../shared is absent."""
    if not blockkit_schema_path().is_file():
        return None
    schema = _blockkit_schema()
    if definition is not None:
        schema = {**schema, "$ref": f"#/$defs/{definition}"}
        schema.pop("type", None)
        schema.pop("items", None)
        schema.pop("minItems", None)
        schema.pop("maxItems", None)
    return Draft202012Validator(schema)


def _raise_first_error(validator: Validator | None, instance: Any, what: str) -> None:
    if validator is None:
        return
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    if errors:
        best = errors[0]
        path = "/".join(str(p) for p in best.absolute_path)
        raise AssertionError(f"{what} is not valid Block Kit at /{path}: {best.message}")


def assert_valid_blocks(blocks: list[dict[str, Any]], *, limit: int = 50) -> None:
    """A message's blocks: valid against the schema and within the 50-block message limit."""
    assert len(blocks) <= limit, f"{len(blocks)} blocks exceed Slack's limit of {limit}"
    _raise_first_error(_validator(None), blocks, "message blocks")


def assert_valid_view(view: dict[str, Any]) -> None:
    """A modal or Home tab view: valid against the schema's view envelopes."""
    definition = "home_view" if view.get("type") == "home" else "modal_view"
    _raise_first_error(_validator(definition), view, f"{definition}")


@cache
def manifest_validator() -> Validator:
    schema = json.loads(shared_file("slack", "manifest.schema.json").read_text())
    return Draft7Validator(schema)
