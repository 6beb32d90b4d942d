"""Local record numbers in the layouts an eighth corpus wrote them: bordered ASCII tables,
HTML and pipe rows whose id cell stands before a ``Surname, Given`` cell, SQL ``VALUES``
rows, compact headers (``PasID``, ``PNR``), lists introduced by a request for record
numbers, XML elements naming a local id, ``pnr`` before a patient number, ``pas. #…``, a
label inside the identifier (``HF-JNR-…``), a system prefix before digit groups, and
``nr.`` after a patient-number phrase. An ISO date opening a log line is no record number,
and case numbers (``Saksnr``) stay, as in dev7.

Every name and number below is made up.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

Find = Callable[[str], list[tuple[str, str]]]

ASCII_TABLE = (
    "+----------+-----------------+\n"
    "| pas_nr_id | navn            |\n"
    "+----------+-----------------+\n"
    "|  4471902 | Berge, Oda      |\n"
    "|  4471977 | Lien, Tor Arne  |\n"
    "+----------+-----------------+\n"
)
HTML = (
    "<table><tr><td>VK-3318207</td><td>Moen Aas, Kari</td><td>Post 4</td></tr>\n"
    "<tr><td>VK-3318290</td><td>Holt, Jon</td><td>Post 2</td></tr></table>"
)
SQL = (
    "INSERT INTO besok (pasient_id, navn, tlf) VALUES\n"
    "(702214, 'Ola Strand', NULL),\n"
    "(702230, 'Eli Berg', '22 11 00 99');"
)
LISTING = "PasID  Navn                 Født\n661204 Lunde, Per          01.02.1961\n"
FIXED = (
    "PNR       NAVN                    FNR           FRIST\n"
    "00731122  BERG, ANNE               010170 12345  2025-01-10\n"
)
ASKED = (
    "Hei,\nkan du finne journalnummer for disse:\n- Vik, Hans: T-552310\n- Dahl, Eva: T-552377\n"
)
XML_LOCAL = (
    '<Pasient><Id type="FNR">010170 12345</Id><Id type="LOKAL">AB-4410937</Id>\n'
    '<LokalId type="EPJ">5530218</LokalId></Pasient>\n<Diagnose kode="J18.9">Pneumoni</Diagnose>'
)

FOUND = [
    ("bordered ASCII table, id column", ASCII_TABLE, "4471902"),
    ("bordered ASCII table, id column", ASCII_TABLE, "4471977"),
    ("HTML row, code before a name cell", HTML, "VK-3318207"),
    ("HTML row, code before a name cell", HTML, "VK-3318290"),
    ("pipe row, code before a name cell", "| 2280413 | Nilsen, Ida | ok |\n", "2280413"),
    ("SQL VALUES rows under pasient_id", SQL, "702214"),
    ("SQL VALUES rows under pasient_id", SQL, "702230"),
    (
        "one-line SQL insert",
        "INSERT INTO t (mrn, navn) VALUES (M-440912, 'Kari Holm');",
        "M-440912",
    ),
    ("fixed-width listing under PasID", LISTING, "661204"),
    ("fixed-width listing under PNR, eight digits", FIXED, "00731122"),
    ("list introduced by a request", ASKED, "T-552310"),
    ("list introduced by a request", ASKED, "T-552377"),
    ("XML Id typed LOKAL", XML_LOCAL, "AB-4410937"),
    ("XML LokalId", XML_LOCAL, "5530218"),
    ("pnr before seven digits", "Send notatet om Per Vik (pnr 3310876) til Ås.", "3310876"),
    ("pas. #", "Emne: Svar for pas. #6604412", "6604412"),
    ("label inside the identifier", "Melding mottatt. Ref: VV-JNR-441207", "VV-JNR-441207"),
    (
        "system prefix before digit groups",
        "Trenger EPJ-nr DIPS 44 210 977 i dag",
        "DIPS 44 210 977",
    ),
    (
        "nr. after a patient-number phrase",
        "Pasientnummeret ligger i brevet: nr. 0061443",
        "0061443",
    ),
]


@pytest.mark.parametrize(("why", "text", "value"), FOUND)
def test_found(find: Find, why: str, text: str, value: str) -> None:
    found = find(text)
    assert ("NO_JOURNALNUMMER", value) in found, (why, found)


NUMBERS = frozenset("NO_JOURNALNUMMER NO_HPR".split())
NOT_FOUND = [
    # text, what no record-number finding may hold
    (
        "2025-03-04 10:00:01 WARN retry for EPJ-nr EPJ-4471209\n2025-03-04 10:00:02 INFO ok",
        "2025-03-04",
    ),
    ("Saksnr: 2025/1187   Vår ref.: 25/00412-3", "2025/1187"),
    ("Pnr 12345 hører til fnr 010170", "12345"),  # five digits: a personnummer
    ("Pasient (pnr 120477 33211) er flyttet", "120477"),  # a fødselsnummer in two groups
    ("| 4410 | Nilsen, Ida |", "4410"),  # a short row number before a name
    ("<td>2025-02-01</td><td>Berg, Anne</td>", "2025-02-01"),
    ("INSERT INTO lager (ordre_id, navn) VALUES\n(553201, 'Hansker');", "553201"),
    ("De trenger journalnr for disse:\n- Albyl: 75 mg\n- INR: 2,8", "75"),
    ('<Id type="HPR">9034417</Id><Ordre>5512093</Ordre>', "5512093"),
]


@pytest.mark.parametrize(("text", "absent"), NOT_FOUND)
def test_not_found(find: Find, text: str, absent: str) -> None:
    found = [value for kind, value in find(text) if kind in NUMBERS and kind != "NO_HPR"]
    assert all(absent not in value for value in found), found


def test_clinical_content_and_instruction_untouched(find: Find) -> None:
    text = (
        "Lag en kort oversikt over disse pasientene.\n"
        "| pasient_id | navn         | lab            |\n"
        "|------------|--------------|----------------|\n"
        "|    5519022 | Rød, Martin  | CRP 140 mg/L   |\n"
        "Diagnose J18.9, Metformin 500 mg x 2."
    )
    found = find(text)
    assert ("NO_JOURNALNUMMER", "5519022") in found, found
    for keep in ("Lag en kort oversikt", "CRP 140 mg/L", "J18.9", "Metformin 500 mg x 2"):
        start = text.index(keep)
        end = start + len(keep)
        assert all(
            text.find(hit) >= end or text.find(hit) + len(hit) <= start for _, hit in found
        ), (keep, found)


def test_xml_diagnosis_code_untouched(find: Find) -> None:
    found = find(XML_LOCAL)
    assert all("J18.9" not in hit and "Pneumoni" not in hit for _, hit in found), found
