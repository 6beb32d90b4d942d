"""Train sladd's Norwegian NER pipeline (tok2vec + ner) on NorNE plus clinical augmentation.

Reproducible: one ``--seed`` drives augmentation, shuffling and spaCy's initialisation, and
numpy/BLIS run single-threaded. Nothing is downloaded: no pretrained vectors, no model hub.

    .venv/bin/python -m scripts.ner.train                 # full run (see model_card.md)
    .venv/bin/python -m scripts.ner.train --max-steps 200 --out /tmp/ner_quick   # smoke test
    .venv/bin/python -m scripts.ner.train --evaluate --case lower   # score the model on dev

``--case-lower``, ``--case-upper`` and ``--transcript`` add lower-case, capitals and
speech-to-text copies of a share of the training text, so that names are found in
transcripts, chat and forms, not only in edited prose.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training.pretrain import pretrain as spacy_pretrain
from spacy.util import load_config_from_str

from scripts.ner import augment as ner_augment
from scripts.ner import clinical_eval as ner_clinical_eval

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared/data/norne"
DEFAULT_OUT = REPO / "recognizers/ner/model"
DEFAULT_CARD = REPO / "recognizers/ner/model_card.md"
NOTES = Path(__file__).resolve().parent / "templates/model_card_notes.md"
CASES = {"cased": None, "lower": ner_augment.lowercase, "upper": ner_augment.uppercase}
"""Versions of NorNE dev: as written, all lower case (transcripts, chat), all capitals."""
CONFIG = (Path(__file__).resolve().parent / "templates/spacy_config.cfg").read_text(
    encoding="utf-8"
)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options; defaults are the committed recipe."""
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="dir with NorNE train.jsonl/dev.jsonl"
    )
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the finished pipeline goes")
    p.add_argument("--card", type=Path, default=DEFAULT_CARD, help="model card to write")
    p.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "ner_runs/work",
        help="scratch dir",
    )
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-steps", type=int, default=8000, help="training updates")
    p.add_argument("--patience", type=int, default=2000, help="stop after N steps without dev gain")
    p.add_argument("--eval-frequency", type=int, default=500)
    p.add_argument("--width", type=int, default=64, help="tok2vec width")
    p.add_argument("--depth", type=int, default=4, help="tok2vec CNN depth")
    p.add_argument(
        "--rows", default="12000,2000,6000,1000", help="hash rows NORM,PREFIX,SUFFIX,SHAPE"
    )
    p.add_argument(
        "--embed", choices=["hash", "char"], default="hash", help="MultiHashEmbed or CharacterEmbed"
    )
    p.add_argument("--ner-hidden", type=int, default=64, help="ner state hidden width")
    p.add_argument("--dropout", type=float, default=0.15)
    p.add_argument("--no-augment", action="store_true", help="train on NorNE only")
    p.add_argument("--templates", type=int, default=6000, help="positive template sentences")
    p.add_argument("--negatives", type=int, default=3000, help="negative template sentences")
    p.add_argument("--swap", type=float, default=0.5, help="share of PER sentences name-swapped")
    p.add_argument("--lower", type=float, default=0.10, help="share of PER sentences lowercased")
    p.add_argument(
        "--case-lower", type=float, default=0.15, help="share of all sentences: lower-case copy"
    )
    p.add_argument(
        "--case-upper", type=float, default=0.07, help="share of all sentences: upper-case copy"
    )
    p.add_argument(
        "--transcript", type=float, default=0.10, help="share of all sentences: transcript copy"
    )
    p.add_argument(
        "--drop-minor",
        dest="keep_minor",
        action="store_false",
        help="train PROD/EVT/DRV as O instead of as labels of their own",
    )
    p.add_argument("--pseudo-names", type=int, default=1500, help="invented names per pool")
    p.add_argument(
        "--world-names", type=int, default=0, help="names of many origins per pool (Faker's)"
    )
    p.add_argument("--pretrain-epochs", type=int, default=0, help="char-objective pretraining")
    p.add_argument(
        "--evaluate",
        action="store_true",
        help="only score the pipeline at --out on NorNE dev (see --case) and exit",
    )
    p.add_argument(
        "--case", choices=sorted(CASES), default="cased", help="NorNE dev version for --evaluate"
    )
    return p.parse_args(argv)


