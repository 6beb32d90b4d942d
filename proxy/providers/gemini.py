"""Gemini API: ``models/{model}:generateContent``, ``:streamGenerateContent``, ``:countTokens``.

Request: every string, number and identifier-like key is scanned (deny by default, under
:data:`RULES`): ``contents[].parts[].text`` and ``systemInstruction`` (the text parts of one
turn as one text), function-call ``args`` and function-response ``response`` values, tool
schemas. Base64 ``inlineData.data`` and ``thoughtSignature`` pass unread. A top-level field or
part kind sladd does not know is refused (:mod:`proxy.providers.shapes_gemini`).

Streams: ``:streamGenerateContent?alt=sse`` streams by its path; each SSE ``data:`` event is a
whole ``GenerateContentResponse``. The text parts of each candidate go through one restorer
per (candidate, thought or answer); held-back text is released into the chunk carrying that
candidate's ``finishReason`` (or before a function-call part), or as one extra chunk when the
stream ends without one. Function calls arrive whole and are restored whole.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING

from proxy.providers.base import Framing, StreamEvent
from proxy.providers.error_shapes import ErrorShape
from proxy.providers.response_walk import restore_json
from proxy.providers.shapes_gemini import check_count, check_generate
from proxy.providers.slots import SlotCollector, as_dict, as_list
from proxy.providers.streams import StreamSet
from proxy.providers.walk import COMMON_FIXED, COMMON_KNOWN, FieldRules, collect
from proxy.support.errors import SladdError

if TYPE_CHECKING:
    from proxy.scrub.restore import Restorer

STREAM_METHOD = ":streamGenerateContent"
RULES = FieldRules(
    fixed=COMMON_FIXED
    | {"mimeType", "fileUri", "cachedContent", "category", "threshold", "method", "mode",
       "allowedFunctionNames", "responseMimeType", "responseModalities", "language", "outcome",
       "behavior", "serviceTier", "mediaResolution", "thinkingLevel", "voiceName",
       "languageCode"},
    opaque=frozenset({"data", "thoughtSignature"}),
    json=frozenset(),
    data=frozenset(
        {"args", "response", "parameters", "parametersJsonSchema", "responseSchema",
         "responseJsonSchema", "labels"}
    ),
    joined=frozenset({"parts"}),
    untyped_text_parts=True,
    known_keys=COMMON_KNOWN
    | {
        "contents", "parts", "systemInstruction", "inlineData", "fileData", "functionCall",
        "functionResponse", "executableCode", "codeExecutionResult", "code", "output",
        "thought", "thoughtSignature", "videoMetadata", "toolConfig", "functionCallingConfig",
        "functionDeclarations", "safetySettings", "generationConfig", "stopSequences",
        "candidateCount", "maxOutputTokens", "topP", "topK", "presencePenalty",
        "frequencyPenalty", "responseLogprobs", "thinkingConfig", "thinkingBudget",
        "includeThoughts", "thinkingLevel", "googleSearch", "codeExecution", "urlContext",
        "generateContentRequest",
    },
)  # fmt: skip
"""Gemini: model, roles, function names and ids, MIME types, file URIs, safety categories,
voices and other enums are fixed (scanned, never rewritten); base64 media and thought
signatures are opaque; function-call ``args``, function-response ``response``, tool and
response schemas and labels are the client's data; the text parts of one turn are scanned as
one text."""

_STATUS = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ABORTED",
    422: "FAILED_PRECONDITION",
    429: "RESOURCE_EXHAUSTED",
    499: "CANCELLED",
    500: "INTERNAL",
    501: "UNIMPLEMENTED",
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}
"""HTTP status -> Google's canonical error code name."""


