"""``sladd serve``: load settings and models, then run the proxy until interrupted."""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass

from aiohttp import web

from proxy.access import ProxyKeys, load_proxy_keys
from proxy.build import build_scrubber
from proxy.cli.signals import until_stopped
from proxy.forward.intercept import FrontOptions
from proxy.forward.site import ForwardProxySite
from proxy.forward.tls import LeafCache, ensure_ca
from proxy.http.app import create_app
from proxy.providers.records import ROUTE_NAMES
from proxy.review.serving import AuditServing, open_audit
from proxy.scrub.pipeline import Scrubber
from proxy.settings import ConfigError, RouteSettings, ServerSettings, Settings, VaultSettings
from proxy.support.safe_logs import SafeAccessLogger, install_log_filters
from proxy.support.toml_binding import bind
from proxy.vault.open import open_vault
from proxy.vault.urls import redacted_url

log = logging.getLogger("sladd")


def apply_route_overrides(settings: Settings, overrides: Sequence[str]) -> Settings:
    """Apply ``--route NAME=URL`` flags; bad names or URLs are :class:`ConfigError`."""
    routes = settings.routes
    for override in overrides:
        name, sep, url = override.partition("=")
        if not sep or name not in ROUTE_NAMES:
            known = ", ".join(ROUTE_NAMES)
            raise ConfigError(f"--route {override!r}: expected NAME=URL with NAME one of {known}")
        current = routes.get(name)
        table = {
            "upstream": url,
            "unscrubbed_paths": list(current.unscrubbed_paths),
            "forward_headers": list(current.forward_headers),
        }
        route = bind(RouteSettings, table, "--route", f"routes.{name}.")
        routes = dataclasses.replace(routes, **{name: route})
    return dataclasses.replace(settings, routes=routes)


@dataclass(frozen=True, slots=True)
class ServeFlags:
    """``sladd serve`` flags that override settings (``None``: keep the setting)."""

    host: str | None = None
    port: int | None = None
    routes: Sequence[str] = ()
    vault: str | None = None


def with_overrides(settings: Settings, flags: ServeFlags) -> Settings:
    """Settings with command-line flags applied on top, validated like the config file."""
    server = settings.server
    port = server.port if flags.port is None else flags.port
    server = bind(ServerSettings, {"host": flags.host or server.host, "port": port}, "--port")
    settings = dataclasses.replace(
        settings, server=dataclasses.replace(settings.server, host=server.host, port=server.port)
    )
    if flags.vault is not None:
        vault = bind(VaultSettings, {"url": flags.vault}, "--vault", "vault.")
        settings = dataclasses.replace(
            settings, vault=dataclasses.replace(settings.vault, url=vault.url)
        )
    return apply_route_overrides(settings, flags.routes)


async def _run(settings: Settings, keys: ProxyKeys) -> None:
    vault_url = settings.resolved_vault_url()
    data_dir = settings.resolved_data_dir()
    vault = await open_vault(vault_url, data_dir, ttl_seconds=settings.vault.ttl_seconds)
    try:
        log.info("vault: %s", redacted_url(vault_url))
        workers = settings.detection.worker_count()
        log.info("loading detection models (%s)", f"{workers} workers" if workers else "in-process")
        scrubber = await asyncio.to_thread(build_scrubber, settings, vault)
        try:
            upstreams = ", ".join(
                f"{n}={settings.routes.get(n).upstream or '-'}" for n in ROUTE_NAMES
            )
            log.info("routes: %s", upstreams)
            audit = open_audit(settings, settings.audit, vault.lookup)
            await _listen(settings, scrubber, _leaf_cache(settings), audit, keys)
        finally:
            await asyncio.to_thread(scrubber.close)
    finally:
        await vault.close()


def _leaf_cache(settings: Settings) -> LeafCache | None:
    """sladd's CA (created at first start) for HTTPS_PROXY mode, unless that mode is off."""
    forward = settings.forward_proxy
    if not forward.enabled:
        log.info("forward-proxy mode is off: CONNECT is refused")
        return None
    ca, created = ensure_ca(settings.resolved_data_dir())
    log.info(
        "%s sladd's CA; HTTPS_PROXY clients must trust %s",
        "created" if created else "using",
        ca.cert_path,
    )
    return LeafCache(ca, forward.leaf_validity_days)


async def _listen(
    settings: Settings,
    scrubber: Scrubber,
    leaves: LeafCache | None,
    audit: AuditServing,
    keys: ProxyKeys,
) -> None:
    app = create_app(settings, scrubber, audit.log, audit.review, keys)
    # The access log and aiohttp's error log never hold request bytes (proxy.support.safe_logs).
    runner = web.AppRunner(app, access_log_class=SafeAccessLogger, handler_cancellation=True)
    await runner.setup()
    options = FrontOptions(
        connect_timeout=settings.server.upstream_connect_timeout,
        access_log_class=SafeAccessLogger,
    )
    site = ForwardProxySite(runner, settings.server.host, settings.server.port, leaves, options)
    await site.start()
    # Everything loaded so far (libraries, models, settings) lives as long as the process:
    # keep it out of the garbage collector's full passes, which stalled a request for ~80 ms
    # now and then (measured with scripts/bench.py's per-request times).
    gc.collect()  # start-up garbage first, so none of it is frozen for good
    gc.freeze()
    log.info("sladd listening on %s", site.name)
    if audit.review is not None:
        log.info(
            "review page: %s/_sladd/review (admin token: %s)", site.name, audit.review.admin.source
        )
    try:
        await until_stopped()
    finally:
        log.info("sladd stopping")
        await runner.cleanup()


def serve(settings: Settings) -> None:
    """Open the vault, load the models, then listen until SIGINT/SIGTERM.

    The log line ``sladd listening on http://HOST:PORT`` names the real port (also for 0).
    Configuration problems (vault URL, key file, model) raise before anything listens.
    No log line holds a request's bytes, query string or header values
    (:mod:`proxy.support.safe_logs`).
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    install_log_filters()
    keys = load_proxy_keys(settings.server.proxy_keys_file, os.environ, settings.server.host)
    if keys.required:
        log.info("proxy keys required (%d configured)", len(keys.keys))
    asyncio.run(_run(settings, keys))
