"""The delivery validation's value checks against the table of parsing cases.

tests/dbt/fixtures/parsing/parsing_cases.csv says, for raw texts of each
column kind, whether the staging models can read them (the parsing macros:
its dbt unit test on `base_extracts__parsing_cases`). Here the same table
goes through the validation's regexes and value checks (`grammar`), as its
suite evaluates them: a text is invalid when the kind's regex rejects it or
one of the kind's value checks lists it.
"""

from __future__ import annotations

import csv
from collections import defaultdict

import pandas as pd
import pytest

from conftest import PROJECT_DIR
from spaser.contract import EXTRACTS, INTEGER, NUMBER, SIRET
from spaser.validate.derived import normalize_codes, unknown_items
from spaser.validate.grammar import (
    SYNTAX,
    VALUE_CHECKS,
    impossible_dates,
    out_of_range,
    remove_spaces,
)

CASES = PROJECT_DIR / "tests" / "dbt" / "fixtures" / "parsing" / "parsing_cases.csv"


def read_cases() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def cases_by_kind() -> dict[str, list[dict[str, str]]]:
    grouped = defaultdict(list)
    for case in read_cases():
        grouped[case["kind"]].append(case)
    return grouped


def flagged(kind: str, texts: list[str]) -> list[bool]:
    """Per text, whether the suite would fail it, evaluated as GX's pandas path does."""
    values = pd.Series(texts, dtype="str")
    checked = remove_spaces(values) if kind == SIRET else values
    failed = ~checked.astype(str).str.contains(SYNTAX[kind].pattern)
    for check in VALUE_CHECKS.get(kind, ()):
        failed |= check.find(checked).notna()
    return failed.tolist()


def test_the_table_is_consistent_and_covers_every_checked_kind():
    cases = read_cases()
    assert len({(c["raw_text"], c["kind"]) for c in cases}) == len(cases)
    assert all(c["is_valid"] == ("true" if c["parsed_value"] else "false") for c in cases)
    assert set(cases_by_kind()) == set(SYNTAX)
    for kind, kind_cases in cases_by_kind().items():
        assert {c["is_valid"] for c in kind_cases} == {"true", "false"}, kind


@pytest.mark.parametrize("kind", sorted(SYNTAX))
def test_the_validation_reads_each_case_as_the_parsing_macros_do(kind):
    cases = cases_by_kind()[kind]
    verdicts = flagged(kind, [c["raw_text"] for c in cases])
    # A file is checked whole: a case alone must get the verdict it gets among the others.
    assert verdicts == [flagged(kind, [c["raw_text"]])[0] for c in cases]
    wrong = [
        (c["raw_text"], c["note"], f"table says valid={c['is_valid']}")
        for c, invalid in zip(cases, verdicts, strict=True)
        if invalid == (c["is_valid"] == "true")
    ]
    assert wrong == []


def test_each_bad_value_is_reported_by_one_check_only():
    """The regex fails the misshapen values; a value check lists only values the regex accepts."""
    for kind, cases in cases_by_kind().items():
        values = pd.Series([c["raw_text"] for c in cases], dtype="str")
        checked = remove_spaces(values) if kind == SIRET else values
        failed_syntax = ~checked.str.contains(SYNTAX[kind].pattern)
        listed = [check.find(checked).notna() for check in VALUE_CHECKS.get(kind, ())]
        for found in listed:
            assert not (found & failed_syntax).any(), kind
        if listed:
            assert (sum(found.astype(int) for found in listed) <= 1).all(), kind


def test_bounds_of_the_contract_apply_to_the_numbers_the_kind_can_read():
    """As staging's reject_if_out_of_range: a value its kind cannot read is the syntax's."""
    counts = pd.Series(["-3", "0", "1 200", "douze", "-9223372036854775809", None], dtype="str")
    assert out_of_range(counts, INTEGER, 0, None).dropna().tolist() == ["-3"]
    shares = pd.Series(["100", "100,5", "-0,5", "62,5", "62.5", "1 000"], dtype="str")
    assert out_of_range(shares, NUMBER, 0, 100).dropna().tolist() == ["100,5", "-0,5", "1 000"]


def test_impossible_dates_are_told_apart_from_misshapen_ones():
    values = pd.Series(
        ["29/02/2024", "29/02/2025", "31/04/2024", "15/13/2025", "2025-03-15", None, "00/01/2025"],
        dtype="str",
    )
    found = impossible_dates(values)
    assert found.dropna().tolist() == ["29/02/2025", "31/04/2024", "15/13/2025", "00/01/2025"]


def test_codes_compare_without_case_accents_or_spaces():
    normalized = normalize_codes(pd.Series([" Critere SOCIAL ", "À payer"], dtype="str"))
    assert normalized.tolist() == ["critere social", "a payer"]
    codes = EXTRACTS["marches"].column("considerations_sociales").codes
    unknown = unknown_items(
        pd.Series(["critere social| Marche reserve |", "Clause sociale|Clause d'insertion", None]),
        codes,
    )
    assert unknown.isna().tolist() == [True, False, True]
    assert unknown.iloc[1] == "Clause d'insertion"
