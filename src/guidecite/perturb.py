"""The perturbation test set: how well verification catches a statement that is altered.

Built by code from library passages with a fixed seed. Each chosen sentence of a passage
gives a true pair (the sentence and its passage) and an altered pair: the same sentence
with one thing changed, so that the passage no longer supports it:

    dose         a dose's value or unit ("20 mg" -> "40 mg")
    interval     a duration or interval ("every 3-6 months" -> "every 6 months")
    threshold    a comparator turned round or a percentage changed ("<= 20%" -> "> 20%")
    number       any other count, age or measure
    negation     a "not" added or taken away
    modality     a firm recommendation made an option, or the reverse ("should" -> "may")
    comparative  a direction reversed ("higher" -> "lower")
    term         a rare word (drug, test, condition) swapped for a library word of the
                 same shape (same ending, case and length, as rare) that the passage lacks
    acronym      an acronym swapped for another acronym of the library the passage lacks
    population   an age or sex group swapped ("adults" -> "children")
    term-nearby  a rare word swapped for a rare word of another sentence of the same passage

Some true sentences are also reworded without changing their meaning (a parenthesis
dropped, a range written out, a clause cut), to see that rewording alone is not flagged.

Passages are split by document into "dev" and "test" halves: rules are developed on "dev";
figures are reported on "test". The word lists here are written apart from those of
`guidecite.verify`, so that the measure does not just read back the verifier's own lists.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .analysis import words
from .chunking import split_sentences
from .embedding import Embedder
from .store.base import Store
from .types import SUPPORTED, UNSUPPORTED, short_hash
from .verify import Verdict, verify_statement

ALTERATIONS = (
    "dose", "interval", "threshold", "number", "negation", "modality", "comparative",
    "term", "acronym", "population", "term-nearby",
)  # fmt: skip
ORIGINAL = "original"
REWORDED = "reworded"
SPLITS = ("dev", "test", "all")
DEFAULT_SEED = 13
RARE_SHARE = 0.003  # a word in at most this share of passages counts as rare
VOCABULARY_PASSAGES = 20_000
SENTENCES_TRIED = 6
DEFAULT_SIZE = 550
MAX_SCAN = 40  # passages looked at per pair wanted, at most


@dataclass(frozen=True)
class Source:
    """A library passage to draw sentences from."""

    passage_id: str
    doc_id: str
    text: str


@dataclass(frozen=True)
class Pair:
    """A statement and the passage it is checked against."""

    statement: str
    passage: str
    kind: str  # ORIGINAL, REWORDED or one of ALTERATIONS
    detail: str  # what was changed, "old -> new"
    group: int  # the sentence it comes from: its original, rewording and alteration share it
    passage_id: str

    @property
    def altered(self) -> bool:
        return self.kind in ALTERATIONS


def split_of(doc_id: str) -> str:
    """The half of the library a document belongs to, fixed by its id."""
    return "dev" if int(short_hash(doc_id, "perturbation split"), 16) % 2 == 0 else "test"


# -- reading the library ---------------------------------------------------------------------


def library_sources(store: Store, split: str = "test") -> list[Source]:
    """Every passage of the library (of one half, unless `split` is "all")."""
    return [
        Source(passage_id, doc_id, text)
        for passage_id, doc_id, text in store.passage_records()
        if split == "all" or split_of(doc_id) == split
    ]


# -- vocabulary ------------------------------------------------------------------------------

_WORD = re.compile(r"(?<![\w-])[A-Za-z][a-z]{5,}(?![\w-])")
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,5}(?![\w-])")
_ROMAN = re.compile(r"[IVXLC]+")


@dataclass
class Vocabulary:
    """How many passages hold each word, and the rare words and acronyms by shape."""

    passages: int
    counts: Counter[str]
    acronyms: list[str] = field(default_factory=list)
    by_shape: dict[tuple[str, bool], list[str]] = field(default_factory=dict)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Vocabulary:
        counts: Counter[str] = Counter()
        acronyms: Counter[str] = Counter()
        total = 0
        for text in texts:
            total += 1
            counts.update(set(_WORD.findall(text)))
            acronyms.update(set(_ACRONYM.findall(text)))
        vocabulary = cls(total, counts)
        vocabulary.acronyms = sorted(
            a
            for a, n in acronyms.items()
            if n >= 2 and sum(c.isalpha() for c in a) >= 2 and not _ROMAN.fullmatch(a)
        )
        for word in sorted(counts):
            if vocabulary.rare(word):
                vocabulary.by_shape.setdefault(_shape(word), []).append(word)
        return vocabulary

    def rare(self, word: str) -> bool:
        count = self.counts.get(word, 0)
        return 2 <= count <= max(2, RARE_SHARE * self.passages)


def _shape(word: str) -> tuple[str, bool]:
    return word[-3:].lower(), word[0].isupper()


# -- alterations -----------------------------------------------------------------------------


@dataclass
class Context:
    """What an alteration may look at: the passage, its other sentences, the vocabulary."""

    passage: str
    sentences: list[str]
    vocabulary: Vocabulary
    rng: random.Random

    def mentions(self, word: str) -> bool:
        return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", self.passage, re.I) is not None

    def numbers(self) -> set[float]:
        return {float(n) for n in re.findall(r"\d+(?:\.\d+)?", self.passage.replace(",", ""))}


Change = tuple[str, str]  # (altered sentence, "old -> new")
Alteration = Callable[[str, Context], Change | None]

_QUANTITY = re.compile(
    r"(?<![\w.,/-])(?P<low>\d+(?:\.\d+)?)(?:\s?(?:-|–|to)\s?(?P<high>\d+(?:\.\d+)?))?"
    r"(?P<unit>\s?%|\s?[A-Za-zµμ]+(?:/[A-Za-z0-9]+)?)?"
)
_DOSE = re.compile(r"(?:mg|g|mcg|µg|μg|ug|ml|l|iu|units?|mmol|meq|mu)(?:/.*)?", re.I)
_TIME = re.compile(r"(?:seconds?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?)", re.I)
_COMPARATOR_FLIPS = {
    "<": ">", ">": "<", "≤": ">", "≥": "<", "<=": ">", ">=": "<",
    "less than": "more than", "more than": "less than", "greater than": "less than",
    "fewer than": "more than", "at least": "less than", "at most": "more than",
    "above": "below", "below": "above", "under": "over", "over": "under", "up to": "over",
    "higher than": "lower than", "lower than": "higher than", "exceeding": "below",
}  # fmt: skip
_SUFFIX_FLIPS = {
    "or more": "or less",
    "or less": "or more",
    "or older": "or younger",
    "or younger": "or older",
    "or greater": "or less",
    "or higher": "or lower",
    "and older": "and younger",
    "and over": "and under",
}


def _kind_of(match: re.Match[str], sentence: str) -> str:
    unit = (match["unit"] or "").strip()
    before = sentence[: match.start()].rstrip().lower()
    if _DOSE.fullmatch(unit):
        return "dose"
    if any(before.endswith(c) for c in _COMPARATOR_FLIPS) or unit == "%":
        return "threshold"
    if _TIME.fullmatch(unit):
        return "interval"
    return "number"


def _quantities(sentence: str, kind: str) -> list[re.Match[str]]:
    found = []
    for match in _QUANTITY.finditer(sentence):
        value = float(match["low"])
        if kind == "number" and (1900 <= value <= 2100 or value >= 1000):
            continue  # years and identifiers
        if _kind_of(match, sentence) == kind:
            found.append(match)
    return found


def _other_value(text: str, context: Context) -> str | None:
    value = float(text)
    decimals = len(text.split(".")[1]) if "." in text else 0
    options = [value * 2, value + 1, value * 3, value / 2, value + 5, value * 10]
    context.rng.shuffle(options)
    taken = context.numbers()
    for option in options:
        rounded = round(option, decimals)
        if rounded != value and rounded > 0 and rounded not in taken:
            return f"{rounded:.{decimals}f}"
    return None


def _change_number(sentence: str, context: Context, kind: str) -> Change | None:
    matches = _quantities(sentence, kind)
    if not matches:
        return None
    match = context.rng.choice(matches)
    if kind == "interval" and match["high"] and context.rng.random() < 0.5:
        new = match["high"] + (match["unit"] or "")  # "every 3-6 months" -> "every 6 months"
    else:
        group = "high" if match["high"] and context.rng.random() < 0.5 else "low"
        value = _other_value(match[group], context)
        if value is None:
            return None
        start, end = match.span(group)
        new = match.group()[: start - match.start()] + value + match.group()[end - match.start() :]
    return _splice(sentence, match.start(), match.end(), new)


def _splice(sentence: str, start: int, end: int, new: str) -> Change:
    old = sentence[start:end]
    return sentence[:start] + new + sentence[end:], f"{old.strip()} -> {new.strip()}"


def alter_threshold(sentence: str, context: Context) -> Change | None:
    """A comparator before or after a number turned round, else a percentage changed."""
    found: list[tuple[int, int, str]] = []
    for word, flipped in _COMPARATOR_FLIPS.items():
        pattern = rf"(?<![\w<>=≤≥]){re.escape(word)}(?=\s?\d)"
        found += [(m.start(), m.end(), flipped) for m in re.finditer(pattern, sentence, re.I)]
    for word, flipped in _SUFFIX_FLIPS.items():
        pattern = rf"\d(?:\s?[A-Za-z%]+)?\s(?P<cmp>{re.escape(word)})\b"
        found += [
            (m.start("cmp"), m.end("cmp"), flipped) for m in re.finditer(pattern, sentence, re.I)
        ]
    if found:
        start, end, flipped = context.rng.choice(sorted(found))
        return _splice(sentence, start, end, flipped)
    return _change_number(sentence, context, "threshold")


def alter_dose(sentence: str, context: Context) -> Change | None:
    return _change_number(sentence, context, "dose")


def alter_interval(sentence: str, context: Context) -> Change | None:
    return _change_number(sentence, context, "interval")


def alter_number(sentence: str, context: Context) -> Change | None:
    return _change_number(sentence, context, "number")


_NOT_AFTER = re.compile(
    r"\b(?P<aux>is|are|was|were|should|must|may|can|could|will|would|does|do|did|has|have)"
    r"\s+not\b",
    re.I,
)
_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|should|must|may|can|could|will|would|does|did|has|have)\b(?!\s+not)",
    re.I,
)
_OTHER_NEGATIONS = ((r"\bcannot\b", "can"), (r"\bnever\b", "always"), (r"\bno\s+(?=[a-z])", ""))


def alter_negation(sentence: str, context: Context) -> Change | None:
    """A "not" (or "cannot", "never", "no") taken away, else one added after an auxiliary."""
    match = _NOT_AFTER.search(sentence)
    if match:
        return _splice(sentence, match.start(), match.end(), match["aux"])
    for pattern, new in _OTHER_NEGATIONS:
        found = re.search(pattern, sentence)
        if found:
            return _splice(sentence, found.start(), found.end(), new)
    match = _AUXILIARY.search(sentence)
    if match:
        return _splice(sentence, match.start(), match.end(), match.group() + " not")
    first = sentence.split(" ", 1)[0]
    if first in {"Offer", "Consider", "Use", "Give", "Perform", "Refer", "Treat", "Start"}:
        return _splice(sentence, 0, len(first), "Do not " + first.lower())
    return None


_MODAL_SWAPS = (
    (r"\bshould\b", "may"), (r"\bmust\b", "may"), (r"\bmay\b", "should"),
    (r"\bmight\b", "should"), (r"\bcan\b", "should"), (r"\bcould\b", "should"),
    (r"\b(?:is|are) recommended\b", "is an option"), (r"\brecommends\b", "suggests"),
    (r"\brecommend\b", "suggest"), (r"\bsuggests\b", "recommends"), (r"\bsuggest\b", "recommend"),
    (r"^Offer\b", "Consider"), (r"^Consider\b", "Offer"), (r"\bis indicated\b", "may be used"),
)  # fmt: skip


def alter_modality(sentence: str, context: Context) -> Change | None:
    """A firm recommendation made an option, or an option made firm."""
    options = []
    for pattern, new in _MODAL_SWAPS:
        options += [(m.start(), m.end(), new) for m in re.finditer(pattern, sentence)]
    if not options:
        return None
    start, end, new = context.rng.choice(sorted(options))
    return _splice(sentence, start, end, new)


_DIRECTIONS = (
    ("increase", "decrease"), ("increases", "decreases"), ("increased", "decreased"),
    ("increasing", "decreasing"), ("higher", "lower"), ("highest", "lowest"),
    ("more likely", "less likely"), ("greater", "smaller"), ("larger", "smaller"),
    ("longer", "shorter"), ("above", "below"), ("before", "after"), ("maximum", "minimum"),
    ("improve", "worsen"), ("improves", "worsens"), ("improved", "worsened"),
    ("reduces", "increases"), ("reduce", "increase"), ("reduced", "increased"),
    ("earlier", "later"), ("superior", "inferior"), ("better", "worse"), ("rise", "fall"),
)  # fmt: skip


def alter_comparative(sentence: str, context: Context) -> Change | None:
    """A word of direction replaced by its opposite (not a comparator of a number)."""
    flips = {a: b for a, b in _DIRECTIONS} | {b: a for a, b in _DIRECTIONS}
    options = []
    for word, opposite in flips.items():
        pattern = rf"\b{re.escape(word)}\b(?!\s+(?:than\s+)?\d)"
        options += [
            (m.start(), m.end(), _same_case(m.group(), opposite))
            for m in re.finditer(pattern, sentence, re.I)
            if not context.mentions(opposite)
        ]
    if not options:
        return None
    start, end, new = context.rng.choice(sorted(options))
    return _splice(sentence, start, end, new)


def _same_case(old: str, new: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


_GROUPS = (
    ("adults", "children"), ("adult", "child"), ("adolescents", "adults"), ("infants", "adults"),
    ("women", "men"), ("woman", "man"), ("girls", "boys"), ("female", "male"),
    ("older", "younger"), ("elderly", "young"), ("pregnant", "postmenopausal"),
    ("premenopausal", "postmenopausal"), ("neonates", "adults"), ("pediatric", "adult"),
)  # fmt: skip


def alter_population(sentence: str, context: Context) -> Change | None:
    """An age or sex group swapped for another the passage does not name."""
    swaps: dict[str, str] = {}
    for a, b in _GROUPS:
        swaps.setdefault(a, b)
        swaps.setdefault(b, a)
    options = []
    for word, other in swaps.items():
        if context.mentions(other):
            continue
        options += [
            (m.start(), m.end(), _same_case(m.group(), other))
            for m in re.finditer(rf"\b{word}\b", sentence, re.I)
        ]
    if not options:
        return None
    start, end, new = context.rng.choice(sorted(options))
    return _splice(sentence, start, end, new)


def _rare_words(sentence: str, context: Context) -> list[re.Match[str]]:
    return [m for m in _WORD.finditer(sentence) if context.vocabulary.rare(m.group())]


def _swap_word(sentence: str, context: Context, pick: Callable[[str], list[str]]) -> Change | None:
    targets = _rare_words(sentence, context)
    context.rng.shuffle(targets)
    for match in targets:
        stems = words(match.group())
        options = [w for w in pick(match.group()) if words(w) != stems]
        if options:
            return _splice(sentence, match.start(), match.end(), context.rng.choice(options))
    return None


def alter_term(sentence: str, context: Context) -> Change | None:
    """A rare word swapped for a library word of the same shape the passage lacks."""

    def pick(word: str) -> list[str]:
        pool = context.vocabulary.by_shape.get(_shape(word), [])
        return [w for w in pool if abs(len(w) - len(word)) <= 3 and not context.mentions(w)]

    return _swap_word(sentence, context, pick)


def alter_term_nearby(sentence: str, context: Context) -> Change | None:
    """A rare word swapped for a rare word of another sentence of the same passage."""
    others = {
        m.group() for s in context.sentences if s != sentence for m in _rare_words(s, context)
    }

    def pick(word: str) -> list[str]:
        return sorted(
            w
            for w in others
            if w[0].isupper() == word[0].isupper() and w.lower() not in sentence.lower()
        )

    return _swap_word(sentence, context, pick)


def alter_acronym(sentence: str, context: Context) -> Change | None:
    """An acronym swapped for another acronym of the library the passage lacks."""
    found = [
        m
        for m in _ACRONYM.finditer(sentence)
        if sum(c.isalpha() for c in m.group()) >= 2 and not _ROMAN.fullmatch(m.group())
    ]
    if not found:
        return None
    match = context.rng.choice(found)
    options = [
        a
        for a in context.vocabulary.acronyms
        if abs(len(a) - len(match.group())) <= 1 and not context.mentions(a)
    ]
    if not options:
        return None
    return _splice(sentence, match.start(), match.end(), context.rng.choice(options))


ALTER: dict[str, Alteration] = {
    "dose": alter_dose, "interval": alter_interval, "threshold": alter_threshold,
    "number": alter_number, "negation": alter_negation, "modality": alter_modality,
    "comparative": alter_comparative, "term": alter_term, "acronym": alter_acronym,
    "population": alter_population, "term-nearby": alter_term_nearby,
}  # fmt: skip


# -- rewordings that keep the meaning --------------------------------------------------------

_OPENER = re.compile(
    r"^(?:However|In addition|Additionally|Moreover|Furthermore|Also|Therefore|Thus|Overall|"
    r"Importantly|Similarly|Notably|In general|Generally),\s+(?P<next>\w)"
)


def reword(sentence: str, rng: random.Random) -> Change | None:
    """The sentence said another way with the same meaning, when one of a few plain
    rewordings applies: an opening word dropped, a parenthesis without numbers or negation
    dropped, a range written out, the first of two clauses kept."""
    options: list[Change] = []
    opener = _OPENER.match(sentence)
    if opener:
        rest = opener["next"].upper() + sentence[opener.end() :]
        options.append((rest, f"'{sentence[: opener.start('next')].strip()}' dropped"))
    for match in re.finditer(r"\s*\((?P<inside>[^()]{3,80})\)", sentence):
        if not re.search(r"\d|\bnot?\b|\bexcept", match["inside"]):
            options.append(_splice(sentence, match.start(), match.end(), ""))
    for match in re.finditer(r"(?<![\w.])(\d+)-(\d+)(?![\w.])", sentence):
        options.append(_splice(sentence, match.start(), match.end(), f"{match[1]} to {match[2]}"))
    head, _, tail = sentence.partition("; ")
    if tail and len(head.split()) >= 6:
        options.append((head.rstrip(",") + ".", "second clause dropped"))
    return rng.choice(options) if options else None


# -- building the set ------------------------------------------------------------------------

_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


def candidate_sentences(passage: str) -> list[str]:
    """Sentences of a passage that read as statements (8 to 50 words, mostly letters)."""
    found = []
    for raw in split_sentences(passage):
        sentence = _LIST_MARK.sub("", raw).strip()
        size = len(sentence.split())
        letters = sum(ch.isalpha() for ch in sentence)
        if (
            8 <= size <= 50
            and letters >= 0.6 * len(sentence)
            and not sentence.startswith("|")
            and not sentence.endswith(":")
            and any(ch.islower() for ch in sentence)
        ):
            found.append(sentence)
    return found


def build_pairs(
    sources: Sequence[Source],
    vocabulary: Vocabulary,
    *,
    size: int = DEFAULT_SIZE,
    seed: int = DEFAULT_SEED,
) -> list[Pair]:
    """About `size` true sentences of the sources, each with one alteration, the kinds in
    equal shares where the sources allow, and a rewording of those that have one.
    Deterministic for a given seed."""
    rng = random.Random(seed)
    order = list(range(len(sources)))
    rng.shuffle(order)
    cap = -(-size // len(ALTERATIONS))
    counts = dict.fromkeys(ALTERATIONS, 0)
    pairs: list[Pair] = []
    for index in order[: size * MAX_SCAN]:
        open_kinds = [k for k in ALTERATIONS if counts[k] < cap]
        if not open_kinds:
            break
        pairs.extend(_pairs_of(sources[index], vocabulary, rng, counts, open_kinds, len(pairs)))
    return pairs


def _pairs_of(
    source: Source,
    vocabulary: Vocabulary,
    rng: random.Random,
    counts: dict[str, int],
    kinds: Sequence[str],
    group: int,
) -> list[Pair]:
    """A true sentence of the passage, altered by the scarcest kind that applies to one of
    its sentences, and reworded when it can be."""
    sentences = candidate_sentences(source.text)
    context = Context(source.text, sentences, vocabulary, rng)
    tried = rng.sample(sentences, min(len(sentences), SENTENCES_TRIED))
    for kind in sorted(kinds, key=lambda k: (counts[k], rng.random())):
        for sentence in tried:
            change = ALTER[kind](sentence, context)
            if change is None or change[0] == sentence or change[0] in source.text:
                continue
            counts[kind] += 1
            found = [(sentence, ORIGINAL, ""), (change[0], kind, change[1])]
            rewording = reword(sentence, rng)
            if rewording is not None:
                found.append((rewording[0], REWORDED, rewording[1]))
            return [
                Pair(text, source.text, k, detail, group, source.passage_id)
                for text, k, detail in found
            ]
    return []


# -- measuring -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    pair: Pair
    verdict: Verdict

    @property
    def flagged(self) -> bool:
        return self.verdict.label != SUPPORTED


def evaluate(pairs: Sequence[Pair], embedder: Embedder) -> list[Outcome]:
    return [Outcome(p, verify_statement(p.statement, [p.passage], embedder)) for p in pairs]


def report(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Per alteration kind: how many were caught (recall), and precision against the true
    sentences they were made from; for true and reworded sentences: how many were flagged."""
    originals = {o.pair.group: o for o in outcomes if o.pair.kind == ORIGINAL}
    rows: dict[str, Any] = {}
    for kind in ALTERATIONS:
        rows[kind] = _row([o for o in outcomes if o.pair.kind == kind], originals)
    rows["all alterations"] = _row([o for o in outcomes if o.pair.altered], originals)
    for kind in (ORIGINAL, REWORDED):
        group = [o for o in outcomes if o.pair.kind == kind]
        rows[kind] = {
            "pairs": len(group),
            "flagged": sum(o.flagged for o in group),
            "unsupported": sum(o.verdict.label == UNSUPPORTED for o in group),
            "flagged_pct": _pct(sum(o.flagged for o in group), len(group)),
        }
    return {"rows": rows}


