"""Checks on a client request before its body is read: encoding, media type.

aiohttp decodes ``gzip``, ``deflate``, ``br`` and ``zstd`` request bodies while reading them
(``brotli`` and ``backports.zstd`` are dependencies), and the body-size limit applies to the
decoded bytes, so a small compressed bomb is still refused. Any other encoding is refused, as
is a body whose declared media type is not JSON: sladd only forwards what it could read.
"""

from __future__ import annotations

from collections.abc import Mapping

from proxy.support.errors import SladdError

DECODED_ENCODINGS = frozenset({"identity", "gzip", "x-gzip", "deflate", "br", "zstd"})


def check_encoding(headers: Mapping[str, str]) -> None:
    """Refuse a ``Content-Encoding`` sladd cannot decode (415)."""
    declared = headers.get("Content-Encoding", "identity")
    codings = [c.strip().lower() for c in declared.split(",") if c.strip()]
    unknown = [c for c in codings if c not in DECODED_ENCODINGS]
    if unknown or len(codings) > 1:
        message = (
            f"Content-Encoding {declared!r} is not supported; send identity, gzip, deflate, "
            "br or zstd (one encoding)"
        )
        raise SladdError(415, "sladd_unsupported_encoding", message)


def check_json_media_type(headers: Mapping[str, str]) -> None:
    """Refuse a body declared as something other than JSON (415); no type is accepted."""
    declared = headers.get("Content-Type")
    if declared is None:
        return
    media = declared.split(";", 1)[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        return
    message = f"Content-Type {media!r} cannot be scrubbed here; send application/json"
    raise SladdError(415, "sladd_unsupported_media_type", message)
