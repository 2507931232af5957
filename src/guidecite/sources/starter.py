"""The built-in starter library: the guideline digests shipped in the `open-medicine` package.

They are read in place from the installed package (`open_medicine/guidelines/registry.json`
and `open_medicine/guidelines/content/<id>/<section>.md`), and named
`open-medicine/<id>/<section>.md` like the same files read from a corpus folder, so that
both give the same documents under the same ids.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable

from guidecite.errors import SourceError
from guidecite.sources.markdown import markdown_document
from guidecite.sources.open_medicine import REGISTRY, parse_registry
from guidecite.types import SourceDocument

PACKAGE = "open_medicine"
SOURCE_PREFIX = "open-medicine"


def guidelines_folder() -> Traversable:
    """The package's `guidelines` folder."""
    return resources.files(PACKAGE).joinpath("guidelines")


def starter_documents() -> Iterator[SourceDocument]:
    """Every section file of every guideline the package's registry lists, in id order."""
    folder = guidelines_folder()
    registry = parse_registry(folder.joinpath(REGISTRY).read_text(encoding="utf-8"))
    content = folder.joinpath("content")
    for guideline_id in sorted(registry):
        guideline_folder = content.joinpath(guideline_id)
        if not guideline_folder.is_dir():
            continue
        files = sorted(guideline_folder.iterdir(), key=lambda entry: entry.name)
        for entry in files:
            if not entry.name.endswith(".md") or not entry.is_file():
                continue
            source = f"{SOURCE_PREFIX}/{guideline_id}/{entry.name}"
            try:
                yield markdown_document(
                    entry.read_text(encoding="utf-8"),
                    source,
                    fallback=entry.name.removesuffix(".md"),
                    guideline=registry[guideline_id],
                )
            except SourceError:  # an empty section file: nothing to serve from it
                continue
