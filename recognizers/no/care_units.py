"""HEALTH_CARE_UNIT: hospitals, health trusts, DPS, BUP, legevakt, legekontor and legesenter,
sykehjem, private clinics and treatment centres, and the wards attached to them (issue 18).

A unit is found from capitalised text, in three ways:

- a name of the gazetteer (:data:`recognizers.no.places.HEALTH_UNITS`): ``Haukeland``,
  ``St. Olavs hospital``, ``UNN Tromsø``, ``Modum Bad``, chains with their site (``Dr. Dropin
  Storo``, ``Tyrili Trondheim``); a name that is also a word, a person's name or an acronym
  of three letters (``Aker``, ``Riksen``, ``HUS``, ``SUS``, ``Kry``: :data:`AMBIGUOUS`) only
  after a care word (``innlagt``, ``overført til``, ``kontroll ved``, ``via``) or next to a
  ward; a short one in any case (``SiV``);
- a head word (``sykehus``, ``legevakt``, ``legesenter``, ``DPS``, ``ABUP``, ``omsorg+`` …)
  with a name before it (``Nordbyen legesenter``, ``Haraldsplass diakonale sykehus``, ``Jæren
  DPS``, ``Vadsø helse- og omsorgssenter``, ``Røros rehabilitering``, mid-sentence any
  capitalised word: ``fra Sentrum legekontor``) or after a capitalised one (``Sykehuset
  Innlandet``, ``DPS Lillehammer``, ``Helse Bergen``, ``Legevakta i Værnesregionen``,
  ``Rehabiliteringssenteret AIR``, ``Helsestasjon for ungdom Grünerløkka``, ``Hospital
  Universitario de Gran Canaria``), or a place after an outpatient head (``poliklinikk
  Otta``, ``BUP døgnenhet Kalnes``). A definite head names the hospital, legevakt or
  helsestasjon of the town after ``i`` (``sykehuset i Levanger``, ``legevakta i Lærdal``); a
  municipal service is a unit with the municipality or district it serves (``hjemmetjenesten
  i Vefsn``, ``heimesjukepleia i Stryn``, ``hjemmesykepleien sone nord``, ``Hattfjelldal
  hjemmetjeneste``) or the school (``skolehelsetjenesten ved Rykkinn skole``), not with a
  village (``hjemmesykepleien i Rasvåg`` is a service in a place);
- a capitalised compound of a name and a head (``Helgelandssykehuset``, ``Trasoppklinikken``,
  ``Ammerudhjemmet``, ``Skadelegevakten``, ``Fossumkollektivet``). A compound of an ordinary
  word and a head is a ward or a generic word (``Kvinneklinikken``, ``Sykehjemmet``), not a
  unit on its own, unless a place follows (``Kysthospitalet i Stavern``).

A line typed in lower case (its first letter is) is read in lower case too: a unit of the
gazetteer after a preposition (``tidl. innlagt på ullevål``), a place of the lists that is
no word before a head (``tromsdalen legesenter``), a town after a definite head (``sykehuset
i levanger``).

Capitalised words right before a unit in mid-sentence belong to its name (``sendt Blå Kors
Poliklinikk Oslo``), so does its owner anywhere (``Blå Kors Lade behandlingssenter``,
``Stiftelsen Solliakollektivet``), and gazetteer places right after it (``Sørlandet sykehus
Flekkefjord``). The parts of a unit written apart by ``, `` are one finding: wards before or
after it (``Kirurgisk avdeling``, ``Lungeavdelingen``, ``Avdeling for rus og avhengighet``,
``allmennpsykiatrisk poliklinikk``, ``Sengepost 6B``, ``avd. 2``, ``Voksenpsykiatrisk
poliklinikk (VOP)``, a bare ``DPS``), other units (``Sykehuset Innlandet, DPS Lillehammer,
poliklinikk Otta``; also apart by a dash: ``SANKS – Sámi klinihkka``) and a site closing the
name (``Revmatismesykehuset, Lillehammer``, ``Oslo legevakt, Storgata``, ``Sentrum
legekontor, Steinkjer til …``). A ward before a unit may also be joined by ``ved`` or ``på``
(``Akuttmottaket ved Drammen sykehus``, ``medisinsk avdeling på sykehuset i levanger``). A
head alone is no unit (``legevakten``, ``sykehuset``, ``fastlegen``), nor is a ward alone;
nor are NAV, Helfo, Helsedirektoratet or companies (no head, no entry). A municipality's
service named with ``kommune`` (``Bærum kommune fysioterapitjeneste``) is read by
:mod:`recognizers.no.care_unit_parts`, other services named by their municipality
(``fysioterapitjenesten i Gran``, ``Psykisk helse og rus, Luster kommune``) by
:mod:`recognizers.no.care_unit_services`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.no import context, places
from recognizers.no.base import NorwegianRecognizer, Verdict
from recognizers.no.care_unit_parts import DISTRICT, municipal_services
from recognizers.no.care_unit_services import named_services
from recognizers.no.names import FIRST_NAMES_HERE, SURNAMES_HERE
from recognizers.no.person_lexicon import is_ordinary, lexicon
from recognizers.no.places import AMBIGUOUS_PLACES, HEALTH_UNITS, LOCATIONS, name_key
from recognizers.no.poststeder import STREET_SUFFIXES

SCORE = 0.86
"""Above the NER model's LOCATION (0.8) and PERSON (0.85) scores: a place inside a unit's
name merges into it, and a model reading that runs over a unit's name takes the unit's type
(``Tilsynslegenotat Søbstad helsehus`` read as a person)."""

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


def _is_word_or_name(key: str) -> bool:
    """A one-word name that is also a dictionary or news word, a first name or a surname: the
    test ``scripts/corpus/places.py`` flags names with in ``ambiguous_places.txt`` (less its
    news and English word lists), applied here too to the names added by hand since that file
    was built (``kry``, ``veksthuset``)."""
    return " " not in key and (key in lexicon() or key in FIRST_NAMES_HERE or key in SURNAMES_HERE)


def _municipalities() -> frozenset[str]:
    """The keys of ``municipalities.txt``: municipalities and counties, current names."""
    path = Path(places.__file__).resolve().parent / "municipalities.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(name_key(line.split("\t")[0]) for line in lines if line[:1] not in "#")


UNIT_NAMES = _table(HEALTH_UNITS)
PLACE_NAMES = _table(LOCATIONS)
AMBIGUOUS = AMBIGUOUS_PLACES | frozenset(
    name for name in LOCATIONS | HEALTH_UNITS if _is_word_or_name(name)
)
""":data:`~recognizers.no.places.AMBIGUOUS_PLACES`, and the hand-written names added since
it was built that the build script would flag (:func:`_is_word_or_name`)."""
MUNICIPALITIES = _municipalities()
_WEAK_UNITS = frozenset(n for n in HEALTH_UNITS if n in AMBIGUOUS)
"""Units whose name is also a word, a person's name or short (``aker``, ``hus``, ``riksen``,
``kry``)."""
_SERVICE_HEADS = frozenset(
    """hjemmetjeneste hjemmetjenesten hjemmetjenester hjemmetjenestene hjemmesykepleie
    hjemmesykepleien heimeteneste heimetenesta heimetenestene heimesjukepleie heimesjukepleia
    heimesjukepleien skolehelsetjeneste skolehelsetjenesten skulehelseteneste
    skulehelsetenesta""".split()
)
"""Municipal services, named by the municipality or district they serve (``hjemmetjenesten i
Vefsn``, ``heimesjukepleia i Stryn``, ``hjemmesykepleien sone nord``, ``Hattfjelldal
hjemmetjeneste``) or, for school health, by the school (``skolehelsetjenesten ved Rykkinn
skole``); in a village or with no name they are a service, not a unit (``hjemmetjenesten i
Rasvåg``)."""
_NAME_FIRST_HEADS = _SERVICE_HEADS | {"rehabilitering", "omsorg+", "døgnenhet"}
"""Heads that make a unit only with a name before them (``Røros rehabilitering``, ``Kampen
omsorg+``) or, for services, the place after them that :data:`_SERVICE_HEADS` describes."""
_HEADS = _NAME_FIRST_HEADS | frozenset(
    """sykehus sykehuset sjukehus sjukehuset universitetssykehus universitetssykehuset
    universitetssjukehus universitetssjukehuset sentralsykehus sentralsykehuset sentralsjukehus
    sentralsjukehuset lokalsykehus lokalsykehuset hospital hospitalet klinikk klinikken
    klinihkká klinihkka poliklinikk poliklinikken legevakt legevakta legevakten legekontor
    legekontoret legesenter legesenteret legesentret sykehjem sykehjemmet sjukeheim sjukeheimen
    helsesenter helsesenteret helsetun helsetunet helsehus helsehuset helsestasjon
    helsestasjonen helsetjeneste helsetjenesten helseteneste helsetenesta behandlingssenter
    behandlingssenteret rehabiliteringssenter rehabiliteringssenteret opptreningssenter
    opptreningssenteret omsorgssenter omsorgssenteret sjukestugu sykestue sjukestove dps bup
    abup vop tsb kad øhd kad-enheten kad-enheta kad-eininga øhd-enheten hospice tannklinikk
    tannklinikken fysioterapi jordmortenesta jordmortjenesten dearvvašvuođaguovddáš
    psykiatrisenter psykiatrisenteret psykiatrisentret korttidssenter korttidssenteret
    dagsenter dagsenteret dagsentret a-senter a-senteret""".split()
)
"""Words that make a name a care unit, bokmål, nynorsk and Sami (``klinihkká``)."""
_HEAD_FIRST = (_HEADS - _NAME_FIRST_HEADS) | {"helse", "røntgen"}
"""Heads that may come first, capitalised, with the name after (``Helse Bergen``)."""
_ACRONYM_HEADS = frozenset({"dps", "bup", "abup", "vop", "tsb", "kad", "øhd"})
_LOWER_HEAD_FIRST = _ACRONYM_HEADS | {"poliklinikk", "legevakt"}
"""Heads that take a place after them in lower case too (``poliklinikk Otta``)."""
_TOWN_HEADS = frozenset("""sykehuset sjukehuset legevakta legevakten helsestasjonen""".split())
"""Definite heads that a place after ``i`` names, in lower case too (``sykehuset i
levanger``, ``legevakta i Lærdal``); ``sykehus i Bodø`` is any hospital there."""
_GENERIC_HEADS = frozenset("hospital klinikk klinikken poliklinikk poliklinikken".split())
"""Heads that take one unknown name after them only with a place in it (``Klinikk Alta``,
not ``Hospital Anxiety``); two will do (``Hospital Universitario de Gran Canaria``)."""


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
    "kollektivet", "kollektiv",
)  # fmt: skip
_MODIFIERS = ("ale", "ske", "ige", "ate", "rte", "ære", "tte", "allé", "gate", "vei", "veg")
"""Endings of the lower-case adjectives between a name and its head (``diakonale``,
``akutte``), and of the street words of a name (``Bygdøy allé legesenter``)."""
_ADJECTIVES = ("sk", "ig", "ske", "ige", "regional", "nasjonal")
_ADJECTIVE_FORMS = (*_ADJECTIVES, "e", "lt", "tt", "at", "al", "ær")
"""Endings of adjectives (``Revmatologisk``, ``Nærmeste``, ``Lokalt``, ``Regional``)."""
_CARE_WORDS = frozenset(
    """innlagt innlagd innl overført overflyttet overflytta overflyttes overføres henvist
    tilvist henvises operert behandlet behandla kontroll time timen utskrevet utskriven
    konferert ved poliklinisk sendt sendes avdeling via konsultasjon videokonsultasjon
    legetime""".split()
)
_WARD_HEAD = (
    r"(?:[\w\-]*(?:avdeling(?:a|en)?|seksjon(?:en)?|(?<![Ee]-)(?<!\b[Ee])post(?:en)?"
    r"|enhet(?:en)?|eining(?:a)?"
    r"|mottak(?:et)?|senter(?:et)?|sentret|klinikk(?:en)?|intensiv(?:en)?"
    r"|overvåk(?:n)?ing(?:en|a)?|palliasjon|team(?:et)?"
    r"|(?<!barnevern)(?<!barneverns)(?<!pp-)(?<!ppt-)(?:tjeneste(?:n)?|tenest[ea])"
    r"|legevakt(?:a|en)?|kirurgi(?:en)?|(?:føde|barsel)stu(?:a|e|en))|avd\.|pol\.)"
)
_MOD = (
    r"(?:[\w]+(?:sk|ig|ende)|[Rr]egional|[Nn]asjonal|[Ss]entral|[Ll]okal|[Aa]llmenn|[Aa]mbulant"
    r"|[Aa]kutt|[Ss]kjerm(?:et|a|ede)|[Pp]alliativt?)"
)
_ABBREVIATION = r"(?:[Mm]ed|[Kk]ir|[Oo]rt|[Gg]yn|[Pp]syk|[Nn]evr)\.[ ]?"
"""A field abbreviated before a ward: ``med. avd.``, ``med.avd.``, ``Kir. pol.``."""
WARD = (
    rf"(?:[\w]+-?[ ]og[ ]|[\w]+-/)?(?:{_MOD}[ ]|{_ABBREVIATION}){{0,2}}{_WARD_HEAD}"
    r"(?-i:[ ](?:\d{1,2}[A-Z]?|[A-Z]\d{1,2}|[IVX]{1,4})(?![\w\-]|[.,:/]\d))?"
    r"(?:[ ]for(?:[ ][a-zæøå\-]+){1,4})?(?-i:[ ]\([A-ZÆØÅ]{2,6}\))?"
)
"""A ward, outpatient clinic, section or service: ``Kirurgisk avdeling``, ``Lungeavdelingen``,
``Barne- og ungdomspsykiatrisk poliklinikk``, ``Avdeling for rus og avhengighet``,
``Føde-/barselavdelinga``, ``Sengepost 6B``, ``avd. 2``, ``Voksenpsykiatrisk poliklinikk
(VOP)``, ``Habiliteringstenesta for barn og unge``, ``med. avd. IV``, ``Kir. pol.``,
``Skjermet enhet``, ``Psykiatrisk legevakt``, ``dagkirurgi``, ``fødestua``."""
_SITE = rf"{_NAME}(?:[ ](?:i[ ])?{_NAME}){{0,2}}"
_JOINS = (", ", " ved ", " på ")
"""What joins a ward to the unit after it: ``Akuttmottaket, Drammen sykehus``,
``Akuttmottaket ved Drammen sykehus``, ``medisinsk avdeling på sykehuset i levanger``."""
_WARD_LAST = re.compile(
    rf"(?:[\w]+-/)?{_WARD_HEAD}|(?-i:\d{{1,2}}[A-Z]?|[A-Z]\d{{1,2}}|\([A-ZÆØÅ]{{2,6}}\)"
    r"|DPS|BUPA?|ABUP|VOP|TSB)",
    re.IGNORECASE,
)
"""The last word of a ward's name (:data:`WARD`), tested before a search for the whole."""
_WARD_WORD_BODY = r"[a-zæøå\-]*(?:enhet|post|poliklinikk|team|seksjon|avdeling)"
"""A ward in lower case after an acronym head: ``BUP akutteam``, ``DPS døgnenhet``."""
_LEFT_WARD = re.compile(
    rf"(?<![\w'’\-])(?:{WARD}|(?-i:DPS|BUPA?|ABUP|VOP|TSB)(?:[ ]{_WARD_WORD_BODY})?)"
    r"(?:, | ved | på )\Z",
    re.IGNORECASE,
)
_LEFT_SITE = re.compile(rf"(?<![\w'’\-])(?:{WARD}), (?P<site>{_SITE}), \Z", re.IGNORECASE)
_BARE_ACRONYMS = r"(?-i:DPS|BUPA?|ABUP|VOP|TSB)"
"""Acronym heads that are a ward of the unit next to them: ``VOP, Sykehuset Østfold``."""
_RIGHT_WARD = re.compile(
    rf", (?:{WARD}(?-i:[ ]{_NAME}(?=[ ]*$|[ ]*[\n.,;:)]|[ ](?:i|fra|frå|til|på|og)[ ]))?"
    rf"|{_BARE_ACRONYMS}|\d{{1,2}}\.[ ]?(?:etg|etasje)\.?)(?![\w\-])",
    re.IGNORECASE | re.MULTILINE,
)
"""A ward after a unit, with its own place (``, avdeling Tananger``), or a floor (``, 3.
etg.``)."""
_RIGHT_SITE = re.compile(rf", (?P<site>{_SITE})")
_STREET_WORDS = "|".join(suffix for suffix in STREET_SUFFIXES if len(suffix) > 2)
_STREET_SITE = re.compile(
    rf"(?:{_NAME}[ ]){{0,2}}[{UPPER}][\w'’\-]*?(?:{_STREET_WORDS})(?![\w'’\-])"
)
"""A street as a site: ``Storgata``, ``Vestre Strømkaien``."""
_SITE_END = re.compile(
    r"[ \t]*(?:$|\n|\d|[.:;)(→]|,[ \t]*\d|,[ ][a-zæøå]|(?:til|fra|frå|ved|med|kl|i|på)[ .])"
)
"""What may follow a site closing a unit's name: the end of the line or sentence, a date,
a preposition (``Sentrum legekontor, Steinkjer til …``, ``Hol legekontor, Geilo, kjørt …``)."""
_BEFORE_HEAD = re.compile(
    rf"(?P<name>{_NAME_AFTER_BREAK})[ ](?P<mods>(?:[a-zæøåé]+[ ]){{0,2}})"
    rf"(?P<coord>[a-zæøå]+-[ ]og[ ])?\Z"
)
_AFTER_HEAD = re.compile(
    rf"[ ](?:(?P<prep>i|på)[ ]|for(?:[ ][a-zæøå]+){{1,3}}[ ])?(?=(?P<name>{_NAME}))"
)
_WARD_WORD = re.compile(r"[ ][a-zæøå\-]*(?:enhet|post|poliklinikk|team|seksjon|avdeling)(?= )")
"""A ward in lower case between an acronym head and its place: ``BUP døgnenhet Kalnes``."""
_NEXT_NAME = re.compile(rf"[ ](?={_NAME})")
_NAME_RUN = re.compile(
    rf"(?:(?:[ ](?:de|del|della|di|da|do|dos|das|la|le|van|von|der|y)){{0,2}}[ ]{_NAME}){{1,6}}"
)
"""Capitalised words with the particles of a foreign name between them: ``Universitario
Virgen de la Arrixaca``."""
_FORMS = frozenset("HF RHF IKS KF AS ASA SA".split())
_DISTRICT = re.compile(DISTRICT)
"""A district after a municipal service: ``sone nord``, ``i bydel Sagene``, ``bydel Nordre
Aker``, ``sone Fetsund sør``."""
_SCHOOL = re.compile(
    rf"[ ](?:ved|på)[ ](?:{_NAME}[ ]){{1,3}}(?:[a-zæøå]+[ ])?[a-zæøå]*sk[ou]len?(?![\w\-])"
)
_BEFORE_NAME = re.compile(rf"({_NAME_AFTER_BREAK})[ ]\Z")
_OWNER = re.compile(
    r"(?:Blå Kors|Stiftelsen|Kirkens Bymisjons?|Frelsesarmeens?|Kirkens|CRUX|LHL)[ ]\Z"
)
"""The owner written before a unit's name: ``Blå Kors Lade behandlingssenter``, ``Stiftelsen
Solliakollektivet``."""
_WARD_START = re.compile(rf"(?<![\w'’\-])(?:[\w]+-?[ ]og[ ])?(?:{_MOD}[ ]){{1,2}}\Z")
_FORM_AFTER = re.compile(r" (?:HF|RHF|IKS|KF|\([A-ZÆØÅ]{2,6}\))(?![\w\-])")
"""The form of enterprise after a unit's name (``Oslo universitetssykehus HF``), or its
acronym in brackets (``Jæren distriktspsykiatriske senter (JDPS)``)."""
_TAIL = re.compile(r" og [a-zæøå]+(?![\w\-])")
_CARE_TAIL = re.compile(r" og (?:fysioterapi|legevakt|helsestasjon)(?![\w\-])")
"""A second service closing a unit's name: ``Sannidal legekontor og fysioterapi``."""
_PLACE_PAIR = re.compile(rf"(?<![\w'’\-]){_NAME} og (?=[{UPPER}])")
"""The first half of a place named by two (``Evje og Hornnes``), before the second."""
_FOR_GROUP = re.compile(
    r" for (?:barn og (?:unge|ungdom)|born og unge|ungdom|unge|barn|born|voksne|vaksne|eldre"
    r"|studenter|personer[ ]med[ ][a-zæøå]+)(?![\w\-])"
)
"""The people a unit serves, closing its name: ``Lillesand helsestasjon for ungdom``."""
_LOCAL_WORD = re.compile(r"[\w'’.\-]+|,")
_IN_PLACE = re.compile(rf"[ ](?:i|på)[ ](?={_NAME})")
_LOWER_FIRST_LINE = re.compile(r"[^\w\n]*[a-zæøå]")
_LOWER_LINE = re.compile(r"\n[^\w\n]*[a-zæøå]")
"""A line that starts in lower case: a note typed without capitals, whose names may be too
(``innlagt på ullevål``, ``fastlege ved tromsdalen legesenter``). Written with its line break
(not ``^`` and ``re.MULTILINE``) so that the search skips from break to break."""
_LOWER_CUE = re.compile(r"[ ](?:på|ved|til|fra|frå|i)[ ](?=[a-zæøå])")
"""A preposition before a lower-case word; the leading space lets the search skip ahead."""
_UNITS_KEY = object()
_WORDS_KEY = object()
_LOWER_LINES_KEY = object()


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
    if not loose or (key in FIRST_NAMES_HERE and not people):
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


