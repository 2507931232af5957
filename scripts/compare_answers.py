"""Answer every dev question with one build, and list the answers two builds give differently.

A change to how articles are composed is read answer by answer before it is kept
(docs/evaluation.md): run `dump` once per build into its own file, then `diff` the two files
and read every answer it prints.

    python scripts/compare_answers.py dump --home /tmp/lib --out /tmp/before.jsonl
    python scripts/compare_answers.py dump --home /tmp/lib --out /tmp/after.jsonl
    python scripts/compare_answers.py diff /tmp/before.jsonl /tmp/after.jsonl

`--questions FILE` answers questions of your own instead (one per line: id, reader
"clinician" or "patient", and the question, separated by tabs), besides or instead of the
dev sets (`--no-dev`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from export_answers import DEV_SETS, EVAL, REFERENCE, dev_set

from guidecite.answer import answer, open_library
from guidecite.settings import Settings
from guidecite.types import Answer, Statement

#: What two answers are compared on: a change anywhere else (timings, dates) is no change.
COMPARED = ("status", "title", "bottom_line", "body")


def dev_questions(folder: Path = EVAL) -> list[dict[str, str]]:
    """The reference article's question, then every question of both dev sets."""
    return [REFERENCE, *(item for name in DEV_SETS for item in dev_set(name, folder))]


def own_questions(path: Path) -> list[dict[str, str]]:
    """Questions written one per line as id, reader and question, separated by tabs."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise SystemExit(f"{path}:{number}: expected id, reader and question, tab-separated")
        items.append({"id": parts[0], "audience": parts[1], "question": parts[2]})
    return items


def record(item: dict[str, str], result: Answer) -> dict[str, object]:
    """What one answer says, compactly: each statement with its section and cited titles."""
    titles = {ref.number: ref.title for ref in result.references}

    def said(statement: Statement, section: str) -> dict[str, object]:
        cited = [titles.get(number, "?") for number in statement.references]
        return {"section": section, "text": statement.text, "cites": cited}

    return {
        "id": item["id"],
        "question": item["question"],
        "reader": result.audience,
        "status": result.status,
        "title": result.title,
        "bottom_line": [said(s, "Bottom line") for s in result.bottom_line],
        "body": [said(s, part.heading) for part in result.sections for s in part.statements],
        "frame": result.frame,
    }


def dump(home: Path, items: Iterable[dict[str, str]], out: Path) -> int:
    """Answer each question with the library at `home`, one JSON line each; how many."""
    library = open_library(Settings.load().with_overrides(home=home), starter=False)
    count = 0
    try:
        with out.open("w", encoding="utf-8") as sink:
            for item in items:
                reader = "patient" if item.get("audience") == "patient" else "physician"
                result = answer(item["question"], library, audience=reader)
                sink.write(json.dumps(record(item, result), ensure_ascii=False) + "\n")
                count += 1
    finally:
        library.close()
    return count


def read_dump(path: Path) -> dict[str, dict[str, object]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {row["id"]: row for row in (json.loads(line) for line in lines if line.strip())}


def differing(
    before: dict[str, dict[str, object]], after: dict[str, dict[str, object]]
) -> Iterator[tuple[dict[str, object], dict[str, object]]]:
    """The answers, in `before`'s order, that the two dumps give differently."""
    for key, old in before.items():
        new = after.get(key)
        if new is not None and any(old[field] != new[field] for field in COMPARED):
            yield old, new


def shown(row: dict[str, object]) -> str:
    statements = [*row["bottom_line"], *row["body"]]  # type: ignore[misc]
    lines = [f"  [{row['status']}] {row['title']}"]
    for said in statements:
        cited = "; ".join(said["cites"])
        lines.append(f"    {said['section'][:12]:12} {said['text']}  <{cited}>")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="answer the questions into a JSON-lines file")
    dumping.add_argument("--home", type=Path, required=True, help="the library's folder")
    dumping.add_argument("--out", type=Path, required=True)
    dumping.add_argument("--eval", type=Path, default=EVAL, help="the dev sets' folder")
    dumping.add_argument("--questions", type=Path, help="questions of your own (tab-separated)")
    dumping.add_argument("--no-dev", action="store_true", help="leave the dev sets out")
    comparing = commands.add_parser("diff", help="print the answers two dumps differ in")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        items = [] if args.no_dev else dev_questions(args.eval)
        items += own_questions(args.questions) if args.questions else []
        print(dump(args.home, items, args.out), "answers written to", args.out)
        return
    before, after = read_dump(args.before), read_dump(args.after)
    changed = list(differing(before, after))
    for old, new in changed:
        print(f"=== {old['id']} ({old['reader']}): {old['question']}")
        print(" before:", shown(old), " after:", shown(new), sep="\n")
    print(len(changed), "answers differ", file=sys.stderr)
    unmatched = sorted(set(before) ^ set(after))
    if unmatched:
        print("in one dump only:", ", ".join(unmatched), file=sys.stderr)


if __name__ == "__main__":
    main()
