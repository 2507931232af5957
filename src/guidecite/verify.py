"""Statement verification: does each cited passage say what the statement says?

    verdict = verify_statement(text, [passage_text], embedder)
    checked = verify_answer(answer, embedder)             # drops unsupported statements

For one statement and one passage, the passage's sentences that state the statement's words
are found first (the *support*: the best sentence, plus at most two more that each add
several of the statement's words). The statement is then checked against that support:

- every number must be there with the same meaning: the same value or range, the same unit
  ("20 mg" is not "20 g"), and a comparator of the same direction ("<= 20%" is not "> 20%";
  "every 6 months" is not "every 3-6 months");
- negation must agree, clause by clause ("should not", "avoid", "is not recommended");
- modality must agree ("may be considered" is not "is recommended");
- a comparative must keep its direction ("higher" is not "lower");
- its specific terms (drug, test, condition and population names: acronyms, numbers, words
  the packaged embedding model holds as rare or highly informative tokens) must be there;
- its words must be covered, and its meaning must be close to the support's by the packaged
  embedding model: one signal among these, never the only one.

A hard conflict makes the statement `unsupported`; a softer one (a term or number found in
the passage but outside the support, a looser comparator, words not covered, a weak
similarity) makes it `partial`. The cue words are the grammar of English (negation, modal
verbs, comparatives, units, age and sex groups), never clinical facts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from .analysis import FUNCTION_WORDS, fold, words
from .chunking import split_sentences
from .embedding import Embedder, load_static, similarities
from .quantities import Quantity, quantities
from .types import (
    INSUFFICIENT_EVIDENCE,
    PARTIAL,
    SUPPORTED,
    UNSUPPORTED,
    Answer,
    ArticleSection,
    Statement,
)

#: A statement whose support states less than MIN_COVERAGE of its content words is not
#: supported (any word missing makes it partial). Cosine of statement and support below
#: SIMILARITY[0] makes it partial; below SIMILARITY[1] too, or unsupported when the
#: support also states less than WELL_COVERED of its words.
MIN_COVERAGE = 0.5
WELL_COVERED = 0.8
SIMILARITY = (0.6, 0.4)
#: A word the static model keeps as one token is specific when its vector is this long
#: (the model weighs tokens by how informative they are: "the" 2.2, "insulin" 7.3).
SPECIFIC_NORM = 6.5
MAX_SUPPORT = 3
QUOTED = 0.8  # a sentence is quoted when the statement holds this share of its words
_RANK = {SUPPORTED: 0, PARTIAL: 1, UNSUPPORTED: 2}

# -- closed classes of English ---------------------------------------------------------------

# fmt: off
_STOP = FUNCTION_WORDS
_POPULATION = frozenset("""
adult adults child children adolescent adolescents infant infants neonate neonates newborn
newborns baby babies toddler toddlers teenager teenagers woman women man men girl girls boy
boys elderly older younger young old pregnant pregnancy postmenopausal premenopausal
pediatric paediatric geriatric male males female females maternal paternal
""".split())
_ORDINAL = frozenset("""
first second third fourth fifth sixth seventh eighth ninth tenth once twice single double
triple primary secondary initial subsequent
""".split())
_NEGATION = re.compile(
    r"\b(?:not|never|neither|nor|none|cannot|without|avoid(?:s|ed|ing|ance)?|against|"
    r"contraindicat\w*|no(?!\s+(?:more|less|longer|later|earlier|sooner|fewer)\s+than\b))\b|"
    r"n't\b",
    re.IGNORECASE,
)
_STRONG = re.compile(
    r"\b(?:must|should|shall|need(?:s|ed)? to|(?:is|are) (?:strongly )?recommended|"
    r"recommends?|recommended|(?:is|are) indicated|(?:is|are) required|(?:is|are) advised|"
    r"offer(?:ed)?|(?:is|are) essential)\b",
    re.IGNORECASE,
)
_WEAK = re.compile(
    r"\b(?:may|might|could|can|consider(?:ed)?|suggests?|suggested|(?:is|are) reasonable|"
    r"optional|an option|conditional(?:ly)?)\b",
    re.IGNORECASE,
)
_OPPOSITES = (
    ("increase", "decrease"), ("increases", "decreases"), ("increased", "decreased"),
    ("increasing", "decreasing"), ("higher", "lower"), ("highest", "lowest"),
    ("high", "low"), ("more", "less"), ("more", "fewer"), ("most", "least"),
    ("greater", "lower"), ("greater", "smaller"), ("greater", "less"), ("above", "below"),
    ("before", "after"), ("longer", "shorter"), ("larger", "smaller"), ("maximum", "minimum"),
    ("improve", "worsen"), ("improves", "worsens"), ("improved", "worsened"),
    ("rise", "fall"), ("raise", "lower"), ("raises", "lowers"), ("reduce", "increase"),
    ("reduces", "increases"), ("reduced", "increased"), ("over", "under"),
    ("older", "younger"), ("superior", "inferior"), ("earlier", "later"),
    ("early", "late"), ("benefit", "harm"), ("better", "worse"), ("best", "worst"),
    ("upper", "lower"), ("minimal", "maximal"), ("excess", "deficit"),
)
_CLAUSE_CUT = re.compile(
    r"[;:|]|\.\s|\b(?:but|whereas|while|unless|except|although|however|though)\b", re.IGNORECASE
)
# fmt: on
_OPPOSITE: dict[str, set[str]] = {}
for _a, _b in _OPPOSITES:
    _OPPOSITE.setdefault(_a, set()).add(_b)
    _OPPOSITE.setdefault(_b, set()).add(_a)

# -- words -----------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:(?:[-/']|(?<=\d)[.,](?=\d))[^\W_]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


@lru_cache(maxsize=1)
def _stop_stems() -> frozenset[str]:
    return frozenset(stem for word in _STOP for stem in words(word))


def content(text: str) -> set[str]:
    """The stems of a text's words that carry content (function words left out)."""
    stop = _stop_stems()
    return {stem for stem in words(text) if stem not in stop}


