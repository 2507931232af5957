"""The benchmarks of one library on several processes as `guidecite` commands.

Each passes its arguments to the benchmark module's own parser (`--help` lists them): the
same as `python -m guidecite.benchmarks.NAME`.
"""

from __future__ import annotations

import importlib

import click

#: command name -> (module, a line for the command list, what it measures)
BENCHMARKS = {
    "bench-cluster": (
        "cluster",
        "Replicas behind nginx on one PostgreSQL: load and faults.",
        "Replicas behind nginx on one PostgreSQL library: load, a killed replica, a "
        "restarted PostgreSQL (docs/scaling.md). --help lists the options.",
    ),
    "bench-lexical": (
        "lexical",
        "PostgreSQL full-text search against tantivy BM25.",
        "PostgreSQL full-text search against tantivy BM25 on the dev sets: quality and "
        "speed (docs/scaling.md). --help lists the options.",
    ),
    "bench-scale": (
        "scale",
        "Retrieval and a replica's memory at 1M passages, both stores.",
        "Retrieval, answers and a replica's memory at up to 1M passages, PostgreSQL beside "
        "the embedded store (docs/scaling.md). --help lists the options.",
    ),
}


def _command(name: str, module: str, line: str, summary: str) -> click.Command:
    def run(args: tuple[str, ...]) -> None:
        importlib.import_module(f"guidecite.benchmarks.{module}").main(list(args))

    return click.Command(
        name,
        callback=run,
        params=[click.Argument(["args"], nargs=-1, type=click.UNPROCESSED)],
        help=summary,
        short_help=line,
        add_help_option=False,
        context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    )


COMMANDS = [_command(name, *parts) for name, parts in BENCHMARKS.items()]
