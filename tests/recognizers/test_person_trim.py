"""Trimming the model's PERSON spans: sentence punctuation, codes and lab values,
instructions to the LLM, headings and field labels (``recognizers.ner.person_trim``).

Each vector marks the model's span with ``⟦ ⟧`` and lists the parts that must remain.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.ner.person_trim import trim_person


def _trimmed(marked: str) -> list[str]:
    """The parts ``trim_person`` keeps of the ``⟦ ⟧``-marked span."""
    start = marked.index("⟦")
    end = marked.index("⟧") - 1
    text = marked.replace("⟦", "").replace("⟧", "")
    return [text[a:b] for a, b in trim_person(text, start, end)]


SENTENCE_PUNCTUATION = [
    ("⟦CRP 145. Behandlende lege Ola Hansen⟧", ["Ola Hansen"]),
    ("⟦ICD-10 F32.1. Pasienten Kåre Lien⟧", ["Kåre Lien"]),
    ("Ring ⟦Ola! Kari⟧ er her.", ["Ola", "Kari"]),
    ("⟦Hei? Kari⟧ her.", ["Kari"]),
    ("⟦Kari Hansen; Ola Berg⟧", ["Kari Hansen", "Ola Berg"]),
    ("⟦Kari Hansen\nEtternavn⟧: Berg", ["Kari Hansen"]),
    ('"12121242948","⟦Gunnar Lie","7030⟧ Trondheim"', ["Gunnar Lie"]),
    ("Avtale med ⟦K. Hansen⟧ i morgen.", ["K. Hansen"]),
    ("Avtale med ⟦Ola K. Hansen⟧ i morgen.", ["Ola K. Hansen"]),
    ("Subject: ⟦Epikrise Strand, Ellinor⟧", ["Strand, Ellinor"]),
]

CODES_AND_LAB_VALUES = [
    ("⟦J18.9 Kari Olsen⟧ ble innlagt.", ["Kari Olsen"]),
    ("⟦R74 Ola Nordmann⟧", ["Ola Nordmann"]),
    ("⟦N02BE01 Kari⟧", ["Kari"]),
    ("⟦HbA1c Ola Hansen⟧", ["Ola Hansen"]),
    ("⟦eGFR Kari Berg⟧", ["Kari Berg"]),
    ("⟦NT-proBNP Per Berg⟧", ["Per Berg"]),
    ("⟦INR Ola⟧", ["Ola"]),
    ("⟦ALAT Kari⟧", ["Kari"]),
    ("⟦LPK Tone Moe⟧", ["Tone Moe"]),
    ("⟦TSH Siri Moen⟧", ["Siri Moen"]),
    ("⟦Kari Hansen 12,9⟧", ["Kari Hansen"]),
    ("BT ⟦158/94 Ola⟧", ["Ola"]),
    ("⟦Hb 12,9⟧", []),
    ("⟦CRP⟧ 145", []),
    ("CRP ⟦145⟧", []),
    ("⟦H24-08813⟧: Hudbiopsi", []),
    ("Diagnoseliste: ⟦I10 Essensiell⟧ hypertensjon", []),
    ("Diagnoseliste: ⟦E78.0 Hyperkolesterolemi⟧", []),
    ("Glukose ⟦9,1. Svangerskapsdiabetes⟧ (O24.4).", []),
    ("Kvar morgon får ⟦Solrun Metformin⟧ 500 mg.", ["Solrun"]),
    ("DUF-nummer 201862437606, ⟦passnummer N02845731⟧.", []),
    ("2024-02-11 03:11,⟦jon.erik.holm,4401287⟧,les", ["jon.erik.holm"]),
    ("⟦Torbjørn Skaar f.12.12.1950⟧ ønsker samtale.", ["Torbjørn Skaar"]),
]

INSTRUCTIONS = [
    ("⟦Oppsummer⟧: Pasienten ble innlagt med pneumoni.", []),
    ("⟦Summarize⟧: patient admitted with pneumonia.", []),
    ("⟦Summarise⟧ the history.", []),
    ("⟦Finn⟧ pasient som har diabetes.", []),
    ("⟦Skriv⟧ et brev til fastlegen.", []),
    ("⟦Skriv brev til Kari Hansen⟧ om timen.", ["Kari Hansen"]),
    ("⟦Oppsummer epikrisen⟧: Pasient Jorun Haldorsen", []),
    ("Notatet er langt. ⟦Forklar⟧ funnene enkelt.", []),
    ("- ⟦Lag⟧ en liste over medisinene.", []),
    ("1. ⟦Translate⟧ this note.", []),
    ("⟦Finn Hovland⟧ ringte i dag.", ["Finn Hovland"]),
    ("⟦Finn⟧ forteller om økende tungpust.", ["Finn"]),
]

HEADINGS_AND_ORDINARY_WORDS = [
    ("⟦Epikrisen⟧\nPasienten ble utskrevet.", []),
    ("Innkomststatus: ⟦Redusert⟧ allmenntilstand.", []),
    ("⟦Fornavn⟧: Kari", []),
    ("Fornavn: ⟦Kari⟧", ["Kari"]),
    ("⟦Etternavn⟧\tFornavn\tPersonnr", []),
    ("Etternavn\t⟦Fornavn⟧\tPersonnr", []),
    ("Fastlege: ⟦Strand⟧", ["Strand"]),
    ("Samtale med ⟦Strand⟧ i dag.", ["Strand"]),
    ("Vekt 92 kg. ⟦Fotundersøkelse⟧ ua.", []),
    ("⟦O⟧: Temp 37,8", []),
    ("Pakningsstørrelse 28 tabl, ⟦Varenummer⟧ 056734", []),
    ("Fom 06.05.2024 ⟦tom⟧ 02.06.2024.", []),
    ("Allergier: ⟦tom⟧", []),
    ("Bleien var ⟦tom⟧.", []),
    ("hei det er ⟦tom⟧, jeg lurer på timen", ["tom"]),
    ("Navn: ⟦tom⟧", ["tom"]),
    ("Fit for work from 1 ⟦June⟧.", []),
    ("⟦Sum⟧ kr 820.", []),
    ("Tannlegekontoret ⟦Kari Berge AS⟧ (orgnr 902233458)", ["Kari Berge"]),
    ("Ring ⟦kari⟧ i morgen.", ["kari"]),
    ("⟦Wife Astrid wants⟧ to be called.", ["Astrid"]),
    ("Pasienten er kjent med ⟦Bo⟧.", ["Bo"]),
    ("⟦August⟧ fikk Ventoline på forstøver.", ["August"]),
    ("⟦August⟧, 7 år, har feber.", ["August"]),
    ("Født 7. ⟦august⟧ 2019.", []),
    ("Innlagt 4 ⟦March⟧.", []),
    # round 2: spoken numbers, short words, headings, a cue on the line before
    ("har fått ⟦zentravan sekstifem⟧ milligram", ["zentravan"]),
    ("feber ⟦trettiåtte⟧ komma fem", []),
    ("Hei! ⟦Ny⟧ time neste uke.", []),
    ("Pasienten er kjent med ⟦Li⟧.", ["Li"]),
    ("⟦Vaktliste⟧ kirurgisk post", []),
    ("Lege;HPR;⟦Pasientlengde⟧", []),
    ("Epikrise. ⟦Cancer⟧ mammae, operert 2021.", []),
    ("Skjema – ny pasient\n⟦Fornavn⟧: Kari", []),
    ("Pasient:\n⟦Kari Lie⟧", ["Kari Lie"]),
    # long dictionary words where a capital is explained, capitals on a shouted line, clitics
    ("⟦Hjemmebesøk⟧ onsdag:\n09:00 Lie, Kari", []),
    ("⟦Adresseendring⟧ registrert: Kari Lie", []),
    ("Diagnose M54.5 ⟦Lumbago⟧ siden mandag", []),
    ("Har ⟦KOLS⟧ og astma.", []),
    ("MIN ⟦TELEFON⟧ ER NY", []),
    ("doctor: hello ⟦what's⟧ your name", []),
    ("- Marianne (⟦sekr⟧.): ring tilbake", []),
    ("⟦Tir⟧: Kari / Ola", []),
    ("Ring ⟦Brattvåg⟧ i morgen.", ["Brattvåg"]),
]


@pytest.mark.parametrize(("marked", "expected"), SENTENCE_PUNCTUATION)
def test_spans_split_at_sentence_punctuation(marked: str, expected: list[str]) -> None:
    assert _trimmed(marked) == expected


@pytest.mark.parametrize(("marked", "expected"), CODES_AND_LAB_VALUES)
def test_codes_lab_values_and_numbers_are_trimmed_off(marked: str, expected: list[str]) -> None:
    assert _trimmed(marked) == expected


@pytest.mark.parametrize(("marked", "expected"), INSTRUCTIONS)
def test_instructions_to_the_model_are_not_names(marked: str, expected: list[str]) -> None:
    assert _trimmed(marked) == expected


@pytest.mark.parametrize(("marked", "expected"), HEADINGS_AND_ORDINARY_WORDS)
def test_headings_labels_and_ordinary_words(marked: str, expected: list[str]) -> None:
    assert _trimmed(marked) == expected


_TEXT = st.text(alphabet=st.sampled_from(list("Ka ri.H:\n1,;Ø-ns")), max_size=40)


@settings(deadline=None, max_examples=300)
@given(text=_TEXT, data=st.data())
def test_parts_lie_inside_the_span_in_order_without_digits(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    parts = trim_person(text, start, end)
    bounds = [i for span in parts for i in span]
    assert bounds == sorted(bounds)
    assert all(start <= a < b <= end for a, b in parts)
    assert not any(c.isdigit() for a, b in parts for c in text[a:b])
