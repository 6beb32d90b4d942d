"""sladd's own headers on every answer to a provider request: correlation with the audit log.

``X-Sladd-Request-Id`` is the exchange's audit record id (``sladd logs show ID``, the review
page); every answer carries it — whole, streamed, and sladd's own error answers.
``X-Sladd-Findings: N`` is added when sladd replaced ``N`` findings in the request
(pseudonymised or redacted; allowed findings were not replaced, and a blocked request is
refused, so its error answer carries the id only).

The upstream's answer cannot set these: any ``X-Sladd-*`` header it sends is dropped before
sladd adds its own, so an app never reads a count or an id sladd did not write. When the
upstream allows cross-origin reads (``Access-Control-Allow-Origin``), the two names are added
to ``Access-Control-Expose-Headers`` so a browser app may read them too. Both are end-to-end
headers (never hop-by-hop), and a client's ``X-Sladd-*`` request headers are never forwarded
upstream (:mod:`proxy.http.upstream`).
"""

from __future__ import annotations

from collections.abc import Iterable

from multidict import CIMultiDict, CIMultiDictProxy

from proxy.audit.record import AuditFinding
from proxy.audit.trail import ExchangeTrail
from proxy.http.upstream import response_headers

REQUEST_ID_HEADER = "X-Sladd-Request-Id"
FINDINGS_HEADER = "X-Sladd-Findings"
REPLACED_ACTIONS = frozenset({"pseudonymised", "redacted"})
"""Finding actions (:attr:`AuditFinding.action`) that took a value out of the request."""
_EXPOSE = "Access-Control-Expose-Headers"


def replaced_count(findings: Iterable[AuditFinding]) -> int:
    """How many findings sladd replaced in the request (see :data:`REPLACED_ACTIONS`)."""
    return sum(1 for finding in findings if finding.action in REPLACED_ACTIONS)


def error_headers(request_id: str) -> dict[str, str]:
    """Headers of one of sladd's own error answers: the request id only."""
    return {REQUEST_ID_HEADER: request_id}


def answer_headers(upstream: CIMultiDictProxy[str], trail: ExchangeTrail) -> CIMultiDict[str]:
    """The upstream answer's headers as the client gets them (see module docstring)."""
    headers = response_headers(upstream)
    for spoofed in {name for name in headers if name.lower().startswith("x-sladd-")}:
        headers.popall(spoofed, None)
    headers[REQUEST_ID_HEADER] = trail.request_id
    names = [REQUEST_ID_HEADER]
    replaced = replaced_count(trail.findings)
    if replaced:
        headers[FINDINGS_HEADER] = str(replaced)
        names.append(FINDINGS_HEADER)
    if "Access-Control-Allow-Origin" in headers:
        _expose(headers, names)
    return headers


def _expose(headers: CIMultiDict[str], names: list[str]) -> None:
    """Add ``names`` to ``Access-Control-Expose-Headers`` (one header, comma-separated)."""
    listed = [part.strip() for value in headers.getall(_EXPOSE, []) for part in value.split(",")]
    listed = [part for part in listed if part]
    known = {part.lower() for part in listed}
    listed += [name for name in names if name.lower() not in known]
    headers.popall(_EXPOSE, None)
    headers[_EXPOSE] = ", ".join(listed)