def _places_after(text: str, end: int, *, loose: bool = False, acronyms: bool = False) -> int:
    """``end`` moved over up to two names right after it that are places or units (or, when
    ``loose``, a name of any kind; with ``acronyms``, a word in capitals: ``Rehabiliterings-
    senteret AIR``) and not themselves the name of a following head."""
    for _ in range(2):
        gap = _NEXT_NAME.match(text, end)
        if gap is None:
            break
        found = longest_name(text, gap.end(), PLACE_NAMES) or longest_name(
            text, gap.end(), UNIT_NAMES
        )
        if found is None and loose:
            word = CAPITALISED.match(text, gap.end())
            known = word is not None and (
                _is_name_word(word.group(), loose=True) or (acronyms and _acronym(word.group()))
            )
            found = (word.end(), "") if word is not None and known else None
        if found is None or _head_at(text, found[0]):
            break
        end = found[0]
    return end


def _acronym(word: str) -> bool:
    """A name in capitals, two to five letters, that is no form of enterprise (``AIR``)."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper() and word not in _FORMS


def _head_at(text: str, position: int) -> bool:
    """A lower-case head word starts right after ``position`` (``Hammerfest| legevakt``)."""
    return _LOWER_HEAD.match(text, position) is not None


def _name_before(text: str, start: int) -> int | None:
    """Where the name of the head at ``start`` begins, if one is right before it: capitalised,
    or a place of the lists that is no word, in lower case (``tromsdalen legesenter``)."""
    found = _BEFORE_HEAD.search(text, max(0, start - 90), start)
    if found is not None and not found["mods"] and _capitalised_in_sentence(text, found):
        return found.start()  # ``fra Sentrum legekontor``
    if found is None or not _is_name_word(found["name"], loose=True, people=True):
        first = _word_before(text, start)
        word = text[first : start - 1]
        listed = word in LOCATIONS and word not in AMBIGUOUS and word.islower()
        return first if listed else None
    if not all(word.endswith(_MODIFIERS) for word in found["mods"].split()):
        return None
    return found.start()


def _word_before(text: str, start: int) -> int:
    """Where the word before the space before ``start`` begins, on its line (``start`` if no
    space is there)."""
    if start < 2 or text[start - 1] != " ":
        return start
    return max(text.rfind(" ", 0, start - 1), text.rfind("\n", 0, start - 1)) + 1


def _capitalised_in_sentence(text: str, name: re.Match[str]) -> bool:
    """The word before a head is capitalised in mid-sentence, after a lower-case word, so a
    name even if it is also a word (``Henvisning fra Sentrum legekontor``); not a first
    name."""
    word = name["name"]
    if len(word) < 3 or not word.isalpha() or not word[1:].islower():
        return False
    if word.endswith(_ADJECTIVE_FORMS) and name_key(word) not in LOCATIONS:
        return False  # ``til Revmatologisk poliklinikk``, ``Nærmeste legevakt``
    before = text[_word_before(text, name.start()) : name.start() - 1]
    return before.isalpha() and before.islower() and name_key(word) not in FIRST_NAMES_HERE


def _name_after(text: str, end: int, key: str, *, capitalised: bool) -> int | None:
    """Where the name after the head ending at ``end`` ends, if one is right after it."""
    if key in _NAME_FIRST_HEADS or (not capitalised and key not in _LOWER_HEAD_FIRST):
        return None
    start = end
    if key in _ACRONYM_HEADS and (ward := _WARD_WORD.match(text, end)) is not None:
        start = ward.end()  # ``BUP døgnenhet Kalnes``
    prep = _AFTER_HEAD.match(text, start)
    if prep is not None and prep.start("name") > start + 1:  # ``i``, ``på``, ``for ungdom``
        if not capitalised:
            return None
        start = prep.start("name") - 1
    loose = capitalised and key not in {"helse", "røntgen"}
    found = _places_after(text, start, loose=loose, acronyms=loose)
    if key in _GENERIC_HEADS and start == end:
        if key == "klinikk" and found > end and " " not in text[end + 1 : found]:
            return found  # one name that is no word: ``Klinikk Hausmann``
        return _generic_name_end(text, end, found)
    return None if found == start else found


def _generic_name_end(text: str, end: int, found: int) -> int | None:
    """Where the name after a generic head ends (:data:`_GENERIC_HEADS`): a place or unit of
    the lists (``Klinikk Alta``), two names (``Hospital Clínica Marbella``), or capitalised
    words with foreign particles between them, whatever they are (``Hospital Universitario
    de Gran Canaria Doctor Negrín``); not one unknown word (``Hospital Anxiety and Depression
    Scale``)."""
    names = text[end:found].split()
    if len(names) == 1 and (name_key(names[0]) in LOCATIONS or name_key(names[0]) in HEALTH_UNITS):
        return found
    run = _NAME_RUN.match(text, end)
    parts = [] if run is None else run.group().split()
    words = [word for word in parts if word[:1].isupper()]
    particles = len(words) < len(parts)
    person = name_key(words[0]) in FIRST_NAMES_HERE if words else False
    if run is not None and particles and len(words) >= 2 and not person:
        return max(found, run.end())
    return found if len(names) >= 2 else None


def _service_after(text: str, end: int, key: str) -> int | None:
    """Where the place that names a municipal service (:data:`_SERVICE_HEADS`) or a hospital,
    legevakt or helsestasjon by its town (:data:`_TOWN_HEADS`) ends, if one is right after the
    head: a district (``sone nord``, ``i bydel Sagene``), a school, or ``i`` or ``på`` and a
    municipality (for a town head, any place of the lists; a place that is also a word only
    capitalised: ``helsestasjonen på Kjelsås``)."""
    if key in _SERVICE_HEADS:
        if (district := _DISTRICT.match(text, end)) is not None:
            return district.end()
        if key.startswith(("skole", "skule")) and (school := _SCHOOL.match(text, end)):
            return school.end()
    if not text.startswith((" i ", " på "), end):
        return None
    end += 3 if text.startswith(" i ", end) else 4
    found = longest_name(text, end, PLACE_NAMES)
    if found is None or (text[end].islower() and found[1] in AMBIGUOUS):
        return None
    if key in _SERVICE_HEADS and found[1] in MUNICIPALITIES:
        district = _DISTRICT.match(text, found[0])  # ``i Moss, sone Jeløy``
        return found[0] if district is None else district.end()
    return found[0] if key in _TOWN_HEADS or found[1] in MUNICIPALITIES else None


def _unit_at_head(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The unit named around the head word ``text[start:end]``, if it has a name."""
    head = text[start:end]
    key = head.lower()
    capitalised = head[0].isupper()
    name_start = None if key in {"helse", "røntgen"} else _name_before(text, start)
    if name_start is not None:
        name_start = _pair_start(text, name_start, start)
    name_end = _name_after(text, end, key, capitalised=capitalised)
    if name_end is None and (key in _SERVICE_HEADS or key in _TOWN_HEADS):
        name_end = _service_after(text, end, key)
    if name_start is None and name_end is None:
        return None
    if name_start is None and not capitalised:
        ward = _WARD_START.search(text, max(0, start - 60), start)
        name_start = start if ward is None else ward.start()
    last = name_end or (_places_after(text, end) if name_start is not None else end)
    if key == "fysioterapi" and (tail := _TAIL.match(text, last)):
        last = tail.end()
    elif name_start is not None and (tail := _CARE_TAIL.match(text, last)):
        last = tail.end()  # ``Sannidal legekontor og fysioterapi``
    elif name_start is not None and (group := _FOR_GROUP.match(text, last)):
        last = group.end()  # ``Lillesand helsestasjon for ungdom``
    return (start if name_start is None else name_start), last