@lru_cache(maxsize=1)
def _token_model() -> tuple[object, np.ndarray]:
    model = load_static()
    return model.tokenizer, model.table


@lru_cache(maxsize=1 << 16)
def is_specific(word: str) -> bool:
    """Whether a word names something specific: an acronym, a word with digits, an age or
    sex group, an ordinal, or a word the packaged model splits into pieces or weighs as
    highly informative (drug, test and condition names mostly are)."""
    letters = sum(ch.isalpha() for ch in word)
    if any(ch.isdigit() for ch in word) or sum(ch.isupper() for ch in word) >= 2:
        return True
    lowered = word.lower()
    if lowered in _POPULATION or lowered in _ORDINAL:
        return True
    if lowered in _STOP or letters < 4:
        return False
    tokenizer, table = _token_model()
    ids = tokenizer.encode(lowered, add_special_tokens=False).ids  # type: ignore[attr-defined]
    if len(ids) >= 2:
        return len(lowered) >= 6
    return bool(ids) and float(np.linalg.norm(table[ids[0]])) >= SPECIFIC_NORM


def specific_terms(text: str) -> list[str]:
    """The specific terms of a text as written, each once, in order."""
    seen: dict[str, None] = {}
    for token in _TOKEN.findall(_straight(text)):
        for word in re.split(r"[-/]", token):
            if word and not word.isdigit() and is_specific(word):
                seen.setdefault(word, None)
    return list(seen)


def _straight(text: str) -> str:
    """Curly apostrophes made straight, so that "NCI’s" is one word."""
    return text.translate(_APOSTROPHES)


def clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE_CUT.split(text) if c and len(content(c)) >= 1]


# -- the verdict -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """Whether passages support a statement, why, and the signals behind it."""

    label: str  # SUPPORTED, PARTIAL or UNSUPPORTED
    reason: str
    coverage: float = 0.0  # share of the statement's content words its support states
    similarity: float = 0.0  # cosine of statement and support, packaged embedding model
    passage: int | None = None  # index of the passage that supports it best
    by_passage: tuple[Verdict, ...] = ()  # one verdict per passage, in the order given

    @property
    def supported(self) -> bool:
        return self.label == SUPPORTED


@dataclass(frozen=True)
class Issue:
    severity: int  # 1: partial, 2: unsupported
    message: str


