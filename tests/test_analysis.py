"""Text analysis: one set of terms for indexed text and queries alike."""

from __future__ import annotations

import itertools

import pytest

from guidecite.analysis import fold, normalize_spelling, phrases, terms, words

BRITISH_AMERICAN = [
    ("tumour", "tumor"),
    ("tumours", "tumors"),
    ("oesophagus", "esophagus"),
    ("haemoglobin", "hemoglobin"),
    ("anaemia", "anemia"),
    ("paediatric", "pediatric"),
    ("oedema", "edema"),
    ("lymphoedema", "lymphedema"),
    ("diarrhoea", "diarrhea"),
    ("leukaemia", "leukemia"),
    ("centre", "center"),
    ("centres", "centers"),
    ("centred", "centered"),
    ("randomised", "randomized"),
    ("hypoglycaemia", "hypoglycemia"),
    ("foetal", "fetal"),
    ("gynaecology", "gynecology"),
    ("caesarean", "cesarean"),
    ("aetiology", "etiology"),
    ("oestrogen", "estrogen"),
    ("apnoea", "apnea"),
    ("dyspnoea", "dyspnea"),
    ("behaviour", "behavior"),
    ("behavioural", "behavioral"),
    ("haem", "heme"),
    ("coeliac", "celiac"),
    ("homoeopathy", "homeopathy"),
    ("amoeba", "ameba"),
    ("manoeuvre", "maneuver"),
    ("titre", "titer"),
    ("goitre", "goiter"),
    ("fibre", "fiber"),
    ("litres", "liters"),
    ("analyse", "analyze"),
    ("paralysed", "paralyzed"),
    ("analogue", "analog"),
    ("programme", "program"),
    ("defence", "defense"),
    ("licence", "license"),
    ("sulphonylurea", "sulfonylurea"),
    ("leucocyte", "leukocyte"),
    ("grey", "gray"),
    ("ischaemia", "ischemia"),
    ("orthopaedic", "orthopedic"),
    ("phaeochromocytoma", "pheochromocytoma"),
    ("immunisation", "immunization"),
    ("signalling", "signaling"),
    ("counselling", "counseling"),
    ("ageing", "aging"),
    ("gastro-oesophageal", "gastro-esophageal"),
]


@pytest.mark.parametrize(("british", "american"), BRITISH_AMERICAN)
def test_british_and_american_spellings_give_the_same_terms(british: str, american: str) -> None:
    assert terms(british) == terms(american)


def test_gastro_oesophageal_written_as_one_word_meets_the_hyphenated_form() -> None:
    assert set(terms("gastroesophageal")) <= set(terms("gastro-oesophageal"))


#: Common words that spelling rules of this shape could wrongly merge.
DISTINCT_WORDS_TEXT = """
four for hour your our or pour poor tour tor sour does dose shoe she poem poet pet toe
aerobic aerosol aerial erotic goes canoe phoenix whoever coexist coefficient coenzyme
tumor tumour humor hum course curse journal source resource recourse remorse contour
acre ogre genre mediocre massacre macabre centre center meter metre promise precise
raise rise arise wise noise poise crises crisis thesis analysis analyses diagnosis
vogue rogue tongue league fence offence sense licence science hence israel michael
mae me gael gel grey prey they obey
"""


def test_spelling_normalisation_keeps_common_distinct_words_apart() -> None:
    normalised: dict[str, set[str]] = {}
    for word in DISTINCT_WORDS_TEXT.split():
        normalised.setdefault(normalize_spelling(word), set()).add(word)
    merged = [group for group in normalised.values() if len(group) > 1]
    variants = [{"tumor", "tumour"}, {"centre", "center"}, {"metre", "meter"}]
    assert sorted(map(sorted, merged)) == sorted(map(sorted, variants))


@pytest.mark.parametrize("word", ["four", "hour", "your", "our", "does", "shoe", "aerobic", "poem"])
def test_spelling_normalisation_leaves_ordinary_words_alone(word: str) -> None:
    assert normalize_spelling(word) == word


def test_spelling_normalisation_is_idempotent() -> None:
    for british, american in BRITISH_AMERICAN:
        for word in (british, american):
            once = normalize_spelling(word)
            assert normalize_spelling(once) == once


def test_accents_are_folded() -> None:
    assert fold("Cáncer de NIÑO, Straße") == "cancer de nino, strasse"
    assert terms("cáncer niño") == terms("cancer nino")


def test_greek_letters_and_the_micro_sign_become_words() -> None:
    assert terms("TNF-α") == terms("TNF-alpha")
    assert terms("β-blocker") == terms("beta-blocker")
    assert terms("10 µg") == terms("10 mcg")


def test_words_are_lower_cased_and_stemmed_with_tantivys_english_stemmer() -> None:
    assert terms("Treatments TREATED treating") == ["treatment", "treat", "treat"]


