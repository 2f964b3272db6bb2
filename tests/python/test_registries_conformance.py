"""The conformance delivery with the supplier registries, against the independent expected values
(tests/fixtures/conformance_registries: O6_1, O8_1, O9_3 move; nothing else does)."""

from __future__ import annotations

import pytest

from conftest import CONFORMANCE, CONFORMANCE_CELLS, FIXTURES, run_dbt
from expected_values import (
    group_cell_mismatches,
    indicator_cell_mismatches,
    read_expected,
    rejected_rows,
    row_counts,
    same_number,
)

REGISTRIES = FIXTURES / "conformance_registries" / "registries"
EXPECTED = FIXTURES / "conformance_registries" / "expected"


def cell(value) -> str:
    """A value as the expected CSV files write it: empty for null, true/false for booleans."""
    if value is None:
        return ""
    return str(value).lower() if isinstance(value, bool) else str(value)


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    work = tmp_path_factory.mktemp("conformance_registries")
    return run_dbt(CONFORMANCE / "raw", work, "build", registries=REGISTRIES).succeeded()


def test_every_filiale_indicator_cell(build):
    expected = read_expected("expected_indicators.csv", EXPECTED)
    assert len(expected) == CONFORMANCE_CELLS
    assert indicator_cell_mismatches(build, expected) == []


def test_every_group_cell(build):
    assert group_cell_mismatches(build, read_expected("expected_group.csv", EXPECTED)) == []


def test_registries_change_no_row_kept_or_rejected(build):
    actual, expected = row_counts(build, folder=EXPECTED)
    assert actual == expected
    actual, expected = rejected_rows(build, folder=EXPECTED)
    assert actual == expected


def test_dim_suppliers_has_exactly_the_expected_rows(build):
    columns = ("siren", "is_sme", "sme_source", "departement", "departement_source", "is_local")
    actual = {
        (filiale, siret): tuple(cell(value) for value in rest)
        for filiale, siret, *rest in build.query(
            f"select filiale_code, siret, {', '.join(columns)} from marts.dim_suppliers"
        )
    }
    expected = {
        (row["filiale_code"], row["siret"]): tuple(row[column] for column in columns)
        for row in read_expected("expected_dim_suppliers.csv", EXPECTED)
    }
    assert len(expected) == 142
    assert actual == expected


def test_classification_evidence_adds_up_to_the_figures(build):
    """From each invoice row behind O8_1, the source that classified it; the rows sum up."""
    rows = build.query(
        """
        select evidence.filiale_code, evidence.year, classification.sme_source,
            sum(evidence.numerator_contribution), count(*)
        from marts.fct_indicator_evidence as evidence
        inner join marts.fct_supplier_classification_evidence as classification
            using (filiale_code, year, source_file, line_number)
        where evidence.indicator_code = 'O8_1'
        group by all
        """
    )
    evidence_rows = build.query(
        "select count(*) from marts.fct_indicator_evidence where indicator_code = 'O8_1'"
    )[0][0]
    assert sum(count for *_, count in rows) == evidence_rows
    by_cell: dict[tuple, float] = {}
    for filiale, year, _, numerator, _ in rows:
        by_cell[(filiale, year)] = by_cell.get((filiale, year), 0) + float(numerator)
    expected = {
        (row["filiale_code"], int(row["year"])): row["numerator"]
        for row in read_expected("expected_indicators.csv", EXPECTED)
        if row["indicator_code"] == "O8_1"
    }
    assert all(same_number(expected[cell], total) for cell, total in by_cell.items())
    assert {source for _, _, source, _, _ in rows} == {"sirene", "erp", None}
