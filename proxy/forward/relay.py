"""Byte-level protocols for the forward proxy: CONNECT tunnels and the TLS hand-over buffer.

These only move bytes; every decision about what may pass is made before they are attached.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class Relay(asyncio.Protocol):
    """One side of a tunnel: what arrives here is written to ``peer``, with back-pressure.

    When ``peer`` cannot keep up (this side's transport asks to pause writing), reading from
    ``peer`` pauses too. Half-closes are passed on; losing either side closes the other.
    """

    def __init__(self, on_lost: Callable[[Relay], None]) -> None:
        self.peer: asyncio.Transport | None = None
        self._on_lost = on_lost

    def data_received(self, data: bytes) -> None:
        if self.peer is not None:
            self.peer.write(data)

    def eof_received(self) -> bool:
        if self.peer is not None and self.peer.can_write_eof():
            self.peer.write_eof()
            return True
        return False

    def pause_writing(self) -> None:
        if self.peer is not None:
            self.peer.pause_reading()

    def resume_writing(self) -> None:
        if self.peer is not None:
            self.peer.resume_reading()

    def connection_lost(self, exc: Exception | None) -> None:
        if self.peer is not None:
            self.peer.close()
        self._on_lost(self)


def pair(
    client: asyncio.Transport,
    client_side: Relay,
    upstream: asyncio.Transport,
    upstream_side: Relay,
) -> None:
    """Connect the two sides of a tunnel; ``client`` starts using ``client_side``."""
    client_side.peer = upstream
    upstream_side.peer = client
    client.set_protocol(client_side)


class EarlyData(asyncio.Protocol):
    """Holds what a client sends right after the TLS handshake, until the HTTP server takes over."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.eof = False
        self.lost = False

    def data_received(self, data: bytes) -> None:
        self.chunks.append(data)

    def eof_received(self) -> bool:
        self.eof = True
        return True

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True

    def replay(self, protocol: asyncio.Protocol) -> None:
        """Give everything held so far to ``protocol`` (already attached to the transport)."""
        for chunk in self.chunks:
            protocol.data_received(chunk)
        if self.eof:
            protocol.eof_received()
        self.chunks.clear()
