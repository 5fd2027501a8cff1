"""How well RoleFit holds a conversation, next to earlier readers, on sets written by someone who
never saw the code (tests/knowledge/data/LABELLING.md). Prints, per set:

- intent accuracy per intent and overall: RoleFit (rules, then the intent scorer), the rules
  alone (the reader before the scorer), and the old `/rolefit` reader (help, roles, hire or "a
  question");
- hiring: the right recommendation, or asking back when the facts are missing;
- follow-ups resolved (right intent and right answer, using the previous turn);
- ownership owners on the conversation sets, the old holdout and the hard sets;
- messages listing several pieces of work, each piece's role, beside BM25's one answer;
- on the questions the article does not settle: the share answered "clearly" with a role;
- the time one chat turn takes in process (p50, p99).

Run: `python benchmarks/conversation.py` (add `--dev` to include the tunable dev splits).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from knowledge import Matcher, load_knowledge
from knowledge.confidence import CLEARLY
from knowledge.dialogue import Chat, Memory, Reply
from knowledge.dialogue.training import dev_sets

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "knowledge" / "data"
ROLES = ("product-owner", "product-manager")
OWNERS = {
    "product-owner": ["product-owner"],
    "product-manager": ["product-manager"],
    "both": list(ROLES),
    "none": [],
}
# Rounds of the chat-turn timing: the spread of their medians shows the machine's noise.
ROUNDS = 5
INTENTS = (
    "ownership",
    "compare",
    "hire",
    "combine",
    "concept",
    "smalltalk",
    "help",
    "feedback",
    "off-topic",
)


def load(name: str) -> list[Any]:
    data: list[Any] = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return data


def old_intent(text: str) -> str:
    """What the `/rolefit` reader before the conversation layer made of a message."""
    from bot.intent import Intent, read

    return {
        Intent.HELP: "help",
        Intent.ROLES: "compare",
        Intent.HIRE: "hire",
        Intent.QUESTION: "ownership",
    }[read(text).intent]


def turn_right(turn: dict[str, Any], reply: Reply) -> bool:
    """The turn's whole answer is right: intent, and owners / recommendation where labelled."""
    if reply.intent != turn["intent"]:
        return False
    if turn["intent"] == "ownership" and "owners" in turn:
        return sorted(reply.owners or []) == sorted(OWNERS[turn["owners"]])
    if turn["intent"] == "hire":
        expected = turn["recommendation"]
        if expected == "ask":
            return bool(reply.asks) and reply.recommendation is None
        return reply.recommendation is not None and reply.recommendation.recommendation == expected
    return True


def score_conversations(chat: Chat, conversations: list[Any]) -> dict[str, Any]:
    intents: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    old: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    hire = [0, 0]
    follow = [0, 0]
    owners = [0, 0]
    misses: list[str] = []
    for conversation in conversations:
        memory: Memory | None = None
        for turn in conversation["turns"]:
            reply = chat.reply(turn["text"], memory)
            memory = reply.memory
            want = turn["intent"]
            for table, got in ((intents, reply.intent), (old, old_intent(turn["text"]))):
                table[want][1] += 1
                table[want][0] += got == want
            right = turn_right(turn, reply)
            if want == "hire":
                hire[1] += 1
                hire[0] += right
            if want == "ownership" and "owners" in turn:
                owners[1] += 1
                owners[0] += right
            if turn.get("follow_up"):
                follow[1] += 1
                follow[0] += right
            if not right:
                misses.append(
                    f"{conversation['id']}: {turn['text'][:90]!r} want {want}"
                    f"{'/' + str(turn.get('owners') or turn.get('recommendation') or '')}"
                    f" got {reply.intent}/{outcome(reply)}"
                )
    return {
        "intents": intents,
        "old": old,
        "hire": hire,
        "follow": follow,
        "owners": owners,
        "misses": misses,
    }


def outcome(reply: Reply) -> str:
    if reply.recommendation is not None:
        return reply.recommendation.recommendation
    return "ask" if reply.asks else str(reply.owners or "")


def pct(pair: list[int]) -> str:
    return f"{100 * pair[0] / pair[1]:5.1f}% ({pair[0]}/{pair[1]})" if pair[1] else "   -"


def report(title: str, scores: dict[str, Any], rules: dict[str, Any]) -> None:
    """RoleFit beside the rules alone (the reader before the intent scorer) and the old reader."""
    print(f"\n== {title} ==")
    print(f"{'intent':<10} {'RoleFit':>18} {'rules alone':>18} {'old reader':>18}")
    columns = (scores["intents"], rules["intents"], scores["old"])
    totals = [[0, 0] for _ in columns]
    for intent in INTENTS:
        for total, column in zip(totals, columns, strict=True):
            total[0] += column[intent][0]
            total[1] += column[intent][1]
        print(f"{intent:<10} " + " ".join(f"{pct(column[intent]):>18}" for column in columns))
    print(f"{'overall':<10} " + " ".join(f"{pct(total):>18}" for total in totals))
    for key, label in (
        ("hire", "hiring advice right (or asking back when facts are missing)"),
        ("follow", "follow-ups resolved"),
        ("owners", "ownership turns with the right owners"),
    ):
        print(f"{label}: {pct(scores[key])} (rules alone {pct(rules[key])})")


def score_ownership(chat: Chat, name: str, *, routed: bool) -> dict[str, list[int]]:
    """Owners right per class: through the conversation layer (`routed`: the question must also
    be read as an ownership question), or the ownership answer itself (the matcher)."""
    classes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in load(name):
        if routed:
            reply = chat.reply(item["q"])
            owners = reply.owners if reply.intent == "ownership" else None
        else:
            owners = chat.matcher.answer(item["q"]).owners
        right = owners is not None and sorted(owners) == sorted(OWNERS[item["expect"]])
        for key in (item["expect"], "overall"):
            classes[key][1] += 1
            classes[key][0] += right
    return classes


