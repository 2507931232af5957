"""Errors guidecite raises on purpose. Every message is safe to show a user.

GuideciteError
├── InputError            bad input from the user: converted to exit code 2 in the CLI
│   ├── QuestionError     empty, too long or unreadable question
│   │   └── QuestionTooLong   over the web app's length limit
│   ├── PathError         a path that does not exist or holds no readable document
│   └── NotFound          no such article or version (404 in the web app)
├── SourceError           one source file could not be read (ingest reports it and goes on)
├── ConfigError           a bad setting or an unknown backend name
├── ModelError            an embedding model could not be loaded
├── StoreError            the store is missing, locked or inconsistent
│   └── StoreUnavailable  the shared database cannot be reached now (503, Retry-After)
├── AccessError           who asked may not do this (review board, docs/review.md)
│   ├── NotSignedIn       no valid session, or a wrong user name or password
│   └── PermissionDenied  signed in, but the role (or CSRF token) does not allow it
└── ReviewError           a review step the article's state does not allow
"""

from __future__ import annotations


class GuideciteError(Exception):
    """Base of every error guidecite raises deliberately."""

    exit_code = 1


class InputError(GuideciteError):
    exit_code = 2


class QuestionError(InputError):
    pass


class QuestionTooLong(QuestionError):
    """A question over the web app's length limit."""


class PathError(InputError):
    pass


class NotFound(InputError):
    """An article or version that does not exist."""


class SourceError(GuideciteError):
    """A source file that cannot be read; carries the path and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(GuideciteError):
    pass


class ModelError(GuideciteError):
    pass


class StoreError(GuideciteError):
    pass


class StoreUnavailable(StoreError):
    """The shared database cannot be reached now; worth trying again in a few seconds."""

    retry_after = 5


class AccessError(GuideciteError):
    pass


class NotSignedIn(AccessError):
    pass


class PermissionDenied(AccessError):
    pass


class ReviewError(GuideciteError):
    pass


def unknown_name(kind: str, name: str, choices: list[str] | tuple[str, ...]) -> ConfigError:
    """The error for a name missing from a registry, listing the valid choices."""
    return ConfigError(f"unknown {kind} {name!r}; choose one of: {', '.join(sorted(choices))}")
