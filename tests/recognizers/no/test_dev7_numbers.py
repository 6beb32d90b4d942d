"""Numbers, dates of birth and addresses in the shapes a seventh corpus gave them: a phone
number given in the turn after the question or typed over several messages, under a ``Tlf``
column, taken back at once, offered after an e-mail address, with the letter O for a zero at
a group's edge; part of a fødselsnummer read back; a date of birth whose year is taken back;
an OCR-spaced e-mail address; an account number after ``Faktura til:``; a postnummer
corrected in brackets. And what is none: a time range, an incident id, an organisation's
mailbox name, a chat time stamp, a time of day over a line break.

Every name and number below is made up.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

Find = Callable[[str], list[tuple[str, str]]]
Spans = Callable[[str], list[tuple[str, int, int]]]

FOUND = [
    # a phone number in the turn after the question, seven or nine digits
    ("PHONE_NUMBER", "lege: og mobilnummeret\npasient: ja det er 9152037\nlege: takk", "9152037"),
    (
        "PHONE_NUMBER",
        "A: hvilket telefonnummer når vi deg på\nB: eh fire fem en, tretti, null ni, sytti\nA: ok",
        "fire fem en, tretti, null ni, sytti",
    ),
    # digit words joined by hyphens, as a dictation typed out
    (
        "PHONE_NUMBER",
        "Telefon er fire-en-sju, null-null, to-tre-fem.",
        "fire-en-sju, null-null, to-tre-fem",
    ),
    # typed over several chat messages of digit groups only
    (
        "PHONE_NUMBER",
        "[10:01] Ola B: ring meg heller\n[10:01] Ola B: 467 20\n[10:02] Ola B: 113",
        "467 20",
    ),
    (
        "PHONE_NUMBER",
        "[10:01] Ola B: ring meg heller\n[10:01] Ola B: 467 20\n[10:02] Ola B: 113",
        "113",
    ),
    ("PHONE_NUMBER", "Bot: Skriv telefonnummeret ditt\nMeg: 930\nMeg: 55 1208", "55 1208"),
    # under a phone column of a delimited table, in any grouping
    ("PHONE_NUMBER", "Navn\tFnr\tTlf\nÅse Li\t1203801234\t91 22 33 4 5\n", "91 22 33 4 5"),
    # taken back at once by the right number
    ("PHONE_NUMBER", "Nummeret er 934 11 20\nnei vent, 934 21 207 skal det være", "934 11 20"),
    # offered after an e-mail address
    ("PHONE_NUMBER", "Svar til per.lie@example.no, alternativt 13 57 24 68.", "13 57 24 68"),
    # the letter O typed for a zero at the edge of a group
    ("PHONE_NUMBER", "RING MEG PÅ 92O 11 345 ETTER KL 16", "92O 11 345"),
    ("PHONE_NUMBER", "mobil: 4O 81 22 63, ring etter fire", "4O 81 22 63"),
    ("PHONE_NUMBER", "tlf 93 O4 51 88 hilsen Per", "93 O4 51 88"),
    # the letter l typed for a one between digits
    ("PHONE_NUMBER", "nr. 4l7 20 335 om dere trenger det", "4l7 20 335"),
    # part of a fødselsnummer read back, written or said
    ("NO_FODSELSNUMMER", "fnr 15038510018\nlege: 150385 og så\npasient: 10018", "150385"),
    ("NO_FODSELSNUMMER", "fnr 15038510018\nlege: 150385 og så\npasient: 10018", "10018"),
    (
        "NO_FODSELSNUMMER",
        "pasient: femten null tre åttifem en null null en åtte\nlege: femten null tre åttifem",
        "femten null tre åttifem",
    ),
    # a date of birth whose year is taken back
    ("DATE_OF_BIRTH", "lege: når er du født\npasient: niende mai femtito nei femtitre", "femtitre"),
    ("DATE_OF_BIRTH", "Født 09.05.1952 unnskyld 1953, bor alene", "09.05.1952 unnskyld 1953"),
    # an OCR-spaced e-mail address
    (
        "EMAIL_ADDRESS",
        "E-post: kari .nordvik@ online .no\nTlf: ukjent",
        "kari .nordvik@ online .no",
    ),
    # an address wrapped at the @
    ("EMAIL_ADDRESS", "- Per Lie: per.lie@\n  example.no\n- Eva", "per.lie@\n  example.no"),
    (
        "EMAIL_ADDRESS",
        "• Eva Ås – eva.aas\n  @sykehus.example.no\n• Ola",
        "eva.aas\n  @sykehus.example.no",
    ),
    # an account number after a pay-to label
    ("NO_KONTONUMMER", "Legemiddel: Cefotaxim 1 g\nFaktura til: 1234 56 78901", "1234 56 78901"),
    # a street without a street word, said with its number, postnummer and poststed
    (
        "NO_ADDRESS",
        "lege: så du bor på nedre lia tolv, fem null null fire bergen\npasient: ja",
        "nedre lia tolv, fem null null fire bergen",
    ),
    ("NO_ADDRESS", "Adresse: Bakkehaugen 7, 0873 Oslo", "Bakkehaugen 7, 0873 Oslo"),
    # a postnummer corrected in brackets
    ("NO_POSTNUMMER", "Feil postnummer 3014 (skal være 3016) i registeret.", "3016"),
]


@pytest.mark.parametrize(("entity", "text", "value"), FOUND)
def test_found(spans: Spans, entity: str, text: str, value: str) -> None:
    """The last occurrence of ``value`` is covered (a part said again comes after the whole
    number it is part of)."""
    start = text.rindex(value)
    end = start + len(value)
    found = spans(text)
    assert any(kind == entity and a <= start and end <= b for kind, a, b in found), found


NOT_FOUND = [
    # text, a kind, a string no finding of that kind may overlap (its last occurrence)
    ("kan dere ringe meg mellom 0730-0815 i morgen?", "PHONE_NUMBER", "0730-0815"),
    ("Avviket er meldt som HMS-2023-4471 til ledelsen.", "PHONE_NUMBER", "2023-4471"),
    (
        "Til: helsereiser.nord@helsereiser.no\n\nFra: helsereiser.nord\nSvar kommer.",
        "EMAIL_ADDRESS",
        "helsereiser.nord",
    ),
    ('From: "Helsetjeneste Support" <support@example-verify.com>', "EMAIL_ADDRESS", "Support"),
    (
        "03.02.2025, 10:14 - Per: født 11.04.79\n03.02.2025, 10:15 - Per: takk",
        "DATE_OF_BIRTH",
        "03.02.2025",
    ),
    (
        "Eva Li (02.03.2025 09:12): hei, født 11.04.79\nLege (02.03.2025 10:01): Hei Eva",
        "DATE_OF_BIRTH",
        "02.03.2025",
    ),
    ("Pustet med O2 12 l/min i natt", "PHONE_NUMBER", "O2 12"),
    ("Ring meg om fire-fem dager, ta to-tre tabletter", "PHONE_NUMBER", "fire-fem"),
    (
        "PASNR     NAVN                 SPRÅK    TID\n"
        "0441231   BERG, ALF            polsk    TOR 1330\nSendt av Eva Li",
        "NO_POSTNUMMER",
        "1330",
    ),
    (
        "ring meg plz\n[12:00] Ola: kl 14\n[12:00] Ola: 12\n[12:01] Ola: 2024",
        "PHONE_NUMBER",
        "2024",
    ),
    ("Han tar Paracet 500 mg x 4, 1000 Oslo kommune betaler", "NO_ADDRESS", "Paracet"),
]


@pytest.mark.parametrize(("text", "entity", "absent"), NOT_FOUND)
def test_not_found(spans: Spans, text: str, entity: str, absent: str) -> None:
    start = text.rindex(absent)
    end = start + len(absent)
    found = spans(text)
    assert not any(kind == entity and a < end and start < b for kind, a, b in found), found


def test_email_echo_of_a_persons_address_still_found(find: Find) -> None:
    text = "Fra: kari.nordvik@online.no\nlege: så det er kari punktum nordvik"
    found = [hit for kind, hit in find(text) if kind == "EMAIL_ADDRESS"]
    assert any("kari punktum nordvik" in hit for hit in found), found


def test_clinical_content_and_instruction_untouched(find: Find) -> None:
    text = (
        "Lag et kort sammendrag.\nlege: og telefon\npasient: 4671209 det er jobben\n"
        "lege: du bruker Metoprolol 50 mg x 1 og INR 2,4\n"
        "Faktura til: 1234 56 78901\nLegemiddel: Ceftriaxon 2 g x 1"
    )
    found = find(text)
    assert ("PHONE_NUMBER", "4671209") in found, found
    for keep in ("Lag et kort sammendrag", "Metoprolol 50 mg x 1", "INR 2,4", "Ceftriaxon 2 g x 1"):
        start = text.index(keep)
        end = start + len(keep)
        assert all(
            text.find(hit) >= end or text.find(hit) + len(hit) <= start for _, hit in found
        ), (keep, found)


def test_time_range_near_a_phone_number(find: Find) -> None:
    text = "Ring meg kl 0900-1000 på 412 55 607, takk."
    phones = [hit for kind, hit in find(text) if kind == "PHONE_NUMBER"]
    assert phones == ["412 55 607"], phones
