"""Deliveries that break the contract stop the build with a message naming the culprit;
absent and empty extracts give unknown and zero figures as the contract says."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_raw, drop_column, rewrite_csv, run_dbt


def _drop_a_required_column(raw: Path) -> None:
    rewrite_csv(raw / "LOGEO" / "factures.csv", drop_column("montant_ht"))


def _rename_a_filiale_folder(raw: Path) -> None:
    (raw / "LOGEO").rename(raw / "LOGEO_2026")


def _add_an_unreadable_filiales_row(raw: Path) -> None:
    path = raw / "filiales.csv"
    path.write_text(path.read_text(encoding="utf-8") + "HABITAT;Habitat;123456789;75;peut-être\n")


@pytest.mark.parametrize(
    ("break_delivery", "messages"),
    [
        (_drop_a_required_column, ["LOGEO/factures.csv", "'montant_ht' missing"]),
        (_rename_a_filiale_folder, ["filiale folder 'LOGEO_2026'", "not in filiales.csv"]),
        (
            _add_an_unreadable_filiales_row,
            ["filiales.csv line 5: invalid boolean in 'drom': peut-être"],
        ),
    ],
    ids=["missing_required_column", "unknown_filiale_folder", "unreadable_filiales_row"],
)
def test_a_broken_delivery_stops_the_build_naming_the_culprit(tmp_path, break_delivery, messages):
    raw = copy_raw(tmp_path / "raw")
    break_delivery(raw)
    run = run_dbt(raw, tmp_path / "work", "build")
    assert run.returncode != 0
    for message in messages:
        assert message in run.output


def test_missing_optional_column_reads_as_empty(tmp_path):
    raw = copy_raw(tmp_path / "raw")
    rewrite_csv(raw / "LOGEO" / "factures.csv", drop_column("montant_ttc"))
    run = run_dbt(
        raw, tmp_path / "work", "build", "--select", "+stg_extracts__invoices"
    ).succeeded()
    assert run.query(
        "select count(*), count(amount_ttc) from staging.stg_extracts__invoices "
        "where filiale_code = 'LOGEO'"
    ) == [(171, 0)]


@pytest.fixture(scope="module")
def partial_delivery(tmp_path_factory):
    """LOGEO delivers no vehicles; SIDR delivers a trainings file with a header only."""
    work = tmp_path_factory.mktemp("partial")
    raw = copy_raw(work / "raw")
    (raw / "LOGEO" / "vehicules.csv").unlink()
    rewrite_csv(raw / "SIDR" / "formations.csv", lambda header, rows: (header, []))
    return run_dbt(raw, work / "work", "build").succeeded()


def test_absent_extract_gives_unknown_figures(partial_delivery):
    rows = partial_delivery.query(
        "select year, numerator, denominator, value from marts.fct_indicators "
        "where filiale_code = 'LOGEO' and indicator_code = 'O4_4' order by year"
    )
    assert rows == [(2024, None, None, None), (2025, None, None, None), (2026, None, None, None)]
    assert partial_delivery.query(
        "select count(*) from audit.audit_extract_row_counts "
        "where filiale_code = 'LOGEO' and extract = 'vehicules'"
    ) == [(0,)]


def test_group_consolidates_only_filiales_with_a_value(partial_delivery):
    filiales = partial_delivery.query(
        "select year, sum(numerator), sum(denominator) from marts.fct_indicators "
        "where indicator_code = 'O4_4' and value is not null group by year order by year"
    )
    group = partial_delivery.query(
        "select year, numerator, denominator, filiales_with_value from marts.fct_indicators_group "
        "where indicator_code = 'O4_4' order by year"
    )
    assert [(y, n, d) for y, n, d, _ in group] == filiales
    assert {count for *_, count in group} == {2}


def test_present_but_empty_extract_counts_zero(partial_delivery):
    assert partial_delivery.query(
        "select year, numerator, value from marts.fct_indicators "
        "where filiale_code = 'SIDR' and indicator_code = 'O2_1' order by year"
    ) == [(2024, 0.0, 0.0), (2025, 0.0, 0.0), (2026, 0.0, 0.0)]
    assert partial_delivery.query(
        "select rows_read, rows_kept, rows_rejected from audit.audit_extract_row_counts "
        "where filiale_code = 'SIDR' and extract = 'formations'"
    ) == [(0, 0, 0)]


def test_absent_extract_is_a_quality_finding(partial_delivery):
    assert partial_delivery.query(
        "select year, affected_indicators from marts.fct_data_quality "
        "where finding = 'absent_extract' order by year"
    ) == [(2024, ["O4_4"]), (2025, ["O4_4"]), (2026, ["O4_4"])]


def test_unclosed_quote_rejects_its_line_alone(tmp_path):
    """The quoted field would swallow the rest of the file: its line is rejected, the rest read."""
    raw = copy_raw(tmp_path / "raw")
    path = raw / "SIDR" / "formations.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    fields = lines[2].split(";")
    fields[2] = '"' + fields[2]
    lines[2] = ";".join(fields)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = run_dbt(
        raw, tmp_path / "work", "build", "--select", "+audit_extract_row_counts"
    ).succeeded()
    assert run.query(
        "select reason from audit.audit_rejected_rows "
        "where filiale_code = 'SIDR' and extract = 'formations' and line_number = 3"
    ) == [("unreadable quoting: a quote is still open at the end of the file",)]
    # The same rows are read as in the intact file; one more is rejected, none swallowed.
    assert run.query(
        "select rows_read, rows_kept, rows_rejected from audit.audit_extract_row_counts "
        "where filiale_code = 'SIDR' and extract = 'formations'"
    ) == [(15, 11, 4)]  # expected_rejects.csv: 15 read, 12 kept, 3 rejected
