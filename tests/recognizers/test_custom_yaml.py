"""Custom recognizers from YAML: the shipped example, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from proxy.detection.detector import Detector
from recognizers.custom_yaml import CustomRecognizerError, load_directory, load_file
from recognizers.registry import build_analyzer, build_recognizers

SHIPPED = Path(__file__).resolve().parents[2] / "config" / "recognizers"


def _spans(detector: Detector, text: str) -> dict[str, tuple[str, float]]:
    return {text[f.start : f.end]: (f.entity_type, f.score) for f in detector.detect(text)}


def test_shipped_example_loads_and_detects() -> None:
    detector = Detector(build_recognizers(SHIPPED))
    text = "Se epikrise SNV-2023-004512 og eldre SNV/1234567. Prøve SNV-1899-000001."
    spans = _spans(detector, text)
    assert spans["SNV-2023-004512"][0] == "LOCAL_JOURNALNUMMER"
    assert spans["SNV/1234567"][0] == "LOCAL_JOURNALNUMMER"
    assert "SNV-1899-000001" not in spans


def test_context_word_raises_the_score() -> None:
    detector = Detector(build_recognizers(SHIPPED))
    with_context = _spans(detector, "journalnummer SNV/1234567")["SNV/1234567"][1]
    without = _spans(detector, "kode SNV/1234567 i lista")["SNV/1234567"][1]
    assert without == pytest.approx(0.6)
    assert with_context == pytest.approx(0.95)


def test_custom_recognizer_works_through_presidio_analyzer() -> None:
    analyzer = build_analyzer(build_recognizers(SHIPPED))
    results = analyzer.analyze("Journal SNV-2024-000042, fnr 13097210181", language="no")
    assert {r.entity_type for r in results} == {"LOCAL_JOURNALNUMMER", "NO_FODSELSNUMMER"}


def test_missing_directory_means_no_custom_recognizers(tmp_path: Path) -> None:
    assert load_directory(tmp_path / "absent") == []


def test_disabled_entries_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "recognizers:\n"
        "  - {name: A, supported_entity: X_ID, patterns: [{name: p, regex: 'X\\d+', score: 0.7}]}\n"
        "  - {name: B, enabled: false, supported_entity: Y_ID, deny_list: [foo]}\n",
        encoding="utf-8",
    )
    assert [r.supported_entities for r in load_file(path)] == [["X_ID"]]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("recognizers: [", "cannot read recognizers"),
        ("- just a list", "top-level 'recognizers:' list"),
        ("recognizers:\n  - name: A\n    patterns: [{regex: 'x'}]", "needs 'supported_entity'"),
        (
            "recognizers:\n  - {name: A, supported_entity: X, patterns: [{regex: '(unclosed'}]}",
            "invalid regex",
        ),
        (
            "recognizers:\n  - {name: A, supported_entity: X, patterns: [{regex: x, score: 2}]}",
            "score must be a number from 0 to 1",
        ),
        ("recognizers:\n  - {name: A, supported_entity: X}", "needs 'patterns' or a 'deny_list'"),
        ("recognizers:\n  - {name: A, supported_entity: X, colour: red}", "unknown key 'colour'"),
        (
            "recognizers:\n  - {name: A, supported_entity: X, deny_list: [a], "
            "supported_language: en}",
            "supported_language must be 'no'",
        ),
    ],
)
def test_bad_files_name_file_and_entry(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CustomRecognizerError) as error:
        load_file(path)
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_a_broken_file_is_located_but_its_text_is_not_repeated(tmp_path: Path) -> None:
    """A deny list holds names; the parser's own message would quote the broken line."""
    path = tmp_path / "a.yaml"
    path.write_text(
        'recognizers:\n  - {name: A, supported_entity: X, deny_list: [Kari Nordmann, "Ola}\n',
        encoding="utf-8",
    )
    with pytest.raises(CustomRecognizerError) as raised:
        load_file(path)
    message = str(raised.value)
    assert f"{path}: cannot read recognizers: not valid YAML (line " in message
    assert "Kari" not in message
    assert "Ola" not in message
    assert raised.value.__cause__ is None
