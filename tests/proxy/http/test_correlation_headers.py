"""``X-Sladd-Request-Id`` and ``X-Sladd-Findings`` on every answer to a provider request.

The official SDKs read them from whole and streamed answers; the id is the one
``sladd logs show ID`` shows, and the count is what that record says was replaced. sladd's
own error answers carry the id only; an upstream cannot forge either header; a client's
``X-Sladd-*`` headers never reach the upstream; a browser may read them when the upstream
allows cross-origin reads.
"""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import anthropic
import openai
import pytest
from anthropic.types import MessageParam
from openai.types.chat import ChatCompletionMessageParam

from proxy.audit.metrics import Metrics
from proxy.audit.reader import AuditReader
from proxy.audit.settings import AuditSettings
from proxy.audit.writer import AuditLog
from proxy.cli.logs import build_parser, run
from proxy.detection.detector import Detector
from proxy.http.reply_headers import REPLACED_ACTIONS
from proxy.settings import Settings
from proxy.vault.memory import MemoryVault
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.conftest import routed_settings
from tests.proxy.http.running import eventually, serving
from tests.proxy.patient import PROMPT

ID, FINDINGS = "X-Sladd-Request-Id", "X-Sladd-Findings"
USER: list[ChatCompletionMessageParam] = [{"role": "user", "content": PROMPT}]
CLAUDE_USER: list[MessageParam] = [{"role": "user", "content": PROMPT}]
PLAIN: list[ChatCompletionMessageParam] = [{"role": "user", "content": "Skriv et dikt om havet."}]


@dataclasses.dataclass
class Audited:
    """A running sladd that keeps a redaction log in ``settings.data_dir``."""

    url: str
    settings: Settings

    async def shown(self, request_id: str) -> dict[str, object]:
        """``sladd logs show ID --format json``, once the record is written."""
        reader = AuditReader(self.settings.resolved_data_dir())

        async def written() -> bool:
            return reader.find(request_id) is not None

        assert await eventually(written, 30.0), f"no record {request_id}"
        out, err = io.StringIO(), io.StringIO()
        args = ["show", request_id, "--format", "json", "--data-dir", str(self.settings.data_dir)]
        assert run(build_parser().parse_args(args), out, err, {}) == 0, err.getvalue()
        document = json.loads(out.getvalue())
        assert isinstance(document, dict)
        return document

    async def assert_correlates(self, headers: Mapping[str, str]) -> None:
        """The headers name a logged exchange, and count what its record says was replaced."""
        request_id = headers[ID]
        document = await self.shown(request_id)
        assert document["request_id"] == request_id
        findings = document["findings"]
        assert isinstance(findings, list)
        replaced = sum(1 for f in findings if f["action"] in REPLACED_ACTIONS)
        assert replaced > 0
        assert headers[FINDINGS] == str(replaced)


@asynccontextmanager
async def audited_sladd(
    settings: Settings, detector: Detector, data_dir: Path
) -> AsyncIterator[Audited]:
    """sladd with a redaction log in ``data_dir``."""
    settings = dataclasses.replace(settings, data_dir=data_dir)
    audit = AuditLog.open(data_dir, AuditSettings(), Metrics(), {})
    async with serving(settings, detector, audit=audit) as url:
        yield Audited(url, settings)


@pytest.fixture
async def audited(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream, tmp_path: Path
) -> AsyncIterator[Audited]:
    settings = routed_settings(base_settings, upstream)
    async with audited_sladd(settings, detector, tmp_path / "data") as running:
        yield running


async def test_openai_sdk_reads_both_headers_of_whole_and_streamed_answers(
    audited: Audited,
) -> None:
    async with openai.AsyncOpenAI(
        base_url=f"{audited.url}/v1", api_key="sk-clinic", max_retries=0
    ) as client:
        whole = await client.chat.completions.with_raw_response.create(model="m", messages=USER)
        assert whole.parse().choices[0].message.content == PROMPT
        streamed = await client.chat.completions.with_raw_response.create(
            model="m", messages=USER, stream=True
        )
        chunks = streamed.parse()
        assert isinstance(chunks, openai.AsyncStream)
        text = "".join([c.choices[0].delta.content or "" async for c in chunks])
        assert text == PROMPT
    assert whole.headers[ID] != streamed.headers[ID]
    await audited.assert_correlates(whole.headers)
    await audited.assert_correlates(streamed.headers)


async def test_anthropic_sdk_reads_both_headers_of_whole_and_streamed_answers(
    audited: Audited,
) -> None:
    async with anthropic.AsyncAnthropic(
        base_url=audited.url, api_key="sk-ant-clinic", max_retries=0
    ) as client:
        whole = await client.messages.with_raw_response.create(
            model="claude-x", max_tokens=100, messages=CLAUDE_USER
        )
        message = await whole.parse()
        assert message.content[0].text == PROMPT  # type: ignore[union-attr]
        async with client.messages.stream(
            model="claude-x", max_tokens=100, messages=CLAUDE_USER
        ) as stream:
            assert await stream.get_final_text() == PROMPT
            streamed_headers = stream.response.headers
    assert whole.headers[ID] != streamed_headers[ID]
    await audited.assert_correlates(whole.headers)
    await audited.assert_correlates(streamed_headers)


