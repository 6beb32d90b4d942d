"""The NER prefilter on text that is not cased like edited prose.

Speech-to-text transcripts and chat come in lower case, forms and shouted messages in
capitals: such a sentence must reach the model when it has a word that could be a name,
and must still be skipped when every word is a common or clinical word or a number.
"""

from __future__ import annotations

import pytest

from recognizers.ner.prefilter import is_name_like, name_windows, sentences
from recognizers.no.person import is_chat


def read(text: str) -> list[str]:
    """The stretches of ``text`` the model would read."""
    chat = is_chat(text)
    return [text[a:b] for s in sentences(text) for a, b in name_windows(text, *s, chat)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ja hei svitlana sett deg", "svitlana"),
        ("sykepleier roya tar blodprøvene", "roya"),
        ("jeg er moren hans altså liv ødegård", "ødegård"),
        ("lege: eh ja hei jeg heter mariusz wojcik", "wojcik"),
        ("SPEAKER_00: ja hei tarjei sett deg ned", "tarjei"),
        ("PASIENTEN KARI NORDMANN HAR VONDT", "NORDMANN"),
        ("Navn: INGRID BAKKE", "BAKKE"),
        ("Fastlege HANSEN henviste i går.", "HANSEN"),
        ("OLE HAR VONDT I MAGEN", "OLE"),
        ("kan du ringe dr. fjellvang i morgen", "fjellvang"),
        # a capitalised speaker label does not make the turn cased
        ("Pasient: ja det var selvaraj som ringte", "selvaraj"),
        ("Lege (L): ok og kumaran er med deg", "kumaran"),
    ],
)
def test_uncased_sentences_with_a_possible_name_reach_the_model(text: str, name: str) -> None:
    assert any(name in stretch for stretch in read(text))


@pytest.mark.parametrize(
    "text",
    [
        "ja det er greit",
        "JA DET ER GREIT",
        "pasienten har vondt i magen",
        "PASIENTEN HAR VONDT I MAGEN",
        "hun har hatt feber i tre dager",
        "tlf 912 34 567",
        "Hb 12,9 og CRP 45.",
        "BMI 31 og INR 2,4.",
        # A cased sentence: a rare lower-case word is not a name there.
        "Pasienten fikk paracetamol i går.",
        # A lone lower-case word gives the model nothing to judge by (model names, enums).
        "emb",
        "approximate",
        "qwen",
    ],
)
def test_sentences_of_common_words_and_numbers_are_skipped(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize(
    ("word", "uncased", "expected"),
    [
        ("Hansen", False, True),
        ("HANSEN", False, True),
        ("hansen", False, False),
        ("hansen", True, True),
        ("vondt", True, False),
        ("VONDT", False, False),
        ("CRP", False, False),  # abbreviation: no vowel
        ("INR", False, False),  # three capitals and not a first name
        ("LIV", False, True),  # three capitals, but a first name
        ("k1-regel", True, False),  # digits: not a name
    ],
)
def test_is_name_like_by_case(word: str, uncased: bool, expected: bool) -> None:
    assert is_name_like(word, chat=False, uncased=uncased) is expected


def test_default_is_the_permissive_answer() -> None:
    """Callers that do not know the sentence (cutting long texts) must not miss a name."""
    assert is_name_like("svitlana", chat=False)
