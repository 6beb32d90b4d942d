"""Words that look like names in clinical text but are not people.

A PERSON span is dropped when it is a known drug, microorganism, scoring system, company or
hospital; when it is a genitive right before a disease or sign word (``Parkinsons sykdom``,
``Colles fraktur``, ``McBurneys punkt``); or when a street word follows it (``Kong Olavs
gate``). Lists are deliberately short and conservative: a missed name leaks, a spared drug
name only costs the model some context.
"""

from __future__ import annotations

import re

from recognizers.no.person_words import STREET_WORDS

NOT_PEOPLE: frozenset[str] = frozenset(
    """
    paracet paracetamol ibux ibuprofen albyl-e albyl marevan warfarin metformin eliquis
    xarelto pradaxa lixiana zyprexa sobril imovane voltaren humira oxynorm oxycontin concerta
    ritalin enbrel remicade stelara cosentyx ozempic wegovy victoza lantus novorapid humalog
    levaxin metoprolol selo-zok atacand cozaar lipitor crestor simvastatin furix burinex
    zopiklon stesolid valium tramadol nobligan pinex somac nexium losec afipran zofran
    kefzol keflex apocillin penicillin amoxicillin dalacin cipro ciprofloxacin diflucan
    prednisolon medrol solu-medrol fragmin klexane heparin insulin lyrica neurontin cipralex
    sertralin zoloft seroquel abilify risperdal lamictal keppra orfiril tegretol truxal
    comirnaty spikevax monospot moderna pfizer astrazeneca novartis roche fürst unilabs
    klebsiella staphylococcus streptococcus escherichia enterococcus pseudomonas candida
    clostridium clostridioides helicobacter mycoplasma chlamydia legionella listeria
    salmonella campylobacter haemophilus neisseria proteus serratia acinetobacter
    apgar mallampati curb-65 chads-vasc cha2ds2-vasc nyha ecog karnofsky mini-mental mmse moca
    epds
    rikshospitalet haraldsplass lovisenberg ullevål haukeland radiumhospitalet aker
    diakonhjemmet rosen celsius fahrenheit kelvin sunday monday tuesday wednesday thursday
    friday saturday bamse
    """.split()
)
_DISEASE_WORDS = (
    "sykdom|sjukdom|syndrom|lymfom|sarkom|parese|fenomen|tyreoiditt|tegn|fraktur|punkt|prøve|"
    "test|manøver|refleks|cyste|kontraktur|klassifikasjon|kriterier|skala|score|indeks|"
    "disease|syndrome|lymphoma|palsy|phenomenon|sign|fracture|point|test|reflex|scale|score|"
    "criteria|classification|operasjon|metode|mekanisme|reaksjon|diett|feber|kjertelfeber|"
    "anemi|demens|encefalopati|tumor|svulst|ulcus|kreft|cancer|leukemi|myelom|nevralgi|"
    "neuropati|arteritt|artritt|kolitt|blokk|prosedyre|skår|kontraktur|lammelse|"
    "fever|anemia|dementia|tumou?r|ulcer|neuralgia|arteritis|colitis|block|procedure"
)
_EPONYM_NEXT = re.compile(rf"(?:\s|-)(?:{_DISEASE_WORDS})", re.IGNORECASE)
_STREET_NEXT = re.compile(
    r"\s(?:gate|gata|vei|veg|plass|allé|torg|bru|bakke|hospital|sykehus|sjukehus|klinikk|"
    r"skole|skule|kirke|kyrkje|minde|hus|senter|stiftelse|legesenter|apotek)\b",
    re.IGNORECASE,
)
_SAINT_BEFORE = re.compile(r"(?:\bSt\.|\bSankt|\bSaint)\s$")
_DOSE_NEXT = re.compile(
    r"\s*\(?\d+(?:[.,]\d+)?\s*(?:mg|g|ml|mikrogram|µg|mcg|ie|iu|mmol|mg/ml|%|tabl)\b",
    re.IGNORECASE,
)
_MEDICATION_BEFORE = frozenset(
    "ta tar tok tatt dose dosen medisinen medikamentet tablett tabletter tbl seponert seponere "
    "økt auka redusert trappet take takes taking took prescribed".split()
)
_INSTITUTION_WORDS = frozenset(
    "hospital sykehus sjukehus sykehuset klinikk klinikken legesenter legesenteret apotek "
    "skole skule barnehage sykehjem sjukeheim scale skala score index indeks".split()
)
_INSTITUTION_SUFFIXES = ("klinikken", "klinikk", "sykehuset", "sjukehuset", "senteret", "hjemmet")
_GENITIVE = ("s", "'s", "’s", "'", "’")


def is_not_a_person(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, found as PERSON, is a term, eponym or street instead."""
    span = text[start:end]
    words = [w.strip(".,;:()").lower() for w in span.split()]
    if not words:
        return False
    return (
        _is_term_or_place(words)
        or (span.endswith(_GENITIVE) and bool(_EPONYM_NEXT.match(text, end)))
        or (
            len(words) == 1
            and (bool(_EPONYM_NEXT.match(text, end)) or _is_medication(text, start, end))
        )
        or bool(_STREET_NEXT.match(text, end))
        or bool(_SAINT_BEFORE.search(text[max(0, start - 8) : start]))
    )


def _is_term_or_place(words: list[str]) -> bool:
    """A listed term, or a name of an institution or street."""
    if words[0] in NOT_PEOPLE or words[-1] in NOT_PEOPLE:
        return True
    if words[-1] in _INSTITUTION_WORDS or words[-1] in STREET_WORDS:
        return True
    return len(words) == 1 and words[0].endswith(_INSTITUTION_SUFFIXES)


_DRUG_SUFFIXES = tuple(
    "mab pril sartan statin olol azol cillin mycin cyklin floxacin zepam zolam xetin pram tidin "
    "prazol gliptin gliflozin parin tiazid semid dronat lukast triptan vudin navir tinib "
    "ciklovir".split()
)
"""International non-proprietary name stems no Norwegian or immigrant name ends with."""


def _is_medication(text: str, start: int, end: int) -> bool:
    """A single word with a dose after it, or right after a medication verb (``ta Cozaar``)."""
    if _DOSE_NEXT.match(text, end) or text[start:end].lower().endswith(_DRUG_SUFFIXES):
        return True
    before = text[max(0, start - 24) : start].lower().split()
    previous = before[-1].strip(".,:;(") if before else ""
    return previous in _MEDICATION_BEFORE or before[-2:] == ["dose", "of"]
