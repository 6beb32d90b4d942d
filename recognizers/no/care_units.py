"""HEALTH_CARE_UNIT: hospitals, health trusts, DPS, BUP, legevakt, legekontor and legesenter,
sykehjem, private clinics and treatment centres, and the wards attached to them (issue 18).

A unit is found from capitalised text, in three ways:

- a name of the gazetteer (:data:`recognizers.no.places.HEALTH_UNITS`): ``Haukeland``,
  ``St. Olavs hospital``, ``UNN Tromsø``, ``Modum Bad``; a name that is also a word, a person's
  name or an acronym of three letters (``Aker``, ``Riksen``, ``HUS``, ``SUS``, ``Østmarka``)
  only after a care word (``innlagt``, ``overført til``, ``kontroll ved``) or next to a ward;
- a head word (``sykehus``, ``legevakt``, ``legesenter``, ``DPS`` …) with a name before it
  (``Nordbyen legesenter``, ``Haraldsplass diakonale sykehus``, ``Jæren DPS``, ``Vadsø helse-
  og omsorgssenter``) or after a capitalised one (``Sykehuset Innlandet``, ``DPS Lillehammer``,
  ``Helse Bergen``, ``Legevakta i Værnesregionen``), or a place after an outpatient head
  (``poliklinikk Otta``, ``Barne- og ungdomspsykiatrisk poliklinikk Mo i Rana``);
- a capitalised compound of a name and a head (``Helgelandssykehuset``, ``Trasoppklinikken``,
  ``Ammerudhjemmet``, ``Skadelegevakten``). A compound of an ordinary word and a head is a
  ward or a generic word (``Kvinneklinikken``, ``Sykehjemmet``), not a unit on its own.

Capitalised words right before a unit in mid-sentence belong to its name (``sendt Blå Kors
Poliklinikk Oslo``), and gazetteer places right after it (``Sørlandet sykehus Flekkefjord``).
The parts of a unit written apart by ``, `` are one finding: wards before or after it
(``Kirurgisk avdeling``, ``Lungeavdelingen``, ``Avdeling for rus og avhengighet``,
``allmennpsykiatrisk poliklinikk``), other units (``Sykehuset Innlandet, DPS Lillehammer,
poliklinikk Otta``) and a site closing the name (``Revmatismesykehuset, Lillehammer``, ``Oslo
legevakt, Storgata``). A head alone is no unit (``legevakten``, ``sykehuset``, ``fastlegen``),
nor is a ward alone; nor are NAV, Helfo, Helsedirektoratet or companies (no head, no entry).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.no import context
from recognizers.no.base import NorwegianRecognizer, Verdict
from recognizers.no.names import FIRST_NAMES
from recognizers.no.person_lexicon import is_ordinary
from recognizers.no.places import AMBIGUOUS_PLACES, HEALTH_UNITS, LOCATIONS, name_key
from recognizers.no.poststeder import STREET_SUFFIXES

SCORE = 0.85
"""Above the NER model's LOCATION score (0.8): a place inside a unit's name merges into it."""

UPPER = "".join(ch for ch in map(chr, range(0x250)) if ch.isupper())
CAPITALISED = re.compile(rf"[{UPPER}][\w'’\-]*")
"""A capitalised word (or one in capitals); ``findall`` over a text is the one C-level pass
both place recognizers start from."""
_NAME = rf"[{UPPER}](?:t\.|[\w'’\-]*)"
"""A capitalised word, or ``St.``."""
_NAME_AFTER_BREAK = rf"[{UPPER}](?<![\w'’\-].)(?:t\.|[\w'’\-]*)"
""":data:`_NAME` not inside a word, written so that a backward search skips to capitals."""
_TOKEN = re.compile(r"[\w'’\-]+")
_SEPARATOR = re.compile(r"\.?[ \t]{1,2}|\.")
_WORD_CHARS = frozenset("_-'’")


def _table(names: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> every name (as words) starting with it, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        words = tuple(name_key(name).split())
        table.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


UNIT_NAMES = _table(HEALTH_UNITS)
PLACE_NAMES = _table(LOCATIONS)
_WEAK_UNITS = frozenset(n for n in HEALTH_UNITS if n in AMBIGUOUS_PLACES)
"""Units whose name is also a word, a person's name or short (``aker``, ``hus``, ``riksen``)."""
_HEADS = frozenset(
    """sykehus sykehuset sjukehus sjukehuset universitetssykehus universitetssykehuset
    universitetssjukehus universitetssjukehuset sentralsykehus sentralsykehuset sentralsjukehus
    sentralsjukehuset lokalsykehus lokalsykehuset hospital hospitalet klinikk klinikken
    klinihkká poliklinikk poliklinikken legevakt legevakta legevakten legekontor legekontoret
    legesenter legesenteret legesentret sykehjem sykehjemmet sjukeheim sjukeheimen helsesenter
    helsesenteret helsetun helsetunet helsehus helsehuset helsestasjon helsestasjonen
    helsetjeneste helsetjenesten helseteneste helsetenesta behandlingssenter
    behandlingssenteret rehabiliteringssenter rehabiliteringssenteret opptreningssenter
    omsorgssenter omsorgssenteret sjukestugu sykestue sjukestove dps bup vop hospice
    tannklinikk tannklinikken fysioterapi jordmortenesta jordmortjenesten""".split()
)
"""Words that make a name a care unit, bokmål, nynorsk and Sami (``klinihkká``)."""
_HEAD_FIRST = _HEADS | {"helse", "røntgen"}
"""Heads that may come first, capitalised, with the name after (``Helse Bergen``)."""
_LOWER_HEAD_FIRST = frozenset({"poliklinikk", "dps", "bup", "legevakt"})
_GENERIC_HEADS = frozenset("hospital klinikk klinikken poliklinikk poliklinikken".split())
"""Heads that take one unknown name after them only with a place in it (``Klinikk Alta``,
not ``Hospital Anxiety``); two will do (``Hospital Clínica Benidorm``)."""
"""Heads that take a place after them in lower case too (``poliklinikk Otta``)."""


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, as a trie (``s(?:ykehus|jukehus)``): one test per
    letter instead of one per word, which matters in a pattern tried at every space."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, Any]) -> str:
    alternatives = [re.escape(char) + _branches(child) for char, child in node.items() if char]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
    return f"(?:{body})?" if "" in node else body


