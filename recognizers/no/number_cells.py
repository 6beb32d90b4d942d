"""Identifiers in the cells of a tab-separated export, which the chain rules do not see whole.

A tab is a separator between digit groups for the chain rules (``13⇥09⇥72`` is typed so), so
in a row of numbers (``Eliassen, Trond⇥440 1992⇥220847 33478⇥…``) the cells run together
into one long chain and no eleven-digit pattern matches. A cell is read on its own here: its
digits, in any grouping (``2907531 4408``), are then judged as the recognizer judges any
candidate (checksum, date, context).
"""

from __future__ import annotations

import re

__all__ = ["ELEVEN_IN_CELL", "worth_reading_cells"]

ELEVEN_IN_CELL = re.compile(r"(?<=\t)\d(?:[ .\-]?\d){10}(?=[ ]*(?:\t|\r?\n|\Z))")
"""A tab-delimited cell (not the first of its row) that holds eleven digits and separators."""


def worth_reading_cells(text: str) -> bool:
    """Cells are read only in a text with tabs."""
    return "\t" in text
