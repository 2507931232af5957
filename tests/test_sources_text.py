"""The plain text reader."""

from __future__ import annotations

from pathlib import Path

from guidecite.errors import SourceError
from guidecite.sources.text import TextReader
from guidecite.types import SourceDocument


def _read(tmp_path: Path, data: bytes) -> SourceDocument | SourceError:
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    [item] = list(TextReader().read(path, tmp_path))
    return item


def test_title_paragraphs_lists_and_headings(tmp_path: Path) -> None:
    text = (
        "\n  Gout management  \n\nAcute flares need\nprompt treatment.\n\n"
        "TREATMENT\n\n- Colchicine early.\n- NSAIDs if\n  no contraindication.\n\n"
        "2.1 Long-term care\n\nUrate-lowering therapy for\nrecurrent flares.\n"
        "A LINE IN CAPITALS WITHIN A PARAGRAPH\n"
    )

    doc = _read(tmp_path, text.encode())

    assert isinstance(doc, SourceDocument)
    assert (doc.source, doc.title) == ("notes.txt", "Gout management")
    assert [(s.path, s.text.splitlines()) for s in doc.sections] == [
        ((), ["Acute flares need prompt treatment."]),
        (("TREATMENT",), ["- Colchicine early.", "- NSAIDs if no contraindication."]),
        (
            ("TREATMENT", "2.1 Long-term care"),
            ["Urate-lowering therapy for recurrent flares. A LINE IN CAPITALS WITHIN A PARAGRAPH"],
        ),
    ]


def test_empty_title_only_and_undecodable_files_are_errors(tmp_path: Path) -> None:
    empty = _read(tmp_path, b"")
    blank = _read(tmp_path, b"\n  \n")
    title_only = _read(tmp_path, b"Just a title\n")
    latin1 = _read(tmp_path, b"Title\n\nCaf\xe9\n")

    assert isinstance(empty, SourceError) and empty.reason == "no text found"
    assert isinstance(blank, SourceError) and blank.reason == "no text found"
    assert isinstance(title_only, SourceError) and title_only.reason == "no text found"
    assert isinstance(latin1, SourceError) and "not UTF-8" in latin1.reason
