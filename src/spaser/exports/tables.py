"""One published table as Parquet and as CSV for French spreadsheets.

Each table is written in its natural order: filiale, year, then the
indicator's presentation order (`sort_order`, O1_1 before O10_1), whichever
of these the table has, then its other columns left to right, so that two
exports of the same build are byte for byte the same and a reader sees the
grid as the report shows it (the group's tables: year, then sort_order).

Parquet keeps the marts' types, except that an exact decimal wider than 18
digits (the marts' DECIMAL(38,12), a 16-byte decimal many BI drivers reject)
is written as DECIMAL(18,4), an 8-byte decimal every reader takes: 4 decimals
are exact for amounts, and the unrounded figure is in `value` (DOUBLE). A
figure too large for it stops the export with its column named.

CSV: `;` separator, decimal comma, UTF-8 with BOM (Excel then reads the
accents), dates JJ/MM/AAAA, booleans VRAI/FAUX, lists joined by `, `, and
any text starting with `=`, `+`, `-`, `@`, a tab or a carriage return
prefixed with `'` so that a spreadsheet shows it instead of running it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb

BOM = "\ufeff".encode()
WIDE_DECIMAL = re.compile(r"DECIMAL\((\d+),\s*(\d+)\)")
BI_DECIMAL_PRECISION, BI_DECIMAL_MAX_SCALE = 18, 4
FORMULA_START = r"^[=+\-@\t\r]"
NATURAL_ORDER = ("filiale_code", "year", "sort_order")
# A table that names an indicator without its sort_order (the evidence) takes it here.
CATALOGUE = "marts.dim_indicators"
UNSORTABLE = ("JSON",)


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def relation_sql(relation: str) -> str:
    return ".".join(quote_identifier(part) for part in relation.split(".", 1))


def parquet_type(duckdb_type: str) -> str | None:
    """The type written to Parquet when it differs from the mart's, else None."""
    match = WIDE_DECIMAL.fullmatch(duckdb_type)
    if match and int(match.group(1)) > BI_DECIMAL_PRECISION:
        return f"DECIMAL({BI_DECIMAL_PRECISION},{min(int(match.group(2)), BI_DECIMAL_MAX_SCALE)})"
    return None


def csv_expression(column: str, duckdb_type: str) -> str:
    """A column as the text a French spreadsheet reads."""
    col = quote_identifier(column)
    if duckdb_type == "BOOLEAN":
        return f"case when {col} then 'VRAI' when not {col} then 'FAUX' end"
    if duckdb_type == "DATE":
        return f"strftime({col}, '%d/%m/%Y')"
    if duckdb_type.startswith("TIMESTAMP"):
        return f"strftime({col}, '%d/%m/%Y %H:%M:%S')"
    if duckdb_type in ("DOUBLE", "FLOAT"):
        return f"replace(printf('%.15g', {col}), '.', ',')"
    if duckdb_type.startswith("DECIMAL"):
        narrowed = parquet_type(duckdb_type) or duckdb_type
        text = f"cast(cast({col} as {narrowed}) as varchar)"
        trimmed = f"rtrim(rtrim({text}, '0'), '.')"
        return f"replace(case when contains({text}, '.') then {trimmed} else {text} end, '.', ',')"
    if duckdb_type.endswith("[]"):
        text = f"array_to_string(list_transform({col}, lambda item: cast(item as varchar)), ', ')"
    elif duckdb_type in ("VARCHAR", "JSON"):
        text = f"cast({col} as varchar)"
    else:
        return f"cast({col} as varchar)"
    return (
        f"case when regexp_matches({text}, '{FORMULA_START}') then '''' || {text} else {text} end"
    )


def table_columns(connection: duckdb.DuckDBPyConnection, source: str) -> list[tuple[str, str]]:
    """(name, DuckDB type) of each column of a relation or a parenthesised query."""
    return [(name, kind) for name, kind, *_ in connection.execute(f"describe {source}").fetchall()]


def order_by(columns: list[tuple[str, str]], alias: str = "source_table") -> str:
    """The ORDER BY clause of the natural order (module docstring), on the columns of
    `alias`: qualified, it sorts by the stored values, not by their formatted text."""
    names = [name for name, _ in columns]
    keys = [name for name in NATURAL_ORDER if name in names]
    qualified = [f"{alias}.{quote_identifier(key)}" for key in keys]
    if "indicator_code" in names and "sort_order" not in names:
        qualified.append(
            f"(select catalogue.sort_order from {relation_sql(CATALOGUE)} as catalogue "
            f"where catalogue.indicator_code = {alias}.indicator_code)"
        )
    qualified += [
        f"{alias}.{quote_identifier(name)}"
        for name, kind in columns
        if name not in keys and kind not in UNSORTABLE
    ]
    return "order by " + ", ".join(qualified) if qualified else ""


def sorted_query(connection: duckdb.DuckDBPyConnection, relation: str, where: str = "") -> str:
    """The relation's rows in their natural order (optionally filtered)."""
    columns = table_columns(connection, f"select * from {relation_sql(relation)}")
    condition = f"where {where}" if where else ""
    return f"select * from {relation_sql(relation)} as source_table {condition} {order_by(columns)}"


def parquet_expressions(columns: list[tuple[str, str]]) -> list[str]:
    """Each column as written to Parquet (wide decimals narrowed: module docstring)."""
    expressions = []
    for column, duckdb_type in columns:
        narrowed = parquet_type(duckdb_type)
        quoted = quote_identifier(column)
        expressions.append(f"cast({quoted} as {narrowed}) as {quoted}" if narrowed else quoted)
    return expressions


def export_relation(
    connection: duckdb.DuckDBPyConnection,
    relation: str,
    folder: Path,
    formats: tuple[str, ...] = ("parquet", "csv"),
) -> list[Path]:
    """Write `relation` as `<folder>/<name>.parquet` and `.csv` (or those of `formats`)."""
    name = relation.split(".")[-1]
    columns = table_columns(connection, f"select * from {relation_sql(relation)}")
    source = f"{relation_sql(relation)} as source_table"
    order = order_by(columns)
    targets = {kind: folder / f"{name}.{kind}" for kind in formats}
    partial = {
        path: path.with_name(f".{path.name}.partial-{os.getpid()}") for path in targets.values()
    }
    body = folder / f".{name}.csv.partial-{os.getpid()}.body"
    try:
        if "parquet" in targets:
            select = ", ".join(parquet_expressions(columns))
            try:
                connection.execute(
                    f"copy (select {select} from {source} {order}) "
                    f"to {quote_literal(str(partial[targets['parquet']]))} (format parquet)"
                )
            except duckdb.ConversionException as error:
                raise RuntimeError(
                    f"{relation} : un chiffre dépasse DECIMAL(18,4) ({error})"
                ) from error
        if "csv" in targets:
            select = ", ".join(
                f"{csv_expression(column, duckdb_type)} as {quote_identifier(column)}"
                for column, duckdb_type in columns
            )
            connection.execute(
                f"copy (select {select} from {source} {order}) to {quote_literal(str(body))} "
                "(format csv, delimiter ';', header true, quote '\"', nullstr '')"
            )
            with partial[targets["csv"]].open("wb") as handle, body.open("rb") as content:
                handle.write(BOM)
                while chunk := content.read(1 << 20):
                    handle.write(chunk)
        for path, temporary in partial.items():
            os.replace(temporary, path)
    finally:
        for leftover in (*partial.values(), body):
            leftover.unlink(missing_ok=True)
    return list(targets.values())
