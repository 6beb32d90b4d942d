"""The official OpenAI SDK through sladd: chat, tools, Responses, embeddings, completions."""

from __future__ import annotations

import json
import re

import openai
import pytest

from tests.fakes.llm_upstream import FakeUpstream
from tests.fakes.script import ToolCall
from tests.proxy.conftest import Sladd
from tests.proxy.patient import (
    PROMPT,
    assert_clinical_content_kept,
    assert_nothing_identifying_reached,
)

TOKEN = re.compile(r"\[[A-Z_]+_\d+\]")


async def test_chat_round_trip_is_byte_exact(
    oai: openai.AsyncOpenAI, upstream: FakeUpstream
) -> None:
    reply = await oai.chat.completions.create(
        model="gpt-x", messages=[{"role": "user", "content": PROMPT}]
    )
    assert reply.choices[0].message.content == PROMPT
    assert_nothing_identifying_reached(upstream)
    assert_clinical_content_kept(upstream)
    assert TOKEN.search(json.dumps(upstream.last.json))


@pytest.mark.parametrize("chunk_size", [1, 3, 7])
async def test_chat_stream_restores_tokens_split_across_chunks(
    oai: openai.AsyncOpenAI, upstream: FakeUpstream, chunk_size: int
) -> None:
    upstream.script(chunk_size=chunk_size)
    stream = await oai.chat.completions.create(
        model="gpt-x",
        messages=[{"role": "user", "content": PROMPT}],
        stream=True,
        stream_options={"include_usage": True},
    )
    text, usage = "", None
    async for chunk in stream:
        usage = chunk.usage or usage
        for choice in chunk.choices:
            text += choice.delta.content or ""
    assert text == PROMPT
    assert usage is not None
    assert_nothing_identifying_reached(upstream)


async def test_chat_stream_helper_accumulates_restored_text(
    oai: openai.AsyncOpenAI, upstream: FakeUpstream
) -> None:
    async with oai.chat.completions.stream(
        model="gpt-x", messages=[{"role": "user", "content": PROMPT}]
    ) as stream:
        final = await stream.get_final_completion()
    assert final.choices[0].message.content == PROMPT
    assert_nothing_identifying_reached(upstream)


@pytest.mark.parametrize("stream", [False, True])
async def test_tool_call_arguments_restored_inside_json(
    oai: openai.AsyncOpenAI, upstream: FakeUpstream, stream: bool
) -> None:
    upstream.script(tool_calls=(ToolCall("save_note"),), chunk_size=2)
    tools = [
        {"type": "function", "function": {"name": "save_note", "parameters": {"type": "object"}}}
    ]
    messages = [{"role": "user", "content": PROMPT}]
    if stream:
        async with oai.chat.completions.stream(model="gpt-x", messages=messages, tools=tools) as s:  # type: ignore[arg-type]
            final = await s.get_final_completion()
        call = final.choices[0].message.tool_calls[0]  # type: ignore[index]
    else:
        reply = await oai.chat.completions.create(
            model="gpt-x",
            messages=messages,  # type: ignore[arg-type]
            tools=tools,  # type: ignore[arg-type]
        )
        call = reply.choices[0].message.tool_calls[0]  # type: ignore[index]
    assert json.loads(call.function.arguments) == {"text": PROMPT}
    assert_nothing_identifying_reached(upstream)


async def test_tool_results_and_history_are_scrubbed(
    oai: openai.AsyncOpenAI, upstream: FakeUpstream
) -> None:
    args = json.dumps({"patient": "Kari Nordmann", "fnr": "13097210181"})
    messages = [
        {"role": "user", "content": "Finn journalen"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "find", "arguments": args}}
            ],
        },
        {"role": "tool", "tool_call_id": "c1", "content": PROMPT},
        {"role": "user", "content": [{"type": "text", "text": PROMPT}]},
    ]
    reply = await oai.chat.completions.create(model="gpt-x", messages=messages)  # type: ignore[arg-type]
    assert reply.choices[0].message.content == PROMPT
    assert_nothing_identifying_reached(upstream)
    sent_args = upstream.last.json["messages"][1]["tool_calls"][0]["function"]["arguments"]  # type: ignore[index]
    assert set(json.loads(sent_args)) == {"patient", "fnr"}


