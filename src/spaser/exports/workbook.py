"""The Excel workbook `exports/spaser.xlsx`, written with XlsxWriter.

One sheet per exported table (in its natural order) and the dictionary: a
header row of French labels (the dictionary's), frozen, with filters.
Numbers are written as numbers with French formats (a percentage of 0 to 100
as `0,0 %` without Excel's x100, amounts as `# ##0 €`), dates as dates,
booleans as Excel booleans (VRAI/FAUX), and every text as text: a SIRET, a
SIREN, a CPV or a code with leading zeros keeps its digits, and a text
starting with `=` is never a formula. The figures whose unit depends on the
row (`value` and `target` of the indicator marts: meta unit `selon unit`) take
the format of the row's unit.

A sheet holds at most 1 048 575 rows under its header: a longer table goes on
to sheets `<name> (2)`, `<name> (3)`... The evidence and the supplier
classification are not in the workbook (tens of millions of rows at group
scale): they are Parquet, and one filiale-year of evidence is a workbook of
its own on request (`python -m spaser.exports --evidence`).
"""

from __future__ import annotations

import datetime as dt
import decimal
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb
import xlsxwriter

from spaser.exports.dictionary import Dictionary

EXCEL_MAX_ROWS = 1_048_576
SHEET_ROWS = EXCEL_MAX_ROWS - 1  # under the header
SHEET_NAME_MAX = 31
FETCH_ROWS = 10_000
PERCENT = '0.0" %"'
EURO = '#,##0" €"'
UNIT_FORMATS = {
    "%": PERCENT,
    "€": EURO,
    "jours": "#,##0.0",
    "ETP": "#,##0.00",
}
# The indicator marts' own unit codes, for the figures whose unit is the row's.
ROW_UNIT_FORMATS = {
    "percent": PERCENT,
    "eur": EURO,
    "count": "#,##0",
    "days": "#,##0.0",
    "fte": "#,##0.00",
    "boolean": "0",
}
ROW_UNIT_PREFIX = "selon "
DATE_FORMAT = "dd/mm/yyyy"
TIMESTAMP_FORMAT = "dd/mm/yyyy hh:mm:ss"
MAX_WIDTH = 60


class SheetColumn:
    """How one column's cells are written: its kind and number format."""

    def __init__(self, name: str, duckdb_type: str, unit: str | None, names: Sequence[str]):
        self.name = name
        self.duckdb_type = duckdb_type
        self.row_unit_index = None
        if unit and unit.startswith(ROW_UNIT_PREFIX) and unit[len(ROW_UNIT_PREFIX) :] in names:
            self.row_unit_index = list(names).index(unit[len(ROW_UNIT_PREFIX) :])
        if duckdb_type in ("INTEGER", "BIGINT", "SMALLINT", "HUGEINT", "UBIGINT"):
            self.number_format = "#,##0" if unit else "0"
        elif duckdb_type in ("DOUBLE", "FLOAT") or duckdb_type.startswith("DECIMAL"):
            self.number_format = UNIT_FORMATS.get(unit or "", "#,##0" if unit else None)
        elif duckdb_type == "DATE":
            self.number_format = DATE_FORMAT
        elif duckdb_type.startswith("TIMESTAMP"):
            self.number_format = TIMESTAMP_FORMAT
        else:
            self.number_format = None


class Formats:
    """XlsxWriter formats, one per number format (a workbook holds each once)."""

    def __init__(self, workbook: xlsxwriter.Workbook):
        self.workbook = workbook
        self.cache: dict[str | None, object] = {}
        self.header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})

    def get(self, number_format: str | None):
        if number_format not in self.cache:
            self.cache[number_format] = (
                self.workbook.add_format({"num_format": number_format}) if number_format else None
            )
        return self.cache[number_format]


