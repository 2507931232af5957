"""The article page as readers use it, in headless Chromium: trust marks with the same words
as the terminal, citation popovers on hover, keyboard focus and tap showing the quoted
sentence highlighted in its passage, the bottom line in the first screen on a phone and a
laptop, a patient article that differs from the physician's, and an axe-core check.

Screenshots are kept in artifacts/screenshots/ (see conftest.py).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from guidecite.render import answer_from_dict
from guidecite.render._common import statement_trust, trust_lines
from web_support import MONITORING_QUESTION, READERS_QUESTION

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
ARTICLE_URL = re.compile(r"/articles/[0-9a-f]{12}$")
AXE = ROOT / ".cache" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}


def ask(page: Any, question: str, reader: str = "physician") -> str:
    page.goto("/")
    page.get_by_label("Your question").fill(question)
    page.locator(f"form.ask input[name=reader][value={reader}]").check()
    page.get_by_role("button", name="Get answer").click()
    page.wait_for_url(ARTICLE_URL)
    return page.url.rsplit("/", 1)[1]


def api_answer(page: Any, article_id: str, reader: str) -> Any:
    """The article's answer as the JSON API gives it, read back into an Answer."""
    response = page.request.get(f"/api/articles/{article_id}?reader={reader}")
    assert response.ok, response.text()
    return answer_from_dict(response.json()["answer"])


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def choose_reader(page: Any, label: str) -> None:
    page.locator("details.reader-choice summary").click()
    page.locator("form.reader-form").get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Show for this reader").click()
    page.wait_for_url(ARTICLE_URL)


def test_trust_marks_say_what_the_terminal_and_the_json_say(page: Any, shoot: Any) -> None:
    article_id = ask(page, MONITORING_QUESTION)  # two sources give different intervals
    answer = api_answer(page, article_id, "physician")
    shown = [line.strip() for line in page.locator("ul.trust li").all_inner_texts()]
    assert shown == trust_lines(answer)  # the Markdown renderer's words
    assert shown[0].startswith("Checked against the cited passages:")
    assert any("older than 5 years" in line for line in shown)

    statements = page.locator("span.statement")
    assert statements.count() == len(answer.statements)
    for index, statement in enumerate(answer.statements):
        trust = statement_trust(statement, answer)
        node = page.locator(f"#q{index}")
        assert words(node.inner_text()) == words(statement.text)
        after = node.locator("xpath=..")
        if trust.verdict == "supported":
            mark = after.locator(".verdict.supported").first
            assert mark.get_attribute("title") == trust.why
        if trust.grade:
            assert trust.grade in after.inner_text()
        if trust.stale:
            assert trust.stale in after.inner_text()

    old = [r.number for r in answer.references if r.stale]
    assert old
    for number in old:
        assert "Older than 5 years." in page.locator(f"#ref-{number}").inner_text()
    graded = [s for s in answer.statements if s.grade]
    assert page.locator(".grade").count() == len(graded)

    table = page.locator("section.disagreements table.disagreement").first
    assert table.is_visible()
    assert table.locator("th").count() == 2
    shoot("10-trust-marks")


def test_a_citation_opens_on_hover_focus_and_tap_with_its_sentence_highlighted(
    page: Any, browser: Any, base_url: str, shoot: Any
) -> None:
    article_id = ask(page, READERS_QUESTION)
    answer = api_answer(page, article_id, "physician")
    cite = page.locator("a.cite").nth(2)
    key = cite.get_attribute("data-quote")
    statement = answer.statements[int(key.removeprefix("q"))]

    cite.hover()
    popover = page.locator("#cite-popover")
    popover.wait_for(state="visible")
    highlighted = popover.locator("mark.quote.current")
    assert highlighted.count() >= 1
    assert words(" ".join(highlighted.all_inner_texts())) == words(statement.text)
    assert popover.locator(".path").inner_text().strip()
    assert re.search(r"\b(19|20)\d\d\b", popover.locator(".pop-ref").inner_text())
    assert popover.get_by_role("link", name=re.compile("Go to reference")).is_visible()
    shoot("11-popover-hover", full=False)
    page.mouse.move(0, 0)
    popover.wait_for(state="detached")

    page.locator("a.cite").first.focus()
    popover.wait_for(state="visible")
    assert popover.locator("mark.quote.current").count() >= 1
    page.keyboard.press("Escape")
    assert popover.count() == 0
    assert page.evaluate("document.activeElement.classList.contains('cite')")

    phone = browser.new_context(
        base_url=base_url, viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=2
    )
    try:
        touch = phone.new_page()
        touch.goto(f"/articles/{article_id}")
        touch.locator("a.cite").nth(2).scroll_into_view_if_needed()
        touch.locator("a.cite").nth(2).tap()
        box = touch.locator("#cite-popover")
        box.wait_for(state="visible")
        assert words(" ".join(box.locator("mark.quote.current").all_inner_texts())) == words(
            statement.text
        )
        bounds = box.bounding_box()
        assert bounds is not None and bounds["x"] >= 0
        assert bounds["x"] + bounds["width"] <= PHONE["width"]
        touch.screenshot(path=str(_shot("12-popover-tap-phone")))
        touch.keyboard.press("Escape")
        assert box.count() == 0
    finally:
        phone.close()