def _pair_start(text: str, name_start: int, head: int) -> int:
    """``name_start`` moved over the first half of a place named by two (``Evje og Hornnes
    legekontor``) when the whole, up to the head at ``head``, is a place of the lists."""
    pair = _PLACE_PAIR.search(text, max(0, name_start - 30), name_start + 1)
    if pair is None or pair.end() != name_start:
        return name_start
    whole = name_key(f"{pair[0]}{text[name_start : head - 1]}")
    return pair.start() if whole in LOCATIONS else name_start


def _unit_at_name(text: str, start: int, word: str) -> tuple[int, int, bool] | None:
    """The unit a capitalised word starts or is (gazetteer name, head, compound); the flag
    says it is weak (an ambiguous name that wants context or a ward next to it). A name that
    is also a place's is the place after a residence word (``bor på Haukeland``)."""
    key = word.lower()
    named = longest_name(text, start, UNIT_NAMES) if key in UNIT_NAMES else None
    if named is not None:
        end, name = named
        if name in LOCATIONS and _lives(text, start):
            return None
        weak = name in _WEAK_UNITS and not (word.isupper() and name in {"unn", "sus"})
        return start, _places_after(text, end, loose=" " not in name and not weak), weak
    if key in _HEAD_FIRST or key in _SERVICE_HEADS:
        span = _unit_at_head(text, start, start + len(word))
        return None if span is None else (*span, False)
    if _compound_unit(key):
        return start, _places_after(text, start + len(word)), False
    if key.endswith(_COMPOUNDS) and (place := _IN_PLACE.match(text, start + len(word))):
        found = longest_name(text, place.end(), PLACE_NAMES)  # ``Kysthospitalet i Stavern``
        return None if found is None else (start, found[0], False)
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
    """A care word is among the three words before ``start`` (``innlagt på Riksen``), or a
    participle of a treatment verb in ``-ert`` right before ``på`` or ``ved``
    (``trombektomert på Riksen``, ``intubert ved Aker``)."""
    words = words_before(text, start, 3)
    if any(word in _CARE_WORDS for word in words):
        return True
    return len(words) >= 2 and words[-1] in ("på", "ved") and words[-2].endswith("ert")


