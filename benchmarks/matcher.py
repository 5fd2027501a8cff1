"""RoleFit's matcher against a plain BM25 baseline (rank-bm25), at 1x and 10x knowledge.

Run: `.venv/bin/python benchmarks/matcher.py` (`--rounds N`, default 5). Every figure comes from
fresh subprocesses, one per system, size and round, so load, build and first-question times are
each process's own; memory comes from one more process per system and size, under tracemalloc.
Cells read `median [min-max]` over the rounds: the spread is the machine's noise.

- 10x knowledge: the benchmark writes overlays with 9 copies of every responsibility, neighbour,
  unsettled piece of work and unrelated topic, under new ids, each phrase reworded (a synonym
  swapped for another of its group, two words swapped in every third phrase, one phrase in four
  set in a context of the copy's own: "for the mobile app", "across emea"), and loads them like
  any overlay.
- Per new question: every labelled question (all five sets) asked once per process, in a shuffled
  order, so nothing is answered from a memory of the whole question. Wall time (perf_counter) is
  what a person waits; CPU time (thread_time) leaves out other processes on a shared machine.
- A 4,000-character message: a rambling Slack message (knowledge words, everyday words, typos,
  made-up words; new words every time) and a hostile one (4,000 characters of distinct made-up
  words, each a typo search), each new to the process.
- First question after build: a question with a word no one has typed before.
- Index from the disk cache: what a start spends when knowledge.index_cache finds the index kept
  by an earlier one (same knowledge and code): key, read and unpickling, instead of the build.
- Accuracy: every labelled set, RoleFit beside BM25. The holdout sets are only measured here.

The baseline is deliberately plain: one BM25Okapi document per responsibility or neighbour (title
plus phrases, lowercase words, no stemming or synonyms), the top document's owners as the answer,
and "none" below a score threshold, the one knob, chosen on the first dev set only.

Two more modes compare answers before and after a change to the matcher:
    benchmarks/matcher.py --answers FILE [--size 10]  # every labelled answer, as JSON
    benchmarks/matcher.py --compare OLD NEW           # which answers differ between two files
Run `--answers` against older code with PYTHONPATH pointing at that code's checkout.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import re
import resource
import statistics
import string
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "knowledge" / "data"
EVAL_SETS = {
    "questions_dev": DATA / "questions_dev.yaml",
    "questions_probe": DATA / "questions_probe.yaml",
    "questions_holdout": DATA / "questions_holdout.yaml",
    "ownership_hard_dev": DATA / "ownership_hard_dev.yaml",
    "ownership_hard_holdout": DATA / "ownership_hard_holdout.yaml",
}
TUNING_SET = "questions_dev"  # BM25's one threshold is chosen here, never on a holdout
CLASSES = ("product-owner", "product-manager", "both", "none")
SYSTEMS = ("rolefit", "bm25")
SIZES = (1, 10)
COPIES = 9  # 10x knowledge: the built-in entries plus nine varied copies of each
LONG_CHARACTERS = 4000
LONG_MESSAGES = 5  # per process; each one new
FIRST_QUESTION = "who grooms the backlgo for the zorblaxian relaunch?"
ONE_SHOT_RUNS = 5
TARGET_P99_MS = 1.0
TARGET_BUILD_MS = {1: 100.0, 10: 300.0}

Predict = Callable[[str], str]
Built = tuple[Predict, dict[str, float]]


def load_set(name: str) -> list[tuple[str, str]]:
    """(question, expected class) pairs of one labelled set."""
    items = yaml.safe_load(EVAL_SETS[name].read_text(encoding="utf-8"))
    return [(str(item["q"]), str(item["expect"])) for item in items]


def label(owners: list[str]) -> str:
    """The class a list of owners stands for."""
    if not owners:
        return "none"
    return "both" if len(owners) > 1 else owners[0]


# Ways a copy words a phrase differently: a qualifier in front or behind, known words and new.
QUALIFIERS = (
    "for the mobile app",
    "across emea",
    "for enterprise clients",
    "in the apac region",
    "for the web shop",
    "for wholesale partners",
    "on the subscription tier",
    "for the kiosk hardware",
    "in latam",
    "for the loyalty programme",
    "at checkout",
    "for the franchise stores",
    "on the marketplace listing",
    "for firmware releases",
    "in the retail channel",
    "for the b2b portal",
    "this fiscal year",
    "for the premium bundle",
)


def _alternatives(kb: Any) -> dict[str, list[str]]:
    """Each one-word synonym the knowledge base knows → the one-word synonyms of its group."""
    groups: dict[str, list[str]] = {}
    for concept, variants in kb.language.synonyms.items():
        words = sorted({w for w in [concept, *variants] if " " not in w and "-" not in w})
        for word in words:
            groups[word] = words
    return groups


def _vary(text: str, copy: int, index: int, alternatives: dict[str, list[str]]) -> str:
    """One phrase as copy number `copy` words it: synonyms swapped for others of their group,
    two words swapped in every third phrase, and one phrase in four set in the copy's own
    context (a product line or a region)."""
    words = text.split()
    for at, word in enumerate(words):
        group = alternatives.get(word.lower())
        if group:
            words[at] = group[(copy + index + at) % len(group)]
    if (copy + index) % 3 == 2 and len(words) > 2:
        words[0], words[1] = words[1], words[0]
    varied = " ".join(words)
    if (copy + index) % 4:
        return varied
    qualifier = QUALIFIERS[(2 * copy + index % 2) % len(QUALIFIERS)]
    return f"{qualifier} {varied}" if index % 2 else f"{varied} {qualifier}"


def write_overlay(kb: Any, folder: Path) -> list[Path]:
    """Nine varied copies of every entry the matcher reads, one overlay file per copy."""
    alternatives = _alternatives(kb)
    paths = []
    for copy in range(1, COPIES + 1):

        def copied(entry: Any, keep: tuple[str, ...], copy: int = copy) -> dict[str, Any]:
            fields: dict[str, Any] = {"id": f"{entry.id}-copy{copy}"}
            fields["title"] = _vary(entry.title, copy, 0, alternatives)
            fields.update({name: getattr(entry, name) for name in keep})
            fields["phrases"] = [
                _vary(p, copy, i + 1, alternatives) for i, p in enumerate(entry.phrases)
            ]
            inferred = getattr(entry, "inferred", None)
            if inferred is not None:  # numbered on from the phrases, as if they followed them
                first = len(entry.phrases) + 1
                fields["inferred"] = {
                    "why": inferred.why,
                    "phrases": [
                        _vary(p, copy, first + i, alternatives)
                        for i, p in enumerate(inferred.phrases)
                    ],
                }
            return fields

        overlay = {
            "responsibilities": [
                copied(r, ("owners", "section", "why")) for r in kb.responsibilities
            ],
            "neighbours": [copied(n, ("owner", "section", "why")) for n in kb.neighbours],
            "unsettled": [copied(u, ("usually", "why")) for u in getattr(kb, "unsettled", [])],
            "unrelated": [copied(u, ("owner",)) for u in kb.unrelated],
        }
        path = folder / f"copies-{copy}.yaml"
        path.write_text(yaml.safe_dump({k: v for k, v in overlay.items() if v}), encoding="utf-8")
        paths.append(path)
    return paths


def load_sized(size: int) -> Any:
    from knowledge import load_knowledge

    if size == 1:
        return load_knowledge()
    with tempfile.TemporaryDirectory() as folder:
        return load_knowledge(write_overlay(load_knowledge(), Path(folder)))


def build_rolefit(kb: Any) -> Built:
    from knowledge import Matcher

    started = time.perf_counter()
    matcher = Matcher(kb)
    built = time.perf_counter()

    def predict(question: str) -> str:
        return label(matcher.answer(question).owners)

    return predict, {"build_ms": (built - started) * 1e3}


def load_from_cache_ms(kb: Any) -> float:
    """What a start that finds the index on disk spends on it (knowledge.index_cache): the key,
    the read and the unpickling, in a new folder the index was just kept in."""
    from knowledge import index_cache
    from knowledge.index_cache import matcher_for

    with tempfile.TemporaryDirectory() as folder:
        matcher_for(kb, Path(folder))  # built and kept
        index_cache._code_fingerprint.cache_clear()  # a start works it out once: counted here
        started = time.perf_counter()
        matcher_for(kb, Path(folder))
        return (time.perf_counter() - started) * 1e3


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def build_bm25(kb: Any) -> Built:
    from rank_bm25 import BM25Okapi

    from knowledge.matcher import phrases_of

    started = time.perf_counter()
    documents: list[list[str]] = []
    owners: list[list[str]] = []
    for responsibility in kb.responsibilities:
        documents.append(_words(" ".join([responsibility.title, *phrases_of(responsibility)])))
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

    tuning = [(best(q), expected) for q, expected in load_set(TUNING_SET)]
    threshold = max(
        sorted({score for (score, _), _ in tuning} | {0.0}),
        key=lambda t: sum((label(o) if s > t else "none") == e for (s, o), e in tuning),
    )

    def predict(question: str) -> str:
        score, top_owners = best(question)
        return label(top_owners) if score > threshold else "none"

    return predict, {"build_ms": (built - started) * 1e3}


BUILDERS: dict[str, Callable[[Any], Built]] = {"rolefit": build_rolefit, "bm25": build_bm25}

EVERYDAY = (
    "so anyway the thing is we have been talking about this for weeks and honestly nobody seems "
    "to agree on much last time it came up in the meeting people just shrugged and moved on "
    "which is fine but also not great when the deadline is close and the client keeps emailing"
)


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 11)))


def _typo(word: str, rng: random.Random) -> str:
    at = rng.randrange(len(word))
    return word[:at] + rng.choice(string.ascii_lowercase) + word[at + 1 :]


def long_message(kb: Any, seed: int) -> str:
    """A rambling 4,000-character Slack message with one real ask in it; new words each seed."""
    rng = random.Random(seed)
    everyday = EVERYDAY.split()
    from knowledge.matcher import phrases_of

    known = sorted({w for r in kb.responsibilities for p in phrases_of(r) for w in _words(p)})
    ask = "who should own the quarterly competitor analysis and the pricing review?"
    pieces: list[str] = []
    while sum(len(p) + 1 for p in pieces) < LONG_CHARACTERS - len(ask) - 2:
        roll = rng.random()
        word = rng.choice(known)
        if roll < 0.35:
            pieces.append(word)
        elif roll < 0.7:
            pieces.append(rng.choice(everyday))
        elif roll < 0.85:
            pieces.append(_typo(word, rng) if len(word) > 4 else word)
        else:
            pieces.append(_made_up(rng))
        if rng.random() < 0.08:
            pieces[-1] += rng.choice(",.;!?")
    middle = len(pieces) // 2
    pieces.insert(middle, ask)
    return " ".join(pieces)[:LONG_CHARACTERS]


def hostile_message(seed: int) -> str:
    """4,000 characters of distinct made-up words: every one a typo search for a naive reader."""
    rng = random.Random(seed)
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < LONG_CHARACTERS:
        words.append(_made_up(rng))
    return " ".join(words)[:LONG_CHARACTERS]


def _timed(predict: Predict, text: str) -> tuple[float, float]:
    """(wall ms, CPU ms) of one answer."""
    wall, cpu = time.perf_counter(), time.thread_time()
    predict(text)
    return (time.perf_counter() - wall) * 1e3, (time.thread_time() - cpu) * 1e3


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def measure(system: str, size: int, round_number: int, trace_memory: bool) -> dict[str, Any]:
    """Run inside a fresh process: build the system, answer everything, report the figures."""
    if trace_memory:
        tracemalloc.start()
    started = time.perf_counter()
    kb = load_sized(size)
    report: dict[str, Any] = {"load_ms": (time.perf_counter() - started) * 1e3}
    report["entries"] = len(kb.responsibilities) + len(kb.neighbours) + len(kb.unrelated)
    report["phrases"] = sum(
        len(e.phrases) + 1 for e in [*kb.responsibilities, *kb.neighbours, *kb.unrelated]
    )
    long_texts = [long_message(kb, 1000 * round_number + n) for n in range(LONG_MESSAGES)]
    hostile_texts = [hostile_message(1000 * round_number + n) for n in range(LONG_MESSAGES)]
    predict, build_times = BUILDERS[system](kb)
    report.update(build_times)
    report["first_ms"] = _timed(predict, FIRST_QUESTION)[0]
    questions = [(s, q, e) for s in EVAL_SETS for q, e in load_set(s)]
    random.Random(round_number).shuffle(questions)
    walls, cpus = [], []
    counts = {s: {c: [0, 0] for c in CLASSES} for s in EVAL_SETS}
    for split, question, expected in questions:
        wall, cpu = time.perf_counter(), time.thread_time()
        got = predict(question)
        cpus.append((time.thread_time() - cpu) * 1e3)
        walls.append((time.perf_counter() - wall) * 1e3)
        counts[split][expected][1] += 1
        counts[split][expected][0] += got == expected
    report["accuracy"] = counts
    report["median_ms"] = statistics.median(walls)
    report["p99_ms"] = _p99(walls)
    report["cpu_median_ms"] = statistics.median(cpus)
    report["cpu_p99_ms"] = _p99(cpus)
    report["max_ms"] = max(walls)
    report["long_ms"] = statistics.median(_timed(predict, t)[1] for t in long_texts)
    report["hostile_ms"] = statistics.median(_timed(predict, t)[1] for t in hostile_texts)
    if system == "rolefit" and not trace_memory:  # the memory runs measure the build alone
        report["cached_ms"] = load_from_cache_ms(kb)
    if system == "rolefit":
        from knowledge import text

        load_words = getattr(text.common_english_words, "__wrapped__", None)
        if load_words is not None:
            gc.collect()
            started = time.perf_counter()
            load_words()
            report["common_words_ms"] = (time.perf_counter() - started) * 1e3
    report["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if trace_memory:
        report["peak_traced_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    return report


def run_child(system: str, size: int, round_number: int, trace_memory: bool) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", system, str(size), str(round_number)]
    if trace_memory:
        command.append("--trace-memory")
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def one_shot_wall_seconds() -> float:
    """Median wall time of `rolefit ask "…"` as a fresh process, start to exit, with the index
    kept in a folder of this run's (the first run builds it, the rest load it)."""
    script = Path(sys.executable).with_name("rolefit")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]
    walls = []
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "ROLEFIT_INDEX_CACHE": folder}
        for _ in range(ONE_SHOT_RUNS):
            started = time.perf_counter()
            subprocess.run(
                [*command, "ask", "who owns backlog grooming?"], capture_output=True, env=env
            )
            walls.append(time.perf_counter() - started)
    return statistics.median(walls)