def tune(chat: Chat) -> None:
    """`--tune`: the misses on the tunable (dev and probe) sets only; never the holdouts."""
    for name in dev_sets(DATA):
        print("\n".join(score_conversations(chat, load(name))["misses"]))
    for name in ("questions_dev.yaml", "questions_probe.yaml", "ownership_hard_dev.yaml"):
        for item in load(name):
            reply = chat.reply(item["q"])
            if reply.intent != "ownership" or sorted(reply.owners or []) != sorted(
                OWNERS[item["expect"]]
            ):
                print(
                    f"{name}: {item['q'][:100]!r} want {item['expect']} got "
                    f"{reply.intent}/{reply.owners}"
                )


def report_listed_work(matcher: Matcher, dev: bool) -> None:
    """Messages listing several pieces of work: RoleFit (each piece answered on its own) beside
    BM25 (benchmarks/matcher.py's baseline: one answer per message, standing for every piece)."""
    sys.path.insert(0, str(ROOT))  # the scoring the accuracy floors use (tests/knowledge)
    from matcher import build_bm25

    from tests.knowledge.listed_work import load as load_listed
    from tests.knowledge.listed_work import rolefit_labels, score

    bm25, _ = build_bm25(matcher.kb)
    print(
        "\n== messages listing several pieces of work: all pieces right / each piece / one piece =="
    )
    for split in ["holdout", *(["dev", "dev2"] if dev else [])]:
        items = load_listed(split)
        ours = score(items, lambda question: rolefit_labels(matcher.answer(question)))
        baseline = score(items, lambda question: [bm25(question)])
        for name, scores in (("RoleFit", ours), ("BM25", baseline)):
            print(
                f"multipart_{split}.yaml {name:<8} "
                + "  ".join(f"{measure} {share:.1%}" for measure, share in scores.items())
            )


def main() -> int:
    dev = "--dev" in sys.argv
    if "--tune" in sys.argv:
        kb = load_knowledge()
        tune(Chat(kb, Matcher(kb)))
        return 0
    kb = load_knowledge()
    matcher = Matcher(kb)
    chat, by_rules = Chat(kb, matcher), Chat(kb, matcher, learned=False)
    # holdout2: a second, larger independent holdout (2026-12-02), written after the first was
    # measured too often to stay blind; holdout3: a third, written when the intent scorer came,
    # measured only once it was settled; holdout4 (2026-12-04): lists set out in Slack, typed
    # replies to RoleFit's hiring questions and questions in between. None is ever tuned on.
    # "All holdouts together" and the timing keep to the first three, as reported before.
    holdouts = [f"conversation_{split}.yaml" for split in ("holdout", "holdout2", "holdout3")]
    for name in [*holdouts, "conversation_holdout4.yaml", *(dev_sets(DATA) if dev else [])]:
        conversations = load(name)
        report(
            name,
            score_conversations(chat, conversations),
            score_conversations(by_rules, conversations),
        )
    both = [c for name in holdouts for c in load(name)]
    report(
        "all holdouts together",
        score_conversations(chat, both),
        score_conversations(by_rules, both),
    )
    print(
        "\n== ownership sets: the answer itself, and asked cold through the conversation layer =="
    )
    for name in [
        "questions_holdout.yaml",
        "ownership_hard_holdout.yaml",
        *(["ownership_hard_dev.yaml"] if dev else []),
    ]:
        for routed in (False, True):
            classes = score_ownership(chat, name, routed=routed)
            how = "via chat" if routed else "answer  "
            print(
                f"{name:<28} {how} "
                + "  ".join(f"{k} {pct(v)}" for k, v in sorted(classes.items()))
            )
    report_listed_work(matcher, dev)
    unsettled = load("unsettled.yaml")
    clear = [0, 0]
    divided = [0, 0]
    for item in unsettled:
        reply = chat.reply(item["q"])
        confident = (
            bool(reply.owners) and reply.answer is not None and (reply.answer.confidence >= CLEARLY)
        )
        if item["owners"] == "split":
            divided[1] += 1
            divided[0] += sorted(reply.owners or []) == sorted(ROLES)
        else:
            clear[1] += 1
            clear[0] += confident
    print(
        f"\n== unsettled.yaml: work the article does not settle ==\n"
        f"answered 'clearly' with a role: {pct(clear)} (target ≤ 5%)\n"
        f"split work (the roadmap) answered as both roles: {pct(divided)}"
    )
    texts = [t["text"] for name in holdouts for c in load(name) for t in c["turns"]]
    for text in texts:
        chat.reply(text)  # warm: the first reply of each text builds nothing lazily after this
    timings, medians = [], []
    for _ in range(ROUNDS):
        round_times = []
        for text in texts:
            started = time.perf_counter()
            chat.reply(text)
            round_times.append((time.perf_counter() - started) * 1000)
        medians.append(statistics.median(round_times))
        timings += round_times
    timings.sort()
    print(
        f"\n== speed: one chat turn in process ({len(texts)} holdout turns x {ROUNDS} rounds) ==\n"
        f"p50 {statistics.median(timings):.3f} ms (rounds {min(medians):.3f}-{max(medians):.3f}), "
        f"p99 {timings[int(len(timings) * 0.99)]:.3f} ms (targets: p50 < 0.5 ms, p99 < 5 ms)"
    )

    return 0


if __name__ == "__main__":
    raise SystemExit(main())
