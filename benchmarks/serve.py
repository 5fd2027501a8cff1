"""How fast `rolefit serve` answers Slack, next to a bare Bolt app served the same way, in one run.

Both apps run as real processes on uvicorn (uvloop, httptools) through bot.server, talking to a
Web API stand-in inside this process. The bare app only acknowledges `/rolefit` and answers every
DM with a fixed "ok", so the gap between the two rows is RoleFit's own work. Figures: requests/s,
p50/p99 latency and errors per concurrency level; for DMs, the time from sending the event to the
reply's chat.postMessage reaching the stand-in, and duplicate replies; cold start (process start
to the first 200 on /healthz) and peak memory (VmHWM) of each server process.

    .venv/bin/python benchmarks/serve.py            # the table and the targets
    .venv/bin/python benchmarks/serve.py --quick    # fewer requests, for a smoke run
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import aiohttp

from bot.sandbox import FakeSlackApi, RecordedCall, SignedRequest, SlackRequests
from bot.sandbox.live import TEST_BOT_TOKEN, TEST_SIGNING_SECRET, send

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "who owns the backlog"
LEVELS = {1: 300, 8: 1000, 32: 2000}
QUICK_LEVELS = {1: 50, 8: 200, 32: 400}
WARMUP_REQUESTS = 100
DM_REPLY_TIMEOUT_SECONDS = 5.0
ROUNDS = 3
DUPLICATE_GRACE_SECONDS = 0.5

# The targets RoleFit holds itself to.
SLASH_SHARE_OF_BARE = 0.80
SLASH_P99_MS_AT_32 = 50.0
DM_P99_MS_AT_32 = 100.0
COLD_START_SECONDS = 1.5
PEAK_MEMORY_MB = 150.0


@dataclass
class Server:
    """A server process: its URL, when it became healthy, and how to read its memory."""

    name: str
    process: subprocess.Popen[str]
    url: str
    cold_start: float
    stderr: IO[str]

    def peak_memory_mb(self) -> float:
        """VmHWM (peak resident set) from /proc, in MB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.stderr.close()


@dataclass
class Run:
    """One burst: latencies of the HTTP requests, errors, wall time, and DM arrival latencies."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    wall: float = 0.0
    arrivals: list[float] = field(default_factory=list)
    missing: int = 0
    duplicates: int = 0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.wall if self.wall else 0.0


def percentile(values: list[float], share: float) -> float:
    """The `share` quantile in milliseconds (nan when empty)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


# -- starting the servers -------------------------------------------------------------------


def start_server(name: str, command: list[str], api: FakeSlackApi) -> Server:
    """Start a server process and wait for its announcement and its first healthy answer."""
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": TEST_BOT_TOKEN,
        "SLACK_SIGNING_SECRET": TEST_SIGNING_SECRET,
        "SLACK_API_URL": api.base_url,
        "PYTHONUNBUFFERED": "1",
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
        time.sleep(0.005)
    return Server(name, process, url, time.perf_counter() - started, stderr)


def run_bare_server(with_reply: bool) -> None:
    """The baseline: Bolt's AsyncApp with nothing but an ack and a fixed DM reply. With
    `with_reply`, the ack carries RoleFit's own reply to QUESTION, built once at start: the cost of
    answering in the acknowledgement, without doing any of RoleFit's work."""
    from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncSay
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.server.guard import create_asgi_app
    from bot.server.runners import serve
    from bot.settings import SlackSettings, load_settings

    settings = load_settings(SlackSettings)
    os.environ.pop("SLACK_BOT_TOKEN")  # Bolt would read it too, and warn that `client` wins
    secret = settings.slack_signing_secret.get_secret_value()
    client = AsyncWebClient(
        token=settings.slack_bot_token.get_secret_value(), base_url=settings.slack_api_url
    )
    app = AsyncApp(client=client, signing_secret=secret, process_before_response=True)

    canned: dict[str, Any] = {}
    if with_reply:
        from bot.replies import Replies
        from knowledge import Matcher, load_knowledge
        from knowledge.dialogue.memory import RecentConversations

        kb = load_knowledge()
        canned = {
            "response_type": "ephemeral",
            **Replies(kb, Matcher(kb), RecentConversations())(QUESTION, "bare", shareable=True),
        }

    @app.command("/rolefit")
    async def acknowledge(ack: AsyncAck) -> None:
        await ack(**canned)

    @app.event("message")
    async def reply(say: AsyncSay) -> None:
        await say("ok")

    serve(create_asgi_app(app, signing_secret=secret), app, "127.0.0.1", 0, settings)


# -- firing requests ------------------------------------------------------------------------


async def post(session: aiohttp.ClientSession, url: str, request: SignedRequest) -> bool:
    """POST one signed request; True when the app answered 200."""
    try:
        async with session.post(
            f"{url}/slack/events", data=request.body, headers=request.headers
        ) as response:
            await response.read()
            return response.status == 200
    except aiohttp.ClientError:
        return False


