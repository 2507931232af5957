"""Answers that answer the question: the topic's documents, not another condition that
shares a rare word; partial coverage said plainly; relevance checked and reported.

A small real library: the NCI summaries on neuroendocrine tumours and two guidelines that
mention neuron-specific enolase (NSE) for other conditions (prognosis after cardiac arrest,
concussion): the trap the reference question fell into."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from conftest import CORPUS, ingested_home, needs_corpus
from guidecite.analysis import terms
from guidecite.answer import answer, find_passages, open_library, read_question
from guidecite.chunking import split_sentences
from guidecite.cli import main
from guidecite.frame import Frame
from guidecite.intents import intent_named
from guidecite.query import Query
from guidecite.question_topic import (
    TITLE_POOL,
    broadest_asked,
    narrower_kinds,
    settle_topic,
    titled_otherwise,
    topic_setting,
)
from guidecite.relevance import judge_relevance, narrowing_words, off_topic_reason, written
from guidecite.rerank import NoReranker
from guidecite.retrieval import Scored, asked_in_topic, retrieve, to_score_again
from guidecite.settings import Settings
from guidecite.topics import TopicIndex, main_title
from guidecite.types import (
    ANSWERED,
    INSUFFICIENT_EVIDENCE,
    ArticleSection,
    Citation,
    Statement,
    reference_for,
)
from query_support import framed

#: Added to the development slice (conftest.py), which holds the NCI summaries on
#: neuroendocrine tumours among others.
FILES = (
    "ngc/ngc-10714.html",  # NSE after cardiac arrest (neurocritical care)
    "ngc/ngc-10949.html",  # concussion: NSE among serum biomarkers
)
OTHER_CONDITIONS = {"ngc/ngc-10714.html", "ngc/ngc-10949.html"}
REFERENCE = (
    "What is the best course of action for a patient with a history of neuroendocrine "
    "tumors (NETs) and mildly elevated Neuron-Specific Enolase (NSE) levels?"
)


@pytest.fixture(scope="module")
def net_library(corpus_slice: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    needs_corpus()
    root = tmp_path_factory.mktemp("net-corpus")
    shutil.copytree(corpus_slice, root, dirs_exist_ok=True)
    for name in FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPUS / name, root / name)
    home = ingested_home(root, tmp_path_factory.mktemp("net-home"))
    library = open_library(Settings(home=home, starter=False))
    yield library
    library.close()


def test_the_reference_question_cites_only_the_topic_s_documents(net_library) -> None:
    result = answer(REFERENCE, net_library)
    assert result.status == ANSWERED
    cited = {r.source for r in result.references}
    assert cited and not cited & OTHER_CONDITIONS
    assert all("neuroendocrine" in r.title.lower() for r in result.references)
    assert result.frame is not None and result.frame["topic"] == "Neuroendocrine Tumors"
    assert result.on_topic_share == 1.0
    assert result.title != REFERENCE and "Neuroendocrine Tumors" in result.title
    assert "Enolase" in result.title


def first_and_settled(library):  # type: ignore[no-untyped-def]
    """The first retrieval (before the topic is known) and the question read with its topic."""
    query = read_question(REFERENCE, library)
    first = retrieve(library.store, query)
    documents = library.store.documents({h.passage.doc_id for h in first})
    settled = settle_topic(query, first, documents, library.topics(), library.store)
    return first, documents, settled


def test_passages_that_only_share_the_rare_word_are_found_and_judged_off_topic(
    net_library,
) -> None:
    first, documents, query = first_and_settled(net_library)
    other = [h for h in first if documents[h.passage.doc_id].source in OTHER_CONDITIONS]
    assert other, "the trap is in the library: passages on NSE for other conditions"
    for hit in other:
        doc = documents[hit.passage.doc_id]
        context = " ".join((doc.title, *hit.passage.section_path))
        reason = off_topic_reason(query, hit.passage.text, doc.doc_id, context)
        assert reason is not None and "another topic" in reason
    _, hits, _ = find_passages(read_question(REFERENCE, net_library), net_library, "clinician")
    ranks = [
        i
        for i, h in enumerate(hits)
        if h.passage.passage_id in {o.passage.passage_id for o in other}
    ]
    assert all(rank >= 10 for rank in ranks), "retrieval within the topic ranks them low"


def test_the_relevance_check_drops_what_a_composer_let_through(net_library) -> None:
    first, documents, query = first_and_settled(net_library)
    result = answer(REFERENCE, net_library)
    off = next(h for h in first if documents[h.passage.doc_id].source in OTHER_CONDITIONS)
    doc = documents[off.passage.doc_id]
    citation = Citation(99, off.passage.passage_id, off.passage.text, off.passage.section_path)
    sentence = next(s for s in split_sentences(off.passage.text) if "NSE" in s)
    stray = Statement(sentence, (citation,))
    planted = replace(
        result,
        sections=(*result.sections, ArticleSection("other", "Other", (stray,))),
        references=(*result.references, reference_for(doc, 99)),
    )
    judged = judge_relevance(planted, query, documents)
    assert stray not in judged.statements
    assert judged.off_topic == 1
    assert judged.on_topic_share is not None and judged.on_topic_share < 1.0


def test_a_typo_is_read_as_the_library_word_and_an_unknown_subject_is_set_aside(
    net_library,
) -> None:
    result = answer(
        "CITROBACTOR FREUNDII. Does octreotyde help neuroendocrine tumors?", net_library
    )
    assert result.status == ANSWERED
    assert result.frame is not None
    assert {"written": "octreotyde", "corrected": "octreotide"} in result.frame["corrections"]
    assert set(result.frame["set_aside"]) == {"citrobactor", "freundii"}
    assert result.notice is not None
    assert "'octreotyde' as 'octreotide'" in result.notice
    assert "never mentions 'citrobactor', 'freundii'" in result.notice


def test_a_question_about_something_the_library_never_mentions_is_declined(
    net_library,
) -> None:
    result = answer("Is inclisiran recommended for neuroendocrine tumors?", net_library)
    assert result.status == INSUFFICIENT_EVIDENCE
    assert "never mentions 'inclisiran'" in (result.notice or "")
    assert result.frame is not None and result.frame["uncovered"] == ["inclisiran"]
    # a brand name is capitalised, but the question asks about it: it is not a person's
    brand = answer("How long should I take Paxlovid for neuroendocrine tumors?", net_library)
    assert brand.status == INSUFFICIENT_EVIDENCE
    assert "never mentions 'Paxlovid'" in (brand.notice or "")


def test_a_hyphenated_name_the_library_never_mentions_is_reported(net_library) -> None:
    # a chemical or drug name written with a hyphen is a word, as one without is
    result = answer("Is D-Qwertyzine recommended for neuroendocrine tumors?", net_library)
    assert result.status == INSUFFICIENT_EVIDENCE
    assert "never mentions 'D-Qwertyzine'" in (result.notice or "")
    # a measurement or a number is no name the question asks about
    sized = answer("Is a 1.2mm-wide neuroendocrine tumor treated?", net_library)
    assert sized.status == ANSWERED
    assert sized.frame is not None and sized.frame["uncovered"] == []


def test_a_kind_of_the_topic_no_passage_on_it_mentions_is_declined(net_library) -> None:
    # "concussion" is a library word (the concussion guideline), never one of the NET pages'
    asked = answer("How are concussion neuroendocrine tumors treated?", net_library)
    assert asked.status == INSUFFICIENT_EVIDENCE
    assert "on Neuroendocrine Tumors mentions concussion" in (asked.notice or "")
    assert answer("How are pancreatic neuroendocrine tumors treated?", net_library).status == (
        ANSWERED
    )


def test_an_everyday_word_the_library_lacks_does_not_decline(net_library) -> None:
    result = answer(
        "Hi, what treatment is there for neuroendocrine tumors? Thanks a lot, Mehrnaz",
        net_library,
        audience="patient",
    )
    assert result.status == ANSWERED
    assert result.frame is not None and "Mehrnaz" in result.frame["set_aside"]


def test_ask_explain_prints_the_frame_terms_and_passages(net_library) -> None:
    home = net_library.settings.home
    result = CliRunner().invoke(main, ["ask", REFERENCE, "--explain", "--home", str(home)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "topic:      Neuroendocrine Tumors" in out
    assert "intent:     management" in out
    assert "Search terms (weight)" in out and "(phrase)" in out
    assert "off topic: its source is about another topic" in out or "on topic" in out
    assert out.index("How the question was read") < out.index("## Bottom line")


class _PrefersTitle:
    """A reranker at the seam: a title is close to the question when it holds `word`, and
    as near as a title on the question's subject otherwise (not as far as unrelated text:
    question_topic.MIN_TITLE_MEANING). `read` is the most titles it read at once."""

    name = "prefers-title"

    def __init__(self, word: str, only_when: str = "") -> None:
        self.word = word
        self.only_when = only_when  # ...and the text it reads as the question holds this
        self.read: list[str] = []

    def closeness(self, question: str, statements: Sequence[str]) -> np.ndarray:
        self.read = max(self.read, list(statements), key=len)
        near = self.only_when in question.lower()
        return np.array([1.0 if near and self.word in s.lower() else 0.5 for s in statements])

    def alike(self, statements: Sequence[str]) -> np.ndarray:
        return np.eye(len(statements))


@pytest.mark.parametrize("word", ["pancreatic", "cardiac arrest"])
def test_a_reranker_chooses_the_topic_among_the_best_titles_only(net_library, word) -> None:
    query = read_question(REFERENCE, net_library)
    first = retrieve(net_library.store, query)
    documents = net_library.store.documents({h.passage.doc_id for h in first})
    prefers = _PrefersTitle(word)
    settled = settle_topic(
        query, first, documents, net_library.topics(), net_library.store, prefers
    )
    assert 1 < len(prefers.read) <= TITLE_POOL
    title = settled.frame.topic_title or ""
    assert main_title(title) in prefers.read  # only a title that names the question's topic
    if any(word in t.lower() for t in prefers.read):
        assert word in title.lower()
    assert "cardiac arrest" not in title.lower()  # never the trap: its title names no topic


def test_a_title_near_the_story_of_a_message_counts_as_near_as_its_asking_part(
    net_library,
) -> None:
    # The scan is told only in the story, not in the asking sentence: a reranker that finds
    # a title near only when it reads the scan chooses it all the same.
    message = (
        "Hello, my father had a scan of his pancreas last spring and they found a mass. "
        f"He is 70 and feels well. {REFERENCE} Thanks so much."
    )
    query = read_question(message, net_library)
    first = retrieve(net_library.store, query)
    documents = net_library.store.documents({h.passage.doc_id for h in first})
    prefers = _PrefersTitle("gastrointestinal", only_when="scan of his pancreas")
    settled = settle_topic(
        query, first, documents, net_library.topics(), net_library.store, prefers
    )
    assert any("gastrointestinal" in t.lower() for t in prefers.read)
    assert "gastrointestinal" in (settled.frame.topic_title or "").lower()


class _Unrelated(_PrefersTitle):
    """A reranker at the seam that reads every title as far from the question as unrelated
    text is ("Keep your eyes healthy" for "she keeps getting nosebleeds")."""

    def closeness(self, question: str, statements: Sequence[str]) -> np.ndarray:
        self.read = max(self.read, list(statements), key=len)
        return np.full(len(statements), 0.1)


def test_a_best_title_that_means_nothing_the_question_asks_names_no_topic(net_library) -> None:
    query = read_question(REFERENCE, net_library)
    first = retrieve(net_library.store, query)
    documents = net_library.store.documents({h.passage.doc_id for h in first})
    topics = net_library.topics()
    far = settle_topic(query, first, documents, topics, net_library.store, _Unrelated("x"))
    assert far.frame.topic is None and not far.frame.topic_docs
    assert far.frame.focus  # what the question asks about is still read
    near = settle_topic(query, first, documents, topics, net_library.store, _PrefersTitle("x"))
    assert near.frame.topic is not None
    # a reranker that reads no meaning (GUIDECITE_RERANKER=none) reads no title as far
    unread = settle_topic(query, first, documents, topics, net_library.store, NoReranker())
    assert unread.frame.topic == near.frame.topic


def test_a_source_on_another_numbered_kind_of_the_topic_is_about_it_in_every_sentence() -> None:
    asked = "What is the target HbA1c for older adults with type 2 diabetes?"
    frame = Frame("Type 2 diabetes", None, (), "threshold", ("older adult",))
    query = framed(asked, ("target", "HbA1c", "older", "adults", "type", "2", "diabetes"), frame)
    text = "Support adults to aim for a target HbA1c level of 48 mmol/mol (6.5%) or lower."
    other = "Type 1 diabetes in adults: diagnosis and management. Recommendations"
    own = "Type 2 diabetes in adults: management. Recommendations"
    assert off_topic_reason(query, text, "nice-t1", other) == (
        "it is about type 1 diabetes, which the question's patient does not have"
    )
    assert off_topic_reason(query, text, "nice-t2", own) is None


def test_a_section_on_another_degree_of_the_condition_is_about_it_in_every_sentence() -> None:
    asked = "Adult with mild intermittent asthma using only a reliever - is that acceptable?"
    frame = Frame("asthma", None, (), "management", ("adult", "mild"))
    query = framed(asked, ("mild", "intermittent", "asthma", "reliever"), frame)
    text = "Tiotropium: 5 mcg once daily; add-on for patients with exacerbations."
    severe = "Asthma Strategy 2024: Severe Asthma and Biologic Therapies"
    reason = off_topic_reason(query, text, "gina-severe", severe)
    assert reason == "it is about severe disease, which the question's patient does not have"
    assert (
        off_topic_reason(query, text, "gina-steps", "Asthma Strategy 2024: Stepwise Therapy")
        is None
    )


def test_whom_a_statement_names_is_whom_it_is_about_whatever_its_guideline_covers() -> None:
    asked = "Adult with head injury and GCS 12 in ED - how quickly should CT head be done?"
    frame = Frame("head injury", None, (), "timing", ("adult",))
    query = framed(asked, ("head", "injury", "GCS", "CT"), frame)
    title = "Head injury: assessment and early management in children, young people and adults"
    children = (
        "For children who have sustained a head injury, perform a CT head scan within 1 hour."
    )
    adults = "For adults who have sustained a head injury, perform a CT head scan within 1 hour."
    nobody = "Perform a CT head scan within 1 hour of the risk factor being identified."
    assert off_topic_reason(query, children, "nice-head", title) == (
        "it is about child, which the question's patient is not"
    )
    assert off_topic_reason(query, adults, "nice-head", title) is None
    assert off_topic_reason(query, nobody, "nice-head", title) is None
    # one that names nobody is about its guideline's population
    assert off_topic_reason(query, nobody, "nice-head", "Head injury in children") is not None


def test_a_statement_or_a_section_on_another_stage_is_off_topic() -> None:
    asked = "What follow-up is recommended after resection of stage II melanoma?"
    frame = Frame("melanoma", None, (), "monitoring", ())
    query = framed(asked, ("follow-up", "resection", "stage", "melanoma"), frame)
    title = "Melanoma: assessment and management."
    other = "For people who have had stage IA melanoma, consider follow-up 2 to 4 times."
    assert off_topic_reason(query, other, "nice", title) == (
        "it is about stage IA, not the stage the question asks about"
    )
    held = "For people who have had stage IB to IIB melanoma, consider follow-up every 3 months."
    assert off_topic_reason(query, held, "nice", title) is None
    # a section on another stage is about it in every sentence
    assert off_topic_reason(query, "Offer follow-up.", "nice", f"{title} Stage IV melanoma")


def test_a_section_on_care_in_hospital_is_off_topic_for_an_outpatient_and_so_the_reverse() -> None:
    asked = "Which antibiotic for a chest infection in an otherwise well adult outpatient?"
    frame = Frame("chest infection", None, (), "management", ("adult",))
    query = framed(asked, ("antibiotic", "chest", "infection", "outpatient"), frame)
    title = "Antibiotics for chest infections High Severity (score 3-5, inpatient/ICU)"
    iv = "First-line: a penicillin given IV with a macrolide IV."
    assert off_topic_reason(query, iv, "g", title) == (
        "it is about inpatient care, which is not where the question's patient is"
    )
    # a section for both places, or one that names neither, is about the patient too
    both = "Antibiotics for chest infections Moderate Severity (outpatient or inpatient ward)"
    assert off_topic_reason(query, iv, "g", both) is None
    assert off_topic_reason(query, iv, "g", "Antibiotics for chest infections") is None
    ward = "Which antibiotic for a chest infection in an adult inpatient on the ward?"
    in_ward = framed(ward, ("antibiotic", "chest", "infection", "inpatient"), frame)
    at_home = "Antibiotics for chest infections Low Severity (outpatient)"
    assert off_topic_reason(in_ward, "First-line: a penicillin by mouth.", "g", at_home) == (
        "it is about outpatient care, which is not where the question's patient is"
    )


def test_screening_for_a_condition_the_patient_has_had_is_about_other_people() -> None:
    asked = "What should be done for a man treated for prostate cancer whose PSA is now raised?"
    frame = Frame("prostate-specific antigen", None, (), "management", ("male",))
    query = framed(asked, ("treated", "prostate", "cancer", "PSA", "raised"), frame)
    title = "Recommendations on screening for prostate cancer with the PSA test."
    rule = "For men aged less than 55 years, the Task Force recommends not screening."
    assert off_topic_reason(query, rule, "g", title) == (
        "it is about screening for prostate cancer, which the question's patient has had"
    )
    assert off_topic_reason(query, rule, "g", "Prostate Cancer Screening (PDQ®) - NCI") == (
        "it is about screening for Prostate Cancer, which the question's patient has had"
    )
    # follow-up after treatment is about him; so is screening for another condition
    after = "After treatment, patients are followed with serum PSA measurements."
    assert off_topic_reason(query, after, "g", "Prostate cancer: follow-up") is None
    assert off_topic_reason(query, rule, "g", "Screening for colorectal cancer") is None
    # a relative's history, or a treatment asked about, is no condition the patient has had
    family = "My brother has a family history of prostate cancer: is PSA screening for him?"
    relative = framed(family, ("family", "history", "prostate", "cancer", "PSA"), frame)
    assert off_topic_reason(relative, rule, "g", title) is None
    # the people screened are not what is screened for: a history of smoking is no lung cancer
    smoked = "History of smoking, 30 pack-years: should he be screened for lung cancer?"
    smoker = framed(smoked, ("history", "smoking", "screened", "lung", "cancer"), frame)
    lung = "The USPSTF recommends screening for lung cancer in adults with a smoking history."
    assert off_topic_reason(smoker, lung, "g", "Lung cancer screening") is None
    treatment = "What is the treatment for prostate cancer found on PSA screening?"
    asking = framed(treatment, ("treatment", "prostate", "cancer", "PSA"), frame)
    assert off_topic_reason(asking, rule, "g", title) is None


def test_a_statement_on_a_relapse_is_off_topic_for_a_first_line_question() -> None:
    asked = "Hairy cell leukaemia in a fit patient: what is the standard first-line regimen?"
    frame = Frame("hairy cell leukemia", None, (), "management", ())
    query = framed(asked, ("hairy", "cell", "leukaemia", "regimen"), frame)
    relapse = (
        "Patients with hairy cell leukemia who have a relapse after the first course of "
        "cladribine often respond well to re-treatment with the same purine analogue."
    )
    first = "The standard initial therapy for hairy cell leukemia was cladribine for 5 days."
    title = "Hairy Cell Leukemia Treatment"
    assert off_topic_reason(query, relapse, "hcl", title) == (
        "it is about relapsed or refractory disease, which the question's patient does not have"
    )
    assert off_topic_reason(query, first, "hcl", title) is None
    # a section on refractory disease is about it, where a statement does not name the first
    # line too
    assert off_topic_reason(query, "Offer cladribine.", "hcl", f"{title} Refractory HCL")
    assert off_topic_reason(query, first, "hcl", f"{title} Relapsed or Refractory HCL") is None
    # a question on a relapse is not read the other way round
    again = framed("Relapsed hairy cell leukaemia: which regimen?", ("hairy", "regimen"), frame)
    assert off_topic_reason(again, first, "hcl", title) is None


def test_a_statement_on_its_source_s_unnamed_subject_is_about_that_subject() -> None:
    """ "This infection" in a page on tularemia is tularemia: for a question that names
    neither it nor the page's subject, the statement is about something else, though it
    names the drug asked about."""
    frame = Frame(None, None, ("tetracycline",), "cautions", ())
    query = framed("Is it safe to take outdated tetracycline?", ("outdated", "tetracycline"), frame)
    text = "Streptomycin and tetracycline are commonly used to treat this infection."
    title = "What are the treatments for Tularemia ? (Also called: Rabbit fever)"
    assert off_topic_reason(query, text, "tularemia", text, title) == (
        "it speaks of its source's own subject (What are the treatments for Tularemia ?) "
        "without naming it"
    )
    # named in the statement, or by the question, it is not hidden
    named = "Tularemia is treated with streptomycin; tetracycline also cures this infection."
    assert off_topic_reason(query, named, "tularemia", named, title) is None
    asked = framed("Tularemia: is outdated tetracycline safe?", ("tularemia",), frame)
    assert off_topic_reason(asked, text, "tularemia", text, title) is None
    # a passage read whole (no title given) is not judged by its sentences' words
    assert off_topic_reason(query, text, "tularemia", text) is None
    # the topic's own documents speak of the topic
    topical = replace(frame, topic="Tularemia", topic_docs=frozenset({"tularemia"}))
    own = framed("Tularemia: is outdated tetracycline safe?", ("tetracycline",), topical)
    assert off_topic_reason(own, text, "tularemia", f"{title} {text}", title) is None


def test_a_statement_on_another_kind_of_the_topic_s_subject_is_off_topic() -> None:
    """ "Affected individuals" on the page for the autosomal dominant form are not the
    question's patients with the X-linked form, though both pages are on the topic."""
    topic = "X-linked congenital stationary night blindness"
    frame = Frame(topic, topic, (), "prognosis", (), topic_docs=frozenset({"xl", "ad", "csnb"}))
    asked = f"{topic}: will we be able to see like normal ones?"
    query = framed(asked, ("X-linked", "congenital", "stationary", "night", "blindness"), frame)
    text = "Affected individuals have normal daytime vision and no other vision problems."
    other = "autosomal dominant congenital stationary night blindness"
    assert off_topic_reason(query, text, "ad", f"{other} {text}", other) == (
        f"it speaks of {other}, another kind than the question's"
    )
    # the question's own kind, or a broader name
    assert off_topic_reason(query, text, "xl", f"{topic} {text}", topic) is None
    broader = "Congenital stationary night blindness"
    assert off_topic_reason(query, text, "csnb", f"{broader} {text}", broader) is None
    # a statement that names its subject does not hide it, and is about that other kind
    named = "In the autosomal dominant form, affected individuals have normal daytime vision."
    assert off_topic_reason(query, named, "ad", f"{other} {named}", other) == (
        f"its source is about {other}, another kind than the question's"
    )


