"""Which words announce a name, and how strongly (for :mod:`recognizers.no.person`).

Kinds, from the most to the least permissive about a lower-case word after them:

* ``naming`` — ``heter``, ``Navn:``, ``navnet mitt er``: any word is the name;
* ``title`` — titles, roles, professions, honorifics, greetings, thanks, ``navnet er``, a
  person pointed out (``han der``) and ``er det`` after a role (``legen i natt er det``): a
  known name or a word that is no ordinary word;
* ``relative`` — relatives and signatures (``mora til``, ``mvh``): the same, ambiguous first
  names (``liv``) included;
* ``chat`` — ``jeg er``, ``det er``, ``snakke med``, a guess and its confirmation (``du må
  vere``, ``det stemmer``): a known name, or two words in a row that are no ordinary words
  (``det er mariam haddad``);
* ``about`` — ``angående``, ``gjelder``: a known name or a word that is no ordinary word, in
  lower case or capitalised (``gjelder Timen`` is no name);
* ``room`` — ``rom``, ``seng`` before a number (``Rom 6 Liv``): as ``relative``, and a
  capitalised word only when it may be a name in lower case too;
* ``verb`` — ``ring``, ``med``: a known, unambiguous first name or a known surname that is no
  ordinary word, never a capitalised word;
* ``label`` — a speaker label at the start of a transcript line (``lege:``): see
  :mod:`recognizers.no.person`.
"""

from __future__ import annotations

from recognizers.ner.english_turns import FUNCTION_WORDS, MIN_FUNCTION_WORDS
from recognizers.no import person_words as words
from recognizers.no.person_lexicon import is_number_word
from recognizers.no.person_tokens import Token

_NAMING_ENDS = frozenset(p[-1] for p in words.NAMING_PHRASES)
_PHRASE_ENDS = frozenset(
    p[-1]
    for p in words.INTRODUCER_PHRASES
    | words.CHAT_PHRASES
    | words.GREETING_PHRASES
    | words.POINTING_PHRASES
    | words.NICKNAME_PHRASES
)
_TITLE_WORDS = words.TITLES | words.ROLES | words.GREETINGS | words.THANKS
_TRIGGER_WORDS = (
    _TITLE_WORDS
    | words.NAMING_WORDS
    | words.RELATIVES
    | words.INTRODUCERS
    | _NAMING_ENDS
    | _PHRASE_ENDS
    | words.CHAT_VERBS
    | words.SIGNATURES
    | words.ABOUT
    | words.ROOMS
    | frozenset(p[-1] for p in words.NAME_IS_PHRASES)
)
"""Lower-cased words that may start a trigger; others only as an honorific or profession."""


_ASKING_WHAT = frozenset("hva kva hvem kven what who".split())
_TITLE_PHRASES = (
    words.GREETING_PHRASES | words.NAME_IS_PHRASES | words.POINTING_PHRASES | words.NICKNAME_PHRASES
)
_PERSON_WORDS = words.TITLES | words.ROLES | words.RELATIVES
_ROLE_REACH = 4


def _role_is_it(tokens: list[Token], i: int) -> bool:
    """``det`` after ``er``, with a title, role or relative a few words before in the same turn:
    ``legen i natt er det kaspersen``, ``fastlegen din er det fortsatt krogh``."""
    if i < 2 or tokens[i - 1].lower != "er":
        return False
    for k in range(i - 2, max(-1, i - 2 - _ROLE_REACH), -1):
        if tokens[k].label:
            return False
        lowered = tokens[k].lower
        if lowered in _PERSON_WORDS or words.is_profession(lowered):
            return True
    return False


def _ends_phrase(tokens: list[Token], i: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    previous = tuple(t.lower for t in tokens[max(0, i - 2) : i])
    lowered = tokens[i].lower
    return bool(phrases & {(*previous[-1:], lowered), (*previous, lowered)})


def _listed_kind(tokens: list[Token], i: int) -> str | None:
    """The kind a word from the trigger lists gives, by list (the first that applies)."""
    lowered = tokens[i].lower
    checks = (
        (
            "naming",
            lowered in words.NAMING_WORDS
            or (lowered in _NAMING_ENDS and _ends_phrase(tokens, i, words.NAMING_PHRASES)),
        ),
        (
            "title",
            lowered in _TITLE_WORDS or _ends_phrase(tokens, i, _TITLE_PHRASES),
        ),
        ("relative", lowered in words.RELATIVES or lowered in words.SIGNATURES),
        (
            "chat",
            lowered in words.INTRODUCERS
            or _ends_phrase(tokens, i, words.INTRODUCER_PHRASES | words.CHAT_PHRASES),
        ),
        ("about", lowered in words.ABOUT),
        ("room", lowered in words.ROOMS),
        ("verb", lowered in words.CHAT_VERBS),
    )
    return next((kind for kind, applies in checks if applies), None)


_NOT_NAME_NOUNS = ("nummer", "nummeret", "nr", "adresse", "adressa", "adressen", "mail", "mailen")


def _owns_a_number(tokens: list[Token], i: int) -> bool:
    """``… mitt er`` after a number or address (``nummeret mitt er endra``, ``mailen min er
    ny``). A number said in words after it (``nummeret mitt er fire fem``) keeps the trigger:
    the words are identifying whichever recognizer covers them (fail closed)."""
    following = tokens[i + 1].word_lower if i + 1 < len(tokens) else ""
    return (
        i >= 2
        and tokens[i - 1].lower in ("mitt", "min", "mi")
        and tokens[i - 2].lower.endswith(_NOT_NAME_NOUNS)
        and not is_number_word(following)
    )


_LOWER_HONORIFICS = frozenset({"mr", "mrs", "ms"})
_ENGLISH_REACH = 6


def _english_honorific(tokens: list[Token], i: int) -> bool:
    """``mr.``, ``mrs.`` or ``ms.`` in lower case (speech-to-text writes them so: ``my boss mr.
    tangen``), or without the dot among English words (``his teacher mr olsen says``). In a
    Norwegian line a lone ``mr`` is the scan (``jeg må ta mr``)."""
    token = tokens[i]
    if token.lower.rstrip(".") not in _LOWER_HONORIFICS or not token.text.islower():
        return False
    if token.text.endswith("."):
        return True
    near = tokens[max(0, i - _ENGLISH_REACH) : i + _ENGLISH_REACH]
    return sum(t.lower in FUNCTION_WORDS for t in near) >= MIN_FUNCTION_WORDS


def trigger_kind(tokens: list[Token], i: int) -> str | None:
    """The kind of trigger ``tokens[i]`` is (module docstring), or ``None``."""
    token = tokens[i]
    if token.label:
        return "label"
    # Most words are in none of the lists: only the checks below can make them a trigger.
    kind = _listed_kind(tokens, i) if token.lower in _TRIGGER_WORDS else None
    if kind == "naming" and i > 0 and tokens[i - 1].lower in _ASKING_WHAT:
        return None  # ``hva heter mannen din``: a question for a name, not one
    if kind == "naming" and _owns_a_number(tokens, i):
        return None  # ``nummeret mitt er endra``: a number or address, not a name
    if kind is None and (
        token.text in words.HONORIFICS
        or words.is_profession(token.lower)
        or _english_honorific(tokens, i)
    ):
        return "title"
    if kind is None and token.lower == "det" and _role_is_it(tokens, i):
        return "title"
    return kind
