"""Forward-proxy policy: authorities, host patterns, address classes, path mapping."""

from __future__ import annotations

import ipaddress

import pytest

from proxy.forward.routing import base_url_path
from proxy.forward.targets import Authority, ForwardPolicy, parse_authority
from proxy.settings.forward import ForwardProxySettings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("api.openai.com:443", Authority("api.openai.com", 443)),
        ("API.OpenAI.com.:443", Authority("api.openai.com", 443)),
        ("[::1]:8443", Authority("::1", 8443)),
        ("10.0.0.1:80", Authority("10.0.0.1", 80)),
    ],
)
def test_parse_authority(text: str, expected: Authority) -> None:
    assert parse_authority(text, None) == expected


@pytest.mark.parametrize("text", ["api.openai.com", "host:", "host:x", ":443", "a b:1", "h:70000"])
def test_bad_authorities(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        parse_authority(text, None)


def test_netloc_and_url_base() -> None:
    assert Authority("::1", 443).netloc == "[::1]:443"
    assert Authority("r.openai.azure.com", 443).url_base("https") == "https://r.openai.azure.com"
    assert Authority("h", 8080).url_base("http") == "http://h:8080"


def test_builtin_and_configured_intercepts() -> None:
    policy = ForwardPolicy(ForwardProxySettings(intercept_hosts={"llm.example.no:8443": "openai"}))
    assert policy.intercept_route(Authority("api.openai.com", 443)) == "openai"
    assert policy.intercept_route(Authority("api.anthropic.com", 443)) == "anthropic"
    assert policy.intercept_route(Authority("clinic.openai.azure.com", 443)) == "azure"
    assert policy.intercept_route(Authority("llm.example.no", 8443)) == "openai"
    assert policy.intercept_route(Authority("llm.example.no", 443)) is None
    assert policy.intercept_route(Authority("openai.azure.com", 443)) is None
    assert policy.intercept_route(Authority("api.openai.com.evil.example", 443)) is None


def test_tunnel_and_plain_patterns() -> None:
    settings = ForwardProxySettings(
        tunnel_hosts=("*.example.org", "git.example.com:*"), plain_hosts={"ollama": "ollama"}
    )
    policy = ForwardPolicy(settings)
    assert policy.is_tunnel(Authority("a.example.org", 443))
    assert not policy.is_tunnel(Authority("a.example.org", 22))
    assert policy.is_tunnel(Authority("git.example.com", 22))
    assert policy.plain_route(Authority("ollama", 80)) == "ollama"
    assert policy.plain_route(Authority("ollama", 11434)) is None


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fd00::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not ForwardPolicy(ForwardProxySettings()).address_allowed(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "2606:4700::1111", "::ffff:1.1.1.1"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert ForwardPolicy(ForwardProxySettings()).address_allowed(ipaddress.ip_address(address))


def test_allow_private_targets_opens_only_the_listed_networks() -> None:
    policy = ForwardPolicy(ForwardProxySettings(allow_private_targets=("10.0.0.0/8", "::1")))
    assert policy.address_allowed(ipaddress.ip_address("10.9.8.7"))
    assert policy.address_allowed(ipaddress.ip_address("::1"))
    assert not policy.address_allowed(ipaddress.ip_address("192.168.0.1"))


@pytest.mark.parametrize(
    ("route", "path", "expected"),
    [
        ("openai", "/v1/chat/completions", "/openai/v1/chat/completions"),
        ("anthropic", "/v1/messages", "/anthropic/v1/messages"),
        (
            "azure",
            "/openai/deployments/d/chat/completions",
            "/azure/openai/deployments/d/chat/completions",
        ),
        ("ollama", "/api/chat", "/ollama/api/chat"),
        ("ollama", "/v1/chat/completions", "/ollama/v1/chat/completions"),
        ("openai", "/healthz", None),
        ("azure", "/v1/chat/completions", None),
    ],
)
def test_host_paths_map_to_base_url_paths(route: str, path: str, expected: str | None) -> None:
    assert base_url_path(route, path) == expected
