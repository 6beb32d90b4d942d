"""sladd's own logs hold no request bytes: no query string, no header value, no body.

Two things would otherwise write them:

* aiohttp's access log. Its ``%r`` is the whole request line, query string included, and
  ``%{User-Agent}i`` is a header value. :class:`SafeAccessLogger` writes one fixed line
  instead — remote address, method, the path's *shape*, status, size, time::

      127.0.0.1 "POST /v1/chat/completions" 200 512 0.210s
      127.0.0.1 "POST /azure/openai/deployments/*/chat/completions" 200 512 0.210s

  A path segment is written only when it is a word of the provider APIs (:data:`PATH_WORDS`);
  any other segment (a deployment, a file id, or ``13097248022``) is written as ``*``.
* aiohttp's error log and tracebacks. aiohttp's parser errors (``BadHttpMessage``,
  ``BadStatusLine``, ``LineTooLong`` ...) carry the offending bytes in their message, and
  ``"Error handling request"`` logs them with a traceback — a request line with an fnr in it,
  or a body that was sent without ``Content-Length`` and so was read as the next request.
  :class:`NoRequestBytes`, installed by :func:`install_log_filters` on aiohttp's and asyncio's
  loggers, rewrites every record that carries an exception to one line with the exception's
  type only, and its message template without its arguments.
"""

from __future__ import annotations

import logging
import re

from aiohttp.abc import AbstractAccessLogger
from aiohttp.web_request import BaseRequest
from aiohttp.web_response import StreamResponse

PATH_WORDS = frozenset(
    {
        *("v1", "openai", "anthropic", "azure", "ollama", "api", "deployments"),
        *("chat", "completions", "responses", "embeddings", "messages", "count_tokens"),
        *("models", "files", "batches", "input_items", "cancel", "content", "generate"),
        *(
            "tags",
            "show",
            "ps",
            "version",
            "embed",
            "healthz",
            "readyz",
            "metrics",
            "_sladd",
            "review",
        ),
        *("false-positive", "allow", "audio", "images", "moderations", "assistants"),
    }
)
"""Path segments the access log writes as they are; every other segment is ``*``."""
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT"})
FILTERED_LOGGERS = (
    "aiohttp.server",
    "aiohttp.access",
    "aiohttp.web",
    "aiohttp.internal",
    "asyncio",
)
"""Loggers whose records may carry an exception built from request bytes."""

_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[a-zA-Z%]")


def path_shape(path: str) -> str:
    """``path`` with every segment that is not in :data:`PATH_WORDS` written as ``*``."""
    segments = path.split("/")
    return "/".join(s if s in PATH_WORDS or not s else "*" for s in segments) or "/"


class SafeAccessLogger(AbstractAccessLogger):
    """The access log line of the module docstring; ``log_format`` is ignored."""

    @property
    def enabled(self) -> bool:
        """Whether lines would be written (aiohttp skips :meth:`log` otherwise)."""
        return self.logger.isEnabledFor(logging.INFO)

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        """Write one line for a finished request (no ``extra``: it would hold the request)."""
        method = request.method if request.method in METHODS else "OTHER"
        path = path_shape(request.rel_url.path)
        self.logger.info(
            '%s "%s %s" %d %d %.3fs',
            request.remote or "-",
            method,
            path,
            response.status,
            response.body_length,
            time,
        )


class NoRequestBytes(logging.Filter):
    """Rewrites a record that carries an exception to its template and exception type.

    The arguments go too: aiohttp's are addresses, but a library's may be anything.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info is None and not record.exc_text and not record.stack_info:
            return True
        kind = record.exc_info[1] if record.exc_info else None
        name = type(kind).__name__ if kind is not None else "no exception"
        template = _PLACEHOLDER.sub("<withheld>", str(record.msg))
        record.msg = f"{template} ({name}; details withheld: they may hold request bytes)"
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


def install_log_filters() -> None:
    """Put :class:`NoRequestBytes` on every logger of :data:`FILTERED_LOGGERS` (once each)."""
    for name in FILTERED_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, NoRequestBytes) for f in logger.filters):
            logger.addFilter(NoRequestBytes())
