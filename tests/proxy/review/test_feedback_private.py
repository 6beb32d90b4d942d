"""Feedback keeps no personal data in clear; the review page lists every type and says why
a finding was kept (issue 20, privacy officer)."""

from __future__ import annotations

import dataclasses
import logging
import stat
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from proxy.audit.crypto import new_key_text
from proxy.audit.record import AuditFinding
from proxy.audit.settings import AuditSettings
from proxy.detection.detector import Detector
from proxy.review.admin import AdminToken
from proxy.review.feedback import FeedbackTargets, add_missed, targets_for
from proxy.review.feedback_store import FeedbackStoreError, load_hashes, migrate
from proxy.review.page import add_review_routes
from proxy.review.serving import detected_types, open_audit
from proxy.review.why import kept_reason
from proxy.scrub.policy_settings import PolicySettings
from proxy.settings import Settings, load_settings
from recognizers.registry import build_recognizers
from tests.proxy.audit.exchanges import (
    MISSED,
    Recorded,
    assert_no_value_in,
    config,
    files_under,
    logs,
)
from tests.proxy.review.kept import KEPT_POLICY, record_kept_exchange
from tests.proxy.review.review_app import TOKEN, review_app

BEARER = {"Authorization": f"Bearer {TOKEN}"}
PAS_ID_YAML = """recognizers:
  - name: PasIdRecognizer
    supported_entity: PAS_ID
    patterns:
      - name: pas
        regex: "\\\\bPAS-\\\\d{6}\\\\b"
        score: 0.9
"""


def settings_for(recorded: Recorded, tmp_path: Path) -> Settings:
    """The config of :func:`tests.proxy.audit.exchanges.config` (``conf/``, the checkout's
    stand-in) with the recorded data dir."""
    return dataclasses.replace(load_settings(config(tmp_path), {}), data_dir=recorded.data_dir)


def assert_found_again(targets: FeedbackTargets, text: str, span: str) -> None:
    detector = Detector(build_recognizers(None, load_hashes(targets)))
    assert span in {text[f.start : f.end] for f in detector.detect(text)}


def test_cli_feedback_keeps_no_value_in_clear(recorded: Recorded, tmp_path: Path) -> None:
    first, third = recorded.records[0].request_id, recorded.records[2].request_id
    number = recorded.number(0, action="pseudonymised", entity_type="PERSON")
    marked = logs(recorded, tmp_path, "mark-false-positive", first, "--finding", str(number))
    assert marked.returncode == 0, marked.stderr
    missed = logs(recorded, tmp_path, "add-missed", third, "--text", "Tussa", "--entity", "PERSON")
    assert missed.returncode == 0, missed.stderr
    store = recorded.data_dir / "feedback.json"
    assert str(store) in marked.stdout
    assert [p.name for p in files_under(tmp_path / "conf")] == ["sladd.toml"]
    assert_no_value_in(tmp_path)  # the config ("checkout") and the data dir, any letter case
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    assert stat.S_IMODE((recorded.data_dir / "feedback.lock").stat().st_mode) == 0o600
    targets = targets_for(settings_for(recorded, tmp_path), {})
    hashes = load_hashes(targets)
    assert hashes is not None
    assert hashes.is_allowed(recorded.value(0, number))
    assert_found_again(targets, MISSED, "Tussa")


