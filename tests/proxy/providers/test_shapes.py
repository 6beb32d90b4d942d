"""Request shape checks: documented bodies pass, malformed ones are refused by JSON path.

Valid bodies follow the providers' documentation examples and SDK types (``openai`` and
``anthropic`` ``types/``, Ollama's ``docs/api.md`` and ``api/types.go``). The tables are JSON,
as the documentation writes them. In malformed bodies ``$X`` stands for a canary
(``Kari Nordmann 13097248022``) that must never appear in the error.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from proxy.providers import shapes_anthropic, shapes_ollama, shapes_openai
from proxy.providers.errors import InvalidShapeError

Body = dict[str, object]
Check = Callable[[Body], None]

CANARY = "Kari Nordmann 13097248022"
CANARY_PARTS = ("Kari", "Nordmann", "13097248022")
CHECKS: dict[str, Check] = {
    "chat": shapes_openai.check_chat,
    "responses": shapes_openai.check_responses,
    "embeddings": shapes_openai.check_embeddings,
    "completions": shapes_openai.check_completions,
    "anthropic": shapes_anthropic.check_messages,
    "ollama_chat": shapes_ollama.check_chat,
    "ollama_generate": shapes_ollama.check_generate,
}

RESPONSES_ITEMS = """[
{"role": "user", "content": "easy message"},
{"role": "assistant", "content": "earlier answer", "phase": "final_answer"},
{"type": "message", "role": "developer", "content": [{"type": "input_text", "text": "d"}]},
{"type": "message", "role": "user", "content": [
  {"type": "input_text", "text": "what is in this image?"},
  {"type": "input_image", "image_url": "https://x.no/a.jpg", "detail": "auto"},
  {"type": "input_file", "filename": "a.pdf", "file_data": "data:application/pdf;base64,AA"},
  {"type": "input_file", "file_id": "file-abc"}]},
{"type": "message", "id": "msg_1", "role": "assistant", "status": "completed", "content": [
  {"type": "output_text", "text": "Hello", "annotations": []},
  {"type": "refusal", "refusal": "No."}]},
{"type": "file_search_call", "id": "fs_1", "queries": ["q"], "status": "completed"},
{"type": "computer_call", "id": "cu_1", "call_id": "c1", "status": "completed",
 "action": {"type": "click", "button": "left", "x": 1, "y": 2}, "pending_safety_checks": []},
{"type": "computer_call_output", "call_id": "c1",
 "output": {"type": "computer_screenshot", "image_url": "data:image/png;base64,AA"}},
{"type": "web_search_call", "id": "ws_1", "status": "completed",
 "action": {"type": "search", "query": "weather"}},
{"type": "function_call", "id": "fc_1", "call_id": "c2", "name": "get_weather",
 "arguments": "{\\"location\\": \\"Oslo\\"}"},
{"type": "function_call_output", "call_id": "c2", "output": "{\\"temp\\": 15}"},
{"type": "function_call_output", "call_id": "c2", "output": [
  {"type": "input_text", "text": "15"}, {"type": "input_image", "image_url": "https://x"}]},
{"type": "reasoning", "id": "rs_1", "summary": [{"type": "summary_text", "text": "s"}],
 "encrypted_content": "gAAAA"},
{"type": "image_generation_call", "id": "ig_1", "result": "iVBORw0KGgo", "status": "completed"},
{"type": "code_interpreter_call", "id": "ci_1", "code": "print(1)", "container_id": "cn",
 "outputs": [{"type": "logs", "logs": "1"}], "status": "completed"},
{"type": "local_shell_call", "id": "ls_1", "call_id": "c3", "status": "completed",
 "action": {"type": "exec", "command": ["ls"], "env": {}}},
{"type": "local_shell_call_output", "id": "c3", "output": "a.txt"},
{"type": "shell_call", "call_id": "c4", "action": {"commands": ["ls"]}},
{"type": "shell_call_output", "call_id": "c4", "output": [
  {"stdout": "a", "stderr": "", "outcome": {"type": "exit", "exit_code": 0}}]},
{"type": "apply_patch_call", "call_id": "c5", "status": "completed",
 "operation": {"type": "update_file", "path": "a.py", "diff": "@@"}},
{"type": "apply_patch_call_output", "call_id": "c5", "status": "completed", "output": "ok"},
{"type": "mcp_list_tools", "id": "ml_1", "server_label": "wiki",
 "tools": [{"name": "ask", "input_schema": {}}]},
{"type": "mcp_approval_request", "id": "ar_1", "server_label": "wiki", "name": "ask",
 "arguments": "{}"},
{"type": "mcp_approval_response", "approval_request_id": "ar_1", "approve": true},
{"type": "mcp_call", "id": "mc_1", "server_label": "wiki", "name": "ask", "arguments": "{}",
 "output": "answer", "error": null},
{"type": "mcp_call", "id": "mc_2", "server_label": "wiki", "name": "ask", "arguments": "{}",
 "output": null, "error": {"type": "mcp_protocol_error", "code": 1, "message": "m"}},
{"type": "custom_tool_call", "call_id": "c6", "name": "code_exec", "input": "print(1)"},
{"type": "custom_tool_call_output", "call_id": "c6", "output": "1"},
{"type": "additional_tools", "role": "developer", "tools": [{"type": "function", "name": "f"}]},
{"type": "compaction", "encrypted_content": "gAAAA"},
{"type": "item_reference", "id": "msg_1"},
{"id": "msg_1"},
{"type": "program", "id": "p", "call_id": "c7", "code": "x", "fingerprint": "f"}
]"""

VALID = {
    "chat": """[
{"model": "gpt-4o", "messages": [{"role": "developer", "content": "You are a helpful assistant."},
                                 {"role": "user", "content": "Hello!"}]},
{"model": "gpt-4o", "messages": [
  {"role": "system", "content": [{"type": "text", "text": "Be brief."}], "name": "s"},
  {"role": "user", "content": [
    {"type": "text", "text": "What's in this image?"},
    {"type": "image_url", "image_url": {"url": "https://x.no/a.jpg", "detail": "high"}},
    {"type": "input_audio", "input_audio": {"data": "UklGRg", "format": "wav"}},
    {"type": "file", "file": {"file_id": "file-abc", "filename": "a.pdf"}},
    {"type": "some_future_part", "payload": {"x": 1}}]}]},
{"model": "gpt-4o", "tool_choice": "auto", "messages": [
  {"role": "user", "content": "Weather in Oslo?"},
  {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function",
    "function": {"name": "get_weather", "arguments": "{\\"location\\": \\"Oslo\\"}"}}]},
  {"role": "tool", "tool_call_id": "call_1", "content": "15 degrees"},
  {"role": "tool", "tool_call_id": "call_1", "content": [{"type": "text", "text": "15"}]}],
 "tools": [{"type": "function", "function": {"name": "get_weather", "parameters": {}}}]},
{"model": "gpt-4o", "messages": [
  {"role": "assistant", "content": null, "refusal": null, "function_call": null, "audio": null,
   "annotations": [], "tool_calls": [{"id": "c", "type": "function",
                                      "function": {"name": "f", "arguments": "{}"}}]},
  {"role": "assistant", "content": "Hello", "refusal": null, "tool_calls": null},
  {"role": "assistant", "content": null, "refusal": "I can't help with that."},
  {"role": "assistant", "content": [{"type": "refusal", "refusal": "No."}]},
  {"role": "assistant", "audio": {"id": "audio_abc"}},
  {"role": "assistant", "function_call": {"name": "get_weather", "arguments": "{}"}},
  {"role": "function", "name": "get_weather", "content": null},
  {"role": "function", "name": "get_weather", "content": "15 degrees"}]},
{"model": "gpt-4o", "tools": [{"type": "custom", "custom": {"name": "code_exec"}}], "messages": [
  {"role": "assistant", "tool_calls": [
    {"id": "c2", "type": "custom", "custom": {"name": "code_exec", "input": "print(1)"}},
    {"id": "c3", "type": "future_call", "future": {"x": 1}}]}]},
{"model": "gpt-4o", "messages": [{"role": "user", "content": "a"}], "stop": "\\n",
 "metadata": {"ticket": "t", "count": 3}, "user": "u-1", "stream": true,
 "stream_options": {"include_usage": true}, "safety_identifier": "h", "prompt_cache_key": "k",
 "prediction": {"type": "content", "content": "old code"}},
{"model": "gpt-4o", "messages": [{"role": "user", "content": "a"}], "stop": ["x", "y"],
 "metadata": null, "prediction": {"type": "content", "content": [{"type": "text", "text": "o"}]}},
{"messages": [{"role": "user", "content": "Azure names the deployment in the URL"}], "stop": null}
]""",
    "responses": """[
{"model": "gpt-4.1", "input": "Tell me a three sentence bedtime story about a unicorn."},
{"model": "gpt-4.1", "instructions": "Talk like a pirate.", "input": "Are semicolons optional?"},
{"model": "gpt-4.1", "input": [{"role": "user", "content": "hi"}], "instructions": null,
 "metadata": {"a": "b"}, "user": "u", "safety_identifier": "h", "stream": true, "tools": [
  {"type": "function", "name": "get_weather", "parameters": {"type": "object"}},
  {"type": "web_search_preview"},
  {"type": "mcp", "server_label": "wiki", "server_url": "https://x", "require_approval": "never"}]},
{"model": "gpt-4.1", "previous_response_id": "resp_1",
 "input": [{"role": "user", "content": "And in Bergen?"}]},
{"model": "gpt-4.1", "prompt": {"id": "pmpt_1", "version": "2", "variables": {
  "customer_name": "Jane Doe", "photo": {"type": "input_image", "image_url": "https://x"},
  "note": {"type": "input_text", "text": "n"}}}},
{"input": "Azure names the deployment in the URL"}
]""",
    "embeddings": """[
{"model": "text-embedding-3-small", "input": "The food was delicious.", "user": "u"},
{"model": "text-embedding-3-small", "input": ["a", "b"], "encoding_format": "float"},
{"model": "text-embedding-3-small", "input": [1, 2, 3]},
{"input": [[1, 2], [3]]}
]""",
    "completions": """[
{"model": "gpt-3.5-turbo-instruct", "prompt": "Say this is a test", "max_tokens": 7},
{"model": "gpt-3.5-turbo-instruct", "prompt": ["a", "b"], "suffix": "end", "stop": ["\\n"]},
{"model": "gpt-3.5-turbo-instruct", "prompt": [[1, 2]], "stream": true, "stop": "\\n"},
{"prompt": null}
]""",
    "anthropic": """[
{"model": "claude-sonnet-4-5", "max_tokens": 1024,
 "messages": [{"role": "user", "content": "Hello, Claude"}]},
{"model": "claude-sonnet-4-5", "max_tokens": 1024, "system": "You are a helpful assistant.",
 "stop_sequences": ["\\n\\nHuman:"], "metadata": {"user_id": "13498a"}, "stream": true,
 "messages": [{"role": "user", "content": "Greek name for Sun? (A) Sol (B) Helios"},
              {"role": "assistant", "content": "The best answer is ("}]},
{"model": "claude-sonnet-4-5", "max_tokens": 1024,
 "system": [{"type": "text", "text": "s", "cache_control": {"type": "ephemeral"}}],
 "messages": [{"role": "user", "content": [
  {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBO"}},
  {"type": "image", "source": {"type": "url", "url": "https://x.no/a.jpg"}},
  {"type": "image", "source": {"type": "file", "file_id": "file_1"}},
  {"type": "document", "title": "t", "context": "c", "citations": {"enabled": true},
   "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0"}},
  {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "d"}},
  {"type": "document", "source": {"type": "content", "content": [{"type": "text", "text": "c"}]}},
  {"type": "document", "source": {"type": "url", "url": "https://x.no/a.pdf"}},
  {"type": "search_result", "source": "https://x", "title": "t", "citations": {"enabled": true},
   "content": [{"type": "text", "text": "r"}]},
  {"type": "text", "text": "Describe these.", "cache_control": {"type": "ephemeral"}}]}]},
{"model": "claude-sonnet-4-5", "max_tokens": 16000, "metadata": {"user_id": null},
 "thinking": {"type": "enabled", "budget_tokens": 10000},
 "tools": [{"name": "get_weather", "description": "d", "input_schema": {"type": "object"}},
           {"type": "custom", "name": "other", "input_schema": {"type": "object"}},
           {"type": "web_search_20250305", "name": "web_search", "max_uses": 5},
           {"type": "bash_20250124", "name": "bash"}],
 "messages": [{"role": "user", "content": "Weather in Oslo?"}, {"role": "assistant", "content": [
  {"type": "thinking", "thinking": "Let me check.", "signature": "EqQBCgIYAh"},
  {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va"},
  {"type": "text", "text": "I'll check.", "citations": null},
  {"type": "tool_use", "id": "toolu_01", "name": "get_weather", "input": {"city": "Oslo"}},
  {"type": "server_tool_use", "id": "srvtoolu_1", "name": "web_search", "input": {"query": "q"}},
  {"type": "web_search_tool_result", "tool_use_id": "srvtoolu_1", "content": [
    {"type": "web_search_result", "url": "https://x", "title": "t", "encrypted_content": "E",
     "page_age": null}]}]},
  {"role": "user", "content": [
  {"type": "tool_result", "tool_use_id": "toolu_01", "content": "15 degrees"},
  {"type": "tool_result", "tool_use_id": "toolu_01", "content": [{"type": "text", "text": "15"},
    {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBO"}}]},
  {"type": "tool_result", "tool_use_id": "toolu_01", "is_error": true}]}]},
{"model": "claude-sonnet-4-5", "max_tokens": 1024, "messages": [
  {"role": "system", "content": "mid-conversation system"}, {"role": "user", "content": "Hi"}]},
{"model": "claude-sonnet-4-5", "system": "count_tokens has no max_tokens",
 "messages": [{"role": "user", "content": "count me"}]}
]""",
    "ollama_chat": """[
{"model": "llama3.2", "messages": [{"role": "user", "content": "why is the sky blue?"}]},
{"model": "llama3.2", "stream": false, "format": {"type": "object"}, "keep_alive": "5m",
 "options": {"temperature": 0}, "messages": [{"role": "system", "content": "s"},
 {"role": "user", "content": "hi"}, {"role": "assistant", "content": ""}]},
{"model": "llava", "messages": [
  {"role": "user", "content": "what is in this image?", "images": ["iVBORw0KGgo"]}]},
{"model": "qwen3", "think": true,
 "tools": [{"type": "function", "function": {"name": "get_weather", "parameters": {}}}],
 "messages": [{"role": "user", "content": "What is the weather in Tokyo?"},
  {"role": "assistant", "tool_calls": [
    {"function": {"name": "get_weather", "arguments": {"city": "Tokyo"}}},
    {"id": "c1", "function": {"index": 1, "name": "get_time", "arguments": {}}}]},
  {"role": "tool", "content": "11 degrees celsius", "tool_name": "get_weather"},
  {"role": "assistant", "content": "It is 11 degrees.", "thinking": "The tool said 11."}]},
{"model": "llama3.2", "messages": []},
{"model": "llama3.2"}
]""",
    "ollama_generate": """[
{"model": "llama3.2", "prompt": "Why is the sky blue?"},
{"model": "codellama:code", "prompt": "def compute_gcd(a, b):", "suffix": "    return result",
 "options": {"temperature": 0}, "stream": false},
{"model": "llava", "prompt": "What is in this picture?", "stream": false, "images": ["iVBORw0"]},
{"model": "mistral", "prompt": "[INST] why? [/INST]", "raw": true, "context": [1, 2, 3]},
{"model": "llama3.2", "system": "s", "template": "{{ .Prompt }}", "format": "json"},
{"model": "llama3.2"}
]""",
}


def _valid_cases() -> list[tuple[str, Body]]:
    cases = [(api, body) for api, text in VALID.items() for body in json.loads(text)]
    items = json.loads(RESPONSES_ITEMS)
    cases.append(("responses", {"model": "gpt-4.1", "input": items}))
    cases += [("responses", {"model": "gpt-4.1", "input": [item]}) for item in items]
    return cases


VALID_CASES = _valid_cases()


@pytest.mark.parametrize(
    ("api", "body"), VALID_CASES, ids=[f"{api}-{n}" for n, (api, _) in enumerate(VALID_CASES)]
)
def test_documented_bodies_pass(api: str, body: Body) -> None:
    CHECKS[api](body)


MALFORMED = {
    "chat": """[
["messages", {"model": "gpt-4o", "messages": "$X"}],
["messages", {"model": "gpt-4o", "messages": {"role": "user", "content": "$X"}}],
["messages", {"model": "gpt-4o", "messages": []}],
["messages", {"model": "gpt-4o", "user": "$X"}],
["messages[1]", {"messages": [{"role": "user", "content": "a"}, "$X"]}],
["messages[0].role", {"messages": [{"content": "$X"}]}],
["messages[0].role", {"messages": [{"role": "$X", "content": "a"}]}],
["messages[0].content", {"messages": [{"role": "user", "content": {"text": "$X"}}]}],
["messages[0].content", {"messages": [{"role": "user", "content": 13097248022}]}],
["messages[0].content", {"messages": [{"role": "user", "content": null, "name": "$X"}]}],
["messages[0].content", {"messages": [{"role": "system", "name": "$X"}]}],
["messages[0].content", {"messages": [{"role": "assistant", "content": null, "name": "$X"}]}],
["messages[0].content", {"messages": [{"role": "tool", "tool_call_id": "$X", "content": null}]}],
["messages[0].content[0]", {"messages": [{"role": "user", "content": ["$X"]}]}],
["messages[0].content[0]", {"messages": [{"role": "user", "content": [{"text": "$X"}]}]}],
["messages[0].content[0].text",
 {"messages": [{"role": "user", "content": [{"type": "text", "text": {"v": "$X"}}]}]}],
["messages[0].content[0].refusal",
 {"messages": [{"role": "assistant", "content": [{"type": "refusal", "text": "$X"}]}]}],
["messages[0].tool_calls",
 {"messages": [{"role": "assistant", "content": null, "tool_calls": {"id": "$X"}}]}],
["messages[0].tool_calls[0].function",
 {"messages": [{"role": "assistant", "content": null, "tool_calls": [{"id": "$X"}]}]}],
["messages[0].tool_calls[0].function.arguments", {"messages": [{"role": "assistant",
  "tool_calls": [{"type": "function", "function": {"name": "f", "arguments": {"w": "$X"}}}]}]}],
["messages[0].tool_calls[0].custom.input", {"messages": [{"role": "assistant",
  "tool_calls": [{"type": "custom", "custom": {"name": "f", "input": ["$X"]}}]}]}],
["messages[0].function_call.arguments", {"messages": [{"role": "assistant",
  "function_call": {"name": "f", "arguments": {"a": "$X"}}}]}],
["messages[0].refusal",
 {"messages": [{"role": "assistant", "content": "a", "refusal": {"r": "$X"}}]}],
["model", {"model": ["$X"], "messages": [{"role": "user", "content": "a"}]}],
["user", {"user": {"name": "$X"}, "messages": [{"role": "user", "content": "a"}]}],
["safety_identifier", {"safety_identifier": 13097248022, "messages": [{"role": "user"}]}],
["metadata", {"metadata": "$X", "messages": [{"role": "user", "content": "a"}]}],
["stop", {"stop": ["$X", 1], "messages": [{"role": "user", "content": "a"}]}],
["stop", {"stop": {"s": "$X"}, "messages": [{"role": "user", "content": "a"}]}],
["tools", {"tools": {"type": "$X"}, "messages": [{"role": "user", "content": "a"}]}],
["tools[0].type", {"tools": [{"function": {"name": "$X"}}], "messages": [{"role": "user"}]}],
["stream", {"stream": "true", "messages": [{"role": "user", "content": "$X"}]}],
["prediction.content", {"prediction": {"type": "content", "content": {"c": "$X"}},
  "messages": [{"role": "user", "content": "a"}]}]
]""",
    "responses": """[
["input", {"model": "gpt-4.1", "input": {"role": "user", "content": "$X"}}],
["input", {"model": "gpt-4.1", "input": 13097248022}],
["input[0]", {"input": ["$X"]}],
["input[0]", {"input": [{"content": "$X"}]}],
["input[0].type", {"input": [{"type": 13097248022, "content": "$X"}]}],
["input[0].role", {"input": [{"role": "$X", "content": "a"}]}],
["input[0].role", {"input": [{"role": "tool", "content": "$X"}]}],
["input[0].content", {"input": [{"role": "user", "content": {"text": "$X"}}]}],
["input[0].content", {"input": [{"type": "message", "role": "user", "id": "$X"}]}],
["input[0].content[0].text",
 {"input": [{"role": "user", "content": [{"type": "input_text", "text": ["$X"]}]}]}],
["input[0].content[0].text", {"input": [{"type": "message", "role": "assistant",
  "content": [{"type": "output_text", "text": null, "annotations": ["$X"]}]}]}],
["input[0].arguments",
 {"input": [{"type": "function_call", "call_id": "c", "name": "f", "arguments": {"w": "$X"}}]}],
["input[0].output", {"input": [{"type": "function_call_output", "output": {"o": "$X"}}]}],
["input[0].output[0]", {"input": [{"type": "custom_tool_call_output", "output": ["$X"]}]}],
["input[0].input",
 {"input": [{"type": "custom_tool_call", "call_id": "c", "name": "f", "input": ["$X"]}]}],
["input[0].output",
 {"input": [{"type": "mcp_call", "name": "f", "arguments": "{}", "output": {"o": "$X"}}]}],
["input[0].id", {"input": [{"type": "item_reference", "note": "$X"}]}],
["input[0].id", {"input": [{"id": {"i": "$X"}}]}],
["instructions", {"input": "a", "instructions": ["$X"]}],
["tools[0].type", {"input": "a", "tools": [{"name": "$X"}]}],
["prompt.id", {"prompt": {"variables": {"v": "$X"}}}],
["prompt.variables{0}", {"prompt": {"id": "p", "variables": {"name": ["$X"]}}}],
["prompt.variables{1}.text",
 {"prompt": {"id": "p", "variables": {"a": "ok", "b": {"type": "input_text", "text": ["$X"]}}}}]
]""",
    "embeddings": """[
["input", {"model": "m", "input": {"text": "$X"}}],
["input", {"model": "m", "user": "$X"}],
["input", {"model": "m", "input": null}],
["input", {"model": "m", "input": ["$X", 1]}],
["input", {"model": "m", "input": [[1, "$X"]]}],
["input", {"model": "m", "input": [true, false], "user": "$X"}],
["user", {"model": "m", "input": "a", "user": ["$X"]}]
]""",
    "completions": """[
["prompt", {"model": "m", "prompt": {"p": "$X"}}],
["prompt", {"model": "m", "suffix": "$X"}],
["suffix", {"model": "m", "prompt": "a", "suffix": ["$X"]}],
["stop", {"model": "m", "prompt": "a", "stop": [["$X"]]}]
]""",
    "anthropic": """[
["messages", {"model": "c", "max_tokens": 1, "messages": "$X"}],
["messages", {"model": "c", "max_tokens": 1, "messages": {"role": "user", "content": "$X"}}],
["messages", {"model": "c", "max_tokens": 1, "system": "$X"}],
["model", {"max_tokens": 1, "messages": [{"role": "user", "content": "$X"}]}],
["messages[0].role", {"model": "c", "messages": [{"role": "tool", "content": "$X"}]}],
["messages[0].content", {"model": "c", "messages": [{"role": "user", "content": {"text": "$X"}}]}],
["messages[0].content", {"model": "c", "messages": [{"role": "user", "content": null}]}],
["messages[0].content[0]", {"model": "c", "messages": [{"role": "user", "content": ["$X"]}]}],
["messages[0].content[0]", {"model": "c", "messages": [{"role": "user", "content": [{"a": 1}]}]}],
["messages[0].content[0].text",
 {"model": "c", "messages": [{"role": "user", "content": [
  {"type": "text", "text": 13097248022}]}]}],
["messages[0].content[0].input", {"model": "c", "messages": [{"role": "assistant", "content": [
  {"type": "tool_use", "id": "t", "name": "f", "input": "{\\"who\\": \\"$X\\"}"}]}]}],
["messages[0].content[0].content", {"model": "c", "messages": [{"role": "user", "content": [
  {"type": "tool_result", "tool_use_id": "t", "content": {"c": "$X"}}]}]}],
["messages[0].content[0].content[0].text", {"model": "c", "messages": [{"role": "user", "content": [
  {"type": "tool_result", "tool_use_id": "t", "content": [{"type": "text", "text": ["$X"]}]}]}]}],
["messages[0].content[0].thinking", {"model": "c", "messages": [{"role": "assistant", "content": [
  {"type": "thinking", "thinking": {"t": "$X"}, "signature": "s"}]}]}],
["messages[0].content[0].data", {"model": "c", "messages": [{"role": "assistant", "content": [
  {"type": "redacted_thinking", "data": ["$X"]}]}]}],
["messages[0].content[0].source",
 {"model": "c", "messages": [{"role": "user", "content": [{"type": "image", "data": "$X"}]}]}],
["messages[0].content[0].source",
 {"model": "c", "messages": [{"role": "user", "content": [{"type": "document", "source": "$X"}]}]}],
["messages[0].content[0].source.data", {"model": "c", "messages": [{"role": "user", "content": [
  {"type": "document", "source": {"type": "text", "data": ["$X"]}}]}]}],
["messages[0].content[0].source.content", {"model": "c", "messages": [{"role": "user", "content": [
  {"type": "document", "source": {"type": "content", "content": {"c": "$X"}}}]}]}],
["messages[0].content[0].content", {"model": "c", "messages": [{"role": "user", "content": [
  {"type": "search_result", "source": "s", "title": "t", "content": "$X"}]}]}],
["system", {"model": "c", "messages": [], "system": {"text": "$X"}}],
["system[0]", {"model": "c", "messages": [], "system": ["$X"]}],
["stop_sequences", {"model": "c", "messages": [], "stop_sequences": "$X"}],
["metadata.user_id", {"model": "c", "messages": [], "metadata": {"user_id": 13097248022}}],
["metadata", {"model": "c", "messages": [], "metadata": ["$X"]}],
["tools[0].input_schema", {"model": "c", "messages": [], "tools": [{"name": "f", "x": "$X"}]}],
["tools[0].name", {"model": "c", "messages": [], "tools": [{"input_schema": {"d": "$X"}}]}],
["stream", {"model": "c", "messages": [], "stream": 13097248022}]
]""",
    "ollama_chat": """[
["model", {"messages": [{"role": "user", "content": "$X"}]}],
["messages", {"model": "m", "messages": "$X"}],
["messages", {"model": "m", "messages": {"role": "user", "content": "$X"}}],
["messages[0].role", {"model": "m", "messages": [{"content": "$X"}]}],
["messages[0].role", {"model": "m", "messages": [{"role": "developer", "content": "$X"}]}],
["messages[0].content",
 {"model": "m", "messages": [{"role": "user", "content": [{"type": "text", "text": "$X"}]}]}],
["messages[0].images", {"model": "m", "messages": [{"role": "user", "images": "$X"}]}],
["messages[0].images", {"model": "m", "messages": [{"role": "user", "images": [{"i": "$X"}]}]}],
["messages[0].thinking", {"model": "m", "messages": [{"role": "assistant", "thinking": ["$X"]}]}],
["messages[0].tool_calls[0].function",
 {"model": "m", "messages": [{"role": "assistant", "tool_calls": [{"name": "$X"}]}]}],
["messages[0].tool_calls[0].function.arguments", {"model": "m", "messages": [{"role": "assistant",
  "tool_calls": [{"function": {"name": "f", "arguments": "{\\"who\\": \\"$X\\"}"}}]}]}],
["tools[0].type", {"model": "m", "tools": [{"function": {"name": "$X"}}]}],
["stream", {"model": "m", "stream": "$X"}]
]""",
    "ollama_generate": """[
["model", {"prompt": "$X"}],
["prompt", {"model": "m", "prompt": {"p": "$X"}}],
["system", {"model": "m", "system": ["$X"]}],
["context", {"model": "m", "context": ["$X"]}],
["images", {"model": "m", "images": "$X"}]
]""",
}


def _malformed_cases() -> list[tuple[str, str, Body]]:
    return [
        (api, where, body)
        for api, text in MALFORMED.items()
        for where, body in json.loads(text.replace("$X", CANARY))
    ]


MALFORMED_CASES = _malformed_cases()


@pytest.mark.parametrize(
    ("api", "where", "body"), MALFORMED_CASES, ids=[f"{a}:{w}" for a, w, _ in MALFORMED_CASES]
)
def test_malformed_bodies_are_refused_by_path(api: str, where: str, body: Body) -> None:
    with pytest.raises(InvalidShapeError) as raised:
        CHECKS[api](body)
    assert raised.value.where == where
    assert str(raised.value).startswith(f"{where}: expected ")
    for text in (str(raised.value), raised.value.where, raised.value.expected):
        assert not any(part in text for part in CANARY_PARTS)


@pytest.mark.parametrize(
    ("api", "body", "expected"),
    [
        (
            "chat",
            {"messages": [{"role": "x"}]},
            "one of: assistant, developer, function, system, tool, user",
        ),
        ("chat", {"messages": [{"role": "user"}]}, "a string or a list of content parts"),
        (
            "anthropic",
            {"model": "c", "messages": [{"role": "user"}]},
            "a string or a list of content blocks",
        ),
        (
            "chat",
            {"messages": [{"role": "user", "content": "a"}], "stop": 1},
            "a string, a list of strings, or null",
        ),
        (
            "completions",
            {"prompt": {}},
            "a string, a list of strings, a token array, or a list of token arrays, or null",
        ),
    ],
)
def test_the_error_says_what_was_expected(api: str, body: Body, expected: str) -> None:
    with pytest.raises(InvalidShapeError) as raised:
        CHECKS[api](body)
    assert raised.value.expected == expected
