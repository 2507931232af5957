"""Load during an ingest: the web server keeps answering while another process ingests.

    measure(home, folder, clients=4)   serve a copy of `home`, ingest `folder` into it from
                                       another process, and send requests from `clients`
                                       threads until the ingest has finished

Every request is counted; an error is a transport failure or any status of 500 and over
(a 503 "store busy" included). Only 127.0.0.1 is addressed. Run it with
`scripts/load_during_ingest.py`; `tests/test_concurrency.py` runs a small one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx
import numpy as np

from .bench import HOST, ServerProcess, _free_port

#: A client's requests in turn: library status, a question (new or stored), the home page,
#: the article list, the article it got.
QUESTIONS = (
    "What tidal volume is recommended for ventilated adults with sepsis-induced ARDS?",
    "How is asthma treated in adults?",
    "What is the treatment of pancreatic neuroendocrine tumors?",
    "When should colorectal cancer screening start?",
    "How is hairy cell leukemia treated?",
    "What are the symptoms of zorblax fever?",
)


def measure(
    home: Path, folder: Path, *, clients: int = 4, work: Path | None = None
) -> dict[str, Any]:
    """Figures of a load sent while `folder` is ingested into a copy of the library."""
    scratch = Path(tempfile.mkdtemp(prefix="guidecite-ingest-load-", dir=work))
    try:
        copy = scratch / "home"
        shutil.copytree(home, copy)
        with ServerProcess(copy, _free_port()) as base:
            return _load(base, copy, folder, clients)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _load(base: str, home: Path, folder: Path, clients: int) -> dict[str, Any]:
    ingest = _start_ingest(home, folder)
    results: list[list[tuple[float, str | None]]] = [[] for _ in range(clients)]
    threads = [
        threading.Thread(target=_client, args=(base, i, ingest, results[i]), daemon=True)
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    output, _ = ingest.communicate()
    for thread in threads:
        thread.join()
    with httpx.Client(base_url=base, timeout=60) as client:
        after = client.get("/api/status").json()
    return _report(results, ingest.returncode, output, after)


def _start_ingest(home: Path, folder: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "guidecite", "ingest", "--home", str(home), str(folder)]
    command += ["--no-progress", "--no-spanish"]
    env = {**os.environ, "GUIDECITE_STARTER": "0"}
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def _client(
    base: str, number: int, ingest: subprocess.Popen[str], out: list[tuple[float, str | None]]
) -> None:
    """Requests in turn until the ingest has finished, and one more round after it."""
    rounds_after = 1
    turn = number
    with httpx.Client(base_url=base, timeout=120) as client:
        while rounds_after >= 0:
            if ingest.poll() is not None:
                rounds_after -= 1
            question = QUESTIONS[turn % len(QUESTIONS)]
            article = _request(client, out, "POST", "/api/articles", {"question": question})
            for path in ("/api/status", "/", "/api/articles?limit=5"):
                _request(client, out, "GET", path)
            if article:
                _request(client, out, "GET", f"/api/articles/{article}")
            turn += 1


def _request(
    client: httpx.Client,
    out: list[tuple[float, str | None]],
    method: str,
    path: str,
    body: dict[str, str] | None = None,
) -> str | None:
    """Send one request, record (seconds, error or None); the article id a POST made."""
    started = time.perf_counter()
    try:
        response = client.request(method, path, json=body)
    except httpx.HTTPError as error:
        out.append((time.perf_counter() - started, f"{method} {path}: {error!r}"))
        return None
    failed = (
        f"{method} {path}: HTTP {response.status_code}" if response.status_code >= 500 else None
    )
    out.append((time.perf_counter() - started, failed))
    if method == "POST" and response.status_code in (200, 201):
        return str(response.json()["id"])
    return None


def _report(
    results: Sequence[list[tuple[float, str | None]]], code: int | None, output: str, after: dict
) -> dict[str, Any]:
    seconds = np.array([s for client in results for s, _ in client] or [0.0])
    errors = [error for client in results for _, error in client if error]
    return {
        "requests": int(sum(len(client) for client in results)),
        "errors": len(errors),
        "error_samples": errors[:5],
        "p50_ms": round(float(np.percentile(seconds, 50)) * 1000, 1),
        "p95_ms": round(float(np.percentile(seconds, 95)) * 1000, 1),
        "ingest_exit_code": code,
        "ingest_output": output.strip().splitlines()[-3:],
        "documents_after": after.get("documents"),
        "host": HOST,
    }
