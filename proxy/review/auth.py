"""Who may use the review page: loopback check, admin token, session, same-origin forms.

Access, checked in this order on every page and form:

1. **Loopback only** (403) unless ``audit.review_allow_remote``: ``request.remote`` must be a
   loopback address, and requests carrying ``Forwarded``/``X-Forwarded-For``/``X-Real-IP``
   are refused — behind a reverse proxy on the same host every client would look local.
2. **Admin token** (401 with a Basic challenge): ``Authorization: Bearer TOKEN``, HTTP Basic
   with the token as password (any user name), or the session cookie set by signing in with
   the form at ``/_sladd/login`` (HttpOnly, SameSite=Strict, path ``/_sladd/``). Sessions are
   kept server-side (:class:`~proxy.review.admin.AdminToken`): signing out ends one, so its
   cookie is refused even if replayed. The token is never accepted in a URL (it would land in
   access logs and browser history) and never echoed.
3. **Forms** (POST) must come from the same origin (``Origin`` header, when sent) and, unless
   the client authenticated with a Bearer header, carry the page's CSRF value.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from aiohttp import web

from proxy.review import html as review_html
from proxy.review.admin import AdminToken

PREFIX = "/_sladd"
COOKIE = "sladd_review"
_FORWARDING_HEADERS = ("Forwarded", "X-Forwarded-For", "X-Real-IP")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


@dataclass(frozen=True, slots=True)
class Visitor:
    """An authenticated client: by Bearer header or not, and its session (``""``: none)."""

    bearer: bool
    session: str


def is_local(request: web.Request) -> bool:
    """Whether the client is on this host and not relayed by a proxy (see module docs)."""
    if any(name in request.headers for name in _FORWARDING_HEADERS):
        return False
    try:
        address = ipaddress.ip_address((request.remote or "").split("%")[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def visitor(request: web.Request, admin: AdminToken) -> Visitor | None:
    """The authenticated visitor, or ``None``."""
    header = request.headers.get("Authorization", "")
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() == "bearer" and admin.matches(credentials.strip()):
        return Visitor(bearer=True, session="")
    if scheme.lower() == "basic":
        password = basic_password(credentials)
        ok = password is not None and admin.matches(password)
        return Visitor(bearer=False, session="") if ok else None
    cookie = request.cookies.get(COOKIE, "")
    if cookie and admin.session_valid(cookie):
        return Visitor(bearer=False, session=cookie)
    return None


def basic_password(credentials: str) -> str | None:
    """The password in HTTP Basic credentials (``base64(user:password)``), or ``None``."""
    try:
        decoded = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    _user, colon, password = decoded.partition(":")
    return password if colon else None


def same_origin(request: web.Request) -> bool:
    """False when the browser says the form came from another origin."""
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host


def form_allowed(request: web.Request, admin: AdminToken, who: Visitor, csrf: str) -> bool:
    """Same origin, and a valid CSRF value unless authenticated by a Bearer header."""
    return same_origin(request) and (who.bearer or admin.csrf_valid(who.session, csrf))


def html_response(
    body: str, status: int = 200, extra: dict[str, str] | None = None
) -> web.Response:
    """An HTML page with the security headers."""
    headers = {**SECURITY_HEADERS, **(extra or {})}
    return web.Response(text=body, status=status, content_type="text/html", headers=headers)


def forbidden() -> web.Response:
    """403 for a remote client."""
    text = "the sladd review page answers loopback clients only (audit.review_allow_remote)\n"
    return web.Response(text=text, status=403, headers=SECURITY_HEADERS)


def unauthorized(request: web.Request) -> web.Response:
    """401 with a Basic challenge and a link to the sign-in form."""
    login = f"{PREFIX}/login?" + urlencode({"next": request.path})
    body = review_html.page(
        "Sign in required",
        f'<h1>Sign in required</h1><p><a href="{review_html.esc(login)}">Sign in</a> with '
        "the admin token.</p>",
        None,
    )
    challenge = {"WWW-Authenticate": 'Basic realm="sladd review", charset="UTF-8"'}
    return html_response(body, 401, challenge)


def next_path(value: str) -> str:
    """Where to go after signing in: a review page, never another site."""
    if value.startswith(f"{PREFIX}/review") and "//" not in value and "\\" not in value:
        return value
    return f"{PREFIX}/review"
