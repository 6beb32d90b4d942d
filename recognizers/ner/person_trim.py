"""Cut a PERSON span from the NER model down to the parts that may be names.

The model sometimes stretches a PERSON span over a sentence boundary (``CRP 145. Behandlende
lege Ola Hansen``), over a code, lab test or number (``F32.1. Pasienten Kåre Lien``), or tags
a word that is capitalised only because it opens a sentence, a heading or an instruction to
the LLM (``Oppsummer:``, ``Epikrisen``, ``Innkomststatus: Redusert``). :func:`trim_person`
splits such a span at sentence punctuation, line breaks and words that are never part of a
name, trims instruction verbs and ordinary words off the ends of each part and drops a part
only when nothing in it can be a name.

Recall comes first: a false positive costs one pseudonym that is restored in the answer, a
leak is forever. So a part is dropped only when every word of it is known vocabulary
(``common_words.txt``, ``clinical_words.txt``, the Ordbank lexicon) and something explains
its capital: it opens a text, line, sentence or field, follows a number or code, is a field
label, or stands on a line written in capitals. A listed surname is never ordinary; a word that
may be a first name is never ordinary, nor is a capitalised word of one or two letters
(``Bo``, ``Do``, ``Li``); and a capitalised word is trimmed off the start of a part only when
it is in the hand-written lists, since NorNE's vocabulary holds surnames (``Strand``). Drugs,
eponyms and streets are :func:`recognizers.ner.not_names.is_not_a_person`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from recognizers.ner.date_words import is_date_word
from recognizers.ner.not_names import KNOWN_DRUGS, NAME_WORDS, after_person_cue
from recognizers.no.names import SURNAMES, read_words
from recognizers.no.person_lexicon import is_number_word, is_ordinary
from recognizers.no.person_markup import is_mail_header_word
from recognizers.no.person_tokens import after_speaker_label
from recognizers.no.person_words import DICTATION_WORDS

_HERE = Path(__file__).resolve().parent


def read_sections(path: Path) -> dict[str, frozenset[str]]:
    """The words of each ``## name`` section of a word-list file (``#`` lines are comments)."""
    sections: dict[str, set[str]] = {}
    words: set[str] = sections.setdefault("", set())
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            words = sections.setdefault(line[3:].strip(), set())
        elif not line.startswith("#"):
            words.update(line.split())
    return {name: frozenset(found) for name, found in sections.items()}


_SECTIONS = read_sections(_HERE / "clinical_words.txt")
INSTRUCTION_VERBS = _SECTIONS["instruction verbs"] - NAME_WORDS
"""Imperatives that open an instruction to the LLM (``Oppsummer``, ``Summarize``, ``Skriv``)."""
NAME_VERBS = frozenset({"finn"}) | (_SECTIONS["instruction verbs"] & NAME_WORDS)
"""Imperatives that are also first names (``Finn``): instructions only before an object
(``_OBJECT_OPENERS``). Not in ``clinical_words.txt``, which says what is never a name."""
MEASURES = _SECTIONS["lab tests and units"]
"""Lab tests and units (``CRP``, ``HbA1c``, ``mg``): never part of a name."""
CURATED_WORDS = frozenset().union(*_SECTIONS.values()) - NAME_WORDS
"""The hand-written vocabulary: safe to trim off the start of a part even when capitalised."""
ORDINARY_WORDS = CURATED_WORDS | (read_words(_HERE / "common_words.txt") - NAME_WORDS)
"""Words that are not names where something else explains a capital."""
LABEL_ENDINGS = ("nr", "nummer", "nummeret")
"""Endings of identifier labels (``Fnr``, ``org.nr``, ``Reservenummer``): ordinary words."""
_NEVER_IN_NAMES = MEASURES | KNOWN_DRUGS
_PARTICLES = frozenset(
    "van von de der den ten ter da di du dos das del la le el al bin ibn".split()
)
_TITLES = frozenset("dr prof hr fru frk st sr jr mr mrs ms pas pt spl sign adv".split())
"""Abbreviations whose dot does not end a sentence (``dr. Hansen``)."""
_OBJECT_OPENERS = frozenset(
    "en et ei den det de dei denne dette disse alle alt hvilke hvilken hvilket hva kva noen "
    "nokon ut fram frem meg oss pasient pasienter pasienten pasientar pasientane diagnose "
    "diagnoser diagnosen journal journalen notat notatet all any the a an every which what "
    "patients patient".split()
)
"""Words that open the object of an imperative (``Finn pasienter``, ``Finn alle``)."""
_COMPANY_FORMS = frozenset("AS ASA ANS DA SA BA".split())
"""Company forms after a name, trimmed: ``Kari Berge AS`` names Kari Berge."""
_TOKEN = re.compile(r"[^\s\"“”«»,;:|()\[\]{}<>]+")
_BREAKS = frozenset('\n\t;:|"“”«»<>')
_LINE_OPENING = re.compile(r"[\s\-–•*>#\"«“'(]*(?:\d{1,2}[.)]\s+)?[\s\-–•*>#\"«“'(]*")
_CLITIC = re.compile(r"['’](?:s|re|ll|ve|d|m|t)$")
_PLAIN_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SHOUTED_LETTERS = 6
_LEXICON_MIN_LETTERS = 7
"""Dictionary words this long are rarely surnames (``Hjemmebesøk``); shorter ones often are
(``Fjell``, ``Haug``), so only a listed word of up to six letters counts as ordinary."""
_LABEL_NEXT = re.compile(r"\.?\s*:")
_NUMBER_NEXT = re.compile(r"\s*:?\s*\d")


