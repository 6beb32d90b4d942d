"""Request fields that carry user text beyond the basics in ``test_request_slots.py``.

Each test lists every slot it expects, so a field whose collection is dropped fails the test.
"""

from __future__ import annotations

import json

from proxy.providers.anthropic import AnthropicMessages
from proxy.providers.ollama import OllamaChat, OllamaGenerate
from proxy.providers.openai_chat import OpenAIChat
from proxy.providers.openai_responses import OpenAIResponses
from proxy.providers.slots import SlotCollector


def _wheres(collector: SlotCollector) -> dict[str, str]:
    return {slot.where: slot.text for slot in collector.slots if slot.kind == "text"}


def _rewrite(collector: SlotCollector) -> None:
    """Replace every slot with ``[X]`` and commit, as the scrubber would."""
    for slot in collector.slots:
        if slot.kind == "text":
            slot.set("[X]")
    collector.commit()


def test_ollama_chat_thinking_sent_back_in_history_is_scrubbed() -> None:
    body: dict[str, object] = {
        "model": "llama",
        "messages": [
            {"role": "user", "content": "Hvem er Kari?"},
            {"role": "assistant", "content": "svar", "thinking": "Brukeren spør om Kari"},
        ],
    }
    collector = OllamaChat().request_slots(body)
    assert (
        _wheres(collector).items()
        >= {
            "messages[0].content": "Hvem er Kari?",
            "messages[1].content": "svar",
            "messages[1].thinking": "Brukeren spør om Kari",
        }.items()
    )
    _rewrite(collector)
    assert body["messages"][1]["thinking"] == "[X]"  # type: ignore[index]


def test_ollama_generate_template_is_scrubbed() -> None:
    body: dict[str, object] = {
        "model": "llama",
        "prompt": "p",
        "suffix": "s",
        "template": "Pasient Kari: {{ .Prompt }}",
        "context": [1, 2, 3],
    }
    collector = OllamaGenerate().request_slots(body)
    assert (
        _wheres(collector).items()
        >= {
            "prompt": "p",
            "suffix": "s",
            "template": "Pasient Kari: {{ .Prompt }}",
        }.items()
    )
    _rewrite(collector)
    assert body["template"] == "[X]"
    assert body["context"] == [1, 2, 3]


def test_responses_prompt_variables_strings_and_text_parts() -> None:
    image = {"type": "input_image", "image_url": "data:image/png;base64,MTIzNDU2Nzg5MDE="}
    body: dict[str, object] = {
        "prompt": {
            "id": "pmpt_1",
            "version": "2",
            "variables": {
                "patient": "Kari Nordmann",
                "note": {"type": "input_text", "text": "fnr 13097210181"},
                "scan": image,
            },
        }
    }
    collector = OpenAIResponses().request_slots(body)
    assert (
        _wheres(collector).items()
        >= {
            "prompt.variables{0}": "Kari Nordmann",  # by position: names stay out of the log
            "prompt.variables{1}{1}": "fnr 13097210181",  # the client's data: by position too
        }.items()
    )
    _rewrite(collector)
    assert body["prompt"] == {
        "id": "pmpt_1",
        "version": "[X]",  # scanned like every string (a finding in "2" would rewrite it)
        "variables": {
            "patient": "[X]",
            "note": {"type": "[X]", "text": "[X]"},  # the client's data: every string scanned
            "scan": image,
        },
    }


def test_responses_custom_and_mcp_tool_items() -> None:
    body: dict[str, object] = {
        "input": [
            {"type": "custom_tool_call", "call_id": "c", "name": "sql", "input": "Kari"},
            {"type": "custom_tool_call_output", "call_id": "c", "output": "rad: Kari"},
            {
                "type": "mcp_call",
                "id": "m",
                "name": "journal",
                "server_label": "ehr",
                "arguments": '{"who": "Kari"}',
                "output": '{"found": "Kari"}',
                "error": "ingen tilgang til Kari",
            },
            {
                "type": "mcp_approval_request",
                "id": "a",
                "name": "journal",
                "server_label": "ehr",
                "arguments": '{"who": "Ola"}',
            },
        ]
    }
    collector = OpenAIResponses().request_slots(body)
    assert (
        _wheres(collector).items()
        >= {
            "input[0].input": "Kari",
            "input[1].output": "rad: Kari",
            "input[2].arguments(json){0}": "Kari",
            "input[2].output(json){0}": "Kari",
            "input[2].error": "ingen tilgang til Kari",
            "input[3].arguments(json){0}": "Ola",
        }.items()
    )
    _rewrite(collector)
    items = body["input"]
    assert isinstance(items, list)
    assert json.loads(items[2]["output"]) == {"found": "[X]"}
    assert json.loads(items[3]["arguments"]) == {"who": "[X]"}


