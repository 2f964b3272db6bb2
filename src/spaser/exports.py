"""Write the published marts as Parquet and as CSV for French spreadsheets.

    python -m spaser.exports

The relations exported are those the build recorded from the dbt exposures
marked `spaser_export` (publish.build_record.exported_relations): adding a
mart to the exports is adding it to such an exposure. Each is written as
`<output>/exports/<name>.parquet` and `<name>.csv`, each file replaced
atomically. DuckDB does the formatting, so no Python loop runs over rows.

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
import sys
from pathlib import Path

import duckdb

from spaser.outputs import Outputs

BOM = "\ufeff".encode()
WIDE_DECIMAL = re.compile(r"DECIMAL\((\d+),\s*(\d+)\)")
BI_DECIMAL_PRECISION, BI_DECIMAL_MAX_SCALE = 18, 4
FORMULA_START = r"^[=+\-@\t\r]"


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


def export_relation(
    connection: duckdb.DuckDBPyConnection, relation: str, folder: Path
) -> list[Path]:
    name = relation.split(".")[-1]
    columns = connection.execute(f"describe select * from {relation_sql(relation)}").fetchall()
    parquet_columns, csv_columns = [], []
    for column, duckdb_type, *_ in columns:
        narrowed = parquet_type(duckdb_type)
        quoted = quote_identifier(column)
        parquet_columns.append(f"cast({quoted} as {narrowed}) as {quoted}" if narrowed else quoted)
        csv_columns.append(f"{csv_expression(column, duckdb_type)} as {quoted}")
    source = relation_sql(relation)
    parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    partial = {
        path: path.with_name(f".{path.name}.partial-{os.getpid()}") for path in (parquet, csv)
    }
    body = partial[csv].with_name(partial[csv].name + ".body")
    try:
        try:
            connection.execute(
                f"copy (select {', '.join(parquet_columns)} from {source}) "
                f"to {quote_literal(str(partial[parquet]))} (format parquet)"
            )
        except duckdb.ConversionException as error:
            raise RuntimeError(
                f"{relation} : un chiffre dépasse DECIMAL(18,4) ({error})"
            ) from error
        connection.execute(
            f"copy (select {', '.join(csv_columns)} from {source}) to {quote_literal(str(body))} "
            "(format csv, delimiter ';', header true, quote '\"', nullstr '')"
        )
        with partial[csv].open("wb") as handle, body.open("rb") as content:
            handle.write(BOM)
            while chunk := content.read(1 << 20):
                handle.write(chunk)
        for path, temporary in partial.items():
            os.replace(temporary, path)
    finally:
        for leftover in (*partial.values(), body):
            leftover.unlink(missing_ok=True)
    return [parquet, csv]


def write_exports(outputs: Outputs) -> list[Path]:
    """Export every relation the published build recorded; return the files written."""
    outputs.exports.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with duckdb.connect(str(outputs.database), read_only=True) as connection:
        connection.execute("set TimeZone = 'Europe/Paris'")
        (relations,) = connection.execute(
            "select exported_relations from publish.build_record"
        ).fetchall()[0]
        for relation in relations:
            written += export_relation(connection, relation, outputs.exports)
    return written


def main() -> int:
    outputs = Outputs.from_environment()
    if not outputs.database.exists():
        print(f"Aucune base publiée à {outputs.database} : lancer `make build`.", file=sys.stderr)
        return 1
    for path in write_exports(outputs):
        print(f"Export : {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
