"""sladd's local certificate authority, and the leaf certificates it mints for intercepted hosts.

The CA is long-lived (ten years): an ECDSA P-256 key and a self-signed certificate with
``basicConstraints CA:TRUE, pathlen:0`` and ``keyUsage keyCertSign, cRLSign`` (both critical).
It lives in the data dir as ``ca.pem`` (the file to trust) and ``ca-key.pem`` (mode 0600; a
key file readable by others is refused). Leaves are short-lived (``leaf_validity_days``), carry
the host as their only subjectAltName, ``extendedKeyUsage serverAuth`` and ``keyUsage
digitalSignature``, and are minted on first use and cached per host in memory, together with
the :class:`ssl.SSLContext` that serves them. Nothing here touches the network.
"""

from __future__ import annotations

import datetime
import ipaddress
import secrets
import ssl
import stat
import tempfile
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from proxy.support.private_files import write_private_file

CA_CERT_FILE = "ca.pem"
CA_KEY_FILE = "ca-key.pem"
CA_VALIDITY = datetime.timedelta(days=3650)
CLOCK_SKEW = datetime.timedelta(hours=1)
"""Certificates start this long before they are made, for clients with a slow clock."""
MAX_CACHED_HOSTS = 512

_SNICallback = Callable[[ssl.SSLObject, str | None, ssl.SSLContext], int | None]


class CAError(Exception):
    """The CA is missing, unreadable, insecure or expired; the message says what to do."""


@dataclass(frozen=True)
class CertificateAuthority:
    """A loaded CA: its certificate, private key and the PEM file clients should trust."""

    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey
    cert_path: Path


def ca_paths(data_dir: Path) -> tuple[Path, Path]:
    """``(ca.pem, ca-key.pem)`` in ``data_dir``."""
    return data_dir / CA_CERT_FILE, data_dir / CA_KEY_FILE


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def _key_usage(
    *, digital_signature: bool = False, key_cert_sign: bool = False, crl_sign: bool = False
) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=key_cert_sign,
        crl_sign=crl_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _ca_certificate(key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "sladd"),
            x509.NameAttribute(NameOID.COMMON_NAME, f"sladd local CA {secrets.token_hex(4)}"),
        ]
    )
    now = _now()
    public = key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(now + CA_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(key_cert_sign=True, crl_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )


def create_ca(data_dir: Path) -> CertificateAuthority:
    """Create a new CA in ``data_dir``; refuses to overwrite an existing one."""
    cert_path, key_path = ca_paths(data_dir)
    if cert_path.exists() or key_path.exists():
        raise CAError(f"a CA already exists in {data_dir} ({CA_CERT_FILE} / {CA_KEY_FILE})")
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _ca_certificate(key)
    write_private_file(key_path, _pem_key(key))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return CertificateAuthority(cert, key, cert_path)


def load_ca(data_dir: Path) -> CertificateAuthority:
    """Load the CA from ``data_dir``; :class:`CAError` when missing, insecure or expired."""
    cert_path, key_path = ca_paths(data_dir)
    if not cert_path.is_file() and not key_path.is_file():
        raise CAError(f"no CA in {data_dir}: run `sladd ca init` (or start `sladd serve`)")
    if not cert_path.is_file() or not key_path.is_file():
        found = key_path if key_path.is_file() else cert_path
        raise CAError(f"only {found} exists; move it away, then run `sladd ca init`")
    mode = stat.S_IMODE(key_path.stat().st_mode)
    if mode & 0o077:
        raise CAError(f"{key_path} is readable by others (mode {mode:04o}); chmod 600 it")
    try:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        raise CAError(f"cannot read the CA in {data_dir} ({type(exc).__name__})") from exc
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.public_key() != cert.public_key():
        raise CAError(f"{key_path} is not the key of {cert_path}")
    if cert.not_valid_after_utc <= _now():
        raise CAError(f"the CA in {data_dir} has expired; move both CA files away and re-init")
    return CertificateAuthority(cert, key, cert_path)


def ensure_ca(data_dir: Path) -> tuple[CertificateAuthority, bool]:
    """The CA in ``data_dir``, created first when neither file exists; ``(ca, created)``."""
    cert_path, key_path = ca_paths(data_dir)
    if not cert_path.exists() and not key_path.exists():
        return create_ca(data_dir), True
    return load_ca(data_dir), False


def _subject_alt_name(host: str) -> x509.SubjectAlternativeName:
    try:
        return x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(host))])
    except ValueError:
        return x509.SubjectAlternativeName([x509.DNSName(host)])


def mint_leaf(
    ca: CertificateAuthority, host: str, validity: datetime.timedelta
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    """A new server certificate for ``host`` signed by ``ca`` (never outliving the CA)."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = _now()
    not_after = min(now + validity, ca.cert.not_valid_after_utc)
    issuer_key_id = x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)]))
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(digital_signature=True), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(_subject_alt_name(host), critical=False)
        .add_extension(issuer_key_id, critical=False)
        .sign(ca.key, hashes.SHA256())
    )
    return cert, key


def _only_for(host: str) -> _SNICallback:
    def check(_: ssl.SSLObject, server_name: str | None, __: ssl.SSLContext) -> int | None:
        if server_name is not None and server_name.lower() != host:
            return ssl.ALERT_DESCRIPTION_UNRECOGNIZED_NAME
        return None

    return check


def _server_context(
    host: str, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey
) -> ssl.SSLContext:
    """A TLS server context for ``host``; a client naming another host (SNI) is refused."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.set_alpn_protocols(["http/1.1"])
    context.sni_callback = _only_for(host)
    # ssl only loads certificates from files: a private temporary folder, removed at once.
    with tempfile.TemporaryDirectory(prefix="sladd-leaf-") as folder:
        cert_file, key_file = Path(folder) / "leaf.pem", Path(folder) / "leaf-key.pem"
        cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        write_private_file(key_file, _pem_key(key), sync=False)  # read at once, then removed
        context.load_cert_chain(cert_file, key_file)
    return context


class LeafCache:
    """Server TLS contexts per host, minted on first use and renewed at half their validity.

    At most ``max_hosts`` hosts are kept (least recently used go first).
    """

    def __init__(
        self, ca: CertificateAuthority, validity_days: int, max_hosts: int = MAX_CACHED_HOSTS
    ) -> None:
        self.ca = ca
        self._validity = datetime.timedelta(days=validity_days)
        self._max_hosts = max_hosts
        self._contexts: OrderedDict[str, tuple[ssl.SSLContext, datetime.datetime]] = OrderedDict()

    def context_for(self, host: str) -> ssl.SSLContext:
        """A server context presenting a fresh leaf for ``host`` (lower-cased)."""
        host = host.lower()
        cached = self._contexts.get(host)
        if cached is not None and cached[1] > _now():
            self._contexts.move_to_end(host)
            return cached[0]
        cert, key = mint_leaf(self.ca, host, self._validity)
        context = _server_context(host, cert, key)
        renew_at = _now() + (cert.not_valid_after_utc - _now()) / 2
        self._contexts[host] = (context, renew_at)
        while len(self._contexts) > self._max_hosts:
            self._contexts.popitem(last=False)
        return context
