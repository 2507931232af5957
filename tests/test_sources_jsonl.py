"""The JSON Lines reader: MedQuAD records, bad lines, repeated ids."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from itertools import islice
from pathlib import Path

import pytest

from conftest import CORPUS, needs_corpus
from guidecite.errors import SourceError
from guidecite.sources.jsonl import JsonlReader, unflatten, unglued
from guidecite.types import SourceDocument


def _items(path: Path, root: Path | None = None) -> list[SourceDocument | SourceError]:
    return list(JsonlReader().read(path, root or path.parent))


def _write(tmp_path: Path, lines: Sequence[str | Mapping[str, object]]) -> Path:
    path = tmp_path / "records.jsonl"
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    path.write_text(text + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def medquad(tmp_path_factory: pytest.TempPathFactory) -> list[SourceDocument | SourceError]:
    """The first lines of the shared MedQuAD file, read from a folder named like the corpus."""
    needs_corpus()
    root = tmp_path_factory.mktemp("corpus")
    (root / "medquad").mkdir()
    with (CORPUS / "medquad" / "medquad.jsonl").open(encoding="utf-8") as source:
        lines = list(islice(source, 5))
    (root / "medquad" / "medquad.jsonl").write_text("".join(lines), encoding="utf-8")
    return _items(root / "medquad" / "medquad.jsonl", root)


def test_medquad_records_are_documents_named_by_id(medquad: list[object]) -> None:
    first = medquad[0]

    assert len(medquad) == 5
    assert isinstance(first, SourceDocument)
    assert first.source == "medquad/medquad.jsonl#medquad-1-0000001_1"
    assert first.title == "Adult Acute Lymphoblastic Leukemia"
    assert (first.issuer, first.audience, first.rights) == ("CancerGov", "patient", "CC BY 4.0")
    assert first.url == "https://www.cancer.gov/types/leukemia/patient/adult-all-treatment-pdq"


def test_medquad_questions_are_sections_and_lists_are_lines(medquad: list[object]) -> None:
    first = medquad[0]
    assert isinstance(first, SourceDocument)
    lines = first.sections[0].text.splitlines()

    assert first.sections[0].path == ("What is (are) Adult Acute Lymphoblastic Leukemia ?",)
    assert lines[0] == "Key Points"
    assert lines[1].startswith("- Adult acute lymphoblastic leukemia (ALL) is a type of cancer")
    assert lines[2] == "- Leukemia may affect red blood cells, white blood cells, and platelets."
    assert not [line for line in lines if "    " in line]


def test_flattened_lists_and_paragraphs_are_split() -> None:
    text = "Causes:    - One.    -  Two ends here.         Next paragraph."

    assert unflatten(text) == "Causes:\n- One.\n- Two ends here.\n\nNext paragraph."
    assert unflatten("A range of 1 - 2 mg - daily") == "A range of 1 - 2 mg - daily"


def test_a_flattened_list_ends_where_three_spaces_start_a_sentence() -> None:
    text = "Pain due to:  - Cancer  - Rheumatoid arthritis   Hypnosis is a focused state.  It is."

    assert unflatten(text) == (
        "Pain due to:\n- Cancer\n- Rheumatoid arthritis\n\nHypnosis is a focused state.  It is."
    )


def test_words_run_together_where_a_dash_was_lost_are_written_apart() -> None:
    lost = "A few older drugssuch as acetazolamide or outdated tetracyclinecan cause RTA."
    assert unglued(lost) == (
        "A few older drugs such as acetazolamide or outdated tetracycline can cause RTA."
    )
    assert (
        unflatten("Insulin helps metabolismthe process") == "Insulin helps metabolism the process"
    )
    # words of the dictionary, Latin names and names stay as written
    kept = "Granuloma annulare and keratosis follicularis; a husband understands; Ferdinand"
    assert unglued(kept) == kept


def test_bad_lines_are_errors_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            {"id": "a", "title": "A", "text": "Alpha."},
            "{not json",
            "[1, 2]",
            {"id": "b", "title": "B"},
            {"title": "No id", "text": "x"},
            "",
            {"id": "c", "title": "C", "clean_text": "# C\n\n## Q?\n\nGamma.", "year": "2018"},
        ],
    )

    items = _items(path)

    errors = [(e.path, e.reason) for e in items if isinstance(e, SourceError)]
    docs = [d for d in items if isinstance(d, SourceDocument)]
    assert [d.source for d in docs] == ["records.jsonl#a", "records.jsonl#c"]
    assert [e[0] for e in errors] == [f"records.jsonl#line {n}" for n in (2, 3, 4, 5)]
    assert errors[0][1].startswith("invalid JSON")
    assert errors[1][1] == "not a JSON object"
    assert errors[2][1] == "no text (neither clean_text nor text)"
    assert errors[3][1] == "no id"
    assert (docs[1].year, docs[1].sections[0].path, docs[1].sections[0].text) == (
        2018,
        ("Q?",),
        "Gamma.",
    )


def test_invalid_utf8_on_one_line_is_an_error_for_that_line(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "ok"}\n')

    first, second = _items(path)

    assert isinstance(first, SourceError) and first.path == "records.jsonl#line 1"
    assert isinstance(second, SourceDocument) and second.source == "records.jsonl#b"


def test_repeated_ids_keep_one_copy_and_distinct_records_get_their_own_source(
    tmp_path: Path,
) -> None:
    record = {"id": "x", "title": "X", "text": "Same."}
    other = {"id": "x", "title": "Y", "text": "Different."}
    path = _write(tmp_path, [record, record, other, record, {**other, "text": "Third."}])

    docs = _items(path)

    assert [(d.source, d.title) for d in docs if isinstance(d, SourceDocument)] == [
        ("records.jsonl#x", "X"),
        ("records.jsonl#x~2", "Y"),
        ("records.jsonl#x~3", "Y"),
    ]


def test_title_from_the_text_when_the_record_has_none(tmp_path: Path) -> None:
    path = _write(tmp_path, [{"id": 7, "text": "# Gout\n\nFlares hurt.", "audience": "x"}])

    [doc] = _items(path)

    assert isinstance(doc, SourceDocument)
    assert (doc.source, doc.title, doc.audience) == ("records.jsonl#7", "Gout", "clinician")
    assert doc.sections[0].path == ()
