"""How fast `rolefit serve` answers Slack, beside a bare Bolt app served the same way, in one run.

Both apps run as processes on uvicorn (uvloop, httptools) through bot.server, get the same signed
requests, and talk to the Web API stand-in (bot.sandbox.FakeSlackApi) in this process. The bare
app is Bolt's AsyncApp written as a real app, doing none of RoleFit's work: `/rolefit` acks with
RoleFit's own reply (asked of RoleFit once, at start), and a DM is acknowledged, then answered by a
lazy listener (`ack=..., lazy=[...]`) that `say`s RoleFit's own DM reply through the same shared
Web API session. So the gap between the two rows is RoleFit's own work. The sections:

- `/rolefit` at c=1, 8 and 32, every question new (a counter appended, so no cache can help) and
  one question repeated, each from a new person. Targets at c=32: new questions at >= 0.8x bare's
  requests/s with a p99 under 2x bare's; repeats at >= 0.95x bare's requests/s.
- DM -> reply (the chat.postMessage reaching the stand-in) at c=32, every question new: p99 <=
  1.2x bare's.
- A burst: 60 DMs of 4,000 characters at once, and `/rolefit help` every 50 ms until all 60 are
  answered: every help ack under 300 ms; how long the 60 take.
- Memory: 10,000 varied questions (new `/rolefit` questions and DMs, from 1,000 people) on fresh
  processes: RSS after the first 2,000 and at the end (how flat it stays), peak <= 1.5x bare's.
- Cold start: process start to the first 200 on /healthz, for every process started: <= 1.3x bare.
  RoleFit's matcher index is kept in the run's scratch directory, so only its first start builds
  it (knowledge.index_cache), as only a deploy's first start does.

Each table gives the median round and, in brackets, the min..max across rounds (the machine's
noise); targets are judged on the median of the per-round RoleFit/bare ratios (each round runs
both apps back to back, in alternating order). A script that prints figures, never a test: it
exits 0 whatever they are, unless `--check` asks for 1 on a miss.

    .venv/bin/python benchmarks/serve.py            # every section, about 2 minutes on 2 cores
    .venv/bin/python benchmarks/serve.py --quick    # one round of fewer requests (smoke run)
    .venv/bin/python benchmarks/serve.py --memory   # the memory section alone
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

import aiohttp
import uvloop

from bot.sandbox import FakeSlackApi, RecordedCall, SignedRequest, SlackRequests
from bot.sandbox.live import TEST_BOT_TOKEN, TEST_SIGNING_SECRET, send
from bot.sandbox.workspace import dm_channel

ROOT = Path(__file__).resolve().parent.parent
ROLEFIT_COMMAND = [str(Path(sys.executable).with_name("rolefit")), "serve", "--host", "127.0.0.1"]
APPS = ("rolefit", "bare")
QUESTION = "who owns the backlog"
HELP = "help"
# The memory section's questions: these, each with a new number, from a workspace of people.
VARIED = (
    QUESTION,
    "who negotiates with suppliers",
    "who runs the sprint review",
    "who decides the architecture",
    "who talks to the customers",
    "who sets the priorities for the quarter",
    "who writes the release notes",
    "what does a product owner do",
    "what is a roadmap",
    "who removes impediments for the team",
    "who manages the budget",
    "who approves the pricing",
)
# A long DM: someone pasting their notes. Cycled to LONG_DM_CHARACTERS, a number in front.
NOTES = (
    "We are reorganising the team and I pasted the notes from our retrospective. Who owns the "
    "backlog now that our manager has left? The engineers want someone to run the sprint reviews, "
    "talk to the customers every week and say no to the requests that do not fit the strategy. "
    "Finance asks who manages the budget for the platform, sales asks who approves the pricing, "
    "and the designers ask who decides what goes into the next release and who writes the notes. "
)
T = TypeVar("T")
# Every question, person and DM gets a number from here, so each request is new to both apps.
SERIAL = itertools.count(1)


@dataclass(frozen=True)
class Scale:
    """How much of everything one run sends."""

    rounds: int  # of the /rolefit, DM and burst sections
    slash: dict[int, int]  # concurrency -> requests per round and load
    dms: int  # DMs per round at TOP_CONCURRENCY
    memory_rounds: int  # each starts both apps afresh: cold starts too
    memory: int  # questions per memory round
    checkpoint: int  # after this many, RSS is read once more


FULL = Scale(5, {1: 500, 8: 2000, 32: 4000}, 2000, memory_rounds=3, memory=10_000, checkpoint=2000)
QUICK = Scale(1, {1: 50, 8: 200, 32: 400}, 200, memory_rounds=1, memory=2000, checkpoint=400)
TOP_CONCURRENCY = 32
WARMUP_REQUESTS = 100
REPLY_TIMEOUT_SECONDS = 5.0
DUPLICATE_GRACE_SECONDS = 0.5  # a retried or doubled reply lands late
BURST_DMS = 60
LONG_DM_CHARACTERS = 4000
HELP_EVERY_SECONDS = 0.050
BURST_TIMEOUT_SECONDS = 60.0

# The targets: RoleFit beside the bare app.
NEW_RATE_SHARE = 0.80
NEW_P99_TIMES = 2.0
REPEAT_RATE_SHARE = 0.95
DM_P99_TIMES = 1.2
HELP_ACK_MS = 300.0
PEAK_RSS_TIMES = 1.5
COLD_START_TIMES = 1.3


# -- the server processes -------------------------------------------------------------------


@dataclass
class Server:
    """A server process: its URL, how long it took to answer /healthz, and its CPU and memory."""

    name: str
    process: subprocess.Popen[str]
    url: str
    cold_start: float
    stderr: IO[str]
    logged: list[str] = field(default_factory=list)

    def memory_mb(self, key: str) -> float:
        """A line of /proc's status in MB: VmRSS (resident now) or VmHWM (the peak)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_seconds(self) -> float:
        """CPU time its threads have run so far, to the nanosecond (/proc's schedstat; stat
        counts in 10 ms ticks, too coarse for a few hundred requests)."""
        tasks = Path(f"/proc/{self.process.pid}/task").glob("*/schedstat")
        return sum(int(task.read_text().split()[0]) for task in tasks) / 1e9

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.stderr.seek(0)
        if text := self.stderr.read().strip():
            self.logged.append(text)
        self.stderr.close()


