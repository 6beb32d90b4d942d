"""The Redis backend against a real ``redis-server``: replicas, hygiene, outages, expiry."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from proxy.vault.base import VaultConfigError, VaultError
from proxy.vault.crypto import KeySource, VaultCipher
from proxy.vault.redis_vault import RedisVault
from tests.proxy.vault.conftest import RedisServer

SCOPE = "clinic-scope-fingerprint"
VALUES = {"PERSON": ["Kari Nordmann", "Ola Brønnøysund"], "FNR": ["01017012345"]}


def _vault(url: str, data_dir: Path, ttl: float = 3600.0) -> RedisVault:
    return RedisVault(url, VaultCipher(KeySource(data_dir, {})), ttl)


async def test_two_replicas_restore_each_others_pseudonyms(redis_url: str, tmp_path: Path) -> None:
    one, two = _vault(redis_url, tmp_path), _vault(redis_url, tmp_path)
    try:
        assert await one.assign(SCOPE, "PERSON", "kari", "Kari") == 1
        assert await two.lookup(SCOPE, "PERSON", 1) == "Kari"
        assert await two.assign(SCOPE, "PERSON", "ola", "Ola") == 2
        assert await one.lookup(SCOPE, "PERSON", 2) == "Ola"
        assert await two.assign(SCOPE, "PERSON", "kari", "KARI") == 1
    finally:
        await one.close()
        await two.close()


async def test_replicas_racing_on_a_new_value_get_one_number(
    redis_url: str, tmp_path: Path
) -> None:
    one, two = _vault(redis_url, tmp_path), _vault(redis_url, tmp_path)
    try:
        racers = [v.assign(SCOPE, "PERSON", "kari", "Kari") for _ in range(25) for v in (one, two)]
        assert set(await asyncio.gather(*racers)) == {1}
        names = [f"person {i}" for i in range(20)]
        mixed = [v.assign(SCOPE, "FNR", n, n) for n in names for v in (one, two)]
        numbers = await asyncio.gather(*mixed)
        assert sorted(set(numbers)) == list(range(1, 21))
        assert numbers[0::2] == numbers[1::2]
    finally:
        await one.close()
        await two.close()


async def test_no_plaintext_in_any_key_or_value(
    redis_url: str, redis_server: RedisServer, tmp_path: Path
) -> None:
    vault = _vault(redis_url, tmp_path)
    try:
        for label, values in VALUES.items():
            for value in values:
                await vault.assign(SCOPE, label, value.casefold(), value)
        await vault.rotate_key()
    finally:
        await vault.close()
    client = redis_server.client()
    try:
        keys = list(client.scan_iter(count=1000))
        assert keys
        stored: list[bytes] = []
        for key in keys:
            stored.append(key)
            assert client.type(key) == b"hash"
            for field, content in client.hgetall(key).items():
                assert isinstance(field, bytes)
                assert isinstance(content, bytes)
                stored += [field, content]
    finally:
        client.close()
    for value in [v for values in VALUES.values() for v in values] + [SCOPE]:
        for form in {value, value.casefold()}:
            assert not any(form.encode() in blob for blob in stored), form


async def test_another_key_ring_is_refused(redis_url: str, tmp_path: Path) -> None:
    one, two = _vault(redis_url, tmp_path / "one"), _vault(redis_url, tmp_path / "two")
    try:
        await one.assign(SCOPE, "PERSON", "kari", "Kari")
        with pytest.raises(VaultConfigError, match="different vault key ring"):
            await two.assign(SCOPE, "PERSON", "kari", "Kari")
    finally:
        await one.close()
        await two.close()


async def test_scopes_expire_on_the_server(
    redis_url: str, redis_server: RedisServer, tmp_path: Path
) -> None:
    vault = _vault(redis_url, tmp_path, ttl=0.5)
    try:
        await vault.assign(SCOPE, "PERSON", "kari", "Kari")
        client = redis_server.client()
        try:
            (key,) = client.scan_iter(match="sladd:vault:scope:*")
            assert 0 < client.pttl(key) <= 500
        finally:
            client.close()
        await asyncio.sleep(0.3)
        assert await vault.lookup(SCOPE, "PERSON", 1) == "Kari"  # refreshes the TTL
        await asyncio.sleep(0.3)
        assert await vault.lookup(SCOPE, "PERSON", 1) == "Kari"
        await asyncio.sleep(0.7)
        assert await vault.lookup(SCOPE, "PERSON", 1) is None
        assert (await vault.stats()).scopes == 0
    finally:
        await vault.close()


async def test_redis_down_fails_closed_and_recovers(tmp_path: Path) -> None:
    server = RedisServer(tmp_path)
    server.start()
    vault = _vault(server.url, tmp_path)
    try:
        assert await vault.assign(SCOPE, "PERSON", "kari", "Kari") == 1
        server.stop()
        with pytest.raises(VaultError, match="unavailable") as caught:
            await vault.assign(SCOPE, "PERSON", "ola", "Ola Nordmann")
        assert "Ola" not in str(caught.value)
        assert "ola" not in str(caught.value)
        with pytest.raises(VaultError, match="unavailable"):
            await vault.lookup(SCOPE, "PERSON", 1)
        server.start()  # same port, empty (no persistence)
        assert await vault.assign(SCOPE, "PERSON", "ola", "Ola Nordmann") == 1
        assert await vault.lookup(SCOPE, "PERSON", 1) == "Ola Nordmann"
    finally:
        await vault.close()
        server.stop()


async def test_unreachable_redis_at_start_fails_calls_not_construction(tmp_path: Path) -> None:
    vault = _vault(f"redis://127.0.0.1:{RedisServer(tmp_path).port}/0", tmp_path)
    try:
        with pytest.raises(VaultError, match=r"Redis vault redis://127\.0\.0\.1:\d+/0 unavailable"):
            await vault.stats()
    finally:
        await vault.close()


async def test_password_is_not_shown_in_errors(tmp_path: Path) -> None:
    port = RedisServer(tmp_path).port
    vault = _vault(f"redis://user:s3cret@127.0.0.1:{port}/0", tmp_path)
    try:
        with pytest.raises(VaultError) as caught:
            await vault.lookup(SCOPE, "PERSON", 1)
        assert "s3cret" not in str(caught.value)
        assert "user:***@" in str(caught.value)
    finally:
        await vault.close()
