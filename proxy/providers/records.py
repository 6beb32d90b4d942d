"""One record per provider route (:class:`~proxy.providers.record.ProviderRecord`).

Adding a provider is one adapter module in this package (its shape check, ``RULES`` and
stream rewriter, and its error shape if it has its own) plus one record here; routing,
HTTPS_PROXY interception, errors, scope, settings (``[routes.NAME]``) and ``--route`` all
read :data:`RECORDS`.

=========  ======================================  ===================================
route      served at (base-URL mode)               forwarded to
=========  ======================================  ===================================
openai     ``/v1/{tail}``, ``/openai/v1/{tail}``    ``{upstream}/{tail}``
anthropic  ``/v1/messages...``,                    ``{upstream}/v1/{tail}``
           ``/anthropic/v1/{tail}``
azure      ``/azure/openai/{tail}``                ``{upstream}/openai/{tail}``
ollama     ``/ollama/api/...``, ``/ollama/v1/...``  ``{upstream}/api|v1/...``
gemini     ``/gemini/v1beta/...``,                 ``{upstream}/v1beta|v1/...``
           ``/gemini/v1/...``
=========  ======================================  ===================================
"""

from __future__ import annotations

from collections.abc import Iterable

from proxy.providers import anthropic, gemini, ollama
from proxy.providers.anthropic import AnthropicMessages
from proxy.providers.gemini import GeminiCountTokens, GeminiGenerate
from proxy.providers.ollama import OllamaChat, OllamaGenerate
from proxy.providers.openai_chat import OpenAIChat
from proxy.providers.openai_misc import OpenAICompletions, OpenAIEmbeddings
from proxy.providers.openai_responses import OpenAIResponses
from proxy.providers.record import (
    API_VERSION,
    AS_SENT,
    BOOLEAN,
    COUNT,
    SDK_HEADERS,
    Credentials,
    Endpoint,
    ProviderRecord,
)

_OPENAI_PARAMS = {
    "limit": COUNT,
    "order": r"asc|desc",
    "stream": BOOLEAN,
    "purpose": r"assistants|batch|fine-tune|vision|user_data|evals",
}
"""OpenAI-style parameters with a fixed format; ids (``after``, ``before``, ``include``) are
always scanned: their formats are too open to tell apart from a name."""
_OPENAI_HEADERS = SDK_HEADERS | {
    "openai-organization": r"org-[A-Za-z0-9]{1,64}",
    "openai-project": r"proj_[A-Za-z0-9]{1,64}",
    "openai-beta": r"[a-z0-9_=.,-]{1,100}",
}
_OPENAI_ENDPOINTS = (
    Endpoint("chat/completions", OpenAIChat()),
    Endpoint("responses", OpenAIResponses()),
    Endpoint("embeddings", OpenAIEmbeddings()),
    Endpoint("completions", OpenAICompletions()),
)


def _under(prefix: str, endpoints: Iterable[Endpoint]) -> tuple[Endpoint, ...]:
    """``endpoints`` served after a tail prefix (a regular expression)."""
    return tuple(Endpoint(prefix + e.pattern, e.adapter) for e in endpoints)


