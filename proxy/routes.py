"""The route table: which provider route and wire format a request path belongs to.

=========  ============================================  ==================================
route      served at                                     forwarded to
=========  ============================================  ==================================
openai     ``/v1/{tail}``, ``/openai/v1/{tail}``          ``{upstream}/{tail}``
anthropic  ``/v1/messages...``, ``/anthropic/v1/{tail}``  ``{upstream}/v1/{tail}``
azure      ``/azure/openai/{tail}``                      ``{upstream}/openai/{tail}``
ollama     ``/ollama/api/{tail}``, ``/ollama/v1/{tail}``  ``{upstream}/api|v1/{tail}``
=========  ============================================  ==================================

``upstream_url`` has no query string: the handler appends the request's own once
:mod:`proxy.query_policy` has passed it. Each route's
:class:`~proxy.providers.records.RouteRecord` (plus ``routes.NAME.forward_headers``) says
which query parameters and headers it forwards. ``--route NAME=URL`` replaces a route's
upstream.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

from proxy.errors import ErrorShape
from proxy.providers.anthropic import AnthropicMessages
from proxy.providers.base import Provider
from proxy.providers.ollama import OllamaChat, OllamaGenerate
from proxy.providers.openai_chat import OpenAIChat
from proxy.providers.openai_misc import OpenAICompletions, OpenAIEmbeddings
from proxy.providers.openai_responses import OpenAIResponses
from proxy.providers.records import RECORDS, RouteRecord, record_for
from proxy.settings import RoutesSettings

ROUTE_NAMES = ("openai", "anthropic", "azure", "ollama")

_OPENAI_ENDPOINTS: dict[str, Provider] = {
    "chat/completions": OpenAIChat(),
    "responses": OpenAIResponses(),
    "embeddings": OpenAIEmbeddings(),
    "completions": OpenAICompletions(),
}
_OLLAMA_ENDPOINTS: dict[str, Provider] = {
    "api/chat": OllamaChat(),
    "api/generate": OllamaGenerate(),
}
_ANTHROPIC = AnthropicMessages()
_AZURE_TAIL = re.compile(r"^(?:deployments/[^/]+/|v1/)?(?P<endpoint>[a-z/]+)$")


@dataclass(frozen=True, slots=True)
class RouteMatch:
    """Where a request goes and how to read it.

    ``provider`` is ``None`` for endpoints sladd cannot scrub; ``tail`` is the path after the
    route base, used for ``unscrubbed_paths`` and in messages.
    """

    route: str
    upstream_url: str
    provider: Provider | None
    error_shape: ErrorShape
    tail: str


def _openai_provider(tail: str) -> Provider | None:
    return _OPENAI_ENDPOINTS.get(tail)


def _azure_provider(tail: str) -> Provider | None:
    match = _AZURE_TAIL.match(tail)
    return _OPENAI_ENDPOINTS.get(match["endpoint"]) if match else None


def _anthropic_provider(tail: str) -> Provider | None:
    return _ANTHROPIC if tail in {"messages", "messages/count_tokens"} else None


def _ollama_provider(tail: str) -> Provider | None:
    if tail.startswith("v1/"):
        return _openai_provider(tail.removeprefix("v1/"))
    return _OLLAMA_ENDPOINTS.get(tail)


def _join(base: str, path: str) -> str:
    return base.rstrip("/") + "/" + path.lstrip("/")


def with_query(url: str, raw_query: str) -> str:
    """``url`` with a raw (still percent-encoded) query string appended, if there is one."""
    return f"{url}?{raw_query}" if raw_query else url


class RouteTable:
    """Maps request paths to :class:`RouteMatch`; see module docstring."""

    def __init__(self, routes: RoutesSettings) -> None:
        self._routes = routes
        self._records = {
            name: record_for(name, routes.get(name).forward_headers) for name in ROUTE_NAMES
        }

    def match(self, path: str) -> RouteMatch | None:
        """The route for ``path``, or ``None`` when no route serves it."""
        if path.startswith("/v1/messages") or path.startswith("/anthropic/v1/"):
            tail = path.removeprefix("/anthropic").removeprefix("/v1/")
            return self._build("anthropic", "v1/" + tail, tail, _anthropic_provider(tail))
        if path.startswith(("/v1/", "/openai/v1/")):
            tail = path.removeprefix("/openai").removeprefix("/v1/")
            return self._build("openai", tail, tail, _openai_provider(tail))
        if path.startswith("/azure/openai/"):
            tail = path.removeprefix("/azure/openai/")
            return self._build("azure", "openai/" + tail, tail, _azure_provider(tail))
        if path.startswith(("/ollama/api/", "/ollama/v1/")):
            tail = path.removeprefix("/ollama/")
            return self._build("ollama", tail, tail, _ollama_provider(tail))
        return None

    def record(self, route: str) -> RouteRecord:
        """What ``route`` forwards besides the body: query parameters and headers."""
        return self._records[route]

    def allows_unscrubbed(self, match: RouteMatch) -> bool:
        """Whether the route's ``unscrubbed_paths`` lets this endpoint through unscrubbed."""
        patterns = self._routes.get(match.route).unscrubbed_paths
        return any(fnmatch.fnmatchcase(match.tail, pattern) for pattern in patterns)

    def _build(self, route: str, path: str, tail: str, provider: Provider | None) -> RouteMatch:
        base = self._routes.get(route).upstream
        shape: ErrorShape = RECORDS[route].shape_for(tail)
        url = _join(base, path) if base else ""
        return RouteMatch(route, url, provider, shape, tail)
