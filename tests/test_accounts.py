"""Accounts: argon2 hashes, roles, sessions rotated at login, lock-out, audited."""

from __future__ import annotations

import pytest

from guidecite.accounts import MAX_FAILED_LOGINS, Accounts
from guidecite.audit import AuditTrail
from guidecite.errors import InputError, NotSignedIn
from guidecite.store.registry import Backend
from store_support import raw

PASSWORD = "correct horse battery staple"


@pytest.fixture
def accounts(backend: Backend) -> Accounts:
    accounts = Accounts(backend.accounts, backend.audit)
    accounts.add("rita", "Dr Rita Reviewer", "reviewer", PASSWORD, actor="ada")
    return accounts


def test_passwords_are_stored_as_argon2_hashes(accounts: Accounts, backend: Backend) -> None:
    stored = raw(backend, "SELECT password_hash FROM users")[0][0]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


@pytest.mark.parametrize(
    "name, role, password",
    [
        ("Rita Upper", "reviewer", PASSWORD),
        ("x'; DROP TABLE users; --", "reviewer", PASSWORD),
        ("bob", "superuser", PASSWORD),
        ("bob", "reviewer", "short"),
        ("rita", "editor", PASSWORD),
    ],
)
def test_bad_accounts_are_refused(accounts: Accounts, name: str, role: str, password: str) -> None:
    with pytest.raises(InputError):
        accounts.add(name, "Bob", role, password)
    assert [u.username for u in accounts.list()] == ["rita"]


def test_login_makes_a_new_session_and_ends_the_presented_one(
    accounts: Accounts, backend: Backend
) -> None:
    first = accounts.login("rita", PASSWORD)
    second = accounts.login("rita", PASSWORD, previous_token=first.token)
    assert second.token != first.token and second.csrf_token != first.csrf_token
    assert accounts.session(first.token) is None
    assert accounts.session(second.token).user.role == "reviewer"  # type: ignore[union-attr]
    stored = raw(backend, "SELECT token_hash FROM sessions")
    assert second.token not in {row[0] for row in stored}


def test_logout_ends_the_session(accounts: Accounts) -> None:
    session = accounts.login("rita", PASSWORD)
    accounts.logout(session.token)
    assert accounts.session(session.token) is None


def test_wrong_passwords_lock_the_account(accounts: Accounts) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(NotSignedIn):
            accounts.login("rita", "wrong password!!")
    with pytest.raises(NotSignedIn):
        accounts.login("rita", PASSWORD)  # the right password, but locked
    actions = [e.action for e in AuditTrail(accounts.trail).entries()]
    assert "login.locked" in actions and "login.ok" not in actions


def test_unknown_users_get_the_same_message(accounts: Accounts) -> None:
    with pytest.raises(NotSignedIn) as unknown:
        accounts.login("nobody", PASSWORD)
    with pytest.raises(NotSignedIn) as wrong:
        accounts.login("rita", "wrong password!!")
    assert str(unknown.value) == str(wrong.value)


def test_account_changes_and_logins_are_audited(accounts: Accounts) -> None:
    accounts.login("rita", PASSWORD)
    entries = AuditTrail(accounts.trail).entries()
    assert [(e.actor, e.action) for e in entries] == [("ada", "user.add"), ("rita", "login.ok")]


def test_a_name_with_a_nul_is_an_unknown_user_and_its_failure_is_audited(
    accounts: Accounts,
) -> None:
    with pytest.raises(NotSignedIn):
        accounts.login("ri\x00ta", PASSWORD)
    last = AuditTrail(accounts.trail).entries()[-1]
    assert (last.actor, last.action, last.target) == ("anonymous", "login.failed", "ri?ta")
    assert AuditTrail(accounts.trail).verify().ok
