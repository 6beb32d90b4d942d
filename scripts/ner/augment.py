"""NorNE loading and clinical-register augmentation for sladd's Norwegian NER model.

Everything here is deterministic given a ``random.Random``: the same seed gives the same
training set. Names come only from NorNE's own PER annotations (train split) plus a short
hand-written list of immigrant-origin names; each list is split by a stable hash into a
*train* part (used here) and a *held-out* part (used only by ``scripts/ner/clinical_eval.py``).
"""

from __future__ import annotations

import json
import random
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from recognizers.no.names import read_words

LABEL_MAP: dict[str, str] = {
    "PER": "PER",
    "ORG": "ORG",
    "GPE_ORG": "ORG",
    "LOC": "LOC",
    "GPE_LOC": "LOC",
}
"""NorNE type -> pipeline label; types not listed (PROD, EVT, DRV, MISC) become O."""

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
HOLDOUT_PERCENT = 25
"""Share of each name list reserved for the held-out clinical evaluation."""


@dataclass(frozen=True)
class Sentence:
    """One tokenised sentence with IOB2 tags over the merged label set."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    spaces: tuple[bool, ...] | None = None

    def text(self) -> str:
        """The raw sentence (single spaces where NorNE gives no spacing)."""
        spaces = self.spaces or tuple(True for _ in self.tokens)
        return "".join(
            t + (" " if s else "") for t, s in zip(self.tokens, spaces, strict=True)
        ).strip()


@dataclass(frozen=True)
class NamePools:
    """First names, surnames and places to draw from."""

    first: tuple[str, ...]
    last: tuple[str, ...]
    places: tuple[str, ...]


MINOR_LABELS = frozenset({"PROD", "EVT", "DRV"})
"""NorNE types that ``--keep-minor`` keeps as labels of their own (the proxy ignores them)."""


def map_tag(tag: str, keep_minor: bool = False) -> str:
    """Map one NorNE IOB2 tag onto the merged label set."""
    if tag == "O":
        return tag
    prefix, _, label = tag.partition("-")
    merged = label if keep_minor and label in MINOR_LABELS else LABEL_MAP.get(label)
    return f"{prefix}-{merged}" if merged else "O"


def load_norne(path: Path, keep_minor: bool = False) -> list[Sentence]:
    """Read a NorNE JSONL split, mapping tags onto ``LABEL_MAP`` (plus minor types if kept)."""
    sentences = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            spaces = tuple(row["spaces"]) if "spaces" in row else None
            tags = tuple(map_tag(t, keep_minor) for t in row["tags"])
            sentences.append(Sentence(tuple(row["tokens"]), tags, spaces))
    return sentences


def spans(tags: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, label)`` token spans from IOB2 tags."""
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not tag.startswith("I-"):
            yield start, i, label
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]


def to_doc(nlp: Language, sentence: Sentence) -> Doc:
    """Build a gold ``Doc`` (gold tokenisation) with entities from the tags."""
    spaces = list(sentence.spaces) if sentence.spaces else None
    doc = Doc(nlp.vocab, words=list(sentence.tokens), spaces=spaces)
    doc.ents = [Span(doc, s, e, label=lbl) for s, e, lbl in spans(sentence.tags)]
    return doc


# ---------------------------------------------------------------------------
# Name lists
# ---------------------------------------------------------------------------

_NAME_RE = re.compile(
    r"^[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáíóúñçšžčćłńśźżąęė']+(-[A-ZÆØÅ][a-zæøåäöüéèáíóú]+)?$"
)
_NOT_NAMES = frozenset(
    {"Gud", "Guds", "Kongen", "Dronningen", "Kristus", "Jesus", "Herren", "Statsministeren"}
    | {"Presidenten", "Fly", "Far", "Mor"}
)


def is_held_out(name: str) -> bool:
    """Stable split: True for the share of names reserved for evaluation."""
    return zlib.crc32(name.lower().encode("utf-8")) % 100 < HOLDOUT_PERCENT


def _plausible(token: str) -> bool:
    return len(token) >= 2 and token not in _NOT_NAMES and bool(_NAME_RE.match(token))


def _drop_genitives(names: Iterable[str], known: Counter[str]) -> list[str]:
    return sorted(n for n in names if not (n.endswith("s") and n[:-1] in known))


