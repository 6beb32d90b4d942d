"""The review page: who may see it, what it shows, and feedback from it."""

from __future__ import annotations

import re
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from proxy.detection.detector import Detector
from proxy.review.admin import AdminToken
from proxy.review.auth import COOKIE
from proxy.review.feedback import FeedbackTargets
from proxy.review.feedback_store import load_hashes
from proxy.review.page import ReviewContext, add_review_routes
from proxy.scrub.tokens import TokenFormat
from recognizers.registry import build_recognizers
from tests.proxy.audit.exchanges import MISSED, Recorded, assert_no_value_in, assert_no_values
from tests.proxy.review.review_app import TOKEN, Review, review_app

BEARER = {"Authorization": f"Bearer {TOKEN}"}
MISSED_NAME = ("Tussa",)  # shown in the decrypted scrubbed text, by design


async def login(review: Review) -> str:
    """Sign in with the form; the CSRF value of the next page."""
    form = {"token": TOKEN, "next": "/_sladd/review"}
    response = await review.client.post("/_sladd/login", data=form, allow_redirects=False)
    assert response.status == 303
    assert response.headers["Location"] == "/_sladd/review"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    assert "Path=/_sladd/" in cookie
    assert TOKEN not in cookie
    page = await (await review.client.get("/_sladd/review")).text()
    match = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert match, "signed-in pages carry a CSRF value"
    return match.group(1)


@pytest.mark.parametrize(
    "path",
    ["/_sladd/review", "/_sladd/review/abc", "/_sladd/review?since=all"],
)
async def test_401_without_token(recorded: Recorded, tmp_path: Path, path: str) -> None:
    async with review_app(recorded.data_dir, tmp_path) as review:
        response = await review.client.get(path)
        assert response.status == 401
        assert response.headers["WWW-Authenticate"].startswith("Basic ")
        body = await response.text()
        assert "/_sladd/login" in body
        assert recorded.records[0].request_id not in body


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer wrong-token-wrong-token"},
        {"Authorization": "Basic !!notbase64"},
        {"Authorization": aiohttp.encode_basic_auth("admin", "wrong")},
        {"Cookie": f"{COOKIE}=99999999999.deadbeef"},
    ],
)
async def test_401_with_a_wrong_credential(
    recorded: Recorded, tmp_path: Path, headers: dict[str, str]
) -> None:
    async with review_app(recorded.data_dir, tmp_path) as review:
        assert (await review.client.get("/_sladd/review", headers=headers)).status == 401


async def test_token_as_bearer_or_basic_password(recorded: Recorded, tmp_path: Path) -> None:
    basic = {"Authorization": aiohttp.encode_basic_auth("anyone", TOKEN)}
    async with review_app(recorded.data_dir, tmp_path) as review:
        for headers in (BEARER, basic):
            response = await review.client.get("/_sladd/review", headers=headers)
            assert response.status == 200
            assert response.headers["Cache-Control"] == "no-store"
            assert "default-src 'none'" in response.headers["Content-Security-Policy"]
        assert (await review.client.get(f"/_sladd/review?token={TOKEN}")).status == 401


@pytest.mark.parametrize("remote", ["203.0.113.7", "10.0.0.5", "::ffff:192.0.2.1", "2001:db8::1"])
async def test_403_from_a_non_loopback_client_even_with_the_token(
    recorded: Recorded, tmp_path: Path, remote: str
) -> None:
    async with review_app(recorded.data_dir, tmp_path, remote=remote) as review:
        for path in ("/_sladd/review", "/_sladd/login", "/_sladd/static/review.css"):
            assert (await review.client.get(path, headers=BEARER)).status == 403


async def test_forwarded_requests_look_remote(recorded: Recorded, tmp_path: Path) -> None:
    async with review_app(recorded.data_dir, tmp_path) as review:
        headers = {**BEARER, "X-Forwarded-For": "198.51.100.4"}
        assert (await review.client.get("/_sladd/review", headers=headers)).status == 403


async def test_remote_clients_when_allowed_still_need_the_token(
    recorded: Recorded, tmp_path: Path
) -> None:
    async with review_app(
        recorded.data_dir, tmp_path, remote="203.0.113.7", allow_remote=True
    ) as review:
        assert (await review.client.get("/_sladd/review")).status == 401
        assert (await review.client.get("/_sladd/review", headers=BEARER)).status == 200


