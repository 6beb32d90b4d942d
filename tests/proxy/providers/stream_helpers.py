"""Build upstream streams from text pieces and read restored streams back."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import AnyStr

from proxy.http.exchange import restore_stream
from proxy.providers.base import Provider
from proxy.providers.error_shapes import OPENAI_ERRORS, ErrorShape
from proxy.providers.framing import NdjsonDecoder, SseDecoder
from proxy.scrub.restore import Restorer
from proxy.scrub.tokens import TokenFormat

FORMAT = TokenFormat("[{type}_{n}]")
ISSUED = {("PERSON", 1): "Kari Nordmann", ("FNR", 1): "13097210181", ("PERSON", 2): 'Å "Ø" Ål'}
ORIGINAL = "Hei [PERSON_1]! Fnr [FNR_1], pårørende [PERSON_2]. [PERSON_1]s mor. [ikke] ["
RESTORED = 'Hei Kari Nordmann! Fnr 13097210181, pårørende Å "Ø" Ål. Kari Nordmanns mor. [ikke] ['
ARGS = json.dumps({"patient": "[PERSON_2]", "note": "ring [PERSON_1]"})
ARGS_RESTORED = {"patient": 'Å "Ø" Ål', "note": "ring Kari Nordmann"}


def restorer() -> Restorer:
    return Restorer(FORMAT, ISSUED)


def pieces(text: AnyStr, cuts: list[int]) -> list[AnyStr]:
    """``text`` (str or bytes) cut at the given positions (modulo its length); no position
    repeats, so only the first or last piece can be empty."""
    points: list[int] = sorted({c % (len(text) + 1) for c in cuts})
    return [text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True)]


def sse(events: list[tuple[str | None, object]]) -> bytes:
    out = b""
    for name, data in events:
        head = f"event: {name}\n" if name else ""
        payload = data if isinstance(data, str) else json.dumps(data)
        out += f"{head}data: {payload}\n\n".encode()
    return out


async def _arriving(chunks: list[bytes]) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


async def run_stream(
    provider: Provider, raw: bytes, cuts: list[int], shape: ErrorShape = OPENAI_ERRORS
) -> list[object]:
    """Restore ``raw`` split at ``cuts`` and return the decoded output events' data."""
    out = b""
    rewriter = provider.stream_rewriter(restorer())
    async for piece in restore_stream(
        _arriving(pieces(raw, cuts)), provider.framing, rewriter, shape
    ):
        out += piece
    if provider.framing == "sse":
        sse_decoder = SseDecoder()
        events = sse_decoder.feed(out) + sse_decoder.finish()
    else:
        nd_decoder = NdjsonDecoder()
        events = nd_decoder.feed(out) + nd_decoder.finish()
    return [e.data if e.data is not None else e.raw for e in events]
