"""A street written in lower case with no street word, right after ``bor i`` / ``bur på``.

In chat people write where they live as they say it (``bor i vestre rosten 77``, ``bur på
nedre toppen 4b``): no capital, no ``gate`` or ``veien`` to see. Right after the verb of
living and its preposition, one to three words and a house number are an address, unless
the first word names a room, a ward or an institution (``bor på rom 12``, ``bor på avdeling
3``) or a unit follows the number (``bor i byen 5 km unna``, ``bor i Norge 20 år``).
"""

from __future__ import annotations

import re

from recognizers.no.base import Verdict

__all__ = ["AFTER_LIVES", "judge_after_lives", "worth_trying"]

SCORE = 0.7
AFTER_LIVES = re.compile(
    r"[Bb](?<![\wæøå][Bb])(?:or|ur|osatt|usett)[ \t]+(?:i|på)[ \t]+"
    r"(?P<street>[a-zæøå][\wæøå'-]*(?:[ \t][a-zæøå][\wæøå'-]*){0,2})"
    r"[ \t](?P<house>\d{1,4}(?:[ \t]?[a-hA-H])?)(?![\wæøå]|[.,]\d|[ \t]*(?:%|[-/]\d))"
)
_NOT_STREETS = frozenset(
    """rom avdeling avd etasje etg leilighet leil post sengepost blokk hus bygg bygning
    sone sykehjem sykehjemmet institusjon kommune kommunen fylke fylket omsorgsbolig
    samme en et ei to tre den det min mitt mi hans hennes""".split()
)
_UNIT_AFTER = re.compile(
    r"[ \t]*(?:år|mnd|måneder|uker|uke|dager|dag|døgn|timer|time|min|km|meter|m|mil|kr|mg"
    r"|stk|personer|barn|minutter|etasjer)(?![\wæøå])",
    re.IGNORECASE,
)
_MIN_STREET = 3


def worth_trying(lowered: str) -> bool:
    """Only texts with a verb of living (a cheap test on the lower-cased text)."""
    return "bor " in lowered or "bur " in lowered or "bosatt" in lowered or "busett" in lowered


def judge_after_lives(text: str, match: re.Match[str]) -> Verdict | None:
    """The street and house number of an :data:`AFTER_LIVES` match; see the module docstring."""
    street = match["street"]
    first = street.split()[0]
    if first in _NOT_STREETS or len(street) < _MIN_STREET:
        return None
    if _UNIT_AFTER.match(text, match.end()):
        return None
    return Verdict(SCORE, {"street": "after bor i"}, start=match.start("street"), end=match.end())
