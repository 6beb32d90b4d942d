"""The review page in a real headless Chromium (Debian's ``chromium`` package).

``scripts/ensure_services.sh`` installs Chromium; without it these tests fail with a message
saying so, they are never skipped. The browser signs in the way a person would without a
form: HTTP Basic credentials in the URL (answered to the page's Basic challenge, so the
token never appears in a request line or access log). Screenshots are kept in
``test-artifacts/`` (gitignored) for a human to look at.
"""

from __future__ import annotations

import asyncio
import re
import shutil
from pathlib import Path

import pytest

from proxy.detection.detector import Detector
from tests.proxy.audit.exchanges import Recorded
from tests.proxy.review.kept import KEPT_POLICY, record_kept_exchange
from tests.proxy.review.review_app import TOKEN, review_app

REPO = Path(__file__).resolve().parents[3]
ARTIFACTS = REPO / "test-artifacts"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail(
            "chromium is not installed: run scripts/ensure_services.sh "
            "(apt-get install -y chromium); the review page is tested in a real browser",
            pytrace=False,
        )
    return found


async def browse(profile: Path, url: str, *action: str, height: int = 900) -> str:
    """Run Chromium once on ``url`` with ``action`` flags; its standard output."""
    process = await asyncio.create_subprocess_exec(
        chromium(),
        *FLAGS,
        f"--window-size=1280,{height}",
        f"--user-data-dir={profile}",
        *action,
        url,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        out, _ = await asyncio.wait_for(process.communicate(), timeout=60)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0, f"chromium exited with {process.returncode}"
    return out.decode("utf-8")


@pytest.mark.timeout(120)
async def test_review_pages_render_in_chromium(
    recorded: Recorded, tmp_path: Path, rule_detector: Detector
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    record = recorded.records[0]
    kept = await record_kept_exchange(recorded.data_dir, rule_detector)
    types = frozenset({"PAS_ID", "PERSON"})
    async with review_app(
        recorded.data_dir, tmp_path, entity_types=types, policy=KEPT_POLICY
    ) as review:
        port = review.client.port
        signed_in = f"http://reviewer:{TOKEN}@127.0.0.1:{port}"
        anonymous = f"http://127.0.0.1:{port}"
        dom = await browse(
            tmp_path / "p1", f"{signed_in}/_sladd/review/{record.request_id}", "--dump-dom"
        )
        screenshot = ARTIFACTS / "review-exchange.png"
        screenshot.unlink(missing_ok=True)
        await browse(
            tmp_path / "p2",
            f"{signed_in}/_sladd/review/{record.request_id}",
            f"--screenshot={screenshot}",
            height=1700,
        )
        index_shot = ARTIFACTS / "review-index.png"
        await browse(tmp_path / "p3", f"{signed_in}/_sladd/review", f"--screenshot={index_shot}")
        login = await browse(tmp_path / "p4", f"{anonymous}/_sladd/login", "--dump-dom")
        index = await browse(tmp_path / "p5", f"{signed_in}/_sladd/review", "--dump-dom")
        why = await browse(
            tmp_path / "p6", f"{signed_in}/_sladd/review/{kept.request_id}", "--dump-dom"
        )
    assert f"Exchange <code>{record.request_id}</code>" in dom
    assert re.search(r'<mark class="c\d" title="PERSON">\[PERSON_1\]</mark>', dom)
    assert "decrypted with the audit key" in dom
    assert "PersonContextRecognizer" in dom
    assert screenshot.stat().st_size > 10_000
    assert index_shot.stat().st_size > 10_000
    assert 'type="password" name="token"' in login
    assert record.request_id not in login
    assert '<option value="PAS_ID">PAS_ID</option>' in index  # a custom type, loaded
    assert '<option value="NO_FODSELSNUMMER">NO_FODSELSNUMMER</option>' in index  # in the log
    assert "why: policy.actions.LOCATION = allow" in why
    assert "why: allow list (a reviewer's false positive or policy.allow_list)" in why
