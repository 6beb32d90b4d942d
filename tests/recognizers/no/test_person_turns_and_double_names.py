"""Names in spoken and typed turns (issue 17, round 3), rules only, no NER: turns run onto one
line, dictated punctuation, hyphenated double first names, a first name that is also a
pronoun (``Hans``, ``Vår``),
senders of a bulleted conversation and SQL keywords. Every example is invented."""

from __future__ import annotations

import pytest

from tests.recognizers.no.person_names_found import names_found

FOUND = [
    # hyphenated double first names, lower case, after a chat trigger or a verb
    ("ja hei det er sigrid-helene fra tredje etasje", ["sigrid-helene"]),
    ("lege: kan jeg snakke med per-kristian", ["per-kristian"]),
    ("hei, jeg er liv-marit og trenger time", ["liv-marit"]),
    ("ring kaia-johanne i morgen", ["kaia-johanne"]),
    # an unknown word ending the clause after an introduction
    ("hei!! eg er tuvamari 🌼 har du svar på prøven?", ["tuvamari"]),
    ("hallo det er zinabu, kan du ringe meg", ["zinabu"]),
    # a message signed with a bare name
    ("Eg har fått utslett igjen. Kan du ringe? Tuvamari", ["Tuvamari"]),
    ("Trenger ny resept på Ventoline.\nSelamawit Gebru", ["Selamawit Gebru"]),
    # English honorifics in lower case: with a dot, or among English words
    ("patient: my boss mr. tangen says i have to go back monday", ["tangen"]),
    ("his teacher mr olsen says he cannot focus", ["olsen"]),
    # a capitalised unknown word opening a sentence before a verb of saying
    ("Hun kastet opp 2 ganger. Vasanthi sier det er ok men jeg er redd", ["Vasanthi"]),
    # a caller asking who answers; a patient called in
    ("lege: hei er det rojda\npasient: ja det er meg", ["rojda"]),
    ("lege: bonjour hei ja kom inn grâce", ["grâce"]),
    # a reflexive possessive between a relative and the name
    ("hun tenker på broren sin najibullah som er i kabul", ["najibullah"]),
    # or glued to a dash after a space, whatever comes before
    ("kan vi gi Ibux? farmor sier nei 🙄 -Nora", ["Nora"]),
    ("har migrene med aura hvis det har noe å si -Maiken", ["Maiken"]),
    # a first name that is also a pronoun: capitalised after a trigger, or before a first name
    ("Fornavn:\tHans\nEtternavn:\tVikøren", ["Hans", "Vikøren"]),
    ("Datteren Vår er pårørende.", ["Vår"]),
    ("lege: og du er hans olav?", ["hans olav"]),
    ("kona til vår ingrid ringte", ["vår ingrid"]),
    # dictated punctuation ends the name
    ("Pasient Gunnhild Brekkeli Punktum Innlagt i går", ["Gunnhild Brekkeli"]),
    # a bulleted conversation: a sender who opens two lines or more
    ("Oppsummer meldingene:\n- Amadou: hei\n- Amadou: takk for svar", ["Amadou", "Amadou"]),
    ("• Wenche-Iren: er timen flyttet?\n• Wenche-Iren: ok", ["Wenche-Iren", "Wenche-Iren"]),
]

NOT_FOUND = [
    # turns run onto one line: the role word with a colon is a speaker, not a title
    "Lege: og hvor gammel er du? Pasient: Syttitre",
    "Lege: hvem ringer? Pårørende: Mora hennes her",
    "Pasient: ja Lege: Broren din er på vei",
    # dictated punctuation, numbers and roles in the mixed written form
    "sykepleiar: kva nummer kan vi nå deg på",
    "sykepleiaren: ja det stemmer",
    "hei eg er trøytt 😴 kan eg få time",
    "jeg er sliten, kan jeg få sykmelding",
    "Kan du ringe meg i morgen? Takk",
    "Blodtrykket var høyt i går. Hodepine",
    "Lag et sammendrag av notatet.\nMarkdown",
    "Thanks for your help. Cheers",
    # pronouns and possessives stay words
    "Fastlegen hans er på ferie",
    "snakket med kona hans i dag",
    "Til vår pasient",
    "lege: du er hans lege nå",
    "stengt mai-august",
    # repeated labels that are fields or log levels, not senders
    "- Diagnose: J18.9\n- Diagnose: K35.8",
    "WARN: disk nesten full\nWARN: disk full",
    "Spl: gitt Paracet 1 g\nSpl: sover nå",
    # SQL pasted into a prompt
    "SELECT navn FROM pasient WHERE navn LIKE 'x%' ORDER BY navn",
    # an institution or an ordinary word before a verb of saying
    "Pasienten er stabil. Legevakten sier at det er ok. Helsenorge sier nei.",
    # ``hei er det`` and ``kom inn`` before ordinary words
    "hei er det mulig å få time i dag",
    "lege: kom inn i rommet",
    # ``mr`` in a Norwegian line is the scan
    "lege: mhm hun sier jeg må ta mr\npasient: ok",
    # the spoken genitive after a relative with an owner: the relative's thing
    "hei, sender min søster sin kontaktinfo sia ho ikkje har bankid",
    # a word glued to a dash that is a word or a drug, not a sign-off
    "Blodtrykk 120/80 -Normalt",
    "Bruk Paracet -Ibux",
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def testnames_found(text: str, names: list[str]) -> None:
    assert names_found(text) == names


@pytest.mark.parametrize("text", NOT_FOUND)
def test_notnames_found(text: str) -> None:
    assert names_found(text) == []
