"""`dbt source freshness` on a built database (macros/freshness.sql).

The delivery's files are as old as its as-of date (int_as_of_date_resolved): older than the
var delivery_freshness_warn_after_days, every extract, the FEC and the DECP files warn. The
history is as old as the last publication (publication_freshness_warn_after_days), and warns
when nothing is published. A registry is as old as its files' modification time
(registry_freshness_warn_after_days), or as the delivery when it has no file."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, date, datetime, time, timedelta

import duckdb
import pytest

from conftest import CONFORMANCE, CONFORMANCE_VARS, FIXTURES, run_dbt

DELIVERY_SOURCES = 17  # the extracts' views, the inventory, the contract, the FEC, the DECP files
DELIVERY = ("extracts.", "accounting.", "decp.")
HISTORY_SOURCES = 4  # builds, indicators, indicators_group, indicator_evidence
REGISTRY_SOURCES = {  # each registry source and its file in the conformance registries
    "registries.stock_unite_legale": "StockUniteLegale_utf8.parquet",
    "registries.stock_etablissement": "StockEtablissement_utf8.csv",
    "registries.esus": "esus.csv",
    "registries.ess_france": "ess_france.csv",
}
REGISTRIES = FIXTURES / "conformance_registries" / "registries"


def freshness(
    build, work, days_old: int, vars_: str | None = None, registries=None
) -> dict[str, dict]:
    """Each source's freshness result (status, max_loaded_at) on a copy of `build` in
    `work` whose as-of date is `days_old` days before today."""
    work.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(build.database, work / "spaser.duckdb")
    with duckdb.connect(str(work / "spaser.duckdb")) as connection:
        connection.execute(
            "update intermediate.int_as_of_date_resolved set as_of_date = current_date - ?",
            [days_old],
        )
    args = ("source", "freshness")
    options = {"vars_": vars_} if vars_ else {}
    run_dbt(CONFORMANCE / "raw", work, *args, registries=registries, **options).succeeded()
    results = json.loads((work / "target" / "sources.json").read_text())["results"]
    prefix = "source.spaser."
    return {result["unique_id"].removeprefix(prefix): result for result in results}


def statuses(results: dict[str, dict], *prefixes: str) -> dict[str, str]:
    """The status of each source whose name starts with one of `prefixes`."""
    return {name: r["status"] for name, r in results.items() if name.startswith(prefixes)}


def loaded_at(result: dict) -> datetime:
    return datetime.fromisoformat(result["max_loaded_at"])


def days_ago(days: int) -> datetime:
    """The as-of date `days` days before today (DuckDB's current_date, local), as dbt
    reads a date without a time zone: midnight UTC."""
    return datetime.combine(date.today() - timedelta(days=days), time(), UTC)


@pytest.fixture(scope="module")
def as_built(conformance_build, tmp_path_factory) -> dict[int, tuple[dict[str, dict], datetime]]:
    """The freshness of the conformance build with its as-of date 10 and 100 days ago, as
    built (no registries, nothing published), each with that as-of date as the run saw it:
    the runs that several tests read."""
    runs = {}
    for days in (10, 100):
        results = freshness(conformance_build, tmp_path_factory.mktemp(f"as_built_{days}"), days)
        runs[days] = (results, days_ago(days))
    return runs


def test_a_recent_delivery_is_fresh(as_built):
    delivery = statuses(as_built[10][0], *DELIVERY)
    assert len(delivery) == DELIVERY_SOURCES
    assert set(delivery.values()) == {"pass"}, delivery


def test_a_delivery_older_than_a_quarter_warns(as_built):
    delivery = statuses(as_built[100][0], *DELIVERY)
    assert len(delivery) == DELIVERY_SOURCES
    assert set(delivery.values()) == {"warn"}, delivery
    assert {"extracts.factures", "extracts.delivery_files", "accounting.fec"} <= set(delivery)


def test_the_threshold_is_a_var(conformance_build, tmp_path):
    vars_ = CONFORMANCE_VARS.replace("}", ", delivery_freshness_warn_after_days: 5}")
    delivery = statuses(freshness(conformance_build, tmp_path, 10, vars_), *DELIVERY)
    assert set(delivery.values()) == {"warn"}, delivery


# The history: the conformance build's own views were landed before its publish, with no
# build yet; the freshness run lands them again, and sees the build published since.


def test_the_history_is_as_old_as_the_last_publication(
    conformance_build, published_conformance, tmp_path, monkeypatch
):
    history = published_conformance.outputs.history
    monkeypatch.setenv("SPASER_HISTORY_DIR", str(history))
    records = [str(path) for path in history.glob("builds/*/build.parquet")]
    (finished_at,) = duckdb.read_parquet(records).aggregate("max(finished_at)").fetchall()[0]
    results = freshness(conformance_build, tmp_path, 10)
    history_statuses = statuses(results, "history.")
    assert len(history_statuses) == HISTORY_SOURCES
    assert set(history_statuses.values()) == {"pass"}, history_statuses
    assert loaded_at(results["history.builds"]) == finished_at


def test_nothing_published_warns(as_built):
    history = statuses(as_built[10][0], "history.")
    assert len(history) == HISTORY_SOURCES
    assert set(history.values()) == {"warn"}, history


def test_a_publication_older_than_the_var_warns(
    conformance_build, published_conformance, tmp_path, monkeypatch
):
    """The last build published 100 days ago: a warning after 92 days, none after 150."""
    history = tmp_path / "published"
    shutil.copytree(published_conformance.outputs.history, history)
    (record,) = history.glob("builds/*/build.parquet")
    old = record.with_name("old.parquet")
    duckdb.read_parquet(str(record)).select(
        "* replace (finished_at - interval 100 day as finished_at)"
    ).write_parquet(str(old))
    os.replace(old, record)
    monkeypatch.setenv("SPASER_HISTORY_DIR", str(history))
    warned = statuses(freshness(conformance_build, tmp_path / "default", 10), "history.")
    assert len(warned) == HISTORY_SOURCES
    assert set(warned.values()) == {"warn"}, warned
    vars_ = CONFORMANCE_VARS.replace("}", ", publication_freshness_warn_after_days: 150}")
    passed = statuses(freshness(conformance_build, tmp_path / "var", 10, vars_), "history.")
    assert set(passed.values()) == {"pass"}, passed


# The registries: the conformance registries' files, copied with a chosen modification time.


def registry_files(tmp_path, days_old: int):
    """The conformance registries, their files modified `days_old` days ago."""
    folder = tmp_path / "registries"
    shutil.copytree(REGISTRIES, folder)
    modified = (datetime.now(UTC) - timedelta(days=days_old)).timestamp()
    for name in REGISTRY_SOURCES.values():
        os.utime(folder / name, (modified, modified))
    return folder, datetime.fromtimestamp(modified, UTC)


def test_registries_with_recent_files_are_fresh(conformance_build, tmp_path):
    folder, modified = registry_files(tmp_path, 10)
    results = freshness(conformance_build, tmp_path / "work", 200, registries=folder)
    assert statuses(results, "registries.") == dict.fromkeys(REGISTRY_SOURCES, "pass")
    for name in REGISTRY_SOURCES:  # the files' time, not the (old) delivery's
        assert abs(loaded_at(results[name]) - modified) < timedelta(seconds=1), name


def test_registries_older_than_the_var_warn_and_a_missing_one_follows_the_delivery(
    conformance_build, tmp_path
):
    folder, _ = registry_files(tmp_path, 100)
    (folder / REGISTRY_SOURCES["registries.esus"]).unlink()
    results = freshness(conformance_build, tmp_path / "work", 10, registries=folder)
    expected = dict.fromkeys(REGISTRY_SOURCES, "warn") | {"registries.esus": "pass"}
    assert statuses(results, "registries.") == expected
    assert loaded_at(results["registries.esus"]) == days_ago(10)
    vars_ = CONFORMANCE_VARS.replace("}", ", registry_freshness_warn_after_days: 150}")
    results = freshness(conformance_build, tmp_path / "var", 10, vars_, registries=folder)
    assert set(statuses(results, "registries.").values()) == {"pass"}


def test_without_registries_they_follow_the_delivery(as_built):
    """No registries folder (the default for a delivery other than the demo): the
    classification falls back to the ERP's supplier master, as old as the delivery."""
    for days_old, status in ((10, "pass"), (100, "warn")):
        results, as_of = as_built[days_old]
        assert statuses(results, "registries.") == dict.fromkeys(REGISTRY_SOURCES, status)
        for name in REGISTRY_SOURCES:
            assert loaded_at(results[name]) == as_of, name