async def fire_commands(url: str, requests: list[SignedRequest], concurrency: int) -> Run:
    """Send `requests` from `concurrency` workers, each awaiting its answer before the next."""
    run = Run()
    queue = iter(requests)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:

        async def worker() -> None:
            for request in queue:
                started = time.perf_counter()
                ok = await post(session, url, request)
                run.latencies.append(time.perf_counter() - started)
                run.errors += not ok

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        run.wall = time.perf_counter() - began
    return run


class ReplyWatch:
    """Futures resolved (on this loop) when the stand-in receives a post to a given channel."""

    def __init__(self, api: FakeSlackApi) -> None:
        self._loop = asyncio.get_running_loop()
        self._waiting: dict[str, asyncio.Future[float]] = {}
        self.posts: Counter[str] = Counter()
        api.subscribe(self._heard)

    def expect(self, channel: str) -> asyncio.Future[float]:
        future: asyncio.Future[float] = self._loop.create_future()
        self._waiting[channel] = future
        return future

    def _heard(self, call: RecordedCall) -> None:  # runs on the stand-in's thread
        if call.method != "chat.postMessage":
            return
        channel = str(call.body.get("channel"))
        self.posts[channel] += 1
        future = self._waiting.get(channel)
        if future is not None:
            self._loop.call_soon_threadsafe(_resolve, future, call.received_at)


def _resolve(future: asyncio.Future[float], received_at: float) -> None:
    if not future.done():
        future.set_result(received_at)


async def converse(api: FakeSlackApi, url: str, dms: list[SignedRequest], concurrency: int) -> Run:
    """`concurrency` users at once, each sending a DM and waiting for the reply to reach Slack."""
    run = Run()
    watch = ReplyWatch(api)
    channels = [dm_channel(dm) for dm in dms]
    queue = iter(zip(dms, channels, strict=True))
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:

        async def worker() -> None:
            for dm, channel in queue:
                reply = watch.expect(channel)
                started = time.perf_counter()
                ok = await post(session, url, dm)
                run.latencies.append(time.perf_counter() - started)
                run.errors += not ok
                try:
                    run.arrivals.append(
                        await asyncio.wait_for(reply, DM_REPLY_TIMEOUT_SECONDS) - started
                    )
                except TimeoutError:
                    run.missing += 1

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        run.wall = time.perf_counter() - began
        await asyncio.sleep(DUPLICATE_GRACE_SECONDS)  # a retried or doubled reply lands late
    run.duplicates = sum(max(0, watch.posts[channel] - 1) for channel in channels)
    return run


def dm_channel(dm: SignedRequest) -> str:
    envelope = json.loads(dm.body)
    return str(envelope["event"]["channel"])


def slash_commands(signer: SlackRequests, count: int) -> list[SignedRequest]:
    return [signer.slash_command(QUESTION, user_id=f"U_BENCH{i}") for i in range(count)]


def direct_messages(signer: SlackRequests, tag: str, count: int) -> list[SignedRequest]:
    """DMs from distinct users, so each reply's channel says which request it answers."""
    return [signer.dm(f"{QUESTION}?", user_id=f"U_{tag}_{i}") for i in range(count)]


