"""What one provider record says: the one place for a provider's facts besides its wire formats.

A :class:`ProviderRecord` says which paths a provider route serves and which wire-format
adapter (with its stream framing and structural fields, ``RULES``) reads each one, where they
go upstream and which hosts HTTPS_PROXY mode intercepts for it, the shape of its errors, how
its clients send their credential (the scope), and what it forwards besides the scrubbed
body: query parameters and headers. Routing, forward mode, errors, scope and settings all
read the records in :mod:`proxy.providers.records`.

**Paths.** A provider's own host serves its API under ``host_paths`` (``/v1/``, ``/api/``).
In base-URL mode sladd serves the same paths under the route's ``base_path``
(``/ollama/api/chat``), and some also without it (``bare_paths``: ``/v1/chat/completions``).
The *tail* is the host path after ``tail_after``; endpoints match it, and so do the
operator's ``routes.NAME.unscrubbed_paths``.

Deny by default, without reading free text where a false alarm would break a client:

**Headers, by name.** A request header is forwarded only when its name is in the record's
:attr:`ProviderRecord.header_formats`, starts with one of its
:attr:`ProviderRecord.header_prefixes`, or is listed in ``routes.NAME.forward_headers``; every
other header is dropped. The lists hold what the official SDKs send — credentials, content
negotiation, API versions and betas, idempotency keys and telemetry — and nothing an app
invents (``X-Patient``, ``X-User-Name``, ``Referer``, ``Cookie``).

**Headers, by value** (:meth:`ProviderRecord.forwarded_value`). Credentials, ``Content-Type``,
``Accept`` and the operator's ``forward_headers`` go as sent. ``User-Agent`` keeps only its
``product/version`` tokens: ``Journal/2.1 (Kari Nordmann)`` leaves as ``Journal/2.1``. Every
other forwarded header goes only when its value has that name's format (``org-...``,
``2023-06-01``, ``Linux``), else it is dropped. The NER model is not run on header values:
on ``ollama-python/0.4.7 (x86_64 linux)`` or a browser's user agent it finds "names".

**Query parameters.** An allow-listed name whose decoded value has its format
(``api-version=2024-10-21``, ``limit=20``, ``beta=true``) is forwarded unread; every other
parameter is scanned, name and value, and the request refused when it holds a finding
(:mod:`proxy.http.query_policy`). A value the formats miss costs a scan, not a leak. Formats never
let through an ``@`` or a run of six or more digits (an e-mail address, an fnr, a phone),
except :data:`AS_SENT` (a credential sent as a query parameter).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from proxy.providers.base import Provider
from proxy.providers.error_shapes import OPENAI_ERRORS, ErrorShape

AS_SENT = ""
"""A header or parameter format meaning: forward the value as sent (credentials, content
negotiation)."""
API_VERSION = r"\d{4}-\d{2}-\d{2}(?:-preview)?|v1|latest|preview"
BOOLEAN = r"true|false"
COUNT = r"\d{1,4}"
_PRODUCT = re.compile(r"[A-Za-z][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._+-]*|\d[\w.+-]*")
"""A ``User-Agent`` token kept: ``name/version``, or a bare version (``OpenAI/Python 1.9``)."""
_MEDIA = r"[a-z*]+/[a-z0-9.+*-]+"
_MEDIA_PARAM = r"(?:charset=[\w-]+|boundary=(\"?)[\w'()+,./:=?-]{1,70}\1)"
"""Only ``charset`` and a (random) multipart ``boundary``: ``; patient=...`` is dropped."""
SDK_HEADERS = {
    "authorization": AS_SENT,
    "accept": rf"{_MEDIA}(?:\s*;\s*q=[\d.]+)?(?:\s*,\s*{_MEDIA}(?:\s*;\s*q=[\d.]+)?)*",
    "content-type": rf"{_MEDIA}(?:\s*;\s*{_MEDIA_PARAM})*",
    "user-agent": AS_SENT,  # reduced to its product tokens, see ProviderRecord.forwarded_value
    "idempotency-key": r"[A-Za-z0-9_.:-]{1,100}",
}
"""What every official SDK may send: credentials, content negotiation, idempotency keys."""
SDK_PREFIXES = ("x-stainless-",)
"""The openai and anthropic SDKs' telemetry headers (language, OS, retry count, timeout); new
ones appear with SDK releases. Their values are one short token each (:data:`TELEMETRY`)."""
TELEMETRY = r"[A-Za-z0-9._:-]{0,64}"
CREDENTIAL_HEADERS = ("authorization", "x-api-key", "api-key")
"""The headers that carry an OpenAI, Anthropic, Azure or Ollama client's credential."""
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


def join_url(base: str, path: str) -> str:
    """``base`` and ``path`` with exactly one ``/`` between them."""
    return base.rstrip("/") + "/" + path.lstrip("/")


