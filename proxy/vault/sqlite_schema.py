"""The SQLite vault's schema, its upgrade in place, and the transaction helper.

Schema (version 1)::

    meta(name PRIMARY KEY, value)                 schema version, key-ring fingerprint
    scopes(scope_id PRIMARY KEY, last_used, epoch)
        scope_id = HMAC(index key, scope); epoch: see proxy.vault.base.Vault.epoch
    entries(scope_id, label, number, entry_id, key_id, envelope)
        PRIMARY KEY (scope_id, label, number), UNIQUE (scope_id, entry_id)

The epoch column came later; a file without it gets it added (``NULL``: no epoch yet), which
older sladd versions ignore, so the version stays 1.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from proxy.vault.base import VaultConfigError

SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS scopes (
    scope_id TEXT PRIMARY KEY,
    last_used REAL NOT NULL,
    epoch TEXT
);
CREATE INDEX IF NOT EXISTS scopes_last_used ON scopes (last_used);
CREATE TABLE IF NOT EXISTS entries (
    scope_id TEXT NOT NULL,
    label TEXT NOT NULL,
    number INTEGER NOT NULL,
    entry_id TEXT NOT NULL,
    key_id TEXT NOT NULL,
    envelope BLOB NOT NULL,
    PRIMARY KEY (scope_id, label, number),
    UNIQUE (scope_id, entry_id)
);
CREATE INDEX IF NOT EXISTS entries_key_id ON entries (key_id);
"""

_MISMATCH = {
    "schema": "{path}: unknown vault schema version (made by another sladd version?)",
    "key_fingerprint": (
        "{path} was created with a different vault key ring; use the original key "
        "(SLADD_VAULT_KEY or vault.key), or move the vault file aside to start afresh"
    ),
}


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def prepare(conn: sqlite3.Connection, path: Path, fingerprint: str) -> None:
    """Create or upgrade the schema; raise :class:`VaultConfigError` if the file was made by
    another schema version or with another key ring (``fingerprint``)."""
    with transaction(conn):
        for statement in _SCHEMA.split(";"):
            conn.execute(statement)
        columns = {row[1] for row in conn.execute("PRAGMA table_info(scopes)")}
        if "epoch" not in columns:
            conn.execute("ALTER TABLE scopes ADD COLUMN epoch TEXT")
        wanted = {"schema": SCHEMA_VERSION, "key_fingerprint": fingerprint}
        for name, value in wanted.items():
            conn.execute("INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)", (name, value))
            (stored,) = conn.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
            if stored != value:
                raise VaultConfigError(_MISMATCH[name].format(path=path))
