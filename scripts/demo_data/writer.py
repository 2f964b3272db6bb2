"""Writing one filiale's raw files in the habits of its export tools, and recording where each
deliberate bad row landed (file and line) for the manifest."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

from spaser.contract import EXTRACTS

from .planted import Bad, merge
from .profiles import Profile

# (filiale, extract, file name, line, reason without its value, reason)
Reject = tuple[str, str, str, int, str, str]


@dataclass
class Context:
    """One filiale being written: its profile, its random streams, its folder, its bad rows."""

    profile: Profile
    seed: int
    invoices: int
    folder: Path
    rejects: list[Reject] = field(default_factory=list)

    def rng(self, purpose: str) -> Random:
        # A string seed is hashed with SHA-512: stable across runs and PYTHONHASHSEED.
        return Random(f"{self.seed}/{self.profile.code}/{purpose}")

    def header(self, extract: str, file_stem: str, extras: tuple[str, ...] = ()) -> list[str]:
        columns = EXTRACTS[extract].column_names
        rng = self.rng(f"columns/{file_stem}")
        for extra in extras:
            columns.insert(rng.randrange(len(columns) + 1), extra)
        if file_stem in self.profile.shuffled or extract in self.profile.shuffled:
            rng.shuffle(columns)
        return columns

    def open(
        self, extract: str, file_stem: str, columns: list[str], header: list[str] | None = None
    ) -> RawWriter:
        p = self.profile
        return RawWriter(
            ctx=self,
            extract=extract,
            path=self.folder / f"{file_stem}.csv",
            columns=columns,
            header=header or columns,
            bom=extract in p.bom,
            crlf=p.crlf,
            quote_all=extract in p.quote_all,
        )

    def record(self, extract: str, file_name: str, line: int, bad: Bad) -> None:
        self.rejects.append((self.profile.code, extract, file_name, line, bad.label, bad.reason))


class RawWriter:
    """One raw file, in the header order, encoding and line endings of its export tool."""

    def __init__(
        self,
        ctx: Context,
        extract: str,
        path: Path,
        columns: list[str],
        header: list[str],
        bom: bool,
        crlf: bool,
        quote_all: bool,
    ) -> None:
        self.ctx = ctx
        self.extract = extract
        self.path = path
        self.columns = columns
        # The utf-8-sig codec encodes in Python at every write: write its BOM by hand instead.
        self.handle = path.open("w", encoding="utf-8", newline="")
        if bom:
            self.handle.write("\ufeff")
        self.newline = "\r\n" if crlf else "\n"
        self.writer = csv.writer(
            self.handle,
            delimiter=";",
            quotechar='"',
            lineterminator=self.newline,
            quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
        )
        self.writer.writerow(header)
        self.line = 1

    def write(self, row: dict[str, str], bad: Bad | None = None, short: bool = False) -> None:
        values = [row.get(c, "") for c in self.columns]
        if short:
            # An export that drops the trailing empty fields of a row.
            while values and not values[-1]:
                values.pop()
        self.write_values(values, bad)

    def write_values(self, values: Sequence[str], bad: Bad | None = None) -> None:
        """A row already in the file's column order (the invoice stream's)."""
        self.writer.writerow(values)
        self.line += 1
        if bad is not None:
            self.ctx.record(self.extract, self.path.name, self.line, bad)

    def blank_line(self) -> None:
        self.handle.write(self.newline)
        self.line += 1

    def close(self) -> None:
        self.handle.close()


def write_table(
    ctx: Context,
    extract: str,
    good: list[dict[str, str]],
    bad: list[Bad],
    extras: tuple[str, ...] = (),
    spelled: Callable[[list[str]], list[str]] | None = None,
    blank_after: int | None = None,
) -> None:
    """One extract in one file: its good rows with its bad rows scattered among them."""
    if extract in ctx.profile.absent:
        return
    columns = ctx.header(extract, extract, extras)
    writer = ctx.open(extract, extract, columns, spelled(columns) if spelled else None)
    if extract not in ctx.profile.header_only:
        for i, (row, b) in enumerate(merge(ctx.rng(f"merge/{extract}"), good, bad)):
            if i == blank_after:
                writer.blank_line()
            writer.write(row, b, short=bool(row.get("_short")))
    writer.close()
