"""Backends by URL: the embedded default in a folder, or PostgreSQL shared by many replicas.

    backend = open_backend(None, home)                                  # embedded, in `home`
    backend = open_backend("postgresql://guidecite@db/guidecite", home) # shared; `home` keeps
                                                                        # this replica's index
    backend.content.lexical_search(...); backend.articles.get(...); backend.close()

`BACKENDS` maps a URL scheme to the function that opens it; an unknown scheme fails with the
list of valid ones. `sqlite:` (or no URL) is the embedded store in the settings' home folder;
`sqlite:///path/to/folder` names another folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import unknown_name
from .base import AccountRepository, ArticleRepository, AuditRepository, Store


@dataclass
class Backend:
    """One opened backend: the content store and the three repositories over it."""

    url: str
    content: Store
    articles: ArticleRepository
    accounts: AccountRepository
    audit: AuditRepository
    migrations: tuple[str, ...] = ()  # every schema migration recorded in the database
    applied: tuple[str, ...] = ()  # those this opening applied

    def close(self) -> None:
        self.content.close()


def open_embedded(url: str, home: Path) -> Backend:
    from .embedded import EmbeddedStore
    from .sqlite_repositories import SQLiteAccounts, SQLiteArticles, SQLiteAudit

    path = urlsplit(url).path
    store = EmbeddedStore(Path(path) if path not in ("", "/") else home)
    sql = store.sql
    return Backend(
        url,
        store,
        SQLiteArticles(sql),
        SQLiteAccounts(sql),
        SQLiteAudit(sql),
        migrations=sql.migrations(),
        applied=sql.applied,
    )


def open_postgresql(url: str, home: Path) -> Backend:
    from .postgres import open_postgres_backend

    return open_postgres_backend(url, home)


BACKENDS: dict[str, Callable[[str, Path], Backend]] = {
    "sqlite": open_embedded,
    "postgresql": open_postgresql,
    "postgres": open_postgresql,
}
EMBEDDED_URL = "sqlite:"


def backend_scheme(url: str | None) -> str:
    """The registry key of a URL (`sqlite` when none is given); ConfigError when unknown."""
    scheme = urlsplit(url or EMBEDDED_URL).scheme.lower()
    if scheme not in BACKENDS:
        raise unknown_name("database URL scheme", scheme or (url or ""), list(BACKENDS))
    return scheme


def open_backend(url: str | None, home: Path) -> Backend:
    """The backend the URL names; `home` is the embedded store's folder, or for a shared
    database this replica's own folder of derived indexes."""
    return BACKENDS[backend_scheme(url)](url or EMBEDDED_URL, home)


def redacted(url: str | None) -> str:
    """The URL without its password, to show."""
    if not url:
        return EMBEDDED_URL
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return parts._replace(netloc=netloc).geturl()
