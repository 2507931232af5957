"""The HTML pages: home, article, editorial policy, and the forms that post to them.

    GET  /                          question box, reader choice, latest articles
    POST /ask                       question, reader -> 303 to the article
    GET  /articles/{id}             the article for the remembered reader (?version=N)
    POST /articles/{id}/follow-ups  question -> 303 to the follow-up's article
    POST /articles/{id}/refresh     a new version on today's library -> 303
    POST /reader                    reader, next -> remembers the reader, 303 to next
    POST /language                  language, next -> remembers the language, 303 to next
    GET  /editorial-policy

Templates are Jinja2 with autoescape on: every text of an answer comes from guideline
documents and is escaped; a URL becomes a link only when it is plain http(s). Pages work
without JavaScript; /static/guidecite.js only adds the citation popovers.

The interface is in English or Spanish (docs/i18n.md): every template string goes through
`_()`, which reads the page's `language` (the remembered choice, or Spanish after a Spanish
question) from the template's context; the article's statements stay as quoted.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from ..articles import ArticleService, ShownArticle
from ..i18n import LANGUAGE_NAMES, N_, check_language, language_or_default, translator
from ..query import detect_language
from ..render._common import (
    issuer_and_year,
    localized,
    path_text,
    point_name,
    reference_label,
    stale_mark,
    trust_lines,
    untrusted_mark,
)
from ..review import APPROVED, SUBMITTED, UNDER_REVIEW
from ..store.articles import ArticleRecord
from ..types import INSUFFICIENT_EVIDENCE, Answer, Reference
from .api import MAX_NUMBER
from .article_view import article_view
from .auth import anonymous
from .readers import DEFAULT_READER, READER_COOKIE, READERS, check_reader, reader_or_default

router = APIRouter(include_in_schema=False)

_WEB_URL = re.compile(r"https?://[^\s\"'<>`\\\x00-\x1f\x7f]+", re.IGNORECASE)
_LOCAL_PATH = re.compile(r"/(?!/)[\w\-./?=&%]*")
LATEST_ON_HOME = 10
COOKIE_SECONDS = 365 * 24 * 3600
#: The cookie that remembers the interface language.
LANGUAGE_COOKIE = "guidecite_language"
_MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


def web_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address (so it may be a link), else None."""
    return url if url and _WEB_URL.fullmatch(url) else None


def long_date(stamp: str | None, language: str = "en") -> str:
    """ "27 January 2026" ("27 de enero de 2026") for an ISO timestamp; "" for none."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    _ = translator(language).gettext
    month = _(_MONTHS[moment.month - 1])
    return _("%(day)d %(month)s %(year)d") % {
        "day": moment.day,
        "month": month,
        "year": moment.year,
    }


@jinja2.pass_context
def _gettext(context: jinja2.runtime.Context, message: str) -> str:
    return translator(context.get("language", "en")).gettext(message)


@jinja2.pass_context
def _ngettext(context: jinja2.runtime.Context, singular: str, plural: str, n: int) -> str:
    return translator(context.get("language", "en")).ngettext(singular, plural, n)


@jinja2.pass_context
def _long_date(context: jinja2.runtime.Context, stamp: str | None) -> str:
    return long_date(stamp, context.get("language", "en"))


@jinja2.pass_context
def _trust_lines(context: jinja2.runtime.Context, answer: Answer) -> list[str]:
    return trust_lines(answer, translator(context.get("language", "en")).gettext)


@jinja2.pass_context
def _reference_label(context: jinja2.runtime.Context, number: int, answer: Answer) -> str:
    return reference_label(number, answer, translator(context.get("language", "en")).gettext)


@jinja2.pass_context
def _point_name(context: jinja2.runtime.Context, point: str) -> str:
    return point_name(point, translator(context.get("language", "en")).gettext)


@jinja2.pass_context
def _stale_mark(context: jinja2.runtime.Context, ref: Reference, answer: Answer) -> str | None:
    return stale_mark(ref, answer, translator(context.get("language", "en")).gettext)


@jinja2.pass_context
def _untrusted_mark(context: jinja2.runtime.Context, ref: Reference) -> str | None:
    return untrusted_mark(ref, translator(context.get("language", "en")).gettext)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("guidecite.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        long_date=_long_date, web_url=web_url, path_text=path_text, issuer_and_year=issuer_and_year
    )
    env.globals.update(
        readers=READERS,
        languages=LANGUAGE_NAMES,
        trust_lines=_trust_lines,
        reference_label=_reference_label,
        point_name=_point_name,
        stale_mark=_stale_mark,
        untrusted_mark=_untrusted_mark,
    )
    return env


def _page_language(request: Request) -> dict[str, Any]:
    """Every page's `language` (for `_()`, `<html lang>`) and where the switch returns to."""
    return {"language": _language(request), "here": request.url.path}


templates = Jinja2Templates(env=_environment(), context_processors=[_page_language])


def _service(request: Request) -> ArticleService:
    service: ArticleService = request.app.state.service
    return service


def _reader(request: Request) -> str:
    return reader_or_default(request.cookies.get(READER_COOKIE))


def _language(request: Request) -> str:
    return language_or_default(request.cookies.get(LANGUAGE_COOKIE))


