"""Many processes, one store (issue 10, part 4): ingests take turns under the writer lock,
readers answer from the last published indexes while an ingest runs, rebuilds of a stale
index never share a staging folder, and the web server answers without an error while
another process ingests."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from guidecite.embedding import get_embedder
from guidecite.errors import StoreError
from guidecite.ingest import ingest_paths
from guidecite.store.embedded import EmbeddedStore
from guidecite.store.lexical import Clause

ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "GUIDECITE_STARTER": "0"}


def guides(folder: Path, count: int, word: str = "widget") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = (
            f"---\ntitle: {word} fever {i}\n---\n# {word} fever {i}\n\n## Treatment\n\n"
            + f"{word.capitalize()} fever {i} should be treated with rest for {i} days. " * 30
        )
        (folder / f"{word}{i}.md").write_text(text, encoding="utf-8")
    return folder


def test_a_second_ingest_says_one_is_running_or_waits(tmp_path: Path) -> None:
    home = tmp_path / "home"
    docs = guides(tmp_path / "docs", 2)
    holder, other = EmbeddedStore(home), EmbeddedStore(home)
    told: list[str] = []
    try:
        with holder.writing():
            with pytest.raises(StoreError, match=rf"another ingest is running .*pid {os.getpid()}"):
                ingest_paths(other, [docs], get_embedder("hash"), wait=False)
            waiting = threading.Thread(
                target=ingest_paths,
                args=(other, [docs], get_embedder("hash")),
                kwargs={"on_wait": told.append},
            )
            waiting.start()
            waiting.join(timeout=1)
            assert waiting.is_alive()  # blocked on the lock
        waiting.join(timeout=120)
        assert not waiting.is_alive()
        assert "waiting for it to finish" in told[0]
        assert other.counts()["documents"] == 2
    finally:
        holder.close()
        other.close()


READER = """
import sys
from pathlib import Path
import numpy as np
from guidecite.store.embedded import EmbeddedStore
from guidecite.store.lexical import Clause
store = EmbeddedStore(Path(sys.argv[1]))
for _ in range(int(sys.argv[2])):
    store.lexical_search([Clause("rest fever")], 5)
    store.vector_search(np.ones(store.vectors().dim, dtype=np.float32), 5)
print("ok")
"""


def run_readers(home: Path, processes: int, rounds: int) -> list[subprocess.CompletedProcess]:
    started = [
        subprocess.Popen(
            [sys.executable, "-c", READER, str(home), str(rounds)],
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    return [
        subprocess.CompletedProcess(p.args, p.wait(timeout=300), *p.communicate()) for p in started
    ]


def test_readers_rebuilding_a_stale_index_at_once_all_succeed(tmp_path: Path) -> None:
    """Four asks rebuilding a stale vector index crashed 8 of 24 times (a fixed
    vectors.new folder, no lock); now one rebuilds under the lock, the others read."""
    home = tmp_path / "home"
    store = EmbeddedStore(home)
    ingest_paths(store, [guides(tmp_path / "docs", 4)], get_embedder("hash"))
    failures = []
    for _ in range(3):
        store.sql.bump_generation()  # as after an ingest killed before its indexes
        failures += [r.stderr for r in run_readers(home, 4, 2) if r.returncode != 0]
    store.close()
    assert failures == []
    assert not list(home.glob(".vectors-staging-*")) and not (home / "vectors.new").exists()


def test_readers_answer_from_the_published_indexes_while_an_ingest_runs(tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = EmbeddedStore(home)
    ingest_paths(store, [guides(tmp_path / "first", 3)], get_embedder("hash"))
    more = guides(tmp_path / "more", 60, word="gadget")
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from guidecite.embedding import get_embedder
        from guidecite.ingest import ingest_paths
        from guidecite.store.embedded import EmbeddedStore
        store = EmbeddedStore(Path({str(home)!r}))
        ingest_paths(store, [Path({str(more)!r})], get_embedder("hash"))
        """
    )
    ingest = subprocess.Popen([sys.executable, "-c", script], env=ENV, stderr=subprocess.PIPE)
    answered = 0
    while ingest.poll() is None:
        hits = store.lexical_search([Clause("rest fever")], 5)
        assert hits and store.passages([key for key, _ in hits])
        answered += 1
    _, stderr = ingest.communicate()
    assert ingest.returncode == 0, stderr
    assert answered > 0
    found = store.lexical_search([Clause("gadget")], 100)  # the new generation, published
    assert len({store.passages([k])[k].doc_id for k, _ in found}) == 60
    store.close()


def test_the_server_answers_without_errors_while_an_ingest_runs(
    slice_home: Path, tmp_path: Path
) -> None:
    """The server answered 56 of 110 requests with 503 and one with a 500 during an ingest."""
    from guidecite.web.ingest_load import measure

    report = measure(slice_home, guides(tmp_path / "more", 40, word="gadget"), clients=3)
    assert report["ingest_exit_code"] == 0, report["ingest_output"]
    assert report["requests"] > 0
    assert (report["errors"], report["error_samples"]) == (0, [])
    assert report["documents_after"] >= 40