def test_a_statement_on_a_narrower_kind_of_the_topic_is_off_topic() -> None:
    """ "People with juvenile ALS can have a normal life expectancy" does not tell the life
    expectancy of someone with ALS: its page is on a kind the question never names."""
    topic = "amyotrophic lateral sclerosis"
    narrower = "Juvenile amyotrophic lateral sclerosis"
    frame = Frame(topic, "Amyotrophic lateral sclerosis", (), "prognosis", ())
    frame = replace(frame, narrower=(narrower.casefold(),))
    kind = narrower.casefold()
    query = framed("what is the life expectancy of someone with ALS", ("life", "ALS"), frame)
    text = "People with juvenile ALS can have a normal life expectancy."
    assert off_topic_reason(query, text, "jals", f"{narrower} {text}", narrower) == (
        f"it is about {kind}, a narrower kind than the question's"
    )
    # a page's kind after the kind's name
    treated = f"{narrower} Treatment"
    assert off_topic_reason(query, text, "t", f"{treated} {text}", treated) == (
        f"it is about {kind}, a narrower kind than the question's"
    )
    # a statement of that page that does not name the kind, another page, and a frame
    # that sets no kind apart
    plain = "Most people with ALS die from respiratory failure."
    assert off_topic_reason(query, plain, "jals", f"{narrower} {plain}", narrower) is None
    familial = "Familial amyotrophic lateral sclerosis"
    assert off_topic_reason(query, text, "fals", f"{familial} {text}", familial) is None
    unset = framed(query.question, ("life", "ALS"), replace(frame, narrower=()))
    assert off_topic_reason(unset, text, "jals", f"{narrower} {text}", narrower) is None


