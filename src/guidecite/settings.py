"""One small settings object, read from the environment and an optional `.env` file.

| variable                  | meaning                                             | default                  |
|---------------------------|-----------------------------------------------------|--------------------------|
| GUIDECITE_HOME            | folder of the store (SQLite, indexes)               | the user's data dir      |
| GUIDECITE_EMBEDDER        | embedding backend (see guidecite.embedding)         | static                   |
| GUIDECITE_ABBREVIATIONS   | optional abbreviation dictionary (TSV) by path      | none                     |
| GUIDECITE_STARTER         | "1": a fresh store is filled with the starter library | 1                      |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from platformdirs import user_data_dir

from .errors import ConfigError

MAX_QUESTION_CHARS = 4000


def _read_dotenv(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip().strip("'\"")
    return values


def _flag(name: str, value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be 1/0, true/false, yes/no or on/off, not {value!r}")


@dataclass(frozen=True)
class Settings:
    home: Path
    embedder: str = "static"
    abbreviations: Path | None = None
    starter: bool = True

    @classmethod
    def load(cls, env: dict[str, str] | None = None, dotenv: Path | None = None) -> Settings:
        """Settings from `.env` (in the working folder) overlaid by the environment."""
        values = _read_dotenv(dotenv if dotenv is not None else Path(".env"))
        values.update(os.environ if env is None else env)
        home = values.get("GUIDECITE_HOME") or user_data_dir("guidecite", appauthor=False)
        abbreviations = values.get("GUIDECITE_ABBREVIATIONS") or None
        settings = cls(
            home=Path(home).expanduser(),
            embedder=values.get("GUIDECITE_EMBEDDER", "static") or "static",
            abbreviations=Path(abbreviations).expanduser() if abbreviations else None,
            starter=_flag("GUIDECITE_STARTER", values.get("GUIDECITE_STARTER", "1")),
        )
        if settings.abbreviations is not None and not settings.abbreviations.is_file():
            raise ConfigError(f"GUIDECITE_ABBREVIATIONS: no such file: {settings.abbreviations}")
        return settings

    def with_overrides(self, **changes: object) -> Settings:
        present = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **present)  # type: ignore[arg-type]
