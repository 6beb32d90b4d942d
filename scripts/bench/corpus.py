"""The fixed benchmark corpus and the chat messages built from it, plus recall scoring.

The corpus is the repository's annotated clinical-style corpora, always the same texts in the
same order: ``tests/data/clinical_identifiers.jsonl`` and ``..._holdout.jsonl`` (referrals,
epicrises and notes with fødselsnumre, phone numbers, addresses ...; annotated in
``entities``) and ``tests/data/person_names.jsonl`` and ``..._holdout.jsonl`` (clinical
sentences with names; annotated in ``persons``). The four files are interleaved line by line,
so any prefix (``--quick``, ``--limit``) mixes identifiers and names.

Recall counts every occurrence of every annotated value (``entities[].value``, ``persons``):
it is found when an engine's findings together cover all of its characters.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA_DIR = REPO / "tests" / "data"
SOURCES = (
    ("clinical_identifiers.jsonl", "identifiers"),
    ("person_names.jsonl", "names"),
    ("clinical_identifiers_holdout.jsonl", "identifiers"),
    ("person_names_holdout.jsonl", "names"),
)
SYSTEM_PROMPT = (
    "Du er en klinisk skriveassistent på et norsk sykehus. Svar kort og presist på norsk, "
    "og behold navn og identifikatorer slik de står."
)
USER_PREFIX = "Lag et kort sammendrag av disse journalnotatene:\n\n"
MESSAGE_BYTES = 2048
"""Target size of a chat request body (UTF-8 JSON) in the latency runs."""
MESSAGE_STEP = 7
"""Start-document stride between consecutive messages; coprime with the corpus size (1186),
so every message starts at a different document and no message repeats."""

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Doc:
    """One corpus text and the annotated values in it."""

    text: str
    values: tuple[str, ...]
    kind: str


def read_docs(path: Path, kind: str) -> list[Doc]:
    """Every line of one annotated corpus file."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        values = [str(e["value"]) for e in item.get("entities", [])]
        values += [str(p) for p in item.get("persons", [])]
        docs.append(Doc(str(item["text"]), tuple(values), kind))
    return docs


def load_corpus(limit: int | None = None, data_dir: Path = DATA_DIR) -> list[Doc]:
    """The corpus (see module docstring); the first ``limit`` documents if given."""
    per_file = [read_docs(data_dir / name, kind) for name, kind in SOURCES]
    docs = [doc for row in zip_longest(*per_file) for doc in row if doc is not None]
    return docs if limit is None else docs[:limit]


def occurrences(text: str, value: str) -> Iterator[Span]:
    """Every occurrence of ``value`` in ``text``."""
    start = text.find(value)
    while start != -1 and value:
        yield start, start + len(value)
        start = text.find(value, start + 1)


def covered(spans: Sequence[Span], start: int, end: int) -> bool:
    """True when the union of ``spans`` covers every character of ``[start, end)``."""
    position = start
    for span_start, span_end in sorted(spans):
        if span_start > position:
            break
        position = max(position, span_end)
        if position >= end:
            return True
    return position >= end


def recall_by_kind(docs: Sequence[Doc], found: Sequence[Sequence[Span]]) -> dict[str, float]:
    """Recall per document kind and over ``all``; ``found[i]`` are the spans in ``docs[i]``."""
    hits: dict[str, list[bool]] = {"all": []}
    for doc, spans in zip(docs, found, strict=True):
        for value in doc.values:
            for start, end in occurrences(doc.text, value):
                ok = covered(spans, start, end)
                hits["all"].append(ok)
                hits.setdefault(doc.kind, []).append(ok)
    return {kind: (sum(oks) / len(oks) if oks else 0.0) for kind, oks in hits.items()}


def chat_body(user_text: str, history: Sequence[dict[str, str]] = ()) -> dict[str, object]:
    """An OpenAI chat request: system prompt, earlier turns, then ``user_text``."""
    messages = [{"role": "system", "content": SYSTEM_PROMPT}, *history]
    messages.append({"role": "user", "content": user_text})
    return {"model": "bench-llm", "messages": messages}


def encode(body: dict[str, object]) -> bytes:
    """The request body as sent (UTF-8 JSON, non-ASCII letters kept)."""
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def user_message(docs: Sequence[Doc], index: int, size: int = MESSAGE_BYTES) -> str:
    """The ``index``-th distinct user message: documents from ``index * MESSAGE_STEP`` on,
    added until a one-message chat request body is about ``size`` bytes."""
    parts: list[str] = []
    position = index * MESSAGE_STEP
    while len(encode(chat_body(USER_PREFIX + "\n\n".join(parts)))) < size - 100:
        parts.append(docs[position % len(docs)].text)
        position += 1
    return USER_PREFIX + "\n\n".join(parts)
