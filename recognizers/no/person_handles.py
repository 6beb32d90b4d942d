"""User names (handles) that carry a person's name: underscored, or made from a name nearby.

* Underscored handles: ``SOLHEIM_ERIK``, ``sykepleier_anne``, ``HANSEN_K`` — all in one case,
  two or three parts joined by ``_``, at least one part a known first name or surname that is
  no ordinary word, and every other part a known name too (``BERGE``), a role word
  (``sykepleier``, ``lege``) or an initial. ``last_login`` or ``first_name`` have a part that
  is neither, so stay.
* Short handles made from a name written on the same or the line before: the start of one
  name word and then the start of another (``RAJSIN (Rajesh Singh)``, ``ingesj,"Sjursen,
  Inger"``, ``ktha`` for Kim Thanh, ``oluade`` under ``Navn: Oluwaseun Adeyemi``). The handle
  is all lower case or all capitals, four to ten letters, no ordinary word; the name words
  are capitalised, known names or no ordinary words (``Haugen``, not ``Kontoer``); accents are
  ignored (``skaiste`` matches ``Skaistė``).

* Lists of user names, one line split by commas, with a dotted name among them
  (``kari.lie, ola.nordmann2, TOVE.BERG, tkvalheim``): every item that is dotted, carries
  digits or is no ordinary word.

Linear in the text: one regex scan, and for each candidate the capitalised words of two lines
(computed once per line, indexed by their starts).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from recognizers.no import person_words as words
from recognizers.no.names import FIRST_NAMES_LISTED, SURNAMES_LISTED
from recognizers.no.person_lexicon import is_ordinary
from recognizers.no.person_tokens import LETTERS, UPPER

SCORE = 0.75
Found = tuple[int, int, float, str]

_PART = rf"[{LETTERS}{UPPER}]+"
_UNDERSCORED = re.compile(rf"(?<![\w.@/\-]){_PART}(?:_{_PART}){{1,2}}(?![\w@/\-]|\.\w)")
_HANDLE = re.compile(
    rf"(?<![\w.@/\-'’])(?:[{LETTERS}]{{4,10}}|[{UPPER}]{{4,10}})(?![\w@/\-'’]|\.\w)"
)
_NAME_WORD = re.compile(rf"(?<![\w])[{UPPER}][{LETTERS}]+|(?<![\w])[{UPPER}]{{2,}}(?![\w])")
_MIN_START = 1
"""Letters taken from the first name word; from the second at least two."""
_MIN_SECOND = 2
_MAX_HANDLE = 10


def _is_listed(lowered: str) -> bool:
    """A name of the Norwegian and Faker lists that is no common word. Not the US registers':
    they hold the words of code (``json``, ``linux``, ``docker``), and a handle is where code
    and names meet (``json_schema`` is a JSON schema's type)."""
    return (
        lowered in FIRST_NAMES_LISTED or lowered in SURNAMES_LISTED
    ) and lowered not in words.COMMON


def _is_name(lowered: str) -> bool:
    """A listed name that is no word too (``erik``, not ``berge`` or ``max``)."""
    return (
        _is_listed(lowered)
        and lowered not in words.AMBIGUOUS_FIRST_NAMES
        and not is_ordinary(lowered)
    )


def _is_role(lowered: str) -> bool:
    return lowered in words.ROLES or lowered in words.TITLES or words.is_profession(lowered)


def underscored_handles(text: str) -> Iterator[Found]:
    """``SOLHEIM_ERIK``, ``sykepleier_anne`` (module docstring)."""
    for match in _UNDERSCORED.finditer(text):
        value = match.group()
        if not (value.islower() or value.isupper()):
            continue  # ``GivenName_X``, ``camelCase_code``: code, not a handle
        parts = value.lower().split("_")
        if not any(_is_name(p) for p in parts):
            continue
        if all(_is_listed(p) or _is_role(p) or len(p) == 1 for p in parts):
            yield match.start(), match.end(), SCORE, "user"


def fold(word: str) -> str:
    """``word`` in lower case without accents (``Skaistė`` -> ``skaiste``)."""
    lowered = word.lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _LineNames:
    """The folded capitalised words of two lines, indexed by their starts."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.by_start: dict[str, set[str]] = {}
        for name in names:
            for cut in range(_MIN_SECOND, min(len(name), _MAX_HANDLE) + 1):
                self.by_start.setdefault(name[:cut], set()).add(name)

    def made_from(self, handle: str) -> bool:
        """Is ``handle`` the start of one name and then the start of another?"""
        for first in self.names:
            if first == handle or first[0] != handle[0]:
                continue
            for cut in range(_MIN_START, len(handle) - _MIN_SECOND + 1):
                if handle[cut - 1] != first[cut - 1 : cut]:
                    break
                if self.by_start.get(handle[cut:], set()) - {first}:
                    return True
        return False


def _line_names(text: str, position: int) -> _LineNames:
    """The capitalised words of the line at ``position`` and the line before it."""
    line_start = text.rfind("\n", 0, position) + 1
    previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    line_end = text.find("\n", position)
    stretch = text[previous_start : len(text) if line_end < 0 else line_end]
    names = {fold(w) for w in _NAME_WORD.findall(stretch)}
    return _LineNames(
        [n for n in names if n not in words.COMMON and (_is_listed(n) or not is_ordinary(n))]
    )


def derived_handles(text: str) -> Iterator[Found]:
    """``RAJSIN (Rajesh Singh)``, ``ingesj,"Sjursen, Inger"`` (module docstring)."""
    cache: dict[int, _LineNames] = {}
    plain: dict[str, bool] = {}  # a word seen before: ordinary or not
    for match in _HANDLE.finditer(text):
        word = match.group()
        if word not in plain:
            handle = fold(word)
            plain[word] = handle in words.COMMON or is_ordinary(handle)
        if plain[word]:
            continue
        line = text.rfind("\n", 0, match.start())
        if line not in cache:
            cache[line] = _line_names(text, match.start())
        if cache[line].made_from(fold(word)):
            yield match.start(), match.end(), SCORE, "user"


_HANDLE_LIST = re.compile(
    r"^[ \t]*(?P<list>[^\W\d_][\w.\-]*(?:,[ \t]*[^\W\d_][\w.\-]*){2,})[ \t]*$", re.MULTILINE
)
_DOTTED = re.compile(r"[^\W\d_]+\.[^\W\d_]+\d*")
_MIN_LISTED_LETTERS = 4


_FILE_ENDS = (".pdf", ".doc", ".docx", ".txt", ".xls", ".xlsx", ".csv", ".jpg", ".png", ".no")


def _is_dotted_name(item: str) -> bool:
    """``kari.lie``, ``KARI.LIE``, ``kari.lie2``: a first name, a dot and a name."""
    return (
        bool(_DOTTED.fullmatch(item))
        and item.split(".", 1)[0].lower() in FIRST_NAMES_LISTED
        and not item.lower().endswith(_FILE_ENDS)
    )


def listed_handles(text: str) -> Iterator[Found]:
    """A line that only lists user names, split by commas (``kari.lie, ola.nordmann2,
    tkvalheim``): once one of them is a dotted name, the others are handles too when they
    are dotted, carry digits, or are no ordinary word."""
    for match in _HANDLE_LIST.finditer(text):
        items = [(m.start(), m[0]) for m in re.finditer(r"[^\s,]+", match["list"])]
        if not any(_is_dotted_name(item) for _, item in items):
            continue
        base = match.start("list")
        for start, item in items:
            lowered = item.lower()
            if lowered.endswith(_FILE_ENDS):
                continue
            handle = "." in item or any(c.isdigit() for c in item)
            if handle or (
                len(item) >= _MIN_LISTED_LETTERS
                and (item.islower() or item.isupper())
                and not is_ordinary(lowered)
                and lowered not in words.COMMON
            ):
                yield base + start, base + start + len(item), SCORE, "user"


def handles(text: str) -> list[Found]:
    """Every handle of ``text`` that carries a name (module docstring)."""
    found = list(underscored_handles(text)) if "_" in text else []
    found.extend(derived_handles(text))
    if "." in text:
        found.extend(listed_handles(text))
    return found
