"""The scrub pipeline for a batch of texts: detect -> policy -> neutralise -> pseudonymise.

Detection is CPU-bound and runs in the event loop's default thread pool (which hands it to
the detection workers when there are any), so the event loop stays responsive. Any
exception propagates: callers fail closed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from proxy.detection.cache import Closes, DetectsMany
from proxy.detection.findings import Finding, overlaps_any
from proxy.scrub.memo import RecentScrubs
from proxy.scrub.policy import Decision, Policy
from proxy.scrub.pseudonymise import ScopeNumbers, ScrubbedText, apply_decisions
from proxy.scrub.scope_epoch import PinnedEpoch
from proxy.scrub.tokens import LITERAL_LABEL, TokenFormat
from proxy.vault.base import Vault

LONG_DECISION_LIST = 2_000
"""Texts with more findings than this are decided in a thread, not on the event loop (a 2 MB
identifier-dense body has 150,000 and took seconds)."""
LITERAL_ENTITY = "SLADD_TOKEN_LITERAL"
"""Entity type for token-like text the client sent: it gets its own token, so a model that
echoes it cannot make sladd "restore" a value the client never sent."""


@dataclass(frozen=True, slots=True, weakref_slot=True)
class ScrubResult:
    """Per input text: the decisions and the rewritten text."""

    decisions: tuple[Decision, ...]
    scrubbed: ScrubbedText

    @property
    def blocked(self) -> tuple[Decision, ...]:
        """Decisions whose action is ``block``."""
        return tuple(d for d in self.decisions if d.action == "block")


def literal_token_decisions(text: str, token_format: TokenFormat) -> list[Decision]:
    """Token-like spans already in the client's text, to be pseudonymised unconditionally."""
    return [
        Decision(Finding(LITERAL_ENTITY, t.start, t.end, 1.0, "TokenLiteral"), "pseudonymise")
        for t in token_format.find(text)
    ]


def close_detector(detector: DetectsMany) -> None:
    """Release ``detector``'s workers, if it has any."""
    if isinstance(detector, Closes):
        detector.close()


class Scrubber:
    """Detector, policy, vault and token format wired together."""

    def __init__(
        self,
        detector: DetectsMany,
        policy: Policy,
        vault: Vault,
        token_format: TokenFormat,
        reuse_seconds: float = 0.0,
    ) -> None:
        self.detector = detector
        self.policy = policy
        self.vault = vault
        self.token_format = token_format
        self.recent: RecentScrubs[ScrubResult] = RecentScrubs(reuse_seconds)

    def close(self) -> None:
        """Release detection workers, if the detector has any."""
        close_detector(self.detector)

    def swap(self, detector: DetectsMany, policy: Policy) -> DetectsMany:
        """Detect with ``detector`` and decide with ``policy`` from now on (a reload), and
        forget the recent results the old ones made. Returns the old detector: requests that
        began with it may still be using it, so the caller closes it later
        (:func:`close_detector`)."""
        old = self.detector
        self.detector, self.policy = detector, policy
        self.recent.clear()
        return old

    async def detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Run detection off the event loop, in a thread that sees this context's scrub
        budget (:mod:`proxy.detection.budget`: ``to_thread`` copies the context)."""
        return await asyncio.to_thread(self.detector.detect_many, texts)

    async def scrub(self, texts: Sequence[str], scope: str) -> list[ScrubResult]:
        """Scrub each text within ``scope``; same value, same token, across calls.

        Texts scrubbed in this scope moments ago (a resent history) are reused as they are,
        unless the scope was purged or expired since (its epoch ended). Raises
        :class:`~proxy.scrub.scope_epoch.ScopeErasedError` if that happens during the call.
        """
        pin = await PinnedEpoch.read(self.vault, scope, reuse=self.recent.enabled)
        results = [self.recent.get(scope, pin.read_epoch, text) for text in texts]
        missing = [i for i, result in enumerate(results) if result is None]
        found = await self.detect([texts[i] for i in missing]) if missing else []
        numbers = ScopeNumbers(pin, scope)
        fresh: list[tuple[str, ScrubResult]] = []
        for index, findings in zip(missing, found, strict=True):
            text = texts[index]
            if len(findings) > LONG_DECISION_LIST:  # off the loop: other clients go on
                decisions = await asyncio.to_thread(self.decide, text, findings)
            else:
                decisions = self.decide(text, findings)
            scrubbed = await apply_decisions(text, decisions, numbers, self.token_format)
            result = ScrubResult(tuple(decisions), scrubbed)
            results[index] = result
            fresh.append((text, result))
        epoch = await pin.confirm()
        for text, result in fresh:
            self.recent.put(scope, epoch, text, result)
        return [result for result in results if result is not None]

    def decide(self, text: str, findings: Sequence[Finding]) -> list[Decision]:
        """Policy decisions plus neutralised token literals that overlap none of them."""
        decisions = self.policy.decide(text, findings)
        # Both lists are ordered by start and free of overlaps, so each check is a bisection
        # (comparing every pair took 78 s for 20,000 literals and 20,000 findings).
        acted = [d.finding for d in decisions if d.action != "allow"]
        acted_starts = [f.start for f in acted]
        literals = [
            lit
            for lit in literal_token_decisions(text, self.token_format)
            if not overlaps_any(lit.finding, acted, acted_starts)
        ]
        spans = [lit.finding for lit in literals]
        spans_starts = [f.start for f in spans]
        kept = [
            d
            for d in decisions
            if d.action != "allow" or not overlaps_any(d.finding, spans, spans_starts)
        ]
        return sorted([*kept, *literals], key=lambda d: d.finding.start)


__all__ = ["LITERAL_ENTITY", "LITERAL_LABEL", "ScrubResult", "Scrubber"]
