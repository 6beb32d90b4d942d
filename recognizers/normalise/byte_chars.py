"""Bytes an encoding wrapped (``%C3%B8``, ``=E6``, base64) read back as characters, each with
the bytes it came from, so every decoded character maps to exactly its encoded source.

UTF-8 is tried first at every byte (``=C3=B8`` is ``ø``); a byte that starts no valid UTF-8
sequence is read as Windows-1252/Latin-1 (``=E6`` is ``æ``), as old mail and web forms write it.
A declared single-byte charset (``iso-8859-1``) reads every byte on its own.
"""

from __future__ import annotations

import codecs
import unicodedata
from typing import NamedTuple

from recognizers.normalise.offsets import ViewBuilder


class ByteChar(NamedTuple):
    """``char`` decoded from ``raw[start:end]``."""

    char: str
    start: int
    end: int


_KEPT_CONTROLS = frozenset("\t\n\r")
STRIDE = 3
"""``%XX`` and ``=XX``: three characters per byte."""


def readable(char: str) -> bool:
    """The character is text a recognizer may read: not a control character (tab and line
    breaks are), not a lone surrogate. Anything else stays encoded in the view."""
    if char in _KEPT_CONTROLS:
        return True
    return unicodedata.category(char) not in {"Cc", "Cs"}


def byte_chars(raw: bytes, charset: str | None = None) -> list[ByteChar]:
    """The characters ``raw`` decodes to in ``charset`` (UTF-8 with a Latin-1 fallback when
    None, unknown or UTF-8), each with the byte range it came from."""
    codec = _codec(charset)
    if codec == "utf-8":
        return _utf8_chars(raw)
    chars = []
    for index in range(len(raw)):
        try:
            char = raw[index : index + 1].decode(codec)
        except UnicodeDecodeError:
            return _whole(raw, codec)
        if len(char) != 1:
            return _whole(raw, codec)
        chars.append(ByteChar(char, index, index + 1))
    return chars


def _codec(charset: str | None) -> str:
    if not charset:
        return "utf-8"
    try:
        return codecs.lookup(charset.strip().strip('"').lower()).name
    except LookupError:
        return "utf-8"


def _whole(raw: bytes, codec: str) -> list[ByteChar]:
    """A multi-byte charset other than UTF-8: every character maps to all of ``raw``."""
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return _utf8_chars(raw)
    return [ByteChar(char, 0, len(raw)) for char in text]


_MAX_SEQUENCE = 4


def _utf8_chars(raw: bytes) -> list[ByteChar]:
    chars = []
    index = 0
    while index < len(raw):
        length = _sequence_length(raw[index])
        if length > 1:
            try:
                char = raw[index : index + length].decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                chars.append(ByteChar(char, index, index + length))
                index += length
                continue
        chars.append(ByteChar(_single(raw[index]), index, index + 1))
        index += 1
    return chars


def _sequence_length(lead: int) -> int:
    """How many bytes a UTF-8 sequence starting with ``lead`` has (1 when it starts none)."""
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return _MAX_SEQUENCE
    return 1


def _single(byte: int) -> str:
    try:
        return bytes((byte,)).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def write_bytes(
    builder: ViewBuilder, text: str, start: int, end: int, charset: str | None = None
) -> None:
    """Decode a run of ``%XX`` or ``=XX`` at ``text[start:end]``; a byte that decodes to no
    readable character stays as written."""
    for char, first, last in run_chars(text[start:end], charset):
        if char is None:
            builder.keep(start + first, start + last)
        else:
            builder.put(char, start + first, start + last)


def run_chars(run: str, charset: str | None) -> tuple[tuple[str | None, int, int], ...]:
    """The characters of a run of ``%XX`` or ``=XX`` (None for one to keep as written), each
    with its span in the run. Not cached: a run can spell a whole name or address, and no
    text may outlive the detection call that read it
    (``tests/recognizers/test_table_context_scaling.py``)."""
    raw = bytes.fromhex(run.replace(run[0], ""))
    return tuple(
        (char.char if readable(char.char) else None, STRIDE * char.start, STRIDE * char.end)
        for char in byte_chars(raw, charset)
    )
