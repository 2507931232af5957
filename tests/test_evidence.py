"""Whether the library holds evidence: a focus that names a kind of the topic, and words the
library only ever says apart."""

from __future__ import annotations

from dataclasses import replace

from guidecite.evidence import assess, insufficient, unnamed_kind
from guidecite.frame import Frame
from guidecite.query import spellings
from guidecite.types import Document, Hit, Passage
from query_support import framed


def _query(question: str, words: tuple[str, ...], topic: str, focus: tuple[str, ...]):  # type: ignore[no-untyped-def]
    frame = Frame(topic=topic, topic_title=topic, focus=focus, intent="management", qualifiers=())
    query = framed(question, words, frame)
    return replace(query, concepts=tuple((1.0, spellings(w)) for w in words))


def test_a_word_right_before_the_topic_names_a_kind_of_it_only_within_one_phrase() -> None:
    passages = ["Fatigue is common after COVID. Rest and pacing help."]
    kind = _query(
        "My long COVID fatigue is worse. Should I exercise?",
        ("long", "COVID", "fatigue", "worse", "exercise"),
        "COVID",
        ("long",),
    )
    assert unnamed_kind(kind, passages) == "long"
    # a list of drugs names no kind of the one after it
    listed = _query(
        "taking Plavix,lisinopril,simvastatin: what side effects?",
        ("Plavix", "lisinopril", "simvastatin", "side", "effects"),
        "simvastatin",
        ("lisinopril",),
    )
    assert unnamed_kind(listed, ["Simvastatin may cause side effects."]) is None


def test_a_declined_answer_lists_only_sources_near_the_best_one() -> None:
    """A source that shares only a word of the question ("injection") is no place to look:
    the nearest sources score at least a share of the best one's passage."""
    query = _query(
        "How often is inclisiran injected after the loading doses?",
        ("inclisiran", "injected", "loading", "doses"),
        "inclisiran",
        (),
    )
    scores = {"cholesterol": 1.8, "lipids": 1.56, "injection-services": 0.93}
    hits = [Hit(Passage(d, d, 0, (), "Text."), score) for d, score in scores.items()]
    documents = {
        d: Document(d, f"{d}.md", d.title(), None, None, None, "en", "clinician", None, "h")
        for d in scores
    }
    declined = insufficient(query, hits, documents, "physician", "no passage found")
    assert [r.doc_id for r in declined.nearest_sources] == ["cholesterol", "lipids"]
    # a second document of the same title from the same issuer is listed once
    hits.insert(1, Hit(Passage("cholesterol-2018", "cholesterol-2018", 0, (), "Text."), 1.7))
    documents["cholesterol-2018"] = replace(documents["cholesterol"], doc_id="cholesterol-2018")
    declined = insufficient(query, hits, documents, "physician", "no passage found")
    assert [r.doc_id for r in declined.nearest_sources] == ["cholesterol", "lipids"]


def _untitled(question: str, words: dict[str, float], everyday: frozenset[str]):  # type: ignore[no-untyped-def]
    """A question no title names the topic of, with its words' weights."""
    frame = Frame(topic=None, topic_title=None, focus=(), intent="definition", qualifiers=())
    query = replace(framed(question, tuple(words), frame), everyday=everyday)
    return replace(query, concepts=tuple((weight, spellings(w)) for w, weight in words.items()))


def _found(*texts: str) -> tuple[list[Hit], dict[str, Document]]:
    hits = [Hit(Passage(f"p{n}", f"d{n}", 0, (), text), 1.0) for n, text in enumerate(texts)]
    documents = {
        f"d{n}": Document(
            f"d{n}", f"d{n}.md", "Guideline", None, None, None, "en", "clinician", None, "h"
        )
        for n in range(len(texts))
    }
    return hits, documents


