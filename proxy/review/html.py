"""HTML for the review page: ``string.Template`` files filled with escaped fragments.

Every dynamic string goes through :func:`esc` (HTML-escaped, control characters shown as
escapes). What a page can show: tokens, offsets, counts, metadata and — on an exchange's page,
when stored and the key is present — its scrubbed text, i.e. what actually left.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from string import Template

from proxy.audit.crypto import ScrubbedView
from proxy.audit.reader import AuditFilter, Summary
from proxy.audit.record import (
    EXCHANGE_OUTCOMES,
    FALSE_POSITIVE_ACTIONS,
    FINDING_ACTIONS,
    AuditFinding,
    AuditRecord,
)
from proxy.providers.records import ROUTE_NAMES
from proxy.review.chart import chart
from proxy.review.highlight import palette_index, safe, segments
from proxy.review.why import kept_reason
from proxy.scrub.policy_settings import PolicySettings
from proxy.scrub.tokens import TokenFormat, label_for

PALETTE = 12
SINCE_CHOICES = {
    "1h": "last hour",
    "24h": "last 24 hours",
    "7d": "last 7 days",
    "30d": "last 30 days",
    "": "all",
}


@functools.cache
def _template(name: str) -> Template:
    return Template((resources.files("proxy.review") / "templates" / name).read_text("utf-8"))


def esc(value: object) -> str:
    """``value`` as safe HTML text."""
    return html.escape(safe(str(value)), quote=True)


def colour(entity_type: str) -> str:
    """The colour class of an entity type (by its token label, as tokens are coloured)."""
    return f"c{palette_index(label_for(entity_type), PALETTE)}"


def page(title: str, content: str, csrf: str | None) -> str:
    """The whole document; ``csrf`` set: the visitor has a session and may sign out."""
    nav = ""
    if csrf is not None:
        nav = (
            '<form method="post" action="/_sladd/logout">'
            f'<input type="hidden" name="csrf" value="{esc(csrf)}">'
            '<button type="submit">Sign out</button></form>'
        )
    return _template("page.html").substitute(title=esc(title), content=content, nav=nav)


def message(text: str | None, error: bool = False) -> str:
    """A status line (``text`` never holds a value)."""
    if not text:
        return ""
    return f'<p class="msg{" error" if error else ""}" role="status">{esc(text)}</p>'


def login(note: str | None, next_path: str) -> str:
    """The sign-in form."""
    return _template("login.html").substitute(message=message(note, True), next=esc(next_path))


def _options(choices: Mapping[str, str], chosen: str) -> str:
    return "".join(
        f'<option value="{esc(v)}"{" selected" if v == chosen else ""}>{esc(text)}</option>'
        for v, text in choices.items()
    )


def _table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    numeric: set[int],
    wrap: frozenset[int] = frozenset(),
) -> str:
    def cls(i: int) -> str:
        return ' class="num"' if i in numeric else (' class="wrap"' if i in wrap else "")

    head = "".join(f"<th{cls(i)}>{esc(h)}</th>" for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(f"<td{cls(i)}>{c}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


@dataclass(frozen=True, slots=True)
class IndexView:
    """Everything the list page shows."""

    since: str
    where: AuditFilter
    summary: Summary
    per_day: Mapping[date, Mapping[str, int]]
    recent: Sequence[AuditRecord]
    entity_types: Sequence[str] = ()
    """Types the filter offers: those detection reports and those seen in the log."""


def index(view: IndexView) -> str:
    """The list page: filters, counts, chart, findings by type, recent exchanges."""
    where, summary = view.where, view.summary
    any_choice = {"": "any"}
    outcomes = any_choice | {o: o for o in EXCHANGE_OUTCOMES}
    return _template("index.html").substitute(
        since_options=_options(SINCE_CHOICES, view.since),
        route_options=_options(any_choice | {r: r for r in ROUTE_NAMES}, where.route or ""),
        outcome_options=_options(outcomes, where.outcome or ""),
        entity_options=_options(_entity_choices(view, where.entity), where.entity or ""),
        requests=summary.requests,
        findings=sum(summary.findings.values()),
        blocked=summary.blocked,
        outcomes=esc(", ".join(f"{k} {v}" for k, v in summary.outcomes.items()) or "-"),
        chart=chart(view.per_day, colour, _swatch),
        types_table=_types_table(summary),
        shown=len(view.recent),
        recent_table=_recent_table(view.recent),
    )


def _entity_choices(view: IndexView, chosen: str | None) -> dict[str, str]:
    listed = sorted({*view.entity_types, *([chosen] if chosen else [])})
    return {"": "any"} | {t: t for t in listed}


def _swatch(entity_type: str) -> str:
    return f'<span class="swatch {colour(entity_type)}"></span>{esc(entity_type)}'


def _types_table(summary: Summary) -> str:
    if not summary.findings:
        return '<p class="muted">No findings.</p>'
    rows = [
        [_swatch(t), str(n), *(str(summary.actions[t].get(a, 0)) for a in FINDING_ACTIONS)]
        for t, n in summary.findings.items()
    ]
    return _table(["Entity type", "Findings", *FINDING_ACTIONS], rows, {1, 2, 3, 4, 5})


def _recent_table(records: Sequence[AuditRecord]) -> str:
    if not records:
        return '<p class="muted">No exchanges match.</p>'
    rows = [
        [
            esc(r.time),
            f'<a href="/_sladd/review/{esc(r.request_id)}"><code>{esc(r.request_id)}</code></a>',
            esc(r.route),
            esc(r.model or "-"),
            esc(r.status),
            f'<span class="outcome o-{esc(r.outcome)}">{esc(r.outcome)}</span>',
            " ".join(f"{_swatch(t)}&nbsp;{n}" for t, n in r.counts.items()) or "-",
        ]
        for r in records
    ]
    header = ["Time (UTC)", "Request", "Route", "Model", "Status", "Outcome", "Findings"]
    return _table(header, rows, {4}, frozenset({6}))


@dataclass(frozen=True, slots=True)
class ExchangeView:
    """Everything one exchange's page shows."""

    record: AuditRecord
    scrubbed: ScrubbedView
    token_format: TokenFormat
    csrf: str
    can_mark: bool
    note: str | None = None
    error: bool = False
    policy: PolicySettings = field(default_factory=PolicySettings)
    entity_types: Sequence[str] = ()
    """Types the missed-span form suggests (those detection reports)."""