def start_server(
    name: str, api: FakeSlackApi, replies: Path, extra_env: Mapping[str, str] | None = None
) -> Server:
    """Start one app's process; its cold start runs from here to its first 200 on /healthz.
    RoleFit's store is a new SQLite file beside `replies` (in the run's scratch directory, never
    ./rolefit.db) unless `extra_env` names another DATABASE_URL. Its matcher's index is kept in
    that directory too: the run's first start builds it and every later one loads it, as a
    deployed start does (the Dockerfile builds it into the image)."""
    if name == "rolefit":
        command = [*ROLEFIT_COMMAND, "--port", "0"]
    else:
        command = [sys.executable, str(Path(__file__).resolve()), "--bare-server", str(replies)]
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": TEST_BOT_TOKEN,
        "SLACK_SIGNING_SECRET": TEST_SIGNING_SECRET,
        "SLACK_API_URL": api.base_url,
        "PYTHONUNBUFFERED": "1",
        "DATABASE_URL": f"sqlite:///{replies.with_name(f'rolefit-{next(SERIAL)}.db')}",
        "ROLEFIT_INDEX_CACHE": str(replies.with_name("index")),
        **(extra_env or {}),
    }
    stderr = tempfile.TemporaryFile("w+")  # noqa: SIM115  # open while the server runs; stop() closes
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=stderr, text=True
    )
    assert process.stdout is not None
    announced = process.stdout.readline().strip()
    if not announced.startswith("RoleFit listening on http://"):
        stderr.seek(0)
        raise SystemExit(f"{name} did not start: {announced!r}\n{stderr.read()}")
    url = announced.removeprefix("RoleFit listening on ")
    while send(url, "GET", "/healthz")[0] != 200:
        time.sleep(0.002)
    return Server(name, process, url, time.perf_counter() - started, stderr)


