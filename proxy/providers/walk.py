"""Deny by default: every string of a request body is scanned, wherever it is.

The walk visits every leaf of the body — known fields and unknown ones, unknown item types,
nested objects, numbers (as their decimal text) and object keys that could hold an
identifier — and registers it as a slot for the scrubber. A provider declares only the
exceptions, in one :class:`FieldRules` record:

* ``fixed`` keys hold values the API needs verbatim (model ids, roles, ``type`` tags, ids,
  function names). They are scanned but never rewritten: a finding refuses the request.
* ``opaque`` keys hold signed, encrypted or base64 data (thinking ``signature``,
  ``encrypted_content``, base64 media and data URLs). Such a value is left unscanned only if
  it *is* a long base64 blob (:func:`is_opaque_blob`); anything else under the key is text.
* ``json`` keys hold a JSON document inside a string (tool-call ``arguments``); its leaves are
  scanned and the string is re-serialised.
* ``data`` keys hold the client's own data (tool inputs, metadata, schemas' examples): below
  them every string is text, even under keys named ``name`` or ``id``, and object keys are
  named by position (``metadata{0}``) so a key that is itself an identifier never reaches an
  error message or the audit log. Keys outside ``known_keys`` are named by position too.
* ``joined`` keys hold a list of content parts; the ``text`` of the text parts (types in
  ``text_parts``, or parts with no ``type`` at all when ``untyped_text_parts``: APIs that tell
  their parts apart by their keys) is scanned as one text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from proxy.providers.slots import (
    Container,
    Slot,
    SlotCollector,
    child_path,
    parse_json_text,
    setter,
)

MIN_SCANNED_NUMBER = 1000
"""Numbers from four digits up are scanned as their decimal text (postcodes, phone, national
and account numbers); smaller ones cannot identify anyone."""
MIN_OPAQUE_LENGTH = 256
_BASE64 = re.compile(r"[A-Za-z0-9+/_-]+={0,2}")
_DATA_URL = re.compile(r"data:[\w.+-]+/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,", re.ASCII)
_KEY_WORTH_SCANNING = re.compile(r"[\d\s@]")

COMMON_FIXED = frozenset({"model", "role", "type", "id", "name", "call_id", "object"})
COMMON_KNOWN = frozenset(
    {
        "messages", "content", "text", "input", "output", "instructions", "system", "tools",
        "tool_choice", "function", "functions", "parameters", "arguments", "tool_calls",
        "metadata", "user", "stream", "stream_options", "temperature", "top_p", "max_tokens",
        "max_completion_tokens", "max_output_tokens", "stop", "stop_sequences", "n", "seed",
        "response_format", "json_schema", "schema", "description", "properties", "items",
        "required", "image_url", "url", "detail", "input_audio", "data", "format", "file",
        "file_data", "file_id", "filename", "refusal", "prediction", "audio", "modalities",
        "reasoning", "reasoning_effort", "summary", "encrypted_content", "signature",
        "thinking", "source", "media_type", "cache_control", "citations", "title", "context",
        "tool_use_id", "tool_call_id", "is_error", "previous_response_id", "prompt",
        "variables", "include", "store", "truncation", "parallel_tool_calls", "service_tier",
        "logprobs", "top_logprobs", "logit_bias", "presence_penalty", "frequency_penalty",
        "web_search_options", "user_location", "approximate", "city", "country", "region",
        "timezone", "options", "images", "keep_alive", "suffix", "template", "raw",
        "safety_identifier", "prompt_cache_key", "status", "strict", "enum", "default",
        "examples", "const", "input_schema", "encoding_format", "dimensions", "echo",
        "best_of", "top_k", "text_format", "verbosity", "background", "conversation",
        "think", "tool_name", "annotations", "error", "cited_text", "document_title",
        "document_index", "start_char_index", "end_char_index", "search_result_index",
        "server_label", "version", "user_id", "max_tokens_to_sample", "stop_reason",
    }
)  # fmt: skip
"""Documented field names, named in paths; any other key is named by its position."""


@dataclass(frozen=True, slots=True)
class FieldRules:
    """A provider's exceptions to "scan and rewrite every string"; see module docstring."""

    fixed: frozenset[str] = COMMON_FIXED
    opaque: frozenset[str] = frozenset()
    json: frozenset[str] = frozenset({"arguments"})
    data: frozenset[str] = frozenset()
    joined: frozenset[str] = frozenset()
    text_parts: frozenset[str] = frozenset()
    untyped_text_parts: bool = False
    """Parts without a ``type`` tag that hold a ``text`` string are text parts too."""
    signed_types: frozenset[str] = frozenset()
    """Objects whose ``type`` says the provider signed or encrypted them (thinking, reasoning):
    their strings are scanned but never rewritten, and tokens in them are sladd's own."""
    known_keys: frozenset[str] = COMMON_KNOWN


