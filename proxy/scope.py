"""Scopes: the unit in which pseudonyms are stable and reversible.

A scope is a fingerprint of the client's credential (``Authorization``, ``x-api-key`` or
``api-key``) plus the optional ``X-Sladd-Session`` header. Two clients with different keys —
or one app giving each conversation its own session id — never see each other's values.
Only the fingerprint is stored or logged, never the credential.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

CREDENTIAL_HEADERS = ("authorization", "x-api-key", "api-key")
SESSION_HEADER = "x-sladd-session"


def scope_for(headers: Mapping[str, str]) -> str:
    """The scope fingerprint for a request's headers (case-insensitive mapping)."""
    digest = hashlib.sha256(b"sladd-scope-v1")
    for name in (*CREDENTIAL_HEADERS, SESSION_HEADER):
        value = headers.get(name, "")
        digest.update(b"\x00" + name.encode() + b"=" + value.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:32]
