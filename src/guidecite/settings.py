"""One small settings object, read from the environment and an optional `.env` file.

| variable                | meaning                                          | default       |
|-------------------------|--------------------------------------------------|---------------|
| GUIDECITE_HOME          | folder of the store (SQLite, indexes)            | user data dir |
| GUIDECITE_DATABASE_URL  | a shared database (postgresql://...) instead     | none          |
| GUIDECITE_EMBEDDER      | embedding backend (guidecite.embedding)          | static        |
| GUIDECITE_RERANKER      | statement reranker (guidecite.rerank): minilm, none | minilm     |
| GUIDECITE_ABBREVIATIONS | abbreviation dictionary (TSV) by path            | none          |
| GUIDECITE_STARTER       | fill a new, empty store with the starter library | 1             |
| GUIDECITE_LLM_BASE_URL  | OpenAI-compatible server (http://host:port/v1)   | none          |
| GUIDECITE_LLM_MODEL     | model name the server knows                      | none          |
| GUIDECITE_LLM_API_KEY   | bearer key, when the server wants one            | none          |
| GUIDECITE_LLM_TIMEOUT   | seconds to wait before falling back              | 60            |
| GUIDECITE_GGUF_PATH     | local GGUF model file (gguf composer)            | none          |
| GUIDECITE_MAX_AGE_YEARS | sources older than this are flagged              | 5             |
| GUIDECITE_MAX_FILE_MB   | ingest reports and skips files larger than this  | 100           |
| GUIDECITE_IDENTIFIERS   | patient identifiers in questions: remove, refuse | remove        |

The LLM settings matter only to the optional `openai` and `gguf` composers (docs/llm.md).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from .errors import ConfigError

MAX_QUESTION_CHARS = 4000
DEFAULT_LLM_TIMEOUT = 60.0
DEFAULT_MAX_AGE_YEARS = 5
DEFAULT_MAX_FILE_MB = 100
IDENTIFIER_CHOICES = ("remove", "refuse")  # guidecite.deidentify


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


def _seconds(name: str, value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds > 0:
        raise ConfigError(f"{name} must be a positive number of seconds, not {value!r}")
    return seconds


def _years(name: str, value: str) -> int:
    try:
        years = int(value)
    except ValueError:
        years = -1
    if years < 0:
        raise ConfigError(f"{name} must be a whole number of years (0 or more), not {value!r}")
    return years


def _megabytes(value: str) -> int:
    try:
        size = int(value)
    except ValueError:
        size = 0
    if size < 1:
        raise ConfigError(
            f"GUIDECITE_MAX_FILE_MB must be a whole number of MB (1 or more), not {value!r}"
        )
    return size


def _choice(name: str, value: str) -> str:
    if value.strip().lower() not in IDENTIFIER_CHOICES:
        raise ConfigError(f"{name} must be one of {', '.join(IDENTIFIER_CHOICES)}, not {value!r}")
    return value.strip().lower()


def _url(name: str, value: str) -> str | None:
    if value and not value.startswith(("http://", "https://")):
        raise ConfigError(f"{name} must start with http:// or https://, not {value!r}")
    return value or None


@dataclass(frozen=True)
class Settings:
    home: Path
    embedder: str = "static"
    reranker: str = "minilm"  # reorders the extractive composer's statements (rerank.py)
    abbreviations: Path | None = None
    starter: bool = True
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = field(default=None, repr=False)  # never printed
    llm_timeout: float = DEFAULT_LLM_TIMEOUT
    gguf_path: Path | None = None
    max_age_years: int = DEFAULT_MAX_AGE_YEARS
    max_file_mb: int = DEFAULT_MAX_FILE_MB
    identifiers: str = "remove"
    #: postgresql://... for a database shared by replicas (store/registry.py); None: the
    #: embedded store in `home`. With a database, `home` holds this replica's derived indexes.
    database_url: str | None = field(default=None, repr=False)  # may hold a password

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
            reranker=values.get("GUIDECITE_RERANKER", "minilm") or "minilm",
            abbreviations=Path(abbreviations).expanduser() if abbreviations else None,
            starter=_flag("GUIDECITE_STARTER", values.get("GUIDECITE_STARTER", "1")),
            **_llm_settings(values),
            max_age_years=_years(
                "GUIDECITE_MAX_AGE_YEARS", values.get("GUIDECITE_MAX_AGE_YEARS") or "5"
            ),
            max_file_mb=_megabytes(values.get("GUIDECITE_MAX_FILE_MB") or "100"),
            identifiers=_choice(
                "GUIDECITE_IDENTIFIERS", values.get("GUIDECITE_IDENTIFIERS") or "remove"
            ),
            database_url=database_url(values.get("GUIDECITE_DATABASE_URL") or None),
        )
        if settings.abbreviations is not None and not settings.abbreviations.is_file():
            raise ConfigError(f"GUIDECITE_ABBREVIATIONS: no such file: {settings.abbreviations}")
        return settings

    def with_overrides(self, **changes: object) -> Settings:
        present = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **present)  # type: ignore[arg-type]


def database_url(value: str | None) -> str | None:
    """A database URL whose scheme a backend is registered for (ConfigError listing them)."""
    if value is None:
        return None
    from .store.registry import backend_scheme

    backend_scheme(value)
    return value


def _llm_settings(values: dict[str, str]) -> dict[str, Any]:
    """The optional LLM composers' settings (docs/llm.md); empty values count as unset."""
    gguf = values.get("GUIDECITE_GGUF_PATH") or None
    return {
        "llm_base_url": _url("GUIDECITE_LLM_BASE_URL", values.get("GUIDECITE_LLM_BASE_URL", "")),
        "llm_model": values.get("GUIDECITE_LLM_MODEL") or None,
        "llm_api_key": values.get("GUIDECITE_LLM_API_KEY") or None,
        "llm_timeout": _seconds(
            "GUIDECITE_LLM_TIMEOUT", values.get("GUIDECITE_LLM_TIMEOUT") or str(DEFAULT_LLM_TIMEOUT)
        ),
        "gguf_path": Path(gguf).expanduser() if gguf else None,
    }
