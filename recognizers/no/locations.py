"""LOCATION: places below country level — municipalities, towns, villages, islands, fjords,
mountains, neighbourhoods — in Norway and abroad (issue 18).

Found in capitalised text (or in capitals, on a line written in capitals):

- a name of the gazetteer (:data:`recognizers.no.places.LOCATIONS`): ``Flekkefjord``, ``Mo i
  Rana``, ``Grünerløkka``, ``Guovdageaidnu``, both parts of ``Hermansverk/Leikanger``, the
  place in ``Snåase-traktene``. Score 0.8 with a place context, 0.7 without. A name that is
  also a word or a person's name (:data:`~recognizers.no.care_units.AMBIGUOUS`: ``Moss``,
  ``Vik``, ``Sand``, ``Ås``, ``Bø``, ``Os``) is a place only with one: a preposition before it
  (``i``, ``på``, ``fra``, ``til``, ``ved``; also before the names listed ahead of it: ``i
  Moss, Råde og Rygge``), a residence, move or travel word near it (``bor``, ``bosatt``,
  ``flyttet``, ``Adresse:``, a ``Bustad`` column) or a place word after it (``kommune``,
  ``sentrum``);
- a name not in the gazetteer after a preposition (score 0.65): with the shape of a place
  name (``bodde på Helgøya``, ``ulykke ved Storvatnet``, ``på Byneset``: ``-fjorden``,
  ``-vatnet``, ``-øya``, ``-dalen``, ``-vik``, ``-nes``, ``-by``, ``-stad``, Sami ``-jávri``,
  ``-johka`` …) after any of them; of any shape after ``i``, ``fra``, ``via`` or a point of
  the compass and ``for`` (``40 km sør for Masi``), or after a residence or travel word (``i
  Gdansk``, ``fra Mogadishu``, ``reiste til Kreta``, ``Dar es Salaam``, ``fra Las Palmas``),
  unless it is an ordinary word (then only with a residence word or before ``i`` and a place:
  ``bor på Kroken``, ``Bryggen i Bergen``) or comes after a work verb (``jobber i Telenor`` is
  an employer); and the names listed after such a place share its preposition (``i Murmansk
  og Nikel``). After a residence or travel word and ``i`` or ``på``, a farm-name surname is a
  place (``bor alene på Mørkved``; not ``Hansen``);
- in a line typed in lower case (its first letter is), a name of the gazetteer that is no
  word, after a preposition (``bor på frosta``, ``jobber i oslo sentrum``).

``sentrum`` after a place is part of it (``Oslo sentrum``).

Not places: countries and continents (``i Polen``, ``fra Somalia``, ``Norge``: the issue
keeps them), streets (``Storgata 5`` is an address, found by :mod:`recognizers.no.address`),
a poststed after its postnummer (ditto), surnames (after a first name or a title, before a
comma and a first name, in a name column: ``Kari Moss``, ``dr. Vik``, ``Vik, Anne``), first
names, drugs and doses, eponyms and other genitives (``i Bechterews sykdom``, ``Thereses
gate``), companies (``i Equinor ASA``), agencies and journal systems (``fra Helfo``, ``i
Gerica``), words in capitals outside a line of capitals (acronyms), and the places inside a
care unit's name (``DPS Lillehammer``, ``Bodø legevakt``, ``innlagt på Haukeland``:
:mod:`recognizers.no.care_units` decides; ``bor på Haukeland`` is a place), the places that
name a school, a port or an agency (``Hosle skole``, ``Trondheim Havn``, ``NAV Karmøy``,
``Universitetet i Bergen``). The metadata says
why: ``evidence`` is ``list``, ``list and context`` or ``context``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.ner.not_names import LISTED_NAME_WORDS, NAME_WORDS, NOT_PEOPLE
from recognizers.no import context
from recognizers.no.base import NorwegianRecognizer, Verdict
from recognizers.no.care_units import (
    AMBIGUOUS,
    PLACE_NAMES,
    UNIT_NAMES,
    UPPER,
    capitalised_words,
    care_unit_spans,
    has_lower_case_line,
    longest_name,
    lower_case_lines,
    word_starts,
    words_before,
    written_forms,
)
from recognizers.no.names import SURNAMES_LISTED
from recognizers.no.person_lexicon import is_ordinary
from recognizers.no.places import health_unit_words
from recognizers.no.poststeder import is_street_name

SCORE_CONTEXT = 0.8
SCORE_LISTED = 0.7
SCORE_SHAPE = 0.65
_PLACE_FORMS = written_forms(PLACE_NAMES)

_PREPOSITIONS = frozenset(
    "i på pa fra frå til ved via nær mot utenfor rundt gjennom langs innover utover".split()
)
_COMPASS_CUE = r"v(?:ed|ia|est for)|n(?:ær|ord(?:øst|vest)? for)|sør(?:øst|vest)? for|øst for"
"""``ved``, ``via``, ``nær`` and the points of the compass before ``for``, as one trie: the
pattern is tried at every space."""
_STRONG = frozenset({"i", "fra", "frå", "via"})
"""Prepositions after which any unknown capitalised name is taken for a place (and a point
of the compass: ``40 km sør for Masi``)."""
_PLACE_WORDS = frozenset(
    """bor bur bosatt busett buset bodde budde bosted bustad adresse adr hjemsted heimstad
    fødested fødestad tilholdssted oppholdssted kommune hjemkommune heimkommune
    poststed sted stad by flyttet flytta flytter flyttar oppvokst vokste født fødd hytte
    hytta ferie feriert reiste reist reise reiser turist hjem heim hjemme heime dro kom
    ankom bolig leilighet husvære tur turen besøk besøke besøkte ferien""".split()
)
"""Residence, move and travel words, and labels or column headers of places."""
_PLACE_AFTER = frozenset(
    "kommune kommunes sentrum bydel havn hamn stasjon området regionen distrikt".split()
)
_COORDINATION = frozenset({"og", "eller", ","})
_WORK = frozenset("jobber jobbet jobbar arbeider arbeidet ansatt tilsett tilsatt".split())
"""``jobber i Telenor``: after a work verb an unknown name is an employer as often as not."""
_SHAPES = tuple(
    """fjorden fjord vatnet vannet vatn øya øy øyane øyene dalen dal heia fjellet fjell vika
    vik vågen våg sund sundet nes neset byen by stad breen vidda skarvet tind tinden toppen hø
    holmen elva elv strand stranda sjøen haugen mo moen hamn havn seter sætra setra kollen
    åsen berget marka landet bukta fossen foss skogen regionen traktene
    jávri jávre johka várri várre čohkka vuotna luokta njárga suolu gieddi""".split()
)
"""Endings of Norwegian place names (``Tyrifjorden``, ``Syltefjord``, ``Knutshø``), and of
Sami ones (``Šuoššjávri``, ``Iešjohka``, ``Ráisavuotna``)."""
_NOT_PLACES = frozenset(
    """norge noreg sverige danmark finland island færøyene grønland tyskland polen litauen
    latvia estland russland ukraina hviterussland belarus england storbritannia skottland
    wales irland frankrike spania portugal italia hellas tyrkia kypros malta nederland
    holland belgia luxembourg sveits østerrike ungarn tsjekkia slovakia slovenia kroatia
    serbia bosnia montenegro albania kosovo makedonia bulgaria romania moldova georgia
    armenia aserbajdsjan kasakhstan usa amerika canada mexico brasil argentina chile peru
    colombia venezuela cuba somalia somaliland eritrea etiopia sudan egypt libya tunisia
    algerie marokko nigeria ghana kenya uganda tanzania rwanda burundi kongo zimbabwe zambia
    mosambik angola kamerun gambia senegal syria irak iran afghanistan pakistan india
    bangladesh nepal kina japan korea vietnam thailand filippinene indonesia malaysia myanmar
    burma kambodsja laos mongolia israel palestina libanon jordan jemen oman qatar kuwait
    emiratene australia europa afrika asia oseania antarktis midtøsten skandinavia norden
    balkan baltikum sør-afrika sør-sudan sør-korea nord-korea nord-makedonia saudi-arabia
    sør-amerika nord-amerika latin-amerika zealand salvador marino rica
    helfo helsenorge altinn gerica dips infodoc cosdoc pridok profil metavision visma vipps
    teams zoom facebook snapchat instagram youtube google""".split()
)
"""Countries, continents and world regions (kept, as the issue asks); agencies, journal
systems and apps that follow ``i`` and ``fra`` like places (``i Gerica``, ``fra Helfo``)."""
_STREETS = (
    "gata", "gate", "gaten", "veien", "vegen", "vei", "veg", "allé", "alle", "alléen",
    "plass", "plassen", "stien", "stigen", "stig", "svingen", "torget", "terrassen",
    "geaidnu", "gáhta",
)  # fmt: skip
"""Street words that never end a place name: ``Storgata``, ``Kyrkjevegen``."""
_NOT_PLACE_ENDINGS = (
    *health_unit_words(),
    "etaten", "direktoratet", "tilsynet", "departementet", "verket", "banken", "kassen",
    "forbundet", "foreningen", "tjenesten", "kontoret", "skolen", "barnehagen", "gruppen",
    "senteret", "klinikken", "avdelingen", "legen",
)  # fmt: skip
"""Endings of institutions and people, not places (``Skatteetaten``, ``Legevakten``)."""
_FOREIGN_TAIL = re.compile(
    rf"(?:[ ](?:(?:es|de|del|la|las|los|el|al|da|do|dos|di|du|am|an|der|sur|upon|y|e)[ ])?"
    rf"[{UPPER}][\w'’\-]*)"
)
_CUE = re.compile(rf" (?P<prep>i|på|fr[aå]|til|{_COMPASS_CUE}) (?P<word>[{UPPER}][\w'’\-]*)")
_COORDINATED = re.compile(rf"(?:,| og| eller) (?P<word>[{UPPER}][\w'’\-]*)")
"""A name listed after a place: ``Familie i Murmansk og Nikel``."""
_FOREIGN_LEADS = frozenset(
    "las los la el san santa são new le les port puerto playa costa gran saint sankt".split()
)
"""First words of foreign place names that are also words (``Las Palmas``, ``New York``)."""
_PATRONYMS = ("sen", "son", "dottir", "datter")
"""Endings of surnames that are no farm names: ``bor på Hansen`` is no place."""
_SENTRUM = re.compile(r" sentrum(?![\w\-])")
_LOWER_CUE = re.compile(r"[ ](?:i|på|fra|frå|til|ved|nær)[ ](?=[a-zæøå])")
_NEXT_WORD = re.compile(r"[ \t]+([\w'’\-]+)")
_POSTNUMMER = re.compile(r"(?<![\d.\-/:])\d{4}[\"']?[ \t]*[;,|\t]?[ \t]*[\"']?\Z")
"""A postnummer right before a poststed, in text or in the field before (``7713;Steinkjer``):
the pair is the postnummer recognizer's."""
_PREFIX_BEFORE = re.compile(
    r"(?:Indre|Ytre|Nedre|Øvre|Nordre|Søndre|Vestre|Østre|Store|Lille|Nye|Gamle|Sør|Nord) \Z"
)
_NAME_COLUMN = re.compile(r"(?:navn|namn|name)$")
_NUMBER_AFTER = re.compile(r"[ \t]\d")
_DOSE_AFTER = re.compile(
    r"[ \t]+\d+(?:[.,]\d+)?[ \t]?(?:mg|g|ml|mcg|µg|mikrogram|ie|iu|tbl|tablett|%|x)(?!\w)",
    re.IGNORECASE,
)
_GENITIVE_AFTER = re.compile(
    r"(?<=s)[ \t]+(?!(?:og|eller|i|på|til|fra|frå|med|der|som|for|men|da|hvor|kor|nå|no"
    r"|igjen|att|også|òg|alene|åleine|sammen|saman|hver|kvar|etter|før|siden|sidan|kl)\b)"
    r"[a-zæøå]"
)
"""A genitive before a lower-case noun is no place: ``Thereses gate``, ``McBurneys punkt``."""
_COMPANY_AFTER = re.compile(r"[ ](?:AS|ASA|SA|ANS|DA|BA|IKS|KF|Inc|Ltd|GmbH|AB)(?![\w\-])")
"""A company form after a name: ``i Equinor ASA`` is an employer, not a place."""
_NOT_PLACE_AFTER = (_DOSE_AFTER, _GENITIVE_AFTER, _COMPANY_AFTER)
_INSTITUTION_AFTER = re.compile(
    r"[ ](?:[a-zæøå]*sk[ou]len?|vidaregåande|videregående|barnehagen?|Havn|Hamn)(?![\w\-])"
)
"""A school, kindergarten or port named by the place before it: ``Hosle skole``, ``Bø
vidaregåande skule``, ``Trondheim Havn`` are employers and schools, not places."""
_INSTITUTION_BEFORE = re.compile(
    r"(?:(?<![\w\-])(?:NAV|Nav|PPT|PP-tjenesten|PP-tenesta)(?:[ ](?:for|i))?"
    r"|Universitetet[ ](?:i|på)|Høgsk[ou]len[ ](?:i|på)|Høyskolen[ ]i)[ ]\Z"
)
"""An agency or school named by the place after it: ``NAV Karmøy``, ``PPT for Sogn``,
``Universitetet i Bergen``, ``Høgskulen på Vestlandet``."""
_IN_PLACE = re.compile(rf"[ ](?:i|på)[ ](?=[{UPPER}])")
"""``Bryggen i Bergen``: a capitalised word before ``i`` and a place is a place itself."""
_COMMA_NAME = re.compile(rf",[ ]([{UPPER}][\w'’\-]*)")
_TITLES = frozenset("dr dr. lege fru herr frk sykepleier".split())


