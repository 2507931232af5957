"""`guidecite bench`: ingest throughput, retrieval and answer latency, memory, at several sizes.

Every figure is a median (p50) or p95 over repeated warm runs, and each size is measured side
by side with a plain baseline (rank_bm25 over the same passages) where that fits in memory
and time. Larger libraries are made by resampling the real one: its documents and passages
are copied under new ids, so text, lengths and vocabulary stay real.
"""

from __future__ import annotations

import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from .answer import Library, answer, load_abbreviations
from .embedding import get_embedder
from .ingest import ingest_paths
from .query import understand
from .retrieval import fuse, retrieve
from .settings import Settings
from .store.embedded import EmbeddedStore, resample_store

_WORD = re.compile(r"[a-z][a-z0-9\-]{3,}")


def peak_rss_mb() -> float:
    """This process's peak resident memory. On Linux, VmHWM: ru_maxrss of a child started by
    fork and exec can report the parent's peak instead of its own."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(calls: Sequence[Callable[[], object]]) -> dict[str, float]:
    """p50/p95 in ms of each call, run once to warm up and then timed."""
    if calls:
        calls[0]()
    times = []
    for call in calls:
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 2),
    }


def sample_questions(store: EmbeddedStore, count: int, seed: int = 7) -> list[str]:
    """Questions made of words of random passages (5-9 words each), reproducible."""
    rng = random.Random(seed)
    total = store.counts()["passages"]
    rows = rng.sample(range(1, total + 1), min(count * 2, total))
    questions = []
    for passage in store.passages(rows).values():
        words = _WORD.findall(passage.text.lower())
        if len(words) >= 9:
            start = rng.randrange(0, len(words) - 8)
            questions.append(" ".join(words[start : start + rng.randint(5, 9)]))
        if len(questions) == count:
            break
    return questions


def measure_ingest(corpus: Path, home: Path) -> dict[str, Any]:
    store = EmbeddedStore(home)
    try:
        report = ingest_paths(store, [corpus], get_embedder("static"), progress=True)
    finally:
        store.close()
    return {
        "documents": report.documents,
        "passages": report.passages,
        "errors": len(report.errors),
        "seconds": round(report.seconds, 1),
        "documents_per_s": round(report.documents / report.seconds, 1),
        "passages_per_s": round(report.passages / report.seconds, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def resample(source_home: Path, home: Path, size: int) -> float:
    """A store of `size` passages copied (under new ids) from the store at source_home;
    seconds taken."""
    started = time.perf_counter()
    resample_store(source_home, home, size)
    return time.perf_counter() - started


def measure_retrieval(home: Path, questions: Sequence[str]) -> dict[str, Any]:
    store = EmbeddedStore(home)
    library = Library(store, get_embedder("static"), load_abbreviations(store, Settings(home)))
    queries = [understand(q, store, library.embedder, library.abbreviations) for q in questions]
    figures = {
        "passages": store.counts()["passages"],
        "lexical": timed([partial(store.lexical_search, q.clauses, 100) for q in queries]),
        "dense": timed([partial(store.vector_search, q.vector, 50) for q in queries]),
        "fuse": timed([partial(fuse, store, q) for q in queries]),
        "retrieve": timed([partial(retrieve, store, q) for q in queries]),
        "understand": timed(
            [
                partial(understand, q, store, library.embedder, library.abbreviations)
                for q in questions
            ]
        ),
    }
    store.close()
    return figures


def measure_baseline(home: Path, questions: Sequence[str]) -> dict[str, Any]:
    """rank_bm25 (BM25Okapi, whitespace tokens) over the same passages."""
    from rank_bm25 import BM25Okapi

    store = EmbeddedStore(home)
    texts = list(store.passage_texts())
    store.close()
    started = time.perf_counter()
    bm25 = BM25Okapi([_WORD.findall(t.lower()) for t in texts])
    build = time.perf_counter() - started
    tokenized = [_WORD.findall(q.lower()) for q in questions]
    return {
        "build_s": round(build, 1),
        "query": timed([partial(bm25.get_top_n, t, texts, n=100) for t in tokenized]),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def measure_answers(home: Path, questions: Sequence[str]) -> dict[str, Any]:
    store = EmbeddedStore(home)
    library = Library(store, get_embedder("static"), load_abbreviations(store, Settings(home)))
    figures = timed([partial(answer, q, library) for q in questions])
    store.close()
    return figures


def serving_memory(home: Path, questions: int) -> float:
    """Peak RSS (MB) of a fresh process that opens the store and answers questions."""
    code = (
        "import json; from pathlib import Path; from guidecite import bench;"
        f"h = Path({str(home)!r});"
        f"qs = bench.sample_questions(bench.EmbeddedStore(h), {questions});"
        "bench.measure_answers(h, qs); print(json.dumps(bench.peak_rss_mb()))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def run_bench(
    corpus: Path, sizes: Sequence[int], questions: int, baseline_max: int, work: Path | None = None
) -> dict[str, Any]:
    root = Path(tempfile.mkdtemp(prefix="guidecite-bench-", dir=work))
    full = root / "full"
    report: dict[str, Any] = {"ingest": measure_ingest(corpus, full)}
    store = EmbeddedStore(full)
    asked = sample_questions(store, questions)
    store.close()
    report["answer_full_library"] = measure_answers(full, asked)
    report["sizes"] = {}
    for size in sizes:
        home = root / f"n{size}"
        entry: dict[str, Any] = {"build_s": round(resample(full, home, size), 1)}
        entry.update(measure_retrieval(home, asked))
        entry["serving_peak_rss_mb"] = serving_memory(home, min(questions, 50))
        if size <= baseline_max:
            entry["baseline_rank_bm25"] = measure_baseline(home, asked[:50])
        report["sizes"][str(size)] = entry
        print(json.dumps({str(size): entry}), file=sys.stderr)
    return report


def format_report(report: dict[str, Any]) -> str:
    ingest = report["ingest"]
    lines = [
        f"ingest: {ingest['documents']} documents, {ingest['passages']} passages in "
        f"{ingest['seconds']} s ({ingest['documents_per_s']} docs/s, "
        f"{ingest['passages_per_s']} passages/s), peak RSS {ingest['peak_rss_mb']} MB",
        "whole answer, full library: p50 {p50_ms} ms, p95 {p95_ms} ms".format(
            **report["answer_full_library"]
        ),
        "",
        "| passages | build s | lexical p50/p95 ms | dense p50/p95 | retrieval (fused) p50/p95 "
        "| + sentence rerank p50/p95 | serving peak RSS MB | rank_bm25 p50/p95 ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for size, entry in report["sizes"].items():
        base = entry.get("baseline_rank_bm25")
        lines.append(
            f"| {size} | {entry['build_s']} | {_pair(entry['lexical'])} | "
            f"{_pair(entry['dense'])} | {_pair(entry['fuse'])} | {_pair(entry['retrieve'])} | "
            f"{entry['serving_peak_rss_mb']:.0f} | {_pair(base['query']) if base else '-'} |"
        )
    return "\n".join(lines)


def _pair(figures: dict[str, float]) -> str:
    return f"{figures['p50_ms']} / {figures['p95_ms']}"