def _remember(response: Response, reader: str, cookie: str = READER_COOKIE) -> Response:
    response.set_cookie(cookie, reader, max_age=COOKIE_SECONDS, httponly=True, samesite="lax")
    return response


def _to_article(article_id: str, reader: str | None = None) -> Response:
    response = RedirectResponse(f"/articles/{article_id}", status_code=303)
    return response if reader is None else _remember(response, reader)


@router.get("/")
def home(request: Request) -> Response:
    service = _service(request)
    return templates.TemplateResponse(
        request,
        "home.html",
        {
            "reader": _reader(request),
            "latest": service.latest(LATEST_ON_HOME, public=anonymous(request)),
            "max_chars": request.app.state.config.max_question_chars,
        },
    )


@router.post("/ask")
def ask(
    request: Request,
    question: Annotated[str, Form()],
    reader: Annotated[str, Form()] = DEFAULT_READER,
) -> Response:
    reader = check_reader(reader)
    shown = _service(request).ask(question, reader)
    response = _to_article(shown.record.article_id, reader)
    if detect_language(question) == "es":  # a Spanish question: a Spanish interface
        _remember(response, "es", LANGUAGE_COOKIE)
    return response


@router.get("/articles/{article_id}")
def article(
    request: Request,
    article_id: str,
    version: int | None = Query(None, ge=1, le=MAX_NUMBER),
    unsupported: bool = False,
) -> Response:
    service = _service(request)
    public = anonymous(request)
    if unsupported:  # asked for: the statements left out as unsupported, flagged
        shown = service.show_unsupported(article_id, _reader(request), public=public)
    else:
        shown = service.show(article_id, _reader(request), version, public=public)
    thread = service.thread(shown.record, public=public)
    context = article_context(shown, thread, _language(request))
    context["unsupported"] = unsupported
    context["max_chars"] = request.app.state.config.max_question_chars
    context["approval"] = _approval(request, shown.record.article_id)
    return templates.TemplateResponse(request, "article.html", context)


def _approval(request: Request, article_id: str) -> Any:
    """Who approved the article and when, while it is approved (docs/review.md)."""
    state = request.app.state.board.state(article_id)
    return state if state.approved_by else None


@router.post("/articles/{article_id}/follow-ups")
def follow_up(request: Request, article_id: str, question: Annotated[str, Form()]) -> Response:
    shown = _service(request).follow_up(
        article_id, question, _reader(request), public=anonymous(request)
    )
    return _to_article(shown.record.article_id)


@router.post("/articles/{article_id}/refresh")
def refresh(request: Request, article_id: str) -> Response:
    _service(request).refresh(article_id, _reader(request))
    return _to_article(article_id)


@router.post("/reader")
def choose_reader(reader: Annotated[str, Form()], next: Annotated[str, Form()] = "/") -> Response:
    target = next if _LOCAL_PATH.fullmatch(next) else "/"
    return _remember(RedirectResponse(target, status_code=303), check_reader(reader))


@router.post("/language")
def choose_language(
    language: Annotated[str, Form()], next: Annotated[str, Form()] = "/"
) -> Response:
    target = next if _LOCAL_PATH.fullmatch(next) else "/"
    response = RedirectResponse(target, status_code=303)
    return _remember(response, check_language(language), LANGUAGE_COOKIE)


@router.get("/editorial-policy")
def editorial_policy(request: Request) -> Response:
    text = request.app.state.config.policy_text()
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    title, body = (paragraphs[0], paragraphs[1:]) if paragraphs else ("Editorial policy", [])
    return templates.TemplateResponse(
        request, "policy.html", {"title": title, "paragraphs": body, "reader": _reader(request)}
    )


def error_page(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message, "reader": _reader(request)},
        status_code=status,
        headers=headers,
    )


def article_context(
    shown: ShownArticle, thread: list[ArticleRecord], language: str = "en"
) -> dict[str, Any]:
    record, answer = shown.record, localized(shown.answer, language)
    shown = replace(shown, answer=answer)
    heading = answer.title if record.parent_id is None else _sentence(record.question)
    asked = _sentence(record.question)
    return {
        "shown": shown,
        "record": record,
        "answer": answer,
        "view": article_view(answer, translator(language).gettext),
        "heading": heading,
        "asked": asked if " ".join(asked.split()) != " ".join(heading.split()) else None,
        "reader": shown.reader,
        "understood_as": record.query if record.query != record.question else None,
        "no_evidence": answer.status == INSUFFICIENT_EVIDENCE,
        "unsupported": False,  # the page asked for unsupported statements (?unsupported=1)
        "review_steps": review_steps(record),
        "approved": record.status == APPROVED,
        "thread": thread if len(thread) > 1 else [],
        "parent": next((a for a in thread if a.article_id == record.parent_id), None),
    }


def review_steps(record: ArticleRecord) -> list[dict[str, Any]]:
    """The three review steps with their dates and whether each is done or current."""
    order = [SUBMITTED, UNDER_REVIEW, APPROVED]
    reached = order.index(record.status) if record.status in order else 0
    dates = [record.submitted_at, record.review_started_at, record.approved_at]
    labels = [N_("Submitted"), N_("Under Review"), N_("Approved")]
    return [
        {
            "label": label,
            "date": dates[i] if i <= reached else None,
            "state": "done" if i < reached else "current" if i == reached else "todo",
        }
        for i, label in enumerate(labels)
    ]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
