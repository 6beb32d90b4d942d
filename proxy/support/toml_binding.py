"""Bind a parsed TOML table onto a tree of frozen dataclasses, strictly.

Unknown keys, wrong types and values a field's validator rejects are all
:class:`ConfigError`, whose message names the dotted key (``policy.thresholds.PERSON``) and
the source (file path or environment variable). Supported field types: ``str``, ``int``,
``float``, ``bool``, ``Path``, ``tuple[str, ...]``, ``dict[str, str]``, ``dict[str, float]``,
``dict[str, <dataclass>]`` and nested dataclasses.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
Validator = Callable[[Any], str | None]


class ConfigError(ValueError):
    """A configuration problem; the message names the key and where it came from."""


def validator(check: Validator) -> dict[str, Validator]:
    """Field metadata: ``check(value)`` returns an error message, or ``None`` when fine."""
    return {"validate": check}


INTERNAL = {"internal": True}
"""Field metadata for fields set by code, never by a config file."""


def bind(cls: type[T], table: Mapping[str, object], where: str, prefix: str = "") -> T:
    """Build ``cls`` from ``table``; missing keys keep their defaults."""
    hints = typing.get_type_hints(cls)
    fields = {
        f.name: f
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if not f.metadata.get("internal")
    }
    unknown = sorted(set(table) - set(fields))
    if unknown:
        known = ", ".join(sorted(fields))
        raise ConfigError(f"{where}: unknown key '{prefix}{unknown[0]}' (known here: {known})")
    values: dict[str, object] = {}
    for name, raw in table.items():
        key = f"{prefix}{name}"
        value = _convert(hints[name], raw, key, where)
        check = fields[name].metadata.get("validate")
        problem = check(value) if check else None
        if problem:
            raise ConfigError(f"{where}: bad value for '{key}': {problem}")
        values[name] = value
    return cls(**values)


def _type_error(key: str, where: str, expected: str, raw: object) -> ConfigError:
    got = type(raw).__name__
    return ConfigError(f"{where}: '{key}' must be {expected}, got {got} {raw!r}")


def _convert(hint: object, raw: object, key: str, where: str) -> object:
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if not isinstance(raw, Mapping):
            raise _type_error(key, where, "a table", raw)
        return bind(hint, raw, where, f"{key}.")
    if origin is tuple:
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            raise _type_error(key, where, "a list of strings", raw)
        return tuple(raw)
    if origin is dict:
        return _convert_dict(typing.get_args(hint)[1], raw, key, where)
    if origin in (types.UnionType, typing.Union):
        return _convert_optional(hint, raw, key, where)
    return _convert_scalar(hint, raw, key, where)


def _convert_dict(value_hint: object, raw: object, key: str, where: str) -> dict[str, object]:
    if not isinstance(raw, Mapping):
        raise _type_error(key, where, "a table", raw)
    return {str(k): _convert(value_hint, v, f"{key}.{k}", where) for k, v in raw.items()}


def _convert_optional(hint: object, raw: object, key: str, where: str) -> object:
    inner = [a for a in typing.get_args(hint) if a is not type(None)]
    if raw == "" and len(inner) == 1:
        return None
    return _convert(inner[0], raw, key, where)


def _convert_scalar(hint: object, raw: object, key: str, where: str) -> object:
    if hint is bool:
        if not isinstance(raw, bool):
            raise _type_error(key, where, "true or false", raw)
        return raw
    if hint is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise _type_error(key, where, "an integer", raw)
        return raw
    if hint is float:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise _type_error(key, where, "a number", raw)
        return float(raw)
    if hint is Path:
        if not isinstance(raw, str):
            raise _type_error(key, where, "a path string", raw)
        return Path(raw).expanduser()
    if hint is str:
        if not isinstance(raw, str):
            raise _type_error(key, where, "a string", raw)
        return raw
    raise ConfigError(f"{where}: '{key}' has an unsupported type {hint!r}")  # pragma: no cover


def parse_env_scalar(raw: str) -> object:
    """Environment values are strings; read ``true``/``false`` and numbers like TOML would."""
    lowered = raw.strip().lower()
    if lowered in {"true", "false"}:
        return lowered == "true"
    for number_type in (int, float):
        try:
            return number_type(raw)
        except ValueError:
            continue
    return raw
