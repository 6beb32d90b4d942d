"""Names as an eighth corpus of chat, transcripts and admin text wrote them, and words that stand
where a name might but are none: speaker labels in brackets or abbreviated (``[Speaker 2]``,
``sp:``), interjections and chat abbreviations, everyday English of a consultation, clinical
words after a speaker label; names in SQL rows, caret-joined components, FHIR family names,
the line after a closing, after ``//`` and after a spoken pronoun article (``han per``).

Every name, number and address below is made up.
"""

from __future__ import annotations

import pytest

from recognizers.ner.not_names import is_not_a_person, is_not_a_place
from recognizers.ner.person_filter import is_no_model_name
from recognizers.ner.person_trim import trim_person
from recognizers.no.person_tokens import after_speaker_label
from tests.recognizers.no.person_names_found import names_found, word_at

FOUND = [
    # SQL rows of an INSERT
    (
        "INSERT INTO pas (id, navn, tlf) VALUES\n(1, 'Torvald Espenes', '912 00 111'),\n"
        "(2, 'Le Thi Mai', NULL);",
        "Torvald Espenes",
    ),
    ("INSERT INTO pas (id, navn) VALUES (7, 'Gudveig Rusten Aa');", "Gudveig Rusten Aa"),
    # caret-joined name components quoted by a log line
    ('feil: "ukjent pasient, navn=SOLBAKKEN^HALLDIS^MARIE" – avvist', "SOLBAKKEN^HALLDIS^MARIE"),
    # a FHIR family name of two words
    ('{"name":[{"family":"Vatne Holmedal","given":["Synnøve"]}]}', "Vatne Holmedal"),
    # the line after a closing
    ("Ny time i posten.\nVennlig hilsen\nTerje Brekkhus\nMerkantil seksjon", "Terje Brekkhus"),
    ("Takk for svar.\nMed hilsen\nSynnøve Aarvik-Lund", "Synnøve Aarvik-Lund"),
    # chat signed after ``//`` or ``vh``
    ("kan noen ringe meg tilbake? 900 11 222 // gunnhild", "gunnhild"),
    ("trenger ny resept på Ventolin //tora-lise", "tora-lise"),
    ("send svar på mail // bodil k. bodil.k@example.no", "bodil k."),
    ("ring meg på 901 23 456. vh torunn", "torunn"),
    # a first name that is also a word, after a spoken pronoun article
    ("pasient: ja han per er svogeren min", "per"),
    ("pårørende: mora di ringte, hu eli hu lurte på noe", "eli"),
    ("lege: så du kom sammen med han per\npasient: ja", "per"),
    # a name with a particle before ``her``
    ("dang van minh her. trenger ny resept", "dang van minh"),
    # the answer to a bot's question in a CSV chat export
    (
        "tid;avsender;melding\n2025-01-02 10:00;Bot;Hva heter du?\n"
        "2025-01-02 10:01;besøkende;sunniva grøtterud\n",
        "sunniva grøtterud",
    ),
    # ``frue`` as a spoken title
    ("[Taler A] vi snakker med eh frue haugstad i dag", "haugstad"),
]


@pytest.mark.parametrize(("text", "name"), FOUND)
def test_name_is_found(text: str, name: str) -> None:
    assert name in names_found(text)


NOT_FOUND = [
    # speaker labels in brackets, without a colon
    ("[Speaker 1] hei det er meg\n[Speaker 2] hva var navnet\n[Speaker 1] ja", ["Speaker"]),
    # ``sp:`` (sykepleier) as a speaker label
    ("sp: god morgen det er post tre\npas: ja hei\nsp: hvordan var natta", ["sp"]),
    # interjections after a speaker label
    ("Lege: Du har feber.\nPasient: Åh, det visste jeg ikke.\nLege: Oj, 39,2.", ["Åh", "Oj"]),
    # a relative after ``ringt``: the relative's own trigger finds the name
    ("sjukepleiar: eg har ringt sonen hans tormod", ["sonen"]),
    # ``nummeret mitt er`` introduces no name
    ("hei, nummeret mitt er nytt!! gammelt: 412 00 000", ["nytt"]),
    # a test named as a subject
    ("pasient: ja hurtigtesten var negativ", ["hurtigtesten"]),
    # ``hans per`` as a preposition: ``betaler han per time`` stays
    ("pasient: han betaler han per time", ["per"]),
    # a code comment after ``//`` in capitals
    ("x = compute(y) // TODO", ["TODO"]),
    # ``her`` after an ordinary word and ``og``: only the name before it
    ("jeg tar tran og long her.", ["tran"]),
    # a closing above a unit, not a person
    ("Velkommen.\n\nMed vennlig hilsen\nResepsjonen", ["Resepsjonen"]),
]


