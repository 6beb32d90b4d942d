"""Ages of 90 and more generalised to ``over 89`` in the form they had (issue 18)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.no.age_policy import generalise_age
from recognizers.no.ages import AgeRecognizer

GENERALISED = [
    ("94 år", 94, "over 89 år"),
    ("94 år gammel", 94, "over 89 år gammel"),
    ("94 år gamal", 94, "over 89 år gamal"),
    ("94-årig", 94, "over 89 år gammel"),
    ("94 årig", 94, "over 89 år gammel"),
    ("94-årige", 94, "over 89 år gamle"),
    ("94-åring", 94, "person over 89 år"),
    ("94 åring", 94, "person over 89 år"),
    ("94-åringen", 94, "personen over 89 år"),
    ("94-åringer", 94, "personer over 89 år"),
    ("94-åringane", 94, "personane over 89 år"),
    ("nittiåring", 90, "person over 89 år"),
    ("94 års alder", 94, "over 89 års alder"),
    ("94", 94, "over 89"),
    ("nittifire år gammel", 94, "over 89 år gammel"),
    ("Nittifire år", 94, "over 89 år"),
    ("hundre og to år gammel", 102, "over 89 år gammel"),
    ("94 y.o.", 94, "over 89 y.o."),
    ("94 years old", 94, "over 89 years old"),
    ("94-year-old", 94, "over-89-year-old"),
    ("90 år", 90, "over 89 år"),
    ("90-årene", 90, "90-årene"),  # a decade is already a band
]


@pytest.mark.parametrize(("text", "years", "expected"), GENERALISED)
def test_generalised(text: str, years: int, expected: str) -> None:
    assert generalise_age(text, years) == expected


@pytest.mark.parametrize(("text", "years"), [("89 år", 89), ("46-årig", 46), ("3 uker gammel", 0)])
def test_below_threshold_is_kept(text: str, years: int) -> None:
    assert generalise_age(text, years) is None


def test_threshold_is_a_parameter() -> None:
    assert generalise_age("85 år", 85, threshold=80) == "over 79 år"
    assert generalise_age("85 år", 85, threshold=86) is None


RECOGNIZER = AgeRecognizer()
FORMS = ["{} år", "{} år gammel", "{}-årig", "{}-åring", "{} års alder", "{} y.o.", "{}-year-old"]


@settings(deadline=None, max_examples=200)
@given(years=st.integers(0, 130), form=st.sampled_from(FORMS))
def test_generalised_age_holds_no_age_of_90_or_more(years: int, form: str) -> None:
    """What the recognizer finds, generalised, says ``over 89`` and nothing above it."""
    text = form.format(years)
    results = RECOGNIZER.analyze(text, ["AGE"], None)
    assert len(results) == 1
    found = int(str(results[0].recognition_metadata["years"]))
    assert found == years
    generalised = generalise_age(text[results[0].start : results[0].end], found)
    if years < 90:
        assert generalised is None
        return
    assert generalised is not None
    assert "over 89" in generalised or "over-89" in generalised
    assert str(years) not in generalised
    again = RECOGNIZER.analyze(generalised, ["AGE"], None)
    assert all(int(str(r.recognition_metadata["years"])) < 90 for r in again)
