"""Errors sladd itself answers with (each provider writes them in its own shape:
:mod:`proxy.providers.error_shapes`).

Every sladd error has a type starting with ``sladd_`` so an app can tell sladd's refusals from
the provider's. Messages say what was wrong and where (JSON paths, offsets, entity types) and
never contain a value from the request.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SladdError(Exception):
    """A refusal or failure to report to the client; nothing was (or will be) forwarded."""

    status: int
    type: str
    message: str

    def __str__(self) -> str:
        return f"{self.status} {self.type}: {self.message}"
