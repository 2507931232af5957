"""Understanding a question: validation, content words, abbreviations, search clauses.

Nothing here knows medicine: the words that carry no topic are generic English and the
wording of questions; abbreviation senses come from the library itself or from the user's
dictionary file, chosen by the other words of the question.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Protocol

import numpy as np
from wordfreq import zipf_frequency

from .abbreviations import AbbreviationTable, Expansion, expand
from .analysis import fold, terms, words
from .embedding import Embedder, similarities
from .errors import QuestionError
from .frame import (
    Frame,
    asked_parts,
    asking_clauses,
    compared_sides,
    form_message,
    intents_of_message,
    linked_sides,
    names_subject,
    question_parts,
    together_sides,
)
from .glosses import glosses
from .intents import INTENTS, intent_named
from .multilingual import Translator, is_function_word
from .patients import (
    asked_kind_letters,
    medicine_set_aside,
    names_patient,
    negated_words,
    qualifiers_of,
    without_medicine,
)
from .scoring import Concept
from .settings import MAX_QUESTION_CHARS
from .store.base import Store
from .store.lexical import Clause
from .topics import SEE_A_DOCTOR, TopicIndex, main_title
from .wording import (
    MIN_COUNT,
    Correction,
    Vocabulary,
    adverb,
    conversational,
    correct_spelling,
    drop_stray_backslashes,
    everyday_word,
    fold_shouting,
    initialism,
    keyness,
    proper_name,
    strip_placeholders,
    unglue,
    web_address,
)

#: Words that say how a question is asked, not what it is about.
STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves may might must shall also per vs versus ok okay still just get got
    getting tell told say says said according recommend recommended recommends
    recommendation recommendations suggest suggested guideline guidelines guidance best
    usual usually should need needs needed next step steps course action patient patients
    person people someone me mine i'm im he's she's it's what's whats how's dont don't can't
    cannot anything something everything thing things way ways know want like please help
    really new newly current currently given giving give using use used
    hi hello hey dear sir madam thanks thank thx regards sincerely kindly appreciate
    appreciated wondering wonder wondered question questions info information anyone
    enough sufficient whether either neither able
    though although however even yet unless upon onto toward towards whose whatever whenever
    wherever anyway anyhow
    doctor doctors dr physician physicians hospital clinic
    cant couldnt wouldnt shouldnt doesnt didnt isnt arent wasnt werent havent hasnt hadnt
    wont ive youre theyre thats theres won't doesn't didn't isn't aren't wasn't weren't
    haven't hasn't hadn't couldn't wouldn't shouldn't i've you're they're that's there's
    """.split()
)

