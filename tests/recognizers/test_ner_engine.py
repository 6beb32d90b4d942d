"""The bundled NER model as sladd runs it: labels, eponyms, prefilter, memory, size."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from proxy.settings import PolicySettings
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


def test_places_and_organisations_are_found_but_allowed_by_default() -> None:
    policy = PolicySettings()
    assert policy.action_for("PERSON") == "pseudonymise"
    assert policy.action_for("LOCATION") == policy.action_for("ORGANIZATION") == "allow"


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
