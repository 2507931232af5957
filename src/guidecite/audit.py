"""The audit trail: an append-only, hash-chained record of who did what and when.

    trail = AuditTrail(backend.audit)       # an AuditRepository (store/base.py)
    trail.record("alice", "article.approve", "3f2a...", {"version": 2})
    trail.verify()            # ChainCheck(ok=True, entries=..., broken_at=None, ...)
    trail.export("csv")       # or "json"

Each entry's `hash` is sha256 of its previous entry's hash and the canonical JSON of the
entry (seq, at, actor, action, target, detail), so changing, removing or inserting an entry
breaks the chain from there on. The repositories chain each entry inside the transaction of
the change it records, one writer at a time (SQLite's BEGIN IMMEDIATE, PostgreSQL's lock on
the head's row), so concurrent writers on many replicas still make one chain. Triggers
refuse UPDATE and DELETE of the table; nothing in guidecite rewrites it. Actions: login.ok,
login.failed, login.locked, logout, user.add, article.take, article.approve,
article.request_changes, article.comment, article.edit, article.reopen (a changed source).

Truncation leaves a valid shorter chain, so the chain's **head** (entry count and last hash)
is kept apart from it: in the store's `meta` table, updated in each entry's transaction
(SQLite migration m007_audit_head), and outside the store wherever an operator writes it down:
`audit export` and `audit head` print it, and `audit verify --head COUNT:HASH` checks that
the chain still holds that entry, unchanged. Deleting the last rows, or all of them, is then
reported; so is a missing table (an error message, never a traceback).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from .errors import InputError, StoreError
from .store.base import AuditEvent

if TYPE_CHECKING:
    from .store.base import AuditRepository

GENESIS = "0" * 64
HEAD_KEY = "audit.head"  # meta: the canonical JSON of the chain's head
EXPORT_FORMATS = ("csv", "json")
_FIELDS = ("seq", "at", "actor", "action", "target", "detail", "prev_hash", "hash")


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    target: str
    detail: str  # canonical JSON
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    broken_at: int | None  # the seq of the first entry that does not match its hash
    message: str


def canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(
    prev_hash: str, seq: int, at: str, actor: str, action: str, target: str, detail: str
) -> str:
    body = canonical(
        {"seq": seq, "at": at, "actor": actor, "action": action, "target": target, "detail": detail}
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Head:
    """The chain's head: how many entries it holds and the hash of the last one."""

    entries: int
    hash: str

    def __str__(self) -> str:
        return f"{self.entries}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Head:
        """A head as `audit head` prints it, COUNT:HASH."""
        count, _, digest = text.strip().partition(":")
        if not count.isdigit() or len(digest) != 64 or not _is_hex(digest):
            raise InputError(
                f"a head is COUNT:HASH (as `guidecite audit head` prints), not {text!r}"
            )
        return cls(int(count), digest.lower())


def _is_hex(text: str) -> bool:
    return all(c in "0123456789abcdefABCDEF" for c in text)


class AuditTrail:
    def __init__(self, repository: AuditRepository) -> None:
        self.repository = repository

    def record(
        self, actor: str, action: str, target: str, detail: dict[str, Any] | None = None
    ) -> None:
        self.repository.append(AuditEvent(actor, action, target, detail))

    def entries(self, limit: int | None = None, offset: int = 0) -> list[AuditEntry]:
        return self.repository.entries(limit, offset)

    def head(self) -> Head:
        return self.repository.head()

    def recorded_head(self) -> Head | None:
        return self.repository.recorded_head()

    def verify(self, anchor: Head | None = None) -> ChainCheck:
        """The chain checked entry by entry, then against the head the store recorded and
        against `anchor`, a head written down earlier (truncation shows there)."""
        try:
            check = self._verify_chain()
            recorded = self.recorded_head()
        except StoreError as exc:
            return ChainCheck(False, 0, None, str(exc))
        if not check.ok:
            return check
        for head, whose in ((recorded, "the store's recorded head"), (anchor, "the given head")):
            problem = self._against(head, whose, check.entries)
            if problem:
                return ChainCheck(False, check.entries, None, problem)
        if recorded is None and check.entries:
            return ChainCheck(False, check.entries, None, "the store's recorded head is missing")
        if anchor is not None:
            return ChainCheck(True, check.entries, None, f"{check.message}; holds head {anchor}")
        return check

    def _against(self, head: Head | None, whose: str, entries: int) -> str | None:
        if head is None or head.entries == 0:
            return None
        if entries < head.entries:
            gone = "all entries" if entries == 0 else f"entries {entries + 1}-{head.entries}"
            return f"{entries} entries but {whose} is entry {head.entries}: {gone} removed"
        entry = self.repository.entry(head.entries)
        if entry is None or entry.hash != head.hash:
            return f"entry {head.entries} does not match {whose}: the chain was rewritten"
        return None

    def _verify_chain(self) -> ChainCheck:
        """Recompute every hash in order; the first entry that does not match breaks it."""
        prev, expected_seq, count = GENESIS, 1, 0
        for entry in self.entries():
            count += 1
            digest = entry_hash(
                entry.prev_hash,
                entry.seq,
                entry.at,
                entry.actor,
                entry.action,
                entry.target,
                entry.detail,
            )
            if entry.seq != expected_seq:
                return ChainCheck(
                    False, count, entry.seq, f"entry {expected_seq} is missing (found {entry.seq})"
                )
            if entry.prev_hash != prev or digest != entry.hash:
                return ChainCheck(
                    False,
                    count,
                    entry.seq,
                    f"entry {entry.seq} does not match its hash: it was altered",
                )
            prev, expected_seq = entry.hash, expected_seq + 1
        return ChainCheck(True, count, None, f"{count} entries, chain intact")

    def export(self, fmt: str) -> str:
        if fmt not in EXPORT_FORMATS:
            raise InputError(f"unknown format {fmt!r}; choose one of: csv, json")
        rows = [asdict(e) for e in self.entries()]
        if fmt == "json":
            return json.dumps(rows, indent=2, ensure_ascii=False)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=_FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _csv_safe(str(v)) for k, v in row.items()})
        return out.getvalue()


def _csv_safe(value: str) -> str:
    """Defuse spreadsheet formulas (CSV injection): a leading = + - @ is quoted with '."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
