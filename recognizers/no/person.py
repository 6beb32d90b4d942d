"""PERSON by context: names right after a title, a role, a relative or "jeg heter".

The NER model finds most names; this recognizer covers the clinical and chat register it
may miss: ``fastlege Hansen``, ``datter Kari``, ``kona til Per``, ``Dr. Ingrid Bakke``,
lower-case chat (``eg heiter kari``, ``ring mora mi, ingrid``) and signatures (``Mvh Ola``).

Up to three name words are taken, stopping at a common or structural word. Capitalised names
are taken after any trigger. Lower-case names are taken after a title (``dr. grøtte``) or,
when they start with a known first name (:mod:`recognizers.no.names`), after a relative, an
introduction or a chat verb — and in chat-style text (almost no capitals) also on their own.
Names that are drugs, eponym diagnoses or streets are left alone
(:func:`recognizers.ner.not_names.is_not_a_person`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recognizers.ner.not_names import is_not_a_person
from recognizers.no import person_words as words
from recognizers.no.base import NorwegianRecognizer, Verdict
from recognizers.no.names import COMMON_FIRST_NAMES, FIRST_NAMES

SCORE = 0.75
SCORE_KNOWN_FULL_NAME = 0.7
SCORE_KNOWN_FIRST_NAME = 0.6

_UPPER = "A-ZÆØÅÉÁÀÄÖÜÓÍÚÑÇŁŚŻČŠŽĐ"
_LOWER_LETTERS = "a-zæøåéèêëáàâãäíìîïóòôõöúùûüñçłśźżćńęąđšžčăơư'’"
_NAME_WORD = rf"[{_UPPER}][{_LOWER_LETTERS}]+(?:-[{_UPPER}a-zæøå][{_LOWER_LETTERS}]+)?"
_LOWER_WORD = rf"[{_LOWER_LETTERS}]{{2,}}(?:-[{_LOWER_LETTERS}]{{2,}})?"
_PARTICLES = frozenset(
    "van von de der den ten ter da di du dos das del la le el al bin ibn binti".split()
)
_PARTICLE = rf"(?:{'|'.join(sorted(_PARTICLES))})"
_CAPITALISED = rf"{_NAME_WORD}(?:[ \t](?:{_PARTICLE}[ \t])*{_NAME_WORD}){{0,2}}"
_LOWERCASE = rf"{_LOWER_WORD}(?:[ \t]{_LOWER_WORD}){{0,2}}"
_GAP = r"(?:[ \t](?:til|min|mi|mitt|vår|hans|hennes|our|my)\b)?(?:[ \t]|:\s?|,[ \t])"
_START = r"(?<![\wæøå])"

_ANY_TRIGGER = "|".join(
    (words.TITLES, words.ROLES, words.RELATIVES, words.INTRODUCERS, words.PROFESSIONS)
)
_CAP = re.compile(rf"{_START}(?:(?i:{_ANY_TRIGGER})|{words.HONORIFICS}){_GAP}(?=({_CAPITALISED}))")
_TITLE_LOWER = re.compile(rf"{_START}(?i:{words.TITLES}){_GAP}(?=({_LOWERCASE}))")
_LOWER = re.compile(
    rf"{_START}(?i:{words.RELATIVES}|{words.INTRODUCERS}|{words.CHAT_VERBS}){_GAP}"
    rf"(?=({_LOWERCASE}))"
)
_LOWER_BARE = re.compile(rf"(?<![\wæøå\-])(?=({_LOWERCASE}))")
_KNOWN = re.compile(rf"(?<![\wæøå\-])(?=({_CAPITALISED}))")
_WORD = re.compile(r"\S+")


def is_chat(text: str) -> bool:
    """Mostly lower-case prose: a chat message, where capitals say nothing about names."""
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return len(letters) >= 12 and capitals <= max(2, len(letters) // 40)


def _name_end(text: str, start: int, stop: int, lowercase: bool) -> int | None:
    """End of the name in ``text[start:stop]``, cut before a common or structural word."""
    end = None
    for word in _WORD.finditer(text, start, stop):
        token = word.group()
        lowered = token.lower()
        if (lowered in words.COMMON and (lowercase or end is None)) or token in words.STRUCTURAL:
            break
        if lowered in words.STREET_WORDS:
            return None
        end = word.end()
    return end


def _first_name_ok(first: str, *, bare: bool) -> bool:
    if first in words.AMBIGUOUS_FIRST_NAMES:
        return not bare
    return first in FIRST_NAMES


def _continues_a_name(text: str, start: int) -> bool:
    """True when a capitalised word (or a name particle) sits right before ``start``."""
    before = text[max(0, start - 40) : start]
    if not before.endswith((" ", "\t")):
        return False
    previous = before.split()[-1:] or [""]
    word = previous[0]
    return bool(word) and (word[0].isupper() or word in _PARTICLES) and word[-1].isalpha()


def _known_name_score(name_words: list[str]) -> float | None:
    """A capitalised known first name: with a capitalised surname, or alone if common."""
    first = name_words[0].lower()
    if first in words.AMBIGUOUS_FIRST_NAMES or first not in FIRST_NAMES:
        return None
    if len(name_words) > 1:
        return SCORE_KNOWN_FULL_NAME
    return SCORE_KNOWN_FIRST_NAME if first in COMMON_FIRST_NAMES else None


class PersonContextRecognizer(NorwegianRecognizer):
    """Names introduced by a title, role, relative or an introduction; see module docstring."""

    ENTITY = "PERSON"
    PATTERNS = (_CAP, _TITLE_LOWER, _LOWER, _KNOWN, _LOWER_BARE)
    NEEDS_DIGIT = False

    def patterns_for(self, text: str) -> Sequence[re.Pattern[str]]:
        """Bare lower-case names are only looked for in chat-style text."""
        return self.PATTERNS if is_chat(text) else self.PATTERNS[:4]

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Keep the name words up to the first common, structural or street word."""
        lowercase = match.re not in (_CAP, _KNOWN)
        first = match.group(1).split()[0]
        if match.re in (_LOWER, _LOWER_BARE) and not _first_name_ok(
            first, bare=match.re is _LOWER_BARE
        ):
            return None
        end = _name_end(text, match.start(1), match.end(1), lowercase)
        if end is None or is_not_a_person(text, match.start(1), end):
            return None
        score: float | None = SCORE
        if match.re is _KNOWN:
            if _continues_a_name(text, match.start(1)):
                return None
            score = _known_name_score(text[match.start(1) : end].split())
        if score is None:
            return None
        context = "known-name" if match.re is _KNOWN else "trigger"
        return Verdict(score, {"context": context}, start=match.start(1), end=end)
