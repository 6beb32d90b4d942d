"""A fake LLM upstream: real OpenAI/Azure/Anthropic/Ollama/Gemini wire formats on 127.0.0.1,
scriptable.

Usage::

    async with FakeUpstream() as upstream:
        upstream.script(reply="Hello [PERSON_1]", chunk_size=1)
        client = openai.AsyncOpenAI(base_url=f"{upstream.base_url}/v1", api_key="sk-test")
        ...
        assert upstream.last.json["messages"][-1]["content"] == "..."

Every request is recorded before it is answered. The standing script (``script()``) answers
every request unless one-shot scripts are queued (``queue()``); they are used first, in order.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Self, Unpack

from aiohttp import web

from tests.fakes import anthropic_wire, gemini_wire, ollama_wire, openai_responses, openai_wire
from tests.fakes.script import Script, ScriptFields, ToolCall
from tests.fakes.wire import JSON, NDJSON, SSE, Answer, Call, Endpoint, dumps, new_id, obj

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

ROUTES: tuple[tuple[str, str, Endpoint], ...] = (
    ("POST", "/v1/chat/completions", openai_wire.chat_completions),
    ("POST", "/v1/completions", openai_wire.completions),
    ("POST", "/v1/embeddings", openai_wire.embeddings),
    ("GET", "/v1/models", openai_wire.models),
    ("POST", "/v1/responses", openai_responses.responses),
    ("POST", "/openai/deployments/{deployment}/chat/completions", openai_wire.chat_completions),
    ("POST", "/openai/deployments/{deployment}/completions", openai_wire.completions),
    ("POST", "/openai/deployments/{deployment}/embeddings", openai_wire.embeddings),
    ("POST", "/v1/messages", anthropic_wire.messages),
    ("POST", "/v1/messages/count_tokens", anthropic_wire.count_tokens),
    ("POST", "/api/chat", ollama_wire.chat),
    ("POST", "/api/generate", ollama_wire.generate),
    ("GET", "/api/tags", ollama_wire.tags),
    *(
        ("POST", f"/{version}/models/{{model}}:{method}", endpoint)
        for version in gemini_wire.VERSIONS
        for method, endpoint in (
            ("generateContent", gemini_wire.generate_content),
            ("streamGenerateContent", gemini_wire.stream_generate_content),
            ("countTokens", gemini_wire.count_tokens),
        )
    ),
)


@dataclass(frozen=True)
class Recorded:
    """One request as the upstream received it (header names lower-cased)."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    json: object | None

    def at(self, *path: str | int) -> object:
        """The value at ``path`` in the JSON body, e.g. ``at("messages", -1, "content")``.

        Raises `KeyError` naming the path when a step does not exist.
        """
        value = self.json
        for step in path:
            try:
                value = _json_step(value, step)
            except (IndexError, KeyError, TypeError) as missing:
                where = f"no {path!r} in the recorded body (failed at {step!r})"
                raise KeyError(where) from missing
        return value


def _json_step(value: object, step: str | int) -> object:
    if isinstance(value, list) and isinstance(step, int):
        return value[step]
    if isinstance(value, dict) and isinstance(step, str):
        return value[step]
    raise TypeError(f"cannot index {type(value).__name__} with {step!r}")


