"""Request shapes of the OpenAI APIs (also Azure OpenAI and Ollama's ``/v1`` endpoints).

Checks the fields sladd relies on and refuses, with the JSON path, a body that is not the
documented shape (the ``openai`` SDK's ``types/`` are the reference). ``model`` is optional
throughout: Azure names the deployment in the URL. Unknown part and item types pass (other
code scans them as generic text); only wrong JSON kinds and missing required fields are refused.
"""

from __future__ import annotations

from proxy.providers.shape_check import (
    JsonObject,
    at,
    check_typed,
    fail,
    is_object,
    list_of_objects,
    objects_in,
    one_of,
    optional_bool,
    optional_object,
    optional_string,
    optional_strings,
    require_object,
    require_string,
    require_strings,
    string_or_parts,
)

CHAT_ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
RESPONSES_ROLES = frozenset({"user", "assistant", "system", "developer"})
END_USER_FIELDS = ("user", "safety_identifier", "prompt_cache_key")

PART_STRINGS: dict[str, tuple[str, ...]] = {
    "text": ("text",),
    "input_text": ("text",),
    "output_text": ("text",),
    "refusal": ("refusal",),
}
"""Required string fields of the content parts that carry text, by part type."""

ITEM_STRINGS: dict[str, tuple[str, ...]] = {
    "function_call": ("name", "arguments"),
    "custom_tool_call": ("name", "input"),
    "mcp_call": ("name", "arguments"),
    "mcp_approval_request": ("name", "arguments"),
    "item_reference": ("id",),
}
"""Required string fields of Responses input items, by item type."""

ITEMS_WITH_OUTPUT = frozenset({"function_call_output", "custom_tool_call_output"})
"""Responses items whose ``output`` is a string or a list of content parts."""

ASSISTANT_WITHOUT_CONTENT = ("tool_calls", "function_call", "refusal", "audio")
"""An assistant message with one of these may have ``content: null`` or none."""

_PROMPT_FORMS = "a string, a list of strings, a token array, or a list of token arrays"
_INPUT_FORMS = "a string or a list of input items"


def check_chat(body: JsonObject) -> None:
    """``POST .../chat/completions``."""
    optional_string(body, "model")
    _check_common(body)
    optional_strings(body, "stop", single=True)
    for where, message in list_of_objects(body, "messages", required=True, non_empty=True):
        _check_chat_message(message, where)
    prediction = optional_object(body, "prediction")
    if prediction is not None:
        check_typed(string_or_parts(prediction, "content", "prediction"), PART_STRINGS)


def check_responses(body: JsonObject) -> None:
    """``POST .../responses``: ``input`` may be absent (``previous_response_id``, ``prompt``)."""
    optional_string(body, "model")
    _check_common(body)
    optional_string(body, "instructions")
    value = body.get("input")
    if isinstance(value, list):
        for where, item in objects_in(value, "input"):
            _check_item(item, where)
    elif value is not None and not isinstance(value, str):
        fail("input", _INPUT_FORMS)
    _check_prompt(body)


def check_embeddings(body: JsonObject) -> None:
    """``POST .../embeddings``: token arrays pass here; other code refuses them."""
    optional_string(body, "model")
    optional_string(body, "user")
    _check_prompt_forms(body, "input", nullable=False)


def check_completions(body: JsonObject) -> None:
    """``POST .../completions`` (legacy): ``prompt`` is required but may be ``null``."""
    optional_string(body, "model")
    for key in ("suffix", "user"):
        optional_string(body, key)
    optional_bool(body, "stream")
    optional_strings(body, "stop", single=True)
    _check_prompt_forms(body, "prompt", nullable=True)


def _check_common(body: JsonObject) -> None:
    """Fields chat and Responses share: end-user ids, metadata, stream, tools."""
    for key in END_USER_FIELDS:
        optional_string(body, key)
    optional_object(body, "metadata")
    optional_bool(body, "stream")
    for where, tool in list_of_objects(body, "tools"):
        require_string(tool, "type", where)


def _check_chat_message(message: JsonObject, where: str) -> None:
    role = one_of(message.get("role"), CHAT_ROLES, at(where, "role"))
    nullable = role == "function" or (
        role == "assistant"
        and any(message.get(key) is not None for key in ASSISTANT_WITHOUT_CONTENT)
    )
    check_typed(string_or_parts(message, "content", where, nullable=nullable), PART_STRINGS)
    optional_string(message, "refusal", where)
    for call_where, call in list_of_objects(message, "tool_calls", where):
        _check_tool_call(call, call_where)
    legacy_call = optional_object(message, "function_call", where)
    if legacy_call is not None:
        require_strings(legacy_call, ("name", "arguments"), at(where, "function_call"))


def _check_tool_call(call: JsonObject, where: str) -> None:
    """A function call (``function.name`` / ``.arguments``) or a custom one (``custom``)."""
    kind = optional_string(call, "type", where)
    if kind == "custom":
        custom = require_object(call, "custom", where)
        require_strings(custom, ("name", "input"), at(where, "custom"))
    elif kind in {None, "function"}:
        function = require_object(call, "function", where)
        require_strings(function, ("name", "arguments"), at(where, "function"))


def _check_item(item: JsonObject, where: str) -> None:
    """One Responses input item: a message (``type`` may be omitted), a reference or a typed
    item whose text-bearing fields sladd reads."""
    kind = optional_string(item, "type", where)
    if kind == "message" or (kind is None and "role" in item):
        one_of(item.get("role"), RESPONSES_ROLES, at(where, "role"))
        check_typed(string_or_parts(item, "content", where), PART_STRINGS)
    elif kind is None:
        if "id" not in item:
            fail(where, "an input item (a 'type', or a message with a 'role')")
        require_string(item, "id", where)
    elif kind in ITEMS_WITH_OUTPUT:
        check_typed(string_or_parts(item, "output", where), PART_STRINGS)
    else:
        require_strings(item, ITEM_STRINGS.get(kind, ()), where)
        if kind == "mcp_call":
            optional_string(item, "output", where)


def _check_prompt(body: JsonObject) -> None:
    """``prompt``: a stored prompt's ``id`` and ``variables`` (strings or input parts).

    Variables are named by position (``prompt.variables{0}``): their names are the client's.
    """
    prompt = optional_object(body, "prompt")
    if prompt is None:
        return
    require_string(prompt, "id", "prompt")
    variables = optional_object(prompt, "variables", "prompt") or {}
    for position, value in enumerate(variables.values()):
        where = f"prompt.variables{{{position}}}"
        if isinstance(value, str):
            continue
        if not is_object(value) or not isinstance(value.get("type"), str):
            fail(where, "a string or an input part (an object with a string 'type')")
        check_typed([(where, value)], PART_STRINGS)


def _check_prompt_forms(body: JsonObject, key: str, *, nullable: bool) -> None:
    """``input`` / ``prompt``: a string, strings, a token array or token arrays (required)."""
    if key not in body:
        fail(key, _PROMPT_FORMS)
    value = body[key]
    if value is None and nullable:
        return
    if not _is_text_or_tokens(value):
        fail(key, _PROMPT_FORMS + (", or null" if nullable else ""))


def _is_text_or_tokens(value: object) -> bool:
    if isinstance(value, str):
        return True
    if not isinstance(value, list):
        return False
    return (
        all(isinstance(item, str) for item in value)
        or _is_token_array(value)
        or all(_is_token_array(item) for item in value)
    )


def _is_token_array(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(token, int) and not isinstance(token, bool) for token in value
    )
