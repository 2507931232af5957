"""`guidecite bench-web`: the web app's speed on loopback.

    1. copy the library to a work folder (the server writes articles; the library stays as
       it is) and start `guidecite serve` on it, on 127.0.0.1, with no rate limit;
    2. new answer pages: post a question not asked before, follow the redirect, read the page;
    3. stored article pages: read articles already composed;
    4. load: N clients, each in its own thread, for a fixed time, mostly reading stored
       articles, with some home pages, API reads and new questions; every error counted.

Every loop is bounded in count and in time, and only 127.0.0.1 is ever addressed.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import numpy as np

from ..errors import ConfigError
from ..store.embedded import holds_library
from ..store.registry import open_backend

HOST = "127.0.0.1"
STARTUP_SECONDS = 180
MAX_REQUESTS_PER_CLIENT = 200_000
#: The load's mix, out of 20 requests: stored pages, home pages, API reads, new questions.
LOAD_MIX = ("article",) * 16 + ("home", "api", "api", "ask")


def run_bench(
    home: Path,
    questions_file: Path | None,
    new_count: int,
    stored_count: int,
    clients: int,
    seconds: float,
    work: Path | None,
) -> dict[str, Any]:
    if not holds_library(home):
        raise ConfigError(f"no library at {home}: ingest one first (guidecite ingest)")
    folder = Path(tempfile.mkdtemp(prefix="guidecite-bench-web-", dir=work))
    try:
        copy = folder / "home"
        shutil.copytree(home, copy)
        questions = load_questions(questions_file, copy, new_count * 2 + 50)
        if len(questions) < new_count + 1:
            raise ConfigError(f"{len(questions)} questions; need at least {new_count + 1}")
        return _measure(copy, questions, new_count, stored_count, clients, seconds)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _measure(
    home: Path,
    questions: list[str],
    new_count: int,
    stored_count: int,
    clients: int,
    seconds: float,
) -> dict[str, Any]:
    load_before = os.getloadavg()
    port = _free_port()
    with ServerProcess(home, port) as base, httpx.Client(base_url=base, timeout=60) as client:
        status = client.get("/api/status").json()
        first = _timed_ask(client, questions[0])
        new_times, paths = [], []
        for question in questions[1 : new_count + 1]:
            seconds_taken, path = _timed_ask(client, question)
            new_times.append(seconds_taken)
            paths.append(path)
        stored_times = [_timed_page(client, paths[i % len(paths)]) for i in range(stored_count)]
        load = run_load(base, paths, questions[new_count + 1 :], clients, seconds)
    return {
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
        },
        "library": {k: status[k] for k in ("documents", "passages", "generation")},
        "first_answer_page_ms": round(first[0] * 1000, 1),
        "new_answer_page_ms": summary(new_times),
        "stored_article_page_ms": summary(stored_times),
        "load": load,
    }


def run_load(
    base: str, paths: list[str], fresh: list[str], clients: int, seconds: float
) -> dict[str, Any]:
    """`clients` threads for `seconds`, each going round LOAD_MIX from its own offset."""
    results: list[list[tuple[str, float, bool]]] = [[] for _ in range(clients)]
    questions = iter(fresh)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    consumed = [0]

    def next_question() -> str | None:
        with lock:
            question = next(questions, None)
            consumed[0] += question is not None
            return question

    def client_loop(index: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            for step in range(MAX_REQUESTS_PER_CLIENT):
                if time.monotonic() >= deadline:
                    return
                kind = LOAD_MIX[(index + step) % len(LOAD_MIX)]
                path = paths[(index * 7 + step) % len(paths)]
                started = time.perf_counter()
                ok = _one_request(client, kind, path, next_question)
                results[index].append((kind, time.perf_counter() - started, ok))

    threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 120)
    elapsed = time.monotonic() - started
    flat = [r for per_client in results for r in per_client]
    by_kind = {kind: summary([t for k, t, _ in flat if k == kind]) for kind in set(LOAD_MIX)}
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(flat),
        "errors": sum(1 for *_, ok in flat if not ok),
        "new_questions": consumed[0],  # the other asks found a stored article
        "requests_per_second": round(len(flat) / elapsed, 1) if elapsed else 0.0,
        "all_ms": summary([t for _, t, _ in flat]),
        "by_kind_ms": by_kind,
    }


def _one_request(
    client: httpx.Client, kind: str, path: str, next_question: Callable[[], str | None]
) -> bool:
    try:
        if kind == "article":
            return client.get(path).status_code == 200
        if kind == "home":
            return client.get("/").status_code == 200
        if kind == "api":
            return client.get("/api" + path).status_code == 200
        question = next_question() or "What is asthma?"
        return client.post("/api/articles", json={"question": question}).status_code in (200, 201)
    except httpx.HTTPError:
        return False


def _timed_ask(client: httpx.Client, question: str) -> tuple[float, str]:
    """Seconds for the whole new answer page (post, redirect, page), and the page's path."""
    started = time.perf_counter()
    response = client.post("/ask", data={"question": question, "reader": "physician"})
    if response.status_code != 303:
        raise ConfigError(f"asking {question!r} gave HTTP {response.status_code}")
    path = response.headers["location"]
    _get_page(client, path)
    return time.perf_counter() - started, path


