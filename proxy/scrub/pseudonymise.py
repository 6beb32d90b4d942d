"""Rewrite text according to policy decisions, asking the vault for stable token numbers and
for the scope's date offset."""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from proxy.scrub.date_shift import scope_offset
from proxy.scrub.policy import Decision
from proxy.scrub.tokens import TokenFormat, label_for
from proxy.vault.base import Vault
from recognizers.no.date_forms import shift

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
        self._offset: int | None = None

    async def date_offset(self) -> int:
        """The scope's date offset in days, created on first use (:mod:`date_shift`)."""
        if self._offset is None:
            self._offset = await scope_offset(self._vault, self._scope, create=True)
        if self._offset is None:  # pragma: no cover - the vault just stored it
            raise RuntimeError("the vault lost the scope's date offset")
        return self._offset

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
    A ``shift`` moves a date by the scope's offset and a ``generalise`` writes the policy's
    text; a date that cannot be moved is pseudonymised (its replacement says so).

    Callers that must refuse blocked requests check for ``block`` before calling this.
    """
    parts: list[str] = []
    replacements: list[Replacement] = []
    cursor = 0
    for count, decision in enumerate(sorted(decisions, key=lambda d: d.finding.start)):
        if count % YIELD_EVERY == YIELD_EVERY - 1:
            await asyncio.sleep(0)  # a text with many findings lets other requests run
        finding = decision.finding
        new_text, token, action = None, None, decision.action
        if action != "allow":
            new_text, token, action = await _replacement(text, decision, numbers, token_format)
            parts.append(text[cursor : finding.start])
            parts.append(new_text)
            cursor = finding.end
        replacements.append(
            Replacement(
                finding.entity_type,
                finding.start,
                finding.end,
                action,
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
) -> tuple[str, tuple[str, int] | None, str]:
    """The new text, the token (if one was issued) and the action actually taken."""
    finding = decision.finding
    value = text[finding.start : finding.end]
    if decision.action == "redact":
        return redaction_text(finding.entity_type), None, "redact"
    if decision.action == "generalise" and decision.rewrite is not None:
        return decision.rewrite, None, "generalise"
    if decision.action == "shift":
        moved = shift(value, await numbers.date_offset())  # None: no day to move, or unreadable
        if moved is not None:
            return moved, None, "shift"
    label = label_for(finding.entity_type)
    number = await numbers.number(label, value)
    action = "block" if decision.action == "block" else "pseudonymise"
    return token_format.render(label, number), (label, number), action
