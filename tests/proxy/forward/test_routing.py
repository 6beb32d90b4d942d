"""Route lookup for forwarded requests, without sockets (mocked aiohttp requests)."""

from __future__ import annotations

import asyncio
import socket

import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from proxy.forward.routing import INTERCEPTED, Intercepted, route_request
from proxy.forward.targets import Authority, ForwardPolicy
from proxy.routes import RouteTable
from proxy.settings import RouteSettings, RoutesSettings
from proxy.settings.forward import ForwardProxySettings
from proxy.support.errors import SladdError

AZURE = Authority("clinic.openai.azure.com", 443)
AZURE_PATH = "/openai/deployments/d/chat/completions?api-version=2024-10-21"
AZURE_BARE = AZURE_PATH.partition("?")[0]
"""The match's upstream URL has no query: ``handle`` checks the query and appends it."""
AddrInfo = tuple[int, int, int, str, tuple[str, int]]


def _intercepted(path: str, host: str, target: Authority, route: str) -> web.Request:
    request = make_mocked_request("POST", path, headers={"Host": host})
    request[INTERCEPTED] = Intercepted(target, route)
    return request


def _resolving_to(monkeypatch: pytest.MonkeyPatch, *addresses: str) -> list[str]:
    asked: list[str] = []

    async def getaddrinfo(host: str, port: int, **_: object) -> list[AddrInfo]:
        asked.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in addresses]

    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", getaddrinfo)
    return asked


async def test_azure_without_upstream_goes_to_the_checked_resource(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = _resolving_to(monkeypatch, "20.1.2.3")
    request = _intercepted(AZURE_PATH, AZURE.host, AZURE, "azure")
    policy = ForwardPolicy(ForwardProxySettings())
    match = await route_request(request, RouteTable(RoutesSettings()), policy, 1.0)
    assert match is not None
    assert match.upstream_url == f"https://clinic.openai.azure.com{AZURE_BARE}"
    assert match.provider is not None
    assert asked == [AZURE.host]


@pytest.mark.parametrize("addresses", [("10.0.0.5",), ("20.1.2.3", "169.254.169.254")])
async def test_azure_resource_resolving_privately_is_refused(
    monkeypatch: pytest.MonkeyPatch, addresses: tuple[str, ...]
) -> None:
    _resolving_to(monkeypatch, *addresses)
    request = _intercepted(AZURE_PATH, AZURE.host, AZURE, "azure")
    policy = ForwardPolicy(ForwardProxySettings())
    with pytest.raises(SladdError) as refused:
        await route_request(request, RouteTable(RoutesSettings()), policy, 1.0)
    assert (refused.value.status, refused.value.type) == (403, "sladd_forward_refused")


async def test_azure_with_a_configured_upstream_uses_it(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _resolving_to(monkeypatch, "10.0.0.5")
    routes = RouteTable(RoutesSettings(azure=RouteSettings("https://gateway.example")))
    request = _intercepted(AZURE_PATH, f"{AZURE.host}:443", AZURE, "azure")
    match = await route_request(request, routes, ForwardPolicy(ForwardProxySettings()), 1.0)
    assert match is not None
    assert match.upstream_url == f"https://gateway.example{AZURE_BARE}"
    assert asked == []


@pytest.mark.parametrize("host", ["", "api.openai.com:8443", "api.anthropic.com"])
async def test_host_header_must_name_the_target(host: str) -> None:
    target = Authority("api.openai.com", 443)
    request = _intercepted("/v1/chat/completions", host, target, "openai")
    with pytest.raises(SladdError) as refused:
        await route_request(
            request, RouteTable(RoutesSettings()), ForwardPolicy(ForwardProxySettings()), 1.0
        )
    assert refused.value.status == 421
