"""Text slots: the free-text strings inside a parsed JSON body that must be scrubbed.

Providers walk their request body and register each string the user controls. A slot can
be read (``text``), replaced (``set``) and named (``where``, a JSON path such as
``messages[2].content`` used in error messages — never the value). A string that itself holds
JSON — tool-call arguments — is parsed, its string leaves become slots, and
:meth:`SlotCollector.commit` serialises it back after rewriting. A JSON string that does not
parse is scrubbed as text.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, MutableMapping, MutableSequence
from dataclasses import dataclass

from proxy.providers.errors import UnscrubbableRequestError

Container = MutableMapping[str, object] | MutableSequence[object]
MIN_SCANNED_NUMBER = 1_000_000
"""Integers from seven digits up are scanned: phone, HPR, organisation and national numbers."""
MAX_JSON_STRING_DEPTH = 64
_KEY_WORTH_SCANNING = re.compile(r"[\d\s@]")


@dataclass(slots=True)
class Slot:
    """One string in the body, where it is, and a way to replace it."""

    text: str
    where: str
    _setter: Callable[[str], None]

    def set(self, value: str) -> None:
        """Replace the string in the body."""
        self._setter(value)


def _setter(container: Container, key: str | int) -> Callable[[str], None]:
    def assign(value: str) -> None:
        container[key] = value  # type: ignore[index]

    return assign


def child_path(where: str, key: str | int) -> str:
    """``where`` extended by an object key or an array index."""
    return f"{where}[{key}]" if isinstance(key, int) else (f"{where}.{key}" if where else key)


class SlotCollector:
    """Collects slots for one body; see module docstring.

    Every method takes the container, the key inside it, and ``where`` — the path of the
    container itself (``""`` for the body).
    """

    def __init__(self) -> None:
        self.slots: list[Slot] = []
        self._commits: list[Callable[[], None]] = []
        self._renames: list[tuple[dict[str, object], str, str]] = []

    def text(
        self, container: Container, key: str | int, where: str = "", *, path: str | None = None
    ) -> None:
        """Register ``container[key]`` when it is a non-empty string.

        Its path is ``where`` extended by ``key``, or ``path`` when the key is user-chosen and
        must not reach an error message or the audit log (see :meth:`strings`).
        """
        value = _get(container, key)
        if isinstance(value, str) and value:
            where = child_path(where, key) if path is None else path
            self.slots.append(Slot(value, where, _setter(container, key)))

    def strings(self, container: Container, key: str | int, where: str = "") -> None:
        """Register every leaf under ``container[key]`` that could hold an identifier.

        Strings, long integers (a fødselsnummer sent as a JSON number) and object keys with
        digits, spaces or ``@`` become slots. Below ``container[key]`` paths name object keys
        by position (``metadata{0}``), so a key that is itself an identifier never reaches an
        error message or the audit log.
        """
        self._walk(container, key, child_path(where, key))

    def _walk(self, container: Container, key: str | int, path: str) -> None:
        """:meth:`strings` for the value at ``container[key]``, whose path is ``path``."""
        value = _get(container, key)
        if isinstance(value, str) and value:
            self.slots.append(Slot(value, path, _setter(container, key)))
        elif isinstance(value, int) and not isinstance(value, bool):
            self._number(container, key, path, value)
        elif isinstance(value, dict):
            for position, child in enumerate(list(value)):
                self._key(value, child, f"{path}{{{position}}}")
                self._walk(value, child, f"{path}{{{position}}}")
        elif isinstance(value, list):
            for index in range(len(value)):
                self._walk(value, index, f"{path}[{index}]")

    def _number(self, container: Container, key: str | int, path: str, value: int) -> None:
        if abs(value) < MIN_SCANNED_NUMBER:
            return
        original = str(value)

        def assign(new: str) -> None:
            if new != original:
                container[key] = new  # type: ignore[index]

        self.slots.append(Slot(original, path, assign))

    def _key(self, owner: dict[str, object], key: str, path: str) -> None:
        if not _KEY_WORTH_SCANNING.search(key):
            return

        def rename(new: str) -> None:
            if new != key:
                self._renames.append((owner, key, new))

        self.slots.append(Slot(key, path + "#key", rename))

    def json_text(self, container: Container, key: str | int, where: str = "") -> None:
        """Register the leaves of the JSON document held in ``container[key]``.

        A string that is not JSON (or has numbers JSON cannot represent once parsed) is
        scrubbed as text; a document nested past :data:`MAX_JSON_STRING_DEPTH` is refused.
        """
        value = _get(container, key)
        if not isinstance(value, str):
            return
        try:
            document = json.loads(value, parse_float=_finite_float)
        except RecursionError as exc:
            raise UnscrubbableRequestError(_too_deep(child_path(where, key))) from exc
        except ValueError:
            self.text(container, key, where)
            return
        if not isinstance(document, dict | list):
            self.text(container, key, where)
            return
        if json_depth(document, MAX_JSON_STRING_DEPTH) > MAX_JSON_STRING_DEPTH:
            raise UnscrubbableRequestError(_too_deep(child_path(where, key)))
        holder: list[object] = [document]
        self._walk(holder, 0, child_path(where, key) + "(json)")
        self._commits.append(
            lambda: _setter(container, key)(json.dumps(holder[0], ensure_ascii=False))
        )

    def commit(self) -> None:
        """Apply renamed keys, then write re-serialised JSON strings back; call after every
        slot was set."""
        for owner, old, new in self._renames:
            items = [(new if k == old else k, v) for k, v in owner.items()]
            owner.clear()
            owner.update(items)
        self._renames.clear()
        for write in self._commits:
            write()


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError("a number JSON cannot represent once parsed")
    return number


def _too_deep(where: str) -> str:
    return f"the JSON inside {where} is nested deeper than {MAX_JSON_STRING_DEPTH} levels"


def json_depth(value: object, limit: int) -> int:
    """Nesting depth of ``value`` (stops counting past ``limit``)."""
    stack = [(value, 1)]
    deepest = 0
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return deepest


def _get(container: Container, key: str | int) -> object:
    if isinstance(container, MutableMapping):
        return container.get(key) if isinstance(key, str) else None
    if isinstance(key, int) and 0 <= key < len(container):
        return container[key]
    return None


def as_dict(value: object) -> dict[str, object] | None:
    """``value`` when it is a JSON object, else ``None``."""
    return value if isinstance(value, dict) else None


def as_list(value: object) -> list[object]:
    """``value`` when it is a JSON array, else an empty list."""
    return value if isinstance(value, list) else []


def dig(value: object, *keys: str) -> dict[str, object] | None:
    """The JSON object at ``value[k1][k2]...``, or ``None`` if any step is not an object."""
    current = as_dict(value)
    for key in keys:
        current = as_dict(current.get(key)) if current is not None else None
    return current
