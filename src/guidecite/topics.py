"""Which documents are about the question's topic, read from the library's own titles.

A guideline's title names what it is about ("Gastrointestinal Neuroendocrine Tumors
Treatment", "Hemochromatosis", "Management of obstructive sleep apnea in adults"). The
question's topic is what the titles it best matches share with it: each title is scored by
the weights of the question's concepts it states (their rarity in the library's passages),
with a bonus for question words that stand together in the title as in the question. Words
that name no topic because a large share of titles use them ("treatment", "guideline",
"syndrome") do not count. The documents whose titles score close to the best are the topic's
documents; a passage of any other document is evidence only where it names the topic itself.

Built once per generation of the library from `Store.titles()`: a small inverted index from
title terms to documents.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from .analysis import terms, words
from .scoring import Concept

#: A term in more than this share of titles names no particular topic.
GENERIC_SHARE = 0.05
#: ... and in more titles than this: in a small library every word is in a large share.
GENERIC_MIN_TITLES = 20
#: Extra weight for each pair of question words that stand side by side in a title.
ADJACENT_BONUS = 0.25


@dataclass(frozen=True)
class TitleMatch:
    """How well one document's title matches a question."""

    score: float
    concepts: tuple[int, ...]  # indexes of the question's concepts the title states
    weight: float = 0.0  # the concepts' weights, unscaled: how much of the question it names


