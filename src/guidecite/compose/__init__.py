"""Composing an article from retrieved passages.

`Generator` is the seam for composers: the extractive default and the optional LLM composers
(`openai`, `gguf`: docs/llm.md) are registered here. A factory takes the embedder and the
settings (the extractive one also the statement reranker, rerank.py, and how often the
library repeats a sentence: extractive.Repeats). Every composer returns
an `Answer` whose statements cite the passages they come from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from ..embedding import Embedder
from ..errors import unknown_name
from ..query import Query
from ..rerank import Reranker
from ..settings import Settings
from ..types import Answer, Document, Hit
from .extractive import ExtractiveComposer, Repeats
from .gguf import gguf_composer
from .llm import openai_composer


class Generator(Protocol):
    name: str

    def compose(
        self, query: Query, hits: Sequence[Hit], documents: Mapping[str, Document], audience: str
    ) -> Answer: ...


def extractive_composer(
    embedder: Embedder,
    settings: Settings | None = None,
    reranker: Reranker | None = None,
    repeats: Repeats | None = None,
) -> Generator:
    # it reads words, not embeddings
    return ExtractiveComposer(reranker=reranker, repeats=repeats)


GENERATORS: dict[str, Callable[..., Generator]] = {
    "extractive": extractive_composer,
    "openai": openai_composer,  # an OpenAI-compatible chat server: vLLM, Ollama, llama.cpp, ...
    "gguf": gguf_composer,  # a local model file; needs the optional extra 'llm'
}


def get_generator(name: str, **options: object) -> Generator:
    if name not in GENERATORS:
        raise unknown_name("composer", name, list(GENERATORS))
    return GENERATORS[name](**options)
