"""The ``tok2vec`` layer stack at inference as one function: same operations, no dispatch.

The bundled model's ``tok2vec`` is spaCy's ``Tok2Vec.v2`` with a ``MultiHashEmbed.v2``
embedding (no static vectors) and a ``MaxoutWindowEncoder.v2`` encoder: some thirty thinc
layers, each called through thinc's ``Model`` machinery. :class:`FusedTok2Vec` computes the
same thing at inference with the same numpy and thinc ``Ops`` calls on the same arrays, in the
same order, so its output is bit for bit what ``model.predict`` gives — without the per-layer
dispatch, which cost ~0.1 ms per call (the model's fixed cost, paid by every worker that reads
part of a message) and ~8 % of the layer's time on a 2 KB message. Three of thinc's steps
are replaced by numpy calls that give the same floats much faster (:func:`max_of_pieces`,
:func:`gather_add`, :func:`layer_norm`: together ~0.9 ms less per 2 KB message, ~20 % of
the model's time).

:func:`fuse_tok2vec` installs it only when the model's layer names are exactly that
architecture and its output equals ``model.predict`` on a few sentences; otherwise the
component is left as it is. Dropout layers are the identity at inference and are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model, Ops

_SELF_TEST = (
    "Pasienten Kari Nordmann (f. 01.01.1970) ble innlagt på Haukeland 12. mars.",
    "Dr. Ola Hansen ringte; tlf. 912 34 567.",
    "",
    "ok",
)


def _embed_name(tables: int) -> str:
    return (
        "extract_features>>list2ragged>>with_array("
        + "|".join(["ints-getitem>>hashembed"] * tables)
        + ")>>with_array(maxout>>layernorm>>dropout)>>ragged2list"
    )


def _encode_name(depth: int) -> str:
    block = "residual(expand_window>>maxout>>layernorm>>dropout)"
    return "with_array(" + ">>".join([block] * depth) + ")"


def max_of_pieces(scores: Any) -> Any:
    """The largest of each ``(row, output)``'s pieces: thinc's ``Ops.maxout`` without the
    ``argmax`` it also returns for training. ``max`` is exact, so the values are the same
    (for any input without NaN, which a model's finite weights do not produce); thinc's
    version cost ~0.12 ms per call inside the model (5 calls per model call), this one
    ~0.02 ms."""
    best = scores[:, :, 0].copy()
    for piece in range(1, scores.shape[2]):
        numpy.maximum(best, scores[:, :, piece], out=best)
    return best


def gather_add(table: Any, keys: Any) -> Any:
    """Row ``i``: the sum of ``table``'s rows ``keys[i, 0]``, ``keys[i, 1]``, ... added in that
    order, as thinc's ``Ops.gather_add`` adds them (one BLAS ``axpy`` with ``alpha`` 1 per
    row and key, whose products are exact): the same floats, without a call per row."""
    total = table[keys[:, 0]]
    for column in range(1, keys.shape[1]):
        total += table[keys[:, column]]
    return total


def layer_norm(rows: Any, gain: Any, shift: Any) -> Any:
    """thinc's ``LayerNorm`` at inference, ``(rows - mean) / sqrt(var + 1e-08) * gain + shift``
    per row, with the ufunc calls ``ndarray.mean`` and ``ndarray.var`` make (sum, then divide
    by the count; the squares of the same differences, summed and divided) but each
    computed once and without their Python wrappers: the same floats in half the time
    (~0.1 ms less per 2 KB message). A numpy that computed ``var`` differently would show in
    :func:`fuse_tok2vec`'s self-test (then the stock layers run) or at the latest in the
    tests, which compare with thinc on every corpus text."""
    count = numpy.intp(rows.shape[1])
    mean = numpy.add.reduce(rows, axis=1, keepdims=True)
    numpy.true_divide(mean, count, out=mean, casting="unsafe")
    centred = rows - mean
    var = numpy.add.reduce(numpy.square(centred), axis=1, keepdims=True)
    numpy.true_divide(var, count, out=var, casting="unsafe")
    var += 1e-08
    centred *= var ** (-1.0 / 2.0)
    centred *= gain
    centred += shift
    return centred


@dataclass(frozen=True, slots=True)
class _HashTable:
    table: Any
    seed: int
    column: int


@dataclass(frozen=True, slots=True)
class _MaxoutNorm:
    """``maxout>>layernorm``: thinc's ``W`` as ``(outputs * pieces, inputs)``, ``b`` flat;
    the norm's gain ``G`` and shift ``b``."""

    weights: Any
    bias: Any
    outputs: int
    pieces: int
    gain: Any
    shift: Any

    def __call__(self, ops: Ops, inputs: Any) -> Any:
        scores = ops.gemm(inputs, self.weights, trans2=True)
        scores += self.bias
        best = max_of_pieces(ops.reshape3f(scores, scores.shape[0], self.outputs, self.pieces))
        return layer_norm(best, self.gain, self.shift)


