"""Learn the intent scorer's weights from the tunable conversation sets (never a holdout) and
write knowledge/data/intent_weights.json. Run after changing the rules, the cues or a dev set:

    make intents                                 # train and write the weights
    .venv/bin/python scripts/train_intents.py --cv   # 5-fold cross-validation on the dev sets

Each turn's previous turn comes from replaying its conversation through the rules alone, so the
examples do not depend on the weights being learned.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from knowledge import Matcher, load_knowledge
from knowledge.dialogue import Chat, Intent, Memory
from knowledge.dialogue.cues import cues
from knowledge.dialogue.intents import read_by_rules
from knowledge.dialogue.message import message_of
from knowledge.dialogue.scorer import WEIGHTS_FILE
from knowledge.dialogue.training import EPOCHS, SEED, Example, dev_sets, train

DATA = Path(__file__).resolve().parent.parent / "tests" / "knowledge" / "data"
CONVERSATION_SETS = tuple(dev_sets(DATA))
# Ownership questions asked cold: each a one-turn conversation read as `ownership`.
OWNERSHIP_SETS = ("questions_dev.yaml", "questions_probe.yaml", "ownership_hard_dev.yaml")
# Turns the tests pin, written by us: learned from, never reported as accuracy.
PINNED_SETS = ("intent_examples.yaml",)
TRAINING_SETS = CONVERSATION_SETS + PINNED_SETS + OWNERSHIP_SETS
LABELS = tuple(intent.value for intent in Intent)
FOLDS = 5


def examples(chat: Chat) -> list[tuple[str, Example]]:
    """(conversation id, example) for every turn of the training sets, in file order."""
    found = []
    for name in TRAINING_SETS:
        items: list[dict[str, Any]] = yaml.safe_load((DATA / name).read_text("utf-8"))
        if name in OWNERSHIP_SETS:
            items = [
                {"id": str(n), "turns": [{"text": item["q"], "intent": "ownership"}]}
                for n, item in enumerate(items)
            ]
        for conversation in items:
            memory: Memory | None = None
            for turn in conversation["turns"]:
                message = message_of(turn["text"])
                rules = read_by_rules(message, memory, chat._work_owners, chat._knows_concept)
                seen = cues(message, memory, rules.intent, rules.follow_up)
                found.append((f"{name}:{conversation['id']}", Example(seen, turn["intent"])))
                memory = chat.reply(turn["text"], memory).memory
    return found


def cross_validate(found: list[tuple[str, Example]]) -> None:
    """Accuracy on each fifth of the conversations, learned from the other four fifths."""
    ids = sorted({conversation for conversation, _ in found})
    random.Random(SEED).shuffle(ids)
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for fold in range(FOLDS):
        held = set(ids[fold::FOLDS])
        scorer = train([e for c, e in found if c not in held], LABELS)
        for conversation, example in found:
            if conversation in held and not conversation.startswith(PINNED_SETS):
                for key in (example.intent, "overall"):
                    right[key][0] += scorer.intent(example.cues) == example.intent
                    right[key][1] += 1
    for key, (hits, total) in sorted(right.items()):
        print(f"{key:<10} {100 * hits / total:5.1f}% ({hits}/{total})")


def main() -> int:
    kb = load_knowledge()
    found = examples(Chat(kb, Matcher(kb), learned=False))
    if "--cv" in sys.argv:
        cross_validate(found)
        return 0
    scorer = train([example for _, example in found], LABELS)
    document = {
        "about": "Intent scorer weights: written by scripts/train_intents.py; do not edit.",
        "trained_on": {name: sha256(DATA / name) for name in TRAINING_SETS},
        "epochs": EPOCHS,
        "seed": SEED,
        "labels": list(scorer.labels),
        "weights": {cue: list(row) for cue, row in sorted(scorer.weights.items())},
    }
    WEIGHTS_FILE.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{WEIGHTS_FILE.name}: {len(scorer.weights)} cues from {len(found)} turns")
    return 0


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


if __name__ == "__main__":
    raise SystemExit(main())
