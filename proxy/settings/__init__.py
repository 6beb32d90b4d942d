"""sladd's one typed settings object: defaults, ``config/sladd.toml``, ``SLADD_*`` environment.

Precedence, lowest first: the defaults below (identical to the shipped
``config/sladd.toml``), the TOML file, environment variables, command-line flags (applied by
the CLI through :func:`dataclasses.replace`). Everything is validated when loaded; a bad key
or value stops start-up with a :class:`ConfigError` naming it.

The config file is ``--config PATH``, else ``$SLADD_CONFIG``, else ``./config/sladd.toml`` when
it exists, else none (defaults only). Relative paths in the file are relative to its folder.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from proxy.audit.settings import AuditSettings
from proxy.providers.records import RECORDS, ROUTE_NAMES
from proxy.scrub.policy_settings import PolicySettings
from proxy.settings.forward import ForwardProxySettings
from proxy.support.headers import header_names_problem
from proxy.support.toml_binding import INTERNAL, ConfigError, bind, parse_env_scalar, validator
from proxy.vault.urls import default_vault_url, vault_url_problem

DEFAULT_CONFIG = Path("config") / "sladd.toml"


__all__ = ["ConfigError", "Settings", "load_settings"]


def _port(value: int) -> str | None:
    return None if 0 <= value <= 65535 else "a TCP port is 0-65535"


def _token_format(value: str) -> str | None:
    if "{type}" not in value or "{n}" not in value:
        return "the token format must contain {type} and {n}"
    if value.index("{type}") > value.index("{n}") or value.count("{") != 2:
        return "the token format must have {type} before {n}, each once, e.g. [{type}_{n}]"
    if value.startswith("{") or value.endswith("}"):
        return "the token format needs fixed text before {type} and after {n}, e.g. [{type}_{n}]"
    return None


def _workers(value: int) -> str | None:
    return None if value >= -1 else "use -1 (one per core), 0 (in-process) or a count"


def _not_negative(value: float) -> str | None:
    return None if value >= 0 else "must be 0 or more"


def _positive(value: float) -> str | None:
    return None if value > 0 else "must be greater than 0"


def _url(value: str) -> str | None:
    if value == "":
        return None
    parsed = urlsplit(value)
    if parsed.scheme not in {"http", "https"} or not parsed.hostname:
        return f"{value!r} is not an http:// or https:// URL"
    return None


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """Where ``sladd serve`` listens, and its limits."""

    host: str = "127.0.0.1"
    port: int = field(default=8787, metadata=validator(_port))
    max_body_bytes: int = field(default=8 * 1024 * 1024, metadata=validator(_positive))
    upstream_connect_timeout: float = field(default=10.0, metadata=validator(_positive))
    upstream_read_timeout: float = field(default=300.0, metadata=validator(_positive))
    proxy_keys_file: Path | None = None


@dataclass(frozen=True, slots=True)
class RouteSettings:
    """One provider route: where it forwards, what it may forward unscrubbed, and which
    request headers it forwards besides the route's own allow-list (its provider record,
    :mod:`proxy.providers.records`)."""

    upstream: str = field(default="", metadata=validator(_url))
    unscrubbed_paths: tuple[str, ...] = ()
    forward_headers: tuple[str, ...] = field(default=(), metadata=validator(header_names_problem))


def _route_default(name: str) -> RouteSettings:
    """A route's settings with its record's default upstream."""
    return RouteSettings(RECORDS[name].default_upstream)


class _Routes:
    """The provider routes' settings, one ``RouteSettings`` field per provider record, named
    after its route (``[routes.openai]``); paths are fixed (see README)."""

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    if TYPE_CHECKING:

        def __init__(self, **routes: RouteSettings) -> None: ...

        def __getattr__(self, name: str) -> RouteSettings: ...

    def get(self, name: str) -> RouteSettings:
        """The settings of route ``name`` (one of :data:`~proxy.providers.records.ROUTE_NAMES`)."""
        route = getattr(self, name)
        assert isinstance(route, RouteSettings)
        return route


if TYPE_CHECKING:
    RoutesSettings = _Routes
else:
    RoutesSettings = dataclasses.make_dataclass(
        "RoutesSettings",
        [
            (name, RouteSettings, field(default_factory=partial(_route_default, name)))
            for name in ROUTE_NAMES
        ],
        bases=(_Routes,),
        namespace={"__module__": __name__, "__doc__": _Routes.__doc__},
        frozen=True,
        slots=True,
    )
"""A frozen dataclass built from the provider records: adding a record adds its
``[routes.NAME]`` table, with the record's default upstream."""