def test_plain_files_of_an_older_sladd_are_migrated_once(
    recorded: Recorded, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    value = recorded.value(0, recorded.number(0, action="pseudonymised", entity_type="PERSON"))
    targets = targets_for(settings_for(recorded, tmp_path), {})
    assert targets.allow_list is not None
    assert targets.recognizers_dir is not None
    targets.allow_list.write_text(f"# reviewed\n{value}\n", encoding="utf-8")
    targets.recognizers_dir.mkdir()
    legacy_yaml = targets.recognizers_dir / "feedback.yaml"
    legacy_yaml.write_text(
        "recognizers:\n- name: SladdFeedback_PERSON\n  supported_entity: PERSON\n"
        "  supported_language: 'no'\n  deny_list:\n  - Tussa\n",
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        assert migrate(targets)
    assert not targets.allow_list.exists()
    assert not legacy_yaml.exists()
    assert f"migrated 1 value(s) from {targets.allow_list}" in caplog.text
    assert f"migrated 1 value(s) from {legacy_yaml}" in caplog.text
    assert value not in caplog.text
    assert "Tussa" not in caplog.text
    assert_no_value_in(tmp_path)
    hashes = load_hashes(targets)
    assert hashes is not None
    assert hashes.is_allowed(value)
    assert_found_again(targets, MISSED, "Tussa")
    assert not migrate(targets)


def test_a_legacy_file_with_other_recognizers_is_refused(
    recorded: Recorded, tmp_path: Path
) -> None:
    targets = targets_for(settings_for(recorded, tmp_path), {})
    assert targets.recognizers_dir is not None
    targets.recognizers_dir.mkdir()
    legacy = targets.recognizers_dir / "feedback.yaml"
    legacy.write_text(PAS_ID_YAML, encoding="utf-8")
    with pytest.raises(FeedbackStoreError, match="more than sladd's feedback"):
        migrate(targets)
    assert legacy.read_text(encoding="utf-8") == PAS_ID_YAML
    assert not targets.store.exists()


def test_feedback_needs_the_audit_key_it_was_written_with(
    recorded: Recorded, tmp_path: Path
) -> None:
    record = recorded.records[2]
    mine = FeedbackTargets(recorded.data_dir, environ={})
    add_missed(record, "Tussa", "PERSON", mine)
    other = dataclasses.replace(mine, environ={"SLADD_AUDIT_KEY": new_key_text()})
    with pytest.raises(FeedbackStoreError, match="written with audit key") as caught:
        load_hashes(other)
    assert "Tussa" not in str(caught.value)
    with pytest.raises(FeedbackStoreError, match="written with audit key"):
        add_missed(record, "ringte", "PERSON", other)
    with pytest.raises(FeedbackStoreError, match="written with audit key"):
        detected_types(Settings(data_dir=recorded.data_dir), other)
    keyless = tmp_path / "keyless"
    keyless.mkdir(mode=0o700)
    mine.store.rename(keyless / "feedback.json")
    with pytest.raises(FeedbackStoreError, match="needs the audit key"):
        load_hashes(FeedbackTargets(keyless, environ={}))


async def test_review_filter_lists_loaded_custom_types_and_types_in_the_log(
    recorded: Recorded, tmp_path: Path
) -> None:
    settings = settings_for(recorded, tmp_path)
    assert settings.detection.custom_recognizers_dir is not None
    settings.detection.custom_recognizers_dir.mkdir()
    (settings.detection.custom_recognizers_dir / "pas.yaml").write_text(PAS_ID_YAML, "utf-8")
    add_missed(recorded.records[2], "Tussa", "NO_LOCAL_ID", targets_for(settings, {}))
    serving = open_audit(settings, AuditSettings(store_scrubbed_text=True), None, {})
    try:
        assert serving.review is not None
        context = dataclasses.replace(serving.review, admin=AdminToken(TOKEN, "test"))
    finally:
        serving.log.close()
    assert {"PAS_ID", "NO_LOCAL_ID", "PERSON", "ORGANIZATION"} <= context.entity_types
    app = web.Application()
    add_review_routes(app, dataclasses.replace(context, entity_types=frozenset({"PAS_ID"})))
    async with TestClient(TestServer(app, host="127.0.0.1", port=0)) as client:
        page = await (await client.get("/_sladd/review", headers=BEARER)).text()
        chosen = await (await client.get("/_sladd/review?entity=PAS_ID", headers=BEARER)).text()
    assert '<option value="PAS_ID">PAS_ID</option>' in page
    assert '<option value="NO_FODSELSNUMMER">' in page  # seen in the log, not loaded here
    assert '<option value="PAS_ID" selected>PAS_ID</option>' in chosen
    assert '<b id="requests">0</b>' in chosen


async def test_kept_findings_say_why_on_the_exchange_page(
    recorded: Recorded, tmp_path: Path, rule_detector: Detector
) -> None:
    record = await record_kept_exchange(recorded.data_dir, rule_detector)
    kept = {f.entity_type for f in record.findings if f.action == "allowed"}
    assert {"PERSON", "LOCATION", "DATE"} <= kept
    async with review_app(recorded.data_dir, tmp_path, policy=KEPT_POLICY) as review:
        url = f"/_sladd/review/{record.request_id}"
        page = await (await review.client.get(url, headers=BEARER)).text()
    assert "why: allow list (a reviewer&#x27;s false positive or policy.allow_list)" in page
    assert "why: policy.actions.LOCATION = allow" in page
    assert "why: allow list, or a date without a day (policy.partial_dates = allow)" in page
    assert page.count("why: ") == len([f for f in record.findings if f.action == "allowed"])


def _finding(entity_type: str, action: str = "allowed") -> AuditFinding:
    return AuditFinding("messages[0].content", entity_type, 0, 4, "R", 0.9, action, None)


@pytest.mark.parametrize(
    ("entity_type", "policy", "reason"),
    [
        ("ORGANIZATION", PolicySettings(), "a type kept by default"),
        ("LOCATION", KEPT_POLICY, "policy.actions.LOCATION = allow"),
        ("PERSON", PolicySettings(default_action="allow"), "policy.default_action = allow"),
        ("PERSON", PolicySettings(actions={"PERSON": "keep"}), "policy.actions.PERSON = keep"),
        ("AGE", PolicySettings(), "an age under policy.generalise_ages_from (90)"),
        ("DATE", PolicySettings(), "a date without a day"),
        ("PERSON", PolicySettings(), "allow list"),
        ("PAS_ID", PolicySettings(), "allow list"),
    ],
)
def test_kept_reason(entity_type: str, policy: PolicySettings, reason: str) -> None:
    found = kept_reason(_finding(entity_type), policy)
    assert found is not None
    assert reason in found
    assert kept_reason(_finding(entity_type, "pseudonymised"), policy) is None
