"""Validate a raw delivery with Great Expectations, before the dbt build.

    python -m spaser.validate [--raw-dir DIR] [--output-dir DIR]

Every extract file of the raw folder is read by the project's own raw layer
(`spaser.landing`: the views a build reads, same records and line numbers)
and checked against one expectation suite per extract, generated from
`spaser.contract`. The results
go to a Great Expectations Data Docs site (static HTML, one validation result
per file) that an auditor can open, and to the console.

Row-level problems are warnings: the staging models reject those rows into
`audit_rejected_rows`, so the delivery can still be built (exit 0). What the
build cannot survive is an error (exit 2): a missing raw folder, a missing
required column, an unreadable file, a filiale folder unknown to
`filiales.csv`, or a bad row in `filiales.csv` (the build stops there, since
such a row has no filiale to be rejected under).

The checks are about shape, not meaning: a SIRET is checked for 14 digits,
not for its Luhn key, and a duplicate key is reported whatever the validity
of the rows that share it. The staging models hold the exact rejection rules.

Great Expectations runs on its pandas path: its SQLAlchemy path reads DuckDB
wrongly here.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from spaser.contract import (
    AMOUNT,
    BOOLEAN,
    CODE,
    CODE_LIST,
    DATE,
    EXTRACTS,
    INTEGER,
    NUMBER,
    SIRET,
    Extract,
)
from spaser.landing import (
    LandedFile,
    RawContractError,
    file_frame,
    land,
    landed_files,
    raw_dir,
)
from spaser.validation_record import write_validation_results

if TYPE_CHECKING:
    from great_expectations.data_context import AbstractDataContext

# Set before GX is first imported (it reads it once): the analytics would try the
# network, which the build machines may not have.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DOCS_SITE = "spaser_raw_delivery"
EXIT_OK, EXIT_CHECK_FAILED, EXIT_CONTRACT_ERROR = 0, 1, 2

# The regexes below hold the three spaces as literal characters rather than
# escapes: pandas evaluates them with Python's `re` or with pyarrow's RE2
# depending on the string storage, and the two spell `\u202f` differently.
SPACES = " \u00a0\u202f"
_SP = f"[{SPACES}]"
_INTEGER_PART = f"(?:[0-9]{{1,3}}(?:{_SP}[0-9]{{3}})+|[0-9]+)"
DATE_PATTERN = "^[0-9]{2}/[0-9]{2}/[0-9]{4}$"
NUMBER_PATTERN = f"^-?{_INTEGER_PART}(?:,[0-9]+)?$"
AMOUNT_PATTERN = f"^-?{_INTEGER_PART}(?:,[0-9]+)?(?:{_SP}€)?$"
INTEGER_PATTERN = f"^-?{_INTEGER_PART}$"
DECIMAL_SYNTAX = (
    "a decimal comma, an optional minus sign, optional thousands separators (a space, "
    "no-break space or narrow no-break space between groups of 3 digits)"
)
BOOLEAN_PATTERN = "^(?i:oui|non|o|n|1|0)$"
SIRET_PATTERN = "^[0-9]{14}$"
_COMBINING_MARKS = "[\u0300-\u036f]"
_DAYS_IN_MONTH = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])

# A character no raw value holds (the reader splits on ';' and strips), so
# that joining a compound key cannot make two different keys equal.
KEY_SEPARATOR = "\x1f"

# Derived columns: the contract compares some values after a normalisation
# that no built-in expectation performs, so the normalised value is computed
# in pandas and the expectation reads it. Their names show in the Data Docs.


def normalized_name(column: str) -> str:
    return f"{column} (normalized)"


def digits_name(column: str) -> str:
    return f"{column} (spaces removed)"


def unknown_items_name(column: str) -> str:
    return f"{column} (unknown items)"


def impossible_date_name(column: str) -> str:
    return f"{column} (impossible date)"


def earlier_file_name(extract: Extract) -> str:
    return f"{' + '.join(extract.key)} (already in an earlier file)"


def normalize_codes(values: pd.Series) -> pd.Series:
    """Coded values as the contract compares them: no accents, no case, no surrounding spaces."""
    return (
        values.str.normalize("NFKD")
        .str.replace(_COMBINING_MARKS, "", regex=True)
        .str.strip()
        .str.lower()
    )


def _normalized_set(codes: Sequence[str]) -> list[str]:
    return sorted(set(normalize_codes(pd.Series(list(codes), dtype="str"))))


def _unknown_items(values: pd.Series, codes: Sequence[str]) -> pd.Series:
    """Per row, the list items that are not known codes ('|'-joined), null when all are known."""
    items = values.str.split("|").explode().astype("str").str.strip()
    items = items[items.notna() & (items != "")]
    unknown = items[~normalize_codes(items).isin(_normalized_set(codes))]
    joined = unknown.groupby(level=0).agg("|".join)
    return joined.reindex(values.index).astype("str")


def _impossible_dates(values: pd.Series) -> pd.Series:
    """The values shaped JJ/MM/AAAA that are no calendar date (31/02/2025), null otherwise.

    The shape itself is the regex expectation's business; keeping the two apart
    reports each bad value once.
    """
    shaped = values[values.str.contains(DATE_PATTERN, na=False)]
    day = shaped.str.slice(0, 2).astype("int64").to_numpy()
    month = shaped.str.slice(3, 5).astype("int64").to_numpy()
    year = shaped.str.slice(6, 10).astype("int64").to_numpy()
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    month_length = _DAYS_IN_MONTH[np.clip(month, 0, 12)] + ((month == 2) & leap)
    bad = (year < 1) | (month < 1) | (month > 12) | (day < 1) | (day > month_length)
    return shaped[bad].reindex(values.index).astype("str")


def key_values(frame: pd.DataFrame, extract: Extract) -> pd.Series:
    """One string per row for the extract's key; null when a key column is empty."""
    parts = [
        frame[digits_name(c)] if extract.column(c).kind == SIRET else frame[c] for c in extract.key
    ]
    key = parts[0]
    for part in parts[1:]:
        key = key.str.cat(part, sep=KEY_SEPARATOR)
    return key


