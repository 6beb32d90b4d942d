"""Vault URLs: which backend a URL names, and whether it is well-formed — without importing
any backend (settings validate URLs with this; :mod:`proxy.vault.open` opens them)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from proxy.vault.base import VaultConfigError

DEFAULT_FILE_NAME = "vault.db"


def default_vault_url(data_dir: Path) -> str:
    """``sqlite:///<data-dir>/vault.db``."""
    return "sqlite://" + str((data_dir / DEFAULT_FILE_NAME).absolute())


def vault_url_problem(url: str) -> str | None:
    """Why ``url`` is not a vault URL, or ``None`` if it is one (for settings validation)."""
    try:
        scheme = url_scheme(url)
        if scheme == "sqlite":
            sqlite_path(url, Path("."))
    except VaultConfigError as exc:
        return str(exc)
    return None


def url_scheme(url: str) -> str:
    """The backend ``url`` names; :class:`VaultConfigError` unless it is well-formed."""
    scheme = url.partition("://")[0].lower() if "://" in url else ""
    if scheme == "memory":
        if url.lower() != "memory://":
            raise VaultConfigError(f"bad vault URL {url!r}: memory:// takes no host or path")
    elif scheme in {"redis", "rediss"}:
        check_redis_url(url)
    elif scheme != "sqlite":
        raise VaultConfigError(
            f"bad vault URL {redacted_url(url)!r}: expected memory://, sqlite:///PATH or "
            "redis://HOST:PORT/DB"
        )
    return scheme


def sqlite_path(url: str, data_dir: Path) -> Path:
    """The file a ``sqlite://`` URL names (see the module docstring)."""
    parts = urlsplit(url)
    if parts.netloc or parts.query or parts.fragment:
        raise VaultConfigError(
            f"bad vault URL {url!r}: use sqlite:///ABSOLUTE/PATH (three slashes, no host)"
        )
    if not parts.path:
        return (data_dir / DEFAULT_FILE_NAME).absolute()
    return Path("/" + unquote(parts.path).lstrip("/"))


def check_redis_url(url: str) -> None:
    """Raise :class:`VaultConfigError` unless ``url`` has a host, a port and a numeric DB."""
    shown = redacted_url(url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise VaultConfigError(f"bad vault URL {shown!r}: the port is not a number") from None
    if not parts.hostname:
        raise VaultConfigError(f"bad vault URL {shown!r}: expected redis://HOST:PORT/DB")
    database = parts.path.lstrip("/")
    if database and not database.isdigit():
        raise VaultConfigError(f"bad vault URL {shown!r}: the database must be a number")
    if port == 0:
        raise VaultConfigError(f"bad vault URL {shown!r}: port 0")


def redacted_url(url: str) -> str:
    """``url`` with any password replaced by ``***``, for messages."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return url if "@" not in url else url.partition("://")[0] + "://***"
    if password is None:
        return url
    netloc = parts.netloc.rpartition("@")
    user = netloc[0].partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[2]}"))
