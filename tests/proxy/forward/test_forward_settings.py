"""The [forward_proxy] settings section: defaults, and bad keys or values named."""

from __future__ import annotations

from pathlib import Path

import pytest

from proxy.settings import ConfigError, load_settings
from proxy.settings.forward import ForwardProxySettings


def test_good_section_loads(tmp_path: Path) -> None:
    path = tmp_path / "sladd.toml"
    path.write_text(
        "[forward_proxy]\n"
        'tunnel_hosts = ["*.example.org", "git.example.com:*", "[::1]:8443"]\n'
        'allow_private_targets = ["10.0.0.0/8", "::1"]\n'
        "leaf_validity_days = 30\n"
        "[forward_proxy.intercept_hosts]\n"
        '"llm.example.no:8443" = "openai"\n'
        "[forward_proxy.plain_hosts]\n"
        '"127.0.0.1:11434" = "ollama"\n',
        encoding="utf-8",
    )
    forward = load_settings(path, environ={}).forward_proxy
    assert forward == ForwardProxySettings(
        intercept_hosts={"llm.example.no:8443": "openai"},
        plain_hosts={"127.0.0.1:11434": "ollama"},
        tunnel_hosts=("*.example.org", "git.example.com:*", "[::1]:8443"),
        allow_private_targets=("10.0.0.0/8", "::1"),
        leaf_validity_days=30,
    )


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[forward_proxy]\ntunel_hosts = []\n", "forward_proxy.tunel_hosts"),
        ("[forward_proxy]\ntunnel_hosts = ['bad host']\n", "forward_proxy.tunnel_hosts"),
        ("[forward_proxy]\ntunnel_hosts = ['h:99999']\n", "forward_proxy.tunnel_hosts"),
        ("[forward_proxy]\ntunnel_hosts = 'a.example'\n", "forward_proxy.tunnel_hosts"),
        ("[forward_proxy]\nallow_private_targets = ['10.0.0.0/33']\n", "forward_proxy.allow"),
        ("[forward_proxy]\nleaf_validity_days = 0\n", "forward_proxy.leaf_validity_days"),
        ("[forward_proxy]\nleaf_validity_days = 400\n", "forward_proxy.leaf_validity_days"),
        ("[forward_proxy]\nenabled = 'yes'\n", "forward_proxy.enabled"),
        ("[forward_proxy.intercept_hosts]\n'a.example' = 'mistral'\n", "forward_proxy.intercept"),
        ("[forward_proxy.plain_hosts]\n'http://x' = 'ollama'\n", "forward_proxy.plain_hosts"),
    ],
)
def test_bad_key_or_value_is_named(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "sladd.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_settings(path, environ={})
    assert f"'{key}" in str(error.value)
