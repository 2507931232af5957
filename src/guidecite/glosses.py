"""The library's own glosses of everyday words: "Often the first symptom of Parkinson
disease is trembling or shaking (tremor) of a limb", "ringing in the ears (tinnitus)". A
question in everyday words ("what medicine will help his shaking") is read with the term
the library writes in brackets after the same words, where it does so in more than one
passage: the term is read as another spelling of the words' rarest word (an `Expansion`, as
an abbreviation's long form is), so a statement on treating tremor states what the question
asks. Only everyday words the library itself seldom uses are glossed, only by a term rarer
in everyday English than they are (the medical word for the everyday one, not "detect
(find)") that the library uses more than them, and only where the library's word before
them joins a list or describes them ("rhythmic shaking (tremor)"): "weak muscle tone
(hypotonia)" glosses a question's "weak muscle tone", not its "muscle tone", and "reduced
bone density (osteopenia)" no "bone density scan"."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from weakref import WeakKeyDictionary

from wordfreq import zipf_frequency

from .abbreviations import Expansion
from .analysis import terms
from .frame import names_no_focus
from .grades import without_trailing_grade
from .store.base import Store
from .store.lexical import Clause

#: Passages searched for a word's glosses (its best by BM25).
GLOSS_PASSAGES = 40
#: A gloss the library writes in at least this many of them.
MIN_GLOSSES = 2
#: How likely a question's everyday word means the library's term for it (an abbreviation's
#: sense is weighed the same way).
GLOSS_WEIGHT = 0.6
#: An everyday word: at least this common in English (wordfreq's Zipf scale; "shaking" is
#: about 3.9, "tremor" 2.9).
EVERYDAY = 3.0
#: The longest run of the question's words glossed ("ringing in the ears").
MAX_RUN = 4
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Words in more than this share of the library's passages (and more than GLOSS_PASSAGES)
#: are the library's own words.
RARE_SHARE = 0.002
_TERM = r"[a-z][a-z-]{2,}(?: [a-z][a-z-]{2,}){0,2}"
#: Words that join a list or an alternative before the glossed word ("trembling or shaking").
_JOINING = frozenset(
    "or and of a an the with to in as is are was were be been has have had may can called "
    "such like from for by on at your their his her its this that these those having "
    "cause causes causing get gets getting feel feels feeling".split()
)
#: The fewest letters of a brand ("Hb" is an abbreviation, "Advil" a brand).
BRAND_LETTERS = 4
#: Words that count: a run holding one is glossed by how many ("both eyes (bilateral)").
_COUNTING = frozenset("one two three four both single double".split())
#: A word that describes the glossed word rather than naming something with it, by its
#: ending ("rhythmic shaking (tremor)", "involuntary shaking"; not "muscle tone (hypotonia)"
#: for "tone", nor "reduced bone density (osteopenia)" for "bone density").
_DESCRIBING = re.compile(r"(?:ic|al|ive|ous|ful|ary|ory|ant|ent),?$")


def glosses(text: str, words: Sequence[str], store: Store) -> tuple[Expansion, ...]:
    """The library's term for each run of the question's everyday words that it glosses
    ("shaking", "ringing in the ears", "yellow skin"), longest runs first; each is said to
    spell the run's rarest word in the library, which it then also states."""
    # each word of the question read once: whether it may be glossed, and how many passages
    # use it
    content = {w.casefold(): w for w in words if glossable(w)}
    if not content:
        return ()
    freq = {w: store.doc_freq(w) for w in content.values()}
    stated = frozenset(t for w in words for t in terms(w))
    rare = max(GLOSS_PASSAGES, RARE_SHARE * store.counts()["passages"])
    tokens = _WORD.findall(text)
    found: dict[str, Expansion] = {}
    owned: set[int] = set()  # positions of words in a run the library itself uses much
    for size in range(MAX_RUN, 0, -1):
        for start in range(len(tokens) - size + 1):
            run = tokens[start : start + size]
            said = [w.casefold() for w in run]
            if said[0] not in content or said[-1] not in content or _COUNTING & set(said):
                continue  # "in one eye (unilateral)" says how many, not what
            if any(w not in content and w not in _JOINING for w in said):
                continue  # a word no gloss is read for: a name, a number, a kind of answer
            owner = min((content[w] for w in said if w in content), key=freq.__getitem__)
            phrase = " ".join(run)
            used = store.doc_freq(phrase)
            if used > rare:  # the library's own words: no part of them is glossed alone
                owned.update(range(start, start + size))
                continue
            if owner in found or used < MIN_GLOSSES or owned & set(range(start, start + size)):
                continue
            term = gloss_of(phrase, store)
            if term is not None and not stated & frozenset(terms(term)):  # "hairy (leukemia)"
                found[owner] = Expansion(owner, term, GLOSS_WEIGHT, glossed=phrase)
    # a word the library writes in brackets after its own name for it: "acetaminophen
    # (Tylenol)" for a question's "tylenol"
    for word in words:
        if word in found or not named_in_brackets(word):
            continue
        if not MIN_GLOSSES <= store.doc_freq(word) <= rare:
            continue
        term = named_before(word, store)
        if term is not None and not stated & frozenset(terms(term)):
            found[word] = Expansion(word, term, GLOSS_WEIGHT, glossed=word)
    return tuple(found.values())


