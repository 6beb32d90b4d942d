"""Request shape of the Anthropic Messages API (``/v1/messages`` and ``count_tokens``).

Checks the fields sladd relies on (the ``anthropic`` SDK's ``types/`` are the reference) and
refuses, with the JSON path, a body that is not the documented shape. Unknown block types pass
(other code scans them as generic text); only wrong JSON kinds and missing required fields of
known blocks are refused. Signed blocks (``thinking``, ``redacted_thinking``) are checked too:
they pass untouched, so a non-string there would leave unscanned.
"""

from __future__ import annotations

from proxy.providers.shape_check import (
    JsonObject,
    Located,
    at,
    check_typed,
    list_of_objects,
    one_of,
    optional_bool,
    optional_object,
    optional_string,
    optional_strings,
    require_object,
    require_string,
    string_or_parts,
    typed_list,
)

ROLES = frozenset({"user", "assistant", "system"})
"""``system`` is a message role in current SDKs (``SystemMessageParam``) beside the top-level
``system`` field."""

BLOCK_STRINGS: dict[str, tuple[str, ...]] = {
    "text": ("text",),
    "thinking": ("thinking", "signature"),
    "redacted_thinking": ("data",),
    "tool_use": ("id", "name"),
    "server_tool_use": ("id", "name"),
    "tool_result": ("tool_use_id",),
    "search_result": ("title", "source"),
}
"""Required string fields of content blocks, by block type."""

BLOCK_OBJECTS: dict[str, tuple[str, ...]] = {
    "tool_use": ("input",),
    "server_tool_use": ("input",),
}
"""Required object fields of content blocks, by block type."""

BLOCKS_WITH_CONTENT = frozenset({"tool_result", "mid_conv_system"})
"""Blocks whose optional ``content`` is a string or a list of blocks."""

SOURCE_STRINGS: dict[str, tuple[str, ...]] = {
    "base64": ("data",),
    "text": ("data",),
    "url": ("url",),
    "file": ("file_id",),
}
"""Required string fields of image and document sources, by source type."""


def check_messages(body: JsonObject) -> None:
    """``POST /v1/messages`` and ``/v1/messages/count_tokens``."""
    require_string(body, "model")
    for where, message in list_of_objects(body, "messages", required=True):
        one_of(message.get("role"), ROLES, at(where, "role"))
        check_blocks(string_or_parts(message, "content", where, noun="block"))
    check_blocks(string_or_parts(body, "system", nullable=True, noun="block"))
    _check_tools(body)
    optional_strings(body, "stop_sequences", single=False)
    metadata = optional_object(body, "metadata")
    if metadata is not None:
        optional_string(metadata, "user_id", "metadata")
    optional_bool(body, "stream")


def check_blocks(located: Located) -> None:
    """Content blocks, and the blocks nested in tool results, search results and documents."""
    for where, kind, block in check_typed(located, BLOCK_STRINGS):
        for key in BLOCK_OBJECTS.get(kind, ()):
            require_object(block, key, where)
        if kind in BLOCKS_WITH_CONTENT:
            check_blocks(string_or_parts(block, "content", where, nullable=True, noun="block"))
        elif kind == "search_result":
            check_blocks(typed_list(block, "content", where, noun="text block"))
        if kind in {"image", "document"}:
            _check_source(block, where)


def _check_source(block: JsonObject, where: str) -> None:
    """An image or document ``source``; a ``content`` source holds blocks of its own."""
    source_where = at(where, "source")
    source = require_object(block, "source", where)
    require_string(source, "type", source_where)
    for _, kind, checked in check_typed([(source_where, source)], SOURCE_STRINGS):
        if kind == "content":
            check_blocks(string_or_parts(checked, "content", source_where, noun="block"))


def _check_tools(body: JsonObject) -> None:
    """Each tool a typed server tool, or a custom tool (``type`` omitted or ``"custom"``)
    with a ``name`` and an ``input_schema``."""
    for where, tool in list_of_objects(body, "tools"):
        if optional_string(tool, "type", where) in {None, "custom"}:
            require_string(tool, "name", where)
            require_object(tool, "input_schema", where)
