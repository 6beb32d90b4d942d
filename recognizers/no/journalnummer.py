"""NO_JOURNALNUMMER: local journal and patient numbers, only after journalnr / pasientnr / PID.

Formats are local to each hospital; site-specific layouts without a context word belong in a
custom YAML recognizer (see ``config/recognizers/``). A second number of the same shape
later in the same sentence is one too (``Journalnr 58811-24 er slått saman med 58812-24``).

Recall first: the label decides, not the layout. A labelled number may be written in digit
groups (``journal nr 45 91 07``, ``Pas.nr.: 300 144 87``), stand in a column headed by a
record-number word (``Jnr``, ``PID``, ``Journal`` in a delimited or fixed-width table), or be
the answer to a question about it (``journalnummeret?`` / ``to null to fire …``). A number
right after the word for the record itself (``journal J-338102``, ``journalene 4410928 og
4421773``) or one that carries its label as a prefix (``JNR-2026-118273``) is labelled too.
So is a labelled value repeated anywhere later, or set against one (``expected … got …``).

More labels and shapes (hospital prefixes, ``pasient X``, id columns, numbers in words, an
order or deviation word that says otherwise) are in :mod:`recognizers.no.journal_labels`;
KITH XML identifiers in :mod:`recognizers.no.journal_ident`; layouts that label a number
without a word (bordered tables, SQL rows, asked-for lists, XML local ids) in
:mod:`recognizers.no.journal_layouts`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recognizers.no import (
    context,
    context_words,
    journal_echoes,
    journal_fields,
    journal_ident,
    journal_labels,
    journal_layouts,
    journal_rows,
)
from recognizers.no.base import NUMBER_START, NorwegianRecognizer, Verdict, number_pattern

SCORE = 0.85
SCORE_SAME_SHAPE = 0.7
_DIGIT = re.compile(r"\d")
_LABELLED_SO_FAR = "journalnummer: labelled so far"
"""Per-scan memo key: (end, shape) of the labelled journal numbers judged so far."""
_MIN_GROUPED_DIGITS = 5
_MAX_GROUPED_DIGITS = 12

_JOURNAL = re.compile(
    r"(?<![\w\-/])(?=(?:[A-Za-z\-/]*[0-9]){3})[A-Za-z0-9][A-Za-z0-9\-/]{3,19}(?![\w\-/])"
)
"""A whole run of letters, digits, dashes and slashes with at least three digits in it (the
look-ahead: it stops at the first character outside the run, where every match ends). Most
words of a text are such runs without digits; they no longer reach :meth:`judge`."""
_GROUPED = number_pattern(
    NUMBER_START + r"(?<![\w\-/.,])\d{1,4}(?:[ ]\d{2,4}){0,2}[ ]\d{1,4}(?![\w\-/]|[ ]\d|[.,]\d)"
)
"""Digit groups apart by single spaces, as a number is read out: ``45 91 07``, ``1048 552``,
``300 144 87``, ``884 302 1`` (the first and the last group may be short, the others hold
two to four digits)."""
_GROUP_AFTER = re.compile(r"[ ]\d{2,4}(?!\w)")
_UNIT_AFTER = re.compile(
    r"[ \t]*(?:%|(?:mg|mcg|µg|g|kg|ml|dl|l|mmol|µmol|ie|iu|e|enheter|stk|tabl|tbl|kr|x|cm|mm"
    r"|ganger|dager|døgn|uker|år|timer|min)(?!\w))",
    re.IGNORECASE,
)
"""A unit or count after digit groups: ``10 000 IE`` is a dose."""
_HL7_RECORD_ID = re.compile(
    r"(?m)(?:^[ \t]*PID\|(?:[^|\r\n]*\|){2}(?:[^|\r\n]*~)?)"
    r"(?P<id>[A-Za-z0-9\-/]*\d[A-Za-z0-9\-/]*)\^\^\^[^|^~\r\n]*\^(?:PI|MR|PT|PN)(?=[|~^\r\n]|$)"
)
"""An identifier of PID-3 (patient identifier list, repetitions apart by ``~``) whose type
code says it is the hospital's own record number: ``PI`` (patient internal), ``MR``
(medical record), ``PT``, ``PN`` — ``07119935150^^^NOR^FNR~441902^^^AHUS^PI``."""
_RECORD = context_words.ContextWords.of(
    *"journal$ journalen$ journalene$ journalane$ journaler$ journalar$ record$".split()
)
"""Words that name the record itself: in running text, a number of five digits or more
right after one is its number (``journal J-338102``, ``sammenslåing av journalene 4410928
og 4421773``)."""
_RECORD_DIGITS = 5
_RECORD_GAP = re.compile(r"[^\W\d][ \t]*:?[ \t]*\Z")
"""Only a space or a colon between the record word and its number, on one line: a heading
such as ``(offentlig journal)`` above a case number labels nothing."""
_RECORD_VALUE = re.compile(r"(?:[A-Za-z][\-/]?)?\d[\d \-/]*")
"""Digits, perhaps after one letter (``J-338102``): a longer letter prefix (``SNV-2024-…``)
is a site's own format, for its YAML recognizer to claim."""
_DATE_SHAPED = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4}")
_SELF_LABELLED = re.compile(
    r"(?:^|(?<=[\-_/]))(?:(?:jnr|j\.nr|pid|mrn|pasnr|pas\.nr|journalnr|epjnr)[\-_:]?|pas[\-_])"
    r"(?=[A-Za-z\-]*\d)",
    re.IGNORECASE,
)
"""An identifier that carries its label as a prefix (``JNR-2026-118273``, ``PID-55190``):
labelled wherever it stands, in an export's ``"value"`` or after ``ref.``; the label may
follow a site's prefix (``HF-JNR-228190``)."""
_ANY_LABEL = context_words.ContextWords(
    context_words.JOURNALNUMMER.prefixes
    + context_words.JOURNAL_COLUMN.prefixes
    + journal_labels.NEEDLES.prefixes
    + journal_layouts.NEEDLES
    + journal_fields.NEEDLES,
    context_words.JOURNALNUMMER.exact
    | context_words.JOURNAL_COLUMN.exact
    | _RECORD.exact
    | journal_labels.NEEDLES.exact,
    context_words.JOURNALNUMMER.phrases,
)
"""Every word that can label a record number, in text or as a column header: a text with
none of them is not scanned."""


