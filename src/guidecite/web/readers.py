"""Who reads an article: the page's reader choices, from `guidecite.readers.Reader`.

The answer engine tailors the article to the reader itself (what comes first, definitions,
framing), so `audience_for` passes the reader through after checking it. An unknown reader
is the same `InputError` as in the CLI (400 `invalid_input`); "clinician" is accepted for
the physician, and the page and the API always say "physician".
"""

from __future__ import annotations

from ..readers import DEFAULT_READER as _DEFAULT
from ..readers import Reader, parse_reader
from ..readers import reader_or_default as _reader_or_default

#: Reader choices in the order the page offers them, with their labels (msgids: the page
#: shows them translated).
READERS: dict[str, str] = {reader.value: reader.label for reader in Reader}
DEFAULT_READER = _DEFAULT.value
#: The cookie that remembers a reader's choice.
READER_COOKIE = "guidecite_reader"


def audience_for(reader: str) -> str:
    """The engine's audience for a reader choice: the reader itself."""
    return check_reader(reader)


def check_reader(reader: str) -> str:
    """The reader's name ("physician" for "clinician"), else an InputError listing them."""
    return parse_reader(reader).value


def reader_or_default(reader: str | None) -> str:
    """A remembered or requested reader, or the default when it is missing or unknown."""
    return _reader_or_default(reader).value
