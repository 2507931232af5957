"""Real-world wording: typos corrected to the library's words, placeholders, shouting, and
which unknown words are incidental."""

from __future__ import annotations

from pathlib import Path

from guidecite.wording import (
    Correction,
    Vocabulary,
    correct_spelling,
    drop_stray_backslashes,
    everyday_word,
    fold_shouting,
    initialism,
    proper_name,
    run_together,
    strip_placeholders,
    unglue,
    web_address,
)

LIBRARY_TEXT = [
    "Ciprofloxacin is an antibiotic. Ciprofloxacin may cause diarrhea.",
    "Diarrhea is loose stools. Severe diarrhea needs fluids and ciprofloxacin rarely.",
    "An incision is made. The incision heals. Chronic disease and chronic pain.",
    "Chronic lymphocytic leukemia is chronic. Ambulatory care is ambulatory.",
    "Most people with it stay ambulatory.",
    "A urologist treats urology problems.",
    "Urology clinics see many people.",
]


def test_typos_are_corrected_to_the_nearest_library_word() -> None:
    vocabulary = Vocabulary.build(LIBRARY_TEXT)
    assert vocabulary.correct("ciprofaxin") == "ciprofloxacin"  # Jaro-Winkler, shared stem
    assert vocabulary.correct("diahrrea") == "diarrhea"  # a swapped pair is one edit
    assert vocabulary.correct("Cronic") == "chronic"
    assert vocabulary.correct("ambilatory") == "ambulatory"
    assert vocabulary.correct("orology") == "urology"  # one vowel misheard for another
    assert vocabulary.correct("prology") is None  # a consonant opening is kept


def test_a_library_word_with_a_prefix_is_read_as_that_word() -> None:
    vocabulary = Vocabulary.build(
        [*LIBRARY_TEXT, *["Legs may swell.", "Raise legs that swell.", "I feel unwell."] * 2]
    )
    assert vocabulary.correct("unswell") == "swell"  # not "unwell", one letter away
    assert vocabulary.correct("unwel") == "unwell"  # a typo of the word itself
    assert vocabulary.correct("nondiarrhea") == "diarrhea"


def test_a_word_joined_by_hyphens_is_corrected_whole() -> None:
    vocabulary = Vocabulary.build(
        [*LIBRARY_TEXT, *["Epstein-Barr virus infects B cells.", "A low-dose dosage is low."] * 2]
    )
    assert vocabulary.correct("ebstien-barr") == "epstein-barr"  # two edits in twelve letters
    # library words joined anew are no typo, though "low-dose" is two letters away
    assert vocabulary.correct("low-dosage") is None


def test_a_word_with_no_close_library_word_is_left_alone() -> None:
    vocabulary = Vocabulary.build(LIBRARY_TEXT)
    assert vocabulary.correct("inclisiran") is None  # not "incision": too far
    assert vocabulary.correct("diarrhea") is None  # already a library word
    assert vocabulary.correct("cipro") is None  # too short to correct safely


def test_correct_spelling_rewrites_only_the_unknown_words() -> None:
    vocabulary = Vocabulary.build(LIBRARY_TEXT)
    text, corrections = correct_spelling(
        "Does ciprofaxin stop diahrrea?", vocabulary, ["ciprofaxin", "diahrrea"]
    )
    assert text == "Does ciprofloxacin stop diarrhea?"
    assert [(c.written, c.corrected) for c in corrections] == [
        ("ciprofaxin", "ciprofloxacin"),
        ("diahrrea", "diarrhea"),
    ]


def test_a_rare_word_of_english_is_not_a_typo_of_a_library_word() -> None:
    vocabulary = Vocabulary.build(
        [*LIBRARY_TEXT, "A blender.", "Wash the blender.", "A hemorrhage.", "No hemorrhage."]
    )
    assert vocabulary.correct("bleeder") == "blender"  # close in letters...
    text, corrections = correct_spelling(
        "I am a bleeder and hemorhage after injuries", vocabulary, ["bleeder", "hemorhage"]
    )
    assert [(c.written, c.corrected) for c in corrections] == [("hemorhage", "hemorrhage")]
    assert text == "I am a bleeder and hemorrhage after injuries"  # ...but a word of English