def test_end_user_identifiers_in_chat_completions_and_responses() -> None:
    identifiers = {
        "user": "kari@example.no",
        "safety_identifier": "kari@example.no",
        "prompt_cache_key": "pasient-13097210181",
    }
    chat: dict[str, object] = {"messages": [{"role": "user", "content": "hei"}], **identifiers}
    assert (
        _wheres(OpenAIChat().request_slots(chat)).items()
        >= {
            "messages[0].content": "hei",
            **identifiers,
        }.items()
    )
    body: dict[str, object] = {"input": "hei", **identifiers}
    assert (
        _wheres(OpenAIResponses().request_slots(body)).items()
        >= {
            "input": "hei",
            "user": "kari@example.no",
            "safety_identifier": "kari@example.no",
            "prompt_cache_key": "pasient-13097210181",
        }.items()
    )


def test_anthropic_documents_with_content_source_and_title() -> None:
    body: dict[str, object] = {
        "model": "claude",
        "messages": [
            {
                "role": "user",
                "content": [
                    {
                        "type": "document",
                        "title": "Epikrise Kari",
                        "context": "ctx",
                        "source": {
                            "type": "content",
                            "content": [
                                {"type": "text", "text": "Kari Nordmann"},
                                {
                                    "type": "image",
                                    "source": {
                                        "type": "base64",
                                        "media_type": "image/png",
                                        "data": "AA" * 200,
                                    },
                                },
                            ],
                        },
                    },
                    {"type": "document", "source": {"type": "content", "content": "Ola"}},
                    {
                        "type": "document",
                        "title": "Skann",
                        "source": {
                            "type": "base64",
                            "media_type": "application/pdf",
                            "data": "AA" * 200,
                        },
                    },
                ],
            }
        ],
    }
    collector = AnthropicMessages().request_slots(body)
    assert (
        _wheres(collector).items()
        >= {
            "messages[0].content[0].source.content[0].text": "Kari Nordmann",
            "messages[0].content[0].title": "Epikrise Kari",
            "messages[0].content[0].context": "ctx",
            "messages[0].content[1].source.content": "Ola",
            "messages[0].content[2].title": "Skann",
        }.items()
    )
    _rewrite(collector)
    blocks = body["messages"][0]["content"]  # type: ignore[index]
    assert blocks[0]["source"]["content"][0]["text"] == "[X]"
    assert blocks[1]["source"]["content"] == "[X]"
    assert blocks[2]["source"]["data"] == "AA" * 200


def test_anthropic_search_results_top_level_and_in_tool_results() -> None:
    def search_result(name: str) -> dict[str, object]:
        return {
            "type": "search_result",
            "title": f"Journal {name}",
            "source": f"https://ehr.example/{name}",
            "content": [{"type": "text", "text": f"{name} ble innlagt"}],
            "citations": {"enabled": True},
        }

    body: dict[str, object] = {
        "model": "claude",
        "messages": [
            {
                "role": "user",
                "content": [
                    search_result("Kari"),
                    {"type": "tool_result", "tool_use_id": "t", "content": [search_result("Ola")]},
                ],
            }
        ],
    }
    collector = AnthropicMessages().request_slots(body)
    assert (
        _wheres(collector).items()
        >= {
            "messages[0].content[0].title": "Journal Kari",
            "messages[0].content[0].source": "https://ehr.example/Kari",
            "messages[0].content[0].content[0].text": "Kari ble innlagt",
            "messages[0].content[1].content[0].title": "Journal Ola",
            "messages[0].content[1].content[0].source": "https://ehr.example/Ola",
            "messages[0].content[1].content[0].content[0].text": "Ola ble innlagt",
        }.items()
    )


def test_anthropic_citations_server_tool_input_and_mid_conversation_system() -> None:
    body: dict[str, object] = {
        "model": "claude",
        "messages": [
            {
                "role": "assistant",
                "content": [
                    {
                        "type": "text",
                        "text": "Hun ble innlagt.",
                        "citations": [
                            {
                                "type": "char_location",
                                "cited_text": "Kari ble innlagt",
                                "document_index": 0,
                                "document_title": "Epikrise Kari",
                                "start_char_index": 0,
                                "end_char_index": 16,
                            },
                            {
                                "type": "search_result_location",
                                "cited_text": "Ola ble innlagt",
                                "search_result_index": 0,
                                "source": "https://ehr.example/Ola",
                                "title": "Journal Ola",
                                "start_block_index": 0,
                                "end_block_index": 1,
                            },
                        ],
                    },
                    {
                        "type": "server_tool_use",
                        "id": "s",
                        "name": "web_search",
                        "input": {"query": "Kari Nordmann"},
                    },
                ],
            },
            {
                "role": "user",
                "content": [
                    {"type": "mid_conv_system", "content": [{"type": "text", "text": "Kari er 54"}]}
                ],
            },
        ],
    }
    collector = AnthropicMessages().request_slots(body)
    cite = "messages[0].content[0].citations"
    assert (
        _wheres(collector).items()
        >= {
            "messages[0].content[0].text": "Hun ble innlagt.",
            f"{cite}[0].cited_text": "Kari ble innlagt",
            f"{cite}[0].document_title": "Epikrise Kari",
            f"{cite}[1].cited_text": "Ola ble innlagt",
            f"{cite}[1].title": "Journal Ola",
            f"{cite}[1].source": "https://ehr.example/Ola",
            "messages[0].content[1].input{0}": "Kari Nordmann",
            "messages[1].content[0].content[0].text": "Kari er 54",
        }.items()
    )
