"""Gazetteers of Norwegian places (LOCATION) and health care units (HEALTH_UNIT), read once at
import.

The lists beside this module are built by ``scripts/corpus/places.py`` from open data and keep
hand-written parts below their marker line; ``SOURCES.md`` gives each file's source, licence
and rebuild command. A list file has ``#`` comment lines and one name per line (names may
have spaces: ``Mo i Rana``, ``St. Olavs hospital``).

Lookups are case- and whitespace-insensitive and ignore full stops (:func:`name_key`): ``ST.
OLAVS  HOSPITAL`` and ``st olavs hospital`` are the same name. A name in
:data:`AMBIGUOUS_PLACES` (``Moss``, ``Ski``, ``Bø``, ``Aker``, ``HUS``) is also an ordinary
Norwegian or English word, a first name or a surname, or two letters or fewer: a recognizer
should want context before it calls one a place or a care unit.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
_LOCATION_FILES = ("municipalities.txt", "postal_places.txt", "places_extra.txt")


def _read_names(path: Path) -> frozenset[str]:
    """The lower-cased names of a list file: first tab-separated field of each line that is
    neither blank nor a ``#`` comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    names = (line.split("\t")[0].strip() for line in lines if not line.startswith("#"))
    return frozenset(" ".join(name.split()).lower() for name in names if name)


def name_key(name: str) -> str:
    """The form names are compared in: full stops read as spaces, runs of whitespace as one
    space, lower case (``"St.Olavs  Hospital"`` -> ``"st olavs hospital"``)."""
    return " ".join(name.replace(".", " ").split()).lower()


LOCATIONS: frozenset[str] = frozenset().union(*(_read_names(_HERE / f) for f in _LOCATION_FILES))
"""Lower-cased Norwegian place names below country level: municipalities and counties (with
Sami and Kven parallel names), poststeder, towns, bydeler, former municipalities, regions,
islands, fjords, mountains and neighbourhoods."""
HEALTH_UNITS: frozenset[str] = _read_names(_HERE / "health_units.txt")
"""Lower-cased names of Norwegian health institutions: RHF, HF, hospitals and their sites,
private hospitals and clinics, and their usual short forms (``riksen``, ``unn``, ``ahus``)."""
AMBIGUOUS_PLACES: frozenset[str] = _read_names(_HERE / "ambiguous_places.txt")
"""Lower-cased one-word names from :data:`LOCATIONS` and :data:`HEALTH_UNITS` that are also
words or person names, or are two letters or fewer (``ambiguous_places.txt`` gives why)."""

_LOCATION_KEYS = frozenset(name_key(name) for name in LOCATIONS)
_HEALTH_UNIT_KEYS = frozenset(name_key(name) for name in HEALTH_UNITS)
_AMBIGUOUS_KEYS = frozenset(name_key(name) for name in AMBIGUOUS_PLACES)
_HEALTH_UNIT_WORDS = frozenset(
    """
    sykehus sykehuset sjukehus sjukehuset sykehusets lokalsykehus lokalsykehuset
    sentralsykehus sentralsykehuset sentralsjukehus sentralsjukehuset universitetssykehus
    universitetssykehuset universitetssjukehus universitetssjukehuset hospital hospitalet
    klinikk klinikken poliklinikk poliklinikken dps bup vop legevakt legevakta legevakten
    legekontor legekontoret fastlegekontor fastlegekontoret kommunelegekontor legesenter
    legesenteret legesentret sykehjem sykehjemmet sjukeheim sjukeheimen aldershjem
    omsorgssenter omsorgssenteret helsesenter helsesenteret helsesentret helsehus helsehuset
    helsestasjon helsestasjonen behandlingssenter behandlingssenteret rehabiliteringssenter
    rehabiliteringssenteret opptreningssenter opptreningssenteret distriktspsykiatrisk
    distriktspsykiatriske avdeling avdelingen sengepost sengeposten post akuttmottak
    akuttmottaket hospice sykestue sjukestove tannklinikk tannklinikken tannlegekontor
    hjemmesykepleie hjemmesykepleien hjemmetjeneste hjemmetjenesten helse helseforetak
    helseforetaket hf rhf
    """.split()
)


def is_location(name: str) -> bool:
    """True when ``name`` is a Norwegian place name of the lists (see :func:`name_key`)."""
    return name_key(name) in _LOCATION_KEYS


def is_health_unit(name: str) -> bool:
    """True when ``name`` is a health institution or a short form of one (see
    :func:`name_key`). Generic words alone (``sykehus``, ``legevakt``) are not."""
    return name_key(name) in _HEALTH_UNIT_KEYS


def is_ambiguous_place(name: str) -> bool:
    """True when ``name`` is in :data:`AMBIGUOUS_PLACES` (see :func:`name_key`)."""
    return name_key(name) in _AMBIGUOUS_KEYS


def health_unit_words() -> frozenset[str]:
    """Lower-case head words that make a name a care unit (``Voss sjukehus``, ``Jæren DPS``,
    ``Helse Bergen``, ``Sentrum legesenter``), bokmål and nynorsk, with definite forms."""
    return _HEALTH_UNIT_WORDS
