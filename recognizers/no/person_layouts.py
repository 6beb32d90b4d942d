"""Names found by where they stand: ``Surname, Given``, a name column, a chat sender, a user name.

* ``NORDMANN, Kari``, ``Nordmann, Kari``, ``| Vold, Tobias |``: the whole ``Surname, Given``
  is one name when the given name is a known first name, the surname a known surname, or the
  pair fills a cell on its own: a table or CSV cell, a list item (``5. Abraha, Selamawit –
  tlf``), a column of a fixed-width listing (``08:20  Eira, Máret Inger    030179``), a
  field after its label (``| Navn: Ebadi, Kourosh |``), a quoted value (``'Koskinen, Aino'``),
  a line after a time stamp (``[14:02] Mbaye, Awa``), with no ordinary word in it
  (:mod:`recognizers.no.names`). A stop word before the surname is not part of it (``Bruker
  Holm-Eriksen, Ragnhild``); a particle is (``Van Dijk, Maarten``).
* A table (``|``, tab, ``;`` or ``,`` separated) whose header row has a cell ``Navn``,
  ``Pasient``, ``Name``, ``Etternavn``, ``Fornavn`` …: the cells below it in that column.
* Chat exports: the sender before the colon (``24.09.2024, 21:11 - hedvig: hei!``, ``[09:14]
  Ola Nordmann: …``, with a role after it ``[10:02] Chidinma (Kunde): …``, after a channel
  ``Vakt-chat 23:48 — Lê Thu Hà: …``; ``hedvig: hei`` in a lower-case chat), unless it is a
  speaker or role word (``lege:``, ``SPEAKER_00:``) or an ordinary word (``Legekontoret:``);
  without a time stamp, a capitalised sender that opens two lines or more (``- Amadou: hei``).
* User names in logs, directories and key=value text: ``bruker=minh.duong``, ``user:
  kari.nordmann``, ``owner=tkvalheim``, ``sAMAccountName: ghovland``, ``"username":"lsandvik"``,
  ``login kari.n``, ``signert av Kari Nordmann``, ``rettet av ellen.knutsen``; and a dotted
  name anywhere (``jon.erik.holm`` in a CSV log) whose first part is a known first name.
* Contact lists: a list item opening with a name before a dash or comma and a phone number,
  address or e-mail (``2. Tran Van Hoang – 468 03 211``); lines of a name and numbers only.
* A message signed with a bare name after its last sentence (``… i morgon. Tuvamari``).
* Message formats (:mod:`recognizers.no.person_formats`): e-mail display names and header
  fields, HL7 v2 name fields.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from recognizers.no import person_words as words
from recognizers.no.names import FIRST_NAMES, FIRST_NAMES_LISTED, SURNAMES, SURNAMES_LISTED
from recognizers.no.person_formats import hl7_names, mail_names
from recognizers.no.person_handles import handles
from recognizers.no.person_lexicon import is_ordinary
from recognizers.no.person_protocol import PROTOCOL_WORDS
from recognizers.no.person_tables import column_cells
from recognizers.no.person_tokens import LETTERS, UPPER, is_speaker

SCORE = 0.75
Found = tuple[int, int, float, str]

_W = rf"[{UPPER}](?:[{LETTERS}]+|[{UPPER}'’]+)(?:-[{UPPER}](?:[{LETTERS}]+|[{UPPER}'’]+))?"
_SURNAME_GIVEN = re.compile(
    rf"(?<![\w\-])(?P<last>{_W}(?:[ -]{_W})?),[ \t]+(?P<first>{_W}(?:[ \t]{_W}){{0,2}})(?![\w\-])"
)
_CELL_EDGE_BEFORE = re.compile(
    r"(?:^[ \t]*(?:\d{1,3}[.)]|[-*•–]|\[?\d{1,2}[:.]\d{2}\]?|\d{1,4})?|[|;\t\"']|  )[ \t]*"
    r"(?:[^\W\d_][\w.\-]*(?:[ \t][^\W\d_][\w.\-]*)?[ \t]*:[ \t]*)?$",
    re.MULTILINE,
)
_CELL_EDGE_AFTER = re.compile(r"(?:[ \t]*(?:$|[|;\t\"'(,])|  |[ \t]+[–-][ \t])", re.MULTILINE)
_STAMP = (
    r"(?:\[?\d{1,2}[./]\d{1,2}[./]\d{2,4},?[ \t]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\]?"
    r"|\[\d{1,2}:\d{2}(?::\d{2})?\]|\d{1,2}:\d{2})"
)
_SENDER = re.compile(
    rf"^[ \t]*(?:[-–*•>][ \t]*)?(?:[^\W\d_][\w\-]*[ \t]+(?={_STAMP}))?"
    rf"(?P<stamp>{_STAMP}[ \t]*(?:[-–—][ \t]*)?)?"
    rf"(?P<name>[^\W\d_][\w'’\-]*(?:[ \t][^\W\d_][\w'’\-]*){{0,2}})"
    r"(?:[ \t]+\([^()\n:]{1,24}\))?[ \t]*:[ \t]",
    re.MULTILINE,
)
_USER = re.compile(
    r"(?<!\w)(?P<key>brukernavnet(?:[ \t]+(?:hans|hennes|mitt|ditt|min|din))?[ \t]+er|"
    r"brukeren|brukaren|brukernavn|bruker|brukar|username|user_?name|user_?id|user|login|"
    r"owner|samaccountname|account_?name|"
    r"logget inn som|logged in as|signert av|signed by|(?:rettet|endret|skrevet|opprettet|"
    r"godkjent|registrert|utført|dokumentert|lest|slettet) av)"
    r"(?P<sep>\"?[ \t]*[:=][ \t]*\"?|[ \t]+)(?P<at>@)?(?P<value>[^\s,;|\"'<>()\[\]{}=:@]+)",
    re.IGNORECASE,
)
_KEYS_NEEDING_SEPARATOR = frozenset(
    "brukernavn bruker brukar username user_name username user_id userid user owner "
    "samaccountname accountname account_name".split()
)
_NEEDS_MARK = frozenset({"brukeren", "brukaren"})
"""Keys whose value is a user name only when it has a dot, underscore or digit
(``Brukeren MARTINSEN_E er låst``; ``brukeren Kari`` is a person said so, found elsewhere)."""
_NOT_USERS = frozenset("admin administrator root system test guest anonymous ukjent".split())
_USER_VALUE = re.compile(r"[\w.\-]+")
_LETTERS_DIGITS = re.compile(r"[^\W\d_]{3,}\d+")
"""A user name of letters and digits (``mberg03``), which a speaker label's shape would stop."""
_TRAILING_CAPS = re.compile(rf"(?:[ \t]+{_W}){{1,2}}")


