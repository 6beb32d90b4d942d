"""Numbers as a sixth corpus wrote them in admin text and chat (issue 17): a fødselsnummer and
a phone number one space or tab apart in a list row, a mistyped fødselsnummer in digit groups,
``+47 (0)``, a phone number typed over several chat messages, record numbers right after
``journal`` or carrying their own label, an account number under a hand-typed ``Kontonr``
column, and an HL7 ORC provider field before ORC-12.

Every name and number below is made up.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

Find = Callable[[str], list[tuple[str, str]]]

FOUND = [
    # a fødselsnummer, then a phone number, one space apart in a pasted list row
    ("PHONE_NUMBER", "navn fnr tlf\nola bakken 15048812345 934 56 781\n", "934 56 781"),
    ("NO_FODSELSNUMMER", "navn fnr tlf\nkari vik 2106 8812 345 92 11 34 56\n", "2106 8812 345"),
    ("PHONE_NUMBER", "navn fnr tlf\nkari vik 2106 8812 345 92 11 34 56\n", "92 11 34 56"),
    # ... a tab apart, under a tlf column
    (
        "PHONE_NUMBER",
        "navn\tfnr\ttlf\nPer Lund\t11027733456\t47 12 09 88\tStorgata 1, 0155 Oslo",
        "47 12 09 88",
    ),
    # a fødselsnummer with a digit missing, in the DDMMYY NNNN layout, after its label
    ("NO_FODSELSNUMMER", "fødselsnr 120476 0218 hvis dere trenger det", "120476 0218"),
    # the trunk (0) after the country code
    ("PHONE_NUMBER", "ny mobil: +47 (0) 934 12 765 fra i dag", "+47 (0) 934 12 765"),
    # a phone number typed over three messages after a phone word
    ("PHONE_NUMBER", "09:12 Sigrun: tlf er 934\n09:12 Sigrun: 21\n09:12 Sigrun: 765", "934"),
    ("PHONE_NUMBER", "09:12 Sigrun: tlf er 934\n09:12 Sigrun: 21\n09:12 Sigrun: 765", "21"),
    ("PHONE_NUMBER", "09:12 Sigrun: tlf er 934\n09:12 Sigrun: 21\n09:12 Sigrun: 765", "765"),
    # a record number right after the word for the record, in groups or with a letter prefix
    ("NO_JOURNALNUMMER", "Pas. på rom 4 (journal 771 204 3) har feber", "771 204 3"),
    ("NO_JOURNALNUMMER", "født 3.4.1961, journal K-440217", "K-440217"),
    ("NO_JOURNALNUMMER", "Slå sammen journalene 5520113 og 5520871.", "5520113"),
    ("NO_JOURNALNUMMER", "Slå sammen journalene 5520113 og 5520871.", "5520871"),
    # a record number that carries its own label, after ref. or as a JSON value
    ("NO_JOURNALNUMMER", "Gjelder henvisning ref. JNR-2024-118830 fra fastlege", "JNR-2024-118830"),
    ("NO_JOURNALNUMMER", '{"system": "urn:oid:2.16.578.1", "value": "PID-0048817"}', "PID-0048817"),
    # an account number under a hand-typed Kontonr column that does not line up
    (
        "NO_KONTONUMMER",
        "Navn             Kontonr          Beløp   Merknad\n"
        "Berg, Anne Marit   1234.56.78903    1 120,00  Kontonr mangler siffer\n"
        "Nilsen, Bjørn Olav   2345 67 89012   980,50  OK\n"
        "Lie, Tone          40013422172      310,00  Mangler kvittering\n",
        "40013422172",
    ),
    # an HPR number in ORC-11 (verified by), not only ORC-12
    ("NO_HPR", "ORC|RE||||||||||4412876^LIEN^KNUT", "4412876"),
]


@pytest.mark.parametrize(("entity", "text", "value"), FOUND)
def test_found(find: Find, entity: str, text: str, value: str) -> None:
    assert (entity, value) in find(text)


NUMBERS = frozenset(
    """NO_JOURNALNUMMER NO_HPR PHONE_NUMBER NO_FODSELSNUMMER NO_KONTONUMMER""".split()
)
NOT_FOUND = [
    # text, what no number finding may hold
    ("Vi ringer deg kl 14\n12\n2024", "14"),  # a time and a date over lines, not in the plan
    ("Tlf 412\n88\nok", "412"),  # five digits in pieces are no phone number
    ("ført i journal 2024-03-12 kl 10", "2024-03-12"),  # a date after journal
    ("står i journalen 3 ganger", "3"),
    ("Postliste (offentlig journal)\n2024/5521 Henvendelse om innsyn", "2024/5521"),
    ("Journal SNV-2024-000042 ble sendt", "SNV-2024-000042"),  # a site's format: its YAML
    ("ordre 15048812345 934 56 781", "934 56 781"),  # the row is labelled as an order
    ("beløp 123456 7890 kr", "123456 7890"),  # ten digits in groups without an fnr label
    ("lot 5523 118 4", "5523 118 4"),  # digit groups without a record label
    (
        "Navn             Kontonr          Beløp   Merknad\n"
        "Lie, Tone          12345678903      310,00  OK\n",
        "310,00",
    ),
]


@pytest.mark.parametrize(("text", "absent"), NOT_FOUND)
def test_not_found(find_structured: Find, text: str, absent: str) -> None:
    found = [value for kind, value in find_structured(text) if kind in NUMBERS]
    assert all(absent not in value for value in found), found
