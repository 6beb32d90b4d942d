"""Values a mail client wrapped across quoted-reply lines, joined again: an e-mail address
(``kari.nordmann@`` / ``> example.no``) or a phone number or fødselsnummer in digit groups
(``+47 912`` / ``>> 34 567``).

Only a line break followed by quote markers (``>``, ``>>``, ``> >``) is joined, and only inside
what is clearly one value: an address broken at its ``@``, at a dot or hyphen inside it, or
right before its ``@``; digit groups whose two halves make a whole number (8 digits after an
optional ``+47``/``0047``, or 11) and neither half one on its own. Ordinary quoted prose lines
stay apart.
"""

from __future__ import annotations

import re

from recognizers.normalise.offsets import TextView, ViewBuilder

_QUOTED_LINE = re.compile(r"\n[ \t]*>[> \t]*")
"""A line break, the next line's quote markers and the spaces after them."""
_WINDOW = 80
"""How far back a wrapped value's first half is looked for."""

_DELIMITERS = " \t\n<([{:;,\"'"
"""What stands before an address: its first half is the token after the last of these."""
_AFTER_AT = re.compile(r"[\w.+-]*[^\W_]@")
_DOMAIN_HEAD = re.compile(r"[^\W_][\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w.-]*@)")
_LOCAL_TAIL = re.compile(r"[\w+-]+(?:[._][\w+-]+)+[._-]")
"""The first half of a local part broken after a separator, with a separator inside it
(``t.lunde-``, ``ola_nordmann.``): a word ending a sentence (``meg.``) is none."""
_LOCAL_HEAD = re.compile(r"[\w.+-]*[^\W_]@[^\W_][\w-]*\.")
_LOCAL_WHOLE = re.compile(r"[\w+-]*(?:[._][\w+-]+)*[^\W_]")
_AT_HEAD = re.compile(r"@[^\W_][\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,}")
_DOMAIN_TAIL = re.compile(r"[\w.+-]*[^\W_]@(?:[^\W_][\w-]*\.|[\w-]+(?:\.[\w-]+)*-)")
"""A domain broken after a hyphen, or after its first label's dot (``ola@helse.``); one that
already has a top-level domain (``ola@x.no.``) ends a sentence."""
_LABEL_HEAD = re.compile(r"[^\W_][\w-]*")
_ADDRESS_EDGES = frozenset("@.-_")

_DIGITS_TAIL = re.compile(
    r"(?<![\w+.,/:-])(?P<country>(?:\+|00)47[ .-]?)?\d{2,6}(?:[ .-]\d{2,4})*[ \t]*\Z"
)
_DIGITS_HEAD = re.compile(r"\d{2,6}(?:[ .-]\d{2,4})*(?![\w,/:]|[.-]\d)")
_WHOLE_NUMBERS = frozenset({8, 11})
"""A Norwegian phone number (without its country code) or a fødselsnummer."""
_MAX_HALF = 7
"""Each half has fewer digits than a whole number: ``912 34 567`` / ``> 22`` is two values."""


def join_reply_wraps(text: str, base: TextView | None = None) -> TextView | None:
    """``text`` with each value wrapped across quoted-reply lines joined (an address's break
    dropped, a number's read as one space), or None when there is none.

    Cheap when there is no quoted line: one character check, or one search for a line
    starting with ``>``.
    """
    if ">" not in text:
        return None
    builder = ViewBuilder(text, base)
    for found in _QUOTED_LINE.finditer(text):
        start, end = found.span()
        while start > 0 and text[start - 1] in " \t\r":
            start -= 1  # the spaces ending the line before belong to the break
        joined = _joined(text, start, end)
        if joined is None:
            continue
        builder.keep_to(start)
        if joined:
            builder.put(joined, start, end)
        else:
            builder.skip_to(end)
    return builder.view()


def _joined(text: str, start: int, end: int) -> str | None:
    """What the break at ``text[start:end]`` reads as inside a value (``""`` for an address,
    ``" "`` between digit groups), or None when it ends a line of prose. One look at the
    characters on either side rules out almost every line."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if before.isdigit() and after.isdigit():
        return " " if _number_break(text, start, end) else None
    if (before in _ADDRESS_EDGES or after == "@") and _address_break(text, start, end):
        return ""
    return None


def _address_break(text: str, start: int, end: int) -> bool:
    window = max(0, start - _WINDOW)
    cut = max(text.rfind(char, window, start) for char in _DELIMITERS)
    token = text[max(cut + 1, window) : start]
    if not token:
        return False
    if token[-1] == "@":
        return bool(_AFTER_AT.fullmatch(token)) and bool(_DOMAIN_HEAD.match(text, end))
    if text[end : end + 1] == "@":
        return bool(_LOCAL_WHOLE.fullmatch(token)) and bool(_AT_HEAD.match(text, end))
    if "@" in token:
        return bool(_DOMAIN_TAIL.fullmatch(token)) and bool(_LABEL_HEAD.match(text, end))
    return bool(_LOCAL_TAIL.fullmatch(token)) and bool(_LOCAL_HEAD.match(text, end))


def _number_break(text: str, start: int, end: int) -> bool:
    tail = _DIGITS_TAIL.search(text, max(0, start - _WINDOW // 2), start)
    head = _DIGITS_HEAD.match(text, end)
    if tail is None or head is None:
        return False
    country = tail.group("country") or ""
    before = sum(char.isdigit() for char in tail.group()) - sum(c.isdigit() for c in country)
    after = sum(char.isdigit() for char in head.group())
    return before + after in _WHOLE_NUMBERS and before <= _MAX_HALF and after <= _MAX_HALF