def test_the_reference_list_expands_each_cited_passage_with_the_quoted_sentences(
    page: Any, shoot: Any
) -> None:
    ask(page, READERS_QUESTION)
    details = page.locator("ol.references details").first
    details.locator("summary").click()
    passage = details.locator("blockquote.passage").first
    assert passage.is_visible()
    assert passage.locator("mark.quote").count() >= 1
    assert passage.locator(".path").inner_text().strip()
    shoot("13-reference-passage", full=False)


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_bottom_line_is_in_the_first_screen(
    browser: Any, base_url: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(base_url=base_url, viewport=viewport)
    try:
        page = context.new_page()
        ask(page, READERS_QUESTION)
        heading = page.locator("#bottom-line-heading").bounding_box()
        first = page.locator("section.bottom-line p").bounding_box()
        assert heading is not None and first is not None
        assert first["y"] + 30 < viewport["height"], (heading, first)
        assert page.locator("h1").inner_text().strip()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        name = "14-first-screen-" + ("phone" if viewport is PHONE else "laptop")
        page.screenshot(path=str(_shot(name)))
    finally:
        context.close()


def test_the_reader_is_stated_once_and_the_patient_article_differs(page: Any, shoot: Any) -> None:
    article_id = ask(page, READERS_QUESTION)
    assert page.locator("details.reader-choice summary").inner_text().startswith("Written for:")
    assert "Physician" in page.locator(".reader-now").inner_text()
    assert page.get_by_text("This version was written for").count() == 0
    assert "clinician" not in page.locator("details.reader-choice").inner_text().casefold()
    physician = [words(t) for t in page.locator("span.statement").all_inner_texts()]

    choose_reader(page, "Patient")
    assert "Patient" in page.locator(".reader-now").inner_text()
    assert page.get_by_role("heading", name="Please note").is_visible()
    patient = [words(t) for t in page.locator("span.statement").all_inner_texts()]
    assert set(patient) != set(physician)  # other statements, not only another order
    assert page.get_by_role("heading", name="What the words mean").is_visible()
    from_patients = page.locator("ol.references li", has_text="Patient Leaflets")
    assert from_patients.count() == 1
    shoot("15-article-patient")
    api = api_answer(page, article_id, "patient")
    assert api.audience == "patient"
    assert {words(s.text) for s in api.statements} == set(patient)


def test_the_article_page_has_no_serious_accessibility_violations(
    browser: Any, base_url: str
) -> None:
    if not AXE.is_file():
        message = f"axe-core is not at {AXE}: run scripts/install-browser.sh"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # axe is injected as a script of the test's own: the page's CSP would refuse it
    context = browser.new_context(base_url=base_url, bypass_csp=True)
    try:
        _check_accessibility(context.new_page())
    finally:
        context.close()


def _check_accessibility(page: Any) -> None:
    ask(page, READERS_QUESTION)
    page.locator("details.reader-choice summary").click()
    page.locator("ol.references details").first.locator("summary").click()
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => JSON.stringify(await axe.run(document))")
    violations = json.loads(result)["violations"]
    serious = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["html"] for n in v["nodes"][:3]]}
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], serious
    _shot("16-axe").with_suffix(".json").write_text(
        json.dumps(violations, indent=2), encoding="utf-8"
    )


def _shot(name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"
