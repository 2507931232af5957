"""Measure Spanish questions against the English library, with and without `multilingual`.

    .venv/bin/python scripts/measure_multilingual.py --home /tmp/gc-full \
        --questions ../shared/eval/guideline_qa_dev.jsonl scripts/spanish_heldout.jsonl

For each question set and language, and for each variant (baseline: the pipeline as it is;
`words`: English equivalents of the question's words; `topic`: words of the nearest titles
and headings; `both`), it prints the share of answerable questions whose gold document is
among the first five retrieved documents and among the answer's cited references, the
latency the method adds per question, and what preparing the lexicon costs.

The method is applied the way query.py would apply it (see the module docstring of
guidecite.multilingual): `understand()` runs unchanged, then the English terms are added as
clauses, the question's concepts are weighed on the English words, and the query vector is
computed on the question plus its English terms. The whole answer pipeline (retrieve,
compose, verify) is the real one: only `understand` is wrapped, in this process.

The lexicon is built into --lexicon (default: <home>/multilingual) when it is missing or was
made for another generation of the library; the build time and peak memory are printed.
With --english, English questions run through every variant too: the method must not
change them (it applies only where detect_language says Spanish).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from guidecite import answer as answer_module
from guidecite.answer import Library, answer_with_hits, open_library
from guidecite.multilingual import (
    Encoder,
    Lexicon,
    Translation,
    build_lexicon,
    is_function_word,
    load_encoder,
    load_lexicon,
    save_lexicon,
    translate,
)
from guidecite.query import Query, build_clauses, weigh_alternatives
from guidecite.settings import Settings
from guidecite.store.lexical import Clause

VARIANTS = ("baseline", "words", "topic", "both")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--questions", type=Path, nargs="+", required=True)
    parser.add_argument("--lexicon", type=Path, default=None)
    parser.add_argument("--english", action="store_true", help="run English questions too")
    parser.add_argument("--show", action="store_true", help="print each Spanish question")
    args = parser.parse_args()

    library = open_library(Settings(home=args.home, starter=False), starter=False)
    encoder = load_encoder()
    lexicon = prepare(library, encoder, args.lexicon or args.home / "multilingual")
    for path in args.questions:
        lines = path.read_text(encoding="utf-8").splitlines()
        items = [json.loads(line) for line in lines if line.strip()]
        groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for item in items:
            if item.get("answerable", True):
                key = (item.get("language", "en"), item.get("split", ""))
                groups.setdefault(key, []).append(item)
        for (language, split), chosen in sorted(groups.items()):
            if language == "en" and not args.english:
                continue
            part = f", split {split}" if split else ""
            print(f"\n## {path.name}{part}, language={language}: {len(chosen)} questions")
            report(chosen, library, lexicon, encoder, show=args.show)


def prepare(library: Library, encoder: Encoder, folder: Path) -> Lexicon:
    """The lexicon saved in the folder for this library, or built there now (timed)."""
    generation = library.store.generation()
    started = time.perf_counter()
    lexicon = load_lexicon(folder, generation)
    if lexicon is not None:
        print(
            f"lexicon loaded in {time.perf_counter() - started:.2f} s: "
            f"{len(lexicon.words):,} words, {len(lexicon.headings):,} titles; "
            f"RSS {peak_mb():.0f} MB"
        )
        return lexicon
    sql = library.store.sql  # type: ignore[attr-defined]  # the embedded store's SQLite
    lexicon = build_lexicon((text for *_, text in sql.iter_passages()), encoder)
    save_lexicon(lexicon, folder, generation)
    print(
        f"lexicon built in {time.perf_counter() - started:.1f} s: {len(lexicon.words):,} "
        f"words, {len(lexicon.headings):,} titles; peak RSS {peak_mb():.0f} MB"
    )
    return lexicon


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(
    items: list[dict[str, Any]], library: Library, lexicon: Lexicon, encoder: Encoder, *, show: bool
) -> None:
    rows = []
    for variant in VARIANTS:
        outcomes = [run_one(item, library, lexicon, encoder, variant) for item in items]
        top5 = sum(o["top5"] for o in outcomes)
        cited = sum(o["cited"] for o in outcomes)
        added = [o["added_ms"] for o in outcomes]
        total = [o["total_ms"] for o in outcomes]
        rows.append((variant, top5, cited, statistics.median(added), statistics.median(total)))
        if show and variant == "both":
            for item, o in zip(items, outcomes, strict=True):
                print(
                    f"  {'C' if o['cited'] else '-'}{'5' if o['top5'] else '-'} "
                    f"{item['question'][:70]} | {o['terms'][:8]}"
                )
    n = len(items)
    print(
        f"{'variant':10} {'gold in top-5 docs':>20} {'gold cited':>14} "
        f"{'added ms p50':>13} {'answer ms p50':>14}"
    )
    for variant, top5, cited, added, total in rows:
        print(
            f"{variant:10} {top5:>9}/{n} {100 * top5 / n:6.1f}% {cited:>5}/{n} "
            f"{100 * cited / n:5.1f}% {added:13.1f} {total:14.1f}"
        )


def run_one(
    item: dict[str, Any], library: Library, lexicon: Lexicon, encoder: Encoder, variant: str
) -> dict[str, Any]:
    added: list[float] = []
    found: list[list[tuple[str, float]]] = []

    def augment(query: Query) -> Query:
        if variant == "baseline" or query.language != "es":
            return query
        started = time.perf_counter()
        translation = translate(query.question, lexicon, encoder)
        query = apply(query, translation, variant, library)
        added.append((time.perf_counter() - started) * 1000)
        found.append(terms_of(translation, variant))
        return query

    started = time.perf_counter()
    with wrapped_understand(augment):
        result, hits = answer_with_hits(
            item["question"], library, audience=item.get("audience", "clinician")
        )
    total = (time.perf_counter() - started) * 1000
    gold = {g["doc"] for g in item.get("gold", [])}
    documents = library.store.documents({h.passage.doc_id for h in hits})
    ranked = list(dict.fromkeys(documents[h.passage.doc_id].source for h in hits))
    return {
        "top5": bool(gold & set(ranked[:5])),
        "cited": bool(gold & {r.source for r in result.references}),
        "added_ms": added[0] if added else 0.0,
        "total_ms": total,
        "terms": found[0] if found else [],
    }


def terms_of(translation: Translation, variant: str) -> list[tuple[str, float]]:
    if variant == "words":
        return Translation(translation.words, ()).terms()
    if variant == "topic":
        return Translation((), translation.topic).terms()
    return translation.terms()


def apply(query: Query, translation: Translation, variant: str, library: Library) -> Query:
    """What query.py would do with a translation (the integration lines, written out)."""
    terms = terms_of(translation, variant)
    alternatives: list[tuple[str, ...]]
    if variant == "topic":
        alternatives = [(r.word,) for r in translation.words if r.known]
    else:
        alternatives = translation.alternatives()
    concepts = weigh_alternatives(alternatives, library.store)
    asked = [w for w in query.content_words if not is_function_word(w)]
    first = build_clauses(query.content_words, query.expansions)
    others = [c for c in query.clauses if c not in first]  # abbreviations' short forms
    clauses = [*build_clauses(asked, query.expansions), *others]
    text = " ".join((query.question, *(t for t, _ in terms)))
    return replace(
        query,
        clauses=(*clauses, *(Clause(t, w) for t, w in terms)),
        concepts=concepts,
        vector=library.embedder.embed([text])[0],
    )


@contextmanager
def wrapped_understand(augment: Callable[[Query], Query]) -> Iterator[None]:
    original = answer_module.understand

    def understand(*args: Any, **kwargs: Any) -> Query:
        return augment(original(*args, **kwargs))

    answer_module.understand = understand  # type: ignore[assignment]
    try:
        yield
    finally:
        answer_module.understand = original  # type: ignore[assignment]


if __name__ == "__main__":
    main()
