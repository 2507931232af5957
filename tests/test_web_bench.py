"""`guidecite bench-web` end to end at a tiny size: a real server process on loopback."""

from __future__ import annotations

from pathlib import Path

from guidecite.web.bench import format_report, load_questions, run_bench, summary


def test_questions_come_from_a_file_or_from_the_library_titles(
    slice_home: Path, tmp_path: Path
) -> None:
    lines = tmp_path / "q.jsonl"
    lines.write_text('{"question": "What is asthma?"}\nWhat is COPD?\n\nWhat is COPD?\n')
    assert load_questions(lines, slice_home, 10) == ["What is asthma?", "What is COPD?"]
    made = load_questions(None, slice_home, 5)
    assert len(made) == 5 and all(q.startswith("What do the guidelines say about") for q in made)


def test_a_tiny_run_measures_every_part_and_counts_errors(slice_home: Path, tmp_path: Path) -> None:
    report = run_bench(
        slice_home, None, new_count=2, stored_count=3, clients=2, seconds=1.0, work=tmp_path
    )
    assert report["new_answer_page_ms"]["n"] == 2
    assert report["stored_article_page_ms"]["n"] == 3
    assert report["load"]["requests"] > 0 and report["load"]["errors"] == 0
    assert "stored article page" in format_report(report)
    assert list(tmp_path.iterdir()) == []  # the library copy is gone


def test_summary_of_no_timings() -> None:
    assert summary([]) == {"n": 0}
    assert summary([0.001, 0.003])["p50"] == 2.0
