"""The whole pipeline on the conformance raw folder, against the independent expected values."""

from __future__ import annotations

import math

from conftest import CONFORMANCE_CELLS, CONFORMANCE_YEARS, INDICATORS
from expected_values import (
    group_cell_mismatches,
    indicator_cell_mismatches,
    read_expected,
    rejected_rows,
    row_counts,
)


def test_rows_read_kept_and_rejected_per_extract(conformance_build):
    actual, expected = row_counts(conformance_build)
    assert actual == expected


def test_each_rejected_row_is_the_expected_one(conformance_build):
    actual, expected = rejected_rows(conformance_build)
    assert actual == expected


def test_rejected_rows_keep_reason_and_raw_values(conformance_build):
    rows = conformance_build.query(
        "select reason, raw_values::varchar from audit.audit_rejected_rows "
        "where filiale_code = 'SEQENS' and source_file = 'factures_2024.csv' and line_number = 32"
    )
    assert len(rows) == 1
    reason, raw_values = rows[0]
    assert reason == "invalid amount in 'montant_ht': n.c."
    assert '"montant_ht":"n.c."' in raw_values


def test_every_filiale_indicator_cell(conformance_build):
    expected = read_expected("expected_indicators.csv")
    assert len(expected) == CONFORMANCE_CELLS
    assert indicator_cell_mismatches(conformance_build, expected) == []


def test_every_group_cell(conformance_build):
    expected = read_expected("expected_group.csv")
    assert len(expected) == len(CONFORMANCE_YEARS) * len(INDICATORS)
    assert group_cell_mismatches(conformance_build, expected) == []


def test_each_figure_lists_its_source_rows(conformance_build):
    """The README's audit query: the rows behind SEQENS' 2024 O1_4 add up to its figure."""
    rows = conformance_build.query(
        "select extract, source_file, line_number, numerator_contribution, "
        "denominator_contribution from marts.fct_indicator_evidence "
        "where filiale_code = 'SEQENS' and year = 2024 and indicator_code = 'O1_4'"
    )
    assert {extract for extract, *_ in rows} == {"factures"}
    assert all(line_number > 1 for _, _, line_number, _, _ in rows)
    assert math.isclose(sum(row[3] for row in rows), 339712.36, rel_tol=1e-12)
    assert math.isclose(sum(row[4] for row in rows), 2108777.77, rel_tol=1e-12)