class JournalnummerRecognizer(NorwegianRecognizer):
    """Four to twenty letters, digits, dashes or slashes with at least three digits, or digit
    groups apart by spaces, labelled as a record number."""

    ENTITY = "NO_JOURNALNUMMER"
    PATTERNS = (
        _JOURNAL,
        _GROUPED,
        journal_labels.PREFIXED,
        journal_labels.SPOKEN,
        journal_ident.IDENT,
        _HL7_RECORD_ID,
        journal_layouts.XML_LOCAL,
        journal_fields.URL_ID,
        journal_fields.FILE_ID,
    )
    CONTEXT_WORDS = context_words.JOURNALNUMMER.entries()
    REQUIRED_CONTEXT = _ANY_LABEL
    NEEDS_DIGIT = False

    def could_match(self, text: str) -> bool:
        """A digit, or a number read out in words (``fire-fem-null-to-ni-ni``)."""
        return _DIGIT.search(text) is not None or journal_labels.SPOKEN.search(text) is not None

    def _worth_matching(self, text: str) -> bool:
        """A label word, or a layout that labels without one: a document name (an
        underscore before digits), a code beside a patient's name."""
        return super()._worth_matching(text) or "_" in text or journal_rows.could_occur(text)

    def patterns_for(self, text: str) -> Sequence[re.Pattern[str]]:
        """Each pattern only where it can match (HL7 with a PID segment, XML with ``TypeId``
        or ``</`` …); without digits, the words pattern alone; without a label word, only
        the layouts that need none."""
        if _DIGIT.search(text) is None:
            return (journal_labels.SPOKEN,)
        lowered = context.lowered(text)
        files = [journal_fields.FILE_ID] if "_" in text else []
        if not _ANY_LABEL.might_occur(lowered):
            return [_JOURNAL, *files] if journal_rows.could_occur(text) else files
        patterns = list(self.PATTERNS[:4]) + files
        if "/pasient" in lowered or "/patient" in lowered or "/pas/" in lowered:
            patterns.append(journal_fields.URL_ID)
        if "TypeId" in text:
            patterns.append(journal_ident.IDENT)
        if "PID|" in text:
            patterns.append(_HL7_RECORD_ID)
        if "</" in text:
            patterns.append(journal_layouts.XML_LOCAL)
        return patterns

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """A journal or patient-number word at most three words before, as the column's
        header or in the question answered; or the same shape as such a number earlier in
        the sentence, outside a table (there the column header says what a number is).
        Matches are judged in text order (as :meth:`analyze` does), so the labelled ones
        before are known."""
        if match.re is _HL7_RECORD_ID:
            return Verdict(SCORE, {"field": "hl7"}, start=match.start("id"), end=match.end("id"))
        if match.re is not _JOURNAL and match.re is not _GROUPED:
            return _judge_more(text, match)
        value = match.group()
        if not _shaped(text, match):
            return None
        labelled = context.remembered(text, _LABELLED_SO_FAR, _none_yet)
        if _labelled(text, match.start()) or _more_labelled(text, match):
            return _as_labelled(text, match, labelled)
        reason = journal_echoes.echo(text, match.start(), value, labelled, run=match.re is _JOURNAL)
        if reason is None:
            return None
        return Verdict(SCORE_SAME_SHAPE, {"echo": reason} if reason != "shape" else {})


