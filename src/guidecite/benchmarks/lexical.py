"""PostgreSQL full-text search against tantivy BM25, on the dev sets' questions.

    python -m guidecite.benchmarks.lexical --home LIBRARY [--rounds 3] [--work DIR] [--json F]

For every question with gold documents: the lexical hits (100, as retrieval asks for) of each
engine, whether a passage of a gold document is among the first 10 and 20, and the query's
time. After a warm-up (the first 10 questions on every engine), latencies are p50/p95 over
the questions within one round, then the median of those over `--rounds` rounds (quality is
scored in the first); the engines take turns question by question, so load on this shared
machine falls on all of them alike.

Engines, all over the same passages (the library's indexed text: title, headings, passage):
- `tantivy`: the library's own tantivy index (BM25), read in process.
- `pg-ours-rank` / `pg-ours-rank-cd`: a tsvector made of exactly the terms tantivy indexes
  (`analysis.terms`, with positions), so only the ranking differs: `ts_rank` or `ts_rank_cd`.
- `pg-english`: PostgreSQL's own analysis (`to_tsvector('english', ...)`: Snowball stemming,
  stop words dropped), ranked by `ts_rank`: what a plain PostgreSQL setup would do.
Each PostgreSQL engine has a GIN index and is asked through psycopg over a Unix socket, so its
times include a round trip that tantivy's do not (about 0.1 ms here).

Queries: `words` ORs the terms of the question's own words (every engine); `clauses` ORs the
clauses `guidecite.query.understand` makes of it (what answering uses; tantivy and
`pg-ours-rank`; PostgreSQL gets phrases as `<->` but not the clauses' weights, which
tsquery cannot carry).

The library folder is only read: it is copied into the work folder first.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..analysis import terms, words
from ..store.lexical import Clause, LexicalIndex
from ..store.sqlite import index_text
from ._postgres import TempPostgres
from ._stats import median_of_runs, summary_ms

DEV_SETS = (
    Path("/work/shared/eval/guideline_qa_dev.jsonl"),
    Path("/work/shared/eval/liveqa_dev.jsonl"),
)
HITS = 100
WARM_UP = 10  # questions asked of every engine before timing
PG_SETTINGS = {"shared_buffers": "1GB", "work_mem": "64MB"}


@dataclass
class Question:
    set_name: str
    qid: str
    text: str
    gold: frozenset[str]
    clauses: tuple[Clause, ...] = ()


@dataclass
class Outcome:
    """One engine's figures on one question set."""

    top10: int = 0
    top20: int = 0
    asked: int = 0
    rounds: list[list[float]] = field(default_factory=list)


def read_questions(path: Path) -> list[Question]:
    """The questions of a dev set that name gold documents (their `gold[].doc` sources)."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        gold = frozenset(g["doc"] for g in row.get("gold") or () if g.get("doc"))
        if gold:
            found.append(Question(path.stem, row["id"], row["question"], gold))
    return found


def gold_rank(hit_sources: Sequence[str], gold: frozenset[str]) -> int | None:
    """1-based rank of the first hit from a gold document, or None."""
    for rank, source in enumerate(hit_sources, 1):
        if source in gold:
            return rank
    return None


# -- PostgreSQL side ---------------------------------------------------------------------


def tsvector_literal(text: str) -> str:
    """The text's `analysis.terms` as a tsvector literal with positions ('ki':1 '67':2 ...)."""
    positions: dict[str, list[int]] = {}
    for position, term in enumerate(terms(text), 1):
        positions.setdefault(term, []).append(min(position, 16383))
    return " ".join(f"{_quote(t)}:{','.join(map(str, p[:256]))}" for t, p in positions.items())


def tsquery_literal(clauses: Sequence[Clause]) -> str | None:
    """The clauses ORed as a tsquery literal: words as terms, phrases as 'a' <-> 'b'."""
    parts: list[str] = []
    for clause in clauses:
        if clause.phrase:
            phrase = words(clause.text)
            if phrase:
                parts.append("(" + " <-> ".join(_quote(w) for w in phrase) + ")")
        else:
            parts.extend(_quote(t) for t in dict.fromkeys(terms(clause.text)))
    parts = list(dict.fromkeys(parts))
    return " | ".join(parts) if parts else None


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def library_rows(home: Path) -> Iterator[tuple[int, str, str]]:
    """(passage row, document source, indexed text) of every passage of an embedded library."""
    db = sqlite3.connect(f"file:{home / 'library.sqlite3'}?mode=ro", uri=True)
    try:
        query = (
            "SELECT p.row, d.source, d.title, p.section_path, p.text"
            " FROM passages p JOIN documents d USING (doc_id) ORDER BY p.row"
        )
        for row, source, title, path, text in db.execute(query):
            yield row, source, index_text(title, tuple(json.loads(path)), text)
    finally:
        db.close()


