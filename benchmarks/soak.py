"""A soak: thousands of mixed requests against two `rolefit serve` processes on one PostgreSQL
database while Slack's Web API fails 15% of calls and one process is restarted mid-run. Nothing
owed may be lost or sent twice.

The load (signed as Slack signs it, at concurrency 32, each request to the next live process in
turn, as a load balancer would): `/rolefit` questions (answered in the ack), DMs and mentions
(each owes an answer), "Share" clicks (each owes a share; some clicked twice, on both processes)
and full hiring questionnaires (`/rolefit hire`, the view opened by views.open, three steps and
the final submit, which owes the advice; some final submits sent twice at once, to both). Every
owed message is someone's alone, so it is identified by where it lands: person N's DM answer in
D_DMN, a mention's answer in C_MEN (or, refused there, in D_MEN), a share in C_SHN via its
response_url (or told privately to U_SHN), advice in C_QN (or D_QN).

Faults: each Web API call (and each response_url post) fails with probability 15%, decided as it
arrives (a `subscribe` callback queues the failure the same call then consumes): 429 with
Retry-After 1, HTTP 500, and for chat.postMessage also `is_archived` or `not_in_channel`. No
timeouts: a post that lands but answers too late is ambiguous (the outbox cannot know it landed
and sends it again), which Slack itself makes rare; a stand-in that delays would count those as
the app's duplicates. auth.test is spared: it runs once as a process starts, not per request.

Midway, process B gets SIGTERM (it finishes in-flight work and hands back its leases) and is
started again on the same database; requests meanwhile go to A. Requests that meet a closed
connection are sent again to the other process (events as Slack's retries). At the end the store
is polled until nothing is pending, then: requests/s, ack p50/p99, 5xx count (target 0),
duplicates (target 0), lost (owed, never delivered, not kept as failed: target 0), the messages
kept as failed (listed), and each process's RSS at start and end.

    .venv/bin/python benchmarks/soak.py            # 10,000 requests, 1,000 questionnaires
    .venv/bin/python benchmarks/soak.py --quick    # 1,000 requests, 100 questionnaires
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import re
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import uvloop
from serve import VARIED, Server, percentile, session, start_server
from storage import bench_database

from bot.blocks import ids
from bot.blocks.answer import AnswerRef
from bot.listeners.actions import SHARED_ALREADY
from bot.sandbox import FakeSlackApi, RecordedCall, SignedRequest, SlackRequests
from bot.sandbox.console.form import Form
from bot.sandbox.live import TEST_SIGNING_SECRET
from bot.store.store import FAILED, PENDING, Store

CONCURRENCY = 32
FAULT_SHARE = 0.15
# chat.postMessage's faults: "not now" (the outbox retries) and "not here" (it falls back).
POST_FAULTS = ("ratelimited", "server_error", "is_archived", "not_in_channel")
OTHER_FAULTS = ("ratelimited", "server_error")
SPARED = frozenset({"auth.test"})
DOUBLE_SHARE = 0.10  # of questionnaires whose final submit, and of shares, sent twice at once
VIEW_TIMEOUT_SECONDS = 8.0  # views.open is retried once after Retry-After 1 s by the app
DRAIN_TIMEOUT_SECONDS = 600.0  # the outbox's 12 attempts take about 7 minutes
SETTLE_SECONDS = 3.0  # after nothing is pending, for a late duplicate to show
# Notes to the clicker, not the message owed: a questionnaire that could not open, and a
# second "Share" click told the answer was shared.
NOTES = (
    "couldn't open the hiring questionnaire",
    "took too long to open",
    "couldn't open",
    SHARED_ALREADY,
)
SEED = 20240601


@dataclass(frozen=True)
class Scale:
    requests: int
    questionnaires: int


FULL = Scale(10_000, 1_000)
QUICK = Scale(1_000, 100)


# -- the Web API's faults -------------------------------------------------------------------


class Faults:
    """Fails FAULT_SHARE of the calls the stand-in receives, as each arrives: the failure is
    queued from the subscribe callback, which runs before the stand-in picks its answer, on its
    one thread, so the very call that drew it consumes it."""

    def __init__(self, api: FakeSlackApi, share: float, seed: int) -> None:
        self.api = api
        self.share = share
        self.random = random.Random(seed)
        self.failed: dict[int, str] = {}  # id(call) -> the fault it got
        self.seen: Counter[str] = Counter()
        self.injected: Counter[str] = Counter()
        self.on_call: list[Callable[[RecordedCall, bool], None]] = []
        api.subscribe(self._arrived)

    def _arrived(self, call: RecordedCall) -> None:
        method = call.method
        fault = None
        if method not in SPARED:
            self.seen[method] += 1
            if self.random.random() < self.share:
                fault = self.random.choice(
                    POST_FAULTS if method == "chat.postMessage" else OTHER_FAULTS
                )
                self.inject(method, fault)
                self.failed[id(call)] = fault
                self.injected[fault] += 1
        for callback in self.on_call:
            callback(call, fault is None)

    def inject(self, method: str, fault: str) -> None:
        if fault == "ratelimited":
            self.api.rate_limit(method, retry_after=1)
        elif fault == "server_error":
            self.api.server_error(method)
        else:
            self.api.fail(method, fault)

    def ok(self, call: RecordedCall) -> bool:
        return id(call) not in self.failed


# -- the processes --------------------------------------------------------------------------


@dataclass
class Incarnation:
    """One process run: its name, and its RSS (MB) at start and at its end."""

    name: str
    server: Server
    rss_start: float
    rss_end: float = float("nan")


class Balancer:
    """Sends each request to the next live process, as a load balancer in front of both; a
    process being restarted is out of the rotation until it answers again."""

    def __init__(self, api: FakeSlackApi, replies: Path, database: str) -> None:
        self.api = api
        self.replies = replies
        self.database = database
        self.live: dict[str, Server] = {}
        self.runs: list[Incarnation] = []
        self._turn = itertools.count()

    async def start(self, name: str) -> None:
        """Start `name` (in a thread: it blocks until the process answers), then route to it."""
        env = {"DATABASE_URL": self.database}
        server = await asyncio.to_thread(start_server, "rolefit", self.api, self.replies, env)
        self.runs.append(Incarnation(name, server, server.memory_mb("VmRSS")))
        self.live[name] = server

    async def stop(self, name: str) -> None:
        """Take `name` out of the rotation, then SIGTERM it and wait for it to exit."""
        server = self.live.pop(name)
        run = next(run for run in self.runs if run.server is server)
        run.rss_end = server.memory_mb("VmRSS")
        await asyncio.to_thread(server.stop)

    def pick(self, avoid: str | None = None) -> tuple[str, Server]:
        names = sorted(self.live)
        if avoid in names and len(names) > 1:
            names.remove(avoid)
        name = names[next(self._turn) % len(names)]
        return name, self.live[name]


# -- the load -------------------------------------------------------------------------------


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    resent: int = 0  # connection closed under it (the restart): sent again elsewhere
    sent: int = 0
    owed: dict[str, str] = field(default_factory=dict)  # key -> kind, once acknowledged
    restarted_flows: int = 0
    broken_flows: list[str] = field(default_factory=list)
    double_submits: int = 0
    double_shares: int = 0


class Load:
    def __init__(self, api: FakeSlackApi, faults: Faults, balancer: Balancer, scale: Scale):
        self.api = api
        self.faults = faults
        self.balancer = balancer
        self.scale = scale
        self.signer = SlackRequests(TEST_SIGNING_SECRET)
        self.tally = Tally()
        self.random = random.Random(SEED + 1)
        self.restart_at = scale.requests // 2
        self.restart: asyncio.Task[None] | None = None
        self._loop = asyncio.get_running_loop()
        self._views: dict[str, asyncio.Future[RecordedCall]] = {}
        self._lock = threading.Lock()
        faults.on_call.append(self._view_opened)

    def _view_opened(self, call: RecordedCall, ok: bool) -> None:  # the stand-in's thread
        if call.method == "views.open" and ok:
            trigger = str(call.body.get("trigger_id"))
            with self._lock:
                future = self._views.get(trigger)
            if future is not None:
                self._loop.call_soon_threadsafe(_resolve, future, call)

    async def send(
        self, client: aiohttp.ClientSession, request: SignedRequest, avoid: str | None = None
    ) -> tuple[int, bytes, str]:
        """POST `request` to the next live process; a closed connection (a process going down)
        sends it again elsewhere, an event as Slack retries it. Status, body, process."""
        retries = 0
        while True:
            name, server = self.balancer.pick(avoid)
            started = time.perf_counter()
            try:
                async with client.post(
                    f"{server.url}/slack/events", data=request.body, headers=request.headers
                ) as response:
                    body = await response.read()
                    status = response.status
            except aiohttp.ClientError:
                retries += 1
                self.tally.resent += 1
                if retries > 20:
                    raise
                if b'"event_callback"' in request.body:
                    request = self.signer.retry(request, retries, "http_error")
                await asyncio.sleep(0.05)
                continue
            self.tally.latencies.append(time.perf_counter() - started)
            self.tally.statuses[status] += 1
            self.tally.sent += 1
            if self.tally.sent == self.restart_at and self.restart is None:
                self.restart = asyncio.create_task(self.restart_b())
            return status, body, name

    async def restart_b(self) -> None:
        print(f"  restarting B after {self.tally.sent} requests (SIGTERM, then a new start)")
        await self.balancer.stop("B")
        await self.balancer.start("B")
        print(f"  B is back after {self.tally.sent} requests")

    def owe(self, key: str, kind: str, status: int) -> None:
        if status == 200:
            self.tally.owed[key] = kind

    def question(self) -> str:
        return f"{self.random.choice(VARIED)} {next(SERIAL)}?"

    # -- scripts: each a person's requests, in order -------------------------------------------

    async def command(self, client: aiohttp.ClientSession, number: int) -> None:
        request = self.signer.slash_command(self.question(), user_id=f"U_CMD{number}")
        await self.send(client, request)

    async def direct_message(self, client: aiohttp.ClientSession, number: int) -> None:
        status, _, _ = await self.send(
            client, self.signer.dm(self.question(), user_id=f"U_DM{number}")
        )
        self.owe(f"DM{number}", "DM answer", status)

    async def mention(self, client: aiohttp.ClientSession, number: int) -> None:
        request = self.signer.mention(
            self.question(), user_id=f"U_MEN{number}", channel_id=f"C_MEN{number}"
        )
        status, _, _ = await self.send(client, request)
        self.owe(f"MEN{number}", "mention answer", status)

    async def share(self, client: aiohttp.ClientSession, number: int) -> None:
        click = self.signer.block_action(
            ids.SHARE_ANSWER,
            AnswerRef(self.question()).to_value(),
            user_id=f"U_SH{number}",
            channel_id=f"C_SH{number}",
            response_url=self.api.response_url(f"SH{number}"),
        )
        if self.random.random() < DOUBLE_SHARE:  # clicked twice: one to each process at once
            self.tally.double_shares += 1
            first = asyncio.create_task(self.send(client, click))
            await asyncio.sleep(0)
            second = await self.send(client, click, avoid=None)
            statuses = [second[0], (await first)[0]]
            self.owe(f"SH{number}", "share", 200 if 200 in statuses else statuses[0])
            return
        status, _, _ = await self.send(client, click)
        self.owe(f"SH{number}", "share", status)

    async def questionnaire(self, client: aiohttp.ClientSession, number: int) -> None:
        user, channel = f"U_Q{number}", f"C_Q{number}"
        view = await self.open_view(client, user, channel)
        for _step in range(3):
            status, body, _ = await self.send(
                client, self.signer.view_submission(view, first_choices(view), user_id=user)
            )
            reply = json.loads(body) if status == 200 and body else {}
            if reply.get("response_action") != "update" or "view" not in reply:
                self.tally.broken_flows.append(f"Q{number}: {status} {body[:200]!r}")
                return
            view = {**reply["view"], "id": view["id"], "hash": view["hash"]}
        final = self.signer.view_submission(view, {}, user_id=user)
        if self.random.random() < DOUBLE_SHARE:  # a double click on "Post": both processes
            self.tally.double_submits += 1
            first = asyncio.create_task(self.send(client, final))
            await asyncio.sleep(0)
            statuses = [(await self.send(client, final))[0], (await first)[0]]
            self.owe(f"Q{number}", "advice", 200 if 200 in statuses else statuses[0])
            return
        status, _, _ = await self.send(client, final)
        self.owe(f"Q{number}", "advice", status)

    async def open_view(
        self, client: aiohttp.ClientSession, user: str, channel: str
    ) -> dict[str, Any]:
        """`/rolefit hire` until the questionnaire opens (when views.open failed twice, the app
        tells the person to try again, and they do); the view as Slack holds it."""
        while True:
            trigger = self.signer.next_trigger_id()
            opened: asyncio.Future[RecordedCall] = self._loop.create_future()
            with self._lock:
                self._views[trigger] = opened
            request = self.signer.slash_command(
                "hire", user_id=user, channel_id=channel, trigger_id=trigger
            )
            await self.send(client, request)
            try:
                call = await asyncio.wait_for(opened, VIEW_TIMEOUT_SECONDS)
                while "view" not in call.response:  # its answer lands just after the callback
                    await asyncio.sleep(0.005)
                held = call.response["view"]
                return {**call.body["view"], "id": held["id"], "hash": held["hash"]}
            except TimeoutError:
                self.tally.restarted_flows += 1
            finally:
                with self._lock:
                    del self._views[trigger]

    def scripts(self) -> list[Callable[[aiohttp.ClientSession], Awaitable[None]]]:
        """The whole load, shuffled: questionnaires (about 5.1 requests each) and the rest in
        shares of the remaining requests."""
        questionnaires = self.scale.questionnaires
        rest = max(0, self.scale.requests - round(questionnaires * 5.15))
        counts = {
            self.command: rest * 30 // 100,
            self.direct_message: rest * 30 // 100,
            self.mention: rest * 22 // 100,
            self.share: rest * 18 // 100,
            self.questionnaire: questionnaires,
        }
        made: list[Callable[[aiohttp.ClientSession], Awaitable[None]]] = []
        for script, count in counts.items():
            made += [_bound(script, number) for number in range(count)]
        self.random.shuffle(made)
        return made

    async def run(self) -> float:
        """Every script, CONCURRENCY at a time; the wall time."""
        scripts = iter(self.scripts())
        async with session(CONCURRENCY * 2) as client:

            async def worker() -> None:
                for script in scripts:
                    await script(client)

            began = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
            wall = time.perf_counter() - began
        if self.restart is not None:
            await self.restart
        return wall


SERIAL = itertools.count(1)


def first_choices(view: dict[str, Any]) -> dict[str, Any]:
    """The step's `state.values` when a person picks the first choice of every question that
    offers choices and leaves the text blank (the modal read as the console reads it)."""
    form = Form.from_view(view)
    for question in form.questions:
        if question.options:
            form.answers[question.block_id] = question.parse("1")
    return form.state_values()


def _resolve(future: asyncio.Future[RecordedCall], call: RecordedCall) -> None:
    if not future.done():
        future.set_result(call)


def _bound(
    script: Callable[[aiohttp.ClientSession, int], Awaitable[None]], number: int
) -> Callable[[aiohttp.ClientSession], Awaitable[None]]:
    return lambda client: script(client, number)


# -- what arrived ---------------------------------------------------------------------------

OWNER = re.compile(r"^[CDU]_([A-Z]+\d+)$")


def owner_of(conversation: str) -> str | None:
    """The owed message a conversation or person belongs to: C_MEN7, D_MEN7, U_MEN7 -> MEN7."""
    found = OWNER.match(conversation)
    return found.group(1) if found else None


@dataclass
class Arrivals:
    """Each owed message's successful deliveries, where they belong or where it fell back."""

    delivered: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    notes: Counter[str] = field(default_factory=Counter)


