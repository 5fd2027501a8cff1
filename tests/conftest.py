"""Shared fixtures: the Slack Web API stand-in, signed Slack requests, and the live app.

Every Block Kit payload and view the app sent through the stand-in is checked against Slack's
schema when the test ends, so no test can pass while posting something Slack would reject.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from bot.sandbox import FakeSlackApi, LiveRoleFit, RecordedCall, SlackRequests
from bot.sandbox.live import TEST_SIGNING_SECRET
from bot.store.store import Store
from knowledge import KnowledgeBase, Matcher, load_knowledge
from tests.databases import (
    KINDS,
    POSTGRES,
    REQUIRED,
    create_database,
    drop_database,
    server_answers,
)
from tests.slack_schemas import (
    assert_valid_blocks,
    assert_valid_view,
    blockkit_schema_path,
)


def pytest_configure(config: pytest.Config) -> None:
    """The apps tests build keep their matcher's index in a folder of this run's, not in the
    user's cache (ROLEFIT_INDEX_CACHE): what a test writes goes when the run ends."""
    os.environ["ROLEFIT_INDEX_CACHE"] = tempfile.mkdtemp(prefix="rolefit-index-")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ.pop("ROLEFIT_INDEX_CACHE", ""), ignore_errors=True)


def pytest_report_header() -> list[str]:
    path = blockkit_schema_path()
    schemas = (
        f"Block Kit schema checks: on ({path})"
        if path.is_file()
        else f"Block Kit schema checks: off ({path} is absent; set ROLEFIT_SHARED)"
    )
    problem = server_answers()
    if not problem:
        postgres = "it answers, so its half runs"
    elif REQUIRED:
        postgres = f"unusable ({problem}), and it is required: its half fails"
    else:
        postgres = f"unusable ({problem}): its half is skipped"
    return [schemas, f"Storage tests: SQLite, and PostgreSQL at {POSTGRES} ({postgres})"]


def assert_surfaces_valid(calls: Iterable[RecordedCall]) -> None:
    """Validate the `blocks` and `view` of every recorded call (a no-op if ../shared is absent)."""
    for call in calls:
        try:
            if isinstance(call.body.get("blocks"), list):
                assert_valid_blocks(call.body["blocks"])
            if call.method.startswith("views.") and isinstance(call.body.get("view"), dict):
                assert_valid_view(call.body["view"])
        except AssertionError as error:
            raise AssertionError(f"{call.method} sent invalid Block Kit: {error}") from None


@pytest.fixture
def slack_api() -> Iterator[FakeSlackApi]:
    """A started Web API stand-in; what the app sent through it is schema-checked at the end."""
    with FakeSlackApi() as api:
        yield api
        assert_surfaces_valid(api.calls)


@pytest.fixture
def slack_requests() -> SlackRequests:
    """Builds requests signed with the secret the live app is configured with."""
    return SlackRequests(TEST_SIGNING_SECRET)


@pytest.fixture(scope="module")
def live_server() -> Iterator[LiveRoleFit]:
    """One served app per test module: starting and stopping uvicorn costs ~0.5 s a time."""
    with LiveRoleFit() as running:
        yield running


@pytest.fixture
def live(live_server: LiveRoleFit) -> Iterator[LiveRoleFit]:
    """The real app served by uvicorn on a free port, talking to its own Web API stand-in; each
    test starts with nothing recorded and nothing pending (ids in requests never repeat, so the
    app's memories of earlier tests cannot touch this one)."""
    live_server.wait_until_idle()
    live_server.api.reset()
    yield live_server
    live_server.wait_until_idle()
    assert_surfaces_valid(live_server.api.calls)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The built-in knowledge base, loaded once: nothing mutates it."""
    return load_knowledge()


@pytest.fixture(scope="session")
def matcher(kb: KnowledgeBase) -> Matcher:
    return Matcher(kb)


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """One PostgreSQL database for this test worker (see tests/databases.py)."""
    url = create_database()
    yield url
    drop_database(url)


@pytest.fixture(params=KINDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store's URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/rolefit.db"
        return
    url: str = request.getfixturevalue("postgres_database")
    asyncio.run(empty(url))
    yield url


async def empty(url: str) -> None:
    """Drop every table a test left, so the next one starts from no schema at all."""
    store = Store(url)
    try:
        await store.downgrade("base")
    finally:
        await store.close()
