"""End to end in headless Chromium: ask, open a citation, switch the reader, follow up;
a hostile document runs nothing; labels, keyboard use and contrast; no JavaScript needed.

Screenshots are kept in artifacts/screenshots/ (see conftest.py).
"""

from __future__ import annotations

import re
from typing import Any

from web_support import HOSTILE_QUESTION

NET_QUESTION = "What surveillance is recommended for neuroendocrine tumours?"
ARTICLE_URL = re.compile(r"/articles/[0-9a-f]{12}$")

#: For every visible element with its own text: the contrast ratio (WCAG 2) of its colour on
#: the first opaque background among it and its ancestors.
CONTRAST_JS = """
() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const c = rgb(getComputedStyle(node).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const box = el.getBoundingClientRect();
    if (!own || box.width === 0 || box.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") continue;
    const a = lum(rgb(style.color).slice(0, 3)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const text = el.textContent.trim().slice(0, 40);
    out.push({ tag: el.tagName, cls: el.className, text, ratio });
  }
  return out;
}
"""

UNLABELLED_JS = """
() => [...document.querySelectorAll("input:not([type=hidden]), textarea, select, button")]
  .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute("aria-label")
                  && !el.textContent.trim())
  .map((el) => el.outerHTML)
"""


def shows_question(page: Any, question: str) -> bool:
    """The page's title is the question, or the question is shown under the title."""
    asked = page.locator("p.asked")
    if asked.count():
        return question in asked.inner_text()
    return bool(page.locator("h1").inner_text() == question)


def ask(page: Any, question: str, reader_label: str | None = None) -> None:
    page.goto("/")
    page.get_by_label("Your question").fill(question)
    if reader_label:
        page.get_by_label(reader_label).check()
    page.get_by_role("button", name="Get answer").click()
    page.wait_for_url(ARTICLE_URL)


def test_ask_open_a_citation_switch_the_reader_and_follow_up(page: Any, shoot: Any) -> None:
    page.goto("/")
    shoot("01-home")
    ask(page, NET_QUESTION, "Nurse")
    assert page.locator("h1").inner_text().strip()
    assert shows_question(page, NET_QUESTION)
    assert page.get_by_label("Nurse").is_checked()
    assert page.locator(".reader-now").inner_text() == "Nurse"
    assert page.get_by_text("Pending human review").is_visible()
    assert page.locator(".step.current").inner_text().startswith("Submitted")
    shoot("02-article")

    citation = page.locator("a.cite").first
    citation.click()
    popover = page.locator("#cite-popover")
    assert popover.is_visible()
    assert popover.locator(".path").inner_text().strip()  # the source's section path
    assert re.search(r"\b(19|20)\d\d\b", popover.locator(".pop-ref").inner_text())  # year
    assert popover.get_by_role("link", name=re.compile("Go to reference")).is_visible()
    shoot("03-citation-popover", full=False)
    page.keyboard.press("Escape")
    assert popover.count() == 0
    assert page.evaluate("document.activeElement.classList.contains('cite')")

    page.locator("details.reader-choice summary").click()
    page.get_by_label("Patient", exact=True).check()
    page.get_by_role("button", name="Show for this reader").click()
    page.wait_for_load_state()
    assert page.get_by_label("Patient", exact=True).is_checked()
    assert page.get_by_role("heading", name="Please note").is_visible()
    page.reload()
    assert page.get_by_label("Patient", exact=True).is_checked()  # remembered
    assert page.locator(".reader-now").inner_text() == "Patient"
    shoot("04-article-patient")
    first_url = page.url

    page.get_by_label("Follow-up question").fill("and in G3 tumours?")
    page.get_by_role("button", name="Ask follow-up").click()
    page.wait_for_url(ARTICLE_URL)
    assert page.url != first_url
    assert page.locator("h1").inner_text() == "And in G3 tumours?"
    assert "neuroendocrine" in page.locator(".understood").inner_text()
    assert page.locator(".thread-link a").get_attribute("href") in first_url
    assert page.locator("nav.thread li").count() == 2
    assert page.locator("a.cite").count() > 0  # its own cited article
    shoot("05-follow-up")


def test_a_hostile_document_runs_no_script_and_injects_no_markup(page: Any, shoot: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ask(page, HOSTILE_QUESTION)
    assert page.get_by_text("zorblax", exact=False).first.is_visible()
    for index in range(page.locator("a.cite").count()):
        page.locator("a.cite").nth(index).click()
        assert page.locator("#cite-popover").is_visible()
        page.keyboard.press("Escape")
    page.locator("details").evaluate_all("(all) => all.forEach((d) => d.open = true)")
    shown = page.locator("main").inner_text()
    assert "<script>window.__pwned=1</script>" in shown  # markup shown as text
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("[onerror], [onclick], [onload], [onmouseover]").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.locator("script").count() == 1  # our own, from /static
    assert page.locator("img").count() == 0
    shoot("06-hostile-document")
    assert dialogs == []


def test_keyboard_alone_can_ask_and_read_citations(page: Any, shoot: Any) -> None:
    page.goto("/")
    assert page.evaluate(UNLABELLED_JS) == []
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    focused = _tab_to(page, "textarea#question")
    assert focused
    page.keyboard.type(NET_QUESTION)
    _tab_to(page, "input[name=reader]")
    page.keyboard.press("ArrowRight")  # physician -> nurse
    assert page.get_by_label("Nurse").is_checked()
    _tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(ARTICLE_URL)

    assert page.evaluate(UNLABELLED_JS) == []
    assert _tab_to(page, "a.cite")
    assert page.locator("#cite-popover").is_visible()  # focus alone shows the passage
    shoot("07-keyboard-focus-citation", full=False)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "cite-popover"
    page.keyboard.press("Escape")
    assert page.locator("#cite-popover").count() == 0
    assert page.evaluate("document.activeElement.classList.contains('cite')")


def test_text_contrast_is_at_least_4_5_to_1(page: Any) -> None:
    for path in ("/", "/editorial-policy"):
        page.goto(path)
        _assert_contrast(page)
    ask(page, NET_QUESTION)
    page.locator("a.cite").first.click()
    _assert_contrast(page)


def test_on_a_narrow_screen_the_popover_stays_on_screen(page: Any, shoot: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    ask(page, NET_QUESTION)
    page.locator("a.cite").first.click()
    box = page.locator("#cite-popover").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    shoot("08-narrow-screen-popover", full=False)


def test_without_javascript_a_citation_links_to_its_reference(browser: Any, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        ask(page, NET_QUESTION)
        citation = page.locator("a.cite").first
        number = citation.inner_text()
        citation.click()
        assert page.url.endswith(f"#ref-{number}")
        assert page.locator(f"#ref-{number}").is_visible()
        assert page.locator("#cite-popover").count() == 0
    finally:
        context.close()


def _tab_to(page: Any, selector: str, limit: int = 40) -> bool:
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return True
        page.keyboard.press("Tab")
    return False


def _assert_contrast(page: Any) -> None:
    low = [item for item in page.evaluate(CONTRAST_JS) if item["ratio"] < 4.5]
    assert low == [], low
