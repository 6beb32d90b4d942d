"""Numbers, addresses and dates of birth as a fourth corpus said and wrote them (issue 17):
spoken birth dates given year first or read back, a day and month "i fjor", a birth-date
column headed by two words, lower-case streets named by a genitive or a prefix, a corrected
house number, phone numbers after a compound phone word or in an SMS log's ``to=`` field, a
fødselsnummer with a digit missing, a record number after linking words, and HL7 provider
and record-ID fields.

Every name, number and address below is made up. The texts go through the normaliser, as in
the proxy: ``find`` reports each value as written in the original.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from recognizers.normalise import spoken_view

Find = Callable[[str], list[tuple[str, str]]]

HL7 = (
    "MSH|^~\\&|EPJ|SYKEHUS|||202401020830||ADT^A01|MSG7|P|2.5\n"
    "PID|1||01017012345^^^NOR^FNR~552301^^^SYKEHUS^PI||Nordmann^Kari||19700101|F\n"
    "PV1|1|I|KIR^207^2||||9123456^Hansen^Ola^^^Dr\n"
    "OBX|1|NM|CRP||12|mg/L"
)

FOUND = [
    # a spoken birth date, the year first, fillers between
    (
        "DATE_OF_BIRTH",
        "kunde: hun er født nittenåttito eh fjerde mars",
        "nittenåttito eh fjerde mars",
    ),
    (
        "DATE_OF_BIRTH",
        "innringar: ho er fødd i nittenseksti den eh andre juni trur eg",
        "nittenseksti den eh andre juni",
    ),
    # ... as the answer to the question, not after the birth word
    (
        "DATE_OF_BIRTH",
        "lege: og når er du født\npasient: nittensyttifem eh niende mai",
        "nittensyttifem eh niende mai",
    ),
    # two year digits before the day and month, then read back the usual way
    (
        "DATE_OF_BIRTH",
        "lege: og du er født\npasient: i åttifire den tredje juli\nlege: tredje juli åttifire",
        "åttifire den tredje juli",
    ),
    (
        "DATE_OF_BIRTH",
        "lege: og du er født\npasient: i åttifire den tredje juli\nlege: tredje juli åttifire",
        "tredje juli åttifire",
    ),
    # a day and month with a relative year, then read back with the year: same day and month
    (
        "DATE_OF_BIRTH",
        "jordmor: når ble hun født\nmor: tiende januar i fjor\njordmor: tiende januar tjuetjuefire",
        "tiende januar i fjor",
    ),
    (
        "DATE_OF_BIRTH",
        "jordmor: når ble hun født\nmor: tiende januar i fjor\njordmor: tiende januar tjuetjuefire",
        "tiende januar tjuetjuefire",
    ),
    # a birth-date column whose header has two words
    (
        "DATE_OF_BIRTH",
        "| Mor | Barnets fødselsdato | Vekt |\n|---|---|---|\n"
        "| Kari Nordmann | 03.02.2024 | 3100 g |",
        "03.02.2024",
    ),
    # lower-case streets: a genitive or a prefix before the street word says it is one
    ("NO_ADDRESS", "innringer: utenfor eh olavs gate tjueni\nAMK: ok", "olavs gate tjueni"),
    ("NO_ADDRESS", "vi sender ambulanse til haralds vei sju nå", "haralds vei sju"),
    ("NO_ADDRESS", "vi har fått leilighet i nordre gate fire b", "nordre gate fire b"),
    # a house number taken back and said again
    (
        "NO_ADDRESS",
        "AMK: adresse\nInnringer: furuveien tre b nei fem b",
        "furuveien tre b nei fem b",
    ),
    # a compound phone word; an SMS gateway's recipient field
    (
        "PHONE_NUMBER",
        "jeg er på direktenummer to tre null null null fire en sju",
        "to tre null null null fire en sju",
    ),
    ("PHONE_NUMBER", '2024-01-02 09:00 to=4791234567 tekst="Påminnelse"', "4791234567"),
    # a fødselsnummer typed with a digit missing
    ("NO_FODSELSNUMMER", "fødselsnummer 0101701234 (tror jeg)", "0101701234"),
    # linking words between the label and the record number
    ("NO_JOURNALNUMMER", "journal nr hos dere er 21-004417 tror jeg", "21-004417"),
    # a fixed-width column headed by the two words "Journal nr"
    (
        "NO_JOURNALNUMMER",
        "Deltaker           Journal nr   Tiltak             Terapeut\n"
        "Kari Nordmann      7310 448     Styrke 30 min      Ola Hansen\n",
        "7310 448",
    ),
    # HL7: the attending doctor's ID (PV1-7), the record number of PID-3 (type code PI)
    ("NO_HPR", HL7, "9123456"),
    ("NO_JOURNALNUMMER", HL7, "552301"),
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
    ("han gikk hans vei 3 ganger", "hans vei"),  # a pronoun, not a street's genitive
    ("beløp 2102991697 kr", "2102991697"),  # ten digits without a fødselsnummer label
    ("født 3400 g", "3400"),  # a weight after the birth word
    ("lege: hvor gammel er du\npasient: tjuefem den femte mai fikk jeg vondt", "25"),
    ("Heparin 5000 IE og kl 14.30 tatt HbA1c 58", "5000"),
    ("OBR|1||123|CRP|||20240102||||||||1234567", "1234567"),  # OBR-16 needs a name after it
    ("kvittering 4791234567 fra kiosken", "4791234567"),  # no recipient field, no phone word
]


@pytest.mark.parametrize(("text", "absent"), NOT_FOUND)
def test_not_found(find_structured: Find, text: str, absent: str) -> None:
    found = [value for kind, value in find_structured(text) if kind in NUMBERS]
    assert all(absent not in value for value in found), found


def test_two_year_digits_before_a_spoken_date_are_written_after_a_birth_word() -> None:
    view = spoken_view("du er født\ni nittiåtte den femtende mai")
    assert view is not None
    assert view.text.endswith("i 98 den 15.05")


def test_two_year_digits_before_a_spoken_date_stay_words_without_a_birth_word() -> None:
    view = spoken_view("vi var tjuefem den femtende mai")
    assert view is not None
    assert "tjuefem den 15.05" in view.text
