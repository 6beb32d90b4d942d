"""DATE: dates found, with their precision; clinical numbers and birth dates left alone
(issue 18)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.no.date_forms import parse_date
from recognizers.no.dates import DateRecognizer

RECOGNIZER = DateRecognizer()


def found(text: str) -> list[tuple[str, str]]:
    results = sorted(RECOGNIZER.analyze(text, ["DATE"], None), key=lambda r: r.start)
    return [(text[r.start : r.end], str(r.recognition_metadata["precision"])) for r in results]


FOUND = [
    # numeric
    ("Kontroll 17.05.17 hos fastlege", "17.05.17", "day"),
    ("Innlagt 17.05.2017.", "17.05.2017", "day"),
    ("sist sett 17.5.17, stabil", "17.5.17", "day"),
    ("Time 17/5-17 kl 10", "17/5-17", "day"),
    ("Prøve tatt 17/05/2017", "17/05/2017", "day"),
    ("Dato: 2017-05-17", "2017-05-17", "day"),
    ("2017-05-17T10:00:00 innkomst", "2017-05-17", "day"),
    ("Prøve tatt 03.04.2023 kl 0800", "03.04.2023", "day"),
    # with a month name
    ("Operert 1. mai 2015 på Haukeland", "1. mai 2015", "day"),
    ("Skannet 10 . september 1963", "10 . september 1963", "day"),
    ("Kom 1 mai 2015", "1 mai 2015", "day"),
    ("Utskrevet den 17. mai.", "17. mai", "day_month"),
    ("skadet 17. mai -15", "17. mai -15", "day"),
    ("Fredag 3. Mars 2020 ringte hun", "3. Mars 2020", "day"),
    ("Seen on May 17, 2017 in clinic", "May 17, 2017", "day"),
    ("Admitted 17 May 2017", "17 May 2017", "day"),
    ("Kontroll 2. des. 2019", "2. des. 2019", "day"),
    ("kom 17. mai 15 pasienter", "17. mai", "day_month"),  # 15 is a count, not a year
    ("kontroll 17 juni", "17 juni", "day_month"),
    # a month and a year
    ("Diagnostisert august 2013", "august 2013", "month_year"),
    ("Diagnostisert aug. 2013", "aug. 2013", "month_year"),
    ("Startet i MAI 2015", "MAI 2015", "month_year"),
    ("Sykemeldt fra 08/2013", "08/2013", "month_year"),
    ("sykemeldt fra 8/2013", "8/2013", "month_year"),
    # day and month in digits after ``den``
    ("Kontroll den 17.5. hos fastlege", "17.5.", "day_month"),
    ("til kontroll den 3.11", "3.11", "day_month"),
    # a year after a year word
    ("I 2012 fikk hun hjerneslag", "2012", "year"),
    ("Røyker siden 2012", "2012", "year"),
    ("Operert høsten 2012", "2012", "year"),
    ("Had surgery in 2012", "2012", "year"),
    ("Flyttet hit i løpet av 2012", "2012", "year"),
    ("Uføretrygdet fra 2012-2015", "2012", "year"),
]


@pytest.mark.parametrize(("text", "value", "precision"), FOUND)
def test_found(text: str, value: str, precision: str) -> None:
    assert found(text) == [(value, precision)]


def test_a_range_is_two_dates() -> None:
    text = "Innlagt 17.05.2017-18.05.2017 og 2017-06-01/2017-06-03"
    assert [value for value, _ in found(text)] == [
        "17.05.2017",
        "18.05.2017",
        "2017-06-01",
        "2017-06-03",
    ]


NOT_FOUND = [
    # doses, lab values and measurements
    "Paracet 2000 mg x 4",
    "Hb 12.5, CRP 3",
    "BT 140/90",
    "Morfin 1.5 mg sc",
    "Glukose 12.5 mmol/l",
    "i 2000 mg doser",
    "økt fra 1000 til 2000 mg",
    "Marevan 2.5 mg 1-1-2",
    # codes, versions and numbering
    "ICD-10 F32.1",
    "ATC N02BE01",
    "versjon v2.1",
    "Programversjon 1.2.12",
    "IP 10.0.0.1",
    "se punkt 3.2.14",
    # times, fractions, numbers with dots
    "Kom kl 12.30",
    "kl. 14.45 i dag",
    "3/4 av dosen",
    "fortynnet 1/2000",
    "Verdi 3.14159",
    # phone numbers and digit chains
    "tlf 22-12-12-34",
    "ring 12/12/12/12",
    # scores
    "Apgar 8-9-10",
    "Apgar score 9-10-10",
    "Apgar 10-10-10",
    # bare years and decades
    "på 1990-tallet",
    "i 1990-årene",
    "2000 pasienter",
    # a month word without a date, or a first name after a number
    "Kommer i mai",
    "Rom 17 Jan Olsen",
    "17 may be given",
    "Kontroll 12.5 og 13.5",  # decimals without ``den``
    # dates of birth belong to DATE_OF_BIRTH
    "Pasienten er født 03.04.1954 i Bergen",
    "Kari (f. 12.3.54) kom inn",
    "Fødselsdato: 1954-04-03",
    "fødd 3. mars 1954",
    "født i 1942",
    "Patient born March 3, 1954, presents",
    "Lege: Fødselsdato 14 august 65 ikke sant",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(text: str) -> None:
    assert found(text) == []


def test_day_and_month_after_a_birth_word_is_still_a_date() -> None:
    """DATE_OF_BIRTH wants a year; without one the DATE recognizer keeps it."""
    assert found("født 17. mai") == [("17. mai", "day_month")]


def test_birth_question_makes_the_answer_a_birth_date() -> None:
    assert found("lege: når er du født?\npasient: 10.01.85") == []


def test_year_in_a_year_column() -> None:
    table = "Hendelse;År\nOperasjon;2012\nKontroll;2015"
    assert found(table) == [("2012", "year"), ("2015", "year")]


def test_no_digit_no_date() -> None:
    assert found("Kontroll i mai, ikke i juni") == []


ALPHABET = "0123456789 ./-,:mai2jundesMAYaug\nfødt"


@settings(deadline=None, max_examples=300)
@given(text=st.text(alphabet=ALPHABET, max_size=60))
def test_every_date_found_reads_back(text: str) -> None:
    """Every span reported is one the date shifter can read and write back unchanged."""
    for value, precision in found(text):
        parsed = parse_date(value)
        assert parsed is not None
        assert parsed.precision.value == precision


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tidligere innlagt 2020 for lungebetennelse.", "2020"),
        ("Kontakter: BUP Sandnessjøen (2009), DPS Mosjøen (2014).", "2009"),
    ],
)
def test_a_year_after_a_clinical_verb_or_alone_in_brackets(text: str, value: str) -> None:
    found = [text[r.start : r.end] for r in DateRecognizer().analyze(text, ["DATE"], None)]
    assert value in found