def rolefit_replies(api: FakeSlackApi, url: str, signer: SlackRequests) -> dict[str, Any]:
    """What RoleFit answers `/rolefit QUESTION`, `/rolefit help` and a DM asking QUESTION: the
    replies the bare app sends, so both apps send Slack the same bytes."""
    acks = {}
    for text in (QUESTION, HELP):
        request = signer.slash_command(text, user_id="U_REPLIES")
        status, _, body = send(url, "POST", "/slack/events", request.body, request.headers)
        assert status == 200, f"/rolefit {text} answered {status}"
        acks[text] = json.loads(body)
    dm = signer.dm(f"{QUESTION}?", user_id="U_REPLIES")
    send(url, "POST", "/slack/events", dm.body, dm.headers)
    [posted] = api.wait_for("chat.postMessage")
    api.reset()
    said = {key: value for key, value in posted.body.items() if key not in ("channel", "token")}
    return {"acks": acks, "dm": said}


def run_bare_server(replies_path: str) -> None:
    """The baseline: Bolt's AsyncApp as a real app writes it, answering with RoleFit's replies
    (built once, by RoleFit) and doing none of its work. `/rolefit` answers in its ack, as RoleFit
    does, so nothing is left for a lazy listener; a DM is acked, then answered by a lazy one."""
    from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncSay
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.server.guard import create_asgi_app
    from bot.server.runners import serve
    from bot.settings import SlackSettings, load_settings

    share_the_session_in_copies()
    replies = json.loads(Path(replies_path).read_text())
    acks: dict[str, dict[str, Any]] = replies["acks"]
    said: dict[str, Any] = replies["dm"]
    settings = load_settings(SlackSettings)
    os.environ.pop("SLACK_BOT_TOKEN")  # Bolt would read it too, and warn that `client` wins
    secret = settings.slack_signing_secret.get_secret_value()
    assert settings.slack_bot_token is not None  # the benchmark serves one workspace
    client = AsyncWebClient(
        token=settings.slack_bot_token.get_secret_value(), base_url=settings.slack_api_url
    )
    app = AsyncApp(client=client, signing_secret=secret, process_before_response=True)

    async def acknowledge_with_reply(ack: AsyncAck, command: dict[str, Any]) -> None:
        await ack(**acks.get(command["text"], acks[QUESTION]))

    async def acknowledge(ack: AsyncAck) -> None:
        await ack()

    async def reply(say: AsyncSay) -> None:
        await say(**said)

    app.command("/rolefit")(ack=acknowledge_with_reply, lazy=[])  # the answer went in the ack
    app.event("message")(ack=acknowledge, lazy=[reply])
    serve(create_asgi_app(app, signing_secret=secret), app, "127.0.0.1", 0, settings)


def share_the_session_in_copies() -> None:
    """Let deep copies of an aiohttp session be the session itself. Bolt's lazy listeners run on
    a deep copy of the request, whose context holds the Web API client; once the client shares
    one keep-alive session, as bot.server.runners makes it, the copy reaches the session and its
    event loop, which cannot be copied, and every lazy listener fails before it starts."""

    def same(session: aiohttp.ClientSession, memo: dict[int, Any]) -> aiohttp.ClientSession:
        return session

    aiohttp.ClientSession.__deepcopy__ = same  # type: ignore[attr-defined]


# -- what is sent -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Ask:
    """One request, and the DM channel its reply is awaited in (None: answered in the ack)."""

    request: SignedRequest
    reply_in: str | None = None


def command(signer: SlackRequests, text: str) -> Ask:
    """`/rolefit TEXT` from a new person in a channel."""
    return Ask(signer.slash_command(text, user_id=f"U_BENCH{next(SERIAL)}"))


def direct_message(signer: SlackRequests, text: str, user_id: str = "") -> Ask:
    """A DM from `user_id` (default: a new person), its reply awaited in their DM channel."""
    user_id = user_id or f"U_BENCH{next(SERIAL)}"
    return Ask(signer.dm(text, user_id=user_id), dm_channel(user_id))


def new_questions(signer: SlackRequests, count: int) -> list[Ask]:
    return [command(signer, f"{QUESTION} {next(SERIAL)}") for _ in range(count)]


def repeated_question(signer: SlackRequests, count: int) -> list[Ask]:
    return [command(signer, QUESTION) for _ in range(count)]


def new_direct_messages(signer: SlackRequests, count: int) -> list[Ask]:
    return [direct_message(signer, f"{QUESTION} {next(SERIAL)}?") for _ in range(count)]


