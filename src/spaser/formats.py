"""French number formats: `1 221 414 €`, `58,1 %`, `30,7 j`, dates JJ/MM/AAAA.

Thousands are separated by a narrow no-break space and units by a no-break
space, as French typography wants, so a figure never breaks across lines.
"""

from __future__ import annotations

from datetime import date, datetime

from spaser.constants import PARIS

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
MISSING = "—"
COMPARISONS = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "=": "="}
# unit: (decimals, suffix)
UNITS = {
    "percent": (1, "%"),
    "eur": (0, "€"),
    "days": (1, "j"),
    "count": (0, ""),
    "fte": (1, "ETP"),
}


def number(value: float, decimals: int) -> str:
    """`1234567.891, 1` -> `1 234 567,9`; never `-0`."""
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", NARROW_NBSP).replace(".", ",")


def figure(value: float | None, unit: str) -> str:
    """A figure in its unit; a boolean of a filiale reads oui/non."""
    if value is None:
        return MISSING
    if unit == "boolean":
        return "oui" if value >= 1 else "non"
    decimals, suffix = UNITS.get(unit, (2, ""))
    text = number(value, decimals)
    return f"{text}{NBSP}{suffix}" if suffix else text


def target(comparison: str | None, value: float | None, unit: str) -> str:
    if comparison is None or value is None:
        return ""
    shown_unit = "percent" if unit == "boolean" else unit
    return f"{COMPARISONS.get(comparison, comparison)}{NBSP}{figure(value, shown_unit)}"


def day(value: date | datetime | str | None) -> str:
    if value is None:
        return MISSING
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(PARIS)
        return value.strftime("%d/%m/%Y à %H:%M")
    return value.strftime("%d/%m/%Y")


def integer(value: int | None) -> str:
    return MISSING if value is None else number(value, 0)
