"""The policy step on presidio-anonymizer's operators: sladd's operators, the rewrite leaving
decisions as they are (against the hand-written rewrite it replaced), and Presidio's actions end
to end."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import InvalidParamError, OperatorConfig, RecognizerResult
from presidio_anonymizer.operators import Operator

from proxy.detection.detector import Detector
from proxy.detection.findings import Finding
from proxy.scrub import pseudonymise
from proxy.scrub.date_shift import LABEL as OFFSET_LABEL
from proxy.scrub.operators import (
    MASK,
    OPERATORS,
    Generalise,
    ShiftDate,
    Span,
    VaultPseudonym,
    generalise_config,
    hash_config,
    pseudonym_config,
    redact_config,
    rewrite,
    shift_config,
)
from proxy.scrub.pipeline import Scrubber
from proxy.scrub.policy import Decision, Policy
from proxy.scrub.policy_settings import PolicySettings
from proxy.scrub.pseudonymise import (
    SALT_LABEL,
    ScopeNumbers,
    ScrubbedText,
    apply_decisions,
)
from proxy.scrub.tokens import TokenFormat
from proxy.settings import ConfigError, load_settings
from proxy.vault.memory import MemoryVault
from recognizers.registry import build_recognizers
from scripts.bench.policy import hand_apply_decisions

FORMAT = TokenFormat("[{type}_{n}]")
SCOPE = "scope"
OFFSET = 28
SALT = bytes(range(32))
FNR = "13097210181"
TEXT = f"Pasient Kari Nordmann, fnr {FNR}. Kari Nordmann har fnr {FNR}."


async def seeded_vault() -> MemoryVault:
    """A vault whose scope already has a known date offset and hash salt."""
    vault = MemoryVault()
    await vault.assign(SCOPE, OFFSET_LABEL, "offset", str(OFFSET))
    await vault.assign(SCOPE, SALT_LABEL, "salt", SALT.hex())
    return vault


async def both_ways(text: str, decisions: list[Decision]) -> tuple[ScrubbedText, ScrubbedText]:
    """The operators' rewrite and the hand-written one (:mod:`scripts.bench.policy`), each on
    its own (seeded) vault."""
    engine = await apply_decisions(
        text, decisions, ScopeNumbers(await seeded_vault(), SCOPE), FORMAT
    )
    numbers = ScopeNumbers(await seeded_vault(), SCOPE)
    return engine, await hand_apply_decisions(text, decisions, numbers, FORMAT)


# --- the engine leaves sladd's decisions as they are ---

PIECES = (
    "Kari",
    "Ola Nordmann",
    "17.05.2017",
    "1. mai",
    "mai 2013",
    FNR,
    "29. februar",
    "91 år",
    "Oslo",
    "[PERSON_1]",
    "a",
    "æøå",
)
SEPARATORS = ("", "", " ", "  ", ", ", "\n")
TYPES = ("PERSON", "PERSON", "DATE", "NO_FODSELSNUMMER", "AGE", "LOCATION")
ACTIONS = (
    "pseudonymise",
    "redact",
    "block",
    "allow",
    "shift",
    "generalise",
    "mask",
    "hash",
    "keep",
    "replace",
    None,
)
"""``None``: the piece has no decision."""


@st.composite
def decided_texts(draw: st.DrawFn) -> tuple[str, list[Decision]]:
    """A text of pieces, some adjacent or a space apart, and decisions on some of them."""
    text, decisions = "", []
    for _ in range(draw(st.integers(0, 14))):
        text += draw(st.sampled_from(SEPARATORS))
        piece = draw(st.sampled_from(PIECES))
        action = draw(st.sampled_from(ACTIONS))
        if action is not None:
            rewrite = draw(st.sampled_from((None, "over 89 år", "")))
            found = Finding(
                draw(st.sampled_from(TYPES)),
                len(text),
                len(text) + len(piece),
                draw(st.sampled_from((0.5, 0.9))),
                "test",
            )
            decisions.append(Decision(found, action, rewrite if action == "generalise" else None))
        text += piece
    return text + draw(st.sampled_from(SEPARATORS)), draw(st.permutations(decisions))


@settings(max_examples=400, deadline=None)
@given(decided_texts())
def test_the_engine_rewrites_exactly_as_the_hand_written_rewrite_did(
    case: tuple[str, list[Decision]],
) -> None:
    engine, reference = asyncio.run(both_ways(*case))
    assert engine == reference


def test_presidios_engine_would_merge_two_names_a_space_apart() -> None:
    """One reason :func:`rewrite` runs the operators itself, not through the engine."""
    results = [RecognizerResult("PERSON", 0, 4, 0.9), RecognizerResult("PERSON", 5, 8, 0.9)]
    config = {"PERSON": OperatorConfig("replace", {"new_value": "<P>"})}
    engine = AnonymizerEngine()  # type: ignore[no-untyped-call]  # unannotated __init__
    assert engine.anonymize("Kari Ola", results, config).text == "<P>"


@pytest.mark.parametrize("text", ["Kari Ola", "KariOla", "Kari  Ola"])
async def test_neighbouring_names_keep_their_own_tokens(text: str) -> None:
    second = text.index("Ola")
    decisions = [
        Decision(Finding("PERSON", 0, 4, 0.9, "t"), "pseudonymise"),
        Decision(Finding("PERSON", second, second + 3, 0.9, "t"), "pseudonymise"),
    ]
    result = await apply_decisions(text, decisions, ScopeNumbers(MemoryVault(), SCOPE), FORMAT)
    assert result.text == text.replace("Kari", "[PERSON_1]").replace("Ola", "[PERSON_2]")
    assert [r.token for r in result.replacements] == [("PERSON", 1), ("PERSON", 2)]


async def test_a_long_text_is_rewritten_stretch_by_stretch_as_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pseudonymise, "YIELD_EVERY", 7)
    monkeypatch.setattr(pseudonymise, "CHUNK_CHARS", 100)
    pieces = ["Kari", "17.05.2017", FNR, "Ola Nordmann", "x" * 150]
    text = " ".join(pieces[i % 5] for i in range(300))
    actions = ("pseudonymise", "shift", "hash", "redact", "mask", "allow")
    decisions, start = [], 0
    for i in range(300):
        end = start + len(pieces[i % 5])
        found = Finding(TYPES[i % len(TYPES)], start, end, 0.9, "t")
        decisions.append(Decision(found, actions[i % len(actions)]))
        start = end + 1
    engine, reference = await both_ways(text, decisions)
    assert engine == reference


def test_rewrite_refuses_what_it_cannot_keep_apart() -> None:
    config = redact_config("[REDACTED_PERSON]")
    with pytest.raises(ValueError, match="covers no character"):
        rewrite("Kari", [Span(2, 2, config)])
    with pytest.raises(ValueError, match="overlap or are out of order") as caught:
        rewrite("Kari Nordmann", [Span(0, 13, config), Span(5, 13, config)])
    assert "Kari" not in str(caught.value)


# --- each operator ---


def test_vault_pseudonym_renders_the_resolved_number_of_the_value_as_written() -> None:
    config = pseudonym_config({("PERSON", "Kari"): 3}, "PERSON", FORMAT)
    assert rewrite("Hei Kari!", [Span(4, 8, config)]) == ("Hei [PERSON_3]!", ["[PERSON_3]"])
    with pytest.raises(InvalidParamError, match="no pseudonym was resolved") as caught:
        rewrite("Hei KARI!", [Span(4, 8, config)])
    assert "KARI" not in str(caught.value)


def test_shift_moves_a_date_in_its_own_form() -> None:
    assert rewrite("den 17.05.2017", [Span(4, 14, shift_config(28))])[0] == "den 14.06.2017"
    with pytest.raises(InvalidParamError, match="cannot move"):
        rewrite("i mai 2013", [Span(2, 10, shift_config(28))])


def test_generalise_writes_the_policys_text() -> None:
    assert rewrite("91 år", [Span(0, 5, generalise_config("over 89 år"))])[0] == "over 89 år"


def test_mask_and_hash_are_presidios() -> None:
    text, _ = rewrite("fnr 13097210181", [Span(0, 3, hash_config(SALT)), Span(4, 15, MASK)])
    assert text == hashlib.sha256(b"fnr" + SALT).hexdigest() + " ***********"


@pytest.mark.parametrize(
    ("operator", "params"),
    [
        (VaultPseudonym(), {"label": "PERSON", "token_format": FORMAT}),
        (VaultPseudonym(), {"numbers": {}, "label": 1, "token_format": FORMAT}),
        (VaultPseudonym(), {"numbers": {}, "label": "PERSON", "token_format": "[{type}_{n}]"}),
        (ShiftDate(), {"days": "28"}),
        (ShiftDate(), {"days": True}),
        (Generalise(), {}),
    ],
)
def test_operators_refuse_bad_params(operator: Operator, params: dict[str, object]) -> None:
    with pytest.raises(InvalidParamError):
        operator.validate(params)


def test_presidios_factory_made_every_operator_by_name() -> None:
    assert {"sladd_pseudonym", "sladd_shift", "sladd_generalise", "mask", "hash"} <= set(OPERATORS)
    assert all(isinstance(operator, Operator) for operator in OPERATORS.values())


# --- Presidio's actions end to end through the scrubber ---


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(build_recognizers())


def scrubber(detector: Detector, vault: MemoryVault, **actions: str) -> Scrubber:
    return Scrubber(detector, Policy(PolicySettings(actions=actions)), vault, FORMAT)


def actions_taken(scrubbed: ScrubbedText) -> list[tuple[str, str]]:
    return [(r.entity_type, r.action) for r in scrubbed.replacements]


async def test_mask_writes_every_character_as_a_star(detector: Detector) -> None:
    (result,) = await scrubber(detector, MemoryVault(), NO_FODSELSNUMMER="mask").scrub(
        [TEXT], SCOPE
    )
    assert result.scrubbed.text == (
        "Pasient [PERSON_1], fnr ***********. [PERSON_1] har fnr ***********."
    )
    assert ("NO_FODSELSNUMMER", "mask") in actions_taken(result.scrubbed)


async def test_hash_is_keyed_per_scope_and_stable_within_it(detector: Detector) -> None:
    vault = MemoryVault()
    scrub = scrubber(detector, vault, NO_FODSELSNUMMER="hash")
    (first,), (other,) = await scrub.scrub([TEXT], SCOPE), await scrub.scrub([TEXT], "other")
    hashes = [r.replacement for r in first.scrubbed.replacements if r.action == "hash"]
    assert len(hashes) == 2 and hashes[0] == hashes[1]
    salt = await vault.lookup(SCOPE, SALT_LABEL, 1)
    assert salt is not None and len(bytes.fromhex(salt)) == 32
    assert hashes[0] == hashlib.sha256(FNR.encode() + bytes.fromhex(salt)).hexdigest()
    assert hashes[0] != hashlib.sha256(FNR.encode()).hexdigest()  # never unsalted
    assert FNR not in first.scrubbed.text and hashes[0] not in other.scrubbed.text
    await vault.purge_scope(SCOPE)
    (again,) = await scrubber(detector, vault, NO_FODSELSNUMMER="hash").scrub([TEXT], SCOPE)
    assert hashes[0] not in again.scrubbed.text  # erasure ends the salt, and the link


async def test_keep_and_replace_are_allow_and_redact(detector: Detector) -> None:
    scrub = scrubber(detector, MemoryVault(), PERSON="keep", NO_FODSELSNUMMER="replace")
    (result,) = await scrub.scrub([TEXT], SCOPE)
    assert result.scrubbed.text == TEXT.replace(FNR, "[REDACTED_FNR]")
    assert {d.action for d in result.decisions} == {"allow", "redact"}
    assert set(actions_taken(result.scrubbed)) == {
        ("PERSON", "allow"),
        ("NO_FODSELSNUMMER", "redact"),
    }


def test_a_merged_cluster_of_hash_and_mask_is_masked() -> None:
    policy = Policy(PolicySettings(actions={"PERSON": "hash", "NO_FODSELSNUMMER": "mask"}))
    found = [Finding("PERSON", 0, 10, 0.99, "t"), Finding("NO_FODSELSNUMMER", 5, 20, 0.9, "t")]
    assert [d.action for d in policy.decide("x" * 30, found)] == ["mask"]


def test_a_finding_that_covers_no_character_is_dropped() -> None:
    found = [Finding("PERSON", 3, 3, 0.99, "t"), Finding("PERSON", 4, 8, 0.99, "t")]
    assert [d.finding.start for d in Policy(PolicySettings()).decide("x" * 9, found)] == [4]


# --- config ---


@pytest.mark.parametrize(
    "toml",
    [
        '[policy.actions]\nPERSON = "mask"\nNO_FODSELSNUMMER = "hash"\nORGANIZATION = "keep"\n',
        '[policy]\ndefault_action = "replace"\npartial_dates = "mask"\n',
        '[policy]\npartial_dates = "keep"\n',
    ],
)
def test_presidios_names_are_policy_actions(tmp_path: Path, toml: str) -> None:
    config = tmp_path / "sladd.toml"
    config.write_text(toml, encoding="utf-8")
    load_settings(config, environ={})


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[policy.actions]\nPERSON = "encrypt"\n', "'encrypt' is not one of .*mask, hash"),
        ('[policy.actions]\nPERSON = "redacted"\n', "PERSON: 'redacted' is not one of"),
        ('[policy]\ndefault_action = "custom"\n', "'custom' is not one of"),
        ('[policy]\npartial_dates = "generalise"\n', "'generalise' is not one of"),
    ],
)
def test_unknown_actions_are_refused(tmp_path: Path, toml: str, message: str) -> None:
    config = tmp_path / "sladd.toml"
    config.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(config, environ={})