def load_postgres(pg: TempPostgres, rows: Iterator[tuple[int, str, str]]) -> dict[str, float]:
    """COPY the passages into `lex`, derive the English tsvector, build both GIN indexes."""
    timings: dict[str, float] = {}
    with pg.connect() as conn:
        conn.execute("DROP TABLE IF EXISTS lex")
        conn.execute(
            "CREATE TABLE lex (row bigint PRIMARY KEY, source text NOT NULL,"
            " ours tsvector NOT NULL, body text NOT NULL, english tsvector)"
        )
        started = time.perf_counter()
        with conn.cursor() as cur, cur.copy("COPY lex (row, source, ours, body) FROM STDIN") as cp:
            for row, source, text in rows:
                cp.write_row((row, source, tsvector_literal(text), text))
        timings["copy_s"] = time.perf_counter() - started
        started = time.perf_counter()
        conn.execute("UPDATE lex SET english = to_tsvector('english', body)")
        timings["english_tsvector_s"] = time.perf_counter() - started
        for column in ("ours", "english"):
            started = time.perf_counter()
            conn.execute(f"CREATE INDEX lex_{column} ON lex USING gin ({column})")
            timings[f"gin_{column}_s"] = time.perf_counter() - started
        conn.execute("VACUUM ANALYZE lex")
        size = conn.execute("SELECT pg_total_relation_size('lex')").fetchone()
        timings["table_and_indexes_mb"] = (size[0] if size else 0) / 2**20
    return {k: round(v, 1) for k, v in timings.items()}


PG_QUERIES = {
    "pg-ours-rank": "SELECT row, source FROM lex WHERE ours @@ %(q)s::tsquery"
    " ORDER BY ts_rank(ours, %(q)s::tsquery) DESC LIMIT %(k)s",
    "pg-ours-rank-cd": "SELECT row, source FROM lex WHERE ours @@ %(q)s::tsquery"
    " ORDER BY ts_rank_cd(ours, %(q)s::tsquery) DESC LIMIT %(k)s",
    "pg-english": "WITH w AS (SELECT (SELECT string_agg(quote_literal(l), ' | ')"
    " FROM unnest(tsvector_to_array(to_tsvector('english', %(text)s))) l)::tsquery AS q)"
    " SELECT row, source FROM lex, w WHERE english @@ w.q"
    " ORDER BY ts_rank(english, w.q) DESC LIMIT %(k)s",
}


# -- the measurement ------------------------------------------------------------------------


def question_clauses(home: Path, questions: Sequence[Question]) -> None:
    """Each question's clauses as answering makes them (guidecite.query.understand)."""
    from ..answer import read_question
    from ..library import open_library
    from ..settings import Settings

    library = open_library(Settings(home=home, starter=False), starter=False)
    try:
        for question in questions:
            question.clauses = read_question(question.text, library).clauses
    finally:
        library.close()


Engine = Callable[[Question], list[str]]


def engines(home: Path, pg: TempPostgres, conn: Any) -> dict[str, Engine]:
    """name -> a function from a question to its hits' document sources, best first."""
    index = LexicalIndex(home / "lexical")
    db = sqlite3.connect(f"file:{home / 'library.sqlite3'}?mode=ro", uri=True)
    source_of = dict(
        db.execute("SELECT p.row, d.source FROM passages p JOIN documents d USING (doc_id)")
    )
    db.close()

    def tantivy_search(clauses: Sequence[Clause]) -> list[str]:
        return [source_of[int(key)] for key, _ in index.search(clauses, HITS)]

    def pg_search(name: str, clauses: Sequence[Clause], text: str) -> list[str]:
        query = tsquery_literal(clauses)
        if query is None:
            return []
        rows = conn.execute(PG_QUERIES[name], {"q": query, "text": text, "k": HITS}).fetchall()
        return [source for _, source in rows]

    def own_words(q: Question) -> list[Clause]:
        return [Clause(q.text)]

    found: dict[str, Engine] = {
        "tantivy / words": lambda q: tantivy_search(own_words(q)),
        "tantivy / clauses": lambda q: tantivy_search(q.clauses),
    }
    for name in PG_QUERIES:
        found[f"{name} / words"] = _bind(pg_search, name, own_words)
    found["pg-ours-rank / clauses"] = lambda q: pg_search("pg-ours-rank", q.clauses, q.text)
    return found


