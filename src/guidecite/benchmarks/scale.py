"""Retrieval and a replica's memory at scale: PostgreSQL beside the embedded store, one run.

    python -m guidecite.benchmarks.scale --home LIBRARY --sizes 100000,1000000 [--work DIR]

For each size, both stores are filled with the same passages: the library's real passages
(text and embeddings) copied under new ids as often as needed ("~0", "~1", ... appended to
document and passage ids and sources), as `guidecite bench` does, so text, lengths and
vocabulary stay real and only repeat.
- embedded: `guidecite.bench.resample` (SQLite copy, then the tantivy and int8 vector indexes);
- PostgreSQL (pgserver, pgvector): the schema from `guidecite migrate`, then documents and
  passages by binary COPY, then the HNSW index (built here with `--maintenance-work-mem`,
  timed; the store then finds it and only records its dimension), then a replica's own BM25
  index, which the store derives from the database on its first search (timed).
Then one fresh process opens both libraries as `guidecite serve` does (`open_library`),
understands the dev-set questions, and times lexical search, dense search, fusion and the
whole retrieval, each question on each store in turn (p50/p95 per round, median of
`--rounds` rounds). A replica's memory is read apart, in a fresh process per store that
opens the library, retrieves for every question, answers `--answers` of them in full, and
reports its resident memory (VmRSS, peak VmHWM). The PostgreSQL server's own memory is not
the replica's and is reported apart (its settings).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from ._postgres import TempPostgres
from ._stats import median_of_runs, summary_ms

DEV_SETS = (
    Path("/work/shared/eval/guideline_qa_dev.jsonl"),
    Path("/work/shared/eval/liveqa_dev.jsonl"),
)
PG_SETTINGS = {"shared_buffers": "2GB", "max_parallel_maintenance_workers": "1"}
HNSW_INDEX = "passages_embedding_hnsw"  # the name the PostgreSQL store looks for


# -- filling both stores --------------------------------------------------------------------


def build_embedded(source: Path, home: Path, size: int) -> dict[str, float]:
    """The embedded store of `size` passages: SQLite copy, then its tantivy and vector
    indexes (`guidecite.bench.resample`)."""
    from ..bench import resample

    seconds = resample(source, home, size)
    return {
        "build_s": round(seconds, 1),
        "bm25_mb": folder_mb(home / "lexical"),
        "sqlite_mb": round((home / "library.sqlite3").stat().st_size / 2**20),
    }


def build_postgres(
    source: Path, url: str, home: Path, size: int, work_mem: str, spread: float = 0.0
) -> dict[str, float | str]:
    """The library's passages copied into the database until there are `size`; the HNSW
    index; this replica's BM25 index. Seconds for each step."""
    import psycopg
    from pgvector.psycopg import register_vector

    from ..store.registry import open_backend

    open_backend(url, home).close()  # the schema, by the store's own migrations
    timings: dict[str, float | str] = {}
    started = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        register_vector(conn)
        _copy_library(conn, source, size, spread)
        timings["copy_s"] = round(time.perf_counter() - started, 1)
        dims = conn.execute("SELECT vector_dims(embedding) FROM passages LIMIT 1").fetchone()
        started = time.perf_counter()
        conn.execute(f"SET maintenance_work_mem = '{work_mem}'")
        conn.execute(
            f"CREATE INDEX {HNSW_INDEX} ON passages"
            f" USING hnsw ((embedding::vector({dims[0] if dims else 0})) vector_cosine_ops)"
        )
        timings["hnsw_s"] = round(time.perf_counter() - started, 1)
        timings["hnsw_maintenance_work_mem"] = work_mem
        timings["insert_10k_with_hnsw_s"] = _timed_insert(conn, source, 10_000)
        conn.execute("VACUUM ANALYZE passages")
        sizes = conn.execute(
            "SELECT pg_total_relation_size('passages'), pg_relation_size(%s)", (HNSW_INDEX,)
        ).fetchone()
        timings["passages_table_mb"] = round((sizes[0] if sizes else 0) / 2**20)
        timings["hnsw_index_mb"] = round((sizes[1] if sizes else 0) / 2**20)
    backend = open_backend(url, home)
    try:
        started = time.perf_counter()
        backend.content.refresh_indexes()  # this replica's tantivy index, from the database
        timings["replica_bm25_s"] = round(time.perf_counter() - started, 1)
    finally:
        backend.close()
    timings["replica_bm25_mb"] = folder_mb(home)  # all its derived data: the BM25 index
    return timings


