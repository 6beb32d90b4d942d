"""Case augmentation for the NER training set: lower case, capitals and transcripts.

Every copy must keep each entity's words and label (a misaligned tag teaches the model to
tag the wrong word), and the same seed must give the same copies.
"""

from __future__ import annotations

import random

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.ner import augment as ner_augment
from scripts.ner.augment import AugmentPlan, NamePools, Sentence

POOLS = NamePools(first=("Tiril", "Joakim"), last=("Fjellvang", "Oddsrud"), places=("Lyngvik",))
SENT = Sentence(
    ("Fastlege", "Kari", "Nordmann", ",", "Lyngvik", ",", "henviste", "i", "går", "."),
    ("O", "B-PER", "I-PER", "O", "B-LOC", "O", "O", "O", "O", "O"),
)
PUNCT = frozenset({",", ".", "!", "?", "-", "(", ")", ":", '"'})


def entities(sent: Sentence) -> list[tuple[str, str]]:
    """(lower-cased words, label) of every entity, in order."""
    return [
        (" ".join(sent.tokens[a:b]).lower(), label) for a, b, label in ner_augment.spans(sent.tags)
    ]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (ner_augment.lowercase, ("fastlege", "kari", "nordmann")),
        (ner_augment.uppercase, ("FASTLEGE", "KARI", "NORDMANN")),
    ],
)
def test_case_copies_keep_tags(change: object, words: tuple[str, ...]) -> None:
    assert callable(change)
    copy = change(SENT)
    assert copy.tags == SENT.tags
    assert copy.tokens[:3] == words
    assert entities(copy) == entities(SENT)


def test_transcript_drops_punctuation_and_lower_cases() -> None:
    copy = ner_augment.transcript(SENT, random.Random(3))
    assert entities(copy) == [("kari nordmann", "PER"), ("lyngvik", "LOC")]
    assert not PUNCT & set(copy.tokens[2:])  # a speaker label's colon may open the line
    assert all(t == t.lower() or t.startswith("SPEAKER") for t in copy.tokens)
    assert len(copy.tokens) == len(copy.tags)


def test_transcript_speaker_label_and_fillers_are_outside_entities() -> None:
    copies = [ner_augment.transcript(SENT, random.Random(seed)) for seed in range(200)]
    fillers = {word for filler in ner_augment.FILLERS for word in filler.split()}
    labelled = [c for c in copies if c.tokens[1] == ":"]
    filled = [c for c in copies if fillers & set(c.tokens)]
    assert labelled and filled
    for copy in filled:
        assert all(
            tag == "O" for tok, tag in zip(copy.tokens, copy.tags, strict=True) if tok in fillers
        )
    for copy in labelled:
        assert copy.tags[:2] == ("O", "O")
        assert copy.spaces is not None and copy.spaces[0] is False
        assert ner_augment.to_doc(spacy.blank("nb"), copy).text.startswith(f"{copy.tokens[0]}: ")


WORDS = st.sampled_from(["Ola", "Berit", "Ås", "og", "har", "vondt", ",", ".", "-", "(", "eh"])
TAGGED = st.lists(
    st.tuples(WORDS, st.sampled_from(["O", "PER", "LOC", "ORG"]), st.booleans()),
    min_size=1,
    max_size=25,
)


def iob2(labels: list[tuple[str, bool]]) -> tuple[str, ...]:
    """Valid IOB2 tags: a label continues the previous entity unless it starts a new one."""
    tags: list[str] = []
    for i, (label, starts) in enumerate(labels):
        same = i > 0 and labels[i - 1][0] == label
        tags.append("O" if label == "O" else f"{'I' if same and not starts else 'B'}-{label}")
    return tuple(tags)


@settings(deadline=None, max_examples=200)
@given(TAGGED, st.integers(0, 2**32 - 1))
def test_transcript_keeps_every_entity(triples: list[tuple[str, str, bool]], seed: int) -> None:
    sent = Sentence(tuple(w for w, _, _ in triples), iob2([(lb, b) for _, lb, b in triples]))
    copy = ner_augment.transcript(sent, random.Random(seed))
    assert entities(copy) == entities(sent)
    doc = ner_augment.to_doc(spacy.blank("nb"), copy)
    assert [(e.text, e.label_) for e in doc.ents] == entities(copy)


def test_doc_sentence_round_trips_a_rendered_template() -> None:
    nlp = spacy.blank("nb")
    doc = ner_augment.to_doc(nlp, SENT)
    again = ner_augment.to_doc(nlp, ner_augment.doc_sentence(doc))
    assert again.text == doc.text
    assert [(e.start, e.end, e.label_) for e in again.ents] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]


PLAN = AugmentPlan(case_lower=0.3, case_upper=0.2, transcript=0.3)


def copies(seed: int) -> list[Sentence]:
    sents = [SENT] * 40
    return ner_augment.case_copies(sents, random.Random(seed), POOLS, PLAN, frozenset({"Kari"}))


def test_case_copies_are_reproducible_for_a_seed() -> None:
    assert copies(7) == copies(7)
    assert copies(7) != copies(8)


def test_case_copies_come_in_the_planned_kinds() -> None:
    found = copies(0)
    lower = [c for c in found if c.tokens[0] == "fastlege" and c.tokens[-1] == "."]
    upper = [c for c in found if c.tokens[0] == "FASTLEGE"]
    spoken = [c for c in found if "." not in c.tokens]
    assert lower and upper and spoken
    assert len(lower) + len(upper) + len(spoken) == len(found)
    for copy in found:
        assert [label for _, label in entities(copy)] == ["PER", "LOC"]