def _names_before(text: str, start: int) -> int:
    """``start`` moved over the capitalised words right before it that belong to the name: all
    of them in mid-sentence (``sendt Blå Kors Poliklinikk Oslo``), else only names that are
    no ordinary words (``CRUX``); a first name stops the run (a person)."""
    run: list[tuple[int, str]] = []
    position = start
    while len(run) < 3 and (found := _BEFORE_NAME.search(text, max(0, position - 40), position)):
        if name_key(found.group(1)) in FIRST_NAMES_HERE:
            break
        run.append((found.start(), found.group(1)))
        position = found.start()
    if not run:
        return start
    head = text[max(0, run[-1][0] - 30) : run[-1][0]].split()
    if head and head[-1].isalpha() and head[-1].islower():
        return run[-1][0]
    for word_start, word in run:
        if not (_is_name_word(word, loose=True) or word in ("Sankt", "St.")):
            break  # ``Sankt Hanshaugen omsorgssenter``
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
    ``, `` (a ward before it also by ``ved`` or ``på``: :data:`_JOINS`); the flag says
    whether any was added."""
    added = False
    while text.endswith(_JOINS, 0, start):
        comma = text.endswith(", ", 0, start)
        word_end = start - (2 if comma else 5 if text.endswith(" ved ", 0, start) else 4)
        window = max(0, start - 120)
        left = None  # the cheap tests first: ``innlagt på Haukeland`` is common
        if _ends_in_ward(text, word_end) or (comma and text.find(" for ", window, start) >= 0):
            left = _LEFT_WARD.search(text, window, start)
        if left is None and comma and text[_word_before(text, start)].isupper():
            left = _LEFT_SITE.search(text, window, start)
            if left is not None and _site_end(text, left.start("site")) != left.end("site"):
                break
        if left is None:
            break
        start, added = left.start(), True
    while True:
        if (ward := _RIGHT_WARD.match(text, end)) is not None:
            end, added = ward.end(), True
            continue
        site = _RIGHT_SITE.match(text, end)
        last = None if site is None else _site_end(text, site.start("site"))
        if last is None or not (_SITE_END.match(text, last) or _RIGHT_WARD.match(text, last)):
            return start, end, added  # a site, then maybe a ward: ``Telemark, Skien, Kir. avd.``
        end, added = last, True


def _ends_in_ward(text: str, end: int) -> bool:
    """The word ending at ``end`` can end a ward's name (``Akuttmottaket``, ``6B``, ``(VOP)``)."""
    first = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end)) + 1
    return _WARD_LAST.fullmatch(text, first, end) is not None