def extract_names(sentences: Iterable[Sentence]) -> tuple[list[str], list[str]]:
    """First names and surnames from multi-token PER spans (all of them, unsplit).

    A token is a first name if it starts such spans more often than it ends them, else a
    surname; genitives (``Hansens`` next to ``Hansen``) are dropped.
    """
    first: Counter[str] = Counter()
    last: Counter[str] = Counter()
    for sent in sentences:
        for start, end, label in spans(sent.tags):
            toks = sent.tokens[start:end]
            if label == "PER" and len(toks) >= 2 and all(_plausible(t) for t in toks):
                first[toks[0]] += 1
                last[toks[-1]] += 1
    known = first + last
    firsts = [n for n in first if first[n] > last[n]]
    lasts = [n for n in last if last[n] >= first[n]]
    return _drop_genitives(firsts, known), _drop_genitives(lasts, known)


def extract_places(sentences: Iterable[Sentence]) -> list[str]:
    """Single-token LOC names seen in NorNE (for place slots in templates)."""
    places: Counter[str] = Counter()
    for sent in sentences:
        for start, end, label in spans(sent.tags):
            if label == "LOC" and end - start == 1 and _plausible(sent.tokens[start]):
                places[sent.tokens[start]] += 1
    return sorted(p for p, n in places.items() if n >= 2)


PARTICLES = ("van der", "van", "de", "von", "de la", "dos", "al-", "bin", "ter", "van den")


def immigrant_names(held_out: bool) -> tuple[list[str], list[str]]:
    """The train (``held_out=False``) or evaluation half of ``immigrant_names.json``."""
    data = json.loads((TEMPLATE_DIR / "immigrant_names.json").read_text(encoding="utf-8"))

    def pick(groups: dict[str, list[str]]) -> list[str]:
        return sorted(
            {
                n
                for names in groups.values()
                for i, n in enumerate(names)
                if (i % 2 == 1) == held_out
            }
        )

    return pick(data["first"]), pick(data["last"])


PSEUDO_NAMES = 1500
"""Invented first names and surnames added to the training pools (see ``pseudo_names``)."""


def pseudo_names(names: Sequence[str], forbidden: frozenset[str], count: int) -> list[str]:
    """Invented name-like words from a character trigram model of ``names``.

    They keep the model from memorising a fixed list of names (it must learn the contexts
    and shapes of names). Words in ``forbidden`` (every extracted or hand-written name, both
    halves, and every NorNE token) are rejected, so neither held-out evaluation names nor
    ordinary words are produced.
    """
    model: dict[str, list[str]] = {}
    for name in names:
        padded = f"^^{name.lower()}$"
        for i in range(2, len(padded)):
            model.setdefault(padded[i - 2 : i], []).append(padded[i])
    rng = random.Random(len(names))  # noqa: S311 - reproducible data, not security
    lower = {n.lower() for n in forbidden}
    out: set[str] = set()
    while len(out) < count:
        word = "^^"
        while word[-1] != "$" and len(word) < 16:
            word += rng.choice(model[word[-2:]])
        word = word.strip("^$")
        if 3 <= len(word) <= 13 and word not in lower:
            out.add("-".join(part.capitalize() for part in word.split("-")))
    return sorted(out)


WORLD_LISTS = Path(__file__).resolve().parents[2] / "recognizers" / "no"
WORLD_NAMES = 0
"""Names per pool drawn from the recognizers' lists of many origins (Faker's; see
``scripts/corpus/world_names.py``); 0 leaves them out (the recipe before they existed)."""


def world_names(kind: str, count: int, forbidden: frozenset[str]) -> list[str]:
    """``count`` capitalised names from ``recognizers/no/{kind}_world.txt``: a stable,
    hash-ordered choice among those outside the held-out share and outside ``forbidden``
    (the evaluation side's names, lower-case), so no evaluation name is trained on."""
    if count <= 0:
        return []
    listed = read_words(WORLD_LISTS / f"{kind}_world.txt")
    names = [name for name in listed if not is_held_out(name) and name not in forbidden]
    names.sort(key=lambda name: (zlib.crc32(name.encode("utf-8")), name))
    return ["-".join(part.capitalize() for part in name.split("-")) for name in names[:count]]


def name_pools(
    train: Sequence[Sentence],
    held_out: bool,
    pseudo: int = PSEUDO_NAMES,
    world: int = WORLD_NAMES,
) -> NamePools:
    """Names for one side of the train/evaluation split.

    Training side: NorNE-derived and hand-written names plus invented ones and (``world``)
    names of many origins; evaluation side: only real names from the held-out halves.
    """
    first, last = extract_names(train)
    imm_first, imm_last = immigrant_names(held_out)
    keep = [n for n in first if is_held_out(n) == held_out] + imm_first * 3
    keep_last = [n for n in last if is_held_out(n) == held_out] + imm_last * 3
    places = [p for p in extract_places(train) if is_held_out(p) == held_out]
    if not held_out:
        held_first, held_last = immigrant_names(True)
        vocab = {t.lower() for sent in train for t in sent.tokens}
        every = frozenset([*first, *last, *held_first, *held_last, *imm_first, *imm_last, *vocab])
        keep += pseudo_names(first + imm_first, every, pseudo)
        keep_last += pseudo_names(last + imm_last, every, pseudo)
        evaluation = frozenset(n.lower() for n in [*held_first, *held_last])
        keep += world_names("first_names", world, evaluation)
        keep_last += world_names("surnames", world, evaluation)
    return NamePools(tuple(keep), tuple(keep_last), tuple(places))