#: In a library of more than LARGE_LIBRARY passages, a word in more than COMMON_SHARE of them
#: is common: no phrase pairs with it. Matching a phrase walks the positions of both words,
#: which at 1M passages doubled the BM25 p95 (docs/benchmarks.md); below that it is cheap
#: and the pairs help ranking.
LARGE_LIBRARY = 500_000
COMMON_SHARE = 0.05
#: A word in fewer passages than this may be a typo (the question's, or the library's own).
RARE = 2
#: A word carrying this share of the question's weight is what it asks about (dominant_word).
DOMINANT_SHARE = 0.5
#: A concept only in the story around a consumer's question weighs this share of its rarity.
STORY_WEIGHT = 0.3
SUBJECT_WEIGHT = 1.5
#: A word saying who the patient is weighs this share.
ASIDE_WEIGHT = 0.3
#: A word of everyday conversation ("supposed", "bad", "went"), which the library uses at most
#: CHAT_KEYNESS times as often as ordinary text does (wording.keyness), weighs this share of
#: its rarity: it is rare in the library only because it is not the library's subject.
CHAT_WEIGHT = 0.3
CHAT_KEYNESS = 0.1
MAX_FOCUS = 3
FOCUS_SHARE = 0.5  # focus words weigh at least this share of the rarest one
#: ... and at least this (the IDF of a word in about one passage in 55): commoner words
#: ("work", "every") say how, not what.
FOCUS_MIN_WEIGHT = 4.0
#: How much a word that passages giving the asked kind of answer are written in weighs in the
#: search, against 1 for a word of the question: enough to lift, among the passages on the
#: question's words, those that give the answer, not to fetch passages on nothing else.
ANSWER_WORD_WEIGHT = 0.3
NO_FRAME = Frame(None, None, (), "general", ())
_SLASHED_WORDS = re.compile(r"[a-z]{3,}(?:/[a-z]{3,})+", re.IGNORECASE)
_WORD = re.compile(r"[^\W_](?:[\w\-/+%]|\.(?=\w))*", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPANISH_MARKS = re.compile(
    r"[¿¡ñ]|\b(qué|cuál|cuándo|cómo|dónde|para|pacientes?|tratamiento|"
    r"recomienda|debe|años|según|con|sin|una?|los|las|del|el|la)\b",
    re.IGNORECASE,
)


class Knowledge(Protocol):
    """What the library knows about its own words (built once per generation by the
    caller; guidecite.answer.Library is one)."""

    def vocabulary(self) -> Vocabulary: ...

    def translator(self) -> Translator | None: ...

    def topics(self) -> TopicIndex: ...


#: Conditions a topic is asked for, each as the question's words and the run of their
#: concepts (Query.topic_setting).
Setting = tuple[tuple[str, tuple[Concept, ...]], ...]


@dataclass(frozen=True)
class Query:
    question: str
    language: str
    content_words: tuple[str, ...]
    expansions: tuple[Expansion, ...]
    clauses: tuple[Clause, ...]
    vector: np.ndarray
    #: (weight, alternatives): a concept is stated when any alternative's terms all appear
    concepts: tuple[Concept, ...] = ()
    #: content words that no passage of the library contains
    unknown_words: tuple[str, ...] = ()
    frame: Frame = NO_FRAME
    #: the concepts that name the question's topic (stated by its best matching title)
    topic_concepts: tuple[Concept, ...] = ()
    #: the question as read: placeholders gone, shouting folded, typos corrected
    text: str = ""
    #: content words no passage uses as written (stated at most as another word's stem)
    unused_words: tuple[str, ...] = ()
    #: other names of the topic, as term sets (from its documents' "Also called" titles)
    topic_aliases: tuple[frozenset[str], ...] = ()
    #: issuers the question names ("per NICE"), as the terms of their names
    named_sources: tuple[frozenset[str], ...] = ()
    #: for each topic document, how much of its title the question asks about (topics.py)
    topic_purity: Mapping[str, float] = field(default_factory=dict)
    #: a question in another language, word for word in the library's English (its words
    #: the translator renders, and those the library itself has), for models that read
    #: only English (rerank.py); empty for an English question
    english: str = ""
    #: content words the library writes, as written, in fewer than wording.MIN_COUNT passages
    #: (a stray word of the story: "allot" and "fluctuates", each written once), read by an
    #: English library's vocabulary; no name of a thing the article could speak of
    seldom_written: tuple[str, ...] = ()
    #: content words of everyday conversation, no commoner in the library than in English
    #: (wording.conversational: "capital", "city", "Australia"), once the topic is settled
    everyday: frozenset[str] = frozenset()
    #: the condition the topic's title gives its topic, as the question names it too:
    #: "breast cancer" for sentinel lymph node biopsy in "Sentinel lymph node biopsy for
    #: patients with early-stage breast cancer" (question_topic.topic_setting); each as the
    #: question's words and the run of their concepts
    topic_setting: Setting = ()

    @property
    def read(self) -> str:
        return self.text or self.question

    @property
    def embedding_text(self) -> str:
        return " ".join((self.read, *(e.long for e in self.expansions)))

    @property
    def asking_text(self) -> str:
        """What the question asks, for a reader of meaning (rerank.py): a long message's
        subject line and asking sentences, with the abbreviations' long forms."""
        return " ".join((asked_parts(self.read), *(e.long for e in self.expansions)))


def clean_question(text: str) -> str:
    """The question as a single clean line, or a QuestionError that says what is wrong."""
    if not isinstance(text, str):
        raise QuestionError("the question must be text")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"the question is {len(text):,} characters long; the limit is {MAX_QUESTION_CHARS:,}"
        )
    cleaned = unicodedata.normalize("NFC", _CONTROL.sub(" ", text))
    cleaned = " ".join(cleaned.split())
    if not any(ch.isalnum() for ch in cleaned):
        raise QuestionError("the question is empty: ask it in words")
    return cleaned


