"""A prompt full of Norwegian identifiers and names, and checks that none reach upstream."""

from __future__ import annotations

import json

from tests.fakes.llm_upstream import FakeUpstream

PROMPT = (
    "Oppsummer notatet: Pasient Kari Nordmann (fnr 13097210181) ble innlagt med brystsmerter. "
    "Datteren Ingrid ringte fra 912 34 567. Adresse Storgata 12B, 0155 Oslo, e-post "
    "kari.nordmann@example.no. Hb 12,9, INR 2,4, Parkinsons sykdom. Fastlege dr. Ola Hansen, "
    "HPR-nr 1234560. Kontonummer 1234.56.78903."
)
VALUES = (
    "Kari Nordmann",
    "Nordmann",
    "13097210181",
    "Ingrid",
    "912 34 567",
    "Storgata 12B",
    "kari.nordmann@example.no",
    "Ola Hansen",
    "1234560",
    "1234.56.78903",
)
KEPT = ("Hb 12,9", "INR 2,4", "Parkinsons sykdom", "brystsmerter")


def assert_nothing_identifying_reached(upstream: FakeUpstream) -> None:
    """No recorded request — raw bytes or decoded JSON — holds any of ``VALUES``."""
    assert upstream.requests, "the upstream received nothing"
    for recorded in upstream.requests:
        raw = recorded.body.decode("utf-8")
        decoded = json.dumps(recorded.json, ensure_ascii=False)
        for value in VALUES:
            assert value not in raw and value not in decoded, (value, recorded.path)
        for header in recorded.headers.values():
            assert all(value not in header for value in VALUES)


def assert_clinical_content_kept(upstream: FakeUpstream) -> None:
    """What the LLM needs to do its job arrives untouched."""
    decoded = json.dumps(upstream.last.json, ensure_ascii=False)
    for kept in KEPT:
        assert kept in decoded, kept