def _capitals_line(text: str, start: int) -> bool:
    """The line around ``start`` has no lower-case letter (a heading or form in capitals)."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", start)
    line = text[first : len(text) if last < 0 else last]
    return line.upper() == line


def _previous_word(text: str, start: int) -> str:
    """The word right before ``start`` (one space between), as written; else ``""``."""
    if start < 2 or text[start - 1] != " ":
        return ""
    return text[max(text.rfind(" ", 0, start - 1), text.rfind("\n", 0, start - 1)) + 1 : start - 1]


def _in_a_name(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is part of a person's or an institution's name: a surname after a
    first name or a title (``Kari Moss``, ``dr. Vik``), a surname before a comma and a first
    name (``Vik, Anne``), or a word after a genitive (``Sophies Minde``)."""
    previous = _previous_word(text, start)
    word = previous.rstrip(".,").lower()
    if word in _TITLES:
        return True
    if previous[:1].isupper() and (
        word in NAME_WORDS or (word[-1:] == "s" and word[:-1] in NAME_WORDS)
    ):
        return True
    following = _COMMA_NAME.match(text, end)
    return following is not None and following.group(1).lower() in NAME_WORDS


def _is_street(key: str) -> bool:
    """A street name (``Storgata``), not a place (``Bryggen``, ``Grünerløkka`` are both)."""
    return key.endswith(_STREETS) and is_street_name(key)


