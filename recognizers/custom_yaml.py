"""Site-specific recognizers from YAML files in Presidio's recognizer schema.

Each file holds ``recognizers: [...]``; every entry is a Presidio ``PatternRecognizer``
definition (``name``, ``supported_entity``, ``patterns: [{name, regex, score}]``, optional
``context``, ``deny_list``, ``supported_language``). The language defaults to Norwegian.
Context words raise a match's score the way Presidio's enhancer does (+0.35, at least 0.4),
but are matched on the plain words around the match, like the built-in recognizers.

Any problem is a :class:`CustomRecognizerError` naming the file and the entry.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import yaml
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.errors import RecognizerSetupError
from recognizers.no import context
from recognizers.no.base import LANGUAGE, NO_ARTIFACTS

CONTEXT_BOOST = 0.35
MIN_SCORE_WITH_CONTEXT = 0.4
_NORWEGIAN = {"no", "nb", "nn"}


class CustomRecognizerError(RecognizerSetupError):
    """A custom recognizer file or entry that cannot be used; the message says where."""


class YamlPatternRecognizer(PatternRecognizer):
    """A Presidio pattern recognizer whose context words are matched on surrounding words."""

    def analyze(
        self,
        text: str,
        entities: list[str] | None = None,
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Presidio's pattern matching, then the context boost (see module docstring)."""
        if entities is not None and self.supported_entities[0] not in entities:
            return []
        results: list[RecognizerResult] = super().analyze(
            text, self.supported_entities, NO_ARTIFACTS, regex_flags
        )
        if not results:
            return results
        words = context.ContextWords.of(*(w.lower() for w in self.context or ()))
        with context.scanning(text):
            for result in results:
                metadata = result.recognition_metadata
                metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
                if self.context and context.context_near(text, (result.start, result.end), words):
                    boosted = max(result.score + CONTEXT_BOOST, MIN_SCORE_WITH_CONTEXT)
                    result.score = min(boosted, 1.0)
        return results


_KEYS = {
    "name",
    "supported_entity",
    "supported_entities",
    "supported_language",
    "patterns",
    "context",
    "deny_list",
    "deny_list_score",
    "version",
    "type",
    "enabled",
}


def _strings(value: object, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CustomRecognizerError(f"{where}: '{key}' must be a list of strings")
    return value


def _pattern(raw: object, where: str) -> Pattern:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("regex"), str):
        raise CustomRecognizerError(f"{where}: every pattern needs a 'regex' string")
    score = raw.get("score", 0.5)
    if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 1:
        raise CustomRecognizerError(f"{where}: pattern score must be a number from 0 to 1")
    try:
        re.compile(raw["regex"])
    except re.error as exc:
        raise CustomRecognizerError(f"{where}: invalid regex {raw['regex']!r}: {exc}") from exc
    return Pattern(name=str(raw.get("name", "pattern")), regex=raw["regex"], score=float(score))


def _entity(conf: Mapping[str, object], where: str) -> str:
    entity = conf.get("supported_entity")
    plural = conf.get("supported_entities")
    if entity is None and isinstance(plural, list) and len(plural) == 1:
        entity = plural[0]
    if not isinstance(entity, str) or not entity:
        raise CustomRecognizerError(f"{where}: needs 'supported_entity' (one entity type)")
    return entity


def build_recognizer(entry: object, where: str) -> YamlPatternRecognizer:
    """One recognizer from one YAML entry, validated; errors name ``where``."""
    if not isinstance(entry, Mapping):
        raise CustomRecognizerError(f"{where}: expected a mapping, got {type(entry).__name__}")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise CustomRecognizerError(f"{where}: unknown key '{unknown[0]}'")
    language = str(entry.get("supported_language", LANGUAGE))
    if language not in _NORWEGIAN:
        raise CustomRecognizerError(f"{where}: supported_language must be 'no', not {language!r}")
    patterns = [_pattern(p, where) for p in entry.get("patterns") or []]
    deny_list = _strings(entry.get("deny_list"), where, "deny_list")
    if not patterns and not deny_list:
        raise CustomRecognizerError(f"{where}: needs 'patterns' or a 'deny_list'")
    return YamlPatternRecognizer(
        supported_entity=_entity(entry, where),
        name=str(entry.get("name", "CustomRecognizer")),
        supported_language=LANGUAGE,
        patterns=patterns,
        deny_list=deny_list,
        context=_strings(entry.get("context"), where, "context"),
    )


def yaml_problem(exc: yaml.YAMLError) -> str:
    """Where a YAML file is broken (`` (line L, column C)``, or ``""``), without its text.

    The parser's own message quotes the offending line, and a deny list holds names.
    """
    mark = getattr(exc, "problem_mark", None)
    return f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""


def load_file(path: Path) -> list[YamlPatternRecognizer]:
    """Load every enabled recognizer in one YAML file; raise on the first bad entry."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CustomRecognizerError(f"{path}: cannot read recognizers: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        message = f"{path}: cannot read recognizers: not UTF-8 (byte {exc.start})"
        raise CustomRecognizerError(message) from None
    except yaml.YAMLError as exc:
        message = f"{path}: cannot read recognizers: not valid YAML{yaml_problem(exc)}"
        raise CustomRecognizerError(message) from None
    if not isinstance(document, Mapping) or not isinstance(document.get("recognizers"), list):
        raise CustomRecognizerError(f"{path}: expected a top-level 'recognizers:' list")
    loaded = []
    for index, entry in enumerate(document["recognizers"]):
        name = entry.get("name", "?") if isinstance(entry, Mapping) else "?"
        if isinstance(entry, Mapping) and entry.get("enabled") is False:
            continue
        loaded.append(build_recognizer(entry, f"{path}: recognizers[{index}] ({name})"))
    return loaded


def load_directory(directory: Path) -> list[YamlPatternRecognizer]:
    """Load all ``*.yaml`` / ``*.yml`` files in name order; a missing directory is empty."""
    if not directory.is_dir():
        return []
    files = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
    return [recognizer for path in files for recognizer in load_file(path)]