_CHAINS = (", ", " – ", " - ", " / ")
"""What joins two units' names into one (``SANKS – Sámi klinihkka``, a Sami and a Norwegian
name: ``Unjárgga dearvvašvuođaguovddáš / Nesseby helsesenter``)."""


def _joined(spans: list[tuple[int, int, bool]], text: str) -> list[tuple[int, int, bool]]:
    """Overlapping spans, and spans apart by ``, `` or a dash, as one (weak only if all parts
    were)."""
    joined: list[tuple[int, int, bool]] = []
    for start, end, weak in sorted(spans):
        if joined and (start <= joined[-1][1] or text[joined[-1][1] : start] in _CHAINS):
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


def _case_forms(key: str) -> set[str]:
    """Every way of writing a short ``key`` with a capital first: ``SiV``, ``SIV``, ``Siv``."""
    forms = {""}
    for char in key:
        forms = {form + case for form in forms for case in {char.lower(), char.upper()}}
    return {form for form in forms if form[:1].isupper()}


_MUNICIPALITY_FIRSTS = written_forms(name.split()[0] for name in MUNICIPALITIES)
"""The capitalised words a municipality's name may start with."""
_UNIT_FIRSTS = [
    first
    for first, names in UNIT_NAMES.items()
    if any(_HEAD_FIRST.isdisjoint(name[1:]) for name in names)
]
_UNIT_FORMS = written_forms([*_UNIT_FIRSTS, *_HEAD_FIRST, *_SERVICE_HEADS]).union(
    *(_case_forms(first) for first in _UNIT_FIRSTS if len(first) <= 4),
    (head.split("-")[0].upper() + head[head.index("-") :] for head in _HEADS if "-" in head),
)
"""The capitalised words a unit's name may start with, short ones in any case (``SiV``). A
gazetteer name with a head word after its first (``Oslo universitetssykehus``) is found from
the head."""
_COMPOUND_FORMS = (*_COMPOUNDS, *(suffix.upper() for suffix in _COMPOUNDS))