def _row(altered: Sequence[Outcome], originals: dict[int, Outcome]) -> dict[str, Any]:
    caught = sum(o.flagged for o in altered)
    paired = [originals[o.pair.group] for o in altered if o.pair.group in originals]
    false_flags = sum(o.flagged for o in paired)
    return {
        "pairs": len(altered),
        "caught": caught,
        "unsupported": sum(o.verdict.label == UNSUPPORTED for o in altered),
        "recall_pct": _pct(caught, len(altered)),
        "precision_pct": _pct(caught, caught + false_flags),
    }


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def format_report(figures: dict[str, Any]) -> str:
    """The figures as a table, one row per kind."""
    header = ["kind", "pairs", "caught", "unsupported", "recall %", "precision %"]
    lines = [header]
    for kind, row in figures["rows"].items():
        if kind in (ORIGINAL, REWORDED):
            lines.append(
                [
                    f"{kind} (true)",
                    str(row["pairs"]),
                    f"{row['flagged']} flagged",
                    str(row["unsupported"]),
                    "-",
                    f"{_show(row['flagged_pct'])} flagged",
                ]
            )
        else:
            lines.append(
                [
                    kind,
                    str(row["pairs"]),
                    str(row["caught"]),
                    str(row["unsupported"]),
                    _show(row["recall_pct"]),
                    _show(row["precision_pct"]),
                ]
            )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines
    )


