"""The columns the suite reads beside the delivered ones.

The contract compares some values after a normalisation that no built-in
expectation performs (codes without case or accents, a SIRET without its
spaces), or by a rule a regex cannot say (`grammar.VALUE_CHECKS`): those
values are computed by the staging's own parsing macros, run in DuckDB
(`grammar.GRAMMAR`). A key already used in an earlier file is found in
pandas. An expectation reads each; their names, `<column> (...)`, show in
the Data Docs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from spaser.contract import CODE, CODE_LIST, EXTRACTS, SIRET, Column, Extract
from spaser.landing import LandedFile, file_frame
from spaser.validate.grammar import GRAMMAR, VALUE_CHECKS, Grammar

# A character no raw value holds (the reader splits on ';' and strips), so
# that joining a compound key cannot make two different keys equal.
KEY_SEPARATOR = "\x1f"


def normalized_name(column: str) -> str:
    return f"{column} (normalized)"


def digits_name(column: str) -> str:
    return f"{column} (spaces removed)"


def unknown_items_name(column: str) -> str:
    return f"{column} (unknown items)"


def out_of_range_name(column: str) -> str:
    return f"{column} (out of range)"


def earlier_file_name(extract: Extract) -> str:
    return f"{' + '.join(extract.key)} (already in an earlier file)"


def checked_name(extract: Extract, column: str) -> str:
    """The column a kind's checks read: a SIRET's without its spaces, else the delivered one."""
    return digits_name(column) if extract.column(column).kind == SIRET else column


def normalized_set(codes: Sequence[str]) -> list[str]:
    """The codes as normalize_code spells them, for the suite's value set."""
    return GRAMMAR.normalized_codes(codes)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def derived_sql(column: Column, grammar: Grammar = GRAMMAR) -> dict[str, str]:
    """The derived columns of one delivered column, as SQL over the delivered values."""
    raw = _quoted(column.name)
    derived: dict[str, str] = {}
    checked = raw
    if column.kind == SIRET:
        checked = derived[digits_name(column.name)] = grammar.sql("clean_siret", raw)
    elif column.kind == CODE:
        derived[normalized_name(column.name)] = grammar.sql("normalize_code", raw)
    elif column.kind == CODE_LIST:
        unknown = grammar.sql("parse_code", "item", column.codes)
        items = grammar.sql("parse_list", raw)
        derived[unknown_items_name(column.name)] = (
            f"nullif(array_to_string([item for item in {items} if ({unknown}) is null], '|'), '')"
        )
    for check in VALUE_CHECKS.get(column.kind, ()):
        failing = grammar.failing(column.kind, check, checked)
        derived[check.column(column.name)] = f"case when {failing} then {raw} end"
    if column.min is not None or column.max is not None:
        reject = grammar.out_of_range(column.kind, raw, column.min, column.max)
        derived[out_of_range_name(column.name)] = f"case when ({reject}) is not null then {raw} end"
    return derived


def key_values(frame: pd.DataFrame, extract: Extract) -> pd.Series:
    """One string per row for the extract's key; null when a key column is empty."""
    parts = [frame[checked_name(extract, c)] for c in extract.key]
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
    """Add the columns the suite of this extract expects (see `suite.build_suite`)."""
    extract = EXTRACTS[raw.extract]
    expressions = {name: sql for c in extract.columns for name, sql in derived_sql(c).items()}
    frame = frame.assign(**GRAMMAR.run(frame[extract.column_names], expressions))
    frame[earlier_file_name(extract)] = registry.earlier_files(raw, key_values(frame, extract))
    return frame
