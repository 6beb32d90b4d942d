"""Numbers, dates of birth, addresses and e-mail addresses in the shapes an eighth corpus gave
them: a mobile number grouped five and three; a number right after a time of day; a second
number offered with ``eller``; a number typed over messages whose first piece ends the message
that asks for it, or after ``mitt nr``; ``+47``/``0047`` with a digit too many; ten digits after
an owned label; spoken numbers further from the word to call, and English ``twenty two``; a
fødselsnummer after a spaced dash in a list; an ``@`` typed twice, ``snabela``, a local part
with digits said; a spoken year ``nitten null fem``; a postnummer said with ``tusen`` and
``hundre``. And what is none: ``%@domain`` in a query, a role word said before its mailbox, a
number before a speaker's label on the next line.

Every name and number below is made up.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from recognizers.normalise.spoken import spoken_view

Find = Callable[[str], list[tuple[str, str]]]
Spans = Callable[[str], list[tuple[str, int, int]]]

FOUND = [
    # a mobile number grouped five and three, with no phone word
    ("PHONE_NUMBER", "mvh Kari Dal 93412 588", "93412 588"),
    ("PHONE_NUMBER", "NK1|1|Dal^Per|BRO||41230 907", "41230 907"),
    # grouped number right after a time of day
    ("PHONE_NUMBER", "time 02.04 kl 09:30 412 88 903 er mitt", "412 88 903"),
    # a second number offered with "eller"
    ("PHONE_NUMBER", "ring 98 76 54 32 eller på kontoret 2234 5678.", "2234 5678"),
    # the first piece ends the message that asks, the rest follows
    ("PHONE_NUMBER", "Per Dal: du kan ringe meg på 934 12\nPer Dal: 508\nPer Dal: takk", "934 12"),
    ("PHONE_NUMBER", "Per Dal: du kan ringe meg på 934 12\nPer Dal: 508\nPer Dal: takk", "508"),
    # one pair per line after an owned label
    ("PHONE_NUMBER", "spørsmål om time\nmitt nr\n92\n14\n60\n38", "92"),
    ("PHONE_NUMBER", "spørsmål om time\nmitt nr\n92\n14\n60\n38", "38"),
    # +47 / 0047 and a digit too many or too few
    ("PHONE_NUMBER", "Kontakt: 0047 912 34 56 78", "0047 912 34 56 78"),
    ("PHONE_NUMBER", "ring +47 412 33 90 i kveld", "+47 412 33 90"),
    (
        "PHONE_NUMBER",
        "dr: mobil\npas: null null fire sju ni to tre fire fem seks sju åtte ni",
        "null null fire sju ni to tre fire fem seks sju åtte ni",
    ),
    # ten digits after an owned label, taken back by the right number
    ("PHONE_NUMBER", "nytt nummer: 41 22 33 44 55 ... nei 41 22 33 44", "41 22 33 44 55"),
    # spoken, some words after the word to call, outside the numbering plan
    (
        "PHONE_NUMBER",
        "kan dere ringe meg når svaret er klart, åtte en, tre to, femti, tolv",
        "åtte en, tre to, femti, tolv",
    ),
    # English tens and unit said apart, an answer of nine digits
    (
        "PHONE_NUMBER",
        "doctor: and your number\npatient: nine one two, thirty four, fifty six, seven",
        "nine one two, thirty four, fifty six, seven",
    ),
    # fødselsnummer after a spaced dash that ends another number in a list row
    ("NO_FODSELSNUMMER", "1. DAL, PER – PID 2003917 – 130972 48022\n", "130972 48022"),
    # an @ typed twice
    ("EMAIL_ADDRESS", 'bounce: "per.dal@@eksempel.no" finnes ikke', "per.dal@@eksempel.no"),
    # snabela, and a local part whose digits are said as digits
    (
        "EMAIL_ADDRESS",
        "ny epost: kari.dal snabela eksempel.no takk",
        "kari.dal snabela eksempel.no",
    ),
    (
        "EMAIL_ADDRESS",
        "send til meg på e-post perdal77 krøllalfa eksempel punktum no",
        "perdal77 krøllalfa eksempel punktum no",
    ),
    # a year said "nitten null fem", taken back
    (
        "DATE_OF_BIRTH",
        "pasienten er født andre i fjerde nitten null sju nei to tusen og sju\n",
        "andre i fjerde nitten null sju nei to tusen og sju",
    ),
]

NOT_FOUND = [
    # a LIKE pattern in a query has no local part
    ("SELECT navn FROM pasient WHERE epost LIKE '%@eksempel.no';", "EMAIL_ADDRESS", "%@"),
    # a role word said before its own mailbox is no echo of a person's address
    (
        "Hilsen Per Dal, personvernombud (personvernombud@eksempel.no)",
        "EMAIL_ADDRESS",
        "personvernombud",
    ),
    # four spoken digits before the next speaker's label
    ("Deltaker 1: vi tar den på femten tretti\nDeltaker 2: greit", "NO_POSTNUMMER", "Deltaker"),
    # a time of day and a count, no phone number
    ("kl 10:15 12 30 40 tabletter", "PHONE_NUMBER", "12 30"),
]


@pytest.mark.parametrize(("entity", "text", "value"), FOUND)
def test_found(spans: Spans, entity: str, text: str, value: str) -> None:
    start = text.index(value)
    end = start + len(value)
    covering = [(e, s, t) for e, s, t in spans(text) if s <= start and end <= t]
    assert covering, (entity, value, spans(text))


@pytest.mark.parametrize(("text", "entity", "absent"), NOT_FOUND)
def test_not_found(find: Find, text: str, entity: str, absent: str) -> None:
    assert not [v for e, v in find(text) if e == entity and (v == absent or absent in v.split())]


def test_spoken_postnummer_with_thousand_and_hundred() -> None:
    view = spoken_view("Fjellvegen førtito, sjutusen fem hundre og tjue Ranheim")
    assert view is not None
    assert "7520 Ranheim" in view.text


def test_spoken_year_with_zero() -> None:
    view = spoken_view("født tredje i niende nitten null fem")
    assert view is not None
    assert view.text.endswith("03.09.1905")


def test_clinical_content_and_instruction_untouched(find: Find) -> None:
    text = (
        "Pasient: ring meg på 934 12\nPasient: 508\n"
        "Hb 13,2 g/dL, CRP 12 mg/L kl 10:15, Albyl-E 75 mg x 1. "
        "Oppsummer journalnotatet på bokmål."
    )
    values = [v for _, v in find(text)]
    for clinical in ("13,2", "12 mg", "10:15", "75 mg", "Albyl-E", "Oppsummer journalnotatet"):
        assert not any(clinical in v or v in clinical for v in values if len(v) > 2), values
    assert ("PHONE_NUMBER", "934 12") in find(text)


def test_dosage_after_call_word_untouched(find: Find) -> None:
    text = "Ring legevakten hvis feber over 39, ta Paracet 500 mg 1 x 4 i 3 dager."
    assert not [v for e, v in find(text) if e == "PHONE_NUMBER"]
