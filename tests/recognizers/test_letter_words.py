"""Words of letters only skip only the tokenizer regexes that provably cannot match them."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from recognizers.ner.engine import BUNDLED_MODEL, load_pipeline
from recognizers.ner.letter_words import can_match_letters, skip_regexes_for_letter_words
from tests.recognizers.corpus_texts import corpus_texts

HOOKS = ["prefix_search", "suffix_search", "url_match", "infix_finditer"]
TRICKY = [
    "Pasient:\tKari   Nordmann (f. 01.01.1970) -- tlf. 912 34 567",
    "«Per» og 'Ola' - Ål. 3km, km3, 5kg; 12:30 «Åse-Marie» (ØNH) ...",
    "kari@example.no https://example.no/a?b=c #Per @ola :) 1234,56 kr",
    "ǅemal ﬁne Ⅻ ß. ı İstanbul ʼnorsk Ωmega x²",
]


@pytest.mark.parametrize(
    "pattern",
    [
        r"[.,]$",
        r"\.\.+|…",
        r"\d+",
        r"(?<=[0-9])(?:km|kg|m)$",  # the unit needs a digit before it
        r"(?<=[a-z])\.(?=[A-Z])",
        r"(?i:x)\.",
        r"a?\.",
        r"(?:\.|,)+",
    ],
)
def test_patterns_that_need_a_non_letter_are_proven_so(pattern: str) -> None:
    assert not can_match_letters(re.compile(pattern))


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<![0-9])km$",  # a negative look-behind is satisfied by letters
        r"km(?=[a-z])",
        r"(?:a|\.)",
        r"x*",  # matches the empty string anywhere
        r"[^.]",
        r"\w+",
        r"(?i)\u0345",  # case-folds to the letter iota
        r"(?i:\u0345)",
        r"(?=[a-z])",
    ],
)
def test_patterns_that_may_match_letters_are_not(pattern: str) -> None:
    assert can_match_letters(re.compile(pattern))


@cache
def _stock() -> Language:
    return spacy.load(BUNDLED_MODEL, exclude=["tagger", "parser", "lemmatizer"])


@pytest.fixture(scope="module")
def stock() -> Language:
    return _stock()


@settings(deadline=None)  # the first example loads the model; CI is a loaded 2-core box
@given(st.text(alphabet=st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo"]), min_size=1))
def test_bundled_hooks_really_find_nothing_in_letter_words(word: str) -> None:
    """What the proof says, tried: spaCy's own regexes find nothing in words of letters."""
    tokenizer = _stock().tokenizer
    assert word.isalpha()
    for name in HOOKS:
        found = getattr(tokenizer, name)(word)
        assert not (list(found) if name == "infix_finditer" else found), (name, word)


def test_every_regex_hook_of_the_bundled_tokenizer_is_shortcut() -> None:
    nlp = spacy.load(BUNDLED_MODEL, exclude=["tagger", "parser", "lemmatizer"])
    assert sorted(skip_regexes_for_letter_words(nlp.tokenizer)) == sorted(HOOKS)


def test_a_hook_that_can_match_letters_is_left_alone() -> None:
    nlp = spacy.blank("nb")
    tokenizer: Any = nlp.tokenizer
    tokenizer.suffix_search = re.compile(r"(?:[.,]|ene)$").search
    tokenizer.infix_finditer = re.compile(r"-").finditer
    changed = skip_regexes_for_letter_words(tokenizer)
    assert "suffix_search" not in changed
    assert "infix_finditer" in changed
    assert [t.text for t in nlp("gutt dagene.")] == ["gutt", "dag", "ene", "."]


def test_tokens_are_exactly_spacys(stock: Language) -> None:
    texts = [*TRICKY, *corpus_texts()]
    fast = load_pipeline()
    assert not any(
        isinstance(getattr(getattr(fast.tokenizer, h), "__self__", None), re.Pattern) for h in HOOKS
    )  # every hook is the shortcut, not the bare regex
    with fast.memory_zone():
        for text in texts:
            assert [t.text for t in fast.make_doc(text)] == [t.text for t in stock(text)], text