def write_cell(sheet, row: int, col: int, value, column: SheetColumn, formats: Formats, record):
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, int | float | decimal.Decimal):
        number_format = column.number_format
        if column.row_unit_index is not None:
            number_format = ROW_UNIT_FORMATS.get(record[column.row_unit_index], number_format)
        sheet.write_number(row, col, float(value), formats.get(number_format))
    elif isinstance(value, dt.datetime):
        sheet.write_datetime(row, col, value.replace(tzinfo=None), formats.get(TIMESTAMP_FORMAT))
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, value, formats.get(DATE_FORMAT))
    elif isinstance(value, list | tuple):
        sheet.write_string(row, col, ", ".join("" if v is None else str(v) for v in value))
    else:
        sheet.write_string(row, col, str(value))


def sheet_names(name: str, count: int) -> Iterable[str]:
    for index in range(count):
        suffix = f" ({index + 1})" if index else ""
        yield name[: SHEET_NAME_MAX - len(suffix)] + suffix


def write_table(
    workbook: xlsxwriter.Workbook,
    formats: Formats,
    name: str,
    headers: Sequence[str],
    columns: Sequence[SheetColumn],
    rows: Iterable[Sequence],
) -> int:
    """Write rows on one sheet, or more when a sheet is full at Excel's row limit; return
    the number of rows written."""
    widths = [min(max(len(header), 8) + 2, MAX_WIDTH) for header in headers]

    def new_sheet(part: int):
        sheet = workbook.add_worksheet(list(sheet_names(name, part))[-1])
        sheet.freeze_panes(1, 0)
        sheet.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})
        for index, (header, width) in enumerate(zip(headers, widths, strict=True)):
            sheet.set_column(index, index, width)
            sheet.write_string(0, index, header, formats.header)
        return sheet

    written, part, sheet, sheet_row = 0, 1, new_sheet(1), 0
    for record in rows:
        if sheet_row == SHEET_ROWS:
            sheet.autofilter(0, 0, sheet_row, len(headers) - 1)
            part += 1
            sheet, sheet_row = new_sheet(part), 0
        sheet_row += 1
        written += 1
        for index, value in enumerate(record):
            write_cell(sheet, sheet_row, index, value, columns[index], formats, record)
    sheet.autofilter(0, 0, sheet_row, len(headers) - 1)
    return written


def fetch_rows(connection: duckdb.DuckDBPyConnection, query: str) -> Iterable[tuple]:
    result = connection.execute(query)
    while batch := result.fetchmany(FETCH_ROWS):
        yield from batch


def open_workbook(path: Path) -> xlsxwriter.Workbook:
    return xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "remove_timezone": True,
        },
    )


def add_query_sheet(
    workbook: xlsxwriter.Workbook,
    formats: Formats,
    connection: duckdb.DuckDBPyConnection,
    dictionary: Dictionary,
    table: str,
    query: str,
) -> int:
    described = connection.execute(f"describe {query}").fetchall()
    names = [name for name, *_ in described]
    units = {c.name: c.unit for c in dictionary.columns.get(table, [])}
    columns = [SheetColumn(name, kind, units.get(name), names) for name, kind, *_ in described]
    headers = [dictionary.label(table, name) for name in names]
    return write_table(workbook, formats, table, headers, columns, fetch_rows(connection, query))


def write_workbook(
    path: Path,
    connection: duckdb.DuckDBPyConnection,
    dictionary: Dictionary,
    sheets: Sequence[tuple[str, str]],
    dictionary_sheet: str | None = None,
    dictionary_headers: Sequence[str] = (),
) -> dict[str, int]:
    """Write (table, query) sheets then the dictionary; return the rows written by table.
    The file is replaced atomically."""
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    counts: dict[str, int] = {}
    try:
        workbook = open_workbook(partial)
        formats = Formats(workbook)
        for table, query in sheets:
            counts[table] = add_query_sheet(workbook, formats, connection, dictionary, table, query)
        if dictionary_sheet:
            text = [SheetColumn(h, "VARCHAR", None, dictionary_headers) for h in dictionary_headers]
            counts[dictionary_sheet] = write_table(
                workbook, formats, dictionary_sheet, dictionary_headers, text, dictionary.rows()
            )
        workbook.close()
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return counts
