"""`dbt source freshness` on a built database: the delivery's files are as old as its as-of
date (int_as_of_date_resolved), and a delivery older than the var
delivery_freshness_warn_after_days warns on every extract, the FEC and the DECP files."""

from __future__ import annotations

import json
import shutil

import duckdb

from conftest import CONFORMANCE, CONFORMANCE_VARS, run_dbt

DELIVERY_SOURCES = 17  # the extracts' views, the inventory, the contract, the FEC, the DECP files


def freshness(build, tmp_path, days_old: int, vars_: str | None = None) -> dict[str, str]:
    """Each source's freshness status on a copy of `build` whose as-of date is
    `days_old` days before today."""
    shutil.copyfile(build.database, tmp_path / "spaser.duckdb")
    with duckdb.connect(str(tmp_path / "spaser.duckdb")) as connection:
        connection.execute(
            "update intermediate.int_as_of_date_resolved set as_of_date = current_date - ?",
            [days_old],
        )
    args = ("source", "freshness")
    run = run_dbt(CONFORMANCE / "raw", tmp_path, *args, **({"vars_": vars_} if vars_ else {}))
    results = json.loads((tmp_path / "target" / "sources.json").read_text())["results"]
    assert run.returncode == 0, run.output[-3000:]
    prefix = "source.spaser."
    return {result["unique_id"].removeprefix(prefix): result["status"] for result in results}


def test_a_recent_delivery_is_fresh(conformance_build, tmp_path):
    statuses = freshness(conformance_build, tmp_path, 10)
    assert len(statuses) == DELIVERY_SOURCES
    assert set(statuses.values()) == {"pass"}, statuses


def test_a_delivery_older_than_a_quarter_warns(conformance_build, tmp_path):
    statuses = freshness(conformance_build, tmp_path, 100)
    assert len(statuses) == DELIVERY_SOURCES
    assert set(statuses.values()) == {"warn"}, statuses
    assert {"extracts.factures", "extracts.delivery_files", "accounting.fec"} <= set(statuses)


def test_the_threshold_is_a_var(conformance_build, tmp_path):
    vars_ = CONFORMANCE_VARS.replace("}", ", delivery_freshness_warn_after_days: 5}")
    statuses = freshness(conformance_build, tmp_path, 10, vars_)
    assert set(statuses.values()) == {"warn"}, statuses
