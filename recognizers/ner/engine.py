"""The bundled Norwegian NER pipeline, as sladd runs it and as Presidio sees it.

sladd runs only ``tok2vec`` and ``ner`` (no tagger, parser or lemmatizer) and batches texts
through ``nlp.pipe``. Four things make it faster without changing a single prediction
(``tests/recognizers/test_ner_speed_settings.py`` compares against a stock ``spacy.load``):

* thinc's matrix products go to numpy's BLAS rather than thinc's bundled blis, which is 2-3x
  slower at the model's small shapes on this hardware (``NumpyOps(use_blis=False)``);
* a word the model has not seen in this process becomes a spaCy lexeme, and spaCy computes
  some twenty attributes for it (``like_url``, ``is_currency``, ...). The pipeline reads only
  the attributes its embedding uses plus ``IS_SPACE`` (the NER transition system), so only
  those are computed. Token attributes outside that set are not meaningful on docs from this
  pipeline; sladd reads nothing but entity spans;
* a word of letters only skips the tokenizer's affix and URL regexes where they provably
  cannot match it (:mod:`recognizers.ner.letter_words`);
* ``tok2vec`` runs as one function of the same operations, without thinc's per-layer
  dispatch (:mod:`recognizers.ner.tok2vec_inference`; bit-identical output).

Model labels map to Presidio entities: PER -> PERSON, LOC and GPE_LOC -> LOCATION, ORG and
GPE_ORG -> ORGANIZATION. spaCy's NER gives no probabilities, so every entity of a label gets
that label's fixed score.

In a stretch with no capitalised word (transcripts, chat), known names are given a capital
before the model reads it (:mod:`recognizers.ner.truecase`): the model tells ``ringe til Liv``
from ``hele mitt Liv`` far better than the same words in lower case.

A PERSON span is cut to the parts that may be names (:mod:`recognizers.ner.person_trim`:
sentence punctuation, codes, lab values, instructions to the LLM, headings), and diagnoses
named after people (``Parkinsons sykdom``), drugs, microorganisms and scoring systems are
not people: :mod:`recognizers.ner.not_names` drops them from PERSON, and
:mod:`recognizers.ner.person_filter` drops ordinary lower-case words and cells of table
columns that hold no names.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

import spacy
from presidio_analyzer import AnalysisExplanation, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from spacy import attrs
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps

from recognizers.errors import RecognizerSetupError
from recognizers.ner.given_names import is_given_name_only
from recognizers.ner.letter_words import skip_regexes_for_letter_words
from recognizers.ner.not_names import is_not_a_person, is_not_a_place
from recognizers.ner.person_filter import is_no_model_name
from recognizers.ner.person_trim import trim_person
from recognizers.ner.prefilter import name_windows, sentences
from recognizers.ner.tok2vec_inference import fuse_tok2vec
from recognizers.ner.truecase import capitalised_place, truecased
from recognizers.no.base import LANGUAGE
from recognizers.no.context import scanning
from recognizers.no.person import is_chat
from recognizers.no.person_abbreviations import without_abbreviations

BUNDLED_MODEL = Path(__file__).resolve().parent / "model"
RECOGNIZER_NAME = "NorwegianNerRecognizer"
LABELS = {
    "PER": "PERSON",
    "LOC": "LOCATION",
    "GPE_LOC": "LOCATION",
    "ORG": "ORGANIZATION",
    "GPE_ORG": "ORGANIZATION",
}
SCORES = {"PERSON": 0.85, "LOCATION": 0.8, "ORGANIZATION": 0.8}
_PLACE_OR_BODY = frozenset({"LOCATION", "ORGANIZATION"})
_INFERENCE_PIPES = ("tok2vec", "ner")
_ALWAYS_NEEDED_ATTRS = ("IS_SPACE",)
"""Lexeme attributes needed whatever the embedding reads: the NER moves test ``IS_SPACE``."""


class NerModelError(RecognizerSetupError):
    """The NER model folder is missing or is not a spaCy pipeline with an ``ner`` component."""


def check_model(path: Path = BUNDLED_MODEL) -> None:
    """Raise :class:`NerModelError` unless ``path`` holds a spaCy pipeline (cheap: no load)."""
    if not (path / "config.cfg").is_file():
        raise NerModelError(f"no spaCy pipeline at {path} (python -m scripts.ner.train)")


def load_pipeline(path: Path = BUNDLED_MODEL) -> Language:
    """Load the pipeline with only the components detection needs."""
    check_model(path)
    nlp = spacy.load(path)
    if "ner" not in nlp.pipe_names:
        raise NerModelError(f"the pipeline at {path} has no 'ner' component")
    for name in nlp.pipe_names:
        if name not in _INFERENCE_PIPES:
            nlp.disable_pipe(name)
    use_numpy_blas(nlp)
    keep_lexeme_attributes(nlp, embedded_attributes(nlp))
    skip_regexes_for_letter_words(nlp.tokenizer)
    fuse_tok2vec(nlp)
    return nlp


def use_numpy_blas(nlp: Language) -> None:
    """Run every layer of every component on ``NumpyOps(use_blis=False)`` (module docstring)."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops


