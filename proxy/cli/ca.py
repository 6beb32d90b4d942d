"""``sladd ca``: create sladd's local CA, show where it is, export a trust bundle.

``SSL_CERT_FILE`` (Python SDKs, curl with OpenSSL) *replaces* the default trust store, so
``export --with-system`` writes the system roots followed by sladd's CA into one file.
"""

from __future__ import annotations

import os
import ssl
from pathlib import Path
from typing import TextIO

from cryptography.hazmat.primitives import serialization

from proxy.forward.tls import CAError, CertificateAuthority, ca_paths, ensure_ca, load_ca

SYSTEM_BUNDLES = (
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/cert.pem",
)


def init(data_dir: Path, out: TextIO) -> None:
    """Create the CA unless it exists; say where it is either way."""
    ca, created = ensure_ca(data_dir)
    _, key_path = ca_paths(data_dir)
    if created:
        out.write(f"created sladd's CA: {ca.cert_path}\n(private key: {key_path}, mode 0600)\n")
    else:
        out.write(f"sladd's CA already exists: {ca.cert_path}\n")
    out.write("Trust it in HTTPS_PROXY clients: see README, 'HTTPS_PROXY mode'.\n")


def path(data_dir: Path, out: TextIO) -> None:
    """Print the PEM file clients should trust."""
    out.write(f"{_load(data_dir).cert_path}\n")


def _load(data_dir: Path) -> CertificateAuthority:
    """:func:`load_ca`; with no CA files at all, the error says where it looked, how to
    point there, and how to create one."""
    if not any(file.exists() for file in ca_paths(data_dir)):
        raise CAError(
            f"no CA in {data_dir} (set --data-dir or data_dir in the config if `sladd serve` "
            f"uses another data dir); create one with: sladd ca init --data-dir {data_dir} "
            "(or start `sladd serve`, which creates it)"
        )
    return load_ca(data_dir)


def system_bundle() -> Path:
    """The system's root certificates: OpenSSL's compiled-in file, a distro bundle, certifi."""
    candidates = [ssl.get_default_verify_paths().openssl_cafile, *SYSTEM_BUNDLES]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    try:
        import certifi  # noqa: PLC0415  (optional: only when no system bundle exists)
    except ImportError:
        pass
    else:
        return Path(certifi.where())
    raise CAError("no system CA bundle found; export without --with-system")


def _system_roots() -> tuple[Path, bytes, int]:
    source = system_bundle()
    pem = source.read_bytes()
    count = pem.count(b"-----BEGIN CERTIFICATE-----")
    if not count:
        raise CAError(f"{source} holds no PEM certificates")
    return source, pem, count


def export(data_dir: Path, target: Path, with_system: bool, out: TextIO) -> None:
    """Write sladd's CA — after the system roots with ``with_system`` — to ``target``."""
    ca = _load(data_dir)
    ours = ca.cert.public_bytes(serialization.Encoding.PEM)
    label = f"# {ca.cert.subject.rfc4514_string()} (sladd, {ca.cert_path})\n".encode()
    parts, summary = [label, ours], "sladd's CA"
    if with_system:
        source, pem, count = _system_roots()
        parts = [pem.rstrip(b"\n") + b"\n\n", *parts]
        summary = f"{count} system roots from {source} + sladd's CA"
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(b"".join(parts))
    os.replace(partial, target)
    out.write(f"wrote {target}: {summary}\n")
