"""One exchange, without sockets: scrub a request body, restore a whole or streamed answer.

``app.py`` owns the HTTP side and calls these. Everything that fails in the scrub path raises
:class:`~proxy.support.errors.SladdError` (a clear refusal) or any other exception (an internal
failure); either way the caller sends nothing upstream.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

from proxy.audit.crypto import ScrubbedSlot
from proxy.audit.known_findings import KnownFindings
from proxy.audit.record import AuditFinding, safe_model
from proxy.providers.base import (
    Framing,
    Provider,
    StreamRewriter,
    UnscrubbableRequestError,
)
from proxy.providers.error_shapes import ErrorShape
from proxy.providers.errors import IdentifyingFieldError, InvalidShapeError
from proxy.providers.framing import decoder, encode
from proxy.providers.response_walk import restore_json
from proxy.providers.slots import MAX_JSON_STRING_DEPTH, Slot, SlotCollector, json_depth
from proxy.scrub.date_shift import OffsetSource, scope_offset
from proxy.scrub.pipeline import LITERAL_ENTITY, Scrubber, ScrubResult
from proxy.scrub.pseudonymise import normalise_value
from proxy.scrub.restore import Resolver, Restorer
from proxy.support.errors import SladdError
from recognizers.registry import CLINICAL_PHI

MAX_JSON_DEPTH = MAX_JSON_STRING_DEPTH
"""How deep a request body may nest; the same bound as JSON inside a string."""


@dataclass(frozen=True, slots=True)
class ScrubbedRequest:
    """What goes upstream, and how to read the answer."""

    body: bytes
    restorer: Restorer
    streaming: bool
    findings: tuple[AuditFinding, ...] = ()
    scrubbed: tuple[ScrubbedSlot, ...] = ()
    model: str = ""


@dataclass(frozen=True)
class BlockedError(SladdError):
    """``422 sladd_blocked``, carrying the audit findings of the refused request."""

    findings: tuple[AuditFinding, ...] = ()


_KNOWN_FINDINGS = KnownFindings()


def _audit_findings(
    slots: Sequence[Slot], results: Sequence[ScrubResult]
) -> tuple[AuditFinding, ...]:
    found: list[AuditFinding] = []
    for slot, result in zip(slots, results, strict=True):
        found += _KNOWN_FINDINGS.findings(slot.where, result)
    return tuple(found)


def parse_json_object(raw: bytes) -> dict[str, object]:
    """The request body as a JSON object, or a 400 that says what is wrong with it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"request body is not valid UTF-8 (byte {exc.start})"
        raise SladdError(400, "sladd_invalid_request", message) from exc
    try:
        body = json.loads(text)
    except ValueError as exc:
        message = f"request body is not valid JSON: {exc}"
        raise SladdError(400, "sladd_invalid_request", message) from exc
    except RecursionError as exc:
        message = f"request body is nested deeper than {MAX_JSON_DEPTH} levels"
        raise SladdError(400, "sladd_invalid_request", message) from exc
    if not isinstance(body, dict):
        raise SladdError(400, "sladd_invalid_request", "request body must be a JSON object")
    if json_depth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        message = f"request body is nested deeper than {MAX_JSON_DEPTH} levels"
        raise SladdError(400, "sladd_invalid_request", message)
    return body


def _blocked_message(slots: Sequence[Slot], results: Sequence[ScrubResult]) -> str | None:
    places = [
        f"{d.finding.entity_type} at {slot.where}[{d.finding.start}:{d.finding.end}]"
        for slot, result in zip(slots, results, strict=True)
        for d in result.blocked
    ]
    if not places:
        return None
    return "request refused by sladd policy (block): " + "; ".join(places)


class TokenCollisionError(RuntimeError):
    """One token would stand for two different values in one request: fail closed."""


def _issued(slots: Sequence[Slot], results: Sequence[ScrubResult]) -> dict[tuple[str, int], str]:
    """Token -> value for every token this request's rewritten slots carry.

    One token never maps to two values (values equal once normalised, such as ``Kari
    Nordmann`` and ``kari nordmann``, share one); if it would, the request fails closed.
    """
    issued: dict[tuple[str, int], str] = {}
    for slot, result in zip(slots, results, strict=True):
        for replacement in result.scrubbed.replacements:
            if replacement.token is None:
                continue
            value = slot.text[replacement.start : replacement.end]
            known = issued.setdefault(replacement.token, value)
            if known != value and normalise_value(known) != normalise_value(value):
                raise TokenCollisionError(f"token {replacement.token[0]} issued for two values")
    return issued


def _refuse_unrewritable_findings(slots: Sequence[Slot], results: Sequence[ScrubResult]) -> None:
    """Fixed and signed slots are never rewritten: a finding in one refuses the request.

    Token look-alikes count in fixed slots (a client could smuggle one into an id or name);
    in signed slots they are sladd's own tokens, which the provider signed with the text.
    Dates, ages, places and care units do not refuse: a fixed field holding one is API
    vocabulary (``gpt-4o-2024-08-06``), and signed text holds what the provider wrote from
    the moved dates and pseudonyms it was sent.
    """
    for slot, result in zip(slots, results, strict=True):
        if slot.kind == "text":
            continue
        kinds = [
            d.finding.entity_type
            for d in result.decisions
            if d.action != "allow"
            and d.finding.entity_type not in CLINICAL_PHI
            and (slot.kind == "fixed" or d.finding.entity_type != LITERAL_ENTITY)
        ]
        if kinds:
            raise IdentifyingFieldError(slot.where, kinds)


