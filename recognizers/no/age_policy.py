"""Generalising high ages: an age of 90 or more narrows a person down, so it is written as
``over 89`` in the form it had (issue 18; the HIPAA Safe Harbor rule does the same).

The rule, for an age found by :class:`recognizers.no.ages.AgeRecognizer` (the number first):

- the number, in digits or words, becomes ``over 89``: ``94 år`` → ``over 89 år``,
  ``94 år gammel`` → ``over 89 år gammel``, ``94 års alder`` → ``over 89 års alder``,
  ``94`` (after ``alder:``) → ``over 89``, ``nittifire år`` → ``over 89 år``, ``94 y.o.`` →
  ``over 89 y.o.``, ``94-year-old`` → ``over-89-year-old``;
- an adjective says it with ``år gammel`` / ``år gamle``: ``en 94-årig mann`` → ``en over 89
  år gammel mann``, ``den 94-årige`` → ``den over 89 år gamle``;
- a noun becomes a person over 89 in the same number and definiteness: ``94-åring`` →
  ``person over 89 år``, ``94-åringen`` → ``personen over 89 år``, ``94-åringer`` →
  ``personer over 89 år`` (nynorsk ``-åringar`` → ``personar over 89 år``);
- a decade (``90-årene``) is already a band of years and is returned as it is.

``89`` is ``threshold - 1``; ages below the threshold are left alone (``None``). A text that
does not start with a number gives ``over 89 år``.
"""

from __future__ import annotations

import re

from recognizers.normalise import lexicon
from recognizers.normalise.number_words import NUMBER_WORD

_NUMBER = re.compile(
    rf"\d{{1,3}}(?:[,.]5)?|{NUMBER_WORD}(?:(?:[ ]og[ ]|[ ]|-){NUMBER_WORD})*"
    rf"|{lexicon.words_pattern(lexicon.UNITS | lexicon.TEENS | lexicon.TENS | lexicon.COMPOUNDS)}"
    r"(?=år)"
)
"""The number an age starts with: digits, number words, or the number word of a compound
(``nittiåring``)."""
_DECADE = re.compile(r"-(?:årene|åra|årsalder(?:en)?)$")
_ADJECTIVE = re.compile(r"[ ]?-?[ ]?år(?P<plural>ige|ig)$")
_NOUN = re.compile(r"[ ]?-?[ ]?åring(?P<ending>en|er|ene|ar|ane)?$")
_PERSON = {
    None: "person",
    "en": "personen",
    "er": "personer",
    "ene": "personene",
    "ar": "personar",
    "ane": "personane",
}


def generalise_age(text: str, years: int, threshold: int = 90) -> str | None:
    """``text``, an age of ``years`` written as found, generalised when ``years`` is at
    least ``threshold`` (module docstring); ``None`` below it."""
    if years < threshold:
        return None
    lowered = lexicon.lower(text)
    if _DECADE.search(lowered):
        return text
    number = _NUMBER.match(lowered)
    rest = text[number.end() :] if number else ""
    return _rewritten(rest, threshold - 1, has_number=number is not None)


def _rewritten(rest: str, bound: int, *, has_number: bool) -> str:
    """``over {bound}`` and what followed the number, in the form's grammar."""
    adjective = _ADJECTIVE.fullmatch(rest.lower())
    if adjective:
        return f"over {bound} år {'gamle' if adjective['plural'] == 'ige' else 'gammel'}"
    noun = _NOUN.fullmatch(rest.lower())
    if noun:
        return f"{_PERSON[noun['ending']]} over {bound} år"
    if not has_number:
        return f"over {bound} år"
    if rest.lower().startswith(("-year", "-yr")):
        return f"over-{bound}{rest}"
    return f"over {bound}{rest}"
