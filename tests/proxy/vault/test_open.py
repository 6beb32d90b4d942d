"""Vault URLs: which backend they open, and clear errors for bad ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from proxy.vault.base import VaultConfigError
from proxy.vault.crypto import ENV_VAR, KeyRing
from proxy.vault.memory import MemoryVault
from proxy.vault.open import open_vault
from proxy.vault.redis_vault import RedisVault
from proxy.vault.sqlite_vault import SqliteVault
from proxy.vault.urls import default_vault_url, sqlite_path, vault_url_problem


async def test_memory_url(tmp_path: Path) -> None:
    vault = await open_vault("memory://", tmp_path, {})
    assert isinstance(vault, MemoryVault)
    await vault.close()
    assert not list(tmp_path.iterdir())


async def test_default_sqlite_url_is_in_the_data_dir(tmp_path: Path) -> None:
    url = default_vault_url(tmp_path)
    assert url == f"sqlite://{tmp_path}/vault.db"
    vault = await open_vault(url, tmp_path, {})
    try:
        assert isinstance(vault, SqliteVault)
        assert vault.path == tmp_path / "vault.db"
    finally:
        await vault.close()
    assert (tmp_path / "vault.key").exists()


async def test_sqlite_with_the_key_from_the_environment(tmp_path: Path) -> None:
    env = {ENV_VAR: KeyRing.generate().to_json()}
    vault = await open_vault(f"sqlite://{tmp_path}/v.db", tmp_path, env)
    await vault.close()
    assert not (tmp_path / "vault.key").exists()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///var/lib/sladd/vault.db", "/var/lib/sladd/vault.db"),
        ("sqlite:////var/lib/sladd/vault.db", "/var/lib/sladd/vault.db"),
        ("sqlite:///srv/my%20vault.db", "/srv/my vault.db"),
        ("sqlite://", "DATA/vault.db"),
    ],
)
def test_sqlite_paths(url: str, expected: str, tmp_path: Path) -> None:
    assert sqlite_path(url, tmp_path) == Path(expected.replace("DATA", str(tmp_path)))


async def test_redis_url_connects_lazily(tmp_path: Path) -> None:
    vault = await open_vault("redis://127.0.0.1:1/3", tmp_path, {})
    assert isinstance(vault, RedisVault)
    await vault.close()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgres://db/x", "expected memory://, sqlite:///PATH or redis://HOST:PORT/DB"),
        ("vault.db", "expected memory://"),
        ("", "expected memory://"),
        ("memory://x", "memory:// takes no host"),
        ("sqlite://host/vault.db", "three slashes, no host"),
        ("sqlite:///v.db?mode=ro", "three slashes"),
        ("redis://", "expected redis://HOST:PORT/DB"),
        ("redis://localhost:port/0", "port is not a number"),
        ("redis://localhost:6379/zero", "database must be a number"),
        ("redis://localhost:0/0", "port 0"),
    ],
)
async def test_bad_urls_are_named(url: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(VaultConfigError, match="bad vault URL") as caught:
        await open_vault(url, tmp_path, {})
    assert message in str(caught.value)
    assert repr(url) in str(caught.value)


async def test_bad_url_does_not_show_a_password(tmp_path: Path) -> None:
    with pytest.raises(VaultConfigError) as caught:
        await open_vault("redis://u:hunter2@localhost:6379/x", tmp_path, {})
    assert "hunter2" not in str(caught.value)
    assert "u:***@localhost" in str(caught.value)


async def test_ttl_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(VaultConfigError, match="TTL"):
        await open_vault("memory://", tmp_path, {}, ttl_seconds=0)


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("memory://", True),
        ("sqlite:///var/lib/sladd/vault.db", True),
        ("redis://10.0.0.5:6379/2", True),
        ("rediss://:pw@redis.example:6380/0", True),
        ("sqlite://host/x", False),
        ("mysql://x", False),
    ],
)
def test_vault_url_problem(url: str, ok: bool) -> None:
    problem = vault_url_problem(url)
    assert (problem is None) == ok
    if problem:
        assert "bad vault URL" in problem
