"""Where a statement goes in the article: by its passage's headings, then by its own words.

The cues are the vocabulary of how guidelines are organised (diagnosis, imaging, treatment,
follow-up, referral, cautions, populations), not clinical facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SectionKind:
    key: str
    heading: str
    cues: re.Pattern[str]


def _cues(*stems: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(stems) + r")", re.IGNORECASE)


#: Article sections in reading order; the first whose cues match a statement takes it.
SECTION_KINDS: tuple[SectionKind, ...] = (
    SectionKind(
        "pitfalls",
        "Pitfalls and cautions",
        _cues(
            r"avoid",
            r"should not",
            r"must not",
            r"do not",
            r"don't",
            r"not recommend",
            r"recommends? against",
            r"contraindicat",
            r"caution",
            r"warning",
            r"harm",
            r"risk of",
            r"adverse",
            r"toxicit",
            r"insufficient evidence",
            r"no benefit",
            r"does not (?:reduce|decrease|improve)",
            r"not (?:be )?(?:used|routinely)",
        ),
    ),
    SectionKind(
        "escalation",
        "When to escalate or refer",
        _cues(
            r"refer",
            r"urgent",
            r"emergenc",
            r"immediate",
            r"escalat",
            r"specialist",
            r"hospitali[sz]",
            r"admi(?:t|ssion)",
            r"call ",
            r"seek (?:medical )?(?:care|help)",
            r"intensive care",
        ),
    ),
    SectionKind(
        "populations",
        "Special populations",
        _cues(
            r"pregnan",
            r"breastfeed",
            r"lactat",
            r"child",
            r"infant",
            r"pediatric",
            r"paediatric",
            r"adolescen",
            r"neonat",
            r"older adult",
            r"elderly",
            r"renal impairment",
            r"hepatic impairment",
            r"kidney disease",
            r"frail",
        ),
    ),
    SectionKind(
        "monitoring",
        "Monitoring and follow-up",
        _cues(
            r"monitor",
            r"follow-?up",
            r"surveillance",
            r"reassess",
            r"review",
            r"every \d",
            r"interval",
            r"recheck",
            r"repeat",
        ),
    ),
    SectionKind(
        "tests",
        "Tests and imaging",
        _cues(
            r"imaging",
            r"scan",
            r"\bct\b",
            r"mri",
            r"ultraso",
            r"x-ray",
            r"radiograph",
            r"pet",
            r"biopsy",
            r"laborator",
            r"assay",
            r"serum",
            r"blood test",
            r"level",
            r"marker",
            r"screen",
            r"test",
            r"measure",
        ),
    ),
    SectionKind(
        "treatment",
        "Treatment",
        _cues(
            r"treat",
            r"therap",
            r"dose",
            r"dosing",
            r"mg\b",
            r"drug",
            r"medication",
            r"surger",
            r"resect",
            r"radiation",
            r"chemotherap",
            r"vaccin",
            r"prescrib",
            r"administer",
            r"manage",
            r"interven",
            r"procedure",
            r"regimen",
            r"supplement",
        ),
    ),
    SectionKind(
        "assessment",
        "Assessment and diagnosis",
        _cues(
            r"diagnos",
            r"assess",
            r"evaluat",
            r"symptom",
            r"sign",
            r"present",
            r"history",
            r"examination",
            r"classif",
            r"stag",
            r"grade",
            r"risk factor",
            r"criteria",
            r"defin",
        ),
    ),
)

OTHER = SectionKind("other", "Other considerations", re.compile(r"(?!)"))
_BY_KEY = {kind.key: kind for kind in (*SECTION_KINDS, OTHER)}
ORDER = (
    "assessment",
    "tests",
    "treatment",
    "monitoring",
    "escalation",
    "pitfalls",
    "populations",
    "other",
)


def classify(statement: str, section_path: tuple[str, ...]) -> SectionKind:
    """The article section for a statement; its own words first, then its headings."""
    for kind in SECTION_KINDS:
        if kind.cues.search(statement):
            return kind
    headings = " ".join(section_path)
    for kind in SECTION_KINDS:
        if kind.cues.search(headings):
            return kind
    return OTHER


def kind(key: str) -> SectionKind:
    return _BY_KEY[key]
