"""Request shapes of Ollama's native API (``/api/chat``, ``/api/generate``).

Checks the fields sladd relies on (Ollama's ``api/types.go`` and ``docs/api.md`` are the
reference) and refuses, with the JSON path, a body that is not the documented shape. Ollama's
OpenAI-compatible ``/v1`` endpoints use :mod:`proxy.providers.shapes_openai`.
"""

from __future__ import annotations

from proxy.providers.shape_check import (
    JsonObject,
    at,
    fail,
    list_of_objects,
    one_of,
    optional_bool,
    optional_object,
    optional_string,
    optional_strings,
    require_object,
    require_string,
)

ROLES = frozenset({"system", "user", "assistant", "tool"})
MESSAGE_STRINGS = ("content", "thinking", "tool_name")
"""Optional string fields of a chat message (an assistant message with tool calls may have no
``content``)."""
GENERATE_STRINGS = ("prompt", "system", "suffix", "template")
"""Optional string fields of a generate request."""


def check_chat(body: JsonObject) -> None:
    """``POST /api/chat``: ``messages`` may be empty or absent (that only loads the model)."""
    require_string(body, "model")
    optional_bool(body, "stream")
    for where, message in list_of_objects(body, "messages"):
        _check_message(message, where)
    for where, tool in list_of_objects(body, "tools"):
        require_string(tool, "type", where)


def check_generate(body: JsonObject) -> None:
    """``POST /api/generate``: ``context`` is the token array of an earlier answer."""
    require_string(body, "model")
    optional_bool(body, "stream")
    for key in GENERATE_STRINGS:
        optional_string(body, key)
    optional_strings(body, "images", single=False)
    context = body.get("context")
    if context is not None and not (
        isinstance(context, list)
        and all(isinstance(token, int) and not isinstance(token, bool) for token in context)
    ):
        fail("context", "a list of integers")


def _check_message(message: JsonObject, where: str) -> None:
    one_of(message.get("role"), ROLES, at(where, "role"))
    for key in MESSAGE_STRINGS:
        optional_string(message, key, where)
    optional_strings(message, "images", where, single=False)
    for call_where, call in list_of_objects(message, "tool_calls", where):
        function = require_object(call, "function", call_where)
        require_string(function, "name", at(call_where, "function"))
        optional_object(function, "arguments", at(call_where, "function"))
