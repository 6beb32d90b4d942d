"""What mail systems write around and instead of a person's address, for
:mod:`recognizers.no.email`.

- A tag a mail system puts before the local part (BATV ``prvs=0912ab=kari.berg@…``, SRS
  ``SRS0=HHH=TT=example.no=kari@…``): the tag is part of the address as written, and the
  whole of it is reported, so no piece of it is left beside the rewritten local part.
- A Message-ID (``msgid=<a81f2c@dips.no>``, ``Message-ID: <…>``, ``In-Reply-To:``) names a
  message, not a mailbox: no address, when its local part holds a digit (a machine's).
- A bounce address whose local part is a bounce word and digits only (``bounce-7731@``,
  ``bounces+20991@``) names a delivery attempt, not a person. Recall first: any letter
  beyond the bounce word (``bounce-kari.berg@``) keeps it an address.
"""

from __future__ import annotations

import re

_TAG_BEFORE = re.compile(
    r"(?i)(?<![\w.+\-=])(?:prvs|msprvs\d?|btv\d|batv|srs[01])=[^\s<>@\"',;]{1,100}?=\Z"
)
_TAG_REACH = 120
_MESSAGE_ID_BEFORE = re.compile(
    r"(?i)(?<![\w\-])(?:message-?id|msg-?id|in-reply-to|references|content-id)[ \t]*[:=][ \t]*"
    r"(?:<[^<>\s]{1,200}>[ \t]*)*<\Z"
)
_MESSAGE_ID_REACH = 600
_BOUNCE_LOCAL = re.compile(r"(?i)(?:bounces?|bnc|verp|return)[\-+._=]?\d[\d\-+._=]*")


def tag_start(text: str, start: int) -> int | None:
    """Where a BATV or SRS tag right before the local part at ``start`` begins, if any."""
    if start == 0 or text[start - 1] != "=":
        return None
    found = _TAG_BEFORE.search(text, max(0, start - _TAG_REACH), start)
    return None if found is None else found.start()


def machine_id(text: str, start: int, local: str) -> bool:
    """The address-shaped text at ``start`` (local part ``local``) is a Message-ID or a
    bounce address, no person's mailbox."""
    if _BOUNCE_LOCAL.fullmatch(local):
        return True
    if start == 0 or text[start - 1] != "<" or not any(c.isdigit() for c in local):
        return False
    return _MESSAGE_ID_BEFORE.search(text, max(0, start - _MESSAGE_ID_REACH), start) is not None