def _timed_insert(conn: Any, source: Path, count: int) -> float:
    """Seconds to COPY `count` more passages into the indexed table, rolled back: what an
    incremental ingest pays for keeping the HNSW index up to date."""
    src = sqlite3.connect(f"file:{source / 'library.sqlite3'}?mode=ro", uri=True)
    started = time.perf_counter()
    try:
        with conn.transaction(force_rollback=True):
            _copy_passages(conn, src, "~insert", count, keep_documents=True)
            return round(time.perf_counter() - started, 1)
    finally:
        src.close()


def folder_mb(folder: Path) -> int:
    total = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    return round(total / 2**20)


def distinct(vector: np.ndarray, spread: float, rng: np.random.Generator) -> np.ndarray:
    """The vector moved by random noise of norm `spread` times its own, renormalised: cosine
    to the original about 1 / sqrt(1 + spread^2) (0.95 at 0.33). pgvector's HNSW index folds
    identical vectors into one element (up to 10 row ids each), so exact copies would
    measure a smaller index than that many distinct passages make."""
    norm = float(np.linalg.norm(vector)) or 1.0
    noise = np.asarray(rng.standard_normal(vector.shape[0]), dtype=np.float32)
    moved = vector + noise * (spread * norm / float(np.linalg.norm(noise)))
    return (moved * (norm / float(np.linalg.norm(moved)))).astype(np.float32)


def passage_count(home: Path) -> int:
    db = sqlite3.connect(f"file:{home / 'library.sqlite3'}?mode=ro", uri=True)
    try:
        return int(db.execute("SELECT count(*) FROM passages").fetchone()[0])
    finally:
        db.close()


