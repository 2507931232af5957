"""The interface in English and Spanish: the catalog covers every message, the compiled
catalog is current, and the CLI shows Spanish headings with the English-sources notice while
every statement stays as quoted."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import replace
from pathlib import Path

import jinja2
import pytest

from guidecite.frame import DECLINE_REASONS, DECLINED, NEVER_MENTIONS, UNANSWERED_KINDS
from guidecite.i18n import LANGUAGES, LOCALE_DIR, check_language, translator
from guidecite.intents import intent_named
from guidecite.render import render
from guidecite.render._common import SECTION_HEADINGS, SOURCES_IN_ENGLISH, localized
from guidecite.types import INSUFFICIENT_EVIDENCE, Answer
from script_support import load_script
from test_render import answered  # noqa: F401, F811 - the fixture

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "guidecite"
MARKERS = {"_", "N_", "gettext", "ngettext"}
SOURCES_NOTICE_ES = "Las fuentes están en inglés; las afirmaciones se citan en su idioma original."


def python_messages(path: Path) -> set[str]:
    """Literal first arguments of _(), N_(), gettext() and ngettext() calls in a module."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        first = node.args[0]
        if name in MARKERS and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.add(first.value)
    return found


def template_messages(path: Path) -> set[str]:
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    source = path.read_text(encoding="utf-8")
    found = set()
    for _, _, message in env.extract_translations(source):
        found.update(m for m in (message if isinstance(message, tuple) else (message,)) if m)
    return found


def used_messages() -> set[str]:
    found: set[str] = set()
    for module in PACKAGE.rglob("*.py"):
        found |= python_messages(module)
    for template in (PACKAGE / "web" / "templates").glob("*.html"):
        found |= template_messages(template)
    return found


def load_compiler():  # type: ignore[no-untyped-def]
    return load_script("compile_translations")


def catalog(language: str) -> dict[bytes, bytes]:
    po = LOCALE_DIR / language / "LC_MESSAGES" / "guidecite.po"
    return load_compiler().read_po(po.read_text(encoding="utf-8"))


def test_every_message_of_the_templates_and_renderers_has_a_spanish_translation():
    used = used_messages()
    assert {"Bottom line", "References", "Which best describes you?"} <= used  # the scan works
    translated = {k.decode() for k, v in catalog("es").items() if k and v}
    assert sorted(used - translated) == []


def test_the_catalog_holds_no_message_the_code_does_not_use():
    stale = {k.decode() for k in catalog("es") if k} - used_messages()
    assert sorted(stale) == []


def test_every_section_key_has_a_heading_message():
    from guidecite.compose.sections import ORDER, kind

    assert set(SECTION_HEADINGS) == {*ORDER, "glossary"}
    assert all(SECTION_HEADINGS[key] == kind(key).heading for key in ORDER)


def test_the_compiled_catalog_is_current():
    compiler = load_compiler()
    for language in LANGUAGES[1:]:
        po = LOCALE_DIR / language / "LC_MESSAGES" / "guidecite.po"
        assert po.with_suffix(".mo").read_bytes() == compiler.compiled(po)


def test_placeholders_are_kept_in_translations():
    import re

    field = re.compile(r"%\(\w+\)[sd]")
    for msgid, msgstr in catalog("es").items():
        if msgid:
            assert sorted(field.findall(msgid.decode())) == sorted(field.findall(msgstr.decode()))


def test_the_translator_of_each_language():
    assert translator("en").gettext("Bottom line") == "Bottom line"
    assert translator("es").gettext(SOURCES_IN_ENGLISH) == SOURCES_NOTICE_ES
    with pytest.raises(Exception, match="choose one of: en, es"):
        check_language("fr")


def test_a_spanish_answer_keeps_its_statements_and_translates_its_interface(
    answered: Answer,  # noqa: F811
) -> None:
    spanish = localized(answered, "es")
    assert [s.text for s in spanish.statements] == [s.text for s in answered.statements]
    assert spanish.title == answered.title
    assert spanish.notice.startswith(SOURCES_NOTICE_ES)
    assert localized(spanish, "es") == spanish  # localizing twice changes nothing more
    text = render(spanish, "markdown")
    assert "## En resumen" in text and "## Referencias" in text
    for statement in answered.statements:
        assert " ".join(statement.text.split()) in text
    assert json.loads(render(spanish, "json"))["language"] == "es"
    assert '<html lang="es">' in render(spanish, "html")


def test_the_notices_on_how_the_question_was_read_are_translated_with_their_words_kept(
    answered: Answer,  # noqa: F811
) -> None:
    notice = (
        "Read 'ciprofaxin' as 'ciprofloxacin', 'diahrrea' as 'diarrhea'. "
        "The library never mentions 'citrobactor': this article answers only the rest of the "
        "question. No statement in this article answers this kind of question (management) "
        "directly; below is what was found on C. difficile Infection."
    )
    english = replace(answered, notice=notice)
    spanish = localized(english, "es")
    assert spanish.notice == (
        f"{SOURCES_NOTICE_ES} Se leyó 'ciprofaxin' como 'ciprofloxacin', 'diahrrea' como "
        "'diarrhea'. La biblioteca nunca menciona 'citrobactor': este artículo responde solo al "
        "resto de la pregunta. Ninguna afirmación de este artículo responde directamente a "
        "este tipo de pregunta (manejo); a continuación, lo encontrado sobre "
        "C. difficile Infection."
    )
    assert localized(spanish, "es") == spanish
    assert localized(english, "en").notice == notice


