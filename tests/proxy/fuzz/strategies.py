"""Hypothesis strategies for the fuzz tests: split points, stream bytes, JSON request bodies."""

from __future__ import annotations

import json
from dataclasses import dataclass

from hypothesis import strategies as st

CUTS = st.lists(st.integers(min_value=0, max_value=4000), max_size=20)
MARKER_OPEN, MARKER_CLOSE = "\ue000", "\ue001"
"""Private-use characters: never generated in text, so a slot set to a marker is unmistakable."""
OPAQUE = "T1BBUVVF" * 40
"""Starts base64 blobs sladd must never scan or rewrite: image data, signatures, encrypted
reasoning (long enough to count as a blob, see ``proxy.providers.walk.is_opaque_blob``)."""

TEXT_CHARS = st.characters(exclude_categories=("Cs", "Co"))
LINE_CHARS = st.characters(exclude_categories=("Cs", "Co"), exclude_characters="\r\n")
short_text = st.text(TEXT_CHARS, max_size=12)


def split_at(raw: bytes, cuts: list[int]) -> list[bytes]:
    """``raw`` cut at the given offsets (modulo its length); empty pieces included."""
    points = sorted(c % (len(raw) + 1) for c in cuts)
    return [raw[a:b] for a, b in zip([0, *points], [*points, len(raw)], strict=True)]


_SOUP = (
    b"data: ",
    b"data:",
    b"event: ",
    b"id: 7",
    b"retry: 5",
    b": ping",
    b"\n",
    b"\r\n",
    b"\r",
    b"\n\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b'"',
    b'{"a": 1}',
    b"[DONE]",
    b"x",
    b"\xc3",
    b"\xa5",
    b"\xff",
    b"\x00",
)


def wire_soup() -> st.SearchStrategy[bytes]:
    """Bytes made of the pieces SSE / NDJSON streams are made of, in any order."""
    return st.lists(st.sampled_from(_SOUP), max_size=60).map(b"".join)


# JSON values ------------------------------------------------------------------------------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    short_text,
)


def json_values(max_leaves: int = 10) -> st.SearchStrategy[object]:
    """Arbitrary JSON documents (finite numbers, no NaN)."""
    return st.recursive(
        SCALARS,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(short_text, children, max_size=4),
        ),
        max_leaves=max_leaves,
    )


# SSE --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SseEvent:
    """One event as written on the wire, and the line endings used for it."""

    name: str | None
    data: tuple[str, ...]
    comments: tuple[str, ...]
    with_id: bool
    name_last: bool
    endings: tuple[str, ...]

    def lines(self) -> list[str]:
        """The event's lines, without line endings."""
        head = [f":{c}" for c in self.comments]
        event = [] if self.name is None else [f"event: {self.name}"]
        data = [f"data: {value}" for value in self.data]
        tail = ["id: 1"] if self.with_id else []
        return head + (data + event if self.name_last else event + data) + tail


def _data_lines() -> st.SearchStrategy[tuple[str, ...]]:
    plain = st.lists(st.text(LINE_CHARS, max_size=15), max_size=3).map(tuple)
    indent = st.sampled_from([None, 1])
    as_json = st.builds(lambda v, i: json.dumps(v, indent=i), json_values(6), indent)
    return st.one_of(plain, as_json.map(lambda text: tuple(text.split("\n"))))


def sse_events() -> st.SearchStrategy[SseEvent]:
    """SSE events with random names, multi-line data, comments and LF / CRLF line ends."""
    endings = st.lists(st.sampled_from(["\n", "\r\n"]), min_size=12, max_size=12).map(tuple)
    return st.builds(
        SseEvent,
        name=st.none() | st.text(LINE_CHARS, max_size=10),
        data=_data_lines(),
        comments=st.lists(st.text(LINE_CHARS, max_size=8), max_size=2).map(tuple),
        with_id=st.booleans(),
        name_last=st.booleans(),
        endings=endings,
    )


def sse_bytes(events: list[SseEvent], *, terminated: bool) -> bytes:
    """The stream; the last event lacks its closing blank line unless ``terminated``."""
    out = ""
    for number, event in enumerate(events):
        lines = event.lines()
        ends = [event.endings[i % len(event.endings)] for i in range(len(lines) + 1)]
        out += "".join(line + end for line, end in zip(lines, ends, strict=False))
        if terminated or number < len(events) - 1:
            out += ends[-1]
    return out.encode("utf-8")