async def test_no_findings_header_when_nothing_was_replaced(audited: Audited) -> None:
    async with openai.AsyncOpenAI(
        base_url=f"{audited.url}/v1", api_key="sk-clinic", max_retries=0
    ) as client:
        reply = await client.chat.completions.with_raw_response.create(model="m", messages=PLAIN)
    assert FINDINGS not in reply.headers
    document = await audited.shown(reply.headers[ID])
    findings = document["findings"]
    assert isinstance(findings, list)
    assert not [f for f in findings if f["action"] in REPLACED_ACTIONS]


async def test_sladds_own_error_answers_carry_the_id_only(
    base_settings: Settings, detector: Detector, tmp_path: Path
) -> None:
    async with FakeUpstream() as gone:
        settings = routed_settings(base_settings, gone)
    # the upstream is closed now: findings are replaced, then forwarding fails (502)
    async with audited_sladd(settings, detector, tmp_path / "data") as running:
        async with openai.AsyncOpenAI(
            base_url=f"{running.url}/v1", api_key="sk-clinic", max_retries=0
        ) as client:
            with pytest.raises(openai.APIStatusError) as unreachable:
                await client.chat.completions.create(model="m", messages=USER)
            with pytest.raises(openai.BadRequestError) as invalid:
                await client.post("/chat/completions", body=[1, 2], cast_to=object)
        for error, status, outcome in ((unreachable, 502, "failed"), (invalid, 400, "refused")):
            response = error.value.response
            assert response.status_code == status
            assert FINDINGS not in response.headers
            document = await running.shown(response.headers[ID])
            assert (document["status"], document["outcome"]) == (status, outcome)
            assert document["request_id"] == response.headers[ID]


async def test_upstream_cannot_forge_the_headers_and_browsers_may_read_them(
    audited: Audited, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    upstream.script(
        headers=(
            ("X-Sladd-Request-Id", "forged"),
            ("X-Sladd-Findings", "0"),
            ("x-sladd-other", "forged"),
            ("Access-Control-Allow-Origin", "https://app.example"),
            ("Access-Control-Expose-Headers", "x-request-id"),
        )
    )
    body = {"model": "m", "messages": USER}
    async with http.post(f"{audited.url}/v1/chat/completions", json=body) as response:
        assert response.status == 200
        headers = response.headers
    assert headers.getall(ID) != ["forged"] and len(headers.getall(ID)) == 1
    assert len(headers.getall(FINDINGS)) == 1
    assert "x-sladd-other" not in headers
    assert headers["Access-Control-Allow-Origin"] == "https://app.example"
    exposed = headers.getall("Access-Control-Expose-Headers")
    assert exposed == [f"x-request-id, {ID}, {FINDINGS}"]
    await audited.assert_correlates(headers)


async def test_no_cors_headers_are_invented_for_an_upstream_without_them(
    audited: Audited, http: aiohttp.ClientSession
) -> None:
    body = {"model": "m", "messages": USER}
    async with http.post(f"{audited.url}/v1/chat/completions", json=body) as response:
        assert response.status == 200
        assert not [name for name in response.headers if name.lower().startswith("access-")]
        assert response.headers[FINDINGS]


async def test_a_clients_sladd_headers_never_reach_the_upstream(
    audited: Audited, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    sent = {ID: "client-chosen", FINDINGS: "7", "Connection": "keep-alive"}
    body = {"model": "m", "messages": USER, "stream": True}
    async with http.post(f"{audited.url}/v1/chat/completions", json=body, headers=sent) as response:
        await response.read()
        assert response.headers[ID] != "client-chosen"
        assert response.headers[FINDINGS] != "7"
    assert not [name for name in upstream.last.headers if name.startswith("x-sladd-")]
    await audited.assert_correlates(response.headers)


class LookupFails(MemoryVault):
    """A vault that stores, but whose look-ups fail unexpectedly (not a ``VaultError``)."""

    async def lookup(self, scope: str, label: str, number: int) -> str | None:
        raise RuntimeError("unexpected")


async def test_an_internal_error_answer_names_the_exchanges_own_record(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    settings = dataclasses.replace(routed_settings(base_settings, upstream), data_dir=data_dir)
    audit = AuditLog.open(data_dir, AuditSettings(), Metrics(), {})
    upstream.script(reply="Om [PERSON_9]")  # not issued by this request: the vault is asked
    async with serving(settings, detector, LookupFails(), audit=audit) as url:
        running = Audited(url, settings)
        async with openai.AsyncOpenAI(
            base_url=f"{url}/v1", api_key="sk-clinic", max_retries=0
        ) as client:
            with pytest.raises(openai.InternalServerError) as error:
                await client.chat.completions.create(model="m", messages=USER)
        response = error.value.response
        assert error.value.code == "sladd_internal_error"
        assert FINDINGS not in response.headers
        document = await running.shown(response.headers[ID])
        assert (document["request_id"], document["status"]) == (response.headers[ID], 500)
        assert response.headers[ID] in error.value.message


async def test_a_model_named_in_the_path_is_the_records_model(audited: Audited) -> None:
    body = {"contents": [{"role": "user", "parts": [{"text": PROMPT}]}]}
    url = f"{audited.url}/gemini/v1beta/models/gemini-2.5-flash:generateContent"
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=body, headers={"x-goog-api-key": "k"}) as response,
    ):
        assert response.status == 200
        document = await audited.shown(response.headers[ID])
    assert document["model"] == "gemini-2.5-flash"
