"""The dictionary of the exports: each column's French label, type, unit and description.

Labels, units and descriptions come from the published model
`marts.dim_export_columns`, which dbt fills from the columns' YAML (meta
`label`, `unit`) and docs blocks; the type is read from the published table
itself, so that the dictionary says what the file holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from spaser.exports.tables import relation_sql, table_columns

DICTIONARY_RELATION = "marts.dim_export_columns"
DICTIONARY_NAME = "dictionnaire"
HEADERS = ("Export", "Table", "Colonne", "Libellé", "Type", "Unité", "Description")
EXPORT_KINDS = {"bi": "BI et tableurs", "audit": "auditeurs"}
SIMPLE_TYPES = {
    "VARCHAR": "texte",
    "BOOLEAN": "booléen (VRAI/FAUX)",
    "INTEGER": "entier",
    "BIGINT": "entier",
    "DOUBLE": "nombre décimal",
    "FLOAT": "nombre décimal",
    "DATE": "date (JJ/MM/AAAA)",
    "JSON": "objet JSON (texte)",
}
# A link of the dbt docs, `[O1_2](#!/model/...)`, reads as its text in a spreadsheet.
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def plain_text(text: str | None) -> str | None:
    return MARKDOWN_LINK.sub(r"\1", text) if text else text


def french_type(duckdb_type: str) -> str:
    """A DuckDB type as a spreadsheet user reads it, with the type itself for BI tools."""
    if duckdb_type.endswith("[]"):
        return f"liste de {french_type(duckdb_type[:-2]).split(' (')[0]} ({duckdb_type})"
    if duckdb_type.startswith("DECIMAL"):
        text = "nombre décimal exact"
    elif duckdb_type.startswith("TIMESTAMP"):
        text = "date et heure"
    else:
        text = SIMPLE_TYPES.get(duckdb_type, duckdb_type.lower())
    return f"{text} ({duckdb_type})"


@dataclass(frozen=True)
class Column:
    table: str
    name: str
    duckdb_type: str
    label: str | None
    unit: str | None
    description: str | None


@dataclass(frozen=True)
class Dictionary:
    """The documented columns of every exported table, by table, in the table's order."""

    kinds: dict[str, str]
    relations: dict[str, str]
    columns: dict[str, list[Column]]

    def ordered(self, tables: list[str]) -> Dictionary:
        """The same dictionary, its tables in this order first (the order of the exports)."""
        order = [t for t in tables if t in self.columns]
        order += [t for t in self.columns if t not in order]
        return Dictionary(self.kinds, self.relations, {t: self.columns[t] for t in order})

    def tables(self, kind: str) -> list[str]:
        return [table for table, table_kind in self.kinds.items() if table_kind == kind]

    def label(self, table: str, column: str) -> str:
        found = next((c for c in self.columns.get(table, []) if c.name == column), None)
        return (found.label if found else None) or column

    def rows(self) -> list[tuple]:
        return [
            (
                EXPORT_KINDS[self.kinds[table]],
                table,
                column.name,
                column.label,
                french_type(column.duckdb_type),
                column.unit,
                plain_text(column.description),
            )
            for table, columns in self.columns.items()
            for column in columns
        ]


def read_dictionary(connection: duckdb.DuckDBPyConnection) -> Dictionary:
    documented = connection.execute(
        f"""
        select export_kind, relation_name, table_name, column_name, column_label, column_unit,
            column_description
        from {relation_sql(DICTIONARY_RELATION)}
        order by export_kind desc, table_name, column_position
        """
    ).fetchall()
    kinds: dict[str, str] = {}
    relations: dict[str, str] = {}
    texts: dict[tuple[str, str], tuple] = {}
    for kind, relation, table, column, label, unit, description in documented:
        kinds.setdefault(table, kind)
        relations.setdefault(table, relation)
        texts[table, column] = (label, unit, description)
    columns = {
        table: [
            Column(table, name, kind, *texts.get((table, name), (None, None, None)))
            for name, kind in table_columns(connection, f"select * from {relation_sql(relation)}")
        ]
        for table, relation in relations.items()
    }
    return Dictionary(kinds, relations, columns)