def test_the_narrower_kinds_are_read_from_every_document_found(net_library) -> None:
    """The reference question names NETs, not pancreatic ones: the pancreatic summary is a
    narrower kind in this library, and its statements that name it are not the answer; a
    question on pancreatic NETs sets no such kind apart."""
    query, _, documents = find_passages(
        read_question(REFERENCE, net_library), net_library, "clinician"
    )
    kind = "pancreatic neuroendocrine tumors"
    assert kind in query.frame.narrower
    pancreatic = next(d for d in documents.values() if main_title(d.title).startswith("Pancrea"))
    naming = "Pancreatic neuroendocrine tumors form in hormone-making cells of the pancreas."
    assert off_topic_reason(
        query, naming, pancreatic.doc_id, pancreatic.title, pancreatic.title
    ) == (f"it is about {kind}, a narrower kind than the question's")
    unnamed = "Chromogranin A levels are raised in most neuroendocrine tumors."
    title = pancreatic.title
    assert off_topic_reason(query, unnamed, pancreatic.doc_id, title, title) is None
    asked = "Mildly elevated NSE in a patient treated for pancreatic neuroendocrine tumors?"
    own, _, _ = find_passages(read_question(asked, net_library), net_library, "clinician")
    assert kind not in own.frame.narrower


class _Counted:
    """A store's passage counts of phrases (the seam narrower_kinds reads)."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts

    def doc_freq(self, phrase: str) -> int:
        return self.counts[phrase.casefold()]


def test_the_words_that_narrow_a_title_s_subject_stand_right_before_its_name() -> None:
    name = "neuroendocrine tumors"
    title = "Gastrointestinal Neuroendocrine Tumors Treatment (PDQ®) - NCI"
    assert written(narrowing_words(title, name)) == "Gastrointestinal"
    age = narrowing_words("Age-related macular degeneration", "macular degeneration")
    assert written(age) == "Age-related" and len(age) == 2  # a compound's two terms, once
    assert narrowing_words("Care of the patient with neuroendocrine tumors", name) == ()
    assert narrowing_words("What causes How to stop smoking", "smoking") == ()  # "stop"
    assert narrowing_words("Neuroendocrine Tumors", name) == ()
    assert narrowing_words("Carcinoid tumors", name) == ()


def test_narrower_kinds_are_those_the_library_names_less_often_than_the_topic() -> None:
    """A kind the question does not name is narrower where the library mostly names the
    topic without its words: "juvenile" ALS, not "infective" endocarditis."""
    topic = "amyotrophic lateral sclerosis"
    frame = Frame(topic, "Amyotrophic lateral sclerosis", (), "prognosis", ())
    query = framed("what is the life expectancy of someone with ALS", ("life", "ALS"), frame)
    titles = [
        "Juvenile amyotrophic lateral sclerosis",
        "Familial amyotrophic lateral sclerosis (FALS)",
        "Adult amyotrophic lateral sclerosis",
        "Amyotrophic Lateral Sclerosis Treatment",
        "Practice parameter: the care of the patient with amyotrophic lateral sclerosis",
        "Care of the patient with amyotrophic lateral sclerosis",
    ]
    store = _Counted(
        {
            topic: 100,
            f"juvenile {topic}": 4,
            f"familial {topic}": 60,  # the library's usual name
            f"adult {topic}": 1,
            f"practice parameter care patient {topic}": 1,
        }
    )
    found = narrower_kinds(query, titles, store)
    assert "juvenile amyotrophic lateral sclerosis" in found
    assert "familial amyotrophic lateral sclerosis" not in found  # usually so named
    assert "adult amyotrophic lateral sclerosis" not in found  # a patient of no stated age
    assert len(found) == 1  # a page's kind, or a phrase before "with", narrows nothing
    # a question that says the kind's words or names its patient, and the topic's own kind
    for asked, qualifiers in (("juvenile ALS: life expectancy?", ()), ("my son has ALS", ())):
        other = framed(asked, ("ALS",), replace(frame, qualifiers=qualifiers))
        assert "juvenile amyotrophic lateral sclerosis" not in narrower_kinds(other, titles, store)
    child = framed(
        "life expectancy of a 12-year-old with ALS?",
        ("ALS",),
        replace(frame, qualifiers=("child",)),
    )
    assert "juvenile amyotrophic lateral sclerosis" not in narrower_kinds(child, titles, store)
    own = replace(frame, topic_title="Juvenile amyotrophic lateral sclerosis")
    assert narrower_kinds(framed(query.question, ("ALS",), own), titles, store) == ()


def test_a_narrower_kind_of_the_topic_the_question_does_not_name_is_not_its_title() -> None:
    """The best title for "life expectancy of someone with ALS" may be the page on juvenile
    ALS (its passages say "ALS" and "life expectancy"); the topic is the broader page's, so
    that the patient is not taken for a child."""
    index = TopicIndex(
        [
            ("jals", "Juvenile amyotrophic lateral sclerosis"),
            ("als", "Amyotrophic lateral sclerosis"),
        ]
    )
    frame = Frame(None, None, (), "prognosis", ())
    query = framed("what is the life expectancy of someone with ALS", ("life", "ALS"), frame)
    assert broadest_asked(query, ["jals", "als"], index) == "als"
    assert broadest_asked(query, ["als", "jals"], index) == "als"
    juvenile = framed("life expectancy in juvenile ALS?", ("juvenile", "ALS"), frame)
    assert broadest_asked(juvenile, ["jals", "als"], index) == "jals"
    child = replace(frame, qualifiers=("child",))
    young = framed("life expectancy of a 12-year-old with ALS?", ("ALS",), child)
    assert broadest_asked(young, ["jals", "als"], index) == "jals"


def slnb_question() -> tuple[TopicIndex, Frame, Query]:
    index = TopicIndex(
        [
            ("asco", "Sentinel lymph node biopsy for patients with early-stage breast cancer"),
            ("breast", "Breast Cancer"),
            ("melanoma", "Melanoma"),
            ("sarcoma", "Childhood Soft Tissue Sarcoma Treatment"),
        ]
    )
    frame = Frame(
        "Sentinel lymph node biopsy",
        index.titles["asco"],
        (),
        "definition",
        (),
        topic_docs=frozenset({"asco"}),
    )
    words = ("role", "sentinel", "lymph", "node", "biopsy", "early-stage", "breast", "cancer")
    query = replace(
        framed(
            "What is the role of sentinel lymph node biopsy in early-stage breast cancer?",
            words,
            frame,
        ),
        concepts=tuple((1.0, (frozenset(terms(w)),)) for w in words),
    )
    return index, frame, query


def test_the_condition_the_topic_s_title_gives_it_and_the_question_names_is_its_setting() -> None:
    index, frame, query = slnb_question()
    setting = topic_setting(query, frame, index)
    assert [name for name, _ in setting] == ["breast cancer"]
    # a run the library titles by itself only: "early-stage breast cancer" is no title, and
    # "early-stage" alone none either
    assert len(setting[0][1]) == 2
    # nor from the story, nor a word of the topic's own name, nor without a title on it
    story = replace(
        query,
        question="My aunt had breast cancer. What is a sentinel lymph node biopsy?",
        text="My aunt had breast cancer. What is a sentinel lymph node biopsy?",
    )
    assert topic_setting(story, frame, index) == ()
    untitled = TopicIndex([(d, t) for d, t in index.titles.items() if d != "breast"])
    assert topic_setting(query, frame, untitled) == ()
    assert topic_setting(query, replace(frame, topic_title=None), index) == ()


def test_a_statement_on_the_topic_for_another_condition_is_off_the_question() -> None:
    index, frame, query = slnb_question()
    asked = replace(query, topic_setting=topic_setting(query, frame, index))
    sarcoma = (
        "Sentinel lymph node biopsy as a staging procedure in soft tissue sarcoma remains "
        "controversial."
    )
    context = "Childhood Soft Tissue Sarcoma Treatment Special considerations"
    assert off_topic_reason(asked, sarcoma, "sarcoma", context) == (
        "it does not speak of 'breast cancer', the condition the question asks about"
    )
    # its own source names the condition for every sentence; a sentence may name it itself
    ascos = "Clinicians should not recommend ALND for women with one or two sentinel nodes."
    assert off_topic_reason(asked, ascos, "asco", index.titles["asco"]) is None
    named = "The incidence increased for up to 2 years after breast cancer surgery."
    assert (
        off_topic_reason(asked, named, "lymphedema", "Lymphedema (PDQ) sentinel lymph node biopsy")
        is None
    )
    # without a setting, the same statement names the topic and stays
    assert off_topic_reason(query, sarcoma, "sarcoma", context) is None


def test_a_word_the_library_never_mentions_is_the_topic_s_title_word_in_its_place() -> None:
    """ "Clostridioides difficile" is the library's "Clostridium difficile" (renamed since):
    a name the library writes otherwise, not a subject it lacks."""
    title = (
        "Guidelines for diagnosis, treatment, and prevention of Clostridium difficile infections."
    )
    frame = replace(
        Frame("difficile infections", title, (), "management", ()), uncovered=("Clostridioides",)
    )
    asked = "What is the treatment of choice for Clostridioides difficile infection?"
    read = titled_otherwise(asked, frame)
    assert read.uncovered == ()
    assert [(c.written, c.corrected) for c in read.corrections] == [
        ("Clostridioides", "Clostridium")
    ]
    assert read.topic == "Clostridium difficile infections"
    # a word that begins otherwise, or does not stand where the title's word does
    other = replace(frame, uncovered=("Bacteroides",))
    assert titled_otherwise(asked.replace("Clostridioides", "Bacteroides"), other) == other
    apart = "Clostridioides: what is the treatment of choice for difficile infection?"
    assert titled_otherwise(apart, frame) == frame


def test_a_guideline_on_another_kind_of_the_question_s_condition_is_not_evidence() -> None:
    """A guideline on social anxiety disorder does not answer a question on generalized
    anxiety disorder: its title names the same condition with a kind word the question never
    says, and the question's kind word is not in it."""
    frame = Frame("Anxiety Disorders", "Anxiety Disorders", (), "management", ())
    asked = "What is the first-line treatment for generalized anxiety disorder?"
    query = framed(asked, ("first-line", "treatment", "generalized", "anxiety", "disorder"), frame)
    title = "Social anxiety disorder: recognition, assessment and treatment."
    text = "If the depression is treated first, treat the social anxiety disorder afterwards."
    assert off_topic_reason(query, text, "sad", f"{title} {text}", title) == (
        "its source is about Social anxiety disorder, another kind than the question's"
    )
    # the statement names the question's kind too, the title is the condition's broad
    # name, or the question names the title's kind itself
    both = "Generalized anxiety disorder and social anxiety disorder respond to SSRIs."
    assert off_topic_reason(query, both, "sad", f"{title} {both}", title) is None
    broad = "Anxiety Disorders"
    assert off_topic_reason(query, text, "ad", f"{broad} {text}", broad) is None
    social = framed(
        "Generalized or social anxiety disorder: which is more common?",
        ("generalized", "social", "anxiety", "disorder"),
        frame,
    )
    assert off_topic_reason(social, text, "sad", f"{title} {text}", title) is None
    # a number is a kind word: type 1 diabetes is not the question's type 2
    typed = Frame("Type 2 diabetes", "Type 2 diabetes", (), "management", ())
    second = framed("How is type 2 diabetes treated?", ("type", "2", "diabetes"), typed)
    insulin = "Offer multiple daily injection basal-bolus insulin regimens."
    assert off_topic_reason(second, insulin, "t1", f"Type 1 diabetes {insulin}", "Type 1 diabetes")
    pregnancy = "Diabetes in pregnancy"
    assert off_topic_reason(second, insulin, "dp", pregnancy, pregnancy) is None
    # an everyday word says how a thing is, not its kind; a word on the same root is a
    # broader name
    back = Frame("Back Pain", "Back Pain", (), "management", ())
    bad = framed("what can i do for my bad back pain", ("bad", "back", "pain"), back)
    low = "Low back pain"
    assert off_topic_reason(bad, "Stay active.", "lbp", low, low) is None
    colon = Frame("Colon Cancer", "Colon Cancer", (), "test", ())
    screen = framed("Is a rectal exam enough to screen for colon cancer?", ("colon",), colon)
    colorectal = "Colorectal Cancer Screening - NCI"
    assert off_topic_reason(screen, "DRE does not help.", "crc", colorectal, colorectal) is None
    after = Frame("prostatectomy", None, ("PSA",), "management", ())
    rising = framed("PSA rising after radical prostatectomy?", ("radical", "prostatectomy"), after)
    acr = "ACR Appropriateness Criteria® postradical prostatectomy irradiation in prostate cancer."
    assert off_topic_reason(rising, "Offer salvage radiotherapy.", "acr", acr, acr) is None
    # a word for the kind of answer is no kind ("avoid swelling"), nor is a word across a
    # bracket ("Scleroderma (Systemic Sclerosis)")
    swelling = Frame("swelling", None, ("swelling",), "management", ())
    avoid = framed("what shall i do to avoid swelling?", ("avoid", "swelling"), swelling)
    joint = "What to do for Joint swelling ?"
    assert off_topic_reason(avoid, "Apply ice.", "js", joint, joint) is None
    ssc = Frame("Systemic sclerosis", "Systemic scleroderma", (), "general", ())
    named = framed("Scleroderma (Systemic Sclerosis). What can I do?", ("Scleroderma",), ssc)
    limited = "Limited cutaneous systemic sclerosis"
    assert off_topic_reason(named, "Exercise helps.", "lc", limited, limited) is None


