"""A local PostgreSQL 16 with pgvector for development, tests and benchmarks (pgserver).

    python scripts/postgres.py start DIR    # starts (or finds) the server; prints its URL
    python scripts/postgres.py url DIR      # prints the URL of the running server
    python scripts/postgres.py restart DIR  # stops and starts it again (a fault to test)
    python scripts/postgres.py stop DIR

`pip install pgserver` (in the `test` extra) ships PostgreSQL with pgvector; the server
keeps running after this script exits, listening on a Unix socket in DIR. Use the printed
URL as GUIDECITE_DATABASE_URL. Not for production: run a managed PostgreSQL there.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path


def _server(folder: Path):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns when XDG_RUNTIME_DIR is unset
        import pgserver
    return pgserver.get_server(folder, cleanup_mode=None)


def _pg_ctl(folder: Path, *args: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pgserver import _commands
    owner = {"user": "pgserver"} if os.geteuid() == 0 else {}  # pgserver's user under root
    _commands.pg_ctl(["-w", *args], pgdata=folder, **owner)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "url", "restart", "stop"):
        print(__doc__, file=sys.stderr)
        return 2
    command, folder = argv[0], Path(argv[1]).resolve()
    if command == "stop":
        _pg_ctl(folder, "stop")
        return 0
    if command == "restart":
        _pg_ctl(folder, "restart")
    print(_server(folder).get_uri())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
