"""Derive word lists from NorNE's training split: first names and the common vocabulary.

A first name is the first token of a PER span of two or more tokens in NorNE's *training*
split, written capitalised, alphabetic (hyphens allowed). Names whose lower-case form is also
an ordinary word in NorNE (outside any entity, at least ``--max-as-word`` times) are left
out: ``per``, ``liv`` and ``hans`` are words first. Output: one name per line, lower-cased,
sorted, in ``recognizers/no/first_names.txt``.

The common vocabulary — lower-cased alphabetic tokens outside any entity, seen at least twice,
minus every word seen inside a PER span — goes to ``recognizers/ner/common_words.txt``; the
NER prefilter skips sentences whose capitalised words are all in it.

    scripts/build_name_lists.py [--data DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "norne"
DEFAULT_OUT = REPO / "recognizers" / "no" / "first_names.txt"
DEFAULT_VOCAB_OUT = REPO / "recognizers" / "ner" / "common_words.txt"


def first_names_and_words(train: Path) -> tuple[Counter[str], Counter[str], set[str]]:
    """First tokens of multi-token PER spans, lower-case tokens outside entities, and every
    lower-cased token that occurs inside a PER span."""
    names: Counter[str] = Counter()
    words: Counter[str] = Counter()
    in_names: set[str] = set()
    for line in train.read_text(encoding="utf-8").splitlines():
        sentence = json.loads(line)
        tokens, tags = sentence["tokens"], sentence["tags"]
        for i, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
            if tag == "O":
                words[token.lower()] += 1
            if tag.endswith("PER"):
                in_names.add(token.lower())
            if tag == "B-PER" and i + 1 < len(tags) and tags[i + 1] == "I-PER":
                names[token] += 1
    return names, words, in_names


def usable(name: str, words: Counter[str], max_as_word: int) -> bool:
    """Capitalised, alphabetic, at least two letters, rarely an ordinary word."""
    plain = name.replace("-", "")
    return (
        len(plain) >= 2
        and plain.isalpha()
        and name[0].isupper()
        and name[1:].replace("-", "").islower()
        and words[name.lower()] < max_as_word
    )


def main() -> None:
    """Command-line entry point; see module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--max-as-word", type=int, default=3)
    parser.add_argument("--vocab-out", type=Path, default=DEFAULT_VOCAB_OUT)
    args = parser.parse_args()
    names, words, in_names = first_names_and_words(args.data / "train.jsonl")
    kept = sorted({n.lower() for n in names if usable(n, words, args.max_as_word)})
    header = "# First names from NorNE train PER spans (scripts/build_name_lists.py); lower-case.\n"
    args.out.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} first names -> {args.out}")
    vocab = sorted(w for w, n in words.items() if n >= 2 and w.isalpha() and w not in in_names)
    vocab_header = "# Common NorNE words outside entities (scripts/build_name_lists.py).\n"
    args.vocab_out.write_text(vocab_header + "\n".join(vocab) + "\n", encoding="utf-8")
    print(f"{len(vocab)} common words -> {args.vocab_out}")


if __name__ == "__main__":
    main()