def test_words_the_library_only_says_apart_are_no_evidence() -> None:
    """Where no title names the topic, the library must say two of the question's words
    together somewhere: "capital letters" in one guideline and "Australia" in another
    answer nothing."""
    everyday = frozenset({"capital", "Australia"})
    query = _untitled(
        "What is the capital of Australia?", {"capital": 2.2, "Australia": 2.1}, everyday
    )
    hits, documents = _found(
        "Write the symbol in capital letters.", "This guideline was written in Australia."
    )
    evidence = assess(query, hits, documents)
    assert not evidence.sufficient
    assert evidence.reason == "no passage found speaks of 'capital' and 'Australia' together"
    said, documents = _found("Canberra is the capital of Australia.")
    assert assess(query, said, documents).sufficient
    # with more words, any two of them said together are enough
    more = _untitled(
        "What is the best paint for a wooden fence?",
        {"fence": 3.0, "wooden": 2.6, "paint": 2.4},
        frozenset({"fence", "wooden", "paint"}),
    )
    hits, documents = _found("Lead paint.", "A wooden spoon.", "Fence off the area.")
    assert assess(more, hits, documents).reason == (
        "no passage found speaks of any two of 'fence', 'wooden' and 'paint' together"
    )
    hits, documents = _found("Old wooden houses may hold lead paint.")
    assert assess(more, hits, documents).sufficient


def test_a_word_in_a_great_many_passages_is_no_partner_beside_two_weightier_ones() -> None:
    """ "is it bad to crack your knuckles": a page where a medicine went bad and a pill
    cracked does not speak of cracking knuckles; where only one weighty word is asked, the
    light one still partners it."""
    everyday = frozenset({"bad", "crack", "knuckles"})
    query = _untitled(
        "is it bad to crack your knuckles", {"bad": 1.9, "crack": 7.5, "knuckles": 8.5}, everyday
    )
    hits, documents = _found(
        "Do not use a medicine that has gone bad or a tablet that is cracked.",
        "Children with this syndrome may crawl on their knuckles.",
    )
    evidence = assess(query, hits, documents)
    assert evidence.reason == "no passage found speaks of 'knuckles' and 'crack' together"
    said, documents = _found("Cracking your knuckles does not cause arthritis.")
    assert assess(query, said, documents).sufficient
    one = _untitled("is it bad to crack a tooth", {"bad": 1.9, "crack": 7.5}, everyday)
    hits, documents = _found("A cracked tooth is bad news if the pulp is exposed.")
    assert assess(one, hits, documents).sufficient


def test_words_the_library_is_about_are_the_ones_said_together() -> None:
    """Beside words the library is about, words of everyday conversation are the story
    ("makes" of "my body makes and stores too much iron"): two of the others must be said
    together. Words that ask for a kind of answer ("treated") do not count, and where one
    word alone is what the library is about, it is what the question asks about ("I keep
    getting nosebleeds")."""
    query = _untitled(
        "My body makes and stores too much iron. How is it treated?",
        {"makes": 6.0, "stores": 5.1, "iron": 5.0, "treated": 9.0},
        frozenset({"makes"}),
    )
    hits, documents = _found("In hemochromatosis the body stores too much iron.")
    assert assess(query, hits, documents).sufficient
    apart, documents = _found("Iron makes the blood red.", "Stores sell food.")
    evidence = assess(query, apart, documents)
    assert evidence.reason == "no passage found speaks of 'stores' and 'iron' together"
    alone = _untitled(
        "I keep getting nosebleeds",
        {"nosebleeds": 7.2, "keep": 6.0, "getting": 4.0},
        frozenset({"keep", "getting"}),
    )
    hits, documents = _found("Most nosebleeds stop with firm pressure.", "Keep calm.")
    assert assess(alone, hits, documents).sufficient


def test_two_words_read_alike_are_one() -> None:
    """A passage that says "bleeding" states "bleeds" and "bleeding" both: one word, not
    two said together."""
    query = _untitled(
        "Why does my gum bleed, and is the bleeding from my teeth?",
        {"bleed": 4.0, "bleeding": 4.0, "gum": 3.0, "teeth": 3.0},
        frozenset(),
    )
    hits, documents = _found("Bleeding can be heavy.", "Gum disease.", "Teeth fall out.")
    evidence = assess(query, hits, documents)
    assert evidence.reason == (
        "no passage found speaks of any two of 'bleed', 'bleeding', 'gum' and 'teeth' together"
    )
