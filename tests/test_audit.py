"""The audit trail: append-only in SQLite, hash-chained, exported, and checked."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from guidecite.audit import AuditTrail
from guidecite.store.sqlite import SQLiteStore


@pytest.fixture
def trail(tmp_path: Path) -> AuditTrail:
    trail = AuditTrail(SQLiteStore(tmp_path / "db.sqlite3"))
    for n in range(4):
        trail.record("rita", "article.take", f"a{n}", {"n": n})
    return trail


def test_an_untouched_chain_passes(trail: AuditTrail) -> None:
    check = trail.verify()
    assert check.ok and check.entries == 4 and check.broken_at is None


def test_the_database_refuses_updates_and_deletes(trail: AuditTrail) -> None:
    for sql in ("UPDATE audit SET actor = 'mallory'", "DELETE FROM audit WHERE seq = 2"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            trail.sql.db.execute(sql)
    assert trail.verify().ok


def _tamper(trail: AuditTrail, sql: str) -> None:
    """What someone with raw access to the file could do: drop the triggers, then edit."""
    db = trail.sql.db
    db.execute("DROP TRIGGER audit_no_update")
    db.execute("DROP TRIGGER audit_no_delete")
    db.execute(sql)


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
    trail.sql.db.execute("UPDATE audit SET hash = ? WHERE seq = 2", (forged,))
    assert trail.verify().broken_at == 3


def test_exports_hold_every_entry_and_defuse_formulas(trail: AuditTrail) -> None:
    trail.record("=cmd|' /C calc'!A0", "login.failed", "x")
    rows = json.loads(trail.export("json"))
    assert [r["seq"] for r in rows] == [1, 2, 3, 4, 5]
    table = list(csv.DictReader(io.StringIO(trail.export("csv"))))
    assert len(table) == 5 and table[4]["actor"].startswith("'=")
    assert table[0]["hash"] == rows[0]["hash"]
