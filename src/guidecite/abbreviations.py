"""Abbreviations: their definitions in the library, a table of senses, a question's expansions.

Clinicians write "NSE", "CgA" or "AF on a DOAC"; guidelines often spell the term out. Three
steps close that gap, and none of them holds a clinical fact of its own:

- `find_definitions` reads "long form (SF)" and "SF (long form)" pairs out of running text
  with the algorithm of Schwartz and Hearst (2003).
- `AbbreviationTable` keeps, for each normalised short form, the long forms seen with their
  counts and origin: "library" (mined from ingested text) or "dictionary" (read from a file by
  `load_dictionary`, such as the ADAM database of abbreviations defined in MEDLINE).
- `expand` picks the senses a question means: by its other words (`relatedness`, usually an
  embedding model), by how many passages of the library use each long form (`known`) and by
  each sense's weight in the table.

Normalised short forms ignore case, hyphens and a plural "s" ("NETs", "NET" and "net" share a
key); long forms that differ only in case, hyphens, British spelling or a plural count as one
sense, shown in their most frequent spelling.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wordfreq import zipf_frequency

from .errors import ConfigError, StoreError, unknown_name

LIBRARY = "library"
DICTIONARY = "dictionary"
ORIGINS = (LIBRARY, DICTIONARY)
JSON_FORMAT = "guidecite.abbreviations"
JSON_VERSION = 1


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: English words that look like abbreviations when written in capitals.
NOT_ABBREVIATIONS = _word_set(
    "AM AN AND ARE AS AT BE BUT BY CAN DO FOR HE HOW IF IN IS IT ME MY NO NOT OF OK ON OR PM "
    "SO THE TO UP US VS WE WHAT WHEN WHO WHY"
)
#: Words after which a Roman numeral is a stage, grade or class, not an abbreviation.
NUMBERED_WORDS = _word_set(
    "category class classes cycle degree factor grade grades group level part phase phases "
    "stage stages step tier type types"
)

Known = Callable[[str], int]
Relatedness = Callable[[str, Sequence[str]], Sequence[float]]


# -- finding definitions (Schwartz & Hearst 2003) ------------------------------------------

_BRACKETED = re.compile(r"[(\[]([^()\[\]\n]{1,100})[)\]]")
_CLAUSE_END = re.compile(r"[.!?](?=\s)|[;:()\[\]{}|*#<>=\n\t]")
_SHORT_CHARS = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-/&+.']*")
_DOSE = re.compile(r"\d[\d.,]*[a-zµ]*[A-Z]?(?:/[A-Za-z]+)?")
_NOT_IN_LONG = re.compile(r"[=<>%]")
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})[A-C]?")
_CLAUSE_WINDOW = 300  # characters before a parenthesis searched for its long form


def find_definitions(text: str) -> Iterator[tuple[str, str]]:
    """(short form, long form) pairs defined in running text, as written there.

    Follows Schwartz and Hearst (2003): in "long form (SF)" the long form is found among the
    at most min(|SF| + 5, 2|SF|) words before the parenthesis by matching the short form's
    letters and digits right to left, its first character at the start of a word; in
    "SF (long form)" the whole parenthesis must match. Square brackets count as parentheses.
    Stricter than the paper: a short form is one token shaped like an abbreviation (an
    upper-case letter, no dose like "5mL"), so "(see Table 2)", "(n = 34)", "(p < 0.05)",
    "(95% CI ...)" and years never qualify; a long form starts no list ("cause, GFR
    category, and albuminuria category (CGA)"). A plural's "s" is first left unmatched.
    """
    for match in _BRACKETED.finditer(text):
        inner = match.group(1).strip()
        before = _clause_before(text, match.start())
        pair = _defined_before(inner, before) or _defined_inside(inner, before)
        if pair is not None:
            yield pair


def _clause_before(text: str, end: int) -> str:
    """The text between the last clause boundary before `end` and `end`."""
    start = max(0, end - _CLAUSE_WINDOW)
    window = text[start:end]
    cut = 0
    for boundary in _CLAUSE_END.finditer(window):
        cut = boundary.end()
    return window[cut:]


def _defined_before(inner: str, before: str) -> tuple[str, str] | None:
    """ "long form (SF)": the short form in the parenthesis, its long form before it."""
    short = re.split(r"[;,]\s", inner, maxsplit=1)[0].strip()
    if not _short_form_ok(short):
        return None
    candidate = " ".join(before.split()[-_word_limit(short) :])
    long = _match_plural_or_not(short, candidate)
    if long is None or not _long_form_ok(short, long):
        return None
    return short, long


def _defined_inside(inner: str, before: str) -> tuple[str, str] | None:
    """ "SF (long form)": the short form just before the parenthesis, its long form inside."""
    words = before.split()
    if not words or len(inner.split()) < 2:
        return None
    short = words[-1].strip(".,:;\"'")
    if not _short_form_ok(short) or len(inner.split()) > _word_limit(short):
        return None
    long = _match_plural_or_not(short, inner)
    if long != inner or not _long_form_ok(short, long):
        return None
    return short, long


def _word_limit(short: str) -> int:
    return min(len(short) + 5, 2 * len(short))


def _match_plural_or_not(short: str, candidate: str) -> str | None:
    """A plural's "s" rarely has a letter of its own ("activities of daily living (ADLs)")."""
    if _plural(short):
        return _match_long_form(short[:-1], candidate) or _match_long_form(short, candidate)
    return _match_long_form(short, candidate)


def _match_long_form(short: str, candidate: str) -> str | None:
    """The shortest end of `candidate` holding the short form's characters in order.

    The short form is read right to left; each letter or digit must occur in the candidate to
    the left of the previous one, and the first one must start a word or follow a hyphen or
    slash. The long form starts with the whole word ("ST-segment elevation ... (STEMI)")
    unless that word begins with another letter ("MEN1-Zollinger-Ellison syndrome (ZES)").
    """
    i = len(candidate) - 1
    for s in range(len(short) - 1, -1, -1):
        char = short[s].lower()
        if not char.isalnum():
            continue
        while i >= 0 and (
            candidate[i].lower() != char or (s == 0 and i > 0 and candidate[i - 1].isalnum())
        ):
            i -= 1
        if i < 0:
            return None
        i -= 1
    start = candidate.rfind(" ", 0, i + 1) + 1  # the word holding the first match
    if candidate[start].lower() != candidate[i + 1].lower():
        start = i + 1  # ...unless that word starts with another letter
    return candidate[start:].strip() or None


def may_stand_for(short: str, words: str) -> bool:
    """Whether a short form may stand for some words, by its letters in order (as
    find_definitions reads a definition): "CAP" for "community-acquired pneumonia"."""
    if not _short_form_ok(short):
        return False
    long = _match_plural_or_not(short, words)
    return long is not None and _long_form_ok(short, long)


def _short_form_ok(short: str) -> bool:
    return (
        _SHORT_CHARS.fullmatch(short) is not None
        and _DOSE.fullmatch(short) is None
        and _shaped_like_abbreviation(short, min_letters=1)
    )


def _long_form_ok(short: str, long: str) -> bool:
    words = {word.lower() for word in re.findall(r"[\w\-]+", long)}
    return (
        len(long) > len(short)
        and short.lower() not in words
        and _NOT_IN_LONG.search(long) is None
        and not long.split()[0].endswith(",")  # a list's last items ("cause, GFR, ... (CGA)")
        and any(char.islower() for char in long)
    )


def _plural(short: str) -> bool:
    return len(short) > 2 and short[-1] == "s" and (short[-2].isupper() or short[-2].isdigit())


# -- what looks like an abbreviation -------------------------------------------------------


def abbreviation_like(token: str) -> bool:
    """Whether a token is written like an abbreviation: NSE, CgA, pNET, HbA1c, 5-HIAA, NETs.

    It needs 2 to 10 letters and digits, two of them letters, an upper-case letter that is not
    just a capital at the start ("Figure", "Hb" are words), and at least 40% upper-case
    letters or digits ("McDonald" is a name). Capitalised English words ("OR", "US") and
    Roman numerals (II, IIIB, IV) are not abbreviations by themselves: `expand` reads a Roman
    numeral as one only where no word like "stage" or "class" precedes it.
    """
    return (
        token.upper() not in NOT_ABBREVIATIONS
        and not _roman(token)
        and _shaped_like_abbreviation(token, min_letters=2)
    )


def _shaped_like_abbreviation(token: str, *, min_letters: int) -> bool:
    alnum = [char for char in token if char.isalnum()]
    letters = sum(char.isalpha() for char in alnum)
    upper = sum(char.isupper() for char in alnum)
    digits = len(alnum) - letters
    if not 2 <= len(alnum) <= 10 or letters < min_letters or upper == 0:
        return False
    if upper == 1 and token[0].isupper() and digits == 0:
        return False
    return (upper + digits) / len(alnum) >= 0.4


def _roman(token: str) -> bool:
    return _ROMAN.fullmatch(token) is not None


# -- normalised keys -------------------------------------------------------------------------


def short_key(short: str) -> str:
    """The table's key of a short form: no plural "s", no punctuation, case folded."""
    if _plural(short):
        short = short[:-1]
    return re.sub(r"[^0-9a-z]", "", short.casefold())


def long_key(long: str) -> str:
    """One key for the spellings of a long form: case, hyphens, British spelling, plural."""
    text = re.sub(r"[^0-9a-z]+", " ", long.casefold()).strip()
    text = text.replace("ae", "e").replace("oe", "e").replace("our", "or")
    if text.endswith("ies"):
        return text[:-3] + "y"
    if text.endswith("s") and not text.endswith("ss"):
        return text[:-1]
    return text


# -- the table of senses -------------------------------------------------------------------


@dataclass(frozen=True)
class Sense:
    """One long form of a short form, as one origin knows it."""

    long: str  # the most frequent spelling
    origin: str  # "library" or "dictionary"
    count: int  # times defined: in the library's text, or where the dictionary looked
    weight: float  # the count, discounted by the dictionary's score where it gives one
    spellings: tuple[str, ...]  # every spelling of the long form seen, most frequent first
    forms: tuple[str, ...]  # the short form as written, most frequent first


@dataclass
class _Tally:
    count: int
    weight: float
    spellings: dict[str, int]  # long form as written -> count
    forms: dict[str, int]  # short form as written -> count

    def copy(self) -> _Tally:
        return _Tally(self.count, self.weight, dict(self.spellings), dict(self.forms))

    def absorb(self, other: _Tally) -> None:
        self.count += other.count
        self.weight += other.weight
        _add_counts(self.spellings, other.spellings)
        _add_counts(self.forms, other.forms)

    def sense(self, origin: str) -> Sense:
        spellings = _by_count(self.spellings)
        return Sense(
            spellings[0], origin, self.count, self.weight, spellings, _by_count(self.forms)
        )


def _add_counts(target: dict[str, int], source: dict[str, int]) -> None:
    for name, count in source.items():
        target[name] = target.get(name, 0) + count


def _by_count(counts: dict[str, int]) -> tuple[str, ...]:
    return tuple(sorted(counts, key=lambda name: (-counts[name], name)))


#: A one-word long form is read as its short form only where the library defines it so this
#: often, as at least this share of the short form's definitions, and both are words of the
#: trade: the long form rarer in everyday English than TRADE_WORD_ZIPF ("tuberculosis",
#: "hypertension"; not "infection", "test"), the short form no everyday word ("US", "IT")
#: and no Roman numeral ("IV").
ONE_WORD_SEEN = 3
ONE_WORD_SHARE = 0.5
TRADE_WORD_ZIPF = 3.7
EVERYDAY_SHORT_ZIPF = 4.0


def one_word_sense(long: str, short: str, count: int, seen: int) -> bool:
    """Whether a short form the library defines `count` times by one word (of `seen`
    definitions of it in all) stands for that word wherever the word is written."""
    if count < ONE_WORD_SEEN or count < ONE_WORD_SHARE * seen or _roman(short):
        return False
    if zipf_frequency(short.casefold(), "en") >= EVERYDAY_SHORT_ZIPF:
        return False
    return zipf_frequency(long, "en") < TRADE_WORD_ZIPF


class AbbreviationTable:
    """Normalised short forms, each with its long forms, their counts and their origin."""

    def __init__(self) -> None:
        self._entries: dict[str, dict[tuple[str, str], _Tally]] = {}
        self._by_long: dict[str, str] | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, short: object) -> bool:
        return isinstance(short, str) and short_key(short) in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def add(
        self,
        short: str,
        long: str,
        *,
        count: int = 1,
        origin: str = LIBRARY,
        score: float = 1.0,
    ) -> None:
        """Count `long` as a sense of `short` `count` times; `score` (0..1) discounts it."""
        long = " ".join(long.split())
        tally = _Tally(count, count * score, {long: count}, {short: count})
        self._absorb(short_key(short), origin, long_key(long), tally)

    def add_text(self, text: str) -> int:
        """Add every definition found in the text as a library sense; how many were found."""
        found = 0
        for short, long in find_definitions(text):
            self.add(short, long)
            found += 1
        return found

    def merge(self, other: AbbreviationTable) -> None:
        """Add every sense of `other` to this table."""
        for key, tallies in other._entries.items():
            for (origin, long), tally in tallies.items():
                self._absorb(key, origin, long, tally)

    def senses(self, short: str, origin: str | None = None) -> list[Sense]:
        """The senses of a short form, library ones first, each origin's by weight."""
        tallies = self._entries.get(short_key(short), {})
        senses = [
            tally.sense(key_origin)
            for (key_origin, _), tally in tallies.items()
            if origin is None or key_origin == origin
        ]
        return sorted(senses, key=lambda s: (ORIGINS.index(s.origin), -s.weight, s.long))

    def contractions(self, text: str, max_words: int = 6) -> list[tuple[str, str]]:
        """(long form as written in the text, its short form) for every long form the
        library itself defines that the text spells out: "obstructive sleep apnoea" ->
        "OSA", so that passages using only the short form are found too. A long form of
        one word counts only where it is a word of the trade and its short form stands for
        it (one_word_sense): "tuberculosis" -> "TB", not "calcium" -> "CAC" (the end of
        "coronary artery calcium (CAC)"). Such a word inside a longer long form the text
        spells out is found too ("latent tuberculosis infection": "LTBI" and "TB"), a longer
        phrase inside one is not ("small cell lung cancer" inside "non-small cell lung
        cancer"), and each once however often the text says it."""
        if self._by_long is None:
            self._by_long = self._library_long_forms()
        words = text.split()
        found: list[tuple[str, str]] = []
        for size in range(max_words, 0, -1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size]).strip(".,;:?!()")
                short = self._by_long.get(long_key(phrase))
                if not short or (phrase, short) in found:
                    continue
                if size == 1 or not any(phrase in longer for longer, _ in found):
                    found.append((phrase, short))
        return found

    def _library_long_forms(self) -> dict[str, str]:
        by_long: dict[str, tuple[int, str]] = {}
        for tallies in self._entries.values():
            library = {long: t for (origin, long), t in tallies.items() if origin == LIBRARY}
            seen = sum(tally.count for tally in library.values())
            for long, tally in library.items():
                form = _by_count(tally.forms)[0]
                if " " not in long and not one_word_sense(long, form, tally.count, seen):
                    continue
                if tally.count > by_long.get(long, (0, ""))[0]:
                    by_long[long] = (tally.count, form)
        return {long: form for long, (_, form) in by_long.items()}

    def _absorb(self, key: str, origin: str, long: str, tally: _Tally) -> None:
        if origin not in ORIGINS:
            raise unknown_name("abbreviation origin", origin, ORIGINS)
        self._by_long = None
        if not key or not long or tally.count <= 0:
            return
        tallies = self._entries.setdefault(key, {})
        if (origin, long) in tallies:
            tallies[origin, long].absorb(tally)
        else:
            tallies[origin, long] = tally.copy()

    def to_json(self) -> str:
        """The table as plain JSON (see `from_json`)."""
        entries = {
            key: [
                {
                    "origin": origin,
                    "count": tally.count,
                    "weight": round(tally.weight, 6),
                    "spellings": [[s, tally.spellings[s]] for s in _by_count(tally.spellings)],
                    "forms": [[f, tally.forms[f]] for f in _by_count(tally.forms)],
                }
                for (origin, _), tally in tallies.items()
            ]
            for key, tallies in self._entries.items()
        }
        return json.dumps({"format": JSON_FORMAT, "version": JSON_VERSION, "senses": entries})

    @classmethod
    def from_json(cls, text: str) -> AbbreviationTable:
        """A table saved by `to_json`; a `StoreError` if the text is not one."""
        try:
            data = json.loads(text)
            if data.get("format") != JSON_FORMAT or data.get("version") != JSON_VERSION:
                raise ValueError(f"not a {JSON_FORMAT} version {JSON_VERSION} document")
            table = cls()
            for key, records in data["senses"].items():
                for record in records:
                    table._absorb_record(key, record)
        except (ConfigError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StoreError(f"unreadable abbreviation table: {exc}") from None
        return table

    def _absorb_record(self, key: str, record: dict[str, Any]) -> None:
        spellings = {str(s): int(n) for s, n in record["spellings"]}
        forms = {str(f): int(n) for f, n in record["forms"]}
        tally = _Tally(int(record["count"]), float(record["weight"]), spellings, forms)
        if not spellings:
            raise ValueError(f"a sense of {key!r} has no spelling")
        self._absorb(key, str(record["origin"]), long_key(_by_count(spellings)[0]), tally)


# -- dictionary files ----------------------------------------------------------------------


def load_dictionary(path: Path) -> AbbreviationTable:
    """Dictionary senses from a tab-separated file; a `ConfigError` if it is missing or bad.

    Lines starting with "#" are comments. A line has either the five columns of ADAM (Zhou,
    Torvik and Smalheiser 2006): the preferred abbreviation; its variants as `form:count|...`;
    the long form's spellings as `spelling:count:score|...`; the score, the likelihood that
    the long form is a phrase (0..1); and the count of definitions seen in MEDLINE. Or it has
    two or three: short form, long form and an optional count. A sense weighs count x score,
    so that one-word "long forms" ADAM doubts ("extract" for PE) weigh little; each variant of
    the abbreviation files the sense under its own key ("CGA" as well as "CgA").
    """
    table = AbbreviationTable()
    for number, line in enumerate(_read_lines(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            _add_dictionary_line(table, line.rstrip("\r\n").split("\t"))
        except ValueError as exc:
            raise ConfigError(f"abbreviation dictionary {path}, line {number}: {exc}") from None
    if not table:
        raise ConfigError(f"abbreviation dictionary {path}: holds no abbreviations")
    return table


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ConfigError(f"abbreviation dictionary {path}: no such file") from None
    except UnicodeDecodeError:
        raise ConfigError(f"abbreviation dictionary {path}: not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"abbreviation dictionary {path}: unreadable ({exc.strerror})") from None


def _add_dictionary_line(table: AbbreviationTable, columns: list[str]) -> None:
    if len(columns) == 5:
        _add_adam_row(table, columns)
    elif len(columns) in (2, 3) and all(column.strip() for column in columns[:2]):
        count = _whole_number(columns[2], "count") if len(columns) == 3 else 1
        table.add(columns[0].strip(), columns[1].strip(), count=count, origin=DICTIONARY)
    else:
        raise ValueError(
            f"expected 5 tab-separated columns (ADAM) or 2 to 3 (short form, long form, count), "
            f"found {len(columns)}"
        )


def _add_adam_row(table: AbbreviationTable, columns: list[str]) -> None:
    forms = _counted(columns[1], "abbreviation variants", 1)
    spellings = _counted(columns[2], "long forms", 2)
    score = float(columns[3]) if _is_number(columns[3]) else -1.0
    if not 0.0 <= score <= 1.0:
        raise ValueError(f"the score {columns[3]!r} is not a number from 0 to 1")
    _whole_number(columns[4], "count")
    total = sum(forms.values())
    long = long_key(max(spellings, key=spellings.__getitem__))
    for key, group in _group_by_key(forms).items():
        count = sum(group.values())
        scaled = spellings
        if count < total:
            scaled = {s: max(1, round(n * count / total)) for s, n in spellings.items()}
        table._absorb(key, DICTIONARY, long, _Tally(count, count * score, scaled, group))


def _counted(column: str, what: str, fields: int) -> dict[str, int]:
    """`name:count|...` (fields=1) or `name:count:score|...` (fields=2) as counts by name."""
    counts: dict[str, int] = {}
    for item in column.split("|"):
        parts = item.rsplit(":", fields)
        if len(parts) != fields + 1 or not parts[0].strip() or not parts[1].isdigit():
            expected = "form:count" if fields == 1 else "long form:count:score"
            raise ValueError(f"{what} {column[:60]!r} are not '{expected}|...'")
        name = parts[0].strip()
        counts[name] = counts.get(name, 0) + int(parts[1])
    return counts


def _group_by_key(forms: dict[str, int]) -> dict[str, dict[str, int]]:
    groups: dict[str, dict[str, int]] = {}
    for form, count in forms.items():
        groups.setdefault(short_key(form), {})[form] = count
    return groups


def _whole_number(text: str, what: str) -> int:
    if not text.strip().isdigit():
        raise ValueError(f"the {what} {text!r} is not a whole number")
    return int(text)


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


# -- expanding a question ------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?")
_MAX_OPTIONS = 12  # senses of one short form weighed, the most likely first
_HOPELESS = 8.0  # nats behind the best before relatedness: not worth asking about
_KNOWN_WEIGHT = 0.5  # nats per log(1 + passages using the long form)
_UNUSED_PENALTY = 2.0  # nats against a long form no passage of the library uses
_CASE_PENALTY = 1.0  # nats against a sense never written the way the question writes it
_RELATEDNESS_SCALE = 20.0  # nats per unit of relatedness (cosines of clear cases differ by >0.2)
_SECOND_SENSE_RATIO = 0.5  # a second sense is kept when at least this likely as the first


@dataclass(frozen=True)
class Expansion:
    """A sense chosen for an abbreviation of the question."""

    short: str  # as the question writes it
    long: str  # the spelling the library uses most
    weight: float  # 0..1: how likely the question means this sense
    variants: tuple[str, ...] = ()  # other spellings of the long form the library uses
    #: The question spells the long form out apart from it ("ks: ... klinefelter syndrome"):
    #: two mentions, not a definition.
    apart: bool = False
    #: Not an abbreviation: the library's term for the question's everyday words, these as
    #: written ("hair loss" for "alopecia", which `short`, "hair", then also spells:
    #: glosses.py).
    glossed: str = ""


@dataclass
class _Option:
    """The senses of one long form from either origin, weighed together."""

    spellings: dict[str, float]  # spelling -> preference (its sense's weight by its rank)
    forms: set[str]
    weights: dict[str, float]  # origin -> weight
    prior: float = 0.0  # share of the short form's definitions, the origins averaged
    long: str = ""  # the spelling to search for
    uses: Counter[str] = field(default_factory=Counter)  # passages using each spelling
    base: float = 0.0  # log-score before relatedness

    def variants(self) -> tuple[str, ...]:
        return tuple(s for s, n in self.uses.most_common() if n > 0 and s != self.long)


def expand(
    question: str,
    table: AbbreviationTable,
    *,
    known: Known,
    relatedness: Relatedness | None = None,
    max_senses: int = 2,
) -> list[Expansion]:
    """The senses of the abbreviations in a question, chosen by the question's other words.

    A definition in the question itself ("atrial fibrillation (AF)") wins outright. Otherwise
    the senses of each abbreviation-like token the table knows are grouped by long form and
    scored, in nats:

        log(prior) + 0.5 log(1 + passages using it) + 20 relatedness
        - 2 if no passage uses it - 1 if the sense is never written as the question writes it

    The prior is the sense's share of the short form's weight, the library's and the
    dictionary's shares averaged where both know the short form. `known` is asked about each
    spelling (the one the library uses most is searched for, the others go to `variants`);
    `relatedness` judges the question with the abbreviation blanked out, so that only the
    other words speak. The scores' softmax gives each sense's weight; the best is kept, and
    others up to `max_senses` while at least half as likely as the best. Without
    `relatedness` the choice rests on the counts alone (the table's and `known`'s): no other
    context is available here. In an all-capitals question only library senses count.
    """
    library_only = _shouted(question)
    expansions = [Expansion(s, long, 1.0) for s, long in find_definitions(question)]
    expansions += spelled_out(question, table, {short_key(e.short) for e in expansions})
    seen = {short_key(e.short) for e in expansions}
    for token in _candidates(question, table):
        if short_key(token) in seen:
            continue
        seen.add(short_key(token))
        senses = table.senses(token, LIBRARY if library_only else None)
        expansions += _choose(token, question, senses, known, relatedness, max_senses)
    return expansions


def spelled_out(
    question: str, table: AbbreviationTable, defined: Collection[str] = ()
) -> list[Expansion]:
    """Short forms the question also spells out elsewhere, in any case: "ks: ... its a
    klinefelter syndrome" means Klinefelter syndrome, not Kaposi sarcoma. A sense counts
    where its long form is written in the question and its words' initials are the short
    form's letters (so "us" in "let us know" is never "ultrasound" beside an ultrasound)."""
    written = long_key(question)
    found = []
    seen = set(defined)
    for token in dict.fromkeys(_TOKEN.findall(question)):
        key = short_key(token)
        if key in seen or token not in table:
            continue
        for sense in table.senses(token):
            long = long_key(sense.long)
            initials = "".join(word[0] for word in long.split())
            if initials == key and re.search(rf"\b{re.escape(long)}", written):
                found.append(Expansion(token, sense.long, 1.0, apart=True))
                seen.add(key)
                break
    return found


def _candidates(question: str, table: AbbreviationTable) -> Iterator[str]:
    """Abbreviation-like tokens of the question the table knows, hyphenated parts alone."""
    words = _TOKEN.findall(question)
    for index, word in enumerate(words):
        tokens = [word] if word in table or "-" not in word else word.split("-")
        for token in tokens:
            if token in table and _reads_as_abbreviation(token, words[max(0, index - 3) : index]):
                yield token


def _reads_as_abbreviation(token: str, before: Sequence[str]) -> bool:
    """Whether a token the table knows is an abbreviation here. One that starts in lower case
    right after a number is the number's unit ("6 mL/kg", "34 cmH2O"), not a short form."""
    if token[:1].islower() and before and before[-1].replace(".", "").isdigit():
        return False
    if abbreviation_like(token):
        return True
    numbered = any(word.lower() in NUMBERED_WORDS for word in before)
    return len(token) > 1 and _roman(token) and not numbered


def _shouted(question: str) -> bool:
    words = re.findall(r"[A-Za-z]{3,}", question)
    return len(words) >= 3 and sum(w.isupper() for w in words) >= 0.6 * len(words)


def _choose(
    token: str,
    question: str,
    senses: Sequence[Sense],
    known: Known,
    relatedness: Relatedness | None,
    max_senses: int,
) -> list[Expansion]:
    options = _weigh(token, _options(senses), known)
    if not options:
        return []
    related = _related(_masked(question, token), [o.long for o in options], relatedness)
    scores = [o.base + _RELATEDNESS_SCALE * r for o, r in zip(options, related, strict=True)]
    ranked = sorted(zip(_softmax(scores), options, strict=True), key=lambda pair: -pair[0])
    best = ranked[0][0]
    return [
        Expansion(token, option.long, round(weight, 4), option.variants())
        for weight, option in ranked[: max(1, max_senses)]
        if weight >= _SECOND_SENSE_RATIO * best
    ]


def _options(senses: Iterable[Sense]) -> list[_Option]:
    """The senses grouped by long form, with their priors, the most likely first."""
    options: dict[str, _Option] = {}
    for sense in senses:
        option = options.setdefault(long_key(sense.long), _Option({}, set(), {}))
        for rank, spelling in enumerate(sense.spellings, 1):
            option.spellings[spelling] = option.spellings.get(spelling, 0) + sense.weight / rank
        option.forms.update(_singular(form) for form in sense.forms)
        option.weights[sense.origin] = option.weights.get(sense.origin, 0.0) + sense.weight
    totals = {o: sum(op.weights.get(o, 0.0) for op in options.values()) for o in ORIGINS}
    present = [origin for origin in ORIGINS if totals[origin] > 0]
    for option in options.values():
        shares = [option.weights.get(origin, 0.0) / totals[origin] for origin in present]
        option.prior = sum(shares) / len(present) if present else 0.0
    ranked = sorted(options.values(), key=lambda op: -op.prior)
    return [option for option in ranked[:_MAX_OPTIONS] if option.prior > 0]


def _weigh(token: str, options: list[_Option], known: Known) -> list[_Option]:
    """Each option's spelling and score before relatedness; hopeless ones left out."""
    for option in options:
        option.uses = Counter({s: max(0, int(known(s))) for s in option.spellings})
        option.long = max(option.spellings, key=lambda s: (option.uses[s], option.spellings[s]))
        used = sum(option.uses.values())
        option.base = math.log(option.prior) + _KNOWN_WEIGHT * math.log1p(used)
        if used == 0:
            option.base -= _UNUSED_PENALTY
        if _singular(token) not in option.forms:
            option.base -= _CASE_PENALTY
    top = max((option.base for option in options), default=0.0)
    return [option for option in options if option.base >= top - _HOPELESS]


def _masked(question: str, token: str) -> str:
    """The question without the abbreviation: what relatedness should judge is the rest."""
    pattern = rf"(?<![A-Za-z0-9]){re.escape(token)}s?(?![A-Za-z0-9])"
    return " ".join(re.sub(pattern, " ", question).split())


def _related(question: str, longs: list[str], relatedness: Relatedness | None) -> list[float]:
    if relatedness is None or not any(char.isalpha() for char in question):
        return [0.0] * len(longs)
    values = [float(value) for value in relatedness(question, longs)]
    if len(values) != len(longs):
        raise ValueError(f"relatedness gave {len(values)} values for {len(longs)} long forms")
    return values


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return [value / total for value in exps]


def _singular(short: str) -> str:
    return short[:-1] if _plural(short) else short
