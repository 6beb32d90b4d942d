"""``sladd demo`` as a real process: two turns, each in the order a request travels."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
STEPS = ("1. the app sent:", "2. the LLM saw:", "3. the LLM answered:", "4. the app received:")
VALUES = ("Kari Nordmann", "13097210181", "912 34 567", "kari.nordmann@example.no", "Ola Hansen")


def _steps(turn: str) -> dict[str, str]:
    """The text under each step of one turn, checking the steps come in order."""
    positions = [turn.index(step) for step in STEPS]
    assert positions == sorted(positions), turn
    ends = [*positions[1:], len(turn)]
    return {
        step: turn[start + len(step) : end]
        for step, start, end in zip(STEPS, positions, ends, strict=True)
    }


def _turns(output: str) -> list[str]:
    """The text before ``Turn 1 (``, then each turn's text after its heading's number."""
    parts = re.split(r"^Turn (\d) (?=\()", output, flags=re.MULTILINE)
    assert parts[1::2] == ["1", "2"], output
    return [parts[0], *parts[2::2]]


@pytest.fixture(scope="module")
def demo_output() -> str:
    result = subprocess.run(
        [sys.executable, "-m", "proxy.cli.main", "demo"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=150,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.timeout(180)
def test_two_turns_each_in_request_order(demo_output: str) -> None:
    head, turn1, turn2 = _turns(demo_output)
    assert "offline echo LLM" in head
    first, second = _steps(turn1), _steps(turn2)
    for turn in (first, second):
        saw = turn["2. the LLM saw:"] + turn["3. the LLM answered:"]
        assert not any(value in saw for value in VALUES), saw
        assert "Kari Nordmann" in turn["4. the app received:"]  # restored
        assert "Ola Hansen" in turn["4. the app received:"]
    assert turn1.startswith("(answer whole)")
    assert turn2.startswith("(answer streamed;")
    assert "[FNR_1]" in first["2. the LLM saw:"]
    assert "13097210181" in first["4. the app received:"]
    # the second turn resends the first turn's message and answer, then asks a new question
    sent = second["1. the app sent:"].strip().splitlines()
    assert [line.split(":")[0].strip() for line in sent] == ["user", "assistant", "user"]


@pytest.mark.timeout(180)
def test_the_patient_keeps_one_pseudonym_across_turns(demo_output: str) -> None:
    _, turn1, turn2 = _turns(demo_output)
    first = re.search(r"Pasient (\[\w+\]) \(fnr", _steps(turn1)["2. the LLM saw:"])
    second = re.search(r"brev til (\[\w+\]) om", _steps(turn2)["2. the LLM saw:"])
    assert first is not None and second is not None
    assert first.group(1) == second.group(1)
    assert first.group(1).startswith("[PERSON_")
    last_line = demo_output.strip().splitlines()[-1]
    assert last_line.startswith(f"Turn 2 used turn 1's {first.group(1)}")
    assert "same token on every turn" in last_line


@pytest.mark.timeout(180)
def test_the_instruction_word_is_not_a_name(demo_output: str) -> None:
    _, turn1, turn2 = _turns(demo_output)
    assert "user:      Oppsummer: Pasient [PERSON_" in _steps(turn1)["2. the LLM saw:"]
    assert "user:      Skriv et kort brev til [PERSON_" in _steps(turn2)["2. the LLM saw:"]