def test_a_statement_on_the_kind_the_question_sets_apart_is_off_topic() -> None:
    asked = "Non-muscle-invasive bladder cancer after TURBT: what maintenance therapy?"
    frame = Frame("bladder cancer", None, (), "management", ())
    query = framed(asked, ("muscle", "invasive", "bladder", "cancer", "maintenance"), frame)
    text = "Offer cisplatin-based neoadjuvant chemotherapy before cystectomy."
    section = "Bladder Cancer Treatment: Muscle-Invasive Bladder Cancer"
    reason = off_topic_reason(query, text, "pdq-bladder", section)
    assert reason == (
        "it is about muscle-invasive bladder, which the question's patient does not have"
    )
    assert off_topic_reason(query, text, "pdq-bladder", "Bladder Cancer Treatment") is None


def test_a_statement_on_patients_with_what_the_question_sets_aside_is_off_topic() -> None:
    asked = "What is the first-line treatment for pneumonia in an outpatient without comorbidities?"
    frame = Frame("pneumonia", None, (), "management", ())
    query = framed(asked, ("first-line", "treatment", "pneumonia", "outpatient"), frame)
    text = "Follow-up should be arranged, particularly for patients with comorbidities."
    assert off_topic_reason(query, text, "ats-cap", "Pneumonia in adults") == (
        "it is about patients with comorbidities, whom the question sets aside"
    )
    healthy = "For healthy outpatient adults without comorbidities, amoxicillin is recommended."
    assert off_topic_reason(query, healthy, "ats-cap", "Pneumonia in adults") is None


