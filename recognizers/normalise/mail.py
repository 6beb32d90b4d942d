"""Spoken and obfuscated e-mail addresses: ``noori punktum dariush krøllalfa gmail punktum com``
→ ``noori.dariush@gmail.com``; also ``ola (at) example (dot) no`` and ``ola @ example . no``.

A spoken local part may be several words (``minh tran åttito krøllalfa …`` → ``minhtran82@``):
before a spoken at-word it reaches back over up to three words, to a line start, a speaker's
label, punctuation or a word that introduces the address (``er``, ``til``, ``på``, ``mailen
min er``), so ``send til ola krøllalfa …`` keeps ``send til``. Number words said in the local
part become its digits (``ola nittifem`` → ``ola95``). The domain needs a spoken or written dot
and a final label of letters. A plain ``at`` is a common word (``hun sa at helsenorge.no var
nede``): it stands for ``@`` only with a spoken dot, a dot, digit or separator in the local
part, or an e-mail word before the address.
"""

from __future__ import annotations

import re

from recognizers.no.context_words import EMAIL
from recognizers.normalise import lexicon
from recognizers.normalise.number_words import NUMBER_WORD, groups, tokens
from recognizers.normalise.offsets import TextView, ViewBuilder

_DOT_WORD = r"(?:punktum|punkt|prikk|dot|dått|dott)"
_AT_NAMES = (
    r"(?:krøll(?:[- ]?alfa)?|alfa[- ]?krøll|krølla|snabel[- ]?a|at[- ]tegn(?:et)?|kanelbolle"
    r"|æt)"  # "at" as a Norwegian transcript writes it
)
_AT_WORD = rf"(?:{_AT_NAMES}|at)"
_BRACKETED_AT = r"[(\[]at[)\]]"
_BRACKETED_DOT = rf"[(\[]{_DOT_WORD}[)\]]"


def _separator(words: str, symbol: str) -> str:
    """Spoken as a word between spaces, or written, tight or with a space on both sides."""
    return rf"(?:[ ]+{words}[ ]+|{symbol}|[ ]+{symbol}[ ]+)"


_DOT = "(?:" + _separator(_DOT_WORD, r"\.") + rf"|[ ]*{_BRACKETED_DOT}[ ]*)"
_DASH = _separator("(?:bindestrek|strek)", "-")
_UNDERSCORE = _separator("understrek", "_")
_AT = rf"(?:[ ]+{_AT_WORD}[ ]+|[ ]*(?:@|{_BRACKETED_AT})[ ]*)"
_PART = rf"[^\W_]+(?:[ ]+{NUMBER_WORD})*"
_LOCAL = rf"{_PART}(?:(?:{_DOT}|{_DASH}|{_UNDERSCORE}){_PART})*"
_LABEL = rf"[^\W_]+(?:{_DASH}[^\W_]+)*"
_TLDS = "com|no|net|org|se|dk|fi|nu|info|io|eu|de|uk"
_TLD_DOT = rf"(?:\.[ ]|[ ]\.|,)(?=(?:{_TLDS})(?!\w))"
"""A dot with a space on one side, before a common top-level domain: a phone's keyboard puts
a space after a full stop (``kari@gmail. com``); or a comma typed for it, the key beside it
(``kari@gmail,com``)."""
_DOMAIN = (
    rf"{_LABEL}(?P<spaced>[ ]+{_LABEL}(?={_DOT}))?"
    rf"(?:{_DOT}{_LABEL})*(?:{_DOT}|{_TLD_DOT})[^\W\d_]{{2,}}(?!\w)"
)
"""A domain; its first label may be said as two words (``krøllalfa hegre bygg punktum no`` →
``@hegrebygg.no``) after a spoken at-word that cannot be the common word ``at``."""
MAIL = re.compile(rf"(?<![\w.@-])(?P<local>{_LOCAL})(?P<at>{_AT}){_DOMAIN}")
"""A whole spoken, spaced or bracketed e-mail address (a written one matches too and is kept
as it is)."""
_CUES = (
    rf"(?<!\w){_AT_NAMES}(?!\w)|(?<!\w)at[ ]+[^\W_]+{_DOT}[^\W\d_]"
    rf"|{_BRACKETED_AT}|[ ]@|@[ ]|@[^\W_]+[ ]+{_DOT_WORD}[ ]|@[^\W_]+{_TLD_DOT}"
)
"""Something a spoken or spaced address cannot do without; plain ``at`` (a common word) only
when a dotted domain follows."""
_CUE = re.compile(_CUES)
_ELEMENT = re.compile(
    rf"(?P<at>(?<!\w){_AT_WORD}(?!\w)|@|{_BRACKETED_AT})"
    rf"|(?P<dot>(?<!\w){_DOT_WORD}(?!\w)|[.,]|{_BRACKETED_DOT})"
    r"|(?P<dash>(?<!\w)(?:bindestrek|strek)(?!\w)|-)"
    r"|(?P<underscore>(?<!\w)understrek(?!\w)|_)"
    r"|(?P<word>[^\W_]+)",
)
_SYMBOLS = {"at": "@", "dot": ".", "dash": "-", "underscore": "_"}


