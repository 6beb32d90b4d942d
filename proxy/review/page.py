"""The review page under ``/_sladd/``: recent exchanges, one exchange, feedback forms.

Access control is :mod:`proxy.review.auth` (loopback only unless configured, admin
token, session cookie, same-origin forms with CSRF values). Static assets (CSS, JS) hold no
data and need no token. Reading the log runs in a thread, off the event loop.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from aiohttp import web

from proxy.audit.crypto import AuditCipher, open_scrubbed
from proxy.audit.reader import (
    AuditFilter,
    AuditReader,
    findings_per_day,
    newest_first,
    parse_since,
    summarise,
)
from proxy.audit.record import AuditRecord
from proxy.review import html as review_html
from proxy.review.admin import SESSION_SECONDS, AdminToken
from proxy.review.auth import (
    COOKIE,
    PREFIX,
    SECURITY_HEADERS,
    Visitor,
    forbidden,
    form_allowed,
    html_response,
    is_local,
    next_path,
    same_origin,
    unauthorized,
    visitor,
)
from proxy.review.feedback import (
    FeedbackError,
    FeedbackTargets,
    VaultLookup,
    add_missed,
    mark_false_positive,
)
from proxy.scrub.policy_settings import PolicySettings
from proxy.scrub.tokens import TokenFormat

RECENT = 200
_STATIC = {"review.css": "text/css", "review.js": "text/javascript"}
_DONE = {
    "fp-added": "The value behind that token is now on the allow list, as a keyed hash "
    "(used after a restart).",
    "fp-exists": "That value was already on the allow list.",
    "missed-added": "The span was added to the missed values, as a keyed hash "
    "(found after a restart).",
    "missed-exists": "That span was already among the missed values.",
}


@dataclass(frozen=True, slots=True)
class ReviewContext:
    """What the review page needs from the running sladd.

    ``lookup`` is the vault look-up (``scrubber.vault.lookup``) for false positives;
    ``cipher`` the audit cipher if the key is present (``None``: text stays encrypted).
    ``entity_types``: the types the loaded recognizers report (the filter also lists those
    seen in the log); ``policy``: to say why a kept finding was kept.
    """

    data_dir: Path
    admin: AdminToken
    token_format: TokenFormat
    feedback: FeedbackTargets
    cipher: AuditCipher | None = None
    lookup: VaultLookup | None = None
    allow_remote: bool = False
    entity_types: frozenset[str] = frozenset()
    policy: PolicySettings = dataclasses.field(default_factory=PolicySettings)


REVIEW = web.AppKey("sladd_review", ReviewContext)
Handler = Callable[[web.Request, ReviewContext, Visitor], Awaitable[web.StreamResponse]]
Route = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _redirect(location: str) -> web.Response:
    return web.Response(status=303, headers={**SECURITY_HEADERS, "Location": location})


def guarded(handler: Handler, *, form: bool = False) -> Route:
    """Wrap ``handler`` in the loopback, token and (for forms) origin and CSRF checks."""

    async def checked(request: web.Request) -> web.StreamResponse:
        context = request.app[REVIEW]
        if not (context.allow_remote or is_local(request)):
            return forbidden()
        who = visitor(request, context.admin)
        if who is None:
            return unauthorized(request)
        if form:
            csrf = str((await request.post()).get("csrf", ""))
            if not form_allowed(request, context.admin, who, csrf):
                return web.Response(text="form refused (origin or CSRF check)\n", status=403)
        return await handler(request, context, who)

    return checked


@functools.cache
def _static_file(name: str) -> bytes:
    return (resources.files("proxy.review") / "static" / name).read_bytes()


async def static(request: web.Request) -> web.StreamResponse:
    """CSS and JS: no data, no token needed (still loopback-only)."""
    if not (request.app[REVIEW].allow_remote or is_local(request)):
        return forbidden()
    name = request.match_info["name"]
    if name not in _STATIC:
        raise web.HTTPNotFound()
    body = _static_file(name)
    headers = {"Cache-Control": "max-age=300", "X-Content-Type-Options": "nosniff"}
    return web.Response(body=body, content_type=_STATIC[name], headers=headers)


async def login_page(request: web.Request) -> web.StreamResponse:
    """The sign-in form."""
    if not (request.app[REVIEW].allow_remote or is_local(request)):
        return forbidden()
    after = next_path(request.query.get("next", ""))
    return html_response(review_html.page("Sign in", review_html.login(None, after), None))


async def login(request: web.Request) -> web.StreamResponse:
    """Check the posted token; on success set the session cookie and go on."""
    context = request.app[REVIEW]
    if not (context.allow_remote or is_local(request)):
        return forbidden()
    data = await request.post()
    after = next_path(str(data.get("next", "")))
    if not same_origin(request) or not context.admin.matches(str(data.get("token", ""))):
        body = review_html.login("That is not the admin token.", after)
        return html_response(review_html.page("Sign in", body, None), 401)
    response = _redirect(after)
    response.set_cookie(
        COOKIE,
        context.admin.new_session(),
        max_age=SESSION_SECONDS,
        path=f"{PREFIX}/",
        httponly=True,
        samesite="Strict",
        secure=request.secure,
    )
    return response


async def _logout(request: web.Request, context: ReviewContext, who: Visitor) -> web.StreamResponse:
    """End the session on the server (a replayed cookie is refused) and drop the cookie."""
    if who.session:
        context.admin.end_session(who.session)
    response = _redirect(f"{PREFIX}/login")
    response.del_cookie(COOKIE, path=f"{PREFIX}/")
    return response


def _filter(request: web.Request) -> tuple[str, AuditFilter]:
    since = request.query.get("since", "7d")
    since = since if since in review_html.SINCE_CHOICES else "7d"
    start = parse_since(since, datetime.now(UTC)) if since else None
    route = request.query.get("route") or None
    entity = request.query.get("entity", "").strip().upper() or None
    outcome = request.query.get("outcome") or None
    return since, AuditFilter(start, route, entity, outcome)


def _index_view(
    data_dir: Path, since: str, where: AuditFilter, known: frozenset[str]
) -> review_html.IndexView:
    every = list(AuditReader(data_dir).records(dataclasses.replace(where, entity=None)))
    seen = {t for r in every for t in r.counts}
    records = [r for r in every if where.matches(r)]
    first = where.since.date() if where.since is not None else None
    per_day = findings_per_day(records, first, datetime.now(UTC).date() if first else None)
    recent = newest_first(records)[:RECENT]
    types = tuple(sorted(known | seen))
    return review_html.IndexView(since, where, summarise(records), per_day, recent, types)


async def _index(request: web.Request, context: ReviewContext, who: Visitor) -> web.StreamResponse:
    since, where = _filter(request)
    view = await asyncio.to_thread(
        _index_view, context.data_dir, since, where, context.entity_types
    )
    csrf = context.admin.csrf(who.session) if who.session else None
    return html_response(review_html.page("Redaction log", review_html.index(view), csrf))


async def _record(request: web.Request, context: ReviewContext) -> AuditRecord:
    request_id = request.match_info["request_id"]
    record = await asyncio.to_thread(AuditReader(context.data_dir).find, request_id)
    if record is None:
        raise web.HTTPNotFound(text="no such exchange in the audit log\n")
    return record


def _exchange_page(
    record: AuditRecord, context: ReviewContext, who: Visitor, note: str | None, error: bool
) -> str:
    view = review_html.ExchangeView(
        record=record,
        scrubbed=open_scrubbed(record.request_id, record.scrubbed, context.cipher),
        token_format=context.token_format,
        csrf=context.admin.csrf(who.session),
        can_mark=context.lookup is not None,
        note=note,
        error=error,
        policy=context.policy,
        entity_types=tuple(sorted(context.entity_types)),
    )
    csrf = view.csrf if who.session else None
    return review_html.page(f"Exchange {record.request_id}", review_html.exchange(view), csrf)


async def _exchange(
    request: web.Request, context: ReviewContext, who: Visitor
) -> web.StreamResponse:
    record = await _record(request, context)
    note = _DONE.get(request.query.get("done", ""))
    return html_response(_exchange_page(record, context, who, note, False))


async def _false_positive(
    request: web.Request, context: ReviewContext, who: Visitor
) -> web.StreamResponse:
    record = await _record(request, context)
    data = await request.post()
    try:
        if context.lookup is None:
            raise FeedbackError("this sladd has no vault look-up for feedback")
        number = int(str(data.get("finding", "")))
        result = await mark_false_positive(
            record, number, context.lookup, context.token_format, context.feedback
        )
    except (FeedbackError, ValueError) as exc:
        reason = str(exc) if isinstance(exc, FeedbackError) else "no such finding"
        return html_response(_exchange_page(record, context, who, reason, True), 409)
    done = "fp-added" if result.added else "fp-exists"
    return _redirect(f"{PREFIX}/review/{record.request_id}?done={done}")


async def _missed(request: web.Request, context: ReviewContext, who: Visitor) -> web.StreamResponse:
    record = await _record(request, context)
    data = await request.post()
    view = open_scrubbed(record.request_id, record.scrubbed, context.cipher)
    text, entity = str(data.get("text", "")), str(data.get("entity", "")).strip().upper()
    try:
        result = await asyncio.to_thread(
            add_missed, record, text, entity, context.feedback, view.slots
        )
    except FeedbackError as exc:
        return html_response(_exchange_page(record, context, who, str(exc), True), 409)
    done = "missed-added" if result.added else "missed-exists"
    return _redirect(f"{PREFIX}/review/{record.request_id}?done={done}")


def add_review_routes(
    app: web.Application,
    context: ReviewContext,
    passthrough: tuple[Callable[[web.Request], bool], Route] | None = None,
) -> None:
    """Serve the review page under ``/_sladd/`` (add before any catch-all route).

    ``passthrough`` is ``(is_forwarded, proxy_handler)``: requests for which the predicate
    holds — an LLM host's ``/_sladd/...`` reached through the forward proxy — go to the
    proxy handler instead of the review page.
    """
    app[REVIEW] = context
    routes: list[tuple[str, str, Route]] = [
        ("GET", "static/{name}", static),
        ("GET", "login", login_page),
        ("POST", "login", login),
        ("POST", "logout", guarded(_logout, form=True)),
        ("GET", "review", guarded(_index)),
        ("GET", "review/{request_id}", guarded(_exchange)),
        ("POST", "review/{request_id}/false-positive", guarded(_false_positive, form=True)),
        ("POST", "review/{request_id}/missed", guarded(_missed, form=True)),
    ]
    for method, path, route in routes:
        app.router.add_route(method, f"{PREFIX}/{path}", _bypassed(route, passthrough))


def _bypassed(
    route: Route, passthrough: tuple[Callable[[web.Request], bool], Route] | None
) -> Route:
    if passthrough is None:
        return route
    applies, proxy = passthrough

    async def either(request: web.Request) -> web.StreamResponse:
        return await (proxy if applies(request) else route)(request)

    return either
