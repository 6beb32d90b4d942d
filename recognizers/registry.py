"""The explicit list of recognizers, and Presidio registries / analyzers built from it.

Order matters only for readability: overlaps are resolved by score downstream. Nothing is
discovered by name or import side effect — a new recognizer is added to ``BUILT_IN`` here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngine, NoOpNlpEngine

from recognizers.custom_yaml import load_directory
from recognizers.feedback_hashes import FeedbackHashes
from recognizers.no.address import AddressRecognizer, PostnummerRecognizer
from recognizers.no.ages import AgeRecognizer
from recognizers.no.base import LANGUAGE, NorwegianRecognizer
from recognizers.no.care_units import HealthCareUnitRecognizer
from recognizers.no.date_of_birth import DateOfBirthRecognizer
from recognizers.no.dates import DateRecognizer
from recognizers.no.duf import DufRecognizer
from recognizers.no.email import EmailRecognizer
from recognizers.no.fodselsnummer import FodselsnummerRecognizer
from recognizers.no.hpr import HprRecognizer
from recognizers.no.iban import NorwegianIbanRecognizer
from recognizers.no.journalnummer import JournalnummerRecognizer
from recognizers.no.kid import KidRecognizer
from recognizers.no.kontonummer import KontonummerRecognizer
from recognizers.no.license_plate import LicensePlateRecognizer
from recognizers.no.locations import LocationRecognizer
from recognizers.no.orgnr import OrgnrRecognizer
from recognizers.no.passport import PassportRecognizer
from recognizers.no.person import PersonContextRecognizer
from recognizers.no.phone import PhoneRecognizer

BUILT_IN: tuple[type[NorwegianRecognizer], ...] = (
    FodselsnummerRecognizer,
    DufRecognizer,
    OrgnrRecognizer,
    KontonummerRecognizer,
    KidRecognizer,
    NorwegianIbanRecognizer,
    PhoneRecognizer,
    EmailRecognizer,
    AddressRecognizer,
    PostnummerRecognizer,
    DateOfBirthRecognizer,
    HprRecognizer,
    LicensePlateRecognizer,
    PassportRecognizer,
    JournalnummerRecognizer,
    PersonContextRecognizer,
    DateRecognizer,
    AgeRecognizer,
    LocationRecognizer,
    HealthCareUnitRecognizer,
)


CLINICAL_PHI = frozenset({"DATE", "AGE", "LOCATION", "HEALTH_CARE_UNIT"})
"""The clinical classes of issue 18 (dates other than birth dates, ages, places, care units),
measured by ``scripts/eval/phi.py``. The identifier and name corpora annotate none of them and
list dates and hospitals among what must stay, so their scripts leave these findings out."""


def build_recognizers(
    custom_dir: Path | None = None, feedback: FeedbackHashes | None = None
) -> list[EntityRecognizer]:
    """Instances of every built-in recognizer, then the custom YAML ones from ``custom_dir``,
    then the recognizer of reviewers' missed values in ``feedback`` (if it holds any)."""
    built_in: list[EntityRecognizer] = [cls() for cls in BUILT_IN]
    custom: list[EntityRecognizer] = list(load_directory(custom_dir)) if custom_dir else []
    missed = feedback.recognizer() if feedback is not None else None
    return built_in + custom + ([missed] if missed is not None else [])


def entity_types(recognizers: Sequence[EntityRecognizer]) -> frozenset[str]:
    """Every entity type one of ``recognizers`` can report."""
    return frozenset(e for r in recognizers for e in r.supported_entities)


def build_registry(recognizers: Sequence[EntityRecognizer]) -> RecognizerRegistry:
    """A Presidio registry holding exactly ``recognizers`` (none of Presidio's defaults)."""
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in recognizers:
        registry.add_recognizer(recognizer)
    return registry


def build_analyzer(
    recognizers: Sequence[EntityRecognizer], nlp_engine: NlpEngine | None = None
) -> AnalyzerEngine:
    """A Presidio ``AnalyzerEngine`` over ``recognizers`` for callers who want Presidio's API.

    Without an NLP engine a no-op one is used: the rule-based recognizers do not need it.
    """
    engine = nlp_engine or NoOpNlpEngine(models=[{"lang_code": LANGUAGE, "model_name": "none"}])
    if not engine.is_loaded():
        engine.load()
    return AnalyzerEngine(
        registry=build_registry(recognizers), nlp_engine=engine, supported_languages=[LANGUAGE]
    )
