"""Findings and NER pieces cross to and from the detection workers pickled, whole."""

from __future__ import annotations

import pickle

from proxy.detection.findings import Finding
from recognizers.ner.engine import Piece


def test_a_finding_comes_back_equal_with_its_metadata() -> None:
    finding = Finding("NO_FODSELSNUMMER", 3, 14, 0.5, "FodselsnummerRecognizer", {"checksum": "x"})
    back = pickle.loads(pickle.dumps([finding, finding], protocol=pickle.HIGHEST_PROTOCOL))
    assert back == [finding, finding]
    assert [type(f) for f in back] == [Finding, Finding]
    assert back[0].metadata == {"checksum": "x"}  # not part of equality, so checked itself
    assert pickle.loads(pickle.dumps(Finding("PERSON", 0, 4, 0.85, "NER"))).metadata == {}


def test_a_piece_comes_back_equal() -> None:
    piece = Piece(2, "Kari Nordmann ble innlagt.", 0, 13)
    assert pickle.loads(pickle.dumps(piece)) == piece