COMPOUND_SPELLINGS = [
    ("Ki-67", "Ki67", "Ki 67", "KI-67"),
    ("5-HIAA", "5HIAA", "5 HIAA"),
    ("Ga-68", "Ga68", "Ga 68"),
    ("PET/CT", "PET-CT", "PET CT"),
    ("HbA1c", "HbA1C", "Hb A1c"),
    ("COVID-19", "COVID19", "Covid 19"),
    ("non-small cell", "nonsmall cell", "non small cell"),
]


@pytest.mark.parametrize("spellings", COMPOUND_SPELLINGS)
def test_a_compound_written_any_way_shares_terms_with_every_other_way(
    spellings: tuple[str, ...],
) -> None:
    for first, second in itertools.permutations(spellings, 2):
        assert set(terms(first)) & set(terms(second)), (first, second)


def test_a_compound_yields_its_parts_then_its_joined_form() -> None:
    assert terms("Ki-67") == ["ki", "67", "ki67"]
    assert terms("PET/CT") == ["pet", "ct", "petct"]
    assert terms("HbA1c") == ["hba", "1", "c", "hba1c"]
    assert terms("68Ga") == ["68", "ga", "68ga"]


def test_words_keep_one_term_per_position_so_phrases_match_any_spelling() -> None:
    expected = ["high", "ki", "67", "index"]
    for text in ("high Ki-67 index", "high Ki67 index", "high Ki 67 index"):
        assert words(text) == expected
    assert terms("high Ki-67 index") == [*expected, "ki67"]


def test_numbers_keep_decimals_and_lose_thousands_separators() -> None:
    assert terms("2.5 mg") == ["2.5", "mg"]
    assert terms("2.5mg") == ["2.5", "mg", "2.5mg"]
    assert terms("1,000 units") == ["1000", "unit"]
    assert terms("grades 1,2") == ["grade", "1", "2"]


def test_ranges_and_dates_yield_only_their_parts() -> None:
    assert terms("5-10") == ["5", "10"]
    assert terms("2019-2020") == ["2019", "2020"]


def test_apostrophes_vanish_and_possessives_go() -> None:
    assert terms("Hodgkin's") == terms("Hodgkin’s") == terms("Hodgkin")
    assert terms("don't") == ["dont"]


def test_short_words_are_kept() -> None:
    assert terms("vitamin A, grade 3") == ["vitamin", "a", "grade", "3"]


def test_query_syntax_is_only_words() -> None:
    text = 'title:cancer AND "lung" OR (NOT x*) - ^2 ~ [1 TO 2] \\ {}'
    assert terms(text) == ["titl", "cancer", "and", "lung", "or", "not", "x", "2", "1", "to", "2"]


def test_text_without_words_gives_no_terms() -> None:
    assert terms("") == []
    assert terms(" -- / ?? ") == []


def test_overlong_runs_are_dropped() -> None:
    assert terms("a" * 200 + " tumour") == ["tumor"]


@pytest.mark.parametrize(
    ("inflamed", "root"),
    [
        ("prostatitis", "prostate"),
        ("Thyroiditis", "thyroid"),
        ("hepatitis", "hepatic"),
        ("pancreatitis", "pancreatic"),
        ("arachnoiditis", "arachnoid"),
        ("sinusitis", "sinus"),
    ],
)
def test_an_inflammation_is_its_own_term_not_its_root_s(inflamed: str, root: str) -> None:
    # the stemmer alone made "prostatitis" and "prostate" one term: another condition's
    # documents then named the question's
    assert terms(inflamed) == [inflamed.lower()]
    assert terms(inflamed) != terms(root)
    assert words(f"acute {inflamed}") == ["acut", inflamed.lower()]


def test_a_text_s_phrases_end_at_its_marks_and_keep_each_word_as_written() -> None:
    found = phrases("Scleroderma (Systemic Sclerosis): difficile-associated disease")
    assert [[written for _, written in phrase] for phrase in found if phrase] == [
        ["Scleroderma"],
        ["Systemic", "Sclerosis"],
        ["difficile-associated", "difficile-associated", "disease"],
    ]
    assert [term for term, _ in found[-1]] == words("difficile-associated disease")


def test_a_text_read_again_gives_the_same_terms_whatever_was_done_with_the_last() -> None:
    """The terms of a text are remembered; each caller still gets lists of its own."""
    text = "Difficile-associated diarrhoea in older adults"
    first = terms(text)
    expected = list(first)
    first.append("changed")
    words(text).clear()
    assert terms(text) == expected
    assert terms(text) is not terms(text)
    # the terms are the words, then the compounds' joined forms
    assert words(text) and expected[: len(words(text))] == words(text)
    assert len(expected) > len(words(text))
