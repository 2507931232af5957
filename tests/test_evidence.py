"""Whether the library holds evidence: a focus that names a kind of the topic."""

from __future__ import annotations

from dataclasses import replace

from guidecite.evidence import insufficient, unnamed_kind
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
