"""Figures of question de-identification (docs/deidentification.md).

    .venv/bin/python scripts/measure_deidentification.py [--eval ../shared/eval]

Planted identifiers (the set tests/test_deidentify.py builds): how many removed. Dev
questions: how many changed, each printed with what was removed, to be read by a person.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from guidecite.deidentify import deidentify, prepare_question  # noqa: E402
from test_deidentify import CLINICAL, planted_questions  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    args = parser.parse_args()
    tried = missed = 0
    for kind, value, question, _ in planted_questions():
        tried += 1
        text = prepare_question(question).text
        if value in text:
            missed += 1
            print(f"missed {kind}: {value!r} in {text!r}")
    print(f"planted identifiers: {tried} tried, {missed} missed")
    changed = [q for q in CLINICAL if deidentify(q)[1]]
    print(f"clinical wording: {len(CLINICAL)} questions, {len(changed)} changed")
    for path in sorted(args.eval.glob("*.jsonl")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        questions = [json.loads(line)["question"] for line in lines]
        found = [(q, deidentify(q)) for q in questions]
        hits = [(q, text, kinds) for q, (text, kinds) in found if kinds]
        print(f"{path.name}: {len(questions)} questions, {len(hits)} changed")
        for question, text, kinds in hits:
            print(f"  {', '.join(kinds)}: {question[:160]!r}\n    -> {text[:160]!r}")


if __name__ == "__main__":
    main()