def _as_labelled(
    text: str, match: re.Match[str], labelled: list[tuple[int, str]]
) -> Verdict | None:
    """A labelled match, unless an order, lot or deviation word nearer says otherwise;
    remembered for the echoes after it."""
    if _said_otherwise(text, match):
        return None
    labelled.append((match.end(), match.group().translate(journal_echoes.SHAPE)))
    journal_echoes.values_so_far(text).add(match.group())
    if match.re is _GROUPED:  # a system prefix before the groups (``EPJ 77 10 43``)
        return Verdict(SCORE, start=journal_layouts.system_prefix_start(text, match.start()))
    return Verdict(SCORE)


def _more_labelled(text: str, match: re.Match[str]) -> bool:
    """A label the identifier carries itself, the record word before it, a label of
    :mod:`recognizers.no.journal_labels`, or (five digits or more) the turn before asks for
    it."""
    value = match.group()
    if _self_or_record_labelled(text, match):
        return True
    if journal_labels.labelled_here(text, match.start(), value):
        return True
    if journal_layouts.labelled_by_layout(text, match.start(), value):
        return True
    if journal_fields.labelled_in_field(text, match.start(), value) or (
        match.re is _JOURNAL and journal_rows.by_name(text, match.start(), value)
    ):
        return True
    if sum(map(str.isdigit, value)) >= _RECORD_DIGITS and journal_labels.asked_before(
        text, match.start()
    ):
        return True
    return match.re is _JOURNAL and journal_labels.record_word_before(text, match.start(), value)


_REACH = 7
_LINKING = frozenset(
    """er e var hos dere dykk deg meg dykkar deres mitt mi min mine hans hennes hennar vel nok
    visst kanskje trur tror jeg eg is was""".split()
)
"""Words between a label and its number that say nothing about it (``journal nr hos dere er
19-004417``): skipped when counting the three words before."""


def _labelled(text: str, start: int) -> bool:
    """A record-number word among the three words before ``start`` (the column header
    counts; :data:`_LINKING` words not counted), a record column header, or a record-number
    word in the question answered."""
    header = context.column_header(text, start)
    words = context.words_before(text, start, _REACH)  # the header, if any, comes last
    linked = [word for word in (words[:-1] if header else words) if word not in _LINKING]
    near = linked[-3:]
    if journal_fields.label_taken(near, context_words.JOURNALNUMMER.matches):
        near = []  # the label's own value stands between (``jnr=8801290 HTTP/1.1" 404 88``)
    if context_words.JOURNALNUMMER.matches_any([*near, *([header] if header else [])]):
        return True
    if header is not None and context_words.JOURNAL_COLUMN.matches(header):
        return True
    return context_words.JOURNALNUMMER.matches_any(context.question_words(text, start))


