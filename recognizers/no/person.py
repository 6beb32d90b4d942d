"""PERSON by context: names after a title, role, relative, greeting or introduction; layouts.

The NER model finds most names; this recognizer covers the clinical, chat and spoken register
it may miss: ``fastlege Hansen``, ``datter Kari``, ``kona til Per``, ``Dr. Ingrid Bakke``,
lower-case chat (``eg heiter kari``, ``ja hei svitlana``), ALL CAPS (``Fastlege HANSEN``,
``PASIENTEN KARI NORDMANN HAR VONDT``) and signatures (``Mvh Ola``); and, through
:mod:`recognizers.no.person_layouts`, names by their place in a layout (``NORDMANN, Kari``,
a ``Navn`` column, a chat sender, a user name, an e-mail display name, an HL7 name field).

One pass over the words of the text (:mod:`recognizers.no.person_tokens`). Up to three name
words are taken after a trigger (:mod:`recognizers.no.person_triggers`; ``fastlegen er``,
``kona til`` and ``Rom 6`` allow a word or number between), stopping at a common or
structural word. Capitalised names are taken after any trigger but a chat verb; after
``gjelder`` or ``Rom 6`` only what may be a name in lower case too. Whether a lower-case word
(or an ALL-CAPS word on a line of capitals) is taken depends on the trigger's kind
(:mod:`recognizers.no.person_qualify`): after ``heter`` whatever it is, after a title, role,
greeting or relative a known name (:mod:`recognizers.no.names`) or no ordinary word
(:mod:`recognizers.no.person_lexicon`), after a chat verb a known first name or surname.
Known first names also count on their own: capitalised if common, lower-case in chat. A
speaker label (``lege:`` at the start of a transcript line) is structure, not a title: after
it only known names, a name spoken to (``tone du tar rom fire``), or a capitalised value
filling the rest of the line (``Lege: Ingrid Bakke``), are taken. Dialogue turns
(:mod:`recognizers.no.person_dialogue`): the answer to ``og etternavnet?``, ``linn her`` and
``áslat mannen min``. Drugs, eponym diagnoses and streets are left alone
(:func:`recognizers.ner.not_names.is_not_a_person`); names listed with a found one (``Kine og
Jamal``) are added with the echoes (:mod:`recognizers.no.name_echoes`). Names with no cue
right before them are read by where they stand in a message (:mod:`recognizers.no.person_chat`:
before a phone number, ``X heter jeg``) or by the words around them
(:mod:`recognizers.no.person_prose`: ``fastlege fra X til Y``); the word after a trigger and a
comma or tab may be the next cell of a row instead (:mod:`recognizers.no.person_cells`).
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.ner.english_turns import english_lexicon
from recognizers.ner.given_names import is_nothing_else, place_before
from recognizers.ner.not_names import NOT_PEOPLE, is_not_a_person
from recognizers.ner.person_trim import MEASURES
from recognizers.no import person_qualify as qualify
from recognizers.no import person_words as words
from recognizers.no.base import NorwegianRecognizer, Verdict
from recognizers.no.names import COMMON_FIRST_NAMES, FIRST_NAMES
from recognizers.no.person_abbreviations import without_abbreviations
from recognizers.no.person_cells import CELL_GAPS, bracketed, next_cell_no_name
from recognizers.no.person_chat import chat_names
from recognizers.no.person_dialogue import answers, named_before_relative, named_here, subjects
from recognizers.no.person_layouts import layout_names
from recognizers.no.person_lexicon import is_compound, is_ordinary, lexicon
from recognizers.no.person_pronouns import pronoun_names
from recognizers.no.person_prose import prose_names
from recognizers.no.person_qualify import is_known, lower_ok, unknown_name
from recognizers.no.person_records import record_names
from recognizers.no.person_spelled import spelled_names
from recognizers.no.person_tokens import Token
from recognizers.no.person_tokens import tokens as read_tokens
from recognizers.no.person_triggers import trigger_kind

SCORE = 0.75
SCORE_KNOWN_FULL_NAME = 0.7
SCORE_KNOWN_FIRST_NAME = 0.6
MAX_NAME_WORDS = 3
MIN_SUBJECT_LETTERS = 4
MAX_SKIPPED = 2
_TRIGGER_GAPS = frozenset(
    {" ", "\t", ":", ": ", ":\t", ", ", ",\t", "=", " = ", "= ", ":  ", '": "', '":"', ': "', '="'}
    | {") ", ">", " ("}
)
"""What may stand between a trigger and the name: also ``(mamma) Faadumo``, ``fastlegen
(Guro?)`` and the tag of an XML field (``<Etternavn>Tesfamariam``)."""
_LEADER = re.compile(r"[.:_]{2,}")
"""Dot leaders of a form (``Etternavn ........ SKJÆRVØ``), skipped between label and value."""
_NAME_GAPS = frozenset({" ", "\t"})
"""What may stand between the words of one name: a space, or a tab between the given name and
the surname columns of an export (``Sara\tMagga``), not before a word in capitals."""
_LABEL_ENDINGS = ("nr", "nummer", "nummeret")
"""Identifier labels end so (``Pasnr``, ``Jnr``, ``Journalnummer``); no name does."""
_FIELD_END = re.compile(r"[ \t]*(?:$|[,;(|])", re.MULTILINE)
_PERSON_NOUNS = words.RELATIVES | words.ROLES | words.TITLES
_ROOM_NUMBER = re.compile(r"\d{1,4}[a-zA-Z]?")
_CLAUSE_END = re.compile(r"[ \t]*(?:$|[.,;:!?()])", re.MULTILINE)


_SPEAKER_TAGS = re.compile(r"^[ \t]*\[?[A-Z]+_\d+\]?", re.MULTILINE)
"""Speaker tags of a speech-to-text export opening its lines (``SPEAKER_01 ja …``)."""


_ABBREVIATION = re.compile(r"(?<![^\W\d_])[A-ZÆØÅ]{2,5}(?![^\W\d_])")
"""An abbreviation in capitals (``IVF``, ``CRP``): one capital, however many letters."""


def is_chat(text: str) -> bool:
    """Mostly lower-case prose: a chat message, where capitals say nothing about names; the
    speaker tags opening the lines of a transcript (``SPEAKER_00``) are not counted, and an
    abbreviation (``IVF``) counts as one capital."""
    if "_" in text:
        text = _SPEAKER_TAGS.sub("", text)
    letters = "".join(filter(str.isalpha, text))
    capitals = sum(map(str.isupper, letters)) - sum(
        len(abbreviation) - 1 for abbreviation in _ABBREVIATION.findall(text)
    )
    return len(letters) >= 12 and capitals <= max(2, len(letters) // 40)


_CAPITALS_PER_TURN_WORD = 20
"""A transcript is read as chat when at most one word in this many, outside its speaker
labels, starts with a capital."""


def _lower_case_turns(tokens: list[Token]) -> bool:
    """A speech-to-text transcript in lower case: its labels (``SPEAKER_00:``, ``[00:01] L:``)
    hold the only capitals, so they say nothing about names either."""
    if not any(token.label for token in tokens):
        return False
    words = [token for token in tokens if not token.label and token.word[:1].isalpha()]
    capitals = sum(1 for token in words if token.word[:1].isupper())
    return len(words) >= _CAPITALS_PER_TURN_WORD and capitals * _CAPITALS_PER_TURN_WORD <= len(
        words
    )


def _is_stop(
    token: Token, lowercase: bool, first: bool, loose: bool = False, closes: bool = False
) -> bool:
    """Ends a name: a common or structural word; in lower case, after the first word, also
    an ordinary word that is no known name (``svitlana sett deg``), unless the
    name was asked for (``loose``: ``heter ingrid sofie nakken``). A first name that is also
    a word continues a name when it closes the line or clause (``GUNNAR STEN``, ``kari
    liv.``), not before more words (``kari per dag``)."""
    lowered = token.word_lower
    return (
        (
            lowered in words.COMMON
            and (lowercase or first)
            and not qualify.capital_name(token, first)
        )
        or lowered in words.NOT_NAME_WORDS
        or lowered.endswith(_LABEL_ENDINGS)
        or (lowercase and words.is_profession(lowered))  # ``eg er turnuslækjar``
        or token.word in words.STRUCTURAL
        or (lowercase and not (first or loose) and _ends_lower_name(lowered, closes))
    )


def _ends_lower_name(lowered: str, closes: bool) -> bool:
    """Does the lower-case word ``lowered``, after the first word of a name, end it?"""
    if lowered in words.AMBIGUOUS_FIRST_NAMES:
        return not closes
    if "-" in lowered and all(is_known(part) for part in lowered.split("-")):
        return False  # ``hanne-kristin bakke-mo``: a double surname
    return is_ordinary(lowered) and not is_known(lowered)


def _upper_ok(token: Token) -> bool:
    """An ALL-CAPS word in ordinary text that may be a name rather than an abbreviation."""
    lowered = token.word_lower
    return is_known(lowered) or (len(lowered) >= 3 and not is_ordinary(lowered))


def _fits(token: Token, lowercase: bool) -> bool:
    if lowercase:
        return token.case == "low"
    return token.case == "cap" or (token.case == "up" and _upper_ok(token))


def _name_span(text: str, tokens: list[Token], j: int, shape: str) -> tuple[int, int] | None:
    """The name starting at ``tokens[j]``; ``None`` if none, or if it runs into a street.

    ``shape``: ``cap`` (capitalised or ALL-CAPS words), ``upper`` (the same, and the first
    word may be any ALL-CAPS word: ``Fastlege BRÅTEN``), ``low`` (lower-case words) or
    ``loose`` (lower-case words, the name was asked for: see :func:`_is_stop`).
    """
    lowercase, loose, upper_start = shape in ("low", "loose"), shape == "loose", shape == "upper"
    end: int | None = None
    taken, k = 0, j
    while k < len(tokens) and taken < MAX_NAME_WORDS:
        token = tokens[k]
        gap = text[tokens[k - 1].end : token.start] if k > j else " "
        if gap not in _NAME_GAPS or (gap == "\t" and token.case == "up"):
            break  # ``Maryam Sultani\tDKA``: the next cell holds a diagnosis
        if end is not None and token.word_lower in words.PARTICLES:
            k += 1
            continue
        fits = (upper_start and k == j and token.case == "up") or _fits(token, lowercase)
        closes = bool(_CLAUSE_END.match(text, token.start + len(token.word)))
        if _is_stop(token, lowercase, end is None, loose, closes) or not fits:
            break
        if token.word_lower in words.STREET_WORDS:
            return None
        end, taken, k = token.start + len(token.word), taken + 1, k + 1
        if token.word != token.text:
            break
    if end is not None and not lowercase and k < len(tokens) and _is_initial(text, tokens, k):
        end = tokens[k].end  # ``mvh Ylvisa T.``: the initial of the surname is the name's too
    return None if end is None else (tokens[j].start, end)


def _is_initial(text: str, tokens: list[Token], k: int) -> bool:
    """``tokens[k]`` is a capital with a dot right after the previous name word (``T.``)."""
    token = tokens[k]
    return (
        len(token.text) == 2
        and token.text[0].isupper()
        and token.text[1] == "."
        and text[tokens[k - 1].end : token.start] in _NAME_GAPS
    )


Spans = dict[tuple[int, int], tuple[float, str]]


def _add(spans: Spans, text: str, span: tuple[int, int] | None, score: float, why: str) -> None:
    if span is None or is_not_a_person(text, *span):
        return
    if text[span[0] : span[1]].lower() in words.EMPTY_VALUES:
        return
    if spans.get(span, (0.0, ""))[0] < score:
        spans[span] = (score, why)


def _name_after(text: str, tokens: list[Token], j: int, kind: str) -> tuple[int, int] | None:
    """The name a trigger of ``kind`` introduces at ``tokens[j]``, if it qualifies."""
    token = tokens[j]
    if kind == "verb" and token.lower in _PERSON_NOUNS:
        return None  # ``ringt dottera hennar synne``: the relative's own trigger finds the name
    if token.case in ("cap", "up"):
        return None if kind == "verb" else _capitalised_after(text, tokens, j, kind)
    if token.case != "low" or not lower_ok(tokens, j, kind):
        return None
    span = _name_span(text, tokens, j, "loose" if kind in ("naming", "answer") else "low")
    if span is None and j + 1 < len(tokens) and is_known(tokens[j + 1].word_lower):
        # ``kona til hans petter``: an ambiguous first name, stopped as a common word
        rest = _name_span(text, tokens, j + 1, "low")
        span = None if rest is None else (token.start, rest[1])
    return span


def _capitalised_after(text: str, tokens: list[Token], j: int, kind: str) -> tuple[int, int] | None:
    """The name at the capitalised or ALL-CAPS word ``tokens[j]`` after a trigger of ``kind``
    (not ``verb``): after a speaker label only a known name or a value filling the field
    (``Lege: Ingrid Bakke``); after ``gjelder`` only what may be a name in lower case too."""
    token = tokens[j]
    if token.case == "up" and kind not in ("label", "chat") and len(token.word) >= 4:
        return _name_span(text, tokens, j, "upper")
    if kind in ("about", "room") and not lower_ok(tokens, j, kind):
        return None
    span = _name_span(text, tokens, j, "cap")
    if kind != "label" or span is None or is_known(token.word_lower):
        return span
    field = not is_ordinary(token.word_lower) and _FIELD_END.match(text, span[1])
    return span if field and text[span[1] - 1] != "." else None


_REFLEXIVES = frozenset({"sin", "si", "sitt"})
_OWNERS = frozenset("min mi mitt hans hennes hennar vår din di ditt deres dykkar".split())


def _owner_genitive(tokens: list[Token], i: int, j: int) -> bool:
    """``min søster sin kontaktinfo``: after a relative that has an owner of its own, ``sin``
    makes the next word the relative's thing (the spoken genitive), not its name; ``broren
    sin najibullah`` (her brother Najibullah) has none."""
    return tokens[j].lower in _REFLEXIVES and i > 0 and tokens[i - 1].lower in _OWNERS


def _after_trigger(text: str, tokens: list[Token], i: int, kind: str, spans: Spans) -> None:
    if kind == "room":  # ``Rom 6 Liv``: the name follows the number
        if i + 2 >= len(tokens) or not _ROOM_NUMBER.fullmatch(tokens[i + 1].text):
            return
        i += 1
    j, gaps = i + 1, 0
    while j < len(tokens) - 1 and j - i <= MAX_SKIPPED:
        if (
            tokens[j].lower in words.GAP_WORDS
            and (gaps == 0 or tokens[j].lower == "er")  # ``Legen hans er Brekke``
            and not qualify.opens_name(tokens, j)
            and not _owner_genitive(tokens, i, j)
        ):
            gaps += 1
        elif tokens[j].lower not in words.FILLERS and not _LEADER.fullmatch(tokens[j].text):
            break
        j += 1
    if j >= len(tokens) or text[tokens[j - 1].end : tokens[j].start] not in _TRIGGER_GAPS:
        return
    if text[tokens[j - 1].end : tokens[j].start] in CELL_GAPS and next_cell_no_name(
        text, tokens[j].word, tokens[j].start
    ):
        return  # ``fornavn\tfdato``, ``dagvakt, Medisinsk post 3``: the next cell
    span = _name_after(text, tokens, j, kind)
    if span is not None and text[tokens[j - 1].end : tokens[j].start] == " (":
        span = bracketed(text, span)  # ``fastlegen (Guro?)``: the brackets hold the name only
    _add(spans, text, span, SCORE, "trigger")


def _continues_a_name(text: str, tokens: list[Token], i: int) -> bool:
    """True when a capitalised word that may be a name, or a name particle, sits right before
    ``tokens[i]``; a capitalised ordinary word opening a sentence (``Så Dariush har``, ``Kan
    Ousmane komme``) starts no name."""
    if i == 0 or text[tokens[i - 1].end : tokens[i].start] not in _NAME_GAPS:
        return False
    previous = tokens[i - 1]
    if previous.lower in words.PARTICLES:
        return True
    lowered = previous.word_lower
    ordinary = lowered in words.COMMON or (is_ordinary(lowered) and not is_known(lowered))
    return previous.case == "cap" and not ordinary


def _known_first(lowered: str) -> str | None:
    """The known first name the lower-cased word ``lowered`` is, or starts with
    (``stig-roland``), or is the genitive of (``pers``, ``karis``); ``None`` otherwise."""
    for candidate in (lowered, lowered.split("-", 1)[0], lowered.removesuffix("s")):
        if candidate in FIRST_NAMES:
            return candidate
    return None


def _known_name(text: str, tokens: list[Token], i: int, chat: bool, spans: Spans) -> None:
    token = tokens[i]
    first = _known_first(token.word_lower)
    genitive = first is not None and token.word_lower == first + "s"
    if first is None and token.word_lower in words.AMBIGUOUS_FIRST_NAMES:
        first = token.word_lower  # ``Per``: a name that is also a word, in no name list
    if first is None:
        return
    if first in words.AMBIGUOUS_FIRST_NAMES and not genitive:
        if _owner(text, tokens, i):
            _add(spans, text, (token.start, token.start + len(token.word)), SCORE, "owner")
        return
    if token.case == "up" and (genitive or token.word_lower in MEASURES):
        return  # ``ALS`` is a diagnosis, not Al's; ``ANA positiv`` a lab test, not Ana
    if token.case in ("cap", "up") and not _continues_a_name(text, tokens, i):
        span = _name_span(text, tokens, i, "cap")
        several = span is not None and " " in text[span[0] : span[1]].strip()
        lone = _lone_first_name(token) and not place_before(text, token.start)
        if several or first in COMMON_FIRST_NAMES or genitive or lone:
            score = SCORE_KNOWN_FULL_NAME if several or genitive else SCORE_KNOWN_FIRST_NAME
            _add(spans, text, span, score, "known-name")
    elif (chat or token.shouted) and token.case == "low" and not genitive:
        _add(spans, text, _name_span(text, tokens, i, "low"), SCORE, "known-name")


def _lone_first_name(token: Token) -> bool:
    """A capitalised word that is a listed first name as it stands and nothing else: no
    ordinary word, place, health unit, agency, drug or listed term (``Ousmane``, ``Dariush``);
    the caller also wants no preposition of place before it (``fra Berlin``). In the dev
    corpora 2,600 such words stood alone; every one was a person's name or part of an e-mail
    address or a street's name, which are identifiers too."""
    return token.case == "cap" and token.word_lower in FIRST_NAMES and is_nothing_else(token.word)


