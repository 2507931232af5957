"""The audit trail: append-only in the database, hash-chained, exported, and checked (on
the store under test)."""

from __future__ import annotations

import csv
import io
import json
import threading
from pathlib import Path

import pytest

from guidecite.audit import AuditTrail
from guidecite.store.registry import Backend
from store_support import raw, tamper


@pytest.fixture
def trail(backend: Backend) -> AuditTrail:
    trail = AuditTrail(backend.audit)
    trail.backend = backend  # type: ignore[attr-defined]
    for n in range(4):
        trail.record("rita", "article.take", f"a{n}", {"n": n})
    return trail


def test_an_untouched_chain_passes(trail: AuditTrail) -> None:
    check = trail.verify()
    assert check.ok and check.entries == 4 and check.broken_at is None


def test_the_database_refuses_updates_and_deletes(trail: AuditTrail) -> None:
    for sql in ("UPDATE audit SET actor = 'mallory'", "DELETE FROM audit WHERE seq = 2"):
        with pytest.raises(Exception, match="append-only"):
            raw(trail.backend, sql)  # type: ignore[attr-defined]
    assert trail.verify().ok


def _tamper(trail: AuditTrail, sql: str) -> None:
    """What someone with raw access to the database could do: drop the triggers, then edit."""
    tamper(trail.backend, sql)  # type: ignore[attr-defined]


def test_concurrent_writers_make_one_chain(trail: AuditTrail) -> None:
    """Eight threads appending at once (on PostgreSQL: eight pooled connections)."""

    def write(n: int) -> None:
        for i in range(5):
            trail.record(f"user{n}", "article.take", f"t{n}-{i}")

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    check = trail.verify()
    assert check.ok and check.entries == 4 + 40, check.message


def test_an_altered_entry_is_detected(trail: AuditTrail) -> None:
    _tamper(trail, "UPDATE audit SET actor = 'mallory' WHERE seq = 3")
    check = trail.verify()
    assert not check.ok and check.broken_at == 3


def test_a_removed_entry_is_detected(trail: AuditTrail) -> None:
    _tamper(trail, "DELETE FROM audit WHERE seq = 2")
    assert trail.verify().broken_at == 3


def test_a_rehashed_entry_still_breaks_the_next_link(trail: AuditTrail) -> None:
    from guidecite.audit import entry_hash

    _tamper(trail, "UPDATE audit SET detail = '{\"n\":9}' WHERE seq = 2")
    e = trail.entries()[1]
    forged = entry_hash(e.prev_hash, e.seq, e.at, e.actor, e.action, e.target, e.detail)
    raw(trail.backend, "UPDATE audit SET hash = ? WHERE seq = 2", (forged,))  # type: ignore[attr-defined]
    assert trail.verify().broken_at == 3


def test_exports_hold_every_entry_and_defuse_formulas(trail: AuditTrail) -> None:
    trail.record("=cmd|' /C calc'!A0", "login.failed", "x")
    rows = json.loads(trail.export("json"))
    assert [r["seq"] for r in rows] == [1, 2, 3, 4, 5]
    table = list(csv.DictReader(io.StringIO(trail.export("csv"))))
    assert len(table) == 5 and table[4]["actor"].startswith("'=")
    assert table[0]["hash"] == rows[0]["hash"]


# -- truncation and a missing table (issue 10, part 5) ------------------------------------


@pytest.mark.parametrize(
    ("sql", "removed"),
    [("DELETE FROM audit WHERE seq > 2", "entries 3-4 removed"),
     ("DELETE FROM audit", "all entries removed")],
)  # fmt: skip
def test_deleting_the_last_entries_is_detected(trail: AuditTrail, sql: str, removed: str) -> None:
    """Deleting the last rows, or all rows, gave "chain intact"."""
    _tamper(trail, sql)
    check = trail.verify()
    assert not check.ok
    assert check.message.endswith(removed) and "recorded head is entry 4" in check.message


def test_a_head_written_down_earlier_catches_a_truncation_that_rewrote_the_meta(
    trail: AuditTrail,
) -> None:
    from guidecite.audit import HEAD_KEY, Head

    anchor = Head.parse(str(trail.head()))
    assert trail.verify(anchor).ok
    trail.record("rita", "article.take", "a5")
    assert trail.verify(anchor).ok  # a longer chain still holds the anchored entry
    _tamper(trail, "DELETE FROM audit WHERE seq > 3")
    forged = json.dumps({"entries": 3, "hash": trail.head().hash})
    raw(trail.backend, "UPDATE meta SET value = ? WHERE key = ?", (forged, HEAD_KEY))  # type: ignore[attr-defined]
    assert trail.verify().ok
    check = trail.verify(anchor)
    assert (check.ok, check.message) == (False, "3 entries but the given head is entry 4: "
                                                "entries 4-4 removed")  # fmt: skip


def test_a_missing_audit_table_is_an_error_message(trail: AuditTrail) -> None:
    _tamper(trail, "DROP TABLE audit")
    check = trail.verify()
    assert not check.ok and "audit" in check.message and "Traceback" not in check.message


def test_audit_verify_on_the_command_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from guidecite.cli import main

    home = tmp_path / "home"
    from guidecite.store.registry import open_backend

    backend = open_backend(None, home)
    trail = AuditTrail(backend.audit)
    trail.backend = backend  # type: ignore[attr-defined]
    for n in range(3):
        trail.record("rita", "article.take", f"a{n}")
    runner = CliRunner()
    head = runner.invoke(main, ["audit", "head", "--home", str(home)]).output.strip()
    assert head.startswith("3:")
    ok = runner.invoke(main, ["audit", "verify", "--home", str(home), "--head", head])
    assert ok.exit_code == 0, ok.output
    _tamper(trail, "DROP TABLE audit")
    broken = runner.invoke(main, ["audit", "verify", "--home", str(home), "--head", head])
    assert broken.exit_code == 1 and "Traceback" not in broken.output
    assert "cannot be read" in broken.output
    bad = runner.invoke(main, ["audit", "verify", "--home", str(home), "--head", "nonsense"])
    assert bad.exit_code == 2 and "COUNT:HASH" in bad.output
