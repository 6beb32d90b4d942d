"""``sladd ca init | path | export``."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography import x509

from proxy.cli.main import main
from proxy.cli.serve import _leaf_cache
from proxy.settings import Settings
from proxy.settings.forward import ForwardProxySettings


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_init_path_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    code, out, _ = _run(capsys, "ca", "init", "--data-dir", data)
    assert code == 0
    assert "created sladd's CA" in out
    assert stat.S_IMODE((tmp_path / "data" / "ca-key.pem").stat().st_mode) == 0o600
    code, out, _ = _run(capsys, "ca", "init", "--data-dir", data)
    assert (code, "already exists" in out) == (0, True)
    code, out, _ = _run(capsys, "ca", "path", "--data-dir", data)
    assert (code, out) == (0, f"{tmp_path / 'data' / 'ca.pem'}\n")

    ours = tmp_path / "ours.pem"
    code, _, _ = _run(capsys, "ca", "export", "--out", str(ours), "--data-dir", data)
    assert code == 0
    assert x509.load_pem_x509_certificates(ours.read_bytes()) == [
        x509.load_pem_x509_certificate((tmp_path / "data" / "ca.pem").read_bytes())
    ]


def test_export_with_system_roots_ends_with_sladds_ca(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    _run(capsys, "ca", "init", "--data-dir", data)
    bundle = tmp_path / "bundle.pem"
    code, out, _ = _run(
        capsys, "ca", "export", "--with-system", "--out", str(bundle), "--data-dir", data
    )
    assert code == 0
    assert "system roots" in out
    text = bundle.read_bytes()
    assert text.count(b"-----BEGIN CERTIFICATE-----") > 10
    assert text.endswith((tmp_path / "data" / "ca.pem").read_bytes())
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("action", [["path"], ["export", "--out", "x.pem"]])
def test_without_a_ca_the_commands_say_how_to_make_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], action: list[str]
) -> None:
    code, _, err = _run(capsys, "ca", *action, "--data-dir", str(tmp_path))
    assert code == 2
    assert "sladd ca init" in err


def test_serve_creates_the_ca_at_first_start_unless_forwarding_is_off(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    first, second = _leaf_cache(settings), _leaf_cache(settings)
    assert first is not None
    assert second is not None
    assert first.ca.cert == second.ca.cert
    off = Settings(data_dir=tmp_path / "off", forward_proxy=ForwardProxySettings(enabled=False))
    assert _leaf_cache(off) is None
    assert not (tmp_path / "off").exists()