def median_run(runs: list[Run]) -> Run:
    """The run with the median throughput: one noisy neighbour on a shared machine moves less."""
    return sorted(runs, key=lambda run: run.rate)[len(runs) // 2]


# -- the report -----------------------------------------------------------------------------


def slash_row(name: str, concurrency: int, run: Run) -> str:
    return (
        f"{name:<10} {concurrency:>4} {len(run.latencies):>8} {run.rate:>8.0f} "
        f"{percentile(run.latencies, 0.5):>7.1f} {percentile(run.latencies, 0.99):>7.1f} "
        f"{run.errors:>6}"
    )


def dm_row(name: str, concurrency: int, run: Run) -> str:
    return (
        f"{slash_row(name, concurrency, run)} {percentile(run.arrivals, 0.5):>9.1f} "
        f"{percentile(run.arrivals, 0.99):>9.1f} {run.missing:>7} {run.duplicates:>5}"
    )


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer requests (smoke run)")
    parser.add_argument("--bare-server", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--with-reply", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_server:
        run_bare_server(args.with_reply)
        return 0
    levels = QUICK_LEVELS if args.quick else LEVELS
    rolefit_command = [str(Path(sys.executable).with_name("rolefit")), "serve"]
    bare_command = [sys.executable, str(Path(__file__).resolve()), "--bare-server"]
    with FakeSlackApi() as api:
        servers = [
            start_server("rolefit", [*rolefit_command, "--host", "127.0.0.1", "--port", "0"], api),
            start_server("bare", bare_command, api),
            start_server("bare+reply", [*bare_command, "--with-reply"], api),
        ]
        try:
            return report(api, servers, levels)
        finally:
            for server in servers:
                server.stop()


def report(api: FakeSlackApi, servers: list[Server], levels: dict[int, int]) -> int:
    signer = SlackRequests(TEST_SIGNING_SECRET)
    for server in servers:  # warm up: imports, auth.test, first connections
        asyncio.run(fire_commands(server.url, slash_commands(signer, WARMUP_REQUESTS), 8))
        dms = direct_messages(signer, f"WARM_{server.name}", WARMUP_REQUESTS // 4)
        asyncio.run(converse(api, server.url, dms, 8))

    print(f"Slash commands: signed `/rolefit {QUESTION}`, answered in the acknowledgement")
    print(
        f"(median of {ROUNDS} rounds per row, the apps alternating; bare+reply acks with RoleFit's"
    )
    print("reply to that question, built once: the cost of the answer itself, without the work)")
    print(
        f"{'app':<10} {'conc':>4} {'requests':>8} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} errors"
    )
    slash: dict[tuple[str, int], Run] = {}
    for concurrency, count in levels.items():
        rounds: dict[str, list[Run]] = {server.name: [] for server in servers}
        for _ in range(ROUNDS):
            for server in servers:
                commands = slash_commands(signer, count)
                rounds[server.name].append(
                    asyncio.run(fire_commands(server.url, commands, concurrency))
                )
        for server in servers:
            slash[server.name, concurrency] = median_run(rounds[server.name])
            print(slash_row(server.name, concurrency, slash[server.name, concurrency]))

    print("\nDirect messages: each user sends a DM and waits for the reply to reach the stand-in")
    print(
        f"{'app':<10} {'conc':>4} {'requests':>8} {'DMs/s':>8} {'p50 ms':>7} {'p99 ms':>7} errors "
        f"{'reply p50':>9} {'reply p99':>9} missing dupes"
    )
    dm_runs: dict[tuple[str, int], Run] = {}
    for concurrency, count in levels.items():
        for server in servers:
            tag = f"{server.name.upper()}{concurrency}"
            dms = direct_messages(signer, tag, count // 2)
            run = asyncio.run(converse(api, server.url, dms, concurrency))
            dm_runs[server.name, concurrency] = run
            print(dm_row(server.name, concurrency, run))

    print(f"\n{'process':<10} {'cold start s':>12} {'peak MB':>8}")
    memory = {server.name: server.peak_memory_mb() for server in servers}
    for server in servers:
        print(f"{server.name:<10} {server.cold_start:>12.2f} {memory[server.name]:>8.1f}")

    top = max(levels)
    rolefit, bare = slash["rolefit", top], slash["bare", top]
    dm = dm_runs["rolefit", top]
    cold = next(server.cold_start for server in servers if server.name == "rolefit")
    our_dms = [run for (app, _), run in dm_runs.items() if app == "rolefit"]
    our_runs = [*our_dms, *(run for (app, _), run in slash.items() if app == "rolefit")]
    checks = [
        (
            f"slash req/s at c={top} >= {SLASH_SHARE_OF_BARE:.0%} of bare",
            rolefit.rate >= SLASH_SHARE_OF_BARE * bare.rate,
            f"{rolefit.rate / bare.rate:.0%}",
        ),
        (
            f"slash p99 at c={top} < {SLASH_P99_MS_AT_32:.0f} ms",
            percentile(rolefit.latencies, 0.99) < SLASH_P99_MS_AT_32,
            f"{percentile(rolefit.latencies, 0.99):.1f} ms",
        ),
        (
            "zero errors (slash and DM, every level)",
            not any(run.errors for run in our_runs),
            "",
        ),
        (
            f"DM reply p99 at c={top} < {DM_P99_MS_AT_32:.0f} ms",
            percentile(dm.arrivals, 0.99) < DM_P99_MS_AT_32,
            f"{percentile(dm.arrivals, 0.99):.1f} ms",
        ),
        (
            "every DM answered once",
            not any(run.missing or run.duplicates for run in our_dms),
            "",
        ),
        (f"cold start < {COLD_START_SECONDS} s", cold < COLD_START_SECONDS, f"{cold:.2f} s"),
        (
            f"peak memory < {PEAK_MEMORY_MB:.0f} MB",
            memory["rolefit"] < PEAK_MEMORY_MB,
            f"{memory['rolefit']:.1f} MB",
        ),
    ]
    with_reply = slash["bare+reply", top]
    print(
        f"\nFor context: at c={top} RoleFit runs at {rolefit.rate / with_reply.rate:.0%} of a "
        "bare app sending the same reply, which itself runs at "
        f"{with_reply.rate / bare.rate:.0%} of an empty acknowledgement."
    )
    print("\nTargets (rolefit)")
    for label, ok, figure in checks:
        print(f"  {verdict(ok)}  {label}  {figure}".rstrip())
    for server in servers:
        server.stderr.seek(0)
        logged = server.stderr.read().strip()
        if logged:
            print(f"\n{server.name} logged:\n{logged[-2000:]}")
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
