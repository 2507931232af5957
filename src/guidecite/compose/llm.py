"""The LLM composer: a language model writes the answer, the verifier decides what stays.

    composer = openai_composer(embedder, settings)   # GUIDECITE_LLM_BASE_URL, _MODEL, ...
    article = composer.compose(query, hits, documents, "clinician")

The best passages go to the model numbered 1..n, as delimited, untrusted data (`prompts`);
sentences of them that read as instructions to a model are withheld first. The reply is cut
into sentences; each must cite passages by number ([1], [1][3]); a number of no passage given
is dropped, and a sentence left citing nothing is removed. Every remaining sentence goes
through the verifier against the passages it cites, and only supported ones are kept. When
the model cannot be used (timeout, HTTP error, malformed reply), says the passages do not
answer, or none of its sentences survives, the answer is the extractive composer's, with a
notice saying so.

`ChatBackend` is the seam: `OpenAIChat` here speaks the OpenAI chat API over plain HTTP
(vLLM, Ollama, a llama.cpp server, OpenAI); `gguf.GGUFChat` runs a local model file.
"""

from __future__ import annotations

import json
import re
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http.client import HTTPException
from typing import Any, Protocol

from .. import prompts
from ..analysis import terms
from ..audience import document_audience
from ..chunking import split_sentences
from ..embedding import Embedder
from ..errors import ConfigError, GuideciteError
from ..grades import find_grade
from ..query import Query
from ..screening import is_instruction_like
from ..settings import Settings
from ..types import (
    ANSWERED,
    SUPPORTED,
    UNSUPPORTED,
    Answer,
    ArticleSection,
    Citation,
    Document,
    Hit,
    Reference,
    Statement,
    reference_for,
)
from ..verify import Verdict, verify_statement
from .extractive import ExtractiveComposer, select_passages
from .sections import ORDER, classify, kind
from .titles import title_for

#: Verdicts a generated sentence may carry and stay in the answer.
KEPT_VERDICTS = frozenset({SUPPORTED})
MAX_REPLY_BYTES = 1_000_000
MAX_REPLY_CHARS = 20_000
MAX_RANGE = 20  # [1-3] is read as 1, 2, 3; a wider range is not a citation
FALLBACK_NOTICE = "The language model's answer could not be used"

_MARKERS = re.compile(r"\[\s*(\d+(?:\s*(?:,|;|-|–)\s*\d+)*)\s*\]")
_LEADING_MARKERS = re.compile(r"^(?:\s*\[\s*\d+(?:\s*(?:,|;|-|–)\s*\d+)*\s*\])+")
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)]|#+)\s+")


class BackendError(GuideciteError):
    """The model could not be used: no reply in time, an HTTP error or a malformed reply.

    The composer turns it into the extractive answer with a notice; it never reaches a user.
    """


class ChatBackend(Protocol):
    @property
    def label(self) -> str:  # names the model in notices
        ...

    def chat(self, messages: list[dict[str, str]]) -> str: ...


# -- the OpenAI chat API over plain HTTP ----------------------------------------------------


@dataclass(frozen=True)
class OpenAIChat:
    """POST {base_url}/chat/completions, as vLLM, Ollama, llama.cpp's server and OpenAI take it."""

    base_url: str
    model: str
    api_key: str | None = field(default=None, repr=False)  # never printed
    timeout: float = 60.0
    max_tokens: int = 800

    @property
    def label(self) -> str:
        return self.model

    def chat(self, messages: list[dict[str, str]]) -> str:
        body = {
            "model": self.model,
            "messages": messages,
            "temperature": 0,
            "max_tokens": self.max_tokens,
            "stream": False,
        }
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        url = self.base_url.rstrip("/") + "/chat/completions"
        raw = post_json(url, json.dumps(body).encode("utf-8"), headers, self.timeout)
        return content_of(parse_json(raw))