def _copy_library(conn: Any, source: Path, size: int, spread: float = 0.0) -> None:
    src = sqlite3.connect(f"file:{source / 'library.sqlite3'}?mode=ro", uri=True)
    try:
        available = src.execute("SELECT count(*) FROM passages").fetchone()[0]
        documents = src.execute(
            "SELECT doc_id, source, title, issuer, year, url, language, audience, rights,"
            " content_hash, version, ingested_at FROM documents"
        ).fetchall()
        with conn.transaction():
            for copy in range(-(-size // available)):
                suffix = f"~{copy}"
                with conn.cursor().copy(
                    "COPY documents (doc_id, source, title, issuer, year, url, language,"
                    " audience, rights, content_hash, version, ingested_at) FROM STDIN"
                ) as cp:
                    for doc in documents:
                        cp.write_row((doc[0] + suffix, doc[1] + suffix, *doc[2:]))
                limit = min(size - copy * available, available)
                _copy_passages(conn, src, suffix, limit, spread=spread if copy else 0.0)
            conn.execute(
                "INSERT INTO meta VALUES ('generation', '1')"
                " ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text"
            )
    finally:
        src.close()


def _copy_passages(
    conn: Any,
    src: sqlite3.Connection,
    suffix: str,
    limit: int,
    keep_documents: bool = False,
    spread: float = 0.0,
) -> None:
    """`limit` passages of the source under ids with `suffix`; with `keep_documents`, of
    the documents already copied under "~0" (so no new document rows are needed). With
    `spread`, each vector is moved off the original (`distinct`)."""
    doc_suffix = "~0" if keep_documents else suffix
    rng = np.random.default_rng(zlib.crc32(suffix.encode()))
    rows = src.execute(
        "SELECT passage_id, doc_id, ordinal, section_path, text, embedding"
        " FROM passages ORDER BY row LIMIT ?",
        (limit,),
    )
    with conn.cursor().copy(
        "COPY passages (passage_id, doc_id, ordinal, section_path, text, embedding)"
        " FROM STDIN WITH (FORMAT BINARY)"
    ) as cp:
        cp.set_types(["text", "text", "int4", "text", "text", "vector"])
        for pid, doc_id, ordinal, path, text, blob in rows:
            vector = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
            if spread:
                vector = distinct(vector, spread, rng)
            cp.write_row((pid + suffix, doc_id + doc_suffix, ordinal, path, text, vector))


# -- measuring, in a fresh process per store ------------------------------------------------


def dev_questions() -> list[str]:
    found = []
    for path in DEV_SETS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.append(str(json.loads(line)["question"]))
    return found


STAGES = ("lexical", "dense", "fuse", "retrieve")


def open_replica_library(home: Path, url: str | None) -> Any:
    from ..library import open_library
    from ..settings import Settings

    return open_library(Settings(home=home, database_url=url, starter=False), starter=False)


def hnsw_recall(url: str, vectors: Sequence[np.ndarray], k: int = 50) -> dict[str, float]:
    """How many of the HNSW index's k nearest (searched as the store searches: ef_search =
    max(40, k)) are as near as the exact k-th nearest, found by a scan without the index.
    Distances, not row ids, are compared: copies of one passage are equally near."""
    import psycopg
    from pgvector.psycopg import register_vector

    dims = len(vectors[0])
    query = (
        f"SELECT embedding::vector({dims}) <=> %(v)s AS d FROM passages"
        f" ORDER BY embedding::vector({dims}) <=> %(v)s LIMIT %(k)s"
    )
    shares, started = [], time.perf_counter()
    with psycopg.connect(url) as conn:
        conn.prepare_threshold = None  # a prepared plan would keep the index for the scan
        register_vector(conn)
        for vector in vectors:
            v = np.asarray(vector, dtype=np.float32)
            with conn.transaction():
                conn.execute(f"SET LOCAL hnsw.ef_search = {max(40, k)}")
                approx = [d for (d,) in conn.execute(query, {"v": v, "k": k})]
            with conn.transaction():
                conn.execute("SET LOCAL enable_indexscan = off")
                exact = [d for (d,) in conn.execute(query + " -- exact", {"v": v, "k": k})]
            if len(exact) < k:
                raise RuntimeError(f"the exact scan found {len(exact)} of {k}: not a scan")
            shares.append(sum(d <= exact[-1] + 1e-6 for d in approx) / len(exact))
    return {
        "recall_at_k": round(float(np.mean(shares)), 3),
        "k": k,
        "queries": len(shares),
        "mean_ms_hnsw_and_scan": round((time.perf_counter() - started) * 500 / len(shares), 1),
    }


def stage_calls(library: Any, question: str) -> dict[str, Callable[[], object]]:
    """The retrieval stages of one question on one library, ready to time."""
    from ..query import understand
    from ..retrieval import fuse, retrieve

    store = library.store
    query = understand(question, store, library.embedder, library.abbreviations)
    return {
        "lexical": partial(store.lexical_search, query.clauses, 100),
        "dense": partial(store.vector_search, query.vector, 50),
        "fuse": partial(fuse, store, query),
        "retrieve": partial(retrieve, store, query),
        "vector": partial(lambda v: v, query.vector),  # not timed: for hnsw_recall
    }


def measure_latency(stores: dict[str, tuple[Path, str | None]], rounds: int) -> dict[str, Any]:
    """Both stores open in this one process; for each question, each stage on each store in
    turn, so that the machine's load falls on both alike. Per store and stage: the median
    over rounds of each round's p50 and p95."""
    libraries = {name: open_replica_library(*where) for name, where in stores.items()}
    try:
        questions = dev_questions()
        calls = [{n: stage_calls(lib, q) for n, lib in libraries.items()} for q in questions]
        for per_store in calls[:5]:  # warm-up
            for stages in per_store.values():
                for stage in STAGES:
                    stages[stage]()
        runs: dict[tuple[str, str], list[dict[str, float]]] = {}
        for _ in range(rounds):
            seconds: dict[tuple[str, str], list[float]] = {}
            for per_store in calls:
                for name, stages in per_store.items():
                    for stage in STAGES:
                        call = stages[stage]
                        started = time.perf_counter()
                        call()
                        seconds.setdefault((name, stage), []).append(time.perf_counter() - started)
            for key, values in seconds.items():
                runs.setdefault(key, []).append(summary_ms(values))
        figures: dict[str, Any] = {
            name: {
                "passages": lib.store.counts()["passages"],
                **{stage: median_of_runs(runs[(name, stage)]) for stage in STAGES},
            }
            for name, lib in libraries.items()
        }
        url = stores["postgresql"][1]
        if url:
            vectors = [per_store["postgresql"]["vector"]() for per_store in calls[:50]]
            figures["postgresql"]["hnsw"] = hnsw_recall(url, vectors)  # type: ignore[arg-type]
        return figures
    finally:
        for lib in libraries.values():
            lib.close()


def measure_memory(home: Path, url: str | None, answers: int) -> dict[str, Any]:
    """A replica's memory: open the library as `guidecite serve` does, retrieve for every
    dev question once and answer `answers` of them in full; this process's VmRSS and peak."""
    from ..answer import answer

    started = time.perf_counter()
    library = open_replica_library(home, url)
    figures: dict[str, Any] = {"open_s": round(time.perf_counter() - started, 1)}
    try:
        questions = dev_questions()
        for question in questions:
            stage_calls(library, question)["retrieve"]()
        seconds = []
        for question in questions[:answers]:
            started = time.perf_counter()
            answer(question, library)
            seconds.append(time.perf_counter() - started)
        figures["answer"] = summary_ms(seconds)
    finally:
        library.close()
    figures.update(memory())
    return figures


def memory() -> dict[str, float]:
    found: dict[str, float] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[f"{key.lower()}_mb"] = round(int(value.split()[0]) / 1024)
    return found


def in_child(args: list[str]) -> dict[str, Any]:
    """Run `python -m guidecite.benchmarks.scale ARGS` in a fresh process; its JSON line."""
    command = [sys.executable, "-W", "ignore", "-m", "guidecite.benchmarks.scale", *args]
    done = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "GUIDECITE_STARTER": "0"}
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(embedded: Path, replica: Path, url: str, rounds: int, answers: int) -> dict[str, Any]:
    """Latency of both stores side by side in one process, then each one's memory alone."""
    figures = in_child(["latency", "--embedded", str(embedded), "--replica", str(replica),
                        "--database", url, "--rounds", str(rounds)])  # fmt: skip
    figures["embedded"].update(
        in_child(["memory", "--home", str(embedded), "--answers", str(answers)])
    )
    figures["postgresql"].update(
        in_child(["memory", "--home", str(replica), "--database", url, "--answers", str(answers)])
    )
    return figures


# -- the run ------------------------------------------------------------------------------


def run(options: argparse.Namespace) -> dict[str, Any]:
    report: dict[str, Any] = {
        "cpus": os.cpu_count(),
        "postgres": PG_SETTINGS,
        "spread": options.spread,
        "sizes": {},
    }
    for size in options.sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"guidecite-scale-{size}-", dir=options.work))
        try:
            entry: dict[str, Any] = {"load_average_before": os.getloadavg()[0]}
            embedded = folder / "embedded"
            entry["embedded_build"] = build_embedded(options.home, embedded, size)
            _progress(size, entry)
            (folder / "pg").mkdir()
            with TempPostgres(folder / "pg", PG_SETTINGS) as pg:
                replica = folder / "replica"
                entry["postgres_build"] = build_postgres(
                    options.home,
                    pg.url,
                    replica,
                    size,
                    options.maintenance_work_mem,
                    options.spread,
                )
                _progress(size, entry)
                entry["load_average_measuring"] = os.getloadavg()[0]
                entry.update(measure(embedded, replica, pg.url, options.rounds, options.answers))
            report["sizes"][str(size)] = entry
            _progress(size, entry)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return report


