"""Numbers and dates of birth however they are labelled, laid out and said (issue 17):
record numbers in digit groups, in a column or in an answer; HPR numbers in groups;
fixed-width listings; spoken dates of birth read back, corrected or without a year; foreign
and mistyped phone numbers; a postnummer after a street or a poststed; and a date under a
column header that names something else is no date of birth.

Every name, number and address below is made up. The texts go through the normaliser, as in
the proxy: ``find`` reports each value as written in the original.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from recognizers.no import context, context_words
from recognizers.no.name_dates import dates_after_names

Find = Callable[[str], list[tuple[str, str]]]

LISTING = (
    "PASNR     NAVN                          FØDT      POSTNR\n"
    "00481127  NORDMANN KARI                 19480926  4370\n"
    "00481135  HANSEN OLA                    19840408  4373\n"
)
MARKDOWN = (
    "| Jnr | Pasient | Henvist | Kontakt |\n"
    "|---|---|---|---|\n"
    "| 602 188 | Nordmann, Kari | 02.09.2024 | kari@example.no |\n"
)

FOUND = [
    # record numbers in digit groups, after a label
    ("NO_JOURNALNUMMER", "feil dose til pasient med journal nr 45 91 07. Han fikk", "45 91 07"),
    ("NO_JOURNALNUMMER", "1. Nordmann, Kari (Jnr: 41 22 807) – HD 4 t", "41 22 807"),
    ("NO_JOURNALNUMMER", "Fastlege ....: Ola Lege\nPasientnr ...: 1048 552", "1048 552"),
    ("NO_JOURNALNUMMER", "Pas.nr.: 300 144 87\nÅrsak: R05 Hoste", "300 144 87"),
    ("NO_JOURNALNUMMER", "• Kari Nordmann – journal nr 3318 72 – HbA1c sist 58", "3318 72"),
    ("NO_JOURNALNUMMER", "(Kari Nordmann, hospital no. 4417290) was moved", "4417290"),
    # a record-number column: a delimited table, markdown, a fixed-width listing
    ("NO_JOURNALNUMMER", MARKDOWN, "602 188"),
    ("NO_JOURNALNUMMER", "Journal\tEtternavn\tTlf\n30218874\tNordmann\t93826105", "30218874"),
    ("NO_JOURNALNUMMER", LISTING, "00481127"),
    ("DATE_OF_BIRTH", LISTING, "19480926"),  # YYYYMMDD under FØDT
    ("NO_POSTNUMMER", LISTING, "4373"),
    # spoken record numbers: a dash said between two numbers, the answer to a question
    (
        "NO_JOURNALNUMMER",
        "pasient: det står journalnummer tjuetjuetre strek null null fire ni åtte sju",
        "tjuetjuetre strek null null fire ni åtte sju",
    ),
    (
        "NO_JOURNALNUMMER",
        "sekretær: da trenger jeg journalnummeret det er ti sifre\n"
        "pasient: to null to fire null null sju en åtte tre",
        "to null to fire null null sju en åtte tre",
    ),
    (
        "NO_JOURNALNUMMER",
        "sekretær: og journalnummer?\npasient: to null to fire null null sju en åtte tre",
        "to null to fire null null sju en åtte tre",
    ),
    ("NO_JOURNALNUMMER", "JNR   NAVN         FØDT\n4417  KARI HANSEN  01.02.1950", "4417"),
    # HPR numbers in digit groups
    ("NO_HPR", "Lege: Ola Lege, HPR 1173 9024", "1173 9024"),
    ("NO_HPR", "Mvh dr. Kari Lege (HPR-nr. 1083 6622)", "1083 6622"),
    # spoken dates of birth
    (
        "DATE_OF_BIRTH",
        "[00:00:09] L: flott og du er født\n[00:00:11] P: femte september åttito",
        "femte september åttito",
    ),
    (
        "DATE_OF_BIRTH",
        "innringer: kari nordmann født femte nei fjerde mai førtifem",
        "femte nei fjerde mai førtifem",
    ),
    ("DATE_OF_BIRTH", "far: dette er lille kari hun er født femtende juni", "femtende juni"),
    (
        "DATE_OF_BIRTH",
        "SPEAKER_00: og fødselsdatoen hans\nSPEAKER_01: atten åtte åttini",
        "atten åtte åttini",
    ),
    (
        "DATE_OF_BIRTH",
        "SPEAKER_00: og fødselsdatoen hans\nSPEAKER_01: atten åtte åttini\n"
        "SPEAKER_00: attende august åttini",
        "attende august åttini",
    ),
    (
        "DATE_OF_BIRTH",
        "far: hun heter kari og er født trettiførste desember totusenogti",
        "trettiførste desember totusenogti",
    ),
    (
        "DATE_OF_BIRTH",
        "sekretær: du er født i nittenåttito\npasient: ja nittenåttito\n"
        "sekretær: unnskyld syvende november nittenåttito",
        "syvende november nittenåttito",
    ),
    ("DATE_OF_BIRTH", "eg er fødd 1.9.48 og ho 26/1-38 👍", "26/1-38"),
    ("DATE_OF_BIRTH", "Barn: gutt, født 23.10 kl 04:17", "23.10"),
    # spoken and typed phone numbers
    (
        "PHONE_NUMBER",
        "pasient: pluss førtiåtte fem null to åtte åtte fire en tre sju",
        "pluss førtiåtte fem null to åtte åtte fire en tre sju",
    ),
    (
        "PHONE_NUMBER",
        "innringer: det er ni eh nitti nei ni åtte to fire sju sju null en",
        "ni eh nitti nei ni åtte to fire sju sju null en",
    ),
    ("PHONE_NUMBER", "sykemelding 2 uker. Tel. 0048 512 774 093 eller", "0048 512 774 093"),
    ("PHONE_NUMBER", "call me at +1 555 123 4567 tonight", "+1 555 123 4567"),
    ("PHONE_NUMBER", "ring meg plz 47 56 21 93 0 jeg har fått", "47 56 21 93 0"),
    # addresses and postnummer
    (
        "NO_ADDRESS",
        "pasient: ja jeg har flytta til strømsnes terrasse tretten c leilighet h null to null en",
        "strømsnes terrasse tretten c leilighet h null to null en",
    ),
    ("NO_POSTNUMMER", "hun bor i Jernbanegata 4a, 2609. ring meg", "2609"),
    ("NO_POSTNUMMER", "dag: Lauvåsvegen 3B i Ålesund altså 6010 der bor hun", "6010"),
    (
        "NO_POSTNUMMER",
        "SPEAKER_00: du står med postnummer fem null null sju\n"
        "SPEAKER_01: nei det er feil det er fem null en fire",
        "fem null en fire",
    ),
]


@pytest.mark.parametrize(("entity", "text", "value"), FOUND)
def test_found(find: Find, entity: str, text: str, value: str) -> None:
    assert (entity, value) in find(text)


NUMBERS = frozenset(
    """NO_JOURNALNUMMER NO_HPR DATE_OF_BIRTH PHONE_NUMBER NO_POSTNUMMER NO_ADDRESS
    NO_FODSELSNUMMER""".split()
)
NOT_FOUND = [
    # text, what no number finding may hold
    ("Pasienten fikk 10 000 IE i stedet for 5000 IE.", "000"),
    ("PID 7713 20 mg", "20"),  # the dose after the record number stays out of it
    ("journal nr 45 91 07. Pasienten fikk 10 000 IE", "10 000"),
    ("Bergen 2019 var et godt år", "2019"),
    ("ring meg 12.3.2024", "12.3"),  # seven digits written as a date
    ("HPR: 5908078 og 1234 5678 mg", "1234 5678"),  # groups without the word right before
    ("Født: 12.03.1954\nInnlagt: 14.10.2024\nDød: 20.10.1954", "14.10.2024"),
    ("Født: 12.03.1954\nInnlagt: 14.10.2024\nDød: 20.10.1954", "20.10.1954"),
    ("født i går, 3400 g, tolv timer", "3400"),
    ("Signert HPR 11.03.2024", "11.03.2024"),  # digit groups written as a date
    ("Barnet ble født 3.4 kg tungt", "3.4"),  # a weight, not a day and month
    ("dag: Storgata 5 i Bergen 2019 flyttet hun", "2019"),
]


@pytest.mark.parametrize(("text", "absent"), NOT_FOUND)
def test_not_found(find_structured: Find, text: str, absent: str) -> None:
    found = [value for kind, value in find_structured(text) if kind in NUMBERS]
    assert all(absent not in value for value in found), found


def test_a_spoken_date_is_never_the_tail_of_a_longer_number(find_structured: Find) -> None:
    text = "SPEAKER_00: du er født\nSPEAKER_01: tjue null en null tre fem ni tre femti"
    found = [(kind, value) for kind, value in find_structured(text) if kind in NUMBERS]
    assert found == [("NO_FODSELSNUMMER", "tjue null en null tre fem ni tre femti")]


def test_the_record_number_and_the_birth_date_of_a_listing(find_structured: Find) -> None:
    """Each column is read by its header: the listing's values are found as what they are,
    and the birth date is not mistaken for a record number of the same shape."""
    found = [(kind, value) for kind, value in find_structured(LISTING) if kind in NUMBERS]
    assert sorted(found) == sorted(
        [
            ("NO_JOURNALNUMMER", "00481127"),
            ("DATE_OF_BIRTH", "19480926"),
            ("NO_POSTNUMMER", "4370"),
            ("NO_JOURNALNUMMER", "00481135"),
            ("DATE_OF_BIRTH", "19840408"),
            ("NO_POSTNUMMER", "4373"),
        ]
    )


HEADERS = [
    (LISTING, "00481127", "pasnr"),
    (LISTING, "NORDMANN", "navn"),
    (LISTING, "19840408", "født"),
    (LISTING, "4373", "postnr"),
    ("PASNR     NAVN\n00481127  KARI", "00481127", None),  # two cells: no listing
    ("Hei.  Jeg er Kari.  Ring meg.\nTakk for sist, vi ses i 2025", "2025", None),
]


@pytest.mark.parametrize(("text", "value", "header"), HEADERS)
def test_fixed_width_column_headers(text: str, value: str, header: str | None) -> None:
    assert context.column_header(text, text.index(value)) == header


def test_a_timestamp_before_a_speaker_label_keeps_the_question() -> None:
    text = "[00:00:09] L: og du er født\n[00:00:11] P: 05.09.82"
    assert "født" in context.question_words(text, text.index("05.09"))


def test_turns_before_and_corrections() -> None:
    text = "a: postnummer 5007\nb: nei det er feil det er 5014"
    start = text.index("5014")
    assert context.turns_before(text, start, 1) == []  # six words in: no opening
    assert context.turns_before(text, start, 1, opening=8) == [(3, text.index("\n"))]
    assert context.corrects(text, start, context_words.POSTNUMMER_LABEL)
    assert not context.corrects(text, start, context_words.PHONE)


COLUMN_DATES = [
    (MARKDOWN, "Nordmann, Kari", None),  # under "Henvist"
    ("| Navn | Født |\n|---|---|\n| Nordmann, Kari | 02.09.1954 |", "Nordmann, Kari", "02.09.1954"),
    ("Nordmann, Kari, 12.03.1954, Storgata 1", "Nordmann, Kari", "12.03.1954"),  # no table
]


@pytest.mark.parametrize(("text", "name", "date"), COLUMN_DATES)
def test_a_date_follows_its_column_header(text: str, name: str, date: str | None) -> None:
    start = text.index(name)
    found = dates_after_names(text, [(start, start + len(name))])
    assert [text[a:b] for a, b in found] == ([date] if date else [])


def test_a_ratio_after_a_residence_word_is_no_address(find_structured: Find) -> None:
    """``bur åleine. BT 168/92``: a blood pressure after a sentence about where one lives."""
    assert find_structured("Kvinne 80 år, bur åleine. BT 168/92, puls 88.") == []
    assert ("NO_ADDRESS", "Storgata 12") in find_structured("Hun bor i Storgata 12/3 i Oslo.")