def exchange(view: ExchangeView) -> str:
    """One exchange: metadata, numbered findings, highlighted scrubbed text, feedback forms."""
    r = view.record
    scrub = f" (scrub {r.scrub_ms:.1f} ms)" if r.scrub_ms is not None else ""
    labels = sorted({label_for(f.entity_type) for f in r.findings if f.token})
    return _template("exchange.html").substitute(
        request_id=esc(r.request_id),
        message=message(view.note, view.error),
        time=esc(r.time),
        route=esc(r.route),
        provider=esc(r.provider),
        model=esc(r.model or "-"),
        outcome=esc(r.outcome),
        outcome_class=esc(r.outcome),
        status=esc(r.status),
        latency=esc(f"{r.latency_ms:.1f} ms{scrub}"),
        scope=esc(r.scope),
        counts=" ".join(f"{_swatch(t)}&nbsp;{n}" for t, n in r.counts.items()) or "none",
        findings_table=_findings_table(view),
        scrubbed_note=esc(view.scrubbed.note),
        legend="".join(
            f'<span><span class="swatch c{palette_index(lb, PALETTE)}"></span>{esc(lb)}</span>'
            for lb in labels
        ),
        scrubbed=_scrubbed(view),
        missed_form=_missed_form(view),
    )


def _mark(token: str | None, entity_type: str) -> str:
    if token is None:
        return '<span class="muted">-</span>'
    return f'<mark class="{colour(entity_type)}">{esc(token)}</mark>'


def _fp_button(view: ExchangeView, number: int, finding: AuditFinding) -> str:
    if not view.can_mark or finding.action not in FALSE_POSITIVE_ACTIONS or finding.token is None:
        return ""
    ask = f"Allow {finding.token} everywhere from now on? (Only a keyed hash is kept.)"
    return (
        f'<form class="inline" method="post" data-confirm="{esc(ask)}" '
        f'action="/_sladd/review/{esc(view.record.request_id)}/false-positive">'
        f'<input type="hidden" name="csrf" value="{esc(view.csrf)}">'
        f'<input type="hidden" name="finding" value="{number}">'
        '<button class="small" type="submit">False positive</button></form>'
    )


def _action(finding: AuditFinding, policy: PolicySettings) -> str:
    reason = kept_reason(finding, policy)
    if reason is None:
        return esc(finding.action)
    return f'{esc(finding.action)}<br><small class="why">why: {esc(reason)}</small>'


def _findings_table(view: ExchangeView) -> str:
    if not view.record.findings:
        return '<p class="muted">Nothing was found in this exchange.</p>'
    rows = [
        [
            str(n),
            f"<code>{esc(f.slot)}</code>",
            _swatch(f.entity_type),
            f"{f.start}&ndash;{f.end}",
            esc(f.recognizer),
            f"{f.score:.2f}",
            _action(f, view.policy),
            _mark(f.token, f.entity_type),
            _fp_button(view, n, f),
        ]
        for n, f in enumerate(view.record.findings, start=1)
    ]
    header = ["#", "Slot", "Entity type", "Span", "Recognizer", "Score", "Action", "Token", ""]
    return _table(header, rows, {0, 5}, frozenset({1}))


def _scrubbed(view: ExchangeView) -> str:
    parts = []
    for slot in view.scrubbed.slots or ():
        marked = "".join(
            esc(s.text)
            if s.label is None
            else f'<mark class="c{palette_index(s.label, PALETTE)}{" red" if s.redacted else ""}" '
            f'title="{esc(s.label)}">{esc(s.text)}</mark>'
            for s in segments(slot.text, view.token_format)
        )
        parts.append(
            f'<div class="slot">{esc(slot.slot)}</div><pre class="scrubbed">{marked}</pre>'
        )
    return "".join(parts)


def _missed_form(view: ExchangeView) -> str:
    types = "".join(f'<option value="{esc(t)}">' for t in view.entity_types)
    return (
        f'<form class="missed" method="post" '
        f'action="/_sladd/review/{esc(view.record.request_id)}/missed">'
        f'<input type="hidden" name="csrf" value="{esc(view.csrf)}">'
        "<label>Text that should have been scrubbed (select it above)"
        '<input id="missed-text" name="text" required maxlength="200" size="40"></label>'
        '<label>Entity type<input name="entity" list="entity-types" required size="20" '
        'pattern="[A-Z][A-Z0-9_]*" value="PERSON"></label>'
        f'<datalist id="entity-types">{types}</datalist>'
        '<button type="submit">Add to missed values</button></form>'
        '<p class="hint">Only a keyed hash of the text is kept, in the data dir; detection '
        "finds the text again wherever it occurs after sladd restarts.</p>"
    )
