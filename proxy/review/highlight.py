"""Split scrubbed text into plain text, pseudonym tokens and redaction markers.

Both the CLI (``sladd logs show``) and the review page highlight what took a value's
place; this is the one place that knows how to find those spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from proxy.scrub.tokens import TokenFormat

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_REDACTED = re.compile(r"\[REDACTED_(?P<label>[A-Z][A-Z0-9_]{0,31})\]")


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of scrubbed text; ``label`` is set for tokens (``PERSON``) and redactions."""

    text: str
    label: str | None = None
    redacted: bool = False


def segments(text: str, token_format: TokenFormat) -> list[Segment]:
    """``text`` cut into plain runs, tokens and ``[REDACTED_...]`` markers, in order."""
    marks = [(m.start, m.end, m.label, False) for m in token_format.find(text)]
    marks += [(m.start(), m.end(), m.group("label"), True) for m in _REDACTED.finditer(text)]
    out: list[Segment] = []
    cursor = 0
    for start, end, label, redacted in sorted(marks):
        if start < cursor:
            continue
        if start > cursor:
            out.append(Segment(text[cursor:start]))
        out.append(Segment(text[start:end], label, redacted))
        cursor = end
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out


_COMMON_LABELS = (
    "PERSON",
    "FNR",
    "PHONE",
    "ADDRESS",
    "EMAIL",
    "DOB",
    "HPR",
    "KONTO",
    "POSTNR",
    "JOURNAL",
    "ORGNR",
    "LITERAL",
)


def palette_index(label: str, size: int) -> int:
    """A stable colour slot for a token label: distinct for the common labels, a hash for
    the rest (same label, same colour, in the terminal and on the page)."""
    if label in _COMMON_LABELS:
        return _COMMON_LABELS.index(label) % size
    return sum(label.encode()) % size


def safe(text: str) -> str:
    """``text`` with control and bidi-override characters shown as escapes (``\\x1b``);
    newlines and tabs are kept. For terminals and pages showing text from requests."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode(), text)
