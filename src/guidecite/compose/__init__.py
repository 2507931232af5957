"""Composing an article from retrieved passages.

`Generator` is the seam for composers: the extractive default is registered here, and LLM
composers (a later step) register the same way. Every composer returns an `Answer` whose
statements cite the passages they come from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from ..errors import unknown_name
from ..query import Query
from ..types import Answer, Document, Hit
from .extractive import ExtractiveComposer


class Generator(Protocol):
    name: str

    def compose(
        self, query: Query, hits: Sequence[Hit], documents: Mapping[str, Document], audience: str
    ) -> Answer: ...


GENERATORS: dict[str, Callable[..., Generator]] = {"extractive": ExtractiveComposer}


def get_generator(name: str, **options: object) -> Generator:
    if name not in GENERATORS:
        raise unknown_name("composer", name, list(GENERATORS))
    return GENERATORS[name](**options)
