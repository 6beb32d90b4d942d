"""Encoded identifiers: URL percent-encoding, HTML character references, JSON ``\\u`` escapes,
quoted-printable bodies, MIME encoded-words, and values wrapped across quoted-reply lines are
read decoded, and every finding maps back to exactly the encoded characters.

Every name and number below is made up.
"""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.normalise.encodings import decode_encodings
from recognizers.normalise.reply_wraps import join_reply_wraps
from recognizers.normalise.view import text_view

Find = Callable[[str], list[tuple[str, str]]]

_B_NAME = base64.b64encode("Åse Myhre".encode()).decode()

VIEWS = [
    # (text, view text, view part, the original it maps back to)
    (
        "GET /sok?mail=tone.lie%40example.no&id=7",
        "GET /sok?mail=tone.lie@example.no&id=7",
        "@",
        "%40",
    ),
    ("sms?til=%2B4741234567&t=1", "sms?til=+4741234567&t=1", "+47", "%2B47"),
    ("to=s%C3%B8lvi%40example.no", "to=sølvi@example.no", "ø", "%C3%B8"),
    ("<a href='mailto:&#111;&#108;&#x61;&#64;x.no'>", "<a href='mailto:ola@x.no'>", "ola", ""),
    ("per.moe&commat;example&period;no &amp; co", "per.moe@example.no & co", "@", "&commat;"),
    ('{"mail":"per.moe\\u0040example.no"}', '{"mail":"per.moe@example.no"}', "@", "\\u0040"),
    ('{"tekst":"Innlagt.\\nEva Moe\\t4"}', '{"tekst":"Innlagt.\nEva Moe\t4"}', "\nEva", "\\nEva"),
    ('{"n":"\\ud83d\\ude00 Ida"}', '{"n":"\U0001f600 Ida"}', "\U0001f600", "\\ud83d\\ude00"),
    (
        "From: =?utf-8?Q?=C3=98ystein_Kj=C3=A6r?= <ok@x.no>",
        "From: Øystein Kjær <ok@x.no>",
        "Øystein Kjær",
        "=C3=98ystein_Kj=C3=A6r",
    ),
    (f"Fra: =?UTF-8?B?{_B_NAME}?= <am@x.no>", "Fra: Åse Myhre <am@x.no>", "Åse Myhre", _B_NAME),
    ("Til: =?iso-8859-1?Q?Tr=F8nd?= =?iso-8859-1?Q?_Lie?=", "Til: Trønd Lie", "ø", "=F8"),
    (
        "Content-Transfer-Encoding: quoted-printable\n\nRing p=E5 +47=20934=2012=20345.",
        "Content-Transfer-Encoding: quoted-printable\n\nRing på +47 934 12 345.",
        "+47 934 12 345",
        "+47=20934=2012=20345",
    ),
    (
        "Hei!=0ASend svar til marte.hau=\ngen@example.no, takk=0AMvh",
        "Hei!\nSend svar til marte.haugen@example.no, takk\nMvh",
        "marte.haugen@example.no",
        "marte.hau=\ngen@example.no",
    ),
]


@pytest.mark.parametrize(("text", "expected", "part", "source"), VIEWS)
def test_decoded_view_maps_back(text: str, expected: str, part: str, source: str) -> None:
    view = text_view(text)
    assert view is not None
    assert view.text == expected
    start = view.text.index(part)
    begin, end = view.span_in_original(start, start + len(part))
    assert text[begin:end] == (source or text[begin:end])
    if not source:  # an entity-encoded run maps to its first through its last reference
        assert text[begin:end] == "&#111;&#108;&#x61;"


WRAPS = [
    ("> skrev Kari <kari.aas@\n> example.no>:", "kari.aas@example.no", "kari.aas@\n> example.no"),
    ("> ny adresse: h.moe-\n> lund@example.no (ny)", "h.moe-lund@example.no", ""),
    ("> skriv til jon.dahl\n> @example.no", "jon.dahl@example.no", "jon.dahl\n> @example.no"),
    ("> svar til ida@helse-\n>> vest.example.no", "ida@helse-vest.example.no", ""),
    ("> Ja, det er +47 915\n> 44 210 (mobil)", "+47 915 44 210", "+47 915\n> 44 210"),
    (">> heime 33 12\n>> 45 67.", "33 12 45 67", "33 12\n>> 45 67"),
    ("> fnr 120388\n> 44556 ok", "120388 44556", "120388\n> 44556"),
]


@pytest.mark.parametrize(("text", "joined", "source"), WRAPS)
def test_reply_wraps_joined(text: str, joined: str, source: str) -> None:
    view = text_view(text)
    assert view is not None
    start = view.text.index(joined)
    begin, end = view.span_in_original(start, start + len(joined))
    if source:
        assert text[begin:end] == source
    assert "\n" in text[begin:end]