def detect_language(question: str) -> str:
    """'es' for a question that reads as Spanish, else 'en' (a cheap, conservative test)."""
    marks = _SPANISH_MARKS.findall(question)
    return "es" if len(marks) >= 3 or ("¿" in question and len(marks) >= 2) else "en"


def content_words(question: str) -> tuple[str, ...]:
    """The question's words that carry its topic, in order, without repeats (whatever their
    case). Two words joined by a slash are two words ("ulcer/canker"); a compound in
    capitals stays one ("PET/CT")."""
    words: list[str] = []
    seen: set[str] = set()
    # "hepatitis C", "hepatitis c"; not a letter after a word that says how it is asked
    letters = {
        kind.start(2)
        for kind in asked_kind_letters(question)
        if kind.group(1).casefold() not in STOPWORDS
    }
    for match in _WORD.finditer(question):
        token = match.group().strip(".-/+")
        parts = token.split("/") if _SLASHED_WORDS.fullmatch(token) else [token]
        for word in parts:
            if len(word) == 1 and match.start() in letters and word.casefold() not in seen:
                seen.add(word.casefold())
                words.append(word)
                continue
            if not word or word.lower() in STOPWORDS or word.casefold() in seen:
                continue
            if len(word) == 1 and not word.isdigit():
                continue
            seen.add(word.casefold())
            words.append(word)
    return tuple(words)


def understand(
    question: str,
    store: Store,
    embedder: Embedder,
    abbreviations: AbbreviationTable,
    translator: Translator | None = None,
    knowledge: Knowledge | None = None,
) -> Query:
    """Turn a question into its frame, search clauses, weighted concepts and a query vector.

    Placeholders go, and a web form's record is read for the fields that ask (its date,
    session and browser are no part of the question); slips of typing are mended (a full
    stop run into the next word, a backslash inside one), shouted words are folded, and
    words the library never uses are split into the two words run together or corrected to
    its nearest words (wording.py).
    Concepts only in the story around the question weigh less than those it asks about; the
    concepts its best matching titles state are its topic (frame.py, topics.py).

    A Spanish question over an English library is also searched with the English words the
    translator finds for it (multilingual.py); each Spanish word is then one concept stated
    by any of its forms."""
    cleaned = clean_question(question)
    language = detect_language(cleaned)
    typed = drop_stray_backslashes(unglue(form_message(strip_placeholders(cleaned))))
    text = fold_shouting(typed, abbreviations.__contains__) or cleaned
    if translator is None and knowledge is not None and language == "es":
        translator = knowledge.translator()
    translation = translator(text) if translator is not None and language == "es" else None
    titles = knowledge.topics() if knowledge is not None else None
    words, expansions, contracted, (concepts, unknown, common, unused) = _read(
        text, store, embedder, abbreviations, spanish=translation is not None, titles=titles
    )
    corrections: tuple[Correction, ...] = ()
    seldom: tuple[str, ...] = ()
    if knowledge is not None and language == "en":
        vocabulary = knowledge.vocabulary()
        # a word the library never writes, though another of its stem ("migranes": "migrans")
        unwritten = [w for w in words if w not in unused and w not in vocabulary]
        if unused or unwritten:
            text, corrections = correct_spelling(
                text, vocabulary, unused, store.doc_freq, unwritten
            )
        if corrections:
            words, expansions, contracted, (concepts, unknown, common, unused) = _read(
                text, store, embedder, abbreviations, titles=titles
            )
        seldom = tuple(w for w in words if vocabulary.counts.get(w.lower(), 0) < MIN_COUNT)
    asked = asked_parts(text)
    concepts = weigh_by_part(concepts, words, asked, question_parts(text)[0])
    english = translation.terms() if translation is not None else []
    if translation is not None:
        concepts = weigh_alternatives(translation.alternatives(), store)
        # the library's language is not the question's: its words are unknown as written, and
        # some have no rendering ("cribado"); only a word in no everyday use either is one the
        # library never mentions ("inclisirán")
        unknown = tuple(
            w for w in unknown if not translation.renders(w) and not everyday_word(w, language)
        )
    elif language != "en":
        unknown = ()  # no translator: unknown words are expected
    # each concept is named by the word it stands for (a translated question's words with no
    # rendering stand for none)
    named = words if translation is None else _stated_words(words, translation.stated())
    frame = read_frame(text, named, concepts, unknown, corrections, unused, language)
    clauses = (
        build_clauses(words, expansions, common)
        + tuple(Clause(short, 1.0) for _, short in contracted)
        + tuple(Clause(term, weight) for term, weight in english if weight > 0)
    )
    # medicine the question asks to do without ("... without medication") is not searched
    # for, nor a web address the message came from or names ("ClinicalTrials.gov")
    aside = medicine_set_aside(text) | {w.casefold() for w in words if web_address(w)}
    meaning = " ".join(
        (without_medicine(text) or text, *(e.long for e in expansions), *(t for t, _ in english))
    )
    vector = embedder.embed([meaning])[0]
    if translation is None:  # a translated question's concepts are its rendered words only
        concepts = (
            tuple(
                (0.0, alts) if w in unknown or w.casefold() in aside else (weight, alts)
                for (weight, alts), w in zip(concepts, words, strict=False)
            )
            + concepts[len(words) :]
        )
    clauses = tuple(
        c
        for c in clauses
        if not any(w in c.text.split() for w in unknown)
        and not any(t.casefold() in aside for t in c.text.split())
    )
    return Query(
        cleaned,
        language,
        named,
        expansions,
        clauses,
        vector,
        concepts,
        unknown,
        frame,
        text=text,
        unused_words=unused,
        english=translation.gloss() if translation is not None else "",
        seldom_written=seldom,
    )


