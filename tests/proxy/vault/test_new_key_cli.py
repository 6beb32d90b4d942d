"""``sladd vault new-key`` through the real command line: the shared ring replicas need, and
the way ``rotate-key`` tells a ``SLADD_VAULT_KEY`` user to rotate."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from proxy.vault.crypto import ENV_VAR, KeyRing
from proxy.vault.open import open_vault
from proxy.vault.urls import default_vault_url

REPO = Path(__file__).resolve().parents[3]
SCOPE = "clinic-scope"


def _sladd(*args: str, ring: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLADD_")}
    if ring is not None:
        env[ENV_VAR] = ring
    return subprocess.run(
        [sys.executable, "-m", "proxy.cli.main", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=60,
        check=False,
    )


def _new_key(ring: str | None = None) -> str:
    done = _sladd("vault", "new-key", ring=ring)
    assert done.returncode == 0, done.stderr
    assert "secret" in done.stderr  # the advice goes to stderr, only the ring to stdout
    return done.stdout


async def test_the_printed_ring_is_shared_by_replicas(redis_url: str, tmp_path: Path) -> None:
    ring = _new_key()
    assert len(KeyRing.parse(ring, "new-key output").keys) == 1
    env = {ENV_VAR: ring}
    one = await open_vault(redis_url, tmp_path / "replica-1", env)
    two = await open_vault(redis_url, tmp_path / "replica-2", env)  # same ring: accepted
    try:
        assert await one.assign(SCOPE, "PERSON", "kari", "Kari") == 1
        assert await two.lookup(SCOPE, "PERSON", 1) == "Kari"
    finally:
        await one.close()
        await two.close()
    assert not (tmp_path / "replica-1" / "vault.key").exists()  # the ring came from the env


async def test_rotate_key_advice_works_as_written(tmp_path: Path) -> None:
    first = _new_key()
    vault = await open_vault(default_vault_url(tmp_path), tmp_path, {ENV_VAR: first})
    await vault.assign(SCOPE, "PERSON", "kari", "Kari")
    await vault.close()
    common = ("--data-dir", str(tmp_path))
    advice = _sladd("vault", "rotate-key", *common, ring=first)
    assert advice.returncode == 0, advice.stderr
    assert "re-encrypted 0 entries" in advice.stdout
    assert "`sladd vault new-key`" in advice.stdout  # what it tells the user to run
    second = _new_key(ring=first)  # ... so run it, with the current ring in the env
    extended = KeyRing.parse(second, "new-key output")
    assert extended.index_key == KeyRing.parse(first, "first").index_key
    assert len(extended.keys) == 2
    rotated = _sladd("vault", "rotate-key", *common, ring=second)
    assert rotated.returncode == 0, rotated.stderr
    assert f"re-encrypted 1 entries; current key: {extended.current}" in rotated.stdout
    stats = _sladd("vault", "stats", *common, ring=second)
    assert f"key {extended.current}: 1 entries" in stats.stdout
    vault = await open_vault(default_vault_url(tmp_path), tmp_path, {ENV_VAR: second})
    try:
        assert await vault.lookup(SCOPE, "PERSON", 1) == "Kari"
    finally:
        await vault.close()


def test_a_broken_ring_in_the_environment_is_named_not_shown() -> None:
    done = _sladd("vault", "new-key", ring='{"sladd_vault_keyring": 1, "keys": "s3cret"}')
    assert done.returncode == 2
    assert ENV_VAR in done.stderr and "s3cret" not in done.stderr
    assert done.stdout == ""
