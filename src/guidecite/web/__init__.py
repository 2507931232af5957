"""The web app and JSON API of `guidecite serve` (docs/web.md)."""

from guidecite.web.app import create_app
from guidecite.web.config import WebConfig

__all__ = ["WebConfig", "create_app"]
