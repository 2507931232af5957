"""Hostile and careless files: every bad file or record is reported with its path (and line)
and the reason, and the rest of the ingest is stored (issue 10, parts 1 and 3).

Property-based tests (hypothesis, bounded) feed arbitrary bytes to every reader: each
yields documents or SourceErrors and never raises.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guidecite.embedding import get_embedder
from guidecite.errors import SourceError
from guidecite.ingest import ingest_paths
from guidecite.sources import READERS, read_file, read_sources
from guidecite.store.embedded import EmbeddedStore
from guidecite.types import SourceDocument

GOOD = "---\ntitle: Widget fever\n---\n# Widget fever\n\nRest for 3 days is recommended.\n"
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    opened = EmbeddedStore(tmp_path / "home")
    yield opened
    opened.close()


def errors_by_source(report_errors: list[SourceError]) -> dict[str, str]:
    return {error.path: error.reason for error in report_errors}


# -- one bad file or record never aborts the ingest ---------------------------------------


def test_a_lone_surrogate_in_a_json_lines_record_is_stored_cleaned(store, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    records = [
        '{"id": "a", "title": "Bad \\ud800 one", "text": "Rest \\ud800 is advised for fever."}',
        '{"id": "b", "title": "Good one", "text": "Fluids are recommended for fever."}',
    ]
    write(docs, "q.jsonl", "\n".join(records) + "\n")
    report = ingest_paths(store, [docs], get_embedder("hash"))
    assert (report.added, report.errors) == (2, [])
    titles = {row[0] for row in store.sql.db.execute("SELECT title FROM documents")}
    assert titles == {"Bad \ufffd one", "Good one"}


def test_html_nested_thousands_deep_is_read_without_recursion(store, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for depth in (1_000, 20_000):
        body = "<div>" * depth + "<p>Deep advice is recommended.</p>" + "</div>" * depth
        write(docs, f"deep{depth}.html", f"<html><body><h1>Deep {depth}</h1>{body}</body></html>")
    nested_list = "<ul><li>" * 3_000 + "Listed advice." + "</li></ul>" * 3_000
    write(docs, "lists.html", f"<html><body><h1>Lists</h1>{nested_list}</body></html>")
    write(docs, "guide.md", GOOD)
    report = ingest_paths(store, [docs], get_embedder("hash"))
    assert (report.added, report.errors) == (4, [])
    texts = " ".join(row[0] for row in store.sql.db.execute("SELECT text FROM passages"))
    assert "Deep advice is recommended." in texts and "Listed advice." in texts


def test_bad_files_are_each_reported_and_the_rest_is_stored(store, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "guide.md", GOOD)
    write(docs, "empty.md", b"")
    write(docs, "latin1.txt", "Fi\u00e8vre".encode("latin-1"))
    write(docs, "broken.pdf", b"%PDF-1.4 not really")
    write(docs, "big.txt", "Widget fever. " * 200)
    write(docs, "lines.jsonl", '{"id": "ok", "text": "Fine text here."}\nnot json\n[1]\n')
    report = ingest_paths(store, [docs], get_embedder("hash"), max_bytes=1_000)
    reasons = errors_by_source(report.errors)
    assert report.added == 2  # guide.md and the good JSON Lines record
    assert reasons["empty.md"] == "empty file"
    assert "not UTF-8" in reasons["latin1.txt"]
    assert "broken.pdf" in reasons
    assert "over the limit of 1,000" in reasons["big.txt"]
    assert "invalid JSON" in reasons["lines.jsonl#line 2"]
    assert reasons["lines.jsonl#line 3"] == "not a JSON object"


def test_a_json_line_nested_too_deeply_loses_only_that_line(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    write(tmp_path, "deep.jsonl", f'{deep}\n{{"id": "ok", "text": "Fine text here."}}\n')
    items = [str(item) for item in read_file(tmp_path / "deep.jsonl", tmp_path)]
    assert items[0] == "deep.jsonl#line 1: JSON nested too deeply"
    assert len(items) == 2 and "deep.jsonl#ok" in items[1]


# -- paths are data, not commands ---------------------------------------------------------


def test_links_leaving_the_folder_fifos_and_sockets_are_refused(store, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "guide.md", GOOD)
    outside = write(tmp_path / "outside", "secret.txt", "Secret text outside the folder.")
    (docs / "passwd.txt").symlink_to("/etc/passwd")
    (docs / "secret.txt").symlink_to(outside)
    (docs / "elsewhere").symlink_to(tmp_path / "outside", target_is_directory=True)
    (docs / "dangling.md").symlink_to(tmp_path / "gone.md")
    (docs / "inside.md").symlink_to(docs / "guide.md")  # inside the folder: followed
    os.mkfifo(docs / "pipe.md")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(docs / "sock.md"))
        report = ingest_paths(store, [docs], get_embedder("hash"))
    reasons = errors_by_source(report.errors)
    assert "leaves the ingested folder (to /etc/passwd)" in reasons["passwd.txt"]
    assert "leaves the ingested folder" in reasons["secret.txt"]
    assert "leaves the ingested folder" in reasons["elsewhere"]
    assert "leads nowhere" in reasons["dangling.md"]
    assert reasons["pipe.md"] == "not a regular file (a FIFO); refused"
    assert reasons["sock.md"] == "not a regular file (a socket); refused"
    sources = {row[0] for row in store.sql.db.execute("SELECT source FROM documents")}
    assert sources == {"guide.md", "inside.md"}


def test_a_device_or_fifo_given_directly_is_refused_without_reading(tmp_path: Path) -> None:
    """/dev/zero gave MemoryError and a FIFO hung: neither is opened."""
    os.mkfifo(tmp_path / "pipe.md")
    for path in (Path("/dev/zero"), Path("/dev/null"), tmp_path / "pipe.md"):
        (error,) = [item for _, item in read_sources([path])]
        assert isinstance(error, SourceError)
        assert error.reason.startswith("not a regular file"), error.reason


def test_a_folder_that_cannot_be_listed_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unreadable subfolder raised PermissionError and stopped the walk. Root may list
    any folder, so as root listing that one folder is refused at the filesystem seam."""
    docs = tmp_path / "docs"
    write(docs, "a.md", GOOD)
    locked = write(docs / "locked", "b.md", GOOD).parent
    write(docs, "z.md", GOOD.replace("Widget", "Gadget"))
    if os.geteuid() == 0:
        real = Path.iterdir

        def iterdir(self: Path):  # type: ignore[no-untyped-def]
            if self == locked:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "iterdir", iterdir)
    os.chmod(locked, 0o000)
    try:
        items = [item for _, item in read_sources([docs])]
    finally:
        os.chmod(locked, 0o755)
    assert [getattr(item, "source", None) for item in items] == ["a.md", None, "z.md"]
    assert str(items[1]) == "locked: folder cannot be read (Permission denied)"


