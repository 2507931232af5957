"""Shared by the store tests: a real PostgreSQL (pgserver) and copies of libraries on it."""

from __future__ import annotations

import itertools
import shutil
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from guidecite.settings import Settings

_NAMES = itertools.count(1)


@dataclass
class Postgres:
    """A PostgreSQL 16 server with pgvector in a folder, started by the tests."""

    server: Any
    url: str  # of its `postgres` database

    @classmethod
    def start(cls, folder: Path) -> Postgres:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs: XDG_RUNTIME_DIR is not set
            import pgserver

            server = pgserver.get_server(folder, cleanup_mode="stop")
        return cls(server, server.get_uri())

    def stop(self) -> None:
        self.server.cleanup()

    def create(self, name: str | None = None, template: str | None = None) -> str:
        """A new, empty database (or a copy of `template`'s); its URL."""
        import psycopg

        name = f"{name or 'test'}_{next(_NAMES)}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            source = f" TEMPLATE {template}" if template else ""
            conn.execute(f"CREATE DATABASE {name}{source}")
        return with_database(self.url, name)


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return parts._replace(path=f"/{name}").geturl()


def database_of(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def fill(settings: Settings, paths: list[Path]) -> None:
    """Ingest `paths` into the library of `settings` with the static embedder."""
    from guidecite.embedding import get_embedder
    from guidecite.ingest import ingest_paths
    from guidecite.store.registry import open_backend

    backend = open_backend(settings.database_url, settings.home)
    try:
        ingest_paths(backend.content, paths, get_embedder("static"))
    finally:
        backend.close()


def clone(settings: Settings, folder: Path) -> Settings:
    """A copy of a library to write to: its home folder copied, or its database copied
    (CREATE DATABASE ... TEMPLATE) with a new home for the replica's index."""
    home = folder / f"home-{next(_NAMES)}"
    if settings.database_url is None:
        shutil.copytree(settings.home, home)
        return replace(settings, home=home)
    import psycopg

    name = f"copy_{next(_NAMES)}"
    admin = with_database(settings.database_url, "postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {database_of(settings.database_url)}")
    return replace(settings, home=home, database_url=with_database(settings.database_url, name))


def raw(backend: Any, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run SQL on a backend's database directly, as someone with raw access could (`?`
    placeholders); the rows it returns."""
    if not backend.url.startswith("postgres"):
        db = backend.content.sql.db
        return [tuple(r) for r in db.execute(sql, params).fetchall()]
    import psycopg

    with psycopg.connect(backend.url, autocommit=True) as conn:
        cur = conn.execute(sql.replace("?", "%s"), params)
        return [tuple(r) for r in cur.fetchall()] if cur.description else []


def tamper(backend: Any, sql: str) -> None:
    """Drop the audit table's append-only triggers, then run `sql`."""
    if backend.url.startswith("postgres"):
        raw(backend, "DROP TRIGGER audit_no_update ON audit")
    else:
        raw(backend, "DROP TRIGGER audit_no_update")
        raw(backend, "DROP TRIGGER audit_no_delete")
    raw(backend, sql)
