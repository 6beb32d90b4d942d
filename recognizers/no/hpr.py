"""NO_HPR: HPR-nummer (health personnel register), only with an HPR word near — or in the
provider fields of an HL7 v2 message, which say what they hold: PV1-7/8/9/17 (attending,
referring, consulting, admitting doctor), ORC-10/11/12 (entered by, verified by, ordering
provider) and OBR-16 (ordering provider), an ID of
seven to nine digits then the person's name (``8148908^Stene^Hilde^^^Dr``); Norwegian HL7
carries the HPR number there. Two more fields say so too: a KITH XML ``Ident`` whose
``TypeId`` is ``HPR`` (:mod:`recognizers.no.journal_ident`), and a log's doctor key
(``lege=3390128``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from recognizers.no import context, context_words, journal_ident
from recognizers.no.base import (
    CHAIN_END,
    CHAIN_START,
    NUMBER_END,
    NUMBER_START,
    NorwegianRecognizer,
    Verdict,
    compact_digits,
    grouped_digits,
    number_pattern,
)
from recognizers.no.checksums import valid_hpr

SCORE_CHECKSUM = 0.9
SCORE_CONTEXT_ONLY = 0.7
ADJACENT_BONUS = 0.05

_HPR = number_pattern(NUMBER_START + r"(?<!-)\d{7,9}" + NUMBER_END, runs=(7, 8, 9))
_GROUPED = tuple(
    number_pattern(CHAIN_START + rf"(?<!-){grouped_digits(count)}" + CHAIN_END, chain=count)
    for count in (7, 8, 9)
)
"""Seven to nine digits in groups (``HPR 1173 9024``, ``HPR-nr. 1083 6622``): only with the
HPR word right before, since grouped digits are phone numbers' and dates' layout too."""
_RIGHT_BEFORE = 2
_DATE_LIKE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2}")
"""Digit groups written as a date (``11.03.2024``): a date, even right after an HPR number's
label (``HPR 1234567, 11.03.2024`` reads the number from the next field)."""

_HL7_PROVIDER = re.compile(
    r"(?m)^[ \t]*(?:PV1\|(?:[^|\r\n]*\|){6,8}|PV1\|(?:[^|\r\n]*\|){16}"
    r"|ORC\|(?:[^|\r\n]*\|){9,11}|OBR\|(?:[^|\r\n]*\|){15})"
    r"(?P<id>\d{7,9})\^(?=[^\W\d_])"
)
"""An HL7 v2 provider field (XCN) whose ID is seven to nine digits, a name after it."""
_HL7_SEGMENTS = ("PV1|", "ORC|", "OBR|")
_HL7_HPR_AUTHORITY = re.compile(
    r"(?<![^|~])(?P<id>\d{7,9})\^[^|~^\r\n]*(?:\^[^|~^\r\n]*){5,8}\^HPR(?=[|~^\r\n]|$)",
    re.MULTILINE,
)
"""An HL7 XCN field of any segment whose assigning authority (the ninth component) is
``HPR``: ``4120987^Aasen^Cecilie^^^^^^HPR`` says itself that its ID is an HPR number."""
_PROVIDER_KEY = re.compile(
    r"(?i)(?<![\w.\-])(?:lege|legeid|lege_id|behandler|rekvirent|prescriber|provider"
    r"|practitioner|hcp|forskriver)=(?P<id>\d{7,9})(?![\w.\-])"
)
"""A log's key=value pair whose key is the doctor or the prescriber (``lege=3390128``): its
value of seven to nine digits is the person's HPR number (an id, not a phone number, in a
log line)."""

_PROVIDER_NAMED = re.compile(
    r"(?<![\w.\-])(?i:lege|behandler|rekvirent|forskriver|prescriber|provider|practitioner)"
    r"=[A-ZÆØÅ][\w'.-]*,?(?:[ \t][A-ZÆØÅ][\w'.-]*,?){0,3}[ \t]+(?P<id>\d{7,9})(?![\w.\-])"
)
"""A log's doctor or prescriber key whose value is the name and then seven to nine digits
(``forskriver=Dal, Per Ove 1234567``): the number is that person's HPR number."""

_FIELDS = {
    _PROVIDER_NAMED: "key",
    _HL7_PROVIDER: "hl7",
    _HL7_HPR_AUTHORITY: "hl7",
    _PROVIDER_KEY: "key",
    journal_ident.IDENT: "xml",
}
"""Patterns whose field says it holds an HPR number: no HPR word needed."""


class HprRecognizer(NorwegianRecognizer):
    """7-9 digits after HPR / helsepersonellnummer; the unconfirmed checksum only adds score."""

    ENTITY = "NO_HPR"
    MIN_CHAIN_DIGITS = 7
    PATTERNS = (
        _HPR,
        *_GROUPED,
        _PROVIDER_KEY,
        _PROVIDER_NAMED,
        journal_ident.IDENT,
        _HL7_HPR_AUTHORITY,
        _HL7_PROVIDER,
    )
    CONTEXT_WORDS = context_words.HPR.entries()

    def patterns_for(self, text: str) -> Sequence[re.Pattern[str]]:
        """The number patterns where an HPR word may occur; the HL7 one where a provider
        segment does."""
        worded = self.PATTERNS[:4] if context.could_occur(text, context_words.HPR) else ()
        keyed = (_PROVIDER_KEY, _PROVIDER_NAMED) if "=" in text else ()
        xml = (journal_ident.IDENT,) if "TypeId" in text else ()
        hl7 = (_HL7_PROVIDER,) if any(segment in text for segment in _HL7_SEGMENTS) else ()
        if "^HPR" in text:
            hl7 = (*hl7, _HL7_HPR_AUTHORITY)
        return (*worded, *keyed, *xml, *hl7)

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Context required (within four words before or two after; right before for digits
        in groups); right before it wins over phone-number context for the same digits. An
        HL7 provider ID, a log's doctor key or a KITH ``Ident`` typed ``HPR`` needs none."""
        if match.re is journal_ident.IDENT and not (
            match["id"].isdigit() and journal_ident.is_hpr(match)
        ):
            return None
        field = _FIELDS.get(match.re)
        if field is not None:
            checksum = valid_hpr(match["id"])
            return Verdict(
                SCORE_CHECKSUM,
                {"checksum": "valid" if checksum else "unverified", "field": field},
                start=match.start("id"),
                end=match.end("id"),
            )
        if match.re is not _HPR:
            if _DATE_LIKE.fullmatch(match.group()):
                return None
            before = context.words_before(text, match.start(), _RIGHT_BEFORE)
            if not context_words.HPR.matches_any(before):
                return None
        elif not context.context_near(text, match.span(), context_words.HPR, before=4, after=2):
            return None
        checksum = valid_hpr(compact_digits(match.group()))
        score = SCORE_CHECKSUM if checksum else SCORE_CONTEXT_ONLY
        if context_words.HPR.matches_any(context.words_before(text, match.start(), 2)):
            score = max(score, SCORE_CHECKSUM) + ADJACENT_BONUS
        return Verdict(score, {"checksum": "valid" if checksum else "unverified"})
