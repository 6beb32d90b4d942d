"""May a lower-case word be a name where it stands? The tests :mod:`recognizers.no.person`
applies to the word after a trigger, by the trigger's kind (:mod:`recognizers.no.person_triggers`).
"""

from __future__ import annotations

from collections.abc import Callable

from recognizers.no import person_words as words
from recognizers.no.names import FIRST_NAMES, SURNAMES
from recognizers.no.person_lexicon import is_compound, is_ordinary
from recognizers.no.person_tokens import Token

MIN_UNKNOWN_LETTERS = 3
MIN_VERB_NAME = 4
_ADDRESS_NEXT = frozenset({"du", "dere", "dykk"})


def is_known(lowered: str, *, ambiguous_ok: bool = False) -> bool:
    """A first name or surname from the lists (ambiguous ones like ``liv`` only if allowed)."""
    if lowered in words.AMBIGUOUS_FIRST_NAMES:
        return ambiguous_ok
    return (
        lowered in FIRST_NAMES
        or lowered in SURNAMES
        or lowered.split("-", maxsplit=1)[0] in FIRST_NAMES
        or double_first_name(lowered)
    )


def double_first_name(lowered: str) -> bool:
    """Two or more first names joined by hyphens (``kaia-marie``, ``tore-mads``): each part a
    first name, ambiguous ones included, and at least one that is no ordinary word, so that
    ``mai-august`` (a span of months) is not taken."""
    parts = lowered.split("-")
    return (
        len(parts) > 1
        and all(p in FIRST_NAMES or p in words.AMBIGUOUS_FIRST_NAMES for p in parts)
        and any(p in FIRST_NAMES and p not in words.AMBIGUOUS_FIRST_NAMES for p in parts)
    )


CLINICAL_ENDINGS = tuple(
    "lyse lysen ektomi ektomien tomi tomien skopi skopien grafi grafien algi algien terapi "
    "terapien plastikk plastikken itis pati patien emi emien emboli embolien".split()
)
"""Endings of procedures and conditions (``trombolyse``, ``kolecystektomi``, ``gastroskopi``,
``leukemi``, ``lungeemboli``) that no name shares in a word of :data:`MIN_TERM_LETTERS` letters
or more."""
MIN_TERM_LETTERS = 7


def unknown_name(lowered: str) -> bool:
    """A word that is in no list but may be a name: no ordinary word, no clinical term by its
    ending (``trombolyse``), no English contraction (``what's``), and not too short to tell
    (the lexicon has no words of two letters)."""
    return (
        len(lowered) >= MIN_UNKNOWN_LETTERS
        and "'" not in lowered
        and "’" not in lowered
        and not (len(lowered) >= MIN_TERM_LETTERS and lowered.endswith(CLINICAL_ENDINGS))
        and not is_ordinary(lowered)
    )


def _next(tokens: list[Token], j: int) -> Token | None:
    return tokens[j + 1] if j + 1 < len(tokens) else None


def _after_title(lowered: str, tokens: list[Token], j: int) -> bool:
    return is_known(lowered) or unknown_name(lowered)


def _after_relative(lowered: str, tokens: list[Token], j: int) -> bool:
    return is_known(lowered, ambiguous_ok=True) or unknown_name(lowered)


def _after_about(lowered: str, tokens: list[Token], j: int) -> bool:
    """``gjelder allergitest`` is no name: a compound of two ordinary words is not taken."""
    return is_known(lowered) or (unknown_name(lowered) and not is_compound(lowered))


_INTRODUCED_NEXT = frozenset("fra som her hos frå i".split())
"""Words after a name one introduces (``det er wanjiru fra hjemmetjenesten``)."""


def _spoken_to(tokens: list[Token], j: int) -> bool:
    """``du er`` right before ``tokens[j]``: an ambiguous word there is mostly a particle."""
    return j >= 2 and (tokens[j - 2].lower, tokens[j - 1].lower) == ("du", "er")