class TopicIndex:
    """Document titles, searchable by the terms they hold."""

    def __init__(self, titles: Iterable[tuple[str, str]], issuers: Iterable[str] = ()) -> None:
        self.titles: dict[str, str] = {}
        # each body of a joint issuer on its own ("National Guideline Centre; National
        # Institute for Health and Care Excellence (NICE)"): "per NICE" names NICE alone
        bodies = dict.fromkeys(
            body.strip() for issuer in issuers for body in issuer.split(";") if body.strip()
        )
        self._issuers: list[tuple[frozenset[str], frozenset[str]]] = [
            (frozenset(terms(body)), frozenset(_ACRONYM.findall(body)) | initials(body))
            for body in bodies
        ]
        self._issuer_names = {issuer for issuer, _ in self._issuers}
        # each body's name as its words, without its acronym or a leading "The"
        # (a space on either side, so that a question's words match it whole)
        self._spelled: list[tuple[frozenset[str], str]] = []
        for body in bodies:
            name = [w.casefold() for w in _SPELLED_WORD.findall(_ACRONYM.sub(" ", body))]
            name = name[1:] if name[:1] == ["the"] else name
            if len(name) >= MIN_SPELLED:
                self._spelled.append((frozenset(terms(body)), f" {' '.join(name)} "))
        self._postings: dict[str, set[str]] = defaultdict(set)
        for doc_id, title in titles:
            self.titles[doc_id] = title
            for term in set(terms(title)):
                self._postings[term].add(doc_id)
        self._generic = max(GENERIC_MIN_TITLES, GENERIC_SHARE * len(self.titles))

    def __len__(self) -> int:
        return len(self.titles)

    def issuer_named(self, acronym: str, long_forms: Iterable[str] = ()) -> frozenset[str] | None:
        """The terms of the issuer a question's acronym names ("per NICE": the issuer written
        "... Excellence (NICE)", one whose name's initials spell it, "U.S. Preventive
        Services Task Force" for USPSTF, or one whose name is the acronym's long form), or
        None."""
        if not _acronym(acronym):
            return None
        longs = [frozenset(terms(long)) for long in long_forms if terms(long)]
        for issuer, acronyms in self._issuers:
            if acronym in acronyms or any(long <= issuer for long in longs):
                return issuer
        return None

    def issuers_spelled(self, question: str) -> list[frozenset[str]]:
        """The terms of the issuers a question names in full ("what does the Endocrine
        Society suggest?")."""
        said = f" {' '.join(w.casefold() for w in _SPELLED_WORD.findall(question))} "
        return [issuer for issuer, name in self._spelled if name in said]

    def issuer_acronym(self, word: str) -> bool:
        """Whether an issuer of the library is written as this acronym ("GINA"): a name, not
        an abbreviation of something else."""
        return _acronym(word) and frozenset(terms(word)) in self._issuer_names

    def purity(self, doc_id: str, concepts: Sequence[Concept]) -> float:
        """The share of a title's own words (those not in a large share of titles) that
        state a concept of the question: 1 for "Lupus" asked about lupus, 1/2 for "Lupus
        Nephritis", unless the question also says "nephritis". A title that lists other
        names for its topic ("Stroke (Also called: CVA; Cerebral infarction; ...)") is as
        pure as its name that best fits the question: the other names are the same topic,
        not something else the document is about."""
        wanted = {term for _, alternatives in concepts for alt in alternatives for term in alt}
        title = self.titles[doc_id]
        names = (main_title(title), *aliases(title))
        return max(self._name_purity(name, wanted) for name in names)

    def _name_purity(self, name: str, wanted: set[str]) -> float:
        own = [t for t in set(terms(name)) - SEE_A_DOCTOR if self._in_few_titles(t)]
        if not own:
            return 1.0
        return sum(1 for t in own if t in wanted) / len(own)

    def topicality(self, in_titles: int, in_passages: int, passages: int) -> float:
        """How much of a topic word a word is, 0 to 1: how often titles use it against how
        often passages do, relative to titles per passage in the whole library. A disease
        name ("insulinoma") is in titles about as often as documents are about it; a
        modifier ("unresectable", "metastatic") runs through the passages of many
        documents named for something else. Square-rooted: a signal, not a verdict."""
        expected = len(self.titles) / max(passages, 1)
        ratio = in_titles / max(in_passages, 1) / expected
        return min(1.0, ratio) ** 0.5

    def stating(self, concept: Concept) -> set[str]:
        """The documents whose titles state the concept (any of its alternatives)."""
        found: set[str] = set()
        for alternative in concept[1]:
            postings = [self._postings.get(term, set()) for term in alternative]
            if postings and all(postings):
                found |= set.intersection(*postings)
        return found

    def naming(self, concept: Concept) -> set[str]:
        """The documents whose titles name the concept as their subject: in the title
        itself, not only in its list of other names ("Pharmacy - mail order" in "Getting a
        prescription filled (Also called: ...)")."""
        return {
            doc_id
            for doc_id in self.stating(concept)
            if any(alt <= set(terms(main_title(self.titles[doc_id]))) for alt in concept[1])
        }

    def specific(self, name: frozenset[str]) -> bool:
        """Whether a name's every term is in few titles (not a generic word such as
        "disease" or "treatment")."""
        return bool(name) and all(self._in_few_titles(t) for t in name)

    def _in_few_titles(self, term: str) -> bool:
        """Whether a term is in no more titles than a generic word's threshold allows."""
        return len(self._postings.get(term, ())) <= self._generic

    def names_beside(self, index: int, concepts: Sequence[Concept], question: str) -> bool:
        """Whether a title names concept `index` as its subject beside another word the
        question has next to it: "Locked-In Syndrome" for "my brother with locked-in
        syndrome", not "Cant syndrome" for "air in but cant get it out"."""
        concept = concepts[index]
        own = {term for alt in concept[1] for term in alt}
        content = {term for _, alternatives in concepts for alt in alternatives for term in alt}
        asked = [w if w in content else "" for w in words(question)]
        return any(
            _paired(own, asked, words(main_title(self.titles[doc_id])))
            for doc_id in self.naming(concept)
        )

    def rank(
        self,
        concepts: Sequence[Concept],
        question: str,
        passage_freq: Callable[[int], int] | None = None,
        passages: int = 0,
        skip: Collection[int] = (),
        unless_paired: Collection[int] = (),
        whole: str = "",
        no_partner: Collection[str] = (),
    ) -> dict[str, TitleMatch]:
        """Every document whose title states one of the question's topic-naming concepts,
        with its score: the concepts' weights, each scaled by how much of a topic word it
        is (`topicality`, given how many passages use it) when `passage_freq` is given.
        Concepts in `skip` (words for the kind of answer or the patient) name no topic;
        those in `unless_paired` (everyday words) only where the title has them beside
        another word of the question, as the question does ("Williams syndrome"), anywhere
        in the `whole` message where it is given (a long message may name its topic only in
        the story: "... to fight against Wilson's disease in Mongolia"), but never beside
        a term of `no_partner` alone (words for the patient: "older" beside "adults" names
        no title "... in Older Adults")."""
        scores: dict[str, float] = defaultdict(float)
        raw: dict[str, float] = defaultdict(float)
        stated: dict[str, list[int]] = defaultdict(list)
        content = {term for _, alternatives in concepts for alt in alternatives for term in alt}
        asked = [w if w in content else "" for w in words(question)]
        said = [w if w in content else "" for w in words(whole)] if whole else asked
        for index, concept in enumerate(concepts):
            docs = set() if index in skip else self.stating(concept)
            if not docs or len(docs) > self._generic:
                continue
            if index in unless_paired:
                own = {t for alt in concept[1] for t in alt}
                partners = [w if w in own or w not in no_partner else "" for w in said]
                # a word the question's two words make together is a pair itself ("Pinkeye"
                # for "pink eye": query.written_together)
                joined = {t for alt in concept[1][1:] for t in alt} & {
                    t
                    for other, (_, alternatives) in enumerate(concepts)
                    if other != index
                    for alt in alternatives[1:]
                    for t in alt
                }
                docs = {
                    d
                    for d in docs
                    if _paired(own, partners, words(self.titles[d]))
                    or joined.intersection(words(self.titles[d]))
                }
            share = 1.0
            if passage_freq is not None and passages and docs:
                share = self.topicality(len(docs), passage_freq(index), passages)
            for doc_id in docs:
                scores[doc_id] += concept[0] * share
                raw[doc_id] += concept[0]
                stated[doc_id].append(index)
        return {
            doc_id: TitleMatch(
                score * (1 + ADJACENT_BONUS * adjacent_pairs(asked, words(self.titles[doc_id]))),
                tuple(stated[doc_id]),
                raw[doc_id],
            )
            for doc_id, score in scores.items()
        }


