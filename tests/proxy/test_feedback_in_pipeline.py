"""Reviewer feedback reaches the running pipeline: allow-listed values are kept and missed
values are found again, by keyed hash, in-process and in detection workers."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest

from proxy.build import build_scrubber
from proxy.review.feedback import targets_for
from proxy.review.feedback_store import add_allowed, add_missed_value
from proxy.settings import DetectionSettings, Settings
from proxy.vault.memory import MemoryVault
from tests.proxy.audit.exchanges import SCOPE, assert_no_value_in
from tests.proxy.patient import PROMPT

TEXT = PROMPT + " Tussa er lei seg."


def settings_in(tmp_path: Path, workers: int) -> Settings:
    config = tmp_path / "conf" / "sladd.toml"
    config.parent.mkdir(exist_ok=True)
    detection = DetectionSettings(ner=False, workers=workers)
    return Settings(data_dir=tmp_path / "data", detection=detection, config_path=config)


async def scrubbed_text(settings: Settings) -> str:
    scrubber = build_scrubber(settings, MemoryVault())
    try:
        (result,) = await scrubber.scrub([TEXT], SCOPE)
    finally:
        scrubber.close()
    return result.scrubbed.text


@pytest.mark.parametrize("workers", [0, 1])
async def test_reviewed_values_are_kept_and_found_by_hash(tmp_path: Path, workers: int) -> None:
    settings = settings_in(tmp_path, workers)
    before = await scrubbed_text(settings)
    assert "Ingrid" not in before
    assert "Tussa" in before  # missed without feedback
    targets = targets_for(settings)
    assert add_allowed(targets, "INGRID")
    assert add_missed_value(targets, "PERSON", "tussa")
    after = await scrubbed_text(settings)
    assert "Ingrid" in after
    assert "Tussa" not in after
    assert "Kari Nordmann" not in after


async def test_plain_feedback_files_are_migrated_at_start(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = settings_in(tmp_path, 0)
    plain = tmp_path / "conf" / "allow_list.txt"
    plain.write_text("Ola Hansen\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        kept = await scrubbed_text(settings)
    assert "Ola Hansen" in kept
    assert not plain.exists()
    assert "migrated 1 value(s)" in caplog.text
    assert "Ola Hansen" not in caplog.text
    assert_no_value_in(tmp_path)
    again = await scrubbed_text(dataclasses.replace(settings))
    assert "Ola Hansen" in again