def test_a_source_on_what_the_question_sets_aside_is_off_topic_unless_it_is_the_topic_s() -> None:
    asked = "When is a statin indicated for a 55-year-old with LDL 160 mg/dL and no diabetes?"
    frame = Frame("statin", None, ("LDL",), "timing", (), topic_docs=frozenset({"uspstf"}))
    query = framed(asked, ("statin", "indicated", "LDL", "diabetes"), frame)
    row = "Patient Group: Age 40-75; Recommendation: High-intensity statin; LDL Target: < 70."
    title = "Standards of Care in Diabetes—2024: Cardiovascular Disease"
    assert off_topic_reason(query, row, "ada", title, title) == (
        "its source is about Diabetes, which the question sets aside"
    )
    # a source that sets it apart too, or one of the topic's own documents, stays
    apart = "Statin use in adults without diabetes"
    assert off_topic_reason(query, row, "other", apart, apart) is None
    own = "Statins and diabetes: final recommendation statement"
    assert off_topic_reason(query, row, "uspstf", own, own) is None


def test_a_statement_on_patients_lacking_what_the_question_s_patient_has_is_off_topic() -> None:
    asked = "Which patients with gallstones need cholecystectomy?"
    frame = Frame("gallstones", None, ("cholecystectomy",), "management", ())
    query = framed(asked, ("patients", "gallstones", "cholecystectomy"), frame)
    hida = "In patients without gallstones who have RUQ pain, cholecystectomy is recommended."
    assert off_topic_reason(query, hida, "acg", "Gallstone disease") == (
        "it is about patients without gallstones, whom the question does not describe"
    )
    symptomatic = "Offer laparoscopic cholecystectomy to people with symptomatic gallstones."
    assert off_topic_reason(query, symptomatic, "acg", "Gallstone disease") is None


