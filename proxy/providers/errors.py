"""Errors of the provider adapters (kept apart so every adapter module can import them)."""

from __future__ import annotations


class UnscrubbableRequestError(ValueError):
    """A request whose content sladd cannot scan (e.g. token arrays); refused, never sent."""


class InvalidShapeError(ValueError):
    """A request body that is not the provider's documented shape; refused, never sent.

    ``where`` is a JSON path (``messages[2].content``); ``expected`` says what sladd expected
    there. Neither holds a value from the request.
    """

    def __init__(self, where: str, expected: str) -> None:
        super().__init__(f"{where or 'the request body'}: expected {expected}")
        self.where = where
        self.expected = expected


class IdentifyingFieldError(ValueError):
    """A field that must reach the provider unchanged (a model id, a function name, a signed
    blob) holds something sladd found identifying; refused, never sent. ``where`` is its path."""

    def __init__(self, where: str, entity_types: list[str]) -> None:
        kinds = ", ".join(sorted(set(entity_types)))
        super().__init__(
            f"{where} holds what looks like personal data ({kinds}), and sladd cannot rewrite "
            "that field without breaking the request; remove it from that field"
        )
        self.where = where
