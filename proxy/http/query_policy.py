"""Query strings, deny by default: API parameters pass, identifying ones are refused.

A provider's POST endpoints take no query parameters worth hiding a name in, yet
``POST /v1/chat/completions?patient=Kari%20Nordmann`` is easy to send. Before anything is
sent upstream, each parameter of a request to a provider route is either

* forwarded unread: the route's record allows its name with that value
  (:meth:`~proxy.providers.record.ProviderRecord.allows_param`: ``api-version=2024-10-21``); or
* scanned: its name and value, percent-decoded (twice, if they still hold escapes), go
  through detection and policy like body text, all in one batch. Any finding that policy does
  not ``allow`` refuses the whole request with a 400 ``sladd_identifying_query`` naming the
  parameter's position, never its name or value (either may be the identifier). Nothing is
  sent upstream. A parameter without findings is forwarded as it came.

Query parameters are never pseudonymised: a rewritten query could not be restored, and an
app that puts a patient in a URL should learn about it rather than have it quietly changed.
(Headers are not scanned: :mod:`proxy.http.upstream` forwards allow-listed ones only.)
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, unquote_plus

from proxy.providers.record import ProviderRecord
from proxy.scrub.pipeline import Scrubber
from proxy.support.errors import SladdError
from recognizers.registry import CLINICAL_PHI

REFUSED_TYPE = "sladd_identifying_query"
PATH_REFUSED_TYPE = "sladd_identifying_path"
API_WORDS = frozenset(
    {"v1", "v1beta", "openai", "api", "chat", "completions", "responses", "embeddings",
     "messages", "count_tokens", "generate", "models", "files", "batches", "deployments",
     "input_items", "cancel", "content", "tags", "show", "ps", "version", "uploads", "parts",
     "vector_stores", "assistants", "threads", "runs", "steps", "audio", "images",
     "moderations", "fine_tuning", "jobs", "conversations", "items"}
)  # fmt: skip
"""Path words every provider API uses (a record adds its own, ``path_words``): the rest of a
path (ids, deployment and model names) is scanned."""


@dataclass(frozen=True, slots=True)
class QueryParam:
    """One ``name=value`` piece of a raw query string, decoded; ``position`` counts from 1."""

    position: int
    name: str
    value: str


def split_query(raw_query: str) -> list[QueryParam]:
    """The parameters of a raw (percent-encoded) query string, in order.

    Pieces are split on ``&`` and ``;`` (some servers split on both), so a value cannot hide
    a second parameter from the allow-list.
    """
    pieces = [p for p in raw_query.replace(";", "&").split("&") if p]
    params = []
    for position, piece in enumerate(pieces, start=1):
        name, _, value = piece.partition("=")
        decoded = (unquote_plus(part, errors="replace") for part in (name, value))
        params.append(QueryParam(position, *decoded))
    return params


@dataclass(frozen=True, slots=True)
class _Scanned:
    """A text to scan and where it is, to say if it holds a finding."""

    text: str
    where: str


def _forms(text: str) -> list[str]:
    """``text`` and, if it still holds percent escapes, ``text`` decoded once more."""
    again = unquote(text, errors="replace")
    return [text] if again == text else [text, again]


def _query_texts(raw_query: str, record: ProviderRecord) -> list[_Scanned]:
    return [
        _Scanned(form, f"query parameter {param.position} ({part})")
        for param in split_query(raw_query)
        if not record.allows_param(param.name, param.value)
        for part, text in (("its name", param.name), ("its value", param.value))
        if text
        for form in _forms(text)
    ]


async def check_query(raw_query: str, record: ProviderRecord, scrubber: Scrubber) -> None:
    """Refuse (400 ``sladd_identifying_query``) a query with an identifying parameter.

    See the module docstring; detection runs off the event loop (:meth:`Scrubber.detect`),
    and not at all for a query of allow-listed parameters (the SDKs' usual requests).
    """
    hit = await _first_finding(_query_texts(raw_query, record), scrubber)
    if hit is not None:
        item, kinds = hit
        raise SladdError(400, REFUSED_TYPE, _message(item, kinds, record.route))


async def _first_finding(
    scanned: list[_Scanned], scrubber: Scrubber
) -> tuple[_Scanned, list[str]] | None:
    """The first scanned text policy acts on, with its entity types (no detection if none).
    Dates, ages, places and care units do not refuse a URL (``2024-06-01``, a deployment
    named after a town): a URL cannot be rewritten, and these are no identifiers alone."""
    if not scanned:
        return None
    found = await scrubber.detect([item.text for item in scanned])
    for item, findings in zip(scanned, found, strict=True):
        decisions = scrubber.policy.decide(item.text, findings)
        kinds = sorted(
            {
                d.finding.entity_type
                for d in decisions
                if d.action != "allow" and d.finding.entity_type not in CLINICAL_PHI
            }
        )
        if kinds:
            return item, kinds
    return None


async def check_path(tail: str, record: ProviderRecord, scrubber: Scrubber) -> None:
    """Refuse (400 ``sladd_identifying_path``) a URL path with an identifying segment.

    The path after the route's base goes upstream as it came (``files/{id}``,
    ``deployments/{name}``), so each segment, percent-decoded, is scanned like a query value
    unless it is one of the providers' own :data:`API_WORDS` or the record's ``path_words``
    (then no detection runs for the usual requests); a finding refuses the request, naming
    the segment's position only.
    """
    words = API_WORDS | record.path_words
    segments = [unquote(part, errors="replace") for part in tail.split("/")]
    scanned = [
        _Scanned(form, f"path segment {position}")
        for position, segment in enumerate(segments, start=1)
        if segment and segment not in words
        for form in _forms(segment)
    ]
    hit = await _first_finding(scanned, scrubber)
    if hit is not None:
        item, kinds = hit
        message = (
            f"{item.where} of the URL holds what looks like identifying data "
            f"({', '.join(kinds)}), so sladd sent nothing"
        )
        raise SladdError(400, PATH_REFUSED_TYPE, message)


def _message(item: _Scanned, kinds: list[str], route: str) -> str:
    return (
        f"{item.where} holds what looks like identifying data ({', '.join(kinds)}), so "
        f"sladd sent nothing; put such text in the request body, where it is pseudonymised "
        f"(route '{route}' forwards only its known API parameters unread)"
    )
