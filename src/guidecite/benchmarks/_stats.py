"""Figures shared by the benchmarks: percentiles of latencies and medians of repeated runs."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value at `fraction` (0..1) of the sorted values, interpolated linearly (numpy's
    default), so p50 of an even count is the mean of the two middle values."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    """n, p50, p95 and max in milliseconds of durations given in seconds ({"n": 0} if none)."""
    if not seconds:
        return {"n": 0}
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50": round(percentile(ms, 0.5), 2),
        "p95": round(percentile(ms, 0.95), 2),
        "max": round(max(ms), 2),
    }


def median_of_runs(runs: Sequence[dict[str, float]]) -> dict[str, float]:
    """Each figure's median over repeated runs (the runs' summaries, same keys)."""
    if not runs:
        return {"n": 0}
    keys = [key for key in runs[0] if all(key in run for run in runs)]
    return {key: round(statistics.median(run[key] for run in runs), 2) for key in keys}
