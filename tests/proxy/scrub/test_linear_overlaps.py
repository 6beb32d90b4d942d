"""Overlap checks that are linear give exactly what comparing every pair gave.

``resolve_overlaps`` (allowed findings) and the token-literal checks in ``Scrubber.decide``
compared every finding with every other; a body of place names or token look-alikes took
minutes. These properties compare the linear versions with the pairwise ones they replaced.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from proxy.detection.findings import Finding, resolve_overlaps
from proxy.scrub.pipeline import LITERAL_ENTITY, Scrubber
from proxy.scrub.policy import Decision, Policy
from proxy.scrub.policy_settings import PolicySettings
from proxy.scrub.tokens import TokenFormat
from proxy.vault.memory import MemoryVault

TYPES = ("LOCATION", "ORGANIZATION", "PERSON", "PHONE_NUMBER")


@st.composite
def findings(draw: st.DrawFn, length: int = 60) -> list[Finding]:
    """Findings of any span in a ``length``-char text, empty ones included."""
    found = []
    for _ in range(draw(st.integers(0, 25))):
        start = draw(st.integers(0, length))
        end = draw(st.integers(start, min(length, start + 12)))
        score = draw(st.sampled_from((0.5, 0.8, 0.85, 1.0)))
        found.append(Finding(draw(st.sampled_from(TYPES)), start, end, score, "test"))
    return found


def pairwise_resolve(found: list[Finding]) -> list[Finding]:
    """``resolve_overlaps`` as it was: each candidate against every kept finding."""
    ranked = sorted(found, key=lambda f: (-f.score, -f.length, f.start, f.entity_type))
    kept: list[Finding] = []
    for candidate in ranked:
        if not any(candidate.overlaps(k) for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda f: f.start)


@settings(max_examples=400, deadline=None)
@given(findings())
def test_resolve_overlaps_keeps_what_pairwise_checks_kept(found: list[Finding]) -> None:
    assert resolve_overlaps(found) == pairwise_resolve(found)


def pairwise_decide(scrubber: Scrubber, text: str, found: list[Finding]) -> list[Decision]:
    """``Scrubber.decide`` as it was: each literal against every decision and back."""
    decisions = scrubber.policy.decide(text, found)
    literals = [
        Decision(Finding(LITERAL_ENTITY, t.start, t.end, 1.0, "TokenLiteral"), "pseudonymise")
        for t in scrubber.token_format.find(text)
    ]
    literals = [
        lit
        for lit in literals
        if not any(lit.finding.overlaps(d.finding) for d in decisions if d.action != "allow")
    ]
    kept = [
        d
        for d in decisions
        if d.action != "allow" or not any(d.finding.overlaps(x.finding) for x in literals)
    ]
    return sorted([*kept, *literals], key=lambda d: d.finding.start)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(("[PERSON_1]", "Oslo ", "[X_2] ", "ab")), max_size=8), findings())
def test_decide_neutralises_the_literals_pairwise_checks_did(
    parts: list[str], found: list[Finding]
) -> None:
    text = "".join(parts).ljust(60, ".")
    scrubber = Scrubber(
        None,  # type: ignore[arg-type]  # decide() never detects
        Policy(PolicySettings()),
        MemoryVault(),
        TokenFormat("[{type}_{n}]"),
    )
    assert scrubber.decide(text, found) == pairwise_decide(scrubber, text, found)