def _after_chat(lowered: str, tokens: list[Token], j: int) -> bool:
    """A known name; or a word that is no ordinary word, ending the text, the turn or the
    clause (more than a space follows it: ``eg er ylvane 🌼 har du``, ``det er ylvane, kan``),
    or followed by another such word or by ``fra``, ``som``, ``her`` (``det er wanjiru fra
    hjemmetjenesten``)."""
    if lowered in words.AMBIGUOUS_FIRST_NAMES and _spoken_to(tokens, j):
        return opens_name(tokens, j)  # ``du er jo her``, but ``du er hans petter``
    if is_known(lowered, ambiguous_ok=True):
        return True
    if not unknown_name(lowered):
        return False
    following = _next(tokens, j)
    if following is None or following.label or following.start - tokens[j].end > 1:
        return True
    return following.case == "low" and (
        following.lower in _INTRODUCED_NEXT or unknown_name(following.word_lower)
    )


def _after_label(lowered: str, tokens: list[Token], j: int) -> bool:
    """A known first name; an ambiguous one too when spoken to (``tone du tar rom fire``)."""
    following = _next(tokens, j)
    if following is not None and following.lower in _ADDRESS_NEXT:
        return is_known(lowered, ambiguous_ok=True)
    return _first_name(lowered, tokens, j)


def _after_verb(lowered: str, tokens: list[Token], j: int) -> bool:
    """A known first name, a known surname that is no ordinary word (``ringt rønning``), or a
    word of four letters or more that is no ordinary word and no compound of two (``ringte
    mirela``): speech-to-text writes names of every origin in lower case."""
    if _first_name(lowered, tokens, j) or (lowered in SURNAMES and not is_ordinary(lowered)):
        return True
    if j == 0 or tokens[j - 1].lower in _NOT_VERBS:  # ``med locobase``: a drug, not a name
        return False
    return len(lowered) >= MIN_VERB_NAME and unknown_name(lowered) and not is_compound(lowered)


_NOT_VERBS = frozenset({"med", "og"})
"""Chat triggers that are no verb: after them only a known name is taken."""


def _first_name(lowered: str, tokens: list[Token], j: int) -> bool:
    known = lowered in FIRST_NAMES and lowered not in words.AMBIGUOUS_FIRST_NAMES
    return known or double_first_name(lowered)


_BY_KIND: dict[str, Callable[[str, list[Token], int], bool]] = {
    "naming": lambda lowered, tokens, j: True,
    "title": _after_title,
    "answer": _after_title,
    "relative": _after_relative,
    "room": _after_relative,
    "about": _after_about,
    "chat": _after_chat,
    "label": _after_label,
    "verb": _after_verb,
}


_VERB_NEXT = frozenset("å meg deg seg oss dykk dere ham henne".split())
"""Words after a verb, rarely after a name: ``lege ringje meg``, ``gleymde å sei``."""


def lower_ok(tokens: list[Token], j: int, kind: str) -> bool:
    """May the word ``tokens[j]``, in lower case, start a name after a trigger of ``kind``?
    Not a word in no list followed by an object pronoun or ``å``: that is a verb."""
    lowered = tokens[j].word_lower
    following = _next(tokens, j)
    if (
        kind != "naming"
        and following is not None
        and following.lower in _VERB_NEXT
        and not is_known(lowered)
    ):
        return False
    return _BY_KIND.get(kind, _first_name)(lowered, tokens, j)


def capital_name(token: Token, first: bool) -> bool:
    """A capitalised first name that is also a pronoun or noun (``Vår``, ``Hans``), right after
    a trigger: mid-sentence the possessive is lower-case, so the capital marks the name."""
    return first and token.case == "cap" and token.word_lower in words.AMBIGUOUS_FIRST_NAMES


def opens_name(tokens: list[Token], j: int) -> bool:
    """Does the pronoun-like word ``tokens[j]`` (``hans``, ``vår``) after a trigger start the
    name rather than qualify it? Yes when capitalised (:func:`capital_name`) or, in lower case,
    when it is a first name and a known first name follows (``du er hans petter``)."""
    if capital_name(tokens[j], True):
        return True
    following = _next(tokens, j)
    return (
        tokens[j].word_lower in words.AMBIGUOUS_FIRST_NAMES
        and following is not None
        and following.case == "low"
        and _first_name(following.word_lower, tokens, j + 1)
    )
