"""Shared by the web tests: a hostile guideline page and a store that holds it.

The page tries every way an ingested document could run script or inject markup into ours:
script and style elements, event handler attributes, a javascript: canonical link, markup in
its metadata, and markup written as text (`&lt;script&gt;`), which reaches a passage as the
literal characters "<script>".
"""

from __future__ import annotations

import shutil
from pathlib import Path

HOSTILE_QUESTION = "How is zorblax fever treated in adults?"
HOSTILE_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Zorblax fever</title>
<meta name="citation_title"
      content="Zorblax fever &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt; guideline">
<meta name="citation_publisher" content="&lt;script&gt;window.__pwned=1&lt;/script&gt; Society">
<meta name="citation_date" content="2024">
<link rel="canonical" href="javascript:window.__pwned=1">
<script>window.__pwned = 1;</script>
<style>body { display: none; }</style>
</head>
<body onload="window.__pwned=1">
<h1>Zorblax fever guideline</h1>
<h2 onclick="window.__pwned=1">Treatment of zorblax fever in adults</h2>
<p>Adults with zorblax fever should be treated with oral rehydration and rest
<script>window.__pwned = 1;</script> for five days.
<img src="x" onerror="window.__pwned=1"> Zorblax fever in adults is treated with
<b onmouseover="window.__pwned=1">oral zorblaxine</b> twice daily for seven days.
Treatment of zorblax fever with &lt;script&gt;window.__pwned=1&lt;/script&gt; is a
spelling of &lt;img src=x onerror="window.__pwned=1"&gt; that adults should never copy.
<a href="javascript:window.__pwned=1">Read the zorblax fever treatment table</a>.</p>
<h2>Monitoring of zorblax fever</h2>
<p>Adults treated for zorblax fever should have their temperature checked daily until it
has been normal for three days.</p>
</body>
</html>
"""


def build_web_home(slice_home: Path, target: Path) -> Path:
    """A copy of the slice store with the hostile page ingested."""
    from guidecite.embedding import get_embedder
    from guidecite.ingest import ingest_paths
    from guidecite.store.embedded import EmbeddedStore

    shutil.copytree(slice_home, target)
    pages = target.parent / (target.name + "-hostile")
    pages.mkdir()
    (pages / "zorblax-fever.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    store = EmbeddedStore(target)
    try:
        report = ingest_paths(store, [pages], get_embedder("static"))
    finally:
        store.close()
    assert report.added == 1, report
    return target