def named_in_brackets(word: str) -> bool:
    """A word that may be the one a library writes in brackets after its own name for it (a
    brand: "Tylenol"): not a word in capitals nor one of fewer than BRAND_LETTERS letters
    (an abbreviation: "Hb"), and not one naming the patient or the kind of answer asked
    for."""
    return (
        word.isalpha()
        and not word.isupper()
        and len(word) >= BRAND_LETTERS
        and not names_no_focus(word)
    )


def named_before(word: str, store: Store) -> str | None:
    """The name the library most often writes right before the word in brackets, alone or
    first among others, as a brand is written ("acetaminophen (Tylenol)", "ibuprofen
    (Advil, Motrin)"), where it does so in MIN_GLOSSES passages or more and uses that name
    more than the word."""
    # the word first in the bracket with a capital, as a brand is written (not "evidence
    # (nilotinib ...)", a class before an example, nor an abbreviation: "(PLS)")
    brand = word[:1].upper() + word[1:].lower()
    # and no digit in the bracket: "(Depino, Webright, & Arnold, 2000)" cites a study
    pattern = re.compile(rf"\b([A-Za-z][a-z-]{{2,}})\s+\({re.escape(brand)}\b[^()\d]{{0,60}}\)")
    written = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    keys = [key for key, _ in store.lexical_search([Clause(word, 1.0)], GLOSS_PASSAGES)]
    counts: Counter[str] = Counter()
    small = 0  # uses in small letters: a brand is a name, always capitalised
    for passage in store.passages(keys).values():
        counts.update({m.group(1).casefold() for m in pattern.finditer(passage.text)})
        small += sum(1 for m in written.finditer(passage.text) if m.group()[:1].islower())
    if small:
        return None  # "ciprofloxacin ophthalmic solution": a word, not a brand
    counts.pop(word.casefold(), None)
    best = counts.most_common(1)
    if not best or best[0][1] < MIN_GLOSSES or best[0][0] in _JOINING:
        return None
    term = best[0][0]
    return term if store.doc_freq(term) > store.doc_freq(word) else None


def glossable(word: str) -> bool:
    """An everyday word that names neither the patient nor the kind of answer asked for."""
    return (
        word.isalpha()
        and not word.isupper()
        and zipf_frequency(word, "en") >= EVERYDAY
        and not names_no_focus(word)
    )


#: The glosses each store's library gives, by the library's generation and the words: the
#: everyday words of one question are often those of the next ("pain", "shaking").
_GLOSSED: WeakKeyDictionary[Store, dict[tuple[int, str], str | None]] = WeakKeyDictionary()
#: How many glosses are remembered for one store; the oldest go first.
GLOSSES_REMEMBERED = 4096


def gloss_of(phrase: str, store: Store) -> str | None:
    """The term the library most often writes in brackets right after the words, where it
    does so in MIN_GLOSSES passages or more and uses the term more than the words; read
    once for the library as it stands (remembered until its content changes)."""
    remembered = _GLOSSED.setdefault(store, {})
    key = (store.generation(), phrase)
    if key not in remembered:
        if len(remembered) >= GLOSSES_REMEMBERED:
            del remembered[next(iter(remembered))]
        remembered[key] = _read_gloss(phrase, store)
    return remembered[key]


def _read_gloss(phrase: str, store: Store) -> str | None:
    spaced = r"\s+".join(re.escape(w) for w in phrase.split())
    pattern = re.compile(rf"(?:(\S+)\s+)?\b{spaced}\s+\(({_TERM})\)", re.IGNORECASE)
    clause = Clause(phrase, 1.0, phrase=" " in phrase)
    keys = [key for key, _ in store.lexical_search([clause], GLOSS_PASSAGES)]
    counts: Counter[str] = Counter()
    own = frozenset(terms(phrase))
    for passage in store.passages(keys).values():
        seen = set()
        for match in pattern.finditer(passage.text):
            before, term = (match.group(1) or "").casefold().strip(",;:("), match.group(2)
            if before and not (before in _JOINING or _DESCRIBING.search(before)):
                continue  # the bracket glosses a longer name than the question's words
            if own & frozenset(terms(term)) or not _rarer(term, phrase):
                continue
            if without_trailing_grade(f"{phrase} ({term})") != f"{phrase} ({term})":
                continue  # a recommendation's grade: "(conditional recommendation)"
            seen.add(term.casefold())
        counts.update(seen)
    best = counts.most_common(1)
    if not best or best[0][1] < MIN_GLOSSES:
        return None
    term = best[0][0]
    # the library's word for it: its passages use the term more than the everyday words
    return term if store.doc_freq(term) > store.doc_freq(phrase) else None


def _rarer(term: str, phrase: str) -> bool:
    """Whether a term is rarer in everyday English than the words it glosses (its commonest
    word than their rarest word that is no joining word)."""
    glossed = [w for w in phrase.split() if w.casefold() not in _JOINING]
    rarest = min(zipf_frequency(w, "en") for w in glossed)
    return max(zipf_frequency(w, "en") for w in term.split()) < rarest
