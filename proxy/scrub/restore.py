"""Restoring: put real values back where the model echoed a token — whole texts or streams.

A :class:`Restorer` belongs to one exchange (one scope). It knows the tokens issued while
scrubbing that exchange's request and, for tokens the model repeats from earlier turns kept on
the provider's side, asks the vault — within the same scope only. Unknown tokens stay as they
are. ``json_escape`` restores inside a JSON string literal (tool-call arguments): the value is
escaped so the surrounding JSON stays valid.

Dates the request had moved by the scope's offset (:mod:`proxy.scrub.date_shift`) are moved
back in the model's own text, never in restored values: the offset is read from the vault
the first time the answer holds a date, and a scope without one has nothing moved.

A :class:`StreamRestorer` restores text that arrives in pieces. It holds back only a suffix
that could still grow into a token (at most one token's length) or a date (``den 17.``) and
releases everything else at once.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping

from proxy.scrub.date_shift import OffsetSource, date_tail_start, unshift_dates
from proxy.scrub.tokens import TokenFormat

Resolver = Callable[[str, int], Awaitable[str | None]]


def json_fragment(value: str) -> str:
    """``value`` escaped for the inside of a JSON string literal (no quotes)."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


class Restorer:
    """Token -> value for one exchange; see module docstring."""

    def __init__(
        self,
        token_format: TokenFormat,
        issued: Mapping[tuple[str, int], str],
        fallback: Resolver | None = None,
        dates: OffsetSource | None = None,
    ) -> None:
        self.token_format = token_format
        self._known: dict[tuple[str, int], str | None] = dict(issued)
        self._fallback = fallback
        self._partial = token_format.partial
        self._dates = dates
        self._offset: int | None = None
        self._offset_read = dates is None

    @property
    def moves_dates(self) -> bool:
        """Whether dates in the model's text may need moving back (a stream holds them)."""
        return not self._offset_read or self._offset is not None

    async def _moved_back(self, text: str) -> str:
        """The model's ``text`` with the scope's dates moved back (none moved: as it is)."""
        if self._offset_read and self._offset is None:
            return text
        if not any(map(str.isdigit, text)):
            return text
        if not self._offset_read and self._dates is not None:
            self._offset = await self._dates()
            self._offset_read = True
        return text if self._offset is None else unshift_dates(text, self._offset)

    async def value_for(self, label: str, number: int) -> str | None:
        """The value behind a token, from this exchange or the scope's vault; cached."""
        key = (label, number)
        if key not in self._known:
            self._known[key] = await self._fallback(label, number) if self._fallback else None
        return self._known[key]

    async def restore(self, text: str, *, json_escape: bool = False) -> str:
        """``text`` with every known token replaced by its value and the scope's dates moved
        back (in the model's text between tokens, not in the values)."""
        matches = self.token_format.find(text)
        if not matches:
            return await self._moved_back(text)
        parts: list[str] = []
        cursor = 0
        for match in matches:
            value = await self.value_for(match.label, match.number)
            if value is None:
                continue
            parts.append(await self._moved_back(text[cursor : match.start]))
            parts.append(json_fragment(value) if json_escape else value)
            cursor = match.end
        parts.append(await self._moved_back(text[cursor:]))
        return "".join(parts)

    def could_become_token(self, suffix: str) -> bool:
        """True when more text could turn ``suffix`` into a complete token."""
        return bool(self._partial.fullmatch(suffix, partial=True))

    def stream(self, *, json_escape: bool = False) -> StreamRestorer:
        """A restorer for one stream of fragments (one choice, block, tool call or item)."""
        return StreamRestorer(self, json_escape=json_escape)


class StreamRestorer:
    """Restores fragments as they arrive; see module docstring for what is held back."""

    def __init__(self, restorer: Restorer, *, json_escape: bool) -> None:
        self._restorer = restorer
        self._json_escape = json_escape
        self._pending = ""

    @property
    def pending(self) -> str:
        """Text held back because it could be the start of a token."""
        return self._pending

    async def feed(self, fragment: str) -> str:
        """Add a fragment; return the restored text that can be released now."""
        text = self._pending + fragment
        hold = self._hold_from(text)
        self._pending = text[hold:]
        return await self._restorer.restore(text[:hold], json_escape=self._json_escape)

    async def flush(self) -> str:
        """The end of the stream: release whatever is held back."""
        text, self._pending = self._pending, ""
        return await self._restorer.restore(text, json_escape=self._json_escape)

    def _hold_from(self, text: str) -> int:
        token_format = self._restorer.token_format
        complete = token_format.find(text)
        floor = max(complete[-1].end if complete else 0, len(text) - token_format.max_length)
        heads = token_format.heads
        hold = len(text)
        for position in range(floor, len(text)):
            if text[position] in heads and self._restorer.could_become_token(text[position:]):
                hold = position
                break
        if self._restorer.moves_dates:
            hold = min(hold, date_tail_start(text[:hold]))
        return hold
