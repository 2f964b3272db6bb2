"""The indicator tables of the group page and of each filiale page: the Spaser's
4 axes and 10 objectives, and for each indicator its value per year, a trend
chart, its target and whether it is met, and what a reader must know."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spaser.report import charts, formats
from spaser.report.data import GROUP, Finding, Indicator, ReportData, by_structure
from spaser.report.labels import PROVISIONAL, reason_label
from spaser.report.registry import FILIALE_PAGE, GROUP_PAGE, render, section

MAX_REASONS = 3  # the delivery page lists them all


@dataclass
class Cell:
    year: int
    text: str
    value: float | None
    why: str = ""
    met: bool | None = None
    partial: bool = False
    coverage: str = ""


@dataclass
class Row:
    indicator: Indicator
    unit: str
    cells: list[Cell]
    chart: str
    target: str
    caveats: list[str] = field(default_factory=list)
    provisional: bool = False


def _why_empty(figure: dict, period_status: str, scope: str | None) -> str:
    if period_status == "not_started":
        return "année non commencée"
    if scope is GROUP:
        return "aucune filiale n'a de valeur"
    if figure.get("applicable") is False:
        return "hors périmètre"
    if figure.get("numerator") is None:
        return "données non livrées"
    return "rien à mesurer (dénominateur nul)"


def _cell(data: ReportData, scope: str | None, indicator: Indicator, year, unit: str) -> Cell:
    figure = data.figure(scope, indicator.code, year.year)
    value = figure.get("value")
    cell = Cell(
        year.year, formats.figure(value, unit), value, partial=year.period_status == "partial"
    )
    if value is None:
        cell.why = _why_empty(figure, year.period_status, scope)
    cell.met = figure.get("target_met")
    if scope is GROUP and value is not None:
        counted = figure.get("filiales_with_value") or 0
        if counted < len(data.filiales):
            cell.coverage = f"{counted} filiale(s) sur {len(data.filiales)}"
    return cell


def _latest_target(data: ReportData, scope: str | None, indicator: Indicator) -> dict:
    """The figure of the latest year that has a target (none while provisional)."""
    for year in reversed(data.years):
        figure = data.figure(scope, indicator.code, year.year)
        if figure.get("target") is not None:
            return figure
    return {}


def _finding_note(findings: list[Finding], scope: str | None) -> str:
    first = findings[0]
    where = ""
    if scope is GROUP:
        per_filiale: dict[str, int] = defaultdict(int)
        for finding in findings:
            per_filiale[finding.filiale_code] += finding.rows_count
        where = " — " + ", ".join(
            f"{code} ({formats.integer(rows)})" if rows else code
            for code, rows in sorted(per_filiale.items())
        )
    if first.finding == "absent_extract":
        return f"Extraction « {first.extract} » non livrée : valeur inconnue{where}"
    rows = sum(f.rows_count for f in findings)
    if first.finding == "rejected_row":
        text = f"{formats.integer(rows)} ligne(s) rejetée(s) dans « {first.extract} »"
        if scope is GROUP:
            return text + where
        by_reason: dict[str, int] = defaultdict(int)
        for finding in findings:
            by_reason[reason_label(finding.detail)] += finding.rows_count
        reasons = sorted(by_reason, key=lambda reason: -by_reason[reason])
        more = ", …" if len(reasons) > MAX_REASONS else ""
        return f"{text} ({', '.join(reasons[:MAX_REASONS])}{more})"
    years = sorted({f.year for f in findings if f.year is not None})
    during = f" en {', '.join(map(str, years))}" if years else ""
    what = first.detail or first.finding_label
    return f"{what[:1].upper()}{what[1:]} — {formats.integer(rows)} ligne(s){during}{where}"


def _caveats(data: ReportData, scope: str | None, indicator: Indicator) -> list[str]:
    notes: list[str] = []
    for year in data.years:
        for caveat in (data.figure(scope, indicator.code, year.year).get("caveat") or "").split(
            " ; "
        ):
            if caveat and caveat not in notes:
                notes.append(caveat)
    grouped: dict[tuple, list[Finding]] = defaultdict(list)
    for finding in data.findings_for(scope, indicator.code):
        detail = None if finding.finding in ("rejected_row", "absent_extract") else finding.detail
        grouped[(finding.finding, finding.extract, detail)].append(finding)
    notes += [_finding_note(findings, scope) for _, findings in sorted(grouped.items(), key=str)]
    return notes


def indicator_row(data: ReportData, scope: str | None, indicator: Indicator) -> Row:
    unit = indicator.value_unit if scope is GROUP else indicator.unit
    cells = [_cell(data, scope, indicator, year, unit) for year in data.years]
    provisional = any(
        data.figure(scope, indicator.code, y.year).get("is_provisional_estimate")
        for y in data.years
    )
    target = _latest_target(data, scope, indicator)
    target_text = formats.target(target.get("target_comparison"), target.get("target"), unit)
    decimals = formats.UNITS.get(unit, (0, ""))[0]
    chart = charts.trend(
        f"{scope or 'groupe'}-{indicator.code}",
        [c.year for c in cells],
        [c.value for c in cells],
        {c.year for c in cells if c.partial},
        target.get("target"),
        decimals,
        boolean=unit == "boolean",
    )
    caveats = _caveats(data, scope, indicator)
    if provisional and PROVISIONAL not in caveats:
        caveats.insert(0, PROVISIONAL)
    return Row(indicator, unit, cells, chart, target_text, caveats, provisional)


def _render(data: ReportData, scope: str | None) -> str:
    structure = [
        (axis, [[indicator_row(data, scope, i) for i in objective] for objective in objectives])
        for axis, objectives in by_structure(data.indicators)
    ]
    return render(
        "indicators.html.j2",
        structure=structure,
        years=data.years,
        scope="groupe" if scope is GROUP else scope,
    )


@section(GROUP_PAGE, "Indicateurs du groupe")
def group_indicators(data: ReportData, scope: str | None) -> str:
    return _render(data, GROUP)


@section(FILIALE_PAGE, "Indicateurs de la filiale")
def filiale_indicators(data: ReportData, scope: str | None) -> str:
    return _render(data, scope)
