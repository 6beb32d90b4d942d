"""Property tests for the JSON slot walkers (``proxy/providers/slots.py`` via each provider).

A provider hands every string of a request to the scrubber as a slot (deny by default), and
the scrubbed text is written back in place. For random bodies: only
:class:`UnscrubbableRequestError` and :class:`InvalidShapeError` may leave ``request_slots``;
after every slot (every part of a joined slot) is set to a unique marker and the collector
committed, exactly the slots' strings changed — keys, booleans, image data and signatures are
as they were — and JSON held in a string (tool-call ``arguments``) is still strictly valid
JSON. Image data, signatures and encrypted reasoning (base64 blobs starting with ``OPAQUE``)
under a provider's opaque keys are never slots.
"""

from __future__ import annotations

import copy
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proxy.providers import anthropic, ollama
from proxy.providers import openai_chat as chat
from proxy.providers import openai_misc as misc
from proxy.providers import openai_responses as responses
from proxy.providers.anthropic import AnthropicMessages
from proxy.providers.base import Provider, UnscrubbableRequestError
from proxy.providers.errors import InvalidShapeError
from proxy.providers.ollama import OllamaChat, OllamaGenerate
from proxy.providers.openai_chat import OpenAIChat
from proxy.providers.openai_misc import OpenAICompletions, OpenAIEmbeddings
from proxy.providers.openai_responses import OpenAIResponses
from proxy.providers.slots import PART_SEPARATOR, Slot, SlotCollector
from proxy.providers.walk import decimal_text
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
MARKER = re.compile(f"{MARKER_OPEN}([0-9]+)\\.([0-9]+){MARKER_CLOSE}")
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
        elif isinstance(before, int | float) and not isinstance(before, bool):
            if isinstance(after, str):  # a scanned number, set to its slot's marker
                self._string(decimal_text(before), after, where, parse=False)
            else:
                assert after == before, where
        else:
            assert type(before) is type(after) and before == after, where

    def _string(self, before: str, after: str, where: str, *, parse: bool = True) -> None:
        if before == after:
            return
        marker = MARKER.fullmatch(after)
        if marker is not None:
            index, part = int(marker[1]), int(marker[2])
            assert part_texts(self.slots[index])[part] == before, where
            self.hits.append(index)
            return
        assert parse, where  # keys and numbers change only to their own slot's marker
        document = json.loads(before)  # otherwise only a JSON text may change (re-serialised)
        assert isinstance(document, dict | list), where
        self.compare(document, strict_json(after), f"{where}(json)")


OPAQUE_KEYS = {
    provider.name: rules.opaque
    for provider, rules in zip(
        PROVIDERS,
        [chat.RULES, responses.RULES, misc.RULES, misc.RULES, anthropic.RULES] + [ollama.RULES] * 2,
        strict=True,
    )
}


def last_key(where: str) -> str:
    """The object key a slot's path ends in (list indexes dropped)."""
    return re.split(r"[.{]", re.sub(r"(\[[0-9]+\])+$", "", where))[-1]


def part_texts(slot: Slot) -> list[str]:
    """The texts of a joined slot's parts (an ordinary slot: its text)."""
    if not slot.part_lengths:
        return [slot.text]
    texts, start = [], 0
    for length in slot.part_lengths:
        texts.append(slot.text[start : start + length])
        start += length + len(PART_SEPARATOR)
    return texts


def set_markers(slots: list[Slot]) -> None:
    """Every slot, every part of a joined one, set to its own marker."""
    for index, slot in enumerate(slots):
        setters = slot.part_setters or (slot.set,)
        for part, assign in enumerate(setters):
            assign(f"{MARKER_OPEN}{index}.{part}{MARKER_CLOSE}")


def collect(provider: Provider, body: dict[str, object]) -> SlotCollector | None:
    """The provider's slots, or ``None`` when it refuses what it cannot scan or a shape it does
    not know."""
    try:
        return provider.request_slots(body)
    except InvalidShapeError:
        return None
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
    body = json.loads(json.dumps(data.draw(bodies(provider.name))))  # no shared objects
    before = copy.deepcopy(body)
    collector = collect(provider, body)
    if collector is None:
        return
    opaque_keys = OPAQUE_KEYS[provider.name]
    for slot in collector.slots:
        assert slot.text and MARKER_OPEN not in slot.text
        assert OPAQUE not in slot.text or last_key(slot.where) not in opaque_keys, slot.where
    set_markers(collector.slots)
    collector.commit()
    diff = SlotDiff(collector.slots)
    diff.compare(before, body, "")
    parts = [i for i, slot in enumerate(collector.slots) for _ in slot.part_setters or (None,)]
    assert sorted(diff.hits) == parts  # each slot once, a joined slot once per part
    json.dumps(body, ensure_ascii=False).encode("utf-8")  # what scrub_request sends


@pytest.mark.parametrize("provider", PROVIDERS, ids=IDS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_slot_texts_are_what_the_scrubber_must_see(provider: Provider, data: st.DataObject) -> None:
    """Protection: unchanged slots (the scrubber found nothing) leave the body semantically
    identical; a slot's ``where`` path is unique per slot."""
    body = json.loads(json.dumps(data.draw(bodies(provider.name))))  # no shared objects
    before = copy.deepcopy(body)
    collector = collect(provider, body)
    if collector is None:
        return
    for slot in collector.slots:
        for text, assign in zip(part_texts(slot), slot.part_setters or (slot.set,), strict=True):
            assign(text)
    collector.commit()
    SlotDiff(collector.slots).compare(before, body, "")
    wheres = [slot.where for slot in collector.slots]
    assert len(wheres) == len(set(wheres))


def chat_with_arguments(arguments: str) -> dict[str, object]:
    call = {"id": "c", "type": "function", "function": {"name": "f", "arguments": arguments}}
    return {"model": "m", "messages": [{"role": "assistant", "tool_calls": [call]}]}


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
            "model": "m",
            "messages": [
                {
                    "role": "assistant",
                    "content": [
                        {"type": "tool_use", "id": "t", "name": "f", "input": {"fnr": 13097210181}}
                    ],
                }
            ],
        },
    ),
    "object key in metadata": (
        OpenAIChat(),
        {
            "model": "m",
            "messages": [{"role": "user", "content": "x"}],
            "metadata": {"13097210181": "x"},
        },
    ),
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
