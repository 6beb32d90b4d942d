"""Cutting a batch of texts into units of work for the detection workers.

A unit is what one worker does in one call: rule passes over texts, and stretches the NER
model must read. A small batch (no text longer than :data:`UNIT_CHARS`, and no more than
:data:`SMALL_BATCH_CHARS` in all) becomes at most one unit per worker, balanced by estimated
cost, so even a single 2 KB message is detected on all cores at once — rule passes and model
pieces, or whole texts when they balance well enough or the workers are already busy (see
:mod:`proxy.detection.workers`).

A bigger batch becomes many units of at most about :data:`UNIT_CHARS` each, which the worker
set interleaves with other requests' units, so that a small request waits for at most the
units already running, not for megabytes: short texts are packed whole into units, and each
longer text gets a unit for its rule pass and one per *segment* for the model. The rule pass
over one text is never cut — the recognizers read whole-text facts (chat style, a table's
header line far above) — so it is the one *long* unit, and the worker set runs such units on
all workers but one. A segment ends where the model's prefilter starts a sentence, or else
between two words further than its reach from any name-like word, so the worker's prefilter
finds exactly the stretches (and pieces) the whole text gives; it carries enough text around
it for each piece's context. Where no such place comes up (a run-on stretch with names
throughout, which the model must read as one), the segment runs on, and is long too.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from proxy.detection.unit_costs import PRIOR_PIECE_COST
from recognizers.ner.engine import Piece, ner_spans
from recognizers.ner.prefilter import _WORD as PREFILTER_WORD  # the words it windows by
from recognizers.ner.prefilter import WINDOW_WORDS, is_name_like, name_windows, sentences
from recognizers.no.person import is_chat

CONTEXT_CHARS = 40
WHOLE_TEXTS_SHARE = 4
"""Detect whole texts in one worker when no text is longer than 1/4 of a worker's share of
the batch: then whole texts balance the workers well enough."""
UNIT_CHARS = 8_000
"""Text per unit in a big batch; a text longer than this is a long one (module docstring).
Measured on the identifier-dense worst case (a name and two numbers per 40 chars), a unit
of this size takes a worker ~0.1 s."""
SMALL_BATCH_CHARS = 64_000
"""A batch of short texts up to this size is still spread over the workers as one unit each
(the fewest round trips: every unit costs a hand-off and the model's fixed cost per call);
beyond it, it is cut into units like a long text."""
CUT_WINDOW = 2_000
"""Text searched at a time for the end of a segment (module docstring)."""


@dataclass(frozen=True, slots=True)
class Segment:
    """Sentences ``context[start:end]`` of text number ``index`` for the model: the worker
    runs the prefilter on them (``chat``: the whole text's style); ``context`` begins at
    ``offset`` in the text and reaches :data:`CONTEXT_CHARS` beyond them where it can."""

    index: int
    context: str
    start: int
    end: int
    offset: int
    chat: bool


@dataclass
class WorkUnit:
    """What one worker does in one call: rule passes over texts and NER pieces."""

    texts: list[tuple[int, str]] = field(default_factory=list)
    """Texts for the rule pass only."""
    pieces: list[tuple[Piece, int]] = field(default_factory=list)
    """Pieces and the offset of each piece's context in its text."""
    whole: list[tuple[int, str]] = field(default_factory=list)
    """Texts detected entirely here: rule pass, and the model where the prefilter says."""
    segments: list[Segment] = field(default_factory=list)
    """Stretches of long texts for the model, prefilter included."""

    @property
    def cost(self) -> int:
        """Characters to read: rule passes, whole texts, model stretches and segments."""
        texts = sum(len(text) for _, text in (*self.texts, *self.whole))
        pieces = sum(p.end - p.start for p, _ in self.pieces)
        return texts + pieces + sum(s.end - s.start for s in self.segments)

    @property
    def long(self) -> bool:
        """Holds a text longer than :data:`UNIT_CHARS` (the rule pass over a long text), or a
        segment that could not be cut shorter."""
        return any(len(text) > UNIT_CHARS for _, text in (*self.texts, *self.whole)) or any(
            s.end - s.start > UNIT_CHARS + CUT_WINDOW for s in self.segments
        )


def piece(index: int, text: str, start: int, end: int) -> tuple[Piece, int]:
    """The piece of ``text[start:end]`` with its context, and the context's offset."""
    left, right = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    return Piece(index, text[left:right], start - left, end - left), left


def segment_pieces(segment: Segment) -> list[tuple[Piece, int]]:
    """The pieces the prefilter finds in ``segment``, offsets into the whole text."""
    core, at = segment.context[segment.start : segment.end], segment.start
    spans = [w for s in sentences(core) for w in name_windows(core, *s, segment.chat)]
    found = [piece(segment.index, segment.context, at + s, at + e) for s, e in spans]
    return [(p, shift + segment.offset) for p, shift in found]


@dataclass(frozen=True, slots=True)
class _Job:
    cost: float
    text: tuple[int, str] | None = None
    piece: tuple[Piece, int] | None = None
    whole: tuple[int, str] | None = None


def _whole_texts_balance(texts: Sequence[str], workers: int) -> bool:
    share = sum(map(len, texts)) / workers
    return max(map(len, texts), default=0) * WHOLE_TEXTS_SHARE <= share


def _jobs(
    texts: Sequence[str], workers: int, with_ner: bool, busy: bool, piece_cost: float
) -> list[_Job]:
    if busy or _whole_texts_balance(texts, workers):
        return [_Job(float(len(text)), whole=(index, text)) for index, text in enumerate(texts)]
    jobs: list[_Job] = []
    for index, text in enumerate(texts):
        jobs.append(_Job(float(len(text)), text=(index, text)))
        for start, end in ner_spans(text) if with_ner else []:
            jobs.append(_Job((end - start) * piece_cost, piece=piece(index, text, start, end)))
    return jobs


def plan(
    texts: Sequence[str],
    workers: int,
    with_ner: bool,
    busy: bool = False,
    piece_cost: float = PRIOR_PIECE_COST,
) -> list[WorkUnit]:
    """The units for ``texts`` (see module docstring). A small batch is spread over
    ``workers`` units by estimated cost: whole texts when they balance or when the workers
    are ``busy``, else rule passes and NER pieces, a piece costing ``piece_cost`` per
    character where a text's rule pass costs 1 (see :mod:`proxy.detection.unit_costs`)."""
    if max(map(len, texts), default=0) > UNIT_CHARS or sum(map(len, texts)) > SMALL_BATCH_CHARS:
        return _bounded(texts, with_ner)
    units = [WorkUnit() for _ in range(workers)]
    heap = [(0.0, n) for n in range(workers)]
    for job in sorted(_jobs(texts, workers, with_ner, busy, piece_cost), key=lambda j: -j.cost):
        load, n = heapq.heappop(heap)
        unit = units[n]
        if job.piece is not None:
            unit.pieces.append(job.piece)
        elif job.text is not None:
            unit.texts.append(job.text)
        elif job.whole is not None:
            unit.whole.append(job.whole)
        heapq.heappush(heap, (load + job.cost, n))
    return [unit for unit in units if unit.texts or unit.pieces or unit.whole]


def _bounded(texts: Sequence[str], with_ner: bool) -> list[WorkUnit]:
    """Long texts' rule passes first (they take longest), then the bounded units."""
    long = [(index, text) for index, text in enumerate(texts) if len(text) > UNIT_CHARS]
    units = [WorkUnit(texts=[entry]) for entry in long]
    for index, text in long if with_ner else []:
        units += [WorkUnit(segments=[s]) for s in segments(index, text)]
    packed, size = WorkUnit(), 0
    for index, text in enumerate(texts):
        if len(text) > UNIT_CHARS:
            continue
        if packed.whole and size + len(text) > UNIT_CHARS:
            units.append(packed)
            packed, size = WorkUnit(), 0
        packed.whole.append((index, text))
        size += len(text)
    return units + ([packed] if packed.whole else [])


def segments(index: int, text: str) -> list[Segment]:
    """The long ``text`` cut into segments of about :data:`UNIT_CHARS` (module docstring)."""
    chat = is_chat(text)
    cuts = [0]
    while len(text) - cuts[-1] > UNIT_CHARS + CUT_WINDOW:
        cut = _cut_after(text, cuts[-1] + UNIT_CHARS, chat)
        if cut is None:
            break
        cuts.append(cut)
    cuts.append(len(text))
    found = []
    for start, end in itertools.pairwise(cuts):
        offset = max(0, start - CONTEXT_CHARS)
        context = text[offset : end + CONTEXT_CHARS]
        found.append(Segment(index, context, start - offset, end - offset, offset, chat))
    return found


def _cut_after(text: str, position: int, chat: bool) -> int | None:
    """The first place found after ``position`` where cutting ``text`` leaves the prefilter's
    stretches as they are: where it starts a sentence, else between two words more than
    five words (its reach) from any name-like word; ``None`` if there is none."""
    for start in range(position, len(text), CUT_WINDOW):
        window = text[start : start + CUT_WINDOW]
        cut = _sentence_start(window) or _quiet_word(window, chat)
        if cut:
            return start + cut
    return None


def _sentence_start(window: str) -> int | None:
    # Past the window's first character, a sentence the prefilter starts in the window is
    # one it starts in the text: a line start is one, and a sentence break needs the five
    # characters before it (look-behind) and the one after it, all in the window.
    return next((start for start, _ in sentences(window) if start > 0), None)


def _quiet_word(window: str, chat: bool) -> int | None:
    # Cut before word c when none of words c-5 .. c+4 is name-like (no stretch crosses the
    # cut) and all of them are whole words inside the window (its edges may cut words).
    # A name-like word's stretch reaches WINDOW_WORDS words either side of it.
    words = list(PREFILTER_WORD.finditer(window))
    named = [is_name_like(word.group(), chat) for word in words]
    quiet, reach = 0, WINDOW_WORDS
    for c in range(1, len(words) - reach):
        quiet = 0 if named[c - 1] else quiet + 1
        if quiet >= reach and c > reach and not any(named[c : c + reach]):
            return words[c].start()
    return None