def _stated_words(words: Sequence[str], stated: Sequence[str]) -> tuple[str, ...]:
    """The question's words as written for the folded words a translation states."""
    written = {fold(w): w for w in words}
    return tuple(written.get(w, w) for w in stated)


def _read(
    text: str,
    store: Store,
    embedder: Embedder,
    abbreviations: AbbreviationTable,
    *,
    spanish: bool = False,
    titles: TopicIndex | None = None,
) -> tuple[
    tuple[str, ...],
    tuple[Expansion, ...],
    list[tuple[str, str]],
    tuple[tuple[Concept, ...], tuple[str, ...], frozenset[str], tuple[str, ...]],
]:
    words = content_words(text)
    if spanish:
        words = tuple(w for w in words if not is_function_word(w))
    expansions = tuple(
        expand(text, abbreviations, known=store.doc_freq, relatedness=_relatedness(embedder))
    )
    if not spanish:  # everyday words the library glosses: "shaking (tremor)"
        abbreviated = {e.short for e in expansions}
        expansions += glosses(text, [w for w in words if w not in abbreviated], store)
    contracted = (
        abbreviations.contractions(text)
        + species_abbreviated(words, store)
        + written_together(words, store.doc_freq, text)
    )
    concepts = weigh_concepts(words, expansions, store, contracted, text, titles)
    return words, expansions, contracted, concepts


#: A species name is a word in next to no everyday English (wordfreq's Zipf scale:
#: "pylori", "coli", "aureus", "difficile"; not "disease").
SPECIES_COMMON = 2.5


def species_abbreviated(words: Sequence[str], store: Store) -> list[tuple[str, str]]:
    """(genus and species as the question writes them, the abbreviated name) for each
    organism the question names in full that the library also writes with the genus's
    initial ("Helicobacter pylori" -> "H. pylori", "Escherichia coli" -> "E. coli"), so
    that passages using only the short name state it too."""
    found = []
    for genus, species in zip(words, words[1:], strict=False):
        if not (genus.isalpha() and species.isalpha() and len(genus) >= 4 and len(species) >= 3):
            continue
        if zipf_frequency(species.casefold(), "en") >= SPECIES_COMMON:
            continue
        short = f"{genus[0].upper()}. {species.casefold()}"
        if store.doc_freq(short) >= RARE and store.doc_freq(f"{genus} {species}") >= 1:
            found.append((f"{genus} {species}", short))
    return found