UNCHANGED = [
    "SpO2 94%ED, printf('%2d'), 5 % av pasientene",
    "x=20 og y=20 i gruppe A",
    "[INFO] Fnr=12039944556 Navn=BERG^ODD^ARNE Kilde=FASTLEGE HPR=1234567",
    "Hb 12,9 g/dL; Metformin 500 mg x 2; ICD-10 E11.9",
    "> Ring meg i morgen.\n> Hilsen Per",
    "> Hb 120\n> 13 mmol/L",
    "> skriv til meg.\n> ola@example.no svarer",
    "Overskrift\n==========\nTekst her",
    "Lagret i C:\\nytt\\tekster\\notat.txt",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_ordinary_text_not_decoded(text: str) -> None:
    assert decode_encodings(text) is None
    assert join_reply_wraps(text) is None


def test_log_number_after_equals_kept() -> None:
    text = "x=E5r ok=\nid=20019944852 og =F8ye"
    view = text_view(text)
    assert view is not None
    assert "20019944852" in view.text


FOUND = [
    ("GET /p?epost=ragnhild.vik%40example.no&x=1", "EMAIL_ADDRESS", "ragnhild.vik%40example.no"),
    ("POST /sms tlf=%2B4792345678&mal=a", "PHONE_NUMBER", "%2B4792345678"),
    ("Kontakt: ola.berg&#64;example.no", "EMAIL_ADDRESS", "ola.berg&#64;example.no"),
    ("Kontakt: ola.berg&#x40;example&#x2E;no", "EMAIL_ADDRESS", "ola.berg&#x40;example&#x2E;no"),
    ("Fra: =?UTF-8?Q?Gunnhild_H=C3=B8ve?= <gh@x.no>", "PERSON", "Gunnhild_H=C3=B8ve"),
    ('{"email":"siv.dahl\\u0040example.no"}', "EMAIL_ADDRESS", "siv.dahl\\u0040example.no"),
    (
        "Content-Transfer-Encoding: quoted-printable\n\nSkriv til "
        "stig=2Efjell@example=2Eno eller ring +47=20923=2045=20678.",
        "EMAIL_ADDRESS",
        "stig=2Efjell@example=2Eno",
    ),
    (
        "Content-Transfer-Encoding: quoted-printable\n\nRing +47=20923=2045=20678 i dag.",
        "PHONE_NUMBER",
        "+47=20923=2045=20678",
    ),
    ("> Skrev Bodil <bodil.strand@\n> example.no>:", "EMAIL_ADDRESS", ""),
    ("> Nummeret er +47 934\n> 56 712 (mobil)", "PHONE_NUMBER", "+47 934\n> 56 712"),
]


@pytest.mark.parametrize(("text", "kind", "value"), FOUND)
def test_encoded_identifier_found(find: Find, text: str, kind: str, value: str) -> None:
    found = find(text)
    if value:
        assert (kind, value) in found, found
    else:
        assert (kind, "bodil.strand@\n> example.no") in found, found


def test_clinical_content_and_instruction_untouched(find: Find) -> None:
    text = (
        "Oppsummer meldingen kort.\n"
        "Content-Transfer-Encoding: quoted-printable\n\n"
        "Pasienten har =C3=B8kt CRP 45 mg/L, Hb 11,2 g/dL, Metformin 500 mg x 2, ICD-10 E11.9.=\n"
        " Kontakt: lars=2Ebye@example=2Eno"
    )
    found = find(text)
    assert ("EMAIL_ADDRESS", "lars=2Ebye@example=2Eno") in found, found
    for clinical in ("Oppsummer meldingen kort", "CRP 45 mg/L", "Hb 11,2", "Metformin 500 mg"):
        begin = text.index(clinical)
        assert all(
            text.find(value) + len(value) <= begin or text.find(value) >= begin + len(clinical)
            for _, value in found
        ), found


def _base64_part(body: str) -> str:
    encoded = base64.encodebytes(body.encode()).decode()
    return (
        "Forklar denne e-posten.\nContent-Type: text/plain; charset=utf-8\n"
        f"Content-Transfer-Encoding: base64\n\n{encoded}\n--grense--\n"
    )


def test_base64_body_read(find: Find) -> None:
    text = _base64_part("Hei, ring Vidar Holm på 917 23 456 eller vidar.holm@example.no. Hb 12,1.")
    found = find(text)
    kinds = {kind for kind, _ in found}
    assert {"PHONE_NUMBER", "EMAIL_ADDRESS"} <= kinds, found
    view = text_view(text)
    assert view is not None
    start = view.text.index("917 23 456")
    begin, end = view.span_in_original(start, start + len("917 23 456"))
    assert (
        text[begin:end]
        in base64.encodebytes(
            b"Hei, ring Vidar Holm p\xc3\xa5 917 23 456 eller vidar.holm@example.no. Hb 12,1."
        ).decode()
    )
    assert all("Forklar" not in value for _, value in found), found


def test_base64_attachment_not_text_kept() -> None:
    binary = base64.encodebytes(bytes(range(256))).decode()
    text = f"Content-Transfer-Encoding: base64\n\n{binary}"
    assert decode_encodings(text) is None


def test_url_clinical_query_untouched(find: Find) -> None:
    text = "Forklar denne lenken: /lab?test=HbA1c%2048%20mmol&dose=500%20mg&mail=eva.lund%40x.no"
    found = find(text)
    assert ("EMAIL_ADDRESS", "eva.lund%40x.no") in found, found
    assert all("HbA1c" not in value and "500" not in value for _, value in found), found


# Property: every decoded character maps to exactly the encoded characters behind it.

_PLAIN = st.text(alphabet="abcxyz.-_ 0123456789", min_size=0, max_size=6)
_DECODED = st.sampled_from("abcxyzABC.@+-_ :/æøåÆØÅé")


def _entity(char: str) -> st.SearchStrategy[str]:
    return st.sampled_from([f"&#{ord(char)};", f"&#x{ord(char):x};", f"&#X{ord(char):X};"])


def _json(char: str) -> st.SearchStrategy[str]:
    return st.sampled_from([f"\\u{ord(char):04x}", f"\\u{ord(char):04X}"])


def _percent(char: str) -> st.SearchStrategy[str]:
    encoded = "".join(f"%{byte:02X}" for byte in char.encode())
    if len(char.encode()) == 1 and char not in "@+ :/":
        return st.just(char)  # a lone %XX letter stays encoded by design
    return st.just(encoded)


_ENCODERS = (_entity, _json, _percent)


@st.composite
def _encoded_texts(draw: st.DrawFn) -> tuple[str, str, list[tuple[int, int]]]:
    """An encoded text, its decoded text and, per decoded character, its encoded span."""
    original, decoded, spans = "", "", []
    for _ in range(draw(st.integers(1, 8))):
        for char in draw(_PLAIN):
            spans.append((len(original), len(original) + 1))
            original += char
            decoded += char
        char = draw(_DECODED)
        encoded = draw(draw(st.sampled_from(_ENCODERS))(char))
        spans.append((len(original), len(original) + len(encoded)))
        original += encoded
        decoded += char
    return original, decoded, spans


@settings(deadline=None, max_examples=300)
@given(_encoded_texts(), st.data())
def test_findings_map_to_exactly_the_encoded_characters(
    case: tuple[str, str, list[tuple[int, int]]], data: st.DataObject
) -> None:
    original, decoded, spans = case
    view = decode_encodings(original)
    if view is None:
        assert original == decoded
        return
    assert view.text == decoded
    start = data.draw(st.integers(0, len(decoded) - 1))
    end = data.draw(st.integers(start + 1, len(decoded)))
    assert view.span_in_original(start, end) == (spans[start][0], spans[end - 1][1])


@settings(deadline=None, max_examples=200)
@given(st.lists(st.tuples(_PLAIN, _DECODED), min_size=1, max_size=8), st.data())
def test_quoted_printable_maps_to_exactly_the_encoded_bytes(
    parts: list[tuple[str, str]], data: st.DataObject
) -> None:
    header = "Content-Transfer-Encoding: quoted-printable\n\n"
    original, decoded, spans = header, header, [(i, i + 1) for i in range(len(header))]
    for plain, char in parts:
        for letter in plain:
            spans.append((len(original), len(original) + 1))
            original += letter
            decoded += letter
        encoded = "".join(f"={byte:02X}" for byte in char.encode())
        spans.append((len(original), len(original) + len(encoded)))
        original += encoded
        decoded += char
    view = decode_encodings(original)
    assert view is not None
    assert view.text == decoded
    start = data.draw(st.integers(len(header), len(decoded) - 1))
    end = data.draw(st.integers(start + 1, len(decoded)))
    assert view.span_in_original(start, end) == (spans[start][0], spans[end - 1][1])


_NOISY = st.text(alphabet="%=&#;xX\\u?QqBb_0123456789ACDEFaf@.-+ >\n\r\t\u00e5", max_size=80)


@settings(deadline=None, max_examples=400)
@given(_NOISY)
def test_any_text_gives_a_consistent_view(text: str) -> None:
    """Whatever the mix of encoding characters, the view builds and its offset map is
    well-formed: one non-empty, non-decreasing original span per view character."""
    view = text_view(text)
    if view is None:
        return
    assert view.original == text
    assert len(view.starts) == len(view.ends) == len(view.text)
    assert all(start < end for start, end in zip(view.starts, view.ends, strict=True))
    assert list(view.starts) == sorted(view.starts)
    assert list(view.ends) == sorted(view.ends)
    assert not view.starts or (view.starts[0] >= 0 and view.ends[-1] <= len(text))


MALFORMED = [
    # (text, stays as written)
    ("=?UTF-8?B?åse?= hei", True),
    ("&#55357; &#99999999; &#x110000; \\ud83d alene", True),
    ("Content-Transfer-Encoding: base64\n\nåøæå\n", True),
    ("=?x-ukjent?Q?Kari=C3?= =?utf-8?B?!!!?=", False),
    ("%F0%9F%98 avkuttet", False),
]


@pytest.mark.parametrize(("text", "stays"), MALFORMED)
def test_malformed_encodings_do_not_break_the_view(text: str, *, stays: bool) -> None:
    view = text_view(text)
    if stays:
        assert view is None
    else:
        assert view is not None
        assert view.span_in_original(0, len(view.text))[1] == len(text)
