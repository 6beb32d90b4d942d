"""Names as a sixth corpus of chat and admin text wrote them (issue 17), and the words around
them that are no names: ``Nguyễn Văn Hùng her.``, a name after a relative in brackets, contact
lists (``2. Tran Van Hoang – 468 03 211``), user names with a dot, underscore or ``@``, form
fields with dot leaders or XML tags, ``Surname, Given`` before an address, HL7 ORC-11, a first
name that is also a word owning something (``Eli sine vakter``); and, not names, units named
after an institution, suspended compounds (``Barne- og``), hyphenated examinations, bots, chat
platforms, greetings that are also given names, interjections and drugs by context.

Every name, number and address below is made up.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from recognizers.ner.not_names import is_not_a_person
from recognizers.ner.person_filter import is_no_model_name
from recognizers.no.name_echoes import name_echoes

Find = Callable[[str], list[tuple[str, str]]]

FOUND = [
    # ``… her.``: the dot ends the clause; three capitalised words name the writer
    ("Hei. Sahra Abdi Warsame her. Jeg lurer på timen.", "Sahra Abdi Warsame"),
    ("Xin chào! Trần Văn Bình her, har time i morgen", "Trần Văn Bình"),
    # a relative in brackets before the name
    ("jeg skriver for hooyo (mamma) Xaliimo Cali Nuur, hun snakker lite", "Xaliimo Cali Nuur"),
    # contact lists: an item opening with a name before a dash or comma and a contact detail
    ("Ring disse:\n1. Tran Van Long – 412 33 908\n2. Eva Berg – 913 22 001", "Tran Van Long"),
    ("Ring disse:\n1. Eva Berg – 913 22 001\n2. tor-erik lunde – 934 11 220", "tor-erik lunde"),
    ("Liste:\nsuvi ánte joks 01019912345\nrami haddad 02029912345", "suvi ánte joks"),
    ("Adresser:\n- PHAM MINH TUNG, Storgata 3, 0155 OSLO", "PHAM MINH TUNG"),
    # user names
    ("Brukeren HANSEN_K er låst etter tre forsøk.", "HANSEN_K"),
    ("bruker @kari_nordby skrev: hei!", "kari_nordby"),
    ("Time,User,Action\n2026-01-03T08:00:01,b.hansen,VIEW", "b.hansen"),
    ("ID    | Navn            | Bruker\nA-01  | Dilnoza Rahimova | dilnoza.r", "dilnoza.r"),
    ("elev: han har et annet navn der, brukernavnet hans er kbrun07\nlege: ok", "kbrun07"),
    # form fields: dot leaders, XML tags, ``Surname, Given`` before an address
    ("Etternavn ........ NORDBY\nFornavn .......... SIGRID", "NORDBY"),
    ("<Navn><Etternavn>Haddad</Etternavn><Fornavn>Rami</Fornavn></Navn>", "Haddad"),
    ("Sendt til: Okafor, Chidi, Storgata 5, 2821 GJØVIK", "Okafor, Chidi"),
    # HL7 ORC-11 (verified by), id^family^given
    ("MSH|^~\\&|LAB\nORC|RE||||||||||1234567^BERG^SIGRUN", "BERG^SIGRUN"),
    # a chat line opened by its channel and a time stamp
    ("Vakt-chat 23:48 — Lê Thu Hà: Pas. på rom 4 har feber", "Lê Thu Hà"),
    # a first name that is also a word, owning what follows
    ("Jeg har byttet med Siv sine vakter i helgen.", "Siv"),
    ("Vi har lest Per sitt notat.", "Per"),
]


@pytest.mark.parametrize(("text", "name"), FOUND)
def test_found(find: Find, text: str, name: str) -> None:
    assert ("PERSON", name) in find(text)


NOT_FOUND = [
    # text, what no PERSON finding may hold
    ("1. Ny time – 12.03\n- Blodprøve tatt, 3 stk", "Blodprøve"),  # list items, no names
    ("- Gjertrud Lønning, Postboks 77, 5201 Os", "Postboks"),
    ("Hei. Liv sitt rom er klart.", "Liv"),  # a sentence's first word: maybe ``liv``
    ("Målinger:\nblodtrykk målt 140 90 12 03 2024\npuls hvile 72 12 03 2024 08", "blodtrykk"),
    ("Brukeren er låst etter tre forsøk.", "er"),
    ("kan dokker ring tebake på 72 55 80 13", "tebake"),  # dialect ``tilbake``
]


@pytest.mark.parametrize(("text", "absent"), NOT_FOUND)
def test_not_found(find: Find, text: str, absent: str) -> None:
    found = [value for kind, value in find(text) if kind == "PERSON"]
    assert all(absent not in value for value in found), found


NOT_PEOPLE = [
    # text, a span the model or a rule took for a name
    ("Hjemmetjenesten Vest (07.03.2025 20:40): Hei", "Vest"),
    ("Til Pasientkontoret\nVi har mottatt fakturaen", "Pasientkontoret"),
    ("Søker: overlege, Barne- og ungdomsklinikken", "Barne-"),
    ("Helsesekretær, Ortopedisk poliklinikk", "Ortopedisk"),
    ("så sender jeg deg til arbeids-ekg", "arbeids-ekg"),
    ("helsebot: Hva heter du?", "helsebot"),
    ("Selam! Jeg lurer på noe", "Selam"),
    ("salaam, jeg skriver for mamma", "salaam"),
    ("[Teams] Ola Nordmann 14:05", "Teams"),
    ("EMAIL kari@example.no PHONE +47 912 34 567", "PHONE"),
    ("pasient: puh\nlege: ja", "puh"),
    ("ka skjer med svaret?", "ka"),
    ("chào. con gái của bà Lan", "con gái"),
    ("jeg skriver for hooyo (mamma)", "hooyo"),
    # drugs by context: a medication verb before and ``men`` or ``sammen med`` after, a
    # prescription for it; and bare names the model took for people
    ("har gitt Zyvorin men han kaster opp", "Zyvorin"),
    ("kan jeg ta Zyvorin sammen med Imdur?", "Zyvorin"),
    ("kan du sende resepten på zyvorin til apoteket", "zyvorin"),
    ("nei betahistin hjelper lite", "betahistin"),
    ("han har tatt en nitroglycerin", "nitroglycerin"),
    # lower-case places: after ``i``, in ``X i Y``, a farm ``på X i`` a known place
    ("postnummer åtte seks null to mo i rana", "rana"),
    ("postnummer åtte seks null to mo i rana", "mo"),
    ("og du bur framleis på hauge i vindafjord", "hauge"),
    ("pasient: ja, han bor på hemnes", "hemnes"),
]


@pytest.mark.parametrize(("text", "span"), NOT_PEOPLE)
def test_not_a_person(text: str, span: str) -> None:
    start = text.index(span)
    assert is_not_a_person(text, start, start + len(span))


STILL_PEOPLE = [
    ("Selam Tesfaye kommer i morgen", "Selam"),  # a given name, not alone
    ("Til Kari Hansen\nVi har mottatt fakturaen", "Kari Hansen"),
    ("ring meg, Anne-Lise, i kveld", "Anne-Lise"),
    ("Hilsen Talbot", "Talbot"),
    ("I dag fikk Ahmed besøk", "Ahmed"),
    ("hilsen fra rana i går", "rana"),  # a name that is a place, not after ``i`` or ``på``
    ("venter på kari i oslo", "kari"),
    ("venter på berg i dag", "berg"),  # a known surname after ``på``: maybe a person
]


MODEL_NOT_NAMES = [
    ("Pasient Ola Berg, mistenkt lungeemboli, D-dimer 3,4", "mistenkt lungeemboli"),
]


@pytest.mark.parametrize(("text", "span"), MODEL_NOT_NAMES)
def test_model_span_dropped(text: str, span: str) -> None:
    start = text.index(span)
    assert is_no_model_name(text, start, start + len(span))


def test_a_name_part_that_is_a_word_echoes_only_as_written() -> None:
    text = "Innringer: Kevin Andre Olsen.\nInnringer: leiligheten i andre etasje, ring Andre"
    start = text.index("Kevin")
    echoes = {text[a:b] for a, b in name_echoes(text, [(start, start + len("Kevin Andre Olsen"))])}
    assert "andre" not in echoes
    assert "Andre" in echoes


@pytest.mark.parametrize(("text", "span"), STILL_PEOPLE)
def test_still_a_person(text: str, span: str) -> None:
    start = text.index(span)
    assert not is_not_a_person(text, start, start + len(span))