def varied_questions(signer: SlackRequests, count: int, people: int) -> list[Ask]:
    """`/rolefit` and DMs in turn, each question new, from `people` people who each ask both
    ways; a person's turns are 2 x `people` requests apart, so never in flight together."""
    asks = []
    for index in range(count):
        text = f"{VARIED[index % len(VARIED)]} {next(SERIAL)}"
        user_id = f"U_PERSON{index // 2 % people}"
        if index % 2:
            asks.append(direct_message(signer, f"{text}?", user_id))
        else:
            asks.append(Ask(signer.slash_command(text, user_id=user_id)))
    return asks


def long_notes(number: int) -> str:
    """A DM of exactly LONG_DM_CHARACTERS, new by its number."""
    text = f"Notes {number}. " + NOTES * (LONG_DM_CHARACTERS // len(NOTES) + 1)
    return text[:LONG_DM_CHARACTERS]


# -- sending it -------------------------------------------------------------------------------


class ReplyWatch:
    """Futures resolved (on this loop) as the stand-in receives chat.postMessage calls, first
    come first served per channel; a post nobody waits for counts as `unexpected`."""

    def __init__(self, api: FakeSlackApi) -> None:
        self._loop = asyncio.get_running_loop()
        self._waiting: defaultdict[str, deque[asyncio.Future[float]]] = defaultdict(deque)
        self.unexpected = 0
        api.subscribe(self._heard)

    def expect(self, channel: str) -> asyncio.Future[float]:
        future: asyncio.Future[float] = self._loop.create_future()
        self._waiting[channel].append(future)
        return future

    def _heard(self, call: RecordedCall) -> None:  # runs on the stand-in's thread
        if call.method == "chat.postMessage":
            channel = str(call.body.get("channel"))
            self._loop.call_soon_threadsafe(self._arrived, channel, call.received_at)

    def _arrived(self, channel: str, received_at: float) -> None:
        waiting = self._waiting.get(channel)
        if not waiting:
            self.unexpected += 1
            return
        future = waiting.popleft()
        if not waiting:
            del self._waiting[channel]
        if not future.done():  # done: its wait timed out, and the miss is counted already
            future.set_result(received_at)


def session(connections: int) -> aiohttp.ClientSession:
    """A keep-alive client with at most `connections` connections (0: no limit)."""
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=connections))


async def post(client: aiohttp.ClientSession, url: str, request: SignedRequest) -> bool:
    """POST one signed request; True when the app answered 200."""
    try:
        async with client.post(
            f"{url}/slack/events", data=request.body, headers=request.headers
        ) as response:
            await response.read()
            return response.status == 200
    except aiohttp.ClientError:
        return False


@dataclass
class Run:
    """One batch of requests to one app: ack latencies, reply arrivals, what went wrong, and the
    server's CPU time."""

    latencies: list[float] = field(default_factory=list)
    arrivals: list[float] = field(default_factory=list)
    errors: int = 0
    missing: int = 0
    duplicates: int = 0
    wall: float = 0.0
    cpu: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.wall if self.wall else 0.0

    @property
    def faults(self) -> int:
        return self.errors + self.missing + self.duplicates

    @property
    def cpu_us(self) -> float:
        """Server CPU per request, in microseconds."""
        return self.cpu / len(self.latencies) * 1e6 if self.latencies else float("nan")


async def drive(watch: ReplyWatch, server: Server, asks: list[Ask], concurrency: int) -> Run:
    """Send `asks` from `concurrency` workers, each awaiting its answer (and, for a DM, the
    reply reaching the stand-in) before sending the next."""
    run = Run()
    queue = iter(asks)
    unexpected_before, cpu_before = watch.unexpected, server.cpu_seconds()
    async with session(concurrency) as client:

        async def worker() -> None:
            for ask in queue:
                reply = watch.expect(ask.reply_in) if ask.reply_in else None
                started = time.perf_counter()
                ok = await post(client, server.url, ask.request)
                run.latencies.append(time.perf_counter() - started)
                run.errors += not ok
                if reply is not None:
                    try:
                        arrived = await asyncio.wait_for(reply, REPLY_TIMEOUT_SECONDS)
                        run.arrivals.append(arrived - started)
                    except TimeoutError:
                        run.missing += 1

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        run.wall = time.perf_counter() - began
    run.cpu = server.cpu_seconds() - cpu_before
    if any(ask.reply_in for ask in asks):
        await asyncio.sleep(DUPLICATE_GRACE_SECONDS)
        run.duplicates = watch.unexpected - unexpected_before
    return run


