"""The deliberate bad rows: each a row the staging must reject, with the reason it gives."""

from __future__ import annotations

from dataclasses import dataclass
from random import Random


@dataclass
class Bad:
    """A row that the staging must reject, and why."""

    row: dict[str, str]
    kind: str
    column: str = ""
    value: str = ""
    after: dict[str, str] | None = None  # a duplicate comes after the row it repeats

    @property
    def reason(self) -> str:
        if self.kind == "duplicate key":
            return f"duplicate key ({self.value})"
        if self.kind == "unknown contract":
            return f"unknown contract '{self.value}'"
        if self.kind == "required field empty":
            return f"required field '{self.column}' is empty"
        return f"{self.kind} in '{self.column}': '{self.value}'"

    @property
    def label(self) -> str:
        """The reason without the value, to count bad rows by kind."""
        if self.kind in ("duplicate key", "unknown contract"):
            return self.kind
        return f"{self.kind} in '{self.column}'"


def invalid(row: dict[str, str], kind: str, column: str, value: str) -> Bad:
    row = dict(row)
    row[column] = value
    return Bad(row, kind, column, value)


def missing(row: dict[str, str], column: str) -> Bad:
    row = dict(row)
    row[column] = ""
    return Bad(row, "required field empty", column)


def invalid_copies(
    template: dict[str, str], key: str, cases: tuple[tuple[str, str, str, str], ...]
) -> list[Bad]:
    """Copies of `template` under keys of their own, each with one bad value: `cases` are
    (key value, kind, column, bad value); an empty required field is kind `required field
    empty` with an empty value."""
    return [invalid({**template, key: k}, kind, column, value) for k, kind, column, value in cases]


def duplicate(row: dict[str, str], key: tuple[str, ...], **changes: str) -> Bad:
    return Bad(
        {**row, **changes}, "duplicate key", value=repr(tuple(row[k] for k in key)), after=row
    )


def merge(rng: Random, good: list[dict[str, str]], bad: list[Bad]) -> list[tuple[dict, Bad | None]]:
    """Scatter the bad rows among the good ones; a duplicate lands after its original."""
    rows: list[tuple[dict, Bad | None]] = [(r, None) for r in good]
    for b in bad:
        first = 1
        if b.after is not None:
            first = next(i for i, (r, _) in enumerate(rows) if r is b.after) + 1
        rows.insert(rng.randint(first, len(rows)), (b.row, b))
    return rows
