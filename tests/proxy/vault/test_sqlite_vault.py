"""The SQLite backend: persistence, file hygiene, cross-process atomicity."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
from pathlib import Path

import pytest

from proxy.vault.base import VaultConfigError, VaultError
from proxy.vault.crypto import KeySource, VaultCipher
from proxy.vault.sqlite_vault import SqliteVault
from tests.proxy.vault.conftest import TTL, FakeClock

VALUES = {
    "PERSON": ["Kari Nordmann", "Ola Åsmund Brønnøysund"],
    "FNR": ["01017012345", "010170 12345"],
    "PHONE": ["+47 912 34 567"],
}


def _cipher(data_dir: Path) -> VaultCipher:
    return VaultCipher(KeySource(data_dir, {}))


async def test_lookups_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    vault = await SqliteVault.open(path, _cipher(tmp_path))
    assert await vault.assign("s", "PERSON", "kari", "Kari") == 1
    assert await vault.assign("s", "PERSON", "ola", "Ola") == 2
    await vault.close()

    reopened = await SqliteVault.open(path, _cipher(tmp_path))
    try:
        assert await reopened.lookup("s", "PERSON", 1) == "Kari"
        assert await reopened.assign("s", "PERSON", "ola", "Ola") == 2
        assert await reopened.assign("s", "PERSON", "per", "Per") == 3
    finally:
        await reopened.close()


async def test_no_plaintext_in_any_file(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    vault = await SqliteVault.open(path, _cipher(tmp_path))
    scope = "clinic-scope-fingerprint"
    for label, values in VALUES.items():
        for value in values:
            await vault.assign(scope, label, value.casefold().replace(" ", ""), value)
    await vault.rotate_key()  # old envelopes are rewritten: secure_delete must scrub them
    await vault.purge_scope("erased-scope")
    files = list(tmp_path.glob("vault.db*"))
    assert path in files
    blobs = [f.read_bytes() for f in files]
    await vault.close()
    blobs += [path.read_bytes()]
    for value in [v for values in VALUES.values() for v in values] + [scope]:
        for form in {value, value.casefold().replace(" ", "")}:
            for encoded in (form.encode(), form.encode("utf-16-le")):
                assert not any(encoded in blob for blob in blobs), form


async def test_vault_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "state" / "vault.db"
    vault = await SqliteVault.open(path, _cipher(tmp_path))
    await vault.assign("s", "PERSON", "kari", "Kari")
    try:
        for file in path.parent.glob("vault.db*"):
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    finally:
        await vault.close()


async def test_another_key_ring_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    vault = await SqliteVault.open(path, _cipher(tmp_path / "one"))
    await vault.close()
    with pytest.raises(VaultConfigError, match="different vault key ring"):
        await SqliteVault.open(path, _cipher(tmp_path / "two"))


async def test_two_processes_racing_get_one_number(tmp_path: Path) -> None:
    """Two vault objects on one file stand in for two processes (separate connections)."""
    path = tmp_path / "vault.db"
    one = await SqliteVault.open(path, _cipher(tmp_path))
    two = await SqliteVault.open(path, _cipher(tmp_path))
    try:
        numbers = await asyncio.gather(
            *(v.assign("s", "PERSON", "kari", "Kari") for _ in range(25) for v in (one, two))
        )
        assert set(numbers) == {1}
        assert await two.assign("s", "PERSON", "ola", "Ola") == 2
        assert await one.lookup("s", "PERSON", 2) == "Ola"
    finally:
        await one.close()
        await two.close()


async def test_expired_scopes_are_erased_from_the_file(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "vault.db"
    vault = await SqliteVault.open(path, _cipher(tmp_path), TTL, clock)
    await vault.assign("s", "PERSON", "kari", "Kari")
    await vault.close()
    clock.advance(TTL + 1)
    reopened = await SqliteVault.open(path, _cipher(tmp_path), TTL, clock)
    try:
        stats = await reopened.stats()
        assert (stats.scopes, stats.entries) == (0, 0)
    finally:
        await reopened.close()


async def test_tampered_row_fails_closed(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    vault = await SqliteVault.open(path, _cipher(tmp_path))
    await vault.assign("s", "PERSON", "kari", "Kari")
    await vault.assign("s", "PERSON", "ola", "Ola")
    await vault.close()
    conn = sqlite3.connect(path)
    with conn:  # give number 1 the envelope of number 2
        conn.execute(
            "UPDATE entries SET envelope = (SELECT envelope FROM entries WHERE number = 2)"
            " WHERE number = 1"
        )
    conn.close()
    reopened = await SqliteVault.open(path, _cipher(tmp_path))
    try:
        with pytest.raises(VaultError, match="failed authentication"):
            await reopened.lookup("s", "PERSON", 1)
    finally:
        await reopened.close()


async def test_closed_vault_raises(tmp_path: Path) -> None:
    vault = await SqliteVault.open(tmp_path / "vault.db", _cipher(tmp_path))
    await vault.close()
    await vault.close()
    with pytest.raises(VaultError, match="closed"):
        await vault.lookup("s", "PERSON", 1)


async def test_unusable_path_is_a_vault_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(VaultError, match=r"vault\.db"):
        await SqliteVault.open(tmp_path / "file" / "vault.db", _cipher(tmp_path))


async def test_a_running_vault_follows_a_rotation_by_another_process(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    server = await SqliteVault.open(path, _cipher(tmp_path))
    admin = await SqliteVault.open(path, _cipher(tmp_path))
    try:
        await server.assign("s", "PERSON", "kari", "Kari")
        assert await admin.rotate_key() == 1
        assert await server.lookup("s", "PERSON", 1) == "Kari"
        assert await server.assign("s", "PERSON", "ola", "Ola") == 2
        assert await admin.lookup("s", "PERSON", 2) == "Ola"
        await admin.rotate_key()
        stats = await admin.stats()
        assert stats.entries_per_key == ((stats.current_key_id, 2),)
    finally:
        await server.close()
        await admin.close()
