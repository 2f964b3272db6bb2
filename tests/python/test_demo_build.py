"""The bundled demo delivery builds, and staging rejects exactly the rows the generator
planted as bad: no more, no fewer."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

from conftest import PROJECT_DIR, run_dbt

DEMO = PROJECT_DIR / "data" / "demo" / "raw"
GENERATOR = PROJECT_DIR / "scripts" / "generate_demo_data.py"


def test_demo_delivery_rejects_exactly_the_planted_bad_rows(tmp_path):
    manifest = tmp_path / "planted.csv"
    generate = [sys.executable, str(GENERATOR), "--out", str(tmp_path / "raw")]
    subprocess.run(
        [*generate, "--manifest", str(manifest)],
        check=True,
        capture_output=True,
    )
    run = run_dbt(DEMO, tmp_path / "work", "build", vars_="{}").succeeded()

    with manifest.open(encoding="utf-8") as handle:
        planted = {
            (row["filiale_code"], row["extract"], row["source_file"], int(row["line_number"]))
            for row in csv.DictReader(handle)
        }
    rejected = set(
        run.query(
            "select filiale_code, extract, source_file, line_number from audit.audit_rejected_rows"
        )
    )
    assert rejected == planted
    # ALLIADE delivers evenements_fournisseurs.csv with its header alone: a finding, which the
    # report states beside O9_1's 0 (issue 18).
    assert run.query(
        "select filiale_code, extract, affected_indicators from marts.fct_data_quality "
        "where finding = 'empty_extract'"
    ) == [("ALLIADE", "evenements_fournisseurs", ["O9_1"])]

    # DECP (issue 12): ALLIADE publishes no DECP file, its figures are unknown; the others'
    # are counted.
    assert run.query(
        "select filiale_code, count(contracts_in_scope) from marts.fct_decp_compliance "
        "group by all order by all"
    ) == [("ALLIADE", 0), ("ERILIA", 5), ("SEQENS", 5), ("SIDR", 5)]

    # ALLIADE delivers no vehicles: its fleet indicator is unknown, every year of the grid.
    assert run.query(
        "select count(*), count(value) from marts.fct_indicators "
        "where filiale_code = 'ALLIADE' and indicator_code = 'O4_4'"
    ) == [(5, 0)]

    # Evidence that says why (issue 19): the demo's SEQENS invoice F2024-00146 has no
    # reception date; its row of O3_1 says so, with the presumed date (10/12 + 2 days) and
    # its 48 days to payment on 29/01/2025, which put it out of the 30 days.
    ((facts, numerator),) = run.query(
        "select facts, numerator_contribution from marts.fct_indicator_evidence "
        "where filiale_code = 'SEQENS' and indicator_code = 'O3_1' "
        "and business_key = 'F2024-00146'"
    )
    assert json.loads(facts) == {
        "invoice_date": "2024-12-10",
        "reception_date": None,
        "is_reception_date_assumed": True,
        "effective_reception_date": "2024-12-12",
        "payment_date": "2025-01-29",
        "payment_delay_days": 48,
        "amount_ht": 39650.21,
    }
    assert numerator == 0
    # « Why is SEQENS 2025 O3_1 60,43 % ? »: 84 of its 139 invoices paid in 2025 were paid
    # within 30 days, as the delays in their facts say, and that is the mart's figure.
    delays = run.query(
        "select (facts->>'payment_delay_days')::integer, numerator_contribution "
        "from marts.fct_indicator_evidence "
        "where filiale_code = 'SEQENS' and year = 2025 and indicator_code = 'O3_1'"
    )
    assert len(delays) == 139
    assert all(numerator == (delay <= 30) for delay, numerator in delays)
    assert sum(delay <= 30 for delay, _ in delays) == 84
    assert run.query(
        "select value from marts.fct_indicators "
        "where filiale_code = 'SEQENS' and year = 2025 and indicator_code = 'O3_1'"
    ) == [(100 * 84 / 139,)]
