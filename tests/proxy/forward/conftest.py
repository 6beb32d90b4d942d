"""Fixtures for HTTPS_PROXY mode: sladd behind its forward-proxy site, a CA, SDK environment.

sladd runs in-process on 127.0.0.1:0 with every route pointing at the fake upstream, so an
intercepted ``api.openai.com`` request lands on the fake upstream's ``/v1/...``. The SDKs keep
their default base URLs; only ``HTTPS_PROXY`` and ``SSL_CERT_FILE`` point them at sladd.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import pytest
from aiohttp import web

from proxy.access import ProxyKeys
from proxy.cli import ca as ca_cli
from proxy.detection.detector import Detector
from proxy.forward.intercept import FrontOptions
from proxy.forward.site import ForwardProxySite
from proxy.forward.tls import CertificateAuthority, LeafCache, ensure_ca
from proxy.http.app import create_app
from proxy.scrub.pipeline import Scrubber
from proxy.settings import Settings
from proxy.settings.forward import ForwardProxySettings
from proxy.vault.base import Vault
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.conftest import routed_settings, scrubber_for

PROXY_VARIABLES = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY")
SDK_VARIABLES = (
    "OPENAI_BASE_URL",
    "ANTHROPIC_BASE_URL",
    "OPENAI_API_KEY",
    "ANTHROPIC_API_KEY",
    "AZURE_OPENAI_ENDPOINT",
    "OPENAI_API_VERSION",
    "SSL_CERT_DIR",
)


@dataclasses.dataclass
class ForwardSladd:
    """A running sladd with its forward-proxy site."""

    url: str
    settings: Settings
    scrubber: Scrubber
    ca: CertificateAuthority


def with_forward(settings: Settings, **changes: object) -> Settings:
    """``settings`` with ``[forward_proxy]`` fields replaced."""
    forward = dataclasses.replace(settings.forward_proxy, **changes)  # type: ignore[arg-type]
    return dataclasses.replace(settings, forward_proxy=forward)


@asynccontextmanager
async def run_forward_sladd(
    settings: Settings,
    detector: Detector,
    ca: CertificateAuthority,
    vault: Vault | None = None,
    keys: ProxyKeys | None = None,
    *,
    handler_cancellation: bool = False,
) -> AsyncIterator[ForwardSladd]:
    """sladd on 127.0.0.1:0 behind :class:`ForwardProxySite`, stopped on exit
    (``handler_cancellation`` on is how ``sladd serve`` runs it)."""
    scrubber = scrubber_for(settings, detector, vault)
    app = create_app(settings, scrubber, keys=keys)
    runner = web.AppRunner(app, shutdown_timeout=2.0, handler_cancellation=handler_cancellation)
    await runner.setup()
    forward = settings.forward_proxy
    leaves = LeafCache(ca, forward.leaf_validity_days) if forward.enabled else None
    site = ForwardProxySite(runner, "127.0.0.1", 0, leaves, FrontOptions(connect_timeout=5.0))
    await site.start()
    try:
        yield ForwardSladd(site.name, settings, scrubber, ca)
    finally:
        await runner.cleanup()


StartSladd = Callable[..., AbstractAsyncContextManager[ForwardSladd]]


@pytest.fixture
def ca(tmp_path: Path) -> CertificateAuthority:
    """A fresh sladd CA in a temporary data dir."""
    authority, _ = ensure_ca(tmp_path / "data")
    return authority


@pytest.fixture
def bundle(ca: CertificateAuthority, tmp_path: Path) -> Path:
    """``sladd ca export --with-system``: the system roots plus sladd's CA."""
    target = tmp_path / "bundle.pem"
    ca_cli.export(ca.cert_path.parent, target, with_system=True, out=io.StringIO())
    return target


@pytest.fixture
def forward_settings(base_settings: Settings, upstream: FakeUpstream) -> Settings:
    """The shipped configuration, routed to the fake upstream, forward-proxy defaults."""
    settings = routed_settings(base_settings, upstream)
    assert settings.forward_proxy == ForwardProxySettings()
    return settings


@pytest.fixture
def start(detector: Detector, ca: CertificateAuthority) -> StartSladd:
    """``async with start(settings) as sladd``: a forward-proxy sladd with those settings."""

    def starter(
        settings: Settings, vault: Vault | None = None, keys: ProxyKeys | None = None
    ) -> AbstractAsyncContextManager[ForwardSladd]:
        return run_forward_sladd(settings, detector, ca, vault, keys)

    return starter


@pytest.fixture
async def proxy(forward_settings: Settings, start: StartSladd) -> AsyncIterator[ForwardSladd]:
    """sladd with the default forward-proxy settings."""
    async with start(forward_settings) as running:
        yield running


def set_proxy_environment(monkeypatch: pytest.MonkeyPatch, proxy_url: str, bundle: Path) -> None:
    """Environment an unmodified SDK needs: the proxy, the trust bundle, nothing bypassing."""
    for name in (*PROXY_VARIABLES, *SDK_VARIABLES):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(name, proxy_url)
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))


@pytest.fixture
def proxy_env(monkeypatch: pytest.MonkeyPatch, proxy: ForwardSladd, bundle: Path) -> ForwardSladd:
    """``HTTPS_PROXY`` = sladd and ``SSL_CERT_FILE`` = the exported bundle, for this test."""
    set_proxy_environment(monkeypatch, proxy.url, bundle)
    return proxy