def test_why_an_answer_is_declined_is_translated_with_its_words_kept(
    answered: Answer,  # noqa: F811
) -> None:
    declined = replace(
        answered,
        status=INSUFFICIENT_EVIDENCE,
        notice=DECLINED % {"reason": NEVER_MENTIONS % {"words": "'inclisiran', 'u.s.'"}},
    )
    spanish = localized(declined, "es")
    assert spanish.notice == (
        f"{SOURCES_NOTICE_ES} La biblioteca no contiene evidencia que responda a esta "
        "pregunta: la biblioteca nunca menciona 'inclisiran', 'u.s.'."
    )
    assert localized(spanish, "es") == spanish
    # every reason the evidence check gives has its translation, its words kept
    for reason in DECLINE_REASONS:
        filled = reason % dict.fromkeys(re.findall(r"%\((\w+)\)s", reason), "X.Y")
        notice = localized(replace(declined, notice=DECLINED % {"reason": filled}), "es").notice
        assert "La biblioteca no contiene evidencia" in notice and "library" not in notice
        assert ("X.Y" in notice) == ("%(" in reason)


def test_each_kind_a_notice_can_name_is_in_the_catalog() -> None:
    # frame_notice names a value asked for (dose, timing, threshold) or what to do.
    named = {intent_named(n).label.lower() for n in ("dose", "timing", "threshold", "management")}
    assert named == set(UNANSWERED_KINDS)
    for kind in UNANSWERED_KINDS:
        assert translator("es").gettext(kind) != kind


# ---- the CLI and the API -------------------------------------------------------------------

NET_QUESTION = "What surveillance is recommended for neuroendocrine tumours?"
NET_QUESTION_ES = "¿Qué vigilancia se recomienda para los tumores neuroendocrinos?"


def test_cli_ask_language_es_gives_spanish_headings_and_english_statements(
    slice_home: Path,
) -> None:
    from click.testing import CliRunner

    from guidecite.cli import main

    runner = CliRunner(env={"GUIDECITE_HOME": str(slice_home)})
    english = runner.invoke(main, ["ask", NET_QUESTION, "--format", "json"])
    spanish = runner.invoke(main, ["ask", NET_QUESTION, "--language", "es"])
    assert english.exit_code == 0 and spanish.exit_code == 0, spanish.output
    data = json.loads(english.output)
    assert data["language"] == "en" and data["status"] == "answered"
    assert "## En resumen" in spanish.output and "## Referencias" in spanish.output
    assert SOURCES_NOTICE_ES in spanish.output
    assert "## Bottom line" not in spanish.output
    for section in data["sections"]:
        for statement in section["statements"]:
            assert " ".join(statement["text"].split()) in spanish.output  # as quoted


def test_cli_a_spanish_question_gets_the_spanish_interface(slice_home: Path) -> None:
    from click.testing import CliRunner

    from guidecite.cli import main

    runner = CliRunner(env={"GUIDECITE_HOME": str(slice_home)})
    result = runner.invoke(main, ["ask", NET_QUESTION_ES])
    assert result.exit_code == 0, result.output
    assert SOURCES_NOTICE_ES in result.output
    assert "## Referencias" in result.output or "## Sin respuesta en la biblioteca" in result.output
    english = runner.invoke(main, ["ask", NET_QUESTION_ES, "--language", "en"])
    assert SOURCES_NOTICE_ES not in english.output


def test_api_language_parameter(slice_home: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from guidecite.answer import open_library
    from guidecite.settings import Settings
    from guidecite.web import WebConfig, create_app
    from web_support import build_web_home

    library = open_library(Settings(home=build_web_home(slice_home, tmp_path / "h"), starter=False))
    try:
        client = TestClient(create_app(library, WebConfig(rate_per_minute=0)))
        made = client.post("/api/articles", json={"question": NET_QUESTION, "language": "es"})
        assert made.status_code == 201
        answer = made.json()["answer"]
        assert answer["language"] == "es"
        assert answer["notice"].startswith(SOURCES_NOTICE_ES)
        assert {s["heading"] for s in answer["sections"]} <= {
            translator("es").gettext(h) for h in SECTION_HEADINGS.values()
        }
        url = made.headers["Location"]
        english = client.get(url).json()["answer"]
        assert english["language"] == "en" and SOURCES_NOTICE_ES not in (english["notice"] or "")
        patient = client.get(url, params={"reader": "patient", "language": "es"}).json()
        assert patient["answer"]["language"] == "es"
        assert "Hable con su equipo de atención" in patient["answer"]["notice"]
        bad = client.get(url, params={"language": "fr"})
        assert bad.status_code == 422
        assert bad.json()["error"]["code"] == "invalid_request"
    finally:
        library.close()
