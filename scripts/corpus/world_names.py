"""Derive first names and surnames of many origins from Faker's person providers.

sladd's own name lists come from NorNE, Norwegian news text: they know ``kari`` and ``hansen``
but not ``kumaran``, ``yaroslav`` or ``ghebremedhin``, the names of many patients in Norway.
Faker (MIT licence) ships first and last names for some seventy locales. This script reads
them from a Faker wheel, keeps the names written in Latin letters, transliterates Cyrillic
ones (Ukrainian by the national passport table, Russian, Bulgarian and Macedonian by a
simple one), and writes lower-case lists next to the other word lists.

A name is left out when, lower-cased, it is an ordinary word: a Norsk Ordbank form
(``recognizers/no/ordinary_words.txt``), a word of NorNE's vocabulary or of the clinical
list (``recognizers/ner/common_words.txt``, ``clinical_words.txt``), a drug name, one of the
names sladd treats as words first (``AMBIGUOUS_FIRST_NAMES``), a Norwegian place or health
unit (``hamar``), an eponym (``parkinson``), or an English word (Debian's wamerican list,
lower-case entries, plus the names-that-are-words below). Names already in the NorNE lists
are left out too (they are read from there), and so are names shorter than four letters
or with characters other than letters, a hyphen or an apostrophe. A name with diacritics is
also written without them (``şahin`` and ``sahin``) when that form passes the same tests:
speech-to-text and chat often drop them.

The Faker wheel comes from PyPI (``pip download faker==40.63.0 --no-deps``); the outputs
name the version they were built from.

    python -m scripts.corpus.world_names WHEEL [--first-out FILE] [--surnames-out FILE]
        [--english /usr/share/dict/american-english]
"""

from __future__ import annotations

import argparse
import ast
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from recognizers.no.names import read_words
from recognizers.no.person_words import AMBIGUOUS_FIRST_NAMES, ENGLISH_WORD_NAMES
from recognizers.no.places import HEALTH_UNITS, LOCATIONS
from scripts.corpus.places import english_words

REPO = Path(__file__).resolve().parents[2]
NO = REPO / "recognizers" / "no"
NER = REPO / "recognizers" / "ner"
DEFAULT_FIRST_OUT = NO / "first_names_world.txt"
DEFAULT_SURNAMES_OUT = NO / "surnames_world.txt"
PERSON_PROVIDERS = re.compile(r"faker/providers/person/([a-z]{2,3}(?:_[A-Z]{2})?)/__init__\.py")
FIRST_FIELDS = re.compile(r"first_names")
"""Class attributes holding first names (``first_names_female``, ...)."""
LAST_FIELDS = re.compile(r"last_names")
"""Class attributes holding surnames (``last_names_common``, ``male_last_names``, ...)."""
SHORTEST = 4
"""Shorter names of these lists are mostly noise to a Norwegian reader (``neo``, ``ace``);
the common short ones (``ali``, ``eva``) are in the NorNE and hand-written lists."""
DEFAULT_ENGLISH = Path("/usr/share/dict/american-english")
ENGLISH_WORDS = ENGLISH_WORD_NAMES
"""English words that are also names in Faker's lists, beyond the word list's lower-case
entries (``--english``); kept in :mod:`recognizers.no.person_words`, where the English-turn
test reads them too."""
EPONYMS = frozenset(
    """
    achilles addison alzheimer apgar asperger babinski baker barlow barrett barré bartholin
    bechterew becker bell bence berger bouchard bowen breslow broca brown-sequard brugada
    budd buerger burkitt charcot chiari colles conn creutzfeldt crohn cushing danlos
    dandy down duchenne dupuytren ehlers epstein fallot forrest friedreich gilbert glasgow
    gleason graves guillain hashimoto heberden hirschsprung hodgkin homans horner
    huntington jakob kaposi kawasaki kellgren klinefelter korsakoff lachman lasegue
    lawrence lyme marfan meckel meniere menière murphy osgood paget parkinson perthes
    peyronie pott raynaud reiter romberg schlatter scheuermann sjögren sjogren stevens
    still tourette trendelenburg turner virchow waldenström wells wernicke whipple
    wilms wilson wolff
    """.split()
)
"""Names of diseases, signs and scores (``parkinson``, ``kellgren lawrence``): in clinical text
they are terms first, and the NorNE lists already hold the names patients have."""

_UKRAINIAN = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'’",
        "a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch _ iu ia _ _".split(),
        strict=True,
    )
)
_UKRAINIAN_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_RUSSIAN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяѓќѕјљњџ",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya "
        "gj kj dz j lj nj dzh".split(),
        strict=True,
    )
)


def transliterate(name: str, locale: str) -> str:
    """``name`` in Latin letters: Cyrillic by the locale's table, anything else unchanged."""
    lowered = name.lower()
    if not any("CYRILLIC" in unicodedata.name(c, "") for c in lowered):
        return lowered
    table = _UKRAINIAN if locale == "uk_UA" else _RUSSIAN
    out = []
    for i, char in enumerate(lowered):
        if locale == "uk_UA" and i == 0 and char in _UKRAINIAN_INITIAL:
            out.append(_UKRAINIAN_INITIAL[char])
        else:
            out.append(table.get(char, char).replace("_", ""))
    return "".join(out)


def is_latin_name(name: str) -> bool:
    """Letters of the Latin script, with at most hyphens and apostrophes between them."""
    if len(name) < SHORTEST or not name[0].isalpha() or not name[-1].isalpha():
        return False
    return all(
        c in "-'" or (c.isalpha() and unicodedata.name(c, "").startswith("LATIN")) for c in name
    )


