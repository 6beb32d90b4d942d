"""Model PERSON spans that cannot be names where they stand: ordinary lower-case words, and
cells of a table column that holds no names.

* Lower case: in speech-to-text transcripts and chat every word is lower case, and the model
  takes some ordinary ones for names (``har kols``, ``hemoglobin``, ``over åtti``,
  ``allmenntilstanden``). A span of lower-case words is dropped when every word is an
  ordinary word (:func:`recognizers.no.person_lexicon.is_ordinary`, a clinical ending such as
  ``-metri`` or ``-emboli``, a number said as a word) and none is a known first name or
  surname (``vold``, ``rønning`` and ``bo`` stay), unless a person cue comes right before it
  (``bakvakt vold``; a speaker label such as ``lege:`` is no cue).
  A word with a dot, ``@`` or digit (a user name, an address) is never ordinary here.
  A lower-case span with a vowelless part of three letters or more (``gpt-dep``, ``llm``)
  is an abbreviation or an identifier, not a name.
* Never names: one word that is an interjection, a hesitation or a chat abbreviation, in any
  case (:mod:`recognizers.no.person_speech`: ``Oj``, ``eh``, ``Evt``); a keyword of a message
  format or log, a country, a meeting room or a supplier
  (:mod:`recognizers.no.person_protocol`: ``BEGIN:VEVENT``, ``Return-Path``, ``Traceback``).
* Code: snake-case column or variable names with no known name in them (``pasient_id``,
  ``SELECT pasient_id``); a user name made of a name stays (``lege_sunniva``).
* Codes and durations: a short code in capitals in a field of an HL7 v2 segment
  (``|FTH|``), a number in words and a unit of time (``two weeks``, ``tre uker``).
* Diagnoses: one word that is no known name before an ICD-10 or ICPC-2 code in brackets
  (``Fibroadenom (D24)``).
* Places and grades: one lower-case word after ``fra`` that is a known place and no known
  name (``han fra bardu``), and a short ALL-CAPS abbreviation before a grade or stage
  (``celleprøven var CIN tre``, ``NYHA 2``).
* Tables: a cell under a column header is a name only under a header that may head names
  (``Navn``, ``Pasient``, ``Ansvarlig lege``, ``Kontaktperson``, ``Hvem`` …) or when it looks
  like one: a known first name or surname in it. A cell under ``Diagnose``, ``Prosedyre``,
  ``Vaksine``, ``Kommentar`` or ``Type`` that is no known name (``| Karpaltunnel |``,
  ``| Influvac Tetra |``) is dropped. Column headers come from
  :func:`recognizers.no.context.column_header` (linear in a table's length inside a
  :func:`recognizers.no.context.scanning` block).
"""

from __future__ import annotations

import re

from recognizers.ner.not_names import NAME_WORDS, after_person_cue
from recognizers.ner.prefilter import VOWELS
from recognizers.no.context import column_header
from recognizers.no.names import SURNAMES
from recognizers.no.person_lexicon import is_compound, is_number_word, is_ordinary
from recognizers.no.person_protocol import is_protocol_span
from recognizers.no.person_qualify import CLINICAL_ENDINGS, MIN_TERM_LETTERS
from recognizers.no.person_speech import (
    CHAT_ABBREVIATIONS,
    ENGLISH_NUMBERS,
    HESITATIONS,
    INTERJECTIONS,
)
from recognizers.no.person_words import STRUCTURAL
from recognizers.no.places import is_location

_SPOKEN_NON_NAMES = (INTERJECTIONS | CHAT_ABBREVIATIONS | HESITATIONS) - NAME_WORDS
_NUMBER_WORDS = ENGLISH_NUMBERS | frozenset({"a", "an", "one", "en", "ei", "ett"})
_PLAIN_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_WORDS = re.compile(r"[^\W\d_]+")
_SPEAKER_LABEL = re.compile(r"[ \t]*[^\W\d][\w.]*[ \t]*:[ \t]*")
"""A transcript's speaker label (``lege:``): a role word, but no cue for the word after it."""
PERSON_HEADER_WORDS = frozenset(
    "hvem kven who mor far fra til av by from to sign signatur vakt staff ansatt ansvarlig "
    "beboer bebuar klient client foresatt forelder pasient pasienten patient pårørende "
    "pårørande bruker brukar user behandler avsender mottaker doctor nurse kontakt".split()
)
"""Header words under which names may stand (``Utført av``, ``Sendt til``, ``Hvem``)."""
PERSON_HEADER_ENDINGS = (
    "navn",
    "namn",
    "name",
    "lege",
    "legen",
    "pleier",
    "pleiar",
    "terapeut",
    "person",
    "ansvarlig",
)
"""Endings of such header words (``Pasientnavn``, ``Fastlege``, ``Kontaktperson``)."""
_HEADER_WORD = re.compile(r"[^\W\d_]+")


def _may_head_names(header: str) -> bool:
    return any(
        word in PERSON_HEADER_WORDS or word.endswith(PERSON_HEADER_ENDINGS)
        for word in _HEADER_WORD.findall(header)
    )


def is_no_model_name(text: str, start: int, end: int) -> bool:
    """True when the model's PERSON span ``text[start:end]`` is no name (module docstring)."""
    return (
        text[start:end].lower() in _SPOKEN_NON_NAMES
        or is_protocol_span(text, start, end)
        or _code_identifier(text, start, end)
        or _hl7_code(text, start, end)
        or _number_of_units(text, start, end)
        or _ordinary_lower_case(text, start, end)
        or _vowelless_lower_case(text, start, end)
        or _place_after_from(text, start, end)
        or _graded_abbreviation(text, start, end)
        or _coded_diagnosis(text, start, end)
        or _in_other_column(text, start, end)
    )


