"""Words that stand where markup or a mail header puts them, and so name no person.

* Markup: the name of an XML or HTML element (``<ns2:GivenName>``, ``</Ident>``,
  ``<TypeId V="FNR"/>``): the model reads CamelCase tag names as names; the value between the
  tags may be one, the tag never.
* Mail headers: the words of a forwarded or quoted message's header (``---------- Forwarded
  message ---------``, ``Kari Nordmann <kari@x.no> wrote:``) and an English weekday
  abbreviation before a date (``Date: Wed, 6 Nov 2024``).
* Keys: a span that ends in ``=`` (``to=``, ``navn=``) is the key of a value, not a name.

Checked with a few anchored matches around the span, whatever the length of the text.
"""

from __future__ import annotations

import re

_TAG_BEFORE = re.compile(r"</?(?:[A-Za-z_][\w.-]{0,30}:)?\Z")
"""An element's opening: ``<``, ``</`` and a namespace prefix (``<ns2:``)."""
_TAG_AFTER = re.compile(r"[ \t\r\n]*(/)?>|[ \t\r\n]+[A-Za-z_:][\w:.-]*[ \t]*=")
"""What follows a tag name: ``>``, ``/>`` or an attribute (``V="FNR"``)."""
_LOOK_BEHIND = 40

_HEADER_WORDS = frozenset({"wrote", "writes", "forwarded", "skrev", "videresendt"})
"""Words of a mail header in English or Norwegian; no given name or surname."""
_HEADER_WORD_NEXT = re.compile(r"[ \t]*(?::|message\b|melding\b|e-post\b)", re.IGNORECASE)
_WEEKDAYS = frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
_DATE_NEXT = re.compile(r",?[ \t]+\d")


def is_tag_name(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is the name of an XML or HTML element (module docstring).

    A bare ``<anne>`` is an element only when it is closed later (``</anne>``): a chat log
    writes its senders so (``<sykepleier_anne> Ring 113``). A closing tag, a namespace
    prefix, an attribute or ``/>`` make it an element anyway."""
    opening = _TAG_BEFORE.search(text[max(0, start - _LOOK_BEHIND) : start])
    after = _TAG_AFTER.match(text, end)
    if opening is None or after is None:
        return False
    if opening.group().startswith("</") or ":" in opening.group() or text[start] == "/":
        return True
    if after.group().endswith("=") or after.group(1):
        return True
    return text.find("</" + text[start:end], end) >= 0


def is_mail_header_word(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is one word of a mail header: ``wrote:``, ``Forwarded
    message``, ``Wed, 6 Nov`` (module docstring)."""
    word = text[start:end].lower()
    if word in _HEADER_WORDS:
        return bool(_HEADER_WORD_NEXT.match(text, end))
    return word in _WEEKDAYS and bool(_DATE_NEXT.match(text, end))


def not_a_name_here(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a tag name, a mail header word or a key with its
    ``=`` (``to=<kari@x.no>``, ``navn="…"``)."""
    return (
        text[start:end].endswith("=")
        or is_tag_name(text, start, end)
        or is_mail_header_word(text, start, end)
    )
