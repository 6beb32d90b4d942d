"""Which strings of a request body each provider hands to the scrubber."""

from __future__ import annotations

import json

import pytest

from proxy.providers.anthropic import AnthropicMessages
from proxy.providers.base import UnscrubbableRequestError
from proxy.providers.ollama import OllamaChat, OllamaGenerate
from proxy.providers.openai_chat import OpenAIChat
from proxy.providers.openai_misc import OpenAICompletions, OpenAIEmbeddings
from proxy.providers.openai_responses import OpenAIResponses


def _wheres(provider: object, body: dict[str, object]) -> dict[str, str]:
    """The rewritable slots (``fixed`` and ``signed`` ones are listed by :func:`_fixed`)."""
    slots = provider.request_slots(body)  # type: ignore[attr-defined]
    return {slot.where: slot.text for slot in slots.slots if slot.kind == "text"}


def _fixed(provider: object, body: dict[str, object]) -> dict[str, str]:
    """Slots scanned but never rewritten, with their kind."""
    slots = provider.request_slots(body)  # type: ignore[attr-defined]
    return {slot.where: slot.kind for slot in slots.slots if slot.kind != "text"}


def test_openai_chat_slots() -> None:
    body: dict[str, object] = {
        "model": "gpt",
        "messages": [
            {"role": "system", "content": "sys"},
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "part"},
                    {
                        "type": "image_url",
                        "image_url": {"url": "data:image/png;base64,MTIzNDU2Nzg5MDE="},
                    },
                ],
            },
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "c",
                        "type": "function",
                        "function": {"name": "lookup", "arguments": '{"who": "Kari", "n": 3}'},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "c", "content": "result"},
        ],
        "user": "kari@example.no",
        "metadata": {"ticket": "t"},
    }
    assert (
        _wheres(OpenAIChat(), body).items()
        >= {
            "messages[0].content": "sys",
            "messages[1].content[0].text": "part",
            "messages[2].tool_calls[0].function.arguments(json){0}": "Kari",
            "messages[3].content": "result",
            "user": "kari@example.no",
            "metadata{0}": "t",
        }.items()
    )


def test_tool_arguments_are_rewritten_as_valid_json() -> None:
    body: dict[str, object] = {
        "model": "m",
        "messages": [
            {
                "role": "assistant",
                "tool_calls": [{"function": {"name": "f", "arguments": '{"who": "Kari"}'}}],
            }
        ],
    }
    collector = OpenAIChat().request_slots(body)
    (slot,) = [slot for slot in collector.slots if slot.kind == "text"]
    slot.set('[PERSON_1] "x"')
    collector.commit()
    arguments = body["messages"][0]["tool_calls"][0]["function"]["arguments"]  # type: ignore[index]
    assert json.loads(arguments) == {"who": '[PERSON_1] "x"'}


def test_long_numbers_and_identifier_keys_are_slots_without_leaking_into_paths() -> None:
    body: dict[str, object] = {
        "messages": [{"role": "user", "content": "hei"}],
        "metadata": {"13097210181": "x", "fnr": 13097210181, "age": 54},
    }
    collector = OpenAIChat().request_slots(body)
    texts = {slot.where: slot.text for slot in collector.slots if slot.kind == "text"}
    assert texts == {
        "messages[0].content": "hei",
        "metadata{0}#key": "13097210181",
        "metadata{0}": "x",
        "metadata{1}": "13097210181",
    }
    for slot in collector.slots:
        slot.set("[FNR_1]" if "13097210181" in slot.text else slot.text)
    collector.commit()
    assert body["metadata"] == {"[FNR_1]": "x", "fnr": "[FNR_1]", "age": 54}


def test_unparseable_arguments_are_scrubbed_as_text() -> None:
    body: dict[str, object] = {
        "model": "m",
        "messages": [
            {
                "role": "assistant",
                "tool_calls": [{"function": {"name": "f", "arguments": "{broken Kari"}}],
            }
        ],
    }
    assert list(_wheres(OpenAIChat(), body).values()) == ["{broken Kari"]


