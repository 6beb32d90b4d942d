"""Names in the turns of a dialogue: an answer to a question for a name, and ``kari her``.

* A line that ends asking for a name (``og etternavnet igjen``, ``kan jeg få navnet``, ``og
  hun heter``, ``og fornavnet til gutten``), asks which doctor or nurse (``hvilken lege``), or
  leaves ``du er`` open for the other to fill (``hei velkommen og du er``, ``og tolken er``),
  is answered on the next line, after its speaker
  label: the first word of the answer starts a name when it is a known name or no ordinary
  word (``SPEAKER_01: mirza``).
* On the phone people name themselves with ``her``: ``asma qureshi her``, ``hjemmetjenesten linn
  her``. The one or two words before a ``her`` that ends a clause (three when all are
  capitalised: ``Nguyễn Văn Hùng her``) are a name when each is a known name or no ordinary
  word.
* A relative in apposition names the words before it the same way: ``og áslat mannen min``,
  ``Gjelder Live (datter)``, and one word making a clause with it alone (``… time. idil
  mamma. tlf …``).

Both return token indexes for :mod:`recognizers.no.person` to turn into spans.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from recognizers.no import person_words as words
from recognizers.no.person_tokens import Token

_ASKING = frozenset(
    "navn navnet namn namnet etternavn etternavnet fornavn fornavnet heter heiter name "
    "fastlege fastlegen".split()
)
_ALSO_ASKED = frozenset(
    "og fødselsdato fødselsdatoen fødselsnummer fødselsnummeret fødselsnr adresse adressa "
    "adressen telefonnummer telefonnummeret nummer nummeret".split()
)
"""What a question may ask for with the name (``navn og fødselsdatoen din``)."""
_ANSWER_OPENERS = frozenset("ja jo jada ok okei nei".split())
"""Words an answer may start with before the name (``P: ja Mukhtar Hirsi``)."""
_CLAUSE_END = frozenset({"", ".", ",", "!", "?", "\n"})
MAX_HERE_WORDS = 2
MAX_HERE_CAPITALISED = 3
"""``kari her`` takes two words; three when all are capitalised (``Nguyễn Văn Hùng her``)."""


_WHOSE = words.RELATIVES | frozenset(
    "til på din di ditt hans hennes deres pasienten han hun ho dei de du".split()
)
"""Words that say whose name is asked for (``og fornavnet til gutten``)."""
_QUESTION_TAIL = 5


_WHO_IS = frozenset({"du", "dere", "dykk"}) | words.TITLES | words.ROLES | words.RELATIVES
"""Whom ``… er`` at the end of a turn asks the name of (``og du er``, ``og tolken er``)."""
_WHOSE_OWN = frozenset("din di ditt hans hennes deres dykkar".split())


def _asks_who(tokens: list[Token], last: int) -> bool:
    """Does the line end with ``du er`` or a role or relative and ``er`` (``hei velkommen og du
    er``, ``og mora di er``): a sentence left open for the other to fill with a name?"""
    if last < 1 or tokens[last].lower != "er":
        return False
    before = tokens[last - 1].lower
    if before in _WHOSE_OWN and last >= 2:
        before = tokens[last - 2].lower
    return before in _WHO_IS and not tokens[last - 1].label


_WHICH = frozenset("hvilken hvilke kva kven hvem which".split())


def _asks_which(tokens: list[Token], last: int) -> bool:
    """Does the line end asking which doctor or nurse (``hvilken lege``, ``kven er
    sjukepleiaren``): answered with a name?"""
    if last < 1:
        return False
    role = tokens[last].lower
    if not (role in words.TITLES or role in words.ROLES or words.is_profession(role)):
        return False
    before = tokens[last - 1].lower
    if before == "er" and last >= 2:
        before = tokens[last - 2].lower
    return before in _WHICH and not tokens[last - 1].label


def _asks_for_name(tokens: list[Token], last: int) -> bool:
    """Does the line ending at ``tokens[last]`` end asking for a name (``og etternavnet
    igjen``, ``og fornavnet til gutten``, ``og du er``)?"""
    if _asks_who(tokens, last) or _asks_which(tokens, last):
        return True
    k = last
    while k >= 0 and k > last - _QUESTION_TAIL:
        lowered = tokens[k].lower
        if lowered in _ASKING:
            return True
        if lowered not in words.ASKS_FOR_NAME and lowered not in _WHOSE | _ALSO_ASKED:
            return False
        k -= 1
    return False


def _is_header_row(text: str, end: int) -> bool:
    """Is the line ending at ``end`` a table's header row (``Avdeling;Navn;Fødselsdato``)?
    A row ending in a question is a message of an export (``…;Bot;Hva heter du?``)."""
    line = text[text.rfind("\n", 0, end) + 1 : end + 1]
    return any(delimiter in line for delimiter in ";|\t") and not line.rstrip().endswith("?")


_NUMBER_SENDER = re.compile(
    r"[ \t]*\[?\d[\d.,:/ \t\-–+\[\]]*\d\]?:[ \t]+|[ \t]*\d[\d.:/ \t\-]*\d;[^;\n]{1,30};[ \t]*"
)
"""A chat export's line opening whose sender is a phone number (``12.05.2025, 08:33 - +47 481
20 337: ``), or a CSV row's time stamp and sender (``2025-03-18 08:02;besøkende;``):
structure before the answer."""


def _after_number_sender(text: str, tokens: list[Token], i: int) -> int:
    """The first token after a phone-number sender opening the line of ``tokens[i]``, or ``i``."""
    prefix = _NUMBER_SENDER.match(text, tokens[i].start)
    if prefix is None:
        return i
    j = i
    while j < len(tokens) and tokens[j].start < prefix.end():
        j += 1
    return j


def answers(text: str, tokens: list[Token]) -> Iterator[int]:
    """Indexes of the first word of each answer to a question for a name."""
    for i in range(1, len(tokens)):
        if "\n" not in text[tokens[i - 1].end : tokens[i].start]:
            continue
        if not _asks_for_name(tokens, i - 1) or _is_header_row(text, tokens[i - 1].end):
            continue
        j = i + 1 if tokens[i].label else _after_number_sender(text, tokens, i)
        while j < len(tokens) - 1 and (
            tokens[j].lower in words.FILLERS or tokens[j].lower in _ANSWER_OPENERS
        ):
            j += 1
        if j < len(tokens) and "\n" not in text[tokens[i].start : tokens[j].start]:
            yield j


_SUBJECT_OPENERS = frozenset("og men at så ja nei da nå fordi mens når hvis om".split())
_SUBJECT_VERBS = frozenset(
    """var er sa sier kom kommer ringte ringer sluttet slutta har hadde lager laget skal vil
    må kan gikk går fikk får tok tar jobber bor trenger mente synes syntes""".split()
)


_SAYING_VERBS = frozenset("sier sa seier mener meiner synes syns tror trur lurer spør".split())
"""Verbs of saying and thinking: a capitalised unknown word opening a sentence before one is
someone speaking (``Vasanthi sier det er ok``), not a heading or an institution's name."""
_SENTENCE_ENDS = (".", "!", "?")


