"""The expectation suite of one extract, generated from the contract.

Each expectation carries a short `check` label for the console and a
description that the Data Docs show instead of GX's generic sentence.
"""

from __future__ import annotations

from typing import Any

from spaser.contract import CODE, CODE_LIST, Extract
from spaser.validate.derived import (
    checked_name,
    earlier_file_name,
    normalized_name,
    normalized_set,
    out_of_range_name,
    unknown_items_name,
)
from spaser.validate.grammar import SYNTAX, VALUE_CHECKS


def build_suite(extract: Extract) -> Any:
    import great_expectations as gx
    import great_expectations.expectations as gxe

    expectations: list[Any] = []

    def add(expectation_class, check: str, description: str, source: str, **kwargs) -> None:
        meta = {"check": check, "column": source}
        expectations.append(expectation_class(**kwargs, description=description, meta=meta))

    add(
        gxe.ExpectColumnValuesToBeNull,
        "unreadable quoting",
        "Every record's quoting is readable (RFC 4180); a stray quote, or a quote still open "
        "at the end of the file or after 20 lines, rejects that record alone.",
        "(record)",
        column="reading_error",
    )
    for column in extract.columns:
        name = column.name
        if column.required:
            add(
                gxe.ExpectColumnValuesToNotBeNull,
                "required value empty",
                f"{name} is required: never empty.",
                name,
                column=name,
            )
        if column.kind in SYNTAX:
            syntax = SYNTAX[column.kind]
            add(
                gxe.ExpectColumnValuesToMatchRegex,
                syntax.check,
                f"{name} is {syntax.rule}",
                name,
                column=checked_name(extract, name),
                regex=syntax.pattern,
            )
        for check in VALUE_CHECKS.get(column.kind, ()):
            add(
                gxe.ExpectColumnValuesToBeNull,
                check.check,
                f"{name}: {check.rule}",
                name,
                column=check.column(name),
            )
        if column.min is not None or column.max is not None:
            add(
                gxe.ExpectColumnValuesToBeNull,
                "value out of range",
                f"{name} is {_bounds(column.min, column.max)}; this column lists the values "
                "that are not.",
                name,
                column=out_of_range_name(name),
            )
        if column.kind == CODE:
            add(
                gxe.ExpectColumnValuesToBeInSet,
                "unknown code",
                f"{name} is one of: {', '.join(column.codes)} (compared without case, "
                "accents or surrounding spaces).",
                name,
                column=normalized_name(name),
                value_set=normalized_set(column.codes),
            )
        elif column.kind == CODE_LIST:
            add(
                gxe.ExpectColumnValuesToBeNull,
                "unknown code in list",
                f"{name} is a '|'-separated list of: {', '.join(column.codes)} (compared "
                "without case, accents or surrounding spaces); this column lists the unknown "
                "items.",
                name,
                column=unknown_items_name(name),
            )
    expectations += _key_expectations(gxe, extract)
    return gx.ExpectationSuite(
        name=f"raw_{extract.name}",
        expectations=expectations,
        meta={"notes": {"format": "markdown", "content": _notes(extract)}},
    )


def _bounds(minimum: float | None, maximum: float | None) -> str:
    if minimum is not None and maximum is not None:
        return f"between {minimum:g} and {maximum:g}"
    return f"at least {minimum:g}" if minimum is not None else f"at most {maximum:g}"


def _key_expectations(gxe: Any, extract: Extract) -> list[Any]:
    """The key unique in the file, and not already used in an earlier file of the extract."""
    key_columns = [checked_name(extract, c) for c in extract.key]
    key_text = " + ".join(extract.key)
    meta = {"check": "duplicate key in file", "column": key_text}
    if len(key_columns) == 1:
        unique = gxe.ExpectColumnValuesToBeUnique(
            column=key_columns[0],
            description=f"{key_text} is the key: unique in the file (every row sharing a key "
            "is listed).",
            meta=meta,
        )
    else:
        unique = gxe.ExpectCompoundColumnsToBeUnique(
            column_list=key_columns,
            description=f"({key_text}) is the key: unique in the file (every row sharing a "
            "key is listed).",
            meta=meta,
        )
    earlier = gxe.ExpectColumnValuesToBeNull(
        column=earlier_file_name(extract),
        description=f"{key_text}: an extract split over several files is one table, so a key "
        "is not already used in an earlier file (in name order); this column names that file.",
        meta={"check": "key already in an earlier file", "column": key_text},
    )
    return [unique, earlier]


def _notes(extract: Extract) -> list[str]:
    fatal = not extract.per_filiale
    consequence = (
        "A failed expectation here stops the dbt build: a bad row of filiales.csv has no "
        "filiale to be rejected under."
        if fatal
        else "A failed expectation is a warning: the staging models reject the rows concerned "
        "into `audit_rejected_rows`, with their file, line number and reason (a row whose "
        "optional SIRET is invalid is kept, the SIRET read as unknown)."
    )
    return [
        f"Extract `{extract.name}` ({extract.description}), generated from `spaser.contract` "
        "(the input contract `raw-extracts.md`).",
        "Every value is text as delivered, stripped of surrounding spaces; empty means null and "
        "only required columns must be filled. Columns named `... (...)` are derived in pandas "
        "for the checks the contract defines on normalised values, and for the rules of the "
        "parsing macros a regex cannot say (a calendar, a bound, a check digit).",
        consequence,
    ]
