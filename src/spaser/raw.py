"""Read the raw extracts of a delivery folder, as the contract says.

Each raw file is parsed once, here, and lands in a DuckDB table (the `raw_*`
dbt Python models) where every value is kept as text, stripped, with the
filiale, the file and the line number of its row. Typing and validation are
the staging models' job.
"""

from __future__ import annotations

import csv
import fnmatch
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from spaser.contract import EXTRACTS, Extract

DEFAULT_RAW_DIR = Path(__file__).resolve().parents[2] / "data" / "demo" / "raw"
BATCH_ROWS = 200_000


class RawContractError(Exception):
    """A delivery that breaks the contract in a way no row-level reject can hold."""


@dataclass(frozen=True)
class RawFile:
    filiale_code: str | None
    extract: str
    path: Path

    @property
    def name(self) -> str:
        return self.path.name


def raw_dir(configured: str | None = None) -> Path:
    value = configured or os.environ.get("SPASER_RAW_DIR") or str(DEFAULT_RAW_DIR)
    path = Path(value).expanduser().resolve()
    if not path.is_dir():
        raise RawContractError(f"raw folder not found: {path} (SPASER_RAW_DIR)")
    return path


def filiale_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def files_of(folder: Path, extract: str) -> list[Path]:
    """Files of one extract in a folder, in name order (the duplicate rule's order)."""
    pattern = f"{extract}*.csv"
    return sorted(
        (p for p in folder.iterdir() if p.is_file() and fnmatch.fnmatch(p.name.lower(), pattern)),
        key=lambda p: p.name,
    )


def delivery_files(root: Path, known_filiales: set[str]) -> list[RawFile]:
    """Every per-filiale raw file of the folder; an unknown filiale folder is an error."""
    found: list[RawFile] = []
    for folder in filiale_folders(root):
        if folder.name not in known_filiales:
            raise RawContractError(
                f"filiale folder '{folder.name}' ({folder}) is not in filiales.csv "
                f"(known: {', '.join(sorted(known_filiales)) or 'none'})"
            )
        for extract in EXTRACTS.values():
            if extract.per_filiale:
                found.extend(
                    RawFile(folder.name, extract.name, p) for p in files_of(folder, extract.name)
                )
    return found


def filiales_file(root: Path) -> Path:
    path = root / "filiales.csv"
    if not path.is_file():
        raise RawContractError(f"{path}: filiales.csv is missing from the raw folder")
    return path


def _header_index(path: Path, header: list[str], extract: Extract) -> list[int | None]:
    names = [h.strip().lower() for h in header]
    positions: dict[str, int] = {}
    for i, name in enumerate(names):
        positions.setdefault(name, i)
    missing = [c for c in extract.required_columns if c not in positions]
    if missing:
        raise RawContractError(
            f"{path}: required column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(repr(c) for c in missing)} missing from the header (line 1) "
            f"of this '{extract.name}' extract"
        )
    return [positions.get(c) for c in extract.column_names]


def read_rows(path: Path, extract: Extract) -> Iterator[tuple[int, list[str | None]]]:
    """(line number, values in contract column order) for every non-blank row of a file."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        # strict: a stray quote is an error, not a field that swallows the next lines.
        reader = csv.reader(handle, delimiter=";", quotechar='"', strict=True)
        try:
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise RawContractError(f"{path}: line 1: unreadable header ({exc})") from exc
        if header is None:
            raise RawContractError(f"{path}: empty file, line 1 must be the header")
        index = _header_index(path, header, extract)
        previous_end = reader.line_num
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise RawContractError(
                    f"{path}: line {previous_end + 1}: {exc} (unclosed or stray quote?)"
                ) from exc
            except UnicodeDecodeError as exc:
                raise RawContractError(
                    f"{path}: line {previous_end + 1}: not UTF-8 ({exc})"
                ) from exc
            start = previous_end + 1
            previous_end = reader.line_num
            if previous_end > start:
                # One row per line: a row spanning lines has an unclosed quote, and
                # the rows it swallowed would be lost without a trace.
                raise RawContractError(
                    f"{path}: line {start}: a quoted field runs over lines {start}-{previous_end}"
                    " (unclosed quote?)"
                )
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue
            width = len(fields)
            values: list[str | None] = []
            for i in index:
                value = fields[i].strip() if i is not None and i < width else ""
                values.append(value or None)
            yield start, values


def schema_of(extract: Extract) -> pa.Schema:
    meta = [
        pa.field("filiale_code", pa.string()),
        pa.field("source_file", pa.string()),
        pa.field("line_number", pa.int64()),
    ]
    return pa.schema(meta + [pa.field(c, pa.string()) for c in extract.column_names])


def batches(files: list[RawFile], extract: Extract) -> Iterator[pa.RecordBatch]:
    schema = schema_of(extract)
    width = len(extract.columns)

    def flush(meta, cols):
        arrays = [pa.array(values, type=schema.field(i).type) for i, values in enumerate(meta)]
        arrays += [pa.array(values, type=pa.string()) for values in cols]
        return pa.RecordBatch.from_arrays(arrays, schema=schema)

    for raw in files:
        meta: list[list] = [[], [], []]
        cols: list[list] = [[] for _ in range(width)]
        for line, values in read_rows(raw.path, extract):
            meta[0].append(raw.filiale_code)
            meta[1].append(raw.name)
            meta[2].append(line)
            for col, value in zip(cols, values, strict=True):
                col.append(value)
            if len(meta[2]) >= BATCH_ROWS:
                yield flush(meta, cols)
                meta = [[], [], []]
                cols = [[] for _ in range(width)]
        if meta[2]:
            yield flush(meta, cols)


def extract_reader(files: list[RawFile], extract_name: str) -> pa.RecordBatchReader:
    """A stream of the rows of all the files of one extract, for DuckDB to land."""
    extract = EXTRACTS[extract_name]
    return pa.RecordBatchReader.from_batches(schema_of(extract), batches(files, extract))


def landed_extract(inventory, extract_name: str) -> pa.RecordBatchReader:
    """Rows of one extract for the files listed in the `raw_files` inventory relation."""
    rows = inventory.filter(f"extract = '{extract_name}'").order("filiale_code, source_file")
    files = [
        RawFile(filiale, extract_name, Path(path))
        for filiale, path in rows.select("filiale_code, source_path").fetchall()
    ]
    return extract_reader(files, extract_name)