def _header(text: str, start: int) -> str:
    """The header of the table column ``start`` is in, looked up only on a line that could be
    a table row (a delimiter, or a wide gap)."""
    first = text.rfind("\n", 0, start) + 1
    if first == 0:
        return ""
    last = text.find("\n", start)
    line = text[first : len(text) if last < 0 else last]
    if "|" in line or ";" in line or "\t" in line or "  " in line or line.count(",") >= 2:
        return context.column_header(text, start) or ""
    return ""


def has_place_context(text: str, start: int, end: int, header: str | None = None) -> bool:
    """A place context around ``text[start:end]`` (module docstring); a place after a slash,
    a comma or ``og`` shares the preposition of the one before it (``frå
    Hermansverk/Leikanger``, ``i Moss og Råde``). ``header`` is the column header, if the
    caller has looked it up."""
    if start > 0 and text[start - 1] == "/":
        start = text.rfind(" ", 0, start) + 1
    before = words_before(text, start, 7)
    last = len(before) - 1
    while last >= 2 and before[last] in _COORDINATION:
        last -= 2  # ``i Moss, Råde og Rygge``: over a listed name and what joins it
    if last >= 0 and before[last] in _PREPOSITIONS:
        return True
    if header is None:
        header = _header(text, start)
    if any(word in _PLACE_WORDS for word in before[-3:]) or header in _PLACE_WORDS:
        return True
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1).lower() in _PLACE_AFTER


