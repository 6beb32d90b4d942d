"""More labels and shapes of local record numbers, for :mod:`recognizers.no.journalnummer`.

Record numbers are local to each hospital and come in many shapes; recall first, the label
decides. This module adds:

- labels the general word list lacks: the archive number (``arkivnr``), the record system's
  name (``DIPS 2218831``, ``ref=EPJ:1190384``), a patient reference (``patient_ref``,
  ``pasientreferanse``);
- weak labels that count only right before an id-shaped value: ``pasient J-448190``,
  ``patient=VV-611209``, ``Ang pas SI 3309125``, ``(PNR ST-338921)`` — the patient word
  followed by a code with digits is the patient's number (``pnr`` only before a value with
  letters: eleven digits after it are a personnummer);
- a table column whose header names an identifier (``DIPS-id``, ``PAS_ID``, ``Gammelt ID``,
  ``Pasient (MRN)``) unless it names something else (order, lot, sample …);
- a hospital prefix before the digits, apart by a space or with Norwegian letters
  (``HMR 7720915``, ``OUS 12-0044871``, ``St.O. 882109``, ``TØN/08812``, ``EP#0044718``):
  the prefix belongs to the number when the label stands before it;
- a number read out in words (``sju-sju-null-en-to-åtte``) after a label;
- the record word, then ``nummer`` (``journal hos oss har nummer UNN-0339021``), and a
  record word right before a number with a short letter prefix (``journal VV-502118``).
"""

from __future__ import annotations

import re

from recognizers.no import context, context_words
from recognizers.no.context_words import ContextWords

LABELS = ContextWords.of(
    *"""arkivnr arkivnummer arkiv-nr dips-id dipsid epj-id pasientref
    pasientreferanse patient_ref patient-ref patientref pasient_ref pas_id pas-id
    patient_no""".split()
)
"""Record-number labels beyond :data:`context_words.JOURNALNUMMER`, read as it is (three
words before, or the column header)."""
_WEAK = frozenset({"pasient", "patient", "pas", "pasienten", "dips", "epj"})
"""Patient words, and the record system's name, that label an id-shaped value right after
them (only then: ``MSH|^~\\&|EPJ|SUS|||202410181104`` names the sending system)."""
_WEAK_GAP = re.compile(r"[^\W\d_]\.?[ \t]*[:=]?[ \t]*#?\Z")
"""Only a space, ``:`` or ``=`` between a weak label and its value: no field separator."""
_WEAK_GAP_REACH = 16
_WEAK_MIN_DIGITS = 5
_SPEAKER_LABEL = re.compile(r"[ \t>]*[^\W\d_]+[ \t]*:[ \t]*\Z")
_MOBILE = re.compile(r"[49]\d{7}")
"""Eight digits opening with 4 or 9 after a patient word: a mobile number (``ring pasient
91234567``), the phone recognizer's."""
_PNR = frozenset({"pnr"})
"""``pnr`` is a personnummer's label too: it labels a record number only with letters."""
_PAS_NEEDLES = ("pas ", "pas.", "pas_", "pas-", "pas:", "pas=")
_ID_NEEDLES = (" id", "\tid", "\nid", "_id", "-id", "|id", ";id", ",id", "(id")
"""``id`` as a word or a compound's last part (a column header): the bare two letters are in
too many words to be worth a scan."""
NEEDLES = ContextWords(
    (*LABELS.prefixes, "pasient", "patient", "pnr", "dips", "epj", *_PAS_NEEDLES, *_ID_NEEDLES),
    LABELS.exact,
    frozenset(),
)
"""Strings one of which a text must hold for any label of this module to match."""

