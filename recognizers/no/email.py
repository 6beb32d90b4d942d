"""EMAIL_ADDRESS: e-mail addresses (no network look-ups, unlike Presidio's own recognizer).

Also as people write them to dodge spam filters or say them aloud: ``kari.nordmann @
gmail.com``, ``kari.nordmann (at) gmail.com``, ``[at]``, ``(a)``, ``kari.nordmann at gmail
dot com``. Fullwidth ``＠`` is folded to ``@`` before recognizers run (NFKC). A plain ``at``
is an English and Norwegian word (``sa at nav.no ...``): it only counts when the local part
looks like one (a dot, digit, underscore or plus in it), the domain is spoken (``dot``), or
an e-mail word is near.

An address's local part said again in the same text is the address too (``j-haugen@icloud.com``
… ``lege: j bindestrek haugen``, ``thutrangnguyen94@…`` … ``thu trang nguyen nittifire``): a
listener reads it back to check it, and it identifies the patient as the address does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from recognizers.no import context, context_words, email_machine, email_typed
from recognizers.no.base import NorwegianRecognizer, Verdict
from recognizers.no.email_spaced import spaced_addresses
from recognizers.no.person_lexicon import is_ordinary
from recognizers.normalise import lexicon
from recognizers.normalise.number_words import NUMBER_WORD

SCORE = 1.0
SCORE_WRITTEN_OUT = 0.9

_LABEL = r"[A-Za-z0-9æøåÆØÅ](?:[A-Za-z0-9æøåÆØÅ\-]*[A-Za-z0-9æøåÆØÅ])?"
_EMAIL = re.compile(
    rf"(?<![\w.+\-])[\w.%+\-][\w.%+\-'’]*@@?(?:{_LABEL}\.)+[A-Za-z]{{2,24}}(?![\w\-])"
)
"""A local part may hold an apostrophe after its first character (``kari.o'neil@``); the
``@`` may be typed twice (``kari@@nav.no`` is still Kari's address, bounced or not)."""
_DOT = (
    r"(?:\.|[ \t]?[(\[]dot[)\]][ \t]?|[ \t](?:dot|punktum|prikk)[ \t]"
    r"|[ ]\.[ ](?=(?:no|com|net|org|se|dk|fi|de|uk|eu|nu|io|info)(?![\w\-])))"
)
"""A dot: written, said, or with a space on both sides before a common top-level domain
(``helse-nord . no``)."""
_AT = (
    r"(?:[ \t]?[(\[{](?:at|a|@)[)\]}][ \t]?|[ \t]@[ \t]|@[ \t]"
    r"|[ \t](?:at|krøllalfa|alfakrøll)[ \t])"
)
_WRITTEN_OUT = re.compile(rf"(?i:{_AT})(?:{_LABEL}(?i:{_DOT}))+[A-Za-z]{{2,24}}(?![\w\-])")
"""From the ``at`` marker to the end of the domain; the local part is read backwards."""
_LOCAL = re.compile(r"[\w%+\-]+(?:\.[\w%+\-]+)*\Z")
_LOCAL_LOOKS_LIKE_ONE = re.compile(r"[._+\d]")
_SPOKEN_DOT = re.compile(r"(?i)[ \t]dot[ \t]")
_MARKERS = (
    *(f"{o}{at}{c}" for o, c in ("()", "[]", "{}") for at in ("at", "a", "@")),
    "@ ",
    " at ",
    "\tat ",
    "krøllalfa",
    "alfakrøll",
)
"""Where a written-out ``@`` can begin, found with ``str.find`` (``_WRITTEN_OUT`` is tried
only there: searched with the regex, every space in a text would be a start)."""
_MARKER_PARTS = ("(a", "[a", "{a", " at ", "\tat ", "krøllalfa", "alfakrøll")
"""Every marker without an ``@`` contains one of these."""


_MIN_ECHOED = 5
"""Letters and digits a local part needs before a repetition of it counts (``ola@`` … ``ola``
is a name, found as one)."""
_PIECE = re.compile(r"[^\W\d_]+|\d+|[.\-_]")
_SPOKEN_NUMBER = rf"(?:\d+|{NUMBER_WORD})"
_SAID_SEPARATORS = {
    ".": r"(?:[ ]*\.[ ]*|[ ]+(?:punktum|punkt|prikk|dot|dått|dott)[ ]+)",
    "-": r"(?:[ ]*-[ ]*|[ ]+(?:bindestrek|strek)[ ]+)",
    "_": r"(?:_|[ ]+understrek[ ]+)",
}


_NUMBER_RUN = re.compile(rf"[ ]?{_SPOKEN_NUMBER}(?:[ ]+{_SPOKEN_NUMBER})*")
"""Digits said again, as digits or number words (compiled once: the number-word alternation
is large, and a pattern per address that held it cost ~150 ms to compile)."""
_SEPARATOR_RUNS = {piece: re.compile(said) for piece, said in _SAID_SEPARATORS.items()}
_BEFORE_ECHO = re.compile(r"[\w.@\-]")
_AFTER_ECHO = re.compile(r"[\w@]|[.\-]\w")
_SPAN = re.compile(r"[\s\S]+")
"""Matches whatever it is given: the echo found is handed on as a match of this."""


def _echo_matchers(local: str) -> list[re.Pattern[str]] | None:
    """A regex per piece of ``local`` (an address's local part) as it is said or written
    again: letters maybe apart by spaces (``thu trang nguyen``), digits as digits or number
    words, a dot or hyphen as one or as its word (``punktum``, ``bindestrek``); for
    lower-cased text. ``None`` for a short local part or one with a character no word says
    (``+``, ``%``, ``'``)."""
    if sum(char.isalnum() for char in local) < _MIN_ECHOED:
        return None
    pieces = _PIECE.findall(local.lower())
    if "".join(pieces) != local.lower():
        return None
    matchers: list[re.Pattern[str]] = []
    for piece in pieces:
        if piece in _SEPARATOR_RUNS:
            matchers.append(_SEPARATOR_RUNS[piece])
        elif piece.isdigit():
            matchers.append(_NUMBER_RUN)
        else:
            matchers.append(re.compile("[ ]?".join(map(re.escape, piece))))
    return matchers


def _echo_spans(lowered: str, matchers: list[re.Pattern[str]]) -> Iterator[tuple[int, int]]:
    """Where the pieces match one after another, not inside a longer word or address."""
    reached = 0
    for first in matchers[0].finditer(lowered):
        start, end = first.span()
        if start < reached or (start > 0 and _BEFORE_ECHO.match(lowered, start - 1)):
            continue
        for matcher in matchers[1:]:
            piece = matcher.match(lowered, end)
            if piece is None:
                break
            end = piece.end()
        else:
            if not _AFTER_ECHO.match(lowered, end):
                reached = end
                yield start, end


_ROLE_MAILBOXES = frozenset(
    """support info post postmottak postkasse kontakt kontor admin noreply no-reply donotreply
    service kundeservice firmapost sekretariat ekspedisjon resepsjon booking bestilling
    timebestilling faktura regnskap personvern webmaster mailer-daemon""".split()
)
"""Local parts that name a role or a shared mailbox, not a person."""


def _shared_mailbox(local: str, domain: str) -> bool:
    """An organisation's mailbox: a role name (``support@``, ``post@``), an ordinary word or
    compound (``personvernombud@``, ``pasientjournal@``) or a local part that
    begins with the domain's own name (``pasientreiser.vest@pasientreiser.no``). Its name
    said again elsewhere (``Fra: pasientreiser.vest``, a display name ``"X Support"``)
    identifies no one, so it is not an echo."""
    lowered = local.lower()
    if lowered in _ROLE_MAILBOXES or (lowered.isalpha() and is_ordinary(lowered)):
        return True
    labels = domain.lower().split(".")
    name = labels[-2] if len(labels) >= 2 else ""
    first = re.split(r"[.\-_]", lowered, maxsplit=1)[0]
    return len(name) >= _MIN_ECHOED and first == name


def _echoes(text: str) -> Iterator[re.Match[str]]:
    """Where the local part of an address in ``text`` is said again, outside the address."""
    lowered = lexicon.lower(text)
    addresses = {tuple(match.group().split("@", 1)) for match in _EMAIL.finditer(text)}
    for local in {local for local, domain in addresses if not _shared_mailbox(local, domain)}:
        matchers = _echo_matchers(local)
        if matchers is not None:
            for start, end in _echo_spans(lowered, matchers):
                found = _SPAN.match(lowered, start, end)
                if found is not None:
                    yield found


def _marker_starts(text: str, lowered: str) -> set[int]:
    """Offsets of every marker, moved back over one space or tab before it."""
    starts: set[int] = set()
    for marker in _MARKERS:
        if marker not in lowered:
            continue
        position = lowered.find(marker)
        while position != -1:
            spaced = position > 0 and text[position - 1] in " \t" and marker[0] not in " \t"
            starts.add(position - 1 if spaced else position)
            position = lowered.find(marker, position + 1)
    return starts


class EmailRecognizer(NorwegianRecognizer):
    """Addresses of the form local@domain.tld, including Norwegian letters."""

    ENTITY = "EMAIL_ADDRESS"
    PATTERNS = (_EMAIL, _WRITTEN_OUT)
    NEEDS_DIGIT = False
    CONTEXT_WORDS = context_words.EMAIL.entries()

    def could_match(self, text: str) -> bool:
        """An ``@`` or the start of a written-out one somewhere in ``text``."""
        if "@" in text:
            return True
        lowered = text.lower()
        return any(start in lowered for start in _MARKER_PARTS) or email_typed.could_occur(lowered)

    def candidates(self, text: str) -> Iterator[re.Match[str]]:
        """Plain addresses where there is an ``@``; written-out ones at their markers."""
        if "@" in text:
            yield from _EMAIL.finditer(text)
            yield from _echoes(text)
            yield from spaced_addresses(text)
            yield from email_typed.provider_only(text)
        yield from email_typed.without_at(text)
        lowered = context.lowered(text)
        if len(lowered) != len(text):  # lower-casing moved offsets (rare letters, e.g. "İ")
            yield from _WRITTEN_OUT.finditer(text)
            return
        for start in sorted(_marker_starts(text, lowered)):
            match = _WRITTEN_OUT.match(text, start)
            if match is not None:
                yield match

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """The regex is strict enough; a leading or doubled dot in the local part is not, a
        Message-ID or a bounce address is no one's (:mod:`recognizers.no.email_machine`). A
        mail system's tag or a spaced-off initial before the local part is reported with it."""
        if match.re is _WRITTEN_OUT:
            return self._written_out(text, match)
        if match.re is not _EMAIL:
            return Verdict(SCORE_WRITTEN_OUT, start=email_typed.initial_start(text, match.start()))
        local = match.group().split("@", 1)[0]
        if local.startswith(".") or ".." in local or not any(map(str.isalnum, local)):
            return None
        if email_machine.machine_id(text, match.start(), local):
            return None
        start = email_machine.tag_start(text, match.start())
        if start is None:
            start = email_typed.initial_start(text, match.start())
        return Verdict(SCORE, start=start)

    @staticmethod
    def _written_out(text: str, match: re.Match[str]) -> Verdict | None:
        """Read the local part back from the marker; a plain ``at`` needs more evidence."""
        window = text[max(0, match.start() - 64) : match.start()]
        local = _LOCAL.search(window)
        if local is None:
            return None
        start = match.start() - len(local.group())
        if start > 0 and text[start - 1] in ".+-@":
            return None
        marker = match.group().lstrip()[:1]
        plain_at = marker not in "([{@"
        if plain_at and not (
            _LOCAL_LOOKS_LIKE_ONE.search(local.group())
            or _SPOKEN_DOT.search(match.group())
            or context.context_near(text, (start, match.end()), context_words.EMAIL, after=0)
        ):
            return None
        return Verdict(SCORE_WRITTEN_OUT, start=start)