NAME_SHAPES: tuple[tuple[str, int], ...] = (
    ("{f} {l}", 45),
    ("{f} {f2} {l}", 15),
    ("{f}-{f2} {l}", 10),
    ("{f} {l}-{l2}", 10),
    ("{f} {p} {l}", 7),
    ("{f}", 7),
    ("{l}", 6),
)
"""Name layouts and their relative weights (f/f2 first names, l/l2 surnames, p particle)."""


def person_name(rng: random.Random, pools: NamePools) -> str:
    """A random personal name in one of the shapes seen in Norwegian records."""
    shape = rng.choices([s for s, _ in NAME_SHAPES], weights=[w for _, w in NAME_SHAPES])[0]
    name = shape.format(
        f=rng.choice(pools.first),
        f2=rng.choice(pools.first),
        l=rng.choice(pools.last),
        l2=rng.choice(pools.last),
        p=rng.choice(PARTICLES),
    )
    return name.replace("- ", "-")


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------

_SLOT_RE = re.compile(r"\{([A-Z_]+)\}")
Terms = dict[str, list[str]]


@dataclass(frozen=True)
class Rendered:
    """A rendered template: raw text plus labelled character spans."""

    text: str
    ents: tuple[tuple[int, int, str], ...]


def read_templates(name: str) -> list[str]:
    """Non-empty, non-comment lines of ``ner/templates/<name>``."""
    lines = (TEMPLATE_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def read_terms(name: str) -> Terms:
    """Slot fillers (diagnoses, drugs, labs, doses) from a JSON file in ``ner_templates``."""
    data: Terms = json.loads((TEMPLATE_DIR / name).read_text(encoding="utf-8"))
    return data


def _genitive(name: str) -> str:
    return name + ("'" if name[-1] in "sxz" else "s")


def _lab(rng: random.Random, terms: Terms) -> str:
    value = (
        f"{rng.uniform(0.1, 150):.1f}".replace(".", ",")
        if rng.random() < 0.7
        else str(rng.randint(1, 400))
    )
    return f"{rng.choice(terms['LAB'])} {value}{rng.choice(terms['LAB_UNIT'])}"


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(1990, 2025)}"


def fill_slot(slot: str, rng: random.Random, pools: NamePools, terms: Terms) -> tuple[str, str]:
    """Text for one slot and its label ("" for no entity)."""
    first, last = rng.choice(pools.first), rng.choice(pools.last)
    fillers: dict[str, tuple[str, str]] = {
        "PER": (person_name(rng, pools), "PER"),
        "FULL": (person_name(rng, pools) if rng.random() < 0.5 else f"{first} {last}", "PER"),
        "FIRST": (first, "PER"),
        "LAST": (last, "PER"),
        "GEN": (_genitive(f"{first} {last}"), "PER"),
        "FIRSTGEN": (_genitive(first), "PER"),
        "LOC": (rng.choice(pools.places), "LOC"),
        "LAB": (_lab(rng, terms), ""),
        "AGE": (str(rng.randint(1, 99)), ""),
        "DATE": (_date(rng), ""),
    }
    if slot in fillers:
        return fillers[slot]
    if slot == "DIAG" and rng.random() < 0.35:
        return synthetic_eponym(rng, pools, terms), ""
    if slot == "DRUG" and rng.random() < 0.3:
        return pseudo_drug(rng, terms), ""
    return rng.choice(terms[slot]), ""


def synthetic_eponym(rng: random.Random, pools: NamePools, terms: Terms) -> str:
    """``<Surname>s <disease noun>`` (e.g. ``Nordbøs syndrom``): an eponym that is not a PER."""
    name = rng.choice(pools.last)
    if rng.random() < 0.15:
        name = f"{name}-{rng.choice(pools.last)}"
    return f"{_genitive(name)} {rng.choice(terms['EPONYM_HEAD'])}"


