"""Secret files: created 0600 (folder 0700), refused when group or others may read them.

Shared by the vault key ring, the audit key, the admin token, the proxy key file, the CA key
and the feedback file. Each caller passes the error class to raise and what the file is (e.g.
``"vault key"``), so messages name the path and never the file's content.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

REFUSED = (
    "{path}: the {what} file is accessible by group or others (mode {mode:04o}); "
    "fix it with: chmod 600 {path}"
)
"""The message for a secret file others may access (``path``, ``what``, ``mode``)."""


def read_private_file(
    path: Path, what: str, error: type[Exception], *, refused: str = REFUSED
) -> bytes:
    """The bytes of a secret file; ``error`` (message ``refused``, formatted with ``path``,
    ``what`` and ``mode``) if group or others may access it. :class:`OSError` propagates."""
    with path.open("rb") as stream:
        mode = os.fstat(stream.fileno()).st_mode & 0o777
        if mode & 0o077:
            raise error(refused.format(path=path, what=what, mode=mode))
        return stream.read()


def write_private_file(path: Path, data: str | bytes, *, sync: bool = True) -> None:
    """Create ``path``, which must not exist, with mode 0600 and write ``data`` (text as
    UTF-8); with ``sync``, flushed to disk before returning."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as stream:
        stream.write(data.encode("utf-8") if isinstance(data, str) else data)
        if sync:
            stream.flush()
            os.fsync(stream.fileno())


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}")


def replace_private_file(path: Path, text: str) -> None:
    """Replace (or create) ``path`` atomically with a new 0600 file holding ``text``."""
    temporary = _temporary(path)
    write_private_file(temporary, text)
    os.replace(temporary, path)


def create_private_file(path: Path, text: str) -> None:
    """Create ``path`` (mode 0600, folder 0700) holding ``text`` unless it exists; a
    concurrent creator wins."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = _temporary(path)
    write_private_file(temporary, text)
    try:
        os.link(temporary, path)  # atomic; loses quietly to a concurrent creator
    except FileExistsError:
        pass
    finally:
        temporary.unlink()


def load_private_file(
    path: Path, what: str, error: type[Exception], new_text: Callable[[], str] | None = None
) -> str | None:
    """The text of the secret file ``path``; if it is missing, first created from
    ``new_text()`` (see :func:`create_private_file`), or ``None`` without ``new_text``.

    Refused (``error``) if group or others may access it; an :class:`OSError` becomes
    ``error`` naming the path and ``what`` (e.g. ``"vault key"``), never the content.
    """
    try:
        if not path.exists():
            if new_text is None:
                return None
            create_private_file(path, new_text())
        return read_private_file(path, what, error).decode("utf-8", "replace")
    except OSError as exc:
        raise error(f"{path}: {what} file: {exc.strerror}") from None
