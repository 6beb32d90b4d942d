"""Spoken names after a pronoun used as an article: ``han per``, ``hu eli``, ``ho liv``.

Spoken Norwegian puts ``han``/``hun``/``ho``/``hu`` before a person's name (``ja han per er
naboen min``, ``mora di ringte, hu eli``). A first name that is also a word (``per``, ``eli``,
``liv``) is taken after such a pronoun in lower-case speech when the name closes the clause or
a verb or the pronoun again follows (``han per er``, ``hu eli hu lurte``); ``han per
telefon``, ``betaler han per time`` stay.
"""

from __future__ import annotations

from collections.abc import Iterator

from recognizers.no import person_words as words
from recognizers.no.person_tokens import Token

_PRONOUNS = frozenset("han hun ho hu".split())
_SPOKEN_NAMES = words.AMBIGUOUS_FIRST_NAMES - frozenset(
    "are cat kid money pretty major will may june deep sitting grande sony herren frøken guden "
    "li ban bat tun love hope faith joy sunny vil fin lang glad".split()
)
"""First names that are also words, as Norwegian speakers are named (``per``, ``eli``)."""
_AFTER_NAME = frozenset(
    "er var har hadde ringte ringer sa seier sier kom kommer skal vil kan kunne skulle ville "
    "lurte lurer trenger treng bor budde fikk får og han hun ho hu".split()
)
"""Words that follow a name as the subject of a clause (a verb) or repeat the pronoun."""
_CLAUSE_ENDS = frozenset({"", ".", ",", "!", "?", "\n"})


def pronoun_names(text: str, tokens: list[Token]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each first name that is also a word, after a spoken pronoun article
    (module docstring)."""
    for i in range(1, len(tokens)):
        token = tokens[i]
        lowered = token.word_lower
        if lowered not in _SPOKEN_NAMES:
            continue
        if lowered in _PRONOUNS or token.case != "low" or tokens[i - 1].lower not in _PRONOUNS:
            continue
        if text[tokens[i - 1].end : token.start] != " ":
            continue
        end = token.start + len(token.word)
        after = text[end : end + 1]
        closes = after in _CLAUSE_ENDS or (after == " " and _next_closes(text, end))
        following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if closes or (after == " " and following in _AFTER_NAME):
            yield token.start, end


def _next_closes(text: str, end: int) -> bool:
    """Only spaces, then a line break or the end of the text."""
    rest = text[end : end + 40].lstrip(" \t")
    return rest[:1] in ("", "\n")
