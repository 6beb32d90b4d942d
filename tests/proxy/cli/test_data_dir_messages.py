"""``sladd logs``, ``ca`` and ``vault`` pointed at a data dir with nothing in it say where
they looked and how to point elsewhere, and create nothing there."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from proxy.cli.main import main
from proxy.vault.crypto import KeySource, VaultCipher
from proxy.vault.sqlite_vault import SqliteVault

HINT = "(set --data-dir or data_dir in the config"


@pytest.fixture
def empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data dir that does not exist; the environment names no other."""
    for name in ("SLADD_DATA_DIR", "SLADD_VAULT_URL", "SLADD_CONFIG", "SLADD_VAULT_KEY"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "data"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("action", [[], ["show", "f" * 32]])
def test_logs_say_where_they_looked(
    empty: Path, capsys: pytest.CaptureFixture[str], action: list[str]
) -> None:
    code, out, err = _run(capsys, "logs", *action, "--data-dir", str(empty))
    assert code == 1
    assert out == ""  # not a "Requests: 0" summary
    where = empty / "audit"
    assert (
        err
        == f"sladd logs: no redaction log in {where} {HINT} to the data dir `sladd serve` uses)\n"
    )


def test_logs_with_a_log_still_summarise(empty: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (empty / "audit").mkdir(parents=True)
    (empty / "audit" / "audit-2025-01-01.jsonl").write_text("", encoding="utf-8")
    code, out, _ = _run(capsys, "logs", "--data-dir", str(empty))
    assert code == 0
    assert "Requests: 0" in out


@pytest.mark.parametrize("action", [["path"], ["export", "--out", "bundle.pem"]])
def test_ca_says_where_it_looked_and_how_to_create_one(
    empty: Path, capsys: pytest.CaptureFixture[str], action: list[str]
) -> None:
    code, out, err = _run(capsys, "ca", *action, "--data-dir", str(empty))
    assert code == 2
    assert out == ""
    assert err.startswith(f"sladd ca: no CA in {empty} {HINT}")
    assert f"create one with: sladd ca init --data-dir {empty} " in err
    assert not empty.exists()


@pytest.mark.parametrize("action", [["stats"], ["rotate-key"], ["purge", "--older-than", "7d"]])
def test_vault_says_where_it_looked_and_creates_nothing(
    empty: Path, capsys: pytest.CaptureFixture[str], action: list[str]
) -> None:
    code, out, err = _run(capsys, "vault", *action, "--data-dir", str(empty))
    assert code == 2
    assert out == ""
    assert err.startswith(f"sladd vault: no vault at {empty / 'vault.db'} {HINT}, or --vault URL")
    assert not empty.exists()  # no empty vault, no new key


async def test_vault_stats_once_the_vault_exists(
    empty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = await SqliteVault.open(empty / "vault.db", VaultCipher(KeySource(empty, {})))
    await vault.close()
    code = await asyncio.to_thread(main, ["vault", "stats", "--data-dir", str(empty)])
    captured = capsys.readouterr()
    assert (code, captured.err) == (0, "")
    assert "scopes:       0" in captured.out