def arrivals(api: FakeSlackApi, faults: Faults) -> Arrivals:
    found = Arrivals()
    for call in api.calls:
        if not faults.ok(call):
            continue
        body = call.body
        text = str(body.get("text") or "")
        if call.method == "response_url":
            key = call.path.rpartition("/")[2]
            how = "in channel" if body.get("response_type") == "in_channel" else "told privately"
        elif call.method == "chat.postMessage":
            channel = str(body.get("channel"))
            key = owner_of(channel) or ""
            home = channel.startswith("C") or key.startswith("DM")
            how = "where it belongs" if home else "by DM"
        elif call.method == "chat.postEphemeral":
            key, how = owner_of(str(body.get("user"))) or "", "told privately"
        else:
            continue
        if any(note in text for note in NOTES):  # "I couldn't open the questionnaire…"
            found.notes[key] += 1
            continue
        found.delivered[key].append(how)
    return found


async def drain(database: str) -> tuple[float, list[Any]]:
    """Poll the store until nothing is pending; the wait, and the messages kept as failed."""
    store = Store(database)
    began = time.perf_counter()
    try:
        while True:
            counts = await store.counts()
            if not counts.get(PENDING):
                break
            if time.perf_counter() - began > DRAIN_TIMEOUT_SECONDS:
                print(f"  still pending after {DRAIN_TIMEOUT_SECONDS:.0f} s: {counts}")
                break
            await asyncio.sleep(1.0)
        waited = time.perf_counter() - began
        failed = await store.outbox_rows((FAILED,))
    finally:
        await store.close()
    return waited, failed


