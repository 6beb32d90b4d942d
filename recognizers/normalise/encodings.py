"""Step 0: encodings real systems wrap text in, decoded so every recognizer and the model read
the plain text: URL percent-encoding (``ola%40example.no``), HTML character references
(``&#64;``, ``&#x40;``, ``&commat;``), JSON ``\\u`` escapes (``\\u0040``), quoted-printable
bodies (``=C3=B8``, ``=E6``, soft line breaks ``=`` + newline) and MIME encoded-words in mail
headers (``=?UTF-8?Q?Bj=C3=B8rn?=``, ``=?utf-8?B?...?=``).

Each decoded character maps to exactly the encoded characters that produced it: a finding on
``@`` maps back to ``%40`` or ``&#64;``. Only what is unambiguous is decoded: a lone ``%XX``
only for a character URLs encode (``%40``, ``%20``, ``%2B``), never a letter or digit (``94%ED``
stays); ``=XX`` only in text that is quoted-printable (:mod:`recognizers.normalise.mime`), so
``x=20`` in prose or ``pasient=20019944852`` in a log stays as written.
"""

from __future__ import annotations

import html.entities
import re

from recognizers.normalise import mime
from recognizers.normalise.byte_chars import STRIDE, readable, write_bytes
from recognizers.normalise.offsets import TextView, ViewBuilder

_WORD = re.compile(r"=\?[^?\s]+\?[QqBb]\?[^?\s]*\?=")
_ENTITY = re.compile(r"&(?:#[0-9]{2,7};?|#[xX][0-9A-Fa-f]{2,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*")
_JSON = re.compile(r"\\u[0-9A-Fa-f]{4}(?:\\u[0-9A-Fa-f]{4})*")
_QP = re.compile(r"=(?:[0-9A-F]{2}(?:=[0-9A-F]{2})*|\r?\n)")
_ESCAPE = re.compile(r"\\[nrt](?![a-zæøå])")
"""A JSON or iCalendar line-break or tab escape before anything but a small letter
(``\\nKari``, ``\\n912``): ``C:\\nytt`` in a Windows path stays."""
_KINDS = (
    ("%", _PERCENT, "percent"),
    ("&", _ENTITY, "entity"),
    ("\\", _JSON, "json"),
    ("\\", _ESCAPE, "escape"),
)
"""Per trigger character, what it may start: each pattern starts with its literal character,
so a search skips to it in C (one pattern with all of them as alternatives would not)."""
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t"}
_URL_SPECIAL = frozenset(b" !\"#$%&'()*+,/:;<=>?@[\\]^`{|}\t\n\r")
"""Characters a URL percent-encodes; a lone ``%XX`` is decoded only for one of these."""
_JSON_UNIT = 6
"""``\\uXXXX``: six characters per UTF-16 code unit."""


def decode_encodings(text: str, base: TextView | None = None) -> TextView | None:
    """``text`` with encoded characters decoded, or None when there is nothing to decode.

    The common case costs a few C-level checks: a text without ``%``, ``&``, ``=`` or ``\\``
    returns at once, and each of those present costs one search for its own pattern.
    """
    spans = _encoded(text)
    if not spans:
        return None
    kinds = {kind for *_, kind in spans}
    declared = "qp" in kinds and mime.declares_quoted_printable(text)
    charset = mime.body_charset(text) if declared or "base64" in kinds else None
    builder = ViewBuilder(text, base)
    word_end = -1
    for start, end, kind in spans:
        if start < builder.cursor:
            continue  # inside an encoded-word or body already written
        if kind == "word":
            if word_end >= 0 and text[word_end:start].isspace():
                builder.skip_to(start)  # space between two encoded-words is not text
            word_end = end
        builder.keep_to(start)
        _write(builder, text, (start, end, kind), declared=declared, charset=charset)
    return builder.view()


