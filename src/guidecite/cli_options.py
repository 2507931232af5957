"""What every `guidecite` command shares: where the library is (--home, --database), and
guidecite's own errors turned into a one-line message and an exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from .errors import GuideciteError
from .settings import Settings, database_url


def settings_for(home: Path | None, database: str | None = None) -> Settings:
    return Settings.load().with_overrides(home=home, database_url=database_url(database))


def friendly_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn guidecite's own errors into a clean message and exit code."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except GuideciteError as exc:
            click.echo(f"guidecite: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("guidecite: interrupted", err=True)
            sys.exit(130)

    return run


home_folder = click.option(
    "--home",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder of the store (default: $GUIDECITE_HOME or the user's data folder); with "
    "--database, this replica's folder of derived indexes.",
)
database_choice = click.option(
    "--database",
    default=None,
    metavar="URL",
    help="A database shared by several replicas, postgresql://... (default: "
    "$GUIDECITE_DATABASE_URL, else the embedded store in --home).",
)


def home_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--home and --database: where the library is."""
    return home_folder(database_choice(command))


def backend_for(home: Path | None, database: str | None) -> Any:
    """The backend alone (no embedder, no starter library): for accounts, reviews, audit."""
    from .store.registry import open_backend

    settings = settings_for(home, database)
    return open_backend(settings.database_url, settings.home)
