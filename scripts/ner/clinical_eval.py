"""Held-out clinical-style evaluation of sladd's NER model: PERSON recall and eponym FPs.

The sentences are generated (deterministically, from ``--seed``) from templates in
``ner/templates/eval_*`` that are never used for training, with names from the *held-out*
halves of the name lists (see ``ner_augment.is_held_out`` / ``immigrant_names``), so neither
the wording nor the names were seen during augmentation. Text is tokenised by the pipeline's
own tokenizer, as in the proxy.

    .venv/bin/python -m scripts.ner.clinical_eval --model recognizers/ner/model

With ``--detector`` the same set is scored for sladd's whole detector instead of the model
alone: rules + NER model + policy of the shipped configuration, built as
``scripts/eval/names.py`` builds them. Its predicted spans are the PERSON findings the policy
would pseudonymise, redact or block, and a name counts as covered only when they cover every
character of it (as ``scripts/eval/names.py`` counts PERSON recall). ``--model`` is not used then.

    .venv/bin/python -m scripts.ner.clinical_eval --detector

``--case lower`` / ``--case upper`` score the same sentences written all in lower case
(speech-to-text transcripts, chat) or all in capitals.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import spacy
from spacy.language import Language

from scripts.bench.corpus import covered
from scripts.ner import augment as ner_augment
from scripts.ner.augment import PARTICLES, NamePools, Terms, read_templates, read_terms

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared/data/norne"
DETECTOR_HEADING = (
    "Whole detector (rules + NER + policy of config/sladd.toml): PER = PERSON findings the "
    "policy rewrites; a name is covered when they cover all of its characters.\n"
)
PER_TEMPLATE_COPIES = 12
NEG_COPIES = 3
Mention = tuple[int, int, str]
Span = tuple[int, int]


@dataclass(frozen=True)
class Case:
    """One evaluation sentence: gold names and protected terms as character spans."""

    category: str
    text: str
    names: tuple[Mention, ...]
    terms: tuple[Mention, ...]


@dataclass(frozen=True)
class EvalPools:
    """Held-out Norwegian (NorNE-derived) and immigrant-origin names."""

    norne: NamePools
    immigrant: NamePools


def eval_pools(data: Path) -> EvalPools:
    """Name pools disjoint from those used by ``ner_augment`` for training."""
    train = ner_augment.load_norne(data / "train.jsonl")
    used = ner_augment.name_pools(train, held_out=False)
    seen = set(used.first) | set(used.last)
    first, last = ner_augment.extract_names(train)
    imm_f, imm_l = ner_augment.immigrant_names(held_out=True)

    def unseen(names: Iterable[str]) -> tuple[str, ...]:
        return tuple(n for n in names if n not in seen and ner_augment.is_held_out(n))

    return EvalPools(
        NamePools(unseen(first), unseen(last), ()),
        NamePools(
            tuple(n for n in imm_f if n not in seen), tuple(n for n in imm_l if n not in seen), ()
        ),
    )


def _double(rng: random.Random, pools: NamePools) -> str:
    a, b, last = rng.choice(pools.first), rng.choice(pools.first), rng.choice(pools.last)
    return f"{a}-{b} {last}" if rng.random() < 0.5 else f"{a} {b} {last}"


def _multi(rng: random.Random, pools: NamePools) -> str:
    first, a, b = rng.choice(pools.first), rng.choice(pools.last), rng.choice(pools.last)
    if rng.random() < 0.5:
        return f"{first} {a}-{b}"
    return f"{first} {rng.choice(PARTICLES)} {a}".replace("- ", "-")


def name_for(slot: str, rng: random.Random, pools: EvalPools) -> str | None:
    """A held-out name for a name slot, or None if ``slot`` is not a name slot."""
    nor, imm = pools.norne, pools.immigrant
    first, last = rng.choice(nor.first), rng.choice(nor.last)
    names = {
        "FULL": f"{first} {last}",
        "FIRST": first,
        "LAST": last,
        "GEN": ner_augment._genitive(f"{first} {last}"),
        "FIRSTGEN": ner_augment._genitive(first),
        "DOUBLE": _double(rng, nor),
        "MULTI": _multi(rng, nor),
        "IMM": f"{rng.choice(imm.first)} {rng.choice(imm.last)}",
        "IMMFIRST": rng.choice(imm.first),
    }
    return names.get(slot)


def term_for(slot: str, rng: random.Random, terms: Terms) -> tuple[str, str]:
    """A protected term and its kind (DIAG, DIAG_UNSEEN, ...) for a term slot."""
    if slot == "DOSE":
        return rng.choice(terms["DOSE"]), ""
    if slot == "LAB":
        value = f"{rng.uniform(0.5, 120):.1f}".replace(".", ",")
        return f"{rng.choice(terms['LAB'])} {value}{rng.choice(terms['LAB_UNIT'])}", "LAB"
    kind = f"{slot}_UNSEEN" if f"{slot}_UNSEEN" in terms and rng.random() < 0.5 else slot
    return rng.choice(terms[kind]), kind


@dataclass(frozen=True)
class Filler:
    """Everything needed to fill evaluation templates."""

    rng: random.Random
    pools: EvalPools
    terms: Terms


def render_case(
    category: str, template: str, fill: Filler, forced: tuple[str, str, str] | None = None
) -> Case:
    """Fill a template; ``forced`` = (slot, text, kind) fixes the first use of one slot."""
    rng, pools, terms = fill.rng, fill.pools, fill.terms
    lower = category == "chat" or (template[:1].islower() and rng.random() < 0.7)
    out, names, found = "", [], []
    pos = 0
    for match in ner_augment._SLOT_RE.finditer(template):
        out += template[pos : match.start()]
        slot, pos = match.group(1), match.end()
        name = name_for(slot, rng, pools)
        if name is not None:
            name = name.lower() if lower else name
            names.append((len(out), len(out) + len(name), slot))
            out += name
            continue
        if forced is not None and forced[0] == slot:
            text, kind, forced = forced[1], forced[2], None
        else:
            text, kind = term_for(slot, rng, terms)
        if kind:
            found.append((len(out), len(out) + len(text), kind))
        out += text
    out += template[pos:]
    return Case(category, out, tuple(names), tuple(found))


def positive_cases(fill: Filler) -> list[Case]:
    """Every positive template, ``PER_TEMPLATE_COPIES`` times."""
    cases = []
    for line in read_templates("eval_positive.txt"):
        category, _, template = line.partition("|")
        cases += [render_case(category, template, fill) for _ in range(PER_TEMPLATE_COPIES)]
    return cases


def negative_cases(fill: Filler) -> list[Case]:
    """Each listed diagnosis, drug and lab term in ``NEG_COPIES`` person-free sentences."""
    templates = read_templates("eval_negative.txt")
    rng, terms = fill.rng, fill.terms
    cases = []
    for slot in ("DIAG", "DRUG", "LAB"):
        usable = [t for t in templates if "{" + slot + "}" in t]
        for kind in (slot, f"{slot}_UNSEEN"):
            for term in terms.get(kind, []):
                for template in rng.sample(usable, min(NEG_COPIES, len(usable))):
                    text = term_for(slot, rng, terms)[0].split(" ", 1) if slot == "LAB" else []
                    value = f"{term} {text[1]}" if text else term
                    cases.append(render_case("negative", template, fill, (slot, value, kind)))
    return cases


CASES: dict[str, Callable[[str], str]] = {"cased": str, "lower": str.lower, "upper": str.upper}
"""The set as written, or every sentence in lower case (transcripts, chat) or capitals."""


def generate(data: Path, seed: int = 0, case: str = "cased") -> list[Case]:
    """The whole evaluation set (positives then negatives), deterministic for ``seed``.

    ``case`` rewrites every sentence (``CASES``); spans stay valid, since a sentence whose
    length the rewrite would change is kept as it is.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible data, not security
    fill = Filler(rng, eval_pools(data), read_terms("eval_terms.json"))
    cases = positive_cases(fill) + negative_cases(fill)
    change = CASES[case]
    return [
        replace(c, text=change(c.text)) if len(change(c.text)) == len(c.text) else c for c in cases
    ]