# -- the run --------------------------------------------------------------------------------


async def soak(api: FakeSlackApi, scale: Scale, scratch: Path, database: str) -> None:
    faults = Faults(api, 0.0, SEED)  # none while the processes start
    balancer = Balancer(api, scratch / "replies.json", database)
    try:
        await balancer.start("A")
        await balancer.start("B")
        faults.share = FAULT_SHARE
        load = Load(api, faults, balancer, scale)
        print(f"  sending {scale.requests} requests or so, c={CONCURRENCY} ...", flush=True)
        wall = await load.run()
        print(f"  sent in {wall:.0f} s; waiting until nothing is pending ...", flush=True)
        waited, failed = await drain(database)
        await asyncio.sleep(SETTLE_SECONDS)
    finally:
        for name in sorted(balancer.live):
            await balancer.stop(name)
    report(api, faults, balancer, load.tally, wall, waited, failed)


def report(
    api: FakeSlackApi,
    faults: Faults,
    balancer: Balancer,
    tally: Tally,
    wall: float,
    waited: float,
    failed: list[Any],
) -> None:
    found = arrivals(api, faults)
    failed_keys = {owner_of(row.owed.user) or "?": row for row in failed}
    owed = tally.owed
    duplicates = {key: how for key, how in found.delivered.items() if len(how) > 1}
    lost = [key for key in owed if not found.delivered.get(key) and key not in failed_keys]
    unowed = [key for key in found.delivered if key not in owed]
    by_kind = Counter(owed.values())
    fell_back = Counter(
        owed[key]
        for key, how in found.delivered.items()
        if key in owed and how[0] not in ("in channel", "where it belongs")
    )
    served = sum(tally.statuses.values())
    fives = sum(count for status, count in tally.statuses.items() if status >= 500)
    seen, injected = sum(faults.seen.values()), sum(faults.injected.values())

    rate = served / wall
    print(f"\nRequests: {served} answered in {wall:.1f} s = {rate:.0f} req/s at c={CONCURRENCY}")
    print(
        f"  ack p50 {percentile(tally.latencies, 0.5):.1f} ms, p99 "
        f"{percentile(tally.latencies, 0.99):.1f} ms, max {percentile(tally.latencies, 1.0):.1f} ms"
    )
    print(f"  statuses: {dict(sorted(tally.statuses.items()))}; 5xx: {fives} (target 0)")
    print(
        f"  sent again after a closed connection (the restart): {tally.resent}; questionnaires "
        f"started again (views.open failed twice): {tally.restarted_flows}"
    )
    print(
        f"  double submits of the final step: {tally.double_submits}; double Share clicks: "
        f"{tally.double_shares}"
    )
    print(
        f"\nWeb API faults: {injected} of {seen} calls ({injected / max(seen, 1):.1%}): "
        + ", ".join(f"{fault} {count}" for fault, count in sorted(faults.injected.items()))
    )
    print("  calls by method: " + ", ".join(f"{m} {c}" for m, c in sorted(faults.seen.items())))
    print(
        f"\nOwed messages (acknowledged): {len(owed)}: "
        + ", ".join(f"{kind} {count}" for kind, count in sorted(by_kind.items()))
    )
    print(f"  nothing pending {waited:.0f} s after the last request")
    delivered = sum(1 for key in owed if found.delivered.get(key))
    print(
        f"  delivered: {delivered}, of which not where they belonged (refused there: by DM or "
        f"told privately): {sum(fell_back.values())} {dict(fell_back)}"
    )
    print(f"  duplicates: {len(duplicates)} (target 0)")
    for key, how in sorted(duplicates.items())[:20]:
        print(
            f"    {key} ({owed.get(key, 'not owed')}): delivered {len(how)} times: {', '.join(how)}"
        )
    print(f"  lost: {len(lost)} (target 0)")
    for key in sorted(lost)[:20]:
        print(f"    {key} ({owed[key]}): never delivered, not kept as failed")
    print(f"  kept as failed after the retries: {len(failed)}")
    for row in failed[:30]:
        print(
            f"    outbox {row.id} {row.owed.kind} for {row.owed.user} in {row.owed.channel}: "
            f"{row.attempts} attempts, {row.last_error}"
        )
    if unowed:
        print(
            f"  delivered though never acknowledged as owed: {len(unowed)}: {sorted(unowed)[:10]}"
        )
    if tally.broken_flows:
        print(f"  questionnaires that broke off: {len(tally.broken_flows)}, e.g.:")
        for line in tally.broken_flows[:5]:
            print(f"    {line}")
    if found.notes:
        print(f"  notes to people (not owed messages): {sum(found.notes.values())}")
    print("\nRSS (MB) of each process at start and end:")
    for run in balancer.runs:
        print(
            f"  {run.name} (pid {run.server.process.pid}): {run.rss_start:.1f} -> {run.rss_end:.1f}"
        )
    for run in balancer.runs:
        errors = [
            line
            for text in run.server.logged
            for line in text.splitlines()
            if '"level": "error"' in line or "Traceback" in line
        ]
        if errors:
            print(f"\n{run.name} (pid {run.server.process.pid}) logged {len(errors)} errors, e.g.:")
            for line in errors[:5]:
                print(f"  {line[:300]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="1,000 requests, 100 questionnaires")
    args = parser.parse_args()
    scale = QUICK if args.quick else FULL
    began = time.perf_counter()
    print(
        f"This machine has {os.cpu_count()} cores, shared by the load generator, the Web API "
        "stand-in, both servers and PostgreSQL."
    )
    with (
        FakeSlackApi() as api,
        tempfile.TemporaryDirectory() as scratch,
        bench_database() as database,
        asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner,
    ):
        runner.run(soak(api, scale, Path(scratch), database))
    print(f"\nTook {time.perf_counter() - began:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
