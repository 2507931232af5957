"""A throwaway PostgreSQL 16 with pgvector for the benchmarks: the `pgserver` package's own
binaries, data in a folder the caller owns, stopped (not deleted) on exit.

pgserver initialises and starts the server (as its `pgserver` system user when run as root,
listening on a Unix socket only); stopping and starting again go through the same `pg_ctl`
with the same socket, so the URL stays valid across a restart (the fault benchmark needs it).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any


def _pg_ctl(folder: Path, user: str | None, args: list[str]) -> None:
    from pgserver._commands import POSTGRES_BIN_PATH

    subprocess.run(
        [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(folder), *args],
        check=True,
        user=user,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
    )


class TempPostgres:
    """`with TempPostgres(folder, {"shared_buffers": "1GB"}) as pg: pg.url` ..."""

    def __init__(self, folder: Path, settings: dict[str, str] | None = None) -> None:
        self.folder = folder.resolve()
        self.settings = settings or {}
        self.url = ""
        self._user: str | None = None
        self._socket: str | None = None

    def __enter__(self) -> TempPostgres:
        import pgserver

        server: Any = pgserver.get_server(self.folder, cleanup_mode=None)
        self._user = server.system_user
        info = server.get_postmaster_info()
        self._socket = str(info.socket_dir) if info.socket_dir else None
        self.url = server.get_uri()
        if self.settings:
            self.configure(self.settings)
        with self.connect() as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        return self

    def configure(self, settings: dict[str, str]) -> None:
        """ALTER SYSTEM each setting, then restart so that all of them apply."""
        with self.connect(autocommit=True) as conn:
            for name, value in settings.items():
                conn.execute(f"ALTER SYSTEM SET {name} = '{value}'")
        self.stop()
        self.start()

    def connect(self, autocommit: bool = True) -> Any:
        import psycopg

        return psycopg.connect(self.url, autocommit=autocommit)

    def pid(self) -> int | None:
        pidfile = self.folder / "postmaster.pid"
        try:
            return int(pidfile.read_text().split()[0])
        except (FileNotFoundError, ValueError, IndexError):
            return None

    def stop(self, mode: str = "fast") -> None:
        _pg_ctl(self.folder, self._user, ["-w", "-m", mode, "stop"])

    def start(self) -> None:
        options = ['-h ""'] + ([f"-k {self._socket}"] if self._socket else [])
        args = ["-w", "-l", str(self.folder / "log")]
        for option in options:
            args += ["-o", option]
        _pg_ctl(self.folder, self._user, [*args, "start"])

    def __exit__(self, *exc: object) -> None:
        if self.pid() is not None:
            try:
                self.stop()
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
                self.stop("immediate")
