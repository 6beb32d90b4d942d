"""Rewrite text according to policy decisions with presidio-anonymizer's operators, asking the
vault for stable token numbers, the scope's date offset and its hash salt."""

from __future__ import annotations

import asyncio
import re
import secrets
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from presidio_anonymizer.entities import OperatorConfig

from proxy.scrub.date_shift import scope_offset
from proxy.scrub.operators import (
    MASK,
    Span,
    can_shift,
    generalise_config,
    hash_config,
    pseudonym_config,
    redact_config,
    rewrite,
    shift_config,
)
from proxy.scrub.policy import Decision, canonical_action
from proxy.scrub.tokens import TokenFormat, label_for
from proxy.vault.base import Vault

YIELD_EVERY = 1_000
"""Decisions resolved, or rewritten by one :func:`~proxy.scrub.operators.rewrite` pass,
between two turns of the event loop."""
CHUNK_CHARS = 65_536
"""The longest stretch of text one rewrite pass takes before the event loop gets a turn (a
long text with many spans is rewritten stretch by stretch)."""
SALT_LABEL = "~hash-salt"
"""The vault label of a scope's hash salt: not a token label (those start with a letter)."""
_SALT_KEY = "salt"
SALT_BYTES = 32
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
        self._salt: bytes | None = None

    async def date_offset(self) -> int:
        """The scope's date offset in days, created on first use (:mod:`date_shift`)."""
        if self._offset is None:
            self._offset = await scope_offset(self._vault, self._scope, create=True)
        if self._offset is None:  # pragma: no cover - the vault just stored it
            raise RuntimeError("the vault lost the scope's date offset")
        return self._offset

    async def hash_salt(self) -> bytes:
        """The scope's secret hash salt, created on first use (:func:`scope_salt`)."""
        if self._salt is None:
            self._salt = await scope_salt(self._vault, self._scope)
        return self._salt

    @property
    def resolved(self) -> Mapping[tuple[str, str], int]:
        """``(label, value as written) -> number`` for every value :meth:`number` gave."""
        return self._as_written

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


async def scope_salt(vault: Vault, scope: str) -> bytes:
    """The scope's hash salt: random, kept in the vault like the date offset
    (:mod:`proxy.scrub.date_shift`) — sealed with the vault key, shared by replicas, erased
    with the scope — so a hash cannot be reversed by hashing every possible fødselsnummer,
    and hashes of one value in two scopes differ."""
    number = await vault.assign(scope, SALT_LABEL, _SALT_KEY, secrets.token_hex(SALT_BYTES))
    value = await vault.lookup(scope, SALT_LABEL, number)
    if value is None:  # pragma: no cover - the vault just stored it
        raise RuntimeError("the vault lost the scope's hash salt")
    return bytes.fromhex(value)


@dataclass(frozen=True, slots=True)
class _Planned:
    """A decision with the action taken, its token and its operator (``None``: left alone)."""

    decision: Decision
    action: str
    token: tuple[str, int] | None
    config: OperatorConfig | None


async def apply_decisions(
    text: str,
    decisions: Sequence[Decision],
    numbers: ScopeNumbers,
    token_format: TokenFormat,
) -> ScrubbedText:
    """Replace every non-``allow`` decision's span; ``block`` is pseudonymised like the rest.
    A ``shift`` moves a date by the scope's offset and a ``generalise`` writes the policy's
    text; a date that cannot be moved is pseudonymised (its replacement says so). ``mask``
    and ``hash`` are Presidio's (:mod:`proxy.scrub.operators`).

    Decisions must not overlap and must cover a character each (as :meth:`Policy.decide
    <proxy.scrub.policy.Policy.decide>` gives them). Each one's operator and vault inputs are
    resolved first, in order of start; then presidio-anonymizer rewrites the text.
    Callers that must refuse blocked requests check for ``block`` before calling this.
    """
    planner = _Planner(text, numbers, token_format)
    planned: list[_Planned] = []
    for count, decision in enumerate(sorted(decisions, key=lambda d: d.finding.start)):
        if count % YIELD_EVERY == YIELD_EVERY - 1:
            await asyncio.sleep(0)  # a text with many findings lets other requests run
        planned.append(await planner.plan(decision))
    spans = [
        Span(p.decision.finding.start, p.decision.finding.end, p.config)
        for p in planned
        if p.config is not None
    ]
    new_text, outputs = await _rewrite(text, spans)
    written = iter(outputs)
    replacements = (_replacement(p, None if p.config is None else next(written)) for p in planned)
    return ScrubbedText(new_text, tuple(replacements))


