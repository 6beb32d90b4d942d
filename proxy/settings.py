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
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from proxy.audit.settings import AuditSettings
from proxy.forward_settings import ForwardProxySettings
from proxy.providers.records import RECORDS
from proxy.toml_binding import INTERNAL, ConfigError, bind, parse_env_scalar, validator
from proxy.upstream import header_names_problem
from proxy.vault.open import default_vault_url, vault_url_problem

ACTIONS = ("pseudonymise", "redact", "block", "allow", "shift", "generalise")
SHIFTABLE = frozenset({"DATE", "DATE_OF_BIRTH"})
"""The entity types ``shift`` applies to (dates); ``generalise`` applies to ``AGE`` only."""
_PARTIAL_ACTIONS = ("allow", "pseudonymise", "redact", "block")
DEFAULT_CONFIG = Path("config") / "sladd.toml"
_ENTITY_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")

__all__ = ["ConfigError", "Settings", "load_settings"]


def _port(value: int) -> str | None:
    return None if 0 <= value <= 65535 else "a TCP port is 0-65535"


def _action(value: str) -> str | None:
    return None if value in ACTIONS else f"{value!r} is not one of {', '.join(ACTIONS)}"


def _actions(value: Mapping[str, str]) -> str | None:
    for entity, action in value.items():
        problem = _entity(entity) or _action(action) or _fits_type(entity, action)
        if problem:
            return f"{entity}: {problem}"
    return None


def _fits_type(entity: str, action: str) -> str | None:
    if action == "shift" and entity not in SHIFTABLE:
        return f"'shift' moves dates; it applies to {', '.join(sorted(SHIFTABLE))} only"
    if action == "generalise" and entity != "AGE":
        return "'generalise' applies to AGE only"
    return None


def _default_action(value: str) -> str | None:
    if value in ("shift", "generalise"):
        return f"{value!r} applies to some entity types only; set it in [policy.actions]"
    return _action(value)


def _partial_action(value: str) -> str | None:
    if value in _PARTIAL_ACTIONS:
        return None
    return f"{value!r} is not one of {', '.join(_PARTIAL_ACTIONS)}"


def _age(value: int) -> str | None:
    return None if 1 <= value <= 150 else "an age in years between 1 and 150"


def _score(value: float) -> str | None:
    return None if 0.0 <= value <= 1.0 else f"{value} is not a score between 0 and 1"


def _scores(value: Mapping[str, float]) -> str | None:
    for entity, score in value.items():
        problem = _entity(entity) or _score(score)
        if problem:
            return f"{entity}: {problem}"
    return None


def _entity(name: str) -> str | None:
    ok = _ENTITY_NAME.match(name)
    return None if ok else f"{name!r} is not an entity type (upper-case, like NO_FODSELSNUMMER)"


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
    request headers it forwards besides the route's own allow-list
    (:mod:`proxy.providers.records`)."""

    upstream: str = field(default="", metadata=validator(_url))
    unscrubbed_paths: tuple[str, ...] = ()
    forward_headers: tuple[str, ...] = field(default=(), metadata=validator(header_names_problem))


def _route_default(name: str) -> RouteSettings:
    """A route's settings with its record's default upstream."""
    return RouteSettings(RECORDS[name].default_upstream)


@dataclass(frozen=True, slots=True)
class RoutesSettings:
    """The four provider routes (paths are fixed; see README)."""

    openai: RouteSettings = field(default_factory=lambda: _route_default("openai"))
    anthropic: RouteSettings = field(default_factory=lambda: _route_default("anthropic"))
    azure: RouteSettings = field(default_factory=lambda: _route_default("azure"))
    ollama: RouteSettings = field(default_factory=lambda: _route_default("ollama"))

    def get(self, name: str) -> RouteSettings:
        """The settings of route ``name`` (``openai``, ``anthropic``, ``azure``, ``ollama``)."""
        route = getattr(self, name)
        assert isinstance(route, RouteSettings)
        return route


@dataclass(frozen=True, slots=True)
class DetectionSettings:
    """What finds identifiers."""

    custom_recognizers_dir: Path | None = None
    ner: bool = True
    ner_model: Path | None = None
    workers: int = field(default=-1, metadata=validator(_workers))
    cache_entries: int = field(default=20_000, metadata=validator(_not_negative))
    max_seconds: float = field(default=20.0, metadata=validator(_positive))
    """A request whose scrub takes longer is refused (503); see ``proxy.scrub.budget``."""

    def worker_count(self) -> int:
        """Detection processes: ``workers``, or with -1 one per core when there are several."""
        if self.workers >= 0:
            return self.workers
        cores = os.cpu_count() or 1
        return cores if cores > 1 else 0


@dataclass(frozen=True, slots=True)
class PolicySettings:
    """What happens to each entity type that is found."""

    default_action: str = field(default="pseudonymise", metadata=validator(_default_action))
    default_threshold: float = field(default=0.5, metadata=validator(_score))
    actions: dict[str, str] = field(
        default_factory=lambda: {
            "ORGANIZATION": "allow",
            "DATE": "shift",
            "AGE": "generalise",
        },
        metadata=validator(_actions),
    )
    partial_dates: str = field(default="allow", metadata=validator(_partial_action))
    """What ``shift`` does with a date that gives no day (``august 2013``, ``i 2012``)."""
    generalise_ages_from: int = field(default=90, metadata=validator(_age))
    """``generalise`` writes ages from this many years as ``over N-1``; younger ages stay."""
    thresholds: dict[str, float] = field(default_factory=dict, metadata=validator(_scores))
    allow_list: tuple[str, ...] = ()

    def action_for(self, entity_type: str) -> str:
        """The configured action for ``entity_type``, else the default action."""
        return self.actions.get(entity_type, self.default_action)

    def threshold_for(self, entity_type: str) -> float:
        """The minimum score for ``entity_type``, else the default threshold."""
        return self.thresholds.get(entity_type, self.default_threshold)


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
