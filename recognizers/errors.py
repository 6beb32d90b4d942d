"""Errors raised while setting detection up (kept import-light for the CLI)."""

from __future__ import annotations


class RecognizerSetupError(ValueError):
    """A recognizer or model cannot be loaded; the message says which file and why."""