def written_together(
    words: Sequence[str], doc_freq: Callable[[str], int], text: str
) -> list[tuple[str, str]]:
    """(two words as the question writes them, apart, the one word they make) for each pair
    the question writes side by side that the library also writes as one word ("pink eye"
    -> "pinkeye", "head ache" -> "headache"), so that the library's word, and a title that
    is that word ("Pinkeye"), states both (`doc_freq`: how many passages use a word)."""
    found = []
    for first, second in zip(words, words[1:], strict=False):
        if not (first.isalpha() and second.isalpha()):
            continue
        apart = f"{first} {second}"
        if not re.search(rf"(?<!\w){re.escape(apart)}(?!\w)", text, re.IGNORECASE):
            continue  # not side by side in the question
        joined = f"{first}{second}".casefold()
        # a word people write ("pinkeye", "heartburn"), not two the library's text ran
        # together where a space was lost ("prostatecancer")
        if everyday_word(joined) and doc_freq(joined) >= RARE:
            found.append((apart, joined))
    return found


def weigh_by_part(
    concepts: Sequence[Concept], words: Sequence[str], asked: str, subject: str = ""
) -> tuple[Concept, ...]:
    """What the question is about weighs most: a message's subject line names its topic
    more often than not (SUBJECT_WEIGHT); a concept only in the story around the question
    (not in its subject line or an asking sentence), or one that says who the patient is
    ("70-year-old", "man", "my father"), weighs a share of its rarity (STORY_WEIGHT,
    ASIDE_WEIGHT)."""
    if len(concepts) != len(words):
        return tuple(concepts)
    in_asked = {w.casefold() for w in content_words(asked)}
    in_subject = {w.casefold() for w in content_words(subject)}
    weighed = []
    for (weight, alternatives), word in zip(concepts, words, strict=True):
        if word.casefold() in in_subject:
            weight *= SUBJECT_WEIGHT
        elif word.casefold() not in in_asked:
            weight *= STORY_WEIGHT
        if names_patient(word):
            weight *= ASIDE_WEIGHT
        weighed.append((weight, alternatives))
    return tuple(weighed)


def weigh_chat(
    concepts: Sequence[Concept],
    owners: Sequence[tuple[str, int]],
    total: int,
    titles: TopicIndex | None = None,
    question: str = "",
) -> list[Concept]:
    """A word of everyday conversation ("supposed", "went", "dad") weighs a share of its
    rarity (CHAT_WEIGHT): the library uses it far less than ordinary text does
    (wording.keyness; `owners` gives each concept's word and how many of the `total`
    passages use it) only because it is not the library's subject. A word that a document
    title names as its subject beside another word the question has next to it
    ("Locked-In Syndrome" for "locked-in syndrome"; not "Cant syndrome" for "cant get it
    out") is something the library is about, and keeps its weight."""
    weighed = []
    for index, ((weight, alternatives), (word, used)) in enumerate(
        zip(concepts, owners, strict=True)
    ):
        found = keyness(word, used / max(total, 1))
        chat = found is not None and found < CHAT_KEYNESS
        if chat and not (titles and titles.names_beside(index, concepts, question)):
            weight *= CHAT_WEIGHT
        weighed.append((weight, alternatives))
    return weighed


def read_frame(
    text: str,
    words: Sequence[str],
    concepts: Sequence[Concept],
    unknown: Sequence[str],
    corrections: tuple[Correction, ...] = (),
    unused: Sequence[str] = (),
    language: str = "en",
) -> Frame:
    """The question's frame before its topic is known (settle_topic finds it). An unknown
    word of an asking sentence leaves the question uncovered; one only in a subject line or
    the story around it, a word in everyday use of the question's language, or the initials
    of the question's own words is set aside and reported."""
    in_asked = {w.casefold() for w in content_words(asking_clauses(text))}
    missing = [w for w in unknown if spelled_word(w)]
    core = [
        w
        for w in missing
        if w.casefold() in in_asked
        and not everyday_word(w, language)
        and not initialism(w, text)
        and not proper_name(w, text)
    ]
    return Frame(
        topic=None,
        topic_title=None,
        focus=focus_words(
            words, concepts, (*unknown, *unused, *cue_words(text), *aside_words(words, text)), ()
        ),
        intent=intents_of_message(text)[0].name,
        intents=tuple(intent.name for intent in intents_of_message(text)),
        qualifiers=qualifiers_of(text),
        compared=compared_sides(text) or (),
        together=together_sides(text) or (),
        linked=linked_sides(text) or (),
        corrections=corrections,
        uncovered=tuple(core),
        set_aside=tuple(w for w in missing if w not in core),
    )


