"""Local record numbers and HPR numbers in the shapes a seventh corpus wrote them: a hospital
prefix before the digits, archive and system labels, the patient word right before an id,
identifier columns, KITH XML ``Ident`` elements, log key=value pairs, a number read out in
words, and a labelled value repeated later. Case numbers (``saksnr 2024/1187``) stay: earlier
corpora keep them as the organisation's own references.

Every name and number below is made up.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

Find = Callable[[str], list[tuple[str, str]]]

XML = (
    "<m:Pasient><m:Ident><m:Id>4402-1187</m:Id>"
    '<m:TypeId V="XX" DN="Lokalt pasientnummer"/></m:Ident></m:Pasient>\n'
    '<m:Rekvirent><m:Ident><m:Id>9034417</m:Id><m:TypeId V="HPR"/></m:Ident></m:Rekvirent>\n'
    "<m:Grunn>Dyspné, NT-proBNP 1450 ng/L</m:Grunn>"
)

FOUND = [
    # a hospital prefix, then a space, after a label
    ("NO_JOURNALNUMMER", "Vi har journalnr. KRS 5530912 hos oss.", "KRS 5530912"),
    ("NO_JOURNALNUMMER", "Forrige j.nr.: BDS 40-0117263\nAdresse ukjent", "BDS 40-0117263"),
    ("NO_JOURNALNUMMER", "Pasientnr. Hj.S. 770241, innlagt fredag", "Hj.S. 770241"),
    ("NO_JOURNALNUMMER", "Se journal NLS 330815 for detaljer", "NLS 330815"),
    # letters joined to the digits, Norwegian letters or '#'
    ("NO_JOURNALNUMMER", "Journalnr.HØK/55102\nTlf ukjent", "HØK/55102"),
    ("NO_JOURNALNUMMER", "Feil: ukjent pasientreferanse JR#0058812", "JR#0058812"),
    # archive number, the record system's name, a patient reference key
    ("NO_JOURNALNUMMER", "Arkivnr.: AHS-KV-00419930\nNavn: ukjent", "AHS-KV-00419930"),
    ("NO_JOURNALNUMMER", "Epikrise for pasienten (DIPS 6612093) er sendt.", "6612093"),
    ("NO_JOURNALNUMMER", "WARN sms failed ref=EPJ:4471120 retry=3", "4471120"),
    ("NO_JOURNALNUMMER", '{"user":"x.y","patient_ref":"KB-5521907"}', "KB-5521907"),
    # the patient word right before an id-shaped value
    ("NO_JOURNALNUMMER", "Kan du sjekke pasient HB-2290117 før møtet?", "HB-2290117"),
    ("NO_JOURNALNUMMER", "2024-10-01 12:00 INFO sent patient=GR-330914", "GR-330914"),
    ("NO_JOURNALNUMMER", "Tilgangslogg (pasient 6620918, Eng, Berit):", "6620918"),
    ("NO_JOURNALNUMMER", "Flyttes: Lie, Ola (PNR KV-118204) til stue 2", "KV-118204"),
    # an identifier column: the header names an id
    (
        "NO_JOURNALNUMMER",
        "EPJ-id    Navn          Post\n7721043   Dahl, Per     Kir pol\n",
        "7721043",
    ),
    ("NO_JOURNALNUMMER", "pas_id|fornavn|etternavn\n553201|Ola|Nordmann\n", "553201"),
    ("NO_JOURNALNUMMER", "Gammelt ID\tNavn\nNLSH-00731\tStorvik, Ada\n", "NLSH-00731"),
    # the record word, then "nummer"
    ("NO_JOURNALNUMMER", "Journalen din her har nummer FH-0228817.", "FH-0228817"),
    ("NO_JOURNALNUMMER", "Spørsmål ang. journal TR-440981, svar snarest", "TR-440981"),
    # a number read out in words after its label
    (
        "NO_JOURNALNUMMER",
        "journalnummeret er fire-fem-null-to-ni-ni, takk",
        "fire-fem-null-to-ni-ni",
    ),
    # ... or in the answer to a turn asking for it
    (
        "NO_JOURNALNUMMER",
        "sekretær: har du journalnummeret\ninnringer: ja vent litt ja det er fem to null null"
        " ni fire\nsekretær: takk",
        "fem to null null ni fire",
    ),
    # a record word next to a case-number word still labels it
    ("NO_JOURNALNUMMER", "Gjelder opphold (saksnr/journal K-2023-55817).", "K-2023-55817"),
    # a labelled value repeated later in the text
    (
        "NO_JOURNALNUMMER",
        "Pasientnr QX-771203 er flyttet.\n\nGjelder QX-771203 fortsatt?",
        "QX-771203",
    ),
    # KITH XML: the TypeId says what the Id is
    ("NO_JOURNALNUMMER", XML, "4402-1187"),
    ("NO_HPR", XML, "9034417"),
    # the value set against a labelled one in a log's mismatch
    (
        "NO_JOURNALNUMMER",
        'WARN PID-3 mismatch, expected "004417729" got "447729" - avvist',
        "447729",
    ),
    # the first column's header names the number, though the header holds digits (B12)
    (
        "NO_JOURNALNUMMER",
        "Pasientnr  Navn              B12   Dato\n0077312 Berg, Anne        210   03.05\n",
        "0077312",
    ),
    # an HL7 XCN field whose assigning authority is HPR, in any segment
    ("NO_HPR", "OBR|1||R-1|GLU|||||||||||7719034^Lid^Eva^^^^^^HPR\n", "7719034"),
    # a log's doctor key
    ("NO_HPR", "[2024-10-02] resept signert lege=8807716 status=ok", "8807716"),
]


@pytest.mark.parametrize(("entity", "text", "value"), FOUND)
def test_found(find: Find, entity: str, text: str, value: str) -> None:
    found = find(text)
    assert any(kind == entity and value in hit for kind, hit in found), found


def test_repeat_counted_twice(find: Find) -> None:
    text = "Pasientnr QX-771203 er flyttet.\n\nGjelder QX-771203 fortsatt?"
    hits = [hit for kind, hit in find(text) if kind == "NO_JOURNALNUMMER"]
    assert hits.count("QX-771203") == 2, hits


NUMBERS = frozenset("NO_JOURNALNUMMER NO_HPR PHONE_NUMBER NO_FODSELSNUMMER".split())
NOT_FOUND = [
    # text, what no number finding may hold
    ("Pasient 2 av 3 fikk INR 2,8 og Albyl 75 mg", "75"),
    ("Pasienten fikk Marevan, INR 2,8 ved kontroll 1200", "1200"),
    ("Pasienten fikk HbA1c 6500 i fjor", "6500"),
    ("Ordre-ID\tNavn\nOR-5512093\tUtstyr\n", "OR-5512093"),  # the column is an order's id
    ("Pasient med ICD-10 J18.9 og CRP 140 innlagt", "J18.9"),
    ("Journal SNV-2024-000042 ble sendt", "SNV-2024-000042"),  # a site's format: its YAML
    ("Se saksnr 2024/1187 i arkivet", "2024/1187"),  # a case number stays
    ("lege=ja, sykepleier=nei", "ja"),
    ("id,navn,telefon\n4410,Ola Dahl,22334455\n", "4410"),  # a row number under a bare id
    ("Journalnummer 5512093 er rettet.\nAvvik 2024-881 er lukket.", "2024-881"),
]


@pytest.mark.parametrize(("text", "absent"), NOT_FOUND)
def test_not_found(find_structured: Find, text: str, absent: str) -> None:
    found = [value for kind, value in find_structured(text) if kind in NUMBERS]
    assert all(absent not in value for value in found), found


def test_eleven_digits_after_patient_are_no_record_number(find: Find) -> None:
    found = find("pasient=01017012345 ok")  # the fødselsnummer's job
    assert ("NO_JOURNALNUMMER", "01017012345") not in found, found


def test_clinical_content_and_instruction_untouched(find: Find) -> None:
    text = (
        "Oppsummer kort for fastlegen. Journalnr: KRS 5530912. "
        "Metformin 500 mg x 2, HbA1c 58 mmol/mol, ICD-10 E11.9."
    )
    found = find(text)
    assert ("NO_JOURNALNUMMER", "KRS 5530912") in found, found
    for keep in ("Oppsummer kort for fastlegen", "Metformin 500 mg x 2", "HbA1c 58", "E11.9"):
        start = text.index(keep)
        end = start + len(keep)
        assert all(
            text.find(hit) >= end or text.find(hit) + len(hit) <= start for _, hit in found
        ), (keep, found)


def test_xml_reason_untouched(find: Find) -> None:
    found = find(XML)
    assert all("NT-proBNP" not in hit and "1450" not in hit for _, hit in found), found
