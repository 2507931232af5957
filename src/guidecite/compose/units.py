"""The candidate statements of a passage: sentences and list items that stand on their own.

A passage's text keeps one paragraph, list item or table row a line, with list nesting as
indentation. A statement must be readable without the passage around it:

- a list item keeps its subject: an item nested under a lead-in ("- Digoxin:" then
  "  - Caveat: Should not be used as monotherapy ...") is joined to it, in the passage's own
  words; a plain sentence ending in ":" gathers the items that follow it, and an item of
  those with a list of its own ("- ... at the following sites:") is said with that list,
  apart from the others;
- a footnote's mark ("the senior clinical decision maker^2") is left out, and a sentence
  ends before the year or grade its source tags it with ("... [2014]", "[D]");
- a table row reads as its cells joined by semicolons, each labelled with its column's name
  where the header row is in the passage; a row of only a label and a number,
  a flowchart step ("--> NO --> ..."), a form field of the document's metadata ("Target
  Population: ...", "Guideline Objective(s): ...") and a pointer elsewhere ("For more
  information ...", "See ...", a web address) are not statements;
- headings, questions, captions, bibliographic references and fragments (a sentence cut
  short: "... may need to") are not statements (`usable`); a heading the source ran into a
  sentence is left out of it.

Each statement carries the grade the source gives it: in the sentence, the line after, or
at the end of its line after a further sentence (grades.graded_by_line).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..analysis import terms
from ..chunking import split_sentences
from ..grades import find_grade, graded_by_line, is_grade_only, without_trailing_grade
from ..intents import intent_named
from ..patients import PATIENT_WORDS
from ..screening import is_instruction_like
from .tables import (
    FOOTNOTE,
    TITLE_SMALL,
    caption_of,
    is_header,
    table_cells,
    table_row,
    title_case,
)

#: Paragraphs after a lead-in read as its items, at most.
MAX_ITEMS = 8
#: A sentence tagged with its year or grade says something in at least this many words.
MIN_TAGGED_WORDS = 4
#: A paragraph after a lead-in opens with an item of its list when its first sentence is no
#: longer than this; a longer one is text of its own.
MAX_ITEM_WORDS = 20
MAX_HEADING_WORDS = 8
#: A footnote's mark after a word ("the senior clinical decision maker^2", "at the following
#: sites^1:"), not a power ("mg/m^2", "10^9/L").
_NOTE_MARK = re.compile(rf"(?<=[a-z]{{3}})\^\d{{1,2}}(?=[\s.,;:)]|$)|{FOOTNOTE.pattern}")
_LIST_MARK = re.compile(r"^(\s*)(?:[-*•]|\d+[.)])\s+")
_FLOW = re.compile(r"-{1,2}>|→|⇒")
_LABEL = re.compile(r"^[A-Z][a-z]+ : (?=[A-Z])")
#: A recommendation's number in its guideline ("Recommendation 2.3:", "R43(84)-r."): the
#: source's numbering, not the recommendation's words.
_NUMBERED = re.compile(
    r"^(?:Recommendation\s+\d+(?:\.\d+)*|R\d+\([\w-]+\)(?:-[a-z])?)[.:]\s+(?=[A-Z])"
)
#: A word that cannot end a sentence: a sentence ending in one is cut short, or runs on
#: into the list below it ("... may need to" then "- take insulin more often").
#: Lower case only: "hepatitis A" ends a sentence.
_DANGLING = re.compile(
    r"\b(?:to|the|a|an|of|and|or|with|for|by|should|may|can|will|must|might|could|would)\s*$"
)
#: A heading's label ("DM", "Variant 4", "Recommendation No. 9") is at most this many words.
HEADING_LABEL_WORDS = 6
#: A statement longer than this is no longer one a reader takes in at once.
MAX_WORDS = 90
#: A lead-in with too many items to be one statement is said with a few at a time, in
#: statements of up to this many words (or one item, where that is longer).
PART_WORDS = 40
#: A list mark run into a paragraph ("... things to do every day. - Take your medicines ..."),
#: where the source lost its line breaks: the item's words are the statement, not the mark.
_INLINE_MARK = re.compile(r"^[-*\u2022]\s+(?=\S)")
#: The mark a footnote opens with, for the word it explains elsewhere ("‡Factors indicating
#: a high risk of atrial fibrillation recurrence include: ...", "*Clinical ASCVD includes
#: ..."): no part of what it says.
_NOTE_OPENS = re.compile(r"^[*\u2020\u2021\u00a7\u00b6]+(?=[A-Za-z])")
#: Fewer words before a dash are a grade or a label ("D - ...", "GCP - ..."), not a lead-in.
LEAD_IN_WORDS = 3
#: A list item's first sentence this short, where the next points back at it, is the item's
#: label ("24-hour urinary free cortisol level. In this test, ..."): said with the next one.
LABEL_WORDS = 8
#: The answer to a question the statement does not carry ("Yes. Some patients take part in
#: studies ..."): the words after it stand alone, the "Yes" does not.
_BARE_ANSWER = re.compile(r"^(?:Yes|No)[.,!]\s+(?=[A-Z])")
#: A question answered by a bare yes or no alone ("Is genetic testing available for
#: abetalipoproteinemia? Yes."): it asks, and the "Yes" alone says nothing.
_ANSWERED_BARE = re.compile(r"\?\s*(?:Yes|No)[.!]?\s*$")
#: A sentence that introduces a list: it ends in a colon, in words that open one, or in a
#: word that cannot end a sentence.
_LEADS_IN = re.compile(
    rf"(?i:(?::|,|\b(?:such as|include|includes|including|are|may be))\s*$)|{_DANGLING.pattern}"
)
#: A whole sentence that announces the list after it ("If you experience any of the
#: following symptoms, call your doctor immediately."): it leads in items of a sentence each;
#: before items that are paragraphs or lists of their own it is no statement.
_ANNOUNCES = re.compile(r"(?i)\b(?:any|all|one|each|some|none) of the following\b")
#: A short list item with a sentence run into it by the source: "Bad breath Hiatal hernias
#: are common ..." (a few words, then a capitalised word opening a full sentence).
_RUN_IN = re.compile(
    r"^((?:[\w'()/-]+ ){0,3}[\w'()/-]*[a-z)]) ([A-Z][a-z]+ (?:[\w,'()/-]+ ){4,}.*[.!?])$"
)
#: "Label: value" lines of a document's own form: a short label of capitalised words, often
#: with "(s)", whose value describes the document rather than the care.
_FORM_FIELD = re.compile(
    r"^(?:[A-Z][\w/'-]*(?:\(s\))?)(?:,?\s+(?:[A-Za-z][\w/'-]*(?:\(s\))?|and|of|the|for)){0,5}"
    r"(?:\(s\))?:\s"
)
_FORM_WORDS = re.compile(
    r"\b(?:population|objective|users?|category|specialty|condition|outcomes? considered|"
    r"interventions? and practices|developer|adaptation|source|funding|status|availability|"
    r"methods?|released|title|purpose|scope|target|setting|audience|benefits?|harms?|"
    r"qualifying statements?|algorithms?|"
    # the fields of a recommendation's profile, as some guidelines give one under each
    # ("Aggregate evidence quality: ...", "Risks, harms, costs: ...", "Exclusions: ...")
    r"evidence quality|confidence|value judgments?|vagueness|patient preferences?|"
    r"exclusions?|policy level|differences of opinion|quality improvement)\b",
    re.IGNORECASE,
)
#: Who a reader is told to see or call about their care ("Call a doctor right away if your
#: child: ...", "See your health care provider if ..."): care, not a pointer elsewhere.
_CARER = re.compile(
    r"(?:(?:a|an|the|your|their|his|her|local)\s+)*(?:doctor|physician|provider|health ?care|"
    r"nurse|gp|pharmacist|dentist|specialist|emergency|hospital|911|9-1-1|ambulance|poison)",
    re.IGNORECASE,
)
_POINTER = re.compile(
    r"^(?:for (?:more|further|additional) information|"
    rf"(?:see|visit|call) (?!{_CARER.pattern})|click |check the list|"
    # another part of the document: "Refer to the \"Benefits ...\" section of the original
    # guideline document", "Refer to text and the NCI Dictionary ..."; not where a patient is
    # sent ("Refer to a specialist")
    r"refer to (?:the )?(?:table|figure|section|appendix|text\b|original\b|full\b|[\"\u201c])|"
    r"readers are (?:encouraged|referred)|"
    r"for (?:more |further |additional )?(?:guidance|recommendations|information|details) on\b"
    r"[^.;]{0,120}\b(?:see|refer to|consult)\b|"
    # another guideline's summary as the subject: "The NGC summary of the NICE guideline ...
    # contains recommendations for ...", "Please refer to the NGC summary of ..."
    r"(?:the )?NGC summar(?:y|ies) of\b|(?:please )?refer to the NGC summar|"
    # "More information is provided in the NIDDK health topic, Liver Biopsy.", "More
    # information about iodine is provided by ..."
    r"more information(?: (?:about|on) [^.;]{1,80}?)? (?:is|can be) (?:provided|found|"
    r"available|obtained)\b|"
    # where to look for a trial: "You can search for a trial using criteria such as ..."
    r"(?:you can )?search for (?:a |clinical )?trials?\b|"
    # "To see a list of current clinical trials on ..., type ... into the search box."
    r"to (?:see|find|view) (?:a|the) list of\b|"
    # a site's media: "Watch this video about: Hypertension - overview"
    r"watch (?:this|the|a) video\b)|https?://|www\.",
    re.IGNORECASE,
)
#: A sentence about what comes after it ("The following algorithms have been produced that
#: summarise ...", "The following tests may be used to diagnose Wilms tumor."): what it
#: speaks of is not in it.
_POINTS_AHEAD = re.compile(r"^(?:The following|Below (?:is|are))\b")
#: A sentence that speaks of what follows it within itself ("Using the following guide, you
#: and your doctor can create a plan ..."), not of the following day or week.
_REFERS_AHEAD = re.compile(
    r"\bthe following (?!(?:days?|nights?|mornings?|evenings?|weeks?|months?|years?)\b)[a-z]+",
    re.IGNORECASE,
)
#: A sentence that sends the reader to the resource the sentence before it names ("Please
#: click on the link to access this resource.", "Click on the links to view the lists."):
#: that sentence says what the link holds ("... has a published list of recommendations for
#: risk reduction.", "Medscape Reference's Web site offers more specific information ..."),
#: not what the library says.
_CLICK_FOR_IT = re.compile(
    r"^(?:Please\s+)?click\s+(?:on\s+)?(?:the\s+)?links?\s+(?:to\s+(?:access|view|read|see|find)|"
    r"above|below)\b",
    re.IGNORECASE,
)
#: A sentence that says only that there are several kinds of something, naming none ("There
#: are many kinds of lupus.", "Several neurosurgical procedures are available to treat
#: trigeminal neuralgia.", "Researchers have identified several forms of vitiligo.", "Non-drug
#: treatment for PSP can take many forms."): which they are, the sentences after it say.
_SOME = (
    r"(?:many|several|various|different|numerous|multiple|a (?:number|variety|range) of|"
    r"two|three|four|five|six|seven|eight|nine|ten|\d+)"
)
_KINDS = (
    r"(?:kinds|types|forms|subtypes|classes|categories|ways|options|procedures|treatments|"
    r"therapies|medicines|medications|drugs|surgeries|operations|approaches|tests)"
)
#: what they are kinds of or for ("... for children with AML, CML, JMML, or MDS"), saying
#: nothing more: no example ("including ..."), reason or condition
_OF_WHAT = (
    r"(?:\s+(?:of|for|to treat|in|to)\s+(?:(?!(?:including|such|like|because|but|which|that|"
    r"when|if|as|who|where|while|although)\b)[^.;:])+)?"
)
_ANNOUNCES_KINDS = re.compile(
    rf"^(?:There\s+(?:are|is)\s+{_SOME}\s+(?:[\w-]+\s+){{0,2}}?{_KINDS}{_OF_WHAT}"
    rf"|(?:[A-Z][\w-]*\s+)?{_SOME}\s+(?:[\w-]+\s+){{0,2}}?{_KINDS}(?:\s+of\s+[^.,;:]+?)?"
    rf"\s+(?:are|is|have\s+been|has\s+been)\s+(?:available|used|known|recogni[sz]ed|described|"
    rf"identified){_OF_WHAT}"
    rf"|(?:Researchers|Scientists|Doctors|Experts)\s+have\s+(?:identified|described|found|"
    rf"recogni[sz]ed)\s+{_SOME}\s+(?:[\w-]+\s+){{0,2}}?{_KINDS}{_OF_WHAT}"
    rf"|[^.,;:]+\s+(?:can|may)\s+take\s+(?:many|several|various|different)\s+forms)\.$",
    re.IGNORECASE,
)
#: A sentence whose subject or object is an unnamed set of something, which it names no
#: member of ("Many things can trigger or worsen asthma symptoms.", "Certain factors affect
#: treatment options and prognosis (chance of recovery).", "Doctors use a variety of
#: approaches to treat rheumatoid arthritis.", "There are many disorders that can cause
#: dementia."): the set named by at most one word between its quantifier and its noun (not
#: "Multiple sclerosis causes problems", "in several weeks without problems").
_UNNAMED_MANY = re.compile(
    r"\b(?:many|several|various|certain|numerous|multiple|"
    r"a (?:number|variety|range|host) of)\s+(?:[\w-]+\s+)?"
    r"(?:things|factors|approaches|ways|options|steps|issues|conditions|disorders|diseases|"
    r"problems|reasons|situations|circumstances|aspects|considerations)\b",
    re.IGNORECASE,
)
#: What says which they are, or makes the set no subject of the statement: a list or clause
#: (a comma, a colon, a semicolon), a sentence after, an example, members in brackets or
#: after a dash right after the set ("Certain conditions (diabetes and hypertension) ...");
#: a member named as "one of" or "among" them ("Diabetes is one of many conditions ...");
#: patients said to have them ("people with multiple long-term conditions"), "how many";
#: and advice ("Discuss the various treatment options ...", "should", "recommend").
_NAMES_ONE = re.compile(
    r"[,;:]|\b(?:such as|including|includes?|like|e\.g\.|for example|for instance|namely|"
    r"especially|particularly)\b|\.\s+\S",
    re.IGNORECASE,
)
_NAMED_AFTER = re.compile(r"\s*(?:\(|[-–—]\s)")
_NOT_THE_SUBJECT = re.compile(r"\b(?:one of|among|with|how)\s+$", re.IGNORECASE)
_ADVICE = re.compile(
    r"^(?:Do not|Don't|Offer|Consider|Discuss|Give|Use|Avoid|Refer|Start|Stop|Ask|Tell)\b"
    r"|\b(?:should|must|recommend\w*|suggest\w*)\b",
    re.IGNORECASE,
)


def names_nothing(statement: str) -> bool:
    """Whether a statement speaks of an unnamed set of things and names none of them
    (_UNNAMED_MANY, and none of what _NAMES_ONE, _NAMED_AFTER, _NOT_THE_SUBJECT and _ADVICE
    read): which they are, it does not say. Judged on the whole statement, not its
    opening: "Several health conditions can make asthma harder to manage. These conditions
    include runny nose, sinus infections ..." names them."""
    statement = statement.strip()
    unnamed = _UNNAMED_MANY.search(statement)
    if unnamed is None or _NAMES_ONE.search(statement) or _ADVICE.search(statement):
        return False
    if _NOT_THE_SUBJECT.search(statement[: unnamed.start()]):
        return False
    return _NAMED_AFTER.match(statement, unnamed.end()) is None