def _show(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def run_bench(
    store: Store,
    embedder: Embedder,
    *,
    split: str = "test",
    size: int = DEFAULT_SIZE,
    seed: int = DEFAULT_SEED,
) -> tuple[dict[str, Any], list[Outcome]]:
    """Build the set from the library's passages (one half of them) and measure
    verification."""
    if split not in SPLITS:
        from .errors import unknown_name

        raise unknown_name("split", split, SPLITS)
    everything = library_sources(store, "all")
    if not everything:
        from .errors import PathError

        raise PathError("the library holds no passages to build the set from")
    rng = random.Random(seed)
    sample = rng.sample(everything, min(VOCABULARY_PASSAGES, len(everything)))
    vocabulary = Vocabulary.from_texts(s.text for s in sample)
    sources = [s for s in everything if split == "all" or split_of(s.doc_id) == split]
    outcomes = evaluate(build_pairs(sources, vocabulary, size=size, seed=seed), embedder)
    figures = report(outcomes)
    figures.update(split=split, seed=seed, size=size, passages=len(sources))
    return figures, outcomes


def format_misses(outcomes: Sequence[Outcome], limit: int) -> str:
    """Alterations verification let through and true sentences it flagged, for reading."""
    missed = [o for o in outcomes if o.pair.altered and not o.flagged][:limit]
    flagged = [o for o in outcomes if not o.pair.altered and o.flagged][:limit]
    lines = [f"missed alterations ({len(missed)} shown):"]
    lines += [f"  [{o.pair.kind}] {o.pair.detail}: {o.pair.statement}" for o in missed]
    lines.append(f"flagged true sentences ({len(flagged)} shown):")
    lines += [f"  [{o.pair.kind}] {o.verdict.reason}: {o.pair.statement}" for o in flagged]
    return "\n".join(lines)


def outcomes_to_dict(outcomes: Sequence[Outcome]) -> list[dict[str, Any]]:
    return [
        {
            "kind": o.pair.kind,
            "detail": o.pair.detail,
            "group": o.pair.group,
            "passage_id": o.pair.passage_id,
            "statement": o.pair.statement,
            "verdict": o.verdict.label,
            "reason": o.verdict.reason,
        }
        for o in outcomes
    ]
