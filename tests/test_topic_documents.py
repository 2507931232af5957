"""The topic's documents: those whose titles name the topic as its phrase does, every word of
the name that weighs like its weightiest ("Hairy Cell Leukemia", not "Hairy tongue"), and
not words of the phrase much commoner than it; and those whose titles are a broader name
within the topic's ("Tremor" for essential tremor).

A small real library (SQLite, tantivy, vectors) of pages written for the test."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ingested_home
from guidecite.abbreviations import Expansion
from guidecite.answer import answer, find_passages, open_library, read_question
from guidecite.frame import Frame
from guidecite.library import Library
from guidecite.question_topic import called_otherwise, misreads_acronym, subject_name
from guidecite.settings import Settings
from guidecite.types import ANSWERED
from query_support import framed

PAGES = {
    "hcl.md": "# Hairy Cell Leukemia\n\n## Treatment\n\n"
    "Cladribine is the first treatment offered for hairy cell leukemia.\n",
    "hcl-patient.md": "# Hairy cell leukemia\n\n## Outlook\n\n"
    "Most people with hairy cell leukemia respond to treatment.\n",
    "tongue.md": "# Hairy tongue\n\n## Treatment\n\n"
    "Brushing the tongue is the first treatment offered for a hairy tongue.\n",
    "elbows.md": "# Hairy elbows\n\n## What is it?\n\n"
    "Hairy elbows is a rare condition: each hair cell on the elbows grows long.\n",
    "cll.md": "# Chronic Lymphocytic Leukemia\n\n## Treatment\n\n"
    "Chronic lymphocytic leukemia is a cancer of a white blood cell.\n",
    "aml.md": "# Acute Myeloid Leukemia\n\n## Treatment\n\n"
    "Chemotherapy is essential for acute myeloid leukemia: it acts in the cell cycle.\n",
    "cml.md": "# Chronic Myeloid Leukemia\n\n## Treatment\n\n"
    "Chronic myeloid leukemia is treated with drugs that target the cell.\n",
    "et.md": "# Essential tremor\n\n## Treatment\n\n"
    "Essential tremor may be treated with a beta blocker.\n",
    "tremor.md": "# Tremor\n\n## Treatment\n\n"
    "Essential tremor may be treated with propranolol; other tremors are treated by cause.\n",
    "drug-tremor.md": "# Drug-induced tremor\n\n## Treatment\n\n"
    "Stopping the drug that causes the tremor is the first treatment.\n",
    "nutrition.md": "# Nutrition\n\n## Essential nutrients\n\n"
    "Essential amino acids and essential fatty acids come from food; water is essential too.\n",
    "all.md": "# Acute Lymphoblastic Leukemia\n\n## Treatment\n\n"
    "Acute lymphoblastic leukemia starts in a young white blood cell.\n",
    "zorblax.md": "# Zorblax disease (Also called: Quenching fever; Vrelt syndrome)\n\n"
    "## What is it?\n\nZorblax disease makes a person tire after meals.\n",
    "zorblax-causes.md": "# Causes of Zorblax disease\n\n## Causes\n\n"
    "Zorblax disease is caused by a change in one gene that is passed down. "
    "It can change the color of feces.\n",
    "ppd.md": "# Postpartum Depression\n\n## Symptoms\n\n"
    "The symptoms of postpartum depression begin within the first year after childbirth.\n",
    "depression.md": "# Depression\n\n## Symptoms\n\n"
    "Symptoms of depression include sadness and loss of interest.\n",
    "old-depression.md": "# Depression in Older Adults\n\n## Symptoms\n\n"
    "Depression in older adults may show as memory problems.\n",
    "tmau.md": "# Trimethylaminuria\n\n## Treatment\n\n"
    "Trimethylaminuria has no cure; a diet low in choline lessens the odor. "
    "The TMAU support group helps people cope.\n",
    "emergency-oxygen.md": "# Oxygen use in emergency settings\n\n## Treatment\n\n"
    "In emergency settings oxygen is treated as a drug: breathless patients are treated "
    "with oxygen in the emergency setting before a prescription is written.\n",
    "quorva.md": "# Parasites - Quorvosis (Quorva infection)\n\n## What is it?\n\n"
    "Quorva infection is caught from soil; most people never feel ill.\n",
    "quorvosis-pregnancy.md": "# Quorvosis in pregnancy: screening and treatment\n\n"
    "## Recommendations\n\nWhen the fetus is infected, zentamycin should be offered.\n",
    "brelnoxin.md": "# Kelvo-stimulating agents (brelnoxin) for treating tiredness in people "
    "with quorvosis having surgery\n\n## Recommendations\n\nKelvo-stimulating agents such as "
    "brelnoxin are recommended for tiredness in people with quorvosis having surgery.\n",
    "tiredness-heart.md": "# Treatment of tiredness in patients with heart disease\n\n"
    "## Recommendations\n\nDo not use brelnoxin for tiredness in patients with heart failure.\n",
    "feces.md": "# Feces\n\n## What is it?\n\nFeces can smell strongly after some foods.\n",
    "oic.md": "# Opioid-induced constipation\n\n## Treatment\n\n"
    "Laxatives are the first treatment for opioid-induced constipation: they soften feces.\n",
    "gi.md": "# Gastrointestinal complications\n\n## Constipation\n\n"
    "Methylnaltrexone 0.15 mg/kg subcutaneously treats opioid-induced constipation. "
    "Hard feces are common.\n",
}


@pytest.fixture(scope="module")
def hairy_library(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root: Path = tmp_path_factory.mktemp("hairy-corpus")
    for name, text in PAGES.items():
        (root / name).write_text(text, encoding="utf-8")
    home = ingested_home(root, tmp_path_factory.mktemp("hairy-home"))
    library = open_library(Settings(home=home, starter=False))
    yield library
    library.close()


def topic_of(question: str, library: Library, audience: str = "clinician") -> tuple[str, set[str]]:
    """The question's topic (it must have one) and the titles of the topic's documents."""
    query, _, _ = find_passages(read_question(question, library), library, audience)
    assert query.frame.topic is not None
    documents = library.store.documents(set(query.frame.topic_docs))
    return query.frame.topic, {doc.title for doc in documents.values()}


def test_the_topic_s_documents_name_every_rare_word_of_its_name(hairy_library) -> None:
    question = "What is the first treatment for hairy cell leukemia?"
    topic, titles = topic_of(question, hairy_library)
    assert "hairy" in topic.casefold()
    assert titles == {"Hairy Cell Leukemia", "Hairy cell leukemia"}


def test_a_broader_name_within_the_topic_s_is_one_of_its_documents(hairy_library) -> None:
    # "Tremor" names the topic's weightiest word and nothing the topic's name does not hold:
    # a page on tremor in general covers essential tremor; a page on another kind does not
    question = "What is the best treatment for essential tremor?"
    _, titles = topic_of(question, hairy_library)
    assert titles == {"Essential tremor", "Tremor"}


def test_a_topic_asked_by_another_name_a_title_lists_has_the_documents_of_its_own_name(
    hairy_library,
) -> None:
    # the question names the topic by a name the title lists ("Also called"): the pages on
    # the title's own name are the topic's too
    question = "What causes quenching fever?"
    _, titles = topic_of(question, hairy_library)
    assert "Causes of Zorblax disease" in titles


def test_a_topic_asked_by_another_name_a_title_lists_is_named_by_the_title_s_own(
    hairy_library,
) -> None:
    # "quenching fever" is what the question calls Zorblax disease: the article is on
    # Zorblax disease, as the library names it
    topic, _ = topic_of("What causes quenching fever?", hairy_library)
    assert topic == "Zorblax disease"
    # a title's own name is kept as the title writes it, its page's kind left out
    assert subject_name("What are the treatments for Foot, leg, and ankle swelling ?") == (
        "Foot, leg, and ankle swelling"
    )
    assert subject_name("What is (are) Diabetes Type 1 ? (Also called: Juvenile diabetes)") == (
        "Diabetes Type 1"
    )
    # asked by the title's own name, or by one word of another, the phrase stands
    title = "Zorblax disease (Also called: Quenching fever; Vrelt syndrome)"
    assert not called_otherwise("What is zorblax disease?", title, "Zorblax disease")
    assert not called_otherwise("Is a fever after meals zorblax?", title, "zorblax")


def test_a_topic_asked_by_the_name_a_title_gives_in_brackets_has_the_documents_of_its_own(
    hairy_library,
) -> None:
    # "Quorvosis (Quorva infection)": the question's "quorva infection" is quorvosis, so the
    # guideline on quorvosis in pregnancy is on the topic, and a question on the fetus is
    # answered from it, not declined because the one page titled with the question's words
    # never mentions a fetus
    question = "Pregnant woman with a quorva infection and an infected fetus: what treatment?"
    _, titles = topic_of(question, hairy_library)
    assert "Quorvosis in pregnancy: screening and treatment" in titles
    result = answer(question, hairy_library)
    assert result.status == ANSWERED
    assert "zentamycin" in " ".join(s.text for s in result.statements)


def test_a_title_for_patients_with_a_condition_the_question_never_names_is_not_its_topic(
    hairy_library,
) -> None:
    # the drug's rare name is in one title only, but that guideline is for people with
    # another condition: the guideline on the question's own patients is the topic
    question = (
        "Patient with heart failure and mild tiredness: should we start a kelvo-stimulating "
        "agent such as brelnoxin?"
    )
    query, _, _ = find_passages(read_question(question, hairy_library), hairy_library, "clinician")
    assert query.frame.topic_title == "Treatment of tiredness in patients with heart disease"
    result = answer(question, hairy_library)
    assert result.bottom_line[0].text.startswith("Do not use brelnoxin")


def test_a_word_for_patients_names_the_topic_beside_its_neighbour(hairy_library) -> None:
    # "postpartum" alone says who the patient is; beside "depression" it is the condition's
    # name, as a title writes it: pages on depression in other groups are not the topic's
    question = "What are the symptoms of postpartum depression?"
    topic, titles = topic_of(question, hairy_library)
    assert "postpartum" in topic.casefold()
    assert "Postpartum Depression" in titles and "Depression in Older Adults" not in titles


def test_a_rare_name_no_title_gives_names_the_pages_whose_text_uses_it(hairy_library) -> None:
    # "TMAU" is in one passage of the trimethylaminuria page and in no title: that page is
    # the topic, named by its own title, not the page whose title names another word
    question = "TMAU: how can it be cured? I smell like fish and feces every day."
    assert topic_of(question, hairy_library, "patient")[0] == "Trimethylaminuria"
    # a drug the text names beside a condition some title names leaves that title the topic
    question = "Opioid-induced constipation: what is the dose of methylnaltrexone?"
    assert topic_of(question, hairy_library)[0].casefold() == "opioid-induced constipation"


def test_where_care_is_given_is_no_topic(hairy_library) -> None:
    # "in the emergency setting" says where the care is given: a guideline on emergency
    # settings shares those words, but the question is about trimethylaminuria
    question = "How should trimethylaminuria be treated in the emergency setting?"
    topic, titles = topic_of(question, hairy_library)
    assert topic == "Trimethylaminuria"
    assert titles == {"Trimethylaminuria"}


def test_a_title_that_states_an_acronym_only_as_an_everyday_word_names_no_topic() -> None:
    """ "AIDS" and "aids" are one stem: "Hearing Aids" does not state AIDS, "HIV/AIDS" and a
    title with the long form do; nor does "AL amyloidosis" state ALS."""
    aids = replace(
        framed("What is AIDS?", ("AIDS",), Frame(None, None, (), "definition", ())),
        expansions=(Expansion("AIDS", "acquired immunodeficiency syndrome", 1.0),),
    )
    assert misreads_acronym(aids, "Hearing Aids")
    assert not misreads_acronym(aids, "HIV/AIDS")
    assert not misreads_acronym(aids, "AIDS-Related Lymphoma")
    assert not misreads_acronym(aids, "Acquired immunodeficiency syndrome in children")
    assert not misreads_acronym(aids, "Kaposi Sarcoma")  # states nothing of it at all
    als = replace(
        framed("Is ALS inherited?", ("ALS",), Frame(None, None, (), "inheritance", ())),
        expansions=(Expansion("ALS", "amyotrophic lateral sclerosis", 1.0),),
    )
    assert misreads_acronym(als, "AL amyloidosis")
    assert not misreads_acronym(als, "amyotrophic lateral sclerosis")
    # an acronym the stemmer leaves as it is is read as before
    cll = replace(
        framed("What is CLL?", ("CLL",), Frame(None, None, (), "definition", ())),
        expansions=(Expansion("CLL", "chronic lymphocytic leukemia", 1.0),),
    )
    assert not misreads_acronym(cll, "CLL and its treatment")