_OWNED = frozenset({"sin", "si", "sitt", "sine"})


def _owner(text: str, tokens: list[Token], i: int) -> bool:
    """A capitalised first name that is also a word, inside a sentence, owning what follows
    (``tatt Eli sine vakter``, ``Liv sitt rom``): the spoken genitive makes it a person."""
    token = tokens[i]
    if token.case != "cap" or i == 0 or i + 1 >= len(tokens):
        return False
    previous = tokens[i - 1].text
    return (
        tokens[i + 1].lower in _OWNED
        and text[token.end : tokens[i + 1].start] == " "
        and previous[-1:].isalpha()
        and not tokens[i - 1].label
    )


def _outermost(spans: Spans) -> Spans:
    """``spans`` without those inside a longer one (a layout span holds a trigger's)."""
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    kept: Spans = {}
    reach = -1
    for span in ordered:
        if span[1] <= reach:
            continue
        kept[span] = spans[span]
        reach = max(reach, span[1])
    return kept


def find_names(text: str) -> Spans:
    """Every name span of ``text`` with its score and reason; see module docstring."""
    tokens = read_tokens(text)
    chat = is_chat(text) or _lower_case_turns(tokens)
    spans: Spans = {}
    for i in range(len(tokens)):
        kind = trigger_kind(tokens, i)
        if kind is not None:
            _after_trigger(text, tokens, i, kind, spans)
        if not tokens[i].label:  # a speaker label is structure (``lis:``), not a name
            _known_name(text, tokens, i, chat, spans)
    _dialogue(text, tokens, spans, chat)
    for span in pronoun_names(text, tokens):
        _add(spans, text, span, SCORE, "pronoun")
    for start, end, score, why in (
        *layout_names(text, chat),
        *spelled_names(text),
        *record_names(text),
        *chat_names(text),
        *prose_names(text),
    ):
        _add(spans, text, (start, end), score, why)
    return _outermost(_abbreviations_cut(text, spans))


