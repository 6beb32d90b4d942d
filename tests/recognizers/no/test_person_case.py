"""Names in lower case and ALL CAPS, found by context (issue 17): rules only, no NER."""

from __future__ import annotations

import pytest

from tests.recognizers.no.person_names_found import names_found

FOUND = [
    # greetings
    ("ja hei svitlana sett deg", ["svitlana"]),
    ("hallo roya, har du tid?", ["roya"]),
    ("heisann ingrid", ["ingrid"]),
    ("god morgen kari", ["kari"]),
    ("morn bjørnar, er du på jobb", ["bjørnar"]),
    ("Hei Kari, takk for sist", ["Kari"]),
    ("Kjære Ingrid Bakke", ["Ingrid Bakke"]),
    # introductions
    ("jeg heter liv", ["liv"]),
    ("eg heiter ragnhild", ["ragnhild"]),
    ("mitt navn er Ahmed", ["Ahmed"]),
    ("navnet mitt er sol", ["sol"]),
    ("hei, jeg heter rūta bondarenko og trenger en ny resept", ["rūta bondarenko"]),
    ("ja det er kari nordmann", ["kari nordmann"]),
    # relatives, with spoken fillers in between
    ("jeg er moren hans altså liv ødegård", ["liv ødegård"]),
    ("mora til sigve ringte", ["sigve"]),
    ("datteren min eh ingrid kommer i morgen", ["ingrid"]),
    ("sønnen hennes ola har feber", ["ola"]),
    # roles as words in running text
    ("sykepleier roya tar blodprøvene", ["roya"]),
    ("fysioterapeut bjørnar kommer kl 10", ["bjørnar"]),
    ("turnuslege svitlana ringer tilbake", ["svitlana"]),
    ("jordmor kari hansen har vakt", ["kari hansen"]),
    # signatures
    ("hilsen roya", ["roya"]),
    ("mvh Kari Nordmann", ["Kari Nordmann"]),
    # field labels
    ("Navn: INGRID BAKKE", ["INGRID BAKKE"]),
    ("navn=kari nordmann", ["kari nordmann"]),
    ("name: Ola Hansen", ["Ola Hansen"]),
    ("Etternavn: Mendes\nFornavn: Ana Paula\nPårørende: søster", ["Mendes", "Ana Paula"]),
    # ALL CAPS: in an ALL-CAPS text like lower case; in normal text after a title
    ("PASIENTEN KARI NORDMANN HAR VONDT", ["KARI NORDMANN"]),
    ("HEI INGRID, HUSK TIMEN I MORGEN", ["INGRID"]),
    ("Fastlege HANSEN henviste", ["HANSEN"]),
    ("Henvist av dr. ØVERBY til MR", ["ØVERBY"]),
    ("Pasient KARI NORDMANN, født 1970", ["KARI NORDMANN"]),
    ("KARI NORDMANN ble innlagt i går", ["KARI NORDMANN"]),
    # a name does not cross sentence punctuation or a code
    ("Dr. Kari Hansen. F32.1 Hansen", ["Kari Hansen"]),
    ("sykepleier roya. tar prøver", ["roya"]),
]
NOT_FOUND = [
    "hei alle sammen, hei igjen",
    "sykepleier kommer snart, lege vurderer",
    "fysioterapeut vurderer gangfunksjon",
    "pasienten bruker metformin",
    "datteren min ringte i går",
    "jeg er sliten og har vondt",
    "det er vondt i magen",
    # instructions, headings, empty values, lab abbreviations
    "Oppsummer journalen til pasienten.",
    "Summarize the note. Translate to English.",
    "Finn alle diagnoser. Skriv et brev. Lag en plan.",
    "Epikrisen\nInnkomststatus: Fin allmenntilstand.",
    "Navn: tom",
    "navn=tom",
    "Hb 12,9, CRP 45, INR 2,4. F32.1 depresjon. ATC N02BE01.",
    "Pasient med KOLS og DM2 henvises til CT thorax.",
    "BT 120/80. EKG: sinusrytme. MR CAPUT: normal.",
    "DIAGNOSE: KOLS. BEHANDLING: SPIRIVA 18 MIKROGRAM.",
    "PASIENTEN HAR VONDT I MAGEN OG KASTER OPP",
    "Mannen har ALS og treng mykje hjelp.",
    "Pasienten fikk Paracet 1 g. Sykepleier tar blodprøver.",
    # first names that are also everyday words, in lower-case chat
    "lege: du er jo her for blodtrykket ikke sant",
    "lege: ja det var jo storm hele dagen",
    "drakk kanskje en flaske vin i helga",
    "sykepleier: hun er i live men slapp",
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def testnames_found(text: str, names: list[str]) -> None:
    assert names_found(text) == names


@pytest.mark.parametrize("text", NOT_FOUND)
def test_notnames_found(text: str) -> None:
    assert names_found(text) == []
