"""Who an article is told for: one type for the five readers, used by the CLI, the engine,
the renderers, the pages and the API.

    reader = parse_reader("clinician")     # Reader.PHYSICIAN: the one alias, on input only
    reader.label                           # "Physician" (a msgid: translated where shown)
    reader.for_label                       # "For physicians"
    reader.documents                       # "clinician": the audience of the documents preferred

An unknown name is an `InputError` listing the choices, in the CLI (exit code 2) as on the
web (400 `invalid_input`). Output always names the reader: `physician`, never `clinician`.
How each reader's article is shaped (order, leading statements, definitions) is
`guidecite.audience`'s profile of the reader.
"""

from __future__ import annotations

from enum import StrEnum

from .errors import InputError
from .i18n import N_


class Reader(StrEnum):
    """The readers, in the order the page offers them."""

    PHYSICIAN = "physician"
    NURSE = "nurse"
    PHARMACIST = "pharmacist"
    STUDENT = "student"
    PATIENT = "patient"

    @property
    def label(self) -> str:
        """The reader's one word, capitalised: "Physician" (a msgid)."""
        return _LABELS[self]

    @property
    def for_label(self) -> str:
        """ "For physicians" (a msgid)."""
        return _FOR_LABELS[self]

    @property
    def documents(self) -> str:
        """The audience of the documents this reader is given first."""
        return "patient" if self is Reader.PATIENT else "clinician"


_LABELS = {
    Reader.PHYSICIAN: N_("Physician"),
    Reader.NURSE: N_("Nurse"),
    Reader.PHARMACIST: N_("Pharmacist"),
    Reader.STUDENT: N_("Student"),
    Reader.PATIENT: N_("Patient"),
}
_FOR_LABELS = {
    Reader.PHYSICIAN: N_("For physicians"),
    Reader.NURSE: N_("For nurses"),
    Reader.PHARMACIST: N_("For pharmacists"),
    Reader.STUDENT: N_("For students"),
    Reader.PATIENT: N_("For patients"),
}

DEFAULT_READER = Reader.PHYSICIAN
#: Names accepted on input for a reader; never written out.
ALIASES: dict[str, Reader] = {"clinician": Reader.PHYSICIAN}
#: Every name accepted on input: the readers, then the aliases.
READER_NAMES: tuple[str, ...] = (*(r.value for r in Reader), *ALIASES)


def parse_reader(name: str) -> Reader:
    """The reader a name means ("clinician" is the physician); else an InputError listing
    the choices."""
    key = str(name).strip().casefold()
    if key in ALIASES:
        return ALIASES[key]
    try:
        return Reader(key)
    except ValueError:
        raise InputError(
            f"unknown reader {name!r}; choose one of: {', '.join(Reader)} "
            f"(clinician is accepted for physician)"
        ) from None


def parse_readers(names: str) -> list[Reader]:
    """ "all", or names separated by commas ("nurse,patient"), as readers."""
    if names.strip() == "all":
        return list(Reader)
    return [parse_reader(name) for name in names.split(",") if name.strip()]


def reader_or_default(name: str | None) -> Reader:
    """A remembered or requested reader, or the default when it is missing or unknown."""
    try:
        return DEFAULT_READER if name is None else parse_reader(name)
    except InputError:
        return DEFAULT_READER