def _covered(span: Mention, predicted: Iterable[tuple[int, int]], text: str) -> bool:
    """True if every non-space character of ``span`` lies inside some predicted span."""
    return all(
        text[i].isspace() or any(s <= i < e for s, e in predicted) for i in range(span[0], span[1])
    )


def _covered_whole(span: Mention, predicted: Sequence[Span], text: str) -> bool:
    """True if the predicted spans together cover every character of ``span`` (spaces too)."""
    return covered(predicted, span[0], span[1])


def _overlaps(span: Mention, predicted: Iterable[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in predicted)


@dataclass
class ClinicalReport:
    """Counts from one evaluation run."""

    names: Counter[str] = field(default_factory=Counter)
    covered: Counter[str] = field(default_factory=Counter)
    exact: Counter[str] = field(default_factory=Counter)
    terms: Counter[str] = field(default_factory=Counter)
    term_fp: Counter[str] = field(default_factory=Counter)
    other_fp: int = 0
    negatives: int = 0
    missed: list[str] = field(default_factory=list)
    fp_examples: list[str] = field(default_factory=list)
    covers: Callable[[Mention, Sequence[Span], str], bool] = _covered
    """When ``predicted`` covers a gold name (the model's rule: its non-space characters)."""

    def add(self, case: Case, predicted: list[tuple[int, int]]) -> None:
        """Score one case given the predicted PER character spans."""
        for span in case.names:
            self.names[case.category] += 1
            ok = self.covers(span, predicted, case.text)
            self.covered[case.category] += ok
            self.exact[case.category] += (span[0], span[1]) in predicted
            if not ok:
                self.missed.append(f"[{case.category}] {case.text}")
        for term in case.terms:
            self.terms[term[2]] += 1
            if _overlaps(term, predicted):
                self.term_fp[term[2]] += 1
                self.fp_examples.append(case.text)
        known = [*case.names, *case.terms]
        self.other_fp += sum(not any(s < k[1] and k[0] < e for k in known) for s, e in predicted)
        self.negatives += case.category == "negative"

    def markdown(self, examples: int = 8) -> str:
        """The report as Markdown tables plus a few error examples."""
        total, cov = sum(self.names.values()), sum(self.covered.values())
        lines = ["| category | names | recall (fully covered) | exact span |", "|---|---|---|---|"]
        for cat in sorted(self.names):
            n = self.names[cat]
            lines.append(
                f"| {cat} | {n} | {self.covered[cat] / n:.3f} | {self.exact[cat] / n:.3f} |"
            )
        lines.append(
            f"| **all** | {total} | **{cov / max(1, total):.3f}** | "
            f"{sum(self.exact.values()) / max(1, total):.3f} |"
        )
        lines += [
            "",
            "| protected term kind | mentions | tagged PER (false positives) |",
            "|---|---|---|",
        ]
        lines += [f"| {k} | {self.terms[k]} | {self.term_fp[k]} |" for k in sorted(self.terms)]
        lines += [
            "",
            f"Other PER false positives (overlapping no gold name or term): {self.other_fp} "
            f"({self.negatives} person-free sentences, {total} gold names).",
        ]
        lines += ["", "Missed names (first few):", *[f"- {m}" for m in self.missed[:examples]]]
        lines += [
            "",
            "Term false positives (first few):",
            *[f"- {m}" for m in self.fp_examples[:examples]],
        ]
        return "\n".join(lines)


def predicted_per(nlp: Language, texts: list[str]) -> list[list[tuple[int, int]]]:
    """Character spans of PER entities for each text."""
    return [
        [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
        for doc in nlp.pipe(texts, batch_size=256)
    ]


def detector_per(texts: list[str]) -> list[list[Span]]:
    """Character spans of the PERSON findings that the shipped detector and policy rewrite."""
    from scripts.eval import names as eval_names  # noqa: PLC0415 - loads the proxy, only --detector needs it

    detector, policy = eval_names.shipped()
    return [
        [(f.start, f.end) for f in found if f.entity_type == "PERSON"]
        for found in eval_names.rewritten_findings(detector, policy, texts)
    ]


def score(cases: Sequence[Case], predicted: Sequence[list[Span]], report: ClinicalReport) -> None:
    """Add every case, given its predicted PER spans, to ``report``."""
    for case, spans in zip(cases, predicted, strict=True):
        report.add(case, spans)


def evaluate(
    nlp: Language, data: Path = DEFAULT_DATA, seed: int = 0, case: str = "cased"
) -> ClinicalReport:
    """Run ``nlp`` over the generated evaluation set and count hits and false positives."""
    cases = generate(data, seed, case)
    report = ClinicalReport()
    score(cases, predicted_per(nlp, [c.text for c in cases]), report)
    return report


def evaluate_detector(cases: Sequence[Case]) -> ClinicalReport:
    """Score sladd's whole detector (see module docstring) on ``cases``."""
    report = ClinicalReport(covers=_covered_whole)
    score(cases, detector_per([c.text for c in cases]), report)
    return report


def main(argv: list[str] | None = None) -> None:
    """CLI: evaluate a saved pipeline, or dump the generated set."""
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument(
        "--model", type=Path, default=Path(__file__).resolve().parents[2] / "recognizers/ner/model"
    )
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="NorNE dir (name lists)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--examples", type=int, default=8, help="error examples to print")
    p.add_argument("--dump", action="store_true", help="print the generated sentences and exit")
    p.add_argument("--case", choices=sorted(CASES), default="cased", help="rewrite the set's case")
    p.add_argument(
        "--detector",
        action="store_true",
        help="score the whole detector (rules + NER + policy, config/sladd.toml), not --model",
    )
    args = p.parse_args(argv)
    if args.dump:
        for case in generate(args.data, args.seed, args.case):
            print(f"{case.category}\t{case.text}")
        return
    if args.detector:
        print(DETECTOR_HEADING)
        cases = generate(args.data, args.seed, args.case)
        print(evaluate_detector(cases).markdown(args.examples))
        return
    report = evaluate(spacy.load(args.model), args.data, args.seed, args.case)
    print(report.markdown(args.examples))


if __name__ == "__main__":
    main()
