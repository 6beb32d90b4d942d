"""The ``sladd scan`` contract, exercised through the real console script."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
NOTE = (
    "Pasient med fnr 13097210181 ringte fra 912 34 567. Hb 12,9, INR 2,4.\n"
    "Fnr 130972 10181 bekreftet. Journalnr: 2023/12345.\n"
)


def sladd(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "proxy.cli.main", *args],
        input=stdin,
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


def test_text_format_prints_pseudonymised_text() -> None:
    result = sladd("scan", stdin=NOTE.encode())
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "13097210181" not in out
    assert "912 34 567" not in out
    assert "2023/12345" not in out
    assert out.count("[FNR_1]") == 2  # one scan is one scope: same person, same token
    assert "Hb 12,9, INR 2,4." in out


def test_json_format_offsets_index_the_input(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    result = sladd("scan", "--format", "json", str(path))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert set(doc) == {"text", "entities"}
    spans = [(e["start"], e["end"]) for e in doc["entities"]]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
    values = {NOTE[e["start"] : e["end"]]: e for e in doc["entities"]}
    assert values["13097210181"]["entity_type"] == "NO_FODSELSNUMMER"
    assert values["912 34 567"]["recognizer"] == "PhoneRecognizer"
    assert set(values["13097210181"]) == {
        "entity_type",
        "start",
        "end",
        "score",
        "recognizer",
        "action",
    }
    assert values["13097210181"]["action"] == "pseudonymise"


def test_every_finding_is_reported_with_what_policy_did() -> None:
    """Fails if kept findings were left out of the report, or the action were wrong."""
    text = "Pasienten, 94 år, innlagt 17.05.2017 på Haukeland. Sønnen er 46 år. Fnr 13097210181."
    result = sladd("scan", "--format", "json", stdin=text.encode())
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    actions = {text[e["start"] : e["end"]]: e["action"] for e in doc["entities"]}
    assert actions["94 år"] == "generalise"
    assert actions["17.05.2017"] == "shift"
    assert actions["Haukeland"] == "pseudonymise"
    assert actions["46 år"] == "allow"
    assert actions["13097210181"] == "pseudonymise"
    assert "17.05.2017" not in doc["text"] and "over 89 år" in doc["text"]
    assert "46 år" in doc["text"]


def test_text_output_marks_what_policy_keeps() -> None:
    text = "Sønnen er 46 år. Fnr 13097210181."
    marked = sladd("scan", stdin=text.encode())
    plain = sladd("scan", "--no-marks", stdin=text.encode())
    assert marked.stdout.decode() == "Sønnen er ⟨AGE kept: 46 år⟩. Fnr [FNR_1]."
    assert plain.stdout.decode() == "Sønnen er 46 år. Fnr [FNR_1]."


def test_jsonl_one_output_line_per_input_line_in_order() -> None:
    lines = [{"text": "tlf 91234567"}, {"text": "ingen funn", "id": 7}, {"text": "mob 91234567"}]
    stdin = "".join(json.dumps(x) + "\n" for x in lines).encode()
    result = sladd("scan", "--format", "jsonl", stdin=stdin)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [o["text"] for o in out] == ["tlf [PHONE_1]", "ingen funn", "mob [PHONE_1]"]
    assert out[1]["entities"] == []


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (b'{"text": "ok"}\n{"text": 5}\n', "line 2: expected a JSON object with a string"),
        (b'{"text": "ok"}\nnot json\n', "line 2: invalid JSON"),
        (b'{"text": "ok"}\n{"id": 1}\n', "line 2: expected a JSON object"),
        (b'{"text": "ok"}\n{"text": "\xff"}\n', "line 2: not valid UTF-8"),
    ],
)
def test_jsonl_bad_line_is_named_and_nothing_half_written(stdin: bytes, message: str) -> None:
    result = sladd("scan", "--format", "jsonl", stdin=stdin)
    assert result.returncode == 2
    assert message in result.stderr.decode()
    out = result.stdout.decode().splitlines()
    assert len(out) <= 1
    assert all(json.loads(line)["text"] == "ok" for line in out)


def test_non_utf8_text_input_is_refused() -> None:
    result = sladd("scan", stdin=b"fnr 13097210181\nhei\n" + b"\xc3\x28")
    assert result.returncode == 2
    assert "line 3: not valid UTF-8" in result.stderr.decode()
    assert result.stdout == b""


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = sladd("scan", str(tmp_path / "absent.txt"))
    assert result.returncode == 2
    assert "absent.txt" in result.stderr.decode()


def test_bad_config_is_a_start_up_error(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[policy]\ndefault_action = 'shred'\n", encoding="utf-8")
    result = sladd("scan", "--config", str(config), stdin=b"hei")
    assert result.returncode == 2
    assert "policy.default_action" in result.stderr.decode()
