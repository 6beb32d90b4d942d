"""Capitals for the model in lower-case text: which words get one, that the text keeps its
length and letters, and what the shipped detector then finds in a transcript.

Every name below is made up.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proxy.detection.detector import Detector
from proxy.scrub.policy import Policy
from proxy.scrub.policy_settings import PolicySettings
from recognizers.ner.truecase import capitalised_place, truecased


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kan du ringe til liv hun skal", "kan du ringe til Liv hun skal"),
        ("pasient: og så kom stein fra nabogården", "pasient: og så kom Stein fra nabogården"),
        ("SPEAKER_01: nei det var jo henriksen", "SPEAKER_01: nei det var jo Henriksen"),
        ("[00:01:02] L: mvh randi k. strøm", "[00:01:02] L: mvh Randi K. Strøm"),
        ("ja mette-marie kommer", "ja Mette-Marie kommer"),
    ],
)
def test_runs_of_names_get_capitals(text: str, expected: str) -> None:
    assert truecased(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # cased text: case already says what is a name
        "Pasienten har en stein i nyra, sier Liv",
        # function words, ``per`` and fillers that are also names
        "fødselsnummeret hans er jo her",
        "oksykodon tjue milligram per døgn",
        # one word after ``i`` is a time or a place
        "vi skal på hytta i helga",
        # a name next to a word that is neither common nor a name: the model judges the pair
        # better in lower case
        "kommunepsykolog therese vang ringer",
        "undersøkelsen var fin monofilament normalt",
        "speaker 0 jusef abu salem ok",
        # English: its words are names too often
        "ok i will write a new prescription for you",
        # one word gives the model no context
        "stein",
    ],
)
def test_text_left_as_it_is(text: str) -> None:
    assert truecased(text) == text


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("abcdeilnorstvå øæ:_.\n-'SPEAKR01")), max_size=80))
def test_only_first_letters_change_and_the_length_holds(text: str) -> None:
    result = truecased(text)
    assert len(result) == len(text)
    assert all(a == b or a == b.upper() for a, b in zip(result, text, strict=True))


@pytest.mark.parametrize(
    ("span", "entity"),
    [
        ("Heggelund", "PERSON"),
        ("Ruth Heggelund", "PERSON"),
        ("Vik", "LOCATION"),  # a known place that is also a surname
        ("Lillehammer", "LOCATION"),
        ("Nabogården", "LOCATION"),  # no name
    ],
)
def test_a_capitalised_name_read_as_a_place(span: str, entity: str) -> None:
    assert capitalised_place(span) == entity


TRANSCRIPTS = [
    (
        "lege: hvem har du med deg i dag\n"
        "pasient: det er bare meg og så var sol og stein med på ski i helga\nlege: ok",
        ["sol", "stein"],
    ),
    (
        "lege: og hvem tok prøvene\npasient: nei det var jo henriksen men han har sluttet nå",
        ["henriksen"],
    ),
    (
        "lege: jeg så forresten at helga naboen din også satt på venterommet i dag\n"
        "pasient: ja hun har vondt i ryggen",
        ["helga"],
    ),
    (
        "L: og hva heter du\nP: jeg heter eh mai mai berg\nL: mai berg takk og fødselsdatoen",
        ["mai berg"],
    ),
    (
        "pasient: ja og så kom storm fra nabogården og hjalp meg inn\nlege: så fint",
        ["storm"],
    ),
    (
        "pasient: ja jeg skal gi beskjed til ruth kristine fra heggelund på legekontoret",
        ["heggelund"],
    ),
]
NO_NAMES = [
    "pasient: vi skal på hytta i helga så jeg trenger resepten før fredag\nlege: det ordner jeg",
    "lege: det er en stein i nyra som vi må følge med på\npasient: ok",
    "pasient: jeg har hatt vondt i hele mitt liv egentlig\nlege: skjønner",
    "lege: smertepumpa går med oksykodon tjue milligram per døgn\nsykepleier: ja",
]


def _people(detector: Detector, text: str) -> list[str]:
    decisions = Policy(PolicySettings()).decide(text, detector.detect(text))
    return [
        text[d.finding.start : d.finding.end]
        for d in decisions
        if d.action != "allow" and d.finding.entity_type == "PERSON"
    ]


@pytest.mark.parametrize(("text", "names"), TRANSCRIPTS)
def test_names_that_are_also_words_are_found_in_transcripts(
    detector: Detector, text: str, names: list[str]
) -> None:
    found = _people(detector, text)
    assert all(any(name in span for span in found) for name in names), found


@pytest.mark.parametrize("text", NO_NAMES)
def test_the_same_words_as_words_stay(detector: Detector, text: str) -> None:
    assert _people(detector, text) == []
