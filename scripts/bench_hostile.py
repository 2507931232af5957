"""Speed of the chunker on hostile text: the benchmark the tests no longer time.

    .venv/bin/python scripts/bench_hostile.py [--max-mb 30]

Prints seconds for the pathological strings of tests/test_chunking.py and for one long line
with no sentence end at growing sizes (it was quadratic: 1 MB 13 s, 2 MB 63 s, 30 MB not done
after 300 s). Numbers only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import time

from guidecite.chunking import chunk, clean_text, split_sentences
from guidecite.types import Section, SourceDocument

PATHOLOGICAL = {
    "(": "(" * 30_000, "[. A": "[" * 30_000 + ". A", "*": "*" * 30_000, "a. ": "a. " * 30_000,
    "**a": "**a " * 10_000, "[x](": "[x](" * 10_000, "_": "_" * 30_000,
    "[[1](#cit/": "[[1](#cit/" * 5_000, "x.[": "x.[" * 10_000 + " A",
}  # fmt: skip


def seconds(text: str) -> float:
    started = time.perf_counter()
    split_sentences(clean_text(text))
    chunk(SourceDocument(source="bench", title="bench", sections=(Section(("S",), text),)))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-mb", type=float, default=30.0)
    args = parser.parse_args()
    for name, text in PATHOLOGICAL.items():
        print(f"pathological {name!r:14} {len(text):>8,} chars  {seconds(text):6.2f} s")
    for mb in (0.25, 1, 2, 8, 30):
        if mb > args.max_mb:
            break
        words = int(mb * 1_000_000 / 7)
        line = " ".join(f"word{i % 97}," if i % 11 == 0 else f"word{i % 97}" for i in range(words))
        print(f"one line, no sentence end {mb:>5} MB  {seconds(line):6.2f} s")


if __name__ == "__main__":
    main()