def _candidates(text: str) -> list[tuple[int, int, bool]]:
    """Every unit named at a capitalised word (gazetteer name, head or compound), around a
    lower-case head or in a line typed in lower case, before parts are joined; the flag marks
    a weak one."""
    words = capitalised_words(text)
    triggers = _UNIT_FORMS.intersection(words)
    compounds = {word for word in words if len(word) > 9 and word.endswith(_COMPOUND_FORMS)}
    found: list[tuple[int, int, bool]] = []
    for word in triggers | compounds if compounds else triggers:
        for start in word_starts(text, word):
            if (unit := _unit_at_name(text, start, word)) is not None:
                found.append(unit)
    for head in _LOWER_HEAD.finditer(text):
        if (span := _unit_at_head(text, head.start() + 1, head.end())) is not None:
            found.append((*span, False))
    if _LOWER_FIRST_LINE.match(text) or _LOWER_LINE.search(text):  # has_lower_case_line
        found.extend(_lower_case_units(text, lower_case_lines(text)))
    return found


def lower_case_lines(text: str) -> list[tuple[int, int]]:
    """The start and end of each line of ``text`` that starts in lower case (a note typed
    without capitals, whose names may be lower case too); worked out once per
    :func:`~recognizers.no.context.scanning` block."""
    return context.remembered(text, _LOWER_LINES_KEY, _lower_case_lines)