class FakeUpstream:
    """The fake upstream server; an async context manager that listens on 127.0.0.1:0."""

    def __init__(
        self,
        script: Script | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        on_request: Callable[[Recorded], None] | None = None,
        keep_requests: bool = True,
    ) -> None:
        """``on_request`` sees every request before it is answered; a long-running upstream
        (the benchmark's) passes ``keep_requests=False`` so :attr:`requests` stays empty."""
        self.requests: list[Recorded] = []
        self.abandoned = 0
        """How many answers the client stopped reading before their end (it disconnected)."""
        self._standing = script or Script()
        self._queued: deque[Script] = deque()
        self._host = host
        self._listen_port = port
        self._on_request = on_request
        self._keep_requests = keep_requests
        self._port: int | None = None
        self._runner: web.AppRunner | None = None

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (no trailing slash, no ``/v1``)."""
        if self._port is None:
            raise RuntimeError("FakeUpstream is not started")
        return f"http://{self._host}:{self._port}"

    @property
    def last(self) -> Recorded:
        """The most recent request."""
        if not self.requests:
            raise AssertionError("the fake upstream has received no request")
        return self.requests[-1]

    def script(
        self,
        script: Script | None = None,
        /,
        *,
        tool_call: ToolCall | tuple[str, str] | None = None,
        **fields: Unpack[ScriptFields],
    ) -> Script:
        """Replace the standing script: a `Script`, or its fields as keywords.

        ``tool_call`` is shorthand for ``tool_calls=(ToolCall(name, arguments),)``.
        """
        if script is not None and (fields or tool_call is not None):
            raise TypeError("pass a Script or its fields, not both")
        if tool_call is not None:
            call = tool_call if isinstance(tool_call, ToolCall) else ToolCall(*tool_call)
            fields["tool_calls"] = (*fields.get("tool_calls", ()), call)
        self._standing = script if script is not None else Script(**fields)
        return self._standing

    def queue(self, *scripts: Script) -> None:
        """Answer the next requests with ``scripts``, one each, before the standing script."""
        self._queued.extend(scripts)

    def reset(self) -> None:
        """Forget recorded requests and queued scripts; restore the default (echo) script."""
        self.requests.clear()
        self.abandoned = 0
        self._queued.clear()
        self._standing = Script()

    def requests_to(self, path: str) -> list[Recorded]:
        """The recorded requests whose path is ``path``."""
        return [r for r in self.requests if r.path == path]

    async def start(self) -> None:
        """Start listening (on an ephemeral port unless one was given)."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        for method, path, endpoint in ROUTES:
            app.router.add_route(method, path, self._handler(endpoint))
        app.router.add_route("*", "/{tail:.*}", self._handler(None))
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        await web.TCPSite(self._runner, self._host, self._listen_port).start()
        self._port = int(self._runner.addresses[0][1])

    async def close(self) -> None:
        """Stop the server; in-flight handlers get ``shutdown_timeout`` to finish."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def _next_script(self) -> Script:
        return self._queued.popleft() if self._queued else self._standing

    def _handler(self, endpoint: Endpoint | None) -> Handler:
        async def handle(request: web.Request) -> web.StreamResponse:
            recorded = await _record(request)
            if self._on_request is not None:
                self._on_request(recorded)
            if self._keep_requests:
                self.requests.append(recorded)
            script = self._next_script()
            if script.delay:
                await asyncio.sleep(script.delay)
            answer = _answer(endpoint, request, recorded, script)
            response = _response(request, answer, script)
            if not await _send(request, response, answer, script):
                self.abandoned += 1
            return response

        return handle


async def _record(request: web.Request) -> Recorded:
    body = await request.read()
    try:
        parsed: object | None = json.loads(body) if body else None
    except ValueError:
        parsed = None
    headers = {name.lower(): value for name, value in request.headers.items()}
    query = dict(request.query.items())
    return Recorded(request.method, request.path, query, headers, body, parsed)


def _answer(
    endpoint: Endpoint | None, request: web.Request, recorded: Recorded, script: Script
) -> Answer:
    if endpoint is None:
        return _error(request.path, 404, None)
    if script.status >= 400:
        return _error(request.path, script.status, script.error_body)
    return endpoint(Call(obj(recorded.json), script, dict(request.match_info)))


def _error(path: str, status: int, body: object) -> Answer:
    """The provider's error JSON (chosen by path), or the scripted body (a str is sent as-is)."""
    if isinstance(body, str):
        return Answer("text/plain; charset=utf-8", [body.encode()], status)
    if body is None:
        body = error_body(path, status)
    return Answer(JSON, [dumps(body)], status)


def error_body(path: str, status: int) -> dict[str, object]:
    """The error JSON the provider serving ``path`` sends with ``status``."""
    if path.startswith("/openai/"):
        return openai_wire.azure_error_body(status)
    if path.startswith("/v1/messages"):
        return anthropic_wire.error_body(status)
    if path.startswith("/api/"):
        return ollama_wire.error_body(status)
    if gemini_wire.is_gemini_path(path):
        return gemini_wire.error_body(status)
    return openai_wire.error_body(status)


def _response(request: web.Request, answer: Answer, script: Script) -> web.StreamResponse:
    headers = {"Content-Type": answer.content_type, "x-request-id": new_id("req_")}
    headers |= {"request-id": new_id("req_011C"), **answer.headers, **dict(script.headers)}
    response = web.StreamResponse(status=answer.status, headers=headers)
    if script.compress:  # gzip when accepted, as the real APIs' CDNs do
        gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        response.enable_compression(web.ContentCoding.gzip if gzip else None)
    elif answer.content_type not in (SSE, NDJSON):
        response.content_length = sum(len(frame) for frame in answer.frames)
    return response


async def _send(
    request: web.Request, response: web.StreamResponse, answer: Answer, script: Script
) -> bool:
    """Write the answer frame by frame (``chunk_delay``, ``reset_after_bytes``).

    Returns False if the client went away before the end.
    """
    budget = script.reset_after_bytes
    try:
        await response.prepare(request)
        for frame in answer.frames:
            if budget is not None and len(frame) >= budget:
                await response.write(frame[:budget])
                _abort(request)
                return True
            await response.write(frame)
            budget = None if budget is None else budget - len(frame)
            if script.chunk_delay:
                await asyncio.sleep(script.chunk_delay)
        await response.write_eof()
    except ConnectionResetError:
        return False
    return True


def _abort(request: web.Request) -> None:
    if request.transport is not None:
        request.transport.abort()
