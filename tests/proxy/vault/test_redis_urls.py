"""Redis vault URLs: single server, Sentinel and Cluster forms, and clear errors for bad ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from proxy.vault.base import VaultConfigError, VaultError
from proxy.vault.open import open_vault
from proxy.vault.redis_connect import KeyLayout
from proxy.vault.redis_urls import parse_redis_url, redacted_url
from proxy.vault.redis_vault import RedisVault
from proxy.vault.urls import vault_url_problem


def test_sentinel_url_names_the_sentinels_service_and_database() -> None:
    target = parse_redis_url("redis+sentinel://app:pw@s1:26380,s2,[::1]:26381/mymaster/2")
    assert target.topology == "sentinel" and not target.tls
    assert target.nodes == (("s1", 26380), ("s2", 26379), ("::1", 26381))
    assert (target.service, target.db) == ("mymaster", 2)
    assert (target.username, target.password) == ("app", "pw")
    assert "pw" not in repr(target) and target.shown.startswith("redis+sentinel://app:***@")


def test_sentinel_database_defaults_to_zero_and_tls_is_a_scheme() -> None:
    target = parse_redis_url("rediss+sentinel://s1/vault%20master")
    assert (target.service, target.db, target.tls) == ("vault master", 0, True)
    assert target.username is None and target.password is None


def test_cluster_url_names_its_seed_nodes() -> None:
    target = parse_redis_url("rediss+cluster://:pw@n1:7000,n2:7001,n3")
    assert target.topology == "cluster" and target.tls
    assert target.nodes == (("n1", 7000), ("n2", 7001), ("n3", 6379))
    assert (target.db, target.service, target.password) == (0, None, "pw")
    assert parse_redis_url("redis+cluster://n1:7000/0").db == 0


def test_single_server_urls_keep_their_options() -> None:
    target = parse_redis_url("rediss://u:p@cache:6380/4?ssl_cert_reqs=none")
    assert (target.topology, target.nodes, target.db) == ("server", (("cache", 6380),), 4)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("redis+sentinel://s1:26379", "Sentinel service name is missing"),
        ("redis+sentinel://s1:26379/", "Sentinel service name is missing"),
        ("redis+sentinel://s1/m/x", "database must be a number"),
        ("redis+sentinel://s1/m/0/1", "too many path parts"),
        ("redis+sentinel:///m", "a host is missing"),
        ("redis+sentinel://s1,,s2/m", "a host is missing"),
        ("redis+sentinel://s1:port/m", "port is not a number"),
        ("redis+sentinel://s1:0/m", "port 0"),
        ("redis+sentinel://s1/m?sentinel_password=x", "options"),
        ("redis+cluster://n1:7000/1", "only database 0"),
        ("redis+cluster://", "a host is missing"),
        ("redis+cluster://n1:7000?ssl_cert_reqs=none", "options"),
        ("redis://a:6379,b:6379/0", "one host only"),
    ],
)
def test_bad_urls_say_what_is_wrong_and_which_form(url: str, message: str) -> None:
    with pytest.raises(VaultConfigError, match="bad vault URL") as caught:
        parse_redis_url(url)
    assert message in str(caught.value)
    assert "expected redis" in str(caught.value)
    assert vault_url_problem(url) == str(caught.value)  # settings validation says the same


@pytest.mark.parametrize(
    "url",
    [
        "redis+sentinel://app:s3cr/t@s1,s2/m/0",
        "redis+cluster://:s3cr,t@n1:7000,n2:7001",
        "rediss+cluster://u:s3cr@t@n1:7000",
        "redis+sentinel://u:s3cret@s1:0/m",
    ],
)
def test_passwords_never_show(url: str) -> None:
    assert "s3cr" not in redacted_url(url)
    problem = vault_url_problem(url)
    assert problem is None or "s3cr" not in problem


async def test_unreachable_sentinel_and_cluster_urls_open_and_fail_closed(tmp_path: Path) -> None:
    for url in ("redis+sentinel://127.0.0.1:1/mymaster/0", "redis+cluster://127.0.0.1:1"):
        vault = await open_vault(url, tmp_path, {})
        try:
            assert isinstance(vault, RedisVault)
            with pytest.raises(VaultError, match="unavailable"):
                await vault.stats()
        finally:
            await vault.close()


def test_cluster_keys_carry_a_hash_tag_and_single_servers_keep_their_names() -> None:
    scope_id = "0123456789abcdef0123456789abcdef"
    tagged, plain = KeyLayout(tagged=True), KeyLayout(tagged=False)
    assert tagged.scope_key(scope_id) == "sladd:vault:scope:{" + scope_id + "}"
    assert plain.scope_key(scope_id) == "sladd:vault:scope:" + scope_id
    for layout in (tagged, plain):
        assert layout.scope_id_of(layout.scope_key(scope_id).encode()) == scope_id