def has_lower_case_line(text: str) -> bool:
    """Whether a line of ``text`` starts in lower case: two searches in C, asked first (most
    texts have none)."""
    return _LOWER_FIRST_LINE.match(text) is not None or _LOWER_LINE.search(text) is not None


def _lower_case_lines(text: str) -> list[tuple[int, int]]:
    if "\n" not in text:
        return [(0, len(text))]  # asked only when a line starts in lower case
    starts = [0] if _LOWER_FIRST_LINE.match(text) else []
    starts.extend(line.start() + 1 for line in _LOWER_LINE.finditer(text))
    ends = [text.find("\n", start) for start in starts]
    return [(start, len(text) if end < 0 else end) for start, end in zip(starts, ends, strict=True)]


def _lower_case_units(text: str, lines: list[tuple[int, int]]) -> Iterator[tuple[int, int, bool]]:
    """Units of the gazetteer written in lower case after a preposition, in the ``lines``
    typed in lower case (``tidl. innlagt på ullevål``, ``lungepoliklinikken på st. olav``)."""
    for first, last in lines:
        for cue in _LOWER_CUE.finditer(text, first, last):
            if (named := longest_name(text, cue.end(), UNIT_NAMES)) is not None:
                yield cue.end(), named[0], named[1] in _WEAK_UNITS