async def test_ipv6_loopback_is_local(recorded: Recorded, tmp_path: Path) -> None:
    async with review_app(recorded.data_dir, tmp_path, remote="::1") as review:
        assert (await review.client.get("/_sladd/review", headers=BEARER)).status == 200


async def test_list_page_shows_counts_chart_and_exchanges(
    recorded: Recorded, tmp_path: Path
) -> None:
    async with review_app(recorded.data_dir, tmp_path) as review:
        page = await (await review.client.get("/_sladd/review", headers=BEARER)).text()
    assert '<b id="requests">3</b>' in page
    assert '<b id="blocked">1</b>' in page
    assert "<svg" in page
    assert "NO_FODSELSNUMMER" in page
    for record in recorded.records:
        assert f'href="/_sladd/review/{record.request_id}"' in page
    assert "<script>" not in page  # no inline script; one static file
    assert "https://" not in page  # no CDN
    assert_no_values(page, allow=MISSED_NAME)


async def test_list_page_filters(recorded: Recorded, tmp_path: Path) -> None:
    ids = [r.request_id for r in recorded.records]
    async with review_app(recorded.data_dir, tmp_path) as review:
        get = review.client.get
        anthropic = await (await get("/_sladd/review?route=anthropic", headers=BEARER)).text()
        email = await (await get("/_sladd/review?entity=email_address", headers=BEARER)).text()
    assert ids[1] in anthropic
    assert ids[0] not in anthropic
    assert ids[0] in email
    assert ids[2] not in email


async def test_exchange_page_highlights_tokens_by_type(recorded: Recorded, tmp_path: Path) -> None:
    record = recorded.records[0]
    async with review_app(recorded.data_dir, tmp_path) as review:
        response = await review.client.get(f"/_sladd/review/{record.request_id}", headers=BEARER)
        page = await response.text()
    assert response.status == 200
    assert "decrypted with the audit key" in page
    assert re.search(r'<mark class="c\d" title="PERSON">\[PERSON_1\]</mark>', page)
    assert re.search(r'<mark class="c\d red" title="HPR">\[REDACTED_HPR\]</mark>', page)
    assert "Hb 12,9, INR 2,4, Parkinsons sykdom" in page
    assert "PersonContextRecognizer" in page
    markable = [f for f in record.findings if f.action in {"pseudonymised", "blocked"}]
    assert page.count("False positive</button>") == len(markable)
    assert_no_values(page, allow=MISSED_NAME)


async def test_exchange_page_without_the_audit_key(recorded: Recorded, tmp_path: Path) -> None:
    record = recorded.records[0]
    async with review_app(recorded.data_dir, tmp_path, with_key=False) as review:
        page = await (
            await review.client.get(f"/_sladd/review/{record.request_id}", headers=BEARER)
        ).text()
    assert "stored encrypted; no audit key here" in page
    assert "Hb 12,9" not in page
    assert "[PERSON_1]" in page  # tokens are in the findings table either way


async def test_unknown_exchange_is_404(recorded: Recorded, tmp_path: Path) -> None:
    async with review_app(recorded.data_dir, tmp_path) as review:
        response = await review.client.get("/_sladd/review/" + "f" * 32, headers=BEARER)
        assert response.status == 404


async def test_session_login_and_csrf_protected_false_positive(
    recorded: Recorded, tmp_path: Path
) -> None:
    record = recorded.records[0]
    url = f"/_sladd/review/{record.request_id}/false-positive"
    number = str(recorded.number(0, action="pseudonymised", entity_type="PERSON"))
    async with review_app(recorded.data_dir, tmp_path) as review:
        csrf = await login(review)
        refused = await review.client.post(url, data={"finding": number}, allow_redirects=False)
        assert refused.status == 403
        cross_site = await review.client.post(
            url,
            data={"finding": number, "csrf": csrf},
            headers={"Origin": "https://evil.example"},
            allow_redirects=False,
        )
        assert cross_site.status == 403
        assert not review.targets.store.exists()
        done = await review.client.post(url, data={"finding": number, "csrf": csrf})
        page = await done.text()
    assert done.status == 200
    assert "now on the allow list" in page
    hashes = load_hashes(review.targets)
    assert hashes is not None
    assert hashes.is_allowed(recorded.value(0, int(number)))
    assert_no_values(page, allow=MISSED_NAME)
    assert_no_value_in(tmp_path)


