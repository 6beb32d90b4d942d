"""sladd's own logs and data dir hold no request bytes, whatever a client sends.

The access log writes the path's shape, never the query or a header value; aiohttp's error
log (whose parser errors quote the offending bytes) is cut to the exception type. The last
test runs a real ``sladd serve``, sends it hostile and malformed requests full of canaries,
and then looks for them in everything the process wrote.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import signal
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest
from aiohttp import web

from proxy.audit.crypto import load_audit_cipher, open_scrubbed
from proxy.audit.reader import AuditReader
from proxy.support.safe_logs import (
    FILTERED_LOGGERS,
    NoRequestBytes,
    SafeAccessLogger,
    install_log_filters,
    path_shape,
)
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.test_deny_by_default_cases import FORWARDED_CLEAN, REFUSED

REPO = Path(__file__).resolve().parents[2]
LISTENING = re.compile(rb"sladd listening on http://[^:]+:(\d+)")
FNR, NAME, PHONE, MAIL = "13097248022", "Kari Nordmann", "91234567", "kari.nordmann@gmail.com"
CANARIES = (FNR, NAME, "Nordmann", PHONE, MAIL, "kari.nordmann")
QUERY = f"patient={quote(NAME)}&fnr={FNR}&tlf={PHONE}&mail={quote(MAIL, safe='')}"
CHAT = json.dumps({"model": "m", "messages": [{"role": "user", "content": "hei"}]}).encode()


def _forms(value: str) -> set[str]:
    """``value`` as text, URL-encoded both ways and JSON-escaped; compared lower-cased."""
    forms = {value, quote(value), quote(value, safe=""), quote_plus(value), json.dumps(value)}
    return {form.strip('"').lower() for form in forms}


def assert_no_canary(raw: bytes, where: str) -> None:
    text = raw.decode("utf-8", "replace").lower()
    for canary in CANARIES:
        for form in _forms(canary):
            assert form not in text, (canary, form, where)


def _request(method: str, target: str, body: bytes = b"", headers: tuple[str, ...] = ()) -> bytes:
    head = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", *headers]
    if body:
        head += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def _json(payload: object) -> bytes:
    return json.dumps(payload).encode()


HOSTILE: tuple[bytes, ...] = (
    _request("POST", f"/v1/chat/completions?{QUERY}", CHAT),
    _request("GET", f"/v1/models?{QUERY}"),
    _request("POST", f"/ollama/api/chat?who={quote_plus(NAME)}", CHAT),
    _request(
        "POST",
        "/v1/chat/completions",
        CHAT,
        (f"X-Patient: {NAME} {FNR}", f"User-Agent: {NAME}", f"Referer: http://j/{FNR}?{QUERY}"),
    ),
    f"POST /v1/chat/completions?fnr={FNR} {NAME} HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
    f"GET /healthz HTTP/1.1\r\nX-Patient {NAME} {FNR}\r\n\r\n".encode(),
    f"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nKARI{FNR} /{MAIL} HTTP/1.1\r\n\r\n".encode(),
    (  # a body without Content-Length: aiohttp reads it as the next request
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\r\n"
        + _json({"model": f"{NAME} {FNR}", "messages": [{"role": "user", "content": MAIL}]})
    ),
    f"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: {(NAME + FNR) * 500}\r\n\r\n".encode(),
    (
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + f"{NAME} {FNR}\r\n".encode()
    ),
    _request("POST", "/v1/chat/completions", f"{NAME} {FNR} {PHONE}".encode()),
    _request("POST", "/v1/chat/completions", b"", ("Content-Length: 0",)),
    _request(
        "POST", "/v1/chat/completions", b"\x1f\x8b" + FNR.encode(), ("Content-Encoding: gzip",)
    ),
    _request("POST", "/v1/chat/completions", _json({"model": MAIL, "messages": []})),
    _request(
        "POST",
        "/v1/chat/completions",
        _json(
            {
                "model": MAIL,
                "messages": [{"role": "user", "content": "hei"}],
                "metadata": {"note": f"{NAME} {FNR}"},
                "x_unknown": f"{PHONE} {MAIL}",
            }
        ),
    ),
    _request("POST", f"/v1/patients/{FNR}", CHAT),
    _request("GET", f"/v1/models/{quote(NAME)}"),
    _request("POST", f"http://{FNR}.example/v1/chat/completions?{QUERY}", CHAT),
    f"CONNECT kari-nordmann-{FNR}.example:443 HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
)


def _header_lines(headers: dict[str, str]) -> tuple[str, ...]:
    return tuple(f"{name}: {value}" for name, value in headers.items())


DENY_BY_DEFAULT_CASES: tuple[bytes, ...] = tuple(
    [_request("POST", path, raw, _header_lines(head)) for path, head, raw, _ in REFUSED.values()]
    + [
        _request("POST", path, _json(body), _header_lines(head))
        for path, head, body in FORWARDED_CLEAN.values()
    ]
)
"""Every structural leak of ``test_deny_by_default_cases`` (refused or forwarded clean)."""


async def _exchange(port: int, raw: bytes) -> bytes:
    """Send ``raw`` and read until sladd closes (or stops answering)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(raw)
        await writer.drain()
        with contextlib.suppress(TimeoutError, ConnectionError):
            return await asyncio.wait_for(reader.read(), timeout=15)
        return b""
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()