def test_an_everyday_word_the_library_does_not_use_is_never_corrected() -> None:
    vocabulary = Vocabulary.build([*LIBRARY_TEXT, "Do not rely on it.", "They rely on it."])
    assert vocabulary.correct("reply") == "rely"  # close in letters...
    text, corrections = correct_spelling("Thanks for your reply", vocabulary, ["reply"])
    assert (text, corrections) == ("Thanks for your reply", ())  # ...but an everyday word


def test_a_typo_that_shares_the_stem_of_a_rarer_library_word_is_still_corrected() -> None:
    """ "migranes" is never written, though its stem is "migrans"'s (erythema migrans): it
    means "migraines", which the library uses far more often. A word of another's stem cut
    short ("recove": "recover") or as common as its stem is left as typed."""
    vocabulary = Vocabulary.build(
        [*LIBRARY_TEXT, *["Migraines come back.", "Erythema migrans.", "Recover and remove."] * 2]
    )
    used = {"migranes": 40, "migraines": 258, "recove": 315, "remove": 3630}
    text, corrections = correct_spelling(
        "I have had migranes; can I recove?",
        vocabulary,
        [],
        lambda phrase: used.get(phrase, 0),
        unwritten=["migranes", "recove"],
    )
    assert [(c.written, c.corrected) for c in corrections] == [("migranes", "migraines")]
    assert text == "I have had migraines; can I recove?"
    # not where the library uses the stem as often as the word it may mean
    as_often = {"migranes": 200, "migraines": 258}
    _, none = correct_spelling(
        "migranes", vocabulary, [], lambda p: as_often.get(p, 0), unwritten=["migranes"]
    )
    assert none == ()


def test_a_word_in_everyday_use_is_not_another_word_cut_short() -> None:
    vocabulary = Vocabulary.build(
        [*LIBRARY_TEXT, *["Augmenting the dose helps.", "Prednisone is a steroid."] * 2]
    )
    assert vocabulary.correct("augmentin") == "augmenting"  # close in letters...
    text, corrections = correct_spelling(
        "on predisone and augmentin", vocabulary, ["predisone", "augmentin"]
    )
    # ...but a drug people write about, not "augmenting"; a typo nobody writes is corrected
    assert [(c.written, c.corrected) for c in corrections] == [("predisone", "prednisone")]
    assert text == "on prednisone and augmentin"


def test_a_word_cut_short_is_read_as_the_library_word_it_begins() -> None:
    vocabulary = Vocabulary.build(
        [*LIBRARY_TEXT, *["Trigeminal neuralgia causes facial pain.", "A trigeminal nerve."] * 2]
    )
    assert vocabulary.correct("trigem") == "trigeminal"  # too far for an edit distance
    text, corrections = correct_spelling("Trigem Neuralgia: help", vocabulary, ["Trigem"])
    assert text == "trigeminal Neuralgia: help"
    # a typo the edit distances read comes first; a word a letter or two short is a typo's
    assert vocabulary.correct("ciprofaxin") == "ciprofloxacin"
    assert vocabulary.completions("ambulato") == []


def test_a_saved_vocabulary_is_read_back_only_for_its_generation(tmp_path: Path) -> None:
    vocabulary = Vocabulary.build(LIBRARY_TEXT)
    path = tmp_path / "vocabulary.json"
    vocabulary.save(path, generation=3)
    loaded = Vocabulary.load(path, generation=3)
    assert loaded is not None and loaded.counts == vocabulary.counts
    assert Vocabulary.load(path, generation=4) is None
    path.write_text("{not json", encoding="utf-8")
    assert Vocabulary.load(path, generation=3) is None


