"""The audit key, scrubbed-text envelopes and the admin token."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest

from proxy.audit.crypto import (
    ENV_VAR,
    PREFIX,
    AuditCipher,
    AuditCryptoError,
    AuditKeyError,
    ScrubbedSlot,
    load_audit_cipher,
    new_key_text,
    open_scrubbed,
)
from proxy.review.admin import ENV_VAR as ADMIN_ENV
from proxy.review.admin import MAX_SESSIONS, SESSION_SECONDS, AdminToken, AdminTokenError
from proxy.review.auth import COOKIE
from proxy.vault.crypto import KEY_FILE_NAME as VAULT_KEY_FILE
from proxy.vault.crypto import Secret
from tests.proxy.review.review_app import review_app

SLOTS = (
    ScrubbedSlot("messages[0].content", "Pasient [PERSON_1] ringte."),
    ScrubbedSlot("user", "x"),
)


def cipher() -> AuditCipher:
    return AuditCipher(Secret(os.urandom(32)))


def test_seal_and_open_round_trip() -> None:
    key = cipher()
    envelope = key.seal("req-1", SLOTS)
    assert envelope.startswith(PREFIX)
    assert "PERSON" not in envelope
    assert key.open("req-1", envelope) == SLOTS
    assert key.seal("req-1", SLOTS) != envelope  # random nonce


def test_wrong_key_is_named_as_such() -> None:
    envelope = cipher().seal("req-1", SLOTS)
    with pytest.raises(AuditCryptoError, match="sealed with audit key"):
        cipher().open("req-1", envelope)


def test_tampered_or_moved_envelopes_do_not_open() -> None:
    key = cipher()
    envelope = key.seal("req-1", SLOTS)
    raw = bytearray(base64.b64decode(envelope[len(PREFIX) :]))
    raw[-1] ^= 1
    tampered = PREFIX + base64.b64encode(bytes(raw)).decode()
    with pytest.raises(AuditCryptoError, match="authentication"):
        key.open("req-1", tampered)
    with pytest.raises(AuditCryptoError, match="authentication"):
        key.open("req-2", envelope)  # AAD binds the request id
    for broken in ("plain text", PREFIX + "!!!", PREFIX + "AAAA"):
        with pytest.raises(AuditCryptoError):
            key.open("req-1", broken)


def test_key_file_created_private_only_when_asked(tmp_path: Path) -> None:
    assert load_audit_cipher(tmp_path, {}) is None
    assert not (tmp_path / "audit.key").exists()
    created = load_audit_cipher(tmp_path, {}, create=True)
    path = tmp_path / "audit.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not (tmp_path / VAULT_KEY_FILE).exists()  # separate from the vault key
    again = load_audit_cipher(tmp_path, {})
    assert created is not None
    assert again is not None
    assert again.open("r", created.seal("r", SLOTS)) == SLOTS


def test_key_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    load_audit_cipher(tmp_path, {}, create=True)
    (tmp_path / "audit.key").chmod(0o644)
    with pytest.raises(AuditKeyError, match="chmod 600"):
        load_audit_cipher(tmp_path, {})


def test_key_from_the_environment_wins(tmp_path: Path) -> None:
    text = new_key_text()
    from_env = load_audit_cipher(tmp_path, {ENV_VAR: text}, create=True)
    assert from_env is not None
    assert not (tmp_path / "audit.key").exists()
    with pytest.raises(AuditKeyError, match=ENV_VAR) as caught:
        load_audit_cipher(tmp_path, {ENV_VAR: "c2hvcnQ="})
    assert "c2hvcnQ" not in str(caught.value)


def test_non_ascii_audit_key_is_a_key_error(tmp_path: Path) -> None:
    with pytest.raises(AuditKeyError, match="exactly 32 bytes") as caught:
        load_audit_cipher(tmp_path, {ENV_VAR: "nøkkel"})
    assert "nøkkel" not in str(caught.value)


def test_key_and_token_files_are_one_line(tmp_path: Path) -> None:
    """The on-disk format other versions read: base64 / the token, then a newline."""
    load_audit_cipher(tmp_path, {}, create=True)
    AdminToken.load(tmp_path, {})
    for name in ("audit.key", "admin.token"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert text.endswith("\n")
        assert text.count("\n") == 1
    (tmp_path / "other").mkdir(mode=0o700)
    (tmp_path / "other" / "audit.key").write_text(new_key_text() + "\n", encoding="utf-8")
    (tmp_path / "other" / "audit.key").chmod(0o600)
    assert load_audit_cipher(tmp_path / "other", {}) is not None


def test_open_scrubbed_says_why_text_is_not_shown() -> None:
    key = cipher()
    envelope = key.seal("r", SLOTS)
    assert open_scrubbed("r", None, key).note.startswith("not stored")
    assert "no audit key" in open_scrubbed("r", envelope, None).note
    assert open_scrubbed("r", envelope, cipher()).slots is None
    assert open_scrubbed("r", envelope, key).slots == SLOTS


def test_admin_token_file_created_private_and_reused(tmp_path: Path) -> None:
    token = AdminToken.load(tmp_path, {})
    path = tmp_path / "admin.token"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    secret = path.read_text().strip()
    assert len(secret) >= 40
    assert token.matches(secret)
    assert AdminToken.load(tmp_path, {}).matches(secret)
    assert not token.matches(secret[:-1])
    assert not token.matches("")
    assert secret not in repr(token)


def test_admin_token_from_the_environment(tmp_path: Path) -> None:
    token = AdminToken.load(tmp_path, {ADMIN_ENV: "correct horse battery staple"})
    assert token.matches("correct horse battery staple")
    assert not (tmp_path / "admin.token").exists()
    with pytest.raises(AdminTokenError, match="at least 16") as caught:
        AdminToken.load(tmp_path, {ADMIN_ENV: "short-secret"})
    assert "short-secret" not in str(caught.value)


def test_admin_token_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    AdminToken.load(tmp_path, {})
    (tmp_path / "admin.token").chmod(0o640)
    with pytest.raises(AuditKeyError, match="chmod 600"):
        AdminToken.load(tmp_path, {})


def test_sessions_expire_and_die_with_the_token() -> None:
    token = AdminToken("a" * 32, "test")
    session = token.new_session(now=1000.0)
    assert token.session_valid(session, now=1000.0 + SESSION_SECONDS - 1)
    assert not token.session_valid(session, now=1000.0 + SESSION_SECONDS)
    assert not AdminToken("a" * 32, "test").session_valid(session, now=1000.0)  # a restart
    assert not token.session_valid(session + "0", now=1000.0)
    assert not token.session_valid("garbage", now=1000.0)


def test_ending_a_session_refuses_its_value_and_only_its_value() -> None:
    token = AdminToken("a" * 32, "test")
    one, two = token.new_session(now=1000.0), token.new_session(now=1000.0)
    token.end_session(one)
    assert not token.session_valid(one, now=1001.0)
    assert token.session_valid(two, now=1001.0)
    token.end_session(one)  # twice is harmless


def test_the_session_table_is_bounded_and_forgets_expired_sessions() -> None:
    token = AdminToken("a" * 32, "test")
    sessions = [token.new_session(now=1000.0 + n) for n in range(MAX_SESSIONS + 1)]
    assert not token.session_valid(sessions[0], now=2000.0)  # the oldest made room
    assert all(token.session_valid(s, now=2000.0) for s in sessions[1:])
    later = token.new_session(now=1000.0 + SESSION_SECONDS + MAX_SESSIONS)
    assert token.session_valid(later, now=1000.0 + SESSION_SECONDS + MAX_SESSIONS)
    assert len(token._sessions) == 1  # the expired ones were dropped
    assert all(s not in repr(token._sessions) for s in sessions)


def test_csrf_values_belong_to_their_session() -> None:
    token = AdminToken("a" * 32, "test")
    one, two = token.new_session(now=1.0), token.new_session(now=2.0)
    assert token.csrf_valid(one, token.csrf(one))
    assert not token.csrf_valid(two, token.csrf(one))
    assert not token.csrf_valid(one, "")


@pytest.mark.parametrize("cookie", ["1.éé", "9999999999.é", "1.\udcff", "١٢٣.x"])
def test_non_ascii_session_values_are_invalid_not_an_error(cookie: str) -> None:
    token = AdminToken("a" * 32, "test")
    assert not token.session_valid(cookie, now=0.0)


async def test_non_ascii_session_cookie_gets_401(tmp_path: Path) -> None:
    async with review_app(tmp_path / "data", tmp_path / "conf") as review:
        response = await review.client.get("/_sladd/review", headers={"Cookie": f"{COOKIE}=1.éé"})
        assert response.status == 401
