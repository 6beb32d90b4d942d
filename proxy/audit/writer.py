"""The redaction log writer: one JSON line per exchange in daily files.

Layout: ``<data-dir>/audit/audit-YYYY-MM-DD.jsonl`` (the UTC day of the record's time),
folder mode 0700, files 0600. A record is serialised by the caller's thread and appended
with one ``write(2)`` on an ``O_APPEND`` descriptor kept open for the day — a page-cache
copy of about a kilobyte, microseconds, so it runs inline on the event loop. There is no
fsync: a crash may lose the last records, but the request path never waits for a disk.

Retention: at open and whenever the UTC day changes, daily files more than
``retention_days`` days older than today are deleted (0 keeps everything).

:meth:`AuditLog.record` never raises: a failure is logged with the request id and the
error class only (never a value) and counted in ``sladd_audit_write_failures_total``.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from proxy.audit.crypto import AuditCipher, ScrubbedSlot, load_audit_cipher
from proxy.audit.record import AuditRecord
from proxy.audit.settings import AuditSettings

if TYPE_CHECKING:  # the metrics module pulls in aiohttp; the log's readers need neither
    from proxy.audit.metrics import Metrics

log = logging.getLogger("sladd.audit")
AUDIT_DIR = "audit"
_DAY_FILE = re.compile(r"^audit-(\d{4}-\d{2}-\d{2})\.jsonl$")
Clock = Callable[[], datetime]


def audit_dir(data_dir: Path) -> Path:
    """The folder of the daily files."""
    return data_dir / AUDIT_DIR


def day_file(directory: Path, day: date) -> Path:
    """The file for one UTC day."""
    return directory / f"audit-{day.isoformat()}.jsonl"


def daily_files(directory: Path) -> list[tuple[date, Path]]:
    """Every daily file in ``directory``, oldest first (other files are ignored)."""
    if not directory.is_dir():
        return []
    found = []
    for path in directory.iterdir():
        match = _DAY_FILE.match(path.name)
        if match:
            try:
                found.append((date.fromisoformat(match.group(1)), path))
            except ValueError:
                continue
    return sorted(found)


def apply_retention(directory: Path, today: date, retention_days: int) -> int:
    """Delete daily files older than ``retention_days`` before ``today``; how many went."""
    if retention_days <= 0:
        return 0
    oldest_kept = today - timedelta(days=retention_days)
    deleted = 0
    for day, path in daily_files(directory):
        if day < oldest_kept:
            path.unlink(missing_ok=True)
            deleted += 1
    return deleted


def _utc_now() -> datetime:
    return datetime.now(UTC)


class AuditLog:
    """Records exchanges: counts them in :class:`Metrics` and appends them to the log."""

    def __init__(
        self,
        data_dir: Path,
        settings: AuditSettings,
        *,
        cipher: AuditCipher | None = None,
        metrics: Metrics | None = None,
        clock: Clock = _utc_now,
    ) -> None:
        self.directory = audit_dir(data_dir)
        self.settings = settings
        self.metrics = metrics
        self._cipher = cipher
        self._clock = clock
        self._lock = threading.Lock()
        self._fd: int | None = None
        self._fd_day: date | None = None
        self._retention_day: date | None = None

    @classmethod
    def open(
        cls,
        data_dir: Path,
        settings: AuditSettings,
        metrics: Metrics | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> AuditLog:
        """Create the folder, load (or create) the audit key when scrubbed text is kept,
        and apply retention. Key problems raise :class:`~proxy.audit.crypto.AuditKeyError`:
        sladd should not start without the encryption it was configured for."""
        cipher = None
        if settings.enabled and settings.store_scrubbed_text:
            cipher = load_audit_cipher(data_dir, environ, create=True)
        audit = cls(data_dir, settings, cipher=cipher, metrics=metrics)
        if settings.enabled:
            audit.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            audit.directory.chmod(0o700)
            audit._retain(audit._clock().date())
        return audit

    def record(self, record: AuditRecord, scrubbed: Sequence[ScrubbedSlot] = ()) -> None:
        """Count and append one exchange; ``scrubbed`` is sealed when so configured.

        Never raises (see the module docstring).
        """
        try:
            if self.metrics is not None:
                self.metrics.observe(record)
            if self.settings.enabled:
                self._write(self._sealed(record, scrubbed))
        except Exception as exc:  # the exchange must never fail because of its audit record
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else ""
            log.error(
                "audit: the record of request %s was not written (%s%s)",
                record.request_id,
                type(exc).__name__,
                f": {reason}" if reason else "",
            )
            if self.metrics is not None:
                self.metrics.audit_write_failures.inc()

    def close(self) -> None:
        """Close the open daily file; later records reopen it."""
        with self._lock:
            self._close_fd()

    def _sealed(self, record: AuditRecord, scrubbed: Sequence[ScrubbedSlot]) -> AuditRecord:
        if not (self.settings.store_scrubbed_text and scrubbed and self._cipher is not None):
            return record
        return dataclasses.replace(record, scrubbed=self._cipher.seal(record.request_id, scrubbed))

    def _write(self, record: AuditRecord) -> None:
        line = json.dumps(record.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n"
        now = self._clock()
        try:
            day = record.timestamp.date()
        except ValueError:
            day = now.date()
        with self._lock:
            if self._retention_day != now.date():
                self._retain(now.date())
            os.write(self._descriptor(day), line.encode("utf-8", "surrogatepass"))

    def _descriptor(self, day: date) -> int:
        if self._fd is None or self._fd_day != day:
            self._close_fd()
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
            fd = os.open(day_file(self.directory, day), flags, 0o600)
            os.fchmod(fd, 0o600)
            self._fd, self._fd_day = fd, day
        return self._fd

    def _close_fd(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd, self._fd_day = None, None

    def _retain(self, today: date) -> None:
        self._retention_day = today
        deleted = apply_retention(self.directory, today, self.settings.retention_days)
        if deleted:
            log.info("audit: retention deleted %d daily file(s)", deleted)
