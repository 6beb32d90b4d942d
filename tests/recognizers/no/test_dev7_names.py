"""Names as a seventh corpus of chat, transcripts and admin text wrote them, and words that stand
where a name might but are none: XML tag names, mail header words, nicknames given in speech
(``alle kaller han …``, ``bare si …``), speaker tags without a colon, user names with an
underscore or made from the name next to them, Lithuanian letters in echoes; and, not names,
the dialect pronoun ``hu``, professions, languages asked of an interpreter, foreign thanks.

Every name, number and address below is made up.
"""

from __future__ import annotations

import pytest

from recognizers.ner.not_names import is_not_a_person
from recognizers.ner.person_trim import trim_person
from recognizers.no.name_echoes import name_echoes
from tests.recognizers.no.person_names_found import names_found, word_at

FOUND = [
    # the value of an XML name element, the whole of it
    ("<ns1:Pasient><ns1:FamilyName>Berge Lunde</ns1:FamilyName>", "Berge Lunde"),
    # nicknames given in speech
    ("mor: alle kaller henne mojo på skolen", "mojo"),
    ("far: han kalles bare tassen, han er fem", "tassen"),
    ("pasient: bogdan men alle sier bodja\nlege: ok bodja", "bodja"),
    ("pasient: ngozi men alle sier rock", "rock"),
    # an answer to which doctor or nurse
    ("sekretær: hvilken lege\ninnringer: torhild vangen\nsekretær: ok", "torhild vangen"),
    ("lege: og kven er sjukepleiaren\npasient: sunniva mo", "sunniva mo"),
    ("SPEAKER_01 ja ramunė kazlauskaitė men bare si ramune", "ramune"),
    ("mor: vi har med han lille amir i dag", "amir"),
    ("det er meg og minstemann jonas som kommer", "jonas"),
    # a hedge between the introducer and the name
    ("hun het kanskje Malin? kan jeg ringe henne", "Malin"),
    # a transcript whose speaker tags are its only capitals: a name in lower case
    (
        "SPEAKER_00 hei og velkommen hit\nSPEAKER_01 ja dette er kollegaen min\n"
        "SPEAKER_00 fint dalia kan du oversette for oss\nSPEAKER_01 ja hun sier at det går bra",
        "dalia",
    ),
    # a chat message with an abbreviation in capitals is still lower-case chat
    ("kontakt: 912 34 567 (ingrid), 912 34 568 (mannen)\nho lurer på IVF og CRP", "ingrid"),
    # the answer to ``Hva heter du?`` from a sender known only by phone number
    (
        "03.02.2025, 10:01 - Legekontoret: Hva heter du?\n"
        "03.02.2025, 10:04 - +47 934 11 220: ráhkel bals. har vondt i ryggen",
        "ráhkel bals",
    ),
    # user names with an underscore
    ("2024-05-01 10:00 | BERGE_INGRID   | lege     | les notat", "BERGE_INGRID"),
    ("2025-01-02 21:10:03 <lege_sunniva> Ta ny CRP i morgen", "lege_sunniva"),
    # user names made from the name beside them
    ("Kontoer som skal stenges:\n- KARHOL (Karoline Holmsen)\n- TOMLIE (Tomas Lie)", "KARHOL"),
    ('user,display_name\ntorhau,"Haugen, Torunn"\n', "torhau"),
    ("Navn: Chiamaka Obi\nØnsket brukernavn: chiobi\n", "chiobi"),
    # a relative ``av`` a name; a double surname whose parts are names
    ("Klage fra sønn av TORBJØRG HELLESYLT på ventetid.", "TORBJØRG HELLESYLT"),
    ("takk for svar, hilsen kari berg-strand", "kari berg-strand"),
    # a name said with the letter that spells it
    ("[Ukjent taler] det er yaasiin med to i\n[Ukjent taler] ok", "yaasiin"),
    ("innringer: ja Berit med én t", "Berit"),
]


@pytest.mark.parametrize(("text", "name"), FOUND)
def test_name_is_found(text: str, name: str) -> None:
    assert name in names_found(text)


