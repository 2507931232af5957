"""Patient identifiers stay out (issue 10, part 8): questions are de-identified before they
are stored, logged, titled or listed; the reader is told what was removed; a setting refuses
them instead; anonymous visitors see only articles whose questions hold no identifiers.

The planted set is built here from our own question stems and made-up identifiers (nothing
copied from the shared library); `scripts/measure_deidentification.py` prints its figures.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SHARED
from guidecite.deidentify import POLICIES, deidentify, prepare_question
from guidecite.errors import QuestionError
from store_support import raw

STEMS = (
    "What tidal volume is recommended for ventilated adults with sepsis-induced ARDS?",
    "How is hairy cell leukemia treated?",
    "When should screening for colorectal cancer start?",
    "What is the treatment of pancreatic neuroendocrine tumors?",
    "Which inhaled corticosteroid dose is used for asthma in adults?",
)
NAMES = ("John Smith", "Maria Garcia-Lopez", "Aoife O'Brien", "Wei Chen", "Tom McDonald")
#: (kind, phrase with {value}, values): every value is a planted identifier.
PLANTED: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("name", "Patient {value} asks", NAMES),
    ("name", "Mr {value}, 64, asks", NAMES),
    ("name", "My daughter {value} asks", NAMES),
    ("name", "Hi, my name is {value} and I ask", NAMES),
    ("name", "{value}, DOB 1961, asks", NAMES),
    ("record number", "MRN {value}", ("4482913", "A1234567", "00918273")),
    ("record number", "NHS number {value}", ("943 476 5919",)),
    ("record number", "patient ID: {value}", ("20391847", "HX-99182")),
    ("record number", "record {value}", ("88120044",)),
    ("date", "DOB {value}", ("03/04/1961", "1961-04-03", "12.11.1948", "7/9/52")),
    ("date", "born {value}", ("3 April 1961", "April 3, 1961", "21st of June 1975")),
    (
        "phone number",
        "call {value}",
        ("555-123-4567", "(617) 555-0199", "+44 20 7946 0958", "07700 900123", "+14155550123"),
    ),  # fmt: skip
    # at the end of a sentence, its full stop right after it
    (
        "phone number",
        "or phone me at {value}. Thanks",
        ("(916)297-1911", "555-123-4567", "07700 900123"),
    ),
    (
        "address",
        "lives at {value}",
        (
            "12 Oak Street, Springfield",
            "221B Baker Street",
            "4 Elm Road",
            "1600 Pennsylvania Avenue NW",
        ),
    ),  # fmt: skip
    ("address", "postcode {value}", ("SW1A 1AA", "NW1 6XE")),
    ("email", "write to {value}", ("john.smith@example.com", "m.garcia+clinic@mail.example.org")),
    ("identity number", "SSN {value}", ("123-45-6789",)),
)
#: Clinical wording that is no identifier: eponyms, drugs, doses, units, lab values, years.
CLINICAL = (
    "What is the treatment of Hodgkin lymphoma stage IIA?",
    "How is Crohn disease managed in pregnancy?",
    "Is Addison disease or Cushing syndrome more likely with these findings?",
    "When is levodopa started in Parkinson disease?",
    "Guillain-Barre syndrome after vaccination: what does the guideline say?",
    "Apixaban 5 mg twice daily or 2.5 mg twice daily for AF in 2019 guidance?",
    "HbA1c 7.5% and eGFR 45 mL/min/1.73 m2: is metformin still advised?",
    "Platelets 150000 per microlitre before surgery: transfuse?",
    "Blood pressure 140/90 mmHg at 3-6 months of follow-up: what next?",
    "CD4 count 350 cells/mm3 in HIV: when to start therapy?",
    "Iron 1.5-2.0 g/kg in children under 5, per the 2021 update?",
    "Dr. guidance for Down syndrome screening in the first trimester?",
    "Graves disease with TSH below 0.1 mU/L: radioiodine or surgery?",
    "BRCA1 carriers: screening from age 25 in the NCCN 2024 guideline?",
)


def planted_questions() -> Iterator[tuple[str, str, str, str]]:
    """(kind, planted value, question holding it, the clean stem), for every combination."""
    for index, stem in enumerate(STEMS):
        for kind, phrase, values in PLANTED:
            value = values[index % len(values)]
            yield kind, value, f"{phrase.format(value=value)}: {stem}", stem


def test_every_planted_identifier_is_removed_and_the_question_kept() -> None:
    tried = missed = 0
    for kind, value, question, stem in planted_questions():
        prepared = prepare_question(question)
        tried += 1
        left = [part for part in value.split() if part in prepared.text.split(f" {stem}")[0]]
        if left or kind not in prepared.removed:
            missed += 1
            print("missed", kind, repr(value), "->", prepared.text)
        assert stem in prepared.text  # the clinical question itself is untouched
    assert (tried, missed) == (len(STEMS) * len(PLANTED), 0)


def test_all_identifiers_at_once() -> None:
    question = (
        "Patient John Smith, MRN 4482913, DOB 03/04/1961, new AF, call 555-123-4567 or "
        "john.smith@example.com, lives at 12 Oak Street, Springfield. What anticoagulation?"
    )
    prepared = prepare_question(question)
    assert prepared.text == (
        "Patient [NAME], MRN [RECORD NUMBER], DOB [DATE], new AF, call [PHONE] or [EMAIL], "
        "lives at [ADDRESS]. What anticoagulation?"
    )
    assert set(prepared.removed) == {"name", "record number", "date", "phone number", "email",
                                     "address"}  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_a_signed_name_and_a_name_said_again_are_removed(name: str) -> None:
    """A message signed at its end ("Best Regards ..."), and a name found after a cue that
    is written again later without one."""
    for sign_off in ("Best Regards", "Kind regards,", "Thanks,", "God bless ."):
        question = f"{STEMS[1]} {sign_off} {name}"
        assert deidentify(question) == (f"{STEMS[1]} {sign_off} [NAME]", ("name",))
    first = name.split()[0]
    question = f"My name is {name}. {STEMS[2]} {first} worries. Regards {name} 555-123-4567"
    assert deidentify(question) == (
        f"My name is [NAME]. {STEMS[2]} [NAME] worries. Regards [NAME] [PHONE]",
        ("name", "phone number"),
    )


@pytest.mark.parametrize(
    "question",
    (
        f"{STEMS[0]} Thank you Doctor",
        f"{STEMS[1]} Thanks",
        f"{STEMS[3]} thanks and best Regards",
        f"{STEMS[4]} Thank you for your help, it is Crohn disease.",
    ),
)
def test_thanks_without_a_name_is_kept(question: str) -> None:
    assert deidentify(question) == (question, ())


@pytest.mark.parametrize("question", CLINICAL)
def test_clinical_wording_is_not_removed(question: str) -> None:
    assert deidentify(question) == (question, ())


def test_false_removals_on_the_dev_questions_are_few() -> None:
    """Measured on ../shared/eval: 0 of 40 guideline questions changed; 5 of 153 consumer
    questions, each for a real identifier (names, a phone number, an e-mail address, a
    contact date)."""
    files = sorted((SHARED / "eval").glob("*_dev.jsonl"))
    if not files:
        pytest.skip("the shared dev questions are absent")
    changed = {}
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        questions = [json.loads(line)["question"] for line in lines if line.strip()]
        changed[path.name] = sum(1 for q in questions if deidentify(q)[1])
    assert changed.get("guideline_qa_dev.jsonl", 0) == 0
    assert changed.get("liveqa_dev.jsonl", 0) <= 5


def test_refusing_names_what_the_question_holds() -> None:
    with pytest.raises(QuestionError, match=r"holds patient identifiers \(name, record number\)"):
        prepare_question("Patient John Smith, MRN 4482913: rest?", "refuse")
    assert prepare_question("How is asthma treated?", "refuse").removed == ()
    assert POLICIES == ("remove", "refuse")


def test_text_that_is_not_valid_unicode_is_a_clear_error() -> None:
    """A CLI argument with invalid UTF-8 arrives as lone surrogates: it gave a traceback."""
    with pytest.raises(QuestionError, match="not valid UTF-8 text"):
        prepare_question(b"rest \xff\xfe advised?".decode("utf-8", "surrogateescape"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_prepared_question_or_a_question_error(text: str) -> None:
    try:
        prepared = prepare_question(text)
    except QuestionError:
        return
    prepared.text.encode("utf-8")
    assert deidentify(prepared.text)[1] == () or "[" in text  # placeholders found again only


# -- every path: CLI, library, web page, JSON API, follow-ups --------------------------------


def test_the_cli_removes_tells_and_stores_no_identifier(slice_home: Path, tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner

    from guidecite.cli import main

    home = tmp_path / "home"
    shutil.copytree(slice_home, home)
    question = "Patient John Smith, MRN 4482913: " + STEMS[1]
    result = CliRunner().invoke(main, ["ask", "--home", str(home), question])
    assert result.exit_code == 0, result.output
    assert (
        "Patient identifiers were removed" in result.output
        and "name, record number" in result.output
    )
    assert "John" not in result.output and "4482913" not in result.output
    stored = (
        sqlite3.connect(home / "library.sqlite3")
        .execute("SELECT body FROM article_versions UNION ALL SELECT question FROM articles")
        .fetchall()
    )
    assert stored and not any("Smith" in body or "4482913" in body for (body,) in stored)
    refused = CliRunner().invoke(
        main, ["ask", "--home", str(home), question], env={"GUIDECITE_IDENTIFIERS": "refuse"}
    )
    assert refused.exit_code == 2 and "holds patient identifiers" in refused.output
    broken = CliRunner().invoke(
        main, ["ask", "--home", str(home), b"rest \xff advised".decode("utf-8", "surrogateescape")]
    )
    assert broken.exit_code == 2 and "not valid UTF-8" in broken.output
    assert "Traceback" not in broken.output


def test_the_planted_question_is_answered_as_well_as_the_clean_one(library) -> None:  # type: ignore[no-untyped-def]
    """The document the stem's answer cites first is cited for the de-identified question
    too (measured: 5 of 5; the same reference list in 4 of 5, the words left around the
    placeholders, "Patient", "MRN", "call", weigh a little in retrieval)."""
    from guidecite.answer import answer

    tried = cited = 0
    for stem in STEMS:
        planted = f"Patient John Smith, MRN 4482913, DOB 03/04/1961, call 555-123-4567: {stem}"
        clean, marked = answer(stem, library), answer(planted, library)
        tried += 1
        cited += clean.references[0].doc_id in {r.doc_id for r in marked.references}
        assert marked.identifiers_removed == ("name", "record number", "date", "phone number")
        assert "Smith" not in marked.question + marked.title
    assert (tried, cited) == (len(STEMS), len(STEMS))


@pytest.fixture
def web(slice_home: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    import shutil

    from guidecite.answer import open_library
    from guidecite.settings import Settings
    from guidecite.web import WebConfig, create_app

    home = tmp_path / "home"
    shutil.copytree(slice_home, home)
    library = open_library(Settings(home=home, starter=False))
    yield TestClient(create_app(library, WebConfig(rate_per_minute=0))), library
    library.close()


def test_the_web_stores_titles_and_lists_no_identifier(web) -> None:  # type: ignore[no-untyped-def]
    client, library = web
    question = "Patient John Smith, MRN 4482913, DOB 03/04/1961: " + STEMS[1]
    made = client.post("/api/articles", json={"question": question})
    assert made.status_code == 201
    article = made.json()
    assert article["answer"]["identifiers_removed"] == ["name", "record number", "date"]
    assert "Patient identifiers were removed" in article["answer"]["notice"]
    page = client.post("/ask", data={"question": "Mrs Jane Doe, 555-123-4567: " + STEMS[2]})
    assert page.status_code == 200 and "Patient identifiers were removed" in page.text
    follow = client.post(
        f"/api/articles/{article['id']}/follow-ups", json={"question": "And for Mr Wei Chen?"}
    )
    assert follow.status_code == 201 and "Wei" not in json.dumps(follow.json())
    listed = json.dumps(client.get("/api/articles").json()) + client.get("/").text
    backend = library.repositories()
    rows = raw(backend, "SELECT question, query FROM articles")
    bodies = raw(backend, "SELECT body FROM article_versions")
    stored = json.dumps([*rows, *bodies])
    for value in ("John", "Smith", "4482913", "03/04/1961", "Jane", "Doe", "555-123-4567", "Wei"):
        assert value not in listed and value not in stored, value
    refusing = web_with_policy(library, "refuse")
    refused = refusing.post("/api/articles", json={"question": question})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "invalid_question"
    bad = client.post(
        "/api/articles",
        content=b'{"question": "rest \\ud800 advised?"}',  # a lone surrogate, escaped
        headers={"content-type": "application/json"},
    )
    assert bad.status_code == 422 and "unicode string" in bad.json()["error"]["message"]


def web_with_policy(library, policy: str) -> TestClient:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from guidecite.web import WebConfig, create_app

    library.settings = replace(library.settings, identifiers=policy)
    return TestClient(create_app(library, WebConfig(rate_per_minute=0)))


def test_old_articles_holding_identifiers_are_hidden_from_anonymous_visitors(
    web,  # type: ignore[no-untyped-def]
) -> None:
    """Articles stored before de-identification are flagged by migration m008; anonymous
    visitors neither see them listed nor open them; the review board still does."""
    from guidecite.store import sqlite as store_sqlite
    from guidecite.store.articles import new_article
    from review_support import PASSWORD, add_users

    client, library = web
    sql = library.store.sql
    old = new_article("Patient John Smith, MRN 4482913: rest?", "rest?")
    library.repositories().articles.create(old)
    sql.db.execute("ALTER TABLE articles DROP COLUMN identifiers_removed")
    sql.db.execute("ALTER TABLE articles DROP COLUMN identifiers_present")
    store_sqlite.m008_article_identifiers(sql.db)  # as a store made before m008 is migrated
    clean = client.post("/api/articles", json={"question": STEMS[0]}).json()
    listed = client.get("/api/articles").json()
    assert [a["id"] for a in listed["articles"]] == [clean["id"]] and listed["total"] == 1
    assert "John Smith" not in client.get("/").text
    assert client.get(f"/api/articles/{old.article_id}").status_code == 404
    assert client.get(f"/articles/{old.article_id}").status_code == 404
    add_users(library.repositories())
    token = client.get("/login").text.split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/login", data={"username": "rita", "password": PASSWORD, "csrf_token": token})
    assert client.get("/api/articles").json()["total"] == 2
    assert client.get(f"/api/articles/{old.article_id}").status_code == 200


def test_articles_stored_under_earlier_rules_are_checked_again(web) -> None:  # type: ignore[no-untyped-def]
    """A question stored before the rules found signatures (m009) is flagged and hidden from
    anonymous visitors when the store is migrated."""
    from guidecite.store import sqlite as store_sqlite
    from guidecite.store.articles import new_article

    client, library = web
    signed = new_article(f"{STEMS[1]} Best Regards Mahmoud Hassan", STEMS[1])
    library.repositories().articles.create(signed)  # as the earlier rules stored it
    assert client.get(f"/api/articles/{signed.article_id}").status_code == 200
    store_sqlite.m009_article_identifiers_again(library.store.sql.db)
    assert client.get(f"/api/articles/{signed.article_id}").status_code == 404
    assert "Mahmoud" not in client.get("/").text


@pytest.fixture(scope="module")
def tiny_library(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from guidecite.answer import open_library
    from guidecite.embedding import get_embedder
    from guidecite.ingest import ingest_paths
    from guidecite.settings import Settings
    from guidecite.store.embedded import EmbeddedStore

    root = tmp_path_factory.mktemp("tiny")
    (root / "docs").mkdir()
    (root / "docs" / "guide.md").write_text(
        "# Widget fever\n\n## Treatment\n\nWidget fever is treated with rest for 3 days.\n",
        encoding="utf-8",
    )
    store = EmbeddedStore(root / "home")
    ingest_paths(store, [root / "docs"], get_embedder("hash"))
    store.close()
    library = open_library(Settings(home=root / "home", embedder="hash", starter=False))
    yield library
    library.close()


HOSTILE_QUESTIONS = ("", "?", "\x00", "a" * 5000, '"widget" AND NOT fever:* OR (',
                     "'; DROP TABLE passages; --", "\u202e\u200b widget", "[NAME] [DATE]",
                     "%s {0} {{x}}", "🦠" * 100)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.one_of(st.sampled_from(HOSTILE_QUESTIONS), st.text(max_size=300)))
def test_any_question_is_answered_or_refused_clearly(tiny_library, text: str) -> None:  # type: ignore[no-untyped-def]
    """The question path, end to end: an answer, or a QuestionError to show; never a crash."""
    from guidecite.answer import answer
    from guidecite.render import render

    try:
        result = answer(text, tiny_library)
    except QuestionError:
        return
    render(result, "markdown").encode("utf-8")
    render(result, "json").encode("utf-8")
