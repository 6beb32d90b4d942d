"""Reloading what an operator or a reviewer changes while sladd serves: custom recognizers,
the reviewers' feedback (allow list and missed values) and the policy.

``SIGHUP`` to ``sladd serve``, or ``sladd reload`` (which sends it to the process named in
``<data-dir>/sladd.pid``), re-reads the configuration and builds detection and policy anew
beside the running ones — worker processes and models included, so it takes as long as a
start — and then swaps them in. Requests keep flowing throughout: those that began before the
swap finish on the old detector, which is closed once the scrub budget
(``detection.max_seconds``) of any such request has run out. A bad file (a YAML recognizer,
the config, the feedback store) keeps the old set and logs why; other changed settings
(routes, server, vault, audit …) are logged as needing a restart and are not applied.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import os
import signal
from collections.abc import Callable
from pathlib import Path

from proxy.build import detection_and_policy
from proxy.detection.cache import DetectsMany
from proxy.scrub.pipeline import Scrubber, close_detector
from proxy.settings import Settings
from proxy.support.toml_binding import ConfigError
from recognizers.errors import RecognizerSetupError

log = logging.getLogger("sladd.reload")

RELOADED = ("detection", "policy")
"""The settings sections a reload applies; any other change needs a restart."""
PID_FILE_NAME = "sladd.pid"
CLOSE_MARGIN_SECONDS = 5.0
"""Added to ``detection.max_seconds`` before an old detector is closed."""
_EXPECTED = (ConfigError, RecognizerSetupError, OSError)
"""Failures whose message names a file, a key or an entry and never a request's value."""


class Reloader:
    """Swaps ``scrubber``'s detection and policy for freshly built ones (see module
    docstring); ``reread`` loads the settings as ``sladd serve`` did at start."""

    def __init__(
        self, reread: Callable[[], Settings], settings: Settings, scrubber: Scrubber
    ) -> None:
        self._reread = reread
        self._settings = settings
        self._scrubber = scrubber
        self._lock = asyncio.Lock()
        self._closing: set[asyncio.Task[None]] = set()
        self._old: list[DetectsMany] = []

    async def reload(self) -> bool:
        """Build and swap in new detection and policy; ``False`` (old set kept, the log
        says why) if anything fails. Reloads do not overlap: a second waits for the first."""
        async with self._lock:
            log.info("reload: re-reading the config, custom recognizers and feedback")
            try:
                settings = await asyncio.to_thread(self._reread)
                detector, policy = await asyncio.to_thread(detection_and_policy, settings)
            except _EXPECTED as exc:
                log.error("reload failed, the current set stays in use: %s", exc)
                return False
            except Exception as exc:  # never a half-applied set, never a value in the log
                log.error("reload failed, the current set stays in use: %s", type(exc).__name__)
                return False
            for section in _restart_needed(self._settings, settings):
                log.warning("reload: [%s] changed; that takes a restart, not applied", section)
            old = self._scrubber.swap(detector, policy)
            self._settings = dataclasses.replace(
                self._settings, detection=settings.detection, policy=settings.policy
            )
            self._close_later(old, settings.detection.max_seconds + CLOSE_MARGIN_SECONDS)
            log.info("reload: done; new requests use the new recognizers, feedback and policy")
            return True

    def _close_later(self, old: DetectsMany, seconds: float) -> None:
        self._old.append(old)

        async def close() -> None:
            await asyncio.sleep(seconds)
            self._close(old)

        task = asyncio.ensure_future(close())
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    def _close(self, old: DetectsMany) -> None:
        if old in self._old:
            self._old.remove(old)
            close_detector(old)

    async def close(self) -> None:
        """Close the detectors still waiting to be closed (at shutdown)."""
        for task in list(self._closing):
            task.cancel()
        for old in list(self._old):
            await asyncio.to_thread(self._close, old)


def _restart_needed(before: Settings, after: Settings) -> list[str]:
    """The settings sections other than :data:`RELOADED` that differ."""
    changed = []
    for section in dataclasses.fields(Settings):
        if section.name in RELOADED or section.name == "config_path":
            continue
        if getattr(before, section.name) != getattr(after, section.name):
            changed.append(section.name)
    return changed


def install(reloader: Reloader) -> Callable[[], None]:
    """Reload on ``SIGHUP``; returns what removes the handler."""
    loop = asyncio.get_running_loop()
    running: set[asyncio.Task[bool]] = set()

    def on_hangup() -> None:
        task = asyncio.ensure_future(reloader.reload())
        running.add(task)
        task.add_done_callback(running.discard)

    loop.add_signal_handler(signal.SIGHUP, on_hangup)

    def remove() -> None:
        loop.remove_signal_handler(signal.SIGHUP)

    return remove


def pid_file(data_dir: Path) -> Path:
    """Where ``sladd serve`` records its process id for ``sladd reload``."""
    return data_dir / PID_FILE_NAME


def write_pid(data_dir: Path) -> Path:
    """Record this process's id (mode 0600); returns the file."""
    path = pid_file(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as out:
        out.write(f"{os.getpid()}\n")
    return path


def remove_pid(path: Path) -> None:
    """Remove ``path`` if it still names this process (a later sladd may have taken it)."""
    with contextlib.suppress(OSError, ValueError):
        if int(path.read_text(encoding="ascii").strip()) == os.getpid():
            path.unlink()


class NotRunningError(Exception):
    """No running ``sladd serve`` was found for the data dir; the message says where."""


def signal_reload(data_dir: Path) -> int:
    """``sladd reload``: send ``SIGHUP`` to the ``sladd serve`` recorded in ``data_dir``;
    returns its process id."""
    path = pid_file(data_dir)
    try:
        pid = int(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        raise NotRunningError(
            f"no running sladd serve found: no {path} (set --data-dir or data_dir in the "
            "config to the data dir `sladd serve` uses)"
        ) from None
    except (OSError, ValueError) as exc:
        raise NotRunningError(f"cannot read {path} ({type(exc).__name__})") from None
    if not _is_sladd(pid):
        raise NotRunningError(f"{path} names process {pid}, which is not a running sladd")
    try:
        os.kill(pid, signal.SIGHUP)
    except ProcessLookupError:
        raise NotRunningError(f"{path} names process {pid}, which is not running") from None
    return pid


def _is_sladd(pid: int) -> bool:
    """Whether process ``pid`` runs sladd (by its command line, where ``/proc`` has one): a
    stale pid file must not make ``SIGHUP`` end some other program."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return not Path("/proc/self").exists()  # no /proc here: trust the file
    except OSError:
        return False
    return b"sladd" in command or b"proxy.cli.main" in command
