"""Step 2, spoken Norwegian: numbers, e-mail addresses, dates and spelled-out names."""

from __future__ import annotations

import pytest

from recognizers.normalise.spoken import spoken_view

NUMBERS = [
    ("fire en fire nittiåtte fem tre sju", "41498537"),
    ("null seks null åtte sju en fire åtte seks fire tre", "06087148643"),
    ("nittito tjuefire trettiåtte femti", "92243850"),
    ("4 1 4 nittiåtte", "41498"),
    ("ring 4 8 3 8 3 0 0 3 i dag", "ring 48383003 i dag"),
    ("fnr 1 5 0 6 9 0 0 0 0 5 0.", "fnr 15069000050."),
    ("Fire en fire, eh, nittiåtte fem tre sju", "41498537"),
    ("nummeret er ni null fire fire sju to seks en hvis", "nummeret er 90447261 hvis"),
    ("tolv null tre åtti og så tre ni ni seksti", "12038039960"),
    ("ni to eh fire sju altså seks en null åtte", "92476108"),  # discourse fillers
    ("fire åtte ni ni liksom tre en seks fem", "48993165"),
    ("telefon 9 1 7 eh 4 4 2 0 3", "telefon 91744203"),
    ("nittitre tjuen null null syttiåtte", "93210078"),  # tjuen: tjueen
    # a corrected group is dropped only when that leaves a phone number's eight digits
    ("åttifire tjuen altså tjueen null null sytti", "84210070"),
    ("førtisju tolv altså tretten femti femti", "47135050"),
    ("fire fem altså fire seks null en null to", "45460102"),  # eight digits: a filler
    # a tens word split from its unit is joined only when that gives a phone number's length
    ("telefon nitti åtte sju seks fem fire tre to", "telefon 98765432"),
    ("førti fem tjue tre sytti ni åtti en", "45237981"),
    ("født nitten syttien", "født 1971"),
    ("i nitten åttifem", "i 1985"),
    ("to tusen og tolv", "2012"),
    ("tusen ni hundre og åtti", "1980"),
    ("nitten hundre og åtti", "1980"),
    ("nittenåttini", "1989"),
    ("postnummer tjueåttehundre gjøvik", "postnummer 2800 gjøvik"),
    ("tjue-fem femti", "2550"),  # a hyphen joins tens and unit
    ("fem og tjue, tre og førti", "2543"),  # old order
    ("null åtte null tre førti tre tre fire seks fire", "08034033464"),  # førti tre: 40, 3
    ("ti null fem nittini fire hundre og nitti nittitre", "10059949093"),  # individnummer
    ("pluss førtisju førtiåtte tjue femti null en", "+4748205001"),
    ("phone plus four seven four one five zero two three one one", "phone +4741502311"),
    ("førtisju nittito tjuefire trettiåtte femti", "+4792243850"),
    ("null null førtisju ni ni tre fem en åtte to seks", "004799351826"),
    # nynorsk
    ("eg bur i storegjerdet sju, seks ni null null florø", "eg bur i storegjerdet 7, 6900 florø"),
    ("ein fire ein sju tjuge", "141720"),
    ("ho har eitt to tre fire", "ho har 1234"),
    # a house number and a postnummer are two numbers; after a street name, the house number
    # is written too
    ("markveien trettiåtte, null fem fem fire oslo", "markveien 38, 0554 oslo"),
    ("fjellveien hundre og tolv, tre sju tretten skien", "fjellveien 112, 3713 skien"),
    ("vegen fem seks ni null null florø", "vegen fem 6900 florø"),  # known poststed
    # English
    ("five one one one eight eight zero two nine five four", "51118802954"),
    ("call me on nine four two four forty-four seventy-eight", "call me on 94244478"),
]
MAIL = [
    ("noori punktum dariush krøllalfa gmail punktum com", "noori.dariush@gmail.com"),
    ("send til ola nittifem krøllalfa hotmail punktum no takk", "send til ola95@hotmail.no takk"),
    (
        "kari bindestrek anne understrek berg alfakrøll lege bindestrek nord prikk no.",
        "kari-anne_berg@lege-nord.no.",
    ),
    ("per snabel-a firma punktum no. Ring meg", "per@firma.no. Ring meg"),
    ("hirsi punktum mahad at outlook dot com", "hirsi.mahad@outlook.com"),
    ("pawel bindestrek z at wp dått pl", "pawel-z@wp.pl"),
    ("siv bindestrek therese dott holm at live dott no", "siv-therese.holm@live.no"),
    ("ola (at) example (dot) no", "ola@example.no"),
    ("eirin.haug[at]hotmail.no", "eirin.haug@hotmail.no"),
    ("ola @ example . no", "ola@example.no"),
    ("h u s s a i n krøllalfa gmail punktum com", "hussain@gmail.com"),
    ("Mail: Atle krøll-alfa Online punktum no", "Mail: Atle@Online.no"),
    # a local part of several words, back to a word that introduces it or a boundary
    (
        "mailen min er ali hassan nittito krøllalfa gmail punktum com",
        "mailen min er alihassan92@gmail.com",
    ),
    (
        "pasient: k eriksen prikk moss krøll alfa online punktum no",
        "pasient: keriksen.moss@online.no",
    ),
    ("send det til meg på per ole krøll firma punktum no", "send det til meg på perole@firma.no"),
    ("Jeg sa: tone krøllalfa lege punktum no", "Jeg sa: tone@lege.no"),
    ("e-post kari krøllalfa lege punktum no", "e-post kari@lege.no"),
    # a plain "at" with an e-mail word before it
    ("e-posten er kari at firma.no", "e-posten er kari@firma.no"),
    ("jonas æt gmail punktum com", "jonas@gmail.com"),  # "at" as a transcript writes it
    ("ola.nordmann@gmail. com", "ola.nordmann@gmail.com"),  # a phone keyboard's space
    # a domain said as two words, a local part with a spoken hyphen before its last words
    ("e-post: kontor krøllalfa fjord bygg punktum no", "e-post: kontor@fjordbygg.no"),
    ("ida bindestrek mo sju krøllalfa gmail punktum com", "ida-mo7@gmail.com"),
    ("mail: ola.nordmann@gmail,com", "mail: ola.nordmann@gmail.com"),  # a comma for the dot
]
DATES = [
    ("sjette i åttende nitten syttien", "06.08.1971"),
    ("første mai nitten åttifem", "01.05.1985"),
    ("tjuefemte desember åttiåtte", "25.12.88"),
    ("den fjerde i tredje", "den 04.03"),
    ("Født tjueførste i tolvte to tusen og tolv.", "Født 21.12.2012."),
    ("født sjette i åtte nitten syttien", "født 06.08.1971"),
    ("født sjette i 8 1971", "født 06.08.1971"),
    ("tolvte tolvte sekstien", "12.12.61"),
    ("nittende februar nittenåttini", "19.02.1989"),
    ("Første Mai", "01.05"),
    ("født femte mars i nittenåttifire", "født 05.03.1984"),  # "i" before a four-digit year
    ("første mai i tjue år", "01.05 i tjue år"),  # two digits after "i": a count
    # nynorsk
    ("fødd fyrste i sjuande nitten femti", "fødd 01.07.1950"),
    ("tjuande i niande åttiein", "20.09.81"),
]
LETTERS = [
    ("pasient: ja k o v a l e n k o", "pasient: ja kovalenko"),
    ("det staves h-u-s-s-a-i-n", "det staves hussain"),
    ("H U S S A I N", "HUSSAIN"),
    ("h u s s a i n", "hussain"),
    ("d ą b r o w s k a", "dąbrowska"),
    # letters named with a word (the spelling alphabet's "H som i Harald"), commas between
    ("etternavn: b som i bernhard e r g", "etternavn: berg"),
    ("S som i Sigrid, O, L", "SOL"),
    ("n som i nils o som i olivia r som i rikard", "nor"),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS + MAIL + DATES + LETTERS)
