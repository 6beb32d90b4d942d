"""Record numbers and e-mail addresses in the forms a ninth corpus wrote them.

Record numbers: a URL path segment after a patient segment, a JSON field keyed by the
patient, a FHIR Patient's identifier, a ``PAS-`` prefix, a wristband or label that prints the
number, a document named after it, a box-drawing table, a code in parentheses after
``Surname, Given`` or in a delimited row beside name cells, a second value joined to a
labelled one by ``og``. A log line's status and size after a labelled value are not.

E-mail: an initial set apart by a space, a provider's name without its top-level domain, an
address typed without its ``@``, a spaced dot before the top-level domain, a BATV or SRS tag
before the local part. A Message-ID and a bounce address with digits only are no one's.

Every name, number and address below is made up.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

Find = Callable[[str], list[tuple[str, str]]]

BOX_TABLE = (
    "┌────────────┬───────────────────┐\n"
    "│ Pasientnr  │ Navn              │\n"
    "├────────────┼───────────────────┤\n"
    "│ 12-440-917 │ Dahle, Randi      │\n"
    "│ 12-440-933 │ Opsahl, Geir Ove  │\n"
    "└────────────┴───────────────────┘\n"
)
FHIR = (
    '{"resourceType":"Patient","identifier":[{"system":"urn:oid:2.16.578.1.12.4.1.9.1",'
    '"value":"LOK-7730215"}],"name":[{"family":"Berg","given":["Ola"]}]}'
)
WARD = (
    "Vaktrapport, medisinsk post 3\n"
    "* Seng 3: Lunde, Per Arne (412-3301) – pneumoni, oksygen 2 l\n"
    "* Seng 5: berg, kari (77-10432) – hjertesvikt\n"
    "Skriv om til en kort rapport."
)
PRINT_LOG = (
    "SKRIVERLOGG \\\\print02\\MED-1\n"
    '01.02.2025 03:10  owner=kholm  doc="Epikrise_6631042.pdf"  pages=3\n'
    '01.02.2025 03:12  owner=kholm  doc="Etiketter 6631077"  pages=1\n'
)

JOURNAL_FOUND = [
    (
        "URL path after /pasient/",
        '"GET /api/pasient/KV4410927/kurve HTTP/1.1" 200 512',
        "KV4410927",
    ),
    (
        "JSON key names the patient",
        '{"bruker":"u-2210","pasient":"SØ-552018","tlf":null}',
        "SØ-552018",
    ),
    ("JSON key, camel case", '{"patientRef": "4471190", "status": "ok"}', "4471190"),
    ("FHIR Patient identifier", FHIR, "LOK-7730215"),
    ("PAS- prefix", "Henvisningen gjelder PAS-0077182, se vedlegg.", "PAS-0077182"),
    ("wristband", "Armbåndet viser 6620318, men etiketten viser 6620381.", "6620318"),
    ("label", "Armbåndet viser 6620318, men etiketten viser 6620381.", "6620381"),
    ("document named after the number", PRINT_LOG, "6631042"),
    ("printed labels", PRINT_LOG, "6631077"),
    ("box-drawing table", BOX_TABLE, "12-440-917"),
    ("box-drawing table", BOX_TABLE, "12-440-933"),
    ("code after Surname, Given", WARD, "412-3301"),
    ("code after a lower-case name", WARD, "77-10432"),
    (
        "delimited row beside name cells",
        "Eksport rad 4: Strand;Eli;6604-1182;eli.s@example.no",
        "6604-1182",
    ),
    (
        "joined to a labelled one",
        "Journalnummeret er 4410 2291 på Aker og K7702214 på Ullevål.",
        "K7702214",
    ),
]


@pytest.mark.parametrize(("why", "text", "value"), JOURNAL_FOUND)
def test_journal_found(find: Find, why: str, text: str, value: str) -> None:
    found = find(text)
    assert ("NO_JOURNALNUMMER", value) in found, (why, found)


JOURNAL_NOT_FOUND = [
    # text, what no record-number finding may hold
    ('GET /api/v1/pasient/sok?pid=7781120 HTTP/1.1" 404 77\n', "404 77"),
    ("Hansen, Kari (1974-2021) var kontaktperson.", "1974-2021"),
    ("Lie, Tor (91522004) ringer tilbake.", "91522004"),  # a mobile number
    ('{"user":{"id":"u-30117","pasient":"ja"}}', "u-30117"),
    ('doc="Rapport_20241105.pdf" doc="Epikrise_20241105.pdf"', "20241105"),
    ("Etiketten viser 20 mg, lot 2207118.", "2207118"),
    ("Paracetamol, Pinex (500-1000) mg x 4", "500-1000"),  # a dose range
    ("Kontroll: Hb, CRP (2024-118) normale", "2024-118"),  # lab abbreviations, no name
    ("Status;Aktiv;551234;ok", "551234"),  # ordinary words, no name cells
]


@pytest.mark.parametrize(("text", "absent"), JOURNAL_NOT_FOUND)
def test_journal_not_found(find: Find, text: str, absent: str) -> None:
    found = [value for kind, value in find(text) if kind == "NO_JOURNALNUMMER"]
    assert all(absent not in value for value in found), found


EMAIL_FOUND = [
    (
        "initial apart by a space",
        "epost: k. lunde@ gmail.com. Adresse kommer",
        "k. lunde@ gmail.com",
    ),
    (
        "provider without its domain",
        "mail meg på per.arne.holm@ hotmail (.com) i dag",
        "per.arne.holm@ hotmail (.com)",
    ),
    (
        "typed without the @",
        "eposten min er kari-b outlook.com (finner ikke krøllalfa)",
        "kari-b outlook.com",
    ),
    (
        "spaced dot before the TLD",
        "Kontakt: ola.nordby (a) helse-nord . no",
        "ola.nordby (a) helse-nord . no",
    ),
    (
        "BATV tag",
        "Return-Path: <prvs=77ab01=tone.lie@ahus.example.no>",
        "prvs=77ab01=tone.lie@ahus.example.no",
    ),
    (
        "SRS tag",
        "X-Original-From: SRS0=Ab12=XY=nav.no=kari.holm@forward.example.no",
        "SRS0=Ab12=XY=nav.no=kari.holm@forward.example.no",
    ),
    (
        "bounce word with a name stays",
        "Return-Path: <bounce-kari.holm@mx.example.no>",
        "bounce-kari.holm@mx.example.no",
    ),
]


@pytest.mark.parametrize(("why", "text", "value"), EMAIL_FOUND)
def test_email_found(find: Find, why: str, text: str, value: str) -> None:
    found = find(text)
    assert ("EMAIL_ADDRESS", value) in found, (why, found)


EMAIL_NOT_FOUND = [
    "Message-ID: <7f3a9c01@epj.example.no>",
    "In-Reply-To: <CA1234x@mail.example.no>",
    "2025-01-02 INFO msgid=<0c11ab@relay.example.no> status=sent",
    "Return-Path: <bounce-55120@mx.example.no>",
    "Logg inn på gmail.com og sjekk innboksen.",
    "Bruker du gmail.com eller outlook.com?",
    "epost kari (a) nav . Neste gang ringer vi",
]


@pytest.mark.parametrize("text", EMAIL_NOT_FOUND)
def test_email_not_found(find: Find, text: str) -> None:
    found = [value for kind, value in find(text) if kind == "EMAIL_ADDRESS"]
    assert found == [], found


def test_message_id_beside_an_address(find: Find) -> None:
    text = "msgid=<a0b1c2@relay.example.no> from=<post@klinikk.example.no> to=<eva.moe@gmail.com>"
    found = [value for kind, value in find(text) if kind == "EMAIL_ADDRESS"]
    assert found == ["post@klinikk.example.no", "eva.moe@gmail.com"], found


def _untouched(text: str, found: list[tuple[str, str]], keep: str) -> bool:
    start = text.index(keep)
    end = start + len(keep)
    return all(text.find(hit) >= end or text.find(hit) + len(hit) <= start for _, hit in found)


def test_ward_list_clinical_content_and_instruction_untouched(find: Find) -> None:
    found = find(WARD)
    assert ("NO_JOURNALNUMMER", "412-3301") in found, found
    for keep in ("pneumoni", "oksygen 2 l", "hjertesvikt", "Skriv om til en kort rapport"):
        assert _untouched(WARD, found, keep), (keep, found)


def test_typed_address_leaves_labs_and_instruction(find: Find) -> None:
    text = (
        "Oppsummer svaret til pasienten. Hb 12,1 g/dL, CRP 45, Marevan 2,5 mg. "
        "epost er lise-m hotmail.com"
    )
    found = find(text)
    assert ("EMAIL_ADDRESS", "lise-m hotmail.com") in found, found
    for keep in ("Oppsummer svaret til pasienten", "Hb 12,1 g/dL", "CRP 45", "Marevan 2,5 mg"):
        assert _untouched(text, found, keep), (keep, found)