@dataclass(frozen=True, slots=True)
class Endpoint:
    """The tails one wire-format adapter reads: ``pattern`` must match the whole tail."""

    pattern: str
    adapter: Provider

    def serves(self, tail: str) -> bool:
        """Whether ``tail`` is one of this endpoint's paths."""
        return re.fullmatch(self.pattern, tail) is not None


@dataclass(frozen=True, slots=True)
class Credentials:
    """Where a provider's clients put their credential, which makes the scope
    (:mod:`proxy.http.scope`): ``headers``, and query parameters that stand for one of them
    (``params``: parameter -> header, an API key sent as ``?key=`` for its header)."""

    headers: tuple[str, ...] = CREDENTIAL_HEADERS
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ProviderRecord:
    """One provider route; see the module docstring.

    ``query_params`` and ``header_formats`` map lower-case names to a regular expression
    (full match) or :data:`AS_SENT`; names compare case-insensitively.
    """

    route: str
    base_path: str
    """Where base-URL mode serves this provider's host paths (``/ollama``)."""
    host_paths: tuple[str, ...]
    """Path prefixes of the API on the provider's own host (``/api/``, ``/v1/``)."""
    endpoints: tuple[Endpoint, ...]
    """Which adapter reads which tail; a tail none serves has no adapter (unscrubbable)."""
    query_params: Mapping[str, str]
    header_formats: Mapping[str, str]
    bare_paths: tuple[str, ...] = ()
    """Base-URL paths served without :attr:`base_path` (the SDKs' default ``/v1/...``)."""
    tail_after: str = "/"
    """The host-path prefix a tail starts after (``/v1/``: ``/v1/chat/completions`` has the
    tail ``chat/completions``)."""
    upstream_has: str = "/"
    """The host-path prefix a configured upstream URL already ends with (``/v1/`` for
    ``https://api.openai.com/v1``)."""
    default_upstream: str = ""
    """``routes.NAME.upstream`` when the configuration names none (empty: must be set)."""
    upstream_from_host: bool = False
    """Without an upstream, an intercepted request goes to the host the client named."""
    intercept_hosts: tuple[str, ...] = ()
    """Hosts (fnmatch patterns) whose HTTPS traffic the forward proxy intercepts for it."""
    error_shape: ErrorShape = OPENAI_ERRORS
    native_prefix: str = ""
    """Tails starting with this answer in :attr:`error_shape`; the rest in OpenAI's shape
    (Ollama's own ``api/`` beside its OpenAI-compatible ``v1/``). Empty: every tail."""
    path_words: frozenset[str] = frozenset()
    """The API's own path words besides the common ones: not scanned as a possible
    identifier in a URL (:func:`proxy.http.query_policy.check_path`)."""
    credentials: Credentials = field(default_factory=Credentials)
    header_prefixes: tuple[str, ...] = SDK_PREFIXES
    prefix_format: str = TELEMETRY
    operator_headers: frozenset[str] = field(default=frozenset())

    def mounts(self) -> tuple[tuple[str, str], ...]:
        """(base-URL path prefix, what to remove from it to get the host path) per path
        this route serves in base-URL mode."""
        based = tuple((self.base_path + path, self.base_path) for path in self.host_paths)
        return based + tuple((path, "") for path in self.bare_paths)

    def tail_of(self, host_path: str) -> str | None:
        """The tail of a path on the provider's host; ``None`` when the API has no such path."""
        if not host_path.startswith(self.host_paths):
            return None
        return host_path.removeprefix(self.tail_after)

    def adapter_for(self, tail: str) -> Provider | None:
        """The wire-format adapter that reads requests to ``tail``, if any."""
        return next((e.adapter for e in self.endpoints if e.serves(tail)), None)

    def upstream_url(self, upstream: str, host_path: str) -> str:
        """Where a request for ``host_path`` goes, given the route's upstream URL."""
        return join_url(upstream, host_path.removeprefix(self.upstream_has))

    def upstream_at(self, origin: str) -> str:
        """The upstream URL for a server at ``origin`` (``http://host:port``) that serves
        this API at the provider's own paths (the value for ``--route NAME=...``)."""
        return origin.rstrip("/") + self.upstream_has.rstrip("/")

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
        """The error shape of a request to ``tail``."""
        return self.error_shape if tail.startswith(self.native_prefix) else OPENAI_ERRORS

    def allows_param(self, name: str, value: str) -> bool:
        """Whether the (decoded) query parameter may be forwarded without a scan."""
        return _has_form(self.query_params.get(name.lower()), value)

    def with_headers(self, names: Iterable[str]) -> ProviderRecord:
        """This record with the operator's ``routes.NAME.forward_headers`` (sent as they are)."""
        extra = frozenset(name.lower() for name in names)
        return replace(self, operator_headers=self.operator_headers | extra) if extra else self
