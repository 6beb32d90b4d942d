"""Readiness: whether this sladd can serve a provider request now (``GET /readyz``).

``/healthz`` is liveness — the process answers. ``/readyz`` is 200 ``{"status": "ready"}`` only
when both checks pass, run side by side, each within ``probe_seconds``; otherwise 503
``{"status": "not ready", "reasons": [...]}`` naming each check that failed with a fixed
phrase (never a value, a URL, a credential or a key):

``"models loading"``
    The detection models did not answer a one-word detection in time, and answered no
    request's detection since the previous check either: a worker pool being (re)started
    loads them first (10-20 s). Workers busy with requests are not "loading": a probe that
    waits behind them counts as answered when requests' detections finished meanwhile
    (``CachedDetector.misses`` grew), so a saturated replica is not taken out of rotation.
``"detection failed"``
    The detection raised (a worker died; the pool is being replaced).
``"vault unavailable"`` / ``"vault misconfigured"``
    The vault did not answer a read of one scope's epoch in time, or failed; or it refused
    (for Redis: a different key ring than this replica's).

The model check runs the detector under the cache (``CachedDetector.inner``), so a probe is
never answered from memory and never takes a cached conversation's place; at most one model
probe is in flight however many callers ask (a slow one is shared, not repeated). The vault
check reads :data:`PROBE_SCOPE`'s epoch without creating it, which does not count as use and
writes nothing (Redis checks its key ring first, as on any first call).
A change of readiness is logged once, with the reasons; not every probe.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from aiohttp import web

from proxy.detection.cache import CachedDetector
from proxy.detection.findings import Finding
from proxy.scrub.pipeline import Scrubber
from proxy.vault.base import Vault, VaultConfigError

log = logging.getLogger("sladd")

DEFAULT_PROBE_SECONDS = 0.75
"""Each check's time limit: under Kubernetes' default probe timeout of one second."""
PROBE_SCOPE = "sladd:readiness-probe"
PROBE_TEXT = "Kari"
MODELS_LOADING = "models loading"
DETECTION_FAILED = "detection failed"
VAULT_UNAVAILABLE = "vault unavailable"
VAULT_MISCONFIGURED = "vault misconfigured"


class Readiness:
    """The two checks behind ``/readyz`` (see module docstring)."""

    def __init__(self, scrubber: Scrubber, probe_seconds: float = DEFAULT_PROBE_SECONDS) -> None:
        self._scrubber = scrubber  # its detector changes on a reload (proxy.cli.reload)
        self._misses = self._detections_done()
        self._vault: Vault = scrubber.vault
        self._seconds = probe_seconds
        self._probe: asyncio.Future[list[list[Finding]]] | None = None
        self._last: tuple[str, ...] = ()

    async def failures(self) -> tuple[str, ...]:
        """The reasons this sladd is not ready; empty when it is."""
        found = await asyncio.gather(self._models(), self._vault_answers())
        failed = tuple(reason for reason in found if reason is not None)
        if failed != self._last:
            if failed:
                log.warning("sladd is not ready: %s", "; ".join(failed))
            else:
                log.info("sladd is ready again")
            self._last = failed
        return failed

    async def _models(self) -> str | None:
        if self._probe is None or self._probe.done():
            self._probe = asyncio.ensure_future(self._detect([PROBE_TEXT]))
            self._probe.add_done_callback(_retrieve)
        seen, self._misses = self._misses, self._detections_done()
        try:
            async with asyncio.timeout(self._seconds):
                await asyncio.shield(self._probe)
        except TimeoutError:
            return None if self._detections_done() != seen else MODELS_LOADING
        except Exception as exc:  # any failure: not ready
            log.debug("readiness: detection failed (%s)", type(exc).__name__)
            return DETECTION_FAILED
        return None

    def _detections_done(self) -> int:
        """Texts the detector under the cache has answered so far (0 without a cache)."""
        detector = self._scrubber.detector
        return detector.misses if isinstance(detector, CachedDetector) else 0

    async def _detect(self, texts: Sequence[str]) -> list[list[Finding]]:
        detector = self._scrubber.detector
        inner = detector.inner if isinstance(detector, CachedDetector) else detector
        return await asyncio.to_thread(inner.detect_many, texts)

    async def _vault_answers(self) -> str | None:
        try:
            async with asyncio.timeout(self._seconds):
                await self._vault.epoch(PROBE_SCOPE)
        except VaultConfigError:
            return VAULT_MISCONFIGURED
        except Exception as exc:  # a timeout, VaultError, or anything else: not ready
            log.debug("readiness: the vault did not answer (%s)", type(exc).__name__)
            return VAULT_UNAVAILABLE
        return None

    def close(self) -> None:
        """Stop waiting for a model probe still in flight (its thread ends with the pool)."""
        if self._probe is not None:
            self._probe.cancel()


def _retrieve(probe: asyncio.Future[list[list[Finding]]]) -> None:
    """Mark a finished probe's exception as seen (it may finish after every caller left)."""
    if not probe.cancelled():
        probe.exception()


READINESS = web.AppKey("sladd_readiness", Readiness)


async def ready_answer(readiness: Readiness) -> web.Response:
    """``/readyz``'s answer (see module docstring)."""
    failed = await readiness.failures()
    if failed:
        body: dict[str, object] = {"status": "not ready", "reasons": list(failed)}
        return web.json_response(body, status=503, headers={"Cache-Control": "no-store"})
    return web.json_response({"status": "ready"}, headers={"Cache-Control": "no-store"})
