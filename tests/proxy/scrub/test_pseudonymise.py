"""Pseudonymising text: stable tokens per scope, normalised matching, redaction, literals."""

from __future__ import annotations

import pytest

from proxy.detection.detector import Detector
from proxy.detection.findings import Finding
from proxy.scrub.pipeline import Scrubber
from proxy.scrub.policy import Decision, Policy
from proxy.scrub.policy_settings import PolicySettings
from proxy.scrub.pseudonymise import ScopeNumbers, apply_decisions, normalise_value
from proxy.scrub.tokens import TokenFormat, label_for
from proxy.vault.memory import MemoryVault

FORMAT = TokenFormat("[{type}_{n}]")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("130972 10181", "13097210181"),
        ("Kari  Nordmann", "kari nordmann"),
        ("+47 912 34 567", "+4791234567"),
        ("EL 12345", "el12345"),
    ],
)
def test_normalised_values_match(a: str, b: str) -> None:
    assert normalise_value(a) == normalise_value(b)


def test_different_values_do_not_match() -> None:
    assert normalise_value("Kari Nordmann") != normalise_value("Kari Nordman")


async def test_same_value_same_token_new_value_next_number() -> None:
    vault = MemoryVault()
    text = "Kari og Ola og KARI"
    decisions = [
        Decision(Finding("PERSON", s, e, 0.9, "t"), "pseudonymise")
        for s, e in ((0, 4), (8, 11), (15, 19))
    ]
    result = await apply_decisions(text, decisions, ScopeNumbers(vault, "scope-a"), FORMAT)
    assert result.text == "[PERSON_1] og [PERSON_2] og [PERSON_1]"
    assert await vault.lookup("scope-a", "PERSON", 1) == "Kari"
    assert await vault.lookup("scope-b", "PERSON", 1) is None


async def test_redact_is_irreversible_and_allow_untouched() -> None:
    vault = MemoryVault()
    text = "Kari i Oslo"
    decisions = [
        Decision(Finding("PERSON", 0, 4, 0.9, "t"), "redact"),
        Decision(Finding("LOCATION", 7, 11, 0.9, "t"), "allow"),
    ]
    result = await apply_decisions(text, decisions, ScopeNumbers(vault, "s"), FORMAT)
    assert result.text == "[REDACTED_PERSON] i Oslo"
    assert [r.replacement for r in result.replacements] == ["[REDACTED_PERSON]", None]
    assert FORMAT.find(result.text) == []


def test_token_format_round_trip_and_case_insensitive_find() -> None:
    fmt = TokenFormat("<<{type}#{n}>>")
    token = fmt.render("FNR", 12)
    assert token == "<<FNR#12>>"
    (found,) = fmt.find(f"see {token.lower()}s journal")
    assert (found.label, found.number, found.start) == ("FNR", 12, 4)


def test_labels() -> None:
    assert label_for("NO_FODSELSNUMMER") == "FNR"
    assert label_for("LOCAL_JOURNALNUMMER") == "LOCAL_JOURNALNUMMER"
    assert label_for("NO_SOMETHING") == "SOMETHING"


async def test_client_text_that_looks_like_a_token_gets_its_own_token() -> None:
    scrubber = Scrubber(Detector([]), Policy(PolicySettings()), MemoryVault(), FORMAT)
    (first,) = await scrubber.scrub(["Kari er [PERSON_1]"], "s")
    assert first.scrubbed.text == "Kari er [LITERAL_1]"
    assert await scrubber.vault.lookup("s", "LITERAL", 1) == "[PERSON_1]"