class Word(NamedTuple):
    """A word of the span, without a sentence-final dot (``Hansen.`` -> ``Hansen``)."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        """The word in lower case."""
        return self.text.lower()


class Part(NamedTuple):
    """A run of possible name words between breaks."""

    words: list[Word]
    opens: bool
    """It opens a text, line, sentence or field, or follows a number or code."""
    labels: bool
    """A number or code follows it inside the model's span (``passnummer N0284…``)."""


def trim_person(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of the model's PERSON span ``text[start:end]`` that may still be names.

    Zero, one or several ``(start, end)`` spans inside ``start:end``, in order. A part ends
    at sentence punctuation before a capital (``. ``, ``! ``, ``? ``, but not after an
    initial or a title such as ``dr.``), at a colon, semicolon, quote, tab, line break or two
    spaces (a column of a fixed-width listing), and
    at any word with a digit and any lab test, unit or known drug. Text around the span is
    read for context only.
    """
    spans = []
    for part in _parts(text, start, end):
        trimmed = _trim(text, part)
        if trimmed.words and not _is_no_name(text, trimmed):
            spans.append((trimmed.words[0].start, trimmed.words[-1].end))
    return spans


def _words(text: str, start: int, end: int) -> Iterator[Word]:
    for match in _TOKEN.finditer(text, start, end):
        token = match.group()
        core = token if _keeps_dot(token) else token.rstrip(".!?")
        if core:
            yield Word(match.start(), match.start() + len(core), core)


def _keeps_dot(token: str) -> bool:
    """``K.``, ``dr.`` and ``i.v.`` keep their dot; ``Hansen.``, ``145.`` and ``F32.1.`` end
    a sentence."""
    bare = token.rstrip(".")
    if not token.endswith(".") or any(map(str.isdigit, bare)):
        return False
    return len(bare) == 1 or bare.lower() in _TITLES or "." in bare


def _parts(text: str, start: int, end: int) -> Iterator[Part]:
    run: list[Word] = []
    opens = False
    for word in _words(text, start, end):
        if run and _breaks(text, run[-1], word):
            yield Part(run, opens, labels=False)
            run = []
        if _is_spoken_number(word):  # ``ticagrelor nitti``: no label, the name may end here
            if run:
                yield Part(run, opens, labels=False)
            run, opens = [], False
            continue
        if word.lower in DICTATION_WORDS or is_mail_header_word(text, word.start, word.end):
            # ``Myklebust Punktum Atrieflimmer``: a sentence end; ``Kari Lie wrote:``
            if run:
                yield Part(run, opens, labels=False)
            run, opens = [], True
            continue
        if _never_in_names(word):
            if run:
                yield Part(run, opens, labels=True)
            run, opens = [], True
            continue
        if not run:
            opens = opens or _opens(text, word.start)
        run.append(word)
    if run:
        yield Part(run, opens, labels=False)


def _breaks(text: str, previous: Word, word: Word) -> bool:
    gap = text[previous.end : word.start]
    if not _BREAKS.isdisjoint(gap) or "  " in gap:  # two spaces: a fixed-width column ends
        return True
    return any(c in gap for c in ".!?") and (word.text[0].isupper() or word.text[0].isdigit())


def _is_spoken_number(word: Word) -> bool:
    return len(word.text) > 2 and word.text.islower() and is_number_word(word.text)


def _never_in_names(word: Word) -> bool:
    """Digits, no letters, a drug or measure, or a spoken number of four letters or more in
    any case (a transcript capitalises ``Sekstiåtte`` after a speaker label)."""
    known = word.lower in _NEVER_IN_NAMES or (len(word.text) > 3 and is_number_word(word.lower))
    return (
        any(map(str.isdigit, word.text))
        or not any(map(str.isalpha, word.text))
        or (known and word.lower not in NAME_WORDS)
    )


def _opens(text: str, position: int) -> bool:
    """Does ``position`` open a text, a line (after a bullet or list number), a table cell, a
    sentence or a field (after ``:`` or an XML tag: ``<Arsak>Mistanke``), or follow a number
    or code? Not after an initial or a title
    (``dr. Hansen``, ``K. Hansen``)."""
    line_start = max(text.rfind(c, 0, position) for c in "\n\t|;") + 1
    if _LINE_OPENING.fullmatch(text, line_start, position):
        return True
    before = text[max(line_start, position - 40) : position].split()
    last = before[-1].lstrip("\"'«“(") if before else ""
    if not last:
        return False
    if any(map(str.isdigit, last)):
        return True
    return last[-1] in ".!?:>" and not _keeps_dot(last.rstrip(":"))


def _trim(text: str, part: Part) -> Part:
    """The part without an instruction verb and the ordinary words at its ends; a part that
    lost its first word no longer opens anything (``Epikrise Strand``: ``Strand`` stays)."""
    words = part.words
    if part.opens and _is_instruction(text, words[0]):
        words = words[1:]
    capitalised = any(w.text[0].isupper() for w in words)
    while len(words) > 1 and _is_trimmable_lead(words[0], part.opens, capitalised):
        words = words[1:]
    while len(words) > 1 and (
        (capitalised and _is_lower_ordinary(words[-1])) or words[-1].text in _COMPANY_FORMS
    ):
        words = words[:-1]
    return part._replace(words=words, opens=part.opens and words[:1] == part.words[:1])


def _is_instruction(text: str, word: Word) -> bool:
    """``word`` is an imperative to the LLM. A verb that is also a first name (``Finn``)
    counts only before a word that opens an object (``Finn pasienter``, not ``Finn
    forteller`` or ``Finn Hovland``)."""
    if word.lower in INSTRUCTION_VERBS:
        return True
    following = _TOKEN.search(text, word.end)
    return (
        word.lower in NAME_VERBS
        and following is not None
        and following.group().lower() in _OBJECT_OPENERS
    )


def _is_trimmable_lead(word: Word, opens: bool, capitalised: bool) -> bool:
    if word.text[0].isupper():
        return opens and word.lower in CURATED_WORDS and len(word.text) > 2
    return capitalised and word.lower not in _PARTICLES and _is_lower_ordinary(word)


def _is_lower_ordinary(word: Word) -> bool:
    """A lower-case known word (``lege``, ``til``, ``wants``) that is not a first name."""
    return word.text.islower() and word.lower in ORDINARY_WORDS


def _is_no_name(text: str, part: Part) -> bool:
    """Nothing in the part can be a name: no word of two letters or more; a lone identifier
    label or title (``Jnr``, ``adv.``); a date word
    (:func:`recognizers.ner.date_words.is_date_word`); a lower-case word labelling a number;
    or only ordinary words where something else explains a capital (opening, labelling a
    number or a field) and no person cue comes right before (``Fastlege: Strand``, ``heter
    strand``); a transcript's speaker label is no cue (``Lege: Ketoner i urinen``)."""
    words = part.words
    if all(sum(map(str.isalpha, w.text)) < 2 for w in words):
        return True
    if len(words) == 1 and (
        words[0].lower.rstrip(".").endswith(LABEL_ENDINGS) or words[0].lower.rstrip(".") in _TITLES
    ):
        return True  # ``Jnr``, ``Pasnr``, ``adv.``: identifier labels and titles, after any cue
    lower = all(w.text.islower() for w in words)
    if lower and len(words) == 1 and part.labels and _is_plain_word(words[0]):
        return True
    if len(words) == 1 and is_date_word(text, words[0].start, words[0].end):
        return True
    end = words[-1].end
    labels = bool(_LABEL_NEXT.match(text, end) or _NUMBER_NEXT.match(text, end))
    explained = part.opens or part.labels or lower or labels or _shouted(text, words[0].start)
    if not (explained and all(map(_is_ordinary, words))):
        return False
    start = words[0].start
    return not after_person_cue(text, start) or after_speaker_label(text, start)


def _is_plain_word(word: Word) -> bool:
    """Letters only, and no first name in it (``passnummer``, not ``jon.erik.holm``)."""
    return word.text.replace("-", "").isalpha() and word.lower not in NAME_WORDS


def _shouted(text: str, position: int) -> bool:
    """Is the line of ``position`` written in capitals, so that they explain nothing?"""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[start : len(text) if end < 0 else end]
    letters = sum(map(str.isalpha, line))
    return letters >= _SHOUTED_LETTERS and 10 * sum(map(str.islower, line)) <= letters


def _is_ordinary(word: Word) -> bool:
    """A known word and no name: hand-written and NorNE vocabulary, identifier labels, and,
    from seven letters, clinical endings and the Ordbank lexicon
    (:func:`recognizers.no.person_lexicon.is_ordinary`: ``Hjemmebesøk``, ``Adresseendring``),
    unless the word is a listed surname. An English clitic is read off (``what's``)."""
    if word.text[0].isupper() and len(word.text) <= 2:
        return word.lower in CURATED_WORDS  # ``Ny adresse``, but ``Bo``, ``Li``
    lowered = _CLITIC.sub("", word.lower.rstrip("."))
    if lowered in ORDINARY_WORDS or lowered.endswith(LABEL_ENDINGS):
        return True
    if lowered in NAME_WORDS or lowered in SURNAMES:
        return False
    if len(lowered) < _LEXICON_MIN_LETTERS or not _PLAIN_WORD.fullmatch(lowered):
        return False  # short, or a user name or address (``jon.erik.holm``)
    return is_ordinary(lowered)
