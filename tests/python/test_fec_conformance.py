"""The books (FEC) on the conformance delivery: the reconciliation and the findings behind
it against the values of an independent implementation of accounting-fec.md, the FEC lines
rejected, and every figure of the conformance set unchanged by the books' presence."""

from __future__ import annotations

import math
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES, copy_raw, run_dbt
from expected_values import (
    group_cell_mismatches,
    indicator_cell_mismatches,
    read_expected,
    rejected_rows,
    row_counts,
)
from publishing import SectionData, export_mart
from spaser.formats import NBSP
from spaser.report.sections.reconciliation import filiale_reconciliation, group_reconciliation

FEC = FIXTURES / "fec"
COUNTS = [
    "erp_invoice_count", "ledger_entry_count", "matched_count", "erp_only_count",
    "ledger_only_count", "amount_mismatch_count", "payment_date_mismatch_count",
]  # fmt: skip
AMOUNTS = [
    "erp_spend_ht", "ledger_spend_ht", "matched_spend_ht", "erp_only_spend_ht",
    "ledger_only_spend_ht", "amount_mismatch_abs_ht", "erp_spend_found_pct",
]  # fmt: skip


def fec_raw(target: Path) -> Path:
    """The conformance raw folder with the FEC files added: the FEC conformance folder."""
    raw = copy_raw(target)
    for path in sorted((FEC / "raw").glob("*/*")):
        shutil.copy2(path, raw / path.parent.name / path.name)
    return raw


def read_fec_expected(name: str) -> list[dict[str, str]]:
    return read_expected(name, FEC / "expected")


@pytest.fixture(scope="module")
def fec_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fec")
    return run_dbt(fec_raw(tmp / "raw"), tmp / "work", "build").succeeded()


def test_reconciliation_per_filiale_and_year(fec_build):
    columns = ", ".join(COUNTS + AMOUNTS)
    actual = {
        (filiale, year): dict(zip(COUNTS + AMOUNTS, rest, strict=True))
        for filiale, year, *rest in fec_build.query(
            f"select filiale_code, year, {columns} from marts.fct_spend_reconciliation"
        )
    }
    expected = read_fec_expected("expected_reconciliation.csv")
    assert len(actual) == len(expected) == 9
    mismatches = []
    for row in expected:
        got = actual[(row["filiale_code"], int(row["year"]))]
        for column in COUNTS + AMOUNTS:
            want, value = row[column], got[column]
            same = (
                value is None
                if want == ""
                else value is not None
                and (
                    value == int(want)
                    if column in COUNTS
                    else math.isclose(float(value), float(want), abs_tol=0.01)
                )
            )
            if not same:
                mismatches.append((row["filiale_code"], row["year"], column, want, value))
    assert mismatches == []


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return f"{float(value):.2f}"


def test_each_finding_behind_it(fec_build):
    rows = fec_build.query(
        "select filiale_code, year, finding, invoice_id, erp_source_file, erp_line_number, "
        "fec_source_file, fec_line_number, erp_amount_ht, ledger_amount_ht, erp_payment_date, "
        "ledger_payment_date from marts.fct_spend_reconciliation_items"
    )
    actual = sorted(
        (f, str(y), k, i or "", ef or "", str(el or ""), ff or "", str(fl or ""))
        + ((_text(ed), _text(ld)) if k == "payment_date_mismatch" else (_text(ea), _text(la)))
        for f, y, k, i, ef, el, ff, fl, ea, la, ed, ld in rows
    )
    expected = sorted(
        (r["filiale_code"], r["year"], r["finding"], r["invoice_id"], r["erp_file"],
         r["erp_line"], r["fec_file"], r["fec_line"])
        + tuple(
            v if r["finding"] == "payment_date_mismatch" or v == "" else f"{float(v):.2f}"
            for v in (r["erp_value"], r["ledger_value"])
        )
        for r in read_fec_expected("expected_reconciliation_items.csv")
    )  # fmt: skip
    assert len(expected) == 28
    assert actual == expected


def test_fec_lines_that_cannot_be_read_are_rejected(fec_build):
    actual = set(
        fec_build.query(
            "select filiale_code, source_file, line_number from audit.audit_rejected_rows "
            "where extract = 'fec'"
        )
    )
    expected = {
        (r["filiale_code"], r["source_file"], int(r["line_number"]))
        for r in read_fec_expected("expected_fec_rejects.csv")
    }
    assert actual == expected
    # Entry lines of the README's table: SEQENS 487 + 689 + 550, SIDR 431 + 660 + 546.
    assert sorted(
        fec_build.query(
            "select filiale_code, files_count, rows_read, rows_kept, rows_rejected "
            "from audit.audit_extract_row_counts where extract = 'fec'"
        )
    ) == [("SEQENS", 3, 1726, 1724, 2), ("SIDR", 3, 1637, 1634, 3)]