CHAR_EMBED = """[components.tok2vec.model.embed]
@architectures = "spacy.CharacterEmbed.v2"
width = ${components.tok2vec.model.encode.width}
rows = 12000
nM = 64
nC = 8
include_static_vectors = false
"""


def config_text(args: argparse.Namespace) -> str:
    """The training config; ``--embed char`` swaps in a CharacterEmbed layer."""
    if args.embed == "hash":
        return CONFIG
    start = CONFIG.index("[components.tok2vec.model.embed]")
    end = CONFIG.index("[components.tok2vec.model.encode]")
    return CONFIG[:start] + CHAR_EMBED + "\n" + CONFIG[end:]


def config_overrides(
    args: argparse.Namespace, work: Path, init_tok2vec: Path | None
) -> dict[str, object]:
    """spaCy config overrides for this run."""
    rows = [int(r) for r in args.rows.split(",")]
    return {
        "paths.train": str(work / "train.spacy"),
        "paths.dev": str(work / "dev.spacy"),
        "paths.raw_text": str(work / "raw.jsonl"),
        "paths.init_tok2vec": str(init_tok2vec) if init_tok2vec else None,
        "system.seed": args.seed,
        "components.tok2vec.model.encode.width": args.width,
        "components.tok2vec.model.encode.depth": args.depth,
        "components.tok2vec.model.embed.rows": rows if args.embed == "hash" else rows[0],
        "components.ner.model.hidden_width": args.ner_hidden,
        "training.max_steps": args.max_steps,
        "training.patience": args.patience,
        "training.eval_frequency": args.eval_frequency,
        "training.dropout": args.dropout,
    }


def build_corpora(args: argparse.Namespace, work: Path) -> tuple[int, int]:
    """Write train/dev DocBins and pretraining raw text; return (train docs, dev docs)."""
    nlp = spacy.blank("nb")
    train = ner_augment.load_norne(args.data / "train.jsonl", args.keep_minor)
    dev = ner_augment.load_norne(args.data / "dev.jsonl", args.keep_minor)
    plan = (
        None
        if args.no_augment
        else ner_augment.AugmentPlan(
            swap=args.swap,
            lower=args.lower,
            positive_templates=args.templates,
            negative_templates=args.negatives,
            pseudo_names=args.pseudo_names,
            world_names=args.world_names,
            case_lower=args.case_lower,
            case_upper=args.case_upper,
            transcript=args.transcript,
        )
    )
    docs = ner_augment.training_docs(nlp, train, args.seed, plan)
    DocBin(docs=docs, store_user_data=False).to_disk(work / "train.spacy")
    DocBin(docs=[ner_augment.to_doc(nlp, s) for s in dev]).to_disk(work / "dev.spacy")
    with (work / "raw.jsonl").open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps({"text": doc.text}, ensure_ascii=False) + "\n")
    return len(docs), len(dev)


def run_pretraining(args: argparse.Namespace, work: Path) -> Path:
    """Character-objective pretraining of the tok2vec on the training text only."""
    overrides = config_overrides(args, work, None)
    overrides["pretraining.max_epochs"] = args.pretrain_epochs
    config = load_config_from_str(config_text(args), overrides=overrides).interpolate()
    out = work / "pretrain"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    spacy_pretrain(config, out, silent=False)
    return out / "model-last.bin"


def export_model(best: Path, out: Path) -> None:
    """Copy the best pipeline to ``out`` with training-only settings removed."""
    nlp = spacy.load(best)
    shutil.rmtree(out, ignore_errors=True)
    nlp.to_disk(out, exclude=["vocab.vectors", "vocab.lookups"])
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="sladd_ner",
        version="0.1.0",
        lang="nb",
        description=(
            "sladd Norwegian NER (NorNE + clinical-register augmentation). Use PER, ORG, LOC;"
            " PROD/EVT/DRV, if present, exist only to sharpen the others. See model_card.md."
        ),
        sources=[{"name": "NorNE (train split)", "license": "annotations CC0; see NorNE README"}],
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")


