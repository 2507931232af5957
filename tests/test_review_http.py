"""The review board over HTTP: every state-changing endpoint refuses the unauthenticated,
the wrong role and a missing or wrong CSRF token; sessions are not fixed; injection
strings in every input are stored and shown as text."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from guidecite.answer import Library, open_library
from guidecite.settings import Settings
from guidecite.web import WebConfig, create_app
from guidecite.web.auth import SESSION_COOKIE
from review_support import PASSWORD, add_users, store_with_article

INJECTIONS = (
    "'; DROP TABLE articles; --",
    "<script>window.__pwned=1</script>",
    '" onmouseover="alert(1)',
    "S1' OR '1'='1",
    "{{ 7*7 }}",
    "=cmd|'/C calc'!A0",
)


@pytest.fixture
def app_and_id(place: Settings) -> Iterator[tuple[Library, str]]:
    store, article_id = store_with_article(place)
    add_users(store)
    store.close()
    library = open_library(place)
    yield library, article_id
    library.close()


@pytest.fixture
def client(app_and_id: tuple[Library, str]) -> TestClient:
    return TestClient(create_app(app_and_id[0], WebConfig(rate_per_minute=0)))


@pytest.fixture
def article_id(app_and_id: tuple[Library, str]) -> str:
    return app_and_id[1]


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def sign_in(client: TestClient, username: str) -> str:
    """Signs in through the form; the session's CSRF token."""
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": username, "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/review").text)


def endpoints(article_id: str) -> dict[str, dict[str, str]]:
    return {
        f"/review/{article_id}/take": {},
        f"/review/{article_id}/approve": {},
        f"/review/{article_id}/request-changes": {"reason": "cite the update"},
        f"/review/{article_id}/comments": {"statement": "S1", "body": "check the dose"},
        f"/review/{article_id}/edit": {"statement": "S1", "text": "new text"},
        "/logout": {},
    }


def status_of(client: TestClient, article_id: str) -> str:
    return str(client.app.state.board.state(article_id).status)  # type: ignore[attr-defined]


def test_unauthenticated_posts_are_refused(client: TestClient, article_id: str) -> None:
    for path, data in endpoints(article_id).items():
        response = client.post(path, data={**data, "csrf_token": "x"}, follow_redirects=False)
        assert response.status_code == 401, path
    assert status_of(client, article_id) == "submitted"


