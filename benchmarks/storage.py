"""What the store costs each request: RoleFit without it beside SQLite, PostgreSQL and two
processes on PostgreSQL, in one run, and what PostgreSQL spends per request.

Five setups, each real `rolefit serve` processes (through benchmarks/serve.py's `start_server`)
against the Web API stand-in in this process, given the same signed requests at concurrency 32:

- (a) in memory, before the store: commit 7abbee8 (the last before it), checked out into a
  temporary worktree and served by this venv's `rolefit` with that tree first on PYTHONPATH;
- (m) today's code with its store in memory: `rolefit serve` with benchmarks/store_in_memory/
  first on PYTHONPATH, whose sitecustomize.py swaps the app's Store for one kept in dicts;
- (b) SQLite: a new file in a scratch directory;
- (c) PostgreSQL, 1 process, and (d) 2 processes on it, requests alternated between them (16 of
  the 32 clients each, as round-robin over keep-alive connections comes to): a new database
  `rolefit_bench_<random>`, dropped at the end.

Each setup: `/rolefit QUESTION N` (every question new, answered in the ack) and DMs (every one
new; timed to the ack, and to the chat.postMessage reply reaching the stand-in). Rounds run the
setups in rotated order, each on fresh processes; tables give the median round [min..max].

The store's cost is (c) minus (m) per round, today's code on both sides; (c) minus (a) is shown
too (it also holds every app change since). The target is < 1 ms at p50 and < 5 ms at p99 per
request, at c=32 and at c=1 (one request at a time, measured first on each fresh server).
PostgreSQL's own cost is the CPU its processes (the server is on this machine: every `postgres`
process, background writers included, from /proc) and its transactions (pg_stat_database) spend
per request while (c) runs; pg_stat_statements is not preloaded here.

    .venv/bin/python benchmarks/storage.py            # 3 rounds, about 5 minutes on 2 cores
    .venv/bin/python benchmarks/storage.py --quick    # 1 round of fewer requests (smoke run)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg  # type: ignore[import-untyped]
import uvloop
from serve import (
    Ask,
    ReplyWatch,
    Run,
    Server,
    drive,
    new_direct_messages,
    new_questions,
    percentile,
    print_table,
    spread,
    start_server,
)

from bot.sandbox import FakeSlackApi, SlackRequests
from bot.sandbox.live import TEST_SIGNING_SECRET

ROOT = Path(__file__).resolve().parent.parent
BEFORE_THE_STORE = "7abbee8"
POSTGRES = os.environ.get("ROLEFIT_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
CONCURRENCY = 32
WARMUP = 100
# One client at a time, for (a), (m) and (c): what the store itself adds to a request when
# nothing queues for the CPU (at c=32 on these 2 cores the added latency is mostly queueing).
ALONE = 400
ALONE_SETUPS = ("a", "m", "c")
# The targets: what the store may add to a request on PostgreSQL, over the app before it.
ADDED_P50_MS = 1.0
ADDED_P99_MS = 5.0


@dataclass(frozen=True)
class Scale:
    rounds: int
    commands: int  # `/rolefit` questions per setup and round
    dms: int  # DMs per setup and round


FULL = Scale(rounds=3, commands=3000, dms=1500)
QUICK = Scale(rounds=1, commands=400, dms=200)


@dataclass(frozen=True)
class Setup:
    key: str
    label: str
    processes: int
    database: str  # "memory", "today-memory", "sqlite" or "postgresql"


SETUPS = (
    Setup("a", f"in memory, before the store ({BEFORE_THE_STORE})", 1, "memory"),
    Setup("m", "today's code, its store in memory (store_in_memory/)", 1, "today-memory"),
    Setup("b", "SQLite", 1, "sqlite"),
    Setup("c", "PostgreSQL, 1 process", 1, "postgresql"),
    Setup("d", "PostgreSQL, 2 processes", 2, "postgresql"),
)


# -- PostgreSQL ---------------------------------------------------------------------------------


async def _execute(statement: str) -> None:
    connection = await asyncpg.connect(POSTGRES, timeout=5)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@contextlib.contextmanager
def bench_database() -> Iterator[str]:
    """A new, empty PostgreSQL database for this run (its URL), dropped afterwards."""
    name = f"rolefit_bench_{uuid.uuid4().hex[:12]}"
    asyncio.run(_execute(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{POSTGRES.rpartition('/')[0]}/{name}"
    finally:
        asyncio.run(_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def postgres_cpu() -> dict[int, float]:
    """CPU seconds so far of every `postgres` process on this machine (the server runs here), by
    pid: backends and background writers alike."""
    seconds = {}
    for status in Path("/proc").glob("[0-9]*/comm"):
        with contextlib.suppress(OSError):
            if status.read_text().strip() != "postgres":
                continue
            tasks = status.with_name("task").glob("*/schedstat")
            seconds[int(status.parent.name)] = (
                sum(int(task.read_text().split()[0]) for task in tasks) / 1e9
            )
    return seconds


async def database_counters(url: str) -> dict[str, float]:
    """pg_stat_database's counters for the database `url` names (commits, rows written)."""
    connection = await asyncpg.connect(url, timeout=5)
    try:
        await connection.execute("SELECT pg_stat_clear_snapshot()")
        row = await connection.fetchrow(
            "SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted,"
            " tup_fetched, blk_write_time FROM pg_stat_database WHERE datname = current_database()"
        )
    finally:
        await connection.close()
    assert row is not None
    return {key: float(value) for key, value in row.items()}


