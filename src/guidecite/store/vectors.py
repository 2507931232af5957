"""A numpy vector index for top-k inner-product search over int8-quantised vectors.

Vectors are stored as int8 codes with one scale per dimension (a vector is `codes * scale`),
a quarter of float32's memory. Below `FLAT_MAX` vectors a query scans them all; above it the
index is an IVF: spherical k-means centroids cut the vectors into `n_lists` lists, stored
contiguously, and a query scans only the `nprobe` lists whose centroids are nearest.

On disk a folder holds plain arrays and JSON, never pickle; `load` memory-maps the codes:

    index.json      format, version, kind ("flat" or "ivf"), dim, count, nprobe
    codes.npy       (count, dim) int8, grouped by list
    ids.npy         (count,) int64, the caller's id of each row
    scale.npy       (dim,) float32
    centroids.npy   (n_lists, dim) float32; (0, dim) for a flat index
    offsets.npy     (n_lists + 1,) int64: list l is rows offsets[l]:offsets[l + 1]
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import StoreError

FORMAT = "guidecite-vectors"
VERSION = 1
FLAT_MAX = 100_000  # below this a full scan: <= ~5 ms, recall@10 0.985 (IVF there: ~0.94)
LISTS_PER_SQRT = 2.0  # n_lists = LISTS_PER_SQRT * sqrt(count): 2,000 lists at 1M
PROBE_SHARE = 16  # by default a query probes n_lists / PROBE_SHARE lists...
MIN_SCAN = 25_000  # ...and at least this many rows (~2 ms): recall@10 ~0.94-0.97
KMEANS_SAMPLE = 50_000  # at least this many vectors train the centroids...
KMEANS_PER_LIST = 40  # ...and at least this many per list
KMEANS_ITERATIONS = 8
BATCH = 16_384  # rows converted to float32 at once (16 MB at 256 dims)
ARRAYS = ("codes", "ids", "scale", "centroids", "offsets")


@dataclass
class VectorIndex:
    codes: np.ndarray  # (count, dim) int8
    ids: np.ndarray  # (count,) int64
    scale: np.ndarray  # (dim,) float32
    centroids: np.ndarray  # (n_lists, dim) float32, unit length
    offsets: np.ndarray  # (n_lists + 1,) int64
    nprobe: int = 1
    _id_order: np.ndarray | None = field(default=None, repr=False)

    @classmethod
    def build(
        cls,
        vectors: np.ndarray,
        ids: np.ndarray,
        *,
        n_lists: int | None = None,
        nprobe: int | None = None,
        seed: int = 0,
    ) -> VectorIndex:
        """Index `vectors` (one row per id; normalise them for cosine) under `ids`.

        `n_lists` defaults to none (a flat index) below `FLAT_MAX` vectors and to
        `LISTS_PER_SQRT * sqrt(count)` above; `nprobe` to `n_lists / PROBE_SHARE` lists
        or enough lists to hold `MIN_SCAN` rows, whichever is more.
        """
        vectors, ids = _checked(vectors, ids)
        if n_lists is None:
            n_lists = 0 if len(ids) < FLAT_MAX else round(LISTS_PER_SQRT * np.sqrt(len(ids)))
        n_lists = min(n_lists, len(ids))
        nprobe = nprobe or _default_nprobe(n_lists, len(ids))
        scale = _scale(vectors)
        if n_lists <= 1:
            offsets = np.array([0, len(ids)], dtype=np.int64)
            centroids = np.zeros((0, vectors.shape[1]), dtype=np.float32)
            return cls(_quantise(vectors, scale), ids, scale, centroids, offsets, nprobe)
        centroids = train_centroids(vectors, n_lists, np.random.default_rng(seed))
        lists = assign(vectors, centroids)
        order = np.argsort(lists, kind="stable")
        offsets = np.searchsorted(lists[order], np.arange(n_lists + 1)).astype(np.int64)
        codes = _quantise(vectors, scale, order)
        return cls(codes, ids[order], scale, centroids, offsets, nprobe)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def dim(self) -> int:
        return int(self.codes.shape[1])

    def search(
        self, query: np.ndarray, k: int, candidates: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The ids of the `k` best rows by inner product with `query`, and their scores.

        With `candidates`, every row among those ids is scored (unknown ids are skipped).
        """
        query = np.asarray(query, dtype=np.float32).reshape(-1)
        if query.shape[0] != self.dim:
            raise ValueError(f"query has {query.shape[0]} dimensions, the index {self.dim}")
        scaled = query * self.scale
        if candidates is not None:
            rows = self._rows_of(np.asarray(candidates, dtype=np.int64))
            scores = _scores(self.codes[rows], scaled)
        else:
            starts, stops = self._spans(query)
            rows = ranges(starts, stops)
            scores = np.concatenate(
                [_scores(self.codes[a:b], scaled) for a, b in zip(starts, stops, strict=True)]
                or [np.zeros(0, dtype=np.float32)]
            )
        best = top_k(scores, k)
        return self.ids[rows[best]], scores[best]

    def _spans(self, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(starts, stops) of the rows to scan: the `nprobe` lists nearest the query, or all."""
        if not len(self.centroids):
            starts = np.arange(0, len(self), BATCH, dtype=np.int64)
            return starts, np.minimum(starts + BATCH, len(self))
        nearest = top_k(np.einsum("ij,j->i", self.centroids, query), self.nprobe)
        return self.offsets[nearest], self.offsets[nearest + 1]

    def _rows_of(self, wanted: np.ndarray) -> np.ndarray:
        if self._id_order is None:
            self._id_order = np.argsort(self.ids, kind="stable")
        sorted_ids = self.ids[self._id_order]
        where = np.searchsorted(sorted_ids, wanted).clip(max=max(len(sorted_ids) - 1, 0))
        found = sorted_ids[where] == wanted if len(sorted_ids) else np.zeros(0, bool)
        return np.unique(self._id_order[where[found]])

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name in ARRAYS:
            np.save(folder / f"{name}.npy", getattr(self, name), allow_pickle=False)
        meta = {
            "format": FORMAT,
            "version": VERSION,
            "kind": "ivf" if len(self.centroids) else "flat",
            "dim": self.dim,
            "count": len(self),
            "nprobe": self.nprobe,
        }
        (folder / "index.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path, *, nprobe: int | None = None) -> VectorIndex:
        """The index saved in `folder`, its codes and ids memory-mapped."""
        meta = _read_meta(Path(folder))
        try:
            arrays = {
                name: np.load(
                    Path(folder) / f"{name}.npy",
                    mmap_mode="r" if name in ("codes", "ids") else None,
                    allow_pickle=False,
                )
                for name in ARRAYS
            }
        except (OSError, ValueError) as exc:
            raise StoreError(f"vector index in {folder} is unreadable: {exc}") from exc
        if arrays["codes"].shape != (meta["count"], meta["dim"]):
            raise StoreError(f"vector index in {folder} does not match its index.json")
        return cls(**arrays, nprobe=nprobe or int(meta["nprobe"]))


def _scores(codes: np.ndarray, scaled: np.ndarray) -> np.ndarray:
    """Inner products of int8 rows with a float32 vector.

    einsum casts the codes in small buffers, so there is no float32 copy of the rows, and
    it runs on the calling thread: OpenBLAS's threaded matrix-vector product was measured
    2-10x slower than this on a busy 2-core machine.
    """
    return np.einsum("ij,j->i", codes, scaled, dtype=np.float32)


def _read_meta(folder: Path) -> dict[str, int | str]:
    path = folder / "index.json"
    try:
        meta: dict[str, int | str] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"no readable vector index in {folder}: {exc}") from exc
    if meta.get("format") != FORMAT or meta.get("version") != VERSION:
        raise StoreError(f"{path} is not a {FORMAT} index of version {VERSION}")
    return meta


def _default_nprobe(n_lists: int, count: int) -> int:
    enough = -(-MIN_SCAN * n_lists // max(count, 1))  # ceil: lists of average size
    return max(1, n_lists // PROBE_SHARE, min(n_lists, enough))


def _checked(vectors: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    vectors = np.asarray(vectors)
    ids = np.asarray(ids, dtype=np.int64)
    if vectors.ndim != 2 or ids.shape != (len(vectors),):
        raise ValueError(f"need one id per row: vectors {vectors.shape}, ids {ids.shape}")
    if len(np.unique(ids)) != len(ids):
        raise ValueError("ids must be unique")
    return vectors, ids


def _scale(vectors: np.ndarray) -> np.ndarray:
    """Per-dimension scale that maps each dimension's largest magnitude to 127."""
    if not len(vectors):
        return np.ones(vectors.shape[1], dtype=np.float32)
    peak = np.maximum(vectors.max(axis=0), -vectors.min(axis=0)).astype(np.float32)
    return np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)