_FROM = frozenset({"fra", "frå"})


def _place_after_from(text: str, start: int, end: int) -> bool:
    """One lower-case word after ``fra`` that is a known place and no known name (``han fra
    bardu``): where someone comes from, not who (``hilsen fra kari`` stays)."""
    value = text[start:end]
    if not (value.islower() and _PLAIN_WORD.fullmatch(value)) or _is_known(value):
        return False
    before = text[max(0, start - 8) : start]
    previous = before.split()[-1:] if before.endswith(" ") else []
    return bool(previous) and previous[0] in _FROM and is_location(value)


_GRADE_NEXT = re.compile(r"[ \t]+(?:[0-9]|I{1,3}|IV|en|ett|to|tre|fire|fem|ein|eitt)(?!\w)")
_MAX_GRADED_LETTERS = 5


def _graded_abbreviation(text: str, start: int, end: int) -> bool:
    """A short ALL-CAPS word before a grade or stage (``CIN tre``, ``NYHA 2``, ``GOLD III``):
    a classification, not a name shouted; a known name stays (``KARI 3 år``)."""
    value = text[start:end]
    return (
        value.isalpha()
        and value.isupper()
        and 2 <= len(value) <= _MAX_GRADED_LETTERS
        and not _is_known(value.lower())
        and bool(_GRADE_NEXT.match(text, end))
    )


_CODE_NEXT = re.compile(r"[ \t]*\([A-Z]\d{2}(?:\.\d{1,2})?\)")


def _coded_diagnosis(text: str, start: int, end: int) -> bool:
    """One word that is no known name before an ICD-10 or ICPC-2 code in brackets
    (``Fibroadenom (D24)``): a diagnosis."""
    value = text[start:end]
    return " " not in value and not _is_known(value.lower()) and bool(_CODE_NEXT.match(text, end))


def _vowelless_lower_case(text: str, start: int, end: int) -> bool:
    """A lower-case span with a part of three letters or more and no vowel (``gpt-dep``,
    ``llm``): an abbreviation or an identifier, not a name said or typed in lower case."""
    value = text[start:end]
    if not value.islower():
        return False
    return any(
        len(part) >= 3 and VOWELS.isdisjoint(part) and not _is_known(part)
        for part in _WORDS.findall(value)
    )


def _is_known(lowered: str) -> bool:
    return lowered in NAME_WORDS or lowered in SURNAMES


def _ordinary_lower_case(text: str, start: int, end: int) -> bool:
    words = text[start:end].split()
    if not words or not all(w.islower() and _PLAIN_WORD.fullmatch(w) for w in words):
        return False
    for word in words:
        if _is_known(word) or not (is_ordinary(word) or is_compound(word) or _is_term(word)):
            return False  # ``trappeheis``, ``dusjstol``: ordinary words run together
    if words[0] in _SPOKEN_NON_NAMES:  # ``hudlege pga eksem``: no name follows the cue
        return True
    return not after_person_cue(text, start) or bool(
        _SPEAKER_LABEL.fullmatch(text, _line_start(text, start), start)
    )


def _code_identifier(text: str, start: int, end: int) -> bool:
    """A column or variable name in snake case with no known name in it (``pasient_id``,
    ``SELECT pasient_id``), maybe after an SQL keyword; ``lege_sunniva`` stays."""
    words = text[start:end].split()
    snake = [w for w in words if "_" in w.strip(",;()")]
    if not snake or any(w not in STRUCTURAL and w not in snake for w in words):
        return False
    return not any(
        _is_known(part.lower()) for w in snake for part in w.strip(",;()").split("_") if part
    )


_HL7_LINE = re.compile(r"[A-Z][A-Z0-9]{2}\|")
_HL7_CODE_LETTERS = 4


def _hl7_code(text: str, start: int, end: int) -> bool:
    """A short code in capitals filling a field of an HL7 v2 segment (``NK1|2|…|FTH|``: the
    relation), no known name."""
    value = text[start:end]
    line_start = _line_start(text, start)
    return (
        value.isalpha()
        and value.isupper()
        and len(value) <= _HL7_CODE_LETTERS
        and bool(_HL7_LINE.match(text, line_start))
        and text[start - 1 : start] in ("|", "^")
        and text[end : end + 1] in ("|", "^")
        and not _is_known(value.lower())
    )


_UNITS = frozenset(
    "day days week weeks month months year years hour hours minute minutes "
    "dag dager døgn uke uker veke veker måned måneder månad månader år time timer".split()
)


def _number_of_units(text: str, start: int, end: int) -> bool:
    """A number said in words and a unit of time (``two weeks``, ``tre uker``): a duration."""
    words = text[start:end].lower().split()
    return (
        len(words) == 2
        and words[1] in _UNITS
        and (words[0] in _NUMBER_WORDS or is_number_word(words[0]))
    )


def _is_term(word: str) -> bool:
    """A clinical term by its ending (``lungeemboli``, ``gastroskopi``)."""
    return len(word) >= MIN_TERM_LETTERS and word.endswith(CLINICAL_ENDINGS)


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _in_other_column(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if not any(d in line for d in ("|", "\t", ";", ",")):
        return False
    header = column_header(text, start)
    if header is None or _may_head_names(header):
        return False
    return not any(_is_known(w.lower()) for w in _WORDS.findall(text[start:end]))