def without_diacritics(name: str) -> str:
    """``name`` with combining marks dropped (``şahin`` -> ``sahin``, ``ø`` kept)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _strings(node: ast.expr) -> Iterator[str]:
    """The string constants of a literal tuple, list, set or dict (its keys), also inside
    ``OrderedDict(...)`` calls, ``(name, weight)`` pairs and sums of such literals."""
    items: Iterable[ast.expr | None]
    if isinstance(node, ast.Dict):
        items = node.keys
    elif isinstance(node, ast.Tuple | ast.List | ast.Set):
        items = node.elts
    elif isinstance(node, ast.Call) and node.args:  # OrderedDict((("Anna", 0.1), ...))
        items = node.args[:1]
    elif isinstance(node, ast.BinOp):  # first_names_male + first_names_female
        items = (node.left, node.right)
    else:
        return
    for item in items:
        value = item.elts[0] if isinstance(item, ast.Tuple) and _is_pair(item) else item
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            yield value.value
        elif isinstance(value, ast.expr):
            yield from _strings(value)


def _is_pair(node: ast.Tuple) -> bool:
    """``("Anna", 0.1)``: a weighted name."""
    return (
        len(node.elts) == 2
        and isinstance(node.elts[1], ast.Constant)
        and not isinstance(node.elts[1].value, str)
    )


def provider_names(source: str, fields: re.Pattern[str]) -> set[str]:
    """Every string in the class attributes matching ``fields`` of a Faker person provider's source.

    The source is parsed, not imported: a wheel's code is data here."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and fields.search(target.id):
            names.update(_strings(value))
    return names


def read_wheel(wheel: Path) -> tuple[str, dict[str, str]]:
    """Faker's version and the source of each locale's person provider in ``wheel``."""
    sources: dict[str, str] = {}
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.namelist():
            match = PERSON_PROVIDERS.fullmatch(member)
            if match:
                sources[match.group(1)] = archive.read(member).decode("utf-8")
    version_match = re.search(r"faker-([0-9.]+)-", wheel.name)
    return (version_match.group(1) if version_match else "unknown"), sources


def words_first(english: Path) -> frozenset[str]:
    """Lower-case strings that are words before they are names (module docstring)."""
    places = {name.lower() for name in LOCATIONS | HEALTH_UNITS}
    return (
        read_words(NO / "ordinary_words.txt")
        | read_words(NER / "common_words.txt")
        | read_words(NER / "clinical_words.txt")
        | read_words(NER / "drug_names.txt")
        | AMBIGUOUS_FIRST_NAMES
        | ENGLISH_WORDS
        | EPONYMS
        | places
        | english_words(english)
    )


def usable_forms(names: Iterable[tuple[str, str]], skip: frozenset[str]) -> list[str]:
    """The sorted lower-case forms of (name, locale) pairs that pass the module's tests."""
    kept: set[str] = set()
    for name, locale in names:
        latin = transliterate(name.strip(), locale)
        for form in (latin, without_diacritics(latin)):
            if is_latin_name(form) and form not in skip:
                kept.add(form)
    return sorted(kept)


def header(kind: str, version: str) -> str:
    """The provenance lines written above a list."""
    return (
        f"# {kind} of many origins, lower-case, sorted (one per line).\n"
        f"# Source: Faker {version} (https://github.com/joke2k/faker), faker/providers/person/*,\n"
        "# Latin-script names plus transliterated Cyrillic ones.\n"
        "# Licence: MIT (Copyright (c) 2012 Daniele Faraglia).\n"
        "# Changes: ordinary and English words, places, eponyms, NorNE-listed and short names\n"
        "# removed (English words: Debian's wamerican list); see the script.\n"
        f"# Rebuild: python -m scripts.corpus.world_names faker-{version}-py3-none-any.whl\n"
    )


def main() -> None:
    """Write the two lists from the wheel given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="a Faker wheel from PyPI")
    parser.add_argument("--first-out", type=Path, default=DEFAULT_FIRST_OUT)
    parser.add_argument("--surnames-out", type=Path, default=DEFAULT_SURNAMES_OUT)
    parser.add_argument("--english", type=Path, default=DEFAULT_ENGLISH, help="English words")
    args = parser.parse_args()
    if not args.english.is_file():
        parser.error(f"{args.english}: no English word list (Debian package wamerican)")
    version, sources = read_wheel(args.wheel)
    if not sources:
        parser.error(f"{args.wheel}: no faker/providers/person/*/__init__.py inside")
    common = words_first(args.english)
    norne_first = read_words(NO / "first_names.txt") | read_words(NO / "first_names_extra.txt")
    norne_last = read_words(NO / "surnames.txt") | read_words(NO / "surnames_extra.txt")
    first = [(n, loc) for loc, src in sources.items() for n in provider_names(src, FIRST_FIELDS)]
    last = [(n, loc) for loc, src in sources.items() for n in provider_names(src, LAST_FIELDS)]
    first_forms = usable_forms(first, common | norne_first)
    last_forms = usable_forms(last, common | norne_last)
    args.first_out.write_text(
        header("First names", version) + "\n".join(first_forms) + "\n", encoding="utf-8"
    )
    args.surnames_out.write_text(
        header("Surnames", version) + "\n".join(last_forms) + "\n", encoding="utf-8"
    )
    print(f"{len(sources)} locales: {len(first_forms)} first names, {len(last_forms)} surnames")


if __name__ == "__main__":
    main()
