"""NO_ADDRESS and NO_POSTNUMMER: street addresses and postnummer with poststed.

A street is a word ending in a street word (``Storgata``, ``Furuveien``, ``Skolevegen``,
``Granlia``) or a name followed by a separate one (``Kong Oscars gate``, ``Gamle Drammens
vei``), then a house number with an optional letter and bolignummer (``121 B H0303``), then
optionally ``, NNNN Poststed`` or a known poststed alone (``Storgata 5 Bergen``). Sami letters
count as letters (``Čávžovuoddu 4, 9730 Karasjok``).
After an address word (adresse, bor i, bur i, bosatt) any capitalised name with a number will
do, and so will any capitalised name with a number followed by ``, NNNN Poststed``
(``Åsamyrane 112, 5116 Ulset``). A ``NNNN Poststed`` pair outside an address is a
postnummer when the poststed is known, in capitals or next to a postnummer word, or when the
number cannot be a year; never a plain year after a year word (``i 2019 Bergen``). Four
digits labelled as a postnummer (``postnr 7713``, ``"postnr": "7713"``, a ``Postnr`` column)
are one without a poststed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recognizers.no import (
    address_casual,
    address_units,
    context,
    context_words,
    number_addresses,
    poststeder,
)
from recognizers.no.base import (
    NUMBER_END,
    NUMBER_START,
    NorwegianRecognizer,
    Verdict,
    matches,
    number_pattern,
)
from recognizers.no.number_stamps import clock_time
from recognizers.no.poststeder import POSTSTEDER
from recognizers.normalise import lexicon
from recognizers.normalise.streets import PREFIXES, ends_with_street

SCORE_STREET = 0.8
SCORE_STREET_WITH_POSTSTED = 0.95
SCORE_CONTEXT_ONLY = 0.7
SCORE_POSTNUMMER = 0.75
SCORE_POSTNUMMER_UNKNOWN_PLACE = 0.6
SCORE_POSTNUMMER_BARE = 0.6

_LONG_SUFFIXES = [suffix for suffix in (*poststeder.STREET_SUFFIXES, "ringen") if len(suffix) > 2]
_STREET_SUFFIX = lexicon.words_pattern([*_LONG_SUFFIXES, *(s.upper() for s in _LONG_SUFFIXES)])
"""Street words at the end of a name, in lower case or capitals (``STORGATA``); ``li`` apart,
after three letters at least."""
_SEPARATE = lexicon.words_pattern(poststeder.STREET_WORDS)
_UPPER, _LOWER = poststeder.PLACE_UPPER, poststeder.PLACE_LOWER
_NAME = rf"[{_UPPER}][\w'.\-]*"
_LETTER = r"[A-Za-z](?![\wæøå])"
_UNITS = (
    r"år|mnd|måned|uke|uka|vek|dag|døgn|time|min|sek|gang|kg|kilo|mg|g\b|cm|mm|ml|dl|liter|%"
    r"|prosent|tablett|tbl|stk|km|meter|mil\b|personer"
)
"""Words after a number that make it a quantity or a duration, not a house number."""
_FLAT = (
    r"(?:,?\s(?:(?:[Ll]eilighet|[Ll]eil\.|[Bb]olig(?:nummer|nr\.?)?|[Ll]h|[Ll]gh\.?)\s)?"
    r"[HULKhulk] ?\d{4})"
)
"""A bolignummer after the house number: floor level (H, U, L, K) + floor + flat, maybe
named (``leilighet H0201``)."""
_HOUSE = (
    rf"\d{{1,4}}(?:{_FLAT}|(?:\s?{_LETTER})?{_FLAT}?)"
    rf"(?![\d\wæøå]|\.\d|,\d{{1,2}}(?!\d)|[ \t]*(?:{_UNITS}))"
)
_PLACE_PREFIX = "Indre|Ytre|Nedre|Øvre|Nordre|Søndre|Vestre|Østre|Store|Lille|Nye|Gamle|Sør|Nord"
_PLACE = (
    rf"(?:(?:{_PLACE_PREFIX})\s)?[{_UPPER}{_LOWER}][{_UPPER}{_LOWER}\-]+"
    rf"(?:\si\s[{_UPPER}][{_LOWER}]+|\s[{_UPPER}]\b)?"
)
_POSTSTED = rf"(?:,\s?|\s)(\d{{4}})[ \t]({_PLACE})"
"""``, NNNN Poststed`` after a house number; the poststed on the postnummer's line (``…
elleve, 5932`` / ``mor: ja`` names no place)."""
_ANY_CASE_PREFIX = f"{_PLACE_PREFIX}|{_PLACE_PREFIX.lower()}"
_COMPOUND = (
    rf"(?:(?:{_ANY_CASE_PREFIX})\s)?(?:{_NAME}\s){{0,3}}"
    rf"(?!(?i:{'|'.join(poststeder.NOT_STREETS)})\s)"
    rf"[{_UPPER}{_LOWER}][\w'\-]+?(?:{_STREET_SUFFIX}|(?<=\w\w\w)(?:li|LI)|gt\.|GT\.)"
)
_WITH_SEPARATE = rf"(?:{_NAME}\s){{1,3}}(?:{_SEPARATE})"

_NUMBER_WORD = r"(?:(?:nummer|nr\.?)\s)?"
"""``Storgata nummer 12``: the word for number, as people say it, before the house number."""
_STREET = re.compile(
    rf"(?<![\wæøå])(?:{_COMPOUND}|{_WITH_SEPARATE})\s{_NUMBER_WORD}{_HOUSE}(?:{_POSTSTED})?"
)
_AFTER_CONTEXT = re.compile(rf"(?<![\wæøå])(?:{_NAME}\s){{1,3}}{_HOUSE}(?:{_POSTSTED})?")
_POSTSTED_AFTER_COMMA = rf",\s?(\d{{4}})\s(?=[{_UPPER}])({_PLACE})"
_FUNCTION_WORD = (
    r"(?:i|på|til|fra|ved|bor|bur|er|og|om|har|jeg|eg|vi|hun|han|ho|flytta|flyttet|flytter"
    r"|flytte|flyttar)\s"
)
"""A preposition, pronoun or verb before a street name written in lower case: not part of
it (``jeg har flytta til strømsnes terrasse tretten``)."""
_LOWER_SEPARATE = re.compile(
    rf"(?<![\wæøå.])(?!{_FUNCTION_WORD})(?:[a-zæøå][\wæøåéü'\-]*\s){{1,3}}(?:{_SEPARATE})"
    rf"\s{_HOUSE}(?:{_POSTSTED})?"
)
_WITH_POSTSTED = re.compile(
    rf"(?<![\wæøå])(?:(?:{_PLACE_PREFIX})\s)?{_NAME}\s{_HOUSE}{_POSTSTED_AFTER_COMMA}"
)
_POSTNUMMER = number_pattern(NUMBER_START + rf"(?<!-)(\d{{4}})\s({_PLACE})(?![\w:])", runs=(4,))
"""Four digits and a poststed; a speaker label (``sekretær:``, ``SPEAKER_00``) is none, nor a
time of day and the first word of the next line (``FRE 1115`` / ``Bestilt``)."""
_LABELLED_POSTNUMMER = number_pattern(NUMBER_START + r"(?<!-)(\d{4})" + NUMBER_END, runs=(4,))
_HL7_ADDRESS = re.compile(
    r"(?m)^[ \t]*(?:PID\|(?:[^|\r\n]*\|){10}|NK1\|(?:[^|\r\n]*\|){3})"
    r"(?P<address>[^|\r\n^]*[^\W_][^|\r\n]*?)\^*(?=[|\r\n]|$)"
)
"""An HL7 v2 address field: PID-11 (the patient's) or NK1-4 (next of kin), components apart
by ``^`` (``Eikveien 5^^Moss^^1526``)."""
_HL7_SEGMENTS = ("PID|", "NK1|")
_FILLER_THEN_PLACE = re.compile(r"[ \t,]+(?:altså|eh|ehm|øh|øhm|liksom)[ \t,]+(\w+)", re.I)
"""``6405 altså molde``: a spoken postnummer, a filler word, then the poststed."""

_QUANTITY_WORDS = frozenset(
    """kr kroner nok ,- mg ml g kg mcg µg ie iu e enheter mmol l stk tbl tabletter mm cm m km
    meter år dager uker timer min sek skritt kcal""".split()
)
"""Words after a number that make it a quantity, not a postnummer."""
_LEADING_WORD = re.compile(r"(\S+)\s+")
_PREFIXES = frozenset(_PLACE_PREFIX.split("|"))
_NOT_IN_NAMES = frozenset(
    "i på til fra ved bor bur er og om send sendes han hun jeg eg vi de dei adresse adressen"
    " adressa har ho flytta flyttet flytter flytte flyttar utenfor utanfor innenfor bak foran"
    " nær mot langs eh ehm øh øhm altså".split()
)
_MIN_PLACE = 4
"""Letters of a lower-case poststed not in the list: ``bor i 3045 nå`` names no place."""
_LABEL_WORDS = 4
"""How far back a postnummer label is read: ``postnummeret mitt er 3045``."""
_PLACE_PREPOSITIONS = frozenset({"i", "på", "til", "fra", "ved"})
_UNITS_IN_CAPITALS = frozenset({"MMOL", "KCAL", "MBQ", "MSV", "GBQ", "TBL", "AMP"})
_YEAR_WORDS = context_words.ContextWords.of(
    *"""i$ år fra$ til$ siden$ høsten$ våren$ sommeren$ vinteren$ ca$ innen$ in$
    since$ januar$ februar$ mars$ april$ mai$ juni$ juli$ august$ september$ oktober$
    november$ desember$""".split()
)


def _start_of_name(text: str, start: int, end: int) -> int:
    """Where the street name of a match begins. Before a one-word street name only a place
    prefix belongs to it (``Nedre Storgate``): a text in capitals lets the match take in any
    word (``SEND BREVET TIL STORGATA 12``). Before another name, the verbs, pronouns and
    prepositions are dropped (``HAN BOR I KONG OSCARS GATE 5``)."""
    names = []
    for word in _LEADING_WORD.finditer(text, start, end):
        if word[1][0].isdigit() or word[1].lower().rstrip(".") in {"nummer", "nr"}:
            break
        names.append(word)
    if names and poststeder.is_street_name(names[-1][1].lower()):
        first = len(names) - 1
        while first and names[first - 1][1].capitalize() in _PREFIXES:
            first -= 1
        return names[first].start()
    while names and names[0][1].lower() in _NOT_IN_NAMES:
        names.pop(0)
    return names[0].start() if names else start


def _looks_like_a_place(place: str) -> bool:
    """Capitalised words, optionally joined by ``i`` (``Indre Arna``, ``Vik i Sogn``)."""
    return all(w == "i" or (w[:1].isupper() and w[1:].islower()) for w in place.split())


def _postnummer_plausible(number: str) -> bool:
    return 1 <= int(number) <= 9991


class AddressRecognizer(NorwegianRecognizer):
    """Norwegian street addresses, bokmål and nynorsk street words."""

    ENTITY = "NO_ADDRESS"
    PATTERNS = (
        _STREET,
        _AFTER_CONTEXT,
        _WITH_POSTSTED,
        _LOWER_SEPARATE,
        number_addresses.POSTCODE_AFTER_COMMA,
        _HL7_ADDRESS,
    )
    CONTEXT_WORDS = context_words.ADDRESS.entries()

    def patterns_for(self, text: str) -> Sequence[re.Pattern[str]]:
        """The HL7 pattern only in a text with a PID or NK1 segment; a lower-case street after
        ``bor i`` only in a text with a verb of living."""
        patterns = self.PATTERNS if any(s in text for s in _HL7_SEGMENTS) else self.PATTERNS[:-1]
        if address_casual.worth_trying(context.lowered(text)):
            return (*patterns, address_casual.AFTER_LIVES)
        return patterns

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """:meth:`_judge`, the span widened to the flat and ``c/o`` parts around it
        (:mod:`recognizers.no.address_units`)."""
        if match.re is address_casual.AFTER_LIVES:
            verdict = address_casual.judge_after_lives(text, match)
        else:
            verdict = self._judge(text, match)
        if verdict is None or match.re is _HL7_ADDRESS:
            return verdict
        start = match.start() if verdict.start is None else verdict.start
        end = match.end() if verdict.end is None else verdict.end
        wider = address_units.care_of_start(text, start), address_units.unit_end(text, end)
        if wider == (start, end):
            return verdict
        return Verdict(verdict.score, verdict.metadata, start=wider[0], end=wider[1])

    def _judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Street words suffice; a bare name and number needs an address word before it; an
        HL7 address field is one whatever it holds."""
        if match.re is _HL7_ADDRESS or match.re is number_addresses.POSTCODE_AFTER_COMMA:
            return _whole_address(text, match)
        near = context.context_near(text, match.span(), context_words.ADDRESS, before=3, after=0)
        named_only = match.re is _LOWER_SEPARATE and not near and _named_street(match.group())
        near = near or named_only
        if match.re in (_AFTER_CONTEXT, _LOWER_SEPARATE) and (
            not near or _RATIO_NEXT.match(text, match.end())  # ``BT 168/92``: a measurement
        ):
            return None
        if match.re is _WITH_POSTSTED and not _postnummer_plausible(match.group(1)):
            return None
        start = _start_of_name(text, match.start(), match.end())
        if named_only or (match.re is _LOWER_SEPARATE and _after_prefix(match.group())):
            start = max(start, _start_of_genitive(text, match))
        postnummer = match.group(1)
        if postnummer and _postnummer_plausible(postnummer):
            return Verdict(SCORE_STREET_WITH_POSTSTED, start=start)
        score = SCORE_STREET if match.re in (_STREET, _LOWER_SEPARATE) else SCORE_CONTEXT_ONLY
        if not postnummer:
            end = _corrected_end(text, match.end())
            return Verdict(score, start=start, end=poststeder.poststed_after(text, end))
        street = text[match.start() : match.start(1)].rstrip(", ")
        return Verdict(score, start=start, end=match.start() + len(street))


def _whole_address(text: str, match: re.Match[str]) -> Verdict | None:
    """An HL7 address field, whatever it holds; or a name, number, postnummer and poststed
    said after an address word (:mod:`recognizers.no.number_addresses`)."""
    if match.re is _HL7_ADDRESS:
        return Verdict(SCORE_STREET_WITH_POSTSTED, start=match.start(1), end=match.end(1))
    return number_addresses.spoken_address(text, match)


_RATIO_NEXT = re.compile(r"/\d")
_NOT_GENITIVE = frozenset("hans hennes hennar dens dets deres dykkas oss hos ens alles".split())
"""Words ending in ``s`` that are no street's genitive (``hans vei 2``)."""
_HOUSE_WORDS = lexicon.words_pattern(
    word
    for word, value in (lexicon.UNITS | lexicon.TEENS | lexicon.TENS | lexicon.COMPOUNDS).items()
    if value
)
_CORRECTED_HOUSE = re.compile(
    rf"[ \t]*,?[ \t]+(?:nei|unnskyld|altså|asså)[ \t]*,?[ \t]+(?:(?:nummer|nr\.?)[ \t]+)?"
    rf"(?:\d{{1,4}}|(?:{_HOUSE_WORDS}))(?:[ \t]{_LETTER})?(?![\wæøå])",
    re.IGNORECASE,
)
"""A house number taken back and said again right after an address: ``sagveien 7 c nei ni
c``. The corrected number is part of the address."""


def _after_prefix(street: str) -> bool:
    """The word before the street word is a place prefix (``i vestre gate 9``): the name
    starts there."""
    words = _name_words(street)
    return len(words) >= 2 and words[-2] in PREFIXES


def _name_words(street: str) -> list[str]:
    """The lower-cased words of a street match before its house number."""
    words = street.lower().split()
    number = next((i for i, word in enumerate(words) if word[:1].isdigit()), len(words))
    return [word for word in words[:number] if word not in ("nummer", "nr", "nr.")]


def _named_street(street: str) -> bool:
    """A lower-case street name ending in a separate street word after a genitive or a place
    prefix (``thereses gate 58``, ``vestre gate 9 a``): the name says it is a street, as a
    capitalised ``Kong Oscars gate`` does, with no address word needed."""
    name = _name_words(street)
    if len(name) < 2 or name[-2] in _NOT_GENITIVE:
        return False
    return ends_with_street(name)


_TITLES = frozenset(
    """kong dronning kronprins kronprinsesse prins prinsesse sankt st. general biskop professor
    doktor dr. fru frøken statsråd kaptein admiral""".split()
)
"""Words that belong to a street's name before its genitive (``kong oscars gate``)."""
_WORD_IN = re.compile(r"\S+")


def _start_of_genitive(text: str, match: re.Match[str]) -> int:
    """Where a lower-case street named by a genitive or prefix begins: at that word, or at
    a title before it (``ambulanse til tordenskjolds gate 42`` starts at ``tordenskjolds``,
    ``kong oscars gate 5`` at ``kong``)."""
    words = list(_WORD_IN.finditer(text, match.start(), match.end()))
    number = next((i for i, w in enumerate(words) if w[0][:1].isdigit()), len(words))
    if number and words[number - 1][0].lower() in ("nummer", "nr", "nr."):
        number -= 1
    first = max(0, number - 2)
    if first and words[first - 1][0].lower() in _TITLES:
        first -= 1
    return words[first].start()


def _corrected_end(text: str, end: int) -> int:
    """Where an address ending at ``end`` ends, with a corrected house number after it."""
    corrected = _CORRECTED_HOUSE.match(text, end)
    return corrected.end() if corrected else end


class PostnummerRecognizer(NorwegianRecognizer):
    """A postnummer next to its poststed, outside a full address."""

    ENTITY = "NO_POSTNUMMER"
    MIN_CHAIN_DIGITS = 4
    PATTERNS = (_POSTNUMMER, _LABELLED_POSTNUMMER)
    CONTEXT_WORDS = context_words.POSTNUMMER.entries()

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Known, context-backed or all-caps poststed; any capitalised word after a number
        that cannot be a year; never after a year word. Bare digits: a label right before."""
        if not _postnummer_plausible(match.group(1)):
            return None
        if match.re is _LABELLED_POSTNUMMER:
            return self._labelled(text, match.start(), match.end())
        if "\n" in text[match.end(1) : match.start(2)] and clock_time(text, match.start(1)):
            return None
        if number_addresses.speaker_label_after_break(text, match):
            return None
        return self.with_place(text, match)

    @staticmethod
    def with_place(text: str, match: re.Match[str]) -> Verdict | None:
        """The verdict on a ``_POSTNUMMER`` match: a postnummer and its poststed, or None."""
        number, place = match.group(1), match.group(2)
        if place[0].islower() and (len(place) < 4 or place not in POSTSTEDER):  # "ski", "mo"
            near = context.context_near(text, match.span(), context_words.POSTNUMMER)
            lives = len(place) >= _MIN_PLACE and context_words.RESIDENCE.matches_any(
                context.words_before(text, match.start(), 3)
            )
            return Verdict(SCORE_POSTNUMMER) if near or lives else None
        before = context.words_before(text, match.start(), 1)
        if 1900 <= int(number) <= 2099 and before and _YEAR_WORDS.matches(before[0]):
            return None
        near = context.context_near(text, match.span(), context_words.POSTNUMMER)
        if near or place.lower() in POSTSTEDER:
            return Verdict(SCORE_POSTNUMMER)
        if place.isupper() and len(place) >= 3 and place not in _UNITS_IN_CAPITALS:
            return Verdict(SCORE_POSTNUMMER)
        could_be_year = 1900 <= int(number) <= 2099
        if not could_be_year and len(place) >= 3 and _looks_like_a_place(place):
            return Verdict(SCORE_POSTNUMMER_UNKNOWN_PLACE)
        return None

    @staticmethod
    def _labelled(text: str, start: int, end: int) -> Verdict | None:
        """Four bare digits with a postnummer label at most four words before (no other number
        between), as column header or in the question they answer; a filler word and a known
        poststed after them; or a place named by its postnummer (see :func:`_same_region`,
        :func:`_where_someone_lives`)."""
        if _placed(text, start, end):
            return Verdict(SCORE_POSTNUMMER)
        if context.corrects(text, start, context_words.POSTNUMMER_LABEL) or _named_home(
            text, start, end
        ):
            return Verdict(SCORE_POSTNUMMER_BARE)
        if not context.could_occur(text, context_words.POSTNUMMER_LABEL):
            return None
        before = _since_last_number(context.words_before(text, start, _LABEL_WORDS))
        before += context.question_words(text, start)
        labelled = context_words.POSTNUMMER_LABEL.matches_any(before)
        return Verdict(SCORE_POSTNUMMER) if labelled else None


def _placed(text: str, start: int, end: int) -> bool:
    """Four bare digits placed as a postnummer by what is around them: a filler word and a
    known poststed after them, an address or a poststed before them, a question for one, or a
    postnummer taken back right before them (``i drammen 3014 nei 3013``)."""
    filler = _FILLER_THEN_PLACE.match(text, end)
    if filler is not None and len(filler[1]) >= 4 and filler[1].lower() in POSTSTEDER:
        return True
    if _after_street_or_poststed(text, start, end) or _answers_label(text, start):
        return True
    taken_back = _TAKEN_BACK.search(text, max(0, start - _TAKEN_BACK_REACH), start)
    return taken_back is not None and (
        PostnummerRecognizer._labelled(text, *taken_back.span(1)) is not None
    )


def _named_home(text: str, start: int, end: int) -> bool:
    """Four bare digits that name the place someone lives (:func:`_same_region`,
    :func:`_where_someone_lives`, :func:`_after_home_place`)."""
    return (
        _same_region(text, start, end)
        or _where_someone_lives(text, start, end)
        or _after_home_place(text, start, end)
    )


_TAKEN_BACK = re.compile(
    r"(?<![\d.,])(\d{4})[ \t]*,?[ \t]+(?:nei|unnskyld|\((?:skal|skulle)[ \t]+v(?:æ|e)r(?:e|t))"
    r"[ \t]*,?[ \t]+$"
)
"""A postnummer said, taken back and said again: ``i drammen 3014 nei 3013``, ``postnummer
3014 (skal være 3013)``."""
_TAKEN_BACK_REACH = 24
_TURN_END_WORDS = 2


def _answers_label(text: str, start: int) -> bool:
    """``kirkeveien 42 b og postnummer`` / ``0364``: four digits opening a turn right after a
    turn that ends asking for a postnummer, whatever numbers that turn holds."""
    turns = context.turns_before(text, start, 1)
    if not turns:
        return False
    asked = context.words_before(text, turns[0][1], _TURN_END_WORDS)
    return context_words.POSTNUMMER_LABEL.matches_any(asked)


def _after_street_or_poststed(text: str, start: int, end: int) -> bool:
    """Four digits right after a street address and a comma (``Jernbanegata 4a, 2609``), or
    right after a known poststed, maybe with a comma or a filler word between (``i Ålesund
    altså 6010``); not a quantity, and after a poststed not a year (``Bergen 2019``)."""
    after = context.words_after(text, end, 1)
    if after and after[0] in _QUANTITY_WORDS:
        return False
    if _after_address(text, start) or _ends_address(text, start, end):
        return True
    if 1900 <= int(text[start:end]) <= 2099:
        return False
    words = [w for w in context.words_before(text, start, 2) if w not in lexicon.FILLERS]
    return bool(words) and len(words[-1]) >= _MIN_PLACE and words[-1] in POSTSTEDER


_COMMA_BEFORE = re.compile(r"(?:,|(?<![\w])(?:ny[ \t]+linje|komma))[ \t]*$")
"""What parts a postnummer from the address before it: a comma, or the dictated ``ny linje``
or ``komma`` of speech-to-text (``brammensvei 67 ny linje 1344 bærum``)."""
_STREET_REACH = 80
_ADDRESS_TAIL = re.compile(r"[ \t]*(?:,[ \t]*)?(?:[^\W\d_][\w-]*[ \t]*){0,5}")
"""What may lie between a house number and the comma before a postnummer: a few words about
the flat (``Skippergata 6B, leiligheten i andre etasje, 0152``), no number, no sentence end."""


_TURN_END = re.compile(r"[ \t]*(?:[.!]?[ \t]*(?:\n|$))")
_SPACE_BEFORE = re.compile(r"[ \t]+$")


def _ends_address(text: str, start: int, end: int) -> bool:
    """Four digits that end a line right after a street address, a space between: ``i nedre
    hauglandsvegen 26 b 7043`` at the end of a turn (said in one breath, no comma heard)."""
    space = _SPACE_BEFORE.search(text, max(0, start - 4), start)
    if space is None or _TURN_END.match(text, end) is None:
        return False
    reach = max(0, space.start() - _STREET_REACH)
    for pattern in (_STREET, _LOWER_SEPARATE):
        if any(street.end() == space.start() for street in pattern.finditer(text, reach, start)):
            return True
    return False


def _after_address(text: str, start: int) -> bool:
    """Four digits right after a street address and a comma (``Jernbanegata 4a, 2609``,
    ``vestre gate 56 b, 4860 i tvedestrand``), maybe with words about the flat between."""
    comma = _COMMA_BEFORE.search(text, max(0, start - 12), start)
    if comma is None:
        return False
    reach = max(0, comma.start() - _STREET_REACH)
    for pattern in (_STREET, _LOWER_SEPARATE):
        for street in pattern.finditer(text, reach, comma.start()):
            if _ADDRESS_TAIL.fullmatch(text, street.end(), comma.start()):
                return True
    return False


def _since_last_number(words: list[str]) -> list[str]:
    """The words after the last one with a digit: a label before an earlier number is that
    number's (``postnr 3045 og tlf 2233``)."""
    numbers = [index for index, word in enumerate(words) if any(map(str.isdigit, word))]
    return words[numbers[-1] + 1 :] if numbers else words


def _same_region(text: str, start: int, end: int) -> bool:
    """Four bare digits in the postal region (the first two digits) of a postnummer given with
    its poststed in the same text, after words about an old or new address: ``… 8006 Bodø,
    gammel var 8010``. Not a year, nor a quantity (``5000 IE``)."""
    regions = context.remembered(text, _same_region, _regions)
    number = text[start:end]
    if number[:2] not in regions or start in regions[number[:2]] or 1900 <= int(number) <= 2099:
        return False
    if not context_words.MOVING.matches_any(context.words_before(text, start, 6)):
        return False
    after = context.words_after(text, end, 1)
    return not (after and after[0] in _QUANTITY_WORDS)


def _where_someone_lives(text: str, start: int, end: int) -> bool:
    """``bor nå i 5009``, ``flyttet fra 8010``: four digits right after a preposition that
    follows a living word, or a moving word right before the preposition (``flytte timen til
    1430`` moves an appointment); not a year, a time or a quantity."""
    if not context.could_occur(text, context_words.RESIDENCE):
        return False
    before = context.words_before(text, start, 3)
    if len(before) < 2 or before[-1] not in _PLACE_PREPOSITIONS:
        return False
    if 1900 <= int(text[start:end]) <= 2099 or context_words.APPOINTMENT.matches_any(before):
        return False
    living = context_words.RESIDENCE.matches(before[-2]) or context_words.LIVING.matches_any(
        before[:-1]
    )
    after = context.words_after(text, end, 1)
    return living and not (after and after[0] in _QUANTITY_WORDS)


_HOME_PLACE = (
    r"(?<!\w)(?:bor|bur|bodde|budde|bosatt|busett)(?:[ \t]+\w+)?[ \t]+(?:i|på)[ \t]+{}(?!\w)"
)
"""``bur framleis på hauge``: a living word, maybe an adverb, a preposition and the place."""


def _after_home_place(text: str, start: int, end: int) -> bool:
    """``bur framleis på hauge i vindafjord`` / ``ja hauge, 5585``: four digits right after a
    place the text names as where someone lives (a poststed too small for the list). Not a
    year, nor a quantity."""
    before = context.words_before(text, start, 1)
    if not before or len(before[0]) < _MIN_PLACE or not before[0].isalpha():
        return False
    if 1900 <= int(text[start:end]) <= 2099 or not context.could_occur(text, context_words.LIVING):
        return False
    after = context.words_after(text, end, 1)
    if after and after[0] in _QUANTITY_WORDS:
        return False
    home = re.compile(_HOME_PLACE.format(re.escape(before[0])))
    return home.search(context.lowered(text), 0, start) is not None


def _regions(text: str) -> dict[str, set[int]]:
    """The postal regions of the postnumre with a poststed in ``text``, and where they are."""
    regions: dict[str, set[int]] = {}
    for match in matches(_POSTNUMMER, text):
        if _postnummer_plausible(match[1]) and PostnummerRecognizer.with_place(text, match):
            regions.setdefault(match[1][:2], set()).add(match.start())
    return regions