def _vetoed(text: str, start: int, end: int, key: str, header: str) -> bool:
    """A listed name at ``text[start:end]`` that is no place here: in capitals outside a
    line in capitals (an acronym), a surname, a poststed after its postnummer or a street
    before its house number. (A name inside a care unit's is dropped later.)"""
    written = text[start:end]
    if len(written) > 1 and written.isupper() and not _capitals_line(text, start):
        return True
    if _in_a_name(text, start, end) or _after_postnummer(text, start):
        return True
    if _NAME_COLUMN.search(header):
        return True
    return is_street_name(key) and _NUMBER_AFTER.match(text, end) is not None


def _after_postnummer(text: str, start: int) -> bool:
    """A postnummer is right before ``start`` (or before a prefix of the place's name:
    ``1634 Gamle Fredrikstad``), in text or in the field before."""
    near = text[max(0, start - 20) : start]
    if (prefix := _PREFIX_BEFORE.search(near)) is not None:
        near = near[: prefix.start()]
    return near.rstrip(" \t\"';,|")[-1:].isdigit() and _POSTNUMMER.search(near) is not None


def _listed(text: str, start: int, end: int, key: str) -> tuple[int, int, float, str] | None:
    """The gazetteer name ``key`` written at ``text[start:end]``, judged (module docstring)."""
    header = _header(text, start)
    ambiguous = key in AMBIGUOUS
    placed = ambiguous and has_place_context(text, start, end, header)
    if (ambiguous and not placed) or _vetoed(text, start, end, key, header):
        return None
    if placed or has_place_context(text, start, end, header):
        return start, end, SCORE_CONTEXT, "list and context"
    return start, end, SCORE_LISTED, "list"