def find_units(text: str, *, assume_context: bool = False) -> list[tuple[int, int]]:
    """The spans of the care units in ``text`` (module docstring), in order. With
    ``assume_context`` an ambiguous name needs no care word before it."""
    found = _candidates(text)
    firsts = _MUNICIPALITY_FIRSTS.intersection(capitalised_words(text))
    services = municipal_services(text, MUNICIPALITIES)
    if firsts or "ydel " in text:
        services += named_services(text, firsts, MUNICIPALITIES)
    if not found:
        return services
    units: list[tuple[int, int, bool]] = []
    for start, end, weak in _joined(found, text):
        form = _FORM_AFTER.match(text, end)
        first = _owner_before(text, _names_before(text, start))
        first, last, added = _with_parts(text, first, end if form is None else form.end())
        if weak and not (added or assume_context or _care_context(text, start)):
            continue
        units.append((first, last, False))
    spans = [(start, end) for start, end, _ in _joined(units, text)]
    return _overlapping_as_one(spans + services) if services else spans


def _overlapping_as_one(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in order, overlapping ones as one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _owner_before(text: str, start: int) -> int:
    """``start`` moved over the owner written before a unit's name (:data:`_OWNER`)."""
    owner = _OWNER.search(text, max(0, start - 25), start)
    return start if owner is None else owner.start()


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
