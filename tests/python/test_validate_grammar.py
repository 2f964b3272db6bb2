"""The one value grammar, as the delivery validation runs it.

The parsing macros of macros/parsing/ (with the vars accepted_date_formats,
thousands_separators and the bounds) are the only definition of how a raw
value reads: the staging models call them, and the validation renders them
(`grammar.Grammar`) and runs their SQL in DuckDB. Here:

- the validation's SQL is dbt's own: `dbt compile` of the macros gives the
  same text, with the project's vars and with a date format and a thousands
  separator added, and both then read the added formats alike: one edit of
  the vars (or of a macro) reaches the build and the validation;
- the validation's split of a verdict, the kind's regex matched in pandas as
  Great Expectations does and its value checks, gives each case of
  tests/fixtures/parsing_cases.csv the verdict and the value the table says;
  since that SQL is dbt's compile, the build reads each case as the table says
  too (the table has no dbt model of its own).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict

import duckdb
import pandas as pd
import pytest

from conftest import CONFORMANCE, PROJECT_DIR, run_dbt
from spaser.contract import EXTRACTS, INTEGER, NUMBER, SIRET
from spaser.validate.derived import derived_sql, normalized_set, unknown_items_name
from spaser.validate.grammar import GRAMMAR, SYNTAX, VALUE_CHECKS, Grammar

CASES = PROJECT_DIR / "tests" / "fixtures" / "parsing_cases.csv"
# One date format and one thousands separator (the Swiss apostrophe, which SQL must quote)
# more than the project's vars.
ADDED = {
    "accepted_date_formats": ["%d/%m/%Y", "%Y-%m-%d"],
    "thousands_separators": [" ", "\u00a0", "\u202f", "'"],
}
ADDED_CASES = {"date": ["2025-03-15", "2024-02-29"], "amount": ["1'234,50", "-12'000 €"]}
# Every macro the validation runs, over a column `value`.
TEMPLATE = """select
    {{ parse_date('value') }} as date_value,
    {{ read_date('value') }} as calendar_date,
    {{ parse_amount('value') }} as amount_value,
    {{ parse_number('value') }} as number_value,
    {{ parse_integer('value') }} as integer_value,
    {{ parse_boolean('value') }} as boolean_value,
    {{ parse_siret(clean_siret('value')) }} as siret_value,
    {{ normalize_code('value') }} as code_value,
    {{ parse_code('value', ['Critère social', 'Marché réservé']) }} as known_code,
    {{ parse_list('value') }} as list_value,
    {{ reject_if_out_of_range('value', parse_number('value'), 0, 100) }} as out_of_range,
    {{ sql_string(date_pattern() ~ ' ' ~ decimal_pattern(true) ~ ' ' ~ decimal_pattern(false)
        ~ ' ' ~ integer_pattern() ~ ' ' ~ boolean_pattern() ~ ' ' ~ siret_pattern()) }} as patterns
from values_to_read"""


def read_cases() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def cases_by_kind() -> dict[str, list[dict[str, str]]]:
    grouped = defaultdict(list)
    for case in read_cases():
        grouped[case["kind"]].append(case)
    return grouped


def checked(grammar: Grammar, kind: str, texts: list[str]) -> pd.Series:
    """The values a kind's checks read: a SIRET's without its spaces (as the suite)."""
    values = pd.Series(texts, dtype="str")
    if kind != SIRET:
        return values
    frame = pd.DataFrame({"value": values})
    return grammar.run(frame, {"digits": grammar.sql("clean_siret", "value")})["digits"]


def flagged(kind: str, texts: list[str], grammar: Grammar = GRAMMAR) -> list[bool]:
    """Per text, whether the suite would fail it, evaluated as GX's pandas path does."""
    values = checked(grammar, kind, texts)
    failed = ~values.astype(str).str.contains(grammar.regex(SYNTAX[kind]))
    for check in VALUE_CHECKS.get(kind, ()):
        failed |= grammar.find(kind, check, values).notna()
    return failed.tolist()


def normalized(sql: str) -> str:
    return " ".join(sql.split())


@pytest.fixture(scope="module")
def dbt_compiled(tmp_path_factory) -> dict[str, str]:
    """The template as dbt compiles it, with the project's vars and with the added ones."""
    compiled = {}
    for name, overrides in (("project", {}), ("added", ADDED)):
        work_dir = tmp_path_factory.mktemp(f"compile_{name}")
        run = run_dbt(
            CONFORMANCE / "raw",
            work_dir,
            "compile",
            "--quiet",
            "--inline",
            TEMPLATE,
            vars_=json.dumps(overrides),
        )
        assert run.returncode == 0, run.output
        compiled[name] = run.output
    return compiled


def test_the_validation_runs_the_sql_dbt_compiles(dbt_compiled):
    assert normalized(dbt_compiled["project"]) == normalized(GRAMMAR.render(TEMPLATE))
    added = Grammar(overrides=ADDED)
    assert normalized(dbt_compiled["added"]) == normalized(added.render(TEMPLATE))
    assert normalized(dbt_compiled["added"]) != normalized(dbt_compiled["project"])