_HEADER_PARTS = re.compile(r"[\s_()\[\]\-/.#:]+")
_ID_HEADER_WORDS = frozenset(
    """id ids mrn pid jnr pasnr pasientnr pasientnummer dips epj journalnr journalnummer
    arkivnr pasid pasientid patientid""".split()
)
_RECORD_HEADER_WORDS = _ID_HEADER_WORDS - {"id", "ids"}
_NOT_PATIENT_HEADER = tuple(
    """ordre order lot batch faktura invoice rekvisisjon rekv prøve prove sample avvik sak
    saks saksnr versjon version bruker user kunde customer vare artikkel produkt sporing
    tracking melding message msg transaksjon transaction session sesjon request event
    hendelse device enhet org her hpr fnr""".split()
)
"""Header words that say the id column holds something other than a patient's record."""

_LETTER = "A-ZÆØÅ"
_PREFIX_START = rf"(?<![\w\-/#])(?<![{_LETTER}]\.)"
PREFIXED = re.compile(
    rf"{_PREFIX_START}(?P<prefix>(?:[{_LETTER}][a-zæøå]?\.){{2,3}}|[{_LETTER}]{{2,5}})[ ]"
    r"(?P<digits>\d+(?:[\-/]\d+)?)(?![\w\-/]|[.,]\d)"
    rf"|{_PREFIX_START}(?P<joined>[{_LETTER}]{{1,5}}[\-/#]?)(?P<tail>\d+(?:[\-/]\d+)?)"
    r"(?![\w\-/]|[.,]\d)"
)
"""A hospital prefix before the digits: upper-case letters or an abbreviation with dots
(``St.O.``) and a space, or letters (Norwegian ones too) joined to the digits, perhaps by a
dash, slash or ``#``."""
_ASCII_JOINED = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-/]*")
_MIN_PREFIXED_DIGITS = 4

_DIGIT_WORD = (
    r"(?:null|en|én|ein|éin|to|tre|fire|fem|seks|sju|syv|sjutte|åtte|ni|one|two|three|four"
    r"|five|six|seven|eight|nine|zero)"
)
SPOKEN = re.compile(rf"(?i)(?<![\w\-]){_DIGIT_WORD}(?:[\- ]{_DIGIT_WORD}){{4,11}}(?![\w\-])")
"""Five to twelve digits read out as words, apart by dashes or spaces."""

_NUMBER_WORDS = frozenset({"nummer", "nummeret", "nr", "no", "number"})
_RECORD_PHRASE_REACH = 5
_NUMBER_WORD_BEFORE = re.compile(r"(?i)(?<!\w)(?:nummer|nummeret|nr|no|number)\.?[ \t:]*\Z")
_SHORT_PREFIX_VALUE = re.compile(rf"[{_LETTER}a-zæøå]{{1,4}}[\-/#]?\d{{5,}}")
"""A short letter prefix and one run of five digits or more (``VV-502118``); a longer layout
(``SNV-2024-000042``) is a site's own format, for its YAML recognizer."""
_DATE_SHAPED = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[\-/.]\d{1,2}[\-/.]\d{2,4}")
_FNR_DIGITS = 11


_OWN = ContextWords(
    context_words.JOURNALNUMMER.prefixes + LABELS.prefixes,
    context_words.JOURNALNUMMER.exact
    | context_words.JOURNAL_COLUMN.exact
    | LABELS.exact
    | _WEAK
    | _PNR
    | {"journalen", "journalene", "journaler"},
    context_words.JOURNALNUMMER.phrases,
)
_OTHER = ContextWords.of(
    *context_words.ORDER_NUMBER.prefixes,
    *(f"{word}$" for word in sorted(context_words.ORDER_NUMBER.exact)),
    *"""avvik avviksnr rekvisisjon rekv.nr rekvnr prøvenr versjon version kl$ klokka
    klokken""".split(),
)
"""Words that say a number is something else (an order, a lot, a deviation report, a
requisition, a version, a time of day)."""


def said_otherwise(text: str, start: int) -> bool:
    """A word of :data:`_OTHER` among the three words before ``start``, no record label
    nearer (``journalnummer 7760221. Avvik 2024-355``: the second is a deviation report)."""
    return context.labelled_otherwise(text, start, _OWN, _OTHER)


