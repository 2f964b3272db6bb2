"""The MetricFlow metrics: an `mf query` of each indicator's metric gives the marts'
figures, by filiale and year (fct_indicators) and for the group (fct_indicators_group)."""

from __future__ import annotations

import csv
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import INDICATORS, PROJECT_DIR

MF = Path(sys.executable).parent / "mf"
NOT_LINKED = {"target", "logs", "output", ".venv", ".git"}


@pytest.fixture(scope="module")
def mf_project(published_conformance, tmp_path_factory) -> Path:
    """The project seen through symlinks, with the published build's semantic manifest:
    `mf` reads `<project>/target/semantic_manifest.json` and nothing else decides where."""
    project = tmp_path_factory.mktemp("mf") / "projet spaser"
    project.mkdir()
    for entry in PROJECT_DIR.iterdir():
        if entry.name not in NOT_LINKED:
            (project / entry.name).symlink_to(entry)
    (project / "target").mkdir()
    built = published_conformance.outputs.root.parent / "target" / "semantic_manifest.json"
    shutil.copy(built, project / "target")
    return project


def run_mf(project: Path, database: Path, metrics: list[str], group_by: str) -> list[dict]:
    out = project / f"result-{group_by.replace(',', '-')}.csv"
    command = [str(MF), "query", "--metrics", ",".join(metrics), "--group-by", group_by]
    completed = subprocess.run(
        [*command, "--csv", str(out), "--quiet"],
        cwd=project,
        env={
            **os.environ,
            "DBT_PROFILES_DIR": str(project),
            "SPASER_DUCKDB_PATH": str(database),
            "SPASER_DBT_TARGET": "reader",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    with out.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def same(expected, actual: str) -> bool:
    if expected is None or actual == "":
        return expected is None and actual == ""
    return math.isclose(float(expected), float(actual), rel_tol=1e-9, abs_tol=1e-9)


def test_every_indicator_has_its_metric_and_the_group_figures(published_conformance, mf_project):
    catalogue = published_conformance.query(
        "select indicator_code from reference.indicator_catalogue order by sort_order"
    )
    metrics = [code.lower() for (code,) in catalogue]
    assert metrics == [code.lower() for code in INDICATORS]
    rows = run_mf(mf_project, published_conformance.outputs.database, metrics, "metric_time__year")
    group = {
        (code.lower(), year): value
        for code, year, value in published_conformance.query(
            "select indicator_code, year, value from marts.fct_indicators_group"
        )
    }
    mismatches = [
        (
            metric,
            row["metric_time__year"],
            row[metric],
            group[(metric, int(row["metric_time__year"][:4]))],
        )
        for row in rows
        for metric in metrics
        if not same(group[(metric, int(row["metric_time__year"][:4]))], row[metric])
    ]
    assert len(rows) == 3 and mismatches == []


def test_metrics_by_filiale_and_year_equal_the_filiale_figures(published_conformance, mf_project):
    units = dict(
        published_conformance.query(
            "select lower(indicator_code), unit from reference.indicator_catalogue"
        )
    )
    metrics = sorted(units)
    rows = run_mf(
        mf_project, published_conformance.outputs.database, metrics, "filiale,metric_time__year"
    )
    cells = {
        (filiale, code.lower(), year): value
        for filiale, code, year, value in published_conformance.query(
            "select filiale_code, indicator_code, year, value from marts.fct_indicators"
        )
    }

    def expected(filiale: str, metric: str, year: int):
        value = cells[(filiale, metric, year)]
        # A boolean metric is the percentage of filiales at 1: 100 or 0 for one filiale.
        return value * 100 if units[metric] == "boolean" and value is not None else value

    mismatches = [
        (row["filiale"], row["metric_time__year"], metric, row[metric])
        for row in rows
        for metric in metrics
        if not same(
            expected(row["filiale"], metric, int(row["metric_time__year"][:4])), row[metric]
        )
    ]
    assert len(rows) == 3 * 3 and mismatches == []
