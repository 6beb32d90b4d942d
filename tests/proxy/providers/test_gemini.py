"""The Gemini adapter: which strings are scanned, which bodies are refused, and streamed
answers restored however tokens are split across chunks and bytes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proxy.providers.errors import InvalidShapeError, UnscrubbableRequestError
from proxy.providers.gemini import ERRORS, GeminiCountTokens, GeminiGenerate
from proxy.providers.records import RECORDS
from proxy.support.errors import SladdError
from tests.proxy.providers.stream_helpers import (
    ARGS_RESTORED,
    ORIGINAL,
    RESTORED,
    pieces,
    run_stream,
    sse,
)

CUTS = st.lists(st.integers(min_value=0, max_value=5000), max_size=15)
GENERATE = GeminiGenerate()
BLOB = "QUJD" * 100
"""A base64 blob long enough to be opaque."""


def _slots(body: dict[str, object], provider: object = GENERATE) -> dict[str, tuple[str, str]]:
    collected = provider.request_slots(body)  # type: ignore[attr-defined]
    return {slot.where: (slot.kind, slot.text) for slot in collected.slots}


def test_text_parts_of_a_turn_are_one_text_and_function_values_are_text() -> None:
    body: dict[str, object] = {
        "contents": [
            {"role": "user", "parts": [{"text": "Pasient Kari"}, {"text": "Nordmann"}]},
            {
                "role": "model",
                "parts": [
                    {"functionCall": {"name": "find", "args": {"who": "Kari", "fnr": 13097210181}}}
                ],
            },
            {
                "role": "user",
                "parts": [{"functionResponse": {"name": "find", "response": {"r": "Oslo"}}}],
            },
            {"role": "user", "parts": [{"inlineData": {"mimeType": "image/png", "data": BLOB}}]},
        ],
        "systemInstruction": {"parts": [{"text": "Du hjelper Ola Hansen."}]},
        "safetySettings": [{"category": "HARM_CATEGORY_HARASSMENT", "threshold": "BLOCK_NONE"}],
        "generationConfig": {"temperature": 0.2, "stopSequences": ["Hilsen Ola"]},
    }
    assert _slots(body) == {
        "contents[0].parts": ("text", "Pasient Kari Nordmann"),
        "contents[0].role": ("fixed", "user"),
        "contents[1].role": ("fixed", "model"),
        "contents[1].parts[0].functionCall.name": ("fixed", "find"),
        "contents[1].parts[0].functionCall.args{0}": ("text", "Kari"),
        "contents[1].parts[0].functionCall.args{1}": ("text", "13097210181"),
        "contents[2].role": ("fixed", "user"),
        "contents[2].parts[0].functionResponse.name": ("fixed", "find"),
        "contents[2].parts[0].functionResponse.response{0}": ("text", "Oslo"),
        "contents[3].role": ("fixed", "user"),
        "contents[3].parts[0].inlineData.mimeType": ("fixed", "image/png"),
        "systemInstruction.parts[0].text": ("text", "Du hjelper Ola Hansen."),
        "safetySettings[0].category": ("fixed", "HARM_CATEGORY_HARASSMENT"),
        "safetySettings[0].threshold": ("fixed", "BLOCK_NONE"),
        "generationConfig.stopSequences[0]": ("text", "Hilsen Ola"),
    }


def test_a_short_inline_data_value_and_tool_schemas_are_scanned() -> None:
    tool = {"name": "lagre", "description": "Lagrer notat om Kari", "parameters": {"type": "X"}}
    body: dict[str, object] = {
        "contents": [{"parts": [{"inlineData": {"mimeType": "text/plain", "data": "Kari"}}]}],
        "tools": [{"functionDeclarations": [tool]}],
    }
    slots = _slots(body)
    assert slots["contents[0].parts[0].inlineData.data"] == ("text", "Kari")
    assert slots["tools[0].functionDeclarations[0].description"][0] == "text"
    assert slots["tools[0].functionDeclarations[0].parameters{0}"] == ("text", "X")


def test_count_tokens_reads_contents_or_a_whole_generate_request() -> None:
    counted = GeminiCountTokens()
    direct: dict[str, object] = {"contents": [{"parts": [{"text": "Kari"}]}]}
    nested: dict[str, object] = {"generateContentRequest": {"model": "models/g", **direct}}
    assert _slots(direct, counted) == {"contents[0].parts[0].text": ("text", "Kari")}
    assert _slots(nested, counted)["generateContentRequest.contents[0].parts[0].text"] == (
        "text",
        "Kari",
    )
    assert not counted.is_streaming(direct, "v1beta/models/g:countTokens")


@pytest.mark.parametrize(
    "body",
    [
        {"contents": [], "Kari Nordmann": "x"},  # an unknown top-level field
        {"contents": [{"parts": [{"newKind": {"note": "x"}}]}]},  # an unknown part kind
        {"contents": [{"parts": [{"text": "a", "functionCall": {"name": "f"}}]}]},  # two kinds
        {"generateContentRequest": {"contents": [], "extra": 1}},
    ],
)
def test_unknown_fields_and_part_kinds_are_refused_without_naming_them(
    body: dict[str, object],
) -> None:
    provider = GeminiCountTokens() if "generateContentRequest" in body else GENERATE
    with pytest.raises(UnscrubbableRequestError) as refused:
        provider.request_slots(body)
    assert "Kari" not in str(refused.value) and "newKind" not in str(refused.value)


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"contents": [{"role": "doctor", "parts": []}]}, "contents[0].role"),
        ({"contents": [{"role": "user"}]}, "contents[0].parts"),
        ({"contents": [{"parts": [{"text": 5}]}]}, "contents[0].parts[0].text"),
        ({"contents": [{"parts": [{"functionCall": {"args": {}}}]}]}, "functionCall.name"),
        ({"contents": "hei"}, "contents"),
    ],
)
def test_wrong_shapes_are_refused_with_their_path(body: dict[str, object], where: str) -> None:
    with pytest.raises(InvalidShapeError) as refused:
        GENERATE.request_slots(body)
    assert refused.value.where.endswith(where)


def test_streaming_is_known_from_the_path() -> None:
    assert GENERATE.is_streaming({}, "v1beta/models/gemini-2.5-flash:streamGenerateContent")
    assert not GENERATE.is_streaming({"stream": True}, "v1/models/g:generateContent")


def test_record_routes_sdk_paths_and_refuses_others() -> None:
    record = RECORDS["gemini"]
    for tail in (
        "v1beta/models/gemini-2.5-flash:generateContent",
        "v1/models/gemini-2.5-flash:streamGenerateContent",
    ):
        assert isinstance(record.adapter_for(tail), GeminiGenerate)
    assert isinstance(record.adapter_for("v1beta/models/g:countTokens"), GeminiCountTokens)
    assert record.adapter_for("v1beta/models/g:embedContent") is None
    assert record.adapter_for("v1beta/models/a/b:generateContent") is None
    assert record.allows_param("alt", "sse") and record.allows_param("key", "AIza-anything")
    assert not record.allows_param("alt", "Kari Nordmann")
    assert record.forwarded_value("x-goog-api-client", "google-genai-sdk/3.6.1 gl-python/3.11.7")
    assert record.forwarded_value("x-goog-api-client", "Kari Nordmann 13097210181") is None
    assert record.forwarded_value("x-patient", "x") is None


def test_error_shape_is_googles() -> None:
    body = ERRORS.body(SladdError(400, "sladd_invalid_request", "nope"))
    assert body == {
        "error": {
            "code": 400,
            "message": "nope",
            "status": "INVALID_ARGUMENT",
            "details": [
                {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": "sladd_invalid_request",
                    "domain": "sladd",
                }
            ],
        }
    }
    assert ERRORS.stream_event(SladdError(502, "x", "y")).name is None


def _chunk(parts: list[object], finish: bool = False) -> dict[str, object]:
    candidate: dict[str, object] = {"content": {"parts": parts, "role": "model"}, "index": 0}
    if finish:
        candidate["finishReason"] = "STOP"
    return {"candidates": [candidate], "modelVersion": "gemini-x", "responseId": "r1"}


def _stream(text_cuts: list[int], thought: bool) -> bytes:
    events: list[tuple[str | None, object]] = []
    if thought:
        events += [(None, _chunk([{"text": p, "thought": True}])) for p in pieces(ORIGINAL, [7])]
    events += [(None, _chunk([{"text": p}])) for p in pieces(ORIGINAL, text_cuts)]
    call = {
        "functionCall": {"name": "f", "args": {"patient": "[PERSON_2]", "note": "ring [PERSON_1]"}}
    }
    events.append((None, _chunk([call], finish=True)))
    return sse(events).replace(b"\n\n", b"\r\n\r\n")


def _texts(events: list[object]) -> tuple[str, str, list[object]]:
    answer, thought, calls = "", "", []
    for event in events:
        assert isinstance(event, dict)
        for candidate in event["candidates"]:
            for part in candidate["content"]["parts"]:
                if "text" in part and part.get("thought"):
                    thought += part["text"]
                elif "text" in part:
                    answer += part["text"]
                else:
                    calls.append(part["functionCall"]["args"])
    return answer, thought, calls


@settings(max_examples=60, deadline=None)
@given(text_cuts=CUTS, byte_cuts=CUTS, thought=st.booleans())
async def test_stream_restores_tokens_split_anywhere(
    text_cuts: list[int], byte_cuts: list[int], thought: bool
) -> None:
    events = await run_stream(GENERATE, _stream(text_cuts, thought), byte_cuts, ERRORS)
    answer, thoughts, calls = _texts(events)
    assert answer == RESTORED
    assert thoughts == (RESTORED if thought else "")
    assert calls == [ARGS_RESTORED]


async def test_text_held_at_the_end_of_a_stream_without_finish_is_released() -> None:
    raw = sse([(None, _chunk([{"text": "Hei [PERS"}])), (None, _chunk([{"text": "ON_1"}]))])
    events = await run_stream(GENERATE, raw, [])
    assert _texts(events)[0] == "Hei [PERSON_1"
    raw = sse([(None, _chunk([{"text": "Hei [PERS"}])), (None, _chunk([{"text": "ON_1]"}]))])
    events = await run_stream(GENERATE, raw, [])
    assert _texts(events)[0] == "Hei Kari Nordmann"


async def test_an_error_chunk_is_restored_and_passed_on() -> None:
    error = {"error": {"code": 503, "message": "om [PERSON_1]", "status": "UNAVAILABLE"}}
    events = await run_stream(GENERATE, sse([(None, error)]), [])
    assert events == [
        {"error": {"code": 503, "message": "om Kari Nordmann", "status": "UNAVAILABLE"}}
    ]


async def test_a_finish_chunk_without_content_carries_the_held_text() -> None:
    finish = {"candidates": [{"finishReason": "STOP", "index": 0}]}
    raw = sse([(None, _chunk([{"text": "Hei [PERSON_"}])), (None, finish)])
    events = await run_stream(GENERATE, raw, [])
    assert _texts(events)[0] == "Hei [PERSON_"
    assert events[-1]["candidates"][0]["finishReason"] == "STOP"  # type: ignore[index]
    assert len(events) == 2
