"""The input contract of ../shared/spec/raw-extracts.md, for Python.

It is declared once, as the meta of the `extracts` source
(models/staging/extracts/_extracts__sources.yml), which the raw layer and
the staging models read at run time; the delivery validation and the demo
generator read the same file here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from spaser.constants import PROJECT_DIR

SOURCES_FILE = PROJECT_DIR / "models" / "staging" / "extracts" / "_extracts__sources.yml"

# Column kinds. Each maps to one parsing macro in macros/parsing/.
TEXT = "text"
DATE = "date"
AMOUNT = "amount"
NUMBER = "number"
INTEGER = "integer"
BOOLEAN = "boolean"
CODE = "code"
CODE_LIST = "code_list"  # every item must be a known code
LIST = "list"  # free items, or codes whose unknown items are ignored
SIRET = "siret"
KINDS = (TEXT, DATE, AMOUNT, NUMBER, INTEGER, BOOLEAN, CODE, CODE_LIST, LIST, SIRET)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = TEXT
    required: bool = False
    codes: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extract:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    per_filiale: bool = True
    description: str = ""

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _column(entry: dict) -> Column:
    meta = entry["config"]["meta"]
    if meta["kind"] not in KINDS:
        raise ValueError(f"{SOURCES_FILE}: column {entry['name']}: unknown kind {meta['kind']!r}")
    return Column(
        name=entry["name"],
        kind=meta["kind"],
        required=bool(meta.get("required", False)),
        codes=tuple(str(code) for code in meta.get("codes", ())),
        min=meta.get("min"),
        max=meta.get("max"),
        indicators=tuple(meta.get("indicators", ())),
    )


@cache
def load_extracts(path: Path = SOURCES_FILE) -> dict[str, Extract]:
    """The extracts of the contract, in the order of the sources file."""
    (source,) = (s for s in yaml.safe_load(path.read_text(encoding="utf-8"))["sources"])
    extracts = {}
    for table in source["tables"]:
        meta = table.get("config", {}).get("meta", {})
        if "key" not in meta:
            continue  # not an extract: the raw layer's inventory
        extracts[table["name"]] = Extract(
            name=table["name"],
            columns=tuple(_column(entry) for entry in table["columns"]),
            key=tuple(meta["key"]),
            per_filiale=bool(meta.get("per_filiale", True)),
            description=table.get("description", ""),
        )
    return extracts


EXTRACTS: dict[str, Extract] = load_extracts()
FILIALE_EXTRACTS = [name for name, e in EXTRACTS.items() if e.per_filiale]


def codes_of(extract: str, column: str) -> tuple[str, ...]:
    return EXTRACTS[extract].column(column).codes
