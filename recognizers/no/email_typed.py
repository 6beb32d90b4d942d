"""E-mail addresses typed in a hurry, beyond :mod:`recognizers.no.email_spaced`: with the
webmail provider's name only (``kari.berg@ gmail``, ``kari.berg@gmail (.com)``), without the
``@`` (``kari-b hotmail.com`` — a phone without the key, the writer often says so) and an
initial apart from the rest by a space (``k. berg@ gmail.com``).

A provider's name alone is an address only right after an ``@``; an address without its
``@`` only with a well-known webmail domain, a local part that is no ordinary word, and an
e-mail word a few words before (``epost er …``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from recognizers.no import context, context_words
from recognizers.no.person_lexicon import is_ordinary

_PROVIDERS = (
    r"(?:gmail|googlemail|hotmail|outlook|yahoo|icloud|live|online|msn|gmx|protonmail|proton|me)"
)
_PROVIDER_ONLY = re.compile(
    rf"(?i)[ ]?{_PROVIDERS}(?:[ ]?\((?:\.|dot[ ]?)?(?:com|no|net|de|se|dk)\)|(?![\w.\-@]))"
)
"""Right after an ``@``: a provider's name without its top-level domain, perhaps with it in
parentheses after (``@ gmail (.com)``)."""
_PROVIDER_DOMAIN = re.compile(
    rf"(?i){_PROVIDERS}\.(?:com|no|net|de|se|dk|fr|co\.uk|me)(?![\w\-@]|\.\w)"
)
_PROVIDER_NEEDLES = (
    *"gmail. hotmail. outlook. yahoo. icloud. live. online. msn. gmx. proton".split(),
)
_LOCAL = re.compile(r"(?<![\w.+\-@])[\w%+\-]+(?:\.[\w%+\-]+)*\Z")
_LOCAL_BEFORE_SPACE = re.compile(r"(?<![\w.+\-@])[\w%+\-]+(?:\.[\w%+\-]+)*[ ]\Z")
_REACH = 64
_INITIAL = re.compile(r"(?<![\w.\-])[a-zæøå]\.[ ]\Z")
"""A lower-case initial and a dot, then a space, right before a local part (``s. berg@``)."""
_SPAN = re.compile(r"[\s\S]+")
_EMAIL_WORDS_BEFORE = 5


def initial_start(text: str, start: int) -> int:
    """``start`` moved back over an initial set apart by a space (``k. berg@…``)."""
    if start < 3 or text[start - 1] != " ":
        return start
    found = _INITIAL.search(text, start - 3, start)
    return start if found is None else found.start()


def could_occur(lowered_text: str) -> bool:
    """Could an address without its ``@`` occur in the (lower-cased) text?"""
    return any(needle in lowered_text for needle in _PROVIDER_NEEDLES)


def provider_only(text: str) -> Iterator[re.Match[str]]:
    """Matches (of a catch-all pattern) over each address whose domain is a provider's
    name alone, after an ``@``."""
    at = text.find("@")
    while at != -1:
        provider = _PROVIDER_ONLY.match(text, at + 1)
        local = None if provider is None else _LOCAL.search(text, max(0, at - _REACH), at)
        if local is not None and provider is not None:
            found = _SPAN.match(text, initial_start(text, local.start()), provider.end())
            if found is not None:
                yield found
        at = text.find("@", at + 1)


def _domains(text: str, lowered: str) -> Iterator[re.Match[str]]:
    """Each webmail domain after a space or tab, found from its name with ``str.find``."""
    for needle in _PROVIDER_NEEDLES:
        at = lowered.find(needle)
        while at != -1:
            if at > 0 and text[at - 1] in " \t":
                found = _PROVIDER_DOMAIN.match(text, at)
                if found is not None:
                    yield found
            at = lowered.find(needle, at + 1)


def without_at(text: str) -> Iterator[re.Match[str]]:
    """Matches (of a catch-all pattern) over each address without its ``@`` before a webmail
    domain, an e-mail word a few words before."""
    lowered = context.lowered(text)
    if len(lowered) != len(text) or not could_occur(lowered):
        return
    for domain in _domains(text, lowered):
        local = _LOCAL_BEFORE_SPACE.search(text, max(0, domain.start() - _REACH), domain.start())
        if local is None:
            continue
        word = local.group().strip()
        if word.isalpha() and (is_ordinary(word.lower()) or len(word) < 3):
            continue
        words = context.words_before(text, local.start(), _EMAIL_WORDS_BEFORE)
        if not context_words.EMAIL.matches_any(words):
            continue
        found = _SPAN.match(text, local.start(), domain.end())
        if found is not None:
            yield found
