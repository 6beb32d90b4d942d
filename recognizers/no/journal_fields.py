"""Record numbers in the fields systems write them to, for :mod:`recognizers.no.journalnummer`.

A log, an API payload or a file list names a patient's local id by where it stands, not by
a label word right before it:

- a URL path segment after a patient segment (``GET /kurve/pasient/HB7720914/oversikt``);
- a JSON field whose key names the patient or a record id (``"pasient":"VV-611209"``,
  ``"patientRef": "4410927"``);
- an identifier of a FHIR ``Patient`` resource (``"identifier":[{"system":…,"value":
  "PAS-00918843"}]``): every one is the patient's, a fødselsnummer is left to its own
  recognizer;
- a document named after the record number (``Kurve_5120097.pdf``, ``Epikrise-4410927``),
  and the wristband or label that prints it (``armbåndet viser 5071134``, ``Etiketter
  5120113``).

It also says when a label is taken: its own value stands between it and a later number
(``jnr=8801290 HTTP/1.1" 404 88``: the status and size of a log line are no record number).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from recognizers.no import context_words, journal_echoes
from recognizers.no.base import Verdict

NEEDLES = ("/pasient", "/patient", "/pas/", '"identifier"', "armbånd", "etikett")
"""Strings one of which a text must hold for a field of this module (beyond the label words
of the others) to label a number; a document name needs only an underscore
(:data:`FILE_ID`)."""

_PATIENT_WORDS = frozenset({"pasient", "patient", "pas", "pasienten", "patients", "pasienter"})
_RECORD_KEY_WORDS = frozenset(
    """id mrn pid jnr pasnr pasientnr pasientnummer journalnr journalnummer arkivnr pasid
    pasientid patientid ref nr no number nummer""".split()
)
_NOT_PATIENT_KEY = (
    *"""ordre order lot batch faktura invoice rekv prøve prove sample avvik sak versjon version
    bruker user kunde customer vare produkt sporing tracking melding message msg transaksjon
    transaction session sesjon request event hendelse device enhet org her hpr fnr lege
    doctor""".split(),
)
_KEY_PARTS = re.compile(r"[\s_\-.]+|(?<=[a-zæøå])(?=[A-ZÆØÅ])")

URL_ID = re.compile(
    r"(?i)/(?:pasient|pasienter|patient|patients|pas)/"
    r"(?P<id>[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå\-]{2,24})(?=[/?#;\"'\s]|$)"
)
"""A path segment right after a patient segment of a URL (a REST path names the resource,
then its id)."""
FILE_ID = re.compile(r"_(?P<id>\d{5,12})(?!\d)")
"""Digits joined by an underscore to a word: a file or document name, when the word names a
patient's document (:data:`_DOCUMENT_WORDS`)."""
_DOCUMENT_WORDS = frozenset(
    """kurve kurveark epikrise journal journalnotat notat henvisning etikett etiketter
    armbånd pasient patient pas innkalling prøvesvar labsvar rtg røntgen samtykke resept
    sykemelding legeerklæring timeliste medisinkort""".split()
)
_DOCUMENT_VALUE = re.compile(
    r"(?i)(?:kurve|kurveark|epikrise|journalnotat|henvisning|etiketter|etikett|innkalling"
    r"|prøvesvar|labsvar)-\d{5,12}"
)
"""A document word joined by a dash to the digits (``Epikrise-4410927``), one run."""
_WORD_BEFORE = re.compile(r"[^\W\d_]{2,20}\Z")
_JSON_KEY = re.compile(r"\"([^\"\\\n]{1,40})\"[ \t]*:[ \t]*\"?\Z")
_FHIR_VALUE = re.compile(r"\"value\"[ \t]*:[ \t]*\"\Z")
_FHIR_IDENTIFIER = re.compile(r"\"identifier\"[ \t]*:[ \t]*\[")
_FHIR_PATIENT = re.compile(r"\"resourceType\"[ \t]*:[ \t]*\"Patient\"")
_FHIR_REACH = 400
_CARRIER = re.compile(
    r"(?i)(?<![\w\-])(?:pasient)?(?:armbånd|armbåndet|id-bånd|id-båndet|etikett|etiketten"
    r"|etiketter|etikettene)(?:[ \t]+(?:viser|sier|har|står[ 	]+på|står|med))?[ \t]*:?[ \t]*\Z"
)
"""A patient's wristband or printed label, perhaps with a verb (``armbåndet viser``)."""
_MOBILE = re.compile(r"[49]\d{7}")
_DATE_DIGITS = re.compile(
    r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d"
)
_FNR_DIGITS = 11
_FIELD_REACH = 48
_MIN_DIGITS = 5
_MIN_CARRIED = 6
_MAX_CARRIED = 10


