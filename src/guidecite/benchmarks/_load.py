"""The load: asynchronous clients reading stored articles, asking new questions and taking
review steps, each request recorded with its kind, time, status and what it acknowledged.

A review step counts as acknowledged only when the server answered it with its 303 back to
the review page: the server says it is stored. Each client reviews only its own articles
(one seeded for it, then those its own questions created), so no two clients race for one.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx

#: Out of 20 steps: stored article pages, new questions, review steps.
MIX = ("article",) * 12 + ("ask",) * 3 + ("review",) * 5
KINDS = ("article", "ask", "review")


def parse_mix(text: str) -> tuple[str, ...]:
    """ "article=12,ask=3,review=5" -> the steps a client goes round, in that order."""
    steps: list[str] = []
    for part in text.split(","):
        kind, _, count = part.partition("=")
        kind = kind.strip()
        if kind not in KINDS or not count.strip().isdigit():
            raise ValueError(f"bad mix part {part!r}: use KIND=COUNT with KIND one of {KINDS}")
        steps += [kind] * int(count)
    if not steps:
        raise ValueError("an empty mix")
    return tuple(steps)


def review_cycle(sends_back: int) -> tuple[str, ...]:
    """An article is taken and sent back `sends_back` times, then taken and approved: steps
    that need no new article (a client's own questions make its next ones)."""
    return ("take", "request-changes") * sends_back + ("take", "approve")


REVIEW_CYCLE = review_cycle(5)
AUDIT_ACTION = {
    "take": "article.take",
    "request-changes": "article.request_changes",
    "approve": "article.approve",
}
STACK_TRACE = re.compile(r"Traceback \(most recent call last\)|File \"[^\"]+\", line \d+")
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
TIMEOUT = httpx.Timeout(60.0, connect=5.0)


@dataclass
class Record:
    kind: str
    at: float  # seconds since the load started
    seconds: float
    status: int  # 0: no HTTP answer (connection refused or reset, timeout)
    ok: bool
    retry_after: str | None = None
    stack_trace: bool = False
    code: str | None = None  # the error code of a JSON error body

    @property
    def failed_on_server(self) -> bool:
        """No answer, or a 5xx: what a fault may cause (a 4xx is the request's own doing)."""
        return self.status == 0 or self.status >= 500


@dataclass
class Ack:
    """A review step the server acknowledged."""

    actor: str
    action: str  # the audit trail's name for it
    article_id: str
    at: float


@dataclass
class ClientState:
    index: int
    username: str
    articles: list[str]
    step: int = 0  # position in `cycle` for articles[0]
    cycle: tuple[str, ...] = REVIEW_CYCLE
    csrf: str = ""
    records: list[Record] = field(default_factory=list)
    acks: list[Ack] = field(default_factory=list)


class Questions:
    """New questions handed out once each; when they run out, earlier ones are asked again
    (answered from the stored article, and counted apart as `ask-stored`)."""

    def __init__(self, questions: list[str]) -> None:
        self._fresh: Iterator[str] = iter(questions)
        self._again = itertools.cycle(questions)
        self.handed = 0

    def next(self) -> tuple[str, bool]:
        question = next(self._fresh, None)
        if question is not None:
            self.handed += 1
            return question, True
        return next(self._again), False


async def login(client: httpx.AsyncClient, username: str, password: str) -> str:
    """Sign in (the form's double-submit token, then the session cookie); the session's
    CSRF token, read from the review queue page."""
    form = await client.get("/login")
    token = CSRF.search(form.text)
    if form.status_code != 200 or token is None:
        raise RuntimeError(f"no sign-in form: HTTP {form.status_code}")
    done = await client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token.group(1)},
    )
    if done.status_code != 303:
        raise RuntimeError(f"{username} could not sign in: HTTP {done.status_code}")
    queue = await client.get("/review")
    found = CSRF.search(queue.text)
    if found is None:
        raise RuntimeError(f"no CSRF token on the review queue for {username}")
    return found.group(1)


async def run_client(
    state: ClientState,
    base: str,
    password: str,
    questions: Questions,
    paths: list[str],
    started: float,
    deadline: float,
    mix: tuple[str, ...] = MIX,
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as client:
        state.csrf = await login(client, state.username, password)
        for step in itertools.count():
            if time.monotonic() >= deadline:
                return
            kind = mix[(state.index + step) % len(mix)]
            if kind == "review" and not state.articles:
                kind = "article"
            if kind == "article":
                path = paths[(state.index * 7 + step) % len(paths)]
                await _request(state, client, "article", started, "GET", path)
            elif kind == "ask":
                await _ask(state, client, questions, started)
            else:
                await _review(state, client, started)


async def _request(
    state: ClientState,
    client: httpx.AsyncClient,
    kind: str,
    started: float,
    method: str,
    path: str,
    expect: tuple[int, ...] = (200,),
    **kwargs: object,
) -> httpx.Response | None:
    at = time.monotonic()
    try:
        response = await client.request(method, path, **kwargs)  # type: ignore[arg-type]
    except httpx.HTTPError:
        state.records.append(Record(kind, at - started, time.monotonic() - at, 0, False))
        return None
    seconds = time.monotonic() - at
    status = response.status_code
    ok = status in expect
    record = Record(kind, at - started, seconds, status, ok)
    if status >= 500:
        record.retry_after = response.headers.get("retry-after")
        record.stack_trace = bool(STACK_TRACE.search(response.text))
    if not ok and status >= 400:
        record.code = _error_code(response)
    state.records.append(record)
    return response


def _error_code(response: httpx.Response) -> str | None:
    try:
        return str(response.json()["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return None


async def _ask(
    state: ClientState, client: httpx.AsyncClient, questions: Questions, started: float
) -> None:
    question, fresh = questions.next()
    response = await _request(
        state,
        client,
        "ask" if fresh else "ask-stored",
        started,
        "POST",
        "/api/articles",
        expect=(200, 201),
        json={"question": question},
    )
    if fresh and response is not None and response.status_code == 201:
        state.articles.append(response.json()["id"])


async def _review(state: ClientState, client: httpx.AsyncClient, started: float) -> None:
    article_id = state.articles[0]
    action = state.cycle[state.step]
    data = {"csrf_token": state.csrf}
    if action == "request-changes":
        data["reason"] = "load test: cite the latest version"
    response = await _request(
        state,
        client,
        "review",
        started,
        "POST",
        f"/review/{article_id}/{action}",
        expect=(303,),
        data=data,
    )
    if response is not None and response.status_code == 303:
        state.acks.append(
            Ack(state.username, AUDIT_ACTION[action], article_id, time.monotonic() - started)
        )
        _advance(state)
    else:
        await _resync(state, client)


def _advance(state: ClientState) -> None:
    state.step += 1
    if state.step == len(state.cycle):
        state.articles.pop(0)
        state.step = 0


async def _resync(state: ClientState, client: httpx.AsyncClient) -> None:
    """After an unanswered or refused step, read the article's state (the step may have been
    stored even though its answer was lost) and carry on from there."""
    try:
        response = await client.get(f"/api/articles/{state.articles[0]}")
        status = response.json()["review"]["status"] if response.status_code == 200 else None
    except (httpx.HTTPError, ValueError, KeyError):
        return
    action = state.cycle[state.step]
    if status == "approved":
        state.articles.pop(0)
        state.step = 0
    elif (status, action) in (("under_review", "take"), ("submitted", "request-changes")):
        _advance(state)  # the step was stored though its answer was lost