def _maxout_norm(maxout: Model[Any, Any], norm: Model[Any, Any]) -> _MaxoutNorm:
    outputs, pieces, inputs = (maxout.get_dim(d) for d in ("nO", "nP", "nI"))
    return _MaxoutNorm(
        weights=maxout.ops.reshape2f(maxout.get_param("W"), outputs * pieces, inputs),
        bias=maxout.ops.reshape1f(maxout.get_param("b"), outputs * pieces),
        outputs=outputs,
        pieces=pieces,
        gain=norm.get_param("G"),
        shift=norm.get_param("b"),
    )


@dataclass(frozen=True, slots=True)
class FusedTok2Vec:
    """``model.predict(docs)`` of a ``Tok2Vec.v2`` model, computed in one pass."""

    ops: Ops
    columns: list[int | str]
    tables: list[_HashTable]
    reduce: _MaxoutNorm
    window: int
    pad: int
    blocks: list[_MaxoutNorm]

    @classmethod
    def of(cls, model: Model[Any, Any]) -> FusedTok2Vec | None:
        """The fused form of ``model``, or ``None`` if it is not exactly this architecture."""
        if len(model.layers) != 2:
            return None
        embed, encode = model.layers
        nodes = list(model.walk(order="dfs_pre"))  # left to right: as the data flows
        tables = [n for n in nodes if n.name == "hashembed"]
        blocks = list(encode.layers[0].layers) if encode.layers else []
        if (
            embed.name != _embed_name(len(tables))
            or encode.name != _encode_name(len(blocks))
            or not tables
            or not blocks
        ):
            return None
        getters = [n for n in nodes if n.name == "ints-getitem"]
        maxouts = [n for n in nodes if n.name == "maxout"]
        norms = [n for n in nodes if n.name == "layernorm"]
        windows = {n.attrs["window_size"] for n in nodes if n.name == "expand_window"}
        if len(getters) != len(tables) or len(windows) != 1 or len(maxouts) != len(norms):
            return None
        ops = maxouts[0].ops
        if any(node.ops is not ops for node in nodes):
            return None
        return cls(
            ops=ops,
            columns=list(embed.layers[0].attrs["columns"]),
            tables=[
                _HashTable(t.get_param("E"), int(t.attrs["seed"]), int(g.attrs["index"][1]))
                for g, t in zip(getters, tables, strict=True)
            ],
            reduce=_maxout_norm(maxouts[0], norms[0]),
            window=int(windows.pop()),
            pad=int(encode.attrs["pad"]),
            blocks=[_maxout_norm(m, n) for m, n in zip(maxouts[1:], norms[1:], strict=True)],
        )

    def __call__(self, docs: Sequence[Doc]) -> list[Any]:
        """One ``(len(doc), width)`` array per doc; docs must not all be empty."""
        ops: Any = self.ops  # thinc's array types do not follow these reshapes
        features = [ops.asarray2i(doc.to_array(self.columns), dtype="uint64") for doc in docs]
        ids = ops.flatten(features)
        embedded = []
        for hashed in self.tables:
            column = ops.as_contig(ids[:, hashed.column], dtype="uint64")
            keys = ops.hash(column, hashed.seed) % hashed.table.shape[0]
            embedded.append(gather_add(hashed.table, keys))
        lengths = ops.asarray1i([len(f) for f in features])
        vectors = ops.unflatten(self.reduce(ops, ops.xp.hstack(embedded)), lengths)
        flat = ops.flatten(vectors, pad=self.pad)
        for block in self.blocks:
            flat = flat + block(ops, ops.seq2col(flat, self.window))
        return list(ops.unflatten(flat, lengths, pad=self.pad))


def fuse_tok2vec(nlp: Language) -> bool:
    """Run ``nlp``'s ``tok2vec`` through :class:`FusedTok2Vec` if it is that architecture and
    gives the same output on a few sentences; returns whether it does."""
    component: Any = nlp.get_pipe("tok2vec")
    fused = FusedTok2Vec.of(component.model)
    if fused is None:
        return False
    with nlp.memory_zone():  # the test sentences' words are not kept
        sample = [nlp.make_doc(text) for text in _SELF_TEST]
        expected = component.model.predict(sample)
        if not all(map(numpy.array_equal, expected, fused(sample))):
            return False
    stock: Callable[[Sequence[Doc]], list[Any]] = component.predict

    def predict(docs: Sequence[Doc]) -> list[Any]:
        return fused(docs) if any(len(doc) for doc in docs) else stock(docs)

    component.predict = predict
    return True