def test_what_a_question_in_another_language_sets_aside_is_read_in_english() -> None:
    asked = "Paciente con fibrilación auricular y sin anticoagulación. ¿Cuándo revisar el riesgo?"
    frame = Frame("fibrillation", None, (), "timing", ())
    words = ("fibrilación", "auricular", "anticoagulación", "riesgo")
    query = framed(asked, words, frame)
    rendered = ("fibrillation", "auricular", "anticoagulation", "risk")
    concepts = tuple((1.0, (frozenset(terms(w)),)) for w in rendered)
    spanish = replace(query, language="es", concepts=concepts)
    text = "For people who are taking an anticoagulant, review the need for anticoagulation."
    assert off_topic_reason(spanish, text, "nice-af", "Atrial fibrillation") == (
        "it is about people who are taking an anticoagulant, whom the question sets aside"
    )
    # read in its own words alone, the question sets aside nothing a statement names
    assert off_topic_reason(query, text, "nice-af", "Atrial fibrillation") is None


def test_a_guideline_for_patients_with_another_condition_is_not_about_this_patient() -> None:
    asked = "15-year-old with moderate depression - can I just start an SSRI on its own?"
    frame = Frame("depression", None, (), "management", ())
    query = framed(asked, ("year", "moderate", "depression", "start", "SSRI"), frame)
    text = "An SSRI such as escitalopram should be the first resort."
    cancer = "The management of depression in patients with cancer."
    assert off_topic_reason(query, text, "cancer-dep", cancer) == (
        "its source is about patients with cancer, whom the question does not describe"
    )
    # the question names what sets them apart: the guideline is about its patient
    teen = "Depression in children and young people: identification and management."
    assert off_topic_reason(query, text, "nice-dep", teen) is None
    again = framed(f"{asked} She has cancer.", ("depression", "SSRI", "cancer"), frame)
    assert off_topic_reason(again, text, "cancer-dep", cancer) is None
    # survivors of a condition are patients with it
    heart = Frame("hypertension", None, (), "management", ())
    diabetes = framed("How should hypertension be managed in diabetes?", ("hypertension",), heart)
    manage = "Clinicians should actively manage hypertension in all patients."
    survivors = "Prevention of cardiac dysfunction in survivors of adult cancers: ASCO guideline."
    assert off_topic_reason(diabetes, manage, "asco", survivors) == (
        "its source is about survivors of adult cancers, whom the question does not describe"
    )


