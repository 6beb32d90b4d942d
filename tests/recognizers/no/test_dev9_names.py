"""Names as a ninth corpus of chat, transcripts and admin text wrote them, and words that stand
where a name might but are none: names with no cue word (before a phone number or a birth
date, ``X heter jeg``, a line of names after a sender, a sender and a time, a closing first
name, a genitive owner, a double first name), user-name keys, ``Surname, Given`` in quotes,
brackets and after a time stamp, FHIR given names; and the keywords of calendar, contact,
mail and log formats, header rows, hesitations and ordinary words in the next cell.

Every name, number and address below is made up.
"""

from __future__ import annotations

import pytest

from recognizers.ner.person_filter import is_no_model_name
from recognizers.no.name_echoes import name_echoes
from recognizers.no.person_lists import listed_names
from tests.recognizers.no.person_names_found import names_found, word_at

FOUND = [
    # user-name keys of logs, directories and JSON
    ('02:40  owner=tkvalheim     doc="Notat.pdf"  pages=2', "tkvalheim"),
    ("sAMAccountName: ghovland\nemployeeID: 1234", "ghovland"),
    ('{"event":"login","username":"lsandvik","ok":true}', "lsandvik"),
    # ``Surname, Given`` in a quoted SQL value, a CSV cell, after a key word and a time stamp
    ("VALUES\n  (5511, 'Koskinen, Aino', 'datter', NULL),", "Koskinen, Aino"),
    ('u17,"Van Dijk, Maarten",m.vandijk@example.no', "Van Dijk, Maarten"),
    ("Bruker Holm-Eriksen, Ragnhild (r.he@example.no) får feil", "Holm-Eriksen, Ragnhild"),
    ("[14:02] Mbaye, Awa\nkan du ta denne?", "Mbaye, Awa"),
    # FHIR given names
    ('{"family":"Warsame","given":["Idil","Sahra"]}', "Idil"),
    ('{"family":"Warsame","given":["Idil","Sahra"]}', "Sahra"),
    # a line listing user names, one of them a dotted name
    ("Legg til i gruppa:\n  kari.lie, ola.nordmann2, TOVE.BERG, tkvalheim\nTakk", "tkvalheim"),
    ("Legg til i gruppa:\n  kari.lie, ola.nordmann2, TOVE.BERG, tkvalheim\nTakk", "TOVE.BERG"),
    # a chat export sender with a role in brackets
    ("[10:02] Chidinma (Kunde): hei\n[10:03] Chidinma (Kunde): takk", "Chidinma"),
    # a name before a phone number
    ("hei, trenger time. ring meg. torgeir 934 11 208", "torgeir"),
    ("SOLVEIG NESHEIM\n93 12 44 10\nSNESHEIM@EXAMPLE.NO", "SOLVEIG NESHEIM"),
    ("gjelder mor. kontakt meg halvard 41 20 33 90 etter kl 16", "halvard"),
    # a name before a birth word and a date
    ("det gjeld mor. ingrid solheim fødd 3.4.1938", "ingrid solheim"),
    # the inverted introduction
    ("Hei, solfrid heter jeg, har astma", "solfrid"),
    ("mora mi trenger hjelp. torunn heter hun, bur aleine", "torunn"),
    # a line of names after a sender, a time stamp and a label
    ("Bot: navn?\nDu: synnøve marie haugland\nDu: 0101", "synnøve marie haugland"),
    (
        "[00:01.000 --> 00:03.200]  kjell-arne bøen\n[00:03.200 --> 00:05.000]  ja",
        "kjell-arne bøen",
    ),
    # sender lines of a copied chat: a name and a time
    ("kjell-arne 20:15\nhun har feber\nkjell-arne 20:16\nsender nummer", "kjell-arne"),
    # a first name closing a message
    ("Takk for hjelpen – sigrun", "sigrun"),
    ("ring meg på hjemmenummeret (min). grethe", "grethe"),
    # a genitive owner and a double first name in lower case
    ("mor: det var torbjørns lærer som ringte", "torbjørns"),
    ("skal hente Ventolin for ann-kristin i morgen", "ann-kristin"),
    # triggers: a possessive and ``er`` between, a colleague
    ("Legen hans er Brekkestø, HPR 1234567 står der", "Brekkestø"),
    ("[08:01] jurek: kolega torstein sier jeg må hvile", "torstein"),
    # a particle inside a name, a bracket holding the name only
    ("Hei, jeg heter Maria Santos dela Paz og jobber her", "Maria Santos dela Paz"),
    ("fastlegen (Grethe) ringte i går", "Grethe"),
    # a name making a clause with a relative
    ("vi trenger hjelp. faduma mamma. tlf 900 11 222", "faduma"),
    # a change of doctor, a doctor's office, a surname giving advice, a surname before a role
    ("vil bytte fastlege fra Kvamsdal til Rørvik snarest", "Kvamsdal"),
    ("ringte kontoret til Haugstad – ingen svar", "Haugstad"),
    ("TSH 4,1. Johannessen anbefaler ny prøve om 6 uker.", "Johannessen"),
    ("Svar fra lege:\n> Nordbø, fastlege\n", "Nordbø"),
    # the writer's own name in brackets, a lower-case ``surname, given`` in a list item
    ("gunnar og jeg (hilde) har flyttet", "hilde"),
    ("* Rom 12: solheim, ingrid marie (551-0001) – kontroll", "solheim, ingrid marie"),
]


@pytest.mark.parametrize(("text", "name"), FOUND)
def test_name_is_found(text: str, name: str) -> None:
    assert name in names_found(text)