def test_pages_send_the_unauthenticated_to_sign_in(client: TestClient, article_id: str) -> None:
    for path in ("/review", f"/review/{article_id}", "/admin/audit", "/admin/audit.csv"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_missing_or_wrong_csrf_tokens_are_refused(client: TestClient, article_id: str) -> None:
    sign_in(client, "rita")
    for path, data in endpoints(article_id).items():
        for token in (None, "wrong-token"):
            body = data if token is None else {**data, "csrf_token": token}
            response = client.post(path, data=body, follow_redirects=False)
            assert response.status_code == 403, (path, token)
    assert status_of(client, article_id) == "submitted"


def test_the_sign_in_form_needs_its_csrf_token(client: TestClient) -> None:
    client.get("/login")
    response = client.post(
        "/login",
        data={"username": "rita", "password": PASSWORD, "csrf_token": "forged"},
        follow_redirects=False,
    )
    assert response.status_code == 403 and SESSION_COOKIE not in response.cookies


def test_an_admin_may_not_make_any_review_step(client: TestClient, article_id: str) -> None:
    token = sign_in(client, "ada")
    for path, data in endpoints(article_id).items():
        if path != "/logout":
            response = client.post(path, data={**data, "csrf_token": token}, follow_redirects=False)
            assert response.status_code in (403, 409), path
    assert status_of(client, article_id) == "submitted"


def test_every_forbidden_transition_is_refused(client: TestClient, article_id: str) -> None:
    token = sign_in(client, "rita")
    post = lambda step, **d: client.post(  # noqa: E731
        f"/review/{article_id}/{step}", data={"csrf_token": token, **d}, follow_redirects=False
    )
    assert post("approve").status_code == 409  # submitted -> approved skips review
    assert post("request-changes", reason="x").status_code == 409
    assert post("comments", statement="S1", body="x").status_code == 409
    assert post("edit", statement="S1", text="x").status_code == 403  # reviewers do not edit
    assert post("take").status_code == 303
    assert post("take").status_code == 409
    assert post("approve").status_code == 303
    for step, data in (
        ("take", {}),
        ("approve", {}),
        ("request-changes", {"reason": "x"}),
        ("comments", {"statement": "S1", "body": "x"}),
    ):
        assert post(step, **data).status_code == 409, step
    assert status_of(client, article_id) == "approved"


def test_a_reviewer_approves_and_the_article_says_who_and_when(
    client: TestClient, article_id: str
) -> None:
    token = sign_in(client, "rita")
    for step in ("take", "approve"):
        client.post(f"/review/{article_id}/{step}", data={"csrf_token": token})
    page = client.get(f"/articles/{article_id}").text
    assert "Approved by <strong>Dr Rita Reviewer</strong>" in page
    assert client.app.state.audit.verify().ok  # type: ignore[attr-defined]


def test_signing_in_replaces_a_planted_session(client: TestClient) -> None:
    client.cookies.set(SESSION_COOKIE, "planted-by-an-attacker")
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": "rita", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    issued = response.cookies.get(SESSION_COOKIE)
    assert issued and issued != "planted-by-an-attacker"
    header = response.headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=lax" in header


def test_a_stolen_session_dies_at_logout(client: TestClient) -> None:
    token = sign_in(client, "rita")
    old = client.cookies.get(SESSION_COOKIE)
    client.post("/logout", data={"csrf_token": token})
    client.cookies.set(SESSION_COOKIE, old or "")
    assert client.get("/review", follow_redirects=False).status_code == 303


def test_secure_cookies_when_configured(app_and_id: tuple[Library, str]) -> None:
    client = TestClient(
        create_app(app_and_id[0], WebConfig(rate_per_minute=0, secure_cookies=True))
    )
    assert "secure" in client.get("/login").headers["set-cookie"].lower()
    over_https = TestClient(client.app, base_url="https://testserver")
    token = csrf_of(over_https.get("/login").text)
    response = over_https.post(
        "/login",
        data={"username": "rita", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert "secure" in response.headers["set-cookie"].lower()


def test_wrong_passwords_lock_the_account_over_http(client: TestClient) -> None:
    for _ in range(5):
        token = csrf_of(client.get("/login").text)
        response = client.post(
            "/login", data={"username": "rita", "password": "nope-nope-nope", "csrf_token": token}
        )
        assert response.status_code == 401
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": "rita", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 401


@pytest.mark.parametrize("text", INJECTIONS)
def test_injection_strings_in_every_input_are_inert(
    client: TestClient, article_id: str, text: str
) -> None:
    token = csrf_of(client.get("/login").text)
    assert (
        client.post(
            "/login", data={"username": text, "password": text, "csrf_token": token}
        ).status_code
        == 401
    )
    token = sign_in(client, "eddie")
    base = f"/review/{article_id}"
    assert client.post(f"{base}/take", data={"csrf_token": token}).status_code == 200
    assert client.post(
        f"{base}/comments", data={"csrf_token": token, "statement": text, "body": "x"}
    ).status_code in (400, 422)
    client.post(f"{base}/comments", data={"csrf_token": token, "statement": "S1", "body": text})
    client.post(f"{base}/edit", data={"csrf_token": token, "statement": "S1", "text": text})
    client.post(f"{base}/request-changes", data={"csrf_token": token, "reason": text})
    html = client.get(base).text
    assert "<script>window.__pwned" not in html and '" onmouseover="' not in html
    if "{{" in text:
        assert text in html  # shown as written, not evaluated as a template
    board = client.app.state.board  # type: ignore[attr-defined]
    assert board.comments(article_id)[-1].body == " ".join(text.split())
    assert board.state(article_id).reason == " ".join(text.split())
    assert (
        client.get(
            f"/review/{article_id}/../../admin/audit.json", follow_redirects=False
        ).status_code
        == 403
    )  # an editor is not an admin
    assert board.articles.count() == 1
