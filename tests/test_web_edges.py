"""Edges of the web app (issue 10, part 6): out-of-range numbers are 422, every response
(500s included) carries the security headers, unknown articles are 404 everywhere,
OPTIONS lists the methods a path really takes, and a refused login costs the same work
whether the account is locked, unknown or the password wrong."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from guidecite import accounts
from guidecite.accounts import MAX_FAILED_LOGINS, Accounts
from guidecite.answer import Library, open_library
from guidecite.errors import NotSignedIn
from guidecite.settings import Settings
from guidecite.web import WebConfig, create_app
from guidecite.web.app import SECURITY_HEADERS
from review_support import PASSWORD, add_users, store_with_article

HUGE = "9223372036854775808"  # 2**63: more than SQLite holds


@pytest.fixture
def library(tmp_path: Path) -> Iterator[tuple[Library, str]]:
    store, article_id = store_with_article(tmp_path / "home")
    add_users(store)
    store.close()
    opened = open_library(Settings(home=tmp_path / "home", starter=False))
    yield opened, article_id
    opened.close()


@pytest.fixture
def client(library: tuple[Library, str]) -> TestClient:
    app = create_app(library[0], WebConfig(rate_per_minute=0))

    def broken() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/api/broken", broken)
    app.add_api_route("/broken", broken)
    return TestClient(app, raise_server_exceptions=False)


def secured(response) -> bool:  # type: ignore[no-untyped-def]
    return all(response.headers.get(name) == value for name, value in SECURITY_HEADERS.items())


def test_out_of_range_numbers_are_422_with_the_security_headers(
    client: TestClient, library: tuple[Library, str]
) -> None:
    """offset=2**63 was a 500 without the security headers."""
    article_id = library[1]
    for path in (f"/api/articles?offset={HUGE}", f"/api/articles?limit={HUGE}",
                 f"/api/articles/{article_id}?version={HUGE}",
                 f"/articles/{article_id}?version={HUGE}"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 422, path
        assert secured(response), path
    assert client.get(f"/api/articles?offset={HUGE}").json()["error"]["code"] == "invalid_request"


def test_an_unexpected_error_is_a_500_with_the_security_headers(client: TestClient) -> None:
    api = client.get("/api/broken")
    assert api.status_code == 500 and secured(api)
    assert api.json() == {"error": {"code": "internal_error",
                                    "message": "Something went wrong on our side."}}  # fmt: skip
    page = client.get("/broken")
    assert page.status_code == 500 and secured(page) and "text/html" in page.headers["content-type"]


def sign_in(client: TestClient, username: str) -> str:
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
    assert token
    client.post("/login", data={"username": username, "password": PASSWORD,
                                "csrf_token": token.group(1)})  # fmt: skip
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/review").text)
    assert found
    return found.group(1)


def test_unknown_articles_are_404_everywhere(client: TestClient) -> None:
    """Review actions on an unknown article answered 400."""
    token = sign_in(client, "rita")
    form = {"csrf_token": token, "reason": "r", "statement": "S1", "body": "b"}
    for step in ("take", "approve", "request-changes", "comments"):
        response = client.post(f"/review/nope/{step}", data=form, follow_redirects=False)
        assert response.status_code == 404, step
    assert client.get("/review/nope").status_code == 404
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404
    assert (
        client.post("/api/articles/nope/follow-ups", json={"question": "why?"}).status_code == 404
    )
    assert client.post("/articles/nope/follow-ups", data={"question": "why?"}).status_code == 404


def test_options_lists_the_methods_a_path_takes(client: TestClient) -> None:
    """OPTIONS answered 405 and listed one method of GET and POST."""
    expected = {"/api/articles": "GET, OPTIONS, POST", "/api/status": "GET, OPTIONS",
                "/ask": "OPTIONS, POST", "/login": "GET, OPTIONS, POST",
                "/static/guidecite.css": "GET, HEAD, OPTIONS"}  # fmt: skip
    for path, allow in expected.items():
        response = client.options(path)
        assert (response.status_code, response.headers["allow"]) == (204, allow), path
        assert secured(response)
    assert client.options("/no/such/route").status_code == 404


def test_a_refused_login_does_the_same_work_for_locked_unknown_and_wrong(
    library: tuple[Library, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A locked account answered six times faster than a wrong password: no argon2 check."""
    backend = library[0].repositories()
    board = Accounts(backend.accounts, backend.audit)
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(NotSignedIn):
            board.login("rita", "wrong")
    checks: list[str] = []
    real = accounts._check

    def counted(stored: str, password: str) -> bool:
        checks.append(stored[:9])
        return real(stored, password)

    monkeypatch.setattr(accounts, "_check", counted)
    work = {}
    for who, password in (("rita", PASSWORD), ("nobody", "x"), ("eddie", "wrong")):
        before = len(backend.audit.entries())
        checks.clear()
        with pytest.raises(NotSignedIn, match="wrong user name or password, or the account"):
            board.login(who, password)
        after = len(backend.audit.entries())
        work[who] = (len(checks), checks[0] if checks else None, after - before >= 1)
    assert work == {who: (1, "$argon2id", True) for who in ("rita", "nobody", "eddie")}
