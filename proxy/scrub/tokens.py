"""Pseudonym tokens: labels per entity type, rendering, and finding tokens in text.

A token is the configured format with ``{type}`` (a label such as ``PERSON`` or ``FNR``) and
``{n}`` (a number, per scope and label) filled in: ``[PERSON_1]``. Tokens are matched
case-insensitively, so ``[person_1]`` echoed by a model is still recognised.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import regex

LABELS: dict[str, str] = {
    "NO_FODSELSNUMMER": "FNR",
    "NO_DUF": "DUF",
    "NO_ORGNR": "ORGNR",
    "NO_KONTONUMMER": "KONTO",
    "NO_KID": "KID",
    "IBAN_CODE": "IBAN",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "NO_ADDRESS": "ADDRESS",
    "NO_POSTNUMMER": "POSTNR",
    "DATE_OF_BIRTH": "DOB",
    "NO_HPR": "HPR",
    "NO_LICENSE_PLATE": "PLATE",
    "NO_PASSPORT": "PASSPORT",
    "NO_JOURNALNUMMER": "JOURNAL",
    "PERSON": "PERSON",
    "LOCATION": "LOCATION",
    "HEALTH_CARE_UNIT": "CARE_UNIT",
    "DATE": "DATE",
    "AGE": "AGE",
    "ORGANIZATION": "ORG",
    "SLADD_TOKEN_LITERAL": "LITERAL",
}
LITERAL_LABEL = LABELS["SLADD_TOKEN_LITERAL"]
"""Label for token-like text a client sent itself (see :mod:`proxy.scrub.pipeline`)."""

MAX_LABEL = 32
MAX_NUMBER_DIGITS = 9


def label_for(entity_type: str) -> str:
    """The token label for an entity type; custom types drop a ``NO_`` prefix."""
    return LABELS.get(entity_type) or entity_type.removeprefix("NO_")[:MAX_LABEL]


@dataclass(frozen=True, slots=True)
class TokenMatch:
    """A token found in text: its span, label (upper-case) and number."""

    start: int
    end: int
    label: str
    number: int


class TokenFormat:
    """Renders and parses tokens for one configured format such as ``[{type}_{n}]``."""

    def __init__(self, template: str) -> None:
        self.template = template
        head, rest = template.split("{type}", 1)
        middle, tail = rest.split("{n}", 1)
        self.head, self.middle, self.tail = head, middle, tail
        label = rf"(?P<label>[A-Za-z][A-Za-z0-9_]{{0,{MAX_LABEL - 1}}}?)"
        number = rf"(?P<n>[0-9]{{1,{MAX_NUMBER_DIGITS}}})"
        body = re.escape(head) + label + re.escape(middle) + number + re.escape(tail)
        self.pattern = re.compile(body, re.IGNORECASE)
        self.max_length = len(head) + MAX_LABEL + len(middle) + MAX_NUMBER_DIGITS + len(tail)

    @functools.cached_property
    def partial(self) -> regex.Pattern[str]:
        """:attr:`pattern` for the ``regex`` module, whose ``partial=True`` matching tells
        whether more text could still complete a token."""
        return regex.compile(self.pattern.pattern, regex.IGNORECASE)

    @functools.cached_property
    def heads(self) -> frozenset[str]:
        """The characters a token can start with (its first fixed character, either case)."""
        return frozenset({self.head[0].lower(), self.head[0].upper()})

    def render(self, label: str, number: int) -> str:
        """The token text for ``label`` and ``number``."""
        return f"{self.head}{label}{self.middle}{number}{self.tail}"

    def find(self, text: str) -> list[TokenMatch]:
        """Every token in ``text``, in order."""
        return [
            TokenMatch(m.start(), m.end(), m.group("label").upper(), int(m.group("n")))
            for m in self.pattern.finditer(text)
        ]
