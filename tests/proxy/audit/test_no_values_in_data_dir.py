"""After real scrubbed exchanges, reviews and feedback, no value is anywhere in the data dir.

The data dir then holds the redaction log (tokens, offsets, sealed scrubbed text), the
encrypted SQLite vault, the vault key, the audit key, the admin token and reviewers' feedback
(keyed hashes of values, never the values).
"""

from __future__ import annotations

from pathlib import Path

from proxy.review.admin import AdminToken
from tests.proxy.audit.exchanges import Recorded, assert_no_value_in, files_under, logs
from tests.proxy.review.review_app import TOKEN, review_app


async def test_nothing_identifying_under_the_data_dir(recorded: Recorded, tmp_path: Path) -> None:
    data_dir = recorded.data_dir
    AdminToken.load(data_dir, {})  # as sladd serve does at first start
    record = recorded.records[0]
    number = recorded.number(0, action="pseudonymised", entity_type="PERSON")
    headers = {"Authorization": f"Bearer {TOKEN}"}
    async with review_app(data_dir, tmp_path / "config") as review:
        assert (await review.client.get("/_sladd/review", headers=headers)).status == 200
        url = f"/_sladd/review/{record.request_id}/false-positive"
        done = await review.client.post(url, data={"finding": str(number)}, headers=headers)
        assert done.status == 200
        assert (await review.client.get("/metrics")).status == 200
    assert logs(recorded, tmp_path, "show", record.request_id).returncode == 0
    names = {path.relative_to(data_dir).as_posix() for path in files_under(data_dir)}
    assert {"audit.key", "admin.token", "vault.key", "vault.db", "feedback.json"} <= names
    assert any(name.startswith("audit/audit-") for name in names)
    assert all(r.scrubbed is not None for r in recorded.records if r.outcome == "forwarded")
    assert_no_value_in(data_dir)
