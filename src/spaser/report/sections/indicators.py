"""The indicator tables of the group page and of each filiale page: the Spaser's
4 axes and 10 objectives, and for each indicator its value per year (with the numerator
and denominator of a ratio), a trend chart, its target and whether it is met, and what
a reader must know: one line per kind of reservation, its detail folded."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spaser import formats
from spaser.report import charts
from spaser.report.data import GROUP, Finding, Indicator, ReportData, by_structure
from spaser.report.labels import PROVISIONAL
from spaser.report.registry import FILIALE_PAGE, GROUP_PAGE, render, section

RATIO_UNITS = ("percent", "days")
EMPTY_FILE = "empty_extract"


@dataclass
class Cell:
    year: int
    text: str
    value: float | None
    why: str = ""
    met: bool | None = None
    partial: bool = False
    coverage: str = ""
    ratio: str = ""  # numerator / denominator, for a ratio


@dataclass
class Reservation:
    """One kind of reservation: a line for people, its technical detail folded."""

    summary: str
    details: list[str] = field(default_factory=list)


@dataclass
class Row:
    indicator: Indicator
    unit: str
    cells: list[Cell]
    chart: str | None
    no_chart: str
    target: str
    reservations: list[Reservation] = field(default_factory=list)
    provisional: bool = False


def why_empty(figure: dict, period_status: str, scope: str | None) -> str:
    if period_status == "not_started":
        return "année non commencée"
    if scope is GROUP:
        return "aucune filiale n'a de valeur"
    if figure.get("applicable") is False:
        return "hors périmètre"
    if figure.get("numerator") is None:
        return "données non livrées"
    return "rien à mesurer (dénominateur nul)"


def empty_file_note(data: ReportData, scope: str | None, indicator: Indicator, year: int) -> str:
    """What a figure read from a file delivered with no row must say instead of a bare 0."""
    if data.figure(scope, indicator.code, year).get("value") is None:
        return ""
    empty = data.findings_of(EMPTY_FILE, scope, indicator.code)
    if not empty:
        return ""
    files = ", ".join(sorted({f.extract or "" for f in empty}))
    if scope is GROUP:
        filiales = sorted({f.filiale_code for f in empty})
        return f"fichier {files} livré vide par {', '.join(filiales)}"
    return f"fichier {files} livré vide : 0 ne mesure rien"


def _ratio(figure: dict, unit: str, scope: str | None, boolean: bool) -> str:
    numerator, denominator = figure.get("numerator"), figure.get("denominator")
    if figure.get("value") is None or numerator is None or denominator is None:
        return ""
    if unit not in RATIO_UNITS:
        return ""

    def plain(value) -> str:
        value = float(value)
        return formats.number(value, 0 if value == int(value) or abs(value) >= 1000 else 1)

    text = f"{plain(numerator)} / {plain(denominator)}"
    return f"{text} filiales" if scope is GROUP and boolean else text


def _cell(data: ReportData, scope: str | None, indicator: Indicator, year, unit: str) -> Cell:
    figure = data.figure(scope, indicator.code, year.year)
    value = figure.get("value")
    cell = Cell(
        year.year, formats.figure(value, unit), value, partial=year.period_status == "partial"
    )
    if value is None and year.period_status != "not_started":  # the header says not started
        cell.why = why_empty(figure, year.period_status, scope)
    elif value is not None:
        cell.why = empty_file_note(data, scope, indicator, year.year)
    cell.met = figure.get("target_met")
    cell.ratio = _ratio(figure, unit, scope, indicator.unit == "boolean")
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


def _count(rows: int, one: str, many: str) -> str:
    return f"{formats.integer(rows)} {one if rows == 1 else many}"


def _by_filiale(findings: list[Finding]) -> str:
    per_filiale: dict[str, int] = defaultdict(int)
    for finding in findings:
        per_filiale[finding.filiale_code] += finding.rows_count
    return ", ".join(
        f"{code} ({formats.integer(rows)})" if rows else code
        for code, rows in sorted(per_filiale.items())
    )


def _reservation(kind: str, findings: list[Finding], scope: str | None) -> Reservation:
    """One line for one kind of finding, in words and counts; the detail under it."""
    extracts = sorted({f.extract or "" for f in findings})
    files = ", ".join(extracts)
    filiales = sorted({f.filiale_code for f in findings})
    among = ""
    if scope is GROUP:
        among = f" ({_count(len(filiales), 'filiale', 'filiales')})"
    rows = sum(f.rows_count for f in findings)
    details: dict[str, int] = defaultdict(int)
    for finding in findings:
        where = f"{finding.filiale_code} — " if scope is GROUP else ""
        extract = f"{finding.extract} : " if len(extracts) > 1 and finding.extract else ""
        details[f"{where}{extract}{finding.detail or finding.finding_label}"] += finding.rows_count
    lines = [
        f"{text} — {_count(n, 'ligne', 'lignes')}" if n else text
        for text, n in sorted(details.items())
    ]
    if kind == "absent_extract":
        who = f" par {', '.join(filiales)}" if scope is GROUP else ""
        return Reservation(f"Fichier {files} non livré{who} : valeur inconnue")
    if kind == EMPTY_FILE:
        who = f" par {', '.join(filiales)}" if scope is GROUP else ""
        return Reservation(f"Fichier {files} livré vide{who} : la valeur ne mesure rien")
    if kind == "rejected_row":
        summary = f"{_count(rows, 'ligne écartée', 'lignes écartées')} du fichier {files}{among}"
        return Reservation(summary, lines)
    years = sorted({f.year for f in findings if f.year is not None})
    during = f" ({', '.join(map(str, years))})" if years else ""
    label = findings[0].finding_label
    summary = f"{label} : {_count(rows, 'cas', 'cas')}{during}{among}"
    return Reservation(summary, lines)


def _reservations(data: ReportData, scope: str | None, indicator: Indicator) -> list[Reservation]:
    notes: list[Reservation] = []
    seen: set[str] = set()
    for year in data.years:
        caveat = data.figure(scope, indicator.code, year.year).get("caveat") or ""
        for text in caveat.split(" ; "):
            if text and text not in seen:
                seen.add(text)
                notes.append(Reservation(text[:1].upper() + text[1:]))
    by_kind: dict[str, list[Finding]] = defaultdict(list)
    for finding in data.findings_for(scope, indicator.code):
        by_kind[finding.finding].append(finding)
    notes += [_reservation(kind, found, scope) for kind, found in sorted(by_kind.items())]
    return notes


def _no_chart(cells: list[Cell]) -> str:
    reasons = sorted({c.why for c in cells if c.why and c.value is None})
    return "Pas de graphique : aucune année n'a de valeur (" + ", ".join(reasons) + ")."


def indicator_row(data: ReportData, scope: str | None, indicator: Indicator) -> Row:
    unit = indicator.value_unit if scope is GROUP else indicator.unit
    begun = [y for y in data.years if y.period_status != "not_started"] or data.years
    cells = [_cell(data, scope, indicator, year, unit) for year in data.years]
    provisional = any(
        data.figure(scope, indicator.code, y.year).get("is_provisional_estimate")
        for y in data.years
    )
    target = _latest_target(data, scope, indicator)
    target_text = formats.target(target.get("target_comparison"), target.get("target"), unit)
    decimals = formats.UNITS.get(unit, (0, ""))[0]
    shown = {y.year for y in begun}
    chart = charts.trend(
        f"{indicator.code} {indicator.label}, {scope or 'groupe'}",
        [
            charts.Point(c.year, c.value, c.text, c.partial, c.ratio)
            for c in cells
            if c.year in shown
        ],
        target.get("target"),
        target_text,
        unit,
        decimals,
    )
    no_chart = ""
    if chart is None:
        no_chart = _no_chart(cells)
    elif scope is not GROUP and all(c.why for c in cells if c.value is not None):
        chart, no_chart = None, "Pas de graphique : " + next(c.why for c in cells if c.why) + "."
    reservations = _reservations(data, scope, indicator)
    if provisional and all(r.summary.lower() != PROVISIONAL for r in reservations):
        reservations.insert(0, Reservation(PROVISIONAL[:1].upper() + PROVISIONAL[1:]))
    return Row(
        indicator,
        unit,
        cells,
        chart,
        no_chart,
        target_text,
        reservations,
        provisional,
    )


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
