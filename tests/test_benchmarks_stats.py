"""The benchmarks' figures: percentiles, summaries and medians of repeated runs."""

from __future__ import annotations

import numpy as np
import pytest

from guidecite.benchmarks._stats import median_of_runs, percentile, summary_ms


def test_percentile_interpolates_like_numpy() -> None:
    values = [3.0, 1.0, 10.0, 7.0, 5.0, 2.0]
    for fraction in (0.0, 0.5, 0.95, 1.0):
        assert percentile(values, fraction) == pytest.approx(
            float(np.percentile(values, fraction * 100))
        )


def test_percentile_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError):
        percentile([], 0.5)


def test_summary_is_in_milliseconds_and_empty_summary_says_so() -> None:
    assert summary_ms([0.001, 0.002, 0.003]) == {"n": 3, "p50": 2.0, "p95": 2.9, "max": 3.0}
    assert summary_ms([]) == {"n": 0}


def test_median_of_runs_takes_each_figure_apart() -> None:
    runs = [{"n": 10, "p50": 1.0, "p95": 9.0}, {"n": 10, "p50": 3.0, "p95": 5.0},
            {"n": 10, "p50": 2.0, "p95": 7.0}]  # fmt: skip
    assert median_of_runs(runs) == {"n": 10, "p50": 2.0, "p95": 7.0}
    assert median_of_runs([]) == {"n": 0}
