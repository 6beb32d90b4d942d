"""The provider records are the one place: routing, forward mode, errors, scope and settings
read them, so a record is all a new provider needs besides its adapter module."""

from __future__ import annotations

import pytest

from proxy.forward.routing import base_url_path
from proxy.forward.targets import Authority, ForwardPolicy
from proxy.http.scope import scope_for
from proxy.providers.record import Credentials, ProviderRecord
from proxy.providers.records import RECORDS, ROUTE_NAMES
from proxy.routes import RouteTable
from proxy.settings import RouteSettings, RoutesSettings
from proxy.settings.forward import ForwardProxySettings

ORIGIN = "http://upstream.example:8080"


def _routed_everywhere() -> RoutesSettings:
    return RoutesSettings(
        **{name: RouteSettings(record.upstream_at(ORIGIN)) for name, record in RECORDS.items()}
    )


def test_settings_have_one_route_per_record_with_its_default_upstream() -> None:
    routes = RoutesSettings()
    assert tuple(RECORDS) == ROUTE_NAMES
    for name, record in RECORDS.items():
        assert routes.get(name) == RouteSettings(record.default_upstream)


@pytest.mark.parametrize("record", RECORDS.values(), ids=ROUTE_NAMES)
def test_every_served_path_routes_to_its_record(record: ProviderRecord) -> None:
    table = RouteTable(_routed_everywhere())
    for host_path in record.host_paths:
        path = base_url_path(record.route, host_path + "x")
        assert path == record.base_path + host_path + "x"
        match = table.match(path)
        assert match is not None
        assert match.route == record.route
        assert match.upstream_url == ORIGIN + host_path + "x"  # the host's own path, upstream
        forwarded = table.match_host(record.route, host_path + "x")
        assert forwarded == match


@pytest.mark.parametrize("record", RECORDS.values(), ids=ROUTE_NAMES)
def test_every_endpoint_has_an_adapter_and_an_error_shape(record: ProviderRecord) -> None:
    for endpoint in record.endpoints:
        assert endpoint.adapter.framing in {"sse", "ndjson"}
    assert record.shape_for("").body is not None


def test_intercept_hosts_come_from_the_records() -> None:
    policy = ForwardPolicy(ForwardProxySettings())
    for record in RECORDS.values():
        for pattern in record.intercept_hosts:
            host = pattern.replace("*", "clinic")
            assert policy.intercept_route(Authority(host, 443)) == record.route


def test_a_credential_in_the_query_is_the_scope_of_its_header() -> None:
    query_key = Credentials(headers=("x-key",), params={"key": "x-key"})
    by_header = scope_for({"x-key": "k1"}, query_key)
    assert scope_for({}, query_key, "key=k1") == by_header
    assert scope_for({}, query_key, "alt=sse&key=k2") != by_header
    assert scope_for({"x-key": "k1"}, query_key, "key=k2") != by_header
    assert scope_for({}, query_key, "key=k1&key=k2") != by_header
    assert scope_for({}, query_key, "key=") != scope_for({}, query_key, "key=")  # keyless
    assert scope_for({}, Credentials(), "key=k1") != scope_for({}, Credentials(), "key=k1")
