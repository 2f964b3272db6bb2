"""DECP (issue 12) on the DECP conformance folder, against the independent expected values:
the two DECP marts and the DECP rejects; and every figure of the base conformance set
unchanged, since the DECP files only add rows of their own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
import test_conformance as base

from conftest import CONFORMANCE, FIXTURES, run_dbt
from expected_values import (
    as_text,
    read_expected,
    rejected_rows,
    row_counts,
    same_number,
)
from publishing import SectionData, export_mart
from spaser.formats import NBSP
from spaser.report.sections.decp import filiale_decp, group_decp
from spaser.summary import deliveries

DECP_CONFORMANCE = FIXTURES / "conformance_decp"
COMPLIANCE_FIGURES = (
    "contracts_in_scope",
    "contracts_published",
    "contracts_published_on_time",
    "published_pct",
    "published_on_time_pct",
    "contracts_inconsistent",
    "amendments_unpublished",
    "records_without_contract",
)
CHECK_COLUMNS = (
    "published",
    "published_on_time",
    "publication_delay_days",
    "notification_date_matches",
    "amount_matches",
    "titulaire_matches",
    "social_consideration_matches",
    "environmental_consideration_matches",
    "framework_matches",
    "modified_amount_matches",
)


def expected(name: str) -> list[dict[str, str]]:
    return read_expected(name, DECP_CONFORMANCE / "expected")


@pytest.fixture(scope="module")
def decp_build(tmp_path_factory):
    return run_dbt(
        DECP_CONFORMANCE / "raw", tmp_path_factory.mktemp("decp_conformance"), "build"
    ).succeeded()


def test_the_folder_is_the_conformance_set_plus_decp_files():
    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.csv")}

    assert files(DECP_CONFORMANCE / "raw") == files(CONFORMANCE / "raw")


def test_compliance_per_filiale_and_year(decp_build):
    actual = {
        (filiale, year): rest
        for filiale, year, *rest in decp_build.query(
            f"select filiale_code, year, {', '.join(COMPLIANCE_FIGURES)} "
            "from marts.fct_decp_compliance"
        )
    }
    rows = expected("expected_compliance.csv")
    assert len(actual) == len(rows) == 9
    mismatches = [
        (row, actual[(row["filiale_code"], int(row["year"]))])
        for row in rows
        if not all(
            same_number(row[column], value)
            for column, value in zip(
                COMPLIANCE_FIGURES, actual[(row["filiale_code"], int(row["year"]))], strict=True
            )
        )
    ]
    assert mismatches == []


def test_each_contract_in_scope_and_its_checks(decp_build):
    actual = {
        (filiale, str(year), contract): [
            as_text(v) if isinstance(v, bool) or v is None else str(v) for v in rest
        ]
        for filiale, year, contract, *rest in decp_build.query(
            f"select filiale_code, year, contract_id, {', '.join(CHECK_COLUMNS)} "
            "from marts.fct_decp_contract_checks"
        )
    }
    wanted = {
        (row["filiale_code"], row["year"], row["contract_id"]): [row[c] for c in CHECK_COLUMNS]
        for row in expected("expected_contract_checks.csv")
    }
    assert len(wanted) == 86
    assert actual == wanted


def test_rejected_records_with_their_position(decp_build):
    actual, wanted = rejected_rows(
        decp_build, "extract = 'decp'", DECP_CONFORMANCE / "expected", "expected_decp_rejects.csv"
    )
    assert actual == wanted


def test_records_read_kept_and_rejected(decp_build):
    # Counted in the files: SEQENS 24 + 21 + 6 records of `marche` lists (the concession
    # entries beside them are not records), SIDR 22 + 22 + 1; one reject each.
    assert decp_build.query(
        "select filiale_code, files_count, rows_read, rows_kept, rows_rejected "
        "from audit.audit_extract_row_counts where extract = 'decp' order by filiale_code"
    ) == [("SEQENS", 3, 51, 50, 1), ("SIDR", 3, 45, 44, 1)]


def test_consideration_mismatches_are_findings_on_o1_2_and_o1_3(decp_build):
    # The false social/environmental checks of expected_contract_checks.csv, kept when the
    # ERP's montant_ht reaches the O1_2/O1_3 threshold (100 000 €): SEQENS 2025-M008
    # (79 703,44 €) is below it.
    assert decp_build.query(
        "select filiale_code, year, affected_indicators, rows_count, amount_ht "
        "from marts.fct_data_quality where finding like 'decp_%_consideration_mismatch' "
        "order by filiale_code, year, affected_indicators"
    ) == [
        ("SEQENS", 2025, ["O1_3"], 1, 514648.37),
        ("SIDR", 2024, ["O1_2"], 1, 1079349.43),
        ("SIDR", 2024, ["O1_3"], 1, 216141.17),
        ("SIDR", 2025, ["O1_3"], 1, 1359305.06),
    ]


def test_every_base_conformance_figure_is_unchanged(decp_build):
    base.test_every_filiale_indicator_cell(decp_build)
    base.test_every_group_cell(decp_build)
    base.test_each_figure_lists_its_source_rows(decp_build)
    base.test_rejected_rows_keep_reason_and_raw_values(decp_build)


def test_csv_rejects_and_row_counts_are_unchanged(decp_build):
    actual, expected = rejected_rows(decp_build, where="extract <> 'decp'")
    assert actual == expected
    actual, expected = row_counts(decp_build, where="extract <> 'decp'")
    assert actual == expected


def test_without_decp_files_every_decp_figure_is_null(conformance_build):
    assert conformance_build.query(
        "select count(*), count(contracts_in_scope), count(records_without_contract) "
        "from marts.fct_decp_compliance"
    ) == [(9, 0, 0)]
    assert conformance_build.query("select count(*) from marts.fct_decp_contract_checks") == [(0,)]
    assert conformance_build.query(
        "select count(*) from marts.fct_data_quality where extract = 'decp'"
    ) == [(0,)]


def test_summary_counts_no_missing_extract_for_a_filiale_with_decp_files(decp_build):
    with duckdb.connect(str(decp_build.database), read_only=True) as connection:
        absent = {filiale: count for filiale, *_, count in deliveries(connection)}
    assert absent == {"SEQENS": 0, "SIDR": 0, "LOGEO": 0}


def test_report_shows_the_publication_rate_and_the_unpublished_contracts(decp_build):
    data = SectionData(decp_build)
    group = group_decp(data, None)
    # SEQENS 2024, of 19: both short of the scope, both marked.
    assert f'>18 (94,7{NBSP}%)</td><td class="num attention">16 (84,2{NBSP}%)</td>' in group
    assert group.count("inconnu : aucun fichier DECP livré") == 3  # LOGEO
    sidr = filiale_decp(data, "SIDR")
    assert "Marchés non publiés (4)" in sidr and sidr.count(">en retard<") == 4
    assert all(c in sidr for c in ("2024-M004", "2025-M010", "2025-M020", "2026-M005"))
    assert "2024-M010" not in sidr  # SEQENS'
    assert "Aucun fichier DECP livré" in filiale_decp(data, "LOGEO")


def test_compliance_and_contract_checks_are_exported(decp_build, tmp_path):
    schema, checks = export_mart(decp_build, "fct_decp_contract_checks", tmp_path)
    assert str(schema.field("published").type) == "bool"
    assert [r["published"] for r in checks].count("FAUX") == 8
    _, compliance = export_mart(decp_build, "fct_decp_compliance", tmp_path)
    rows = {(r["filiale_code"], r["year"]): r for r in compliance}
    assert rows[("SIDR", "2026")]["published_pct"] == "75"
    assert rows[("LOGEO", "2025")]["contracts_in_scope"] == ""


def test_an_unpublished_contract_within_its_delay_is_not_late(decp_build):
    # SIDR 2026-M005, notified 25/05/2026 (marches.csv), may be published until 25/07/2026.
    data = SectionData(decp_build)
    data.as_of_date = date(2026, 7, 25)
    sidr = filiale_decp(data, "SIDR")
    assert "dont 1 encore dans le délai de publication" in sidr
    assert '<td>2026-M005</td><td class="num">25/05/2026</td>' in sidr
    assert '<td class="num">25/07/2026</td>' in sidr
    assert sidr.count(">en retard<") == 3 and sidr.count("délai non échu") == 1
    data.as_of_date = date(2026, 7, 26)
    assert filiale_decp(data, "SIDR").count(">en retard<") == 4
