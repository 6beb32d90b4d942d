"""One token never stands for two values: the request fails closed instead.

``_issued`` builds the restorer's token -> value map from a request's replacements. It used to
keep the first value silently when a token came back for a second one (as a stale cache after
a purge could make it), and the answer about the second patient was restored with the first
patient's name.
"""

from __future__ import annotations

import pytest

from proxy.http.exchange import TokenCollisionError, _issued
from proxy.providers.slots import Slot
from proxy.scrub.pipeline import ScrubResult
from proxy.scrub.pseudonymise import Replacement, ScrubbedText


def _result(text: str, value: str, token: tuple[str, int]) -> tuple[Slot, ScrubResult]:
    start = text.index(value)
    replacement = Replacement(
        "PERSON", start, start + len(value), "pseudonymise", 1.0, "test", "[PERSON_1]", token
    )
    scrubbed = ScrubbedText(text.replace(value, "[PERSON_1]"), (replacement,))
    return Slot(text, "messages[0].content", lambda _: None), ScrubResult((), scrubbed)


def test_one_token_for_two_values_fails_closed() -> None:
    """Protection: the collision check in ``_issued``."""
    first = _result("Pasient Kari Nordmann", "Kari Nordmann", ("PERSON", 1))
    second = _result("Pasient Ola Hansen", "Ola Hansen", ("PERSON", 1))
    with pytest.raises(TokenCollisionError):
        _issued([first[0], second[0]], [first[1], second[1]])


def test_the_same_value_written_differently_shares_its_token() -> None:
    first = _result("Pasient Kari Nordmann", "Kari Nordmann", ("PERSON", 1))
    second = _result("pasient kari  nordmann", "kari  nordmann", ("PERSON", 1))
    issued = _issued([first[0], second[0]], [first[1], second[1]])
    assert issued == {("PERSON", 1): "Kari Nordmann"}