def _listed_at(text: str, start: int, word: str) -> tuple[int, int, float, str] | None:
    """The longest gazetteer name starting with ``word`` at ``start``, or the place in
    ``Snåase-traktene``, ``Oslo-området`` (a listed name, a hyphen, a lower-case word)."""
    found = longest_name(text, start, PLACE_NAMES)
    if found is not None:
        return _listed(text, start, *found)
    head, _, rest = word.partition("-")
    if rest[:1].islower() and head.lower() in PLACE_NAMES:
        single = (head.lower(),) in PLACE_NAMES[head.lower()]
        return _listed(text, start, start + len(head), head.lower()) if single else None
    return None


def _unlisted(text: str, cue: re.Match[str]) -> tuple[int, int, float, str] | None:
    """A name not in the gazetteer after a preposition, judged (module docstring)."""
    return _unknown_place(text, cue["prep"], cue.start("prep"), cue["word"], cue.start("word"))


def _unknown_place(
    text: str, prep: str, prep_start: int, word: str, start: int
) -> tuple[int, int, float, str] | None:
    """The name ``word`` at ``start``, not in the gazetteer, after the preposition ``prep`` at
    ``prep_start`` (or after a place that follows it), judged (module docstring). After a
    residence or travel word a farm-name surname (``bor på Mørkved``) and a care unit's short
    form (``flyttet til Sandviken``) are places too."""
    key, end = word.lower(), start + len(word)
    foreign = key in _FOREIGN_LEADS and _foreign_tail(text, end)
    if key in PLACE_NAMES or not (foreign or _may_be_place(word, key, surname=True)):
        return None  # the cheap tests first: most names after a preposition stop here
    if key in _FOREIGN_LEADS and not foreign:
        return None  # ``fra New Zealand``: a country
    before = words_before(text, prep_start, 3)
    lives = any(w in _PLACE_WORDS for w in before)
    if (key in UNIT_NAMES and not lives) or (
        key in SURNAMES_LISTED
        and not (lives and prep in ("i", "på") and not key.endswith(_PATRONYMS))
    ):
        return None
    shape = None
    if key.endswith(_SHAPES):
        shape = next((s for s in _SHAPES if key.endswith(s) and len(key) >= len(s) + 2), None)
    strong = prep in _STRONG or prep.endswith(" for")
    if not (shape or lives or strong) or (before and before[-1] in _WORK):
        return None
    if not foreign and _not_a_place_here(text, key, end, shape, lives=lives):
        return None
    return _foreign_name(text, start, end)