@dataclass
class Burst:
    """One burst of long DMs: the help acks sent meanwhile, and when the last DM was answered."""

    helps: list[float] = field(default_factory=list)
    dm_acks: list[float] = field(default_factory=list)
    answered: float = 0.0
    errors: int = 0
    missing: int = 0


async def burst(watch: ReplyWatch, server: Server, signer: SlackRequests) -> Burst:
    """BURST_DMS long DMs sent together, and `/rolefit help` every HELP_EVERY_SECONDS (each on
    its own, not waiting for the last) until every DM is answered."""
    result = Burst()
    dms = [direct_message(signer, long_notes(next(SERIAL))) for _ in range(BURST_DMS)]
    async with session(0) as client:

        async def timed(ask: Ask, into: list[float]) -> None:
            started = time.perf_counter()
            result.errors += not await post(client, server.url, ask.request)
            into.append(time.perf_counter() - started)

        async def long_dm(ask: Ask) -> None:
            assert ask.reply_in is not None
            reply = watch.expect(ask.reply_in)
            await timed(ask, result.dm_acks)
            try:
                arrived = await asyncio.wait_for(reply, BURST_TIMEOUT_SECONDS)
                result.answered = max(result.answered, arrived - began)
            except TimeoutError:
                result.missing += 1

        began = time.perf_counter()
        everything = asyncio.gather(*(long_dm(dm) for dm in dms))
        helps = []
        while not everything.done():
            helps.append(asyncio.create_task(timed(command(signer, HELP), result.helps)))
            due = began + len(helps) * HELP_EVERY_SECONDS
            await asyncio.wait({everything}, timeout=max(0.0, due - time.perf_counter()))
        await asyncio.gather(*helps)
    return result


# -- the report -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    label: str
    ok: bool
    figure: str


def percentile(values: Sequence[float], share: float) -> float:
    """The `share` quantile in milliseconds (nan when empty)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def spread(values: Sequence[float], digits: int = 0, unit: str = "") -> str:
    """The median and, over several rounds, [min..max]: how much the machine's noise moves it."""
    middle = f"{statistics.median(values):.{digits}f}{unit}"
    if len(values) < 2:
        return middle
    return f"{middle} [{min(values):.{digits}f}..{max(values):.{digits}f}]"


def ratios(by_app: Mapping[str, Sequence[T]], measure: Callable[[T], float]) -> list[float]:
    """RoleFit's figure over bare's, round by round (each round ran both, back to back)."""
    pairs = zip(by_app["rolefit"], by_app["bare"], strict=True)
    return [measure(ours) / measure(theirs) for ours, theirs in pairs]


def target(label: str, values: list[float], met: Callable[[float], bool]) -> Check:
    """A target on RoleFit/bare ratios, judged on their median."""
    return Check(label, met(statistics.median(values)), spread(values, 3, "x"))


