"""The open-medicine guideline layout: `registry.json` beside `<id>/<section>.md` files.

The registry lists each guideline's id, title, year, organisation and DOI; the section files
carry no front matter, so their metadata comes from here. The same layout ships inside the
PyPI package `open-medicine` (`guidelines/registry.json`, `guidelines/content/<id>/...`) and
lies in the shared corpus (`open-medicine/registry.json`, `open-medicine/<id>/...`); the
markdown reader and the starter library both use this module.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guidecite.sources._fields import doi_url, text_or_none, year_from

REGISTRY = "registry.json"
#: How the section files' first headings end: " — ACC/AHA 2023", " -- ACC/AHA 2018".
_ISSUER_SUFFIX = re.compile(r"\s+(?:—|–|--|-)\s+[^—–]*$")


@dataclass(frozen=True)
class Guideline:
    """One entry of an open-medicine `registry.json`."""

    id: str
    title: str
    organization: str | None
    year: int | None
    url: str | None
    sections: tuple[str, ...]

    def section_title(self, section: str, heading: str | None) -> str:
        """ "<guideline title>: <section name>", the name taken from the file's heading."""
        return f"{self.title}: {section_name(section, heading)}"


def parse_registry(text: str) -> dict[str, Guideline]:
    """The guidelines of a registry, by id; entries without an id or title are left out."""
    data = json.loads(text)
    entries = data if isinstance(data, list) else data.get("guidelines", [])
    guidelines = (_guideline(entry) for entry in entries if isinstance(entry, dict))
    return {g.id: g for g in guidelines if g is not None}


def _guideline(entry: dict[str, Any]) -> Guideline | None:
    gid, title = text_or_none(entry.get("id")), text_or_none(entry.get("title"))
    if not gid or not title:
        return None
    sections = entry.get("sections") or []
    return Guideline(
        id=gid,
        title=title,
        organization=text_or_none(entry.get("organization") or entry.get("organisation")),
        year=year_from(entry.get("year")),
        url=doi_url(entry.get("doi")) or text_or_none(entry.get("url")),
        sections=tuple(str(s) for s in sections),
    )


def guideline_for(path: Path) -> Guideline | None:
    """The registry entry for a section file `<id>/<section>.md`, if a registry lists it.

    The registry is looked for beside the guideline folders, and one level higher when they
    sit in a `content/` folder (the layout of the PyPI package).
    """
    folder = path.parent
    candidates = [folder.parent / REGISTRY]
    if folder.parent.name == "content":
        candidates.append(folder.parent.parent / REGISTRY)
    for registry in candidates:
        if registry.is_file():
            try:
                guidelines = parse_registry(registry.read_text(encoding="utf-8"))
            except (OSError, ValueError, AttributeError):
                continue
            if folder.name in guidelines:
                return guidelines[folder.name]
    return None


def section_name(section: str, heading: str | None) -> str:
    """A section's name: its first heading less the issuer suffix, else from its file name."""
    if heading:
        name = _ISSUER_SUFFIX.sub("", heading).strip()
        if name:
            return name
    words = section.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]
