"""`guidecite eval`: run a question set with gold passages and report the figures.

The question file is JSON Lines in the format of shared/eval (`question`, `audience`,
`language`, `answerable`, `gold` [{doc, quote}], `must_have` [[variants]]). Figures, overall
and per language and audience:
- gold document among the cited references (% of answerable questions);
- gold quote's passage among the retrieved top 5 / top 10;
- every must-have concept stated in the answer's statements;
- unanswerable questions declined; answerable ones wrongly declined;
- latency p50 / p95.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import textstat

from .answer import Library, answer_with_hits
from .errors import InputError, PathError
from .types import INSUFFICIENT_EVIDENCE, Answer, Hit

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def load_questions(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise PathError(f"no such question file: {path}")
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}#line {number}: not JSON ({exc.msg})") from exc
        if not isinstance(item, dict) or not isinstance(item.get("question"), str):
            raise InputError(f"{path}#line {number}: no 'question'")
        questions.append(item)
    return questions


def run_eval(path: Path, library: Library, readers: Sequence[str] | None = None) -> dict[str, Any]:
    """Figures for the question file; with `readers`, every question is asked once for each
    reader (the question's own audience decides only the 'audience' grouping)."""
    items = load_questions(path)
    if readers:
        results = [evaluate_one(item, library, reader) for reader in readers for item in items]
    else:
        results = [evaluate_one(item, library) for item in items]
    groups: dict[str, list[dict[str, Any]]] = {"overall": results}
    for result in results:
        groups.setdefault(f"language={result['language']}", []).append(result)
        groups.setdefault(f"audience={result['audience']}", []).append(result)
        if readers:
            groups.setdefault(f"reader={result['reader']}", []).append(result)
    return {
        "file": str(path),
        "figures": {k: figures(v) for k, v in groups.items()},
        "questions": results,
    }


def evaluate_one(
    item: dict[str, Any], library: Library, reader: str | None = None
) -> dict[str, Any]:
    audience = item.get("audience", "clinician")
    started = time.perf_counter()
    result, hits = answer_with_hits(item["question"], library, audience=reader or audience)
    seconds = time.perf_counter() - started
    gold_docs = [g["doc"] for g in item.get("gold", [])]
    quotes = [g["quote"] for g in item.get("gold", []) if g.get("quote")]
    cited = [r.source for r in result.references]
    return {
        "id": item.get("id"),
        "language": item.get("language", "en"),
        "audience": audience,
        "reader": reader or audience,
        "answerable": bool(item.get("answerable", True)),
        "declined": result.status == INSUFFICIENT_EVIDENCE,
        "gold_cited": any(doc in cited for doc in gold_docs),
        "gold_rank": gold_rank(hits, quotes),
        "has_quote": bool(quotes),
        "must_have": must_have_stated(result, item.get("must_have", [])),
        "readability_grade": readability_grade(result),
        "cited": cited,
        "notice": result.notice,
        "latency_ms": round(seconds * 1000, 1),
    }


def readability_grade(result: Answer) -> float | None:
    """Flesch-Kincaid grade of the article's statements (None when it has none)."""
    text = " ".join(s.text for s in result.statements)
    if not text:
        return None
    return round(float(textstat.flesch_kincaid_grade(text)), 1)


def _norm(text: str) -> str:
    """Words only: quotes and passages differ in list marks, table bars and emphasis."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def gold_rank(hits: Sequence[Hit], quotes: Iterable[str]) -> int | None:
    """1-based rank of the first retrieved passage holding a gold quote (its first 80
    characters, compared as words only)."""
    needles = [_norm(q)[:80] for q in quotes]
    for rank, hit in enumerate(hits, 1):
        text = _norm(hit.passage.text)
        if any(needle and needle in text for needle in needles):
            return rank
    return None


def must_have_stated(result: Answer, must_have: Sequence[Sequence[str]]) -> bool:
    text = " ".join(s.text for s in result.statements).casefold()
    return all(any(v.casefold() in text for v in variants) for variants in must_have)


def figures(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    answerable = [r for r in results if r["answerable"]]
    quoted = [r for r in answerable if r.get("has_quote", True)]  # gold passages to look for
    unanswerable = [r for r in results if not r["answerable"]]
    latencies = sorted(r["latency_ms"] for r in results)

    def share(items: Sequence[dict[str, Any]], test: Any) -> float | None:
        return round(100 * sum(1 for r in items if test(r)) / len(items), 1) if items else None

    return {
        "questions": len(results),
        "answerable": len(answerable),
        "gold_document_cited_pct": share(answerable, lambda r: r["gold_cited"]),
        "gold_passage_top5_pct": share(quoted, lambda r: (r["gold_rank"] or 99) <= 5),
        "gold_passage_top10_pct": share(quoted, lambda r: (r["gold_rank"] or 99) <= 10),
        "must_have_stated_pct": share(answerable, lambda r: r["must_have"]),
        "unanswerable_declined_pct": share(unanswerable, lambda r: r["declined"]),
        "answerable_wrongly_declined_pct": share(answerable, lambda r: r["declined"]),
        "readability_fk_grade_mean": _mean(r.get("readability_grade") for r in results),
        "latency_p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "latency_p95_ms": _percentile(latencies, 95),
    }


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(statistics.fmean(present), 1) if present else None


def _percentile(values: Sequence[float], pct: int) -> float | None:
    if not values:
        return None
    index = min(len(values) - 1, max(0, round(pct / 100 * len(values) + 0.5) - 1))
    return round(sorted(values)[index], 1)


def print_report(report: dict[str, Any]) -> str:
    """The figures as a table: one row a measure, one column a group."""
    groups = list(report["figures"])
    names = list(report["figures"][groups[0]])
    rows = [["measure", *groups]]
    for name in names:
        values = (report["figures"][g][name] for g in groups)
        rows.append([name, *("-" if v is None else str(v) for v in values)])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows
    )