@dataclass
class DatabaseCost:
    """What PostgreSQL spent on one load: CPU seconds and pg_stat_database's counters."""

    requests: int
    cpu: float
    counters: dict[str, float]

    def per_request(self, key: str) -> float:
        return self.counters[key] / self.requests


@dataclass
class DatabaseMeter:
    """Measures PostgreSQL's CPU and counters around a load (stats arrive within ~0.5 s)."""

    url: str
    costs: list[DatabaseCost] = field(default_factory=list)

    async def around(self, load: Callable[[], asyncio.Future[Run]], requests: int) -> Run:
        cpu_before, counters_before = postgres_cpu(), await database_counters(self.url)
        run = await load()
        await asyncio.sleep(0.7)  # backends report their counters at most every 500 ms
        cpu_after, counters_after = postgres_cpu(), await database_counters(self.url)
        cpu = sum(now - cpu_before.get(pid, 0.0) for pid, now in cpu_after.items())
        counters = {key: counters_after[key] - counters_before[key] for key in counters_after}
        self.costs.append(DatabaseCost(requests, cpu, counters))
        return run


# -- the load ---------------------------------------------------------------------------------


def merged(runs: Sequence[Run]) -> Run:
    """Loads run side by side (one per process) as one: every latency, the longest wall time."""
    return Run(
        latencies=[value for run in runs for value in run.latencies],
        arrivals=[value for run in runs for value in run.arrivals],
        errors=sum(run.errors for run in runs),
        missing=sum(run.missing for run in runs),
        duplicates=max(run.duplicates for run in runs),  # each saw the same unexpected posts
        wall=max(run.wall for run in runs),
        cpu=sum(run.cpu for run in runs),
    )