def _abbreviations_cut(text: str, spans: Spans) -> Spans:
    """``spans`` with abbreviations cut from their ends (:mod:`person_abbreviations`)."""
    cut: Spans = {}
    for (start, end), verdict in spans.items():
        span = without_abbreviations(text, start, end)
        if span is not None and span not in cut:
            cut[span] = verdict
    return cut


def _unknown_subject(token: Token) -> bool:
    """A word that may be a name said once as a subject: a known first name, or a word of four
    letters or more that is no ordinary word, no compound of two and no drug."""
    lowered = token.word_lower
    if lowered in words.AMBIGUOUS_FIRST_NAMES or lowered in words.COMMON:
        return False
    if is_known(lowered):
        return True
    if lowered in NOT_PEOPLE or lowered.endswith(_TERM_ENDINGS):
        return False
    return (
        len(lowered) >= MIN_SUBJECT_LETTERS and unknown_name(lowered) and not is_compound(lowered)
    )


_TERM_ENDINGS = tuple(
    "itt itten ose osen emi emien algi ektomi skopi grafi gram pati patien igo igoen ema emet "
    "isme ismen sjon sjonen ing ingen het heten test testen tester".split()
)
"""Endings of clinical terms, tests and abstract nouns in any form (``impetigoen``,
``artritten``, ``streptesten``):
no name said as a subject ends so."""


