"""OpenAI and Azure OpenAI wire formats, as the official ``openai`` SDK parses them."""

from __future__ import annotations

import json

import openai
from openai.types.chat import ChatCompletionContentPartTextParam, ChatCompletionMessageParam
from openai.types.responses import FunctionToolParam, ResponseInputParam

from tests.fakes.llm_upstream import FakeUpstream
from tests.fakes.openai_wire import embedding_for
from tests.fakes.script import ToolCall

MODEL = "gpt-4o-mini"
PATIENT = "Kari Nordmann, fnr 01017012345, bor i Storgata 1"
ARGS = '{"patient": "[PERSON_1]", "dose_mg": 5}'


def chat(
    content: str | list[ChatCompletionContentPartTextParam],
) -> list[ChatCompletionMessageParam]:
    return [{"role": "system", "content": "Du er en lege."}, {"role": "user", "content": content}]


# --- Chat Completions --------------------------------------------------------------------------


async def test_chat_echoes_last_user_message(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI
) -> None:
    parts: list[ChatCompletionContentPartTextParam] = [
        {"type": "text", "text": "Pasient:"},
        {"type": "text", "text": PATIENT},
    ]
    completion = await oai.chat.completions.create(model=MODEL, messages=chat(parts))

    assert completion.choices[0].message.content == f"Pasient:\n{PATIENT}"
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage is not None
    assert upstream.last.path == "/v1/chat/completions"
    assert upstream.last.headers["authorization"] == "Bearer sk-test"