def aside_words(words: Sequence[str], text: str) -> list[str]:
    """The question's words that name what it sets aside ("heart failure or shock" of
    "without heart failure or shock"): no focus, as they are no topic."""
    aside = negated_words(text)
    return [w for w in words if w.casefold() in aside]


#: The fewest letters of a word the library never mentions that is reported: shorter ones
#: are mostly initials or slips ("GJ", "isn").
MIN_UNKNOWN_LETTERS = 4


def spelled_word(word: str) -> bool:
    """Whether an unknown word is spelled in letters, its parts perhaps joined by hyphens
    ("D-Limonene", "Miglusitat"): a name the question may ask about, not a number, a unit,
    an address or two words run together at a full stop ("1.2mm", "yahoo.com",
    "please.1")."""
    parts = word.split("-")
    letters = "".join(parts)
    return all(parts) and letters.isalpha() and len(letters) >= MIN_UNKNOWN_LETTERS


#: How common in English (wordfreq's Zipf scale) a word of a phrase asking for a kind of
#: answer must be to count as the phrase's own: "passed", "run", "live", "feel" (about 5),
#: not "leukemia" (3.5) in "how long can someone with leukemia live".
CUE_COMMON = 4.5


@lru_cache(maxsize=256)
def cue_words(text: str) -> tuple[str, ...]:
    """The words of a question's phrases that ask for a kind of answer ("passed" of "can it
    be passed on?", "run" of "does it run in families?"): what kind of answer it wants, not
    what it asks about, though no one of them alone says so (frame.names_no_focus). Read
    once per question: the frame reads them, and so does settling its topic."""
    found: list[str] = []
    for intent in INTENTS:
        for match in intent.asks.finditer(text):
            if len(match.group().split()) > 1:
                found.extend(w for w in content_words(match.group()) if cue_word(w))
    return tuple(dict.fromkeys(found))


def cue_word(word: str) -> bool:
    """Whether a word of such a phrase is one of the phrase's own, not a word its gap took
    in ("first-medical-contact-to-device" of "What first-medical-contact-to-device time"):
    a plain word of English commoner than CUE_COMMON."""
    return word.isalpha() and zipf_frequency(word.casefold(), "en") >= CUE_COMMON


def dominant_word(query: Query) -> int | None:
    """The index of the question's word that carries at least DOMINANT_SHARE of its weight
    (the rarest by far: "covid" in "Is there a cure for long covid?", "vaping" in "the best
    treatment for vaping lung injury?"), if one does: most of what the question asks rests
    on it. A title that does not state it names no topic (question_topic.py), and where no
    title names one, a statement must state it (relevance.py)."""
    heaviest = heaviest_subject(query)
    total = sum(weight for weight, _ in query.concepts)
    if heaviest is None or total <= 0:
        return None
    return heaviest if query.concepts[heaviest][0] >= DOMINANT_SHARE * total else None


def heaviest_subject(query: Query) -> int | None:
    """The index of the question's rarest word that asks for no kind of answer
    ("medicamento"), names no patient and is no number ("a fever of 102": a value, as
    focus_words reads it): what it asks about, if anything does."""
    words = query.content_words[: len(query.concepts)]
    subjects = [i for i, word in enumerate(words) if names_subject(word)]
    return max(subjects, key=lambda i: query.concepts[i][0]) if subjects else None


def focus_words(
    words: Sequence[str],
    concepts: Sequence[Concept],
    unknown: Sequence[str],
    topic: Sequence[int],
    chat: Collection[str] = (),
) -> tuple[str, ...]:
    """The question's rarest words beside its topic, its qualifiers, the words that say
    what kind of answer it wants, words of everyday conversation (`chat`: "journey",
    "email"), numbers ("45-year-old", "2016") and web addresses ("ClinicalTrials.gov"): what
    it asks about. A name that holds digits (a variant, gene or marker: "T315I", "BRCA1") is
    one."""
    candidates = [
        i
        for i in range(min(len(words), len(concepts)))
        if i not in topic
        and words[i] not in unknown
        and words[i] not in chat
        and names_subject(words[i])
        and not adverb(words[i])
        and "." not in words[i].strip(".")  # an address ("ClinicalTrials.gov"), "e.g."
    ]
    if not candidates:
        return ()
    strongest = max(concepts[i][0] for i in candidates)
    floor = max(FOCUS_SHARE * strongest, FOCUS_MIN_WEIGHT)
    ranked = sorted(candidates, key=lambda i: -concepts[i][0])
    return tuple(words[i] for i in ranked if concepts[i][0] >= floor)[:MAX_FOCUS]


