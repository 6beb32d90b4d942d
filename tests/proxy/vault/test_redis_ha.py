"""The Redis vault on Redis Sentinel and Redis Cluster, against real local servers.

The set-ups (``conftest.py``, :mod:`tests.proxy.vault.redis_topologies`): a master, a replica
and a Sentinel; and three masters made into a cluster with ``redis-cli --cluster create``.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import redis

from proxy.vault.base import VaultConfigError, VaultError
from proxy.vault.crypto import KeySource, VaultCipher
from proxy.vault.open import open_vault
from proxy.vault.redis_vault import RedisVault
from tests.proxy.vault.redis_topologies import ClusterSetup, SentinelSetup

SCOPE = "clinic-scope-fingerprint"


def _vault(url: str, data_dir: Path, ttl: float = 3600.0) -> RedisVault:
    return RedisVault(url, VaultCipher(KeySource(data_dir, {})), ttl)


@pytest.fixture(params=["sentinel", "cluster"])
def ha_url(request: pytest.FixtureRequest) -> str:
    """A Sentinel URL, then a Cluster URL, each emptied for the test."""
    url: str = request.getfixturevalue(f"{request.param}_url")
    return url


@pytest.fixture
async def vault(ha_url: str, tmp_path: Path) -> AsyncIterator[RedisVault]:
    opened = await open_vault(ha_url, tmp_path, {})
    assert isinstance(opened, RedisVault)
    yield opened
    await opened.close()


async def test_round_trip_assign_lookup_rotate_and_erase(vault: RedisVault) -> None:
    assert await vault.epoch(SCOPE) is None
    epoch = await vault.epoch(SCOPE, create=True)
    assert await vault.assign(SCOPE, "PERSON", "kari nordmann", "Kari Nordmann") == 1
    assert await vault.assign(SCOPE, "PERSON", "ola", "Ola") == 2
    assert await vault.assign(SCOPE, "PERSON", "kari nordmann", "KARI NORDMANN") == 1
    assert await vault.assign("other-scope", "PERSON", "per", "Per") == 1
    assert await vault.lookup(SCOPE, "PERSON", 1) == "Kari Nordmann"
    assert await vault.lookup("other-scope", "PERSON", 2) is None
    assert await vault.epoch(SCOPE) == epoch
    before = await vault.stats()
    assert (before.scopes, before.entries) == (2, 3)
    assert await vault.rotate_key() == 3
    after = await vault.stats()
    assert after.entries_per_key == ((after.current_key_id, 3),)
    assert after.current_key_id != before.current_key_id
    assert await vault.lookup(SCOPE, "PERSON", 2) == "Ola"
    assert await vault.purge_scope(SCOPE) == 2
    assert await vault.lookup(SCOPE, "PERSON", 1) is None
    assert await vault.epoch(SCOPE) is None
    assert await vault.purge_older_than(3600) == 0  # used within the hour: kept
    assert (await vault.stats()).scopes == 1


async def test_idle_scopes_are_purged(ha_url: str, tmp_path: Path) -> None:
    clock = [1_700_000_000.0]
    vault = RedisVault(ha_url, VaultCipher(KeySource(tmp_path, {})), 3600.0, lambda: clock[0])
    try:
        for scope in ("a", "b", "c"):
            await vault.assign(scope, "FNR", scope, scope)
        clock[0] += 600
        await vault.assign("b", "FNR", "b", "b")
        assert await vault.purge_older_than(300) == 2
        assert (await vault.stats()).scopes == 1
    finally:
        await vault.close()


async def test_replicas_racing_on_new_values_get_one_number_each(
    ha_url: str, tmp_path: Path
) -> None:
    one, two = _vault(ha_url, tmp_path), _vault(ha_url, tmp_path)
    try:
        racers = [v.assign(SCOPE, "PERSON", "kari", "Kari") for _ in range(20) for v in (one, two)]
        assert set(await asyncio.gather(*racers)) == {1}
        names = [f"person {i}" for i in range(15)]
        mixed = [v.assign(SCOPE, "FNR", n, n) for n in names for v in (one, two)]
        numbers = await asyncio.gather(*mixed)
        assert sorted(set(numbers)) == list(range(1, 16))
        assert numbers[0::2] == numbers[1::2]
        assert await two.lookup(SCOPE, "FNR", numbers[0]) == "person 0"
    finally:
        await one.close()
        await two.close()


async def test_another_key_ring_refuses_to_open(ha_url: str, tmp_path: Path) -> None:
    first = await open_vault(ha_url, tmp_path / "one", {})
    await first.close()
    with pytest.raises(VaultConfigError, match="different vault key ring"):
        await open_vault(ha_url, tmp_path / "two", {})


async def test_cluster_scope_lives_in_one_slot_and_scopes_spread_over_nodes(
    cluster_url: str, cluster_setup: ClusterSetup, tmp_path: Path
) -> None:
    vault = _vault(cluster_url, tmp_path)
    scopes = [f"scope-{i}" for i in range(24)]
    try:
        for scope in scopes:
            await vault.assign(scope, "PERSON", "kari", "Kari")
            await vault.assign(scope, "FNR", "13097210181", "13097210181")
            await vault.epoch(scope, create=True)
        assert (await vault.stats()).scopes == len(scopes)  # scanned on every primary
        assert await vault.rotate_key() == 2 * len(scopes)
    finally:
        await vault.close()
    by_node = cluster_setup.keys_by_node()
    holding = [port for port, keys in by_node.items() if any(b"scope:" in k for k in keys)]
    assert len(holding) > 1, "all scopes on one node: the cluster paths were not exercised"
    for port, keys in by_node.items():
        client = redis.Redis(port=port)
        try:
            for key in (k for k in keys if b"scope:" in k):
                scope_id = key.decode().rpartition(":")[2]
                assert scope_id.startswith("{") and scope_id.endswith("}")
                slot = client.cluster("KEYSLOT", key)
                assert slot == client.cluster("KEYSLOT", scope_id[1:-1])
                assert client.type(key) == b"hash"  # entries, epoch and counters: one key
        finally:
            client.close()


@pytest.fixture
def own_sentinel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SentinelSetup]:
    """A Sentinel set-up of its own (the failover changes which server is the master)."""
    setup = SentinelSetup(tmp_path_factory.mktemp("failover"))
    try:
        setup.start()
        yield setup
    finally:
        setup.stop()


@pytest.mark.timeout(120)
async def test_sentinel_failover_keeps_the_pseudonyms(
    own_sentinel: SentinelSetup, tmp_path: Path
) -> None:
    vault = _vault(own_sentinel.url, tmp_path)
    try:
        assert await vault.assign(SCOPE, "PERSON", "kari", "Kari") == 1
        old_master = own_sentinel.master()
        own_sentinel.fail_over()
        assert own_sentinel.master() != old_master
        try:  # the first call may still meet the old master: it fails closed, never wrong
            found = await vault.lookup(SCOPE, "PERSON", 1)
        except VaultError:
            found = await vault.lookup(SCOPE, "PERSON", 1)
        assert found == "Kari"
        assert await vault.assign(SCOPE, "PERSON", "ola", "Ola") == 2
        assert await vault.assign(SCOPE, "PERSON", "kari", "Kari") == 1
    finally:
        await vault.close()
