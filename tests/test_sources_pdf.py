"""The PDF reader, on PDFs this file writes itself (Helvetica text at chosen sizes)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pypdf
import pytest

from guidecite.errors import SourceError
from guidecite.sources.pdf import PdfReader
from guidecite.types import SourceDocument

Page = Sequence[tuple[float, str]]  # (font size, text) lines, top to bottom


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: Sequence[Page], title: str | None = None) -> bytes:
    """A minimal PDF: Helvetica (Windows-1252 text), each line at its size, maybe a /Title."""
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree, filled in below
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for lines in pages:
        y, ops = 760.0, []
        for size, text in lines:
            ops.append(f"BT /F1 {size} Tf 72 {y:.0f} Td ({_escape(text)}) Tj ET")
            y -= size * 1.6
        stream = "\n".join(ops).encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
            b" /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objects)
        )
        kids.append(f"{len(objects)} 0 R")
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    info = ""
    if title is not None:
        objects.append(f"<< /Title ({_escape(title)}) >>".encode("latin-1"))
        info = f" /Info {len(objects)} 0 R"
    return _assemble(objects, info)


def _assemble(objects: list[bytes], info: str) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R{info} >>"
    out += f"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _read(tmp_path: Path, data: bytes) -> SourceDocument | SourceError:
    path = tmp_path / "guide.pdf"
    path.write_bytes(data)
    [item] = list(PdfReader().read(path, tmp_path))
    return item


def _doc(tmp_path: Path, data: bytes) -> SourceDocument:
    doc = _read(tmp_path, data)
    assert isinstance(doc, SourceDocument), doc
    return doc


def _error(tmp_path: Path, data: bytes) -> SourceError:
    error = _read(tmp_path, data)
    assert isinstance(error, SourceError), error
    return error


GUIDE = [
    [
        (20, "Asthma in Adults"),
        (11, "This guideline covers the care of adults with asthma and is"),
        (11, "meant for primary care."),
        (15, "Treatment"),
        (11, "Start with an inhaled corticosteroid."),
        (11, "2.1 Step therapy"),
        (11, "• Step one uses a low dose of an inhaled"),
        (11, "corticosteroid."),
        (11, "• Step two adds a long-acting beta agonist."),
        (11, "The review of treat-"),
        (11, "ment happens yearly."),
    ],
    [(15, "Monitoring"), (11, "Check inhaler technique at every visit.")],
]


def test_headings_are_found_by_font_size_and_numbering(tmp_path: Path) -> None:
    doc = _doc(tmp_path, make_pdf(GUIDE))

    assert doc.title == "Asthma in Adults"
    assert doc.language == "en"
    assert [(s.path, s.text.splitlines()) for s in doc.sections] == [
        (
            (),
            ["This guideline covers the care of adults with asthma and is meant for primary care."],
        ),
        (("Treatment",), ["Start with an inhaled corticosteroid."]),
        (
            ("Treatment", "2.1 Step therapy"),
            [
                "- Step one uses a low dose of an inhaled corticosteroid.",
                "- Step two adds a long-acting beta agonist.",
                "The review of treat-ment happens yearly.",
            ],
        ),
        (("Monitoring",), ["Check inhaler technique at every visit."]),
    ]


def test_the_metadata_title_wins_unless_it_is_a_file_name(tmp_path: Path) -> None:
    assert _doc(tmp_path, make_pdf(GUIDE, title="BTS Asthma 2019")).title == "BTS Asthma 2019"
    assert _doc(tmp_path, make_pdf(GUIDE, title="Microsoft Word - draft7.docx")).title == (
        "Asthma in Adults"
    )


def test_a_wrapped_large_heading_is_one_heading(tmp_path: Path) -> None:
    body = [(11, "Body text that is longer than the heading above it.")] * 2
    pages = [[(18, "Management of Chronic"), (18, "Kidney Disease"), *body]]

    doc = _doc(tmp_path, make_pdf(pages))

    assert doc.title == "Management of Chronic Kidney Disease"
    assert doc.sections[0].path == ()


def test_page_numbers_and_running_headers_and_footers_are_dropped(tmp_path: Path) -> None:
    words = ["First", "Second", "Third"]
    pages = [
        [
            (9, f"NICE guideline NG{n}0"),
            (11, f"{word} paragraph of the guideline."),
            (11, "Grade 1 evidence."),
            (11, f"{word} closing paragraph."),
            (9, f"Page {n} of 3"),
            (9, str(n)),
        ]
        for n, word in enumerate(words, start=1)
    ]

    doc = _doc(tmp_path, make_pdf(pages))

    lines = doc.sections[0].text.splitlines()
    assert lines[:3] == [
        "First paragraph of the guideline.",
        "Grade 1 evidence.",
        "First closing paragraph.",
    ]
    assert len(lines) == 9
    assert not [line for line in lines if "NICE" in line or "Page" in line]


@pytest.mark.parametrize(
    "data", [b"", b"not a pdf at all", make_pdf(GUIDE)[:300]], ids=["empty", "text", "truncated"]
)
def test_a_corrupt_pdf_is_an_error(tmp_path: Path, data: bytes) -> None:
    error = _error(tmp_path, data)

    assert error.path == "guide.pdf"
    assert error.reason.startswith("not a readable PDF")


def _encrypted(user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(make_pdf(GUIDE)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_encrypted_pdf_is_an_error(tmp_path: Path) -> None:
    error = _error(tmp_path, _encrypted("secret"))

    assert error.reason == "encrypted PDF: it needs a password to be read"


def test_an_encrypted_pdf_with_an_empty_password_is_read(tmp_path: Path) -> None:
    assert _doc(tmp_path, _encrypted("")).title == "Asthma in Adults"


def test_a_pdf_without_text_is_an_error(tmp_path: Path) -> None:
    error = _error(tmp_path, make_pdf([[]]))

    assert "no text found" in error.reason
