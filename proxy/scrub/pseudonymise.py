"""Rewrite text according to policy decisions, asking the vault for stable token numbers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from proxy.scrub.policy import Decision
from proxy.scrub.tokens import TokenFormat, label_for
from proxy.vault.base import Vault

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


async def apply_decisions(
    text: str,
    decisions: Sequence[Decision],
    vault: Vault,
    scope: str,
    token_format: TokenFormat,
) -> ScrubbedText:
    """Replace every non-``allow`` decision's span; ``block`` is pseudonymised like the rest.

    Callers that must refuse blocked requests check for ``block`` before calling this.
    """
    parts: list[str] = []
    replacements: list[Replacement] = []
    cursor = 0
    for decision in sorted(decisions, key=lambda d: d.finding.start):
        finding = decision.finding
        new_text, token = None, None
        if decision.action != "allow":
            new_text, token = await _replacement(text, decision, vault, scope, token_format)
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
    text: str, decision: Decision, vault: Vault, scope: str, token_format: TokenFormat
) -> tuple[str, tuple[str, int] | None]:
    finding = decision.finding
    if decision.action == "redact":
        return redaction_text(finding.entity_type), None
    value = text[finding.start : finding.end]
    label = label_for(finding.entity_type)
    number = await vault.assign(scope, label, normalise_value(value), value)
    return token_format.render(label, number), (label, number)
