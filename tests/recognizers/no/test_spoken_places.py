"""Addresses, postnumre, birth dates and personnummer as people say and file them: a house
number said after a lower-case street name, a postnummer given for where someone lives, the
five personnummer digits on their own, HL7 v2 fields and JSON keys.

Every name, number and address below is made up. The texts go through the normaliser, as in
the proxy: ``find`` reports each value as written in the original.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

Find = Callable[[str], list[tuple[str, str]]]

HL7 = (
    "MSH|^~\\&|DIPS|SYKEHUS|LAB|LAB|202403120930||ADT^A04|1|P|2.5\n"
    "PID|1||99887766^^^SYKEHUS||LUND^ERIK||197503221405|M|||Lindeveien 7^^Hamar^^2318^NOR\n"
    "NK1|1|LUND^ANNE|SPO|Granåsen 12 B^^Løten^^2340|92345678"
)

FOUND = [
    # spoken house numbers after lower-case street names
    (
        "NO_ADDRESS",
        "pasient: jeg bor i løvåsveien sju, tre fire fem seks hokksund",
        "løvåsveien sju, tre fire fem seks hokksund",
    ),
    ("NO_ADDRESS", "sykepleier: og adressen\npasient: bjørkelia fire c", "bjørkelia fire c"),
    ("NO_ADDRESS", "hun bor på nedre kirkevei tolv sammen med mannen", "nedre kirkevei tolv"),
    ("NO_ADDRESS", "adressen er olav kyrres gate hundre og fem", "olav kyrres gate hundre og fem"),
    ("NO_ADDRESS", "eg bur i kyrkjevegen nummer tjueein", "kyrkjevegen nummer tjueein"),
    ("NO_ADDRESS", "Ny adresse: Furumoen nr. 11", "Furumoen nr. 11"),
    # capitals, without the words before the street name
    ("NO_ADDRESS", "SEND BREVET TIL LØVÅSVEIEN 7 B", "LØVÅSVEIEN 7 B"),
    ("NO_ADDRESS", "HAN BOR I KVAMLI 4", "KVAMLI 4"),
    # a bolignummer said after the house number, named or not
    (
        "NO_ADDRESS",
        "pasient: jeg bor i sandvikveien ti, leilighet h null to null en",
        "sandvikveien ti, leilighet h null to null en",
    ),
    (
        "NO_ADDRESS",
        "Ny adresse: Bjørkeveien 4, leil. H0102, 2615 Lillehammer",
        "Bjørkeveien 4, leil. H0102, 2615 Lillehammer",
    ),
    # HL7 v2: PID-11 and NK1-4 addresses, PID-7 birth date (and time)
    ("NO_ADDRESS", HL7, "Lindeveien 7^^Hamar^^2318^NOR"),
    ("NO_ADDRESS", HL7, "Granåsen 12 B^^Løten^^2340"),
    ("DATE_OF_BIRTH", HL7, "197503221405"),
    # JSON keys
    ("DATE_OF_BIRTH", '{"dateOfBirth": "1975-03-22"}', "1975-03-22"),
    ("DATE_OF_BIRTH", '{"date_of_birth": "22.03.1975"}', "22.03.1975"),
    ("NO_POSTNUMMER", '{"postalCode": "2318", "city": "Hamar"}', "2318"),
    # a postnummer for where someone lives or lived
    ("NO_POSTNUMMER", "jeg bor i 3045 nå", "3045"),
    (
        "NO_POSTNUMMER",
        "pasient: jeg bor på fire ni fem null hovdestølen",
        "fire ni fem null hovdestølen",
    ),
    ("NO_POSTNUMMER", "vi flyttet fra 6856 i fjor", "6856"),
    ("NO_POSTNUMMER", "Ny adresse: Lindeveien 7, 2318 Hamar. Gammel adresse var 2312.", "2312"),
    ("NO_POSTNUMMER", "postnummeret mitt er tre null fire fem", "tre null fire fem"),
    ("NO_POSTNUMMER", "lege: postnummer?\npasient: det er tre null fire fem", "tre null fire fem"),
    # the five personnummer digits
    ("NO_FODSELSNUMMER", "fnr 18027612345 nei vent 12354", "12354"),
    ("NO_FODSELSNUMMER", "født 18.02.76, personnummer 12345", "12345"),
    (
        "NO_FODSELSNUMMER",
        "en åtte null to sju seks en to tre fire fem, unnskyld, en to tre fem fire",
        "en to tre fem fire",
    ),
    # a spoken local part of several words
    (
        "EMAIL_ADDRESS",
        "pasient: mailen min er ali hassan nittito krøllalfa gmail punktum com",
        "ali hassan nittito krøllalfa gmail punktum com",
    ),
]


@pytest.mark.parametrize(("entity", "text", "value"), FOUND)
def test_found(find: Find, entity: str, text: str, value: str) -> None:
    assert (entity, value) in find(text)


NOT_FOUND = [
    "kan vi flytte timen til 1430",  # a time of day
    "vi flyttet innleggelsen til 1500",
    "han bor i 2000",  # could be a year
    "Hun sa at helsenorge.no var nede",
    "han datt i bakken to ganger",
    "han er i barnehagen ni til fire",
    "vurderingen tre uker senere",
    "Storgata 5 ganger i uka",
    "han har vært i italia tre uker",
    "i juli 2023 var kali 4,2",
    "I JULI 2023 VAR KALI 4,2",
    "BT hundre og førti over nitti, kreatinin hundre og tolv, Hb elleve komma fire",
    "Prøve 12345 sendt",  # five digits without a personnummer word
    "OBX|1|NM|CRP||12|mg/L|<5|H",  # HL7, but no PID or NK1 segment
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(find_structured: Find, text: str) -> None:
    assert find_structured(text) == []


def test_a_dose_in_the_region_of_a_postnummer_is_no_postnummer(find_structured: Find) -> None:
    text = "Ny adresse: Lindeveien 7, 2318 Hamar. Han fikk Fragmin 2300 i går."
    assert find_structured(text) == [("NO_ADDRESS", "Lindeveien 7, 2318 Hamar")]
