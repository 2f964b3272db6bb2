"""The columns the suite reads beside the delivered ones.

The contract compares some values after a normalisation that no built-in
expectation performs (codes without case or accents, a SIRET without its
spaces), or by a rule a regex cannot say (`grammar.VALUE_CHECKS`), or
across files (a key already used in an earlier file): the value is computed
in pandas and an expectation reads it. Their names, `<column> (...)`, show
in the Data Docs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from spaser.contract import CODE, CODE_LIST, EXTRACTS, SIRET, Extract
from spaser.landing import LandedFile, file_frame
from spaser.validate.grammar import VALUE_CHECKS, out_of_range, remove_spaces

_COMBINING_MARKS = "[\u0300-\u036f]"
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


def normalize_codes(values: pd.Series) -> pd.Series:
    """Coded values as the contract compares them: no accents, no case, no surrounding spaces."""
    return (
        values.str.normalize("NFKD")
        .str.replace(_COMBINING_MARKS, "", regex=True)
        .str.strip()
        .str.lower()
    )


def normalized_set(codes: Sequence[str]) -> list[str]:
    return sorted(set(normalize_codes(pd.Series(list(codes), dtype="str"))))


def unknown_items(values: pd.Series, codes: Sequence[str]) -> pd.Series:
    """Per row, the list items that are not known codes ('|'-joined), null when all are known."""
    items = values.str.split("|").explode().astype("str").str.strip()
    items = items[items.notna() & (items != "")]
    unknown = items[~normalize_codes(items).isin(normalized_set(codes))]
    joined = unknown.groupby(level=0).agg("|".join)
    return joined.reindex(values.index).astype("str")


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
    derived: dict[str, pd.Series] = {}
    for column in extract.columns:
        values = frame[column.name]
        if column.kind == SIRET:
            values = derived[digits_name(column.name)] = remove_spaces(values)
        elif column.kind == CODE:
            derived[normalized_name(column.name)] = normalize_codes(values)
        elif column.kind == CODE_LIST:
            derived[unknown_items_name(column.name)] = unknown_items(values, column.codes)
        for check in VALUE_CHECKS.get(column.kind, ()):
            derived[check.column(column.name)] = check.find(values)
        if column.min is not None or column.max is not None:
            derived[out_of_range_name(column.name)] = out_of_range(
                values, column.kind, column.min, column.max
            )
    frame = frame.assign(**derived)
    frame[earlier_file_name(extract)] = registry.earlier_files(raw, key_values(frame, extract))
    return frame
