"""The tantivy BM25 index, on real tantivy in a temporary folder."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import tantivy
from rank_bm25 import BM25Okapi

from guidecite.analysis import ANALYSIS_VERSION, terms
from guidecite.errors import StoreError
from guidecite.store.lexical import GENERATION_FILE, Clause, LexicalIndex

PASSAGES = [
    ("p1", "d1", "The Ki-67 index grades neuroendocrine tumours of the pancreas."),
    ("p2", "d1", "Ga-68 DOTATATE PET/CT finds somatostatin receptor positive tumors."),
    ("p3", "d2", "Octreotide controls the diarrhoea of carcinoid syndrome."),
    ("p4", "d2", "Urinary 5-HIAA is raised in carcinoid syndrome; measure 5HIAA over 24 hours."),
    ("p5", "d3", "HbA1c below 7% is the usual target in type 2 diabetes."),
    ("p6", "d3", "Metformin is the first drug for type 2 diabetes; check the HbA1c."),
    ("p7", "d4", "Iron deficiency anaemia in children: give oral iron."),
    ("p8", "d4", "El cáncer de pulmón de células no pequeñas."),
    ("p9", "d5", "field value pairs and NOT operators are plain words here"),
]


@pytest.fixture
def index(tmp_path: Path) -> LexicalIndex:
    lexical = LexicalIndex(tmp_path / "lexical")
    lexical.add(PASSAGES)
    lexical.commit(1)
    return lexical


def ids(hits: list[tuple[str, float]]) -> list[str]:
    return [passage_id for passage_id, _ in hits]


def test_a_new_index_is_empty_and_has_no_generation(tmp_path: Path) -> None:
    lexical = LexicalIndex(tmp_path / "lexical")
    assert len(lexical) == 0
    assert lexical.generation() is None
    assert lexical.search([Clause("tumour")], 10) == []


def test_commit_records_the_generation_and_it_survives_reopening(
    index: LexicalIndex, tmp_path: Path
) -> None:
    assert index.generation() == 1
    reopened = LexicalIndex(tmp_path / "lexical")
    assert reopened.generation() == 1
    assert len(reopened) == len(PASSAGES)
    assert sorted(p.name for p in reopened.folder.glob(f"{GENERATION_FILE}*")) == [GENERATION_FILE]


def test_changes_are_invisible_until_commit(index: LexicalIndex) -> None:
    index.add([("p10", "d6", "tumour board")])
    index.delete_documents(["d1"])
    assert "p1" in ids(index.search([Clause("tumour")], 10))
    assert "p10" not in ids(index.search([Clause("tumour")], 10))
    index.commit(2)
    assert ids(index.search([Clause("tumour")], 10)) == ["p10"]
    assert index.generation() == 2


def test_a_search_within_documents_or_passages_keeps_each_score(index: LexicalIndex) -> None:
    query = [Clause("carcinoid syndrome tumours diabetes")]
    everywhere = dict(index.search(query, 10))
    within = index.search(query, 10, documents={"d2", "d3"})
    assert {p for p, _ in within} == {"p3", "p4", "p5", "p6"}
    assert all(score == pytest.approx(everywhere[p]) for p, score in within)
    chosen = index.search(query, 10, passages={"p1", "p6", "p7"})
    assert {p for p, _ in chosen} == {"p1", "p6"}  # p7 states none of the words
    assert all(score == pytest.approx(everywhere[p]) for p, score in chosen)
    assert index.search(query, 10, documents=set()) == []
    assert index.search(query, 10, documents={"d1"}, passages={"p4"}) == []


def test_deleting_a_document_removes_all_its_passages(index: LexicalIndex) -> None:
    index.delete_documents(["d2", "absent"])
    index.commit(2)
    assert len(index) == len(PASSAGES) - 2
    assert index.search([Clause("carcinoid syndrome")], 10) == []


def test_clear_then_add_replaces_everything_at_commit(index: LexicalIndex) -> None:
    index.clear()
    index.add([("q1", "e1", "tumour")])
    assert len(index) == len(PASSAGES)
    index.commit(5)
    assert len(index) == 1
    assert ids(index.search([Clause("tumor")], 10)) == ["q1"]


def test_british_and_american_spellings_find_each_other(index: LexicalIndex) -> None:
    assert set(ids(index.search([Clause("tumor")], 10))) == {"p1", "p2"}
    assert ids(index.search([Clause("diarrhea")], 10)) == ["p3"]
    assert ids(index.search([Clause("anemia")], 10)) == ["p7"]


def test_accented_questions_find_the_text(index: LexicalIndex) -> None:
    assert ids(index.search([Clause("cancer pulmon")], 10)) == ["p8"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Ki67", "p1"), ("Ki 67", "p1"), ("5HIAA", "p4"), ("Ga68", "p2"), ("PET CT", "p2")],
)
def test_compounds_are_found_however_they_are_written(
    index: LexicalIndex, query: str, expected: str
) -> None:
    assert ids(index.search([Clause(query)], 1)) == [expected]


def test_a_phrase_clause_matches_only_adjacent_words_in_order(index: LexicalIndex) -> None:
    assert ids(index.search([Clause("Ki 67 index", phrase=True)], 10)) == ["p1"]
    assert index.search([Clause("index Ki-67", phrase=True)], 10) == []
    assert ids(index.search([Clause("type 2 diabetes", phrase=True)], 10)) in (
        ["p5", "p6"],
        ["p6", "p5"],
    )


def test_a_weight_scales_a_clause_score(index: LexicalIndex) -> None:
    [(_, plain)] = index.search([Clause("octreotide")], 1)
    [(_, boosted)] = index.search([Clause("octreotide", weight=2.5)], 1)
    assert boosted == pytest.approx(2.5 * plain, rel=1e-5)


def test_weights_change_the_order_of_ored_clauses(index: LexicalIndex) -> None:
    first = index.search([Clause("metformin"), Clause("octreotide", weight=3.0)], 2)
    second = index.search([Clause("metformin", weight=3.0), Clause("octreotide")], 2)
    assert ids(first) == ["p3", "p6"]
    assert ids(second) == ["p6", "p3"]


def test_a_clause_weight_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        Clause("x", weight=0)


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '"unbalanced quote',
        "AND",
        "OR NOT",
        "*",
        "tum*",
        "(",
        "(a OR b",
        ")",
        ":",
        "field:value",
        "text:tumour",
        "-",
        " - ",
        "-tumour",
        "+tumour^3",
        "tumour~2",
        "[1 TO 2]",
        "{a TO b}",
        "\\",
        "/regex/",
        "IN [a b]",
        "",
    ],
)
@pytest.mark.parametrize("phrase", [False, True])
def test_query_syntax_in_user_text_is_harmless(
    index: LexicalIndex, text: str, phrase: bool
) -> None:
    hits = index.search([Clause(text, phrase=phrase)], 10)
    assert all(passage_id.startswith("p") for passage_id, _ in hits)


def test_query_syntax_is_matched_as_plain_words(index: LexicalIndex) -> None:
    assert ids(index.search([Clause("field:value")], 10)) == ["p9"]
    assert ids(index.search([Clause('NOT "operators"')], 10)) == ["p9"]
    assert ids(index.search([Clause("-metformin")], 10)) == ["p6"]


def test_no_clauses_or_no_results_wanted_gives_nothing(index: LexicalIndex) -> None:
    assert index.search([], 10) == []
    assert index.search([Clause("tumour")], 0) == []


def test_doc_freq_counts_passages_holding_the_phrase(index: LexicalIndex) -> None:
    assert index.doc_freq("carcinoid syndrome") == 2
    assert index.doc_freq("syndrome carcinoid") == 0
    assert index.doc_freq("HbA1c") == 2
    assert index.doc_freq("somatostatin") == 1
    assert index.doc_freq("absent words") == 0
    assert index.doc_freq("") == 0


def test_doc_freq_ignores_deleted_passages(index: LexicalIndex) -> None:
    index.delete_documents(["d2"])
    index.commit(2)
    assert index.doc_freq("carcinoid syndrome") == 0


def test_a_second_writer_on_the_same_folder_is_refused(index: LexicalIndex) -> None:
    index.add([("p10", "d6", "tumour")])
    other = LexicalIndex(index.folder)
    with pytest.raises(StoreError, match="another process"):
        other.add([("p11", "d7", "tumour")])


def test_an_unreadable_generation_file_is_a_store_error(index: LexicalIndex) -> None:
    (index.folder / GENERATION_FILE).write_text("{not json")
    with pytest.raises(StoreError, match=GENERATION_FILE):
        index.generation()


def test_an_index_of_another_schema_is_emptied_for_a_rebuild(tmp_path: Path) -> None:
    folder = tmp_path / "lexical"
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("other", stored=True)
    folder.mkdir()
    old = tantivy.Index(builder.build(), path=str(folder))
    writer = old.writer(heap_size=15_000_000, num_threads=1)
    writer.add_document(tantivy.Document(other="x"))
    writer.commit()
    writer.wait_merging_threads()
    (folder / GENERATION_FILE).write_text('{"generation": 7}')
    lexical = LexicalIndex(folder)
    assert len(lexical) == 0
    assert lexical.generation() is None


# -- reference: rank_bm25 on the same terms ---------------------------------------------------

REFERENCE_DOCS = [
    "neuroendocrine tumour of the pancreas graded by the Ki-67 index",
    "carcinoid syndrome causes flushing and diarrhoea",
    "octreotide treats carcinoid syndrome diarrhoea and flushing in carcinoid tumours",
    "somatostatin receptor imaging with Ga-68 PET/CT",
    "surgery is the only cure for a localised pancreatic neuroendocrine tumour",
    "metformin lowers blood glucose in type 2 diabetes",
    "insulin therapy for type 1 diabetes and for type 2 diabetes when tablets fail",
    "iron deficiency anaemia treated with oral iron",
    "flushing can be a side effect of niacin",
    "the liver is the commonest site of metastasis of neuroendocrine tumours",
    "blood glucose monitoring in pregnancy",
    "diabetes insipidus is not diabetes mellitus",
]
REFERENCE_QUERIES = [
    "carcinoid syndrome diarrhoea",
    "neuroendocrine tumour pancreas",
    "type 2 diabetes glucose",
    "flushing treatment octreotide",
    "Ki-67 grading of pancreatic tumours",
]
K1, B = 1.2, 0.75  # tantivy's BM25 parameters


class LuceneIdfBM25(BM25Okapi):
    """rank_bm25's Okapi BM25 with the IDF tantivy and Lucene use: ln(1 + (N-n+0.5)/(n+0.5))."""

    def _calc_idf(self, nd: dict[str, int]) -> None:
        for word, freq in nd.items():
            self.idf[word] = math.log(1 + (self.corpus_size - freq + 0.5) / (freq + 0.5))


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> LexicalIndex:
    lexical = LexicalIndex(tmp_path_factory.mktemp("reference") / "lexical")
    lexical.add((str(i), "d", text) for i, text in enumerate(REFERENCE_DOCS))
    lexical.commit(1)
    return lexical


