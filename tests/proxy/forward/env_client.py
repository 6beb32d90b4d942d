"""An unmodified SDK program: no base URL, proxy or CA in its code — only the environment.

Reads the prompt on stdin; prints one JSON object with what each call returned.
"""

from __future__ import annotations

import json
import sys

import anthropic
import openai


def main() -> None:
    """Four calls: OpenAI and Anthropic, whole and streamed."""
    prompt = sys.stdin.read()
    with openai.OpenAI(api_key="sk-env-only", max_retries=0) as oai:
        whole = oai.chat.completions.create(
            model="gpt-x", messages=[{"role": "user", "content": prompt}]
        )
        stream = oai.chat.completions.create(
            model="gpt-x", messages=[{"role": "user", "content": prompt}], stream=True
        )
        streamed = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    with anthropic.Anthropic(api_key="sk-ant-env-only", max_retries=0) as claude:
        message = claude.messages.create(
            model="claude-x", max_tokens=512, messages=[{"role": "user", "content": prompt}]
        )
        with claude.messages.stream(
            model="claude-x", max_tokens=512, messages=[{"role": "user", "content": prompt}]
        ) as events:
            claude_streamed = "".join(events.text_stream)
    block = message.content[0]
    result = {
        "openai": whole.choices[0].message.content,
        "openai_stream": streamed,
        "anthropic": block.text if block.type == "text" else None,
        "anthropic_stream": claude_streamed,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
