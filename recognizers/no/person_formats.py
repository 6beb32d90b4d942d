"""Names in the fields of message formats: e-mail headers and display names, HL7 v2 segments.

* E-mail: the display name before an address (``"Kiran Thapa" <kiran.thapa@…>``, ``Kari
  Nordmann <kari@…>``, ``"Haugland, Trude" <…>``), and a header field (``Fra:``, ``Til:``,
  ``From:``, ``Cc:`` …) whose value is a name, alone or before a parenthesis, comma or dash
  (``Fra: Sunniva``, ``Til: Viljar Hestnes (Jnr. …)``): capitalised words, each a known name
  or no ordinary word, so ``Til: Legekontoret`` is left alone.
* HL7 v2: the person-name fields of the segments that carry them, components joined by ``^``
  (``PID|1||…||HOLTAN^MARIA^ELISE||…``): PID-5, PID-6 and PID-9 (patient, mother's maiden
  name, alias), NK1-2 (next of kin), GT1-3 (guarantor), IN1-16 (insured) as family^given^
  middle; PV1-7, 8, 9 and 17, ORC-10, 11 and 12 (entered, verified and ordered by) and
  OBR-16 (doctors) as id^family^given^middle.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from recognizers.no import person_words as words
from recognizers.no.names import FIRST_NAMES, SURNAMES
from recognizers.no.person_lexicon import is_ordinary
from recognizers.no.person_tokens import LETTERS, UPPER

SCORE = 0.75
Found = tuple[int, int, float, str]

_NAME_WORD = rf"[{UPPER}](?:[{LETTERS}]+|[{UPPER}'’]+)(?:-[{UPPER}](?:[{LETTERS}]+|[{UPPER}'’]+))?"
_DISPLAY = re.compile(
    rf"(?:\"(?P<quoted>[^\"\n<>@]{{2,80}})\"|(?<![\w.@])(?P<bare>{_NAME_WORD}"
    rf"(?:[ \t]+{_NAME_WORD}){{0,3}}))[ \t]*<[^<>\s@]+@[^<>\s]+>"
)
_HEADER = re.compile(
    r"^[ \t>]*(?:fra|from|til|to|kopi|cc|bcc|avsender|mottaker|sender|reply-to|svar til)"
    rf"[ \t]*:[ \t]*(?P<value>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})"
    r"(?=[ \t]*(?:$|[(,;|<]|[ \t][-–][ \t]))",
    re.MULTILINE | re.IGNORECASE,
)
_QUOTED_NAME = re.compile(r"[^\W\d_][\w'’.\-]*(?:,?[ \t]+[^\W\d_][\w'’.\-]*){0,4}")

_HL7_SEGMENT = re.compile(r"^(?P<segment>PID|NK1|GT1|IN1|PV1|ORC|OBR)\|.*$", re.MULTILINE)
_FAMILY_FIRST = {"PID": (5, 6, 9), "NK1": (2,), "GT1": (3,), "IN1": (16,)}
_ID_FIRST = {"PV1": (7, 8, 9, 17), "ORC": (10, 11, 12), "OBR": (16,)}
_NAME_COMPONENTS = 3
"""Family name, given name, middle name(s)."""


def _may_be_name(word: str) -> bool:
    lowered = word.lower()
    if lowered in FIRST_NAMES or lowered in SURNAMES:
        return True
    return (
        lowered not in words.COMMON
        and lowered not in words.NOT_NAME_WORDS
        and word.capitalize() not in words.STRUCTURAL
        and not is_ordinary(lowered)
    )


def mail_names(text: str) -> Iterator[Found]:
    """Display names before addresses and names alone in header fields (module docstring)."""
    if "@" in text:
        for match in _DISPLAY.finditer(text):
            group = "quoted" if match["quoted"] else "bare"
            value = match[group].strip()
            start = match.start(group) + match[group].index(value)
            if _QUOTED_NAME.fullmatch(value) and any(
                map(_may_be_name, re.findall(r"[^\W\d_]+", value))
            ):
                yield start, start + len(value), SCORE, "mail"
    for match in _HEADER.finditer(text):
        if all(map(_may_be_name, match["value"].split())):
            yield match.start("value"), match.end("value"), SCORE, "mail"


def hl7_names(text: str) -> Iterator[Found]:
    """The person-name fields of HL7 v2 segments (module docstring)."""
    for match in _HL7_SEGMENT.finditer(text):
        segment = match["segment"]
        fields = _fields(match.group(), match.start())
        for index in _FAMILY_FIRST.get(segment, ()):
            yield from _name_field(text, fields, index, skip=0)
        for index in _ID_FIRST.get(segment, ()):
            yield from _name_field(text, fields, index, skip=1)


def _fields(line: str, offset: int) -> list[tuple[int, int]]:
    spans, start = [], 0
    for position, char in enumerate(line):
        if char == "|":
            spans.append((offset + start, offset + position))
            start = position + 1
    spans.append((offset + start, offset + len(line)))
    return spans


def _name_field(text: str, fields: list[tuple[int, int]], index: int, skip: int) -> Iterator[Found]:
    """The family-to-middle-name stretch of the first repetition of field ``index``."""
    if index >= len(fields):
        return
    start, end = fields[index]
    repetition = text[start:end].split("~", 1)[0]
    components = repetition.split("^")[skip : skip + _NAME_COMPONENTS]
    offset = start + sum(len(c) + 1 for c in repetition.split("^")[:skip])
    filled = [i for i, c in enumerate(components) if any(ch.isalpha() for ch in c)]
    if not filled:
        return
    first = offset + sum(len(c) + 1 for c in components[: filled[0]])
    last = offset + sum(len(c) + 1 for c in components[: filled[-1]]) + len(components[filled[-1]])
    yield first, last, SCORE, "hl7"
