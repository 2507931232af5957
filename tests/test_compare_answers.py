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
    # what the reader is told above the article is read too; a dump without it has none
    told = row("b", "Same") | {"notice": "No statement in the library answers this directly."}
    changed = list(script.differing({"b": row("b", "Same")}, {"b": told}))
    assert [new["notice"] for _, new in changed] == [told["notice"]]
    assert "**Notice:** No statement in the library" in script.as_markdown(told)
    assert "Notice" not in script.as_markdown(row("b", "Same"))


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


def test_differing_answers_become_blind_pairs_whose_key_says_which_is_which() -> None:
    script = load_script("compare_answers")
    before = {key: row(key, f"Old {key}") for key in "abcdef"}
    after = {key: row(key, f"New {key}") for key in "abcdef"}
    after["f"] = row("f", "Old f")  # the same: no pair
    text, key = script.blind_pairs(before, after, seed=3)
    assert sorted(key) == ["p01", "p02", "p03", "p04", "p05"]
    assert [key[p]["id"] for p in sorted(key)] == list("abcde")
    # the order is drawn, and the key says it: both orders occur among five pairs
    assert {key[p]["X"] for p in key} == {"before", "after"}
    for pair, said in key.items():
        assert {said["X"], said["Y"]} == {"before", "after"}
        shown = text.split(f"## {pair} ")[1].split("\n---\n")[0]
        x_part, y_part = shown.split("### Version Y")
        expected = {"before": "Old", "after": "New"}
        assert f"**Title:** {expected[said['X']]} {said['id']}" in x_part
        assert f"**Title:** {expected[said['Y']]} {said['id']}" in y_part
        assert "- A statement. [1]" in x_part and "1. A guideline" in y_part
    # nothing in the judges' text says which build a version is
    assert "before" not in text and "after" not in text
    # the same seed draws the same order
    assert script.blind_pairs(before, after, seed=3) == (text, key)


def test_the_judges_rows_give_each_build_its_figures() -> None:
    script = load_script("compare_answers")
    key = {
        "p01": {"id": "a", "X": "before", "Y": "after"},
        "p02": {"id": "b", "X": "after", "Y": "before"},
    }

    def judged(bottom: int, shown: int, on: int, wrong: int, overall: int) -> dict[str, int]:
        return {
            "bottom_line": bottom,
            "statements": shown,
            "on_topic": on,
            "misleading": wrong,
            "overall": overall,
        }

    rows = {
        "p01": {"X": judged(1, 4, 2, 1, 2), "Y": judged(2, 4, 4, 0, 4), "prefer": "Y"},
        "p02": {"X": judged(2, 6, 6, 0, 4), "Y": judged(1, 6, 3, 2, 3), "prefer": "same"},
    }
    figures = script.scores(key, rows)
    assert figures["pairs"] == 2
    assert figures["preferred"] == {"before": 0, "after": 1, "same": 1}
    assert figures["before"] == {
        "bottom_line": 1.0,
        "on_topic": 0.5,
        "misleading_per_answer": 1.5,
        "overall": 2.5,
    }
    assert figures["after"] == {
        "bottom_line": 2.0,
        "on_topic": 1.0,
        "misleading_per_answer": 0.0,
        "overall": 4.0,
    }
    with pytest.raises(SystemExit, match="p03"):
        script.scores(key, {**rows, "p03": rows["p01"]})
