"""The interface in the reader's language: gettext catalogs for the page, the renderers and
the readers' notices.

    _ = translator("es").gettext
    _("Bottom line")                       # "En resumen"

Catalogs are `locale/<lang>/LC_MESSAGES/guidecite.po`, compiled to `.mo` by
`scripts/compile_translations.py` (both are kept in the package). Only interface text is in
them: statements, titles and citations are quoted from the sources and never translated.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from .errors import InputError

DOMAIN = "guidecite"
LOCALE_DIR = Path(__file__).parent / "locale"
#: Interface languages, the default first.
LANGUAGES: tuple[str, ...] = ("en", "es")
DEFAULT_LANGUAGE = "en"
#: Names of the languages, each in its own language (the page's language switch).
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def N_(message: str) -> str:  # noqa: N802 - the conventional name of a gettext marker
    """Marks a message for the catalog where it is defined; it is translated where shown."""
    return message


@lru_cache(maxsize=len(LANGUAGES))
def translator(language: str) -> gettext.NullTranslations:
    """The translations of one interface language (English: the messages themselves)."""
    language = check_language(language)
    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, [language])


def check_language(language: str) -> str:
    """`language` if it is one of LANGUAGES, else an InputError listing them."""
    if language not in LANGUAGES:
        raise InputError(f"unknown language {language!r}; choose one of: {', '.join(LANGUAGES)}")
    return language


def language_or_default(language: str | None) -> str:
    """A remembered or requested language, or the default when it is missing or unknown."""
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def translate_messages(
    text: str,
    messages: Sequence[str],
    gettext: Callable[[str], str],
    translated: Collection[str] = (),
) -> str:
    """`text` with each English message in it (a template with %(name)s placeholders, in
    the order given) put in the interface language. The placeholders' words are kept as they
    were, but for those named in `translated`, which are interface words themselves."""
    for message in messages:
        translation = gettext(message)
        if translation == message:
            continue

        def put(found: re.Match[str], translation: str = translation) -> str:
            words = {
                name: gettext(value) if name in translated else value
                for name, value in found.groupdict().items()
            }
            return translation % words

        text = _pattern(message).sub(put, text)
    return text


def translate_whole(
    text: str,
    messages: Sequence[str],
    gettext: Callable[[str], str],
    within: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """`text` put in the interface language when the whole of it is one of the English
    messages filled in (its placeholders may hold any words, full stops included); else as
    it was. A placeholder named in `within` holds one of those messages in turn, put in the
    interface language the same way ("The library holds no evidence ...: %(reason)s.", the
    reason itself a message)."""
    inner = within or {}
    for message in messages:
        found = _pattern(message, whole=True).fullmatch(text)
        if found is None:
            continue
        words = {
            name: translate_whole(value, inner[name], gettext) if name in inner else value
            for name, value in found.groupdict().items()
        }
        return gettext(message) % words
    return text


@lru_cache(maxsize=64)
def _pattern(message: str, whole: bool = False) -> re.Pattern[str]:
    """A placeholder matches as little as it can within a longer text, as much as it can
    when the message is the whole text."""
    parts = _PLACEHOLDER.split(message)  # literal, name, literal, name, ..., literal
    words = ".+" if whole else ".+?"
    pattern = "".join(
        re.escape(part) if i % 2 == 0 else f"(?P<{part}>{words})" for i, part in enumerate(parts)
    )
    return re.compile(pattern, re.DOTALL) if whole else re.compile(pattern)
