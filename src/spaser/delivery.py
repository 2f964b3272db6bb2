"""What a delivery folder holds, as the file system sees it.

The raw layer (macros/raw/) reads every file with DuckDB. What DuckDB cannot
tell is read here and handed to it through SQL functions, registered on
the dbt connection by `spaser.duckdb_plugin`:

- `spaser_delivery_entries(root)`: the entries of the raw folder and of its
  sub-folders, with what a broken link, a folder named like a file or an
  unreadable file is (DuckDB's glob skips them without a word), and for each
  CSV or FEC file its encoding, its line ending and its header line;
- `spaser_decode_windows_1252(bytes)`: a file that is not UTF-8, decoded as
  the Windows-1252 that French Windows software writes (DuckDB decodes
  UTF-8 only);
- `spaser_json_error(path)`: why a DECP file is not valid JSON (RFC 8259), line and
  column, or null: DuckDB's JSON reader accepts NaN, Infinity and trailing commas;
- `spaser_decode_iso_8859_15(bytes)`: the same for an accounting FEC file,
  which French accounting software writes in ISO 8859-15 when not in UTF-8.

No row is parsed here: the header line is handed over as text, and DuckDB
splits it like every other line.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

CHUNK_BYTES = 1 << 20
BOM_UTF8 = codecs.BOM_UTF8
BOMS_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

CONTROL_BYTE = b"\x01"
ENTRY_TYPE = (
    "STRUCT(folder VARCHAR, name VARCHAR, path VARCHAR, kind VARCHAR, encoding VARCHAR,"
    " line_ending VARCHAR, header VARCHAR, has_quotes BOOLEAN, streamable BOOLEAN,"
    " longest_line BIGINT, size_bytes BIGINT, regular_lines BOOLEAN)[]"
)


def _kind(path: Path) -> str:
    if path.is_symlink() and not path.exists():
        return "broken_link"
    if path.is_dir():
        return "folder"
    if not path.is_file():
        return "other"
    return "file" if os.access(path, os.R_OK) else "unreadable"


@dataclass
class _Scan:
    """What one pass over a file's bytes tells: encoding, quotes, line endings."""

    is_utf8: bool = True
    has_quotes: bool = False
    has_control_byte: bool = False
    cr: int = 0
    lf: int = 0  # counted from the first chunk holding a CR: an LF file has no CR to match
    crlf: int = 0
    lf_before_cr: bool = False
    longest_line: int = 0

    def regular_endings(self, ending: str) -> bool:
        """Every line break is the header's: no stray CR (or LF) a reader would split at."""
        if ending == "\r\n":
            return self.cr == self.lf == self.crlf and not self.lf_before_cr
        return self.cr == 0 if ending == "\n" else self.lf == 0 and not self.lf_before_cr


def _scan(handle, first: bytes) -> _Scan:
    # Every test is a C-level pass over the chunk: the inventory reads each byte of the
    # delivery (2.3 GB for the group), so a pass skipped is seconds saved on every build.
    scan = _Scan()
    decoder = codecs.getincrementaldecoder("utf-8")()
    chunk, previous, partial_line = first, b"", 0
    while chunk:
        scan.has_quotes = scan.has_quotes or b'"' in chunk
        scan.has_control_byte = scan.has_control_byte or CONTROL_BYTE in chunk
        # Line feeds are counted only once a CR is seen: an LF file needs no count, and
        # counting them cost about 15 % of the inventory's CPU (the group: 5.2-5.5 s, 4.6-4.7 s).
        if scan.cr or b"\r" in chunk:
            scan.cr += chunk.count(b"\r")
            scan.crlf += chunk.count(b"\r\n")
            scan.lf += chunk.count(b"\n")
        else:
            scan.lf_before_cr = scan.lf_before_cr or b"\n" in chunk
        scan.crlf += previous == b"\r" and chunk[:1] == b"\n"
        # The longest line, or more: exact for a line that runs over chunks; a line inside
        # one chunk is bounded by the span between the chunk's first and last line feed.
        first_lf = chunk.find(b"\n")
        if first_lf < 0:
            partial_line += len(chunk)
        else:
            last_lf = chunk.rfind(b"\n")
            inside = last_lf - first_lf - 1
            scan.longest_line = max(scan.longest_line, partial_line + first_lf, inside)
            partial_line = len(chunk) - last_lf - 1
        # An ASCII chunk is UTF-8 unless a multi-byte character was left open before it.
        if scan.is_utf8 and not (chunk.isascii() and not decoder.getstate()[0]):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                scan.is_utf8 = False
        previous = chunk[-1:]
        chunk = handle.read(CHUNK_BYTES)
    scan.longest_line = max(scan.longest_line, partial_line)
    if scan.is_utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            scan.is_utf8 = False
    return scan


def _line_ending(text: str) -> str:
    """The line ending of the first line: LF, CRLF or a lone CR (LF when there is none)."""
    for i, char in enumerate(text):
        if char == "\n":
            return "\n"
        if char == "\r":
            return "\r\n" if text[i + 1 : i + 2] == "\n" else "\r"
    return "\n"


