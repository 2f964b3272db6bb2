"""What changed since the previous published delivery (fct_indicator_changes and the
evidence rows behind it): on the group page the group's figures, on a filiale page its
own and the rows that moved them. Restatements of closed years come first; a first
delivery says there is nothing to compare with."""

from __future__ import annotations

import json
from datetime import date, datetime

import duckdb

from spaser import formats, history
from spaser.report.data import ReportData
from spaser.report.registry import FILIALE_PAGE, GROUP_PAGE, render, section

CHANGES = "marts.fct_indicator_changes"
EVIDENCE = "marts.fct_indicator_change_evidence"
BUILDS = "intermediate.int_builds_compared"
# A filiale page lists this many evidence rows (closed years first, then the largest moves);
# the mart holds them all.
MAX_EVIDENCE = 50
TITLE = "Ce qui a changé depuis la livraison précédente"
# Closed years first (whatever the kind), then by the kind's report order.
ORDER = (
    "case when period_kind = 'retraitement' then 0 else 1 end, report_order, year, "
    "sort_order, filiale_code"
)


# A change is often small: figures and differences shown finer than in the indicator tables.
DECIMALS = {"percent": 2, "days": 2, "fte": 2, "eur": 2, "count": 0, "boolean": 0}
SUFFIXES = {"percent": "%", "days": "j", "fte": "ETP", "eur": "€"}


def changed_figure(value: float | None, unit: str, difference: bool = False) -> str:
    """`14,18 %`, or as a difference `+0,01 pt`; a boolean of a filiale reads oui/non."""
    if value is None:
        return formats.MISSING
    if unit == "boolean" and not difference:
        return formats.figure(value, unit)
    decimals = DECIMALS.get(unit, 2)
    while difference and value and round(value, decimals) == 0 and decimals < 6:
        decimals += 1  # a change never reads as +0,00
    text = formats.number(value, decimals)
    suffix = "pt" if difference and unit == "percent" else SUFFIXES.get(unit, "")
    if difference:
        text = ("+" if value > 0 else "−" if value < 0 else "") + text.lstrip("-")
    return f"{text}{formats.NBSP}{suffix}" if suffix else text


def delivery_day(value: datetime | date | None) -> str:
    if isinstance(value, datetime):
        value = value.astimezone(formats.PARIS).date()
    return formats.day(value)


def vars_changed(data: ReportData, previous_build_id: str) -> list[tuple[str, str, str]]:
    """The vars that differ from the previous build's (its record in the history), as
    (name, before, now); none when the history no longer holds that record."""
    found = [
        folder / f"{history.BUILD}.parquet"
        for folder in history.build_folders(data.outputs.history)
        if folder.name.endswith(f"-{previous_build_id}")
    ]
    if not found or not found[0].exists():
        return []
    try:
        with duckdb.connect() as connection:
            row = connection.execute("select vars from read_parquet(?)", [str(found[0])]).fetchone()
    except duckdb.Error:
        return []
    before, now = json.loads(row[0] or "{}"), json.loads(data.build["vars"] or "{}")
    return [
        (
            name,
            json.dumps(before.get(name), ensure_ascii=False),
            json.dumps(now.get(name), ensure_ascii=False),
        )
        for name in sorted(set(before) | set(now))
        if before.get(name) != now.get(name)
    ]


def _previous(data: ReportData) -> dict | None:
    rows = data.query(f"select * from {BUILDS} where previous_build_id is not null")
    return rows[0] if rows else None


def _changes(data: ReportData, scope: str | None) -> list[dict]:
    where = "scope = 'groupe'" if scope is None else "scope = 'filiale' and filiale_code = ?"
    return data.query(
        f"select * from {CHANGES} where {where} order by {ORDER}",
        [] if scope is None else [scope],
    )


def _evidence(data: ReportData, scope: str) -> list[dict]:
    return data.query(
        f"select evidence.*, changes.indicator_label from {EVIDENCE} as evidence "
        f"left join {CHANGES} as changes using (filiale_code, year, indicator_code) "
        "where evidence.filiale_code = ? order by "
        "case when changes.period_kind = 'retraitement' then 0 else 1 end, evidence.year, "
        "changes.sort_order, abs(coalesce(evidence.numerator_contribution, 0) "
        "- coalesce(evidence.previous_numerator_contribution, 0)) "
        "+ abs(coalesce(evidence.denominator_contribution, 0) "
        "- coalesce(evidence.previous_denominator_contribution, 0)) desc, "
        "evidence.year, evidence.indicator_code, evidence.business_key",
        [scope],
    )


def changes_section(data: ReportData, scope: str | None) -> tuple[str, str]:
    previous = _previous(data)
    if previous is None:
        return TITLE, render("changes.html.j2", previous=None)
    rows = _changes(data, scope)
    evidence = _evidence(data, scope) if scope is not None else []
    filiale_count = 0
    if scope is None:
        filiale_count = data.query(f"select count(*) as n from {CHANGES} where scope = 'filiale'")[
            0
        ]["n"]
    title = f"Ce qui a changé depuis la livraison du {delivery_day(previous['previous_build_at'])}"
    html = render(
        "changes.html.j2",
        previous=previous,
        rows=rows,
        scope=scope,
        filiale_count=filiale_count,
        evidence=evidence[:MAX_EVIDENCE],
        evidence_count=len(evidence),
        delivery_day=delivery_day,
        changed_figure=changed_figure,
        changed_vars=vars_changed(data, previous["previous_build_id"])
        if previous["vars_changed"]
        else [],
    )
    return title, html


@section(GROUP_PAGE, TITLE, requires=(CHANGES, BUILDS), order=10)
def group_changes(data: ReportData, scope: str | None) -> tuple[str, str]:
    return changes_section(data, None)


@section(FILIALE_PAGE, TITLE, requires=(CHANGES, EVIDENCE, BUILDS), order=10)
def filiale_changes(data: ReportData, scope: str | None) -> tuple[str, str]:
    return changes_section(data, scope)
