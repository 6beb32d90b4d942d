"""Names in layouts and turns a fresh corpus (``*_dev3``) showed the detector missing, and the
words it took for names (or places) there and in the clinical PHI corpus, through the shipped
detector and policy. Every example is invented; none is a line of a corpus.

``FIND`` rows: every occurrence of each value is covered, every letter and digit, by findings
that policy rewrites. ``KEEP`` rows: no rewritten finding touches the listed strings.
"""

from __future__ import annotations

import pytest

from proxy.detection.detector import Detector
from proxy.settings import Settings
from tests.proxy.scrub.rewritten_cases import assert_found, assert_kept, rewritten

FIND: list[tuple[str, tuple[str, ...]]] = [
    # a signature: an initial after the name, a dash before it
    ("Trenger ny resept på Ventoline. mvh Sunniva K. 🌸", ("Sunniva K.",)),
    ("Kan jeg få time i neste uke? - Torgunn", ("Torgunn",)),
    ("Har vondt i ryggen igjen. – Amira B.", ("Amira B.",)),
    # a degree between the title and the name
    ("Med vennlig hilsen\nDr. med. Håkon Vestbø\nOverlege", ("Håkon Vestbø",)),
    # an e-mail header field followed by a parenthesis
    ("Til: Ingebjørg Sæle (journalnr. 88123)\nKopi: fastlege", ("Ingebjørg Sæle",)),
    # ``Surname, Given`` after a field label inside a cell
    ("Prøve 24-0091 | Navn: Farah, Idil | Analyse: INR", ("Farah, Idil",)),
    # name columns by a header word anywhere in the header cell
    (
        "Seng\tPasient\tAnsv. spl\n1\tLunde, Gerd\tSolveig-Marie\n2\tBye, Arne\tTorbjørg",
        ("Solveig-Marie", "Torbjørg"),
    ),
    ("Dag;Forvakt;Bakvakt\nMan;Eirin Vestly;Tobiah Okafor", ("Eirin Vestly", "Tobiah Okafor")),
    # a fixed-width listing without any delimiter
    (
        "JNR       NAVN                FØDT\n77120012  HOLMBAKK GUNVOR      19500412\n"
        "77120015  NASSERI PARISA       19880917",
        ("HOLMBAKK GUNVOR", "NASSERI PARISA"),
    ),
    # a name in Cyrillic after ``my name is``
    ("Мене звати Оксана Мельник. Jeg trenger time.", ("Оксана Мельник",)),
    # speaker labels in nynorsk and of a call centre, and an answer opened with ``ja``
    (
        "sjukepleiar: legevakta\ninnringar: eg heiter brynhild aase\nsjukepleiar: kva er galt",
        ("brynhild aase",),
    ),
    ("L: og kva er namnet ditt\nP: ja Rahel Tesfay\nL: takk", ("Rahel Tesfay",)),
    # relatives in the definite form, a possessive between relative and name
    ("far: mammaen hennes svanhild lurte på vitaminer", ("svanhild",)),
    ("lege: er det fortsatt mor di ragnfrid som hjelper deg", ("ragnfrid",)),
    ("lege: ok hils gudmund fra meg", ("gudmund",)),
    # an unknown word after a verb in lower-case speech; known names in a transcript whose
    # only capitals are its speaker labels
    ("pasient: jeg ringte mirela og vi gikk en tur det hjalp", ("mirela",)),
    # a name said once as a clause's subject, and the answer to ``hva heter han``
    ("spl: hun har fått ny dosett og tsehay var innom og målte blodtrykket", ("tsehay",)),
    ("kontor: hva heter han\nkunde: nguyen thanh long\nkontor: takk", ("nguyen thanh long",)),
    (
        "[00:00:01] SPEAKER_00: ja da har vi fått svar fra kommunen om saken\n"
        "[00:00:05] SPEAKER_01: ja det tror jeg og så ba karoline om epikrise fra oss i dag\n"
        "[00:00:09] SPEAKER_00: greit da sender vi den i morgen tidlig",
        ("karoline",),
    ),
]

