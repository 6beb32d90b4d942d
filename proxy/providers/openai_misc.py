"""OpenAI embeddings and legacy completions.

Both take ``input`` / ``prompt`` as a string or a list of strings. Token arrays (lists of
integers) cannot be scanned, so they are refused: sladd never forwards what it cannot read.
Legacy completions stream ``choices[].text`` fragments, one restorer per choice.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from proxy.providers.base import Framing, StreamEvent, UnscrubbableRequestError
from proxy.providers.response_walk import restore_json
from proxy.providers.shapes_openai import check_completions, check_embeddings
from proxy.providers.slots import SlotCollector, as_dict, as_list
from proxy.providers.streams import StreamSet
from proxy.providers.walk import FieldRules, collect

if TYPE_CHECKING:
    from proxy.scrub.restore import Restorer

RULES = FieldRules(data=frozenset({"metadata"}))
"""Embeddings and completions: every string is scanned; model, type and names are fixed."""


def refuse_token_arrays(body: dict[str, object], key: str) -> None:
    """``body[key]`` must be a string or a list of strings; token arrays are refused."""
    value = body.get(key)
    if value is None or isinstance(value, str):
        return
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise UnscrubbableRequestError(
            f"'{key}' must be a string or a list of strings: token arrays cannot be scanned "
            "for personal data, so sladd does not forward them"
        )


class OpenAIEmbeddings:
    """``POST .../embeddings``."""

    name = "openai_embeddings"
    framing: Framing = "sse"

    def request_slots(self, body: dict[str, object]) -> SlotCollector:
        """Checks the shape, refuses token arrays, then every string under :data:`RULES`."""
        check_embeddings(body)
        refuse_token_arrays(body, "input")
        return collect(body, RULES)

    def is_streaming(self, body: dict[str, object], tail: str) -> bool:
        """Embeddings never stream."""
        return False

    def stream_rewriter(self, restorer: Restorer) -> CompletionStreamRewriter:
        """Not used (embeddings never stream); kept for the protocol."""
        return CompletionStreamRewriter(restorer)


class OpenAICompletions:
    """``POST .../completions`` (legacy)."""

    name = "openai_completions"
    framing: Framing = "sse"

    def request_slots(self, body: dict[str, object]) -> SlotCollector:
        """Checks the shape, refuses token arrays, then every string under :data:`RULES`."""
        check_completions(body)
        refuse_token_arrays(body, "prompt")
        return collect(body, RULES)

    def is_streaming(self, body: dict[str, object], tail: str) -> bool:
        """``"stream": true``."""
        return body.get("stream") is True

    def stream_rewriter(self, restorer: Restorer) -> CompletionStreamRewriter:
        """See :class:`CompletionStreamRewriter`."""
        return CompletionStreamRewriter(restorer)


def _is(index: object) -> Callable[[Hashable], bool]:
    return lambda key: key == index


class CompletionStreamRewriter:
    """Restores legacy completion chunks; held text is released at ``finish_reason``."""

    def __init__(self, restorer: Restorer) -> None:
        self._streams = StreamSet(restorer)
        self._last: dict[str, object] = {}

    async def event(self, event: StreamEvent) -> list[StreamEvent]:
        """One chunk in, one chunk out (``[DONE]`` first releases anything still held)."""
        chunk = as_dict(event.data)
        if chunk is None:
            return [*await self.end(), event]
        self._last = chunk
        for choice in as_list(chunk.get("choices")):
            choice_dict = as_dict(choice)
            if choice_dict is None:
                continue
            index = choice_dict.get("index", 0)
            text = choice_dict.get("text")
            restored = await self._streams.feed(index, text) if isinstance(text, str) else ""
            if choice_dict.get("finish_reason") is not None:
                restored += "".join((await self._streams.flush(_is(index))).values())
            if isinstance(text, str) or restored:
                choice_dict["text"] = restored
            if "logprobs" in choice_dict:
                choice_dict["logprobs"] = await restore_json(
                    choice_dict["logprobs"], self._streams.restorer
                )
        return [event]

    async def end(self) -> list[StreamEvent]:
        """Release text held for choices that never finished."""
        released = await self._streams.flush()
        if not released:
            return []
        meta = {k: v for k, v in self._last.items() if k not in {"choices", "usage"}}
        choices = [
            {"index": index, "text": text, "finish_reason": None, "logprobs": None}
            for index, text in released.items()
        ]
        return [StreamEvent({**meta, "choices": choices})]
