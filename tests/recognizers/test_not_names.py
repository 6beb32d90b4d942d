"""Terms, eponyms, drugs, keys and greetings that are not people (``recognizers.ner.not_names``).

Each vector gives a text and the word of it found as PERSON.
"""

from __future__ import annotations

import pytest

from recognizers.ner.not_names import is_not_a_person


def _not_a_person(text: str, word: str) -> bool:
    start = text.index(word)
    return is_not_a_person(text, start, start + len(word))


UNSEEN_DRUG_BRANDS = [
    ("Vurderer antibiotika (Selexid? Nitrofurantoin?).", "Nitrofurantoin"),  # an INN stem
    ("Bruker Zentravan 75 mikrogram x 2.", "Zentravan"),
    ("Morvidal 125 mg x 4 daglig.", "Morvidal"),
    ("Morvidal depottablett 125 mg vesper.", "Morvidal"),
    ("Startet Quelvix i.v. etter blodkulturer.", "Quelvix"),
    ("Sondeernæring med Nutrison, 1500 ml per døgn.", "Nutrison"),
    ("Ostrigan Forte 1000 mg/800 IE x 1.", "Ostrigan"),
    ("Lergigan ved behov.", "Lergigan"),
    ("Pasienten står på Lergigan.", "Lergigan"),
    ("Seponert Zentravan pga. hypotensjon.", "Zentravan"),
    ("Ho brukar Brivanor.", "Brivanor"),
    ("kan jeg ta Sovelan?", "Sovelan"),
    ("Har gitt Lergigan kl. 22.", "Lergigan"),
    ("Paracet og Zentravan etter behov.", "Zentravan"),
    ("Fikk Paracet og Zynthal i mottak.", "Zynthal"),
    ("Vurderer å bytte fra Ibux til Sovelan.", "Sovelan"),
    ("Vurderer å bytte fra Pinex Forte til Sovelan.", "Sovelan"),
    ("Legemiddelliste: Pulmicort, Sovelan og Durogesic.", "Sovelan"),
    ("Legemiddelliste: Durogesic, Brivanor og Seroquel.", "Brivanor"),
    ("Sykepleier har gitt Pinex Forte.", "Forte"),
    ("Nytt: Candesartan.", "Candesartan"),
    ("Nytt: Bisoprolol.", "Bisoprolol"),
    ("Lokalbedøvelse med Xylocain.", "Xylocain"),
    ("Behandlet med Pembrolizumab.", "Pembrolizumab"),
    # round 2: side effects, renewal, running out, a stem of platelet inhibitors
    ("henvendelse: bivirkninger av Zentravan, svimmel.", "Zentravan"),
    ("trenger Morvidal fornyet", "Morvidal"),
    ("Han har astma og Brivanor er tom.", "Brivanor"),
    ("har fått Zentravan mot blodtrykket", "Zentravan"),
    ("startet på ticagrelor i går", "ticagrelor"),
    # a dose said in words, as speech-to-text writes it
    ("lege: ja morvidal hundre milligram daglig", "morvidal"),
    ("vi gir zentravan fem hundre milligram intravenøst", "zentravan"),
    ("ho brukar brivanor to dosar morgon og kveld", "brivanor"),
    ("sovelan to komma fem milligram ved behov", "sovelan"),
]

KNOWN_DRUGS_AND_TERMS = [
    ("Han har fått Catapresan i natt.", "Catapresan"),
    ("trenger Aricept", "Aricept"),
    ("nøtteallergi, EpiPen", "EpiPen"),
    ("Influvac Tetra   lot 123", "Influvac Tetra"),
    # keys, foreign greetings, log levels
    ("bruker=ola rolle=lege modul=kurve", "modul"),
    ('{"pasient_id": "P-1"}', "pasient_id"),
    ("dzień dobry, hei", "dobry"),
    ("Добрий день / hei", "день"),
    ("[WARN] innlogging feilet", "WARN"),
    ("GET https://portal.example/api", "https"),
    ("xin chào, hei", "chào"),
    ("Can she take Ibuprofen with Sertraline?", "Sertraline"),
    ("Started on Brixapine last week.", "Brixapine"),
    # diseases named after people, written as diseases
    ("Tidligere: Mb. Scheuermann, operert 2001", "Scheuermann"),
    ("Diagnoser: Cauda equina-syndrom, operert", "Cauda equina-syndrom"),
]

