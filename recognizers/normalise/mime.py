"""Mail encodings: whether a text is a quoted-printable body, and MIME encoded-words in headers
(RFC 2047: ``=?UTF-8?Q?Bj=C3=B8rnar_S=C3=A6ther?=``, ``=?utf-8?B?QmrDuHJuYXI=?=``).

``=XX`` is an ordinary sequence in prose, maths and logs (``x=20``, ``pasient=20019944852``),
so a text is read as quoted-printable only when it says so (a ``Content-Transfer-Encoding:
quoted-printable`` header) or looks like nothing else: at least two ``=XX`` or soft line breaks,
one of them something only an encoder writes (a soft line break, ``=C3=B8``, ``p=E5``), and no
``=`` that quoted-printable could not have written (a literal ``=`` would be ``=3D``). Even
then, without the header, a lone ``=`` and two decimal digits before more digits stays as
written: ``id=A1F3 pasient=20019944852`` is a log, and ``=20`` may be the number's start.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Sequence

from recognizers.normalise.byte_chars import byte_chars, readable, write_bytes
from recognizers.normalise.offsets import ViewBuilder

_HEADER = re.compile(r"(?im)^content-transfer-encoding:[ \t]*quoted-printable")
_CHARSET = re.compile(r"(?i)\bcharset=\"?([\w.:-]+)")
_STRONG = re.compile(
    r"(?<=[^\s=])=\r?\n"
    r"|=(?:C[2-9A-F]|D[0-9A-F])=[89AB][0-9A-F]|=E[0-9A-F](?:=[89AB][0-9A-F]){2}"
    r"|=(?:C[0-9A-F]|D[0-689A-F]|E[0-9A-F]|F[0-689A-F])(?=[a-zæøå\s.,;:!?)]|=[0-9A-F]{2})"
)
"""What only an encoder writes: a soft line break after text (not a ``====`` rule), a UTF-8
sequence (``=C3=B8``), or a Latin-1 letter before a small letter, a space or a stop (``p=E5 ``,
``=F8nsker``) — not ``Navn=BERG`` or ``Kilde=FASTLEGE`` in a log's ``key=VALUE`` pairs."""
_SEQUENCE = re.compile(r"=[0-9A-F]{2}|=\r?\n")
_FOREIGN_EQUALS = re.compile(r"=(?![0-9A-F]{2}|\r?\n|\?|\Z)(?<!\?=)")
"""An ``=`` quoted-printable cannot have written (encoded-word brackets ``=?``/``?=`` can)."""
_MIN_SEQUENCES = 2


def declares_quoted_printable(text: str) -> bool:
    """The text has a ``Content-Transfer-Encoding: quoted-printable`` header."""
    return _HEADER.search(text) is not None


def looks_quoted_printable(text: str) -> bool:
    """Without a header, the text looks like a quoted-printable body and nothing else: see
    the module docstring."""
    if _STRONG.search(text) is None or _FOREIGN_EQUALS.search(text):
        return False
    sequences = _SEQUENCE.finditer(text)
    return sum(1 for _ in zip(sequences, range(_MIN_SEQUENCES), strict=False)) >= _MIN_SEQUENCES


def body_charset(text: str) -> str | None:
    """The charset a ``Content-Type`` header declares, if any."""
    found = _CHARSET.search(text)
    return found.group(1) if found else None


_Q_PART = re.compile(r"(?:=[0-9A-Fa-f]{2})+|_")
_BASE64_BITS = 6
_BYTE_BITS = 8


def write_word(builder: ViewBuilder, text: str, start: int, end: int) -> None:
    """An encoded-word at ``text[start:end]`` decoded; its ``=?charset?Q?`` and ``?=``
    brackets are dropped. One that does not decode stays as written."""
    charset, kind, _ = text[start + 2 : end].split("?", 2)
    data_start = start + len(charset) + len(kind) + 4
    data_end = end - 2
    if kind in "Qq":
        builder.skip_to(data_start)
        _write_q(builder, text, data_start, data_end, charset)
    elif not _write_b(builder, text, data_start, data_end, charset):
        builder.keep(start, end)
        return
    builder.skip_to(end)


def _write_q(builder: ViewBuilder, text: str, start: int, end: int, charset: str) -> None:
    for part in _Q_PART.finditer(text, start, end):
        builder.keep_to(part.start())
        if part.group() == "_":
            builder.put(" ", part.start(), part.end())
            continue
        write_bytes(builder, text, part.start(), part.end(), charset.split("*", maxsplit=1)[0])
    builder.keep_to(end)


def _write_b(builder: ViewBuilder, text: str, start: int, end: int, charset: str) -> bool:
    return write_base64(builder, text, range(start, end), charset.split("*", maxsplit=1)[0])


def write_base64(
    builder: ViewBuilder, text: str, positions: Sequence[int], charset: str | None
) -> bool:
    """Decode the base64 characters at ``positions`` of ``text`` (in order; line breaks
    between them are dropped). Each decoded character maps to the base64 characters that
    carry its bytes' bits, the last one to the padding too. False (and nothing written) when
    they are not base64 of readable text."""
    data = "".join(text[at] for at in positions)
    if not data.isascii():
        return False
    try:
        raw = binascii.a2b_base64(data + "=" * (-len(data) % 4))
    except binascii.Error:
        return False
    chars = byte_chars(raw, charset)
    if not raw or not all(readable(char.char) for char in chars):
        return False
    builder.skip_to(positions[0])
    for char in chars:
        first = char.start * _BYTE_BITS // _BASE64_BITS
        last = (char.end * _BYTE_BITS - 1) // _BASE64_BITS + 1
        if char.end == len(raw):
            last = len(data)  # the last character takes the padding with it
        builder.put(char.char, positions[first], positions[min(last, len(data)) - 1] + 1)
    builder.skip_to(positions[-1] + 1)
    return True


_BASE64_PART = re.compile(
    r"(?im)^content-transfer-encoding:[ \t]*base64[ \t]*\r?\n(?:[^\n]*\S[^\n]*\n)*?[ \t]*\r?\n"
    r"(?P<body>(?:[A-Za-z0-9+/]{4,}={0,2}[ \t]*(?:\r?\n|\Z))+)"
)
"""A MIME part declared base64: its headers, a blank line, then lines of base64."""


def base64_bodies(text: str) -> list[tuple[int, int]]:
    """The spans of base64 bodies of MIME parts that declare them (an LLM reads base64, so
    what it holds must be read too). Cheap unless the text says ``base64``."""
    if "base64" not in text and "BASE64" not in text:
        return []
    return [found.span("body") for found in _BASE64_PART.finditer(text)]


def write_base64_body(
    builder: ViewBuilder, text: str, start: int, end: int, charset: str | None
) -> None:
    """A base64 body at ``text[start:end]`` decoded, or kept as written when it is not text."""
    positions = [at for at in range(start, end) if not text[at].isspace()]
    if not positions or not write_base64(builder, text, positions, charset):
        builder.keep(start, end)