def _dialogue(text: str, tokens: list[Token], spans: Spans, chat: bool) -> None:
    """Answers to a question for a name, and ``kari her`` (:mod:`person_dialogue`)."""
    for j in answers(text, tokens):
        _add(spans, text, _name_after(text, tokens, j, "answer"), SCORE, "answer")

    def may_be_name(token: Token) -> bool:
        lowered = token.word_lower
        return not _is_stop(token, True, True) and (
            is_known(lowered, ambiguous_ok=True) or unknown_name(lowered)
        )

    for first, last in named_here(text, tokens, may_be_name):
        end = tokens[last].start + len(tokens[last].word)
        _add(spans, text, (tokens[first].start, end), SCORE, "here")
    # A clause's subject may be a name said once: in lower-case speech and chat any, in cased
    # text one opening a sentence before a verb of saying (``Vasanthi sier``).
    for i in subjects(tokens, _unknown_subject):
        if chat or tokens[i].case == "cap":
            _add(
                spans,
                text,
                (tokens[i].start, tokens[i].start + len(tokens[i].word)),
                SCORE,
                "subject",
            )
    for first, last in named_before_relative(text, tokens, may_be_name):
        end = tokens[last].start + len(tokens[last].word)
        _add(spans, text, (tokens[first].start, end), SCORE, "apposition")


class PersonContextRecognizer(NorwegianRecognizer):
    """Names introduced by a title, role, relative or an introduction; see module docstring."""

    ENTITY = "PERSON"
    PATTERNS = ()
    NEEDS_DIGIT = False

    def load(self) -> None:
        """Read the word lists now, not on the first request (~0.2 s, once per process): the
        Ordbank forms and the English words (:mod:`recognizers.ner.english_turns`)."""
        lexicon()
        english_lexicon()

    def analyze(
        self,
        text: str,
        entities: list[str] | None = None,
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """One pass over the words of ``text``; see module docstring."""
        if entities is not None and self.ENTITY not in entities:
            return []
        return [
            self.result(start, end, Verdict(score, {"context": why}))
            for (start, end), (score, why) in sorted(find_names(text).items())
        ]

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Unused: this recognizer scans words, not regex matches."""
        return None