def _not_a_place_here(text: str, key: str, end: int, shape: str | None, *, lives: bool) -> bool:
    """What follows the unknown name ``key`` ending at ``end`` says it is no place: a house
    number (an address), a dose, a company form, a noun after a genitive (not after a shape
    that ends in ``s``: ``Kråkenes igjen``); or it is an ordinary word with neither shape nor
    residence word nor ``i`` and a place after it."""
    if is_street_name(key) and _NUMBER_AFTER.match(text, end):
        return True  # ``på Hvalstadåsen 2``: an address
    after = (_DOSE_AFTER, _COMPANY_AFTER) if shape and shape[-1] == "s" else _NOT_PLACE_AFTER
    if any(p.match(text, end) for p in after):
        return True
    return not (shape or lives or _IN_PLACE.match(text, end)) and is_ordinary(key)


def _foreign_tail(text: str, end: int) -> bool:
    """A word that may be a place's follows ``end`` in a foreign name (``Las| Palmas``)."""
    tail = _FOREIGN_TAIL.match(text, end)
    last = "" if tail is None else tail.group().split()[-1]
    return tail is not None and _may_be_place(last, last.lower())


def _foreign_name(text: str, start: int, end: int) -> tuple[int, int, float, str]:
    """The place at ``text[start:end]`` with the words of a foreign name after it (``Dar es
    Salaam``, ``Las Palmas``)."""
    while (tail := _FOREIGN_TAIL.match(text, end)) is not None and _may_be_place(
        tail.group().split()[-1], tail.group().split()[-1].lower()
    ):
        end = tail.end()
    return start, end, SCORE_SHAPE, "context"


def _may_be_place(word: str, key: str, *, surname: bool = False) -> bool:
    """Cheap tests an unknown name must pass: not in capitals, not a country, a person's
    name (unless ``surname`` lets a surname be a place), a drug or an institution."""
    return not (
        word.isupper()
        or word.rpartition("-")[2][:1].islower()
        or len(key) < 3
        or key in _NOT_PLACES
        or key in LISTED_NAME_WORDS
        or (key in SURNAMES_LISTED and not surname)
        or key in NOT_PEOPLE
        or _is_street(key)
        or key.endswith(_NOT_PLACE_ENDINGS)
    )


def find_places(text: str) -> list[tuple[int, int, float, str]]:
    """The places in ``text`` with their scores and evidence, in order (module docstring)."""
    words = capitalised_words(text)
    triggers = _PLACE_FORMS.intersection(words)
    if "-" in text:
        triggers |= {w for w in words if "-" in w and w.partition("-")[0] in _PLACE_FORMS}
    cues = list(_CUE.finditer(text))
    lower = list(_lower_case_places(text)) if has_lower_case_line(text) else []
    if not triggers and not cues and not lower:
        return []
    with context.scanning(text):  # table headers and care units, worked out once
        return _judged(text, triggers, cues, lower)


