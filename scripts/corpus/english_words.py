"""Write the lower-case words of an English word list, for telling English turns from names.

Speech-to-text transcripts and chat hold whole turns in English (``doctor: we will talk about
sick leave``). The NER model, trained on Norwegian, reads lower-case English words there as
names; :mod:`recognizers.ner.english_turns` drops such a span when every word of it is an
English word and the line around it is English. The list is Debian's ``wamerican`` (SCOWL,
size 50): its lower-case entries only (proper nouns are capitalised there), letters a-z, two
letters or more. The copyright notice SCOWL asks for is written in the header.

    python -m scripts.corpus.english_words [--words /usr/share/dict/american-english]
        [--out recognizers/no/english_words.txt]
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from pathlib import Path

from scripts.corpus.places import english_words as lower_case_words

REPO = Path(__file__).resolve().parents[2]
DEFAULT_WORDS = Path("/usr/share/dict/american-english")
DEFAULT_OUT = REPO / "recognizers" / "no" / "english_words.txt"
_WORD = re.compile(r"[a-z]{2,}")
HEADER = """\
# Lower-case English words (a-z, two letters or more), sorted, one per line.
# Source: Debian's wamerican 2020.12.07 (/usr/share/dict/american-english), from SCOWL
# (Spell Checker Oriented Word Lists, http://wordlist.aspell.net/), size 50.
# Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute and sell
# these word lists, the associated scripts, the output created from the scripts, and its
# documentation for any purpose is hereby granted without fee, provided that the above
# copyright notice appears in all copies and that both that copyright notice and this
# permission notice appear in supporting documentation. Kevin Atkinson makes no
# representations about the suitability of this array for any purpose. It is provided "as
# is" without express or implied warranty. (Further notices of SCOWL's sources, all
# permissive or public domain: /usr/share/doc/wamerican/copyright.)
# Changes: lower-case entries of letters a-z only. Rebuild: python -m scripts.corpus.english_words
"""


def english_words(lines: Iterable[str]) -> list[str]:
    """The sorted distinct entries of ``lines`` that are lower-case words of a-z."""
    return sorted({line.strip() for line in lines if _WORD.fullmatch(line.strip())})


def main() -> None:
    """Write the list from the word file given (default: wamerican's)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=Path, default=DEFAULT_WORDS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    if not args.words.is_file():
        parser.error(f"{args.words}: no English word list (Debian package wamerican)")
    words = english_words(lower_case_words(args.words))
    args.out.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words")


if __name__ == "__main__":
    main()
