"""One reading per span (:mod:`proxy.detection.settle`): parts of another reading are dropped."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proxy.detection.findings import Finding
from proxy.detection.settle import PLACE_RULES, settle
from recognizers.ner.engine import RECOGNIZER_NAME as MODEL

RULES = "PersonContextRecognizer"


def f(kind: str, start: int, end: int, recognizer: str = "rules") -> Finding:
    return Finding(kind, start, end, 0.8, recognizer)


@pytest.mark.parametrize(
    ("text", "findings", "kept"),
    [
        # a date inside a number is the number's; inside a date of birth, the birth date's
        ("tlf 4 2 01.10.00", [f("PHONE_NUMBER", 4, 16), f("DATE", 8, 16)], ["PHONE_NUMBER"]),
        ("f. 12.03.1954", [f("DATE_OF_BIRTH", 3, 13), f("DATE", 3, 13)], ["DATE_OF_BIRTH"]),
        # a place inside a postcode and post town
        (
            "3616 Kongsberg",
            [f("NO_POSTNUMMER", 0, 14), f("LOCATION", 5, 14, MODEL)],
            ["NO_POSTNUMMER"],
        ),
        # a month taken for a name
        ("august 2013", [f("DATE", 0, 11), f("PERSON", 0, 6, MODEL)], ["DATE"]),
        # the model's reading of part of a care unit
        (
            "St. Olavs hospital",
            [f("HEALTH_CARE_UNIT", 0, 18), f("PERSON", 0, 9, MODEL), f("LOCATION", 4, 9, MODEL)],
            ["HEALTH_CARE_UNIT"],
        ),
        # a place the place rules found, which the model took for a name
        (
            "bor i Røst",
            [f("LOCATION", 6, 10, PLACE_RULES), f("PERSON", 6, 10, MODEL)],
            ["LOCATION"],
        ),
        # a name the name rules found, which the model took for a place
        ("mor til Kajan", [f("PERSON", 8, 13, RULES), f("LOCATION", 8, 13, MODEL)], ["PERSON"]),
        # the rules' care units are never dropped for a name; a place inside the rules' name is
        (
            "Kari Moss",
            [f("PERSON", 0, 9, RULES), f("HEALTH_CARE_UNIT", 5, 9)],
            ["HEALTH_CARE_UNIT", "PERSON"],
        ),
        ("Vold, Tobias", [f("LOCATION", 0, 4, PLACE_RULES), f("PERSON", 0, 12, RULES)], ["PERSON"]),
    ],
)
def test_parts_of_another_reading_are_dropped(
    text: str, findings: list[Finding], kept: list[str]
) -> None:
    assert sorted(x.entity_type for x in settle(text, findings)) == sorted(kept)


def test_an_organisation_the_model_names_is_a_care_unit_when_it_is_one() -> None:
    text = "Henvist fra Helse Bergen, jobber i Equinor"
    found = settle(text, [f("ORGANIZATION", 12, 24, MODEL), f("ORGANIZATION", 35, 42, MODEL)])
    assert [(x.entity_type, text[x.start : x.end]) for x in found] == [
        ("HEALTH_CARE_UNIT", "Helse Bergen"),
        ("ORGANIZATION", "Equinor"),
    ]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 30)), max_size=60))
def test_identifiers_never_go_and_the_rules_names_only_inside_a_date(
    spans: list[tuple[int, int]],
) -> None:
    """Identifiers are never dropped, whatever overlaps them; the rules' names only when a
    date holds them (a month)."""
    kinds = ("PHONE_NUMBER", "DATE", "PERSON", "LOCATION", "HEALTH_CARE_UNIT")
    findings = [
        f(kinds[i % len(kinds)], start, start + length, MODEL if i % 3 == 0 else RULES)
        for i, (start, length) in enumerate(spans)
    ]
    kept = settle("x" * 240, findings)
    dates = [(d.start, d.end) for d in findings if d.entity_type == "DATE"]
    for finding in findings:
        in_date = any(a <= finding.start and finding.end <= b for a, b in dates)
        if finding.entity_type == "PHONE_NUMBER" or (
            finding.entity_type == "PERSON" and finding.recognizer == RULES and not in_date
        ):
            assert finding in kept