# -- every reader survives any bytes ------------------------------------------------------


@pytest.mark.parametrize("suffix", sorted(READERS))
@FUZZ
@given(data=st.binary(max_size=2_000))
def test_every_reader_survives_arbitrary_bytes(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    for item in read_file(path, tmp_path):
        assert isinstance(item, (SourceDocument, SourceError))
        if isinstance(item, SourceDocument):
            item.content_hash  # noqa: B018  (encodable: no lone surrogates left)


_MARKUP = st.lists(
    st.sampled_from(
        [
            "<div>",
            "</div>",
            "<ul>",
            "<li>",
            "</li>",
            "<ol start=x>",
            "<table>",
            "<tr><td>",
            "<h1>",
            "</h2>",
            "<sup>",
            "<p>",
            "<br>",
            "# ",
            "## ",
            "- ",
            "1. ",
            "| a |",
            "\n",
            "```",
            "---\n",
            "title: [",
            "\ud800",
            "\x00",
            "é",
            "Rest is advised. ",
            "{",
            "}",
            '"id": 1',
            '"text": "',
            "\\ud800",
            "<!--",
            "<![CDATA[",
            "&amp;",
            "&#0;",
        ]
    ),  # fmt: skip
    max_size=300,
).map("".join)


@pytest.mark.parametrize("suffix", [".md", ".html", ".jsonl", ".txt"])
@FUZZ
@given(text=_MARKUP)
def test_every_text_reader_survives_arbitrary_markup(
    tmp_path: Path, suffix: str, text: str
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    for item in read_file(path, tmp_path):
        assert isinstance(item, (SourceDocument, SourceError))
        if isinstance(item, SourceDocument):
            item.content_hash  # noqa: B018
