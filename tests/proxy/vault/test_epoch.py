"""Scope epochs, on every backend: made once, shared by racers, ended by purge and expiry."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

from proxy.vault.base import ManagedVault
from proxy.vault.crypto import KeySource, VaultCipher
from proxy.vault.redis_vault import RedisVault
from proxy.vault.sqlite_vault import SqliteVault
from tests.proxy.vault.conftest import TTL, FakeClock


async def test_an_epoch_is_made_once_and_kept(vault: ManagedVault) -> None:
    assert await vault.epoch("s") is None
    made = await vault.epoch("s", create=True)
    assert made is not None and len(made) == 32
    assert await vault.epoch("s", create=True) == made
    await vault.assign("s", "PERSON", "kari", "Kari")
    assert await vault.epoch("s") == made
    assert await vault.epoch("other") is None
    assert await vault.epoch("other", create=True) not in (None, made)


async def test_racing_creators_get_one_epoch(vault: ManagedVault) -> None:
    made = await asyncio.gather(*(vault.epoch("s", create=True) for _ in range(30)))
    assert len(set(made)) == 1 and made[0] is not None


async def test_an_epoch_is_made_for_a_scope_with_entries_but_none_yet(
    vault: ManagedVault,
) -> None:
    await vault.assign("s", "PERSON", "kari", "Kari")
    made = await vault.epoch("s", create=True)
    assert made is not None
    assert await vault.lookup("s", "PERSON", 1) == "Kari"


async def test_purge_ends_the_epoch(vault: ManagedVault) -> None:
    made = await vault.epoch("s", create=True)
    await vault.assign("s", "PERSON", "kari", "Kari")
    await vault.epoch("t", create=True)
    assert await vault.purge_scope("s") == 1
    assert await vault.epoch("s") is None
    assert await vault.epoch("t") is not None
    assert await vault.epoch("s", create=True) not in (None, made)


async def test_purge_older_than_ends_the_epoch(vault: ManagedVault, clock: FakeClock) -> None:
    made = await vault.epoch("idle", create=True)
    await vault.assign("idle", "PERSON", "kari", "Kari")
    clock.advance(600)
    assert await vault.epoch("idle") == made  # reading the epoch is not a use of the scope
    await vault.epoch("fresh", create=True)
    assert await vault.purge_older_than(300) == 1
    assert await vault.epoch("idle") is None
    assert await vault.epoch("fresh") is not None


async def test_expiry_ends_the_epoch(clocked_vault: ManagedVault, clock: FakeClock) -> None:
    vault = clocked_vault
    made = await vault.epoch("s", create=True)
    await vault.assign("s", "PERSON", "kari", "Kari")
    clock.advance(TTL + 1)
    assert await vault.epoch("s") is None
    again = await vault.epoch("s", create=True)
    assert again not in (None, made)
    assert await vault.lookup("s", "PERSON", 1) is None  # the entries did not come back
    assert await vault.assign("s", "PERSON", "ola", "Ola") == 1
    assert await vault.epoch("s") == again  # the new epoch holds the new entries


async def test_redis_expiry_ends_the_epoch_of_any_scope(redis_url: str, tmp_path: Path) -> None:
    """Redis expires keys on its own clock: a 100 ms TTL, then wait (bounded) for it."""
    vault = RedisVault(redis_url, VaultCipher(KeySource(tmp_path, {})), ttl_seconds=0.1)
    try:
        made = await vault.epoch("epoch-only", create=True)
        await vault.epoch("with-entries", create=True)
        await vault.assign("with-entries", "PERSON", "kari", "Kari")
        deadline = time.monotonic() + 30
        while await vault.epoch("epoch-only") or await vault.epoch("with-entries"):
            assert time.monotonic() < deadline, "the scopes never expired"
            await asyncio.sleep(0.05)
        assert await vault.epoch("epoch-only", create=True) not in (None, made)
    finally:
        await vault.close()


async def test_replicas_on_one_redis_share_the_epoch(redis_url: str, tmp_path: Path) -> None:
    a, b = (RedisVault(redis_url, VaultCipher(KeySource(tmp_path, {}))) for _ in range(2))
    await assert_replicas_share_the_epoch(a, b)


async def test_sqlite_file_without_the_epoch_column_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    vault = await SqliteVault.open(path, VaultCipher(KeySource(tmp_path, {})))
    await vault.assign("s", "PERSON", "kari", "Kari")
    await vault.close()
    with sqlite3.connect(path) as conn:  # as the first schema version had it
        conn.execute("ALTER TABLE scopes DROP COLUMN epoch")
    conn.close()
    vault = await SqliteVault.open(path, VaultCipher(KeySource(tmp_path, {})))
    try:
        assert await vault.epoch("s") is None
        assert await vault.epoch("s", create=True) is not None
        assert await vault.lookup("s", "PERSON", 1) == "Kari"
    finally:
        await vault.close()


async def test_sqlite_processes_on_one_file_share_the_epoch(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    a = await SqliteVault.open(path, VaultCipher(KeySource(tmp_path, {})))
    b = await SqliteVault.open(path, VaultCipher(KeySource(tmp_path, {})))
    await assert_replicas_share_the_epoch(a, b)


async def assert_replicas_share_the_epoch(a: ManagedVault, b: ManagedVault) -> None:
    """An epoch made through ``a`` is read through ``b``, and a purge through ``b`` ends it
    for ``a``; both are closed afterwards."""
    try:
        made = await a.epoch("s", create=True)
        assert await b.epoch("s") == made
        await b.purge_scope("s")
        assert await a.epoch("s") is None
    finally:
        await a.close()
        await b.close()
