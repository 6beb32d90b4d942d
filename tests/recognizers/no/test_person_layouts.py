"""Names by layout (``Surname, Given``, name columns, chat senders, user names) and speaker
labels as transcript structure (issue 17): rules only, no NER."""

from __future__ import annotations

import pytest

from tests.recognizers.no.person_names_found import names_found

FOUND = [
    # Surname, Given: one span, in prose, lists, tables and CSV cells
    ("NORDMANN, Kari", ["NORDMANN, Kari"]),
    ("Nordmann, Kari ble innlagt", ["Nordmann, Kari"]),
    ("| Vold, Tobias | 45 | F32.1 |", ["Vold, Tobias"]),
    ('"Vold, Tobias",45,F32.1', ["Vold, Tobias"]),
    ("Romliste:\n- Hansen, Per\n- Berg, Ingrid Marie", ["Hansen, Per", "Berg, Ingrid Marie"]),
    ("PASIENT: SKAUG, JØRN\nFØDT: 04.11.1949", ["SKAUG, JØRN"]),
    ("INNLEGGENDE LEGE: FURU, ELLEN", ["FURU, ELLEN"]),
    ("Kari Nordmann, f. 1970. Diagnose F32.1. Hansen, Per", ["Kari Nordmann", "Hansen, Per"]),
    ("4. Gjerde, Henny – tom\n5. Abraha, Selamawit – tlf", ["Gjerde, Henny", "Abraha, Selamawit"]),
    ("08:20  Eira, Máret Inger    030179  Kontroll", ["Eira, Máret Inger"]),
    ("Solberg, Vår     Storgata 1", ["Solberg, Vår"]),  # a given name that is also a word
    ("TESFAMARIAM, SABA      6937.58.70215   4 oppdrag", ["TESFAMARIAM, SABA"]),
    ("12:00 Reinholdt, Greta – Solveien 98", ["Reinholdt, Greta"]),
    # name columns
    (
        "| Fornavn | Etternavn | Født |\n|---|---|---|\n| Kari | Nordmann | 1970 |",
        ["Kari", "Nordmann"],
    ),
    ("Navn;Fødselsdato;Diagnose\nNordmann, Kari;01.01.1970;F32.1", ["Nordmann, Kari"]),
    ("Etternavn\tFornavn\tFødt\nøverby\tsvitlana\t1970", ["øverby", "svitlana"]),
    ("rom,pasient,diagnose\n4,Vasanthi Kumaran,delirium", ["Vasanthi Kumaran"]),
    # chat-export senders
    ("24.09.2024, 21:11 - hedvig: hei!", ["hedvig"]),
    ("[09:14] Ola Nordmann: kommer du?", ["Ola Nordmann"]),
    ("hedvig: hei\nkari: hallo hvordan går det", ["hedvig", "kari"]),
    # user names
    ("bruker=minh.duong", ["minh.duong"]),
    ("user: kari.nordmann", ["kari.nordmann"]),
    ("username=svitlana_k", ["svitlana_k"]),
    ("brukernavn: olahan", ["olahan"]),
    ("login kari.n feilet", ["kari.n"]),
    ("[2024-01-01 10:00] INFO user=kn123 logged in", ["kn123"]),
    ("Notatet er signert av Kari Nordmann", ["Kari Nordmann"]),
    ("Rettet av ellen.knutsen.", ["ellen.knutsen"]),
    ("2024-02-11 03:14,jon.erik.holm,4401287,endre", ["jon.erik.holm"]),
    ('{"fornavn": "Huda", "etternavn": "Al-Rashid"}', ["Huda", "Al-Rashid"]),
    ("Henvist fra fastlege BRÅTEN ved Nordbyen legekontor", ["BRÅTEN"]),
    # speaker labels do not hide a name found by the other rules
    ("lege: hei kari", ["kari"]),
    ("SPEAKER_00: ja hei svitlana sett deg\nSPEAKER_01: takk", ["svitlana"]),
    ("[00:01:02] SPEAKER_01: jeg heter ali hassan", ["ali hassan"]),
    ("Speaker 1: si navnet ditt\nSpeaker 2: ja det er kari nordmann", ["kari nordmann"]),
    ("L: hei kari\nP: hei doktor", ["kari"]),
    # a speaker-like label with a field value is still a field
    ("Pasient: Vasanthi Kumaran, 70, delirium", ["Vasanthi Kumaran"]),
    ("Fastlege: Ingrid Bakke\nHenvist: 2024", ["Ingrid Bakke"]),
    ("pasient: kari nordmann", ["kari nordmann"]),
    # fixed-width listings: a cell belongs to the header cell it starts under
    (
        "Rom  Pasient             Lege         Merknad\n"
        "101  Solbakken, Arve     Tveitå       CRP 80\n"
        "102  ledig\n"
        "103  Mbeki, Thandi       Grønsund     mobiliseres",
        ["Solbakken, Arve", "Tveitå", "Mbeki, Thandi", "Grønsund"],
    ),
    ("Tid    Navn            Type\n09:00  Fosshaug, Eirin  Kontroll", ["Fosshaug, Eirin"]),
    # e-mail display names and header fields, HL7 name fields
    ('Til: "Ravindra Pokhrel" <r.pokhrel@helse.example>', ["Ravindra Pokhrel"]),
    ("Fra: Tiril\nTil: Legekontoret\nMelding: kommer ikke", ["Tiril"]),
    ("From: Odd Grimsrud <odd@example.org>", ["Odd Grimsrud"]),
    ("PID|1||123^^^NOR||SKJEGSTAD^HEDDA^MARIE||19870302|F", ["SKJEGSTAD^HEDDA^MARIE"]),
    ("NK1|1|SKJEGSTAD^TROND|FTH|", ["SKJEGSTAD^TROND"]),
    ("PV1|1|I|MED^2^1||||4711^LUNDE^ASTRID^^^DR|", ["LUNDE^ASTRID"]),
]
NOT_FOUND = [
    # speaker labels are structure
    "lege: ja hvordan går det\npasient: nei det går ikke så bra",
    "lege: fortell litt om smertene\npasient: vondt i magen siden i går",
    "Lege: Hei, hvordan har du det?\nPasient: Stemmer\nLege: Supert. Fortell mer.",
    "Lege: Fortell litt om smertene\nPasient: Vondt i magen\nPårørende: Hun har vært dårlig",
    "sykepleier: har du tatt medisinene\npasient: ja",
    "SPEAKER_00: ja\nSPEAKER_01: nei",
    "[00:00:05] Speaker 1: god dag",
    "L: hvordan går det\nP: bra takk",
    # headings, fields and lists that are no names
    "Diagnose: astma\nBehandling: ventoline",
    "Cor: Rene toner\nPulm: normale lyder",
    "| Fornavn | Etternavn |\n|---|---|\n| tom | ukjent |",
    "Ja, Takk",
    "pasienten bruker metformin",
    "bruker: admin",
    "login feilet",
    "Oslo, Norge",
    "24.09.2024, 21:12 - Pasientkontoret: Hei, ja. Hva gjelder det?",
    "[22:05] Helsenorge veileder: Ring legevakt",
    "se www.kari.no, fil kari.txt",
    # fixed-width listings without a name column, mail fields that are no names
    "Tid    Type          Status\n09:00  Kontroll      Ferdig",
    "Til: Legekontoret\nEmne: Timeavtale",
    "Til: post@legesenter.example",
    "OBX|1|NM|CRP||12|mg/L|<5|H",
    "PID|1||123^^^NOR||||19870302|F",
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def testnames_found(text: str, names: list[str]) -> None:
    assert names_found(text) == names


@pytest.mark.parametrize("text", NOT_FOUND)
def test_notnames_found(text: str) -> None:
    assert names_found(text) == []
