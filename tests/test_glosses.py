"""The library's own glosses of everyday words, read from a real store."""

from __future__ import annotations

import pytest

from guidecite.embedding import get_embedder
from guidecite.glosses import gloss_of, glosses
from guidecite.ingest import ingest_paths
from guidecite.query import content_words
from guidecite.store.embedded import EmbeddedStore

PAGES = {
    "parkinson.txt": "Often the first symptom of the disease is trembling or shaking (tremor) of "
    "a limb. The tremor may begin in one hand.",
    "tremor.txt": "Essential tremor causes involuntary, rhythmic shaking (tremor) of the hands. "
    "Medicines can control tremor in many people. Tremor may get worse with stress.",
    "thyroid.txt": "An overactive thyroid can cause tremor, weight loss and a fast heartbeat.",
    "bones.txt": "Some people have reduced bone density (osteopenia) after menopause.",
    "fractures.txt": "Decreased bone density (osteopenia) raises the risk of fractures.",
    "eyes.txt": "Blurred vision in one eye (unilateral) needs an eye exam the same day.",
    "sight.txt": "Vision loss in one eye (unilateral) may come from a blocked artery.",
    "ears.txt": "Unilateral hearing loss differs from unilateral tinnitus and unilateral pain.",
    "more-bones.txt": "Osteopenia may be found on a bone density scan. Treat osteopenia early.",
    "trials.txt": "Offer the drug to adults with moderate depression (conditional "
    "recommendation) who ask for it.",
    "therapy.txt": "Adults with moderate depression (conditional recommendation) may also be "
    "offered therapy. A conditional recommendation is weaker than a strong one.",
    "osteopenia.txt": "Osteopenia is common after menopause; osteopenia is not osteoporosis.",
    "grades.txt": "A conditional recommendation means most people would want it.",
    "pain.txt": "Acetaminophen (Tylenol) eases pain. Adults should not take more than 3 grams "
    "of acetaminophen in a day.",
    "fever.txt": "For a fever, acetaminophen (Tylenol, others) or ibuprofen may help.",
    "liver.txt": "Too much acetaminophen harms the liver.",
    "migraine.txt": "A migraine (headache) may run in families. Headache is common.",
    "aura.txt": "A migraine (headache) may follow an aura. Headache may follow poor sleep.",
    "headache.txt": "Tension headache is the most common headache. Rest eases a headache.",
    "drops.txt": "Use the antibiotic (Ophthalmic) drops twice a day.",
    "solution.txt": "An antibiotic (Ophthalmic) solution: the ophthalmic solution stings.",
    "antibiotics.txt": "An antibiotic treats infection; take every antibiotic dose.",
    "stretch.txt": "Hold each stretch to keep the gains in motion (Marlow, Webb, 2000).",
    "range.txt": "Stretching keeps the range of motion (Marlow, Webb, 2000) gained.",
    "motion.txt": "Motion of the joint eases with heat; motion may hurt at first.",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    pages = tmp_path_factory.mktemp("pages")
    for name, text in PAGES.items():
        title = name.removesuffix(".txt").replace("-", " ").capitalize()
        (pages / name).write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    home = tmp_path_factory.mktemp("home")
    built = EmbeddedStore(home)
    ingest_paths(built, [pages], get_embedder("static"))
    yield built
    built.close()


def _glossed(question: str, store: EmbeddedStore) -> dict[str, str]:
    return {e.short: e.long for e in glosses(question, content_words(question), store)}


def test_an_everyday_word_is_read_with_the_term_the_library_writes_after_it(store) -> None:  # type: ignore[no-untyped-def]
    assert _glossed("what medicine will help my dad's shaking", store) == {"shaking": "tremor"}


def test_a_gloss_of_a_longer_name_or_a_grade_in_brackets_is_no_gloss(store) -> None:  # type: ignore[no-untyped-def]
    # "reduced bone density (osteopenia)" glosses a lowered density, not the scan's
    assert _glossed("who needs a bone density scan", store) == {}
    # how many is no other name for what: "one eye (unilateral)"
    assert _glossed("what causes blurry vision in one eye", store) == {}
    # a recommendation's grade in brackets is no other name for depression
    assert _glossed("should i treat my moderate depression", store) == {}


def test_a_name_the_library_writes_in_brackets_is_read_as_the_name_before_it(store) -> None:  # type: ignore[no-untyped-def]
    # "acetaminophen (Tylenol)": the library's own name for what the question calls Tylenol
    assert _glossed("how much tylenol can i take in a day", store) == {"tylenol": "acetaminophen"}
    # not where the library uses the bracketed word more than the name before it
    assert _glossed("what helps a headache", store) == {}
    # nor a word the library also writes in small letters: no brand ("ophthalmic solution")
    assert _glossed("are ophthalmic drops safe", store) == {}
    # nor the first author of a study cited in brackets
    assert _glossed("is marlow stretching any good", store) == {}


def test_a_gloss_is_read_once_for_the_library_as_it_stands(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The next question's everyday words are read from what the last one read, until the
    library's content changes: then its glosses are read again."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("parkinson.txt", "tremor.txt", "thyroid.txt"):
        (pages / name).write_text(f"{name[:-4].capitalize()}\n\n{PAGES[name]}\n", "utf-8")
    store = EmbeddedStore(tmp_path / "home")
    ingest_paths(store, [pages], get_embedder("static"))
    searches = []
    search = store.lexical_search

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        searches.append(args)
        return search(*args, **kwargs)

    store.lexical_search = counted  # type: ignore[method-assign]
    assert gloss_of("shaking", store) == "tremor"
    read = len(searches)
    assert read > 0
    assert gloss_of("shaking", store) == "tremor"
    assert len(searches) == read  # remembered
    # the library changes: what it glosses may have too
    (pages / "rest.txt").write_text("Rest\n\nRest eases a tremor.\n", "utf-8")
    ingest_paths(store, [pages], get_embedder("static"))
    assert gloss_of("shaking", store) == "tremor"
    assert len(searches) > read
    store.close()