NOT_FOUND = [
    # code names and keys, not handles
    ("user_id,last_login,first_name\nabc,2024-01-01,40", ["last_login", "first_name"]),
    # ``hu``: dialect for ``she``
    ("pasient: det er hu nye legen som var her i går", ["hu"]),
    # a profession after ``eg er``
    ("lækjar: god dag eg er turnuslækjar her i dag", ["turnuslækjar"]),
    # ``bare si`` before an ordinary word; clinical values near it stay
    ("bare si ifra hvis CRP stiger over 50 eller Hb under 9", ["ifra", "CRP", "Hb"]),
    # a language asked of an interpreter, thanks in Finnish
    ("Kan jeg få tolk Farsi? kiitos", ["Farsi", "kiitos"]),
    # ``med`` and a letter after an ordinary word, a drug or a number
    ("han har fått vitamin med d og kaffe med melk", ["vitamin", "kaffe"]),
    ("Paracet med c-vitamin, Hb med 2 desimaler", ["Paracet", "Hb"]),
    # ``alle sier`` before a common word
    ("men alle sier at det går bra, alle sier ja til det", ["at", "ja", "det"]),
    ("sekretær: hvilken lege\ninnringer: vet ikke jeg", ["vet", "ikke"]),
]


@pytest.mark.parametrize(("text", "words"), NOT_FOUND)
def test_no_name_is_found(text: str, words: list[str]) -> None:
    found = names_found(text)
    assert not any(word in name for name in found for word in words), found


def test_speaker_tags_keep_clinical_words_untouched() -> None:
    text = (
        "SPEAKER_00 hei og velkommen til legevakta\nSPEAKER_01 takk jeg har hatt feber\n"
        "SPEAKER_00 crp er førtifem og hemoglobin ni komma åtte\nSPEAKER_01 ja det er høyt"
    )
    assert names_found(text) == []


XML = '<ns2:Patient><ns2:GivenName>Sigrun</ns2:GivenName><ns2:TypeId V="FNR"/></ns2:Patient>'


@pytest.mark.parametrize(
    ("word", "occurrence"), [("GivenName", 0), ("GivenName", 1), ("TypeId", 0), ("Patient", 1)]
)
def test_tag_names_are_no_people(word: str, occurrence: int) -> None:
    assert is_not_a_person(XML, *word_at(XML, word, occurrence))


def test_tag_value_and_chat_sender_in_brackets_stay_people() -> None:
    assert not is_not_a_person(XML, *word_at(XML, "Sigrun"))
    chat = "2025-01-02 21:10 <sunniva> Ring 113 hvis han blir dårligere"
    assert not is_not_a_person(chat, *word_at(chat, "sunniva"))


MAIL = (
    "---------- Forwarded message ---------\nFrom: Per Olav Moe <pom@x.no>\n"
    "Date: Thu, 7 Nov 2024 at 10:02\n\nOn Fri, 8 Nov 2024, Randi Vik <rv@x.no> wrote:\n> ok"
)


@pytest.mark.parametrize("word", ["Forwarded", "Thu", "Fri", "wrote"])
def test_mail_header_words_are_no_people(word: str) -> None:
    assert is_not_a_person(MAIL, *word_at(MAIL, word))


def test_model_span_over_a_name_and_wrote_keeps_the_name() -> None:
    text = "Hei igjen.\n\nRandi Vik wrote:\n> Takk, CRP var 12."
    start, end = word_at(text, "Randi Vik wrote")
    assert trim_person(text, start, end) == [word_at(text, "Randi Vik")]
    assert trim_person(text, *word_at(text, "wrote")) == []


def test_xml_value_opens_a_field_and_tags_split_a_model_span() -> None:
    text = "<Pasient><Sted>Oslo</Sted></Pasient>\n<Arsak>Mistanke om cøliaki</Arsak>"
    assert trim_person(text, *word_at(text, "Mistanke")) == []
    start, end = word_at(text, "Oslo</Sted")
    assert trim_person(text, start, end)[0] == word_at(text, "Oslo")
    assert is_not_a_person(text, *word_at(text, "Sted", 1))


def test_a_key_with_its_equals_sign_is_no_person() -> None:
    text = 'from=<a@x.no> to=<kari.berg@y.no> navn="Kari Berg"'
    assert is_not_a_person(text, *word_at(text, "to="))
    assert not is_not_a_person(text, *word_at(text, "Kari Berg"))


def test_lithuanian_letters_echo_the_plain_spelling() -> None:
    text = "pasient: skaiste her\nlege: skaistė har du vondt når du tisser"
    echoes = [text[s:e] for s, e in name_echoes(text, [word_at(text, "skaiste")])]
    assert echoes == ["skaistė"]