async def _served_port(process: asyncio.subprocess.Process, log: Path) -> int:
    for _ in range(1200):
        found = LISTENING.search(log.read_bytes())
        if found:
            return int(found.group(1))
        if process.returncode is not None:
            raise AssertionError(f"sladd serve exited early:\n{log.read_text()}")
        await asyncio.sleep(0.1)
    raise AssertionError("sladd serve did not start listening")


@contextlib.asynccontextmanager
async def _sladd_serve(
    upstream: FakeUpstream, data_dir: Path, log: Path, config: Path
) -> AsyncIterator[int]:
    url = upstream.base_url
    routes = (f"openai={url}/v1", f"ollama={url}", f"anthropic={url}")
    args = [a for route in routes for a in ("--route", route)]
    with log.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "proxy.cli.main", "serve", "--config", str(config)),
            *("--port", "0", "--data-dir", str(data_dir), *args),
            cwd=REPO,
            stdout=output,
            stderr=asyncio.subprocess.STDOUT,
        )
    try:
        yield await _served_port(process, log)
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), timeout=60) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


def _config(tmp_path: Path) -> Path:
    """The shipped defaults, with scrubbed text stored (encrypted) so it can be checked too."""
    config = tmp_path / "conf" / "sladd.toml"
    config.parent.mkdir()
    recognizers = json.dumps(str(REPO / "recognizers"))
    text = f"[detection]\ncustom_recognizers_dir = {recognizers}\n"
    config.write_text(text + "[audit]\nstore_scrubbed_text = true\n", encoding="utf-8")
    return config


@pytest.mark.timeout(300)
async def test_sladd_serve_writes_no_canary_anywhere(
    upstream: FakeUpstream, tmp_path: Path
) -> None:
    data_dir, log = tmp_path / "data", tmp_path / "sladd.log"
    async with _sladd_serve(upstream, data_dir, log, _config(tmp_path)) as port:
        replies = [await _exchange(port, raw) for raw in HOSTILE + DENY_BY_DEFAULT_CASES]
    assert replies[0].startswith(b"HTTP/1.1 400") and b"sladd_identifying_query" in replies[0]
    answered = replies[len(HOSTILE) :]
    assert all(reply.startswith((b"HTTP/1.1 200", b"HTTP/1.1 400")) for reply in answered)
    assert_no_canary(log.read_bytes(), "the serve log")
    files = [path for path in data_dir.rglob("*") if path.is_file()]
    assert any(path.parent.name == "audit" for path in files)
    for path in files:
        assert_no_canary(path.read_bytes(), str(path.relative_to(data_dir)))
    records = list(AuditReader(data_dir).records())
    models = {"", "m", "?", "gpt-x", "claude-x"}  # the cases' own model names
    assert records and all(record.model in models for record in records)
    cipher = load_audit_cipher(data_dir, {})
    for record in records:
        assert_no_canary(json.dumps(record.to_json()).encode(), "an audit record")
        view = open_scrubbed(record.request_id, record.scrubbed, cipher)
        assert_no_canary(repr(view.slots).encode(), "a record's scrubbed text")
    for sent in upstream.requests:  # what left: never a query or header canary
        assert_no_canary(json.dumps([sent.query, sent.headers]).encode(), sent.path)


@contextlib.asynccontextmanager
async def _served(app: web.Application) -> AsyncIterator[int]:
    """``app`` on 127.0.0.1:0 with sladd's access logger; yields the port."""
    runner = web.AppRunner(app, access_log_class=SafeAccessLogger)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield int(runner.addresses[0][1])
    finally:
        await runner.cleanup()


async def test_access_log_writes_the_path_shape_only(caplog: pytest.LogCaptureFixture) -> None:
    async def ok(_: web.Request) -> web.Response:
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", ok)
    caplog.set_level(logging.INFO, logger="aiohttp.access")
    async with _served(app) as port:
        target = f"/v1/models/{FNR}?{QUERY}"
        await _exchange(port, _request("GET", target, b"", (f"User-Agent: {NAME}",)))
    lines = [r.getMessage() for r in caplog.records if r.name == "aiohttp.access"]
    assert len(lines) == 1 and '"GET /v1/models/*" 200' in lines[0]
    assert_no_canary(caplog.text.encode(), "the access log")


@pytest.fixture
def log_filters() -> Iterator[None]:
    """:func:`install_log_filters` for one test, as ``sladd serve`` installs them."""
    install_log_filters()
    yield
    for name in FILTERED_LOGGERS:
        logger = logging.getLogger(name)
        for installed in [f for f in logger.filters if isinstance(f, NoRequestBytes)]:
            logger.removeFilter(installed)


@pytest.mark.usefixtures("log_filters")
async def test_parser_errors_are_logged_by_type_only(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    async with _served(web.Application()) as port:
        await _exchange(port, HOSTILE[5])  # a header line without a colon
        await _exchange(port, HOSTILE[7])  # a body read as the next request
    errors = [r for r in caplog.records if r.name == "aiohttp.server"]
    assert errors and all(r.exc_info is None for r in errors)
    assert any("BadHttp" in r.getMessage() or "BadStatus" in r.getMessage() for r in errors)
    assert_no_canary(caplog.text.encode(), "aiohttp's error log")


@pytest.mark.parametrize(
    ("path", "shape"),
    [
        ("/v1/chat/completions", "/v1/chat/completions"),
        (
            "/azure/openai/deployments/gpt-4o/chat/completions",
            "/azure/openai/deployments/*/chat/completions",
        ),
        (f"/v1/files/{FNR}/content", "/v1/files/*/content"),
        ("/", "/"),
    ],
)
def test_path_shape(path: str, shape: str) -> None:
    assert path_shape(path) == shape
