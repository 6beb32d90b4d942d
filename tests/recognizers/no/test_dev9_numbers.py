"""Numbers, addresses and dates of birth in the shapes a ninth corpus gave them: mobile
numbers typed in odd groups; a number split over two chat messages; numbers in the cells of a
tab-separated log, in an HL7 XTN field, in a quoted CSV field with ``47``, wrapped over quoted
mail lines; a trunk-and-area number from abroad; a compound of ``telefon``; a fødselsnummer in
a tab-separated row; an account number with a letter O and after ``pengene kan gå til``; an
HPR number after a prescriber's name; ``F:`` before a birth date; flat, entrance and floor
after a house number, ``c/o``, and a lower-case street after ``bor i``. And what is none: a
date and the hour of a chat time stamp, ``Bestilling nr.``, item scores, a room after ``bor
på``.

Every name and number below is made up.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

Find = Callable[[str], list[tuple[str, str]]]
Spans = Callable[[str], list[tuple[str, int, int]]]

FOUND = [
    # mobile numbers typed in odd groups, no phone word
    ("PHONE_NUMBER", "03.02.2026, 10:12 - Per Dal: 4 1 2 . 3 3 . 9 0 8", "4 1 2 . 3 3 . 9 0 8"),
    ("PHONE_NUMBER", "kommer snart. jeg er kari 9 1 2 - 4 4 - 5 0 6 ok", "9 1 2 - 4 4 - 5 0 6"),
    (
        "PHONE_NUMBER",
        "er borte i dag. jeg er per 93 4 55 1 08, PER.DAL@EKSEMPEL.NO",
        "93 4 55 1 08",
    ),
    ("PHONE_NUMBER", "per: nr 4 12 33 9 08", "4 12 33 9 08"),
    # a fixed-line number in odd groups right before an e-mail address
    (
        "PHONE_NUMBER",
        "Fjellvegen 3, 5003 Bergen. 55 12 3 4 5 6 kari.dal@eksempel.no",
        "55 12 3 4 5 6",
    ),
    # a number split over two messages after a phone word
    ("PHONE_NUMBER", "hei\ntlf er\n934 11\n508\nmvh kari", "934 11"),
    ("PHONE_NUMBER", "hei\ntlf er\n934 11\n508\nmvh kari", "508"),
    # tab-separated call log: time column, number column, extension column
    ("PHONE_NUMBER", "Tid\tFra\tTil\n03:10\t0047 412 33 908\t2201\n", "0047 412 33 908"),
    ("PHONE_NUMBER", "Tid\tFra\tTil\n03:10\t+4741233908\t2201\n", "+4741233908"),
    ("PHONE_NUMBER", "Tid\tFra\tTil\n03:10\t55 12 34 56\t2201\n", "55 12 34 56"),
    # HL7 XTN with use code, equipment type, country code
    ("PHONE_NUMBER", "PID|1||123^^^X||Dal^Kari||||||^PRN^PH^^47^55123456~", "55123456"),
    # 47 and a mobile number in one quoted CSV field
    ("PHONE_NUMBER", '"Navn","Telefon"\n"Kari Dal","4791 2334 55"', "4791 2334 55"),
    # a number wrapped over two quoted mail lines
    ("PHONE_NUMBER", "> Ring meg på +47 412\n> 33 908 i kveld", "+47 412\n> 33 908"),
    ("PHONE_NUMBER", "> mobil 412 33 908 eller jobb 55 12\n> 34 56.", "55 12\n> 34 56"),
    # a Swedish number with trunk and area code after "eller"
    ("PHONE_NUMBER", "ring +46 8 123 456 78 eller 073-412 55 90.", "073-412 55 90"),
    # a compound of telefon right before
    ("PHONE_NUMBER", "hun har fasttelefon 55123456 hjemme", "55123456"),
    # fødselsnummer in a tab-separated row, run together with its neighbours by tabs
    (
        "NO_FODSELSNUMMER",
        "Nr\tNavn\tJnr\tFnr\n1\tDal, Per\t512 3344\t150372 10029\tok\n",
        "150372 10029",
    ),
    (
        "NO_FODSELSNUMMER",
        "Nr\tNavn\tJnr\tFnr\n1\tDal, Per\t512 3344\t1503721 0029\tok\n",
        "1503721 0029",
    ),
    # an account number with a letter O for a zero; money sent to eleven digits
    ("NO_KONTONUMMER", "Kari Dal\t1503.7O.00008\tkr 450", "1503.7O.00008"),
    ("NO_KONTONUMMER", "pengene kan gå til 30000500018, takk", "30000500018"),
    # HPR number after a prescriber's name in a log line
    ("NO_HPR", "2026-01-02 10:00 forskriver=Dal, Kari Anne 1234567  pasient=x", "1234567"),
    # F: before a birth date, after a name on its line
    ("DATE_OF_BIRTH", "Henvisning\nPASIENT: DAL, KARI ANNE   F: 03.05.1961\n", "03.05.1961"),
    # flat and entrance after the house number; c/o before the street
    ("NO_ADDRESS", "ny adresse Fjellveien 12 leil 4 i kveld", "Fjellveien 12 leil 4"),
    (
        "NO_ADDRESS",
        "we live Fjellveien 120 oppgang C, 0570 Oslo.",
        "Fjellveien 120 oppgang C, 0570 Oslo",
    ),
    ("NO_ADDRESS", "vi bor Nordlia 9 (blokk A). takk", "Nordlia 9 (blokk A)"),
    (
        "NO_ADDRESS",
        "2) Dal, Per, Kirkegata 3, leil. 201, 8003 BODØ",
        "Kirkegata 3, leil. 201, 8003 BODØ",
    ),
    (
        "NO_ADDRESS",
        "flyttet til c/o Hansen, Kirkegata 5, 7010 Trondheim.",
        "c/o Hansen, Kirkegata 5",
    ),
    # a street in lower case with no street word, after "bor i"
    ("NO_ADDRESS", "ok. bor i nedre lia 14 hvis dere sender brev", "nedre lia 14"),
]

NOT_FOUND = [
    # a date and the hour of a chat time stamp
    ("Nummer?\n[03.02.26 09:15] per: 4 1 2 3 3 9 0 8", "PHONE_NUMBER", "03.02.26 09"),
    # another thing's number
    ("Bestilling nr. 41233908 – leverandør X", "PHONE_NUMBER", "41233908"),
    ("Sak nr 91233908 er lukket", "PHONE_NUMBER", "91233908"),
    # decimals and lab values in odd groups
    ("Hb 9.8 4.0 2.7 71 i serien", "PHONE_NUMBER", "9.8 4.0 2.7 71"),
    # a room, a ward, a duration after "bor i/på"
    ("Han bor på rom 12 nå.", "NO_ADDRESS", "rom 12"),
    ("Hun bor i byen 5 km unna.", "NO_ADDRESS", "byen 5"),
    ("bor i norge 20 år", "NO_ADDRESS", "norge 20"),
    # a name that is no prescriber's, before an id
    ("lege=Dal pasient 1234567", "NO_HPR", "1234567"),
    # F: and T:, from and to
    ("Periode\nKARI DAL F: 01.01.2024 T: 31.01.2024", "DATE_OF_BIRTH", "01.01.2024"),
]


@pytest.mark.parametrize(("entity", "text", "value"), FOUND)
def test_found(spans: Spans, entity: str, text: str, value: str) -> None:
    start = text.index(value)
    end = start + len(value)
    covering = [(e, s, t) for e, s, t in spans(text) if e == entity and s <= start and end <= t]
    assert covering, (entity, value, spans(text))


@pytest.mark.parametrize(("text", "entity", "absent"), NOT_FOUND)
def test_not_found(find: Find, text: str, entity: str, absent: str) -> None:
    assert not [v for e, v in find(text) if e == entity and absent in v], find(text)


def test_odd_groups_leave_clinical_content_and_instruction_untouched(find: Find) -> None:
    text = (
        "jeg er kari 9 1 2 - 4 4 - 5 0 6. Hb 12,1 g/dL, CRP 4 - 5 - 12 - 30, "
        "Paracet 500 mg x 4, BT 145/90 kl 08:30. Skriv et kort sammendrag."
    )
    values = [v for _, v in find(text)]
    for clinical in ("12,1", "12 - 30", "500 mg", "145/90", "08:30", "Paracet", "Skriv et kort"):
        assert not any(clinical in v or v in clinical for v in values if len(v) > 2), values
    assert ("PHONE_NUMBER", "9 1 2 - 4 4 - 5 0 6") in find(text)


def test_flat_tail_leaves_the_next_sentence_untouched(find: Find) -> None:
    text = "bor i Fjellveien 12 leil 4. Metformin 500 mg x 2, HbA1c 54 mmol/mol."
    found = find(text)
    assert ("NO_ADDRESS", "Fjellveien 12 leil 4") in found
    assert not [v for _, v in found if "Metformin" in v or "54" in v]


@pytest.mark.parametrize(
    ("text", "address", "kept"),
    [
        ("flyttet til Storgata 8 B, 2. etasje\n", "Storgata 8 B", "2. etasje"),
        ("Poliklinikken, Parkveien 40, 3. etg., tlf", "Parkveien 40", "3. etg"),
        ("møt opp i Sykehusveien 20, bygg 12, inngang B", "Sykehusveien 20", "bygg 12"),
    ],
)
def test_a_floor_or_a_campus_building_is_no_part_of_the_address(
    find: Find, text: str, address: str, kept: str
) -> None:
    found = find(text)
    assert any(e == "NO_ADDRESS" and address in v for e, v in found), found
    assert not [v for _, v in found if kept in v], found