def vault_resolver(scrubber: Scrubber, scope: str) -> Resolver:
    """Looks tokens of ``scope`` up in the scrubber's vault (tokens this request did not issue)."""

    async def lookup(label: str, number: int) -> str | None:
        return await scrubber.vault.lookup(scope, label, number)

    return lookup


def offset_reader(scrubber: Scrubber, scope: str) -> OffsetSource:
    """Reads the date offset of ``scope`` from the scrubber's vault (never creates one)."""

    async def read() -> int | None:
        return await scope_offset(scrubber.vault, scope, create=False)

    return read


def _collect(provider: Provider, raw: bytes) -> tuple[dict[str, object], SlotCollector]:
    """The parsed body and its slots; a clear 400 when the body cannot be scrubbed."""
    if not raw.strip():
        message = f"a {provider.name} request needs a JSON body; this one is empty"
        raise SladdError(400, "sladd_invalid_request", message)
    body = parse_json_object(raw)
    try:
        return body, provider.request_slots(body)
    except UnscrubbableRequestError as exc:
        raise SladdError(400, "sladd_unscrubbable_input", str(exc)) from exc
    except InvalidShapeError as exc:
        message = f"request body is not a valid {provider.name} request: {exc}"
        raise SladdError(400, "sladd_invalid_request", message) from exc


async def scrub_request(
    scrubber: Scrubber, provider: Provider, raw: bytes, scope: str, tail: str = ""
) -> ScrubbedRequest:
    """Parse, scrub every string of the body (deny by default), serialise it for upstream.

    ``tail`` is the request's path after its route's base (what the adapter serves): some
    APIs stream by path, not by a body field."""
    body, collector = _collect(provider, raw)
    every = collector.slots
    found = await scrubber.scrub([slot.text for slot in every], scope)
    try:
        _refuse_unrewritable_findings(every, found)
    except IdentifyingFieldError as exc:
        raise SladdError(400, "sladd_identifying_field", str(exc)) from exc
    rewritten = [(s, r) for s, r in zip(every, found, strict=True) if s.kind == "text"]
    slots, results = [s for s, _ in rewritten], [r for _, r in rewritten]
    findings = _audit_findings(slots, results)
    blocked = _blocked_message(slots, results)
    if blocked:
        raise BlockedError(422, "sladd_blocked", blocked, findings)
    for slot, result in rewritten:
        slot.apply(result.scrubbed)
    collector.commit()
    restorer = Restorer(
        scrubber.token_format,
        _issued(slots, results),
        vault_resolver(scrubber, scope),
        offset_reader(scrubber, scope),
    )
    scrubbed = tuple(ScrubbedSlot(slot.where, result.scrubbed.text) for slot, result in rewritten)
    model = safe_model(body.get("model") or _model_in_path(tail))
    streaming = provider.is_streaming(body, tail)
    return ScrubbedRequest(_serialised(body), restorer, streaming, findings, scrubbed, model)


_PATH_MODEL = re.compile(r"(?:^|/)models/([^/:]+)")


def _model_in_path(tail: str) -> str:
    """The model an API names in its path rather than its body (Gemini's
    ``v1beta/models/gemini-2.5-flash:generateContent``), else ``""``."""
    found = _PATH_MODEL.search(tail)
    return found.group(1) if found else ""


def _serialised(body: dict[str, object]) -> bytes:
    try:
        return json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        message = "request body has an unpaired surrogate escape (\\ud800-\\udfff)"
        raise SladdError(400, "sladd_invalid_request", message) from exc


async def restore_body(raw: bytes, restorer: Restorer) -> bytes:
    """A whole response with tokens restored; non-JSON text is restored as text."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw
    try:
        document = json.loads(text)
    except ValueError:
        return (await restorer.restore(text)).encode("utf-8")
    restored = await restore_json(document, restorer)
    return json.dumps(restored, ensure_ascii=False).encode("utf-8")


async def restore_stream(
    chunks: AsyncIterator[bytes],
    framing: Framing,
    rewriter: StreamRewriter,
    shape: ErrorShape,
) -> AsyncIterator[bytes]:
    """Rewrite a streamed response event by event.

    Any failure — a broken upstream stream, a malformed event, a restore error — ends the
    stream with one provider-shaped error event; held-back text is dropped, never sent
    half-restored.
    """
    events = decoder(framing)
    try:
        async for chunk in chunks:
            for event in events.feed(chunk):
                for out in await rewriter.event(event):
                    yield encode(out, framing)
        for event in events.finish():
            for out in await rewriter.event(event):
                yield encode(out, framing)
        for out in await rewriter.end():
            yield encode(out, framing)
    except Exception as exc:  # every failure ends the stream the same way
        message = f"the upstream stream failed ({type(exc).__name__}); the answer is incomplete"
        error = SladdError(502, "sladd_stream_failed", message)
        yield encode(shape.stream_event(error), framing)
