"""Test doubles for sladd's functional tests: a fake LLM upstream speaking the real wire formats.

`llm_upstream.FakeUpstream` is the entry point; `script.Script` / `script.ToolCall` script it.
"""
