"""Reviewer feedback is stored as keyed hashes that policy and detection consult."""

from __future__ import annotations

import dataclasses
import io
import re
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from proxy.audit.crypto import load_audit_cipher, open_scrubbed
from proxy.cli.logs import build_parser, run
from proxy.detection.detector import Detector
from proxy.review.feedback import (
    FeedbackError,
    FeedbackTargets,
    add_missed,
    mark_false_positive,
    read_allow_list,
    targets_for,
)
from proxy.review.feedback_store import LEGACY_FEEDBACK_YAML, load_hashes
from proxy.settings import Settings
from proxy.vault.base import ManagedVault
from proxy.vault.open import open_vault
from proxy.vault.urls import default_vault_url
from recognizers.registry import build_recognizers
from tests.proxy.audit.exchanges import ALL_VALUES, MISSED, TOKEN_FORMAT, Recorded
from tests.proxy.review.review_app import TOKEN, review_app


@pytest.fixture
async def vault(recorded: Recorded) -> AsyncIterator[ManagedVault]:
    data_dir = recorded.data_dir
    opened = await open_vault(default_vault_url(data_dir), data_dir, {})
    yield opened
    await opened.close()


def targets(tmp_path: Path) -> FeedbackTargets:
    """The data dir of the ``recorded`` fixture (``tmp/data``), legacy files in ``config``."""
    config = tmp_path / "config"
    return FeedbackTargets(tmp_path / "data", config / "allow_list.txt", config / "rec", {})


async def test_false_positive_value_comes_from_the_vault_and_is_allowed_by_its_hash(
    recorded: Recorded, vault: ManagedVault, tmp_path: Path
) -> None:
    record = recorded.records[0]
    number = recorded.number(0, action="pseudonymised", entity_type="PERSON")
    value = recorded.value(0, number)
    where = targets(tmp_path)
    assert where.data_dir == recorded.data_dir
    result = await mark_false_positive(record, number, vault.lookup, TOKEN_FORMAT, where)
    assert result.added
    assert result.entity_type == "PERSON"
    assert result.file == recorded.data_dir / "feedback.json"
    assert stat.S_IMODE(result.file.stat().st_mode) == 0o600
    again = await mark_false_positive(record, number, vault.lookup, TOKEN_FORMAT, where)
    assert not again.added
    hashes = load_hashes(where)
    assert hashes is not None
    assert hashes.is_allowed(value)
    assert hashes.is_allowed(f"  {value.upper()} ")
    assert not hashes.is_allowed(value + "sen")


@pytest.mark.parametrize(
    ("number", "message"),
    [(0, "no finding #0"), (99, "no finding #99"), (None, "was redacted")],
)
async def test_false_positive_refusals_never_name_the_value(
    recorded: Recorded, vault: ManagedVault, tmp_path: Path, number: int | None, message: str
) -> None:
    if number is None:
        number = recorded.number(0, action="redacted")
    with pytest.raises(FeedbackError, match=message) as caught:
        await mark_false_positive(
            recorded.records[0], number, vault.lookup, TOKEN_FORMAT, targets(tmp_path)
        )
    assert not any(value in str(caught.value) for value in ALL_VALUES)


async def test_false_positive_for_an_expired_scope(
    recorded: Recorded, vault: ManagedVault, tmp_path: Path
) -> None:
    await vault.purge_scope(recorded.records[0].scope)
    token = recorded.records[0].findings[0].token
    assert token is not None
    with pytest.raises(FeedbackError, match=re.escape(f"{token} is no longer in the vault")):
        await mark_false_positive(
            recorded.records[0], 1, vault.lookup, TOKEN_FORMAT, targets(tmp_path)
        )


def test_missed_span_is_found_again_by_its_hash(recorded: Recorded, tmp_path: Path) -> None:
    record = recorded.records[2]
    cipher = load_audit_cipher(recorded.data_dir, {})
    slots = open_scrubbed(record.request_id, record.scrubbed, cipher).slots
    assert slots is not None
    assert ". Tussa er" in slots[0].text
    where = targets(tmp_path)
    result = add_missed(record, " Tussa ", "PERSON", where, slots)
    assert result.added
    assert not add_missed(record, "tussa", "PERSON", where, slots).added
    add_missed(record, "ringte", "NO_LOCAL_ID", where, slots)
    assert stat.S_IMODE(result.file.stat().st_mode) == 0o600
    before = {MISSED[f.start : f.end] for f in Detector(build_recognizers()).detect(MISSED)}
    assert "Tussa" not in before  # missed indeed
    detector = Detector(build_recognizers(None, load_hashes(where)))
    found = {(f.entity_type, MISSED[f.start : f.end]) for f in detector.detect(MISSED)}
    assert ("PERSON", "Tussa") in found
    assert ("NO_LOCAL_ID", "ringte") in found
    elsewhere = "Samtale med TUSSA i dag; tussa-saken er lukket."
    spans = [elsewhere[f.start : f.end] for f in detector.detect(elsewhere)]
    assert spans.count("TUSSA") == 1
    assert spans.count("tussa") == 1


