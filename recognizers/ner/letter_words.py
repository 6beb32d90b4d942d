"""Skip spaCy's affix regexes for words of letters only, where they provably find nothing.

spaCy's tokenizer splits each whitespace-separated chunk with its prefix, suffix and infix
regexes and tests it against its URL regex. Inside a memory zone (as sladd runs the model)
it remembers no chunk from one request to the next, so every word of every request goes
through those regexes again: about 0.5 ms of the ~1.2 ms that tokenising a 2 KB message
takes, most of it in the suffix and infix patterns, which Python's ``re`` tries at every
position of the word.

Most chunks are plain words (``pasienten``, ``Nordmann``: ~70 % of those in the benchmark's
messages). A pattern none of whose alternatives can match a string of letters only gives no
match on such a word, so the word may skip it. :func:`can_match_letters` decides that from
the pattern's parse, conservatively: every branch must need a character that is not a letter
(a full stop, a digit, a quote ...) in the string, itself or in a look-behind or look-ahead
(``(?<=[0-9])km`` needs a digit); negative look-arounds and anchors count as needing nothing.
A pattern it cannot prove letter-free is left alone, so the tokens are exactly spaCy's
either way (``tests/recognizers/test_ner_speed_settings.py`` compares them on the corpora).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from typing import Any

# The standard library's regex parser (``sre_parse`` before Python 3.11), which ``re`` itself
# compiles with; typeshed does not describe it.
sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

_LETTERLESS_CATEGORIES = frozenset(
    {
        sre.CATEGORY_DIGIT,
        sre.CATEGORY_SPACE,
        sre.CATEGORY_NOT_WORD,
        sre.CATEGORY_LINEBREAK,
        sre.CATEGORY_UNI_DIGIT,
        sre.CATEGORY_UNI_SPACE,
        sre.CATEGORY_UNI_NOT_WORD,
        sre.CATEGORY_UNI_LINEBREAK,
        sre.CATEGORY_LOC_NOT_WORD,
    }
)
"""Character classes (``\\d``, ``\\s``, ``\\W`` ...) that hold no letter."""
_MAX_CODEPOINT = 0x10FFFF


def can_match_letters(pattern: re.Pattern[str]) -> bool:
    """Could ``pattern`` match (anywhere) in a string of letters only (``str.isalpha``)?

    ``False`` is a proof; ``True`` may be a false alarm (anything the analysis does not
    know counts as able to match).
    """
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    if parsed.state.flags & re.IGNORECASE:
        return True  # case-folding can pair a letter with a non-letter (U+0345 and iota)
    return not _needs_non_letter(parsed)


def _needs_non_letter(sequence: Any) -> bool:
    """Every match of this sequence needs a character that is no letter in the string: one
    it consumes, or one a look-behind or look-ahead of it must see."""
    return any(_item_needs_non_letter(op, arg) for op, arg in sequence)


def _item_needs_non_letter(op: Any, arg: Any) -> bool:
    rule = _ITEM_RULES.get(op)
    return False if rule is None else rule(arg)  # ANY, NOT_LITERAL, anything else: may be


def _repeat_needs_non_letter(arg: Any) -> bool:
    least, _, body = arg
    return bool(least >= 1 and _needs_non_letter(body))


def _subpattern_needs_non_letter(arg: Any) -> bool:
    _, add_flags, _, body = arg
    return not add_flags & re.IGNORECASE and _needs_non_letter(body)


_ITEM_RULES: dict[Any, Callable[[Any], bool]] = {
    # consumes nothing, so needs nothing (its condition is not looked at)
    sre.AT: lambda _: False,
    sre.ASSERT_NOT: lambda _: False,
    # (?<=...) or (?=...): what it looks at must be in the string
    sre.ASSERT: lambda arg: _needs_non_letter(arg[1]),
    sre.LITERAL: lambda code: not chr(code).isalpha(),
    sre.IN: lambda items: not _set_has_letter(items),
    sre.MAX_REPEAT: _repeat_needs_non_letter,
    sre.MIN_REPEAT: _repeat_needs_non_letter,
    sre.POSSESSIVE_REPEAT: _repeat_needs_non_letter,
    sre.SUBPATTERN: _subpattern_needs_non_letter,
    sre.BRANCH: lambda arg: all(_needs_non_letter(branch) for branch in arg[1]),
}
"""Per parser opcode: does this item need a non-letter? Opcodes not listed may not."""


def _set_has_letter(items: Any) -> bool:
    """Whether a character set (``[...]``) holds a letter; a negated set is assumed to."""
    for op, arg in items:
        if op is sre.NEGATE:
            return True
        if op is sre.LITERAL and chr(arg).isalpha():
            return True
        if op is sre.RANGE and _range_has_letter(*arg):
            return True
        if op is sre.CATEGORY and arg not in _LETTERLESS_CATEGORIES:
            return True
        if op not in (sre.LITERAL, sre.RANGE, sre.CATEGORY):
            return True  # an item this analysis does not know
    return False


def _range_has_letter(low: int, high: int) -> bool:
    return any(chr(code).isalpha() for code in range(low, min(high, _MAX_CODEPOINT) + 1))


def _skip_search(
    search: Callable[[str], re.Match[str] | None],
) -> Callable[[str], re.Match[str] | None]:
    def search_unless_letters(text: str) -> re.Match[str] | None:
        return None if text.isalpha() else search(text)

    return search_unless_letters


def _skip_finditer(
    finditer: Callable[[str], Iterator[re.Match[str]]],
) -> Callable[[str], Iterator[re.Match[str]]]:
    def finditer_unless_letters(text: str) -> Iterator[re.Match[str]]:
        return iter(()) if text.isalpha() else finditer(text)

    return finditer_unless_letters


_HOOKS: dict[str, Callable[[Any], Any]] = {
    "prefix_search": _skip_search,
    "suffix_search": _skip_search,
    "url_match": _skip_search,
    "token_match": _skip_search,
    "infix_finditer": _skip_finditer,
}
"""The tokenizer's regex hooks: each is a bound method of a compiled pattern, or ``None``."""


def skip_regexes_for_letter_words(tokenizer: Any) -> list[str]:
    """Make each of ``tokenizer``'s regex hooks that cannot match a word of letters skip
    such words; returns the names of the hooks changed (the others stay as they were)."""
    changed = []
    for name, wrap in _HOOKS.items():
        hook = getattr(tokenizer, name, None)
        pattern = getattr(hook, "__self__", None)
        if isinstance(pattern, re.Pattern) and not can_match_letters(pattern):
            setattr(tokenizer, name, wrap(hook))
            changed.append(name)
    return changed
