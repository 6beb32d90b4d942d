"""Date shifting (issue 18): the scope's offset in the vault, dates moved out and back,
whole and streamed, and the policy that decides which findings move."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proxy.detection.findings import Finding
from proxy.scrub.date_shift import (
    LABEL,
    MAX_WEEKS,
    MIN_WEEKS,
    date_tail_start,
    new_offset,
    scope_offset,
    unshift_dates,
)
from proxy.scrub.policy import Policy
from proxy.scrub.policy_settings import PolicySettings
from proxy.scrub.restore import Restorer
from proxy.scrub.tokens import TokenFormat
from proxy.settings import ConfigError, load_settings
from proxy.vault.base import ManagedVault
from proxy.vault.memory import MemoryVault
from proxy.vault.open import open_vault
from recognizers.no.date_forms import shift

FORMAT = TokenFormat("[{type}_{n}]")


def test_an_offset_is_whole_weeks_within_bounds_and_never_zero() -> None:
    offsets = {new_offset() for _ in range(400)}
    assert all(o % 7 == 0 and MIN_WEEKS * 7 <= abs(o) <= MAX_WEEKS * 7 for o in offsets)
    assert any(o < 0 for o in offsets) and any(o > 0 for o in offsets)
    assert len(offsets) > 20  # drawn, not fixed


async def test_the_first_offset_of_a_scope_is_kept_and_read_back() -> None:
    vault = MemoryVault()
    assert await scope_offset(vault, "s", create=False) is None
    first = await scope_offset(vault, "s", create=True)
    assert first is not None
    assert [await scope_offset(vault, "s", create=True) for _ in range(5)] == [first] * 5
    assert await scope_offset(vault, "s", create=False) == first
    assert await scope_offset(vault, "other", create=False) is None


async def _sqlite(path: Path) -> ManagedVault:
    return await open_vault(f"sqlite://{path}/vault.db", path, {})


async def test_the_offset_survives_a_restart_and_is_erased_with_its_scope(tmp_path: Path) -> None:
    vault = await _sqlite(tmp_path)
    offset = await scope_offset(vault, "scope-a", create=True)
    await vault.close()
    reopened = await _sqlite(tmp_path)
    try:
        assert await scope_offset(reopened, "scope-a", create=False) == offset
        assert await reopened.purge_scope("scope-a") >= 1
        assert await scope_offset(reopened, "scope-a", create=False) is None
    finally:
        await reopened.close()


def test_the_offset_label_can_never_be_named_by_a_token() -> None:
    assert FORMAT.find(f"[{LABEL}_1]") == []


def test_answers_have_day_dates_moved_back_and_month_years_kept() -> None:
    text = "Kontroll 31.05.2017, svar 2. juni og ny time i august 2017."
    moved = unshift_dates(text, 14)
    assert moved == "Kontroll 17.05.2017, svar 19. mai og ny time i august 2017."
    assert unshift_dates("Ingen datoer her, Hb 12,5.", 14) == "Ingen datoer her, Hb 12,5."


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Kontroll den 17", "17"),
        ("Kontroll 17.05.", "17.05."),
        ("Kontroll 17. ma", "17. ma"),
        ("Kontroll 17. mai 20", "17. mai 20"),
        ("Neste time 2017-0", "2017-0"),
        ("Kontroll om 14 dager", ""),
        ("Kontroll 17.05.2017 ok", ""),
        ("Kontroll 17.05.2017 og Mar", "Mar"),
        ("prøve 2. ju", "2. ju"),
        ("on May 1", "May 1"),
    ],
)
def test_a_stream_holds_back_a_possible_date_at_its_end(text: str, held: str) -> None:
    assert text[date_tail_start(text) :] == held


async def _offset_14() -> int | None:
    return 14


@settings(max_examples=60, deadline=None)
@given(cuts=st.lists(st.integers(min_value=1, max_value=80), max_size=6))
async def test_a_streamed_answer_moves_dates_back_wherever_it_is_cut(cuts: list[int]) -> None:
    """Fails if a date split across pieces were released before it was whole."""
    sent = "Kontroll 31.05.2017 [PERSON_1]; prøve 2. juni og 2017-06-14."
    want = "Kontroll 17.05.2017 Kari; prøve 19. mai og 2017-05-31."
    restorer = Restorer(FORMAT, {("PERSON", 1): "Kari"}, dates=_offset_14)
    stream = restorer.stream()
    pieces, start = [], 0
    for cut in sorted(set(cuts)):
        if start < cut < len(sent):
            pieces.append(sent[start:cut])
            start = cut
    pieces.append(sent[start:])
    out = [await stream.feed(piece) for piece in pieces]
    assert "".join(out) + await stream.flush() == want


async def test_restored_values_are_never_moved() -> None:
    restorer = Restorer(FORMAT, {("DOB", 1): "12.03.1954"}, dates=_offset_14)
    assert await restorer.restore("Født [DOB_1], kontroll 31.05.2017") == (
        "Født 12.03.1954, kontroll 17.05.2017"
    )


async def test_a_scope_without_an_offset_moves_nothing() -> None:
    async def none() -> int | None:
        return None

    restorer = Restorer(FORMAT, {}, dates=none)
    assert await restorer.restore("Kontroll 31.05.2017") == "Kontroll 31.05.2017"
    assert not restorer.moves_dates


def _f(kind: str, start: int, end: int, **meta: str) -> Finding:
    return Finding(kind, start, end, 0.85, "test", meta)


def test_policy_shifts_day_dates_and_keeps_months_and_years_by_default() -> None:
    policy = Policy(PolicySettings())
    text = "17.05.2017 august 2013 i 2012"
    decisions = policy.decide(
        text,
        [
            _f("DATE", 0, 10, precision="day"),
            _f("DATE", 11, 22, precision="month_year"),
            _f("DATE", 25, 29, precision="year"),
        ],
    )
    assert [d.action for d in decisions] == ["shift", "allow", "allow"]
    partial = Policy(PolicySettings(partial_dates="pseudonymise")).decide(
        text, [_f("DATE", 11, 22, precision="month_year")]
    )
    assert [d.action for d in partial] == ["pseudonymise"]


def test_policy_generalises_ages_from_the_threshold_and_keeps_younger_ones() -> None:
    text = "46 år og 94 år"
    decisions = Policy(PolicySettings()).decide(
        text, [_f("AGE", 0, 5, years="46"), _f("AGE", 9, 14, years="94")]
    )
    assert [(d.action, d.rewrite) for d in decisions] == [
        ("allow", None),
        ("generalise", "over 89 år"),
    ]


def test_a_date_merged_with_an_identifier_is_pseudonymised_not_shifted() -> None:
    decisions = Policy(PolicySettings()).decide(
        "x" * 20, [_f("DATE", 0, 10, precision="day"), _f("PERSON", 5, 15)]
    )
    assert [d.action for d in decisions] == ["pseudonymise"]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[policy.actions]\nPERSON = "shift"\n', "'shift' moves dates"),
        ('[policy.actions]\nDATE = "generalise"\n', "'generalise' applies to AGE only"),
        ('[policy]\ndefault_action = "shift"\n', "applies to some entity types only"),
        ('[policy]\npartial_dates = "shift"\n', "is not one of"),
        ("[policy]\ngeneralise_ages_from = 0\n", "between 1 and 150"),
    ],
)
def test_misplaced_date_and_age_actions_are_refused(
    tmp_path: Path, toml: str, message: str
) -> None:
    config = tmp_path / "sladd.toml"
    config.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(config, environ={})


@settings(max_examples=100, deadline=None)
@given(
    day=st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2040, 12, 31)),
    weeks=st.integers(min_value=-MAX_WEEKS, max_value=MAX_WEEKS),
)
def test_moving_out_and_back_gives_the_date_as_written(day: datetime.date, weeks: int) -> None:
    written = f"Innlagt {day:%d.%m.%Y} og kontroll {day.day}. {_MONTHS[day.month - 1]} {day.year}."
    moved = unshift_dates(written, -weeks * 7)  # what the request sends: moved forward
    assert unshift_dates(moved, weeks * 7) == written
    assert shift(f"{day:%d.%m.%Y}", weeks * 7) is not None


_MONTHS = (
    "januar februar mars april mai juni juli august september oktober november desember".split()
)
