"""Detection on the normalised view of each text, with findings mapped back to the original.

People type and speak identifiers in forms the recognizers do not read: a zero-width space
inside a fødselsnummer, fullwidth digits, a Cyrillic letter in a name, a phone number said
as words. :func:`recognizers.normalise.view.text_view` turns such a text into a view the
recognizers and the model read; every finding on the view is mapped back to the *original*
span that produced it, so it is reported and replaced on the text the client sent.

Once all findings of a text are in, every other occurrence of a found name in that text, in
any case, is a name too (:func:`recognizers.no.name_echoes.name_echoes`): a surname repeated
on its own, or a name first written ``Kari Nordmann`` and later ``kari nordmann`` — and so
are names listed with a found one (``Kine og Jamal``). And a
full date written right after a found name is that person's date of birth
(:func:`recognizers.no.name_dates.dates_after_names`: ``Kari Hansen (12.03.1954)``).
Readings that are part of another are then dropped (:mod:`proxy.detection.settle`: a date inside
a date of birth, a month taken for a name, the model's reading of part of a care unit).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from proxy.detection.findings import Finding
from proxy.detection.settle import settle
from recognizers.no.name_dates import dates_after_names
from recognizers.no.name_echoes import name_echoes
from recognizers.no.person_spelled_out import spelled_out_names
from recognizers.normalise.view import TextView, text_view

PERSON = "PERSON"
ECHO_SCORE = 0.8
"""Score of a name's echo: above every default threshold, below a checksum-valid number."""
ECHO_RECOGNIZER = "NameEcho"
BIRTH_DATE = "DATE_OF_BIRTH"
NAME_DATE_SCORE = 0.8
NAME_DATE_RECOGNIZER = "DateAfterName"
SPELLED_RECOGNIZER = "SpelledOutName"

DetectMany = Callable[[Sequence[str]], list[list[Finding]]]


def detect_on_views(texts: Sequence[str], detect: DetectMany) -> list[list[Finding]]:
    """``detect`` run once over the views of ``texts`` (a text that needs no normalising is
    its own view), plus name echoes; every finding's offsets are into the original text."""
    views = [text_view(text) for text in texts]
    seen = [text if view is None else view.text for text, view in zip(texts, views, strict=True)]
    found = detect(seen)
    return [
        _in_original(view, _with_name_context(text, findings)) + _spelled_out(original)
        for original, text, view, findings in zip(texts, seen, views, found, strict=True)
    ]


def _spelled_out(text: str) -> list[Finding]:
    """Names spelled out letter by letter in ``text`` as written, and the words they spell
    (:mod:`recognizers.no.person_spelled_out`): the view joins the letters, so they are read
    on the original."""
    return [
        Finding(PERSON, start, end, score, SPELLED_RECOGNIZER)
        for start, end, score, _ in spelled_out_names(text)
    ]


def _with_name_context(text: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` plus the echoes of found names and the dates written right after them."""
    findings = settle(text, findings)  # a place or month the model took for a name echoes not
    names = [(f.start, f.end) for f in findings if f.entity_type == PERSON]
    if not names:
        return findings
    echoes = [
        Finding(PERSON, start, end, ECHO_SCORE, ECHO_RECOGNIZER)
        for start, end in name_echoes(text, names)
    ]
    names += [(f.start, f.end) for f in echoes]
    dates = [
        Finding(BIRTH_DATE, start, end, NAME_DATE_SCORE, NAME_DATE_RECOGNIZER)
        for start, end in dates_after_names(text, names)
    ]
    if not echoes and not dates:
        return findings  # settled above; nothing new to settle
    return settle(text, [*findings, *echoes, *dates])


def _in_original(view: TextView | None, findings: list[Finding]) -> list[Finding]:
    if view is None:
        return findings
    moved = []
    for finding in findings:
        start, end = view.span_in_original(finding.start, finding.end)
        moved.append(dataclasses.replace(finding, start=start, end=end))
    return moved