def post_json(url: str, body: bytes, headers: dict[str, str], timeout: float) -> bytes:
    """The body of the server's reply, or a BackendError that says what went wrong."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    deadline = time.monotonic() + timeout
    try:
        with opener_for(url).open(request, timeout=timeout) as response:
            return read_until(response, deadline)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise BackendError(f"the model server answered HTTP {exc.code}") from exc
    except TimeoutError as exc:
        raise BackendError(f"no reply from the model server within {timeout:g} s") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise BackendError(f"no reply from the model server within {timeout:g} s") from exc
        raise BackendError(f"cannot reach the model server: {exc.reason}") from exc
    except (OSError, HTTPException) as exc:
        raise BackendError(f"the connection to the model server failed: {exc!r}") from exc


def opener_for(url: str) -> urllib.request.OpenerDirector:
    """A server on this machine is reached directly, whatever proxy the environment names."""
    host = urllib.parse.urlsplit(url).hostname or ""
    if host in {"localhost", "::1"} or host.startswith("127."):
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


def read_until(response: Any, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(65536):
        size += len(chunk)
        if size > MAX_REPLY_BYTES:
            raise BackendError(f"the model server's reply is over {MAX_REPLY_BYTES:,} bytes")
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)


def parse_json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackendError("the model server's reply is not JSON") from exc


def content_of(reply: Any) -> str:
    """The text of the first choice of an OpenAI-shaped chat completion."""
    try:
        content = reply["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError) as exc:
        raise BackendError("the model server's reply is not a chat completion") from exc
    if not isinstance(content, str) or not content.strip():
        raise BackendError("the model's reply is empty")
    return content[:MAX_REPLY_CHARS]


# -- the prompt -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Numbered:
    """A passage as the model sees it: its number, and its text without withheld sentences."""

    number: int
    hit: Hit
    source: str
    text: str
    withheld: int  # sentences that read as instructions to a model


def numbered_passages(hits: Sequence[Hit], documents: Mapping[str, Document]) -> list[Numbered]:
    numbered = []
    for number, hit in enumerate(select_passages(hits), start=1):
        doc = documents.get(hit.passage.doc_id)
        source = " > ".join((doc.title if doc else "", *hit.passage.section_path))
        text, withheld = screen(hit.passage.text)
        numbered.append(Numbered(number, hit, screen(source)[0], text, withheld))
    return numbered


def screen(text: str) -> tuple[str, int]:
    """The text without its sentences addressed to a language model, and how many there were.

    A tripwire for the plain cases ("ignore previous instructions", forged markers); the
    defence proper is the delimiting, the rules, and the verifier on what comes back.
    """
    lines = []
    withheld = 0
    for line in text.split("\n"):
        sentences = split_sentences(line) if line.strip() else []
        kept = [s for s in sentences if not is_instruction_like(s)]
        withheld += len(sentences) - len(kept)
        if kept or not sentences:
            lines.append(" ".join(kept))
    return "\n".join(lines).strip(), withheld


def build_messages(
    question: str, passages: Sequence[Numbered], audience: str, boundary: str | None = None
) -> list[dict[str, str]]:
    """The system rules and the user message holding the question and the delimited passages."""
    boundary = boundary or secrets.token_hex(8)
    blocks = "\n\n".join(
        prompts.PASSAGE.format(number=p.number, boundary=boundary, source=p.source, text=p.text)
        for p in passages
    )
    user = prompts.USER.format(
        question=question,
        count=len(passages),
        boundary=boundary,
        passages=blocks,
        cannot_answer=prompts.CANNOT_ANSWER,
    )
    system = f"{prompts.SYSTEM}\n{prompts.AUDIENCE.get(document_audience(audience), '')}".rstrip()
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


# -- the reply ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """A sentence of the model's reply with the passage numbers it cites."""

    text: str
    cited: tuple[int, ...]  # numbers of passages that were given
    invalid: tuple[int, ...]  # numbers of no passage given
    paragraph: int


def cannot_answer(reply: str) -> bool:
    """Whether the reply opens with `prompts.CANNOT_ANSWER` (case and punctuation aside)."""
    words = " ".join(re.sub(r"[^a-z ]", " ", reply.lower()).split())
    return words.startswith(prompts.CANNOT_ANSWER.lower())


def parse_reply(reply: str, count: int) -> list[Draft]:
    """The reply's sentences, each with its citations (markers before a sentence belong to
    the one before it, as in "... food. [2] Avoid ...")."""
    drafts: list[Draft] = []
    for paragraph, block in enumerate(re.split(r"\n\s*\n", reply.strip())):
        for sentence in split_sentences(block):
            lead = _LEADING_MARKERS.match(sentence)
            if lead and drafts:
                drafts[-1] = cite_more(drafts[-1], marker_numbers(lead.group()), count)
                sentence = sentence[lead.end() :]
            text = clean_sentence(_MARKERS.sub(" ", sentence))
            if text:
                drafts.append(
                    cite_more(Draft(text, (), (), paragraph), marker_numbers(sentence), count)
                )
    return drafts