#: A sentence that tells where information is to be had rather than anything about care:
#: "The Genetic Testing Registry (GTR) provides information about ...", "The National
#: Psoriasis Foundation can also provide you with information on treatment" (its subject a
#: body, a web site or a registry, not a test: "The test provides information about the
#: size of your heart"). One that tells of an agency's research ("The NINDS supports
#: research on ...") is no statement at all.
_GIVES_INFORMATION = re.compile(
    r"^(?P<subject>(?:[^.;:]|\.(?=\w)){0,160}?)\s(?:can\s+(?:also\s+)?)?(?:provid|offer|giv)\w*\s+"
    r"(?:you\s+with\s+)?(?:[\w-]+\s+){0,2}(?:information\s+(?:on|about|for)\b|overview\b)",
    re.IGNORECASE,
)
_SOURCE_SUBJECT = re.compile(
    r"\b(?:web ?sites?|resources|registry|foundation|institutes?|association|society|"
    r"organi[sz]ation|cent(?:er|re)|clearinghouse|network|alliance)\b|\w\.(?:gov|org)\b",
    re.IGNORECASE,
)
#: A sentence that sends the reader to a website ("To stay abreast of any new studies on gene
#: therapy and salivary gland function, visit ClinicalTrials.gov.").
_SITE = r"(?:[\w-]+\.(?:gov|org|com|net)\b|web ?sites?\b)"  # "ClinicalTrials.gov", "web site"
_SENDS_TO_SITE = re.compile(
    r"\b(?:visit|go to|see|check)\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?" + _SITE, re.IGNORECASE
)
#: Information, a list or articles said to be had, or a web site said to offer them, where the
#: sentence names a web site ("More detailed information about treatment for Noonan syndrome
#: can be viewed on the GeneReviews Web site.", "GeneReviews' Web site offers more specific
#: information about ..."): it tells where to read, not what.
_INFORMATION = re.compile(
    r"^(?:\S+\s+){0,5}?(?:(?:information|lists?|articles?)\b[^.;]{0,120}?\b(?:can|may|is|are)"
    r"\s+(?:also\s+)?(?:be\s+)?(?:found|viewed|available|obtained|provided)\b|"
    r"(?:\S+\s+)?(?:web ?site|[\w-]+\.(?:gov|org|com|net))(?:'s)?\s+(?:also\s+)?"
    r"(?:offers|provides|lists|has)\b)",
    re.IGNORECASE,
)
_A_SITE = re.compile(r"\b" + _SITE + r"|\bwww\.", re.IGNORECASE)
#: Who does research, not what it finds or looks into ("The NINDS supports research on ...",
#: "The Centers are conducting basic and clinical research, including ..."): no statement.
_WHO_RESEARCHES = re.compile(
    r"\b(?:supports?|conducts?|funds?)\s+research\s+(?:on|into|in)\b|"
    r"\b(?:are|is)\s+(?:also\s+)?(?:conducting|supporting|funding)\s+(?:[\w-]+\s+){0,3}?research\b|"
    r"\bis\s+the\s+(?:[\w-]+\s+){0,4}organi[sz]ation\s+for\s+research\b|"
    r"^within\s+the\s+[^.;:]{0,40}research\s+programs?\b",
    re.IGNORECASE,
)
#: What research looks into, not what is known ("Biomarkers ... are another focus of
#: research", "Researchers are studying ..."): a statement only where research is asked.
_ABOUT_RESEARCH = re.compile(
    r"\b(?:an?|another|the|one)\s+(?:major\s+|key\s+|active\s+)?(?:focus|area|subject)\s+of\s+"
    r"(?:ongoing\s+|current\s+|active\s+)?research\b|"
    r"^(?:researchers|scientists|investigators)\s+(?:also\s+)?"
    r"(?:(?:are|have been)\s+(?:also\s+)?(?:studying|investigating|exploring|examining|looking|"
    r"testing|working)|continue\s+to\s+(?:study|investigate|explore|examine|look|test|work|"
    r"search))\b",
    re.IGNORECASE,
)
#: Where one cell of a table run into a line ends and the next begins: a share or an empty
#: cell, then the next row's name ("... Abnormality of the urethra 90% Cryptorchidism 90%
#: ...", "... Albinism - Hearing impairment - ..."); a table's rows lost their lines, and
#: RUN_IN_CELLS of these make a table, not a statement.
_CELL_AFTER_CELL = re.compile(r"(?:\d%|[a-z)]\s-)\s+[A-Z][a-z]")
RUN_IN_CELLS = 3
#: A recommendation's last clause that points to a table or figure ("Consider sentinel lymph
#: node biopsy ... for people with stage IB-IIC melanoma with a Breslow thickness of more than
#: 1 mm, and give them detailed verbal and written information ..., using the table below."):
#: the recommendation stands without it (where the pointer is the sentence's own verb, "...
#: features are summarized in the table below.", what it says is elsewhere).
_TABLE_AFTER = re.compile(
    r",\s+(?:using|see|as (?:shown|set out|described|summari[sz]ed|listed) in) the "
    r"(?:table|figure|chart|box)s? (?:below|above)(?=\s*\.\s*$)",
    re.IGNORECASE,
)
#: A legend of abbreviations ("BMT = bone marrow transplant; CML = chronic myeloid leukemia").
_LEGEND = re.compile(r"^(?:[^=;]{1,12}\s?=\s?[^=;]{2,80}(?:;|$)\s*){2,}[.]?$")
#: A bibliographic reference: "Kaler SG, et al. Neonatal Diagnosis ...".
_REFERENCE = re.compile(r"^[A-Z][a-z'-]+ [A-Z]{1,3}(?:,| et al\b)")
#: Another guideline's title standing alone: "Diagnosis and initial management of acute
#: stroke and transient ischaemic attack (TIA) (NICE clinical guideline 68). [new 2014]", or
#: a part of a list of such titles, split where a title holds a full stop ("Treatment and
#: management (NICE clinical guideline 91) and Generalised anxiety disorder ...")
_GUIDELINE_TITLE = re.compile(
    r"^[^.;:]{10,300}\((?:[A-Z]{2,6} )?(?:clinical guideline|guideline|technology appraisal"
    r"(?: guidance)?|public health guidance|interventional procedure guidance)\s+[A-Z]{0,3}\d+\)",
    re.IGNORECASE,
)
_SAYS_SOMETHING = re.compile(
    r"\b(?:should|must|is|are|was|were|be|been|recommend\w*|offer|consider|use|follow)\b",
    re.IGNORECASE,
)
#: A work cited by its year and its issuer's name: "2022 European Thyroid Association
#: Guidelines for the management of pediatric thyroid nodules ..." (where it says nothing:
#: _SAYS_SOMETHING).
_DATED_WORK = re.compile(r"^(?:19|20)\d{2}\s+[A-Z][\w-]*\s+\(?[A-Z]")
_NOT_A_STATEMENT = re.compile(
    rf"^(?:table|figure|fig\.|see (?!{_CARER.pattern})|source:|references?\b|"
    r"note from (?:the )?[^:]{0,200}:|"
    # a page's picture or animation, which the article does not show: "The animation shows
    # how the airway can collapse ..."
    r"(?:the|this) (?:animation|video|illustration|picture|image|diagram)s? "
    r"(?:shows?|below|above|illustrates?)\b)",
    re.I,
)
#: The strength of a recommendation said as its own sentence ("Strong recommendation based
#: on ... with a preponderance of benefit over harm."): about the recommendation, not what
#: to do.
_STRENGTH_SENTENCE = re.compile(
    r"^(?:strong|moderate|weak|conditional) recommendation (?:based on|with)\b", re.IGNORECASE
)
_ELSEWHERE = re.compile(
    r"\b(?:click here|click on (?:the|this) links?|listed below|"
    r"see (?:below|above|table|figure)|as follows|"
    r"the (?:table|list|figure|chart) (?:below|above)|"
    r"the following (?:list|table|figure)|"
    # "The following algorithms are provided in the original guideline document: ..."
    r"\b(?:provided|available|included|presented|found) in the (?:original|full)"
    r"(?: version of the)? guideline\b|"
    r"for (?:more |further |additional )?(?:information|details)|"
    r"\bgo to [\"\u201c']|"
    # "... include the following." or "... recommend one or more of the following
    # procedures.": its list is elsewhere
    r"the following(?: [a-z]+){0,2}(?=\s*[.:]?\s*$)|"
    r"(?:^|[,.!?]\s+)[Hh]ere (?:are|is)\b|"  # "To manage your diabetes, here are things to do"
    r"you can (?:read|find|visit|call|contact|order|get)|(?:visit|call) (?:the|our|us)|"
    r"you can use\b[^.;]{0,80}\bto (?:look up|find|search)|"
    # "... offers a Find a Doctor tool which may aid you in locating your nearest center"
    r"\btool\b[^.;]{0,60}\b(?:locat|find)\w*\b[^.;]{0,40}\b(?:doctors?|cent(?:er|re)s?|dentists?|"
    r"providers?|specialists?|clinics?|nearest|in your area)|"
    r"learn more about|(?:to )?learn more,? (?:see|visit|go to|read|call|at)\b|"
    r"^read (?:more|about)\b|^read or listen\b|"
    r"get more (?:details|information)|^(?:for|in|to)\b[^.;]{0,160},\s+see\b|"
    r"the following (?:resources|organizations|web ?sites)|"
    r"to (?:read|download|order|view)\b[^.;]{0,160}\b(?:go to|visit)|"
    r"follow(?:s|ing)? the recommendations (?:in|of)|"
    r"(?:is|are) (?:discussed|addressed|covered) in the NGC summar(?:y|ies)|"
    r"(?:is|are) (?:available|posted|provided) (?:from|at|on) (?:the )?[^.;]{0,80}web ?site|"
    r"(?:more |further )?information (?:about|on) [^.;]{1,80} (?:is|are) (?:provided|given) in|"
    r"can be (?:found|obtained|downloaded|accessed|ordered) (?:at|from|on|through)|"
    # what another part of the page holds: "The strength of recommendation grading (...)
    # is defined at the end of the \"Major Recommendations\" field."
    r"(?:is|are|can be) (?:defined|provided|listed|given|found|presented|explained) "
    r"(?:at the end of|in|under) the [\"\u201c]?[^.;\"\u201d]{1,60}[\"\u201d]? field)\b",
    re.IGNORECASE,
)
#: A word among a sentence's first few, not the last of a sentence before it (a list item's
#: label: "24-hour urinary free cortisol level. In this test, ...").
_WORD = r"\S+(?<![.!?])"
#: A connective opening a sentence: it points back, but what it says has a subject of its own
#: ("But some types of headache are signals of more serious disorders ...").
_CONNECTIVE = (
    r"(?:And|Or|Nor|Plus|So|But|Yet|Therefore|Thus|Hence|However|Moreover|Furthermore|Additionally|Also|"
    r"Consequently|Accordingly|Nevertheless|Nonetheless|Similarly|Likewise|Conversely|Instead|"
    r"Otherwise|In addition|In contrast|As a result|As such|On the other hand|Either way|"
    r"In either case|"
    r"Even so|In fact|Indeed|For example|For instance|Then|Finally|Specifically|In particular|"
    r"Namely|In (?:this|that|such|these|either) cases?|Until then|After that|Meanwhile|"
    r"Still(?=,))\b"
)
#: Ways a sentence opens by pointing back at what came before it; `_REFERS_BACK` matches any.
_POINTING_BACK = (
    # a pronoun; not the "it" of "It is not clear if ...", "It is recommended that ...",
    # "It is important to distinguish ...", which points nowhere
    r"(?:It(?!\s+(?:is|was|remains|seems|appears)\s+(?:not\s+)?(?:yet\s+)?[\w-]+\s+"
    r"(?:that|if|whether)\b)(?!\s+(?:is|was)\s+(?:not\s+)?(?:also\s+)?(?:important|essential|"
    r"necessary|advisable|reasonable|critical|crucial|vital|prudent|wise)\s+to\b)"
    # nor that of "It is sufficient for patients to have no food ...": a quality said of
    # what someone does
    r"(?!\s+(?:is|was)\s+(?:not\s+)?(?:also\s+)?(?:un)?(?:sufficient|appropriate|acceptable|"
    r"preferable|reasonable|important|essential|necessary|advisable|common|usual|possible|"
    r"helpful|useful|best|better)\s+for\s+(?!(?:them|it|him|her|these|those|this|that|such)\b)"
    r"[^,.;:]{1,60}?\s+to\s)|"
    r"They|Its|Their|He|She|Others|Another|Both|Such|Here)\b",
    # "Other treatment is supportive": other than what came before (not "Other than ...")
    r"Other\b(?!\s+than\b)",
    # some kinds of what came before, not saying of what: "Some strains lead to cervical
    # cancer" (of HPV), "Most types can be treated" (not "Some types of headache ...")
    r"(?:Some|Many|Most|Certain|Several|All)\s+(?:types?|kinds?|forms?|strains?|subtypes?|"
    r"varieties|classes)\b(?!\s+of\b)",
    # some of what came before, standing for it alone: "Some, such as Alzheimers disease,
    # lead to a progressive loss of mental functions" (of the diseases that cause dementia);
    # not "Many, if not most, patients recover slowly."
    r"(?:Some|Many|Most|Several|Few|Certain),\s(?!if\s+not\b)",
    # one of a kind the sentence before names: "One such disorder is Alzheimer disease."
    r"(?:One|Each|Any)\s+such\b",
    # a connective
    _CONNECTIVE,
    # someone doing something to "it" or "them" named before: "Doctors may recommend it
    # instead of surgery ...", "You can also get it from ...", "People who have it may also
    # develop hay fever" (not "You may find it hard to ...", "Patients found it comforting
    # that ...", which point nowhere)
    r"(?:You|We|Doctors?|Your\s+(?:doctor|health care provider|provider)|People|Anyone|"
    r"Everyone|Someone|Patients)\s+(?:\w+\s+){0,3}?(?:it|them)\b"
    r"(?!\s+(?:\w+\s+)?(?:to|that)\b)(?!\s+(?:is|was|are|were)\b)",
    # "it" or "they" named before, after a phrase that says for whom or when: "For adults, it
    # usually takes 2 to 3 days.", "In most cases, they go away on their own." (not "In rare
    # cases, it is not possible to ...", which points nowhere)
    r"(?:For|In|Among|With|After|During|Without|At)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+,\s+"
    r"(?:it|they)\b(?!\s+(?:is|was)\s+(?:not\s+)?(?:\w+\s+)?(?:to|that|if|whether)\b)",
    # a clause on "it" or "they" named before, with no other subject after it: "When it does
    # occur, it is usually caused by ...", "Why it persists and progresses still isn't
    # clear." (not "When they get older, children with GSDI have ...", nor "When it is
    # possible to find the cause, ...", which points nowhere)
    r"(?:When|Whenever|Once|Why|How|Where|Unless|Until|Whether)\s+(?:it|they)\b"
    r"(?!\s+(?:is|was|'s)\b)(?=[^,.;]*(?:[.;]|,\s+(?:it|they|he|she|this|these|you)\b))",
    # a step after the one before: "The tissue is then looked at under a microscope.", "The
    # embryos are then tested for hemophilia.", "Since then, ..." (not "If ..., then ...",
    # nor "Administer alteplase if eligible, then proceed with thrombectomy.")
    r"(?!(?:If|When|Once|Unless|After|Before)\b)(?:\S+\s+){0,3}?[^\s,;:]+\s+then\b",
    # the one to choose among those named before: "Your health care provider can recommend
    # the best one for you."
    r"(?:\S+\s+){0,8}?the\s+(?:best|right|correct)\s+one\b",
    # a share of what came before: "Much of it comes from ...", "None of them works ..."
    r"(?:Much|Most|Some|None|All|Each|Many|Few|Part|Any|One|Both|Either|Neither)\s+of\s+"
    r"(?:it|them)\b",
    # each of a set the sentence before names: "In each case, the affected individual had
    # ...", "In both cases ..."
    r"(?:In|For)\s+(?:each|both|either|neither)\s+(?:of\s+(?:these|those|the)\s+)?"
    r"(?:cases?|instances?|patients?|famil(?:y|ies)|individuals?|groups?|situations?)\b",
    # the side effects of a drug or treatment the sentence before names: "The most common
    # side effects are dizziness, nausea, fever ..." (not "The side effects of DEC ...")
    r"The\s+(?:(?:most\s+)?(?:common|main|usual|serious|possible|major|rare)\s+)?"
    r"(?:side\s+effects?|adverse\s+effects?|adverse\s+reactions?)\b(?!\s+of\b)",
    # "The goal is to relieve cravings", "The test can show ...": the goal or test of what
    # the sentence before names
    r"The\s+(?:goal|aim|purpose|cause|test|procedure|result|outcome)s?\s+(?:\w+ly\s+)?"
    r"(?:is|are|was|were|can|may|might|will|would|should|could|requires?|involves?|takes?|"
    r"needs?|uses?|measures?|shows?)\b",
    # a measure that does not say of what: "Levels higher than 50 to 100 micrograms a day
    # suggest ..." (the level of the test named before)
    r"(?:Levels?|Values?|Results?|Concentrations?|Readings?|Counts?)\s+(?:higher|lower|above|"
    r"below|greater|less|more|over|under|of\s+(?:more|less|at least|over|under))\b",
    # a condition on a result that does not say of which test: "If the cortisol level is
    # more than 50 nanomoles per liter ...", "If cortisol levels do not drop, ..."
    r"(?:If|When|Once|Unless)\s+(?:the\s+)?(?:\w+\s+)?(?:levels?|values?|results?|"
    r"concentrations?|readings?|counts?)\s+(?:is|are|was|were|do|does|did|remains?|stays?|"
    r"falls?|rises?|drops?|goes|go)\b",
    # a limit or range that does not say of what: "The normal upper limit varies ..."
    r"The\s+(?:normal|usual|reference)\s+(?:(?:upper|lower)\s+)?(?:limit|range|value|level)s?\b"
    r"(?!\s+(?:of|for)\b)",
    # the subject named before, said again with "also": "The pain may also occur in ..."
    r"The\s+\w+\s+(?:may|can|might|could|will|would|is|are|was|were|has|have)\s+also\b",
    # a time counted from something the sentence before names: "... one to 14 days later.",
    # "The sores are usually gone within another two weeks."
    r"(?=[^.;]*\b(?:minutes?|hours?|days?|weeks?|months?|years?)\s+later\b)",
    r"(?=[^.;]*\banother\s+(?:\w+\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)\b)",
    # a pointing word after a sentence adverb: "Interestingly, that exposure ...",
    # "Sometimes it is found in prenatal testing", "Sometimes, it is not even a mole."
    r"[A-Z]\w+ly,\s+(?:this|that|these|those|it|they|such|both)\b",
    r"(?:[A-Z]\w+ly|Sometimes|Often|Later|Now),?\s+(?:it|they|its|their|them)\b",
    # an instruction whose object its heading or the item above named: "Administer within
    # the first hour if: ...", "Continue for 5 days"
    r"(?:Administer|Give|Start|Begin|Repeat|Continue|Stop|Discontinue|Resume|Withhold|Take|"
    r"Use|Apply|Inject|Infuse|Titrate|Taper|Increase|Reduce|Decrease)\s+(?:within|at|for|"
    r"after|before|every|if|when|until|once|twice|daily|over|by|to|as)\b",
    # a pronoun after a comparison: "Like trigeminal neuralgia, it ..."
    r"(?:Like|Unlike|As with)\b[^,]{1,60},\s+(?:it|they|this|these|its|their)\b",
    # "the drug" or "the disorder" named before, first or after a preposition among the first
    # few words ("The symptoms of the disorder ...", not "X is the drug of choice")
    r"(?:The|(?:" + _WORD + r"\s+){0,4}?(?:of|with|for|in|from|about)\s+the)\s+"
    r"(?:drug|medicine|medication|agent|disorder|condition|disease|syndrome)s?\b",
    r"(?:This|These|That|Those)\s+\w+",
    r"(?:This|These|That|Those),",  # "This, however, can be confounded by a PSA bounce ..."
    r"(?:This|That)(?:'|\u2019)s\b",  # "That's why everyone should know the signs ..."
    r"(?:In|For|With|Of|Among|From|After|Before|During|Without|If|Because|Unlike|Despite|"
    r"Although|Though|While|Even though)\s+(?:these|this|those|that|such|them|it|they|both|"
    r"their|its|others)\b",
    # "these"/"those" among the first few words ("The combination of these two agents ...",
    # "Approximately 3 to 5 percent of these cancers ..."), not "those who"
    r"(?:"
    + _WORD
    + r"\s+){0,7}?(?:these|those)\b(?!\s+(?:who|whom|that|which|with|without|in|at|of)\b)",
    # "these diseases" further on ("Scientists think that Lewy body disease might be related
    # to these diseases"); not "those", which further on mostly says who ("including those
    # suspected of having aortic dissection", "those over 60 years old")
    r"(?:" + _WORD + r"\s+){8,14}?these\b(?!\s+(?:who|whom|that|which|with|without|in|at|of)\b)",
    # "this drug combination", "Over time, this can ..."; not "this condition", which names
    # the document's own subject
    r"(?:" + _WORD + r"\s+){0,7}?this\s+(?!(?:condition|disorder|disease|syndrome)\b)\w+",
    # a test, drug or treatment further on that the sentence before names: "The Task Force
    # recommends that gestational diabetes be diagnosed on this test using ..."
    r"(?:" + _WORD + r"\s+){8,14}?(?:on|with|by|of|from|for|after)\s+this\s+"
    r"(?:test|drug|medicine|medication|treatment|therapy|procedure|regimen|agent|approach)\b",
    r"(?:" + _WORD + r"\s+){0,5}?(?i:the)\s+(?:former|latter|above)\b",
)
_REFERS_BACK = re.compile(r"^(?:" + "|".join(_POINTING_BACK) + r")")
#: A sentence opening on things of a kind by "the" alone, with nothing after that says which
#: ("The ulcers look like common canker sores", "The patches are usually red"): which ones, a
#: sentence before it in the passage says (names_again); not "the" with what says which
#: ("The ulcers of Behcet disease", "The lesions that bleed").
_THE_KIND = re.compile(
    r"^The\s+(?P<noun>[a-z]{2,}(?<![sui])s)\b(?!(?:\s+(?:and|or)\s+[a-z]+)?\s+(?:of|that|which|"
    r"who|whom|with|without|in|for|from|on|at|to|by|caused|used|associated|called|named|listed|"
    r"described|seen|found|above|below)\b)"
)
#: A sentence that says only what the answer depends on ("The treatment of lupus depends on
#: the severity of the condition ...", "Its symptoms vary from person to person", "Your
#: doctor will consider many things ..."): it tells that there is an answer, not what it is.
_DEPENDS = re.compile(
    r"\b(?:depends?|(?:will|may|can|could|would) depend|(?:is|are|will be) based) on\b"
    r"|\bvar(?:y|ies)\b(?!\s+(?:widely\s+)?(?:in|by)\s+(?:size|dose))|\bmany (?:things|factors)\b",
    re.IGNORECASE,
)
#: A sentence that says only that nothing cures or treats ("There is no cure for muscular
#: dystrophy.", "Currently there is no known cure for Kennedy's disease."): what cannot be
#: done, with no "but" that says what can.
_NO_CURE = re.compile(
    r"^(?:[A-Z][\w'-]*,?\s+){0,2}?there\s+(?:is|are)\s+(?:currently\s+|still\s+|presently\s+)?"
    r"no\s+(?:[\w-]+\s+){0,3}?(?:cure|treatments?|therap(?:y|ies))\b",
    re.IGNORECASE,
)
_CONTRAST = re.compile(r"\b(?:but|however|although|though|yet|except|while)\b", re.IGNORECASE)
_OPENS_WITH_CONNECTIVE = re.compile(r"^(?:" + _CONNECTIVE + r")")
#: A pointing word that points ahead, to the list its lead-in opens: "Your health care
#: provider will often recommend these steps first: Acetaminophen ...; Heel and foot
#: stretching exercises; ...", "take these steps: ..."; not "in these patients:", "shed these
#: bacteria in:" nor "Some of these tests may include:", which point back.
_POINTS_TO_ITS_LIST = re.compile(
    r"^(?:" + _WORD + r"\s+){0,8}?(?<!\bof\s)(?<!\bin\s)(?<!\bfor\s)(?:these|those)\s+[\w-]+"
    r"(?:\s+(?:first|below|here))?:\s"
)
#: "This condition is inherited in an autosomal recessive pattern ...", first under a
#: heading ("Is Ellis-van Creveld syndrome inherited?"): the document's own subject.
_DOCUMENT_SUBJECT = re.compile(r"^This\s+(?:condition|disorder|disease|syndrome)\b")
#: How a sentence ends (its full stop, maybe inside a closing bracket or quote, or a grade
#: in brackets after it: "... recurrence. [2011]", "... at 24 to 28 weeks gestation. (1|+++O)").
_ENDS_SENTENCE = re.compile(r"[.!?][\)\]\"'\u201d]*(?:\s*(?:\[[^\]]{1,40}\]|\([^()]{1,40}\)))?\s*$")
#: A heading run into the sentence after it, where the source lost the line between them:
#: one or a few capitalised words, then a word that opens a sentence ("Medications Most
#: people ...", "Untreated Hairy Cell Leukemia If the patient's blood cell counts ...",
#: "Remember Follow-ups Your surgeon ...").
#: Words that open a sentence (not a heading's): a heading ends before one.
_OPENERS = (
    r"If|The|In|For|When|There|It|This|These|Those|Your|You|Most|Some|Many|Each|All|Because|"
    r"Although|While|After|Before|During|Here|To|"
    # who does research: "Transcranial Therapies Researchers are conducting ..." (not
    # "Doctors": "Primary Care Doctors should refer ..." names whom)
    r"Researchers|Scientists|Investigators|"
    # an instruction to the reader ("Be Active Try to exercise almost every day ...")
    r"Try|Ask|Talk|Call|Avoid|Make"
)
_SMALL = "|".join(sorted(TITLE_SMALL))  # "of", "and", "the" ...
_SMALL_WORDS = r"(?:(?:" + _SMALL + r")\s+)*"
#: A headline run into the sentence after it: capitalised words with a verb in capitals
#: ("Most Symptoms Are Treatable Doctors use ...", "Weak Bones Can Lead to Fractures
#: Osteoporosis is ..."), which prose never writes, up to the capitalised word before the
#: sentence's first word in lower case (not a title's small word: "Lead to Fractures").
_HEADLINE = re.compile(
    r"^(?:[A-Z][\w'-]*\s+){0,6}(?:Are|Is|Can|May|Will|Should|Has|Have|Do|Does)\s+"
    rf"(?:(?:[A-Z][\w'-]*|{_SMALL})\s+){{0,6}}(?=[A-Z][a-z]+,?\s+(?!(?:{_SMALL})\b)[a-z])"
)
#: A sentence's adverb ("Sometimes the warning signs ...", "Fortunately, current ...").
_ADVERB = r"(?:(?:Sometimes|Often|Usually|However|Also),?|[A-Z][a-z]+ly,)"
#: A capitalised word of a heading, maybe in quotes ("Don't Ignore "Mini-Strokes"").
_CAPITALISED = r"[\"\u201c]?[A-Z][\w'\"\u201d()/-]*\s+"
_GLUED_HEADING = re.compile(
    r"^" + _CAPITALISED + _SMALL_WORDS + r"(?:" + _CAPITALISED + _SMALL_WORDS + r"){0,7}?"
    r"(?=(?:" + _OPENERS + r"|People|An?|" + _ADVERB + r")\s+[a-z])"
)
#: A grade in brackets after a sentence's full stop ("... tumors.[Level of evidence C2]"): the
#: statement carries it as its grade, and its words end at the full stop.
_GRADE_AFTER = re.compile(r"(?<=[.!?])\s*\[(?P<inside>[^\[\]]{1,60})\]\s*$")