_LOWER_HEAD = re.compile(rf" {alternation([*_HEADS, 'fysikalske institutt'])}(?![\w\-])")
_COMPOUNDS = (
    "sykehuset", "sjukehuset", "hospitalet", "klinikken", "hjemmet", "legevakten",
    "legevakta", "legesenteret", "legekontoret", "helsetunet", "sykehus", "sjukehus",
)  # fmt: skip
_MODIFIERS = ("ale", "ske", "ige", "ate", "rte", "ære")
"""Endings of the lower-case adjectives between a name and its head (``diakonale``)."""
_ADJECTIVES = ("sk", "ig", "ske", "ige", "regional", "nasjonal")
_CARE_WORDS = frozenset(
    """innlagt innlagd innl overført overflyttet overflytta overflyttes overføres henvist
    tilvist henvises operert behandlet behandla kontroll time timen utskrevet utskriven
    konferert ved poliklinisk sendt sendes avdeling""".split()
)
_WARD_HEAD = (
    r"[\w\-]*(?:avdeling(?:a|en)?|seksjon(?:en)?|post(?:en)?|enhet(?:en)?|eining(?:a)?"
    r"|mottak(?:et)?|senter(?:et)?|sentret|klinikk(?:en)?|intensiv(?:en)?"
    r"|overvåk(?:n)?ing(?:en|a)?|palliasjon|team(?:et)?)"
)
_MOD = r"(?:[\w]+(?:sk|ig)|[Rr]egional|[Nn]asjonal|[Ss]entral|[Ll]okal|[Aa]llmenn)"
WARD = rf"(?:[\w]+-?[ ]og[ ])?(?:{_MOD}[ ]){{0,2}}{_WARD_HEAD}(?:[ ]for(?:[ ][a-zæøå]+){{1,4}})?"
"""A ward, outpatient clinic or section: ``Kirurgisk avdeling``, ``Lungeavdelingen``,
``Barne- og ungdomspsykiatrisk poliklinikk``, ``Avdeling for rus og avhengighet``."""
_SITE = rf"{_NAME}(?:[ ](?:i[ ])?{_NAME}){{0,2}}"
_LEFT_PART = re.compile(rf"(?<![\w'’\-])(?:{WARD})(?:, (?P<site>{_SITE}))?, \Z", re.IGNORECASE)
_RIGHT_WARD = re.compile(rf", (?:{WARD})(?![\w\-])", re.IGNORECASE)
_RIGHT_SITE = re.compile(rf", (?P<site>{_SITE})")
_STREET_WORDS = "|".join(suffix for suffix in STREET_SUFFIXES if len(suffix) > 2)
_STREET_SITE = re.compile(
    rf"(?:{_NAME}[ ]){{0,2}}[{UPPER}][\w'’\-]*?(?:{_STREET_WORDS})(?![\w'’\-])"
)
"""A street as a site: ``Storgata``, ``Vestre Strømkaien``."""
_SITE_END = re.compile(r"[ \t]*(?:$|\n|\d|[.:;)(]|,[ \t]*\d)")
_BEFORE_HEAD = re.compile(
    rf"(?P<name>{_NAME_AFTER_BREAK})[ ](?P<mods>(?:[a-zæøå]+[ ]){{0,2}})"
    rf"(?P<coord>[a-zæøå]+-[ ]og[ ])?\Z"
)
_AFTER_HEAD = re.compile(rf"[ ](?:(?P<prep>i|på)[ ])?(?=(?P<name>{_NAME}))")
_NEXT_NAME = re.compile(rf"[ ](?={_NAME})")
_BEFORE_NAME = re.compile(rf"({_NAME_AFTER_BREAK})[ ]\Z")
_WARD_START = re.compile(rf"(?<![\w'’\-])(?:[\w]+-?[ ]og[ ])?(?:{_MOD}[ ]){{1,2}}\Z")
_FORM_AFTER = re.compile(r" (?:HF|RHF|IKS|KF)(?![\w\-])")
"""The form of enterprise after a unit's name: ``Oslo universitetssykehus HF``."""
_TAIL = re.compile(r" og [a-zæøå]+(?![\w\-])")
_LOCAL_WORD = re.compile(r"[\w'’.\-]+|,")
_UNITS_KEY = object()
_WORDS_KEY = object()


