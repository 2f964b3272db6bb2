"""The conformance delivery with the supplier registries, against the independent expected values
(tests/fixtures/conformance_registries: O6_1, O8_1, O9_3 move; nothing else does)."""

from __future__ import annotations

import csv

import pytest
from test_conformance import as_text, same_number

from conftest import CONFORMANCE, CONFORMANCE_CELLS, FIXTURES, run_dbt

REGISTRIES = FIXTURES / "conformance_registries" / "registries"
EXPECTED = FIXTURES / "conformance_registries" / "expected"


def cell(value) -> str:
    """A value as the expected CSV files write it: empty for null, true/false for booleans."""
    if value is None:
        return ""
    return str(value).lower() if isinstance(value, bool) else str(value)


def read_expected(name: str) -> list[dict[str, str]]:
    with (EXPECTED / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    work = tmp_path_factory.mktemp("conformance_registries")
    run = run_dbt(CONFORMANCE / "raw", work, "build", registries=REGISTRIES)
    assert run.returncode == 0, run.output[-5000:]
    return run


def test_every_filiale_indicator_cell(build):
    actual = {
        (filiale, year, code): rest
        for filiale, year, code, *rest in build.query(
            "select filiale_code, year, indicator_code, unit, numerator, denominator, value, "
            "target, target_met, applicable from marts.fct_indicators"
        )
    }
    expected = read_expected("expected_indicators.csv")
    assert len(actual) == len(expected) == CONFORMANCE_CELLS
    mismatches = []
    for row in expected:
        key = (row["filiale_code"], int(row["year"]), row["indicator_code"])
        unit, numerator, denominator, value, target, target_met, applicable = actual[key]
        if not (
            unit == row["unit"]
            and same_number(row["numerator"], numerator)
            and same_number(row["denominator"], denominator)
            and same_number(row["value"], value)
            and same_number(row["target"], target)
            and as_text(target_met) == row["target_met"]
            and as_text(applicable) == row["applicable"]
        ):
            mismatches.append((key, row, actual[key]))
    assert mismatches == []


def test_every_group_cell(build):
    actual = {
        (code, year): rest
        for code, year, *rest in build.query(
            "select indicator_code, year, numerator, denominator, value "
            "from marts.fct_indicators_group"
        )
    }
    expected = read_expected("expected_group.csv")
    assert len(actual) == len(expected) == 3 * 29
    mismatches = [
        (row, actual[(row["indicator_code"], int(row["year"]))])
        for row in expected
        if not all(
            same_number(row[column], got)
            for column, got in zip(
                ("numerator", "denominator", "value"),
                actual[(row["indicator_code"], int(row["year"]))],
                strict=True,
            )
        )
    ]
    assert mismatches == []


def test_registries_change_no_row_kept_or_rejected(build):
    counts = {
        (filiale, extract): (read, kept, rejected)
        for filiale, extract, read, kept, rejected in build.query(
            "select filiale_code, extract, rows_read, rows_kept, rows_rejected "
            "from audit.audit_extract_row_counts"
        )
    }
    assert counts == {
        (row["filiale_code"], row["extract"]): (
            int(row["rows_read"]),
            int(row["rows_kept"]),
            int(row["rows_rejected"]),
        )
        for row in read_expected("expected_rejects.csv")
    }
    rejected = set(
        build.query(
            "select filiale_code, extract, source_file, line_number from audit.audit_rejected_rows"
        )
    )
    assert rejected == {
        (row["filiale_code"], row["extract"], row["source_file"], int(row["line_number"]))
        for row in read_expected("expected_rejected_rows.csv")
    }


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
        for row in read_expected("expected_dim_suppliers.csv")
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
        for row in read_expected("expected_indicators.csv")
        if row["indicator_code"] == "O8_1"
    }
    assert all(same_number(expected[cell], total) for cell, total in by_cell.items())
    assert {source for _, _, source, _, _ in rows} == {"sirene", "erp", None}