def could_occur(lowered_text: str) -> bool:
    """Could any label of this module occur in the (lower-cased) text?"""
    return NEEDLES.might_occur(lowered_text)


def labelled_here(text: str, start: int, value: str) -> bool:
    """A label of this module for the id-shaped ``value`` at ``start``: a :data:`LABELS`
    word among the three words before, a patient word right before, an identifier column
    header, or the record word then ``nummer``."""
    if _DATE_SHAPED.fullmatch(value):
        return False
    before = context.words_before(text, start, 3)
    if LABELS.matches_any(before):
        return True
    if before and before[-1] == "#":  # ``pas. #2201877``
        before = before[:-1]
    if before and _weak_label(before[-1], value) and _weak_gap(text, start, value):
        return True
    header = context.column_header(text, start)
    if header is not None and id_header(header, value):
        return True
    if header is None and _first_column_labelled(text, start, value):
        return True
    return _record_number_phrase(text, start)


def _weak_label(word: str, value: str) -> bool:
    digits = sum(map(str.isdigit, value))
    has_letter = any(c.isalpha() for c in value)
    if word in _PNR:  # 5 digits, or 6 + 5, or 11: a personnummer (or a fødselsnummer)
        return has_letter or _WEAK_MIN_DIGITS + 1 < digits < _FNR_DIGITS
    if word not in _WEAK:
        return False
    if has_letter:
        return True
    return digits >= _WEAK_MIN_DIGITS and digits != _FNR_DIGITS and not _MOBILE.fullmatch(value)


def _weak_gap(text: str, start: int, value: str) -> bool:
    """Only a space, ``:`` or ``=`` between the weak label and the value, and, before bare
    digits, the label is no speaker's name opening a line (``pasient: 35041`` is the
    patient answering; ``Pasient: KV-118204`` is a form's field)."""
    gap = _WEAK_GAP.search(text, max(0, start - _WEAK_GAP_REACH), start)
    if gap is None:
        return False
    if ":" not in gap.group() or not value.isdigit():
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return _SPEAKER_LABEL.match(text, line_start, start) is None


def id_header(header: str, value: str) -> bool:
    """A column header naming an identifier of a patient's record (``DIPS-id``, ``PAS_ID``,
    ``Pasient (MRN)``), not of an order, a lot, a user …; a bare ``ID`` (``Gammelt ID``)
    only above a value with a letter or five digits or more (``5512`` is a row's number)."""
    parts = [part for part in _HEADER_PARTS.split(header.lower()) if part]
    if any(part.startswith(_NOT_PATIENT_HEADER) for part in parts):
        return False
    if parts == ["pnr"]:  # a patient number, unless a personnummer's five digits
        return _weak_label("pnr", value)
    if any(part in _RECORD_HEADER_WORDS or part in _WEAK for part in parts):
        return any(part in _ID_HEADER_WORDS for part in parts)
    if not any(part in _ID_HEADER_WORDS for part in parts):
        return False
    digits = sum(map(str.isdigit, value))
    return digits >= _WEAK_MIN_DIGITS or any(c.isalpha() for c in value)


def _record_number_phrase(text: str, start: int) -> bool:
    """``journal(en) … nummer X``: a number word right before, a record word a few words
    before it."""
    if _NUMBER_WORD_BEFORE.search(text, max(0, start - _WEAK_GAP_REACH), start) is None:
        return False
    words = context.words_before(text, start, _RECORD_PHRASE_REACH)
    if not words or words[-1] not in _NUMBER_WORDS:
        return False
    return context_words.JOURNAL_COLUMN.matches_any(words[:-1]) or any(
        word.startswith("journal") or context_words.JOURNALNUMMER.matches(word)
        for word in words[:-1]
    )