PEOPLE = [
    ("dr. Zentravan kommer i morgen.", "Zentravan"),
    ("Fastlege Morvidal henviser pasienten.", "Morvidal"),
    ("I dag fikk Ahmed besøk av sønnen.", "Ahmed"),
    ("Bruker Hansen ønsker å snakke med lege.", "Hansen"),
    ("Startet Nguyen på skolen i høst?", "Nguyen"),
    ("Martin tar Paracet 1 g.", "Martin"),
    ("Pasienten heter Valentin.", "Valentin"),
    ("Kristin ringte.", "Kristin"),
    ("Kristian IV er konge.", "Kristian"),
    ("Ring Kari og Ola.", "Ola"),
    ("Paracet. Hansen ringte.", "Hansen"),
    # a key that holds a name, a name before "er" that is no drug talk
    ('{"Kari Nordmann": {"rolle": "mor"}}', "Kari Nordmann"),
    ("Kari er tom for ideer", "Kari"),
    ("Fastlege: Tunheim ringte", "Tunheim"),
    # a name before number words and a unit; number words with no unit are no dose
    ("pasient: ja det var ola to tabletter han tok", "ola"),
    ("pasient: tunheim to tabletter sa hun", "tunheim"),
    ("lege: zentravan to ganger daglig", "zentravan"),
]

EPONYMS_AND_PLACES = [
    ("Pasienten har Parkinsons sykdom.", "Parkinsons", True),
    ("Kjent med Duchennes muskeldystrofi.", "Duchennes", True),
    ("Crohns sykdommen er i ro.", "Crohns", True),
    ("Babinski tegn positivt.", "Babinski", True),
    ("Utskrives til Sophies Minde.", "Sophies Minde", True),
    ("Blodkultur: E. coli.", "E. coli", True),
    ("Karis operasjon gikk fint.", "Karis", False),
    ("Kari prøver å sove.", "Kari", False),
    ("Per tegner bilder.", "Per", False),
    ("Hansen prøver igjen i morgen.", "Hansen", False),
    ("Besøk av Kari Minde.", "Kari Minde", False),
    # scales named after people, with a score; the same names with an age are people
    ("Til rehabilitering, Barthel 45.", "Barthel", True),
    ("Styrke + Borg 13-15", "Borg", True),
    ("Braden skår 14, snus hver 3. time", "Braden", True),
    ("wells score to, lav sannsynlighet", "wells", True),
    ("Tinetti gjennomført i dag.", "Tinetti", True),
    ("Berg 45 år, ringte i dag", "Berg", False),
    ("Braden kommer kl 14", "Braden", False),
]


@pytest.mark.parametrize(("text", "word"), UNSEEN_DRUG_BRANDS)
def test_unseen_drug_brands_by_shape_and_context(text: str, word: str) -> None:
    assert _not_a_person(text, word)


@pytest.mark.parametrize(("text", "word"), KNOWN_DRUGS_AND_TERMS)
def test_known_drugs_keys_greetings_and_log_levels(text: str, word: str) -> None:
    assert _not_a_person(text, word)


@pytest.mark.parametrize(("text", "word"), PEOPLE)
def test_people_with_drug_like_context_stay_people(text: str, word: str) -> None:
    assert not _not_a_person(text, word)


@pytest.mark.parametrize(("text", "word", "expected"), EPONYMS_AND_PLACES)
def test_eponyms_and_places(text: str, word: str, expected: bool) -> None:
    assert _not_a_person(text, word) is expected
