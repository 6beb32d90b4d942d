"""Forms a fifth blind corpus of transcripts and a fourth of clinical text showed sladd missing
(issues 17 and 18), through the shipped detector and policy: birth dates said in answer to a
question for the fødselsnummer, taken back and said again, or with the year first or the month
by name or ordinal; names left open at the end of a turn (``og du er``) or after a role and
``er det``; municipal care services named by their municipality. And what must stay:
classifications with a grade (``CIN tre``, ``NYHA 2``).

Every name, number and place below is made up or a public place name.
"""

from __future__ import annotations

import pytest

from proxy.detection.detector import Detector
from proxy.settings import Settings
from tests.proxy.scrub.rewritten_cases import assert_found, assert_kept, rewritten

FIND: list[tuple[str, tuple[str, ...]]] = [
    # Birth dates, spoken.
    (
        "lege: og hva er fødselsnummeret til gutten\nmor: fjortende i ellevte tjueto",
        ("fjortende i ellevte tjueto",),
    ),
    ("pasient: jeg er født 20.06 eh nei 21.06.2015", ("21.06.2015",)),
    ("pasient: jeg er født en januar femtitre", ("en januar femtitre",)),
    ("pårørende: han er født ti åttende sekstisju", ("ti åttende sekstisju",)),
    (
        "pasient: jeg er født nitten nittini trettende februar",
        ("nitten nittini trettende februar",),
    ),
    # Names left for the other speaker, or after a role.
    ("lege: hei velkommen og du er\npasient: ingrid solheim", ("ingrid solheim",)),
    ("sykepleier: legen i natt er det kaspersen så han kommer snart", ("kaspersen",)),
    # Municipal care services.
    ("Henvist til fysioterapitjenesten i Gran for opptrening.", ("fysioterapitjenesten i Gran",)),
    ("Oppfølging av hjemmetjenesten Askøy nord to ganger daglig.", ("hjemmetjenesten Askøy nord",)),
    ("Kopi: Psykisk helse og rus, Luster kommune", ("Psykisk helse og rus, Luster kommune",)),
    (
        "Samtale med Bydel Alna, psykisk helsetjeneste i dag.",
        ("Bydel Alna, psykisk helsetjeneste",),
    ),
]

KEEP: list[tuple[str, tuple[str, ...]]] = [
    ("lege: celleprøven var CIN tre så vi tar en konisering", ("CIN tre",)),
    ("Hjertesvikt NYHA 2, stabil på behandlingen.", ("NYHA 2",)),
]


@pytest.mark.parametrize(("text", "values"), FIND, ids=[repr(t[:40]) for t, _ in FIND])
def test_found(
    detector: Detector, base_settings: Settings, text: str, values: tuple[str, ...]
) -> None:
    assert_found(rewritten(detector, base_settings, text), text, values)


@pytest.mark.parametrize(("text", "keeps"), KEEP, ids=[repr(t[:40]) for t, _ in KEEP])
def test_kept(
    detector: Detector, base_settings: Settings, text: str, keeps: tuple[str, ...]
) -> None:
    assert_kept(rewritten(detector, base_settings, text), text, keeps)
