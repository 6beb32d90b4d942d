"""The review page's chart: findings per entity type per day as stacked bars in inline SVG.

No script and no external library: plain SVG elements whose colours come from the page's
stylesheet (CSS classes), with a ``<title>`` per bar segment for a hover tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from html import escape

WIDTH, HEIGHT, LEFT, BOTTOM, TOP_MARGIN = 960, 220, 40, 24, 10
MAX_BAR = 40.0
MAX_LABELS = 15


@dataclass(frozen=True, slots=True)
class _Scale:
    plot_height: float
    step: float
    bar: float
    top: int

    def x(self, index: int) -> float:
        return LEFT + index * self.step + (self.step - self.bar) / 2


def _scale(per_day: Mapping[date, Mapping[str, int]]) -> _Scale:
    plot_w, plot_h = WIDTH - LEFT - 10, HEIGHT - BOTTOM - TOP_MARGIN
    step = plot_w / len(per_day)
    top = max(sum(c.values()) for c in per_day.values())
    return _Scale(plot_h, step, min(MAX_BAR, step * 0.7), top)


def _axes(scale: _Scale) -> list[str]:
    base = TOP_MARGIN + scale.plot_height
    return [
        f'<line class="axis" x1="{LEFT}" y1="{base}" x2="{WIDTH}" y2="{base}"/>',
        f'<text x="{LEFT - 6}" y="16" text-anchor="end">{scale.top}</text>',
        f'<text x="{LEFT - 6}" y="{base}" text-anchor="end">0</text>',
    ]


def _bar(
    scale: _Scale, index: int, day: date, counts: Mapping[str, int], colour: Callable[[str], str]
) -> list[str]:
    x, y = scale.x(index), TOP_MARGIN + scale.plot_height
    shapes = []
    for entity, n in counts.items():
        height = scale.plot_height * n / scale.top
        y -= height
        shapes.append(
            f'<rect class="{colour(entity)}" x="{x:.1f}" y="{y:.1f}" width="{scale.bar:.1f}" '
            f'height="{height:.1f}"><title>{day} {escape(entity)}: {n}</title></rect>'
        )
    return shapes


def chart(
    per_day: Mapping[date, Mapping[str, int]],
    colour: Callable[[str], str],
    swatch: Callable[[str], str],
) -> str:
    """Stacked bars per day (``colour`` gives an entity type's CSS class) and a legend
    (``swatch`` renders one entry); a note instead when there is nothing to show."""
    if not any(per_day.values()):
        return '<p class="muted">No findings in this period.</p>'
    scale = _scale(per_day)
    every = max(1, len(per_day) // MAX_LABELS)
    shapes = _axes(scale)
    for index, (day, counts) in enumerate(per_day.items()):
        shapes += _bar(scale, index, day, counts, colour)
        if index % every == 0:
            middle = scale.x(index) + scale.bar / 2
            shapes.append(
                f'<text x="{middle:.1f}" y="{HEIGHT - 6}" text-anchor="middle">{day:%m-%d}</text>'
            )
    types = sorted({t for counts in per_day.values() for t in counts})
    legend = "".join(f"<span>{swatch(t)}</span>" for t in types)
    svg = (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="Findings by entity type per day">{"".join(shapes)}</svg>'
    )
    return svg + f'<p class="legend">{legend}</p>'
