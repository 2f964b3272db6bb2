"""Evidence that says why: each row carries the facts its rule read, and the auditors'
exports answer « why is this figure what it is » without SQL on the database."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import duckdb
import openpyxl

from spaser.exports import quote_literal, write_evidence

O3_1_ROWS = 74  # SEQENS 2025 in the conformance set: invoices paid in 2025, delay >= 0
O3_1_WITHIN_30_DAYS = 49


def partition(published, folder: str, filiale: str, year: int, table: str):
    return (
        published.outputs.exports
        / folder
        / f"filiale_code={filiale}"
        / f"year={year}"
        / f"{table}.parquet"
    )


def test_the_o3_1_figure_explained_by_its_evidence_alone(published_conformance):
    """« Why is SEQENS 2025 O3_1 66,22 % ? » answered from the exported Parquet: each
    invoice, its delay and whether its reception date was presumed; the rule (<= 30
    days) re-applied to the facts gives back every contribution and the mart's figure."""
    path = partition(published_conformance, "evidence", "SEQENS", 2025, "fct_indicator_evidence")
    with duckdb.connect() as connection:
        rows = connection.execute(
            f"""
            select business_key, facts, numerator_contribution, denominator_contribution
            from read_parquet({quote_literal(str(path))})
            where indicator_code = 'O3_1'
            """
        ).fetchall()
    assert len(rows) == O3_1_ROWS
    facts = {key: json.loads(text) for key, text, *_ in rows}
    for key, _, numerator, denominator in rows:
        delay = facts[key]["payment_delay_days"]
        assert denominator == 1 and numerator == (1 if 0 <= delay <= 30 else 0), key
    within = sum(numerator for *_, numerator, _ in rows)
    assert within == O3_1_WITHIN_30_DAYS
    ((value,),) = published_conformance.query(
        "select value from marts.fct_indicators "
        "where filiale_code = 'SEQENS' and year = 2025 and indicator_code = 'O3_1'"
    )
    assert value == 100 * O3_1_WITHIN_30_DAYS / O3_1_ROWS
    first = facts["F2024-00045"]
    assert first == {
        "invoice_date": "2024-12-18",
        "reception_date": "2024-12-20",
        "is_reception_date_assumed": False,
        "effective_reception_date": "2024-12-20",
        "payment_date": "2025-01-09",
        "payment_delay_days": 20,
        "amount_ht": 3643.47,
    }


def test_every_evidence_row_carries_its_facts(published_conformance):
    ((rows, with_facts, keys),) = published_conformance.query(
        """
        select count(*), count(facts), count(distinct indicator_code || ':' || extract)
        from marts.fct_indicator_evidence
        """
    )
    assert rows == with_facts and keys >= 29
    # A spend line says who the supplier is and which source classified it.
    ((o8_1,),) = published_conformance.query(
        "select facts from marts.fct_indicator_evidence where filiale_code = 'SEQENS' "
        "and year = 2025 and indicator_code = 'O8_1' order by business_key limit 1"
    )
    assert set(json.loads(o8_1)) == {
        "invoice_date",
        "document_type",
        "spend_amount_ht",
        "supplier_siret",
        "is_sme_supplier",
        "sme_source",
    }


def test_partitions_hold_every_row_in_order(published_conformance):
    exports = published_conformance.outputs.exports
    cells = published_conformance.query(
        "select filiale_code, year, count(*) from marts.fct_indicator_evidence "
        "group by all order by all"
    )
    found = sorted(
        (p.parent.parent.name.split("=")[1], int(p.parent.name.split("=")[1]))
        for p in (exports / "evidence").glob("filiale_code=*/year=*/fct_indicator_evidence.parquet")
    )
    assert found == [(filiale, year) for filiale, year, _ in cells]
    with duckdb.connect() as connection:
        glob = quote_literal(str(exports / "evidence" / "**" / "*.parquet"))
        assert (
            connection.execute(
                f"select filiale_code, year, count(*) from read_parquet({glob}) "
                "group by all order by all"
            ).fetchall()
            == cells
        )
        path = partition(
            published_conformance, "evidence", "SEQENS", 2025, "fct_indicator_evidence"
        )
        codes = [
            code
            for (code,) in connection.execute(
                f"select indicator_code from read_parquet({quote_literal(str(path))})"
            ).fetchall()
        ]
    order = [
        c
        for (c,) in published_conformance.query(
            "select indicator_code from marts.dim_indicators order by sort_order"
        )
    ]
    assert codes == sorted(codes, key=order.index)
    spend = published_conformance.query(
        "select count(*) from marts.fct_supplier_classification_evidence"
    )
    with duckdb.connect() as connection:
        glob = quote_literal(str(exports / "supplier_classification" / "**" / "*.parquet"))
        assert connection.execute(f"select count(*) from read_parquet({glob})").fetchall() == spend


def test_the_evidence_of_one_filiale_year_on_request(published_conformance, tmp_path):
    outputs = published_conformance.copy_to(tmp_path)
    written = write_evidence(outputs, "SEQENS", 2025)
    assert [p.name for p in written] == [
        "fct_indicator_evidence_SEQENS_2025.csv",
        "fct_indicator_evidence_SEQENS_2025.xlsx",
    ]
    ((count,),) = published_conformance.query(
        "select count(*) from marts.fct_indicator_evidence "
        "where filiale_code = 'SEQENS' and year = 2025"
    )
    rows = list(
        csv.DictReader(io.StringIO(written[0].read_text(encoding="utf-8-sig")), delimiter=";")
    )
    assert len(rows) == count
    assert rows[0]["indicator_code"] == "O1_1"
    sheet = openpyxl.load_workbook(written[1])["fct_indicator_evidence"]
    assert sheet.max_row - 1 == count
    assert [c.value for c in sheet[1]][-1] == "Faits lus par la règle"
    o3_1 = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[2] == "O3_1"]
    assert len(o3_1) == O3_1_ROWS
    assert sum(Decimal(str(r[7])) for r in o3_1) == O3_1_WITHIN_30_DAYS
