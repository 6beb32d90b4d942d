"""``sladd serve``: load settings and models, then run the proxy until interrupted."""

from __future__ import annotations

import asyncio
import dataclasses
import errno
import gc
import logging
import os
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from aiohttp import web

from proxy.access import ProxyKeys, load_proxy_keys
from proxy.build import build_scrubber
from proxy.cli.reload import Reloader, install, remove_pid, write_pid
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
from proxy.vault.base import Vault
from proxy.vault.open import open_vault
from proxy.vault.urls import redacted_url
from recognizers.ner.engine import BUNDLED_MODEL

log = logging.getLogger("sladd")


class ListenError(Exception):
    """The listen address cannot be bound; the message names ``host:port`` and what to do."""


def listen_error(host: str, port: int, exc: OSError) -> ListenError:
    """A one-line :class:`ListenError` for a failed bind of ``host:port``."""
    if exc.errno == errno.EADDRINUSE:
        return ListenError(
            f"port {port} on {host} is already in use; stop the program listening there, "
            "or choose another port with --port (or server.port in the config)"
        )
    reason = exc.strerror or type(exc).__name__
    return ListenError(f"cannot listen on {host} port {port}: {reason}")


def check_port_free(host: str, port: int) -> None:
    """Raise :class:`ListenError` when ``host:port`` cannot be bound right now.

    Run before the models load, so a busy port fails at once rather than after them. It binds
    as asyncio's server will (``SO_REUSEADDR``, IPv6-only sockets) and releases the port at
    once; :func:`_listen` still handles a port taken in between. Port 0 is always free.
    """
    if port == 0:
        return
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ListenError(f"cannot listen on {host} port {port}: {exc.strerror}") from None
    for family, kind, proto, _, address in addresses:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                probe.bind(address)
            except OSError as exc:
                raise listen_error(host, port, exc) from None


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


async def _run(settings: Settings, keys: ProxyKeys, reread: Callable[[], Settings]) -> None:
    vault_url = settings.resolved_vault_url()
    data_dir = settings.resolved_data_dir()
    log.info(
        "data dir: %s (vault, keys, redaction log, CA; set with --data-dir or data_dir)", data_dir
    )
    vault = await open_vault(vault_url, data_dir, ttl_seconds=settings.vault.ttl_seconds)
    try:
        log.info("vault: %s", redacted_url(vault_url))
        scrubber = await _load_detection(settings, vault)
        try:
            upstreams = ", ".join(
                f"{n}={settings.routes.get(n).upstream or '-'}" for n in ROUTE_NAMES
            )
            log.info("routes: %s", upstreams)
            audit = open_audit(settings, settings.audit, vault.lookup)
            reloader = Reloader(reread, settings, scrubber)
            stop_reloading = install(reloader)
            pid = write_pid(data_dir)
            log.info("reload recognizers, feedback and policy with SIGHUP or `sladd reload`")
            try:
                await _listen(settings, scrubber, _leaf_cache(settings), audit, keys)
            finally:
                stop_reloading()
                remove_pid(pid)
                await reloader.close()
        finally:
            await asyncio.to_thread(scrubber.close)
    finally:
        await vault.close()


async def _load_detection(settings: Settings, vault: Vault) -> Scrubber:
    """Build the scrubber, saying what loads and when it is ready (the port opens after)."""
    detection = settings.detection
    workers = detection.worker_count()
    where = f"in {workers} worker processes" if workers else "in this process"
    model = f"the NER model {detection.ner_model or BUNDLED_MODEL} and " if detection.ner else ""
    log.info(
        "loading detection: %sthe recognizers, %s; the port opens when they are ready",
        model,
        where,
    )
    started = time.monotonic()
    scrubber = await asyncio.to_thread(build_scrubber, settings, vault)
    log.info("detection ready in %.1f s", time.monotonic() - started)
    return scrubber


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
    host, port = settings.server.host, settings.server.port
    site = ForwardProxySite(runner, host, port, leaves, options)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()  # closes the app's upstream client session too
        raise listen_error(host, port, exc) from None
    # Everything loaded so far (libraries, models, settings) lives as long as the process:
    # keep it out of the garbage collector's full passes, which stalled a request for ~80 ms
    # now and then (measured with scripts/bench/run.py's per-request times).
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


def serve(settings: Settings, reread: Callable[[], Settings] | None = None) -> None:
    """Open the vault, load the models, then listen until SIGINT/SIGTERM.

    The log line ``sladd listening on http://HOST:PORT`` names the real port (also for 0).
    Configuration problems (vault URL, key file, model) raise before anything listens; a
    port that cannot be bound raises :class:`ListenError` (checked first, before the models
    load, and again when listening).
    No log line holds a request's bytes, query string or header values
    (:mod:`proxy.support.safe_logs`). ``reread`` loads the settings again for a reload
    (``SIGHUP``, :mod:`proxy.cli.reload`); without it a reload re-reads only the custom
    recognizers and the feedback.
    """
    check_port_free(settings.server.host, settings.server.port)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    install_log_filters()
    keys = load_proxy_keys(settings.server.proxy_keys_file, os.environ, settings.server.host)
    if keys.required:
        log.info("proxy keys required (%d configured)", len(keys.keys))
    asyncio.run(_run(settings, keys, reread or (lambda: settings)))