def embedded_attributes(nlp: Language) -> tuple[str, ...]:
    """The token attributes the ``tok2vec`` embedding reads (``MultiHashEmbed`` ``attrs``)."""
    if "tok2vec" not in nlp.pipe_names:
        raise NerModelError("the pipeline has no 'tok2vec' component to read attributes from")
    embed = nlp.config["components"]["tok2vec"]["model"].get("embed", {})
    names = embed.get("attrs")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise NerModelError("the tok2vec embedding does not list the attributes it reads")
    return tuple(names)


def keep_lexeme_attributes(nlp: Language, names: Sequence[str]) -> None:
    """Compute only ``names`` (and ``IS_SPACE``) for lexemes spaCy creates from now on."""
    wanted = {name.upper() for name in (*names, *_ALWAYS_NEEDED_ATTRS)}
    vocab: Any = nlp.vocab  # spaCy's type stubs omit ``lex_attr_getters``
    getters: dict[int, Callable[[str], object]] = vocab.lex_attr_getters
    missing = sorted(n for n in wanted if attrs.IDS.get(n) not in getters)
    if missing:
        raise NerModelError(f"spaCy has no lexeme getter for attribute(s) {missing}")
    ids = {attrs.IDS[name] for name in wanted}
    vocab.lex_attr_getters = {k: v for k, v in getters.items() if k in ids}


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch ``context[start:end]`` of text number ``index`` for the model to read.

    ``context`` is the text itself or a window of it around the stretch (enough for the
    not-a-person checks on the words next to a name).
    """

    index: int
    context: str
    start: int
    end: int

    def __reduce__(self) -> tuple[type[Piece], tuple[int, str, int, int]]:
        """Pickle as a constructor call (pieces go to the detection workers with every
        request; the dataclass default is ~2x slower, as for ``Finding``)."""
        return (Piece, (self.index, self.context, self.start, self.end))


def ner_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` stretches of ``text`` the model must read (see prefilter)."""
    chat = is_chat(text)
    return [window for span in sentences(text) for window in name_windows(text, *span, chat)]


