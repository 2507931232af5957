"""Renderers: an `Answer` in, a string out, one module per format.

`RENDERERS` maps a format name to its `render(answer) -> str`; `render(answer, fmt)` picks one
by name and fails with the list of formats for an unknown name.
"""

from __future__ import annotations

from collections.abc import Callable

from guidecite.errors import unknown_name
from guidecite.render import html, json_format, markdown
from guidecite.render.json_format import answer_from_dict, answer_to_dict
from guidecite.types import Answer

Renderer = Callable[[Answer], str]

RENDERERS: dict[str, Renderer] = {
    "markdown": markdown.render,
    "json": json_format.render,
    "html": html.render,
}

DEFAULT_FORMAT = "markdown"

__all__ = [
    "DEFAULT_FORMAT",
    "RENDERERS",
    "Renderer",
    "answer_from_dict",
    "answer_to_dict",
    "render",
]


def render(answer: Answer, fmt: str = DEFAULT_FORMAT) -> str:
    """`answer` as text in the format named `fmt` (a key of RENDERERS)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise unknown_name("format", fmt, tuple(RENDERERS)) from None
    return renderer(answer)
