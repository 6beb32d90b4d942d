"""``F:`` before a date of birth, as a referral or a record header abbreviates ``født``.

``SKOGLUND, RANDI KRISTINE   F: 14.04.1952``: after a name on its line, ``F:`` is the birth
label. Not when the line holds other numbers before it, nor in ``F: 01.01.2024 T: 31.01.2024``
(from and to).
"""

from __future__ import annotations

import re

__all__ = ["birth_label"]

_F_LABEL = re.compile(r"(?<![\w.])F:[ \t]*\Z")
_UNTIL_AFTER = re.compile(r"[ \t]*[-–]?[ \t]*(?:T|Til|til|To)[:.]", re.IGNORECASE)
_LABEL_REACH = 8
_TOKEN = re.compile(r"\S+")


def birth_label(text: str, start: int) -> bool:
    """``F:`` (født) right before the date, after a name on its line (``SKOGLUND, RANDI
    F: 14.04.1952``); not ``F: … T: …``, from and to."""
    label = _F_LABEL.search(text, max(0, start - _LABEL_REACH), start)
    if label is None:
        return False
    line = text[text.rfind("\n", 0, start) + 1 : label.start()]
    if not any(c.isalpha() for c in line) or any(c.isdigit() for c in line):
        return False
    date = _TOKEN.match(text, start)
    return date is None or _UNTIL_AFTER.match(text, date.end()) is None
