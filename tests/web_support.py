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


READERS_QUESTION = "How is quorvex syndrome treated in adults?"
MONITORING_QUESTION = "How often should the quorvex antibody level be monitored in adults?"
#: A made-up condition told three ways: an old guideline for clinicians (with a grade and a
#: monitoring interval), a newer one that gives another interval, and a leaflet for patients.
#: The reader tests need a patient article that differs from the physician's and trust marks
#: of every kind (old sources, grades, disagreeing sources); a made-up name keeps the rest of
#: the library out of the way.
READERS_PAGES = {
    "quorvex-clinicians-2012.md": """---
title: Quorvex syndrome in adults
issuer: Society A
year: 2012
audience: clinician
---
# Quorvex syndrome in adults

## Treatment of quorvex syndrome

Adults with quorvex syndrome should be treated with oral quorvatin 20 mg twice daily for ten days
(Strong recommendation, High quality of evidence).
Reduce the quorvatin dose by half in adults with quorvex syndrome and severe renal impairment.
Adults with quorvex syndrome who cannot take oral quorvatin should be treated with
intravenous quorvatin 10 mg every 12 hours.
Treatment of quorvex syndrome in adults should continue until the quorvex rash has faded.
Adults with quorvex syndrome should not be treated with corticosteroids alone.
Quorvatin interacts with warfarin in adults treated for quorvex syndrome, so the warfarin
dose should be reviewed.
Adults with quorvex syndrome and hepatic impairment should be treated with a reduced
quorvatin dose under specialist supervision.
Adults with recurrent quorvex syndrome should be treated with a second ten-day course of
oral quorvatin after confirmation of persistent quorvex antibody positivity.
Adults with quorvex syndrome who are treated as outpatients require documented review of
treatment adherence and adverse effects within 72 hours.
Pregnant adults with quorvex syndrome should be treated with quorvatin only after
multidisciplinary assessment of maternal and fetal risk.

## Monitoring of quorvex syndrome

Monitor the quorvex antibody level every 3 months during treatment of quorvex syndrome in \
adults.

## Referral

Refer adults with quorvex syndrome urgently when the quorvex rash spreads to the face.
""",
    "quorvex-clinicians-2024.md": """---
title: Quorvex syndrome monitoring
issuer: Society B
year: 2024
audience: clinician
---
# Quorvex syndrome monitoring

## Monitoring of quorvex syndrome

Monitor the quorvex antibody level every 6 months during treatment of quorvex syndrome in \
adults.
""",
    "quorvex-patients.md": """---
title: "Quorvex syndrome: what you need to know"
issuer: Patient Leaflets
year: 2025
audience: patient
---
# Quorvex syndrome: what you need to know

## How quorvex syndrome is treated

Quorvex syndrome is treated with tablets.
Most people feel better within a week of treatment for quorvex syndrome.
Quorvex syndrome can be treated at home.
Rest is part of the treatment for quorvex syndrome.
People treated for quorvex syndrome take the tablets twice a day for ten days.
People treated for quorvex syndrome keep taking the tablets until the doctor says to stop.
People treated for quorvex syndrome tell the doctor about other medicines they take.
A nurse checks the blood of people treated for quorvex syndrome.
Quorvex syndrome treatment works best when the tablets are taken on time.

## When to get help

Adults with quorvex syndrome should get help right away if the rash spreads to the face.

## Words to know

Corticosteroids are a type of medicine that calms swelling in the body.
""",
}


def build_web_home(slice_home: Path, target: Path) -> Path:
    """A copy of the slice store with the hostile page and the quorvex pages ingested."""
    from guidecite.embedding import get_embedder
    from guidecite.ingest import ingest_paths
    from guidecite.store.embedded import EmbeddedStore

    shutil.copytree(slice_home, target)
    pages = target.parent / (target.name + "-hostile")
    pages.mkdir()
    (pages / "zorblax-fever.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    for name, text in READERS_PAGES.items():
        (pages / name).write_text(text, encoding="utf-8")
    store = EmbeddedStore(target)
    try:
        report = ingest_paths(store, [pages], get_embedder("static"))
    finally:
        store.close()
    assert report.added == 1 + len(READERS_PAGES), report
    return target