def _bind(
    search: Callable[[str, Sequence[Clause], str], list[str]],
    name: str,
    clauses: Callable[[Question], Sequence[Clause]],
) -> Engine:
    return lambda q: search(name, clauses(q), q.text)


def measure(
    home: Path, questions: Sequence[Question], pg: TempPostgres, rounds: int
) -> dict[str, Any]:
    with pg.connect() as conn:
        conn.execute("SET jit = off")
        found = engines(home, pg, conn)
        outcomes = {(n, s): Outcome() for n in found for s in {q.set_name for q in questions}}
        for question in questions[:WARM_UP]:
            for engine in found.values():
                engine(question)
        for round_ in range(rounds):
            times: dict[tuple[str, str], list[float]] = {key: [] for key in outcomes}
            for question in questions:
                for name, engine in found.items():
                    started = time.perf_counter()
                    hits = engine(question)
                    times[(name, question.set_name)].append(time.perf_counter() - started)
                    if round_ == 0:
                        _score(outcomes[(name, question.set_name)], hits, question.gold)
            for key, values in times.items():
                outcomes[key].rounds.append(values)
    return {
        f"{name} | {set_name}": {
            "questions": o.asked,
            "gold_in_top10": o.top10,
            "gold_in_top20": o.top20,
            "latency_ms": median_of_runs([summary_ms(r) for r in o.rounds]),
        }
        for (name, set_name), o in sorted(outcomes.items())
    }


def _score(outcome: Outcome, hits: list[str], gold: frozenset[str]) -> None:
    rank = gold_rank(hits, gold)
    outcome.asked += 1
    outcome.top10 += rank is not None and rank <= 10
    outcome.top20 += rank is not None and rank <= 20


def run(home: Path, rounds: int, work: Path | None) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="guidecite-lexical-", dir=work))
    try:
        library = folder / "library"
        shutil.copytree(home, library)
        questions = [q for path in DEV_SETS for q in read_questions(path)]
        question_clauses(library, questions)
        (folder / "pg").mkdir()
        with TempPostgres(folder / "pg", PG_SETTINGS) as pg:
            load = load_postgres(pg, library_rows(library))
            with pg.connect() as conn:
                version = conn.execute("SHOW server_version").fetchone()
                count = conn.execute("SELECT count(*) FROM lex").fetchone()
            report = {
                "passages": count[0] if count else 0,
                "postgres": {"version": version[0] if version else "?", **PG_SETTINGS, **load},
                "rounds": rounds,
                "engines": measure(library, questions, pg, rounds),
            }
        return report
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def format_report(report: dict[str, Any]) -> str:
    pg = report["postgres"]
    lines = [
        f"{report['passages']:,} passages; PostgreSQL {pg['version']}"
        f" (shared_buffers {pg['shared_buffers']}), load: COPY {pg['copy_s']} s,"
        f" English tsvector {pg['english_tsvector_s']} s, GIN {pg['gin_ours_s']} s"
        f" + {pg['gin_english_s']} s, {pg['table_and_indexes_mb']:.0f} MB;"
        f" latency: median over {report['rounds']} rounds",
        "",
        "| engine / query | set | questions | gold in top 10 | gold in top 20 "
        "| p50 ms | p95 ms | p95 / tantivy's |",
        "|---|---|---|---|---|---|---|---|",
    ]
    rows = report["engines"]
    for key, e in rows.items():
        name, set_name = key.split(" | ")
        query = name.split(" / ")[1]
        base = rows[f"tantivy / {query} | {set_name}"]["latency_ms"]["p95"]
        n = e["questions"]
        lines.append(
            f"| {name} | {set_name} | {n} | {_share(e['gold_in_top10'], n)} "
            f"| {_share(e['gold_in_top20'], n)} | {e['latency_ms']['p50']} "
            f"| {e['latency_ms']['p95']} | {e['latency_ms']['p95'] / base:.0f}x |"
        )
    return "\n".join(lines)


def _share(count: int, total: int) -> str:
    return f"{count} ({100 * count / total:.1f}%)"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m guidecite.benchmarks.lexical")
    parser.add_argument("--home", type=Path, required=True, help="an embedded library (read)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=None, help="folder for temporary files")
    parser.add_argument("--json", type=Path, default=None, help="also write the report here")
    args = parser.parse_args(argv)
    report = run(args.home, args.rounds, args.work)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(format_report(report))


if __name__ == "__main__":
    main()
