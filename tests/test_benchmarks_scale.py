"""The scale benchmark's pure parts: distinct copies of vectors, the report's table."""

from __future__ import annotations

import numpy as np

from guidecite.benchmarks.scale import distinct, format_report


def test_a_distinct_copy_keeps_the_norm_and_stays_near_the_original() -> None:
    rng = np.random.default_rng(3)
    vector = rng.standard_normal(256).astype(np.float32)
    for spread in (0.1, 0.33, 1.0):
        moved = distinct(vector, spread, np.random.default_rng(5))
        cosine = float(vector @ moved) / float(np.linalg.norm(vector) * np.linalg.norm(moved))
        assert abs(cosine - 1 / np.sqrt(1 + spread**2)) < 0.01
        assert np.isclose(np.linalg.norm(moved), np.linalg.norm(vector), rtol=1e-5)
        assert moved.dtype == np.float32
    again = distinct(vector, 0.33, np.random.default_rng(5))
    assert np.array_equal(again, distinct(vector, 0.33, np.random.default_rng(5)))


def _figures(p50: float, p95: float) -> dict[str, float]:
    return {"n": 10, "p50": p50, "p95": p95, "max": p95}


def test_the_report_puts_both_stores_side_by_side_with_their_ratio() -> None:
    measured = {stage: _figures(1.0, 2.0) for stage in ("lexical", "dense", "fuse", "answer")}
    entry = {
        "load_average_measuring": 1.0,
        "embedded_build": {"build_s": 10.0, "bm25_mb": 1, "sqlite_mb": 2},
        "postgres_build": {"copy_s": 1.0, "hnsw_s": 2.0, "hnsw_maintenance_work_mem": "1GB",
                           "replica_bm25_s": 3.0, "passages_table_mb": 4, "hnsw_index_mb": 5},
        "embedded": {**measured, "retrieve": _figures(10.0, 20.0), "vmrss_mb": 100},
        "postgresql": {**measured, "retrieve": _figures(15.0, 30.0), "vmrss_mb": 150},
    }  # fmt: skip
    report = {"cpus": 2, "postgres": {}, "sizes": {"1000": entry}}
    text = format_report(report)
    assert "| 1,000 | postgresql / embedded | | | | | 1.50x / 1.50x | | 1.50x |" in text
    assert "HNSW 2.0 s (1GB)" in text
