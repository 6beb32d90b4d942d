"""Errors sladd itself answers with, in each provider's own error shape.

Every sladd error has a type starting with ``sladd_`` so an app can tell sladd's refusals from
the provider's. Messages say what was wrong and where (JSON paths, offsets, entity types) and
never contain a value from the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ErrorShape = Literal["openai", "anthropic", "ollama"]


@dataclass(frozen=True)
class SladdError(Exception):
    """A refusal or failure to report to the client; nothing was (or will be) forwarded."""

    status: int
    type: str
    message: str

    def __str__(self) -> str:
        return f"{self.status} {self.type}: {self.message}"


def error_body(shape: ErrorShape, error: SladdError) -> dict[str, object]:
    """The JSON body of an error response in ``shape``."""
    if shape == "anthropic":
        return {"type": "error", "error": {"type": error.type, "message": error.message}}
    if shape == "ollama":
        return {"error": f"{error.type}: {error.message}"}
    return {
        "error": {"message": error.message, "type": error.type, "param": None, "code": error.type}
    }