async def alternated(watch: ReplyWatch, servers: list[Server], asks: list[Ask]) -> Run:
    """`asks` dealt to `servers` in turn, CONCURRENCY clients shared out evenly among them."""
    count = len(servers)
    runs = await asyncio.gather(
        *(
            drive(watch, server, asks[index::count], CONCURRENCY // count)
            for index, server in enumerate(servers)
        )
    )
    return merged(runs)


@dataclass
class Measured:
    commands: list[Run] = field(default_factory=list)
    dms: list[Run] = field(default_factory=list)
    alone_commands: list[Run] = field(default_factory=list)  # c=1, ALONE_SETUPS only
    alone_dms: list[Run] = field(default_factory=list)


@dataclass
class Bench:
    api: FakeSlackApi
    scale: Scale
    scratch: Path
    old_tree: Path
    database: str
    watch: ReplyWatch
    signer: SlackRequests = field(default_factory=lambda: SlackRequests(TEST_SIGNING_SECRET))
    results: dict[str, Measured] = field(default_factory=dict)
    meters: dict[str, DatabaseMeter] = field(default_factory=dict)

    def env(self, setup: Setup) -> dict[str, str]:
        if setup.database == "memory":  # the old code shadows this venv's editable install
            return {"PYTHONPATH": str(self.old_tree)}
        if setup.database == "today-memory":  # benchmarks/store_in_memory/sitecustomize.py
            return {"PYTHONPATH": str(ROOT / "benchmarks" / "store_in_memory")}
        if setup.database == "postgresql":
            return {"DATABASE_URL": self.database}
        return {}  # start_server's default: a new SQLite file in the scratch directory

    async def measure(self, setup: Setup) -> None:
        replies = self.scratch / "replies.json"  # unused by RoleFit; start_server's scratch
        servers = [
            start_server("rolefit", self.api, replies, self.env(setup))
            for _ in range(setup.processes)
        ]
        try:
            for server in servers:  # imports, auth.test, first connections and queries
                await drive(self.watch, server, new_questions(self.signer, WARMUP), 8)
                await drive(self.watch, server, new_direct_messages(self.signer, WARMUP // 4), 8)
            measured = self.results.setdefault(setup.key, Measured())
            if setup.key in ALONE_SETUPS:  # first, on a quiet database: no load just before it
                alone = drive(self.watch, servers[0], new_questions(self.signer, ALONE), 1)
                measured.alone_commands.append(await alone)
                alone = drive(self.watch, servers[0], new_direct_messages(self.signer, ALONE), 1)
                measured.alone_dms.append(await alone)
            meter = self.meters.get(setup.key)
            for asks, into in (
                (new_questions(self.signer, self.scale.commands), measured.commands),
                (new_direct_messages(self.signer, self.scale.dms), measured.dms),
            ):

                def load(asks: list[Ask] = asks) -> asyncio.Future[Run]:
                    return asyncio.ensure_future(alternated(self.watch, servers, asks))

                into.append(await (meter.around(load, len(asks)) if meter else load()))
        finally:
            for server in servers:
                server.stop()
                for text in server.logged:  # what is worth a look: warnings and errors
                    lines = [line for line in text.splitlines() if '"level": "info"' not in line]
                    if lines:
                        print(f"\n({setup.key}) logged:\n" + "\n".join(lines[-20:]))
            self.api.reset()


def rotated(round_number: int) -> list[Setup]:
    """Every setup, starting one further along each round, so drift falls on each alike."""
    shift = round_number % len(SETUPS)
    return [*SETUPS[shift:], *SETUPS[:shift]]


# -- the report -------------------------------------------------------------------------------


def cells(runs: Sequence[Run], replies: bool) -> list[str]:
    def p(values: Callable[[Run], list[float]], share: float) -> str:
        return spread([percentile(values(run), share) for run in runs], 1)

    replied = (
        [p(lambda run: run.arrivals, 0.5), p(lambda run: run.arrivals, 0.99)] if replies else []
    )
    return [
        spread([run.rate for run in runs]),
        p(lambda run: run.latencies, 0.5),
        p(lambda run: run.latencies, 0.99),
        *replied,
        str(sum(run.faults for run in runs)),
        spread([run.cpu_us for run in runs]),
    ]


def report(bench: Bench) -> None:
    results = bench.results
    labels = {setup.key: f"({setup.key}) {setup.label}" for setup in SETUPS}
    faults = ["faults", "app CPU us/req"]
    print(f"\n/rolefit QUESTION N, answered in the ack, c={CONCURRENCY}:")
    print_table(
        ["setup", "req/s", "ack p50 ms", "ack p99 ms", *faults],
        [[labels[key], *cells(results[key].commands, replies=False)] for key in results],
        [],
    )
    print(f"\nDM -> reply (chat.postMessage reaching the stand-in), c={CONCURRENCY}:")
    print_table(
        ["setup", "req/s", "ack p50 ms", "ack p99 ms", "reply p50 ms", "reply p99 ms", *faults],
        [[labels[key], *cells(results[key].dms, replies=True)] for key in results],
        [],
    )
    print(
        "\nfaults: errors + replies missing (5 s) + duplicates; app CPU: the serving processes' "
        "own CPU time per request (summed over both in (d))."
    )
    added_cost(results)
    database_cost(bench)


def acks(run: Run) -> list[float]:
    return run.latencies


def replies(run: Run) -> list[float]:
    return run.arrivals


def added_cost(results: dict[str, Measured]) -> None:
    """(c) minus a setup without the database, round by round: what the store adds to each
    request on PostgreSQL. Against (m), today's code with its store in memory, every other
    line of code is the same on both sides; against (a), the code from before the store, the
    difference also holds the app's own growth since (the conversation layer, feedback)."""
    for baseline, meaning in (
        ("m", "the store alone: today's code on both sides"),
        ("a", f"the store and every app change since {BEFORE_THE_STORE}"),
    ):
        print(
            f"\nWhat the store adds per request on PostgreSQL: (c) minus ({baseline}), {meaning}; "
            f"round by round, median [min..max]; targets < {ADDED_P50_MS:.0f} ms p50, "
            f"< {ADDED_P99_MS:.0f} ms p99."
        )
        before, after = results[baseline], results["c"]
        for title, alone in (
            (f"c={CONCURRENCY}", False),
            ("c=1 (one request at a time: the store's own time, no queueing)", True),
        ):
            commands, dms = runs_of(after, alone)
            old_commands, old_dms = runs_of(before, alone)
            rows = []
            for label, ours, theirs, values in (
                ("/rolefit ack", commands, old_commands, acks),
                ("DM ack", dms, old_dms, acks),
                ("DM reply", dms, old_dms, replies),
            ):
                row = [label]
                for share, limit in ((0.5, ADDED_P50_MS), (0.99, ADDED_P99_MS)):
                    differences = [
                        percentile(values(new), share) - percentile(values(old), share)
                        for new, old in zip(ours, theirs, strict=True)
                    ]
                    met = statistics.median(differences) < limit
                    row += [spread(differences, 2), "MET" if met else "MISSED"]
                rows.append(row)
            print(f"  {title}:")
            print_table(
                ["request", "added p50 ms", "p50 target", "added p99 ms", "p99 target"], rows, []
            )


def runs_of(measured: Measured, alone: bool) -> tuple[list[Run], list[Run]]:
    """The `/rolefit` and DM runs of one setup: at c=1 (`alone`) or at full concurrency."""
    if alone:
        return measured.alone_commands, measured.alone_dms
    return measured.commands, measured.dms


def database_cost(bench: Bench) -> None:
    """PostgreSQL's CPU and transactions per request in (c), and how many processes it serves."""
    meter = bench.meters["c"]
    per_kind = {"/rolefit": meter.costs[0::2], "DM": meter.costs[1::2]}
    print(
        "\nPostgreSQL's cost per request in (c): CPU of every postgres process (from /proc; "
        "pg_stat_statements is not preloaded here) and pg_stat_database, median [min..max]:"
    )
    rows = []
    estimates = []
    for kind, costs in per_kind.items():
        runs = bench.results["c"].commands if kind == "/rolefit" else bench.results["c"].dms
        pg_us = [cost.cpu / cost.requests * 1e6 for cost in costs]
        app_us = [run.cpu_us for run in runs]
        rows.append(
            [
                kind,
                spread(pg_us),
                spread([cost.per_request("xact_commit") for cost in costs], 2),
                spread([cost.per_request("tup_inserted") for cost in costs], 2),
                spread([cost.per_request("tup_updated") for cost in costs], 2),
                spread([cost.per_request("tup_fetched") for cost in costs], 2),
                spread(app_us),
            ]
        )
        estimates.append((kind, statistics.median(pg_us), statistics.median(app_us), runs))
    header = ["request", "PG CPU us", "commits", "rows ins", "rows upd", "rows read"]
    print_table([*header, "app CPU us"], rows, [])
    print(
        "\nHow many `rolefit serve` processes one PostgreSQL serves before its CPU is the "
        "limit. A process is one event loop: at most one core, so busy it serves 1 s / its CPU "
        "per request; a PostgreSQL core serves 1 s / PostgreSQL's CPU per request. Their ratio "
        "is the busy processes one PostgreSQL core keeps up with:"
    )
    for kind, pg, app, runs in estimates:
        rate = statistics.median(run.rate for run in runs)
        print(
            f"  {kind:<9} app {app:.0f} us / PG {pg:.0f} us per request = "
            f"{app / pg:.1f} busy processes per PostgreSQL core (one core of PostgreSQL: "
            f"~{1e6 / pg:.0f} req/s; one process here did {rate:.0f} req/s, i.e. "
            f"{1e6 / pg / rate:.1f} processes at that rate)"
        )
    print(
        "  Commits are synchronous (synchronous_commit=on): each is a WAL flush, so on a slow "
        "disk the commit rate, not CPU, may bind first; PostgreSQL's max_connections (100 here) "
        "allows 2 processes at their pools' 37 connections each unless a pooler sits between."
    )


async def run(bench: Bench) -> None:
    for round_number in range(bench.scale.rounds):
        for setup in rotated(round_number):
            print(f"  round {round_number + 1}: ({setup.key}) {setup.label}", flush=True)
            await bench.measure(setup)
    report(bench)


@contextlib.contextmanager
def old_worktree(scratch: Path) -> Iterator[Path]:
    """The app as it was before the store, checked out beside this one, removed afterwards."""
    tree = scratch / "before-the-store"
    git = ["git", "-C", str(ROOT), "worktree"]
    subprocess.run(
        [*git, "add", "--detach", str(tree), BEFORE_THE_STORE], check=True, capture_output=True
    )
    try:
        yield tree
    finally:
        subprocess.run([*git, "remove", "--force", str(tree)], check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="one round of fewer requests")
    args = parser.parse_args()
    scale = QUICK if args.quick else FULL
    began = time.perf_counter()
    print(
        f"This machine has {os.cpu_count()} cores, shared by the load generator, the Web API "
        "stand-in, the servers and PostgreSQL: figures are for comparing setups, not capacity."
    )
    print(
        f"{scale.rounds} round(s); per setup and round {scale.commands} `/rolefit` questions "
        f"and {scale.dms} DMs, each new, after a warm-up of {WARMUP} and {WARMUP // 4}."
    )
    with (
        FakeSlackApi() as api,
        tempfile.TemporaryDirectory() as scratch,
        old_worktree(Path(scratch)) as old_tree,
        bench_database() as database,
        asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner,
    ):

        async def measure() -> None:
            bench = Bench(api, scale, Path(scratch), old_tree, database, ReplyWatch(api))
            bench.meters["c"] = DatabaseMeter(database)
            await run(bench)

        runner.run(measure())
    print(f"\nTook {time.perf_counter() - began:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
