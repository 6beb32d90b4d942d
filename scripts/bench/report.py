"""The benchmark's result: the JSON object, the targets, and the human table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Result = dict[str, object]

TARGETS: dict[str, tuple[str, str, float]] = {
    "detect_speedup": ("detect_speedup", ">=", 10.0),
    "added_ms_p50_c1": ("added_ms_p50_c1", "<=", 10.0),
    "turn20_over_turn1": ("turn20_over_turn1", "<=", 1.5),
    "ttfb_added_ms": ("ttfb_added_ms", "<=", 5.0),
    "policy_presidio_ms": ("policy_presidio_ms", "<=", 0.5),
}
"""Target name -> (result key, comparison, bound), on a 2-core machine (DESIGN.md §9; the
policy step's bound is issue 19's: presidio-anonymizer may add at most 0.5 ms per 2 KB request)."""

ROWS: tuple[tuple[str, str, str], ...] = (
    ("detect_chars_per_s", "sladd detection, chars/s", ",.0f"),
    ("presidio_chars_per_s", "stock Presidio, chars/s", ",.0f"),
    ("detect_speedup", "detection speedup", ".2f"),
    ("detect_recall", "sladd recall", ".4f"),
    ("presidio_recall", "stock Presidio recall", ".4f"),
    ("added_ms_p50_c1", "added latency p50, c=1 (ms)", ".2f"),
    ("added_ms_p99_c1", "added latency p99, c=1 (ms)", ".2f"),
    ("added_ms_p50_c16", "added latency p50, c=16 (ms)", ".2f"),
    ("added_ms_p99_c16", "added latency p99, c=16 (ms)", ".2f"),
    ("turn20_over_turn1", "turn 20 / turn 1 added latency", ".2f"),
    ("ttfb_added_ms", "streaming TTFB added (ms)", ".2f"),
    ("peak_rss_mb", "sladd peak RSS (MiB)", ".0f"),
    ("policy_ms_per_request", "policy step per request (ms)", ".3f"),
    ("policy_presidio_ms", "  of it presidio-anonymizer (ms)", ".3f"),
    ("corpus_chars", "corpus chars", ",d"),
    ("cpu_count", "CPUs", "d"),
)


@dataclass(frozen=True, slots=True)
class Check:
    """One target and whether the result meets it."""

    text: str
    met: bool


def _meets(value: float, comparison: str, bound: float) -> bool:
    return value >= bound if comparison == ">=" else value <= bound


def checks(result: Mapping[str, object]) -> dict[str, Check]:
    """Each target's text and verdict, by result key; ``detect_recall`` must not fall below
    ``presidio_recall`` ("equal or better recall")."""
    found: dict[str, Check] = {}
    for name, (key, comparison, bound) in TARGETS.items():
        value = result[key]
        assert isinstance(value, float | int)
        found[name] = Check(f"{comparison} {bound:g}", _meets(float(value), comparison, bound))
    sladd, presidio = result["detect_recall"], result["presidio_recall"]
    assert isinstance(sladd, float)
    assert isinstance(presidio, float)
    found["detect_recall"] = Check(">= Presidio", sladd >= presidio)
    return found


def with_targets(result: Result) -> Result:
    """``result`` plus ``targets_met``: target name -> bool."""
    return {**result, "targets_met": {k: c.met for k, c in checks(result).items()}}


def table(result: Mapping[str, object], notes: Sequence[str]) -> str:
    """The human-readable report: metrics with targets, then informational notes."""
    verdicts = checks(result)
    lines = [f"{'metric':<34}{'value':>16}  {'target':<12}{'result'}", "-" * 70]
    for key, label, spec in ROWS:
        value = result[key]
        check = verdicts.get(key)
        shown = format(value, spec) if isinstance(value, float | int) else str(value)
        target, verdict = (check.text, "pass" if check.met else "FAIL") if check else ("", "")
        lines.append(f"{label:<34}{shown:>16}  {target:<12}{verdict}".rstrip())
    lines.append("-" * 70)
    lines += [f"  {note}" for note in notes]
    return "\n".join(lines)
