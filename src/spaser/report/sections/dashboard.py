"""« Tableau de bord »: what opens the group page and each filiale page. For the last
closed year and the year in progress, each indicator's value, its change from the year
before (better / worse / stable by the indicator's direction) and its target verdict
(provisional on a partial year); on the group page, a filiale × indicator matrix for one
year, each cell better or worse than the group; on a filiale page, the group beside it."""

from __future__ import annotations

from dataclasses import dataclass

from spaser import formats
from spaser.report import scoreboard
from spaser.report.charts import compact
from spaser.report.data import GROUP, Indicator, ReportData, Year
from spaser.report.registry import FILIALE_PAGE, GROUP_PAGE, render, section
from spaser.report.sections.indicators import empty_file_note, why_empty

TITLE = "Tableau de bord"


@dataclass
class Figure:
    text: str
    change: str | None = None  # scoreboard.BETTER ... against the previous year
    since: int | None = None
    verdict: scoreboard.Verdict | None = None
    why: str = ""
    against_group: str | None = None  # scoreboard.BETTER ... against the group, same year


def _figure(data: ReportData, scope: str | None, indicator: Indicator, year: Year) -> Figure:
    unit = scoreboard.unit_of(indicator, scope)
    row = data.figure(scope, indicator.code, year.year)
    value = row.get("value")
    figure = Figure(formats.figure(value, unit))
    before = scoreboard.previous(data, year)
    if before is not None:
        earlier = data.figure(scope, indicator.code, before.year).get("value")
        figure.change = scoreboard.compare(value, earlier, indicator.direction, unit)
        figure.since = before.year
        # An amount or a count of part of a year is no match for a whole year's.
        if year.period_status == "partial" and unit in scoreboard.ADDITIVE and figure.change:
            figure.change = scoreboard.PARTIAL_SUM
    figure.verdict = scoreboard.verdict(data, scope, indicator, year)
    empty_file = empty_file_note(data, scope, indicator, year.year)
    figure.why = empty_file or (why_empty(row, year.period_status, scope) if value is None else "")
    if empty_file and scope is not GROUP:  # a 0 read from no row neither rises nor falls
        figure.change = None
    if scope is not GROUP:
        group = scoreboard.group_reference(data, indicator, year.year)
        figure.against_group = scoreboard.compare(
            value, group, indicator.direction, unit, indicator.value_unit
        )
    return figure


def _rows(data: ReportData, scope: str | None, years: list[Year]) -> list[dict]:
    rows = []
    for indicator in sorted(data.indicators, key=lambda i: i.sort_order):
        target = next(
            (
                data.figure(scope, indicator.code, y.year)
                for y in reversed(years)
                if data.figure(scope, indicator.code, y.year).get("target") is not None
            ),
            {},
        )
        rows.append(
            {
                "indicator": indicator,
                "target": formats.target(
                    target.get("target_comparison"),
                    target.get("target"),
                    scoreboard.unit_of(indicator, scope),
                ),
                "figures": [_figure(data, scope, indicator, y) for y in years],
                "group": [
                    _figure(data, GROUP, indicator, y) if scope is not GROUP else None
                    for y in years
                ],
            }
        )
    return rows


def _axes(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    """The scoreboard's rows under the heading of their axis."""
    grouped: list[tuple[str, list[dict]]] = []
    for row in rows:
        indicator = row["indicator"]
        heading = (
            f"Axe {indicator.axis_number} — {indicator.axis_label}"
            if indicator.axis_number
            else "Indicateurs propres"
        )
        if not grouped or grouped[-1][0] != heading:
            grouped.append((heading, []))
        grouped[-1][1].append(row)
    return grouped


def _matrix(data: ReportData, year: Year) -> dict:
    """Filiale × indicator for one year: each value against the group's, and its target."""
    indicators = sorted(data.indicators, key=lambda i: i.sort_order)
    lines = []
    for code in data.filiales:
        cells = []
        for indicator in indicators:
            row = data.figure(code, indicator.code, year.year)
            value = row.get("value")
            group = scoreboard.group_reference(data, indicator, year.year)
            unit = indicator.unit
            cells.append(
                {
                    "text": _short(value, unit),
                    "full": formats.figure(value, unit),
                    "against": scoreboard.compare(
                        value, group, indicator.direction, unit, indicator.value_unit
                    ),
                    "met": row.get("target_met"),
                    "empty_file": bool(empty_file_note(data, code, indicator, year.year)),
                }
            )
        lines.append({"filiale": code, "cells": cells})
    group = [
        {
            "text": _short(data.figure(GROUP, i.code, year.year).get("value"), i.value_unit),
            "met": data.figure(GROUP, i.code, year.year).get("target_met"),
        }
        for i in indicators
    ]
    return {"year": year, "indicators": indicators, "lines": lines, "group": group}


def _short(value: float | None, unit: str) -> str:
    """A matrix cell: amounts and counts compacted (1,2 M), the rest as the tables show it."""
    if value is None:
        return formats.MISSING
    if unit in ("eur", "count") and abs(value) >= 1000:
        suffix = formats.UNITS[unit][1]
        return compact(value, 0) + (formats.NBSP + suffix if suffix else "")
    return formats.figure(value, unit)


def _render(data: ReportData, scope: str | None) -> str | None:
    years = scoreboard.reference_years(data)
    if not years:
        return None
    year = scoreboard.matrix_year(data)
    return render(
        "dashboard.html.j2",
        scope=scope,
        years=years,
        axes=_axes(_rows(data, scope, years)),
        matrix=_matrix(data, year) if scope is GROUP and year and data.filiales else None,
        words=scoreboard.CHANGE_WORDS,
        filiales_count=len(data.filiales),
    )


@section(GROUP_PAGE, TITLE, order=0)
def group_dashboard(data: ReportData, scope: str | None) -> str | None:
    return _render(data, GROUP)


@section(FILIALE_PAGE, TITLE, order=0)
def filiale_dashboard(data: ReportData, scope: str | None) -> str | None:
    return _render(data, scope)
