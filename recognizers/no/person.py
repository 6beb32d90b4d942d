"""PERSON by context: names right after a title, a role, a relative or "jeg heter".

The NER model finds most names; this recognizer covers the clinical and chat register it
may miss: ``fastlege Hansen``, ``datter Kari``, ``kona til Per``, ``Dr. Ingrid Bakke``,
lower-case chat (``eg heiter kari``, ``ring mora mi, ingrid``) and signatures (``Mvh Ola``).

One pass over the words of the text. Up to three name words are taken after a trigger,
stopping at a common or structural word. Capitalised names are taken after any trigger;
lower-case names after a title (``dr. grøtte``), or — when they start with a known first name
(:mod:`recognizers.no.names`) — after a relative, an introduction or a chat verb, and in
chat-style text (almost no capitals) also on their own. A capitalised known first name counts
on its own too. Drugs, eponym diagnoses and streets are left alone
(:func:`recognizers.ner.not_names.is_not_a_person`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.ner.not_names import is_not_a_person
from recognizers.no import person_words as words
from recognizers.no.base import NorwegianRecognizer, Verdict
from recognizers.no.names import COMMON_FIRST_NAMES, FIRST_NAMES

SCORE = 0.75
SCORE_KNOWN_FULL_NAME = 0.7
SCORE_KNOWN_FIRST_NAME = 0.6
MAX_NAME_WORDS = 3

_LETTERS = "a-zæøåéèêëáàâãäíìîïóòôõöúùûüñçłśźżćńęąđšžčăơư'’"
_UPPER = "A-ZÆØÅÉÁÀÄÖÜÓÍÚÑÇŁŚŻČŠŽĐ"
_TOKEN = re.compile(rf"[\w{_LETTERS}.\-]+")
_NAME_WORD = re.compile(rf"[{_UPPER}][{_LETTERS}]+(?:-[{_UPPER}a-zæøå][{_LETTERS}]+)?")
_LOWER_WORD = re.compile(rf"[{_LETTERS}]{{2,}}(?:-[{_LETTERS}]{{2,}})?")
_TRIGGER_GAPS = frozenset({" ", "\t", ":", ": ", ":\t", ", ", ",\t"})
_NAME_GAPS = frozenset({" ", "\t"})
_PHRASE_ENDS = frozenset(p[-1] for p in words.INTRODUCER_PHRASES | words.CHAT_PHRASES)
_TRIGGER_WORDS = (
    words.TITLES
    | words.NAMING_WORDS
    | words.RELATIVES
    | words.INTRODUCERS
    | _PHRASE_ENDS
    | words.CHAT_VERBS
    | words.ROLES
)
"""Lower-cased words that may start a trigger; others only as an honorific or profession."""


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    lower: str
    word: str
    """The token without a sentence-final dot (``Hansen.`` -> ``Hansen``)."""
    word_lower: str


def _tokens(text: str) -> list[_Token]:
    """The words of ``text``, each lower-cased once (the pass below reads them many times)."""
    tokens = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        lower = token.lower()
        if token.endswith(".") and len(token) > 2:
            word = token[:-1]
            tokens.append(_Token(match.start(), match.end(), token, lower, word, word.lower()))
        else:
            tokens.append(_Token(match.start(), match.end(), token, lower, token, lower))
    return tokens


def is_chat(text: str) -> bool:
    """Mostly lower-case prose: a chat message, where capitals say nothing about names."""
    letters = "".join(filter(str.isalpha, text))
    capitals = sum(map(str.isupper, letters))
    return len(letters) >= 12 and capitals <= max(2, len(letters) // 40)


def _is_profession(lowered: str) -> bool:
    if lowered in words.NOT_PROFESSIONS:
        return False
    return lowered.endswith(words.PROFESSION_SUFFIXES) or (
        len(lowered) >= 7 and lowered.endswith("log")
    )


def _trigger_kind(tokens: list[_Token], i: int) -> str | None:
    """``any`` (capitalised names follow), ``title`` (lower-case too: ``dr. grøtte``,
    ``heter andrii``), ``chat`` (lower-case known first names too), ``verb`` or None."""
    token, lowered = tokens[i].text, tokens[i].lower
    # Most words are in none of the lists: only the checks below can make them a trigger.
    kind = _listed_trigger_kind(tokens, i) if lowered in _TRIGGER_WORDS else None
    if kind is None and (
        lowered in words.ROLES or token in words.HONORIFICS or _is_profession(lowered)
    ):
        return "any"
    return kind


def _listed_trigger_kind(tokens: list[_Token], i: int) -> str | None:
    """The kind a word from the trigger lists gives, other than ``any``."""
    lowered = tokens[i].lower
    if lowered in words.TITLES or lowered in words.NAMING_WORDS:
        return "title"
    if lowered in words.RELATIVES or lowered in words.INTRODUCERS:
        return "chat"
    if lowered in _PHRASE_ENDS:
        previous = tuple(t.lower for t in tokens[max(0, i - 2) : i])
        phrase2, phrase3 = (*previous[-1:], lowered), (*previous, lowered)
        if words.INTRODUCER_PHRASES & {phrase2, phrase3} or words.CHAT_PHRASES & {phrase2}:
            return "chat"
    if lowered in words.CHAT_VERBS:
        return "verb"
    return None


def _first_name_ok(word: str, *, ambiguous_ok: bool) -> bool:
    lowered = word.lower()
    if lowered in words.AMBIGUOUS_FIRST_NAMES:
        return ambiguous_ok
    return lowered in FIRST_NAMES


def _stops_name(token: _Token, lowercase: bool, first: bool) -> bool:
    lowered = token.word_lower
    return (lowered in words.COMMON and (lowercase or first)) or token.word in words.STRUCTURAL


def _name_span(text: str, tokens: list[_Token], j: int, lowercase: bool) -> tuple[int, int] | None:
    """The name starting at ``tokens[j]``; ``None`` if none, or if it runs into a street."""
    shape = _LOWER_WORD if lowercase else _NAME_WORD
    end: int | None = None
    taken, k = 0, j
    while k < len(tokens) and taken < MAX_NAME_WORDS:
        token = tokens[k]
        if k > j and text[tokens[k - 1].end : token.start] not in _NAME_GAPS:
            break
        lowered = token.word_lower
        if not lowercase and end is not None and lowered in words.PARTICLES:
            k += 1
            continue
        if _stops_name(token, lowercase, end is None) or not shape.fullmatch(token.word):
            break
        if lowered in words.STREET_WORDS:
            return None
        end, taken, k = token.start + len(token.word), taken + 1, k + 1
        if token.word != token.text:
            break
    return None if end is None else (tokens[j].start, end)


def _continues_a_name(text: str, tokens: list[_Token], i: int) -> bool:
    """True when a capitalised word or a name particle sits right before ``tokens[i]``."""
    if i == 0 or text[tokens[i - 1].end : tokens[i].start] not in _NAME_GAPS:
        return False
    previous = tokens[i - 1]
    return previous.lower in words.PARTICLES or bool(_NAME_WORD.fullmatch(previous.text))


Spans = dict[tuple[int, int], tuple[float, str]]


def _add(spans: Spans, text: str, span: tuple[int, int] | None, score: float, why: str) -> None:
    if span is None or is_not_a_person(text, *span):
        return
    if spans.get(span, (0.0, ""))[0] < score:
        spans[span] = (score, why)


def _after_trigger(text: str, tokens: list[_Token], i: int, kind: str, spans: Spans) -> None:
    j = i + 1
    if j < len(tokens) - 1 and tokens[j].lower in words.GAP_WORDS:
        j += 1
    if j >= len(tokens) or text[tokens[j - 1].end : tokens[j].start] not in _TRIGGER_GAPS:
        return
    word = tokens[j].word
    if kind != "verb" and _NAME_WORD.fullmatch(word):
        _add(spans, text, _name_span(text, tokens, j, lowercase=False), SCORE, "trigger")
    elif (kind != "any" and _LOWER_WORD.fullmatch(word)) and (
        kind == "title" or _first_name_ok(word, ambiguous_ok=kind == "chat")
    ):
        _add(spans, text, _name_span(text, tokens, j, lowercase=True), SCORE, "trigger")


def _known_first(lowered: str) -> str | None:
    """The known first name the lower-cased word ``lowered`` is, or starts with
    (``stig-roland``), or is the genitive of (``pers``, ``karis``); ``None`` otherwise."""
    for candidate in (lowered, lowered.split("-", 1)[0], lowered.removesuffix("s")):
        if candidate in FIRST_NAMES:
            return candidate
    return None


def _known_name(text: str, tokens: list[_Token], i: int, chat: bool, spans: Spans) -> None:
    word, lowered = tokens[i].word, tokens[i].word_lower
    first = _known_first(lowered)
    genitive = first is not None and lowered == first + "s"
    if first is None or (first in words.AMBIGUOUS_FIRST_NAMES and not genitive):
        return
    if _NAME_WORD.fullmatch(word) and not _continues_a_name(text, tokens, i):
        span = _name_span(text, tokens, i, lowercase=False)
        several = span is not None and " " in text[span[0] : span[1]].strip()
        if several or first in COMMON_FIRST_NAMES or genitive:
            score = SCORE_KNOWN_FULL_NAME if several or genitive else SCORE_KNOWN_FIRST_NAME
            _add(spans, text, span, score, "known-name")
    elif chat and _LOWER_WORD.fullmatch(word) and not genitive:
        _add(spans, text, _name_span(text, tokens, i, lowercase=True), SCORE, "known-name")


class PersonContextRecognizer(NorwegianRecognizer):
    """Names introduced by a title, role, relative or an introduction; see module docstring."""

    ENTITY = "PERSON"
    PATTERNS = ()
    NEEDS_DIGIT = False

    def analyze(
        self,
        text: str,
        entities: list[str] | None = None,
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """One pass over the words of ``text``; see module docstring."""
        if entities is not None and self.ENTITY not in entities:
            return []
        tokens = _tokens(text)
        chat = is_chat(text)
        spans: Spans = {}
        for i in range(len(tokens)):
            kind = _trigger_kind(tokens, i)
            if kind is not None:
                _after_trigger(text, tokens, i, kind, spans)
            _known_name(text, tokens, i, chat, spans)
        return [
            self.result(start, end, Verdict(score, {"context": why}))
            for (start, end), (score, why) in sorted(spans.items())
        ]

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Unused: this recognizer scans words, not regex matches."""
        return None
