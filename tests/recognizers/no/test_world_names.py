"""Names of many origins (Faker's lists) and the script that derives them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from recognizers.no.names import FIRST_NAMES, SURNAMES, read_words
from recognizers.no.places import LOCATIONS
from scripts.corpus import world_names

NO = world_names.NO
FIRST_WORLD = read_words(NO / "first_names_world.txt")
SURNAMES_WORLD = read_words(NO / "surnames_world.txt")


@pytest.mark.parametrize(
    ("name", "locale", "latin"),
    [
        ("Володимир", "uk_UA", "volodymyr"),
        ("Ярослав", "uk_UA", "yaroslav"),
        ("Олексій", "uk_UA", "oleksii"),
        ("Євген", "uk_UA", "yevhen"),
        ("Сергей", "ru_RU", "sergey"),
        ("Щукин", "ru_RU", "shchukin"),
        ("Nguyễn", "vi_VN", "nguyễn"),
    ],
)
def test_cyrillic_names_are_transliterated_latin_ones_kept(
    name: str, locale: str, latin: str
) -> None:
    assert world_names.transliterate(name, locale) == latin


def test_diacritics_are_dropped_for_the_second_form_but_not_nordic_letters() -> None:
    assert world_names.without_diacritics("şahin") == "sahin"
    assert world_names.without_diacritics("wiśniewski") == "wisniewski"
    assert world_names.without_diacritics("bjørnstad") == "bjørnstad"


@pytest.mark.parametrize(
    ("name", "usable"),
    [("kumar", True), ("al-sayed", True), ("o'neill", True), ("ali", False), ("x-", False)],
)
def test_latin_name_shape(name: str, usable: bool) -> None:
    assert world_names.is_latin_name(name) is usable


def test_provider_names_reads_every_literal_form_without_importing() -> None:
    source = (
        "from collections import OrderedDict\n"
        "raise SystemExit('a provider is parsed, never run')\n"
        "class Provider:\n"
        "    first_names_male = ('Adam', 'Bilal')\n"
        "    first_names_female: tuple[str, ...] = ['Chiara']\n"
        "    first_names = first_names_male + first_names_female\n"
        "    first_names_nonbinary = OrderedDict((('Dana', 0.2), ('Eli', 0.1)))\n"
        "    last_names = {'Fernandes': 0.5}\n"
        "    male_last_names = ('Górski',)\n"
        "    formats = ('{{first_name}}',)\n"
    )
    first = world_names.provider_names(source, world_names.FIRST_FIELDS)
    assert first == {"Adam", "Bilal", "Chiara", "Dana", "Eli"}
    last = world_names.provider_names(source, world_names.LAST_FIELDS)
    assert last == {"Fernandes", "Górski"}


def test_usable_forms_skips_words_and_short_names_and_adds_the_plain_spelling() -> None:
    pairs = [("Şahin", "tr_TR"), ("Reason", "en"), ("Neo", "en"), ("Hamar", "en")]
    assert world_names.usable_forms(pairs, frozenset({"reason", "hamar"})) == ["sahin", "şahin"]


def test_read_wheel_finds_each_locales_person_provider(tmp_path: Path) -> None:
    wheel = tmp_path / "faker-1.2.3-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("faker/providers/person/uk_UA/__init__.py", "x = 1\n")
        archive.writestr("faker/providers/person/__init__.py", "y = 2\n")
        archive.writestr("faker/providers/address/uk_UA/__init__.py", "z = 3\n")
    version, sources = world_names.read_wheel(wheel)
    assert version == "1.2.3"
    assert sources == {"uk_UA": "x = 1\n"}


@pytest.mark.parametrize("path", ["first_names_world.txt", "surnames_world.txt"])
def test_committed_lists_are_credited_sorted_and_free_of_words_places_and_eponyms(
    path: str,
) -> None:
    lines = (NO / path).read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    body = [line for line in lines if not line.startswith("#")]
    assert any("Licence: MIT" in line for line in header)
    assert any("Rebuild: python -m scripts.corpus.world_names" in line for line in header)
    assert body == sorted(set(body))
    assert all(world_names.is_latin_name(name) for name in body)
    places = {name.lower() for name in LOCATIONS}
    assert not set(body) & (places | world_names.EPONYMS | world_names.ENGLISH_WORDS)
    ordinary = read_words(NO / "ordinary_words.txt")
    assert not set(body) & ordinary


@pytest.mark.parametrize("name", ["yaroslav", "duong"])
def test_first_names_only_faker_knows_are_known(name: str) -> None:
    assert name in FIRST_WORLD
    assert name in FIRST_NAMES


@pytest.mark.parametrize("name", ["kumar", "wisniewski", "abdullahi", "nowicki"])
def test_surnames_only_faker_knows_are_known(name: str) -> None:
    assert name in SURNAMES_WORLD
    assert name in SURNAMES


def test_world_lists_feed_the_gazetteers() -> None:
    assert FIRST_WORLD <= FIRST_NAMES
    assert SURNAMES_WORLD <= SURNAMES
