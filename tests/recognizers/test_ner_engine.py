"""The bundled NER model as sladd runs it: labels, eponyms, trimming, prefilter, memory, size."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from proxy.scrub.policy_settings import PolicySettings
from recognizers.ner.engine import BUNDLED_MODEL, NorwegianNer, presidio_nlp_engine
from recognizers.ner.prefilter import name_windows, sentences


@pytest.fixture(scope="module")
def ner() -> NorwegianNer:
    return NorwegianNer()


def _found(ner: NorwegianNer, text: str) -> dict[str, str]:
    (results,) = ner.analyze_batch([text])
    return {text[r.start : r.end]: r.entity_type for r in results}


def test_labels_map_to_presidio_entities(ner: NorwegianNer) -> None:
    found = _found(ner, "Kari Nordmann ble overført fra Haukeland universitetssjukehus til Oslo.")
    assert found.get("Kari Nordmann") == "PERSON"
    assert "LOCATION" in found.values() or "ORGANIZATION" in found.values()


@pytest.mark.parametrize(
    "text",
    [
        "Pasienten har Parkinsons sykdom og Bechterews sykdom.",
        "Kjent Downs syndrom, mistenkt Crohns sykdom.",
        "Hodgkins lymfom i remisjon, tar Marevan 2,5 mg og Seroquel 25 mg.",
    ],
)
def test_eponyms_and_drugs_are_not_people(ner: NorwegianNer, text: str) -> None:
    assert "PERSON" not in _found(ner, text).values()


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # the model tags "145. Behandlende" and "F32.1. Pasienten Kåre Lien"
        ("CRP 145. Behandlende lege Ola Hansen", ["Ola Hansen"]),
        ("ICD-10 F32.1. Pasienten Kåre Lien", ["Kåre Lien"]),
        # ... "Oppsummer", "Summarize", "Fornavn" and "Etternavn"
        ("Oppsummer journalnotatet for Kari Nordmann.", ["Kari Nordmann"]),
        ("Summarize: Ole Hansen was admitted yesterday.", ["Ole Hansen"]),
        ("Fornavn: Kari\nEtternavn: Hansen\nFødselsdato: 01.01.1970", ["Kari", "Hansen"]),
        # ... codes with the diagnosis after them, "tom" in a date range, English months
        ("Diagnoseliste: I10 Essensiell hypertensjon; E78.0 Hyperkolesterolemi.", []),
        ("Kode ICPC-2 L84. Fom 06.05.2024 tom 02.06.2024.", []),
        ("Svar patologi, prøvenr H24-08813: Hudbiopsi rygg.", []),
        # ... unseen drug brands
        ("Legemiddelliste: Pulmicort, Zentravan og Paracet.", []),
        ("Står på Catapresan og Morvidal.", []),
        ("Ho har hatt Crohns sjukdom i mange år og brukar Bricanyl.", []),
        # a person cue keeps a drug-like word a name; "Finn" before a surname is a name
        ("Fastlege Morvidal henviser pasienten.", ["Morvidal"]),
        ("Finn Hovland ringte i dag.", ["Finn Hovland"]),
    ],
)
def test_person_spans_are_trimmed_to_names(ner: NorwegianNer, text: str, people: list[str]) -> None:
    (results,) = ner.analyze_batch([text])
    assert [text[r.start : r.end] for r in results if r.entity_type == "PERSON"] == people


def test_places_are_pseudonymised_and_organisations_allowed_by_default() -> None:
    policy = PolicySettings()
    assert policy.action_for("PERSON") == policy.action_for("LOCATION") == "pseudonymise"
    assert policy.action_for("HEALTH_CARE_UNIT") == "pseudonymise"
    assert policy.action_for("ORGANIZATION") == "allow"


def test_the_vocabulary_does_not_grow_with_the_texts_it_reads(ner: NorwegianNer) -> None:
    before = len(ner.nlp.vocab.strings)
    ner.analyze_batch([f"Pasient Zyxwvu{n} Qwertzuiop{n} ringte." for n in range(20)])
    assert len(ner.nlp.vocab.strings) == before


def test_threads_sharing_the_model_get_the_same_answers_as_one_thread(ner: NorwegianNer) -> None:
    """The in-process detector runs on the event loop's thread pool. Fails (OverflowError,
    SystemError or wrong spans) if concurrent memory zones are not serialised."""
    texts = [
        f"Pasient Kari Nordmann{n} ble undersøkt av lege Ola Hansen i Bergen." for n in range(40)
    ]
    expected = [_found(ner, text) for text in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: ner.analyze_batch(texts), range(64)))
    for results in answers:
        assert [
            {t[r.start : r.end]: r.entity_type for r in rs}
            for t, rs in zip(texts, results, strict=True)
        ] == expected


def test_sentences_without_name_like_words_are_not_read() -> None:
    text = "Hb 12,9 og CRP 45.\nPasienten er i god form.\nKari Nordmann ringte i går."
    spans = [w for s in sentences(text) for w in name_windows(text, *s, False)]
    assert [text[a:b] for a, b in spans] == ["Kari Nordmann ringte i går"]


def test_model_is_small_and_loads_in_stock_presidio() -> None:
    size = sum(p.stat().st_size for p in BUNDLED_MODEL.rglob("*") if p.is_file())
    assert size < 30 * 1024 * 1024
    engine = presidio_nlp_engine()
    entities = engine.process_text("Kari Nordmann bor i Oslo.", "no").entities
    assert [e.text for e in entities][:1] == ["Kari Nordmann"]