def test_responses_slots() -> None:
    body: dict[str, object] = {
        "instructions": "inst",
        "input": [
            {"role": "user", "content": "plain"},
            {
                "type": "message",
                "role": "user",
                "content": [
                    {"type": "input_text", "text": "it"},
                    {"type": "input_image", "image_url": "x"},
                ],
            },
            {"type": "function_call", "call_id": "c", "name": "f", "arguments": '{"a": "b"}'},
            {"type": "function_call_output", "call_id": "c", "output": "out"},
            {
                "type": "reasoning",
                "encrypted_content": "secret",
                "summary": [{"type": "summary_text", "text": "s"}],
            },
        ],
    }
    assert (
        _wheres(OpenAIResponses(), body).items()
        >= {
            "instructions": "inst",
            "input[0].content": "plain",
            "input[1].content[0].text": "it",
            "input[2].arguments(json){0}": "b",
            "input[3].output": "out",
        }.items()
    )
    assert (
        _wheres(OpenAIResponses(), {"input": "just text"}).items() >= {"input": "just text"}.items()
    )


@pytest.mark.parametrize("provider", [OpenAIEmbeddings(), OpenAICompletions()])
def test_token_arrays_are_refused(provider: object) -> None:
    key = "input" if isinstance(provider, OpenAIEmbeddings) else "prompt"
    with pytest.raises(UnscrubbableRequestError, match="token arrays"):
        provider.request_slots({key: [[1, 2, 3]]})  # type: ignore[attr-defined]
    assert (
        _wheres(provider, {key: ["a", "b"]}).items() >= {f"{key}[0]": "a", f"{key}[1]": "b"}.items()
    )


def test_anthropic_slots_leave_thinking_and_images_alone() -> None:
    body: dict[str, object] = {
        "model": "claude",
        "max_tokens": 10,
        "system": [{"type": "text", "text": "sys"}],
        "messages": [
            {"role": "user", "content": "hei"},
            {
                "role": "assistant",
                "content": [
                    {"type": "thinking", "thinking": "Kari", "signature": "sig"},
                    {"type": "text", "text": "svar"},
                    {
                        "type": "tool_use",
                        "id": "t",
                        "name": "f",
                        "input": {"who": "Kari", "list": ["x"]},
                    },
                ],
            },
            {
                "role": "user",
                "content": [
                    {
                        "type": "tool_result",
                        "tool_use_id": "t",
                        "content": [{"type": "text", "text": "res"}],
                    },
                    {
                        "type": "image",
                        "source": {"type": "base64", "media_type": "image/png", "data": "AAAA"},
                    },
                ],
            },
        ],
        "metadata": {"user_id": "u"},
    }
    assert (
        _wheres(AnthropicMessages(), body).items()
        >= {
            "system[0].text": "sys",
            "messages[0].content": "hei",
            "messages[1].content[1].text": "svar",
            "messages[1].content[2].input{0}": "Kari",
            "messages[1].content[2].input{1}[0]": "x",
            "messages[2].content[0].content[0].text": "res",
            "metadata{0}": "u",
        }.items()
    )


def test_ollama_slots() -> None:
    chat: dict[str, object] = {
        "model": "llama",
        "messages": [
            {"role": "user", "content": "c", "images": ["AAAA" * 100]},
            {
                "role": "assistant",
                "tool_calls": [{"function": {"name": "f", "arguments": {"who": "Kari"}}}],
            },
        ],
    }
    assert (
        _wheres(OllamaChat(), chat).items()
        >= {
            "messages[0].content": "c",
            "messages[1].tool_calls[0].function.arguments{0}": "Kari",
        }.items()
    )
    assert (
        _wheres(OllamaGenerate(), {"model": "llama", "prompt": "p", "system": "s"}).items()
        >= {
            "prompt": "p",
            "system": "s",
        }.items()
    )
    assert OllamaChat().is_streaming({}, "api/chat")
    assert not OllamaChat().is_streaming({"stream": False}, "api/chat")


def test_a_type_tag_that_is_not_a_string_is_walked_like_any_value() -> None:
    """An object's ``type`` can be any JSON value; it is scanned, never used as a key."""
    body: dict[str, object] = {
        "model": "m",
        "input": "hei",
        "text": {"format": {"type": {"notat": "Kari Nordmann"}}},
    }
    assert _wheres(OpenAIResponses(), body)["text.format.type{0}"] == "Kari Nordmann"
