"""The Vault protocol every backend implements."""

from __future__ import annotations

from typing import Protocol


class VaultError(RuntimeError):
    """The vault could not answer; callers fail closed. Messages never contain values."""


class Vault(Protocol):
    """Stable, scoped, reversible pseudonym numbers.

    ``assign`` returns the same number for the same ``(scope, label, key)`` every time —
    also when two callers race on a new key — and a new number (1, 2, ...) per scope and
    label otherwise. ``key`` is the normalised value used for matching; ``value`` is what
    ``lookup`` gives back (the first spelling seen). A number issued in one scope is never
    found in another.
    """

    async def assign(self, scope: str, label: str, key: str, value: str) -> int:
        """The number for this value in this scope and label, creating it if new."""
        ...  # pragma: no cover

    async def lookup(self, scope: str, label: str, number: int) -> str | None:
        """The value behind ``label``/``number`` in ``scope``, or ``None``."""
        ...  # pragma: no cover
