"""What the scoreboard says of a figure: better or worse than the year before or than the
group, by the indicator's direction (catalogue column `direction`), and its target verdict.

Two figures are « stables » / « égales » when they read the same as the report shows
them (same rounding): a change the reader cannot see is no change.
"""

from __future__ import annotations

from dataclasses import dataclass

from spaser import formats
from spaser.report.data import GROUP, Indicator, ReportData, Year

BETTER, WORSE, SAME, UP, DOWN = "better", "worse", "same", "up", "down"
PARTIAL_SUM = "partial-sum"
# How a change reads, by the indicator's direction (neutre: no better nor worse).
CHANGE_WORDS = {
    BETTER: ("▲", "mieux"),
    WORSE: ("▼", "moins bien"),
    SAME: ("=", "stable"),
    UP: ("↗", "en hausse"),
    DOWN: ("↘", "en baisse"),
    PARTIAL_SUM: ("…", "cumul partiel, non comparé"),
}


@dataclass(frozen=True)
class Verdict:
    met: bool | None
    provisional: bool

    @property
    def text(self) -> str:
        if self.met is None:
            return ""
        word = "✓ atteinte" if self.met else "✗ non atteinte"
        return f"{word} (provisoire)" if self.provisional else word


def reference_years(data: ReportData) -> list[Year]:
    """The last closed year and the year in progress, those that exist, in that order."""
    closed = [y for y in data.years if y.period_status == "closed"]
    partial = [y for y in data.years if y.period_status == "partial"]
    return ([closed[-1]] if closed else []) + partial[-1:]


def matrix_year(data: ReportData) -> Year | None:
    """The year of the filiale × indicator matrix: the last closed one, else the year begun."""
    years = reference_years(data)
    return years[0] if years else None


def previous(data: ReportData, year: Year) -> Year | None:
    earlier = [y for y in data.years if y.year < year.year]
    return earlier[-1] if earlier else None


def _comparable(value: float | None, unit: str) -> float | None:
    """The value at the rounding the report shows (a boolean of a filiale as a percentage)."""
    if value is None:
        return None
    if unit == "boolean":
        return round(float(value) * 100, 1)
    decimals = formats.UNITS.get(unit, (2, ""))[0]
    return round(float(value), decimals)


def compare(
    value: float | None, other: float | None, direction: str, unit: str, other_unit: str = ""
) -> str | None:
    """better / worse / same (hausse, baisse) or up / down / same (neutre); None when unknown."""
    a, b = _comparable(value, unit), _comparable(other, other_unit or unit)
    if a is None or b is None:
        return None
    if a == b:
        return SAME
    higher = a > b
    if direction == "hausse":
        return BETTER if higher else WORSE
    if direction == "baisse":
        return WORSE if higher else BETTER
    return UP if higher else DOWN


ADDITIVE = ("eur", "count", "fte")


def group_reference(data: ReportData, indicator: Indicator, year: int) -> float | None:
    """What a filiale's figure is set against: the group's ratio, or for an amount, a count or
    FTE (which the group adds up) the group's total per filiale that has a value."""
    row = data.figure(GROUP, indicator.code, year)
    value = row.get("value")
    if value is None or indicator.value_unit not in ADDITIVE:
        return value
    counted = row.get("filiales_with_value") or 0
    return value / counted if counted else None


def unit_of(indicator: Indicator, scope: str | None) -> str:
    return indicator.value_unit if scope is GROUP else indicator.unit


def verdict(data: ReportData, scope: str | None, indicator: Indicator, year: Year) -> Verdict:
    met = data.figure(scope, indicator.code, year.year).get("target_met")
    return Verdict(met, year.period_status != "closed")