@pytest.mark.parametrize(
    ("text", "entity", "message"),
    [
        ("Ola", "PERSON", "does not occur"),
        ("Tussa", "person", "upper-case"),
        ("", "PERSON", "one line"),
        ("Tussa\nringte", "PERSON", "one line"),
        ("K" * 201, "PERSON", "one line"),
        ("Tussa er lei seg i dag", "PERSON", "1 to 4 words"),
        ("--", "PERSON", "1 to 4 words"),
    ],
)
def test_missed_span_refusals_never_name_the_text(
    recorded: Recorded, tmp_path: Path, text: str, entity: str, message: str
) -> None:
    record = recorded.records[2]
    slots = open_scrubbed(
        record.request_id, record.scrubbed, load_audit_cipher(recorded.data_dir, {})
    ).slots
    with pytest.raises(FeedbackError, match=message) as caught:
        add_missed(record, text, entity, targets(tmp_path), slots)
    assert not text or text not in str(caught.value)


def test_targets_are_the_data_dir_and_legacy_files_beside_the_config(tmp_path: Path) -> None:
    config = tmp_path / "conf" / "sladd.toml"
    settings = dataclasses.replace(Settings(), config_path=config, data_dir=tmp_path / "d")
    where = targets_for(settings)
    assert where.store == tmp_path / "d" / "feedback.json"
    assert where.allow_list == (tmp_path / "conf" / "allow_list.txt").resolve()
    assert targets_for(Settings()).allow_list is None


def test_allow_list_file_format(tmp_path: Path) -> None:
    path = tmp_path / "allow_list.txt"
    path.write_text(
        "# comment\n\nSykehuset Innlandet \n  # indented comment\nDr. Who\n", encoding="utf-8"
    )
    assert read_allow_list(path) == ("Sykehuset Innlandet", "Dr. Who")
    assert read_allow_list(tmp_path / "missing.txt") == ()
    assert read_allow_list(None) == ()


LISTED_NAME = "Ingrid Kvalheim"
"""A name already in a (hand-edited, now broken) feedback file: never in an error."""
MALFORMED = (
    "recognizers:\n"
    "- name: SladdFeedback_PERSON\n"
    "  deny_list:\n"
    "  - Tussa\n"
    f"  - {LISTED_NAME}: Solberg: x\n"
)


def malformed_feedback(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LEGACY_FEEDBACK_YAML
    path.write_text(MALFORMED, encoding="utf-8")
    return path


def assert_names_file_not_text(message: str, path: Path) -> None:
    assert str(path) in message
    assert "line 5" in message
    assert LISTED_NAME not in message
    assert "Solberg" not in message


def test_malformed_feedback_file_error_names_the_line_not_the_text(
    recorded: Recorded, tmp_path: Path
) -> None:
    where = targets(tmp_path)
    assert where.recognizers_dir is not None
    path = malformed_feedback(where.recognizers_dir)
    with pytest.raises(FeedbackError) as caught:
        add_missed(recorded.records[2], "Kallenavn", "PERSON", where)
    assert_names_file_not_text(str(caught.value), path)
    assert not where.store.exists()
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__
    assert path.read_text(encoding="utf-8") == MALFORMED  # left for the reviewer to fix


def test_malformed_feedback_file_through_sladd_logs_add_missed(
    recorded: Recorded, tmp_path: Path
) -> None:
    config = tmp_path / "conf" / "sladd.toml"
    config.parent.mkdir()
    config.write_text('[detection]\ncustom_recognizers_dir = "rec"\n', encoding="utf-8")
    path = malformed_feedback(tmp_path / "conf" / "rec")
    record = recorded.records[2]
    args = ["add-missed", record.request_id, "--text", "Tussa", "--entity", "PERSON"]
    where = ["--data-dir", str(recorded.data_dir), "--config", str(config)]
    out, err = io.StringIO(), io.StringIO()
    code = run(build_parser().parse_args([*args, *where]), out, err, {})
    assert code == 1
    assert_names_file_not_text(err.getvalue(), path)
    assert LISTED_NAME not in out.getvalue()


async def test_malformed_feedback_file_from_the_review_page(
    recorded: Recorded, tmp_path: Path
) -> None:
    record = recorded.records[2]
    url = f"/_sladd/review/{record.request_id}/missed"
    async with review_app(recorded.data_dir, tmp_path) as review:
        assert review.targets.recognizers_dir is not None
        malformed_feedback(review.targets.recognizers_dir)
        response = await review.client.post(
            url,
            data={"text": "Tussa", "entity": "PERSON"},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        page = await response.text()
    assert response.status == 409
    assert "not valid YAML (line 5" in page
    assert LISTED_NAME not in page