def is_opaque_blob(value: str) -> bool:
    """A long base64 blob or base64 data URL: signed, encrypted or media bytes, not prose.

    Short values are scanned like text: a long run of base64 alphabet with no spaces cannot
    carry a readable sentence, a short one can carry a bare number.
    """
    match = _DATA_URL.match(value)
    payload = value[match.end() :] if match else value
    return len(payload) >= MIN_OPAQUE_LENGTH and _BASE64.fullmatch(payload) is not None


Mode = Literal["struct", "data", "signed"]
"""How a subtree is read: by its keys (``struct``), as the client's data (``data``: every
string is text), or as provider-signed content (``signed``: scanned, never rewritten)."""


def collect(body: dict[str, object], rules: FieldRules) -> SlotCollector:
    """Every slot of ``body`` under ``rules``."""
    walker = _Walker(rules)
    walker.walk_object(body, "", "struct")
    return walker.slots


class _Walker:
    def __init__(self, rules: FieldRules) -> None:
        self.rules = rules
        self.slots = SlotCollector()
        self.known = (
            rules.known_keys | rules.fixed | rules.opaque | rules.json | rules.data | rules.joined
        )

    def walk_object(
        self, owner: dict[str, object], where: str, mode: Mode, skip: str | None = None
    ) -> None:
        if mode == "struct" and _tag(owner) in self.rules.signed_types:
            mode = "signed"
        for position, key in enumerate(list(owner)):
            if key == skip:
                continue
            named = mode != "data" and key in self.known
            path = child_path(where, key) if named else f"{where}{{{position}}}"
            if _KEY_WORTH_SCANNING.search(key):
                self.slots.rename_key(owner, key, path)
            inner: Mode = "data" if mode == "struct" and key in self.rules.data else mode
            self.value(owner, key, path, key, inner)

    def value(self, box: Container, at: str | int, path: str, key: str, mode: Mode) -> None:
        """The value ``box[at]``, found under object key ``key`` (lists inherit their key)."""
        value = _get(box, at)
        if isinstance(value, str):
            self.string((box, at), value, path, key, mode)
        elif isinstance(value, bool) or value is None:
            return
        elif isinstance(value, int | float):
            self.number(box, at, path, value, fixed=mode == "signed")
        elif isinstance(value, dict):
            self.walk_object(value, path, mode)
        elif isinstance(value, list):
            if mode == "struct" and key in self.rules.joined:
                self.parts(value, path)
                return
            for index in range(len(value)):
                self.value(value, index, f"{path}[{index}]", key, mode)

    def string(
        self, place: tuple[Container, str | int], text: str, path: str, key: str, mode: Mode
    ) -> None:
        box, at = place
        rules = self.rules
        if not text or (mode != "data" and key in rules.opaque and is_opaque_blob(text)):
            return
        if mode == "signed":
            self.slots.add(Slot(text, path, setter(box, at), kind="signed"))
        elif mode == "struct" and key in rules.fixed:
            self.slots.add(Slot(text, path, setter(box, at), kind="fixed"))
        elif mode == "data" or key not in rules.json or not self.json_text(box, at, text, path):
            self.slots.add(Slot(text, path, setter(box, at)))

    def json_text(self, box: Container, at: str | int, text: str, path: str) -> bool:
        """Walk the JSON inside ``text`` (at ``box[at]``); ``False`` when it holds no JSON."""
        document = parse_json_text(text, path)
        if document is None:
            return False
        holder: list[object] = [document]
        self.value(holder, 0, path + "(json)", "", "data")

        def write() -> None:
            setter(box, at)(json.dumps(holder[0], ensure_ascii=False))

        self.slots.on_commit(write)
        return True

    def number(self, box: Container, at: str | int, path: str, value: float, fixed: bool) -> None:
        if abs(value) < MIN_SCANNED_NUMBER:
            return
        original = decimal_text(value)

        def assign(new: str) -> None:
            if new != original:
                box[at] = new  # type: ignore[index]

        self.slots.add(Slot(original, path, assign, kind="signed" if fixed else "text"))

    def parts(self, items: list[object], where: str) -> None:
        """Content parts: text parts scanned as one text, every other part walked as usual."""
        texts: list[tuple[str, Callable[[str], None], str]] = []
        for index, item in enumerate(items):
            path = f"{where}[{index}]"
            if isinstance(item, dict) and self._is_text_part(item):
                text = item.get("text")
                if isinstance(text, str) and text:
                    texts.append((text, setter(item, "text"), f"{path}.text"))
                    self.walk_object(item, path, "struct", skip="text")
                    continue
            self.value(items, index, path, "", "struct")
        if texts:
            self.slots.joined(where, texts)

    def _is_text_part(self, item: dict[str, object]) -> bool:
        kind = _tag(item)
        if kind is None and "type" not in item:
            return self.rules.untyped_text_parts
        return kind in self.rules.text_parts


def _tag(owner: dict[str, object]) -> str | None:
    """An object's ``type`` when it is a string (any JSON value can arrive there)."""
    kind = owner.get("type")
    return kind if isinstance(kind, str) else None


def _get(box: Container, at: str | int) -> object:
    return box[at]  # type: ignore[index]


def decimal_text(value: float) -> str:
    """A JSON number as a person would write it: integral floats without ``.0``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)