def marker_numbers(text: str) -> list[int]:
    numbers: list[int] = []
    for spec in _MARKERS.findall(text):
        for part in re.split(r"\s*[,;]\s*", spec):
            low, _, high = re.sub(r"\s", "", part).replace("–", "-").partition("-")
            first, last = int(low), int(high or low)
            if 0 <= last - first < MAX_RANGE:
                numbers.extend(range(first, last + 1))
    return numbers


def cite_more(draft: Draft, numbers: Sequence[int], count: int) -> Draft:
    cited = dict.fromkeys((*draft.cited, *(n for n in numbers if 1 <= n <= count)))
    invalid = dict.fromkeys((*draft.invalid, *(n for n in numbers if not 1 <= n <= count)))
    return Draft(draft.text, tuple(cited), tuple(invalid), draft.paragraph)


def clean_sentence(text: str) -> str:
    text = _LIST_MARK.sub("", text).replace("**", "").replace("__", "")
    text = re.sub(r"\s+([.,;:!?)])", r"\1", " ".join(text.split()))
    return "" if not any(ch.isalnum() for ch in text) else text


# -- verification ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Checked:
    draft: Draft
    verdict: str
    reason: str


def check_drafts(
    drafts: Sequence[Draft], passages: Sequence[Numbered], embedder: Embedder
) -> list[Checked]:
    """Each sentence's verdict against the passages it cites (none cited: unsupported)."""
    checked = []
    for draft in drafts:
        if not draft.cited:
            wrong = ", ".join(str(n) for n in draft.invalid)
            reason = f"cites passage {wrong}, which was not given" if wrong else "cites no passage"
            checked.append(Checked(draft, UNSUPPORTED, reason))
            continue
        verdict = verify(draft.text, [passages[n - 1] for n in draft.cited], embedder)
        checked.append(Checked(draft, verdict.label, verdict.reason))
    return checked


def verify(text: str, cited: Sequence[Numbered], embedder: Embedder) -> Verdict:
    """The verifier's verdict on one sentence against the passages it cites, as the model saw
    them (withheld sentences left out), their title and headings as context."""
    return verify_statement(
        text, [p.text for p in cited], embedder, contexts=[p.source for p in cited]
    )


# -- the composer ---------------------------------------------------------------------------


class LLMComposer:
    """Writes the answer with a chat model; falls back to the extractive composer."""

    def __init__(self, backend: ChatBackend, embedder: Embedder, name: str = "openai") -> None:
        self.name = name
        self.backend = backend
        self.embedder = embedder
        self.fallback = ExtractiveComposer(declines_unspoken=False)

    def compose(
        self, query: Query, hits: Sequence[Hit], documents: Mapping[str, Document], audience: str
    ) -> Answer:
        passages = numbered_passages(hits, documents)
        withheld = sum(p.withheld for p in passages)
        if not passages:
            return self.fall_back(query, hits, documents, audience, "no passage to write from")
        try:
            reply = self.backend.chat(build_messages(query.question, passages, audience))
        except BackendError as exc:
            return self.fall_back(query, hits, documents, audience, str(exc), withheld)
        if cannot_answer(reply):
            reason = "it found no answer in the passages"
            return self.fall_back(query, hits, documents, audience, reason, withheld)
        checked = check_drafts(parse_reply(reply, len(passages)), passages, self.embedder)
        kept = [c for c in checked if c.verdict in KEPT_VERDICTS][: prompts.MAX_SENTENCES]
        if not kept:
            reason = "none of its sentences is supported by the passages it cites"
            return self.fall_back(query, hits, documents, audience, reason, withheld)
        result = article(query, kept, passages, documents, audience)
        result.dropped = len(checked) - len(kept)
        result.notice = written_notice(self.backend.label, result.dropped, withheld)
        return result

    def fall_back(
        self,
        query: Query,
        hits: Sequence[Hit],
        documents: Mapping[str, Document],
        audience: str,
        reason: str,
        withheld: int = 0,
    ) -> Answer:
        result = self.fallback.compose(query, hits, documents, audience)
        notice = (
            f"{FALLBACK_NOTICE} ({reason}); the statements below are quoted from the "
            f"guideline passages instead.{withheld_note(withheld)}"
        )
        result.notice = " ".join(filter(None, (notice, result.notice)))
        return result