def percent(counts: list[int]) -> str:
    right, total = counts
    return f"{100 * right / total:5.1f}% ({right}/{total})" if total else "n/a"


def render(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def spread(values: list[float], shape: str) -> str:
    middle = shape.format(statistics.median(values))
    if len(values) == 1:
        return middle
    return f"{middle} [{shape.format(min(values))}-{shape.format(max(values))}]"


COLUMNS = [(system, size) for size in SIZES for system in SYSTEMS]
NAMES = {"rolefit": "RoleFit", "bm25": "BM25"}


def speed_table(results: dict[tuple[str, int], list[dict[str, Any]]]) -> str:
    header = ("", *(f"{NAMES[s]} {n}x" for s, n in COLUMNS))
    rows: list[tuple[str, ...]] = [header]
    rows.append(
        (
            "entries / phrasings",
            *(f"{results[c][0]['entries']} / {results[c][0]['phrases']}" for c in COLUMNS),
        )
    )
    figures = [
        ("per question, median (wall)", "median_ms", "{:.3f}"),
        ("per question, p99 (wall)", "p99_ms", "{:.3f}"),
        ("per question, median (CPU)", "cpu_median_ms", "{:.3f}"),
        ("per question, p99 (CPU)", "cpu_p99_ms", "{:.3f}"),
        ("slowest question (wall)", "max_ms", "{:.2f}"),
        ("4,000-char rambling message (CPU)", "long_ms", "{:.2f}"),
        ("4,000-char made-up words (CPU)", "hostile_ms", "{:.2f}"),
        ("first question after build", "first_ms", "{:.2f}"),
        ("knowledge load (YAML)", "load_ms", "{:.1f}"),
        ("index build", "build_ms", "{:.1f}"),
        ("index from the disk cache", "cached_ms", "{:.1f}"),
        ("common-word list load (alone)", "common_words_ms", "{:.1f}"),
        ("peak memory, tracemalloc (MB)", "peak_traced_mb", "{:.1f}"),
        ("peak RSS, whole process (MB)", "max_rss_mb", "{:.1f}"),
    ]
    for title, key, shape in figures:
        cells = []
        for column in COLUMNS:
            values = [r[key] for r in results[column] if key in r]
            cells.append(spread(values, shape) if values else "-")
        unit = "" if title.endswith("(MB)") else " (ms)"
        rows.append((title + unit, *cells))
    return render(rows)


def accuracy_table(results: dict[tuple[str, int], list[dict[str, Any]]]) -> str:
    rows: list[tuple[str, ...]] = [("", *(f"{NAMES[s]} {n}x" for s, n in COLUMNS))]
    for split in EVAL_SETS:
        counts = [results[c][0]["accuracy"][split] for c in COLUMNS]
        overall = [[sum(v[0] for v in c.values()), sum(v[1] for v in c.values())] for c in counts]
        rows.append((f"{split} overall", *(percent(o) for o in overall)))
        for name in CLASSES:
            rows.append((f"  {name}", *(percent(c[name]) for c in counts)))
    return render(rows)


def targets(results: dict[tuple[str, int], list[dict[str, Any]]]) -> list[str]:
    lines = []
    for size in SIZES:
        ours = results[("rolefit", size)]
        theirs = results[("bm25", size)]
        median = statistics.median(r["median_ms"] for r in ours)
        baseline = statistics.median(r["median_ms"] for r in theirs)
        p99 = statistics.median(r["p99_ms"] for r in ours)
        build = statistics.median(r["build_ms"] for r in ours)
        cached = statistics.median(r["cached_ms"] for r in ours if "cached_ms" in r)
        lines += [
            f"{size}x: RoleFit ≤ BM25 per question: {median:.3f} vs {baseline:.3f} ms "
            f"{'met' if median <= baseline else 'MISSED'}",
            f"{size}x: p99 < {TARGET_P99_MS:.0f} ms: {p99:.3f} ms "
            f"{'met' if p99 < TARGET_P99_MS else 'MISSED'}",
            f"{size}x: build < {TARGET_BUILD_MS[size]:.0f} ms: {build:.1f} ms "
            f"{'met' if build < TARGET_BUILD_MS[size] else 'MISSED'} when built; {cached:.1f} ms "
            f"{'met' if cached < TARGET_BUILD_MS[size] else 'MISSED'} from the disk cache "
            "(every start after the first with the same knowledge and code)",
        ]
    return lines


def answers(size: int) -> dict[str, list[dict[str, Any]]]:
    """Every labelled question's answer at 1x or 10x knowledge: what `--compare` compares."""
    from knowledge import Matcher

    matcher = Matcher(load_sized(size))
    dumped: dict[str, list[dict[str, Any]]] = {}
    for split in EVAL_SETS:
        dumped[split] = []
        for question, _ in load_set(split):
            answer = matcher.answer(question)
            dumped[split].append(
                {
                    "q": question,
                    "owners": answer.owners,
                    "responsibility": answer.responsibility.id if answer.responsibility else None,
                    "confidence": answer.confidence,
                    "outside_owner": answer.outside_owner,
                    "settled": answer.settled,
                    "alternatives": [(a.id, a.confidence) for a in answer.alternatives],
                    "explanation": answer.explanation,
                }
            )
    return dumped


def compare(old_path: Path, new_path: Path) -> int:
    """Print every answer that differs; 1 if any owners, responsibility or confidence does."""
    old = json.loads(old_path.read_text(encoding="utf-8"))
    new = json.loads(new_path.read_text(encoding="utf-8"))
    core = ("owners", "responsibility", "confidence")
    worst = 0
    for split in EVAL_SETS:
        changed = {"core": 0, "other": 0}
        for before, after in zip(old[split], new[split], strict=True):
            diff = [k for k in before if before[k] != after[k]]
            if not diff:
                continue
            kind = "core" if set(diff) & set(core) else "other"
            changed[kind] += 1
            worst = max(worst, kind == "core")
            print(f"{split}: {before['q']!r}")
            for key in diff:
                print(f"    {key}: {before[key]!r} → {after[key]!r}")
        total = len(old[split])
        print(
            f"{split}: {total} answers; {changed['core']} differ in owners, responsibility or "
            f"confidence; {changed['other']} only in alternatives or wording"
        )
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5, help="fresh processes per figure")
    parser.add_argument("--answers", type=Path, help="write every labelled answer to this file")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("OLD", "NEW"))
    parser.add_argument(
        "--size", type=int, choices=SIZES, default=1, help="knowledge for --answers"
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--trace-memory", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        system, size, round_number = args.child
        print(json.dumps(measure(system, int(size), int(round_number), args.trace_memory)))
        return
    if args.answers:
        args.answers.write_text(json.dumps(answers(args.size), indent=1), encoding="utf-8")
        return
    if args.compare:
        sys.exit(compare(*args.compare))
    from knowledge import __file__ as knowledge_file

    load = os.getloadavg()
    print(f"RoleFit matcher vs BM25 (rank-bm25), {args.rounds} rounds of fresh processes")
    print(f"code: {Path(knowledge_file).parent}; Python {platform.python_version()}; ", end="")
    print(f"{os.cpu_count()} cores; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    sizes = ", ".join(f"{len(load_set(s))} {s}" for s in EVAL_SETS)
    print(f"labelled questions: {sizes}\n")
    results: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for size in SIZES:
        for system in SYSTEMS:
            runs = [run_child(system, size, n, trace_memory=False) for n in range(args.rounds)]
            traced = run_child(system, size, 0, trace_memory=True)
            runs[0]["peak_traced_mb"] = traced["peak_traced_mb"]
            results[(system, size)] = runs
    print("Speed and memory (median [min-max] over rounds)\n")
    print(speed_table(results))
    print(f"\none-shot `rolefit ask` wall (1x): {one_shot_wall_seconds():.2f} s")
    print("\nAccuracy (identical in every round)\n")
    print(accuracy_table(results))
    print("\nTargets")
    print("\n".join(targets(results)))


if __name__ == "__main__":
    main()
