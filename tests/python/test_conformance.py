"""The whole pipeline on the conformance raw folder, against the independent expected values."""

from __future__ import annotations

import csv
import math

from conftest import CONFORMANCE, CONFORMANCE_CELLS

EXPECTED = CONFORMANCE / "expected"


def read_expected(name: str) -> list[dict[str, str]]:
    with (EXPECTED / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def same_number(expected: str, actual) -> bool:
    if expected == "" or actual is None:
        return expected == "" and actual is None
    return math.isclose(float(expected), actual, rel_tol=1e-9, abs_tol=1e-12)


def as_text(flag) -> str:
    return "" if flag is None else str(flag).lower()


def test_rows_read_kept_and_rejected_per_extract(conformance_build):
    actual = {
        (filiale, extract): (read, kept, rejected)
        for filiale, extract, read, kept, rejected in conformance_build.query(
            "select filiale_code, extract, rows_read, rows_kept, rows_rejected "
            "from audit.audit_extract_row_counts"
        )
    }
    expected = {
        (row["filiale_code"], row["extract"]): (
            int(row["rows_read"]),
            int(row["rows_kept"]),
            int(row["rows_rejected"]),
        )
        for row in read_expected("expected_rejects.csv")
    }
    assert actual == expected


def test_each_rejected_row_is_the_expected_one(conformance_build):
    actual = set(
        conformance_build.query(
            "select filiale_code, extract, source_file, line_number from audit.audit_rejected_rows"
        )
    )
    expected = {
        (row["filiale_code"], row["extract"], row["source_file"], int(row["line_number"]))
        for row in read_expected("expected_rejected_rows.csv")
    }
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
    actual = {
        (filiale, year, code): rest
        for filiale, year, code, *rest in conformance_build.query(
            "select filiale_code, year, indicator_code, unit, numerator, denominator, value, "
            "target, target_met, applicable from marts.fct_indicators"
        )
    }
    expected_rows = read_expected("expected_indicators.csv")
    assert len(actual) == len(expected_rows) == CONFORMANCE_CELLS
    mismatches = []
    for row in expected_rows:
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


def test_every_group_cell(conformance_build):
    actual = {
        (code, year): rest
        for code, year, *rest in conformance_build.query(
            "select indicator_code, year, numerator, denominator, value "
            "from marts.fct_indicators_group"
        )
    }
    expected_rows = read_expected("expected_group.csv")
    assert len(actual) == len(expected_rows) == 3 * 29
    mismatches = [
        (row, actual[(row["indicator_code"], int(row["year"]))])
        for row in expected_rows
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
