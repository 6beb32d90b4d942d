"""Shared script helpers: server processes, test people, clinical scoring, the corpus builder."""

from __future__ import annotations

import asyncio
import json
import random
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest

from recognizers.no.checksums import fnr_k1_remainder, fnr_k2_valid
from scripts import procs
from scripts.corpus import clinical as clinical_corpus
from scripts.load import people as load_people
from scripts.ner import clinical_eval as ner_clinical_eval

REPO = Path(__file__).resolve().parents[2]

# A "server" that starts a grandchild in its own process group, announces itself, and ignores
# SIGTERM, the way a hung sladd with detection workers would.
HUNG_SERVER = textwrap.dedent(
    """
    import signal, subprocess, sys, time
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    print(f"worker {worker.pid}", flush=True)
    print("hung listening on http://127.0.0.1:9", flush=True)
    time.sleep(120)
    """
)


def _gone(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


async def test_stop_kills_the_whole_process_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(procs, "STOP_TIMEOUT_S", 0.5)
    server = await procs.start("hung", ["-c", HUNG_SERVER], tmp_path / "hung.log")
    assert server.url == "http://127.0.0.1:9"
    worker = int(server.log.read_text().split()[1])
    assert worker in procs.descendants(server.process.pid)
    assert procs.status_kb(worker, "VmRSS") > 0
    await procs.stop(server.process)
    assert server.process.returncode is not None
    deadline = time.monotonic() + 5
    while not _gone(worker) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert _gone(worker)


async def test_start_fails_with_the_log_tail(tmp_path: Path) -> None:
    code = "print('no port today'); raise SystemExit(3)"
    with pytest.raises(procs.ServerError, match="no port today"):
        await procs.start("quitter", ["-c", code], tmp_path / "quitter.log")


def test_sladd_serve_args_route_to_the_upstream(tmp_path: Path) -> None:
    args = procs.sladd_serve_args(Path("c.toml"), "http://127.0.0.1:5", tmp_path)
    assert args[:3] == ["-m", "proxy.cli.main", "serve"]
    assert "openai=http://127.0.0.1:5/v1" in args
    assert args[-2:] == ["--data-dir", str(tmp_path)]


def test_load_people_numbers_are_valid_fodselsnumre() -> None:
    rng = random.Random(3)
    numbers = [load_people.fodselsnummer(rng, date(1980, 5, 17)) for _ in range(200)]
    valid = [n for n in numbers if n is not None]
    assert len(valid) > 100
    assert all(fnr_k1_remainder(n) == 0 and fnr_k2_valid(n) for n in valid)


def test_detector_scoring_needs_every_character_covered() -> None:
    case = ner_clinical_eval.Case("title", "dr. Kari Nordmann", ((4, 17, "FULL"),), ())
    split = [(4, 8), (9, 17)]
    model = ner_clinical_eval.ClinicalReport()
    model.add(case, split)
    assert model.covered["title"] == 1
    whole = ner_clinical_eval.ClinicalReport(covers=ner_clinical_eval._covered_whole)
    whole.add(case, split)
    assert whole.covered["title"] == 0
    whole.add(case, [(4, 8), (8, 17)])
    assert whole.covered["title"] == 1


def test_detector_evaluation_scores_the_shipped_detector() -> None:
    text = "Vurdert sammen med dr. Kari Nordmann i dag."
    case = ner_clinical_eval.Case("title", text, ((23, 36, "FULL"),), ())
    report = ner_clinical_eval.evaluate_detector([case])
    assert report.names["title"] == 1
    assert report.covered["title"] == 1


def test_clinical_corpus_rebuilds_from_its_template_file() -> None:
    rows, _ = clinical_corpus.build()
    committed = REPO / "tests" / "data" / "clinical_identifiers.jsonl"
    lines = committed.read_text(encoding="utf-8").splitlines()
    assert rows == [json.loads(line) for line in lines]
    assert len(clinical_corpus.read_templates()) == len(lines)