@dataclass(frozen=True)
class Support:
    """The sentences of a passage that state a statement's words, and the whole passage."""

    sentences: tuple[str, ...]
    stems: frozenset[str]
    passage_stems: frozenset[str]
    passage: str
    context: str
    quoted: bool  # the statement is one of the passage's sentences

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def verify_statement(
    text: str,
    passages: Sequence[str],
    embedder: Embedder,
    *,
    contexts: Sequence[str] | None = None,
) -> Verdict:
    """The verdict on one statement against the passages it cites (best one wins).

    `contexts`, one per passage, are words that frame it (its section headings): a term
    found there counts as present, but the context is never read as a claim.
    """
    if not passages:
        return Verdict(UNSUPPORTED, "it cites no passage")
    text = _LIST_MARK.sub("", text).strip() or text  # "10. Offer ...": the number is a list's
    contexts = list(contexts) if contexts is not None else [""] * len(passages)
    supports = [find_support(text, p, c) for p, c in zip(passages, contexts, strict=True)]
    cosines = _similarities(embedder, text, supports)
    verdicts = tuple(judge(text, s, c) for s, c in zip(supports, cosines, strict=True))
    best = min(range(len(verdicts)), key=lambda i: (_RANK[verdicts[i].label], i))
    chosen = replace(verdicts[best], passage=best, by_passage=verdicts)
    if chosen.supported or len(passages) < 2:
        return chosen
    together = verify_statement(
        text, ["\n".join(passages)], embedder, contexts=[" ".join(contexts)]
    )
    if together.supported:
        reason = "the cited passages state this together, none alone"
        return replace(together, reason=reason, passage=None, by_passage=verdicts)
    return chosen


def _similarities(embedder: Embedder, text: str, supports: Sequence[Support]) -> list[float]:
    """For each support, the best cosine of the statement with it or one of its clauses
    (a statement may say one clause of a long sentence)."""
    pieces = [
        [s.text, *(c for sentence in s.sentences for c in clauses(sentence))] for s in supports
    ]
    vectors = embedder.embed([text, *(piece for group in pieces for piece in group)])
    cosines = similarities(vectors[1:], vectors[0])
    found, start = [], 0
    for group in pieces:
        found.append(float(cosines[start : start + len(group)].max()))
        start += len(group)
    return found


def find_support(statement: str, passage: str, context: str = "") -> Support:
    """The passage's sentences that state the statement: those it quotes whole (a statement
    may join a list's lead-in and items), then the sentence that states most of its words,
    then at most two more that each add several of them."""
    wanted = content(statement)
    sentences, stems = _sentences(passage)
    sentences, stems = _unglued(statement, sentences, stems)
    chosen = _quoted(wanted, stems)
    covered = set().union(*(stems[i] for i in chosen)) & wanted
    for _ in range(MAX_SUPPORT):
        gains = [
            len((wanted & st) - covered) if i not in chosen else -1 for i, st in enumerate(stems)
        ]
        best = int(np.argmax(gains))
        needed = 1 if not chosen else max(2, round(0.2 * len(wanted)))
        if gains[best] < needed:
            break
        chosen.add(best)
        covered |= stems[best] & wanted
    kept = [sentences[i] for i in sorted(chosen)] or sentences[:1]
    own = _normal(statement)
    return Support(
        sentences=tuple(kept),
        stems=frozenset(_all_words(" ".join(kept), context)),
        passage_stems=_passage_words(passage) | _passage_words(context),
        passage=passage,
        context=context,
        quoted=any(_normal(s) == own for s in sentences),
    )


def _unglued(
    statement: str, sentences: list[str], stems: list[set[str]]
) -> tuple[list[str], list[set[str]]]:
    """The passage's sentences, one that is a heading run into the words the statement
    begins with ("Shingles Usually Does Not Return People who develop shingles usually have
    only one episode ...", where the source lost the line between them) without its heading:
    the heading's words (each capitalised, or a function word, the last neither a function
    word nor a negation) are no claim of it."""
    opening = _TOKEN.findall(fold(statement))
    if not opening:
        return sentences, stems
    for i, sentence in enumerate(sentences):
        tokens = list(_TOKEN.finditer(sentence))
        for start in range(1, len(tokens) - 2):
            last = tokens[start - 1].group()  # the heading's words so far end with it
            if not (last[:1].isupper() or last.casefold() in FUNCTION_WORDS):
                break
            if last.casefold() in FUNCTION_WORDS or _NEGATION.search(last.casefold()):
                continue  # what a heading ends with runs on: "Do Not Give Aspirin ..."
            first = tokens[start].group()
            if not first[:1].isupper() or fold(first) != opening[0]:
                continue
            rest = [fold(t.group()) for t in tokens[start:]]
            if rest == opening[: len(rest)]:
                sentences = [*sentences[:i], sentence[tokens[start].start() :], *sentences[i + 1 :]]
                stems = [*stems[:i], content(sentences[i]), *stems[i + 1 :]]
                break
    return sentences, stems