#: A line that is all in one pair of brackets.
_BRACKETED = re.compile(r"[(\[][^()\[\]]*[)\]]\.?")
#: A bulleted item's mark (not a numbered one: numbered recommendations are sentences).
_BULLET = re.compile(r"^\s*[-*•]\s+")
#: A list item this long, without a full stop, is a phrase a heading leads in.
PHRASE_WORDS = 15


@lru_cache(maxsize=1024)
def read_with_heading(text: str, heading: str) -> str:
    """A passage's text as its statements are read (once per passage: picking passages,
    scoring their statements and citing them all read it): where it opens (after at most its
    grade) with a bulleted list whose first item is a short phrase, no sentence ("-
    Amoxicillin 1 g orally three times daily; OR", "- Minor or rapidly improving stroke
    symptoms (NIHSS <= 4 with non-disabling deficit)"), its heading, the source's own words,
    is the list's lead-in ("Healthy Adults Without Comorbidities or Risk Factors for
    Resistant Pathogens:"); else the text as it is. A heading that asks ("How to diagnose
    ...?") or that the text says already leads nothing."""
    heading = heading.strip().rstrip(":")
    if not heading or heading.endswith("?") or heading in text:
        return text
    lines = text.splitlines()
    at = 0
    while at < len(lines) and (not lines[at].strip() or _BRACKETED.fullmatch(lines[at].strip())):
        at += 1  # the grade of the heading: "(Strong recommendation, Moderate quality ...)"
    bullet = _BULLET.match(lines[at]) if at < len(lines) else None
    item = lines[at][bullet.end() :].strip() if bullet else ""
    if not item or len(item.split()) > PHRASE_WORDS or item.endswith((".", "!")):
        return text  # no list first, or a sentence of its own
    return "\n".join((*lines[:at], f"{heading}:", *lines[at:]))


