"""A message that speaks of suicide gets the library's own words on getting help first
(crisis.py), and the rest of it is answered as asked."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from selectolax.lexbor import LexborHTMLParser

from conftest import CORPUS, ingested_home, needs_corpus
from guidecite.answer import Library, answer, open_library
from guidecite.cli import main
from guidecite.crisis import (
    NO_HELP,
    NOTICE,
    help_first,
    speaks_of_self_harm,
    without_self_harm,
)
from guidecite.render import html, markdown
from guidecite.settings import Settings
from guidecite.types import (
    ANSWERED,
    INSUFFICIENT_EVIDENCE,
    SUPPORTED,
    Answer,
    ArticleSection,
    Citation,
    Reference,
    Statement,
)
from guidecite.web import WebConfig, create_app
from guidecite.wording import Correction

#: A consumer's message to the US National Library of Medicine (liveqa dev), typos and all.
FILARIASIS_MESSAGE = (
    "I was suffering from filariasis before 6 month, then i observed that I started having "
    "leg swelling about 6 months ago. It's lymphedema of my left leg. nobody help me to cure "
    "this. Better then i will comit or prefer sucide and say goodbye to life. So please "
    "suggest me treatment if any treatment available."
)
#: The library's pages: two on lymphatic filariasis, MedlinePlus on suicide, and the
#: encyclopedia's "when to see a doctor" for major depression (its help lines).
RECORDS = {
    "medquad/medquad.jsonl": ("medquad-2-0003696", "medquad-9-0000269", "medquad-4-0000861"),
    "medquad-extra/answers.jsonl": ("ADAM_0002497_Sec7",),
}
HOTLINE = "call your local emergency number"


@pytest.fixture(scope="module")
def crisis_library(
    corpus_slice: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Library]:
    """The tests' slice of the library with the pages above added (the words' rarities are
    those of a library, not of four pages)."""
    needs_corpus()
    root = tmp_path_factory.mktemp("crisis-corpus")
    shutil.copytree(corpus_slice, root, dirs_exist_ok=True)
    for name, ids in RECORDS.items():
        wanted = set(ids)
        with (CORPUS / name).open(encoding="utf-8") as source:
            lines = [line for line in source if json.loads(line)["id"] in wanted]
        assert len(lines) == len(ids)
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        with (root / name).open("a", encoding="utf-8") as target:
            target.write("".join(lines))
    home = ingested_home(root, tmp_path_factory.mktemp("crisis-home"))
    library = open_library(Settings(home=home, starter=False))
    yield library
    library.close()


def test_a_message_that_speaks_of_suicide_gets_the_librarys_help_lines_first(
    crisis_library: Library,
) -> None:
    result = answer(FILARIASIS_MESSAGE, crisis_library, audience="patient")
    assert result.status == ANSWERED
    first = result.sections[0]
    assert first.key == "escalation"
    assert any(HOTLINE in s.text for s in first.statements)
    assert all(s.verdict == SUPPORTED for s in first.statements)
    # each line once: not again with its neighbour sentence
    said = [s.text.rstrip(" .") for s in first.statements]
    assert not any(a != b and a in b for a in said for b in said)
    cited = {n for s in first.statements for n in s.references}
    sources = {r.number: r.source for r in result.references}
    assert {sources[n] for n in cited} == {"medquad-extra/answers.jsonl#ADAM_0002497_Sec7"}
    assert result.notice is not None and result.notice.startswith(NOTICE)
    # the rest of the message is answered as asked: filariasis, the message shown whole
    assert result.frame is not None and result.frame["topic"] == "filariasis"
    assert result.question == FILARIASIS_MESSAGE
    body = [s for s in result.statements if s not in first.statements]
    assert body and not any("suicid" in s.text.casefold() for s in body)
    assert result.supported_share == 1.0
    shown = markdown.render(result)
    assert shown.index("## When to get help") < shown.index("## Treatment")


def test_the_help_is_the_same_for_a_physician_reader(crisis_library: Library) -> None:
    result = answer(FILARIASIS_MESSAGE, crisis_library, audience="physician")
    assert any(HOTLINE in s.text for s in result.sections[0].statements)


def test_a_question_about_patients_at_risk_of_suicide_is_answered_as_asked(
    crisis_library: Library,
) -> None:
    result = answer("What do my patients with suicidal thoughts need to be told?", crisis_library)
    assert NOTICE not in (result.notice or "")
    assert NO_HELP not in (result.notice or "")


def test_a_declined_message_still_shows_the_help_lines(crisis_library: Library) -> None:
    result = answer(
        "I want to end my life. What dose of zorblatamab treats quorvex fever?",
        crisis_library,
        audience="patient",
    )
    assert result.status == INSUFFICIENT_EVIDENCE
    assert any(HOTLINE in s.text for s in result.sections[0].statements)
    assert len(result.references) == 1
    shown = markdown.render(result)
    assert HOTLINE in shown
    assert shown.index("## When to get help") < shown.index("## No answer in the library")
    page = html.render(result)
    assert HOTLINE in page
    assert page.index("When to get help") < page.index("No answer in the library")


def test_the_web_page_of_a_declined_message_shows_the_help_lines(
    crisis_library: Library,
) -> None:
    client = TestClient(create_app(crisis_library, WebConfig(rate_per_minute=0)))
    response = client.post(
        "/ask",
        data={"question": "I want to kill myself. Is zorblatamab safe?", "reader": "patient"},
    )
    assert response.status_code == 200, response.text
    parsed = LexborHTMLParser(response.text)
    headings = [h.text(strip=True) for h in parsed.css("h2")]
    assert headings.index("When to get help") < headings.index("No answer in the library")
    assert parsed.body is not None and HOTLINE in parsed.body.text()
    assert parsed.css_first(".references-section li") is not None


def test_ask_explain_reads_the_message_as_the_answer_does(crisis_library: Library) -> None:
    home = crisis_library.settings.home
    result = CliRunner().invoke(
        main, ["ask", FILARIASIS_MESSAGE, "--explain", "--audience", "patient", "--home", str(home)]
    )
    assert result.exit_code == 0, result.output
    reading = result.output.split("Concepts (weight")[0]
    assert "set apart:  the sentences that speak of suicide" in reading
    assert "sucide" not in reading and "topic:      filariasis" in reading
    assert "## When to get help" in result.output


@pytest.mark.parametrize(
    "message",
    [
        "I will commit suicide if this pain goes on.",
        "My son is suicidal since the diagnosis, what can we do?",
        "Sometimes I want to kill myself. Is that the medicine?",
        "i want to end my life",
        "Should I worry? My daughter self-harms.",
    ],
)
def test_speaking_of_self_harm(message: str) -> None:
    assert speaks_of_self_harm(message)


@pytest.mark.parametrize(
    "message",
    [
        "Suicide risk screening in adolescents: which tool?",
        "Which antidepressant for my patient with suicidal thoughts?",
        "Does isotretinoin raise the risk of suicide?",
        "I want to know how to kill head lice.",
        "What are the suicide rates in the US?",
    ],
)
def test_not_speaking_of_self_harm(message: str) -> None:
    assert not speaks_of_self_harm(message)


def test_the_sentences_of_self_harm_are_left_out_read_with_their_typos_mended() -> None:
    message = "My leg is swollen.Better i prefer sucide. Is there a treatment?"
    mended = (Correction("sucide", "suicide"),)
    assert without_self_harm(message, mended) == "My leg is swollen. Is there a treatment?"
    assert without_self_harm("I want to kill myself.") == "I want to kill myself."


def _statement(text: str, reference: int) -> Statement:
    citation = Citation(reference, f"p{reference}", text, (), verdict=SUPPORTED)
    return Statement(text, (citation,), verdict=SUPPORTED)


def _reference(number: int, doc_id: str) -> Reference:
    return Reference(number, doc_id, doc_id, None, None, None, doc_id)


def test_help_first_renumbers_and_adds_only_the_cited_references() -> None:
    main = Answer(
        "q",
        "t",
        ANSWERED,
        "patient",
        bottom_line=(_statement("a", 1),),
        sections=(ArticleSection("treatment", "Treatment", (_statement("b", 2),)),),
        references=(_reference(1, "d1"), _reference(2, "shared")),
        supported_share=0.5,
        dropped=2,
        notice="Read 'x' as 'y'.",
    )
    helper = Answer(
        "suicide",
        "Suicide",
        ANSWERED,
        "patient",
        bottom_line=(_statement("c", 1),),
        sections=(
            ArticleSection("escalation", "When to get help", (_statement("call", 3),)),
            ArticleSection("treatment", "Treatment", (_statement("b", 2),)),
        ),
        references=(_reference(1, "s1"), _reference(2, "s2"), _reference(3, "shared")),
    )
    merged = help_first(main, helper)
    assert [s.key for s in merged.sections] == ["escalation", "treatment"]
    assert merged.sections[0].statements[0].references == (2,)  # "shared" keeps its number
    assert [r.doc_id for r in merged.references] == ["d1", "shared"]
    assert merged.notice == f"{NOTICE} Read 'x' as 'y'."
    assert merged.supported_share == pytest.approx((0.5 * 4 + 1) / 5)
    helper_elsewhere = replace(helper, references=(*helper.references[:2], _reference(3, "s3")))
    again = help_first(main, helper_elsewhere)
    assert [r.doc_id for r in again.references] == ["d1", "shared", "s3"]
    assert again.sections[0].statements[0].references == (3,)


def test_help_first_says_so_where_the_library_holds_no_help() -> None:
    main = Answer("q", "t", ANSWERED, "patient", bottom_line=(_statement("a", 1),))
    nothing = Answer("suicide", "Suicide", INSUFFICIENT_EVIDENCE, "patient")
    assert help_first(main, nothing).notice == NO_HELP
    assert help_first(main, nothing).sections == ()