def test_an_added_format_reaches_the_build_and_the_validation(dbt_compiled):
    """The added vars alone: the build's SQL reads the new formats, the suite accepts them."""
    added = Grammar(overrides=ADDED)
    for kind, texts in ADDED_CASES.items():
        assert flagged(kind, texts) == [True] * len(texts), kind
        assert flagged(kind, texts, added) == [False] * len(texts), kind
        with duckdb.connect() as connection:
            values_to_read = pd.DataFrame({"value": texts})  # noqa: F841 (read by the SQL)
            query = f"select {kind}_value::varchar as read from ({dbt_compiled['added']})"
            built = connection.sql(query).df()["read"]
        read = added.read(kind, pd.Series(texts, dtype="str"))
        assert built.tolist() == read.tolist(), kind
        assert read.notna().all(), kind
    # The value checks follow the added format: an impossible date is still told apart.
    impossible = VALUE_CHECKS["date"][0]
    assert flagged("date", ["2025-02-30"], added) == [True]
    assert added.find("date", impossible, pd.Series(["2025-02-30"], dtype="str")).notna().all()


def test_the_table_is_consistent_and_covers_every_checked_kind():
    cases = read_cases()
    assert len({(c["raw_text"], c["kind"]) for c in cases}) == len(cases)
    assert all(c["is_valid"] == ("true" if c["parsed_value"] else "false") for c in cases)
    assert set(cases_by_kind()) == set(SYNTAX)
    for kind, kind_cases in cases_by_kind().items():
        assert {c["is_valid"] for c in kind_cases} == {"true", "false"}, kind


@pytest.mark.parametrize("kind", sorted(SYNTAX))
def test_the_validation_reads_each_case_as_the_table_says(kind):
    cases = cases_by_kind()[kind]
    texts = [c["raw_text"] for c in cases]
    verdicts = flagged(kind, texts)
    # A file is checked whole: a case alone must get the verdict it gets among the others.
    assert verdicts == [flagged(kind, [text])[0] for text in texts]
    wrong = [
        (c["raw_text"], c["note"], f"table says valid={c['is_valid']}")
        for c, invalid in zip(cases, verdicts, strict=True)
        if invalid == (c["is_valid"] == "true")
    ]
    assert wrong == []
    read = GRAMMAR.read(kind, pd.Series(texts, dtype="str")).fillna("").tolist()
    assert read == [c["parsed_value"] for c in cases]


def test_each_bad_value_is_reported_by_one_check_only():
    """The regex fails the misshapen values; a value check lists only values the regex accepts."""
    for kind, cases in cases_by_kind().items():
        values = checked(GRAMMAR, kind, [c["raw_text"] for c in cases])
        failed_syntax = ~values.str.contains(GRAMMAR.regex(SYNTAX[kind]))
        listed = [GRAMMAR.find(kind, check, values).notna() for check in VALUE_CHECKS.get(kind, ())]
        for found in listed:
            assert not (found & failed_syntax).any(), kind
        if listed:
            assert (sum(found.astype(int) for found in listed) <= 1).all(), kind


def out_of_range(values: pd.Series, kind: str, minimum, maximum) -> list[str]:
    reject = GRAMMAR.out_of_range(kind, "value", minimum, maximum)
    return GRAMMAR.listed(values, f"({reject}) is not null").dropna().tolist()


def test_bounds_of_the_contract_apply_to_the_numbers_the_kind_can_read():
    """As staging's reject_if_out_of_range: a value its kind cannot read is the syntax's."""
    counts = pd.Series(["-3", "0", "1 200", "douze", "-9223372036854775809", None], dtype="str")
    assert out_of_range(counts, INTEGER, 0, None) == ["-3"]
    shares = pd.Series(["100", "100,5", "-0,5", "62,5", "62.5", "1 000"], dtype="str")
    assert out_of_range(shares, NUMBER, 0, 100) == ["100,5", "-0,5", "1 000"]


def test_impossible_dates_are_told_apart_from_misshapen_ones():
    values = pd.Series(
        ["29/02/2024", "29/02/2025", "31/04/2024", "15/13/2025", "2025-03-15", None, "00/01/2025"],
        dtype="str",
    )
    found = GRAMMAR.find("date", VALUE_CHECKS["date"][0], values)
    assert found.dropna().tolist() == ["29/02/2025", "31/04/2024", "15/13/2025", "00/01/2025"]


def test_codes_compare_without_case_accents_or_spaces():
    frame = pd.DataFrame({"value": pd.Series([" Critere SOCIAL ", "À payer"], dtype="str")})
    codes = GRAMMAR.run(frame, {"code": GRAMMAR.sql("normalize_code", "value")})["code"]
    assert codes.tolist() == ["critere social", "a payer"]
    column = EXTRACTS["marches"].column("considerations_sociales")
    assert "critere social" in normalized_set(column.codes)
    frame = pd.DataFrame(
        {
            column.name: pd.Series(
                ["critere social| Marche reserve |", "Clause sociale|Clause d'insertion", None],
                dtype="str",
            )
        }
    )
    name = unknown_items_name(column.name)
    unknown = GRAMMAR.run(frame, {name: derived_sql(column)[name]})[name]
    assert unknown.isna().tolist() == [True, False, True]
    assert unknown.iloc[1] == "Clause d'insertion"
