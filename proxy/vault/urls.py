"""Vault URLs: which backend a URL names, and whether it is well-formed — without importing
any backend (settings validate URLs with this; :mod:`proxy.vault.open` opens them)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from proxy.vault.base import VaultConfigError
from proxy.vault.redis_urls import SCHEMES as REDIS_SCHEMES
from proxy.vault.redis_urls import parse_redis_url, redacted_url

__all__ = [
    "REDIS_SCHEMES",
    "check_redis_url",
    "default_vault_url",
    "redacted_url",
    "sqlite_path",
    "url_scheme",
    "vault_url_problem",
]

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
    elif scheme in REDIS_SCHEMES:
        check_redis_url(url)
    elif scheme != "sqlite":
        raise VaultConfigError(
            f"bad vault URL {redacted_url(url)!r}: expected memory://, sqlite:///PATH or "
            "redis://HOST:PORT/DB (or redis+sentinel://HOST:PORT,.../SERVICE/DB, "
            "redis+cluster://HOST:PORT,...)"
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
    """Raise :class:`VaultConfigError` unless ``url`` is a well-formed Redis, Redis Sentinel
    or Redis Cluster URL (:mod:`proxy.vault.redis_urls`)."""
    parse_redis_url(url)
