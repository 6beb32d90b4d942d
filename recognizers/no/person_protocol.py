"""Words of message formats, protocols and logs that the model takes for names.

Pasted calendar invitations, contact cards, raw e-mail, bounce messages, directory entries and
stack traces are full of capitalised keywords (``BEGIN:VCALENDAR``, ``ORGANIZER;CN=…:mailto:``,
``Return-Path``, ``Content-Transfer-Encoding: quoted-printable``, ``proxyAddresses``,
``Traceback``, ``550 5.1.1 User unknown``, ``Remote Server returned``) that name no one. A
PERSON span is no name when each of its words is such a keyword (:data:`PROTOCOL_WORDS`, any
case), a country (``;Oslo;;0454;Norge`` in a vCard address), or when it names a meeting room or
a supplier by the word before it (``Møterom Fjorden``, ``leverandør Abena``): a place or a
company, not a person (``leverandør: Kari Hansen``, with a colon, names a contact); or when it
holds a service written with a lower-case prefix letter and ordinary words only (``Reseptlogg
eResept``). The values of these formats (``CN=Kari Nordmann``, ``FN:Kari Nordmann``) are left
to the recognizers that read them.

One set lookup per word, and a look at the word before the span.
"""

from __future__ import annotations

import re

from recognizers.no.person_lexicon import is_compound, is_ordinary

PROTOCOL_WORDS = frozenset(
    """
    begin end vcalendar vevent vtodo vjournal valarm vtimezone vfreebusy vcard
    dtstart dtend dtstamp rrule prodid organizer attendee mailto tzid partstat rsvp
    return-path received message-id mime-version content-type content-transfer-encoding
    content-disposition content-id quoted-printable base64 multipart charset x-mailer
    x-originating-ip dkim-signature reply-to in-reply-to delivered-to envelope-to x-priority
    thread-topic thread-index smtp esmtp lmtp helo ehlo rcpt postmaster mailer-daemon
    bounced bounce deferred undeliverable
    proxyaddresses samaccountname userprincipalname distinguishedname displayname
    givenname objectclass memberof objectguid telephonenumber employeeid
    traceback stacktrace exception
    user unknown remote server watch list
    """.split()
)
"""Keywords of iCalendar, vCard, MIME, SMTP and bounce messages, LDAP attributes and logs."""
COUNTRIES = frozenset(
    """
    norge noreg norway sverige sweden danmark denmark finland suomi island iceland tyskland
    germany polen poland litauen lithuania
    """.split()
)
"""Countries, as the last part of an address (``;Oslo;;0454;Norge``)."""
_PLACE_OR_FIRM_BEFORE = frozenset(
    """
    møterom møtesal møterommet grupperom auditorium auditoriet
    leverandør leverandøren leverandor produsent produsenten supplier vendor manufacturer
    """.split()
)
"""Words a meeting room's or a supplier's name follows (``Møterom Fjorden``, ``leverandør
Abena``)."""
_ROOMS = frozenset("møterom møtesal grupperom auditorium".split())
_EDGE = ".,;:()«»\"'<>[]"


_SERVICE = re.compile(r"[a-zæøå][A-ZÆØÅ][a-zæøå]+")
"""A service or product written with a lower-case prefix letter (``eResept``, ``iPhone``)."""


_SERVICE_SHAPE = re.compile(r"(?<![^\W\d_])[a-zæøå][A-ZÆØÅ]")


def _is_service_name(parts: list[str]) -> bool:
    """A service name (``eResept``) with only ordinary words beside it (``Ekspedisjonslogg
    eResept``): a heading, not a person."""
    cleaned = [part.strip(_EDGE) for part in parts]
    if not any(_SERVICE.fullmatch(part) for part in cleaned):
        return False
    return all(
        _SERVICE.fullmatch(part) or is_ordinary(part.lower()) or is_compound(part.lower())
        for part in cleaned
    )


def is_protocol_span(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a format keyword, a country, a meeting room or a
    supplier (module docstring), not a person."""
    span = text[start:end]
    parts = span.split()
    if not parts:
        return False
    first = parts[0].strip(_EDGE).lower()
    if first in PROTOCOL_WORDS and all(p.strip(_EDGE).lower() in PROTOCOL_WORDS for p in parts):
        return True
    if (len(parts) == 1 and first in COUNTRIES) or (len(parts) == 2 and first in _ROOMS):
        return True
    if _SERVICE_SHAPE.search(span) and _is_service_name(span.split()):
        return True
    before = text[max(0, start - 24) : start].rstrip()
    cut = max(before.rfind(" "), before.rfind("\n"), before.rfind("\t"))
    return before[cut + 1 :].lower() in _PLACE_OR_FIRM_BEFORE
