"""VectorIndex: flat and IVF search over int8 codes, candidates, saving and loading."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from guidecite.errors import StoreError
from guidecite.store.vectors import VectorIndex, ranges, top_k

DIM = 64


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)


def clustered(count: int, clusters: int = 50, seed: int = 0) -> np.ndarray:
    """Unit vectors around random centres, like embeddings of passages on a few topics."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(clusters, DIM))
    return unit(centres[rng.integers(clusters, size=count)] + 0.6 * rng.normal(size=(count, DIM)))


def exact_top(vectors: np.ndarray, ids: np.ndarray, query: np.ndarray, k: int) -> np.ndarray:
    return ids[np.argsort(-(vectors @ query), kind="stable")[:k]]


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, np.ndarray]:
    vectors = clustered(20_000)
    ids = np.arange(len(vectors), dtype=np.int64) * 10 + 3  # ids are not row numbers
    return vectors, ids


@pytest.fixture(scope="module")
def ivf(data: tuple[np.ndarray, np.ndarray]) -> VectorIndex:
    return VectorIndex.build(*data, n_lists=100, nprobe=12)


@pytest.fixture(scope="module")
def flat(data: tuple[np.ndarray, np.ndarray]) -> VectorIndex:
    return VectorIndex.build(*data)


def planted_queries(data: tuple[np.ndarray, np.ndarray]) -> list[tuple[int, np.ndarray]]:
    """Stored vectors, slightly moved: each one's own id must come first."""
    vectors, ids = data
    rng = np.random.default_rng(7)
    rows = rng.choice(len(ids), 30, replace=False)
    return [(int(ids[r]), unit(vectors[r] + 0.05 * rng.normal(size=DIM))) for r in rows]


def test_small_index_is_flat_and_large_one_ivf(flat: VectorIndex, ivf: VectorIndex) -> None:
    assert len(flat.centroids) == 0 and len(ivf.centroids) == 100
    assert len(flat) == len(ivf) == 20_000
    assert ivf.offsets[0] == 0 and ivf.offsets[-1] == len(ivf)


@pytest.mark.parametrize("kind", ["flat", "ivf"])
def test_planted_query_finds_its_vector_first(
    kind: str, flat: VectorIndex, ivf: VectorIndex, data: tuple[np.ndarray, np.ndarray]
) -> None:
    index = flat if kind == "flat" else ivf
    for expected, query in planted_queries(data):
        ids, scores = index.search(query, 5)
        assert ids[0] == expected
        assert np.all(np.diff(scores) <= 0)


def test_scores_approximate_inner_products(
    flat: VectorIndex, data: tuple[np.ndarray, np.ndarray]
) -> None:
    vectors, ids = data
    query = vectors[5]
    found, scores = flat.search(query, 10)
    exact = vectors[np.searchsorted(ids, found)] @ query
    np.testing.assert_allclose(scores, exact, atol=0.02)


def test_ivf_recall_at_10_against_exact_search(
    ivf: VectorIndex, data: tuple[np.ndarray, np.ndarray]
) -> None:
    vectors, ids = data
    queries = clustered(50, seed=1)
    hits = sum(
        len(np.intersect1d(ivf.search(q, 10)[0], exact_top(vectors, ids, q, 10))) for q in queries
    )
    assert hits / (10 * len(queries)) >= 0.9


def test_candidates_restrict_and_rank_exactly(
    ivf: VectorIndex, data: tuple[np.ndarray, np.ndarray]
) -> None:
    vectors, ids = data
    chosen = np.random.default_rng(3).choice(len(ids), 40, replace=False)
    query = clustered(1, seed=2)[0]
    wanted = np.append(ids[chosen], [-1, 999_999_999])  # ids the index does not hold
    found, _ = ivf.search(query, 10, candidates=wanted)
    assert set(found) <= set(ids[chosen])
    assert list(found[:3]) == list(exact_top(vectors[chosen], ids[chosen], query, 3))
    assert len(ivf.search(query, 100, candidates=wanted)[0]) == 40


def test_save_and_load_round_trip(ivf: VectorIndex, tmp_path: Path) -> None:
    ivf.save(tmp_path / "vectors")
    meta = json.loads((tmp_path / "vectors" / "index.json").read_text())
    assert meta["kind"] == "ivf" and meta["count"] == 20_000 and meta["dim"] == DIM
    loaded = VectorIndex.load(tmp_path / "vectors")
    assert isinstance(loaded.codes, np.memmap) and loaded.nprobe == ivf.nprobe
    query = clustered(1, seed=4)[0]
    for got, want in zip(loaded.search(query, 10), ivf.search(query, 10), strict=True):
        np.testing.assert_array_equal(got, want)
    assert VectorIndex.load(tmp_path / "vectors", nprobe=3).nprobe == 3


def test_empty_index_saves_loads_and_finds_nothing(tmp_path: Path) -> None:
    empty = VectorIndex.build(np.zeros((0, 0), dtype=np.float32), np.zeros(0, dtype=np.int64))
    empty.save(tmp_path)
    loaded = VectorIndex.load(tmp_path)
    assert len(loaded) == 0
    ids, scores = loaded.search(np.zeros(0, dtype=np.float32), 5)
    assert len(ids) == len(scores) == 0


def test_k_larger_than_the_index_returns_everything(data: tuple[np.ndarray, np.ndarray]) -> None:
    vectors, ids = data
    small = VectorIndex.build(vectors[:7], ids[:7])
    assert sorted(small.search(vectors[0], 50)[0]) == sorted(ids[:7])


def test_bad_input_and_missing_folder_fail_loudly(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unique"):
        VectorIndex.build(np.ones((2, 4), dtype=np.float32), np.array([1, 1]))
    with pytest.raises(ValueError, match="one id per row"):
        VectorIndex.build(np.ones((2, 4), dtype=np.float32), np.array([1]))
    with pytest.raises(StoreError):
        VectorIndex.load(tmp_path / "missing")


def test_top_k_and_ranges_helpers() -> None:
    assert list(top_k(np.array([0.1, 0.9, 0.5, 0.7]), 2)) == [1, 3]
    assert len(top_k(np.array([]), 3)) == 0
    assert list(ranges(np.array([5, 0, 9]), np.array([7, 0, 10]))) == [5, 6, 9]