class NorwegianNer:
    """Batch NER over texts; returns Presidio results (see module docstring)."""

    def __init__(self, path: Path = BUNDLED_MODEL, batch_size: int = 256) -> None:
        self.nlp = load_pipeline(path)
        self._batch_size = batch_size
        # A spaCy pipeline, and its memory zones above all, is not safe to share between
        # threads (concurrent zones corrupt the string store); the in-process detector is
        # called from the event loop's thread pool, so one thread runs the model at a time.
        self._lock = threading.Lock()

    def analyze_batch(self, texts: Sequence[str]) -> list[list[RecognizerResult]]:
        """Entities per text, in input order; only sentences with name-like words are run."""
        pieces = [
            Piece(index, text, start, end)
            for index, text in enumerate(texts)
            for start, end in ner_spans(text)
        ]
        results: list[list[RecognizerResult]] = [[] for _ in texts]
        for piece, found in zip(pieces, self.analyze_pieces(pieces), strict=True):
            results[piece.index].extend(found)
        return results

    def analyze_pieces(self, pieces: Sequence[Piece]) -> list[list[RecognizerResult]]:
        """Entities per piece, with offsets into the piece's ``context``.

        Runs in a spaCy memory zone, so the words of the texts (names included) do not pile
        up in the model's vocabulary of a long-running process. Safe to call from several
        threads: they take turns.
        """
        with self._lock, self.nlp.memory_zone():  # words seen here are forgotten afterwards
            docs = self.nlp.pipe(
                (truecased(p.context[p.start : p.end]) for p in pieces), batch_size=self._batch_size
            )
            results: list[list[RecognizerResult]] = []
            for _, group in groupby(zip(pieces, docs, strict=True), key=_context_id):
                for piece, doc in _scanned(group):
                    results.append(self._results(piece.context, doc.ents, piece.start))
            return results

    @staticmethod
    def _results(
        text: str, entities: Sequence[spacy.tokens.Span], offset: int
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for entity in entities:
            entity_type = LABELS.get(entity.label_)
            if entity_type is None:
                continue
            start, end = entity.start_char + offset, entity.end_char + offset
            if entity_type == "LOCATION" and entity.text != text[start:end]:
                entity_type = capitalised_place(text[start:end])
            elif entity_type in _PLACE_OR_BODY and is_given_name_only(text, start, end):
                entity_type = "PERSON"  # ``Hjemmetjenesten. Oddvar i Fjellveien 3``
            if entity_type == "PERSON":
                spans = person_spans(text, start, end)
            elif entity_type == "LOCATION" and is_not_a_place(text, start, end):
                spans = []  # ``Barretts øsofagus``, ``Pasientreiser``
            else:
                spans = [(start, end)]
            results.extend(
                _result(entity_type, span_start, span_end) for span_start, span_end in spans
            )
        return results


def _context_id(pair: tuple[Piece, Doc]) -> int:
    return id(pair[0].context)


def _scanned(group: Iterator[tuple[Piece, Doc]]) -> Iterator[tuple[Piece, Doc]]:
    """The pieces of one text, read inside one :func:`recognizers.no.context.scanning` block:
    what the filters work out about the text (its table headers) is worked out once."""
    first = next(group)
    with scanning(first[0].context):
        yield first
        yield from group


def person_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a model PERSON span that may be names and are no term, eponym or street,
    no ordinary lower-case word and no cell of a column without names, with abbreviations
    cut from their ends (``BPA iselin``)."""
    cut = (without_abbreviations(text, *span) for span in trim_person(text, start, end))
    return [
        span
        for span in cut
        if span is not None
        and not is_not_a_person(text, *span)
        and not is_no_model_name(text, *span)
    ]


def _result(entity_type: str, start: int, end: int) -> RecognizerResult:
    score = SCORES[entity_type]
    explanation = AnalysisExplanation(RECOGNIZER_NAME, score, textual_explanation="NER")
    metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: RECOGNIZER_NAME}
    return RecognizerResult(entity_type, start, end, score, explanation, metadata)


def presidio_nlp_engine(path: Path = BUNDLED_MODEL) -> SpacyNlpEngine:
    """A stock Presidio spaCy engine over the same model (full pipeline, label mapping)."""
    configuration = NerModelConfiguration(
        model_to_presidio_entity_mapping=LABELS, default_score=SCORES["PERSON"]
    )
    engine = SpacyNlpEngine(
        models=[{"lang_code": LANGUAGE, "model_name": str(path)}],
        ner_model_configuration=configuration,
    )
    engine.load()
    return engine