@dataclass(frozen=True)
class RunResult:
    """Figures that go into the model card."""

    train_docs: int
    train_seconds: float
    dev_scores: dict[str, dict[str, float]]
    dev_overall: tuple[float, float, float]
    per_by_case: dict[str, dict[str, float]]
    chars_per_second: float
    clinical: ner_clinical_eval.ClinicalReport
    size_mb: float


MAIN_LABELS = ("PER", "ORG", "LOC")
Scores = dict[str, dict[str, float]]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}


def dev_scores(
    nlp: Language, data: Path, case: str = "cased"
) -> tuple[Scores, tuple[float, float, float]]:
    """Exact-span P/R/F per main label and micro-averaged over them, NorNE dev.

    Gold tokenisation; gold PROD/EVT/DRV/MISC count as O, predicted minor labels are ignored.
    ``case`` rewrites every token (``CASES``) to measure names in text that is not cased.
    """
    sents = ner_augment.load_norne(data / "dev.jsonl")
    change = CASES[case]
    if change is not None:
        sents = [change(s) for s in sents]
    counts = {lbl: [0, 0, 0] for lbl in MAIN_LABELS}
    docs = nlp.pipe(_words_doc(nlp, s) for s in sents)
    for sent, doc in zip(sents, docs, strict=True):
        gold = {(a, b, lbl) for a, b, lbl in ner_augment.spans(sent.tags)}
        pred = {(e.start, e.end, e.label_) for e in doc.ents if e.label_ in MAIN_LABELS}
        for a, b, lbl in pred | gold:
            counts[lbl][0 if (a, b, lbl) in pred & gold else 1 if (a, b, lbl) in pred else 2] += 1
    totals = [sum(c[i] for c in counts.values()) for i in range(3)]
    overall = _prf(*totals)
    return {k: _prf(*c) for k, c in counts.items()}, (overall["p"], overall["r"], overall["f"])


def dev_table(nlp: Language, data: Path, case: str = "cased") -> str:
    """Markdown rows label | P | R | F1 for NorNE dev in ``case``, micro average last."""
    per_type, (p, r, f) = dev_scores(nlp, data, case)
    rows = [
        f"| {lbl} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} |"
        for lbl, s in sorted(per_type.items())
    ]
    return "\n".join([*rows, f"| **PER+ORG+LOC (micro)** | {p:.3f} | {r:.3f} | {f:.3f} |"])


def _words_doc(nlp: Language, sent: ner_augment.Sentence) -> Doc:
    return Doc(
        nlp.vocab, words=list(sent.tokens), spaces=list(sent.spaces) if sent.spaces else None
    )


def inference_speed(nlp: Language, data: Path, repeats: int = 2) -> float:
    """Single-thread chars/s of ``nlp.pipe`` (tokenizer + tok2vec + ner) on the dev text."""
    texts = [s.text() for s in ner_augment.load_norne(data / "dev.jsonl")]
    chars = sum(len(t) for t in texts)
    list(nlp.pipe(texts[:200]))
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=256):
            pass
        best = min(best, time.perf_counter() - start)
    return chars / best