def _quoted(wanted: set[str], stems: Sequence[set[str]]) -> set[int]:
    """Sentences whose words the statement holds all but a few of: of two words or more,
    or of one word next to another such sentence (a list item of one word)."""
    quoted = {
        i for i, st in enumerate(stems) if len(st) >= 2 and len(st & wanted) >= QUOTED * len(st)
    }
    grown = True
    while grown:
        near = {
            i
            for i, st in enumerate(stems)
            if i not in quoted and st and st <= wanted and (i - 1 in quoted or i + 1 in quoted)
        }
        grown = bool(near)
        quoted |= near
    return quoted


@lru_cache(maxsize=256)
def _sentences(passage: str) -> tuple[list[str], list[set[str]]]:
    """A passage's sentences without list marks, and each one's content stems."""
    sentences = [_LIST_MARK.sub("", s).strip() for s in split_sentences(passage)] or [passage]
    return sentences, [content(s) for s in sentences]


@lru_cache(maxsize=256)
def _passage_words(text: str) -> frozenset[str]:
    return frozenset(words(text))


def _all_words(*texts: str) -> set[str]:
    return {stem for text in texts for stem in words(text)}


def _names(term: str, text: str, stems: frozenset[str]) -> bool:
    """Whether a text (of these stems) names the term: an acronym as written, any other word
    by its stems."""
    if sum(ch.isupper() for ch in term) >= 2:
        pattern = rf"(?<![^\W_]){re.escape(term)}(?![^\W_])"
        return re.search(pattern, _straight(text)) is not None
    return set(words(term)) <= stems


def _normal(text: str) -> str:
    return " ".join(_TOKEN.findall(fold(text)))


def judge(statement: str, support: Support, similarity: float) -> Verdict:
    """The verdict on a statement given its support in one passage and their cosine."""
    wanted = content(statement)
    coverage = len(wanted & support.stems) / len(wanted) if wanted else 1.0
    issues = [
        *number_issues(statement, support),
        *term_issues(statement, support),
        *clause_issues(statement, support),
        *signal_issues(coverage, similarity),
    ]
    severity = max((i.severity for i in issues), default=0)
    label = (SUPPORTED, PARTIAL, UNSUPPORTED)[severity]
    if label == SUPPORTED:
        stated = f"{coverage:.0%} of its words, similarity {similarity:.2f}"
        reason = (
            "quoted from the passage" if support.quoted else f"the passage states this ({stated})"
        )
    else:
        reason = "; ".join(i.message for i in issues if i.severity == severity)
    return Verdict(label, reason, round(coverage, 3), round(similarity, 3))


def number_issues(statement: str, support: Support) -> list[Issue]:
    """Every number of the statement must be in the support with the same meaning."""
    here = quantities(support.text)
    elsewhere = quantities(support.passage)
    issues = []
    for q in quantities(statement):
        issue = _number_issue(q, here, elsewhere)
        if issue is not None:
            issues.append(issue)
    return issues


def _number_issue(q: Quantity, here: list[Quantity], elsewhere: list[Quantity]) -> Issue | None:
    same = [p for p in here if q.same_value(p)]
    if any(p.direction == q.direction for p in same):
        return None
    if any(p.same_direction(q) and p.direction and q.direction for p in same):
        return Issue(1, f"it says '{q.text}' where the passage says '{same[0].text}'")
    if same and q.direction is None:
        return Issue(1, f"it drops the comparator of '{same[0].text}'")
    if same:
        return Issue(2, f"it says '{q.text}' where the passage says '{same[0].text}'")
    if any(q.same_value(p) and p.direction == q.direction for p in elsewhere):
        return Issue(1, f"'{q.text}' is in the passage, but not where it states this")
    near = [p.text for p in here if p.unit and p.unit == q.unit]
    hint = f" (it says '{near[0]}')" if near else ""
    return Issue(2, f"'{q.text}' is not in the passage{hint}")


def term_issues(statement: str, support: Support) -> list[Issue]:
    """Every specific term (drug, test, condition, group) must be named in the support;
    any other word the support lacks makes the statement partial."""
    issues = []
    specific: set[str] = set()
    for term in specific_terms(statement):
        specific |= set(words(term))
        if _names(term, support.text + "\n" + support.context, support.stems):
            continue
        if _names(term, support.passage + "\n" + support.context, support.passage_stems):
            issues.append(Issue(1, f"'{term}' is in the passage, but not where it states this"))
        else:
            issues.append(Issue(2, f"the passage does not mention '{term}'"))
    missing = [
        w
        for w, stem in _content_words(statement)
        if stem not in specific and stem not in support.stems
    ]
    outside = [w for w in missing if content(w) <= support.passage_stems]
    absent = [w for w in missing if w not in outside]
    if absent:
        issues.append(Issue(1, f"the passage does not say {_listed(absent)}"))
    if outside:
        issues.append(
            Issue(1, f"{_listed(outside)} is in the passage, but not where it states this")
        )
    return issues


