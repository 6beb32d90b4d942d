"""Model PERSON spans that are no names where they stand: ordinary lower-case words and cells
of columns without names (``recognizers.ner.person_filter``).

Each vector marks the model's span with ``⟦ ⟧``.
"""

from __future__ import annotations

import pytest

from recognizers.ner.person_filter import is_no_model_name


def _dropped(marked: str) -> bool:
    start = marked.index("⟦")
    end = marked.index("⟧") - 1
    return is_no_model_name(marked.replace("⟦", "").replace("⟧", ""), start, end)


NO_NAMES = [
    # ordinary lower-case words, spoken numbers and clinical compounds
    ("pasient: jeg har ⟦astma⟧ fra før", True),
    ("lege: ⟦hemoglobin⟧ elleve komma to", True),
    ("blodtrykket er hundre og ti over ⟦sytti⟧", True),
    ("du har time til ⟦audiometri⟧ i morgen", True),
    ("hvordan er ⟦allmenntilstanden⟧ i dag", True),
    ("lege: ⟦ødematøs⟧ og øm", True),
    ("pasient: jeg har ⟦tinnitus⟧ og hodepine", True),
    # ... a speaker label is no person cue
    ("sykepleier: ⟦kols⟧ og astma", True),
    # tables: a cell in a column that holds no names
    ("| Navn | Diagnose |\n|---|---|\n| Lie, Kari | ⟦Bekkenløsning⟧ |", True),
    ("Preparat;Batch\n⟦Fluarix Tetra⟧;AB123", True),
    ("| Patient | Diagnosis |\n|---|---|\n| Lie, Kari | ⟦Eclampsia⟧ |", True),
    # a vowelless part in lower case: an abbreviation or an identifier (a deployment name)
    ("⟦gpt-dep⟧", True),
    ("bruk ⟦clinic-llm⟧ til dette", True),
    # a word before an ICD-10 or ICPC-2 code in brackets: a diagnosis
    ("Mammabiopsi venstre     ⟦Fibroadenom⟧ (D24)", True),
    ("Kontakt: ⟦Ryggsmerter⟧ (L03)", True),
]
NAMES = [
    # known names, cued names, user names and addresses stay
    ("ja jeg har ringt ⟦rønning⟧", False),
    ("mora til ⟦sol⟧ og bo", False),
    ("vi ringer bakvakt ⟦vold⟧", False),
    ("heter ⟦tone⟧", False),
    ("ja det er ⟦tesfamariam⟧", False),
    ("epost ⟦kari.lie@example.com⟧", False),
    ("Pasienten ⟦Astma⟧ Hansen", False),
    # tables: cells under name columns, or known names under other ones
    ("| Navn | Diagnose |\n|---|---|\n| ⟦Oddveig Tunheim⟧ | astma |", False),
    ("| Rom | Ansvarlig lege |\n|---|---|\n| 4 | ⟦Tunheim⟧ |", False),
    ("| Rom | Utført av |\n|---|---|\n| 4 | ⟦Tunheim⟧ |", False),
    ("| Rom | Merknad |\n|---|---|\n| 4 | ⟦Kari⟧ |", False),
    ("Ingen tabell her, bare ⟦Tunheim⟧, som ringte.", False),
    # a known name before a code stays
    ("Henvist av ⟦Hansen⟧ (L03)", False),
]


@pytest.mark.parametrize(("marked", "dropped"), NO_NAMES + NAMES)
def test_no_model_names(marked: str, dropped: bool) -> None:
    assert _dropped(marked) is dropped