async def test_false_positive_refusal_is_shown_without_values(
    recorded: Recorded, tmp_path: Path
) -> None:
    record = recorded.records[0]
    url = f"/_sladd/review/{record.request_id}/false-positive"
    async with review_app(recorded.data_dir, tmp_path) as review:
        number = str(recorded.number(0, action="redacted"))
        response = await review.client.post(url, data={"finding": number}, headers=BEARER)
        page = await response.text()
    assert response.status == 409
    assert "was redacted" in page
    assert_no_values(page, allow=MISSED_NAME)


async def test_missed_span_from_the_page(recorded: Recorded, tmp_path: Path) -> None:
    record = recorded.records[2]
    url = f"/_sladd/review/{record.request_id}/missed"
    async with review_app(recorded.data_dir, tmp_path) as review:
        response = await review.client.post(
            url, data={"text": "Tussa", "entity": "person"}, headers=BEARER
        )
        assert response.status == 200
        assert "added to the missed values" in await response.text()
        wrong = await review.client.post(
            url, data={"text": "Ola Hansen", "entity": "PERSON"}, headers=BEARER
        )
        assert wrong.status == 409
        assert "Ola Hansen" not in await wrong.text()
    assert not (tmp_path / "recognizers").exists()
    assert_no_value_in(tmp_path)
    detector = Detector(build_recognizers(None, load_hashes(review.targets)))
    found = {(f.entity_type, MISSED[f.start : f.end]) for f in detector.detect(MISSED)}
    assert ("PERSON", "Tussa") in found


async def test_logout_ends_the_session(recorded: Recorded, tmp_path: Path) -> None:
    async with review_app(recorded.data_dir, tmp_path) as review:
        csrf = await login(review)
        jar = review.client.session.cookie_jar
        old = jar.filter_cookies(review.client.make_url("/_sladd/review"))[COOKIE].value
        replay = {"Cookie": f"{COOKIE}={old}"}
        jar.clear()  # from here on the session travels only as the replayed header
        assert (await review.client.get("/_sladd/review", headers=replay)).status == 200
        response = await review.client.post("/_sladd/logout", data={"csrf": csrf}, headers=replay)
        assert response.status == 200  # followed to the sign-in form
        assert (await review.client.get("/_sladd/review")).status == 401
        # The old cookie, replayed (a copy taken before logout), is refused by the server.
        assert (await review.client.get("/_sladd/review", headers=replay)).status == 401


async def test_wrong_login_is_401_and_does_not_echo(recorded: Recorded, tmp_path: Path) -> None:
    async with review_app(recorded.data_dir, tmp_path) as review:
        response = await review.client.post(
            "/_sladd/login", data={"token": "guess-guess-guess", "next": "https://evil.example/"}
        )
        body = await response.text()
    assert response.status == 401
    assert "guess-guess-guess" not in body
    assert "evil.example" not in body
    assert COOKIE not in response.headers.get("Set-Cookie", "")


async def test_static_assets_need_no_token_but_only_known_names(
    recorded: Recorded, tmp_path: Path
) -> None:
    async with review_app(recorded.data_dir, tmp_path) as review:
        css = await review.client.get("/_sladd/static/review.css")
        assert css.status == 200
        assert css.content_type == "text/css"
        assert (await review.client.get("/_sladd/static/review.js")).status == 200
        assert (await review.client.get("/_sladd/static/..%2Fwriter.py")).status == 404


async def test_passthrough_sends_forwarded_requests_to_the_proxy(tmp_path: Path) -> None:
    async def proxy(request: web.Request) -> web.StreamResponse:
        return web.Response(text="proxied", status=202)

    def forwarded(request: web.Request) -> bool:
        return "X-Test-Forwarded" in request.headers

    context = ReviewContext(
        data_dir=tmp_path,
        admin=AdminToken(TOKEN, "test"),
        token_format=TokenFormat("[{type}_{n}]"),
        feedback=FeedbackTargets(tmp_path),
    )
    app = web.Application()
    add_review_routes(app, context, passthrough=(forwarded, proxy))
    async with TestClient(TestServer(app, host="127.0.0.1", port=0)) as client:
        relayed = await client.get("/_sladd/review", headers={"X-Test-Forwarded": "1"})
        assert relayed.status == 202
        assert (await client.get("/_sladd/review")).status == 401
        assert (await client.get("/_sladd/login")).status == 200