def _write(
    builder: ViewBuilder,
    text: str,
    span: tuple[int, int, str],
    *,
    declared: bool,
    charset: str | None,
) -> None:
    """Write one encoded run, decoded where that is unambiguous."""
    start, end, kind = span
    if kind == "word":
        mime.write_word(builder, text, start, end)
    elif kind == "entity":
        _write_entity(builder, text[start:end], start, end)
    elif kind == "percent":
        _write_percent(builder, text, start, end)
    elif kind == "json":
        _write_json(builder, text, start, end)
    elif kind == "base64":
        mime.write_base64_body(builder, text, start, end, charset)
    elif kind == "escape":
        builder.put(_ESCAPES[text[start + 1]], start, end)
    elif text[start + 1] in "\r\n":
        builder.skip_to(end)  # a soft line break: the value goes on
    elif declared or not _may_be_digits(text, start, end):
        write_bytes(builder, text, start, end, charset)
    else:
        builder.keep(start, end)


def _encoded(text: str) -> list[tuple[int, int, str]]:
    """Every encoded run in ``text`` as ``(start, end, kind)``, in order of start;
    ``=XX`` runs only in quoted-printable text."""
    spans = [
        (*found.span(), kind)
        for char, pattern, kind in _KINDS
        if char in text
        for found in pattern.finditer(text)
    ]
    spans += [(start, end, "base64") for start, end in mime.base64_bodies(text)]
    if "=" in text:
        spans += [(*found.span(), "word") for found in _WORD.finditer(text)]
        if _QP.search(text) and (
            mime.declares_quoted_printable(text) or mime.looks_quoted_printable(text)
        ):
            spans += [(*found.span(), "qp") for found in _QP.finditer(text)]
    spans.sort()
    return spans


def _may_be_digits(text: str, start: int, end: int) -> bool:
    """A lone ``=DD`` before a digit: the start of a number after an ``=`` (``=20019944852``)."""
    return end - start == STRIDE and text[start + 1 : end + 1].isdigit()


def _write_percent(builder: ViewBuilder, text: str, start: int, end: int) -> None:
    if end - start == STRIDE and not _lone_percent(text, start):
        builder.keep(start, end)
        return
    write_bytes(builder, text, start, end)


def _lone_percent(text: str, start: int) -> bool:
    """A lone ``%XX`` is an encoded character when URLs encode it (``%40``, ``%2B``), or when
    it is a Latin-1 letter between letters (``Nyg%E5rd``); ``94%ED`` or ``%2d`` are not."""
    byte = int(text[start + 1 : start + 3], 16)
    if byte in _URL_SPECIAL:
        return True
    before, after = text[start - 1 : start], text[start + 3 : start + 4]
    return byte >= 0xC0 and before.isalpha() and after.isalpha()


def _write_entity(builder: ViewBuilder, entity: str, start: int, end: int) -> None:
    """``&#64;``, ``&#x40;`` and ``&commat;`` as ``@``; an unknown name or code stays."""
    decoded = None
    if entity.startswith("&#"):
        digits = entity[2:].rstrip(";")
        code = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
        if code <= 0x10FFFF and readable(chr(code)):
            decoded = chr(code)
    else:
        decoded = html.entities.html5.get(entity[1:])
    if decoded:
        builder.put(decoded, start, end)
    else:
        builder.keep(start, end)


def _write_json(builder: ViewBuilder, text: str, start: int, end: int) -> None:
    """A run of ``\\uXXXX`` escapes, a surrogate pair joined into one character."""
    units = [int(text[at + 2 : at + 6], 16) for at in range(start, end, _JSON_UNIT)]
    index = 0
    while index < len(units):
        at = start + _JSON_UNIT * index
        pair = _surrogate_pair(units, index)
        if pair is not None:
            builder.put(pair, at, at + 2 * _JSON_UNIT)
            index += 2
            continue
        if readable(chr(units[index])):
            builder.put(chr(units[index]), at, at + _JSON_UNIT)
        else:
            builder.keep(at, at + _JSON_UNIT)
        index += 1


_HIGH_SURROGATES = range(0xD800, 0xDC00)
_LOW_SURROGATES = range(0xDC00, 0xE000)


def _surrogate_pair(units: list[int], index: int) -> str | None:
    """The character a UTF-16 surrogate pair at ``units[index]`` stands for, if it is one."""
    if units[index] not in _HIGH_SURROGATES or index + 1 >= len(units):
        return None
    low = units[index + 1]
    if low not in _LOW_SURROGATES:
        return None
    high = units[index] - _HIGH_SURROGATES.start
    return chr(0x10000 + (high << 10) + low - _LOW_SURROGATES.start)