def print_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    checks: Sequence[Check],
    labels: int = 1,
    notes: Sequence[str] = (),
) -> None:
    """A section's table (the first `labels` columns left, figures right), notes, targets."""
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    for row in [header, *rows]:
        cells = [
            cell.ljust(width) if column < labels or row is header else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  " + "  ".join(cells).rstrip())
    for note in notes:
        print(f"  {note}")
    for check in checks:
        print(f"  {'PASS' if check.ok else 'MISS'}  {check.label}: {check.figure}")


def run_columns(replies: bool) -> list[str]:
    """The header of `run_cells`."""
    replied = ["reply p50 ms", "reply p99 ms"] if replies else []
    return ["req/s", "ack p50 ms", "ack p99 ms", *replied, "faults", "server CPU us/req"]


def run_cells(runs: Sequence[Run], replies: bool) -> list[str]:
    """One app's runs across rounds: rate, ack and (for DMs) reply latencies, faults, CPU."""

    def p50_p99(values: Callable[[Run], list[float]]) -> list[str]:
        quantiles = ([percentile(values(run), share) for run in runs] for share in (0.5, 0.99))
        return [spread(figures, 1) for figures in quantiles]

    replied = p50_p99(lambda run: run.arrivals) if replies else []
    return [
        spread([run.rate for run in runs]),
        *p50_p99(lambda run: run.latencies),
        *replied,
        str(sum(run.faults for run in runs)),
        spread([run.cpu_us for run in runs]),
    ]


def alternating(servers: list[Server], round_number: int) -> list[Server]:
    """Both apps, the other one first every other round, so drift falls on each alike."""
    return servers if round_number % 2 == 0 else servers[::-1]


LOADS = {"new": new_questions, "repeat": repeated_question}


@dataclass
class Footprint:
    """Resident memory (MB) of a fresh server: at start, at the checkpoint, at the end, the peak."""

    start: float
    checkpoint: float
    end: float
    peak: float
    faults: int


@dataclass
class Bench:
    """One run: the stand-in, the two apps serving the timed sections, every process started
    (for the cold starts), and a section each method, printing its table and returning its
    targets."""

    api: FakeSlackApi
    scale: Scale
    replies: Path  # RoleFit's replies, for the bare app to send
    watch: ReplyWatch
    signer: SlackRequests = field(default_factory=lambda: SlackRequests(TEST_SIGNING_SECRET))
    servers: list[Server] = field(default_factory=list)
    starts: dict[str, list[Server]] = field(default_factory=lambda: {app: [] for app in APPS})

    def start(self, app: str) -> Server:
        server = start_server(app, self.api, self.replies)
        self.starts[app].append(server)
        return server

    async def each_round(self, measure: Callable[[Server], Awaitable[T]]) -> dict[str, list[T]]:
        """`measure` each app once a round, alternating which goes first; results by app."""
        results: dict[str, list[T]] = defaultdict(list)
        for round_number in range(self.scale.rounds):
            for server in alternating(self.servers, round_number):
                results[server.name].append(await measure(server))
        return results

    async def warm_up(self) -> None:
        """Imports, auth.test, the first connections, a first long DM."""
        for server in self.servers:
            await drive(self.watch, server, new_questions(self.signer, WARMUP_REQUESTS), 8)
            dms = new_direct_messages(self.signer, WARMUP_REQUESTS // 4)
            await drive(self.watch, server, dms, 8)
            await drive(self.watch, server, [direct_message(self.signer, long_notes(0))], 1)
        self.api.reset()

    async def slash_commands(self) -> list[Check]:
        print(
            f"\n/rolefit QUESTION, answered in the ack: every question new ({QUESTION!r} N), or "
            f"one repeated; each from a new person. {self.scale.rounds} round(s) per row."
        )
        runs: dict[tuple[str, int], dict[str, list[Run]]] = defaultdict(lambda: defaultdict(list))
        for round_number in range(self.scale.rounds):  # outermost: RoleFit's memories fill alike
            for concurrency, count in self.scale.slash.items():
                for load, make in LOADS.items():
                    for server in alternating(self.servers, round_number):
                        asks = make(self.signer, count)
                        run = await drive(self.watch, server, asks, concurrency)
                        runs[load, concurrency][server.name].append(run)
        rows = [
            [f"{load} c={concurrency}", app, *run_cells(by_app[app], replies=False)]
            for load in LOADS
            for concurrency in self.scale.slash
            for by_app in [runs[load, concurrency]]
            for app in APPS
        ]
        new, repeat = runs["new", TOP_CONCURRENCY], runs["repeat", TOP_CONCURRENCY]
        faults = sum(run.faults for by_app in runs.values() for run in by_app["rolefit"])
        checks = [
            target(
                f"new questions at c={TOP_CONCURRENCY}: req/s >= {NEW_RATE_SHARE}x bare",
                ratios(new, lambda run: run.rate),
                lambda ratio: ratio >= NEW_RATE_SHARE,
            ),
            target(
                f"new questions at c={TOP_CONCURRENCY}: p99 < {NEW_P99_TIMES:.0f}x bare",
                ratios(new, lambda run: percentile(run.latencies, 0.99)),
                lambda ratio: ratio < NEW_P99_TIMES,
            ),
            target(
                f"repeats at c={TOP_CONCURRENCY}: req/s >= {REPEAT_RATE_SHARE}x bare",
                ratios(repeat, lambda run: run.rate),
                lambda ratio: ratio >= REPEAT_RATE_SHARE,
            ),
            Check("no errors (every load and level)", faults == 0, f"{faults} errors"),
        ]
        print_table(["load", "app", *run_columns(replies=False)], rows, checks, labels=2)
        return checks

    async def direct_messages(self) -> list[Check]:
        print(
            f"\nDM -> reply reaching the stand-in, c={TOP_CONCURRENCY}, every question new, "
            f"{self.scale.dms} DMs per round, {self.scale.rounds} round(s)."
        )

        def dms(server: Server) -> Awaitable[Run]:
            asks = new_direct_messages(self.signer, self.scale.dms)
            return drive(self.watch, server, asks, TOP_CONCURRENCY)

        runs = await self.each_round(dms)
        faults = sum(run.faults for run in runs["rolefit"])
        checks = [
            target(
                f"reply p99 at c={TOP_CONCURRENCY} <= {DM_P99_TIMES}x bare",
                ratios(runs, lambda run: percentile(run.arrivals, 0.99)),
                lambda ratio: ratio <= DM_P99_TIMES,
            ),
            Check("every DM acked and answered once", faults == 0, f"{faults} faults"),
        ]
        rows = [[app, *run_cells(runs[app], replies=True)] for app in APPS]
        print_table(["app", *run_columns(replies=True)], rows, checks)
        self.api.reset()
        return checks

    async def bursts(self) -> list[Check]:
        print(
            f"\nBurst: {BURST_DMS} DMs of {LONG_DM_CHARACTERS} characters at once, `/rolefit "
            f"help` every {HELP_EVERY_SECONDS * 1000:.0f} ms until all are answered; "
            f"{self.scale.rounds} round(s)."
        )
        bursts = await self.each_round(lambda server: burst(self.watch, server, self.signer))
        rows = [
            [
                app,
                spread([len(one.helps) for one in bursts[app]]),
                spread([percentile(one.helps, 0.99) for one in bursts[app]], 1),
                spread([percentile(one.helps, 1.0) for one in bursts[app]], 1),
                str(sum(ack * 1000 >= HELP_ACK_MS for one in bursts[app] for ack in one.helps)),
                spread([percentile(one.dm_acks, 1.0) for one in bursts[app]], 1),
                spread([one.answered for one in bursts[app]], 2),
                str(sum(one.errors + one.missing for one in bursts[app])),
            ]
            for app in APPS
        ]
        ours = bursts["rolefit"]
        slowest = max(percentile(one.helps, 1.0) for one in ours)
        checks = [
            Check(
                f"every help ack < {HELP_ACK_MS:.0f} ms", slowest < HELP_ACK_MS, f"{slowest:.1f} ms"
            ),
            Check(
                f"all {BURST_DMS} long DMs answered",
                not any(one.missing or one.errors for one in ours),
                f"{sum(one.missing for one in ours)} missing",
            ),
        ]
        every_ack = [
            f"{app:<8} "
            + " | ".join(" ".join(f"{ack * 1000:.0f}" for ack in one.helps) for one in bursts[app])
            for app in APPS
        ]
        header = ["app", "helps", "help p99 ms", "help max ms", f">={HELP_ACK_MS:.0f}ms"]
        header += ["DM ack max ms", "all answered s", "faults"]
        notes = ["every help ack in ms, in the order sent (rounds apart by |):", *every_ack]
        print_table(header, rows, checks, notes=notes)
        return checks

    async def memory(self) -> list[Check]:
        """Each round starts both apps afresh, one at a time, and sends each varied questions."""
        scale = self.scale
        print(
            f"\nMemory (MB): {scale.memory} varied questions on a fresh process, /rolefit and DMs "
            f"in turn from {scale.checkpoint // 2} people, c={TOP_CONCURRENCY}; "
            f"{scale.memory_rounds} round(s)."
        )
        footprints: dict[str, list[Footprint]] = defaultdict(list)
        for round_number in range(scale.memory_rounds):
            for app in APPS if round_number % 2 else APPS[::-1]:
                server = self.start(app)
                try:
                    footprints[app].append(await self.footprint(server))
                finally:
                    server.stop()
                    self.api.reset()
        rows = [
            [
                app,
                spread([one.start for one in footprints[app]], 1),
                spread([one.checkpoint for one in footprints[app]], 1),
                spread([one.end for one in footprints[app]], 1),
                spread([one.end - one.checkpoint for one in footprints[app]], 1),
                spread([one.peak for one in footprints[app]], 1),
                str(sum(one.faults for one in footprints[app])),
            ]
            for app in APPS
        ]
        faults = sum(one.faults for one in footprints["rolefit"])
        checks = [
            target(
                f"peak RSS <= {PEAK_RSS_TIMES}x bare",
                ratios(footprints, lambda one: one.peak),
                lambda ratio: ratio <= PEAK_RSS_TIMES,
            ),
            Check("every question answered once", faults == 0, f"{faults} faults"),
        ]
        header = ["app", "RSS at start", f"after {scale.checkpoint}", "at end"]
        header += [f"growth after {scale.checkpoint}", "peak", "faults"]
        print_table(header, rows, checks)
        return checks

    async def footprint(self, server: Server) -> Footprint:
        scale = self.scale
        asks = varied_questions(self.signer, scale.memory, people=scale.checkpoint // 2)
        start = server.memory_mb("VmRSS")
        first = await drive(self.watch, server, asks[: scale.checkpoint], TOP_CONCURRENCY)
        checkpoint = server.memory_mb("VmRSS")
        rest = await drive(self.watch, server, asks[scale.checkpoint :], TOP_CONCURRENCY)
        end, peak = server.memory_mb("VmRSS"), server.memory_mb("VmHWM")
        return Footprint(start, checkpoint, end, peak, first.faults + rest.faults)

    def cold_starts(self) -> list[Check]:
        print("\nCold start: process start to the first 200 on /healthz (every process started).")
        checks = [
            target(
                f"cold start <= {COLD_START_TIMES}x bare",
                ratios(self.starts, lambda server: server.cold_start),
                lambda ratio: ratio <= COLD_START_TIMES,
            )
        ]
        rows = [
            [app, str(len(started)), spread([server.cold_start for server in started], 2)]
            for app, started in self.starts.items()
        ]
        print_table(["app", "starts", "seconds"], rows, checks)
        return checks


async def measure(
    api: FakeSlackApi, scale: Scale, replies: Path, *, only_memory: bool = False
) -> list[Check]:
    """Every section in turn (or the memory section alone); the targets of all."""
    bench = Bench(api, scale, replies, ReplyWatch(api))
    checks = []
    try:
        rolefit = bench.start("rolefit")
        bench.servers.append(rolefit)
        replies.write_text(json.dumps(rolefit_replies(api, rolefit.url, bench.signer)))
        if not only_memory:
            bench.servers.append(bench.start("bare"))
            await bench.warm_up()
            checks += await bench.slash_commands()
            checks += await bench.direct_messages()
            checks += await bench.bursts()
    finally:
        for server in bench.servers:
            server.stop()
        api.reset()
    checks += await bench.memory()
    if only_memory:
        return checks
    checks += bench.cold_starts()
    for server in itertools.chain(*bench.starts.values()):
        for text in server.logged:
            print(f"\n{server.name} logged:\n{text[-2000:]}")
    return checks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="one round of fewer requests")
    parser.add_argument(
        "--report",
        dest="check",
        action="store_false",
        help="print the figures and exit 0 whatever they are (the default)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--memory", action="store_true", help="the memory section alone")
    parser.set_defaults(check=False)  # else the first of the two, --report's, sets it
    parser.add_argument("--bare-server", metavar="REPLIES", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_server:
        run_bare_server(args.bare_server)
        return 0
    began = time.perf_counter()
    scale = QUICK if args.quick else FULL
    with FakeSlackApi() as api, tempfile.TemporaryDirectory() as scratch:
        replies = Path(scratch) / "replies.json"
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            checks = runner.run(measure(api, scale, replies, only_memory=args.memory))
    missed = [check.label for check in checks if not check.ok]
    print(
        f"\n{len(checks) - len(missed)} of {len(checks)} targets met"
        + (f"; missed: {'; '.join(missed)}" if missed else "")
        + f". Took {time.perf_counter() - began:.0f} s."
    )
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