def _is_word_char(char: str) -> bool:
    """A letter, digit or a character that joins a word (``-``, ``'``, ``_``)."""
    return char.isalnum() or char in _WORD_CHARS


def word_starts(text: str, word: str) -> Iterator[int]:
    """Every offset where ``word`` occurs in ``text`` as a whole word."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before_ok = start == 0 or not _is_word_char(text[start - 1])
        if before_ok and (end == len(text) or not _is_word_char(text[end])):
            yield start
        start = text.find(word, end)


def longest_name(
    text: str, start: int, table: dict[str, tuple[tuple[str, ...], ...]]
) -> tuple[int, str] | None:
    """The end and key of the longest name of ``table`` written at ``start`` (words apart by a
    space or a full stop: ``St.Olavs hospital``, ``Mo i Rana``), or ``None``."""
    first = _TOKEN.match(text, start)
    key = "" if first is None else first.group().lower()
    options = table.get(key)
    if first is None or options is None:
        return None
    if len(options[0]) == 1:
        return first.end(), key
    words, ends, position = [key], [first.end()], first.end()
    while len(words) < len(options[0]):
        gap = _SEPARATOR.match(text, position)
        token = _TOKEN.match(text, gap.end()) if gap else None
        if token is None:
            break
        words.append(token.group().lower())
        ends.append(position := token.end())
    for option in options:
        if tuple(words[: len(option)]) == option:
            return ends[len(option) - 1], " ".join(option)
    return None


def written_forms(keys: Iterable[str]) -> frozenset[str]:
    """The ways a lower-case name is written capitalised: ``Oslo``, ``OSLO``, ``Nord-Odal``,
    ``Sør-aurdal``. Sets of these meet a text's capitalised words without lower-casing
    each of them."""
    forms: set[str] = set()
    for key in keys:
        forms.update(
            (key[:1].upper() + key[1:], key.upper(), "-".join(map(_upper_first, key.split("-"))))
        )
    return frozenset(forms)


def _upper_first(word: str) -> str:
    return word[:1].upper() + word[1:]


def _is_name_word(word: str, *, loose: bool, people: bool = False) -> bool:
    """Whether a capitalised ``word`` can be (part of) a unit's name: a known place or unit,
    or, when ``loose``, any word that is no ordinary word, adjective or (unless ``people``)
    first name."""
    key = name_key(word)
    if key in LOCATIONS or key in HEALTH_UNITS:
        return True
    if not loose or (key in FIRST_NAMES and not people):
        return False
    if key.endswith(_ADJECTIVES) or len(key) < 3:
        return False
    if not key.replace("-", "").isalpha():
        return False
    parts = word.split("-")
    return (len(parts) > 1 and parts[-1][:1].isupper()) or not is_ordinary(key)


def _compound_unit(key: str) -> bool:
    """A capitalised compound of a name and a head (``helgelandssykehuset``); an outpatient
    clinic named by its field is a ward (``lungepoliklinikken``)."""
    if key.endswith(("poliklinikken", "poliklinikk")):
        return key.rpartition("poliklinikk")[0].rstrip("s") in LOCATIONS
    for suffix in _COMPOUNDS:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            prefix = key[: -len(suffix)]
            if suffix.startswith("legevakt"):
                return True
            bare = prefix[:-1] if prefix.endswith(("s", "e")) else prefix
            if prefix in LOCATIONS or bare in LOCATIONS:
                return True
            return not is_ordinary(prefix) and not is_ordinary(bare)
    return False


def _places_after(text: str, end: int, *, loose: bool = False) -> int:
    """``end`` moved over up to two names right after it that are places or units (or, when
    ``loose``, a name of any kind) and not themselves the name of a following head."""
    for _ in range(2):
        gap = _NEXT_NAME.match(text, end)
        if gap is None:
            break
        found = longest_name(text, gap.end(), PLACE_NAMES) or longest_name(
            text, gap.end(), UNIT_NAMES
        )
        if found is None and loose:
            word = CAPITALISED.match(text, gap.end())
            known = word is not None and _is_name_word(word.group(), loose=True)
            found = (word.end(), "") if word is not None and known else None
        if found is None or _head_at(text, found[0]):
            break
        end = found[0]
    return end


def _head_at(text: str, position: int) -> bool:
    """A lower-case head word starts right after ``position`` (``Hammerfest| legevakt``)."""
    return _LOWER_HEAD.match(text, position) is not None


def _name_before(text: str, start: int) -> int | None:
    """Where the name of the head at ``start`` begins, if one is right before it."""
    found = _BEFORE_HEAD.search(text, max(0, start - 90), start)
    if found is None or not _is_name_word(found["name"], loose=True, people=True):
        return None
    if not all(word.endswith(_MODIFIERS) for word in found["mods"].split()):
        return None
    return found.start()


def _name_after(text: str, end: int, key: str, *, capitalised: bool) -> int | None:
    """Where the name after the head ending at ``end`` ends, if one is right after it."""
    if not capitalised and key not in _LOWER_HEAD_FIRST:
        return None
    start = end
    prep = _AFTER_HEAD.match(text, end)
    if prep is not None and prep["prep"]:
        if not capitalised:
            return None
        start = prep.start("name") - 1
    loose = capitalised and key not in {"helse", "røntgen"}
    found = _places_after(text, start, loose=loose)
    if found == start:
        return None
    names = text[start:found].split()
    if key in _GENERIC_HEADS and start == end and len(names) < 2:
        listed = name_key(names[0]) in LOCATIONS or name_key(names[0]) in HEALTH_UNITS
        return found if listed else None  # ``Hospital Anxiety and Depression Scale``
    return found


def _unit_at_head(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The unit named around the head word ``text[start:end]``, if it has a name."""
    head = text[start:end]
    key = head.lower()
    capitalised = head[0].isupper()
    name_start = None if key in {"helse", "røntgen"} else _name_before(text, start)
    name_end = _name_after(text, end, key, capitalised=capitalised)
    if name_start is None and name_end is None:
        return None
    if name_start is None and not capitalised:
        ward = _WARD_START.search(text, max(0, start - 60), start)
        name_start = start if ward is None else ward.start()
    last = name_end or (_places_after(text, end) if name_start is not None else end)
    if key == "fysioterapi" and (tail := _TAIL.match(text, last)):
        last = tail.end()
    return (start if name_start is None else name_start), last