def _lower_case_places(text: str) -> Iterator[tuple[int, int, float, str]]:
    """Places of the gazetteer that are no word, written in lower case after a preposition,
    in the lines typed in lower case (``bor på frosta``, ``jobber i oslo sentrum``)."""
    for first, last in lower_case_lines(text):
        for cue in _LOWER_CUE.finditer(text, first, last):
            found = longest_name(text, cue.end(), PLACE_NAMES)
            if found is not None and found[1] not in AMBIGUOUS:
                yield cue.end(), found[0], SCORE_CONTEXT, "list and context"


def _judged(
    text: str,
    triggers: frozenset[str],
    cues: list[re.Match[str]],
    lower: list[tuple[int, int, float, str]],
) -> list[tuple[int, int, float, str]]:
    """The places among the gazetteer words ``triggers``, the names after a preposition
    ``cues`` (and the names listed after those) and the places in lower case ``lower``; one
    per start, none inside another place or a care unit; ``sentrum`` after a place is part
    of it."""
    found: dict[int, tuple[int, int, float, str]] = {place[0]: place for place in lower}
    for word in triggers:
        for start in word_starts(text, word):
            if (place := _listed_at(text, start, word)) is not None:
                found[start] = place
    for cue in cues:
        if cue.start("word") not in found and (place := _unlisted(text, cue)) is not None:
            found[place[0]] = place
        if cue.start("word") in found:
            _add_coordinated(text, cue, found)
    if not found:
        return []
    units = care_unit_spans(text)  # in order, apart from each other
    unit_ends = [end for _, end in units]
    kept: list[tuple[int, int, float, str]] = []
    for place in sorted(found.values(), key=lambda p: (p[0], -p[1])):
        if _names_institution(text, place[0], place[1]):
            continue
        inside = kept and place[1] <= kept[-1][1]  # ``Romsdal`` of ``Møre og Romsdal``
        unit = bisect.bisect_right(unit_ends, place[0])  # the first unit ending after it
        in_unit = unit < len(units) and units[unit][0] < place[1]
        if not inside and not in_unit:
            sentrum = _SENTRUM.match(text, place[1])
            kept.append(place if sentrum is None else (place[0], sentrum.end(), *place[2:]))
    return kept


def _names_institution(text: str, start: int, end: int) -> bool:
    """The place at ``text[start:end]`` is part of a school's, a port's or an agency's name
    (:data:`_INSTITUTION_AFTER`, :data:`_INSTITUTION_BEFORE`), not a place of its own."""
    if _INSTITUTION_AFTER.match(text, end) is not None:
        return True
    return _INSTITUTION_BEFORE.search(text, max(0, start - 24), start) is not None


def _add_coordinated(
    text: str, cue: re.Match[str], found: dict[int, tuple[int, int, float, str]]
) -> None:
    """Add to ``found`` the unknown names listed after the place at ``cue`` that share its
    preposition (``i Murmansk og Nikel``), judged as if it came before each."""
    end = found[cue.start("word")][1]
    while (more := _COORDINATED.match(text, end)) is not None:
        start = more.start("word")
        if start not in found:
            place = _unknown_place(text, cue["prep"], cue.start("prep"), more["word"], start)
            if place is None:
                return
            found[start] = place
        end = found[start][1]


class LocationRecognizer(NorwegianRecognizer):
    """Places from the gazetteer and from context (module docstring)."""

    ENTITY = "LOCATION"
    NEEDS_DIGIT = False
    PATTERNS = ()

    def analyze(
        self,
        text: str,
        entities: list[str] | None = None,
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """Every place in ``text``."""
        if entities is not None and self.ENTITY not in entities:
            return []
        return [
            self.result(start, end, Verdict(score, {"evidence": evidence}))
            for start, end, score, evidence in find_places(text)
        ]

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Unused: this recognizer reads words, not regex matches."""
        return None