@dataclass
class KeyRegistry:
    """Keys already read in earlier files of the same filiale and extract.

    An extract split over several files is one table: a key repeated across
    files is as much a duplicate as one repeated inside a file, which
    per-file uniqueness expectations cannot see.
    """

    first_file: dict[tuple[str | None, str], pd.Series] = field(default_factory=dict)

    def earlier_files(self, raw: LandedFile, keys: pd.Series) -> pd.Series:
        """Per row, the earlier file that already holds its key; records this file's keys."""
        scope = (raw.filiale_code, raw.extract)
        seen = self.first_file.get(scope, pd.Series(dtype="str"))
        earlier = keys.map(seen).astype("str")
        new_keys = keys.dropna().drop_duplicates()
        new_keys = new_keys[~new_keys.isin(seen.index)]
        added = pd.Series(raw.source_file, index=pd.Index(new_keys, dtype="str"), dtype="str")
        self.first_file[scope] = pd.concat([seen, added]) if len(seen) else added
        return earlier


def load_frame(connection, raw: LandedFile) -> pd.DataFrame:
    """The rows of one file as text, with their line numbers, read by the project's raw layer."""
    extract = EXTRACTS[raw.extract]
    frame = file_frame(connection, raw)
    text_columns = [*extract.column_names, "reading_error", "raw_record"]
    frame[text_columns] = frame[text_columns].astype("str")
    return frame


def add_derived_columns(
    frame: pd.DataFrame, raw: LandedFile, registry: KeyRegistry
) -> pd.DataFrame:
    """Add the normalised columns the suite of this extract expects (see `build_suite`)."""
    extract = EXTRACTS[raw.extract]
    derived: dict[str, pd.Series] = {}
    for column in extract.columns:
        values = frame[column.name]
        if column.kind == SIRET:
            derived[digits_name(column.name)] = values.str.replace(_SP, "", regex=True)
        elif column.kind == CODE:
            derived[normalized_name(column.name)] = normalize_codes(values)
        elif column.kind == CODE_LIST:
            derived[unknown_items_name(column.name)] = _unknown_items(values, column.codes)
        elif column.kind == DATE:
            derived[impossible_date_name(column.name)] = _impossible_dates(values)
    frame = frame.assign(**derived)
    frame[earlier_file_name(extract)] = registry.earlier_files(raw, key_values(frame, extract))
    return frame