@lru_cache(maxsize=1024)
def passage_statements(text: str, research: bool = False) -> tuple[tuple[str, str | None], ...]:
    """statements_of, remembered for the passages read most recently: the composer asks
    first whether a passage holds any, then reads them."""
    return tuple(statements_of(text, research))


#: A recommendation's grade the source sets before it ("A - Women with platinum-sensitive
#: relapsed ovarian cancer should be treated ...", "GPP: The recommended beta blockers are
#: ..."): a letter or a good practice point, a dash or a colon, then the sentence.
_GRADE_BEFORE = re.compile(r"^(?P<grade>[A-D]|GPP)(?:\s+-|\s*:)\s+(?=[A-Z])")


def statements_of(text: str, research: bool = False) -> list[tuple[str, str | None]]:
    """The passage's candidate statements, each with the grade it states (or the next line
    states). A sentence that refers back ("These two agents ...", "It is used ...") is said
    with the sentence before it, in the passage's own words; where what comes before is no
    sentence (a heading line: "Adjuvant Chemotherapy for Stage III Colon Cancer", a
    lead-in), or points back itself, it is left out, unless it opens by naming the
    document's own subject ("This condition is inherited in an autosomal recessive
    pattern ..."). What research is under way is a statement only where research is asked
    (`research`: usable)."""
    units = statement_units(text)
    found: list[tuple[str, str | None]] = []
    for i, unit in enumerate(units):
        unit = without_unpaired_ends(_BARE_ANSWER.sub("", unit))
        before_it = _GRADE_BEFORE.match(unit)  # the grade the source opens it with: "A - ..."
        if before_it is not None:
            unit = unit[before_it.end() :]
        if points_back(units, i, unit) and not _POINTS_TO_ITS_LIST.match(unit):
            if _POINTER.match(unit):
                continue  # "Watch this video about: ...": nothing to say with the one before
            before = _GRADE_BEFORE.sub("", _BARE_ANSWER.sub("", units[i - 1])) if i > 0 else ""
            # the sentence before was said with its own before ("Not all headaches require
            # medical attention. But some types ... call for prompt medical care. These
            # include: ..."): all three are said together (not a list that says its lead-in
            # again)
            chained = (
                (
                    _OPENS_WITH_CONNECTIVE.match(before) is not None
                    or _THIS_CASE.search(before) is not None
                )
                and bool(found)
                and found[-1][0].endswith(before)
                and found[-1][0] != before
                and before not in unit
            )
            if chained:
                before = found[-1][0]
            if (
                not before
                or (points_back(units, i - 1, before) and not chained)
                or not _ENDS_SENTENCE.search(before)
                or is_grade_only(before)  # the grade of the sentence before that
            ):
                if not _DOCUMENT_SUBJECT.match(unit):
                    continue
                before = ""  # under a heading: "This condition" is the document's subject
            unit = f"{before} {unit}".strip()
            if not _ENDS_SENTENCE.search(unit) and ": " not in unit:
                continue  # a heading ("Other Tests"), not a sentence that points back
        unit = _TABLE_AFTER.sub("", unit)
        if not usable(unit, research) or is_grade_only(unit):
            continue
        following = units[i + 1] if i + 1 < len(units) else ""
        if _CLICK_FOR_IT.match(following):
            continue  # what the link holds: "... has a published list of recommendations ..."
        grade = find_grade(unit)
        after = _GRADE_AFTER.search(unit)
        if grade is not None and after is not None and find_grade(after["inside"]) == grade:
            unit = unit[: after.start()]
        if says_only_no_cure(unit) and says_what_is_done(following):
            unit = f"{unit} {following}"  # "There is no cure. Treatments may relieve symptoms."
        if grade is None and following and is_grade_only(following):
            grade = find_grade(following)
        if grade is None and before_it is not None:
            grade = before_it["grade"]
        found.append((unit, grade))
    return graded_by_line(text, found)