def pseudo_drug(rng: random.Random, terms: Terms) -> str:
    """An invented brand-like drug name built from syllables and a drug-like ending."""
    stem = "".join(rng.choice(terms["DRUG_SYLLABLE"]) for _ in range(rng.randint(1, 2)))
    name = (stem + rng.choice(terms["DRUG_ENDING"])).capitalize()
    return name + rng.choice(["", "", "", " Retard", " Depot", "-E", " Mite", " forte"])


def render(template: str, rng: random.Random, pools: NamePools, terms: Terms) -> Rendered:
    """Fill every slot of ``template``; names are lowercased in chat-like lowercase lines."""
    lower_names = template[:1].islower() and rng.random() < 0.75
    parts: list[str] = []
    ents: list[tuple[int, int, str]] = []
    pos, length = 0, 0
    for match in _SLOT_RE.finditer(template):
        parts.append(template[pos : match.start()])
        length += match.start() - pos
        text, label = fill_slot(match.group(1), rng, pools, terms)
        if label == "PER" and lower_names:
            text = text.lower()
        if label:
            ents.append((length, length + len(text), label))
        parts.append(text)
        length += len(text)
        pos = match.end()
    parts.append(template[pos:])
    return Rendered("".join(parts), tuple(ents))


def rendered_doc(nlp: Language, item: Rendered) -> Doc | None:
    """Tokenise a rendered template; None if an entity does not align with tokens."""
    doc = nlp.make_doc(item.text)
    found = [doc.char_span(s, e, label=lbl, alignment_mode="strict") for s, e, lbl in item.ents]
    if any(span is None for span in found):
        return None
    doc.ents = [span for span in found if span is not None]
    return doc


# ---------------------------------------------------------------------------
# NorNE sentence augmentation
# ---------------------------------------------------------------------------


def _replacement(
    original: Sequence[str], rng: random.Random, pools: NamePools, known: frozenset[str]
) -> list[str]:
    """Name tokens of the same length as ``original``, keeping a genitive -s."""
    if len(original) == 1:
        new = [rng.choice(pools.first if rng.random() < 0.5 else pools.last)]
    else:
        new = [rng.choice(pools.first) for _ in original[:-1]] + [rng.choice(pools.last)]
    end = original[-1]
    if end.endswith("s") and end[:-1] in known:
        new[-1] = _genitive(new[-1])
    return new


def swap_names(
    sent: Sentence, rng: random.Random, pools: NamePools, known: frozenset[str]
) -> Sentence:
    """Replace every PER span with other names (token count preserved).

    ``known`` holds the name tokens seen in NorNE, to recognise genitives (``Hansens``).
    """
    tokens = list(sent.tokens)
    for start, end, label in spans(sent.tags):
        if label == "PER":
            tokens[start:end] = _replacement(tokens[start:end], rng, pools, known)
    return Sentence(tuple(tokens), sent.tags, sent.spaces)


def lowercase(sent: Sentence) -> Sentence:
    """The whole sentence in lower case (chat register); tags unchanged."""
    return Sentence(tuple(t.lower() for t in sent.tokens), sent.tags, sent.spaces)


def uppercase(sent: Sentence) -> Sentence:
    """The whole sentence in capitals (shouted chat, admin fields); tags unchanged."""
    return Sentence(tuple(t.upper() for t in sent.tokens), sent.tags, sent.spaces)


FILLERS = ("eh", "ehm", "øh", "altså", "liksom", "ja", "nei", "på en måte", "du vet", "sånn")
"""Spoken fillers inserted into transcript copies (always O)."""
SPEAKERS = ("lege:", "pasient:", "sykepleier:", "SPEAKER_00:", "SPEAKER_01:", "pårørende:")
"""Speaker labels a transcription tool may put at the start of a turn (always O)."""


def _is_punct(token: str) -> bool:
    return not any(c.isalnum() for c in token)


def transcript(sent: Sentence, rng: random.Random) -> Sentence:
    """A speech-to-text version: lower case, punctuation gone, fillers, maybe a speaker label.

    Only O punctuation is dropped and fillers never go inside an entity (not before an
    ``I-`` tag), so every entity keeps its tokens and tags.
    """
    tokens: list[str] = []
    tags: list[str] = []
    if rng.random() < 0.3:
        tokens += [rng.choice(SPEAKERS)[:-1], ":"]
        tags += ["O", "O"]
    for token, tag in zip(sent.tokens, sent.tags, strict=True):
        if tag == "O" and _is_punct(token):
            continue
        if not tag.startswith("I-") and rng.random() < 0.06:
            filler = rng.choice(FILLERS).split()
            tokens += filler
            tags += ["O"] * len(filler)
        tokens.append(token.lower())
        tags.append(tag)
    spaces = tuple(i + 1 == len(tokens) or tokens[i + 1] != ":" for i in range(len(tokens)))
    return Sentence(tuple(tokens), tuple(tags), spaces)


