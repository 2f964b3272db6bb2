"""Write the published marts for BI tools, spreadsheets and auditors.

    python -m spaser.exports                        every export
    python -m spaser.exports --evidence SEQENS 2025 the evidence of one filiale-year

What is exported is what the dbt exposures say. The BI exports (exposures
marked `spaser_export`, recorded by the build in publish.build_record) are
written as `<output>/exports/<name>.parquet` and `<name>.csv` (spaser.exports.tables),
each in its natural order, with `dictionnaire.csv` (each column's French
label, type, unit and description: spaser.exports.dictionary) and the Excel
workbook `spaser.xlsx` (a sheet per table and the dictionary:
spaser.exports.workbook). The auditors' exports (exposure marked
`spaser_audit_export`) are Parquet partitioned by filiale and year, or a
Parquet and a CSV for a table without them (spaser.exports.audit). Every file
is replaced atomically; DuckDB does the formatting of the Parquet and CSV
files, so no Python loop runs over their rows.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import duckdb

from spaser.exports.audit import PARTITION_FOLDERS, is_partitioned, write_partitioned
from spaser.exports.dictionary import (
    DICTIONARY_NAME,
    HEADERS,
    Dictionary,
    read_dictionary,
)
from spaser.exports.tables import (
    BOM,
    FORMULA_START,
    export_relation,
    quote_identifier,
    quote_literal,
    relation_sql,
    sorted_query,
)
from spaser.exports.workbook import SHEET_ROWS, write_workbook
from spaser.outputs import Outputs

__all__ = [
    "describe",
    "export_relation",
    "quote_identifier",
    "quote_literal",
    "write_evidence",
    "write_exports",
]

WORKBOOK_NAME = "spaser.xlsx"
EVIDENCE_RELATION = "marts.fct_indicator_evidence"
PUBLISH_SCHEMA = "publish."
DEFAULT_MEMORY_LIMIT = "4GB"


def connect(outputs: Outputs) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(outputs.database), read_only=True)
    connection.execute("set TimeZone = 'Europe/Paris'")
    # The exports keep the order they ask for (the build's profile turns it off).
    connection.execute("set preserve_insertion_order = true")
    # The build's limit (profiles.yml): beyond it DuckDB spills to disk instead of growing.
    memory_limit = os.environ.get("SPASER_MEMORY_LIMIT", "").strip() or DEFAULT_MEMORY_LIMIT
    connection.execute(f"set memory_limit = {quote_literal(memory_limit)}")
    return connection


def spreadsheet_text(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if re.match(FORMULA_START, text) else text


def write_dictionary_csv(dictionary: Dictionary, folder: Path) -> Path:
    path = folder / f"{DICTIONARY_NAME}.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(HEADERS)
    writer.writerows([spreadsheet_text(v) for v in row] for row in dictionary.rows())
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    partial.write_bytes(BOM + buffer.getvalue().encode("utf-8"))
    os.replace(partial, path)
    return path


def write_exports(outputs: Outputs) -> list[Path]:
    """Export every relation the published build names; return the files written."""
    folder = outputs.exports
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with connect(outputs) as connection:
        (relations,) = connection.execute(
            "select exported_relations from publish.build_record"
        ).fetchall()[0]
        # dbt lists an exposure's sources first; the build's record reads best last.
        relations = sorted(relations, key=lambda relation: relation.startswith(PUBLISH_SCHEMA))
        for relation in relations:
            written += export_relation(connection, relation, folder)
        tables = [relation.split(".")[-1] for relation in relations]
        dictionary = read_dictionary(connection).ordered(tables)
        written.append(write_dictionary_csv(dictionary, folder))
        sheets = [
            (relation.split(".")[-1], sorted_query(connection, relation)) for relation in relations
        ]
        workbook = folder / WORKBOOK_NAME
        write_workbook(workbook, connection, dictionary, sheets, DICTIONARY_NAME, HEADERS)
        written.append(folder / WORKBOOK_NAME)
        for table in dictionary.tables("audit"):
            relation = dictionary.relations[table]
            if is_partitioned(connection, relation):
                target = folder / PARTITION_FOLDERS.get(table, table)
                written += write_partitioned(connection, relation, target)
            else:
                written += export_relation(connection, relation, folder)
    return written


def write_evidence(outputs: Outputs, filiale: str, year: int) -> list[Path]:
    """The evidence of one filiale-year as CSV, and as a workbook when it fits a sheet."""
    folder = outputs.exports
    folder.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^0-9A-Za-z_-]", "_", f"fct_indicator_evidence_{filiale}_{year}")
    with connect(outputs) as connection:
        condition = (
            f"source_table.filiale_code = {quote_literal(filiale)} "
            f"and source_table.year = {int(year)}"
        )
        query = sorted_query(connection, EVIDENCE_RELATION, condition)
        (count,) = connection.execute(f"select count(*) from ({query})").fetchone()
        if count == 0:
            raise LookupError(f"aucune ligne de preuve pour {filiale} {year}")
        connection.execute(
            f"create temp view {quote_identifier(name)} as "
            f"select * from {relation_sql(EVIDENCE_RELATION)} as source_table where {condition}"
        )
        written = export_relation(connection, f"temp.{name}", folder, formats=("csv",))
        if count <= SHEET_ROWS:
            dictionary = read_dictionary(connection)
            table = EVIDENCE_RELATION.split(".")[-1]
            workbook = folder / f"{name}.xlsx"
            write_workbook(workbook, connection, dictionary, [(table, query)])
            written.append(workbook)
    return written


def describe(paths: Sequence[Path]) -> list[str]:
    """One line per file, one per partitioned folder (hundreds of files at group scale)."""
    lines, partitions = [], Counter()
    for path in paths:
        root = next((p for p in path.parents if p.name.startswith("filiale_code=")), None)
        if root is None:
            lines.append(f"Export : {path}")
        else:
            partitions[root.parent] += 1
    lines += [
        f"Export : {folder}/ ({count} fichiers Parquet, par filiale et année)"
        for folder, count in partitions.items()
    ]
    return lines