def rewrite_mail(text: str, base: TextView | None = None) -> TextView | None:
    """``text`` with each spoken, spaced or bracketed e-mail address written plainly."""
    builder = ViewBuilder(text, base)
    text = lexicon.lower(text)
    if _CUE.search(text) is None:
        return None
    for match in MAIL.finditer(text):
        at_word = match["at"].strip()
        if at_word == "at" and (match["spaced"] or not _plain_at_is_at(text, match)):
            continue
        start = match.start()
        if at_word[:1].isalpha():
            start = max(_local_start(text, start), builder.cursor)
        builder.keep_to(start)
        _write_address(builder, text, start, match.end())
    return builder.view()


_STOP_WORDS = frozenset(
    """er var blir til på hos som og eller men at ja nei jo mail mailen e-post epost
    e-posten eposten adresse adressen adressa mailadresse mailadressen min mi mitt mine din di
    ditt hans hennes deres vår meg deg heter send sende sendes skriv bruk med is to at my me
    your his her""".split()
)
"""Words that introduce a spoken address rather than belong to its local part."""
_MAX_EXTRA_WORDS = 3
_TRAILING_WORD = re.compile(r"(?<!\S)[^\W_]+[ ]+$")
"""The whole word before a position and the spaces after it."""
_SPOKEN_SEPARATOR = re.compile(
    rf"(?<!\w)(?:{_DOT_WORD}|bindestrek|strek|understrek)(?!\w)|{_BRACKETED_DOT}"
)
_SYMBOL_OR_DIGIT = re.compile(r"[._\d-]")
_JOINING_WORDS = frozenset({"bindestrek", "strek", "understrek", "punktum", "punkt", "prikk"})
"""Spoken separators that join the words of a local part."""


def _local_start(text: str, start: int) -> int:
    """Where a spoken local part beginning at ``start`` really begins: back over up to three
    words apart by spaces, not across a stop word or punctuation; a spoken separator between
    two of them is part of it (``tiril bindestrek ak sjuåtte krøllalfa …``)."""
    for _ in range(_MAX_EXTRA_WORDS):
        word = _TRAILING_WORD.search(text, max(0, start - 48), start)
        if word is not None and word.group().rstrip() in _JOINING_WORDS:
            word = _TRAILING_WORD.search(text, max(0, word.start() - 48), word.start())
        if word is None or _stop(word.group().rstrip()):
            break
        start = word.start()
    return start


def _stop(word: str) -> bool:
    return word in _STOP_WORDS or word in lexicon.MAIL_WORDS


def _plain_at_is_at(text: str, match: re.Match[str]) -> bool:
    """A plain ``at`` is ``@`` with a spoken dot or separator in the address, a dot, digit or
    separator in its local part, or an e-mail word among the six words before it."""
    if _SPOKEN_SEPARATOR.search(text, match.start(), match.end()):
        return True
    if _SYMBOL_OR_DIGIT.search(match["local"]):
        return True
    return EMAIL.matches_any(text[max(0, match.start() - 60) : match.start()].split()[-6:])


def _write_address(builder: ViewBuilder, text: str, start: int, end: int) -> None:
    """Words kept letter for letter, separators as symbols, spaces dropped; number words in
    the local part as digits."""
    in_domain = False
    numbers: list[re.Match[str]] = []
    for element in _ELEMENT.finditer(text, start, end):
        kind = element.lastgroup or "word"
        if kind == "word" and not in_domain and _number_word(text, element):
            numbers.append(element)
            continue
        _write_numbers(builder, text, numbers)
        numbers = []
        if kind == "word":
            builder.keep(element.start(), element.end())
        else:
            builder.put(_SYMBOLS[kind], element.start(), element.end())
            in_domain = in_domain or kind == "at"
    builder.skip_to(end)


def _number_word(text: str, element: re.Match[str]) -> bool:
    """The word is a number said (``nittifem``, ``82``), not a name with digits in it
    (``rutele88`` keeps its letters)."""
    found = tokens(text, element.start(), element.end())
    return bool(found) and found[0].start == element.start() and found[-1].end == element.end()


def _write_numbers(builder: ViewBuilder, text: str, words: list[re.Match[str]]) -> None:
    if words:
        for group in groups(tokens(text, words[0].start(), words[-1].end())):
            builder.put(group.digits, group.start, group.end)
