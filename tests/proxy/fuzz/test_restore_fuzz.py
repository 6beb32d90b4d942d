"""The stream restorer under configured token formats, JSON escaping and echoed case.

``tests/proxy/scrub/test_restore.py`` fuzzes the default format without escaping. Here:
other formats a site may configure (multi-character heads, letters in the head, a head
character that recurs in the middle or tail), ``json_escape`` (tool-call arguments streams)
and lower- or upper-case echoes. Streamed output must equal the whole-text restore however the
text is split, and what is held back must be a possible token start, never longer than one
token.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from proxy.scrub.restore import Restorer
from proxy.scrub.tokens import TokenFormat
from tests.proxy.fuzz.strategies import CUTS
from tests.proxy.providers.stream_helpers import pieces

FORMATS = ("[{type}_{n}]", "<<{type}:{n}>>", "#{type}#{n}#", "⟦{type}{n}⟧", "[x{type}_{n}x]")
ISSUED = {("PERSON", 1): "Kari Nordmann", ("FNR", 12): 'Å "B" \\ Ø'}


def noise_for(token_format: TokenFormat) -> st.SearchStrategy[str]:
    """Text made of tokens (issued, unknown, lower-case), their pieces and separators."""
    tokens = [token_format.render(label, n) for label, n in [("PERSON", 1), ("FNR", 12)]]
    tokens += [token_format.render("PERSON", 2), *(t.lower() for t in tokens)]
    tokens += [t.upper() for t in tokens]
    parts = [*tokens, token_format.head, token_format.middle, token_format.tail]
    parts += ["PERSON", "person", "FNR", "1", "12", " ", "x", "æ", "#", "_", "<", "⟦"]
    return st.lists(st.sampled_from(parts), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(template=st.sampled_from(FORMATS), data=st.data(), cuts=CUTS, json_escape=st.booleans())
async def test_streamed_restore_equals_whole_restore_for_any_format(
    template: str, data: st.DataObject, cuts: list[int], json_escape: bool
) -> None:
    """Protection: a token split across fragments is still restored (and JSON-escaped inside
    arguments), and held-back text is only ever a possible token start. Fails if hold-back
    looked only for the default ``[`` head, matched partial tokens case-sensitively, or held
    more than one token's length."""
    token_format = TokenFormat(template)
    restorer = Restorer(token_format, ISSUED)
    text = data.draw(noise_for(token_format))
    stream = restorer.stream(json_escape=json_escape)
    out = []
    for piece in pieces(text, cuts):
        out.append(await stream.feed(piece))
        assert len(stream.pending) <= token_format.max_length
        assert not stream.pending or restorer.could_become_token(stream.pending)
    out.append(await stream.flush())
    assert "".join(out) == await restorer.restore(text, json_escape=json_escape)


async def test_case_changed_echo_of_a_letter_headed_format_is_restored_across_fragments() -> None:
    restorer = Restorer(TokenFormat("x{type}_{n}x"), ISSUED)
    stream = restorer.stream()
    streamed = await stream.feed("XPERS") + await stream.feed("ON_1X") + await stream.flush()
    assert streamed == await restorer.restore("XPERSON_1X") == "Kari Nordmann"
