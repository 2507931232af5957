"""Shared by the composing and relevance tests: a question already read into its frame."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from guidecite.frame import Frame
from guidecite.query import Query


def framed(question: str, content_words: Sequence[str], frame: Frame) -> Query:
    """A query for `question` with its frame given, and no search terms or vector: what the
    composer and the relevance check read of it."""
    return Query(
        question=question,
        language="en",
        content_words=tuple(content_words),
        expansions=(),
        clauses=(),
        vector=np.zeros(4, dtype=np.float32),
        frame=frame,
    )