# Kinds checked by their syntax alone: (console label, rule for the Data Docs, regex).
SYNTAX_CHECKS = {
    AMOUNT: (
        "invalid amount",
        f"an amount: {DECIMAL_SYNTAX}, and an optional trailing euro sign after one of "
        "those spaces (1 234 567,89; -500,00; 12 000 €).",
        AMOUNT_PATTERN,
    ),
    NUMBER: ("invalid number", f"a number: {DECIMAL_SYNTAX} (62,5; 1 200).", NUMBER_PATTERN),
    INTEGER: (
        "invalid integer",
        "a whole number, with an optional minus sign and optional thousands separators as "
        "in amounts.",
        INTEGER_PATTERN,
    ),
    BOOLEAN: ("invalid boolean", "a boolean: Oui/Non, O/N or 1/0, in any case.", BOOLEAN_PATTERN),
}


def build_suite(extract: Extract) -> Any:
    """The expectation suite of one extract, generated from the contract.

    Each expectation carries a short `check` label for the console and a
    description that the Data Docs show instead of GX's generic sentence.
    """
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
        if column.kind == DATE:
            add(
                gxe.ExpectColumnValuesToMatchRegex,
                "date not JJ/MM/AAAA",
                f"{name} is a date written JJ/MM/AAAA.",
                name,
                column=name,
                regex=DATE_PATTERN,
            )
            add(
                gxe.ExpectColumnValuesToBeNull,
                "impossible date",
                f"{name}: a value shaped JJ/MM/AAAA is a real calendar date "
                "(31/02/2025 is not); this column lists the ones that are not.",
                name,
                column=impossible_date_name(name),
            )
        elif column.kind in SYNTAX_CHECKS:
            check, rule, regex = SYNTAX_CHECKS[column.kind]
            add(
                gxe.ExpectColumnValuesToMatchRegex,
                check,
                f"{name} is {rule}",
                name,
                column=name,
                regex=regex,
            )
        elif column.kind == SIRET:
            add(
                gxe.ExpectColumnValuesToMatchRegex,
                "SIRET not 14 digits",
                f"{name} is a SIRET: 14 digits once spaces are removed (the Luhn key is "
                "checked by the staging models).",
                name,
                column=digits_name(name),
                regex=SIRET_PATTERN,
            )
        elif column.kind == CODE:
            add(
                gxe.ExpectColumnValuesToBeInSet,
                "unknown code",
                f"{name} is one of: {', '.join(column.codes)} (compared without case, "
                "accents or surrounding spaces).",
                name,
                column=normalized_name(name),
                value_set=_normalized_set(column.codes),
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
    key_columns = [digits_name(c) if extract.column(c).kind == SIRET else c for c in extract.key]
    key_text = " + ".join(extract.key)
    if len(key_columns) == 1:
        add(
            gxe.ExpectColumnValuesToBeUnique,
            "duplicate key in file",
            f"{key_text} is the key: unique in the file (every row sharing a key is listed).",
            key_text,
            column=key_columns[0],
        )
    else:
        add(
            gxe.ExpectCompoundColumnsToBeUnique,
            "duplicate key in file",
            f"({key_text}) is the key: unique in the file (every row sharing a key is listed).",
            key_text,
            column_list=key_columns,
        )
    add(
        gxe.ExpectColumnValuesToBeNull,
        "key already in an earlier file",
        f"{key_text}: an extract split over several files is one table, so a key is not "
        "already used in an earlier file (in name order); this column names that file.",
        key_text,
        column=earlier_file_name(extract),
    )
    fatal = not extract.per_filiale
    consequence = (
        "A failed expectation here stops the dbt build: a bad row of filiales.csv has no "
        "filiale to be rejected under."
        if fatal
        else "A failed expectation is a warning: the staging models reject the rows concerned "
        "into `audit_rejected_rows`, with their file, line number and reason."
    )
    notes = [
        f"Extract `{extract.name}` ({extract.description}), generated from `spaser.contract` "
        "(the input contract `raw-extracts.md`).",
        "Every value is text as delivered, stripped of surrounding spaces; empty means null and "
        "only required columns must be filled. Columns named `... (...)` are derived in pandas "
        "for the checks the contract defines on normalised values.",
        consequence,
    ]
    return gx.ExpectationSuite(
        name=f"raw_{extract.name}",
        expectations=expectations,
        meta={"notes": {"format": "markdown", "content": notes}},
    )


@dataclass
class FileReport:
    """What the console says about one validated file."""

    label: str
    extract: str
    rows: int
    evaluated: int
    failures: list[
        tuple[str, str, int, list[Any], list[Any]]
    ]  # column, check, count, lines, values
    errors: list[str]

    @property
    def fatal(self) -> bool:
        return not EXTRACTS[self.extract].per_filiale and bool(self.failures)


def _summarize(label: str, raw: LandedFile, rows: int, result: Any) -> FileReport:
    failures, errors = [], []
    for item in result.results:
        config = item.expectation_config
        meta = config.meta or {}
        column = meta.get("column") or config.kwargs.get("column", "")
        check = meta.get("check", config.type)
        if item.exception_info and item.exception_info.get("raised_exception"):
            errors.append(f"{column}: {check}: {item.exception_info.get('exception_message')}")
        elif not item.success:
            details = item.result or {}
            indexes = details.get("partial_unexpected_index_list") or []
            lines = [
                i["line_number"] for i in indexes if isinstance(i, dict) and "line_number" in i
            ]
            values = [_display_value(v) for v in details.get("partial_unexpected_list") or []]
            values = [v for v in dict.fromkeys(values) if v is not None]
            failures.append((column, check, details.get("unexpected_count", 0), lines, values))
    return FileReport(label, raw.extract, rows, len(result.results), failures, errors)


def _display_value(value: Any) -> Any:
    """A sample value as the console shows it: compound keys as tuples, nulls dropped."""
    if isinstance(value, dict):
        return tuple(value.values())
    return None if value is None or value is pd.NA or value != value else value


def _shorten(items: list[Any], limit: int = 5) -> str:
    shown = ", ".join(str(int(i)) if isinstance(i, np.integer) else repr(i) for i in items[:limit])
    return shown + (", ..." if len(items) > limit else "")


def print_report(report: FileReport, width: int) -> None:
    failed = len(report.failures) + len(report.errors)
    status = "ERROR" if report.fatal or report.errors else ("WARN" if failed else "OK")
    print(
        f"{status:<5} {report.label:<{width}} {report.rows:>8} rows  "
        f"{failed:>2}/{report.evaluated} expectations failed"
    )
    for column, check, count, lines, values in report.failures:
        where = f" (lines {_shorten(sorted(set(lines)))})" if lines else ""
        sample = f": {_shorten(values, 3)}" if values else ""
        print(f"        {column}: {check}: {count} row(s){where}{sample}")
    for error in report.errors:
        print(f"        could not evaluate {error}")


def _reset_site(directory: Path) -> None:
    """Remove a previous run's pages, so the site shows this delivery only.

    Only what the site builder writes is removed, in case the folder is shared.
    """
    for name in ("index.html", "validations", "expectations", "static"):
        target = directory / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def _make_context(site_dir: Path) -> AbstractDataContext:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    # The default site of an ephemeral context lives in a temporary folder.
    context.delete_data_docs_site("local_site")
    context.add_data_docs_site(
        DATA_DOCS_SITE,
        {
            "class_name": "SiteBuilder",
            "show_how_to_buttons": False,
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(site_dir),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    return context


def _record_source(
    context: AbstractDataContext,
    result: Any,
    suite_name: str,
    run_id: Any,
    raw: LandedFile,
    label: str,
) -> None:
    """Name the validated file on its Data Docs page, and store the result again.

    A dataframe batch knows nothing of where its rows came from, so the page
    would say 'Data asset: None'; the auditor needs the file and its path.
    """
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    result.meta["batch_spec"] = {
        **(result.meta.get("batch_spec") or {}),
        "data_asset_name": label,
        "source_file": str(raw.path),
        "extract": raw.extract,
        "filiale_code": raw.filiale_code or "(group level)",
    }
    key = ValidationResultIdentifier(
        expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite_name),
        run_id=run_id,
        batch_identifier=result.batch_id,
    )
    context.validation_results_store.set(key, result)


def output_dir(configured: str | None = None) -> Path:
    value = configured or os.environ.get("SPASER_OUTPUT_DIR") or str(PROJECT_ROOT / "output")
    return Path(value).expanduser().resolve()


def validate(root: Path, out: Path) -> int:
    """Validate every file of a raw folder, write the Data Docs; return the exit code."""
    with land(root) as connection:
        return _validate_landed(connection, root, out)


def _validate_landed(connection, root: Path, out: Path) -> int:
    started = time.monotonic()
    # The FEC files have their own contract (accounting-fec.md), checked by the build.
    files = [f for f in landed_files(connection) if f.extract in EXTRACTS]
    site_dir = out / "data_docs"
    site_dir.mkdir(parents=True, exist_ok=True)
    _reset_site(site_dir)
    context = _make_context(site_dir)

    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier

    run_id = RunIdentifier(run_name="spaser-validate")
    source = context.data_sources.add_pandas("raw_delivery")
    suites: dict[str, Any] = {}
    registry = KeyRegistry()
    labels = [raw.label for raw in files]
    width = max(len(label) for label in labels)
    print(f"Validating the raw delivery {root} ({len(files)} files)")

    reports = []
    for raw, label in zip(files, labels, strict=True):
        extract = EXTRACTS[raw.extract]
        if extract.name not in suites:
            suites[extract.name] = context.suites.add(build_suite(extract))
        # GX store keys may not contain '/': the asset is named filiale.file.
        asset_name = label.replace(os.sep, ".")
        batch = source.add_dataframe_asset(asset_name).add_batch_definition_whole_dataframe(
            "whole file"
        )
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=asset_name, data=batch, suite=suites[extract.name])
        )
        frame = add_derived_columns(load_frame(connection, raw), raw, registry)
        result = definition.run(
            batch_parameters={"dataframe": frame},
            result_format={
                "result_format": "SUMMARY",
                "unexpected_index_column_names": ["line_number"],
            },
            run_id=run_id,
        )
        _record_source(context, result, suites[extract.name].name, run_id, raw, label)
        report = _summarize(label, raw, len(frame), result)
        print_report(report, width)
        reports.append(report)

    urls = context.build_data_docs(site_names=[DATA_DOCS_SITE])
    write_validation_results(site_dir, root, reports)
    index = site_dir / "index.html"
    rows = sum(r.rows for r in reports)
    failed = sum(len(r.failures) for r in reports)
    findings = sum(count for r in reports for _, _, count, _, _ in r.failures)
    warned = sum(1 for r in reports if r.failures and not r.fatal)
    fatal = [r for r in reports if r.fatal]
    errors = [r for r in reports if r.errors]
    print(
        f"\nSummary: {len(reports)} files, {rows} rows; {failed} of "
        f"{sum(r.evaluated for r in reports)} expectations failed in "
        f"{warned + len(fatal)} file(s), {findings} unexpected values "
        f"(a row can count in several expectations); {time.monotonic() - started:.1f} s."
    )
    print(f"Data Docs: {urls.get(DATA_DOCS_SITE, index.as_uri())}")
    if errors:
        print("ERROR: some expectations could not be evaluated (see above).", file=sys.stderr)
        return EXIT_CHECK_FAILED
    if fatal:
        print(
            "ERROR: filiales.csv has rows the build cannot read; it stops the dbt build "
            "(see the lines above).",
            file=sys.stderr,
        )
        return EXIT_CONTRACT_ERROR
    if failed:
        print(
            f"WARNING: {failed} expectation(s) failed in {warned} file(s): the staging models "
            "reject those rows into audit_rejected_rows (row-level problems, the build goes on)."
        )
    else:
        print("OK: every expectation passed.")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spaser.validate",
        description="Validate a raw delivery against the input contract with Great "
        "Expectations and write Data Docs (static HTML).",
    )
    parser.add_argument(
        "--raw-dir", help="raw folder (default: $SPASER_RAW_DIR, else the bundled demo data)"
    )
    parser.add_argument(
        "--output-dir",
        help="where data_docs/ is written (default: $SPASER_OUTPUT_DIR, else output/)",
    )
    args = parser.parse_args(argv)
    try:
        root = raw_dir(args.raw_dir)
        return validate(root, output_dir(args.output_dir))
    except RawContractError as exc:
        print(f"ERROR: the delivery breaks the input contract:\n{exc}", file=sys.stderr)
        return EXIT_CONTRACT_ERROR


if __name__ == "__main__":
    sys.exit(main())
