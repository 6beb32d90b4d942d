"""The speed settings of ``load_pipeline`` change no prediction of the bundled model.

``load_pipeline`` runs thinc on numpy's BLAS instead of blis and computes only the lexeme
attributes the model reads. Both are safe only if every entity comes out exactly as from a
stock ``spacy.load`` of the same folder, on text with names, numbers, punctuation, odd
whitespace and words the model has never seen.
"""

from __future__ import annotations

from typing import Any, cast

import pytest
import spacy
from spacy import attrs
from spacy.language import Language
from thinc.api import Model, NumpyOps

from recognizers.ner.engine import (
    BUNDLED_MODEL,
    NerModelError,
    keep_lexeme_attributes,
    load_pipeline,
)
from tests.recognizers.corpus_texts import corpus_texts

EXTRA = [
    "  Pasient:\tKari   Nordmann\u00a0(f. 01.01.1970) -- tlf. 912 34 567 ",
    "hei!! jeg heter øystein ås-bjørnstad og bor i Storgata 12B, 0155 Oslo :)",
    "Dr. Zbigniew Kowalczyk-Ødegård og sykepleier Ngozi Okonkwo-Aasen var til stede.",
    "https://example.no/a?b=c e-post kari@example.no 1234,56 kr #Per",
]


def _texts() -> list[str]:
    return [*EXTRA, *corpus_texts()]


def _entities(nlp: Language, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    return [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in nlp.pipe(texts, batch_size=64)
    ]


@pytest.fixture(scope="module")
def stock() -> Language:
    nlp = spacy.load(BUNDLED_MODEL, exclude=["tagger", "parser", "lemmatizer"])
    assert any(getattr(n.ops, "use_blis", False) for n in _layers(nlp))
    return nlp


def _layers(nlp: Language) -> list[Model]:  # type: ignore[type-arg]
    pipes: list[Any] = [pipe for _, pipe in nlp.pipeline]  # components are typed as callables
    return [node for pipe in pipes for node in pipe.model.walk()]


def test_fast_pipeline_predicts_exactly_what_the_stock_one_does(stock: Language) -> None:
    fast = load_pipeline()
    assert all(isinstance(node.ops, NumpyOps) and not node.ops.use_blis for node in _layers(fast))
    texts = _texts()
    assert len(texts) > 200
    expected = _entities(stock, texts)
    assert sum(map(len, expected)) > 200  # the comparison covers many entities
    with fast.memory_zone():  # as sladd runs it: every word is new to the vocabulary
        assert _entities(fast, texts) == expected


def test_new_words_get_only_the_attributes_the_model_reads() -> None:
    getters: dict[int, object] = cast(Any, load_pipeline().vocab).lex_attr_getters
    names = {"NORM", "PREFIX", "SUFFIX", "SHAPE", "IS_SPACE"}
    assert set(getters) == {attrs.IDS[name] for name in names}


def test_dropping_an_attribute_the_model_reads_is_noticed(stock: Language) -> None:
    """The comparison above has teeth: without SHAPE the predictions change."""
    crippled = load_pipeline()
    keep_lexeme_attributes(crippled, ["NORM", "PREFIX", "SUFFIX"])
    texts = _texts()
    with crippled.memory_zone():
        assert _entities(crippled, texts) != _entities(stock, texts)


def test_unknown_attribute_is_a_setup_error() -> None:
    nlp = load_pipeline()
    with pytest.raises(NerModelError, match="no lexeme getter"):
        keep_lexeme_attributes(nlp, ["NOT_AN_ATTRIBUTE_NAME"])
