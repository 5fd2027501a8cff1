"""The built-in knowledge base and its matcher, loaded once for the Block Kit tests."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase, Matcher, load_knowledge


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def matcher(kb: KnowledgeBase) -> Matcher:
    return Matcher(kb)
