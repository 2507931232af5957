"""The cluster benchmark's pure parts: the review cycle, the question pool, the figures."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from guidecite.benchmarks._cluster import NGINX_CONF
from guidecite.benchmarks._load import (
    MIX,
    REVIEW_CYCLE,
    STACK_TRACE,
    Ack,
    ClientState,
    Questions,
    Record,
    _advance,
    _resync,
    parse_mix,
)
from guidecite.benchmarks.cluster import kind_figures, postgres_figures, summarise


def test_questions_are_handed_out_once_then_repeated_as_stored() -> None:
    pool = Questions(["a", "b"])
    assert [pool.next() for _ in range(4)] == [("a", True), ("b", True), ("a", False),
                                               ("b", False)]  # fmt: skip
    assert pool.handed == 2


def test_an_article_goes_round_the_review_cycle_then_the_next_one_starts() -> None:
    state = ClientState(0, "rev", ["x", "y"])
    for _ in REVIEW_CYCLE:
        assert state.articles[0] == "x"
        _advance(state)
    assert (state.articles, state.step) == (["y"], 0)
    assert REVIEW_CYCLE[-1] == "approve"


@pytest.mark.parametrize(
    ("step", "status", "after"),
    [
        (0, "under_review", (["x", "y"], 1)),  # the take was stored: go on
        (0, "submitted", (["x", "y"], 0)),  # it was not: take again
        (1, "submitted", (["x", "y"], 2)),  # the request for changes was stored
        (11, "under_review", (["x", "y"], 11)),  # the approval was not stored: again
        (11, "approved", (["y"], 0)),  # it was: the next article
    ],
)
def test_after_an_unanswered_step_the_client_carries_on_from_the_stored_state(
    step: int, status: str, after: tuple[list[str], int]
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/api/articles/x"
        return httpx.Response(200, json={"review": {"status": status}})

    state = ClientState(0, "rev", ["x", "y"], step=step)

    async def resync() -> None:
        transport = httpx.MockTransport(handler)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            await _resync(state, client)

    # In a thread of its own: the browser tests' session keeps an event loop running in this
    # one, where asyncio.run refuses to start another.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(lambda: asyncio.run(resync())).result()
    assert (state.articles, state.step) == after


def test_the_mix_has_every_kind() -> None:
    assert set(MIX) == {"article", "ask", "review"}


def test_a_mix_is_read_from_kind_counts_and_a_bad_one_is_refused() -> None:
    assert parse_mix("article=2,review=1") == ("article", "article", "review")
    for bad in ("article=x", "tea=2", "", "article=0"):
        with pytest.raises(ValueError):
            parse_mix(bad)


def test_stack_traces_are_recognised_and_clean_messages_are_not() -> None:
    assert STACK_TRACE.search('Traceback (most recent call last):\n  File "x.py", line 3')
    assert STACK_TRACE.search('  File "/app/guidecite/store.py", line 12, in open')
    assert not STACK_TRACE.search('{"error": {"code": "store_unavailable", "message": "try"}}')


def test_kind_figures_time_only_the_requests_that_succeeded() -> None:
    records = [
        Record("article", 0, 0.010, 200, True),
        Record("article", 1, 0.030, 200, True),
        Record("article", 2, 5.0, 502, False),
        Record("article", 3, 0.001, 0, False),
    ]
    figures = kind_figures(records)
    assert figures["n"] == 4 and figures["errors"] == 2
    assert figures["error_statuses"] == {"0": 1, "502": 1}
    assert figures["ms"]["max"] == 30.0


def test_postgres_figures_split_the_down_window_and_find_recovery() -> None:
    events = {"postgres_stop_at": 10.0, "postgres_stopped_at": 10.2, "postgres_started_at": 20.0}
    records = [
        Record("article", 5, 0.01, 200, True),
        Record("article", 12, 0.01, 503, False, retry_after="5"),
        Record("ask", 15, 0.01, 503, False, retry_after=None),
        Record("review", 18, 0.01, 500, False, stack_trace=True),
        Record("article", 25, 0.01, 200, True),
    ]
    probes = [("r0", 15.0, 503), ("r0", 20.5, 503), ("r0", 21.0, 200), ("r1", 22.5, 200)]
    figures = postgres_figures(records, probes, events)
    assert figures["requests_while_down"] == 3
    assert figures["http_503"] == 2 and figures["http_503_with_retry_after"] == 1
    assert figures["failed_while_down_by_status"] == {"500": 1, "503": 2}
    assert figures["bodies_with_stack_traces"] == 1
    assert figures["recovery_s_after_start"] == {"r0": 1.0, "r1": 2.5}
    assert figures["probe_statuses_while_down"] == {"503": 1}
    assert figures["server_errors_after_recovery"] == 0
    assert figures["http_503_ms"]["n"] == 2


def test_summary_counts_acknowledged_steps_and_errors_around_a_kill() -> None:
    state = ClientState(0, "rev", ["x"])
    state.records = [
        Record("review", 1, 0.02, 303, True),
        Record("ask", 4, 2.0, 502, False),  # in flight at the kill
        Record("article", 9, 0.02, 404, False, code="not_found"),
    ]
    state.acks = [Ack("rev", "article.take", "x", 1.0)]
    report = summarise([state], {"events": {"killed_at": 5.0}, "probes": [],
                                 "client_failures": []}, "kill-replica")  # fmt: skip
    assert report["review_steps_acknowledged"] == 1
    assert report["in_flight_at_kill"] == 1
    assert report["errors_ended_before_kill"] == 0
    assert report["errors_ended_after_kill"] == {"404 not_found": 1, "502": 1}


def test_nginx_config_names_every_replica() -> None:
    conf = NGINX_CONF.format(folder="/w", servers="        server 127.0.0.1:1;", host="h", port=2)
    assert "server 127.0.0.1:1;" in conf and "listen h:2;" in conf
    assert "proxy_next_upstream error timeout;" in conf  # a POST sent once is never resent
