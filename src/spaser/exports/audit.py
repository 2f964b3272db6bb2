"""The auditors' exports: evidence and supplier classification as Parquet, partitioned.

A table of the auditors' exposure (`spaser_audit_export`) that has a
filiale and a year is written as one Parquet file per filiale and year,
`<folder>/filiale_code=<code>/year=<year>/<table>.parquet` (the hive layout
DuckDB, Spark, pyarrow and Power BI read as one table); the others (the
supplier dimension) as one Parquet file and one CSV like the BI exports.

One COPY per partition, each sorted: DuckDB's single `COPY … PARTITION_BY`
over the group's 80 M evidence rows holds every partition's buffers at
once, outgrew the memory limit, and writes rows in no set order. A filter
on filiale and year reaches into the evidence view's branches, so each COPY
computes only its own rows. The files keep their filiale_code and year
columns: read alone, a file says what it holds (read through the folders,
DuckDB takes them from the path, `year` then as BIGINT).

The folder is written beside the published one and swapped in whole.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import quote

import duckdb

from spaser.exports.tables import (
    order_by,
    parquet_expressions,
    quote_literal,
    relation_sql,
    table_columns,
)

PARTITION_FOLDERS = {
    "fct_indicator_evidence": "evidence",
    "fct_supplier_classification_evidence": "supplier_classification",
}
PARTITION_KEYS = ("filiale_code", "year")
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # Hive's and DuckDB's name for an empty key


def is_partitioned(connection: duckdb.DuckDBPyConnection, relation: str) -> bool:
    columns = table_columns(connection, f"select * from {relation_sql(relation)}")
    return set(PARTITION_KEYS) <= {name for name, _ in columns}


def partition_path(folder: Path, table: str, filiale: str | None, year: int | None) -> Path:
    filiale_part = NULL_PARTITION if filiale is None else quote(filiale, safe="")
    year_part = NULL_PARTITION if year is None else str(int(year))
    return folder / f"filiale_code={filiale_part}" / f"year={year_part}" / f"{table}.parquet"


def partition_filter(filiale: str | None, year: int | None) -> str:
    filiale_test = "is null" if filiale is None else f"= {quote_literal(filiale)}"
    year_test = "is null" if year is None else f"= {int(year)}"
    return f"source_table.filiale_code {filiale_test} and source_table.year {year_test}"


def write_partitioned(
    connection: duckdb.DuckDBPyConnection, relation: str, folder: Path
) -> list[Path]:
    """One sorted Parquet file per filiale and year of `relation`, under `folder`."""
    table = relation.split(".")[-1]
    source = relation_sql(relation)
    columns = table_columns(connection, f"select * from {source}")
    select = ", ".join(parquet_expressions(columns))
    order = order_by(columns)
    partitions = connection.execute(
        f"select distinct filiale_code, year from {source} order by all nulls last"
    ).fetchall()
    partial = folder.with_name(f".{folder.name}.partial-{os.getpid()}")
    previous = folder.with_name(f".{folder.name}.previous-{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    written = []
    try:
        for filiale, year in partitions:
            target = partition_path(partial, table, filiale, year)
            target.parent.mkdir(parents=True, exist_ok=True)
            connection.execute(
                f"copy (select {select} from {source} as source_table "
                f"where {partition_filter(filiale, year)} {order}) "
                f"to {quote_literal(str(target))} (format parquet)"
            )
            written.append(partition_path(folder, table, filiale, year))
        if folder.exists():
            os.replace(folder, previous)
        os.replace(partial, folder)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
        shutil.rmtree(previous, ignore_errors=True)
    return written
