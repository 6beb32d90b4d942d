"""Shared pieces of the fake wire formats: JSON access, answers, SSE/NDJSON framing, ids."""

from __future__ import annotations

import json
import secrets
import string
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from tests.fakes.script import Plan, Script

JsonObj = dict[str, object]

SSE = "text/event-stream; charset=utf-8"
NDJSON = "application/x-ndjson"
JSON = "application/json"

_ALNUM = string.ascii_letters + string.digits


@dataclass(frozen=True)
class Call:
    """One request as an endpoint sees it: parsed JSON body, URL parameters, the script."""

    body: JsonObj
    script: Script
    match_info: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Answer:
    """What to send: a JSON body or a list of stream frames (each frame written separately)."""

    content_type: str
    frames: list[bytes]
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)


Endpoint = Callable[[Call], Answer]


def json_answer(payload: object, status: int = 200) -> Answer:
    """A non-streamed JSON answer."""
    return Answer(JSON, [dumps(payload)], status)


def dumps(payload: object) -> bytes:
    """Compact JSON as the providers send it (UTF-8, no ASCII escaping)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def sse_data(payload: object) -> bytes:
    """An OpenAI-style data-only SSE event."""
    return b"data: " + dumps(payload) + b"\n\n"


def sse_event(name: str, payload: object) -> bytes:
    """A named SSE event (Anthropic, OpenAI Responses)."""
    return b"event: " + name.encode() + b"\ndata: " + dumps(payload) + b"\n\n"


def ndjson_line(payload: object) -> bytes:
    """One NDJSON line (Ollama)."""
    return dumps(payload) + b"\n"


def cut_with_error(frames: list[bytes], plan: Plan, error: Callable[[int], bytes]) -> list[bytes]:
    """Apply ``plan.stream_error_after``: keep that many frames, then the in-stream error."""
    keep = plan.stream_error_after
    if keep is None:
        return frames
    return [*frames[:keep], error(keep)]


def obj(value: object) -> JsonObj:
    """``value`` if it is a JSON object, else an empty one."""
    if isinstance(value, dict):
        return {str(k): v for k, v in value.items()}
    return {}


def objs(value: object) -> list[JsonObj]:
    """The JSON objects in ``value`` if it is a list, else none."""
    if not isinstance(value, list):
        return []
    return [obj(item) for item in value if isinstance(item, dict)]


def text(value: object, default: str = "") -> str:
    """``value`` if it is a string, else ``default``."""
    return value if isinstance(value, str) else default


def integer(value: object, default: int) -> int:
    """``value`` if it is an int (not bool), else ``default``."""
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def parts_text(content: object, types: tuple[str, ...] = ("text",)) -> str:
    """``content`` if a string, else its parts of ``types``: their ``text`` joined by newlines."""
    if isinstance(content, str):
        return content
    return "\n".join(text(part.get("text")) for part in objs(content) if part.get("type") in types)


def json_object(source: str) -> JsonObj:
    """``source`` parsed if it is a JSON object, else an empty object (tool-call arguments)."""
    try:
        return obj(json.loads(source))
    except json.JSONDecodeError:
        return {}


def new_id(prefix: str, length: int = 24) -> str:
    """A provider-style random id such as ``chatcmpl-…`` or ``msg_01…``."""
    return prefix + "".join(secrets.choice(_ALNUM) for _ in range(length))


def now() -> int:
    """Unix time in seconds."""
    return int(time.time())


def tokens(*texts: str | None) -> int:
    """A crude token count (whitespace-separated words, at least 1)."""
    return max(1, sum(len(t.split()) for t in texts if t))