#: A case named by pointing back, anywhere in a sentence ("The role of sentinel lymph node
#: biopsy in this scenario remains to be defined.", "Surgery may help in such cases."):
#: which case, the sentence before says.
_THIS_CASE = re.compile(
    r"\b(?:in|for|to|of|under|with)\s+(?:this|these|such)\s+(?:scenarios?|settings?|"
    r"situations?|circumstances?|cases?|contexts?|instances?)\b",
    re.IGNORECASE,
)


def points_back(units: Sequence[str], at: int, unit: str) -> bool:
    """Whether the passage's unit at `at` (read as `unit`) points back at what the units
    before it say: by its opening words (_REFERS_BACK), by naming its case by pointing back
    (_THIS_CASE), or by naming again, with "the" alone, things a unit before it names
    (names_again)."""
    return (
        _REFERS_BACK.match(unit) is not None
        or _THIS_CASE.search(unit) is not None
        or names_again(unit, units[:at])
    )


def names_again(sentence: str, before: Sequence[str]) -> bool:
    """Whether a sentence opens on things by "the" alone (_THE_KIND) that a sentence before
    it names: "Painful mouth sores called aphthous ulcers are usually the first sign of
    Behcet disease. ... The ulcers look like common canker sores" (which ulcers, only the
    sentences before say)."""
    opening = _THE_KIND.match(sentence)
    if opening is None:
        return False
    kind = frozenset(terms(opening["noun"]))
    return bool(kind) and any(kind <= frozenset(terms(text)) for text in before)


def only_what_it_depends_on(text: str) -> bool:
    """Whether a statement says only what its answer depends on: every sentence of it says
    that the answer depends, varies or weighs many things ("Treatment for pneumonia depends
    on the type of pneumonia you have and how severe it is."), none says what the answer is
    ("... It may include hot or cold packs, exercise, medicines")."""
    sentences = split_sentences(text)
    return bool(sentences) and all(_DEPENDS.search(s) for s in sentences)


def says_only_no_cure(sentence: str) -> bool:
    """Whether a sentence says only that nothing cures or treats the condition, not what
    does: alone, it answers what to do with what cannot be done."""
    return _NO_CURE.match(sentence) is not None and _CONTRAST.search(sentence) is None


def says_what_is_done(sentence: str) -> bool:
    """Whether the sentence after one that says nothing cures says, on its own, what care
    is given ("Treatment focuses on preventing future strokes by controlling ...",
    "Treatment may include: ..."): it is said with that one, in the passage's own words.
    Not one that points back (those are said with it already), says no cure again, says
    only what treatment depends on, or is no sentence."""
    return (
        bool(sentence)
        and intent_named("management").answers.search(sentence) is not None
        and _REFERS_BACK.match(sentence) is None
        and not says_only_no_cure(sentence)
        and not only_what_it_depends_on(sentence)  # "The appropriate treatment depends on ..."
        and (_ENDS_SENTENCE.search(sentence) is not None or ": " in sentence)
        and usable(sentence)
    )


def heading_above(text: str, statement: str) -> str:
    """The heading line nearest above a statement in its passage's text ("Treatment during
    Pregnancy" above "The Task Force suggests that ... an increase in hydrocortisone dose
    ..."), or "" where the passage holds none above it: a short line that is no sentence,
    no list item and no lead-in."""
    at = text.find(statement[:60])
    if at < 0:
        return ""
    for line in reversed(text[:at].splitlines()):
        line = line.strip()
        if (
            line
            and line[:1].isupper()
            and len(line.split()) <= HEADING_WORDS
            and not _ENDS_SENTENCE.search(line)
            and not line.endswith((":", ";", ","))
        ):
            return line
    return ""


#: A heading line above a statement has at most this many words.
HEADING_WORDS = 12


def without_unpaired_ends(unit: str) -> str:
    """A sentence without the source's stray marks at its ends: a closing bracket whose
    opening one was left before it ("Acute back pain can last for a few days to a few
    weeks.)"), a backtick opening it, and a list's label said again after it."""
    text = unit.strip().lstrip("`").lstrip()
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip()
    label = _TRAILING_LABEL.search(text)
    if label is not None and not is_grade_only(label.group(1)):
        text = text[: label.start()]
    return text


#: One word after a sentence's end, left where a list's label was said again after its
#: item ("Many people with gout have a family history of the disease. Genetics."); not a
#: name's word after its initial ("antibiotics to kill H. pylori.", "the U.S. government.").
_TRAILING_LABEL = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)\s+([^\W\d_]+(?:-[^\W\d_]+)*\.)$")


def first_items_on_their_lines(lines: Sequence[str]) -> list[str]:
    """A list whose first item the source left on its lead-in's line ("People with panic
    disorder may have - sudden and repeated attacks of fear", the next items on lines of
    their own) gets that item on a line of its own, so the lead-in leads all of them. After
    a whole sentence the item stands on its own line without a lead-in; a grade or label
    before the dash ("D - Survivors of ...", "GCP - ...") is no lead-in, and the line stays."""
    result: list[str] = []
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if " - " in line and not _LIST_MARK.match(line) and _LIST_MARK.match(following):
            lead, item = line.rsplit(" - ", 1)
            head = lead.rstrip(" ,;")
            if len(head.split()) >= LEAD_IN_WORDS:
                ends = head.endswith((".", "!", "?", ":"))
                result += [head if ends else f"{head}:", f"- {item}"]
                continue
        result.append(line)
    return result


def _own_lines(after: str, lines: Sequence[str], at: int) -> list[str]:
    """Text the source ran into a list's item, as lines of its own to go before line `at`:
    a list it leads in on its own line ("... This happens because medicines can - change
    the way ...", then "- cause your blood vessels to constrict") has that first item on a
    line of its own too (first_items_on_their_lines)."""
    if at >= len(lines):
        return [after]
    return first_items_on_their_lines([after, lines[at]])[:-1]


#: The most words an unmarked line after a lead-in may hold to be one of its list's items.
MAX_UNMARKED_ITEM_WORDS = 20
_ENDS_IN_PUNCTUATION = re.compile(r"[.!?:;]\W*$")


def items_marked(lines: Sequence[str]) -> list[str]:
    """A list whose items the source left without marks ("Good sources of folic acid
    include:" then "Bread, pasta, and rice with added folic acid", "Beef liver", "Eggs" on
    lines of their own, none ending as a sentence does) gets them marked, so its lead-in
    leads them: two such lines or more, each short, none a labelled field ("I: Evidence
    obtained from ..."), after a lead-in of a few words (not a label: "Definitions:"). The
    list ends before a line that ends as a sentence or is marked, and before the next
    section's heading: one the next line repeats as its opening words ("Vitamin C" then
    "Vitamin C helps the body absorb iron."), one that repeats an item ("Medicines"), or
    one in title case after items that are not ("Physical Activity")."""
    result = list(lines)
    for i, line in enumerate(lines):
        if not line.rstrip().endswith(":") or _LIST_MARK.match(line):
            continue
        if len(line.split()) < LEAD_IN_WORDS:
            continue  # a field's label ("Definitions:"), not a sentence leading in a list
        end = i + 1
        said: set[str] = set()  # the items so far
        titled = True  # every item so far in title case
        while end < len(lines) and _unmarked_item(lines[end]):
            item = lines[end].strip()
            following = lines[end + 1].strip().casefold() if end + 1 < len(lines) else ""
            title = _title_cased(item)
            if (
                following.startswith(item.casefold() + " ")
                or item.casefold() in said
                or (title and not titled)
            ):
                break  # the next section's heading
            said.add(item.casefold())
            titled = titled and title
            end += 1
        if end - i - 1 >= 2:
            result[i + 1 : end] = [f"- {item.strip()}" for item in lines[i + 1 : end]]
    return result


def _unmarked_item(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= MAX_UNMARKED_ITEM_WORDS
        and not _LIST_MARK.match(line)
        and not line.lstrip().startswith("|")
        and ": " not in line
        and not _ENDS_IN_PUNCTUATION.search(line)
    )


def _runs_on_into_items(sentence: str, following: str) -> bool:
    """Whether words that end without a full stop run on into the list items on the next
    lines ("Some people will need surgery ... when they have" above "- colon cancer"): a
    lead-in of a few words, not a heading, above an item that goes on in lower case."""
    mark = _LIST_MARK.match(following)
    return (
        mark is not None
        and not mark.group(1)
        and following[mark.end() :][:1].islower()
        and not _ENDS_SENTENCE.search(sentence)
        and len(sentence.split()) >= LEAD_IN_WORDS
        and not _title_cased(sentence)
    )


def _title_cased(line: str) -> bool:
    """Two words or more, each capitalised but a title's small words: a heading's case
    (stricter than tables.title_case, which lets a fifth of the words be in lower case)."""
    words = line.split()
    return len(words) >= 2 and all(w[:1].isupper() or w in TITLE_SMALL for w in words)


