"""Text rendering for ``sladd logs``: the summary table and one exchange.

Everything printed passes through :func:`~proxy.review.highlight.safe`: control characters
(terminal escape sequences a request might carry) are shown as ``\\x1b``-style escapes.
"""

from __future__ import annotations

from collections.abc import Sequence

from proxy.audit.crypto import ScrubbedView
from proxy.audit.reader import Summary
from proxy.audit.record import FINDING_ACTIONS, AuditRecord
from proxy.review.feedback import FeedbackResult
from proxy.review.highlight import palette_index, safe, segments
from proxy.scrub.tokens import TokenFormat

_COLORS = ("31", "32", "33", "34", "35", "36")


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain column-aligned table; numbers right-aligned."""
    cells = [[safe(str(c)) for c in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    numeric = [all(isinstance(r[i], int | float) for r in rows) for i in range(len(header))]
    lines = []
    for row in cells:
        padded = [
            c.rjust(w) if num else c.ljust(w)
            for c, w, num in zip(row, widths, numeric, strict=True)
        ]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines) + "\n"


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{key} {value}" for key, value in counts.items()) or "-"


def summary_table(summary: Summary, recent: Sequence[AuditRecord]) -> str:
    """Requests, blocks, findings by type and action, then the most recent exchanges."""
    parts = [
        f"Requests: {summary.requests}   Blocked: {summary.blocked}\n",
        f"Period:   {summary.first or '-'} .. {summary.last or '-'}\n",
        f"Outcomes: {_counts(summary.outcomes)}\n",
        f"Routes:   {_counts(summary.routes)}\n\n",
    ]
    rows = [
        [entity, total, *(summary.actions[entity].get(a, 0) for a in FINDING_ACTIONS)]
        for entity, total in summary.findings.items()
    ]
    parts.append(table(["ENTITY TYPE", "FINDINGS", *(a.upper() for a in FINDING_ACTIONS)], rows))
    if recent:
        parts.append("\nRecent exchanges (newest first):\n")
        parts.append(table(_RECENT_HEADER, [_recent_row(r) for r in recent]))
    return "".join(parts)


_RECENT_HEADER = ["TIME", "REQUEST ID", "ROUTE", "MODEL", "STATUS", "OUTCOME", "FINDINGS"]


def _recent_row(record: AuditRecord) -> list[object]:
    findings = " ".join(f"{t}={n}" for t, n in record.counts.items()) or "-"
    return [
        record.time,
        record.request_id,
        record.route,
        record.model or "-",
        record.status,
        record.outcome,
        findings,
    ]


def _highlight(text: str, token_format: TokenFormat, color: bool) -> str:
    out = []
    for segment in segments(text, token_format):
        shown = safe(segment.text)
        if segment.label is not None and color:
            code = _COLORS[palette_index(segment.label, len(_COLORS))]
            shown = f"\x1b[1;{code};7m{shown}\x1b[0m"
        out.append(shown)
    return "".join(out)


def exchange_text(
    record: AuditRecord, view: ScrubbedView, token_format: TokenFormat, color: bool
) -> str:
    """One exchange: metadata, numbered findings and the scrubbed text, tokens highlighted."""
    scrub = f" (scrub {record.scrub_ms:.1f} ms)" if record.scrub_ms is not None else ""
    head = [
        f"Request:  {record.request_id}",
        f"Time:     {record.time}",
        f"Route:    {record.route} ({record.provider}), model {record.model or '-'}",
        f"Result:   {record.status} {record.outcome}, {record.latency_ms:.1f} ms{scrub}",
        f"Scope:    {record.scope}",
        f"Findings: {len(record.findings)}",
    ]
    rows = [
        [n, f.slot, f.entity_type, f"{f.start}-{f.end}", f.recognizer, f.score, f.action, f.token]
        for n, f in enumerate(record.findings, start=1)
    ]
    header = ["#", "SLOT", "ENTITY TYPE", "SPAN", "RECOGNIZER", "SCORE", "ACTION", "TOKEN"]
    parts = [safe("\n".join(head)) + "\n"]
    if rows:
        parts.append("\n" + table(header, [[c if c is not None else "-" for c in r] for r in rows]))
    parts.append(f"\nScrubbed text: {safe(view.note)}\n")
    for slot in view.slots or ():
        body = _highlight(slot.text, token_format, color).replace("\n", "\n    ")
        parts.append(f"  {safe(slot.slot)}:\n    {body}\n")
    return "".join(parts)


def feedback_message(result: FeedbackResult, kind: str) -> str:
    """What feedback did, without the text itself."""
    if not result.added:
        return f"already there: that {result.entity_type} {kind} is in {result.file}\n"
    return (
        f"recorded {kind} ({result.entity_type}) in {result.file}; "
        "it takes effect when sladd restarts\n"
    )
