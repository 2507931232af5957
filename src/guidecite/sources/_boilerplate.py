"""What the readers leave out: sections and lines that carry no clinical text.

`drop_boilerplate` runs on the sections of every document a reader builds. It decides by
the shape of a heading and the shape of the text under it, never by file name:

- reference lists: the sections under a heading such as "References", "Key References for
  CML" or "Bibliography" whose words are mostly in bibliographic citations (a year with an
  author list, a volume and pages, a DOI or a PubMed link). NCI PDQ summaries close nearly
  every part with one; the inline markers that point to them are already gone;
- the parts a site adds about itself: NCI PDQ's "About This PDQ Summary" (purpose,
  reviewers, levels of evidence, permission to use, disclaimer, contact) and its change log
  ("Latest Updates to This Summary (05/09/2025)", "Changes to This Summary"), whose
  "Revised text to state that ..." lines repeat what the body says, out of context;
- link lists: "To Learn More About ..." and "Related resources" parts whose lines are
  mostly short list items (titles of web pages);
- empty fields: a section that only says "None provided", "Not applicable", "Not stated"
  or "The type of evidence supporting the recommendations is not specifically stated.";
- navigation lines: a paragraph that only points elsewhere, to a site's trial search or
  to another page or section ("For more information, see the Chemotherapy section.").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from itertools import groupby

from guidecite.types import Section

#: What a form's empty field says (compared without case and final period).
EMPTY_VALUES = frozenset(
    {
        "none",
        "none provided",
        "none available",
        "none stated",
        "none specified",
        "none identified",
        "not applicable",
        "not stated",
        "not specified",
        "not provided",
        "not available",
        "n/a",
    }
)

#: One sentence saying that a summary's field has nothing to say (the Clearinghouse's words).
_EMPTY_SENTENCE = re.compile(
    r"(?:The type of (?:supporting )?evidence[\w ]{0,60}|(?:Clinical )?algorithms?)"
    r" (?:is|are|was|were) not (?:specifically )?(?:stated|provided|developed)\b[^.;]{0,40}",
    re.IGNORECASE,
)
_REFERENCE_HEADING = re.compile(
    r"\b(?:references?|bibliography|works cited|literature cited)\b", re.IGNORECASE
)
_SITE_HEADING = re.compile(
    r"^(?:About This PDQ Summary|Latest Updates to This Summary\b.*|Changes to This Summary\b.*"
    r"|Permission to Use This Summary|Disclaimer|Contact Us)$",
    re.IGNORECASE,
)
_LINKS_HEADING = re.compile(r"^(?:To Learn More About\b.*|Related Resources)$", re.IGNORECASE)
# A paragraph that only sends the reader elsewhere: to the site's trial search, or to another
# page or section ("For more information, see Childhood Mesothelioma Treatment.").
_NAVIGATION_LINE = re.compile(
    r"^(?:Use our (?:advanced )?clinical trial search\b.*"
    r"|(?:(?:For (?:more )?information|To learn more)(?: about [^.;:]{1,100})?, (?:see|visit)"
    r"|Learn more about [^.;:]{1,100} in)\b[^.;:]{1,120}\.?)$",
    re.MULTILINE,
)

_NAVIGATION_STARTS = ("Use our", "For information", "For more information", "earn more")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Marks of a citation besides its year: "et al", "29 (7): 934", ": 934-43", "pp 303", "eds.",
# "In: ", DOI, PubMed, "Available online", "accessed", ", 2011", an author ("Ries LAG, ").
_CITATION_MARK = re.compile(
    r"\bet al\b|\b\d+ ?\([^()]{1,20}\) ?: ?[A-Za-z]?\d|: ?[A-Za-z]?\d+ ?[-–] ?\d+|\bpp?\.? ?\d"
    r"|\beds?\.|\bIn: |\b(?:doi|DOI|PMID)\b|Pub[Mm]ed|PUBMED|\bAvailable (?:online|at)\b"
    r"|\b[Aa]ccessed\b|[,;.] (?:19|20)\d\d\b|^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)? [A-Z]{1,3}(?:, |: )"
)
_ITEM_MARKER = re.compile(r"^\s*(?:[-*•]|\d{1,4}[.)])\s+")
_EMPTY_SENTENCE_CHARS = 120  # longer than any text that only says it is empty
_CITATION_SHARE = 0.5  # of a reference part's words, in citation lines
_SHORT_LINE_WORDS = 8  # "Cited in:", "- Treatment of Primary CNS Lymphoma."
_LINK_TITLE_WORDS = 12  # a list item this short, with no final period, is a link title


def drop_boilerplate(sections: Sequence[Section]) -> tuple[Section, ...]:
    """The sections less reference lists, site boilerplate, link lists and empty fields."""
    kept = [section for section in map(_without_navigation, sections) if section.text]
    kept = [section for section in kept if not is_empty_value(section.text)]
    kept = [section for section in kept if not _under(section, _SITE_HEADING)]
    kept = _drop_parts(kept, _REFERENCE_HEADING, _is_reference_list)
    return tuple(_drop_parts(kept, _LINKS_HEADING, _is_link_list))


def is_empty_value(text: str) -> bool:
    """Whether a field's whole text says it is empty: "None provided", "Not applicable.",
    "The type of evidence ... is not specifically stated.", "Algorithms were not developed"."""
    if len(text) > _EMPTY_SENTENCE_CHARS:
        return False
    value = " ".join(text.split()).rstrip(".")
    return value.lower() in EMPTY_VALUES or bool(_EMPTY_SENTENCE.fullmatch(value))


def is_citation(line: str) -> bool:
    """Whether a line reads like a bibliographic citation: a year and a citation's mark."""
    body = _ITEM_MARKER.sub("", line)
    if not _YEAR.search(body):
        return False
    return "et al" in body or bool(_CITATION_MARK.search(body))