def _digits(value: str) -> int:
    return sum(map(str.isdigit, value))


def _id_shaped(value: str) -> bool:
    """Five digits or more, or a letter and three digits or more; no mobile number, no
    date written as digits, no fødselsnummer (its own recognizer's)."""
    digits = _digits(value)
    if any(c.isalpha() for c in value):
        return digits >= 3
    if digits < _MIN_DIGITS or digits == _FNR_DIGITS:
        return False
    return not _MOBILE.fullmatch(value) and not _DATE_DIGITS.fullmatch(value)


def url_id(match: re.Match[str]) -> bool:
    """A :data:`URL_ID` match holds a record number: the segment is id-shaped."""
    return _id_shaped(match.group("id"))


def file_id(text: str, match: re.Match[str]) -> bool:
    """A :data:`FILE_ID` match names a patient's document after its record number: the word
    before the underscore is a document word, the digits are no date."""
    word = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start())
    if word is None or word.group().lower() not in _DOCUMENT_WORDS:
        return False
    return _id_shaped(match.group("id"))


def judge(text: str, match: re.Match[str], score: float) -> Verdict | None:
    """A :data:`URL_ID` or :data:`FILE_ID` match that holds a record number: the id alone is
    reported, and remembered for its echoes."""
    found = url_id(match) if match.re is URL_ID else file_id(text, match)
    if not found:
        return None
    journal_echoes.values_so_far(text).add(match.group("id"))
    return Verdict(score, {"field": "path"}, start=match.start("id"), end=match.end("id"))


def labelled_in_field(text: str, start: int, value: str) -> bool:
    """A JSON key, a FHIR patient identifier, a document name or a wristband says the
    ``value`` at ``start`` is a patient's record number."""
    if _DOCUMENT_VALUE.fullmatch(value):
        return True
    if not _id_shaped(value):
        return False
    window = max(0, start - _FIELD_REACH)
    before = text[window:start]
    if '":' in before or '" :' in before:
        key = _JSON_KEY.search(text, window, start)
        if key is not None and _patient_key(key.group(1)):
            return True
        if _FHIR_VALUE.search(text, window, start) is not None and _fhir_identifier(text, start):
            return True
    return _carried(text, window, start, value)


def _carried(text: str, window: int, start: int, value: str) -> bool:
    """A wristband or printed label right before the bare digits of ``value``."""
    if not value.isdigit() or not _MIN_CARRIED <= len(value) <= _MAX_CARRIED:
        return False
    lowered = text[window:start].lower()
    if "armb" not in lowered and "id-b" not in lowered and "etikett" not in lowered:
        return False
    return _CARRIER.search(text, window, start) is not None


def _patient_key(key: str) -> bool:
    """A key naming the patient or a record id (``pasient``, ``patientRef``, ``pas_nr``),
    not another thing's id (``user.id``, ``orderId``)."""
    parts = [part.lower() for part in _KEY_PARTS.split(key) if part]
    if not parts or any(part.startswith(_NOT_PATIENT_KEY) for part in parts):
        return False
    if context_words.JOURNALNUMMER.matches(key.lower()):
        return True
    if not any(part in _PATIENT_WORDS for part in parts):
        return False
    return all(part in _PATIENT_WORDS or part in _RECORD_KEY_WORDS for part in parts)


def _fhir_identifier(text: str, start: int) -> bool:
    """``start`` is inside the open ``identifier`` array of a FHIR ``Patient``."""
    window = max(0, start - _FHIR_REACH)
    opened = None
    for found in _FHIR_IDENTIFIER.finditer(text, window, start):
        opened = found
    if opened is None or "]" in text[opened.end() : start]:
        return False
    return _FHIR_PATIENT.search(text) is not None


_TAKEN = re.compile(r"\d(?:\D*\d){4}")
"""Five digits or more in one word."""


def label_taken(words: list[str], is_label: Callable[[str], bool]) -> bool:
    """Among ``words`` (nearest last), a word holding five digits or more stands after the
    last label: that label's own value, so it labels nothing further (``jnr=8801290
    HTTP/1.1" 404 88``). ``is_label``: a predicate on one word."""
    valued = [index for index, word in enumerate(words) if _TAKEN.search(word)]
    if not valued:
        return False
    for index in range(len(words) - 1, -1, -1):
        if is_label(words[index]):
            return valued[-1] > index
    return False
