"""Property tests for the JSON slot walkers (``proxy/providers/slots.py`` via each provider).

A provider hands every free-text string of a request to the scrubber as a slot, and the
scrubbed text is written back in place. For random bodies: only
:class:`UnscrubbableRequestError` may leave ``request_slots``; after every slot is ``set`` (to a
unique marker) and the collector committed, exactly the slots' strings changed — keys,
numbers, booleans, image data and all other strings are as they were — and JSON held in a
string (tool-call ``arguments``) is still strictly valid JSON. Image data, signed thinking
and encrypted reasoning (strings starting with ``OPAQUE``) are never slots.
"""

from __future__ import annotations

import copy
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proxy.providers.anthropic import AnthropicMessages
from proxy.providers.base import Provider, UnscrubbableRequestError
from proxy.providers.ollama import OllamaChat, OllamaGenerate
from proxy.providers.openai_chat import OpenAIChat
from proxy.providers.openai_misc import OpenAICompletions, OpenAIEmbeddings
from proxy.providers.openai_responses import OpenAIResponses
from proxy.providers.slots import Slot, SlotCollector
from tests.proxy.fuzz.bodies import bodies
from tests.proxy.fuzz.strategies import MARKER_CLOSE, MARKER_OPEN, OPAQUE

PROVIDERS: list[Provider] = [
    OpenAIChat(),
    OpenAIResponses(),
    OpenAIEmbeddings(),
    OpenAICompletions(),
    AnthropicMessages(),
    OllamaChat(),
    OllamaGenerate(),
]
MARKER = re.compile(f"{MARKER_OPEN}([0-9]+){MARKER_CLOSE}")
IDS = [provider.name for provider in PROVIDERS]


def strict_json(text: str) -> object:
    """``text`` parsed as RFC 8259 JSON (no NaN / Infinity)."""

    def refuse(constant: str) -> object:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


class SlotDiff:
    """Compares a body before and after its slots were set; records which slots changed."""

    def __init__(self, slots: list[Slot]) -> None:
        self.slots = slots
        self.hits: list[int] = []

    def compare(self, before: object, after: object, where: str) -> None:
        if isinstance(before, dict):
            assert isinstance(after, dict) and len(before) == len(after), where
            for (old_key, old), (new_key, new) in zip(before.items(), after.items(), strict=True):
                self._string(old_key, new_key, f"{where}.{old_key}#key", parse=False)
                self.compare(old, new, f"{where}.{old_key}")
        elif isinstance(before, list):
            assert isinstance(after, list) and len(before) == len(after), where
            for index, (old, new) in enumerate(zip(before, after, strict=True)):
                self.compare(old, new, f"{where}[{index}]")
        elif isinstance(before, str):
            assert isinstance(after, str), where
            self._string(before, after, where)
        elif isinstance(before, int) and not isinstance(before, bool) and isinstance(after, str):
            self._string(str(before), after, where, parse=False)  # a scanned long number
        else:
            assert type(before) is type(after) and before == after, where

    def _string(self, before: str, after: str, where: str, *, parse: bool = True) -> None:
        if before == after:
            return
        marker = MARKER.fullmatch(after)
        if marker is not None:
            index = int(marker[1])
            assert self.slots[index].text == before, where
            self.hits.append(index)
            return
        assert parse, where  # keys and numbers change only to their own slot's marker
        document = json.loads(before)  # otherwise only a JSON text may change (re-serialised)
        assert isinstance(document, dict | list), where
        self.compare(document, strict_json(after), f"{where}(json)")


def collect(provider: Provider, body: dict[str, object]) -> SlotCollector | None:
    """The provider's slots, or ``None`` when it refuses what it cannot scan."""
    try:
        return provider.request_slots(body)
    except UnscrubbableRequestError:
        field = "input" if provider.name == "openai_embeddings" else "prompt"
        value = body.get(field)
        assert not isinstance(value, str) and value is not None  # refused only for cause
        assert not (isinstance(value, list) and all(isinstance(v, str) for v in value))
        return None


