"""Benchmarks that need more than one process or a server: run as modules.

    python -m guidecite.benchmarks.lexical   PostgreSQL full-text search against tantivy BM25
    python -m guidecite.benchmarks.cluster   replicas behind nginx on one PostgreSQL: load, faults
    python -m guidecite.benchmarks.scale     retrieval and memory at 1M passages, both stores

Each prints medians of repeated runs, side by side with its baseline, and never installs
anything: PostgreSQL comes from the `pgserver` package, nginx from the system's package.
"""