def doc_sentence(doc: Doc) -> Sentence:
    """A gold ``Doc`` back as a tagged ``Sentence`` (to give templates case copies)."""
    tags = tuple(f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc)
    return Sentence(tuple(t.text for t in doc), tags, tuple(bool(t.whitespace_) for t in doc))


@dataclass(frozen=True)
class AugmentPlan:
    """How much augmentation to add.

    ``swap``/``lower``: fractions of NorNE sentences containing PER that get a name-swapped
    and a swapped lower-case copy. ``case_lower``/``case_upper``/``transcript``: fractions of
    every NorNE sentence and rendered template that get a lower-case, an upper-case and a
    transcript copy (names swapped with probability ``swap``), so that names are found
    whatever the case without the cased majority losing its weight.
    """

    swap: float = 0.5
    lower: float = 0.25
    positive_templates: int = 6000
    negative_templates: int = 3000
    pseudo_names: int = PSEUDO_NAMES
    world_names: int = WORLD_NAMES
    case_lower: float = 0.0
    case_upper: float = 0.0
    transcript: float = 0.0


def case_copies(
    sents: Sequence[Sentence],
    rng: random.Random,
    pools: NamePools,
    plan: AugmentPlan,
    known: frozenset[str],
) -> list[Sentence]:
    """Lower-case, upper-case and transcript copies of shares of ``sents`` (see AugmentPlan)."""
    out: list[Sentence] = []
    for sent in sents:
        for share, change in (
            (plan.case_lower, lowercase),
            (plan.case_upper, uppercase),
            (plan.transcript, lambda s: transcript(s, rng)),
        ):
            if share and rng.random() < share:  # no draw at 0: older recipes stay as they were
                swapped = swap_names(sent, rng, pools, known) if rng.random() < plan.swap else sent
                out.append(change(swapped))
    return out


def person_tokens(sents: Iterable[Sentence]) -> frozenset[str]:
    """Every token inside a PER span (to recognise genitives when swapping names)."""
    return frozenset(
        s.tokens[i]
        for s in sents
        for a, b, lbl in spans(s.tags)
        if lbl == "PER"
        for i in range(a, b)
    )


def augment_norne(
    train: Sequence[Sentence], rng: random.Random, pools: NamePools, plan: AugmentPlan
) -> list[Sentence]:
    """Name-swapped and lowercased copies of NorNE sentences that contain PER."""
    with_per = [s for s in train if any(lbl == "PER" for _, _, lbl in spans(s.tags))]
    known = person_tokens(with_per)
    out = [swap_names(s, rng, pools, known) for s in with_per if rng.random() < plan.swap]
    out += [
        lowercase(swap_names(s, rng, pools, known)) for s in with_per if rng.random() < plan.lower
    ]
    return out


def template_docs(
    nlp: Language, rng: random.Random, pools: NamePools, plan: AugmentPlan
) -> list[Doc]:
    """Rendered positive and negative training templates as gold Docs."""
    terms = read_terms("train_terms.json")
    jobs = [
        (read_templates("train_positive.txt"), plan.positive_templates),
        (read_templates("train_negative.txt"), plan.negative_templates),
    ]
    docs = []
    for templates, count in jobs:
        for _ in range(count):
            doc = rendered_doc(nlp, render(rng.choice(templates), rng, pools, terms))
            if doc is not None:
                docs.append(doc)
    return docs


def training_docs(
    nlp: Language, train: Sequence[Sentence], seed: int, plan: AugmentPlan | None
) -> list[Doc]:
    """NorNE train Docs plus (unless ``plan`` is None) augmentation, shuffled by ``seed``.

    Augmentation: name-swapped NorNE sentences, rendered clinical templates, and lower-case,
    capitals and transcript copies of a share of both (:func:`case_copies`).
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible data, not security
    docs = [to_doc(nlp, s) for s in train]
    if plan is not None:
        pools = name_pools(train, held_out=False, pseudo=plan.pseudo_names, world=plan.world_names)
        docs += [to_doc(nlp, s) for s in augment_norne(train, rng, pools, plan)]
        templates = template_docs(nlp, rng, pools, plan)
        docs += templates
        sources = [*train, *(doc_sentence(d) for d in templates)]
        copies = case_copies(sources, rng, pools, plan, person_tokens(train))
        docs += [to_doc(nlp, s) for s in copies]
    rng.shuffle(docs)
    return docs