def _unit_at_name(text: str, start: int, word: str) -> tuple[int, int, bool] | None:
    """The unit a capitalised word starts or is (gazetteer name, head, compound); the flag
    says it is weak (an ambiguous name that wants context or a ward next to it)."""
    key = word.lower()
    named = longest_name(text, start, UNIT_NAMES) if key in UNIT_NAMES else None
    if named is not None:
        end, name = named
        if name in LOCATIONS and _lives(text, start):
            return None
        weak = name in _WEAK_UNITS and not (word.isupper() and name in {"unn", "sus"})
        return start, _places_after(text, end, loose=" " not in name and not weak), weak
    if key in _HEAD_FIRST:
        span = _unit_at_head(text, start, start + len(word))
        return None if span is None else (*span, False)
    if _compound_unit(key):
        return start, _places_after(text, start + len(word)), False
    return None


_RESIDENCE = frozenset(
    "bor bur bosatt busett buset bodde budde adresse flyttet flytta oppvokst hytte".split()
)


def words_before(text: str, start: int, count: int) -> list[str]:
    """Up to ``count`` lower-cased words (and commas) right before ``start`` on its line,
    nearest last; cheaper than :func:`recognizers.no.context.words_before`, which also reads
    form labels and table headers."""
    first = max(text.rfind("\n", 0, start) + 1, start - 16 * count)
    return [word.rstrip(".").lower() for word in _LOCAL_WORD.findall(text, first, start)[-count:]]