def test_placeholders_go_and_shouting_is_folded_but_abbreviations_stay() -> None:
    assert strip_placeholders("My name is [NAME] from [LOCATION]. Help!") == (
        "My name is from . Help!"
    )
    # a form field's label that names the placeholder goes with it; another label stays
    assert strip_placeholders("EMAIL: [EMAIL] Hello - my son has Cushing's") == (
        "Hello - my son has Cushing's"
    )
    assert strip_placeholders("Name: [NAME] Date: [DATE] Question: asthma") == "Question: asthma"
    assert strip_placeholders("My name and address is: [NAME]") == "My name and address is:"
    # the scheme of an address goes with the address it stands for
    assert strip_placeholders("My email is [CONTACT] (mailto:[CONTACT]) Thank you") == (
        "My email is ( ) Thank you"
    )
    folded = fold_shouting("CITROBACTER FREUNDII and NSE in AF", lambda w: w == "NSE")
    assert folded == "citrobacter freundii and NSE in AF"
    assert fold_shouting("My long COVID fatigue", lambda w: False) == "My long COVID fatigue"
    assert fold_shouting("WHAT IS THE LATEST THERAPY", lambda w: False) == (
        "what is the latest therapy"
    )
    assert fold_shouting("CURE FOR PNEUMONIA in TB", lambda w: w == "TB") == (
        "cure for pneumonia in TB"
    )


def test_a_shouted_abbreviation_that_spells_a_common_word_is_that_word() -> None:
    known = {"GO", "ALL", "HE", "ALSO", "AIDS", "HIV", "CT"}.__contains__
    shouted = "HE ALSO GO FOR EXERCISES EVERY 2 OR 3 MONTHS N TAKES A DIET AND ALL. THANK YOU"
    # a single capital letter between shouted words is shouted too: no kind's letter
    assert fold_shouting(shouted, known) == (
        "he also go for exercises every 2 or 3 months n takes a diet and all. thank you"
    )
    # an abbreviation that spells a rarer word, or one among ordinary words, keeps its
    # capitals
    assert fold_shouting("MY SON HAS AIDS AND NEEDS A CT", known) == (
        "my son has AIDS and needs A CT"
    )
    assert fold_shouting("relapsed ALL after GO", known) == "relapsed ALL after GO"


def test_incidental_words_are_everyday_english_names_or_initials() -> None:
    assert everyday_word("vengeance") and everyday_word("Hollywood")
    assert not everyday_word("inclisiran") and not everyday_word("lecanemab")
    assert not everyday_word("ARIA")  # capitals: an abbreviation, not the word "aria"
    # in Spanish: everyday words the translator may not render, and a slip in one
    assert everyday_word("cribado", "es") and everyday_word("edades", "es")
    assert everyday_word("tratamineto", "es")  # one transposition from "tratamiento"
    assert not everyday_word("inclisirán", "es") and not everyday_word("resmetirom", "es")
    assert not everyday_word("tratamineto")  # English slips are the corrector's to mend
    assert proper_name("Mehrnaz", "I want to know about lupus. Best, Mehrnaz")
    assert not proper_name("Lupus", "Lupus is hard. Tell me about lupus.")
    # a capitalised word the question asks about is a brand or an eponym, not a person
    assert not proper_name("Paxlovid", "How long should I take Paxlovid after a COVID test?")
    assert not proper_name("Qwertyuiop", "What is the treatment of Qwertyuiop syndrome?")
    assert proper_name("Anneliese", "Hi Anneliese, my son has asthma. What inhaler?")
    assert initialism("MSUD", "Maple Syrup Urine Disease: is MSUD inherited?")
    assert not initialism("MSUD", "Is it inherited?")


def test_a_full_stop_run_into_the_next_word_gets_its_space_back() -> None:
    typed = "in that finger.but now the leg is swelling.problem is I cant rest.Help"
    assert (
        unglue(typed) == "in that finger. but now the leg is swelling. problem is I cant rest. Help"
    )
    # "I" after it starts a sentence too
    assert unglue("about this disorder.I hope") == "about this disorder. I hope"
    # web addresses, abbreviations and numbers stay as written
    kept = "See ClinicalTrials.gov or nih.gov, e.g. a level of 21.6 mmol/L."
    assert unglue(kept) == kept


