"""The demo delivery's books: FEC files for some filiales, in several layouts, that tie to
the ERP with the differences the generator planted, and a filiale without books."""

from __future__ import annotations

import pytest
from test_fec_variants import SELECT

from conftest import PROJECT_DIR, run_dbt

DEMO = PROJECT_DIR / "data" / "demo" / "raw"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    selected = [*SELECT, "int_ledger_quality_findings"]
    return run_dbt(
        DEMO, tmp_path_factory.mktemp("fec-demo"), "build", *selected, vars_="{}"
    ).succeeded()


def test_books_in_several_layouts_and_a_filiale_without_them(demo):
    files = demo.query(
        "select filiale_code, count(*), list(distinct encoding order by encoding), "
        "list(distinct line_ending order by line_ending) from raw.delivery_files "
        "where extract = 'fec' group by filiale_code order by filiale_code"
    )
    assert files == [
        ("ERILIA", 2, ["utf-8"], ["LF"]),
        ("SEQENS", 3, ["iso-8859-15"], ["LF"]),
        ("SIDR", 3, ["utf-8"], ["CRLF"]),
    ]
    assert demo.query(
        "select list(distinct amount_columns order by amount_columns) "
        "from staging.stg_accounting__fec_lines"
    ) == [(["debit_credit", "montant_sens"],)]


def test_unknown_without_books_and_tied_with_them(demo):
    rows = demo.query(
        "select filiale_code, year, erp_spend_found_pct, erp_invoice_count "
        "from marts.fct_spend_reconciliation"
    )
    known = {(f, y) for f, y, _, count in rows if count is not None}
    assert known == {(f, y) for f in ("SEQENS", "SIDR") for y in (2024, 2025, 2026)} | {
        ("ERILIA", 2025),
        ("ERILIA", 2026),
    }
    # A small share of the spend is planted missing from the books, never most of it.
    assert all(90 < pct < 100 for f, y, pct, count in rows if count is not None)
    # The ERP side is the whole spend of the year: every invoice is looked for.
    assert demo.query(
        "select count(*) from marts.fct_spend_reconciliation as r "
        "join (select filiale_code, spend_year, count(*) as n, sum(spend_amount_ht) as ht "
        "from intermediate.int_spend_lines group by all) as s "
        "on r.filiale_code = s.filiale_code and r.year = s.spend_year "
        "where r.erp_invoice_count is not null "
        "and (r.erp_invoice_count <> s.n or r.erp_spend_ht <> s.ht)"
    ) == [(0,)]


def test_every_planted_difference_is_found(demo):
    findings = {
        finding
        for (finding,) in demo.query(
            "select distinct finding from marts.fct_spend_reconciliation_items"
        )
    }
    assert findings == {"erp_only", "ledger_only", "amount_mismatch", "payment_date_mismatch"}
    # In 2026, each filiale's books hold one entry unbalanced by a cent and one invoice
    # lettered with another supplier's payment (scripts/demo_data/fec_books.py).
    quality = demo.query(
        "select filiale_code, finding, rows_count > 0 "
        "from intermediate.int_ledger_quality_findings where year = 2026 "
        "and (finding = 'unbalanced_entry' or rows_count = 1) order by all"
    )
    assert quality == [
        (filiale, finding, True)
        for filiale in ("ERILIA", "SEQENS", "SIDR")
        for finding in ("lettering_across_suppliers", "unbalanced_entry")
    ]
