"""Text analysis shared by indexing and querying: the one place that turns text into terms.

The lexical index stores exactly what `terms()` returns and every query is built from
`terms()` or `words()`, so the two sides cannot drift apart. The steps, in order:

1. Lower-case; fold accents and look-alike letters ("cáncer" -> "cancer", "niño" -> "nino",
   "ß" -> "ss", curly apostrophes and Unicode hyphens to ASCII). Greek letters that name
   things become words ("TNF-α" -> "tnf-alpha"); the micro sign becomes "mc", so "µg"
   meets "mcg".
2. Cut into tokens: runs of letters and digits joined by "-", "/", "+" or an apostrophe,
   with "." and "," kept only between digits. A possessive "'s" goes, other apostrophes
   vanish ("don't" -> "dont").
3. Split each token into parts at its joiners and wherever letters meet digits, so that
   "Ki-67", "Ki67" and "Ki 67" all yield the parts "ki", "67". Numbers keep their decimals
   ("2.5"); thousands separators go ("1,000" -> "1000"); any other comma splits.
4. Normalise the spelling of each part (`normalize_spelling`: British and American forms
   meet) and stem it with tantivy's own English (Snowball) stemmer, the one its "en_stem"
   analyzer uses.
5. A token of two to four parts that are not all numbers also yields its joined form
   ("ki67", "petct", "covid19", "hba1c", "5hiaa", "ga68", "nonsmall"), analysed like a
   word. Ranges and dates ("5-10", "2019-2020") yield only their parts. A compound written
   in letters alone ("PETCT") cannot be split and meets only the joined form.

`words(text)` is the sequence of parts, one per position: what a phrase is matched
against. `terms(text)` is that sequence followed by the joined forms: what is indexed and
what an ORed query looks for. Putting the joined forms after the words keeps every
phrase intact ("Ki-67 index" is "ki 67 index" however it is written) while a token written
either way still shares its joined form or its parts with the other spelling.

Stop words are kept: "vitamin A", "hepatitis A" and "grade 3" need their short words, and
BM25 gives common words little weight. Deciding which words of a question matter is the
query's job, not this module's.

Analysis is cached per distinct token (a bounded dict), so a large library costs little
more than a regular expression pass over its text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import tantivy
from wordfreq import zipf_frequency

# -- spelling ------------------------------------------------------------------------------

#: (pattern, replacement) applied in order to a lower-case ASCII word. Each rule is a word
#: shape, not a word list; each maps the British form onto the American one, and may map
#: other words to non-words, which is harmless because both sides go through the same rules.
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"aem$", "eme"),  # haem -> heme
        (r"^ae(?!r)", "e"),  # aetiology, aesthetic (not aerobic, aerosol)
        (r"(?<=[a-z])ae(?=[a-z])(?!l$)", "e"),  # haemoglobin, paediatric (not gael, michael)
        (r"^oe", "e"),  # oedema, oesophagus, oestrogen
        (r"(?<=o)oe(?=s(?:oph|tr))", "e"),  # gastro-oesophageal, phyto-oestrogen
        (r"oedem", "edem"),  # lymphoedema, myxoedema
        (r"(?<=rrh|.pn)oe", "e"),  # diarrhoea, amenorrhoea, apnoea, dyspnoeic
        (r"^(f|c)oe(?=t|l)", r"\1e"),  # foetal, foetus, coeliac
        (r"(?<=m)oe(?=b|o)", "e"),  # amoeba, homoeopathy, homoeostasis
        (r"oeu", "eu"),  # manoeuvre
        (r"([aeiouy][b-df-hj-np-tv-z]+i?)our", r"\1or"),  # tumour, behaviour (not four, hour)
        (r"(?<=[a-z]{2})(t|b|g|v|ch)re(s?)$", r"\1er\2"),  # centre, fibre, meagre, titre
        (r"(?<=[a-z]{2})tred$", "tered"),  # centred
        (r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|ational|er|ers|able)$", r"iz\1"),
        (r"(?<=[a-z]{3})ys(e|es|ed|ing|er|ers)$", r"yz\1"),  # analyse, paralysed
        (r"(?<=[a-z]{2})ogue(s?)$", r"og\1"),  # analogue, catalogue
        (r"gramme(s?)$", r"gram\1"),  # programme
        (r"(?<=[a-z]{2})fence(s?)$", r"fense\1"),  # defence, offence
        (r"icence(s?)$", r"icense\1"),  # licence
        (r"sulph", "sulf"),  # sulphate, sulphonylurea
        (r"leuc", "leuk"),  # leucocyte, leucaemia
        (r"^grey", "gray"),  # grey matter
    )
)
#: The function words of English (articles, pronouns, prepositions, conjunctions, auxiliary
#: verbs): the closed classes that carry no content, and no word after a number is its unit.
# fmt: off
FUNCTION_WORDS = frozenset("""
a about above across after again all also am an and any are as at be been before being
both but by can could did do does doing during each either for from further had has have
having he her here hers him his how i if in into is it its itself just me more most my
neither nor of off on once only or other our out over own per same she so some such than
that the their them then there these they this those through to too under until up very
was we were what when where which while who whom why will with would you your yet via
within among upon whether thus hence therefore however although though because since
""".split())
# fmt: on

_SPELLING_HINT = re.compile(r"ae|oe|our|re|is|ys|gue|gramme|fence|icence|sulph|leuc|grey")


def normalize_spelling(word: str) -> str:
    """Map British spellings of a lower-case word onto American ones ("tumour" -> "tumor").

    Applied to indexed text and queries alike, so a rule that turns some other word into a
    non-word does no harm; the rules are kept from merging distinct English words.
    """
    if not _SPELLING_HINT.search(word):
        return word
    for pattern, replacement in _SPELLING_RULES:
        word = pattern.sub(replacement, word)
    return word


# -- folding -------------------------------------------------------------------------------

_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "þ": "th",
        "ı": "i",
        "α": "alpha",
        "β": "beta",
        "γ": "gamma",
        "δ": "delta",
        "κ": "kappa",
        "μ": "mc",
        "µ": "mc",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2212": "-",
        "\u2044": "/",
        "\u2215": "/",
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
    }
)
_COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower-case text without accents: "Cáncer de Niño" -> "cancer de nino"."""
    text = text.lower()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return _COMBINING.sub("", text)