def _acronym(word: str) -> bool:
    """Whether a word is written as an acronym: in capitals, three letters or more."""
    return word.isupper() and len(word) >= 3


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&/-]{1,10})\)")
#: The words of an issuer's name, as a question may spell it out ("Endocrine Society").
_SPELLED_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
#: A name of fewer words is no name a question can be told to give in full ("Alberta").
MIN_SPELLED = 2
_NAME_WORD = re.compile(r"(?:[A-Z]\.)+|[A-Za-z][\w'-]*")
#: Words an issuer's initials leave out ("American College of Physicians": ACP).
_UNSPELLED = frozenset({"of", "and", "for", "the", "on", "in", "&"})
#: Initials of fewer words than this spell no acronym worth trusting.
MIN_INITIALS = 3


def initials(issuer: str) -> frozenset[str]:
    """The acronyms an issuer's names spell by their initials: "U.S. Preventive Services
    Task Force" -> USPSTF, "World Health Organization" -> WHO (each of several issuers
    written "A; B" on its own), when a name has at least three capitalised words."""
    found = set()
    for name in issuer.split(";"):
        letters = ""
        for word in _NAME_WORD.findall(re.sub(r"\([^)]*\)", " ", name)):
            if word.lower() in _UNSPELLED:
                continue
            if not word[0].isupper():
                letters = ""
                break  # a name with a lower-case word in it is not spelt by its initials
            letters += word.replace(".", "") if "." in word else word[0]
        if len(letters) >= MIN_INITIALS:
            found.add(letters)
    return frozenset(found)


_ALSO_CALLED = re.compile(r"\(also called:\s*([^)]*)\)", re.IGNORECASE)


#: The words of a page's title that ask whether to see a doctor ("Do I need to see a doctor
#: for Fever ?"): its kind of page, not its subject.
SEE_A_DOCTOR = frozenset(terms("need see doctor"))


def main_title(title: str) -> str:
    """A title without its list of other names ("Addison disease (Also called: ...)")."""
    return _ALSO_CALLED.sub("", title).strip()


def aliases(title: str) -> list[str]:
    """The other names a title gives its topic: "Addison disease (Also called: primary
    adrenal insufficiency; ...)"."""
    found = _ALSO_CALLED.search(title)
    if found is None:
        return []
    return [name.strip() for name in found.group(1).split(";") if name.strip()]


#: A title that gives its subject another name in a closing bracket: "Parasites -
#: Toxoplasmosis (Toxoplasma infection)", "Cyclosporiasis (Cyclospora Infection)",
#: "American Trypanosomiasis (also known as Chagas Disease)"; the name of a series of pages
#: before a dash ("Parasites - ") is no part of the subject's name.
_BRACKET_NAME = re.compile(
    r"^(?:[^()]*?\s[-–]\s)?(?P<own>[^()]+?)\s*\((?:also known as\s+)?(?P<other>[^()]+)\)\s*$",
    re.IGNORECASE,
)
#: The most words of a subject's own name before such a bracket: after a longer title, a
#: bracket says something else of it.
BRACKET_NAMED_WORDS = 4


