"""The HTML pages in process: home, ask, article, reader choice, follow-ups, review status,
editorial policy, error pages, and safe rendering of a hostile guideline page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from selectolax.lexbor import LexborHTMLParser

from guidecite.answer import Library, open_library
from guidecite.review import APPROVED, UNDER_REVIEW
from guidecite.settings import Settings
from guidecite.web import WebConfig, create_app
from guidecite.web.readers import READER_COOKIE, READERS, audience_for
from test_store_articles import set_status
from web_support import HOSTILE_QUESTION, build_web_home

NET_QUESTION = "What surveillance is recommended for neuroendocrine tumours?"


@pytest.fixture(scope="module")
def library(slice_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    home = build_web_home(slice_home, tmp_path_factory.mktemp("web") / "home")
    lib = open_library(Settings(home=home, starter=False))
    yield lib
    lib.close()


@pytest.fixture
def client(library: Library) -> TestClient:
    return TestClient(create_app(library, WebConfig(rate_per_minute=0)))


def ask(client: TestClient, question: str, reader: str = "physician") -> str:
    """Posts the home page's form; the article's path."""
    response = client.post(
        "/ask", data={"question": question, "reader": reader}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert re.fullmatch(r"/articles/[0-9a-f]{12}", location)
    return location


def page(client: TestClient, path: str) -> LexborHTMLParser:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return LexborHTMLParser(response.text)


def test_every_reader_is_passed_to_the_engine_as_itself() -> None:
    assert {reader: audience_for(reader) for reader in READERS} == {
        reader: reader for reader in ("physician", "nurse", "pharmacist", "student", "patient")
    }


def test_home_has_a_labelled_question_box_the_readers_and_the_latest_articles(
    client: TestClient,
) -> None:
    path = ask(client, NET_QUESTION)
    tree = page(client, "/")
    box = tree.css_first("form[action='/ask'] textarea#question")
    assert box is not None and tree.css_first("label[for=question]") is not None
    assert [i.attributes["value"] for i in tree.css("input[name=reader]")] == list(READERS)
    assert path in [a.attributes["href"] for a in tree.css("ul.latest a")]


def test_asking_remembers_the_reader_and_the_article_has_its_parts(client: TestClient) -> None:
    response = client.post(
        "/ask", data={"question": NET_QUESTION, "reader": "nurse"}, follow_redirects=False
    )
    assert response.cookies[READER_COOKIE] == "nurse"
    tree = page(client, response.headers["location"])
    assert tree.css_first("h1").text().strip()  # the article's title
    asked = tree.css_first("p.asked")
    assert NET_QUESTION in (asked.text() if asked else tree.css_first("h1").text())
    assert "checked" in tree.css_first("input[name=reader][value=nurse]").attributes
    assert tree.css_first(".reader-now").text() == "Nurse"  # stated once
    assert tree.css_first("main").text().count("Written for") == 1
    assert tree.css_first(".bottom-line") is not None
    assert tree.css(".body-section h2")
    review = tree.css_first(".review").text()
    assert "Pending human review" in review and "Submitted" in review
    assert "Last updated" in review
    assert tree.css_first(".review a[href='/editorial-policy']") is not None
    assert "Professional disclaimer" in tree.css_first(".disclaimer").text()
    assert tree.css_first(".follow-up label[for=follow-up-question]") is not None


def test_every_citation_links_to_its_reference_and_passage(client: TestClient) -> None:
    tree = page(client, ask(client, NET_QUESTION))
    citations = tree.css("sup.cites a.cite")
    assert citations
    for citation in citations:
        number = citation.text()
        assert citation.attributes["href"] == f"#ref-{number}"
        reference = tree.css_first(f"li#ref-{number}")
        assert reference is not None
        passage = reference.css_first(f"blockquote#{citation.attributes['data-passage']}")
        assert passage is not None and passage.css_first(".path").text().strip()


def test_choosing_a_reader_re_renders_the_article_for_them(client: TestClient) -> None:
    path = ask(client, NET_QUESTION)
    response = client.post(
        "/reader", data={"reader": "patient", "next": path}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == path
    assert response.cookies[READER_COOKIE] == "patient"
    tree = page(client, path)
    assert "checked" in tree.css_first("input[value=patient]").attributes
    assert tree.css_first("#disclaimer-heading").text() == "Please note"


def test_the_reader_form_only_redirects_within_the_site(client: TestClient) -> None:
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil"):
        response = client.post(
            "/reader", data={"reader": "nurse", "next": target}, follow_redirects=False
        )
        assert response.headers["location"] == "/"
    response = client.post("/reader", data={"reader": "chef", "next": "/"})
    assert response.status_code == 400


def test_a_follow_up_is_its_own_article_linked_into_the_thread(client: TestClient) -> None:
    parent = ask(client, NET_QUESTION)
    response = client.post(
        f"{parent}/follow-ups", data={"question": "and in G3 tumours?"}, follow_redirects=False
    )
    assert response.status_code == 303
    child = response.headers["location"]
    assert child != parent
    tree = page(client, child)
    assert tree.css_first("h1").text() == "And in G3 tumours?"
    assert tree.css_first(".thread-link a").attributes["href"] == parent
    assert "neuroendocrine" in tree.css_first(".understood").text()
    assert [a.attributes["href"] for a in tree.css("nav.thread a")] == [parent, child]
    assert tree.css("a.cite")


def test_the_review_banner_follows_the_review_state(client: TestClient, library: Library) -> None:
    path = ask(client, "Which inhaled corticosteroid dose is recommended for asthma?")
    articles = library.repositories().articles
    set_status(articles, path.rsplit("/", 1)[1], UNDER_REVIEW)
    tree = page(client, path)
    assert tree.css_first(".step.current").text().split()[:2] == ["Under", "Review"]
    assert len(tree.css(".step time")) == 2
    set_status(articles, path.rsplit("/", 1)[1], APPROVED)
    tree = page(client, path)
    assert "Pending human review" not in tree.css_first(".review").text()
    assert tree.css_first(".step.current").text().split()[0] == "Approved"


def test_a_hostile_guideline_page_runs_no_script_and_injects_no_markup(
    client: TestClient,
) -> None:
    response = client.get(ask(client, HOSTILE_QUESTION))
    tree = LexborHTMLParser(response.text)
    assert "zorblax-fever.html" in tree.css_first("ol.references").text()
    scripts = tree.css("script")
    assert [s.attributes.get("src") for s in scripts] == ["/static/guidecite.js"]
    assert not any(s.text().strip() for s in scripts)
    for node in tree.css("*"):
        assert not [name for name in node.attributes if name.lower().startswith("on")]
        for name in ("href", "src", "action"):
            value = (node.attributes.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "//")), node.html
    assert tree.css("img, iframe, object, embed, style") == []
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in response.text
    assert "javascript:window.__pwned=1" in tree.css_first("ol.references .url").text()
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_the_editorial_policy_is_a_configurable_text_page(library: Library, tmp_path: Path) -> None:
    default = page(
        TestClient(create_app(library, WebConfig(rate_per_minute=0))), "/editorial-policy"
    )
    assert default.css_first("h1").text() == "Editorial policy"
    policy = tmp_path / "policy.txt"
    policy.write_text("Our policy\n\nReviewed by <b>two</b> clinicians.\n", encoding="utf-8")
    custom = TestClient(create_app(library, WebConfig(rate_per_minute=0, editorial_policy=policy)))
    response = custom.get("/editorial-policy")
    assert "<h1>Our policy</h1>" in response.text
    assert "Reviewed by &lt;b&gt;two&lt;/b&gt; clinicians." in response.text


def test_page_errors_are_pages_with_the_right_status(client: TestClient) -> None:
    missing = client.get("/articles/000000000000")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "no article" in LexborHTMLParser(missing.text).css_first("[role=alert]").text()
    blank = client.post("/ask", data={"question": "?!", "reader": "nurse"})
    assert blank.status_code == 422 and "<h1>" in blank.text
    long = client.post("/ask", data={"question": "why " * 300, "reader": "nurse"})
    assert long.status_code == 422 and "limit" in long.text


def test_static_assets_are_served_from_the_package(client: TestClient) -> None:
    assert client.get("/static/guidecite.css").headers["content-type"].startswith("text/css")
    script = client.get("/static/guidecite.js")
    assert script.status_code == 200 and "innerHTML" not in script.text


def test_a_stale_article_says_so_and_can_be_updated_to_a_new_version(
    library: Library, tmp_path: Path
) -> None:
    import shutil

    from guidecite.ingest import ingest_paths

    home = tmp_path / "home"
    shutil.copytree(library.store.home, home)  # type: ignore[attr-defined]
    lib = open_library(Settings(home=home, starter=False))
    try:
        client = TestClient(create_app(lib, WebConfig(rate_per_minute=0)))
        path = ask(client, NET_QUESTION)
        assert page(client, path).css_first(".stale") is None
        extra = tmp_path / "extra"
        extra.mkdir()
        (extra / "note.md").write_text("# Note\n\nNeuroendocrine tumours need follow-up.\n")
        ingest_paths(lib.store, [extra], lib.embedder)
        assert page(client, path).css_first("form.stale button") is not None
        response = client.post(f"{path}/refresh", follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == path
        tree = page(client, path)
        assert tree.css_first(".stale") is None
        # the copied library may hold the article already (the CLI keeps articles too)
        earlier = [a.attributes["href"] for a in tree.css("nav.versions a")]
        latest = len(earlier) + 1
        assert earlier == [f"{path}?version={n}" for n in range(1, latest)]
        meta = " ".join(tree.css_first(".review .meta").text().split())
        assert f"Version {latest} of {latest}" in meta and latest >= 2
        assert page(client, f"{path}?version={latest - 1}").css_first(".stale") is not None
    finally:
        lib.close()


def test_unsupported_statements_are_shown_flagged_only_when_asked_for(client: TestClient) -> None:
    path = ask(client, NET_QUESTION)
    plain = page(client, path)
    trust = plain.css_first("ul.trust").text()
    assert "Checked against the cited passages" in trust
    assert "shown, flagged, in an article composed for this page" not in trust
    asked = page(client, path + "?unsupported=1")
    note = asked.css_first("ul.trust").text()
    assert "shown, flagged, in an article composed for this page" in note
    assert asked.css_first(f"ul.trust a[href='{path}']") is not None
    shown = asked.css("span.statement")
    assert len(shown) >= len(plain.css("span.statement"))
