"""Text slots: the strings of a JSON body that are scanned, and how they are written back.

A slot can be read (``text``), replaced (``set`` with the scrubbed result) and named
(``where``, a JSON path such as ``messages[2].content`` used in error messages — never the
value). A *fixed* or *signed* slot is scanned but never rewritten: it holds something the API
needs verbatim (a model id, a function name, signed reasoning), so a finding in it refuses
the request instead. A *joined* slot is several text parts of one message scanned as one text
(a name split over two parts is still one name); its result is split back over the parts.

:class:`SlotCollector` gathers the slots of one body. Which strings become slots, and of which
kind, is decided by :mod:`proxy.providers.walk` (deny by default: every string is a slot unless
its provider declares it an opaque blob).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, MutableMapping, MutableSequence, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from proxy.providers.errors import UnscrubbableRequestError

if TYPE_CHECKING:
    from proxy.scrub.pseudonymise import ScrubbedText

Container = MutableMapping[str, object] | MutableSequence[object]
SlotKind = Literal["text", "fixed", "signed"]
"""``text`` is rewritten; ``fixed`` (model, ids, names) and ``signed`` (provider-signed
reasoning) are scanned and never rewritten — a finding refuses the request; in ``signed``
slots tokens are sladd's own (the provider signed text that already held them)."""
MAX_JSON_STRING_DEPTH = 64
PART_SEPARATOR = " "
"""Put between the text parts of one message when they are scanned as one text."""


@dataclass(slots=True)
class Slot:
    """One string in the body (or several parts scanned as one), where it is, how to replace it.

    ``part_lengths`` is set for a joined slot: the lengths of its parts in ``text``, which
    joins them with :data:`PART_SEPARATOR`; the setter then receives one string per part.
    """

    text: str
    where: str
    _setter: Callable[[str], None]
    kind: SlotKind = "text"
    part_setters: tuple[Callable[[str], None], ...] = field(default=())
    part_lengths: tuple[int, ...] = field(default=())

    def set(self, value: str) -> None:
        """Replace the string in the body (a joined slot: ``value`` goes to its first part and
        the other parts are emptied; use :meth:`apply` to split a scrubbed result)."""
        self._setter(value)
        for setter in self.part_setters[1:]:
            setter("")

    def apply(self, scrubbed: ScrubbedText) -> None:
        """Write a scrubbed result back; a joined slot splits it over its parts."""
        if not self.part_lengths:
            self._setter(scrubbed.text)
            return
        for setter, text in zip(self.part_setters, split_parts(self, scrubbed), strict=True):
            setter(text)


def split_parts(slot: Slot, scrubbed: ScrubbedText) -> list[str]:
    """The scrubbed text of each part of a joined slot.

    A replaced span goes to the part where it starts; the rest of a span that runs into later
    parts is dropped from them, so the parts still concatenate to the scrubbed whole.
    """
    replaced = [r for r in scrubbed.replacements if r.replacement is not None]
    out: list[str] = []
    start = 0
    for length in slot.part_lengths:
        end = start + length
        pieces: list[str] = []
        cursor = start
        for span in replaced:
            if span.end <= start or span.start >= end:
                continue
            if span.start >= start:
                pieces += [slot.text[cursor : span.start], str(span.replacement)]
            cursor = max(cursor, min(span.end, end))
        pieces.append(slot.text[cursor:end])
        out.append("".join(pieces))
        start = end + len(PART_SEPARATOR)
    return out


def setter(container: Container, key: str | int) -> Callable[[str], None]:
    """A function that writes a string to ``container[key]``."""

    def assign(value: str) -> None:
        container[key] = value  # type: ignore[index]

    return assign


def child_path(where: str, key: str | int) -> str:
    """``where`` extended by an object key or an array index."""
    return f"{where}[{key}]" if isinstance(key, int) else (f"{where}.{key}" if where else key)


class SlotCollector:
    """Collects slots for one body; see module docstring."""

    def __init__(self) -> None:
        self.slots: list[Slot] = []
        self._commits: list[Callable[[], None]] = []
        self._renames: list[tuple[dict[str, object], str, str]] = []

    def add(self, slot: Slot) -> None:
        """Register a slot."""
        self.slots.append(slot)

    def joined(self, where: str, parts: Sequence[tuple[str, Callable[[str], None], str]]) -> None:
        """Register text parts (text, setter, path) of one message as one slot, named ``where``
        (see :class:`Slot`); a single part is an ordinary slot under its own path."""
        if len(parts) == 1:
            text, assign, path = parts[0]
            self.add(Slot(text, path, assign))
            return
        text = PART_SEPARATOR.join(part for part, _, _ in parts)
        setters = tuple(assign for _, assign, _ in parts)
        lengths = tuple(len(part) for part, _, _ in parts)
        self.add(Slot(text, where, setters[0], part_setters=setters, part_lengths=lengths))

    def rename_key(self, owner: dict[str, object], key: str, path: str) -> None:
        """Register an object key as a slot; a new text renames the key on :meth:`commit`."""

        def rename(new: str) -> None:
            if new != key:
                self._renames.append((owner, key, new))

        self.add(Slot(key, path + "#key", rename))

    def on_commit(self, write: Callable[[], None]) -> None:
        """Run ``write`` on :meth:`commit`, after keys are renamed (re-serialised JSON)."""
        self._commits.append(write)

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


def parse_json_text(value: str, where: str) -> object | None:
    """The JSON document (object or array) held in a string, or ``None`` when it holds none.

    Numbers JSON cannot represent once parsed make it "not JSON"; a document nested past
    :data:`MAX_JSON_STRING_DEPTH` is refused.
    """
    try:
        document = json.loads(value, parse_float=_finite_float)
    except RecursionError as exc:
        raise UnscrubbableRequestError(_too_deep(where)) from exc
    except ValueError:
        return None
    if not isinstance(document, dict | list):
        return None
    if json_depth(document, MAX_JSON_STRING_DEPTH) > MAX_JSON_STRING_DEPTH:
        raise UnscrubbableRequestError(_too_deep(where))
    return document


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
