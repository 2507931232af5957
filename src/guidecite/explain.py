"""`guidecite ask --explain`: how a question was read and why each passage was chosen.

Prints the question's frame (topic, focus, intent, qualifiers, corrections, parts the
library does not cover), the search terms with their weights, the concepts with theirs, and
for each of the best passages its score, whether it is about the topic, how much of the
question its best sentence states, and the section it comes from. Everything shown is what
the pipeline computed for the answer; nothing is recomputed differently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .analysis import terms
from .evidence import assess
from .query import Query
from .relevance import off_topic_reason
from .scoring import coverage
from .types import Document, Hit

SHOWN_PASSAGES = 8


def explain(
    query: Query, hits: Sequence[Hit], documents: Mapping[str, Document], crisis: bool = False
) -> str:
    """A plain-text account of the question's reading and the passages found; `crisis`: the
    message spoke of suicide, and was read without those sentences (crisis.py)."""
    frame = query.frame
    lines = ["How the question was read", ""]
    lines.append(f"  question:   {query.question}")
    if crisis:
        lines.append(
            "  set apart:  the sentences that speak of suicide (the library's words on getting "
            "help come first)"
        )
    lines.append(f"  topic:      {frame.topic or '(no title names it)'}")
    if frame.topic_title:
        lines.append(f"  from title: {frame.topic_title}")
        lines.append(f"  documents on the topic: {len(frame.topic_docs)}")
    lines.append(f"  focus:      {', '.join(frame.focus) or '-'}")
    lines.append(f"  intent:     {', '.join(frame.intents or (frame.intent,))}")
    lines.append(f"  qualifiers: {', '.join(frame.qualifiers) or '-'}")
    for correction in frame.corrections:
        lines.append(f"  corrected:  '{correction.written}' -> '{correction.corrected}'")
    for gloss in (e for e in query.expansions if e.glossed):
        lines.append(f"  glossed:    '{gloss.glossed}' as '{gloss.long}' (the library's word)")
    if frame.uncovered:
        lines.append(f"  not in the library (asked): {', '.join(frame.uncovered)}")
    if frame.set_aside:
        lines.append(f"  not in the library (aside): {', '.join(frame.set_aside)}")
    if frame.narrower:
        lines.append(f"  narrower kinds, not asked: {'; '.join(frame.narrower)}")
    # the two things a question compares, takes together, or asks whether one causes
    for name, two in (
        ("compared", frame.compared),
        ("together", frame.together),
        ("linked", frame.linked),
    ):
        if two:
            lines.append(f"  {name + ':':<12}{' | '.join(two)}")
    lines += ["", "Concepts (weight: rarity in the library, less for the story and asides)"]
    for word, (weight, _) in zip(query.content_words, query.concepts, strict=False):
        lines.append(f"  {weight:6.2f}  {word}")
    lines += ["", "Search terms (weight)"]
    for clause in query.clauses:
        kind = " (phrase)" if clause.phrase else ""
        lines.append(f"  {clause.weight:5.2f}  {clause.text}{kind}")
    evidence = assess(query, hits, documents)
    verdict = "enough evidence" if evidence.sufficient else f"not enough: {evidence.reason}"
    lines += ["", f"Evidence: {verdict}", "", "Best passages"]
    for rank, hit in enumerate(hits[:SHOWN_PASSAGES], 1):
        doc = documents.get(hit.passage.doc_id)
        title = doc.title if doc else "?"
        context = " ".join((title, *hit.passage.section_path))
        why = off_topic_reason(query, hit.passage.text, hit.passage.doc_id, context)
        states = coverage(
            query.concepts, frozenset(terms(hit.passage.text)), frozenset(terms(context))
        )
        lines.append(f"  {rank}. score {hit.score:.2f}; states {states:.0%} of the question")
        lines.append(f"     {title}")
        if hit.passage.section_path:
            lines.append(f"     > {' > '.join(hit.passage.section_path)}")
        lines.append(f"     {'on topic' if why is None else 'off topic: ' + why}")
    return "\n".join(lines) + "\n"
