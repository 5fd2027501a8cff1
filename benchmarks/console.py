"""How fast `rolefit console` feels: command to first prompt, and Enter to the rendered answer.

Runs the real `rolefit console` on a pseudo-terminal (so it prompts and colours as for a person),
times the first prompt from process start, then types inputs one at a time and times each from
Enter to the end of RoleFit's rendered reply (the next prompt, which comes once the app is idle).
Targets: first prompt < 1.5 s and each answer < 100 ms, so the console feels instant.

    .venv/bin/python benchmarks/console.py            # 3 starts, 20 rounds of inputs
    .venv/bin/python benchmarks/console.py --quick    # 1 start, 3 rounds
"""

from __future__ import annotations

import argparse
import os
import pty
import re
import select
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROLEFIT = Path(sys.executable).with_name("rolefit")
# The chat prompt, a form question's prompt, or a form's "Enter submits" prompt.
PROMPT = re.compile(rb"(you in (DM|#[\w-]+)\x1b\[22m > |\n  > |\n> )$")
# One round: a DM, the slash command, a button on its answer, a mention in a channel, then the
# hiring questionnaire from the DM to its posted recommendation (each answer, each step's submit).
ROUND = [
    ("DM question", "who owns the product backlog?"),
    ("/rolefit help", "/rolefit help"),
    ("click a button", ":click Compare the roles"),
    ("go to #general", ":channel general"),
    ("@RoleFit mention", "@RoleFit who negotiates with suppliers?"),
    ("back to the DM", ":dm"),
    ("/rolefit hire", "/rolefit hire"),
    ("form answer", "1"),
    ("form answer", "1"),
    ("form step submit", ""),
    ("form answer", "2"),
    ("form step submit", "1"),
    ("form step submit", "14"),
    ("form step submit", ""),
    ("recommendation", ""),
]
FIRST_PROMPT_TARGET = 1.5
ANSWER_TARGET = 0.100


class Console:
    """`rolefit console` on a pty; read() collects output until the prompt returns."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        main, child = pty.openpty()
        self.fd = main
        self.process = subprocess.Popen(
            [str(ROLEFIT), "console"], stdin=child, stdout=child, stderr=child, close_fds=True
        )
        os.close(child)

    def until_prompt(self, timeout: float = 20.0) -> tuple[float, bytes]:
        """Seconds until the prompt appears, and what was printed before it."""
        output = b""
        deadline = time.perf_counter() + timeout
        while not PROMPT.search(output):
            left = deadline - time.perf_counter()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                raise TimeoutError(f"no prompt; got {output[-300:]!r}")
            output += os.read(self.fd, 65536)
        return time.perf_counter(), output

    def type(self, line: str) -> float:
        """Type a line, press Enter, and return seconds until the next prompt."""
        os.write(self.fd, line.encode() + b"\r")
        sent = time.perf_counter()
        done, _ = self.until_prompt()
        return done - sent

    def close(self) -> int:
        os.write(self.fd, b"\x04")  # Ctrl-D: end of input
        code = self.process.wait(timeout=20)
        os.close(self.fd)
        return code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer starts and rounds")
    args = parser.parse_args()
    starts, rounds = (1, 3) if args.quick else (3, 20)

    first_prompts: list[float] = []
    timings: dict[str, list[float]] = {label: [] for label, _ in ROUND}
    for start in range(starts):
        console = Console()
        ready, _ = console.until_prompt()
        first_prompts.append(ready - console.started)
        if start == 0:
            for _ in range(rounds):
                for label, line in ROUND:
                    timings[label].append(console.type(line))
        code = console.close()
        if code != 0:
            print(f"console exited with {code}", file=sys.stderr)
            return 1

    print(f"command to first prompt: {_summary(first_prompts)}  (target < {FIRST_PROMPT_TARGET} s)")
    print(
        f"Enter to rendered answer, over {rounds} rounds (target < {ANSWER_TARGET * 1000:.0f} ms):"
    )
    worst = 0.0
    for label, seconds in timings.items():
        p50 = statistics.median(seconds)
        worst = max(worst, p50)
        print(f"  {label:<18} p50 {p50 * 1000:6.1f} ms   max {max(seconds) * 1000:6.1f} ms")
    met = max(first_prompts) < FIRST_PROMPT_TARGET and worst < ANSWER_TARGET
    print("targets met (first prompt worst case, answers at p50)" if met else "targets MISSED")
    return 0


def _summary(seconds: list[float]) -> str:
    shown = ", ".join(f"{s:.2f}" for s in seconds)
    return f"{shown} s"


if __name__ == "__main__":
    sys.exit(main())