def record_word_before(text: str, start: int, value: str) -> bool:
    """The record word right before a value with a short letter prefix (``journal
    VV-502118``)."""
    if _SHORT_PREFIX_VALUE.fullmatch(value) is None:
        return False
    words = context.words_before(text, start, 1)
    return bool(words) and words[-1].startswith("journal")


def prefixed_worth_judging(match: re.Match[str]) -> bool:
    """A :data:`PREFIXED` match worth judging: at least four
    digits, and not a plain ASCII code the general pattern reads already, nor a label
    itself before the number (``PID 55190``: the number alone is the id)."""
    if match.group("prefix") is not None:
        prefix, digits = match.group("prefix"), match.group("digits")
    else:
        prefix, digits = match.group("joined"), match.group("tail")
        if _ASCII_JOINED.fullmatch(match.group()) and "#" not in prefix:
            return False
    if sum(map(str.isdigit, digits)) < _MIN_PREFIXED_DIGITS:
        return False
    return not _other_kind_label(prefix.rstrip("-/#. ").lower())


def _other_kind_label(word: str) -> bool:
    return (
        context_words.FODSELSNUMMER.matches(word) or context_words.HPR.matches(word) or word in _PNR
    )


def spoken_digits(value: str) -> int:
    """How many digits the words of a :data:`SPOKEN` match read out."""
    return len(re.split(r"[\- ]", value))


_CONTRAST = re.compile(
    r"[\"'»«]?[ \t,]*(?:but[ \t]+)?(?:got|fikk|received|mottok|mottatt|actual|found|fant|vs\.?"
    r"|versus|men[ \t]+fikk|instead[ \t]+of|i[ \t]+stedet[ \t]+for)[ \t:=]*[\"'»«]?\Z",
    re.IGNORECASE,
)
_CONTRAST_REACH = 32


def contrasted(text: str, start: int, labelled_ends: list[int]) -> bool:
    """A labelled value ends right before, with only a word of contrast between (``expected
    "000739184" got "793184"``, ``4410928 vs 4410982``): the value is one of the same kind,
    a log's mismatch or a mix-up."""
    window = max(0, start - _CONTRAST_REACH)
    for end in labelled_ends:
        if window <= end <= start and _CONTRAST.match(text, end, start) is not None:
            return True
    return False


_LINE_HEAD = re.compile(r"[ \t]*(\S+(?:[ ]\S+)*?)(?:[ ]{2,}|\t|[ ]*$)", re.MULTILINE)
_MAX_ROWS_UP = 60


def _first_column_labelled(text: str, start: int, value: str) -> bool:
    """``value`` opens its line, the lines above it open with id-shaped values too, and the
    line above them all (the header) opens with a record-number label (``Pasnr   Navn
    HbA1c`` over ``0041182 Rasmussen, Jostein  58``): a listing whose header
    :func:`context.column_header` cannot read (it has digits, or the rows do not line up)."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    end = line_start - 1
    for _ in range(_MAX_ROWS_UP):
        if end < 0:
            return False
        previous = text.rfind("\n", 0, end) + 1
        head = _LINE_HEAD.match(text, previous, end)
        if head is None:
            return False
        cell = head.group(1)
        if not any(c.isdigit() for c in cell):
            words = cell.lower().split()
            return (
                context_words.JOURNALNUMMER.matches_any(words)
                or LABELS.matches_any(words)
                or id_header(cell, value)
            )
        end = previous - 1
    return False


_SPOKEN_OPENING = 12


def asked_before(text: str, start: int) -> bool:
    """A number read out in words within the first dozen words of a speaker's turn, and the
    turn before names a record number (``sekretær: har du journalnummeret`` / ``innringer:
    ja det står på brevet ja det er tre sju …``)."""
    for first, last in context.turns_before(text, start, 1, _SPOKEN_OPENING):
        words = [word.strip(".,?!:;").lower() for word in text[first:last].split()]
        if context_words.JOURNALNUMMER.matches_any(words) or LABELS.matches_any(words):
            return True
    return False