# -- tokens --------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:(?:[-/+']|(?<=\d)[.,](?=\d))[^\W_]+)*")
_PIECE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_MAX_WORD = 50  # longer "words" (base64, run-together junk) are dropped, as tantivy does
_MAX_JOINED_PARTS = 4
#: The version of `terms()`: indexes built from another version's terms are rebuilt
#: (store/lexical.py). Raise it whenever what `terms()` returns for a text changes.
ANALYSIS_VERSION = 2
_STEMMER = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).filter(
    tantivy.Filter.stemmer("english")
)
_STEM = _STEMMER.build()
_CACHE_LIMIT = 1 << 19
_cache: dict[str, tuple[tuple[str, ...], str | None]] = {}


#: A word naming an inflammation of what its root names ("prostatitis", "thyroiditis"):
#: another condition than the root's, which the stemmer would make the root's own term
#: ("prostatitis" and "prostate" both "prostat"), so such a word is its own term.
_INFLAMMATION = re.compile(r"[^\W\d_]{3,}itis")


def _word(piece: str) -> str:
    """One part's term: spelling normalised, then stemmed (numbers pass unchanged), except
    a word of inflammation, which is its own term."""
    if piece[0].isdigit():
        return piece
    piece = normalize_spelling(piece)
    if _INFLAMMATION.fullmatch(piece):
        return piece
    stemmed = _STEM.analyze(piece)
    return stemmed[0] if stemmed else piece


def _pieces(token: str) -> list[str]:
    """The letter runs and numbers of a token, thousands separators dropped."""
    if "'" in token:
        token = token.removesuffix("'s").replace("'", "")
    pieces: list[str] = []
    for piece in _PIECE.findall(token):
        if "," in piece and not _THOUSANDS.fullmatch(piece):
            pieces.extend(piece.split(","))
        else:
            pieces.append(piece.replace(",", ""))
    return [piece for piece in pieces if len(piece) <= _MAX_WORD]


def _analyse_token(token: str) -> tuple[tuple[str, ...], str | None]:
    """(the token's words, its joined form or None), computed once per distinct token."""
    pieces = _pieces(token)
    words = tuple(_word(piece) for piece in pieces)
    joined = None
    if 1 < len(pieces) <= _MAX_JOINED_PARTS and not all(p[0].isdigit() for p in pieces):
        joined = _word("".join(pieces))
    if len(_cache) >= _CACHE_LIMIT:
        _cache.clear()
    _cache[token] = (words, joined)
    return words, joined


#: Texts whose terms are kept once read: a statement is read by retrieval, the composer, the
#: relevance check and verification, each for its own reason.
TEXTS_REMEMBERED = 16_384


def _analyse(text: str) -> tuple[list[str], list[str]]:
    """(the text's words one per position, the compounds' joined forms), new lists each
    time: callers may extend them."""
    words, joined = _analysed(text)
    return list(words), list(joined)


@lru_cache(maxsize=TEXTS_REMEMBERED)
def _analysed(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words: list[str] = []
    joined: list[str] = []
    for token in _TOKEN.findall(fold(text)):
        entry = _cache.get(token) or _analyse_token(token)
        words.extend(entry[0])
        if entry[1]:
            joined.append(entry[1])
    return tuple(words), tuple(joined)


def words(text: str) -> list[str]:
    """The terms of a text one per position, compounds split into parts: for phrases."""
    return _analyse(text)[0]


#: The marks that part a text's words into phrases: "Scleroderma (Systemic Sclerosis)" are
#: two, and so are the words on either side of a comma.
_PHRASE_MARKS = re.compile(r"[,;:.!?()\[\]{}\"“”]")
#: A word as a text writes it, with its hyphens, slashes and apostrophes ("difficile-associated").
WRITTEN_WORD = re.compile(r"[^\W_][\w'\-/]*")


def phrases(text: str) -> list[list[tuple[str, str]]]:
    """A text's phrases (between its marks), each as its terms one per position beside the
    word each is written in (a compound gives two: "difficile-associated")."""
    return [
        [(term, token) for token in WRITTEN_WORD.findall(part) for term in words(token)]
        for part in _PHRASE_MARKS.split(text)
    ]


def holds_run(run: Sequence[str], wanted: Sequence[str]) -> bool:
    """Whether a run of terms holds the wanted terms in order, side by side."""
    n = len(wanted)
    return any(list(run[i : i + n]) == list(wanted) for i in range(len(run) - n + 1))


def terms(text: str) -> list[str]:
    """The index and query terms of a text: its `words()`, then the compounds' joined forms."""
    found, joined = _analyse(text)
    found.extend(joined)
    return found


#: A word this common in English (wordfreq's Zipf frequency: once in a hundred thousand
#: words) says how a thing is or how a sentence goes ("bad back pain", "long-term oxygen",
#: "unable to"), not which kind of a condition it is.
COMMON_WORD_ZIPF = 5.0


def common_in_english(word: str) -> bool:
    """Whether a word is as common in English as COMMON_WORD_ZIPF or more."""
    return zipf_frequency(word.casefold(), "en") >= COMMON_WORD_ZIPF
