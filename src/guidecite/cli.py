"""The `guidecite` command: ask, ingest, status, eval, bench.

Errors become a one-line message on stderr and a non-zero exit code (2 for bad input).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from . import __version__
from .answer import Library, answer, open_library, question_key
from .errors import GuideciteError
from .ingest import ingest_paths
from .render import answer_from_dict, render
from .settings import Settings
from .types import AUDIENCES

FORMATS = ("markdown", "json", "html")


def _settings(home: Path | None) -> Settings:
    return Settings.load().with_overrides(home=home)


def friendly_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn guidecite's own errors into a clean message and exit code."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except GuideciteError as exc:
            click.echo(f"guidecite: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("guidecite: interrupted", err=True)
            sys.exit(130)

    return run


home_option = click.option(
    "--home",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder of the store (default: $GUIDECITE_HOME or the user's data folder).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="guidecite")
def main() -> None:
    """guidecite: structured, cited answers from a clinical guideline library."""


@main.command()
@click.argument("question")
@click.option("--audience", type=click.Choice(AUDIENCES), default="clinician", show_default=True,
              help="Who reads the answer; 'patient' prefers documents written for patients.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="markdown",
              show_default=True, help="Output format (JSON: see docs/answer-schema.md).")
@click.option("--fresh", is_flag=True, help="Compose anew even if a stored answer exists.")
@home_option
@friendly_errors
def ask(question: str, audience: str, fmt: str, fresh: bool, home: Path | None) -> None:
    """Answer QUESTION with a cited article from the library.

    A new, empty store is first filled with the built-in starter library (the guideline
    digests of the open-medicine package).
    """
    library = open_library(_settings(home))
    try:
        click.echo(render(cached_answer(library, question, audience, fresh), fmt))
    finally:
        library.close()


def cached_answer(library: Library, question: str, audience: str, fresh: bool) -> Any:
    """The stored answer to the same question if the library is unchanged, else a new one."""
    from .render import answer_to_dict

    key = question_key(question, audience, "extractive")
    stored = None if fresh else library.store.find_answer(key)
    if stored is not None:
        return answer_from_dict(json.loads(stored))
    result = answer(question, library, audience=audience)
    body = json.dumps(answer_to_dict(result), ensure_ascii=False)
    library.store.save_answer(key + ":" + result.created_at, key, body)
    return result


@main.command()
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(path_type=Path, exists=False))
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when stderr is a terminal).")
@home_option
@friendly_errors
def ingest(paths: tuple[Path, ...], progress: bool | None, home: Path | None) -> None:
    """Read guideline files and folders (recursively) into the library.

    Markdown with YAML front matter, HTML, PDF, JSON Lines (one document a line) and plain
    text. Unchanged documents are skipped; changed ones replace their earlier version.
    """
    library = open_library(_settings(home), starter=False)
    try:
        shown = sys.stderr.isatty() if progress is None else progress
        report = ingest_paths(library.store, list(paths), library.embedder, progress=shown)
    finally:
        library.close()
    click.echo(
        f"{report.documents} documents: {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged; {report.passages} passages in {report.seconds:.1f} s"
    )
    for error in report.errors:
        click.echo(f"skipped {error}", err=True)


@main.command()
@home_option
@friendly_errors
def status(home: Path | None) -> None:
    """Show where the library is and what it holds."""
    settings = _settings(home)
    library = open_library(settings, starter=False)
    try:
        counts = library.store.counts()
        click.echo(f"home: {settings.home}")
        click.echo(f"embedder: {settings.embedder}")
        for name, value in counts.items():
            click.echo(f"{name}: {value}")
    finally:
        library.close()


@main.command(name="eval")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--report", "report_path", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="Write the JSON report here (default: FILE.report.json).")
@home_option
@friendly_errors
def eval_command(file: Path, report_path: Path | None, home: Path | None) -> None:
    """Run a question set (the format of shared/eval) and print its figures.

    Gold documents are matched by `source`, so the library should have been ingested from
    the folder the gold paths are relative to (e.g. `guidecite ingest ../shared/corpus`).
    """
    from .evaluation import print_report, run_eval

    library = open_library(_settings(home))
    try:
        report = run_eval(file, library)
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
@click.option("--corpus", type=click.Path(path_type=Path, file_okay=False, exists=True),
              required=True, help="Library folder to ingest and resample (e.g. ../shared/corpus).")
@click.option("--sizes", default="10k,100k,1m", show_default=True,
              help="Passage counts to measure, comma-separated.")
@click.option("--questions", default=200, show_default=True, help="Queries per measurement.")
@click.option("--baseline-max", default="100k", show_default=True,
              help="Largest size at which the rank_bm25 baseline runs.")
@click.option("--work", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder for the temporary stores (default: the system temp folder).")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the JSON report here.")
@friendly_errors
def bench(corpus: Path, sizes: str, questions: int, baseline_max: str, work: Path | None,
          out: Path | None) -> None:
    """Benchmark ingest, retrieval and answer latency and memory (slow: minutes to an hour).

    Needs the bench extra for the baseline: pip install -e '.[bench]'.
    """
    from .bench import format_report, run_bench

    report = run_bench(corpus, [_size(s) for s in sizes.split(",")], questions,
                       _size(baseline_max), work)
    if out is not None:
        out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    click.echo(format_report(report))
