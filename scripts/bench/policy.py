"""The policy step's cost per ~2 KB request: what sladd runs, and the rewrite it replaced.

The policy step is ``Scrubber.decide`` (policy actions, merged overlaps, neutralised token
literals) and ``apply_decisions`` (vault numbers, then presidio-anonymizer's operators rewrite
the text: :mod:`proxy.scrub.operators`) on the findings of one request's texts: the system
prompt and one corpus message (:class:`bench_http.Messages`). Detection runs first, untimed.
For comparison the same decisions go through the hand-written rewrite ``apply_decisions``
used before it ran on Presidio (:func:`hand_apply_decisions`, kept here only). The two run
alternately on each request, each in a new scope of an in-memory vault, timed with
``time.process_time`` in this process; the figure is the median over requests.
"""

from __future__ import annotations

import asyncio
import hashlib
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from proxy.build import build_detector
from proxy.detection.findings import Finding
from proxy.scrub.pipeline import Scrubber
from proxy.scrub.policy import SYNONYMS, Decision, Policy
from proxy.scrub.pseudonymise import (
    Replacement,
    ScopeNumbers,
    ScrubbedText,
    apply_decisions,
    redaction_text,
)
from proxy.scrub.tokens import TokenFormat, label_for
from proxy.settings import Settings
from proxy.vault.memory import MemoryVault
from recognizers.no.date_forms import shift
from scripts.bench.corpus import SYSTEM_PROMPT, Doc
from scripts.bench.http_runs import Messages

WARMUP = 5
Rewrite = Callable[[str, Sequence[Decision], ScopeNumbers, TokenFormat], Awaitable[ScrubbedText]]


@dataclass(frozen=True, slots=True)
class PolicyRun:
    """Per request, the policy step's CPU time (ms) on each path."""

    engine_ms: list[float]
    """``Scrubber.decide`` + ``apply_decisions`` on presidio-anonymizer: what sladd runs."""
    hand_ms: list[float]
    """``Scrubber.decide`` + :func:`hand_apply_decisions`: the comparison."""

    def presidio_ms(self) -> float:
        """What running on presidio-anonymizer adds: the median of the per-request differences
        (the two paths run on the same request, one right after the other)."""
        return statistics.median(e - h for e, h in zip(self.engine_ms, self.hand_ms, strict=True))


def policy_step(settings: Settings, docs: Sequence[Doc], count: int) -> PolicyRun:
    """The policy step timed on ``count`` requests' texts (after :data:`WARMUP` more)."""
    detector, messages = build_detector(settings), Messages(docs)
    requests = [[SYSTEM_PROMPT, messages.take()] for _ in range(WARMUP + count)]
    found = [detector.detect_many(texts) for texts in requests]
    scrubber = Scrubber(
        detector,
        Policy(settings.policy),
        MemoryVault(),
        TokenFormat(settings.pseudonyms.token_format),
    )
    return asyncio.run(_time_both(scrubber, requests, found))


async def _time_both(
    scrubber: Scrubber, requests: list[list[str]], found: list[list[list[Finding]]]
) -> PolicyRun:
    engine_ms: list[float] = []
    hand_ms: list[float] = []
    for number, (texts, findings) in enumerate(zip(requests, found, strict=True)):
        paths: list[tuple[str, Rewrite, list[float]]] = [
            ("engine", apply_decisions, engine_ms),
            ("hand", hand_apply_decisions, hand_ms),
        ]
        for name, rewrite, times in paths if number % 2 else paths[::-1]:
            scope = f"request-{number}-{name}"
            elapsed = await _one_request(scrubber, rewrite, texts, findings, scope)
            if number >= WARMUP:
                times.append(elapsed)
    return PolicyRun(engine_ms, hand_ms)


async def _one_request(
    scrubber: Scrubber,
    rewrite: Rewrite,
    texts: list[str],
    findings: list[list[Finding]],
    scope: str,
) -> float:
    numbers = ScopeNumbers(scrubber.vault, scope)
    started = time.process_time()
    for text, found in zip(texts, findings, strict=True):
        await rewrite(text, scrubber.decide(text, found), numbers, scrubber.token_format)
    return (time.process_time() - started) * 1000


def policy_note(run: PolicyRun) -> str:
    """One line for the report: both medians, and which path sladd uses."""
    engine, hand = statistics.median(run.engine_ms), statistics.median(run.hand_ms)
    return (
        f"policy step per 2 KB request (Scrubber.decide + apply_decisions, process_time, "
        f"median of {len(run.engine_ms)}): on presidio-anonymizer's operators {engine:.3f} ms "
        f"(used), hand-written rewrite {hand:.3f} ms (comparison), added by Presidio "
        f"{run.presidio_ms():.3f} ms (issue 19's bound 0.5 ms); "
        f"see scripts/bench/policy.py"
    )


async def hand_apply_decisions(
    text: str, decisions: Sequence[Decision], numbers: ScopeNumbers, token_format: TokenFormat
) -> ScrubbedText:
    """``apply_decisions`` as it was before presidio-anonymizer (the text rebuilt from the
    decisions in one pass), with ``mask`` and ``hash`` written out as Presidio's operators
    do them: the comparison here, and the reference ``tests/proxy/scrub/test_operators.py``
    checks the operators against."""
    parts: list[str] = []
    replacements: list[Replacement] = []
    cursor = 0
    for decision in sorted(decisions, key=lambda d: d.finding.start):
        finding = decision.finding
        new_text, token = None, None
        action = SYNONYMS.get(decision.action, decision.action)
        if action != "allow":
            new_text, token, action = await _hand_replacement(text, decision, numbers, token_format)
            parts += (text[cursor : finding.start], new_text)
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


async def _hand_replacement(
    text: str, decision: Decision, numbers: ScopeNumbers, token_format: TokenFormat
) -> tuple[str, tuple[str, int] | None, str]:
    finding = decision.finding
    value = text[finding.start : finding.end]
    action = SYNONYMS.get(decision.action, decision.action)
    if action == "redact":
        return redaction_text(finding.entity_type), None, "redact"
    if action == "mask":
        return "*" * len(value), None, "mask"
    if action == "hash":
        salt = await numbers.hash_salt()
        return hashlib.sha256(value.encode() + salt).hexdigest(), None, "hash"
    if action == "generalise" and decision.rewrite is not None:
        return decision.rewrite, None, "generalise"
    if action == "shift":
        moved = shift(value, await numbers.date_offset())
        if moved is not None:
            return moved, None, "shift"
    label = label_for(finding.entity_type)
    number = await numbers.number(label, value)
    action = "block" if action == "block" else "pseudonymise"
    return token_format.render(label, number), (label, number), action