def _lives(text: str, start: int) -> bool:
    """A residence word is among the three words before ``start`` (``bor på Haukeland``)."""
    return any(word in _RESIDENCE for word in words_before(text, start, 3))


def _care_context(text: str, start: int) -> bool:
    """A care word is among the three words before ``start`` (``innlagt på Riksen``)."""
    return any(word in _CARE_WORDS for word in words_before(text, start, 3))


def _names_before(text: str, start: int) -> int:
    """``start`` moved over the capitalised words right before it that belong to the name: all
    of them in mid-sentence (``sendt Blå Kors Poliklinikk Oslo``), else only names that are
    no ordinary words (``CRUX``); a first name stops the run (a person)."""
    run: list[tuple[int, str]] = []
    position = start
    while len(run) < 3 and (found := _BEFORE_NAME.search(text, max(0, position - 40), position)):
        if name_key(found.group(1)) in FIRST_NAMES:
            break
        run.append((found.start(), found.group(1)))
        position = found.start()
    if not run:
        return start
    head = text[max(0, run[-1][0] - 30) : run[-1][0]].split()
    if head and head[-1].isalpha() and head[-1].islower():
        return run[-1][0]
    for word_start, word in run:
        if not _is_name_word(word, loose=True):
            break
        start = word_start
    return start


def _site_end(text: str, start: int) -> int | None:
    """Where a site named at ``start`` ends: a place or unit of the lists, or a street."""
    found = longest_name(text, start, PLACE_NAMES) or longest_name(text, start, UNIT_NAMES)
    if found is not None:
        return found[0]
    street = _STREET_SITE.match(text, start)
    return None if street is None else street.end()


