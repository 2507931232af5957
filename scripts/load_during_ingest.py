"""The web server under load while another process ingests into the same store.

    .venv/bin/python scripts/load_during_ingest.py --home /tmp/lib0 --folder DOCS [--clients 4]

Serves a copy of the library on 127.0.0.1, ingests DOCS into it from another process, and
sends requests from N client threads until the ingest has finished (guidecite.web.ingest_load);
prints requests, errors, p50/p95 and the ingest's exit code as JSON.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from guidecite.web.ingest_load import measure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--home", type=Path, required=True, help="the library (copied, not changed)"
    )
    parser.add_argument("--folder", type=Path, required=True, help="what to ingest meanwhile")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--work", type=Path, default=None, help="where the copy goes")
    args = parser.parse_args()
    report = measure(args.home, args.folder, clients=args.clients, work=args.work)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
