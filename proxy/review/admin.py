"""The admin token that guards the review page, its sessions, and the CSRF values it signs.

The token comes from ``SLADD_ADMIN_TOKEN`` (at least 16 characters), else from
``<data-dir>/admin.token``, created (mode 0600) at first start with 256 random bits; a token
file that group or others may access is refused. Comparisons are constant-time over digests,
so neither content nor length leaks through timing.

A browser signs in once (form POST) and then carries a session cookie: 256 random bits that
this process records, as a SHA-256 digest with its expiry, in a bounded in-memory session
table. A cookie is valid only while its session is in the table: signing out removes it (so
a copied or replayed cookie stops working at once), it expires after
:data:`SESSION_SECONDS`, and a restart — which is also how a new token takes effect — ends
every session. Forms carry a CSRF value ``HMAC(token, session)`` that a cross-site page
cannot compute.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
from collections.abc import Mapping
from pathlib import Path

from proxy.audit.crypto import AuditKeyError
from proxy.support.private_files import load_private_file
from proxy.vault.crypto import Secret

ENV_VAR = "SLADD_ADMIN_TOKEN"
TOKEN_FILE_NAME = "admin.token"  # noqa: S105 - a file name, not a password
MIN_LENGTH = 16
SESSION_SECONDS = 8 * 3600
MAX_SESSIONS = 100
"""Sessions kept at once; signing in beyond this ends the oldest session."""


class AdminTokenError(AuditKeyError):
    """The admin token cannot be loaded or is too short; the message never holds it."""


class AdminToken:
    """The admin token: check candidates, keep the review page's sessions, sign CSRF values."""

    def __init__(self, token: str, source: str) -> None:
        if len(token) < MIN_LENGTH:
            raise AdminTokenError(
                f"{source}: the admin token needs at least {MIN_LENGTH} characters"
            )
        self._secret = Secret(token.encode("utf-8"))
        self._digest = hashlib.sha256(self._secret.reveal()).digest()
        self.source = source
        """Where the token came from (``SLADD_ADMIN_TOKEN`` or the file path), for messages."""
        self._sessions: dict[str, float] = {}
        """SHA-256 of each live session's cookie value -> its expiry (Unix time), oldest
        first; never the cookie values themselves."""

    @classmethod
    def load(cls, data_dir: Path, environ: Mapping[str, str] | None = None) -> AdminToken:
        """``SLADD_ADMIN_TOKEN``, else the token file, created at first use."""
        env = os.environ if environ is None else environ
        if env.get(ENV_VAR):
            return cls(env[ENV_VAR], ENV_VAR)
        path = data_dir / TOKEN_FILE_NAME
        text = load_private_file(path, "admin token", AdminTokenError, _new_token_line)
        assert text is not None
        return cls(text.strip(), str(path))

    def matches(self, candidate: str) -> bool:
        """Whether ``candidate`` is the token (constant time)."""
        digest = hashlib.sha256(candidate.encode("utf-8", "surrogatepass")).digest()
        return hmac.compare_digest(digest, self._digest)

    def _mac(self, purpose: bytes, message: str) -> str:
        data = purpose + b"\x00" + message.encode("utf-8", "surrogatepass")
        return hmac.new(self._secret.reveal(), data, hashlib.sha256).hexdigest()

    def new_session(self, now: float | None = None) -> str:
        """A new session, recorded for :data:`SESSION_SECONDS`; its cookie value."""
        now = time.time() if now is None else now
        for key, expires in list(self._sessions.items()):
            if expires <= now or len(self._sessions) >= MAX_SESSIONS:
                del self._sessions[key]
        session = secrets.token_urlsafe(32)
        self._sessions[_session_key(session)] = now + SESSION_SECONDS
        return session

    def session_valid(self, value: str, now: float | None = None) -> bool:
        """Whether ``value`` is a session of this process that has neither expired nor ended."""
        expires = self._sessions.get(_session_key(value))
        return expires is not None and expires > (time.time() if now is None else now)

    def end_session(self, value: str) -> None:
        """End the session ``value`` (sign out): its cookie is refused from now on."""
        self._sessions.pop(_session_key(value), None)

    def csrf(self, session: str) -> str:
        """The CSRF value for forms shown in ``session`` (``""`` for HTTP Basic clients)."""
        return self._mac(b"csrf", session)

    def csrf_valid(self, session: str, value: str) -> bool:
        """Whether a submitted CSRF ``value`` belongs to ``session``."""
        return hmac.compare_digest(value.encode(), self.csrf(session).encode())

    def __repr__(self) -> str:
        return f"AdminToken(source={self.source!r})"


def _session_key(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


def _new_token_line() -> str:
    return secrets.token_urlsafe(32) + "\n"
