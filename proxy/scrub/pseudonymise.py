"""Rewrite text according to policy decisions, asking the vault for stable token numbers."""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from proxy.scrub.policy import Decision
from proxy.scrub.tokens import TokenFormat, label_for
from proxy.vault.base import Vault

YIELD_EVERY = 1_000
"""Decisions applied between two turns of the event loop."""
_SEPARATORS = re.compile(r"[\s.\-/()+]")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Replacement:
    """What was done to one span of the original text (offsets index the original)."""

    entity_type: str
    start: int
    end: int
    action: str
    score: float
    recognizer: str
    replacement: str | None
    token: tuple[str, int] | None = None
    """(label, number) of the pseudonym, for pseudonymised spans."""


@dataclass(frozen=True, slots=True)
class ScrubbedText:
    """The rewritten text and every replacement made in it, in order."""

    text: str
    replacements: tuple[Replacement, ...]


def normalise_value(value: str) -> str:
    """Matching key for a value: case-folded; digits-only identifiers lose separators.

    ``010170 12345`` and ``01017012345`` share a token, as do ``Kari Nordmann`` and
    ``kari  nordmann``.
    """
    folded = unicodedata.normalize("NFC", value).casefold().strip()
    compact = _SEPARATORS.sub("", folded)
    if compact.isdigit() or (compact[:2].isalpha() and compact[2:].isdigit()):
        return compact
    return _WHITESPACE.sub(" ", folded)


def redaction_text(entity_type: str) -> str:
    """The irreversible stand-in for a redacted value."""
    return f"[REDACTED_{label_for(entity_type)}]"


class ScopeNumbers:
    """The vault's numbers for one scope, remembered for one request.

    Chat history repeats the same names and numbers in every message; each distinct value
    is asked of the vault once per request.
    """

    def __init__(self, vault: Vault, scope: str) -> None:
        self._vault = vault
        self._scope = scope
        self._known: dict[tuple[str, str], int] = {}
        self._as_written: dict[tuple[str, str], int] = {}

    async def number(self, label: str, value: str) -> int:
        """The number of ``value`` under ``label`` in this scope (created if new)."""
        number = self._as_written.get((label, value))  # the same spelling: no normalising
        if number is not None:
            return number
        key = (label, normalise_value(value))
        number = self._known.get(key)
        if number is None:
            number = await self._vault.assign(self._scope, label, key[1], value)
            self._known[key] = number
        self._as_written[(label, value)] = number
        return number


async def apply_decisions(
    text: str,
    decisions: Sequence[Decision],
    numbers: ScopeNumbers,
    token_format: TokenFormat,
) -> ScrubbedText:
    """Replace every non-``allow`` decision's span; ``block`` is pseudonymised like the rest.

    Callers that must refuse blocked requests check for ``block`` before calling this.
    """
    parts: list[str] = []
    replacements: list[Replacement] = []
    cursor = 0
    for count, decision in enumerate(sorted(decisions, key=lambda d: d.finding.start)):
        if count % YIELD_EVERY == YIELD_EVERY - 1:
            await asyncio.sleep(0)  # a text with many findings lets other requests run
        finding = decision.finding
        new_text, token = None, None
        if decision.action != "allow":
            new_text, token = await _replacement(text, decision, numbers, token_format)
            parts.append(text[cursor : finding.start])
            parts.append(new_text)
            cursor = finding.end
        replacements.append(
            Replacement(
                finding.entity_type,
                finding.start,
                finding.end,
                decision.action,
                finding.score,
                finding.recognizer,
                new_text,
                token,
            )
        )
    parts.append(text[cursor:])
    return ScrubbedText("".join(parts), tuple(replacements))


async def _replacement(
    text: str, decision: Decision, numbers: ScopeNumbers, token_format: TokenFormat
) -> tuple[str, tuple[str, int] | None]:
    finding = decision.finding
    if decision.action == "redact":
        return redaction_text(finding.entity_type), None
    label = label_for(finding.entity_type)
    number = await numbers.number(label, text[finding.start : finding.end])
    return token_format.render(label, number), (label, number)