def named_both_ways(title: str) -> tuple[str, str] | None:
    """The two names a title gives its subject, its own and the one in its closing bracket
    ("Toxoplasmosis", "Toxoplasma infection"), or None. A bracket of one word is an
    abbreviation or a mark ("(TB)", "(PDQ®)"), not a name, and one that opens "including"
    names a part ("Plasma Cell Neoplasms (Including Multiple Myeloma)")."""
    found = _BRACKET_NAME.match(title)
    if found is None or _ALSO_CALLED.search(title):
        return None
    own, other = found["own"].strip(), found["other"].strip()
    if len(other.split()) < 2 or other.casefold().startswith("including"):
        return None
    if len(own.split()) > BRACKET_NAMED_WORDS:
        return None
    return own, other


def _paired(own: set[str], question_words: Sequence[str], title_words: Sequence[str]) -> bool:
    """Whether the title has one of the terms beside another question word, as a pair the
    question also has."""
    pairs = set(zip(title_words, title_words[1:], strict=False))
    asked = list(zip(question_words, question_words[1:], strict=False))
    return any((a, b) in pairs for a, b in asked if a and b and (a in own or b in own))


def adjacent_pairs(question_words: Sequence[str], title_words: Sequence[str]) -> int:
    """How many pairs of neighbouring question words are also neighbours in the title (a
    blank question word pairs with nothing)."""
    pairs = set(zip(title_words, title_words[1:], strict=False))
    asked = zip(question_words, question_words[1:], strict=False)
    return sum(1 for a, b in asked if a and b and (a, b) in pairs)


#: A word of a title, as written (a hyphen or an apostrophe within it).
TITLE_TOKEN = re.compile(r"[\w][\w'\-]*")


def topic_phrase(
    title: str, concepts: Sequence[Concept], around: Sequence[Concept] = ()
) -> str | None:
    """The words of a title that state the concepts, as the title writes them: the
    shortest run of title words holding each of them once, when it is hardly longer than
    they are ("Gastrointestinal Neuroendocrine Tumors Treatment" -> "Neuroendocrine
    Tumors"; words such as "of the" only join them), else the words of the weightiest
    concept. Neighbouring title words that state other question concepts (`around`:
    "Colon" + "Cancer"; "sleep apnea" of "obstructive sleep apnoea") join the phrase.
    Words in brackets are left out unless they state a concept the rest does not
    ("Varicella (Chickenpox) Vaccination" asked about chickenpox and its vaccine:
    "Chickenpox Vaccination"); a list of other names never counts."""
    named = main_title(title)
    tokens = TITLE_TOKEN.findall(re.sub(r"\([^)]*\)", " ", named))
    found = [_concept_at(token, concepts) for token in tokens]
    wanted = {i for i in found if i is not None}
    bracketed = TITLE_TOKEN.findall(named)
    in_brackets = [_concept_at(token, concepts) for token in bracketed]
    if {i for i in in_brackets if i is not None} - wanted:
        tokens, found = bracketed, in_brackets
        wanted = {i for i in found if i is not None}
    if not wanted:
        return None
    best: tuple[int, int] | None = None
    for start, first in enumerate(found):
        if first is None:
            continue
        seen: set[int] = set()
        for end in range(start, len(tokens)):
            if found[end] is not None:
                seen.add(found[end])  # type: ignore[arg-type]
            if seen == wanted:
                if best is None or end - start < best[1] - best[0]:
                    best = (start, end)
                break
    if best is not None and _spoken(tokens[best[0] : best[1] + 1]) <= len(wanted) + 1:
        start, end = best
    else:
        heaviest = max(wanted, key=lambda i: concepts[i][0])
        start = end = found.index(heaviest)
    while start > 0 and _concept_at(tokens[start - 1], around) is not None:
        start -= 1
    while end + 1 < len(tokens) and _concept_at(tokens[end + 1], around) is not None:
        end += 1
    return " ".join(tokens[start : end + 1])


#: The words that join the words of one name ("Cancer of the Cervix").
JOINING = frozenset({"of", "the", "a", "an"})


def _spoken(tokens: Sequence[str]) -> int:
    """How many words of a run of title words say something: "of the" in "Fine needle
    aspiration of the thyroid" only joins the words of one name."""
    return sum(1 for token in tokens if token.lower() not in JOINING)


def _concept_at(token: str, concepts: Sequence[Concept]) -> int | None:
    """The index of the concept a title word states, if any (never a short function word)."""
    if token.islower() and len(token) <= 3:
        return None
    own = set(terms(token))
    for index, (_, alternatives) in enumerate(concepts):
        if any(alt and alt <= own for alt in alternatives) or any(
            own & alt for alt in alternatives if len(alt) > 1
        ):
            return index
    return None
