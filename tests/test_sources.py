"""read_sources: walking files and folders, naming sources, the reader registry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import CORPUS, needs_corpus
from guidecite.errors import PathError, SourceError
from guidecite.sources import READERS, SourceReader, count_files, read_sources
from guidecite.types import Section, SourceDocument


def _write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _sources(paths: list[Path]) -> list[str]:
    return [item.source for _, item in read_sources(paths) if isinstance(item, SourceDocument)]


def test_every_format_has_a_reader() -> None:
    assert {".md", ".markdown", ".html", ".htm", ".pdf", ".jsonl", ".txt"} <= set(READERS)
    assert all(isinstance(reader, SourceReader) for reader in READERS.values())


def test_folders_are_walked_in_name_order_skipping_hidden_and_unknown_files(
    tmp_path: Path,
) -> None:
    _write(tmp_path, "b.md", "# B\n\nText b.")
    _write(tmp_path, "a/c.txt", "C\n\nText c.")
    _write(tmp_path, "a/z/d.md", "# D\n\nText d.")
    _write(tmp_path, ".hidden.md", "# Hidden\n\nText.")
    _write(tmp_path, ".git/e.md", "# Hidden folder\n\nText.")
    _write(tmp_path, "notes.docx", "not a format we read")
    _write(tmp_path, "registry.json", "{}")

    assert _sources([tmp_path]) == ["a/c.txt", "a/z/d.md", "b.md"]
    assert count_files([tmp_path]) == 3


def test_sources_are_named_relative_to_the_folder_ingested(tmp_path: Path) -> None:
    _write(tmp_path, "ngc/ngc-1.html", "<h1>T</h1><p>Text.</p>")
    _write(tmp_path, "nci-pdq/x.md", "# X\n\nText.")

    assert _sources([tmp_path]) == ["nci-pdq/x.md", "ngc/ngc-1.html"]
    assert _sources([tmp_path / "ngc"]) == ["ngc-1.html"]


def test_a_file_given_directly_is_named_by_its_name(tmp_path: Path) -> None:
    path = _write(tmp_path, "deep/folder/guide.md", "# Guide\n\nText.")

    assert _sources([path]) == ["guide.md"]
    assert count_files([path]) == 1


def test_a_missing_path_raises_path_error_before_anything_is_read(tmp_path: Path) -> None:
    good = _write(tmp_path, "a.md", "# A\n\nText.")
    missing = tmp_path / "nowhere"

    with pytest.raises(PathError, match="nowhere"):
        read_sources([good, missing])
    with pytest.raises(PathError, match="nowhere"):
        count_files([missing])


def test_a_folder_without_readable_documents_gives_no_documents(tmp_path: Path) -> None:
    _write(tmp_path, "empty.md", "")
    _write(tmp_path, "picture.png", "not text")
    (tmp_path / "sub").mkdir()

    items = [item for _, item in read_sources([tmp_path])]

    assert not [item for item in items if isinstance(item, SourceDocument)]
    assert [str(item) for item in items] == ["empty.md: empty file"]


def test_an_empty_folder_gives_nothing(tmp_path: Path) -> None:
    assert list(read_sources([tmp_path])) == []
    assert count_files([tmp_path]) == 0


def test_a_file_of_an_unknown_kind_given_directly_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "guide.docx", "binary")

    [(where, item)] = list(read_sources([path]))

    assert where == path
    assert isinstance(item, SourceError)
    assert item.path == "guide.docx"
    assert ".md" in item.reason


def test_each_item_comes_with_the_file_it_was_read_from(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.md", "# A\n\nText.")
    second = _write(tmp_path, "b.jsonl", '{"id": "1", "text": "x"}\n{"id": "2", "text": "y"}\n')

    assert [path for path, _ in read_sources([tmp_path])] == [first, second, second]


class _UpperReader:
    """A stand-in reader: one document whose only section is the file's text in capitals."""

    def read(self, path: Path, root: Path) -> Iterator[SourceDocument | SourceError]:
        text = path.read_text(encoding="utf-8").upper()
        yield SourceDocument(source=path.name, title="Upper", sections=(Section((), text),))


def test_a_reader_registered_for_a_suffix_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(READERS, ".up", _UpperReader())
    _write(tmp_path, "x.up", "shout")

    [(_, doc)] = list(read_sources([tmp_path]))

    assert isinstance(doc, SourceDocument)
    assert doc.sections[0].text == "SHOUT"


def test_a_real_folder_reads_without_errors() -> None:
    needs_corpus()
    folder = CORPUS / "open-medicine"

    items = [item for _, item in read_sources([folder])]

    assert not [item for item in items if isinstance(item, SourceError)]
    assert len(items) == count_files([folder]) == 145
    assert items[0].source == "aasld_cirrhosis_2023/complications.md"  # type: ignore[union-attr]
