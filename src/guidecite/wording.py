"""Real-world wording: questions as people type them, read against the library's own words.

Consumer messages arrive with a subject line ("Tests for Haemophilia. Hi, I was wondering
..."), greetings and thanks, placeholders left by anonymisation ("[NAME]", "[DATE]"),
words in capitals, and typos ("ciprofaxin", "diahrrea"). This module:

- drops placeholders (with a form field's label that names one: "EMAIL: [EMAIL]"), puts
  back the space lost after a full stop between two words ("finger.but now", not a web
  address), drops a backslash typed inside a word, and folds shouted words to lower case
  (an abbreviation the library defines keeps its capitals);
- corrects a word no passage of the library contains to the nearest word the library does
  use, with rapidfuzz's edit distances over the library's vocabulary (`Vocabulary`), and only
  when the correction is close: the same first letter (or two vowels), and either an edit
  distance of at most a quarter of the word's length (optimal string alignment, so a swapped
  pair of letters is one edit) or a Jaro-Winkler similarity of 0.93 with a shared stem of five
  letters ("ciprofaxin" -> "ciprofloxacin"); where neither finds one, a word of six letters
  or more cut short is the library word it begins ("Trigem" -> "trigeminal", the one said
  most often beside its neighbours). A word of several joined by hyphens is corrected
  whole ("ebstien-barr" -> "epstein-barr"), where one of them is not a library word. A word
  with no close library word stays as it is, and the evidence check reports it as not
  covered. A word of English is no typo, however rarely it is used: one in symspellpy's
  English dictionary ("bleeder", "fliers") or used often enough in everyday English stays as
  written.

Nothing here knows medicine: the vocabulary is whatever the library's passages say.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import urllib.parse
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import distance, process
from symspellpy import SymSpell
from wordfreq import top_n_list, zipf_frequency

from .analysis import terms

#: Placeholders that anonymised messages carry instead of names, places and dates.
#: A placeholder, with the form field's label before it where there is one ("EMAIL: [EMAIL]").
_PLACEHOLDER = re.compile(r"(?:\b(?P<label>[^\W\d_]+)\s*:\s*)?\[(?P<kind>[A-Z][A-Z _-]*)\]")
#: The schemes an address may start with ("mailto:", "https:"), as the standard library's
#: URL parser knows them.
URI_SCHEMES = frozenset(
    scheme
    for schemes in (
        urllib.parse.uses_relative,
        urllib.parse.uses_netloc,
        urllib.parse.uses_params,
        urllib.parse.non_hierarchical,
    )
    for scheme in schemes
    if scheme
)
_WORD = re.compile(r"[a-z][a-z'\-]{2,}")
#: A word that may be a typo: letters, or words of letters joined by hyphens, one of them
#: not the library's ("ebstien-barr" is read whole, as the library writes "epstein-barr").
_CORRECTABLE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_TOKEN = re.compile(r"[^\W\d_][\w'\-]*", re.UNICODE)
MIN_COUNT = 2  # a word used once in the library may itself be a typo: not a target
MIN_LENGTH = 5  # shorter words are too easily another real word
JARO_WINKLER = 0.93
SHARED_STEM = 5
#: A word cut short ("Trigem neuralgia") leaves off at least this many letters of the
#: library word it stands for: fewer are a typo's, which edit distances read.
CUT_SHORT = 3
#: A word cut short to fewer letters ("cipro") may begin too many library words to read.
MIN_CUT_LENGTH = 6
#: Letters misheard and misspelled for each other at a word's start ("orology", "urology").
VOWELS = frozenset("aeiou")
#: Prefixes a word may be built with: "unswell" is "swell" unmade, not a typo of "unwell".
PREFIXES = ("un", "non", "dis", "de", "re", "pre")
VOCABULARY_FILE = "vocabulary.json"
EVERYDAY_ZIPF = 1.0
EVERYDAY_COMMON = 3.0
PASSAGE_WORDS = 150  # the length of a passage, in words (chunking.py)
ADVERB_BASE_ZIPF = 3.0
#: An abbreviation shouted among other shouted words is the English word it spells where
#: that word is this common (Zipf scale: "all", "go", "he", "also", "or" are above 5.8; "aids"
#: 4.3, "cat" 4.8 and "mind" 5.4 are below, and keep their capitals).
SHOUTED_WORD_ZIPF = 5.8


@dataclass(frozen=True)
class Correction:
    written: str
    corrected: str


def same_opening(word: str, typed: str) -> bool:
    """Whether a library word could be what a typed word meant by its first letter: the
    same letter, or two vowels, which are misheard and misspelled for each other ("orology"
    for "urology")."""
    return word[:1] == typed[:1] or (word[:1] in VOWELS and typed[:1] in VOWELS)


class Vocabulary:
    """The library's words and how many passages use each."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self.counts = dict(counts)
        self._targets = [w for w, n in self.counts.items() if n >= MIN_COUNT]

    @classmethod
    def build(cls, texts: Iterable[str]) -> Vocabulary:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(set(_WORD.findall(text.lower())))
        return cls(counts)

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.counts

    def correct(self, word: str) -> str | None:
        """The library word a typo most likely meant, or None when none is close."""
        closest = self.closest(word)
        return closest[0] if closest else None

    def closest(self, word: str) -> list[str]:
        """The library words a typo may have meant, all equally close, the commonest first;
        none where the word is the library's own or none is close."""
        lower = word.lower()
        if len(lower) < MIN_LENGTH or not _CORRECTABLE.fullmatch(lower):
            return []
        if self.counts.get(lower, 0) >= MIN_COUNT:
            return []  # a word of the library (once only may be the library's own typo)
        if "-" in lower and all(self.counts.get(p, 0) >= MIN_COUNT for p in lower.split("-")):
            return []  # library words joined anew ("pill-free"), not a typo of a compound
        for prefix in PREFIXES:
            rest = lower.removeprefix(prefix)
            if rest != lower and len(rest) >= MIN_LENGTH and self.counts.get(rest, 0) >= MIN_COUNT:
                return [rest]  # a library word with a prefix ("unswell"), not a typo of another
        budget = max(1, len(lower) // 4)
        close = process.extract(
            lower, self._targets, scorer=distance.OSA.distance, score_cutoff=budget, limit=8
        )
        found: list[tuple[float, int, str]] = [
            (float(d), -self.counts[w], w) for w, d, _ in close if same_opening(w, lower)
        ]
        if not found:
            similar = process.extract(
                lower,
                self._targets,
                scorer=distance.JaroWinkler.similarity,
                score_cutoff=JARO_WINKLER,
                limit=3,
            )
            found = [
                (1 - s, -self.counts[w], w)
                for w, s, _ in similar
                if w[:SHARED_STEM] == lower[:SHARED_STEM]
            ]
        if not found:
            return self.completions(lower) if len(lower) >= MIN_CUT_LENGTH else []
        nearest = min(d for d, _, _ in found)
        return [w for d, _, w in sorted(found) if d == nearest]

    def completions(self, lower: str) -> list[str]:
        """The library words a word cut short may stand for ("trigem" for "trigeminal"),
        the commonest first: those that begin with it, longer by a syllable or more
        (CUT_SHORT letters)."""
        ordered = self._ordered
        at = bisect_left(ordered, lower)
        found = []
        while at < len(ordered) and ordered[at].startswith(lower):
            if len(ordered[at]) - len(lower) >= CUT_SHORT:
                found.append(ordered[at])
            at += 1
        return sorted(found, key=lambda w: -self.counts[w])

    @cached_property
    def _ordered(self) -> list[str]:
        """The target words in order, sorted only when a word cut short is first looked up
        (not when the library's vocabulary is loaded)."""
        return sorted(self._targets)

    def save(self, path: Path, generation: int) -> None:
        """Written whole or not at all: other processes may be reading the old file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".vocabulary-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"generation": generation, "counts": self.counts}, out)
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: Path, generation: int) -> Vocabulary | None:
        """The saved vocabulary if it was made for this generation of the library."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("generation") != generation:
            return None
        counts = data.get("counts")
        return cls(counts) if isinstance(counts, dict) else None


def everyday_word(word: str, language: str = "en") -> bool:
    """Whether a word is attested in everyday use of the language (wordfreq's Zipf frequency
    of at least EVERYDAY_ZIPF, once in ten billion words: "vengeance", "Hollywood",
    "bonafide", "hapy"; "cribado", "edades"). A word the library never uses but people do is
    incidental to a clinical question (or a typo of one); a drug or test the library never
    mentions is in no general usage at all ("inclisiran", "lecanemab"). A word in capitals
    is an abbreviation, not the everyday word it spells ("ARIA"). In a language other than
    English, whose typos nothing corrects, a word one slip from a common word is that word
    ("tratamineto")."""
    if word.isupper():
        return False
    if zipf_frequency(word, language) >= EVERYDAY_ZIPF:
        return True
    return language != "en" and near_common(word.lower(), language)


#: How many of a language's commonest words a typo is measured against.
COMMON_WORDS = 100_000


def near_common(word: str, language: str) -> bool:
    """Within one edit (a transposition counting one) of one of the language's commonest
    words, for a word of five letters or more: "tratamineto", not "inclisirán" (two from
    "inclinarán")."""
    if len(word) < 5:
        return False
    found = process.extractOne(
        word, _common_words(language), scorer=distance.OSA.distance, score_cutoff=1
    )
    return found is not None


@lru_cache(maxsize=4)
def _common_words(language: str) -> list[str]:
    return top_n_list(language, COMMON_WORDS)


def conversational(word: str, library_share: float) -> bool:
    """Whether a word belongs to everyday conversation rather than to the library's subject:
    common in English (Zipf frequency of at least EVERYDAY_COMMON) and no commoner in the
    library's passages (`library_share`: the share of passages using it) than in ordinary
    text of a passage's length ("journey", "email", "mail"), where the library's own words
    are many times commoner there ("injury", "dose", "blood")."""
    found = keyness(word, library_share)
    return found is not None and found < 1.0


def keyness(word: str, library_share: float) -> float | None:
    """How much commoner a word of everyday English is in the library's passages than in
    ordinary text of a passage's length: about 20 for "diabetes" or "surgery", under 0.1
    for "supposed", "went" or "dad". None for a word in capitals or one too rare in English
    to say (Zipf frequency under EVERYDAY_COMMON)."""
    if word.isupper():
        return None
    zipf = zipf_frequency(word, "en")
    if zipf < EVERYDAY_COMMON:
        return None
    expected = min(1.0, PASSAGE_WORDS * 10 ** (zipf - 9))  # Zipf 9 is one per word
    return library_share / expected


#: Words a message names its writer or reader after: a greeting, a sign-off, an
#: introduction ("Hi Anna", "Best, Mehrnaz", "my name is Henri").
_NAMING = re.compile(
    r"\b(?:hi|hello|hey|dear|greetings|name is|i am|i'm|this is|best|thanks|thank you|"
    r"regards|sincerely|cheers|yours|bless|love)\W*$",
    re.IGNORECASE,
)


def proper_name(word: str, text: str) -> bool:
    """Whether a word reads as a person's name: capitalised (not in capitals) wherever the
    text uses it, never at the start of a sentence, and where a message names people: after
    a greeting, a sign-off or an introduction ("Best, Mehrnaz", "Hi Anna"). A capitalised
    word the question asks about ("How long should I take Paxlovid?", "Qwertyuiop
    syndrome") is a brand or an eponym, not a person."""
    if not word[:1].isupper() or word.isupper():
        return False
    found = [m for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    return bool(found) and all(
        re.search(r"(?:^|[.!?:]\s*)$", text[: m.start()]) is None
        and _NAMING.search(text[: m.start()]) is not None
        for m in found
    )


def adverb(word: str) -> bool:
    """Whether a word is an adverb made from an everyday word with "-ly" ("mildly",
    "recently", "easily", "possibly"): it says how, never what a question is about."""
    lower = word.lower()
    if len(lower) < 5 or not lower.endswith("ly"):
        return False
    bases = (lower[:-2], lower[:-3] + "y", lower[:-2] + "e", lower[:-1] + "e")
    return any(zipf_frequency(base, "en") >= ADVERB_BASE_ZIPF for base in bases if len(base) > 2)


def initialism(token: str, text: str) -> bool:
    """Whether an all-capital token is the initials of consecutive words of the text
    ("MSUD" in a question about Maple Syrup Urine Disease)."""
    if not (token.isupper() and token.isalpha() and 2 <= len(token) <= 8):
        return False
    initials = "".join(w[0] for w in _TOKEN.findall(text)).upper()
    return token.upper() in initials


def strip_placeholders(question: str) -> str:
    """The question without "[NAME]"-style placeholders, and without the label of a form
    field that names what the placeholder stands for ("EMAIL: [EMAIL]", "Name: [NAME]"),
    or the scheme of the address it stands for ("mailto:[CONTACT]"): such a label is no
    word of the question."""

    def blank(found: re.Match[str]) -> str:
        label = found.group("label")
        if label is None or label.upper() in found.group("kind").split():
            return " "
        if label.lower() in URI_SCHEMES:  # "mailto:[CONTACT]": part of the address
            return " "
        return found.group(0).split("[", 1)[0]  # another label ("address is:") stays

    return " ".join(_PLACEHOLDER.sub(blank, question).split())


#: A full stop run into the next word ("finger.but now the leg", "condition.I have"), not a
#: web address's ("ClinicalTrials.gov"), an abbreviation's ("e.g.") or a number's ("21.6").
_GLUED_STOP = re.compile(r"(?<=[^\W\d_]{2})\.(?=[^\W\d_]{2}|I\b)", re.UNICODE)
_WEB_ADDRESS_END = re.compile(r"(?:com|org|gov|net|edu|info)\b")


def web_address(word: str) -> bool:
    """Whether a word is a web address ("ClinicalTrials.gov", "yahoo.com"): where a message
    came from or a page it names, not what it asks about."""
    head, dot, end = word.strip(".").rpartition(".")
    return bool(dot and head) and _WEB_ADDRESS_END.fullmatch(end.casefold()) is not None


#: A list's number run into the word before it, before the next question ("Is this disease
#: hereditary2) Does alcoholism play a role"): not a name's digits ("(BRCA1) and ...").
_GLUED_NUMBER = re.compile(r"(?<=[^\W\d_]{2})(?=\d{1,2}\)\s*[A-Z])", re.UNICODE)
#: A list's number where a question of a list begins: at the message's start or after the
#: question before it ("... please.1. What causes leukemia?2. Can you survive it?"), or a
#: number in a bracket after a space ("hereditary 2) Does"); not a count ("My son is 4. He
#: ...") or a name's digits ("(BRCA1) Raise"). Its layout, not a word: "2" is no concept.
_LIST_NUMBER = re.compile(
    r"(?:(?:^|(?<=[.?!:;]))\s*\d{1,2}[.)]|(?<=\s)\d{1,2}\))(?=\s*[A-Z])", re.UNICODE
)


def unglue(question: str) -> str:
    """The question with a space after each full stop run into the next word ("my
    finger.but now" -> "my finger. but now"), so that neither word is read as an unknown
    one, and without the numbers of a list of questions, which are its layout
    ("hereditary2) Does" -> "hereditary Does", "please.1. What" -> "please. What"); web
    addresses and a name's digits ("(BRCA1)") stay as written."""

    def spaced(found: re.Match[str]) -> str:
        return "." if _WEB_ADDRESS_END.match(question, found.end()) else ". "

    question = _GLUED_STOP.sub(spaced, question)

    def numbered(found: re.Match[str]) -> str:
        start = found.start()
        while start > 0 and question[start - 1].isalnum():
            start -= 1
        return "" if question[start - 1 : start] == "(" else " "  # "(BRCA1) Do ..." stays

    question = _GLUED_NUMBER.sub(numbered, question)
    return re.sub(r"(?<=\S) {2,}", " ", _LIST_NUMBER.sub(" ", question)).strip()


#: A backslash typed inside a word ("speech arti\\culation"): no character of the word.
_STRAY_BACKSLASH = re.compile(r"(?<=[^\W\d_])\\(?=[^\W\d_])")


def drop_stray_backslashes(question: str) -> str:
    """The question without a backslash typed inside a word ("arti\\culation" ->
    "articulation"), which would otherwise split it into two unknown words."""
    return _STRAY_BACKSLASH.sub("", question)


def fold_shouting(question: str, is_abbreviation: Callable[[str], bool]) -> str:
    """Shouted words to lower case: in a question mostly in capitals, or a run of two or
    more words in capitals ("CITROBACTER FREUNDII", "CURE FOR PNEUMONIA"; a single capital
    letter, "N" for "and", neither makes nor breaks a run). Abbreviations the library knows,
    and a single word in capitals among ordinary ones ("long COVID"), stay; but not, within
    a run, an abbreviation that spells one of English's commonest words ("HE ALSO GO FOR
    EXERCISES ... AND ALL": neither gemtuzumab ozogamicin nor acute lymphoblastic
    leukaemia)."""
    every = list(_TOKEN.finditer(question))
    tokens = [t for t in every if len(t.group()) > 1]
    upper = [t.group().isupper() for t in tokens]
    known = [is_abbreviation(t.group()) for t in tokens]
    shouted = [loud and not abbreviation for loud, abbreviation in zip(upper, known, strict=True)]
    everywhere = len(tokens) >= 3 and sum(shouted) >= 0.6 * len(tokens)
    fold_at = set()
    for i, loud in enumerate(upper):
        neighbour = (i > 0 and shouted[i - 1]) or (i + 1 < len(shouted) and shouted[i + 1])
        if not loud or not (everywhere or neighbour):
            continue
        word = tokens[i].group()
        if not known[i] or zipf_frequency(word.lower(), "en") >= SHOUTED_WORD_ZIPF:
            fold_at.add(tokens[i].start())

    # a single capital letter between two shouted words is shouted too ("MONTHS N TAKES A
    # PROPER DIET"), not the letter of a kind ("hepatitis C": patients.asked_kind_letters)
    for i, token in enumerate(every):
        letter = token.group()
        if len(letter) != 1 or not letter.isupper() or letter == "I":
            continue
        before = next((t for t in reversed(every[:i]) if len(t.group()) > 1), None)
        after = next((t for t in every[i + 1 :] if len(t.group()) > 1), None)
        if before and after and before.start() in fold_at and after.start() in fold_at:
            fold_at.add(token.start())

    def fold(match: re.Match[str]) -> str:
        word = match.group()
        return word.lower() if match.start() in fold_at else word

    return _TOKEN.sub(fold, question)


#: symspellpy's English dictionary: 82,765 words of a large English corpus, spelled right.
ENGLISH_DICTIONARY = "frequency_dictionary_en_82_765.txt"


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The words of symspellpy's English dictionary, in lower case."""
    source = resources.files("symspellpy") / ENGLISH_DICTIONARY
    with source.open(encoding="utf-8") as lines:
        return frozenset(line.split(maxsplit=1)[0] for line in lines if line.strip())


#: Both words of a run-together pair are this common in everyday English (Zipf scale):
#: "infact" is "in fact", "atleast" "at least"; "comit" is no "com it".
RUN_TOGETHER_ZIPF = 4.5
#: Where the library also has a word close to it, a pair is read only where one of its words
#: is among the commonest of English ("in fact", "any other", "thank you": "in", "any" and
#: "you" are above this): two words of content ("super nuclear") are less likely than a
#: misspelt library word ("Supernuclear" for "supranuclear").
RUN_TOGETHER_COMMONEST = 5.75
#: ... and one of them has at least this many letters: two short syllables ("de re" for
#: "dere") are more likely a misspelt word than two words.
RUN_TOGETHER_LONGEST = 4


@lru_cache(maxsize=1)
def _segmenter() -> SymSpell:
    segmenter = SymSpell(max_dictionary_edit_distance=0)
    source = resources.files("symspellpy") / ENGLISH_DICTIONARY
    with resources.as_file(source) as path:
        segmenter.load_dictionary(str(path), term_index=0, count_index=1)
    return segmenter


def run_together(word: str) -> str | None:
    """Two everyday English words typed without the space between them ("infact" -> "in
    fact", "atleast" -> "at least"), split by symspellpy's word segmentation; None for
    any other word."""
    if not word.isalpha() or len(word) < 4:
        return None
    parts = _segmenter().word_segmentation(word.lower(), max_edit_distance=0).corrected_string
    pair = parts.split()
    if (
        len(pair) != 2
        or max(len(p) for p in pair) < RUN_TOGETHER_LONGEST
        or any(
            zipf_frequency(p, "en") < RUN_TOGETHER_ZIPF or (len(p) == 1 and p not in "ai")
            for p in pair
        )
    ):
        return None  # "don t" is no reading of "dont", nor "de re" of "dere"
    return parts if word.islower() else f"{word[: len(pair[0])]} {word[len(pair[0]) :]}"


def pair_or_word(typed: str, pair: str | None, word: str | None) -> str | None:
    """What a typed word meant, given two words it may be typed together (`pair`) and the
    close library word it may misspell (`word`): the pair where one of its words is among
    the commonest of English ("infact": "in fact", not "infant"), where the second starts
    with a capital ("SessionId"), or where no library word is close; otherwise the library
    word ("Supernuclear": "supranuclear", not "Super nuclear")."""
    if pair is None or word is None:
        return pair or word
    if re.search(r"[a-z][A-Z]", typed):
        return pair
    if any(zipf_frequency(p.lower(), "en") >= RUN_TOGETHER_COMMONEST for p in pair.split()):
        return pair
    return word


#: A word the library never writes, though it writes another of its stem, is a typo of a
#: word of another stem only where the library uses that word this many times as often.
CLEARLY_COMMONER = 4
#: How many words on each side of a typo its corrections are counted with.
NEIGHBOURS = 3


def said_with_neighbours(
    question: str, word: str, candidates: Sequence[str], phrase_count: Callable[[str], int]
) -> list[str]:
    """The candidates for a typo, the one the library says most often as a phrase with the
    words around it first (the words before, or after, whichever it says more often); the
    order as it was where it says none of them so."""
    found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", question)
    if found is None:
        return list(candidates)
    before = question[: found.start()].split()[-NEIGHBOURS:]
    after = question[found.end() :].split()[:NEIGHBOURS]

    def said(candidate: str) -> int:
        return max(
            phrase_count(" ".join((*before, candidate))) if before else 0,
            phrase_count(" ".join((candidate, *after))) if after else 0,
        )

    counts = {c: said(c) for c in candidates}
    if not any(counts.values()):
        return list(candidates)
    return sorted(candidates, key=lambda c: -counts[c])  # a stable sort: ties keep their order


def correct_spelling(
    question: str,
    vocabulary: Vocabulary,
    unknown: Iterable[str],
    phrase_count: Callable[[str], int] | None = None,
    unwritten: Iterable[str] = (),
) -> tuple[str, tuple[Correction, ...]]:
    """The question with each of its `unknown` words corrected where it is two everyday
    words run together ("infact") or the library has a close word (never an everyday
    English word; pair_or_word where it may be either; nor a word in everyday use that the
    correction would only lengthen by a letter or two: "augmentin" is no "augmenting" cut
    short), and the corrections made. Of library words equally close, the one the library
    says most often with the typed word's neighbours (`phrase_count`: "ringing in the ears"
    for "rining in the ears", not "rising"), else the commonest.

    A word the library never writes, though it writes another of its stem (`unwritten`),
    is corrected only to a word of another stem that the library uses CLEARLY_COMMONER
    times as often as its stem: "migranes" shares its stem with "migrans" (erythema
    migrans, in 40 passages) and means "migraines" (in 258)."""
    corrections = []
    unknown = tuple(dict.fromkeys(unknown))
    for word in dict.fromkeys((*unknown, *unwritten)):
        if zipf_frequency(word, "en") >= EVERYDAY_COMMON or word.lower() in english_words():
            continue  # a word of English ("reply", "bleeder") the library happens not to use
        closest = vocabulary.closest(word)
        if word not in unknown:
            stem = terms(word)
            if any(w.startswith(word.lower()) and terms(w) == stem for w in closest):
                continue  # a word of its stem cut short: "recove" for "recover"
            closest = [w for w in closest if terms(w) != stem]
            if phrase_count is None or not closest:
                continue
            used = phrase_count(word)  # the passages that use a word of its stem
            if phrase_count(closest[0]) < CLEARLY_COMMONER * used:
                continue  # as likely a word of its own stem
        if everyday_word(word) and all(
            w.startswith(word.lower()) and len(w) - len(word) < CUT_SHORT for w in closest
        ):
            closest = []  # a word people use, not another cut short: "augmentin", "augmenting"
        if len(closest) > 1 and phrase_count is not None:
            closest = said_with_neighbours(question, word, closest, phrase_count)
        pair = run_together(word) if word in unknown else None
        better = pair_or_word(word, pair, closest[0] if closest else None)
        if better is not None:
            corrections.append(Correction(word, better))
    return mended(question, corrections), tuple(corrections)


def mended(text: str, corrections: Iterable[Correction]) -> str:
    """The text with each correction's written word, where it stands whole, corrected."""
    for correction in corrections:
        text = re.sub(rf"(?<!\w){re.escape(correction.written)}(?!\w)", correction.corrected, text)
    return text
