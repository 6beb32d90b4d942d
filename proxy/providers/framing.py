"""Incremental decoders and encoders for streamed responses: SSE and NDJSON.

Decoders take bytes as they arrive and return complete events; they hold at most
``max_event_bytes`` of an unfinished event and raise :class:`StreamFormatError` beyond that,
or on a payload that is not what the wire format promises. Nothing here does I/O.
"""

from __future__ import annotations

import json

from proxy.providers.base import Framing, StreamEvent

DEFAULT_MAX_EVENT_BYTES = 16 * 1024 * 1024


class StreamFormatError(ValueError):
    """The upstream stream broke its wire format; the exchange ends with an error event."""


def _text(block: bytes) -> str:
    try:
        return block.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StreamFormatError("the upstream stream is not valid UTF-8") from exc


def _parse_payload(payload: str) -> StreamEvent:
    try:
        return StreamEvent(json.loads(payload))
    except (ValueError, RecursionError):
        return StreamEvent(None, raw=payload)


class _Lines:
    """A growing buffer of normalised lines (CR LF, CR and LF all become LF) that can be cut
    at a separator in time linear in the input, however it arrives."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._held_cr = False
        self._scan_from = 0

    def __len__(self) -> int:
        return len(self._buffer)

    def add(self, chunk: bytes) -> None:
        data = (b"\r" if self._held_cr else b"") + chunk
        self._held_cr = data.endswith(b"\r")
        if self._held_cr:
            data = data[:-1]
        self._buffer += data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")

    def cut(self, separator: bytes) -> bytes | None:
        """The bytes before the next ``separator`` (removed with it), or ``None``."""
        end = self._buffer.find(separator, self._scan_from)
        if end == -1:
            self._scan_from = max(0, len(self._buffer) - len(separator) + 1)
            return None
        block = bytes(self._buffer[:end])
        del self._buffer[: end + len(separator)]
        self._scan_from = 0
        return block

    def rest(self) -> bytes:
        rest = bytes(self._buffer) + (b"\n" if self._held_cr else b"")
        self._buffer.clear()
        self._held_cr = False
        self._scan_from = 0
        return rest


class _Decoder:
    """Shared framing: cut normalised input at ``SEPARATOR`` and decode each piece."""

    SEPARATOR: bytes = b"\n"
    WHAT = "piece"

    def __init__(self, max_event_bytes: int = DEFAULT_MAX_EVENT_BYTES) -> None:
        self._lines = _Lines()
        self._max = max_event_bytes

    def feed(self, chunk: bytes) -> list[StreamEvent]:
        """Events completed by ``chunk``."""
        self._lines.add(chunk)
        events = []
        while (piece := self._lines.cut(self.SEPARATOR)) is not None:
            event = self._decode(piece)
            if event is not None:
                events.append(event)
        if len(self._lines) > self._max:
            raise StreamFormatError(f"an {self.WHAT} is larger than {self._max} bytes")
        return events

    def finish(self) -> list[StreamEvent]:
        """A final event not followed by its separator."""
        event = self._decode(self._lines.rest())
        return [event] if event is not None else []

    def _decode(self, piece: bytes) -> StreamEvent | None:
        raise NotImplementedError


class SseDecoder(_Decoder):
    """Server-sent events (``event:``, ``data:``, ``id:`` fields; comments dropped)."""

    SEPARATOR = b"\n\n"
    WHAT = "SSE event"

    def _decode(self, piece: bytes) -> StreamEvent | None:
        return self._event(_text(piece)) if piece.strip() else None

    @staticmethod
    def _event(block: str) -> StreamEvent | None:
        name: str | None = None
        data: list[str] = []
        for line in block.split("\n"):
            if not line or line.startswith(":"):
                continue
            field, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if field == "event":
                name = value
            elif field == "data":
                data.append(value)
        if not data:
            return StreamEvent(None, name=name, raw="") if name else None
        event = _parse_payload("\n".join(data))
        event.name = name
        return event


class NdjsonDecoder(_Decoder):
    """Newline-delimited JSON (Ollama); every non-empty line must be a JSON value."""

    WHAT = "NDJSON line"

    def _decode(self, piece: bytes) -> StreamEvent | None:
        if not piece.strip():
            return None
        try:
            return StreamEvent(json.loads(piece))
        except (ValueError, RecursionError) as exc:
            raise StreamFormatError("an NDJSON line is not valid JSON") from exc


def encode(event: StreamEvent, framing: Framing) -> bytes:
    """Serialise one event for the client."""
    payload = event.raw if event.data is None else json.dumps(event.data, ensure_ascii=False)
    if framing == "ndjson":
        return (payload or "").encode("utf-8") + b"\n"
    head = f"event: {event.name}\n" if event.name else ""
    lines = "".join(f"data: {line}\n" for line in (payload or "").split("\n"))
    return (head + lines + "\n").encode("utf-8")


def decoder(framing: Framing) -> SseDecoder | NdjsonDecoder:
    """A fresh decoder for ``framing``."""
    return SseDecoder() if framing == "sse" else NdjsonDecoder()
