"""Small trend charts drawn by matplotlib and inlined as SVG: no file, no CDN."""

from __future__ import annotations

import html
import io
import re

import matplotlib

matplotlib.use("svg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from spaser.report.formats import number  # noqa: E402

plt.rcParams.update(
    {
        "svg.fonttype": "none",  # text stays text: smaller, and selectable
        "font.family": "sans-serif",
        "font.size": 8,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)
LINE, TARGET, PARTIAL = "#1f5f99", "#b03a2e", "#ffffff"
_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


def compact(value: float, decimals: int) -> str:
    """An axis label short enough for a small chart: 1,2 M, 250 k, 58,1."""
    for size, suffix in ((1e9, " Md"), (1e6, " M"), (1e3, " k")):
        if abs(value) >= size:
            return number(value / size, 1) + suffix
    return number(value, decimals)


def trend(
    chart_id: str,
    years: list[int],
    values: list[float | None],
    partial_years: set[int],
    target: float | None,
    decimals: int,
    boolean: bool = False,
) -> str:
    """A line of the yearly values (hollow point: year in progress), the target dashed."""
    plt.rcParams["svg.hashsalt"] = chart_id
    figure, axes = plt.subplots(figsize=(2.4, 0.95))
    known = [(y, v) for y, v in zip(years, values, strict=True) if v is not None]
    if known:
        xs, ys = zip(*known, strict=True)
        axes.plot(xs, ys, color=LINE, linewidth=1.4)
        for x, y in known:
            hollow = x in partial_years
            axes.plot(
                x, y, "o", markersize=4, color=LINE, markerfacecolor=PARTIAL if hollow else LINE
            )
    if target is not None:
        axes.axhline(target, color=TARGET, linewidth=1, linestyle="--")
    axes.set_xticks(years, [str(y) for y in years])
    axes.set_xlim(min(years) - 0.3, max(years) + 0.3)
    if boolean:
        axes.set_ylim(-0.15, 1.15)
        axes.set_yticks([0, 1], ["non", "oui"])
    elif known:
        axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: compact(v, decimals)))
        axes.locator_params(axis="y", nbins=3)
    else:
        axes.set_yticks([])
    axes.tick_params(length=2, pad=1)
    # Fixed margins: tight_layout would double the drawing time of 1 500 charts.
    figure.subplots_adjust(left=0.2, right=0.97, bottom=0.2, top=0.95)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(figure)
    svg = _METADATA.sub("", _PROLOGUE.sub("", buffer.getvalue(), count=1), count=1)
    # The id holds a filiale code, delivered text: the SVG goes into the page as markup.
    label = html.escape(f"Tendance {chart_id}", quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