@dataclass(frozen=True, slots=True)
class DetectionSettings:
    """What finds identifiers."""

    custom_recognizers_dir: Path | None = None
    ner: bool = True
    ner_model: Path | None = None
    workers: int = field(default=-1, metadata=validator(_workers))
    cache_entries: int = field(default=20_000, metadata=validator(_not_negative))
    max_seconds: float = field(default=20.0, metadata=validator(_positive))
    """A request whose scrub takes longer is refused (503); see ``proxy.detection.budget``."""

    def worker_count(self) -> int:
        """Detection processes: ``workers``, or with -1 one per core when there are several."""
        if self.workers >= 0:
            return self.workers
        cores = os.cpu_count() or 1
        return cores if cores > 1 else 0


@dataclass(frozen=True, slots=True)
class PseudonymSettings:
    """How pseudonyms look."""

    token_format: str = field(default="[{type}_{n}]", metadata=validator(_token_format))
    reuse_seconds: float = field(default=120.0, metadata=validator(_not_negative))


def _vault_url(value: str) -> str | None:
    return None if value == "" else vault_url_problem(value)


@dataclass(frozen=True, slots=True)
class VaultSettings:
    """Where pseudonyms are kept; the key comes from ``SLADD_VAULT_KEY`` or the data dir."""

    url: str = field(default="", metadata=validator(_vault_url))
    ttl_seconds: float = field(default=86400.0, metadata=validator(_positive))


@dataclass(frozen=True, slots=True)
class Settings:
    """All of sladd's settings; see the module docstring for where they come from."""

    data_dir: Path | None = None
    server: ServerSettings = field(default_factory=ServerSettings)
    routes: RoutesSettings = field(default_factory=RoutesSettings)
    vault: VaultSettings = field(default_factory=VaultSettings)
    detection: DetectionSettings = field(default_factory=DetectionSettings)
    policy: PolicySettings = field(default_factory=PolicySettings)
    pseudonyms: PseudonymSettings = field(default_factory=PseudonymSettings)
    audit: AuditSettings = field(default_factory=AuditSettings)
    forward_proxy: ForwardProxySettings = field(default_factory=ForwardProxySettings)
    config_path: Path | None = field(default=None, compare=False, metadata=INTERNAL)

    def resolved_vault_url(self) -> str:
        """``vault.url``, else the default SQLite vault in the data dir."""
        return self.vault.url or default_vault_url(self.resolved_data_dir())

    def resolved_data_dir(self) -> Path:
        """``data_dir``, else ``$XDG_DATA_HOME/sladd``, else ``~/.local/share/sladd``."""
        if self.data_dir is not None:
            return self.data_dir
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "sladd"


_ENV_KEYS = {
    "SLADD_DATA_DIR": ("data_dir",),
    "SLADD_HOST": ("server", "host"),
    "SLADD_PORT": ("server", "port"),
    "SLADD_VAULT_URL": ("vault", "url"),
}


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


def _resolve_relative(table: dict[str, object], base: Path) -> None:
    server = table.get("server")
    if isinstance(server, dict):
        _resolve_key(server, "proxy_keys_file", base)
    detection = table.get("detection")
    if isinstance(detection, dict):
        for key in ("custom_recognizers_dir", "ner_model"):
            _resolve_key(detection, key, base)
    _resolve_key(table, "data_dir", base)


def _resolve_key(section: dict[str, object], key: str, base: Path) -> None:
    value = section.get(key)
    if isinstance(value, str) and value and not Path(value).expanduser().is_absolute():
        section[key] = str(base / value)


def _apply_env(table: dict[str, object], environ: Mapping[str, str]) -> list[str]:
    applied = []
    for variable, path in _ENV_KEYS.items():
        if environ.get(variable):
            target = table
            for part in path[:-1]:
                target = target.setdefault(part, {})  # type: ignore[assignment]
            target[path[-1]] = parse_env_scalar(environ[variable])
            applied.append(variable)
    return applied


def find_config(explicit: Path | None, environ: Mapping[str, str]) -> Path | None:
    """The config file to read (see module docstring), or ``None`` for defaults only."""
    if explicit is not None:
        return explicit
    if environ.get("SLADD_CONFIG"):
        return Path(environ["SLADD_CONFIG"])
    return DEFAULT_CONFIG if DEFAULT_CONFIG.is_file() else None


def load_settings(config: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Load and validate settings; raise :class:`ConfigError` naming any bad key."""
    env = os.environ if environ is None else environ
    path = find_config(config, env)
    table = _read_toml(path) if path else {}
    if path:
        _resolve_relative(table, path.resolve().parent)
    applied = _apply_env(table, env)
    where = str(path) if path else "defaults"
    if applied:
        where += " + " + ", ".join(applied)
    settings = bind(Settings, table, where)
    return dataclasses.replace(settings, config_path=path)
