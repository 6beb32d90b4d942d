"""Erasure is final for the scrubber: no recent scrub outlives its scope's purge or expiry,
and a purge landing in the middle of a request fails that request closed."""

from __future__ import annotations

import pytest

from proxy.detection.detector import Detector
from proxy.scrub.pipeline import Scrubber, ScrubResult
from proxy.scrub.policy import Policy
from proxy.scrub.policy_settings import PolicySettings
from proxy.scrub.scope_epoch import ScopeErasedError
from proxy.scrub.tokens import TokenFormat
from proxy.vault.memory import MemoryVault
from recognizers.registry import build_recognizers
from tests.proxy.vault.conftest import FakeClock

HISTORY = "Pasient Kari Nordmann, fnr 13097210181"
NEW = "Ny pasient Per Olsen, fnr 13097248022"
SCOPE = "scope"


class PurgingVault(MemoryVault):
    """A memory vault on which ``sladd vault purge`` of the scope lands just before the
    assignment numbered ``purge_before`` (counting from 1) — the middle of a request."""

    def __init__(self, clock: FakeClock | None = None) -> None:
        super().__init__(3600, clock or FakeClock())
        self.purge_before: int | None = None
        self.assigned = 0

    async def assign(self, scope: str, label: str, key: str, value: str) -> int:
        self.assigned += 1
        if self.assigned == self.purge_before:
            await self.purge_scope(scope)
        return await super().assign(scope, label, key, value)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(build_recognizers())


def scrubber(detector: Detector, vault: MemoryVault, reuse_seconds: float = 120) -> Scrubber:
    policy, tokens = Policy(PolicySettings()), TokenFormat("[{type}_{n}]")
    return Scrubber(detector, policy, vault, tokens, reuse_seconds)


def tokens(result: ScrubResult) -> list[tuple[str, int] | None]:
    return [r.token for r in result.scrubbed.replacements]


async def assert_one_value_per_token(
    vault: MemoryVault, results: list[ScrubResult], texts: list[str]
) -> None:
    """Every token of the request stands for one value, the one the vault holds for it."""
    seen: dict[tuple[str, int], str] = {}
    for result, text in zip(results, texts, strict=True):
        for r in result.scrubbed.replacements:
            assert r.token is not None
            value = text[r.start : r.end]
            assert seen.setdefault(r.token, value) == value
            assert await vault.lookup(SCOPE, *r.token) == value


async def test_a_purged_scope_reuses_none_of_its_recent_scrubs(detector: Detector) -> None:
    vault = MemoryVault()
    scrub = scrubber(detector, vault)
    (first,) = await scrub.scrub([HISTORY], SCOPE)
    assert tokens(first) == [("PERSON", 1), ("FNR", 1)]
    await vault.purge_scope(SCOPE)
    history, new = await scrub.scrub([HISTORY, NEW], SCOPE)
    await assert_one_value_per_token(vault, [history, new], [HISTORY, NEW])
    assert tokens(new) == [("PERSON", 2), ("FNR", 2)]
    assert await vault.lookup(SCOPE, "PERSON", 2) == "Per Olsen"
    assert await vault.lookup(SCOPE, "FNR", 1) == "13097210181"  # assigned afresh


async def test_an_expired_scope_reuses_none_of_its_recent_scrubs(detector: Detector) -> None:
    clock = FakeClock()
    vault = MemoryVault(ttl_seconds=60, clock=clock)
    scrub = scrubber(detector, vault, reuse_seconds=600)
    await scrub.scrub([HISTORY], SCOPE)
    clock.advance(61)  # the vault's clock: the scope expired; the recent scrubs' has not
    history, new = await scrub.scrub([HISTORY, NEW], SCOPE)
    await assert_one_value_per_token(vault, [history, new], [HISTORY, NEW])
    assert tokens(new) == [("PERSON", 2), ("FNR", 2)]


async def test_without_erasure_a_resent_history_is_still_reused(detector: Detector) -> None:
    vault = PurgingVault()
    scrub = scrubber(detector, vault)
    (first,) = await scrub.scrub([HISTORY], SCOPE)
    again, _ = await scrub.scrub([HISTORY, NEW], SCOPE)
    assert again is first
    assert vault.assigned == 4  # two for the history, then two for the new text only


async def test_a_purge_after_a_reused_history_fails_the_request_closed(
    detector: Detector,
) -> None:
    vault = PurgingVault()
    scrub = scrubber(detector, vault)
    await scrub.scrub([HISTORY], SCOPE)
    vault.purge_before = 3  # the new patient's first assignment, after the history was reused
    with pytest.raises(ScopeErasedError) as refused:
        await scrub.scrub([HISTORY, NEW], SCOPE)
    assert (refused.value.status, refused.value.type) == (409, "sladd_scope_erased")
    history, new = await scrub.scrub([HISTORY, NEW], SCOPE)
    await assert_one_value_per_token(vault, [history, new], [HISTORY, NEW])


@pytest.mark.parametrize("reuse_seconds", [0, 120])
async def test_a_purge_between_two_assignments_fails_the_request_closed(
    detector: Detector, reuse_seconds: float
) -> None:
    vault = PurgingVault()
    scrub = scrubber(detector, vault, reuse_seconds)
    vault.purge_before = 3  # after the first patient's two, before the second patient's
    with pytest.raises(ScopeErasedError):
        await scrub.scrub([HISTORY, NEW], SCOPE)
    vault.purge_before = None
    history, new = await scrub.scrub([HISTORY, NEW], SCOPE)
    await assert_one_value_per_token(vault, [history, new], [HISTORY, NEW])
