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
from collections.abc import Callable, MutableMapping, MutableSequence
from dataclasses import dataclass

Container = MutableMapping[str, object] | MutableSequence[object]


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

    def text(self, container: Container, key: str | int, where: str = "") -> None:
        """Register ``container[key]`` when it is a non-empty string."""
        value = _get(container, key)
        if isinstance(value, str) and value:
            self.slots.append(Slot(value, child_path(where, key), _setter(container, key)))

    def strings(self, container: Container, key: str | int, where: str = "") -> None:
        """Register every string leaf under ``container[key]`` (objects, lists, a string)."""
        value = _get(container, key)
        path = child_path(where, key)
        if isinstance(value, str):
            self.text(container, key, where)
        elif isinstance(value, dict):
            for child in value:
                self.strings(value, child, path)
        elif isinstance(value, list):
            for index in range(len(value)):
                self.strings(value, index, path)

    def json_text(self, container: Container, key: str | int, where: str = "") -> None:
        """Register the string leaves of the JSON document held in ``container[key]``."""
        value = _get(container, key)
        if not isinstance(value, str):
            return
        try:
            document = json.loads(value)
        except ValueError:
            self.text(container, key, where)
            return
        if not isinstance(document, dict | list):
            self.text(container, key, where)
            return
        path = child_path(where, key) + "(json)"
        children: list[str | int] = (
            list(document) if isinstance(document, dict) else list(range(len(document)))
        )
        for child in children:
            self.strings(document, child, path)
        self._commits.append(
            lambda: _setter(container, key)(json.dumps(document, ensure_ascii=False))
        )

    def commit(self) -> None:
        """Write re-serialised JSON strings back; call after every slot was set."""
        for write in self._commits:
            write()


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