def fell_back(answer: Answer) -> bool:
    """Whether an LLM composer's answer is the extractive fallback (not worth storing)."""
    return (answer.notice or "").startswith(FALLBACK_NOTICE)


def written_notice(label: str, dropped: int, withheld: int) -> str:
    notice = (
        f"Written by a language model ({label}) from the cited passages; each sentence "
        "was checked against the passages it cites."
    )
    if dropped:
        were = "sentence was" if dropped == 1 else "sentences were"
        notice += f" {dropped} of its {were} left out: the passages cited do not support them."
    return notice + withheld_note(withheld)


def withheld_note(withheld: int) -> str:
    if not withheld:
        return ""
    were = "sentence" if withheld == 1 else "sentences"
    return (
        f" {withheld} {were} of the retrieved passages read as instructions to a language "
        "model and were not shown to it."
    )


def article(
    query: Query,
    kept: Sequence[Checked],
    passages: Sequence[Numbered],
    documents: Mapping[str, Document],
    audience: str,
) -> Answer:
    references, numbers = number_references(kept, passages, documents)
    statements = [statement(c, passages, numbers) for c in kept]
    first = kept[0].draft.paragraph
    size = min(2, sum(1 for c in kept if c.draft.paragraph == first))
    return Answer(
        question=query.question,
        title=title_for(query, frozenset(terms(" ".join(s.text for s in statements)))),
        status=ANSWERED,
        audience=audience,
        bottom_line=tuple(statements[:size]),
        sections=group_sections(kept[size:], statements[size:], passages),
        references=references,
        supported_share=1.0,
    )


def number_references(
    kept: Sequence[Checked], passages: Sequence[Numbered], documents: Mapping[str, Document]
) -> tuple[tuple[Reference, ...], dict[str, int]]:
    """References numbered in order of first citation."""
    numbers: dict[str, int] = {}
    references: list[Reference] = []
    for checked in kept:
        for n in checked.draft.cited:
            doc_id = passages[n - 1].hit.passage.doc_id
            if doc_id in numbers or doc_id not in documents:
                continue
            numbers[doc_id] = len(numbers) + 1
            references.append(reference_for(documents[doc_id], numbers[doc_id]))
    return tuple(references), numbers


def statement(
    checked: Checked, passages: Sequence[Numbered], numbers: Mapping[str, int]
) -> Statement:
    cited = [passages[n - 1].hit.passage for n in checked.draft.cited]
    citations = tuple(
        Citation(numbers[p.doc_id], p.passage_id, p.text, p.section_path)
        for p in cited
        if p.doc_id in numbers
    )
    grade = find_grade(checked.draft.text)
    if grade and not any(grade.casefold() in p.text.casefold() for p in cited):
        grade = None  # a grade is shown only as a cited passage states it
    return Statement(
        checked.draft.text, citations, grade, verdict=checked.verdict, reason=checked.reason
    )


def group_sections(
    kept: Sequence[Checked], statements: Sequence[Statement], passages: Sequence[Numbered]
) -> tuple[ArticleSection, ...]:
    grouped: dict[str, list[Statement]] = {}
    for checked, item in zip(kept, statements, strict=True):
        path = passages[checked.draft.cited[0] - 1].hit.passage.section_path
        grouped.setdefault(classify(item.text, path).key, []).append(item)
    return tuple(
        ArticleSection(key, kind(key).heading, tuple(grouped[key]))
        for key in ORDER
        if key in grouped
    )


def openai_composer(embedder: Embedder, settings: Settings | None = None) -> LLMComposer:
    """The composer for GUIDECITE_LLM_BASE_URL and GUIDECITE_LLM_MODEL (docs/llm.md), from the
    settings the library was opened with (never read here)."""
    if settings is None or not settings.llm_base_url or not settings.llm_model:
        raise ConfigError(
            "the openai composer needs GUIDECITE_LLM_BASE_URL (e.g. http://localhost:8000/v1) "
            "and GUIDECITE_LLM_MODEL"
        )
    backend = OpenAIChat(
        settings.llm_base_url, settings.llm_model, settings.llm_api_key, settings.llm_timeout
    )
    return LLMComposer(backend, embedder, name="openai")