def statement_units(text: str) -> list[str]:
    """The passage as units: sentences, list items with their lead-in, table rows. A
    one-word label opening a passage ("Summary : ...") and a recommendation's number opening
    a line ("Recommendation 2:", "R43(84)-r.") are the source's layout, not text."""
    lines = [
        _NUMBERED.sub("", _LABEL.sub("", line, count=1), count=1)
        for line in text.splitlines()
        if line.strip()
    ]
    lines = items_marked(first_items_on_their_lines(lines))
    units: list[str] = []
    leads: list[tuple[int, str]] = []  # (indent, text) of the list items that head nested ones
    header: list[str] | None = None  # the cells of the table's header row, when it is here
    label: str | None = None  # a short line naming what the list items after it are about
    caption = ""  # the table's own title ("Table: Suggested Scheme for ..."), when it is here
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.lstrip().startswith("|"):
            cells = table_cells(line)
            if not cells:
                continue  # the rule under a header row
            starts = i == 1 or not lines[i - 2].lstrip().startswith("|")
            if starts:
                caption = caption_of(lines[i - 2]) if i > 1 else ""
            if starts and is_header(cells):
                header = cells
                continue
            units.append(table_row(cells, header, caption))
            label = None
            continue
        header = None
        mark = _LIST_MARK.match(line)
        if mark is None:
            leads = []
            label = line.strip() if _names_a_list(line.strip()) else None
            sentences = split_sentences(line)
            announces = bool(sentences) and bool(_ANNOUNCES.search(sentences[-1]))
            if announces and not _LEADS_IN.search(sentences[-1]) and i < len(lines):
                items, following, after, _ = _gather(lines, i)
                deeper = _LIST_MARK.match(lines[following]) if following < len(lines) else None
                nested = deeper is not None and bool(deeper.group(1))  # an item's own list
                whole = all(len(split_sentences(t)) == 1 and not t.endswith(":") for t in items)
                if items and whole and not nested:
                    units += sentences[:-1]
                    units += _said_with_lead(sentences[-1], items)
                    if after:
                        lines[following:following] = _own_lines(after, lines, following)
                    i = following
                    continue
                if items:  # its items stand on their own: the announcement says nothing
                    sentences = sentences[:-1]
            # a lead-in ending in a comma has words of its own ("Before taking X,"), not a
            # connective's alone ("For example,")
            comma = bool(sentences) and sentences[-1].rstrip().endswith(",")
            short = comma and len(sentences[-1].split()) < LEAD_IN_WORDS
            more = i < len(lines)
            runs_on = bool(sentences) and more and _runs_on_into_items(sentences[-1], lines[i])
            leads_in = bool(sentences) and _LEADS_IN.search(sentences[-1]) is not None
            if (leads_in or runs_on) and not short and more:
                items, i, after, folded = _gather(lines, i, fold=True, lower=runs_on)
                head, lead = sentences[:-1], sentences[-1]
                if items:
                    units += head
                    # "... they do know ways to reduce the risk. These include: ...": the items
                    # are said with what the lead-in points back to
                    points_back = _REFERS_BACK.match(lead) and not _POINTS_TO_ITS_LIST.match(lead)
                    before = head[-1] if head and points_back else ""
                    # an item with a list of its own is said apart from the others
                    plain = [item for n, item in enumerate(items) if n not in folded]
                    if plain and apart(lead, plain):
                        units += [_as_sentence(lead), *plain]
                        plain = []
                    units += _said_with_lead(lead, plain, before) if plain else []
                    for n, own in folded.items():
                        units += _said_with_lead(_led_on(lead, items[n]), own)
                    if after:
                        # a paragraph: it may lead in the items after it
                        lines[i:i] = _own_lines(after, lines, i)
                    continue
                colon = line.rstrip().endswith(":")
                paragraphs, i = _unmarked_items(lines, i) if colon else ([], i)
                if paragraphs:
                    units += head
                    if head and _REFERS_BACK.match(lead):  # "Other tests may include:"
                        lead = f"{head[-1]} {lead}"
                    for first, *rest in paragraphs:
                        units.append(_joined(lead, [first]))
                        units += rest
                    continue
            units += sentences
            continue
        indent = len(mark.group(1).expandtabs(4))
        item = line[mark.end() :].strip()
        leads = [(d, t) for d, t in leads if d < indent]
        subject = leads[-1][1] if leads else None
        if subject is None and _NO_SUBJECT.match(item):
            # an item that opens with its verb ("Can lead to deafness, ..."): said with the label
            # it stands under ("Mumps"), else a fragment that lost its subject
            if label is None:
                continue
            subject = label
        if item.endswith(":"):
            lead = item.rstrip(":").strip()
            leads.append((indent, f"{subject}: {lead}" if subject else lead))
            continue  # a lead-in: said with each of its items
        sentences = split_sentences(item)
        if (
            len(sentences) > 1
            and len(sentences[0].split()) <= LABEL_WORDS
            and _REFERS_BACK.match(sentences[1])
        ):
            # the item's label, said with the sentence that explains it ("24-hour urinary
            # free cortisol level. In this test, ..."): no statement on its own
            sentences = [f"{sentences[0]} {sentences[1]}", *sentences[2:]]
        units += [f"{subject}: {s}" if subject else s for s in sentences]
    return [
        without_heading(_NOTE_OPENS.sub("", _INLINE_MARK.sub("", _NOTE_MARK.sub("", unit))))
        for unit in units
        if unit
    ]


#: A line that names what the list items after it are about ("Mumps", "Varicella
#: (Chickenpox)"): a few words, ending in no stop, written as a title.
_LABEL_LINE = re.compile(r"[A-Z][\w'()&/-]*(?:\s+[\w'()&/-]+){0,5}")


def _names_a_list(line: str) -> bool:
    """Whether a line is a name the list items after it stand under (_LABEL_LINE, in title
    case: "Rubella (German Measles)", not "Doctors may prescribe")."""
    return bool(_LABEL_LINE.fullmatch(line)) and title_case(line.split())


#: A list item that opens with its verb, its subject left to what it stands under ("Causes
#: fever, headache, swollen glands.", "Can lead to deafness, ...").
_NO_SUBJECT = re.compile(
    r"(?:Can|Could|May|Might|Will|Would|Must|Causes|Leads|Affects|Makes|Occurs)\s+"
    r"(?!of\b|it\b|this\b|that\b|there\b|you\b|i\b|we\b|they\b)[a-z]"  # not "Causes of ..."
)
#: A heading in capitals run into the sentence after it ("SPECIAL CONCERNS Nicotine patches
#: are okay ..."): two or more words in capitals, one of five letters or more (not a pair of
#: abbreviations: "HIV AIDS"), before a capitalised word in lower case.
_CAPITALS_HEADING = re.compile(r"^(?=[A-Z ]*[A-Z]{5})(?:[A-Z]{2,}\s+){2,6}(?=[A-Z][a-z])")


