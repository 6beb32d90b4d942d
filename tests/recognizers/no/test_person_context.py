"""Names introduced by titles, roles, relatives and introductions (rules, without the NER)."""

from __future__ import annotations

import pytest

from recognizers.no.person import PersonContextRecognizer

RECOGNIZER = PersonContextRecognizer()

FOUND = [
    ("Pasient Kari Nordmann ble innlagt i går", ["Kari Nordmann"]),
    ("fastlege Hansen ringte tilbake", ["Hansen"]),
    ("hei, eg heiter kari nordmann og er mora til jonas", ["kari nordmann", "jonas"]),
    ("Write a letter to Dr. Ingrid van der Berg.", ["Ingrid van der Berg"]),
    ("kona til Per kom på besøk", ["Per"]),
    ("Mvh Ola", ["Ola"]),
    ("sønnen Ahmed Hassan Ali er pårørende", ["Ahmed Hassan Ali"]),
    ("Navn: Anne-Marie Nordmann-Hansen", ["Anne-Marie Nordmann-Hansen"]),
    ("Summarise the note for patient Ola Hansen", ["Ola Hansen"]),
    ("sjukepleiar Guri Haugland har vakt", ["Guri Haugland"]),
    # a name does not continue across a line break (a bare last line is a signature)
    ("Pas. Kari\nNordmann", ["Kari", "Nordmann"]),
    # round 2: more ways a name is introduced
    ("legesenteret god dag du snakker med tuva", ["tuva"]),
    ("og fastlegen er torhild brekkestø ikke sant", ["torhild brekkestø"]),
    ("hei jeg ringer angående halvard myrvold", ["halvard myrvold"]),
    ("Gjelder Sunniva Holmsen, født 1988.", ["Sunniva Holmsen"]),
    ("ja jeg har ringt rønningen de kommer", ["rønningen"]),
    ("vi ringer bakvakt vold nå", ["vold"]),
    ("Søknad på vegne av far: KjellOve Tangvik", ["KjellOve Tangvik"]),
    ("KAN DU RINGE MEG. HILSEN GUNNAR STEN", ["GUNNAR STEN"]),
    ("mvh siren", ["siren"]),
    # a first name that is also a word continues a name only where the name ends
    ("ring kari per telefon i dag", ["kari"]),
    ("hilsen kari liv.", ["kari liv"]),
    ("SPEAKER_01: ja det er pham van duc", ["pham van duc"]),
    ("god bedring, hilsen familien Brattvåg", ["Brattvåg"]),
    ("Rom 6 Liv – uendret. Seng 12b Tesfay sover.", ["Liv", "Tesfay"]),
    # past tense and spelling introduce a name; interpreters, case workers, family
    ("ja hun het wenche da", ["wenche"]),
    ("det staves brekkestø", ["brekkestø"]),
    ("tolk ahmadzai er her", ["ahmadzai"]),
    ("saksbehandler brekkestø ringte", ["brekkestø"]),
    ("jeg var hos kiropraktor hagerup i går", ["hagerup"]),
    ("helsesøster Brattvåg kommer", ["Brattvåg"]),
    ("hilsen familien Tunheim", ["Tunheim"]),
    # an unknown name said with who one is
    ("hei det er wanjiru fra hjemmetjenesten", ["wanjiru"]),
    ("hei du snakker med thirunavukkarasu", ["thirunavukkarasu"]),
    ("æ hete sivert", ["sivert"]),
    ("her er tesfalem", ["tesfalem"]),
]
NOT_FOUND = [
    "Pasienten har Parkinsons sykdom og Downs syndrom",
    "datter mi ringte i går",
    "Pasient Er innlagt på avdelingen",
    "Send prøven til Bergen",
    # round 2: ordinary words after the new triggers, lab tests in capitals
    "jeg ringer angående timen i morgen",
    "det gjelder allergitesten og psykologtimen",
    "Gjelder Timebestilling neste uke",
    "Gjelder Allergitest for bjørk",
    "pasienten er dårlig, fastlegen er bortreist",
    "vi har ringt legevakta",
    "ANA positiv, SR 55, komplement lav.",
    "ANA negativ. ALAT normal.",
    "husker ikke hva fastlegen er for en",
    "Rom 4 Kontroll i morgen. Seng 2 ledig.",
    "rom 5 er ryddet",
    "hvordan staves det",
    "det er vondt fra i går",
    "jeg er sliten som bare det",
    "tolk trengs på somali",
    "lege: ja det var det",
    "her er resepten",
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def test_found(text: str, names: list[str]) -> None:
    found = [text[r.start : r.end] for r in RECOGNIZER.analyze(text)]
    assert found == names


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(text: str) -> None:
    found = [text[r.start : r.end] for r in RECOGNIZER.analyze(text)]
    assert found == []
