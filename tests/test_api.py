"""The JSON API in process: create, fetch, follow up, list, status, versions, limits, and
one error shape for every error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from guidecite.answer import Library, open_library
from guidecite.ingest import ingest_paths
from guidecite.render import answer_from_dict
from guidecite.settings import Settings
from guidecite.web import WebConfig, create_app
from guidecite.web.limits import TokenBuckets
from web_support import build_web_home

NET_QUESTION = "What surveillance is recommended for neuroendocrine tumours?"
ASTHMA_QUESTION = "Which inhaled corticosteroid dose is recommended for asthma?"


@pytest.fixture(scope="module")
def web_home(slice_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_web_home(slice_home, tmp_path_factory.mktemp("api") / "home")


@pytest.fixture(scope="module")
def library(web_home: Path) -> Iterator[Library]:
    lib = open_library(Settings(home=web_home, starter=False))
    yield lib
    lib.close()


@pytest.fixture(scope="module")
def client(library: Library) -> TestClient:
    return TestClient(create_app(library, WebConfig(rate_per_minute=0)))


def ask(client: TestClient, question: str, **extra: Any) -> Any:
    response = client.post("/api/articles", json={"question": question, **extra})
    assert response.status_code in (200, 201), response.text
    return response


def test_asking_creates_a_cited_article_at_a_stable_url(client: TestClient) -> None:
    response = ask(client, NET_QUESTION, reader="pharmacist")
    article = response.json()
    assert response.status_code == 201
    assert response.headers["location"] == f"/api/articles/{article['id']}"
    assert article["url"] == f"/articles/{article['id']}"
    assert article["question"] == NET_QUESTION
    assert article["review"]["status"] == "submitted"
    assert article["review"]["submitted_at"] and article["review"]["approved_at"] is None
    assert article["version"] == 1 and article["versions"] == [1]
    assert (article["reader"], article["audience"]) == ("pharmacist", "pharmacist")
    answer = answer_from_dict(article["answer"])
    assert answer.references and all(s.citations for s in answer.statements)


def test_the_same_question_again_returns_the_stored_article(client: TestClient) -> None:
    first = ask(client, NET_QUESTION).json()
    again = ask(client, "  what SURVEILLANCE is recommended for neuroendocrine   tumours? ")
    assert again.status_code == 200
    assert again.json()["id"] == first["id"]
    assert again.json()["answer"] == first["answer"]
    fetched = client.get(f"/api/articles/{first['id']}")
    assert fetched.status_code == 200 and fetched.json()["answer"] == first["answer"]


def test_each_reader_gets_an_article_told_for_them(client: TestClient) -> None:
    article = ask(client, NET_QUESTION).json()
    patient = client.get(f"/api/articles/{article['id']}", params={"reader": "patient"}).json()
    assert (patient["reader"], patient["audience"]) == ("patient", "patient")
    assert patient["answer"]["audience"] == "patient"
    assert patient["version"] == article["version"]  # the same version, another audience
    nurse = client.get(f"/api/articles/{article['id']}", params={"reader": "nurse"}).json()
    assert nurse["audience"] == "nurse" and nurse["answer"]["audience"] == "nurse"


def test_a_follow_up_keeps_the_thread_context(client: TestClient) -> None:
    parent = ask(client, NET_QUESTION).json()
    response = client.post(
        f"/api/articles/{parent['id']}/follow-ups", json={"question": "and in G3 tumours?"}
    )
    assert response.status_code == 201
    follow = response.json()
    assert follow["id"] != parent["id"]
    assert (follow["parent_id"], follow["thread_id"]) == (parent["id"], parent["thread_id"])
    assert follow["question"] == "and in G3 tumours?"
    assert "neuroendocrine" in follow["understood_as"]
    assert follow["understood_as"].endswith("and in G3 tumours?")
    sources = [r["source"] for r in follow["answer"]["references"]]
    assert follow["answer"]["status"] == "answered"
    assert any("neuroendocrine" in s or "pnet" in s for s in sources), sources
    again = client.post(
        f"/api/articles/{parent['id']}/follow-ups", json={"question": "And in G3 tumours?"}
    )
    assert again.status_code == 200 and again.json()["id"] == follow["id"]


def test_listing_articles_newest_first(client: TestClient) -> None:
    ask(client, NET_QUESTION)
    newest = ask(client, ASTHMA_QUESTION).json()
    listing = client.get("/api/articles", params={"limit": 2}).json()
    assert listing["articles"][0]["id"] == newest["id"]
    assert listing["limit"] == 2 and len(listing["articles"]) <= 2
    assert listing["total"] >= 2
    assert {"id", "url", "question", "review", "updated_at"} <= set(listing["articles"][0])


def test_library_status(client: TestClient, library: Library) -> None:
    status = client.get("/api/status").json()
    counts = library.store.counts()
    assert status["documents"] == counts["documents"]
    assert status["passages"] == counts["passages"]
    assert status["generation"] == library.store.generation()
    assert status["articles"] >= 0


def test_the_openapi_schema_describes_every_operation(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    operations = {(path, method) for path, item in schema["paths"].items() for method in item}
    assert operations == {
        ("/api/articles", "post"),
        ("/api/articles", "get"),
        ("/api/articles/{article_id}", "get"),
        ("/api/articles/{article_id}/follow-ups", "post"),
        ("/api/status", "get"),
    }
    assert "ErrorResponse" in schema["components"]["schemas"]
    ask_body = schema["components"]["schemas"]["AskRequest"]["properties"]["question"]
    assert ask_body["maxLength"] == WebConfig().max_question_chars
    for item in schema["paths"].values():
        for operation in item.values():
            assert "429" in operation["responses"]


def test_a_changed_library_makes_a_new_version_and_keeps_the_old(
    web_home: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    import shutil

    shutil.copytree(web_home, home)
    lib = open_library(Settings(home=home, starter=False))
    try:
        client = TestClient(create_app(lib, WebConfig(rate_per_minute=0)))
        first = ask(client, NET_QUESTION).json()
        extra = tmp_path / "extra"
        extra.mkdir()
        (extra / "note.md").write_text("# Note\n\nNeuroendocrine tumours need follow-up.\n")
        ingest_paths(lib.store, [extra], lib.embedder)
        stale = client.get(f"/api/articles/{first['id']}").json()
        assert stale["stale"] is True and stale["version"] == 1
        second = ask(client, NET_QUESTION)
        assert second.status_code == 201
        assert second.json()["version"] == 2 and second.json()["versions"] == [1, 2]
        assert second.json()["id"] == first["id"] and second.json()["stale"] is False
        assert second.json()["generation"] > first["generation"]
        old = client.get(f"/api/articles/{first['id']}", params={"version": 1}).json()
        assert old["answer"] == first["answer"] and old["stale"] is True
    finally:
        lib.close()


# -- errors ------------------------------------------------------------------------------

ERROR_CASES = [
    ("unknown article", "GET", "/api/articles/000000000000", None, 404, "not_found"),
    ("unknown version", "GET", "/api/articles/{id}?version=99", None, 404, "not_found"),
    ("unknown route", "GET", "/api/nothing-here", None, 404, "not_found"),
    ("wrong method", "DELETE", "/api/articles", None, 405, "method_not_allowed"),
    ("no question", "POST", "/api/articles", {}, 422, "invalid_request"),
    ("empty question", "POST", "/api/articles", {"question": ""}, 422, "invalid_request"),
    ("blank question", "POST", "/api/articles", {"question": " ?! "}, 422, "invalid_question"),
    (
        "long question",
        "POST",
        "/api/articles",
        {"question": "why " * 300},
        422,
        "question_too_long",
    ),
    (
        "unknown reader",
        "POST",
        "/api/articles",
        {"question": "asthma?", "reader": "chef"},
        400,
        "invalid_input",
    ),
    ("bad limit", "GET", "/api/articles?limit=0", None, 422, "invalid_request"),
    ("bad version", "GET", "/api/articles/{id}?version=zero", None, 422, "invalid_request"),
    (
        "follow-up of nothing",
        "POST",
        "/api/articles/000000000000/follow-ups",
        {"question": "and in children?"},
        404,
        "not_found",
    ),
    ("huge body", "POST", "/api/articles", {"question": "x" * 20_000}, 413, "request_too_large"),
]


def assert_error_shape(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


@pytest.mark.parametrize(
    ("label", "method", "path", "body", "status", "code"),
    ERROR_CASES,
    ids=[case[0] for case in ERROR_CASES],
)
def test_every_error_has_the_one_shape(
    client: TestClient, label: str, method: str, path: str, body: Any, status: int, code: str
) -> None:
    article_id = ask(client, NET_QUESTION).json()["id"]
    response = client.request(method, path.format(id=article_id), json=body)
    assert_error_shape(response, status, code)


def test_malformed_json_has_the_one_shape(client: TestClient) -> None:
    response = client.post(
        "/api/articles", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_error_shape(response, 422, "invalid_request")


def test_too_many_requests_are_refused_with_retry_after(library: Library) -> None:
    client = TestClient(create_app(library, WebConfig(rate_per_minute=1, burst=2)))
    assert client.get("/api/status").status_code == 200
    assert client.get("/api/status").status_code == 200
    refused = client.get("/api/status")
    assert_error_shape(refused, 429, "rate_limited")
    assert int(refused.headers["retry-after"]) >= 1
    assert client.get("/static/guidecite.css").status_code == 200  # static files are free


def test_an_unexpected_failure_has_the_one_shape_and_hides_its_details(
    library: Library,
) -> None:
    class Broken:
        def status(self) -> dict[str, object]:
            raise RuntimeError("secret internals")

    app = create_app(library, WebConfig(rate_per_minute=0))
    app.state.service = Broken()
    response = TestClient(app, raise_server_exceptions=False).get("/api/status")
    assert_error_shape(response, 500, "internal_error")
    assert "secret" not in response.text


def test_token_buckets_refill_at_their_rate() -> None:
    now = [0.0]
    buckets = TokenBuckets(rate=2.0, burst=2, clock=lambda: now[0])
    assert buckets.take("a") == 0 and buckets.take("a") == 0
    assert buckets.take("a") == pytest.approx(0.5)
    assert buckets.take("b") == 0  # another client has its own bucket
    now[0] = 0.5
    assert buckets.take("a") == 0
    assert buckets.take("a") > 0


def test_the_api_offers_exactly_the_page_s_readers(client: TestClient) -> None:
    from guidecite.readers import Reader
    from guidecite.web.readers import READERS

    schema = client.get("/api/openapi.json").json()["components"]["schemas"]["AskRequest"]
    offered = schema["properties"]["reader"]["enum"]
    assert offered == [*READERS, "clinician"] == [*map(str, Reader), "clinician"]


def test_an_unknown_reader_is_the_cli_s_error_and_clinician_is_the_physician(
    client: TestClient,
) -> None:
    from guidecite.errors import InputError
    from guidecite.readers import parse_reader

    with pytest.raises(InputError) as raised:
        parse_reader("chef")
    response = client.post("/api/articles", json={"question": "asthma?", "reader": "chef"})
    assert response.json()["error"]["message"] == str(raised.value)
    assert "physician, nurse, pharmacist, student, patient" in str(raised.value)
    article = client.post(
        "/api/articles", json={"question": NET_QUESTION, "reader": "clinician"}
    ).json()
    assert (article["reader"], article["audience"]) == ("physician", "physician")
    assert article["answer"]["audience"] == "physician"
