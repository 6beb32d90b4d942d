"""Recently scrubbed texts are reused within a scope, and only for a while."""

from __future__ import annotations

import json

from proxy.detection.detector import Detector
from proxy.http.exchange import scrub_request
from proxy.providers.openai_chat import OpenAIChat
from proxy.scrub.memo import RecentScrubs
from proxy.scrub.pipeline import Scrubber
from proxy.scrub.policy import Policy
from proxy.scrub.policy_settings import PolicySettings
from proxy.scrub.tokens import TokenFormat
from proxy.vault.memory import MemoryVault
from recognizers.registry import build_recognizers
from tests.proxy.vault.conftest import FakeClock

TEXT = "Pasient Kari Nordmann, fnr 13097210181"


def test_entries_are_per_scope_expire_and_are_bounded() -> None:
    clock = FakeClock(1000.0)
    recent: RecentScrubs[str] = RecentScrubs(60, max_entries=2, clock=clock)
    recent.put("a", "e1", "tekst", "scrubbed")
    assert recent.get("a", "e1", "tekst") == "scrubbed"
    assert recent.get("b", "e1", "tekst") is None
    clock.advance(61)
    assert recent.get("a", "e1", "tekst") is None
    for n in range(3):
        recent.put("a", "e1", f"t{n}", "x")
    assert recent.get("a", "e1", "t0") is None
    assert recent.get("a", "e1", "t2") == "x"


def test_entries_are_per_epoch() -> None:
    recent: RecentScrubs[str] = RecentScrubs(60)
    recent.put("a", "e1", "tekst", "scrubbed")
    recent.put("a", None, "uten funn", "x")
    assert recent.get("a", "e2", "tekst") is None
    assert recent.get("a", None, "tekst") is None
    assert recent.get("a", None, "uten funn") == "x"
    assert recent.get("a", "e1", "uten funn") is None


def test_key_parts_cannot_be_shifted_into_each_other() -> None:
    recent: RecentScrubs[str] = RecentScrubs(60)
    recent.put("a", "e1", "b\x00tekst", "scrubbed")
    assert recent.get("a\x00e1", "b", "tekst") is None
    assert recent.get("a", "e1\x00b", "tekst") is None


def test_zero_seconds_turns_it_off() -> None:
    recent: RecentScrubs[str] = RecentScrubs(0)
    recent.put("a", "e1", "tekst", "scrubbed")
    assert recent.get("a", "e1", "tekst") is None


class CountingDetector(Detector):
    def __init__(self) -> None:
        super().__init__(build_recognizers())
        self.texts = 0

    def detect_many(self, texts):  # type: ignore[no-untyped-def]
        self.texts += len(texts)
        return super().detect_many(texts)


async def test_a_resent_text_is_not_scrubbed_again_but_gives_the_same_tokens() -> None:
    detector = CountingDetector()
    scrubber = Scrubber(
        detector,
        Policy(PolicySettings()),
        MemoryVault(),
        TokenFormat("[{type}_{n}]"),
        60,
    )
    (first,) = await scrubber.scrub([TEXT], "scope")
    second, new = await scrubber.scrub([TEXT, "Ola Hansen ringte"], "scope")
    (other_scope,) = await scrubber.scrub([TEXT], "another")
    assert second.scrubbed.text == first.scrubbed.text
    assert "[FNR_1]" in first.scrubbed.text
    assert detector.texts == 3  # TEXT, the new text, and TEXT again for the other scope
    assert new.scrubbed.text != "Ola Hansen ringte"
    assert other_scope.scrubbed.text == first.scrubbed.text  # numbering is per scope


async def test_a_reused_text_is_audited_under_the_slot_it_is_in_now() -> None:
    policy, tokens = Policy(PolicySettings()), TokenFormat("[{type}_{n}]")
    scrubber = Scrubber(Detector(build_recognizers()), policy, MemoryVault(), tokens, 60)

    def body(*contents: str) -> bytes:
        messages = [{"role": "user", "content": c} for c in contents]
        return json.dumps({"model": "m", "messages": messages}).encode()

    first = await scrub_request(scrubber, OpenAIChat(), body(TEXT), "scope")
    again = await scrub_request(scrubber, OpenAIChat(), body("Hei", TEXT, TEXT), "scope")
    assert {f.slot for f in first.findings} == {"messages[0].content"}
    by_slot = {n: [f for f in again.findings if f.slot == f"messages[{n}].content"] for n in (1, 2)}
    expected = [(f.entity_type, f.start, f.end, f.token) for f in first.findings]
    for found in by_slot.values():
        assert [(f.entity_type, f.start, f.end, f.token) for f in found] == expected