def _without_navigation(section: Section) -> Section:
    text = section.text
    if not any(start in text for start in _NAVIGATION_STARTS):  # a quick look first
        return section
    if not _NAVIGATION_LINE.search(text):
        return section
    lines = [line for line in section.text.split("\n") if not _NAVIGATION_LINE.match(line)]
    return Section(section.path, "\n".join(lines).strip("\n"))


def _under(section: Section, heading: re.Pattern[str]) -> bool:
    return any(heading.search(part) for part in section.path)


def _drop_parts(
    sections: list[Section],
    heading: re.Pattern[str],
    is_junk: Callable[[list[str]], bool],
) -> list[Section]:
    """Sections less the parts under a matching heading whose lines, together, are junk."""
    kept: list[Section] = []
    for key, run in groupby(sections, key=lambda section: _part_key(section, heading)):
        part = list(run)
        if key is None or not is_junk([line for s in part for line in _lines(s.text)]):
            kept.extend(part)
    return kept


def _part_key(section: Section, heading: re.Pattern[str]) -> tuple[str, ...] | None:
    """The path down to the first matching heading (the part a section is in), or None."""
    for depth, part in enumerate(section.path):
        if heading.search(part):
            return section.path[: depth + 1]
    return None


def _lines(text: str) -> Iterator[str]:
    return (line for line in text.split("\n") if line.strip())


def _is_reference_list(lines: list[str]) -> bool:
    """Whether citations hold most of the words, short lines such as "Cited in:" aside."""
    cited = other = 0
    for line in lines:
        words = len(line.split())
        if is_citation(line):
            cited += words
        elif words > _SHORT_LINE_WORDS:
            other += words
    return cited > 0 and cited >= _CITATION_SHARE * (cited + other)


def _is_link_list(lines: list[str]) -> bool:
    titles = sum(1 for line in lines if _is_link_title(line))
    return titles > 0 and titles * 2 >= len(lines)


def _is_link_title(line: str) -> bool:
    marker = _ITEM_MARKER.match(line)
    if marker is None:
        return False
    title = line[marker.end() :].strip()
    return len(title.split()) <= _LINK_TITLE_WORDS and not title.endswith((".", ":", ";"))
