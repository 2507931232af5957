"""The web app's settings: limits and the editorial policy text.

`guidecite serve` fills them from its options, which default to these environment
variables: GUIDECITE_RATE_LIMIT (requests a minute per client, 0 for none), GUIDECITE_BURST,
GUIDECITE_EDITORIAL_POLICY (a text file; paragraphs separated by blank lines).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import ConfigError

#: The longest question the web app and the API accept, in characters.
MAX_QUESTION_CHARS = 1000
#: The largest request body accepted, in bytes.
MAX_BODY_BYTES = 16_384


@dataclass(frozen=True)
class WebConfig:
    rate_per_minute: float = 120.0  # sustained requests a minute per client; 0: no limit
    burst: int = 30  # requests a client may make at once before the rate applies
    max_question_chars: int = MAX_QUESTION_CHARS
    max_body_bytes: int = MAX_BODY_BYTES
    editorial_policy: Path | None = None  # None: the text shipped with guidecite
    secure_cookies: bool = False  # always mark cookies Secure (they are over https anyway)

    def __post_init__(self) -> None:
        if self.rate_per_minute < 0 or self.burst < 1:
            raise ConfigError("the rate limit must be >= 0 and the burst >= 1")

    def policy_text(self) -> str:
        if self.editorial_policy is None:
            return (
                resources.files(__package__)
                .joinpath("editorial-policy.txt")
                .read_text(encoding="utf-8")
            )
        try:
            return self.editorial_policy.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(
                f"cannot read the editorial policy {self.editorial_policy}: {exc}"
            ) from exc
