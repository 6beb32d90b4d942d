"""Normalising text before detection, with an exact offset map back to the original.

People type identifiers with odd characters and speech-to-text writes them as words; detection
runs on :func:`text_view`'s normalised text and maps each finding back through the view.
"""

from recognizers.normalise.chars import fold_characters
from recognizers.normalise.offsets import TextView
from recognizers.normalise.spoken import spoken_view
from recognizers.normalise.view import text_view

__all__ = ["TextView", "fold_characters", "spoken_view", "text_view"]
