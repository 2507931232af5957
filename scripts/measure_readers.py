"""How the five readers' articles differ, on question sets with must-have concepts.

    python scripts/measure_readers.py --home /path/to/library \
        ../shared/eval/guideline_qa_dev.jsonl ../shared/eval/liveqa_dev.jsonl

Answers every question once per reader (the extractive composer) and prints, per question
set and reader: the Flesch-Kincaid grade of the articles' statements (mean over answered
questions), how often every must-have concept is stated (questions that list some), and how
many questions were answered; then, per pair of readers, how often the two got different
statement sets; then, for each question where some readers got the same statements, which
ones and why:

- "declined": no answer for either;
- "every candidate used": the article holds fewer statements than the composer's limit, so
  there was nothing left to choose among;
- "no patient documents retrieved" (patient vs another reader): the patient preference has
  nothing of its own to prefer;
- "none of the reader's kinds": no retrieved sentence carries the content the reader's
  preference favours (a nurse's monitoring, a pharmacist's doses, a student's definitions);
- "preference too small": candidates of the reader's kind exist, but their bonus did not
  change which sentences were chosen.

With --json FILE the per-question figures are written too.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from guidecite.answer import Library, answer_with_hits, open_library
from guidecite.audience import statement_preference
from guidecite.chunking import split_sentences
from guidecite.compose.extractive import MAX_STATEMENTS
from guidecite.evaluation import load_questions, must_have_stated, readability_grade
from guidecite.readers import Reader, parse_readers
from guidecite.settings import Settings
from guidecite.types import ANSWERED, Hit


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    settings = Settings.load().with_overrides(home=args.home)
    readers = parse_readers(args.readers)
    library = open_library(settings, starter=False)
    report: dict[str, Any] = {}
    try:
        for path in args.questions:
            questions = load_questions(path)[: args.limit or None]
            started = time.perf_counter()
            rows = [measure(item, library, readers) for item in questions]
            seconds = time.perf_counter() - started
            report[path.name] = rows
            print(summary(path.name, rows, readers, seconds))
    finally:
        library.close()
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("questions", nargs="+", type=Path, help="JSON Lines question sets")
    parser.add_argument(
        "--home", type=Path, default=None, help="the library (default: $GUIDECITE_HOME)"
    )
    parser.add_argument("--readers", default="all", help="'all' or e.g. 'physician,patient'")
    parser.add_argument("--limit", type=int, default=0, help="only the first N questions")
    parser.add_argument("--json", type=Path, default=None, help="write per-question figures")
    return parser


def measure(item: dict[str, Any], library: Library, readers: Sequence[Reader]) -> dict[str, Any]:
    """One question, answered for each reader."""
    row: dict[str, Any] = {
        "id": item.get("id", item["question"][:40]),
        "audience": item.get("audience"),  # who asked, as the question set says
        "readers": {},
    }
    must_have = item.get("must_have") or []
    for reader in readers:
        result, hits = answer_with_hits(item["question"], library, audience=reader.value)
        answered = result.status == ANSWERED
        row["readers"][reader.value] = {
            "answered": answered,
            "grade": readability_grade(result) if answered else None,
            "must_have": must_have_stated(result, must_have) if must_have else None,
            "statements": sorted(s.text for s in result.statements),
            "kinds": kinds_retrieved(reader, hits, library) if answered else 0,
            "patient_documents": patient_documents(hits, library),
        }
    return row


def kinds_retrieved(reader: Reader, hits: Sequence[Hit], library: Library) -> int:
    """How many retrieved sentences the reader's preference favours."""
    documents = library.store.documents({h.passage.doc_id for h in hits})
    count = 0
    for hit in hits:
        doc = documents.get(hit.passage.doc_id)
        audience = doc.audience if doc else "clinician"
        for sentence in split_sentences(hit.passage.text):
            if statement_preference(reader, sentence, audience) >= 0.05:
                count += 1
    return count


def patient_documents(hits: Sequence[Hit], library: Library) -> int:
    documents = library.store.documents({h.passage.doc_id for h in hits})
    return sum(1 for d in documents.values() if d.audience == "patient")


def _mean_grade(figures: Sequence[dict[str, Any]]) -> str:
    grades = [f["grade"] for f in figures if f["grade"] is not None]
    return f"{sum(grades) / len(grades):.1f} ({len(grades)})" if grades else "-"


def why_same(row: dict[str, Any], a: str, b: str) -> str:
    """Why two readers got the same statements for this question."""
    first, second = row["readers"][a], row["readers"][b]
    if not first["answered"] and not second["answered"]:
        return "declined"
    if len(first["statements"]) < MAX_STATEMENTS:
        return f"every candidate used ({len(first['statements'])} statements)"
    if Reader.PATIENT in (a, b) and not first["patient_documents"]:
        return "no patient documents retrieved"
    other = b if a == Reader.PHYSICIAN else a
    if row["readers"][other]["kinds"] == 0:
        return f"none of the {other}'s kinds"
    return "preference too small"


def summary(
    name: str, rows: list[dict[str, Any]], readers: Sequence[Reader], seconds: float
) -> str:
    lines = [f"== {name}: {len(rows)} questions, {len(readers)} readers, {seconds:.0f} s"]
    asked = sum(1 for row in rows if row.get("audience") == "patient")
    lines.append(
        f"{'reader':<11} {'answered':>8} {'FK grade':>10} {'FK, patients asking':>20} "
        f"{'must-have stated':>17}   ({asked} questions asked by patients)"
    )
    for reader in readers:
        figures = [row["readers"][reader.value] for row in rows]
        by_patients = [
            row["readers"][reader.value] for row in rows if row.get("audience") == "patient"
        ]
        judged = [f["must_have"] for f in figures if f["must_have"] is not None]
        answered = sum(1 for f in figures if f["answered"])
        stated = f"{sum(judged)}/{len(judged)}" if judged else "-"
        lines.append(
            f"{reader.value:<11} {answered:>8} {_mean_grade(figures):>10} "
            f"{_mean_grade(by_patients):>20} {stated:>17}"
        )
    lines.append("pairs: questions answered for both whose statement sets differ; why not")
    same: dict[str, list[str]] = {}
    for a, b in combinations([r.value for r in readers], 2):
        both = [r for r in rows if r["readers"][a]["answered"] and r["readers"][b]["answered"]]
        differ = sum(
            1 for r in both if r["readers"][a]["statements"] != r["readers"][b]["statements"]
        )
        reasons: Counter[str] = Counter()
        for row in rows:
            if row["readers"][a]["statements"] == row["readers"][b]["statements"]:
                reason = why_same(row, a, b)
                reasons[reason.split(" (")[0]] += 1
                same.setdefault(row["id"], []).append(f"{a}={b}: {reason}")
        share = f"{differ}/{len(both)} ({differ / max(len(both), 1):.0%})"
        tally = ", ".join(f"{why} {n}" for why, n in reasons.most_common())
        lines.append(f"  {a:>10} / {b:<10} {share:>13}; same: {tally or '-'}")
    lines.append("where readers got the same statements, and why:")
    for question, pairs in same.items():
        lines.append(f"  {question}: " + "; ".join(pairs))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
