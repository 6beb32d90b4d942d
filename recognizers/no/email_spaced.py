"""E-mail addresses with stray spaces, as OCR and hurried typing leave them: a space before
a dot or after the ``@`` (``magda .hansen@ gmail .com``), or a line wrapped at the ``@``
(``kari.li@`` / ``  hotmail.com``).

Only a space *before* a dot (and one right after the ``@``) is read as part of an address: a
space after a dot is how a sentence ends (``send til meg. kari@nav.no``), so ``meg.`` never
joins the local part, and ``nav. Neste`` never becomes a domain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_LABEL = r"[A-Za-z0-9æøåÆØÅ](?:[A-Za-z0-9æøåÆØÅ\-]*[A-Za-z0-9æøåÆØÅ])?"
_LOCAL = re.compile(r"(?<![\w.+\-])[\w%+\-]+(?:[ ]?\.[\w%+\-]+)*(?:[ ]|\n[ \t]*)?\Z")
"""The local part, read backwards from the ``@``: pieces apart by a dot, maybe a space
before the dot; maybe a space or a line break right before the ``@``."""
_DOMAIN = re.compile(rf"(?:[ ]|\n[ \t]*)?(?:{_LABEL}[ ]?\.)+[A-Za-z]{{2,24}}(?![\w\-])")
"""The domain, read forwards from the ``@``."""
_REACH = 64
_SPAN = re.compile(r"[\s\S]+")


def spaced_addresses(text: str) -> Iterator[re.Match[str]]:
    """A match (of a catch-all pattern) over each address around an ``@`` that holds a
    stray space; addresses without one are left to the plain pattern."""
    at = text.find("@")
    while at != -1:
        local = _LOCAL.search(text, max(0, at - _REACH), at)
        domain = _DOMAIN.match(text, at + 1)
        if local is not None and domain is not None:
            start, end = local.start(), domain.end()
            if " " in text[start:end] or "\n" in text[start:end]:
                found = _SPAN.match(text, start, end)
                if found is not None:
                    yield found
        at = text.find("@", at + 1)
