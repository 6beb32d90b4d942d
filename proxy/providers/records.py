"""One record per provider route: where it goes by default, which hosts HTTPS_PROXY mode
intercepts for it, its error shape, and what it forwards besides the scrubbed body (query
parameters and headers). Adding a route means one record here and, for a new wire format,
one module in this package (its :class:`~proxy.providers.walk.FieldRules` and stream
rewriter); ``proxy/routes.py`` maps its paths.

Deny by default, without reading free text where a false alarm would break a client.

**Headers, by name.** A request header is forwarded only when its name is in the route's
:attr:`RouteRecord.header_formats`, starts with one of its
:attr:`RouteRecord.header_prefixes`, or is listed in ``routes.NAME.forward_headers``; every
other header is dropped. The lists hold what the official ``openai`` and ``anthropic`` SDKs
(and the Azure client) send — credentials, content negotiation, API versions and betas,
idempotency keys and the SDKs' ``X-Stainless-*`` telemetry — and nothing an app invents
(``X-Patient``, ``X-User-Name``, ``Referer``, ``Cookie``).

**Headers, by value** (:meth:`RouteRecord.forwarded_value`). Credentials, ``Content-Type``,
``Accept`` and the operator's ``forward_headers`` go as sent. ``User-Agent`` keeps only its
``product/version`` tokens: ``Journal/2.1 (Kari Nordmann)`` leaves as ``Journal/2.1``. Every
other forwarded header goes only when its value has that name's format (``org-...``,
``2023-06-01``, ``Linux``), else it is dropped. The NER model is not run on header values:
on ``ollama-python/0.4.7 (x86_64 linux)`` or a browser's user agent it finds "names".

**Query parameters.** An allow-listed name whose decoded value has its format
(``api-version=2024-10-21``, ``limit=20``, ``beta=true``) is forwarded unread; every other
parameter is scanned, name and value, and the request refused when it holds a finding
(:mod:`proxy.query_policy`). A value the formats miss costs a scan, not a leak. Formats never
let through an ``@`` or a run of six or more digits (an e-mail address, an fnr, a phone).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from proxy.errors import ErrorShape

_API_VERSION = r"\d{4}-\d{2}-\d{2}(?:-preview)?|v1|latest|preview"
_BOOLEAN = r"true|false"
_COUNT = r"\d{1,4}"
_OPENAI_PARAMS = {
    "limit": _COUNT,
    "order": r"asc|desc",
    "stream": _BOOLEAN,
    "purpose": r"assistants|batch|fine-tune|vision|user_data|evals",
}
"""OpenAI-style parameters with a fixed format; ids (``after``, ``before``, ``include``) are
always scanned: their formats are too open to tell apart from a name."""
_ANTHROPIC_PARAMS = {"beta": _BOOLEAN, "limit": _COUNT}

AS_SENT = ""
"""A header format meaning: forward the value as sent (credentials, content negotiation)."""
_PRODUCT = re.compile(r"[A-Za-z][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._+-]*|\d[\w.+-]*")
"""A ``User-Agent`` token kept: ``name/version``, or a bare version (``OpenAI/Python 1.9``)."""
_MEDIA = r"[a-z*]+/[a-z0-9.+*-]+"
_MEDIA_PARAM = r"(?:charset=[\w-]+|boundary=(\"?)[\w'()+,./:=?-]{1,70}\1)"
"""Only ``charset`` and a (random) multipart ``boundary``: ``; patient=...`` is dropped."""
_SDK_HEADERS = {
    "authorization": AS_SENT,
    "accept": rf"{_MEDIA}(?:\s*;\s*q=[\d.]+)?(?:\s*,\s*{_MEDIA}(?:\s*;\s*q=[\d.]+)?)*",
    "content-type": rf"{_MEDIA}(?:\s*;\s*{_MEDIA_PARAM})*",
    "user-agent": AS_SENT,  # reduced to its product tokens, see RouteRecord.forwarded_value
    "idempotency-key": r"[A-Za-z0-9_.:-]{1,100}",
}
_SDK_PREFIXES = ("x-stainless-",)
"""The SDKs' telemetry headers (language, OS, retry count, timeout); new ones appear with
SDK releases. Their values are one short token each (:data:`_TELEMETRY`)."""
_TELEMETRY = r"[A-Za-z0-9._:-]{0,64}"
_OPENAI_HEADERS = _SDK_HEADERS | {
    "openai-organization": r"org-[A-Za-z0-9]{1,64}",
    "openai-project": r"proj_[A-Za-z0-9]{1,64}",
    "openai-beta": r"[a-z0-9_=.,-]{1,100}",
}
_ANTHROPIC_HEADERS = _SDK_HEADERS | {
    "x-api-key": AS_SENT,
    "anthropic-version": r"\d{4}-\d{2}-\d{2}",
    "anthropic-beta": r"[a-z0-9_.,\s-]{1,500}",
}
_NEVER_PLAIN = re.compile(r"@|\d{6,}")
"""An e-mail address or a long number (fnr, phone, account) never goes unread."""
_RANDOM = frozenset({"idempotency-key", "content-type"})
"""Headers whose values are random (a UUID, a multipart boundary): long digit runs are fine."""


def _has_form(form: str | None, value: str, *, digits_ok: bool = False) -> bool:
    if form is None:
        return False
    if form == AS_SENT:
        return True
    plain = digits_ok or not _NEVER_PLAIN.search(value)
    return plain and re.fullmatch(form, value) is not None


def products_only(user_agent: str) -> str:
    """The ``product/version`` tokens of a ``User-Agent``, without comments or anything with
    an ``@`` or a long number."""
    tokens = re.sub(r"\([^)]*\)?", " ", user_agent).split()
    kept = [t for t in tokens if _PRODUCT.fullmatch(t) and not _NEVER_PLAIN.search(t)]
    return " ".join(kept)


@dataclass(frozen=True, slots=True)
class RouteRecord:
    """The names a route forwards and the formats their values must have.

    ``query_params`` and ``header_formats`` map lower-case names to a regular expression
    (full match) or :data:`AS_SENT`; names compare case-insensitively.
    """

    route: str
    query_params: dict[str, str]
    header_formats: dict[str, str]
    default_upstream: str = ""
    """``routes.NAME.upstream`` when the configuration names none (empty: must be set)."""
    intercept_hosts: tuple[str, ...] = ()
    """Hosts (fnmatch patterns) whose HTTPS traffic the forward proxy intercepts for it."""
    error_shape: ErrorShape = "openai"
    native_prefix: str = ""
    """Tails starting with this answer in :attr:`error_shape`; the rest in OpenAI's shape
    (Ollama's own ``api/`` beside its OpenAI-compatible ``v1/``). Empty: every tail."""
    header_prefixes: tuple[str, ...] = _SDK_PREFIXES
    prefix_format: str = _TELEMETRY
    operator_headers: frozenset[str] = field(default=frozenset())

    def forwarded_value(self, name: str, value: str) -> str | None:
        """What to send upstream for this request header; ``None``: drop it."""
        lowered = name.lower()
        if lowered in self.operator_headers:
            return value
        if lowered == "user-agent":
            return products_only(value) or None
        form = self.header_formats.get(lowered)
        if form is None and lowered.startswith(self.header_prefixes):
            form = self.prefix_format
        return value if _has_form(form, value, digits_ok=lowered in _RANDOM) else None

    def shape_for(self, tail: str) -> ErrorShape:
        """The error shape of a request to ``tail`` (the path after the route's base)."""
        return self.error_shape if tail.startswith(self.native_prefix) else "openai"

    def allows_param(self, name: str, value: str) -> bool:
        """Whether the (decoded) query parameter may be forwarded without a scan."""
        return _has_form(self.query_params.get(name.lower()), value)

    def with_headers(self, names: Iterable[str]) -> RouteRecord:
        """This record with the operator's ``routes.NAME.forward_headers`` (sent as they are)."""
        extra = frozenset(name.lower() for name in names)
        return replace(self, operator_headers=self.operator_headers | extra) if extra else self


RECORDS: dict[str, RouteRecord] = {
    "openai": RouteRecord(
        "openai",
        _OPENAI_PARAMS,
        _OPENAI_HEADERS,
        default_upstream="https://api.openai.com/v1",
        intercept_hosts=("api.openai.com",),
    ),
    "anthropic": RouteRecord(
        "anthropic",
        _ANTHROPIC_PARAMS,
        _ANTHROPIC_HEADERS,
        default_upstream="https://api.anthropic.com",
        intercept_hosts=("api.anthropic.com",),
        error_shape="anthropic",
    ),
    "azure": RouteRecord(
        "azure",
        _OPENAI_PARAMS | {"api-version": _API_VERSION},
        _OPENAI_HEADERS | {"api-key": AS_SENT},
        intercept_hosts=("*.openai.azure.com",),
    ),
    "ollama": RouteRecord(
        "ollama",
        _OPENAI_PARAMS,
        _OPENAI_HEADERS,
        default_upstream="http://127.0.0.1:11434",
        error_shape="ollama",
        native_prefix="api/",
    ),
}
"""One record per route name (``ollama`` serves both its own API and the OpenAI-style one)."""


def record_for(route: str, forward_headers: Iterable[str] = ()) -> RouteRecord:
    """The record of ``route`` plus the operator's ``forward_headers``."""
    return RECORDS[route].with_headers(forward_headers)
