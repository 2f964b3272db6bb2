"""The grain tests of the evidence unions, checked one indicator at a time
(`unique_combination_per_partition`, macros/tests/generic_tests.sql) so that the group's
evidence is never grouped at once: each fails on an evidence row given twice, whether its
indicator is one of the catalogue's (a partition of its own) or not (the remainder)."""

from __future__ import annotations

import re
import shutil

import duckdb

from conftest import CONFORMANCE, run_dbt

GRAIN_TESTS = "test_name:unique_combination_per_partition"


def test_the_evidence_grain_tests_pass_on_the_built_evidence(conformance_build, tmp_path):
    shutil.copyfile(conformance_build.database, tmp_path / "spaser.duckdb")
    run = run_dbt(CONFORMANCE / "raw", tmp_path, "test", "--select", GRAIN_TESTS).succeeded()
    assert re.search(r"Finished running .*\b3 data tests\b", run.output), run.output[-3000:]


def test_the_evidence_grain_tests_fail_on_a_duplicated_evidence_row(conformance_build, tmp_path):
    """A union that gives an O3_1 row twice, and a row of a code the catalogue does not know
    twice: one duplicate in a partition, one in the remainder, each found, in the union, in
    the published view over it, and in the history's evidence."""
    shutil.copyfile(conformance_build.database, tmp_path / "spaser.duckdb")
    with duckdb.connect(str(tmp_path / "spaser.duckdb")) as connection:
        connection.execute(  # stored once: each partition of the test reads it again
            "create table marts.fct_indicator_evidence_built as "
            "select * from marts.fct_indicator_evidence"
        )
        connection.execute("drop view intermediate.int_indicator_evidence")
        connection.execute(
            """
            create view intermediate.int_indicator_evidence as
            with
                built as (select * from marts.fct_indicator_evidence_built),
                one_o3_1 as (select * from built where indicator_code = 'O3_1' limit 1),
                unknown as (
                    select * replace ('X9_9' as indicator_code) from one_o3_1
                )
            select * from built
            union all select * from one_o3_1
            union all select * from unknown
            union all select * from unknown
            """
        )
        connection.execute(
            """
            create or replace view staging.stg_history__indicator_evidence as
            select 'build-1' as build_id, * exclude (facts) from marts.fct_indicator_evidence
            """
        )
        ((added,),) = connection.execute(
            "select (select count(*) from marts.fct_indicator_evidence)"
            " - (select count(*) from marts.fct_indicator_evidence_built)"
        ).fetchall()
        assert added == 3
    run = run_dbt(CONFORMANCE / "raw", tmp_path, "test", "--select", GRAIN_TESTS)
    assert run.returncode != 0
    assert re.search(r"Finished running .*\b3 data tests\b", run.output), run.output[-3000:]
    failed = re.findall(
        r"Failure in test unique_combination_per_partition_"
        r"(fct_indicator_evidence|int_indicator_evidence|stg_history__indicator_evidence)_",
        run.output,
    )
    unions = ["fct_indicator_evidence", "int_indicator_evidence", "stg_history__indicator_evidence"]
    assert sorted(failed) == unions, run.output[-3000:]
    assert run.output.count("Got 2 results") == 3, run.output[-3000:]


def test_the_grain_test_of_a_table_fails_on_a_key_given_twice(conformance_build, tmp_path):
    """`unique_combination` groups a hash of the key first: a key given twice is still
    found, once, and a table without one passes."""
    shutil.copyfile(conformance_build.database, tmp_path / "spaser.duckdb")
    selection = ["--select", "test_name:unique_combination,int_invoices_reconciled"]
    run_dbt(CONFORMANCE / "raw", tmp_path, "test", *selection).succeeded()
    with duckdb.connect(str(tmp_path / "spaser.duckdb")) as connection:
        connection.execute(
            "insert into intermediate.int_invoices_reconciled "
            "select * from intermediate.int_invoices_reconciled limit 1"
        )
    failed = run_dbt(CONFORMANCE / "raw", tmp_path, "test", *selection)
    assert failed.returncode != 0
    assert "Failure in test unique_combination_int_invoices_reconciled_" in failed.output
    assert failed.output.count("Got 1 result") == 1, failed.output[-3000:]
