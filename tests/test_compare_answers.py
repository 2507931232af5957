"""scripts/compare_answers.py: every answer of one build written down, and the answers two
builds give differently listed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from script_support import load_script


def row(key: str, title: str, frame: dict[str, object] | None = None) -> dict[str, object]:
    said = [{"section": "Bottom line", "text": "A statement.", "cites": ["A guideline"]}]
    return {
        "id": key,
        "question": f"question {key}",
        "reader": "physician",
        "status": "answered",
        "title": title,
        "bottom_line": said,
        "body": [],
        "frame": frame or {},
    }


def test_only_answers_that_read_differently_are_listed() -> None:
    script = load_script("compare_answers")
    before = {"a": row("a", "Old title"), "b": row("b", "Same"), "c": row("c", "Gone")}
    # "b" differs only in how the question was read, which the reader does not see
    after = {"a": row("a", "New title"), "b": row("b", "Same", {"topic": "other"})}
    changed = list(script.differing(before, after))
    assert [(old["id"], new["title"]) for old, new in changed] == [("a", "New title")]


def test_own_questions_must_give_id_reader_and_question(tmp_path: Path) -> None:
    script = load_script("compare_answers")
    good = tmp_path / "good.tsv"
    good.write_text("q1\tpatient\tIs gout inherited?\n\n", encoding="utf-8")
    assert script.own_questions(good) == [
        {"id": "q1", "audience": "patient", "question": "Is gout inherited?"}
    ]
    bad = tmp_path / "bad.tsv"
    bad.write_text("q1 patient Is gout inherited?\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="bad.tsv:1"):
        script.own_questions(bad)


def test_a_dump_holds_each_answer_with_its_cited_titles(slice_home: Path, tmp_path: Path) -> None:
    script = load_script("compare_answers")
    home = tmp_path / "home"
    shutil.copytree(slice_home, home)
    items = [
        {"id": "net", "audience": "clinician", "question": script.REFERENCE["question"]},
        {"id": "hcl", "audience": "patient", "question": "How is hairy cell leukemia treated?"},
    ]
    out = tmp_path / "answers.jsonl"
    assert script.dump(home, items, out) == 2
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["net", "hcl"]
    for answered in rows:
        assert answered["status"] == "answered" and answered["bottom_line"]
        said = answered["bottom_line"] + answered["body"]
        assert all(s["cites"] and "?" not in s["cites"] for s in said)
    assert [r["reader"] for r in rows] == ["physician", "patient"]
    assert "Hairy Cell" in rows[1]["frame"]["topic_title"]
    assert script.read_dump(out)["net"] == rows[0]
