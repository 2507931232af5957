"""Who reads an article: the reader choices of the page.

The reader profiles are `guidecite.audience`'s: the answer engine tailors the article to the
reader itself (what comes first, definitions, framing), so `audience_for` passes the reader
through after checking it.
"""

from __future__ import annotations

from ..audience import READERS as READER_NAMES
from ..errors import InputError
from ..i18n import N_

_LABELS = {
    "physician": N_("Physician"),
    "nurse": N_("Nurse"),
    "pharmacist": N_("Pharmacist"),
    "student": N_("Student"),
    "patient": N_("Patient or carer"),
}
#: Reader choices in the order the page offers them, with their labels (msgids: the page
#: shows them translated).
READERS: dict[str, str] = {name: _LABELS[name] for name in READER_NAMES}
DEFAULT_READER = "physician"
#: The cookie that remembers a reader's choice.
READER_COOKIE = "guidecite_reader"


def audience_for(reader: str) -> str:
    """The engine's audience for a reader choice: the reader itself."""
    return check_reader(reader)


def check_reader(reader: str) -> str:
    """`reader` if it is one of READERS, else an InputError listing them."""
    if reader not in READERS:
        raise InputError(f"unknown reader {reader!r}; choose one of: {', '.join(READERS)}")
    return reader


def reader_or_default(reader: str | None) -> str:
    """A remembered or requested reader, or the default when it is missing or unknown."""
    return reader if reader in READERS else DEFAULT_READER
