"""The JSON API under /api; its OpenAPI schema is served at /api/openapi.json.

    POST /api/articles                       ask: the stored article, or a new one (201)
    GET  /api/articles                       the latest articles (?limit, ?offset)
    GET  /api/articles/{id}                  one article (?reader, ?version)
    POST /api/articles/{id}/follow-ups       a follow-up read in its thread's context
    GET  /api/status                         what the library holds

An article's `answer` is the answer object of docs/answer-schema.md. Every error is
`{"error": {"code", "message"}}` (see `errors.py` for the codes).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field

from ..articles import ArticleService, ShownArticle
from ..readers import READER_NAMES, Reader, parse_reader
from ..render import answer_to_dict
from ..render._common import localized
from ..store.articles import ArticleRecord
from .auth import anonymous
from .config import MAX_QUESTION_CHARS

#: A reader's name (`guidecite.readers.Reader`); "clinician" is accepted for "physician". An
#: unknown name is a 400 `invalid_input` listing the choices, as on the page and in the CLI.
READER_HELP = f"Who the article is told for: {', '.join(Reader)} (clinician: physician)"
ReaderName = Annotated[
    str,
    Field(description=READER_HELP, examples=list(Reader), json_schema_extra={"enum": READER_NAMES}),
]
DEFAULT_READER = Reader.PHYSICIAN.value
#: The interface language of the answer (docs/i18n.md); None: the question's language.
Language = Literal["en", "es"]
LANGUAGE_HELP = "Headings, notices and labels in this language (default: the question's)"


class ErrorDetail(BaseModel):
    code: str = Field(examples=["not_found"])
    message: str


class ErrorResponse(BaseModel):
    error: ErrorDetail


_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in (
        (400, "A bad value"),
        (404, "No such article or version"),
        (413, "The request body is too large"),
        (422, "The question is empty or too long, or the body does not match the schema"),
        (429, "Too many requests from this client; see Retry-After"),
    )
}

#: The largest offset or version number asked for: beyond it a request is 422, never a
#: number SQLite cannot hold.
MAX_NUMBER = 1_000_000_000

router = APIRouter(prefix="/api", tags=["articles"], responses=_ERRORS)


class AskRequest(BaseModel):
    question: str = Field(
        min_length=1,
        max_length=MAX_QUESTION_CHARS,
        examples=["What tidal volume is recommended for adults with ARDS?"],
    )
    reader: ReaderName = DEFAULT_READER
    language: Language | None = Field(None, description=LANGUAGE_HELP)


class FollowUpRequest(BaseModel):
    question: str = Field(
        min_length=1, max_length=MAX_QUESTION_CHARS, examples=["and in children?"]
    )
    reader: ReaderName = DEFAULT_READER
    language: Language | None = Field(None, description=LANGUAGE_HELP)


class Review(BaseModel):
    status: Literal["submitted", "under_review", "approved"]
    submitted_at: str
    review_started_at: str | None
    approved_at: str | None


class ArticleSummary(BaseModel):
    id: str
    url: str = Field(description="The article page")
    api_url: str
    question: str
    parent_id: str | None
    thread_id: str
    review: Review
    created_at: str
    updated_at: str


class Article(ArticleSummary):
    understood_as: str = Field(description="The text answered: a follow-up with its context")
    version: int
    versions: list[int]
    generation: int = Field(description="The library generation the version was made on")
    stale: bool = Field(description="The library has changed since this version")
    reader: ReaderName
    audience: str = Field(description="The reader the answer was composed for")
    answer: dict[str, Any] = Field(description="The answer object (docs/answer-schema.md)")


class ArticleList(BaseModel):
    articles: list[ArticleSummary]
    total: int
    limit: int
    offset: int


class LibraryStatus(BaseModel):
    guidecite_version: str
    generation: int = Field(description="Changes whenever the library's content changes")
    documents: int
    passages: int
    articles: int


def _service(request: Request) -> ArticleService:
    service: ArticleService = request.app.state.service
    return service


@router.post(
    "/articles",
    status_code=201,
    response_model=Article,
    responses={200: {"model": Article, "description": "The stored article"}},
)
def create_article(body: AskRequest, request: Request, response: Response) -> Article:
    """Answer a question: the stored article if the library is unchanged, else a new version."""
    shown = _service(request).ask(body.question, parse_reader(body.reader).value)
    return _created(shown, response, body.language)


@router.get("/articles", response_model=ArticleList)
def list_articles(
    request: Request,
    limit: int = Query(20, ge=1, le=100),
    offset: int = Query(0, ge=0, le=MAX_NUMBER),
) -> ArticleList:
    """The latest articles, by the date of their latest version."""
    service, public = _service(request), anonymous(request)
    records = service.latest(limit, offset, public=public)
    total = service.count(public=public)
    return ArticleList(
        articles=[summary(r) for r in records], total=total, limit=limit, offset=offset
    )


@router.get("/articles/{article_id}", response_model=Article)
def get_article(
    article_id: str,
    request: Request,
    reader: Annotated[str, Query(description=READER_HELP)] = DEFAULT_READER,
    version: int | None = Query(None, ge=1, le=MAX_NUMBER),
    language: Language | None = None,
) -> Article:
    """One article for a reader: the latest version, or the version asked for."""
    reader_ = parse_reader(reader).value
    shown = _service(request).show(article_id, reader_, version, public=anonymous(request))
    return article(shown, language)


@router.post(
    "/articles/{article_id}/follow-ups",
    status_code=201,
    response_model=Article,
    responses={200: {"model": Article, "description": "The stored follow-up"}},
)
def follow_up(
    article_id: str, body: FollowUpRequest, request: Request, response: Response
) -> Article:
    """Ask a follow-up question; it is read in the context of the thread it follows."""
    reader = parse_reader(body.reader).value
    shown = _service(request).follow_up(
        article_id, body.question, reader, public=anonymous(request)
    )
    return _created(shown, response, body.language)


@router.get("/status", response_model=LibraryStatus, tags=["library"])
def library_status(request: Request) -> LibraryStatus:
    """What the library holds, and its generation."""
    return LibraryStatus.model_validate(_service(request).status())


def _created(shown: ShownArticle, response: Response, language: str | None) -> Article:
    response.status_code = 201 if shown.composed else 200
    response.headers["Location"] = f"/api/articles/{shown.record.article_id}"
    return article(shown, language)


def summary(record: ArticleRecord) -> ArticleSummary:
    return ArticleSummary(**_summary_fields(record))


def article(shown: ShownArticle, language: str | None = None) -> Article:
    """The article; its answer's interface wording in `language`, by default the one the
    answer was composed in (the question's)."""
    record = shown.record
    return Article(
        **_summary_fields(record),
        understood_as=record.query,
        version=shown.version.version,
        versions=list(shown.versions),
        generation=shown.version.generation,
        stale=shown.stale,
        reader=shown.reader,
        audience=shown.answer.audience,
        answer=answer_to_dict(localized(shown.answer, language)),
    )


def _summary_fields(record: ArticleRecord) -> dict[str, Any]:
    return {
        "id": record.article_id,
        "url": f"/articles/{record.article_id}",
        "api_url": f"/api/articles/{record.article_id}",
        "question": record.question,
        "parent_id": record.parent_id,
        "thread_id": record.thread_id,
        "review": Review(
            status=record.status,  # type: ignore[arg-type]
            submitted_at=record.submitted_at,
            review_started_at=record.review_started_at,
            approved_at=record.approved_at,
        ),
        "created_at": record.created_at,
        "updated_at": record.updated_at,
    }
