"""The Vault contract, run against every backend (memory, SQLite, Redis)."""

from __future__ import annotations

import asyncio

from proxy.vault.base import ManagedVault
from tests.proxy.vault.conftest import TTL, FakeClock


async def test_same_value_keeps_its_number(vault: ManagedVault) -> None:
    first = await vault.assign("scope-a", "PERSON", "kari nordmann", "Kari Nordmann")
    again = await vault.assign("scope-a", "PERSON", "kari nordmann", "KARI NORDMANN")
    assert first == again == 1
    assert await vault.lookup("scope-a", "PERSON", 1) == "Kari Nordmann"


async def test_numbers_count_per_scope_and_label(vault: ManagedVault) -> None:
    assert await vault.assign("scope-a", "PERSON", "kari", "Kari") == 1
    assert await vault.assign("scope-a", "PERSON", "ola", "Ola") == 2
    assert await vault.assign("scope-a", "FNR", "01017012345", "010170 12345") == 1
    assert await vault.assign("scope-b", "PERSON", "ola", "Ola") == 1
    assert await vault.lookup("scope-a", "PERSON", 2) == "Ola"
    assert await vault.lookup("scope-a", "FNR", 1) == "010170 12345"


async def test_scopes_are_isolated(vault: ManagedVault) -> None:
    await vault.assign("scope-a", "PERSON", "kari", "Kari")
    assert await vault.lookup("scope-b", "PERSON", 1) is None
    assert await vault.lookup("scope-a", "PHONE", 1) is None
    assert await vault.lookup("scope-a", "PERSON", 2) is None


async def test_racing_assigns_of_one_new_value_get_one_number(vault: ManagedVault) -> None:
    numbers = await asyncio.gather(
        *(vault.assign("scope-a", "PERSON", "kari", "Kari") for _ in range(50))
    )
    assert set(numbers) == {1}
    assert await vault.assign("scope-a", "PERSON", "ola", "Ola") == 2


async def test_racing_assigns_of_different_values_get_distinct_numbers(
    vault: ManagedVault,
) -> None:
    names = [f"person {i}" for i in range(30)]
    numbers = await asyncio.gather(*(vault.assign("s", "PERSON", n, n.title()) for n in names))
    assert sorted(numbers) == list(range(1, 31))
    for name, number in zip(names, numbers, strict=True):
        assert await vault.lookup("s", "PERSON", number) == name.title()


async def test_values_round_trip_unicode(vault: ManagedVault) -> None:
    value = "Ærlige Øystein Åsmund-Brønnøysund \U0001f600"
    number = await vault.assign("s", "PERSON", value.casefold(), value)
    assert await vault.lookup("s", "PERSON", number) == value


async def test_purge_scope_erases_only_that_scope(vault: ManagedVault) -> None:
    await vault.assign("scope-a", "PERSON", "kari", "Kari")
    await vault.assign("scope-a", "FNR", "01017012345", "01017012345")
    await vault.assign("scope-b", "PERSON", "ola", "Ola")
    assert await vault.purge_scope("scope-a") == 2
    assert await vault.lookup("scope-a", "PERSON", 1) is None
    assert await vault.lookup("scope-b", "PERSON", 1) == "Ola"
    assert await vault.purge_scope("scope-a") == 0
    assert await vault.assign("scope-a", "PERSON", "per", "Per") == 1


async def test_purge_older_than_erases_idle_scopes(vault: ManagedVault, clock: FakeClock) -> None:
    await vault.assign("old", "PERSON", "kari", "Kari")
    await vault.assign("old", "PERSON", "ola", "Ola")
    clock.advance(600)
    await vault.assign("recent", "PERSON", "per", "Per")
    clock.advance(60)
    assert await vault.purge_older_than(300) == 2
    assert await vault.lookup("old", "PERSON", 1) is None
    assert await vault.lookup("recent", "PERSON", 1) == "Per"


async def test_lookup_counts_as_use(vault: ManagedVault, clock: FakeClock) -> None:
    await vault.assign("s", "PERSON", "kari", "Kari")
    clock.advance(600)
    assert await vault.lookup("s", "PERSON", 1) == "Kari"
    clock.advance(60)
    assert await vault.purge_older_than(300) == 0


async def test_stats_counts_only(vault: ManagedVault) -> None:
    await vault.assign("scope-a", "PERSON", "kari", "Kari")
    await vault.assign("scope-a", "PERSON", "ola", "Ola")
    await vault.assign("scope-b", "FNR", "01017012345", "01017012345")
    stats = await vault.stats()
    assert (stats.scopes, stats.entries) == (2, 3)
    assert "Kari" not in repr(stats)
    if stats.backend != "memory":
        assert stats.entries_per_key == ((stats.current_key_id, 3),)


async def test_rotate_key_re_encrypts_and_keeps_values(vault: ManagedVault) -> None:
    await vault.assign("s", "PERSON", "kari", "Kari")
    await vault.assign("t", "PERSON", "ola", "Ola")
    before = await vault.stats()
    rotated = await vault.rotate_key()
    after = await vault.stats()
    if before.backend == "memory":
        assert rotated == 0
    else:
        assert rotated == 2
        assert after.current_key_id != before.current_key_id
        assert after.entries_per_key == ((after.current_key_id, 2),)
    assert await vault.lookup("s", "PERSON", 1) == "Kari"
    assert await vault.assign("t", "PERSON", "ola", "Ola") == 1
    assert await vault.assign("t", "PERSON", "per", "Per") == 2


async def test_expired_scope_starts_afresh(clocked_vault: ManagedVault, clock: FakeClock) -> None:
    vault = clocked_vault
    await vault.assign("s", "PERSON", "kari", "Kari")
    clock.advance(TTL + 1)
    assert await vault.lookup("s", "PERSON", 1) is None
    assert await vault.assign("s", "PERSON", "ola", "Ola") == 1
    assert await vault.lookup("s", "PERSON", 1) == "Ola"
    assert (await vault.stats()).entries == 1
