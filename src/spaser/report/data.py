"""What the report reads from the published database, loaded once.

Only relations the report's exposure declares (marts, audit counts, the
publish record) are read, each in one query; sections then work on these
rows in memory. A section for another mart queries it through `query`.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import duckdb

from spaser.build_record import PUBLISHED, Attempt, read_attempts
from spaser.outputs import Outputs

GROUP = None  # the scope of the group consolidation


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    value_unit: str  # the group's unit: a boolean consolidates as a percentage of filiales
    sort_order: int
    axis_number: int | None
    axis_label: str | None
    objective_number: int | None
    objective_label: str | None
    direction: str = "neutre"  # hausse, baisse, neutre: which way is better


@dataclass(frozen=True)
class Year:
    year: int
    period_status: str
    period_status_label: str


@dataclass(frozen=True)
class Finding:
    filiale_code: str
    year: int | None
    finding: str
    finding_label: str
    extract: str | None
    detail: str | None
    rows_count: int
    amount_ht: float | None
    affected: tuple[str, ...]


@dataclass
class ReportData:
    connection: duckdb.DuckDBPyConnection
    outputs: Outputs
    build: dict[str, Any]
    later_attempts: list[Attempt]
    indicators: list[Indicator]
    years: list[Year]
    filiales: list[str]
    figures: dict[tuple[str | None, str, int], dict[str, Any]]
    findings: list[Finding]
    validation: dict[str, Any] | None
    as_of_date: Any = None
    relations: set[str] = field(default_factory=set)
    findings_by_filiale: dict[str, list[Finding]] = field(default_factory=dict)
    # (kind, scope, indicator) -> the findings affecting it, built once per kind: findings_of.
    _by_kind: dict[tuple, list[Finding]] = field(default_factory=dict)
    _kinds_indexed: set[str] = field(default_factory=set)

    def query(self, sql: str, parameters: list | None = None) -> list[dict[str, Any]]:
        result = self.connection.execute(sql, parameters or [])
        names = [column[0] for column in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def figure(self, scope: str | None, code: str, year: int) -> dict[str, Any]:
        return self.figures.get((scope, code, year), {})

    def findings_of(self, kind: str, scope: str | None, code: str) -> list[Finding]:
        """The findings of one kind affecting an indicator, of a filiale or of all (GROUP);
        indexed once, as the scoreboard asks it of every cell."""
        if kind not in self._kinds_indexed:
            self._kinds_indexed.add(kind)
            for finding in (f for f in self.findings if f.finding == kind):
                for affected in finding.affected:
                    for scope_key in (GROUP, finding.filiale_code):
                        self._by_kind.setdefault((kind, scope_key, affected), []).append(finding)
        return self._by_kind.get((kind, scope, code), [])

    def findings_for(self, scope: str | None, code: str) -> list[Finding]:
        candidates = self.findings if scope is GROUP else self.findings_by_filiale.get(scope, [])
        return [f for f in candidates if code in f.affected]


def _relations(connection: duckdb.DuckDBPyConnection) -> set[str]:
    rows = connection.execute(
        "select table_schema || '.' || table_name from information_schema.tables"
    ).fetchall()
    return {name for (name,) in rows}


def is_published(connection: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database was published by `spaser.publish` (it holds its build record)."""
    return "publish.build_record" in _relations(connection)


def rows_of_years_begun(
    data: ReportData, relation: str, scope: str | None, known: str | None = None
) -> list[dict]:
    """A per-filiale-and-year mart's rows for the years begun, of one filiale (scope) or all;
    none when the column `known` is null in every row (nothing delivered: all unknown)."""
    started = [y.year for y in data.years if y.period_status != "not_started"]
    rows = data.query(f"select * from {relation} order by filiale_code, year")
    rows = [r for r in rows if r["year"] in started and scope in (None, r["filiale_code"])]
    if known is not None and all(r[known] is None for r in rows):
        return []
    return rows