def inspect_file(path: Path) -> dict:
    """Encoding, line ending, header line and reading path of a CSV file (its bytes read once).

    `has_quotes`: without a quote anywhere, each line is a record of its own.
    `streamable`: UTF-8 whose every line break is the header's, and without the
    control byte the raw layer uses as a never-occurring delimiter, so DuckDB's
    CSV reader can stream its lines (`longest_line` bytes at most: a bound, exact
    for a line longer than a read chunk) instead of the file being split in memory.
    `regular_lines`: the same, whatever the encoding (an ISO 8859-15 FEC is
    streamed by DuckDB's Latin-1 decoder).
    """
    with path.open("rb") as handle:
        first = handle.read(CHUNK_BYTES)
        if first.startswith(BOMS_UTF16):
            return {"encoding": "utf-16"}
        scan = _scan(handle, first)
    encoding = "utf-8" if scan.is_utf8 else "windows-1252"
    head = first[len(BOM_UTF8) :] if first.startswith(BOM_UTF8) else first
    text = head.decode(encoding, errors="replace")
    ending = _line_ending(text)
    return {
        "encoding": encoding,
        "line_ending": ending,
        "header": text.split(ending, 1)[0],
        "has_quotes": scan.has_quotes,
        "streamable": scan.is_utf8 and not scan.has_control_byte and scan.regular_endings(ending),
        "longest_line": scan.longest_line,
        "regular_lines": not scan.has_control_byte and scan.regular_endings(ending),
    }


def _entry(folder: str, path: Path) -> dict:
    kind = _kind(path)
    entry = {
        "folder": folder,
        "name": path.name,
        "path": str(path),
        "kind": kind,
        "encoding": None,
        "line_ending": None,
        "header": None,
        "has_quotes": None,
        "streamable": None,
        "longest_line": None,
        "size_bytes": path.stat().st_size if kind == "file" else None,
        "regular_lines": None,
    }
    if kind == "file" and (path.suffix.lower() == ".csv" or is_fec_file_name(path.name)):
        entry.update(inspect_file(path))
    return entry


def _visible(folder: Path) -> list[Path]:
    return sorted((p for p in folder.iterdir() if not p.name.startswith(".")), key=lambda p: p.name)


def delivery_entries(root: str) -> list[dict]:
    """The raw folder's entries (folder '') and those of its sub-folders (folder = its name).

    An empty list when the raw folder is not a readable folder.
    """
    top = Path(root)
    if not top.is_dir() or not os.access(top, os.R_OK | os.X_OK):
        return []
    entries = []
    for path in _visible(top):
        entries.append(_entry("", path))
        if entries[-1]["kind"] == "folder":
            entries.extend(_entry(path.name, child) for child in _visible(path))
    return entries


# `FEC` not between two letters (accounting-fec.md): `ExportFEC2025.txt` and `FEC_2025.txt`
# are FECs, `effectifs.csv` is not. The raw layer's macro raw_is_fec_name uses the same pattern.
FEC_NAME = re.compile(r"(?<![^\W\d_])fec|fec(?![^\W\d_])")


def is_fec_file_name(name: str) -> bool:
    """An accounting FEC file: `FEC` not between two letters, `.txt` or `.csv` (case ignored)."""
    lowered = name.lower()
    return bool(FEC_NAME.search(lowered)) and lowered.endswith((".txt", ".csv"))


# A JSON string, or one of the constants Python's `json` would accept outside RFC 8259.
_STRING_OR_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)')


def _refuse_constant(name: str):
    raise ValueError(name)


def _constant_position(text: str) -> str:
    for match in _STRING_OR_CONSTANT.finditer(text):
        if match.group(1):
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            return f"line {line} column {column}: {match.group(1)}"
    return "NaN or Infinity"


def json_error(path: str) -> str | None:
    """Why a file is not valid JSON (RFC 8259), with its line and column; None when it is.

    DuckDB's JSON reader accepts NaN, Infinity and trailing commas, so Python's `json`
    judges, with the constants it would accept refused. A UTF-8 byte-order mark is allowed.
    """
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return f"not UTF-8 (byte {error.start + 1})"
    try:
        json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        return f"line {error.lineno} column {error.colno}: {error.msg}"
    except ValueError:
        return f"{_constant_position(text)} is not a JSON value (RFC 8259 has no NaN or Infinity)"
    return None


def decode_windows_1252(content: bytes) -> str:
    return content.decode("cp1252", errors="replace")


def decode_iso_8859_15(content: bytes) -> str:
    return content.decode("iso8859_15")


def register(connection: duckdb.DuckDBPyConnection) -> None:
    """Make the functions callable from SQL on this connection and its cursors."""
    connection.create_function(
        "spaser_delivery_entries", delivery_entries, ["VARCHAR"], ENTRY_TYPE, side_effects=True
    )
    connection.create_function(
        "spaser_decode_windows_1252", decode_windows_1252, ["BLOB"], "VARCHAR"
    )
    connection.create_function(
        "spaser_json_error",
        json_error,
        ["VARCHAR"],
        "VARCHAR",
        null_handling="special",
        side_effects=True,
    )
    connection.create_function("spaser_decode_iso_8859_15", decode_iso_8859_15, ["BLOB"], "VARCHAR")
