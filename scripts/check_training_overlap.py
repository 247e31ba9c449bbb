"""How much of each training snippet is found in a benchmark text: a check that the project's
own snippets do not copy the texts they are evaluated on.

For every line of ``src/ceasefire/events/data/training/subevent-snippets*.jsonl`` it takes the
share of the snippet's word 3-grams that occur in one CASE 2021 dev snippet (the best one), and
prints the snippets whose share reaches ``--threshold`` with that text and its half (id mod 4),
then a count per file.

    python scripts/check_training_overlap.py [--threshold 0.3] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from ceasefire.evaluate.case2021 import read_snippets

ROOT = Path(__file__).resolve().parent.parent
TRAINING = ROOT / "src" / "ceasefire" / "events" / "data" / "training"


def trigrams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, default=0.3)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    benchmark = [(s, trigrams(s.text)) for s in read_snippets(args.shared / "bench" / "case2021-task2-dev.tsv")]
    for path in sorted(TRAINING.glob("subevent-snippets*.jsonl")):
        hits = 0
        for line in path.read_text("utf-8").splitlines():
            text = json.loads(line)["text"]
            grams = trigrams(text)
            if not grams:
                continue
            share, snippet = max(((len(grams & other) / len(grams), s) for s, other in benchmark), key=lambda x: x[0])
            if share >= args.threshold:
                hits += 1
                print(f"{path.name} {share:.2f} (CASE id {snippet.id}, id mod 4 = {snippet.id % 4})")
                print(f"  ours: {text[:150]}\n  CASE: {snippet.text[:150]}")
        print(f"{path.name}: {hits} snippets share {args.threshold:.0%} or more of their 3-grams with one CASE text")


if __name__ == "__main__":
    main()
