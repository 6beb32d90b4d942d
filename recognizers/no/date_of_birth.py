"""DATE_OF_BIRTH: a date right after født / fødd / f. / fødselsdato (or English "born").

Numeric with any of the usual separators (``12.03.1954``, ``12.3.54``, ``12/3-54``,
``12 03 1954``, ``1954-03-12``), run together (``120354``, ``12031954``: also what spoken
digits become) or with month names in bokmål, nynorsk or English (``3. mars 1954``,
``3 mar 54``, ``1. juni -93``, ``1. juni '93``, ``March 3, 1954``); a comma after it ends a
CSV field unless a decimal part follows (``1988-02-11,94915407``). A year alone right after
the birth word (``født 1942``, ``fødd i 1942``) is one too, and so is a day and month
without a year (``født 15.06``, ``fødd 1. juni``). ``YYYYMMDD`` (``19480926``) is read when
``DDMMYYYY`` is no date. The date of birth field of an HL7 v2 PID segment (PID-7, ``YYYYMMDD``
and maybe a time) needs no birth word: the field says what it is.

The birth word may be in the question answered, in a column header (``Født``, ``FØDT`` of a
fixed-width listing), or two turns back when a speaker reads back or corrects the date with
the same year (``fødselsdatoen hans`` / ``atten åtte åttini`` / ``attende august åttini``);
a second date listed right after a date of birth is one too (``fødd 1.9.48 og ho 26/1-38``).
Other dates — visits, admissions, lab results — are not personal identifiers on their own
and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recognizers.no import context, context_words
from recognizers.no.base import NUMBER_START, NorwegianRecognizer, Verdict, number_pattern
from recognizers.no.number_birth_label import birth_label
from recognizers.no.number_corrections import year_taken_back
from recognizers.no.number_stamps import message_stamp

SCORE = 0.9

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "januar jan january",
            "februar feb february",
            "mars mar march",
            "april apr",
            "mai may",
            "juni jun june",
            "juli jul july",
            "august aug",
            "september sep sept",
            "oktober okt october oct",
            "november nov",
            "desember des december dec",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_SEP = r"(?:[ \t]?[./\-_][ \t]?|[ \t])"
_NUMERIC = rf"(?P<d>\d{{1,2}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<y>\d{{4}}|\d{{2}})"
_ISO = r"(?P<iy>\d{4})[-./](?P<im>\d{1,2})[-./](?P<id>\d{1,2})"
_COMPACT = r"(?P<compact>\d{8}|\d{6})"
_TEXTUAL = rf"(?P<td>\d{{1,2}})\.?\s?(?P<tm>{_MONTH})\.?\s(?:\d{{4}}|['’‘-]?\d{{2}})"
_ENGLISH = rf"(?P<em>{_MONTH})\.?\s(?P<ed>\d{{1,2}})(?:st|nd|rd|th)?,?\s\d{{4}}"
_DATE = re.compile(
    rf"(?<![\w])(?<!\d[.])(?:{_NUMERIC}|{_ISO}|{_COMPACT}|{_TEXTUAL}|{_ENGLISH})"
    r"(?![\w]|\.\d|,\d{1,2}(?!\d))",
    re.IGNORECASE,
)

_YEAR_FILLERS = r"(?:(?:den|eh|ehm|øh|øhm|altså)[ \t]+)*"
"""What a speaker says between the year and the day of a birth date: ``1942 den eh 20.08``."""
_DAY_AND_MONTH = rf"(?:\d{{1,2}}\.\d{{1,2}}\.?|\d{{1,2}}\.?[ \t](?:{_MONTH}))(?![\w]|\.?\d)"
_BIRTH_YEAR = re.compile(
    r"(?<![\w.,/-])(?:(?:18|19|20)\d{2}(?![\w]|[.,/-]\d)"
    rf"(?:,?[ \t]{_YEAR_FILLERS}{_DAY_AND_MONTH})?"
    rf"|\d{{2}}[ \t]+{_YEAR_FILLERS}{_DAY_AND_MONTH})",
    re.IGNORECASE,
)
"""A year, maybe with the day and month after it (fillers between: ``1942 den eh 20.08``), or
two year digits with them (``i 98 den 15.05``); a date of birth when said right after the
birth word (``født 1942``, ``fødd i 1942 den 3. mai``) or as the answer to a question with
one (``når er du født`` / ``1969 eh 12.10``): the birth year alone narrows a person down,
and is what a speaker often gives first."""
_BIRTH_GAP = frozenset({"i", "in", "år", "året", "den", "on", "the"})
"""Words between a birth word and the year or day (``født i 1942``, ``born in 1942``,
``født den 15.06``)."""

_DAY_MONTH = number_pattern(
    NUMBER_START + r"(?<![\w.,/-])(?:(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})\.?"
    rf"|(?P<wd>\d{{1,2}})\.?[ \t]?(?P<wm>{_MONTH})\.?)"
    r"(?!\w|[.,/-]?\d|[ \t]*(?:['’‘-][ \t]?)?\d)"
    r"(?![ \t]*(?:kg|g|gram|cm|mm|uker|uke|veker|veke|dager|døgn|mnd|år)(?!\w))",
    re.IGNORECASE,
    runs=(1, 2),
)
"""A day and month without a year: a birthday, a date of birth when said right after the
birth word (``født 15.06``, ``hun er født femtende juni``, ``fødd 1. juni``); not a weight
or a duration (``født 3.4 kg``)."""

_HL7_BIRTH = re.compile(
    r"(?m)^[ \t]*PID\|(?:[^|\r\n]*\|){6}"
    r"(?P<birth>\d{4}(?P<hm>\d{2})(?P<hd>\d{2})(?:\d{2}){0,3})(?=[|^\r\n]|$)"
)
"""PID-7 of an HL7 v2 message: the patient's date (and time) of birth."""


