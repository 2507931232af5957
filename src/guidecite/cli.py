"""The `guidecite` command: ask, ingest, status, eval, serve, the benchmarks and the store's
migrations; the review board's commands (users, review, audit) are in cli_board.py.

Errors become a one-line message on stderr and a non-zero exit code (2 for bad input).
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from . import __version__
from .answer import answer
from .benchmarks.cli import COMMANDS as BENCHMARK_COMMANDS
from .cli_board import audit, review, users
from .cli_options import backend_for, friendly_errors, home_folder, home_option, settings_for
from .compose import GENERATORS
from .errors import ConfigError
from .firstrun import TerminalProgress
from .i18n import LANGUAGES
from .ingest import ingest_paths, source_events
from .library import Library, lexicon_folder, open_library, refresh_translations
from .perturb import DEFAULT_SEED, DEFAULT_SIZE, SPLITS
from .readers import DEFAULT_READER, Reader, parse_reader, parse_readers
from .render import render

FORMATS = ("markdown", "json", "html")
COMPOSERS = tuple(GENERATORS)  # extractive, openai, gguf


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="guidecite")
def main() -> None:
    """guidecite: structured, cited answers from a clinical guideline library."""


@main.command()
@click.argument("question")
@click.option(
    "--audience",
    metavar="[" + "|".join(Reader) + "]",
    default=DEFAULT_READER.value,
    show_default=True,
    help="Who reads the answer (clinician is accepted for physician): the same evidence, "
    "ordered and explained for the reader; 'patient' prefers documents for patients.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="markdown",
    show_default=True,
    help="Output format (JSON: see docs/answer-schema.md).",
)
@click.option(
    "--language",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the headings, notices and labels (default: the question's). "
    "Statements stay in the sources' language (docs/i18n.md).",
)
@click.option("--fresh", is_flag=True, help="Compose anew even if a stored answer exists.")
@click.option(
    "--composer",
    type=click.Choice(COMPOSERS),
    default="extractive",
    show_default=True,
    help="Who writes the article: sentences quoted from the passages (extractive), "
    "or a language model checked against them (openai, gguf: docs/llm.md).",
)
@click.option(
    "--show-unsupported",
    is_flag=True,
    help="Keep statements their cited passages do not support, flagged as such "
    "(default: left out). Composes anew.",
)
@click.option(
    "--max-age-years",
    type=click.IntRange(min=0),
    default=None,
    help="Flag sources older than this many years (default: $GUIDECITE_MAX_AGE_YEARS or 5).",
)
@click.option(
    "--explain",
    is_flag=True,
    help="First print how the question was read (topic, focus, intent, qualifiers, "
    "corrections), the search terms and their weights, and why each passage was chosen.",
)
@home_option
@friendly_errors
def ask(
    question: str,
    audience: str,
    fmt: str,
    language: str | None,
    fresh: bool,
    composer: str,
    show_unsupported: bool,
    max_age_years: int | None,
    explain: bool,
    home: Path | None,
    database: str | None,
) -> None:
    """Answer QUESTION with a cited article from the library.

    A new, empty store is first filled with the built-in starter library (the guideline
    digests of the open-medicine package). Every statement is checked against the passages
    it cites (docs/verification.md). The article is kept like the web app's: asked again on
    the same library, the stored one is shown (listed on the web pages too).
    """
    from .deidentify import note_removals, prepare_question
    from .freshness import flag_stale

    audience = parse_reader(audience).value
    settings = settings_for(home, database).with_overrides(max_age_years=max_age_years)
    prepared = prepare_question(question, settings.identifiers)  # before it is stored or read
    question = prepared.text
    with TerminalProgress() as progress:  # the first run builds the starter library
        library = open_library(settings, progress=progress)
    try:
        if explain:
            click.echo(explained(question, library, audience))
        if show_unsupported or fresh:
            result = answer(
                question,
                library,
                audience=audience,
                composer=composer,
                show_unsupported=show_unsupported,
            )
        else:
            result = stored_answer(library, question, audience, composer)
        if language is not None:
            result = replace(result, language=language)
        result = note_removals(result, prepared.removed)
        click.echo(render(flag_stale(result, settings.max_age_years), fmt))
    finally:
        library.close()


def explained(question: str, library: Library, audience: str) -> str:
    """How the question was read and why each passage was chosen (docs/frame.md)."""
    from .answer import find_passages, read_message
    from .audience import document_audience
    from .explain import explain

    query, crisis = read_message(question, library)
    query, hits, documents = find_passages(query, library, document_audience(audience))
    return explain(query, hits, documents, crisis)


def stored_answer(library: Library, question: str, audience: str, composer: str) -> Any:
    """The article the web app would show for the question (guidecite.articles): the stored
    one while the library is unchanged, else a new version."""
    from .articles import ArticleService

    service = ArticleService(library)
    return service.ask(question, audience, public=False, composer=composer).answer


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=False))
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: when stderr is a terminal).",
)
@click.option(
    "--spanish/--no-spanish",
    default=True,
    show_default=True,
    help="Rebuild the lexicon that lets Spanish questions find English passages.",
)
@click.option(
    "--prune",
    is_flag=True,
    help="Remove documents ingested earlier from the given folders that are no longer in "
    "them (a deleted file, a JSON Lines record gone). Without it nothing is removed.",
)
@click.option(
    "--untrusted",
    is_flag=True,
    help="Mark these documents untrusted: answers label the statements that cite them.",
)
@click.option(
    "--wait/--no-wait",
    default=True,
    show_default=True,
    help="When another ingest is running on the store, wait for it (or stop, saying so).",
)
@home_option
@friendly_errors
def ingest(
    paths: tuple[Path, ...],
    progress: bool | None,
    spanish: bool,
    prune: bool,
    untrusted: bool,
    wait: bool,
    home: Path | None,
    database: str | None,
) -> None:
    """Read guideline files and folders (recursively) into the library.

    Markdown with YAML front matter, HTML, PDF, JSON Lines (one document a line) and plain
    text. Unchanged documents are skipped; changed ones replace their earlier version.
    Nothing is removed unless --prune is given: then documents of the given folders that
    are gone from them are removed, and approved articles citing them go back to review.
    When the library changed, the lexicon for Spanish questions is rebuilt (minutes for a
    large library; --no-spanish skips it, and Spanish questions then get no translation).
    """
    from .review import ReviewBoard

    settings = settings_for(home, database)
    library = open_library(settings, starter=False)
    try:
        shown = sys.stderr.isatty() if progress is None else progress
        before = library.store.generation()
        report = ingest_paths(
            library.store,
            list(paths),
            library.embedder,
            progress=shown,
            prune=prune,
            untrusted=untrusted,
            max_bytes=settings.max_file_mb * 1024 * 1024,
            wait=wait,
            on_wait=lambda message: click.echo(message, err=True),
        )
        if report.changed or report.removed:
            backend = library.repositories()
            board = ReviewBoard(backend.articles, backend.accounts, backend.content)
            report.reopened = board.reopen_for_sources(source_events(report))
        if spanish and library.store.generation() != before:
            click.echo("building the lexicon for Spanish questions ...", err=True)
            folder = lexicon_folder(library.backend, settings.home)
            if not refresh_translations(library.store, folder):
                click.echo("the multilingual model is not installed: skipped", err=True)
    finally:
        library.close()
    click.echo(
        f"{report.documents} documents: {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged, {len(report.removed)} removed; "
        f"{report.passages} passages in {report.seconds:.1f} s"
    )
    for old, new in report.moved:
        click.echo(f"moved {old} -> {new}: its documents keep their ids", err=True)
    for error in report.errors:
        click.echo(f"skipped {error}", err=True)


@main.command()
@home_option
@friendly_errors
def status(home: Path | None, database: str | None) -> None:
    """Show where the library is and what it holds."""
    from .store.registry import redacted

    settings = settings_for(home, database)
    library = open_library(settings, starter=False)
    try:
        counts = library.store.counts()
        click.echo(f"home: {settings.home}")
        click.echo(f"database: {redacted(settings.database_url)}")
        click.echo(f"embedder: {settings.embedder}")
        for name, value in counts.items():
            click.echo(f"{name}: {value}")
        click.echo(f"articles: {library.repositories().articles.count()}")
    finally:
        library.close()


@main.command(name="eval")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the JSON report here (default: FILE.report.json).",
)
@click.option(
    "--readers",
    default=None,
    help="Ask every question once per reader, e.g. 'all' or 'nurse,patient', and "
    "report figures (readability included) per reader.",
)
@home_option
@friendly_errors
def eval_command(
    file: Path,
    report_path: Path | None,
    readers: str | None,
    home: Path | None,
    database: str | None,
) -> None:
    """Run a question set (the format of shared/eval) and print its figures.

    Gold documents are matched by `source`, so the library should have been ingested from
    the folder the gold paths are relative to (e.g. `guidecite ingest ../shared/corpus`).
    """
    from .evaluation import print_report, run_eval

    chosen = [r.value for r in parse_readers(readers)] if readers else None
    library = open_library(settings_for(home, database))
    try:
        report = run_eval(file, library, chosen)
    finally:
        library.close()
    target = report_path or file.with_suffix(".report.json")
    target.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    click.echo(print_report(report))
    click.echo(f"report written to {target}")


def _size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


@main.command()
@click.option(
    "--corpus",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    required=True,
    help="Library folder to ingest and resample (e.g. ../shared/corpus).",
)
@click.option(
    "--sizes",
    default="10k,100k,1m",
    show_default=True,
    help="Passage counts to measure, comma-separated.",
)
@click.option("--questions", default=200, show_default=True, help="Queries per measurement.")
@click.option(
    "--baseline-max",
    default="100k",
    show_default=True,
    help="Largest size at which the rank_bm25 baseline runs.",
)
@click.option(
    "--work",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder for the temporary stores (default: the system temp folder).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the JSON report here.",
)
@friendly_errors
def bench(
    corpus: Path, sizes: str, questions: int, baseline_max: str, work: Path | None, out: Path | None
) -> None:
    """Benchmark ingest, retrieval and answer latency and memory (slow: minutes to an hour).

    Needs the bench extra for the baseline: pip install -e '.[bench]'.
    """
    from .bench import format_report, run_bench

    report = run_bench(
        corpus, [_size(s) for s in sizes.split(",")], questions, _size(baseline_max), work
    )
    if out is not None:
        out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    click.echo(format_report(report))


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    envvar="GUIDECITE_HOST",
    help="Address to listen on ($GUIDECITE_HOST); 0.0.0.0 for every interface.",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    envvar="GUIDECITE_PORT",
    help="Port to listen on ($GUIDECITE_PORT).",
)
@click.option(
    "--rate-limit",
    type=float,
    default=120.0,
    show_default=True,
    envvar="GUIDECITE_RATE_LIMIT",
    help="Requests a minute per client address; 0 for no limit.",
)
@click.option(
    "--burst",
    type=int,
    default=30,
    show_default=True,
    envvar="GUIDECITE_BURST",
    help="Requests a client may make at once before the rate limit applies.",
)
@click.option(
    "--editorial-policy",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    envvar="GUIDECITE_EDITORIAL_POLICY",
    help="A text file shown as the editorial policy (default: a built-in text).",
)
@click.option(
    "--log-level",
    type=click.Choice(("critical", "error", "warning", "info", "debug")),
    default="info",
    show_default=True,
    help="How much the server logs.",
)
@home_option
@friendly_errors
def serve(
    host: str,
    port: int,
    rate_limit: float,
    burst: int,
    editorial_policy: Path | None,
    log_level: str,
    home: Path | None,
    database: str | None,
) -> None:
    """Serve the article pages and the JSON API (see docs/web.md).

    Open http://HOST:PORT/ for the question box; the API is under /api, its OpenAPI schema at
    /api/openapi.json. A new, empty store is first filled with the starter library. With
    --database (a PostgreSQL database), run several of these behind a load balancer, each
    with its own --home for its derived indexes (docs/postgresql.md).
    """
    from .web import WebConfig
    from .web.server import serve as run_server

    config = WebConfig(rate_per_minute=rate_limit, burst=burst, editorial_policy=editorial_policy)
    run_server(settings_for(home, database), config, host, port, log_level)


@main.command(name="bench-web")
@home_folder
@click.option(
    "--questions",
    "questions_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="Questions to ask: JSON Lines with a 'question' field, or one a line "
    "(default: questions made from the library's document titles).",
)
@click.option(
    "--new",
    "new_count",
    default=30,
    show_default=True,
    help="New answers to time (each a question not asked before).",
)
@click.option(
    "--stored", "stored_count", default=200, show_default=True, help="Stored article pages to time."
)
@click.option("--clients", default=20, show_default=True, help="Concurrent clients of the load.")
@click.option("--seconds", default=60.0, show_default=True, help="How long the load runs.")
@click.option(
    "--work",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder for the copy of the library the server writes to (default: temp).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the JSON report here.",
)
@friendly_errors
def bench_web(
    home: Path | None,
    questions_file: Path | None,
    new_count: int,
    stored_count: int,
    clients: int,
    seconds: float,
    work: Path | None,
    out: Path | None,
) -> None:
    """Benchmark the web app on loopback: new and stored article pages, then a load test.

    The server runs on a copy of the library (so the library itself is not written to), on
    127.0.0.1 only, with no rate limit; every loop is bounded in count and time.
    """
    from .web.bench import format_report, run_bench

    report = run_bench(
        settings_for(home).home, questions_file, new_count, stored_count, clients, seconds, work
    )
    if out is not None:
        out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    click.echo(format_report(report))


@main.command(name="verify-bench")
@home_folder
@click.option(
    "--split",
    type=click.Choice(SPLITS),
    default="test",
    show_default=True,
    help="Documents to draw sentences from: 'test', the half held out while the "
    "verifier was developed on 'dev', or 'all'.",
)
@click.option(
    "--size",
    default=DEFAULT_SIZE,
    show_default=True,
    help="Altered statements to build; as many true ones come with them.",
)
@click.option(
    "--seed",
    default=DEFAULT_SEED,
    show_default=True,
    help="Seed of the sampling: the same library and seed give the same set.",
)
@click.option(
    "--misses",
    default=0,
    show_default=True,
    help="Also print up to this many missed alterations and flagged true sentences.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the figures and every pair with its verdict here (JSON).",
)
@friendly_errors
def verify_bench(
    home: Path | None, split: str, size: int, seed: int, misses: int, out: Path | None
) -> None:
    """Measure statement verification on a perturbation set built from the library.

    True sentences of library passages, and the same sentences with one thing altered (a
    dose, an interval, a threshold, a negation, a drug or test, a population...): prints,
    per kind of alteration, how many verification catches and its precision, and how many
    true sentences it flags (docs/verification.md).
    """
    from .embedding import get_embedder
    from .perturb import format_misses, format_report, outcomes_to_dict, run_bench

    settings = settings_for(home)
    backend = backend_for(home, None)
    try:
        figures, outcomes = run_bench(
            backend.content, get_embedder(settings.embedder), split=split, size=size, seed=seed
        )
    finally:
        backend.close()
    click.echo(f"{figures['passages']} passages of the '{split}' half, seed {seed}")
    click.echo(format_report(figures))
    if misses:
        click.echo(format_misses(outcomes, misses))
    if out is not None:
        body = {"figures": figures, "pairs": outcomes_to_dict(outcomes)}
        out.write_text(json.dumps(body, indent=2, ensure_ascii=False), encoding="utf-8")


# -- the database (docs/postgresql.md) ------------------------------------------------------


@main.command()
@home_option
@friendly_errors
def migrate(home: Path | None, database: str | None) -> None:
    """Bring the store's schema up to date (numbered migrations, recorded in the store).

    Opening a store applies pending migrations too; run this before rolling out a new
    version to several replicas, so that none of them starts on an old schema.
    """
    backend = backend_for(home, database)
    try:
        applied, recorded = backend.applied, backend.migrations
    finally:
        backend.close()
    for name in applied:
        click.echo(f"applied {name}")
    click.echo(f"{len(recorded)} migrations recorded; the schema is up to date")


@main.command(name="migrate-store")
@click.option(
    "--to",
    "target",
    required=True,
    metavar="URL",
    help="The PostgreSQL database to copy the library into (postgresql://...); it must "
    "hold no library yet.",
)
@click.option(
    "--home",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder of the embedded library to copy (default: $GUIDECITE_HOME or the user's "
    "data folder).",
)
@friendly_errors
def migrate_store(target: str, home: Path | None) -> None:
    """Copy the embedded library in --home into a PostgreSQL database.

    Documents, passages with their embeddings, articles and their versions, reviews,
    accounts and the audit trail are copied as they are, in one transaction, then the
    copy's vector index is built. The library in --home is opened as usual (pending schema
    migrations are applied to it) and otherwise only read. `guidecite audit verify
    --database URL` passes on the copy.
    """
    from .store.move import copy_library
    from .store.registry import backend_scheme, redacted

    if backend_scheme(target) == "sqlite":
        raise ConfigError("--to must name a PostgreSQL database (postgresql://...)")
    counts = copy_library(settings_for(home).home, target)
    click.echo(f"copied to {redacted(target)}:")
    for table, count in counts.items():
        click.echo(f"  {table}: {count}")


for board_command in (users, review, audit):
    main.add_command(board_command)
for _benchmark in BENCHMARK_COMMANDS:  # bench-cluster, bench-lexical, bench-scale
    main.add_command(_benchmark)
