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

For a blind judgement of the answers that differ (docs/evaluation.md), `pairs` writes each
as Version X and Version Y in an order drawn at random, into a folder for the judges, and
which build is which into a key kept apart from it; `score` reads the key and the judges'
rows (the rubric of shared/eval/JUDGING.md for each version, and which they prefer) and
prints each build's figures:

    python scripts/compare_answers.py pairs /tmp/before.jsonl /tmp/after.jsonl \
        --out /tmp/judge/pairs.md --key /tmp/key.json --seed 1
    python scripts/compare_answers.py score /tmp/key.json /tmp/judge/rows.json

A judge's rows.json: {"p01": {"X": {"bottom_line": 2, "statements": 6, "on_topic": 5,
"misleading": 0, "overall": 4}, "Y": {...}, "prefer": "X" | "Y" | "same"}, ...}.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from export_answers import DEV_SETS, EVAL, REFERENCE, dev_set

from guidecite.answer import answer, open_library
from guidecite.settings import Settings
from guidecite.types import Answer, Statement

#: What two answers are compared on: a change anywhere else (timings, dates) is no change.
#: The notice is what the reader is told first (words read otherwise, parts the library does
#: not cover, no statement answering the kind asked); dumps written before it was recorded
#: have none.
COMPARED = ("status", "title", "notice", "bottom_line", "body")


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
        "notice": result.notice,
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
        if new is not None and any(old.get(field) != new.get(field) for field in COMPARED):
            yield old, new


def shown(row: dict[str, object]) -> str:
    statements = [*row["bottom_line"], *row["body"]]  # type: ignore[misc]
    lines = [f"  [{row['status']}] {row['title']}"]
    for said in statements:
        cited = "; ".join(said["cites"])
        lines.append(f"    {said['section'][:12]:12} {said['text']}  <{cited}>")
    return "\n".join(lines)


def as_markdown(row: dict[str, object]) -> str:
    """One answer as a judge reads it, as a reader would: title, the notice shown above the
    article (where it has one), bottom line, sections, numbered references."""
    lines = [f"**Title:** {row['title']}", ""]
    if row.get("notice"):
        lines += [f"**Notice:** {row['notice']}", ""]
    if row["status"] != "answered":
        return "\n".join([*lines, f"(no article: {row['status']})"])
    numbers: dict[str, int] = {}

    def cited(said: dict[str, object]) -> str:
        titles: list[str] = said["cites"]  # type: ignore[assignment]
        return "".join(f"[{numbers.setdefault(t, len(numbers) + 1)}]" for t in titles)

    heading = None
    for said in [*row["bottom_line"], *row["body"]]:  # type: ignore[misc]
        if said["section"] != heading:
            heading = said["section"]
            lines += ["", f"**{heading}**"]
        lines.append(f"- {said['text']} {cited(said)}")
    lines += ["", "**References**", *(f"{n}. {title}" for title, n in numbers.items())]
    return "\n".join(lines)


def blind_pairs(
    before: dict[str, dict[str, object]], after: dict[str, dict[str, object]], seed: int
) -> tuple[str, dict[str, dict[str, str]]]:
    """The answers the dumps give differently as blind pairs (Markdown), and the key: for
    each pair, its question's id and which dump ("before", "after") is X and which Y."""
    draw = random.Random(seed)
    parts, key = [], {}
    for number, (old, new) in enumerate(differing(before, after), 1):
        pair = f"p{number:02d}"
        flipped = draw.random() < 0.5
        x, y = (new, old) if flipped else (old, new)
        key[pair] = {
            "id": str(old["id"]),
            "X": "after" if flipped else "before",
            "Y": "before" if flipped else "after",
        }
        parts.append(
            f"## {pair} ({old['reader']} reader)\n\n**Question:** {old['question']}\n\n"
            f"### Version X\n\n{as_markdown(x)}\n\n### Version Y\n\n{as_markdown(y)}\n"
        )
    return "\n---\n\n".join(parts), key


#: The rubric's counts per version (shared/eval/JUDGING.md).
RUBRIC = ("bottom_line", "statements", "on_topic", "misleading", "overall")


def scores(key: dict[str, dict[str, str]], rows: dict[str, dict[str, object]]) -> dict[str, object]:
    """Each build's figures over the judged pairs: bottom-line and overall means, the share
    of statements on topic, misleading statements per answer, and how often it was
    preferred (and how often neither)."""
    totals = {build: dict.fromkeys(RUBRIC, 0.0) for build in ("before", "after")}
    preferred = {"before": 0, "after": 0, "same": 0}
    for pair, judged in rows.items():
        if pair not in key:
            raise SystemExit(f"{pair}: not in the key")
        for side in ("X", "Y"):
            for field in RUBRIC:
                totals[key[pair][side]][field] += float(judged[side][field])  # type: ignore[index]
        choice = str(judged["prefer"])
        preferred[key[pair][choice] if choice in ("X", "Y") else "same"] += 1
    count = len(rows) or 1
    figures: dict[str, object] = {"pairs": len(rows), "preferred": preferred}
    for build, total in totals.items():
        figures[build] = {
            "bottom_line": total["bottom_line"] / count,
            "on_topic": total["on_topic"] / (total["statements"] or 1),
            "misleading_per_answer": total["misleading"] / count,
            "overall": total["overall"] / count,
        }
    return figures


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
    pairing = commands.add_parser("pairs", help="write the differing answers as blind pairs")
    pairing.add_argument("before", type=Path)
    pairing.add_argument("after", type=Path)
    pairing.add_argument("--out", type=Path, required=True, help="the judges' Markdown file")
    pairing.add_argument("--key", type=Path, required=True, help="which build is X (keep apart)")
    pairing.add_argument("--seed", type=int, default=0)
    scoring = commands.add_parser("score", help="each build's figures from the judges' rows")
    scoring.add_argument("key", type=Path)
    scoring.add_argument("rows", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        items = [] if args.no_dev else dev_questions(args.eval)
        items += own_questions(args.questions) if args.questions else []
        print(dump(args.home, items, args.out), "answers written to", args.out)
        return
    if args.command == "pairs":
        text, key = blind_pairs(read_dump(args.before), read_dump(args.after), args.seed)
        args.out.write_text(text, encoding="utf-8")
        args.key.write_text(json.dumps(key, indent=1), encoding="utf-8")
        print(len(key), "pairs written to", args.out, "; the key to", args.key)
        return
    if args.command == "score":
        key = json.loads(args.key.read_text(encoding="utf-8"))
        rows = json.loads(args.rows.read_text(encoding="utf-8"))
        print(json.dumps(scores(key, rows), indent=1))
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
