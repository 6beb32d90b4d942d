"""Table-aware context costs linear time, finds what the plain walk-back found, keeps no text.

``column_header`` used to walk back line by line to a table's header for every candidate
number, so a long CSV body cost O(rows²). The reference implementation below is that
walk-back, kept here to check the one-pass version against it.
"""

from __future__ import annotations

import random
import re
import sys
from types import ModuleType
from typing import SupportsIndex

import pytest

from proxy.detection.detector import Detector
from recognizers.no import context
from recognizers.no.base import NO_ARTIFACTS
from recognizers.registry import build_recognizers

# --- reference: the straightforward walk-back -------------------------------------------


def _line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end


def reference_column_header(text: str, position: int) -> str | None:
    line_start, line_end = _line_bounds(text, position)
    delimiter = context._delimiter(text[line_start:line_end])
    if delimiter is None or line_start == 0:
        return None
    column = text[line_start:position].count(delimiter)
    header_start = line_start
    while header_start > 0:
        previous_start, previous_end = _line_bounds(text, header_start - 1)
        if delimiter not in text[previous_start:previous_end]:
            break
        header_start = previous_start
    if header_start == line_start:
        return None
    cells = text[header_start : _line_bounds(text, header_start)[1]].split(delimiter)
    cell = cells[column].strip() if column < len(cells) else ""
    if not cell or any(c.isdigit() for c in cell) or len(cell.split()) > context._MAX_HEADER_WORDS:
        return None
    return context._normalise(cell)


def reference_words_before(text: str, start: int, count: int) -> list[str]:
    header = reference_column_header(text, start)
    window_start = max(0, start - 24 * count)
    if header:
        window_start = max(window_start, _line_bounds(text, start)[0])
    window = text[window_start:start]
    tokens = list(context._WORD.finditer(window))
    labels = [
        i
        for i, token in enumerate(tokens)
        if token.group(2) and context._opens_field(window, token)
    ]
    if labels:
        tokens = tokens[labels[-1] :]
    words = [context._normalise(token.group(1)) for token in tokens[-count:]]
    return [*words, header] if header else words


def reference_words_after(text: str, end: int, count: int) -> list[str]:
    line_end = text.find("\n", end)
    window = text[end : min(end + 24 * count, line_end if line_end != -1 else len(text))]
    return [context._normalise(word) for word, _ in context._WORD.findall(window)[:count]]


# --- varied tables -----------------------------------------------------------------------

_HEADERS = [
    "navn",
    "telefon",
    "konto",
    "KID",
    "kommentar",
    "f.nr",
    "pasient id",
    "en header med alt for mange ord",
    "år 2024",
    "",
    " Tlf: ",
]
_CELLS = ["Kari", "91234567", "1503 12 34567", "ok", "", "12.01.80", "a,b", "x|y", "ring 22"]
_PROSE = ["Hei, her er listen:", "", "Notat uten skilletegn", "Ring 91234567 i dag", "a, b, c"]


def _table(rng: random.Random) -> str:
    delimiter = rng.choice([";", "\t", "|", ",", ", "])
    columns = rng.randint(1, 5)
    lines = [delimiter.join(rng.choice(_HEADERS) for _ in range(columns))]
    for _ in range(rng.randint(0, 6)):
        width = columns + rng.choice([-1, 0, 0, 0, 1])
        lines.append(delimiter.join(rng.choice(_CELLS) for _ in range(max(1, width))))
    return "\n".join(lines)


def _document(seed: int) -> str:
    rng = random.Random(seed)
    parts = [rng.choice(_PROSE) if rng.random() < 0.4 else _table(rng) for _ in range(6)]
    text = "\n".join(parts)
    return ("\n" if rng.random() < 0.2 else "") + text + ("\n" if rng.random() < 0.2 else "")


DOCUMENTS = [_document(seed) for seed in range(150)] + [
    "navn;telefon\nKari;91234567",
    "\nnavn;telefon\nKari;91234567\n",
    "navn;KID\n;\n\nKari;0911020865",
    "a,b\nc,d,e\nf,g,h",
    "konto|KID\nx|1\ny\nz|2",
    "",
    "\n\n\n",
]


def _look_around(text: str, position: int) -> tuple[object, ...]:
    return (
        context.column_header(text, position),
        context.words_before(text, position, 3),
        context.words_after(text, position, 2),
    )


def test_column_header_and_windows_match_the_walk_back() -> None:
    for text in DOCUMENTS:
        expected = [
            (
                reference_column_header(text, position),
                reference_words_before(text, position, 3),
                reference_words_after(text, position, 2),
            )
            for position in range(len(text) + 1)
        ]
        with context.scanning(text):
            got = [_look_around(text, position) for position in range(len(text) + 1)]
        assert got == expected, text
        # Outside a scan (a recognizer used on its own) the answers are the same.
        for position in range(0, len(text) + 1, 7):
            assert _look_around(text, position) == expected[position], (text, position)