def _content_words(text: str) -> list[tuple[str, str]]:
    """(word as written, its stem) for each content word of a text, each stem once."""
    stop = _stop_stems()
    seen: dict[str, str] = {}
    for token in _TOKEN.findall(_straight(text)):
        for stem in words(token):
            if stem not in stop and len(stem) > 1 and not stem.isdigit():
                seen.setdefault(stem, token)
    return [(word, stem) for stem, word in seen.items()]


def _listed(items: Sequence[str], limit: int = 3) -> str:
    shown = [f"'{item}'" for item in dict.fromkeys(items)][:limit]
    return ", ".join(shown) + (" ..." if len(set(items)) > limit else "")


def clause_issues(statement: str, support: Support) -> list[Issue]:
    """Negation, modality and comparatives must agree with the clause each clause matches."""
    sources = [c for sentence in support.sentences for c in clauses(sentence)]
    issues: list[Issue] = []
    for clause in clauses(statement):
        stems = content(clause)
        match = _aligned(stems, sources)
        if match is not None:
            mine = _without_asides(clause, content(match))
            issues.extend(_polarity(mine, _without_asides(match, stems)))
    return issues


def _aligned(stems: set[str], sources: Sequence[str]) -> str | None:
    """The source clause sharing most of a clause's words (at least half of them)."""
    if len(stems) < 2:
        return None
    scored = [
        (len(stems & content(s)) / len(stems), -abs(len(content(s)) - len(stems)), s)
        for s in sources
    ]
    if not scored:
        return None
    share, _, best = max(scored, key=lambda item: item[:2])
    return best if share >= 0.5 else None


_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _without_asides(clause: str, other: set[str]) -> str:
    """The clause without brackets that share no word with the other side's clause (a grade
    tag such as "(Weak Against)" is not part of what the statement claims)."""
    return _ASIDE.sub(lambda m: m.group() if content(m.group()) & other else " ", clause)


def _polarity(clause: str, source: str) -> list[Issue]:
    issues = []
    if len(_NEGATION.findall(clause)) % 2 != len(_NEGATION.findall(source)) % 2:
        mine = "negative" if _NEGATION.search(clause) else "positive"
        issues.append(
            Issue(2, f"negation differs: it is {mine} where the passage says '{_short(source)}'")
        )
    modal = _modality(clause, source)
    if modal:
        issues.append(Issue(2, modal))
    flipped = _reversed(clause, source)
    if flipped:
        issues.append(Issue(2, flipped))
    return issues


def _cues(pattern: re.Pattern[str], text: str) -> Counter[str]:
    return Counter(" ".join(m.lower().split()) for m in pattern.findall(text))


def _modality(clause: str, source: str) -> str | None:
    """Modal words the statement adds against those the passage has instead."""
    strong = _cues(_STRONG, clause) - _cues(_STRONG, source)
    weak = _cues(_WEAK, clause) - _cues(_WEAK, source)
    lost_strong = _cues(_STRONG, source) - _cues(_STRONG, clause)
    lost_weak = _cues(_WEAK, source) - _cues(_WEAK, clause)
    if strong and lost_weak:
        return (
            f"it says '{next(iter(strong))}' where the passage says "
            f"'{next(iter(lost_weak))}' ('{_short(source)}')"
        )
    if weak and lost_strong:
        return (
            f"it says '{next(iter(weak))}' where the passage says "
            f"'{next(iter(lost_strong))}' ('{_short(source)}')"
        )
    return None


def _reversed(clause: str, source: str) -> str | None:
    mine = {w.lower() for w in _TOKEN.findall(clause)}
    theirs = {w.lower() for w in _TOKEN.findall(source)}
    for word in sorted(mine - theirs):
        opposite = sorted(_OPPOSITE.get(word, set()) & (theirs - mine))
        if opposite:
            return f"it says '{word}' where the passage says '{opposite[0]}'"
    return None


