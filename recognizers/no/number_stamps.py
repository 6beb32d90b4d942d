"""Dates that stamp a message or a log line rather than say something about a person."""

from __future__ import annotations

import re

from recognizers.no import context

_STAMP_TIME = re.compile(r",?[ \t]+\d{1,2}:\d{2}(?!\d)")
_STAMP_OPENING = re.compile(r"[ \t\[]*\Z")
_SENDER_CLOSE = re.compile(r"\)[ \t]*:")


def message_stamp(text: str, match: re.Match[str]) -> bool:
    """A date followed by a time, either opening a line or in brackets closing a sender's
    name, is the time stamp of a chat message or log line (``12.05.2025, 08:34 - …``,
    ``Kari Li (15.11.2024 08:02): …``), not a birth date said before it."""
    time = _STAMP_TIME.match(text, match.end())
    if time is None:
        return False
    line_start = text.rfind("\n", 0, match.start()) + 1
    if _STAMP_OPENING.search(text, line_start, match.start()) is not None:
        return True
    before = text[max(0, match.start() - 1) : match.start()]
    return before == "(" and _SENDER_CLOSE.match(text, time.end()) is not None


_WEEKDAYS = frozenset(
    """man tir ons tor fre lør søn mandag tirsdag onsdag torsdag fredag lørdag søndag
    måndag tysdag laurdag sundag kl klokka klokken""".split()
)
_TIME_HEADERS = frozenset("tid tidspunkt klokkeslett kl time start slutt".split())
_HHMM = re.compile(r"([01]\d|2[0-3])[0-5]\d")


def clock_time(text: str, start: int) -> bool:
    """The four digits at ``start`` are a time of day: a valid ``HHMM`` after a weekday or
    ``kl`` (``FRE 1115``), or under a time column (``TID``)."""
    if _HHMM.match(text, start) is None:
        return False
    before = context.words_before(text, start, 1)
    if before and before[-1] in _WEEKDAYS:
        return True
    header = context.column_header(text, start)
    return header is not None and header in _TIME_HEADERS