def _progress(size: int, entry: dict[str, Any]) -> None:
    print(json.dumps({str(size): entry}), file=sys.stderr, flush=True)


def format_report(report: dict[str, Any]) -> str:
    lines = [
        f"{report['cpus']} cpus; PostgreSQL settings {json.dumps(report['postgres'])}; "
        "latency: median over rounds of each round's p50 / p95 (ms)",
        "",
        "| passages | store | build | lexical p50/p95 | dense p50/p95 | fused p50/p95 "
        "| retrieval p50/p95 | answer p50/p95 | replica RSS / peak MB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for size, entry in report["sizes"].items():
        for name in ("embedded", "postgresql"):
            m = entry[name]
            build = entry["embedded_build" if name == "embedded" else "postgres_build"]
            lines.append(
                f"| {int(size):,} | {name} | {_build(build)} | {_pair(m['lexical'])} "
                f"| {_pair(m['dense'])} | {_pair(m['fuse'])} | {_pair(m['retrieve'])} "
                f"| {_pair(m['answer'])} | {m.get('vmrss_mb')} / {m.get('vmhwm_mb')} |"
            )
        e, p = entry["embedded"]["retrieve"], entry["postgresql"]["retrieve"]
        lines.append(
            f"| {int(size):,} | postgresql / embedded | | | | | "
            f"{p['p50'] / e['p50']:.2f}x / {p['p95'] / e['p95']:.2f}x | | "
            f"{entry['postgresql']['vmrss_mb'] / entry['embedded']['vmrss_mb']:.2f}x |"
        )
    for size, entry in report["sizes"].items():
        e, p = entry["embedded_build"], entry["postgres_build"]
        hnsw = entry["postgresql"].get("hnsw", {})
        load = entry["load_average_measuring"]
        lines.append(
            f"\n{int(size):,}: embedded SQLite {e.get('sqlite_mb')} MB + BM25 "
            f"{e.get('bm25_mb')} MB; PostgreSQL passages {p['passages_table_mb']} MB (HNSW "
            f"{p['hnsw_index_mb']} MB), replica BM25 {p.get('replica_bm25_mb')} MB; 10,000 more "
            f"passages into the indexed table {p.get('insert_10k_with_hnsw_s')} s; HNSW "
            f"recall@{hnsw.get('k')} {hnsw.get('recall_at_k')} over {hnsw.get('queries')} "
            f"questions against an exact scan; load average {load:.1f}"
        )
    return "\n".join(lines)


def _build(build: dict[str, Any]) -> str:
    if "build_s" in build:
        return f"{build['build_s']} s (copy + indexes)"
    return (
        f"COPY {build['copy_s']} s, HNSW {build['hnsw_s']} s "
        f"({build['hnsw_maintenance_work_mem']}), replica BM25 {build['replica_bm25_s']} s"
    )


def _pair(figures: dict[str, float]) -> str:
    return f"{figures['p50']} / {figures['p95']}" if figures.get("n") else "-"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m guidecite.benchmarks.scale")
    sub = parser.add_subparsers(dest="command")
    latency = sub.add_parser("latency", help="(internal) both stores' retrieval, interleaved")
    latency.add_argument("--embedded", type=Path, required=True)
    latency.add_argument("--replica", type=Path, required=True)
    latency.add_argument("--database", required=True)
    latency.add_argument("--rounds", type=int, default=3)
    memory_cmd = sub.add_parser("memory", help="(internal) one store's replica memory")
    memory_cmd.add_argument("--home", type=Path, required=True)
    memory_cmd.add_argument("--database", default=None)
    memory_cmd.add_argument("--answers", type=int, default=20)
    parser.add_argument("--home", type=Path, help="an embedded library to copy from (read)")
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--answers", type=int, default=20)
    parser.add_argument("--maintenance-work-mem", default="2GB")
    parser.add_argument(
        "--spread",
        type=float,
        default=0.0,
        help="move PostgreSQL's copied vectors off the originals (0.33: cosine 0.95), so "
        "that HNSW indexes distinct vectors (see `distinct`)",
    )
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None)
    options = parser.parse_args(argv)
    if options.command == "latency":
        stores = {
            "embedded": (options.embedded, None),
            "postgresql": (options.replica, options.database),
        }
        print(json.dumps(measure_latency(stores, options.rounds)))
        return
    if options.command == "memory":
        print(json.dumps(measure_memory(options.home, options.database, options.answers)))
        return
    if options.home is None:
        parser.error("--home is required")
    options.sizes = [int(s) for s in options.sizes.split(",") if s]
    report = run(options)
    if options.json:
        options.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(format_report(report))


if __name__ == "__main__":
    main()