def signal_issues(coverage: float, similarity: float) -> list[Issue]:
    """Word coverage and embedding similarity: similarity alone never decides."""
    issues = []
    if coverage < MIN_COVERAGE:
        issues.append(Issue(2, f"the passage states only {coverage:.0%} of its words"))
    if similarity < SIMILARITY[1]:
        severity = 2 if coverage < WELL_COVERED else 1
        issues.append(Issue(severity, f"it is far in meaning from the passage ({similarity:.2f})"))
    elif similarity < SIMILARITY[0]:
        issues.append(Issue(1, f"it is not close in meaning to the passage ({similarity:.2f})"))
    return issues


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


# -- answers ---------------------------------------------------------------------------------

NOTHING_SUPPORTED = (
    "No statement composed for this question is supported by the passages it cites, so "
    "no answer is given."
)


def verify_answer(answer: Answer, embedder: Embedder, *, show_unsupported: bool = False) -> Answer:
    """The answer with a verdict on every statement and citation, and the share supported.

    Unsupported statements are dropped (counted in `dropped`, with any the composer left
    out already), or kept with their verdict when `show_unsupported` is set, for renderers
    to flag. A bottom line left empty takes the first statement that remains; an answer
    left with none says so.
    """
    if answer.status == INSUFFICIENT_EVIDENCE or not answer.statements:
        return answer
    checked = {id(s): verify_one(s, embedder) for s in answer.statements}

    def kept(statement: Statement) -> bool:
        return show_unsupported or checked[id(statement)].verdict != UNSUPPORTED

    bottom = [checked[id(s)] for s in answer.bottom_line if kept(s)]
    sections = [
        replace(section, statements=tuple(checked[id(s)] for s in section.statements if kept(s)))
        for section in answer.sections
    ]
    if not bottom:
        bottom, sections = _promote(sections)
    total = len(checked) + answer.dropped  # a composer may have left some out already
    supported = sum(1 for s in checked.values() if s.verdict == SUPPORTED)
    kept_count = len(bottom) + sum(len(s.statements) for s in sections)
    result = replace(
        answer,
        bottom_line=tuple(bottom),
        sections=tuple(s for s in sections if s.statements),
        supported_share=round(supported / total, 3),
        dropped=total - kept_count,
    )
    return _renumbered(result) if result.statements else _nothing_supported(result)


def verify_one(statement: Statement, embedder: Embedder) -> Statement:
    """One statement with its verdict and each citation's."""
    verdict = verify_statement(
        statement.text,
        [c.passage_text for c in statement.citations],
        embedder,
        contexts=[" ".join(c.section_path) for c in statement.citations],
    )
    citations = tuple(
        replace(c, verdict=v.label, reason=v.reason)
        for c, v in zip(statement.citations, verdict.by_passage, strict=True)
    )
    return replace(statement, citations=citations, verdict=verdict.label, reason=verdict.reason)


def _promote(sections: list[ArticleSection]) -> tuple[list[Statement], list[ArticleSection]]:
    for i, section in enumerate(sections):
        if section.statements:
            rest = replace(section, statements=section.statements[1:])
            return [section.statements[0]], [*sections[:i], rest, *sections[i + 1 :]]
    return [], sections


def _renumbered(answer: Answer) -> Answer:
    """References no statement cites any more are left out; the rest numbered from 1."""
    cited = {c.reference for s in answer.statements for c in s.citations}
    kept = [r for r in answer.references if r.number in cited]
    numbers = {r.number: i for i, r in enumerate(kept, 1)}
    if all(old == new for old, new in numbers.items()) and len(kept) == len(answer.references):
        return answer

    def renumber(statement: Statement) -> Statement:
        citations = tuple(replace(c, reference=numbers[c.reference]) for c in statement.citations)
        return replace(statement, citations=citations)

    return replace(
        answer,
        bottom_line=tuple(renumber(s) for s in answer.bottom_line),
        sections=tuple(
            replace(sec, statements=tuple(renumber(s) for s in sec.statements))
            for sec in answer.sections
        ),
        references=tuple(replace(r, number=numbers[r.number]) for r in kept),
    )


def _nothing_supported(answer: Answer) -> Answer:
    return replace(
        answer,
        status=INSUFFICIENT_EVIDENCE,
        bottom_line=(),
        sections=(),
        nearest_sources=answer.references,
        references=(),
        notice=NOTHING_SUPPORTED,
    )


def labels(statements: Iterable[Statement]) -> dict[str, int]:
    """How many statements carry each verdict (None: not verified)."""
    counts: dict[str, int] = {}
    for statement in statements:
        key = statement.verdict or "unverified"
        counts[key] = counts.get(key, 0) + 1
    return counts