def _get_page(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    if response.status_code != 200:
        raise ConfigError(f"GET {path} gave HTTP {response.status_code}")


def _timed_page(client: httpx.Client, path: str) -> float:
    started = time.perf_counter()
    _get_page(client, path)
    return time.perf_counter() - started


def summary(seconds: list[float]) -> dict[str, float]:
    if not seconds:
        return {"n": 0}
    ms = np.asarray(seconds) * 1000
    return {
        "n": len(seconds),
        "p50": round(float(np.percentile(ms, 50)), 1),
        "p95": round(float(np.percentile(ms, 95)), 1),
        "max": round(float(ms.max()), 1),
    }


def load_questions(path: Path | None, home: Path, count: int) -> list[str]:
    """Questions from a file (JSON Lines with "question", or one a line), else made from the
    library's document titles; without repeats, in file order."""
    if path is None:
        return title_questions(home, count)
    found: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if text.startswith("{"):
            text = str(json.loads(text).get("question", "")).strip()
        if text and text not in found:
            found.append(text)
    return found


def title_questions(home: Path, count: int) -> list[str]:
    """ "What do the guidelines say about TITLE?" for evenly spaced document titles."""
    backend = open_backend(None, home)
    try:
        titles = list(dict.fromkeys(title for _, title in backend.content.titles()))
    finally:
        backend.close()
    step = max(1, len(titles) // max(count, 1))
    return [f"What do the guidelines say about {t.strip().rstrip('.')}?" for t in titles[::step]][
        :count
    ]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """`guidecite serve` on `home` in a child process, for a `with` block."""

    def __init__(self, home: Path, port: int) -> None:
        self.command = [
            sys.executable,
            "-m",
            "guidecite",
            "serve",
            "--home",
            str(home),
            "--host",
            HOST,
            "--port",
            str(port),
            "--rate-limit",
            "0",
            "--log-level",
            "warning",
        ]
        self.base = f"http://{HOST}:{port}"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> str:
        env = {**os.environ, "GUIDECITE_STARTER": "0"}
        self.process = subprocess.Popen(self.command, env=env)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ConfigError(f"the server exited with code {self.process.returncode}")
            try:
                if httpx.get(self.base + "/api/status", timeout=5).status_code == 200:
                    return self.base
            except httpx.HTTPError:
                time.sleep(0.2)
        raise ConfigError(f"the server did not answer within {STARTUP_SECONDS} s")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def format_report(report: dict[str, Any]) -> str:
    def line(name: str, s: dict[str, float]) -> str:
        if not s.get("n"):
            return f"{name:28} (none)"
        return f"{name:28} p50 {s['p50']:8.1f} ms  p95 {s['p95']:8.1f} ms  (n={int(s['n'])})"

    load = report["load"]
    machine = report["machine"]
    lib = report["library"]
    lines = [
        f"library: {lib['documents']:,} documents, {lib['passages']:,} passages",
        f"machine: {machine['cpus']} cpus; load average before "
        f"{machine['load_average_before'][0]:.2f}, after {machine['load_average_after'][0]:.2f}",
        f"{'first answer page (cold)':28} {report['first_answer_page_ms']:.1f} ms",
        line("new answer page", report["new_answer_page_ms"]),
        line("stored article page", report["stored_article_page_ms"]),
        f"load: {load['clients']} clients for {load['seconds']} s: {load['requests']:,} "
        f"requests ({load['new_questions']} new questions), {load['errors']} errors, "
        f"{load['requests_per_second']} requests/s",
        line("  all requests", load["all_ms"]),
    ]
    lines += [line(f"  {kind}", s) for kind, s in sorted(load["by_kind_ms"].items())]
    return "\n".join(lines)
