"""Where a statement goes in the article: by its passage's headings, then by its own words.

The cues are the vocabulary of how guidelines are organised (diagnosis, imaging, treatment,
follow-up, referral, cautions, populations), not clinical facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..patients import said_for


@dataclass(frozen=True)
class SectionKind:
    key: str
    heading: str
    cues: re.Pattern[str]


def _cues(*stems: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(stems) + r")", re.IGNORECASE)


#: What is checked, as a statement says it: a test, an examination, a visit or a review.
_CHECKED = _cues(
    r"test(?:s|ed|ing)?\b",  # not "testosterone", "testicular"
    r"scan",
    r"imaging",
    r"exam",
    r"visit",
    r"review",
    r"measur",
    r"screen",
    r"colonoscop",
    r"endoscop",
    r"mri\b",
    r"ct\b",
    r"x-ray",
    r"radiograph",
    r"levels?\b",
    r"assess",
    r"check",
    r"evaluat",
    r"biops",
    r"ultraso",
    r"spirometr",
    r"seen\b",
    r"appointment",
)


#: A sentence's claim, not a condition on what is done ("If diarrhea is caused by ..."): up
#: to its "is" or "are", maybe with an adverb ("is usually").
_CLAIMED = r"^(?!(?:If|When|Unless|Once|Where|Whether)\b)[^.;:]{0,100}?\b(?:is|are)\s+(?:\w+ly\s+)?"


#: The first kind whose cues match a statement takes it: what the statement tells the reader
#: to do or not do decides before what it mentions (a "do not" sentence is a pitfall even if
#: it names a drug; a sentence with a dose is treatment even if it names a test).
SECTION_KINDS: tuple[SectionKind, ...] = (
    SectionKind(
        "pitfalls",
        "Pitfalls and cautions",
        re.compile(
            # "do not" and "never" tell the reader what not to do where they begin what is
            # said ("Do not give ..."; "..., and never ..."; "must never ..."), not in a description
            # ("these tumours do not normally spread")
            r"(?:^|[.;:!]\s+|,\s+(?:and\s+|but\s+)?|\b(?:you|please)\s+)"
            r"(?:do not|don't|never)\b|\b(?-i:Do not|Don't|Never)\b|"
            r"\b(?:must|should|may|can|will) never\b|"
            # "Avoid ...", "should avoid", "advisable to avoid", "be avoided"; not the aim of
            # what is done ("treated with transfusions to avoid symptoms", "to lessen or avoid
            # complications", "helps avoid")
            + r"(?:^|[.;:!]\s+|,\s+(?:and\s+|but\s+)?|\b(?:should|must|you|please|always|also|"
            r"consider|(?:want|advisable|recommended|important|best|wise|try|sure|told|advised|"
            r"counsel\w*\s+\w+(?:\s+\w+)?)\s+to)\s+)avoid|\bavoid(?:ed|ance)\b|"
            + _cues(
                r"should not",
                r"must not",
                r"(?:not|cannot) (?:be )?recommended",
                r"recommends? against",
                # not who may have the treatment: "In the absence of contraindications, ...",
                # "patients ... who have contraindications to fibrinolytic therapy"
                r"(?<!absence of )(?<!without )(?<!\bno )(?<!have )(?<!has )(?<!with )"
                r"(?<!have a )(?<!has a )(?<!with a )contraindicat",
                r"caution",
                r"warning",
                r"not (?:be )?(?:used|routinely|given|offered)",
            ).pattern,
            re.IGNORECASE,
        ),
    ),
    SectionKind(
        "escalation",
        "When to escalate or refer",
        _cues(
            # not a name ("collectively referred to as") or a meaning ("The terms refer to
            # body weight ..."): "refer people to", "referral", "be referred to a specialist"
            r"referral",
            r"referred\b(?! to as\b)",
            r"refer\b(?!\s+to\b)",
            r"urgent",
            # care sought in an emergency, not the department as where care is given
            # ("... in the emergency department", "Emergency department staff ...")
            r"emergenc\w*\b(?!\s+(?:department|room|setting|physician|medicine|staff)s?\b)",
            r"(?:go|taken|bring|brought|refer\w*|transfer\w*|sent|send)\s+to\s+(?:the\s+|an\s+|a\s+)?"
            r"(?:nearest\s+)?emergency\s+(?:department|room)",
            # not a time: "therapy immediately after the stroke"
            r"immediately\b(?!\s+(?:after|before|following)\b)",
            r"escalat",
            # sent to one ("refer to a breast specialist", "seek specialist advice"), not
            # "treated by a team of specialists"
            r"(?:refer\w*|see|seen by|visit|consult\w*|contact|discuss\w*|seek|ask for|"
            r"transfer\w*|arrange|talk (?:to|with))\b[^.;:]{0,60}?specialist",
            # being taken into hospital, not who has been ("infants hospitalized for
            # bronchiolitis", "within 6 hours of admission")
            r"hospitali[sz]\w*\b(?!\s+(?:for|with|patients|children|adults|infants)\b)",
            r"(?<!\bof )(?<!\bon )(?<!\bat )(?<!\bafter )admi(?:t|ssion)",
            r"call (?:your|a|the|911)",
            r"seek (?:medical )?(?:care|help|attention)",
            r"intensive care",
        ),
    ),
    # A dose with its amount is a regimen, even when it says how often ("20 mg every 4 weeks");
    # a concentration ("40 mg/dL") is a test's result.
    SectionKind(
        "treatment",
        "Treatment",
        re.compile(
            r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|g|units?|iu|ml)(?:/(?:kg|m2|day|d)\b|\b(?!/))"
            # a count of doses: "4-10 puffs by pMDI", "1 inhalation twice daily"
            r"|\b\d+\s*(?:puffs?|inhalations?|tablets?|capsules?|sprays?)\b",
            re.I,
        ),
    ),
    # How often is monitoring where it is how often to check: "MRI every 3 months", "review
    # stroke risk annually"; not how often a drug is taken ("synthetic thyroid hormone, taken
    # every day"), a vaccine given ("every year"), or a symptom comes ("every 10 to 60
    # seconds").
    SectionKind(
        "monitoring",
        "Monitoring and follow-up",
        re.compile(
            _cues(
                r"monitor",
                r"follow-?up",
                r"surveillance",
                r"reassess",
                r"recheck",
                r"repeat(?:ed)? (?:test|measure|imaging|scan)",
            ).pattern
            + r"|^(?=[\s\S]*"
            + _CHECKED.pattern
            + r")[\s\S]*?"
            + _cues(
                r"every \d", r"every (?:year|month|week|day)", r"intervals?\b", r"annual"
            ).pattern,
            re.IGNORECASE,
        ),
    ),
    # What causes the condition, said as the sentence's claim ("Hashimoto's disease ... is
    # the most common cause. Other causes include ... radiation treatment of the thyroid"),
    # is assessment before any treatment it names; not a cause in a condition on what is
    # done ("If diarrhea is caused by bacteria ..., doctors usually prescribe antibiotics").
    SectionKind(
        "assessment",
        "Assessment and diagnosis",
        re.compile(
            _CLAIMED + r"(?:(?:the\s+|a\s+)?(?:most\s+|more\s+)?(?:common|main|leading|usual|major|"
            r"frequent|known)\s+causes?\b|caused\s+by\b)"
            r"|\bcauses\s+(?:include|are)\b",
            re.IGNORECASE,
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
            r"mg\b(?!/)",
            r"mcg\b(?!/)",
            r"drugs?\b",
            r"medication",
            r"surger",
            r"surgical",
            r"resect",
            r"excision",
            r"radiation",
            r"radiotherap",
            r"chemotherap",
            r"vaccin",
            r"prescri",
            r"administer",
            r"regimen",
            r"supplement",
            r"first-line",
            r"second-line",
            r"(?:induc|maint)\w*\s+(?:of\s+)?remission",  # "To induce remission ..., offer ..."
            # what eases the disease's symptoms: "Octreotide and lanreotide have been shown to
            # improve symptoms associated with hypersecretory syndromes"
            r"reliev\w*\s+(?:\w+\s+){0,3}?(?:symptoms?|pain)",
            r"improv\w*\s+(?:\w+\s+){0,3}?(?:symptoms?|pain)",
            r"(?:symptom|pain)\s+(?:relief|control)",
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
            r"\bpet\b",
            r"scintigraph",
            r"biops",
            r"laborator",
            r"assay",
            r"serum",
            r"plasma",
            # a urine test, not a disease or an organ that has the word ("maple syrup urine
            # disease", "urinary incontinence"); a level measured, not one a disease changes
            # ("a disorder that affects copper levels")
            r"urinalys",
            r"urinary (?:\S+ ){0,3}(?:levels?|excretion|collection)",
            r"blood test",
            r"(?:mg|mmol|[µu]mol|nmol|pmol|ng|pg|g|meq|m?iu|u)/(?:dl|l|ml)\b",  # a result
            r"marker",
            r"screen",
            r"test(?:s|ed|ing)?\b",  # a test, not "testosterone" or "testicular"
            r"measure",
        ),
    ),
    SectionKind(
        "populations",
        "Special populations",
        _cues(
            r"pregnan",
            r"breastfeed",
            r"lactat",
            r"child(?!-pugh)",
            r"infant",
            r"pediatric",
            r"paediatric",
            r"adolescen",
            r"neonat",
            r"older adult",
            r"elderly",
            r"renal impairment",
            r"hepatic impairment",
            r"frail",
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
            r"signs?\b",
            r"present",
            r"history",
            r"examination",
            r"classif",
            r"stag",
            r"grade",
            r"risk",
            r"criteria",
            r"defin",
            r"caus",
            r"prognos",
            r"outlook",
        ),
    ),
)

OTHER = SectionKind("other", "Other considerations", re.compile(r"(?!)"))
_BY_KEY = {kind.key: kind for kind in (OTHER, *reversed(SECTION_KINDS))}
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


#: A contraindication as the condition of what is recommended, not a caution: "... if
#: treatment is unsuccessful or contraindicated", "... in whom aminosalicylates are
#: contraindicated, offer ...", "taking into account any contraindications".
_IF_CONTRAINDICATED = re.compile(
    r"\b(?:(?:if|unless|when|where|whom)\b[^.;:,]{0,80}?|or |any )contraindicat\w*", re.IGNORECASE
)


def classify(statement: str, section_path: tuple[str, ...]) -> SectionKind:
    """The article section for a statement; its own words first, then its headings. A
    statement is for a group of patients where it is said for them ("Children with ...
    may have ...") or its headings name them, not where it mentions one on the way ("...
    begins in childhood", "... dementia in the elderly"): that is said of everyone. A
    contraindication the statement names as its condition does not make it a caution."""
    for kind in SECTION_KINDS:
        said = _IF_CONTRAINDICATED.sub("", statement) if kind.key == "pitfalls" else statement
        if kind.key == "pitfalls" and not _cautions(said):
            continue
        if kind.cues.search(said) and (kind.key != "populations" or said_for(statement)):
            return kind
    headings = " ".join(section_path)
    for kind in SECTION_KINDS:
        if kind.cues.search(headings):
            return kind
    return OTHER


#: A lead-in and the items said with it: "Jock itch usually responds to self-care within a
#: couple of weeks: Keep the skin clean and dry ...; Do not wear clothing that rubs ...;
#: Wash athletic supporters frequently."
_LISTED = re.compile(r"^(?P<lead>[^:;]{8,}):\s+(?P<items>[^;]+(?:;\s+[^;]+)+)$")


def _cautions(statement: str) -> bool:
    """Whether a statement's cautions make it one: a list does where its lead-in cautions or
    most of its items do, not for one item among things to do ("... self-care ...: Keep the
    skin clean and dry; Do not wear clothing that rubs ...; Wash ...")."""
    found = _LISTED.match(statement)
    if found is None:
        return True
    pitfalls = _BY_KEY["pitfalls"].cues
    if pitfalls.search(found["lead"]):
        return True
    items = found["items"].split(";")
    return 2 * sum(bool(pitfalls.search(item.strip())) for item in items) > len(items)


def kind(key: str) -> SectionKind:
    return _BY_KEY[key]
