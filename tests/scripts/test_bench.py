"""``scripts/bench/run.py`` and its pieces on tiny inputs: shapes and keys, never timings.

Timing targets are checked by running ``scripts/bench/run.py`` (DESIGN.md §9), not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.bench import corpus as bench_corpus
from scripts.bench import http_runs as bench_http
from scripts.bench import report as bench_report
from scripts.bench import run as bench

REPO = Path(__file__).resolve().parents[2]

METRICS = (
    "detect_chars_per_s",
    "presidio_chars_per_s",
    "detect_speedup",
    "detect_recall",
    "presidio_recall",
    "added_ms_p50_c1",
    "added_ms_p99_c1",
    "added_ms_p50_c16",
    "added_ms_p99_c16",
    "turn20_over_turn1",
    "ttfb_added_ms",
    "peak_rss_mb",
    "policy_ms_per_request",
    "policy_presidio_ms",
)
KEYS = {*METRICS, "corpus_chars", "cpu_count", "quick", "targets_met"}
TARGETS = {"detect_speedup", "detect_recall", "added_ms_p50_c1", "turn20_over_turn1"}
TARGETS |= {"ttfb_added_ms", "policy_presidio_ms"}


def _sample_result() -> dict[str, object]:
    result: dict[str, object] = dict.fromkeys(METRICS, 1.0)
    return {**result, "corpus_chars": 10, "cpu_count": 2, "quick": True}


def test_corpus_is_fixed_and_mixes_both_kinds() -> None:
    docs = bench_corpus.load_corpus()
    assert docs == bench_corpus.load_corpus()
    assert [d.kind for d in docs[:4]] == ["identifiers", "names", "identifiers", "names"]
    assert bench_corpus.load_corpus(limit=3) == docs[:3]
    assert all(v in d.text for d in docs for v in d.values)


def test_recall_needs_every_character_covered() -> None:
    doc = bench_corpus.Doc("Kari Nordmann og Ola", ("Kari Nordmann", "Ola"), "names")
    assert bench_corpus.covered([(0, 4), (4, 13)], 0, 13)
    assert not bench_corpus.covered([(0, 4), (5, 13)], 0, 13)
    recall = bench_corpus.recall_by_kind([doc], [[(0, 13)]])
    assert recall == {"all": 0.5, "names": 0.5}


def test_chat_messages_are_distinct_and_about_2_kb() -> None:
    docs = bench_corpus.load_corpus()
    first, second = (bench_corpus.user_message(docs, i) for i in range(2))
    assert first != second
    size = len(bench_corpus.encode(bench_corpus.chat_body(first)))
    assert 1800 <= size <= 3000


def test_percentile_interpolates() -> None:
    assert bench_http.percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert bench_http.percentile([1.0, 2.0], 99) == pytest.approx(1.99)
    assert bench_http.percentile([5.0], 99) == 5.0


def test_limit_caps_every_count() -> None:
    plan = bench.plan_for(quick=True, limit=2, turns=3)
    assert plan.docs == 2
    assert plan.turns == 3
    assert max(plan.reps, plan.c1_requests, plan.c16_rounds, plan.conversations) <= 2


def test_report_targets_and_table() -> None:
    result = bench_report.with_targets(_sample_result())
    assert set(result) == KEYS
    met = result["targets_met"]
    assert isinstance(met, dict)
    assert set(met) == TARGETS
    assert met["detect_speedup"] is False
    assert met["detect_recall"] is True
    text = bench_report.table(result, ["a note"])
    assert "FAIL" in text
    assert "a note" in text


def test_bench_cli_prints_table_and_json_with_all_keys(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "scripts.bench"]
    command += ["--quick", "--limit", "1", "--turns", "2", "--json"]
    done = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=110, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    result = json.loads(lines[-1])
    assert "detection speedup" in done.stdout
    assert set(result) == KEYS
    assert all(isinstance(result[k], float) for k in METRICS)
    assert isinstance(result["corpus_chars"], int)
    assert isinstance(result["cpu_count"], int)
    assert result["quick"] is True
    assert set(result["targets_met"]) == TARGETS
    assert all(isinstance(v, bool) for v in result["targets_met"].values())