OPENAI = ProviderRecord(
    "openai",
    base_path="/openai",
    host_paths=("/v1/",),
    bare_paths=("/v1/",),
    tail_after="/v1/",
    upstream_has="/v1/",
    endpoints=_OPENAI_ENDPOINTS,
    query_params=_OPENAI_PARAMS,
    header_formats=_OPENAI_HEADERS,
    default_upstream="https://api.openai.com/v1",
    intercept_hosts=("api.openai.com",),
)
ANTHROPIC = ProviderRecord(
    "anthropic",
    base_path="/anthropic",
    host_paths=("/v1/",),
    bare_paths=("/v1/messages",),
    tail_after="/v1/",
    endpoints=(Endpoint("messages(?:/count_tokens)?", AnthropicMessages()),),
    query_params={"beta": BOOLEAN, "limit": COUNT},
    header_formats=SDK_HEADERS
    | {
        "x-api-key": AS_SENT,
        "anthropic-version": r"\d{4}-\d{2}-\d{2}",
        "anthropic-beta": r"[a-z0-9_.,\s-]{1,500}",
    },
    default_upstream="https://api.anthropic.com",
    intercept_hosts=("api.anthropic.com",),
    error_shape=anthropic.ERRORS,
)
AZURE = ProviderRecord(
    "azure",
    base_path="/azure",
    host_paths=("/openai/",),
    tail_after="/openai/",
    endpoints=_under(r"(?:deployments/[^/]+/|v1/)?", _OPENAI_ENDPOINTS),
    query_params=_OPENAI_PARAMS | {"api-version": API_VERSION},
    header_formats=_OPENAI_HEADERS | {"api-key": AS_SENT},
    upstream_from_host=True,
    intercept_hosts=("*.openai.azure.com",),
)
OLLAMA = ProviderRecord(
    "ollama",
    base_path="/ollama",
    host_paths=("/api/", "/v1/"),
    endpoints=(
        Endpoint("api/chat", OllamaChat()),
        Endpoint("api/generate", OllamaGenerate()),
        *_under("v1/", _OPENAI_ENDPOINTS),
    ),
    query_params=_OPENAI_PARAMS,
    header_formats=_OPENAI_HEADERS,
    default_upstream="http://127.0.0.1:11434",
    error_shape=ollama.ERRORS,
    native_prefix="api/",
)
_GEMINI_MODEL = r"v1(?:beta|alpha)?/(?:models|tunedModels)/[^/:]+"
"""A model method's path before its ``:method`` (``v1beta/models/gemini-2.5-flash``)."""
_GOOGLE_CLIENT = r"[A-Za-z0-9._/+-]{1,64}(?: [A-Za-z0-9._/+-]{1,64}){0,8}"
"""``x-goog-api-client``: ``google-genai-sdk/3.6.1 gl-python/3.11.7``."""
GEMINI = ProviderRecord(
    "gemini",
    base_path="/gemini",
    host_paths=("/v1beta/", "/v1/", "/v1alpha/"),
    endpoints=(
        Endpoint(_GEMINI_MODEL + ":(?:generateContent|streamGenerateContent)", GeminiGenerate()),
        Endpoint(_GEMINI_MODEL + ":countTokens", GeminiCountTokens()),
    ),
    query_params={"alt": r"sse|json", "key": AS_SENT},
    header_formats=SDK_HEADERS | {"x-goog-api-key": AS_SENT, "x-goog-api-client": _GOOGLE_CLIENT},
    header_prefixes=("x-goog-",),
    default_upstream="https://generativelanguage.googleapis.com",
    intercept_hosts=("generativelanguage.googleapis.com",),
    error_shape=gemini.ERRORS,
    path_words=frozenset({"v1alpha", "tunedModels"}),
    credentials=Credentials(
        headers=("x-goog-api-key", "authorization"), params={"key": "x-goog-api-key"}
    ),
)
"""The Gemini API (``google-genai``: ``GOOGLE_GEMINI_BASE_URL=http://HOST:PORT/gemini``); the
SDK's API version is the first path segment (``v1`` or ``v1beta``). The API key comes in
``x-goog-api-key`` or as ``?key=`` (one scope either way) and goes upstream as it came;
``x-goog-*`` telemetry headers go with one short token each (``x-goog-api-client`` with the
SDK's product/version tokens)."""

RECORDS: dict[str, ProviderRecord] = {
    record.route: record for record in (OPENAI, ANTHROPIC, AZURE, OLLAMA, GEMINI)
}
"""One record per route name, in the order the README lists them (``ollama`` serves both its
own API and the OpenAI-style one)."""


def record_for(route: str, forward_headers: Iterable[str] = ()) -> ProviderRecord:
    """The record of ``route`` plus the operator's ``forward_headers``."""
    return RECORDS[route].with_headers(forward_headers)


ROUTE_NAMES = tuple(RECORDS)
"""Every route's name, in the order the README lists them."""