async def test_same_person_same_token_across_turns(
    oai: openai.AsyncOpenAI, upstream: FakeUpstream
) -> None:
    history: list[dict[str, str]] = []
    seen: list[str] = []
    for turn in range(5):
        history.append(
            {"role": "user", "content": f"Tur {turn}: hvordan går det med Kari Nordmann?"}
        )
        reply = await oai.chat.completions.create(model="gpt-x", messages=history)  # type: ignore[arg-type]
        history.append({"role": "assistant", "content": reply.choices[0].message.content or ""})
        sent = upstream.last.json["messages"]  # type: ignore[index]
        seen.append(TOKEN.findall(sent[-1]["content"])[0])
        assert all("Kari" not in m["content"] for m in sent)
        assert "Kari Nordmann" in history[-1]["content"]
    assert len(set(seen)) == 1
    assert_nothing_identifying_reached(upstream)


async def test_responses_api_whole_and_streamed(
    oai: openai.AsyncOpenAI, upstream: FakeUpstream
) -> None:
    instructions = "Du skriver epikriser for Kari Nordmann."
    whole = await oai.responses.create(model="gpt-x", input=PROMPT, instructions=instructions)
    assert whole.output_text == PROMPT
    assert whole.instructions == instructions
    async with oai.responses.stream(
        model="gpt-x", input=[{"role": "user", "content": PROMPT}]
    ) as stream:
        deltas = ""
        async for event in stream:
            if event.type == "response.output_text.delta":
                deltas += event.delta
        final = await stream.get_final_response()
    assert deltas == final.output_text == PROMPT
    assert_nothing_identifying_reached(upstream)


async def test_responses_function_call_round_trip(
    oai: openai.AsyncOpenAI, upstream: FakeUpstream
) -> None:
    upstream.script(tool_calls=(ToolCall("save_note"),), chunk_size=1)
    async with oai.responses.stream(model="gpt-x", input=PROMPT) as stream:
        final = await stream.get_final_response()
    (call,) = [item for item in final.output if item.type == "function_call"]
    assert json.loads(call.arguments) == {"text": PROMPT}
    upstream.script()
    follow_up = await oai.responses.create(
        model="gpt-x",
        input=[
            {
                "type": "function_call",
                "call_id": call.call_id,
                "name": "save_note",
                "arguments": call.arguments,
            },
            {
                "type": "function_call_output",
                "call_id": call.call_id,
                "output": json.dumps({"saved": PROMPT}),
            },
            {"role": "user", "content": PROMPT},
        ],
    )
    assert follow_up.output_text == PROMPT
    assert_nothing_identifying_reached(upstream)


async def test_embeddings_and_legacy_completions(
    oai: openai.AsyncOpenAI, upstream: FakeUpstream
) -> None:
    embedding = await oai.embeddings.create(model="emb", input=[PROMPT, "Kari Nordmann"])
    assert len(embedding.data) == 2
    completion = await oai.completions.create(model="gpt-x", prompt=PROMPT)
    assert completion.choices[0].text == PROMPT
    text = ""
    async for chunk in await oai.completions.create(model="gpt-x", prompt=PROMPT, stream=True):
        text += "".join(c.text for c in chunk.choices)
    assert text == PROMPT
    assert_nothing_identifying_reached(upstream)


async def test_token_arrays_are_refused_and_not_forwarded(
    oai: openai.AsyncOpenAI, upstream: FakeUpstream
) -> None:
    with pytest.raises(openai.BadRequestError) as error:
        await oai.embeddings.create(model="emb", input=[[101, 202, 303]])
    assert error.value.code == "sladd_unscrubbable_input"
    assert upstream.requests == []


async def test_azure_deployment_route(sladd: Sladd, upstream: FakeUpstream) -> None:
    async with openai.AsyncAzureOpenAI(
        azure_endpoint=f"{sladd.url}/azure",
        api_version="2024-10-21",
        api_key="azure-key",
        max_retries=0,
    ) as azure:
        reply = await azure.chat.completions.create(
            model="gpt4-deploy", messages=[{"role": "user", "content": PROMPT}]
        )
    assert reply.choices[0].message.content == PROMPT
    assert upstream.last.path == "/openai/deployments/gpt4-deploy/chat/completions"
    assert upstream.last.query["api-version"] == "2024-10-21"
    assert upstream.last.headers["api-key"] == "azure-key"
    assert_nothing_identifying_reached(upstream)


async def test_openai_prefixed_route_and_get_passthrough(
    sladd: Sladd, upstream: FakeUpstream
) -> None:
    async with openai.AsyncOpenAI(
        base_url=f"{sladd.url}/openai/v1", api_key="k", max_retries=0
    ) as client:
        models = await client.models.list()
        reply = await client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": PROMPT}]
        )
    assert models.data
    assert reply.choices[0].message.content == PROMPT
    assert_nothing_identifying_reached(upstream)
