"""The route table: which provider route and wire-format adapter a request path belongs to.

Every fact comes from the provider records (:mod:`proxy.providers.records`, which also
tabulates the paths); this module adds the operator's settings: each route's upstream,
``unscrubbed_paths`` and ``forward_headers``. A base-URL path belongs to the record whose
served prefix is the longest one it starts with (``/v1/messages`` is Anthropic's, the rest of
``/v1/`` OpenAI's).

``upstream_url`` has no query string: the handler appends the request's own once
:mod:`proxy.http.query_policy` has passed it. ``--route NAME=URL`` replaces a route's
upstream.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass

from proxy.providers.base import Provider
from proxy.providers.error_shapes import ErrorShape
from proxy.providers.record import ProviderRecord
from proxy.providers.records import RECORDS
from proxy.settings import RoutesSettings


@dataclass(frozen=True, slots=True)
class RouteMatch:
    """Where a request goes and how to read it.

    ``provider`` is ``None`` for endpoints sladd cannot scrub; ``tail`` is the path after the
    route base, used for ``unscrubbed_paths``, in messages and to tell whether it streams.
    """

    route: str
    upstream_url: str
    provider: Provider | None
    error_shape: ErrorShape
    tail: str


def with_query(url: str, raw_query: str) -> str:
    """``url`` with a raw (still percent-encoded) query string appended, if there is one."""
    return f"{url}?{raw_query}" if raw_query else url


class RouteTable:
    """Maps request paths to :class:`RouteMatch`; see module docstring."""

    def __init__(self, routes: RoutesSettings) -> None:
        self._routes = routes
        self._records = {
            name: record.with_headers(routes.get(name).forward_headers)
            for name, record in RECORDS.items()
        }
        mounts = [
            (prefix, base, name)
            for name, record in RECORDS.items()
            for prefix, base in record.mounts()
        ]
        self._mounts = sorted(mounts, key=lambda mount: len(mount[0]), reverse=True)

    def match(self, path: str) -> RouteMatch | None:
        """The route for a base-URL ``path``, or ``None`` when no route serves it."""
        for prefix, base, route in self._mounts:
            if path.startswith(prefix):
                return self.match_host(route, path.removeprefix(base))
        return None

    def match_host(self, route: str, host_path: str) -> RouteMatch | None:
        """The match for ``host_path``, a path on the provider's own host (forward mode),
        on ``route``; ``None`` when that API has no such path."""
        record = self._records[route]
        tail = record.tail_of(host_path)
        if tail is None:
            return None
        base = self._routes.get(route).upstream
        url = record.upstream_url(base, host_path) if base else ""
        return RouteMatch(route, url, record.adapter_for(tail), record.shape_for(tail), tail)

    def record(self, route: str) -> ProviderRecord:
        """``route``'s record with the operator's ``forward_headers``."""
        return self._records[route]

    def allows_unscrubbed(self, match: RouteMatch) -> bool:
        """Whether the route's ``unscrubbed_paths`` lets this endpoint through unscrubbed."""
        patterns = self._routes.get(match.route).unscrubbed_paths
        return any(fnmatch.fnmatchcase(match.tail, pattern) for pattern in patterns)
