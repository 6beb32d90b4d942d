"""A small typed vocabulary for declaring the shape of a request body.

Each check reads one field of a JSON object and raises :class:`InvalidShapeError` naming the
field's JSON path (``messages[2].content``) and what was expected there. Paths are built from
the keys a provider declares and from list indexes only, never from a key or value of the
request, so an error can be logged and returned as it is.

Optional fields that are absent or ``null`` count as absent: clients that serialise SDK models
send ``null`` for every unset field, and a ``null`` carries nothing to scan. Checks return the
narrowed value (or the list of ``(path, object)`` pairs) so a provider can check inside it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NoReturn, TypeGuard

from proxy.providers.errors import InvalidShapeError

JsonObject = dict[str, object]
Located = list[tuple[str, JsonObject]]
"""Objects of a list, each with its JSON path."""

STRINGS_OR_NULL = "a string, a list of strings, or null"


def at(where: str, key: str | int) -> str:
    """The path of ``key`` (a field name or list index) inside the value at ``where``."""
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


def fail(where: str, expected: str) -> NoReturn:
    """Refuse the body: the value at ``where`` is not ``expected``."""
    raise InvalidShapeError(where, expected)


def is_object(value: object) -> TypeGuard[JsonObject]:
    """Whether a parsed JSON value is an object."""
    return isinstance(value, dict)


def require_string(owner: JsonObject, key: str, where: str = "") -> str:
    """A required string field."""
    value = owner.get(key)
    if not isinstance(value, str):
        fail(at(where, key), "a string")
    return value


def optional_string(owner: JsonObject, key: str, where: str = "") -> str | None:
    """A string field that may be absent or ``null``."""
    value = owner.get(key)
    if value is None or isinstance(value, str):
        return value
    fail(at(where, key), "a string")


def require_strings(owner: JsonObject, keys: Collection[str], where: str) -> None:
    """Several required string fields."""
    for key in keys:
        require_string(owner, key, where)


def optional_bool(owner: JsonObject, key: str, where: str = "") -> bool | None:
    """A boolean field that may be absent or ``null``."""
    value = owner.get(key)
    if value is None or isinstance(value, bool):
        return value
    fail(at(where, key), "true or false")


def require_object(owner: JsonObject, key: str, where: str = "") -> JsonObject:
    """A required object field."""
    value = owner.get(key)
    if not is_object(value):
        fail(at(where, key), "an object")
    return value


def optional_object(owner: JsonObject, key: str, where: str = "") -> JsonObject | None:
    """An object field that may be absent or ``null``."""
    value = owner.get(key)
    if value is None:
        return None
    if not is_object(value):
        fail(at(where, key), "an object")
    return value


def objects_in(value: list[object], where: str) -> Located:
    """Every item of ``value`` (at ``where``) must be an object."""
    located: Located = []
    for index, item in enumerate(value):
        if not is_object(item):
            fail(at(where, index), "an object")
        located.append((at(where, index), item))
    return located


def list_of_objects(
    owner: JsonObject, key: str, where: str = "", *, required: bool = False, non_empty: bool = False
) -> Located:
    """A list of objects; ``[]`` when an optional field is absent or ``null``."""
    value = owner.get(key)
    expected = "a non-empty list of objects" if non_empty else "a list of objects"
    if value is None and not required:
        return []
    if not isinstance(value, list) or (non_empty and not value):
        fail(at(where, key), expected)
    return objects_in(value, at(where, key))


def optional_strings(owner: JsonObject, key: str, where: str = "", *, single: bool) -> None:
    """A list of strings (or one string when ``single``); absent or ``null`` passes."""
    value = owner.get(key)
    if value is None or (single and isinstance(value, str)):
        return
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        fail(at(where, key), STRINGS_OR_NULL if single else "a list of strings or null")


def one_of(value: object, allowed: Collection[str], where: str) -> str:
    """A string among ``allowed`` (the allowed values are sladd's, so naming them is safe)."""
    if not isinstance(value, str) or value not in allowed:
        fail(where, "one of: " + ", ".join(sorted(allowed)))
    return value


def typed_objects(value: list[object], where: str, noun: str) -> Located:
    """Every item an object with a string ``type`` (``noun`` names it in the error)."""
    located: Located = []
    for index, item in enumerate(value):
        if not is_object(item) or not isinstance(item.get("type"), str):
            fail(at(where, index), f"{noun} (an object with a string 'type')")
        located.append((at(where, index), item))
    return located


def typed_list(owner: JsonObject, key: str, where: str = "", *, noun: str) -> Located:
    """A required list of typed objects (e.g. the text blocks of a search result)."""
    value = owner.get(key)
    if not isinstance(value, list):
        fail(at(where, key), f"a list of {noun}s")
    return typed_objects(value, at(where, key), f"a {noun}")


def string_or_parts(
    owner: JsonObject, key: str, where: str = "", *, nullable: bool = False, noun: str = "part"
) -> Located:
    """A string or a list of typed objects (content parts or blocks); returns the parts.

    A required field unless ``nullable``, in which case absent and ``null`` pass too.
    """
    value = owner.get(key)
    if isinstance(value, str) or (nullable and value is None):
        return []
    if not isinstance(value, list):
        suffix = ", or null" if nullable else ""
        fail(at(where, key), f"a string or a list of content {noun}s{suffix}")
    return typed_objects(value, at(where, key), f"a content {noun}")


def check_typed(
    located: Located, strings_by_type: dict[str, tuple[str, ...]]
) -> list[tuple[str, str, JsonObject]]:
    """Each object's required string fields by its ``type``; returns ``(path, type, object)``.

    Types not in the table pass as they are: other code scans them as generic text.
    """
    typed: list[tuple[str, str, JsonObject]] = []
    for where, item in located:
        kind = item.get("type")
        kind_str = kind if isinstance(kind, str) else ""
        require_strings(item, strings_by_type.get(kind_str, ()), where)
        typed.append((where, kind_str, item))
    return typed
