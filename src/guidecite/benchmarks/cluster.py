"""Replicas behind nginx on one library: load, a replica killed, PostgreSQL restarted.

    python -m guidecite.benchmarks.cluster --home LIBRARY [--store postgresql|embedded]
        [--faults none,kill-replica,restart-postgres] [--clients 50] [--seconds 60]

1. The library (an embedded one, only read) is copied into a work folder; with
   `--store postgresql` a PostgreSQL (pgserver) is started there and the copy is moved into
   it with `guidecite migrate-store` (`--fill`: or by COPY, or `--corpus` is ingested).
   Review accounts are added with `guidecite users add`.
2. For each fault, a fresh cluster: N `guidecite serve` replicas on one store, nginx on
   127.0.0.1 in front (round robin). Articles are seeded, one per client, then `--clients`
   asynchronous clients run for `--seconds`: stored article pages, new questions, review
   steps (sign in; take and request changes five times, then take and approve), each
   client on its own articles.
3. Faults, at `--fault-at` seconds: `kill-replica` SIGKILLs one replica (it stays down);
   `restart-postgres` stops PostgreSQL for `--down` seconds and starts it again, the
   replicas left running. Probes read an article from each replica directly four times a
   second: when each answers again is the recovery time.
4. Afterwards, from the store (`guidecite audit export`, `guidecite audit verify`): every
   review step a client saw acknowledged (303) must be in the audit trail, and the chain
   must verify.

Latencies are p50/p95 of the requests that succeeded, per kind; errors are counted per kind
and HTTP status (0: no answer at all). Only 127.0.0.1 is addressed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path
from typing import Any

import httpx

from ..web.config import MAX_QUESTION_CHARS
from ._cluster import Nginx, Replica, guidecite
from ._load import (
    AUDIT_ACTION,
    ClientState,
    Questions,
    Record,
    parse_mix,
    review_cycle,
    run_client,
)
from ._postgres import TempPostgres
from ._stats import summary_ms

FAULTS = ("none", "kill-replica", "restart-postgres")
PASSWORD = "load-test-password-2026"
REVIEWERS = 10
DEV_SETS = (
    Path("/work/shared/eval/guideline_qa_dev.jsonl"),
    Path("/work/shared/eval/liveqa_dev.jsonl"),
)
PROBE_INTERVAL = 0.25


# -- the library and its store --------------------------------------------------------------


def question_pool(home: Path, extra: Sequence[Path]) -> list[str]:
    """Dev-set questions, then "What do the guidelines say about TITLE?" for the library's
    titles (enough for several runs without asking anything twice); none longer than the
    API accepts."""
    found: list[str] = []
    for path in extra:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.append(str(json.loads(line)["question"]))
    db = sqlite3.connect(f"file:{home / 'library.sqlite3'}?mode=ro", uri=True)
    try:
        titles = [t for (t,) in db.execute("SELECT title FROM documents ORDER BY doc_id")]
    finally:
        db.close()
    found += [f"What do the guidelines say about {t.strip().rstrip('.')}?" for t in titles]
    return [q for q in dict.fromkeys(found) if len(q) <= MAX_QUESTION_CHARS]


def add_reviewers(env: dict[str, str]) -> list[str]:
    names = [f"loadrev{i:02d}" for i in range(REVIEWERS)]
    existing = guidecite(["users", "list"], env)
    for name in names:
        if name not in existing:
            guidecite(
                ["users", "add", name, "--role", "reviewer", "--name", f"Load Reviewer {name}"],
                {**env, "GUIDECITE_NEW_PASSWORD": PASSWORD},
            )
    return names


# -- one run --------------------------------------------------------------------------------


def seed_articles(base: str, questions: Questions, count: int) -> list[str]:
    """`count` new articles (status submitted), asked a few at a time through nginx."""

    async def seed() -> list[str]:
        found: list[str] = []
        async with httpx.AsyncClient(base_url=base, timeout=300) as client:

            async def one() -> None:
                while len(found) < count:
                    question, fresh = questions.next()
                    if not fresh:
                        raise RuntimeError("the question pool ran out while seeding")
                    reply = await client.post("/api/articles", json={"question": question})
                    if reply.status_code == 201:
                        found.append(reply.json()["id"])

            await asyncio.gather(*(one() for _ in range(3)))
        return found[:count]

    return asyncio.run(seed())


async def probe(replicas: Sequence[Replica], path: str, started: float, until: float) -> list:
    """(replica, seconds since start, status) for a read of `path` on each replica, 4/s."""
    seen: list[tuple[str, float, int]] = []
    async with httpx.AsyncClient(timeout=httpx.Timeout(5.0)) as client:
        while time.monotonic() < until:
            for replica in replicas:
                try:
                    status = (await client.get(replica.base + path)).status_code
                except httpx.HTTPError:
                    status = 0
                seen.append((replica.name, time.monotonic() - started, status))
            await asyncio.sleep(PROBE_INTERVAL)
    return seen


async def load_with_fault(
    options: argparse.Namespace,
    fault: str,
    base: str,
    states: list[ClientState],
    questions: Questions,
    replicas: list[Replica],
    postgres: TempPostgres | None,
) -> dict[str, Any]:
    paths = [f"/articles/{a}" for s in states for a in s.articles]
    started = time.monotonic()
    deadline = started + options.seconds
    events: dict[str, float] = {}

    async def inject() -> None:
        await asyncio.sleep(options.fault_at)
        if fault == "kill-replica":
            events["killed_at"] = time.monotonic() - started
            await asyncio.to_thread(replicas[1].kill)
        elif fault == "restart-postgres" and postgres is not None:
            events["postgres_stop_at"] = time.monotonic() - started
            await asyncio.to_thread(postgres.stop)
            events["postgres_stopped_at"] = time.monotonic() - started
            await asyncio.sleep(options.down)
            await asyncio.to_thread(postgres.start)
            events["postgres_started_at"] = time.monotonic() - started

    clients = [
        run_client(s, base, PASSWORD, questions, paths, started, deadline, options.mix)
        for s in states
    ]
    results = await asyncio.gather(
        probe(replicas, paths[0].replace("/articles/", "/api/articles/"), started, deadline),
        inject(),
        *clients,
        return_exceptions=True,
    )
    failures = [repr(r) for r in results[2:] if isinstance(r, BaseException)]
    probes = results[0] if isinstance(results[0], list) else []
    return {"events": events, "probes": probes, "client_failures": failures}


def one_run(options: argparse.Namespace, fault: str, env: dict[str, str],
            reviewers: list[str], questions: Questions, postgres: TempPostgres | None,
            folder: Path) -> dict[str, Any]:  # fmt: skip
    folder.mkdir(parents=True)
    replicas = [
        Replica(f"r{i}", _replica_env(options, env, folder, i), folder / f"r{i}.log")
        for i in range(options.replicas)
    ]
    try:
        for replica in replicas:
            replica.start()
        startup = [round(r.wait_ready(), 1) for r in replicas]
        library = httpx.get(replicas[0].base + "/api/status", timeout=30).json()
        with Nginx(folder / "nginx", [r.port for r in replicas]) as nginx:
            seeded = seed_articles(nginx.base, questions, options.clients)
            cycle = review_cycle(options.sends_back)
            states = [
                ClientState(i, reviewers[i % len(reviewers)], [seeded[i]], cycle=cycle)
                for i in range(options.clients)
            ]
            load_before = os.getloadavg()[0]
            handed_before = questions.handed
            outcome = asyncio.run(
                load_with_fault(options, fault, nginx.base, states, questions, replicas, postgres)
            )
            rss = [r.rss_mb() for r in replicas]
    finally:
        for replica in replicas:
            replica.stop()
    report = summarise(states, outcome, fault)
    report["library"] = {k: library.get(k) for k in ("documents", "passages", "articles")}
    report["replica_startup_s"] = startup
    report["replica_rss_mb_at_end"] = [None if m is None else round(m) for m in rss]
    report["load_average_before"] = load_before
    report["new_questions_asked"] = questions.handed - handed_before
    report["store_check"] = check_store(env, states)
    return report


def _replica_env(
    options: argparse.Namespace, env: dict[str, str], folder: Path, index: int
) -> dict[str, str]:
    if options.store == "embedded":
        return env  # one shared folder
    home = folder / f"r{index}-home"  # derived data only (a replica's own indexes)
    return {**env, "GUIDECITE_HOME": str(home)}


# -- figures --------------------------------------------------------------------------------


def summarise(states: list[ClientState], outcome: dict[str, Any], fault: str) -> dict[str, Any]:
    records = [r for s in states for r in s.records]
    kinds = sorted({r.kind for r in records})
    report: dict[str, Any] = {
        "fault": fault,
        "events": outcome["events"],
        "client_failures": outcome["client_failures"],
        "requests": len(records),
        "errors": sum(not r.ok for r in records),
        "by_kind": {k: kind_figures([r for r in records if r.kind == k]) for k in kinds},
        "review_steps_acknowledged": sum(len(s.acks) for s in states),
    }
    events = outcome["events"]
    if "killed_at" in events:  # a request is touched by the kill if it ended after it
        at = events["killed_at"]
        after = [r for r in records if r.at + r.seconds >= at]
        report["errors_ended_before_kill"] = sum(not r.ok for r in records if r not in after)
        report["errors_ended_after_kill"] = _statuses([r for r in after if not r.ok])
        report["in_flight_at_kill"] = sum(r.at < at for r in after)
    if "postgres_started_at" in events:
        report["postgres"] = postgres_figures(records, outcome["probes"], events)
    return report


def kind_figures(records: list[Record]) -> dict[str, Any]:
    return {
        "n": len(records),
        "errors": sum(not r.ok for r in records),
        "error_statuses": _statuses([r for r in records if not r.ok]),
        "ms": summary_ms([r.seconds for r in records if r.ok]),
    }


def _statuses(records: list[Record]) -> dict[str, int]:
    """How many records per status ("503 store_unavailable" where the body names a code)."""
    return dict(
        sorted(
            Counter(f"{r.status} {r.code}" if r.code else str(r.status) for r in records).items()
        )
    )


def postgres_figures(
    records: list[Record], probes: list[tuple[str, float, int]], events: dict[str, float]
) -> dict[str, Any]:
    """What clients got while PostgreSQL was down, and when each replica answered again."""
    down_from, down_to = events["postgres_stop_at"], events["postgres_started_at"]
    during = [r for r in records if down_from <= r.at < down_to]
    failed = [r for r in during if not r.ok]
    unavailable = [r for r in during if r.status == 503]
    recovered = {}
    for name in sorted({p[0] for p in probes}):
        after = [t for n, t, s in probes if n == name and t >= down_to and s == 200]
        recovered[name] = round(after[0] - down_to, 2) if after else None
    probe_statuses = Counter(str(s) for _, t, s in probes if down_from <= t < down_to)
    return {
        "down_s": round(down_to - down_from, 1),
        "requests_while_down": len(during),
        "failed_while_down_by_status": _statuses(failed),
        "http_503": len(unavailable),
        "http_503_ms": summary_ms([r.seconds for r in unavailable]),
        "http_503_with_retry_after": sum(r.retry_after is not None for r in unavailable),
        "retry_after_values": sorted({r.retry_after for r in unavailable if r.retry_after}),
        "bodies_with_stack_traces": sum(r.stack_trace for r in records),
        "probe_statuses_while_down": dict(sorted(probe_statuses.items())),
        "recovery_s_after_start": recovered,
        "server_errors_after_recovery": sum(
            r.failed_on_server
            for r in records
            if r.at >= down_to + max((v or 0 for v in recovered.values()), default=0)
        ),
    }


def check_store(env: dict[str, str], states: list[ClientState]) -> dict[str, Any]:
    """Every acknowledged review step in the audit trail, and the chain verified."""
    entries = json.loads(guidecite(["audit", "export", "--format", "json"], env) or "[]")
    targets = {a.article_id for s in states for a in s.acks} | {
        article for s in states for article in s.articles
    }
    stored = Counter(
        (e["actor"], e["action"], e["target"])
        for e in entries
        if e["action"] in AUDIT_ACTION.values() and e["target"] in targets
    )
    acked = Counter((a.actor, a.action, a.article_id) for s in states for a in s.acks)
    lost = acked - stored
    verify = _verify(env)
    return {
        "acknowledged": sum(acked.values()),
        "acknowledged_and_stored": sum((acked & stored).values()),
        "lost": sum(lost.values()),
        "lost_examples": [list(k) for k in list(lost)[:5]],
        "stored_without_acknowledgement": sum((stored - acked).values()),
        "audit_verify": verify,
    }


def _verify(env: dict[str, str]) -> dict[str, Any]:
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "guidecite", "audit", "verify"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=600,
    )
    return {"exit_code": done.returncode, "message": (done.stdout + done.stderr).strip()[-300:]}


# -- the whole benchmark --------------------------------------------------------------------


def fill_postgres(
    options: argparse.Namespace, library: Path, url: str, env: dict[str, str]
) -> None:
    """Ingest `--corpus` into the database, or copy the embedded library with migrate-store."""
    if options.corpus is not None:
        guidecite(["ingest", str(options.corpus), "--no-spanish"], env)
    else:
        guidecite(["migrate-store", "--home", str(library), "--to", url], {})
    ensure_indexes(url, Path(env["GUIDECITE_HOME"]))


def ensure_indexes(url: str, home: Path) -> None:
    """The store's own `refresh_indexes` (its HNSW index, which migrate-store leaves to the
    next ingest), so that the replicas search as a filled library would."""
    from ..store.registry import open_backend

    backend = open_backend(url, home)
    try:
        backend.content.refresh_indexes()
    finally:
        backend.close()


def run(options: argparse.Namespace) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="guidecite-cluster-", dir=options.work))
    try:
        with ExitStack() as stack:
            library = folder / "library"
            shutil.copytree(options.home, library)
            postgres: TempPostgres | None = None
            env = {"GUIDECITE_HOME": str(library)}
            if options.store == "postgresql":
                (folder / "pg").mkdir()
                postgres = stack.enter_context(TempPostgres(folder / "pg"))
                env = {"GUIDECITE_DATABASE_URL": postgres.url,
                       "GUIDECITE_HOME": str(folder / "cli-home")}  # fmt: skip
                started = time.monotonic()
                fill_postgres(options, library, postgres.url, env)
                report_fill = {"fill": options.fill,
                               "fill_s": round(time.monotonic() - started, 1)}  # fmt: skip
            reviewers = add_reviewers(env)
            questions = Questions(question_pool(options.home, DEV_SETS))
            report: dict[str, Any] = {
                "store": options.store,
                "library": str(options.home),
                "clients": options.clients,
                "mix": dict(Counter(options.mix)),
                "sends_back": options.sends_back,
                "seconds": options.seconds,
                "replicas": options.replicas,
                "cpus": os.cpu_count(),
                "runs": {},
            }
            if postgres is not None:
                report.update(report_fill)
            for fault in options.faults:
                if fault == "restart-postgres" and postgres is None:
                    continue
                print(f"run: {fault}", file=sys.stderr)
                report["runs"][fault] = one_run(
                    options, fault, env, reviewers, questions, postgres, folder / fault
                )
                print(json.dumps(report["runs"][fault]), file=sys.stderr)
        return report
    finally:
        if not options.keep:
            shutil.rmtree(folder, ignore_errors=True)


def format_report(report: dict[str, Any]) -> str:
    lines = [
        f"store: {report['store']}; {report['replicas']} replicas behind nginx; "
        f"{report['clients']} clients for {report['seconds']} s; {report['cpus']} cpus; "
        f"mix {report.get('mix')}",
        "",
        "| fault | requests | errors | article p50/p95 ms | ask p50/p95 ms | review p50/p95 ms "
        "| review steps acked | stored | lost | audit verify |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for fault, run_ in report["runs"].items():
        kinds, check = run_["by_kind"], run_["store_check"]
        lines.append(
            f"| {fault} | {run_['requests']} | {run_['errors']} | {_pair(kinds, 'article')} "
            f"| {_pair(kinds, 'ask')} | {_pair(kinds, 'review')} | {check['acknowledged']} "
            f"| {check['acknowledged_and_stored']} | {check['lost']} "
            f"| {'ok' if check['audit_verify']['exit_code'] == 0 else 'FAILED'} |"
        )
    for fault, run_ in report["runs"].items():
        errors = {k: v["error_statuses"] for k, v in run_["by_kind"].items() if v["errors"]}
        lines.append(f"\n{fault}: errors by kind and status {json.dumps(errors)}; "
                     f"events {json.dumps(run_['events'])}")  # fmt: skip
        if "in_flight_at_kill" in run_:
            lines.append(
                f"  kill: {run_['in_flight_at_kill']} requests in flight; errors among those "
                f"that ended after it: {run_['errors_ended_after_kill']}; before it: "
                f"{run_['errors_ended_before_kill']}"
            )
        if "postgres" in run_:
            lines.append(f"  postgres down: {json.dumps(run_['postgres'])}")
        lines.append(f"  audit verify: {run_['store_check']['audit_verify']['message']}")
    return "\n".join(lines)


def _pair(kinds: dict[str, Any], kind: str) -> str:
    ms = kinds.get(kind, {}).get("ms", {})
    return f"{ms['p50']:.0f} / {ms['p95']:.0f}" if ms.get("n") else "-"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m guidecite.benchmarks.cluster")
    parser.add_argument("--home", type=Path, required=True, help="an embedded library (read)")
    parser.add_argument("--store", choices=("postgresql", "embedded"), default="postgresql")
    parser.add_argument(
        "--fill",
        choices=("migrate-store", "copy", "ingest"),
        default="migrate-store",
        help="how PostgreSQL gets the library (see fill_postgres)",
    )
    parser.add_argument("--corpus", type=Path, default=None, help="files for --fill ingest")
    parser.add_argument("--faults", default=",".join(FAULTS))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument(
        "--mix",
        default="article=12,ask=3,review=5",
        help="what each client goes round: stored articles, new questions, review steps",
    )
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--replicas", type=int, default=3)
    parser.add_argument(
        "--sends-back",
        type=int,
        default=5,
        help="times a client sends its article back before approving it (see review_cycle)",
    )
    parser.add_argument("--fault-at", type=float, default=20.0)
    parser.add_argument("--down", type=float, default=10.0, help="seconds PostgreSQL is down")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    options = parser.parse_args(argv)
    options.faults = [f for f in options.faults.split(",") if f]
    try:
        options.mix = parse_mix(options.mix)
    except ValueError as exc:
        parser.error(str(exc))
    if options.fill == "ingest" and options.corpus is None:
        parser.error("--fill ingest needs --corpus")
    unknown = set(options.faults) - set(FAULTS)
    if unknown:
        parser.error(f"unknown fault(s) {sorted(unknown)}; choose from {', '.join(FAULTS)}")
    report = run(options)
    if options.json:
        options.json.write_text(json.dumps(report, indent=1, default=asdict), encoding="utf-8")
    print(format_report(report))


if __name__ == "__main__":
    main()