KEEP: list[tuple[str, tuple[str, ...]]] = [
    # a question for a name is no name
    ("Hei. Hva heter mammaen din og når er hun født?", ("mammaen",)),
    ("kva heiter legen du snakka med", ("legen",)),
    # a verb after a role or greeting: followed by an object pronoun or ``å``
    ("Kan lege ringje meg på tlf i dag?", ("ringje",)),
    ("hei igjen, gløymde å seie at timen passar", ("gløymde",)),
    ("det er jo meg som ringte i går", ("jo",)),
    # a speaker label is structure, even when it is also a first name
    ("overlege: og nihss\nlis: nihss fire ved innkomst\noverlege: ok", ("lis",)),
    # greetings and interjections in many languages, and apps
    ("Heii 😊 har dere åpent i dag?", ("Heii",)),
    ("Salam, har dere ledig time?", ("Salam",)),
    ("Xin chào. Tôi có câu hỏi om timen min.", ("Tôi",)),
    ("nei haha det var feil nummer", ("haha",)),
    # a header cell after a role word is no name
    ("Seng\tPasient\tAnsv. spl\n1\tLunde, Gerd\tSolveig-Marie", ("Ansv",)),
    # an identifier label is no name
    ("Seng\tPasient\tPasnr\tRom\n1\tNils\t5502281\t3", ("Pasnr",)),
    ("Til: Kari Moe (Jnr. 2022-118430)", ("Jnr",)),
    ("Mvh adv. Sigbjørn Lie", ("adv",)),
    # eponyms, tests and agencies the model takes for places or names
    ("Gastroskopi: Barretts øsofagus C2M4, biopsier tatt.", ("Barretts øsofagus",)),
    ("Reisen dekkes av Pasientreiser, og du kan bo på hotellet.", ("Pasientreiser",)),
    ("Vridningsskade høyre kne, Lachman positiv.", ("Lachman",)),
    # a fixed-width listing: the model's name stops at the column gap; drugs in the next column
    (
        "Tid    Pasient          Operatør          Sedasjon\n"
        "08:15  Gunn Aasheim     Dr. K. Noor       Propofol (anestesi)\n"
        "09:00  Odd Brekke       Dr. K. Noor       Midazolam 2 mg",
        ("Propofol", "Midazolam 2 mg"),
    ),
    # a tab ends a name before a cell in capitals; a CSV column of what a patient is referred for
    ("Seng\tPasient\tDiagnose\n2\tMaryam Sultani\tDKA\tInsulin", ("DKA",)),
    ("navn,født,henvist_for\nKaren Lie,26.06.1950,Katarakt høyre øye", ("Katarakt høyre øye",)),
    ("Blodtype: A RhD neg. Spinal anestesi planlagt.", ("A RhD neg",)),
    # clinical terms and eponym signs as a clause's subject
    ("lege: det er no ti dagar og impetigoen er nesten borte", ("impetigoen",)),
    ("lege: og lasegue er negativ no og krafta er normal", ("lasegue",)),
    # numbered speakers; drugs and devices after ``med``; compounds listed with ``og``
    ("p1: og så var det hun som ringte\np2: ja hun var her i går", ("p1", "p2")),
    ("vi smører med locobase og prøver ventoline med spacer", ("locobase", "spacer")),
    ("han trenger dusjstol og trappeheis etter operasjonen", ("dusjstol", "trappeheis")),
    # a header naming something else than people, with a name word in it
    (
        "Navn på legemiddel\tDose\tTid\nMarevan\t2,5 mg\tkveld\nSomac\t40 mg\tmorgen",
        ("Marevan", "Somac"),
    ),
    # a header row with a name and a date column asks no question
    ("Avdeling;Navn;Fødselsdato\nPost 3;Berg, Ane;6.6.1931", ("Post 3",)),
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
