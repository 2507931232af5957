"""The BM25 index: tantivy in a folder, fed terms that `guidecite.analysis` made.

Passages are indexed as their `analysis.terms()` joined by spaces into a field whose
tokenizer only splits on whitespace, and queries are built from the same function with
tantivy's Query API, so indexing and querying analyse text identically and user text is
never parsed as query syntax (quotes, AND, NOT, "field:value" are words like any other).

Changes (`add`, `delete_documents`, `clear`) are staged and become visible together at
`commit(generation)`, which then records the generation (and, for a shared database, the
library's id) in `generation.json` beside tantivy's files. The sidecar is written after
tantivy's commit, so a crash in between leaves an older generation on record and the caller
rebuilds: never a newer one than the index.

The index is derived data: a folder tantivy cannot open with this schema (another
guidecite or tantivy version) is emptied and starts again with no generation, and one whose
terms another version of `analysis.terms()` made (`ANALYSIS_VERSION`) has no generation, so
its store rebuilds it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import tantivy

from ..analysis import ANALYSIS_VERSION, terms, words
from ..errors import StoreError

TEXT = "text"
PASSAGE_ID = "passage_id"
DOC_ID = "doc_id"
GENERATION_FILE = "generation.json"
WRITER_HEAP_BYTES = 150_000_000


@dataclass(frozen=True)
class Clause:
    """Part of a lexical query: its terms are ORed with every other clause's, scaled by
    `weight`; a `phrase` clause matches only its words in order, next to each other."""

    text: str
    weight: float = 1.0
    phrase: bool = False

    def __post_init__(self) -> None:
        if not self.weight > 0:
            raise ValueError(f"a clause weight must be positive, not {self.weight!r}")


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field(PASSAGE_ID, stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field(DOC_ID, tokenizer_name="raw", index_option="basic")
    builder.add_text_field(TEXT, tokenizer_name="whitespace", index_option="position")
    return builder.build()


def _open_index(folder: Path, schema: tantivy.Schema) -> tantivy.Index:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the lexical index folder {folder}: {exc}") from exc
    try:
        return tantivy.Index(schema, path=str(folder), reuse=True)
    except ValueError as exc:
        if not (folder / "meta.json").is_file():
            raise StoreError(f"cannot open the lexical index {folder}: {exc}") from exc
    shutil.rmtree(folder)  # an index of another schema or version: derived, so rebuilt
    folder.mkdir()
    return tantivy.Index(schema, path=str(folder), reuse=True)


class LexicalIndex:
    """A BM25 index of passages (passage id, document id, text) in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._schema = _schema()
        self._index = _open_index(folder, self._schema)
        self._writer: tantivy.IndexWriter | None = None
        self._searcher = self._index.searcher()

    # -- writing -----------------------------------------------------------------------

    def _write(self) -> tantivy.IndexWriter:
        if self._writer is None:
            try:
                self._writer = self._index.writer(heap_size=WRITER_HEAP_BYTES)
            except ValueError as exc:
                raise StoreError(
                    f"the lexical index {self.folder} is being written by another process"
                ) from exc
        return self._writer

    def add(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """Stage passages given as (passage id, document id, text)."""
        writer = self._write()
        for passage_id, doc_id, text in rows:
            writer.add_document(
                tantivy.Document(passage_id=passage_id, doc_id=doc_id, text=" ".join(terms(text)))
            )

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        """Stage the removal of every passage of these documents."""
        writer = self._write()
        for doc_id in doc_ids:
            writer.delete_documents_by_term(DOC_ID, doc_id)

    def clear(self) -> None:
        """Stage the removal of every passage (including those added before this call)."""
        self._write().delete_all_documents()

    def commit(self, generation: int, library: str | None = None) -> None:
        """Make the staged changes visible and record the generation they bring the index to
        (and the id of the library it was derived from, where the library has one)."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            try:
                writer.commit()
                writer.wait_merging_threads()
            except ValueError as exc:
                raise StoreError(f"cannot commit the lexical index {self.folder}: {exc}") from exc
        record: dict[str, object] = {"generation": generation, "analysis": ANALYSIS_VERSION}
        if library is not None:
            record["library"] = library
        write_json(self.folder / GENERATION_FILE, record)
        self.reload()

    def generation(self) -> int | None:
        """The generation recorded by the last commit, or None for a new index or one whose
        terms another version of `analysis.terms()` made (so that it is rebuilt)."""
        record = self._record()
        if record is None or record.get("analysis") != ANALYSIS_VERSION:
            return None
        return int(str(record["generation"]))

    def library(self) -> str | None:
        """The library id recorded by the last commit, or None."""
        record = self._record()
        found = None if record is None else record.get("library")
        return None if found is None else str(found)

    def _record(self) -> dict[str, object] | None:
        try:
            record = json.loads((self.folder / GENERATION_FILE).read_text())
            int(record["generation"])
        except FileNotFoundError:
            return None
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"unreadable {GENERATION_FILE} in {self.folder}: {exc}") from exc
        return dict(record)

    def reload(self) -> None:
        """See the latest commit (one searcher is kept from commit to commit)."""
        self._index.reload()
        self._searcher = self._index.searcher()

    # -- reading -----------------------------------------------------------------------

    def __len__(self) -> int:
        return int(self._searcher.num_docs)

    def search(
        self,
        clauses: Sequence[Clause],
        k: int,
        documents: Collection[str] | None = None,
        passages: Collection[str] | None = None,
    ) -> list[tuple[str, float]]:
        """The k best passages for the ORed clauses, as (passage id, BM25 score), best first;
        only passages of `documents` (document ids), or only `passages` (passage ids), when
        given. A passage's score is the same with or without them."""
        query = self._query(clauses)
        if query is None or k <= 0:
            return []
        for field, values in ((DOC_ID, documents), (PASSAGE_ID, passages)):
            if values is None:
                continue
            if not values:
                return []
            within = tantivy.Query.term_set_query(self._schema, field, sorted(values))
            query = tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Must, query),
                    (tantivy.Occur.Must, tantivy.Query.const_score_query(within, 0.0)),
                ]
            )
        searcher = self._searcher
        hits = searcher.search(query, limit=k, count=False).hits
        return [(searcher.doc(address)[PASSAGE_ID][0], float(score)) for score, address in hits]

    def search_keys(
        self,
        clauses: Sequence[Clause],
        k: int,
        documents: Collection[str] | None = None,
        passages: Collection[int] | None = None,
    ) -> list[tuple[int, float]]:
        """`search` for a store whose passage ids are its integer passage keys (both stores
        index them so): keys in, keys out."""
        ids = None if passages is None else [str(key) for key in passages]
        return [(int(key), score) for key, score in self.search(clauses, k, documents, ids)]

    def doc_freq(self, text: str) -> int:
        """How many passages contain the text's words as a phrase (its only word, if one)."""
        query = self._phrase(words(text))
        if query is None:
            return 0
        result = self._searcher.search(query, limit=1, count=True)
        return int(result.count)  # type: ignore[attr-defined]  # missing from tantivy's stub

    def prefix_freq(self, word: str) -> int:
        """How many passages hold a term that starts like the word's stem (its last two
        letters aside, never fewer than five): "neuroglycopenic" finds "neuroglycopenia"."""
        stems = words(word)
        if len(stems) != 1 or len(stems[0]) < 5:
            return self.doc_freq(word)
        stem = stems[0]
        prefix = stem[: max(5, len(stem) - 2)]
        query = tantivy.Query.regex_query(self._schema, TEXT, re.escape(prefix) + ".*")
        result = self._searcher.search(query, limit=1, count=True)
        return int(result.count)  # type: ignore[attr-defined]

    def _query(self, clauses: Sequence[Clause]) -> tantivy.Query | None:
        subqueries = [query for clause in clauses for query in self._clause(clause)]
        if len(subqueries) <= 1:
            return subqueries[0] if subqueries else None
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in subqueries])

    def _clause(self, clause: Clause) -> list[tantivy.Query]:
        if clause.phrase:
            phrase = self._phrase(words(clause.text))
            queries = [] if phrase is None else [phrase]
        else:
            queries = [self._term(term) for term in dict.fromkeys(terms(clause.text))]
        if clause.weight == 1.0:
            return queries
        return [tantivy.Query.boost_query(query, clause.weight) for query in queries]

    def _term(self, term: str) -> tantivy.Query:
        return tantivy.Query.term_query(self._schema, TEXT, term, index_option="freq")

    def _phrase(self, phrase_words: list[str]) -> tantivy.Query | None:
        if len(phrase_words) <= 1:
            return self._term(phrase_words[0]) if phrase_words else None
        positioned: list[str | tuple[int, str]] = list(phrase_words)
        return tantivy.Query.phrase_query(self._schema, TEXT, positioned)


def write_json(path: Path, payload: dict[str, object]) -> None:
    """Write a small JSON file atomically: a temporary file beside it, then a rename."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as fh:
            json.dump(payload, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