def _stop(word: str) -> bool:
    lowered = word.lower()
    return (
        lowered in words.COMMON
        or lowered in words.NOT_NAME_WORDS
        or word.capitalize() in words.STRUCTURAL
        or is_speaker(lowered)
    )


def _given_stop(word: str) -> bool:
    """A stop word in the given-name place, unless a capitalised first name that is also a
    word (``Pettersen, Vår``)."""
    return _stop(word) and not (word[:1].isupper() and word.lower() in words.AMBIGUOUS_FIRST_NAMES)


def _plausible(word: str) -> bool:
    """Not a stop word, and a known name or no ordinary word."""
    lowered = word.lower()
    known = lowered in FIRST_NAMES or lowered in SURNAMES
    return not _stop(word) and (known or not is_ordinary(lowered))


def _in_cell(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return bool(
        _CELL_EDGE_BEFORE.search(text, line_start, start) and _CELL_EDGE_AFTER.match(text, end)
    )


def surname_given(text: str) -> Iterator[Found]:
    """``Surname, Given`` pairs (module docstring), each as one span."""
    for match in _SURNAME_GIVEN.finditer(text):
        start, surname = match.start(), match["last"]
        head, _, tail = surname.partition(" ")
        if tail and _stop(head) and head.lower() not in words.PARTICLES:
            start, surname = start + len(head) + 1, tail  # ``Bruker Holm-Eriksen, Ragnhild``
        last = [w for w in re.split(r"[ -]", surname) if w.lower() not in words.PARTICLES]
        first = match["first"].split()
        if first and first[-1].endswith(("'", "’")):
            first[-1] = first[-1].rstrip("'’")  # ``'Salo, Helmi'``: the quote closes a value
        while first and _given_stop(first[-1]):
            first.pop()
        if not first or not last or _given_stop(first[0]) or any(map(_stop, last)):
            continue
        known = first[0].lower() in FIRST_NAMES or last[-1].lower() in SURNAMES
        end = match.start("first") + len(" ".join(first))
        if known or (_in_cell(text, start, end) and _name_like(last + first)):
            yield start, end, SCORE, "layout"


def _name_like(parts: list[str]) -> bool:
    """Every word may be a name, or one is a known name (``Eira, Máret Inger``)."""
    return all(map(_plausible, parts)) or any(
        p.lower() in FIRST_NAMES or p.lower() in SURNAMES for p in parts
    )


def table_names(text: str) -> Iterator[Found]:
    """The cells of name columns (module docstring)."""
    for start, end in column_cells(text):
        value = text[start:end]
        if value.lower() not in words.EMPTY_VALUES and not all(map(_stop, value.split())):
            yield start, end, SCORE, "table"


def chat_senders(text: str, chat: bool) -> Iterator[Found]:
    """Senders of chat-export lines (module docstring). Without a time stamp or a lower-case
    chat, a sender that opens two lines or more (``- Amadou: hei`` ... ``- Amadou: takk``)
    is a party to a conversation; not in capitals, which mark log levels and headings."""
    matches = list(_SENDER.finditer(text))
    turns = Counter(match["name"] for match in matches)
    for match in matches:
        name = match["name"]
        parts = name.split()
        if any(_stop(w) for w in parts) or is_speaker(name) or name.lower() in PROTOCOL_WORDS:
            continue  # ``proxyAddresses: …`` is a directory attribute
        repeated = turns[name] > 1 and not name.isupper()
        if all(map(_plausible, parts)) and (
            match["stamp"] or (chat and name.islower()) or repeated
        ):
            yield match.start("name"), match.end("name"), SCORE, "sender"


def usernames(text: str) -> Iterator[Found]:
    """User names after ``bruker=``, ``user:``, ``login``, ``signert av`` (module docstring)."""
    for match in _USER.finditer(text):
        key, value = match["key"].lower(), match["value"].rstrip(".-")
        if key in _KEYS_NEEDING_SEPARATOR and not match["sep"].strip() and not match["at"]:
            continue
        stop = _stop(value) and not _LETTERS_DIGITS.fullmatch(value)  # ``mberg03``, no label
        if not _USER_VALUE.fullmatch(value) or value.lower() in _NOT_USERS or stop:
            continue
        if not (re.search(r"[._\d]", value) or (_plausible(value) and key not in _NEEDS_MARK)):
            continue
        end = match.start("value") + len(value)
        more = _TRAILING_CAPS.match(text, end) if value[:1].isupper() else None
        yield match.start("value"), more.end() if more else end, SCORE, "user"


_SIGNED = re.compile(
    rf"(?:(?:[.!?]|\n)[ \t]*\n?[ \t]*(?:[-–—~][ \t]*)?|(?<=[ \t])[-–—~](?=[A-ZÆØÅ]))"
    rf"(?P<name>{_W}(?:[ \t]+{_W})?(?:[ \t]+[A-ZÆØÅ]\.)?)[ \t]*[.!]?\s*\Z"
)
_INITIAL = re.compile(r"[A-ZÆØÅ]\.")
_SIGNATURE_REACH = 80
_NOT_SIGNATURES = frozenset("cheers sincerely yours best markdown json yaml csv html xml".split())
"""Closings and output formats that may end a message on their own."""


def signed_names(text: str) -> Iterator[Found]:
    """A message signed with a bare name: one or two capitalised words that are no ordinary
    word, maybe an initial, alone after the last sentence or on the last line, maybe after a
    dash (``… i morgon. Tuvamari``, ``… hjemme? - Lisbet``, ``- Hiba M.``); or glued to a dash
    after a space, whatever comes before (``… sier nei 🙄 -Nora``, ``… å si -Maiken``)."""
    match = _SIGNED.search(text, max(0, len(text) - _SIGNATURE_REACH))
    if match is None:
        return
    parts = [w for w in match["name"].split() if not _INITIAL.fullmatch(w)]
    if all(_plausible(w) and not w.isupper() and w.lower() not in _NOT_SIGNATURES for w in parts):
        yield match.start("name"), match.end("name"), SCORE, "signature"


_PLAIN_LETTERS = LETTERS.replace("'", "").replace("’", "")
_DOTTED = re.compile(
    rf"(?<![\w.@/])(?P<first>[{_PLAIN_LETTERS}]+)(?:[._][{_PLAIN_LETTERS}]+){{1,2}}"
    r"(?![\w@/]|\.\w)"
)


_FILE_OR_HOST_ENDS = frozenset(
    "txt pdf doc docx xls xlsx csv json xml html htm jpg jpeg png gif zip log md py no com org "
    "net se dk uk eu io".split()
)


def _named_on_line(text: str, start: int, first: str) -> bool:
    """Is ``first`` (three letters or more) written capitalised before a capitalised surname on
    the same line (``| Feruza Tashkentova | feruza.t``): a user name made from that name?"""
    if len(first) < _MIN_LINE_NAME or not first.isalpha():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    full_name = rf"(?<!\w){re.escape(first.capitalize())}[ \t]+[{UPPER}][{LETTERS}]"
    return re.search(full_name, line) is not None


_MIN_LINE_NAME = 3


def dotted_names(text: str) -> Iterator[Found]:
    """``jon.erik.holm``: a dotted or underscored lower-case name (module docstring), not a
    file or host name (``kari.txt``, ``kari.no``): its first part a known first name, an
    initial before a known name (``a.mohammed``), or a name written on the same line. Known
    means in the Norwegian and Faker lists: the US registers hold the words of code, and
    ``json_schema`` is a JSON schema's type."""
    for match in _DOTTED.finditer(text):
        first, last = match["first"], re.split(r"[._]", match.group())[-1]
        if first in words.AMBIGUOUS_FIRST_NAMES or last in _FILE_OR_HOST_ENDS:
            continue
        initial = len(first) == 1 and (last in FIRST_NAMES_LISTED or last in SURNAMES_LISTED)
        if (
            first in FIRST_NAMES_LISTED
            or (initial and last not in words.AMBIGUOUS_FIRST_NAMES)
            or _named_on_line(text, match.start(), first)
        ):
            yield match.start(), match.end(), SCORE, "user"


_LIST_ITEM = re.compile(
    rf"^[ \t]*(?:\d{{1,3}}[.)]|[-*•])[ \t]+(?P<name>[{UPPER}{LETTERS}][{LETTERS}{UPPER}\-]*"
    rf"(?:[ \t][{UPPER}{LETTERS}][{LETTERS}{UPPER}\-]*){{1,3}})"
    r"(?:[ \t]+[–—-][ \t]+|,[ \t]+)(?P<rest>[^\n]*)",
    re.MULTILINE,
)
_CONTACT = re.compile(r"[\d@]")
_ROW = re.compile(
    rf"^[ \t]*(?P<name>[{UPPER}{LETTERS}][{LETTERS}{UPPER}\-]*"
    rf"(?:[ \t][{UPPER}{LETTERS}][{LETTERS}{UPPER}\-]*){{1,3}})"
    r"[ \t]+(?P<rest>\+?\d[\d \t+]*)$",
    re.MULTILINE,
)
_MIN_ROW_DIGITS = 8
_MIN_ROWS = 2


def listed_contacts(text: str) -> Iterator[Found]:
    """A list item that opens with two to four name words and goes on, after a dash or a
    comma, to a contact detail with a digit or ``@`` (``2. Tran Van Hoang – 468 03 211``,
    ``- inger lise myrvang, storgata 1, 3044 drammen``): a contact list, in any case. Without
    a list mark, lines of two to four name words and then only numbers (eight digits or more),
    two lines or more: a pasted register (``ánde påve buljo 02036817944 0047 950 71 334``)."""
    for match in _LIST_ITEM.finditer(text):
        parts = match["name"].split()
        if _CONTACT.search(match["rest"]) and _contact_name(parts):
            yield match.start("name"), match.end("name"), SCORE, "list"
    rows = [
        match
        for match in _ROW.finditer(text)
        if sum(map(str.isdigit, match["rest"])) >= _MIN_ROW_DIGITS
    ]
    if len(rows) >= _MIN_ROWS:  # ``rania haddad 1903 9246 118 41 55 23 90`` on each line
        for match in rows:
            if _contact_name(match["name"].split()):
                yield match.start("name"), match.end("name"), SCORE, "list"


_STREET_ENDINGS = ("gata", "gate", "veien", "vegen", "vei", "veg", "allé", "plass", "torget")


def _contact_name(parts: list[str]) -> bool:
    """No stop word or street; each word a known name, a particle (``Tran Van Hoang``) or no
    ordinary word, but one ordinary word beside a known name (``PHAM THANH TUNG``)."""
    if any(_stop(p) or p.lower().endswith(_STREET_ENDINGS) for p in parts):
        return False
    known = sum(p.lower() in FIRST_NAMES or p.lower() in SURNAMES for p in parts)
    odd = sum(not (_plausible(p) or p.lower() in words.PARTICLES) for p in parts)
    return odd == 0 or (odd == 1 and known >= 1)


def layout_names(text: str, chat: bool) -> list[Found]:
    """Every layout name of ``text`` (module docstring); cheap when no layout is there."""
    found: list[Found] = []
    if ", " in text or ",\t" in text:
        found.extend(surname_given(text))
    if "|" in text or "\t" in text or ";" in text or "," in text or "  " in text:
        found.extend(table_names(text))  # delimited or fixed-width (two spaces apart)
    if ":" in text:
        found.extend(chat_senders(text, chat))
    if "=" in text or ":" in text or " " in text:
        found.extend(usernames(text))
    if "." in text or "_" in text:
        found.extend(dotted_names(text))
    if "@" in text or ":" in text:
        found.extend(mail_names(text))
    if "|" in text and "^" in text:
        found.extend(hl7_names(text))
    found.extend(listed_contacts(text))
    found.extend(signed_names(text))
    found.extend(handles(text))  # ``SOLHEIM_ERIK``, ``RAJSIN (Rajesh Singh)``
    return found