def _quantise(
    vectors: np.ndarray, scale: np.ndarray, order: np.ndarray | None = None
) -> np.ndarray:
    """int8 codes of the rows (taken in `order` when given), a batch at a time."""
    codes = np.empty(vectors.shape, dtype=np.int8)
    for start in range(0, len(vectors), BATCH):
        stop = min(start + BATCH, len(vectors))
        block = vectors[start:stop] if order is None else vectors[order[start:stop]]
        codes[start:stop] = np.clip(np.rint(block / scale), -127, 127)
    return codes


def train_centroids(vectors: np.ndarray, n_lists: int, rng: np.random.Generator) -> np.ndarray:
    """Spherical k-means on a sample: `n_lists` unit centroids."""
    size = min(len(vectors), max(KMEANS_SAMPLE, KMEANS_PER_LIST * n_lists))
    sample = np.asarray(vectors[np.sort(rng.choice(len(vectors), size, replace=False))])
    sample = sample.astype(np.float32)
    centroids = sample[rng.choice(size, n_lists, replace=False)].copy()
    for _ in range(KMEANS_ITERATIONS):
        labels = assign(sample, centroids)
        sums = np.zeros_like(centroids)
        _sum_by_label(sample, labels, sums)
        empty = ~sums.any(axis=1)
        sums[empty] = sample[rng.choice(size, int(empty.sum()), replace=False)]
        centroids = sums / np.linalg.norm(sums, axis=1, keepdims=True)
    return centroids


def _sum_by_label(rows: np.ndarray, labels: np.ndarray, out: np.ndarray) -> None:
    """out[l] = the sum of the rows labelled l (sort, then one reduceat)."""
    order = np.argsort(labels, kind="stable")
    present, starts = np.unique(labels[order], return_index=True)
    out[present] = np.add.reduceat(rows[order], starts, axis=0)


def assign(vectors: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    """The index of each row's nearest centroid by inner product, a batch at a time."""
    labels = np.empty(len(vectors), dtype=np.int64)
    for start in range(0, len(vectors), BATCH):
        block = np.asarray(vectors[start : start + BATCH], dtype=np.float32)
        labels[start : start + len(block)] = np.argmax(block @ centroids.T, axis=1)
    return labels


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions of the `k` largest scores, best first."""
    k = min(k, len(scores))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    best = np.argpartition(-scores, k - 1)[:k]
    return best[np.argsort(-scores[best], kind="stable")]


def ranges(starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """The concatenation of arange(start, stop) for each pair, without a Python loop."""
    lengths = stops - starts
    shifts = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    return shifts + np.arange(int(lengths.sum()), dtype=np.int64)