class NotPublished(Exception):
    """There is no published database to read; the message says what to run."""


def open_published(outputs: Outputs) -> duckdb.DuckDBPyConnection:
    """The published database, read-only, its dates in Paris time."""
    if not outputs.database.exists():
        raise NotPublished(f"Aucune base publiée à {outputs.database} : lancer `make build`.")
    connection = duckdb.connect(str(outputs.database), read_only=True)
    try:
        connection.execute("set TimeZone = 'Europe/Paris'")
        published = is_published(connection)
    except BaseException:
        connection.close()
        raise
    if not published:
        connection.close()
        raise NotPublished(f"{outputs.database} n'a pas été publiée par `make build`.")
    return connection


def open_published_or_exit(outputs: Outputs) -> duckdb.DuckDBPyConnection:
    """The published database; without one, stderr says why and the command (the report,
    the summary) exits with code 1."""
    try:
        return open_published(outputs)
    except NotPublished as error:
        sys.exit(str(error))


def _validation(outputs: Outputs) -> dict[str, Any] | None:
    path = outputs.validation_results
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def load(connection: duckdb.DuckDBPyConnection, outputs: Outputs) -> ReportData:
    data = ReportData(connection, outputs, {}, [], [], [], [], {}, [], _validation(outputs))
    data.relations = _relations(connection)
    data.build = data.query("select * from publish.build_record")[0]
    data.later_attempts = [
        a
        for a in read_attempts(outputs.attempts_log)
        if a.outcome != PUBLISHED
        and datetime.fromisoformat(a.started_at) > data.build["started_at"]
    ]
    group_rows = data.query("select * from marts.fct_indicators_group order by sort_order, year")
    seen: dict[str, Indicator] = {}
    years: dict[int, Year] = {}
    for row in group_rows:
        seen.setdefault(
            row["indicator_code"],
            Indicator(
                row["indicator_code"],
                row["indicator_label"],
                row["unit"],
                row["value_unit"],
                row["sort_order"],
                row["axis_number"],
                row["axis_label"],
                row["objective_number"],
                row["objective_label"],
                row.get("direction") or "neutre",
            ),
        )
        years[row["year"]] = Year(row["year"], row["period_status"], row["period_status_label"])
        data.figures[(GROUP, row["indicator_code"], row["year"])] = row
        data.as_of_date = row["as_of_date"]
    data.indicators = list(seen.values())
    data.years = [years[y] for y in sorted(years)]
    filiales: dict[str, None] = {}
    for row in data.query("select * from marts.fct_indicators order by filiale_code"):
        filiales.setdefault(row["filiale_code"])
        data.figures[(row["filiale_code"], row["indicator_code"], row["year"])] = row
    data.filiales = list(filiales)
    data.findings = [
        Finding(
            row["filiale_code"],
            row["year"],
            row["finding"],
            row["finding_label"],
            row["extract"],
            row["detail"],
            row["rows_count"],
            row["amount_ht"],
            tuple(row["affected_indicators"] or ()),
        )
        # In a stable order: the sections sort on some fields and keep the rest as read.
        for row in data.query("select * from marts.fct_data_quality order by all")
    ]
    for finding in data.findings:
        data.findings_by_filiale.setdefault(finding.filiale_code, []).append(finding)
    return data


def by_structure(indicators: list[Indicator]) -> list[tuple[Indicator, list[list[Indicator]]]]:
    """Indicators grouped by axis, then objective, in the Spaser's order: [(first of axis,
    [[indicators of an objective], ...]), ...]."""
    axes: dict[Any, dict[Any, list[Indicator]]] = defaultdict(dict)
    for indicator in sorted(indicators, key=lambda i: i.sort_order):
        axes[indicator.axis_number].setdefault(indicator.objective_number, []).append(indicator)
    return [
        (next(iter(objectives.values()))[0], list(objectives.values()))
        for objectives in axes.values()
    ]


def relation_exists(data: ReportData, relation: str) -> bool:
    return relation in data.relations
