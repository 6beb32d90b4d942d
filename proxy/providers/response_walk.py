"""Restore tokens in a whole JSON response, wherever a string can carry one.

Tokens cannot occur naturally, so every text-bearing string is restored — message text,
tool-call arguments (JSON-escaped), object keys, echoed instructions, error messages — but
never ids, names and tags (:data:`NEVER_RESTORED`), nor anything inside signed or
encrypted model reasoning (Anthropic ``thinking`` / ``redacted_thinking`` blocks, OpenAI
``reasoning`` items), which must come back byte for byte or the next turn is rejected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from proxy.scrub.restore import Restorer

UNTOUCHABLE_TYPES = frozenset({"thinking", "redacted_thinking", "reasoning"})
JSON_STRING_KEYS = frozenset({"arguments", "partial_json"})
NEVER_RESTORED = frozenset(
    {"id", "call_id", "tool_call_id", "tool_use_id", "item_id", "response_id", "name", "model",
     "role", "type", "object", "signature", "encrypted_content", "system_fingerprint"}
)  # fmt: skip
"""Ids, names and tags: restored text belongs in text-bearing fields only, so a token smuggled
into an id or a name never comes back as a value."""


async def restore_json(value: object, restorer: Restorer) -> object:
    """``value`` with tokens restored in place (containers are modified and returned)."""
    if isinstance(value, str):
        return await restorer.restore(value)
    if isinstance(value, list):
        for index, item in enumerate(value):
            value[index] = await restore_json(item, restorer)
    elif isinstance(value, dict) and value.get("type") not in UNTOUCHABLE_TYPES:
        restored: dict[str, object] = {}
        for key, item in value.items():
            if key in NEVER_RESTORED and isinstance(item, str):
                restored[key] = item
            elif key in JSON_STRING_KEYS and isinstance(item, str):
                restored[key] = await restorer.restore(item, json_escape=True)
            else:
                restored[await restorer.restore(key)] = await restore_json(item, restorer)
        value.clear()
        value.update(restored)
    return value
