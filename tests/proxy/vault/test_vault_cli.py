"""``sladd vault`` commands over a real SQLite vault in a temporary data dir."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import pytest

from proxy.cli.vault import (
    DurationError,
    VaultOptions,
    new_key,
    parse_duration,
    purge_older_than,
    purge_scope,
    rotate_key,
    stats,
)
from proxy.vault.base import VaultConfigError
from proxy.vault.crypto import ENV_VAR, KeyRing
from proxy.vault.open import open_vault
from proxy.vault.urls import default_vault_url

NO_ENV = VaultOptions(environ={})


def _fill(data_dir: Path, entries: dict[str, list[str]], env: dict[str, str] | None = None) -> None:
    async def run() -> None:
        vault = await open_vault(default_vault_url(data_dir), data_dir, env or {})
        try:
            for scope, values in entries.items():
                for value in values:
                    await vault.assign(scope, "PERSON", value.casefold(), value)
        finally:
            await vault.close()

    asyncio.run(run())


def _lookup(data_dir: Path, scope: str, number: int) -> str | None:
    async def run() -> str | None:
        vault = await open_vault(default_vault_url(data_dir), data_dir, {})
        try:
            return await vault.lookup(scope, "PERSON", number)
        finally:
            await vault.close()

    return asyncio.run(run())


def _run(command: object, *args: object, options: VaultOptions = NO_ENV) -> str:
    out = io.StringIO()
    command(*args, out, options=options)  # type: ignore[operator]
    return out.getvalue()


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("7d", 604800),
        ("12h", 43200),
        ("30m", 1800),
        ("45s", 45),
        ("2w", 1209600),
        ("1d12h", 129600),
        ("1.5h", 5400),
        (" 7D ", 604800),
    ],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "7", "d", "7x", "7 d", "-1d", "0s", "1d 2h", "seven days"])
def test_bad_durations_say_how(text: str) -> None:
    with pytest.raises(DurationError, match=r"bad duration .*7d|longer than 0"):
        parse_duration(text)


def test_stats_shows_counts_only(tmp_path: Path) -> None:
    _fill(tmp_path, {"scope-a": ["Kari Nordmann", "Ola"], "scope-b": ["Per"]})
    output = _run(stats, default_vault_url(tmp_path), tmp_path)
    assert "scopes:       2" in output
    assert "entries:      3" in output
    assert ": 3 entries" in output
    for value in ("Kari", "Ola", "Per", "scope-a"):
        assert value not in output


def test_purge_scope(tmp_path: Path) -> None:
    _fill(tmp_path, {"scope-a": ["Kari", "Ola"], "scope-b": ["Per"]})
    output = _run(purge_scope, default_vault_url(tmp_path), tmp_path, "scope-a")
    assert output == "erased scope scope-a: 2 entries\n"
    assert _lookup(tmp_path, "scope-a", 1) is None
    assert _lookup(tmp_path, "scope-b", 1) == "Per"


def test_purge_needs_a_scope(tmp_path: Path) -> None:
    with pytest.raises(VaultConfigError, match="needs a scope"):
        _run(purge_scope, default_vault_url(tmp_path), tmp_path, " ")


def test_purge_older_than(tmp_path: Path) -> None:
    _fill(tmp_path, {"scope-a": ["Kari"]})
    url = default_vault_url(tmp_path)
    assert _run(purge_older_than, url, tmp_path, "1h").startswith("erased 0 entries")
    assert _lookup(tmp_path, "scope-a", 1) == "Kari"
    with pytest.raises(DurationError):
        _run(purge_older_than, url, tmp_path, "soon")


def test_rotate_key_with_a_key_file(tmp_path: Path) -> None:
    _fill(tmp_path, {"scope-a": ["Kari", "Ola"]})
    old = json.loads((tmp_path / "vault.key").read_text())["current"]
    output = _run(rotate_key, default_vault_url(tmp_path), tmp_path)
    ring = json.loads((tmp_path / "vault.key").read_text())
    assert output == f"re-encrypted 2 entries; current key: {ring['current']}\n"
    assert ring["current"] != old
    assert old in ring["keys"]
    assert _lookup(tmp_path, "scope-a", 2) == "Ola"
    assert f"key {ring['current']}: 2 entries" in _run(stats, default_vault_url(tmp_path), tmp_path)


def test_rotate_key_with_the_environment_ring(tmp_path: Path) -> None:
    ring = KeyRing.generate()
    env = {ENV_VAR: ring.to_json()}
    _fill(tmp_path, {"scope-a": ["Kari"]}, env)
    url, options = default_vault_url(tmp_path), VaultOptions(environ=env)
    output = _run(rotate_key, url, tmp_path, options=options)
    assert output.startswith(f"re-encrypted 0 entries; current key: {ring.current}\n")
    assert "sladd vault new-key" in output

    out = io.StringIO()
    new_key(out, env)
    extended = KeyRing.parse(out.getvalue(), "new-key output")
    assert extended.index_key == ring.index_key
    assert extended.current != ring.current
    env = {ENV_VAR: out.getvalue()}
    output = _run(rotate_key, url, tmp_path, options=VaultOptions(environ=env))
    assert output.startswith(f"re-encrypted 1 entries; current key: {extended.current}\n")


def test_new_key_without_a_ring_prints_a_fresh_one() -> None:
    out = io.StringIO()
    new_key(out, {})
    assert len(KeyRing.parse(out.getvalue(), "output").keys) == 1


def test_memory_url_says_there_is_nothing_to_do(tmp_path: Path) -> None:
    assert "nothing to do" in _run(stats, "memory://", tmp_path)