def test_written(text: str, expected: str) -> None:
    view = spoken_view(text)
    assert view is not None
    assert view.text == expected


UNCHANGED = [
    "to tabletter tre ganger daglig",
    "en uke",
    "Hb 12,9",
    "BT 158/94",
    "INR 2,4 og kreatinin 85 to uker etter",
    "Kontroll om fire-fem dager, deretter ti-tolv dager.",
    "en 78 år gammel kvinne, tre 500 mg tabletter",
    "Tusen takk for sist!",
    "fire hundre og tjue",  # three digits
    "vitamin b tolv tre hundre og ti",
    "De andre i familien, de andre i to uker",
    "den første andre gangen",
    "sick leave from 4 March 2024 to 28 April 2024",
    "i moved to 4014 Stavanger",
    "Jeg tror at han kommer i morgen.",
    "ring 22 33 44 55 eller 1 2 3",
    "Parkinsons sykdom, ICD-10 G20, ATC N04BA02",
    "Hun sa at vg er en avis.",
    "kari@example.no",
    "jeg var i byen i går",
    "Hun sa at helsenorge.no var nede",
    "Hun sa at helse norge punktum no var nede",  # plain "at": no two-word domain
    "skriv til kari@nav. Hun svarer i morgen",  # a plain "at" and nothing else of an address
    "Han mente at vg.no hadde rett",
    "vitamin d som i fjor",
    # spoken clinical numbers stay words
    "BT hundre og førti over nitti",
    "kreatinin hundre og tolv, Hb elleve komma fire",
    "temp trettiåtte komma sju",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_unchanged(text: str) -> None:
    assert spoken_view(text) is None


SPANS = [
    # (text, view substring, original substring it maps back to)
    (
        "ring meg på fire en fire nittiåtte fem tre sju takk",
        "41498537",
        "fire en fire nittiåtte fem tre sju",
    ),
    ("ring meg på fire en fire nittiåtte fem tre sju takk", "98", "nittiåtte"),
    ("ring meg på fire en fire nittiåtte fem tre sju takk", "4149", "fire en fire nittiåtte"),
    ("født sjette i åttende nitten syttien.", "06.08.1971", "sjette i åttende nitten syttien"),
    ("født sjette i åttende nitten syttien.", "08", "åttende"),
    ("født sjette i åttende nitten syttien.", "1971", "nitten syttien"),
    (
        "epost noori punktum dariush krøllalfa gmail punktum com",
        "noori.dariush",
        "noori punktum dariush",
    ),
    ("epost noori punktum dariush krøllalfa gmail punktum com", "@", "krøllalfa"),
    ("navn h u s s a i n takk", "hussain", "h u s s a i n"),
    ("pluss førtisju førtiåtte tjue femti null en", "+47", "pluss førtisju"),
    ("phone plus four seven four one five zero two three one one", "+47", "plus four seven"),
]


@pytest.mark.parametrize(("text", "part", "source"), SPANS)
def test_span_in_original(text: str, part: str, source: str) -> None:
    view = spoken_view(text)
    assert view is not None
    start = view.text.index(part)
    begin, end = view.span_in_original(start, start + len(part))
    assert text[begin:end] == source


PAUSES = [
    ("null seks, null åtte, sju en, fire åtte, seks fire tre", "06087148643"),
    ("fire en fire, nittiåtte, fem tre sju null takk", "414985370 takk"),
    ("fem, null null null null takk", "fem, 0000 takk"),  # a house number and a postnummer
    ("null, null null null null takk", "00000 takk"),  # no house number starts with 0
    ("leilighet h null to null en, tre en en null tønsberg", "leilighet h 0201, 3110 tønsberg"),
]


@pytest.mark.parametrize(("text", "expected"), PAUSES)
def test_commas(text: str, expected: str) -> None:
    view = spoken_view(text)
    assert view is not None
    assert view.text == expected