def _error_body(error: SladdError) -> dict[str, object]:
    status = _STATUS.get(error.status, "INTERNAL" if error.status >= 500 else "INVALID_ARGUMENT")
    info = {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": error.type}
    details = [info | {"domain": "sladd"}]
    body = {"code": error.status, "message": error.message, "status": status, "details": details}
    return {"error": body}


ERRORS = ErrorShape("gemini", _error_body)
"""Google's ``{"error": {"code", "message", "status", "details"}}``, with sladd's type as the
``reason`` of an ``ErrorInfo`` detail; in a stream, one ``data:`` event of that object (the
SDK raises it as an ``APIError``)."""


class GeminiGenerate:
    """``POST .../models/{model}:generateContent`` and ``:streamGenerateContent``."""

    name = "gemini_generate"
    framing: Framing = "sse"

    def request_slots(self, body: dict[str, object]) -> SlotCollector:
        """Checks the shape, then every string under :data:`RULES`."""
        check_generate(body)
        return collect(body, RULES)

    def is_streaming(self, body: dict[str, object], tail: str) -> bool:
        """By the path: ``:streamGenerateContent`` (the body has no ``stream`` field)."""
        return tail.endswith(STREAM_METHOD)

    def stream_rewriter(self, restorer: Restorer) -> GeminiStreamRewriter:
        """See :class:`GeminiStreamRewriter`."""
        return GeminiStreamRewriter(restorer)


class GeminiCountTokens:
    """``POST .../models/{model}:countTokens`` (a whole JSON answer)."""

    name = "gemini_count_tokens"
    framing: Framing = "sse"

    def request_slots(self, body: dict[str, object]) -> SlotCollector:
        """Checks the shape, then every string under :data:`RULES`."""
        check_count(body)
        return collect(body, RULES)

    def is_streaming(self, body: dict[str, object], tail: str) -> bool:
        """Never."""
        return False

    def stream_rewriter(self, restorer: Restorer) -> GeminiStreamRewriter:
        """Unused (never streams); the generate rewriter."""
        return GeminiStreamRewriter(restorer)


class GeminiStreamRewriter:
    """Restores ``GenerateContentResponse`` chunks; see module docstring."""

    def __init__(self, restorer: Restorer) -> None:
        self._streams = StreamSet(restorer)

    async def event(self, event: StreamEvent) -> list[StreamEvent]:
        """One chunk in, one chunk out."""
        chunk = as_dict(event.data)
        if chunk is None:
            return [event]
        for key, value in list(chunk.items()):
            if key != "candidates":
                chunk[key] = await restore_json(value, self._streams.restorer)
        for position, candidate in enumerate(as_list(chunk.get("candidates"))):
            candidate_dict = as_dict(candidate)
            if candidate_dict is not None:
                await self._candidate(candidate_dict, position)
        return [event]

    async def end(self) -> list[StreamEvent]:
        """Release text held for candidates that never sent a ``finishReason``."""
        released = await self._streams.flush()
        if not released:
            return []
        candidates: dict[object, list[dict[str, object]]] = {}
        for (index, thought), text in _pairs(released):
            candidates.setdefault(index, []).append(_text_part(text, thought))
        chunk = {
            "candidates": [
                {"content": {"parts": parts, "role": "model"}, "index": index}
                for index, parts in candidates.items()
            ]
        }
        return [StreamEvent(chunk)]

    async def _candidate(self, candidate: dict[str, object], position: int) -> None:
        index = candidate.get("index", position)
        for key, value in list(candidate.items()):
            if key != "content":
                candidate[key] = await restore_json(value, self._streams.restorer)
        content = as_dict(candidate.get("content"))
        parts = as_list(content.get("parts")) if content is not None else []
        out: list[object] = []
        for part in parts:
            part_dict = as_dict(part)
            text = part_dict.get("text") if part_dict is not None else None
            if part_dict is not None and isinstance(text, str):
                thought = part_dict.get("thought") is True
                out.extend(await self._release(index, only=not thought))
                part_dict["text"] = await self._streams.feed((index, thought), text)
                out.append(part_dict)
            else:
                out.extend(await self._release(index))
                out.append(await restore_json(part, self._streams.restorer))
        if candidate.get("finishReason") is not None:
            out.extend(await self._release(index))
        if content is not None:
            content["parts"] = out
        elif out:
            candidate["content"] = {"parts": out, "role": "model"}

    async def _release(self, index: object, only: bool | None = None) -> list[dict[str, object]]:
        """Held-back text of candidate ``index`` as text parts: its thought text
        (``only=True``), its answer text (``False``) or both (``None``)."""
        released = await self._streams.flush(
            lambda key: isinstance(key, tuple) and key[0] == index and only in (None, key[1])
        )
        return [_text_part(text, held) for (_, held), text in _pairs(released)]


def _pairs(released: Mapping[Hashable, str]) -> list[tuple[tuple[object, bool], str]]:
    pairs: list[tuple[tuple[object, bool], str]] = []
    for key, text in released.items():
        assert isinstance(key, tuple)
        index, thought = key
        pairs.append(((index, bool(thought)), text))
    return pairs


def _text_part(text: str, thought: bool) -> dict[str, object]:
    return {"text": text, "thought": True} if thought else {"text": text}
