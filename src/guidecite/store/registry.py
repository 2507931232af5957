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

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import ConfigError, unknown_name
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
    derived: Path | None = None  # where this process keeps what it derives (the lexicon)
    library_id: str | None = None  # a shared database's random id (None: embedded)

    def close(self) -> None:
        self.content.close()


def open_embedded(url: str, home: Path) -> Backend:
    from .embedded import EmbeddedStore
    from .sqlite_repositories import SQLiteAccounts, SQLiteArticles, SQLiteAudit

    path = urlsplit(url).path
    folder = Path(path) if path not in ("", "/") else home
    store = EmbeddedStore(folder)
    sql = store.sql
    return Backend(
        url,
        store,
        SQLiteArticles(sql),
        SQLiteAccounts(sql),
        SQLiteAudit(sql),
        migrations=sql.migrations(),
        applied=sql.applied,
        derived=folder,
    )


def open_postgresql(url: str, home: Path) -> Backend:
    try:
        from .postgres import open_postgres_backend
    except ImportError as exc:
        raise ConfigError(
            f"PostgreSQL support is not installed ({exc.name}): pip install 'guidecite[postgres]'"
        ) from exc
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
        shown = scheme or redacted(url)
        raise unknown_name("database URL scheme", shown, list(BACKENDS))
    return scheme


def open_backend(url: str | None, home: Path) -> Backend:
    """The backend the URL names; `home` is the embedded store's folder, or for a shared
    database this replica's own folder of derived indexes."""
    return BACKENDS[backend_scheme(url)](url or EMBEDDED_URL, home)


def redacted(url: str | None) -> str:
    """The URL (or keyword conninfo, `host=... password=...`) without its password, to show:
    neither the user:password@ of the address nor a `password=` parameter or keyword."""
    if not url:
        return EMBEDDED_URL
    shown = _PASSWORD_FIELD.sub(r"\1***", url)
    try:
        parts = urlsplit(shown)
        password = parts.password
    except ValueError:
        return shown
    if password is None:
        return shown
    user = parts.netloc.rpartition("@")[0].partition(":")[0]
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=f"{user}:***@{host}").geturl()


#: `password=` as a URL query parameter or a conninfo keyword (quoted or not).
_PASSWORD_FIELD = re.compile(r"""(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&;]*)""", re.I)