def subjects(tokens: list[Token], may_be_name: Callable[[Token], bool]) -> Iterator[int]:
    """Indexes of words that start a clause and are its subject, when ``may_be_name`` holds:
    lower-case ones after ``og``, ``men``, ``at``, ``ja`` … or a speaker label, before a verb
    (``og mahlet var innom``, ``etter at wojtek sluttet``); and capitalised ones opening a
    sentence before a verb of saying (``… 2 ganger. Vasanthi sier``)."""
    for i in range(1, len(tokens) - 1):
        token, following, before = tokens[i], tokens[i + 1].lower, tokens[i - 1]
        if token.case == "low" and following in _SUBJECT_VERBS:
            opens = before.label or before.lower in _SUBJECT_OPENERS
        elif token.case == "cap" and following in _SAYING_VERBS:
            opens = before.text.endswith(_SENTENCE_ENDS)
        else:
            continue
        if opens and may_be_name(token):
            yield i


def named_here(
    text: str, tokens: list[Token], may_be_name: Callable[[Token], bool]
) -> Iterator[tuple[int, int]]:
    """``(first, last)`` token indexes of the names before a clause-ending ``her``."""
    for i in range(1, len(tokens)):
        if tokens[i].word_lower != "her":
            continue
        end = tokens[i].start + len(tokens[i].word)  # ``her.``: the dot ends the clause
        after = text[end : end + 1]
        if after not in _CLAUSE_END or text[tokens[i - 1].end : tokens[i].start] != " ":
            continue
        first = _first_before(text, tokens, i, may_be_name, MAX_HERE_CAPITALISED)
        if first < i:
            yield _with_particle(text, tokens, first, may_be_name), i - 1


