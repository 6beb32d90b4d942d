"""Request shape of the Gemini API (``generateContent``, ``streamGenerateContent``,
``countTokens``).

Checks the fields sladd relies on (the ``google-genai`` SDK's ``types`` and the REST reference
are the reference) and refuses, with the JSON path, a body that is not the documented shape.
Gemini tells its parts apart by their keys, not by a ``type`` tag, so a part or a top-level
field sladd does not know cannot be read for what it is: it is refused
(:class:`~proxy.providers.errors.UnscrubbableRequestError`, naming its position only, since
the unknown key may itself be an identifier) rather than guessed at.
"""

from __future__ import annotations

from proxy.providers.errors import UnscrubbableRequestError
from proxy.providers.shape_check import (
    JsonObject,
    at,
    list_of_objects,
    one_of,
    optional_object,
    optional_string,
    require_object,
    require_string,
)

ROLES = frozenset({"user", "model", "function", "system"})
"""``user`` and ``model`` turns; older clients send function responses as ``function`` and
some a ``system`` role on ``systemInstruction``."""

REQUEST_FIELDS = frozenset(
    {"model", "contents", "systemInstruction", "tools", "toolConfig", "safetySettings",
     "generationConfig", "cachedContent", "labels", "serviceTier", "store",
     "continuationToken"}
)  # fmt: skip
"""Top-level fields of a ``GenerateContentRequest``."""
COUNT_FIELDS = frozenset({"model", "contents", "generateContentRequest"})
"""Top-level fields of a ``countTokens`` request (its contents, or a whole generate request)."""

PART_DATA = frozenset(
    {"text", "inlineData", "fileData", "functionCall", "functionResponse", "executableCode",
     "codeExecutionResult", "toolCall", "toolResponse", "audioTranscription"}
)  # fmt: skip
"""The keys that say what a part is; a part holds one of them."""
PART_METADATA = frozenset(
    {"thought", "thoughtSignature", "videoMetadata", "partMetadata", "mediaResolution",
     "mediaProcessing", "documentMetadata", "speechMetadata"}
)  # fmt: skip
"""Keys a part may carry beside its data."""


def _refuse_unknown(body: JsonObject, known: frozenset[str], where: str, what: str) -> None:
    for position, key in enumerate(body, start=1):
        if key not in known:
            place = f"{where}: " if where else ""
            raise UnscrubbableRequestError(
                f"{place}{what} {position} is not a Gemini field sladd knows, so sladd cannot "
                "tell whether it holds text; remove it"
            )


def check_generate(body: JsonObject, where: str = "") -> None:
    """``POST .../models/{model}:generateContent`` and ``:streamGenerateContent``."""
    _refuse_unknown(body, REQUEST_FIELDS, where, "top-level field")
    optional_string(body, "model", where)
    optional_string(body, "cachedContent", where)
    for content_where, content in list_of_objects(body, "contents", where):
        check_content(content, content_where)
    system = optional_object(body, "systemInstruction", where)
    if system is not None:
        check_content(system, at(where, "systemInstruction"))
    list_of_objects(body, "tools", where)
    list_of_objects(body, "safetySettings", where)
    optional_object(body, "toolConfig", where)
    optional_object(body, "generationConfig", where)


def check_count(body: JsonObject) -> None:
    """``POST .../models/{model}:countTokens``: ``contents``, or a ``generateContentRequest``."""
    _refuse_unknown(body, COUNT_FIELDS, "", "top-level field")
    optional_string(body, "model")
    for content_where, content in list_of_objects(body, "contents"):
        check_content(content, content_where)
    request = optional_object(body, "generateContentRequest")
    if request is not None:
        check_generate(request, "generateContentRequest")


def check_content(content: JsonObject, where: str) -> None:
    """One ``Content``: an optional role and a list of parts."""
    if content.get("role") is not None:
        one_of(content.get("role"), ROLES, at(where, "role"))
    for part_where, part in list_of_objects(content, "parts", where, required=True):
        check_part(part, part_where)


def check_part(part: JsonObject, where: str) -> None:
    """One part: exactly one data key sladd knows, and only known metadata beside it."""
    _refuse_unknown(part, PART_DATA | PART_METADATA, where, "part field")
    kinds = [key for key in part if key in PART_DATA and part[key] is not None]
    if len(kinds) > 1:
        raise UnscrubbableRequestError(f"{where}: a part holds one kind of data, this one more")
    kind = kinds[0] if kinds else None
    if kind == "text":
        require_string(part, "text", where)
    elif kind == "inlineData":
        blob = require_object(part, "inlineData", where)
        require_string(blob, "data", at(where, "inlineData"))
        optional_string(blob, "mimeType", at(where, "inlineData"))
    elif kind == "fileData":
        require_string(require_object(part, "fileData", where), "fileUri", at(where, "fileData"))
    elif kind == "functionCall":
        call = require_object(part, "functionCall", where)
        require_string(call, "name", at(where, "functionCall"))
        optional_object(call, "args", at(where, "functionCall"))
    elif kind == "functionResponse":
        response = require_object(part, "functionResponse", where)
        require_string(response, "name", at(where, "functionResponse"))
        optional_object(response, "response", at(where, "functionResponse"))
    elif kind is not None:
        require_object(part, kind, where)
    optional_string(part, "thoughtSignature", where)
