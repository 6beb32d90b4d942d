"""Restoring tokens in whole texts and in streams split at every possible position."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from proxy.scrub.restore import Restorer
from proxy.scrub.tokens import TokenFormat
from tests.proxy.providers.stream_helpers import pieces

FORMAT = TokenFormat("[{type}_{n}]")
ISSUED = {("PERSON", 1): "Kari Nordmann", ("FNR", 1): "13097210181", ("PERSON", 12): 'Ola "O" B'}
TEXT = "[PERSON_1]s journal: fnr [FNR_1], [person_12] og [PERSON_2] [ikke] [PERSON_1"


def restorer() -> Restorer:
    return Restorer(FORMAT, ISSUED)


async def test_whole_text_restore_handles_inflection_case_and_unknown_tokens() -> None:
    restored = await restorer().restore(TEXT)
    assert restored == (
        'Kari Nordmanns journal: fnr 13097210181, Ola "O" B og [PERSON_2] [ikke] [PERSON_1'
    )


async def test_json_escape_keeps_arguments_valid_json() -> None:
    args = json.dumps({"who": "[PERSON_12]", "note": "ring [PERSON_1]"})
    restored = await restorer().restore(args, json_escape=True)
    assert json.loads(restored) == {"who": 'Ola "O" B', "note": "ring Kari Nordmann"}


async def test_fallback_is_asked_only_for_tokens_not_issued_here() -> None:
    asked: list[tuple[str, int]] = []

    async def vault(label: str, number: int) -> str | None:
        asked.append((label, number))
        return "Per" if (label, number) == ("PERSON", 2) else None

    restored = await Restorer(FORMAT, ISSUED, vault).restore("[PERSON_1] [PERSON_2] [PERSON_2]")
    assert restored == "Kari Nordmann Per Per"
    assert asked == [("PERSON", 2)]


async def _stream(fragments: list[str], *, json_escape: bool = False) -> tuple[str, int]:
    stream = restorer().stream(json_escape=json_escape)
    out = []
    longest_hold = 0
    for piece in fragments:
        out.append(await stream.feed(piece))
        longest_hold = max(longest_hold, len(stream.pending))
    out.append(await stream.flush())
    return "".join(out), longest_hold


async def test_every_two_way_split_restores_like_the_whole() -> None:
    expected = await restorer().restore(TEXT)
    for cut in range(len(TEXT) + 1):
        restored, _ = await _stream([TEXT[:cut], TEXT[cut:]])
        assert restored == expected, cut


async def test_one_character_at_a_time() -> None:
    restored, longest = await _stream(list(TEXT))
    assert restored == await restorer().restore(TEXT)
    assert longest <= FORMAT.max_length


async def test_text_that_cannot_be_a_token_is_released_immediately() -> None:
    stream = restorer().stream()
    assert await stream.feed("Hei [ikke et token] og [PER") == "Hei [ikke et token] og "
    assert stream.pending == "[PER"
    assert await stream.feed("SON_1] kommer") == "Kari Nordmann kommer"
    assert stream.pending == ""


@settings(max_examples=300, deadline=None)
@given(
    noise=st.lists(
        st.sampled_from(["[", "]", "_", "PERSON", "1", "12", "FNR", "x", " ", "æ", "[PERSON_1]"]),
        max_size=30,
    ),
    cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=12),
)
async def test_random_splits_of_token_like_noise(noise: list[str], cuts: list[int]) -> None:
    text = "".join(noise)
    restored, longest = await _stream(pieces(text, cuts))
    assert restored == await restorer().restore(text)
    assert longest <= FORMAT.max_length