def _with_particle(
    text: str, tokens: list[Token], first: int, may_be_name: Callable[[Token], bool]
) -> int:
    """``first``, or the word before a name particle before it that may be a name too (``tran
    van long her``, ``le van an her``)."""
    if first < 2 or tokens[first - 1].lower not in words.PARTICLES:
        return first
    before = tokens[first - 2]
    spaced = (
        text[before.end : tokens[first - 1].start]
        == " "
        == text[tokens[first - 1].end : tokens[first].start]
    )
    return first - 2 if spaced and before.case in ("low", "cap") and may_be_name(before) else first


def _first_before(
    text: str,
    tokens: list[Token],
    i: int,
    may_be_name: Callable[[Token], bool],
    most: int = MAX_HERE_WORDS,
) -> int:
    """The first of the (at most two; up to ``most`` when all are capitalised) words right
    before ``tokens[i]`` that may be a name, or ``i`` if the word before may not."""
    first = i
    while (
        first > 0
        and (
            i - first < MAX_HERE_WORDS
            or (i - first < most and all(t.case == "cap" for t in tokens[first - 1 : i]))
        )
        and tokens[first - 1].case in ("low", "cap")
        and may_be_name(tokens[first - 1])
        and (first == i or text[tokens[first - 1].end : tokens[first].start] == " ")
    ):
        first -= 1
    return first


_POSSESSIVES = frozenset("min mi mitt vår vårt hans hennes deres dykkar my our".split())


def _apposition(text: str, tokens: list[Token], i: int) -> bool:
    """Is ``tokens[i]`` a relative in apposition to the words before it: ``mannen min``
    right after them, or ``(datter)``?"""
    if i > 0 and tokens[i].word_lower in words.RELATIVES and _signed_clause(text, tokens, i):
        return True
    if tokens[i].lower not in words.RELATIVES or i == 0:
        return False
    gap = text[tokens[i - 1].end : tokens[i].start]
    if gap == " (":
        return text[tokens[i].end : tokens[i].end + 1] == ")"
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        gap == " "
        and following is not None
        and following.lower in _POSSESSIVES
        and text[tokens[i].end : following.start] == " "
    )


_CLAUSE_MARKS = frozenset(".!?")
_CLOSERS = frozenset({"", ".", ",", "!"})


def _signed_clause(text: str, tokens: list[Token], i: int) -> bool:
    """``… vi trenger time. idil mamma. tlf …``: one word and the relative make a clause
    of their own, closed by a full stop, comma or the end, opened by one or the text's start."""
    token, name = tokens[i], tokens[i - 1]
    closer = token.text[len(token.word) :] if token.text.startswith(token.word) else "?"
    last = i + 1 == len(tokens) or "\n" in text[token.end : tokens[i + 1].start]
    if closer not in _CLOSERS or not (closer or last):
        return False
    if name.text != name.word or text[name.end : token.start] != " ":
        return False
    return i == 1 or tokens[i - 2].text[-1:] in _CLAUSE_MARKS


def named_before_relative(
    text: str, tokens: list[Token], may_be_name: Callable[[Token], bool]
) -> Iterator[tuple[int, int]]:
    """``(first, last)`` token indexes of the names a relative is in apposition to:
    ``áslat mannen min``, ``Live (datter)``."""
    for i in range(1, len(tokens)):
        if _apposition(text, tokens, i):
            first = _first_before(text, tokens, i, may_be_name)
            if first < i:
                yield first, i - 1
