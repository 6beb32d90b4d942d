"""Name gazetteers, the ordinary-word lexicon and the script that rebuilds them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from recognizers.no.names import FIRST_NAMES, SURNAMES
from recognizers.no.person_lexicon import LEXICON, LONGEST, HashedWords, is_compound, is_ordinary
from scripts.corpus import name_lists as build_name_lists

REPO = Path(__file__).resolve().parents[3]


def test_hashed_words_holds_the_lines_but_not_comments() -> None:
    found = HashedWords("# header\nalfa\nbeta\nøre\n")
    assert [w in found for w in ("alfa", "beta", "øre", "gamma", "# header", "")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert len(found) == 3


def test_lexicon_file_is_sorted_lower_case_and_credited() -> None:
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    body = [line for line in lines if not line.startswith("#")]
    assert any("CC BY 4.0" in line for line in header)
    assert body == sorted(body)
    assert all(w.isalpha() and w.islower() and 3 <= len(w) <= LONGEST for w in body)


@pytest.mark.parametrize(
    ("word", "ordinary"),
    [
        ("blodprøvene", True),
        ("fortell", True),
        ("vurderer", True),
        ("diabetiker", True),
        ("hvordan", True),
        ("oppsummer", True),
        ("gjennomgangsundersøkelse", True),  # longer than the file's words, a compound
        ("allmenntilstanden", True),
        ("ekkokardiografi", True),  # a clinical ending
        ("wojciechowska", False),  # long, but no compound: a name
        ("sivapalasundaram", False),
        ("svitlana", False),
        ("roya", False),
        ("kari", False),
        ("sigve", False),
        # hyphenated: ordinary when a part is, a double surname when none is
        ("k-vitamin", True),
        ("nowak-kowalczyk", False),
        ("haugen-tesfay", False),
    ],
)
def test_is_ordinary(word: str, ordinary: bool) -> None:
    assert is_ordinary(word) is ordinary


@pytest.mark.parametrize(
    ("word", "compound"),
    [
        ("allergitest", True),
        ("psykologtime", True),
        ("kontrolltimen", True),
        ("svitlana", False),
        ("tesfamariam", False),
        ("kari", False),
    ],
)
def test_is_compound(word: str, compound: bool) -> None:
    assert is_compound(word) is compound


def test_gazetteers_are_lower_case_names() -> None:
    assert {"kari", "ingrid", "jørn"} <= FIRST_NAMES
    assert {"nordmann", "hansen", "skaug", "ødegård", "bakke"} <= SURNAMES
    assert all(name == name.lower() for name in FIRST_NAMES | SURNAMES)


def _sentence(tokens: str, tags: str) -> str:
    return json.dumps({"tokens": tokens.split(), "tags": tags.split()})


def test_surnames_from_multi_token_spans(tmp_path: Path) -> None:
    lines = [
        _sentence("Kari Øverby kom", "B-PER I-PER O"),
        _sentence("Kari Øverbys bil", "B-PER I-PER O"),
        _sentence("Ola Berg og Per", "B-PER I-PER O B-PER"),
        _sentence("i berg berg berg", "O O O O"),
        _sentence("Anne Marie Li", "B-PER I-PER I-PER"),
    ]
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(lines), encoding="utf-8")
    counts = build_name_lists.count_norne(train)
    assert counts.last == Counter({"Øverby": 1, "Øverbys": 1, "Berg": 1, "Li": 1})
    # ``berg`` is a word first, ``øverbys`` a genitive and ``li`` too short
    assert build_name_lists.surnames(counts, max_as_word=3) == ["øverby"]