def test_the_generated_tables_exercise_headers() -> None:
    headers = {reference_column_header(text, p) for text in DOCUMENTS for p in range(len(text) + 1)}
    assert {"navn", "telefon", "konto", "kid", "f.nr", "pasient id"} <= headers


# --- complexity: characters the context code touches, not seconds ------------------------


class CountingText(str):
    """A text that counts the characters its slicing and searching methods go over."""

    touched = 0

    def __getitem__(self, key: SupportsIndex | slice) -> str:
        part = str.__getitem__(self, key)
        CountingText.touched += len(part)
        return part

    def find(
        self, sub: str, start: SupportsIndex | None = None, end: SupportsIndex | None = None
    ) -> int:
        found = str.find(self, sub, start, end)
        lo, hi, _ = slice(start, end).indices(len(self))
        CountingText.touched += (found if found != -1 else hi) - lo
        return found

    def rfind(
        self, sub: str, start: SupportsIndex | None = None, end: SupportsIndex | None = None
    ) -> int:
        found = str.rfind(self, sub, start, end)
        lo, hi, _ = slice(start, end).indices(len(self))
        CountingText.touched += hi - (found if found != -1 else lo)
        return found

    def count(
        self, sub: str, start: SupportsIndex | None = None, end: SupportsIndex | None = None
    ) -> int:
        lo, hi, _ = slice(start, end).indices(len(self))
        CountingText.touched += hi - lo
        return str.count(self, sub, start, end)

    def split(self, sep: str | None = None, maxsplit: SupportsIndex = -1) -> list[str]:
        CountingText.touched += len(self)
        return str.split(self, sep, maxsplit)

    def lower(self) -> str:
        CountingText.touched += len(self)
        return str.lower(self)


def _csv(rows: int) -> CountingText:
    lines = ["navn;telefon;konto;kommentar"]
    lines += [f"Pasient {i};9{i:07d};1503{i:07d};ring etter kl {i % 24}" for i in range(rows)]
    return CountingText("\n".join(lines))


def _touched_by_headers(rows: int) -> int:
    text = _csv(rows)
    numbers = [m.start() for m in re.finditer(r"\d{8,}", text)]
    CountingText.touched = 0
    with context.scanning(text):
        headers = [context.column_header(text, position) for position in numbers]
    assert headers[:2] == ["telefon", "konto"]
    return CountingText.touched


def _touched_by_detection(rows: int) -> int:
    text = _csv(rows)
    detector = Detector(build_recognizers())
    CountingText.touched = 0
    assert detector.rules(text)
    return CountingText.touched


@pytest.mark.parametrize("measure", [_touched_by_headers, _touched_by_detection])
def test_work_grows_linearly_with_table_rows(measure: object) -> None:
    assert callable(measure)
    small, large = measure(500), measure(2000)
    # Four times the rows: about four times the work when linear, sixteen when quadratic.
    assert large <= 5 * small, (small, large)


# --- privacy: no text is kept after detection --------------------------------------------


def _unique_text() -> str:
    marker = "".join(random.choice("abcdefghij") for _ in range(12))
    return f"Notat {marker}: ring 91234567.\nnavn;telefon\nKari;41234567\n" * 3


def _module_caches() -> list[object]:
    modules = [
        module
        for name, module in sys.modules.items()
        if isinstance(module, ModuleType) and name.startswith(("recognizers", "proxy.scrub"))
    ]
    return [
        value
        for module in modules
        for value in vars(module).values()
        if callable(getattr(value, "cache_info", None))
    ]


def test_no_text_outlives_the_detection_call() -> None:
    detector = Detector(build_recognizers())
    text = _unique_text()
    before = sys.getrefcount(text)
    assert detector.detect_many([text])[0]
    assert detector.rules(text)
    for recognizer in build_recognizers():
        recognizer.analyze(text, recognizer.supported_entities, NO_ARTIFACTS)
    assert sys.getrefcount(text) == before, "something still holds the request text"
    assert getattr(context._SCANS, "current", None) is None
    for cache in _module_caches():
        assert cache.cache_info().currsize == 0, cache  # type: ignore[attr-defined]


def test_scans_nest_and_end() -> None:
    outer, inner = _unique_text(), _unique_text()
    with context.scanning(outer):
        assert context.lowered(outer) is context.lowered(outer)  # computed once in a scan
        with context.scanning(inner):
            assert context.lowered(inner) == inner.lower()
            assert context.lowered(outer) == outer.lower()
        with context.scanning(outer):  # same text: the open scan is reused
            assert context._SCANS.current.text is outer
        assert context._SCANS.current.text is outer
    assert getattr(context._SCANS, "current", None) is None