def _day_month_year(match: re.Match[str]) -> tuple[int, int, str]:
    """Day, month and the digits of the year of a ``_DATE`` match."""
    groups = match.groupdict()
    year = _LAST_NUMBER.findall(match.group())[-1]
    if groups["d"]:
        return int(groups["d"]), int(groups["m"]), groups["y"]
    if groups["iy"]:
        return int(groups["id"]), int(groups["im"]), groups["iy"]
    if groups["compact"]:
        return _compact(groups["compact"])
    if groups["td"]:
        return int(groups["td"]), MONTHS[groups["tm"].lower()], year
    return int(groups["ed"]), MONTHS[groups["em"].lower()], year


def _compact(digits: str) -> tuple[int, int, str]:
    """``DDMMYY``, ``DDMMYYYY`` or — when that is no date — ``YYYYMMDD`` (``19480926``, as
    fixed-width listings and exports write it)."""
    day, month = int(digits[:2]), int(digits[2:4])
    if len(digits) == 8 and not _real(day, month) and digits[:2] in {"18", "19", "20"}:
        return int(digits[6:]), int(digits[4:6]), digits[:4]
    return day, month, digits[4:]


def _real(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


_LAST_NUMBER = re.compile(r"\d+")


class DateOfBirthRecognizer(NorwegianRecognizer):
    """Birth dates, recognised by the birth word right before them or in the question they
    answer (``lege: når er du født`` / ``pasient: 10.01.85``)."""

    ENTITY = "DATE_OF_BIRTH"
    PATTERNS = (_DATE, _BIRTH_YEAR, _HL7_BIRTH)
    CONTEXT_WORDS = context_words.DATE_OF_BIRTH.entries()

    def patterns_for(self, text: str) -> Sequence[re.Pattern[str]]:
        """Dates where a birth word may occur; the HL7 field where a PID segment does."""
        birth = (
            context.could_occur(text, context_words.DATE_OF_BIRTH)
            or context.could_occur(text, _NUMBER_ASKED)
            or "F:" in text
        )
        dates = (_DATE, _BIRTH_YEAR, _DAY_MONTH) if birth else ()
        return (*dates, _HL7_BIRTH) if "PID|" in text else dates

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """A real calendar day and month, with a birth word at most three words before or in
        the question, or in the birth field of an HL7 PID segment."""
        if match.re is _HL7_BIRTH:
            real = 1 <= int(match["hd"]) <= 31 and 1 <= int(match["hm"]) <= 12
            return (
                Verdict(SCORE, start=match.start("birth"), end=match.end("birth")) if real else None
            )
        if match.re is _BIRTH_YEAR:
            said = _right_after_birth_word(text, match.start()) or _answers(text, match.start())
            return Verdict(SCORE) if said else None
        if match.re is _DAY_MONTH:
            return self._day_month(text, match)
        day, month, year = _day_month_year(match)
        if not _real(day, month) or message_stamp(text, match):
            return None
        day_month = f"{day:02d}.{month:02d}"
        first_said = _taken_back(text, match.start())
        before = context.words_before(text, first_said, 3)
        asked = context.question_words(text, first_said)
        found = context_words.DATE_OF_BIRTH.matches_any(_split(before + asked))
        found = found or _NUMBER_ASKED.matches_any(asked) or birth_label(text, first_said)
        confirms = _confirms(text, first_said, year, day_month)
        so_far = context.remembered(text, _BIRTH_DATES_SO_FAR, _none_yet)
        repeated = any(earlier == day_month for _, earlier in so_far)
        if not (found or confirms or repeated or _listed(text, match.start())):
            return None
        so_far.append((match.end(), day_month))
        return Verdict(SCORE, end=year_taken_back(text, match.end()))

    @staticmethod
    def _day_month(text: str, match: re.Match[str]) -> Verdict | None:
        if match["nd"]:
            day, month = int(match["nd"]), int(match["nm"])
        else:
            day, month = int(match["wd"]), MONTHS[match["wm"].lower()]
        if not _real(day, month):
            return None
        if not (_right_after_birth_word(text, match.start()) or _answers(text, match.start())):
            return None
        relative = _RELATIVE_YEAR.match(text, match.end())
        return Verdict(SCORE, end=relative.end() if relative else None)


_NUMBER_ASKED = context_words.ContextWords.of(
    "fødselsnummer", "fødselsnr", "fodselsnummer", "personnummer"
)
"""A question asking for the national identity number: a date said in answer is its first six
digits, the date of birth (``hva er fødselsnummeret til barnet`` / ``fjortende i ellevte
tjueto``)."""
_TAKEN_BACK = re.compile(
    r"(?<![\w.])\d{1,2}\.\d{1,2}(?:\.(?:\d{4}|\d{2}))?(?![\w.]|\.\d)[ \t]*,?[ \t]+"
    r"(?:(?:eh|ehm|øh|øhm|altså|ja)[ \t]*,?[ \t]+)*(?:nei|unnskyld|sorry|beklager)[ \t]*,?[ \t]+"
    r"(?:(?:eh|ehm|øh|øhm|altså|det|er|var|vent)[ \t]*,?[ \t]+)*$",
    re.IGNORECASE,
)
"""A date taken back right before another: ``født 20.06 eh nei 21.06.2015`` (speech-to-text
of ``tjuende juni eh nei tjueførste juni …``)."""
_TAKEN_BACK_REACH = 60


def _taken_back(text: str, start: int) -> int:
    """Where the date said at ``start`` was first said: the start of a date taken back right
    before it, else ``start``. The birth word is looked for before the first try."""
    taken_back = _TAKEN_BACK.search(text, max(0, start - _TAKEN_BACK_REACH), start)
    return taken_back.start() if taken_back else start


_RELATIVE_YEAR = re.compile(r"[ \t]+i[ \t]+(?:fjor|fjol|år)(?!\w)", re.IGNORECASE)
"""A year said relative to today after a day and month (``25.12 i fjor``): part of the date."""


def _split(words: list[str]) -> list[str]:
    """``words`` with a column header of several words (``barnets fødselsdato``) split in
    its words, so the word that names the column's content counts."""
    return [part for word in words for part in (word.split() if " " in word else (word,))]


def _answers(text: str, start: int) -> bool:
    """``start`` opens the answer to a question with a birth word (``og du er født`` /
    ``1969 eh 12.10``)."""
    return context_words.DATE_OF_BIRTH.matches_any(context.question_words(text, start))


def _right_after_birth_word(text: str, start: int) -> bool:
    """The word right before ``start`` is a birth word, maybe with ``i`` or ``den`` between
    (``fødd i 1942``, ``født den 15.06``)."""
    before = context.words_before(text, start, 2)
    if before and before[-1] in _BIRTH_GAP:
        before = before[:-1]
    return bool(before) and context_words.DATE_OF_BIRTH.matches(before[-1])


_BIRTH_DATES_SO_FAR = "date_of_birth: found so far"
"""Per-scan memo key: where the full dates of birth judged so far end, and their day and month
(``DD.MM``): a date repeating one is read back or corrected (``fjortende i ellevte tjueto`` /
``fjortende ellevte tjueen``)."""
_YEAR_SAID = re.compile(r"(?<!\d)(?:\d{2}|\d{4})(?!\d)")
_TURNS_BACK = 2


def _said(text: str, turn: tuple[int, int], day_month: str) -> bool:
    """``day_month`` (``DD.MM``) is written in ``text[turn[0]:turn[1]]``, not inside a longer
    number."""
    return (
        re.search(rf"(?<![\d.]){re.escape(day_month)}(?!\d)", text[turn[0] : turn[1]]) is not None
    )


_ALSO_BORN = frozenset(
    """og , ho hun han hen eg jeg vi mor far mora faren kona mannen barnet sønnen sonen dottera
    dattera datteren broren bror søster syster søstera er e""".split()
)
"""What may stand between two dates of birth listed together: ``eg er fødd 1.9.48 og ho
26/1-38``."""
_MAX_LISTED_GAP = 40


def _none_yet(_: str) -> list[tuple[int, str]]:
    return []


def _confirms(text: str, start: int, year: str, day_month: str) -> bool:
    """The date opens a speaker's turn, repeats the year or the day and month (``DD.MM``) of
    the turn before, and a birth word was said in one of the two turns before: a date of birth
    read back or corrected (``fødselsdatoen hans`` / ``atten åtte åttini`` / ``attende august
    åttini``; ``han ble født`` / ``25.12 i fjor`` / ``25.12.2024``)."""
    turns = context.turns_before(text, start, _TURNS_BACK)
    if not turns:
        return False
    said = _YEAR_SAID.findall(text, *turns[0])
    same_year = any(number[-2:] == year[-2:] for number in said)
    if not (same_year or _said(text, turns[0], day_month)):
        return False
    return any(
        context_words.DATE_OF_BIRTH.matches_any(context.words_after(text, turn_start, 12))
        for turn_start, _ in turns
    )


def _listed(text: str, start: int) -> bool:
    """A date of birth ends shortly before, on the same line, and only ``og``, a comma,
    pronouns and family words stand between (``fødd 1.9.48 og ho 26/1-38``)."""
    so_far = context.remembered(text, _BIRTH_DATES_SO_FAR, _none_yet)
    ends = [end for end, _ in so_far if end <= start]
    if not ends or start - ends[-1] > _MAX_LISTED_GAP or "\n" in text[ends[-1] : start]:
        return False
    gap = text[ends[-1] : start].replace(",", " , ").lower().split()
    return bool(gap) and gap[0] in {"og", ","} and all(word in _ALSO_BORN for word in gap)