class _Planner:
    """Chooses each decision's operator for one text, resolving its vault inputs."""

    def __init__(self, text: str, numbers: ScopeNumbers, token_format: TokenFormat) -> None:
        self._text = text
        self._numbers = numbers
        self._token_format = token_format
        self._pseudonyms: dict[str, OperatorConfig] = {}
        """One :class:`VaultPseudonym` config per label (most decisions are pseudonyms)."""

    async def plan(self, decision: Decision) -> _Planned:
        """The action actually taken, its token and its operator."""
        action = canonical_action(decision.action)
        if action == "allow":
            return _Planned(decision, action, None, None)
        if action not in _TOKEN_ACTIONS:
            config = await self._tokenless(decision, action)
            if config is not None:
                return _Planned(decision, action, None, config)
        finding = decision.finding
        label = label_for(finding.entity_type)
        number = await self._numbers.number(label, self._text[finding.start : finding.end])
        config = self._pseudonyms.get(label)
        if config is None:
            config = pseudonym_config(self._numbers.resolved, label, self._token_format)
            self._pseudonyms[label] = config
        action = "block" if action == "block" else "pseudonymise"
        return _Planned(decision, action, (label, number), config)

    async def _tokenless(self, decision: Decision, action: str) -> OperatorConfig | None:
        """The operator of an action that issues no token, else ``None``: a pseudonym (also
        for a date that cannot be moved — no day, or unreadable — or an age not written)."""
        finding = decision.finding
        if action == "redact":
            return redact_config(redaction_text(finding.entity_type))
        if action == "mask":
            return MASK
        if action == "hash":
            return hash_config(await self._numbers.hash_salt())
        if action == "generalise" and decision.rewrite is not None:
            return generalise_config(decision.rewrite)
        if action == "shift":
            days = await self._numbers.date_offset()
            value = self._text[finding.start : finding.end]
            return shift_config(days) if can_shift(value, days) else None
        return None


_TOKEN_ACTIONS = frozenset({"pseudonymise", "block"})


async def _rewrite(text: str, spans: Sequence[Span]) -> tuple[str, list[str]]:
    """:func:`~proxy.scrub.operators.rewrite`, run stretch by stretch (:func:`_stretches`)."""
    parts: list[str] = []
    outputs: list[str] = []
    cursor = 0
    for stretch in _stretches(spans):
        if outputs:
            await asyncio.sleep(0)
        start, end = stretch[0].start, stretch[-1].end
        new_text, new_outputs = rewrite(text[start:end], stretch, offset=start)
        parts += (text[cursor:start], new_text)
        outputs += new_outputs
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts), outputs


def _stretches(spans: Sequence[Span]) -> Iterator[list[Span]]:
    """Consecutive spans, at most :data:`YIELD_EVERY` of them within :data:`CHUNK_CHARS`
    (a longer span alone); for a chat message, all of them at once."""
    stretch: list[Span] = []
    for span in spans:
        if stretch and (len(stretch) == YIELD_EVERY or span.end - stretch[0].start > CHUNK_CHARS):
            yield stretch
            stretch = []
        stretch.append(span)
    if stretch:
        yield stretch


def _replacement(planned: _Planned, new_text: str | None) -> Replacement:
    finding = planned.decision.finding
    return Replacement(
        finding.entity_type,
        finding.start,
        finding.end,
        planned.action,
        finding.score,
        finding.recognizer,
        new_text,
        planned.token,
    )