def test_a_guideline_for_hosts_or_recipients_named_by_a_condition_is_not_about_this_one() -> None:
    asked = "12-year-old starting HPV vaccination - how many doses and what spacing?"
    frame = Frame("vaccination", None, ("HPV",), "timing", ())
    query = framed(asked, ("year", "HPV", "vaccination", "doses", "spacing"), frame)
    text = "Consider administration of 3 doses of HPV vaccine 6-12 months after HSCT."
    host = "2013 IDSA clinical practice guideline for vaccination of the immunocompromised host."
    assert off_topic_reason(query, text, "idsa", host, host) == (
        f"its source ({main_title(host)}) is for patients the question does not describe"
    )
    alcohol = "Practice Guideline for the Pharmacological Treatment of Patients With Alcohol Use"
    assert off_topic_reason(query, text, "apa", alcohol, alcohol) is not None
    transplant = "Vaccination of kidney transplant recipients."
    assert off_topic_reason(query, text, "kt", transplant, transplant) is not None
    # patients named by a word before them say too little of a condition: their age,
    # where they are cared for, a word for them or for their lot
    for title in (
        "Vaccination of adolescent patients.",
        "Vaccination in hospitalized patients.",
        "Vaccination for Older Adults",
        "Vaccination in young people.",
        "Vaccination in surgical patients.",
        "Vaccination in these patients.",
        "Vaccination in symptomatic patients.",
    ):
        assert off_topic_reason(query, text, "other", title, title) is None, title
    # the question names them: the guideline is about its patient
    named = framed(f"{asked} She is immunocompromised.", ("HPV", "immunocompromised"), frame)
    assert off_topic_reason(named, text, "idsa", host, host) is None


