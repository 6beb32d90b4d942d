"""Durations as people type them: ``7d``, ``12h``, ``30m``, ``45s``, ``2w``, ``1d12h``."""

from __future__ import annotations

import re

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)([smhdw])")


class DurationError(ValueError):
    """A duration that is not like ``7d``, ``12h``, ``30m``, ``45s``, ``2w`` or ``1d12h``."""


def parse_duration(text: str) -> float:
    """Seconds in ``text``: numbers with units s, m, h, d, w, e.g. ``7d``, ``1d12h``."""
    compact = text.strip().lower()
    pieces = _DURATION.findall(compact)
    if not compact or "".join(n + u for n, u in pieces) != compact:
        raise DurationError(
            f"bad duration {text!r}: use a number and a unit (s, m, h, d, w), "
            "e.g. 7d, 12h, 30m or 1d12h"
        )
    seconds = sum(float(number) * _UNITS[unit] for number, unit in pieces)
    if seconds <= 0:
        raise DurationError(f"bad duration {text!r}: must be longer than 0 seconds")
    return seconds