def everyday_words(freq: Mapping[str, int], passages: int) -> set[str]:
    """The question's words of everyday conversation (wording.conversational), given how
    many of the library's passages use each, and the other words of the question that share
    a stem with one: the library counts passages by stem, so "mailed" in "mailed information
    on Lynch syndrome" is as everyday as "mail" in "please mail me"."""
    chat = {w for w, n in freq.items() if conversational(w, n / max(passages, 1))}
    stems = {t for w in chat for t in terms(w)}
    return chat | {w for w in freq if stems.intersection(terms(w))}


#: Words of a title that say what kind of page it is, not what it is about ("What are the
#: treatments for Tularemia ?", "Do you have information about ...").
PAGE_WORDS = (
    frozenset(
        terms("what causes how diagnose treatments symptoms risk prevent outlook information")
    )
    | SEE_A_DOCTOR
)
STOP_TERMS = frozenset(t for word in STOPWORDS for t in terms(word))


def subject_terms(title: str) -> frozenset[str]:
    """The terms of the words of a title that name its subject (not its page's kind)."""
    return frozenset(terms(main_title(title))) - PAGE_WORDS - STOP_TERMS


#: The part of a guideline that says what it covers ("Scope": Disease/Condition(s), Target
#: Population, Interventions and Practices Considered): the document's own metadata, which
#: names its topic but states no care.
_SCOPE = re.compile(r"\bscope\b", re.IGNORECASE)


def in_scope_part(section_path: tuple[str, ...]) -> bool:
    """Whether a passage lies in the part of its guideline that says what it covers."""
    return bool(section_path) and bool(_SCOPE.search(section_path[0]))


def with_answer_words(query: Query) -> Query:
    """The query searching also, with a low weight, for the words passages giving the asked
    kinds of answer are written in ("treatment", "recommended" for what to do; "test",
    "imaging" for which test), where the question does not say them itself."""
    said = {clause.text.casefold() for clause in query.clauses}
    words = dict.fromkeys(
        word
        for name in query.frame.intents or (query.frame.intent,)
        for word in intent_named(name).written_in
        if word not in said
    )
    if not words:
        return query
    extra = tuple(Clause(word, ANSWER_WORD_WEIGHT) for word in words)
    return replace(query, clauses=query.clauses + extra)


#: A word made from a verb by "-able" or "-ible" that the stemmer leaves whole ("curable",
#: "treatable"; it strips "preventable" to "prevent" itself).
_ABLE = re.compile(r"^([a-z]{3,}?)[ai]ble$")


def made_from(word: str) -> tuple[str, ...]:
    """The verb a word the stemmer leaves whole with its "-able" (_ABLE) is made from, with
    and without a final "e" ("curable": "cur", "cure"); none for any other word."""
    able = _ABLE.match(word.casefold())
    stems = terms(word)
    if able is None or len(stems) != 1 or not stems[0].endswith(("abl", "ibl")):
        return ()
    base = able.group(1)
    return (base, f"{base}e")


def spellings(form: str) -> tuple[frozenset[str], ...]:
    """The ways a text states a word of the question: all its terms; and for a compound of
    words (no numbers) joined by hyphens, also its words written apart or joined otherwise
    ("non-muscle-invasive" is stated by "non-muscle invasive" and "non muscle invasive");
    and a word the stemmer leaves whole with its "-able" (_ABLE) by the verb it is made
    from, as the stemmer would have it: "curable" by "cure", "treatable" by "treat".
    Nothing for a word with no terms."""
    every = frozenset(terms(form))
    if not every:
        return ()
    parts = frozenset(words(form))
    verbs = {frozenset(terms(verb)) for verb in made_from(form)} - {frozenset()}
    if verbs:
        return (every, *sorted(verbs, key=sorted))
    if len(parts) < 2 or parts == every or any(ch.isdigit() for ch in form):
        return (every,)
    return (every, parts)