def test_a_word_for_the_kind_of_answer_is_no_part_of_the_topic_s_name(net_library) -> None:
    # the title is "Hairy Cell Leukemia Treatment (PDQ)": "treatment" is what is asked for
    asked = "Hairy cell leukaemia needing treatment: what is the first-line purine analogue?"
    query = read_question(asked, net_library)
    first = retrieve(net_library.store, query)
    documents = net_library.store.documents({h.passage.doc_id for h in first})
    settled = settle_topic(query, first, documents, net_library.topics(), net_library.store)
    assert "treatment" in (settled.frame.topic_title or "").lower()
    assert settled.frame.topic == "Hairy Cell Leukemia"


def test_the_topic_s_own_passages_are_searched_for_what_is_asked_beyond_it(net_library) -> None:
    _, _, query = first_and_settled(net_library)
    keys = asked_in_topic(net_library.store, query)
    passages = net_library.store.passages(keys)
    assert keys and all(p.doc_id in query.frame.topic_docs for p in passages.values())
    assert any("NSE" in p.text or "enolase" in p.text.lower() for p in passages.values())


def test_what_to_do_about_a_raised_marker_is_led_by_a_test_on_the_topic(net_library) -> None:
    result = answer(REFERENCE, net_library)
    assert result.frame is not None and result.frame["intents"][:2] == ["management", "test"]
    lead = result.bottom_line[0].text
    assert intent_named("test").answers.search(lead), lead


def test_every_passage_found_within_the_topic_is_scored_again() -> None:
    fused = [Scored(key, 1.0, 0.5, 2.0 - key / 100, asked=key in {2, 95}) for key in range(100)]
    again = [s.key for s in to_score_again(fused, k=10)]
    assert again[:30] == list(range(30))  # RESCORED (3) per passage asked for
    assert again[30:] == [95]  # and the topic's own, wherever they fused


def test_a_passage_the_first_search_found_is_a_candidate_of_the_second(
    net_library, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, _, settled = first_and_settled(net_library)
    ranked = retrieve(net_library.store, settled)
    last = ranked[-1].key
    assert last is not None
    # Each search now reads only its single best passage: the last of the thirty is no
    # longer found, unless it is named as found before.
    for name in ("LEXICAL_K", "DENSE_K", "ASKED_K"):
        monkeypatch.setattr(f"guidecite.retrieval.{name}", 1)
    assert last not in {h.key for h in retrieve(net_library.store, settled)}
    assert last in {h.key for h in retrieve(net_library.store, settled, again=[last])}


def test_the_second_search_scores_again_what_the_first_found(
    net_library, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[list[int | None], list[int]]] = []

    def recorded(store, query, **options):  # type: ignore[no-untyped-def]
        hits = retrieve(store, query, **options)
        calls.append(([h.key for h in hits], sorted(options.get("again", ()))))
        return hits

    monkeypatch.setattr("guidecite.answer.retrieve", recorded)
    find_passages(read_question(REFERENCE, net_library), net_library, "clinician")
    (first, _), (_, again) = calls
    assert first and again == sorted(first)


def test_another_condition_s_statement_on_its_own_patients_is_off_topic() -> None:
    """A baby with a fever: "All caretakers of infants and children with SCD should take
    their child to their doctor ... when their child has a fever" names the fever, but is
    said of children with sickle cell disease, from that disease's page."""
    frame = Frame("Fever", "Fever", (), "escalation", (), topic_docs=frozenset({"fever"}))
    query = framed(
        "my baby has a fever of 39, when should I go to the hospital",
        ("baby", "fever", "39", "go", "hospital"),
        frame,
    )
    scd = (
        "All caretakers of infants and children with SCD should take their child to their "
        "doctor or go to a hospital right away when their child has a fever."
    )
    title = "Sickle Cell Disease"
    assert off_topic_reason(query, scd, "scd", f"{title} {scd}", title) == (
        "it is about children with SCD, whom the question does not describe"
    )
    # on the topic's own page, or said of the question's patients, it bears on the question
    assert off_topic_reason(query, scd, "fever", f"Fever {scd}", "Fever") is None
    babies = "Babies with a fever of 38C or higher should be seen by a doctor right away."
    assert off_topic_reason(query, babies, "scd", f"{title} {babies}", title) is None