NOT_FOUND = [
    # a header row after a name label
    (
        "pasient_id\tetternavn\tfornavn\tfodt\tpostnr\tmobil\n1\tLie\tKari\t1970-01-01\t0150\t1",
        ["fodt"],
    ),
    ("INSERT INTO kontakt (pasient_id, navn, relasjon, telefon) VALUES", ["relasjon"]),
    # an ordinary word in the next cell after a role
    ("Overlapp nattevakt → dagvakt, Medisinsk post 3", ["Medisinsk"]),
    # a bracket holding an ordinary word
    ("datter (voksen) ringte i går", ["voksen"]),
    # a date and an ordinary verb where a closing or an apposition would stand
    ("frist for svar er 3. mai", ["mai"]),
    ("vi trenger time. ring mamma. tlf 900 11 222", ["ring"]),
    # a directory attribute before a colon
    (
        "mail: a@example.no\nproxyAddresses: SMTP:a@example.no\nproxyAddresses: smtp:b@example.no",
        ["proxyAddresses"],
    ),
    # places in a change of doctor, an ordinary list item, a sentence opening before ``sier``
    ("bytte lege fra Bergen til Oslo", ["Bergen", "Oslo"]),
    ("* Rom 1: kne, venstre side – hevelse", ["kne", "venstre"]),
    ("Status: stabil. Pasienten sier hun er bedre.", ["Pasienten"]),
    # a word between a number label and the number (``is`` in Sami)
    ("Pasienten skrev på samisk. Svar: Giitu! mu nummar lea 954 12 069 jus.", ["lea"]),
    # a nynorsk adverb that is also a given name, in lower-case speech
    ("lækjar: kven et du middag saman med no\npasient: eg et åleine", ["saman"]),
    # a list of files, a word before ``heter`` that is no name
    ("notat.pdf, brev.docx, kari.txt", ["notat.pdf", "kari.txt"]),
    ("Det heter vi ikke. Hun heter ikke det", ["Det", "Hun"]),
]


@pytest.mark.parametrize(("text", "words"), NOT_FOUND)
def test_no_name_is_found(text: str, words: list[str]) -> None:
    found = names_found(text)
    assert not any(word in span.split() for span in found for word in words), found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Møte", "VEVENT"),
        ("BEGIN:VCARD\nVERSION:3.0", "BEGIN"),
        ('ORGANIZER;CN="Lie, Kari":mailto:kari@example.no', "mailto"),
        ("Return-Path: <bounce@example.no>", "Return-Path"),
        ("Content-Transfer-Encoding: quoted-printable", "Content-Transfer-Encoding"),
        ("Content-Transfer-Encoding: quoted-printable", "quoted-printable"),
        ("Traceback (most recent call last):", "Traceback"),
        ("550 5.1.1 User unknown", "User unknown"),
        ("Remote Server returned '550'", "Remote Server"),
        ("ADR;TYPE=HOME:;;Storgata 1;Oslo;;0150;Norge", "Norge"),
        ("Sted: Møterom Fjorden / Teams", "Møterom Fjorden"),
        ("bestilling – leverandør Abena, lot 22", "Abena"),
        ("Reseptlogg eResept\n2026-01-02 10:00", "Reseptlogg eResept"),
    ],
)
def test_format_keywords_are_no_people(text: str, word: str) -> None:
    assert is_no_model_name(text, *word_at(text, word))


def test_a_contact_after_a_supplier_label_stays_a_person() -> None:
    text = "leverandør: Kari Nordmann, tlf 900 11 222"
    assert not is_no_model_name(text, *word_at(text, "Kari Nordmann"))


@pytest.mark.parametrize(
    ("text", "word"), [("PASIENT: ja det var eh i går", "eh"), ("Lege: mhm og", "mhm")]
)
def test_hesitations_are_no_model_names(text: str, word: str) -> None:
    assert is_no_model_name(text, *word_at(text, word))


def test_a_hesitation_inside_a_name_does_not_stop_it() -> None:
    text = "lege: og navnet\npasient: jeg heter tomek eh kowalczyk"
    assert any("kowalczyk" in span and "tomek" in span for span in names_found(text))


def test_a_compound_is_not_listed_with_a_name() -> None:
    text = "ta sædprøve for deg nikolai og blodprøver for henne"
    assert listed_names(text, [word_at(text, "nikolai")]) == []


def test_a_hesitation_is_not_listed_with_a_name() -> None:
    text = "pasient: med jonas og eh vetle"
    spans = listed_names(text, [word_at(text, "jonas")])
    assert word_at(text, "eh") not in spans


def test_the_domain_of_an_address_taken_for_a_name_is_not_echoed() -> None:
    text = "From: <kari.lie@helse-fjord.no>\nReceived: from mx.helse-fjord.no"
    echoes = name_echoes(text, [word_at(text, "kari.lie@helse-fjord.no")])
    assert all("helse" not in text[start:end] for start, end in echoes)


def test_clinical_content_near_a_name_before_a_number_stays_untouched() -> None:
    text = "bruker Metformin 500 mg x 2, HbA1c 58. kontakt meg torgeir 934 11 208"
    assert names_found(text) == ["torgeir"]


def test_instruction_and_labs_around_a_line_of_names_stay_untouched() -> None:
    text = "Oppsummer kort for legen.\nDu: synnøve marie haugland\nDu: CRP 45, Hb 12,1, TSH 2,3"
    assert names_found(text) == ["synnøve marie haugland"]
