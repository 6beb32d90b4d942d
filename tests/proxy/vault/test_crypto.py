"""Key ring, key material loading and AES-GCM envelopes."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from proxy.vault.base import VaultConfigError, VaultError
from proxy.vault.crypto import ENV_VAR, KeyRing, KeySource, Secret, VaultCipher, key_id_of

SCOPE = "a" * 32


def test_seal_and_open_round_trip(cipher: VaultCipher) -> None:
    scope_id = cipher.scope_id(SCOPE)
    envelope = cipher.seal(scope_id, "PERSON", 1, "Kari Nordmann")
    assert b"Kari" not in envelope
    assert cipher.open(scope_id, "PERSON", 1, envelope) == "Kari Nordmann"
    assert key_id_of(envelope) == cipher.current_key_id


def test_lone_surrogates_survive(cipher: VaultCipher) -> None:
    envelope = cipher.seal("s", "PERSON", 1, "Kari\ud800")
    assert cipher.open("s", "PERSON", 1, envelope) == "Kari\ud800"


def test_sealing_is_randomised(cipher: VaultCipher) -> None:
    assert cipher.seal("s", "PERSON", 1, "Kari") != cipher.seal("s", "PERSON", 1, "Kari")


@pytest.mark.parametrize(
    ("scope_id", "label", "number"),
    [("other-scope", "PERSON", 1), ("scope", "FNR", 1), ("scope", "PERSON", 2)],
)
def test_envelope_is_bound_to_scope_label_and_number(
    cipher: VaultCipher, scope_id: str, label: str, number: int
) -> None:
    envelope = cipher.seal("scope", "PERSON", 1, "Kari")
    with pytest.raises(VaultError, match="failed authentication") as caught:
        cipher.open(scope_id, label, number, envelope)
    assert "Kari" not in str(caught.value)


@pytest.mark.parametrize("position", [0, 1, 6, 20, -1])
def test_tampering_is_detected(cipher: VaultCipher, position: int) -> None:
    envelope = bytearray(cipher.seal("s", "PERSON", 1, "Kari"))
    envelope[position] ^= 0x01
    with pytest.raises(VaultError):
        cipher.open("s", "PERSON", 1, bytes(envelope))


def test_truncated_envelope_is_refused(cipher: VaultCipher) -> None:
    with pytest.raises(VaultError, match="not a sladd envelope"):
        cipher.open("s", "PERSON", 1, b"\x01abc")


def test_keyed_ids_depend_on_the_key(tmp_path: Path) -> None:
    one = VaultCipher(KeySource(tmp_path / "one", {}))
    two = VaultCipher(KeySource(tmp_path / "two", {}))
    assert one.scope_id(SCOPE) == one.scope_id(SCOPE) != two.scope_id(SCOPE)
    entry = one.entry_id("s", "PERSON", "kari")
    assert entry != one.entry_id("s", "PERSON", "ola") != one.entry_id("s", "FNR", "kari")
    assert entry != two.entry_id("s", "PERSON", "kari")
    assert one.fingerprint() != two.fingerprint()


def test_rotation_keeps_old_entries_readable_and_the_index_stable(tmp_path: Path) -> None:
    cipher = VaultCipher(KeySource(tmp_path, {}))
    old_key, entry = cipher.current_key_id, cipher.entry_id("s", "P", "k")
    fingerprint = cipher.fingerprint()
    old = cipher.seal("s", "PERSON", 1, "Kari")
    new_key = cipher.rotate()
    assert new_key != old_key
    assert cipher.open("s", "PERSON", 1, old) == "Kari"
    assert key_id_of(cipher.seal("s", "PERSON", 2, "Ola")) == new_key
    assert not cipher.is_current(old)
    assert (cipher.entry_id("s", "P", "k"), cipher.fingerprint()) == (entry, fingerprint)
    stored = json.loads((tmp_path / "vault.key").read_text())
    assert stored["current"] == new_key
    assert set(stored["keys"]) == {old_key, new_key}


def test_a_cipher_reloads_a_ring_rotated_by_another_process(tmp_path: Path) -> None:
    server = VaultCipher(KeySource(tmp_path, {}))
    admin = VaultCipher(KeySource(tmp_path, {}))
    admin.rotate()
    envelope = admin.seal("s", "PERSON", 1, "Kari")
    assert server.open("s", "PERSON", 1, envelope) == "Kari"


def test_unknown_key_id_is_a_clear_error(tmp_path: Path) -> None:
    other = VaultCipher(KeySource(tmp_path / "other", {}))
    envelope = other.seal("s", "PERSON", 1, "Kari")
    cipher = VaultCipher(KeySource(tmp_path, {}))
    with pytest.raises(VaultError, match=f"key id {key_id_of(envelope)}.*not in the key ring"):
        cipher.open("s", "PERSON", 1, envelope)


def test_key_file_is_created_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "new" / "data"
    VaultCipher(KeySource(data_dir, {}))
    mode = stat.S_IMODE((data_dir / "vault.key").stat().st_mode)
    assert mode == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert [p.name for p in data_dir.iterdir()] == ["vault.key"]


def test_key_file_is_reused(tmp_path: Path) -> None:
    first = VaultCipher(KeySource(tmp_path, {}))
    second = VaultCipher(KeySource(tmp_path, {}))
    assert first.fingerprint() == second.fingerprint()


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_readable_key_file_is_refused(tmp_path: Path, mode: int) -> None:
    VaultCipher(KeySource(tmp_path, {}))
    os.chmod(tmp_path / "vault.key", mode)
    with pytest.raises(VaultConfigError, match=r"group or others.*chmod 600") as caught:
        VaultCipher(KeySource(tmp_path, {}))
    assert str(tmp_path / "vault.key") in str(caught.value)


def test_key_ring_from_the_environment(tmp_path: Path) -> None:
    ring = KeyRing.generate()
    source = KeySource(tmp_path, {ENV_VAR: ring.to_json()})
    cipher = VaultCipher(source)
    assert cipher.current_key_id == ring.current
    assert not (tmp_path / "vault.key").exists()
    assert source.description == ENV_VAR
    assert cipher.rotate() == ring.current  # read-only: nothing added
    with pytest.raises(VaultConfigError, match="cannot be changed"):
        source.save(ring.with_new_key())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not valid JSON"),
        ('{"keys": {}}', "not a sladd vault key ring"),
        ('{"sladd_vault_keyring": 1, "current": "x"}', "needs 'keys' and 'current'"),
        ('{"sladd_vault_keyring": 1, "keys": {"0badc0de": "AA=="}, "current": "x"}', "not in"),
        ('{"sladd_vault_keyring": 1, "keys": {"XY": "AA=="}, "current": "XY"}', "8 lower-case"),
        (
            '{"sladd_vault_keyring": 1, "keys": {"0badc0de": "c2VjcmV0"}, "current": "0badc0de",'
            ' "index_key": "c2VjcmV0"}',
            "exactly 32 bytes",
        ),
    ],
)
def test_bad_key_material_is_refused_without_echoing_it(text: str, message: str) -> None:
    with pytest.raises(VaultConfigError, match=message) as caught:
        KeyRing.parse(text, ENV_VAR)
    assert ENV_VAR in str(caught.value)
    assert "c2VjcmV0" not in str(caught.value)


def test_secrets_hide_in_repr() -> None:
    ring = KeyRing.generate()
    secret = ring.index_key.reveal()
    assert repr(Secret(b"hunter2")) == str(Secret(b"hunter2")) == "Secret('**********')"
    assert secret.hex() not in repr(ring)
    assert "hunter2" not in repr(Secret(b"hunter2"))
    assert Secret(b"a") == Secret(b"a") != Secret(b"b")
    assert hash(Secret(b"a")) == hash(Secret(b"a"))


def test_key_ring_json_round_trips() -> None:
    ring = KeyRing.generate().with_new_key()
    assert KeyRing.parse(ring.to_json(), "test") == ring


def test_unreadable_key_file_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "vault.key").mkdir()
    with pytest.raises(VaultConfigError, match="vault key file"):
        VaultCipher(KeySource(tmp_path, {}))


def test_garbage_key_file_is_a_config_error(tmp_path: Path) -> None:
    key_file = tmp_path / "vault.key"
    key_file.write_bytes(b"\xff\xfe garbage")
    key_file.chmod(0o600)
    with pytest.raises(VaultConfigError, match="not valid JSON"):
        VaultCipher(KeySource(tmp_path, {}))


def test_non_ascii_key_material_is_a_config_error() -> None:
    text = (
        '{"sladd_vault_keyring": 1, "keys": {"0badc0de": "nøkkel"}, "current": "0badc0de",'
        ' "index_key": "nøkkel"}'
    )
    with pytest.raises(VaultConfigError, match="exactly 32 bytes") as caught:
        KeyRing.parse(text, ENV_VAR)
    assert "nøkkel" not in str(caught.value)


def test_key_files_written_before_the_shared_helpers_still_load(tmp_path: Path) -> None:
    """The on-disk format: indented JSON with a final newline, mode 0600."""
    ring = KeyRing.generate()
    path = tmp_path / "vault.key"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(json.dumps(json.loads(ring.to_json()), indent=2) + "\n")
    assert KeySource(tmp_path, {}).load() == ring
    created = tmp_path / "new"
    VaultCipher(KeySource(created, {}))
    text = (created / "vault.key").read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert text == KeyRing.parse(text, "x").to_json()
