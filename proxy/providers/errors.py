"""Errors of the provider adapters (kept apart so every adapter module can import them)."""

from __future__ import annotations


class UnscrubbableRequestError(ValueError):
    """A request whose content sladd cannot scan (e.g. token arrays); refused, never sent."""