def test_every_conformance_figure_is_unchanged_by_the_books(fec_build):
    assert indicator_cell_mismatches(fec_build, read_expected("expected_indicators.csv")) == []
    assert group_cell_mismatches(fec_build, read_expected("expected_group.csv")) == []
    actual, expected = row_counts(fec_build, where="extract <> 'fec'")
    assert actual == expected
    actual, expected = rejected_rows(fec_build, where="extract <> 'fec'")
    assert actual == expected


def test_accents_come_out_right_in_both_encodings(fec_build):
    labels = dict(
        fec_build.query(
            "select filiale_code, string_agg(distinct account_label || journal_label, ' ') "
            "from staging.stg_accounting__fec_lines group by filiale_code"
        )
    )
    assert "gros œuvre" in labels["SEQENS"]  # ISO 8859-15: 0xBD is œ, not ½
    assert "Réunion" in labels["SIDR"]
    assert "½" not in labels["SEQENS"] and "\ufffd" not in labels["SEQENS"] + labels["SIDR"]


@pytest.fixture(scope="module")
def ledger_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fec-ledger")
    vars_ = "{spaser_first_year: 2024, spaser_last_year: 2026, payment_dates_source: ledger}"
    return run_dbt(fec_raw(tmp / "raw"), tmp / "work", "build", vars_=vars_).succeeded()


def delays(build, invoices: tuple[str, ...]) -> dict[str, tuple[int, float]]:
    """O3_2's evidence of these SEQENS invoices: payment year and delay in days."""
    return {
        key: (year, float(delay))
        for key, year, delay in build.query(
            "select business_key, year, numerator_contribution "
            "from marts.fct_indicator_evidence where indicator_code = 'O3_2' "
            f"and filiale_code = 'SEQENS' and business_key in {invoices}"
        )
    }


def test_payment_delays_from_the_books_when_the_var_says_ledger(fec_build, ledger_build):
    # factures_2025_2026.csv: F2025-00012 received 27/02/2025, paid 12/04 (ERP) or 15/04
    # (books); F2025-00086 received 06/12/2025, unpaid in the ERP, paid 22/12 in the books;
    # F2026-00016 received 11/03/2026, paid 21/03 in the ERP only.
    invoices = ("F2025-00012", "F2025-00086", "F2026-00016")
    assert delays(fec_build, invoices) == {"F2025-00012": (2025, 44), "F2026-00016": (2026, 10)}
    assert delays(ledger_build, invoices) == {"F2025-00012": (2025, 47), "F2025-00086": (2025, 16)}
    # LOGEO has no books: its payment indicators are unknown, not zero.
    assert ledger_build.query(
        "select count(*), count(numerator), count(value) from marts.fct_indicators "
        "where filiale_code = 'LOGEO' and indicator_code in ('O3_1', 'O3_2')"
    ) == [(6, 0, 0)]
    assert fec_build.query(
        "select count(value) from marts.fct_indicators "
        "where filiale_code = 'LOGEO' and indicator_code in ('O3_1', 'O3_2')"
    ) == [(6,)]


def test_report_shows_the_share_of_spend_found_in_the_books(fec_build):
    data = SectionData(fec_build)
    group = group_reconciliation(data, None)
    assert f"99,5{NBSP}%" in group  # SEQENS 2024: 99.537...
    assert f"98,6{NBSP}%" in group  # SIDR 2025: 98.550...
    assert group.count("inconnu : aucun FEC ne couvre l'année") == 3  # LOGEO
    seqens = filiale_reconciliation(data, "SEQENS")
    assert "F2024-00021" in seqens and "factures_2024.csv, 28" in seqens
    assert "534608104FEC20241231.txt, 250" in seqens  # F2024-00019, only in the books
    assert "Constats (12)" in seqens
    assert "Aucun fichier des écritures comptables" in filiale_reconciliation(data, "LOGEO")


def test_reconciliation_export_for_bi_and_spreadsheets(fec_build, tmp_path):
    schema, reconciliation = export_mart(fec_build, "fct_spend_reconciliation", tmp_path)
    assert str(schema.field("erp_spend_ht").type) == "decimal128(18, 4)"
    rows = {(r["filiale_code"], r["year"]): r for r in reconciliation}
    assert rows[("SEQENS", "2024")]["erp_spend_ht"] == "2108777,77"
    assert rows[("SEQENS", "2024")]["matched_count"] == "42"
    assert rows[("LOGEO", "2025")]["erp_spend_found_pct"] == ""
