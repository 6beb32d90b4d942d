"""Scopes: the unit in which pseudonyms are stable and reversible.

A scope is a fingerprint of the client's credential plus the optional ``X-Sladd-Session``
header. Where a provider's clients put their credential is its record's
:class:`~proxy.providers.record.Credentials`: ``Authorization``, ``x-api-key`` or ``api-key``,
other headers, or a query parameter that stands for one of them (one key gives one scope
whichever way it comes). Two clients with different keys — or one app giving each
conversation its own session id — never see each other's values. Only the fingerprint is
stored or logged, never the credential.

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
from urllib.parse import parse_qsl

from proxy.providers.record import CREDENTIAL_HEADERS, Credentials

__all__ = ["CREDENTIAL_HEADERS", "SESSION_HEADER", "scope_for"]

SESSION_HEADER = "x-sladd-session"
_SCHEMES = frozenset({"bearer", "basic"})
_DEFAULT = Credentials()


def _present(value: str) -> bool:
    """Whether a header value says anything (``Bearer`` with no token does not)."""
    words = value.split()
    if words and words[0].lower() in _SCHEMES:
        words = words[1:]
    return bool(words)


def _credential_values(
    headers: Mapping[str, str], credentials: Credentials, raw_query: str
) -> dict[str, str]:
    """Credential name -> value as sent (empty when absent). A query parameter sent once
    counts as the header it stands for when that header is absent; otherwise its values
    count under their own name (the query is split as the provider splits it: on ``&``)."""
    values = {name: headers.get(name, "") for name in credentials.headers}
    if not credentials.params or not raw_query:
        return values
    pairs = parse_qsl(raw_query, keep_blank_values=True)
    for param, header in credentials.params.items():
        sent = [value for name, value in pairs if name == param]
        if len(sent) == 1 and not _present(values.get(header, "")):
            values[header] = sent[0]
        elif sent and sent != [values.get(header)]:
            values[f"?{param}"] = "\x00".join(sent)
    return values


def scope_for(
    headers: Mapping[str, str], credentials: Credentials = _DEFAULT, raw_query: str = ""
) -> str:
    """The scope for a request's headers (case-insensitive mapping) and raw query string,
    reading the credential where ``credentials`` says; see module docstring."""
    values = _credential_values(headers, credentials, raw_query)
    values[SESSION_HEADER] = headers.get(SESSION_HEADER, "")
    if not any(_present(value) for value in values.values()):
        return secrets.token_hex(16)  # keyless: a scope for this request alone
    digest = hashlib.sha256(b"sladd-scope-v1")
    for name, value in values.items():
        digest.update(b"\x00" + name.encode() + b"=" + value.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:32]