def ranking(scores: list[float], top: int) -> list[str]:
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    return [str(i) for i in order[:top] if scores[i] > 0]


@pytest.mark.parametrize("query", REFERENCE_QUERIES)
def test_rankings_agree_with_rank_bm25_okapi(reference: LexicalIndex, query: str) -> None:
    """Okapi's IDF, ln((N-n+0.5)/(n+0.5)), differs from tantivy's ln(1 + ...) in a way that
    does not keep ratios, so the scores differ and close calls could swap; on this corpus,
    whose query terms are all rarer than half the documents, the top three agree."""
    okapi = BM25Okapi([terms(text) for text in REFERENCE_DOCS], k1=K1, b=B)
    query_terms = list(dict.fromkeys(terms(query)))
    expected = ranking(list(okapi.get_scores(query_terms)), 3)
    assert ids(reference.search([Clause(query)], 3)) == expected


@pytest.mark.parametrize("query", REFERENCE_QUERIES)
def test_scores_equal_rank_bm25_with_tantivys_idf(reference: LexicalIndex, query: str) -> None:
    """With the same IDF the scores are the same: short passages keep tantivy's one-byte
    length norms exact, and the rest is float32 rounding."""
    lucene = LuceneIdfBM25([terms(text) for text in REFERENCE_DOCS], k1=K1, b=B)
    expected = lucene.get_scores(list(dict.fromkeys(terms(query))))
    found = dict(reference.search([Clause(query)], len(REFERENCE_DOCS)))
    for i, score in enumerate(expected):
        assert found.get(str(i), 0.0) == pytest.approx(score, rel=1e-5, abs=1e-6)


def test_an_index_whose_terms_another_analysis_made_has_no_generation(tmp_path: Path) -> None:
    folder = tmp_path / "lexical"
    index = LexicalIndex(folder)
    index.add([("1", "d", "acute pancreatitis")])
    index.commit(3)
    assert index.generation() == 3
    record = json.loads((folder / GENERATION_FILE).read_text())
    assert record["analysis"] == ANALYSIS_VERSION
    for older in ({"generation": 3}, {"generation": 3, "analysis": ANALYSIS_VERSION - 1}):
        (folder / GENERATION_FILE).write_text(json.dumps(older))
        assert LexicalIndex(folder).generation() is None  # so its store rebuilds it
