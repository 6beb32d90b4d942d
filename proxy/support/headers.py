"""HTTP header names: hop-by-hop headers, and which names a client's request may never pass on."""

from __future__ import annotations

import re

HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "trailers",
        "transfer-encoding",
        "upgrade",
    }
)
REQUEST_DROP = HOP_BY_HOP | {"host", "content-length", "accept-encoding", "content-encoding"}
"""Request headers sladd never forwards, whatever a route or the operator lists."""
_HEADER_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")


def header_names_problem(names: tuple[str, ...]) -> str | None:
    """Why ``names`` cannot be ``routes.NAME.forward_headers``, or ``None`` when they can."""
    for name in names:
        lowered = name.lower()
        if not _HEADER_NAME.match(name):
            return f"{name!r} is not an HTTP header name"
        if lowered in REQUEST_DROP or lowered.startswith("x-sladd-"):
            return f"{name!r} is set or dropped by sladd itself and cannot be forwarded"
    return None