@pytest.mark.parametrize(("text", "words"), NOT_FOUND)
def test_no_name_is_found(text: str, words: list[str]) -> None:
    found = names_found(text)
    assert not any(word in name for name in found for word in words), found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("doctor: use two puffs twice a day\npatient: ok", "two puffs"),
        ("doctor: use two puffs twice a day\npatient: ok", "a day"),
        ("doctor: i'll renew both today\npatient: thanks", "renew both"),
        ("Pasient: haha ok\nLege: fint", "haha"),
        ("Kan dere ringe meg? Evt send sms.", "Evt"),
        ("time hos hudlege pga utslett i går", "pga utslett"),
        ("SELECT bruker_id, epost FROM kontakt", "SELECT bruker_id"),
        ("| bruker_id | epost |", "bruker_id"),
        ("doctor: use the cream for three weeks\npatient: ok", "three weeks"),
        ("PID|1||123||Nordli^Ada\nNK1|1|Nordli^Jon|SPO||900 00 000", "SPO"),
    ],
)
def test_model_spans_of_speech_words_are_no_names(text: str, word: str) -> None:
    assert is_no_model_name(text, *word_at(text, word))


def test_lower_case_name_after_english_words_stays() -> None:
    text = "doctor: so your daughter sunniva has asthma"
    assert not is_no_model_name(text, *word_at(text, "sunniva"))
    hl7 = "NK1|1|Nordli^Jon|SPO|\nNK1|2|Nordli^EVA|MTH|"
    assert not is_no_model_name(hl7, *word_at(hl7, "EVA"))
    handle = "2025-01-02 <lege_ragnhild> ta CRP"
    assert not is_no_model_name(handle, *word_at(handle, "lege_ragnhild"))


def test_clinical_word_after_a_speaker_label_is_no_name() -> None:
    text = "Lege: Hvordan går det?\nPasient: Blodtrykket er bedre.\nLege: Ketonuri i dag?"
    assert after_speaker_label(text, word_at(text, "Blodtrykket")[0])
    assert trim_person(text, *word_at(text, "Blodtrykket")) == []


def test_field_label_without_turns_stays_a_cue() -> None:
    text = "Fastlege: Strand\nAdresse: Vikaveien 2"
    assert not after_speaker_label(text, word_at(text, "Strand")[0])


def test_clinical_values_near_a_spoken_name_stay_untouched() -> None:
    text = "lege: crp er førti og hb tolv\npasient: ja han per er med meg\nlege: ta paracet"
    found = names_found(text)
    assert "per" in found
    assert not any(word in name for name in found for word in ("crp", "hb", "paracet"))


def test_instruction_after_an_english_consultation_stays_untouched() -> None:
    text = "doctor: two puffs twice a day of flutide\nOversett til norsk og lag et notat"
    found = names_found(text)
    assert not any(word in name for name in found for word in ("Oversett", "flutide", "puffs"))


def test_given_name_after_surname_is_no_place() -> None:
    text = "Kontaktliste\nHolmedal-Vik, Ingrid     overlege"
    assert is_not_a_place(text, *word_at(text, "Ingrid"))
    place = "Han bor i Bergen, Ingrid bor i Stavanger"
    assert not is_not_a_place(place, *word_at(place, "Bergen"))


def test_an_identifier_label_with_id_is_no_person() -> None:
    text = "Kan dere legge inn ny e-post på pasient EPJ-id 1234567?"
    assert is_not_a_person(text, *word_at(text, "EPJ-id"))


def test_agencies_and_reception_units_are_no_people() -> None:
    text = "Rådgiver, Helfo\nsykepleier, Skadepoliklinikken\n(sykepleier, Akuttmottaket)"
    assert is_not_a_person(text, *word_at(text, "Helfo"))
    assert is_not_a_person(text, *word_at(text, "Akuttmottaket"))


def test_unit_on_the_next_line_does_not_hide_a_signature() -> None:
    text = "Med hilsen\nRagnfrid Osland\nSeksjon for arkiv"
    assert not is_not_a_person(text, *word_at(text, "Ragnfrid Osland"))
    assert is_not_a_person("Lien gate 4", 0, 4)
