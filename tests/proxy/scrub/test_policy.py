"""Policy: thresholds, overlaps merged into their union, allow list, strictest action wins."""

from __future__ import annotations

from proxy.detection.findings import Finding, merge_overlaps, resolve_overlaps
from proxy.scrub.policy import Policy
from proxy.scrub.policy_settings import PolicySettings


def f(entity: str, start: int, end: int, score: float = 0.9) -> Finding:
    return Finding(entity, start, end, score, "test")


def test_below_threshold_is_dropped() -> None:
    policy = Policy(PolicySettings(thresholds={"PERSON": 0.8}))
    decisions = policy.decide("x" * 20, [f("PERSON", 0, 4, 0.7), f("PHONE_NUMBER", 5, 9, 0.6)])
    assert [d.finding.entity_type for d in decisions] == ["PHONE_NUMBER"]


def test_overlapping_rewrites_merge_into_their_union_typed_by_the_best() -> None:
    merged = merge_overlaps([f("PERSON", 0, 8, 0.85), f("NO_ADDRESS", 4, 15, 0.95)])
    assert [(m.entity_type, m.start, m.end) for m in merged] == [("NO_ADDRESS", 0, 15)]


def test_resolve_overlaps_prefers_score_then_length() -> None:
    kept = resolve_overlaps([f("A", 0, 5, 0.5), f("B", 3, 12, 0.5), f("C", 10, 14, 0.9)])
    assert [k.entity_type for k in kept] == ["A", "C"]


def test_allowed_type_never_shadows_a_rewrite() -> None:
    text = "Storgata 12, Oslo"
    decisions = Policy(PolicySettings(actions={"LOCATION": "allow"})).decide(
        text, [f("LOCATION", 0, 8, 0.99), f("NO_ADDRESS", 0, 11, 0.8), f("LOCATION", 13, 17)]
    )
    assert [(d.finding.entity_type, d.action) for d in decisions] == [
        ("NO_ADDRESS", "pseudonymise"),
        ("LOCATION", "allow"),
    ]


def test_allow_list_is_case_insensitive() -> None:
    policy = Policy(PolicySettings(allow_list=("Legesenteret Nord",)))
    text = "Ring LEGESENTERET NORD i dag"
    (decision,) = policy.decide(text, [f("ORGANIZATION", 5, 22), f("PERSON", 5, 22, 0.6)])
    assert decision.action == "allow"


def test_merged_cluster_takes_its_strictest_action() -> None:
    policy = Policy(PolicySettings(actions={"NO_FODSELSNUMMER": "block"}))
    decisions = policy.decide("x" * 30, [f("PERSON", 0, 10, 0.99), f("NO_FODSELSNUMMER", 5, 20)])
    assert [(d.finding.start, d.finding.end, d.action) for d in decisions] == [(0, 20, "block")]
