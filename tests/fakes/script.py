"""What the fake upstream answers: a per-test `Script`, resolved per request into a `Plan`."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypedDict

DEFAULT_CHUNK_SIZE = 3


@dataclass(frozen=True)
class ToolCall:
    """A tool/function call the fake model makes.

    ``arguments`` is the JSON string the model "generates". ``None`` means echo: the arguments
    become ``{echo_key: <echo text>}``, so identifiers the proxy sent come back inside a tool call.
    ``id`` defaults to a fresh provider-style id (``call_…``, ``toolu_…``).
    """

    name: str
    arguments: str | None = None
    echo_key: str = "text"
    id: str | None = None


@dataclass(frozen=True)
class Script:
    """How the fake upstream answers; every field has a harmless default.

    Text: ``reply`` if set; otherwise, unless tool calls are scripted, ``echo_prefix`` + the
    echo text (the last user turn the upstream received, see each wire's ``echo_text``), or
    what ``compute`` makes of the echo text (a model that works with what it was sent).
    Streams split text, thinking and tool arguments every ``chunk_size`` characters.
    ``status`` >= 400 answers with the provider's error JSON (or ``error_body``).
    ``delay`` seconds pass before the answer starts, ``chunk_delay`` between stream frames.
    ``reset_after_bytes`` aborts the connection after that many body bytes.
    ``stream_error_after`` ends a stream after that many frames with the provider's in-stream
    error event (OpenAI ``data: {"error": …}``, Anthropic ``event: error``, Ollama ``{"error"}``).
    ``thinking`` adds a signed thinking block (Anthropic) / ``thinking`` field (Ollama).
    ``headers`` are added to the response; ``compress`` gzips/deflates it as the client accepts.
    """

    reply: str | None = None
    echo_prefix: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    thinking: str | None = None
    chunk_size: int = DEFAULT_CHUNK_SIZE
    status: int = 200
    error_body: object = None
    headers: tuple[tuple[str, str], ...] = ()
    compress: bool = False
    delay: float = 0.0
    chunk_delay: float = 0.0
    reset_after_bytes: int | None = None
    stream_error_after: int | None = None
    compute: Callable[[str], str] | None = None

    def __post_init__(self) -> None:
        if self.chunk_size < 1:
            raise ValueError("chunk_size must be >= 1")

    def plan(self, echo: str) -> Plan:
        """Resolve this script against the echo text of one request."""
        text = self.reply
        if text is None and not self.tool_calls:
            text = self.echo_prefix + (echo if self.compute is None else self.compute(echo))
        calls = tuple(_resolve_call(call, echo) for call in self.tool_calls)
        return Plan(text, calls, self.thinking, self.chunk_size, self.stream_error_after)


class ScriptFields(TypedDict, total=False):
    """Keyword form of `Script` for ``FakeUpstream.script(**fields)``."""

    reply: str | None
    echo_prefix: str
    tool_calls: tuple[ToolCall, ...]
    thinking: str | None
    chunk_size: int
    status: int
    error_body: object
    headers: tuple[tuple[str, str], ...]
    compress: bool
    delay: float
    chunk_delay: float
    reset_after_bytes: int | None
    stream_error_after: int | None
    compute: Callable[[str], str] | None


@dataclass(frozen=True)
class PlannedCall:
    """A `ToolCall` with its final arguments string."""

    name: str
    arguments: str
    id: str | None


@dataclass(frozen=True)
class Plan:
    """The answer to one request: text (``None``: tool calls only), tool calls, thinking."""

    text: str | None
    tool_calls: tuple[PlannedCall, ...]
    thinking: str | None
    chunk_size: int
    stream_error_after: int | None = None

    def split(self, value: str) -> list[str]:
        """``value`` in ``chunk_size`` pieces (one empty piece for an empty string)."""
        size = self.chunk_size
        return [value[i : i + size] for i in range(0, len(value), size)] or [""]


def _resolve_call(call: ToolCall, echo: str) -> PlannedCall:
    arguments = call.arguments
    if arguments is None:
        arguments = json.dumps({call.echo_key: echo}, ensure_ascii=False)
    return PlannedCall(call.name, arguments, call.id)