@pytest.mark.parametrize("provider", PROVIDERS, ids=IDS)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_setting_every_slot_changes_exactly_those_strings(
    provider: Provider, data: st.DataObject
) -> None:
    """Protection: the walkers raise nothing unexpected, every registered slot writes back to
    the place it was read from, nothing else changes, and JSON-in-a-string stays valid.
    Fails if a setter wrote to the wrong place, a slot were registered twice, a commit lost
    an edit or broke the JSON, or a walker crashed on an unexpected type."""
    body = data.draw(bodies(provider.name))
    before = copy.deepcopy(body)
    collector = collect(provider, body)
    if collector is None:
        return
    for index, slot in enumerate(collector.slots):
        assert slot.text and MARKER_OPEN not in slot.text and OPAQUE not in slot.text
        slot.set(f"{MARKER_OPEN}{index}{MARKER_CLOSE}")
    collector.commit()
    diff = SlotDiff(collector.slots)
    diff.compare(before, body, "")
    assert sorted(diff.hits) == list(range(len(collector.slots)))
    json.dumps(body, ensure_ascii=False).encode("utf-8")  # what scrub_request sends


@pytest.mark.parametrize("provider", PROVIDERS, ids=IDS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_slot_texts_are_what_the_scrubber_must_see(provider: Provider, data: st.DataObject) -> None:
    """Protection: unchanged slots (the scrubber found nothing) leave the body semantically
    identical; a slot's ``where`` path is unique per slot."""
    body = data.draw(bodies(provider.name))
    before = copy.deepcopy(body)
    collector = collect(provider, body)
    if collector is None:
        return
    for slot in collector.slots:
        slot.set(slot.text)
    collector.commit()
    SlotDiff(collector.slots).compare(before, body, "")
    wheres = [slot.where for slot in collector.slots]
    assert len(wheres) == len(set(wheres))


def chat_with_arguments(arguments: str) -> dict[str, object]:
    call = {"id": "c", "type": "function", "function": {"name": "f", "arguments": arguments}}
    return {"messages": [{"role": "assistant", "tool_calls": [call]}]}


def test_deeply_nested_arguments_are_refused_as_unscrubbable() -> None:
    deep = "[" * 5000 + '"Kari"' + "]" * 5000
    with pytest.raises(UnscrubbableRequestError):
        OpenAIChat().request_slots(chat_with_arguments(deep))


def test_arguments_with_huge_numbers_stay_valid_json() -> None:
    body = chat_with_arguments('{"dose": 1e400, "who": "Kari"}')
    collector = OpenAIChat().request_slots(body)
    collector.commit()
    arguments = json.dumps(body)  # the function dict is reached through the body
    strict_json(json.loads(arguments)["messages"][0]["tool_calls"][0]["function"]["arguments"])


IDENTIFIER_OUTSIDE_STRINGS: dict[str, tuple[Provider, dict[str, object]]] = {
    "number in tool-call arguments": (
        OpenAIChat(),
        chat_with_arguments('{"fnr": 13097210181, "telefon": 91234567}'),
    ),
    "number in tool_use.input": (
        AnthropicMessages(),
        {
            "messages": [
                {
                    "role": "assistant",
                    "content": [{"type": "tool_use", "input": {"fnr": 13097210181}}],
                }
            ]
        },
    ),
    "object key in metadata": (OpenAIChat(), {"metadata": {"13097210181": "x"}}),
    "object key in tool-call arguments": (
        OpenAIChat(),
        chat_with_arguments('{"13097210181": "innlagt"}'),
    ),
}


@pytest.mark.parametrize("case", sorted(IDENTIFIER_OUTSIDE_STRINGS))
def test_identifiers_outside_string_values_are_scanned_or_refused(case: str) -> None:
    provider, body = IDENTIFIER_OUTSIDE_STRINGS[case]
    try:
        collector = provider.request_slots(copy.deepcopy(body))
    except UnscrubbableRequestError:
        return  # refusing is fine too
    assert any("13097210181" in slot.text for slot in collector.slots)
    assert all("13097210181" not in slot.where for slot in collector.slots)
