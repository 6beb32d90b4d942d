"""Phone numbers, e-mail, addresses, postnummer and birth dates."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Find = Callable[[str], list[tuple[str, str]]]

FOUND = [
    ("PHONE_NUMBER", "Ring meg på +47 912 34 567", "+47 912 34 567"),
    ("PHONE_NUMBER", "tlf. 0047 22334455", "0047 22334455"),
    ("PHONE_NUMBER", "(+47) 41 23 45 67 etter kl 16", "(+47) 41 23 45 67"),
    ("PHONE_NUMBER", "Datter kan nås på 912 34 567.", "912 34 567"),
    ("PHONE_NUMBER", "Sentralbord 22 33 44 55", "22 33 44 55"),
    ("PHONE_NUMBER", "mob 41234567", "41234567"),
    ("PHONE_NUMBER", "Telefon: 9123 4567", "9123 4567"),
    ("PHONE_NUMBER", "Pårørende (kona) 98765432", "98765432"),
    ("PHONE_NUMBER", "Navn:Petter;Fnr:13097210181;Tlf:48279622", "48279622"),
    ("PHONE_NUMBER", "nytt nr:464 89 520!!", "464 89 520"),
    ("PHONE_NUMBER", "my new number is 91830177. thanks", "91830177"),
    ("PHONE_NUMBER", "Norsk kontantkort-mobil: 93458212.", "93458212"),
    ("PHONE_NUMBER", "Ringte pasienten Even Sunde (fnr 13097210181) på 90512283.", "90512283"),
    ("PHONE_NUMBER", "svar til 41234567 i kveld", "41234567"),  # bare mobile, no phone word
    ("EMAIL_ADDRESS", "Send til kari.nordmann@example.no i dag", "kari.nordmann@example.no"),
    ("EMAIL_ADDRESS", "e-post: ola+lege@sykehus.helse-vest.no.", "ola+lege@sykehus.helse-vest.no"),
    ("EMAIL_ADDRESS", "<bjørn@fjellstue.no>", "bjørn@fjellstue.no"),
    ("NO_ADDRESS", "Bor i Storgata 12B, 0155 Oslo sammen med", "Storgata 12B, 0155 Oslo"),
    ("NO_ADDRESS", "Adresse: Kong Oscars gate 5, 5017 BERGEN", "Kong Oscars gate 5, 5017 BERGEN"),
    ("NO_ADDRESS", "Bur i Skolevegen 3 på Voss", "Skolevegen 3"),
    ("NO_ADDRESS", "Hjemme i Furuveien 17 A", "Furuveien 17 A"),
    ("NO_ADDRESS", "bor i granlia 4", "granlia 4"),
    ("NO_ADDRESS", "Adresse: Sjøgløtt 12", "Sjøgløtt 12"),
    ("NO_POSTNUMMER", "Flyttet til 9008 Tromsø i fjor", "9008 Tromsø"),
    ("NO_POSTNUMMER", "Pårørande bur i 5260 Indre Arna og har ikkje bil", "5260 Indre Arna"),
    ("NO_POSTNUMMER", "mottaket i 8450 Stokmarknad", "8450 Stokmarknad"),
    ("NO_ADDRESS", "Adresse: Hjallane 4, 6893 Vik i Sogn", "Hjallane 4, 6893 Vik i Sogn"),
    ("NO_ADDRESS", "Gjelder Åsamyrane 112, 5116 Ulset", "Åsamyrane 112, 5116 Ulset"),
    ("NO_ADDRESS", "adr. karl johans gate 31 – bostedsløs", "karl johans gate 31"),
    ("NO_ADDRESS", "Parkveien 3, 4611 Kristiansand S", "Parkveien 3, 4611 Kristiansand S"),
    ("NO_POSTNUMMER", "postnr 2850 Lena", "2850 Lena"),
    ("NO_POSTNUMMER", "Sendes 7030 TRONDHEIM", "7030 TRONDHEIM"),
    ("DATE_OF_BIRTH", "Pasienten er født 03.04.1954 i Bergen", "03.04.1954"),
    ("DATE_OF_BIRTH", "Kari (f. 12.3.54) kom inn", "12.3.54"),
    ("DATE_OF_BIRTH", "Fødselsdato: 1954-04-03", "1954-04-03"),
    ("DATE_OF_BIRTH", "fødd 3. mars 1954", "3. mars 1954"),
    ("DATE_OF_BIRTH", "Patient born March 3, 1954, presents with", "March 3, 1954"),
    ("DATE_OF_BIRTH", "D.O.B. 03.04.1954", "03.04.1954"),
    ("DATE_OF_BIRTH", "bursdagen min er 03.04.1954", "03.04.1954"),
]

NOT_FOUND = [
    "Kontroll 17052017 ble utsatt",  # a date written as 8 digits
    "Faktura på 22345678 kroner",  # an amount, no phone words
    "Prøve tatt 03.04.2023 kl 0800",  # a date, but not a birth date
    "Innlagt 2019 Haukeland universitetssykehus",  # plain year before a name
    "I 2020 Pasienten flyttet",
    "Besøkte Storgata i går",  # street without number
    "Ola Haugen 45 år, kommer til kontroll",  # surname + age, not an address
    "Vekt 82 kg, høyde 180 cm",
    "Stort lager: 800 12 345",
    "Kontakt oss på 800 12 345",  # service numbers (8xx) are not personal phones
    "Ordrenr 91234567 er sendt",  # a mobile-looking number after an order word
    "Faktura 20240611 betalt",  # a date-like invoice number
    "Fragmin 5000 IE x 1",  # a dose, not a postnummer
    "Fastlege, HPR\nRekv.nr: 24031188",  # another label sits between HPR and the number
]


@pytest.mark.parametrize(("entity", "text", "value"), FOUND)
def test_found(find: Find, entity: str, text: str, value: str) -> None:
    assert (entity, value) in find(text)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(find_structured: Find, text: str) -> None:
    assert find_structured(text) == []
