"""The default vault: one encrypted SQLite file in the data dir (``sqlite:///PATH``).

All SQLite work runs on one dedicated thread (never on the event loop), so calls from this
process are serialised; ``BEGIN IMMEDIATE`` transactions and ``UNIQUE`` constraints keep
assignment atomic against other processes on the same file (``sladd vault`` next to a
running ``sladd serve``). WAL mode lets readers proceed during writes; ``secure_delete``
overwrites erased rows. Only keyed ids, labels, numbers, key ids and envelopes are stored
(see :mod:`proxy.vault.crypto`), never a value.

The schema is in :mod:`proxy.vault.sqlite_schema`.
"""

from __future__ import annotations

import asyncio
import functools
import os
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from proxy.vault.base import DEFAULT_TTL_SECONDS, VaultError, VaultStats, new_epoch
from proxy.vault.crypto import VaultCipher
from proxy.vault.sqlite_schema import prepare
from proxy.vault.sqlite_schema import transaction as _transaction

T = TypeVar("T")
SWEEP_INTERVAL = 300.0
"""Seconds between sweeps that erase expired scopes from the file."""
_ROTATE_BATCH = 500


class SqliteVault:
    """Implements :class:`proxy.vault.base.ManagedVault`; create with :meth:`open`."""

    def __init__(
        self,
        path: Path,
        cipher: VaultCipher,
        ttl_seconds: float,
        clock: Callable[[], float],
    ) -> None:
        self.path = path
        self._cipher = cipher
        self._ttl = ttl_seconds
        self._clock = clock
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sladd-vault")
        self._conn: sqlite3.Connection | None = None
        self._closed = False
        self._last_sweep = 0.0

    @classmethod
    async def open(
        cls,
        path: Path,
        cipher: VaultCipher,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> SqliteVault:
        """Open (creating if needed, mode 0600) the vault file; check it matches the key ring."""
        vault = cls(path, cipher, ttl_seconds, clock)
        try:
            await vault._run(vault._connect)
        except BaseException:
            await vault.close()
            raise
        return vault

    async def _run(self, work: Callable[[], T]) -> T:
        if self._closed:
            raise VaultError(f"SQLite vault {self.path} is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(self._guarded, work))

    def _guarded(self, work: Callable[[], T]) -> T:
        try:
            return work()
        except sqlite3.Error as exc:
            raise VaultError(f"SQLite vault {self.path}: {type(exc).__name__}: {exc}") from None
        except OSError as exc:
            raise VaultError(f"SQLite vault {self.path}: {exc.strerror}") from None

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise VaultError(f"SQLite vault {self.path} is closed")
        return self._conn

    def _connect(self) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=10.0)
        self._conn = conn
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA secure_delete=ON")
        prepare(conn, self.path, self._cipher.fingerprint())
        self._sweep(self._clock())

    def _sweep(self, now: float) -> int:
        self._last_sweep = now
        return self._purge_idle(now - self._ttl)

    def _purge_idle(self, cutoff: float) -> int:
        conn = self._db()
        with _transaction(conn):
            erased = conn.execute(
                "DELETE FROM entries WHERE scope_id IN"
                " (SELECT scope_id FROM scopes WHERE last_used < ?)",
                (cutoff,),
            )
            conn.execute("DELETE FROM scopes WHERE last_used < ?", (cutoff,))
            return erased.rowcount

    def _erase_scope(self, conn: sqlite3.Connection, scope_id: str) -> int:
        erased = conn.execute("DELETE FROM entries WHERE scope_id = ?", (scope_id,)).rowcount
        conn.execute("DELETE FROM scopes WHERE scope_id = ?", (scope_id,))
        return erased

    async def assign(self, scope: str, label: str, key: str, value: str) -> int:
        """See :meth:`proxy.vault.base.Vault.assign`."""
        return await self._run(functools.partial(self._assign, scope, label, key, value))

    def _assign(self, scope: str, label: str, key: str, value: str) -> int:
        now, conn = self._clock(), self._db()
        if now - self._last_sweep >= SWEEP_INTERVAL:
            self._sweep(now)
        scope_id = self._cipher.scope_id(scope)
        entry_id = self._cipher.entry_id(scope_id, label, key)
        with _transaction(conn):
            row = conn.execute("SELECT last_used FROM scopes WHERE scope_id = ?", (scope_id,))
            last_used = row.fetchone()
            if last_used is not None and now - last_used[0] >= self._ttl:
                self._erase_scope(conn, scope_id)
            number = self._number(conn, scope_id, label, entry_id, value)
            conn.execute(
                "INSERT INTO scopes (scope_id, last_used) VALUES (?, ?) ON CONFLICT (scope_id)"
                " DO UPDATE SET last_used = excluded.last_used",
                (scope_id, now),
            )
            return number

    def _number(
        self, conn: sqlite3.Connection, scope_id: str, label: str, entry_id: str, value: str
    ) -> int:
        found = conn.execute(
            "SELECT number FROM entries WHERE scope_id = ? AND entry_id = ?", (scope_id, entry_id)
        ).fetchone()
        if found is not None:
            return int(found[0])
        (number,) = conn.execute(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM entries WHERE scope_id = ? AND label = ?",
            (scope_id, label),
        ).fetchone()
        envelope = self._cipher.seal(scope_id, label, number, value)
        conn.execute(
            "INSERT INTO entries (scope_id, label, number, entry_id, key_id, envelope)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (scope_id, label, number, entry_id, self._cipher.current_key_id, envelope),
        )
        return int(number)

    async def lookup(self, scope: str, label: str, number: int) -> str | None:
        """See :meth:`proxy.vault.base.Vault.lookup`."""
        return await self._run(functools.partial(self._lookup, scope, label, number))

    def _lookup(self, scope: str, label: str, number: int) -> str | None:
        now, conn = self._clock(), self._db()
        scope_id = self._cipher.scope_id(scope)
        row = conn.execute(
            "SELECT e.envelope, s.last_used FROM entries e JOIN scopes s USING (scope_id)"
            " WHERE e.scope_id = ? AND e.label = ? AND e.number = ?",
            (scope_id, label, number),
        ).fetchone()
        if row is None or now - row[1] >= self._ttl:
            return None
        value = self._cipher.open(scope_id, label, number, row[0])
        conn.execute(
            "UPDATE scopes SET last_used = MAX(last_used, ?) WHERE scope_id = ?", (now, scope_id)
        )
        return value

    async def epoch(self, scope: str, *, create: bool = False) -> str | None:
        """See :meth:`proxy.vault.base.Vault.epoch`."""
        return await self._run(functools.partial(self._epoch, scope, create))

    def _epoch(self, scope: str, create: bool) -> str | None:
        now, conn = self._clock(), self._db()
        scope_id = self._cipher.scope_id(scope)
        select = "SELECT epoch, last_used FROM scopes WHERE scope_id = ?"
        row = conn.execute(select, (scope_id,)).fetchone()
        current = row[0] if row is not None and now - row[1] < self._ttl else None
        if current is not None or not create:
            return None if current is None else str(current)
        with _transaction(conn):
            row = conn.execute(select, (scope_id,)).fetchone()
            if row is not None and now - row[1] >= self._ttl:
                self._erase_scope(conn, scope_id)  # expired: its entries must not outlive it
                row = None
            if row is not None and row[0] is not None:
                return str(row[0])
            epoch = new_epoch()
            conn.execute(
                "INSERT INTO scopes (scope_id, last_used, epoch) VALUES (?, ?, ?)"
                " ON CONFLICT (scope_id) DO UPDATE SET epoch = excluded.epoch",
                (scope_id, now, epoch),
            )
            return epoch

    async def close(self) -> None:
        """See :meth:`proxy.vault.base.ManagedVault.close`."""
        if self._closed:
            return
        self._closed = True
        conn, self._conn = self._conn, None
        if conn is not None:
            await asyncio.get_running_loop().run_in_executor(self._executor, conn.close)
        self._executor.shutdown(wait=True)

    async def purge_scope(self, scope: str) -> int:
        """See :meth:`proxy.vault.base.ManagedVault.purge_scope`."""

        def erase() -> int:
            conn = self._db()
            with _transaction(conn):
                return self._erase_scope(conn, self._cipher.scope_id(scope))

        return await self._run(erase)

    async def purge_older_than(self, seconds: float) -> int:
        """See :meth:`proxy.vault.base.ManagedVault.purge_older_than`."""
        return await self._run(lambda: self._purge_idle(self._clock() - seconds))

    async def stats(self) -> VaultStats:
        """See :meth:`proxy.vault.base.ManagedVault.stats`; erases expired scopes first."""
        return await self._run(self._stats)

    def _stats(self) -> VaultStats:
        self._sweep(self._clock())
        conn = self._db()
        (scopes,) = conn.execute("SELECT COUNT(*) FROM scopes").fetchone()
        per_key = conn.execute(
            "SELECT key_id, COUNT(*) FROM entries GROUP BY key_id ORDER BY key_id"
        ).fetchall()
        entries = sum(count for _, count in per_key)
        pairs = tuple((str(k), int(n)) for k, n in per_key)
        return VaultStats("sqlite", int(scopes), entries, pairs, self._cipher.current_key_id)

    async def rotate_key(self) -> int:
        """See :meth:`proxy.vault.base.ManagedVault.rotate_key`."""
        return await self._run(self._rotate)

    def _rotate(self) -> int:
        current = self._cipher.rotate()
        conn, done = self._db(), 0
        while True:
            with _transaction(conn):
                rows = conn.execute(
                    "SELECT rowid, scope_id, label, number, envelope FROM entries"
                    " WHERE key_id != ? LIMIT ?",
                    (current, _ROTATE_BATCH),
                ).fetchall()
                for rowid, scope_id, label, number, envelope in rows:
                    value = self._cipher.open(scope_id, label, number, envelope)
                    resealed = self._cipher.seal(scope_id, label, number, value)
                    conn.execute(
                        "UPDATE entries SET key_id = ?, envelope = ? WHERE rowid = ?",
                        (current, resealed, rowid),
                    )
            if not rows:
                return done
            done += len(rows)
