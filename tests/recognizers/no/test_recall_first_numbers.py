"""Recall first: identifiers however people type and say them (issue 17).

Every number below is made up. Texts are what the recognizers see after normalisation
(NFKC, invisible characters removed, spaces and dashes folded, spoken digits as digits), so
a fullwidth ``＠`` is tested in its folded form. Found vectors name the exact span and type;
kept vectors must come out untouched.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from recognizers.no.base import NO_ARTIFACTS
from recognizers.no.checksums import fnr_date_plausible, mod11_check_digit, validate_fnr
from recognizers.no.email import EmailRecognizer

Find = Callable[[str], list[tuple[str, str]]]
Spans = Callable[[str], list[tuple[str, int, int]]]

FOLDED_FULLWIDTH_AT = unicodedata.normalize("NFKC", "kari.nordmann＠gmail.com")
SVELVIK = "Stasjonsveien 121 B H0303, 3060 Svelvik"

ISSUE_EXAMPLES = [
    ("NO_FODSELSNUMMER", "fnr 130972 48022", "130972 48022"),
    ("NO_FODSELSNUMMER", "13.09.72 48022", "13.09.72 48022"),
    ("NO_FODSELSNUMMER", "13-09-72-48022", "13-09-72-48022"),
    ("NO_FODSELSNUMMER", "1309 7248 022", "1309 7248 022"),
    ("NO_FODSELSNUMMER", "https://dips.example/pasient/13097248022/journal", "13097248022"),
    ("NO_FODSELSNUMMER", "GET /api/v1/sok?fnr=13097248022&side=2", "13097248022"),
    ("PHONE_NUMBER", "tlf 912.34.567", "912.34.567"),
    ("PHONE_NUMBER", "486-30-287", "486-30-287"),
    ("PHONE_NUMBER", "ring meg på 4 8 3 8 3 0 0 3", "4 8 3 8 3 0 0 3"),
    ("EMAIL_ADDRESS", FOLDED_FULLWIDTH_AT, "kari.nordmann@gmail.com"),
    ("EMAIL_ADDRESS", "kari.nordmann (at) gmail.com", "kari.nordmann (at) gmail.com"),
    ("PHONE_NUMBER", "telefonnummer er 82573367", "82573367"),
    ("PHONE_NUMBER", "Tlf: 44 62 81 94", "44 62 81 94"),
    ("PHONE_NUMBER", "+47 438 74 143", "+47 438 74 143"),
    ("NO_FODSELSNUMMER", "Pasientens far, 12114928944, er genpositiv", "12114928944"),
    ("NO_FODSELSNUMMER", "(Anne Cecilie Aam, 130558 01432)", "130558 01432"),
    ("DATE_OF_BIRTH", "født 230100", "230100"),
    ("NO_KONTONUMMER", "Overfør til konto 12345678901", "12345678901"),  # checksum fails
    ("NO_POSTNUMMER", "postnummer 0565", "0565"),
    ("NO_POSTNUMMER", '{"navn": "Kari", "postnr": "7713"}', "7713"),
    ("NO_ADDRESS", "Stasjonsveien 121 B H0303", "Stasjonsveien 121 B H0303"),
]

PHONE = [
    ("Tlf 44 62 81 94 (kveld)", "44 62 81 94"),
    ("mob 9123 4567", "9123 4567"),
    ("Mobil: 91 23 45 67", "91 23 45 67"),
    ("mobilnr 912_34_567", "912_34_567"),
    ("kan nås på 912 - 34 - 567", "912 - 34 - 567"),
    ("treffes på 44/62/81/94", "44/62/81/94"),
    ("sms til 9\t1\t2\t3\t4\t5\t6\t7", "9\t1\t2\t3\t4\t5\t6\t7"),
    ("Kontakt: 1234 5678", "1234 5678"),  # outside the numbering plan, labelled
    ("tlf.nr 44628194", "44628194"),
    ("mitt nr er 44628194", "44628194"),
    ("Telefonnummeret hans: 0 4 4 6 2 8 1 9", "0 4 4 6 2 8 1 9"),
    ("0047 438 74 143", "0047 438 74 143"),
    ("(+47) 43874143", "(+47) 43874143"),
    ("47 43874143", "47 43874143"),
    ("Navn;Tlf\nKari Hansen;44 62 81 94", "44 62 81 94"),
    ("| Navn | Telefon |\n| Ola | 1234.5678 |", "1234.5678"),
    ("Pasient;Mobil\nOla;44628194", "44628194"),
    ("ring 91234567 / 98765432", "98765432"),
    ("tlf 91234567/98765432", "98765432"),
    ("kan nåast på 44 62 81 94", "44 62 81 94"),  # nynorsk
    ("Lot 123, tlf 91234567", "91234567"),  # a label further away does not count
]

FODSELSNUMMER = [
    ("fnr 13 09 72 48 022", "13 09 72 48 022"),  # any grouping with a word
    ("fødselsnr. 1 3 0 9 7 2 4 8 0 2 2", "1 3 0 9 7 2 4 8 0 2 2"),
    ("Fnr: 12345678901", "12345678901"),  # labelled: neither date nor checksum needed
    ("personnr 130972_48022", "130972_48022"),
    ("pnr 130972/48022", "130972/48022"),
    ("id-nummer 13097248023", "13097248023"),
    ("d-nummer 53097248023", "53097248023"),
    ("Fødselsnummer (nynorsk: fødselsnummer) 130972 - 48023", "130972 - 48023"),
    ("Pasient 13097248023 innlagt", "13097248023"),  # unbroken, date, checksum fails
    ("Mor: 130972 48023, far: 010170 12345", "130972 48023"),
    ("Mor: 130972 48023, far: 010170 12345", "010170 12345"),
    ("Innlagt 13497248023 i går", "13497248023"),  # H-nummer date, checksum fails
    ("Lot 13097248022", "13097248022"),  # checksum and date valid: taken despite the label
    ("rekv 13097210181", "13097210181"),
]

OTHER = [
    ("NO_KONTONUMMER", "kontonr 1234 56 78904", "1234 56 78904"),
    ("NO_KONTONUMMER", "kto 1234.56.78903", "1234.56.78903"),
    ("NO_KONTONUMMER", "Bankkonto: 1234-5678-903", "1234-5678-903"),
    ("NO_KONTONUMMER", "account 12345678903", "12345678903"),
    ("NO_KONTONUMMER", "Faktura: betal til 1234.56.78903", "1234.56.78903"),
    ("DATE_OF_BIRTH", "f. 23.01.00", "23.01.00"),
    ("DATE_OF_BIRTH", "fødd 23/1-2000", "23/1-2000"),
    ("DATE_OF_BIRTH", "født 23.01.2000", "23.01.2000"),
    ("DATE_OF_BIRTH", "DOB 2000-01-23", "2000-01-23"),
    ("DATE_OF_BIRTH", "Fødselsdato: 230100", "230100"),
    ("DATE_OF_BIRTH", "fødselsdato 23012000", "23012000"),
    ("DATE_OF_BIRTH", "født 06.08.1971", "06.08.1971"),
    ("DATE_OF_BIRTH", "født 23. januar 2000", "23. januar 2000"),
    ("DATE_OF_BIRTH", "født 23 jan 00", "23 jan 00"),
    ("DATE_OF_BIRTH", "født 23 01 2000 på Ullevål", "23 01 2000"),
    ("NO_POSTNUMMER", "postnr=7713", "7713"),
    ("NO_POSTNUMMER", "post nr. 7713", "7713"),
    ("NO_POSTNUMMER", "Postkode: 0565", "0565"),
    ("NO_POSTNUMMER", "zip 7713", "7713"),
    ("NO_POSTNUMMER", "Navn;Postnr\nKari;7713", "7713"),
    ("NO_ADDRESS", "Stasjonsveien 121 B H0303, 3060 Svelvik", SVELVIK),
    ("NO_ADDRESS", "Bor i Storgata 5 H0201", "Storgata 5 H0201"),
    ("EMAIL_ADDRESS", "kari.nordmann [at] gmail.com", "kari.nordmann [at] gmail.com"),
    ("EMAIL_ADDRESS", "kari.nordmann at gmail dot com", "kari.nordmann at gmail dot com"),
    ("EMAIL_ADDRESS", "skriv til kari.nordmann(a)gmail.com", "kari.nordmann(a)gmail.com"),
    ("EMAIL_ADDRESS", "kari.nordmann @ gmail.com", "kari.nordmann @ gmail.com"),
    ("EMAIL_ADDRESS", "e-post: ola at sykehus dot no", "ola at sykehus dot no"),
    ("NO_KID", "konto,KID,beløp\n42009558947,0911020865,1 250,00", "0911020865"),
    ("NO_JOURNALNUMMER", "Journalnr 58811-24 er slått saman med 58812-24.", "58812-24"),
]

HPR_CSV = '"Lege","HPR","E-post"\n"Olsen, Tarjei",2090325,tarjei.olsen@legene.example'
BOOKINGS = (
    'dato,tid,pasient,fodt,mobil\n2024-11-04,08:30,"Eira, Ellen",1988-02-11,94915407,kontroll'
)
ADDRESSES = 'navn,adresse,postnr,sted\n"Bergum, Elin",Slettaveien 4,1405,Langhus'

LAYOUTS = [  # tables, URLs, JSON and dialogue, as the genre corpora write them
    ("NO_HPR", HPR_CSV, "2090325"),  # a quoted field holds a comma
    ("DATE_OF_BIRTH", BOOKINGS, "1988-02-11"),
    ("PHONE_NUMBER", BOOKINGS, "94915407"),
    ("NO_ADDRESS", ADDRESSES, "Slettaveien 4"),
    ("NO_POSTNUMMER", ADDRESSES, "1405"),
    ("NO_HPR", "GET https://x.example/api/lege?hpr=6127894 404", "6127894"),
    ("PHONE_NUMBER", "https://sms.example/send?to=4791494168&msg=hei", "4791494168"),
    ("NO_JOURNALNUMMER", '{"pasient_id": "P-0048213"}', "P-0048213"),
    ("DATE_OF_BIRTH", "lege: når er du født\npasient: 10.01.85", "10.01.85"),
    ("DATE_OF_BIRTH", "SPEAKER_00: og fødselsdato\nSPEAKER_01: Ola Lunde 12.12.61", "12.12.61"),
    ("NO_POSTNUMMER", "sekretær: og postnummeret der\npasient: 3504", "3504"),
    ("NO_POSTNUMMER", "SPEAKER_01: i 4870 altså lillesand", "4870"),
    ("NO_POSTNUMMER", "flytta til 7068 volda i fjor", "7068 volda"),
    ("PHONE_NUMBER", "Hva er mobilnummeret ditt?\n44 62 81 94", "44 62 81 94"),
    ("NO_ADDRESS", "bor i bakkegjerdet 7, 7068 volda", "bakkegjerdet 7, 7068 volda"),
]

FOUND = [
    *ISSUE_EXAMPLES,
    *LAYOUTS,
    *(("PHONE_NUMBER", text, value) for text, value in PHONE),
    *(("NO_FODSELSNUMMER", text, value) for text, value in FODSELSNUMMER),
    *OTHER,
]

NEGATIVE_WORDS = (
    "lot batch parti rekvisisjon rekv referanse ref ordre ordrenr saksnr sak faktura "
    "fakturanr varenr artikkelnr serienr LOT bestillingsnr prøvenr analyse"
).split()

KEPT = [
    *(f"{word} 13097248023" for word in NEGATIVE_WORDS),  # date-shaped, checksum fails
    *(f"{word} 44 62 81 94" for word in NEGATIVE_WORDS),
    *(f"{word} 91234567" for word in NEGATIVE_WORDS),
    *(f"{word} nr 82573367" for word in NEGATIVE_WORDS),
    "Bilag nr 2024-1138",
    "pose 45019877263, SAG, gitt kl 13:20",
    "CRP 145, BT 158/94, Hb 12,9, INR 2,4",
    "Diagnose F32.1, ICPC-2 R74, ATC N02BE01",
    "Paracet 500 mg 2 tabletter x 4, Marevan 2,5 mg",
    "Kontroll kl. 14.30, neste 17.05.2017",
    "Telefonkonsultasjon 17.05.2017 kl 14.30",
    "Ringte 17.05.2017 og 2017-05-18",
    "Innlagt 13.09.2019 120 mg",
    "Kontroll i 2025, siste innleggelse 2019",
    "Se vedlegg 1309.72.10182",  # account layout, both checksums fail, no words
    "Lot 13097248023, utløp 2027-03",
    "Pasienten passer på 12 34 56 78",
    "Verdier 12 15 18 20 22 25 28 30 33 35 38 40",
    "Kontakt oss på 800 12 345",
    "Vedtak 2023/12345678 er sendt",
    "Måling 12.34.56.78.90 sendt",
    "Postoperativt 2019 ble det 3060 ml",
    "Operert 2015 i Oslo, kontroll 2016 ski",
    "lege: hvor mye veier du\npasient: 82 kilo",
]


@pytest.mark.parametrize(("entity", "text", "value"), FOUND)
def test_found_with_its_exact_span(spans: Spans, entity: str, text: str, value: str) -> None:
    start = text.rindex(value) if text.count(value) > 1 else text.index(value)
    assert (entity, start, start + len(value)) in spans(text)


@pytest.mark.parametrize("text", KEPT)
def test_kept(find_structured: Find, text: str) -> None:
    assert find_structured(text) == []


@pytest.mark.parametrize(
    "text", ["Hun sa at helsenorge.no var nede", "Vi ses at home.no", "møte at 10 dot 30"]
)
def test_a_plain_at_is_a_word_unless_the_address_looks_like_one(text: str) -> None:
    assert EmailRecognizer().analyze(text, None, NO_ARTIFACTS) == []


def test_a_form_label_is_not_an_answer_to_the_line_before(find_structured: Find) -> None:
    text = "Rekvirent: Fastlege Tor Øyen, HPR 5908078\nRekv.nr: 24031188"
    assert find_structured(text) == [("NO_HPR", "5908078")]


def test_a_checksum_valid_number_beats_a_label_but_a_mistyped_one_does_not(find: Find) -> None:
    assert find("Lot 13097248022") == [("NO_FODSELSNUMMER", "13097248022")]
    assert find("Lot 13097248023") == []
    assert validate_fnr("13097248022") is not None
    assert validate_fnr("13097248023") is None
    assert fnr_date_plausible("13097248023")


SEPARATORS = st.sampled_from([" ", ".", "-", "_", "/", "\t", " - "])


def _grouped(digits: str, breaks: list[int], separators: list[str]) -> str:
    """``digits`` with a separator after each position in ``breaks``."""
    out, previous = [], 0
    for cut, separator in zip(sorted(set(breaks)), separators, strict=False):
        out += [digits[previous:cut], separator]
        previous = cut
    return "".join(out) + digits[previous:]


@settings(max_examples=150, deadline=None)
@given(
    first=st.sampled_from("2345679"),
    rest=st.text("0123456789", min_size=7, max_size=7),
    breaks=st.lists(st.integers(1, 7), max_size=7),
    separators=st.lists(SEPARATORS, min_size=7, max_size=7),
    word=st.sampled_from(["tlf", "Telefon:", "mobil", "ring", "sms til", "nås på", "Tlf.nr"]),
)
def test_eight_digits_in_any_grouping_after_a_phone_word(
    spans: Spans, first: str, rest: str, breaks: list[int], separators: list[str], word: str
) -> None:
    number = _grouped(first + rest, breaks, separators)
    assume(sorted(set(breaks)) not in ([2, 4], [4, 6]))  # 17.05.2017, 2017-05-17: dates
    text = f"{word} {number} i kveld"
    start = len(word) + 1
    assert ("PHONE_NUMBER", start, start + len(number)) in spans(text)


def _valid_fnr(date: str, individual: str) -> str | None:
    body = [int(c) for c in date + individual]
    k1 = mod11_check_digit(body, (3, 7, 6, 1, 8, 9, 4, 5, 2))
    if k1 is None:
        return None
    k2 = mod11_check_digit([*body, k1], (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
    return None if k2 is None else f"{date}{individual}{k1}{k2}"


@settings(max_examples=150, deadline=None)
@given(
    date=st.dates().map(lambda d: d.strftime("%d%m%y")),
    individual=st.text("0123456789", min_size=3, max_size=3),
    breaks=st.lists(st.integers(1, 10), max_size=10),
    separators=st.lists(SEPARATORS, min_size=10, max_size=10),
    word=st.sampled_from(["fnr", "Fødselsnummer:", "personnr", "pnr", "f.nr.", "d-nummer"]),
)
def test_a_fodselsnummer_in_any_grouping_after_its_word(
    spans: Spans, date: str, individual: str, breaks: list[int], separators: list[str], word: str
) -> None:
    fnr = _valid_fnr(date, individual)
    assume(fnr is not None and validate_fnr(fnr) is not None)
    assert fnr is not None
    number = _grouped(fnr, breaks, separators)
    text = f"{word} {number} er registrert"
    start = len(word) + 1
    assert ("NO_FODSELSNUMMER", start, start + len(number)) in spans(text)
