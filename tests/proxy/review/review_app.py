"""The review page and /metrics on a bare aiohttp app, as the proxy will serve them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from aiohttp.typedefs import Handler, Middleware

from proxy.audit.crypto import load_audit_cipher
from proxy.audit.metrics import METRICS, Metrics, metrics_handler
from proxy.review.admin import AdminToken
from proxy.review.feedback import FeedbackTargets
from proxy.review.page import ReviewContext, add_review_routes
from proxy.scrub.policy_settings import PolicySettings
from proxy.vault.open import open_vault
from proxy.vault.urls import default_vault_url
from tests.proxy.audit.exchanges import POLICY, TOKEN_FORMAT

TOKEN = "review-token-for-tests-0123456789"


@dataclass(frozen=True)
class Review:
    """A running review app: its client, feedback targets and metrics."""

    client: TestClient[web.Request, web.Application]
    targets: FeedbackTargets
    metrics: Metrics


def remote_client(address: str) -> Middleware:
    """Make every request look as if it came from ``address``."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        return await handler(request.clone(remote=address))

    return middleware


@asynccontextmanager
async def review_app(
    data_dir: Path,
    config_dir: Path,
    metrics: Metrics | None = None,
    *,
    remote: str | None = None,
    allow_remote: bool = False,
    with_key: bool = True,
    entity_types: frozenset[str] = frozenset(),
    policy: PolicySettings = POLICY,
) -> AsyncIterator[Review]:
    """The review routes and /metrics for ``data_dir``, on 127.0.0.1 with an ephemeral port.

    Feedback goes to ``data_dir``; ``config_dir`` is where an older sladd's plain feedback
    files would be (migrated on the first feedback)."""
    vault = await open_vault(default_vault_url(data_dir), data_dir, {})
    targets = FeedbackTargets(
        data_dir, config_dir / "allow_list.txt", config_dir / "recognizers", {}
    )
    context = ReviewContext(
        data_dir=data_dir,
        admin=AdminToken(TOKEN, "test"),
        token_format=TOKEN_FORMAT,
        feedback=targets,
        cipher=load_audit_cipher(data_dir, {}) if with_key else None,
        lookup=vault.lookup,
        allow_remote=allow_remote,
        entity_types=entity_types,
        policy=policy,
    )
    app = web.Application(middlewares=[remote_client(remote)] if remote else [])
    add_review_routes(app, context)
    app[METRICS] = metrics or Metrics()
    app.router.add_get("/metrics", metrics_handler)
    server = TestServer(app, host="127.0.0.1", port=0)
    try:
        async with TestClient(server) as client:
            yield Review(client, targets, app[METRICS])
    finally:
        await vault.close()