def without_heading(sentence: str) -> str:
    """A sentence without the heading the source ran into it, where it lost the line between
    them: capitalised words (and a title's small words) before a word that opens a sentence
    ("Untreated Hairy Cell Leukemia If the patient's ..."), a heading in capitals ("SPECIAL
    CONCERNS Nicotine patches ..."), or before a capitalised repeat of
    the heading's last words ("Resectable Tumors Resectable tumors can be removed by
    surgery.", "Treatment for Dry Mouth Dry mouth treatment will ...")."""
    glued = _GLUED_HEADING.match(sentence)
    if glued is None or not glued_heading(sentence[: glued.end()], sentence[glued.end() :]):
        glued = _CAPITALS_HEADING.match(sentence)
    if glued is None:
        glued = _HEADLINE.match(sentence)
        if glued is not None and len(sentence[glued.end() :].split()) < MIN_TAGGED_WORDS:
            glued = None
    if glued:
        return sentence[glued.end() :]
    words = sentence.split()
    for end in range(1, min(MAX_HEADING_WORDS, len(words) // 3) + 1):
        heading = words[:end]
        if not heading[-1][:1].isupper():
            continue
        if not all(w[:1].isupper() or w in TITLE_SMALL for w in heading):
            break
        if not words[end][:1].isupper():
            continue
        for size in range(1, end + 1):
            tail = [w.casefold() for w in heading[-size:]]
            if tail == [w.casefold().rstrip(",;:") for w in words[end : end + size]]:
                return " ".join(words[end:])
    return without_echoed_heading(words) or sentence


#: Letters of an abbreviation or a grade in capitals ("CNS", "II"), which any heading may hold.
MAX_ABBREVIATION = 4


def glued_heading(heading: str, rest: str) -> bool:
    """Whether capitalised words before a sentence's opening word are a heading run into it:
    in title case or in capitals throughout ("Types of Diabetes There are ...", "BOOSTER
    SEATS A booster seat ..."), not a phrase that mixes them ("For TASC A lesions, ..."); not
    a heading that a colon or a question mark ends further on ("What Kind of Care Does a
    Person Need When on a Ventilator? : ..."); and "A" opens a sentence only before a word
    ("Refer to Appendices A through K", "For TASC A lesions" are no headings)."""
    capitalised = [w for w in heading.split() if w not in TITLE_SMALL]
    # an abbreviation ("CNS") or a grade ("II") is in capitals in any heading
    worded = [w for w in capitalised if not (w.isupper() and len(w) <= MAX_ABBREVIATION)]
    if len({w.isupper() for w in worded if any(c.isalpha() for c in w[1:])}) > 1:
        return False
    if re.search(r"\s:|\?", rest.split(".")[0]):
        return False
    opener, _, after = rest.partition(" ")
    if opener not in {"A", "An"}:
        return True
    return len(worded) >= 2 and after.split(" ", 1)[0] not in TITLE_SMALL | {"through"}


#: The word a sentence opens with, after a heading run into it.
_OPENS_SENTENCE = re.compile(r"(?:" + _OPENERS + r"|Where|A|An)$")
#: A heading run into its sentence is said again within this many of the sentence's words.
ECHO_WORDS = 6


def without_echoed_heading(words: Sequence[str]) -> str | None:
    """The sentence after a heading in title case the source ran into it, where the sentence
    soon says the heading's last word again ("Nicotine Gum or Lozenge You can buy nicotine
    gum or lozenges ...", "Types of Hearing Loss Hearing loss comes in many forms."), or two
    of its words a little further on (echoed_apart); None where no such heading opens it. A
    name that opens its own sentence is not said again ("Type III Usher syndrome accounts
    for ...")."""
    apart = None  # the longest heading whose words are said again further on
    for end in range(2, min(MAX_HEADING_WORDS, len(words) - 4) + 1):
        heading = words[:end]
        if not all(w.isalpha() and (w[:1].isupper() or w in TITLE_SMALL) for w in heading):
            break
        if _OPENS_SENTENCE.match(heading[-1]):
            break  # the sentence starts there: "... of Pregnancy When Hodgkin lymphoma"
        if heading[0].casefold() in TITLE_SMALL:
            return None  # a sentence's own start: "In a European Soft Tissue Sarcoma Study ..."
        opener, after = words[end], words[end + 1].rstrip(",;:")  # "Special diets, ..."
        if sum(w[:1].isupper() for w in heading) < 2 or not heading[-1][:1].isupper():
            continue
        if not (opener[:1].isupper() and opener[1:].islower()):
            continue
        if not after.isalpha() or not after.islower() or after in {"and", "or"}:
            continue  # "Disorders and Stroke": a name goes on
        # its last word said again within the sentence's first words ("Stage II Rectal Cancer
        # Treatment of stage II rectal cancer ..."), not a name's other words further on
        last = set(terms(heading[-1]))
        if last and last <= set(terms(" ".join(words[end : end + ECHO_WORDS]))):
            return " ".join(words[end:])
        if echoed_apart(heading, words[end:]):
            apart = end
    return " ".join(words[apart:]) if apart is not None else None


#: Words that open a clause: a heading does not end in one ("Symptoms of Severe Alzheimers
#: As Alzheimers disease becomes more severe, ...").
_CLAUSE_OPENERS = frozenset({"As", "So", "Since", "Once", "Though", "Unless", "Until", "Whether"})


def echoed_apart(heading: Sequence[str], rest: Sequence[str]) -> bool:
    """Whether a heading in title case is run into a sentence that says two of its words
    again within its first words ("Cancer Treatments and Dry Mouth Certain cancer treatments
    can affect ...", "Research on Melanoma Treatments Other studies are exploring new
    treatment options for melanoma."): not a name that runs on in the sentence's first word
    ("Use the Daily Physical Activity Tracker to ...", "See the Current Clinical Trials
    section ..."), nor a title that goes on in title case ("Home Sleep Apnea Testing for the
    Diagnosis of Obstructive Sleep Apnea in Adults"), nor a label a colon ends."""
    if heading[-1] in _CLAUSE_OPENERS or heading[1] in {"the", "a", "an"}:
        return False
    if not rest[0].isalpha():
        return False  # "... Embolization Trial, a multicenter ...": a name, then its apposition
    further = rest[: 2 * ECHO_WORDS]
    if any(":" in w for w in rest[:ECHO_WORDS]):
        return False  # "Type of Evidence Supporting the Recommendations: ..."
    worded = [w for w in rest[1 : 2 * ECHO_WORDS] if w.isalpha() and w not in TITLE_SMALL]
    if 3 * sum(w[:1].isupper() for w in worded) > len(worded):
        return False  # the title goes on
    # the heading's own words, not an abbreviation or a numeral ("Stage II Hodgkin lymphoma")
    named = {
        t
        for w in heading
        if w not in TITLE_SMALL and not (w.isupper() and len(w) <= MAX_ABBREVIATION)
        for t in terms(w)
    }
    return len(named & set(terms(" ".join(further)))) >= 2


def _gather(
    lines: Sequence[str], i: int, fold: bool = False, lower: bool = False
) -> tuple[list[str], int, str, dict[int, list[str]]]:
    """The top-level list items that follow a lead-in sentence, from line i, and a sentence
    the source ran into the last item ("- Bad breath Hiatal hernias are common ..."). A line
    that only joins two items ("OR", "AND") keeps the list going, said with the item after
    it ("...; or Worsening course (...)"). With `fold`, an item that leads in a list of its
    own ("- For people undergoing non-dental procedures at the following sites:" then
    "  - Upper and lower gastrointestinal tract") is gathered with that list: the last value
    holds the lists of such items, by their places. With `lower`, the list ends before an
    item that opens in capitals (the words above run on into items in lower case)."""
    items: list[str] = []
    folded: dict[int, list[str]] = {}
    after = ""
    connector = ""
    while i < len(lines):
        alone = _CONNECTOR.fullmatch(lines[i].strip())
        if alone is not None and items and i + 1 < len(lines):
            following = _LIST_MARK.match(lines[i + 1])
            if following is not None and not following.group(1):
                connector = alone.group(0).lower()  # "OR" between two items: one list
                i += 1
                continue
        mark = _LIST_MARK.match(lines[i])
        if mark is None or mark.group(1):
            break
        item = lines[i][mark.end() :].strip()
        if lower and not item[:1].islower():
            break
        run_in = _RUN_IN.match(item) or _runs_on(item)
        if run_in is not None:
            item, after = run_in.group(1), run_in.group(2)
        i += 1
        if fold and item.endswith(":"):
            own, i = _nested_items(lines, i)
            if not own:
                own, i = _marked_otherwise(lines, i, _numbered(mark))
            if own:
                folded[len(items)] = own
        items.append(f"{connector} {item}" if connector else item)
        connector = ""
        if after:
            break
    if not after and len(items) > 1 and all(_one_sentence(t) for t in items[:-1]):
        # the source ran more text into the last item ("- sudden severe headache with no
        # known cause. sudden numbness ... If you observe one or more of these signs, ..."):
        # the item ends at its full stop, as the items above it do
        last = _ITEM_END.match(items[-1])
        if last is not None:
            items[-1], after = last.group(1), last.group(2)
    return items, i, after, folded


#: A list item's words and text run into it after a full stop: words in lower case, as the
#: list's items are, where no sentence opens (a sentence of the item's own, "The skin may
#: blister and scab over.", opens in capitals). Not after an abbreviation ("e.g.", "etc.").
_ITEM_END = re.compile(
    rf"^((?:\S+ ){{0,{MAX_ITEM_WORDS - 1}}}?\S*[a-z)]{{2}}(?<!\betc)(?<!\bapprox)(?<!\bincl))\."
    r" ([a-z]\S* (?:\S+ ){3,}.*)$"
)


def _runs_on(item: str) -> re.Match[str] | None:
    """An item the source ran more text into after its full stop, in lower case, where
    that text leads in a list of its own ("- lack of physical activity. high sodium intake
    ... This happens because medicines can - change the way ..."): the list ends there."""
    found = _ITEM_END.match(item)
    return found if found is not None and " - " in found.group(2) else None


def _one_sentence(item: str) -> bool:
    """Whether a list item says one sentence (or none: "sudden confusion")."""
    return len(split_sentences(item)) <= 1 and _ITEM_END.match(item) is None


def _led_on(lead: str, item: str) -> str:
    """A lead-in followed by one of its items that is a lead-in itself: "Antibiotic
    prophylaxis is not recommended: For people undergoing non-dental procedures at the
    following sites:"."""
    lead = lead.strip().rstrip(".*")
    joiner = " " if lead.endswith((":", ",")) or _DANGLING.search(lead) else ": "
    return f"{lead}{joiner}{item}"


def _nested_items(lines: Sequence[str], i: int, above: int = 0) -> tuple[list[str], int]:
    """The items of a list nested under a list item indented `above`, from line i; an item
    of it that leads in a list of its own is said with that list."""
    own: list[str] = []
    while i < len(lines):
        mark = _LIST_MARK.match(lines[i])
        depth = len(mark.group(1).expandtabs(4)) if mark is not None else 0
        if mark is None or depth <= above:
            break
        item = lines[i][mark.end() :].strip()
        i += 1
        if item.endswith(":"):
            deeper, i = _nested_items(lines, i, depth)
            if deeper:
                item = _joined(item, deeper).rstrip(".")
        own.append(item)
    return own, i


def _numbered(mark: re.Match[str]) -> bool:
    """Whether a list mark is a number ("1.") rather than a bullet ("-")."""
    return mark.group(0).strip()[:1].isdigit()


def _marked_otherwise(lines: Sequence[str], i: int, numbered: bool) -> tuple[list[str], int]:
    """The items after a list item that leads in a list of its own, from line i, where the
    source lost their indent but marks them otherwise ("6. Unresectable:" then
    "- Combination chemotherapy."): up to the next item marked as the lead-in is."""
    own: list[str] = []
    while i < len(lines):
        mark = _LIST_MARK.match(lines[i])
        if mark is None or mark.group(1) or _numbered(mark) == numbered:
            break
        own.append(lines[i][mark.end() :].strip())
        i += 1
    return own, i


def _unmarked_items(lines: Sequence[str], i: int) -> tuple[list[list[str]], int]:
    """The items a lead-in ending in a colon heads where the source gives them as
    paragraphs without list marks ("... avoid substances that make it worse, such as:",
    then "Caffeine, tobacco, and other stimulants. The effects of these ..."): each
    paragraph's sentences, its first the item. They end at a heading, a list, a table,
    another lead-in, or a paragraph that opens with a long sentence rather than an item."""
    paragraphs: list[list[str]] = []
    while i < len(lines) and len(paragraphs) < MAX_ITEMS:
        line = lines[i].strip()
        if _LIST_MARK.match(line) or line.startswith("|") or line.endswith(":"):
            break
        sentences = split_sentences(line)
        if not sentences or line[-1:] not in ".!?)" or title_case(line.split()):
            break  # a heading
        if len(sentences[0].split()) > MAX_ITEM_WORDS or _REFERS_BACK.match(sentences[0]):
            break
        paragraphs.append(sentences)
        i += 1
    return paragraphs, i


#: Words that make a sentence a recommendation of its own: "is recommended", "should
#: have", "recommend that ... be reviewed", "Offer ...".
_SAYS = re.compile(
    r"\b(?:should|must|shall|recommends?|recommended|suggests?|suggested|indicated|advised|"
    r"offer|consider|do not|avoid)\b",
    re.IGNORECASE,
)
#: One patient, as a lead-in may name them ("For a patient with suspected sepsis, ...").
_ONE_PATIENT = r"(?:patient|person|adult|child|woman|man|infant|adolescent)"
#: A lead-in that names the patients its items are for ("For children younger than 2 years
#: who have had a first febrile UTI, ..."): each item is for them.
_FOR_PATIENTS = re.compile(
    rf"^(?:for|in|among)\s+(?:[\w-]+\s+){{0,3}}?(?:{PATIENT_WORDS}|{_ONE_PATIENT}|infants|those|"
    r"adolescents)\b"
    # ... or anywhere, by what they have: "to all adults aged 40 to 75 years who have
    # diabetes", "all patients with gout"
    rf"|\b(?:{PATIENT_WORDS}|{_ONE_PATIENT}|infants|adolescents)\s+(?:with|who|aged|younger|"
    r"older|under|over)\b",
    re.IGNORECASE,
)
#: Words of a lead-in that point to its items or need them: "the following", "include",
#: "these", "one of".
_POINTS_TO_ITEMS = re.compile(
    r"\b(?:following|follows|include[sd]?|including|these|those|such as|below|listed|"
    r"(?:one|any|all|each|either|both|none) of|criteria|as)\s*:?\s*$"
    r"|\b(?:following|follows|these|below|listed)\b",
    re.IGNORECASE,
)
#: The last word of a lead-in whose sentence goes on in its items: "... who would become
#: eligible for systemic therapy ... if:".
_RUNS_ON = re.compile(
    r"\b(?:if|when|unless|where|whether|that|who|whom|which|because|than|until|while|after|"
    r"before|in|on|at|from|into|is|are|be|by|as|or|and|including|e\.g\.?|i\.e\.?)\s*$",
    re.IGNORECASE,
)
#: The fewest words of a sentence that says a thing whole, and of a lead-in that says one
#: of its own beside its items.
WHOLE_WORDS = 8
WHOLE_LEAD_WORDS = 15


def apart(lead: str, items: Sequence[str]) -> bool:
    """Whether a lead-in and its items are recommendations of their own each, said apart:
    the lead-in one that ends in a colon, neither points to its items nor runs on into them,
    and names no patients its items are for ("The guideline authors recommend that all
    Barrett's esophagus biopsies revealing any grade of dysplasia be reviewed and confirmed
    by 2 pathologists ...:"), and every item one that does not go on from it ("For patients
    with no dysplasia and a Barrett's esophagus segment <=3 cm, endoscopic surveillance is
    recommended every 5 years"). Joined, each item would carry a recommendation it does not
    make."""
    if not lead.rstrip().endswith(":"):
        return False
    body = lead.strip().rstrip(":").strip()
    if _POINTS_TO_ITEMS.search(body) or _DANGLING.search(body) or not _whole(body):
        return False
    if _FOR_PATIENTS.search(body):
        return False
    if len(body.split()) < WHOLE_LEAD_WORDS or _RUNS_ON.search(body):
        return False  # a short one announces its items: "The causes are different for each type:"
    return all(_whole(item) for item in items)


def _whole(text: str) -> bool:
    """Whether a text is a recommendation of its own: a sentence of WHOLE_WORDS or more that
    opens in capitals, says what to do (_SAYS) and does not go on from a sentence before it
    (_GOES_ON)."""
    return (
        len(text.split()) >= WHOLE_WORDS
        and text[:1].isupper()
        and _SAYS.search(text) is not None
        and not text.rstrip().endswith(":")
        and _GOES_ON.match(text) is None
    )


#: The first words of an item that goes on from its lead-in's sentence: "Who are unlikely
#: to achieve ...", "For whom tight blood glucose control poses a high risk ...".
_GOES_ON = re.compile(
    r"(?:who|whom|whose|which|that|(?:for|in|of) (?:whom|which)|if|when|unless|where|and|or|"
    r"but|because|with|without|including|especially|except|than)\b",
    re.IGNORECASE,
)


def _as_sentence(lead: str) -> str:
    """A lead-in said alone, its colon a full stop."""
    return lead.strip().rstrip(":").rstrip() + "."


def _said_with_lead(lead: str, items: Sequence[str], before: str = "") -> list[str]:
    """A lead-in said with its items: one statement, or, where that is too long to read as
    one, the lead-in with a few items in turn (PART_WORDS: "... perform a CT head scan
    within 1 hour of the risk factor being identified: GCS less than 13 on initial
    assessment in the emergency department."). Not where the lead-in asks for all of them
    together ("all of the following"): there, a part of the list says something else, and
    the whole stays one (too long to be a statement). A lead-in that points back ("These
    include") is said after the sentence it points to (`before`), which takes no room from
    the items of a part."""
    opening = f"{before} " if before else ""
    whole = opening + _joined(lead, items)
    together = _TOGETHER.search(lead) or any(_AND_AFTER.search(item) for item in items)
    if len(whole.split()) <= MAX_WORDS or together:
        return [whole]
    parts: list[tuple[str, list[str]]] = [(lead, [])]
    follows = lead  # the lead-in of the items to come
    for item in items:
        said, part = parts[-1]
        measured = [_without_lead(i) or i for i in (*part, item)]
        if part and len(_joined(said, measured).split()) > PART_WORDS:
            if _LEAD_AT_END.search(part[-1]):  # its lead-in leads the next part
                kept = _without_lead(part.pop())
                part += [kept] if kept else []
            parts.append((follows, []))
        parts[-1][1].append(item if parts[-1][1] else _CONNECTED.sub("", item))
        # after an item that leads in the items after it (the source lost their indent:
        # "... The provider may prescribe:"), they are said with its lead-in
        inner = _LEAD_AT_END.search(item)
        if inner is not None:
            follows = inner.group().strip()
    # a part ends where the source's "or" led on to the next item: "... in adults: Who do
    # not reach their target HbA1c because of significant hypoglycaemia", not "... or."
    return [
        opening + _joined(said, [*part[:-1], _OR_AFTER.sub("", part[-1])])
        for said, part in parts
        if part  # a part that held only a lead-in, now the next part's
    ]


#: A line that only joins two list items, and an item said after one.
_CONNECTOR = re.compile(r"(?:and/or|or|and)", re.IGNORECASE)
_CONNECTED = re.compile(r"^(?:and/or|or|and) ")
#: An item that leads on to the next with "or", and one that needs the next ("and"): the
#: items of the first are said apart, those of the second only together.
_OR_AFTER = re.compile(r",?\s+(?:and/)?or\s*[.;,]?\s*$", re.IGNORECASE)
_AND_AFTER = re.compile(r"\s(?:and|plus)\s*[.;,]?\s*$", re.IGNORECASE)

#: A lead-in whose items count only together.
_TOGETHER = re.compile(r"\b(?:all|each|both|every one) of\b|\ball the following\b", re.I)


#: A sentence at the end of a list item that leads in items of its own (the source's space
#: after the stop may be lost: "returns.The provider may prescribe:").
_LEAD_AT_END = re.compile(r"(?:(?<=[.!?])|^)\s*[A-Z][^.!?:]*:\s*$")


def _without_lead(item: str) -> str:
    """A list item without the lead-in it ends with ("" where it is only a lead-in)."""
    return _LEAD_AT_END.sub("", item).strip()


def _joined(lead: str, items: Sequence[str]) -> str:
    """The lead-in and its items, one statement; a lead-in that runs on into its items
    ("... may need to") reads straight into them, and so does an item that leads in the
    items after it where the source lost their indent ("Stomach ulcers may be treated with
    drug therapy such as: Proton pump inhibitor drugs ...; Histamine blocking drugs ...")."""
    lead = lead.strip().rstrip(".*")
    if not lead.endswith((":", ",")) and not _DANGLING.search(lead):
        lead += ":"
    if items and _LEAD_AT_END.search(items[-1]):
        # the last item leads in items of its own that are not here ("Radiopharmaceutical
        # therapy uses ... Radiopharmaceutical therapy includes the following:"): said
        # without them it is cut short
        items = items[:-1]
    if not items:
        return lead
    said = ""
    for item in items:
        said += ("" if not said else " " if said.endswith(":") else "; ") + item.rstrip(".;")
    return f"{lead} {said}."


def about_research(sentence: str) -> bool:
    """Whether a sentence tells what research looks into ("Researchers are studying ..."),
    not what is known or done."""
    return bool(_ABOUT_RESEARCH.search(sentence))


def who_researches(sentence: str) -> bool:
    """Whether a sentence tells who does research ("The NINDS supports research on ..."),
    not of care, nor what the research looks into."""
    return bool(_WHO_RESEARCHES.search(sentence))


#: A sentence that says a body has made recommendations elsewhere without saying what they
#: are ("The USPSTF has made a separate recommendation on screening for syphilis", "Several
#: organizations have published consensus guidelines for follow-up ...", "In 2015, the ATA
#: Task Force ... published guidelines for the management of thyroid nodules ...").
_RECOMMENDS_ELSEWHERE = re.compile(
    r"\b(?:has|have)\s+(?:also\s+)?(?:made|issued|published|developed|released)\s+"
    r"(?:(?:a|an|the|its|their|other|several|separate|related|further|additional|many|"
    r"consensus|clinical|practice|[\w-]+-based|follow-up|\w+)\s+){0,3}?"
    r"(?:recommendations?|guidelines?|guidance|statements?)\s+"
    r"(?:on|about|for|to|related to|relevant to|regarding|concerning|in)\b"
    # or "published" a document of guidance said by its body, not a possessive's or an
    # article's, nor after "with" ("The ACSM's published recommendations ... suggest
    # starting slowly ...", "in accordance with published guidelines for ..."),
    # nor recommendations, which the sentence may go on to give ("the USPSTF made similar
    # recommendations for adolescents and adults ages 15 to 65")
    r"|(?<!['’]s )(?<!\bthe )(?<!\ban )(?<!\ba )(?<!\bits )(?<!\btheir )(?<!\bthese )(?<!\bwith )"
    r"\b(?:issued|published|released)\s+(?:(?:a|an|its|their|joint|updated|new|"
    r"evidence-based|consensus|clinical|practice|position)\s+){0,3}"
    r"(?:guidelines?|guidance|(?:position|consensus|policy)\s+statements?)\s+"
    r"(?:on|about|for|regarding|concerning)\b(?![^.]*,\s+(?:stating|recommending|concluding)\b)",
    re.IGNORECASE,
)


def points_to_a_source(sentence: str) -> bool:
    """Whether a sentence tells where information is to be had ("The Genetic Testing
    Registry (GTR) provides information about ...", "... visit ClinicalTrials.gov"), or
    that a body has recommendations elsewhere without giving them, or what they rest on
    ("These guidelines are based on scientific evidence and expert panel opinion"): an
    answer only to a request for information."""
    found = _GIVES_INFORMATION.match(sentence)
    if found is not None and bool(_SOURCE_SUBJECT.search(found.group("subject"))):
        return True
    if _SENDS_TO_SITE.search(sentence):
        return True
    if _INFORMATION.search(sentence) and _A_SITE.search(sentence):
        return True  # "Information about clinical trials can be found in ... the NCI website."
    return all(_recommends_elsewhere(part) for part in split_sentences(sentence))


def _recommends_elsewhere(sentence: str) -> bool:
    """Whether a sentence only says a body has recommendations on something (not followed by
    them, after a colon), or what its recommendations rest on (_RESTS_ON)."""
    found = _RECOMMENDS_ELSEWHERE.search(sentence) or _RESTS_ON.search(sentence)
    return found is not None and ": " not in sentence[found.end() :]


#: What a body's recommendations rest on, not what they are: "These guidelines are based on
#: scientific evidence and expert panel opinion", "Pain management recommendations are
#: largely based on expert consensus ..." (not what they depend on: "Radiation dosage
#: recommendations are based on the age of the child ...").
_RESTS_ON = re.compile(
    r"\b(?:recommendations?|guidelines?|guidance)\s+(?:are|is|were|was)\s+(?:\w+\s+){0,2}?"
    r"(?:based|formulated|developed)\s+(?:on|upon)\s+(?:[\w-]+\s+){0,5}?(?:evidence|consensus|"
    r"opinion|literature|data|studies|trials?|reviews?|experience|expertise|information)\b",
    re.IGNORECASE,
)


#: The tag a source puts after a sentence: the year of a recommendation ("[2014]", "[new
#: 2015]", "[2004, amended 2016]") or its grade ("[D]", "[Level of evidence C1]").
_TAG_AFTER = re.compile(r"\s*\[[^\[\]]{1,40}\]\s*$")
#: A work cited ends with its year in brackets: "... of Type 1 Diabetes in Children (2004)".
_YEAR_AT_END = re.compile(r"\((?:19|20)\d{2}\)\.?\s*$")


#: A word that holds a digit: a code or a value.
_DIGIT = re.compile(r"\d")


def usable(sentence: str, research: bool = False) -> bool:
    """A statement a reader can use: not a heading, a question, a caption, a fragment (one
    that begins in lower case is a list item cut from its lead-in), a flowchart step, a
    form field, a pointer elsewhere, a legend of abbreviations, a table run into one line,
    or text that reads as instructions to a language model; nor what research is under way
    ("Researchers are studying ..."), unless the question asks for research (`research`)."""
    words = sentence.split()
    if len(words) < 5 or len(words) > MAX_WORDS:
        return False
    # a sentence ends before the year or grade the source tags it with ("... [2014]",
    # "... (Grade B)")
    core = _TAG_AFTER.sub("", sentence)
    bare = without_trailing_grade(core)
    if bare != core and bare.endswith((".", "!")):
        core = bare  # the grade after the full stop, not one the sentence ends with: "... (1B)."
    if core != sentence and len(core.split()) < MIN_TAGGED_WORDS:
        return False  # a label with its grade: "Do NOT initiate. (Class III: Harm)"
    end = core.rstrip()[-1:]
    if end in {":", "?"} or _ANSWERED_BARE.search(core):
        return False  # a lead-in, or a question (with or without its bare answer)
    if (
        _NOT_A_STATEMENT.match(sentence)
        or _POINTER.match(sentence)
        or _STRENGTH_SENTENCE.match(sentence)
    ):
        return False
    if _REFERENCE.match(sentence):
        return False
    if (_POINTS_AHEAD.match(sentence) or _REFERS_AHEAD.search(sentence)) and ":" not in sentence:
        return False  # what it announces is not in it: "The following tests may be used ..."
    if _ANNOUNCES_KINDS.match(sentence.strip()):
        return False  # "There are many kinds of lupus.": which, it does not say
    if _GUIDELINE_TITLE.match(sentence) and not _SAYS_SOMETHING.search(sentence):
        return False  # another guideline's title, cited
    if _DATED_WORK.match(sentence) and not _SAYS_SOMETHING.search(sentence):
        return False  # a work cited by its year and issuer
    if _ELSEWHERE.search(sentence) or who_researches(sentence):
        return False
    if about_research(sentence) and not research:
        return False
    if _FLOW.search(sentence) or is_form_field(sentence) or is_instruction_like(sentence):
        return False
    if _LEGEND.match(sentence.strip()):
        return False
    if len(_CELL_AFTER_CELL.findall(sentence)) >= RUN_IN_CELLS:
        return False  # a table run into one line
    if 2 * sum(1 for w in words if _DIGIT.search(w)) >= len(words):
        return False  # codes and values with no words around them: "T1–2, N0, M0, PSA ≥20"
    if len(words) < 12 and end not in {".", "!"}:
        return False  # a heading or a label, not a sentence
    if end not in {".", "!"} and ": " not in sentence and title_case(words):
        return False  # a caption: "Antibiotic Treatment for Lyme Disease in Children (Under 12)"
    label, _, headed = sentence.rpartition(": ")
    if (
        end not in {".", "!"}
        and ";" not in sentence
        and 0 < len(label.split()) <= HEADING_LABEL_WORDS
        and len(headed.split()) >= 5
        and title_case(headed.split())
    ):
        return False  # a heading after its label: "DM: Educate Adults with Type 1 ... Doses"
    if _YEAR_AT_END.search(sentence) and title_case(words):
        return False  # a work cited: "Type 1 Diabetes: Diagnosis and Management ... (2004)"
    if _DANGLING.search(core):
        return False  # cut short
    first = words[0].strip("\"'([")
    if first.isalpha() and first.islower():
        return False  # a list item cut from its lead-in, or the tail of a sentence
    letters = sum(ch.isalpha() for ch in sentence)
    return letters >= 0.5 * len(sentence) and not sentence.isupper()


def is_form_field(sentence: str) -> bool:
    """A "Label: value" line of a document's metadata ("Target Population: Adults ...")."""
    match = _FORM_FIELD.match(sentence)
    return match is not None and bool(_FORM_WORDS.search(match.group()))
