"""The review board's commands: `guidecite users`, `guidecite review`, `guidecite audit`
(docs/review.md)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .cli_options import backend_for, friendly_errors, home_option


@click.group()
def users() -> None:
    """Accounts of the review board: reviewers, editors and admins."""


@users.command(name="add")
@click.argument("username")
@click.option(
    "--role",
    type=click.Choice(("reviewer", "editor", "admin")),
    required=True,
    help="reviewer: takes, comments, approves; editor: also edits; admin: accounts "
    "and the audit trail.",
)
@click.option(
    "--name",
    "display_name",
    required=True,
    help="The name shown on approved articles (e.g. 'Dr Jane Doe').",
)
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    envvar="GUIDECITE_NEW_PASSWORD",
    help="Asked for when not given ($GUIDECITE_NEW_PASSWORD); 12 characters or more.",
)
@click.option(
    "--by",
    "actor",
    default="cli",
    show_default=True,
    help="Who adds the account, for the audit trail.",
)
@home_option
@friendly_errors
def users_add(
    username: str,
    role: str,
    display_name: str,
    password: str,
    actor: str,
    home: Path | None,
    database: str | None,
) -> None:
    """Add an account (its password is stored as an argon2 hash)."""
    from .accounts import Accounts

    backend = backend_for(home, database)
    try:
        accounts = Accounts(backend.accounts, backend.audit)
        user = accounts.add(username, display_name, role, password, actor)
    finally:
        backend.close()
    click.echo(f"added {user.username} ({user.role})")


@users.command(name="list")
@home_option
@friendly_errors
def users_list(home: Path | None, database: str | None) -> None:
    """List the accounts with their roles."""
    from .accounts import Accounts

    backend = backend_for(home, database)
    try:
        for user in Accounts(backend.accounts, backend.audit).list():
            click.echo(f"{user.username}\t{user.role}\t{user.display_name}")
    finally:
        backend.close()


@click.group()
def review() -> None:
    """The review workflow: submitted -> under review -> approved."""


def _board_run(home: Path | None, database: str | None, work: Callable[[Any, Any], Any]) -> Any:
    from .accounts import Accounts
    from .review import ReviewBoard

    backend = backend_for(home, database)
    try:
        board = ReviewBoard(backend.articles, backend.accounts, backend.content)
        return work(board, Accounts(backend.accounts, backend.audit))
    finally:
        backend.close()


def _acting(accounts: Any, username: str) -> Any:
    from .errors import NotSignedIn

    user = accounts.get(username)
    if user is None:
        raise NotSignedIn(f"no user {username!r}")
    return user


@review.command(name="list")
@click.option(
    "--status",
    type=click.Choice(("submitted", "under_review", "approved")),
    default=None,
    help="Only articles in this state.",
)
@home_option
@friendly_errors
def review_list(status: str | None, home: Path | None, database: str | None) -> None:
    """List articles with their review state."""
    items = _board_run(home, database, lambda board, _: board.queue(status))
    for item in items:
        note = f"\t{item.reason}" if item.reason else ""
        click.echo(f"{item.article_id}\t{item.status}\t{item.question}{note}")


@review.command(name="show")
@click.argument("article_id")
@home_option
@friendly_errors
def review_show(article_id: str, home: Path | None, database: str | None) -> None:
    """Show an article's review state, statements and comments."""
    from .review import statement_slots

    def work(board: Any, _: Any) -> None:
        state = board.state(article_id)
        click.echo(f"{state.question}\nstatus: {state.status}")
        if state.approved_by:
            click.echo(
                f"approved by {state.approved_by} on {state.approved_at} "
                f"(version {state.approved_version})"
            )
        if state.reason:
            click.echo(f"reason: {state.reason}")
        latest = board.latest_body(article_id)
        for key, statement in statement_slots(latest[2]) if latest else []:
            click.echo(f"{key}\t{statement['text']}")
        for c in board.comments(article_id):
            click.echo(f"comment on {c.statement} by {c.username}: {c.body}")

    _board_run(home, database, work)


def _transition_command(name: str, action: str, doc: str, needs_reason: bool) -> None:
    @review.command(name=name, help=doc)
    @click.argument("article_id")
    @click.option(
        "--as",
        "username",
        required=True,
        envvar="GUIDECITE_USER",
        help="The reviewer or editor making the change ($GUIDECITE_USER).",
    )
    @click.option(
        "--reason",
        required=needs_reason,
        default=None,
        help="What should change." if needs_reason else "Unused.",
    )
    @home_option
    @friendly_errors
    def command(
        article_id: str,
        username: str,
        reason: str | None,
        home: Path | None,
        database: str | None,
    ) -> None:
        state = _board_run(
            home,
            database,
            lambda board, accounts: board.apply(
                _acting(accounts, username), article_id, action, reason
            ),
        )
        click.echo(f"{article_id}: {state.status}")


_transition_command("take", "take", "Take a submitted article for review.", False)
_transition_command("approve", "approve", "Approve an article under review.", False)
_transition_command(
    "request-changes",
    "request_changes",
    "Send an article under review back to submitted, saying why.",
    True,
)


@click.group()
def audit() -> None:
    """The audit trail: check its hash chain, export it."""


@audit.command(name="verify")
@click.option(
    "--head",
    "anchor",
    default=None,
    metavar="COUNT:HASH",
    help="A head written down earlier (`audit head`, `audit export`): fail if the chain no "
    "longer holds that entry unchanged (rows deleted from its end, say).",
)
@home_option
@friendly_errors
def audit_verify(anchor: str | None, home: Path | None, database: str | None) -> None:
    """Check the hash chain of the audit trail; exit 1 if an entry was altered or removed."""
    from .audit import AuditTrail, Head

    head = Head.parse(anchor) if anchor else None
    backend = backend_for(home, database)
    try:
        check = AuditTrail(backend.audit).verify(head)
    finally:
        backend.close()
    click.echo(check.message)
    if not check.ok:
        sys.exit(1)


@audit.command(name="head")
@home_option
@friendly_errors
def audit_head(home: Path | None, database: str | None) -> None:
    """Print the chain's head, COUNT:HASH: keep it outside the store and check it later
    with `audit verify --head`."""
    from .audit import AuditTrail

    backend = backend_for(home, database)
    try:
        click.echo(str(AuditTrail(backend.audit).head()))
    finally:
        backend.close()


@audit.command(name="export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("csv", "json")),
    default="csv",
    show_default=True,
    help="Output format.",
)
@home_option
@friendly_errors
def audit_export(fmt: str, home: Path | None, database: str | None) -> None:
    """Print the whole audit trail as CSV or JSON; its head (COUNT:HASH) on stderr, to keep
    for `audit verify --head`."""
    from .audit import AuditTrail

    backend = backend_for(home, database)
    try:
        trail = AuditTrail(backend.audit)
        click.echo(trail.export(fmt), nl=False)
        click.echo(f"head {trail.head()}", err=True)
    finally:
        backend.close()
