"""Scopes: the unit in which pseudonyms are stable and reversible.

A scope is a fingerprint of the client's credential (``Authorization``, ``x-api-key`` or
``api-key``) plus the optional ``X-Sladd-Session`` header. Two clients with different keys —
or one app giving each conversation its own session id — never see each other's values.
Only the fingerprint is stored or logged, never the credential.

A request with neither a credential nor a session (a keyless Ollama client) has nothing that
tells its sender apart from any other keyless client, so it gets a random scope of its own:
tokens issued for one keyless request are never restored for another, whoever sends them.
Within one request — a chat client resends the whole history every turn — values and tokens
still match up. A keyless app that wants the same token for the same value across turns
sends ``X-Sladd-Session`` (one secret, unguessable id per conversation or per user).
A credential every client shares (Ollama's customary ``ollama`` key) is one scope for all of
them: give such clients distinct sessions too.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping

CREDENTIAL_HEADERS = ("authorization", "x-api-key", "api-key")
SESSION_HEADER = "x-sladd-session"
_SCHEMES = frozenset({"bearer", "basic"})


def _present(value: str) -> bool:
    """Whether a header value says anything (``Bearer`` with no token does not)."""
    words = value.split()
    if words and words[0].lower() in _SCHEMES:
        words = words[1:]
    return bool(words)


def scope_for(headers: Mapping[str, str]) -> str:
    """The scope for a request's headers (case-insensitive mapping); see module docstring."""
    names = (*CREDENTIAL_HEADERS, SESSION_HEADER)
    if not any(_present(headers.get(name, "")) for name in names):
        return secrets.token_hex(16)  # keyless: a scope for this request alone
    digest = hashlib.sha256(b"sladd-scope-v1")
    for name in names:
        value = headers.get(name, "")
        digest.update(b"\x00" + name.encode() + b"=" + value.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:32]