def dir_size_mb(path: Path) -> float:
    """Total size of the files under ``path`` in MB."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main(argv: list[str] | None = None) -> None:
    """Build data, (pre)train, evaluate, export the pipeline and write the model card."""
    args = parse_args(argv)
    if args.evaluate:
        print(dev_table(spacy.load(args.out), args.data, args.case))
        return
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    n_train, _ = build_corpora(args, work)
    init = run_pretraining(args, work) if args.pretrain_epochs > 0 else None
    (work / "config.cfg").write_text(config_text(args), encoding="utf-8")
    spacy_train(
        work / "config.cfg", work / "training", overrides=config_overrides(args, work, init)
    )
    seconds = time.perf_counter() - start
    export_model(work / "training/model-best", args.out)
    write_card(args, n_train, seconds, argv)


def write_card(
    args: argparse.Namespace, n_train: int, seconds: float, argv: list[str] | None
) -> None:
    """Evaluate the exported pipeline and write (and print) its model card."""
    nlp = spacy.load(args.out)
    per_type, overall = dev_scores(nlp, args.data)
    result = RunResult(
        n_train,
        seconds,
        per_type,
        overall,
        {case: dev_scores(nlp, args.data, case)[0]["PER"] for case in ("lower", "upper")},
        inference_speed(nlp, args.data),
        ner_clinical_eval.evaluate(nlp, args.data, seed=args.seed),
        dir_size_mb(args.out),
    )
    card = model_card(args, result, argv if argv is not None else sys.argv[1:])
    args.card.parent.mkdir(parents=True, exist_ok=True)
    args.card.write_text(card, encoding="utf-8")
    print(card)


def model_card(args: argparse.Namespace, r: RunResult, argv: list[str]) -> str:
    """Markdown model card for a finished run."""
    rows = "\n".join(
        f"| {lbl} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} |"
        for lbl, s in sorted(r.dev_scores.items())
    )
    p, rc, f = r.dev_overall
    case_rows = "\n".join(
        f"| {case} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} |"
        for case, s in r.per_by_case.items()
    )
    cmd = " ".join([".venv/bin/python -m scripts.ner.train", *argv])
    return CARD_TEMPLATE.format(
        rows=rows,
        case_rows=case_rows,
        p=p,
        r=rc,
        f=f,
        cmd=cmd,
        seed=args.seed,
        minutes=r.train_seconds / 60,
        docs=r.train_docs,
        cps=r.chars_per_second,
        size=r.size_mb,
        clinical=r.clinical.markdown(),
        width=args.width,
        depth=args.depth,
        rows_cfg=args.rows,
        steps=args.max_steps,
        pretrain=args.pretrain_epochs,
        augment="no" if args.no_augment else "yes",
        labels=", ".join(MAIN_LABELS) + (" + PROD, EVT, DRV" if args.keep_minor else ""),
        notes=NOTES.read_text(encoding="utf-8") if NOTES.exists() else "",
    )


CARD_TEMPLATE = """# sladd Norwegian NER model

Pipeline: `tok2vec` (MultiHashEmbed NORM/PREFIX/SUFFIX/SHAPE, rows {rows_cfg}, width {width};
MaxoutWindowEncoder depth {depth}) + `ner` (transition-based), spaCy 3.8, language `nb`.
Output labels: {labels}. NorNE GPE_LOC is trained as LOC and GPE_ORG as ORG; MISC (and, unless
listed, PROD/EVT/DRV) as O. No pretrained vectors; nothing is downloaded.
The proxy maps PER -> PERSON, LOC -> LOCATION, ORG -> ORGANIZATION and ignores other labels.

Reproduce: `{cmd}` (seed {seed}; max steps {steps}; char pretraining epochs {pretrain};
augmentation {augment}). Training wall time on the 2-core machine (data build + pretraining +
training, one thread): **{minutes:.1f} min**, {docs} training docs.

## NorNE dev

Exact-span P/R/F1, gold tokenisation, main labels only (gold PROD/EVT/DRV/MISC count as O).
The checkpoint was selected on dev (spaCy's ents_f), so these figures are slightly optimistic.

| label | P | R | F1 |
|---|---|---|---|
{rows}
| **PER+ORG+LOC (micro)** | {p:.3f} | {r:.3f} | {f:.3f} |

PER on NorNE dev with every token lower-cased or upper-cased (speech-to-text transcripts,
chat, shouted or form text): `.venv/bin/python -m scripts.ner.train --evaluate --case lower`.

| dev version | PER P | PER R | PER F1 |
|---|---|---|---|
{case_rows}

## Clinical-style held-out set (`scripts/ner/clinical_eval.py`)

Recall = share of gold names whose every character lies inside a predicted PER span (what
matters for privacy); exact = predicted span equals the gold span.

{clinical}

## Size and speed

Model on disk: {size:.1f} MB. Inference, `nlp.pipe` (tokenizer + tok2vec + ner), one thread,
NorNE dev text: **{cps:,.0f} chars/s**.

{notes}"""


if __name__ == "__main__":
    main()
