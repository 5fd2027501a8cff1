"""RoleFit's matcher against a plain BM25 baseline, on the labelled dev, probe and holdout sets.

Run: `.venv/bin/python benchmarks/matcher.py`. Each system runs in fresh subprocesses (one timed,
one under tracemalloc) so load time and memory are its own, not the parent's. Prints one table:
accuracy overall and per class for each split, time per question, load time, peak memory, and the
wall time of a one-shot `rolefit ask`.

The baseline is deliberately plain: one BM25Okapi document per responsibility or neighbour (title
plus phrases, lowercase words, no stemming or synonyms), the top document's owners as the answer,
and "none" below a score threshold — the one knob, chosen on the dev split only.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPLITS = {
    "dev": ROOT / "tests" / "knowledge" / "data" / "questions_dev.yaml",
    "probe": ROOT / "tests" / "knowledge" / "data" / "questions_probe.yaml",
    "holdout": ROOT / "tests" / "knowledge" / "data" / "questions_holdout.yaml",
}
CLASSES = ("product-owner", "product-manager", "both", "none")
SYSTEMS = ("rolefit", "bm25")
ONE_SHOT_RUNS = 5

Predict = Callable[[str], str]


def load_split(name: str) -> list[tuple[str, str]]:
    """(question, expected class) pairs of one labelled split."""
    items = yaml.safe_load(SPLITS[name].read_text(encoding="utf-8"))
    return [(str(item["q"]), str(item["expect"])) for item in items]


def label(owners: list[str]) -> str:
    """The class a list of owners stands for."""
    if not owners:
        return "none"
    return "both" if len(owners) > 1 else owners[0]


def build_rolefit() -> tuple[Predict, dict[str, float]]:
    from knowledge import Matcher, load_knowledge

    started = time.perf_counter()
    kb = load_knowledge()
    loaded = time.perf_counter()
    matcher = Matcher(kb)
    built = time.perf_counter()

    def predict(question: str) -> str:
        return label(matcher.answer(question).owners)

    return predict, {"load_ms": (loaded - started) * 1e3, "build_ms": (built - loaded) * 1e3}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def build_bm25() -> tuple[Predict, dict[str, float]]:
    from rank_bm25 import BM25Okapi

    from knowledge import load_knowledge

    started = time.perf_counter()
    kb = load_knowledge()
    loaded = time.perf_counter()
    documents: list[list[str]] = []
    owners: list[list[str]] = []
    for responsibility in kb.responsibilities:
        documents.append(_words(" ".join([responsibility.title, *responsibility.phrases])))
        owners.append(list(responsibility.owners))
    for neighbour in kb.neighbours:
        documents.append(_words(" ".join([neighbour.title, *neighbour.phrases])))
        owners.append([])
    index = BM25Okapi(documents)
    built = time.perf_counter()

    def best(question: str) -> tuple[float, list[str]]:
        scores = index.get_scores(_words(question))
        top = int(scores.argmax())
        return float(scores[top]), owners[top]

    dev = [(best(q), expected) for q, expected in load_split("dev")]
    threshold = max(
        sorted({score for (score, _), _ in dev} | {0.0}),
        key=lambda t: sum((label(o) if s > t else "none") == expected for (s, o), expected in dev),
    )

    def predict(question: str) -> str:
        score, top_owners = best(question)
        return label(top_owners) if score > threshold else "none"

    return predict, {"load_ms": (loaded - started) * 1e3, "build_ms": (built - loaded) * 1e3}


BUILDERS: dict[str, Callable[[], tuple[Predict, dict[str, float]]]] = {
    "rolefit": build_rolefit,
    "bm25": build_bm25,
}


def measure(system: str, trace_memory: bool) -> dict[str, Any]:
    """Run inside a fresh process: build the system, answer every split, report the figures."""
    if trace_memory:
        tracemalloc.start()
    predict, build_times = BUILDERS[system]()
    report: dict[str, Any] = dict(build_times)
    timings: list[float] = []
    for split in SPLITS:
        counts = {name: [0, 0] for name in CLASSES}
        for question, expected in load_split(split):
            started = time.perf_counter()
            got = predict(question)
            timings.append(time.perf_counter() - started)
            counts[expected][1] += 1
            counts[expected][0] += got == expected
        report[split] = counts
    timings.sort()
    report["median_ms"] = statistics.median(timings) * 1e3
    report["p99_ms"] = timings[min(len(timings) - 1, int(len(timings) * 0.99))] * 1e3
    report["max_ms"] = timings[-1] * 1e3
    report["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if trace_memory:
        report["peak_traced_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    return report


def run_child(system: str, trace_memory: bool) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", system]
    if trace_memory:
        command.append("--trace-memory")
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def one_shot_wall_seconds() -> float:
    """Median wall time of `rolefit ask "…"` as a fresh process, start to exit."""
    script = Path(sys.executable).with_name("rolefit")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    walls = []
    for _ in range(ONE_SHOT_RUNS):
        started = time.perf_counter()
        subprocess.run([*command, "ask", "who owns backlog grooming?"], capture_output=True)
        walls.append(time.perf_counter() - started)
    return statistics.median(walls)


def percent(counts: list[int]) -> str:
    right, total = counts
    return f"{100 * right / total:5.1f}% ({right}/{total})" if total else "n/a"


def table(results: dict[str, dict[str, Any]], one_shot: float) -> str:
    rows: list[tuple[str, ...]] = [("", "RoleFit matcher", "BM25 baseline")]
    for split in SPLITS:
        for system_counts in [[results[s][split] for s in SYSTEMS]]:
            overall = [
                [sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())]
                for counts in system_counts
            ]
            rows.append((f"{split} overall", *(percent(o) for o in overall)))
            for name in CLASSES:
                rows.append((f"{split} {name}", *(percent(c[name]) for c in system_counts)))
    figures = [
        ("median per question", "median_ms", "{:.3f} ms"),
        ("p99 per question", "p99_ms", "{:.3f} ms"),
        ("slowest question", "max_ms", "{:.1f} ms"),
        ("knowledge load (YAML)", "load_ms", "{:.1f} ms"),
        ("index build", "build_ms", "{:.1f} ms"),
        ("peak memory (tracemalloc)", "peak_traced_mb", "{:.1f} MB"),
        ("peak RSS (whole process)", "max_rss_mb", "{:.1f} MB"),
    ]
    for title, key, shape in figures:
        rows.append((title, *(shape.format(results[s][key]) for s in SYSTEMS)))
    rows.append(("one-shot `rolefit ask` wall", f"{one_shot:.2f} s", "-"))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--child", choices=SYSTEMS, help=argparse.SUPPRESS)
    parser.add_argument("--trace-memory", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.trace_memory)))
        return
    results: dict[str, dict[str, Any]] = {}
    for system in SYSTEMS:
        timed = run_child(system, trace_memory=False)
        timed["peak_traced_mb"] = run_child(system, trace_memory=True)["peak_traced_mb"]
        results[system] = timed
    sizes = ", ".join(f"{len(load_split(s))} {s}" for s in SPLITS)
    print(f"RoleFit matcher vs BM25 — labelled questions: {sizes}\n")
    print(table(results, one_shot_wall_seconds()))


if __name__ == "__main__":
    main()
