"""The ``sladd logs`` contract, through ``python -m proxy.cli.logs`` and ``main``."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from proxy.audit.crypto import ENV_VAR, new_key_text
from proxy.audit.record import AuditRecord
from proxy.audit.settings import AuditSettings
from proxy.audit.writer import AuditLog
from proxy.cli.logs import main
from proxy.review.feedback import FeedbackTargets
from proxy.review.feedback_store import load_hashes
from tests.proxy.audit.exchanges import (
    Recorded,
    assert_no_value_in,
    assert_no_values,
    config,
    logs,
    where,
)

REPO = Path(__file__).resolve().parents[3]


def sladd_logs(recorded: Recorded, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command in a child process (as ``sladd logs`` will run it)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SLADD_")}
    return subprocess.run(
        [sys.executable, "-m", "proxy.cli.logs", *args, *where(recorded, tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=clean,
        timeout=60,
        check=False,
    )


def test_summary_table(recorded: Recorded, tmp_path: Path) -> None:
    result = sladd_logs(recorded, tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Requests: 3   Blocked: 1" in out
    assert "Outcomes: blocked 1, forwarded 2" in out
    assert "ENTITY TYPE" in out
    actions = ("pseudonymised", "redacted", "blocked", "allowed")
    for entity in ("NO_FODSELSNUMMER", "PHONE_NUMBER"):
        found = [f for r in recorded.records for f in r.findings if f.entity_type == entity]
        expected = [len(found), *(sum(f.action == a for f in found) for a in actions)]
        row = next(line for line in out.splitlines() if line.startswith(entity + " "))
        assert row.split()[1:] == [str(n) for n in expected], row
    for record in recorded.records:
        assert record.request_id in out
    assert_no_values(out)


def test_json_lines_with_filters(recorded: Recorded, tmp_path: Path) -> None:
    everything = logs(recorded, tmp_path, "--format", "json")
    lines = everything.stdout.splitlines()
    assert [json.loads(line)["request_id"] for line in lines] == [
        r.request_id for r in recorded.records
    ]
    assert AuditRecord.from_json(json.loads(lines[0])) == recorded.records[0]
    assert_no_values(everything.stdout)
    anthropic = logs(recorded, tmp_path, "--format", "json", "--route", "anthropic")
    assert [json.loads(line)["route"] for line in anthropic.stdout.splitlines()] == ["anthropic"]
    email = logs(
        recorded, tmp_path, "--format", "json", "--entity", "EMAIL_ADDRESS", "--since", "1h"
    )
    assert len(email.stdout.splitlines()) == 1
    later = logs(recorded, tmp_path, "--format", "json", "--since", "2999-01-01")
    assert later.stdout == ""


def test_show_decrypts_and_highlights(recorded: Recorded, tmp_path: Path) -> None:
    record = recorded.records[0]
    result = sladd_logs(recorded, tmp_path, "show", record.request_id, "--color", "always")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"Request:  {record.request_id}" in out
    assert "Scrubbed text: decrypted with the audit key" in out
    assert "\x1b[1;" in out
    assert "[PERSON_1]\x1b[0m" in out
    assert "Hb 12,9, INR 2,4" in out
    assert "PersonContextRecognizer" in out
    assert_no_values(out)
    plain = logs(recorded, tmp_path, "show", record.request_id)
    assert "\x1b" not in plain.stdout  # not a terminal: no colour
    as_json = json.loads(
        logs(recorded, tmp_path, "show", record.request_id, "--format", "json").stdout
    )
    assert as_json["scrubbed_text"][0]["slot"] == "messages[0].content"


def test_show_without_the_right_key(recorded: Recorded, tmp_path: Path) -> None:
    record = recorded.records[0]
    other_key = {ENV_VAR: new_key_text()}
    result = logs(recorded, tmp_path, "show", record.request_id, env=other_key)
    assert result.returncode == 0
    assert "cannot be opened: the scrubbed text is sealed with audit key" in result.stdout
    assert "Hb 12,9" not in result.stdout
    (recorded.data_dir / "audit.key").unlink()
    keyless = logs(recorded, tmp_path, "show", record.request_id)
    assert "stored encrypted; no audit key here" in keyless.stdout
    assert not (recorded.data_dir / "audit.key").exists()  # readers never create a key


def test_unknown_request_and_bad_since(recorded: Recorded, tmp_path: Path) -> None:
    missing = logs(recorded, tmp_path, "show", "f" * 32)
    assert missing.returncode == 1
    assert "no exchange ffff" in missing.stderr
    bad = logs(recorded, tmp_path, "--since", "yesterday")
    assert bad.returncode == 2
    assert "--since" in bad.stderr


def test_mark_false_positive_hashes_the_vault_value(recorded: Recorded, tmp_path: Path) -> None:
    record = recorded.records[0]
    number = recorded.number(0, action="pseudonymised", entity_type="NO_FODSELSNUMMER")
    args = ("mark-false-positive", record.request_id, "--finding", str(number))
    result = sladd_logs(recorded, tmp_path, *args)
    assert result.returncode == 0, result.stderr
    assert "recorded false positive (NO_FODSELSNUMMER)" in result.stdout
    assert_no_values(result.stdout + result.stderr)
    assert f"in {recorded.data_dir / 'feedback.json'}" in result.stdout
    hashes = load_hashes(FeedbackTargets(recorded.data_dir, environ={}))
    assert hashes is not None
    assert hashes.is_allowed(recorded.value(0, number))
    assert_no_value_in(tmp_path)
    redacted_number = str(recorded.number(0, action="redacted"))
    args = ("mark-false-positive", record.request_id, "--finding", redacted_number)
    redacted = logs(recorded, tmp_path, *args)
    assert redacted.returncode == 1
    assert "was redacted" in redacted.stderr


def test_add_missed(recorded: Recorded, tmp_path: Path) -> None:
    record = recorded.records[2]
    args = ("add-missed", record.request_id, "--text", "Tussa", "--entity", "PERSON")
    result = logs(recorded, tmp_path, *args)
    assert result.returncode == 0, result.stderr
    assert "recorded missed span (PERSON)" in result.stdout
    assert "Tussa" not in result.stdout
    assert not (tmp_path / "conf" / "recognizers").exists()
    assert_no_value_in(tmp_path)
    wrong = logs(
        recorded, tmp_path, "add-missed", record.request_id, "--text", "Ola", "--entity", "PERSON"
    )
    assert wrong.returncode == 1
    assert "Ola" not in wrong.stderr


def test_terminal_escapes_from_a_request_are_neutralised(tmp_path: Path) -> None:
    audit = AuditLog.open(tmp_path, AuditSettings(), environ={})
    audit.record(
        AuditRecord(
            time="2025-01-01T00:00:00+00:00",
            request_id="evil",
            scope="s",
            route="openai",
            provider="openai_chat",
            model="\x1b]0;pwned\x07gpt\u202e",
            status=200,
            outcome="forwarded",
            latency_ms=1.0,
        )
    )
    audit.close()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(
            ["show", "evil", "--data-dir", str(tmp_path), "--config", str(config(tmp_path))]
        )
    assert code == 0
    assert "\x1b" not in out.getvalue()
    assert "\u202e" not in out.getvalue()
    assert "\\x1b]0;pwned\\x07gpt\\u202e" in out.getvalue()


@pytest.mark.parametrize("argv", [["--format", "xml"], ["show"], ["mark-false-positive", "x"]])
def test_usage_errors_exit_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught, contextlib.redirect_stderr(io.StringIO()):
        main(argv)
    assert caught.value.code == 2