def _self_or_record_labelled(text: str, match: re.Match[str]) -> bool:
    """The label is the identifier's own prefix (:data:`_SELF_LABELLED`), or a record word
    (:data:`_RECORD`) stands right before a number of five digits or more that is no date,
    perhaps after one letter."""
    value = match.group()
    if match.re is _JOURNAL and _SELF_LABELLED.search(value) is not None:
        return True
    if sum(map(str.isdigit, value)) < _RECORD_DIGITS or _DATE_SHAPED.fullmatch(value):
        return False
    if not _RECORD_VALUE.fullmatch(value):
        return False
    if _RECORD_GAP.search(text, max(0, match.start() - 40), match.start()) is None:
        return False
    return _RECORD.matches_any(context.words_before(text, match.start(), 1))


def _said_otherwise(text: str, match: re.Match[str]) -> bool:
    """An order, lot or deviation word nearer than any record label, and the identifier
    does not carry its own label (``ref. JNR-2024-118830`` is a record number)."""
    if match.re is _JOURNAL and _SELF_LABELLED.search(match.group()) is not None:
        return False
    return journal_labels.said_otherwise(text, match.start())


def _shaped(text: str, match: re.Match[str]) -> bool:
    """Digit groups hold one whole number; a run holds three digits or more and is not the
    first group of a number written in groups."""
    if match.re is _GROUPED:
        return _whole_number(text, match)
    if journal_layouts.calendar_date(match.group()):
        return False
    return sum(map(str.isdigit, match.group())) >= 3 and not _first_of_groups(text, match)


def _whole_number(text: str, grouped: re.Match[str]) -> bool:
    """A :data:`_GROUPED` match holds one number: five to twelve digits, and no unit after it
    (``PID 7713 20 mg`` is a number and a dose)."""
    digits = sum(map(str.isdigit, grouped.group()))
    if not _MIN_GROUPED_DIGITS <= digits <= _MAX_GROUPED_DIGITS:
        return False
    return _UNIT_AFTER.match(text, grouped.end()) is None


def _first_of_groups(text: str, match: re.Match[str]) -> bool:
    """``match`` is all digits and only the first group of a number written in groups, which
    :data:`_GROUPED` reads whole (``3318`` of ``3318 72``)."""
    if not match.group().isdigit() or _GROUP_AFTER.match(text, match.end()) is None:
        return False
    grouped = _GROUPED.match(text, match.start())
    return grouped is not None and grouped.end() > match.end() and _whole_number(text, grouped)


def _none_yet(_: str) -> list[tuple[int, str]]:
    return []


def _judge_more(text: str, match: re.Match[str]) -> Verdict | None:
    """A hospital prefix before the digits, a number in words or a KITH XML identifier
    (:mod:`recognizers.no.journal_labels`, :mod:`recognizers.no.journal_ident`)."""
    if match.re is journal_ident.IDENT or match.re is journal_layouts.XML_LOCAL:
        return journal_layouts.judge_xml(match, SCORE)
    if match.re is journal_fields.URL_ID or match.re is journal_fields.FILE_ID:
        return journal_fields.judge(text, match, SCORE)
    value = match.group()
    if match.re is journal_labels.SPOKEN:
        digits = journal_labels.spoken_digits(value)
        form = "words" if _MIN_GROUPED_DIGITS <= digits <= _MAX_GROUPED_DIGITS else ""
    else:
        form = "prefixed" if journal_labels.prefixed_worth_judging(match) else ""
    if not form:
        return None
    labelled = (
        _labelled(text, match.start())
        or journal_labels.labelled_here(text, match.start(), value)
        or journal_fields.labelled_in_field(text, match.start(), value)
    )
    if not labelled and form == "words":
        labelled = journal_labels.asked_before(text, match.start())
    if not labelled and form == "prefixed":
        words = context.words_before(text, match.start(), 1)
        labelled = bool(words) and words[-1].startswith("journal")
    if not labelled or journal_labels.said_otherwise(text, match.start()):
        return None
    journal_echoes.values_so_far(text).add(value)
    return Verdict(SCORE, {"form": form})
