"""Date shifting: one secret offset per scope, dates moved by it on the way out and back.

Every scope (one conversation, one client key) gets a random offset of whole weeks the
first time a date of it is shifted, so weekdays hold: ``ons 17.05.17`` stays a Wednesday.
The offset lives in the vault like a pseudonym, sealed with the vault key and under a label
no token can name (``~date-shift``): it is shared by every replica on the same vault,
survives a restart and is erased with the scope. The provider sees only moved dates, and
intervals it computes between them are right.

In the answer every day date (``31.05.17``, ``31. mai``) is moved back by the same offset,
in the form it is written in (:func:`recognizers.no.date_forms.shift`); dates of months and
years alone are neither moved out nor back. A date the model makes up on its own is moved
back too: the offset cannot tell it apart. A stream holds back a possible date at its end
(``den 17.``, ``17. ma``) until the next piece shows where it ends, as it does a possible
token.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Awaitable, Callable

from proxy.vault.base import Vault
from recognizers.no.date_forms import shift
from recognizers.no.dates import DateRecognizer

LABEL = "~date-shift"
"""The vault label of a scope's offset: not a token label (those start with a letter)."""
_KEY = "offset"
MIN_WEEKS = 4
MAX_WEEKS = 52
"""The offset is between 4 and 52 weeks, earlier or later, drawn with :mod:`secrets`."""
SHIFTED_PRECISIONS = frozenset({"day", "day_month"})
"""The dates that are moved: those that give a day. Month-year and year dates are not."""
MAX_DATE_TAIL = 40
"""The longest end of a stream held back as a possible date."""

OffsetSource = Callable[[], Awaitable[int | None]]
"""Reads a scope's offset (``None``: the scope has none, so nothing was moved)."""

_RECOGNIZER = DateRecognizer()
_MONTH_NAMES = (
    "januar februar mars april mai juni juli august september oktober november desember "
    "january february march may june july october december"
).split()
_MONTH_PREFIX = "|".join(
    sorted({name[:n] for name in _MONTH_NAMES for n in range(1, len(name) + 1)}, key=len)[::-1]
)
"""Every beginning of a month name (``j``, ``ju``, ``jun``, ``juni``): what may still grow."""
_OPEN = r"(?:(?<=[\s(\[\"'«])|^)"
_DATE_TAIL = re.compile(
    rf"{_OPEN}\d{{1,4}}(?:[./\-–][ \t]?\d{{0,4}}){{0,2}}[./\-–]?[ \t]?$"
    rf"|{_OPEN}\d{{1,2}}(?:st|nd|rd|th)?\.?[ \t]*(?:{_MONTH_PREFIX})\.?"
    rf"(?:,?[ \t]*[-'’]?\d{{0,4}})?$"
    rf"|{_OPEN}(?:{_MONTH_PREFIX})\.?[ \t]+\d{{0,2}}(?:,?[ \t]*\d{{0,4}})?$"
    rf"|{_OPEN}(?:{_MONTH_PREFIX}){{1}}(?<=[a-zA-Z]{{3}})$",
    re.IGNORECASE,
)
"""The end of a text that may be the start of a date: digits with date separators
(``17.05.``, ``2017-0``), a day and a month name in the making (``17. ju``, ``17. mai 20``),
a month name and a day (``May 17, 20``), or three letters or more of a month name."""


def new_offset() -> int:
    """A fresh offset in days: whole weeks, never zero (see :data:`MIN_WEEKS`)."""
    weeks = MIN_WEEKS + secrets.randbelow(MAX_WEEKS - MIN_WEEKS + 1)
    return weeks * 7 if secrets.randbelow(2) else -weeks * 7


async def scope_offset(vault: Vault, scope: str, *, create: bool) -> int | None:
    """The offset of ``scope``: created on first use when ``create`` (replicas racing to
    create it agree: the vault keeps the first), else ``None`` if the scope has none."""
    if create:
        number = await vault.assign(scope, LABEL, _KEY, str(new_offset()))
        value = await vault.lookup(scope, LABEL, number)
    else:
        value = await vault.lookup(scope, LABEL, 1)
    return None if value is None else int(value)


def unshift_dates(text: str, days: int) -> str:
    """``text`` with every day date moved back by ``days`` (the scope's offset)."""
    if not any(map(str.isdigit, text)):
        return text
    found = [
        r
        for r in _RECOGNIZER.analyze(text, ["DATE"], None)
        if (r.recognition_metadata or {}).get("precision") in SHIFTED_PRECISIONS
    ]
    if not found:
        return text
    parts: list[str] = []
    cursor = 0
    for result in sorted(found, key=lambda r: r.start):
        if result.start < cursor:
            continue
        moved = shift(text[result.start : result.end], -days)
        if moved is None:
            continue
        parts += [text[cursor : result.start], moved]
        cursor = result.end
    parts.append(text[cursor:])
    return "".join(parts)


def date_tail_start(text: str) -> int:
    """Where a possible date at the end of ``text`` starts (``len(text)`` if none): the part a
    stream holds back until it knows whether more of the date follows."""
    floor = max(0, len(text) - MAX_DATE_TAIL)
    match = _DATE_TAIL.search(text, floor)
    return len(text) if match is None else match.start()