async def test_chat_stream_chunks_and_usage(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI
) -> None:
    upstream.script(chunk_size=1)
    stream = await oai.chat.completions.create(
        model=MODEL,
        messages=chat("[PERSON_1] har feber"),
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = [chunk async for chunk in stream]

    pieces = [
        c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content
    ]
    assert pieces == list("[PERSON_1] har feber")
    assert chunks[0].choices[0].delta.role == "assistant"
    assert chunks[-2].choices[0].finish_reason == "stop"
    assert chunks[-1].choices == []
    assert chunks[-1].usage is not None
    assert all(c.usage is None for c in chunks[:-1])


async def test_chat_stream_helper_accumulates_tool_call(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI
) -> None:
    upstream.script(tool_call=("prescribe", ARGS), chunk_size=2)
    async with oai.chat.completions.stream(model=MODEL, messages=chat("hei")) as stream:
        deltas = [e async for e in stream if e.type == "tool_calls.function.arguments.delta"]
        final = await stream.get_final_completion()

    message = final.choices[0].message
    assert message.content is None
    assert message.tool_calls is not None
    call = message.tool_calls[0]
    assert call.function.name == "prescribe"
    assert json.loads(call.function.arguments) == json.loads(ARGS)
    assert len(deltas) == -(-len(ARGS) // 2) + 1  # the header delta, then one per fragment
    assert final.choices[0].finish_reason == "tool_calls"


async def test_chat_echo_tool_call_and_several_calls(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI
) -> None:
    upstream.script(tool_calls=(ToolCall("lookup"), ToolCall("note", '{"x": 1}', id="call_fixed")))
    messages = [*chat("finn pasienten")]
    messages.append({"role": "tool", "tool_call_id": "call_1", "content": PATIENT})
    async with oai.chat.completions.stream(model=MODEL, messages=messages) as stream:
        final = await stream.get_final_completion()

    calls = final.choices[0].message.tool_calls or []
    assert [c.function.name for c in calls] == ["lookup", "note"]
    assert json.loads(calls[0].function.arguments) == {"text": PATIENT}
    assert calls[1].id == "call_fixed"


async def test_chat_n_choices_interleave(oai: openai.AsyncOpenAI) -> None:
    stream = await oai.chat.completions.create(
        model=MODEL, messages=chat("abcdefghi"), stream=True, n=2
    )
    indices = [c.choices[0].index async for c in stream]
    assert indices[:6] == [0, 1, 0, 1, 0, 1]

    async with oai.chat.completions.stream(model=MODEL, messages=chat("abc"), n=2) as helper:
        final = await helper.get_final_completion()
    assert [c.message.content for c in final.choices] == ["abc", "abc"]


# --- Responses ----------------------------------------------------------------------------------


async def test_responses_non_stream(upstream: FakeUpstream, oai: openai.AsyncOpenAI) -> None:
    response = await oai.responses.create(model=MODEL, input=PATIENT, instructions="Vær kort.")
    assert response.output_text == PATIENT
    assert response.instructions == "Vær kort."
    assert upstream.last.path == "/v1/responses"

    items: ResponseInputParam = [
        {"role": "user", "content": [{"type": "input_text", "text": "hei [PERSON_2]"}]}
    ]
    response = await oai.responses.create(model=MODEL, input=items)
    assert response.output_text == "hei [PERSON_2]"


async def test_responses_stream_event_sequence(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI
) -> None:
    upstream.script(chunk_size=4)
    async with oai.responses.stream(
        model=MODEL, input="hei [PERSON_1]", instructions="x"
    ) as stream:
        events = [event async for event in stream]
        final = await stream.get_final_response()

    assert [e.type for e in events] == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.content_part.added",
        *["response.output_text.delta"] * 4,
        "response.output_text.done",
        "response.content_part.done",
        "response.output_item.done",
        "response.completed",
    ]
    assert [e.sequence_number for e in events] == list(range(len(events)))
    assert final.output_text == "hei [PERSON_1]"
    assert final.instructions == "x"


async def test_responses_stream_function_call(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI
) -> None:
    upstream.script(tool_call=("prescribe", ARGS))
    tools: list[FunctionToolParam] = [
        {"type": "function", "name": "prescribe", "parameters": {"type": "object"}, "strict": False}
    ]
    async with oai.responses.stream(model=MODEL, input="hei", tools=tools) as stream:
        kinds = [e.type async for e in stream]
        final = await stream.get_final_response()

    assert kinds.count("response.function_call_arguments.delta") == -(-len(ARGS) // 3)
    assert "response.function_call_arguments.done" in kinds
    call = final.output[0]
    assert call.type == "function_call"
    assert json.loads(call.arguments) == json.loads(ARGS)


async def test_responses_echo_function_call_output(oai: openai.AsyncOpenAI) -> None:
    items: ResponseInputParam = [
        {"role": "user", "content": "slå opp"},
        {"type": "function_call", "call_id": "call_1", "name": "lookup", "arguments": "{}"},
        {"type": "function_call_output", "call_id": "call_1", "output": PATIENT},
    ]
    response = await oai.responses.create(model=MODEL, input=items)
    assert response.output_text == PATIENT


# --- Embeddings, legacy completions, models ------------------------------------------------------


async def test_embeddings_float_and_base64(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI, loose_oai: openai.AsyncOpenAI
) -> None:
    floats = await oai.embeddings.create(model="e", input=["a", PATIENT], encoding_format="float")
    assert [d.embedding for d in floats.data] == [embedding_for("a"), embedding_for(PATIENT)]

    encoded = await loose_oai.embeddings.create(model="e", input=PATIENT, dimensions=4)
    assert encoded.data[0].embedding == embedding_for(PATIENT, 4)
    assert upstream.last.json == {
        "model": "e",
        "input": PATIENT,
        "dimensions": 4,
        "encoding_format": "base64",  # the SDK asks for base64 unless told otherwise
    }


async def test_legacy_completions(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI, loose_oai: openai.AsyncOpenAI
) -> None:
    completion = await oai.completions.create(model="i", prompt=["en", "to"])
    assert [c.text for c in completion.choices] == ["en", "to"]

    upstream.script(chunk_size=1)
    stream = await loose_oai.completions.create(
        model="i", prompt=PATIENT, stream=True, stream_options={"include_usage": True}
    )
    chunks = [chunk async for chunk in stream]
    assert "".join(c.choices[0].text for c in chunks if c.choices) == PATIENT
    assert chunks[-1].usage is not None


async def test_models_list(oai: openai.AsyncOpenAI) -> None:
    ids = [model.id async for model in oai.models.list()]
    assert MODEL in ids


# --- Azure OpenAI -------------------------------------------------------------------------------


async def test_azure_chat_and_embeddings(upstream: FakeUpstream) -> None:
    async with openai.AsyncAzureOpenAI(
        azure_endpoint=upstream.base_url,
        api_version="2024-10-21",
        api_key="azure-key",
        max_retries=0,
    ) as azure:
        completion = await azure.chat.completions.create(model="gpt4o-dep", messages=chat(PATIENT))
        async with azure.chat.completions.stream(model="gpt4o-dep", messages=chat("x")) as stream:
            final = await stream.get_final_completion()
        await azure.embeddings.create(model="emb-dep", input="x", encoding_format="float")

    assert completion.choices[0].message.content == PATIENT
    assert final.choices[0].message.content == "x"
    request = upstream.requests[0]
    assert request.path == "/openai/deployments/gpt4o-dep/chat/completions"
    assert request.query == {"api-version": "2024-10-21"}
    assert request.headers["api-key"] == "azure-key"
    assert "authorization" not in request.headers
    assert upstream.last.path == "/openai/deployments/emb-dep/embeddings"


async def test_azure_stream_starts_with_prompt_filter_chunk(upstream: FakeUpstream) -> None:
    async with openai.AsyncAzureOpenAI(
        azure_endpoint=upstream.base_url, api_version="2024-10-21", api_key="k", max_retries=0
    ) as azure:
        stream = await azure.chat.completions.create(model="d", messages=chat("x"), stream=True)
        chunks = [chunk async for chunk in stream]
    assert chunks[0].choices == []
    filter_chunk = chunks[0].to_dict()  # Azure's content-filter chunk; the SDK's helper skips it
    assert filter_chunk["object"] == ""
    assert "prompt_filter_results" in filter_chunk
