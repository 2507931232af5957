"""Write answers to a fixed sample of dev questions as Markdown and JSON, for judging.

Judges read the answers with ../shared/eval/JUDGING.md, blind to the version: run this once
per version into its own folder, then hand the judges the folders under neutral names.

    python scripts/export_answers.py --home /tmp/lib --out /tmp/answers-before

The sample is the reference article's question plus a seeded draw from each dev set, so two
versions answer exactly the same questions.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from guidecite.answer import answer, open_library
from guidecite.render import render
from guidecite.settings import Settings

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
REFERENCE_QUESTION = (
    "What is the best course of action for a patient with a history of neuroendocrine "
    "tumors (NETs) and mildly elevated Neuron-Specific Enolase (NSE) levels?"
)


DEV_SETS = ("guideline_qa_dev.jsonl", "liveqa_dev.jsonl")
REFERENCE = {"id": "reference", "question": REFERENCE_QUESTION, "audience": "clinician"}


def dev_set(name: str, folder: Path = EVAL) -> list[dict[str, str]]:
    """The questions of one dev set."""
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def sample(per_set: int, seed: int, folder: Path = EVAL) -> list[dict[str, str]]:
    """The reference question, then `per_set` questions drawn from each dev set."""
    chosen = [REFERENCE]
    for name in DEV_SETS:
        items = dev_set(name, folder)
        chosen += random.Random(seed).sample(items, min(per_set, len(items)))
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--per-set", type=int, default=15)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--eval", type=Path, default=EVAL, help="the dev sets' folder")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    library = open_library(Settings.load().with_overrides(home=args.home), starter=False)
    try:
        for number, item in enumerate(sample(args.per_set, args.seed, args.eval), 1):
            audience = "patient" if item.get("audience") == "patient" else "physician"
            result = answer(item["question"], library, audience=audience)
            stem = args.out / f"{number:02d}"
            stem.with_suffix(".md").write_text(render(result, "markdown"), encoding="utf-8")
            stem.with_suffix(".json").write_text(render(result, "json"), encoding="utf-8")
            print(number, item["id"], result.status, len(result.statements))
    finally:
        library.close()


if __name__ == "__main__":
    main()
