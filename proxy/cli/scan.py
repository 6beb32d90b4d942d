"""``sladd scan``: pseudonymise text from a file or stdin (contract in the README).

Formats: ``text`` prints the pseudonymised text, each finding policy keeps marked
``⟨TYPE kept: value⟩`` (``--no-marks``: the text as it would be sent); ``json`` prints one
object ``{"text", "entities"}`` for the whole input, every finding with the action policy
gave it; ``jsonl`` reads one JSON object with a ``"text"`` field per line and prints one such
object per line, in order. One scan is one scope: the same value gets the same token
everywhere in the input.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from proxy.scrub.pipeline import Scrubber, ScrubResult

SCAN_SCOPE = "scan"


class ScanInputError(ValueError):
    """Input that cannot be scanned; the message names the line and what is wrong."""


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """What to read and how to print it."""

    output_format: str
    source_name: str
    marks: bool = True
    """Text output: mark the findings policy keeps (``⟨AGE kept: 46 år⟩``)."""


def result_object(result: ScrubResult) -> dict[str, object]:
    """The ``json`` contract object for one scanned text (offsets index the input): every
    finding, with what policy did (``pseudonymise``, ``redact``, ``shift``, ``generalise``,
    ``block``) or ``allow`` for one it kept."""
    entities = [
        {
            "entity_type": r.entity_type,
            "start": r.start,
            "end": r.end,
            "score": round(r.score, 4),
            "recognizer": r.recognizer,
            "action": r.action,
        }
        for r in result.scrubbed.replacements
    ]
    return {"text": result.scrubbed.text, "entities": entities}


def marked_text(original: str, result: ScrubResult) -> str:
    """The scrubbed text with each kept finding marked ``⟨TYPE kept: value⟩``."""
    parts: list[str] = []
    cursor = 0
    for r in sorted(result.scrubbed.replacements, key=lambda r: r.start):
        if r.start < cursor:
            continue
        value = original[r.start : r.end]
        new = f"⟨{r.entity_type} kept: {value}⟩" if r.action == "allow" else r.replacement
        parts += [original[cursor : r.start], value if new is None else new]
        cursor = r.end
    parts.append(original[cursor:])
    return "".join(parts)


def decode(data: bytes, source: str) -> str:
    """Strict UTF-8, with an error naming the line and byte of the first bad sequence."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ScanInputError(
            f"{source}: line {line}: not valid UTF-8 (byte offset {exc.start})"
        ) from exc


def jsonl_texts(content: str, source: str) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` per input line; raises on the first bad line."""
    for number, line in enumerate(content.splitlines(), start=1):
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ScanInputError(f"{source}: line {number}: invalid JSON: {exc.msg}") from exc
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ScanInputError(
                f'{source}: line {number}: expected a JSON object with a string "text" field'
            )
        yield number, item["text"]


async def _scan(scrubber: Scrubber, data: bytes, options: ScanOptions, out: TextIO) -> None:
    content = decode(data, options.source_name)
    if options.output_format == "jsonl":
        for _, text in jsonl_texts(content, options.source_name):
            (result,) = await scrubber.scrub([text], SCAN_SCOPE)
            out.write(json.dumps(result_object(result), ensure_ascii=False) + "\n")
            out.flush()
        return
    (result,) = await scrubber.scrub([content], SCAN_SCOPE)
    if options.output_format == "json":
        out.write(json.dumps(result_object(result), ensure_ascii=False) + "\n")
    elif options.marks:
        out.write(marked_text(content, result))
    else:
        out.write(result.scrubbed.text)
    out.flush()


def run_scan(scrubber: Scrubber, source: BinaryIO, options: ScanOptions, out: TextIO) -> None:
    """Scan ``source`` and write to ``out``; raises :class:`ScanInputError` on bad input."""
    asyncio.run(_scan(scrubber, source.read(), options, out))