def _with_parts(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """The unit ``text[start:end]`` with the wards and sites written next to it, apart by
    ``, ``; the flag says whether any was added."""
    added = False
    while text.endswith(", ", 0, start) and (
        left := _LEFT_PART.search(text, max(0, start - 120), start)
    ):
        site = left["site"]
        if site is not None and _site_end(text, left.start("site")) != left.end("site"):
            break
        start, added = left.start(), True
    while True:
        if (ward := _RIGHT_WARD.match(text, end)) is not None:
            end, added = ward.end(), True
            continue
        site = _RIGHT_SITE.match(text, end)
        last = None if site is None else _site_end(text, site.start("site"))
        if last is None or _SITE_END.match(text, last) is None:
            return start, end, added
        end, added = last, True


def _joined(spans: list[tuple[int, int, bool]], text: str) -> list[tuple[int, int, bool]]:
    """Overlapping spans, and spans apart by ``, ``, as one (weak only if all parts were)."""
    joined: list[tuple[int, int, bool]] = []
    for start, end, weak in sorted(spans):
        if joined and (start <= joined[-1][1] or text[joined[-1][1] : start] == ", "):
            first, last, was_weak = joined[-1]
            chained = start > last
            joined[-1] = (first, max(last, end), was_weak and weak and not chained)
        else:
            joined.append((start, end, weak))
    return joined


def capitalised_words(text: str) -> list[str]:
    """The capitalised words of ``text``, found once per
    :func:`~recognizers.no.context.scanning` block for both place recognizers."""
    return context.remembered(text, _WORDS_KEY, CAPITALISED.findall)


_UNIT_FORMS = written_forms(
    [
        *(
            first
            for first, names in UNIT_NAMES.items()
            if any(_HEAD_FIRST.isdisjoint(name[1:]) for name in names)
        ),
        *_HEAD_FIRST,
    ]
)
"""The capitalised words a unit's name may start with. A gazetteer name with a head word
after its first (``Oslo universitetssykehus``) is found from the head."""
_COMPOUND_FORMS = (*_COMPOUNDS, *(suffix.upper() for suffix in _COMPOUNDS))


def _candidates(text: str) -> list[tuple[int, int, bool]]:
    """Every unit named at a capitalised word (gazetteer name, head or compound) or around a
    lower-case head, before parts are joined; the flag marks a weak one."""
    words = capitalised_words(text)
    triggers = set(_UNIT_FORMS.intersection(words))
    triggers.update(word for word in words if len(word) > 9 and word.endswith(_COMPOUND_FORMS))
    found: list[tuple[int, int, bool]] = []
    for word in triggers:
        for start in word_starts(text, word):
            if (unit := _unit_at_name(text, start, word)) is not None:
                found.append(unit)
    for head in _LOWER_HEAD.finditer(text):
        if (span := _unit_at_head(text, head.start() + 1, head.end())) is not None:
            found.append((*span, False))
    return found


def find_units(text: str, *, assume_context: bool = False) -> list[tuple[int, int]]:
    """The spans of the care units in ``text`` (module docstring), in order. With
    ``assume_context`` an ambiguous name needs no care word before it."""
    found = _candidates(text)
    if not found:
        return []
    units: list[tuple[int, int, bool]] = []
    for start, end, weak in _joined(found, text):
        form = _FORM_AFTER.match(text, end)
        first, last, added = _with_parts(
            text, _names_before(text, start), end if form is None else form.end()
        )
        if weak and not (added or assume_context or _care_context(text, start)):
            continue
        units.append((first, last, False))
    return [(start, end) for start, end, _ in _joined(units, text)]


def care_unit_spans(text: str) -> list[tuple[int, int]]:
    """:func:`find_units`, worked out once per :func:`~recognizers.no.context.scanning`
    block (the place recognizer asks too, to leave the places inside units alone)."""
    return context.remembered(text, _UNITS_KEY, find_units)


def is_care_unit_name(value: str) -> bool:
    """Whether ``value`` — a span the NER model calls ORG or LOC — is the name of a care unit,
    whole: a unit of the gazetteer (``Haukeland``, ``Riksen``), a head word with a name
    (``Bryne legesenter``, ``Helse Bergen``), or such a unit with its wards (``Kirurgisk
    avdeling, Sykehuset Levanger``). A head or a ward alone (``Sykehuset``, ``Kirurgisk
    avdeling``), a unit inside a longer name (``Aker Solutions``), NAV, Helfo and companies
    are not."""
    name = value.strip(" \t\n.,;:()")
    probe = f"ved {name}"  # in mid-sentence: capitalised words before a head belong to it
    spans = find_units(probe, assume_context=True)
    return any(start == 4 and end == len(probe) for start, end in spans)


class HealthCareUnitRecognizer(NorwegianRecognizer):
    """Care units from the gazetteer and from head words (module docstring)."""

    ENTITY = "HEALTH_CARE_UNIT"
    NEEDS_DIGIT = False
    PATTERNS = ()

    def analyze(
        self,
        text: str,
        entities: list[str] | None = None,
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """Every unit in ``text``, one finding for the parts of a multi-part name."""
        if entities is not None and self.ENTITY not in entities:
            return []
        return [self.result(start, end, Verdict(SCORE)) for start, end in care_unit_spans(text)]

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Unused: this recognizer reads words, not regex matches."""
        return None
