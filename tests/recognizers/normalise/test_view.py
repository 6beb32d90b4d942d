"""The composed view: both steps, exact offsets, and the cheap None of ordinary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.no.poststeder import is_street_name
from recognizers.normalise import lexicon
from recognizers.normalise.candidates import may_be_spoken
from recognizers.normalise.chars import fold_characters
from recognizers.normalise.offsets import TextView
from recognizers.normalise.spoken import PASSES
from recognizers.normalise.view import text_view

COMPOSED = [
    # (text, view text, view substring, original substring it maps back to)
    (
        "Ring meg på fire\u00a0en fire nittiåtte fem tre sju!",
        "Ring meg på 41498537!",
        "41498537",
        "fire\u00a0en fire nittiåtte fem tre sju",
    ),
    ("tlf ４ ８ ３ ８ ３ ０ ０ ３", "tlf 48383003", "48383003", "４ ８ ３ ８ ３ ０ ０ ３"),
    ("Navn: h\u200b u s s a i n", "Navn: hussain", "hussain", "h\u200b u s s a i n"),
    (
        "født sjette\u202fi åttende nitten syttien",
        "født 06.08.1971",
        "06.08.1971",
        "sjette\u202fi åttende nitten syttien",
    ),
    ("Оla punktum nordmann krøllalfa gmail punktum com", "Ola.nordmann@gmail.com", "Ola", "Оla"),
]


@pytest.mark.parametrize(("text", "expected", "part", "source"), COMPOSED)
def test_composed(text: str, expected: str, part: str, source: str) -> None:
    view = text_view(text)
    assert view is not None
    assert view.text == expected
    start = view.text.index(part)
    begin, end = view.span_in_original(start, start + len(part))
    assert text[begin:end] == source


CLINICAL = [
    "to tabletter tre ganger daglig",
    "en uke",
    "Hb 12,9",
    "BT 158/94",
    "Pasienten er en 78 år gammel kvinne med dyspné. Hb 12,9, CRP 45, INR 2,4. BT 158/94, "
    "puls 88. Furosemid 40 mg to tabletter tre ganger daglig i en uke, så én tablett. "
    "Diagnose I50.9, ICPC-2 K77, ATC C03CA01. Kontroll om fire-fem dager. Tusen takk!",
    "Pårørende er informert; ny time om 3 måneder hos fastlege.",
]


@pytest.mark.parametrize("text", CLINICAL)
def test_clinical_text_unchanged(text: str) -> None:
    assert text_view(text) is None


def test_empty_and_edge_spans() -> None:
    text = "\u200bab\u200b"
    view = text_view(text)
    assert view is not None
    assert view.text == "ab"
    assert view.span_in_original(0, 2) == (1, 3)
    assert view.span_in_original(0, 0) == (0, 0)
    assert view.span_in_original(1, 1) == (2, 2)
    assert view.span_in_original(2, 2) == (3, 3)
    with pytest.raises(ValueError, match="outside"):
        view.span_in_original(1, 3)
    with pytest.raises(ValueError, match="outside"):
        view.span_in_original(2, 1)


def _assert_exact(view: TextView) -> None:
    """Every view character comes from a non-empty span; both maps never go back."""
    assert len(view.starts) == len(view.ends) == len(view.text)
    for index in range(len(view.text)):
        assert 0 <= view.starts[index] < view.ends[index] <= len(view.original)
        if index:
            assert view.starts[index - 1] <= view.starts[index]
            assert view.ends[index - 1] <= view.ends[index]


SPOKEN_PIECES = sorted(
    {*lexicon.UNITS, *lexicon.TEENS, *lexicon.COMPOUNDS, *lexicon.ORDINALS, *lexicon.MONTHS}
    | {"hundre", "tusen", "og", "eh", "i", "krøllalfa", "punktum", "at", "dot", "(at)", "pluss"}
)
OTHER_PIECES = [
    *("pasient", "Hb", "12,9", "BT", "158/94", "mg", "7", "2024", "h", "u", "s"),
    *("løvåsveien", "kyrres", "gate", "nummer", "som", "b", "gmail", "com", "er", "mailen"),
]
SEPARATORS = [" ", " ", " ", ", ", "-", ". ", "\n", "\u00a0", "\u200b", "@", "(", ")"]
MIXED = st.lists(
    st.tuples(st.sampled_from(SPOKEN_PIECES + OTHER_PIECES), st.sampled_from(SEPARATORS)),
    max_size=14,
).map(lambda pieces: "".join(word + separator for word, separator in pieces))


@settings(deadline=None, max_examples=400)
@given(MIXED, st.data())
def test_view_offsets_are_exact(text: str, data: st.DataObject) -> None:
    """The original span of any view span covers exactly the characters that produced it."""
    view = text_view(text)
    if view is None:
        return
    assert view.original == text
    _assert_exact(view)
    start = data.draw(st.integers(0, len(view.text)))
    end = data.draw(st.integers(start, len(view.text)))
    begin, finish = view.span_in_original(start, end)
    assert 0 <= begin <= finish <= len(text)
    if start < end:
        assert begin == min(view.starts[start:end])
        assert finish == max(view.ends[start:end])


@settings(deadline=None, max_examples=400)
@given(MIXED)
def test_fast_path_misses_no_rewrite(text: str) -> None:
    """Where the fast path sees nothing spoken, no rewrite would have changed anything."""
    folded = fold_characters(text)
    text = folded.text if folded else text
    if not may_be_spoken(text):
        assert all(rewrite(text, None) is None for rewrite in PASSES)


PLAIN_WORDS = st.text(st.sampled_from("abcdefghjklmnopqrsuvwxyz"), min_size=2, max_size=9).filter(
    lambda word: word not in lexicon.SPOKEN_WORDS and not is_street_name(word)
)
NUMBER_WORDS = st.sampled_from(sorted(word for word in lexicon.UNITS if word.isascii()))
PLAIN_CHUNKS = st.one_of(
    PLAIN_WORDS,
    st.sampled_from(["Hb 12,9", "BT 158/94", "INR 2,4", "2024", "kl. 14:30", "ICD-10 F32.1"]),
    st.tuples(PLAIN_WORDS, NUMBER_WORDS, PLAIN_WORDS).map(" ".join),
)


@settings(deadline=None, max_examples=300)
@given(st.lists(PLAIN_CHUNKS, max_size=20).map(" ".join))
def test_plain_text_without_number_runs_has_no_view(text: str) -> None:
    assert text_view(text) is None


DIGIT_WORDS = {digit: [w for w, v in lexicon.UNITS.items() if v == digit] for digit in range(10)}
DICTATED = st.lists(st.integers(0, 9), min_size=4, max_size=11).flatmap(
    lambda digits: st.tuples(
        st.just("".join(map(str, digits))),
        st.tuples(*(st.sampled_from(DIGIT_WORDS[digit]) for digit in digits)),
        st.lists(st.sampled_from([" ", "  ", " eh ", " og så "]), min_size=len(digits) - 1),
    )
)


@settings(deadline=None, max_examples=300)
@given(DICTATED)
def test_dictated_digits(dictated: tuple[str, tuple[str, ...], list[str]]) -> None:
    """Digits said one by one become the digit string, mapped back to first through last word."""
    digits, words, links = dictated
    spoken = words[0] + "".join(link + word for link, word in zip(links, words[1:], strict=False))
    text = f"nummeret er {spoken} takk"
    view = text_view(text)
    assert view is not None
    if len(digits) == 10 and digits.startswith("47"):
        digits = "+" + digits  # a phone number with its country code
    assert view.text == f"nummeret er {digits} takk"
    assert view.span_in_original(12, 12 + len(digits)) == (12, 12 + len(spoken))
