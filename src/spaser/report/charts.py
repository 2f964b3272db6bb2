"""Small trend charts written as inline SVG by hand: no file, no CDN, no plotting library.

Drawn to be read honestly (docs/overview.md, « Le rapport ») : the value axis starts at 0
(a percentage runs 0-100), the year in progress is joined by a dashed segment and
labelled « partielle », the target is a dotted red line, and each point carries a
<title> with its value and, for a ratio, its numerator and denominator. The SVG holds
no id, so that 29 charts on a page never clash; its text alternative states the values.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from spaser.formats import number

LINE, TARGET, AXIS, MUTED = "#1f5f99", "#b03a2e", "#5b6775", "#d5dbe2"
WIDTH, HEIGHT = 220, 96
LEFT, RIGHT, TOP, BOTTOM = 44, 24, 10, 30


@dataclass(frozen=True)
class Point:
    year: int
    value: float | None
    text: str  # the value as the table shows it
    partial: bool = False
    detail: str = ""  # numerator / denominator of a ratio, in words


def compact(value: float, decimals: int) -> str:
    """An axis label short enough for a small chart: 1,2 M, 250 k, 58,1."""
    for size, suffix in ((1e9, " Md"), (1e6, " M"), (1e3, " k")):
        if abs(value) >= size:
            return number(value / size, 1) + suffix
    return number(value, decimals)


def _nice_top(high: float) -> float:
    """The top of the axis: the smallest of 1, 2, 2.5, 5 × 10^k at or above the highest value."""
    if high <= 0:
        return 1.0
    scale = 10 ** (len(str(int(high))) - 1) if high >= 1 else 1.0
    while scale > high:
        scale /= 10
    for step in (1, 2, 2.5, 5, 10):
        if step * scale >= high:
            return step * scale
    return 10 * scale


def alternative(subject: str, points: list[Point], target_text: str) -> str:
    """The chart in words: every year's value, the partial year said, the target."""
    parts = []
    for point in points:
        if point.value is None:
            continue
        partial = " (année partielle)" if point.partial else ""
        detail = f", {point.detail}" if point.detail else ""
        parts.append(f"{point.year}{partial} : {point.text}{detail}")
    text = f"{subject} — " + " ; ".join(parts)
    return text + (f" ; cible {target_text}" if target_text else "")


def trend(
    subject: str,
    points: list[Point],
    target: float | None,
    target_text: str,
    unit: str,
    decimals: int,
) -> str | None:
    """The line of the yearly values; None when no year has a value (nothing to draw)."""
    known = [p for p in points if p.value is not None]
    if not known:
        return None
    values = [p.value for p in known] + ([target] if target is not None else [])
    if unit == "percent":
        top = max(100.0, _nice_top(max(values)))
    elif unit == "boolean":
        top = 1.0
    else:
        top = _nice_top(max(values))
    # A negative value (credit notes beyond the spend) gets room below 0, never clipped.
    bottom = -_nice_top(-min(values)) if min(values) < 0 else 0.0
    span_x = WIDTH - LEFT - RIGHT
    span_y = HEIGHT - TOP - BOTTOM
    step = span_x / max(len(points) - 1, 1)

    def x(index: int) -> float:
        return LEFT + (index * step if len(points) > 1 else span_x / 2)

    def y(value: float) -> float:
        return TOP + span_y * (top - value) / (top - bottom)

    label = html.escape(alternative(subject, points, target_text), quote=True)
    parts = [
        f'<svg class="trend" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{label}" xmlns="http://www.w3.org/2000/svg">'
    ]
    ticks = [(0.0, "non"), (1.0, "oui")] if unit == "boolean" else [(0.0, ""), (top, "")]
    if bottom < 0:
        ticks.append((bottom, ""))
    for value, word in ticks:
        text = word or compact(value, 0 if value == int(value) else decimals)
        text += "\u00a0%" if unit == "percent" and not word else ""
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            f'stroke="{MUTED}" stroke-width="1"/>'
            f'<text x="{LEFT - 4}" y="{y(value) + 3:.1f}" text-anchor="end" font-size="9" '
            f'fill="{AXIS}">{html.escape(text)}</text>'
        )
    if target is not None:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(target):.1f}" y2="{y(target):.1f}" '
            f'stroke="{TARGET}" stroke-width="1.2" stroke-dasharray="2 2"/>'
        )
    indexed = [(i, p) for i, p in enumerate(points) if p.value is not None]
    for (i, a), (j, b) in zip(indexed, indexed[1:], strict=False):
        dashed = ' stroke-dasharray="4 3"' if b.partial or a.partial else ""
        parts.append(
            f'<line x1="{x(i):.1f}" y1="{y(a.value):.1f}" x2="{x(j):.1f}" y2="{y(b.value):.1f}" '
            f'stroke="{LINE}" stroke-width="1.6"{dashed}/>'
        )
    for i, point in enumerate(points):
        anchor = "middle"
        year = f"{point.year}" + (" partielle" if point.partial else "")
        parts.append(
            f'<text x="{x(i):.1f}" y="{HEIGHT - 16}" text-anchor="{anchor}" font-size="9" '
            f'fill="{AXIS}">{point.year}</text>'
        )
        if point.partial:
            parts.append(
                f'<text x="{x(i):.1f}" y="{HEIGHT - 5}" text-anchor="{anchor}" font-size="8" '
                f'fill="{AXIS}" font-style="italic">partielle</text>'
            )
        if point.value is None:
            continue
        fill = "#ffffff" if point.partial else LINE
        tip = f"{year} : {point.text}" + (f" ({point.detail})" if point.detail else "")
        parts.append(
            f'<circle cx="{x(i):.1f}" cy="{y(point.value):.1f}" r="3.2" fill="{fill}" '
            f'stroke="{LINE}" stroke-width="1.4"><title>{html.escape(tip)}</title></circle>'
        )
    parts.append("</svg>")
    return "".join(parts)
