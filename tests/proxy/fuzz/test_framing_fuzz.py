"""Property tests for the stream decoders (SSE and NDJSON) in ``proxy/providers/framing.py``.

Upstream bytes arrive split anywhere: inside a UTF-8 sequence, between ``\\r`` and ``\\n``,
inside a field name. Whatever arrives, a decoder returns events or raises
:class:`StreamFormatError` (the exchange then ends with a provider-shaped error event); it
never holds more than ``max_event_bytes`` of an unfinished event. Well-formed streams decode to
the same events however they are split.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proxy.providers.base import StreamEvent
from proxy.providers.framing import NdjsonDecoder, SseDecoder, StreamFormatError
from tests.proxy.fuzz.strategies import (
    CUTS,
    SseEvent,
    json_values,
    split_at,
    sse_bytes,
    sse_events,
    wire_soup,
)

Decoder = SseDecoder | NdjsonDecoder
EventKey = tuple[str | None, str | None, str]
ANY_BYTES = st.one_of(st.binary(max_size=600), wire_soup())
LIMITS = st.sampled_from([1, 16, 64, 1 << 20])


def key(event: StreamEvent) -> EventKey:
    """Comparable form of an event (``json.dumps`` also tells 1 from 1.0 and True)."""
    return event.name, event.raw, json.dumps(event.data)


def decode(decoder: Decoder, pieces: list[bytes], limit: int = 1 << 30) -> list[EventKey]:
    """Feed every piece, then finish; checks the hold-back bound after every feed."""
    events: list[StreamEvent] = []
    for piece in pieces:
        events += decoder.feed(piece)
        assert len(decoder._lines) <= limit
    return [key(event) for event in events + decoder.finish()]


def decode_or_refuse(decoder: Decoder, pieces: list[bytes], limit: int) -> list[EventKey] | None:
    """The decoded events, or ``None`` if the decoder refused the stream."""
    try:
        return decode(decoder, pieces, limit)
    except StreamFormatError:
        return None


@settings(max_examples=400, deadline=None)
@given(raw=ANY_BYTES, cuts=CUTS, limit=LIMITS)
def test_sse_decoder_on_any_bytes_returns_events_or_refuses(
    raw: bytes, cuts: list[int], limit: int
) -> None:
    """Protection: only ``StreamFormatError`` leaves the decoder, and the bound on an
    unfinished event holds. Fails if bad UTF-8 or an oversized event escaped as another
    exception, or if the decoder buffered past ``max_event_bytes``."""
    decode_or_refuse(SseDecoder(max_event_bytes=limit), split_at(raw, cuts), limit)


@settings(max_examples=400, deadline=None)
@given(raw=ANY_BYTES, cuts=CUTS, limit=LIMITS)
def test_ndjson_decoder_on_any_bytes_returns_events_or_refuses(
    raw: bytes, cuts: list[int], limit: int
) -> None:
    """As for SSE; every non-blank NDJSON line must be JSON, so most of these refuse."""
    decode_or_refuse(NdjsonDecoder(max_event_bytes=limit), split_at(raw, cuts), limit)


@settings(max_examples=300, deadline=None)
@given(raw=ANY_BYTES, cuts=CUTS)
def test_ndjson_decoding_does_not_depend_on_how_bytes_are_split(
    raw: bytes, cuts: list[int]
) -> None:
    """Protection: NDJSON results depend on the bytes only, not on TCP segmentation."""
    whole = decode_or_refuse(NdjsonDecoder(), [raw], 1 << 30)
    assert decode_or_refuse(NdjsonDecoder(), split_at(raw, cuts), 1 << 30) == whole


def expected(event: SseEvent) -> EventKey | None:
    """What the SSE spec (as sladd implements it) says ``event`` decodes to."""
    if not event.data:
        return (event.name, "", "null") if event.name else None
    payload = "\n".join(event.data)
    try:
        return event.name, None, json.dumps(json.loads(payload))
    except ValueError:
        return event.name, payload, "null"


@settings(max_examples=300, deadline=None)
@given(events=st.lists(sse_events(), max_size=6), terminated=st.booleans(), cuts=CUTS)
def test_well_formed_sse_decodes_to_its_events_however_it_is_split(
    events: list[SseEvent], terminated: bool, cuts: list[int]
) -> None:
    """Protection: event boundaries, CRLF pairs, multi-byte characters and multi-line data
    survive any split. Fails if a CRLF split between reads, a UTF-8 sequence split between
    reads, or a blank line split between reads changed or lost an event."""
    raw = sse_bytes(events, terminated=terminated)
    want = [e for e in map(expected, events) if e is not None]
    assert decode(SseDecoder(), [raw]) == want
    assert decode(SseDecoder(), split_at(raw, cuts)) == want
    assert decode(SseDecoder(), [bytes([b]) for b in raw]) == want


@settings(max_examples=300, deadline=None)
@given(
    values=st.lists(json_values() | st.sampled_from([0, 7, True, None, "", [], {}]), max_size=8),
    separators=st.lists(st.sampled_from([b"\n", b"\r\n", b"\n\n", b"\n  \n"]), min_size=8),
    terminated=st.booleans(),
    cuts=CUTS,
)
def test_well_formed_ndjson_decodes_to_its_values_however_it_is_split(
    values: list[object], separators: list[bytes], terminated: bool, cuts: list[int]
) -> None:
    """Protection: one JSON value per line, blank lines skipped, the last line may lack its
    newline; any split gives the same values."""
    lines = [json.dumps(v, ensure_ascii=False).encode() for v in values]
    raw = b"".join(line + sep for line, sep in zip(lines, separators, strict=False))
    if not terminated and raw:
        raw = raw.rstrip(b"\r\n ")
    want = [(None, None, json.dumps(v)) for v in values]
    assert decode(NdjsonDecoder(), split_at(raw, cuts)) == want


DEEP = b"[" * 5000 + b"]" * 5000


def test_deeply_nested_sse_payload_passes_through_as_a_raw_event() -> None:
    """Protection: JSON too deep to parse is not JSON to sladd; SSE keeps it as one raw
    (non-JSON) event, untouched. Fails if the ``RecursionError`` escaped or the event was
    dropped, parsed or altered."""
    assert SseDecoder().feed(b"data: " + DEEP + b"\n\n") == [StreamEvent(None, raw=DEEP.decode())]


def test_deeply_nested_ndjson_line_is_a_stream_format_error() -> None:
    """Protection: every NDJSON line must be JSON; one too deep to parse refuses the stream.
    Fails if the ``RecursionError`` escaped as itself or the line was let through."""
    with pytest.raises(StreamFormatError, match="not valid JSON") as refused:
        NdjsonDecoder().feed(DEEP + b"\n")
    assert isinstance(refused.value.__cause__, RecursionError)


def test_lone_cr_is_a_line_end_and_split_does_not_matter() -> None:
    raw = b"data: x\r\r\n\ndata: y\n\n"
    whole = decode(SseDecoder(), [raw])
    assert whole == decode(SseDecoder(), [raw[:10], raw[10:]])
    assert whole[0] == (None, "x", "null")
