"""What a year means: a year after the as-of date has no figures, not zeros; the year of
the as-of date is partial; earlier years keep their figures."""

from __future__ import annotations

import math

from conftest import CONFORMANCE, run_dbt

AS_OF_MID_2025 = "{spaser_first_year: 2024, spaser_last_year: 2026, spaser_as_of_date: 2025-06-30}"


def test_years_after_the_as_of_date_have_no_figures(tmp_path):
    run = run_dbt(
        CONFORMANCE / "raw",
        tmp_path,
        "build",
        "--select",
        "+fct_indicators_group",
        "fct_indicator_evidence",
        vars_=AS_OF_MID_2025,
    ).succeeded()
    assert run.query(
        "select distinct year, period_status, period_status_label, as_of_date::varchar "
        "from marts.fct_indicators order by year"
    ) == [
        (2024, "closed", "année close", "2025-06-30"),
        (2025, "partial", "année en cours, partielle au 30/06/2025", "2025-06-30"),
        (2026, "not_started", "année non commencée au 30/06/2025", "2025-06-30"),
    ]
    # 2026 has invoices, documents in force and training sessions, yet no figure at all:
    # not 0, not 100 %.
    assert run.query(
        "select count(*), count(numerator), count(value), count(target_met) "
        "from marts.fct_indicators where year = 2026"
    ) == [(3 * 29, 0, 0, 0)]
    assert run.query(
        "select count(value), max(filiales_with_value) from marts.fct_indicators_group "
        "where year = 2026"
    ) == [(0, 0)]
    assert run.query("select count(*) from marts.fct_indicator_evidence where year = 2026") == [
        (0,)
    ]
    # The years begun keep their figures (test_conformance: SEQENS 2024 O1_4).
    (value,) = run.query(
        "select value from marts.fct_indicators "
        "where filiale_code = 'SEQENS' and year = 2024 and indicator_code = 'O1_4'"
    )[0]
    assert math.isclose(value, 100 * 339712.36 / 2108777.77, rel_tol=1e-12)


def test_bi_columns_sort_and_label_the_indicators(conformance_build):
    rows = conformance_build.query(
        "select distinct sort_order, indicator_code, axis_number, objective_number, "
        "target_comparison from marts.fct_indicators_group order by sort_order"
    )
    assert [code for _, code, *_ in rows][:2] == ["O1_1", "O1_2"]
    assert rows[-1][1:4] == ("O10_1", 4, 10)
    assert {code: comparison for _, code, _, _, comparison in rows if comparison} == {
        "O1_5": "<",
        "O1_6": ">=",
    }
    assert conformance_build.query(
        "select count(distinct axis_label), count(distinct objective_label) "
        "from marts.fct_indicators"
    ) == [(4, 10)]