def test_the_numbers_of_a_list_of_questions_are_its_layout_not_its_words() -> None:
    typed = "1) Is this disease hereditary2) Does alcohol play a role3) What are its symptoms?"
    assert (
        unglue(typed)
        == "Is this disease hereditary Does alcohol play a role What are its symptoms?"
    )
    numbered = "Some questions please.1. What causes leukemia?2. Can you survive it?10. Why?"
    assert (
        unglue(numbered) == "Some questions please. What causes leukemia? Can you survive it? Why?"
    )
    # a name's digits stay, in brackets or before no new question, and so does a count
    kept = "Does a mutation (BRCA1) Raise the risk? Is BRCA2) linked?"
    assert unglue(kept) == kept
    for count in ("My son is 4. He has a rash.", "Stage 2. The cancer spread.", "It was 21.6 mg."):
        assert unglue(count) == count


def test_two_everyday_words_run_together_are_split_not_corrected() -> None:
    assert run_together("infact") == "in fact"
    assert run_together("Atleast") == "At least"
    assert run_together("HelloI") == "Hello I"
    for word in ("comit", "dont", "dere", "ciprofaxin", "myopia", "thyroidectomy"):
        assert run_together(word) is None
    vocabulary = Vocabulary.build(["An infant may be affected.", "an infant", "the fact"])
    question, corrections = correct_spelling("infact my child", vocabulary, ["infact"])
    assert question == "in fact my child"
    assert corrections == (Correction("infact", "in fact"),)


def test_two_words_of_content_typed_together_are_a_misspelt_library_word_where_one_is_close() -> (
    None
):
    vocabulary = Vocabulary.build(
        ["Progressive supranuclear palsy is rare.", "supranuclear gaze", "the infant"]
    )
    question, corrections = correct_spelling(
        "my dad has Progressive Supernuclear Palsy", vocabulary, ["Supernuclear"]
    )
    assert corrections == (Correction("Supernuclear", "supranuclear"),)
    assert question == "my dad has Progressive supranuclear Palsy"
    # a pair with one of the commonest words of English is still the pair
    assert correct_spelling("infact", vocabulary, ["infact"])[1] == (
        Correction("infact", "in fact"),
    )
    # as is one whose second word starts with a capital
    sessions = Vocabulary.build(["sessions", "the sessions"])
    assert correct_spelling("SessionId: 5", sessions, ["SessionId"])[1] == (
        Correction("SessionId", "Session Id"),
    )
    # and where no library word is close, two words of content are the pair
    pair = correct_spelling("a heartattack", vocabulary, ["heartattack"])[1]
    assert pair == (Correction("heartattack", "heart attack"),)


def test_a_backslash_typed_inside_a_word_goes() -> None:
    assert drop_stray_backslashes(r"recover speech arti\culation") == "recover speech articulation"
    assert drop_stray_backslashes(r"a\ b and 1\2") == r"a\ b and 1\2"


def test_of_equally_close_words_the_one_the_library_says_with_the_typo_s_neighbours_wins():
    texts = [
        *["Blood pressure is rising.", "A rising fever.", "Rising levels."] * 3,
        "Tinnitus is ringing in the ears.",
        "Ringing in the ears may go away.",
    ]
    vocabulary = Vocabulary.build(texts)
    assert vocabulary.closest("rining") == ["rising", "ringing"]  # the commonest first

    def phrase_count(phrase: str) -> int:
        return sum(phrase.lower() in text.lower() for text in texts)

    question = "what causes rining in the ears"
    text, corrections = correct_spelling(question, vocabulary, ["rining"], phrase_count)
    assert text == "what causes ringing in the ears"
    assert [(c.written, c.corrected) for c in corrections] == [("rining", "ringing")]
    # said with neither, the commonest stays first
    alone, _ = correct_spelling("rining", vocabulary, ["rining"], phrase_count)
    assert alone == "rising"
    unread, _ = correct_spelling(question, vocabulary, ["rining"])
    assert unread == "what causes rising in the ears"


def test_a_web_address_is_told_from_an_abbreviation_and_a_number() -> None:
    for address in ("ClinicalTrials.gov", "yahoo.com", "medlineplus.gov.", "nih.gov"):
        assert web_address(address), address
    for word in ("e.g.", "21.6", "i.e", "com", ".gov", "St.John"):
        assert not web_address(word), word