def weigh_alternatives(
    alternatives: Sequence[tuple[str, ...]], store: Store
) -> tuple[Concept, ...]:
    """Concepts of a translated question: each word is one concept, stated by any of its
    forms (the word itself or its English renderings), weighted by the IDF of its most
    common form."""
    total = max(store.counts()["passages"], 1)
    concepts = []
    for forms in alternatives:
        stated = tuple(alt for form in forms for alt in spellings(form))
        if stated:
            df = max(store.doc_freq(form) for form in forms)
            concepts.append((math.log(1 + total / (df + 1)), stated))
    return tuple(concepts)


def weigh_concepts(
    words: Sequence[str],
    expansions: Sequence[Expansion],
    store: Store,
    contracted: Sequence[tuple[str, str]] = (),
    text: str = "",
    titles: TopicIndex | None = None,
) -> tuple[tuple[Concept, ...], tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """Each content word as a concept weighted by its rarity (IDF) in the library (a word of
    an abbreviation's long form is also stated by the abbreviation); the words it cannot
    find, even as the stem of another; the common words (in more than COMMON_SHARE of
    passages); and the words no passage uses as written (typos among them). An abbreviation
    whose long form the question also writes ("Neuron-Specific Enolase (NSE)") weighs
    nothing of its own: its long form's words already count; one whose long form the
    question writes apart from it ("ks: ... its a klinefelter syndrome") is a mention of
    its own. A word of everyday
    conversation weighs a share of its rarity (weigh_chat)."""
    total = max(store.counts()["passages"], 1)
    written = frozenset(terms(text))
    concepts = []
    owners: list[tuple[str, int]] = []  # each concept's word and the passages using it
    unknown = []
    unused = []
    common = set()
    for word in words:
        forms = [
            word,
            *(
                form
                for e in expansions
                if e.short.lower() == word.lower()
                for form in (e.long, *e.variants)
            ),
        ]
        alternatives = tuple(alt for form in forms for alt in spellings(form))
        shorts = [short for long, short in contracted if word in long.split()]
        alternatives += tuple(alt for short in shorts for alt in spellings(short))
        if not alternatives:
            continue
        freqs = [store.doc_freq(form) for form in forms]
        own, df = freqs[0], max(freqs)
        if own < RARE and "-" in word.strip("-"):
            own = compound_freq(word, store)
            df = max(df, own)
        if df < RARE:
            unused.append(word)
            if store.prefix_freq(word) == 0:
                unknown.append(word)
        if total > LARGE_LIBRARY and df > COMMON_SHARE * total:
            common.add(word)
        spelled_out = any(
            e.short.lower() == word.lower() and frozenset(terms(e.long)) <= written
            for e in expansions
            if not e.apart
        )
        weight = 0.0 if spelled_out else math.log(1 + total / (df + 1))
        concepts.append((weight, alternatives))
        owners.append((word, own))
    concepts = weigh_chat(concepts, owners, total, titles, text)
    return tuple(concepts), tuple(unknown), frozenset(common), tuple(unused)


def compound_freq(word: str, store: Store) -> int:
    """How many passages state a hyphenated compound that the library never writes as one
    ("first-medical-contact-to-device"): its words as a phrase, or else at most as many as
    use its rarest word (a statement states the compound where it has all its words)."""
    parts = [part for part in word.split("-") if part]
    phrase = store.doc_freq(" ".join(parts))
    return phrase if phrase >= RARE else min(store.doc_freq(part) for part in parts)


def build_clauses(
    words: Sequence[str], expansions: Sequence[Expansion], common: frozenset[str] = frozenset()
) -> tuple[Clause, ...]:
    """Each content word alone, adjacent pairs as phrases (not of common words: their
    positions are costly to match in a large library, and they say little), and
    abbreviation expansions."""
    clauses = [Clause(word, 1.0) for word in words]
    pairs = [
        (a, b)
        for a, b in zip(words, words[1:], strict=False)
        if a not in common and b not in common
    ]
    clauses += [Clause(f"{a} {b}", 0.5, phrase=True) for a, b in pairs]
    clauses += [Clause(e.long, 1.5 * e.weight, phrase=True) for e in expansions]
    return tuple(clauses)


def _relatedness(embedder: Embedder):  # type: ignore[no-untyped-def]
    def related(question: str, long_forms: Sequence[str]) -> list[float]:
        if not long_forms:
            return []
        vectors = embedder.embed([question, *long_forms])
        return [float(v) for v in similarities(vectors[1:], vectors[0])]

    return related
