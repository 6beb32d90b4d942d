"""Audit fixtures: a data dir holding a real redaction log of three scrubbed exchanges."""

from __future__ import annotations

from pathlib import Path

import pytest

from proxy.scrub.detect import Detector
from tests.proxy.audit.exchanges import Recorded, record_exchanges


@pytest.fixture
async def recorded(tmp_path: Path, rule_detector: Detector) -> Recorded:
    """Three exchanges (forwarded, blocked, forwarded with a missed name) in ``tmp/data``."""
    return await record_exchanges(tmp_path / "data", rule_detector)
