"""sladd's CA and minted leaves: constraints, key usage, names, validity, caching, file modes."""

from __future__ import annotations

import datetime
import os
import stat
from pathlib import Path
from typing import TypeVar

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from proxy.forward.tls import (
    CLOCK_SKEW,
    CAError,
    CertificateAuthority,
    LeafCache,
    create_ca,
    ensure_ca,
    load_ca,
    mint_leaf,
)

WEEK = datetime.timedelta(days=7)
T = TypeVar("T", bound=x509.ExtensionType)


def _extension(cert: x509.Certificate, kind: type[T]) -> x509.Extension[T]:
    return cert.extensions.get_extension_for_class(kind)


def test_ca_is_a_constrained_signing_only_authority(ca: CertificateAuthority) -> None:
    constraints = _extension(ca.cert, x509.BasicConstraints)
    assert constraints.critical
    assert constraints.value.ca
    assert constraints.value.path_length == 0
    usage = _extension(ca.cert, x509.KeyUsage)
    assert usage.critical
    assert usage.value.key_cert_sign
    assert usage.value.crl_sign
    assert not usage.value.digital_signature
    assert not usage.value.key_encipherment
    lifetime = ca.cert.not_valid_after_utc - ca.cert.not_valid_before_utc
    assert datetime.timedelta(days=3650) <= lifetime <= datetime.timedelta(days=3651)
    ca.cert.verify_directly_issued_by(ca.cert)


def test_ca_files_and_modes(ca: CertificateAuthority) -> None:
    key = ca.cert_path.parent / "ca-key.pem"
    assert ca.cert_path.name == "ca.pem"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(ca.cert_path.parent.stat().st_mode) == 0o700
    assert b"PRIVATE KEY" not in ca.cert_path.read_bytes()


def test_ca_is_created_once_and_reloaded(tmp_path: Path) -> None:
    first, created = ensure_ca(tmp_path)
    again, created_again = ensure_ca(tmp_path)
    assert (created, created_again) == (True, False)
    assert again.cert == first.cert
    with pytest.raises(CAError, match="already exists"):
        create_ca(tmp_path)


def test_key_readable_by_others_is_refused(ca: CertificateAuthority) -> None:
    os.chmod(ca.cert_path.parent / "ca-key.pem", 0o644)
    with pytest.raises(CAError, match="chmod 600"):
        load_ca(ca.cert_path.parent)


def test_missing_or_mismatched_ca_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CAError, match="sladd ca init"):
        load_ca(tmp_path)
    create_ca(tmp_path / "a")
    create_ca(tmp_path / "b")
    (tmp_path / "a" / "ca.pem").write_bytes((tmp_path / "b" / "ca.pem").read_bytes())
    with pytest.raises(CAError, match="is not the key of"):
        load_ca(tmp_path / "a")
    (tmp_path / "b" / "ca.pem").unlink()
    with pytest.raises(CAError, match=r"only .*ca-key\.pem exists"):
        ensure_ca(tmp_path / "b")


def test_leaf_is_a_short_lived_server_certificate_for_one_host(ca: CertificateAuthority) -> None:
    leaf, _ = mint_leaf(ca, "api.openai.com", WEEK)
    leaf.verify_directly_issued_by(ca.cert)
    san = _extension(leaf, x509.SubjectAlternativeName)
    assert san.value.get_values_for_type(x509.DNSName) == ["api.openai.com"]
    assert list(san.value) == [x509.DNSName("api.openai.com")]
    assert _extension(leaf, x509.ExtendedKeyUsage).value == x509.ExtendedKeyUsage(
        [ExtendedKeyUsageOID.SERVER_AUTH]
    )
    usage = _extension(leaf, x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature
    assert not usage.value.key_cert_sign
    constraints = _extension(leaf, x509.BasicConstraints)
    assert constraints.critical
    assert not constraints.value.ca
    assert leaf.not_valid_after_utc - leaf.not_valid_before_utc == WEEK + CLOCK_SKEW
    now = datetime.datetime.now(datetime.UTC)
    assert leaf.not_valid_before_utc <= now <= leaf.not_valid_after_utc


def test_leaf_for_an_address_names_it_as_an_ip(ca: CertificateAuthority) -> None:
    leaf, _ = mint_leaf(ca, "10.1.2.3", WEEK)
    san = _extension(leaf, x509.SubjectAlternativeName).value
    assert [str(ip) for ip in san.get_values_for_type(x509.IPAddress)] == ["10.1.2.3"]


def test_leaf_never_outlives_its_ca(ca: CertificateAuthority) -> None:
    leaf, _ = mint_leaf(ca, "api.openai.com", datetime.timedelta(days=10_000))
    assert leaf.not_valid_after_utc == ca.cert.not_valid_after_utc


def test_leaf_cache_reuses_per_host_and_is_bounded(ca: CertificateAuthority) -> None:
    cache = LeafCache(ca, validity_days=7, max_hosts=3)
    first = cache.context_for("api.openai.com")
    assert cache.context_for("API.openai.com") is first
    assert cache.context_for("api.anthropic.com") is not first
    for n in range(3):
        cache.context_for(f"r{n}.openai.azure.com")
    assert cache.context_for("api.openai.com") is not first
