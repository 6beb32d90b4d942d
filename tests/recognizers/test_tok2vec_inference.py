"""The fused tok2vec gives bit for bit what thinc's layers give, and only where it applies."""

from __future__ import annotations

from typing import Any

import numpy
import pytest
import spacy
from spacy.language import Language
from thinc.api import LayerNorm, NumpyOps

from recognizers.ner.engine import BUNDLED_MODEL, load_pipeline
from recognizers.ner.tok2vec_inference import (
    FusedTok2Vec,
    fuse_tok2vec,
    gather_add,
    layer_norm,
    max_of_pieces,
)
from tests.recognizers.corpus_texts import corpus_texts


def _texts() -> list[str]:
    odd = ["", " ", "Kari", "  Pasient:\tKari   Nordmann\u00a0(f. 01.01.1970) -- tlf. 912 34 567 "]
    return [*odd, *corpus_texts()]


def _tok2vec(embed_attrs: list[str], encode: dict[str, Any]) -> Language:
    nlp = spacy.blank("nb")
    width = encode["width"]
    embed = {
        "@architectures": "spacy.MultiHashEmbed.v2",
        "width": width,
        "attrs": embed_attrs,
        "rows": [500] * len(embed_attrs),
        "include_static_vectors": False,
    }
    model = {"@architectures": "spacy.Tok2Vec.v2", "embed": embed, "encode": encode}
    nlp.add_pipe("tok2vec", config={"model": model})
    nlp.initialize()
    return nlp


def _component(nlp: Language) -> Any:
    return nlp.get_pipe("tok2vec")


def _same_as_thinc(nlp: Language, fused: FusedTok2Vec, texts: list[str]) -> bool:
    model = _component(nlp).model
    docs = [nlp.make_doc(text) for text in texts]
    for start in range(0, len(docs), 29):  # batches with and without empty docs
        batch = docs[start : start + 29]
        if any(len(doc) for doc in batch):
            expected, got = model.predict(batch), fused(batch)
            if len(expected) != len(got) or not all(map(numpy.array_equal, expected, got)):
                return False
    return True


def test_the_bundled_model_is_fused_and_bit_identical() -> None:
    nlp = spacy.load(BUNDLED_MODEL, exclude=["tagger", "parser", "lemmatizer"])
    fused = FusedTok2Vec.of(_component(nlp).model)
    assert fused is not None
    assert _same_as_thinc(nlp, fused, _texts())


def test_load_pipeline_runs_the_fused_tok2vec() -> None:
    component: Any = load_pipeline().get_pipe("tok2vec")
    assert "predict" in vars(component)  # the instance's own, not the class's


def test_another_width_depth_and_window_is_fused_too() -> None:
    encode = {
        "@architectures": "spacy.MaxoutWindowEncoder.v2",
        "width": 32,
        "depth": 2,
        "window_size": 2,
        "maxout_pieces": 2,
    }
    nlp = _tok2vec(["NORM", "SHAPE", "PREFIX"], encode)
    fused = FusedTok2Vec.of(_component(nlp).model)
    assert fused is not None
    assert _same_as_thinc(nlp, fused, _texts()[:300])


def test_another_architecture_is_left_alone() -> None:
    encode = {"@architectures": "spacy.MishWindowEncoder.v2", "width": 32, "depth": 2,
              "window_size": 1}  # fmt: skip
    nlp = _tok2vec(["NORM", "SHAPE"], encode)
    assert FusedTok2Vec.of(_component(nlp).model) is None
    assert not fuse_tok2vec(nlp)
    assert "predict" not in vars(_component(nlp))


def test_a_fused_form_that_disagrees_is_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    real = FusedTok2Vec.__call__

    def off_by_a_bit(self: FusedTok2Vec, docs: Any) -> list[Any]:
        return [array + 1e-6 for array in real(self, docs)]

    monkeypatch.setattr(FusedTok2Vec, "__call__", off_by_a_bit)
    nlp = spacy.load(BUNDLED_MODEL, exclude=["tagger", "parser", "lemmatizer"])
    assert not fuse_tok2vec(nlp)
    assert "predict" not in vars(_component(nlp))


@pytest.mark.parametrize("pieces", [2, 3, 4])
def test_max_of_pieces_gives_thincs_maxout(pieces: int) -> None:
    rng = numpy.random.default_rng(pieces)
    for rows in (1, 7, 300, 900):
        scores = rng.standard_normal((rows, 16, pieces)).astype("float32")
        scores[0, 0, :] = -numpy.inf  # a row whose every piece is -inf
        expected, _ = NumpyOps(use_blis=False).maxout(scores)
        assert numpy.array_equal(max_of_pieces(scores), expected)


@pytest.mark.parametrize("use_blis", [False, True])
def test_gather_add_gives_thincs_floats(use_blis: bool) -> None:
    rng = numpy.random.default_rng(7)
    table = rng.standard_normal((500, 24)) * 10.0 ** rng.integers(-6, 6, (500, 1))
    table = table.astype("float32")  # rows of very different sizes: rounding order shows
    for rows, columns in ((1, 1), (50, 4), (800, 4), (33, 7)):
        keys = rng.integers(0, 500, (rows, columns)).astype("uint32")  # as ops.hash gives
        expected = NumpyOps(use_blis=use_blis).gather_add(table, keys)
        assert numpy.array_equal(gather_add(table, keys), expected)


def test_layer_norm_gives_thincs_floats() -> None:
    rng = numpy.random.default_rng(3)
    for width in (16, 64, 96):
        norm: Any = LayerNorm(nI=width)  # thinc's array types do not admit plain ndarrays
        norm.initialize()
        gain = rng.standard_normal(width).astype("float32")
        shift = rng.standard_normal(width).astype("float32")
        norm.set_param("G", gain)
        norm.set_param("b", shift)
        for rows in (1, 5, 200, 700):
            scale = 10.0 ** rng.integers(-4, 5, (rows, 1))  # rows of very different sizes
            inputs = (rng.standard_normal((rows, width)) * scale).astype("float32")
            assert numpy.array_equal(layer_norm(inputs, gain, shift), norm.predict(inputs))
